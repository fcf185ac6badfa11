"""Which files an ingest reads under a path, and the link policy.

Links: a link is followed only when its target is a file inside the corpus folder (the
folder ingested; for a file named alone, its own folder), so a corpus cannot pull in a
system file. The article is stored under the link's own path, not its target's, so deleting
the link and running `ingest --prune` removes it. A link to a folder, a dangling link and a
link leading outside the corpus folder are skipped with a reason; `--prune` treats a stored
file that no longer passes this policy as gone.

Hidden files and folders (a name starting with ".") and `manifest.json` are not articles.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

MANIFEST_NAME = "manifest.json"

LINK_TO_FOLDER = "link to a folder (links to folders are not followed)"
DANGLING_LINK = "dangling link (its target does not exist)"
LINK_OUTSIDE = "link to a file outside the corpus folder (only links within it are followed): copy the file in instead"


def file_location(path: Path) -> Path:
    """Where a file is, absolute: its folder with links resolved, its own name kept even if it is a link."""
    return path.absolute().parent.resolve() / path.name


def link_problem(path: Path, folder: Path) -> str:
    """Why the link `path` in the corpus folder `folder` is not followed; '' if it is, or if it is no link."""
    if not path.is_symlink():
        return ""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # no target, or a loop of links
        return DANGLING_LINK
    if target.is_dir():
        return LINK_TO_FOLDER
    if not target.is_relative_to(folder.resolve()):
        return LINK_OUTSIDE
    return ""


def corpus_folder(abs_path: str, name: str) -> Path:
    """The corpus folder a stored file was ingested from: its path without its shown name."""
    path = Path(abs_path)
    depth = len(PurePosixPath(name).parts) if name else 1
    return path.parents[depth - 1] if 0 < depth <= len(path.parents) else path.parent


def stored_file_problem(abs_path: str, name: str) -> str:
    """Why a stored file would not be read again (gone, or a link the policy skips); '' if it would."""
    path = Path(abs_path)
    problem = link_problem(path, corpus_folder(abs_path, name))
    if problem:
        return problem
    return "" if path.is_file() else "no such file"


def walk(root: Path, folder: Path | None = None) -> Iterator[tuple[Path, str]]:
    """Every file to consider under `root`, with why it is skipped ('' to read it), in path order.

    `root` may be a folder (its links are judged against it) or a file (judged against
    `folder`, by default its own folder). Links to folders are never entered.
    """
    if not root.is_dir():
        yield root, link_problem(root, folder or root.absolute().parent)
        return
    found: list[tuple[Path, str]] = []

    def unreadable(exc: OSError) -> None:
        found.append((Path(exc.filename or root), f"cannot read the folder ({exc.strerror or exc})"))

    # followlinks=False: a link to a folder is listed among the folders, never entered.
    for current, folders, files in os.walk(root, onerror=unreadable):
        here = Path(current)
        folders[:] = sorted(d for d in folders if not d.startswith("."))
        for name in folders:
            if (here / name).is_symlink():
                found.append((here / name, LINK_TO_FOLDER))
        for name in files:
            if name.startswith(".") or name == MANIFEST_NAME:
                continue
            path = here / name
            found.append((path, link_problem(path, root)))
    yield from sorted(found)
