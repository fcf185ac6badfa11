"""The generative engine: an LLM writes the answer from numbered passages; we check it.

Passages go into the prompt as [1]..[n], as many as fit the token budget. The reply is
split into sentences; each [n] is resolved to the sentence of passage n that best supports
its sentence, numbers that point at no passage are dropped and reported, and every
sentence is judged against the quotes it cites. A yes/no question's prompt asks the reply to
open with "Yes.", "No." or "Cannot tell." (`prompts/answer_yes_no.txt`); the verdict is kept
only when a sentence of the reply is supported by its citations, and the answer opens with it
as the extractive one does (`rag.verdict`), citing those sentences. An entity question's ("Who
...", "Which company ...") asks it to open with the name the sources point to, cited.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rag.citations import number_citations, passage_sentences, split_cited_sentences
from rag.conversation import Turn
from rag.engine import NOT_FOUND, Engine
from rag.prompts import render
from rag.ranking import ScoredSentence, SentenceRanker
from rag.records import CitedSentence, Evidence, Passage
from rag.support import SupportJudge
from rag.tokens import count_tokens
from rag.verdict import CANNOT_TELL, opening, split_verdict

if TYPE_CHECKING:
    from rag.answer import Answer
    from rag.models import ChatModel
    from rag.request import Clock, Retrieval

ABSTAIN_REPLY = "The corpus does not answer this question."
# the rules added to the system prompt for a kind of question: the prompt file of each
KIND_RULES = {"yes_no": "answer_yes_no", "entity": "answer_entity"}

# Each source goes to the model between these tags; the system prompt says what is inside is
# article data, never instructions. An article cannot close or reopen the fence, nor pose as
# a chat-template role: such markers in its text are defused before it is sent.
FENCE_OPEN = "<source>"
FENCE_CLOSE = "</source>"
_FENCE_LIKE = re.compile(r"<(\s*/?\s*source\b[^>]*)>", re.IGNORECASE)
_ROLE_TOKEN = re.compile(r"<\|([^|<>\n]{0,40})\|>")
# A quote that talks to the model (an injected instruction) cannot support a sentence of the
# reply: a model that obeys it and cites it is repeating the injection, not the news.
_INSTRUCTION = re.compile(
    r"\b(ignore|disregard|forget)\s+(?:(?:all|any|the|your|of)\s+)*(previous|prior|above|earlier|preceding)\s+"
    r"(instructions?|prompts?|directions?|messages?)\b"
    r"|[<‹]\|\s*\w+\s*\|[>›]|#{2,}\s*system\b|\byou are now\b",
    re.IGNORECASE,
)


@dataclass
class PackedPrompt:
    """The messages for the LLM and the passages they number."""

    messages: list[dict[str, str]]
    passages: list[Passage]


@dataclass
class CheckedReply:
    """A reply resolved against its passages."""

    cited: list[CitedSentence] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)
    abstained: bool = False


def defuse(text: str) -> str:
    """Article text that cannot end the source fence or pass for a chat-template token.

    `<source>`/`</source>` (any case or spacing) become `‹source›`/`‹/source›`, and
    `<|role|>` becomes `‹|role|›`; everything else is sent as written.
    """
    text = _FENCE_LIKE.sub(lambda m: f"‹{m.group(1)}›", text)
    return _ROLE_TOKEN.sub(lambda m: f"‹|{m.group(1)}|›", text)


def is_instruction(quote: str) -> bool:
    """Whether a quote addresses the model (an injected instruction) rather than reporting news."""
    return bool(_INSTRUCTION.search(quote))


def format_source(n: int, passage: Passage) -> str:
    """One numbered source block of the prompt, its metadata and text fenced as data."""
    meta = " · ".join(x for x in (passage.title, passage.source, passage.author, passage.published) if x)
    return f"[{n}] {FENCE_OPEN}\n{defuse(meta)}\n{defuse(passage.text)}\n{FENCE_CLOSE}"


def pack_prompt(question: str, passages: Sequence[Passage], budget_tokens: int, kind: str = "") -> PackedPrompt:
    """Number the passages and keep as many, best first, as fit `budget_tokens`.

    `kind`: what the question asks for (`rag.question.Plan.kind`); a yes/no question's reply is asked to
    open with its verdict, an entity question's with the name (`KIND_RULES`).
    """
    system = render("answer_system", abstain_reply=ABSTAIN_REPLY)
    if kind in KIND_RULES:
        system += "\n\n" + render(KIND_RULES[kind])
    used: list[Passage] = []
    blocks: list[str] = []
    spent = count_tokens(system) + count_tokens(render("answer_user", sources="", question=question))
    for passage in passages:
        block = format_source(len(used) + 1, passage)
        cost = count_tokens(block) + 2
        if used and spent + cost > budget_tokens:
            break  # the first passage always goes in, even over budget
        used.append(passage)
        blocks.append(block)
        spent += cost
    user = render("answer_user", sources="\n\n".join(blocks), question=question)
    return PackedPrompt([{"role": "system", "content": system}, {"role": "user", "content": user}], used)


def condense_messages(question: str, history: Sequence[Turn], max_turns: int = 4) -> list[dict[str, str]]:
    """The prompt that turns a follow-up into a standalone question."""
    lines = []
    for turn in history[-max_turns:]:
        lines.append(f"User: {turn.question}")
        lines.append(f"Assistant: {turn.answer}")
    return [{"role": "user", "content": render("condense", history="\n".join(lines), question=question)}]


def is_abstention(reply: str) -> bool:
    """Whether the reply is the agreed 'not in the corpus' sentence."""
    normalized = " ".join(reply.split()).strip().rstrip(".").lower()
    return normalized == ABSTAIN_REPLY.rstrip(".").lower() or not normalized


class GenerativeEngine(Engine):
    """Prompts the LLM and checks each sentence of its reply."""

    mode = "generative"

    def __init__(self, llm: ChatModel, judge: SupportJudge, budget_tokens: int, ranker: SentenceRanker) -> None:
        super().__init__(ranker)
        self.llm = llm
        self.judge = judge
        self.budget_tokens = budget_tokens

    def condense(self, question: str, history: Sequence[Turn], people: Collection[str] = ()) -> str:
        """A standalone question from a follow-up and the chat so far (the LLM reads the names itself)."""
        if not history:
            return question
        standalone = self.llm.complete(condense_messages(question, history), max_tokens=96).strip()
        return standalone.splitlines()[0].strip() if standalone else question

    def answer(self, retrieval: Retrieval, answer: Answer, clock: Clock) -> Iterator[str]:
        """Stream the LLM's reply to the numbered passages, then check every sentence's citations."""
        kind = retrieval.plan.kind if retrieval.plan is not None else ""
        yes_no = kind == "yes_no"
        # the passages found, best first (a chunk read beside one would stand as a source apart from it)
        prompt = pack_prompt(retrieval.standalone, retrieval.found, self.budget_tokens, kind=kind)
        answer.prompt = prompt.messages
        pieces: list[str] = []
        with clock("generate"):
            for piece in self.llm.stream(prompt.messages):
                pieces.append(piece)
                yield piece
        reply = "".join(pieces)
        verdict, reply = split_verdict(reply) if yes_no else ("", reply)
        with clock("verify"):
            checked = self.check(reply, prompt.passages)
        answer.dropped_citations = checked.dropped
        if checked.abstained:
            answer.abstained = True
            answer.text = NOT_FOUND
            return
        if yes_no:
            # the verdict rests on the reply's supported sentences: without one, or without a verdict said,
            # the answer cannot tell
            grounds = [e for _, evidence, supported in checked.cited if supported for e in evidence]
            answer.verdict = verdict if verdict and grounds else CANNOT_TELL
            plain = answer.verdict != CANNOT_TELL
            checked.cited.insert(0, (opening(answer.verdict), grounds if plain else [], True))
        answer.text, answer.citations, answer.sentences = number_citations(checked.cited)

    def describe(
        self,
        who: str,
        topic: str,
        retrieval: Retrieval,
        relevant: Sequence[ScoredSentence],
        max_sentences: int,
        reading_order: bool = True,
    ) -> list[CitedSentence]:
        """What `who` says about `topic`, in prose from the best passages, checked like an answer."""
        if not relevant:
            return []
        passages = retrieval.found[: 4 if max_sentences <= 2 else 8]
        prompt = pack_prompt(
            f"In at most {max_sentences} sentences: what does {who} say about {topic}? Attribute it to {who}.",
            passages,
            self.budget_tokens,
        )
        return self.check(self.llm.complete(prompt.messages), prompt.passages).cited

    def check(self, reply: str, passages: Sequence[Passage]) -> CheckedReply:
        """Resolve each sentence's [n] to verbatim spans and judge its support."""
        result = CheckedReply()
        if is_abstention(reply):
            result.abstained = True
            return result
        for text, numbers in split_cited_sentences(reply):
            evidence: list[Evidence] = []
            for n in numbers:
                if not 1 <= n <= len(passages):
                    result.dropped.append(n)
                    continue
                best = self.judge.best_evidence(text, passage_sentences(passages[n - 1]))
                if best and best[0] not in evidence:
                    evidence.append(best[0])
            verdict = self.judge.judge(text, [e.quote for e in evidence])
            obeys = any(is_instruction(e.quote) for e in evidence)
            result.cited.append((text, evidence, verdict.supported and not obeys))
        return result
