"""The pipeline's node postprocessors: room for every article, a per-article cap, the top-k."""

from __future__ import annotations

from llama_index.core.schema import NodeWithScore, TextNode

from rag.retrieve import ArticleDiversity, KeepTop, PerArticleCap


def ranked(*articles: str) -> list[NodeWithScore]:
    """Nodes in fused order, one per entry, from the given articles."""
    return [
        NodeWithScore(node=TextNode(id_=f"{a}-{i}", text=a, metadata={"document_id": a}), score=1.0 / (i + 1))
        for i, a in enumerate(articles)
    ]


def articles_of(nodes: list[NodeWithScore]) -> list[str]:
    return [str(n.node.metadata["document_id"]) for n in nodes]


def test_the_best_passage_of_an_article_left_out_gets_a_place_in_the_top_k() -> None:
    nodes = ranked("a", "a", "b", "a", "a", "a", "b", "c", "a", "d")
    top = KeepTop(top_n=6).postprocess_nodes(ArticleDiversity(top_n=6, head=0.5).postprocess_nodes(nodes))
    # the first half in fused order, then c and d (not yet in), then the fused order again
    assert articles_of(top) == ["a", "a", "b", "c", "d", "a"]
    assert [n.node.node_id for n in top][:3] == ["a-0", "a-1", "b-2"]


def test_diversity_changes_nothing_when_every_article_is_already_in() -> None:
    nodes = ranked("a", "b", "a", "b", "a")
    assert ArticleDiversity(top_n=4).postprocess_nodes(nodes) == nodes


def test_the_per_article_cap_keeps_order_and_drops_the_excess() -> None:
    nodes = ranked("a", "a", "b", "a", "c", "b", "b")
    assert articles_of(PerArticleCap(cap=2).postprocess_nodes(nodes)) == ["a", "a", "b", "c", "b"]
    assert PerArticleCap(cap=None).postprocess_nodes(nodes) == nodes
