"""Sentence boundaries as character spans, so every quote can point into its article."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that end with a full stop without ending the sentence.
# ("Adv." is a lawyer's title: "IMPA director general Adv. Ilit Ostrovitch-Levi")
_ABBREVIATION_WORDS = """mr mrs ms dr prof sr jr st mt gen col lt sgt capt cmdr adm gov sen rep rev
adv atty det insp supt inc ltd co corp bros dept univ est approx vs etc al fig no nos vol pp
jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k u.n a.m p.m"""
ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
# letters each with its full stop ("K.O. II", "the D.C. office"): initials, which go on the sentence as "U.S." does
DOTTED_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")

# A candidate end: terminal punctuation, then any closing quotes or brackets.
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*")
_OPENERS = "\"'“‘«([—-"


@dataclass(frozen=True)
class Span:
    """A half-open character range `text[start:end]`."""

    start: int
    end: int


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether the punctuation in `match` closes a sentence."""
    end = match.end()
    if end < len(text) and not text[end].isspace():
        return False  # "3.5", "U.S.-led", "example.com"
    nxt = end
    while nxt < len(text) and text[nxt] in " \t":
        nxt += 1
    if nxt < len(text) and text[nxt] != "\n":
        first = text[nxt]
        if not (first.isupper() or first.isdigit() or first in _OPENERS):
            return False  # "the U.S. and ...": a lower-case word goes on the sentence
    if match.group().startswith("."):
        word = re.search(r"([\w.]+)$", text[match.start() - 40 if match.start() > 40 else 0 : match.start()])
        if word:
            token = word.group(1).lower()
            if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or DOTTED_INITIALS.fullmatch(token):
                return False  # "Dr. Smith", "J. Smith", "the K.O. II sampler"
    return True


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split `text[start:end]` into sentence spans, with surrounding whitespace trimmed.

    A line break always ends a sentence (news text keeps one paragraph a line); within a
    line, terminal punctuation ends one unless it belongs to an abbreviation or initial.
    """
    stop = len(text) if end is None else end
    spans: list[Span] = []
    line_start = start
    while line_start < stop:
        newline = text.find("\n", line_start, stop)
        line_end = stop if newline == -1 else newline
        sentence_start = line_start
        for match in _END.finditer(text, line_start, line_end):
            if _ends_sentence(text, match):
                span = _trimmed(text, sentence_start, match.end())
                if span:
                    spans.append(span)
                sentence_start = match.end()
        span = _trimmed(text, sentence_start, line_end)
        if span:
            spans.append(span)
        line_start = line_end + 1
    return spans


def quotation_depth(sentence: str, depth: int = 0) -> int:
    """How many quotations are open after `sentence`, `depth` being open before it: more than none when
    it opens one it does not close (“... it cost me. / I turned down ...”), the statement going on in
    the sentences after it. Curly marks say which way they face; a straight mark opens after a space,
    a bracket or the sentence's start, and closes otherwise."""
    for i, char in enumerate(sentence):
        if char in "“«":
            depth += 1
        elif char in "”»":
            depth = max(depth - 1, 0)
        elif char == '"':
            opening = i == 0 or sentence[i - 1].isspace() or sentence[i - 1] in "([—-"
            depth = depth + 1 if opening else max(depth - 1, 0)
    return depth
