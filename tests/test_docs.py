"""The README's claims point at real things: every test its Reliability table names exists."""

from __future__ import annotations

import re

from tests.support.project import PROJECT


def test_every_test_the_reliability_table_names_exists_in_the_suite() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Reliability") : readme.index("## Configuration")]
    named = set(re.findall(r"`(test_[a-z0-9_]+)`", table))
    suite = "".join(path.read_text(encoding="utf-8") for path in (PROJECT / "tests").glob("test_*.py"))
    assert len(named) >= 40
    assert not [name for name in named if f"def {name}(" not in suite]
