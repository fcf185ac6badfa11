"""The suite's own layout: shared helpers live in tests/support or conftest.py, and fixtures are typed.

A test module that imports from another test module runs that module's import-time code, ties
the two together and hides what is shared; tests/support is the one place to share from.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.support.project import PROJECT

TESTS = PROJECT / "tests"


def sources() -> list[Path]:
    """The test modules, conftest.py and the support package."""
    return [*sorted(TESTS.glob("test_*.py")), TESTS / "conftest.py", *sorted((TESTS / "support").glob("*.py"))]


def package_of(path: Path) -> str:
    return ".".join(path.parent.relative_to(PROJECT).parts)


def imported_names(tree: ast.Module, package: str) -> Iterator[tuple[int, str]]:
    """Every module an import statement could load, as an absolute name; `from a import b` gives `a` and `a.b`."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{anchor}.{base}" if base else anchor
            yield node.lineno, base
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"


def is_test_module_or_conftest(name: str) -> bool:
    """`tests.test_x`, `tests.conftest` or anything in them (or the same names without `tests.`)."""
    parts = name.split(".")
    module = parts[1] if parts[0] == "tests" and len(parts) > 1 else parts[0]
    return module.startswith("test_") or module == "conftest"


def test_no_module_imports_from_a_test_module_or_conftest() -> None:
    """Test modules and tests/support import shared helpers from tests.support, never from each other."""
    found = []
    for path in sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        bad = sorted({(line, name) for line, name in imported_names(tree, package_of(path))})
        found += [
            f"{path.relative_to(PROJECT)}:{line} imports {name}"
            for line, name in bad
            if is_test_module_or_conftest(name)
        ]
    assert not found, "move what is shared into tests/support:\n" + "\n".join(found)


def test_the_import_check_sees_every_way_of_importing_a_test_module() -> None:
    code = (
        "from tests.test_app import start\n"
        "from tests import test_cli\n"
        "import tests.test_ingest\n"
        "from .test_answers import rag_ask\n"
        "from . import conftest\n"
        "from tests.conftest import PROJECT\n"
        "from tests.support.app import start\n"
        "import rag.ingest\n"
        "from tests import support\n"
    )
    flagged = {line for line, name in imported_names(ast.parse(code), "tests") if is_test_module_or_conftest(name)}
    assert flagged == {1, 2, 3, 4, 5, 6}


def test_the_tests_folder_holds_only_test_modules_conftest_and_packages() -> None:
    loose = [p.name for p in TESTS.glob("*.py") if p.name not in ("__init__.py", "conftest.py")]
    assert not [name for name in loose if not name.startswith("test_")], "helpers belong in tests/support"


def is_fixture(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    if isinstance(target, ast.Attribute):
        return target.attr == "fixture" and isinstance(target.value, ast.Name) and target.value.id == "pytest"
    return isinstance(target, ast.Name) and target.id == "fixture"


def untyped(function: ast.FunctionDef) -> list[str]:
    """What a fixture's signature leaves untyped, or types as Any."""
    arguments = function.args
    parameters = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
    parameters += [a for a in (arguments.vararg, arguments.kwarg) if a is not None]
    annotations = {f"parameter {a.arg}": a.annotation for a in parameters if a.arg not in ("self", "cls")}
    annotations["return"] = function.returns
    problems = []
    for what, annotation in annotations.items():
        if annotation is None:
            problems.append(f"{what} has no annotation")
        elif mentions_any(annotation):
            problems.append(f"{what} is {ast.unparse(annotation)}")
    return problems


def mentions_any(annotation: ast.expr) -> bool:
    """`Any`, `typing.Any` or a string annotation holding either, anywhere in `annotation`."""
    for node in ast.walk(annotation):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if mentions_any(ast.parse(node.value, mode="eval").body):
                return True
        elif (isinstance(node, ast.Name) and node.id == "Any") or (
            isinstance(node, ast.Attribute) and node.attr == "Any"
        ):
            return True
    return False


def test_every_fixture_is_typed() -> None:
    """Parameters and return of every fixture are annotated, and none of them is Any."""
    found = []
    fixtures = 0
    for path in sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and any(is_fixture(d) for d in node.decorator_list):
                fixtures += 1
                found += [f"{path.relative_to(PROJECT)}:{node.lineno} {node.name}: {p}" for p in untyped(node)]
    assert fixtures >= 25, "the check found too few fixtures to be looking in the right place"
    assert not found, "\n".join(found)
