"""How well speaker attribution works: precision and recall against a hand-labelled set."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from rag.attribution import Attribution, Statement, close_names
from rag.settings import Settings
from rag.store import CorpusStore


@dataclass(frozen=True)
class AttributionScore:
    """Precision and recall of attributed statements against a hand-labelled set."""

    precision: float
    recall: float
    predicted: int
    gold: int
    misses: list[str]
    wrong: list[str]


def same_speaker(a: str, b: str) -> bool:
    """Speaker names that denote the same speaker (case, spelling variants, a longer form)."""
    x, y = a.lower().strip(), b.lower().strip()
    return x == y or x in y or y in x or close_names(a, b)


def score_attribution(
    predicted: dict[str, tuple[str, Attribution]], gold: list[tuple[str, str, str]]
) -> AttributionScore:
    """Score attributions against gold (file, exact text of the statement, speaker).

    Args:
        predicted: file name -> (article text, its attribution).
        gold: the labelled statements; every attributed statement of the articles is listed.

    Precision counts the predicted non-author statements that hold a gold statement of the
    same speaker; recall counts the gold statements held by a predicted statement of the
    same speaker.
    """
    located = []
    for name, needle, speaker in gold:
        text = predicted[name][0]
        at = text.find(needle)
        if at < 0:
            raise ValueError(f"gold text not found in {name}: {needle!r}")
        located.append((name, at, speaker, needle))
    statements = [(name, s) for name, (_, a) in predicted.items() for s in a.statements if s.kind != "author"]
    hits = [
        any(n == name and s.start <= at < s.end and same_speaker(s.speaker, sp) for n, at, sp, _ in located)
        for name, s in statements
    ]
    found = [
        any(n == name and s.start <= at < s.end and same_speaker(s.speaker, sp) for name, s in statements)
        for n, at, sp, _ in located
    ]
    misses = [f"{sp}: {needle}" for (_, _, sp, needle), ok in zip(located, found, strict=True) if not ok]
    wrong = [
        f"{s.speaker}: {predicted[name][0][s.start : s.start + 80]}"
        for (name, s), ok in zip(statements, hits, strict=True)
        if not ok
    ]
    return AttributionScore(
        precision=sum(hits) / len(hits) if hits else 0.0,
        recall=sum(found) / len(found) if found else 0.0,
        predicted=len(hits),
        gold=len(found),
        misses=misses,
        wrong=wrong,
    )


def attribution_report(path: Path, settings: Settings) -> str:
    """Precision and recall of speaker attribution on a labelled JSONL set (file, text, speaker)."""
    gold = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)
            gold.append((str(data["file"]), str(data["text"]), str(data["speaker"])))
    store = CorpusStore.open(settings)
    predicted: dict[str, tuple[str, Attribution]] = {}
    for record in store.list_articles():
        for ref in record.files:
            name = Path(ref.path).name
            if any(g[0] == name for g in gold):
                statements = [Statement(a, b, c, d) for a, b, c, d in record.statements]
                predicted[name] = (store.article_text(record.doc_id), Attribution(statements=statements))
    score = score_attribution(predicted, gold)
    lines = [
        f"attribution: precision {score.precision:.2f} ({score.predicted} attributed statements), "
        f"recall {score.recall:.2f} ({score.gold} labelled statements)"
    ]
    lines += [f"  missed: {m}" for m in score.misses] + [f"  wrong: {w}" for w in score.wrong]
    return "\n".join(lines)
