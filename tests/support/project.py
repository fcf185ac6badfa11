"""Where the project is, the bundled corpus, and Settings a test can trust."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rag.settings import Settings

PROJECT = Path(__file__).resolve().parents[2]
BUNDLED_CORPUS = PROJECT / "corpus"


def make_settings(**overrides: Any) -> Settings:
    """Settings for a test: never read the developer's .env or environment."""
    return Settings(_env_file=None, **overrides)  # type: ignore[call-arg]
