"""A deterministic, seeded generator of article corpora of any size.

Sentences of the bundled articles are recombined, with their names and numbers replaced by
generated ones, so that BM25 and the embedder see varied text.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from rag.sentences import split_sentences

PROJECT = Path(__file__).resolve().parent.parent
SYLLABLES = "ka ri to mo na shi ya ha ru ko mi sa ta ne lo vi an el or ur is ba de".split()
NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+\b")
NUMBER = re.compile(r"\d+")


def base_sentences() -> list[str]:
    """The sentences of the bundled articles."""
    sentences = []
    for path in sorted((PROJECT / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences += [text[s.start : s.end] for s in split_sentences(text) if len(text[s.start : s.end]) > 40]
    return sentences


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def generate_texts(n_articles: int, seed: int = 7, sentences: tuple[int, int] = (18, 34)) -> list[tuple[str, str]]:
    """`n_articles` (title, text) pairs, the same for the same seed."""
    rng = random.Random(seed)
    pool = base_sentences()
    articles = []
    for i in range(n_articles):
        names = [_name(rng) for _ in range(3)]

        def a_name(_: re.Match[str], names: list[str] = names) -> str:
            return rng.choice(names)

        lines = []
        for _ in range(rng.randint(*sentences)):
            sentence = rng.choice(pool)
            sentence = NAME.sub(a_name, sentence)
            sentence = NUMBER.sub(lambda m: str(rng.randint(1, 10 ** len(m.group()))), sentence)
            lines.append(sentence)
        paragraphs = [" ".join(lines[j : j + 4]) for j in range(0, len(lines), 4)]
        title = f"Report {i:06d} on {names[0]}"
        articles.append((title, title + "\n" + "\n".join(paragraphs) + "\n"))
    return articles


def write_corpus(folder: Path, n_articles: int, seed: int = 7) -> list[Path]:
    """Write the generated articles as .txt files into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, (_, text) in enumerate(generate_texts(n_articles, seed)):
        path = folder / f"article_{i:06d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
