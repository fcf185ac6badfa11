"""How common an English word is: wordfreq's figures, read without importing wordfreq.

Importing wordfreq costs about 0.3 s in every new process (ftfy, langcodes, its tokenizer's
regular expressions): a tenth of a command-line question's cold start. Its English list is one
gzipped msgpack file in the package ("cBpack": after a header, one list of words per centibel of
frequency, the most common first). A word of ASCII letters, or of such parts joined by hyphens
(wordfreq's tokenizer splits there and combines the parts' frequencies), is looked up in that file
exactly as wordfreq computes it; any other word (digits, apostrophes, accents) is split by
wordfreq's own tokenizer and number rules, imported then, and looked up in the same table
(wordfreq's own lookup would load a second copy of the list).
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import re
from functools import cache, lru_cache
from pathlib import Path

import msgpack

SIMPLE_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
ENGLISH_LIST = "large_en.msgpack.gz"  # wordfreq's "best" English list
UNSEEN = 0.0  # the Zipf value of a word the list lacks (wordfreq's default minimum)


@lru_cache(maxsize=4096)
def zipf_frequency(word: str) -> float:
    """How common `word` is in English, on the Zipf scale (about 7 for 'the', 0 if unseen); as wordfreq's."""
    if SIMPLE_WORD.fullmatch(word):
        tokens, numbers = word.lower().split("-"), False
    else:
        from wordfreq.tokens import lossy_tokenize

        tokens, numbers = lossy_tokenize(word, "en"), True
        if not tokens:
            return UNSEEN
    centibels = english_centibels()
    # the tokens' frequencies combine as 1/f = 1/f1 + 1/f2 + ... (wordfreq's _word_frequency)
    one_over = 0.0
    for token in tokens:
        key = _smashed(token) if numbers else token
        level = centibels.get(key)
        if level is None:
            return UNSEEN
        frequency = 10 ** (-level / 100)
        if key != token:  # digits stand as 0s in the list; the number's own share comes from wordfreq's rules
            from wordfreq.numbers import digit_freq

            frequency *= digit_freq(token)
        one_over += 1.0 / frequency
    minimum = 10**UNSEEN / 1e9
    frequency = max(1.0 / one_over, minimum)
    # wordfreq keeps three significant digits of the frequency, then two decimals of the Zipf value
    frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log(frequency, 10) + 9, 2)


def _smashed(token: str) -> str:
    from wordfreq.numbers import smash_numbers

    return str(smash_numbers(token))


@cache
def english_centibels() -> dict[str, int]:
    """Every word of wordfreq's English list and its frequency in negative centibels (0: 'the' every time)."""
    spec = importlib.util.find_spec("wordfreq")  # finds the package without importing it
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("wordfreq is not installed")
    path = Path(spec.origin).parent / "data" / ENGLISH_LIST
    with gzip.open(path, "rb") as packed:
        data = msgpack.load(packed, raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{path}: not a wordfreq cBpack file (header {header!r})")
    return {word: level for level, bucket in enumerate(data[1:]) for word in bucket}


def warm_up() -> None:
    """Load the English list and import wordfreq now, for a process that will answer many questions.

    A one-off command skips this: most questions never need wordfreq itself.
    """
    english_centibels()
    zipf_frequency("isn't")  # imports wordfreq's tokenizer, for the words the list alone cannot split
