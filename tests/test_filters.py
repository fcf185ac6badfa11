"""The filter rules are written once: Chroma's `where` and the BM25 mask allow exactly the same chunks.

A question is answered from the fusion of both retrievers; if the two readings of a filter
disagreed, one retriever would hand the answer passages from an article the user filtered
out (or miss ones the user asked for). Checked on a store holding articles with and without
sources, authors, dates (full and partial) and quoted speakers, against a third reading
written out by hand here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from llama_index.core.base.embeddings.base import BaseEmbedding

from rag.bm25 import Bm25Index
from rag.filters import chroma_where, metadata_filters
from rag.records import Filters
from rag.store import CorpusStore
from tests.support.project import BUNDLED_CORPUS, PROJECT, make_settings

HARBOUR = (PROJECT / "tests" / "data" / "attribution_heldout" / "harbour.txt").read_text(encoding="utf-8")
EXTRA_ARTICLES = {
    # A source, an author, a full date; speakers quoted and reported.
    "harbour.md": (
        "---\ntitle: Oslo votes to double harbour budget\nsource: Nordic Ports Weekly\n"
        "author: Ingrid Solberg\ndate: 2023-04-10\n---\n" + HARBOUR
    ),
    # Another source, another author, a date known only to the month; a speaker of the first too.
    "ferry.md": (
        "---\ntitle: Bergen ferries double their crossings\nsource: The Fjord Gazette\nauthor: Ola Berg\n"
        "date: 2022-06\n---\n"
        "The Bergen ferry line will double its crossings next summer, Fjordline announced on Friday.\n"
        "“We expect twice the passengers by July,” said Erik Dahl, the chief executive of Fjordline.\n"
        "Mayor Anne Lindqvist of Oslo said the city would watch the Bergen trial closely.\n"
        "Dockworkers in Bergen welcomed the plan. “More crossings mean more work on the quays,” says Sigrid Moe, "
        "a union leader.\nThe ferries will run on batteries from 2025.\n"
    ),
    # The first source again with the second author; a date known only to the year.
    "bridge.md": (
        "---\ntitle: Tromsø opens its new harbour bridge\nsource: Nordic Ports Weekly\nauthor: Ola Berg\n"
        "date: 2021\n---\n"
        "The harbour bridge in Tromsø opened to traffic on Monday after four years of work.\n"
        "“It took longer than planned, but the bridge will last a century,” said Kari Holm, who chaired the "
        "building committee.\nErik Dahl said the bridge ends an era for his ferries.\n"
        "Traffic engineers expect eight thousand cars a day.\n"
    ),
}
DATES = ["1999", "2021", "2021-12-31", "2022", "2022-06", "2022-06-01", "2022-06-30", "2022-07", "2023", "2023-04"]
DATES += ["2023-04-10", "2023-04-11", "2030"]


@dataclass(frozen=True)
class FilterStore:
    """A store with articles of every kind of metadata, its BM25 index, and each chunk's metadata."""

    store: CorpusStore
    bm25: Bm25Index
    chunks: dict[str, dict[str, Any]]  # chunk id -> metadata as stored in Chroma

    def values(self, key: str) -> list[str]:
        return sorted({str(meta.get(key, "")) for meta in self.chunks.values()})

    def speakers(self) -> list[str]:
        return sorted({s for meta in self.chunks.values() for s in meta.get("speakers") or []})


@pytest.fixture(scope="module")
def filter_store(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> FilterStore:
    """The bundled corpus (no source, no date) and three articles with sources, authors, dates and speakers."""
    from rag.ingest import ingest_paths

    root = tmp_path_factory.mktemp("filters")
    extra = root / "extra"
    extra.mkdir()
    for name, text in EXTRA_ARTICLES.items():
        (extra / name).write_text(text, encoding="utf-8")
    settings = make_settings(storage_dir=root / "storage")
    report = ingest_paths(settings, [BUNDLED_CORPUS, extra], load_embedder=lambda: local_embedder)
    assert len(report.added) == 5 and not report.skipped
    store = CorpusStore.open(settings)
    got = store.chunks.get(include=["metadatas"])
    chunks = {i: dict(meta or {}) for i, meta in zip(got["ids"], got["metadatas"] or [], strict=True)}
    return FilterStore(store, Bm25Index.load_or_build(store, settings.storage_dir / "bm25"), chunks)


def chroma_ids(data: FilterStore, filters: Filters) -> set[str]:
    """The chunks Chroma returns for the filters' `where` (the dense retriever's reading)."""
    where = chroma_where(metadata_filters(filters))
    return set(data.store.chunks.get(where=where, include=[])["ids"])  # type: ignore[arg-type]


def bm25_ids(data: FilterStore, filters: Filters) -> set[str]:
    """The chunks the BM25 mask allows (the sparse retriever's reading)."""
    mask = data.bm25.mask(metadata_filters(filters))
    allowed = range(len(data.bm25)) if mask is None else np.flatnonzero(mask)
    return {data.bm25.node(int(i)).node_id for i in allowed}


def by_hand(data: FilterStore, filters: Filters) -> set[str]:
    """The chunks the filters allow, read off their stored metadata one by one."""

    def bound(date: str, fill: str) -> int:
        return int(date.replace("-", "").ljust(8, fill))

    def allowed(meta: dict[str, Any]) -> bool:
        if filters.doc_ids and meta["document_id"] not in filters.doc_ids:
            return False
        if filters.sources and meta.get("source", "") not in filters.sources:
            return False
        if filters.authors and meta.get("author", "") not in filters.authors:
            return False
        if filters.published_from or filters.published_to:
            low = bound(filters.published_from, "0") if filters.published_from else 0
            high = bound(filters.published_to, "9") if filters.published_to else 99_999_999
            if not meta.get("published_ord") or not low <= int(meta["published_ord"]) <= high:
                return False  # an article without a known date is outside every range
        return not filters.speakers or bool(set(meta.get("speakers") or []) & set(filters.speakers))

    return {chunk_id for chunk_id, meta in data.chunks.items() if allowed(meta)}


def assert_agree(data: FilterStore, filters: Filters) -> set[str]:
    dense, sparse, expected = chroma_ids(data, filters), bm25_ids(data, filters), by_hand(data, filters)
    assert dense == sparse, f"{filters}: only Chroma {sorted(dense - sparse)}, only BM25 {sorted(sparse - dense)}"
    assert dense == expected, f"{filters}: both allow {sorted(dense - expected)}, both miss {sorted(expected - dense)}"
    return dense


def test_the_store_holds_every_kind_of_metadata_the_filters_read(filter_store: FilterStore) -> None:
    assert len(filter_store.chunks) == len(filter_store.bm25) > 14
    assert filter_store.values("source") == ["", "Nordic Ports Weekly", "The Fjord Gazette"]
    assert filter_store.values("author") == ["", "Alastair Crook", "Ingrid Solberg", "Ola Berg"]
    assert filter_store.values("published") == ["", "2021", "2022-06", "2023-04-10"]
    speakers = filter_store.speakers()
    assert {"Anne Lindqvist", "Erik Dahl", "Kari Holm", "Yoshimasa Hayashi", "Yu Koizumi"} <= set(speakers)
    said_by = {
        s: {m["document_id"] for m in filter_store.chunks.values() if s in (m.get("speakers") or [])} for s in speakers
    }
    assert len(said_by["Anne Lindqvist"]) == len(said_by["Erik Dahl"]) == 2, "speakers of two articles"


def article(data: FilterStore, title: str) -> str:
    (doc_id,) = {m["document_id"] for m in data.chunks.values() if m.get("title") == title}
    return str(doc_id)


GRID: list[tuple[str, dict[str, Any]]] = [
    ("nothing", {}),
    ("one source", {"sources": ("Nordic Ports Weekly",)}),
    ("two sources", {"sources": ("Nordic Ports Weekly", "The Fjord Gazette")}),
    ("the empty source", {"sources": ("",)}),
    ("an unknown source", {"sources": ("Nobody's Gazette",)}),
    ("an author of two sources", {"authors": ("Ola Berg",)}),
    ("source and author", {"sources": ("Nordic Ports Weekly",), "authors": ("Ola Berg",)}),
    ("a year", {"published_from": "2021", "published_to": "2021"}),
    ("from a month", {"published_from": "2022-06"}),
    ("until a month", {"published_to": "2022-06"}),
    ("until a day inside a month-dated article's month", {"published_to": "2022-06-15"}),
    ("from a day inside a month-dated article's month", {"published_from": "2022-06-15"}),
    ("one day", {"published_from": "2023-04-10", "published_to": "2023-04-10"}),
    ("the day after", {"published_from": "2023-04-11"}),
    ("an empty range", {"published_from": "2023", "published_to": "2022"}),
    ("one speaker", {"speakers": ("Erik Dahl",)}),
    ("two speakers", {"speakers": ("Kari Holm", "Yoshimasa Hayashi")}),
    ("a speaker and a source", {"speakers": ("Anne Lindqvist",), "sources": ("The Fjord Gazette",)}),
    ("a speaker and a date", {"speakers": ("Erik Dahl",), "published_to": "2021-12"}),
    ("an unknown speaker", {"speakers": ("Nobody Atall",)}),
    ("everything at once", {"sources": ("Nordic Ports Weekly",), "authors": ("Ingrid Solberg",),
                            "published_from": "2023", "speakers": ("Kari Holm",)}),
]  # fmt: skip


@pytest.mark.parametrize("fields", [f for _, f in GRID], ids=[name for name, _ in GRID])
def test_chroma_and_bm25_allow_the_same_chunks(filter_store: FilterStore, fields: dict[str, Any]) -> None:
    assert_agree(filter_store, Filters(**fields))


def test_article_filters_agree_and_select_the_articles_chunks(filter_store: FilterStore) -> None:
    harbour, ferry = (
        article(filter_store, "Oslo votes to double harbour budget"),
        article(filter_store, "Bergen ferries double their crossings"),
    )
    chosen = assert_agree(filter_store, Filters(doc_ids=(harbour, ferry)))
    assert {filter_store.chunks[c]["document_id"] for c in chosen} == {harbour, ferry}
    assert assert_agree(filter_store, Filters(doc_ids=(harbour,), speakers=("Erik Dahl",))) == set()
    assert assert_agree(filter_store, Filters(doc_ids=(ferry,), speakers=("Erik Dahl",)))
    assert assert_agree(filter_store, Filters(doc_ids=(harbour[:6],))) == set(), "prefixes are the door's to expand"


def test_the_grid_is_not_vacuous(filter_store: FilterStore) -> None:
    """Most cases of the grid allow some chunks but not all: the agreement is about something."""
    every = set(filter_store.chunks)
    sizes = {name: len(by_hand(filter_store, Filters(**fields))) for name, fields in GRID}
    assert sizes["nothing"] == len(every) and sizes["an unknown source"] == sizes["an empty range"] == 0
    assert sum(0 < n < len(every) for n in sizes.values()) >= 15, sizes


@st.composite
def filters(draw: st.DrawFn, data: FilterStore) -> Filters:
    def some(pool: list[str]) -> tuple[str, ...]:
        return tuple(draw(st.lists(st.sampled_from(pool), max_size=2, unique=True)))

    doc_ids = sorted({str(m["document_id"]) for m in data.chunks.values()})
    return Filters(
        doc_ids=some([*doc_ids, "nope"]) if draw(st.booleans()) else (),
        sources=some([*data.values("source"), "Nobody's Gazette"]),
        authors=some([*data.values("author"), "A. Nonymous"]),
        published_from=draw(st.sampled_from(["", "", *DATES])),
        published_to=draw(st.sampled_from(["", "", *DATES])),
        speakers=some([*data.speakers(), "Nobody Atall"]),
    )


def test_any_combination_of_filters_is_read_alike_by_chroma_and_bm25(filter_store: FilterStore) -> None:
    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(chosen=filters(filter_store))
    def agree(chosen: Filters) -> None:
        sizes.append(len(assert_agree(filter_store, chosen)))

    sizes: list[int] = []
    agree()
    assert sum(0 < n < len(filter_store.chunks) for n in sizes) >= 20, "too few combinations allow some chunks"


def test_the_rules_are_llamaindex_metadata_filters() -> None:
    from llama_index.core.vector_stores.types import FilterCondition, MetadataFilters

    assert metadata_filters(Filters()) is None and chroma_where(None) is None
    rules = metadata_filters(Filters(sources=("The Fjord Gazette",), published_from="2022", speakers=("Erik Dahl",)))
    assert isinstance(rules, MetadataFilters) and rules.condition == FilterCondition.AND
    assert [r.key for r in rules.filters] == ["source", "published_ord", "published_ord", "speakers"]  # type: ignore[union-attr]


def test_a_question_declined_under_filters_says_the_filters_limited_the_search(assistant: Any) -> None:
    # "No answer in the corpus" would mislead: the other articles were never searched
    from rag.records import AskOptions

    taiwan = next(r for r in assistant.articles() if "Taiwan" in r.title)
    question = "How many civilians were killed in the NATO war in Libya?"
    answer = assistant.ask(question, options=AskOptions(filters=Filters(doc_ids=(taiwan.doc_id,))))
    assert answer.abstained
    assert answer.text.endswith(f"Only the articles the filters allow were searched (article '{taiwan.doc_id}').")
    assert "filters allow" not in assistant.ask(question).text
