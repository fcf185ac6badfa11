"""An ingest that replaces much of the store leaves a compact index: a new generation, copied, not embedded."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from llama_index.core.base.embeddings.base import BaseEmbedding

from rag.assistant import Assistant
from rag.ingest import ingest_paths
from rag.settings import Settings
from rag.store import CorpusStore
from tests.support.checks import assert_consistent
from tests.support.ingest import IngestFn
from tests.support.project import BUNDLED_CORPUS, PROJECT

OFFICE = "Where did Japan open an official office to NATO?"
EDITIONS = 6  # with the two bundled articles: 8 articles, 44 chunks


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The bundled corpus and six editions of one of its articles (each about a ninth of the chunks)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in BUNDLED_CORPUS.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    source = (BUNDLED_CORPUS / "003_3ed258554722c35d.txt").read_text(encoding="utf-8")
    for i in range(EDITIONS):
        (folder / f"edition_{i}.txt").write_text(f"Edition {i}.\n{source}", encoding="utf-8")
    return folder


@pytest.fixture
def small_stores_compact(monkeypatch: pytest.MonkeyPatch) -> None:
    """Compaction decided by the share of replaced chunks alone: the test stores are far below the minimum."""
    monkeypatch.setattr("rag.compaction.MIN_REPLACED", 0)


def revise(corpus: Path, *editions: int) -> None:
    """Change the first line of these editions: new texts, whose other chunks reuse their vectors."""
    for i in editions:
        path = corpus / f"edition_{i}.txt"
        path.write_text(path.read_text(encoding="utf-8").replace(f"Edition {i}.", f"Edition {i}, revised."), "utf-8")


def upgrade(monkeypatch: pytest.MonkeyPatch) -> None:
    """A release whose attribution changed: every stored article is cut and read again (its vectors reused)."""
    monkeypatch.setattr("rag.attribution.ATTRIBUTION_VERSION", "attribution-upgraded")


def no_embedder() -> BaseEmbedding:
    raise AssertionError("the embedder was loaded, but every chunk's text was stored already")


def contents(store: CorpusStore) -> tuple[dict[str, Any], dict[str, tuple[str, dict[str, Any], np.ndarray]]]:
    """Every article record (with its text, without the chunker's name) and every chunk with its vector."""
    records = {r.doc_id: replace(r, chunker="", text=store.article_text(r.doc_id)) for r in store.list_articles()}
    got = store.chunks.get(include=["documents", "metadatas", "embeddings"])
    chunks = {
        chunk_id: (text or "", dict(meta or {}), np.asarray(vector))
        for chunk_id, text, meta, vector in zip(
            got["ids"], got["documents"] or [], got["metadatas"] or [], got["embeddings"], strict=True
        )
    }
    return records, chunks


def chunk_collections(store: CorpusStore) -> list[str]:
    names = [c if isinstance(c, str) else c.name for c in store.client.list_collections()]
    return [n for n in names if n.startswith(f"{store.settings.collection_prefix}_chunks")]


def test_reingesting_every_article_after_an_upgrade_compacts_the_index_without_loading_the_embedder(
    store_settings: Settings,
    corpus: Path,
    run_ingest: IngestFn,
    small_stores_compact: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Embedded and on a Chroma server: a new generation holding the same records, chunks and vectors."""
    run_ingest(store_settings, corpus)
    before = CorpusStore.open(store_settings)
    records, chunks = contents(before)
    upgrade(monkeypatch)
    store = CorpusStore.open(store_settings)
    report = ingest_paths(store_settings, [corpus], store=store, load_embedder=no_embedder)
    assert len(report.updated) == 8 and report.chunks_embedded == 0
    assert report.compacted and report.entries_dropped == len(chunks) and report.chunks_copied == 0
    assert f"; compacted the index ({len(chunks)} entries of replaced chunks dropped, 0 chunks copied)" in (
        report.summary()
    )
    assert store.generation != before.generation, "the store was rewritten in place"
    assert CorpusStore.open(store_settings).generation == store.generation
    new_records, new_chunks = contents(store)
    assert new_records == records
    assert all(r.chunker.endswith(":attribution-upgraded") for r in store.list_articles())
    assert new_chunks.keys() == chunks.keys()
    for chunk_id, (text, meta, vector) in chunks.items():
        assert new_chunks[chunk_id][:2] == (text, meta)
        # The stored vector, copied: a collection of cosine space normalizes each vector it is given, which can
        # move a component of an already normalized one by a float32 step (an in-place rewrite does the same).
        np.testing.assert_array_max_ulp(new_chunks[chunk_id][2].astype(np.float32), vector.astype(np.float32), 1)
    assert store.replaced_entries() == 0
    assert_consistent(store)


def test_small_changes_are_written_in_place_until_the_replaced_chunks_reach_half_the_live_ones(
    embedded_settings: Settings, corpus: Path, run_ingest: IngestFn, small_stores_compact: None
) -> None:
    run_ingest(embedded_settings, corpus)
    generation = CorpusStore.open(embedded_settings).generation
    counts = {Path(r.path).name: r.chunk_count for r in CorpusStore.open(embedded_settings).list_articles()}
    live, replaced = sum(counts.values()), 0
    for i in range(EDITIONS):  # one edition revised per ingest: its chunks are replaced
        revise(corpus, i)
        replaced += counts[f"edition_{i}.txt"]
        report = run_ingest(embedded_settings, corpus)
        store = CorpusStore.open(embedded_settings)
        assert len(report.updated) == 1
        if replaced < live / 2:
            assert not report.compacted and "compacted" not in report.summary()
            assert store.generation == generation and store.replaced_entries() == replaced
            continue
        assert report.compacted and report.entries_dropped == replaced
        assert report.chunks_copied == live - counts[f"edition_{i}.txt"]
        assert store.generation != generation and store.replaced_entries() == 0
        assert len(store.list_articles()) == 8
        assert_consistent(store)
        break
    else:
        pytest.fail("no ingest compacted the index")
    assert i > 1, "the first small change compacted the index"


def test_a_store_below_the_minimum_is_rewritten_in_place(
    embedded_settings: Settings, corpus: Path, run_ingest: IngestFn, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new generation buys nothing for a few hundred chunks: its readers stay where they are."""
    from rag.compaction import MIN_REPLACED

    first = run_ingest(embedded_settings, corpus)
    assert first.chunks_written < MIN_REPLACED
    generation = CorpusStore.open(embedded_settings).generation
    upgrade(monkeypatch)
    report = run_ingest(embedded_settings, corpus)
    assert len(report.updated) == 8 and not report.compacted
    store = CorpusStore.open(embedded_settings)
    assert store.generation == generation and store.replaced_entries() == first.chunks_written


def test_a_compaction_cut_off_during_the_copy_leaves_the_old_index_answering_and_the_next_ingest_compacts(
    store_settings: Settings,
    corpus: Path,
    run_ingest: IngestFn,
    local_embedder: BaseEmbedding,
    small_stores_compact: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run_ingest(store_settings, corpus)
    old = CorpusStore.open(store_settings)
    records, chunks = contents(old)
    revise(corpus, *range(EDITIONS))  # 6 of 8 articles: the two bundled ones are copied
    copies: list[int] = []
    real_copy = CorpusStore.copy_articles

    def copy_then_fail(self: CorpusStore, source: CorpusStore, doc_ids: list[str]) -> int:
        copies.append(1)
        if len(copies) == 2:
            raise OSError("the machine went down")
        return real_copy(self, source, doc_ids)

    monkeypatch.setattr(CorpusStore, "copy_articles", copy_then_fail)
    monkeypatch.setattr("rag.compaction.COPY_GROUP_CHUNKS", 1)  # one article a copy, so one lands
    with pytest.raises(OSError, match="went down"):
        run_ingest(store_settings, corpus)
    assert len(chunk_collections(old)) == 2, "no new generation was being written"
    reopened = CorpusStore.open(store_settings)
    assert reopened.generation == old.generation
    assert contents(reopened)[0] == records and contents(reopened)[1].keys() == chunks.keys()
    assert_consistent(reopened)
    assert Assistant.open(store_settings, embedder=local_embedder).ask(OFFICE).citations

    monkeypatch.setattr(CorpusStore, "copy_articles", real_copy)
    report = run_ingest(store_settings, corpus)
    assert report.compacted and len(report.updated) == 6 and len(report.unchanged) == 2
    store = CorpusStore.open(store_settings)
    assert store.generation != old.generation and len(store.list_articles()) == 8
    assert_consistent(store)
    new_records, new_chunks = contents(store)
    copied = [r for r in records.values() if Path(r.path).name.startswith(("000_", "003_"))]
    assert [new_records[r.doc_id] for r in copied] == copied
    for chunk_id, (text, meta, vector) in chunks.items():
        if meta["document_id"] in {r.doc_id for r in copied}:
            assert new_chunks[chunk_id][:2] == (text, meta)
            np.testing.assert_array_max_ulp(new_chunks[chunk_id][2].astype(np.float32), vector.astype(np.float32), 1)
    # The cut-off generation is gone: the live one and the one before it are kept.
    assert sorted(chunk_collections(store)) == sorted({store.chunks.name, old.chunks.name})


def test_a_reader_opened_before_a_compaction_answers_throughout_and_follows(
    store_settings: Settings,
    corpus: Path,
    run_ingest: IngestFn,
    local_embedder: BaseEmbedding,
    small_stores_compact: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run_ingest(store_settings, corpus)
    reader = CorpusStore.open(store_settings)
    assistant = Assistant.open(store_settings, embedder=local_embedder)
    before = reader.generation
    ids = sorted(reader.chunk_ids())
    upgrade(monkeypatch)
    assert run_ingest(store_settings, corpus).compacted
    # Not yet followed: the old generation is still there to read.
    assert reader.generation == before and sorted(reader.chunk_ids()) == ids
    assert reader.moved() and reader.follow() and reader.generation != before
    assert sorted(reader.chunk_ids()) == ids and reader.replaced_entries() == 0
    answer = assistant.ask(OFFICE)
    assert answer.citations and not answer.error
    assert assistant.store.generation == reader.generation


COMPACTING_INGEST = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    import rag.compaction
    from rag.ingest import ingest_paths
    from rag.settings import Settings

    rag.compaction.MIN_REPLACED = 0
    rag.compaction.COPY_GROUP_CHUNKS = 1  # one article a copy: the copy takes a while
    settings = Settings(_env_file=None, **json.loads(sys.argv[1]))
    print(ingest_paths(settings, [Path(sys.argv[2])]).summary())
    """
)


def test_questions_asked_while_another_process_compacts_are_answered_from_a_complete_index(
    store_settings: Settings, corpus: Path, run_ingest: IngestFn, local_embedder: BaseEmbedding
) -> None:
    """Embedded and on a Chroma server: `rag ingest` compacting in one process, questions in another."""
    run_ingest(store_settings, corpus)
    assistant = Assistant.open(store_settings, embedder=local_embedder)
    before = assistant.store.generation
    revise(corpus, *range(EDITIONS))
    include = {"storage_dir", "chroma_host", "chroma_port", "collection_prefix"}
    ingest = subprocess.Popen(
        [sys.executable, "-c", COMPACTING_INGEST, store_settings.model_dump_json(include=include), str(corpus)],
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    answers = []
    while ingest.poll() is None:
        answers.append(assistant.ask(OFFICE))
    out, err = ingest.communicate()
    assert ingest.returncode == 0, err[-2000:]
    assert "; compacted the index (" in out, out
    answers.append(assistant.ask(OFFICE))
    assert len(answers) > 3
    assert [a.error or a.text for a in answers if a.error or not a.citations] == []
    assert assistant.store.generation != before
    assert assistant.status().articles == 8
