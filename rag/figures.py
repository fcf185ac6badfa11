"""Figures in text: amounts of money, percentages and counts, as comparable values."""

from __future__ import annotations

import re
from dataclasses import dataclass

SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
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
    r"(?P<pre>[$€£¥])\s?(?P<num>\d[\d,]*(?:\.\d+)?)(?:\s*(?P<scale>thousand|million|billion|trillion|bn|mln)\b)?"
    r"|(?P<num2>\d[\d,]*(?:\.\d+)?)\s*(?:(?P<scale2>thousand|million|billion|trillion|bn|mln)\s*)?"
    r"(?P<unit>%|percent\b|per cent\b|dollars\b|euros\b|pounds\b|yen\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Figure:
    """A figure as written, its value and its unit (USD, EUR, %, ...)."""

    text: str
    value: float
    unit: str
    start: int
    end: int


def find_figures(text: str) -> list[Figure]:
    """Every amount of money and percentage in `text`."""
    figures = []
    for match in FIGURE.finditer(text):
        number = float((match.group("num") or match.group("num2")).replace(",", ""))
        scale = (match.group("scale") or match.group("scale2") or "").lower()
        if match.group("pre"):
            unit = CURRENCIES[match.group("pre")]
        else:
            raw = match.group("unit").lower()
            unit = "%" if raw in ("%", "percent", "per cent") else CURRENCIES.get(raw, raw)
        figures.append(Figure(match.group().strip(), number * SCALES.get(scale, 1.0), unit, match.start(), match.end()))
    return figures


def same_value(a: Figure, b: Figure, tolerance: float = 0.02) -> bool:
    """Whether two figures state the same amount (within `tolerance`, relative)."""
    if a.unit != b.unit:
        return False
    largest = max(abs(a.value), abs(b.value)) or 1.0
    return abs(a.value - b.value) / largest <= tolerance
