"""Assertions several test modules make: a consistent store, the citation contract, exact chunks."""

from __future__ import annotations

from rag.answer import Answer
from rag.chunking import chunk_article
from rag.store import PENDING, CorpusStore
from rag.tokens import count_tokens


def assert_consistent(store: CorpusStore) -> None:
    """No pending article, no orphan or duplicate chunk, and every chunk points into its article."""
    articles = {r.doc_id: r for r in store.list_articles(include_pending=True)}
    assert all(r.status != PENDING for r in articles.values())
    got = store.chunks.get(include=["metadatas", "documents"])
    by_article: dict[str, list[int]] = {}
    texts: dict[str, str] = {}
    for meta, document in zip(got["metadatas"] or [], got["documents"] or [], strict=True):
        doc_id = str(meta["document_id"])
        assert doc_id in articles, f"orphan chunk of {doc_id}"
        if doc_id not in texts:
            texts[doc_id] = store.article_text(doc_id)
        assert texts[doc_id][int(meta["start_char"]) : int(meta["end_char"])] == document
        by_article.setdefault(doc_id, []).append(int(meta["chunk_index"]))
    for doc_id, record in articles.items():
        indexes = sorted(by_article.get(doc_id, []))
        assert indexes == list(range(record.chunk_count)), f"{record.path}: chunks {indexes}"


def assert_citation_contract(answer: Answer, article_texts: dict[str, str]) -> None:
    """Every citation is verbatim at its offsets, and numbers run 1..n by first appearance."""
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    first_seen = []
    for sentence in answer.sentences:
        first_seen += [n for n in sentence.citations if n not in first_seen]
    assert first_seen == [c.n for c in answer.citations]
    for c in answer.citations:
        assert article_texts[c.doc_id][c.start_char : c.end_char] == c.quote
        assert c.path.startswith("corpus/") and c.title


def check_chunks(text: str, max_tokens: int, body_start: int = 0) -> None:
    """Chunks are exact slices, in order, within the token budget, and leave no text out."""
    chunks = chunk_article(text, max_tokens, body_start)
    covered = [False] * len(text)
    previous_end = body_start
    for i, chunk in enumerate(chunks):
        assert chunk.index == i
        assert text[chunk.start_char : chunk.end_char] == chunk.text
        assert chunk.start_char >= previous_end, "chunks overlap or run backwards"
        assert chunk.text == chunk.text.strip() and chunk.text
        assert count_tokens(chunk.text) <= max_tokens
        previous_end = chunk.end_char
        for j in range(chunk.start_char, chunk.end_char):
            covered[j] = True
    lost = [c for j, c in enumerate(text) if j >= body_start and not covered[j] and not c.isspace()]
    assert not lost, f"text left out of every chunk: {''.join(lost)[:80]!r}"
