"""Figures in text: amounts of money and percentages, with the period they cover.

Two figures are comparable only when they measure over the same period: per year where
the text says so ("$100 billion a year"; "$320 billion over five years" is $64 billion a
year; "$56 billion in 2023" is the year 2023), or neither names a period (a cost, a price).
A yearly rate beside the amount of one named year, or of two different years, is not
comparable: such figures are shown side by side, not as a disagreement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
SCALES |= {"k": 1e3, "mn": 1e6, "b": 1e9, "tn": 1e12, "trn": 1e12}  # written onto the digits: "5k", "$7.7bn"
# a dollar with its country after the sign, as Australian papers write it ("$US650 million", "$A82 million")
DOLLARS_OF = {"A": "AUD", "US": "USD", "NZ": "NZD", "C": "CAD", "HK": "HKD", "S": "SGD"}
COUNTRY_DOLLAR = rf"\$(?-i:{'|'.join(DOLLARS_OF)})"  # "$A", "$US": the sign and the country's letters
CURRENCIES = {
    "$": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "€": "EUR",
    "euros": "EUR",
    "euro": "EUR",
    "£": "GBP",
    "pounds": "GBP",
    "¥": "JPY",
    "yen": "JPY",
}
FIGURE = re.compile(
    rf"(?:\$(?P<country>(?-i:{'|'.join(DOLLARS_OF)}))|(?P<pre>[$€£¥]))\s?"
    r"(?P<num>\d[\d,]*(?:\.\d+)?)(?:\s*(?P<scale>thousand|million|billion|trillion|bn|mln)\b)?"
    r"|(?P<num2>\d[\d,]*(?:\.\d+)?)\s*(?:(?P<scale2>thousand|million|billion|trillion|bn|mln)\s*)?"
    r"(?P<unit>%|percent\b|per cent\b|dollars\b|euros\b|pounds\b|yen\b)",
    re.IGNORECASE,
)


NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
NUMBER_WORDS |= {"eleven": 11, "twelve": 12}
_AFTER = 48  # characters after a figure in which its period is written
PER_YEAR = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:(?:a|per|each|every)\s+year|annually|yearly|per\s+annum)\b", re.I)
PER_MONTH = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:(?:a|per|each|every)\s+month|monthly)\b", re.I)
OVER_YEARS = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:over|across|during|in|for|within)\s+(?:the\s+)?(?:next\s+|past\s+|last\s+|coming\s+)?"
    r"(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+years\b",
    re.I,
)
IN_YEAR = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:in|for|during|of)\s+(?:fiscal\s+|FY\s?)?(?P<year>(?:19|20)\d\d)\b", re.I)


@dataclass(frozen=True)
class Figure:
    """A figure as written, its value and its unit (USD, EUR, %, ...), and the period it covers.

    `period`: "" (none named), "year" (a yearly rate, `value` per year: a monthly figure
    times 12, a figure over N years divided by N) or the year it is the amount of ("2023").
    `written_value`: the value as written, before it was made yearly.
    """

    text: str
    value: float
    unit: str
    start: int
    end: int
    period: str = ""
    span_years: int = 1
    written_value: float = 0.0
    per: str = ""  # the period as it was a rate: "month", "year", "5 years"

    @property
    def per_year(self) -> bool:
        """Whether `value` is a yearly rate worked out from the text."""
        return self.period == "year"


# The same periods written before the figure, in its clause ("in the next five years ... 320 billion
# dollars", "In early 2023, ... spending reached $56 billion").
BEFORE_OVER_YEARS = re.compile(
    r"\b(?:over|across|during|in|for|within)\s+(?:the\s+)?(?:next|past|last|coming)\s+"
    r"(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+years\b",
    re.I,
)
BEFORE_IN_YEAR = re.compile(
    r"\b(?:in|for|during)\s+(?:early\s+|late\s+|mid-?|fiscal\s+|the\s+(?:first|second)\s+half\s+of\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
PER_YEAR_BEFORE = re.compile(r"\b(?:annual|yearly|(?:a|per|each|every)\s+year)\b", re.I)
_BEFORE = 300  # characters before a figure, within its sentence, where its period may be written


def _over_years(written: str) -> tuple[str, float, int, str]:
    """A figure over N years ("five", "5"): a yearly rate, 1/N of it."""
    years = int(written) if written.isdigit() else NUMBER_WORDS[written.lower()]
    return ("year", 1.0 / years, years, f"{years} years") if years > 1 else ("year", 1.0, 1, "year")


def _period_before(before: str) -> tuple[str, float, int, str]:
    """The period written in the figure's clause before it, if any (see `_period`)."""
    clause = re.split(r"[.;!?]\s", before)[-1]
    over = list(BEFORE_OVER_YEARS.finditer(clause))
    if over:
        return _over_years(over[-1].group("n"))
    if PER_YEAR_BEFORE.search(clause):
        return "year", 1.0, 1, "year"
    named = list(BEFORE_IN_YEAR.finditer(clause))
    if named:
        return named[-1].group("year"), 1.0, 1, ""
    return "", 1.0, 1, ""


def _period(after: str, before: str = "") -> tuple[str, float, int, str]:
    """The period written right after a figure, else before it in its clause: (period, factor to a
    year, years spanned, the rate's unit: "year", "month", "5 years" or "")."""
    if PER_YEAR.match(after):
        return "year", 1.0, 1, "year"
    if PER_MONTH.match(after):
        return "year", 12.0, 1, "month"
    over = OVER_YEARS.match(after)
    if over:
        return _over_years(over.group("n"))
    named = IN_YEAR.match(after)
    if named:
        return named.group("year"), 1.0, 1, ""
    return _period_before(before)


def find_figures(text: str) -> list[Figure]:
    """Every amount of money and percentage in `text`."""
    figures = []
    for match in FIGURE.finditer(text):
        number = float((match.group("num") or match.group("num2")).replace(",", ""))
        scale = (match.group("scale") or match.group("scale2") or "").lower()
        if match.group("country"):  # "$A82 million": Australian dollars
            unit = DOLLARS_OF[match.group("country")]
        elif match.group("pre"):
            unit = CURRENCIES[match.group("pre")]
        else:
            raw = match.group("unit").lower()
            unit = "%" if raw in ("%", "percent", "per cent") else CURRENCIES.get(raw, raw)
        after = text[match.end() : match.end() + _AFTER]
        before = text[max(0, match.start() - _BEFORE) : match.start()]
        period, factor, span, per = _period(after, before)
        if unit == "%" and per not in ("", "year"):  # a share over five years is no share a year
            period, factor, span = per, 1.0, 1
        written = number * SCALES.get(scale, 1.0)
        figures.append(
            Figure(
                match.group().strip(), written * factor, unit, match.start(), match.end(), period, span, written, per
            )
        )
    return figures


# a number written in digits, its thousands set off or not ("$1,000", "1000"); a year is a date, not a figure
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


@lru_cache(maxsize=16384)
def numbers_in(text: str) -> frozenset[str]:
    """The numbers a text writes in digits, read alike however their thousands are set off ("$1,000" and "$1000"
    are "1000"), no year among them."""
    found = (m.group().rstrip(".,") for m in NUMBER.finditer(text))
    return frozenset(n.replace(",", "") for n in found if not YEAR.fullmatch(n))


def words_around(text: str, start: int, end: int, window: int) -> str:
    """The `window` words either side of a figure at text[start:end]: what it is a figure of."""
    return " ".join(text[:start].split()[-window:] + text[end:].split()[:window])


def comparable(a: Figure, b: Figure) -> bool:
    """Whether two figures measure over the same period in the same unit (see the module's note)."""
    return a.unit == b.unit and a.period == b.period


def same_value(a: Figure, b: Figure, tolerance: float = 0.02) -> bool:
    """Whether two comparable figures state the same amount (within `tolerance`, relative)."""
    return comparable(a, b) and _close(a.value, b.value, tolerance)


def same_amount(a: Figure, b: Figure, tolerance: float = 0.02) -> bool:
    """Whether two figures are written as the same amount, whatever period each covers."""
    return a.unit == b.unit and _close(a.written_value, b.written_value, tolerance)


def _close(x: float, y: float, tolerance: float) -> bool:
    largest = max(abs(x), abs(y)) or 1.0
    return abs(x - y) / largest <= tolerance


def describe(figure: Figure) -> str:
    """The figure as written, with the period it covers ("320 billion dollars over 5 years: 64 billion USD a year")."""
    if figure.unit == "%" and figure.per not in ("", "year"):
        return f"{figure.text} over {figure.per}"
    if figure.per == "year":
        return f"{figure.text} a year"
    if figure.per == "month":
        return f"{figure.text} a month: {_amount(figure.value, figure.unit)} a year"
    if figure.per:
        return f"{figure.text} over {figure.per}: {_amount(figure.value, figure.unit)} a year"
    if figure.period:
        return f"{figure.text} in {figure.period}"
    return figure.text


def _amount(value: float, unit: str) -> str:
    for name, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(value) >= scale:
            return f"{value / scale:.3g} {name} {unit}"
    return f"{value:,.0f} {unit}"
