"""No server path is shown: files are named relative to the folder they were ingested from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.render import render_markdown
from rag.settings import Settings
from rag.store import CorpusStore
from tests.support.app import ask, html_of, start
from tests.support.cli import CliRun
from tests.support.ingest import IngestFn
from tests.support.project import make_settings

QUESTION = "Where did Japan open an official office to NATO?"


@pytest.fixture
def nested(corpus_dir: Path) -> Path:
    """The bundled corpus with its articles in a subfolder `asia/` (manifest beside them)."""
    asia = corpus_dir / "asia"
    asia.mkdir()
    for item in list(corpus_dir.iterdir()):
        if item.is_file():
            item.rename(asia / item.name)
    return corpus_dir


def test_the_chat_names_sources_relative_to_their_corpus_folder(
    nested: Path, app_storage: Path, run_ingest: IngestFn
) -> None:
    run_ingest(make_settings(storage_dir=app_storage), nested)
    app = ask(start(), QUESTION)
    captions = [c.value.replace("\\", "") for c in app.caption]
    assert any(c.startswith("asia/003_3ed258554722c35d.txt [") for c in captions), captions
    shown = "\n".join(captions + [m.value for m in app.markdown] + [e.label for e in app.expander]) + html_of(app)
    assert str(nested) not in shown and str(app_storage) not in shown
    assert "Store: embedded (folder “storage”)" in captions[-1].replace("\n", " ").replace("  ", " ")
    (answer,) = app.session_state["turns"]
    exported = render_markdown([answer])
    assert "`asia/003_3ed258554722c35d.txt`" in exported and str(nested) not in exported


def test_the_corpus_page_lists_files_relative_to_their_folder(
    nested: Path, app_storage: Path, run_ingest: IngestFn
) -> None:
    run_ingest(make_settings(storage_dir=app_storage), nested)
    app = start()
    app.switch_page("ui/corpus.py").run()
    assert not app.exception, app.exception
    table = app.dataframe[0].value
    assert sorted(table["file"]) == ["asia/000_6c8ec85815583e4f.txt", "asia/003_3ed258554722c35d.txt"]
    assert "path" not in table.columns
    assert all(str(nested) not in o for o in app.selectbox(key="remove_choice").options)
    assert all(str(app_storage) not in c.value for c in app.sidebar.caption)


def test_the_json_path_keeps_its_contract_and_a_rebuild_keeps_the_names(
    nested: Path, embedded_settings: Settings, run_ingest: IngestFn, cli: CliRun
) -> None:
    settings = embedded_settings
    run_ingest(settings, nested)
    code, out, _ = cli(settings, ["ask", "--json", QUESTION])
    (citation, *_) = json.loads(out)["citations"]
    assert code == 0 and citation["path"].endswith("asia/003_3ed258554722c35d.txt") and "name" not in citation
    run_ingest(settings, rebuild=True)
    names = sorted(r.name for r in CorpusStore.open(settings).list_articles())
    assert names == ["asia/000_6c8ec85815583e4f.txt", "asia/003_3ed258554722c35d.txt"]
