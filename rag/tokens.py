"""Token counting with tiktoken, from the encodings bundled with llama-index-core."""

from __future__ import annotations

from functools import lru_cache

import tiktoken

import rag.offline  # noqa: F401  (sets TIKTOKEN_CACHE_DIR before the first encoding loads)

ENCODING_NAME = "cl100k_base"


@lru_cache(maxsize=1)
def encoding() -> tiktoken.Encoding:
    """The tokenizer that every token budget in Corpus Chat is counted with."""
    return tiktoken.get_encoding(ENCODING_NAME)


def count_tokens(text: str) -> int:
    """Number of tokens in `text`."""
    return len(encoding().encode(text, disallowed_special=()))
