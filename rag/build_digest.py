"""What a copy on disk was built by: a short digest of the code and packages that build it.

The BM25 index and the catalog are saved beside the store, named by the store's fingerprint
and by this digest, so that changing how one is built (a tokenizer, a rule of the catalog, an
upgraded package) rebuilds it instead of loading a copy made the old way. A version number kept
by hand was once left unchanged: a tokenizer tried and reverted under one name left an index
tokenized the tried way, and the next measurement read it.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import inspect
from importlib.metadata import PackageNotFoundError, version


@functools.cache
def build_digest(modules: tuple[str, ...], packages: tuple[str, ...] = ()) -> str:
    """12 hex digits that change whenever the source of one of `modules` or the version of one of
    `packages` does. Read once a process, at the first index or catalog it loads (a module's file edited
    before that, while an older copy runs, names what the running code did not build: only a developer
    editing a running app meets that)."""
    digest = hashlib.sha256()
    for name in modules:
        module = importlib.import_module(name)
        try:
            source = inspect.getsource(module)
        except (OSError, TypeError):  # no source shipped: the module's own name and the app's version
            source = f"{name} {_version('corpus-chat')}"
        digest.update(f"{name}\0{source}\0".encode())
    for package in packages:
        digest.update(f"{package}=={_version(package)}\0".encode())
    return digest.hexdigest()[:12]


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"
