"""The command line, as a user runs it: real processes, real store, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cli import rag
from tests.support.ports import free_port


@pytest.fixture
def workdir(tmp_path: Path, corpus_dir: Path) -> Path:
    (corpus_dir / "notes.docx").write_bytes(b"PK\x03\x04")
    (corpus_dir / "broken.txt").write_bytes(b"\xff\xfe\x00")
    return tmp_path


def test_ingest_list_and_show_from_the_command_line(workdir: Path) -> None:
    storage = workdir / "storage"
    first = rag("ingest", storage=storage, cwd=workdir)
    assert first.returncode == 1, "a skipped file must show in the exit code"
    lines = first.stderr.strip().splitlines()
    assert (
        "skipped corpus/notes.docx: unsupported file type '.docx' (supported: htm, html, markdown, md, pdf, txt)"
        in lines
    )
    assert any(line.startswith("skipped corpus/broken.txt: ") for line in lines)
    assert "articles: 2 added, 0 updated, 0 unchanged, 2 skipped;" in first.stdout
    assert "Traceback" not in first.stderr

    listed = rag("list", "--json", storage=storage, cwd=workdir)
    articles = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [a["path"] for a in articles] == ["corpus/000_6c8ec85815583e4f.txt", "corpus/003_3ed258554722c35d.txt"]
    assert all(a["chunks"] > 0 for a in articles)

    table = rag("list", storage=storage, cwd=workdir)
    assert "Japan edges towards NATO" in table.stdout

    shown = rag("show", articles[1]["doc_id"][:8], storage=storage, cwd=workdir)
    assert shown.returncode == 0
    assert "title:     Japan's militarization and the American plan to fight for Taiwan" in shown.stdout
    assert "an official Japanese office to the alliance was opened in Brussels" in shown.stdout

    (workdir / "corpus" / "notes.docx").unlink()
    (workdir / "corpus" / "broken.txt").unlink()
    again = rag("ingest", storage=storage, cwd=workdir)
    assert again.returncode == 0
    assert "articles: 0 added, 0 updated, 2 unchanged, 0 skipped; 0 chunks written" in again.stdout


def test_unknown_article_id_is_a_one_line_error(tmp_path: Path) -> None:
    result = rag("show", "nope", storage=tmp_path / "storage", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "error: no article with id 'nope'; `python -m rag list` shows the ids"


def test_unreachable_chroma_server_is_a_one_line_error(tmp_path: Path) -> None:
    port = str(free_port())
    result = rag(
        "list", storage=tmp_path / "s", cwd=tmp_path, env={"RAG_CHROMA_HOST": "127.0.0.1", "RAG_CHROMA_PORT": port}
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: cannot reach the Chroma server at 127.0.0.1:{port}")
    assert len(result.stderr.strip().splitlines()) == 1
