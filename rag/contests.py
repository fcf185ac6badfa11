"""Who won a contest the question names both sides of.

"Who won the Chiefs-Packers game?", "who won Prochazka vs Pereira?", "Who won the semi-final between India and New
Zealand?": the winner is one of the two sides the question names, and a sentence answers only when it tells one
side beating the other ("The Packers edged past the Chiefs on Sunday"). A name that merely stands near "won" is
another's win ("Jamahal Hill, who won the title after Prochazka vacated"), and a preview of the contest tells no
winner: then the articles do not say who won.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rag.lexicon import words
from rag.ranking import ScoredSentence

# "Who won ...", "Which team won ...", "who came out on top in ..."
ASKS_WINNER = re.compile(
    r"^\s*(?:who|which\s+(?:team|side|club|country|nation|fighter|boxer|player|school|driver))\s+"
    r"(?:won|wins|came\s+out\s+on\s+top|prevailed|ended\s+up\s+winning|went\s+on\s+to\s+win)\b",
    re.IGNORECASE,
)
_SIDE = r"(?:[A-Z][\w'’.&-]*\s+){0,2}[A-Z][\w'’.&-]*"  # a name of one to three capitalised words
CONTEST = r"(?:game|match|matchup|fight|bout|clash|final|semi-?final|showdown|series|tie|derby|contest|race)"
SIDES = (
    # "Prochazka vs Pereira", "rovers vs town" (typed in lower case: the words either side)
    re.compile(rf"(?P<a>{_SIDE}|[\w'’.&-]+)\s+(?:vs\.?|v\.?|versus)\s+(?P<b>{_SIDE}|[\w'’.&-]+)"),
    re.compile(rf"\bbetween\s+(?:the\s+)?(?P<a>{_SIDE})\s+and\s+(?:the\s+)?(?P<b>{_SIDE})"),  # "between India and ..."
    # "who won the 2023 davis cup final, australia or italy?": the two offered at the end
    re.compile(rf",\s*(?:the\s+)?(?P<a>{_SIDE}|[\w'’.&-]+)\s+or\s+(?:the\s+)?(?P<b>{_SIDE}|[\w'’.&-]+)\s*\??\s*$"),
    # "the Chiefs-Packers Sunday Night Football game"
    # (its sides capitalised: "the pre-season match" names none)
    re.compile(
        rf"(?P<a>(?-i:[A-Z])[\w'’.]*)-(?P<b>(?-i:[A-Z])[\w'’.]*)\s+(?:[\w'’-]+\s+){{0,4}}?{CONTEST}\b", re.IGNORECASE
    ),
)
# a side beating the other: "The Packers edged past the Chiefs", "India beat New Zealand by 70 runs"
WINS = re.compile(
    r"\b(?:won|wins|beat|beats|defeated|defeats|edged|edges|topped|tops|downed|downs|stunned|stuns|routed|routs|"
    r"thrashed|thrashes|crushed|crushes|outlasted|outlasts|overcame|overcomes|dominated|dominates|dismantled|"
    r"knocked\s+out|knocks\s+out|held\s+off|holds\s+off|outscored|outscores|def\.)(?!\w)",
    re.IGNORECASE,
)
VERB_WINDOW = 2  # words between the winner's name and the verb ("the Packers narrowly edged")
OTHER_WINDOW = 8  # words after the verb within which the other side is written ("edged past the Chiefs")


@dataclass(frozen=True)
class Result:
    """The side that won, and the sentence telling it."""

    winner: str
    sentence: ScoredSentence


def contest_sides(question: str) -> tuple[str, str] | None:
    """The two sides of the contest a question asks who won ("Chiefs", "Packers"); None when it asks no winner or
    names no two sides."""
    if not ASKS_WINNER.match(question):
        return None
    return _sides_named(question, SIDES)


def _sides_named(question: str, patterns: Sequence[re.Pattern[str]]) -> tuple[str, str] | None:
    """The two sides the first of `patterns` that matches names ("a", "b")."""
    for pattern in patterns:
        named = pattern.search(question)
        if named:
            return named.group("a"), named.group("b")
    return None


def contest_winner(sides: tuple[str, str], sentences: Sequence[ScoredSentence]) -> Result | None:
    """The side the best sentence telling one side beating the other names as the winner, as that sentence writes it
    ("Town" for "town"); None when none tells it."""
    for sentence in sorted(sentences, key=lambda c: -c.score):
        for winner, loser in (sides, sides[::-1]):
            if _beats(sentence.evidence.quote, winner, loser):
                return Result(_written_as(sentence.evidence.quote, winner), sentence)
    return None


def _written_as(text: str, side: str) -> str:
    """The run of capitalised words in `text` ending with the side's last word, or the side as the question writes
    it."""
    last = re.escape(side.split()[-1])
    written = re.search(rf"(?:\b(?!The\b)[A-Z][\w'’.&-]*\s+){{0,2}}\b(?i:{last})\b", text)
    return written.group() if written and written.group()[0].isupper() else side


def _beats(text: str, winner: str, loser: str) -> bool:
    """Whether `text` writes the winner (by its last word) right before a verb of winning, and the loser after it."""
    won, lost = words(winner)[-1], words(loser)[-1]
    for verb in WINS.finditer(text):
        start = verb.start()
        before = words(text[:start])[-1 - VERB_WINDOW :]
        after = words(text[start:])[: OTHER_WINDOW + 1]
        if won in before and lost in after and lost not in before:
            return True
    return False


# "the score of Michigan's Big Ten championship game against Iowa", "when Michigan beat Ohio State": the sides of a
# contest whose score a question asks, as well as those `SIDES` reads (the words between them in lower case: "By what
# score did Manchester United beat Chelsea" is no side "By")
PLAYED_AGAINST = re.compile(
    rf"(?P<a>{_SIDE})(?:['’]s)?\s+(?:[a-z][\w'’-]*\s+){{0,5}}?(?:against|vs\.?|versus|v\.?|over|beat|beats|defeated|"
    rf"played|plays|faced|faces|hosted|hosts|visited|visits)\s+(?:the\s+)?(?P<b>{_SIDE})"
)
# a name written right against a score on both sides, as a results table writes it: "Man United 4-1 Chelsea"
_RUN = r"(?:[A-Z][\w'’.&-]*\s+)*[A-Z][\w'’.&-]*"
NAMED_BEFORE = re.compile(rf"(?P<run>{_RUN})\s*$")
NAMED_AFTER = re.compile(rf"^\s*(?P<run>{_RUN})")
SIDE_LETTERS = 4  # a word of a side this long tells it ("Man United": "United"; not "Man", "The", "FC")
QUESTION_OPENERS = frozenset("what which who whom whose when where why how by in at on for from".split())


def scored_sides(question: str) -> tuple[str, str] | None:
    """The two sides of the contest whose score `question` asks ("Chelsea", "Arsenal"), when it names both by
    capitalised names (no question word: "What was the score when Georgia visited Tennessee?")."""
    sides = _sides_named(question, (*SIDES, PLAYED_AGAINST))
    if sides is None or not all(side[:1].isupper() for side in sides):
        return None
    if any(side.split()[0].lower() in QUESTION_OPENERS for side in sides):
        return None
    return re.split(r"['’](?:s\b|(?=\s|$))", sides[0])[0], sides[1]  # "Michigan's Big Ten game": Michigan


def _side_words(side: str) -> set[str]:
    return {w.removesuffix("'s").removesuffix("’s") for w in words(side) if len(w) >= SIDE_LETTERS}


def of_another_contest(sentence: str, sides: tuple[str, str], scores: Sequence[tuple[int, int]]) -> bool:
    """Whether every score a sentence gives (`scores`, its spans) is of another contest than the one between `sides`:
    one side written right against it and a third right against its other side, as a table of results writes them
    ("Man United 4-1 Chelsea" for Chelsea against Arsenal). In prose the names around a score are as often the sides
    by other names ("The Chiefs won 27-19 against Green Bay", "Philadelphia rolled to a 31-17 win over Miami")."""
    asked = _side_words(sides[0]) | _side_words(sides[1])

    def a_side(run: str) -> bool:
        return bool(_side_words(run) & asked)

    def anothers(start: int, end: int) -> bool:
        before = NAMED_BEFORE.search(sentence[max(0, start - 80) : start])
        after = NAMED_AFTER.match(sentence[end : end + 80])
        if before is None or after is None:
            return False
        return a_side(before.group("run")) != a_side(after.group("run"))

    return bool(scores) and all(anothers(start, end) for start, end in scores)
