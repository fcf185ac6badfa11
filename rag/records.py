"""Plain records that flow between modules: filters, passages, evidence, articles.

This module imports no store, model or framework, so the contract between the parts of
the system sits at the bottom of the import graph: everything else stands above it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

PENDING = "pending"
COMPLETE = "complete"


def published_ordinal(published: str) -> int:
    """`YYYY-MM-DD` (or a prefix of it) as an int YYYYMMDD for range filters; 0 if unknown."""
    digits = published.replace("-", "")
    if not digits.isdigit():
        return 0
    return int(digits.ljust(8, "0"))


def end_of(published: str) -> int:
    """The last YYYYMMDD a partial date covers: `2023` -> 20231231, `2023-04` -> 20230431."""
    parts = [int(p) for p in published.split("-") if p.isdigit()]
    year, month, day = (parts + [12, 31][len(parts) - 1 :])[:3] if parts else (9999, 12, 31)
    return year * 10_000 + month * 100 + day


def known_fields(record_type: type, data: dict[str, Any]) -> dict[str, Any]:
    """The entries of `data` that name a field of the dataclass `record_type`.

    Reading JSON back skips what a record no longer has and leaves what it gained since
    to its default, so a chat saved by an older or newer version still opens.
    """
    names = {f.name for f in fields(record_type)}
    return {key: value for key, value in data.items() if key in names}


def page_at(page_starts: Sequence[int], offset: int) -> int | None:
    """The 1-based page on which `offset` of a PDF's text lies; None without page starts (not a PDF)."""
    return bisect_right(page_starts, offset) or None if page_starts else None


def shown_name(name: str, path: str) -> str:
    """The name a file is shown by: relative to its corpus folder, else its file name; never a server path."""
    return name or path.replace("\\", "/").rsplit("/", 1)[-1]


def where_label(name: str, page: int | None) -> str:
    """A file name and, for a PDF, its page: "report.pdf, p. 12"."""
    return f"{name}, p. {page}" if page else name


def ids_starting_with(prefix: str, ids: Iterable[str]) -> list[str]:
    """The ids that `prefix` starts (none for an empty prefix): a unique one may stand for its id."""
    return [i for i in ids if i.startswith(prefix)] if prefix else []


def ambiguous_id(prefix: str, records: Iterable[ArticleRecord], shown: int = 8) -> str:
    """The one line for an id prefix that starts several articles' ids: which ones, to pick from."""
    matches = sorted((r for r in records if r.doc_id.startswith(prefix)), key=lambda r: r.doc_id)
    listed = "; ".join(f"{r.doc_id} ({r.title[:40]})" for r in matches[:shown])
    more = f"; and {len(matches) - shown} more" if len(matches) > shown else ""
    return f"the article id '{prefix}' starts {len(matches)} articles' ids: {listed}{more}; give more of it"


@dataclass(frozen=True)
class Filters:
    """Which articles a question may draw on. Empty fields filter nothing."""

    doc_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    published_from: str = ""  # ISO date (or a prefix of one), inclusive
    published_to: str = ""  # ISO date (or a prefix of one), inclusive
    speakers: tuple[str, ...] = ()  # passages in which one of these speaks

    @property
    def empty(self) -> bool:
        """True when nothing is filtered out."""
        return not (
            self.doc_ids or self.sources or self.authors or self.published_from or self.published_to or self.speakers
        )

    @property
    def dated(self) -> bool:
        """True when a date range is set."""
        return bool(self.published_from or self.published_to)

    def date_range(self) -> tuple[int, int]:
        """The date range as inclusive YYYYMMDD integers (1 / 99999999 when open).

        An article without a known date (0) is outside every date range.
        """
        low = max(published_ordinal(self.published_from), 1) if self.published_from else 1
        high = end_of(self.published_to) if self.published_to else 99_999_999
        return low, high

    def both(self, other: Filters) -> Filters | None:
        """The filters that pass what both pass; None when nothing can (two different sources asked for)."""
        fields: dict[str, Any] = {}
        for name in ("doc_ids", "sources", "authors", "speakers"):
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine and theirs:
                common = tuple(v for v in mine if v in theirs)
                if not common:
                    return None
                fields[name] = common
            else:
                fields[name] = mine or theirs
        lows = [d for d in (self.published_from, other.published_from) if d]
        highs = [d for d in (self.published_to, other.published_to) if d]
        low = max(lows, key=published_ordinal) if lows else ""
        high = min(highs, key=end_of) if highs else ""
        if low and high and published_ordinal(low) > end_of(high):
            return None
        return Filters(published_from=low, published_to=high, **fields)

    def either(self, other: Filters) -> Filters:
        """Filters that pass what either passes (and possibly more: one date range spans both)."""
        fields: dict[str, Any] = {}
        for name in ("doc_ids", "sources", "authors", "speakers"):
            mine, theirs = getattr(self, name), getattr(other, name)
            fields[name] = tuple(dict.fromkeys(mine + theirs)) if mine and theirs else ()
        low = (
            min(self.published_from, other.published_from, key=published_ordinal)
            if self.published_from and other.published_from
            else ""
        )
        high = (
            max(self.published_to, other.published_to, key=end_of) if self.published_to and other.published_to else ""
        )
        return Filters(published_from=low, published_to=high, **fields)

    def narrowed(self, **changes: Any) -> Filters:
        """These filters with some fields replaced (a group's articles, a speaker)."""
        return replace(self, **changes)

    def describe(self) -> str:
        """The filters in words, for messages: "source 'BBC'; published from 2023-01"."""
        parts = [
            f"{label} {', '.join(repr(v) for v in values)}"
            for label, values in (
                ("article", self.doc_ids),
                ("source", self.sources),
                ("author", self.authors),
                ("speaker", self.speakers),
            )
            if values
        ]
        if self.published_from:
            parts.append(f"published from {self.published_from}")
        if self.published_to:
            parts.append(f"published until {self.published_to}")
        return "; ".join(parts)


BESIDE = "beside"  # the rank name of a chunk that joined the passages found as the one beside a passage


@dataclass
class Passage:
    """A retrieved chunk, where it sits in its article, and how it ranked."""

    chunk_id: str
    doc_id: str
    path: str
    title: str
    source: str
    author: str
    published: str
    start_char: int
    end_char: int
    text: str
    score: float = 0.0
    ranks: dict[str, int] = field(default_factory=dict)  # retriever name -> 1-based rank
    speakers: list[str] = field(default_factory=list)  # who speaks in the passage
    name: str = ""  # the file name relative to its corpus folder (or the upload's name)
    page: int | None = None  # for a PDF: the page on which the passage starts
    page_breaks: list[int] = field(default_factory=list)  # for a PDF: offsets inside it where pages start

    @property
    def beside(self) -> bool:
        """Whether it joined as the chunk beside a passage found, not found itself (see Assistant._beside)."""
        return BESIDE in self.ranks

    def holds(self, evidence: Evidence) -> bool:
        """Whether a sentence stands in this passage."""
        return evidence.doc_id == self.doc_id and self.start_char <= evidence.start_char < self.end_char

    def page_at(self, offset: int) -> int | None:
        """The page of an offset inside this passage (None when not from a PDF)."""
        if self.page is None:
            return None
        return self.page + sum(1 for b in self.page_breaks if b <= offset)

    @classmethod
    def from_metadata(cls, chunk_id: str, text: str, meta: dict[str, Any], score: float = 0.0) -> Passage:
        """Build from a chunk's stored metadata."""
        return cls(
            chunk_id=chunk_id,
            doc_id=str(meta.get("document_id", "")),
            path=str(meta.get("path", "")),
            title=str(meta.get("title", "")),
            source=str(meta.get("source", "")),
            author=str(meta.get("author", "")),
            published=str(meta.get("published", "")),
            start_char=int(meta.get("start_char", 0)),
            end_char=int(meta.get("end_char", 0)),
            text=text,
            score=score,
            speakers=[str(s) for s in meta.get("speakers") or []],
            name=shown_name(str(meta.get("name") or ""), str(meta.get("path") or "")),
            page=int(meta["page"]) if isinstance(meta.get("page"), int | float) else None,
            page_breaks=[int(b) for b in meta.get("page_breaks") or []],
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Passage:
        """The passage that `asdict` wrote."""
        return cls(**known_fields(cls, data))


@dataclass(frozen=True)
class Evidence:
    """A sentence-level span of an article that an answer sentence can cite."""

    doc_id: str
    path: str
    title: str
    start_char: int
    end_char: int
    quote: str
    name: str = ""  # the file name as shown (see Passage.name)
    page: int | None = None  # for a PDF: the page the quote starts on

    @property
    def key(self) -> tuple[str, int, int]:
        """Identity of the span: the same span always gets the same number."""
        return (self.doc_id, self.start_char, self.end_char)


@dataclass(frozen=True)
class FileRef:
    """A file an article was read from."""

    path: str
    abs_path: str
    sha: str
    name: str = ""  # relative to the folder it was ingested from (a file given alone: its name)


@dataclass
class ArticleRecord:
    """A stored article: metadata, the files it came from, and (when asked for) its text."""

    doc_id: str
    title: str
    source: str = ""
    author: str = ""
    published: str = ""
    format: str = "txt"
    files: list[FileRef] = field(default_factory=list)
    chunk_count: int = 0
    chunker: str = ""
    status: str = COMPLETE
    text: str | None = None
    speakers: list[dict[str, str]] = field(default_factory=list)  # name, role, affiliation, kind
    statements: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, speaker, kind
    pages: list[int] = field(default_factory=list)  # for a PDF: the offset at which each page starts

    @property
    def path(self) -> str:
        """The first file the article was read from."""
        return self.files[0].path if self.files else ""

    @property
    def name(self) -> str:
        """The first file's name as shown to people: relative to its corpus folder, never a server path."""
        return shown_name(self.files[0].name, self.files[0].path) if self.files else ""

    def page_at(self, offset: int) -> int | None:
        """The 1-based page of an offset of the text; None for an article not read from a PDF."""
        return page_at(self.pages, offset)


@dataclass(frozen=True)
class IndexStatus:
    """What the index holds, for the sidebar and `list`."""

    articles: int
    chunks: int
    embedder: str
    mode: str
    location: str


@dataclass(frozen=True)
class AskOptions:
    """Per-request choices: how many passages, at most how many per article, from which articles."""

    top_k: int | None = None
    per_article: int | None = None
    filters: Filters = field(default_factory=Filters)

    def or_defaults(self, top_k: int, per_article: int | None = None) -> AskOptions:
        """These options with the unset ones filled in (a comparison reads fewer passages than a briefing)."""
        return replace(self, top_k=self.top_k or top_k, per_article=self.per_article or per_article)


# A sentence of an answer, a comparison cell or a briefing: its text, its evidence, whether that supports it.
CitedSentence = tuple[str, list[Evidence], bool]


@dataclass
class Citation:
    """A numbered citation: a verbatim span of a stored article.

    `quote == article_text[start_char:end_char]` always holds.
    """

    n: int
    doc_id: str
    path: str
    title: str
    start_char: int
    end_char: int
    quote: str
    supported: bool = True
    name: str = ""  # the file name as shown in the app and exports (never a server path)
    page: int | None = None  # for a PDF: the 1-based page the quote starts on

    @property
    def where(self) -> str:
        """Its file as shown to people, with the page for a PDF: "report.pdf, p. 12"."""
        return where_label(shown_name(self.name, self.path), self.page)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of DESIGN.md's citation contract; "page" for a citation from a PDF."""
        data = asdict(self)
        del data["name"]
        if self.page is None:
            del data["page"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Citation:
        """The citation that `to_dict` wrote."""
        return cls(**known_fields(cls, data))

    @property
    def evidence(self) -> Evidence:
        """The span this citation numbers."""
        return Evidence(**known_fields(Evidence, asdict(self)))


@dataclass
class AnswerSentence:
    """One sentence of an answer, the citations it carries, and whether they support it."""

    text: str
    citations: list[int] = field(default_factory=list)
    supported: bool = True

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnswerSentence:
        """The sentence that `asdict` wrote (an answer's JSON "sentences")."""
        return cls(**known_fields(cls, data))
