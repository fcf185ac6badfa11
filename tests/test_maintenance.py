"""Data integrity under maintenance: rebuilds while people ask, one text under several names,
links, and the small things an ingest says."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from llama_index.core.base.embeddings.base import BaseEmbedding

from rag.answer import Answer
from rag.assistant import Assistant
from rag.corpus import MIB, load_article, normalize_date, too_large
from rag.ingest import WAITING, ingest_lock, ingest_paths
from rag.records import AskOptions, Filters
from rag.settings import Settings
from rag.store import CorpusStore
from rag.walk import DANGLING_LINK, LINK_OUTSIDE, LINK_TO_FOLDER
from tests.support.checks import assert_consistent
from tests.support.cli import CliRun
from tests.support.ingest import CountingEmbedding, IngestFn
from tests.support.project import BUNDLED_CORPUS, PROJECT

OFFICE = "Where did Japan open an official office to NATO?"
HARBOUR = "The harbour budget rose by ten percent this year, the mayor said on Tuesday.\nCouncillors agreed.\n"


def environment(settings: Settings) -> dict[str, str]:
    """The environment that points `python -m rag` at the store of `settings`."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "RAG_STORAGE_DIR": str(settings.storage_dir)}
    env["RAG_COLLECTION"] = settings.collection_prefix
    if settings.server_mode:
        env |= {"RAG_CHROMA_HOST": settings.chroma_host or "", "RAG_CHROMA_PORT": str(settings.chroma_port)}
    return env


def editions(folder: Path, count: int) -> Path:
    """The bundled corpus and `count` editions of one of its articles: a rebuild with some work to do."""
    folder.mkdir()
    for path in BUNDLED_CORPUS.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    source = (BUNDLED_CORPUS / "003_3ed258554722c35d.txt").read_text(encoding="utf-8")
    for i in range(count):
        (folder / f"edition_{i}.txt").write_text(f"Edition {i}.\n{source}", encoding="utf-8")
    return folder


def answered(answers: list[Answer]) -> list[str]:
    """What went wrong in these answers: errors, abstentions, answers without a citation."""
    return [a.error or a.text for a in answers if a.error or a.abstained or not a.citations]


# --- rebuilds while people ask ----------------------------------------------------------------


def test_questions_asked_while_another_process_rebuilds_are_answered_from_a_complete_index(
    store_settings: Settings, tmp_path: Path, run_ingest: IngestFn, local_embedder: BaseEmbedding
) -> None:
    """`rag ask` during `rag ingest --rebuild`: embedded and on a Chroma server, no error, ever."""
    corpus = editions(tmp_path / "corpus", 6)
    run_ingest(store_settings, corpus)
    assistant = Assistant.open(store_settings, embedder=local_embedder)
    first = assistant.store.generation
    answers: list[Answer] = []
    for round_ in range(2):  # the second rebuild drops the first one's old index
        rebuild = subprocess.Popen(
            [sys.executable, "-m", "rag", "ingest", "--rebuild", "--quiet", str(corpus)],
            cwd=tmp_path,
            env=environment(store_settings),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        while rebuild.poll() is None:
            answers.append(assistant.ask(OFFICE))
        out, err = rebuild.communicate()
        assert rebuild.returncode == 0, err[-2000:]
        assert out.startswith("articles: 8 added, 0 updated, 0 unchanged, 0 skipped;"), out
        answers.append(assistant.ask(OFFICE))
        assert assistant.store.generation not in (first, ""), f"round {round_}: still on the old index"
        first = assistant.store.generation
    assert len(answers) > 10
    assert answered(answers) == []
    store = CorpusStore.open(store_settings)
    assert len(store.list_articles()) == 8
    assert_consistent(store)
    # Only the live index and the one before it are kept.
    names = [c if isinstance(c, str) else c.name for c in store.client.list_collections()]
    assert len([n for n in names if n.startswith(f"{store_settings.collection_prefix}_chunks")]) == 2


def test_the_app_answers_other_sessions_while_it_rebuilds(
    embedded_settings: Settings, tmp_path: Path, run_ingest: IngestFn, local_embedder: BaseEmbedding
) -> None:
    corpus = editions(tmp_path / "corpus", 4)
    run_ingest(embedded_settings, corpus)
    assistant = Assistant.open(embedded_settings, embedder=local_embedder)
    before = assistant.store.generation
    reports = []
    progress: list[tuple[int, int]] = []  # what the Corpus page's progress bar is given
    rebuild = threading.Thread(
        target=lambda: reports.append(assistant.rebuild(on_progress=lambda done, total: progress.append((done, total))))
    )
    rebuild.start()
    answers = []
    while rebuild.is_alive():
        answers.append(assistant.ask(OFFICE))
    rebuild.join()
    answers.append(assistant.ask(OFFICE))
    assert len(answers) > 3 and answered(answers) == []
    assert [len(reports[0].added), len(reports[0].unchanged)] == [6, 0]
    chunks = assistant.status().chunks
    assert progress and progress[-1] == (chunks, chunks), progress
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)
    assert assistant.store.generation != before
    assert assistant.status().articles == 6


def test_a_rebuild_cut_off_midway_leaves_the_old_index_answering_and_the_next_rebuild_cleans_up(
    embedded_settings: Settings, tmp_path: Path, run_ingest: IngestFn, local_embedder: BaseEmbedding
) -> None:
    corpus = editions(tmp_path / "corpus", 2)
    run_ingest(embedded_settings, corpus)

    def failing_embedder() -> BaseEmbedding:
        raise OSError("the machine went down")

    store = CorpusStore.open(embedded_settings)
    live = store.generation
    with pytest.raises(OSError, match="went down"):
        ingest_paths(embedded_settings, [corpus], store=store, load_embedder=failing_embedder, rebuild=True)
    reopened = CorpusStore.open(embedded_settings)
    assert reopened.generation == live and len(reopened.list_articles()) == 4
    assert Assistant.open(embedded_settings, embedder=local_embedder).ask(OFFICE).citations
    report = run_ingest(embedded_settings, corpus, rebuild=True)
    assert len(report.added) == 4
    names = [c if isinstance(c, str) else c.name for c in reopened.client.list_collections()]
    assert len([n for n in names if "_chunks" in n]) == 2, names  # the cut-off one was dropped


# --- one text, several files ----------------------------------------------------------------


def write_twins(folder: Path, manifest: dict[str, dict[str, str | None]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in manifest:
        (folder / name).write_text(HARBOUR, encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def test_when_the_first_of_two_files_with_one_text_is_pruned_the_article_takes_the_others_metadata(
    embedded_settings: Settings, tmp_path: Path, run_ingest: IngestFn, counting_embedder: CountingEmbedding, cli: CliRun
) -> None:
    corpus = tmp_path / "corpus"
    write_twins(
        corpus,
        {
            "x.txt": {"title": "Budget (x)", "source": "The X Times", "published": "2020-01-01"},
            "y.txt": {"title": "Budget (y)", "source": "The Y Post", "published": "31/12/2021"},
        },
    )
    report = run_ingest(embedded_settings, corpus)
    assert (len(report.added), len(report.duplicates)) == (1, 1)
    (record,) = CorpusStore.open(embedded_settings).list_articles()
    assert (record.title, record.published, record.path.rsplit("/", 1)[-1]) == ("Budget (x)", "2020-01-01", "x.txt")

    (corpus / "x.txt").unlink()
    embedded = len(counting_embedder.embedded)
    report = run_ingest(embedded_settings, corpus, prune=True)
    assert report.pruned == [] and [Path(p).name for p in report.updated] == ["y.txt"]
    assert len(counting_embedder.embedded) == embedded, "the vectors were reused"
    store = CorpusStore.open(embedded_settings)
    (record,) = store.list_articles()
    assert (record.title, record.source, record.published) == ("Budget (y)", "The Y Post", "2021-12-31")
    assert [Path(f.path).name for f in record.files] == ["y.txt"]
    assert_consistent(store)
    # --since filters on y's date; the citation names y.txt.
    code, out, _ = cli(embedded_settings, ["ask", "--json", "--since", "2021-06", "What did the mayor say?"])
    cited = json.loads(out)["citations"]
    assert code == 0 and cited and {Path(c["path"]).name for c in cited} == {"y.txt"}
    code, out, _ = cli(embedded_settings, ["ask", "--json", "--until", "2020-06", "What did the mayor say?"])
    assert "No article matches these filters" in json.loads(out)["answer"]
    # The same again on the next ingest: nothing to change.
    again = run_ingest(embedded_settings, corpus, prune=True)
    assert (again.updated, [Path(p).name for p in again.unchanged]) == ([], ["y.txt"])


def test_the_rule_is_applied_when_the_remaining_file_lies_outside_the_folder_pruned(
    embedded_settings: Settings, tmp_path: Path, run_ingest: IngestFn
) -> None:
    write_twins(tmp_path / "a", {"x.txt": {"title": "From a", "published": "March 5, 2023"}})
    write_twins(tmp_path / "b", {"y.txt": {"title": "From b", "published": "2022"}})
    run_ingest(embedded_settings, tmp_path / "a", tmp_path / "b")
    assert CorpusStore.open(embedded_settings).list_articles()[0].title == "From a"
    (tmp_path / "a" / "x.txt").unlink()
    run_ingest(embedded_settings, tmp_path / "a", prune=True)  # b is not ingested, y.txt is read for its metadata
    store = CorpusStore.open(embedded_settings)
    (record,) = store.list_articles()
    assert (record.title, record.published, Path(record.path).name) == ("From b", "2022", "y.txt")
    assert_consistent(store)


def test_the_first_file_by_path_gives_the_metadata_whatever_the_order_the_folders_are_given_in(
    embedded_settings: Settings, tmp_path: Path, run_ingest: IngestFn
) -> None:
    write_twins(tmp_path / "a", {"x.txt": {"title": "From a"}})
    write_twins(tmp_path / "b", {"y.txt": {"title": "From b"}})
    report = run_ingest(embedded_settings, tmp_path / "b", tmp_path / "a")
    assert ([Path(p).name for p in report.added], [Path(p).name for p in report.duplicates]) == (["y.txt"], ["x.txt"])
    (record,) = CorpusStore.open(embedded_settings).list_articles()
    assert (record.title, [Path(f.path).name for f in record.files]) == ("From a", ["x.txt", "y.txt"])
    again = run_ingest(embedded_settings, tmp_path / "a", tmp_path / "b")
    assert (again.updated, len(again.unchanged)) == ([], 2)


def test_a_renamed_file_is_reported_as_renamed_and_embeds_nothing(
    embedded_settings: Settings, tmp_path: Path, run_ingest: IngestFn, counting_embedder: CountingEmbedding
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "old name.txt").write_text(HARBOUR, encoding="utf-8")
    run_ingest(embedded_settings, corpus)
    embedded = len(counting_embedder.embedded)
    (corpus / "old name.txt").rename(corpus / "new name.txt")
    report = run_ingest(embedded_settings, corpus)
    assert ([Path(p).name for p in report.renamed], report.duplicates) == (["new name.txt"], [])
    assert "1 renamed" in report.summary() and "duplicate" not in report.summary()
    assert len(counting_embedder.embedded) == embedded
    store = CorpusStore.open(embedded_settings)
    (record,) = store.list_articles()
    assert [Path(f.path).name for f in record.files] == ["new name.txt"]
    assert {m["name"] for m in store.chunks.get(include=["metadatas"])["metadatas"] or []} == {"new name.txt"}


# --- links ----------------------------------------------------------------------------------


def test_links_are_followed_only_to_files_inside_the_corpus_folder_and_prune_agrees(
    embedded_settings: Settings, tmp_path: Path, run_ingest: IngestFn, cli: CliRun
) -> None:
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    (corpus / "sub").mkdir(parents=True)
    outside.mkdir()
    (corpus / "sub" / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (outside / "secret.txt").write_text("A private note that is not part of the corpus.\n", encoding="utf-8")
    (corpus / "inside link.txt").symlink_to(corpus / "sub" / "harbour.txt")
    (corpus / "outside link.txt").symlink_to(outside / "secret.txt")
    (corpus / "folder link").symlink_to(outside)
    (corpus / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")

    code, out, err = cli(embedded_settings, ["ingest", str(corpus)])
    assert code == 1, "skipped files make the exit code 1"
    skipped = sorted(line for line in err.splitlines() if line.startswith("skipped "))
    assert [line.split(": ", 1)[1] for line in skipped] == [DANGLING_LINK, LINK_TO_FOLDER, LINK_OUTSIDE]
    assert all(str(tmp_path) not in line or "corpus/" in line for line in skipped)
    assert "1 added" in out and "1 duplicate" in out and "3 skipped" in out
    store = CorpusStore.open(embedded_settings)
    (record,) = store.list_articles()
    assert sorted(Path(f.path).name for f in record.files) == ["harbour.txt", "inside link.txt"]
    assert all("private note" not in (store.article_text(r.doc_id)) for r in store.list_articles())

    # The link now leads outside: prune drops it, as a deleted link would be.
    (corpus / "inside link.txt").unlink()
    (corpus / "inside link.txt").symlink_to(outside / "secret.txt")
    code, out, err = cli(embedded_settings, ["ingest", "--prune", str(corpus)])
    assert "skipped" in err and "inside link.txt" in err
    store = CorpusStore.open(embedded_settings)
    (record,) = store.list_articles()
    assert [Path(f.path).name for f in record.files] == ["harbour.txt"]

    # A link named alone is judged against its own folder; deleting it and pruning removes its article.
    (corpus / "sub" / "alone.txt").write_text("A text only a link names.\nIt has a second line.\n", encoding="utf-8")
    hidden = corpus / ".hidden"
    hidden.mkdir()
    (corpus / "sub" / "alone.txt").rename(hidden / "alone.txt")
    (corpus / "alone link.txt").symlink_to(hidden / "alone.txt")
    report = run_ingest(embedded_settings, corpus / "alone link.txt")
    assert [Path(p).name for p in report.added] == ["alone link.txt"]
    (corpus / "alone link.txt").unlink()
    report = run_ingest(embedded_settings, corpus, prune=True)
    assert [Path(p).name for p in report.pruned] == ["alone link.txt"]
    assert len(CorpusStore.open(embedded_settings).list_articles()) == 1


# --- manifests and front matter ----------------------------------------------------------------


def test_null_bom_and_dates_in_manifests_and_front_matter(
    embedded_settings: Settings, tmp_path: Path, cli: CliRun
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "nulls.txt").write_text("Harbour budget\n" + HARBOUR, encoding="utf-8")
    (corpus / "bom.txt").write_bytes("\ufeffTitle after a BOM\n".encode() + HARBOUR.encode() + b"More.\n")
    front = "\ufeff---\ntitle: Front matter title\ndate: March 5, 2023\nauthor: null\n---\nThe body.\nMore body.\n"
    (corpus / "front.md").write_text(front, encoding="utf-8")
    (corpus / "undated.txt").write_text("Undated\nA text with a date that is none.\n", encoding="utf-8")
    manifest = {
        "nulls.txt": {"title": None, "author": None, "source": None, "published": "31/12/2021"},
        "undated.txt": {"published": "the day after tomorrow"},
    }
    (corpus / "manifest.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(manifest).encode())

    code, _, err = cli(embedded_settings, ["ingest", str(corpus)])
    assert code == 0, err
    warnings = [line for line in err.splitlines() if line.startswith("warning ")]
    assert len(warnings) == 1 and "undated.txt" in warnings[0]
    assert "'the day after tomorrow' is not a date" in warnings[0]
    store = CorpusStore.open(embedded_settings)
    by_name = {Path(r.path).name: r for r in store.list_articles()}
    nulls = by_name["nulls.txt"]
    assert (nulls.title, nulls.author, nulls.source, nulls.published) == ("Harbour budget", "", "", "2021-12-31")
    assert by_name["bom.txt"].title == "Title after a BOM"
    assert store.article_text(by_name["bom.txt"].doc_id).startswith("\ufeffTitle"), "the stored text is the file's"
    md = by_name["front.md"]
    assert (md.title, md.published, md.author) == ("Front matter title", "2023-03-05", "")
    assert store.article_text(md.doc_id) == front
    assert by_name["undated.txt"].published == ""


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("31/12/2021", "2021-12-31"),
        ("March 5, 2023", "2023-03-05"),
        ("5 Mar 2023", "2023-03-05"),
        ("03/05/2023", "2023-05-03"),  # day first
        ("12/31/2021", "2021-12-31"),  # 31 cannot be a month
        ("March 2023", "2023-03"),  # no day: the month only
        ("2023-05-01T10:00:00Z", "2023-05-01"),
        ("2023-13", ""),
        ("June 5", ""),  # no year
        ("someday", ""),
    ],
)
def test_dates_as_people_write_them_are_read_as_iso_dates(written: str, iso: str) -> None:
    assert normalize_date(written) == iso


# --- what an ingest says --------------------------------------------------------------------


def test_a_second_ingest_says_it_waits_for_the_first(embedded_settings: Settings, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(HARBOUR, encoding="utf-8")
    with ingest_lock(embedded_settings):  # another ingest of the same store is running
        second = subprocess.Popen(
            [sys.executable, "-m", "rag", "ingest", "--quiet", str(corpus)],
            cwd=tmp_path,
            env=environment(embedded_settings),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert second.stderr is not None
        said = second.stderr.readline()
        assert said.strip() == WAITING and second.poll() is None
    out, err = second.communicate(timeout=300)
    assert second.returncode == 0, err
    assert out.startswith("articles: 1 added")


def test_a_removal_from_the_app_waits_for_another_ingest_and_says_so(
    embedded_settings: Settings, corpus_dir: Path, run_ingest: IngestFn, local_embedder: BaseEmbedding
) -> None:
    run_ingest(embedded_settings, corpus_dir)
    assistant = Assistant.open(embedded_settings, embedder=local_embedder)
    (taiwan,) = [r.doc_id for r in assistant.articles() if "Taiwan" in r.title]
    said: list[str] = []
    holding, released = threading.Event(), threading.Event()

    def another_ingest() -> None:
        with ingest_lock(embedded_settings):
            holding.set()
            time.sleep(1.0)
            released.set()

    other = threading.Thread(target=another_ingest)
    other.start()
    assert holding.wait(30)
    assistant.remove(taiwan, on_wait=said.append)
    other.join()
    assert said == [WAITING], "the user is told why nothing happens yet"
    assert released.is_set(), "it waited for the other ingest to finish"
    assert [r.title for r in assistant.articles()] == ["Japan edges towards NATO ahead of the Madrid summit"]


def test_a_rebuild_reports_each_file_once(embedded_settings: Settings, corpus_dir: Path, run_ingest: IngestFn) -> None:
    run_ingest(embedded_settings, corpus_dir)
    report = run_ingest(embedded_settings, corpus_dir, rebuild=True)
    assert (len(report.added), report.unchanged, report.duplicates) == (2, [], [])
    assert report.summary().startswith("articles: 2 added, 0 updated, 0 unchanged, 0 skipped;")


def test_an_id_prefix_that_starts_several_ids_lists_them(
    embedded_settings: Settings, tmp_path: Path, run_ingest: IngestFn, cli: CliRun
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(17):  # 17 ids of 16 hex digits: two share their first digit
        (corpus / f"note_{i}.txt").write_text(f"Note {i}\nThe harbour budget, note number {i}.\n", encoding="utf-8")
    run_ingest(embedded_settings, corpus)
    ids = [r.doc_id for r in CorpusStore.open(embedded_settings).list_articles()]
    prefix = next(d[0] for d in ids if sum(other.startswith(d[0]) for other in ids) > 1)
    shared = sorted(d for d in ids if d.startswith(prefix))
    code, out, _ = cli(embedded_settings, ["ask", "--article", prefix, "What about the harbour budget?"])
    assert code == 1
    line = next(line for line in out.splitlines() if "starts" in line)
    assert f"article id '{prefix}' starts {len(shared)} articles' ids" in line and all(d in line for d in shared)
    code, _, err = cli(embedded_settings, ["show", prefix])
    assert code == 2 and len(err.strip().splitlines()) == 1 and all(d in err for d in shared)


def test_a_store_of_one_chunk_answers_without_a_bm25_warning(
    embedded_settings: Settings,
    tmp_path: Path,
    run_ingest: IngestFn,
    cli: CliRun,
    caplog: pytest.LogCaptureFixture,
    local_embedder: BaseEmbedding,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(HARBOUR, encoding="utf-8")
    run_ingest(embedded_settings, corpus)
    with caplog.at_level(logging.WARNING):
        code, out, err = cli(embedded_settings, ["ask", "What did the mayor say about the harbour budget?"])
        assistant = Assistant.open(embedded_settings, embedder=local_embedder)
        only = Filters(doc_ids=tuple(r.doc_id for r in assistant.articles()))  # a filter: BM25 through its mask
        answer = assistant.ask("harbour budget", options=AskOptions(filters=only))
    assert code == 0 and "[1]" in out and answer.citations
    assert err == "" and [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_the_size_limit_is_shown_in_mib_on_both_sides_and_never_as_two_equal_numbers() -> None:
    limit = 20 * MIB
    assert too_large(21 * MIB, limit) == "too large (21.0 MiB > 20.0 MiB; raise RAG_MAX_FILE_MB to allow it)"
    assert too_large(21_000_000, limit).startswith("too large (20.03 MiB > 20.00 MiB;")
    assert too_large(limit + 1, limit).startswith("too large (20,971,521 bytes > 20,971,520 bytes;")
    assert too_large(limit, limit) == ""


@pytest.mark.parametrize("depth", [300, 5000])
def test_an_html_page_nested_past_the_parsers_limit_still_gives_its_text(depth: int) -> None:
    sentence = "The harbour budget rose by ten percent this year, the mayor said at Tuesday's council meeting. "
    page = (
        "<html><head><title>Deep page</title></head><body>"
        + '<div class="wrap">' * depth
        + f"<p>{sentence * 4}</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    article = load_article(Path("deep.html"), page.encode(), 10 * MIB)
    assert article.title == "Deep page" and article.text.strip() == (sentence * 4).strip()
