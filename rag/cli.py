"""`python -m rag ...`: the command line. It renders what `rag` decides, as the app does."""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rag.errors import CorpusChatError, UsageError
from rag.settings import Settings, get_settings

if TYPE_CHECKING:
    from rag.records import AskOptions

DEFAULT_CORPUS = Path("corpus")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m rag", description="Corpus Chat: cited answers over your articles.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ingest = commands.add_parser("ingest", help="load articles into the index (idempotent)")
    ingest.add_argument("paths", nargs="*", type=Path, help="files or folders (default: corpus/)")
    ingest.add_argument("--prune", action="store_true", help="remove articles whose files are gone")
    ingest.add_argument(
        "--rebuild", action="store_true", help="ingest everything again into a new index, then switch to it"
    )
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")

    listing = commands.add_parser("list", help="stored articles with metadata and chunk counts")
    listing.add_argument("--json", action="store_true", help="one JSON object per article")

    ask = commands.add_parser("ask", help="answer questions with cited passages")
    ask.add_argument("questions", nargs="*", help="questions (default: one per line on stdin)")
    ask.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per question, one per line (offsets count code points: Python string indices)",
    )
    ask.add_argument("--chat", action="store_true", help="treat the questions as one conversation (follow-ups)")
    ask.add_argument("--verbose", action="store_true", help="also show retrieved passages and the prompt")
    add_retrieval_options(ask)

    evaluate = commands.add_parser("eval", help="measure retrieval, citations and answers on a question set")
    evaluate.add_argument("--set", dest="eval_set", type=Path, help="JSONL questions (see DESIGN.md)")
    evaluate.add_argument("--json", action="store_true", help="the summary and per-question results as JSON")
    evaluate.add_argument("--markdown", action="store_true", help="Markdown tables (for the README)")
    evaluate.add_argument(
        "--attribution",
        type=Path,
        metavar="FILE",
        help="(also) score speaker attribution on a labelled JSONL set: file, text, speaker",
    )
    multihop = evaluate.add_argument_group('MultiHop-RAG sets (lines with an "evidence" key)')
    multihop.add_argument(
        "--split", choices=["tune", "held", "all"], default=None, help="hash split of the question ids (default all)"
    )
    multihop.add_argument("--n", type=positive_int, default=None, help="a seeded sample of N questions of the split")
    multihop.add_argument("--seed", type=int, default=None, help="the sample's seed (default 1)")
    multihop.add_argument("--types", default=None, metavar="T,T", help="only these question types (comma-separated)")
    multihop.add_argument("--json-out", type=Path, default=None, metavar="FILE", help="write per-question results")

    compare = commands.add_parser("compare", help="what each source or speaker says on a topic; where they differ")
    compare.add_argument("topic", help="the topic to compare on")
    compare.add_argument("--by", choices=["source", "speaker"], default="source", help="rows: sources or speakers")
    compare.add_argument("--json", action="store_true", help="as one JSON object")
    compare.add_argument("--markdown", action="store_true", help="as Markdown with footnotes")
    add_retrieval_options(compare)

    brief = commands.add_parser("brief", help="a cited briefing on a topic (Markdown, HTML or PDF)")
    brief.add_argument("topic", help="the topic of the briefing")
    brief.add_argument("--format", choices=["md", "html", "pdf", "json"], default="md", help="output format")
    brief.add_argument("-o", "--output", type=Path, help="write to this file (default: stdout; PDF needs a file)")
    add_retrieval_options(brief)

    speakers = commands.add_parser("speakers", help="who speaks in the corpus: articles and statement counts")
    speakers.add_argument("--json", action="store_true", help="one JSON object per speaker")
    speakers.add_argument("--all", action="store_true", help="also the articles' own voices (author or source)")

    show = commands.add_parser("show", help="one article: metadata and text")
    show.add_argument("doc_id", help="article id (a unique prefix will do)")
    show.add_argument("--json", action="store_true", help="as one JSON object")
    return parser


def add_retrieval_options(parser: argparse.ArgumentParser) -> None:
    """Top-k, per-article cap and metadata filters, shared by the commands that retrieve."""
    parser.add_argument("--top-k", type=positive_int, default=None, help="passages to retrieve (default RAG_TOP_K)")
    parser.add_argument("--per-article", type=positive_int, default=None, help="at most this many passages per article")
    parser.add_argument("--article", action="append", default=[], metavar="DOC_ID", help="only these articles")
    parser.add_argument("--source", action="append", default=[], help="only articles from this source")
    parser.add_argument("--author", action="append", default=[], help="only articles by this author")
    parser.add_argument("--since", default="", metavar="DATE", help="only articles published on or after DATE")
    parser.add_argument("--until", default="", metavar="DATE", help="only articles published on or before DATE")
    parser.add_argument("--speaker", action="append", default=[], help="only passages in which this speaker speaks")


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return number


def ask_options(args: argparse.Namespace) -> AskOptions:
    """The retrieval options given on the command line."""
    from rag.corpus import parse_date
    from rag.records import AskOptions, Filters

    filters = Filters(
        doc_ids=tuple(args.article),
        sources=tuple(args.source),
        authors=tuple(args.author),
        published_from=parse_date(args.since, "--since"),
        published_to=parse_date(args.until, "--until"),
        speakers=tuple(args.speaker),
    )
    return AskOptions(top_k=args.top_k, per_article=args.per_article, filters=filters)


def read_questions(args: argparse.Namespace) -> list[str]:
    """Questions from the arguments, else one per line of stdin; blank ones (after cleaning) are left out."""
    from rag.conversation import clean_question

    if not args.questions and isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="replace")  # bytes that are not UTF-8 become U+FFFD, not a traceback
    lines = args.questions or sys.stdin
    return [q for q in (clean_question(line) for line in lines) if q]


def printable(text: str) -> str:
    """`text` for a terminal line: controls, line breaks and direction overrides shown escaped.

    A file named "a\\nskipped b.txt" must not print as two lines, nor recolour the terminal.
    """
    import unicodedata

    return "".join(ascii(c)[1:-1] if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs") else c for c in text)


def json_line(data: object) -> str:
    """One JSON object on one line, even for readers that also break lines at U+2028, U+2029, U+0085."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")


def _cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from rag.assistant import Assistant
    from rag.conversation import Turn
    from rag.render import render_terminal

    questions = read_questions(args)
    if not questions:
        raise UsageError("no question given: pass it as an argument or on stdin")
    options = ask_options(args)  # a bad option fails before the models load
    assistant = Assistant.open(settings)
    history: list[Turn] = []
    failed = False
    for i, question in enumerate(questions):
        answer = assistant.ask(question, history if args.chat else [], options)
        failed |= bool(answer.error)
        if args.chat:
            history.append(Turn(question, answer.text))
        if args.json:
            print(json_line(answer.to_json(verbose=args.verbose)), flush=True)
        else:
            print(("\n" if i else "") + render_terminal(answer, verbose=args.verbose), flush=True)
    return 1 if failed else 0


def _cmd_compare(args: argparse.Namespace, settings: Settings) -> int:
    from rag.assistant import Assistant
    from rag.compare import compare
    from rag.render import credits_of
    from rag.report import comparison_markdown

    options = ask_options(args)  # a bad option fails before the store opens and the models load
    assistant = Assistant.open(settings)
    comparison = compare(assistant, args.topic, by=args.by, options=options)
    if args.json:
        print(json_line(comparison.to_json()))
        return 0
    if args.markdown:
        print(comparison_markdown(comparison, credits_of(assistant.articles())))
        return 0
    from rich.console import Console
    from rich.table import Table

    console = Console(width=160)
    table = Table(args.by, "what it says on the topic", title=f"{args.topic}: by {args.by}", show_lines=True)
    for cell in comparison.cells:
        label = cell.group.label + (f"\n({cell.group.detail})" if cell.group.detail else "")
        said = " ".join(
            text + "".join(f" [{comparison.n(e)}]" for e in evidence) + ("" if ok else " (⚠ unsupported)")
            for text, evidence, ok in cell.sentences
        )
        table.add_row(label, said or "nothing found")
    console.print(table)
    if comparison.left_out_note:
        console.print(comparison.left_out_note, markup=False)
    for heading, contrasts in comparison.contrast_sections():
        console.print(f"\n{heading}:" + ("" if contrasts else " none found"), markup=False)
        for contrast in contrasts:
            sides = "; ".join(f"{g}: {f or 'says'} [{comparison.n(e)}]" for g, e, f in contrast.sides)
            console.print(f"  - {contrast.what}: {sides}", markup=False)
    console.print("\nSources:", markup=False)
    for c in comparison.numbering.citations:
        console.print(f"[{c.n}] {c.title} — {c.path} [{c.start_char}:{c.end_char}]\n    “{c.quote}”", markup=False)
    console.print(f"({comparison.mode}; {comparison.timings_ms['total']:.0f} ms)", markup=False)
    return 0


def _cmd_brief(args: argparse.Namespace, settings: Settings) -> int:
    from rag.assistant import Assistant
    from rag.briefing import brief
    from rag.render import credits_of
    from rag.report import briefing_html, briefing_markdown, briefing_pdf

    options = ask_options(args)  # a bad option fails before the store opens and the models load
    assistant = Assistant.open(settings)
    briefing = brief(assistant, args.topic, options=options)
    credits = credits_of(assistant.articles())  # outlet, author and date beside each source's title
    if args.format == "pdf":
        if not args.output:
            raise UsageError("a PDF needs a file: add -o briefing.pdf")
        args.output.write_bytes(briefing_pdf(briefing, credits))
    else:
        render = {"md": briefing_markdown, "html": briefing_html}.get(args.format)
        text = render(briefing, credits) if render else json.dumps(briefing.to_json(), ensure_ascii=False)
        if not args.output:
            print(text)
            return 0
        args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({len(briefing.numbering.citations)} citations)", file=sys.stderr)
    return 0


def _cmd_speakers(args: argparse.Namespace, settings: Settings) -> int:
    from dataclasses import asdict

    from rag.speakers import speaker_index
    from rag.store import CorpusStore

    summaries = speaker_index(CorpusStore.open(settings).list_articles(), include_articles=args.all)
    if args.json:
        for summary in summaries:
            print(json_line(asdict(summary)))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table("speaker", "role", "affiliation", "statements", "articles")
    for s in summaries:
        table.add_row(s.name, s.role, s.affiliation, str(s.statements), "; ".join(s.articles))
    Console(width=200).print(table)
    return 0


def _cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from dataclasses import asdict

    from rag.assistant import Assistant
    from rag.evaluation import evaluate, load_eval_set, markdown_report, summarize
    from rag.multihop import is_multihop_set

    multihop_options = [args.split, args.n, args.seed, args.types, args.json_out]
    if args.eval_set is None:
        if args.attribution is None:
            raise UsageError("eval needs --set FILE (questions) or --attribution FILE (labelled statements)")
        if args.json or args.markdown or any(option is not None for option in multihop_options):
            raise UsageError("--attribution alone prints its precision and recall: the other options need --set")
        from rag.attribution_eval import attribution_report

        print(attribution_report(args.attribution, settings))
        return 0
    if is_multihop_set(args.eval_set):
        return _cmd_eval_multihop(args, settings)
    if any(option is not None for option in multihop_options):
        raise UsageError("--split, --n, --seed, --types and --json-out apply to MultiHop-RAG sets only")
    if args.attribution:
        from rag.attribution_eval import attribution_report

        print(attribution_report(args.attribution, settings))
    questions = load_eval_set(args.eval_set)
    assistant = Assistant.open(settings)
    results = evaluate(questions, assistant)
    summary = summarize(results)
    if args.json:
        print(json.dumps({"mode": assistant.mode, "summary": summary, "results": [asdict(r) for r in results]}))
    elif args.markdown:
        print(markdown_report(summary, results, assistant.mode))
    else:
        for r in results:
            print(f"{r.id} {r.type:12} abstained={r.abstained!s:5} recall@5={r.recall_at(5):.2f} | {r.answer[:110]}")
        print()
        for key, value in summary.items():
            shown = "n/a" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)
            print(f"{key:24} {shown}")
    return 0


def _cmd_eval_multihop(args: argparse.Namespace, settings: Settings) -> int:
    from rag import multihop
    from rag.assistant import Assistant

    if args.attribution:
        raise UsageError("--attribution goes with the project's own eval sets, not a MultiHop-RAG set")
    types = [t.strip() for t in (args.types or "").split(",") if t.strip()]
    print(
        multihop.main(
            lambda: Assistant.open(settings),
            args.eval_set,
            split=args.split or "all",
            n=args.n,
            seed=1 if args.seed is None else args.seed,
            types=types,
            json_out=args.json_out,
            json_output=args.json,
        )
    )
    return 0


def _cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from rag.ingest import ingest_paths

    paths = args.paths or [DEFAULT_CORPUS]
    report = ingest_paths(
        settings,
        paths,
        prune=args.prune,
        rebuild=args.rebuild,
        show_progress=not args.quiet and sys.stderr.isatty(),
        on_wait=lambda line: print(line, file=sys.stderr, flush=True),
    )
    for path, reason in report.skipped:
        print(f"skipped {printable(path)}: {printable(reason)}", file=sys.stderr)
    for path, warning in report.warnings:
        print(f"warning {printable(path)}: {printable(warning)}", file=sys.stderr)
    print(report.summary())
    return 1 if report.failed else 0


def _cmd_list(args: argparse.Namespace, settings: Settings) -> int:
    from rag.store import CorpusStore

    records = CorpusStore.open(settings).list_articles()
    if args.json:
        for r in records:
            print(json_line(_record_json(r)))
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
    from rag.records import ArticleRecord

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
        print(json_line(_record_json(record)))
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


COMMANDS = {
    "ingest": _cmd_ingest,
    "list": _cmd_list,
    "show": _cmd_show,
    "ask": _cmd_ask,
    "eval": _cmd_eval,
    "speakers": _cmd_speakers,
    "compare": _cmd_compare,
    "brief": _cmd_brief,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; errors a person can act on are printed as one line (exit 2)."""
    args = _parser().parse_args(argv)
    settings: Settings | None = None
    try:
        settings = get_settings()
        return COMMANDS[args.command](args, settings)
    except CorpusChatError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a full disk or a damaged index surfaces from deep inside chromadb
        from rag.chroma_connection import explain_store_error

        explained = explain_store_error(exc, settings) if settings else None
        if explained is None:
            raise
        print(f"error: {explained}", file=sys.stderr)
        return 2
