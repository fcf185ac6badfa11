"""The compare page: a viewpoint matrix on a topic, with differences and agreements."""

from __future__ import annotations

import streamlit as st

from rag.compare import Comparison, compare
from ui.components import current_options, get_assistant, render_comparison

assistant = get_assistant()
st.title("Compare viewpoints")
st.caption("What each source, or each person quoted, says on a topic; where their figures differ or agree.")

with st.form("compare_form"):
    topic = st.text_input("Topic", key="compare_topic", placeholder="e.g. Japan's military budget")
    by = st.radio("Rows", ["source", "speaker"], horizontal=True, key="compare_by")
    submitted = st.form_submit_button("Compare")
if submitted and topic.strip():
    with st.spinner("Reading what each says…"):
        st.session_state["comparison"] = compare(assistant, topic.strip(), by=by, options=current_options())

comparison: Comparison | None = st.session_state.get("comparison")
if comparison:
    render_comparison(assistant, comparison, anchor="cmp")
