"""Vector queries on a store whose every article `rag ingest` rewrote: in place, and compacted.

    python bench/compaction.py [--out storage/bench-compaction] [--rewrites 2] [--runs 7] [--questions 300]
                               [--answers 40] [--reuse]

A release that changes the chunker or the attribution (ATTRIBUTION_VERSION) makes the next
`rag ingest` rewrite every stored article, its vectors reused. This builds a store of the 609
MultiHop articles from scratch (`rag ingest`, about 4 minutes here; `--reuse` keeps the one an
earlier run built), then rewrites copies of it as such releases would, `--rewrites` times, each
rewrite a `rag ingest` in a process of its own with the attribution version patched there (the
shipped one is untouched): one line of copies in place (compaction switched off, as before
rag/compaction.py), one as shipped (compacted). A copy is kept after every rewrite. One more copy
has every other article rewritten once, in place: as far as a store gets before the shipped rule
compacts it (half as many entries of replaced chunks as live chunks).

It then times warm vector queries as the app makes them (the 40 nearest chunks, distances only;
the MultiHop questions' vectors computed beforehand) on every store, in this one process, the
stores taking turns in a rotating order; a store's figure is the median over runs of each run's
median query time, and its ratio to the store built from scratch. Then warm answers (`ask`, the
offline engine) to the first `--answers` MultiHop questions on the store built from scratch and
the last of each line of rewrites, `--runs` runs taking turns: the median answer time, and how many
answers are word for word those of the store built from scratch. The machine is shared: read the
ratios, and the spread of the runs printed beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import rag  # noqa: F401  (offline settings first)
from rag.settings import Settings
from rag.store import CorpusStore

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding

PROJECT = Path(__file__).resolve().parent.parent
MULTIHOP = PROJECT.parent / "shared" / "eval" / "multihop"
NEAREST = 40  # the dense retriever's candidates (rag.retrieve.CANDIDATES)


def settings_for(storage: Path) -> Settings:
    return Settings(_env_file=None, storage_dir=storage)  # type: ignore[call-arg]


def environment(storage: Path) -> dict[str, str]:
    """This environment, pointed at an embedded store in `storage`."""
    env = {k: v for k, v in os.environ.items() if k not in ("RAG_CHROMA_HOST", "RAG_CHROMA_PORT", "RAG_COLLECTION")}
    return env | {"PYTHONPATH": str(PROJECT), "RAG_STORAGE_DIR": str(storage)}


def build_from_scratch(storage: Path, articles: Path) -> float:
    """`rag ingest` of the articles into an empty store; its seconds."""
    if storage.exists():
        shutil.rmtree(storage)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "rag", "ingest", "--quiet", str(articles)],
        cwd=PROJECT,
        env=environment(storage),
        check=True,
    )
    return time.perf_counter() - started


def rewrite(storage: Path, articles: Path, version: str, in_place: bool, half: bool = False) -> dict[str, Any]:
    """Ingest the articles again as a release of attribution `version` would (in another process)."""
    command = [sys.executable, __file__, "--rewrite", str(storage), "--articles", str(articles), "--version", version]
    done = subprocess.run(
        command + (["--in-place"] if in_place else []) + (["--half"] if half else []),
        cwd=PROJECT,
        env=environment(storage),
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def rewrite_here(storage: Path, articles: Path, version: str, in_place: bool, half: bool) -> None:
    """The rewriting process: patch the attribution version (and compaction, if `in_place`), ingest, report.

    With `half`, only every other article file is ingested (given one by one), so only those are rewritten.
    """
    import rag.attribution
    import rag.compaction
    from rag.ingest import ingest_paths

    rag.attribution.ATTRIBUTION_VERSION = version  # every stored article is "not current" and written again
    if in_place:
        rag.compaction.MIN_REPLACED = sys.maxsize  # the ingest as it was before compaction
    paths = sorted(p for p in articles.iterdir() if p.suffix == ".txt")[::2] if half else [articles]
    report = ingest_paths(settings_for(storage), paths)
    result = {
        "seconds": report.seconds,
        "compacted": report.compacted,
        "updated": len(report.updated),
        "embedded": report.chunks_embedded,
        "summary": report.summary(),
    }
    print(json.dumps(result))


def questions(n: int) -> list[str]:
    """The first `n` MultiHop questions."""
    lines = (MULTIHOP / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:n]
    return [str(json.loads(line)["question"]) for line in lines]


def time_answers(
    stores: dict[str, CorpusStore], embedder: BaseEmbedding, asked: list[str], runs: int
) -> tuple[dict[str, list[float]], dict[str, list[str]]]:
    """Each store's median answer time (ms) in each run, and its answers (from a first, untimed run)."""
    from rag.assistant import Assistant

    assistants = {name: Assistant.open(s.settings, embedder=embedder, store=s) for name, s in stores.items()}
    answers = {name: [assistant.ask(q).text for q in asked] for name, assistant in assistants.items()}
    names = list(assistants)
    medians: dict[str, list[float]] = {name: [] for name in names}
    for run in range(runs):
        for name in names[run % len(names) :] + names[: run % len(names)]:
            times = []
            for question in asked:
                started = time.perf_counter()
                assistants[name].ask(question)
                times.append((time.perf_counter() - started) * 1000)
            medians[name].append(statistics.median(times))
    return medians, answers


def time_queries(stores: dict[str, CorpusStore], vectors: list[list[float]], runs: int) -> dict[str, list[float]]:
    """Each store's median query time (ms) in each run; the stores take turns, in a rotating order."""
    for store in stores.values():  # warm: the index loaded, the first queries paid
        store.warm_up()
        for vector in vectors[:20]:
            store.chunks.query(query_embeddings=[vector], n_results=NEAREST, include=["distances"])
    names = list(stores)
    medians: dict[str, list[float]] = {name: [] for name in names}
    for run in range(runs):
        for name in names[run % len(names) :] + names[: run % len(names)]:
            chunks = stores[name].chunks
            times = []
            for vector in vectors:
                started = time.perf_counter()
                chunks.query(query_embeddings=[vector], n_results=NEAREST, include=["distances"])
                times.append((time.perf_counter() - started) * 1000)
            medians[name].append(statistics.median(times))
    return medians


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=MULTIHOP / "articles")
    parser.add_argument("--out", type=Path, default=PROJECT / "storage" / "bench-compaction")
    parser.add_argument("--rewrites", type=int, default=2)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--answers", type=int, default=40, help="questions answered on three of the stores (0: none)")
    parser.add_argument("--reuse", action="store_true", help="keep the store built from scratch by an earlier run")
    parser.add_argument("--rewrite", type=Path, help=argparse.SUPPRESS)  # the rewriting process
    parser.add_argument("--version", help=argparse.SUPPRESS)
    parser.add_argument("--in-place", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--half", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rewrite:
        rewrite_here(args.rewrite, args.articles, args.version, args.in_place, args.half)
        return

    fresh = args.out / "scratch"
    if args.reuse and (fresh / "chroma").exists():
        print(f"built from scratch: {fresh} (reused)", flush=True)
    else:
        print(f"built from scratch in {build_from_scratch(fresh, args.articles):.0f} s", flush=True)
    rows: dict[str, dict[str, Any]] = {"built from scratch": {"rewrite": None}}
    folders = {"built from scratch": fresh}
    for kind, in_place in (("in place", True), ("compacted", False)):
        before = fresh
        for n in range(1, args.rewrites + 1):
            name = f"rewritten {n}x, {kind}"
            folder = args.out / f"{'in-place' if in_place else 'compacted'}-{n}"
            if folder.exists():
                shutil.rmtree(folder)
            shutil.copytree(before, folder)
            result = rewrite(folder, args.articles, f"attribution-bench-{n}", in_place)
            print(f"{name}: {result['summary']}", flush=True)
            rows[name], folders[name], before = {"rewrite": result}, folder, folder
    name, folder = "every other article rewritten once, in place", args.out / "half-in-place"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(fresh, folder)
    rows[name] = {"rewrite": rewrite(folder, args.articles, "attribution-bench-1", True, half=True)}
    folders[name] = folder
    print(f"{name}: {rows[name]['rewrite']['summary']}", flush=True)

    from rag.models import build_embedder

    stores = {name: CorpusStore.open(settings_for(folder)) for name, folder in folders.items()}
    embedder = build_embedder(settings_for(fresh))
    vectors = [embedder.get_query_embedding(q) for q in questions(args.questions)]
    medians = time_queries(stores, vectors, args.runs)
    base = statistics.median(medians["built from scratch"])
    print(
        f"\n{len(vectors)} vector queries ({NEAREST} nearest, distances only) a run, {args.runs} runs; "
        f"{stores['built from scratch'].count_chunks()} chunks\n"
    )
    print("| store | entries of replaced chunks | rewrite | query p50 (median of runs) | vs from scratch | runs (ms) |")
    print("|---|---|---|---|---|---|")
    for name, store in stores.items():
        rewritten = rows[name]["rewrite"]
        took = f"{rewritten['seconds']:.0f} s, {rewritten['embedded']} embedded" if rewritten else "—"
        p50 = statistics.median(medians[name])
        runs = ", ".join(f"{m:.2f}" for m in medians[name])
        print(f"| {name} | {store.replaced_entries()} | {took} | {p50:.2f} ms | {p50 / base:.2f} | {runs} |")
    if not args.answers:
        return
    last = [f"rewritten {args.rewrites}x, in place", f"rewritten {args.rewrites}x, compacted"]
    answering = {name: stores[name] for name in ["built from scratch", *last]}
    asked = questions(args.answers)
    times, answers = time_answers(answering, embedder, asked, args.runs)
    base = statistics.median(times["built from scratch"])
    print(f"\n{len(asked)} warm answers a run, {args.runs} runs\n")
    print("| store | answer p50 (median of runs) | vs from scratch | runs (ms) | answers as from scratch |")
    print("|---|---|---|---|---|")
    for name in answering:
        p50 = statistics.median(times[name])
        same = sum(a == b for a, b in zip(answers[name], answers["built from scratch"], strict=True))
        runs = ", ".join(f"{m:.0f}" for m in times[name])
        print(f"| {name} | {p50:.0f} ms | {p50 / base:.2f} | {runs} | {same} of {len(asked)} |")


if __name__ == "__main__":
    main()
