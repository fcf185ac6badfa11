"""The support judge: does a quoted span back up a sentence? Lexical and embedding evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from llama_index.core.base.embeddings.base import BaseEmbedding

from rag.citations import cosine, is_supported, lexical_support
from rag.records import Evidence


@dataclass(frozen=True)
class Verdict:
    """The judge's measures and decision for one claim against its quotes."""

    supported: bool
    lexical: float
    semantic: float


class SupportJudge:
    """Checks claims against quotes with the index's embedder."""

    def __init__(self, embedder: BaseEmbedding) -> None:
        self.embedder = embedder

    def judge(self, claim: str, quotes: Sequence[str]) -> Verdict:
        """Whether `quotes`, taken together, support `claim`."""
        if not quotes:
            return Verdict(False, 0.0, 0.0)
        lexical = lexical_support(claim, quotes)
        claim_vector, quote_vector = self.embedder.get_text_embedding_batch([claim, " ".join(quotes)])
        semantic = cosine(claim_vector, quote_vector)
        return Verdict(is_supported(lexical, semantic), lexical, semantic)

    def best_evidence(self, claim: str, candidates: Sequence[Evidence]) -> tuple[Evidence, Verdict] | None:
        """The candidate span that best supports `claim`, with the verdict on it."""
        if not candidates:
            return None
        vectors = self.embedder.get_text_embedding_batch([claim, *(c.quote for c in candidates)])
        best: tuple[Evidence, Verdict] | None = None
        for candidate, vector in zip(candidates, vectors[1:], strict=True):
            lexical = lexical_support(claim, [candidate.quote])
            semantic = cosine(vectors[0], vector)
            verdict = Verdict(is_supported(lexical, semantic), lexical, semantic)
            rank = (verdict.supported, lexical + semantic)
            if best is None or rank > (best[1].supported, best[1].lexical + best[1].semantic):
                best = (candidate, verdict)
        return best
