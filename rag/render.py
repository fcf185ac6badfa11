"""Answers as text for the terminal and as Markdown for export: the same Answer object."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import partial

from rag.answer import Answer, Citation
from rag.records import ArticleRecord

UNSUPPORTED = "⚠ unsupported"


def credits_of(records: Iterable[ArticleRecord]) -> dict[str, str]:
    """Per article, what a reader cites it by besides its title: outlet, author and date, as far as the store
    knows them ("TechCrunch, Kyle Wiggers, 2023-11-18")."""
    credits = {r.doc_id: ", ".join(part for part in (r.source, r.author, r.published) if part) for r in records}
    return {doc_id: credit for doc_id, credit in credits.items() if credit}


def cited_title(c: Citation, credits: Mapping[str, str] | None = None) -> str:
    """A citation's article title, with its outlet, author and date when they are known."""
    credit = (credits or {}).get(c.doc_id, "")
    return f"{c.title} ({credit})" if credit else c.title


def footnote(number: int, c: Citation, credits: Mapping[str, str] | None = None) -> str:
    """One Markdown footnote: the quote, the article (title, outlet, author, date), its file (and page), offsets."""
    quote = c.quote.replace("\n", " ")
    return f"[^{number}]: “{quote}” — {cited_title(c, credits)}, `{c.where}` [{c.start_char}:{c.end_char}]"


def answer_text(answer: Answer) -> str:
    """The answer with unsupported sentences flagged inline (a comparison or briefing as laid out)."""
    if not answer.sentences or answer.report is not None:
        return answer.text
    parts = []
    for sentence in answer.sentences:
        markers = "".join(f" [{n}]" for n in sentence.citations)
        flag = "" if sentence.supported else f" ({UNSUPPORTED})"
        parts.append(f"{sentence.text}{markers}{flag}")
    return " ".join(parts)


def render_terminal(answer: Answer, verbose: bool = False) -> str:
    """The answer and its sources, for `python -m rag ask`."""
    lines = [f"Q: {answer.question}"]
    if answer.standalone_question and answer.standalone_question != answer.question:
        lines.append(f"   (understood as: {answer.standalone_question})")
    if answer.error:
        lines.append(f"error: {answer.error}")
        return "\n".join(lines)
    lines.append("")
    lines.append(answer_text(answer))
    if answer.abstained:
        lines.append("(no answer in the corpus)")
    if answer.citations:
        lines.append("")
        lines.append("Sources:")
        for c in answer.citations:
            flag = "" if c.supported else f"  {UNSUPPORTED}"
            lines.append(f"[{c.n}] {c.title} — {c.where} [{c.start_char}:{c.end_char}]{flag}")
            lines.append(f"    “{c.quote}”")
    if answer.dropped_citations:
        lines.append(f"(dropped citation numbers that matched no source: {answer.dropped_citations})")
    if verbose:
        lines.append("")
        lines.append("Retrieved passages:")
        for i, p in enumerate(answer.passages, start=1):
            ranks = ", ".join(f"{k} #{v}" for k, v in sorted(p.ranks.items()))
            lines.append(f"  {i}. {p.title} [{p.start_char}:{p.end_char}] score {p.score:.4f} ({ranks})")
        for message in answer.prompt:
            lines.append(f"--- prompt: {message['role']} ---")
            lines.append(message["content"])
    timings = ", ".join(f"{k} {v:.0f} ms" for k, v in answer.timings_ms.items())
    lines.append(f"({answer.mode}; {timings})")
    return "\n".join(lines)


def _footnote(numbers: dict[int, int], marker: re.Match[str]) -> str:
    return f"[^{numbers.get(int(marker[1]), marker[1])}]"


def render_markdown(answers: list[Answer], credits: Mapping[str, str] | None = None) -> str:
    """Answers as Markdown with numbered footnotes: quote, title (outlet, author, date: `credits`), path, offsets."""
    out: list[str] = []
    last = 0  # footnotes run on across the answers
    for answer in answers:
        out.append(f"## {answer.question}\n")
        numbers: dict[int, int] = {}
        for c in answer.citations:
            last += 1
            numbers[c.n] = last
        body = []
        if answer.report is not None:  # a comparison or a briefing: its own layout, footnoted
            body = [re.sub(r" ?\[(\d+)\]", partial(_footnote, numbers), answer.text)]
        for sentence in [] if answer.report is not None else answer.sentences:
            marks = "".join(f"[^{numbers[n]}]" for n in sentence.citations if n in numbers)
            flag = "" if sentence.supported else f" *({UNSUPPORTED})*"
            body.append(f"{sentence.text}{marks}{flag}")
        out.append((" ".join(body) if body else answer.text) + "\n")
        out += [footnote(numbers[c.n], c, credits) for c in answer.citations]
        out.append("")
    return "\n".join(out).strip() + "\n"
