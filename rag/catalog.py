"""What the store's metadata knows: its sources (outlets), authors and publication dates.

Questions name outlets as people write them ("CNBC", "the Independent", "Sydney Morning
Herald"), which rarely equals a source's stored name ("Cnbc | World Business News
Leader", "The Independent - Life and Style"). A name matches a source when their keys are
equal (folded, without a leading "the", a web suffix or punctuation), or when the name is
the source's head (the part before " | ", " - " or ": "), or a first part of it, or the
initials of a head of three words or more, written in capitals ("SMH" for The Sydney Morning
Herald, "NYT" for The New York Times; two letters are too often something else: "SA").
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from rag.atomic_file import write_atomically
from rag.attribution import TITLE_WORDS
from rag.build_digest import build_digest
from rag.entities import shaped_as_person
from rag.lexicon import content_stems, fold, straight_apostrophes
from rag.records import ArticleRecord

log = logging.getLogger(__name__)

_HEAD = re.compile(r"\s+[|\-–—:]\s+|:\s+")
_WEB_SUFFIX = re.compile(r"\.(com|co\.uk|org|net|io|news)$")


def name_key(name: str) -> str:
    """A name as compared: folded, no leading "the", no web suffix, letters and digits only."""
    text = _WEB_SUFFIX.sub("", fold(name).strip())
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[^0-9a-z]+", "", text)


def _words(name: str) -> list[str]:
    words = re.findall(r"[0-9a-z]+", _WEB_SUFFIX.sub("", fold(name)))
    return words[1:] if words[:1] == ["the"] and len(words) > 1 else words


def _capitals(head: str) -> tuple[int, str]:
    """How many words a head has after a leading "the", and their first letters in capitals ("" unless each
    word starts with a letter)."""
    written = re.sub(r"^the\s+", "", head, flags=re.IGNORECASE).split()
    if not all(w[:1].isalpha() for w in written):
        return len(written), ""
    return len(written), "".join(w[0] for w in written).upper()


# "Jonathan Liew at Wembley", "Robin Buller in Oakland": where the writer filed from, not a part of the name
FILED_FROM = re.compile(r"\s+(?:at|in)\s+(?:the\s+)?[A-Z].*$")


def byline_writers(byline: str) -> list[str]:
    """The writers an article's author field names: each name of its first part ("Ann Lee and Bo Kim"), and the
    later parts shaped as a person ("Cade Metz, Karen Weise and Mike Isaac"), not an agency ("Ava Benny-Morrison,
    Bloomberg", "The Associated Press": not a source of the corpus); none with the place it was filed from."""
    writers: list[str] = []
    for i, part in enumerate(byline.split(",")):
        for name in re.split(r"\s+and\s+|\s*&\s*(?![A-Z]\b)", part):  # "Texas A&M University" is one name
            name = FILED_FROM.sub("", name.strip()).strip()
            if name and (i == 0 or (shaped_as_person(name) and not NOT_A_WRITER.search(name))):
                writers.append(name)
    return writers


# what a byline's later part names that is no writer: a job ("Staff Writer"), an outlet ("Business Insider", "The
# Conversation")
NOT_A_WRITER = re.compile(
    r"^The\s|\b(?:editor|editors|writer|writers|correspondent|reporter|reporters|staff|contributor|columnist|critic|"
    r"insider|news|times|post|journal|press|media|magazine|daily|weekly|review|report|wire|network|online|digital|"
    r"sports|health|tribune|herald|gazette|telegraph|guardian|courier|observer)\b",
    re.IGNORECASE,
)


MAX_NAME_WORDS = 4  # the longest full name looked for
INITIALS_MIN_WORDS = 3  # a head of this many words or more answers to its initials
# "BBC News" is "the BBC", "ABC News" "ABC": the words an outlet's capitals may go without
_MEDIA_WORDS = frozenset("news sports sport online media tv radio".split())
# The copy on disk is named by the code that builds a catalog (`rag.build_digest`): a copy built by other
# rules is rebuilt, not misread.
BUILT_BY_MODULES = (
    "rag.catalog",
    "rag.attribution",
    "rag.entities",
    "rag.lexicon",
    "rag.records",
    "rag.word_frequency",
)
BUILT_BY_PACKAGES = ("wordfreq",)


@dataclass(frozen=True)
class Outlet:
    """A stored source and the names it answers to."""

    source: str
    head: str  # the name before " | ", " - " or ": "

    @property
    def initials(self) -> str:
        """The capitals a head of `INITIALS_MIN_WORDS` words or more is written as ("SMH"); else ""."""
        words, capitals = _capitals(self.head)
        return capitals if words >= INITIALS_MIN_WORDS else ""

    @property
    def short_initials(self) -> str:
        """The capitals of a head of two words ("FT" for the Financial Times): a name only where a question
        asks for an article ("the FT piece"), too short to be looked for anywhere else ("SA", "BT"); else ""."""
        words, capitals = _capitals(self.head)
        return capitals if words == 2 else ""

    @property
    def acronym(self) -> str:
        """The capitals a head opens with before words any outlet may write ("BBC" of "BBC News", "FOX" of "FOX
        News"), written so in a question; else "" ("Sky Sports" is not "Sky")."""
        written = re.sub(r"^the\s+", "", self.head, flags=re.IGNORECASE).split()
        if len(written) < 2 or not re.fullmatch(r"[A-Z]{2,5}", written[0]):
            return ""
        return written[0] if all(w.lower() in _MEDIA_WORDS for w in written[1:]) else ""

    def matches(self, name: str) -> bool:
        """Whether `name`, as written in a question, denotes this source."""
        key = name_key(name)
        if not key:
            return False
        if name.strip() in {self.initials, self.short_initials, self.acronym} - {""}:
            return True
        if key in (name_key(self.source), name_key(self.head)):
            return True
        wanted, head = _words(name), _words(self.head)
        return len(wanted) < len(head) and head[: len(wanted)] == wanted


@dataclass
class Catalog:
    """Sources, authors and dates of the stored articles, for reading questions."""

    outlets: list[Outlet] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    dates: dict[str, set[str]] = field(default_factory=dict)  # source -> ISO dates of its articles
    people: list[str] = field(default_factory=list)  # the people the articles quote (their speakers)
    unsourced: int = 0  # articles with no source recorded: an outlet the catalog lacks may be theirs
    titles: dict[str, str] = field(default_factory=dict)  # doc_id -> title, for an article named by its title
    sources: dict[str, str] = field(default_factory=dict)  # doc_id -> source: an outlet's article named by topic
    # author -> the whole bylines they are in where those say more ("Tomas Ferreira, Reuters", "Ann Lee and Bo Kim"):
    # the articles' own author field, which filters match
    bylines: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, records: Iterable[ArticleRecord]) -> Catalog:
        """The catalog of these articles."""
        dates: dict[str, set[str]] = {}
        authors: set[str] = set()
        people: set[str] = set()
        unsourced = 0
        titles: dict[str, str] = {}
        sources: dict[str, str] = {}
        bylines: dict[str, set[str]] = {}
        for record in records:
            if record.title:
                titles[record.doc_id] = record.title
            people.update(s["name"] for s in record.speakers if s.get("kind") == "person" and s.get("name"))
            if record.source:
                sources[record.doc_id] = record.source
                dates.setdefault(record.source, set()).add(record.published)
            else:
                unsourced += 1
            for author in byline_writers(record.author):
                authors.add(author)
                if author != record.author:
                    bylines.setdefault(author, set()).add(record.author)
        outlets = [Outlet(source, _HEAD.split(source, maxsplit=1)[0].strip() or source) for source in sorted(dates)]
        whole = {author: sorted(written) for author, written in sorted(bylines.items())}
        return cls(outlets, sorted(authors), dates, sorted(people), unsourced, titles, sources, whole)

    def to_json(self) -> dict[str, Any]:
        """The catalog as JSON data (`from_json` reads it back)."""
        return {
            "outlets": [[o.source, o.head] for o in self.outlets],
            "authors": self.authors,
            "dates": {source: sorted(dates) for source, dates in self.dates.items()},
            "people": self.people,
            "unsourced": self.unsourced,
            "titles": self.titles,
            "sources": self.sources,
            "bylines": self.bylines,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Catalog:
        """The catalog `to_json` wrote."""
        return cls(
            [Outlet(source, head) for source, head in data["outlets"]],
            list(data["authors"]),
            {source: set(dates) for source, dates in data["dates"].items()},
            list(data["people"]),
            int(data["unsourced"]),
            {str(doc): str(title) for doc, title in data["titles"].items()},
            {str(doc): str(source) for doc, source in data["sources"].items()},
            {str(author): [str(b) for b in written] for author, written in data["bylines"].items()},
        )

    def titled(self, written: str) -> list[str]:
        """The articles whose titles hold every content word of `written` ("the Madrid summit article")."""
        wanted = content_stems(written)
        if not wanted:
            return []
        return [doc for doc, stems in self._title_stems.items() if wanted <= stems]

    def titles_sharing(self, sources: Sequence[str], stems: AbstractSet[str]) -> tuple[int, dict[str, frozenset[str]]]:
        """How many titled articles `sources` have, and the content stems of those of their titles that write one
        of `stems`, by article."""
        count = 0
        found: dict[str, frozenset[str]] = {}
        for source in sources:
            titles, by_stem = self._titles_by_source.get(source, ({}, {}))
            count += len(titles)
            for doc in {doc for s in stems for doc in by_stem.get(s, ())}:
                found[doc] = titles[doc]
        return count, found

    @cached_property
    def _titles_by_source(self) -> dict[str, tuple[dict[str, frozenset[str]], dict[str, list[str]]]]:
        """Per source, its articles' title stems, and the articles whose titles write each stem."""
        index: dict[str, tuple[dict[str, frozenset[str]], dict[str, list[str]]]] = {}
        for doc, stems in self._title_stems.items():
            source = self.sources.get(doc)
            if source:
                titles, by_stem = index.setdefault(source, ({}, {}))
                titles[doc] = stems
                for s in stems:
                    by_stem.setdefault(s, []).append(doc)
        return index

    @cached_property
    def published_years(self) -> frozenset[str]:
        """The years the sourced articles were published in ("2023")."""
        return frozenset(date[:4] for dates in self.dates.values() for date in dates if date)

    @cached_property
    def _title_stems(self) -> dict[str, frozenset[str]]:
        return {doc: content_stems(title) for doc, title in self.titles.items()}

    def people_named(self, text: str) -> list[str]:
        """The quoted people `text` names: by full name, or by a surname of four letters or more
        written with its capital ("Koizumi", not "koizumi", which would be a word)."""
        full, surnames = self._people_index
        written = re.findall(r"[\w'-]+", straight_apostrophes(text))  # "O'Hara" names Carolyn O’Hara
        words = [re.sub(r"'s?$", "", w) for w in written]  # "Edward Tsai's take" names Edward Tsai
        named: dict[str, None] = {}
        for i, word in enumerate(words):
            for length in range(1, MAX_NAME_WORDS + 1):  # a full name, any case
                for person in full.get(" ".join(words[i : i + length]).lower(), ()):
                    named[person] = None
            if len(word) >= 4 and word[0].isupper() and not _inside_another_name(written, i):
                for person in surnames.get(word, ()):
                    named[person] = None
        return [p for p in self.people if p in named]

    def writers_named(self, text: str) -> list[tuple[int, int, str]]:
        """Where `text` names a writer of the stored articles by their full name, in any case ("pete prisco's
        record"): (start, end, the author as stored); not an author that is an outlet ("Associated Press"), nor one
        the articles quote."""
        writers, pattern = self._writers
        return [(m.start(), m.end(), writers[m.group(0).lower()]) for m in pattern.finditer(text)] if writers else []

    @cached_property
    def _writers(self) -> tuple[dict[str, str], re.Pattern[str]]:
        """The person-shaped authors by lower-cased name, and a pattern finding any of them, longest first; not one
        the articles quote, whose words are found where they are quoted."""
        outlets = {name_key(name) for o in self.outlets for name in (o.source, o.head)}
        quoted = set(self.people)
        writers = {
            a.lower(): a for a in self.authors if shaped_as_person(a) and name_key(a) not in outlets and a not in quoted
        }
        names = "|".join(re.escape(w) for w in sorted(writers, key=len, reverse=True))
        return writers, re.compile(rf"(?<![\w-])(?:{names})(?![\w-])", re.IGNORECASE)

    @cached_property
    def _people_index(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """The people by lower-cased full name, and by surname as written."""
        full: dict[str, list[str]] = {}
        surnames: dict[str, list[str]] = {}
        for person in self.people:
            words = re.findall(r"[\w'-]+", straight_apostrophes(person))
            if words:
                full.setdefault(" ".join(words).lower(), []).append(person)
                surnames.setdefault(words[-1], []).append(person)
        return full, surnames

    def sources_named(self, name: str) -> list[str]:
        """The stored sources `name` denotes (several for "The Independent": each of its sections)."""
        return [o.source for o in self.outlets if o.matches(name)]

    def authors_named(self, name: str) -> list[str]:
        """The stored authors `name` denotes (the full name, or a surname)."""
        key = name_key(name)
        return [a for a in self.authors if key and (name_key(a) == key or _words(a)[-1:] == [key])]

    def bylines_of(self, authors: Iterable[str]) -> tuple[str, ...]:
        """The articles' author fields that name `authors`: each of them, and the longer bylines they are in
        ("Tomas Ferreira, Reuters"), as filters match them."""
        return tuple(dict.fromkeys(b for a in authors for b in [a, *self.bylines.get(a, ())]))

    def aliases(self) -> list[tuple[str, Outlet]]:
        """Every name of every source as it may be written (its initials too), longest first.

        A name of two words or more after a leading "The" is written without it too ("Times of
        India", "Harbour Gazette"); a single word is not ("Verge", "Age" are words of their own).
        """
        names = {(o.source, o): None for o in self.outlets} | {(o.head, o): None for o in self.outlets}
        names |= {(o.initials, o): None for o in self.outlets if o.initials}
        names |= {(o.acronym, o): None for o in self.outlets if o.acronym}
        # a site's name, as readers write it: "CBS Sports" (and "CBSSports") for "CBSSports.com"
        for outlet in self.outlets:
            bare = _WEB_SUFFIX.sub("", outlet.head)
            spaced = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", bare)
            if bare != outlet.head and " " not in bare:
                names |= {(bare, outlet): None, (spaced, outlet): None}
        for name, outlet in list(names):
            bare = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
            if bare != name and len(bare.split()) > 1:
                names[(bare, outlet)] = None
        return sorted(names, key=lambda pair: -len(pair[0]))

    def published(self, sources: Sequence[str]) -> set[str]:
        """The dates on which these sources published."""
        return {d for s in sources for d in self.dates.get(s, ()) if d}


def cached_catalog(folder: Path, fingerprint: str, records: Callable[[], Iterable[ArticleRecord]]) -> Catalog:
    """The catalog of the store whose contents have `fingerprint`, from `folder` or built from `records`.

    Building it reads every article's record (3.5 s at 17,000 articles, most of a cold
    start); the copy on disk is keyed by the store's fingerprint, like the BM25 index, so any
    write to the store makes a new one. Pass the fingerprint read before `records`, so that
    a write between the two only costs a rebuild next time.
    """
    path = folder / f"{fingerprint}-{build_digest(BUILT_BY_MODULES, BUILT_BY_PACKAGES)}.json"
    try:
        return Catalog.from_json(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("rebuilding the damaged catalog copy %s (%s)", path, exc)
    catalog = Catalog.of(records())
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(catalog.to_json()).encode("utf-8"))
        for old in folder.glob("*.json"):  # keep only the current copy
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        # The copy only saves building it next time: answer from memory.
        log.warning("could not save the catalog under %s (%s); it will be rebuilt next start", folder, exc)
    return catalog


def _inside_another_name(words: Sequence[str], i: int) -> bool:
    """Whether the capitalised `words[i]` is part of a longer name ("West" of "West Indies", "Bowl" of "Super
    Bowl"), not a surname standing alone: a capitalised word follows it, or precedes it other than a title
    ("Minister Koizumi"), a possessive ("Japan's Koizumi") or the question's first word ("Did Koizumi ...")."""
    after = i + 1 < len(words) and words[i + 1][:1].isupper()
    before = i > 1 and words[i - 1][:1].isupper() and not re.search(r"['’]s?$", words[i - 1])
    return after or (before and words[i - 1].lower() not in TITLE_WORDS)
