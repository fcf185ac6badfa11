"""Reading article files: exact text, metadata, stable ids, clear reasons for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.corpus import content_id, load_article, read_manifest
from rag.errors import ArticleError
from tests.support.project import BUNDLED_CORPUS
from tests.support.samples import NEWS_HTML, make_pdf

LIMIT = 20 * 1024 * 1024


def test_text_file_is_stored_as_decoded_utf8_with_only_crlf_changed(tmp_path: Path) -> None:
    raw = "Title line\r\n\r\n“Quoted,” she said.\tTabs stay.  Two spaces stay.\r\nLast line\n".encode()
    article = load_article(tmp_path / "a.txt", raw, LIMIT)
    assert article.text == raw.decode("utf-8").replace("\r\n", "\n")
    assert article.title == "Title line"


def test_bundled_articles_keep_their_exact_text_and_manifest_titles() -> None:
    manifest = read_manifest(BUNDLED_CORPUS)
    for path in sorted(BUNDLED_CORPUS.glob("*.txt")):
        article = load_article(path, path.read_bytes(), LIMIT, manifest[path.name])
        assert article.text == path.read_text(encoding="utf-8")
        assert article.title == manifest[path.name]["title"]
    first = load_article(
        BUNDLED_CORPUS / "000_6c8ec85815583e4f.txt",
        (BUNDLED_CORPUS / "000_6c8ec85815583e4f.txt").read_bytes(),
        LIMIT,
        manifest["000_6c8ec85815583e4f.txt"],
    )
    assert first.author == "Alastair Crook"


def test_doc_id_comes_from_the_content_not_the_file_name(tmp_path: Path) -> None:
    a = load_article(tmp_path / "a.txt", b"Same words.", LIMIT)
    b = load_article(tmp_path / "b.md", b"Same words.", LIMIT)
    c = load_article(tmp_path / "a.txt", b"Other words.", LIMIT)
    assert a.doc_id == b.doc_id == content_id("Same words.")
    assert a.doc_id != c.doc_id


def test_markdown_front_matter_gives_metadata_and_offsets_still_point_into_the_file(tmp_path: Path) -> None:
    raw = (
        b"---\ntitle: Port deal\nauthor: Ann Lee\nsource: Daily Wire\ndate: 2023-4-7\n---\n# Port deal\n\nBody here.\n"
    )
    article = load_article(tmp_path / "p.md", raw, LIMIT)
    assert (article.title, article.author, article.source, article.published) == (
        "Port deal",
        "Ann Lee",
        "Daily Wire",
        "2023-04-07",
    )
    assert article.text == raw.decode()
    assert article.text[article.body_start :].startswith("# Port deal")


def test_html_page_keeps_the_article_and_drops_navigation_scripts_and_footer(tmp_path: Path) -> None:
    article = load_article(tmp_path / "harbour.html", NEWS_HTML.encode(), LIMIT)
    assert "double the harbour budget to 40 million euros" in article.text
    assert "spawning grounds" in article.text
    for boilerplate in ("do not index me", "Cookie settings", "Weather"):
        assert boilerplate not in article.text
    assert article.title.startswith("Harbour budget doubles")
    assert article.author == "Mara Lind"
    assert article.published == "2024-03-05"
    assert article.format == "html"


def test_pdf_text_and_document_info_are_read(tmp_path: Path) -> None:
    data = make_pdf(
        ["The port authority approved the plan.", "Work starts in May."], title="Port plan", author="Ed Roe"
    )
    article = load_article(tmp_path / "plan.pdf", data, LIMIT)
    assert "The port authority approved the plan." in article.text
    assert "Work starts in May." in article.text
    assert (article.title, article.author, article.format) == ("Port plan", "Ed Roe", "pdf")


def test_title_is_derived_from_the_first_line_when_none_is_given(tmp_path: Path) -> None:
    article = load_article(tmp_path / "n.txt", b"\n\n  Ministers meet in Oslo\nText follows.", LIMIT)
    assert article.title == "Ministers meet in Oslo"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("bad.txt", b"caf\xe9 au lait", "not valid UTF-8 (byte 0xe9 at offset 3)"),
        ("empty.md", b"  \n\n ", "empty file"),
        ("blob.txt", b"\x00\x01\x02binary", "binary file"),
        ("sheet.xlsx", b"PK\x03\x04", "unsupported file type '.xlsx'"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "PDF"),
        ("scan.pdf", make_pdf([]), "no extractable text"),
        ("app.html", b"<html><head><script>var a = 1;</script></head><body></body></html>", "no article text"),
    ],
)
def test_bad_input_is_refused_with_a_one_line_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    with pytest.raises(ArticleError) as caught:
        load_article(tmp_path / name, data, LIMIT)
    message = str(caught.value)
    assert reason in message
    assert "\n" not in message


def test_oversized_file_is_refused_with_the_limit_and_how_to_raise_it(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match=r"too large .*RAG_MAX_FILE_MB"):
        load_article(tmp_path / "big.txt", b"word " * 1000, 1000)
