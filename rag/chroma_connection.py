"""The Chroma connection: an embedded store under the storage folder or a Chroma server, and
what its failures mean in one line.

Requests to a server are bounded in time and a server that is gone or stuck is named; a full
disk, an unwritable folder or damaged index files become one actionable error each.
"""

from __future__ import annotations

import contextlib
import errno
from typing import TYPE_CHECKING

import chromadb
import httpx
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import ChromaError

from rag.errors import ConfigError, CorpusChatError, StoreError
from rag.settings import Settings

if TYPE_CHECKING:
    from chromadb.api import ClientAPI


def connect(settings: Settings) -> ClientAPI:
    """A Chroma client: embedded under the storage folder, or a server when configured.

    Requests to a server wait at most RAG_REQUEST_TIMEOUT; a server that is gone or stuck
    raises StoreError naming it, and the same client works again once the server is back.
    """
    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    if settings.server_mode:
        host = settings.chroma_host or "127.0.0.1"
        port = settings.chroma_port or 8000
        try:
            client = chromadb.HttpClient(host=host, port=port, settings=chroma_settings)
            client.heartbeat()
        except Exception as exc:  # chromadb raises several kinds for a refused connection
            raise ConfigError(
                f"cannot reach the Chroma server at {host}:{port} ({type(exc).__name__}); "
                f"start it with `chroma run --host {host} --port {port}` or unset RAG_CHROMA_HOST"
            ) from exc
        _guard_server(client, host, port, settings.request_timeout_s)
        return client
    path = settings.storage_dir / "chroma"
    try:
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except (OSError, ChromaError) as exc:
        forget_embedded(settings)
        explained = explain_store_error(exc, settings)
        if explained is None:
            raise
        raise explained from exc


def forget_embedded(settings: Settings) -> None:
    """Drop chromadb's process-wide handle on a store that failed to open.

    chromadb shares one handle per path for the life of the process: without this, the
    app would keep seeing the damaged files after they were moved aside and rebuilt.
    Holders of the old handle keep it; only new opens start afresh.
    """
    from chromadb.api.shared_system_client import SharedSystemClient

    identifier = str(settings.storage_dir / "chroma")  # chromadb keys embedded stores by their path
    with contextlib.suppress(Exception):
        SharedSystemClient._identifier_to_system.pop(identifier, None)
        SharedSystemClient._identifier_to_refcount.pop(identifier, None)


class _ServerTransport(httpx.BaseTransport):
    """Turns a Chroma server that is gone, or stuck past the timeout, into one StoreError naming it."""

    def __init__(self, inner: httpx.BaseTransport, host: str, port: int, timeout_s: float) -> None:
        self.inner = inner
        self.where = f"{host}:{port}"
        self.restart = f"`chroma run --host {host} --port {port} --path <its data folder>`"
        self.timeout_s = timeout_s

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send the request; a timeout or a broken connection becomes a StoreError."""
        try:
            return self.inner.handle_request(request)
        except httpx.TimeoutException as exc:
            raise StoreError(
                f"the Chroma server at {self.where} did not answer within {self.timeout_s:g} s; "
                f"check that it runs ({self.restart}) and try again, or raise RAG_REQUEST_TIMEOUT"
            ) from exc
        except httpx.TransportError as exc:
            raise StoreError(
                f"lost the Chroma server at {self.where} ({type(exc).__name__}); "
                f"start it again ({self.restart}) and retry: what it stored is kept"
            ) from exc

    def close(self) -> None:
        """Close the wrapped transport."""
        self.inner.close()


def _guard_server(client: ClientAPI, host: str, port: int, timeout_s: float) -> None:
    """Bound every request to the server by `timeout_s` and name the server when it fails.

    chromadb's HTTP client waits forever by default; its httpx session is reached through
    private attributes, so a chromadb that lays them out differently is left as it is.
    """
    session = getattr(getattr(client, "_server", None), "_session", None)
    if not isinstance(session, httpx.Client):
        return
    session.timeout = httpx.Timeout(timeout_s)
    inner = getattr(session, "_transport", None)
    if isinstance(inner, httpx.BaseTransport) and not isinstance(inner, _ServerTransport):
        session._transport = _ServerTransport(inner, host, port, timeout_s)


_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
_UNWRITABLE = (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR, errno.EEXIST)


# SQLite's words (and extended codes) for a write the disk refused: full, over a size limit, I/O error.
_WRITE_FAILED = ("disk is full", "disk i/o error", "(code: 13)", "(code: 10)", "(code: 778)")


def _sqlite_reason(message: str) -> str:
    """'disk I/O error' from chromadb's '... error returned from database: (code: 778) disk I/O error'."""
    return message.rsplit(")", 1)[-1].strip() or "write error"


def explain_store_error(exc: BaseException, settings: Settings) -> CorpusChatError | None:
    """The one-line, actionable error for a failure of the storage folder; None if it is not one.

    Covers a full disk (or a file-size limit), a folder that cannot be written, and an
    embedded index whose files are damaged.
    """
    if isinstance(exc, CorpusChatError):
        return exc
    storage = settings.storage_dir
    if isinstance(exc, OSError) and exc.errno in _FULL:
        return StoreError(
            f"no space left to write {exc.filename or storage} ({exc.strerror}); free some space and run the "
            "command again: an interrupted ingest resumes where it stopped"
        )
    if isinstance(exc, OSError) and exc.errno in _UNWRITABLE:
        return StoreError(
            f"cannot write the storage folder {storage} ({exc.strerror}: {exc.filename or storage}); "
            "make it a writable folder or set RAG_STORAGE_DIR to one"
        )
    message = str(exc).lower()
    if isinstance(exc, ChromaError) and any(sign in message for sign in _WRITE_FAILED):
        return StoreError(
            f"writing the index in {storage} failed ({_sqlite_reason(str(exc))}; is the disk full?); free some "
            "space and run the command again: an interrupted ingest resumes where it stopped"
        )
    if isinstance(exc, ChromaError) and any(
        sign in message for sign in ("malformed", "not a database", "(code: 11)", "(code: 26)", "corrupt")
    ):
        chroma = storage / "chroma"
        return StoreError(
            f"the index in {chroma} is damaged ({str(exc).strip()[:80]}); move it aside and ingest again: "
            f"`mv {chroma} {chroma}.damaged && python -m rag ingest <your folders> {storage / 'uploads'}`"
        )
    return None
