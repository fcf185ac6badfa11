"""The headings an article's sentences stand under.

In a list or a guide ("The best tabletop RPGs we played in 2023", a gift guide, a ranking) an
item's name heads the paragraphs about it, which need not write it again: "The full game ships
early in 2024" is about the game the section's heading names ("Triangle Agency"). A heading is
a line of its own, short and without closing punctuation (`rag.ranking.HEADING`), that gives no
figure as a list's data line does ("Price: $99.99"). A section's head may be a block of such
lines (the item's name, then its reviewer's).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rag.ranking import DATA_LINE, HEADING
from rag.records import Passage

LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Sections:
    """The heading lines of one article: where each starts, and which of them stand right under another."""

    starts: tuple[int, ...]
    lines: tuple[str, ...]
    under_previous: tuple[bool, ...]  # nothing but other headings between it and the heading before it

    @classmethod
    def of(cls, passages: Sequence[Passage]) -> Sections:
        """The headings of the article whose every passage is `passages`."""
        starts: list[int] = []
        lines: list[str] = []
        under: list[bool] = []
        previous_was_heading = False
        for passage in sorted(passages, key=lambda p: p.start_char):
            for match in LINE.finditer(passage.text):
                line = match.group(0).strip()
                if not line:
                    continue
                heading = bool(HEADING.match(line)) and not DATA_LINE.search(line)
                if heading:
                    starts.append(passage.start_char + match.start())
                    lines.append(line)
                    under.append(previous_was_heading)
                previous_was_heading = heading
        return cls(tuple(starts), tuple(lines), tuple(under))

    def span(self, offset: int) -> tuple[int, int]:
        """Where the section holding `offset` runs: from its heading block to the next heading; (0, 0) when no
        heading comes before it."""
        at = bisect.bisect_left(self.starts, offset) - 1
        if at < 0:
            return (0, 0)
        end = self.starts[at + 1] if at + 1 < len(self.starts) else 1 << 62
        while at > 0 and self.under_previous[at]:
            at -= 1
        return (self.starts[at], end)

    def above(self, offset: int) -> str:
        """The heading block over the text at `offset` (the last heading before it, with the headings right above
        that one), its lines joined; "" when no heading comes before it."""
        at = bisect.bisect_left(self.starts, offset) - 1
        if at < 0:
            return ""
        block = [self.lines[at]]
        while at > 0 and self.under_previous[at]:
            at -= 1
            block.insert(0, self.lines[at])
        return "\n".join(block)
