"""A process that saves turns to a chats file as fast as it can: `python -m tests.support.chat_writer
CHATS_FILE ANSWER_JSON TURNS [CHAT_ID]` (TURNS 0: until killed). The tests run several at once, or
kill one in the middle of its writes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rag.answer import Answer
from rag.chats import ChatStore


def write_turns(chats_file: Path, answer_json: Path, turns: int, chat_id: str | None = None) -> str:
    """Save the answer in `answer_json` as `turns` turns of one chat (forever when 0); the chat's id."""
    answer = Answer.from_json(json.loads(answer_json.read_text(encoding="utf-8")))
    store = ChatStore(chats_file)
    written = 0
    while turns == 0 or written < turns:
        chat_id = store.save_turn(chat_id, answer)
        written += 1
        if written == 1:
            print(chat_id, flush=True)  # the caller knows the chat has started
    return chat_id or ""


if __name__ == "__main__":
    path, answer_file, count, *rest = sys.argv[1:]
    write_turns(Path(path), Path(answer_file), int(count), rest[0] if rest else None)
