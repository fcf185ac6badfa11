"""The answer engines' one interface: the extractive engine (offline) and the generative one (an LLM).

The Assistant chooses the engine once; answers, comparisons and briefings are written
through this interface and never ask which engine they have.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar

from rag.conversation import Turn, resolve_follow_up
from rag.ranking import EMBED_CANDIDATES, ScoredSentence, SentenceRanker

if TYPE_CHECKING:
    from rag.answer import Answer
    from rag.records import CitedSentence, Evidence
    from rag.request import Clock, Retrieval

NOT_FOUND = "I could not find an answer to this question in the corpus."


class Engine(ABC):
    """Writes cited answers and cited descriptions from what the door retrieved."""

    mode: ClassVar[str]

    def __init__(self, ranker: SentenceRanker) -> None:
        self.ranker = ranker

    def condense(self, question: str, history: Sequence[Turn], people: Collection[str] = ()) -> str:
        """A standalone question from a follow-up and the chat so far (offline rules by default).

        `people`: the people the corpus quotes, whom a pronoun may stand for.
        """
        return resolve_follow_up(question, history, people)

    def rank(
        self,
        retrieval: Retrieval,
        keep: Callable[[Evidence], bool] | None = None,
        shortlist: int = EMBED_CANDIDATES,
        everything: bool = False,
    ) -> list[ScoredSentence]:
        """The retrieved passages' sentences (those `keep` accepts), best first (see SentenceRanker.rank)."""
        plan = retrieval.plan
        plan_parts = plan.filtered_parts if plan is not None else []
        found = retrieval.part_passages
        texts = [plan.part_asks(p) for p in plan_parts] if plan is not None else []
        parts = list(zip(texts, found, strict=True)) if 1 < len(found) == len(plan_parts) else []
        return self.ranker.rank(
            retrieval.asked,
            retrieval.vector,
            retrieval.passages,
            keep,
            shortlist,
            retrieval.part_vectors,
            everything,
            retrieval.spoken,
            parts=parts,
        )

    @abstractmethod
    def answer(self, retrieval: Retrieval, answer: Answer, clock: Clock) -> Iterator[str]:
        """Fill in `answer` (text, citations, sentences); yield the text's pieces as they are written."""

    @abstractmethod
    def describe(
        self,
        who: str,
        topic: str,
        retrieval: Retrieval,
        relevant: Sequence[ScoredSentence],
        max_sentences: int,
        reading_order: bool = True,
    ) -> list[CitedSentence]:
        """What `who` says on `topic`, in at most `max_sentences` cited sentences.

        `relevant` are the retrieved sentences that bear on the topic, best first; with none,
        nothing is said.
        """
