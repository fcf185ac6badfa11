"""Copies kept on disk (the BM25 index, the catalog) are rebuilt when the code that builds them changes."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rag import bm25, catalog
from rag.bm25 import Bm25Index
from rag.build_digest import build_digest
from rag.catalog import cached_catalog
from rag.records import ArticleRecord
from rag.settings import Settings
from rag.store import CorpusStore

TOKENIZER = '''"""A stand-in for a module that tokenizes."""

def tokens(text: str) -> list[str]:
    return text.split()
'''


@pytest.fixture
def tokenizer_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A module of its own on the path, whose source a test rewrites as a developer would."""
    folder = tmp_path / "code"
    folder.mkdir()
    path = folder / "tokenizer_under_test.py"
    path.write_text(TOKENIZER, encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.delitem(sys.modules, "tokenizer_under_test", raising=False)  # another test's copy
    build_digest.cache_clear()
    yield path
    sys.modules.pop("tokenizer_under_test", None)
    build_digest.cache_clear()


def rewrite(path: Path) -> None:
    """Change how the stand-in tokenizes (a new process would read the new source)."""
    path.write_text(TOKENIZER.replace("text.split()", "text.lower().split()"), encoding="utf-8")
    build_digest.cache_clear()


def test_the_digest_follows_the_source_and_the_packages(tokenizer_module: Path) -> None:
    first = build_digest(("tokenizer_under_test",), ("bm25s",))
    assert len(first) == 12 and build_digest(("tokenizer_under_test",), ("bm25s",)) == first
    assert build_digest(("tokenizer_under_test",), ("bm25s", "PyStemmer")) != first, "a package's version counts"
    rewrite(tokenizer_module)
    assert build_digest(("tokenizer_under_test",), ("bm25s",)) != first
    assert build_digest(("tokenizer_under_test",), ("no-such-package",)), "a missing package does not fail"


def test_a_bm25_index_built_by_other_code_is_rebuilt_not_read(
    bundled_settings: Settings, tmp_path: Path, tokenizer_module: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    storage = tmp_path / "storage"
    shutil.copytree(bundled_settings.storage_dir, storage, ignore=shutil.ignore_patterns("bm25", "catalog"))
    store = CorpusStore.open(bundled_settings.model_copy(update={"storage_dir": storage}))
    monkeypatch.setattr(bm25, "BUILT_BY_MODULES", (*bm25.BUILT_BY_MODULES, "tokenizer_under_test"))
    builds: list[int] = []
    build = Bm25Index.build_retriever

    def counted(store: CorpusStore) -> object:
        builds.append(1)
        return build(store)

    monkeypatch.setattr(Bm25Index, "build_retriever", staticmethod(counted))
    folder = storage / "bm25"
    first = Bm25Index.load_or_build(store, folder)
    again = Bm25Index.load_or_build(store, folder)  # a new process, the same code: read from disk
    assert len(builds) == 1 and again.words == first.words and len(again) == len(first) > 0
    [saved] = [p.name for p in folder.iterdir()]
    assert saved.startswith(store.fingerprint() + "-")

    rewrite(tokenizer_module)  # the next process runs other code over the same store
    rebuilt = Bm25Index.load_or_build(store, folder)
    assert len(builds) == 2 and rebuilt.fingerprint == first.fingerprint == store.fingerprint()
    [renewed] = [p.name for p in folder.iterdir()]
    assert renewed != saved, "only the copy the running code built is kept"


def test_a_catalog_built_by_other_rules_is_rebuilt_not_read(
    tmp_path: Path, tokenizer_module: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalog, "BUILT_BY_MODULES", (*catalog.BUILT_BY_MODULES, "tokenizer_under_test"))
    reads: list[int] = []

    def records() -> list[ArticleRecord]:
        reads.append(1)
        return [ArticleRecord(doc_id="a", title="A", source="The Harbour Gazette", author="", published="2024-03-02")]

    folder = tmp_path / "catalog"
    first = cached_catalog(folder, "fp", records)
    assert cached_catalog(folder, "fp", records) == first and len(reads) == 1
    rewrite(tokenizer_module)
    assert cached_catalog(folder, "fp", records) == first and len(reads) == 2, "rebuilt by the new rules"
    assert len(list(folder.iterdir())) == 1
