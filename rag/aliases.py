"""Initials a question writes for a person the articles quote: "SBF" for Sam Bankman-Fried; and the initials
the articles write for a title the question writes out: "chief executive (CEO)".

Readers write initials where the articles mostly write the name ("Why was SBF on trial?"):
searched as they are, the initials find the headlines that use them ("the SBF trial") and
miss the sentences that say what the person did. A question's initials are spelled out
after them, "SBF (Sam Bankman-Fried)", when they stand for one person the articles quote and
the articles write them no more often than that person's surname: "AI" is written far more
often than any Andrei Iancu is named, and stays the word it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

INITIALS = re.compile(r"\b[A-Z]{2,5}\b")
NAME_PARTS = re.compile(r"[\s-]+")
# a capitalised word right after initials: they are a first name written as initials ("AJ Brown", "CJ Stroud")
FIRST_NAME_OF = re.compile(r"\s+[A-Z][a-z]")
TITLE_CASE_SHARE = 0.6  # of a question's words capitalised, above which its capitals say nothing


def initials(name: str) -> str:
    """The capitals of a name's words and of its hyphened parts: "Sam Bankman-Fried" -> "SBF"."""
    return "".join(part[0] for part in NAME_PARTS.split(name) if part).upper()


@lru_cache(maxsize=4)
def _by_initials(people: tuple[str, ...]) -> dict[str, list[str]]:
    """The people of two or more names, by their initials (the same for every question on one store)."""
    found: dict[str, list[str]] = {}
    for person in people:
        if len(NAME_PARTS.split(person.strip())) > 1:
            found.setdefault(initials(person), []).append(person)
    return found


def spell_out_initials(question: str, people: Sequence[str], frequency: Callable[[str], int]) -> str:
    """`question` with each initials standing for one of `people` followed by the name in brackets.

    `frequency`: in how many passages a (lower-case) word is written.
    """
    if question.isupper() or not INITIALS.search(question):  # capitals throughout say nothing
        return question
    by_initials = _by_initials(tuple(people))
    # a question with a capital on most words ("What Did MBS Say About Israel?") tells no name by its capitals
    written_words = re.findall(r"[A-Za-z][\w'’-]*", question)
    title_cased = sum(w[0].isupper() for w in written_words) > TITLE_CASE_SHARE * len(written_words)

    def spelled(match: re.Match[str]) -> str:
        written = match.group()
        named = by_initials.get(written, [])
        if len(named) != 1 or named[0].lower() in question.lower():
            return written
        if FIRST_NAME_OF.match(question, match.end()) and not title_cased:  # "AJ Brown": a first name of a longer one
            return written
        surname = [part.lower() for part in named[0].split()[-1].split("-") if part]
        if frequency(written.lower()) > min(frequency(part) for part in surname):
            return written  # an acronym or word of its own more than the person's initials
        return f"{written} ({named[0]})"

    return INITIALS.sub(spelled, question)


# Titles news writes by their initials far more often than in full ("CEO"): a question writing one out finds
# the sentences that write its initials ("who is replacing him as chief executive?": "Richard Teng will be the
# exchange's new CEO"). Not the other way round: the initials are one word, the title three, and the sentences
# writing the initials would then hold a smaller share of the question's words.
TITLE_INITIALS = {
    "chief executive officer": "CEO",
    "chief executive": "CEO",
    "chief financial officer": "CFO",
    "chief operating officer": "COO",
    "chief technology officer": "CTO",
    "chief technical officer": "CTO",
    "chief marketing officer": "CMO",
    "chief information officer": "CIO",
}
# Every title a question may write by its initials, and how articles write it out: those above, and titles news
# writes out more often than not ("the first Japanese PM": "the first Prime Minister of Japan"). A question's
# initials are mentioned where the corpus writes the title out (`rag.coverage`).
WRITTEN_OUT_TITLES: dict[str, tuple[str, ...]] = {
    initials.lower(): tuple(title for title, written in TITLE_INITIALS.items() if written == initials)
    for initials in dict.fromkeys(TITLE_INITIALS.values())
} | {
    "pm": ("prime minister",),
    "mp": ("member of parliament", "lawmaker"),
    "vp": ("vice president", "vice-president"),
    "gm": ("general manager",),
    "ag": ("attorney general",),
}
_WRITTEN_OUT = re.compile(
    r"\b(?P<title>" + "|".join(sorted(TITLE_INITIALS, key=len, reverse=True)) + r")(?:['’]s)?(?![\w'’-])",
    re.IGNORECASE,
)


def add_title_initials(question: str) -> str:
    """`question` with a title written out followed by its initials in brackets ("as chief executive (CEO)",
    "the chief executive's (CEO) letter"), unless the question writes those initials too."""

    def added(match: re.Match[str]) -> str:
        initials = TITLE_INITIALS[match.group("title").lower()]
        if re.search(rf"\b{initials}s?\b", question):
            return match.group()
        return f"{match.group()} ({initials})"

    return _WRITTEN_OUT.sub(added, question)
