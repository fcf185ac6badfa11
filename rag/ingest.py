"""Ingest: files -> articles -> chunks -> vectors -> store. Idempotent and incremental.

Unchanged files are recognised by their digest and cost no extraction and no embedding.
The embedder is loaded only when something needs embedding. Each article is written
under the store's pending/complete protocol, so a crash leaves nothing half-stored.

What to write is decided file by file by `rag.ingest_plan` (with the rule for an article's
metadata when several files hold its text); this module embeds and writes it.

A rebuild writes a new generation of the store beside the live one and switches to it when
it is complete (`rag.store`): questions asked meanwhile are answered from the old one. So does
an ingest that replaces much of the store, copying the rest, to leave a compact vector index
(`rag.compaction`).
"""

from __future__ import annotations

import fcntl
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from rag.attribution import attribute, speakers_by_span, voice_of
from rag.compaction import chunks_to_copy, copy_unchanged, entries_to_drop
from rag.corpus import display_path
from rag.ingest_plan import IngestPlan, PendingArticle
from rag.settings import Settings
from rag.store import CorpusStore
from rag.walk import corpus_folder, file_location, walk

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding

# Articles are written in groups of about this many chunks: large enough to keep the
# embedder's batches full, small enough that a crash loses little work.
WRITE_GROUP_CHUNKS = 512
# Said when another ingest (or rebuild) of the same store holds the lock: this one waits for it.
WAITING = "waiting for another ingest of this store to finish…"


@dataclass
class IngestReport:
    """What an ingest did, for its closing line and for callers."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # same text as a stored article
    renamed: list[str] = field(default_factory=list)  # same text as a stored article whose files are all gone
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, what): stored, but not all understood
    pruned: list[str] = field(default_factory=list)
    recovered: list[str] = field(default_factory=list)
    chunks_written: int = 0
    chunks_embedded: int = 0  # the rest reused the vectors of identical stored chunks
    compacted: bool = False  # written into a new generation, to leave a compact vector index
    entries_dropped: int = 0  # when compacted: the index entries of replaced chunks left behind
    chunks_copied: int = 0  # when compacted: the chunks of unchanged articles copied, with their vectors
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        """Whether any file could not be ingested."""
        return bool(self.skipped)

    def summary(self) -> str:
        """The closing line: articles added / updated / unchanged / skipped, chunks, time, a compaction."""
        line = (
            f"articles: {len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.skipped)} skipped"
        )
        if self.renamed:
            line += f", {len(self.renamed)} renamed"
        if self.duplicates:
            line += f", {len(self.duplicates)} duplicate"
        if self.pruned:
            line += f", {len(self.pruned)} pruned"
        if self.recovered:
            line += f", {len(self.recovered)} recovered from an interrupted ingest"
        reused = self.chunks_written - self.chunks_embedded
        chunks = f"{self.chunks_written} chunk{'' if self.chunks_written == 1 else 's'} written"
        written = chunks + (f" ({reused} reused their vectors)" if reused > 0 else "")
        compacted = (
            f"; compacted the index ({self.entries_dropped} entries of replaced chunks dropped, "
            f"{self.chunks_copied} chunks copied)"
            if self.compacted
            else ""
        )
        return f"{line}; {written} in {self.seconds:.1f} s{compacted}"


def _lock_path(settings: Settings) -> Path:
    return settings.storage_dir / ".ingest.lock"


@contextmanager
def ingest_lock(settings: Settings, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """One ingest at a time per storage folder; `on_wait(WAITING)` is called if this one has to wait."""
    settings.storage_dir.mkdir(parents=True, exist_ok=True)
    with open(_lock_path(settings), "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait(WAITING)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ingest_running(settings: Settings) -> bool:
    """Whether an ingest (in any process on this machine) holds the storage folder's lock now."""
    path = _lock_path(settings)
    if not path.exists():
        return False
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def _groups(pending: Sequence[PendingArticle], size: int) -> Iterator[list[PendingArticle]]:
    group: list[PendingArticle] = []
    count = 0
    for item in pending:
        group.append(item)
        count += len(item.chunks)
        if count >= size:
            yield group
            group, count = [], 0
    if group:
        yield group


def embed_texts(
    embedder: BaseEmbedding, texts: list[str], batch_size: int, on_batch: Callable[[int], None]
) -> list[list[float]]:
    """Embed `texts` in batches of `batch_size`, calling `on_batch(n)` after each."""
    vectors: list[list[float]] = []
    for start in range(0, len(texts), batch_size):
        batch = texts[start : start + batch_size]
        vectors.extend(embedder.get_text_embedding_batch(batch))
        on_batch(len(batch))
    return vectors


def _progress(label: str, show: bool) -> Progress:
    """A progress bar for one step of an ingest ("embedding", "compacting"), drawn only when `show`."""
    return Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), disable=not show, transient=True
    )


def ingest(
    paths: Iterable[Path],
    store: CorpusStore,
    settings: Settings,
    embedder_id: str,
    load_embedder: Callable[[], BaseEmbedding],
    *,
    prune: bool = False,
    rebuild: bool = False,
    show_progress: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> IngestReport:
    """Bring the store in line with the files under `paths`.

    In place, unless the ingest replaces much of the store: then it writes a new generation,
    copying the articles it leaves as they are, and switches to it (`rag.compaction`).

    Args:
        paths: files and folders to ingest.
        store: the store to write to; it follows a rebuild or compaction (its own or another process's).
        settings: chunk size, file size limit, batch size.
        embedder_id: the embedder's name, checked against the one the index was built with.
        load_embedder: called at most once, and only when a chunk needs embedding (a chunk whose text
            the store holds reuses its vector, in a compaction too).
        prune: also remove articles whose files are all gone.
        rebuild: build a new index of `paths` and every file the store knew, then switch to it.
        show_progress: draw a progress bar while embedding.
        on_progress: called with (chunks done, chunks to do) as the work advances.
        on_wait: called with a line to show when another ingest holds the store and this one waits.
    """
    started = time.perf_counter()
    report = IngestReport()
    with ingest_lock(settings, on_wait):
        store.follow()  # a rebuild may have switched generations since the store was opened
        live = store
        targets: list[tuple[Path, Path | None]] = [(p, None) for p in paths]
        names: dict[str, str] = {}
        if rebuild:
            stored = store.list_articles(include_pending=True)
            names = {f.abs_path: f.name for r in stored for f in r.files if f.name}
            targets += [(Path(f.abs_path), corpus_folder(f.abs_path, f.name)) for r in stored for f in r.files]
            store = store.new_generation()
        else:
            store.check_embedder(embedder_id)
            report.recovered = store.recover()
            store.drop_stale_generations()  # what a rebuild or compaction cut off midway wrote
        plan = IngestPlan(store, settings, report)
        plan.names = {**names, **plan.names}
        if prune:
            plan.prune()
        for root, folder in targets:
            if not root.exists() and not root.is_symlink():
                if folder is None:  # a known file that is gone is simply not rebuilt
                    report.skipped.append((str(root), "no such file or directory"))
                continue
            for path, problem in walk(root, folder):
                if problem:
                    plan.considered.setdefault(str(file_location(path)), display_path(path))
                    report.skipped.append((display_path(path), problem))
                else:
                    plan.consider(path, plan.shown_name(path, root))
        plan.settle_metadata()
        compacting = False
        if not rebuild and (dropped := entries_to_drop(store, plan)):
            compacting, report.compacted, report.entries_dropped = True, True, dropped
            store = live.new_generation()
            store.claim_embedder(embedder_id)

        pending = list(plan.to_write.values())
        if pending:
            store.claim_embedder(embedder_id)
            embedder: BaseEmbedding | None = None
            total = sum(len(p.chunks) for p in pending)
            with _progress("embedding", show_progress) as progress:
                task = progress.add_task("embedding", total=total)
                done = 0

                def advance(n: int) -> None:
                    nonlocal done
                    done += n
                    progress.advance(task, n)
                    if on_progress:
                        on_progress(done, total)

                def write(group: list[PendingArticle], vectors: dict[str, list[float]]) -> None:
                    said = [
                        attribute(
                            item.article.text,
                            item.article.body_start,
                            voice_of(item.article.author, item.article.source, item.article.title),
                        )
                        for item in group
                    ]
                    records = store.begin_articles(
                        [(item.article, item.files, s) for item, s in zip(group, said, strict=True)], plan.chunker
                    )
                    store.write_chunks(
                        [
                            (
                                item.article,
                                item.chunks,
                                [vectors[c.text] for c in item.chunks],
                                [speakers_by_span(s, c.start_char, c.end_char) for c in item.chunks],
                            )
                            for item, s in zip(group, said, strict=True)
                        ]
                    )
                    store.commit_articles(records, [len(item.chunks) for item in group])
                    report.chunks_written += sum(len(item.chunks) for item in group)

                # A rebuild embeds everything again (the embedder changed); otherwise the live index's vectors serve.
                reused = store if rebuild else live
                for group in _groups(pending, WRITE_GROUP_CHUNKS):
                    known = reused.vectors_by_text([d for item in group for d in item.reuse_from])
                    texts = [c.text for item in group for c in item.chunks]
                    missing = list(dict.fromkeys(t for t in texts if t not in known))
                    advance(len(texts) - len(missing))
                    if missing:
                        embedder = embedder or load_embedder()
                        vectors = embed_texts(embedder, missing, settings.embed_batch_size, advance)
                        known.update(zip(missing, vectors, strict=True))
                        report.chunks_embedded += len(missing)
                    # Written in the same thread: overlapping the writes with the next
                    # group's embedding measured no faster on two cores (torch uses both).
                    write(group, known)

        if compacting:
            with _progress("compacting", show_progress) as progress:
                task = progress.add_task("compacting", total=chunks_to_copy(plan))
                report.chunks_copied = copy_unchanged(live, store, plan, lambda n: progress.advance(task, n))
        for doc_id, files in plan.file_changes.items():
            if doc_id in plan.to_write or doc_id not in plan.records or files == plan.records[doc_id].files:
                continue
            if files:
                store.set_files(doc_id, files)
            else:
                if not compacting:  # a compaction did not copy it
                    store.delete_article(doc_id)  # its only file is gone, or now holds other text
                if doc_id in plan.lost_files:
                    report.pruned.append(plan.records[doc_id].path)
        if rebuild or compacting:
            live.switch_to(store)  # in one write: readers move to the new index, complete
    report.seconds = time.perf_counter() - started
    return report


def ingest_paths(
    settings: Settings,
    paths: Sequence[Path],
    *,
    store: CorpusStore | None = None,
    load_embedder: Callable[[], BaseEmbedding] | None = None,
    prune: bool = False,
    rebuild: bool = False,
    show_progress: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> IngestReport:
    """Ingest `paths` with the configured store and embedder: what the CLI and app call.

    With `rebuild`, a new index of `paths` and every file the store knew is built beside the
    old one and replaces it when complete (the way out after changing the embedder).
    """
    from rag.models import build_embedder, embedder_id

    return ingest(
        paths,
        store or CorpusStore.open(settings),
        settings,
        embedder_id(settings),
        load_embedder or (lambda: build_embedder(settings)),
        prune=prune,
        rebuild=rebuild,
        show_progress=show_progress,
        on_progress=on_progress,
        on_wait=on_wait,
    )
