"""The compare page: a viewpoint matrix on a topic, with differences and agreements."""

from __future__ import annotations

import streamlit as st

from rag.compare import Comparison, compare
from ui.components import current_options, get_assistant, plural, render_comparison
from ui.steps import show_steps

assistant = get_assistant()
st.title("Compare viewpoints")
st.caption("What each source, or each person quoted, says on a topic; where their figures differ or agree.")

with st.form("compare_form"):
    topic = st.text_input("Topic", key="compare_topic", placeholder="e.g. Japan's military budget")
    by = st.radio("Rows", ["source", "speaker"], horizontal=True, key="compare_by")
    submitted = st.form_submit_button("Compare")
if submitted and topic.strip():
    with st.status(f"Reading what each {by} says in {plural(len(assistant.articles()), 'article')}…") as status:
        result = compare(assistant, topic.strip(), by=by, options=current_options())
        st.session_state["comparison"] = result
        status.write(f"{plural(len(result.cells), 'row')} · {plural(len(result.numbering.citations), 'source')} cited")
        status.write(f"{len(result.differences)} where they differ · {len(result.agreements)} where they agree")
        show_steps(status, result.timings_ms, "Compared")

comparison: Comparison | None = st.session_state.get("comparison")
if comparison:
    render_comparison(assistant, comparison, anchor="cmp")
