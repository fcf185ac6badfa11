"""The bundled embedder on onnxruntime: the torch model's vectors in int8, no torch, chunks it reads whole."""

from __future__ import annotations

import dataclasses
import importlib.metadata
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest
from llama_index.core.base.embeddings.base import BaseEmbedding

from rag.chunking import chunk_article
from rag.errors import EmbedderMismatchError
from rag.minilm import MAX_WORD_PIECES, count_word_pieces
from rag.models import ONNX_EMBEDDER_ID, TORCH_EMBEDDER_ID, chunk_window, embedder_id
from rag.settings import Settings
from rag.store import CorpusStore
from rag.tokens import count_tokens
from tests.support.ingest import IngestFn
from tests.support.project import BUNDLED_CORPUS, PROJECT, make_settings

REFERENCE = PROJECT / "tests" / "data" / "minilm_reference.json"  # bench/minilm_reference.py, torch


def cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True)) / math.sqrt(sum(x * x for x in a) * sum(y * y for y in b))


def test_the_onnx_embedder_gives_nearly_the_torch_models_vectors(local_embedder: BaseEmbedding) -> None:
    rows = json.loads(REFERENCE.read_text(encoding="utf-8"))["rows"]
    texts = [row["text"] for row in rows]
    assert max(count_word_pieces(t) for t in texts) > MAX_WORD_PIECES, "one text is cut short by the model"
    vectors = local_embedder.get_text_embedding_batch(texts)
    alone = [local_embedder.get_text_embedding(t) for t in texts]
    in_another_batch = local_embedder.get_text_embedding_batch(list(reversed(texts)))[::-1]
    for row, vector, single, other in zip(rows, vectors, alone, in_another_batch, strict=True):
        assert cosine(vector, row["vector"]) > 0.98, row["text"][:60]  # int8 weights and activations
        # A text's vector never depends on the texts embedded beside it.
        assert vector == single == other, row["text"][:60]
    # The model, not just any vectors: a paraphrase is near, an unrelated sentence is not. The int8 kernels
    # round by the CPU they run on: 0.551 in torch and fp32, within 0.02 of it on the machines of earlier sessions,
    # 0.579 on an AMD EPYC with AVX2 (each vector still 0.99 of torch's, above)
    office, question, budget = vectors[0], vectors[1], vectors[2]
    assert cosine(office, question) == pytest.approx(cosine(rows[0]["vector"], rows[1]["vector"]), abs=0.04)
    assert cosine(office, question) > cosine(office, budget) + 0.2


def test_the_default_embedder_loads_no_torch_transformers_or_scikit_learn() -> None:
    code = (
        "import sys\n"
        "from rag.models import build_embedder\n"
        "from rag.settings import Settings\n"
        "vector = build_embedder(Settings(_env_file=None)).get_query_embedding('Japan NATO office')\n"
        "heavy = sorted(m for m in ('torch', 'transformers', 'sentence_transformers', 'sklearn') if m in sys.modules)\n"
        "print(len(vector), heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=PROJECT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split("\n")[0] == "384 []"


def test_the_graph_is_built_again_when_its_file_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rag.minilm import MiniLMEmbedding, model_file

    monkeypatch.setenv("RAG_MODEL_CACHE", str(tmp_path / "cache"))
    built = model_file()
    # int8: a quarter of the fp32 weights' 90 MB.
    assert built.parent == tmp_path / "cache" and 20_000_000 < built.stat().st_size < 30_000_000
    built.unlink()
    stale = built.parent / "all-MiniLM-L6-v2-minilm-onnx-fp32-v2-90868376-1.onnx"  # an older graph's file
    stale.write_bytes(b"old graph")
    embedder = MiniLMEmbedding()  # builds it again, from the installed weights only
    assert built.is_file() and [p.name for p in built.parent.iterdir()] == [built.name], "no partial or old file left"
    row = json.loads(REFERENCE.read_text(encoding="utf-8"))["rows"][0]
    assert cosine(embedder.get_text_embedding(row["text"]), row["vector"]) > 0.98


RUSSIAN = (
    "Министерство иностранных дел России заявило о готовности к переговорам с партнёрами. "
    "Представитель ведомства подчеркнул, что консультации пройдут в Женеве в следующем месяце. "
)


def test_a_chunk_never_holds_more_word_pieces_than_the_model_reads() -> None:
    # Cyrillic takes about two word pieces per tiktoken token: 200 tokens would be ~370 pieces.
    text = "\n\n".join(RUSSIAN * 4 for _ in range(6)) + " " + "переговоры" * 300
    window = chunk_window(make_settings())
    assert window is not None and window.limit == MAX_WORD_PIECES
    unbounded = chunk_article(text, 200)
    assert max(count_word_pieces(c.text) for c in unbounded) > MAX_WORD_PIECES, "the case needs the window"
    chunks = chunk_article(text, 200, window=window)
    assert max(count_word_pieces(c.text) for c in chunks) <= MAX_WORD_PIECES
    assert all(count_tokens(c.text) <= 200 and text[c.start_char : c.end_char] == c.text for c in chunks)
    assert "".join("".join(c.text for c in chunks).split()) == "".join(text.split()), "no text lost"


def test_the_bundled_corpus_is_chunked_within_the_window() -> None:
    window = chunk_window(make_settings())
    for path in sorted(BUNDLED_CORPUS.glob("*.txt")):
        for chunk in chunk_article(path.read_text(encoding="utf-8"), 200, window=window):
            assert count_word_pieces(chunk.text) <= MAX_WORD_PIECES and count_tokens(chunk.text) <= 200


def test_an_endpoint_embedder_keeps_tiktoken_budgets_alone() -> None:
    settings = make_settings(embed_model="text-embedding-3-small", openai_api_key="k")
    assert chunk_window(settings) is None


def test_an_index_of_the_torch_embedder_is_refused_with_the_rebuild_command(
    embedded_settings: Settings, corpus_dir: Path, run_ingest: IngestFn
) -> None:
    run_ingest(embedded_settings, corpus_dir)
    store = CorpusStore.open(embedded_settings)
    assert store.embedder == ONNX_EMBEDDER_ID == embedder_id(embedded_settings)
    store.chunks.modify(metadata={"embedder": TORCH_EMBEDDER_ID})  # as the torch releases recorded it
    with pytest.raises(
        EmbedderMismatchError,
        match=r"built with sentence-transformers/all-MiniLM-L6-v2 .*--rebuild.* \(or set "
        r"RAG_EMBED_MODEL=sentence-transformers/all-MiniLM-L6-v2 to use that index again\)",
    ):
        run_ingest(embedded_settings, corpus_dir)
    store.chunks.modify(metadata={"embedder": "onnx/all-MiniLM-L6-v2"})  # as the fp32 release recorded it
    with pytest.raises(EmbedderMismatchError) as refused:
        run_ingest(embedded_settings, corpus_dir)
    assert "--rebuild" in str(refused.value) and "earlier release" in str(refused.value)
    assert "RAG_EMBED_MODEL" not in str(refused.value), "no setting selects the fp32 build any more"
    report = run_ingest(embedded_settings, rebuild=True)
    assert report.chunks_embedded > 0 and CorpusStore.open(embedded_settings).embedder == ONNX_EMBEDDER_ID


def test_the_torch_reference_without_its_extra_says_how_to_install_it() -> None:
    from rag.errors import ConfigError
    from rag.models import build_embedder

    try:
        import llama_index.embeddings.huggingface  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("the torch extra is installed here")
    with pytest.raises(ConfigError, match=r"\.\[torch\]"):
        build_embedder(make_settings(embed_model="sentence-transformers/all-MiniLM-L6-v2"))


def test_the_installed_environment_leaves_out_what_only_chromadbs_distributed_mode_imports() -> None:
    """The Makefile removes chromadb's Kubernetes client after installing (130 MB, issue 15); the
    rest of this suite, embedded store and Chroma server alike, runs without it."""
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    unused = re.search(r"^UNUSED_DEPS = (.+)$", makefile, re.M)
    assert unused and "kubernetes" in unused.group(1).split()
    installed = {d.metadata["Name"].lower() for d in importlib.metadata.distributions()}
    assert not installed & set(unused.group(1).split())


def test_chunks_cut_from_summed_sentence_counts_are_those_of_counting_every_joined_text() -> None:
    window = chunk_window(make_settings())
    assert window is not None and window.splits_at_whitespace
    exact = dataclasses.replace(window, splits_at_whitespace=False)  # counts every growing chunk again
    texts = [path.read_text(encoding="utf-8") for path in sorted(BUNDLED_CORPUS.glob("*.txt"))]
    long_sentence = " ".join(f"the port shipped {i}0 tonnes" for i in range(200)) + "."
    for text in [*texts, "\n\n".join(RUSSIAN * 4 for _ in range(6)), long_sentence]:
        summed = chunk_article(text, 200, window=window)
        assert summed == chunk_article(text, 200, window=exact)
        assert all(count_word_pieces(c.text) <= MAX_WORD_PIECES for c in summed)
    # A narrow window, so that chunks close on it and not on tokens.
    narrow, narrow_exact = dataclasses.replace(window, limit=40), dataclasses.replace(exact, limit=40)
    assert chunk_article(texts[0], 200, window=narrow) == chunk_article(texts[0], 200, window=narrow_exact)
    assert len(chunk_article(texts[0], 200, window=narrow)) > len(chunk_article(texts[0], 200, window=window))


def test_word_pieces_are_summed_only_across_plain_whitespace() -> None:
    window = chunk_window(make_settings())
    assert window is not None
    first, second = "Port volumes rose", "harbour fees fell"
    for gap in [" ", "\n\n", " \t\r\n "]:
        summed = window.joined_count(count_word_pieces(first), gap, count_word_pieces(second))
        assert summed == count_word_pieces(first + gap + second)
    # The normaliser drops a control character or a zero-width space: the words beside it join.
    for gap in ["\x1c", "\u200b", ""]:
        assert window.joined_count(count_word_pieces(first), gap, count_word_pieces(second)) is None
    assert count_word_pieces(first + "\x1c" + second) != count_word_pieces(first) + count_word_pieces(second) - 2
