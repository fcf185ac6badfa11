"""Reading whom a question asks what they said, and whose a sentence is."""

from collections.abc import Set as AbstractSet

from rag.lexicon import content_stems
from rag.voices import Voice, asked_voice, is_theirs, on_topic, speaks


def test_a_question_asking_what_a_named_one_said_names_them_and_the_topic() -> None:
    voice = asked_voice("What did Harbour Mayor Ansel Brandt say about the second ferry?")
    assert voice == Voice("Harbour Mayor Ansel Brandt", "Ansel Brandt", "the second ferry")
    assert asked_voice("How did Norway respond to the new quota?") == Voice("Norway", "Norway", "the new quota")
    assert asked_voice("What is Dahl's view on dredging?") == Voice("Dahl", "Dahl", "dredging")
    assert asked_voice("What is Anna Dahl's worry about the new quota?") == Voice(
        "Anna Dahl", "Anna Dahl", "the new quota"
    )
    assert asked_voice("What was Brandt's explanation for the delay?") == Voice("Brandt", "Brandt", "the delay")
    assert asked_voice("Where does the IMF stand on port fees?") == Voice("the IMF", "IMF", "port fees")
    assert asked_voice("tell me what Lin Wei-ting thinks of the fares") == Voice(
        "Lin Wei-ting", "Lin Wei-ting", "the fares"
    )
    # a title before the name is no part of it
    berg = Voice("transport minister Elin Berg", "Elin Berg", "")
    assert asked_voice("What did transport minister Elin Berg say?") == berg
    # whom they told is no topic
    assert asked_voice("What did Ansel Brandt tell the Gazette about the ferry?") == Voice(
        "Ansel Brandt", "Ansel Brandt", "the ferry"
    )
    # a view asked with a word before it, of someone named with their employer
    assert asked_voice("What is Quayside Ferries' Ansel Brandt's main complaint about the fees?") == Voice(
        "Quayside Ferries' Ansel Brandt", "Ansel Brandt", "the fees"
    )
    assert asked_voice("What did Ansel Brandt tell the big harbour board members about fees?") == Voice(
        "Ansel Brandt", "Ansel Brandt", "fees"
    )
    # a question written all in lower case: words rare in English are the name's
    assert asked_voice("what did harbour mayor ansel brandt say about fares?") == Voice(
        "harbour mayor ansel brandt", "ansel brandt", "fares"
    )
    assert asked_voice("what did the norwegian author say about quotas?") is None
    # "Does X think Y?" asks what they said on Y, though others' reports of Y may answer it too
    assert asked_voice("Does Ansel Brandt think the ferry will pay off?") == Voice(
        "Ansel Brandt", "Ansel Brandt", "the ferry will pay off", only_theirs=False
    )
    assert asked_voice("Does the port need a new crane?") is None
    # a quoted person and where they work: the person, when the articles quote them
    asked = "What did Seema Holt of Principal Harbour Management make of the fee report?"
    assert asked_voice(asked, known=["Seema Holt"]) == Voice(
        "Seema Holt of Principal Harbour Management", "Seema Holt", "the fee report"
    )
    university = asked_voice("What did the University of Tromso say about quotas?", known=["Tromso"])
    assert university is not None and university.name == "University of Tromso"


def test_descriptions_groups_outlets_and_other_questions_name_no_one() -> None:
    assert asked_voice("What does the Norwegian author say about quotas?") is None  # a description
    assert asked_voice("What do experts say about quotas?") is None
    assert asked_voice("What did the Harbour Gazette say about fares?", skip=[(13, 28)]) is None  # an outlet
    assert asked_voice("What percentage of Norwegian voters expect a rise?") is None
    assert asked_voice("What is the name of the firm that Reuters said would buy the port?") is None
    assert asked_voice("Who is Anna Dahl?") is None
    # what someone will do, or how they go about something, is no statement of theirs
    assert asked_voice("How will Norway respond to the new quota?") is None
    assert asked_voice("Explain how Norway expects to pay for the new port") is None


def test_a_sentence_is_theirs_inside_their_statement_or_naming_them_beside_a_verb_of_saying() -> None:
    assert is_theirs("Dahl", "“This is especially true for cranes.”", ["Anna Dahl"])
    assert is_theirs("Norway", "Norway responded by raising its own quota.", [])
    assert is_theirs("Norway", "The plan, according to Norway, is unfair.", [])
    assert not is_theirs("Norway", "Boats from Norway fished in the bay all winter long last year.", [])
    assert is_theirs("Ansel Brandt", "Ansel Brandt insists the ferry must run all winter.", [])
    assert not is_theirs("Dahl", "The board met on Tuesday.", ["Ola Berg"])
    # the verb of saying after an aside on who they are; "termed", "dubbed" and "slammed" say too
    aside = "Anna Dahl, a harbour pilot for thirty years who sits on the port board, termed the plan “reckless”."
    assert is_theirs("Anna Dahl", aside, []) and is_theirs("Dahl", aside, [])
    assert not is_theirs("Anna Dahl", "Anna Dahl, a harbour pilot for thirty years, sailed the night ferry.", [])
    # a quotation a clause naming them opens after a colon is theirs; one that only follows their name is not
    assert is_theirs(
        "Anna Dahl", "That sounds like progress, but the port's Dahl is not so sure: “Fees will rise.”", []
    )
    assert not is_theirs("Anna Dahl", "Dahl met the mayor on Tuesday, and the union replied: “Fees will rise.”", [])


def test_a_person_is_also_their_surname_alone() -> None:
    assert is_theirs("Dean Cain", "Last year, Cain told a reporter the decision affected his career.", [])
    assert not is_theirs("Li Wu", "Wu was the dynasty after it, the guide said.", [])  # too short to stand alone
    assert speaks("Dean Cain", "Cain") and speaks("Kawai", "Daisuke Kawai")
    assert speaks("Kim Hyo-myung", "Kim Hye Myung")
    assert not speaks("Dean Cain", "Dean Martin")


def test_what_they_hoped_for_is_on_the_topic_of_what_they_hope_for() -> None:
    def share(stems: AbstractSet[str], text: str) -> float:
        return len(stems & content_stems(text)) / len(stems)

    theirs = ["I will be the first mayor to attend the harbour summit.", "The weather was fine."]
    # "hoped to achieve" asks what they wanted: their words on the summit tell it
    assert on_topic("he hoped to achieve at the harbour summit", "Brandt", theirs, share, 0.6) == [0]
