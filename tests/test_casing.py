"""Names typed in lower case get the capitals the corpus writes them with."""

from rag.casing import CasingCount, truecase


def cased_forms(texts: list[str]) -> dict[str, str]:
    count = CasingCount()
    for text in texts:
        count.add(text)
    return count.names()


TEXTS = [
    "Ships from Japan and the QUAD navies met off Brussels. Japan said the drills went well.",
    "May was wet. Officials may delay the Japan trip, as talks in Brussels stalled.",
    "Trade with the Far East grew; the far north did not. Japan and Japan again.",
]


def test_a_word_written_with_a_capital_inside_sentences_is_a_name() -> None:
    cased = cased_forms(TEXTS)
    assert cased["japan"] == "Japan" and cased["quad"] == "QUAD" and cased["brussels"] == "Brussels"
    assert "may" not in cased  # a capital only where it starts a sentence, and a word elsewhere
    assert "far" not in cased  # a common English word needs more than one name to be one
    assert "ships" not in cased and "trade" not in cased


def test_a_question_typed_in_lower_case_gets_the_names_capitals() -> None:
    cased = cased_forms(TEXTS)
    assert truecase("when did japan join the quad?", cased) == "when did Japan join the QUAD?"
    assert truecase("how far is brussels from japan's coast?", cased) == "how far is Brussels from Japan's coast?"
    # a question written with capitals is read as written
    assert truecase("When did japan join?", cased) == "When did japan join?"
