"""Why the retrieval pipeline subclasses three LlamaIndex classes: each, measured against its base.

On one synthetic store (same chunks, same query vectors, medians over the queries):
- node decoding: `metadata_dict_to_node` (what ChromaVectorStore and BM25Retriever call per
  hit) against `rag.nodes.node_from_metadata` (our subclasses), per hit;
- dense: VectorIndexRetriever over the stock ChromaVectorStore against ChunkVectorStore (k=40);
- BM25 with a source filter: the stock BM25Retriever (filters as MetadataFilters, built per
  request as filters differ per request) against MaskedBM25Retriever (numpy mask), k=40.

    .venv/bin/python bench/llamaindex_classes.py [--chunks 20000]

Prints one JSON line per measure and a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from llama_index.core.indices.vector_store.base import VectorStoreIndex
from llama_index.core.indices.vector_store.retrievers.retriever import VectorIndexRetriever
from llama_index.core.schema import QueryBundle
from llama_index.core.vector_stores.utils import metadata_dict_to_node
from llama_index.retrievers.bm25 import BM25Retriever
from llama_index.vector_stores.chroma import ChromaVectorStore
from run import settings_for, synthetic_store

import rag  # noqa: F401  (offline settings first)
from rag.bm25 import Bm25Index
from rag.filters import metadata_filters
from rag.lexicon import stemmer
from rag.models import build_embedder
from rag.nodes import node_from_metadata
from rag.records import Filters

QUERIES = [
    "What did the minister say about the defence budget?",
    "How many people were affected by the floods?",
    "Which company announced the new chip?",
    "When will the election take place?",
    "What did experts say about inflation?",
]


def median_ms(fn: Any, repeat: int = 3) -> float:
    """The median time of `fn()` over `repeat` x queries calls (fn takes the query index)."""
    times = []
    for _ in range(repeat):
        for i in range(len(QUERIES)):
            started = time.perf_counter()
            fn(i)
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    """Build a store, time each base class against our subclass."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=20_000)
    args = parser.parse_args()
    embedder = build_embedder(settings_for(Path(".")))
    with tempfile.TemporaryDirectory(prefix="corpus-chat-li-") as tmp:
        settings = settings_for(Path(tmp))
        store, _ = synthetic_store(settings, args.chunks, embedder)
        bm25 = Bm25Index.load_or_build(store, settings.storage_dir / "bm25")
        vectors = [embedder.get_query_embedding(q) for q in QUERIES]
        bundles = [QueryBundle(query_str=q, embedding=v) for q, v in zip(QUERIES, vectors, strict=True)]
        rows: list[tuple[str, float, float]] = []

        stored = store.chunks.get(limit=40, include=["documents", "metadatas"])
        pairs = list(zip(stored["ids"], stored["documents"] or [], stored["metadatas"] or [], strict=True))
        base = median_ms(lambda _: [metadata_dict_to_node(dict(m or {}), text=t) for _, t, m in pairs]) / len(pairs)
        ours = median_ms(lambda _: [node_from_metadata(i, t or "", dict(m or {})) for i, t, m in pairs]) / len(pairs)
        rows.append(("decode one hit into a node", base, ours))

        stock = ChromaVectorStore(chroma_collection=store.chunks)
        stock.flat_metadata = False
        stock_index = VectorStoreIndex.from_vector_store(stock, embed_model=embedder)
        our_index = VectorStoreIndex.from_vector_store(store.vector_store, embed_model=embedder)
        base = median_ms(lambda i: VectorIndexRetriever(stock_index, similarity_top_k=40).retrieve(bundles[i]))
        ours = median_ms(lambda i: VectorIndexRetriever(our_index, similarity_top_k=40).retrieve(bundles[i]))
        rows.append(("dense retrieval, k=40 (ChromaVectorStore vs ChunkVectorStore)", base, ours))

        assert bm25.retriever is not None
        some_source = str(bm25.column("source")[0])
        rules = metadata_filters(Filters(sources=(some_source,)))

        def stock_bm25(i: int) -> Any:
            retriever = BM25Retriever(
                existing_bm25=bm25.retriever.bm25, similarity_top_k=40, stemmer=stemmer(), filters=rules
            )
            return retriever.retrieve(bundles[i])

        def our_bm25(i: int) -> Any:
            retriever = bm25.retriever_for(rules, 40)
            assert retriever is not None
            return retriever.retrieve(bundles[i])

        rows.append(
            (
                "BM25 with a source filter, k=40 (BM25Retriever vs MaskedBM25Retriever)",
                median_ms(stock_bm25, 1),
                median_ms(our_bm25),
            )
        )

    print("| measure | LlamaIndex class | our subclass | ratio |")
    print("|---|---|---|---|")
    for name, base, ours in rows:
        print(json.dumps({"measure": name, "base_ms": base, "ours_ms": ours, "chunks": args.chunks}), file=sys.stderr)
        unit = "µs" if "one hit" in name else "ms"
        scale = 1000 if unit == "µs" else 1
        print(f"| {name} | {base * scale:.1f} {unit} | {ours * scale:.1f} {unit} | {base / ours:.1f}x |")


if __name__ == "__main__":
    main()
