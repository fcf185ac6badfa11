"""Which chunk boundaries the embedder's window moves: chunks cut with and without it.

    python bench/chunk_window.py FOLDER...   (default: corpus/ and ../shared/eval/multihop/articles)

Each article is read as ingest reads it and cut into 200-token chunks twice: by tiktoken
alone (as before issue 15) and also within the 256 word pieces all-MiniLM-L6-v2 reads.
Prints, per folder, the articles and chunks, how many articles' boundaries differ, and the
most word pieces a chunk held before.
"""

from __future__ import annotations

import sys
from pathlib import Path

import rag  # noqa: F401  (offline settings first)
from rag.chunking import chunk_article
from rag.corpus import load_article, read_manifest
from rag.minilm import MAX_WORD_PIECES, count_word_pieces
from rag.models import chunk_window
from rag.settings import Settings
from rag.walk import walk

PROJECT = Path(__file__).resolve().parent.parent


def compare(folder: Path, settings: Settings) -> str:
    window = chunk_window(settings)
    manifest = read_manifest(folder)
    articles = chunks = changed = over = 0
    most = 0
    for path in (path for path, problem in walk(folder) if not problem):
        article = load_article(path, path.read_bytes(), settings.max_file_bytes, manifest.get(path.name))
        before = chunk_article(article.text, settings.chunk_tokens, article.body_start)
        after = chunk_article(article.text, settings.chunk_tokens, article.body_start, window)
        pieces = [count_word_pieces(c.text) for c in before]
        articles, chunks = articles + 1, chunks + len(after)
        changed += [(c.start_char, c.end_char) for c in before] != [(c.start_char, c.end_char) for c in after]
        over += sum(n > MAX_WORD_PIECES for n in pieces)
        most = max(most, *pieces)
    return (
        f"{folder}: {articles} articles, {chunks} chunks; boundaries changed in {changed} articles; "
        f"chunks over {MAX_WORD_PIECES} word pieces before: {over} (the longest held {most})"
    )


def main() -> None:
    folders = [Path(a) for a in sys.argv[1:]] or [PROJECT / "corpus", PROJECT.parent / "shared/eval/multihop/articles"]
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    for folder in folders:
        if folder.is_dir():
            print(compare(folder, settings), flush=True)


if __name__ == "__main__":
    main()
