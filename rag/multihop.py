"""The MultiHop-RAG benchmark: load it, split it, ask every question, score, report.

MultiHop-RAG (Yixuan Tang and Yi Yang, COLM 2024, arXiv:2401.15391; data licence ODC-BY)
holds news articles and questions whose evidence spans two to four of them. A question
line is `{id, question, answer, type, evidence: [{article, title, source, published_at,
fact}]}`; `fact` is a sentence found verbatim in the article's stored text. Types:
`inference_query` (the answer is an entity), `comparison_query` and `temporal_query`
(mostly Yes/No, sometimes an entity) and `null_query` (the corpus does not hold the answer;
no evidence).

Split: a question is in `held` when the first byte of sha256(id) is divisible by 3 (about
a third), else in `tune`. `--n N --seed S` draws a seeded random sample of N questions of
the chosen split, stratified by type (proportional, largest remainder).

Each question goes through the public Assistant API only: `ask` (timed) for the answer
and `retrieve(question, AskOptions(top_k=10))` for the ranking. A gold fact's span is
where `str.find` first locates it in its article's stored text (after collapsing
whitespace when the exact text is not there); a gold article is mapped to its doc_id by
file name.

Metrics, per question type and over all questions ("answerable" = not `null_query`):

- Hits@4, Hits@10 (answerable): share of questions with at least one gold fact contained
  in one of the first 4 / 10 retrieved passages; contained = same doc_id and the fact's
  span lies within the passage's [start_char, end_char).
- MRR@10 (answerable): mean of 1/rank of the first passage containing a gold fact, 0 if
  none of the first 10 does.
- gold fact cited (answerable): share of questions with at least one citation overlapping
  a gold fact's span (same doc_id, character ranges intersect; merely adjacent is not).
- all gold articles cited (answerable): share of questions citing every gold article.
- fact recall (answerable): mean over questions of the share of its gold facts that some
  citation overlaps.
- citation precision (answerable): of all citations of these questions, pooled, the share
  lying in a gold article of their question.
- answerable declined: share of answerable questions answered with `abstained` true.
- null declined: share of `null_query` questions answered with `abstained` true.
- entity correct: of the questions whose gold answer is neither a verdict nor null, the share
  answered (not abstained) with a text containing the normalised gold answer as whole
  words (normalised: NFKC, casefold, accents stripped, punctuation and whitespace runs
  collapsed to one space).
- yes/no verdict given: of the questions whose gold answer is a verdict (Yes or No in any
  case, or a word that answers "do they agree / is it consistent" as one: `VERDICT_WORDS`,
  "Consistent" as yes, "Different" as no), the share where `answer.verdict` is "yes" or
  "no"; yes/no correct: of those, the share matching the gold verdict.
- p50 / p95 ms: latency of the `ask` call, warm process (after `warm_up`).

A share whose denominator is empty is shown as "–".
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from rag.errors import CorpusChatError, UsageError
from rag.records import ArticleRecord, AskOptions, Citation, Passage

if TYPE_CHECKING:
    from rag.answer import Answer
    from rag.assistant import Assistant

NULL_QUERY = "null_query"
TYPES = ("inference_query", "comparison_query", "temporal_query", NULL_QUERY)
SPLITS = ("tune", "held", "all")
Split = Literal["tune", "held", "all"]
RETRIEVE_K = 10
# The best retrieval row of the paper (an embedding model with bge-reranker-large, 256-token chunks).
PAPER_REFERENCE = {"hits@4": 0.6625, "hits@10": 0.7467, "mrr@10": 0.586}
CITATION = "Tang & Yang, COLM 2024, arXiv:2401.15391"

Span = tuple[str, int, int]  # doc_id, start_char, end_char


# -- the benchmark ---------------------------------------------------------------------

# Gold answers that are verdicts, not entities: "Does A agree with B ...?" -> "Agree". Their
# polarity is usually the question's first alternative ("consistent or inconsistent?" -> Consistent
# is yes). Options that are not verdicts ("before or after?" -> Before) stay entity answers.
VERDICT_WORDS = {
    **dict.fromkeys(
        ("yes", "agree", "agreement", "align", "consistent", "consistently", "same", "similar", "true"), "yes"
    ),
    **dict.fromkeys(("no", "contradictory", "different", "disagree", "false", "inconsistent"), "no"),
}


@dataclass(frozen=True)
class GoldFact:
    """One evidence item: the article (file name) and the sentence in it."""

    article: str
    fact: str
    title: str = ""
    source: str = ""
    published_at: str = ""


@dataclass(frozen=True)
class MultiHopQuestion:
    """One benchmark question with its gold answer and evidence."""

    id: str
    question: str
    answer: str
    type: str
    evidence: tuple[GoldFact, ...] = ()

    @property
    def answerable(self) -> bool:
        """Null queries have no answer in the corpus (and no evidence)."""
        return self.type != NULL_QUERY

    @property
    def yes_no(self) -> str:
        """'yes' or 'no' when the gold answer is one of them or a verdict word ("Consistent"), else ''."""
        return VERDICT_WORDS.get(normalise(self.answer), "") if self.answerable else ""

    @property
    def entity(self) -> bool:
        """The gold answer is an entity (neither Yes/No nor a null query's)."""
        return self.answerable and not self.yes_no and bool(normalise(self.answer))

    @property
    def articles(self) -> list[str]:
        """The gold article file names, each once, in evidence order."""
        return list(dict.fromkeys(e.article for e in self.evidence))


def is_multihop_set(path: Path) -> bool:
    """True when the first question line of `path` is a MultiHop-RAG object (it has "evidence")."""
    try:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    data = json.loads(line)
                    return isinstance(data, dict) and "evidence" in data
    except (OSError, ValueError):
        return False  # the other loader reports what is wrong with the file
    return False


def load_questions(path: Path) -> list[MultiHopQuestion]:
    """Read a MultiHop-RAG JSONL file; a malformed line is a one-line error naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"cannot read the question set {path}: {exc.strerror}") from exc
    questions = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            evidence = tuple(
                GoldFact(
                    article=str(e["article"]),
                    fact=str(e["fact"]),
                    title=str(e.get("title", "")),
                    source=str(e.get("source", "")),
                    published_at=str(e.get("published_at", "")),
                )
                for e in data["evidence"]
            )
            questions.append(
                MultiHopQuestion(
                    id=str(data["id"]),
                    question=str(data["question"]),
                    answer=str(data["answer"]),
                    type=str(data["type"]),
                    evidence=evidence,
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise UsageError(f"{path}:{number}: not a MultiHop-RAG question ({exc!r})") from exc
    return questions


def split_of(question_id: str) -> Literal["tune", "held"]:
    """'held' when the first byte of sha256(id) is divisible by 3, else 'tune'."""
    return "held" if hashlib.sha256(question_id.encode("utf-8")).digest()[0] % 3 == 0 else "tune"


def select(
    questions: Sequence[MultiHopQuestion],
    split: str = "all",
    n: int | None = None,
    seed: int = 1,
    types: Sequence[str] = (),
) -> list[MultiHopQuestion]:
    """The questions of `split` (and of `types`, if given); with `n`, a seeded sample stratified by type.

    The result keeps the file's order.
    """
    if split not in SPLITS:
        raise UsageError(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    pool = [q for q in questions if (split == "all" or split_of(q.id) == split) and (not types or q.type in types)]
    if n is None or n >= len(pool):
        return pool
    by_type: dict[str, list[MultiHopQuestion]] = {}
    for q in pool:
        by_type.setdefault(q.type, []).append(q)
    # Proportional allocation, the seats left over going to the largest remainders.
    quotas = {t: n * len(qs) / len(pool) for t, qs in by_type.items()}
    counts = {t: math.floor(x) for t, x in quotas.items()}
    for t in sorted(quotas, key=lambda t: (counts[t] - quotas[t], t))[: n - sum(counts.values())]:
        counts[t] += 1
    rng = random.Random(seed)
    chosen = {q.id for t in sorted(by_type) for q in rng.sample(by_type[t], counts[t])}
    return [q for q in pool if q.id in chosen]


# -- locating the gold -----------------------------------------------------------------


def locate(text: str, fact: str) -> tuple[int, int, str] | None:
    """Where `fact` first occurs in `text`: (start, end, 'exact' | 'whitespace'), None if nowhere.

    When the exact text is not there, both are compared with every whitespace run
    collapsed to one space and the match is mapped back to the original offsets.
    """
    start = text.find(fact)
    if start >= 0:
        return start, start + len(fact), "exact"
    wanted = " ".join(fact.split())
    if not wanted:
        return None
    collapsed: list[str] = []
    origin: list[int] = []  # collapsed index -> index in text
    for match in re.finditer(r"\s+|\S+", text):
        if match.group().isspace():
            collapsed.append(" ")
            origin.append(match.start())
        else:
            collapsed.extend(match.group())
            origin.extend(range(match.start(), match.end()))
    found = "".join(collapsed).find(wanted)
    if found < 0:
        return None
    last = origin[found + len(wanted) - 1]
    return origin[found], last + 1, "whitespace"


class Corpus(Protocol):
    """What the locator needs of an Assistant."""

    def articles(self) -> Sequence[ArticleRecord]: ...

    def article_text(self, doc_id: str) -> str: ...


class GoldLocator:
    """Gold articles as doc_ids and gold facts as spans, counting how each fact was located."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.doc_ids: dict[str, str] = {Path(f.path).name: r.doc_id for r in corpus.articles() for f in r.files}
        self._texts: dict[str, str] = {}
        self._seen: dict[tuple[str, str], tuple[Span | None, str]] = {}
        self.counts: Counter[str] = Counter()  # evidence items: exact / whitespace / missing article / not found

    def text(self, doc_id: str) -> str:
        """An article's stored text, read once."""
        if doc_id not in self._texts:
            self._texts[doc_id] = self.corpus.article_text(doc_id)
        return self._texts[doc_id]

    def span(self, gold: GoldFact) -> Span | None:
        """The fact's span in its article, None when the article is not stored or the fact not in it."""
        key = (gold.article, gold.fact)
        if key not in self._seen:
            doc_id = self.doc_ids.get(Path(gold.article).name)
            found = locate(self.text(doc_id), gold.fact) if doc_id else None
            how = "missing article" if not doc_id else found[2] if found else "not found"
            self._seen[key] = ((doc_id, found[0], found[1]) if doc_id and found else None, how)
        span, how = self._seen[key]
        self.counts[how] += 1
        return span

    def spans(self, question: MultiHopQuestion) -> list[Span | None]:
        """Each gold fact's span, in evidence order."""
        return [self.span(e) for e in question.evidence]

    def article_ids(self, question: MultiHopQuestion) -> list[str]:
        """The gold articles' doc_ids, each once ('' for an article that is not stored)."""
        return list(dict.fromkeys(self.doc_ids.get(Path(a).name, "") for a in question.articles))


# -- scoring one question --------------------------------------------------------------


def contains(passage: Passage, span: Span | None) -> bool:
    """The fact's span lies within the passage's [start_char, end_char) in the same article."""
    return (
        span is not None and passage.doc_id == span[0] and passage.start_char <= span[1] and span[2] <= passage.end_char
    )


def first_gold_rank(passages: Sequence[Passage], spans: Sequence[Span | None], k: int = RETRIEVE_K) -> int | None:
    """1-based rank of the first of the top `k` passages that contains a gold fact."""
    for rank, passage in enumerate(passages[:k], start=1):
        if any(contains(passage, s) for s in spans):
            return rank
    return None


def overlaps(citation: Citation, span: Span | None) -> bool:
    """The citation and the fact share at least one character of the same article."""
    return (
        span is not None
        and citation.doc_id == span[0]
        and citation.start_char < span[2]
        and span[1] < citation.end_char
    )


def facts_cited(citations: Sequence[Citation], spans: Sequence[Span | None]) -> int:
    """How many gold facts some citation overlaps."""
    return sum(1 for s in spans if any(overlaps(c, s) for c in citations))


def all_articles_cited(citations: Sequence[Citation], gold_doc_ids: Sequence[str]) -> bool:
    """Every gold article is cited at least once (an article not in the store never is)."""
    cited = {c.doc_id for c in citations}
    return bool(gold_doc_ids) and all(d in cited for d in gold_doc_ids)


def citations_in_gold(citations: Sequence[Citation], gold_doc_ids: Sequence[str]) -> int:
    """How many citations lie in a gold article."""
    gold = {d for d in gold_doc_ids if d}
    return sum(1 for c in citations if c.doc_id in gold)


_PUNCTUATION = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """NFKC, casefold, accents stripped, runs of punctuation and whitespace made one space."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _PUNCTUATION.sub(" ", unicodedata.normalize("NFC", text)).strip()


def mentions(answer_text: str, gold: str) -> bool:
    """The normalised gold answer occurs in the normalised answer text, as whole words."""
    wanted = normalise(gold)
    return bool(wanted) and f" {wanted} " in f" {normalise(answer_text)} "


@dataclass
class QuestionResult:
    """What happened on one question, for the summary and for error analysis."""

    id: str
    type: str
    question: str
    gold_answer: str
    answer: str
    abstained: bool
    verdict: str
    gold_doc_ids: list[str]
    cited_doc_ids: list[str]
    first_gold_rank: int | None  # in the top 10 retrieved passages
    retrieved_doc_ids: list[str]  # the articles of the top 10 retrieved passages, in rank order
    facts_cited: int
    facts_total: int
    citations: int
    citations_in_gold: int
    all_gold_articles_cited: bool
    latency_ms: float
    answerable: bool
    yes_no: str  # the gold "yes"/"no", or ""
    entity: bool  # the gold answer is an entity
    entity_correct: bool
    entity_first: bool  # the answer's first sentence (the name an entity answer opens with) holds the gold
    error: str = ""
    quotes: list[dict[str, Any]] = field(default_factory=list)  # the citations: doc_id, offsets, quote


def score(
    question: MultiHopQuestion,
    spans: Sequence[Span | None],
    gold_doc_ids: Sequence[str],
    retrieved: Sequence[Passage],
    answer: Answer,
    latency_ms: float,
) -> QuestionResult:
    """Measure one answer and one ranking against the question's gold."""
    cites = answer.citations
    return QuestionResult(
        id=question.id,
        type=question.type,
        question=question.question,
        gold_answer=question.answer,
        answer=answer.text,
        abstained=answer.abstained,
        verdict=answer.verdict,
        gold_doc_ids=list(gold_doc_ids),
        cited_doc_ids=list(dict.fromkeys(c.doc_id for c in cites)),
        first_gold_rank=first_gold_rank(retrieved, spans) if question.answerable else None,
        retrieved_doc_ids=list(dict.fromkeys(p.doc_id for p in retrieved[:10])),
        facts_cited=facts_cited(cites, spans),
        facts_total=len(spans),
        citations=len(cites),
        citations_in_gold=citations_in_gold(cites, gold_doc_ids),
        all_gold_articles_cited=all_articles_cited(cites, gold_doc_ids),
        latency_ms=latency_ms,
        answerable=question.answerable,
        yes_no=question.yes_no,
        entity=question.entity,
        entity_correct=question.entity and not answer.abstained and mentions(answer.text, question.answer),
        entity_first=question.entity
        and not answer.abstained
        and bool(answer.sentences)
        and mentions(answer.sentences[0].text, question.answer),
        error=answer.error,
        quotes=[
            {"doc_id": c.doc_id, "start_char": c.start_char, "end_char": c.end_char, "quote": c.quote} for c in cites
        ],
    )


# -- asking ----------------------------------------------------------------------------


def evaluate(
    questions: Sequence[MultiHopQuestion],
    assistant: Assistant,
    locator: GoldLocator | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[QuestionResult]:
    """Ask every question (independently, through the public API) and score it."""
    locator = locator or GoldLocator(assistant)
    assistant.warm_up()  # first-call costs are not a question's latency
    results = []
    for done, q in enumerate(questions, start=1):
        started = time.perf_counter()
        answer = assistant.ask(q.question)
        latency = (time.perf_counter() - started) * 1000
        try:
            retrieved = assistant.retrieve(q.question, AskOptions(top_k=RETRIEVE_K)).found  # not the chunks read beside
        except CorpusChatError:  # the ask above already recorded the reason as the answer's error
            retrieved = []
        results.append(score(q, locator.spans(q), locator.article_ids(q), retrieved, answer, latency))
        if progress:
            progress(done, len(questions))
    return results


# -- the summary -----------------------------------------------------------------------

Value = float | int | None

COLUMNS: list[tuple[str, str]] = [
    ("n", "n"),
    ("hits@4", "Hits@4"),
    ("hits@10", "Hits@10"),
    ("mrr@10", "MRR@10"),
    ("gold_fact_cited", "gold fact cited"),
    ("all_gold_articles_cited", "all gold articles cited"),
    ("fact_recall", "fact recall"),
    ("citation_precision", "citation precision"),
    ("answerable_declined", "answerable declined"),
    ("null_declined", "null declined"),
    ("entity_correct", "entity correct"),
    ("entity_first", "entity named first"),
    ("yes_no_verdict_rate", "yes/no verdict given"),
    ("yes_no_verdict_correct", "yes/no correct"),
    ("latency_ms_p50", "p50 ms"),
    ("latency_ms_p95", "p95 ms"),
]


def _share(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def percentile(values: Iterable[float], q: float) -> float | None:
    """The `q`-th percentile (0-100, linear interpolation between closest ranks), None for no values."""
    ordered = sorted(values)
    if not ordered:
        return None
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def metrics(results: Sequence[QuestionResult]) -> dict[str, Value]:
    """Every metric of the module docstring over `results`."""
    answerable = [r for r in results if r.answerable]
    null = [r for r in results if not r.answerable]
    yes_no = [r for r in answerable if r.yes_no]
    given = [r for r in yes_no if r.verdict in ("yes", "no")]
    entities = [r for r in answerable if r.entity]
    ranks = [r.first_gold_rank for r in answerable]
    return {
        "n": len(results),
        "hits@4": _share(sum(1 for k in ranks if k is not None and k <= 4), len(answerable)),
        "hits@10": _share(sum(1 for k in ranks if k is not None and k <= RETRIEVE_K), len(answerable)),
        "mrr@10": _share(sum(1 / k for k in ranks if k is not None and k <= RETRIEVE_K), len(answerable)),
        "gold_fact_cited": _share(sum(1 for r in answerable if r.facts_cited), len(answerable)),
        "all_gold_articles_cited": _share(sum(1 for r in answerable if r.all_gold_articles_cited), len(answerable)),
        "fact_recall": _share(sum(r.facts_cited / r.facts_total for r in answerable if r.facts_total), len(answerable)),
        "citation_precision": _share(
            sum(r.citations_in_gold for r in answerable), sum(r.citations for r in answerable)
        ),
        "answerable_declined": _share(sum(1 for r in answerable if r.abstained), len(answerable)),
        "null_declined": _share(sum(1 for r in null if r.abstained), len(null)),
        "entity_correct": _share(sum(1 for r in entities if r.entity_correct), len(entities)),
        "entity_first": _share(sum(1 for r in entities if r.entity_first), len(entities)),
        "yes_no_verdict_rate": _share(len(given), len(yes_no)),
        "yes_no_verdict_correct": _share(sum(1 for r in given if r.verdict == r.yes_no), len(given)),
        "latency_ms_p50": percentile((r.latency_ms for r in results), 50),
        "latency_ms_p95": percentile((r.latency_ms for r in results), 95),
    }


def summarize(results: Sequence[QuestionResult]) -> dict[str, dict[str, Value]]:
    """The metrics per question type (in the benchmark's order, then any other) and over 'all'."""
    present = list(dict.fromkeys(r.type for r in results))
    ordered = [t for t in TYPES if t in present] + [t for t in present if t not in TYPES]
    summary = {t: metrics([r for r in results if r.type == t]) for t in ordered}
    summary["all"] = metrics(results)
    return summary


@dataclass
class RunInfo:
    """What was run, for the report's first lines."""

    set_path: str
    split: str
    n: int | None
    seed: int
    types: list[str]
    questions: int = 0
    mode: str = ""
    seconds: float = 0.0
    located: dict[str, int] = field(default_factory=dict)


def _cell(key: str, value: Value) -> str:
    if value is None:
        return "–"
    if key == "n":
        return str(value)
    if key.startswith("latency"):
        return f"{value:.0f}"
    return f"{value:.2f}"


def markdown_report(summary: dict[str, dict[str, Value]], info: RunInfo) -> str:
    """The summary as one Markdown table, with what was run and the paper's reference row."""
    sample = f"a seeded sample of N={info.n} (seed {info.seed}, stratified by type)" if info.n else "every question"
    types = f", types {', '.join(info.types)}" if info.types else ""
    facts = sum(info.located.values())
    unlocated = facts - info.located.get("exact", 0) - info.located.get("whitespace", 0)
    lines = [
        f"Mode: {info.mode}; split `{info.split}`{types}: {sample}, {info.questions} questions; "
        f"{info.seconds:.0f} s in all.",
        f"Gold facts located: {facts - unlocated} of {facts} ({info.located.get('whitespace', 0)} only after "
        f"collapsing whitespace, {unlocated} not found).",
        f"Reference, the paper's best retrieval row ({CITATION}): Hits@10 {PAPER_REFERENCE['hits@10']}, "
        f"Hits@4 {PAPER_REFERENCE['hits@4']}, MRR@10 {PAPER_REFERENCE['mrr@10']}.",
        "",
        "| question type | " + " | ".join(label for _, label in COLUMNS) + " |",
        "|---|" + "---|" * len(COLUMNS),
    ]
    for name, row in summary.items():
        label = f"**{name}**" if name == "all" else name
        lines.append(f"| {label} | " + " | ".join(_cell(k, row.get(k)) for k, _ in COLUMNS) + " |")
    paper = {"n": None, **PAPER_REFERENCE}
    lines.append(
        "| paper's best retrieval (reference) | "
        + " | ".join(_cell(k, paper.get(k)) if k in paper else "–" for k, _ in COLUMNS)
        + " |"
    )
    return "\n".join(lines)


def _progress(done: int, total: int) -> None:
    if done % 25 == 0 or done == total:
        print(f"multihop: {done}/{total} questions asked", file=sys.stderr, flush=True)


def prepare(
    path: Path, split: str = "all", n: int | None = None, seed: int = 1, types: Sequence[str] = ()
) -> list[MultiHopQuestion]:
    """The questions to ask: loaded, checked and selected (before any model loads)."""
    unknown = [t for t in types if t not in TYPES]
    if unknown:
        raise UsageError(f"unknown question type {', '.join(map(repr, unknown))}: use {', '.join(TYPES)}")
    questions = select(load_questions(path), split, n, seed, types)
    if not questions:
        raise UsageError(
            f"no question of {path} is in split {split!r}" + (f" with types {list(types)}" if types else "")
        )
    return questions


def run(
    assistant: Assistant,
    questions: Sequence[MultiHopQuestion],
    info: RunInfo,
    json_out: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[dict[str, dict[str, Value]], list[QuestionResult]]:
    """Ask and summarise; fills in `info`; with `json_out`, also writes the per-question results there."""
    started = time.perf_counter()
    locator = GoldLocator(assistant)
    results = evaluate(questions, assistant, locator, progress)
    summary = summarize(results)
    info.questions = len(results)
    info.mode = assistant.mode
    info.seconds = time.perf_counter() - started
    info.located = dict(locator.counts)
    if json_out is not None:
        json_out.write_text(json.dumps(as_json(summary, results, info), ensure_ascii=False, indent=1) + "\n", "utf-8")
    return summary, results


def as_json(summary: dict[str, dict[str, Value]], results: Sequence[QuestionResult], info: RunInfo) -> dict[str, Any]:
    """The run, the summary and every question's result, for `--json` and `--json-out`."""
    return {"run": asdict(info), "summary": summary, "results": [asdict(r) for r in results]}


def main(
    open_assistant: Callable[[], Assistant],
    path: Path,
    split: str = "all",
    n: int | None = None,
    seed: int = 1,
    types: Sequence[str] = (),
    json_out: Path | None = None,
    json_output: bool = False,
) -> str:
    """What `python -m rag eval` prints for a MultiHop-RAG set: the Markdown report, or JSON."""
    questions = prepare(path, split, n, seed, types)
    info = RunInfo(set_path=str(path), split=split, n=n, seed=seed, types=list(types))
    summary, results = run(open_assistant(), questions, info, json_out, _progress)
    if json_output:
        return json.dumps(as_json(summary, results, info), ensure_ascii=False)
    return markdown_report(summary, info)
