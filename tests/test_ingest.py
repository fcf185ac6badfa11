"""Ingest is idempotent, incremental, crash-safe, and says what it did."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from rag.errors import EmbedderMismatchError
from rag.settings import Settings
from rag.store import CorpusStore
from tests.support.checks import assert_consistent
from tests.support.ingest import CountingEmbedding, IngestFn
from tests.support.project import PROJECT, make_settings


def test_bundled_corpus_ingests_with_every_chunk_pointing_into_its_article(
    embedded_settings: Settings, corpus_dir: Path, run_ingest: IngestFn
) -> None:
    report = run_ingest(embedded_settings, corpus_dir)
    assert (len(report.added), len(report.skipped)) == (2, 0)
    store = CorpusStore.open(embedded_settings)
    assert store.count_chunks() == report.chunks_written > 2
    assert_consistent(store)
    titles = {r.title for r in store.list_articles()}
    assert "Japan edges towards NATO ahead of the Madrid summit" in titles


def test_reingesting_unchanged_corpus_embeds_nothing(
    embedded_settings: Settings, corpus_dir: Path, counting_embedder: CountingEmbedding
) -> None:
    from rag.ingest import ingest_paths

    store = CorpusStore.open(embedded_settings)
    ingest_paths(embedded_settings, [corpus_dir], store=store, load_embedder=lambda: counting_embedder)
    chunks = store.count_chunks()
    loads: list[int] = []

    def load() -> CountingEmbedding:
        loads.append(1)
        return counting_embedder

    before = len(counting_embedder.embedded)
    report = ingest_paths(embedded_settings, [corpus_dir], store=store, load_embedder=load)
    assert report.unchanged == sorted(report.unchanged) and len(report.unchanged) == 2
    assert report.chunks_written == 0
    assert loads == [], "the embedder was loaded for an unchanged corpus"
    assert len(counting_embedder.embedded) == before
    assert store.count_chunks() == chunks


def test_changed_file_replaces_its_old_chunks(
    embedded_settings: Settings, corpus_dir: Path, run_ingest: IngestFn
) -> None:
    run_ingest(embedded_settings, corpus_dir)
    path = corpus_dir / "003_3ed258554722c35d.txt"
    old = CorpusStore.open(embedded_settings).list_articles()
    path.write_text("A short replacement article about harbour budgets.\nIt has two lines.\n", encoding="utf-8")
    report = run_ingest(embedded_settings, corpus_dir)
    assert len(report.updated) == 1 and len(report.unchanged) == 1
    store = CorpusStore.open(embedded_settings)
    records = store.list_articles()
    assert len(records) == 2
    replaced = {r.doc_id for r in old} - {r.doc_id for r in records}
    assert len(replaced) == 1 and store.chunk_ids(replaced.pop()) == []
    new = next(r for r in records if r.path.endswith("003_3ed258554722c35d.txt"))
    assert store.article_text(new.doc_id).startswith("A short replacement")
    assert_consistent(store)


def test_prune_removes_articles_whose_files_are_gone(
    embedded_settings: Settings, corpus_dir: Path, run_ingest: IngestFn
) -> None:
    run_ingest(embedded_settings, corpus_dir)
    (corpus_dir / "000_6c8ec85815583e4f.txt").unlink()
    kept = run_ingest(embedded_settings, corpus_dir)
    assert len(CorpusStore.open(embedded_settings).list_articles()) == 2 and not kept.pruned
    report = run_ingest(embedded_settings, corpus_dir, prune=True)
    assert [Path(p).name for p in report.pruned] == ["000_6c8ec85815583e4f.txt"]
    store = CorpusStore.open(embedded_settings)
    assert [Path(r.path).name for r in store.list_articles()] == ["003_3ed258554722c35d.txt"]
    assert_consistent(store)


def test_same_content_under_two_names_is_stored_once(
    embedded_settings: Settings, corpus_dir: Path, run_ingest: IngestFn
) -> None:
    text = (corpus_dir / "003_3ed258554722c35d.txt").read_bytes()
    (corpus_dir / "copy_of_003.txt").write_bytes(text)
    report = run_ingest(embedded_settings, corpus_dir)
    assert len(report.added) == 2 and len(report.duplicates) == 1
    store = CorpusStore.open(embedded_settings)
    records = store.list_articles()
    assert len(records) == 2
    twin = next(r for r in records if len(r.files) == 2)
    assert sorted(Path(f.path).name for f in twin.files) == ["003_3ed258554722c35d.txt", "copy_of_003.txt"]
    assert_consistent(store)
    # Removing one of the two names keeps the article; removing both prunes it.
    (corpus_dir / "copy_of_003.txt").unlink()
    run_ingest(embedded_settings, corpus_dir, prune=True)
    assert len(CorpusStore.open(embedded_settings).list_articles()) == 2


def test_bad_files_are_skipped_with_a_reason_and_the_rest_is_ingested(
    embedded_settings: Settings, corpus_dir: Path, run_ingest: IngestFn
) -> None:
    (corpus_dir / "latin1.txt").write_bytes(b"caf\xe9")
    (corpus_dir / "empty.md").write_bytes(b"")
    (corpus_dir / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    report = run_ingest(embedded_settings, corpus_dir, corpus_dir / "missing.txt")
    reasons = dict(report.skipped)
    assert set(map(lambda p: Path(p).name, reasons)) == {"latin1.txt", "empty.md", "photo.jpg", "missing.txt"}
    assert report.failed and len(report.added) == 2
    assert "4 skipped" in report.summary()


def test_writes_respect_chromas_max_batch_size(
    embedded_settings: Settings, corpus_dir: Path, counting_embedder: CountingEmbedding, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rag.ingest import ingest_paths

    store = CorpusStore.open(embedded_settings)
    monkeypatch.setattr(type(store), "max_batch_size", property(lambda self: 3))
    sizes: list[int] = []
    real_add = store.chunks.add

    def spy_add(*args: object, **kwargs: object) -> None:
        sizes.append(len(kwargs["ids"]))  # type: ignore[arg-type]
        real_add(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store.chunks, "add", spy_add)
    report = ingest_paths(embedded_settings, [corpus_dir], store=store, load_embedder=lambda: counting_embedder)
    assert sum(sizes) == report.chunks_written and max(sizes) <= 3


def test_an_error_mid_ingest_leaves_a_store_the_next_run_completes(
    embedded_settings: Settings, corpus_dir: Path, run_ingest: IngestFn, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real_write = CorpusStore.write_chunks

    def failing_write(self: CorpusStore, *args: object) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        real_write(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(CorpusStore, "write_chunks", failing_write)
    monkeypatch.setattr("rag.ingest.WRITE_GROUP_CHUNKS", 1)  # one article a write, so one can land
    with pytest.raises(OSError, match="disk full"):
        run_ingest(embedded_settings, corpus_dir)
    monkeypatch.setattr(CorpusStore, "write_chunks", real_write)
    report = run_ingest(embedded_settings, corpus_dir)
    assert len(report.added) == 1 and len(report.unchanged) == 1 and report.recovered
    store = CorpusStore.open(embedded_settings)
    assert len(store.list_articles()) == 2
    assert_consistent(store)


KILLER = textwrap.dedent(
    """
    import json, os, signal, sys
    from pathlib import Path
    import rag.ingest
    from rag.ingest import ingest_paths
    from rag.settings import Settings
    from rag.store import CorpusStore

    real_add = CorpusStore.write_chunks
    written = []

    def add_then_die(self, *args):
        real_add(self, *args)
        written.append(1)
        if len(written) == 3:
            os.kill(os.getpid(), signal.SIGKILL)  # no cleanup, no finally: a real kill -9

    CorpusStore.write_chunks = add_then_die
    rag.ingest.WRITE_GROUP_CHUNKS = 1  # one article a write, so some land before the kill
    settings = Settings(_env_file=None, **json.loads(sys.argv[1]))
    ingest_paths(settings, [Path(sys.argv[2])])
    """
)


KILLER_SETTINGS = {"storage_dir", "chroma_host", "chroma_port", "collection_prefix"}


def test_kill_9_mid_ingest_leaves_a_store_the_next_run_completes(
    store_settings: Settings, tmp_path: Path, run_ingest: IngestFn
) -> None:
    """Embedded and on a Chroma server: no duplicate, orphan or missing chunk after the rerun."""
    corpus = tmp_path / "many"
    corpus.mkdir()
    source = (PROJECT / "corpus" / "003_3ed258554722c35d.txt").read_text(encoding="utf-8")
    for i in range(6):
        (corpus / f"article_{i}.txt").write_text(f"Edition {i}.\n{source}", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", KILLER, store_settings.model_dump_json(include=KILLER_SETTINGS), str(corpus)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    store = CorpusStore.open(store_settings)
    assert len(store.list_articles()) < 6, "the kill came after the ingest finished"
    assert store.count_chunks() > 0, "the kill came before any chunk was written"
    report = run_ingest(store_settings, corpus)
    assert len(report.added) + len(report.unchanged) == 6
    store = CorpusStore.open(store_settings)
    assert len(store.list_articles()) == 6
    assert_consistent(store)


def test_an_index_built_by_another_embedder_is_refused_with_the_rebuild_command(
    embedded_settings: Settings, corpus_dir: Path, run_ingest: IngestFn
) -> None:
    run_ingest(embedded_settings, corpus_dir)
    other = make_settings(
        storage_dir=embedded_settings.storage_dir, embed_model="text-embedding-3-small", openai_api_key="sk-test"
    )
    with pytest.raises(
        EmbedderMismatchError, match=r"python -m rag ingest --rebuild` \(or set RAG_EMBED_MODEL=all-MiniLM-L6-v2 "
    ):
        run_ingest(other, corpus_dir)


def test_changing_the_chunk_size_rechunks_every_article(
    embedded_settings: Settings, corpus_dir: Path, run_ingest: IngestFn
) -> None:
    first = run_ingest(embedded_settings, corpus_dir)
    smaller = make_settings(storage_dir=embedded_settings.storage_dir, chunk_tokens=80)
    report = run_ingest(smaller, corpus_dir)
    assert len(report.updated) == 2 and report.chunks_written > first.chunks_written
    assert_consistent(CorpusStore.open(smaller))


def test_editing_a_title_in_the_manifest_updates_the_article_without_embedding(
    embedded_settings: Settings, corpus_dir: Path, counting_embedder: CountingEmbedding, run_ingest: IngestFn
) -> None:
    import json

    run_ingest(embedded_settings, corpus_dir)
    embedded_before = len(counting_embedder.embedded)
    manifest_path = corpus_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["003_3ed258554722c35d.txt"]["title"] = "A better title"
    manifest["003_3ed258554722c35d.txt"]["published"] = "2023-04-10"
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    report = run_ingest(embedded_settings, corpus_dir)
    assert len(report.updated) == 1 and len(report.unchanged) == 1
    assert len(counting_embedder.embedded) == embedded_before, "a metadata edit re-embedded chunks"
    store = CorpusStore.open(embedded_settings)
    record = next(r for r in store.list_articles() if r.path.endswith("003_3ed258554722c35d.txt"))
    assert (record.title, record.published) == ("A better title", "2023-04-10")
    chunk_meta = store.chunks.get(where={"document_id": record.doc_id}, include=["metadatas"])["metadatas"] or []
    assert {m["title"] for m in chunk_meta} == {"A better title"}
    assert {m["published_ord"] for m in chunk_meta} == {20230410}
    assert_consistent(store)


def test_an_edited_article_embeds_only_its_changed_chunks(
    embedded_settings: Settings, corpus_dir: Path, counting_embedder: CountingEmbedding, run_ingest: IngestFn
) -> None:
    run_ingest(embedded_settings, corpus_dir)
    path = corpus_dir / "000_6c8ec85815583e4f.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Alastair Crook", "Alastair Crooke"), encoding="utf-8")
    before = len(counting_embedder.embedded)
    report = run_ingest(embedded_settings, corpus_dir)
    new_texts = counting_embedder.embedded[before:]
    assert len(report.updated) == 1
    assert len(new_texts) == 1 and "Alastair Crooke" in new_texts[0]
    assert "(9 reused their vectors)" in report.summary()
    assert_consistent(CorpusStore.open(embedded_settings))
