"""Speakers across the corpus: who speaks, in which articles, how often; who said a span."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rag.attribution import names_a_speaker
from rag.records import ArticleRecord


@dataclass
class SpeakerSummary:
    """One speaker over the whole corpus."""

    name: str
    role: str = ""
    affiliation: str = ""
    kind: str = "person"
    articles: list[str] = field(default_factory=list)  # titles
    statements: int = 0
    doc_ids: list[str] = field(default_factory=list)
    generic: bool = False  # "the company": one summary per article, each another company


def speaker_index(records: Iterable[ArticleRecord], include_articles: bool = False) -> list[SpeakerSummary]:
    """Speakers with their articles and statement counts, most statements first.

    The articles' own voices (kind "article") are left out unless asked for, and so are bodies whose names read as
    no one's (`rag.attribution.names_a_speaker`: "Altman’s firing", "The Verge and The New York Times"), which a
    store attributed by an earlier version may hold. A body named by a common noun ("the company said") is
    summarised article by article: each article's company is another.
    """
    summaries: dict[tuple[str, str], SpeakerSummary] = {}
    for record in records:
        kinds = {s["name"]: s for s in record.speakers}
        for _, _, name, _ in record.statements:
            info = kinds.get(name, {})
            kind = str(info.get("kind", "person"))
            if (kind == "article" and not include_articles) or (kind == "group" and not names_a_speaker(name)):
                continue
            generic = bool(info.get("generic", False))
            key = (name, record.doc_id if generic else "")
            summary = summaries.setdefault(key, SpeakerSummary(name, kind=kind, generic=generic))
            summary.role = summary.role or str(info.get("role", ""))
            summary.affiliation = summary.affiliation or str(info.get("affiliation", ""))
            summary.statements += 1
            if record.doc_id not in summary.doc_ids:
                summary.doc_ids.append(record.doc_id)
                summary.articles.append(record.title)
    return sorted(summaries.values(), key=lambda s: (-s.statements, s.name, s.articles))


def speaker_of(record: ArticleRecord, start: int, end: int) -> str:
    """Who says the span `[start, end)` of an article: the statement holding most of it."""
    best, overlap = "", 0
    for s_start, s_end, name, _ in record.statements:
        shared = min(end, s_end) - max(start, s_start)
        if shared > overlap:
            best, overlap = name, shared
    return best
