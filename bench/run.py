"""The benchmark suite: ingest throughput, the naive pipeline, retrieval at scale, end to end.

    python bench/run.py [--quick] [--out bench/results]

Every comparison is measured in this one process, on this machine, in this run; latencies
are medians (p50) and 95th percentiles over repeated queries. Writes results.json,
results.md and latency.png into the output folder.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_gen import generate_texts, write_corpus
from llama_index.core.schema import QueryBundle

import rag  # noqa: F401  (offline settings first)
from rag.assistant import Assistant
from rag.bm25 import Bm25Index
from rag.chunking import chunk_article, chunker_signature
from rag.corpus import Article, content_id
from rag.evaluation import load_eval_set
from rag.ingest import embed_texts, ingest_paths
from rag.minilm import MAX_WORD_PIECES, count_word_pieces
from rag.models import build_embedder, chunk_window, embedder_id
from rag.records import FileRef, Filters
from rag.retrieve import HybridRetriever
from rag.settings import Settings
from rag.store import CorpusStore

PROJECT = Path(__file__).resolve().parent.parent
DEV_SET = PROJECT.parent / "shared" / "eval" / "dev.jsonl"
COLD_RUNS = 5  # new `rag ask` processes per cold-start measurement (their median is the figure)


def settings_for(storage: Path, **extra: Any) -> Settings:
    return Settings(_env_file=None, storage_dir=storage, **extra)  # type: ignore[call-arg]


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q)) if values else 0.0


def timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - started


# -- ingest -------------------------------------------------------------------------------


def bench_ingest(work: Path, n_articles: int, embedder: Any, tag: str = "", **extra: Any) -> dict[str, Any]:
    """Full ingest against the raw embedder on the same chunk texts and batch size.

    `tag` names the folders (one per embedder runtime), `extra` goes to the settings.
    """
    folder = work / f"ingest-corpus{tag}"
    paths = write_corpus(folder, n_articles, seed=11)
    settings = settings_for(work / f"ingest-store{tag}", **extra)
    window = chunk_window(settings)
    texts = []
    for path in paths:
        texts += [c.text for c in chunk_article(path.read_text(encoding="utf-8"), 200, window=window)]
    embedder.get_text_embedding_batch(texts[:64])  # warm up both paths alike
    # The raw embedder runs before and after the ingest, so drift on a shared machine
    # (thermal, neighbours) falls on both sides alike.
    _, raw_before_s = timed(embed_texts, embedder, texts, settings.embed_batch_size, lambda n: None)
    first, first_s = timed(ingest_paths, settings, [folder], load_embedder=lambda: embedder)
    _, raw_after_s = timed(embed_texts, embedder, texts, settings.embed_batch_size, lambda n: None)
    _, second_s = timed(ingest_paths, settings, [folder], load_embedder=lambda: embedder)
    raw_s = (raw_before_s + raw_after_s) / 2
    return {
        "chunks": len(texts),
        "raw_embedder_runs_s": [raw_before_s, raw_after_s],
        "raw_embedder_chunks_per_s": len(texts) / raw_s,
        "ingest_chunks_per_s": first.chunks_written / first_s,
        "ingest_vs_raw": (first.chunks_written / first_s) / (len(texts) / raw_s),
        "first_ingest_s": first_s,
        "second_ingest_s": second_s,
        "second_vs_first": second_s / first_s,
        "folder": str(folder),
    }


def bench_naive(work: Path, folder: Path, embedder: Any, ours_s: float) -> dict[str, Any]:
    """LlamaIndex defaults (VectorStoreIndex.from_documents) with the same embedder and Chroma."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from llama_index.core import SimpleDirectoryReader, StorageContext, VectorStoreIndex
    from llama_index.vector_stores.chroma import ChromaVectorStore

    def build(path: Path, name: str) -> tuple[Any, float]:
        client = chromadb.PersistentClient(str(work / name), settings=ChromaSettings(anonymized_telemetry=False))
        store = ChromaVectorStore(chroma_collection=client.get_or_create_collection("naive"))
        documents = SimpleDirectoryReader(str(path)).load_data()
        context = StorageContext.from_defaults(vector_store=store)
        return timed(VectorStoreIndex.from_documents, documents, storage_context=context, embed_model=embedder)

    _, naive_s = build(folder, "naive-store")
    result: dict[str, Any] = {"naive_ingest_s": naive_s, "ours_vs_naive_ingest_time": ours_s / naive_s}
    result.update(embedded_share(folder, embedder))
    if DEV_SET.exists():
        corpus = work / "bundled"
        shutil.copytree(PROJECT / "corpus", corpus, ignore=shutil.ignore_patterns("manifest.json"))
        naive_index, _ = build(corpus, "naive-dev")
        ours_settings = settings_for(work / "ours-dev")
        ingest_paths(ours_settings, [PROJECT / "corpus"], load_embedder=lambda: embedder)
        ours = Assistant.open(ours_settings, embedder=embedder)
        naive = naive_index.as_retriever(similarity_top_k=5)
        for name, retrieve in (
            ("ours", lambda q: [p.text for p in ours.retrieve(q).passages[:5]]),
            ("naive", lambda q: [n.node.get_content() for n in naive.retrieve(q)][:5]),
        ):
            recalls, reciprocal = [], []
            for question in load_eval_set(DEV_SET):
                if not question.answerable:
                    continue
                texts = retrieve(question.question)
                ranks = [next((i for i, t in enumerate(texts, 1) if gold in t), None) for _, gold in question.gold]
                recalls.append(sum(r is not None for r in ranks) / len(ranks))
                found = [r for r in ranks if r]
                reciprocal.append(1 / min(found) if found else 0.0)
            result[f"{name}_recall@5"] = statistics.mean(recalls)
            result[f"{name}_mrr"] = statistics.mean(reciprocal)
    return result


def embedded_share(folder: Path, embedder: Any) -> dict[str, Any]:
    """How many chunks each pipeline embeds, and what share of their tokens the model reads.

    all-MiniLM-L6-v2 reads at most its max_seq_length (256) word pieces of a text and
    ignores the rest; LlamaIndex's default splitter cuts 1,024-token chunks.
    """
    from llama_index.core import SimpleDirectoryReader
    from llama_index.core.node_parser import SentenceSplitter

    naive = [
        n.get_content()
        for n in SentenceSplitter().get_nodes_from_documents(SimpleDirectoryReader(str(folder)).load_data())
    ]
    window = chunk_window(settings_for(folder))
    ours = [
        c.text
        for path in sorted(folder.iterdir())
        for c in chunk_article(path.read_text(encoding="utf-8"), 200, window=window)
    ]
    result: dict[str, Any] = {}
    for name, texts in (("ours", ours), ("naive", naive)):
        lengths = [count_word_pieces(t) for t in texts]
        result[f"{name}_chunks"] = len(texts)
        result[f"{name}_tokens_read_share"] = sum(min(n, MAX_WORD_PIECES) for n in lengths) / sum(lengths)
    return result


# -- retrieval at scale -------------------------------------------------------------------


def synthetic_store(settings: Settings, n_chunks: int, embedder: Any, seed: int = 3) -> tuple[CorpusStore, float]:
    """A store of about `n_chunks` generated chunks with precomputed vectors (no embedding)."""
    from corpus_gen import base_sentences

    pool = base_sentences()
    pool_vectors = np.asarray(embedder.get_text_embedding_batch(pool), dtype=np.float32)
    rng = np.random.default_rng(seed)
    store = CorpusStore.open(settings)
    store.claim_embedder(embedder_id(settings))
    started = time.perf_counter()
    written = 0
    window = chunk_window(settings)
    chunker = chunker_signature(settings.chunk_tokens, window)
    i = 0
    while written < n_chunks:
        batch = generate_texts(100, seed=seed * 100_000 + i)
        i += 1
        entries, writes = [], []
        for title, text in batch:
            article = Article(doc_id=content_id(text), path=f"synthetic/{title}.txt", title=title, text=text)
            chunks = chunk_article(text, settings.chunk_tokens, window=window)
            vectors = []
            for _ in chunks:
                # A chunk's vector: the mean of a few real sentence vectors, plus noise.
                picks = rng.integers(0, len(pool), size=3)
                vector = pool_vectors[picks].mean(axis=0) + rng.normal(0, 0.02, pool_vectors.shape[1])
                vectors.append((vector / np.linalg.norm(vector)).tolist())
            entries.append((article, [FileRef(article.path, article.path, content_id(text))], None))
            writes.append((article, chunks, vectors, None))
            written += len(chunks)
            if written >= n_chunks:
                break
        records = store.begin_articles(entries, chunker)
        store.write_chunks(writes)
        store.commit_articles(records, [len(w[1]) for w in writes])
    return store, time.perf_counter() - started


def bench_scale(
    work: Path, sizes: list[int], embedder: Any, queries: list[str], server: tuple[str, int] | None
) -> list[dict[str, Any]]:
    """Hybrid retrieval p50/p95 with precomputed vectors, beside bare Chroma and bare bm25s."""
    import bm25s

    from rag.lexicon import stemmer

    query_vectors, embed_times = [], []
    for q in queries:
        vector, seconds = timed(embedder.get_query_embedding, q)
        query_vectors.append(vector)
        embed_times.append(seconds * 1000)
    rows = []
    for size in sizes:
        for mode in ("embedded", "server") if server else ("embedded",):
            if mode == "server" and size != sizes[0]:
                continue
            extra = (
                {"chroma_host": server[0], "chroma_port": server[1], "collection_prefix": f"b{size}"}
                if mode == "server" and server
                else {}
            )
            settings = settings_for(work / f"scale-{size}-{mode}", **extra)
            store, build_s = synthetic_store(settings, size, embedder)
            bm25, bm25_s = timed(Bm25Index.load_or_build, store, settings.storage_dir / "bm25")
            retriever = HybridRetriever(store, bm25, embedder)
            hybrid, chroma_only, bm25_only = [], [], []
            for q, vector in zip(queries * 3, query_vectors * 3, strict=True):
                # The whole LlamaIndex pipeline: two retrievers, fusion, the postprocessors.
                _, t = timed(retriever.retrieve, QueryBundle(query_str=q, embedding=vector), Filters(), 8)
                hybrid.append(t * 1000)
                _, t = timed(store.chunks.query, query_embeddings=[vector], n_results=40)
                chroma_only.append(t * 1000)
                tokens = bm25s.tokenize(q, stemmer=stemmer(), show_progress=False)
                _, t = timed(bm25.retriever.bm25.retrieve, tokens, k=40, show_progress=False)
                bm25_only.append(t * 1000)
            row: dict[str, Any] = {
                "chunks": store.count_chunks(),
                "mode": mode,
                "build_s": build_s,
                "bm25_build_s": bm25_s,
                "hybrid_p50_ms": percentile(hybrid, 50),
                "hybrid_p95_ms": percentile(hybrid, 95),
                "chroma_p50_ms": percentile(chroma_only, 50),
                "bm25_p50_ms": percentile(bm25_only, 50),
                "query_embedding_p50_ms": percentile(embed_times, 50),
            }
            row["hybrid_vs_bare_sum"] = row["hybrid_p50_ms"] / (row["chroma_p50_ms"] + row["bm25_p50_ms"])
            if mode == "embedded" and size == sizes[-1]:
                row.update(bench_end_to_end(settings, embedder, queries))
            rows.append(row)
            print(json.dumps(row), flush=True)
    return rows


def bench_end_to_end(settings: Settings, embedder: Any, queries: list[str]) -> dict[str, Any]:
    """Warm extractive ask p50, cold start of a new process, and peak memory."""
    assistant = Assistant.open(settings, embedder=embedder)
    assistant.warm_up()
    warm = [timed(assistant.ask, q)[1] * 1000 for q in queries * 2]
    # As after a real ingest, the process that wrote the index has let go of it: stopping
    # our Chroma system flushes what it holds, which a new process would otherwise replay.
    assistant.store.client._system.stop()
    runs = [cold_ask(settings, queries[0]) for _ in range(COLD_RUNS)]
    return {
        "cold_start_median_s": statistics.median(r["since_launch_s"] for r in runs),
        "cold_start_runs": len(runs),
        "warm_ask_p50_ms": percentile(warm, 50),
        "warm_ask_p95_ms": percentile(warm, 95),
        # The first new process after the index was written, and the next one.
        "cold_start_s": runs[0]["since_launch_s"],
        "cold_start_again_s": runs[1]["since_launch_s"],
        "cold_process_wall_s": runs[0]["wall_s"],
        "cold_process_peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
        "bench_process_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def cold_ask(settings: Settings, question: str, extra_env: dict[str, str] | None = None) -> dict[str, Any]:
    """One `rag ask` in a new process (bench/cold_ask.py): its own timings and peak memory."""
    env = {
        **os.environ,
        **(extra_env or {}),
        "RAG_STORAGE_DIR": str(settings.storage_dir),
        "PYTHONPATH": str(PROJECT),
        "BENCH_LAUNCHED_AT": repr(time.time()),
    }
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(PROJECT / "bench" / "cold_ask.py"), question],
        env=env,
        cwd=PROJECT,
        capture_output=True,
        check=True,
        text=True,
    )
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    report["wall_s"] = time.perf_counter() - started
    return report


def start_chroma_server(folder: Path) -> tuple[subprocess.Popen[bytes], tuple[str, int]]:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    chroma = Path(sys.executable).parent / "chroma"
    proc = subprocess.Popen(
        [str(chroma), "run", "--path", str(folder), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.3).close()
            break
        except OSError:
            time.sleep(0.2)
    return proc, ("127.0.0.1", port)


def write_reports(results: dict[str, Any], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2))
    ingest, naive, scale = results["ingest"], results["naive"], results["scale"]
    lines = [
        f"Machine: {results['machine']}; run {results['when']}; `{results['command']}`.",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| full ingest vs raw embedder ({ingest['chunks']} chunks; raw: mean of a run before and after) | "
        f"{ingest['ingest_chunks_per_s']:.1f} vs "
        f"{ingest['raw_embedder_chunks_per_s']:.1f} chunks/s = {ingest['ingest_vs_raw']:.2f} | ≥ 0.9 |",
        f"| second, unchanged ingest | {ingest['second_ingest_s']:.2f} s = {ingest['second_vs_first']:.1%} "
        "of the first | ≤ 5% |",
        f"| ingest time, ours vs naive LlamaIndex | {ingest['first_ingest_s']:.1f} s vs "
        f"{naive['naive_ingest_s']:.1f} s = {naive['ours_vs_naive_ingest_time']:.2f} | ≤ 1 |",
    ]
    if "naive_chunks" in naive:
        lines.append(
            f"| chunks embedded, and share of their tokens the embedder reads, ours vs naive | "
            f"{naive['ours_chunks']} ({naive['ours_tokens_read_share']:.0%}) vs {naive['naive_chunks']} "
            f"({naive['naive_tokens_read_share']:.0%}) | — |"
        )
    if "ours_recall@5" in naive:
        lines.append(
            f"| dev recall@5 / MRR, ours vs naive | {naive['ours_recall@5']:.2f} / {naive['ours_mrr']:.2f} vs "
            f"{naive['naive_recall@5']:.2f} / {naive['naive_mrr']:.2f} | higher |"
        )
    lines += [
        "",
        "| chunks | store | hybrid p50 | hybrid p95 | bare Chroma p50 | bare bm25s p50 "
        "| hybrid / (Chroma + bm25s) | query embedding p50 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in scale:
        lines.append(
            f"| {row['chunks']} | {row['mode']} | {row['hybrid_p50_ms']:.1f} ms | {row['hybrid_p95_ms']:.1f} ms | "
            f"{row['chroma_p50_ms']:.1f} ms | {row['bm25_p50_ms']:.1f} ms | {row['hybrid_vs_bare_sum']:.2f} | "
            f"{row['query_embedding_p50_ms']:.1f} ms |"
        )
    last = [r for r in scale if "warm_ask_p50_ms" in r]
    if last:
        r = last[-1]
        lines += [
            "",
            f"At {r['chunks']} chunks: warm extractive `ask` p50 {r['warm_ask_p50_ms']:.0f} ms (p95 "
            f"{r['warm_ask_p95_ms']:.0f} ms; target ≤ 300); cold start to the first answer, median of "
            f"{r.get('cold_start_runs', 2)} new processes, {r.get('cold_start_median_s', r['cold_start_s']):.1f} s "
            f"(target ≤ 4): {r['cold_start_s']:.1f} s in the first new process after the index was written, "
            f"{r.get('cold_start_again_s', 0):.1f} s in the "
            f"next ({r.get('cold_process_wall_s', r['cold_start_s']):.1f} s to the first one's exit); "
            f"peak RSS of that process {r['cold_process_peak_rss_mb']:.0f} MB, of the benchmark process "
            f"{r['bench_process_peak_rss_mb']:.0f} MB (target ≤ 2048).",
        ]
    if "runtimes" in results:
        from runtimes import markdown

        lines += markdown(results["runtimes"])
    (out / "results.md").write_text("\n".join(lines) + "\n")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    embedded = [r for r in scale if r["mode"] == "embedded"]
    sizes = [r["chunks"] for r in embedded]
    fig, ax = plt.subplots(figsize=(6, 4))
    for key, label in (
        ("hybrid_p50_ms", "hybrid p50"),
        ("hybrid_p95_ms", "hybrid p95"),
        ("chroma_p50_ms", "bare Chroma p50"),
        ("bm25_p50_ms", "bare bm25s p50"),
    ):
        ax.plot(sizes, [r[key] for r in embedded], marker="o", label=label)
    ax.set_xscale("log")
    ax.set_xlabel("chunks in the index")
    ax.set_ylabel("latency (ms)")
    ax.set_title("Retrieval latency against corpus size (embedded Chroma)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "latency.png", dpi=100)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, under a minute")
    parser.add_argument("--out", type=Path, default=PROJECT / "bench" / "results")
    parser.add_argument("--sizes", type=int, nargs="*", help="chunk counts for the scale test")
    args = parser.parse_args()
    ingest_articles = 40 if args.quick else 360  # about 230 / 2,000 chunks
    sizes = args.sizes or ([1000, 3000] if args.quick else [10_000, 100_000])
    from runtimes import bench_runtimes, load_torch_embedder

    embedder = build_embedder(Settings(_env_file=None))
    work = Path(tempfile.mkdtemp(prefix="corpus-chat-bench-"))
    server_proc, server = start_chroma_server(work / "chroma-server")
    try:
        # The two runtimes side by side first: torch is let go before the rest runs on ONNX alone.
        runtimes = bench_runtimes(work, ingest_articles, embedder, load_torch_embedder())
        print(json.dumps({k: v for k, v in runtimes.items() if not k.endswith("_ingest")}), flush=True)
        ingest = runtimes["onnx_ingest"]
        print(json.dumps(ingest), flush=True)
        naive = bench_naive(work, Path(ingest["folder"]), embedder, ingest["first_ingest_s"])
        print(json.dumps(naive), flush=True)
        queries = [q.question for q in load_eval_set(DEV_SET)] if DEV_SET.exists() else ["Japan NATO summit"]
        scale = bench_scale(work, sizes, embedder, queries, server)
    finally:
        server_proc.terminate()
        shutil.rmtree(work, ignore_errors=True)
    results = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "when": time.strftime("%Y-%m-%d %H:%M"),
        "command": "make bench" + (" QUICK=1" if args.quick else ""),
        "ingest": ingest,
        "runtimes": runtimes,
        "naive": naive,
        "scale": scale,
    }
    write_reports(results, args.out)
    print((args.out / "results.md").read_text())


if __name__ == "__main__":
    main()
