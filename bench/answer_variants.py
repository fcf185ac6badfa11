"""Answer-step settings side by side on the MultiHop-RAG tuning questions, in one process.

The first run asks every question through the public API; the runs after it reuse each
question's retrieval and every sentence embedding, so a variant of the extractive engine's
settings costs seconds instead of minutes. A variant sets module constants of
`rag.extractive` (`PART_RATIO=0.5`, `OTHER_ARTICLE_RATIO=0.6` ...) or, named with their
module, of another answer-step module of `rag` (`entities.ECHO=0.5`); `--sentence-weight`
sets the SentenceMatch postprocessor's weight before the first run (it changes retrieval).

    RAG_STORAGE_DIR=storage/multihop .venv/bin/python bench/answer_variants.py --n 150 --seed 3 \\
        "PART_RATIO=0.5" "OTHER_ARTICLE_RATIO=0.6" "FACET_MATCH=0.4"

Tune only: the held split is for reporting (README, "Answers on real questions").
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rag import multihop
from rag.assistant import Assistant
from rag.records import AskOptions
from rag.request import Retrieval
from rag.sentence_match import SentenceMatch
from rag.settings import Settings

COLUMNS = [
    ("hits@10", "Hits@10"),
    ("mrr@10", "MRR@10"),
    ("gold_fact_cited", "gold fact cited"),
    ("all_gold_articles_cited", "all gold articles"),
    ("fact_recall", "fact recall"),
    ("citation_precision", "precision"),
    ("null_declined", "null declined"),
    ("answerable_declined", "answerable declined"),
    ("entity_correct", "entity correct"),
]


def cache_work(assistant: Assistant) -> None:
    """Keep each question's retrieval and each sentence's embedding for the runs that follow."""
    embedder_type = type(assistant.embedder)
    embed_batch = embedder_type.get_text_embedding_batch
    vectors: dict[str, list[float]] = {}

    def cached_batch(self: Any, texts: list[str], **kwargs: Any) -> list[list[float]]:
        missing = [t for t in dict.fromkeys(texts) if t not in vectors]
        if missing:
            vectors.update(zip(missing, embed_batch(self, missing, **kwargs), strict=True))
        return [vectors[t] for t in texts]

    retrieve = Assistant.retrieve
    retrievals: dict[tuple[str, str], Retrieval] = {}

    def cached_retrieve(self: Assistant, question: str, options: AskOptions | None = None, history: Any = ()) -> Any:
        key = (question, repr(options))
        if key not in retrievals:
            retrievals[key] = retrieve(self, question, options, history)
        return retrievals[key]

    embedder_type.get_text_embedding_batch = cached_batch  # type: ignore[method-assign]
    Assistant.retrieve = cached_retrieve  # type: ignore[method-assign]


def parse_variant(text: str) -> dict[tuple[Any, str], float]:
    """'PART_RATIO=0.5,entities.ECHO=0.9' -> (module, constant) -> the value to set."""
    settings = {}
    for item in filter(None, text.split(",")):
        name, _, value = item.partition("=")
        module_name, _, constant = name.strip().rpartition(".")
        module = importlib.import_module(f"rag.{module_name or 'extractive'}")
        if not hasattr(module, constant):
            raise SystemExit(f"{module.__name__} has no setting {constant!r}")
        settings[(module, constant)] = float(value)
    return settings


def run(label: str, questions: Sequence[multihop.MultiHopQuestion], assistant: Assistant, locator: Any) -> str:
    started = time.perf_counter()
    results = multihop.evaluate(questions, assistant, locator)
    row = multihop.summarize(results)["all"]
    answerable = [r for r in results if r.answerable]
    cites = sum(r.citations for r in answerable) / max(1, len(answerable))
    cells = [f"{row[key]:.3f}" if isinstance(row[key], float) else "–" for key, _ in COLUMNS]
    seconds = time.perf_counter() - started
    return f"| {label} | " + " | ".join(cells) + f" | {cites:.2f} | {seconds:.0f} |"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variants", nargs="*", help="settings, e.g. PART_RATIO=0.5,entities.ECHO=0.9")
    parser.add_argument("--set", default="../shared/eval/multihop/dev.jsonl", type=Path)
    parser.add_argument("--n", type=int, default=150)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--sentence-weight", type=float, default=None, help="SentenceMatch's weight (0: off)")
    args = parser.parse_args(argv)
    variants = [(v, parse_variant(v)) for v in args.variants]
    questions = multihop.prepare(args.set, "tune", args.n, args.seed)
    assistant = Assistant.open(Settings())
    if args.sentence_weight is not None:
        for reranker in assistant._indexes.retriever.rerankers:
            if isinstance(reranker, SentenceMatch):
                reranker.weight = args.sentence_weight
    cache_work(assistant)
    locator = multihop.GoldLocator(assistant)
    print(f"{len(questions)} tune questions (seed {args.seed}); citations per answerable question; seconds\n")
    print("| settings | " + " | ".join(title for _, title in COLUMNS) + " | cites | s |")
    print("|---" * (len(COLUMNS) + 3) + "|")
    print(run("as committed", questions, assistant, locator), flush=True)
    for label, settings in variants:
        before = {(module, name): getattr(module, name) for module, name in settings}
        for (module, name), value in settings.items():
            setattr(module, name, type(before[(module, name)])(value))
        print(run(label, questions, assistant, locator), flush=True)
        for (module, name), value in before.items():
            setattr(module, name, value)


if __name__ == "__main__":
    main()
