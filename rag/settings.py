"""One settings object, read once from the environment and a `.env` file."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

LOCAL_EMBED_MODEL = "all-MiniLM-L6-v2"
TORCH_EMBED_MODEL = f"sentence-transformers/{LOCAL_EMBED_MODEL}"  # the same model in torch (`.[torch]`)


class Settings(BaseSettings):
    """Everything configurable, with the environment variable that sets it."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True)

    # Kept out of repr() and str(): settings get printed and logged, the key must not be.
    openai_api_key: str | None = Field(default=None, validation_alias="OPENAI_API_KEY", repr=False)
    openai_base_url: str | None = Field(default=None, validation_alias="OPENAI_BASE_URL")
    llm_model: str | None = Field(default=None, validation_alias="RAG_LLM_MODEL")
    embed_model: str = Field(default=LOCAL_EMBED_MODEL, validation_alias="RAG_EMBED_MODEL")
    embed_batch_size: int = Field(default=64, ge=1, validation_alias="RAG_EMBED_BATCH_SIZE")
    request_timeout_s: float = Field(default=60.0, gt=0, validation_alias="RAG_REQUEST_TIMEOUT")
    llm_retries: int = Field(default=2, ge=0, validation_alias="RAG_LLM_RETRIES")
    context_tokens: int = Field(default=3000, ge=200, validation_alias="RAG_CONTEXT_TOKENS")
    top_k: int = Field(default=8, ge=1, validation_alias="RAG_TOP_K")
    per_article: int | None = Field(default=None, ge=1, validation_alias="RAG_PER_ARTICLE")

    chroma_host: str | None = Field(default=None, validation_alias="RAG_CHROMA_HOST")
    chroma_port: int | None = Field(default=None, validation_alias="RAG_CHROMA_PORT")
    storage_dir: Path = Field(default=Path("storage"), validation_alias="RAG_STORAGE_DIR")
    collection_prefix: str = Field(default="corpus", validation_alias="RAG_COLLECTION")

    chunk_tokens: int = Field(default=200, ge=16, validation_alias="RAG_CHUNK_TOKENS")
    max_file_mb: float = Field(default=20.0, gt=0, validation_alias="RAG_MAX_FILE_MB")

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        """The fields repr() and str() show: the key never, the base URL without credentials."""
        for name, value in super().__repr_args__():
            yield name, public_url(value) if name == "openai_base_url" and value else value

    @property
    def server_mode(self) -> bool:
        """True when a Chroma server is configured instead of the embedded store."""
        return bool(self.chroma_host) or self.chroma_port is not None

    @property
    def uses_local_embedder(self) -> bool:
        """True for the bundled offline embedder."""
        return self.embed_model in (LOCAL_EMBED_MODEL, TORCH_EMBED_MODEL)

    @property
    def uses_torch_embedder(self) -> bool:
        """True for the bundled model run in torch: the benchmark's reference, an optional extra."""
        return self.embed_model == TORCH_EMBED_MODEL

    @property
    def max_file_bytes(self) -> int:
        """The size above which an input file is skipped."""
        return int(self.max_file_mb * 1024 * 1024)


def public_url(url: str) -> str:
    """`url` fit to show and log: a user:password part and the query string (which may hold
    a key, as in `?api-key=...`) are replaced by `***`."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        host = f"[{host}]" if ":" in host else host
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "***"
    netloc = f"***@{host}{port}" if parts.username or parts.password else parts.netloc
    return urlunsplit((parts.scheme, netloc, parts.path, "***" if parts.query else "", ""))


_URL_USERINFO = re.compile(r"(\w+://)[^/\s@'\"]+@")
_URL_KEY_PARAM = re.compile(r"([?&](?:api[-_]?key|key|token|access_token)=)[^&\s'\"]+", re.IGNORECASE)
# The HTTP libraries under the `openai` client log each request's full URL at INFO/DEBUG.
# (httpx2/httpcore2: the forks some openai releases ship with.)
_HTTP_LOGGERS = (
    "httpx",
    "httpx2",
    "httpcore.http11",
    "httpcore2.http11",
    "httpcore.connection",
    "httpcore2.connection",
    "openai._base_client",
)


class _HideUrlSecrets(logging.Filter):
    """Rewrites a log record so that credentials and key parameters of URLs read `***`."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        hidden = _URL_KEY_PARAM.sub(r"\1***", _URL_USERINFO.sub(r"\1***@", message))
        if hidden != message:
            record.msg, record.args = hidden, ()
        return True


_URL_FILTER = _HideUrlSecrets()


def hide_url_secrets_in_logs() -> None:
    """Keep credentials in OPENAI_BASE_URL out of the HTTP libraries' logs (idempotent)."""
    for name in _HTTP_LOGGERS:
        logger = logging.getLogger(name)
        if _URL_FILTER not in logger.filters:
            logger.addFilter(_URL_FILTER)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read once."""
    return Settings()
