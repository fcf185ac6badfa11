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
