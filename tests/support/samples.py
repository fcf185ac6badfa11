"""Small article files of every supported kind, made on the spot."""

from __future__ import annotations


def make_pdf(lines: list[str], title: str = "", author: str = "") -> bytes:
    """A valid one-page PDF showing `lines` in Helvetica, with optional document info."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({esc(line)}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Title ({esc(title)}) /Author ({esc(author)}) >>",
    ]
    out = "%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out.encode("latin-1")))
        out += f"{number} 0 obj\n{body}\nendobj\n"
    xref = len(out.encode("latin-1"))
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("latin-1")


NEWS_HTML = """<!DOCTYPE html>
<html><head><title>Harbour budget doubles | The Coastal Times</title>
<meta name="author" content="Mara Lind">
<meta property="og:site_name" content="The Coastal Times">
<meta property="article:published_time" content="2024-03-05">
<script>window.tracker = "do not index me";</script></head>
<body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<article>
<h1>Harbour budget doubles</h1>
<p>The city council voted on Tuesday to double the harbour budget to 40 million euros, the mayor said.
The money will pay for new quays and a dredging programme that engineers have demanded for years.</p>
<p>Opposition councillors said the plan ignored the cost of maintaining the old piers, which they put at
12 million euros over a decade. The harbour master welcomed the vote and promised work would start in May.</p>
<p>Fishermen's associations were split: some praised the new quays, others feared the dredging would
disturb spawning grounds in the outer bay during the spring season.</p>
</article>
<footer>Subscribe to our newsletter. Cookie settings. All rights reserved.</footer>
</body></html>
"""
