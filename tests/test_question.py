"""Reading questions: what they ask for, which outlets, authors and dates they name, what the corpus lacks."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from rag.catalog import Catalog, cached_catalog, name_key
from rag.entity_choice import asked_holder
from rag.question import (
    Half,
    QuestionPlan,
    answer_kind,
    asked_measure,
    expand_contractions,
    find_dates,
    numbered_instances,
    plan_question,
    question_focus,
    question_focus_words,
    question_halves,
    request_topic,
)
from rag.records import ArticleRecord


def record(doc_id: str, source: str, published: str, author: str = "") -> ArticleRecord:
    return ArticleRecord(doc_id=doc_id, title=f"Article {doc_id}", source=source, author=author, published=published)


RECORDS = (
    record("a1", "The Harbour Gazette", "2024-03-02", "Mira Osei"),
    record("a2", "The Harbour Gazette", "2024-03-09"),
    record("b1", "Quayside Wire | Coastal Business News", "2024-03-05", "Tomas Ferreira, Reuters"),
    record("c1", "The Ledger - Sports", "2024-02-20"),
    record("c2", "The Ledger - Travel", "2024-03-01"),
    record("d1", "Fortune Bay Times", "2024-01-15"),
)
CATALOG = Catalog.of(RECORDS)


@pytest.mark.parametrize(
    ("written", "sources"),
    [
        ("The Harbour Gazette", ["The Harbour Gazette"]),
        ("the harbour gazette", ["The Harbour Gazette"]),
        ("Harbour Gazette", ["The Harbour Gazette"]),
        ("Quayside Wire", ["Quayside Wire | Coastal Business News"]),
        ("The Ledger", ["The Ledger - Sports", "The Ledger - Travel"]),
        ("Fortune Bay", ["Fortune Bay Times"]),
        ("Fortune", ["Fortune Bay Times"]),
        ("The Times", []),
        ("Bloomberg", []),
    ],
)
def test_outlets_are_matched_as_people_write_them(written: str, sources: list[str]) -> None:
    assert CATALOG.sources_named(written) == sources


def test_a_byline_agency_is_not_taken_for_an_author_and_authors_match_by_surname() -> None:
    assert CATALOG.authors_named("Tomas Ferreira") == ["Tomas Ferreira"]
    assert CATALOG.authors_named("Ferreira") == ["Tomas Ferreira"]
    assert CATALOG.authors_named("Reuters") == []


BROADCASTERS = Catalog.of(
    [
        record("n1", "KTV News - Business", "2024-03-02"),
        record("n2", "KTV News - Weather", "2024-03-04"),
        record("s1", "Tide Sports", "2024-03-05"),
        record("r1", "FRB Radio", "2024-03-06"),
        record("w1", "WPX Group", "2024-03-07"),
    ]
)


@pytest.mark.parametrize(
    ("question", "sources"),
    [
        ("How long has the strike lasted, per KTV?", ("KTV News - Business", "KTV News - Weather")),
        ("what did the FRB report about the ferry", ("FRB Radio",)),
        ("What did KTV News say?", ("KTV News - Business", "KTV News - Weather")),
        ("What did Joe Ktv say?", ()),  # the capitals as written, not a surname
        ("How high was the tide at the harbour?", ()),  # "Tide Sports" is not "Tide"
        ("What did WPX say?", ()),  # a group, not a newsroom: its capitals are a company's too
        ("Which game airs on KTV this Sunday at 4:25 p.m.?", ()),  # the channel a game is on, not its newsroom
        ("Who won the Hawks vs Owls game broadcast by KTV?", ()),
    ],
)
def test_a_broadcasters_capitals_name_it_without_its_news_word(question: str, sources: tuple[str, ...]) -> None:
    # "per the BBC" of "BBC News - Entertainment & Arts": readers drop the word any outlet may write
    assert plan_question(question, BROADCASTERS).every_part_filters.sources == sources


WRITERS = Catalog.of(
    [
        *RECORDS,
        record("e1", "Kessel Post", "2024-03-04", "Dana Whitfield"),
        record("e2", "Kessel Post", "2024-03-11", "Dana Whitfield and Ole Brun"),
    ]
)


@pytest.mark.parametrize(
    "question",
    [
        "what's dana whitfield's record against the spread this season",
        "What did Dana Whitfield predict for the Hawks game?",
        "Dana Whitfield picked the Owls - what was the final score?",
    ],
)
def test_a_writer_of_the_stored_articles_named_anywhere_narrows_the_search_to_their_articles(question: str) -> None:
    # no "article by": a reader names the writer whose picks or record they ask about, and their own articles (the
    # byline shared with another writer too) are where the answer is
    plan = plan_question(question, WRITERS)
    assert [m.authors for m in plan.outlets] == [("Dana Whitfield", "Dana Whitfield and Ole Brun")]
    assert plan.every_part_filters.authors == ("Dana Whitfield", "Dana Whitfield and Ole Brun")


def test_a_writer_named_after_their_outlet_leaves_the_outlet_to_narrow_the_search() -> None:
    plan = plan_question("What's the Harbour Gazette's Mira Osei's take on the ferry strike?", WRITERS)
    assert [(m.sources, m.authors) for m in plan.outlets] == [(("The Harbour Gazette",), ())]
    plan = plan_question("What did Kessel Post columnist Dana Whitfield predict?", WRITERS)
    assert [(m.sources, m.authors) for m in plan.outlets] == [(("Kessel Post",), ())]
    # an agency after the name in the byline ("Tomas Ferreira, Reuters") is the article's author field, which the
    # search matches
    plan = plan_question("What does the article by Tomas Ferreira say about the port?", WRITERS)
    assert plan.every_part_filters.authors == ("Tomas Ferreira", "Tomas Ferreira, Reuters")
    # a writer the articles quote too: what they said is found where they are quoted, in any article
    quoted = replace(WRITERS, people=["Dana Whitfield"])
    assert not plan_question("What did Dana Whitfield say about the Hawks?", quoted).outlets
    assert name_key("CBSSports.com") == name_key("CBS Sports")


@pytest.mark.parametrize(
    ("question", "kind", "asks_for"),
    [
        ("Who opened the new ferry terminal?", "entity", "person"),
        ("Which NFL wide receiver leads the league in yards?", "entity", "person"),
        ("Which prosecutor questioned the ferry operator?", "entity", "person"),
        ("Which company won the dredging contract?", "entity", "organization"),
        ("Which city hosted the regatta?", "entity", "place"),
        ("Did the council approve the budget?", "yes_no", ""),
        ("Between the March 2 report and the March 9 report, was there a change in the forecast?", "yes_no", ""),
        ("Who, according to the Gazette, opened the terminal?", "entity", "person"),
        ("How many ferries run at night?", "open", "number"),
        ("When does the terminal open?", "open", "time"),
        ("Why was the pier closed?", "open", ""),
        ("Which dredger does the harbour board prefer?", "entity", ""),
        ("Which single berth handles the night ferries?", "entity", ""),  # no auxiliary after the noun
        # several things of a kind, often unnamed: the sentences that list them answer, not one name
        ("Which upgrades does the harbour board expect to fund?", "open", ""),
        ("Which safety measures were proposed after the collision?", "open", ""),
        ("Which bus routes are cut at night?", "open", ""),
        # ... or several names, when a past verb follows ("Which countries joined the pact?" was answered "Japan.")
        ("Which countries signed the fishing accord?", "open", ""),
        ("Which players scored in the cup final?", "open", ""),
        ("Which ferry company won the contract?", "entity", "organization"),
        ("Which glass does the architect use?", "entity", ""),
        ("Which series did the broadcaster renew?", "entity", ""),
        # the kind is the noun after the words that qualify it
        ("Which Norwegian port official approved the fee?", "entity", "person"),
        ("Which small ferry company won the contract?", "entity", "organization"),
        # the nouns news writing uses for people, bodies and places
        ("Which senior fellow at the institute spoke to the press?", "entity", "person"),
        ("Which party won the council election?", "entity", "organization"),
        ("Which island hosts the new ferry terminal?", "entity", "place"),
        # "what" as the object: what they say or do, whoever the words after it name
        ("What did the ferry company say about the delays?", "open", ""),
        ("What do senior figures of the port union expect?", "open", ""),
        # a question about someone it names is answered with what the articles say of them, not a name
        ("Who is Ingrid Halvorsen?", "open", ""),
        ("who was Dr. Okafor", "open", ""),
        ("Who are the Harbour Pilots?", "open", ""),
        # ... names written with lower-case particles among them too
        ("Who is Pieter van den Broek?", "open", ""),
        ("Who is Anneke ten Brink?", "open", ""),
        ("Who is Khalid bin Rashid?", "open", ""),
        # ... while a role to be filled asks for a name
        ("Who is the harbour master?", "entity", "person"),
        ("Who is the Mayor?", "entity", "person"),
        ("Who is the Chair of the Harbour Board?", "entity", "person"),
        # a choice between alternatives is no yes/no question
        ("Did the Gazette report a larger or smaller rise than the Wire?", "open", ""),
        ("Did the Wire report the closure before or after the Gazette?", "open", ""),
        ("Did the Gazette or the Wire report the closure?", "yes_no", ""),
        # a maker is as often a company as a person
        ("Who developed the ferry booking app?", "entity", ""),
        ("Who acquired the Quayside shipyard?", "entity", ""),
        ("Who chaired the meeting?", "entity", "person"),
        # the byline answers
        ("Who wrote the article on the dredging contract?", "entity", "author"),
        ("Which reporter wrote about the regatta?", "entity", "author"),
        ("Who is the author of the fee report?", "entity", "author"),
        ("Who wrote the Gazette's story?", "entity", "author"),
        ("who wrote the Gazette piece criticizing the board", "entity", "author"),
        ("Who wrote the review of the ferry app, and when?", "entity", "author"),
        # ... but a book, a letter or a song was written by someone the articles name
        ("Who wrote the new book about the shipyard, and what is it called?", "entity", "person"),
        ("Who wrote the open letter to the harbour board?", "entity", "person"),
        ("Who is the author of the fishing quota law?", "entity", "person"),
        # a preposition before the question word asks the same
        ("In which city did the ferry summit take place?", "entity", "place"),
        ("For which company does the harbour master work?", "entity", "organization"),
        ("With whom did the mayor meet?", "entity", "person"),
        ("In what year did the terminal open?", "open", "time"),
        # critics and columnists are people, and players named by their position
        ("Which columnist praised the new terminal?", "entity", "person"),
        ("Which goalkeeper saved the penalty?", "entity", "person"),
        # how a thing stands is no place, though a state or a place is one when asked for
        ("What is the state of the ferry service?", "open", ""),
        ("What was the place of the fishing fleet in the harbour's plans?", "open", ""),
        ("Which state approved the ferry subsidy?", "entity", "place"),
        ("What is the capital of the island province?", "entity", "place"),
        # "what" before a thing known by its name asks its name, as "which" does; before a measure or a role, not
        ("what magazine was the skipper photographed for", "entity", ""),
        ("What film did the harbour board fund?", "entity", ""),
        ("What impact did the strike have on the ferries?", "open", ""),
        ("What role did the pilot play in the rescue?", "open", ""),
        ("What books did the harbour master write?", "open", ""),
        ("What album did the harbour band release?", "entity", ""),
        ("What series of delays closed the pier?", "open", ""),
        # a question after a lead-in set off by a dash or a colon is read as that question
        ("Kelby v Brekka, May 3 - who scored the late winner?", "entity", "person"),
        ("Olsen is about to pass the harbour record - whose record is he overtaking?", "entity", "person"),
        ("The regatta on Sunday: which boat won?", "entity", ""),
        ("Kelby beat Brekka again - what was the final score?", "open", "number"),
        # a request for what follows, not a question whether one can; "tell me if" asks whether
        ("Can you give me the ferry fares the Harbour Gazette listed for Kelby and Brekka?", "open", ""),
        ("could you tell me who won the regatta", "entity", "person"),
        ("Can you tell me if the ferry to Kelby still runs?", "yes_no", ""),
    ],
)
def test_the_kind_of_answer_a_question_wants(question: str, kind: str, asks_for: str) -> None:
    assert answer_kind(question) == (kind, asks_for)


def test_a_contracted_question_word_is_written_out() -> None:
    assert expand_contractions("What's the name of the harbour master?") == "What is the name of the harbour master?"
    written_out = "who is the Mayor, and where are the boats?"
    assert expand_contractions("who\u2019s the Mayor, and where're the boats?") == written_out
    assert answer_kind(expand_contractions("What's the name of the mayor?")) == ("entity", "person")
    # a possessive is no contraction
    assert expand_contractions("What did the port's chair say?") == "What did the port's chair say?"
    # "whats", typed without its apostrophe
    assert expand_contractions("whats the harbour master's take on the fees") == (
        "what is the harbour master's take on the fees"
    )


@pytest.mark.parametrize(
    ("request_text", "kind", "topic"),
    [
        ("Compare what the two sources say about the ferry strike", "compare", "the ferry strike"),
        ("What do the articles say about harbour dredging?", "compare", "harbour dredging"),
        ("Summarize the articles", "brief", ""),
        ("Summarise", "brief", ""),
        ("Give me an overview of how the port's finances are changing", "brief", "the port's finances are changing"),
        ("Write a briefing on the regatta", "brief", "the regatta"),
        ("Brief me on the night ferries", "brief", "the night ferries"),
        ("What is an overview of the harbour?", "", ""),
        ("Who compared the two ferries?", "", ""),
        # a comparison asked as a question; "Do the articles agree ...?" is a yes/no question
        ("How do the two articles differ on the ferry fares?", "compare", "the ferry fares"),
        ("Where do the sources disagree about the ferry strike?", "compare", "the ferry strike"),
        ("Do the articles agree on the ferry fares?", "", ""),
        # the ways readers ask for a summary
        ("tl;dr of the harbour board's dredging plan", "brief", "the harbour board's dredging plan"),
        ("TLDR: the ferry strike", "brief", "the ferry strike"),
        ("whats the gist of the Gazette's report on the regatta?", "brief", "the Gazette's report on the regatta"),
        ("Give me the gist of the pier repairs", "brief", "the pier repairs"),
        # ... asked again after the request's verb: what is summed up is the piece
        (
            "summarize the main points of The Gazette piece on the people who ruined the harbour",
            "brief",
            "The Gazette piece on the people who ruined the harbour",
        ),
        ("sum up the key takeaways from the regatta report", "brief", "the regatta report"),
        ("summarize the main points of contention on the pier", "brief", "the main points of contention on the pier"),
        (
            "key takeaways from the Quayside Wire piece on ferry fares",
            "brief",
            "the Quayside Wire piece on ferry fares",
        ),
        ("break down the port's winter timetable", "brief", "the port's winter timetable"),
        # what the request ends with besides its topic is no part of it
        (
            "Break down the opening statements in the ferry trial for me.",
            "brief",
            "the opening statements in the ferry trial",
        ),
        ("summarise the harbour strike, please", "brief", "the harbour strike"),
        ("Summarize the articles please", "brief", ""),
        ("Why did the ferry talks break down?", "", ""),
        ("What are the main points of contention between the unions?", "", ""),
    ],
)
def test_requests_for_comparisons_and_briefings_are_recognised(request_text: str, kind: str, topic: str) -> None:
    assert request_topic(request_text) == (kind, topic)


@pytest.mark.parametrize(
    ("request_text", "sources", "topic"),
    [
        (
            "Compare what the Harbour Gazette and Quayside Wire say about the ferry terminal",
            ["The Harbour Gazette", "Quayside Wire | Coastal Business News"],
            "the ferry terminal",
        ),
        ("Summarize The Harbour Gazette's coverage of port fees", ["The Harbour Gazette"], "port fees"),
        (
            "Brief me on what Quayside Wire reports about dredging",
            ["Quayside Wire | Coastal Business News"],
            "dredging",
        ),
        # words that are neither outlets nor people the corpus quotes: the topic stays whole
        ("Compare what the new rules say about the terminal", [], "the new rules say about the terminal"),
        ("Summarize the dispute over fees", [], "the dispute over fees"),
    ],
)
def test_a_request_naming_outlets_reads_their_articles_on_the_topic(
    request_text: str, sources: list[str], topic: str
) -> None:
    plan = plan_question(request_text, CATALOG)
    assert [s for m in plan.outlets for s in m.sources] == sources
    assert plan.topic == topic
    assert plan.by == "source" and not plan.speakers


def test_a_request_naming_people_compares_what_each_of_them_says() -> None:
    catalog = replace(CATALOG, people=["Anna Dahl", "Ingrid Solheim", "Pieter Dahl"])
    plan = plan_question("Compare what Anna Dahl and Solheim say about the terminal", catalog)
    assert (plan.kind, plan.by, plan.topic) == ("compare", "speaker", "the terminal")
    assert plan.speakers == ("Anna Dahl", "Ingrid Solheim") and not plan.outlets


def test_dates_are_read_with_or_without_a_year_and_publication_dates_told_from_events() -> None:
    dates = find_dates("The Gazette's report published on March 2, 2024 about the storm of 14 February", {2024})
    assert [(d.low, d.high, d.publication, d.explicit) for d in dates] == [
        ("2024-03-02", "2024-03-02", True, True),
        ("2024-02-14", "2024-02-14", False, False),
    ]
    month = find_dates("articles from March 2024", {2024})[0]
    assert (month.low, month.high) == ("2024-03-01", "2024-03-31")
    assert find_dates("posted at 2024-03-05T08:15:00+00:00", {2024})[0].low == "2024-03-05"


def test_a_date_quoted_or_written_with_its_time_is_an_articles_publication_date() -> None:
    # the day quoted as the article's record writes it, after "published at" or "the story on"
    quoted = find_dates("the Gazette piece (published at '2024-03-05T08:15:00+00:00') on the pier", {2024})[0]
    assert (quoted.low, quoted.publication, quoted.explicit) == ("2024-03-05", True, True)
    assert find_dates("the Gazette story on \u201cMarch 5, 2024\u201d", {2024})[0].publication
    # a day written with its time is copied from an article's record, whatever words come before it
    stamped = find_dates("Between the Gazette at 2024-03-05T08:15:00+00:00 and the Courier, did fares rise?", {2024})
    assert stamped[0].publication
    # a bare day after other words is still an event's
    assert not find_dates("the pier that reopened on 2024-03-05 after the storm", {2024})[0].publication


def test_an_outlet_the_corpus_has_nothing_from_is_named_as_missing() -> None:
    plan = plan_question("According to a Bloomberg article, what did the Harbour Gazette say about fees?", CATALOG)
    assert plan.missing == ["an article from Bloomberg"]
    plan = plan_question(
        "What did an article from The Daily Beacon report, and another in the Harbour Gazette?", CATALOG
    )
    assert plan.missing == ["an article from The Daily Beacon"]
    plan = plan_question("Given the fees discussed in a Tidewater Post report, did the ferries run late?", CATALOG)
    assert plan.missing == ["an article from Tidewater Post"]


def test_a_wires_article_an_outlet_ran_is_that_outlets() -> None:
    # "the Bloomberg piece Fortune ran": Fortune's article, though the store holds nothing from Bloomberg
    for question in (
        "Why are fees rising, according to the Bloomberg piece the Harbour Gazette ran?",
        "According to a Reuters story carried by the Harbour Gazette, why are fees rising?",
    ):
        plan = plan_question(question, CATALOG)
        assert plan.missing == [], question
        assert [m.sources for m in plan.outlets] == [("The Harbour Gazette",)], question


def test_an_article_the_articles_write_of_is_reported_on_not_missing() -> None:
    written = {"island", "courier"}

    def reported(name: str) -> bool:
        return all(word in written for word in name.lower().split())

    # an article recording no outlet may be the Island Courier's: an op-ed of it the articles write of is reported on
    unsourced = Catalog.of([*RECORDS, record("e1", "", "2024-03-04")])
    plan = plan_question("Who wrote the Island Courier op-ed on the ferry fares?", unsourced, reported)
    assert not plan.missing
    assert plan.asks_for == "person"  # the writer the articles name, not a byline of theirs
    plan = plan_question("Who wrote the Harbour Post op-ed on the ferry fares?", unsourced, reported)
    assert plan.missing == ["an article from Harbour Post"]
    assert plan.asks_for == "author"
    # when every article records its outlet, the Island Courier's op-ed is none of them: it is missing; but a
    # report it publishes, which the articles write of, is what they report on
    assert plan_question("Who wrote the Island Courier op-ed on the ferry fares?", CATALOG, reported).missing
    assert not plan_question("What did the Island Courier report find about ferry fares?", CATALOG, reported).missing
    # ... "a Island Courier report" is one of its articles, as "a Times of India report" is
    assert plan_question("Did a Island Courier report cover the ferry fares?", CATALOG, reported).missing


def test_an_article_named_by_words_of_its_title_is_the_one_asked_about() -> None:
    titled = [
        ArticleRecord(doc_id="t1", title="Glacier trail reopens above Sorvan", source="", published="2024-05-16"),
        ArticleRecord(doc_id="t2", title="Ferry fares rise on the lake", source="", published="2024-05-02"),
        ArticleRecord(doc_id="t3", title="Ferry subsidy approved", source="", published="2024-05-30"),
    ]
    catalog = Catalog.of([*RECORDS, *titled])
    plan = plan_question("When did the glacier trail article say the rangers cleared the rockfalls?", catalog)
    assert [p.filters.doc_ids for p in plan.parts] == [("t1",)]
    assert plan.title_reference == "the glacier trail article" and not plan.missing
    # a capitalised word of a title is no outlet the store lacks ("the Sorvan piece")
    plan = plan_question("What does the Sorvan piece say about crampons?", catalog)
    assert not plan.missing and [p.filters.doc_ids for p in plan.parts] == [("t1",)]
    # two ferry articles fit "the ferry report"; words that name no title, or any article, narrow nothing
    assert plan_question("What did the ferry report say?", catalog).parts[0].filters.doc_ids == ("t2", "t3")
    for question in ("What did the latest article say about fares?", "What did the harbour report say?"):
        assert plan_question(question, catalog).parts[0].filters.empty


def test_the_titles_of_an_outlets_articles_are_found_by_their_words() -> None:
    titled = [
        ArticleRecord(
            doc_id="f1", title="Ferry strike: crews walk out", source="Fjord Gazette", published="2025-02-03"
        ),
        ArticleRecord(doc_id="f2", title="Budget for new cranes", source="Fjord Gazette", published="2025-02-04"),
        ArticleRecord(doc_id="f3", title="A ferry for the islands", source="Fjord Gazette", published="2025-01-04"),
        ArticleRecord(
            doc_id="k1", title="Ferry walkout strands commuters", source="Coast Courier", published="2025-02-03"
        ),
    ]
    from rag.lexicon import content_stems

    catalog = Catalog.of(titled)
    count, found = catalog.titles_sharing(["Fjord Gazette"], {"ferri", "strike"})
    assert count == 3 and sorted(found) == ["f1", "f3"] and {"ferri", "strike"} <= found["f1"]
    assert Catalog.from_json(catalog.to_json()).titles_sharing(["Coast Courier"], {"walkout"}) == (
        1,
        {"k1": content_stems("Ferry walkout strands commuters")},
    )


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Do the Fjord Gazette's report on the ferry strike and", "the ferry strike"),
        ("Does the Fjord Gazette's report on the ferry strike mention that the market reopened?", "the ferry strike"),
        ("the Fjord Gazette's coverage of the ferry strike", "the ferry strike"),
        ("the Fjord Gazette's ferry strike report", "ferry strike"),  # the topic before the noun
        (
            "Did the Sporting News article reporting the Cowboys' defeat to the Seahawks",
            "the Cowboys' defeat to the Seahawks",
        ),
        ("the report by The Verge on Google's impact on the internet", "Google's impact on the internet"),
        ("the TechCrunch article that discusses Meta's bias", "Meta's bias"),
        ("Does the Fjord Gazette say more sailings were cancelled", ""),  # no article told by its topic
        ("Does the Fjord Gazette agree with the Coast Courier", ""),
    ],
)
def test_an_article_told_by_its_topic_is_read_after_its_noun(text: str, topic: str) -> None:
    from rag.question import described_topic

    assert described_topic(text) == topic


def test_known_outlets_become_one_part_each_with_their_filters() -> None:
    plan = plan_question("Does the Harbour Gazette say fees rose, while Quayside Wire reports that they fell?", CATALOG)
    assert plan.kind == "yes_no" and not plan.missing
    assert [p.filters.sources for p in plan.parts] == [
        ("The Harbour Gazette",),
        ("Quayside Wire | Coastal Business News",),
    ]
    assert plan.parts[1].text.startswith("Quayside Wire reports")


def test_an_outlet_named_after_its_claim_gets_the_words_before_it() -> None:
    plan = plan_question(
        "Which authority raised landing fees by eight percent, according to the Harbour Gazette, and awarded "
        "the dredging contract, as reported by Quayside Wire?",
        CATALOG,
    )
    gazette, wire = (p.text for p in plan.parts)
    assert "landing fees" in gazette and "dredging" not in gazette
    assert "dredging contract" in wire and "landing fees" not in wire
    # named together after the claim: both outlets are asked for the whole of it
    plan = plan_question(
        "Which authority raised landing fees and awarded a dredging contract, as reported by both the Harbour "
        "Gazette and Quayside Wire?",
        CATALOG,
    )
    assert [p.text.count("landing fees and awarded a dredging contract") for p in plan.parts] == [1, 1]
    # named before its claim: the words that follow, as before
    plan = plan_question(
        "According to the Harbour Gazette, did landing fees rise, while Quayside Wire reports a new dredging contract?",
        CATALOG,
    )
    assert "landing fees" in plan.parts[0].text and "dredging" not in plan.parts[0].text
    assert plan.parts[1].text.startswith("Quayside Wire reports a new dredging contract")


def test_an_outlet_named_after_its_claim_in_quotes_or_as_an_article_gets_its_own_clause() -> None:
    # named before its claim, then one named after its own: the words since the last comma are the second's
    plan = plan_question(
        "Does the 'Harbour Gazette' article suggest that landing fees rose by 2,000 francs in March, similarly to "
        "the dredging costs mentioned in the 'Quayside Wire' article?",
        CATALOG,
    )
    gazette, wire = (p.text for p in plan.parts)
    assert "landing fees rose by 2,000 francs in March" in gazette and "dredging" not in gazette
    assert wire.startswith("similarly to the dredging costs") and "landing fees" not in wire
    # a comma in a date is no end of a clause
    plan = plan_question(
        "Did the Harbour Gazette report on March 2nd, 2024 that landing fees rose, as reported by Quayside Wire?",
        CATALOG,
    )
    assert "landing fees rose" in plan.parts[1].text


def test_an_outlet_named_twice_is_asked_each_claim_in_a_part_of_its_own() -> None:
    plan = plan_question(
        "Does the Harbour Gazette say fees rose, while Quayside Wire reports a new dredging contract, "
        "and the Harbour Gazette also says the pier closed?",
        CATALOG,
    )
    assert [p.filters.sources for p in plan.parts] == [
        ("The Harbour Gazette",),
        ("Quayside Wire | Coastal Business News",),
        ("The Harbour Gazette",),
    ]
    assert "fees rose" in plan.parts[0].text and "pier" not in plan.parts[0].text
    assert "pier" not in plan.parts[1].text
    assert "the pier closed" in plan.parts[2].text and "fees" not in plan.parts[2].text


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("Do both articles from the Harbour Gazette say the fees rose?", 2),
        ("Do both Harbour Gazette articles say the fees rose?", 2),
        ("Do the Harbour Gazette's reports agree on the fees?", 2),
        ("Do the articles from the Harbour Gazette agree on the fees?", 2),
        ("Does the Harbour Gazette article say the fees rose?", 1),
        # two outlets named together: one article each, as before
        ("Do both the Harbour Gazette and Quayside Wire articles say the fees rose?", 2),
    ],
)
def test_one_outlet_named_in_the_plural_is_two_of_its_articles(question: str, parts: int) -> None:
    plan = plan_question(question, CATALOG)
    assert len(plan.filtered_parts) == parts
    if "Quayside" not in question:
        assert {p.filters.sources for p in plan.filtered_parts} == {("The Harbour Gazette",)}


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        # another outlet named too: the one in the plural still stands for two of its articles
        (
            "Does the Quayside Wire article say the dredging began, while the Harbour Gazette articles focus on "
            "the fees and the pier?",
            [("Quayside Wire | Coastal Business News",), ("The Harbour Gazette",), ("The Harbour Gazette",)],
        ),
        (
            "Do the two Harbour Gazette reports agree with Quayside Wire on the fees?",
            [("The Harbour Gazette",), ("The Harbour Gazette",), ("Quayside Wire | Coastal Business News",)],
        ),
        # "reports" after a name with no determiner is a verb: one article
        (
            "Does Quayside Wire say the dredging began, while the Harbour Gazette reports a rise in fees?",
            [("Quayside Wire | Coastal Business News",), ("The Harbour Gazette",)],
        ),
        # the plural shared by two outlets named together: one article each
        (
            "Does the Fortune Bay Times say the pier closed, while the Harbour Gazette and Quayside Wire articles "
            "report the fees?",
            [("Fortune Bay Times",), ("The Harbour Gazette",), ("Quayside Wire | Coastal Business News",)],
        ),
    ],
)
def test_an_outlet_named_in_the_plural_beside_others_is_two_of_its_articles(
    question: str, parts: list[tuple[str, ...]]
) -> None:
    plan = plan_question(question, CATALOG)
    assert [p.filters.sources for p in plan.filtered_parts] == parts
    labels = [p.label for p in plan.filtered_parts]
    assert len(set(labels)) == len(labels)  # the second article of an outlet is "another article"


@pytest.mark.parametrize(
    ("question", "again"),
    [
        (
            "Does the Harbour Gazette article stating fees rose align with the same source's claim about the pier?",
            "the same source's claim about the pier?",
        ),
        ("Did Quayside Wire say the fees rose, and did the same publication also report the pier closed?", "pier"),
        ("Has the Harbour Gazette's coverage of the pier changed from their earlier report on the fees?", "fees"),
    ],
)
def test_an_outlet_named_again_without_its_name_is_another_of_its_articles(question: str, again: str) -> None:
    plan = plan_question(question, CATALOG)
    first, second = plan.filtered_parts
    assert first.filters == second.filters and first.filters.sources
    assert again in second.text and again not in first.text
    assert second.label.endswith("another article")


def test_a_later_report_naming_its_own_outlet_is_that_outlets() -> None:
    plan = plan_question(
        "Between the report from the Harbour Gazette on fees and the subsequent report from Quayside Wire on the "
        "pier, did their views change?",
        CATALOG,
    )
    assert [p.filters.sources for p in plan.parts] == [
        ("The Harbour Gazette",),
        ("Quayside Wire | Coastal Business News",),
    ]
    # with no outlet named before it, "the same source" refers to nothing
    assert plan_question("Did the same source report that the fees rose?", CATALOG).parts[0].filters.empty


def test_an_outlet_is_found_without_its_leading_the_unless_one_word_is_left() -> None:
    plan = plan_question("What did Harbour Gazette report about the fees?", CATALOG)
    assert [m.sources for m in plan.outlets] == [("The Harbour Gazette",)]
    # "Ledger" alone is a word of its own
    assert "Ledger" not in {alias for alias, _ in CATALOG.aliases()}
    assert plan_question("Which ledger shows the fees?", CATALOG).outlets == []


def test_an_outlet_named_by_ordinary_words_is_no_outlet_where_they_are_written_as_words() -> None:
    catalog = Catalog.of((*RECORDS, record("e1", "The Age", "2024-03-10"), record("e2", "The Verge", "2024-03-11")))
    # a question writing names with capitals writes an outlet's name with them too; "... of" goes on as words
    assert plan_question("What did Ada Okoro say about going to sea at the age of 16?", catalog).outlets == []
    assert plan_question("Which ports are on the verge of closing?", catalog).outlets == []
    assert plan_question("What did the Age report about Ada Okoro's fees?", catalog).parts[0].filters.sources == (
        "The Age",
    )
    # a question in small letters throughout (acronyms aside) names its outlets in them too
    assert plan_question("what did the verge say about the fees", catalog).parts[0].filters.sources == ("The Verge",)
    assert plan_question("which QB did the verge pick", catalog).parts[0].filters.sources == ("The Verge",)


def test_a_publication_date_narrows_its_outlet_and_one_with_no_article_is_missing() -> None:
    plan = plan_question("What did the Harbour Gazette report published on March 9, 2024 say about fees?", CATALOG)
    part = plan.parts[0]
    assert (part.filters.published_from, part.filters.published_to) == ("2024-03-08", "2024-03-10")
    plan = plan_question("What did the Harbour Gazette report published on March 20, 2024 say about fees?", CATALOG)
    assert plan.missing == ["an article from the Harbour Gazette published on March 20, 2024"]


def test_each_publication_date_after_one_outlet_is_a_part_of_its_own() -> None:
    plan = plan_question(
        "Between the Harbour Gazette report on port fees published on March 2, 2024, and the report on "
        "the pier's closure published on March 9, 2024, did the paper's view of the harbour change?",
        CATALOG,
    )
    assert [(p.filters.sources, p.filters.published_from, p.filters.published_to) for p in plan.parts] == [
        (("The Harbour Gazette",), "2024-03-01", "2024-03-03"),
        (("The Harbour Gazette",), "2024-03-08", "2024-03-10"),
    ]
    assert "port fees" in plan.parts[0].text and "closure" not in plan.parts[0].text
    assert "closure" in plan.parts[1].text and "fees" not in plan.parts[1].text
    # a date written before the article it dates ("its March 9, 2024, article") is a publication date too
    plan = plan_question(
        "Did the Harbour Gazette contradict itself in its March 2, 2024, article on fees or its March 9, 2024, "
        "article on the pier?",
        CATALOG,
    )
    assert [p.filters.published_from for p in plan.parts] == ["2024-03-01", "2024-03-08"]


def test_a_part_naming_only_its_outlet_and_date_is_about_nothing_of_its_own() -> None:
    plan = plan_question(
        "Between the report from the Harbour Gazette published on March 2, 2024, and the report from Quayside "
        "Wire published on March 5, 2024, did the account of the ferry terminal's cost stay the same?",
        CATALOG,
    )
    first, second = plan.parts
    assert first.filters.sources == ("The Harbour Gazette",) and "Harbour Gazette" in first.text
    # what the question asks: no outlet, no day of publication, no "report"
    asked = "Between the from on , and the from on , did the account of the ferry terminal's cost stay the same?"
    assert plan.asked == asked
    # the first part says nothing of its own: it is searched, and its sentences ranked, with the question's words
    assert plan.searched_with(first) == plan.part_asks(first) == plan.asked
    assert plan.searched_with(second) == second.text
    assert plan.part_asks(second) == "on , did the account of the ferry terminal's cost stay the same?"
    # a question naming no outlet, date or title asks of its reports as it says
    plain = plan_question("What did the report on the ferry terminal find?", CATALOG)
    assert plain.asked == "What did the report on the ferry terminal find?"


def test_the_day_an_outlet_reported_on_something_is_a_publication_date() -> None:
    plan = plan_question(
        "After the Harbour Gazette reported on the new port fees on March 2, 2024, and again on March 9, 2024, "
        "was its account of the fees consistent?",
        CATALOG,
    )
    assert [p.filters.published_from for p in plan.parts] == ["2024-03-01", "2024-03-08"]
    # a date named before the outlet is not its report's day
    plan = plan_question("Did the storm on March 9, 2024 close the pier, according to the Harbour Gazette?", CATALOG)
    assert not plan.missing and plan.parts[0].filters.published_from == ""


@pytest.mark.parametrize(
    "question",
    [
        "Was the fee rise reported alike in the Harbour Gazette report published on March 9, 2024, and the "
        "Quayside Wire report published at 18:00 on the same day?",
        "After the Harbour Gazette reported on March 9, 2024, about the fee rise, did Quayside Wire maintain "
        "consistency in their report later that same day?",
    ],
)
def test_the_same_day_is_the_day_named_before_it(question: str) -> None:
    catalog = Catalog.of([*RECORDS, record("b2", "Quayside Wire | Coastal Business News", "2024-03-09")])
    plan = plan_question(question, catalog)
    assert [(p.filters.published_from, p.filters.published_to) for p in plan.parts] == [
        ("2024-03-08", "2024-03-10"),
        ("2024-03-08", "2024-03-10"),
    ]
    # with no day named before it, "the same day" is no date
    assert plan_question("Did the pier close on the same day as the fee rise?", catalog).dates == []


def test_an_article_published_before_or_after_a_date_is_looked_for_on_that_side_of_it() -> None:
    plan = plan_question("What did the Harbour Gazette report published before March 5, 2024 say about fees?", CATALOG)
    part = plan.parts[0]
    assert part.filters.published_to == "2024-03-06" and part.filters.published_from < "2024-01-01"
    assert part.label == "the Harbour Gazette, before March 5, 2024"
    plan = plan_question("What did the Harbour Gazette report published after March 5, 2024 say about fees?", CATALOG)
    part = plan.parts[0]
    assert part.filters.published_from == "2024-03-04" and part.filters.published_to > "2024-12-30"


def test_an_event_date_is_not_taken_for_a_publication_date() -> None:
    plan = plan_question("Did the Harbour Gazette say the storm of March 20, 2024 closed the pier?", CATALOG)
    assert not plan.missing
    assert plan.parts[0].filters.published_from == ""


def test_a_day_no_article_of_the_outlet_was_published_on_is_a_day_in_what_is_asked() -> None:
    # "suggest ... on March 20" could be the report's day; the Gazette published nothing then: the day is
    # the pier's, and the answer's sentence is ranked by it
    question = "Does the Harbour Gazette article suggest that the pier reopens on March 20, 2024?"
    plan = plan_question(question, CATALOG)
    assert not plan.missing and plan.parts[0].filters.published_from == ""
    assert "March 20, 2024" in plan.asked
    # ... while a day it published on is the report's, and not asked about
    plan = plan_question(question.replace("March 20", "March 9"), CATALOG)
    assert plan.parts[0].filters.published_from == "2024-03-08"
    assert "March 9" not in plan.asked
    # with no outlet named: no article at all of that day
    plan = plan_question("What did the report on March 20, 2024 say about the pier?", CATALOG)
    assert not plan.missing and "March 20, 2024" in plan.asked


def test_ordinary_words_and_a_capital_at_the_start_are_not_outlets() -> None:
    plan = plan_question("Fortune smiled on the fishermen who made a fortune, says the Ledger?", CATALOG)
    assert [m.written for m in plan.outlets] == ["the Ledger"]
    plan = plan_question("What did the AI-powered pilot feature do for the ferries?", CATALOG)
    assert plan.missing == [] and plan.outlets == []


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("What was Kelby Bank's full-year cash profit?", ("profit", "money")),
        ("What were the ferry operator's earnings last year?", ("earnings", "money")),
        ("What is the battery life of the Kelby X2?", ("battery life", "duration")),
        # the first word of a compound asks for no sum
        ("What was Kelby Bank's profit margin?", ("", "")),
        ("What is the debt-to-GDP ratio of Norvik?", ("", "")),
        ("What is the income tax threshold in Norvik?", ("", "")),
        # ... but a rate named as one is a share asked for
        ("What is the income tax rate in Norvik?", ("tax rate", "percent")),
        # ... unless it is one: a salary cap, a debt ceiling
        ("What is the salary cap?", ("salary", "money")),
    ],
)
def test_a_measure_asked_for_is_read_from_its_noun(question: str, measure: tuple[str, str]) -> None:
    assert asked_measure(question) == measure


def test_an_outlet_of_three_words_or_more_is_found_by_its_initials_in_capitals() -> None:
    # readers write "the SMH" for The Sydney Morning Herald, "NYT" for The New York Times
    plan = plan_question("According to the FBT, what odds did the market give a rate rise?", CATALOG)
    assert [(m.written, m.sources) for m in plan.outlets] == [("FBT", ("Fortune Bay Times",))]
    assert not plan.missing
    # in small letters or not all capitals, or of a two-word name ("HG": Harbour Gazette), they are no outlet's
    assert plan_question("What did the fbt say about the fees?", CATALOG).outlets == []
    assert plan_question("Who did Anna Fbt meet about the fees?", CATALOG).outlets == []
    assert plan_question("What did the HG say about the fees?", CATALOG).outlets == []
    assert "HG" not in {alias for alias, _ in CATALOG.aliases()}


def test_a_two_word_outlet_is_its_initials_where_an_article_is_asked_for() -> None:
    # "the FT piece" is the Financial Times'; only where a question asks for an article, as initials in capitals
    plan = plan_question("In the HG piece on the ferry fees, what did the mayor say about the fares?", CATALOG)
    assert [(m.written, m.sources) for m in plan.outlets] == [("HG", ("The Harbour Gazette",))]
    assert not plan.missing
    plan = plan_question("In the XQ piece on the ferry fees, what did the mayor say about the fares?", CATALOG)
    assert plan.missing and "XQ" in plan.missing[0]


def test_a_one_word_outlet_written_with_capitals_of_its_own_is_that_outlet() -> None:
    catalog = Catalog.of((*RECORDS, record("e1", "TalkSport", "2024-03-10")))
    plan = plan_question("How many goals did talkSPORT credit the striker with?", catalog)
    assert [(m.written, m.sources) for m in plan.outlets] == [("talkSPORT", ("TalkSport",))]
    assert plan_question("Did the talksport show air on Sunday?", catalog).outlets == []


def test_a_long_description_is_read_clause_by_clause_without_its_outlets() -> None:
    plan = plan_question(
        "Which company, reported by the Harbour Gazette and Quayside Wire, runs the Kelby Island route, "
        "plans to add two boats this summer, and whose chief executive expects bookings to double?",
        CATALOG,
    )
    assert plan.facets == [
        "runs the Kelby Island route",
        "plans to add two boats this summer",
        "chief executive expects bookings to double?",
    ]
    assert not any("Gazette" in f or "Quayside" in f for f in plan.facets)
    assert plan_question("Who runs the Kelby Island route?", CATALOG).facets == []
    # "and" between two names joins them; between clauses it still parts them
    joined = "What ferry routes does Halvorsen expect Kelby Island and Port Alder to share next summer?"
    assert plan_question(joined, CATALOG).facets == []
    parted = "Did Kelby Island add two boats this summer and did Halvorsen expect bookings to double?"
    assert plan_question(parted, CATALOG).facets == [
        "Did Kelby Island add two boats this summer",
        "did Halvorsen expect bookings to double?",
    ]


def test_that_after_a_preposition_points_at_something_and_parts_no_clause() -> None:
    # "in that age group": a determiner, and the clause it stands in is one clause; "that" after a noun still parts
    plan = plan_question(
        "Which ferry firm, once the busiest on that stretch of coast, cut its winter sailings by half, "
        "and blamed a fuel bill that doubled in price last winter?",
        CATALOG,
    )
    assert plan.facets == [
        "once the busiest on that stretch of coast",
        "cut its winter sailings by half",
        "blamed a fuel bill",
        "doubled in price last winter?",
    ]


def test_the_articles_of_every_part_together_bound_a_questions_clauses() -> None:
    plan = plan_question(
        "Does the Harbour Gazette report of March 9, 2024 say fees rose, while Quayside Wire reports that they fell?",
        CATALOG,
    )
    bound = plan.every_part_filters
    assert bound.sources == ("The Harbour Gazette", "Quayside Wire | Coastal Business News")
    assert bound.published_from == ""  # one part is dated, the other is not: any date
    dated = plan_question(
        "Did the Harbour Gazette on March 9, 2024 and the Ledger on February 20, 2024 both mention the ferry?", CATALOG
    )
    low, high = dated.every_part_filters.published_from, dated.every_part_filters.published_to
    assert low <= "2024-02-20" and high >= "2024-03-09"  # one range spans both parts' dates
    assert plan_question("Did fees rise, as the Harbour Gazette says?", CATALOG).every_part_filters.sources == (
        "The Harbour Gazette",
    )
    assert plan_question("Did fees rise at the harbour?", CATALOG).every_part_filters.empty


def test_the_catalog_is_kept_on_disk_for_the_stores_contents(tmp_path: Path) -> None:
    assert Catalog.from_json(json.loads(json.dumps(CATALOG.to_json()))) == CATALOG
    reads: list[str] = []

    def records(doc_ids: list[str]) -> Callable[[], list[ArticleRecord]]:
        def read() -> list[ArticleRecord]:
            reads.append(",".join(doc_ids))
            return [record(d, f"Source {d}", "2024-03-02") for d in doc_ids]

        return read

    folder = tmp_path / "catalog"
    first = cached_catalog(folder, "fp1", records(["a"]))
    again = cached_catalog(folder, "fp1", records(["never read"]))  # a new process, the same contents
    assert first == again and again.sources_named("Source a") == ["Source a"] and reads == ["a"]
    changed = cached_catalog(folder, "fp2", records(["a", "b"]))  # a write renewed the fingerprint
    assert changed.sources_named("Source b") == ["Source b"] and reads == ["a", "a,b"]
    [kept] = [p.name for p in folder.iterdir()]
    assert kept.startswith("fp2"), "only the current copy is kept"
    (folder / kept).write_text("{not json", encoding="utf-8")
    assert cached_catalog(folder, "fp2", records(["a", "b"])) == changed and reads[-1] == "a,b"
    # a copy of an older format (no count of articles without a source) is rebuilt, not misread
    (folder / kept).unlink()
    (folder / "fp2.json").write_text(json.dumps({k: v for k, v in changed.to_json().items() if k != "unsourced"}))
    unsourced = cached_catalog(folder, "fp2", lambda: [record("c", "", "2024-03-02")])
    assert unsourced.unsourced == 1 and [p.name for p in folder.iterdir()] == [kept]


def test_the_people_a_question_names_are_found_by_full_name_or_capitalised_surname() -> None:
    catalog = Catalog(people=["Anna Dahl", "Ingrid Solheim", "Pieter Dahl", "Li Wu"])
    assert catalog.people_named("what did ingrid solheim say about silt?") == ["Ingrid Solheim"]
    assert catalog.people_named("Did Dahl agree with Solheim?") == ["Anna Dahl", "Ingrid Solheim", "Pieter Dahl"]
    assert catalog.people_named("Is the dahl spicy?") == [], "a lower-case surname is a word"
    assert catalog.people_named("What did Wu say?") == [], "a short surname alone is too often something else"
    assert catalog.people_named("What did Li Wu say?") == ["Li Wu"]
    # a possessive is no part of the name: "Solheim's take", "Li Wu’s view"
    assert catalog.people_named("What is port chief Ingrid Solheim's take on silt?") == ["Ingrid Solheim"]
    assert catalog.people_named("What is Solheim's view?") == ["Ingrid Solheim"]
    assert catalog.people_named("What is Li Wu’s view?") == ["Li Wu"]
    # an apostrophe is one apostrophe however it is typed: "O'Kane" (straight) names Siobhan O’Kane (curly)
    curly = Catalog(people=["Siobhan O’Kane"])
    assert curly.people_named("What does Siobhan O'Kane say about the night boats?") == ["Siobhan O’Kane"]
    assert curly.people_named("Did O'Kane agree?") == ["Siobhan O’Kane"]
    # a surname that is a word of another name stands for no one: "West Indies", "Super Bowl"; "Anna Dahl" is not Pieter
    catalog = Catalog(people=["Brian West", "Lena Bowl", "Anna Dahl", "Pieter Dahl"])
    assert catalog.people_named("By how many wickets did West Indies beat England?") == []
    assert catalog.people_named("Is the tradition older than the Super Bowl?") == []
    assert catalog.people_named("What did Anna Dahl say?") == ["Anna Dahl"]
    assert catalog.people_named("Did Minister West or Japan's Dahl speak first?") == [
        "Brian West",
        "Anna Dahl",
        "Pieter Dahl",
    ]
    assert catalog.people_named("West said what?") == ["Brian West"]


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("How many cranes did the harbour board buy?", "cranes"),
        ("Exactly how many cranes did the harbour board buy?", "cranes"),  # hedged
        ("How many electric cranes does the port run?", "cranes"),
        # the words that qualify it come first: the counted noun stands before the verb
        ("How many Harbour Board pilot boats were sold?", "boats"),
        ("What is the outcome of the vote?", "outcome"),
        ("How many people attended the regatta?", ""),  # no verb after it, and "people" says nothing (a measure)
        ("What was the attendance at the regatta?", "attendance"),
        ("What is the top speed of the new ferry?", "speed"),
        ("What was the turnout in the harbour vote?", "turnout"),
        ("What is the name of the ferry?", ""),  # a name says nothing of what is asked
        # times are counted of a deed: the deed is what the answer must tell
        ("How many times was Tomas Reyes sacked in the loss?", "sacked"),
        ("How many times has the harbour board raised its fees?", "raised"),
        ("How many times did the ferry run?", ""),
        # the deed done to a name; a preposition before a name is none ("sacked against Vesta": no deed "against")
        ("How many times did Kessel Rovers sack Ola Lund?", "sack"),
        ("How many times did Ola Lund get sacked against Vesta, and how many yards did Kessel gain?", ""),
        ("How many times did Ola Lund score at Kessel Park?", ""),
        ("How many times did the Rovers lose within Ola Lund's six seasons?", ""),
        # a bound asked for is a figure of the noun
        ("What minimum credit score do you need for the card?", "score"),
        ("What is the maximum fine under the harbour act?", "fine"),
        # a price asked for is the price of what is bought or done: a sentence giving the sum names it
        ("How much does it cost to renew a harbour permit from abroad?", "permit"),
        ("How much does it cost to ride the Kessel tram?", "tram"),
        ("How much does a season ticket cost?", "ticket"),
        ("How much does it cost?", ""),
        ("how much is a week's ferry pass in kessel", "pass"),
        ("How much is allotted for harbour repair funds in the 2025 budget?", "funds"),
        ("How much was spent on the new terminal?", "terminal"),
        ("How much is a season ticket worth?", ""),  # worth is what is asked, not of what
        ("how much are the Kelby Aura going for at Orvin Electric?", ""),  # "going for" asks a price, of no "going"
        ("How much is the harbour pass selling for?", ""),
        ("How much does a Quayside+ pass cost per month?", "pass"),  # a product's name may end with a "+"
        # what is paid for, bought or spent on
        ("How much did Nuvo pay for the quay site?", "site"),
        ("How much is Brannock paying to acquire the harbour's ferry business?", "business"),
        ("How much did the council spend on the new terminal?", "terminal"),
        ("How much is Brannock paying its chief executive per year?", ""),
        ("How much did the city spend on buses last year?", "buses"),  # the noun ends before "last", "to", "and"
        ("How much did fans pay for tickets to the final?", "tickets"),
        ("How much did they pay for it?", ""),  # a pronoun names nothing the sentences must write
        ("How much did Kessel Marine pay for Brannock Shipping?", ""),  # a name: the articles may write it shorter
        # an adverb after what is paid for is no part of it
        ("how much did lena ortiz pay for marlow freight house back in 2022", "house"),
        ("How much did Nuvo pay for the quay site originally?", "site"),
        # a sum beside the verb fining or paying someone
        ("How much money was Ola Lund fined for the late blow?", "fined"),
        ("how much was the new harbour master paid", "paid"),
        # what is counted, as the doer of a deed; not an adverb before the verb
        ("how many Kessel staff signed the letter to the board?", "staff"),
        ("How many fans actually turned up at the regatta?", "fans"),
        ("How many turkeys get eaten at the harbour feast?", ""),
        # a verb is no noun: the word after a subject pronoun, a word in -ing before the preposition ending the question
        ("What is the minimum you need to put into the Kessel harbour fund?", ""),
        ("What is the minimum we have to pay for a Quayside pass?", ""),
        ("what are the kelby auras going for?", ""),
        ("What is the Norvik ferry fleet's average age?", ""),
        ("What is the minimum deposit for a Quayside pass?", "deposit"),  # a noun before "for" is still one
    ],
)
def test_the_noun_a_counting_question_turns_on(question: str, focus: str) -> None:
    assert question_focus(question) == focus


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("What was the attendance at the regatta?", ("attendance", "count")),
        ("What is Quayside's GDP, according to the report?", ("gdp", "count")),
        ("What was the final score when the Rovers met Kessel?", ("score", "score")),
        ("What is the harbour board's ferry ticket price?", ("price", "money")),
        ("What is the north stand's capacity?", ("capacity", "count")),
        ("What was the board's reason for the fee?", ("", "")),  # no measure
        ("What is the score of the film?", ("score", "score")),  # the word's other sense, read as a measure too
        # how many came is the attendance: a crowd's count, not any number of people
        ("How many people attended the regatta?", ("attendance", "count")),
        ("How many fans turned out for the final?", ("attendance", "count")),
        ("How many people work at the port?", ("", "")),
        # the measure right after "what"
        ("What salary is the new harbour master paid?", ("salary", "money")),
        ("What price did the ferry fetch at auction?", ("price", "money")),
        ("What were the port's annual revenues before the sale?", ("revenue", "money")),  # the plural too
        # ... after words saying which
        ("What weekly wage does the new striker earn?", ("wage", "money")),
        ("What transfer fee did Harbour United pay?", ("fee", "money")),
        # a wage, a fine, a payout are sums; a prison sentence is a length of time
        ("What is the new striker's weekly wage?", ("wage", "money")),
        ("What was the fine the league handed the club?", ("fine", "money")),
        ("What prison sentence did the former finance chief get?", ("sentence", "duration")),
        ("What other ferries did the board buy?", ("", "")),
        # the words in other senses, or the first word of a compound
        ("What is the fine print of the deal?", ("", "")),
        ("What was the pay dispute about?", ("", "")),
        ("What is the compensation committee's view?", ("", "")),
        ("What does the fine do to the club?", ("", "")),
        # a question typed as the measure's name
        ("Final score of the Harbour Hawks vs Lakeside Owls game?", ("score", "score")),
        ("halden aria 4 battery life?", ("battery life", "duration")),
        ("harbour budget", ("", "")),  # typed as a search: the topic
        # ... or a search for the measure of a thing it names in three words or more
        ("halden aria 4 battery life", ("battery life", "duration")),
        ("kelby sti test kit price uk", ("price", "money")),
        ("quayside rovers season ticket price 2025", ("price", "money")),
        ("give me an overview of the norvik harbour budget", ("", "")),  # a request on a topic
        ("key takeaways on the norvik defence budget", ("", "")),
        ("norvik city harbour budget cuts", ("", "")),  # the first word of a compound
        # ... a topic searched, the measure one of its words: nothing after it but where or when
        ("mara fenwick fraud trial sentence date", ("", "")),
        ("norvik mayor spring budget reaction", ("", "")),
        ("nyc congestion pricing fee lawsuit", ("", "")),
        ("best restaurants for fine dining", ("", "")),
        ("ways to improve your credit score", ("", "")),
        ("kelby aura headphones price in the uk", ("price", "money")),
        ("price of the Kelby Aura in Norvik", ("price", "money")),
        ("the cost of living in Norvik", ("", "")),  # a compound noun
        # a record of games won and lost is a score ("a 2-7 win-loss record")
        ("What was the Rovers coach's win-loss record in 2024?", ("win-loss record", "score")),
        # ... asked as whose it is or what kind: "the Hawks are 8-10", "Lund moved to 24-0"
        ("What is the Hawks' record after the collapse in Kessel?", ("record", "score")),
        ("What's Ola Lund's professional record after the knockout?", ("record", "score")),
        ("What overall record did the Rovers coach finish with?", ("record", "score")),
        # not a record set or broken
        ("What was the rookie record Ola Lund broke?", ("", "")),
        ("What is the record low price for the Kelby Aura?", ("price", "money")),
        # a measure asked by its size
        ("How big was the crowd at the Quayside final?", ("crowd", "count")),
        ("How large is Norvik's debt now?", ("debt", "money")),
        ("How big was the price cut on the Kelby Aura?", ("", "")),  # the first word of a compound
        # takings are a sum; a sales manager is no measure
        ("What were Kelby Motors' Norvik sales in the first quarter?", ("sales", "money")),
        ("What is the sales manager's name at Kelby Motors?", ("", "")),
        # what a thing is going or selling for is its price
        ("what are the kelby aura headphones going for?", ("price", "money")),
        ("What's the Quayside pass selling at right now?", ("price", "money")),
        ("What are the Kessel rowers going for this season?", ("", "")),  # what they aim at, not a price
    ],
)
def test_a_measure_a_question_asks_for(question: str, measure: tuple[str, str]) -> None:
    assert asked_measure(question) == measure


def test_the_later_halves_of_a_compound_question() -> None:
    assert question_halves("When does the Harbour Gazette's sale start, and do Gazette subscribers get in early?") == [
        Half(
            "do Gazette subscribers get in early?",
            "do Gazette subscribers get in early? Harbour Gazette",
            names_own=False,
        )
    ]
    # a half naming someone the first does not is about them; one that names no one is about what the first found
    halves = question_halves("How much did the port pay for the cranes, and what did Anna Dahl say?")
    assert [h.names_own for h in halves] == [True]
    assert [h.names_own for h in question_halves("How old was Li Wu when she won, and who was her coach?")] == [False]
    # "and is also named by" goes on describing; one content word is a half ("and who was the subject?")
    assert question_halves("Which firm, reported by Fortune, and is also named by The Ledger, won?") == []
    assert len(question_halves("How old was Li Wu at the regatta, and who was the skipper?")) == 1
    # a word hedging the figure a half asks for comes before its question word
    halves = question_halves("which two firms run the Quayside regatta and about how many boats signed up?")
    assert [h.asked for h in halves] == ["about how many boats signed up?"]
    # ... and a preposition ("on what date", "against whom", "during which week")
    halves = question_halves("How many ferries does the new law allow, and on what date do the first ones sail?")
    assert [h.asked for h in halves] == ["on what date do the first ones sail?"]
    halves = question_halves("Who won the Quayside regatta, and against which crew did they race in the final?")
    assert [h.asked for h in halves] == ["against which crew did they race in the final?"]
    assert question_halves("What did Li Wu say about the regatta and about how the boats were chosen?") == []
    # two questions asked one after the other: the second is a half, searched with the names of the first
    halves = question_halves(
        "I read the Quayside regatta is older than the Fjord Cup - is that right? When was it first sailed?"
    )
    assert [(h.asked, h.text) for h in halves] == [
        ("When was it first sailed?", "When was it first sailed? Quayside Fjord Cup")
    ]
    assert question_halves("Is the regatta older than the Fjord Cup?") == []


def test_the_other_words_of_what_a_price_is_asked_of() -> None:
    assert question_focus_words("How much does a year of lecanemab treatment cost?") == ("lecanemab",)  # not "year"
    assert question_focus_words("how much is a week's ferry pass in kessel") == ()  # "ferry" is too common
    assert question_focus_words("How many cranes does the port have?") == ()


def test_a_site_is_found_as_readers_write_its_name() -> None:
    # "KesselSports.com" is written "Kessel Sports" (or "KesselSports") in a question, anywhere in it
    catalog = Catalog.of((*RECORDS, record("e1", "KesselSports.com", "2024-03-03")))
    for question in (
        "According to Kessel Sports, who won the regatta?",
        "what did kessel sports say about the regatta",
        "Summarize the KesselSports regatta preview",
    ):
        outlets = plan_question(question, catalog).outlets
        assert [m.sources for m in outlets] == [("KesselSports.com",)], question
    assert plan_question("Which sports clubs from Kessel rowed at the regatta?", catalog).outlets == []


@pytest.mark.parametrize(
    ("request_text", "sources"),
    [
        # one outlet's writing, named where the topic opens: a briefing on what that outlet wrote
        ("Give me an overview of the Harbour Gazette's list of the best ferry routes.", ("The Harbour Gazette",)),
        ("summarize the Quayside Wire piece on the dredging contract", ("Quayside Wire | Coastal Business News",)),
        ("What's the gist of the Harbour Gazette interview with the new harbour master?", ("The Harbour Gazette",)),
        # an outlet named as a subject of the topic, not as its writer: no filter
        ("Give me a rundown of the Harbour Gazette's sale to a hedge fund", ()),
        ("Summarize the ferry strike", ()),
    ],
)
def test_a_briefing_on_one_outlets_piece_reads_that_outlet(request_text: str, sources: tuple[str, ...]) -> None:
    plan = plan_question(request_text, CATALOG)
    assert plan.kind == "brief"
    assert tuple(s for m in plan.outlets for s in m.sources) == sources


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("Who was the referee that gave Belgium the late penalty?", "referee"),
        ("Who will be Ryan Blaney's spotter in 2024?", "spotter"),
        ("Who was the team's top scorer last season?", "scorer"),
        ("Who was the starting quarterback Sunday?", "quarterback"),
        ("Who was the pilot flying the plane?", "pilot"),
        ("Who is the fastest man alive?", ""),
        ("Who is Yu Koizumi?", ""),
        ("Who won the game?", ""),
    ],
)
def test_the_noun_a_who_question_calls_its_answer_by(question: str, noun: str) -> None:
    assert asked_holder(question) == noun


LABELLED = Catalog.of(
    [
        *RECORDS,
        record("f1", "Quaylink", "2024-03-06"),
        record("g1", "Beacon", "2024-03-07"),
        record("h1", "Bustle", "2024-03-08"),
    ]
)


@pytest.mark.parametrize(
    ("question", "sources"),
    [
        # a one-word outlet set off at the start as the label of what is asked of it
        ("Beacon: how much did the new ferry cost?", [("Beacon",)]),
        ("Beacon - how much did the new ferry cost?", [("Beacon",)]),
        # ... or written with its capital, a few words of topic on (a lower-case question gets the capitals back of
        # the names its corpus writes with them, before it is read)
        ("Quaylink ferry deals - what is the cheapest pass going for?", [("Quaylink",)]),
        ("Quaylink ferry deals: what is the cheapest pass?", [("Quaylink",)]),
        ("quaylink: what did the Kessel ferry cost?", [("Quaylink",)]),  # the label in lower case, capitals after it
        # ... not a word that also names an outlet, in lower case a few words before a colon or inside the question
        ("bustle around the market: when does it open?", []),
        ("what did the quaylink deals page say about Kessel ferries?", []),
        # a common word opening a question, or typed in lower case, is a word
        ("Beacon fires were lit for the ferry crews?", []),
        ("how did the beacon guide the ferry crews?", []),
    ],
)
def test_a_one_word_outlet_opening_a_question_is_read_as_its_label(
    question: str, sources: list[tuple[str, ...]]
) -> None:
    assert [m.sources for m in plan_question(question, LABELLED).outlets] == sources


def test_a_measure_asked_in_the_plural_is_no_noun_a_figure_must_stand_beside() -> None:
    # "the final scores" are scores ("a 34-20 win"), not figures written beside the word "score"
    plan = plan_question("What were the final scores of the Hawks' win and the Rovers' game at Lund?", CATALOG)
    assert plan.measure == "score" and plan.focus == ""
    plan = plan_question("What was the final score of the Hawks' win at Lund?", CATALOG)
    assert plan.measure == "score" and plan.focus == ""


def test_the_numbered_instances_a_question_names_tell_another_instances_article() -> None:
    assert numbered_instances("final score world series game 4 rangers vs diamondbacks") == {"game": {4}}
    assert numbered_instances("Week 12 and Week 14 RB rankings, season two") == {"week": {12, 14}, "season": {2}}
    assert numbered_instances("Weeks 12-14 rankings, week 12 to 14") == {}, "a range names none of its weeks"
    assert numbered_instances("He won the game 3 times") == {}
    assert numbered_instances("Who won the game 2 weeks ago?") == {}, "a length of time, no game's number"
    assert answer_kind("Who resigned, and why did they leave?") == ("entity", "person"), "the first half asks a name"
    plan = QuestionPlan("final score world series game 4 rangers vs diamondbacks")
    assert plan.of_another_instance("World Series Game 2: Arizona Diamondbacks v Texas Rangers – live")
    assert not plan.of_another_instance("World Series live score: results from Game 4")
    assert not plan.of_another_instance("Rangers vs. Diamondbacks: a World Series preview"), "numbers no game"
    assert not plan.of_another_instance("Fantasy Week 2 rankings"), "another kind of instance"
    assert not QuestionPlan("who won the world series").of_another_instance("World Series Game 2 live")
