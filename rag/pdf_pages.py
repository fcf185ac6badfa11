"""A page of an original PDF as a PNG image, so the app can show the page a quote is on.

PDFium (bundled in the pypdfium2 wheel, no network) draws the page. PDFium is not thread-safe
and Streamlit runs each session in a thread, so every call into it holds one lock. A page
drawn once is kept (keyed by the file's path, size and modification time, the page, the width
and the quote), so a rerun of the app shows it without drawing it again.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rag.errors import CorpusChatError
from rag.records import ArticleRecord

WIDTH = 1000  # pixels across the drawn page: sharp when shown at 600-700 CSS pixels
MAX_HEIGHT = 3 * WIDTH  # a very tall page (a long strip) is drawn smaller rather than huge
HIGHLIGHT = (255, 222, 89)  # the quote's band on the page
CACHED_PAGES = 48  # PNGs of tens to a few hundred KB each

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
    marked: bool = False  # the quote asked for is marked on the page


def render_page(data: bytes, page: int, width: int = WIDTH, quote: str = "") -> PageImage:
    """Page `page` (1-based) of the PDF `data` as a PNG `width` pixels wide, `quote` marked on it.

    The quote is marked where the page's own text holds it (compared without spaces, line breaks
    and case, as the stored text and PDFium's may break lines differently); not found, or on a
    rotated page, the page is drawn unmarked and `marked` is False.

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
                boxes = _quote_boxes(pdf_page, quote) if quote.strip() and pdf_page.get_rotation() == 0 else []
            except pdfium.PdfiumError as exc:
                raise PdfPageError(f"page {page} of the PDF cannot be drawn ({_reason(exc)})") from None
            finally:
                pdf_page.close()
        finally:
            document.close()
    if boxes:
        image = _mark(image, boxes, scale)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return PageImage(
        png=out.getvalue(), page=page, pages=pages, width=image.width, height=image.height, marked=bool(boxes)
    )


Box = tuple[float, float, float, float]  # left, top, right, bottom in PDF units from the page's top left


def _quote_boxes(pdf_page: Any, quote: str) -> list[Box]:
    """The boxes of the quote's text on the page, or [] when the page's text does not hold it."""
    import pypdfium2 as pdfium

    textpage = pdf_page.get_textpage()
    try:
        indices: list[int] = []
        letters: list[str] = []
        for index in range(textpage.count_chars()):
            letter = chr(pdfium.raw.FPDFText_GetUnicode(textpage.raw, index) or 32).casefold()
            if not letter.isspace() and letter.isprintable():
                letters.append(letter)
                indices.append(index)
        wanted = "".join(ch.casefold() for ch in quote if not ch.isspace())
        found = "".join(letters).find(wanted)
        if not wanted or found < 0:
            return []
        first, last = indices[found], indices[found + len(wanted) - 1]
        left, _, _, top = pdf_page.get_cropbox()
        boxes = []
        for n in range(textpage.count_rects(first, last - first + 1)):
            x0, y0, x1, y1 = textpage.get_rect(n)
            boxes.append((x0 - left, top - y1, x1 - left, top - y0))
        return boxes
    finally:
        textpage.close()


def _mark(image: Any, boxes: list[Box], scale: float) -> Any:
    """`image` with a yellow band over each box, multiplied in like a highlighter: the text stays black."""
    from PIL import Image, ImageChops, ImageDraw

    layer = Image.new("RGB", image.size, (255, 255, 255))
    draw = ImageDraw.Draw(layer)
    pad = 2
    for x0, y0, x1, y1 in boxes:
        draw.rectangle((x0 * scale - pad, y0 * scale - pad, x1 * scale + pad, y1 * scale + pad), fill=HIGHLIGHT)
    return ImageChops.multiply(image.convert("RGB"), layer)


def _reason(exc: Exception) -> str:
    """PDFium's reason in a few words ("data format error"), or its message in one line."""
    import pypdfium2.internal as pdfium_internal

    named = pdfium_internal.ErrorToStr.get(getattr(exc, "err_code", None))
    return (named or " ".join(str(exc).split()).rstrip(".") or type(exc).__name__).lower()


def original_pdf(record: ArticleRecord) -> Path | None:
    """The first of the article's files that is still on the server, or None."""
    return next((Path(f.abs_path) for f in record.files if Path(f.abs_path).is_file()), None)


def page_image(path: Path, page: int, width: int = WIDTH, quote: str = "") -> PageImage:
    """Page `page` of the PDF file at `path`, `quote` marked, drawn once per version of the file (see `render_page`)."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise PdfPageError(f"the original PDF cannot be opened ({exc.strerror or type(exc).__name__})") from None
    return _cached_page(str(path), stat.st_size, stat.st_mtime_ns, page, width, quote)


@lru_cache(maxsize=CACHED_PAGES)
def _cached_page(path: str, size: int, mtime_ns: int, page: int, width: int, quote: str) -> PageImage:
    """The drawn page of one version of a file (size and mtime are part of the key; errors are not kept)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise PdfPageError(f"the original PDF cannot be opened ({exc.strerror or type(exc).__name__})") from None
    return render_page(data, page, width, quote)
