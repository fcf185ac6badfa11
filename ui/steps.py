"""The steps of a long piece of work, shown in its st.status box once they are done."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# What each timed step of rag's pipeline does, in words a reader knows.
STEP_NAMES = {
    "condense": "Reading the question with the chat so far",
    "plan": "Reading the question",
    "embed": "Embedding the question",
    "retrieve": "Searching the articles",
    "coverage": "Checking what the articles cover",
    "answer": "Choosing sentences",
    "generate": "Writing the answer",
    "verify": "Checking each sentence against its sources",
    "report": "Writing the report",
}


def step_lines(timings_ms: Mapping[str, float]) -> list[str]:
    """One line per timed step, in the order they ran: '- Searching the articles · 42 ms'."""
    return [f"- {STEP_NAMES.get(k, k.capitalize())} · {v:.0f} ms" for k, v in timings_ms.items() if k != "total"]


def show_steps(status: Any, timings_ms: Mapping[str, float], done: str) -> None:
    """Write the steps into `status` (an st.status box) and close it as complete, with the total time."""
    lines = step_lines(timings_ms)
    if lines:
        status.markdown("\n".join(lines))
    total = timings_ms.get("total", sum(v for k, v in timings_ms.items() if k != "total"))
    status.update(label=f"{done} in {total:.0f} ms", state="complete", expanded=False)
