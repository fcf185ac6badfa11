"""The saved chats: the list in the sidebar (open, rename, delete, new chat) and the open chat.

The open chat's id is kept in the session and in the URL (`?chat=<id>`), so a reload, or
the same URL after a server restart, reopens it from the chats file (rag/chats.py).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from rag.answer import Answer
from rag.chats import ChatStore, chats_path
from rag.errors import ChatStoreError, CorpusChatError
from rag.settings import get_settings
from ui.safe import escape_markdown

OPEN_CHAT = "open_chat"  # session: the open chat's id; None for a new chat not saved yet
TURNS = "turns"  # session: the open chat's answers, oldest first
NOTICE = "chat_notice"  # session: one line to show in the chat list (a failed rename, a chat gone)
SHOW_CHAT_PAGE = "show_chat_page"  # session: a chat was opened from another page
QUERY = "chat"


@st.cache_resource(show_spinner=False)
def _store(path: str) -> ChatStore:
    return ChatStore(Path(path))


def chat_store() -> ChatStore:
    """The chats file of the storage folder; raises ChatStoreError when it cannot be used."""
    return _store(str(chats_path(get_settings())))


def open_turns() -> list[Answer]:
    """The open chat's answers; on a session's first run, the chat the URL names, read from the file."""
    if OPEN_CHAT not in st.session_state:
        st.session_state[OPEN_CHAT], st.session_state[TURNS] = None, []
        wanted = st.query_params.get(QUERY)
        if wanted:
            _open(wanted)
            st.session_state.pop(SHOW_CHAT_PAGE, None)  # a reload stays on the page it was on
    turns: list[Answer] = st.session_state[TURNS]
    return turns


def save_turn(answer: Answer) -> str:
    """Save the answer as the open chat's next turn; '' or, when the file cannot be used, why not."""
    try:
        chat_id = chat_store().save_turn(st.session_state.get(OPEN_CHAT), answer)
    except ChatStoreError as exc:
        return str(exc)
    st.session_state[OPEN_CHAT] = chat_id
    st.query_params[QUERY] = chat_id
    return ""


def start_new_chat() -> None:
    """Close the open chat: the next question starts a new one."""
    st.session_state[OPEN_CHAT], st.session_state[TURNS] = None, []
    st.session_state[SHOW_CHAT_PAGE] = True
    st.query_params.pop(QUERY, None)


def _open(chat_id: str) -> None:
    try:
        chat = chat_store().load(chat_id)
    except ChatStoreError as exc:
        chat, st.session_state[NOTICE] = None, str(exc)
    if chat is None:
        st.session_state.setdefault(NOTICE, "That chat no longer exists: a new one is open.")
        start_new_chat()
        return
    st.session_state[OPEN_CHAT], st.session_state[TURNS] = chat.chat_id, chat.answers
    st.session_state[SHOW_CHAT_PAGE] = True
    st.query_params[QUERY] = chat.chat_id


def _rename(chat_id: str) -> None:
    try:
        chat_store().rename(chat_id, st.session_state.get(f"chat-name-{chat_id}", ""))
    except CorpusChatError as exc:
        st.session_state[NOTICE] = str(exc)


def _delete(chat_id: str) -> None:
    try:
        chat_store().delete(chat_id)
    except ChatStoreError as exc:
        st.session_state[NOTICE] = str(exc)
        return
    if st.session_state.get(OPEN_CHAT) == chat_id:
        start_new_chat()
        st.session_state.pop(SHOW_CHAT_PAGE, None)


def render_chat_list(chat_page: StreamlitPage, current_page: StreamlitPage) -> None:
    """The saved chats, newest first, under a New chat button; drawn by app.py in the sidebar."""
    open_turns()
    open_id = st.session_state.get(OPEN_CHAT)
    if open_id and st.query_params.get(QUERY) != open_id:  # a page switch clears the URL's query: keep the chat in it
        st.query_params[QUERY] = open_id
    st.markdown("**Chats**")
    st.button("New chat", key="chat-new", icon=":material/add:", on_click=start_new_chat, width="stretch")
    notice = st.session_state.pop(NOTICE, "")
    try:
        chats = chat_store().list_chats()
    except ChatStoreError as exc:
        st.error(str(exc))
        chats = []
    if notice:
        st.warning(notice)
    if not chats:
        st.caption("Your chats are saved here as you ask.")
    listing = st.container(height=360) if len(chats) > 8 else st.container()
    with listing:
        for chat in chats:
            is_open = chat.chat_id == st.session_state.get(OPEN_CHAT)
            title, menu = st.columns([6, 1], vertical_alignment="center", gap="small")
            title.button(
                escape_markdown(chat.title),
                key=f"open-chat-{chat.chat_id}",
                type="secondary" if is_open else "tertiary",
                help=f"{chat.turns} question{'' if chat.turns == 1 else 's'}",
                on_click=_open,
                args=(chat.chat_id,),
                width="stretch",
            )
            with menu.popover("", icon=":material/more_vert:", type="tertiary", help="Rename or delete"):
                st.text_input("Name", value=chat.title, key=f"chat-name-{chat.chat_id}", max_chars=120)
                st.button("Rename", key=f"chat-rename-{chat.chat_id}", on_click=_rename, args=(chat.chat_id,))
                st.button(
                    "Delete",
                    key=f"chat-delete-{chat.chat_id}",
                    icon=":material/delete:",
                    on_click=_delete,
                    args=(chat.chat_id,),
                )
    if st.session_state.pop(SHOW_CHAT_PAGE, False) and current_page.url_path != chat_page.url_path:
        st.switch_page(chat_page, query_params={QUERY: open_id} if open_id else None)
