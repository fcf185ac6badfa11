"""The generative engine: an LLM writes the answer from numbered passages; we check it.

Passages go into the prompt as [1]..[n], as many as fit the token budget; a chunk read
beside a passage found (`Passage.beside`) goes into that passage's source, in the article's
order, so that a sentence going on across the chunk's edge is read where it stands. The reply
is split into sentences; each [n] is resolved to the sentence of source n that best supports
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
from rag.records import BESIDE, CitedSentence, Evidence, Passage
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


@dataclass(frozen=True)
class Source:
    """One numbered source of the prompt: a passage found, with the chunks read beside it, in the article's order."""

    found: Passage
    beside: tuple[Passage, ...] = ()

    @property
    def chunks(self) -> list[Passage]:
        """Its chunks in the order the article writes them."""
        return sorted((self.found, *self.beside), key=lambda p: p.start_char)

    @property
    def text(self) -> str:
        """What it says: its chunks' texts, one after the other."""
        return "\n".join(p.text.strip() for p in self.chunks)

    @property
    def sentences(self) -> list[Evidence]:
        """Its sentences, as spans of its article."""
        return [e for p in self.chunks for e in passage_sentences(p)]


def sources_of(passages: Sequence[Passage]) -> list[Source]:
    """The passages found, best first, each with the chunks read beside it (`Passage.beside`: its rank there
    is the found passage's place among them)."""
    found = [p for p in passages if not p.beside]
    beside: dict[int, list[Passage]] = {}
    for p in passages:
        if p.beside and 1 <= p.ranks[BESIDE] <= len(found):
            beside.setdefault(p.ranks[BESIDE] - 1, []).append(p)
    return [Source(p, tuple(beside.get(i, ()))) for i, p in enumerate(found)]


@dataclass
class PackedPrompt:
    """The messages for the LLM and the sources they number."""

    messages: list[dict[str, str]]
    sources: list[Source]


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


def format_source(n: int, source: Source) -> str:
    """One numbered source block of the prompt, its metadata and text fenced as data."""
    lead = source.found
    meta = " · ".join(x for x in (lead.title, lead.source, lead.author, lead.published) if x)
    return f"[{n}] {FENCE_OPEN}\n{defuse(meta)}\n{defuse(source.text)}\n{FENCE_CLOSE}"


def pack_prompt(question: str, sources: Sequence[Source], budget_tokens: int, kind: str = "") -> PackedPrompt:
    """Number the sources and keep as many, best first, as fit `budget_tokens`: first the passages found,
    then, as the rest of the budget allows, the chunks read beside them, best passage first (both chunks
    beside a passage, else the one after it, else the one before).

    `kind`: what the question asks for (`rag.question.Plan.kind`); a yes/no question's reply is asked to
    open with its verdict, an entity question's with the name (`KIND_RULES`).
    """
    system = render("answer_system", abstain_reply=ABSTAIN_REPLY)
    if kind in KIND_RULES:
        system += "\n\n" + render(KIND_RULES[kind])
    spent = count_tokens(system) + count_tokens(render("answer_user", sources="", question=question))

    def cost(n: int, source: Source) -> int:
        return count_tokens(format_source(n, source)) + 2

    used: list[Source] = []
    for source in sources:
        bare = Source(source.found)
        bare_cost = cost(len(used) + 1, bare)
        if used and spent + bare_cost > budget_tokens:
            break  # the first passage always goes in, even over budget
        used.append(bare)
        spent += bare_cost
    for n, source in enumerate(sources[: len(used)], start=1):
        # all the chunks beside a passage; else the one after it (what it goes on to say), else the one before
        after_first = sorted(source.beside, key=lambda p: p.start_char < source.found.start_char)
        tried = [source.beside, *((p,) for p in after_first)] if len(source.beside) > 1 else [source.beside]
        for beside in tried if source.beside else []:
            fuller = Source(source.found, beside)
            more = cost(n, fuller) - cost(n, used[n - 1])
            if spent + more <= budget_tokens:
                spent += more
                used[n - 1] = fuller
                break
    blocks = [format_source(n, source) for n, source in enumerate(used, start=1)]
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
        # the passages found, best first, each with the chunks read beside it
        prompt = pack_prompt(retrieval.standalone, sources_of(retrieval.passages), self.budget_tokens, kind=kind)
        answer.prompt = prompt.messages
        pieces: list[str] = []
        with clock("generate"):
            for piece in self.llm.stream(prompt.messages):
                pieces.append(piece)
                yield piece
        reply = "".join(pieces)
        verdict, reply = split_verdict(reply) if yes_no else ("", reply)
        with clock("verify"):
            checked = self.check(reply, prompt.sources)
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
        sources = sources_of(retrieval.passages)[: 4 if max_sentences <= 2 else 8]
        prompt = pack_prompt(
            f"In at most {max_sentences} sentences: what does {who} say about {topic}? Attribute it to {who}.",
            sources,
            self.budget_tokens,
        )
        return self.check(self.llm.complete(prompt.messages), prompt.sources).cited

    def check(self, reply: str, sources: Sequence[Source]) -> CheckedReply:
        """Resolve each sentence's [n] to verbatim spans of source n and judge its support."""
        result = CheckedReply()
        if is_abstention(reply):
            result.abstained = True
            return result
        for text, numbers in split_cited_sentences(reply):
            evidence: list[Evidence] = []
            for n in numbers:
                if not 1 <= n <= len(sources):
                    result.dropped.append(n)
                    continue
                best = self.judge.best_evidence(text, sources[n - 1].sentences)
                if best and best[0] not in evidence:
                    evidence.append(best[0])
            verdict = self.judge.judge(text, [e.quote for e in evidence])
            obeys = any(is_instruction(e.quote) for e in evidence)
            result.cited.append((text, evidence, verdict.supported and not obeys))
        return result
