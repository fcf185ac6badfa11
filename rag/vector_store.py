"""The chunks collection as a LlamaIndex vector store.

`ChromaVectorStore` rebuilds each hit from the JSON copy of the node that it keeps in the
metadata (`_node_content`). Our chunks carry every field a passage needs as flat metadata,
so this subclass builds the node from those fields instead: about 8 µs a hit instead of 50
(`bench/llamaindex_classes.py`), which matters at 40 hits a question.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from llama_index.core.vector_stores.types import VectorStoreQueryResult
from llama_index.vector_stores.chroma import ChromaVectorStore

from rag.nodes import node_from_metadata

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection
    from chromadb.api.types import Where


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
        """The `n_results` chunks nearest to the query vector that pass `where`."""
        vectors: list[Sequence[float]] = [query_embeddings]
        results = self._collection.query(
            query_embeddings=vectors,
            n_results=n_results,
            where=cast("Where | None", where or None),
            include=["documents", "metadatas", "distances"],
            **kwargs,
        )
        ids = results["ids"][0]
        documents = (results["documents"] or [[]])[0]
        metadatas = (results["metadatas"] or [[]])[0]
        distances = (results["distances"] or [[]])[0]
        nodes = [
            node_from_metadata(node_id, text or "", dict(meta or {}))
            for node_id, text, meta in zip(ids, documents, metadatas, strict=True)
        ]
        # As ChromaVectorStore scores: exp(-distance), so nearer is higher.
        return VectorStoreQueryResult(nodes=nodes, similarities=[math.exp(-d) for d in distances], ids=list(ids))
