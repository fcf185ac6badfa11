"""Chunks as LlamaIndex nodes: how a chunk is stored, and how a retrieved node reads as a Passage.

Every retriever of the pipeline returns `NodeWithScore`s whose nodes are `TextNode`s
carrying the chunk's metadata (article id, path, title, source, author, date, offsets,
speakers). Engines read them through `passage_of`, which also accepts nodes from any other
LlamaIndex retriever (it falls back on the node's own reference and character offsets).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from llama_index.core.schema import NodeRelationship, NodeWithScore, RelatedNodeInfo, TextNode
from pydantic import Field

from rag.records import Passage, page_at, published_ordinal

if TYPE_CHECKING:
    from rag.chunking import Chunk
    from rag.corpus import Article

# Keys LlamaIndex adds to stored metadata for its own bookkeeping; not part of a chunk's fields.
_BOOKKEEPING = ("_node_content", "_node_type", "doc_id", "ref_doc_id")


def chunk_id(doc_id: str, index: int) -> str:
    """The stable id of an article's `index`-th chunk."""
    return f"{doc_id}-{index:05d}"


def chunk_node(article: Article, chunk: Chunk, vector: Sequence[float], speakers: Sequence[str] = ()) -> TextNode:
    """The node stored for one chunk of an article, with its vector."""
    node = TextNode(
        id_=chunk_id(article.doc_id, chunk.index),
        text=chunk.text,
        embedding=list(vector),
        start_char_idx=chunk.start_char,
        end_char_idx=chunk.end_char,
        metadata={
            "path": article.path,
            "name": article.name,
            "title": article.title,
            "source": article.source,
            "author": article.author,
            "published": article.published,
            "published_ord": published_ordinal(article.published),
            "chunk_index": chunk.index,
            "start_char": chunk.start_char,
            "end_char": chunk.end_char,
            "tokens": chunk.tokens,
        },
    )
    if speakers:  # Chroma takes no empty lists
        node.metadata["speakers"] = list(speakers)
    if article.pages:  # a PDF: the page the chunk starts on, and where later pages start inside it
        node.metadata["page"] = page_at(article.pages, chunk.start_char) or 1
        breaks = [s for s in article.pages if chunk.start_char < s < chunk.end_char]
        if breaks:
            node.metadata["page_breaks"] = breaks
    node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=article.doc_id)
    return node


def node_from_metadata(node_id: str, text: str, metadata: dict[str, Any]) -> TextNode:
    """A chunk's node from its flat stored metadata (no JSON to decode: see bench/llamaindex_classes.py)."""
    fields = {k: v for k, v in metadata.items() if k not in _BOOKKEEPING}
    node = TextNode(
        id_=node_id,
        text=text,
        metadata=fields,
        start_char_idx=_int_or_none(fields.get("start_char")),
        end_char_idx=_int_or_none(fields.get("end_char")),
    )
    doc_id = fields.get("document_id")
    if doc_id:
        node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=str(doc_id))
    return node


def _int_or_none(value: Any) -> int | None:
    return int(value) if isinstance(value, int | float) else None


class RankedNode(NodeWithScore):
    """A fused result: its fused score and its rank in each retriever's list."""

    ranks: dict[str, int] = Field(default_factory=dict)


def passage_of(scored: NodeWithScore) -> Passage:
    """A retrieved node as a Passage (article, offsets, text, score, ranks)."""
    node = scored.node
    meta = dict(node.metadata)
    meta.setdefault("document_id", node.ref_doc_id or "")
    start, end = getattr(node, "start_char_idx", None), getattr(node, "end_char_idx", None)
    if "start_char" not in meta and start is not None:
        meta["start_char"], meta["end_char"] = start, end
    passage = Passage.from_metadata(node.node_id, node.get_content(), meta, score=float(scored.score or 0.0))
    if isinstance(scored, RankedNode):
        passage.ranks = dict(scored.ranks)
    return passage


def passages_of(nodes: Sequence[NodeWithScore]) -> list[Passage]:
    """Retrieved nodes as Passages, in order."""
    return [passage_of(n) for n in nodes]
