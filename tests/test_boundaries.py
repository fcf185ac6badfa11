"""One door: comparisons, briefings and the pages reach the corpus only through the Assistant's public methods.

`Assistant.retrieve` cleans and checks a request, resolves its filters and turns a failing
store into one line; code that reached past it (to the store, the retrievers, the BM25
index, the lock) would skip those checks, as `rag compare --article PREFIX` once did.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.project import PROJECT

# The Assistant's parts: what the door and the corpus methods use on a caller's behalf.
PARTS = frozenset({"store", "embedder", "retriever", "extractive", "generative", "vocabulary", "bm25", "lock"})
CALLERS = [PROJECT / "rag" / "compare.py", PROJECT / "rag" / "briefing.py", *sorted((PROJECT / "ui").glob("*.py"))]


def assistant_names(tree: ast.Module) -> set[str]:
    """Names that hold an Assistant: `assistant`, parameters typed Assistant, results of get_assistant()/open()."""
    names = {"assistant"}
    for node in ast.walk(tree):
        if isinstance(node, ast.arg) and node.annotation is not None and "Assistant" in ast.unparse(node.annotation):
            names.add(node.arg)
        elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None and gives_assistant(node.value):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def gives_assistant(value: ast.expr) -> bool:
    """`get_assistant()`, `Assistant(...)` or `Assistant.open(...)`."""
    if not isinstance(value, ast.Call):
        return False
    called = ast.unparse(value.func)
    return called in ("get_assistant", "Assistant", "Assistant.open") or called.endswith(".get_assistant")


def reaches_past_the_door(source: str) -> Iterator[tuple[int, str]]:
    """Each use of an Assistant's part or private attribute: (line, what was written)."""
    tree = ast.parse(source)
    names = assistant_names(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        holder = node.value
        is_assistant = (isinstance(holder, ast.Name) and holder.id in names) or gives_assistant(holder)
        if is_assistant and (node.attr in PARTS or node.attr.startswith("_")):
            yield node.lineno, ast.unparse(node)
        elif isinstance(node.value, ast.Attribute) and node.value.attr == "assistant" and node.attr in PARTS:
            yield node.lineno, ast.unparse(node)  # self.assistant.store


@pytest.mark.parametrize("path", CALLERS, ids=lambda p: str(Path(p).relative_to(PROJECT)))
def test_compare_briefing_and_the_pages_use_only_the_door_the_corpus_methods_and_the_engine(path: Path) -> None:
    found = [f"{path.relative_to(PROJECT)}:{line}: {code}" for line, code in reaches_past_the_door(path.read_text())]
    assert not found, "go through Assistant.retrieve / .engine / the corpus methods:\n" + "\n".join(found)


def test_they_do_use_the_door() -> None:
    """The check looks at code that holds an Assistant: compare and brief retrieve through it."""
    for name in ("compare.py", "briefing.py"):
        tree = ast.parse((PROJECT / "rag" / name).read_text())
        calls = {ast.unparse(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
        assert "assistant.retrieve" in calls, name


def test_the_check_sees_every_way_of_reaching_a_part() -> None:
    code = (
        "def f(helper: Assistant, x):\n"
        "    helper.store.list_articles()\n"  # 2: a parameter typed Assistant
        "    x.store.list_articles()\n"  # not an Assistant
        "a = get_assistant()\n"
        "a.bm25.mask(None)\n"  # 5: the cached one
        "get_assistant().lock\n"  # 6: without a name
        "assistant._indexes.retriever\n"  # 7: a private attribute
        "assistant.retrieve('q').passages\n"  # the door
        "assistant.engine.rank(r)\n"  # the engine
        "assistant.articles()\n"  # a corpus method
        "s = Assistant.open(settings)\n"
        "s.embedder.get_query_embedding('q')\n"  # 12
        "self.assistant.vocabulary\n"  # 13
    )
    assert sorted(line for line, _ in reaches_past_the_door(code)) == [2, 5, 6, 7, 12, 13]
