"""Many users at once through one shared Assistant: no errors, no cross-talk between them."""

from __future__ import annotations

import json
import statistics
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from llama_index.core.base.embeddings.base import BaseEmbedding

from rag.answer import Answer
from rag.assistant import Assistant
from rag.conversation import Turn
from rag.ingest import ingest_lock, ingest_paths
from rag.settings import Settings
from tests.support.browser import CHROMIUM_FLAGS, chromium, serve
from tests.support.cli import rag
from tests.support.project import BUNDLED_CORPUS, make_settings

DEV_SET = Path("/work/shared/eval/dev.jsonl")
THREADS = 16
ROUNDS = 3

# Follow-ups: (the earlier question, the follow-up), asked with the earlier turn as history.
FOLLOW_UPS = [
    ("What did Foreign Minister Yoshimasa Hayashi say about European security?", "And what example did he cite?"),
    ("Where did Japan open an official office to NATO?", "When did it open?"),
    ("Which navies held joint maneuvers with the Japanese Naval Self-Defense Forces?", "Which of them is in Europe?"),
    ("What share of GDP will Japan's military budget not fall below?", "Who set that target?"),
]

Item = tuple[str, tuple[Turn, ...]]


def work_items(assistant: Assistant) -> list[Item]:
    """The dev questions, then follow-ups that carry the earlier turn's real answer."""
    lines = DEV_SET.read_text(encoding="utf-8").splitlines()
    items: list[Item] = [(json.loads(line)["question"], ()) for line in lines if line.strip()]
    for first, follow in FOLLOW_UPS:
        items.append((follow, (Turn(first, assistant.ask(first).text),)))
    return items


def fingerprint(answer: Answer) -> tuple[Any, ...]:
    """What a user sees: the text, each citation and where it points, the abstention, the error."""
    cites = tuple((c.n, c.doc_id, c.start_char, c.end_char, c.quote, c.supported) for c in answer.citations)
    return (answer.question, answer.standalone_question, answer.text, cites, answer.abstained, answer.error)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]


def hammer(assistant: Assistant, items: list[Item], threads: int, rounds: int) -> tuple[list[str], list[float]]:
    """`threads` users, each asking a different item per round, all rounds in parallel.

    Returns the mismatches (an error or an answer unlike the one asked alone) and latencies.
    """
    expected = {item: fingerprint(assistant.ask(item[0], item[1])) for item in items}
    start = threading.Barrier(threads)
    problems: list[str] = []
    latencies: list[float] = []
    lock = threading.Lock()

    def user(index: int) -> None:
        start.wait(timeout=60)
        for round_ in range(rounds):
            item = items[(index + round_ * threads) % len(items)]
            began = time.perf_counter()
            try:
                got = fingerprint(assistant.ask(item[0], item[1]))
            except Exception as exc:  # any failure of a user is the finding
                with lock:
                    problems.append(f"user {index} round {round_}: {type(exc).__name__}: {exc}")
                continue
            elapsed = time.perf_counter() - began
            with lock:
                latencies.append(elapsed)
                if got != expected[item]:
                    problems.append(
                        f"user {index} round {round_}: {item[0]!r} got {got[2]!r}, alone {expected[item][2]!r}"
                    )

    workers = [threading.Thread(target=user, args=(i,), daemon=True) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=240)
    assert not any(w.is_alive() for w in workers), "a user hung"
    return problems, latencies


@pytest.mark.timeout(400)
def test_sixteen_users_share_one_assistant_without_errors_or_cross_talk(assistant: Assistant) -> None:
    items = work_items(assistant)
    assert len(items) >= THREADS
    problems, latencies = hammer(assistant, items, THREADS, ROUNDS)
    assert not problems, "\n".join(problems[:10])
    assert len(latencies) == THREADS * ROUNDS
    print(
        f"\n{THREADS} users x {ROUNDS} rounds (embedded Chroma): p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {p95(latencies) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
    )


@pytest.mark.server
@pytest.mark.timeout(400)
def test_sixteen_users_on_the_chroma_server(
    chroma_server: tuple[str, int], tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    host, port = chroma_server
    settings: Settings = make_settings(
        storage_dir=tmp_path / "storage",
        chroma_host=host,
        chroma_port=port,
        collection_prefix=f"c{uuid.uuid4().hex[:10]}",
    )
    ingest_paths(settings, [BUNDLED_CORPUS], load_embedder=lambda: local_embedder)
    assistant = Assistant.open(settings, embedder=local_embedder)
    items = work_items(assistant)
    problems, latencies = hammer(assistant, items, THREADS, 1)
    assert not problems, "\n".join(problems[:10])
    print(f"\n{THREADS} users x 1 round (Chroma server): p95 {p95(latencies) * 1000:.0f} ms")


@pytest.mark.timeout(400)
def own_store(tmp_path: Path, corpus_dir: Path, embedder: BaseEmbedding) -> Assistant:
    """An Assistant open on the bundled corpus, ingested into a store of this test's own."""
    settings = make_settings(storage_dir=tmp_path / "storage")
    ingest_paths(settings, [corpus_dir], load_embedder=lambda: embedder)
    return Assistant.open(settings, embedder=embedder)


def test_users_keep_getting_the_same_answers_while_an_article_is_added(
    tmp_path: Path, corpus_dir: Path, local_embedder: BaseEmbedding
) -> None:
    """Eight users ask while an upload is ingested and the indexes are swapped under them."""
    assistant = own_store(tmp_path, corpus_dir, local_embedder)
    items = work_items(assistant)[:8]
    expected = {item: fingerprint(assistant.ask(item[0], item[1])) for item in items}
    extra = tmp_path / "upload"
    extra.mkdir()
    (extra / "oslo.md").write_text(
        "---\ntitle: Oslo port budget\n---\nThe Oslo harbour master promised dredging in May.\n", encoding="utf-8"
    )
    problems: list[str] = []
    done = threading.Event()

    def upload() -> None:
        try:
            report = assistant.add_files([extra / "oslo.md"])  # as the Corpus page does
            assert len(report.added) == 1 and not report.skipped
            assert not assistant.refresh(), "add_files already swapped the new indexes in"
        except Exception as exc:  # reported below
            problems.append(f"upload: {type(exc).__name__}: {exc}")
        finally:
            done.set()

    def user(item: Item) -> None:
        for _ in range(3):
            try:
                got = fingerprint(assistant.ask(item[0], item[1]))
                records = assistant.articles()
                assert records is not None and len(records) in (2, 3)
            except Exception as exc:  # any failure of a user is the finding
                problems.append(f"{item[0]!r}: {type(exc).__name__}: {exc}")
                continue
            if got != expected[item]:
                problems.append(f"{item[0]!r}: got {got[2]!r}, before {expected[item][2]!r}")

    workers = [threading.Thread(target=user, args=(item,), daemon=True) for item in items]
    workers.append(threading.Thread(target=upload, daemon=True))
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
    assert done.is_set() and not any(w.is_alive() for w in workers)
    assert not problems, "\n".join(problems[:10])
    answer = assistant.ask("What did the Oslo harbour master promise?")
    assert "dredging in May" in answer.text and len(assistant.articles()) == 3


def test_an_article_the_command_line_adds_is_found_by_an_open_assistant(
    tmp_path: Path, corpus_dir: Path, local_embedder: BaseEmbedding
) -> None:
    """`rag ingest` in another process while the app runs: the next question finds the article, by its outlet too."""
    assistant = own_store(tmp_path, corpus_dir, local_embedder)
    settings = assistant.settings
    assert assistant.ask("What did the Oslo harbour master promise?").abstained
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "oslo.md").write_text(
        "---\ntitle: Oslo port budget\nsource: Fjord Ledger\n---\nThe Oslo harbour master promised dredging in May.\n",
        encoding="utf-8",
    )
    done = rag("ingest", str(extra), storage=settings.storage_dir, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    answer = assistant.ask("What did the Oslo harbour master promise?")
    assert "dredging in May" in answer.text
    assert "Fjord Ledger" in {r.source for r in assistant.articles()}
    answer = assistant.ask("According to the Fjord Ledger, what did the Oslo harbour master promise?")
    assert "dredging in May" in answer.text and not answer.abstained
    retrieval = assistant.retrieve("Oslo harbour master dredging")  # found by meaning as well as by words
    assert retrieval.passages[0].text.startswith("The Oslo harbour master promised dredging")


def test_an_open_assistant_keeps_its_index_while_an_ingest_runs_and_reads_the_store_after(
    tmp_path: Path, corpus_dir: Path, local_embedder: BaseEmbedding
) -> None:
    assistant = own_store(tmp_path, corpus_dir, local_embedder)
    settings = assistant.settings
    assert not assistant.follow_rebuild()  # nothing changed
    with ingest_lock(settings):  # another ingest is writing
        assistant.store.touch()
        assert not assistant.follow_rebuild()
    assert assistant.follow_rebuild()  # it is over: the store is read again
    assert not assistant.follow_rebuild()
    assert assistant.ask("What did Japan's prime minister attend in 2022?").citations


@pytest.fixture(scope="module")
def streamlit_url(bundled_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One `streamlit run` of the app over the bundled corpus, for every browser user."""
    chromium()
    yield from serve(bundled_settings.storage_dir, tmp_path_factory.mktemp("streamlit-concurrency"))


@pytest.mark.browser
@pytest.mark.timeout(400)
def test_five_browser_users_chatting_at_once_each_see_only_their_own_conversation(streamlit_url: str) -> None:
    """Five Playwright contexts (separate cookies and sessions) ask at the same moment."""
    asks = {
        "In what year was the tripartite bloc of Japan, Germany and Italy created?": "1940",
        "Where was the NATO summit that Kishida attended held?": "Madrid",
        "Which Japanese television corporation reported Kishida's plans for the summit?": "NHK",
        "Where did Japan open an official office to NATO?": "Brussels",
        "What share of GDP will Japan's military budget not fall below?": "2 percent",
    }
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium()), args=CHROMIUM_FLAGS)
        try:
            chat_at_once(browser, streamlit_url, asks)
        finally:
            browser.close()


def chat_at_once(browser: Any, url: str, asks: dict[str, str]) -> None:
    """Each question in its own browser context, all sent before any answer is read."""
    contexts = [browser.new_context(viewport={"width": 1200, "height": 1000}) for _ in asks]
    pages = [context.new_page() for context in contexts]
    try:
        for page in pages:
            page.goto(url)
        for page in pages:
            page.get_by_placeholder("Ask about your articles").wait_for(timeout=90_000)
        for page, question in zip(pages, asks, strict=True):  # all five are sent before any is read
            box = page.get_by_placeholder("Ask about your articles")
            box.fill(question)
            box.press("Enter")
        for page, (question, must) in zip(pages, asks.items(), strict=True):
            page.get_by_text("Download this answer (.md)").first.wait_for(timeout=180_000)
            messages = page.locator('[data-testid="stChatMessage"]')
            assert messages.count() == 2, "one question, one answer"
            assert messages.nth(0).inner_text().strip().endswith(question)  # after the avatar icon
            assert must in page.locator(".cc-answer").first.inner_text()
            # the conversation: the sidebar lists every saved chat of this storage folder (no accounts)
            shown = page.locator(".stMainBlockContainer").first.inner_text()
            others = [q for q in asks if q != question]
            assert not [q for q in others if q in shown], f"another user's question in {question!r}'s conversation"
    finally:
        for context in contexts:
            context.close()
