"""Shared fixtures: real Chroma (embedded and a `chroma run` server), the real embedder.

The plain helpers these fixtures use (and tests import) live in tests/support.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from llama_index.core.base.embeddings.base import BaseEmbedding

import rag  # noqa: F401  (keeps every library offline before anything else loads)
from rag.models import build_embedder
from rag.settings import Settings
from rag.store import CorpusStore
from tests.support.chroma import ChromaServer
from tests.support.cli import CliRun, main_with
from tests.support.fake_openai import FakeOpenAI, fake_openai_server
from tests.support.ingest import CountingEmbedding, IngestFn
from tests.support.project import BUNDLED_CORPUS, make_settings

if TYPE_CHECKING:
    from rag.assistant import Assistant
    from rag.ingest import IngestReport


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: takes minutes (builds a wheel and a virtualenv); still in the default run"
    )


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
def indexed(app_storage: Path, corpus_dir: Path, run_ingest: IngestFn) -> Path:
    """The bundled corpus ingested into the app's storage."""
    run_ingest(make_settings(storage_dir=app_storage), corpus_dir)
    return corpus_dir


@pytest.fixture
def run_ingest(counting_embedder: CountingEmbedding) -> IngestFn:
    """Ingest paths into a fresh store handle, with the counting real embedder."""
    from rag.ingest import ingest_paths

    def run(settings: Settings, *paths: Path, **options: Any) -> IngestReport:
        store = CorpusStore.open(settings)
        return ingest_paths(settings, list(paths), store=store, load_embedder=lambda: counting_embedder, **options)

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
def assistant(bundled_settings: Settings, local_embedder: BaseEmbedding) -> Assistant:
    """The offline (extractive) assistant over the bundled corpus."""
    from rag.assistant import Assistant

    return Assistant.open(bundled_settings, embedder=local_embedder)


@pytest.fixture(scope="session")
def article_texts(bundled_settings: Settings) -> dict[str, str]:
    """doc_id -> stored text of the bundled articles."""
    store = CorpusStore.open(bundled_settings)
    return {r.doc_id: store.article_text(r.doc_id) for r in store.list_articles()}


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, local_embedder: BaseEmbedding) -> CliRun:
    """Run `python -m rag ...` in this process; the real embedder is handed over instead of loaded again."""
    monkeypatch.setattr("rag.assistant.build_embedder", lambda settings: local_embedder)
    monkeypatch.setattr("rag.models.build_embedder", lambda settings: local_embedder)

    def run(settings: Settings, argv: list[str]) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main_with(settings, argv)
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def llm() -> Iterator[FakeOpenAI]:
    """The fake OpenAI server (tests/support/fake_openai.py) on a free loopback port."""
    with fake_openai_server() as server:
        yield server
