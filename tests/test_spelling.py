"""A word mistyped by one slip of the fingers is read as the corpus word it is a slip of."""

from rag.coverage import Vocabulary
from rag.spelling import correct_slips, slips_of

# in how many passages each word is written
PASSAGES = {"kindle": 26, "kinder": 2, "against": 941, "earbuds": 106, "frisco": 6, "report": 649, "veto": 7}
PASSAGES |= {"first": 1686, "fist": 7, "honda": 4, "scrimmage": 28, "summaries": 9, "quillo": 2, "has": 3000}
VOCABULARY = Vocabulary.from_words(PASSAGES, cased={"kindle": "Kindle", "frisco": "Frisco", "honda": "Honda"})


def corrected(question: str) -> str:
    return correct_slips(question, VOCABULARY, lambda word: PASSAGES.get(word, 0))


def test_a_slip_is_two_letters_swapped_one_left_out_or_one_too_many() -> None:
    assert {"kindle", "against"} <= slips_of("kindel") | slips_of("agaisnt")
    assert "earbuds" in slips_of("earbds") and "scrimmage" in slips_of("scrimage")
    assert "first" in slips_of("firrst")
    assert "kinder" not in slips_of("kindel")  # one letter typed for another makes other words as often


def test_a_word_the_corpus_never_writes_is_read_as_the_one_it_is_a_slip_of() -> None:
    # as the corpus writes it: a name gets its capital
    assert corrected("How much does the new kindel start at?") == "How much does the new Kindle start at?"
    assert corrected("passing yards agaisnt Detroit, and scrimage yards") == (
        "passing yards against Detroit, and scrimmage yards"
    )
    assert corrected("sony earbds price, frist week") == "sony earbuds price, first week"
    assert corrected("the new quilo") == "the new quillo"  # a name English knows no more than the slip


def test_a_word_that_may_be_meant_as_written_is_left_as_it_is() -> None:
    for question in [
        "whats pete prisco's record",  # one letter for another: "Frisco" is another word
        "is keto good for you",  # "veto" likewise
        "Who replaced Eddie D'Hondt?",  # a name written with a capital the corpus may lack ("Honda")
        "the jobless rate",  # a word English knows well is meant
        "the kindles on sale",  # the corpus writes "kindle": a form of a word it writes
        "summarise the articles",  # a word English knows nearly as well as "summaries", two letters swapped
        "why Rovers hasn't made cameras mandatory",  # a negation: "hasn" is no slip of "has"
        "why Rovers hasn’t made cameras mandatory",
    ]:
        assert corrected(question) == question
    # a slip of two words, neither written far more than the other, is not guessed at
    even = {"card": 3, "cadre": 3}
    vocabulary = Vocabulary.from_words(even)
    assert correct_slips("the cadr", vocabulary, lambda word: even.get(word, 0)) == "the cadr"
    # nor is one of a word written in a single passage
    once = {"kindle": 1}
    assert correct_slips("the kindel", Vocabulary.from_words(once), lambda word: once.get(word, 0)) == "the kindel"
