"""Sentence-aware chunks sized in tokens, each pointing exactly into its article text.

The invariant every later step relies on: `article_text[chunk.start_char:chunk.end_char]
== chunk.text` for every chunk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rag.sentences import Span, split_sentences
from rag.tokens import count_tokens, encoding

# Bump when chunk boundaries change, so stored articles are re-chunked on the next ingest.
CHUNKER_VERSION = "sentences-v2"  # v2: "Adv." and dotted initials ("K.O.") end no sentence


@dataclass(frozen=True)
class Chunk:
    """A passage of an article: its text and where it sits."""

    index: int
    start_char: int
    end_char: int
    text: str
    tokens: int


@dataclass(frozen=True)
class ChunkWindow:
    """What the embedder reads of a text: at most `limit` of its own tokens, counted by `count`.

    Chunk budgets are counted in the LLM's tokens (tiktoken); an embedder with a window of
    its own (all-MiniLM-L6-v2: 256 word pieces) must see the whole chunk too. A tokenizer
    that splits words at whitespace before anything else (WordPiece does) counts two texts
    joined by whitespace as the sum of their counts, less the `added` tokens it puts around
    every text ([CLS] and [SEP]); the chunker then counts each sentence once instead of every
    growing chunk again.
    """

    limit: int
    count: Callable[[str], int]
    added: int = 0
    splits_at_whitespace: bool = False

    def fits(self, text: str) -> bool:
        """True when the embedder reads all of `text`."""
        return self.count(text) <= self.limit

    def joined_count(self, first: int, gap: str, second: int) -> int | None:
        """The count of `a + gap + b` from the counts of `a` and `b`, or None when it must be counted.

        Only a gap of plain whitespace is a split the tokenizer cannot see across (other space
        characters may be dropped by its normaliser, joining the words beside them).
        """
        if not self.splits_at_whitespace or not gap or gap.strip(_PLAIN_WHITESPACE):
            return None
        return first + second - self.added


_PLAIN_WHITESPACE = " \t\n\r"


def chunker_signature(max_tokens: int, window: ChunkWindow | None = None) -> str:
    """What a stored article records about how it was cut and read (chunks, speakers)."""
    from rag.attribution import ATTRIBUTION_VERSION

    within = f":window{window.limit}" if window is not None else ""
    return f"{CHUNKER_VERSION}:{max_tokens}{within}:{ATTRIBUTION_VERSION}"


def _split_long(text: str, span: Span, max_tokens: int, window: ChunkWindow | None = None) -> list[Span]:
    """Cut a span of more than `max_tokens` tokens (or more than `window` reads) into pieces that fit.

    Cuts fall on token boundaries, moved back to the last space in the window when there
    is one, so words stay whole.
    """
    piece = text[span.start : span.end]
    tokens = encoding().encode(piece, disallowed_special=())
    decoded, token_starts = encoding().decode_with_offsets(tokens)
    if decoded != piece:  # cannot map tokens to characters: cut by characters instead
        token_starts = list(range(0, len(piece), 2))
    pieces: list[Span] = []
    cursor = 0
    index = 0
    while cursor < len(piece):
        index = next((i for i in range(index, len(token_starts)) if token_starts[i] >= cursor), len(token_starts))
        window_end = index + max_tokens
        end = token_starts[window_end] if window_end < len(token_starts) else len(piece)
        if end < len(piece):
            space = piece.rfind(" ", cursor + 1, end)
            if space > cursor:
                end = space
        end = max(end, cursor + 1)
        while end > cursor + 1 and count_tokens(piece[cursor:end].strip()) > max_tokens:
            end -= 1  # re-encoding a cut piece can take a token more than the window held
        while window is not None and end > cursor + 1 and not window.fits(piece[cursor:end].strip()):
            space = piece.rfind(" ", cursor + 1, end - 1)  # more word pieces than tokens: drop the last word
            end = space if space > cursor else end - 1
        pieces.append(Span(span.start + cursor, span.start + end))
        cursor = end
    return [s for s in (_strip(text, p) for p in pieces) if s is not None]


def _strip(text: str, span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


@dataclass(frozen=True)
class _Unit:
    """A sentence, or a piece of one over budget: its tokens, and what the embedder counts (0 without a window)."""

    span: Span
    tokens: int
    read: int


def _sentence_units(text: str, start: int, max_tokens: int, window: ChunkWindow | None = None) -> list[_Unit]:
    """Sentences with their token counts; sentences over budget are cut into pieces."""
    units: list[_Unit] = []
    for sentence in split_sentences(text, start):
        n = count_tokens(text[sentence.start : sentence.end])
        read = window.count(text[sentence.start : sentence.end]) if window is not None else 0
        if n <= max_tokens and (window is None or read <= window.limit):
            units.append(_Unit(sentence, n, read))
            continue
        for piece in _split_long(text, sentence, max_tokens, window):
            piece_text = text[piece.start : piece.end]
            units.append(_Unit(piece, count_tokens(piece_text), window.count(piece_text) if window is not None else 0))
    return units


def chunk_article(
    text: str, max_tokens: int = 200, body_start: int = 0, window: ChunkWindow | None = None
) -> list[Chunk]:
    """Cut `text[body_start:]` into chunks of whole sentences of at most about `max_tokens`.

    A chunk closes before the sentence that would take it over budget (or beyond what
    `window`, the embedder, reads), and at a paragraph break (blank line) once it holds half
    its budget. A sentence longer than the budget is cut into pieces of its own.
    """
    chunks: list[Chunk] = []
    group: list[Span] = []
    group_tokens = 0
    group_read = 0  # what the embedder counts of the group's text

    def close() -> None:
        nonlocal group, group_tokens
        if group:
            start, end = group[0].start, group[-1].end
            chunks.append(Chunk(len(chunks), start, end, text[start:end], group_tokens))
        group, group_tokens = [], 0

    for unit in _sentence_units(text, body_start, max_tokens, window):
        span = unit.span
        if group:
            gap = text[group[-1].end : span.start]
            paragraph_break = gap.count("\n") >= 2
            # Counted on the joined text: tokens do not add up across a boundary.
            joined = count_tokens(text[group[0].start : span.end])
            read = 0
            if window is not None:
                summed = window.joined_count(group_read, gap, unit.read)
                read = summed if summed is not None else window.count(text[group[0].start : span.end])
            if (
                joined > max_tokens
                or (window is not None and read > window.limit)
                or (paragraph_break and group_tokens >= max_tokens // 2)
            ):
                close()
            else:
                group.append(span)
                group_tokens, group_read = joined, read
                continue
        group.append(span)
        group_tokens, group_read = unit.tokens, unit.read
    close()
    return chunks
