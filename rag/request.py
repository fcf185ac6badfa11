"""What the door hands on: a request as understood, with what retrieval found, and a step clock."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rag.lexicon import content_stems
from rag.records import AskOptions, Passage

if TYPE_CHECKING:
    from llama_index.core.schema import NodeWithScore

    from rag.question import QuestionPlan


@dataclass
class Retrieval:
    """A cleaned, checked request and the passages retrieved for it, ready for an engine."""

    question: str  # as asked, cleaned
    standalone: str  # follow-ups resolved: what was searched for
    options: AskOptions  # filters resolved, top-k and per-article cap set
    vector: list[float]  # the standalone question's embedding
    nodes: list[NodeWithScore]  # the pipeline's output, in rank order
    passages: list[Passage]  # the same nodes read as passages
    unmentioned: list[str] = field(default_factory=list)  # names and numbers the corpus never mentions
    timings_ms: dict[str, float] = field(default_factory=dict)
    plan: QuestionPlan | None = None  # what the question asks for, the articles it is about, what is missing
    part_passages: list[list[Passage]] = field(default_factory=list)  # per part of the plan, what was found
    part_vectors: list[list[float]] = field(default_factory=list)  # per part, when there are several
    focus_stems: set[str] = field(default_factory=set)  # the stems an answer must name (the plan's focus, variants)
    # more passages for the words of a text, among the question's articles: a second hop, once an answer's name is known
    lookup: Callable[[str], list[Passage]] | None = None
    # per article, where the people the question names speak: (start, end, name) of their statements
    spoken: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    # per later half of a compound question ("..., and which countries get it first?"), its embedding
    half_vectors: list[list[float]] = field(default_factory=list)
    # every passage of one article, in the order of its text: where the detail asked for may be when the
    # passages found tell only around it
    article: Callable[[str], list[Passage]] | None = None
    # every statement of one article, whoever makes it: (start, end, speaker); for someone the question describes
    # ("the University of Tokyo security expert") rather than names
    statements: Callable[[str], list[tuple[int, int, str]]] | None = None
    # per part of the plan, the article of its outlet its words name by the title ("the TechCrunch article on
    # Norway's push to extend the ban on Meta's tracking ads"), or ""
    part_titled: list[str] = field(default_factory=list)
    # the first part's embedding when the question has later halves ("How much seed money has Deft raised, and how many
    # monthly active users ...?"): the whole question's words may rank its sentences below the later halves'
    first_vector: list[float] = field(default_factory=list)

    @property
    def found(self) -> list[Passage]:
        """The passages a search found, without the chunks read beside them (`Passage.beside`)."""
        return [p for p in self.passages if not p.beside]

    @property
    def asked(self) -> str:
        """What the question asks, as sentences are ranked against it (see QuestionPlan.asked)."""
        return self.plan.asked if self.plan is not None else self.standalone

    @property
    def focus_unnamed(self) -> str:
        """What a question asking for a figure of something ("how many X", "what was the attendance at ...") asks
        about when no passage found names it (else ""): a figure is of what it counts."""
        if not self.focus_stems or any(self.focus_stems & content_stems(p.text) for p in self.passages):
            return ""
        return self.plan.focus if self.plan else ""

    @property
    def missing(self) -> list[str]:
        """What the request needs that the corpus lacks: outlets, dates, names."""
        return list(self.plan.missing if self.plan else [])


class Clock:
    """Adds the milliseconds spent in each `with clock(name):` block to `timings[name]`."""

    def __init__(self, timings: dict[str, float] | None = None) -> None:
        self.timings = timings if timings is not None else {}

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + (time.perf_counter() - start) * 1000
