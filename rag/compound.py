"""A compound question answered half by half ("What pay rise did the union accept, and when would the bridge open?").

Offline, each half is asked as a question of its own, so that every half gets the sentences that
answer it, not only those the whole question's words find best: the first half as written, a later
half as it stands, or, when it leans on the first ("..., and which countries get it first?"), as a
follow-up to it, of the articles that answer it. The halves' answers are followed by the sentences
the whole question's words find, which may answer a half left; a half neither answers is said to be
unanswered. The whole question is answered as a whole when no half is answered on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rag.answer import Answer
from rag.citations import number_citations
from rag.conversation import PERSON_PRONOUN, THING_PRONOUN, Turn, with_person
from rag.entities import names_in, shaped_as_person
from rag.extractive import half_unanswered
from rag.lexicon import content_words
from rag.question import Half, QuestionPlan, first_part
from rag.records import AnswerSentence, Citation, CitedSentence, Passage

LEANING_WORDS = 1  # words of meaning a later half says at most to be about what the first half asks of
# "..., and how many fans showed up at Soldier Field for that game?": the game the first half asks about, whatever the
# half names besides (a determiner after a preposition; not "that" opening a clause, "did he say that prices rose")
POINTS_BACK_TO_FIRST = re.compile(
    r"\b(?:for|in|at|of|from|during|after|before|on|to|with)\s+(?:that|this|the\s+same)\s+"
    # ... not a time or a way of speaking ("for this year", "at the same time", "at this point", "in this country")
    r"(?!(?:\w+ly|year|week|month|quarter|season|time|point|moment|end|case|day|weekend|morning|afternoon|evening|"
    r"night|stage|country|state|city|regard|way|period|decade|century)\b)[a-z]+\b"
    r"(?!\s+(?:is|was|are|were|has|had|will)\b)",
    re.IGNORECASE,
)
# A first half this long describes what it asks for clause by clause ("Who is the individual facing a criminal
# trial ..., as reported by TechCrunch and Fortune, and whose legal proceedings are about to commence?"): what
# follows describes it further and is no question of its own (all of MultiHop's; 24 of 563 readers' questions)
DESCRIBING_WORDS = 20


@dataclass(frozen=True)
class CompoundAnswer:
    """What the halves' answers make together."""

    text: str
    citations: list[Citation]
    sentences: list[AnswerSentence]
    passages: list[Passage]


def cited_sentences(answer: Answer) -> list[CitedSentence]:
    """An answer's sentences with the evidence each cites, to be numbered again beside others'."""
    by_number = {c.n: c.evidence for c in answer.citations}
    return [(s.text, [by_number[n] for n in s.citations if n in by_number], s.supported) for s in answer.sentences]


def _naming(half: str, first: str) -> str:
    """A later half with "he" or "her" for the one person its first half names: "which club did she join?" after
    "How many goals did Anna Berg score" asks which club Anna Berg joined."""
    people = {name for name in names_in(first) if shaped_as_person(name)}
    return with_person(half, people.pop()) if len(people) == 1 else half


def asked_in_halves(first: str) -> bool:
    """Whether a compound question whose first half is `first` is asked half by half: its first half is a
    question of its own, not a description that the later halves go on with."""
    return len(first.split()) < DESCRIBING_WORDS


def leans_on_first(half: Half) -> bool:
    """Whether a later half is about what the first half asks of: it stands for the one the first half asks of by
    "he" or "she" ("what did he say about the NATO summit?") or "that game", or names nothing of its own and stands
    for it by "it" or "they" ("which countries get it first?") or says next to nothing else ("and by what method?")."""
    if PERSON_PRONOUN.search(half.asked) or POINTS_BACK_TO_FIRST.search(half.asked):
        return True
    if half.names_own:
        return False
    return THING_PRONOUN.search(half.asked) is not None or len(content_words(half.asked)) <= LEANING_WORDS


def _quoted(sentence: CitedSentence) -> bool:
    """Whether a sentence of an answer is a quotation of what it cites, not a line the engine wrote."""
    text, evidence, _ = sentence
    return any(e.quote == text for e in evidence)


def _unanswered(answer: Answer) -> bool:
    return answer.abstained or bool(answer.error)


def answer_halves(
    first: str,
    later: Sequence[Half],
    ask: Callable[[str, Sequence[Turn], Sequence[str]], Answer],
    whole: Callable[[], Answer],
) -> CompoundAnswer | None:
    """The answer to a compound question from the answers to its halves; None when no half is answered.

    `first` is the first half as a question of its own, `later` the later halves; `ask` answers one of them
    given the turns before it, from the articles given (all when none are); `whole` answers the whole question
    (its quoted sentences follow the halves' answers). A later half that leans on the first (`leans_on_first`:
    "and by what method?", "and which countries get it first?") is asked after it, of the articles that answer
    it, and when none does, not at all; another is asked as it stands ("..., and when would the bridge open?").
    """
    first_answer = ask(first, (), ())
    first_articles = list(dict.fromkeys(c.doc_id for c in first_answer.citations))

    def answer_later(half: Half) -> Answer:
        leans = leans_on_first(half)
        if _unanswered(first_answer) and (leans or not half.names_own):  # nothing of its own to find it by
            return first_answer
        if not leans:
            return ask(half.asked, (), ())
        return ask(_naming(half.asked, first), (Turn(first, first_answer.text),), first_articles)

    halves = [first, *(half.asked for half in later)]
    answers = [first_answer, *map(answer_later, later)]
    unanswered = [half for half, a in zip(halves, answers, strict=True) if _unanswered(a)]
    if len(unanswered) == len(halves):
        return None
    cited: list[CitedSentence] = []
    for answer in answers:
        if not _unanswered(answer):
            cited += [s for s in cited_sentences(answer) if s not in cited]
    # what the whole question's words find answers it too, and may answer the halves left: its quoted sentences
    # (not its opening name or its notes) follow
    found = whole()
    told = [] if _unanswered(found) else [s for s in cited_sentences(found) if _quoted(s) and s not in cited]
    said_unanswered = {s[0] for s in cited_sentences(found) if not s[1]}
    notes: list[CitedSentence] = [
        (note, [], True) for note in map(half_unanswered, unanswered) if not told or note in said_unanswered
    ]
    text, citations, sentences = number_citations(cited + told + notes)
    passages = list({(p.doc_id, p.start_char): p for a in answers for p in a.passages}.values())
    return CompoundAnswer(text, citations, sentences, passages)


# what joins a first half to the next: "..., and", " - ", "; "
JOINER = re.compile(r"[\s,;:—–-]*(?:\band\b)?[\s,;:—–-]*$", re.IGNORECASE)


def first_half(question: str, plan: QuestionPlan) -> str:
    """The first half of a compound question as a question of its own: "How many tickets are left"."""
    return JOINER.sub("", first_part(question, plan))
