"""The briefing page: a structured, cited report on a topic, downloadable."""

from __future__ import annotations

import streamlit as st

from rag.briefing import Briefing, brief
from ui.components import current_options, get_assistant, plural, render_briefing
from ui.safe import escape_markdown
from ui.steps import show_steps

assistant = get_assistant()
st.title("Briefing")
st.caption("Key points, what each article reports, viewpoints, disagreements, figures: every sentence cited.")

with st.form("briefing_form"):
    topic = st.text_input("Topic", key="brief_topic", placeholder="e.g. Japan's military spending")
    submitted = st.form_submit_button("Write the briefing")
if submitted and topic.strip():
    with st.status(f"Reading {plural(len(assistant.articles()), 'article')} for the briefing…") as status:
        result = brief(assistant, topic.strip(), options=current_options())
        st.session_state["briefing"] = result
        st.session_state.get("briefing_pdfs", {}).pop("brief", None)
        for section in result.sections:
            status.write(f"{escape_markdown(section.heading)}: {plural(len(section.lines), 'line')}")
        show_steps(status, result.timings_ms, "Written")

briefing: Briefing | None = st.session_state.get("briefing")
if briefing:
    render_briefing(assistant, briefing, anchor="brief")
