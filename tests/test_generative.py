"""The generative path: the real `openai` client against a local server speaking its protocol."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

import pytest
from llama_index.core.base.embeddings.base import BaseEmbedding

from rag.assistant import Assistant
from rag.conversation import Turn
from rag.generative import ABSTAIN_REPLY, Source, pack_prompt, sources_of
from rag.records import BESIDE, Passage
from rag.settings import Settings
from rag.tokens import count_tokens
from rag.verdict import split_verdict
from tests.support.checks import assert_citation_contract
from tests.support.fake_openai import FakeOpenAI, Reply
from tests.support.generative import generative_assistant


@pytest.fixture
def generative(bundled_settings: Settings, llm: FakeOpenAI, local_embedder: BaseEmbedding) -> Assistant:
    return generative_assistant(bundled_settings, llm, local_embedder)


def dry_run(generative: Assistant, llm: FakeOpenAI, question: str) -> dict[str, Any]:
    """The request the engine sends for `question` (answered with a placeholder): how it numbers the passages."""
    llm.script("placeholder [1].")
    generative.ask(question)
    return llm.chat_requests[-1]


def source_number(request: dict[str, Any], needle: str) -> int:
    """The [n] under which the prompt shows the passage containing `needle`."""
    user = request["messages"][1]["content"]
    block = next(b for b in user.split("\n\n[") if needle in b)
    return int(block.lstrip("[").split("]")[0])


def test_reply_citations_resolve_to_the_supporting_sentences_numbered_by_first_appearance(
    generative: Assistant, llm: FakeOpenAI, article_texts: dict[str, str]
) -> None:
    question = "Where did Japan open an office to NATO, and which countries get Japan's security assistance?"
    request = dry_run(generative, llm, question)
    brussels = source_number(request, "opened in Brussels")
    aid = source_number(request, "Malaysia and Bangladesh")
    llm.script(
        f"Japan opened an official office to the alliance in Brussels [{brussels}]. "
        f"The first recipients of Japan's military-technical assistance will be the Philippines, "
        f"Malaysia and Bangladesh [{aid}]."
    )
    answer = generative.ask(question)
    assert answer.mode == "generative" and not answer.abstained
    assert [c.n for c in answer.citations] == [1, 2]
    assert "Brussels" in answer.citations[0].quote and "Bangladesh" in answer.citations[1].quote
    assert answer.text.endswith("Malaysia and Bangladesh. [2]")
    assert all(s.supported for s in answer.sentences) and all(c.supported for c in answer.citations)
    # Sentence-level spans, not the whole passage.
    assert answer.citations[0].quote.startswith("In 2022, the Japanese prime minister attended")
    assert_citation_contract(answer, article_texts)


def test_what_the_engine_sends_numbered_sources_in_a_token_budget_from_the_prompt_files(
    bundled_settings: Settings, llm: FakeOpenAI, local_embedder: Any
) -> None:

    small = generative_assistant(bundled_settings, llm, local_embedder, context_tokens=700)
    llm.script(ABSTAIN_REPLY)
    small.ask("What role does the United States play in Japan's military policy?")
    request = llm.chat_requests[-1]
    assert request["model"] == "test-model" and request["stream"] is True and request["temperature"] == 0
    system, user = request["messages"]
    assert system["role"] == "system" and "only the numbered sources" in system["content"]
    assert ABSTAIN_REPLY in system["content"]
    assert user["content"].startswith("Sources:\n\n[1] ")
    assert (
        user["content"].rstrip().endswith("Question: What role does the United States play in Japan's military policy?")
    )
    assert "[2] " in user["content"] and "[9] " not in user["content"]
    assert count_tokens(system["content"]) + count_tokens(user["content"]) <= 700


def test_tokens_stream_as_the_server_sends_them(generative: Assistant, llm: FakeOpenAI) -> None:
    llm.script("Japan opened an official office to the alliance in Brussels [1].")
    stream = generative.stream("Where did Japan open an office to NATO?")
    pieces = list(stream)
    assert len(pieces) > 5 and "".join(pieces).startswith("Japan opened an official office")
    assert stream.answer is not None and "Brussels" in stream.answer.text


def test_a_sentence_its_citation_does_not_support_is_flagged(generative: Assistant, llm: FakeOpenAI) -> None:
    llm.script(
        "Japan opened an official office to the alliance in Brussels [1]. "
        "The office employs four hundred diplomats and a choir of penguins [1]."
    )
    answer = generative.ask("Where did Japan open an office to NATO?")
    supported = [s.supported for s in answer.sentences]
    assert supported == [True, False]
    from rag.render import render_markdown, render_terminal

    assert "penguins. [1] (⚠ unsupported)" in render_terminal(answer)
    assert "*(⚠ unsupported)*" in render_markdown([answer])


def test_citation_numbers_that_point_at_no_passage_are_dropped_and_reported(
    generative: Assistant, llm: FakeOpenAI
) -> None:
    llm.script("Japan opened an official office to the alliance in Brussels [1][42].")
    answer = generative.ask("Where did Japan open an office to NATO?")
    assert answer.dropped_citations == [42]
    assert [c.n for c in answer.citations] == [1] and "[42]" not in answer.text
    assert answer.to_json()["dropped_citations"] == [42]


def test_a_yes_no_question_gets_the_llms_verdict_resting_on_its_checked_sentences(
    generative: Assistant, llm: FakeOpenAI
) -> None:
    question = "Did Japan open an office to NATO in Brussels?"
    request = dry_run(generative, llm, question)
    system = request["messages"][0]["content"]
    assert "Begin your answer with exactly one of these three sentences" in system, "the yes/no rule is sent"
    brussels = source_number(request, "opened in Brussels")
    llm.script(f"Yes. Japan opened an official office to the alliance in Brussels in 2022 [{brussels}].")
    answer = generative.ask(question)
    assert answer.verdict == "yes" and answer.text.startswith("Yes. [1] Japan opened")
    verdict, reason = answer.sentences
    assert verdict.citations == reason.citations == [1] and verdict.supported and reason.supported
    assert "opened in Brussels" in answer.citations[0].quote
    # a verdict whose only reason its citation does not support is no plain verdict
    llm.script(f"No. Japan closed its office to the alliance and sold the building to a choir [{brussels}].")
    answer = generative.ask(question)
    assert answer.verdict == "cannot tell"
    verdict, reason = answer.sentences
    assert verdict.text == "The articles found do not settle this plainly; here is what they say."
    assert not verdict.citations and not reason.supported
    # a reply that gives no verdict cannot tell either; a question that is not yes/no has none
    llm.script(f"Japan opened an official office to the alliance in Brussels [{brussels}].")
    assert generative.ask(question).verdict == "cannot tell"
    llm.script(f"Japan opened an official office to the alliance in Brussels [{brussels}].")
    answer = generative.ask("Where did Japan open an office to NATO?")
    assert answer.verdict == "" and answer.text.startswith("Japan opened")
    assert "Begin your answer with" not in llm.chat_requests[-1]["messages"][0]["content"]


def test_a_verdict_is_read_only_where_the_reply_states_one() -> None:
    assert split_verdict("Yes. Both say so [1].") == ("yes", "Both say so [1].")
    assert split_verdict("**No**, the Wire gives $6 million [2].") == ("no", "The Wire gives $6 million [2].")
    assert split_verdict("Cannot tell: the reports differ [1].") == ("cannot tell", "The reports differ [1].")
    assert split_verdict("No information in the sources says so [1].") == (
        "",
        "No information in the sources says so [1].",
    )
    assert split_verdict("Yesterday the port opened [1].") == ("", "Yesterday the port opened [1].")


def test_an_entity_question_asks_the_llm_to_open_with_the_name_and_the_name_is_checked(
    generative: Assistant, llm: FakeOpenAI
) -> None:
    question = "Which city hosted the NATO summit that Kishida attended?"
    request = dry_run(generative, llm, question)
    assert "Open your answer with the name the sources point to" in request["messages"][0]["content"]
    madrid = source_number(request, "At the NATO summit in Madrid, Kishida will discuss")
    llm.script(f"Madrid. [{madrid}] Kishida attended the NATO summit in Madrid [{madrid}].")
    answer = generative.ask(question)
    assert answer.text.startswith("Madrid. [1]") and all(s.supported for s in answer.sentences)
    llm.script(f"Lisbon. [{madrid}] Kishida attended the NATO summit [{madrid}].")
    assert not generative.ask(question).sentences[0].supported, "a name its source does not give is flagged"


def test_the_agreed_abstention_reply_is_shown_as_an_abstention(generative: Assistant, llm: FakeOpenAI) -> None:
    llm.script(ABSTAIN_REPLY)
    answer = generative.ask("What did Kishida say about the yen?")
    assert answer.abstained and not answer.citations


def test_unmentioned_subjects_are_declined_before_calling_the_llm(generative: Assistant, llm: FakeOpenAI) -> None:
    answer = generative.ask("How many submarines does the Japanese navy operate?")
    assert answer.abstained and llm.chat_requests == []


def test_429_and_500_are_retried_with_backoff_then_answered(generative: Assistant, llm: FakeOpenAI) -> None:
    llm.script(Reply(status=429), Reply(status=500), "Japan opened an office in Brussels [1].")
    answer = generative.ask("Where did Japan open an office to NATO?")
    assert not answer.error and "Brussels" in answer.text
    assert len(llm.chat_requests) == 3


def test_persistent_server_errors_end_in_one_clear_message(generative: Assistant, llm: FakeOpenAI) -> None:
    llm.script(Reply(status=500), Reply(status=500), Reply(status=500))
    answer = generative.ask("Where did Japan open an office to NATO?")
    assert answer.error.startswith("the LLM at http://127.0.0.1:") and "HTTP 500 after retries" in answer.error
    assert "Traceback" not in answer.text and answer.text.startswith("The answer could not be generated")
    assert len(llm.chat_requests) == 3  # one try and two retries, no more


def test_a_stalled_stream_times_out_with_a_message(
    bundled_settings: Settings, llm: FakeOpenAI, local_embedder: Any
) -> None:
    impatient = generative_assistant(bundled_settings, llm, local_embedder, request_timeout_s=1, llm_retries=0)
    llm.script(Reply(text="Japan opened an office in Brussels [1].", stall_after=2, stall_seconds=4))
    started = time.monotonic()
    answer = impatient.ask("Where did Japan open an office to NATO?")
    assert time.monotonic() - started < 4
    assert "did not answer in time" in answer.error


def test_follow_ups_are_condensed_by_the_llm_with_the_history(generative: Assistant, llm: FakeOpenAI) -> None:
    llm.script("What example did Yoshimasa Hayashi cite?", "Hayashi cited the relief operation in Turkey [1].")
    history = [Turn("What did Yoshimasa Hayashi say about European security?", "He said it is linked [1].")]
    answer = generative.ask("And what example did he cite?", history)
    condense, final = llm.chat_requests
    assert "User: What did Yoshimasa Hayashi say about European security?" in condense["messages"][0]["content"]
    assert "Last question: And what example did he cite?" in condense["messages"][0]["content"]
    assert answer.standalone_question == "What example did Yoshimasa Hayashi cite?"
    assert "Question: What example did Yoshimasa Hayashi cite?" in final["messages"][1]["content"]


def test_the_chunks_read_beside_a_passage_fill_the_budget_the_passages_found_leave() -> None:
    article = " ".join(f"Sentence {i} of the harbour report tells of berth {i} and its cranes." for i in range(40))
    bounds = [(0, 600), (601, 1200), (1201, 1800), (1801, len(article))]
    chunks = [
        Passage(f"c{i}", "d", "a.txt", "Harbour", "", "", "", s, e, article[s:e]) for i, (s, e) in enumerate(bounds)
    ]
    best, second = chunks[1], chunks[3]
    before, after = (replace(chunks[i], ranks={BESIDE: 1}) for i in (0, 2))  # read beside the best
    sources = sources_of([best, second, before, after])
    assert [(s.found, s.beside) for s in sources] == [(best, (before, after)), (second, ())]
    assert [c.chunk_id for c in sources[0].chunks] == ["c0", "c1", "c2"], "in the article's order"

    def prompt_tokens(budget: int) -> tuple[int, list[int]]:
        packed = pack_prompt("Which berth has cranes?", sources, budget)
        tokens = sum(count_tokens(m["content"]) for m in packed.messages)
        return tokens, [len(s.beside) for s in packed.sources]

    roomy, tight = 4000, 0
    tokens, besides = prompt_tokens(roomy)
    assert besides == [2, 0] and tokens <= roomy
    # room for both passages found but not for the chunks beside the first: they go, the second passage stays
    both_bare = sum(
        count_tokens(m["content"])
        for m in pack_prompt("Which berth has cranes?", [sources_of([best])[0], sources[1]], roomy).messages
    )
    tokens, besides = prompt_tokens(both_bare + 20)
    assert besides == [0, 0] and tokens <= both_bare + 20
    # room for one chunk beside the best passage: the one after it, which goes on with what it says
    one_after = [Source(best, (after,)), sources[1]]
    budget = sum(count_tokens(m["content"]) for m in pack_prompt("Which berth has cranes?", one_after, roomy).messages)
    packed = pack_prompt("Which berth has cranes?", sources, budget + 5)
    assert [s.beside for s in packed.sources] == [(after,), ()]
    # the first passage goes in alone when nothing fits
    assert prompt_tokens(tight)[1] == [0]
