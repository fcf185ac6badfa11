"""Comparisons and briefings as Markdown, HTML and PDF, with numbered footnotes."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from rag.answer import AnswerSentence
from rag.lexicon import fold
from rag.render import UNSUPPORTED, cited_title, footnote

if TYPE_CHECKING:
    from rag.briefing import Briefing
    from rag.compare import Comparison
    from rag.records import Evidence

CSS = """
body { font-family: "DejaVu Serif", Georgia, serif; max-width: 46em; margin: 2em auto; line-height: 1.5; color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ddd; }
.label { font-weight: bold; } .note { color: #555; font-style: italic; }
.unsupported { background: #fff3cd; } sup a { text-decoration: none; }
ol.footnotes { font-size: 0.85em; color: #333; } ol.footnotes li { margin-bottom: 0.4em; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #ccc; padding: 0.4em; vertical-align: top; }
"""


FILE_NAME_WORDS = 60  # characters of the topic a download's file name keeps


def file_name(kind: str, topic: str, extension: str) -> str:
    """A download's file name that says what it holds: "briefing-the-openai-leadership-crisis.md", not
    "briefing.md" each time (a second download would overwrite the first)."""
    words = re.findall(r"[a-z0-9]+", fold(topic))
    slug = "-".join(words)[:FILE_NAME_WORDS].rstrip("-")
    return f"{kind}-{slug}.{extension}" if slug else f"{kind}.{extension}"


def briefing_markdown(b: Briefing, credits: Mapping[str, str] | None = None) -> str:
    """The briefing as Markdown; [^n] footnotes hold each quote and where it is."""
    out = [f"# {b.title}", "", f"*{b.mode} briefing; every sentence cites the passage it rests on.*", ""]
    for section in b.sections:
        out += [f"## {section.heading}", ""]
        for line in section.lines:
            marks = "".join(f"[^{b.n(e)}]" for e in line.evidence)
            label = f"**{line.label}:** " if line.label else ""
            flag = f" *({UNSUPPORTED})*" if not line.supported else ""
            out.append(f"- {label}{line.text}{marks}{flag}")
        out += [f"- *{note}*" for note in section.notes]
        out.append("")
    out += ["## Sources", ""] + [footnote(c.n, c, credits) for c in b.numbering.citations]
    return "\n".join(out).strip() + "\n"


def briefing_html(b: Briefing, credits: Mapping[str, str] | None = None) -> str:
    """The briefing as a self-contained HTML page; all text is escaped."""
    head = f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(b.title)}</title>"
    return f"{head}<style>{CSS}</style></head><body>{briefing_fragment(b, credits)}</body></html>"


def briefing_fragment(b: Briefing, credits: Mapping[str, str] | None = None) -> str:
    """The briefing's body, without page or styles (the app styles it for its theme); all text is escaped."""
    e = html.escape
    parts = [
        f"<h1>{e(b.title)}</h1>",
        f"<p class='note'>{e(b.mode)} briefing; every sentence cites the passage it rests on.</p>",
    ]
    for section in b.sections:
        parts.append(f"<h2>{e(section.heading)}</h2><ul>")
        for line in section.lines:
            marks = "".join(f"<sup><a href='#fn{b.n(x)}'>[{b.n(x)}]</a></sup>" for x in line.evidence)
            label = f"<span class='label'>{e(line.label)}:</span> " if line.label else ""
            text = e(line.text) if line.supported else f"<span class='unsupported'>{e(line.text)}</span> {UNSUPPORTED}"
            parts.append(f"<li>{label}{text}{marks}</li>")
        parts += [f"<li class='note'>{e(note)}</li>" for note in section.notes]
        parts.append("</ul>")
    parts.append("<h2>Sources</h2><ol class='footnotes'>")
    for c in b.numbering.citations:
        where = f"<code>{e(c.where)}</code> [{c.start_char}:{c.end_char}]"
        parts.append(f"<li id='fn{c.n}'>“{e(c.quote)}” — {e(cited_title(c, credits))}, {where}</li>")
    parts.append("</ol>")
    return "\n".join(parts)


def briefing_pdf(b: Briefing, credits: Mapping[str, str] | None = None) -> bytes:
    """The briefing as PDF, rendered from its HTML by WeasyPrint."""
    from weasyprint import HTML

    return bytes(HTML(string=briefing_html(b, credits)).write_pdf())


def comparison_markdown(c: Comparison, credits: Mapping[str, str] | None = None) -> str:
    """The viewpoint matrix and the contrasts as Markdown, with footnotes."""
    out = [f"# {c.topic}: by {c.by}", "", f"| {c.by} | what it says on the topic |", "|---|---|"]
    for cell in c.cells:
        label = cell.group.label + (f" ({cell.group.detail})" if cell.group.detail else "")
        if cell.sentences:
            said = " ".join(
                text.replace("|", "\\|")
                + "".join(f"[^{c.n(e)}]" for e in evidence)
                + ("" if ok else f" ({UNSUPPORTED})")
                for text, evidence, ok in cell.sentences
            )
        else:
            said = "*nothing found*"
        out.append(f"| {label.replace('|', '/')} | {said.replace(chr(10), ' ')} |")
    for heading, contrasts in c.contrast_sections():
        out += ["", f"## {heading}", ""]
        if not contrasts:
            out.append("*none found*")
        for contrast in contrasts:
            sides = "; ".join(f"{group}: {figure or 'says'}[^{c.n(e)}]" for group, e, figure in contrast.sides)
            out.append(f"- **{contrast.what}** — {sides}")
    if c.unmentioned:
        out += ["", "*The corpus does not mention " + ", ".join(f"“{t}”" for t in c.unmentioned) + ".*"]
    if c.left_out_note:
        out += ["", f"*{c.left_out_note}*"]
    out += ["", "## Sources", ""] + [footnote(x.n, x, credits) for x in c.numbering.citations]
    return "\n".join(out).strip() + "\n"


def comparison_plain(c: Comparison) -> str:
    """The comparison as plain text with [n] markers, numbered as its citations are."""

    def cited(text: str, evidence: list[Evidence], ok: bool = True) -> str:
        return text + "".join(f" [{c.n(e)}]" for e in evidence) + ("" if ok else f" ({UNSUPPORTED})")

    out = [f"What each {c.by} says about “{c.topic}”:"]
    for cell in c.cells:
        said = " ".join(cited(*s) for s in cell.sentences) or "nothing found."
        out.append(f"- {cell.group.name}: {said}")  # two sources not given are told apart by their titles
    for heading, contrasts in c.contrast_sections():
        if contrasts:
            out.append(f"{heading}:")
            for contrast in contrasts:
                sides = "; ".join(f"{group}: {figure or 'says so'} [{c.n(e)}]" for group, e, figure in contrast.sides)
                out.append(f"- {contrast.what}: {sides}")
    if c.left_out_note:
        out.append(c.left_out_note)
    return "\n".join(out)


def briefing_plain(b: Briefing) -> str:
    """The briefing as plain text with [n] markers, numbered as its citations are."""
    out = [b.title]
    for section in b.sections:
        out.append(f"{section.heading}:")
        for line in section.lines:
            label = f"{line.label}: " if line.label else ""
            flag = "" if line.supported else f" ({UNSUPPORTED})"
            out.append(f"- {label}{line.text}" + "".join(f" [{b.n(e)}]" for e in line.evidence) + flag)
        out += [f"- {note}" for note in section.notes]
    return "\n".join(out)


def report_sentences(report: Comparison | Briefing) -> list[AnswerSentence]:
    """The report's verbatim cited sentences, in reading order, numbered as its citations are."""
    return [
        AnswerSentence(text, [report.n(e) for e in evidence], ok) for text, evidence, ok in report.cited() if evidence
    ]
