"""MultiHop-RAG retrieval with the bundled model's two runtimes, side by side (issue 15).

The default embedder runs all-MiniLM-L6-v2 with int8 weights on onnxruntime; its vectors
differ a little from the torch model's (cosine about 0.99), so the benchmark's retrieval is
compared, question by question, between a store built by each runtime: Hits@4, Hits@10 and
MRR@10 (a hit is a gold fact inside a retrieved passage), the figures `make eval-multihop`
reports. Each store is built once (`rag ingest`, reused while unchanged); no question is
answered, only retrieved. The torch side needs the `torch` extra (`make .venv/.installed-torch`).

    .venv/bin/python bench/embedder_retrieval.py [--split all|tune|held]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rag import multihop
from rag.assistant import Assistant
from rag.records import AskOptions
from rag.settings import TORCH_EMBED_MODEL, Settings

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT.parent / "shared" / "eval" / "multihop"
# The onnxruntime store is `make eval-multihop`'s; torch gets one of its own.
STORES = {
    "onnxruntime int8": (PROJECT / "storage" / "multihop", {}),
    "torch fp32": (PROJECT / "storage" / "multihop-torch", {"RAG_EMBED_MODEL": TORCH_EMBED_MODEL}),
}


def ranks(storage: Path, env: dict[str, str], questions: list[multihop.MultiHopQuestion]) -> list[int | None]:
    """The rank of the first passage holding a gold fact, for each answerable question."""
    import os

    environment = {**os.environ, "RAG_STORAGE_DIR": str(storage), **env}
    ingest = [sys.executable, "-m", "rag", "ingest", "--quiet", str(DATA / "articles")]
    subprocess.run(ingest, check=True, cwd=PROJECT, env=environment)
    os.environ.update({"RAG_STORAGE_DIR": str(storage), **env})
    assistant = Assistant.open(Settings())
    locator = multihop.GoldLocator(assistant)
    found = []
    for question in questions:
        passages = assistant.retrieve(question.question, AskOptions(top_k=multihop.RETRIEVE_K)).passages
        found.append(multihop.first_gold_rank(passages, locator.spans(question)))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["tune", "held", "all"], default="all")
    args = parser.parse_args()
    questions = [q for q in multihop.prepare(DATA / "dev.jsonl", args.split, None, 0) if q.answerable]
    print(f"{len(questions)} answerable questions ({args.split})")
    print("| runtime | Hits@4 | Hits@10 | MRR@10 |\n|---|---|---|---|")
    for name, (storage, env) in STORES.items():
        found = ranks(storage, env, questions)
        hits4 = sum(1 for r in found if r is not None and r <= 4) / len(found)
        hits10 = sum(1 for r in found if r is not None and r <= 10) / len(found)
        mrr = sum(1 / r for r in found if r is not None and r <= 10) / len(found)
        print(f"| {name} | {hits4:.4f} | {hits10:.4f} | {mrr:.4f} |", flush=True)


if __name__ == "__main__":
    main()
