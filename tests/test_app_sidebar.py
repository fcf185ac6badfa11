"""The sidebar offers what `python -m rag ask --help` offers: speakers, a per-article cap, dates as pickers."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.support.app import ask, start
from tests.support.ingest import IngestFn
from tests.support.project import make_settings


@pytest.fixture
def dated(app_storage: Path, corpus_dir: Path, run_ingest: IngestFn) -> Path:
    """The bundled corpus with publication dates, ingested into the app's storage."""
    manifest_path = corpus_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for name, published in zip(sorted(manifest), ("2022-06-20", "2023-04-10"), strict=True):
        manifest[name]["published"] = published
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    run_ingest(make_settings(storage_dir=app_storage), corpus_dir)
    return corpus_dir


def test_the_date_pickers_are_empty_and_bounded_by_the_corpus_dates(dated: Path) -> None:
    app = start()
    since, until = app.date_input(key="f_since"), app.date_input(key="f_until")
    assert since.value is None and until.value is None, "no date filter until one is picked"
    assert since.min == date(2022, 6, 20) and since.max == date(2023, 4, 10)
    assert until.min == date(2022, 6, 20) and until.max == date(2023, 4, 10)
    assert app.session_state["ask_options"].filters.empty


def test_a_picked_date_range_limits_the_sources(dated: Path) -> None:
    app = start()
    app.date_input(key="f_since").set_value(date(2023, 1, 1)).run()
    chosen = app.session_state["ask_options"].filters
    assert chosen.published_from == "2023-01-01" and not chosen.published_to
    app = ask(app, "What did Kishida say about the military budget?")
    cited = [e.label for e in app.expander if e.label.startswith("[")]
    assert cited and all("Taiwan" in label for label in cited), "only the 2023 article is drawn on"


def test_speaker_and_per_article_cap_reach_the_answer_and_survive_page_switches(indexed: Path) -> None:
    app = start()
    speakers = app.multiselect(key="f_speakers")
    assert "Yoshimasa Hayashi" in speakers.options
    speakers.set_value(["Yoshimasa Hayashi"]).run()
    app.number_input(key="per_article").set_value(1).run()
    chosen = app.session_state["ask_options"]
    assert chosen.per_article == 1 and chosen.filters.speakers == ("Yoshimasa Hayashi",)

    app.switch_page("ui/compare.py").run()
    assert not app.exception, app.exception
    assert list(app.multiselect(key="f_speakers").values) == ["Yoshimasa Hayashi"]
    assert app.number_input(key="per_article").value == 1
    app.switch_page("ui/chat.py").run()
    assert app.session_state["ask_options"] == chosen

    app = ask(app, "What did he say about European security?")
    (answer,) = app.session_state["turns"]
    assert answer.passages and all("Yoshimasa Hayashi" in p.speakers for p in answer.passages)
    assert len(answer.passages) == 1, "at most one passage of the one article that quotes him"


def test_no_per_article_cap_by_default(indexed: Path) -> None:
    app = start()
    assert app.number_input(key="per_article").value == 0
    assert app.session_state["ask_options"].per_article is None
