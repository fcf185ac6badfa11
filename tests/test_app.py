"""The Streamlit page, driven by Streamlit's AppTest."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from rag.settings import get_settings
from tests.conftest import PROJECT, IngestFn, make_settings


@pytest.fixture
def app_storage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    storage = tmp_path / "storage"
    monkeypatch.setenv("RAG_STORAGE_DIR", str(storage))
    get_settings.cache_clear()
    st.cache_resource.clear()  # the app's store is cached per process: start from this test's
    yield storage
    get_settings.cache_clear()
    st.cache_resource.clear()


def run_app() -> AppTest:
    app = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60)
    app.run()
    assert not app.exception, app.exception
    return app


def test_page_lists_the_indexed_articles_and_the_index_status(
    app_storage: Path, corpus_dir: Path, run_ingest: IngestFn
) -> None:
    run_ingest(make_settings(storage_dir=app_storage), corpus_dir)
    app = run_app()
    sidebar = " ".join(m.value for m in app.sidebar.markdown)
    assert "**2** articles" in sidebar and "all-MiniLM-L6-v2" in sidebar and "embedded" in sidebar
    titles = [e.label for e in app.expander]
    assert "Japan edges towards NATO ahead of the Madrid summit" in titles
    assert "Japan's militarization and the American plan to fight for Taiwan" in titles


def test_empty_index_tells_the_user_how_to_fill_it(app_storage: Path) -> None:
    app = run_app()
    assert any("python -m rag ingest" in i.value for i in app.info)
