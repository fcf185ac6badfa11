"""The eval harness: retrieval, citation and answer quality on a JSONL question set.

Metrics:
- retrieval recall@k and MRR against the gold passages (a passage hits a gold item when
  its span contains the gold text's position in the article);
- citation validity: share of citations whose quote is verbatim at its offsets;
- citation support recall and precision in the manner of ALCE (Gao et al. 2023), judged
  by the project's support judge (rag/support.py);
- must-mention hit rate, abstention accuracy (unanswerable questions) and false
  abstentions (answerable ones), and latency per question.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rag.answer import Answer
from rag.assistant import Assistant
from rag.errors import UsageError
from rag.records import Passage
from rag.support import SupportJudge


@dataclass
class EvalQuestion:
    """One line of the eval set."""

    id: str
    type: str
    question: str
    gold: list[tuple[str, str]] = field(default_factory=list)  # (article file name, exact substring)
    must: list[str] = field(default_factory=list)
    needs_both_docs: bool = False

    @property
    def answerable(self) -> bool:
        """Unanswerable questions have no gold passage."""
        return self.type != "unanswerable" and bool(self.gold)


def load_eval_set(path: Path) -> list[EvalQuestion]:
    """Read a JSONL eval set; a malformed line is a one-line error naming it."""
    questions = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"cannot read the eval set {path}: {exc.strerror}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            questions.append(
                EvalQuestion(
                    id=str(data["id"]),
                    type=str(data.get("type", "factoid")),
                    question=str(data["question"]),
                    gold=[(str(a), str(b)) for a, b in data.get("gold", [])],
                    must=[str(m) for m in data.get("must", [])],
                    needs_both_docs=bool(data.get("needs_both_docs", False)),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise UsageError(f"{path}:{number}: not a valid eval question ({exc})") from exc
    return questions


@dataclass
class QuestionResult:
    """What happened on one eval question."""

    id: str
    type: str
    question: str
    answer: str
    abstained: bool
    answerable: bool
    gold_ranks: list[int | None]  # 1-based rank of the first passage holding each gold item
    citations: int
    valid_citations: int
    sentences: int
    supported_sentences: int
    precise_citations: int
    citation_uses: int  # [n] markers over the answer's sentences (a source cited twice counts twice)
    must_hit: int
    must_total: int
    latency_ms: float
    cited_articles: int
    needs_both_docs: bool

    def recall_at(self, k: int) -> float:
        """Share of gold items found in the first `k` passages."""
        if not self.gold_ranks:
            return 0.0
        return sum(1 for r in self.gold_ranks if r is not None and r <= k) / len(self.gold_ranks)

    @property
    def reciprocal_rank(self) -> float:
        """1 / rank of the first passage holding any gold item."""
        found = [r for r in self.gold_ranks if r is not None]
        return 1.0 / min(found) if found else 0.0


def gold_spans(question: EvalQuestion, assistant: Assistant) -> list[tuple[str, int, int] | None]:
    """Where each gold substring sits: (doc_id, start, end), None when not in the corpus."""
    by_name = {Path(f.path).name: r.doc_id for r in assistant.articles() for f in r.files}
    spans: list[tuple[str, int, int] | None] = []
    for name, text in question.gold:
        doc_id = by_name.get(name)
        start = assistant.article_text(doc_id).find(text) if doc_id else -1
        spans.append((doc_id, start, start + len(text)) if doc_id and start >= 0 else None)
    return spans


def gold_rank(span: tuple[str, int, int] | None, passages: Sequence[Passage]) -> int | None:
    """1-based rank of the first passage that contains the gold span."""
    if span is None:
        return None
    doc_id, start, end = span
    for rank, p in enumerate((p for p in passages if not p.beside), start=1):  # found, not read beside
        if p.doc_id == doc_id and p.start_char <= start and end <= p.end_char:
            return rank
    return None


def citation_checks(answer: Answer, assistant: Assistant, judge: SupportJudge) -> tuple[int, int, int, int]:
    """(valid citations, sentences with citations, supported sentences, precise citations), ALCE-style.

    A sentence is supported when its cited quotes together support it. A citation is
    precise when its sentence is supported and the citation either supports the sentence
    alone or is needed: without it, the others no longer do.
    """
    quotes = {c.n: c.quote for c in answer.citations}
    valid = sum(1 for c in answer.citations if assistant.article_text(c.doc_id)[c.start_char : c.end_char] == c.quote)
    sentences = supported = precise = 0
    for sentence in answer.sentences:
        if not sentence.citations:
            continue
        sentences += 1
        cited = [quotes[n] for n in sentence.citations if n in quotes]
        if not judge.judge(sentence.text, cited).supported:
            continue
        supported += 1
        for n in sentence.citations:
            alone = judge.judge(sentence.text, [quotes[n]]).supported
            others = [quotes[m] for m in sentence.citations if m != n and m in quotes]
            needed = not others or not judge.judge(sentence.text, others).supported
            precise += int(alone or needed)
    return valid, sentences, supported, precise


def evaluate(questions: Sequence[EvalQuestion], assistant: Assistant) -> list[QuestionResult]:
    """Ask every question (independently) and measure the answers."""
    assistant.warm_up()  # first-call costs are not a question's latency
    results = []
    for q in questions:
        started = time.perf_counter()
        answer = assistant.ask(q.question)
        latency = (time.perf_counter() - started) * 1000
        ranks = [gold_rank(span, answer.passages) for span in gold_spans(q, assistant)] if q.answerable else []
        valid, sentences, supported, precise = citation_checks(answer, assistant, assistant.judge)
        text = answer.text.lower()
        results.append(
            QuestionResult(
                id=q.id,
                type=q.type,
                question=q.question,
                answer=answer.text,
                abstained=answer.abstained,
                answerable=q.answerable,
                gold_ranks=ranks,
                citations=len(answer.citations),
                valid_citations=valid,
                sentences=sentences,
                supported_sentences=supported,
                precise_citations=precise,
                citation_uses=sum(len(s.citations) for s in answer.sentences),
                must_hit=sum(1 for m in q.must if m.lower() in text),
                must_total=len(q.must),
                latency_ms=latency,
                cited_articles=len({c.doc_id for c in answer.citations}),
                needs_both_docs=q.needs_both_docs,
            )
        )
    return results


def _share(numerator: float, denominator: float) -> float | None:
    """A ratio, or None when nothing was counted (the metric does not apply)."""
    return numerator / denominator if denominator else None


def summarize(results: Sequence[QuestionResult], k: int = 5) -> dict[str, Any]:
    """The headline metrics over all questions."""
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    latencies = sorted(r.latency_ms for r in results)
    return {
        "questions": len(results),
        f"recall@{k}": _share(sum(r.recall_at(k) for r in answerable), len(answerable)),
        "mrr": _share(sum(r.reciprocal_rank for r in answerable), len(answerable)),
        "citation_validity": _share(sum(r.valid_citations for r in results), sum(r.citations for r in results)),
        "citation_recall": _share(sum(r.supported_sentences for r in results), sum(r.sentences for r in results)),
        "citation_precision": _share(sum(r.precise_citations for r in results), sum(r.citation_uses for r in results)),
        "answered_with_citation": _share(
            sum(1 for r in answerable if r.citations and not r.abstained), len(answerable)
        ),
        "must_mention_hit_rate": _share(sum(r.must_hit for r in answerable), sum(r.must_total for r in answerable)),
        "both_sources_cited": _share(
            sum(1 for r in answerable if r.needs_both_docs and r.cited_articles >= 2),
            sum(1 for r in answerable if r.needs_both_docs),
        ),
        "abstention_accuracy": _share(sum(1 for r in unanswerable if r.abstained), len(unanswerable)),
        "false_abstentions": _share(sum(1 for r in answerable if r.abstained), len(answerable)),
        "latency_ms_p50": statistics.median(latencies) if latencies else 0.0,
        "latency_ms_max": latencies[-1] if latencies else 0.0,
    }


def markdown_report(summary: dict[str, Any], results: Sequence[QuestionResult], mode: str) -> str:
    """The summary and per-question rows as Markdown tables."""
    lines = [f"Mode: {mode}; {summary['questions']} questions.", "", "| metric | value |", "|---|---|"]
    for key, value in summary.items():
        if key == "questions":
            continue
        if value is None:
            lines.append(f"| {key} | – (no such question) |")
        else:
            lines.append(f"| {key} | {value:.0f} |" if key.startswith("latency") else f"| {key} | {value:.2f} |")
    lines += ["", "| id | type | recall@5 | abstained | citations | must | ms |", "|---|---|---|---|---|---|---|"]
    for r in results:
        recall = f"{r.recall_at(5):.2f}" if r.answerable else "–"
        must = f"{r.must_hit}/{r.must_total}" if r.must_total else "–"
        lines.append(
            f"| {r.id} | {r.type} | {recall} | {'yes' if r.abstained else 'no'} | {r.citations} | {must} | "
            f"{r.latency_ms:.0f} |"
        )
    return "\n".join(lines)
