"""`python -m rag ...` as a user runs it: in a subprocess, or in this process with given settings."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from rag.settings import Settings, get_settings
from tests.support.project import PROJECT

# The `cli` fixture: run `python -m rag *argv` in this process on these settings -> (exit code, stdout, stderr).
CliRun = Callable[[Settings, list[str]], tuple[int, str, str]]


def rag(*args: str, storage: Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m rag *args` in `cwd`, on the store in `storage`."""
    environment = {**os.environ, "RAG_STORAGE_DIR": str(storage), "PYTHONPATH": str(PROJECT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "rag", *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=environment
    )


def rag_ask(*args: str, stdin: str = "", storage: Path) -> subprocess.CompletedProcess[str]:
    """`python -m rag ask *args` in the project folder, with `stdin` as its input."""
    env = {**os.environ, "RAG_STORAGE_DIR": str(storage), "PYTHONPATH": str(PROJECT)}
    return subprocess.run(
        [sys.executable, "-m", "rag", "ask", *args],
        input=stdin,
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def main_with(settings: Settings, argv: list[str]) -> int:
    """`python -m rag ...` in this process, with these settings as its environment (offline)."""
    from rag.cli import main

    get_settings.cache_clear()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RAG_STORAGE_DIR", str(settings.storage_dir))
        for name, value in (("RAG_CHROMA_HOST", settings.chroma_host), ("RAG_CHROMA_PORT", settings.chroma_port)):
            if value is None:
                patch.delenv(name, raising=False)
            else:
                patch.setenv(name, str(value))
        patch.setenv("RAG_REQUEST_TIMEOUT", str(settings.request_timeout_s))
        for name in ("RAG_LLM_MODEL", "OPENAI_API_KEY", "OPENAI_BASE_URL"):
            patch.delenv(name, raising=False)
        try:
            return main(argv)
        finally:
            get_settings.cache_clear()


def one_error_line(err: str) -> str:
    """The one line `error: ...` that stderr must be (no traceback, nothing else)."""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in err, err
    return lines[0]
