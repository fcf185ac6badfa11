"""Follow-up questions: turning "and what did he say about Taiwan?" into a standalone one.

Offline, follow-ups are resolved with the previous turns: a pronoun that stands for a
person is replaced by the last name mentioned, and a question too bare to stand alone
borrows the subject of the previous question. With an LLM, the generative engine condenses
the history with a prompt instead (rag/prompts/condense.txt).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from rag.entities import TITLES, known_names, shaped_as_person
from rag.lexicon import FUNCTION_WORDS, content_words, fold
from rag.question import answer_kind


@dataclass(frozen=True)
class Turn:
    """One exchange of the chat so far."""

    question: str
    answer: str


# Terminal escape sequences (colours, cursor moves, window titles) that a pasted question may carry.
ANSI_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
# Joiners that change how scripts and emoji render; every other format character goes.
KEPT_FORMAT = {"\u200c", "\u200d"}
# Invisible characters inside a word (soft hyphen, zero-width space, word joiner, BOM) go
# without a trace, so the word stays one word; other format characters become a space.
INSIDE_WORDS = {"\u00ad", "\u200b", "\u2060", "\ufeff"}


def clean_question(question: str) -> str:
    """The question as one plain line: no escape sequences, controls or direction overrides.

    Letters of every script and emoji stay; whitespace runs become one space.
    """
    text = ANSI_ESCAPE.sub(" ", question)
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char in INSIDE_WORDS:
            continue
        if category in ("Cc", "Zl", "Zp", "Cs") or (category == "Cf" and char not in KEPT_FORMAT):
            kept.append(" ")  # NUL, \r, bidi overrides such as U+202E, lone surrogates, U+2028
        else:
            kept.append(char)
    return " ".join("".join(kept).split())


PERSON_PRONOUN = re.compile(r"\b(he|she|him|his|her|hers)\b", re.IGNORECASE)
THING_PRONOUN = re.compile(r"\b(it|its|they|them|their|this|that|these|those|there)\b", re.IGNORECASE)
CONTINUATION = re.compile(r"^\s*(and|also|but|so|then|what about|how about)\b[,\s]*", re.IGNORECASE)
# Capitalised runs such as "Fumio Kishida" or "Yoshimasa Hayashi"; sentence-initial words too.
NAME = re.compile(r"\b[A-Z][a-z]+(?:[-\s][A-Z][a-z]+)*\b")
NOT_NAMES = {
    "The",
    "What",
    "Which",
    "Who",
    "Where",
    "When",
    "Why",
    "How",
    "Do",
    "Does",
    "Did",
    "Is",
    "Are",
    "Was",
    "Were",
    "In",
    "At",
    "On",
    "And",
    "But",
    "According",
    "Brief",
    "Tell",
    "Give",
    "If",
    "It",
    "This",
}


SPEECH = re.compile(
    r"^\s+(?:say|says|said|tell|tells|told|think|thinks|thought|argue[sd]?|claim(?:s|ed)?|add(?:s|ed)?|"
    r"note[sd]?|state[sd]?|believe[sd]?|warn(?:s|ed)?|mean|meant|want(?:s|ed)?|promise[sd]?|announce[sd]?|"
    r"explain(?:s|ed)?|suggest(?:s|ed)?|admit(?:s|ted)?|den(?:y|ies|ied)|describe[sd]?|write|writes|wrote)\b",
    re.IGNORECASE,
)


def _people_in(text: str, people: Collection[str] = (), asked: bool = False) -> list[str]:
    """The people `text` names, in order: a name after a title ("Foreign Minister Yoshimasa
    Hayashi"), a name that says something ("Kishida said"), or one of `people` (the corpus's
    known speakers, matched in full or by surname, and then named in full). Places and
    organisations are not people. In a question (`asked`), a name shaped as a person's whose first
    word is the first name of one of `people` ("Sam Altman", when the corpus quotes Sam Bankman-Fried)
    is one too: the reader wrote it as who they ask about.
    """
    by_surname: dict[str, list[str]] = {}
    for person in people:
        if person.split():
            by_surname.setdefault(fold(person.split()[-1]), []).append(person)
    surnames = set(by_surname) | {fold(p) for p in people}
    first_names = known_names(tuple(people)).first_names if asked else frozenset()
    found = []
    for match in NAME.finditer(text):
        run = [w for w in re.split(r"\s+", match.group()) if w]
        titled = [i for i, w in enumerate(run) if fold(w) in TITLES]
        name_words = [w for w in run[titled[-1] + 1 :] if w not in NOT_NAMES] if titled else run
        name_words = [w for w in name_words if w not in NOT_NAMES]
        if not name_words:
            continue
        name = " ".join(name_words)
        known = fold(name) in surnames or fold(name_words[-1]) in surnames
        speaks = bool(SPEECH.match(text[match.end() :]))
        first_named = asked and shaped_as_person(name) and fold(name_words[0]) in first_names
        if titled or known or speaks or first_named:
            # a known speaker written by surname alone ("Hayashi said") is named in full, when only one has it
            full = by_surname.get(fold(name), [])
            found.append(full[0] if len(name_words) == 1 and len(full) == 1 else name)
    return found


# "Who is the judge?", "What are the safety concerns?": a question that names nothing (no capitalised word after its
# first, no figure) and holds this many words of meaning at most asks about what the chat is about
BARE_WORDS = 2
ASKING = re.compile(
    r"^\s*(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|do|does|did|has|have|had|can|could|will|"
    r"would|should)\b",
    re.IGNORECASE,
)


def is_follow_up(question: str, people: Collection[str] = ()) -> bool:
    """Whether the question leans on the chat before it (a pronoun for a person it does not name, say)."""
    if CONTINUATION.match(question):
        return True
    if PERSON_PRONOUN.search(question) and not _people_in(question, people):
        return True
    meaning = content_words(question)
    if THING_PRONOUN.search(question) and len(meaning) <= 3:
        return True
    return ASKING.match(question) is not None and len(meaning) <= BARE_WORDS and _names_nothing(question)


def _names_nothing(question: str) -> bool:
    """Whether a question writes no name (a capitalised word after its first) and no figure."""
    written = re.findall(r"[\w'’-]+", question)
    return not any(word[:1].isupper() or any(c.isdigit() for c in word) for word in written[1:])


# An entity answer opens with the name it gives, then its citations: "Odile Brandt. [1] ..."
OPENING_NAME = re.compile(r"^\s*(?P<name>[^.\[\]]{3,60}?)\.\s*(?:\[\d+\]\s*)+")
PRONOUNS_OF_ONE = (frozenset({"she", "her", "hers"}), frozenset({"he", "him", "his"}))


def _person_answered(turn: Turn, standalone: str, follow_up: str) -> str:
    """The person a turn's answer named, when its question (`standalone`: as resolved) asked for one ("Who took over
    from Mara Quist?" answered "Odile Brandt.") and the follow-up does not go on with the pronoun that question used
    ("Who replaced her?" then "Did she come back?": the same woman); else ""."""
    if answer_kind(standalone) != ("entity", "person"):
        return ""
    used, written = ({p.lower() for p in PERSON_PRONOUN.findall(text)} for text in (turn.question, follow_up))
    if any(used & one and written & one for one in PRONOUNS_OF_ONE):
        return ""
    opening = OPENING_NAME.match(turn.answer)
    name = opening.group("name").strip() if opening else ""
    return name if shaped_as_person(name) else ""


def with_person(question: str, person: str) -> str:
    """`question` with its first "he", "she", "him" or "her" standing for `person` ("his", "hers": "`person`'s")."""
    return PERSON_PRONOUN.sub(
        lambda m: f"{person}'s" if m.group().lower() in ("his", "hers") else person, question, count=1
    )


def resolve_follow_up(question: str, history: Sequence[Turn], people: Collection[str] = ()) -> str:
    """A standalone version of `question`, using the previous turns (offline heuristics).

    A pronoun for a person ("he", "her") stands for a person named earlier in the chat (see
    `_people_in`; `people`: the speakers the corpus knows), never for a place or a thing;
    when none was named, it stays as it is.
    """
    if not history or not is_follow_up(question, people):
        return question
    previous = history[-1]
    resolved = CONTINUATION.sub("", question).strip()
    if PERSON_PRONOUN.search(resolved):
        # the person named last: the latest turn's question first, read with the chat before it ("Who replaced him?"
        # after "Why was Sam Altman fired?" asks who replaced Sam Altman, and "Did he come back?" after it asks of
        # him again, not of a board member its answer names), then its answer, then earlier turns; but after a
        # question asking who, answered by a name, a pronoun it did not use stands for the one the answer named
        # ("When does she start?" after "Who took over from Mara Quist?" answered "Odile Brandt.")
        latest = resolve_follow_up(previous.question, history[:-1], people)
        earlier = [(turn.question, turn.answer) for turn in reversed(history[:-1])]
        answered = _person_answered(previous, latest, resolved)
        named = (
            [answered]
            if answered
            else next(
                (
                    found
                    for question_asked, answer in [(latest, previous.answer), *earlier]
                    for text, asked in ((question_asked, True), (answer, False))
                    if (found := _people_in(text, people, asked))
                ),
                [],
            )
        )
        if named:
            person = named[0]
            resolved = with_person(resolved, person)
            return resolved[:1].upper() + resolved[1:]
    # Too bare to stand alone: carry over what the previous question was about, itself read with the chat
    # before it ("How long is it?" after "How much is the contract?" after "Which team did Ohtani sign with?")
    about = resolve_follow_up(previous.question, history[:-1], people)
    subject = [w for w in dict.fromkeys(content_words(about)) if w not in FUNCTION_WORDS]
    return f"{resolved} ({' '.join(subject)})" if subject else resolved
