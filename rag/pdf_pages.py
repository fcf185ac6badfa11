"""A page of an original PDF as a PNG image, so the app can show the page a quote is on.

PDFium (bundled in the pypdfium2 wheel, no network) draws the page. PDFium is not thread-safe
and Streamlit runs each session in a thread, so every call into it holds one lock. A page
drawn once is kept (keyed by the file's path, size and modification time, the page and the
width), so a rerun of the app shows it without drawing it again.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rag.errors import CorpusChatError
from rag.records import ArticleRecord

WIDTH = 1000  # pixels across the drawn page: sharp when shown at 600-700 CSS pixels
MAX_HEIGHT = 3 * WIDTH  # a very tall page (a long strip) is drawn smaller rather than huge
CACHED_PAGES = 48  # about 100-300 KB each

_PDFIUM = threading.Lock()


class PdfPageError(CorpusChatError):
    """A page of a PDF cannot be drawn: the file is unreadable or locked, or has no such page."""


@dataclass(frozen=True)
class PageImage:
    """One drawn page: the PNG, which page of how many, and the image's size in pixels."""

    png: bytes
    page: int  # 1-based
    pages: int  # pages in the PDF
    width: int
    height: int


def render_page(data: bytes, page: int, width: int = WIDTH) -> PageImage:
    """Page `page` (1-based) of the PDF `data` as a PNG `width` pixels wide.

    Raises PdfPageError, in one line, for bytes that are no PDF, a password-protected PDF, or
    a page the PDF does not have.
    """
    import pypdfium2 as pdfium

    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
                raise PdfPageError("the PDF is password-protected, so its pages cannot be shown") from None
            raise PdfPageError(f"the file cannot be read as a PDF ({_reason(exc)})") from None
        try:
            pages = len(document)
            if not 1 <= page <= pages:
                raise PdfPageError(f"page {page} is out of range: the PDF has {pages} page{'' if pages == 1 else 's'}")
            pdf_page = document[page - 1]
            try:
                page_width, page_height = pdf_page.get_size()
                if page_width <= 0 or page_height <= 0:
                    raise PdfPageError(f"page {page} of the PDF has no size")
                scale = min(width / page_width, MAX_HEIGHT / page_height)
                bitmap = pdf_page.render(scale=scale)
                try:
                    image = bitmap.to_pil()
                finally:
                    bitmap.close()
            except pdfium.PdfiumError as exc:
                raise PdfPageError(f"page {page} of the PDF cannot be drawn ({_reason(exc)})") from None
            finally:
                pdf_page.close()
        finally:
            document.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return PageImage(png=out.getvalue(), page=page, pages=pages, width=image.width, height=image.height)


def _reason(exc: Exception) -> str:
    """PDFium's reason in a few words ("data format error"), or its message in one line."""
    import pypdfium2.internal as pdfium_internal

    named = pdfium_internal.ErrorToStr.get(getattr(exc, "err_code", None))
    return (named or " ".join(str(exc).split()).rstrip(".") or type(exc).__name__).lower()


def original_pdf(record: ArticleRecord) -> Path | None:
    """The first of the article's files that is still on the server, or None."""
    return next((Path(f.abs_path) for f in record.files if Path(f.abs_path).is_file()), None)


def page_image(path: Path, page: int, width: int = WIDTH) -> PageImage:
    """Page `page` of the PDF file at `path`, drawn once per version of the file (see `render_page`)."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise PdfPageError(f"the original PDF cannot be opened ({exc.strerror or type(exc).__name__})") from None
    return _cached_page(str(path), stat.st_size, stat.st_mtime_ns, page, width)


@lru_cache(maxsize=CACHED_PAGES)
def _cached_page(path: str, size: int, mtime_ns: int, page: int, width: int) -> PageImage:
    """The drawn page of one version of a file (size and mtime are part of the key; errors are not kept)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise PdfPageError(f"the original PDF cannot be opened ({exc.strerror or type(exc).__name__})") from None
    return render_page(data, page, width)
