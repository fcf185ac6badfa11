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
    # a question writing a name with its capital is read as written
    assert truecase("When did Japan and brussels meet?", cased) == "When did Japan and brussels meet?"


def test_a_capital_opening_a_question_or_an_acronym_says_nothing_of_how_its_names_were_typed() -> None:
    cased = cased_forms(TEXTS)
    assert truecase("When did japan join?", cased) == "When did Japan join?"
    assert truecase("did the EU and japan join the quad? Why brussels", cased) == (
        "did the EU and Japan join the QUAD? Why Brussels"
    )


def test_a_name_typed_in_lower_case_with_an_s_and_no_apostrophe_is_its_possessive() -> None:
    texts = ["In May, Ada Lin took office. The talks with Lin in Brussels went well.", "Jane Doe met Ida Hansen."]
    cased = cased_forms(TEXTS + texts)
    assert truecase("what was ada lins pay in brussels", cased) == "what was Ada Lin's pay in Brussels"
    # a word English writes is no possessive of a name: "does" of "Doe"
    assert truecase("how much does ida hansens stake cost", cased) == "how much does Ida Hansen's stake cost"
    # a name written so in the corpus, or a word, stays as it is
    assert truecase("how far is brussels", cased) == "how far is Brussels"
    assert truecase("what ships sail from japan", cased) == "what ships sail from Japan"
