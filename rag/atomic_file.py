"""Files written whole or not at all: no reader ever sees half of one under its name.

A file is written beside its final path under a temporary name and moved onto it in one
step (`os.replace`); when writing fails, the temporary file is removed and nothing else changes.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_path(path: Path, prefix: str = ".partial-") -> Iterator[Path]:
    """A temporary path beside `path` to write to, moved onto `path` when the block ends (removed if it fails)."""
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=path.suffix)
    os.close(handle)
    try:
        yield Path(partial)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def write_atomically(path: Path, data: bytes, prefix: str = ".partial-") -> None:
    """Write `data` to `path` whole, or leave `path` as it was."""
    with atomic_path(path, prefix) as partial:
        partial.write_bytes(data)
