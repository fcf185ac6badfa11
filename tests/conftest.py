"""Shared fixtures: real Chroma (embedded and a `chroma run` server), the real embedder."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

import rag  # noqa: F401  (keeps every library offline before anything else loads)
from rag.models import build_embedder
from rag.settings import Settings
from rag.store import CorpusStore

PROJECT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = PROJECT / "corpus"


def make_settings(**overrides: Any) -> Settings:
    """Settings for a test: never read the developer's .env or environment."""
    return Settings(_env_file=None, **overrides)  # type: ignore[call-arg]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


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


@pytest.fixture(scope="session")
def local_embedder() -> BaseEmbedding:
    """The bundled all-MiniLM-L6-v2, loaded once for the whole run."""
    return build_embedder(make_settings())


@pytest.fixture
def counting_embedder(local_embedder: BaseEmbedding) -> CountingEmbedding:
    return CountingEmbedding(local_embedder)


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A copy of the bundled corpus that a test may change."""
    target = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS, target)
    return target


class ChromaServer:
    """A real `chroma run` on 127.0.0.1 that a test can stop and start again (same port, same data)."""

    def __init__(self, data: Path, port: int | None = None) -> None:
        chroma = Path(sys.executable).parent / "chroma"
        if not chroma.exists():
            found = shutil.which("chroma")
            assert found, "the chroma CLI (from the chromadb package) is not installed"
            chroma = Path(found)
        self.chroma = chroma
        self.data = data
        self.host = "127.0.0.1"
        self.port = port or free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> ChromaServer:
        """Start the server and wait until it listens."""
        log = open(self.data / "server.log", "a")  # noqa: SIM115 - the child keeps its own copy
        with log:
            command = [str(self.chroma), "run", "--path", str(self.data / "db"), "--host", self.host]
            self.proc = subprocess.Popen(
                [*command, "--port", str(self.port)],
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chroma run exited early: {(self.data / 'server.log').read_text()[-2000:]}")
            try:
                with socket.create_connection((self.host, self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("chroma run did not start listening within 60 s")

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 20 s)."""
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """A real `chroma run` on 127.0.0.1, for the server-mode tests."""
    server = ChromaServer(tmp_path_factory.mktemp("chroma-server")).start()
    yield (server.host, server.port)
    server.stop()


@pytest.fixture(params=["embedded", "server"])
def store_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings for an empty store, once embedded and once on the Chroma server."""
    if request.param == "embedded":
        return make_settings(storage_dir=tmp_path / "storage")
    host, port = request.getfixturevalue("chroma_server")
    prefix = f"t{uuid.uuid4().hex[:12]}"  # every test gets its own collections on the shared server
    return make_settings(storage_dir=tmp_path / "storage", chroma_host=host, chroma_port=port, collection_prefix=prefix)


@pytest.fixture
def embedded_settings(tmp_path: Path) -> Settings:
    return make_settings(storage_dir=tmp_path / "storage")


IngestFn = Callable[..., Any]


@pytest.fixture
def app_storage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A storage folder the Streamlit app (AppTest, in this process) will use."""
    import streamlit as st

    from rag.settings import get_settings

    storage = tmp_path / "storage"
    monkeypatch.setenv("RAG_STORAGE_DIR", str(storage))
    for name in ("RAG_LLM_MODEL", "OPENAI_API_KEY", "OPENAI_BASE_URL", "RAG_CHROMA_HOST", "RAG_CHROMA_PORT"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    st.cache_resource.clear()  # the app's Assistant is cached per process: start from this test's store
    yield storage
    get_settings.cache_clear()
    st.cache_resource.clear()


@pytest.fixture
def indexed(app_storage: Path, corpus_dir: Path, run_ingest: Callable[..., Any]) -> Path:
    """The bundled corpus ingested into the app's storage."""
    run_ingest(make_settings(storage_dir=app_storage), corpus_dir)
    return corpus_dir


@pytest.fixture
def run_ingest(counting_embedder: CountingEmbedding) -> IngestFn:
    """Ingest paths into a fresh store handle, with the counting real embedder."""
    from rag.ingest import ingest_paths

    def run(settings: Settings, *paths: Path, **kwargs: Any) -> Any:
        store = CorpusStore.open(settings)
        return ingest_paths(settings, list(paths), store=store, load_embedder=lambda: counting_embedder, **kwargs)

    return run


@pytest.fixture(scope="session")
def bundled_settings(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Settings:
    """A store holding the bundled corpus, ingested once for the session (read-only)."""
    from rag.ingest import ingest_paths

    settings = make_settings(storage_dir=tmp_path_factory.mktemp("bundled") / "storage")
    report = ingest_paths(settings, [BUNDLED_CORPUS], load_embedder=lambda: local_embedder)
    assert len(report.added) == 2
    return settings


@pytest.fixture(scope="session")
def assistant(bundled_settings: Settings, local_embedder: BaseEmbedding) -> Any:
    """The offline (extractive) assistant over the bundled corpus."""
    from rag.assistant import Assistant

    return Assistant.open(bundled_settings, embedder=local_embedder)


@pytest.fixture(scope="session")
def article_texts(bundled_settings: Settings) -> dict[str, str]:
    """doc_id -> stored text of the bundled articles."""
    store = CorpusStore.open(bundled_settings)
    return {r.doc_id: store.article_text(r.doc_id) for r in store.list_articles()}
