"""Starter questions for an empty chat, drawn from what the loaded corpus talks about."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# A person-like name: two or three capitalised words ("Fumio Kishida", "Ferdinand Marcos Jr").
PERSON = re.compile(r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})\b")
# Words of speech near a name make it a speaker's ("Yu Koizumi says", "according to Kishida").
SPEECH = re.compile(r"\b(said|says|say|noted|notes|added|stated|believes|cited|points out|according to)\b")
# An acronym or a capitalised word inside a sentence ("NATO", "Taiwan").
ENTITY = re.compile(r"(?<=[a-z,;] )([A-Z][A-Za-z]+)\b|\b([A-Z]{2,6})\b")
NOT_NAMES = {"The", "This", "That", "In", "At", "On", "And", "But", "However", "Prime", "Minister", "President"}


def _clean(name: str) -> str:
    words = [w for w in re.split(r"[ -]", name) if w not in NOT_NAMES]
    return " ".join(words)


def starter_questions(texts: Iterable[str], titles: list[str], limit: int = 3) -> list[str]:
    """A few questions the corpus can answer: about its most-mentioned people and subjects."""
    people: Counter[str] = Counter()
    subjects: Counter[str] = Counter()
    for text in texts:
        for match in PERSON.finditer(text):
            name = _clean(match.group(1))
            context = text[max(0, match.start() - 40) : match.end() + 40]
            if " " in name and SPEECH.search(context):
                people[name] += 1
        for match in ENTITY.finditer(text):
            word = match.group(1) or match.group(2)
            if word not in NOT_NAMES:
                subjects[word] += 1
    questions = []
    for person, _ in people.most_common(1):
        questions.append(f"What did {person} say?")
    top_subjects = [s for s, _ in subjects.most_common(6) if not any(s in p for p in people)]
    if top_subjects:
        questions.append(f"What do the sources say about {top_subjects[0]}?")
    if len(titles) >= 2 and len(top_subjects) >= 2:
        questions.append(f"Do the sources agree about {top_subjects[1]}?")
    elif titles:
        questions.append(f"What are the main points of “{titles[0]}”?")
    return questions[:limit]
