"""Saved chats in the app (AppTest): listed in the sidebar, reopened in a new session, renamed, deleted."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from rag.chats import CHATS_FILE
from tests.support.app import ask, html_of, start
from tests.support.project import PROJECT

QUESTION = "Where did Japan open an official office to NATO?"


def chat_buttons(app: AppTest) -> list[str]:
    """The labels of the saved chats in the sidebar, top to bottom."""
    return [b.label for b in app.sidebar.button if b.key and b.key.startswith("open-chat-")]


def chat_key(app: AppTest, label: str) -> str:
    return next(b.key for b in app.sidebar.button if b.label == label and b.key)


def reload(chat_id: str) -> AppTest:
    """The page opened again at its URL (`?chat=<id>`), as a reload or a bookmark does, in a new session."""
    app = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=120)
    app.query_params["chat"] = chat_id
    app.run()
    assert not app.exception, app.exception
    return app


def test_a_chat_is_listed_and_reopens_in_a_new_session_with_its_answer_and_citations(indexed: Path) -> None:
    app = ask(start(), QUESTION)
    first_html = html_of(app)
    sources = [e.label for e in app.expander if e.label.startswith("[")]
    assert chat_buttons(app) == ["Where did Japan open an official office to NATO?"], "listed as soon as asked"
    chat_id = app.query_params["chat"]
    assert chat_key(app, QUESTION) == f"open-chat-{chat_id}"

    st.cache_resource.clear()  # a server restart: nothing is left in memory
    fresh = start()
    assert not fresh.chat_message, "a new session starts with a new chat"
    assert chat_buttons(fresh) == [QUESTION]
    fresh.button(key=f"open-chat-{chat_id}").click().run()
    assert not fresh.exception, fresh.exception
    user, reply = fresh.chat_message
    assert reply.get("html")
    assert user.markdown[0].value == QUESTION
    assert "opened in Brussels." in html_of(fresh) and 'href="#t0-1"' in html_of(fresh)
    assert [e.label for e in fresh.expander if e.label.startswith("[")] == sources
    assert "<mark>In 2022, the Japanese prime minister attended" in html_of(fresh)
    assert fresh.query_params["chat"] == chat_id

    reloaded = reload(chat_id)
    assert len(reloaded.chat_message) == 2 and html_of(reloaded) == first_html
    assert [b.label for b in reloaded.get("download_button")] == [
        "Download this answer (.md)",
        "Download the whole chat (.md)",
    ]
    follow_up = ask(reloaded, "And when was it opened?")
    assert len(follow_up.chat_message) == 4
    assert chat_buttons(follow_up) == [QUESTION], "the follow-up is saved to the same chat"
    assert len(reload(chat_id).chat_message) == 4


def test_a_reload_of_a_deleted_chat_opens_a_new_one_and_says_so(indexed: Path) -> None:
    app = reload("0123456789abcdef")
    assert not app.chat_message and "chat" not in app.query_params
    assert any("no longer exists" in w.value for w in app.sidebar.warning)


def test_a_chat_can_be_renamed_from_its_menu(indexed: Path) -> None:
    app = ask(start(), QUESTION)
    chat_id = app.query_params["chat"]
    app.text_input(key=f"chat-name-{chat_id}").set_value("NATO office in Brussels").run()
    app.button(key=f"chat-rename-{chat_id}").click().run()
    assert not app.exception, app.exception
    assert chat_buttons(app) == ["NATO office in Brussels"]
    assert chat_buttons(start()) == ["NATO office in Brussels"], "the name is saved"
    app.text_input(key=f"chat-name-{chat_id}").set_value("   ").run()
    app.button(key=f"chat-rename-{chat_id}").click().run()
    assert any("needs a name" in w.value for w in app.sidebar.warning)
    assert chat_buttons(app) == ["NATO office in Brussels"]


def test_deleting_the_open_chat_removes_it_and_starts_a_new_one(indexed: Path) -> None:
    app = ask(start(), QUESTION)
    kept_id = app.query_params["chat"]
    app.button(key="chat-new").click().run()
    app = ask(app, "What did Kishida say about the military budget?")
    gone_id = app.query_params["chat"]
    assert gone_id != kept_id
    assert chat_buttons(app)[0].startswith("What did Kishida say") and chat_buttons(app)[1] == QUESTION
    app.button(key=f"chat-delete-{gone_id}").click().run()
    assert not app.exception, app.exception
    assert chat_buttons(app) == [QUESTION] and not app.chat_message
    assert "chat" not in app.query_params
    assert chat_buttons(start()) == [QUESTION]


def test_new_chat_keeps_the_old_one_in_the_list(indexed: Path) -> None:
    app = ask(start(), QUESTION)
    app.button(key="chat-new").click().run()
    assert not app.chat_message and app.button(key="starter-0")
    assert chat_buttons(app) == [QUESTION]
    assert "chat" not in app.query_params


def test_an_unreadable_chats_file_is_one_line_and_the_chat_still_answers(indexed: Path, app_storage: Path) -> None:
    (app_storage / CHATS_FILE).write_bytes(b"not a database at all\n" * 300)
    app = start()
    errors = [e.value for e in app.sidebar.error]
    assert len(errors) == 1 and "The saved chats cannot be read" in errors[0] and "\n" not in errors[0]
    assert str(app_storage) not in errors[0]
    app = ask(app, QUESTION)
    assert "opened in Brussels." in html_of(app), "the question is still answered"
    assert any("This chat is not being saved" in w.value for w in app.warning)
    assert not app.exception


def test_opening_a_chat_from_another_page_shows_it_on_the_chat_page(indexed: Path) -> None:
    app = ask(start(), QUESTION)
    chat_id = app.query_params["chat"]
    app.switch_page("ui/compare.py").run()
    assert not app.exception and not app.chat_message
    assert chat_buttons(app) == [QUESTION], "the chats are listed on every page"
    app.button(key=f"open-chat-{chat_id}").click().run()
    assert not app.exception, app.exception
    assert len(app.chat_message) == 2 and "opened in Brussels." in html_of(app)
    assert app.query_params["chat"] == chat_id
