"""An Assistant over a store, answering through the fake OpenAI server."""

from __future__ import annotations

from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding

from rag.assistant import Assistant
from rag.settings import Settings
from tests.support.fake_openai import FakeOpenAI
from tests.support.project import make_settings


def generative_assistant(bundled: Settings, server: FakeOpenAI, embedder: BaseEmbedding, **overrides: Any) -> Assistant:
    """`bundled`'s store, generative with `server` (5 s timeout and 2 retries unless `overrides` say)."""
    settings = make_settings(
        storage_dir=bundled.storage_dir,
        llm_model="test-model",
        openai_base_url=server.base_url,
        openai_api_key="sk-test",
        request_timeout_s=overrides.pop("request_timeout_s", 5),
        llm_retries=overrides.pop("llm_retries", 2),
        **overrides,
    )
    return Assistant.open(settings, embedder=embedder)
