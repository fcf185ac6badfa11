"""Hybrid retrieval as a LlamaIndex pipeline, built afresh for each request:

    VectorIndexRetriever (ChunkVectorStore: Chroma, filters as chunk ids) ─┐
                                                                         ├─ ReciprocalRankFusionRetriever
    MaskedBM25Retriever (bm25s, filters as a numpy weight mask)         ─┘        │
                                      PerArticleCap ─ [rerankers] ─ ArticleDiversity ─ KeepTop

Every stage passes `NodeWithScore`s; another retriever or a node postprocessor (a
reranker) plugs in the way LlamaIndex users expect. The objects are cheap to build, so
each request gets its own (the filters differ per request, and sessions run concurrently).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.indices.vector_store.base import VectorStoreIndex
from llama_index.core.indices.vector_store.retrievers.retriever import VectorIndexRetriever
from llama_index.core.llms.mock import MockLLM
from llama_index.core.postprocessor.types import BaseNodePostprocessor
from llama_index.core.retrievers.fusion_retriever import FUSION_MODES, QueryFusionRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle

from rag.filters import chroma_where, metadata_filters
from rag.nodes import RankedNode
from rag.records import Filters

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding

    from rag.bm25 import Bm25Index
    from rag.store import CorpusStore

RRF_K = 60  # the constant of reciprocal rank fusion (Cormack et al. 2009)
CANDIDATES = 40  # each retriever's list before fusion (at least 4 x top-k)
# A filtered dense search names the chunks the filters allow (ids from the BM25 index's
# columns) rather than handing Chroma a `where`: the same hits, 3 to 9 times faster at 10k
# chunks (a source: 24 -> 5 ms; a date range: 76 -> 8 ms). Past this many chunks, `where`.
IDS_LIMIT = 20_000


class ReciprocalRankFusionRetriever(QueryFusionRetriever):
    """LlamaIndex's QueryFusionRetriever in reciprocal-rank mode, for one query and no LLM.

    Subclassed, not used as it is, because the base class (1) tells nodes apart by their
    content hash, which covers metadata: the dense and the BM25 copy of one chunk carry
    different bookkeeping fields, so the same chunk would count as two; (2) with no LLM
    given, resolves `Settings.llm`, which defaults to OpenAI (offline, a MockLLM is passed:
    with one query it is never called); (3) does not keep each retriever's rank, which the
    debug view shows. Fusion here keys on the node id and records the ranks.
    """

    def __init__(self, retrievers: dict[str, BaseRetriever], similarity_top_k: int, k: float = RRF_K) -> None:
        super().__init__(
            list(retrievers.values()),
            llm=MockLLM(),
            mode=FUSION_MODES.RECIPROCAL_RANK,
            similarity_top_k=similarity_top_k,
            num_queries=1,
            use_async=False,
        )
        self._names = list(retrievers)
        self._k = k

    def _reciprocal_rerank_fusion(self, results: dict[tuple[str, int], list[NodeWithScore]]) -> list[NodeWithScore]:
        """Each node scores the sum of 1 / (k + rank) over the lists it is in."""
        fused: dict[str, RankedNode] = {}
        for (_, which), hits in results.items():
            name = self._names[which]
            for rank, hit in enumerate(sorted(hits, key=lambda h: -(h.score or 0.0)), start=1):
                merged = fused.get(hit.node.node_id)
                if merged is None:
                    merged = fused[hit.node.node_id] = RankedNode(node=hit.node, score=0.0)
                merged.score = (merged.score or 0.0) + 1.0 / (self._k + rank)
                merged.ranks[name] = rank
        return sorted(fused.values(), key=lambda n: (-(n.score or 0.0), n.node.node_id))


class PerArticleCap(BaseNodePostprocessor):
    """Keeps at most `cap` nodes of any one article, in order (no cap when None)."""

    cap: int | None = None

    @classmethod
    def class_name(cls) -> str:
        """The name LlamaIndex serialises this postprocessor under."""
        return "PerArticleCap"

    def _postprocess_nodes(
        self, nodes: list[NodeWithScore], query_bundle: QueryBundle | None = None
    ) -> list[NodeWithScore]:
        if not self.cap:
            return nodes
        counts: dict[str, int] = {}
        kept = []
        for scored in nodes:
            article = article_of(scored)
            counts[article] = counts.get(article, 0) + 1
            if counts[article] <= self.cap:
                kept.append(scored)
        return kept


class ArticleDiversity(BaseNodePostprocessor):
    """Makes room in the top-k for articles the best-ranked passages leave out.

    The first `head` share of the `top_n` slots keeps the fused order; the rest go first to
    the best passage of each article not yet in, then to the fused order again. A question
    answered by several reports needs each of them among the passages; when it was added
    (commit ac7c7af, measured on the MultiHop-RAG tuning questions of the time, not since)
    it brought every gold article into the top 10 for 67% of questions instead of 57%, for
    one point of Hits@10.
    """

    top_n: int = 10
    head: float = 0.7

    @classmethod
    def class_name(cls) -> str:
        """The name LlamaIndex serialises this postprocessor under."""
        return "ArticleDiversity"

    def _postprocess_nodes(
        self, nodes: list[NodeWithScore], query_bundle: QueryBundle | None = None
    ) -> list[NodeWithScore]:
        keep = max(1, round(self.head * self.top_n))
        chosen = nodes[:keep]
        articles = {article_of(n) for n in chosen}
        for scored in nodes[keep:]:
            if len(chosen) >= self.top_n:
                break
            if article_of(scored) not in articles:
                chosen.append(scored)
                articles.add(article_of(scored))
        ids = {n.node.node_id for n in chosen}
        chosen += [n for n in nodes[keep:] if n.node.node_id not in ids][: max(0, self.top_n - len(chosen))]
        ids = {n.node.node_id for n in chosen}  # by id: comparing the pydantic nodes costs 10 ms a query
        return chosen + [n for n in nodes if n.node.node_id not in ids]


def article_of(scored: NodeWithScore) -> str:
    """The id of the article a node is a chunk of."""
    return str(scored.node.metadata.get("document_id") or scored.node.ref_doc_id or "")


class KeepTop(BaseNodePostprocessor):
    """Keeps the first `top_n` nodes: what the answer step is handed."""

    top_n: int = 8

    @classmethod
    def class_name(cls) -> str:
        """The name LlamaIndex serialises this postprocessor under."""
        return "KeepTop"

    def _postprocess_nodes(
        self, nodes: list[NodeWithScore], query_bundle: QueryBundle | None = None
    ) -> list[NodeWithScore]:
        return nodes[: self.top_n]


class HybridRetriever:
    """Builds and runs the pipeline above for a request's filters, top-k and per-article cap."""

    def __init__(
        self,
        store: CorpusStore,
        bm25: Bm25Index,
        embedder: BaseEmbedding,
        candidates: int = CANDIDATES,
        rerankers: Sequence[BaseNodePostprocessor] = (),
    ) -> None:
        self.store = store
        self.bm25 = bm25
        self.candidates = candidates
        self.rerankers = list(rerankers)
        self.index = VectorStoreIndex.from_vector_store(store.vector_store, embed_model=embedder)

    def pipeline(
        self, filters: Filters, top_k: int, per_article: int | None = None
    ) -> tuple[BaseRetriever, list[BaseNodePostprocessor]]:
        """The retriever and the postprocessors for one request."""
        rules = metadata_filters(filters)
        n = max(self.candidates, top_k * 4)
        mask = self.bm25.mask(rules)
        allowed = len(self.bm25) if mask is None else int(mask.sum())
        kwargs: dict[str, Any] = {"known_nodes": self.bm25.node_by_id}
        if mask is not None and allowed <= IDS_LIMIT:
            kwargs["ids"] = self.bm25.chunk_ids(mask)
        elif (where := chroma_where(rules)) is not None:
            kwargs["where"] = where
        retrievers: dict[str, BaseRetriever] = {}
        if allowed:  # Chroma refuses an empty list of ids
            # Never more than the filters allow: Chroma warns when asked for more.
            retrievers["dense"] = VectorIndexRetriever(
                self.index, similarity_top_k=max(min(n, allowed), 1), vector_store_kwargs=kwargs
            )
        sparse = self.bm25.retriever_for(rules, n, mask)
        if sparse is not None:
            retrievers["bm25"] = sparse
        fusion = ReciprocalRankFusionRetriever(retrievers, similarity_top_k=2 * n)
        return fusion, [
            PerArticleCap(cap=per_article),
            *self.rerankers,
            ArticleDiversity(top_n=top_k),
            KeepTop(top_n=top_k),
        ]

    def retrieve_words(self, text: str, filters: Filters | None = None, top_k: int = 3) -> list[NodeWithScore]:
        """The `top_k` best nodes for the words of `text` alone (BM25): cheap, for a clause of a question."""
        sparse = self.bm25.retriever_for(metadata_filters(filters or Filters()), top_k)
        return sparse.retrieve(QueryBundle(query_str=text))[:top_k] if sparse is not None else []

    def retrieve(
        self, query: QueryBundle, filters: Filters | None = None, top_k: int = 8, per_article: int | None = None
    ) -> list[NodeWithScore]:
        """The `top_k` best nodes for the query (its text, and its vector if set)."""
        if not len(self.bm25):  # the BM25 index holds every stored chunk: none, nothing to find
            return []
        retriever, postprocessors = self.pipeline(filters or Filters(), top_k, per_article)
        nodes = retriever.retrieve(query)
        for postprocessor in postprocessors:
            nodes = postprocessor.postprocess_nodes(nodes, query_bundle=query)
        return nodes
