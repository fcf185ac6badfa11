"""The corpus page: what is indexed, uploads, removals, a rebuild."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from rag.errors import ArticleError
from rag.library import save_upload
from rag.settings import get_settings
from ui.components import get_assistant
from ui.safe import escape_markdown

UPLOAD_TYPES = ["txt", "md", "markdown", "html", "htm", "pdf"]
# Widths (pixels) that keep title, source, author and date in view beside the sidebar on a laptop screen: left to
# itself the table sizes the title to the longest one and pushes the date out of sight. A title cut short is
# shown whole on hover.
CORPUS_COLUMNS = {
    "title": st.column_config.TextColumn("title", width=340),
    "source": st.column_config.TextColumn("source", width=170),
    "author": st.column_config.TextColumn("author", width=140),
    "published": st.column_config.TextColumn("published", width=100),
    "chunks": st.column_config.NumberColumn("chunks", width=70),
}


def waiting_notice() -> Callable[[str], None]:
    """Shows, where it is called, that a change waits for another ingest of the store to finish."""
    slot = st.empty()

    def show(line: str) -> None:
        slot.info(line[:1].upper() + line[1:])

    return show


assistant = get_assistant()
settings = get_settings()
st.title("Corpus")
for level, notice in st.session_state.pop("corpus_notices", []):  # messages from before a rerun
    getattr(st, level)(escape_markdown(notice))

records = assistant.articles()
st.subheader(f"Indexed articles ({len(records)})")
if records:
    st.dataframe(
        [
            {
                "title": r.title,
                "source": r.source,
                "author": r.author,
                "published": r.published,
                "chunks": r.chunk_count,
                "file": r.name,
                "doc_id": r.doc_id,
            }
            for r in records
        ],
        hide_index=True,
        width="stretch",
        column_config=CORPUS_COLUMNS,
    )
else:
    st.info("No articles yet: upload some below, or run `python -m rag ingest` on a folder.")

st.subheader("Add articles")
with st.form("upload", clear_on_submit=True):
    files = st.file_uploader("Text, Markdown, HTML or PDF files", type=UPLOAD_TYPES, accept_multiple_files=True)
    submitted = st.form_submit_button("Add to the index")
if submitted and files:
    saved = []
    failed: list[tuple[str, str]] = []
    for upload in files:
        try:
            saved.append(save_upload(settings, upload.name, upload.getvalue()))
        except ArticleError as exc:
            failed.append((upload.name, str(exc)))
    progress = st.progress(0.0, text="Embedding…")

    def show_progress(done: int, total: int) -> None:
        progress.progress(done / max(total, 1), text=f"Embedding {done}/{total} chunks")

    report = assistant.add_files(saved, on_progress=show_progress, on_wait=waiting_notice())
    notices = [("success", report.summary())]
    notices += [("error", f"{name.rsplit('/', 1)[-1]}: {reason}") for name, reason in failed + report.skipped]
    notices += [("warning", f"{name.rsplit('/', 1)[-1]}: {warning}") for name, warning in report.warnings]
    st.session_state["corpus_notices"] = notices
    st.rerun()  # show the list as it is now

if records:
    st.subheader("Remove an article")
    titles = {r.doc_id: f"{r.title} ({r.name})" for r in records}
    doomed = st.selectbox("Article", list(titles), format_func=lambda d: titles[d], key="remove_choice")
    if st.button("Remove from the index", key="remove"):
        with st.spinner("Removing…"):
            kept = assistant.remove(doomed, on_wait=waiting_notice())
        notices = [("success", f"Removed {titles[doomed]}.")]
        if kept:
            notices.append(
                ("caption", f"Its file {', '.join(kept)} is still there: ingesting its folder brings it back.")
            )
        st.session_state["corpus_notices"] = notices
        st.rerun()

st.subheader("Rebuild the index")
st.caption(
    "Embeds every known article again into a new index (needed after changing the embedder); "
    "questions are answered from the current one until the new one is complete."
)
if st.button("Rebuild the index", key="rebuild"):
    with st.status("Rebuilding the index…") as status:
        progress = st.progress(0.0, text="Reading the articles…")

        def show_rebuild(done: int, total: int) -> None:
            progress.progress(done / max(total, 1), text=f"Embedding {done}/{total} chunks")

        report = assistant.rebuild(on_progress=show_rebuild, on_wait=waiting_notice())
        status.update(label=f"Rebuilt: {report.summary()}", state="complete")
    st.session_state["corpus_notices"] = [("success", report.summary())]
    st.rerun()
