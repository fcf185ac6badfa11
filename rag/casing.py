"""Names typed in lower case.

A question typed all in lower case ("when did japan first join the quad?") names "Japan" and
the "QUAD" as surely as one written with capitals, but the machinery that reads names (outlets,
speakers, the names an answer must write) goes by capitals. The corpus tells how each word is
written: one it writes with a capital inside sentences nearly every time is a name, and a
lower-case question gets it back before it is read.
"""

from __future__ import annotations

import re
from collections import Counter

from rag.word_frequency import zipf_frequency

WORD = re.compile(r"[^\W\d_][^\W_]*(?:-[^\W_]+)*")  # "Japan", "QUAD", "Sok-yeol"; "'s" stays apart
SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“‘(\n]\s*)$")
MIN_CAPITALISED = 1  # occurrences inside sentences a name rare in English needs ("QUAD", "Brussels")
MIN_CAPITALISED_WORD = 3  # ... a name that is also a common English word ("Japan"; not the "Far" of "Far East")
COMMON_ZIPF = 4.0  # a word this frequent in English is a common one
CAPITALISED_SHARE = 0.9  # ... of all its occurrences: "may", "apple" and "bill" are words as often
POSSESSIVE_ZIPF = 2.5  # a name with an "s" typed on is its possessive when English hardly writes that ("ellisons"; not
# "does" for a "Doe", "is" for an "I", "apples" for "Apple")


class CasingCount:
    """How often each word is written with a capital inside sentences, and how often without."""

    def __init__(self) -> None:
        self.capitalised: Counter[str] = Counter()
        self.lower: Counter[str] = Counter()
        self.forms: dict[str, Counter[str]] = {}

    def add(self, text: str) -> None:
        for match in WORD.finditer(text):
            word = match.group()
            key = word.lower()
            if word[0].isupper():
                if SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]):
                    continue  # any word starts a sentence with a capital
                self.capitalised[key] += 1
                self.forms.setdefault(key, Counter())[word] += 1
            else:
                self.lower[key] += 1

    def names(self) -> dict[str, str]:
        """Lower-cased word -> the form the texts write it in, for the words they write as names."""
        return {
            key: self.forms[key].most_common(1)[0][0]
            for key, count in self.capitalised.items()
            if count >= (MIN_CAPITALISED_WORD if zipf_frequency(key) >= COMMON_ZIPF else MIN_CAPITALISED)
            and count >= CAPITALISED_SHARE * (count + self.lower[key])
        }


def typed_without_names(question: str) -> bool:
    """Whether no word inside a sentence of `question` is written with a capital but an acronym and "I": a capital
    opening it, or "DOJ" and "AI", tell nothing of how its names were typed ("whats alumni ventures edward tsai's take
    on AI startups", "When did japan join?")."""
    for match in WORD.finditer(question):
        word = match.group()
        acronym = len(word) > 1 and word.isupper()
        if word[0].isupper() and not acronym and word != "I" and not SENTENCE_START.search(question[: match.start()]):
            return False
    return True


def truecase(question: str, cased: dict[str, str]) -> str:
    """`question` with the names the corpus writes given their capitals, when it is typed with none
    (`typed_without_names`); a name with an "s" typed on and no apostrophe, a word English hardly writes, is the
    name's possessive ("caroline ellisons salary": "Caroline Ellison's salary")."""
    if not typed_without_names(question):
        return question

    def named(match: re.Match[str]) -> str:
        word = match.group()
        if not word.islower():  # "When", "AI": as written
            return word
        if word in cased:
            return cased[word]
        if word.endswith("s") and word[:-1] in cased and zipf_frequency(word) < POSSESSIVE_ZIPF:
            return f"{cased[word[:-1]]}'s"
        return word

    return WORD.sub(named, question)
