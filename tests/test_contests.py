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
