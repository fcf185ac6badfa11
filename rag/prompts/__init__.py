"""Prompt templates, kept as files beside this module (package data), filled with `$name` variables.

They are read with `importlib.resources`, so an installed wheel finds them as a checkout
does. A template that names a variable the caller did not give raises, so a prompt can
never be sent with a hole in it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from string import Template

from rag.errors import ConfigError


@cache
def load_template(name: str) -> Template:
    """The template `rag/prompts/<name>.txt`."""
    resource = resources.files("rag.prompts") / f"{name}.txt"
    try:
        return Template(resource.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"prompt template {name}.txt is missing from the rag.prompts package; reinstall it") from exc


def render(name: str, **variables: str) -> str:
    """Fill the template `name` with `variables`; every variable it uses must be given."""
    try:
        return load_template(name).substitute(variables).strip()
    except KeyError as exc:
        raise ConfigError(f"prompt template {name}.txt uses ${exc.args[0]}, which was not given") from exc
