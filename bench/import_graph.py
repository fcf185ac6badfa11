"""The height of the import graph of `rag/`, `ui/` and `app.py`, and its tallest chain.

A module stands one floor above everything it imports (any import in the module, at its
top or inside a function; imports only for type checking do not count); a module that
imports nothing of ours stands on floor 1.

    python bench/import_graph.py [ROOT]
"""

from __future__ import annotations

import ast
import sys
from functools import cache
from pathlib import Path

ROOT = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent)


def module_files(root: Path) -> dict[str, Path]:
    """Our modules by dotted name."""
    files = [*root.glob("rag/**/*.py"), *root.glob("ui/*.py"), root / "app.py"]
    modules = {}
    for path in files:
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


MODULES = module_files(ROOT)


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


@cache
def imports(name: str) -> frozenset[str]:
    """The modules of ours that `name` imports."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    skipped = {id(n) for block in ast.walk(tree) if _type_checking_only(block) for n in ast.walk(block)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module:
            for candidate in (node.module, *(f"{node.module}.{a.name}" for a in node.names)):
                if candidate in MODULES and candidate != name:
                    found.add(candidate)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in MODULES and a.name != name)
    return frozenset(found)


@cache
def chain(name: str) -> tuple[str, ...]:
    """The tallest chain of imports from `name` down to floor 1."""
    below = [chain(dep) for dep in imports(name)]
    return (name, *max(below, key=len, default=()))


def main() -> None:
    """Print the height and the tallest chain."""
    tallest = max((chain(n) for n in MODULES), key=len)
    print(f"height: {len(tallest)} floors ({len(MODULES)} modules)")
    print("tallest chain: " + " -> ".join(tallest))


if __name__ == "__main__":
    main()
