"""BM25 over every stored chunk: bm25s through llama-index-retrievers-bm25, persisted, filterable.

The index is built from the chunks in the store and persisted under the storage folder,
keyed by the store's fingerprint and the code that builds it, so a new process loads it (memory-mapped) instead of
rebuilding. The fields filters read are kept as numpy columns beside it, and a filter is
applied as bm25s's weight mask (`rag.filters.filter_mask`), not by reading every entry.
"""

from __future__ import annotations

import json
import logging
import shutil
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode
from llama_index.retrievers.bm25 import BM25Retriever

from rag.build_digest import build_digest
from rag.casing import CasingCount
from rag.filters import filter_mask
from rag.lexicon import fold, initials_in, stemmer, words
from rag.nodes import node_from_metadata

if TYPE_CHECKING:
    from llama_index.core.vector_stores.types import MetadataFilters

    from rag.store import CorpusStore

log = logging.getLogger(__name__)

# The index is saved under "<the store's fingerprint>-<BUILT_BY>": the code that tokenizes and records it
# (this module, the folding and stemming of `rag.lexicon`, the names of `rag.casing` and the word frequencies they
# read) and the packages that index, so that a copy built by other code is rebuilt, not read (7 s at the benchmark's
# 10k chunks).
BUILT_BY_MODULES = ("rag.bm25", "rag.lexicon", "rag.casing", "rag.word_frequency")
BUILT_BY_PACKAGES = ("bm25s", "PyStemmer", "llama-index-retrievers-bm25", "wordfreq")
# the corpus's words (titles' too), with the initials it writes with stops as words ("U.K." writes "uk")
WORDS_FILE = "words.json"
# the words the corpus writes as names, and how (`rag.casing`)
CASED_FILE = "cased.json"
# the per-chunk fields filters read
COLUMNS_FILE = "columns.json"
# Decoded chunks kept for the next query: a few MB; at 100k chunks, keeping every chunk a long-
# running app has retrieved (dense and BM25 hits both come from here) would grow to hundreds of MB.
NODES_KEPT = 20_000
PASSAGE_FIELDS = ("document_id", "path", "title", "source", "author", "published", "published_ord")
# The other chunk fields a passage reads (absent ones stay absent: a PDF's pages, a chunk's speakers).
_SHOWN_FIELDS = ("start_char", "end_char", "chunk_index", "speakers", "name", "page", "page_breaks")


class Bm25Index:
    """BM25 over every chunk's text, with per-chunk fields for filtering.

    The chunk texts stay on disk (memory-mapped JSONL): only the hits of a query are read.
    The fields filters need are kept in `COLUMNS_FILE` beside the index.
    """

    def __init__(
        self,
        retriever: BM25Retriever | None,
        fingerprint: str,
        corpus_words: set[str],
        columns: dict[str, list[Any]],
        cased: dict[str, str] | None = None,
    ) -> None:
        self.retriever = retriever
        self.fingerprint = fingerprint
        self.words = corpus_words  # every word of the corpus, lower-cased
        self.cased = cased or {}  # lower-cased name -> as the corpus writes it ("japan" -> "Japan")
        self._node_ids: list[str] = [str(i) for i in columns.get("node_id", [])]
        self._count = len(self._node_ids)
        self._rows: dict[str, int] | None = None  # chunk id -> index, built on first use
        # as read; each made an array on first use (a question that filters on nothing needs none)
        self._raw_columns = columns
        self._columns: dict[str, np.ndarray | list[frozenset[str]]] = {}
        # decoded on first use, by chunk id; the most recently used NODES_KEPT are kept
        self._nodes: OrderedDict[str, TextNode] = OrderedDict()
        self._nodes_lock = threading.Lock()  # sessions query concurrently

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
        fingerprint = store.fingerprint()
        target = folder / f"{fingerprint}-{build_digest(BUILT_BY_MODULES, BUILT_BY_PACKAGES)}"
        if (target / WORDS_FILE).exists():
            try:
                corpus_words = set(json.loads((target / WORDS_FILE).read_text(encoding="utf-8")))
                columns = json.loads((target / COLUMNS_FILE).read_text(encoding="utf-8"))
                cased = json.loads((target / CASED_FILE).read_text(encoding="utf-8"))  # absent before: rebuilt
                retriever = BM25Retriever.from_persist_dir(str(target), show_progress=False, mmap=True)
                return cls(retriever, fingerprint, corpus_words, columns, cased)
            except (OSError, ValueError, KeyError):
                shutil.rmtree(target, ignore_errors=True)  # a damaged copy is rebuilt below
        built = cls.build_retriever(store)
        if built is None:
            return cls(None, fingerprint, set(), {})
        retriever, corpus_words, cased = built
        columns = cls.columns_of(retriever.corpus or [])
        partial = folder / f".{target.name}.partial"
        try:
            shutil.rmtree(partial, ignore_errors=True)
            partial.mkdir(parents=True)
            retriever.persist(str(partial), show_progress=False)
            (partial / COLUMNS_FILE).write_text(json.dumps(columns), encoding="utf-8")
            (partial / CASED_FILE).write_text(json.dumps(cased), encoding="utf-8")
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
        return cls(retriever, fingerprint, corpus_words, columns, cased)

    @staticmethod
    def build_retriever(store: CorpusStore) -> tuple[BM25Retriever, set[str], dict[str, str]] | None:
        """A BM25 retriever over every stored chunk, the corpus's words and the names among them (as
        written); None if no chunks."""
        import bm25s
        from llama_index.core.schema import NodeRelationship, RelatedNodeInfo
        from llama_index.core.vector_stores.utils import node_to_metadata_dict

        # What BM25Retriever.from_defaults(nodes) builds, without holding every node at
        # once: at 100k chunks the nodes alone took about a gigabyte.
        corpus: list[dict[str, Any]] = []
        texts: list[str] = []
        corpus_words: set[str] = set()
        casing = CasingCount()
        for chunk_id, text, meta in store.iter_chunks():
            corpus_words.update(words(text))
            # a question's "UK" is mentioned by a corpus writing "U.K." (for the coverage check; BM25 still tells
            # them apart)
            corpus_words.update(initials_in(text))
            # ... and a name only an article's title writes ("... | Jonathan Liew") is mentioned
            corpus_words.update(words(str(meta.get("title") or "")))
            casing.add(text)
            keep = {k: meta.get(k) for k in (*PASSAGE_FIELDS, *_SHOWN_FIELDS) if k in meta}
            node = TextNode(id_=chunk_id, text=text, metadata=keep)
            # The corpus entry's document_id is the node's source, not the metadata's: set it.
            node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=str(meta.get("document_id", "")))
            corpus.append(node_to_metadata_dict(node) | {"node_id": chunk_id})
            texts.append(fold(text))  # BM25 sees the text alone, folded as questions are
        if not corpus:
            return None
        tokens = bm25s.tokenize(texts, stopwords="english", stemmer=stemmer(), show_progress=False)
        del texts
        cased = casing.names()
        bm25 = bm25s.BM25()
        bm25.index(tokens, show_progress=False)
        bm25.corpus = corpus
        # k no larger than the corpus: the base class warns otherwise.
        retriever = BM25Retriever(existing_bm25=bm25, similarity_top_k=min(10, len(corpus)), stemmer=stemmer())
        return retriever, corpus_words, cased

    def column(self, name: str) -> np.ndarray | Sequence[frozenset[str]]:
        """One field of every chunk, in index order, for filter masks."""
        column = self._columns.get(name)
        if column is None:  # two threads may both build it: the same array either way
            raw = self._raw_columns.get(name, [])
            if name == "published_ord":
                column = np.array(raw, dtype=np.int64)
            elif name == "speakers":
                column = [frozenset(s or ()) for s in raw]
            else:
                column = np.array(raw, dtype=object)
            self._columns[name] = column
        return column

    def mask(self, rules: MetadataFilters | None) -> np.ndarray | None:
        """True for the chunks the filter rules allow (None: all are)."""
        return filter_mask(rules, self.column, len(self)) if len(self) else None

    def chunk_ids(self, mask: np.ndarray) -> list[str]:
        """The ids of the chunks a mask allows, in index order."""
        return [self._node_ids[i] for i in np.flatnonzero(mask)]

    def node_by_id(self, chunk_id: str) -> TextNode | None:
        """A chunk's node by its id (see `node`); None for a chunk this index does not hold."""
        if self._rows is None:
            self._rows = {node_id: i for i, node_id in enumerate(self._node_ids)}
        row = self._rows.get(chunk_id)
        return None if row is None or self.retriever is None else self.node(row)

    def article_nodes(self, doc_id: str) -> list[TextNode]:
        """Every chunk of one article, in the order of its text."""
        if self.retriever is None or not len(self):
            return []
        rows = np.flatnonzero(np.asarray(self.column("document_id")) == doc_id)
        return sorted((self.node(int(row)) for row in rows), key=lambda n: int(n.metadata.get("start_char") or 0))

    def node(self, hit: int | dict[str, Any]) -> TextNode:
        """The node of a hit (its corpus entry, or its index), decoded once and kept while recently used."""
        assert self.retriever is not None
        entry = hit if isinstance(hit, dict) else self.retriever.corpus[int(hit)]
        key = str(entry["node_id"])
        with self._nodes_lock:
            node = self._nodes.get(key)
            if node is not None:
                self._nodes.move_to_end(key)
                return node
        content = json.loads(entry.get("_node_content", "{}"))
        meta = dict(content.get("metadata") or {}) | {"document_id": entry.get("document_id", "")}
        node = node_from_metadata(key, str(content.get("text", "")), meta)
        with self._nodes_lock:
            self._nodes[key] = node
            while len(self._nodes) > NODES_KEPT:
                self._nodes.popitem(last=False)
        return node

    def retriever_for(
        self, rules: MetadataFilters | None, k: int, mask: np.ndarray | None = None
    ) -> MaskedBM25Retriever | None:
        """A retriever of the `k` best chunks the rules allow (None when the index is empty).

        `mask`: the rules' mask when the caller has computed it already.
        """
        if self.retriever is None or not len(self):
            return None
        return MaskedBM25Retriever(self, self.mask(rules) if mask is None else mask, k)

    def document_frequencies(self) -> dict[str, int]:
        """For each stem, the number of chunks that contain it."""
        if not len(self) or self.retriever is None:
            return {}
        counts = np.diff(np.asarray(self.retriever.bm25.scores["indptr"]))
        return {token: int(counts[i]) for token, i in self.retriever.bm25.vocab_dict.items() if i < len(counts)}


class MaskedBM25Retriever(BM25Retriever):
    """BM25Retriever restricted by a precomputed numpy mask, decoding each hit once per index.

    The base class takes a filter as `MetadataFilters` and builds its mask by reading every
    corpus entry in Python on each construction (seconds at 100k chunks), and decodes every
    hit's JSON node again on each query; this subclass takes the mask from the index's
    numpy columns and reuses decoded nodes.
    """

    def __init__(self, index: Bm25Index, mask: np.ndarray | None, k: int) -> None:
        assert index.retriever is not None
        allowed = len(index) if mask is None else int(mask.sum())
        # k never above what the mask allows: bm25s requires it, and the base class warns otherwise.
        super().__init__(
            existing_bm25=index.retriever.bm25, similarity_top_k=max(min(k, allowed), 1), stemmer=stemmer()
        )
        self._index = index
        self._mask = mask
        self._allowed = allowed

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        import bm25s

        if not self._allowed:
            return []
        tokens = bm25s.tokenize(fold(query_bundle.query_str), stemmer=self.stemmer, show_progress=False)
        if not tokens.vocab:
            return []
        mask = None if self._mask is None else self._mask.astype(np.float32)
        indexes, scores = self.bm25.retrieve(
            tokens, k=self.similarity_top_k, show_progress=False, weight_mask=mask, n_threads=0
        )
        return [
            NodeWithScore(node=self._index.node(hit), score=float(score))
            for hit, score in zip(indexes[0], scores[0], strict=True)
            if score > 0  # no query word in it
        ]
