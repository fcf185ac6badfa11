"""Follow-ups: a pronoun stands for a person named earlier in the chat, never for a place or a thing."""

from __future__ import annotations

import pytest

from rag.assistant import Assistant
from rag.catalog import Catalog
from rag.conversation import Turn, resolve_follow_up
from rag.records import ArticleRecord

HAYASHI = "What did Foreign Minister Yoshimasa Hayashi say about European security and the Indo-Pacific?"


@pytest.mark.parametrize(
    ("history", "follow_up", "standalone"),
    [
        # a title names the person; the place after it is not one
        ([Turn(HAYASHI, "...")], "And what example did he give?", "What example did Yoshimasa Hayashi give?"),
        # a name that says something is a person
        ([Turn("What did Kishida say about the summit?", "...")], "and what did he add?", "What did Kishida add?"),
        # the person of an earlier turn, past a turn that names none
        (
            [
                Turn("What did harbour master Ingrid Halvorsen promise?", "Night sailings in June."),
                Turn("And what about the Kelby Island route?", "Two boats will be added."),
            ],
            "Did she mention the fees?",
            "Did Ingrid Halvorsen mention the fees?",
        ),
        # the latest person wins
        (
            [
                Turn("What did Ingrid Halvorsen say about fees?", "..."),
                Turn("What did Chief Executive Pieter Dahl say about bookings?", "..."),
            ],
            "what else did he say?",
            "What else did Pieter Dahl say?",
        ),
    ],
)
def test_a_pronoun_stands_for_the_person_named_last(history: list[Turn], follow_up: str, standalone: str) -> None:
    assert resolve_follow_up(follow_up, history) == standalone


def test_a_pronoun_stands_for_the_person_the_question_asked_about_before_those_its_answer_names() -> None:
    # "Who replaced him?" after "Why was Sam Altman fired?" asked who replaced Greg Brockman, a board member the answer
    # named: a name the reader wrote in a question, shaped as a person's and with the first name of someone the
    # corpus quotes, is a person's
    people = ["Lena Whitby", "Tom Ridley"]
    fired = Turn("Why was Lena Marsh dismissed?", "The board said Chief Operating Officer Tom Ridley would lead.")
    assert resolve_follow_up("Who replaced her?", [fired], people) == "Who replaced Lena Marsh?"
    # ... and the person a follow-up's pronoun stood for is who the next one's stands for
    replaced = Turn("Who replaced her?", "Tom Ridley. [1] Chief Operating Officer Tom Ridley will lead the firm. [1]")
    assert resolve_follow_up("Did she come back?", [fired, replaced], people) == "Did Lena Marsh come back?"
    # a name of rare words with no first name the corpus knows is no person's ("Quayside Ferries")
    ferries = Turn("Why did Quayside Ferries cut the route?", "Chief Executive Pieter Dahl blamed fuel costs.")
    assert resolve_follow_up("What did he promise?", [ferries], people) == "What did Pieter Dahl promise?"


def test_after_a_who_question_a_new_pronoun_stands_for_the_person_its_answer_named() -> None:
    # "Who took over from Mara Quist?" answered "Odile Brandt.": the reader asks on about the one they just learned of
    people = ["Mara Quist", "Odile Brandt"]
    asked = Turn("Who took over from Mara Quist at the port authority?", "Odile Brandt. [1] Odile Brandt, 51, ... [1]")
    assert resolve_follow_up("When does she start?", [asked], people) == "When does Odile Brandt start?"
    assert resolve_follow_up("What did she do before?", [asked], people) == "What did Odile Brandt do before?"
    # ... not when the answer opens with no person's name (a place, a decline)
    declined = Turn("Who took over from Mara Quist?", "I could not find an answer to this question in the corpus.")
    assert resolve_follow_up("When did she leave?", [declined], people) == "When did Mara Quist leave?"
    place = Turn("Which port did Mara Quist run?", "Kelby Harbour. [1] Mara Quist ran Kelby Harbour. [1]")
    assert resolve_follow_up("When did she leave?", [place], people) == "When did Mara Quist leave?"
    # ... nor after a question asking why or what: the person it asked about is still who the chat is about
    why = Turn("Why did Mara Quist resign?", "The budget was cut, Odile Brandt said. [1]")
    assert resolve_follow_up("Who replaced her?", [why], people) == "Who replaced Mara Quist?"
    # ... nor when the follow-up goes on with the pronoun the question before it used: the same person
    again = Turn("Who replaced her?", "Odile Brandt. [1] Odile Brandt will lead the port authority. [1]")
    assert resolve_follow_up("Did she come back?", [why, again], people) == "Did Mara Quist come back?"
    # ... but another pronoun, after a follow-up asking who, stands for the one its answer named
    anders = Turn("and who replaced her?", "Anders Holm. [1] Anders Holm will lead the port authority. [1]")
    assert resolve_follow_up("Where did he work before?", [why, anders], people) == "Where did Anders Holm work before?"


def test_a_pronoun_never_stands_for_a_place_or_an_organisation() -> None:
    history = [Turn("What is happening in the Indo Pacific and at Quayside Ferries?", "Tensions rose.")]
    resolved = resolve_follow_up("What did she say about it?", history)
    assert "Indo Pacific" not in resolved.split("(")[0] and "Quayside" not in resolved.split("(")[0]
    assert resolved.startswith("What did she say about it?")


def test_a_person_the_corpus_quotes_is_recognised_by_surname_in_an_answer() -> None:
    history = [Turn("Who runs the ferries?", "Dahl runs Quayside Ferries from Northpoint.")]
    # named in full: the known speaker the surname stands for
    assert resolve_follow_up("What did he promise?", history, people=["Pieter Dahl"]) == "What did Pieter Dahl promise?"
    # two known speakers share it: the surname as written
    two = ["Pieter Dahl", "Anna Dahl"]
    assert resolve_follow_up("What did he promise?", history, people=two) == "What did Dahl promise?"
    assert resolve_follow_up("What did he promise?", history) == "What did he promise? (runs ferries)"


def test_the_catalog_knows_the_people_the_articles_quote() -> None:
    record = ArticleRecord(
        doc_id="a",
        title="A",
        source="The Harbour Gazette",
        author="Mira Osei",
        published="2024-03-02",
        speakers=[
            {"name": "Ingrid Halvorsen", "role": "harbour master", "affiliation": "", "kind": "person"},
            {"name": "Port authority", "role": "", "affiliation": "", "kind": "group"},
        ],
    )
    assert Catalog.of([record]).people == ["Ingrid Halvorsen"]


def test_a_conversation_of_several_turns_keeps_to_the_person(assistant: Assistant) -> None:
    first = assistant.ask(HAYASHI)
    history = [Turn(first.question, first.text)]
    second = assistant.ask("And what example did he give?", history)
    assert second.standalone_question == "What example did Yoshimasa Hayashi give?"
    assert any("Turkey" in c.quote for c in second.citations)
    assert not any("G7" in c.quote for c in second.citations)
    history.append(Turn(second.question, second.text))
    third = assistant.ask("Did he mention Russia?", history)
    assert third.standalone_question == "Did Yoshimasa Hayashi mention Russia?"
    assert not third.error


@pytest.mark.parametrize(
    ("history", "follow_up", "carried"),
    [
        # names nothing, one word of meaning: about what the chat is about
        ([Turn("What is the Kelby Island ferry dispute about?", "...")], "Who is the judge?", "kelby island ferry"),
        ([Turn("How is the harbour tunnel project going?", "...")], "What are the risks?", "harbour tunnel project"),
        # what the previous question was about, itself read with the chat before it
        (
            [
                Turn("Which ferry line did Ingrid Halvorsen join?", "Quayside Ferries."),
                Turn("How much is the contract?", "NOK 2 million."),
            ],
            "How long is it?",
            "ingrid halvorsen",
        ),
    ],
)
def test_a_question_too_bare_to_stand_alone_is_read_with_the_chat(
    history: list[Turn], follow_up: str, carried: str
) -> None:
    resolved = resolve_follow_up(follow_up, history)
    assert resolved.startswith(follow_up)
    assert carried in resolved


@pytest.mark.parametrize(
    "question",
    [
        "Who is Judge Amit Mehta?",
        "What happened in 2023?",
        "Summarize the articles",
        "Why did ferry fares rise so much?",
    ],
)
def test_a_question_naming_its_own_subject_stands_alone(question: str) -> None:
    history = [Turn("What is the Kelby Island ferry dispute about?", "...")]
    assert resolve_follow_up(question, history) == question


def test_a_chat_of_bare_questions_keeps_to_its_subject(assistant: Assistant) -> None:
    first = assistant.ask("Who is the prime minister of Japan?")
    assert first.text.startswith("Fumio Kishida")
    history = [Turn(first.question, first.text)]
    second = assistant.ask("What did he promise?", history)
    history.append(Turn(second.question, second.text))
    # "it" is what the prime minister promised: his five-year military programme and what it costs
    third = assistant.ask("How much will it cost?", history)
    assert not third.abstained
    assert any("Kishida" in c.quote and "budget" in c.quote for c in third.citations)
    chat = [Turn("How is Japan's relationship with NATO changing?", "...")]
    risks = assistant.ask("What are the risks?", chat)
    assert "nato" in risks.standalone_question.lower()
    assert not risks.abstained


def test_a_follow_up_to_a_who_question_asks_about_the_person_the_answer_named(assistant: Assistant) -> None:
    first = assistant.ask("Which minister did Kishida send to Brussels?")
    assert first.text.startswith("Yoshimasa Hayashi")
    second = assistant.ask("What did he say there?", [Turn(first.question, first.text)])
    assert "Hayashi" in second.standalone_question and "Kishida" not in second.standalone_question
    assert not second.abstained
    assert "Hayashi" in second.citations[0].quote  # what he said, not what Kishida did
