"""Reading article files: decode, extract main text, metadata, content-derived ids.

For .txt and .md files the stored text is the file decoded as UTF-8 with `\\r\\n` turned
into `\\n` and nothing else changed, so offsets into it point into the file.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml

from rag.errors import ArticleError, UsageError
from rag.walk import MANIFEST_NAME, file_location

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
# A BOM before the front matter is not part of the front matter's opening line.
_FRONT_MATTER = re.compile(r"\A\ufeff?---\n(.*?)\n---\n", re.DOTALL)
MIB = 1024 * 1024


@dataclass
class Article:
    """One article as stored: its text and what is known about it."""

    doc_id: str
    path: str
    title: str
    text: str
    body_start: int = 0
    source: str = ""
    author: str = ""
    published: str = ""  # ISO date (YYYY-MM-DD) when known
    format: str = "txt"
    name: str = ""  # the file name relative to the folder it was ingested from
    pages: list[int] = field(default_factory=list)  # for a PDF: the offset at which each page starts
    warnings: list[str] = field(default_factory=list)  # what was read but not understood (a date that is none)


def content_id(text: str) -> str:
    """A stable id derived from the article text: the same text always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def file_digest(data: bytes, manifest: dict[str, str] | None = None) -> str:
    """Digest of a file's bytes and its manifest entry: equal digests need no re-reading."""
    digest = hashlib.sha256(data)
    if manifest:
        digest.update(json.dumps(manifest, sort_keys=True).encode())
    return digest.hexdigest()


def display_path(path: Path) -> str:
    """The path as shown in citations: relative to the working directory when inside it.

    A link is shown as itself, not as its target (see `rag.walk` for the link policy).
    """
    resolved = file_location(path)
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """Per-file metadata from `manifest.json` beside the articles, keyed by file name.

    A `null` value means the field is absent (as if the key were not there); a BOM is ignored.
    """
    manifest = folder / MANIFEST_NAME
    if not manifest.is_file():
        return {}
    try:
        data = json.loads(manifest.read_text(encoding="utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ArticleError(f"{manifest}: not valid JSON ({exc}); fix or remove it") from exc
    if not isinstance(data, dict):
        raise ArticleError(f"{manifest}: expected an object keyed by file name")
    return {
        str(k): {str(a): str(b) for a, b in v.items() if b is not None} for k, v in data.items() if isinstance(v, dict)
    }


def too_large(size: int, max_bytes: int) -> str:
    """The reason a file of `size` bytes is refused, or '' if it is within the limit."""
    if size <= max_bytes:
        return ""
    # RAG_MAX_FILE_MB counts mebibytes (2^20 bytes): both sides are shown in that unit, with
    # as many decimals as it takes to tell them apart (or in bytes, when none do).
    for digits in (1, 2):
        shown, limit = f"{size / MIB:.{digits}f} MiB", f"{max_bytes / MIB:.{digits}f} MiB"
        if shown != limit:
            break
    else:
        shown, limit = f"{size:,} bytes", f"{max_bytes:,} bytes"
    return f"too large ({shown} > {limit}; raise RAG_MAX_FILE_MB to allow it)"


def read_article_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of `path`; ArticleError before reading a file over the size limit."""
    reason = too_large(path.stat().st_size, max_bytes)
    if reason:
        raise ArticleError(reason)
    return path.read_bytes()


def one_line(exc: BaseException, limit: int = 160) -> str:
    """An exception's message on one short line, for a reason shown to people."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Bytes that do not occur in text files apart from tab, newlines and form feed.
_CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13} | {127}


def check_file(path: Path, data: bytes, max_bytes: int) -> None:
    """Raise ArticleError with a one-line reason when `path` cannot be ingested."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        kinds = ", ".join(sorted({s.lstrip(".") for s in SUPPORTED_SUFFIXES}))
        raise ArticleError(f"unsupported file type '{suffix or path.name}' (supported: {kinds})")
    reason = too_large(len(data), max_bytes)
    if reason:
        raise ArticleError(reason)
    if not data.strip():
        raise ArticleError("empty file")
    if suffix != ".pdf":
        head = data[:8192]
        if b"\x00" in head:
            raise ArticleError("binary file (contains NUL bytes), not text")
        controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
        if controls * 20 > len(head):  # more than 5%: no article reads like that
            raise ArticleError(f"binary file ({controls * 100 // len(head)}% control characters), not text")


def _decode_utf8(data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from exc
    return text.replace("\r\n", "\n")


def _front_matter(text: str) -> tuple[dict[str, str], int]:
    """Metadata from a YAML front-matter block, and where the body starts after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, 0
    if not isinstance(data, dict):
        return {}, 0
    return {str(k).lower(): str(v) for k, v in data.items() if v is not None}, match.end()


# Wrapper elements that carry no text of their own. libxml2 (under trafilatura) stops at 256
# levels of nesting, and a page nested deeper loses its text; without these it is shallow.
_WRAPPER_TAGS = re.compile(rb"</?(?:div|span|section|article|main|font|center|b|i|em|strong)\b[^>]*>", re.IGNORECASE)


def _extract_html(data: bytes) -> tuple[str, dict[str, str]]:
    import trafilatura  # heavy import, needed for HTML only

    try:
        text = trafilatura.extract(data, output_format="txt", include_comments=False, favor_precision=True)
        if not (text and text.strip()) and data.count(b"<") > 250:  # maybe nested past the parser's limit
            flat = _WRAPPER_TAGS.sub(b" ", data)
            text = trafilatura.extract(flat, output_format="txt", include_comments=False, favor_precision=True)
        doc = trafilatura.extract_metadata(data) if text and text.strip() else None
    except Exception as exc:  # a parser meeting hostile markup: any failure means "unreadable"
        raise ArticleError(f"unreadable HTML ({one_line(exc)})") from exc
    if not text or not text.strip():
        raise ArticleError("no article text found in the HTML page")
    meta: dict[str, str] = {}
    if doc is not None:
        for key, attr in (("title", "title"), ("author", "author"), ("source", "sitename"), ("published", "date")):
            value = getattr(doc, attr, None)
            if value:
                meta[key] = str(value)
    return text.replace("\r\n", "\n"), meta


def _joined_pages(pages: list[str]) -> tuple[str, list[int]]:
    """The pages' texts joined by blank lines, and the offset at which each page starts.

    An empty page starts where the next one does, so the page of an offset is the number of
    page starts at or before it.
    """
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    for page in pages:
        cleaned = page.replace("\r\n", "\n").strip()
        if cleaned and parts:
            length += 2  # the blank line between pages
        starts.append(length)
        if cleaned:
            parts.append(cleaned)
            length += len(cleaned)
    return "\n\n".join(parts), starts


def _extract_pdf(data: bytes) -> tuple[str, dict[str, str], list[int]]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    # pypdf logs what it repairs ("EOF marker not found"); the reason below is the one shown.
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    locked = "the PDF is password-protected: save a copy without the password and add that"
    meta: dict[str, str] = {}
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):  # an empty user password opens many
            raise ArticleError(locked)
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
        if info is not None:
            if info.title:
                meta["title"] = str(info.title)
            if info.author:
                meta["author"] = str(info.author)
    except ArticleError:
        raise
    except (FileNotDecryptedError, DependencyError) as exc:  # DependencyError: AES needs `cryptography`
        raise ArticleError(locked) from exc
    except Exception as exc:  # pypdf on damaged files raises nearly anything
        raise ArticleError(f"unreadable PDF ({one_line(exc)})") from exc
    text, starts = _joined_pages(pages)
    if not text.strip():
        raise ArticleError("no extractable text in the PDF (scanned images need OCR first)")
    return text, meta, starts


# An ISO date, possibly followed by a time: "2023", "2023-03", "2023-03-05", "2023-03-05T10:00:00Z".
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ]\d.*)?")


def normalize_date(value: str) -> str:
    """An ISO date `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) from common spellings; '' if it is not a date.

    ISO forms are read as they are ("2023-13" is no date). Other forms ("31/12/2021",
    "March 5, 2023", "5 Mar 2023") are read by python-dateutil, numbers day first as most
    of the world writes them ("03/05/2023" is 3 May; "12/31/2021", whose 31 cannot be a
    month, is 31 December). A date must name its year; one without a day keeps its month
    only ("March 2023" is "2023-03").
    """
    value = value.strip()
    return iso_date(value) if _ISO_DATE.fullmatch(value) else _loose_date(value)


def iso_date(value: str) -> str:
    """`value` if it is an ISO date `YYYY-MM-DD`, `YYYY-MM` or `YYYY` that exists; else ''."""
    match = _ISO_DATE.fullmatch(value.strip())
    if not match:
        return ""
    year, month, day = match.groups()
    try:
        if day:
            return date(int(year), int(month), int(day)).isoformat()
        if month:
            return date(int(year), int(month), 1).isoformat()[:7]
    except ValueError:
        return ""
    return year


def _loose_date(value: str) -> str:
    from dateutil import parser

    if not re.search(r"\d", value):
        return ""
    # Parsed twice with different defaults: a field that differs between the two was not written.
    try:
        first = parser.parse(value, dayfirst=True, default=datetime(2000, 1, 1))
        second = parser.parse(value, dayfirst=True, default=datetime(2001, 2, 2))
    except Exception:  # ParserError (a ValueError), OverflowError, and whatever odd text provokes: no date
        return ""
    if first.year != second.year:
        return ""
    if first.month != second.month:
        return f"{first.year:04d}"
    if first.day != second.day:
        return f"{first.year:04d}-{first.month:02d}"
    return str(first.date().isoformat())


def parse_date(value: str, option: str = "") -> str:
    """`value` as an ISO date; '' for none; UsageError (naming `option`) if it is not one.

    Filters take ISO forms only, as their help says: "03/05/2023" is 3 May in a manifest
    (`normalize_date`) but would be a guess in a filter.
    """
    if not value.strip():
        return ""
    iso = iso_date(value)
    if not iso:
        named = f"{option} " if option else ""
        raise UsageError(f"{named}{value.strip()!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return iso


def derive_title(text: str, start: int = 0) -> str:
    """A title for an article that names none: its first line, shortened if long."""
    for line in text[start:].splitlines():
        line = line.strip().lstrip("\ufeff").strip().lstrip("#").strip()  # a BOM is no part of a title
        if line:
            if len(line) <= 120:
                return line
            cut = line[:120].rsplit(" ", 1)[0]
            return cut.rstrip(",;:") + "…"
    return "Untitled"


def load_article(path: Path, data: bytes, max_bytes: int, manifest: dict[str, str] | None = None) -> Article:
    """Turn one file's bytes into an Article, or raise ArticleError with the reason."""
    check_file(path, data, max_bytes)
    suffix = path.suffix.lower()
    meta: dict[str, str] = {}
    body_start = 0
    pages: list[int] = []
    if suffix in (".txt", ".md", ".markdown"):
        text = _decode_utf8(data)
        if suffix != ".txt":
            meta, body_start = _front_matter(text)
        fmt = "md" if suffix != ".txt" else "txt"
    elif suffix in (".html", ".htm"):
        text, meta = _extract_html(data)
        fmt = "html"
    else:
        text, meta, pages = _extract_pdf(data)
        fmt = "pdf"
    if not text[body_start:].strip():
        raise ArticleError("no text after the front matter")
    meta = {**meta, **(manifest or {})}
    written = meta.get("published", meta.get("date", "")).strip()
    published = normalize_date(written)
    warnings = []
    if written and not published:
        warnings.append(f"{written!r} is not a date; stored without one (write it as YYYY-MM-DD)")
    return Article(
        doc_id=content_id(text),
        path=display_path(path),
        title=meta.get("title", "").strip() or derive_title(text, body_start),
        text=text,
        body_start=body_start,
        source=meta.get("source", "").strip(),
        author=meta.get("author", "").strip(),
        published=published,
        format=fmt,
        name=path.name,
        pages=pages,
        warnings=warnings,
    )
