"""Offline answers: verbatim cited sentences, honest abstention, follow-ups, the ask CLI."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from rag.conversation import Turn, resolve_follow_up
from rag.evaluation import load_eval_set
from tests.support.app import ask, start
from tests.support.checks import assert_citation_contract
from tests.support.cli import CliRun, rag_ask
from tests.support.project import PROJECT, make_settings

DEV_SET = PROJECT.parent / "shared" / "eval" / "dev.jsonl"


@pytest.mark.skipif(not DEV_SET.exists(), reason="../shared/eval/dev.jsonl is not beside the project")
def test_every_answerable_dev_question_gets_verbatim_citations_and_the_rest_abstain(
    assistant: Any, article_texts: dict[str, str]
) -> None:
    for q in load_eval_set(DEV_SET):
        answer = assistant.ask(q.question)
        if q.answerable:
            assert not answer.abstained, q.question
            assert answer.citations, q.question
            assert_citation_contract(answer, article_texts)
            # Sentence-level quotes, not whole chunks.
            assert all(len(c.quote) < 600 for c in answer.citations)
        else:
            assert answer.abstained and not answer.citations, q.question


def test_extractive_answer_is_made_of_the_quoted_sentences(assistant: Any, article_texts: dict[str, str]) -> None:
    answer = assistant.ask("In what year was the tripartite bloc of Japan, Germany and Italy created?")
    assert "1940" in answer.text
    assert answer.mode == "extractive" and answer.sentences
    for sentence in answer.sentences:
        quoted = [c.quote for c in answer.citations if c.n in sentence.citations]
        assert quoted == [sentence.text] and sentence.supported
    assert_citation_contract(answer, article_texts)
    assert set(answer.timings_ms) >= {"embed", "retrieve", "answer", "total"}


def test_a_question_about_something_the_corpus_never_mentions_is_declined(assistant: Any) -> None:
    answer = assistant.ask("What did the Peruvian president say about lithium mining?")
    assert answer.abstained and not answer.citations
    # the name is the reason ("lithium" is an ordinary word: its absence alone declines nothing)
    assert "does not mention" in answer.text and "Peruvian" in answer.text


def test_a_comparative_question_cites_both_articles(assistant: Any) -> None:
    answer = assistant.ask("Do the sources agree that Kishida was the first Japanese prime minister at a NATO summit?")
    assert len({c.doc_id for c in answer.citations}) == 2


def test_a_follow_up_question_is_resolved_with_the_previous_turn(assistant: Any) -> None:
    first = assistant.ask("What did Foreign Minister Yoshimasa Hayashi say about European security?")
    assert "Hayashi" in first.text
    history = [Turn(first.question, first.text)]
    follow_up = assistant.ask("And what example did he cite?", history)
    assert "Hayashi" in follow_up.standalone_question
    assert any("Turkey" in c.quote for c in follow_up.citations)


def test_follow_up_rules_replace_pronouns_and_carry_over_bare_questions() -> None:
    history = [Turn("What did Kishida say about the NATO summit?", "...")]
    assert resolve_follow_up("and what did he say about Taiwan?", history) == "What did Kishida say about Taiwan?"
    assert resolve_follow_up("What about Australia?", history) == "Australia? (kishida nato summit)"
    assert resolve_follow_up("Where is Brussels?", history) == "Where is Brussels?"
    assert resolve_follow_up("and what did he say?", []) == "and what did he say?"


def test_ask_json_answers_one_question_per_stdin_line_in_one_process(
    bundled_settings: Any, article_texts: dict[str, str]
) -> None:
    questions = (
        "Where did Japan open an official office to NATO?\n\nHow many submarines does the Japanese navy operate?\n"
    )
    result = rag_ask("--json", stdin=questions, storage=bundled_settings.storage_dir)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["question"] for d in lines] == [q for q in questions.splitlines() if q]
    answered, declined = lines
    assert set(answered) >= {"question", "answer", "abstained", "mode", "citations", "timings_ms"}
    assert answered["mode"] == "extractive" and not answered["abstained"] and "[1]" in answered["answer"]
    citation = answered["citations"][0]
    assert set(citation) == {"n", "doc_id", "path", "title", "start_char", "end_char", "quote", "supported"}
    assert article_texts[citation["doc_id"]][citation["start_char"] : citation["end_char"]] == citation["quote"]
    assert declined["abstained"] and declined["citations"] == []


def test_ask_prints_the_answer_and_its_sources_for_people(bundled_settings: Any) -> None:
    result = rag_ask(
        "Which Japanese television corporation reported Kishida's plans for the summit?",
        storage=bundled_settings.storage_dir,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "NHK" in out and "Sources:" in out
    # the file as named in its corpus folder, never a server path
    assert "[1] Japan edges towards NATO ahead of the Madrid summit — 000_6c8ec85815583e4f.txt [" in out


def test_assistant_sees_newly_ingested_articles_after_refresh(
    embedded_settings: Any, corpus_dir: Path, run_ingest: Any, local_embedder: Any
) -> None:
    from rag.assistant import Assistant

    run_ingest(embedded_settings, corpus_dir)
    assistant = Assistant.open(embedded_settings, embedder=local_embedder)
    assert assistant.ask("What did the harbour master of Oslo promise?").abstained
    (corpus_dir / "oslo.txt").write_text(
        "Oslo harbour budget doubles.\nThe harbour master of Oslo promised that dredging would start in May.\n",
        encoding="utf-8",
    )
    run_ingest(embedded_settings, corpus_dir)
    assert assistant.refresh()
    answer = assistant.ask("What did the harbour master of Oslo promise?")
    assert not answer.abstained and "dredging would start in May" in answer.text


def test_a_report_the_articles_write_of_is_no_outlet_missing_from_the_corpus(
    embedded_settings: Any, tmp_path: Path, run_ingest: Any, local_embedder: Any
) -> None:
    """Every article has its outlet, and none is the Harbour Institute: its report, which an article writes of,
    is what the question asks about, not an outlet the corpus lacks."""
    from rag.assistant import Assistant

    folder = tmp_path / "ports"
    folder.mkdir()
    (folder / "fares.md").write_text(
        "---\ntitle: Ferry fares climb again\nsource: Nordic Ports Weekly\ndate: 2023-05-02\n---\n"
        "A report from the Harbour Institute found that ferry fares in Bergen rose by 12 percent last year.\n",
        encoding="utf-8",
    )
    (folder / "dredging.md").write_text(
        "---\ntitle: Dredging starts in Oslo\nsource: Coastal Times\ndate: 2023-05-09\n---\n"
        "The harbour master of Oslo said dredging would start in May. The Fjord Gazette asked about the cost.\n",
        encoding="utf-8",
    )
    run_ingest(embedded_settings, folder)
    assistant = Assistant.open(embedded_settings, embedder=local_embedder)
    assert assistant.catalog().unsourced == 0
    answer = assistant.ask("What did the Harbour Institute report find about ferry fares in Bergen?")
    assert not answer.abstained and "rose by 12 percent" in answer.text
    # an outlet the articles only name, with no article of its written of, is still one the corpus lacks
    refused = assistant.ask("According to a Fjord Gazette article, when will dredging start in Oslo?")
    assert refused.abstained and "needs an article from Fjord Gazette" in refused.text


def test_an_outlet_ingested_later_is_known_and_a_new_process_reads_the_kept_catalog(
    embedded_settings: Any, corpus_dir: Path, run_ingest: Any, local_embedder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rag.assistant import Assistant
    from rag.store import CorpusStore

    question = "According to a Fjord Gazette article, what will happen to the harbour fees in Bergen?"
    (corpus_dir / "ports.md").write_text(  # its words, but from another outlet
        "---\ntitle: Ports weigh their fees\nsource: Nordic Ports Weekly\ndate: 2023-04-03\n---\n"
        "The Fjord Gazette asked whether Bergen would change its harbour fees this spring.\n",
        encoding="utf-8",
    )
    run_ingest(embedded_settings, corpus_dir)
    assistant = Assistant.open(embedded_settings, embedder=local_embedder)
    refused = assistant.ask(question)
    assert refused.abstained and "needs an article from Fjord Gazette" in refused.text
    (corpus_dir / "fees.md").write_text(
        "---\ntitle: Bergen cuts harbour fees\nsource: The Fjord Gazette\ndate: 2023-04-10\n---\n"
        "Bergen will cut its harbour fees by a fifth from June, the port authority said on Monday.\n",
        encoding="utf-8",
    )
    run_ingest(embedded_settings, corpus_dir)
    assert assistant.refresh()
    answer = assistant.ask(question)
    assert not answer.abstained and "cut its harbour fees by a fifth" in answer.text

    # A new process: its catalog comes from the copy kept for these contents, not from every record.
    def no_listing(self: CorpusStore) -> None:
        raise AssertionError("the articles' records were read")

    monkeypatch.setattr(CorpusStore, "list_articles", no_listing)
    reopened = Assistant.open(embedded_settings, embedder=local_embedder)
    assert reopened.ask(question).text == answer.text


DEBUG_LINE = re.compile(r"^\*\*(\d+)\.\*\* (.*) \[(\d+):(\d+)\] · score (\d+\.\d{4}) \(")


def test_ask_json_verbose_lists_the_retrieved_passages_the_debug_view_shows(
    indexed: Path, app_storage: Path, cli: CliRun
) -> None:
    from rag.store import CorpusStore

    question = "Where did Japan open an official office to NATO?"
    settings = make_settings(storage_dir=app_storage)
    code, out, err = cli(settings, ["ask", "--json", "--verbose", question])
    assert code == 0, err
    retrieved = json.loads(out)["retrieved"]
    # the default top-k, best first, then the chunks beside the best two passages that the search did not find
    assert [r["rank"] for r in retrieved] == list(range(1, len(retrieved) + 1)) and 8 <= len(retrieved) <= 12
    beside = retrieved[8:]
    assert all(r["doc_id"] in {found["doc_id"] for found in retrieved[:2]} for r in beside)
    assert all(set(r) == {"rank", "doc_id", "path", "start_char", "end_char", "score"} for r in retrieved)
    store = CorpusStore.open(settings)
    records = {r.doc_id: r for r in store.list_articles()}
    texts = {doc_id: store.article_text(doc_id) for doc_id in records}
    for r in retrieved:
        assert r["path"] == records[r["doc_id"]].path
        assert 0 <= r["start_char"] < r["end_char"] <= len(texts[r["doc_id"]])
    assert [r["score"] for r in retrieved] == sorted((r["score"] for r in retrieved), reverse=True)

    # The chat's debug expander lists the same passages, in the same order, with the same scores.
    app = ask(start(), question)
    (debug,) = [e for e in app.expander if e.label == "Debug: retrieved passages and prompt"]
    shown = [m for m in (DEBUG_LINE.match(md.value) for md in debug.markdown) if m]
    assert [(int(m[1]), int(m[3]), int(m[4]), m[5]) for m in shown] == [
        (r["rank"], r["start_char"], r["end_char"], f"{r['score']:.4f}") for r in retrieved
    ]
    titles = [html.unescape(re.sub(r"\\(.)", r"\1", m[2])) for m in shown]  # as escape_markdown wrote them
    assert titles == [records[r["doc_id"]].title for r in retrieved]
    passage_texts = [t.value for t in debug.text]
    assert passage_texts == [texts[r["doc_id"]][r["start_char"] : r["end_char"]] for r in retrieved]

    code, out, err = cli(settings, ["ask", "--json", "--top-k", "3", question])
    assert code == 0, err
    plain = json.loads(out)
    assert "retrieved" not in plain, "only --verbose lists the retrieved passages"
    code, out, err = cli(settings, ["ask", "--json", "--verbose", "--top-k", "3", question])
    three = json.loads(out)["retrieved"]
    assert [r["rank"] for r in three[:3]] == [1, 2, 3] and [r["start_char"] for r in three[:3]] == [
        r["start_char"] for r in retrieved[:3]
    ], "--top-k 3: the three best, then the chunks beside the best two"
    assert len(three) <= 3 + 4


HARBOUR_QUOTE = (
    "---\ntitle: Harbours plan to pool their engineering\nsource: Nordic Ports Weekly\ndate: 2023-05-02\n---\n"
    "Bergen and Oslo will share engineering work on their harbours from next year, the two port authorities "
    "announced on Tuesday.\n\n"
    "“Bergen and Oslo,” says Ingrid Solheim, chief engineer at the Bergen port authority, “face the same storms "
    "and the same silt. Neither city can afford to build everything alone. So the two harbours will share their "
    "engineering. This applies above all to tidal turbines and floating breakwaters, which neither could finance "
    "on its own.”\n\nThe authorities did not say how the costs would be divided.\n"
)


def harbour_assistant(settings: Any, tmp_path: Path, run_ingest: Any, embedder: Any) -> Any:
    """An offline assistant over the one article of HARBOUR_QUOTE."""
    from rag.assistant import Assistant

    folder = tmp_path / "harbours"
    folder.mkdir()
    (folder / "engineering.md").write_text(HARBOUR_QUOTE, encoding="utf-8")
    run_ingest(settings, folder)
    return Assistant.open(settings, embedder=embedder)


def test_what_a_named_person_says_is_answered_from_their_whole_statement(
    embedded_settings: Any, tmp_path: Path, run_ingest: Any, local_embedder: Any
) -> None:
    """Only the first sentence of a quote writes the speaker's name; the answer is further on."""
    assistant = harbour_assistant(embedded_settings, tmp_path, run_ingest, local_embedder)
    assert assistant.catalog().people_named("What does Solheim expect?") == ["Ingrid Solheim"]
    assert assistant.catalog().people_named("Does the solheim matter?") == [], "a surname is a name when capitalised"
    answer = assistant.ask("Which harbour technologies does Ingrid Solheim expect Bergen and Oslo to share?")
    assert not answer.abstained
    assert any("tidal turbines and floating breakwaters" in c.quote for c in answer.citations), answer.text


def test_who_is_a_named_person_is_answered_with_what_the_articles_say_of_them(
    embedded_settings: Any, tmp_path: Path, run_ingest: Any, local_embedder: Any
) -> None:
    """ "Who is Ingrid Solheim?" asks about her: no other name is given as the answer."""
    assistant = harbour_assistant(embedded_settings, tmp_path, run_ingest, local_embedder)
    answer = assistant.ask("Who is Ingrid Solheim?")
    assert not answer.abstained, answer.text
    assert answer.text.startswith("“Bergen and Oslo,” says Ingrid Solheim, chief engineer"), answer.text
    # a role to be filled still opens with the name the evidence gives
    answer = assistant.ask("Who is the chief engineer at the Bergen port authority?")
    assert answer.text.startswith("Ingrid Solheim."), answer.text
