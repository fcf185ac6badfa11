"""Embedders: the bundled one works offline; a configured endpoint gets exactly our requests."""

from __future__ import annotations

import math
import socket
from pathlib import Path

import pytest
from llama_index.core.base.embeddings.base import BaseEmbedding

from rag.errors import ConfigError
from rag.models import build_embedder, embedder_id
from rag.store import CorpusStore
from tests.support.fake_openai import fake_openai_server, fake_vector
from tests.support.project import make_settings


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_the_suite_blocks_outbound_connections() -> None:
    from pytest_socket import SocketConnectBlockedError

    # 192.0.2.1 is TEST-NET-1: never routed, and the plugin stops the call before any packet.
    with pytest.raises(SocketConnectBlockedError, match=r"192\.0\.2\.1"):
        socket.create_connection(("192.0.2.1", 80), timeout=1)


def test_bundled_embedder_gives_normalised_384_dim_vectors_offline(local_embedder: BaseEmbedding) -> None:
    vectors = local_embedder.get_text_embedding_batch(["Japan opened an office in Brussels.", "Budget of $56 billion."])
    assert [len(v) for v in vectors] == [384, 384]
    assert all(abs(math.sqrt(sum(x * x for x in v)) - 1) < 1e-3 for v in vectors)
    near = local_embedder.get_query_embedding("Where is Japan's NATO office?")
    similarity = [sum(a * b for a, b in zip(near, v, strict=True)) for v in vectors]
    assert similarity[0] > similarity[1]


def test_openai_embeddings_go_to_the_configured_endpoint() -> None:
    with fake_openai_server() as server:
        settings = make_settings(
            embed_model="text-embedding-3-small", openai_base_url=server.base_url, openai_api_key="k"
        )
        embedder = build_embedder(settings)
        vectors = embedder.get_text_embedding_batch(["one", "two"])
    assert vectors == [fake_vector("one"), fake_vector("two")]
    path, body = server.requests[0]
    assert path == "/v1/embeddings"
    assert body["model"] == "text-embedding-3-small" and body["input"] == ["one", "two"]
    assert embedder_id(settings) == "openai/text-embedding-3-small"


def test_a_remote_embedder_without_key_or_endpoint_is_a_config_error_not_a_silent_fallback() -> None:
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        build_embedder(make_settings(embed_model="text-embedding-3-small"))


def test_rebuild_switches_the_index_to_the_newly_configured_embedder(tmp_path: Path, corpus_dir: Path) -> None:
    from rag.ingest import ingest_paths

    storage = tmp_path / "storage"
    with fake_openai_server() as server:
        remote = make_settings(
            storage_dir=storage,
            embed_model="text-embedding-3-small",
            openai_base_url=server.base_url,
            openai_api_key="k",
        )
        ingest_paths(remote, [corpus_dir])
        store = CorpusStore.open(remote)
        assert store.embedder == "openai/text-embedding-3-small"
        chunks = store.count_chunks()
        other = make_settings(
            storage_dir=storage,
            embed_model="text-embedding-3-large",
            openai_base_url=server.base_url,
            openai_api_key="k",
        )
        report = ingest_paths(other, [], rebuild=True)
    assert len(report.added) == 2
    store = CorpusStore.open(other)
    assert store.embedder == "openai/text-embedding-3-large"
    assert store.count_chunks() == chunks
    assert {body["model"] for _, body in server.requests} == {"text-embedding-3-small", "text-embedding-3-large"}


def test_a_question_s_searches_are_embedded_by_an_endpoint_in_one_request(tmp_path: Path, corpus_dir: Path) -> None:
    """A question searched by its parts (here its halves, the first a description too long to ask alone) sends
    the endpoint one request for every text it searches with, and none twice."""
    from rag.assistant import Assistant
    from rag.ingest import ingest_paths

    with fake_openai_server() as server:
        settings = make_settings(
            storage_dir=tmp_path / "storage",
            embed_model="text-embedding-3-small",
            openai_base_url=server.base_url,
            openai_api_key="k",
        )
        ingest_paths(settings, [corpus_dir])
        assistant = Assistant.open(settings)
        before = len(server.requests)
        question = (
            "Which country, whose prime minister has promised to double its defence spending over the next five "
            "years and to buy missiles that can strike far away, opened an office to NATO, and where is it?"
        )
        answer = assistant.ask(question)
        sent = [body["input"] for path, body in server.requests[before:] if path == "/v1/embeddings"]
    assert not answer.error
    texts = [text for batch in sent for text in (batch if isinstance(batch, list) else [batch])]
    assert len(sent[0]) >= 3 and question in sent[0], "the question and its halves go in the first request"
    assert len(texts) == len(set(texts)), "no text is embedded twice"
