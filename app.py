"""Corpus Chat in the browser. This file renders; `rag` decides."""

from __future__ import annotations

import streamlit as st

from rag.errors import CorpusChatError
from rag.settings import get_settings
from rag.store import CorpusStore

st.set_page_config(page_title="Corpus Chat", page_icon="📰", layout="wide")


@st.cache_resource
def open_store() -> CorpusStore:
    """One Chroma client per server process, shared by every browser session."""
    return CorpusStore.open(get_settings())


def render_sidebar(store: CorpusStore) -> None:
    """Index status: what is loaded and where it lives."""
    status = store.status()
    with st.sidebar:
        st.header("Index")
        st.markdown(
            f"**{status.articles}** articles · **{status.chunks}** chunks  \n"
            f"Embedder: `{status.embedder}`  \n"
            f"Store: {status.mode} (`{status.location}`)"
        )


def render_articles(store: CorpusStore) -> None:
    """The indexed articles, each with its metadata and text."""
    records = store.list_articles()
    st.subheader(f"Indexed articles ({len(records)})")
    if not records:
        st.info("No articles yet. Run `python -m rag ingest` (or `make run`) to index `corpus/`.")
        return
    st.dataframe(
        [
            {
                "title": r.title,
                "source": r.source,
                "author": r.author,
                "published": r.published,
                "chunks": r.chunk_count,
                "path": r.path,
                "doc_id": r.doc_id,
            }
            for r in records
        ],
        hide_index=True,
        use_container_width=True,
    )
    for r in records:
        with st.expander(r.title):
            st.caption(" · ".join(x for x in (r.source, r.author, r.published, r.path) if x))
            st.text(store.article_text(r.doc_id))


st.title("Corpus Chat")
st.caption("Ask questions of your articles and get answers that cite the exact passages.")
try:
    corpus_store = open_store()
    render_sidebar(corpus_store)
    render_articles(corpus_store)
except CorpusChatError as exc:
    st.error(str(exc))
