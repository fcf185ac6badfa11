"""A citation from a PDF carries its page: in `ask --json`, in the app, in the exports; the PDF opens from the app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from rag.assistant import Assistant
from rag.briefing import brief
from rag.corpus import load_article
from rag.records import page_at
from rag.render import render_markdown
from rag.report import briefing_html, briefing_markdown, briefing_pdf
from rag.settings import Settings
from rag.store import CorpusStore
from tests.support.app import ask, start
from tests.support.cli import CliRun
from tests.support.ingest import CountingEmbedding, IngestFn
from tests.support.pdf import pdf_text, write_pdf
from tests.support.project import make_settings

QUESTION = "Where will the new lighthouse stand?"


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """A folder with a three-page PDF report (the lighthouse is on page 3) and a text article."""
    folder = tmp_path / "reports"
    write_pdf(folder / "annual" / "report.pdf")
    (folder / "notes.txt").write_text(
        "Harbour notes\n\nThe fish market in Port Elrond now opens at five in the morning.\n",
        encoding="utf-8",
    )
    return folder


def test_ask_json_gives_the_page_of_a_pdf_quote_and_none_for_a_text_file(
    reports: Path, embedded_settings: Settings, run_ingest: IngestFn, cli: CliRun
) -> None:
    run_ingest(embedded_settings, reports)
    code, out, _ = cli(embedded_settings, ["ask", "--json", QUESTION])
    assert code == 0
    citations = json.loads(out)["citations"]
    lighthouse = next(c for c in citations if "lighthouse" in c["quote"])
    assert lighthouse["page"] == 3 and lighthouse["path"].endswith("annual/report.pdf")
    assert all("page" not in c for c in citations if c["path"].endswith("notes.txt"))
    assert set(lighthouse) == {"n", "doc_id", "path", "title", "start_char", "end_char", "quote", "supported", "page"}


def test_the_page_is_recorded_for_every_page_boundary(
    reports: Path, embedded_settings: Settings, run_ingest: IngestFn
) -> None:
    run_ingest(embedded_settings, reports)
    record = next(r for r in CorpusStore.open(embedded_settings).list_articles() if r.format == "pdf")
    text = CorpusStore.open(embedded_settings).article_text(record.doc_id)
    assert len(record.pages) == len(PdfReader(reports / "annual" / "report.pdf").pages) == 3
    assert [record.page_at(text.index(w)) for w in ("Annual report", "Fishing catches", "Work starts")] == [1, 2, 3]


def test_a_pdf_stored_without_pages_is_read_again_reusing_its_vectors(
    reports: Path, embedded_settings: Settings, run_ingest: IngestFn, counting_embedder: CountingEmbedding
) -> None:
    run_ingest(embedded_settings, reports)
    store = CorpusStore.open(embedded_settings)
    record = next(r for r in store.list_articles() if r.format == "pdf")
    store.articles.update(ids=[record.doc_id], metadatas=[{"pages": "[]"}])  # as an index written before pages
    embedded_before = len(counting_embedder.embedded)
    report = run_ingest(embedded_settings, reports)
    assert report.updated == [record.path] and report.chunks_embedded == 0
    assert len(counting_embedder.embedded) == embedded_before, "no chunk embedded again"
    assert CorpusStore.open(embedded_settings).list_article(record.doc_id).pages == record.pages


def test_the_exports_name_the_page(reports: Path, embedded_settings: Settings, run_ingest: IngestFn) -> None:
    run_ingest(embedded_settings, reports)
    assistant = Assistant.open(embedded_settings)
    answer = assistant.ask(QUESTION)
    assert "`annual/report.pdf, p. 3`" in render_markdown([answer])
    briefing = brief(assistant, "the Port Elrond lighthouse")
    assert any(c.page == 3 for c in briefing.numbering.citations)
    assert "annual/report.pdf, p. 3" in briefing_markdown(briefing)
    assert "annual/report.pdf, p. 3" in briefing_html(briefing)
    assert "annual/report.pdf, p. 3" in " ".join(pdf_text(briefing_pdf(briefing)).split())
    assert str(reports) not in briefing_markdown(briefing) + briefing_html(briefing) + render_markdown([answer])


def test_the_app_shows_the_page_and_hands_over_the_original_pdf(
    reports: Path, app_storage: Path, run_ingest: IngestFn
) -> None:
    run_ingest(make_settings(storage_dir=app_storage), reports)
    app = ask(start(), QUESTION)
    label = next(e.label for e in app.expander if e.label.startswith("[") and "annual report" in e.label.lower())
    assert label.endswith(" · p. 3")
    shown = [c.value.replace("\\", "") for c in app.caption]  # as rendered: Markdown escapes gone
    assert "annual/report.pdf, p. 3 [145:202]" in shown
    (button,) = [b for b in app.get("download_button") if "original PDF" in b.proto.label]
    assert button.proto.label == "Open the original PDF (the quote is on p. 3)"
    assert button.proto.deferred_file_id, "the file is read and served when the button is clicked"
    (answer,) = app.session_state["turns"]
    assert "annual/report.pdf, p. 3" in render_markdown([answer])


def test_an_empty_page_still_counts_and_a_text_file_has_no_pages(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "gap.pdf", ("First page words here.", "", "Third page words here."))
    article = load_article(path, path.read_bytes(), 10**8)
    assert article.text == "First page words here.\n\nThird page words here."
    assert page_at(article.pages, article.text.index("Third")) == 3 and page_at(article.pages, 0) == 1
    note = tmp_path / "note.txt"
    note.write_text("A note without pages.\n", encoding="utf-8")
    assert load_article(note, note.read_bytes(), 10**8).pages == []
    assert page_at([], 5) is None
