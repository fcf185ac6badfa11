"""Citations: sentence-level spans of articles, numbered in order, and checked for support."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np

from rag.lexicon import content_stems, words
from rag.records import AnswerSentence, Citation, Evidence, Passage
from rag.sentences import split_sentences

# A citation group as models write them: [1], [1, 2], [1; 2], [1-3], [1–3], [1] [2], and the
# nested or empty leftovers some write or copy, [[1]] and []. Only digits, separators and
# brackets inside, so "[a]", "[sic]" and a bracketed year range such as "[2020-2022]" stay text.
MARKER = re.compile(r"\s*\[(?:[\[\]\s,;\-–]|(?<!\d)\d{1,3}(?!\d)){0,60}\]")
_NUMBER_OR_RANGE = re.compile(r"(\d+)(?:\s*[-–]\s*(\d+))?")
MAX_RANGE = 20  # "[1-3]" means 1, 2, 3; "[1-1000000]" is not a list of sources: its ends only

# Calibrated on ../shared/eval/dev.jsonl by `python bench/calibrate_support.py` (see README):
# a claim is supported when enough of its content words are in the quotes, or when it is
# close in meaning and shares a fair part of its words.
LEXICAL_SUPPORT = 0.6
SEMANTIC_SUPPORT = 0.6
LEXICAL_FLOOR = 0.2


def passage_sentences(passage: Passage) -> list[Evidence]:
    """The sentences of a passage, as spans of its article."""
    return [
        Evidence(
            doc_id=passage.doc_id,
            path=passage.path,
            title=passage.title,
            start_char=passage.start_char + span.start,
            end_char=passage.start_char + span.end,
            quote=passage.text[span.start : span.end],
            name=passage.name,
            page=passage.page_at(passage.start_char + span.start),
        )
        for span in split_sentences(passage.text)
    ]


class Numbering:
    """Gives spans numbers 1..n in order of first appearance; the same span keeps its number."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, int, int], int] = {}
        self.citations: list[Citation] = []

    def number(self, item: Evidence, supported: bool = True) -> int:
        """The number of `item`, given now if it has none; an unsupported use marks it."""
        if item.key not in self._numbers:
            self._numbers[item.key] = len(self._numbers) + 1
            self.citations.append(Citation(n=self._numbers[item.key], supported=supported, **asdict(item)))
        elif not supported:
            self.citations[self._numbers[item.key] - 1].supported = False
        return self._numbers[item.key]

    @classmethod
    def from_citations(cls, citations: Sequence[Citation]) -> Numbering:
        """The numbering that gave `citations` their numbers 1..n (a saved report read back)."""
        numbering = cls()
        for citation in sorted(citations, key=lambda c: c.n):
            numbering.number(citation.evidence, citation.supported)
        return numbering

    def evidence(self, n: int) -> Evidence:
        """The span numbered `n`."""
        return self.citations[n - 1].evidence


def number_citations(
    cited: Sequence[tuple[str, Sequence[Evidence], bool]],
) -> tuple[str, list[Citation], list[AnswerSentence]]:
    """Join sentences into answer text with [n] markers numbered 1..n by first appearance.

    Args:
        cited: (sentence text without markers, the evidence it cites, whether it is supported).

    Returns:
        The answer text, its citations, and the per-sentence record.
    """
    numbering = Numbering()
    sentences: list[AnswerSentence] = []
    parts: list[str] = []
    for text, evidence, supported in cited:
        ns = list(dict.fromkeys(numbering.number(item, supported) for item in evidence))
        sentences.append(AnswerSentence(text=text, citations=ns, supported=supported))
        parts.append(text + "".join(f" [{n}]" for n in ns))
    return " ".join(parts), numbering.citations, sentences


def split_cited_sentences(reply: str) -> list[tuple[str, list[int]]]:
    """Split a generated reply into sentences and the [n] numbers each carries.

    Markers after a sentence's full stop belong to that sentence ("... rose. [2]"), also
    when the next sentence follows on the same line ("... rose. [2] Then ...").
    """
    spans = split_sentences(reply)
    result: list[tuple[str, list[int]]] = []
    for span in spans:
        sentence = reply[span.start : span.end]
        leading = MARKER.match(sentence) if result else None
        if leading:  # they belong to the previous sentence
            result[-1][1].extend(n for n in marker_numbers(leading.group()) if n not in result[-1][1])
            sentence = sentence[leading.end() :]
        numbers = [n for group in MARKER.findall(sentence) for n in marker_numbers(group)]
        text = MARKER.sub("", sentence).strip()
        if not text:  # a sentence made only of markers: they belong to the previous one
            if result:
                result[-1][1].extend(n for n in numbers if n not in result[-1][1])
            continue
        result.append((text, list(dict.fromkeys(numbers))))
    return result


def marker_numbers(group: str) -> list[int]:
    """The source numbers a citation group names, ranges expanded, in order."""
    numbers: list[int] = []
    for match in _NUMBER_OR_RANGE.finditer(group):
        low = int(match.group(1))
        high = int(match.group(2)) if match.group(2) else low
        if low <= high <= low + MAX_RANGE:
            numbers.extend(range(low, high + 1))
        else:
            numbers.extend((low, high))
    return numbers


def lexical_support(claim: str, quotes: Sequence[str]) -> float:
    """Share of the claim's content words (stems; numbers exactly) found in the quotes."""
    claim_stems = content_stems(claim)
    if not claim_stems:
        return 1.0
    quote_stems: set[str] = set()
    for quote in quotes:
        quote_stems |= content_stems(quote)
    found = sum(1 for s in claim_stems if s in quote_stems or _number_in(s, quotes))
    return found / len(claim_stems)


def _number_in(stem: str, quotes: Sequence[str]) -> bool:
    digits = stem.replace(",", "")
    return digits.isdigit() and any(digits in w.replace(",", "") for q in quotes for w in words(q))


def is_supported(lexical: float, semantic: float) -> bool:
    """The support judge's decision from its two measures."""
    return lexical >= LEXICAL_SUPPORT or (semantic >= SEMANTIC_SUPPORT and lexical >= LEXICAL_FLOOR)


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine similarity of two vectors."""
    va, vb = np.asarray(a, dtype=np.float32), np.asarray(b, dtype=np.float32)
    denominator = float(np.linalg.norm(va) * np.linalg.norm(vb)) or 1.0
    return float(va @ vb) / denominator


@dataclass(frozen=True)
class QuoteInContext:
    """A quote with the rest of its paragraph, for showing a citation where it stands."""

    before: str
    quote: str
    after: str


def quote_in_context(article_text: str, start: int, end: int, max_chars: int = 700) -> QuoteInContext:
    """The paragraph around `article_text[start:end]`, trimmed to about `max_chars` each side."""
    paragraph_start = article_text.rfind("\n", 0, start) + 1
    paragraph_end = article_text.find("\n", end)
    paragraph_end = len(article_text) if paragraph_end == -1 else paragraph_end
    lead_from = max(paragraph_start, start - max_chars)
    tail_to = min(paragraph_end, end + max_chars)
    before = ("…" if lead_from > paragraph_start else "") + article_text[lead_from:start]
    after = article_text[end:tail_to] + ("…" if tail_to < paragraph_end else "")
    return QuoteInContext(before, article_text[start:end], after)
