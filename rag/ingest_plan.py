"""What an ingest has to write, decided file by file: added, updated, renamed, duplicate, unchanged.

One article, several files: when files hold the same text, the article lists them all, in
path order, and its metadata (title, source, author, date) is that of the first listed.
The rule is applied again on every ingest and prune: when the first file goes (pruned,
renamed, or now holding other text), the next one's metadata replaces it, without
embedding anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rag.chunking import Chunk, chunk_article, chunker_signature
from rag.corpus import Article, display_path, file_digest, load_article, read_article_bytes, read_manifest
from rag.errors import ArticleError
from rag.records import ArticleRecord, FileRef
from rag.settings import Settings
from rag.walk import file_location, stored_file_problem

if TYPE_CHECKING:
    from rag.ingest import IngestReport
    from rag.store import CorpusStore


@dataclass
class PendingArticle:
    """An article this ingest writes: its text and metadata, its files, its chunks."""

    article: Article
    files: list[FileRef]
    chunks: list[Chunk]
    reuse_from: list[str] = field(default_factory=list)  # stored articles whose vectors may be reused
    source: str = ""  # the file (absolute) whose metadata `article` carries


class IngestPlan:
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
        self.to_write: dict[str, PendingArticle] = {}
        self.file_changes: dict[str, list[FileRef]] = {}  # doc_id -> its new list of files
        self._manifests: dict[Path, dict[str, dict[str, str]]] = {}
        self.considered: dict[str, str] = {}  # the files read in this run (absolute -> as shown)
        self.lost_files: set[str] = set()  # articles `prune` took files from

    def prune(self) -> None:
        """Drop the files that are gone (or that the link policy skips) from every article's list."""
        for doc_id, record in self.records.items():
            alive = [f for f in record.files if not stored_file_problem(f.abs_path, f.name)]
            if len(alive) != len(record.files):
                self.lost_files.add(doc_id)
                self._files_of(doc_id)[:] = alive
                for ref in record.files:
                    if ref not in alive:
                        self.listed_by[ref.abs_path] = [d for d in self.listed_by[ref.abs_path] if d != doc_id]

    def _files_of(self, doc_id: str) -> list[FileRef]:
        """The files of `doc_id` as this ingest will leave them (changed in place)."""
        if doc_id in self.to_write:
            return self.to_write[doc_id].files
        if doc_id not in self.file_changes:
            self.file_changes[doc_id] = list(self.records[doc_id].files) if doc_id in self.records else []
        return self.file_changes[doc_id]

    def _attach(self, doc_id: str, ref: FileRef) -> None:
        """Make `doc_id` the one article that lists the file `ref` (its files kept in path order)."""
        for other in self.listed_by.get(ref.abs_path, []):
            if other != doc_id:
                files = self._files_of(other)
                files[:] = [f for f in files if f.abs_path != ref.abs_path]
        self.listed_by[ref.abs_path] = [doc_id]
        files = self._files_of(doc_id)
        files[:] = sorted([f for f in files if f.abs_path != ref.abs_path] + [ref], key=lambda f: f.abs_path)

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
        return self.names.get(str(file_location(path)), path.name)

    def consider(self, path: Path, name: str) -> None:
        """Classify one file (shown as `name`) as unchanged, added, updated, renamed, duplicate or skipped.

        A file reached twice in one run (a folder and a file in it) counts once.
        """
        shown = display_path(path)
        abs_path = str(file_location(path))
        if abs_path in self.considered:
            return
        self.considered[abs_path] = shown
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
            if self._is_current(holder) and ref in self._files_of(holder) and not self._takes_over(holder, abs_path):
                self._attach(holder, ref)
                self.report.unchanged.append(shown)
                return
        article = self._load(path, shown, data, manifest)
        if article is None:
            return
        article.name = name
        doc_id = article.doc_id
        if doc_id in self.to_write or self._is_current(doc_id):
            # This text is stored (or about to be) already: one article, one more file.
            files = self._files_of(doc_id)
            # Its files are all gone: this one is their new name.
            renamed = (
                not holders and doc_id not in self.to_write and bool(files) and not any(self._alive(f) for f in files)
            )
            if renamed:
                files.clear()
            self._attach(doc_id, ref)
            first = self._files_of(doc_id)[0].abs_path == abs_path  # the file whose metadata counts
            pending = self.to_write.get(doc_id)
            rewritten = pending is None and first and self._stale(doc_id, article, abs_path)
            if pending is not None and first:
                pending.article, pending.source = article, abs_path
            if rewritten:
                # Only the metadata (or the file it comes from) changed: rewrite, reusing the vectors.
                self._rewrite(article, doc_id, abs_path)
                (self.report.renamed if renamed else self.report.updated).append(shown)
            elif doc_id in holders:
                self.report.unchanged.append(shown)  # the bytes changed, the text did not
            elif renamed:
                self.report.renamed.append(shown)
            elif holders:
                self.report.updated.append(shown)
            else:
                self.report.duplicates.append(shown)
            return
        stored = doc_id in self.records
        other_files = [f for f in self._files_of(doc_id) if f.abs_path != abs_path] if stored else []
        self.file_changes.pop(doc_id, None)
        chunks = chunk_article(article.text, self.settings.chunk_tokens, article.body_start, self.window)
        # Chunks whose text the old version of this file (or article) had keep their vectors.
        reuse = [d for d in [doc_id, *holders] if d in self.records]
        self.to_write[doc_id] = PendingArticle(article, other_files, chunks, reuse_from=reuse, source=abs_path)
        (self.report.updated if holders or stored else self.report.added).append(shown)
        self._attach(doc_id, ref)

    def _load(
        self, path: Path, shown: str, data: bytes, manifest: dict[str, str] | None, *, again: bool = False
    ) -> Article | None:
        """The article in `data`, its warnings reported (unless read `again`); None (and a skipped line) if none."""
        try:
            article = load_article(path, data, self.settings.max_file_bytes, manifest)
        except ArticleError as exc:
            if not again:
                self.report.skipped.append((shown, str(exc)))
            return None
        if not again:
            self.report.warnings += [(shown, warning) for warning in article.warnings]
        return article

    def _rewrite(self, article: Article, doc_id: str, source: str) -> None:
        """Write the stored article again with `article`'s metadata, read from `source` (vectors reused)."""
        chunks = chunk_article(article.text, self.settings.chunk_tokens, article.body_start, self.window)
        files = self._files_of(doc_id)
        self.file_changes.pop(doc_id, None)
        self.to_write[doc_id] = PendingArticle(article, files, chunks, reuse_from=[doc_id], source=source)

    def _stale(self, doc_id: str, article: Article, abs_path: str) -> bool:
        """Whether the stored article lacks `article`'s metadata, or took it from another file."""
        record = self.records[doc_id]
        stored_first = record.files[0].abs_path if record.files else ""
        return _metadata(article) != _metadata(record) or stored_first != abs_path

    @staticmethod
    def _alive(ref: FileRef) -> bool:
        return not stored_file_problem(ref.abs_path, ref.name)

    def _takes_over(self, doc_id: str, abs_path: str) -> bool:
        """Whether the file is now the article's first but its stored metadata came from another."""
        files, stored = self._files_of(doc_id), self.records[doc_id].files
        return bool(files) and files[0].abs_path == abs_path and (not stored or stored[0].abs_path != abs_path)

    def settle_metadata(self) -> None:
        """Give each article whose files changed the metadata of its first file, reading it if needed.

        Needed when the first file changed without its metadata being applied: the old first
        one was pruned or now holds other text, the new first one lies outside the paths
        ingested, or the files were put in path order (a store written before the rule).
        """
        for doc_id in list(self.file_changes) + list(self.to_write):
            files = self._files_of(doc_id)
            pending = self.to_write.get(doc_id)
            stored = self.records[doc_id].files if doc_id in self.records else []
            source = pending.source if pending is not None else (stored[0].abs_path if stored else "")
            if not files or files[0].abs_path == source:
                continue
            first = files[0]
            path = Path(first.abs_path)
            try:
                data = read_article_bytes(path, self.settings.max_file_bytes)
                manifest = self._manifest(path.parent).get(path.name)
            except (OSError, ArticleError):
                continue  # unreadable now: the metadata stays; the next ingest reading it settles it
            article = self._load(path, first.path, data, manifest, again=first.abs_path in self.considered)
            if article is None or article.doc_id != doc_id:
                continue  # its text changed meanwhile: the next ingest that reads it sorts it out
            article.name = first.name
            if pending is not None:
                pending.article, pending.source = article, first.abs_path
            else:  # its first file changed: the chunks name the new one
                self._rewrite(article, doc_id, first.abs_path)
                shown = self.considered.get(first.abs_path, first.path)
                if shown in self.report.unchanged:  # read in this run, but its metadata was not the article's
                    self.report.unchanged.remove(shown)
                self.report.updated.append(shown)


def _metadata(item: Article | ArticleRecord) -> tuple[str, str, str, str]:
    return (item.title, item.source, item.author, item.published)
