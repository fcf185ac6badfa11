"""How many MultiHop-RAG questions have gold evidence outside the articles the question names.

A question that names outlets or dates ("the TechCrunch report published on October 31")
is searched within those articles only (README, "Answers on real questions"). Some of the
benchmark's questions list gold evidence from further articles the question never refers
to (a third report, from another outlet or another day): no answer that keeps to the
question's own constraints can cite those. This counts, by question type, the answerable
questions whose every gold article lies within the articles some part of the question
allows: the ceiling, for these questions, of "every gold article cited". It reads the
questions and the store's metadata only; no question is answered.

    RAG_STORAGE_DIR=storage/multihop .venv/bin/python bench/gold_reach.py --split tune
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rag import multihop
from rag.assistant import Assistant
from rag.question import Part, plan_question
from rag.records import Filters
from rag.settings import Settings

DEV_SET = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "multihop" / "dev.jsonl"


def reachable(assistant: Assistant, parts: list[Part], doc_id: str) -> bool:
    """Whether some part of the question lets the search reach this article."""
    for part in parts:
        narrowed = part.filters.both(Filters(doc_ids=(doc_id,)))
        if narrowed is not None and not assistant.unmatched_filters(narrowed):
            return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=DEV_SET)
    parser.add_argument("--split", choices=["tune", "held", "all"], default="tune")
    args = parser.parse_args()
    assistant = Assistant.open(Settings())
    locator = multihop.GoldLocator(assistant)
    catalog = assistant.catalog()
    counts: Counter[tuple[str, str]] = Counter()
    for question in multihop.prepare(args.set, args.split, None, 0):
        if not question.answerable:
            continue
        parts = plan_question(question.question, catalog).filtered_parts
        gold = [doc_id for doc_id in locator.article_ids(question) if doc_id]

        outside = [doc_id for doc_id in gold if parts and not reachable(assistant, parts, doc_id)]
        for kind in (question.type, "all"):
            counts[kind, "questions"] += 1
            counts[kind, "constrained"] += bool(parts)
            counts[kind, "reachable"] += not outside
    print(f"split `{args.split}`: answerable questions whose every gold article their own outlets and dates reach")
    print("| question type | answerable | naming outlets or dates | every gold article reachable |")
    print("|---|---|---|---|")
    for kind in sorted({k for k, _ in counts}, key=lambda k: (k == "all", k)):
        n = counts[kind, "questions"]
        print(f"| {kind} | {n} | {counts[kind, 'constrained']} | {counts[kind, 'reachable'] / n:.2f} |")


if __name__ == "__main__":
    main()
