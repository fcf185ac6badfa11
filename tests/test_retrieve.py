"""Hybrid retrieval as a LlamaIndex pipeline: fusion, postprocessors, filters, a persisted BM25 index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.postprocessor.types import BaseNodePostprocessor
from llama_index.core.retrievers.fusion_retriever import QueryFusionRetriever
from llama_index.core.schema import NodeRelationship, NodeWithScore, QueryBundle, RelatedNodeInfo, TextNode

from rag.assistant import Assistant, NoMatchingArticles
from rag.bm25 import Bm25Index
from rag.filters import metadata_filters
from rag.ingest import ingest_paths
from rag.nodes import RankedNode, passages_of
from rag.records import AskOptions, Filters
from rag.retrieve import ArticleDiversity, HybridRetriever, KeepTop, PerArticleCap, ReciprocalRankFusionRetriever
from rag.settings import Settings
from rag.store import CorpusStore
from tests.support.ingest import IngestFn
from tests.support.project import BUNDLED_CORPUS

OFFICE = "Where did Japan open an official office to NATO?"


def node(node_id: str, doc_id: str = "d", score: float = 0.0) -> NodeWithScore:
    """A scored node of article `doc_id`, as any LlamaIndex retriever returns it."""
    text = TextNode(id_=node_id, text=f"text of {node_id}", metadata={"document_id": doc_id})
    text.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=doc_id)
    return NodeWithScore(node=text, score=score)


class FixedRetriever(BaseRetriever):
    """A retriever that returns the same nodes, best first, whatever the query."""

    def __init__(self, nodes: list[NodeWithScore]) -> None:
        super().__init__()
        self.nodes = nodes
        self.queries: list[str] = []

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        self.queries.append(query_bundle.query_str)
        return list(self.nodes)


def ranked(ids: list[str]) -> list[NodeWithScore]:
    """Nodes `ids` scored so that they rank in this order."""
    return [node(i, score=float(len(ids) - k)) for k, i in enumerate(ids)]


def ids_of(nodes: list[NodeWithScore]) -> list[str]:
    return [n.node.node_id for n in nodes]


def test_reciprocal_rank_fusion_rewards_agreement_between_retrievers() -> None:
    dense, bm25 = FixedRetriever(ranked(["a", "b", "c"])), FixedRetriever(ranked(["b", "c"]))
    fusion = ReciprocalRankFusionRetriever({"dense": dense, "bm25": bm25}, similarity_top_k=10)
    assert isinstance(fusion, QueryFusionRetriever)
    fused = fusion.retrieve("anything")
    assert dense.queries == bm25.queries == ["anything"], "one query, no LLM rewriting it"
    assert ids_of(fused) == ["b", "c", "a"]
    assert all(isinstance(n, RankedNode) for n in fused)
    assert abs((fused[0].score or 0.0) - (1 / 62 + 1 / 61)) < 1e-12
    assert [n.ranks for n in fused] == [{"dense": 2, "bm25": 1}, {"dense": 3, "bm25": 2}, {"dense": 1}]


def test_fusion_counts_one_chunk_once_even_when_its_copies_differ_in_metadata() -> None:
    dense_copy, bm25_copy = node("a", score=0.9), node("a", score=3.0)
    bm25_copy.node.metadata["_node_content"] = "{}"  # bookkeeping one store adds and the other does not
    fusion = ReciprocalRankFusionRetriever(
        {"dense": FixedRetriever([dense_copy, node("b", score=0.5)]), "bm25": FixedRetriever([bm25_copy])},
        similarity_top_k=10,
    )
    fused = fusion.retrieve("anything")
    assert ids_of(fused) == ["a", "b"] and fused[0].ranks == {"dense": 1, "bm25": 1}


def test_fusion_keeps_its_top_k() -> None:
    fusion = ReciprocalRankFusionRetriever({"dense": FixedRetriever(ranked(list("abcdef")))}, similarity_top_k=4)
    assert ids_of(fusion.retrieve("anything")) == list("abcd")


def test_per_article_cap_keeps_one_article_from_crowding_out_the_others() -> None:
    nodes = [node("1", "A"), node("2", "A"), node("3", "A"), node("4", "B")]
    assert ids_of(PerArticleCap(cap=2).postprocess_nodes(nodes)) == ["1", "2", "4"]
    assert len(PerArticleCap(cap=None).postprocess_nodes(nodes)) == 4
    assert ids_of(KeepTop(top_n=2).postprocess_nodes(nodes)) == ["1", "2"]


class Reverse(BaseNodePostprocessor):
    """A user's reranker: puts the nodes in the opposite order."""

    @classmethod
    def class_name(cls) -> str:
        return "Reverse"

    def _postprocess_nodes(
        self, nodes: list[NodeWithScore], query_bundle: QueryBundle | None = None
    ) -> list[NodeWithScore]:
        return nodes[::-1]


@pytest.fixture(scope="module")
def bundled_index(bundled_settings: Settings) -> tuple[CorpusStore, Bm25Index]:
    """The bundled store and its BM25 index."""
    store = CorpusStore.open(bundled_settings)
    return store, Bm25Index.load_or_build(store, bundled_settings.storage_dir / "bm25")


def test_the_pipeline_is_a_llamaindex_retriever_and_node_postprocessors(
    bundled_index: tuple[CorpusStore, Bm25Index], local_embedder: BaseEmbedding
) -> None:
    store, bm25 = bundled_index
    reverse = Reverse()
    hybrid = HybridRetriever(store, bm25, local_embedder, rerankers=[reverse])
    retriever, postprocessors = hybrid.pipeline(Filters(), top_k=5, per_article=3)
    assert isinstance(retriever, BaseRetriever) and isinstance(retriever, QueryFusionRetriever)
    assert all(isinstance(p, BaseNodePostprocessor) for p in postprocessors)
    assert [type(p) for p in postprocessors] == [PerArticleCap, Reverse, ArticleDiversity, KeepTop]
    cap, _, _, top = postprocessors
    assert isinstance(cap, PerArticleCap) and cap.cap == 3 and isinstance(top, KeepTop) and top.top_n == 5
    # Run it by hand, as a LlamaIndex user would: a query string, then each postprocessor.
    nodes = retriever.retrieve(OFFICE)
    assert nodes and all(isinstance(n, NodeWithScore) for n in nodes)
    for postprocessor in postprocessors:
        nodes = postprocessor.postprocess_nodes(nodes, query_str=OFFICE)
    assert len(nodes) == 5


def test_a_reranker_the_user_supplies_is_applied_between_the_cap_and_the_top_k(
    bundled_index: tuple[CorpusStore, Bm25Index], local_embedder: BaseEmbedding
) -> None:
    store, bm25 = bundled_index
    query = QueryBundle(query_str=OFFICE, embedding=local_embedder.get_query_embedding(OFFICE))
    plain = HybridRetriever(store, bm25, local_embedder).retrieve(query, top_k=len(bm25))
    reversed_ = HybridRetriever(store, bm25, local_embedder, rerankers=[Reverse()]).retrieve(query, top_k=len(bm25))
    assert len(plain) == len(bm25) > 3, "every chunk comes back when top-k is the corpus"
    assert ids_of(reversed_) == ids_of(plain)[::-1]
    top3 = HybridRetriever(store, bm25, local_embedder, rerankers=[Reverse()]).retrieve(query, top_k=3)
    # the reranker's order, then room for another article in the last slot, then the top-k
    expected = KeepTop(top_n=3).postprocess_nodes(ArticleDiversity(top_n=3).postprocess_nodes(reversed_))
    assert ids_of(top3) == ids_of(expected), "the top-k is taken after the reranker"
    assert ids_of(top3)[:2] == ids_of(plain)[::-1][:2]


def test_results_are_scored_nodes_ranked_by_both_retrievers(
    bundled_index: tuple[CorpusStore, Bm25Index], local_embedder: BaseEmbedding
) -> None:
    store, bm25 = bundled_index
    query = QueryBundle(query_str=OFFICE, embedding=local_embedder.get_query_embedding(OFFICE))
    nodes = HybridRetriever(store, bm25, local_embedder).retrieve(query, top_k=8)
    assert len(nodes) == 8 and all(isinstance(n, RankedNode) for n in nodes)
    assert [n.score for n in nodes] == sorted((n.score for n in nodes), reverse=True)
    assert set(nodes[0].ranks) == {"dense", "bm25"}
    assert all(set(n.ranks) <= {"dense", "bm25"} and n.ranks for n in nodes)
    for name in ("dense", "bm25"):
        ranks = sorted(n.ranks[name] for n in nodes if name in n.ranks)
        assert ranks and len(ranks) == len(set(ranks)) and ranks[0] == 1
    passages = passages_of(nodes)
    assert [p.chunk_id for p in passages] == ids_of(nodes) and passages[0].ranks == nodes[0].ranks


def office_query(embedder: BaseEmbedding) -> QueryBundle:
    """The question about Japan's office to NATO, with its vector."""
    return QueryBundle(query_str=OFFICE, embedding=embedder.get_query_embedding(OFFICE))


def dense_passages(hybrid: HybridRetriever, query: QueryBundle, filters: Filters) -> list[tuple[str, str, int, int]]:
    """The dense retriever's hits for `filters`, as (chunk, text, start, end)."""
    retriever, _ = hybrid.pipeline(filters, top_k=8)
    assert isinstance(retriever, ReciprocalRankFusionRetriever)
    dense = retriever._retrievers[retriever._names.index("dense")]
    return [(p.chunk_id, p.text, p.start_char, p.end_char) for p in passages_of(dense.retrieve(query))]


def test_a_filtered_dense_search_names_the_allowed_chunks_and_finds_what_a_where_clause_finds(
    bundled_index: tuple[CorpusStore, Bm25Index], local_embedder: BaseEmbedding, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, bm25 = bundled_index
    hybrid, query = HybridRetriever(store, bm25, local_embedder), office_query(local_embedder)
    articles = store.list_articles()
    asked: list[dict[str, object]] = []
    query_chroma = type(store.chunks).query

    def spy(self: object, *args: object, **kwargs: object) -> object:
        asked.append(kwargs)
        return query_chroma(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(type(store.chunks), "query", spy)
    for filters in (
        Filters(doc_ids=(articles[0].doc_id,)),
        Filters(authors=(articles[-1].author,)),
        Filters(speakers=(sorted(next(s for s in bm25.column("speakers") if s))[0],)),
    ):
        asked.clear()
        by_ids = dense_passages(hybrid, query, filters)
        assert asked and "ids" in asked[0] and not asked[0].get("where"), "the allowed chunks are named"
        assert asked[0]["include"] == ["distances"], "texts and fields come from the BM25 index"
        monkeypatch.setattr("rag.retrieve.IDS_LIMIT", 0)  # a filter allowing too many chunks: `where`
        asked.clear()
        by_where = dense_passages(hybrid, query, filters)
        assert asked and asked[0].get("where") and "ids" not in asked[0]
        monkeypatch.setattr("rag.retrieve.IDS_LIMIT", 20_000)
        assert by_ids and by_ids == by_where, filters
        allowed = {p.chunk_id for p in passages_of(bm25.retriever_for(metadata_filters(filters), 99).retrieve(OFFICE))}
        assert {chunk for chunk, *_ in by_ids} >= allowed, "the same chunks as BM25 may search"


def test_filtered_searches_name_their_chunks_embedded_and_on_a_chroma_server(
    store_settings: Settings, local_embedder: BaseEmbedding
) -> None:
    ingest_paths(store_settings, [BUNDLED_CORPUS], load_embedder=lambda: local_embedder)
    assistant = Assistant.open(store_settings, embedder=local_embedder)
    for record in assistant.articles():
        passages = assistant.retrieve(OFFICE, AskOptions(filters=Filters(doc_ids=(record.doc_id,)))).passages
        assert passages and {p.doc_id for p in passages} == {record.doc_id}
        assert any("dense" in p.ranks for p in passages), "the store searched the named chunks"
        text = assistant.article_text(record.doc_id)
        assert all(text[p.start_char : p.end_char] == p.text for p in passages)


def test_dense_hits_the_bm25_index_lacks_are_read_from_chroma(
    bundled_index: tuple[CorpusStore, Bm25Index], local_embedder: BaseEmbedding, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, bm25 = bundled_index
    hybrid, query = HybridRetriever(store, bm25, local_embedder), office_query(local_embedder)
    whole = dense_passages(hybrid, query, Filters())
    # A chunk stored after the BM25 index was built (another process's ingest) is not in it.
    lookup = bm25.node_by_id
    monkeypatch.setattr(bm25, "node_by_id", lambda chunk_id: None if chunk_id == whole[0][0] else lookup(chunk_id))
    assert dense_passages(hybrid, query, Filters()) == whole
    chunk, text, start, end = whole[0]
    assert store.article_text(chunk.rsplit("-", 1)[0])[start:end] == text


def test_the_decoded_chunks_kept_are_the_most_recently_used(
    bundled_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    bm25 = Bm25Index.load_or_build(CorpusStore.open(bundled_settings), bundled_settings.storage_dir / "bm25")
    monkeypatch.setattr("rag.bm25.NODES_KEPT", 2)
    first, second = bm25.node(0), bm25.node(1)
    assert bm25.node_by_id(first.node_id) is first, "kept: the same object, now the most recently used"
    bm25.node(2)  # a third: the least recently used one goes
    assert bm25.node(0) is first
    again = bm25.node(1)
    assert again is not second and again.get_content() == second.get_content(), "let go, then decoded again"


def test_hybrid_retrieval_finds_the_passage_with_the_answer(assistant: Assistant) -> None:
    passages = assistant.retrieve(OFFICE).passages
    assert "opened in Brussels" in passages[0].text
    assert set(passages[0].ranks) == {"dense", "bm25"}
    found = [p for p in passages if not p.beside]
    assert len(found) == 8, "the default top-k"
    # then the chunks right before and after the best two, when not found, to read across a chunk's edge
    beside = passages[8:]
    assert beside and all(p.beside for p in beside)
    assert all(
        any(
            p.doc_id == f.doc_id and (0 <= p.start_char - f.end_char <= 2 or 0 <= f.start_char - p.end_char <= 2)
            for f in passages[:2]
        )
        for p in beside
    )


def test_the_door_times_embedding_and_retrieval_apart(assistant: Assistant) -> None:
    retrieval = assistant.retrieve("What did Kishida say about the summit in Madrid?")
    assert {"embed", "retrieve"} <= set(retrieval.timings_ms)
    assert retrieval.vector == assistant.query_vector(retrieval.standalone)
    assert [p.chunk_id for p in retrieval.passages] == ids_of(retrieval.nodes)


def test_filters_limit_both_retrievers_to_the_chosen_articles(assistant: Assistant) -> None:
    taiwan = next(r for r in assistant.articles() if "Taiwan" in r.title)
    only = assistant.retrieve("NATO summit", AskOptions(filters=Filters(doc_ids=(taiwan.doc_id,)))).passages
    assert only and {p.doc_id for p in only} == {taiwan.doc_id}
    assert any(set(p.ranks) == {"dense", "bm25"} for p in only), "both retrievers saw the filter's articles"
    by_author = assistant.retrieve("NATO summit", AskOptions(filters=Filters(authors=("Alastair Crook",)))).passages
    assert by_author and {p.author for p in by_author} == {"Alastair Crook"}
    with pytest.raises(NoMatchingArticles, match='no source "Nobody\'s Gazette" in the corpus'):
        assistant.retrieve("NATO summit", AskOptions(filters=Filters(sources=("Nobody's Gazette",))))


def test_date_filters_keep_articles_published_in_range(
    embedded_settings: Settings, corpus_dir: Path, run_ingest: IngestFn, local_embedder: BaseEmbedding
) -> None:
    manifest_path = corpus_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["000_6c8ec85815583e4f.txt"]["published"] = "2022-06-28"
    manifest["003_3ed258554722c35d.txt"]["published"] = "2023-04-10"
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    run_ingest(embedded_settings, corpus_dir)
    assistant = Assistant.open(embedded_settings, embedder=local_embedder)

    def published(filters: Filters) -> set[str]:
        passages = assistant.retrieve("Japan NATO", AskOptions(filters=filters)).passages
        assert passages, filters
        return {p.published for p in passages}

    assert published(Filters(published_from="2023", published_to="2023-12")) == {"2023-04-10"}
    assert published(Filters(published_to="2022-06")) == {"2022-06-28"}
    assert published(Filters(published_from="2022-06-28", published_to="2022-06-28")) == {"2022-06-28"}


def test_bm25_index_is_persisted_and_rebuilt_only_when_the_store_changes(
    embedded_settings: Settings, corpus_dir: Path, run_ingest: IngestFn, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_ingest(embedded_settings, corpus_dir)
    store = CorpusStore.open(embedded_settings)
    folder = embedded_settings.storage_dir / "bm25"
    first = Bm25Index.load_or_build(store, folder)
    builds: list[int] = []
    real_build = Bm25Index.build_retriever
    monkeypatch.setattr(Bm25Index, "build_retriever", staticmethod(lambda s: builds.append(1) or real_build(s)))
    again = Bm25Index.load_or_build(store, folder)
    assert builds == [] and len(again) == len(first) and again.words == first.words
    assert again.document_frequencies() == first.document_frequencies()
    (corpus_dir / "extra.txt").write_text("A new article about harbour budgets in Oslo.", encoding="utf-8")
    run_ingest(embedded_settings, corpus_dir)
    changed = Bm25Index.load_or_build(store, folder)
    assert builds == [1] and len(changed) == len(first) + 1
    # named by the store's contents and the code that built it (`rag.build_digest`)
    [kept] = [p.name for p in folder.iterdir()]
    assert kept.startswith(changed.fingerprint + "-"), "old indexes are removed"


def test_the_assistants_pipeline_lifts_passages_by_their_best_sentence(assistant: Assistant) -> None:
    _, postprocessors = assistant._indexes.retriever.pipeline(Filters(), top_k=5)
    stages = [type(p).__name__ for p in postprocessors]
    assert stages == ["PerArticleCap", "SentenceMatch", "ArticleDiversity", "KeepTop"]
