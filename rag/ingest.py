"""Ingest: files -> articles -> chunks -> vectors -> store. Idempotent and incremental.

Unchanged files are recognised by their digest and cost no extraction and no embedding.
The embedder is loaded only when something needs embedding. Each article is written
under the store's pending/complete protocol, so a crash leaves nothing half-stored.
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
from rag.chunking import Chunk, chunk_article, chunker_signature
from rag.corpus import (
    Article,
    display_path,
    file_digest,
    iter_article_files,
    load_article,
    read_article_bytes,
    read_manifest,
)
from rag.errors import ArticleError
from rag.records import ArticleRecord, FileRef
from rag.settings import Settings
from rag.store import CorpusStore

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding

# Articles are written in groups of about this many chunks: large enough to keep the
# embedder's batches full, small enough that a crash loses little work.
WRITE_GROUP_CHUNKS = 512


@dataclass
class IngestReport:
    """What an ingest did, for its closing line and for callers."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # same text as a stored article
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    pruned: list[str] = field(default_factory=list)
    recovered: list[str] = field(default_factory=list)
    chunks_written: int = 0
    chunks_embedded: int = 0  # the rest reused the vectors of identical stored chunks
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        """Whether any file could not be ingested."""
        return bool(self.skipped)

    def summary(self) -> str:
        """The closing line: articles added / updated / unchanged / skipped, chunks, time."""
        line = (
            f"articles: {len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.skipped)} skipped"
        )
        if self.duplicates:
            line += f", {len(self.duplicates)} duplicate"
        if self.pruned:
            line += f", {len(self.pruned)} pruned"
        if self.recovered:
            line += f", {len(self.recovered)} recovered from an interrupted ingest"
        reused = self.chunks_written - self.chunks_embedded
        chunks = f"{self.chunks_written} chunk{'' if self.chunks_written == 1 else 's'} written"
        written = chunks + (f" ({reused} reused their vectors)" if reused > 0 else "")
        return f"{line}; {written} in {self.seconds:.1f} s"


@dataclass
class _Pending:
    article: Article
    files: list[FileRef]
    chunks: list[Chunk]
    reuse_from: list[str] = field(default_factory=list)  # stored articles whose vectors may be reused


@contextmanager
def ingest_lock(settings: Settings) -> Iterator[None]:
    """One ingest at a time per storage folder."""
    settings.storage_dir.mkdir(parents=True, exist_ok=True)
    with open(settings.storage_dir / ".ingest.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class _Plan:
    """Decides, file by file, what an ingest has to write."""

    def __init__(self, store: CorpusStore, settings: Settings, report: IngestReport) -> None:
        self.settings = settings
        self.report = report
        from rag.models import chunk_window

        self.window = chunk_window(settings)
        self.chunker = chunker_signature(settings.chunk_tokens, self.window)
        self.records = {r.doc_id: r for r in store.list_articles()}
        # A file is listed by one article, except after a crash between writing its new
        # text and detaching it from the old one: then both list it until this run.
        self.listed_by: dict[str, list[str]] = {}
        self.names: dict[str, str] = {}  # a stored file's shown name, kept when the file is ingested alone
        for record in self.records.values():
            for ref in record.files:
                self.listed_by.setdefault(ref.abs_path, []).append(record.doc_id)
                if ref.name:
                    self.names[ref.abs_path] = ref.name
        self.to_write: dict[str, _Pending] = {}
        self.file_changes: dict[str, list[FileRef]] = {}  # doc_id -> its new list of files
        self._manifests: dict[Path, dict[str, dict[str, str]]] = {}

    def _files_of(self, doc_id: str) -> list[FileRef]:
        """The files of `doc_id` as this ingest will leave them (changed in place)."""
        if doc_id in self.to_write:
            return self.to_write[doc_id].files
        if doc_id not in self.file_changes:
            self.file_changes[doc_id] = list(self.records[doc_id].files) if doc_id in self.records else []
        return self.file_changes[doc_id]

    def _attach(self, doc_id: str, ref: FileRef) -> None:
        """Make `doc_id` the one article that lists the file `ref`."""
        for other in self.listed_by.get(ref.abs_path, []):
            if other != doc_id:
                files = self._files_of(other)
                files[:] = [f for f in files if f.abs_path != ref.abs_path]
        self.listed_by[ref.abs_path] = [doc_id]
        files = self._files_of(doc_id)
        at = next((i for i, f in enumerate(files) if f.abs_path == ref.abs_path), None)
        if at is None:
            files.append(ref)
        else:
            files[at] = ref

    def _manifest(self, folder: Path) -> dict[str, dict[str, str]]:
        if folder not in self._manifests:
            self._manifests[folder] = read_manifest(folder)
        return self._manifests[folder]

    def _is_current(self, doc_id: str) -> bool:
        record = self.records.get(doc_id)
        # A PDF stored before page starts were recorded is read again (its vectors are reused).
        return record is not None and record.chunker == self.chunker and (record.format != "pdf" or bool(record.pages))

    def shown_name(self, path: Path, root: Path) -> str:
        """How the file is named to people: relative to the folder ingested; a file given alone keeps its name."""
        if root.is_dir():
            return path.relative_to(root).as_posix()
        return self.names.get(str(path.resolve()), path.name)

    def consider(self, path: Path, name: str) -> None:
        """Classify one file (shown as `name`) as unchanged, added, updated, duplicate or skipped."""
        shown = display_path(path)
        abs_path = str(path.resolve())
        try:
            data = read_article_bytes(path, self.settings.max_file_bytes)  # a huge file is not read
            manifest = self._manifest(path.parent).get(path.name)
        except OSError as exc:
            self.report.skipped.append((shown, f"cannot read ({exc.strerror or exc})"))
            return
        except ArticleError as exc:
            self.report.skipped.append((shown, str(exc)))
            return
        # The digest covers the manifest entry too, so an edited title is noticed.
        ref = FileRef(path=shown, abs_path=abs_path, sha=file_digest(data, manifest), name=name)
        holders = self.listed_by.get(abs_path, [])
        for holder in holders:
            if self._is_current(holder) and ref in self._files_of(holder):
                self._attach(holder, ref)
                self.report.unchanged.append(shown)
                return
        try:
            article = load_article(path, data, self.settings.max_file_bytes, manifest)
        except ArticleError as exc:
            self.report.skipped.append((shown, str(exc)))
            return
        article.name = name
        doc_id = article.doc_id
        if doc_id in self.to_write or self._is_current(doc_id):
            # This text is stored (or about to be) already: one article, one more file.
            files = self._files_of(doc_id)
            primary = not files or files[0].abs_path == abs_path  # the file whose metadata counts
            if doc_id not in self.to_write and primary and _metadata(article) != _metadata(self.records[doc_id]):
                # Only the metadata changed: rewrite the article, reusing its vectors.
                chunks = chunk_article(article.text, self.settings.chunk_tokens, article.body_start, self.window)
                files = [f for f in self._files_of(doc_id) if f.abs_path != abs_path]
                self.file_changes.pop(doc_id, None)
                self.to_write[doc_id] = _Pending(article, [ref, *files], chunks, reuse_from=[doc_id])
                self.report.updated.append(shown)
            elif doc_id in holders:
                self.report.unchanged.append(shown)  # the bytes changed, the text did not
            elif holders:
                self.report.updated.append(shown)
            else:
                self.report.duplicates.append(shown)
            self._attach(doc_id, ref)
            return
        stored = doc_id in self.records
        other_files = [f for f in self._files_of(doc_id) if f.abs_path != abs_path] if stored else []
        self.file_changes.pop(doc_id, None)
        chunks = chunk_article(article.text, self.settings.chunk_tokens, article.body_start, self.window)
        # Chunks whose text the old version of this file (or article) had keep their vectors.
        reuse = [d for d in [doc_id, *holders] if d in self.records]
        self.to_write[doc_id] = _Pending(article, other_files, chunks, reuse_from=reuse)
        (self.report.updated if holders or stored else self.report.added).append(shown)
        self._attach(doc_id, ref)


def _metadata(item: Article | ArticleRecord) -> tuple[str, str, str, str]:
    return (item.title, item.source, item.author, item.published)


def _groups(pending: Sequence[_Pending], size: int) -> Iterator[list[_Pending]]:
    group: list[_Pending] = []
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


def ingest(
    paths: Iterable[Path],
    store: CorpusStore,
    settings: Settings,
    embedder_id: str,
    load_embedder: Callable[[], BaseEmbedding],
    *,
    prune: bool = False,
    show_progress: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    known_names: dict[str, str] | None = None,
) -> IngestReport:
    """Bring the store in line with the files under `paths`.

    Args:
        paths: files and folders to ingest.
        store: the store to write to.
        settings: chunk size, file size limit, batch size.
        embedder_id: the embedder's name, checked against the one the index was built with.
        load_embedder: called at most once, and only when a chunk needs embedding.
        prune: also remove articles whose files are all gone.
        show_progress: draw a progress bar while embedding.
        on_progress: called with (chunks done, chunks to do) as the work advances.
        known_names: shown names of files (by absolute path) to keep when a file is given alone (a rebuild).
    """
    started = time.perf_counter()
    report = IngestReport()
    with ingest_lock(settings):
        store.check_embedder(embedder_id)
        report.recovered = store.recover()
        plan = _Plan(store, settings, report)
        plan.names = {**(known_names or {}), **plan.names}
        for root in paths:
            if not root.exists():
                report.skipped.append((str(root), "no such file or directory"))
                continue
            for path in iter_article_files([root]):
                plan.consider(path, plan.shown_name(path, root))

        pending = list(plan.to_write.values())
        if pending:
            store.claim_embedder(embedder_id)
            embedder: BaseEmbedding | None = None
            total = sum(len(p.chunks) for p in pending)
            with Progress(
                TextColumn("embedding"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                disable=not show_progress,
                transient=True,
            ) as progress:
                task = progress.add_task("embedding", total=total)
                done = 0

                def advance(n: int) -> None:
                    nonlocal done
                    done += n
                    progress.advance(task, n)
                    if on_progress:
                        on_progress(done, total)

                def write(group: list[_Pending], vectors: dict[str, list[float]]) -> None:
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

                for group in _groups(pending, WRITE_GROUP_CHUNKS):
                    known = store.vectors_by_text([d for item in group for d in item.reuse_from])
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

        for doc_id, files in plan.file_changes.items():
            if doc_id in plan.to_write or doc_id not in plan.records or files == plan.records[doc_id].files:
                continue
            if files:
                store.set_files(doc_id, files)
            else:
                store.delete_article(doc_id)  # its only file now holds other text
        if prune:
            report.pruned = prune_missing(store)
    report.seconds = time.perf_counter() - started
    return report


def prune_missing(store: CorpusStore) -> list[str]:
    """Remove articles whose files no longer exist; returns their paths."""
    pruned: list[str] = []
    for record in store.list_articles():
        alive = [f for f in record.files if Path(f.abs_path).exists()]
        if not alive:
            store.delete_article(record.doc_id)
            pruned.append(record.path)
        elif len(alive) != len(record.files):
            store.set_files(record.doc_id, alive)
    return pruned


def known_paths(records: Iterable[ArticleRecord]) -> list[Path]:
    """The files behind stored articles that still exist, for a rebuild."""
    return [Path(f.abs_path) for r in records for f in r.files if Path(f.abs_path).exists()]


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
) -> IngestReport:
    """Ingest `paths` with the configured store and embedder: what the CLI and app call.

    With `rebuild`, the index is dropped first and every file it knew is ingested again
    together with `paths` (the way out after changing the embedder).
    """
    from rag.models import build_embedder, embedder_id

    store = store or CorpusStore.open(settings)
    targets = list(paths)
    names: dict[str, str] = {}
    if rebuild:
        seen = {p.resolve() for p in targets}
        known = store.list_articles(include_pending=True)
        names = {f.abs_path: f.name for r in known for f in r.files if f.name}
        targets += [p for p in known_paths(known) if p.resolve() not in seen]
        store.reset()
    return ingest(
        targets,
        store,
        settings,
        embedder_id(settings),
        load_embedder or (lambda: build_embedder(settings)),
        prune=prune,
        show_progress=show_progress,
        on_progress=on_progress,
        known_names=names,
    )
