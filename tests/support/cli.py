"""`python -m rag ...` in a subprocess, as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.project import PROJECT


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
