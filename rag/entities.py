"""The entity a who/which/what question asks for, voted for by the evidence.

Candidates are the names in the best evidence sentences (runs of capitalised words,
acronyms) that the question does not already say. Each sentence gives its candidates its
score; a name found in several articles gains for each, since a question that describes
an entity through several reports is answered by the name they share. "Bankman-Fried" and
"Sam Bankman-Fried" are one candidate, shown in its longest form.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rag.lexicon import FUNCTION_WORDS, fold, zipf_frequency
from rag.records import Evidence

# A name: capitalised words (and the small words inside names), or an acronym.
NAME = re.compile(
    r"\b(?:[A-Z][\w&'’.-]*[\w&]|[A-Z])(?:\s+(?:(?:of|de|del|da|van|von|der|la|le|&|and|for)\s+)?"
    r"(?:[A-Z][\w&'’.-]*[\w&]|[A-Z]\.?))*"
)
ORGANIZATION_WORDS = frozenset(
    "inc inc. corp corp. corporation company co co. ltd llc group holdings bank university league association "
    "institute foundation agency council commission committee ministry department party club fc games studios "
    "labs technologies systems networks media news times post journal research capital partners".split()
)
ARTICLE_WORDS = frozenset("the a an this that these those its his her their our".split())
SPREAD_BONUS = 0.5  # each further article that names the candidate adds this share of its best score


@dataclass
class Candidate:
    """A name the evidence offers as the answer, with where it was found."""

    name: str
    score: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)
    forms: dict[str, int] = field(default_factory=dict)

    @property
    def articles(self) -> set[str]:
        """The articles that name it."""
        return {e.doc_id for e in self.evidence}


def names_in(sentence: str) -> list[str]:
    """The names a sentence holds, without a leading article or a possessive."""
    found = []
    for match in NAME.finditer(sentence):
        words = match.group().split()
        while words and fold(words[0]) in ARTICLE_WORDS:
            words = words[1:]
        if match.start() == 0 or re.search(r"[.!?:]\s*[\"'“‘]?$", sentence[: match.start()]):
            # at the start of a sentence a capital says nothing: keep what follows a common first word
            while words and (fold(words[0]) in FUNCTION_WORDS or zipf_frequency(fold(words[0])) >= 5.0):
                words = words[1:]
        name = re.sub(r"['’]s?$", "", " ".join(words)).strip(" .,&")
        if len(name) >= 2 and fold(name) not in FUNCTION_WORDS:
            found.append(name)
    return found


def _is_person(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 4 and not any(fold(w) in ORGANIZATION_WORDS for w in words) and not name.isupper()


def _key(name: str) -> str:
    """What tells a candidate apart: its last word, folded ("Bankman-Fried" for "Sam Bankman-Fried")."""
    return fold(name.split()[-1])


def vote(
    question: str, scored: Sequence[tuple[Evidence, float]], asks_for: str = "", exclude: Sequence[str] = ()
) -> list[Candidate]:
    """Candidates from the evidence sentences (with their scores), best first.

    `exclude`: names the answer cannot be (the outlets the question names, say).
    """
    asked = fold(question)
    excluded = {fold(x) for x in exclude}
    candidates: dict[str, Candidate] = {}
    best_by_article: dict[tuple[str, str], float] = {}
    for evidence, score in scored:
        for name in dict.fromkeys(names_in(evidence.quote)):
            folded = fold(name)
            if folded in asked or folded in excluded or any(folded in x or x in folded for x in excluded):
                continue
            if all(fold(w) in asked for w in name.split()):
                continue  # every word of it is in the question already
            if asks_for == "person" and not _is_person(name):
                continue
            key = _key(name)
            candidate = candidates.setdefault(key, Candidate(name))
            candidate.forms[name] = candidate.forms.get(name, 0) + 1
            if evidence not in candidate.evidence:
                candidate.evidence.append(evidence)
            article = (key, evidence.doc_id)
            if score > best_by_article.get(article, 0.0):
                best_by_article[article] = score
    for key, candidate in candidates.items():
        scores = sorted((s for (k, _), s in best_by_article.items() if k == key), reverse=True)
        candidate.score = scores[0] + SPREAD_BONUS * sum(scores[1:]) if scores else 0.0
        # the longest form that occurs, among the most frequent ones
        candidate.name = max(
            candidate.forms, key=lambda f: (candidate.forms[f] > 0, len(f.split()), candidate.forms[f])
        )
    return sorted(candidates.values(), key=lambda c: -c.score)
