"""The chunks collection as a LlamaIndex vector store.

`ChromaVectorStore` rebuilds each hit from the JSON copy of the node that it keeps in the
metadata (`_node_content`). Our chunks carry every field a passage needs as flat metadata,
so this subclass builds the node from those fields instead: about 8 µs a hit instead of 50
(`bench/llamaindex_classes.py`), which matters at 40 hits a question.

A query may also pass `known_nodes`, a lookup of chunk id -> node (the BM25 index holds
every chunk's text and fields): Chroma then returns ids and distances only, and the nodes
come from the lookup; reading 40 documents and their metadata from Chroma cost about 7 ms
a query at 10k chunks, the ids and distances alone 1.5 ms. Chunks the lookup lacks (the
store changed since it was built) are read from Chroma as before.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, cast

from llama_index.core.vector_stores.types import VectorStoreQueryResult
from llama_index.vector_stores.chroma import ChromaVectorStore

from rag.nodes import node_from_metadata

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection
    from chromadb.api.types import Where
    from llama_index.core.schema import TextNode


class ChunkVectorStore(ChromaVectorStore):
    """ChromaVectorStore over our chunks collection, decoding hits from their flat metadata."""

    @classmethod
    def over(cls, collection: Collection) -> ChunkVectorStore:
        """The store over an open Chroma collection."""
        store = cls(chroma_collection=collection)  # type: ignore[call-arg]  # a pydantic field of the base
        # Chunks carry a list of speakers, which Chroma stores as an array: keep metadata nested.
        store.flat_metadata = False  # the constructor does not take the option
        return store

    def _query(
        self, query_embeddings: list[float], n_results: int, where: dict[str, Any], **kwargs: Any
    ) -> VectorStoreQueryResult:
        """The `n_results` chunks nearest to the query vector that pass `where` (and are among `ids`, if given).

        `known_nodes` (keyword): a lookup of chunk id -> node, to read nodes from instead of Chroma.
        """
        known: Callable[[str], TextNode | None] | None = kwargs.pop("known_nodes", None)
        vectors: list[Sequence[float]] = [query_embeddings]
        results = self._collection.query(
            query_embeddings=vectors,
            n_results=n_results,
            where=cast("Where | None", where or None),
            include=["distances"] if known else ["documents", "metadatas", "distances"],
            **kwargs,
        )
        ids = results["ids"][0]
        distances = (results["distances"] or [[]])[0]
        if known:
            found = {node_id: known(node_id) for node_id in ids}
            found.update(self._read_nodes([node_id for node_id, node in found.items() if node is None]))
            # A chunk deleted since the query (a concurrent removal) is left out.
            kept = [(node_id, d) for node_id, d in zip(ids, distances, strict=True) if found.get(node_id) is not None]
            ids, distances = [node_id for node_id, _ in kept], [d for _, d in kept]
            nodes = [cast("TextNode", found[node_id]) for node_id in ids]
        else:
            read = _nodes_of(ids, (results["documents"] or [[]])[0], (results["metadatas"] or [[]])[0])
            nodes = [read[node_id] for node_id in ids]
        # As ChromaVectorStore scores: exp(-distance), so nearer is higher.
        return VectorStoreQueryResult(nodes=nodes, similarities=[math.exp(-d) for d in distances], ids=list(ids))

    def _read_nodes(self, ids: list[str]) -> dict[str, TextNode | None]:
        """The nodes of chunks `ids`, read from Chroma."""
        if not ids:
            return {}
        got = self._collection.get(ids=ids, include=["documents", "metadatas"])
        return dict(_nodes_of(got["ids"], got["documents"] or [], got["metadatas"] or []))


def _nodes_of(ids: Sequence[str], documents: Sequence[str | None], metadatas: Sequence[Any]) -> dict[str, TextNode]:
    """Chunk nodes from what Chroma returned for `ids` (texts and metadata, in the same order)."""
    return {
        node_id: node_from_metadata(node_id, text or "", dict(meta or {}))
        for node_id, text, meta in zip(ids, documents, metadatas, strict=True)
    }
