"""Corpus Chat in the browser. This file routes; the pages in ui/ render; `rag` decides."""

from __future__ import annotations

import streamlit as st

from rag.errors import CorpusChatError
from ui.chats import render_chat_list
from ui.components import get_assistant, render_sidebar
from ui.style import install_page_assets

st.set_page_config(page_title="Corpus Chat", page_icon=":material/newspaper:", layout="wide")

pages = [
    st.Page("ui/chat.py", title="Chat", icon=":material/forum:", default=True),
    st.Page("ui/compare.py", title="Compare", icon=":material/compare_arrows:"),
    st.Page("ui/briefing.py", title="Briefing", icon=":material/description:"),
    st.Page("ui/corpus.py", title="Corpus", icon=":material/library_books:"),
]
page = st.navigation(pages)
install_page_assets()  # styles for both themes; [n] opens its source
chat_list = st.sidebar.container()  # at the top of the sidebar; filled after the page, so a new chat is listed at once
try:
    # The sidebar is drawn here, once, for every page: its widgets live in this script, so
    # top-k and the filters keep their values when the user switches pages.
    assistant = get_assistant()
    assistant.follow_rebuild()  # a rebuild from the command line: every page shows the new index
    render_sidebar(assistant)
    page.run()
except CorpusChatError as exc:  # an error a person can act on, in one line
    st.error(str(exc))
with chat_list:
    render_chat_list(chat_page=pages[0], current_page=page)
