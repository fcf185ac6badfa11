"""What decides a refusal (names, never ordinary words; text matched after folding) and which entity answers."""

from __future__ import annotations

import pytest
from llama_index.core.base.embeddings.base import BaseEmbedding

from rag.coverage import Vocabulary, close_forms, specific_terms, spelled_out, topic_terms
from rag.entities import fixed_name_owners, known_names, names_in, person_like, vote
from rag.lexicon import content_stems, fold, stem, words, written_stems
from rag.ranking import DATA_LINE, RANK_PENALTY, SentenceRanker
from rag.records import BESIDE, Evidence, Passage
from tests.support.ingest import CountingEmbedding


@pytest.mark.parametrize(
    "question",
    [
        "Give me an overview of how the port's finances are changing",
        "Compare what the two sources say about the ferries",
        "Summarize the articles",
        "Was the harbour master's account fraudulent?",
        "What Did The Harbour Master Promise At The Quarterly Meeting?",
    ],
)
def test_ordinary_words_are_never_terms_a_question_depends_on(question: str) -> None:
    assert specific_terms(question) == []


def test_a_short_question_is_about_the_rare_lower_case_words_it_names_things_by() -> None:
    assert topic_terms("What is the chemical symbol for tungsten?") == ["tungsten"]
    assert topic_terms("how do you repot a begonia") == ["repot", "begonia"]
    # a long question's rare word is one detail among many; a frequent word, a deed ("-ed", "-ing"), a word a topic
    # follows ("the lowdown on"), or a short way of writing ("tl;dr") is no thing it is about
    long = "Which ferry operator, once hailed as a saviour of the coast, raised fares twice before the winter storms?"
    assert topic_terms(long) == []
    assert topic_terms("Give me an overview of the port fees") == []
    assert topic_terms("Which minister restarted the ferry talks?") == []
    assert topic_terms("give me the lowdown on the ferry fees") == []
    assert topic_terms("tl;dr the ferry fees") == []


def test_a_word_close_in_meaning_covers_a_term_only_when_spelt_nearly_alike(local_embedder: BaseEmbedding) -> None:
    # "Schafer" is how the corpus writes "Schaefer"; "Midsommar", a film, starts like "middlemarch" and is no form of it
    vocabulary = Vocabulary.from_words(["schafer", "midsommar", "march", "middle"])
    assert "schafer" in close_forms("schaefer", vocabulary, local_embedder)
    assert close_forms("middlemarch", vocabulary, local_embedder) == {stem("middlemarch")}


def test_an_acronym_is_spelled_out_by_capitalised_words_with_its_initials() -> None:
    texts = ["The Orvin Harbour Authority met.", "The Bank of Kelby and Lena Vik-Ström spoke."]
    assert spelled_out("OHA", texts) and spelled_out("BK", texts) and spelled_out("LVS", texts)
    # other initials, or a word that is no acronym, are not written out
    assert not spelled_out("OPA", texts) and not spelled_out("Oha", texts) and not spelled_out("HO", texts)


def test_an_english_word_hyphenated_to_a_name_is_no_part_of_the_name() -> None:
    assert specific_terms("Is the Halvorsen-designed crane Kelby-compatible?") == ["halvorsen", "kelby"]
    assert specific_terms("What did Lin Wei-ting say?") == ["lin", "wei-ting"]


def test_names_acronyms_and_numbers_are() -> None:
    terms = specific_terms("Did Ingrid Halvorsen tell the IMF that fees rose 12.5% in 2031?")
    assert {"halvorsen", "imf", "12", "5", "2031"} <= set(terms)
    assert "tell" not in terms and "fees" not in terms


@pytest.mark.parametrize(
    "written",
    ["ﬁnance", "Halvor\u00adsen", "Halvor\u200bsen", "Ha\u0308lvorsen", "HALVORSEN", "Ha\u0308lvor\u2011sen"],
)
def test_text_is_matched_after_folding_ligatures_soft_hyphens_zero_width_accents_and_case(written: str) -> None:
    vocabulary = Vocabulary.from_words(words("The finance chief Hälvorsen and Halvor-sen spoke."))
    assert all(vocabulary.mentions(w) for w in words(written))


def test_a_name_with_a_number_is_mentioned_only_with_that_number() -> None:
    """ "Halcyon-3" is another vessel than "Halcyon-2": the corpus writing one does not mention the other."""
    vocabulary = Vocabulary.from_words(words("The Halcyon-2 ferry and the Tern-4.5 tug; Covid delays."))
    terms = specific_terms("When will the Halcyon-3 enter service?")
    assert "halcyon-3" in terms
    assert not vocabulary.mentions("halcyon-3")
    assert all(vocabulary.mentions(t) for t in specific_terms("Is the Halcyon-2 faster than the Tern-4.5?"))
    # a name the corpus never writes with a number is mentioned by its parts ("Covid" for "COVID-19")
    assert vocabulary.mentions("covid-2")


def test_a_name_with_its_number_written_on_is_one_term_written_with_or_without_a_hyphen() -> None:
    # "the N5 summit": "n5", as the corpus writes it, not the number 5 alone (a quarter, "Q3", stays a number)
    vocabulary = Vocabulary.from_words(words("At the N5 summit and the K-9 talks, ministers met in Q2."))
    assert specific_terms("What did Halvorsen raise at the N5?") == ["halvorsen", "n5"]
    assert vocabulary.mentions("n5") and vocabulary.mentions("k9") and vocabulary.mentions("k-9")
    assert not vocabulary.mentions("n6")
    assert specific_terms("What did it earn in Q3?") == ["3"]


def test_a_title_asked_by_its_initials_is_mentioned_where_the_corpus_writes_it_out() -> None:
    # "the first Norvik PM": the corpus writes "Prime Minister"
    vocabulary = Vocabulary.from_words(words("Anna Berg became the first Prime Minister of Norvik to visit."))
    assert specific_terms("Was Berg the first Norvik PM to visit?") == ["berg", "norvik", "pm"]
    assert vocabulary.mentions("pm")
    assert not Vocabulary.from_words(words("Anna Berg visited at 3 pm.")).mentions("vp")


def test_a_number_is_mentioned_however_its_thousands_are_set_off() -> None:
    """ "$1000" asked of a corpus writing "$1,000" is mentioned, and "12,500" of one writing "12500"; another
    number is not."""
    assert specific_terms("Does the fund pay $1,000 or 12,500 kronor?") == ["1000", "12500"]
    vocabulary = Vocabulary.from_words(words("Refunds of up to $1,000 reached 12500 passengers."))
    assert vocabulary.mentions("1000") and vocabulary.mentions("12500")
    assert not vocabulary.mentions("1500") and not vocabulary.mentions("2000")
    # a sentence's words hold the number whole as well
    assert "1000" in content_stems("Refunds of up to $1,000.")


def test_folding_leaves_the_stored_text_alone() -> None:
    text = "ﬁnal Ha\u0308lvorsen"
    assert fold(text) == "final halvorsen"
    assert text == "ﬁnal Ha\u0308lvorsen"


def test_the_stems_of_a_text_are_shared_and_cannot_be_changed_by_one_caller() -> None:
    first = content_stems("The ferries were delayed by the harbour-master's strike.")
    assert first == {"ferri", "delay", "harbour-mast", "harbour", "master", "strike"}  # a hyphened word and its parts
    assert content_stems("The ferries were delayed by the harbour-master's strike.") is first  # cached
    with pytest.raises(AttributeError):
        first.add("changed")  # type: ignore[attr-defined]


def evidence(doc: str, quote: str, start: int = 0) -> Evidence:
    return Evidence(doc, f"{doc}.txt", doc, start, start + len(quote), quote)


def test_names_are_cleaned_of_titles_possessives_and_headline_words() -> None:
    assert names_in("The harbour master and CEO Ingrid Halvorsen's plan was approved.") == ["Ingrid Halvorsen"]
    assert "Quayside Ferries" in names_in("Notably, Quayside Ferries won the contract.")
    assert "Notably" not in names_in("Notably, Quayside Ferries won the contract.")


def test_a_firm_its_title_and_a_person_written_in_one_run_are_two_names() -> None:
    # "Quayside Ferries CEO Ingrid Halvorsen": the firm, and the person who is its CEO
    assert names_in("The board named Quayside Ferries CEO Ingrid Halvorsen as chair.") == [
        "Quayside Ferries",
        "Ingrid Halvorsen",
    ]
    assert names_in("Harbour Authority Chair Olav Berg said so.") == ["Harbour Authority", "Olav Berg"]
    # a title that is also a word of names does not cut one ("Amazon Prime Video", "Red Star Belgrade")
    assert names_in("It streams on Amazon Prime Video Nordic Edition.") == ["Amazon Prime Video Nordic Edition"]


def test_the_people_of_a_country_are_no_name() -> None:
    # "as Canadians who chose to build a company here": no one named, and no answer to "What is the company's name?"
    assert names_in("As Canadians who chose to build a robotics company in Norway, we know the cost.") == ["Norway"]
    assert names_in("Two Italians and a Brazilian joined Quayside Ferries.") == ["Quayside Ferries"]
    assert names_in("The Lund Swedes won.") == ["Lund Swedes"], "a name of several words is kept"
    assert names_in("The Texans beat the Colts 23-19 on Sunday.") == ["Texans", "Colts"], "a side is named"


def test_a_first_name_ending_like_an_adjective_of_origin_is_kept() -> None:
    # "Brian", "Christian", "Zach", "Sean" end as "Italian", "French" do; they are first names, not origins
    for name in ("Brian Okafor", "Christian Lund", "Zach Mbeki", "Sean Tully", "Adrian Vos", "Mitch Harrow"):
        assert names_in(f"On Friday {name} joined Quayside Ferries.") == [name, "Quayside Ferries"]
    # and words of names ending so are kept: "Norwich City", "Apple Watch", "Miami Beach"
    assert names_in("Fans of Norwich City bought the Apple Watch in Miami Beach.") == [
        "Norwich City",
        "Apple Watch",
        "Miami Beach",
    ]
    # an adjective of origin before a name is still no part of it, but one before a common word is ("European Union")
    assert names_in("The Italian Giorgia Meloni met the Norwegian Olav Berg.") == ["Giorgia Meloni", "Olav Berg"]
    assert names_in("The European Union lent the British Museum a ship.") == ["European Union", "British Museum"]


def test_a_sentence_opening_with_a_first_name_and_a_surname_keeps_both() -> None:
    # "Kevin", "Brian", "Sam" are words English writes often enough to open a sentence as words do; before a surname
    # rare in English they are a first name
    assert names_in("Brian Okafor said the ferries would run.") == ["Brian Okafor"]
    assert names_in("Sam Tully has been fired from Quayside Ferries.") == ["Sam Tully", "Quayside Ferries"]
    # an ordinary word opening a sentence is still no part of the name after it
    assert names_in("Meanwhile Quayside Ferries cut fares.") == ["Quayside Ferries"]
    assert names_in("Notably Okafor stayed.") == ["Okafor"]
    assert names_in("Flushing Halvorsen out of office took a year.") == ["Halvorsen"]


def test_a_sentence_opening_with_a_quoted_person_s_first_name_keeps_it_before_a_hyphenated_surname() -> None:
    quoted = known_names(("Tim Eide-Brandt", "Finance Halvorsen")).first_names  # attribution's mistakes too
    assert names_in("Tim Eide-Brandt moved the deposits.", quoted) == ["Tim Eide-Brandt"]
    assert names_in("Tim Eide-Brandt's lawyers objected.", quoted) == ["Tim Eide-Brandt"]
    assert names_in("Tim Eide-Brandt moved the deposits.") == ["Eide-Brandt"], "nobody quoted: a capital says nothing"
    # a title after it: "Finance" opens the sentence as a word
    assert names_in("Finance Minister Olav Berg spoke.", quoted) == ["Olav Berg"]
    # a first name rare in English stays without being known
    assert names_in("Ingrid Eide-Brandt moved the deposits.") == ["Ingrid Eide-Brandt"]


def test_a_possessive_is_part_of_a_name_when_its_owner_is_named_nowhere_else() -> None:
    texts = [
        "Prices fell before Valentine's Day and again on Mother's Day.",
        "A review by Ferry Weekly's Lars Dahl praised Tom's Hardware Guide.",
        "People lined the route of Macy's Thanksgiving Day Parade.",
        "Quayside's Ferry Pass sold out. Quayside said more would follow.",
        "People queued for Skarvik's Harbour Card. The Harbour Card costs ten euros.",
    ]
    owners = fixed_name_owners(texts)
    assert {"valentine", "mother", "tom", "macy"} <= owners and not {"quayside", "skarvik"} & owners
    assert names_in(texts[0], fixed_owners=owners) == ["Valentine's Day", "Mother's Day"]
    # a person after the possessive is a name of their own
    assert names_in(texts[1], fixed_owners=owners) == ["Ferry Weekly", "Lars Dahl", "Tom's Hardware Guide"]
    assert names_in(texts[2], fixed_owners=owners) == ["Macy's Thanksgiving Day Parade"]
    # an owner the text names by itself is a body or a person: its possessive ends its name
    assert names_in(texts[3], fixed_owners=owners) == ["Quayside", "Ferry Pass", "Quayside"]
    # so is one whose owned name the text writes by itself
    assert names_in(texts[4], fixed_owners=owners) == ["Skarvik", "Harbour Card", "Harbour Card"]
    assert names_in(texts[0]) == ["Valentine", "Day", "Mother", "Day"]


def test_a_name_opening_with_an_abbreviation_keeps_it_and_a_title_written_short_is_dropped() -> None:
    texts = [
        "The crowds filled Skarvik on St. Patrick's Day, and Mt. Hallen was closed to climbers.",
        "She studied at St. Brannoc's College before moving to Ft. Lauderdale.",
        "Dr. Ingrid Solheim said the trial worked, and Sen. Marlow agreed.",
        "Patrick Dunne ran the parade.",
    ]
    owners = fixed_name_owners(texts)
    assert names_in(texts[0], fixed_owners=owners) == ["Skarvik", "St. Patrick's Day", "Mt. Hallen"]
    assert names_in(texts[1], fixed_owners=owners) == ["St. Brannoc's College", "Ft. Lauderdale"]
    # the full stop of a title or a saint's abbreviation ends no sentence: the name after it is one name, and a
    # title written short is none of it, whether or not it is a title written in full too ("Lt.", "Prof.")
    assert names_in(texts[2]) == ["Ingrid Solheim", "Marlow"]
    assert names_in("The ferry was piloted by Lt. Ray Lund and inspected by Prof. Ada Brenn.") == [
        "Ray Lund",
        "Ada Brenn",
    ]


def test_words_shouted_in_capitals_are_no_names_but_acronyms_are() -> None:
    # a headline in capitals: the capitals say nothing of what is a name
    assert names_in("DAHL'S SURPRISE FERRY PLAN COMES AFTER HE QUIT THE BOARD") == []
    assert names_in("CLICK HERE TO GET THE HARBOUR GAZETTE APP") == []
    # acronyms and names written in capitals without ordinary words among them still are
    assert names_in("The IMF and the EU backed Quayside Ferries.") == ["IMF", "EU", "Quayside Ferries"]
    assert "OSLO" in names_in("OSLO, NORWAY – MAY 2: Ingrid Halvorsen speaks at the pier.")


def test_a_web_address_or_a_handle_in_an_embedded_post_is_no_name() -> None:
    post = "Back on the water! https://t.co/Qx7LmKs9Tz pic.twitter.com/HbR4w — Quayside Ferries (@QuaysideFerry) May 2"
    assert names_in(post) == ["Quayside Ferries"]
    assert names_in("Write to Ingrid Halvorsen at ingrid@Gazette.no or Gazette.com/Ferries.") == ["Ingrid Halvorsen"]


def test_a_title_quoted_in_title_case_is_one_name_small_words_and_all() -> None:
    # a book, a film, a song: its small words do not cut it into runs of capitals
    assert names_in("Ingrid Halvorsen's memoir “Out of the Fog and Into the Harbour” sold out.") == [
        "Out of the Fog and Into the Harbour",
        "Ingrid Halvorsen",
    ]
    assert names_in("Pick: “The Tides: A History of Ferries in the North,” by Olav Berg") == [
        "The Tides: A History of Ferries in the North",
        "Olav Berg",
    ]
    # words spoken in title case, and quoted words not in title case, are no title
    assert "Not Going to Resign" not in names_in("“I Am Not Going to Resign,” Halvorsen said.")
    assert names_in("“We will sail on time,” said Ingrid Halvorsen.") == ["Ingrid Halvorsen"]


def test_an_abbreviated_month_alone_is_no_name() -> None:
    assert names_in("The ferry app will be released on Dec. 7 on Windows PC.") == ["Windows PC"]
    assert names_in("The Jan Smuts Harbour opened in Sept. 2019.") == ["Jan Smuts Harbour"]


def test_a_function_word_written_with_a_capital_inside_a_sentence_belongs_to_the_name() -> None:
    assert names_in("On Sunday the All Blacks beat the Northpoint Rovers.") == ["All Blacks", "Northpoint Rovers"]
    assert names_in("All crews met Will Halvorsen at the pier.") == ["Will Halvorsen"]


def test_a_hyphen_joins_a_name_unless_an_english_word_follows_it() -> None:
    assert names_in("An op-ed by Lin Wei-ting, a ferry captain, ran on Monday.") == ["Lin Wei-ting"]
    assert names_in("President Park Jae-seok met the crews.") == ["Park Jae-seok"]
    # "AI-powered", "Harbour-based": a capital before a hyphen and an English word is no name
    assert names_in("The AI-powered cranes of Harbour-based Quayside Ferries arrived.") == ["Quayside Ferries"]


def test_a_name_joined_by_of_is_no_persons() -> None:
    assert not person_like("Dredging of Kelby")  # a sentence's first words: "Dredging of Kelby harbour ..."
    assert not person_like("Bank of Kelby")
    assert person_like("Ingrid Halvorsen") and person_like("Lin Wei-ting")


def test_the_name_right_after_a_small_word_the_question_asks_by_wins() -> None:
    scored = [(evidence("a", "Mayor Ansel Brandt praised an op-ed by Lin Wei-ting on the fares."), 0.6)]
    assert vote("Who wrote the op-ed?", scored, asks_for="person", near="by")[0].name == "Lin Wei-ting"


def test_the_person_a_firm_s_title_comes_before_can_answer_who() -> None:
    # "... with Harbour Authority CEO Ingrid Halvorsen": the answer, though a firm and a title are written before her
    question = "Who is replacing Olav Berg as Quayside Ferries' chief?"
    quote = "Quayside Ferries is replacing founder CEO Olav Berg with Harbour Authority CEO Ingrid Halvorsen"
    scored = [
        (evidence("a", quote), 1.1),
        (
            evidence("a", "Halvorsen only joined the authority last year, stepping in for its founder, Pieter Dahl."),
            0.5,
        ),
    ]
    assert vote(question, scored, asks_for="person")[0].name == "Ingrid Halvorsen"


def test_a_body_whose_last_word_a_quoted_person_has_as_surname_is_no_person() -> None:
    # "Orvin" is a quoted player's surname ("Mika Orvin"), but here the country: written alone and as the last word of
    # its football body, it names no person, and "whose" asks for one
    scored = [
        (evidence("a", "When the campaign was failing, Football Orvin stuck by Lin."), 0.9),
        (evidence("a", "A year on, Football Orvin says it never doubted her, and Orvin play Kelby on Thursday."), 0.8),
        (evidence("a", "Lin will take charge of her 59th match, taking her clear of Per Lund."), 0.7),
    ]
    question = "Whose record for most matches in charge of the national team is Lin set to pass?"
    voted = vote(question, scored, asks_for="person", people=["Mika Orvin"])
    assert [c.name for c in voted] == ["Per Lund"]
    assert not person_like("Hockey Kelby") and not person_like("Cricket Orvin")


def test_a_photo_credit_and_a_pages_heading_are_no_people() -> None:
    # a caption's credit ("via Kelby Images") is the name the passages write most, but no one who refereed a game
    scored = [
        (evidence("a", "Hawks fans at Harbour Park on Sunday night (AFP via Kelby Images)"), 0.9),
        (evidence("a", "The Hawks' Mika Orvin scored twice against the Owls."), 0.4),
        (evidence("a", "Date Match Highlights Sun, Nov. 10 Hawks 2-1 Owls Highlights"), 0.8),
    ]
    voted = vote("Who refereed the Hawks against the Owls at Harbour Park?", scored, asks_for="person")
    assert [c.name for c in voted] == ["Mika Orvin"]
    assert not person_like("Kelby Images") and not person_like("Match Highlights")


def test_a_place_ending_in_a_quoted_persons_surname_is_no_person() -> None:
    # "Haven" is a quoted official's surname ("Ada Haven"), but "New Haven" is a city and "Haven" alone its team:
    # neither answers who did a deed, and no one named does it here
    scored = [
        (evidence("a", "New Haven took the lead when a loose ball bounced free at midfield."), 0.9),
        (evidence("a", "Haven never gave the ball back, and New Haven won 17-10."), 0.7),
    ]
    voted = vote("Who picked up the loose ball for the Gulls?", scored, asks_for="person", people=["Ada Haven"])
    assert not [c.name for c in voted if "Haven" in c.name]


def test_a_team_named_after_its_city_is_no_persons_surname() -> None:
    # the passages write "Portland Ravens", a capitalised word rarer than common words before "Ravens", but "Portland"
    # is a place ("in Portland"), no first name
    scored = [
        (evidence("a", "Hawks vs. Ravens should be close on Monday night."), 0.9),
        (evidence("a", "The Hawks beat the Ravens twice last season."), 0.8),
    ]
    context = ["The Portland Ravens host the Hawks in Portland on Monday night, and Portland Ravens fans expect a win."]
    question = "Which Hawks cornerback will miss the game on Monday night?"
    assert not vote(question, scored, asks_for="person", context=context)
    # after "Ada", a first name, it is a person's surname
    context = ["Ada Ravens, the Hawks cornerback, will miss the game with a knee injury."]
    assert [c.name for c in vote(question, scored, asks_for="person", context=context)] == ["Ravens"]


def test_the_entity_named_across_several_articles_wins_the_vote() -> None:
    scored = [
        (evidence("a", "Ingrid Halvorsen said the terminal would open in May."), 0.6),
        (evidence("a", "The mayor, Pieter Dahl, cut the ribbon."), 0.62),
        (evidence("b", "Halvorsen has run the port since 2019."), 0.5),
        (evidence("c", "Critics say Halvorsen moved too fast on fees."), 0.45),
    ]
    best = vote("Who runs the port that opened a terminal?", scored, asks_for="person")[0]
    assert best.name == "Ingrid Halvorsen"
    assert best.articles == {"a", "b", "c"}


def test_the_owner_of_what_the_question_names_and_a_club_are_no_answer_to_who_did_it() -> None:
    # the coach's sentence matches the question better; "Rothweiler's Kessel Town" only says whose team it is
    scored = [
        (
            evidence("a", "No one could question the effort of Ana Rothweiler's Kessel Town against Orvin Athletic."),
            0.56,
        ),
        (evidence("a", "Mia Halvorsen's injury-time goal earned Kessel three points.", 100), 0.46),
        (evidence("b", "Norfield Rovers beat Kessel Town in the cup with a winner in injury time."), 0.5),
    ]
    question = "Who got the injury-time winner for Kessel Town against Orvin Athletic?"
    assert vote(question, scored, asks_for="person")[0].name == "Mia Halvorsen"
    assert not person_like("Norfield Rovers") and not person_like("Harlow Town")


def test_a_person_asked_for_is_named_in_a_person_s_form_and_a_brand_is_none() -> None:
    # "QB Mateo Reyes" and "Tomas Reyes" share a surname; the person's form names the answer
    scored = [
        (evidence("a", "Orvin will start freshman Tomas Reyes, the son of former Orvin star QB Mateo Reyes."), 0.6),
        (evidence("a", "KesselBET Sportsbook offers odds on every quarterback in the bowl game."), 0.62),
    ]
    # a quoted "Duel Sportsbook" makes no person of another sportsbook
    voted = vote("Who is Orvin starting at quarterback?", scored, asks_for="person", people=["Duel Sportsbook"])
    assert [c.name for c in voted] == ["Tomas Reyes"]
    assert not person_like("KesselBET Sportsbook") and person_like("Ingrid McDonald")


def test_a_word_after_an_adjective_of_origin_or_a_month_is_no_person_s_surname() -> None:
    scored = [
        (evidence("a", "The cabinet wants to amend the pacifist article of the Norwegian Constitution."), 0.7),
        (evidence("a", "Ingrid Halvorsen, the defence minister, backed it before the September Storting."), 0.5),
    ]
    voted = vote("Which Norwegian politicians back the change?", scored, asks_for="person")
    assert [c.name for c in voted] == ["Ingrid Halvorsen"]  # not "Constitution", nor "Storting"


def test_a_name_the_question_writes_in_another_form_is_no_answer() -> None:
    # "Who made the first Quaylite?": "Quaylites", the plural of the thing asked about, is what was made, not who
    scored = [
        (evidence("a", "Quaylites are now made in forty labs around the world."), 0.7),
        (evidence("a", "Ingrid Halvorsen made the first Quaylite in 2011."), 0.6),
    ]
    assert vote("Who made the first Quaylite?", scored)[0].name == "Ingrid Halvorsen"


def test_the_question_s_own_names_and_the_wrong_kind_of_entity_do_not_answer() -> None:
    scored = [
        (evidence("a", "Quayside Ferries hired Ingrid Halvorsen as chief executive."), 0.7),
        (evidence("b", "Quayside Ferries expanded to three new routes."), 0.6),
    ]
    assert vote("Who did Quayside Ferries hire?", scored, asks_for="person")[0].name == "Ingrid Halvorsen"
    assert vote("Which company hired Ingrid Halvorsen?", scored, asks_for="organization")[0].name == "Quayside Ferries"
    # the question names her by surname; the sentence writes her with a title before her name
    scored = [
        (evidence("c", "Ferry CEO Ingrid Halvorsen met the mayor, who backed pilot Ole Brekke."), 0.9),
        (evidence("d", "Halvorsen later praised the night crossing."), 0.5),
    ]
    assert vote("Whom did Halvorsen praise after meeting the mayor?", scored, asks_for="person")[0].name == "Ole Brekke"


def test_a_company_named_like_a_person_answers_which_company_when_articles_write_it_as_one() -> None:
    # "Veltro Robotics" has a person's name form; the articles call it "Veltro", as they would a company
    scored = [
        (evidence("a", "The Competition Bureau fined Veltro Robotics, a drone company, $2 million."), 0.7),
        (evidence("a", "Veltro said it would appeal the fine."), 0.4),
    ]
    question = "Which company was fined $2 million?"
    assert vote(question, scored, asks_for="organization", near="company")[0].name == "Veltro Robotics"
    # a person written by surname alone keeps the penalty: a company is asked for
    people = [
        (evidence("b", "The Competition Bureau fined Dana Whitcombe, a drone company founder, $2 million."), 0.7),
        (evidence("b", "Whitcombe said she would appeal the fine."), 0.4),
    ]
    assert vote(question, people, asks_for="organization", near="company")[0].name == "Competition Bureau"
    # "its" after the name says a company is meant; "she" would say a person
    plant = [(evidence("c", "The regulator fined Veltro Robotics $2 million over its Dunmore depot."), 0.7)]
    assert vote(question, plant, asks_for="organization")[0].name == "Veltro Robotics"
    plant = [(evidence("c", "The regulator fined Dana Whitcombe $2 million over her Dunmore depot."), 0.7)]
    assert vote(question, plant, asks_for="organization")[0].name == "Dunmore"


def test_a_month_an_adjective_of_origin_or_a_possessive_is_not_part_of_a_name() -> None:
    assert names_in("Everyone waited for the March Harbour Board decision.") == ["Harbour Board"]
    assert names_in("A Norwegian Quayside shareholder objected.") == ["Quayside"]
    assert names_in("As usual, Port Radio's Tomas Eide had it first: Ingrid Halvorsen resigned.") == [
        "Port Radio",
        "Tomas Eide",
        "Ingrid Halvorsen",
    ]


def test_a_heading_with_acronyms_is_not_a_person() -> None:
    scored = [(evidence("a", "The QB PPR Rankings Week list puts Halvorsen Dahlquist first."), 0.8)]
    names = [c.name for c in vote("Who is the top quarterback this week?", scored, asks_for="person")]
    assert names == ["Halvorsen Dahlquist"]


def test_a_person_written_by_surname_alone_answers_a_who_question_when_the_corpus_quotes_that_surname() -> None:
    scored = [
        (evidence("a", "Eide-Brandt approved the withdrawals, a trader testified."), 0.7),
        (evidence("b", "Prosecutors say Eide-Brandt knew of the losses."), 0.6),
        (evidence("c", "The Harbour Board met on Tuesday."), 0.5),
    ]
    question = "Who approved the withdrawals and knew of the losses?"
    assert vote(question, scored, asks_for="person") == [], "one word and no person's name form: unknown kind"
    # the people the corpus quotes, as attribution found them (with its mistakes)
    best = vote(question, scored, asks_for="person", people=["Because Eide-Brandt", "Pieter Dahl"])[0]
    assert best.name == "Eide-Brandt" and best.articles == {"a", "b"}


def test_a_surname_is_shown_with_the_first_name_a_sentence_opens_with() -> None:
    scored = [
        (evidence("a", "Prosecutors say Eide-Brandt knew of the losses."), 0.7),
        (evidence("b", "Tim Eide-Brandt founded the exchange in 2019."), 0.5),  # "Tim" opens it: no name by itself
        (evidence("c", "Meanwhile Eide-Brandt stayed silent."), 0.4),
    ]
    people = ["Tim Eide-Brandt", "Because Dahl"]  # attribution's finds, mistakes too
    best = vote("Who knew of the losses?", scored, asks_for="person", people=people)[0]
    assert best.name == "Tim Eide-Brandt"
    alone = vote("Who stayed silent?", scored[2:], asks_for="person", people=people)[0]
    assert alone.name == "Eide-Brandt", "an ordinary word opening a sentence is no first name"


def test_a_participle_opening_a_sentence_or_a_title_word_inside_a_name_is_read_right() -> None:
    assert names_in("Echoing Halvorsen, the board voted no.") == ["Halvorsen"]
    assert names_in("Manning threw three touchdowns.") == ["Manning"]
    assert names_in("Ferry tickets were half price on Prime Day.") == ["Prime Day"]
    assert names_in("Both yards supply General Motors.") == ["General Motors"]
    assert names_in("The talks with Prime Minister Ingrid Halvorsen ended.") == ["Ingrid Halvorsen"]


def test_only_the_quoted_names_that_look_like_people_lend_their_surnames() -> None:
    scored = [(evidence("a", "Quayside Research published the survey on Tuesday."), 0.7)]
    # attribution took an organisation for a speaker once: its last word is no surname
    assert vote("Who was behind the survey?", scored, asks_for="person", people=["Quayside Research"]) == []
    # ... though a body that did the deed asked about answers who did it
    assert [c.name for c in vote("Who published the survey?", scored, asks_for="person")] == ["Quayside Research"]


def test_a_surname_is_shown_with_the_first_name_the_retrieved_passages_write_before_it() -> None:
    scored = [
        (evidence("a", "Prosecutors say Eide-Brandt knew of the losses."), 0.7),
        (evidence("b", "Eide-Brandt denied it."), 0.6),
    ]
    people = ["Tim Eide-Brandt"]
    passages = ["Prosecutors say Eide-Brandt knew of the losses. The exchange's founder, Tim Eide-Brandt, was 29."]
    plain = vote("Who knew of the losses?", scored, asks_for="person", people=people)[0]
    assert plain.name == "Eide-Brandt"
    full = vote("Who knew of the losses?", scored, asks_for="person", people=people, context=passages)[0]
    assert full.name == "Tim Eide-Brandt" and full.articles == {"a", "b"}


def test_the_entity_the_passages_are_about_wins_over_a_colleague_named_beside_one_clause() -> None:
    """ "Who used a deputy as a front ...": the deputy's sentence shares most words; the passages are about the boss."""
    scored = [
        (evidence("a", "Deputy Lena Moor said she was used as a front for the transfers."), 0.7),
        (evidence("b", "Okonkwo told investors the fund was safe."), 0.4),
    ]
    context = [
        "Deputy Lena Moor said she was used as a front for the transfers.",
        "Okonkwo told investors the fund was safe.",
        "Prosecutors say Okonkwo moved the money himself.",
        "Daniel Okonkwo founded the fund in 2019.",
    ]
    question = "Who used a deputy as a front for transfers?"
    people = ["Lena Moor", "Daniel Okonkwo"]
    assert vote(question, scored, asks_for="person", people=people)[0].name == "Lena Moor"  # by the sentences alone
    best = vote(question, scored, asks_for="person", people=people, context=context)[0]
    assert best.name == "Daniel Okonkwo"


def test_a_surname_the_passages_write_after_a_first_name_answers_who_though_nobody_quotes_them() -> None:
    scored = [(evidence("a", "Okonkwo moved the money from the fund, prosecutors say."), 0.6)]
    context = ["Daniel Okonkwo founded the fund in 2019.", "Okonkwo moved the money from the fund, prosecutors say."]
    assert vote("Who moved the money?", scored, asks_for="person") == []  # one word: no person's name form
    assert vote("Who moved the money?", scored, asks_for="person", context=context)[0].name == "Okonkwo"


@pytest.mark.parametrize(
    ("line", "data"),
    [
        ("Anna Berg (Kessel United) - 31 goals", True),
        ("Price: $99.99 KBDcraft", True),
        ("Opening Act: Kelce First TD Scorer (+400)", True),
        ("COVID-19 vaccines for the winter", False),  # a hyphen in a name is no dash before a figure
        ("Pac-12 matchup preview", False),
        ("Week 13: Who to start", False),
    ],
)
def test_a_line_giving_a_figure_is_data_not_a_heading(line: str, data: bool) -> None:
    assert bool(DATA_LINE.search(line)) is data


def test_two_words_written_apart_stand_for_the_word_written_closed() -> None:
    # "deepfakes" in a question finds "deep fake" in an article; a question's own words are not joined
    assert stem("deepfakes") in written_stems("Every stream of a deep fake takes royalties away.")
    assert stem("deepfakes") not in content_stems("Every stream of a deep fake takes royalties away.")


def test_a_person_written_mostly_by_surname_is_named_with_the_first_name_written_most() -> None:
    # the founder's trial: her brother's full name stands in one sentence, hers in the passages around;
    # the sentences voting write the surname alone
    scored = [
        (evidence("a", "Her brother Nils Halvorsen watched from the gallery as the trial opened."), 0.7),
        (evidence("a", "Halvorsen denied every charge of fraud on the stand.", 100), 0.65),
        (evidence("b", "Prosecutors say Halvorsen moved customer money to her trading firm."), 0.6),
    ]
    context = [
        "Ingrid Halvorsen, the founder of Kelby Coin, went on trial for fraud on Tuesday.",
        "Ingrid Halvorsen faces seven counts. Her brother Nils Halvorsen watched from the gallery.",
        "Lawyers for Ingrid Halvorsen say she acted in good faith.",
    ]
    people = ["Ingrid Halvorsen", "Nils Halvorsen"]
    question = "Who is the crypto founder on trial for fraud?"
    voted = vote(question, scored, asks_for="person", people=people, context=context)
    assert voted[0].name == "Ingrid Halvorsen"
    # written in full more often than by the surname alone, a full name stays as written
    scored = [(evidence("a", "Nils Halvorsen testified."), 0.7), (evidence("b", "Nils Halvorsen wept.", 50), 0.6)]
    voted = vote("Who testified?", scored, asks_for="person", people=people, context=context)
    assert voted[0].name == "Nils Halvorsen"


def test_a_journalist_credited_with_the_news_answers_no_question_about_the_story() -> None:
    # a suspended manager's cup final: the reporters who broke the news are named beside the words of the question
    # more than the assistant who stood in, credited as journalists are (a report, a post's signature, "according to")
    scored = [
        (evidence("a", "Sky Sports' Maria Lund reported that the suspension would keep Hale off the touchline."), 0.8),
        (evidence("a", "The ban covers the cup final. — Maria Lund (@LundSky) May 3, 2024", 90), 0.7),
        (evidence("b", "Assistant Tomas Brekke took charge of the Rovers for the final, the club said."), 0.6),
        (evidence("c", "The Rovers won the final 2-1, according to Radio Kelby's Ola Dahl and Per Moen."), 0.55),
    ]
    context = ["Lund has reported the ban could last three games.", "Brekke took charge of training on Friday."]
    question = "Who was in charge of the Rovers for the cup final with Hale suspended?"
    voted = vote(question, scored, asks_for="person", context=context)
    assert voted[0].name == "Tomas Brekke"
    # asked about the reporting, the journalist answers
    asked = "Which reporter broke the news that Hale would miss the cup final?"
    assert vote(asked, scored, asks_for="person", near="reporter", context=context)[0].name == "Maria Lund"
    # written by the surname alone, a journalist the corpus quotes is a person all the same
    by_surname = [
        (evidence("a", "Lund reported that the suspension would keep Hale off the touchline."), 0.8),
        (evidence("b", "Assistant Tomas Brekke took charge of the Rovers for the final, the club said."), 0.6),
    ]
    people = ["Maria Lund", "Tomas Brekke"]
    assert vote(question, by_surname, asks_for="person", people=people)[0].name == "Tomas Brekke"
    # one sentence on the story itself is enough to take part in it
    playing = [*scored, (evidence("d", "Maria Lund, the club's physio, ran onto the pitch in the final."), 0.3)]
    assert vote(question, playing, asks_for="person", context=context)[0].name == "Maria Lund"
    # a company reports its results, a person is quoted "according to" them: neither is a journalist
    results = [
        (evidence("e", "Kelbyline reported record revenue of $90 million for the year."), 0.8),
        (evidence("f", "The ferries of Norvik Holdings carried more passengers, according to Ingrid Halvorsen."), 0.6),
    ]
    asked = "Which company posted record revenue this year?"
    assert vote(asked, results, asks_for="organization")[0].name == "Kelbyline"
    said = "Who said the ferries of Norvik Holdings carried more passengers?"
    assert vote(said, results, asks_for="person")[0].name == "Ingrid Halvorsen"


def test_a_chunk_beside_a_passage_found_takes_no_shortlist_place_of_the_sentences_found(
    local_embedder: BaseEmbedding,
) -> None:
    found = (
        "The harbour board approved the budget. Mooring fees stay where they are. "
        "Ada Lin said the new terminal had proven its worth."
    )
    beside = (
        "As an example, Lin cited the night the terminal took in a trawler. The fish market opens later on Sundays."
    )
    passages = [
        Passage("c1", "a", "a.txt", "a", "", "", "", 0, len(found), found, score=0.9, ranks={"bm25": 1}),
        Passage(
            "c2",
            "a",
            "a.txt",
            "a",
            "",
            "",
            "",
            len(found) + 1,
            len(found) + 1 + len(beside),
            beside,
            score=0.1,
            ranks={BESIDE: 1},
        ),
    ]
    question = "What example did Ada Lin give of the new terminal's worth?"
    frequencies = {s: 1 for text in (found, beside) for s in content_stems(text)}
    ranker = SentenceRanker(local_embedder, frequencies, 2)
    vector = local_embedder.get_query_embedding(question)
    shortlisted = [c.evidence.quote for c in ranker.rank(question, vector, passages, shortlist=2)]
    alone = [c.evidence.quote for c in ranker.rank(question, vector, passages[:1], shortlist=2)]
    # the two sentences found that promise most are weighed by meaning as without the chunk beside; its sentence
    # promising as much joins them, the one promising less does not
    assert set(alone) < set(shortlisted) and len(alone) == 2
    assert set(shortlisted) - set(alone) == {"As an example, Lin cited the night the terminal took in a trawler."}


def test_a_sentence_left_out_of_the_shortlist_is_weighed_by_meaning_and_as_found_where_another_was(
    local_embedder: BaseEmbedding,
) -> None:
    text = "The harbour board approved the budget. As an example, Lin cited the night the terminal took in a trawler."
    passage = Passage("c1", "a", "a.txt", "a", "", "", "", 0, len(text), text, score=0.9, ranks={"bm25": 1})
    question = "What example did Ada Lin give of the new terminal's worth?"
    ranker = SentenceRanker(local_embedder, {s: 1 for s in content_stems(text)}, 1)
    vector = local_embedder.get_query_embedding(question)
    ranked = ranker.rank(question, vector, [passage], shortlist=1, everything=True)
    left_out = next(c for c in ranked if c.vector is None)
    words_only = left_out.score
    ranker.weigh_meaning([left_out], vector)
    assert left_out.vector is not None and left_out.semantic > 0 and left_out.score > words_only
    left_out.rank = 10  # in a chunk read beside the passages found
    assert left_out.score_at(1) == pytest.approx(left_out.score + 9 * RANK_PENALTY)


def test_a_sentence_naming_nothing_asked_counts_the_names_its_passage_writes(local_embedder: BaseEmbedding) -> None:
    # the same sentence, in the report on the startup asked about and in another startup's report
    said = "The round was led by Nordlys Ventures, with Tern Partners joining."
    on_story = f"Kestrel Analytics raised $40 million this week. {said}"
    off_story = f"Harbour Analytics raised $2 million this week. {said}"
    passages = [
        Passage("c1", "a", "a.txt", "a", "", "", "", 0, len(off_story), off_story, score=0.9, ranks={"bm25": 1}),
        Passage("c2", "b", "b.txt", "b", "", "", "", 0, len(on_story), on_story, score=0.9, ranks={"bm25": 2}),
    ]
    question = "Who led Kestrel Analytics' latest funding round?"
    ranker = SentenceRanker(local_embedder, {s: 1 for s in content_stems(on_story + " " + off_story)}, 2)
    ranked = ranker.rank(question, local_embedder.get_query_embedding(question), passages, shortlist=4)
    lexical = {c.evidence.doc_id: c.lexical for c in ranked if c.evidence.quote == said}
    assert lexical["b"] > lexical["a"] > 0
    # a sentence that writes the names itself gains nothing from its passage
    named = [c for c in ranked if c.evidence.quote.startswith("Kestrel")]
    assert named[0].lexical == ranker.lexical(content_stems(question), named[0].evidence.quote)


def test_a_name_in_a_question_is_told_by_its_rare_words_and_a_possessive_or_acronym_ends_it() -> None:
    from types import SimpleNamespace

    from rag.entity_choice import _names_given

    def given(question: str) -> set[str]:
        return _names_given(question, SimpleNamespace(metadata_spans=[]))  # type: ignore[arg-type]

    assert given("Who led Kestrel Analytics' latest funding round?") == {"kestrel"}  # not "analytics"
    assert given("Which engineer did Apple CEO Tim Cook praise?") == {"apple", "ceo", "tim", "cook"}  # common words
    assert given("Who did Brightwell's Sam Nordmann hire?") == {"brightwell", "nordmann"}


def test_a_sentence_weighed_again_is_not_embedded_again_and_keeps_its_vector(
    counting_embedder: CountingEmbedding, local_embedder: BaseEmbedding, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        "The harbour board approved the terminal's budget on Monday. Ada Lin said the terminal took in a trawler. "
        "Ferries will dock there from June."
    )
    passage = Passage("c1", "a", "a.txt", "a", "", "", "", 0, len(text), text, score=0.9, ranks={"bm25": 1})
    ranker = SentenceRanker(counting_embedder, {s: 1 for s in content_stems(text)}, 1)
    first, follow_up = "What did Ada Lin say about the terminal?", "When will ferries dock at the terminal?"
    before = ranker.rank(first, local_embedder.get_query_embedding(first), [passage], shortlist=3)
    assert len(counting_embedder.embedded) == 3
    after = ranker.rank(follow_up, local_embedder.get_query_embedding(follow_up), [passage], shortlist=3)
    assert len(counting_embedder.embedded) == 3  # the follow-up weighs the same sentences: none embedded again
    vectors = {c.evidence.quote: c.vector for c in before}
    assert all(c.vector == vectors[c.evidence.quote] for c in after)
    assert after[0].evidence.quote == "Ferries will dock there from June."
    # the vectors kept are the last ones embedded, up to SENTENCE_VECTORS_KEPT
    monkeypatch.setattr("rag.ranking.SENTENCE_VECTORS_KEPT", 2)
    ranker.embed_sentences(["Ferries will dock there from June."])
    ranker.embed_sentences(["A new sentence about the pier."])
    assert len(counting_embedder.embedded) == 4
    ranker.embed_sentences(["A new sentence about the pier.", "Ferries will dock there from June."])
    assert len(counting_embedder.embedded) == 4  # the two embedded last are kept ...
    ranker.embed_sentences(["The harbour board approved the terminal's budget on Monday."])
    assert len(counting_embedder.embedded) == 5  # ... the first, weighed least lately, is not


def test_an_acronym_after_a_rare_word_is_no_person_s_surname() -> None:
    # "Kestrelpost NFL writers", the outlet the question names left out: a rare capitalised word before an acronym
    # makes no first name of it, nor a person of the league
    scored = [
        (evidence("a", "Here is the hottest seat on each team as picked by Kestrelpost NFL writers."), 0.7),
        (evidence("a", "Even two of NFL's best teams have coaches on hot seats this year."), 0.6),
        (evidence("a", "BEARS | Head coach Tom Arlenby: the Bears have one division win in his tenure."), 0.4),
    ]
    question = "On Kestrelpost's list, who had the hottest seat for the Bears?"
    voted = vote(question, scored, asks_for="person", exclude=["Kestrelpost"])
    assert [c.name for c in voted] == ["Tom Arlenby"]


def test_an_acronym_the_question_writes_without_stops_is_no_answer_written_with_them() -> None:
    """ "Which US zoo ...?": "U.S." is the question's own "US", however often the sentences write it."""
    scored = [
        (evidence("a", "The pandas in the U.S. went home, the U.S. said."), 0.6),
        (evidence("b", "Officials in the U.S. thanked the Harlow City Zoo."), 0.5),
    ]
    names = [c.name for c in vote("Which US zoo sent its pandas home?", scored, asks_for="organization")]
    assert "U.S." not in names
    assert names[0] == "Harlow City Zoo"


def test_a_capital_opening_a_quotation_at_the_start_of_a_sentence_is_no_name() -> None:
    assert names_in("“Thinking it was a cold, I waited for the ferry,” said Ingrid Halvorsen.") == ["Ingrid Halvorsen"]
    assert names_in('"Looking back, Halvorsen was right," the mayor said.') == ["Halvorsen"]
