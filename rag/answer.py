"""The Answer object that every engine returns and every renderer shows."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from rag.records import AnswerSentence, Citation, Passage

if TYPE_CHECKING:
    from rag.briefing import Briefing
    from rag.compare import Comparison

__all__ = ["Answer", "AnswerSentence", "Citation"]


@dataclass
class Answer:
    """An answer with its citations; the same object for the CLI, the app and the eval."""

    question: str
    text: str
    citations: list[Citation]
    mode: str
    abstained: bool = False
    sentences: list[AnswerSentence] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    standalone_question: str = ""  # the question as retrieval saw it (follow-ups resolved)
    passages: list[Passage] = field(default_factory=list)  # what retrieval returned, for debugging
    prompt: list[dict[str, str]] = field(default_factory=list)  # the messages sent to the LLM, if any
    dropped_citations: list[int] = field(default_factory=list)  # [n] in the reply that matched no passage
    error: str = ""  # set when the engine failed; the text then says so
    verdict: str = ""  # for a yes/no question: "yes", "no" or "cannot tell"; "" for other questions
    report: Comparison | Briefing | None = None  # when the question asked for a comparison or a briefing

    @property
    def kind(self) -> str:
        """'comparison' or 'briefing' when the request asked for one, else 'answer'."""
        if self.report is None:
            return "answer"
        return "comparison" if hasattr(self.report, "cells") else "briefing"

    @property
    def unsupported(self) -> list[AnswerSentence]:
        """Sentences whose citations do not support them."""
        return [s for s in self.sentences if not s.supported]

    def to_json(self, verbose: bool = False, debug: bool = False) -> dict[str, Any]:
        """One line of `ask --json` (DESIGN.md), plus the per-sentence support checks.

        `verbose` adds "retrieved": the passages handed to the answer step, in rank order.
        `debug` adds what the app's debug view shows, whole: "passages" (with their text and
        ranks) and "prompt"; a saved chat keeps them, so `from_json` gives the answer back as it was.
        """
        data: dict[str, Any] = {
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "mode": self.mode,
            "citations": [c.to_dict() for c in self.citations],
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
        }
        if self.standalone_question and self.standalone_question != self.question:
            data["standalone_question"] = self.standalone_question
        data["sentences"] = [asdict(s) for s in self.sentences]
        if self.dropped_citations:
            data["dropped_citations"] = self.dropped_citations
        if self.error:
            data["error"] = self.error
        if self.verdict:
            data["verdict"] = self.verdict
        if self.report is not None:
            data["kind"] = self.kind
            data["report"] = self.report.to_json()
        if verbose:
            data["retrieved"] = [
                {
                    "rank": rank,
                    "doc_id": p.doc_id,
                    "path": p.path,
                    "start_char": p.start_char,
                    "end_char": p.end_char,
                    "score": round(p.score, 6),
                }
                for rank, p in enumerate(self.passages, start=1)
            ]
        if debug:  # and the file names the app shows (not part of the JSON contract)
            data["citations"] = [c.to_dict() | {"name": c.name} for c in self.citations]
            data["passages"] = [asdict(p) for p in self.passages]
            data["prompt"] = self.prompt
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Answer:
        """The answer that `to_json` wrote: text, sentences, citations and report as they were.

        Keys a newer or older version added or dropped are left to their defaults.
        """
        report: Comparison | Briefing | None = None
        if data.get("report") is not None:
            from rag.briefing import Briefing
            from rag.compare import Comparison

            kind = Comparison if data.get("kind") == "comparison" else Briefing
            report = kind.from_json(data["report"])
        return cls(
            question=data["question"],
            text=data["answer"],
            citations=[Citation.from_dict(c) for c in data.get("citations", [])],
            mode=data.get("mode", ""),
            abstained=bool(data.get("abstained", False)),
            sentences=[AnswerSentence.from_dict(s) for s in data.get("sentences", [])],
            timings_ms=dict(data.get("timings_ms", {})),
            standalone_question=data.get("standalone_question", ""),
            passages=[Passage.from_dict(p) for p in data.get("passages", [])],
            prompt=list(data.get("prompt", [])),
            dropped_citations=list(data.get("dropped_citations", [])),
            error=data.get("error", ""),
            verdict=data.get("verdict", ""),
            report=report,
        )
