"""The extractive engine: answers made of verbatim, cited sentences. Offline; never invents.

Sentences of the retrieved passages are ranked against the question (`rag.ranking`). The
best are picked without redundancy, at least one from every article that answers about as
well, and laid out article by article in reading order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rag.citations import cosine, number_citations
from rag.engine import NOT_FOUND, Engine
from rag.ranking import MIN_RELEVANCE, REDUNDANT, ScoredSentence, maximal_marginal_relevance

if TYPE_CHECKING:
    from rag.answer import Answer
    from rag.records import CitedSentence
    from rag.request import Clock, Retrieval

KEEP_RATIO = 0.8  # further sentences must score at least this share of the best one
OTHER_ARTICLE_RATIO = 0.7  # another article's best sentence joins when this close to the best

BROAD_QUESTION = re.compile(
    r"^\s*(brief|summari[sz]e|give me|overview|compare|contrast|what do (the )?(sources|articles)|"
    r"how do (the )?(sources|articles)|do (the )?(sources|articles))",
    re.IGNORECASE,
)


@dataclass
class ExtractiveResult:
    """The sentences chosen, or why none was."""

    chosen: list[ScoredSentence]
    best_semantic: float


class ExtractiveEngine(Engine):
    """Answers with the retrieved sentences that best answer the question."""

    mode = "extractive"

    def answer(self, retrieval: Retrieval, answer: Answer, clock: Clock) -> Iterator[str]:
        """Choose the answer's sentences; abstain when none answers."""
        with clock("answer"):
            result = self.select(retrieval)
        if not result.chosen:
            answer.abstained = True
            answer.text = NOT_FOUND
            return
        cited = [(c.evidence.quote, [c.evidence], True) for c in result.chosen]
        answer.text, answer.citations, answer.sentences = number_citations(cited)
        yield answer.text

    def select(self, retrieval: Retrieval) -> ExtractiveResult:
        """Score the passages' sentences and choose the answer's."""
        question = retrieval.standalone
        ranked = self.rank(retrieval)
        if not ranked:
            return ExtractiveResult([], 0.0)
        best = ranked[0]
        if best.semantic < MIN_RELEVANCE:
            return ExtractiveResult([], best.semantic)
        limit = 5 if BROAD_QUESTION.search(question) else 3
        chosen = [best]
        best_by_article: dict[str, ScoredSentence] = {}
        for candidate in ranked:
            best_by_article.setdefault(candidate.evidence.doc_id, candidate)
        # Every article that answers about as well as the best gets a say.
        for candidate in best_by_article.values():
            if candidate is not best and candidate.score >= OTHER_ARTICLE_RATIO * best.score:
                chosen.append(candidate)
        for candidate in ranked:
            if len(chosen) >= limit:
                break
            if candidate in chosen or candidate.score < KEEP_RATIO * best.score:
                continue
            if any(cosine(candidate.vector or [], c.vector or []) >= REDUNDANT for c in chosen):
                continue
            chosen.append(candidate)
        return ExtractiveResult(_in_reading_order(chosen), best.semantic)

    def describe(
        self,
        who: str,
        topic: str,
        retrieval: Retrieval,
        relevant: Sequence[ScoredSentence],
        max_sentences: int,
        reading_order: bool = True,
    ) -> list[CitedSentence]:
        """The most relevant of `relevant`, varied by maximal marginal relevance, verbatim."""
        chosen = maximal_marginal_relevance(relevant, max_sentences, floor=-1.0)
        if reading_order:
            chosen = _in_reading_order(chosen)
        return [(c.evidence.quote, [c.evidence], True) for c in chosen]


def _in_reading_order(chosen: Sequence[ScoredSentence]) -> list[ScoredSentence]:
    """Article by article (the best first), each in reading order."""
    article_rank = {doc: i for i, doc in enumerate(dict.fromkeys(c.evidence.doc_id for c in chosen))}
    return sorted(chosen, key=lambda c: (article_rank[c.evidence.doc_id], c.evidence.start_char))
