"""The MultiHop-RAG harness (rag/multihop.py): split, metrics on hand-made answers, and the eval CLI end to end.

Nothing here needs the benchmark's 609-article store: the end-to-end test writes four
questions in the benchmark's format about the two bundled articles.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from rag.answer import Answer
from rag.evaluation import gold_rank
from rag.multihop import (
    GoldFact,
    MultiHopQuestion,
    QuestionResult,
    first_gold_rank,
    is_multihop_set,
    load_questions,
    locate,
    mentions,
    metrics,
    normalise,
    overlaps,
    score,
    select,
    split_of,
    summarize,
)
from rag.records import BESIDE, Citation, Passage
from rag.settings import Settings
from tests.support.project import PROJECT

# -- hand-made records -------------------------------------------------------------------


def passage(doc_id: str, start: int, end: int) -> Passage:
    return Passage(
        chunk_id=f"{doc_id}:{start}",
        doc_id=doc_id,
        path=f"{doc_id}.txt",
        title=doc_id,
        source="",
        author="",
        published="",
        start_char=start,
        end_char=end,
        text="x" * (end - start),
    )


def citation(doc_id: str, start: int, end: int, n: int = 1) -> Citation:
    return Citation(n=n, doc_id=doc_id, path=f"{doc_id}.txt", title=doc_id, start_char=start, end_char=end, quote="q")


def answer(
    text: str = "", citations: list[Citation] | None = None, abstained: bool = False, verdict: str = ""
) -> Answer:
    return Answer(
        question="?", text=text, citations=citations or [], mode="extractive", abstained=abstained, verdict=verdict
    )


def question(
    gold: str = "Yes", kind: str = "comparison_query", articles: tuple[str, ...] = ("a.txt",)
) -> MultiHopQuestion:
    evidence = tuple(GoldFact(article=a, fact="f") for a in articles) if kind != "null_query" else ()
    return MultiHopQuestion(id="q", question="?", answer=gold, type=kind, evidence=evidence)


def scored(
    q: MultiHopQuestion,
    given: Answer,
    spans: list[tuple[str, int, int] | None] | None = None,
    retrieved: list[Passage] | None = None,
) -> QuestionResult:
    spans = spans if spans is not None else [("A", 100, 150)] * len(q.evidence)
    gold_ids = list(dict.fromkeys(s[0] for s in spans if s))
    return score(q, spans, gold_ids, retrieved or [], given, latency_ms=10.0)


# -- the split ---------------------------------------------------------------------------


def test_the_split_is_deterministic_disjoint_and_holds_out_about_a_third() -> None:
    ids = [f"case-{i:05d}" for i in range(3000)]
    assert [split_of(i) for i in ids] == [split_of(i) for i in ids]
    questions = [MultiHopQuestion(id=i, question="?", answer="Yes", type="comparison_query") for i in ids]
    held = {q.id for q in select(questions, "held")}
    tune = {q.id for q in select(questions, "tune")}
    assert not held & tune and held | tune == set(ids)
    assert 0.30 < len(held) / len(ids) < 0.37
    assert len(select(questions, "all")) == len(ids)


def test_a_seeded_sample_is_repeatable_stratified_by_type_and_in_file_order() -> None:
    kinds = ["inference_query"] * 60 + ["comparison_query"] * 30 + ["null_query"] * 10
    questions = [MultiHopQuestion(id=f"s{i}", question="?", answer="x", type=k) for i, k in enumerate(kinds)]
    first = select(questions, "all", n=20, seed=7)
    assert [q.id for q in first] == [q.id for q in select(questions, "all", n=20, seed=7)]
    assert [q.id for q in first] != [q.id for q in select(questions, "all", n=20, seed=8)]
    assert Counter(q.type for q in first) == {"inference_query": 12, "comparison_query": 6, "null_query": 2}
    assert [q.id for q in first] == sorted((q.id for q in first), key=lambda i: int(i[1:]))
    assert [q.type for q in select(questions, "all", types=["null_query"])] == ["null_query"] * 10
    assert len(select(questions, "all", n=500)) == 100  # a sample larger than the pool is the pool


def test_facts_are_located_exactly_or_after_collapsing_whitespace() -> None:
    text = "First line.\nThe  minister   said\nno. Last."
    assert locate(text, "First line.") == (0, 11, "exact")
    start, end, how = locate(text, "The minister said no.") or (0, 0, "")
    assert how == "whitespace" and text[start:end] == "The  minister   said\nno."
    assert locate(text, "Not there.") is None


# -- retrieval metrics -------------------------------------------------------------------


def test_a_chunk_read_beside_a_passage_found_holds_no_retrieval_rank() -> None:
    # the bundled eval's ranks count what the search found; a chunk joined as the one beside it is no hit
    fact = ("A", 100, 150)
    found = [passage("B", 0, 500), passage("A", 200, 400)]
    beside = replace(passage("A", 0, 199), ranks={BESIDE: 2})
    assert gold_rank(fact, [*found, beside]) is None
    assert gold_rank(fact, [*found, passage("A", 0, 199), beside]) == 3


def test_a_gold_fact_first_found_at_rank_three_gives_mrr_one_third() -> None:
    fact = ("A", 100, 150)
    retrieved = [passage("B", 0, 500), passage("A", 0, 120), passage("A", 90, 200), passage("A", 100, 150)]
    assert first_gold_rank(retrieved, [fact]) == 3  # rank 2 stops inside the fact; same offsets in B do not count
    result = scored(question(), answer(), [fact], retrieved)
    row = metrics([result])
    assert row["mrr@10"] == pytest.approx(1 / 3)
    assert row["hits@4"] == row["hits@10"] == 1.0

    late = [passage("B", 0, 10)] * 5 + [passage("A", 0, 400)]
    row = metrics([scored(question(), answer(), [fact], late), result])
    assert row["hits@4"] == 0.5 and row["hits@10"] == 1.0
    assert row["mrr@10"] == pytest.approx((1 / 6 + 1 / 3) / 2)
    missed = [passage("B", 0, 10)] * 10 + [passage("A", 0, 400)]  # rank 11 is outside the top 10
    assert metrics([scored(question(), answer(), [fact], missed)])["mrr@10"] == 0.0


def test_null_questions_are_left_out_of_retrieval_and_citation_metrics() -> None:
    null = scored(question("Insufficient information.", "null_query"), answer("unrelated", [citation("Z", 0, 5)]), [])
    row = metrics([null])
    assert row["n"] == 1 and row["null_declined"] == 0.0
    assert row["hits@10"] is None and row["citation_precision"] is None and row["entity_correct"] is None
    declined = scored(question("Insufficient information.", "null_query"), answer("no", abstained=True), [])
    assert metrics([null, declined])["null_declined"] == 0.5


# -- citation metrics --------------------------------------------------------------------


def test_a_citation_overlapping_a_fact_counts_and_one_adjacent_to_it_does_not() -> None:
    fact = ("A", 100, 150)
    assert overlaps(citation("A", 140, 200), fact)
    assert overlaps(citation("A", 149, 151), fact)
    assert overlaps(citation("A", 0, 500), fact)
    assert not overlaps(citation("A", 150, 200), fact)  # starts where the fact ends
    assert not overlaps(citation("A", 40, 100), fact)  # ends where the fact starts
    assert not overlaps(citation("B", 100, 150), fact)  # same offsets, another article

    adjacent = scored(question(), answer("x", [citation("A", 150, 200)]), [fact])
    assert adjacent.facts_cited == 0 and metrics([adjacent])["gold_fact_cited"] == 0.0
    hit = scored(question(), answer("x", [citation("A", 120, 130)]), [fact])
    assert hit.facts_cited == 1 and metrics([hit])["gold_fact_cited"] == 1.0


def test_fact_recall_and_all_gold_articles_cited() -> None:
    q = question(articles=("a.txt", "b.txt", "b.txt"))
    spans: list[tuple[str, int, int] | None] = [("A", 0, 10), ("B", 0, 10), ("B", 50, 60)]
    both = scored(q, answer("x", [citation("A", 0, 5), citation("B", 55, 58, 2)]), spans)
    assert both.facts_cited == 2 and both.all_gold_articles_cited
    one = scored(q, answer("x", [citation("A", 0, 5)]), spans)
    assert one.facts_cited == 1 and not one.all_gold_articles_cited
    row = metrics([both, one])
    assert row["fact_recall"] == pytest.approx((2 / 3 + 1 / 3) / 2)
    assert row["all_gold_articles_cited"] == 0.5


def test_citation_precision_pools_the_citations_of_every_question() -> None:
    fact = ("A", 0, 10)
    precise = scored(question(), answer("x", [citation("A", 0, 5), citation("A", 20, 30, 2), citation("A", 40, 50, 3)]))
    stray = scored(question(), answer("x", [citation("C", 0, 5)]), [fact])
    row = metrics([precise, stray])
    assert row["citation_precision"] == pytest.approx(3 / 4)  # pooled; a mean of per-question shares would be 0.5
    assert metrics([scored(question(), answer("none"), [fact])])["citation_precision"] is None


# -- answer accuracy ---------------------------------------------------------------------


def test_yes_no_verdicts_are_scored_against_the_gold_answer_in_any_case() -> None:
    right = scored(question("no"), answer("x", verdict="no"))
    wrong = scored(question("Yes"), answer("x", verdict="no"))
    unsure = scored(question("YES"), answer("x", verdict="cannot tell"))
    silent = scored(question("No"), answer("x"))
    row = metrics([right, wrong, unsure, silent])
    assert row["yes_no_verdict_rate"] == 0.5
    assert row["yes_no_verdict_correct"] == 0.5
    assert row["entity_correct"] is None
    assert metrics([silent])["yes_no_verdict_correct"] is None


def test_entities_are_matched_after_normalising_case_accents_and_punctuation() -> None:
    assert normalise("  José  MARTÍ, Jr.! ") == "jose marti jr"
    assert normalise("Ｔｅｓｌａ") == "tesla"  # NFKC: full-width letters
    assert mentions("The winner was JOSE marti jr, per the report.", "José Martí, Jr.")
    assert not mentions("Pineapple stock rose.", "Apple")  # whole words only
    gold = question("Sam Bankman-Fried", "inference_query")
    found = scored(gold, answer("Prosecutors say SAM BANKMAN FRIED committed fraud."))
    declined = scored(gold, answer("The corpus does not mention “Sam Bankman-Fried”.", abstained=True))
    wrong = scored(gold, answer("Changpeng Zhao was named."))
    assert found.entity_correct and not declined.entity_correct and not wrong.entity_correct
    assert metrics([found, declined, wrong])["entity_correct"] == pytest.approx(1 / 3)
    before = scored(question("Before", "temporal_query"), answer("It came before the other report."))
    assert before.entity and not before.yes_no and before.entity_correct  # an option, not a verdict


def test_verdict_words_are_verdicts_not_entities() -> None:
    consistent = scored(question("Consistent", "temporal_query"), answer("The reports are consistent.", verdict="yes"))
    different = scored(question("Different", "comparison_query"), answer("They differ.", verdict="yes"))
    assert consistent.yes_no == "yes" and different.yes_no == "no"
    assert not consistent.entity and not different.entity
    row = metrics([consistent, different])
    assert row["entity_correct"] is None  # "consistent" in the text is not an entity found
    assert row["yes_no_verdict_rate"] == 1.0 and row["yes_no_verdict_correct"] == 0.5


def test_the_summary_has_a_row_per_type_and_one_for_all() -> None:
    results = [
        scored(question("Yes", "comparison_query"), answer("x")),
        scored(question("Acme", "inference_query"), answer("Acme")),
        scored(question("Insufficient information.", "null_query"), answer("", abstained=True), []),
    ]
    summary = summarize(results)
    assert list(summary) == ["inference_query", "comparison_query", "null_query", "all"]
    assert summary["all"]["n"] == 3 and summary["all"]["entity_correct"] == 1.0
    assert summary["all"]["latency_ms_p50"] == 10.0


# -- end to end, on the bundled articles ---------------------------------------------------

JAPAN_NATO = "000_6c8ec85815583e4f.txt"
MILITARIZATION = "003_3ed258554722c35d.txt"
QUESTIONS: list[dict[str, Any]] = [
    {
        "id": "t-1",
        "question": "Do both articles say that a Japanese prime minister attended a NATO summit for the first time?",
        "answer": "Yes",
        "type": "comparison_query",
        "evidence": [
            {
                "article": JAPAN_NATO,
                "fact": "I will also be the first Prime Minister of Japan to attend a NATO summit.",
            },
            {
                "article": MILITARIZATION,
                "fact": "In 2022, the Japanese prime minister attended the bloc’s summit for the first time in "
                "history, and an official Japanese office to the alliance was opened in Brussels.",
            },
        ],
    },
    {
        "id": "t-2",
        "question": "Which earthquake-hit country received Japanese Self-Defense Forces aircraft in a NATO-led relief "
        "operation?",
        "answer": "Turkey",
        "type": "inference_query",
        "evidence": [
            {
                "article": MILITARIZATION,
                "fact": "As an example, Hayashi cited the dispatch of Japanese Self-Defense Forces aircraft to "
                "participate in the NATO-led relief operation in Turkey, which was hit by an earthquake.",
            }
        ],
    },
    {
        "id": "t-3",
        "question": "Was the Anti-Comintern Pact between Japan, Germany and Italy concluded before 1940?",
        "answer": "yes",
        "type": "temporal_query",
        "evidence": [
            {
                "article": JAPAN_NATO,
                "fact": "Thus, in 1936, the Anti-Comintern Pact was concluded between Japan, Germany and Italy, "
                "which was subsequently joined by other countries that were in the orbit of these powers.",
            }
        ],
    },
    {
        "id": "t-4",
        "question": "How many penguins were counted at the Antarctic research station in 2021?",
        "answer": "Insufficient information.",
        "type": "null_query",
        "evidence": [],
    },
]


def test_eval_runs_a_multihop_set_from_the_command_line_and_reports_every_type(
    tmp_path: Path, embedded_settings: Settings, corpus_dir: Path, run_ingest: Callable[..., Any]
) -> None:
    run_ingest(embedded_settings, corpus_dir)
    questions_file = tmp_path / "multihop.jsonl"
    questions_file.write_text("".join(json.dumps(q) + "\n" for q in QUESTIONS), encoding="utf-8")
    assert is_multihop_set(questions_file) and len(load_questions(questions_file)) == 4
    results_file = tmp_path / "results.json"
    environment = {
        k: v for k, v in os.environ.items() if k not in ("RAG_LLM_MODEL", "OPENAI_BASE_URL", "OPENAI_API_KEY")
    }
    environment.update(RAG_STORAGE_DIR=str(embedded_settings.storage_dir), PYTHONPATH=str(PROJECT))
    command = [sys.executable, "-m", "rag", "eval", "--set", str(questions_file), "--markdown"]
    done = subprocess.run(
        [*command, "--seed", "3", "--json-out", str(results_file)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env=environment,
    )
    assert done.returncode == 0, done.stderr
    report = done.stdout
    assert "split `all`: every question, 4 questions" in report
    assert "Gold facts located: 4 of 4 (0 only after collapsing whitespace, 0 not found)" in report
    assert "Hits@10 0.7467, Hits@4 0.6625, MRR@10 0.586" in report
    table = [line for line in report.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in table[0].strip("|").split("|")]
    assert header[:5] == ["question type", "n", "Hits@4", "Hits@10", "MRR@10"]
    assert {"citation precision", "null declined", "entity correct", "yes/no correct", "p50 ms"} <= set(header)
    rows = {line.split("|")[1].strip(): [c.strip() for c in line.strip("|").split("|")] for line in table[2:]}
    assert list(rows) == [
        "inference_query",
        "comparison_query",
        "temporal_query",
        "null_query",
        "**all**",
        "paper's best retrieval (reference)",
    ]
    assert all(len(cells) == len(header) for cells in rows.values())
    assert rows["**all**"][1] == "4" and rows["null_query"][header.index("Hits@10")] == "–"
    assert rows["paper's best retrieval (reference)"][header.index("Hits@10")] == "0.75"

    saved = json.loads(results_file.read_text(encoding="utf-8"))
    assert saved["run"]["questions"] == 4 and saved["run"]["located"] == {"exact": 4}
    by_id = {r["id"]: r for r in saved["results"]}
    assert set(by_id) == {"t-1", "t-2", "t-3", "t-4"}
    expected_keys = {"type", "question", "gold_answer", "answer", "abstained", "verdict", "gold_doc_ids"}
    assert expected_keys | {"cited_doc_ids", "first_gold_rank", "facts_cited", "facts_total", "latency_ms"} <= set(
        by_id["t-1"]
    )
    assert len(by_id["t-1"]["gold_doc_ids"]) == 2 and by_id["t-1"]["facts_total"] == 2
    assert by_id["t-4"]["gold_doc_ids"] == [] and by_id["t-4"]["first_gold_rank"] is None
    # Two short articles: every gold fact is among the first ten passages retrieved.
    assert all(by_id[i]["first_gold_rank"] is not None for i in ("t-1", "t-2", "t-3"))
    assert saved["summary"]["all"]["hits@10"] == 1.0

    old_format = subprocess.run(
        [sys.executable, "-m", "rag", "eval", "--set", str(PROJECT / "tests" / "data" / "heldout.jsonl"), "--n", "2"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )
    assert old_format.returncode == 2
    assert "apply to MultiHop-RAG sets only" in old_format.stderr
