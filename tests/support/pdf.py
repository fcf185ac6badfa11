"""Real multi-page PDFs for tests, written by WeasyPrint (the briefing exporter's PDF writer)."""

from __future__ import annotations

from html import escape
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

# A report whose third page alone says where the lighthouse was approved.
REPORT_PAGES = (
    "Annual report of the Port Elrond harbour authority. The winter was cold.",
    "Fishing catches rose by a tenth. The fish market moved to a new hall.",
    "The new lighthouse will stand on the northern breakwater. Work starts in May.",
)


def write_pdf(path: Path, pages: tuple[str, ...] = REPORT_PAGES, title: str = "Port Elrond annual report") -> Path:
    """Write `pages` as a PDF of that many pages; returns `path`."""
    from weasyprint import HTML

    body = "".join(f'<p style="break-after: page">{escape(text)}</p>' for text in pages[:-1])
    body += f"<p>{escape(pages[-1])}</p>"
    html = f"<html><head><title>{escape(title)}</title></head><body>{body}</body></html>"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(HTML(string=html).write_pdf()))
    assert len(PdfReader(path).pages) == len(pages)
    return path


def encrypted_pdf(user_password: str, data: bytes | None = None) -> bytes:
    """`data` (by default a one-page PDF) encrypted with pypdf (RC4: AES would need the `cryptography` package)."""
    from pypdf import PdfWriter

    from tests.support.samples import make_pdf

    source = data if data is not None else make_pdf(["The locked harbour report was approved."])
    writer = PdfWriter(clone_from=PdfReader(BytesIO(source)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_text(data: bytes) -> str:
    """The text of a PDF (an exported briefing, say)."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages)
