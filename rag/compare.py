"""Compare viewpoints: what each source or speaker says on a topic, where figures differ or agree.

Offline, every cell holds verbatim sentences chosen by relevance and maximal marginal
relevance. With an LLM, each cell is written in prose from that group's passages and checked
sentence by sentence like an answer. Differences are found between figures (money,
percentages) that different groups give for the same subject; agreements are equal figures
and sentences that say nearly the same thing.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from rag.citations import Numbering, cosine
from rag.figures import comparable, describe, find_figures, same_value, words_around
from rag.filters import admits_article
from rag.lexicon import content_stems, content_words, same_words, stem
from rag.ranking import MIN_RELEVANCE, ScoredSentence
from rag.records import ArticleRecord, AskOptions, Citation, CitedSentence, Evidence, Passage
from rag.speakers import speaker_index, speaker_of

if TYPE_CHECKING:
    from rag.assistant import Assistant

CELL_RELEVANCE = {"source": MIN_RELEVANCE, "speaker": 0.35}  # speakers say much off-topic: a higher bar
SAME_CLAIM = 0.75  # sentences of two groups this similar say the same thing
SAME_SUBJECT = 0.3  # figures in sentences this similar, whose surroundings share a word, are about one thing
FIGURE_WINDOW = 8  # words either side of a figure that say what it counts
CELL_SENTENCES = 2
# A source's best sentence must score this share of the best source's, as another report's best sentence joins
# an answer (`rag.extractive.OTHER_ARTICLE_RATIO`): on "the northern lights" a shop's "Govee lights" scores
# 0.45 against the aurora reports' 1.0, on "Google's default search deals with Apple" a row on Cyber Monday
# "deals on Apple devices" 0.55 against 1.07: word matches in another sense, no viewpoint on the topic
ROW_RATIO = 0.7
UNLIKE_HEADING = "Not comparable (figures over different periods, side by side)"
# A corpus of many sources (or many articles without one) is not searched source by source:
# past this many rows, only the groups with a passage among the topic's best ROW_PASSAGES
# get a row (the others are counted as left out), so a comparison costs at most this many
# searches at any corpus size.
MAX_ROWS = 12
ROW_PASSAGES = 40
FIGURE_WORDS = frozenset(
    "billion million trillion thousand percent per cent dollars euros yen pounds year years total about least".split()
)


@dataclass(frozen=True)
class Group:
    """A row of the matrix: a source (its articles) or a speaker."""

    label: str
    detail: str
    doc_ids: tuple[str, ...] = ()
    speaker: str = ""

    @property
    def name(self) -> str:
        """The label, with the title when the label alone does not tell rows apart (no source given)."""
        return f"{self.label} ({self.detail})" if self.label == NO_SOURCE else self.label


@dataclass
class Cell:
    """What one group says on the topic: sentences with their evidence (none: nothing found)."""

    group: Group
    sentences: list[CitedSentence] = field(default_factory=list)


@dataclass
class Contrast:
    """Two groups on the same thing: their figures differ, or they agree."""

    kind: str  # differ | agree | unlike (figures over different periods: side by side)
    what: str
    sides: list[tuple[str, Evidence, str]]  # (group label, evidence, figure as written)


@dataclass
class Comparison:
    """The viewpoint matrix and where the groups differ or agree, with numbered citations."""

    topic: str
    by: str
    mode: str
    cells: list[Cell]
    differences: list[Contrast]
    agreements: list[Contrast]
    numbering: Numbering
    timings_ms: dict[str, float] = field(default_factory=dict)
    unmentioned: list[str] = field(default_factory=list)
    unlike: list[Contrast] = field(default_factory=list)  # figures on one subject over different periods
    left_out: int = 0  # groups not shown: without a passage among the topic's best ROW_PASSAGES, or far weaker

    @property
    def left_out_note(self) -> str:
        """What the rows leave out, in one line ('' when nothing)."""
        if not self.left_out:
            return ""
        kind = self.by if self.left_out == 1 else f"{self.by}s"
        return (
            f"{self.left_out} other {kind} with nothing among the {ROW_PASSAGES} passages most relevant "
            "to the topic, or only sentences far weaker than the rows shown, are not shown; narrow the filters "
            "to compare them."
        )

    def n(self, evidence: Evidence) -> int:
        """The citation number of a span."""
        return self.numbering.number(evidence)

    def contrast_sections(self) -> list[tuple[str, list[Contrast]]]:
        """The contrasts under their headings, as every view shows them (figures over other periods if any)."""
        sections = [("Where they differ", self.differences), ("Where they agree", self.agreements)]
        if self.unlike:
            sections.append((UNLIKE_HEADING, self.unlike))
        return sections

    def cited(self) -> list[CitedSentence]:
        """The cells' sentences with their evidence, row by row."""
        return [sentence for cell in self.cells for sentence in cell.sentences]

    def to_json(self) -> dict[str, Any]:
        """The comparison as JSON: rows, differences, agreements, citations."""

        def sentence(text: str, evidence: list[Evidence], supported: bool) -> dict[str, Any]:
            return {"text": text, "citations": [self.n(e) for e in evidence], "supported": supported}

        def contrast(c: Contrast) -> dict[str, Any]:
            return {
                "what": c.what,
                "sides": [{"group": g, "figure": f, "citation": self.n(e)} for g, e, f in c.sides],
            }

        return {
            "topic": self.topic,
            "by": self.by,
            "mode": self.mode,
            "rows": [
                {
                    "group": cell.group.label,
                    "detail": cell.group.detail,
                    "found": bool(cell.sentences),
                    "sentences": [sentence(*s) for s in cell.sentences],
                }
                for cell in self.cells
            ],
            "differences": [contrast(c) for c in self.differences],
            "agreements": [contrast(c) for c in self.agreements],
            "not_comparable": [contrast(c) for c in self.unlike],
            "citations": [c.to_dict() for c in self.numbering.citations],
            "unmentioned": self.unmentioned,
            "left_out": self.left_out,
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Comparison:
        """The comparison that `to_json` wrote, its citation numbers as they were (a saved chat)."""
        numbering = Numbering.from_citations([Citation.from_dict(c) for c in data["citations"]])
        evidence = numbering.evidence

        def contrast(kind: str, c: dict[str, Any]) -> Contrast:
            return Contrast(kind, c["what"], [(s["group"], evidence(s["citation"]), s["figure"]) for s in c["sides"]])

        cells = [
            Cell(
                Group(row["group"], row["detail"]),
                [(s["text"], [evidence(n) for n in s["citations"]], s["supported"]) for s in row["sentences"]],
            )
            for row in data["rows"]
        ]
        return cls(
            topic=data["topic"],
            by=data["by"],
            mode=data["mode"],
            cells=cells,
            differences=[contrast("differ", c) for c in data["differences"]],
            agreements=[contrast("agree", c) for c in data["agreements"]],
            numbering=numbering,
            timings_ms=dict(data.get("timings_ms", {})),
            unmentioned=list(data.get("unmentioned", [])),
            unlike=[contrast("unlike", c) for c in data.get("not_comparable", [])],
            left_out=int(data.get("left_out", 0)),
        )


NO_SOURCE = "Source not given"


def _groups_on_topic(passages: list[Passage], groups: list[Group], by_doc: dict[str, ArticleRecord]) -> list[Group]:
    """The groups with one of the topic's best `passages`, best first, at most MAX_ROWS."""
    # a doc_id, a speaker, or a speaker in one article (a generic one: "the company") -> its first passage's rank
    rank: dict[str | tuple[str, str], int] = {}
    for i, passage in enumerate(passages):
        rank.setdefault(passage.doc_id, i)
        record = by_doc.get(passage.doc_id)
        for start, end, name, _ in record.statements if record is not None else ():
            if start < passage.end_char and passage.start_char < end:
                rank.setdefault(name, i)
                rank.setdefault((passage.doc_id, name), i)
    placed = []
    for group in groups:
        keys: list[str | tuple[str, str]] = list(group.doc_ids)
        if group.speaker:
            keys = [(doc, group.speaker) for doc in group.doc_ids] if group.doc_ids else [group.speaker]
        best = min((rank[k] for k in keys if k in rank), default=None)
        if best is not None:
            placed.append((best, group))
    placed.sort(key=lambda pair: pair[0])
    return [group for _, group in placed[:MAX_ROWS]]


def source_groups(records: list[ArticleRecord]) -> list[Group]:
    """One group per source, labelled with the source, then the title (or how many articles the corpus holds from
    it: "97 articles in the corpus", not to be read as 97 on the topic).

    Articles without a source are a group each, labelled alike ("Source not given", then the title).
    """
    by_label: dict[str, list[ArticleRecord]] = {}
    for record in records:
        by_label.setdefault(record.source or f"\0{record.doc_id}", []).append(record)
    groups = []
    for label, members in by_label.items():
        detail = members[0].title if len(members) == 1 else f"{len(members)} articles in the corpus"
        groups.append(Group(NO_SOURCE if label.startswith("\0") else label, detail, tuple(r.doc_id for r in members)))
    return groups


def speaker_groups(records: list[ArticleRecord]) -> list[Group]:
    """One group per speaker quoted or reported in the corpus."""
    groups = []
    for summary in speaker_index(records):
        detail = ", ".join(x for x in (summary.role, summary.affiliation) if x)
        if summary.generic:  # "the company" of one article: that article's company
            label = f"{summary.name} ({summary.articles[0]})"
            groups.append(Group(label, detail, tuple(summary.doc_ids), speaker=summary.name))
        else:
            groups.append(Group(summary.name, detail, speaker=summary.name))
    return groups


def _subject(a: str, b: str) -> set[str]:
    shared = content_stems(a) & content_stems(b)
    return {s for s in shared if s not in FIGURE_WORDS and not s[0].isdigit()}


WHAT_WORDS = 12  # the longest stretch of a sentence that says what two sentences are both about


def _what(a: str, b: str) -> str:
    """What two sentences are both about, in the first one's own words: the shortest stretch of it, at most
    `WHAT_WORDS` words, holding the most of the content words the two share ("Sam Bankman-Fried, the founder of
    failed cryptocurrency exchange FTX"), not the shared words pulled out of order ("sam bankman-fried founder
    exchange ftx"); "the same subject" when they share none."""
    shared = content_stems(a) & content_stems(b)
    tokens = list(re.finditer(r"\S+", a))

    def sharing(token: str) -> bool:
        return any(stem(w) in shared and w not in FIGURE_WORDS and not w[0].isdigit() for w in content_words(token))

    at = [i for i, token in enumerate(tokens) if sharing(token.group())]
    # the stretch from one shared word to another holding the most of them, then the shortest, then the earliest
    stretches = [
        (m - n + 1, first - at[m], -first)  # (shared words held, -length, -start)
        for n, first in enumerate(at)
        for m in range(n, len(at))
        if at[m] - first < WHAT_WORDS
    ]
    held, minus_length, minus_first = max(stretches, default=(0, 0, 0))
    if not held:
        return "the same subject"
    first, last = -minus_first, -minus_first - minus_length
    stretch = a[tokens[first].start() : tokens[last].end()].strip(" \t\"'“”‘’()[],;:.!?—–-")
    return f"{stretch} …" if last + 1 in at else stretch  # the shared words go on past the stretch


@dataclass
class Contrasts:
    """Where groups differ, agree, or give figures that do not measure the same period."""

    differences: list[Contrast] = field(default_factory=list)
    agreements: list[Contrast] = field(default_factory=list)
    unlike: list[Contrast] = field(default_factory=list)


def find_contrasts(pools: dict[str, list[ScoredSentence]]) -> Contrasts:
    """Figures on one subject between sentences of different groups, and matching claims.

    The one conflict finder: Compare and the Briefing both use it. Figures in one unit about
    one subject differ or agree only when they cover the same period (`rag.figures.comparable`:
    per year where the text says so); otherwise they are set side by side as not comparable.
    """
    found = Contrasts()
    seen: set[tuple[tuple[str, int, int], tuple[str, int, int]]] = set()
    claimed: set[tuple[str, str, str]] = set()  # (group, other group, the words of a sentence agreed on)
    labels = list(pools)
    for i, first in enumerate(labels):
        for second in labels[i + 1 :]:
            for a in pools[first]:
                for b in pools[second]:
                    if a.evidence.key == b.evidence.key:
                        continue  # one sentence said by two speakers of one article
                    key = (a.evidence.key, b.evidence.key)
                    similarity = cosine(a.vector or [], b.vector or [])
                    for fa in find_figures(a.evidence.quote):
                        for fb in find_figures(b.evidence.quote):
                            if fa.unit != fb.unit or key in seen or similarity < SAME_SUBJECT:
                                continue
                            near_a = words_around(a.evidence.quote, fa.start, fa.end, FIGURE_WINDOW)
                            near_b = words_around(b.evidence.quote, fb.start, fb.end, FIGURE_WINDOW)
                            if not _subject(near_a, near_b):
                                continue
                            seen.add(key)
                            sides = [(first, a.evidence, describe(fa)), (second, b.evidence, describe(fb))]
                            what = _what(near_a, near_b)
                            if not comparable(fa, fb):
                                found.unlike.append(Contrast("unlike", what, sides))
                            elif same_value(fa, fb):
                                found.agreements.append(Contrast("agree", what, sides))
                            else:
                                found.differences.append(Contrast("differ", what, sides))
                    # one claim is one agreement: a sentence already agreed on between the two groups, or its
                    # words again in another of the group's articles (a standing sentence), adds none
                    said = {
                        (first, second, same_words(a.evidence.quote)),
                        (second, first, same_words(b.evidence.quote)),
                    }
                    if key not in seen and similarity >= SAME_CLAIM and not said & claimed:
                        seen.add(key)
                        claimed |= said
                        what = _what(a.evidence.quote, b.evidence.quote)
                        found.agreements.append(
                            Contrast("agree", what, [(first, a.evidence, ""), (second, b.evidence, "")])
                        )
    return found


def compare(assistant: Assistant, topic: str, by: str = "source", options: AskOptions | None = None) -> Comparison:
    """What each source (or speaker) says about `topic`, and where they differ or agree.

    Each row's passages come through the Assistant's door with that row's filters added to
    the caller's; raises UsageError (bad topic or filters) and StoreError like a question.
    """
    if by not in ("source", "speaker"):
        raise ValueError("compare by 'source' or 'speaker'")
    started = time.perf_counter()
    options = (options or AskOptions()).or_defaults(top_k=6)
    # The topic's best passages over every row's articles: checks the topic and filters once,
    # for every row, and tells which groups have anything on the topic.
    whole = assistant.retrieve(topic, replace(options, top_k=ROW_PASSAGES))
    options = replace(whole.options, top_k=options.top_k)
    records = [r for r in assistant.articles() if admits_article(options.filters, r)]
    by_doc = {r.doc_id: r for r in records}
    groups = source_groups(records) if by == "source" else speaker_groups(records)
    if by == "speaker" and options.filters.speakers:  # the rows of the people asked about
        groups = [g for g in groups if g.speaker in options.filters.speakers]
    every_group = len(groups)
    if len(groups) > MAX_ROWS:
        groups = _groups_on_topic(whole.found, groups, by_doc)
    engine = assistant.engine
    cells: list[tuple[float, Cell]] = []
    pools: dict[str, list[ScoredSentence]] = {}
    for group in groups:
        base = options.filters
        narrowed = base.narrowed(
            doc_ids=group.doc_ids or base.doc_ids, speakers=(group.speaker,) if group.speaker else base.speakers
        )
        if assistant.unmatched_filters(narrowed):
            continue  # the caller's filters leave nothing of this row: not a row
        retrieval = assistant.retrieve(topic, AskOptions(options.top_k, options.per_article, narrowed))

        def said_by_group(evidence: Evidence, name: str = group.speaker) -> bool:
            record = by_doc.get(evidence.doc_id)
            return not name or (
                record is not None and speaker_of(record, evidence.start_char, evidence.end_char) == name
            )

        ranked = engine.rank(retrieval, keep=said_by_group, shortlist=8)
        # a sentence holding every word of the topic is on it, however far a short topic ("the terminal") is in
        # meaning from any sentence
        relevant = [c for c in ranked if c.semantic >= CELL_RELEVANCE[by] or c.lexical >= 1.0]
        pools[group.name] = relevant[:6]
        cell = Cell(group)
        if relevant:
            cell.sentences = engine.describe(group.label, topic, retrieval, relevant, CELL_SENTENCES)
        cells.append((relevant[0].score if relevant else -1.0, cell))
    # a source far weaker than the best says nothing on the topic: nothing found (in a corpus of many groups,
    # where the rows are those on the topic, a row with nothing found is left out). Not a speaker: people put
    # a view in their own words ("drawing the attention of the North Atlantic Alliance"), far from the
    # topic's, and what they say is held to a higher bar of meaning already (`CELL_RELEVANCE`)
    best = max((score for score, _ in cells), default=0.0)
    for score, cell in cells:
        if by == "source" and score < ROW_RATIO * best:
            cell.sentences = []
            pools[cell.group.name] = []
    if every_group > len(groups):
        cells = [(score, cell) for score, cell in cells if cell.sentences]
    if by == "speaker":
        cells.sort(key=lambda pair: -pair[0])  # those with something to say first
    ordered = [c for _, c in cells]
    contrasts = find_contrasts(pools)
    comparison = Comparison(
        topic=topic,
        by=by,
        mode=assistant.mode,
        cells=ordered,
        differences=contrasts.differences,
        agreements=contrasts.agreements,
        numbering=Numbering(),
        unmentioned=whole.unmentioned,
        unlike=contrasts.unlike,
        left_out=every_group - len(ordered),
    )
    for cell in comparison.cells:  # number in reading order: rows first, then contrasts
        for _, evidence, supported in cell.sentences:
            for e in evidence:
                comparison.numbering.number(e, supported)
    for contrast in comparison.differences + comparison.agreements + comparison.unlike:
        for _, e, _ in contrast.sides:
            comparison.numbering.number(e)
    comparison.timings_ms["total"] = (time.perf_counter() - started) * 1000
    return comparison
