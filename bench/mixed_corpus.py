"""A folder of N unrelated news articles (a seeded sample of MultiHop-RAG's), to ingest beside the bundled corpus.

The bundled articles alone are a corpus of two; a question they cannot answer then shares
words with little else. With a few hundred unrelated stories beside them, it shares words
with many sentences, as in a real corpus (`make eval-newcomer-mixed`).

    python bench/mixed_corpus.py --n 300 --seed 300 --out storage/mixed-articles
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

ARTICLES = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "multihop" / "articles"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=300)
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    manifest = json.loads((args.articles / "manifest.json").read_text(encoding="utf-8"))
    chosen = sorted(random.Random(args.seed).sample(sorted(manifest), args.n))
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    for name in chosen:
        shutil.copy(args.articles / name, args.out / name)
    (args.out / "manifest.json").write_text(json.dumps({n: manifest[n] for n in chosen}), encoding="utf-8")
    print(f"{len(chosen)} articles in {args.out}")


if __name__ == "__main__":
    main()
