"""Reference vectors of all-MiniLM-L6-v2 in torch, for the ONNX embedder's test.

    python bench/minilm_reference.py  (needs the `torch` extra: pip install -e '.[torch]')

Writes tests/data/minilm_reference.json: a few texts (short, long past the model's 256 word
pieces, numbers, accents, an empty string) with the vectors sentence-transformers gives them.
Run once; the test compares the ONNX embedder's vectors with these.
"""

from __future__ import annotations

import json
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
OUT = PROJECT / "tests" / "data" / "minilm_reference.json"


def reference_texts() -> list[str]:
    article = (PROJECT / "corpus" / "000_6c8ec85815583e4f.txt").read_text(encoding="utf-8")
    return [
        "Japan opened an office in Brussels.",
        "Where is Japan's NATO office?",
        "Budget of $56 billion for 2023–2027, up 26.3% from ¥43.5 trillion.",
        "Zürich, São Paulo and Kraków: naïve café façades.",
        "",
        article[:4000],  # far past 256 word pieces: the model reads the first 256
    ]


def main() -> None:
    from sentence_transformers import SentenceTransformer

    from rag.minilm import model_dir

    model = SentenceTransformer(str(model_dir()), device="cpu")
    texts = reference_texts()
    vectors = model.encode(texts, normalize_embeddings=True, batch_size=8)
    rows = [{"text": t, "vector": [round(float(x), 7) for x in v]} for t, v in zip(texts, vectors, strict=True)]
    OUT.write_text(json.dumps({"model": "sentence-transformers/all-MiniLM-L6-v2 in torch", "rows": rows}) + "\n")
    print(f"wrote {len(rows)} vectors to {OUT}")


if __name__ == "__main__":
    main()
