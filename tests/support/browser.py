"""Debian's chromium and `streamlit run app.py`, for the tests that drive a real browser."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.ports import free_port
from tests.support.project import PROJECT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium() -> Path:
    """The chromium binary; skips the test without it (fails it on CI)."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run installs it with apt-get")
        pytest.skip("no /usr/bin/chromium: `apt-get install -y chromium` to run the browser tests")
    return CHROMIUM


def serve(storage: Path, log_dir: Path, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """`streamlit run app.py` on a free loopback port, until the block ends (offline unless `extra_env` says)."""
    port = free_port()
    env = {**os.environ, "RAG_STORAGE_DIR": str(storage), "PYTHONPATH": str(PROJECT)}
    for name in ("RAG_LLM_MODEL", "OPENAI_API_KEY", "OPENAI_BASE_URL", "RAG_CHROMA_HOST", "RAG_CHROMA_PORT"):
        env.pop(name, None)
    env.update(extra_env or {})
    log = open(log_dir / f"streamlit-{port}.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
        ],
        cwd=PROJECT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert proc.poll() is None, (log_dir / f"streamlit-{port}.log").read_text()[-3000:]
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
            break
        except OSError:
            time.sleep(0.3)
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
