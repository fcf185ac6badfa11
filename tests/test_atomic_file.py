"""Files written whole or not at all (the kept catalog, the embedder's graph, uploads)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.atomic_file import atomic_path, write_atomically


def test_a_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "catalog.json"
    target.write_text("old", encoding="utf-8")
    write_atomically(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert [p.name for p in tmp_path.iterdir()] == ["catalog.json"], "no temporary file is left behind"


def test_a_write_that_fails_leaves_the_old_file_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "graph.onnx"
    target.write_bytes(b"the working graph")
    with pytest.raises(RuntimeError, match="disk full"), atomic_path(target, prefix=".building-") as partial:
        assert partial.parent == tmp_path and partial.name.startswith(".building-") and partial.suffix == ".onnx"
        partial.write_bytes(b"half a gra")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"the working graph"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.onnx"]


def test_a_new_file_appears_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "upload.txt"
    with atomic_path(target) as partial:
        partial.write_text("first half, ", encoding="utf-8")
        assert not target.exists(), "not seen under its name while being written"
        with partial.open("a", encoding="utf-8") as more:
            more.write("second half")
    assert target.read_text(encoding="utf-8") == "first half, second half"
