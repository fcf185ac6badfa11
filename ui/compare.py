"""The compare page: a viewpoint matrix on a topic, with differences and agreements."""

from __future__ import annotations

import streamlit as st

from rag.compare import Comparison, compare
from rag.records import Evidence
from rag.report import comparison_markdown
from ui.components import STYLE, current_options, get_assistant, render_sources
from ui.safe import escape_html, escape_markdown

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
    numbers = comparison.n

    def cites(evidence: list[Evidence]) -> str:
        return "".join(f'<sup><a href="#cmp-{numbers(e)}">[{numbers(e)}]</a></sup>' for e in evidence)

    rows = []
    for cell in comparison.cells:
        label = escape_html(cell.group.label)
        detail = f'<div class="cc-flag">{escape_html(cell.group.detail)}</div>' if cell.group.detail else ""
        if cell.sentences:
            said = " ".join(
                (escape_html(text) if ok else f'<span class="cc-unsupported">{escape_html(text)}</span> ⚠')
                + cites(evidence)
                for text, evidence, ok in cell.sentences
            )
        else:
            said = "<em>nothing found</em>"
        rows.append(f"<tr><td><strong>{label}</strong>{detail}</td><td>{said}</td></tr>")
    table = (
        '<table class="cc-matrix"><thead><tr><th>'
        + escape_html(comparison.by)
        + "</th><th>what it says</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )
    st.html(
        STYLE
        + "<style>.cc-matrix td,.cc-matrix th{border:1px solid #ddd;padding:6px;vertical-align:top}</style>"
        + table
    )
    for heading, contrasts in (
        ("Where they differ", comparison.differences),
        ("Where they agree", comparison.agreements),
    ):
        st.subheader(heading)
        if not contrasts:
            st.caption("None found.")
        for contrast in contrasts:
            sides = "; ".join(
                f"<strong>{escape_html(g)}</strong>: {escape_html(f or 'says')}{cites([e])}"
                for g, e, f in contrast.sides
            )
            st.html(STYLE + f"<div>{escape_html(contrast.what)} — {sides}</div>")
    if comparison.unmentioned:
        st.info("The corpus does not mention " + ", ".join(escape_markdown(t) for t in comparison.unmentioned) + ".")
    st.subheader("Sources")
    render_sources(assistant, comparison.numbering.citations, anchor="cmp")
    st.download_button(
        "Download the comparison (.md)",
        comparison_markdown(comparison),
        file_name="comparison.md",
        mime="text/markdown",
    )
    st.caption(f"{comparison.mode} · {comparison.timings_ms.get('total', 0):.0f} ms")
