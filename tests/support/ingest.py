"""What the ingest fixtures hand a test: the counting embedder and the type of `run_ingest`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

if TYPE_CHECKING:
    from rag.ingest import IngestReport
    from rag.settings import Settings


class CountingEmbedding(BaseEmbedding):
    """The real embedder, counting the texts it is asked to embed."""

    _inner: BaseEmbedding = PrivateAttr()
    _texts: list[str] = PrivateAttr(default_factory=list)

    def __init__(self, inner: BaseEmbedding) -> None:
        super().__init__(model_name="counting", embed_batch_size=inner.embed_batch_size)
        self._inner = inner

    @property
    def embedded(self) -> list[str]:
        return self._texts

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        self._texts.extend(texts)
        return self._inner.get_text_embedding_batch(texts)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._inner.get_query_embedding(query)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


class IngestFn(Protocol):
    """The `run_ingest` fixture: `ingest_paths` on a fresh store handle, with the counting embedder."""

    def __call__(self, settings: Settings, *paths: Path, **options: Any) -> IngestReport: ...
