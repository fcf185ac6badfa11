"""The Streamlit pages, driven by Streamlit's AppTest: what a user sees and can do."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st

from rag.settings import get_settings
from tests.support.app import ask, html_of, start, turn_scripts
from tests.support.fake_openai import FakeOpenAI, Reply, fake_openai_server
from tests.support.hostile import INJECTION
from tests.support.ingest import IngestFn
from tests.support.project import make_settings


def test_empty_chat_offers_starter_questions_drawn_from_the_corpus(indexed: Path) -> None:
    app = start()
    labels = [b.label for b in app.button]
    assert "What do the sources say about NATO?" in labels
    assert app.button(key="starter-0").label.startswith("What did ")
    sidebar = " ".join(c.value for c in app.sidebar.caption)
    assert "offline: extractive answers" in sidebar and "2 articles · 14 chunks" in sidebar


def test_a_question_gets_a_cited_answer_with_the_quote_shown_in_its_paragraph(indexed: Path) -> None:
    app = ask(start(), "Where did Japan open an official office to NATO?")
    user, reply = app.chat_message
    assert reply.get("html") and user.markdown[0].value == "Where did Japan open an official office to NATO?"
    html = html_of(app)
    assert "opened in Brussels." in html and 'href="#t0-1"' in html
    assert app.expander[0].label == "[1] Japan's militarization and the American plan to fight for Taiwan"
    assert "<mark>In 2022, the Japanese prime minister attended" in html
    assert "Following Tokyo’s accession to QUAD" in html, "the quote is shown inside its paragraph"
    assert app.get("download_button")[0].label == "Download this answer (.md)"
    assert not [b for b in app.button if b.key and b.key.startswith("starter-")], "starters stay after a question"


def test_only_the_run_answering_a_new_question_scrolls_it_into_view(indexed: Path) -> None:
    app = ask(start(), "Where did Japan open an official office to NATO?")
    assert turn_scripts(app) == ["turn-t0", "turn-t0"], "when it is asked, and once its answer is drawn"
    scripts = [b.proto.body for b in app.get("html") if b.proto.body.strip().startswith('<script class="cc-scroll">')]
    ids = set(re.findall(r'asked = "([0-9a-f]{32})"', "".join(scripts)))
    assert len(ids) == 1, "both scripts belong to one question: the user's scroll ends both"
    assert ['phase = "asked"' in s for s in scripts] == [True, False], "asked, then answered"
    app.run()  # a rerun, as an expander, a filter or a reload makes
    assert turn_scripts(app) == [] and len(app.chat_message) == 2
    app.slider(key="top_k").set_value(5).run()
    assert turn_scripts(app) == []
    app = ask(app, "What did Kishida say about the military budget?")
    assert turn_scripts(app) == ["turn-t1", "turn-t1"]


def test_starter_question_button_asks_it(indexed: Path) -> None:
    app = start()
    app.button(key="starter-1").click().run()
    assert app.chat_message[0].markdown[0].value.startswith("What do the sources say about NATO")


def test_follow_up_in_the_chat_uses_the_previous_turn(indexed: Path) -> None:
    app = ask(start(), "What did Foreign Minister Yoshimasa Hayashi say about European security?")
    app = ask(app, "And what example did he cite?")
    assert len(app.chat_message) == 4
    assert any("Understood as: What example did" in c.value and "Hayashi" in c.value for c in app.caption)
    assert "Turkey" in html_of(app)


def test_new_chat_starts_over(indexed: Path) -> None:
    app = ask(start(), "Where did Japan open an official office to NATO?")
    next(b for b in app.button if b.label == "New chat").click().run()
    assert not app.chat_message and app.button(key="starter-0")


def test_an_abstention_is_shown_as_such(indexed: Path) -> None:
    app = ask(start(), "How many submarines does the Japanese navy operate?")
    assert any("No answer in the corpus" in i.value and "submarines" in i.value for i in app.info)
    assert not app.expander or all(not e.label.startswith("[") for e in app.expander)


def test_article_filter_in_the_sidebar_limits_the_sources(indexed: Path) -> None:
    app = start()
    taiwan = next(o for o in app.multiselect(key="f_articles").options if "Taiwan" in o)
    app.multiselect(key="f_articles").set_value([taiwan]).run()
    # the sidebar says the filter is on, though its expander is closed
    assert any(c.value.startswith("Filters on: article") and "Taiwan" in c.value for c in app.sidebar.caption)
    app = ask(app, "What did Kishida say about the military budget?")
    cited = [e.label for e in app.expander if e.label.startswith("[")]
    assert cited and all("Taiwan" in label for label in cited)


def test_article_text_and_model_output_cannot_inject_html(
    app_storage: Path, tmp_path: Path, run_ingest: IngestFn
) -> None:
    folder = tmp_path / "evil"
    folder.mkdir()
    (folder / "evil.txt").write_text(INJECTION, encoding="utf-8")
    run_ingest(make_settings(storage_dir=app_storage), folder)
    app = ask(start(), "What did the harbour chief warn about?")
    html = html_of(app)
    assert "&lt;script&gt;" in html and "<script" not in html
    assert "<img" not in html and "&lt;img" in html
    assert "javascript:" not in html.replace("[official notice](javascript:alert(1))", "")
    shown = " ".join(m.value for m in app.markdown)
    assert "javascript:alert" not in shown or "\\(javascript:alert" in shown


def test_corpus_page_lists_articles_and_removes_one(indexed: Path) -> None:
    app = start()
    app.switch_page("ui/corpus.py").run()
    assert not app.exception, app.exception
    assert app.title[0].value == "Corpus"
    table = app.dataframe[0].value
    assert list(table["chunks"]) == [10, 4]
    choice = app.selectbox(key="remove_choice")
    taiwan = next(o for o in choice.options if "Taiwan" in o)
    choice.set_value(taiwan).run()
    app.button(key="remove").click().run()
    assert not app.exception, app.exception
    assert list(app.dataframe[0].value["title"]) == ["Japan edges towards NATO ahead of the Madrid summit"]
    assert any("Removed" in s.value for s in app.success)
    assert any("is still there" in c.value for c in app.caption)


def test_empty_index_tells_the_user_how_to_fill_it(app_storage: Path) -> None:
    app = start()
    app.switch_page("ui/corpus.py").run()
    assert any("python -m rag ingest" in i.value for i in app.info)


def test_upload_names_cannot_escape_the_storage_folder(app_storage: Path) -> None:
    from rag.library import safe_file_name, save_upload, uploads_dir

    settings = make_settings(storage_dir=app_storage)
    for hostile in ("../../etc/passwd.txt", "..\\..\\boot.ini.md", "/abs/path/x.html", ".hidden.txt", "a\x00b.txt"):
        path = save_upload(settings, hostile, b"Some article text.")
        assert path.parent == uploads_dir(settings).resolve()
        assert not path.name.startswith(".")
    assert safe_file_name("../../etc/passwd.txt") == "passwd.txt"
    assert save_upload(settings, "same.txt", b"one") != save_upload(settings, "same.txt", b"two")
    assert save_upload(settings, "same.txt", b"one").name == "same.txt"


def test_removing_an_uploaded_article_deletes_its_file(app_storage: Path, run_ingest: IngestFn) -> None:
    from rag.library import remove_article, save_upload
    from rag.store import CorpusStore

    settings = make_settings(storage_dir=app_storage)
    path = save_upload(settings, "note.txt", b"A note about harbour budgets in Oslo.")
    run_ingest(settings, path)
    store = CorpusStore.open(settings)
    (record,) = store.list_articles()
    assert remove_article(settings, store, record.doc_id) == []
    assert not path.exists() and store.list_articles() == []


@pytest.fixture
def llm_app(indexed: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAI]:
    """The app on the bundled corpus, answering through the fake OpenAI server (no retries)."""
    with fake_openai_server() as server:
        monkeypatch.setenv("RAG_LLM_MODEL", "test-model")
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
        monkeypatch.setenv("RAG_LLM_RETRIES", "0")
        get_settings.cache_clear()
        st.cache_resource.clear()
        yield server


def test_generative_answers_flag_unsupported_sentences_and_show_the_prompt(llm_app: FakeOpenAI) -> None:
    llm_app.script(
        "Japan opened an official office to the alliance in Brussels [1]. "
        "The office employs four hundred diplomats and a choir of penguins [1]."
    )
    app = start()
    sidebar = " ".join(c.value for c in app.sidebar.caption).replace("\\", "")  # Markdown escapes
    assert "generative: test-model at http://127.0.0.1:" in sidebar
    app = ask(app, "Where did Japan open an office to NATO?")
    html = html_of(app)
    assert 'class="cc-unsupported"' in html and '<span class="cc-flag">unsupported</span>' in html
    assert any("not supported by their citations" in w.value for w in app.warning)
    assert any("Sources:" in c.value for c in app.code), "the debug expander shows the final prompt"


def test_a_yes_no_answer_shows_its_verdict_first(llm_app: FakeOpenAI) -> None:
    llm_app.script("Yes. Japan opened an official office to the alliance in Brussels [1].")
    html = html_of(ask(start(), "Did Japan open an office to NATO in Brussels?"))
    assert '<div class="cc-answer"><strong class="cc-verdict">Yes.</strong><a class="cc-cite"' in html


def test_an_llm_failure_is_one_clear_message_not_a_traceback(llm_app: FakeOpenAI) -> None:
    llm_app.script(Reply(status=500))
    app = ask(start(), "Where did Japan open an office to NATO?")
    assert not app.exception
    (error,) = app.error
    assert error.value.startswith("The answer could not be generated: the LLM at http://127.0.0.1:")
    assert "Traceback" not in error.value


def test_the_sidebar_keeps_top_k_and_filters_when_the_user_switches_pages(indexed: Path) -> None:
    app = start()
    taiwan = next(o for o in app.multiselect(key="f_articles").options if "Taiwan" in o)
    app.slider(key="top_k").set_value(3).run()
    app.multiselect(key="f_articles").set_value([taiwan]).run()
    chosen = app.session_state["ask_options"]
    assert chosen.top_k == 3 and len(chosen.filters.doc_ids) == 1

    app.switch_page("ui/compare.py").run()
    assert not app.exception, app.exception
    assert app.title[0].value == "Compare viewpoints"
    assert app.slider(key="top_k").value == 3 and list(app.multiselect(key="f_articles").values) == [taiwan]
    assert app.session_state["ask_options"] == chosen, "the Compare page reads the same options"
    app.text_input(key="compare_topic").set_value("Japan's military budget")
    next(b for b in app.button if b.label == "Compare").click().run()
    assert not app.exception, app.exception
    comparison = app.session_state["comparison"]
    assert [cell.group.detail for cell in comparison.cells] == [
        "Japan's militarization and the American plan to fight for Taiwan"
    ], "the comparison drew on the filtered article alone"

    app.switch_page("ui/chat.py").run()
    assert not app.exception, app.exception
    assert app.slider(key="top_k").value == 3 and list(app.multiselect(key="f_articles").values) == [taiwan]
    assert app.session_state["ask_options"] == chosen
    app = ask(app, "What did Kishida say about the military budget?")
    (answer,) = app.session_state["turns"]
    found = [p for p in answer.passages if not p.beside]  # then the chunks beside the best two, if not found
    assert len(found) == 3, "top-k 3 still applies on the chat page"
    assert {p.doc_id for p in answer.passages} == set(chosen.filters.doc_ids)


def test_an_answer_shows_its_steps_as_they_ran_with_their_times(indexed: Path) -> None:
    app = ask(start(), "Where did Japan open an official office to NATO?")
    (status,) = app.status
    assert status.label.startswith("Answered in ") and status.label.endswith(" ms")
    assert status.state == "complete"
    steps = " ".join(m.value for m in status.markdown)
    assert "Reading the question" in steps and "Searching the articles" in steps and "Choosing sentences" in steps
    assert "opened in Brussels." in html_of(app), "the answer is shown below its steps"


def test_compare_and_briefing_show_their_steps_and_a_rebuild_its_progress(indexed: Path) -> None:
    app = start()
    app.switch_page("ui/compare.py").run()
    app.text_input(key="compare_topic").set_value("Japan's military budget")
    next(b for b in app.button if b.label == "Compare").click().run()  # the form's submit button
    assert not app.exception, app.exception
    (status,) = app.status
    assert status.label.startswith("Compared in ") and status.state == "complete"
    assert any("where they differ" in m.value for m in status.markdown)
    app.switch_page("ui/briefing.py").run()
    app.text_input(key="brief_topic").set_value("Japan's military spending")
    next(b for b in app.button if b.label == "Write the briefing").click().run()
    assert not app.exception, app.exception
    (status,) = app.status
    assert status.label.startswith("Written in ") and any("Key points:" in m.value for m in status.markdown)
    app.switch_page("ui/corpus.py").run()
    app.button(key="rebuild").click().run()
    assert not app.exception, app.exception
    assert any("articles:" in s.value and "14 chunks written" in s.value for s in app.success), [
        s.value for s in app.success
    ]
