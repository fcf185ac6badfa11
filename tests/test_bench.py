"""The benchmark scripts run (on a tiny corpus); timings are the benchmark's job, not the tests'."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.support.project import PROJECT

sys.path.insert(0, str(PROJECT / "bench"))


def test_the_corpus_generator_is_deterministic_and_varied() -> None:
    from corpus_gen import generate_texts

    first, again, other = generate_texts(5, seed=1), generate_texts(5, seed=1), generate_texts(5, seed=2)
    assert first == again and first != other
    assert len({text for _, text in first}) == 5


def test_scale_benchmark_and_reports_run_on_a_tiny_corpus(tmp_path: Path, local_embedder: Any) -> None:
    import run  # bench/run.py

    rows = run.bench_scale(tmp_path, [150], local_embedder, ["Japan NATO summit", "military budget"], None)
    assert rows[0]["chunks"] >= 150 and rows[0]["hybrid_p50_ms"] > 0 and rows[0]["warm_ask_p50_ms"] > 0
    results = {
        "machine": "test",
        "when": "now",
        "command": "test",
        "ingest": {
            "chunks": 1,
            "raw_embedder_chunks_per_s": 1.0,
            "ingest_chunks_per_s": 1.0,
            "ingest_vs_raw": 1.0,
            "first_ingest_s": 1.0,
            "second_ingest_s": 0.01,
            "second_vs_first": 0.01,
        },
        "naive": {"naive_ingest_s": 1.0, "ours_vs_naive_ingest_time": 1.0},
        "scale": rows,
    }
    run.write_reports(results, tmp_path / "out")
    assert (tmp_path / "out" / "latency.png").read_bytes().startswith(b"\x89PNG")
    assert "| 15" in (tmp_path / "out" / "results.md").read_text()
