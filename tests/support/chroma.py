"""A real `chroma run` server on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from tests.support.ports import free_port


class ChromaServer:
    """A real `chroma run` on 127.0.0.1 that a test can stop and start again (same port, same data)."""

    def __init__(self, data: Path, port: int | None = None) -> None:
        chroma = Path(sys.executable).parent / "chroma"
        if not chroma.exists():
            found = shutil.which("chroma")
            assert found, "the chroma CLI (from the chromadb package) is not installed"
            chroma = Path(found)
        self.chroma = chroma
        self.data = data
        self.host = "127.0.0.1"
        self.port = port or free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> ChromaServer:
        """Start the server and wait until it listens."""
        log = open(self.data / "server.log", "a")  # noqa: SIM115 - the child keeps its own copy
        with log:
            command = [str(self.chroma), "run", "--path", str(self.data / "db"), "--host", self.host]
            self.proc = subprocess.Popen(
                [*command, "--port", str(self.port)],
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chroma run exited early: {(self.data / 'server.log').read_text()[-2000:]}")
            try:
                with socket.create_connection((self.host, self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("chroma run did not start listening within 60 s")

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 20 s)."""
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None
