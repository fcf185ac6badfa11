"""Calibrate the support judge's thresholds on the dev set.

Positive pairs: a claim built from a dev question and its must-mention words (how a
generated sentence restates the answer), and each gold substring alone, against the gold
sentence that contains it. Negative pairs: the same claims against other questions' gold
sentences. The grid search picks the thresholds with the best balanced accuracy and prints
them beside the ones in rag/citations.py.

    python bench/calibrate_support.py [--set ../shared/eval/dev.jsonl]
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

import rag  # noqa: F401
from rag import citations
from rag.citations import cosine, lexical_support
from rag.corpus import load_article, read_manifest
from rag.evaluation import load_eval_set
from rag.models import build_embedder
from rag.sentences import split_sentences
from rag.settings import Settings

PROJECT = Path(__file__).resolve().parent.parent


def gold_sentence(text: str, needle: str) -> str:
    """The sentence(s) of `text` that hold `needle`."""
    start = text.find(needle)
    spans = [s for s in split_sentences(text) if s.end > start and s.start < start + len(needle)]
    return text[spans[0].start : spans[-1].end]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=PROJECT.parent / "shared" / "eval" / "dev.jsonl")
    args = parser.parse_args()
    corpus = PROJECT / "corpus"
    manifest = read_manifest(corpus)
    texts = {p.name: load_article(p, p.read_bytes(), 10**8, manifest.get(p.name)).text for p in corpus.glob("*.txt")}
    items = []  # (claim, gold sentence, question id)
    for q in load_eval_set(args.set):
        for name, needle in q.gold:
            sentence = gold_sentence(texts[name], needle)
            items.append((f"{q.question.rstrip('?')} {' '.join(q.must)}.", sentence, q.id))
            items.append((needle, sentence, q.id))
    pairs = [(claim, sentence, True) for claim, sentence, _ in items]
    pairs += [(c, s2, False) for (c, s1, q1), (_, s2, q2) in itertools.product(items, items) if q1 != q2 and s1 != s2]
    embedder = build_embedder(Settings(_env_file=None))
    unique = list({t for p in pairs for t in p[:2]})
    vectors = dict(zip(unique, embedder.get_text_embedding_batch(unique), strict=True))
    measured = [(lexical_support(c, [s]), cosine(vectors[c], vectors[s]), label) for c, s, label in pairs]

    def balanced_accuracy(lex: float, sem: float, floor: float) -> float:
        tp = sum(1 for x, y, ok in measured if ok and (x >= lex or (y >= sem and x >= floor)))
        tn = sum(1 for x, y, ok in measured if not ok and not (x >= lex or (y >= sem and x >= floor)))
        positives = sum(1 for *_, ok in measured if ok)
        return (tp / positives + tn / (len(measured) - positives)) / 2

    grid = itertools.product(
        [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9], [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7], [0.2, 0.25, 0.3, 0.35, 0.4, 0.5]
    )
    best = max(grid, key=lambda g: (balanced_accuracy(*g), g[0], g[1]))
    current = (citations.LEXICAL_SUPPORT, citations.SEMANTIC_SUPPORT, citations.LEXICAL_FLOOR)
    print(f"pairs: {sum(1 for *_, ok in measured if ok)} supported, {sum(1 for *_, ok in measured if not ok)} not")
    print(
        f"best    LEXICAL_SUPPORT={best[0]} SEMANTIC_SUPPORT={best[1]} LEXICAL_FLOOR={best[2]}"
        f"  balanced accuracy {balanced_accuracy(*best):.3f}"
    )
    print(
        f"current LEXICAL_SUPPORT={current[0]} SEMANTIC_SUPPORT={current[1]} LEXICAL_FLOOR={current[2]}"
        f"  balanced accuracy {balanced_accuracy(*current):.3f}"
    )


if __name__ == "__main__":
    main()
