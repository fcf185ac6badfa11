"""Words mistyped by one slip of the fingers.

People type fast: "How much does the new kindel start at?", "passing yards agaisnt Detroit", "earbds". A word
the corpus never writes and English hardly knows, one slip from a word the corpus writes often, is that word
mistyped: the search, the names the answer must write and the coverage check then read the word meant. A slip is
two letters swapped, a letter left out or one typed twice or in passing; never one letter typed for another,
which makes other words as often as slips ("prisco" is not "Frisco", "keto" not "veto"). A word written with a
capital may be a name the corpus lacks ("D'Hondt" is not "Honda"), a word English knows well is no slip, and a slip is
far rarer in English than the word it is a slip of ("summarise" is no slip of "summaries").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from rag.lexicon import stem
from rag.word_frequency import zipf_frequency

if TYPE_CHECKING:
    from rag.coverage import Vocabulary

LETTERS = "abcdefghijklmnopqrstuvwxyz"
# a lower-case word of four letters or more; not one of a negation ("hasn't": no slip of "has")
TYPED_WORD = re.compile(r"(?<![\w'’-])[a-z]{4,}(?![\w-]|['’]t\b)")
SLIP_ZIPF = 3.0  # a word at least this frequent in English is meant as written ("jobless", "allotted")
SLIP_RARER = 2.0  # a slip is this much rarer in English than the word meant (Zipf: 100 times), if English knows it
SLIP_MIN_PASSAGES = 2  # the word meant is written in this many passages at least: a word of the corpus, not a stray
SLIP_DOMINANCE = 5  # ... and in this many times as many as any other word one slip away ("kindle" 26, "kinder" 2)


def _cuts(word: str) -> list[tuple[str, str]]:
    return [(word[:i], word[i:]) for i in range(len(word) + 1)]


def slips_of(word: str) -> set[str]:
    """The words `word` may be a slip of: with two neighbouring letters swapped back, a letter put back in, or one
    taken out."""
    swapped = {a + b[1] + b[0] + b[2:] for a, b in _cuts(word) if len(b) > 1 and b[0] != b[1]}
    left_out = {a + c + b for a, b in _cuts(word) for c in LETTERS}
    typed_extra = {a + b[1:] for a, b in _cuts(word) if b}
    return (swapped | left_out | typed_extra) - {word}


def one_letter_changed(word: str) -> set[str]:
    """The words `word` is with one letter typed for another."""
    return {a + c + b[1:] for a, b in _cuts(word) if b for c in LETTERS} - {word}


def correct_slips(question: str, vocabulary: Vocabulary, frequency: Callable[[str], int]) -> str:
    """`question` with each lower-case word the corpus never writes and English hardly knows replaced by the one
    corpus word it is a slip of (`slips_of`), as the corpus writes it ("kindel" -> "Kindle"), when that word is
    far more frequent in English (`SLIP_RARER`, unless English knows neither) and written in passages far more than
    any other the slip could be of.

    `frequency`: in how many passages a (lower-case) word is written.
    """

    def corrected(match: re.Match[str]) -> str:
        typed = match.group()
        rarity = zipf_frequency(typed)
        if typed in vocabulary.words or stem(typed) in vocabulary.stems or rarity >= SLIP_ZIPF:
            return typed
        meant_words = [
            w
            for w in slips_of(typed)
            if w in vocabulary.words and (not rarity or zipf_frequency(w) - rarity >= SLIP_RARER)
        ]
        counted = sorted(((frequency(w), w) for w in meant_words), reverse=True)
        if not counted or counted[0][0] < SLIP_MIN_PASSAGES:
            return typed
        if len(counted) > 1 and counted[0][0] < SLIP_DOMINANCE * counted[1][0]:
            return typed  # it may be a slip of either
        meant = counted[0][1]
        return vocabulary.cased.get(meant, meant)

    return TYPED_WORD.sub(corrected, question)
