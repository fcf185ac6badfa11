"""The headings an article's sentences stand under (`rag.sections`)."""

from __future__ import annotations

from rag.records import Passage
from rag.sections import Sections

GUIDE = (
    "The year in board games was a good one.\n\n"
    "Triangle Agency\n"
    "Anna Berg, games editor\n\n"
    "A game about agents of a strange office. The full game ships early in 2024.\n\n"
    "Price: $40\n\n"
    "Masks of the Masks\n\n"
    "A mystery for four players."
)


def chunks(text: str, cut: int) -> list[Passage]:
    """The text as two passages of one article, cut at `cut`."""
    return [
        Passage(f"c{i}", "d", "d.txt", "Games", "", "", "", start, end, text[start:end])
        for i, (start, end) in enumerate([(0, cut), (cut, len(text))])
    ]


def test_a_sentence_stands_under_the_heading_block_before_it_across_passages() -> None:
    sections = Sections.of(chunks(GUIDE, GUIDE.index("A game about")))
    assert sections.above(GUIDE.index("The full game ships")) == "Triangle Agency\nAnna Berg, games editor"
    # a list's data line is no heading; the next heading starts another section
    assert sections.above(GUIDE.index("Price")) == "Triangle Agency\nAnna Berg, games editor"
    assert sections.above(GUIDE.index("A mystery")) == "Masks of the Masks"
    # before the first heading, none
    assert sections.above(GUIDE.index("The year in board")) == ""
