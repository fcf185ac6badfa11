"""Yes/no questions over several reports: a verdict only when the evidence makes it plain.

Offline there is no reading of meaning beyond words, figures and embedding similarity, so
the engine states what each report says (cited) and gives a verdict only in plain cases:

- the question names a figure ("$26.3 billion", "13 percent") and the evidence of every
  part that should hold it states that same figure, with the same polarity around it (a
  question saying "took $14 billion without his knowledge" is not confirmed by "took $14
  billion on his orders": a negation on one side only is "cannot tell"; nor is "over $400"
  "less than $400"; nor is "$100 profit" a "$100 loss": the word after the question's figure
  must stand near the stated one): yes; a question about which report came first gets no verdict from
  figures;
- the question asks whether reports agree (consistent, the same, both, maintain) on an amount it
  does not name ("the amount Google spent in 2021") and the sentences cited from each report state
  one same figure; or their best sentences say the same thing (near-identical, and not one outlet's
  standing copy that opens each of its stories on the subject): yes; for a question asking about a
  change, a discrepancy or an inconsistency, the same evidence means no.

Anything else is "cannot tell": on the tuning questions, how strongly each report's best
sentence matched said nothing reliable about yes or no (README, "Answers on real questions").

The answer opens with its verdict (`opening`): "Yes." or "No." citing the sentences that make it
plain (`Assessment.grounds`), or a sentence saying the articles do not make it plain, citing
nothing, before what the reports say. With an LLM the reply is asked to open with "Yes.", "No." or
"Cannot tell." (`split_verdict` reads it); the verdict stands only on the reply's sentences that its
citations support.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rag.citations import cosine
from rag.figures import Figure, find_figures, same_amount, words_around
from rag.lexicon import FUNCTION_WORDS, content_stems, same_words, stem, words

if TYPE_CHECKING:
    from rag.ranking import ScoredSentence
    from rag.request import Retrieval

CANNOT_TELL = "cannot tell"
# what an answer to a yes/no question opens with: the verdict, as plain as the evidence makes it
OPENINGS = {
    "yes": "Yes.",
    "no": "No.",
    CANNOT_TELL: "The articles found do not settle this plainly; here is what they say.",
}
# a generated reply's verdict, its first words as the prompt asks ("Yes.", "No, ...", "Cannot tell.")
STATED_VERDICT = re.compile(
    r"^\s*\**(?P<verdict>yes|no|cannot\s+tell)\**\s*(?:[.,:;!—–-]+|$)\s*", re.IGNORECASE
)  # "No information ..." states none
SAME_CLAIM = 0.9  # best sentences of two reports this similar say the same thing
ASKS_AGREEMENT = re.compile(r"\b(consisten\w*|the same|both|agree\w*|maintain\w*|align\w*|similar\w*)\b", re.I)
NEGATION = re.compile(r"\b(?:not|no|never|without|none|neither|nor|den(?:y|ies|ied)|\w+n['’]t)\b", re.I)
CLAUSE_WORDS = 8  # the words either side of a figure that state what it is about
COUNTED_WORDS = 2  # the words after a question's figure looked through for what it counts
CLAUSE_BREAK = re.compile(r"[.;!?]\s|\b(?:while|whereas|but)\b")
# "Did A report X before B reported Y?": the order of the reports, which words and figures cannot settle
ASKS_ORDER = re.compile(r"\b(?:before|after|prior\s+to|following|earlier|later)\b", re.I)
# "less than $400" and "over $400" are not the same claim as "$400"
BOUNDS = [
    ("below", re.compile(r"\b(?:less|fewer|lower)\s+than\s*$|\b(?:under|below|up\s+to|at\s+most)\s*$")),
    ("above", re.compile(r"\b(?:more|greater|higher)\s+than\s*$|\b(?:over|above|exceeding|at\s+least)\s*$")),
]
ASKS_CHANGE = re.compile(r"\b(inconsisten\w*|change[ds]?|differ\w*|contradict\w*|shift\w*|discrepanc\w*)\b", re.I)
# "was there a discrepancy in the amount ...", "was the price consistent": a figure asked about, not named
ASKS_AMOUNT = re.compile(r"\b(amount|figure|sum|price|cost|how\s+much|percentage|rate|number)\b", re.I)


@dataclass(frozen=True)
class Assessment:
    """A verdict and the sentences that make it plain (none for "cannot tell")."""

    verdict: str  # "yes", "no" or CANNOT_TELL
    grounds: tuple[ScoredSentence, ...] = ()


UNSETTLED = Assessment(CANNOT_TELL)


def assess(retrieval: Retrieval, ranked: Sequence[ScoredSentence], chosen: Sequence[ScoredSentence]) -> Assessment:
    """'yes', 'no' or 'cannot tell' for a yes/no question, from the ranked evidence, and its grounds."""
    question = retrieval.standalone
    part_docs = [{p.doc_id for p in passages} for passages in retrieval.part_passages]
    best_per_part = [own[0] for own in _each_report(part_docs, ranked) if own]
    asked = find_figures(question)
    if asked:
        if ASKS_ORDER.search(question):  # the same figures say nothing of which report came first
            return UNSETTLED
        stated = [(c, f) for c in (best_per_part or list(chosen)) for f in find_figures(c.evidence.quote)]
        said = [(_negated_near(question, a), _bound(question, a)) for a in asked]
        grounds: list[ScoredSentence] = []
        for a, how in zip(asked, said, strict=True):
            stating = [
                c
                for c, f in stated
                if same_amount(a, f)
                and (_negated_near(c.evidence.quote, f), _bound(c.evidence.quote, f)) == how
                and _counts_the_same(question, a, c.evidence.quote, f)
            ]
            if not stating:
                return UNSETTLED
            grounds += stating
        return Assessment("yes", _distinct(grounds))
    asks_alike = ASKS_AGREEMENT.search(question) or ASKS_CHANGE.search(question)
    plain = "no" if ASKS_CHANGE.search(question) else "yes"
    if len(part_docs) >= 2 and asks_alike and ASKS_AMOUNT.search(question):
        same = _same_figure_in_each(part_docs, chosen)
        if same:
            return Assessment(plain, same)
    if len(best_per_part) >= 2 and asks_alike:
        first, *others = best_per_part
        outlets = {p.doc_id: p.source for passages in retrieval.part_passages for p in passages}
        if all(
            cosine(first.vector or [], other.vector or []) >= SAME_CLAIM and not _standing_copy(first, other, outlets)
            for other in others
        ):
            return Assessment(plain, tuple(best_per_part))
    return UNSETTLED


def opening(verdict: str) -> str:
    """The sentence an answer to a yes/no question opens with."""
    return OPENINGS[verdict]


def split_verdict(reply: str) -> tuple[str, str]:
    """A generated reply's opening verdict ("Yes.", "No, ...", "Cannot tell.") and the rest, its first letter a
    capital; ('', reply) without one."""
    said = STATED_VERDICT.match(reply)
    if said is None:
        return "", reply
    word = said.group("verdict").lower()
    rest = reply[said.end() :]
    return (CANNOT_TELL if word.startswith("cannot") else word), rest[:1].upper() + rest[1:]


def _distinct(sentences: Sequence[ScoredSentence]) -> tuple[ScoredSentence, ...]:
    """`sentences` without repeats, in order."""
    first: dict[tuple[str, int, int], ScoredSentence] = {}
    for sentence in sentences:
        first.setdefault(sentence.evidence.key, sentence)
    return tuple(first.values())


def _standing_copy(one: ScoredSentence, other: ScoredSentence, outlets: dict[str, str]) -> bool:
    """Whether two reports of one outlet write the sentence word for word: the outlet's standing copy ("Sam
    Bankman-Fried, the founder of failed cryptocurrency exchange FTX, is on trial for ..." opening each of its
    trial stories), which says nothing of what each report tells on the point asked about."""
    same_outlet = outlets.get(one.evidence.doc_id, "") == outlets.get(other.evidence.doc_id, "")
    return same_outlet and same_words(one.evidence.quote) == same_words(other.evidence.quote)


def _each_report(part_docs: Sequence[set[str]], sentences: Sequence[ScoredSentence]) -> list[list[ScoredSentence]]:
    """Each part's sentences, in order, from its articles but those whose sentence came first for a part
    before it: each part's report is another article ("the TechCrunch article ..., and another")."""
    reports: list[list[ScoredSentence]] = []
    taken: set[str] = set()
    for docs in part_docs:
        own = [c for c in sentences if c.evidence.doc_id in docs and c.evidence.doc_id not in taken]
        taken |= {c.evidence.doc_id for c in own[:1]}
        reports.append(own)
    return reports


def _same_figure_in_each(part_docs: Sequence[set[str]], chosen: Sequence[ScoredSentence]) -> tuple[ScoredSentence, ...]:
    """The sentences the answer cites from each part's report that state one same figure ("$26.3 billion" in
    both): the amount a question asks about, without naming it, is the same in every report; () when none is."""
    reports = [[(c, f) for c in own for f in find_figures(c.evidence.quote)] for own in _each_report(part_docs, chosen)]
    first, *others = reports
    for sentence, figure in first:
        stating = [[c for c, g in other if same_amount(figure, g)] for other in others]
        if all(stating):
            return _distinct([sentence] + [found[0] for found in stating])
    return ()


def _counts_the_same(question: str, asked: Figure, quote: str, stated: Figure) -> bool:
    """Whether the figure stated is one of what the question's figure is of: the word right after the
    question's ("a $100 loss") stands near the stated one ("$100 profit" is another claim)."""
    after = [w for w in words(question[asked.end :])[:COUNTED_WORDS] if w not in FUNCTION_WORDS]
    if not after:
        return True
    near = content_stems(words_around(quote, stated.start, stated.end, CLAUSE_WORDS))
    return stem(after[0]) in near


def _bound(text: str, figure: Figure) -> str:
    """'below' for "less than $400", 'above' for "over $400", '' for a figure given as it is."""
    before = text[max(0, figure.start - 24) : figure.start].lower()
    for bound, pattern in BOUNDS:
        if pattern.search(before):
            return bound
    return ""


def _negated_near(text: str, figure: Figure) -> bool:
    """Whether a negation stands within a few words of the figure, in its clause."""
    clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, figure.start)), default=0)
    after = CLAUSE_BREAK.search(text, figure.end)
    clause = text[clause_start : after.start() if after else len(text)]
    near = words_around(clause, figure.start - clause_start, figure.end - clause_start, CLAUSE_WORDS)
    return bool(NEGATION.search(near))
