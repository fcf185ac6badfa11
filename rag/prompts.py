"""Prompt templates, kept as files in prompts/, filled with `$name` variables.

A template that names a variable the caller did not give raises, so a prompt can never be
sent with a hole in it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from string import Template

from rag.errors import ConfigError

PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"


@cache
def load_template(name: str) -> Template:
    """The template `prompts/<name>.txt`."""
    path = PROMPTS_DIR / f"{name}.txt"
    try:
        return Template(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"prompt template {path} is missing; restore it from the repository") from exc


def render(name: str, **variables: str) -> str:
    """Fill the template `name` with `variables`; every variable it uses must be given."""
    try:
        return load_template(name).substitute(variables).strip()
    except KeyError as exc:
        raise ConfigError(f"prompt template {name}.txt uses ${exc.args[0]}, which was not given") from exc
