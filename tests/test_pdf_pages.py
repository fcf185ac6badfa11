"""A citation from a PDF carries its page: in `ask --json`, in the app, in the exports; the app shows that page
of the original PDF (drawn by PDFium) and hands over the file."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps
from pypdf import PdfReader

from rag.assistant import Assistant
from rag.briefing import brief
from rag.corpus import load_article
from rag.pdf_pages import PageImage, PdfPageError, original_pdf, page_image, render_page
from rag.records import page_at
from rag.render import render_markdown
from rag.report import briefing_html, briefing_markdown, briefing_pdf
from rag.settings import Settings
from rag.store import CorpusStore
from tests.support.app import ask, start
from tests.support.cli import CliRun
from tests.support.ingest import CountingEmbedding, IngestFn
from tests.support.pdf import encrypted_pdf, pdf_text, write_pdf
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


def ink(drawn: PageImage) -> tuple[int, int, int, int] | None:
    """The box around what is printed on a drawn page (None for a blank page)."""
    with Image.open(BytesIO(drawn.png)) as image:
        assert image.format == "PNG" and image.size == (drawn.width, drawn.height)
        return ImageOps.invert(image.convert("L")).point(lambda v: 255 if v > 64 else 0).getbbox()


def yellow(drawn: PageImage) -> int:
    """How many pixels of a drawn page are highlighter yellow."""
    with Image.open(BytesIO(drawn.png)) as image:
        red, green, blue = np.asarray(image.convert("RGB"), dtype=np.int16).transpose(2, 0, 1)
        return int(((red > 200) & (green > 180) & (blue < 150)).sum())


def test_the_cited_page_of_the_original_pdf_is_drawn_once_with_the_quote_marked(
    reports: Path, embedded_settings: Settings, run_ingest: IngestFn
) -> None:
    run_ingest(embedded_settings, reports)
    citation = next(c for c in Assistant.open(embedded_settings).ask(QUESTION).citations if c.page)
    record = CorpusStore.open(embedded_settings).list_article(citation.doc_id)
    original = original_pdf(record)
    assert original is not None and original.samefile(reports / "annual" / "report.pdf")
    drawn = {n: page_image(original, n) for n in (1, 2, 3)}
    cited = drawn[citation.page or 0]
    assert (cited.page, cited.pages) == (3, 3)
    assert (cited.width, cited.height) == (1000, 1415), "an A4 page, 1000 pixels across"
    for page in drawn.values():
        box = ink(page)
        assert box is not None, f"page {page.page} shows its text"
        left, top, right, bottom = box
        assert 50 < left < right < 950 and top < bottom < 400, "one short paragraph at the top, inside the margins"
    assert len({page.png for page in drawn.values()}) == 3, "each page is drawn from its own content"
    assert page_image(original, 3) is cited, "kept: a rerun of the app does not draw it again"
    assert not cited.marked and yellow(cited) == 0
    marked = page_image(original, 3, quote=citation.quote)
    assert marked.marked and marked.png != cited.png
    assert yellow(marked) > 2000, "a highlighter's band over the quoted line"
    assert ink(marked) == ink(cited), "the text is still drawn black under the band"
    assert not page_image(original, 1, quote=citation.quote).marked, "a page without the quote is drawn unmarked"
    with pytest.raises(PdfPageError, match=r"^page 4 is out of range: the PDF has 3 pages$"):
        page_image(original, 4)
    with pytest.raises(PdfPageError, match=r"^page 0 is out of range"):
        page_image(original, 0)


def test_a_changed_original_is_drawn_again_and_a_missing_one_is_named(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "report.pdf")
    before = page_image(path, 1)
    write_pdf(path, ("A different first page, rewritten after the ingest.", "Second."))
    after = page_image(path, 1)
    assert after.pages == 2 and after.png != before.png
    path.unlink()
    with pytest.raises(PdfPageError, match=r"^the original PDF cannot be opened \(No such file or directory\)$"):
        page_image(path, 1)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a PDF at all", "the file cannot be read as a PDF (data format error)"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 4, "the file cannot be read as a PDF (data format error)"),
        (encrypted_pdf("secret"), "the PDF is password-protected, so its pages cannot be shown"),
    ],
    ids=["not-pdf", "garbage", "locked"],
)
def test_an_unreadable_or_locked_pdf_is_named_in_one_line(data: bytes, message: str) -> None:
    with pytest.raises(PdfPageError) as caught:
        render_page(data, 1)
    assert str(caught.value) == message


def test_a_pdf_with_an_empty_password_is_drawn() -> None:
    assert ink(render_page(encrypted_pdf(""), 1)) is not None


def test_the_app_shows_the_cited_page_and_turns_the_pages(
    reports: Path, app_storage: Path, run_ingest: IngestFn
) -> None:
    run_ingest(make_settings(storage_dir=app_storage), reports)
    app = ask(start(), QUESTION)
    key = next(b.key for b in app.button if b.key and b.key.endswith("-back"))
    (image,) = [i.proto.imgs[0] for i in app.get("image")]
    assert "p. 3 of the original PDF (3 pages) · the quote is marked" in [c.value for c in app.caption]
    assert image.alt == "Page 3 of annual/report.pdf" and image.url.endswith(".png")
    assert app.button(key=key.replace("-back", "-forward")).disabled, "p. 3 is the last page"
    app.button(key=key).click().run()
    assert not app.exception, app.exception
    (image,) = [i.proto.imgs[0] for i in app.get("image")]
    assert image.alt == "Page 2 of annual/report.pdf"
    assert "p. 2 of the original PDF (3 pages) · the quote is on p. 3" in [c.value for c in app.caption]
    assert not app.button(key=key).disabled and not app.button(key=key.replace("-back", "-forward")).disabled


def test_the_app_names_an_original_that_can_no_longer_be_read_and_still_offers_it(
    reports: Path, app_storage: Path, run_ingest: IngestFn
) -> None:
    run_ingest(make_settings(storage_dir=app_storage), reports)
    (reports / "annual" / "report.pdf").write_bytes(b"overwritten since the ingest")
    app = ask(start(), QUESTION)
    assert not app.get("image")
    shown = [w.value.replace("\\", "") for w in app.warning]  # as rendered: Markdown escapes gone
    assert shown == ["annual/report.pdf: the file cannot be read as a PDF (data format error)"]
    assert [b.proto.label for b in app.get("download_button") if "original PDF" in b.proto.label]
