"""The briefing page: a structured, cited report on a topic, downloadable."""

from __future__ import annotations

import streamlit as st

from rag.briefing import Briefing, brief
from rag.report import briefing_html, briefing_markdown, briefing_pdf
from ui.components import current_options, get_assistant, render_sources

assistant = get_assistant()
st.title("Briefing")
st.caption("Key points, what each article reports, viewpoints, disagreements, figures: every sentence cited.")

with st.form("briefing_form"):
    topic = st.text_input("Topic", key="brief_topic", placeholder="e.g. Japan's military spending")
    submitted = st.form_submit_button("Write the briefing")
if submitted and topic.strip():
    with st.spinner("Writing the briefing…"):
        st.session_state["briefing"] = brief(assistant, topic.strip(), options=current_options())
        st.session_state.pop("briefing_pdf", None)

briefing: Briefing | None = st.session_state.get("briefing")
if briefing:
    markdown, page = briefing_markdown(briefing), briefing_html(briefing)
    md_col, html_col, pdf_col = st.columns(3)
    md_col.download_button("Download .md", markdown, file_name="briefing.md", mime="text/markdown")
    html_col.download_button("Download .html", page, file_name="briefing.html", mime="text/html")
    if pdf_col.button("Make a PDF", key="make_pdf"):
        st.session_state["briefing_pdf"] = briefing_pdf(briefing)
    if st.session_state.get("briefing_pdf"):
        pdf_col.download_button(
            "Download .pdf", st.session_state["briefing_pdf"], file_name="briefing.pdf", mime="application/pdf"
        )
    st.html(page)  # every piece of text in it is escaped by rag.report
    st.subheader("Sources in context")
    render_sources(assistant, briefing.numbering.citations, anchor="brief")
