"""`python -m rag ...`: the command line. It renders what `rag` decides, as the app does."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from rag.errors import CorpusChatError
from rag.settings import Settings, get_settings

DEFAULT_CORPUS = Path("corpus")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m rag", description="Corpus Chat: cited answers over your articles.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ingest = commands.add_parser("ingest", help="load articles into the index (idempotent)")
    ingest.add_argument("paths", nargs="*", type=Path, help="files or folders (default: corpus/)")
    ingest.add_argument("--prune", action="store_true", help="remove articles whose files are gone")
    ingest.add_argument("--rebuild", action="store_true", help="drop the index and ingest everything again")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")

    listing = commands.add_parser("list", help="stored articles with metadata and chunk counts")
    listing.add_argument("--json", action="store_true", help="one JSON object per article")

    show = commands.add_parser("show", help="one article: metadata and text")
    show.add_argument("doc_id", help="article id (a unique prefix will do)")
    show.add_argument("--json", action="store_true", help="as one JSON object")
    return parser


def _cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from rag.ingest import ingest_paths

    paths = args.paths or [DEFAULT_CORPUS]
    report = ingest_paths(
        settings,
        paths,
        prune=args.prune,
        rebuild=args.rebuild,
        show_progress=not args.quiet and sys.stderr.isatty(),
    )
    for path, reason in report.skipped:
        print(f"skipped {path}: {reason}", file=sys.stderr)
    print(report.summary())
    return 1 if report.failed else 0


def _cmd_list(args: argparse.Namespace, settings: Settings) -> int:
    from rag.store import CorpusStore

    records = CorpusStore.open(settings).list_articles()
    if args.json:
        for r in records:
            print(json.dumps(_record_json(r), ensure_ascii=False))
        return 0
    if not records:
        print("no articles yet: run `python -m rag ingest`")
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table("doc_id", "title", "source", "author", "published", "chunks", "path")
    for r in records:
        table.add_row(r.doc_id, r.title, r.source, r.author, r.published, str(r.chunk_count), r.path)
    Console(width=200).print(table)
    return 0


def _record_json(record: object) -> dict[str, object]:
    from rag.store import ArticleRecord

    assert isinstance(record, ArticleRecord)
    data: dict[str, object] = {
        "doc_id": record.doc_id,
        "title": record.title,
        "source": record.source,
        "author": record.author,
        "published": record.published,
        "format": record.format,
        "path": record.path,
        "paths": [f.path for f in record.files],
        "chunks": record.chunk_count,
    }
    if record.text is not None:
        data["text"] = record.text
    return data


def _cmd_show(args: argparse.Namespace, settings: Settings) -> int:
    from rag.store import CorpusStore

    record = CorpusStore.open(settings).get_article(args.doc_id)
    if args.json:
        print(json.dumps(_record_json(record), ensure_ascii=False))
        return 0
    fields = [
        ("doc_id", record.doc_id),
        ("title", record.title),
        ("source", record.source),
        ("author", record.author),
        ("published", record.published),
        ("format", record.format),
        ("path", ", ".join(f.path for f in record.files)),
        ("chunks", str(record.chunk_count)),
    ]
    for name, value in fields:
        if value:
            print(f"{name + ':':11}{value}")
    print()
    print(record.text or "")
    return 0


COMMANDS = {"ingest": _cmd_ingest, "list": _cmd_list, "show": _cmd_show}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; errors a person can act on are printed as one line (exit 2)."""
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args, get_settings())
    except CorpusChatError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
