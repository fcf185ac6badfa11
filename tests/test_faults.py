"""Faults end in bounded retries and one clear line; the app stays usable and nothing is lost.

Everything here is real (the `openai` client over HTTP, `chroma run`, SQLite files, the
kernel refusing a write) except the remote LLM, which tests/support/fake_openai.py plays.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from llama_index.core.base.embeddings.base import BaseEmbedding

from rag.assistant import Assistant
from rag.settings import Settings, get_settings
from rag.store import CorpusStore
from tests.support.app import ask as ask_in_app
from tests.support.app import html_of, start
from tests.support.checks import assert_consistent
from tests.support.chroma import ChromaServer
from tests.support.cli import CliRun, main_with, one_error_line
from tests.support.fake_openai import FakeOpenAI, Reply, fake_openai_server
from tests.support.generative import generative_assistant
from tests.support.ingest import IngestFn
from tests.support.ports import free_port
from tests.support.project import PROJECT, make_settings

QUESTION = "Where did Japan open an office to NATO?"
GOOD_REPLY = "Japan opened an official office to the alliance in Brussels [1]."
# The `openai` client's backoff before retry n (n = 1, 2) is 0.5 * 2**(n-1) s less up to 25% jitter.
MIN_BACKOFF = (0.375, 0.75)


# -- 1. the LLM endpoint -------------------------------------------------------------------


@pytest.fixture
def llm_chat(indexed: Path, llm: FakeOpenAI, monkeypatch: pytest.MonkeyPatch) -> FakeOpenAI:
    """The app (AppTest) on the bundled corpus, answering with the fake LLM: no retries, 1 s timeout."""
    for name, value in {
        "RAG_LLM_MODEL": "test-model",
        "OPENAI_BASE_URL": llm.base_url,
        "OPENAI_API_KEY": "sk-test",
        "RAG_LLM_RETRIES": "0",
        "RAG_REQUEST_TIMEOUT": "1",
    }.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    st.cache_resource.clear()
    return llm


LLM_FAULTS = {
    "slow reply (longer than the timeout)": (Reply(text=GOOD_REPLY, delay_seconds=2.5), "did not answer in time"),
    "429 every time": (Reply(status=429, retry_after_ms=None), "rate-limiting requests (429) after retries"),
    "500 every time": (Reply(status=500, retry_after_ms=None), "failed with HTTP 500 after retries"),
    "invalid JSON in the stream": (Reply(text=GOOD_REPLY, garbled=True), "sent a garbled reply (invalid JSON"),
    "stream cut off mid-body": (Reply(text=GOOD_REPLY, truncate_after=0), "broke off its reply mid-stream"),
    "stream stalls before its first piece": (
        Reply(text=GOOD_REPLY, stall_after=0, stall_seconds=2.5),
        "did not answer in time",
    ),
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("fault", list(LLM_FAULTS))
def test_an_llm_fault_is_retried_with_backoff_then_one_line_and_the_next_question_works(
    fault: str, bundled_settings: Settings, llm: FakeOpenAI, local_embedder: BaseEmbedding
) -> None:
    reply, message = LLM_FAULTS[fault]
    assistant = generative_assistant(bundled_settings, llm, local_embedder, request_timeout_s=1, llm_retries=2)
    llm.script(reply, reply, reply)
    started = time.monotonic()
    answer = assistant.ask(QUESTION)
    assert time.monotonic() - started < 20
    assert message in answer.error and answer.error.startswith("the LLM at http://127.0.0.1:")
    assert "\n" not in answer.error and "Traceback" not in answer.text
    assert answer.text.startswith("The answer could not be generated") and not answer.citations
    assert len(llm.chat_requests) == 3, "one try and two retries, no more"
    gaps = [b - a for a, b in zip(llm.arrivals, llm.arrivals[1:], strict=False)]
    assert all(gap >= least for gap, least in zip(gaps, MIN_BACKOFF, strict=True)), f"no backoff: {gaps}"

    llm.script(GOOD_REPLY)  # the endpoint is back: the same Assistant answers
    answer = assistant.ask(QUESTION)
    assert not answer.error and "Brussels" in answer.text and answer.citations
    assert len(llm.chat_requests) == 4


@pytest.mark.timeout(60)
def test_a_refused_connection_is_retried_with_backoff_and_the_same_assistant_works_once_the_llm_is_up(
    bundled_settings: Settings, local_embedder: BaseEmbedding
) -> None:
    port = free_port()  # nothing listens here yet
    settings = make_settings(
        storage_dir=bundled_settings.storage_dir,
        llm_model="test-model",
        openai_base_url=f"http://127.0.0.1:{port}/v1",
        openai_api_key="sk-test",
        request_timeout_s=2,
        llm_retries=2,
    )
    assistant = Assistant.open(settings, embedder=local_embedder)
    started = time.monotonic()
    answer = assistant.ask(QUESTION)
    took = time.monotonic() - started
    assert answer.error == (
        f"cannot reach the LLM at http://127.0.0.1:{port}/v1; check OPENAI_BASE_URL and that the server runs"
    )
    assert sum(MIN_BACKOFF) <= took < 10, f"two retries with backoff, then give up (took {took:.2f} s)"
    with fake_openai_server(port=port) as server:
        server.script(GOOD_REPLY)
        answer = assistant.ask(QUESTION)
        assert not answer.error and "Brussels" in answer.text
        assert len(server.chat_requests) == 1


def test_a_stream_that_breaks_after_pieces_were_shown_is_not_retried_into_repeated_text(
    bundled_settings: Settings, llm: FakeOpenAI, local_embedder: BaseEmbedding
) -> None:
    assistant = generative_assistant(bundled_settings, llm, local_embedder, llm_retries=2)
    llm.script(Reply(text=GOOD_REPLY, truncate_after=3))
    stream = assistant.stream(QUESTION)
    pieces = list(stream)
    assert "".join(pieces) == "Japan opened an "
    assert stream.answer is not None and "broke off its reply mid-stream" in stream.answer.error
    assert len(llm.chat_requests) == 1
    llm.script(GOOD_REPLY)
    stream = assistant.stream(QUESTION)
    assert "".join(stream).startswith("Japan opened an official office")
    assert stream.answer is not None and not stream.answer.error


APP_FAULTS = {
    "429": Reply(status=429),
    "invalid JSON in the stream": Reply(text=GOOD_REPLY, garbled=True),
    "stream cut off mid-body": Reply(text=GOOD_REPLY, truncate_after=2),
    "stream stalls": Reply(text=GOOD_REPLY, stall_after=1, stall_seconds=3),
}


@pytest.mark.timeout(120)
@pytest.mark.parametrize("fault", list(APP_FAULTS))
def test_an_llm_fault_in_the_chat_shows_one_error_and_the_next_question_is_answered(
    fault: str, llm_chat: FakeOpenAI
) -> None:
    llm_chat.script(APP_FAULTS[fault])
    app = ask_in_app(start(), QUESTION)
    (error,) = app.error
    assert error.value.startswith("The answer could not be generated: the LLM at http://127.0.0.1:")
    assert "Traceback" not in error.value and "\n" not in error.value
    assert app.chat_input, "the chat input is still there"
    llm_chat.script(QUESTION, GOOD_REPLY)  # a follow-up: the LLM first condenses it, then answers
    app = ask_in_app(app, QUESTION)
    assert len(app.chat_message) == 4 and len(app.error) == 1
    assert "Brussels" in html_of(app)


# -- 2. the Chroma server going away -------------------------------------------------------


ChromaSession = tuple[ChromaServer, Settings, Assistant]


@pytest.fixture
def chroma_session(tmp_path: Path, local_embedder: BaseEmbedding, run_ingest: IngestFn) -> Iterator[ChromaSession]:
    """A dedicated `chroma run` holding the bundled corpus, and an Assistant open on it."""
    server = ChromaServer(tmp_path).start()
    settings = make_settings(
        storage_dir=tmp_path / "storage",
        chroma_host=server.host,
        chroma_port=server.port,
        request_timeout_s=3,
    )
    try:
        run_ingest(settings, PROJECT / "corpus")
        yield server, settings, Assistant.open(settings, embedder=local_embedder)
    finally:
        if server.proc is not None:
            os.kill(server.proc.pid, signal.SIGCONT)  # in case a test froze it
        server.stop()


def store_contents(store: CorpusStore) -> tuple[int, list[tuple[str, int]]]:
    return store.count_chunks(), [(r.doc_id, r.chunk_count) for r in store.list_articles()]


@pytest.mark.timeout(120)
def test_a_chroma_server_that_goes_away_gives_one_line_then_the_same_assistant_works_when_it_is_back(
    chroma_session: ChromaSession,
) -> None:
    server, settings, assistant = chroma_session
    assert "Brussels" in assistant.ask(QUESTION).text
    before = store_contents(assistant.store)
    assert before[0] == 14 and len(before[1]) == 2

    server.stop()
    started = time.monotonic()
    failed = assistant.ask(QUESTION)
    assert time.monotonic() - started < 10
    message = failed.error
    assert failed.text == f"The question could not be answered: {message}" and not failed.citations
    assert message.startswith(f"lost the Chroma server at 127.0.0.1:{server.port} (ConnectError)")
    assert f"chroma run --host 127.0.0.1 --port {server.port}" in message and "\n" not in message
    # The CLI says the same in one line and exits non-zero.
    assert main_with(settings, ["list"]) == 2

    server.start()
    assert "Brussels" in assistant.ask(QUESTION).text
    assert store_contents(assistant.store) == before
    assert_consistent(CorpusStore.open(settings))


@pytest.mark.timeout(120)
def test_a_frozen_chroma_server_is_given_up_on_after_the_timeout_not_waited_for_forever(
    chroma_session: ChromaSession,
) -> None:
    server, _, assistant = chroma_session
    before = store_contents(assistant.store)
    os.kill(server.proc.pid, signal.SIGSTOP)  # the process is there, the port accepts, nothing answers
    started = time.monotonic()
    failed = assistant.ask(QUESTION)
    assert f"Chroma server at 127.0.0.1:{server.port} did not answer within 3 s" in failed.error
    assert time.monotonic() - started < 3 * 3 + 5
    os.kill(server.proc.pid, signal.SIGCONT)
    assert "Brussels" in assistant.ask(QUESTION).text
    assert store_contents(assistant.store) == before


@pytest.mark.timeout(180)
def test_the_chat_says_the_chroma_server_is_gone_and_answers_again_when_it_is_back(
    chroma_session: ChromaSession, app_storage: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server, settings, _ = chroma_session
    monkeypatch.setenv("RAG_STORAGE_DIR", str(settings.storage_dir))
    monkeypatch.setenv("RAG_CHROMA_HOST", server.host)
    monkeypatch.setenv("RAG_CHROMA_PORT", str(server.port))
    monkeypatch.setenv("RAG_REQUEST_TIMEOUT", "3")
    get_settings.cache_clear()
    st.cache_resource.clear()
    app = start()
    server.stop()
    app = ask_in_app(app, QUESTION)
    (error,) = app.error
    assert error.value.startswith("The question could not be answered: lost the Chroma server at 127.0.0.1:")
    assert app.chat_input, "the chat input is still there"
    server.start()
    app = ask_in_app(app, QUESTION)
    assert len(app.chat_message) == 4 and len(app.error) == 1
    assert "opened in Brussels" in html_of(app)


@pytest.mark.timeout(240)
def test_compare_and_brief_say_the_chroma_server_is_gone_in_one_line_and_work_when_it_is_back(
    chroma_session: ChromaSession, cli: CliRun
) -> None:
    from rag.briefing import brief
    from rag.compare import compare
    from rag.errors import StoreError

    server, settings, assistant = chroma_session
    topic = "Japan's military budget"
    assert any(cell.sentences for cell in compare(assistant, topic).cells)
    server.stop()
    for name, run in (("compare", lambda: compare(assistant, topic)), ("brief", lambda: brief(assistant, topic))):
        started = time.monotonic()
        with pytest.raises(StoreError) as failed:
            run()
        assert time.monotonic() - started < 10, name
        message = str(failed.value)
        assert message.startswith(f"lost the Chroma server at 127.0.0.1:{server.port} (ConnectError)"), message
        assert f"chroma run --host 127.0.0.1 --port {server.port}" in message and "\n" not in message
    for argv in (["compare", topic], ["brief", topic]):
        code, out, err = cli(settings, argv)
        line = one_error_line(err)
        assert code == 2 and not out and f"the Chroma server at 127.0.0.1:{server.port}" in line, line

    server.start()
    assert any(cell.sentences for cell in compare(assistant, topic).cells)
    assert brief(assistant, topic).numbering.citations
    code, out, err = cli(settings, ["compare", "--json", topic])
    assert code == 0 and json.loads(out)["rows"], err


# -- 4. the storage folder: unwritable, full, damaged ---------------------------------------


def test_a_storage_path_under_a_regular_file_is_refused_in_one_line(tmp_path: Path, cli: CliRun) -> None:
    # Root ignores chmod 0o500, but no one can create a folder inside a regular file (ENOTDIR).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the storage folder should be", encoding="utf-8")
    settings = make_settings(storage_dir=blocker / "storage")
    for argv in (["ingest", "--quiet", str(PROJECT / "corpus")], ["ask", QUESTION], ["list"]):
        code, _, err = cli(settings, argv)
        line = one_error_line(err)
        assert code == 2
        assert f"cannot write the storage folder {blocker / 'storage'} (Not a directory" in line
        assert "set RAG_STORAGE_DIR to one" in line
    assert blocker.read_text(encoding="utf-8") == "a file where the storage folder should be"


@pytest.fixture
def filled(tmp_path: Path, run_ingest: IngestFn) -> Settings:
    """An embedded store holding the bundled corpus."""
    settings = make_settings(storage_dir=tmp_path / "storage")
    run_ingest(settings, PROJECT / "corpus")
    return settings


def damage_sqlite(db: Path, how: str) -> None:
    data = db.read_bytes()
    if how == "garbage over the header":
        db.write_bytes(os.urandom(4096) + data[4096:])
    else:
        db.write_bytes(data[: len(data) // 3])


@pytest.mark.parametrize("how", ["garbage over the header", "truncated to a third"])
def test_a_damaged_chroma_sqlite_file_is_one_line_with_the_recovery_that_then_works(
    how: str, filled: Settings, cli: CliRun
) -> None:
    chroma = filled.storage_dir / "chroma"
    damage_sqlite(chroma / "chroma.sqlite3", how)
    for argv in (["ask", QUESTION], ["ingest", "--quiet", str(PROJECT / "corpus")], ["list"]):
        code, _, err = cli(filled, argv)
        line = one_error_line(err)
        assert code == 2 and f"the index in {chroma} is damaged" in line
        assert f"`mv {chroma} {chroma}.damaged && python -m rag ingest" in line
    # What the message says to do, done: the damaged copy is kept, a fresh index answers.
    chroma.rename(chroma.with_name("chroma.damaged"))
    code, out, err = cli(filled, ["ingest", "--quiet", str(PROJECT / "corpus")])
    assert code == 0 and "2 added" in out, err
    code, out, _ = cli(filled, ["ask", QUESTION])
    assert code == 0 and "Brussels" in out
    assert (filled.storage_dir / "chroma.damaged" / "chroma.sqlite3").exists()


def test_the_app_shows_a_damaged_index_as_one_line_with_the_recovery(
    filled: Settings, app_storage: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAG_STORAGE_DIR", str(filled.storage_dir))
    get_settings.cache_clear()
    damage_sqlite(filled.storage_dir / "chroma" / "chroma.sqlite3", "garbage over the header")
    app = start()
    (error,) = app.error
    assert "is damaged" in error.value and ".damaged && python -m rag ingest" in error.value


BM25_DAMAGE = ["garbage bytes", "truncated", "emptied"]


@pytest.mark.parametrize("how", BM25_DAMAGE)
def test_a_damaged_bm25_cache_is_rebuilt_and_the_answer_is_the_same(
    how: str, filled: Settings, local_embedder: BaseEmbedding
) -> None:
    expected = Assistant.open(filled, embedder=local_embedder).ask(QUESTION).text
    (cache,) = [d for d in (filled.storage_dir / "bm25").iterdir() if d.is_dir()]
    files = sorted(p for p in cache.iterdir() if p.is_file())
    assert len(files) >= 4
    for path in files:
        data = path.read_bytes()
        damaged = {"garbage bytes": os.urandom(len(data) or 64), "truncated": data[: len(data) // 2], "emptied": b""}
        path.write_bytes(damaged[how])
    assert Assistant.open(filled, embedder=local_embedder).ask(QUESTION).text == expected
    rebuilt = {p.name: p.read_bytes() for p in sorted(cache.iterdir()) if p.is_file()}
    assert set(rebuilt) == {p.name for p in files} and all(rebuilt.values()), "the cache was written again"
    assert Assistant.open(filled, embedder=local_embedder).ask(QUESTION).text == expected


@pytest.mark.timeout(300)
def test_a_write_the_kernel_refuses_mid_ingest_is_one_line_and_the_next_run_completes(
    tmp_path: Path, run_ingest: IngestFn
) -> None:
    # A real refusal, not a mock: RLIMIT_FSIZE makes the kernel fail writes past 150 kB (EFBIG,
    # what SQLite reports as a disk I/O error), as a full disk would fail them with ENOSPC.
    storage = tmp_path / "storage"

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (150_000, 150_000))

    env = {**os.environ, "RAG_STORAGE_DIR": str(storage), "PYTHONPATH": str(PROJECT)}
    for name in ("RAG_LLM_MODEL", "OPENAI_API_KEY", "OPENAI_BASE_URL", "RAG_CHROMA_HOST", "RAG_CHROMA_PORT"):
        env.pop(name, None)
    command = [sys.executable, "-m", "rag", "ingest", "--quiet", str(PROJECT / "corpus")]
    full = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240, preexec_fn=limit_file_size)
    line = one_error_line(full.stderr)
    assert full.returncode == 2
    assert f"writing the index in {storage} failed (disk I/O error; is the disk full?)" in line
    assert "run the command again" in line
    settings = make_settings(storage_dir=storage)
    run_ingest(settings, PROJECT / "corpus")  # the space is back: the same ingest, run again
    store = CorpusStore.open(settings)
    assert len(store.list_articles()) == 2 and store.count_chunks() == 14
    assert_consistent(store)


def test_no_space_for_the_bm25_cache_still_answers_with_a_one_line_warning(
    filled: Settings,
    cli: CliRun,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Simulated: Path.write_text, which writes the BM25 cache's files, raises ENOSPC. The
    # cache only saves a rebuild at the next start, so the answer comes from memory.
    import errno

    def disk_full(self: Path, *args: object, **kwargs: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))

    monkeypatch.setattr(Path, "write_text", disk_full)
    code, out, err = cli(filled, ["ask", QUESTION])
    assert code == 0 and "Brussels" in out and "Traceback" not in err
    assert "could not save the BM25 index" in caplog.text and "No space left on device" in caplog.text
    monkeypatch.undo()
    assert not list((filled.storage_dir / "bm25").glob(".*.partial")), "no half-written copy is left"
    assert CorpusStore.open(filled).count_chunks() == 14, "the index is untouched"


def test_a_corrupted_manifest_skips_its_folder_with_the_fix_and_keeps_the_index(
    tmp_path: Path, corpus_dir: Path, cli: CliRun
) -> None:
    settings = make_settings(storage_dir=tmp_path / "storage")
    assert cli(settings, ["ingest", "--quiet", str(corpus_dir)])[0] == 0
    (corpus_dir / "manifest.json").write_bytes(b'{"001.txt": {"title": "cut off' + os.urandom(16))
    code, out, err = cli(settings, ["ingest", "--quiet", str(corpus_dir)])
    assert code != 0 and "Traceback" not in err
    assert "manifest.json: not valid JSON" in err and "fix or remove it" in err
    store = CorpusStore.open(settings)
    assert len(store.list_articles()) == 2 and store.count_chunks() == 14
    code, out, _ = cli(settings, ["ask", QUESTION])
    assert code == 0 and "Brussels" in out
