"""Chunks are whole sentences within a token budget, and point exactly into the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rag.chunking import chunk_article
from rag.corpus import load_article
from rag.sentences import quotation_depth, split_sentences
from tests.support.checks import check_chunks
from tests.support.project import BUNDLED_CORPUS

WORDS = st.sampled_from(
    [
        "Tokyo",
        "NATO",
        "said",
        "the",
        "budget",
        "U.S.",
        "Jr.",
        "3.5%",
        "$56",
        "billion",
        "émigré",
        "北京",
        "🎉",
        "“quoted”",
        "‘single’",
        "«guillemets»",
        "—",
        "e.g.",
        "Dr.",
        "a",
        "x" * 300,
    ]
)
ENDINGS = st.sampled_from([".", "!", "?", "…", ".”", "?»", ".’", "", ":"])
GAPS = st.sampled_from([" ", "  ", "\n", "\n\n", "\n\n\n", " \n", "\t", "\n \n"])


@st.composite
def article_texts(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 40))):
        words = draw(st.lists(WORDS, min_size=1, max_size=30))
        parts.append(" ".join(words) + draw(ENDINGS) + draw(GAPS))
    if draw(st.booleans()):
        parts.append("word " * draw(st.integers(100, 700)))  # a very long sentence
    return draw(GAPS) + "".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=article_texts(), max_tokens=st.integers(16, 300))
def test_every_chunk_is_the_exact_slice_of_its_article(text: str, max_tokens: int) -> None:
    check_chunks(text, max_tokens)


@settings(max_examples=100, deadline=None)
@given(text=st.text(min_size=0, max_size=3000), max_tokens=st.integers(16, 120))
def test_arbitrary_unicode_still_chunks_exactly(text: str, max_tokens: int) -> None:
    check_chunks(text, max_tokens)


def test_bundled_articles_chunk_at_sentence_ends_within_budget() -> None:
    for path in sorted(BUNDLED_CORPUS.glob("*.txt")):
        article = load_article(path, path.read_bytes(), 10**8)
        check_chunks(article.text, 200)
        for chunk in chunk_article(article.text, 200):
            after = article.text[chunk.end_char : chunk.end_char + 1]
            assert chunk.text[-1] in '.!?”»"…' or after in ("\n", ""), chunk.text[-60:]


def test_a_sentence_longer_than_the_budget_is_cut_into_pieces_that_fit() -> None:
    text = "Intro sentence. " + " ".join(f"word{i}" for i in range(2000)) + ". Outro."
    chunks = chunk_article(text, 50)
    assert len(chunks) > 20
    assert all(c.tokens <= 50 for c in chunks)
    assert all(not c.text.startswith("ord") for c in chunks), "a cut fell inside a word"


def test_front_matter_is_left_out_of_chunks() -> None:
    text = "---\ntitle: T\n---\nBody sentence one. Body sentence two.\n"
    chunks = chunk_article(text, 200, body_start=text.index("Body"))
    assert chunks[0].text == "Body sentence one. Body sentence two."


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = (
        "Ferdinand Marcos Jr., has resumed exercises. It is similar to the one the U.S. and the "
        "Philippines have. Dr. Smith met J. Doe at 3.5 p.m. today. “Is it?” he asked."
    )
    sentences = [text[s.start : s.end] for s in split_sentences(text)]
    assert sentences == [
        "Ferdinand Marcos Jr., has resumed exercises.",
        "It is similar to the one the U.S. and the Philippines have.",
        "Dr. Smith met J. Doe at 3.5 p.m. today.",
        "“Is it?” he asked.",
    ]


def test_a_title_written_short_and_dotted_initials_end_no_sentence() -> None:
    text = (
        "“This is real-time deterrence,” says IMPA director general Adv. Lea Orvik-Dahl. "
        "The K.O. II sampler costs $299. It ships in May."
    )
    sentences = [text[s.start : s.end] for s in split_sentences(text)]
    assert sentences == [
        "“This is real-time deterrence,” says IMPA director general Adv. Lea Orvik-Dahl.",
        "The K.O. II sampler costs $299.",
        "It ships in May.",
    ]


def test_a_quotation_left_open_is_told_apart_from_one_closed() -> None:
    assert quotation_depth("\u201cJapan and NATO,\u201d says Koizumi, \u201chave different perceptions.") == 1
    assert quotation_depth('She said staying "cost me more than I admit.') == 1
    assert quotation_depth('She said staying "cost me dearly," and left.') == 0
    assert quotation_depth("\u201cFuel doubled,\u201d Brekke said.") == 0
    # the sentence that goes on with an open quotation closes it, or leaves it open for the next
    assert quotation_depth('I turned down a post that paid twice as much."', 1) == 0
    assert quotation_depth("We had no other choice.", 1) == 1
    assert quotation_depth("The clinic's 'night nurse' plan, the doctor's own, starts in May.") == 0
