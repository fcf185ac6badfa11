"""Saved chats: every turn kept in storage/chats.sqlite, read back with its citations as they were."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from rag.answer import Answer
from rag.assistant import Assistant
from rag.chats import CHATS_FILE, ChatStore, chats_path
from rag.conversation import Turn
from rag.errors import ChatStoreError, NotFoundError, UsageError
from rag.render import render_markdown
from rag.report import briefing_markdown, comparison_markdown
from tests.support.project import PROJECT, make_settings

QUESTION = "Where did Japan open an official office to NATO?"


@pytest.fixture(scope="module")
def answers(assistant: Assistant) -> dict[str, Answer]:
    """Real answers over the bundled corpus: cited, a follow-up, an abstention, a comparison, a briefing."""
    cited = assistant.ask(QUESTION)
    first = assistant.ask("What did Foreign Minister Yoshimasa Hayashi say about European security?")
    follow_up = assistant.ask("And what example did he cite?", [Turn(first.question, first.text)])
    return {
        "cited": cited,
        "first": first,
        "follow_up": follow_up,
        "abstained": assistant.ask("How many submarines does the Japanese navy operate?"),
        "comparison": assistant.ask("Compare what the sources say about Japan and NATO"),
        "briefing": assistant.ask("Write a briefing on Japan's military spending"),
    }


@pytest.fixture
def store(tmp_path: Path) -> ChatStore:
    return ChatStore.open(make_settings(storage_dir=tmp_path / "storage"))


@pytest.fixture
def answer_file(answers: dict[str, Answer], tmp_path: Path) -> Path:
    """A cited answer as JSON, for the writer processes."""
    path = tmp_path / "answer.json"
    path.write_text(json.dumps(answers["cited"].to_json(debug=True)), encoding="utf-8")
    return path


def test_the_chats_file_lives_in_the_storage_folder(tmp_path: Path) -> None:
    settings = make_settings(storage_dir=tmp_path / "storage")
    ChatStore.open(settings)
    assert chats_path(settings) == tmp_path / "storage" / CHATS_FILE and chats_path(settings).is_file()


def test_a_chat_reopened_after_a_restart_has_the_same_answers_and_citations(
    store: ChatStore, answers: dict[str, Answer], article_texts: dict[str, str]
) -> None:
    chat_id = store.save_turn(None, answers["first"])
    assert store.save_turn(chat_id, answers["follow_up"]) == chat_id
    store.save_turn(chat_id, answers["abstained"])

    chat = ChatStore(store.path).load(chat_id)  # a new handle on the file, as after a server restart
    assert chat is not None
    originals = [answers["first"], answers["follow_up"], answers["abstained"]]
    assert [a.to_json(debug=True) for a in chat.answers] == [a.to_json(debug=True) for a in originals]
    for restored, original in zip(chat.answers, originals, strict=True):
        assert restored.citations == original.citations
        assert restored.sentences == original.sentences
        assert restored.passages == original.passages and restored.prompt == original.prompt
    assert chat.answers[0].citations, "the answer cites its sources"
    for citation in chat.answers[0].citations:
        assert article_texts[citation.doc_id][citation.start_char : citation.end_char] == citation.quote
    assert "Understood as" not in chat.answers[1].standalone_question
    assert chat.answers[1].standalone_question == answers["follow_up"].standalone_question != ""
    assert chat.answers[2].abstained
    assert render_markdown(chat.answers) == render_markdown(originals), "the chat exports as it did"


def test_comparisons_and_briefings_come_back_as_they_were_laid_out(
    store: ChatStore, answers: dict[str, Answer]
) -> None:
    comparison, briefing = answers["comparison"], answers["briefing"]
    assert comparison.kind == "comparison" and briefing.kind == "briefing"
    chat_id = store.save_turn(None, comparison)
    store.save_turn(chat_id, briefing)
    chat = store.load(chat_id)
    assert chat is not None
    restored_comparison, restored_briefing = chat.answers
    assert restored_comparison.kind == "comparison" and restored_briefing.kind == "briefing"
    assert restored_comparison.to_json(debug=True) == comparison.to_json(debug=True)
    assert restored_briefing.to_json(debug=True) == briefing.to_json(debug=True)
    assert comparison_markdown(restored_comparison.report) == comparison_markdown(comparison.report)  # type: ignore[arg-type]
    assert briefing_markdown(restored_briefing.report) == briefing_markdown(briefing.report)  # type: ignore[arg-type]
    assert render_markdown(chat.answers) == render_markdown([comparison, briefing])


def test_chats_are_listed_newest_first_and_named_after_their_first_question(
    store: ChatStore, answers: dict[str, Answer]
) -> None:
    older = store.save_turn(None, answers["cited"])
    newer = store.save_turn(None, answers["first"])
    assert [c.chat_id for c in store.list_chats()] == [newer, older]
    store.save_turn(older, answers["abstained"])  # a new turn makes a chat the newest
    listed = store.list_chats()
    assert [c.chat_id for c in listed] == [older, newer]
    assert [c.turns for c in listed] == [2, 1]
    assert listed[0].title == QUESTION
    assert listed[1].title.startswith("What did Foreign Minister Yoshimasa Hayashi say about") and listed[
        1
    ].title.endswith("…")
    assert len(listed[1].title) <= 60 and " " not in listed[1].title[-2:], "cut at a word"
    assert listed[0].updated >= listed[0].created


def test_a_chat_can_be_renamed(store: ChatStore, answers: dict[str, Answer]) -> None:
    chat_id = store.save_turn(None, answers["cited"])
    assert store.rename(chat_id, "  NATO office\nin Brussels ") == "NATO office in Brussels"
    assert store.list_chats()[0].title == "NATO office in Brussels"
    loaded = store.load(chat_id)
    assert loaded is not None and loaded.title == "NATO office in Brussels"
    with pytest.raises(UsageError, match="needs a name"):
        store.rename(chat_id, " \n ")
    with pytest.raises(NotFoundError, match="no longer exists"):
        store.rename("no-such-chat", "x")
    assert store.list_chats()[0].title == "NATO office in Brussels"


def test_a_deleted_chat_is_gone_with_its_turns(store: ChatStore, answers: dict[str, Answer]) -> None:
    kept = store.save_turn(None, answers["cited"])
    gone = store.save_turn(None, answers["first"])
    store.save_turn(gone, answers["follow_up"])
    assert store.delete(gone)
    assert [c.chat_id for c in store.list_chats()] == [kept]
    assert store.load(gone) is None
    with sqlite3.connect(store.path) as db:
        assert db.execute("SELECT COUNT(*) FROM turns WHERE chat_id = ?", (gone,)).fetchone() == (0,)
    assert not store.delete(gone)
    assert store.load("not-a-chat") is None


def test_sessions_writing_at_once_from_threads_lose_no_turn(store: ChatStore, answers: dict[str, Answer]) -> None:
    shared = store.save_turn(None, answers["cited"])

    def session(index: int) -> None:
        own = None
        for _ in range(6):
            store.save_turn(shared, answers["abstained"])
            own = store.save_turn(own, answers["first"])

    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(session, range(6)))
    listed = store.list_chats()
    assert len(listed) == 7 and sum(c.turns for c in listed) == 1 + 6 * 12
    chat = store.load(shared)
    assert chat is not None and len(chat.answers) == 37
    with sqlite3.connect(store.path) as db:
        positions = [p for (p,) in db.execute("SELECT position FROM turns WHERE chat_id = ? ORDER BY 1", (shared,))]
        assert positions == list(range(37))
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def writer(store: ChatStore, answer_file: Path, turns: int, chat_id: str = "") -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "tests.support.chat_writer", str(store.path), str(answer_file), str(turns)]
    return subprocess.Popen([*command, *([chat_id] if chat_id else [])], cwd=PROJECT, stdout=subprocess.PIPE, text=True)


def test_server_processes_writing_at_once_keep_the_file_whole(
    store: ChatStore, answers: dict[str, Answer], answer_file: Path
) -> None:
    shared = store.save_turn(None, answers["cited"])
    processes = [writer(store, answer_file, 15, shared) for _ in range(3)] + [
        writer(store, answer_file, 15) for _ in range(2)
    ]
    for process in processes:
        assert process.wait(timeout=120) == 0
    chat = store.load(shared)
    assert chat is not None and len(chat.answers) == 1 + 3 * 15
    assert all(a.citations == answers["cited"].citations for a in chat.answers)
    assert sorted(c.turns for c in store.list_chats()) == [15, 15, 46]
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_server_killed_while_saving_leaves_only_whole_turns(
    store: ChatStore, answers: dict[str, Answer], answer_file: Path
) -> None:
    process = writer(store, answer_file, 0)  # saves until killed
    assert process.stdout is not None
    chat_id = process.stdout.readline().strip()
    time.sleep(1.0)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    reopened = ChatStore(store.path)
    chat = reopened.load(chat_id)
    assert chat is not None and len(chat.answers) >= 2
    assert all(a.to_json(debug=True) == answers["cited"].to_json(debug=True) for a in chat.answers)
    assert reopened.list_chats()[0].turns == len(chat.answers)
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_file_that_is_not_a_database_is_named_in_one_line(tmp_path: Path) -> None:
    storage = tmp_path / "storage"
    storage.mkdir()
    (storage / CHATS_FILE).write_bytes(b"these are not the chats you are looking for\n" * 200)
    with pytest.raises(ChatStoreError) as raised:
        ChatStore.open(make_settings(storage_dir=storage))
    message = str(raised.value)
    assert "\n" not in message and "cannot be read" in message and "not saved" in message
    assert f"move {CHATS_FILE} out of the storage folder" in message
    assert str(tmp_path) not in message, "no server path is shown"


def test_a_damaged_chats_file_is_a_clear_error_not_a_traceback(store: ChatStore, answers: dict[str, Answer]) -> None:
    for _ in range(30):
        store.save_turn(None, answers["briefing"])
    with sqlite3.connect(store.path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(store.path.read_bytes())
    assert len(data) > 5 * 4096
    data[4096 * 2 : 4096 * 5] = b"\xff" * (4096 * 3)  # pages 3-5 overwritten: the tables' pages are garbage
    store.path.write_bytes(bytes(data))
    with pytest.raises(ChatStoreError) as raised:
        reopened = ChatStore(store.path)
        for summary in reopened.list_chats():
            reopened.load(summary.chat_id)
    assert "\n" not in str(raised.value) and "cannot be read" in str(raised.value)
