"""Follow-up questions: turning "and what did he say about Taiwan?" into a standalone one.

Offline, follow-ups are resolved with the previous turns: a pronoun that stands for a
person is replaced by the last name mentioned, and a question too bare to stand alone
borrows the subject of the previous question. With an LLM, the generative engine condenses
the history with a prompt instead (rag/prompts/condense.txt).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rag.lexicon import FUNCTION_WORDS, content_words


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


def _names(text: str) -> list[str]:
    """Capitalised names in `text`, in order, without question or function words."""
    found = []
    for match in NAME.finditer(text):
        words = [w for w in re.split(r"[-\s]", match.group()) if w not in NOT_NAMES]
        if words:
            found.append(" ".join(words))
    return found


def _person_names(text: str) -> list[str]:
    """Names that look like people's: two or more capitalised words, or a name before 'said'."""
    names = [n for n in _names(text) if " " in n]
    names += re.findall(r"\b([A-Z][a-z]+)\s+(?:said|says|noted|added|stated|believes)\b", text)
    return names


def is_follow_up(question: str) -> bool:
    """Whether the question leans on the chat before it."""
    if CONTINUATION.match(question):
        return True
    if PERSON_PRONOUN.search(question) and not _names(question):
        return True
    return bool(THING_PRONOUN.search(question)) and len(content_words(question)) <= 3


def resolve_follow_up(question: str, history: Sequence[Turn]) -> str:
    """A standalone version of `question`, using the previous turns (offline heuristics)."""
    if not history or not is_follow_up(question):
        return question
    previous = history[-1]
    resolved = CONTINUATION.sub("", question).strip()
    if PERSON_PRONOUN.search(resolved):
        people = _person_names(previous.question) or _names(previous.question) or _person_names(previous.answer)
        if people:
            person = people[-1]
            resolved = PERSON_PRONOUN.sub(
                lambda m: f"{person}'s" if m.group().lower() in ("his", "hers") else person, resolved, count=1
            )
            return resolved[:1].upper() + resolved[1:]
    # Too bare to stand alone: carry over what the previous question was about.
    subject = [w for w in content_words(previous.question) if w not in FUNCTION_WORDS]
    return f"{resolved} ({' '.join(subject)})" if subject else resolved
