"""The pipeline's node postprocessors: best sentence, room for every article, a per-article cap, the top-k."""

from __future__ import annotations

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from rag.lexicon import content_stems
from rag.nodes import RankedNode
from rag.ranking import SentenceRanker
from rag.retrieve import ArticleDiversity, KeepTop, PerArticleCap
from rag.sentence_match import SentenceMatch, SentenceStems


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


# Two passages about one ferry terminal: the first mentions it throughout, the second holds the
# one sentence the question was written from.
BROAD = (
    "The Northpoint ferry terminal opened on Saturday. Crowds filled the Northpoint ferry terminal all day. "
    "Traders near the terminal said business at the ferry terminal was brisk."
)
EXACT = (
    "The weather was mild. Harbour master Ingrid Halvorsen said the terminal cost $48 million to build. "
    "Gulls circled the quay."
)
QUESTION = "Who said the Northpoint terminal cost $48 million to build?"


def sentence_match(local_embedder: BaseEmbedding, **options: float) -> SentenceMatch:
    texts = [BROAD, EXACT, "Fishing crews called the rise unfair.", "The regatta returns in August."]
    frequencies: dict[str, int] = {}
    for text in texts:
        for stem in content_stems(text):
            frequencies[stem] = frequencies.get(stem, 0) + 1
    return SentenceMatch.using(SentenceRanker(local_embedder, frequencies, len(texts)), SentenceStems(), **options)


def test_a_passage_holding_the_questions_sentence_is_lifted_above_one_that_only_shares_its_subject(
    local_embedder: BaseEmbedding,
) -> None:
    nodes = [
        RankedNode(node=TextNode(id_="broad", text=BROAD), score=0.033, ranks={"bm25": 1, "dense": 1}),
        RankedNode(node=TextNode(id_="exact", text=EXACT), score=0.030, ranks={"bm25": 3, "dense": 2}),
        RankedNode(node=TextNode(id_="other", text="The regatta returns in August."), score=0.020),
    ]
    reordered = sentence_match(local_embedder).postprocess_nodes(nodes, QueryBundle(query_str=QUESTION))
    assert [n.node.node_id for n in reordered] == ["exact", "broad", "other"]
    assert isinstance(reordered[0], RankedNode) and reordered[0].ranks == {"bm25": 3, "dense": 2}
    # weight 0 is fusion's order; nodes past `depth` keep their place and score
    unchanged = sentence_match(local_embedder, weight=0.0).postprocess_nodes(nodes, QueryBundle(query_str=QUESTION))
    assert unchanged == nodes
    shallow = sentence_match(local_embedder, depth=1).postprocess_nodes(nodes, QueryBundle(query_str=QUESTION))
    assert [n.node.node_id for n in shallow] == ["broad", "exact", "other"] and shallow[1:] == nodes[1:]


def test_sentence_stems_are_computed_once_per_chunk() -> None:
    stems = SentenceStems(kept=2)
    first = stems.of("a", EXACT)
    assert len(first) == 3 and "halvorsen" in first[1]
    assert stems.of("a", "another text under the same id") is first  # kept by chunk id
    stems.of("b", BROAD)
    stems.of("c", QUESTION)  # over the limit: the store starts afresh rather than growing
    assert stems.of("a", "gulls") == [frozenset({"gull"})]
