"""End to end in a real browser: `streamlit run app.py`, driven through Debian's chromium."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from rag.chats import chats_path
from rag.settings import Settings
from tests.support.browser import CHROMIUM_FLAGS, chromium, serve
from tests.support.fake_openai import Reply, fake_openai_server, stream_pieces
from tests.support.hostile import HOSTILE_ARTICLE, HOSTILE_REPLY, INJECTION
from tests.support.pdf import write_pdf
from tests.support.project import PROJECT, make_settings

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser
OUTPUT = PROJECT / "test-output" / "browser"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    executable = chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def app_url(bundled_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a copy of the bundled store: the chats it saves stay out of the store other tests share."""
    chromium()
    storage = tmp_path_factory.mktemp("browser-store") / "storage"
    shutil.copytree(bundled_settings.storage_dir, storage)
    yield from serve(storage, tmp_path_factory.mktemp("streamlit"))
    assert not chats_path(bundled_settings).exists(), "the browser tests saved chats into the shared bundled store"


def ask(page: Any, question: str) -> None:
    box = page.get_by_placeholder("Ask about your articles")
    box.wait_for(timeout=90_000)
    box.fill(question)
    box.press("Enter")
    page.get_by_text("Download this answer (.md)").first.wait_for(timeout=90_000)


def open_the_brussels_citation(page: Any) -> None:
    """The answer about Japan's NATO office cites [1]; opening it highlights the quote in its paragraph."""
    answer = page.locator(".cc-answer").first
    assert "opened in Brussels" in answer.inner_text()
    assert answer.locator("a.cc-cite").first.get_attribute("href") == "#t0-1"
    page.locator("summary").filter(has_text="[1] Japan's militarization").click()
    mark = page.locator(".cc-context mark").first
    mark.wait_for(timeout=10_000)
    assert mark.inner_text().startswith("In 2022, the Japanese prime minister attended the bloc’s summit")


def test_a_user_asks_reads_the_cited_quote_in_context_and_opens_the_article(browser: Any, app_url: str) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1100})
    started = time.monotonic()
    page.goto(app_url)
    ask(page, "Where did Japan open an official office to NATO?")
    first_answer_s = time.monotonic() - started
    open_the_brussels_citation(page)
    assert "Following Tokyo’s accession to QUAD" in page.locator(".cc-context").first.inner_text()
    page.wait_for_timeout(800)  # let the expander finish opening
    page.screenshot(path=str(OUTPUT / "answer-with-citation.png"), full_page=True)
    # The whole article, the quote marked in it.
    page.get_by_role("button", name="Read the whole article").first.click()
    dialog = page.get_by_role("dialog")
    dialog.locator("mark#cc-quote").wait_for(timeout=20_000)
    assert "Japan's militarization and the American plan to fight for Taiwan" in dialog.inner_text()
    assert dialog.locator("mark#cc-quote").inner_text().endswith("was opened in Brussels.")
    page.screenshot(path=str(OUTPUT / "whole-article.png"))
    (OUTPUT / "timings.txt").write_text(f"page load to first answer: {first_answer_s:.1f} s\n")
    page.close()


def test_hostile_article_text_stays_text_in_the_browser(browser: Any, tmp_path: Path, local_embedder: Any) -> None:
    from rag.ingest import ingest_paths

    folder = tmp_path / "evil"
    folder.mkdir()
    (folder / "evil.txt").write_text(INJECTION, encoding="utf-8")
    settings = make_settings(storage_dir=tmp_path / "storage")
    ingest_paths(settings, [folder], load_embedder=lambda: local_embedder)
    for url in serve(settings.storage_dir, tmp_path):
        page = browser.new_page()
        page.goto(url)
        ask(page, "What did the harbour chief warn about?")
        page.locator("summary").filter(has_text="[1]").first.click()
        page.locator(".cc-context mark").first.wait_for(timeout=10_000)
        assert "<script>window.pwned = 1</script>" in page.locator(".cc-answer").first.inner_text()
        assert page.evaluate("window.pwned") is None
        assert page.locator('a[href^="javascript:"]').count() == 0
        assert page.locator("img[onerror]").count() == 0
        page.close()


def test_a_pdf_citation_shows_its_page_of_the_original_pdf(browser: Any, tmp_path: Path, local_embedder: Any) -> None:
    from rag.ingest import ingest_paths

    write_pdf(tmp_path / "reports" / "annual" / "report.pdf")
    settings = make_settings(storage_dir=tmp_path / "storage")
    ingest_paths(settings, [tmp_path / "reports"], load_embedder=lambda: local_embedder)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for url in serve(settings.storage_dir, tmp_path):
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.goto(url)
        ask(page, "Where will the new lighthouse stand?")
        page.locator("summary").filter(has_text="· p. 3").first.click()
        image = page.get_by_role("img", name="Page 3 of annual/report.pdf")
        image.wait_for(timeout=20_000)
        page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=image.element_handle(), timeout=20_000)
        assert image.evaluate("i => [i.naturalWidth, i.naturalHeight]") == [1000, 1415]
        assert image.is_visible() and image.bounding_box()["width"] > 300
        caption = page.get_by_text("p. 3 of the original PDF (3 pages) · the quote is marked")
        assert caption.is_visible()
        assert page.get_by_text("Open the original PDF (the quote is on p. 3)").is_visible()
        caption.evaluate("e => e.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(500)
        top = image.bounding_box()
        assert top is not None and 0 <= top["y"] < 1100 - 200, "the top of the page, with its text, is in view"
        page.screenshot(path=str(OUTPUT / "pdf-page.png"))
        page.get_by_role("button", name="Previous page").click()
        page.get_by_role("img", name="Page 2 of annual/report.pdf").wait_for(timeout=20_000)
        assert page.get_by_text("p. 2 of the original PDF (3 pages) · the quote is on p. 3").is_visible()
        page.close()


def test_uploads_are_indexed_and_bad_files_are_named_with_their_reason(
    browser: Any, tmp_path: Path, local_embedder: Any
) -> None:
    good = tmp_path / "port.md"
    good.write_text("---\ntitle: Oslo port budget\n---\nThe Oslo harbour master promised dredging in May.\n")
    bad = tmp_path / "latin.txt"
    bad.write_bytes(b"caf\xe9 au lait")
    for url in serve(tmp_path / "storage", tmp_path):
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.goto(f"{url}/corpus")
        page.get_by_text("No articles yet").wait_for(timeout=90_000)
        page.locator('input[type="file"]').set_input_files([str(good), str(bad)])
        page.get_by_text("latin.txt").wait_for(timeout=10_000)
        page.get_by_role("button", name="Add to the index").click()
        page.get_by_text("1 added").wait_for(timeout=90_000)
        assert page.get_by_text("latin.txt: not valid UTF-8 (byte 0xe9 at offset 3)").is_visible()
        assert page.get_by_text("Indexed articles (1)").is_visible()
        page.get_by_text("Remove an article").wait_for(timeout=30_000)
        page.get_by_text("1 article · 1 chunk").wait_for(timeout=30_000)
        page.screenshot(path=str(OUTPUT / "corpus-upload.png"), full_page=True)
        page.screenshot(path=str(OUTPUT / "corpus-upload.png"), full_page=True)
        # The new article answers questions at once.
        page.goto(url)
        ask(page, "What did the Oslo harbour master promise?")
        assert "dredging in May" in page.locator(".cc-answer").first.inner_text()
        page.close()


def assert_nothing_ran(page: Any) -> None:
    """No injected script ran and no active element made it into the page."""
    assert page.evaluate("window.pwned") is None
    assert page.locator('a[href^="javascript:"], iframe[src^="javascript:"], img[src^="javascript:"]').count() == 0
    assert page.locator("img[onerror], svg[onload], [onclick], [onmouseover]").count() == 0
    assert (
        page.locator("script:not([src])").evaluate_all("els => els.filter(e => e.text.includes('pwned')).length") == 0
    )


def test_hostile_model_output_and_articles_stay_text_on_chat_compare_and_briefing(
    browser: Any, tmp_path: Path, local_embedder: Any
) -> None:
    from rag.ingest import ingest_paths

    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "harbour.md").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    settings = make_settings(storage_dir=tmp_path / "storage")
    ingest_paths(settings, [folder], load_embedder=lambda: local_embedder)
    with fake_openai_server() as llm:
        llm.default_reply = HOSTILE_REPLY
        env = {"RAG_LLM_MODEL": "test-model", "OPENAI_BASE_URL": llm.base_url, "OPENAI_API_KEY": "sk-test"}
        for url in serve(settings.storage_dir, tmp_path, env):
            page = browser.new_page(viewport={"width": 1400, "height": 1100})
            page.goto(url)
            ask(page, "What did the harbour chief warn about?")
            answer = page.locator(".cc-answer").first.inner_text()
            assert "<script>window.pwned = 10</script>" in answer, "the model's markup is shown as text"
            assert '<img src=x onerror="window.pwned=11">' in answer and "javascript:window.pwned=12" in answer
            assert_nothing_ran(page)
            sidebar = page.get_by_test_id("stSidebar").inner_text()
            assert f"generative: test-model at {llm.base_url}" in sidebar, "escaped text shows without backslashes"
            page.goto(f"{url}/compare")
            page.get_by_label("Topic").fill("the harbour chief")
            page.get_by_role("button", name="Compare").click()
            page.locator("table.cc-matrix").wait_for(timeout=90_000)
            page.get_by_text("Download the comparison (.md)").wait_for(timeout=30_000)
            matrix = page.locator("table.cc-matrix").inner_text()
            assert "window.pwned" in matrix and "Harbour <script>window.pwned=1</script> report" in matrix
            assert_nothing_ran(page)
            page.goto(f"{url}/briefing")
            page.get_by_label("Topic").fill("the harbour chief")
            page.get_by_role("button", name="Write the briefing").click()
            page.get_by_text("Sources in context").wait_for(timeout=90_000)
            body = page.locator("body").inner_text()
            assert "<script>window.pwned = 10</script>" in body, "the model's key points, as text"
            assert "<script>window.pwned = 3</script>" in body, "the article's quotes, as text"
            assert_nothing_ran(page)
            page.screenshot(path=str(OUTPUT / "hostile-briefing.png"), full_page=True)
            page.close()


def test_top_k_and_the_article_filter_survive_switching_pages(browser: Any, app_url: str) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1400, "height": 1100})
    page.goto(app_url)
    page.get_by_placeholder("Ask about your articles").wait_for(timeout=90_000)
    sidebar = page.get_by_test_id("stSidebar")
    slider = sidebar.get_by_role("slider")
    slider.focus()
    slider.press("Home")  # the lowest value, 2
    slider.press("ArrowRight")
    expect(slider).to_have_value("3", timeout=30_000)
    sidebar.get_by_text("Filters").click()
    # the slider's change reruns the page: on a loaded machine that rerun may redraw the list just opened
    # and close it, so the list is opened again, as a user would, until its option can be picked
    option = page.get_by_role("option", name="Japan's militarization and the American plan to fight for Taiwan")
    for attempt in range(3):
        sidebar.get_by_role("combobox", name="Articles").click()
        try:
            option.click(timeout=15_000)
            break
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    chosen = sidebar.locator(".st-key-f_articles")  # the Articles multiselect, with its chosen articles
    expect(chosen).to_contain_text("Japan's militarization and the American plan", timeout=30_000)

    def kept(where: str) -> None:
        page.wait_for_timeout(1500)  # let the page's run finish
        expect(slider, f"top-k after switching to {where}").to_have_value("3")
        expect(chosen, f"the article filter after switching to {where}").to_contain_text("Taiwan")
        expect(chosen).not_to_contain_text("Madrid summit")

    sidebar.get_by_role("link", name="Compare").click()
    page.get_by_role("heading", name="Compare viewpoints").wait_for(timeout=90_000)
    kept("Compare")
    sidebar.get_by_role("link", name="Chat").click()
    page.get_by_placeholder("Ask about your articles").wait_for(timeout=90_000)
    kept("Chat")
    ask(page, "What did Kishida say about the military budget?")
    page.get_by_text("Debug: retrieved passages and prompt").first.click()
    debug = page.locator("[data-testid=stExpander]").filter(has_text="Debug: retrieved passages and prompt").first
    debug.get_by_text("3.", exact=False).first.wait_for(timeout=30_000)
    listed = debug.locator("strong").all_inner_texts()
    numbered = [t for t in listed if t.rstrip(".").isdigit()]
    assert numbered[:3] == ["1.", "2.", "3."], "top-k 3 after the round trip"
    # past the three found, only the chunks beside the best two (read across a chunk's edge)
    lines = [t for t in debug.locator("[data-testid=stMarkdownContainer]").all_inner_texts() if "· score" in t]
    assert len(lines) == len(numbered) and sum("beside #" not in t for t in lines) == 3, lines
    assert all("Taiwan" in e.inner_text() for e in page.locator("summary").filter(has_text="] ").all())
    page.screenshot(path=str(OUTPUT / "sidebar-after-page-switches.png"), full_page=True)
    page.close()


def test_a_chat_survives_a_reload_with_its_citation_links(browser: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    question = "Where did Japan open an official office to NATO?"
    page = browser.new_page(viewport={"width": 1400, "height": 1100})
    page.goto(app_url)
    ask(page, question)
    page.wait_for_function("new URLSearchParams(location.search).has('chat')", timeout=30_000)
    sidebar = page.get_by_test_id("stSidebar")
    # the newest chat is listed first (other tests on this server asked the same question)
    expect(sidebar.get_by_role("button", name=question).first).to_be_visible(timeout=30_000)
    page.reload()
    page.get_by_text("Download this answer (.md)").first.wait_for(timeout=90_000)
    assert "chat=" in page.url, "the open chat is still in the URL"
    assert page.get_by_test_id("stChatMessage").count() == 2, "the question and its answer are back"
    assert page.get_by_test_id("stChatMessage").first.inner_text().strip().endswith(question)
    open_the_brussels_citation(page)
    expect(sidebar.get_by_role("button", name=question).first).to_be_visible()
    page.get_by_text("Download the whole chat (.md)").wait_for(timeout=10_000)
    page.wait_for_timeout(800)  # let the expander finish opening
    page.screenshot(path=str(OUTPUT / "chat-after-reload.png"), full_page=True)
    sidebar.get_by_test_id("stPopover").first.locator("button").first.click()  # the chat's ⋮ menu
    menu = page.get_by_test_id("stPopoverBody")
    expect(menu.get_by_role("button", name="Rename")).to_be_visible(timeout=10_000)
    expect(menu.get_by_role("button", name="Delete")).to_be_visible()
    expect(menu.get_by_role("textbox", name="Name")).to_have_value(question)
    page.screenshot(path=str(OUTPUT / "chat-menu.png"))


def test_a_citation_opens_its_source_and_the_article_opens_at_the_quote(browser: Any, app_url: str) -> None:
    page = browser.new_page(viewport={"width": 800, "height": 600})
    page.goto(app_url)
    ask(page, "Where did Japan open an official office to NATO?")
    source = page.locator(".st-key-src-t0-1 details")
    assert source.evaluate("d => d.open") is False, "the source starts closed"
    page.locator("a.cc-cite").first.click()
    page.wait_for_function("document.querySelector('.st-key-src-t0-1 details').open", timeout=10_000)
    mark = page.locator(".st-key-src-t0-1 .cc-context mark")
    mark.wait_for(timeout=10_000)
    page.wait_for_timeout(2000)  # let the opening and the scroll settle
    box, height = mark.bounding_box(), page.viewport_size["height"]
    assert box is not None and 0 <= box["y"] < height, "the opened source is scrolled into view"
    page.screenshot(path=str(OUTPUT / "citation-opened.png"))
    page.locator(".st-key-src-t0-1").get_by_role("button", name="Read the whole article").click()
    quote = page.get_by_role("dialog").locator("mark#cc-quote")
    quote.wait_for(timeout=20_000)
    page.wait_for_timeout(500)
    article = page.get_by_role("dialog").locator(".cc-article")
    assert article.evaluate("a => a.scrollTop") > 0, "the article is scrolled down to the quote"
    inside = article.evaluate(
        """a => { const m = a.querySelector('mark#cc-quote').getBoundingClientRect(), b = a.getBoundingClientRect();
                  return m.top >= b.top && m.top < b.bottom; }"""
    )
    assert inside, "the highlighted quote is in the visible part of the article"
    page.screenshot(path=str(OUTPUT / "whole-article-at-quote.png"))
    page.close()


def scroll_up_to(page: Any, element: Any) -> None:
    """Turn the mouse wheel over the chat, as a user does, until the top of `element` stays in view."""
    page.mouse.move(600, 300)
    for _ in range(20):
        page.mouse.wheel(0, -200)
        page.wait_for_timeout(700)  # the wheel scrolls smoothly; an expander finishes opening
        box = element.bounding_box()
        if box is not None and 0 <= box["y"] < 400:
            break
    page.wait_for_timeout(1000)
    box = element.bounding_box()
    assert box is not None and 0 <= box["y"] < 400, f"scrolled up to it ({box})"


def test_a_new_answer_is_scrolled_into_view_after_reading_a_source_higher_up(browser: Any, app_url: str) -> None:
    """A user reads an opened source higher up and asks again: the question and its answer come into view."""
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1000, "height": 700})
    page.goto(app_url)
    ask(page, "Where did Japan open an official office to NATO?")
    open_the_brussels_citation(page)
    scroll_up_to(page, page.locator(".cc-answer").first)  # to read the answer beside its source
    main = page.get_by_test_id("stAppScrollToBottomContainer")  # the chat page scrolls in it, not the window
    assert main.evaluate("m => m.scrollHeight - m.scrollTop - m.clientHeight") > 200, "the bottom is out of view"
    box = page.get_by_placeholder("Ask about your articles")
    box.fill("What did Kishida say about the military budget?")
    box.press("Enter")
    second = page.locator(".cc-answer").nth(1)
    second.wait_for(state="attached", timeout=90_000)
    page.get_by_text("Download this answer (.md)").nth(1).wait_for(state="attached", timeout=30_000)
    page.wait_for_timeout(3000)  # the run ends and the page settles
    height = page.evaluate("window.innerHeight")
    page.screenshot(path=str(OUTPUT / "new-answer-in-view.png"))
    question = page.get_by_test_id("stChatMessage").nth(2)
    assert "Kishida" in question.inner_text()
    asked, answered = question.bounding_box(), second.bounding_box()
    assert asked is not None and 0 <= asked["y"] < height, f"the question just asked is in view ({asked})"
    assert answered is not None and 0 <= answered["y"] < height - 50, f"the start of its answer is in view ({answered})"
    # An ordinary rerun (a sidebar setting changed) leaves the page where the user has scrolled it.
    scroll_up_to(page, page.locator(".cc-answer").first)
    before = main.evaluate("m => m.scrollTop")
    slider = page.get_by_test_id("stSidebar").get_by_role("slider")
    slider.focus()
    slider.press("ArrowLeft")
    expect(slider).to_have_value("7", timeout=10_000)
    page.wait_for_timeout(3000)  # the rerun runs and the page settles
    assert abs(main.evaluate("m => m.scrollTop") - before) < 5, "a rerun without a new question does not scroll"
    page.close()


# A model answering slowly: it starts after 3 s (the time a hosted model can take to answer at all), then writes
# six paragraphs, more than the view holds below the question, a word every 20 ms (about 3.5 s); each paragraph is
# opened by its ordinal so a test can wait for the stream to reach it.
ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth")
SLOW_ANSWER = "\n\n".join(
    f"{ordinal}, Kishida said that Japan's military budget would keep growing year after year, that the "
    "Self-Defense Forces needed new missiles and ships, and that the country had to pay for it [1]."
    for ordinal in ORDINALS
)


def top_in_view(element: Any, height: float) -> bool:
    """Whether the top of `element` is on screen, with room below it to read a line or two."""
    box = element.bounding_box()
    return box is not None and 0 <= box["y"] < height - 50


def settled_scroll_top(page: Any, main: Any) -> float:
    """The scroll position of `main` once a smooth scroll has come to rest (the same for 300 ms)."""
    last = main.evaluate("m => m.scrollTop")
    for _ in range(30):
        page.wait_for_timeout(300)
        now = main.evaluate("m => m.scrollTop")
        if now == last:
            return float(now)
        last = now
    raise AssertionError("the page kept scrolling")


def ask_slowly_answered(page: Any, llm: Any, question: str, pause_before: str = "") -> tuple[Any, Any]:
    """Ask a follow-up the fake model condenses at once and answers with SLOW_ANSWER, pausing 15 s before the
    paragraph opened by `pause_before` (if given: a slow machine cannot finish the answer before a test has acted
    while it is written); the turn's two messages."""
    reply = Reply(text=SLOW_ANSWER, delay_seconds=3, chunk_seconds=0.02)
    if pause_before:
        reply.stall_after = len(stream_pieces(SLOW_ANSWER[: SLOW_ANSWER.index(pause_before)]))
        reply.stall_seconds = 15
    llm.script(question, reply)
    turn = page.locator(f".st-key-turn-t{page.locator('[class*=st-key-turn-t]').count()}")
    box = page.get_by_placeholder("Ask about your articles")
    box.fill(question)
    box.press("Enter")
    return turn.get_by_test_id("stChatMessage").first, turn.get_by_test_id("stChatMessage").nth(1)


def test_a_streaming_answer_keeps_its_question_in_view_and_leaves_the_user_s_scrolling_alone(
    browser: Any, bundled_settings: Settings, llm: Any, tmp_path: Path
) -> None:
    """With an LLM that streams slowly: after reading a source higher up, a new question stays in view while its
    answer is written and once it is done; a user who scrolls while it is written is left where they scrolled."""
    import shutil

    from playwright.sync_api import expect

    storage = tmp_path / "storage"
    shutil.copytree(bundled_settings.storage_dir, storage)
    llm.script("Japan's official office to NATO was opened in Brussels [1].")
    env = {"RAG_LLM_MODEL": "test-model", "OPENAI_BASE_URL": llm.base_url, "OPENAI_API_KEY": "sk-test"}
    for url in serve(storage, tmp_path, env):
        page = browser.new_page(viewport={"width": 1000, "height": 700})
        height = 700
        page.goto(url)
        ask(page, "Where did Japan open an official office to NATO?")
        open_the_brussels_citation(page)
        scroll_up_to(page, page.locator(".cc-answer").first)
        main = page.get_by_test_id("stAppScrollToBottomContainer")
        downloads = page.get_by_text("Download this answer (.md)")
        # 1. Asked and left alone: the question stays in view while the answer streams, and at its end.
        question, answer = ask_slowly_answered(page, llm, "What did Kishida say about the military budget?")
        for ordinal in ("Second", "Fourth", "Fifth"):
            expect(answer).to_contain_text(f"{ordinal}, Kishida", timeout=60_000)
            assert downloads.count() == 1, "the answer is still being written"
            page.screenshot(path=str(OUTPUT / f"streaming-{ordinal.lower()}.png"))
            assert top_in_view(question, height), f"{ordinal}: the question is in view while the answer streams"
        box = question.bounding_box()
        assert box is not None and box["y"] < height / 4, "the answer is written in view, below its question at the top"
        downloads.nth(1).wait_for(state="attached", timeout=30_000)
        page.wait_for_timeout(3000)  # the run ends and the page settles
        page.screenshot(path=str(OUTPUT / "streamed-answer-in-view.png"))
        assert top_in_view(question, height), "the question is in view once its answer is written"
        assert top_in_view(answer.locator(".cc-answer"), height), "the start of its answer is in view"
        # 2. The user scrolls while the next answer is written: the page stays where they put it.
        previous = answer
        question, answer = ask_slowly_answered(page, llm, "What did Kishida say about the missiles?", "Fourth")
        expect(answer).to_contain_text("Third, Kishida", timeout=60_000)
        page.mouse.move(600, 300)
        page.mouse.wheel(0, -300)  # back up, to the previous answer
        settled_scroll_top(page, main)
        seen = previous.bounding_box()  # where the previous answer stands on the screen, as the user left it
        page.screenshot(path=str(OUTPUT / "streaming-user-scrolled.png"))
        assert downloads.count() == 2, "the user scrolled while the answer was being written"
        downloads.nth(2).wait_for(state="attached", timeout=45_000)
        page.wait_for_timeout(3000)  # the run ends and the page settles
        page.screenshot(path=str(OUTPUT / "streamed-after-user-scrolled.png"))
        # what the user sees stays put (the scroll offset itself may move as the browser anchors the view while the
        # page above it is drawn again at the run's end)
        now = previous.bounding_box()
        assert seen is not None and now is not None
        assert abs(now["y"] - seen["y"]) < 5, "the page stays where the user scrolled it"
        page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_is_legible_in_the_light_and_the_dark_theme(browser: Any, app_url: str, scheme: str) -> None:
    from tests.support.contrast import AA_NORMAL_TEXT, low_contrast, text_contrasts

    shots = OUTPUT / "themes"
    shots.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1100}, color_scheme=scheme)
    page.goto(app_url)
    ask(page, "Where did Japan open an official office to NATO?")
    page.locator("a.cc-cite").first.click()  # a source open, its quote highlighted
    page.locator(".st-key-src-t0-1 .cc-context mark").wait_for(timeout=10_000)
    background = page.evaluate("getComputedStyle(document.querySelector('.stApp')).backgroundColor")
    channels = [int(v) for v in background[background.index("(") + 1 : background.index(")")].split(",")[:3]]
    assert (sum(channels) / 3 > 128) == (scheme == "light"), f"the {scheme} theme is shown ({background})"

    def check(name: str) -> None:
        page.wait_for_timeout(1500)  # the expanders finish opening, the status boxes close
        page.screenshot(path=str(shots / f"{name}-{scheme}.png"), full_page=True)
        measured = text_contrasts(page)
        assert len(measured) > 10, f"{name}: the text on the page was measured"
        failing = low_contrast(page)
        assert not failing, f"{name} in {scheme}: text below {AA_NORMAL_TEXT}:1: {failing}"

    check("chat")
    page.goto(f"{app_url}/compare")
    page.get_by_label("Topic").fill("Japan's military budget")
    page.get_by_role("button", name="Compare").click()
    page.get_by_text("Download the comparison (.md)").wait_for(timeout=90_000)
    page.locator("summary").filter(has_text="[1]").first.click()
    check("compare")
    page.goto(f"{app_url}/briefing")
    page.get_by_label("Topic").fill("Japan's military spending")
    page.get_by_role("button", name="Write the briefing").click()
    page.get_by_text("Sources in context").wait_for(timeout=90_000)
    footnotes = page.locator(".cc-briefing ol.footnotes")
    assert footnotes.locator("li").count() > 0, "the briefing's sources list is shown"
    check("briefing")
    footnotes.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / f"briefing-sources-{scheme}.png"))
    page.goto(f"{app_url}/corpus")
    page.get_by_text("Indexed articles (2)").wait_for(timeout=90_000)
    check("corpus")
    page.close()


def test_the_corpus_table_shows_each_article_s_date_beside_a_long_title(
    browser: Any, tmp_path: Path, local_embedder: Any
) -> None:
    """On a laptop screen, beside the sidebar, the date is in view: a long title does not push it out of sight."""
    from rag.ingest import ingest_paths

    folder = tmp_path / "long"
    folder.mkdir()
    title = "How the harbour council's tide-gate vote, the ferry operators' strike and the dredging contract " * 2
    for number, day in ((1, "2024-03-05"), (2, "2024-03-19")):
        (folder / f"harbour-{number}.md").write_text(
            f"---\ntitle: {title.strip()} (part {number})\nsource: The Harbour Gazette and Evening Courier\n"
            f"author: Margarethe Oyelaran-Lindqvist\npublished: {day}\n---\n"
            "The council voted to close the tide gates at night. The ferry operators said the strike would go on.\n",
            encoding="utf-8",
        )
    settings = make_settings(storage_dir=tmp_path / "storage")
    ingest_paths(settings, [folder], load_embedder=lambda: local_embedder)
    for url in serve(settings.storage_dir, tmp_path):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{url}/corpus")
        page.get_by_text("Indexed articles (2)").wait_for(timeout=90_000)
        grid = page.locator("[data-testid=stDataFrame]").first
        grid.locator("[role=columnheader]").first.wait_for(state="attached", timeout=30_000)
        # the grid draws on a canvas; its accessible table holds the cells in view
        headers = [h.inner_text().strip() for h in grid.locator("[role=columnheader]").all()]
        assert headers[:4] == ["title", "source", "author", "published"], headers
        assert grid.locator("[role=gridcell]", has_text="2024-03-19").count() == 1
        page.screenshot(path=str(OUTPUT / "corpus-table.png"))
        page.close()
