"""The two sides of a contest a question asks the winner of."""

from rag.contests import contest_sides


def test_a_question_asking_who_won_names_the_contests_two_sides() -> None:
    assert contest_sides("Who won the Chiefs-Packers Sunday Night Football game?") == ("Chiefs", "Packers")
    assert contest_sides("who won Prochazka vs Pereira at UFC 295") == ("Prochazka", "Pereira")
    assert contest_sides("who won rovers vs town") == ("rovers", "town")
    assert contest_sides("Who won the semi-final between India and New Zealand?") == ("India", "New Zealand")


def test_a_hyphenated_word_or_a_question_asking_no_winner_names_no_sides() -> None:
    assert contest_sides("Who won the pre-season match?") is None  # "pre-season" is one word, no two teams
    assert contest_sides("Who won the round-robin final in Turin?") is None
    assert contest_sides("Who scored in the Chiefs-Packers game?") is None  # asks a scorer, not a winner


def test_a_score_beside_another_side_is_of_another_contest() -> None:
    # "Chelsea vs Arsenal final score": not a table of meetings with a third side
    from rag.asked_kinds import WRITES_SCORE
    from rag.contests import of_another_contest, scored_sides

    assert scored_sides("What was the score of Rovers' cup final against Town?") == ("Rovers", "Town")
    assert scored_sides("rovers vs town score") is None  # typed in lower case: no sides to tell apart
    assert scored_sides("Rovers vs Town final score Bramley Park") == ("Rovers", "Town")
    assert scored_sides("By what score did Harlow Rovers beat Town?") == ("Harlow Rovers", "Town")
    assert scored_sides("What was the score when Georgia visited Tennessee?") == ("Georgia", "Tennessee")

    def anothers(sentence: str, sides: tuple[str, str] = ("Rovers", "Town")) -> bool:
        return of_another_contest(sentence, sides, [m.span() for m in WRITES_SCORE.finditer(sentence)])

    assert anothers("Aug. 2, 2023 Bramley Park Kessel City 4-1 Town League Cup")
    assert anothers("Kessel City 4-1 Town")
    assert anothers("Man City 4-1 Rovers", ("Man United", "Rovers"))  # "Man" tells no side
    # the sides, or one side alone, or a nickname alone, or two other names (the sides' cities): theirs
    assert not anothers("Harlow rolled to a 31-17 win over Kessel.")
    assert not anothers("The Hoops won 2-0 against Kessel on Saturday.")  # in prose, the sides by other names
    assert not anothers("Hale missed Rovers' 1-0 victory over Kessel City last time out.")
    assert not anothers("Even when Kessel City tied the score at 17-17 late on, Rovers answered.")
    assert not anothers("Rovers beat Town 2-0 at Bramley Park.")
    assert not anothers("Town lost 2-0 to Rovers.")
    assert not anothers("Ada Berg scored twice as Rovers won 2-0.")
    assert not anothers("The Hoops won 2-0 on Saturday.")
    assert not anothers("Rovers 2-2 Town: Berg scores a stunner")
