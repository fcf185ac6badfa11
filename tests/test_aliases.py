"""Initials spelled out for the person they stand for."""

from __future__ import annotations

from rag.aliases import initials, spell_out_initials

PEOPLE = ["Marta Oyelaran-Kent", "Andrei Iancu", "Tomas Berg", "Tilde Bakke"]
PASSAGES_WRITING = {"mok": 3, "oyelaran": 40, "kent": 55, "ai": 900, "iancu": 2, "tb": 1, "berg": 30, "bakke": 20}


def frequency(word: str) -> int:
    return PASSAGES_WRITING.get(word, 0)


def test_initials_take_each_word_and_each_hyphened_part() -> None:
    assert initials("Marta Oyelaran-Kent") == "MOK"
    assert initials("Andrei Iancu") == "AI"


def test_initials_of_one_quoted_person_are_followed_by_the_name() -> None:
    assert spell_out_initials("Why is MOK on trial?", PEOPLE, frequency) == "Why is MOK (Marta Oyelaran-Kent) on trial?"


def test_a_word_written_more_often_than_the_surname_stays_as_it_is() -> None:
    assert spell_out_initials("What is AI used for?", PEOPLE, frequency) == "What is AI used for?"


def test_initials_two_people_share_or_nobody_has_stay_as_they_are() -> None:
    assert spell_out_initials("What did TB say?", PEOPLE, frequency) == "What did TB say?"
    assert spell_out_initials("What did the SEC say?", PEOPLE, frequency) == "What did the SEC say?"


def test_a_question_that_names_the_person_or_is_all_capitals_is_left_alone() -> None:
    named = "Why is MOK, Marta Oyelaran-Kent, on trial?"
    assert spell_out_initials(named, PEOPLE, frequency) == named
    assert spell_out_initials("WHY IS MOK ON TRIAL?", PEOPLE, frequency) == "WHY IS MOK ON TRIAL?"


def test_a_title_written_out_is_followed_by_the_initials_the_articles_write() -> None:
    from rag.aliases import add_title_initials

    assert add_title_initials("Who is replacing Ada Lin as chief executive?") == (
        "Who is replacing Ada Lin as chief executive (CEO)?"
    )
    assert (
        add_title_initials("Who was named Chief Financial Officer?") == "Who was named Chief Financial Officer (CFO)?"
    )
    assert add_title_initials("Read the chief executive's letter") == "Read the chief executive's (CEO) letter"
    # initials are left as they are; a question writing the same initials, or a compound, is left alone
    assert add_title_initials("When does Ada Lin take over as CEO?") == "When does Ada Lin take over as CEO?"
    assert add_title_initials("Is the CEO the chief executive officer?") == "Is the CEO the chief executive officer?"
    assert add_title_initials("Who is the chief executive-designate?") == "Who is the chief executive-designate?"
    assert add_title_initials("Who is the chief of police?") == "Who is the chief of police?"
    # other initials do not stop it
    assert add_title_initials("Who is chief executive, and what does the CFO think?") == (
        "Who is chief executive (CEO), and what does the CFO think?"
    )


def test_initials_before_a_capitalised_word_are_a_first_name_and_stay_as_they_are() -> None:
    # "MOK Berg" is someone whose first name is written as initials, not Marta Oyelaran-Kent
    assert (
        spell_out_initials("How many yards did MOK Berg have?", PEOPLE, frequency)
        == "How many yards did MOK Berg have?"
    )
    assert spell_out_initials("Why is MOK on trial?", PEOPLE, frequency) == "Why is MOK (Marta Oyelaran-Kent) on trial?"
    assert spell_out_initials("Why is MOK's trial late?", PEOPLE, frequency) == (
        "Why is MOK (Marta Oyelaran-Kent)'s trial late?"
    )
    # a question with a capital on every word tells nothing by them
    assert spell_out_initials("What Did MOK Say About Lund?", PEOPLE, frequency) == (
        "What Did MOK (Marta Oyelaran-Kent) Say About Lund?"
    )
