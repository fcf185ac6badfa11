"""Hybrid retrieval: dense (Chroma) and BM25 (bm25s through LlamaIndex), fused by rank.

The BM25 index is built from the chunks in the store and persisted under the storage
folder, keyed by the store's fingerprint, so a new process loads it instead of rebuilding.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from rag.lexicon import stemmer, words
from rag.store import CorpusStore, published_ordinal

if TYPE_CHECKING:
    from chromadb.api.types import Where
    from llama_index.retrievers.bm25 import BM25Retriever

log = logging.getLogger(__name__)

RRF_K = 60  # the constant of reciprocal rank fusion (Cormack et al. 2009)
WORDS_FILE = "words.json"
# v2: built when the BM25 entries' document_id was the node's unset source ("None"), the
# article filter matched no chunk; a stale copy is rebuilt.
COLUMNS_FILE = "columns-v2.json"
PASSAGE_FIELDS = ("document_id", "path", "title", "source", "author", "published", "published_ord")


@dataclass(frozen=True)
class Filters:
    """Which articles a question may draw on. Empty fields filter nothing."""

    doc_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    published_from: str = ""  # ISO date, inclusive
    published_to: str = ""  # ISO date, inclusive
    speakers: tuple[str, ...] = ()  # passages in which one of these speaks

    @property
    def empty(self) -> bool:
        """True when nothing is filtered out."""
        return not (
            self.doc_ids or self.sources or self.authors or self.published_from or self.published_to or self.speakers
        )

    def date_range(self) -> tuple[int, int]:
        """The date range as inclusive YYYYMMDD integers (1 / 99999999 when open).

        An article without a known date (0) is outside every date range.
        """
        low = max(published_ordinal(self.published_from), 1) if self.published_from else 1
        high = _end_of(self.published_to) if self.published_to else 99_999_999
        return low, high


def _end_of(published: str) -> int:
    """The last YYYYMMDD a partial date covers: `2023` -> 20231231, `2023-04` -> 20230431."""
    parts = [int(p) for p in published.split("-") if p.isdigit()]
    year, month, day = (parts + [12, 31][len(parts) - 1 :])[:3] if parts else (9999, 12, 31)
    return year * 10_000 + month * 100 + day


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

    @classmethod
    def from_metadata(cls, chunk_id: str, text: str, meta: dict[str, Any]) -> Passage:
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
            speakers=[str(s) for s in meta.get("speakers") or []],
        )


def reciprocal_rank_fusion(rankings: dict[str, Sequence[Passage]], k: int = RRF_K) -> list[Passage]:
    """Fuse ranked lists: each passage scores the sum of 1 / (k + rank) over the lists."""
    fused: dict[str, Passage] = {}
    for name, ranking in rankings.items():
        for rank, passage in enumerate(ranking, start=1):
            merged = fused.setdefault(passage.chunk_id, replace(passage, score=0.0, ranks={}))
            merged.score += 1.0 / (k + rank)
            merged.ranks[name] = rank
    return sorted(fused.values(), key=lambda p: (-p.score, p.chunk_id))


def cap_per_article(passages: Sequence[Passage], cap: int | None) -> list[Passage]:
    """Keep at most `cap` passages of any one article, in order (None: no cap)."""
    if not cap:
        return list(passages)
    counts: dict[str, int] = {}
    kept = []
    for passage in passages:
        counts[passage.doc_id] = counts.get(passage.doc_id, 0) + 1
        if counts[passage.doc_id] <= cap:
            kept.append(passage)
    return kept


def chroma_where(filters: Filters) -> dict[str, Any] | None:
    """The filters as a Chroma `where` clause (None: no filter)."""
    parts: list[dict[str, Any]] = []
    for key, values in (("document_id", filters.doc_ids), ("source", filters.sources), ("author", filters.authors)):
        if values:
            parts.append({key: {"$in": list(values)}})
    low, high = filters.date_range()
    if filters.published_from or filters.published_to:
        parts.append({"published_ord": {"$gte": low}})
    if filters.published_to:
        parts.append({"published_ord": {"$lte": high}})
    if filters.speakers:
        said = [{"speakers": {"$contains": name}} for name in filters.speakers]
        parts.append(said[0] if len(said) == 1 else {"$or": said})
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else {"$and": parts}


class Bm25Index:
    """BM25 over every chunk's text, with per-chunk fields for filtering.

    The chunk texts stay on disk (memory-mapped JSONL): only the hits of a query are read.
    The fields filters need are kept in `COLUMNS_FILE` beside the index.
    """

    def __init__(
        self, retriever: BM25Retriever | None, fingerprint: str, corpus_words: set[str], columns: dict[str, list[Any]]
    ) -> None:
        self.retriever = retriever
        self.fingerprint = fingerprint
        self.words = corpus_words  # every word of the corpus, lower-cased
        self._count = len(columns.get("node_id", []))
        self._columns = {name: np.array(columns.get(name, []), dtype=object) for name in PASSAGE_FIELDS}
        self._published = np.array(columns.get("published_ord", []), dtype=np.int64)
        self._speakers = [frozenset(s or ()) for s in columns.get("speakers", [])]
        self._passages: dict[str, Passage] = {}  # decoded on first use, by chunk id

    def __len__(self) -> int:
        return self._count

    @staticmethod
    def columns_of(corpus: Iterable[dict[str, Any]]) -> dict[str, list[Any]]:
        """The per-chunk fields that filters need, from BM25 corpus entries."""
        columns: dict[str, list[Any]] = {name: [] for name in ("node_id", *PASSAGE_FIELDS, "speakers")}
        for entry in corpus:
            columns["node_id"].append(str(entry.get("node_id", "")))
            for name in PASSAGE_FIELDS:
                columns[name].append(str(entry.get(name, "")) if name != "published_ord" else int(entry.get(name) or 0))
            columns["speakers"].append(list(entry.get("speakers") or []))
        return columns

    @classmethod
    def load_or_build(cls, store: CorpusStore, folder: Path) -> Bm25Index:
        """Load the persisted index for the store's current contents, or build and persist it."""
        from llama_index.retrievers.bm25 import BM25Retriever

        fingerprint = store.fingerprint()
        target = folder / fingerprint
        if (target / WORDS_FILE).exists():
            try:
                corpus_words = set(json.loads((target / WORDS_FILE).read_text(encoding="utf-8")))
                columns = json.loads((target / COLUMNS_FILE).read_text(encoding="utf-8"))
                retriever = BM25Retriever.from_persist_dir(str(target), show_progress=False, mmap=True)
                return cls(retriever, fingerprint, corpus_words, columns)
            except (OSError, ValueError, KeyError):
                shutil.rmtree(target, ignore_errors=True)  # a damaged copy is rebuilt below
        built = cls.build_retriever(store)
        if built is None:
            return cls(None, fingerprint, set(), {})
        retriever, corpus_words = built
        columns = cls.columns_of(retriever.corpus or [])
        partial = folder / f".{fingerprint}.partial"
        try:
            shutil.rmtree(partial, ignore_errors=True)
            partial.mkdir(parents=True)
            retriever.persist(str(partial), show_progress=False)
            (partial / COLUMNS_FILE).write_text(json.dumps(columns), encoding="utf-8")
            # Written last: its presence marks a complete copy.
            (partial / WORDS_FILE).write_text(json.dumps(sorted(corpus_words)), encoding="utf-8")
            for old in folder.iterdir():  # keep only the current index
                if old.is_dir() and old.name != partial.name:
                    shutil.rmtree(old, ignore_errors=True)
            partial.rename(target)
        except OSError as exc:
            # The copy on disk only saves rebuilding it next time: answer from memory.
            shutil.rmtree(partial, ignore_errors=True)
            log.warning("could not save the BM25 index under %s (%s); it will be rebuilt next start", folder, exc)
        return cls(retriever, fingerprint, corpus_words, columns)

    @staticmethod
    def build_retriever(store: CorpusStore) -> tuple[BM25Retriever, set[str]] | None:
        """A BM25 retriever over every stored chunk and the corpus's words; None if no chunks."""
        import bm25s
        from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode
        from llama_index.core.vector_stores.utils import node_to_metadata_dict
        from llama_index.retrievers.bm25 import BM25Retriever

        # What BM25Retriever.from_defaults(nodes) builds, without holding every node at
        # once: at 100k chunks the nodes alone took about a gigabyte.
        corpus: list[dict[str, Any]] = []
        texts: list[str] = []
        corpus_words: set[str] = set()
        for chunk_id, text, meta in store.iter_chunks():
            corpus_words.update(words(text))
            keep = {k: meta.get(k) for k in (*PASSAGE_FIELDS, "start_char", "end_char", "chunk_index", "speakers")}
            node = TextNode(id_=chunk_id, text=text, metadata=keep)
            # The corpus entry's document_id is the node's source, not the metadata's: set it.
            node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=str(meta.get("document_id", "")))
            corpus.append(node_to_metadata_dict(node) | {"node_id": chunk_id})
            texts.append(text)  # BM25 sees the text alone
        if not corpus:
            return None
        tokens = bm25s.tokenize(texts, stopwords="english", stemmer=stemmer(), show_progress=False)
        del texts
        bm25 = bm25s.BM25()
        bm25.index(tokens, show_progress=False)
        bm25.corpus = corpus
        retriever = BM25Retriever(existing_bm25=bm25, similarity_top_k=10, stemmer=stemmer())
        return retriever, corpus_words

    def mask(self, filters: Filters) -> np.ndarray | None:
        """1 for the chunks the filters allow, 0 for the rest (None: all allowed)."""
        if filters.empty:
            return None
        allowed = np.ones(len(self), dtype=bool)
        for name, values in (
            ("document_id", filters.doc_ids),
            ("source", filters.sources),
            ("author", filters.authors),
        ):
            if values:
                allowed &= np.isin(self._columns[name], list(values))
        low, high = filters.date_range()
        if filters.published_from or filters.published_to:
            allowed &= (self._published >= low) & (self._published <= high)
        if filters.speakers:
            wanted = set(filters.speakers)
            allowed &= np.array([bool(wanted & said) for said in self._speakers], dtype=bool)
        return allowed.astype(np.float32)

    def search(self, query: str, k: int, filters: Filters) -> list[Passage]:
        """The `k` best chunks for `query` by BM25 among those the filters allow."""
        import bm25s

        if not len(self) or self.retriever is None:
            return []
        mask = self.mask(filters)
        if mask is not None and not mask.any():
            return []
        tokens = bm25s.tokenize(query, stemmer=stemmer(), show_progress=False)
        if not tokens.vocab:
            return []
        allowed = len(self) if mask is None else int(mask.sum())
        indexes, scores = self.retriever.bm25.retrieve(
            tokens, k=min(k, allowed), show_progress=False, weight_mask=mask, n_threads=0
        )
        passages = []
        for idx, score in zip(indexes[0], scores[0], strict=True):
            if score <= 0:
                continue  # no query word in it
            entry = idx if isinstance(idx, dict) else self.retriever.corpus[int(idx)]
            key = str(entry["node_id"])
            if key not in self._passages:
                self._passages[key] = _passage_from_corpus_entry(entry)
            passages.append(replace(self._passages[key]))  # callers may change score and ranks
        return passages

    def document_frequencies(self) -> dict[str, int]:
        """For each stem, the number of chunks that contain it."""
        if not len(self) or self.retriever is None:
            return {}
        counts = np.diff(np.asarray(self.retriever.bm25.scores["indptr"]))
        return {token: int(counts[i]) for token, i in self.retriever.bm25.vocab_dict.items() if i < len(counts)}


def _passage_from_corpus_entry(entry: dict[str, Any]) -> Passage:
    node_content = json.loads(entry.get("_node_content", "{}"))
    meta = dict(node_content.get("metadata") or entry)
    return Passage.from_metadata(str(entry["node_id"]), str(node_content.get("text", "")), meta)


class HybridRetriever:
    """Dense and BM25 candidates, fused by reciprocal rank, capped per article."""

    def __init__(self, store: CorpusStore, bm25: Bm25Index, candidates: int = 40) -> None:
        self.store = store
        self.bm25 = bm25
        self.candidates = candidates

    def dense(self, query_vector: Sequence[float], k: int, filters: Filters) -> list[Passage]:
        """The `k` chunks nearest to `query_vector` in Chroma.

        Queried on the collection itself: the chunk metadata holds every field a passage
        needs, so LlamaIndex's per-result node decoding is skipped on this hot path.
        """
        k = min(k, len(self.bm25) or self.store.count_chunks())
        if k <= 0:
            return []
        vectors: list[Sequence[float]] = [list(query_vector)]
        result = self.store.chunks.query(
            query_embeddings=vectors,
            n_results=k,
            where=cast("Where | None", chroma_where(filters)),
            include=["documents", "metadatas"],
        )
        ids = result["ids"][0]
        documents = (result["documents"] or [[]])[0]
        metadatas = (result["metadatas"] or [[]])[0]
        return [
            Passage.from_metadata(chunk_id, text or "", dict(meta or {}))
            for chunk_id, text, meta in zip(ids, documents, metadatas, strict=True)
        ]

    def retrieve(
        self,
        query: str,
        query_vector: Sequence[float],
        top_k: int = 8,
        filters: Filters | None = None,
        per_article: int | None = None,
    ) -> list[Passage]:
        """The `top_k` best passages for `query`, at most `per_article` from any one article."""
        filters = filters or Filters()
        n = max(self.candidates, top_k * 4)
        fused = reciprocal_rank_fusion(
            {"dense": self.dense(query_vector, n, filters), "bm25": self.bm25.search(query, n, filters)}
        )
        return cap_per_article(fused, per_article)[:top_k]
