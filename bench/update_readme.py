"""Replace a generated section of README.md with standard input.

    python -m rag eval --set ... --markdown | python bench/update_readme.py eval-dev

The section sits between `<!-- BEGIN name -->` and `<!-- END name -->` lines.
"""

from __future__ import annotations

import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def replace_section(text: str, name: str, body: str) -> str:
    """`text` with the named section's body replaced."""
    begin, end = f"<!-- BEGIN {name} -->", f"<!-- END {name} -->"
    if begin not in text or end not in text:
        raise SystemExit(f"README.md has no section {name!r}: add the lines {begin} and {end}")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{begin}\n{body.strip()}\n{end}{tail}"


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python bench/update_readme.py SECTION < content")
    README.write_text(
        replace_section(README.read_text(encoding="utf-8"), sys.argv[1], sys.stdin.read()), encoding="utf-8"
    )
