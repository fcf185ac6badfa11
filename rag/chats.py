"""Saved chats: every turn of every conversation, kept in one SQLite file in the storage folder.

A turn is saved in one transaction as soon as it is answered, so a crash loses at most the
turn being written and never leaves half of one. The file is in WAL mode with a busy
timeout, so several browser sessions (threads of one server, or several servers) can write
at once. A turn is stored as the Answer's own JSON (`Answer.to_json(debug=True)`) and read
back with `Answer.from_json`: its citations, sentences and report come back as they were.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rag.answer import Answer
from rag.conversation import clean_question
from rag.errors import ChatStoreError, NotFoundError, UsageError
from rag.settings import Settings

CHATS_FILE = "chats.sqlite"
SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 10.0  # how long a writer waits for another session's transaction to finish
TITLE_CHARS = 60  # a new chat is named after its first question, cut at a word to this length
MAX_TITLE_CHARS = 120

SCHEMA = """
CREATE TABLE IF NOT EXISTS chats (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    last_turn INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS turns (
    chat_id TEXT NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    saved REAL NOT NULL,
    answer TEXT NOT NULL,
    PRIMARY KEY (chat_id, position)
);
CREATE INDEX IF NOT EXISTS chats_by_activity ON chats(last_turn DESC);
"""


@dataclass(frozen=True)
class ChatSummary:
    """A saved chat as the list shows it."""

    chat_id: str
    title: str
    created: float  # seconds since the epoch
    updated: float  # when its last turn was saved
    turns: int


@dataclass
class Chat:
    """A saved chat with its answers, oldest first."""

    chat_id: str
    title: str
    answers: list[Answer] = field(default_factory=list)


def chat_title(question: str) -> str:
    """The name a new chat gets: its first question on one line, cut at a word."""
    text = clean_question(question) or "Untitled chat"
    if len(text) <= TITLE_CHARS:
        return text
    cut = text[: TITLE_CHARS - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return f"{cut or text[: TITLE_CHARS - 1]}…"


def chats_path(settings: Settings) -> Path:
    """Where the chats are kept: a file in the storage folder."""
    return settings.storage_dir / CHATS_FILE


def new_chat_id() -> str:
    """A fresh chat id, fit for a URL."""
    return uuid.uuid4().hex[:16]


def failure(exc: sqlite3.Error) -> ChatStoreError:
    """What a SQLite error means to the user, in one line that says what to do."""
    lines = str(exc).splitlines() or [type(exc).__name__]
    reason = lines[0].removesuffix(":")[:120]  # an integrity report runs to many lines: its first says enough
    if isinstance(exc, sqlite3.OperationalError) and "locked" in reason:
        return ChatStoreError(f"The chats file stayed busy with another session ({reason}); try again.")
    return ChatStoreError(
        f"The saved chats cannot be read ({reason}): move {CHATS_FILE} out of the storage folder to start a new "
        "chats file; until then chats are not saved."
    )


class ChatStore:
    """The chats file: save a turn, list, load, rename and delete chats.

    Every call opens its own connection, so one store serves every thread of the server.
    Raises ChatStoreError, in one line, when the file cannot be read or written.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ChatStoreError(f"The chats file cannot be created ({exc}); chats are not saved.") from exc
        with self._connection() as db:
            db.execute("PRAGMA journal_mode = WAL")  # readers never block the writer, nor it them
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise ChatStoreError(
                    f"The chats file was written by a newer Corpus Chat (schema {version}); upgrade to open it."
                )
            check = db.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise failure(sqlite3.DatabaseError(f"damaged: {check}"))
            db.executescript(f"BEGIN IMMEDIATE; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")

    @classmethod
    def open(cls, settings: Settings) -> ChatStore:
        """The chats file of these settings' storage folder, created if missing."""
        return cls(chats_path(settings))

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """A connection in autocommit mode; SQLite errors become ChatStoreError."""
        try:
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as exc:
            raise failure(exc) from exc
        try:
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA synchronous = FULL")  # a saved turn survives a power cut, not only a crash
            yield db
        except sqlite3.Error as exc:
            raise failure(exc) from exc
        finally:
            db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is saved, or none of it."""
        with self._connection() as db:
            db.execute("BEGIN IMMEDIATE")  # take the write lock first: no two writers read the same MAX(position)
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def save_turn(self, chat_id: str | None, answer: Answer) -> str:
        """Add `answer` as the next turn of the chat (a new chat, named after the question, if
        `chat_id` is None or names no chat); returns the chat's id."""
        chat_id = chat_id or new_chat_id()
        saved = json.dumps(answer.to_json(debug=True), ensure_ascii=False)
        with self._transaction() as db:
            now = time.time()
            db.execute(
                "INSERT OR IGNORE INTO chats (id, title, created, updated) VALUES (?, ?, ?, ?)",
                (chat_id, chat_title(answer.question), now, now),
            )
            (position,) = db.execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM turns WHERE chat_id = ?", (chat_id,)
            ).fetchone()
            cursor = db.execute(
                "INSERT INTO turns (chat_id, position, saved, answer) VALUES (?, ?, ?, ?)",
                (chat_id, position, now, saved),
            )
            db.execute("UPDATE chats SET updated = ?, last_turn = ? WHERE id = ?", (now, cursor.lastrowid, chat_id))
        return chat_id

    def list_chats(self) -> list[ChatSummary]:
        """Every saved chat, the one with the latest turn first."""
        with self._connection() as db:
            rows = db.execute(
                "SELECT c.id, c.title, c.created, c.updated, COUNT(t.position) FROM chats c "
                "LEFT JOIN turns t ON t.chat_id = c.id GROUP BY c.id ORDER BY c.last_turn DESC, c.created DESC"
            ).fetchall()
        return [ChatSummary(*row) for row in rows]

    def load(self, chat_id: str) -> Chat | None:
        """The chat with its answers in order, or None when there is no such chat."""
        with self._connection() as db:
            head = db.execute("SELECT title FROM chats WHERE id = ?", (chat_id,)).fetchone()
            if head is None:
                return None
            rows = db.execute("SELECT answer FROM turns WHERE chat_id = ? ORDER BY position", (chat_id,)).fetchall()
        try:
            answers = [Answer.from_json(json.loads(text)) for (text,) in rows]
        except (ValueError, KeyError, TypeError) as exc:
            raise ChatStoreError(f"The chat “{head[0]}” has a damaged turn ({exc!r}); it cannot be opened.") from exc
        return Chat(chat_id, head[0], answers)

    def rename(self, chat_id: str, title: str) -> str:
        """Give the chat a new name (one line, at most MAX_TITLE_CHARS); returns the name as kept."""
        name = clean_question(title)[:MAX_TITLE_CHARS].strip()
        if not name:
            raise UsageError("A chat needs a name: type one, or keep the old one.")
        with self._transaction() as db:
            changed = db.execute("UPDATE chats SET title = ? WHERE id = ?", (name, chat_id)).rowcount
        if not changed:
            raise NotFoundError("This chat no longer exists: it was deleted, perhaps in another window.")
        return name

    def delete(self, chat_id: str) -> bool:
        """Delete the chat and its turns; False when there was no such chat."""
        with self._transaction() as db:
            return db.execute("DELETE FROM chats WHERE id = ?", (chat_id,)).rowcount > 0
