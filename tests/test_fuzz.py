"""Fuzzing with hypothesis: the chunker, the citation parser and the loaders on arbitrary input.

Each property is what later steps rely on: chunks are exact slices within the token budget,
every citation points at a passage that exists with a verbatim quote, and a file either loads
or is refused with the project's one-line ArticleError, never anything else.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from rag.chunking import chunk_article
from rag.citations import number_citations, split_cited_sentences
from rag.corpus import load_article
from rag.errors import ArticleError
from rag.generative import GenerativeEngine, Source
from rag.ranking import SentenceRanker
from rag.records import Passage
from rag.support import SupportJudge
from rag.tokens import count_tokens
from tests.support.checks import check_chunks
from tests.support.samples import NEWS_HTML, make_pdf

LIMIT = 1024 * 1024
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# tests/test_chunking.py fuzzes article-shaped text and st.text() from offset 0. Here: the
# runs that stress token-to-character mapping (combining marks, emoji, CJK without spaces,
# dots), scripts mixed with quotes and abbreviations, \r\n, and a body after front matter.
WORDS = st.sampled_from(
    ["Kishida", "said", "NATO", "U.S.", "Dr.", "3.5%", "“Quoted,”", "(aside)", "—", "...", "?!", "東京", "ماذا", "🇯🇵"]
)
ARTICLE_LIKE = st.lists(
    st.one_of(WORDS, st.sampled_from([" ", " ", "\n", "\n\n", ". ", "\t", "\r\n"])), max_size=300
).map("".join)
RUN_OF = st.sampled_from(["a", "7", "é", "字", "🙂", "👨‍👩‍👧", "-", ".", " ", "\u0301", "\u202e", "\x00"])
LONG_RUNS = st.builds(lambda c, n: c * n, RUN_OF, st.integers(1, 900))
TEXTS = st.lists(st.one_of(ARTICLE_LIKE, LONG_RUNS, st.text(max_size=300)), max_size=4).map("".join)


@FAST
@given(text=TEXTS, max_tokens=st.sampled_from([16, 24, 50, 200]), start_at=st.integers(0, 40))
def test_chunks_of_mixed_scripts_and_long_runs_are_exact_slices_within_the_budget(
    text: str, max_tokens: int, start_at: int
) -> None:
    body_start = min(start_at, len(text))
    check_chunks(text, max_tokens, body_start)  # exact slices, in order, within budget, nothing lost
    for chunk in chunk_article(text, max_tokens, body_start):
        assert chunk.tokens == count_tokens(chunk.text), "the stored token count is the chunk's own"


# The model's reply: sentences mixed with every kind of bracket a model (or an attacker) writes.
MARKERS = st.one_of(
    st.builds(lambda n: f"[{n}]", st.integers(0, 12)),
    st.builds(lambda a, b: f"[{a},{b}]", st.integers(0, 5), st.integers(0, 5)),
    st.builds(lambda a, b: f"[{a}; {b}]", st.integers(1, 4), st.integers(1, 4)),
    st.builds(lambda a, b: f"[{a}-{b}]", st.integers(0, 5), st.integers(0, 99)),
    st.builds(lambda a, b: f"[{a}–{b}]", st.integers(1, 4), st.integers(1, 4)),
    st.sampled_from(["[99]", "[[1]]", "[[2], [3]]", "[", "]", "[]", "[1", "1]", "[ 2 ]", "[1,,2]", "[a]", "[-1]"]),
    st.just("[99999999999999999999999]"),
    st.just("[1-1000000000]"),
)
CLAIMS = st.sampled_from(
    [
        "Japan opened an office in Brussels",
        "The budget doubled",
        "Kishida attended the summit.",
        "Nobody said that!",
        "",
        " ",
        "\n",
        "Dr. Lee agreed",
        "字",
    ]
)
REPLIES = st.one_of(
    st.lists(st.one_of(CLAIMS, MARKERS, st.sampled_from([". ", " ", "\n"])), max_size=25).map("".join),
    st.text(alphabet=st.sampled_from("[]0123456789,;- .abc\n"), max_size=80),
)


# What is left of a citation group in a sentence's text would be a marker shown as prose.
LEFTOVER = re.compile(r"\[[\s\d,;\-–\[\]]*\]")


@FAST
@given(reply=REPLIES)
def test_citation_parser_returns_clean_sentences_and_only_numbers_the_reply_wrote(reply: str) -> None:
    written = {int(n) for n in re.findall(r"\d+", reply)}
    for text, numbers in split_cited_sentences(reply):
        assert text and text == text.strip()
        leftover = [m for m in LEFTOVER.findall(text) if not re.search(r"\d{4}", m)]
        assert not leftover, f"citation markers were left in {text!r}"
        assert len(numbers) == len(set(numbers)), "each number once per sentence"
        assert all(n in written or _in_a_written_range(n, reply) for n in numbers)


def _in_a_written_range(n: int, reply: str) -> bool:
    return any(int(a) <= n <= int(b) for a, b in re.findall(r"(\d+)\s*[-–]\s*(\d+)", reply))


@pytest.mark.parametrize(
    ("reply", "parsed"),
    [
        ("Japan opened an office [[1]].", [("Japan opened an office.", [1])]),
        ("The budget doubled [2-4].", [("The budget doubled.", [2, 3, 4])]),
        ("Lee agreed [1,2][3] [2].", [("Lee agreed.", [1, 2, 3])]),
        ("It rose [1-100].", [("It rose.", [1, 100])]),
        ("It rose [1-1000000].", [("It rose [1-1000000].", [])]),
        ("Said so [sic] [a] [].", [("Said so [sic] [a].", [])]),
        ("Costs rose from 2020 to 2022 [2020-2022] [2].", [("Costs rose from 2020 to 2022 [2020-2022].", [2])]),
        ("Unbalanced [1 and 2] ] [", [("Unbalanced [1 and 2] ] [", [])]),
        ("One. [2] Two [99999999999999999999].", [("One.", [2]), ("Two [99999999999999999999].", [])]),
    ],
)
def test_citation_groups_models_write_are_read_as_numbers_and_the_rest_stays_text(
    reply: str, parsed: list[tuple[str, list[int]]]
) -> None:
    assert split_cited_sentences(reply) == parsed


@pytest.mark.timeout(20)
@pytest.mark.parametrize("reply", ["[" * 20_000, "[1 " * 7_000, "[ " * 10_000 + "a", " " * 10_000 + "[" * 10_000])
def test_a_hostile_reply_of_brackets_is_parsed_in_bounded_time(reply: str) -> None:
    import time

    started = time.perf_counter()
    split_cited_sentences(reply)
    assert time.perf_counter() - started < 3, "the citation pattern backtracks on unclosed brackets"


ARTICLE = (
    "Japan opened an official office in Brussels. The harbour budget doubled to 40 million euros.\n"
    "Kishida attended the NATO summit for the first time. Dr. Lee agreed with him.\n"
    "Fishermen feared the dredging."
)
PASSAGES = [
    Passage(f"c{i}", "doc1", "corpus/a.txt", "A", "", "", "", start, end, ARTICLE[start:end])
    for i, (start, end) in enumerate([(0, 44), (45, 93), (94, 170), (171, 200)])
]


class RememberingEmbedding(BaseEmbedding):
    """The real embedder, asked once per distinct text: fuzzed replies repeat their sentences."""

    _inner: BaseEmbedding = PrivateAttr()
    _seen: dict[str, list[float]] = PrivateAttr(default_factory=dict)

    def __init__(self, inner: BaseEmbedding) -> None:
        super().__init__(model_name="remembering", embed_batch_size=inner.embed_batch_size)
        self._inner = inner

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        new = [t for t in dict.fromkeys(texts) if t not in self._seen]
        if new:
            self._seen.update(zip(new, self._inner.get_text_embedding_batch(new), strict=True))
        return [self._seen[t] for t in texts]

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._get_text_embedding(query)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


@pytest.fixture(scope="module")
def engine(local_embedder: BaseEmbedding) -> GenerativeEngine:
    """The generative engine's checker with the real embedder; the LLM is never called."""
    embedder = RememberingEmbedding(local_embedder)
    return GenerativeEngine(cast(Any, None), SupportJudge(embedder), 3000, SentenceRanker(embedder, {}, 1))


SHORT_REPLIES = st.lists(st.one_of(CLAIMS, MARKERS, st.sampled_from([". ", " ", "\n"])), max_size=10).map("".join)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(reply=SHORT_REPLIES, n_passages=st.integers(0, 4))
def test_every_resolved_citation_points_at_a_passage_that_exists_and_numbers_run_1_to_n(
    engine: GenerativeEngine, reply: str, n_passages: int
) -> None:
    assert all(ARTICLE[p.start_char : p.end_char] == p.text for p in PASSAGES)
    passages = PASSAGES[:n_passages]
    checked = engine.check(reply, [Source(p) for p in passages])
    assert all(not 1 <= n <= n_passages for n in checked.dropped), "only numbers of no passage are dropped"
    text, citations, sentences = number_citations(checked.cited)
    assert [c.n for c in citations] == list(range(1, len(citations) + 1))
    first_seen: list[int] = []
    for sentence in sentences:
        first_seen += [n for n in sentence.citations if n not in first_seen]
    assert first_seen == [c.n for c in citations], "numbered by first appearance"
    spans = {(p.start_char, p.end_char) for p in passages}
    for c in citations:
        assert ARTICLE[c.start_char : c.end_char] == c.quote, "the quote is verbatim at its offsets"
        assert any(a <= c.start_char and c.end_char <= b for a, b in spans), "inside a passage the model was given"
    for n in {c.n for c in citations}:
        assert f"[{n}]" in text


# Random bytes, and valid files with bytes flipped or cut off: the loaders' hostile input.
def _mutated(valid: bytes) -> st.SearchStrategy[bytes]:
    flips = st.lists(st.tuples(st.integers(0, len(valid) - 1), st.integers(0, 255)), max_size=8)
    cut = st.integers(0, len(valid))
    return st.builds(lambda fs, n: bytes(_flip(valid, fs)[:n]), flips, cut)


def _flip(data: bytes, flips: list[tuple[int, int]]) -> bytearray:
    out = bytearray(data)
    for at, value in flips:
        out[at] = value
    return out


PDF = make_pdf(["Secret harbour plans were approved.", "Work starts in May."], title="Plans", author="Ed Roe")
FILES = {
    ".txt": st.one_of(st.binary(max_size=600), _mutated("Title\r\n\r\nCafé “quoted” text.\n".encode())),
    ".md": st.one_of(st.binary(max_size=600), _mutated(b"---\ntitle: T\ndate: 2023-4-7\n---\n# T\n\nBody.\n")),
    ".html": st.one_of(st.binary(max_size=600), _mutated(NEWS_HTML.encode())),
    ".pdf": st.one_of(st.binary(max_size=600), _mutated(PDF), st.binary(max_size=200).map(lambda b: b"%PDF-1.4\n" + b)),
}


@pytest.mark.parametrize("suffix", list(FILES))
def test_any_bytes_either_load_as_an_exact_article_or_are_refused_in_one_line(suffix: str, tmp_path: Path) -> None:
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=FILES[suffix])
    def loads_or_refuses(data: bytes) -> None:
        try:
            article = load_article(tmp_path / f"fuzz{suffix}", data, LIMIT)
        except ArticleError as exc:
            message = str(exc)
            assert message and "\n" not in message and len(message) < 300
            return
        assert article.text[article.body_start :].strip() and article.title
        if suffix in (".txt", ".md"):
            assert article.text == data.decode("utf-8").replace("\r\n", "\n")

    loads_or_refuses()
