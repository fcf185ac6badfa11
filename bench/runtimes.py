"""The bundled embedder's two runtimes side by side: onnxruntime (the default) and torch (the reference).

    python bench/runtimes.py [--quick]   (or as part of bench/run.py; needs the `torch` extra)

Measured in one run on the same inputs: the vectors (cosine of each ONNX vector to torch's on
the dev passages), full ingest throughput on the same generated articles, and the cold start
of `python -m rag ask` on the bundled corpus (a new process each time, the two runtimes taking
turns, medians of 5).
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import rag  # noqa: F401  (offline settings first)
from rag.chunking import chunk_article
from rag.evaluation import load_eval_set
from rag.ingest import ingest_paths
from rag.models import build_embedder, chunk_window
from rag.settings import TORCH_EMBED_MODEL

PROJECT = Path(__file__).resolve().parent.parent
DEV_SET = PROJECT.parent / "shared" / "eval" / "dev.jsonl"
COLD_RUNS = 5


def load_torch_embedder() -> Any | None:
    """The torch runtime, or None when the `torch` extra is not installed."""
    from run import settings_for

    from rag.errors import ConfigError

    try:
        return build_embedder(settings_for(Path("unused"), embed_model=TORCH_EMBED_MODEL))
    except (ConfigError, ImportError):
        return None


def dev_passages() -> list[str]:
    """The bundled corpus's chunks, the dev questions and their gold passages."""
    from run import settings_for

    window = chunk_window(settings_for(Path("unused")))
    texts = [
        c.text
        for path in sorted((PROJECT / "corpus").glob("*.txt"))
        for c in chunk_article(path.read_text(encoding="utf-8"), 200, window=window)
    ]
    if DEV_SET.exists():
        for question in load_eval_set(DEV_SET):
            texts.append(question.question)
            texts += [gold for _, gold in question.gold]
    return texts


def compare_vectors(onnx: Any, torch: Any) -> dict[str, Any]:
    import numpy as np

    texts = dev_passages()
    a = np.asarray(onnx.get_text_embedding_batch(texts))
    b = np.asarray(torch.get_text_embedding_batch(texts))
    cosine = (a * b).sum(axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
    return {"passages": len(texts), "cosine_min": float(cosine.min()), "cosine_mean": float(cosine.mean())}


def cold_starts(work: Path, onnx: Any, torch: Any | None, question: str) -> dict[str, Any]:
    """`rag ask` in new processes on the bundled corpus, each runtime against its own store."""
    from run import cold_ask, settings_for

    runtimes = {"onnx": (onnx, {})} | ({"torch": (torch, {"embed_model": TORCH_EMBED_MODEL})} if torch else {})
    stores = {}
    for name, (embedder, extra) in runtimes.items():
        settings = settings_for(work / f"cold-{name}", **extra)
        ingest_paths(settings, [PROJECT / "corpus"], load_embedder=lambda e=embedder: e)
        stores[name] = settings
    runs: dict[str, list[float]] = {name: [] for name in runtimes}
    for _ in range(COLD_RUNS):  # taking turns, so drift on a shared machine falls on both
        for name, settings in stores.items():
            env = {"RAG_EMBED_MODEL": settings.embed_model}
            runs[name].append(cold_ask(settings, question, env)["since_launch_s"])
    return {f"{name}_cold_start_s": statistics.median(times) for name, times in runs.items()} | {
        f"{name}_cold_start_runs_s": times for name, times in runs.items()
    }


def bench_runtimes(work: Path, n_articles: int, onnx: Any, torch: Any | None) -> dict[str, Any]:
    """Everything this module measures; the torch side is left out when its extra is missing."""
    from run import bench_ingest

    question = "Where was the NATO summit that Kishida attended held?"
    result: dict[str, Any] = {"torch_installed": torch is not None}
    result["onnx_ingest"] = bench_ingest(work, n_articles, onnx, tag="onnx")
    if torch is not None:
        result["torch_ingest"] = bench_ingest(work, n_articles, torch, tag="torch", embed_model=TORCH_EMBED_MODEL)
        result["ingest_speedup"] = (
            result["onnx_ingest"]["ingest_chunks_per_s"] / result["torch_ingest"]["ingest_chunks_per_s"]
        )
        result["vectors"] = compare_vectors(onnx, torch)
    result.update(cold_starts(work, onnx, torch, question))
    return result


def markdown(result: dict[str, Any]) -> list[str]:
    """The runtimes' table for results.md."""
    onnx_ingest = result["onnx_ingest"]
    torch_ingest = result.get("torch_ingest")
    lines = ["", "| bundled embedder, side by side | onnxruntime | torch (reference) | target |", "|---|---|---|---|"]
    if "vectors" in result:
        v = result["vectors"]
        lines.append(
            f"| cosine to torch's vectors on {v['passages']} dev passages (min / mean) | "
            f"{v['cosine_min']:.4f} / {v['cosine_mean']:.4f} | 1 | ≥ 0.99 (int8: MultiHop retrieval within 0.01) |"
        )
    torch_rate = f"{torch_ingest['ingest_chunks_per_s']:.1f}" if torch_ingest else "not installed"
    ratio = f" ({result['ingest_speedup']:.2f}x)" if "ingest_speedup" in result else ""
    lines.append(
        f"| full ingest, {onnx_ingest['chunks']} chunks, chunks/s | {onnx_ingest['ingest_chunks_per_s']:.1f}{ratio} | "
        f"{torch_rate} | ≥ 2x torch |"
    )
    if torch_ingest:
        lines.append(
            f"| raw embedding of the same chunks, chunks/s | {onnx_ingest['raw_embedder_chunks_per_s']:.1f} | "
            f"{torch_ingest['raw_embedder_chunks_per_s']:.1f} | — |"
        )
    runs = ", ".join(f"{t:.1f}" for t in result["onnx_cold_start_runs_s"])
    torch_cold = (
        f"{result['torch_cold_start_s']:.1f} s ({', '.join(f'{t:.1f}' for t in result['torch_cold_start_runs_s'])})"
        if "torch_cold_start_s" in result
        else "not installed"
    )
    lines.append(
        f"| cold start to the first answer of `rag ask`, bundled corpus, median of {COLD_RUNS} (runs) | "
        f"{result['onnx_cold_start_s']:.1f} s ({runs}) | {torch_cold} | ≤ 3 s |"
    )
    return lines


def main() -> None:
    import argparse
    import shutil
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="40 articles instead of 360")
    args = parser.parse_args()
    from run import settings_for

    onnx = build_embedder(settings_for(Path("unused")))
    work = Path(tempfile.mkdtemp(prefix="corpus-chat-runtimes-"))
    try:
        result = bench_runtimes(work, 40 if args.quick else 360, onnx, load_torch_embedder())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({k: v for k, v in result.items() if not k.endswith("_ingest")}, indent=2))
    print("\n".join(markdown(result)))


if __name__ == "__main__":
    main()
