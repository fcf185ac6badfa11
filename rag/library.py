"""Managing the corpus from the app: uploads (kept inside the storage folder), removals."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from rag.atomic_file import write_atomically
from rag.corpus import check_file, display_path, load_article
from rag.errors import ArticleError
from rag.ingest import IngestReport, ingest_lock, ingest_paths
from rag.records import shown_name
from rag.settings import Settings
from rag.store import CorpusStore

MAX_NAME = 120
# File systems limit a name to 255 bytes; this leaves room for "-999" and a suffix.
MAX_NAME_BYTES = 200
MAX_SUFFIX = 10


def uploads_dir(settings: Settings) -> Path:
    """Where uploaded articles are kept."""
    return settings.storage_dir / "uploads"


def safe_file_name(name: str) -> str:
    """A plain file name from whatever a browser sent: no folders, no leading dots, no oddities."""
    base = PurePosixPath(name.replace("\\", "/")).name
    base = unicodedata.normalize("NFKC", base).replace("\x00", "")
    base = re.sub(r"[^\w.\- ]", "_", base).strip(" .")
    stem, dot, suffix = base.rpartition(".")
    if not dot or len(suffix) > MAX_SUFFIX:  # "a.<300 letters>" has no real suffix
        stem, suffix = base, ""
    stem = stem[: MAX_NAME - len(suffix) - 1]
    while len(stem.encode("utf-8")) > MAX_NAME_BYTES - len(suffix) - 1:
        stem = stem[:-1]  # letters of other scripts take 2-4 bytes each
    stem = stem.strip(" .") or "upload"
    return f"{stem}.{suffix.lower()}" if suffix else stem


def save_upload(settings: Settings, name: str, data: bytes) -> Path:
    """Write an uploaded file into the uploads folder and return its path.

    A different file under the same name gets a numbered name; the same bytes reuse it.
    A file that cannot be an article (type, size, empty, binary, not UTF-8) is refused with
    ArticleError before anything is written.
    """
    clean = safe_file_name(name)
    check_upload(settings, clean, data)
    folder = uploads_dir(settings).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    stem, dot, suffix = clean.rpartition(".")
    if not dot:
        stem, suffix = clean, ""
    for attempt in range(1, 1000):
        candidate = clean if attempt == 1 else f"{stem}-{attempt}{'.' + suffix if suffix else ''}"
        path = folder / candidate
        if path.resolve().parent != folder:
            raise ArticleError(f"refused upload name {name!r}")
        if not path.exists():
            break
        if path.read_bytes() == data:
            return path
    else:
        raise ArticleError(f"too many uploads named {clean}")
    write_atomically(path, data, prefix=".upload-")  # a half-written upload is never seen under its name
    return path


def ingest_uploads(settings: Settings, saved: list[Path], **ingest_options: Any) -> IngestReport:
    """Ingest uploads written by save_upload; the ones ingest refuses are deleted again.

    A refused upload (a damaged PDF, say) is in no article's file list, so nothing else
    would ever remove it from the uploads folder.
    """
    report = ingest_paths(settings, saved, **ingest_options)
    refused = {shown for shown, _ in report.skipped}
    for path in saved:
        if display_path(path) in refused:
            path.unlink(missing_ok=True)
    return report


def check_upload(settings: Settings, name: str, data: bytes) -> None:
    """Raise ArticleError with the reason when `data` under `name` cannot be an article.

    The cheap checks run for every file; text files are read whole, since that costs little.
    PDF and HTML pages are read by the ingest that follows, which reports what it skips.
    """
    path = Path(name)
    check_file(path, data, settings.max_file_bytes)
    if path.suffix.lower() in (".txt", ".md", ".markdown"):
        load_article(path, data, settings.max_file_bytes)


def is_upload(settings: Settings, path: str) -> bool:
    """Whether `path` lives in the uploads folder (so removing its article may delete it)."""
    try:
        Path(path).resolve().relative_to(uploads_dir(settings).resolve())
    except ValueError:
        return False
    return True


def remove_article(
    settings: Settings, store: CorpusStore, doc_id: str, on_wait: Callable[[str], None] | None = None
) -> list[str]:
    """Remove an article from the index and delete its uploaded files.

    Returns the paths of its files that are not uploads and were left alone: ingesting
    their folder again brings the article back. Waits for a running ingest or rebuild (calling
    `on_wait` with a line to show first), and removes the article from the index that is live then.
    """
    with ingest_lock(settings, on_wait):
        store.follow()
        record = store.list_article(doc_id)
        store.delete_article(doc_id)
    kept = []
    for ref in record.files:
        if is_upload(settings, ref.abs_path):
            Path(ref.abs_path).unlink(missing_ok=True)
        else:
            kept.append(shown_name(ref.name, ref.path))
    return kept
