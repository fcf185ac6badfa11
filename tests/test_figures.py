"""Figures and the period they cover: compared only over the same period, per year where the text says so."""

from __future__ import annotations

import pytest

from rag.asked_kinds import ASKS_RATE, WRITES_MONEY, WRITES_RATE, only_might_be
from rag.figures import comparable, describe, find_figures, same_amount, same_value


def figure(text: str) -> tuple[str, float, str]:
    (found,) = find_figures(text)
    return describe(found), found.value, found.period


@pytest.mark.parametrize(
    ("text", "described", "value", "period"),
    [
        ("The port will spend $12 million a year on dredging.", "$12 million a year", 12e6, "year"),
        ("Upkeep costs $1 million a month.", "$1 million a month: 12 million USD a year", 12e6, "year"),
        ("40 million euros over four years.", "40 million euros over 4 years: 10 million EUR a year", 1e7, "year"),
        ("In the next five years: $50 million.", "$50 million over 5 years: 10 million USD a year", 1e7, "year"),
        ("In early 2023, spending reached $56 billion.", "$56 billion in 2023", 56e9, "2023"),
        ("Profits were £3 million in 2021.", "£3 million in 2021", 3e6, "2021"),
        ("The terminal cost $48 million.", "$48 million", 48e6, ""),
        ("Fees rose 8 percent in 2024.", "8 percent in 2024", 8.0, "2024"),
        ("Prices rose 30 percent over five years.", "30 percent over 5 years", 30.0, "5 years"),
        ("Landing fees will rise by eight percent, or 8%, from April.", "8%", 8.0, ""),
    ],
)
def test_the_period_a_figure_covers_is_read_after_it_or_before_it_in_its_clause(
    text: str, described: str, value: float, period: str
) -> None:
    assert figure(text) == (described, pytest.approx(value), period)


def test_a_period_in_another_sentence_is_not_this_figure_s() -> None:
    (found,) = find_figures("In 2022 the old pier closed. The terminal cost $48 million.")
    assert found.period == ""


def test_figures_are_comparable_only_over_the_same_period() -> None:
    yearly, five_years, one_year, other_year, cost = (
        find_figures(t)[0]
        for t in (
            "$10 million a year",
            "$50 million over five years",
            "$10 million in 2023",
            "$10 million in 2022",
            "$10 million",
        )
    )
    assert comparable(yearly, five_years) and same_value(yearly, five_years)
    assert not comparable(yearly, one_year) and not comparable(one_year, other_year)
    assert not comparable(cost, yearly) and comparable(cost, find_figures("$12 million")[0])
    # a question's figure is found in the evidence whatever period each names
    assert same_amount(one_year, cost) and not same_value(one_year, cost)


@pytest.mark.parametrize(
    ("sentence", "is_money"),
    [
        ("The startup raised $2.18 million from investors.", True),
        ("Nurses will pay forty euros more a month.", True),
        ("The levy is Rs 500 a tonne, or 20 CHF for visitors.", True),
        ("A ticket costs 99 cents.", True),
        ("The stake is worth close to 4.2 billion kronor.", True),  # a currency's name
        ("The levy rose to 300 pesos a month, or SEK 40.", True),
        ("Traders on One Lira Street met two Nok artists.", False),  # currencies' names written as names
        ("A coffee by the harbour costs 40 Kronor, and a meal 2,000 Lira.", True),  # capitalised after digits
        ("The port hired 800 people for the trial.", False),
        ("The board bought two tugboats in 2019.", False),
        # an ISO code in capitals, before or after the sum; the same letters in lower case are none
        ("She bought Marlow Freight House for SGD 48 million from its founders.", True),
        ("The bid valued the insurer at 1.2 billion NIS.", True),
        ("The band's tour of the nis 5 clubs sold out.", False),
        # pesos, by their sign or the letter Philippine papers write a large sum with
        ("The 2025 budget is at P6.352 trillion, 10.1% above this year's.", True),
        ("Congress cut ₱12 billion from the agency's request.", True),
        ("Press P5 on the remote.", False),
        ("Sony shipped PS5 million units, it said.", False),
    ],
)
def test_a_sum_of_money_is_told_from_other_figures(sentence: str, is_money: bool) -> None:
    assert (WRITES_MONEY.search(sentence) is not None) == is_money


def test_a_name_the_question_writes_in_full_is_written_by_its_surname() -> None:
    from rag.extractive import _names_every

    passage = "Bought for £47.2m, Onana arrived as a shot-stopper. Inter sold him in July."
    assert _names_every([["andre", "onana"], ["inter"]], passage)
    assert not _names_every([["andre", "onana"], ["chelsea"]], passage)


def test_a_name_written_with_initials_is_the_name_typed_without_their_stops() -> None:
    from rag.extractive import _names_every

    sentence = "The year saw $14.5 billion invested in Chinese companies by U.S.-headquartered VCs."
    assert _names_every([["us-headquartered"]], sentence)
    assert _names_every([["us"]], "Talks between the U.S. and Japan resumed.")
    assert not _names_every([["uk"]], "Talks between the U.S. and Japan resumed.")


def test_a_name_typed_as_initials_is_written_by_the_words_they_stand_for() -> None:
    from rag.extractive import _names_every

    # "GTA" for "Grand Theft Auto", "KFU" for "Kelby Ferry Union": capitalised words in a row, one a letter
    assert _names_every([["gta"]], "The first trailer for Grand Theft Auto VI racked up 85 million views.")
    assert _names_every([["kfu"]], "The Kelby Ferry Union called the strike off.")
    assert not _names_every([["kfu"]], "The union in Kelby called the ferry strike off.")


@pytest.mark.parametrize(
    ("question", "asks_length"),
    [
        ("How long did the battery last?", True),
        ("According to The Verge's review, how long does the battery last?", True),
        ("Who won, and how long did the match last?", True),
        ("Which lamp lasts longest, a Lumo or a Vexa?", False),
        # the size of a thing ("how long a winning streak"), unless a verb of lasting follows what lasts
        ("How long a winning streak are the Hawks on?", False),
        ("What does the ferry pass cost, and how long a Kelby ferry pass lasts?", True),
        ("how long a refund from the harbour board takes", True),
    ],
)
def test_a_length_of_time_is_asked_after_an_introduction_too(question: str, asks_length: bool) -> None:
    from rag.asked_kinds import ASKS_DURATION

    assert (ASKS_DURATION.search(question) is not None) == asks_length


@pytest.mark.parametrize(
    ("sentence", "gives"),
    [
        ("Three scientists won the prize.", True),
        ("A quarter of the fans left early.", True),
        ("Attendees complained about the Gaslamp Quarter.", False),  # a number word in a name
        ("The Fifth Third card is simple.", False),
        ("The Fifth Third card pays 1.67%.", True),
    ],
)
def test_a_number_word_written_with_a_capital_inside_a_sentence_is_part_of_a_name(sentence: str, gives: bool) -> None:
    from rag.asked_kinds import gives_figure

    assert gives_figure(sentence) == gives


def test_a_count_stands_beside_what_it_counts() -> None:
    from rag.asked_kinds import counts_near
    from rag.lexicon import stem

    attendance = {stem(w) for w in ("attendance", "crowd", "attended", "attendees")}
    assert counts_near("A crowd of 18,400 watched the derby.", attendance)
    assert counts_near("The final was attended by more than 3,000 people.", attendance)
    # a number in a sentence that names attendees is no count of them
    assert not counts_near(
        "There is no shortage of third places in Las Vegas, but for many attendees it is hard.", attendance
    )
    # "these three routes": some of them, pointed back at, are no count of all there are
    routes = {stem("routes")}
    assert not counts_near("The office recommends these three routes for a first visit.", routes)
    assert counts_near("The firm sails 14 routes in all.", routes)


def test_the_number_in_a_models_name_is_no_count_of_it() -> None:
    from rag.asked_kinds import counts_near
    from rag.lexicon import content_stems

    handhelds = content_stems("Pocket Rovers")
    # "Pocket Rover 2" names a model; "half-step" is no figure of anything
    assert not counts_near("The update is a half-step toward the Pocket Rover 2, the firm's next console.", handhelds)
    assert not counts_near("Reviews of the Pocket Rover 3 were warm.", handhelds)
    assert counts_near("The studio has sold 4 million Pocket Rovers since launch.", handhelds)
    assert counts_near("Pocket Rover 2 sales passed 900,000 units.", handhelds)  # a count beside the name too
    phones = content_stems("pPhones")
    assert not counts_near("Sales of the pPhone 15 were strong.", phones)  # a name may open in lower case
    # a number before a capitalised word that is not what is counted still counts: a score line
    assert counts_near("Harriers 3 Rovers 1, in front of 4,200 fans.", content_stems("fans"))
    assert counts_near("Twenty-five boats sailed.", content_stems("boats"))  # a number word joined to another


def test_a_figure_with_a_unit_written_on_is_no_count_of_things() -> None:
    from rag.asked_kinds import counts_near
    from rag.lexicon import content_stems

    handhelds = content_stems("Pocket Rovers")
    # "how many Pocket Rovers": a storage size, a refresh rate, a network are no count of them
    assert not counts_near("The 256GB Pocket Rover now costs less.", handhelds, things=True)
    assert not counts_near("Every Pocket Rover ships with a 90Hz screen and 5G.", handhelds, things=True)
    # ... a count with its scale written on still is one; asked "how much storage", the size answers
    assert counts_near("The firm has sold 3m Pocket Rovers.", handhelds, things=True)
    assert counts_near("It sold 40k Pocket Rovers in a week.", handhelds, things=True)
    assert counts_near("It has sold 1.5mln Pocket Rovers.", handhelds, things=True)
    assert counts_near("Its model read 15T Pocket Rovers manuals.", handhelds, things=True)
    # "how many GB of storage": the unit is what is counted
    assert counts_near("The Pocket Rover ships with 512GB of storage.", content_stems("GB storage"), things=True)
    assert counts_near("The 256GB Pocket Rover now costs less.", handhelds)


def test_the_sum_a_thing_is_worth_follows_its_worth() -> None:
    from rag.asked_kinds import MONEY_WINDOW, counts_near
    from rag.lexicon import content_stems

    stake = content_stems("stake")
    # "the stake in the listed company is worth close to": the sum is the stake's, however long its name
    assert counts_near(
        "The family's controlling stake in the listed company is worth close to 4.2 billion kronor.",
        stake,
        MONEY_WINDOW,
    )
    assert counts_near("Their stake in the long-listed shipping company was valued at about $3 billion.", stake, 8)
    # without "worth", a sum that far from the stake is another's
    assert not counts_near(
        "The family's controlling stake in the listed company rose after the firm paid $4.2 billion.", stake, 8
    )
    # ... and "worth noting" says what is worth no sum
    assert not counts_near(
        "Beyond the family's controlling stake in the listed company, it is worth noting that 4.2 billion kronor of "
        "group debt falls due next year.",
        stake,
        MONEY_WINDOW,
    )
    assert counts_near("The stake in the listed company is worth close to SEK 4.2 billion.", stake, MONEY_WINDOW)
    assert counts_near(
        "The stake in the listed company is worth approximately 4.2 billion kronor.", stake, MONEY_WINDOW
    )


def test_what_a_thing_is_worth_is_a_sum_or_the_figure_after_its_worth() -> None:
    from rag.asked_kinds import gives_value

    assert gives_value("Under the new rules a passing touchdown is worth six points.")
    assert gives_value("The stake is worth close to 4.2 billion kronor.")
    assert not gives_value("Leo Vance signed a three-year deal with Harbour City.")  # a figure, no value
    assert not gives_value("The family raised its controlling stake to 54 per cent.")


@pytest.mark.parametrize(
    ("question", "asks_worth", "asks_money"),
    [
        ("How much is the family's controlling stake in Harbor Freight Lines worth?", True, False),
        ("Roughly how much is the shipping group valued at?", True, False),
        ("How much is a passing touchdown worth in fantasy points?", True, False),  # points: no sum required
        ("How much do nurses feel valued by hospital management?", False, False),
    ],
)
def test_what_a_thing_is_worth_asks_a_value_not_only_a_sum(question: str, asks_worth: bool, asks_money: bool) -> None:
    from rag.asked_kinds import ASKS_MONEY, ASKS_WORTH

    assert (ASKS_WORTH.search(question) is not None) == asks_worth
    assert (ASKS_MONEY.search(question) is not None) == asks_money


def test_a_multiplier_and_a_price_are_no_count() -> None:
    from rag.asked_kinds import counts_near
    from rag.lexicon import content_stems

    handhelds = content_stems("Pocket Rovers")
    assert not counts_near("The firm unveiled a new Pocket Rover and, double surprise, a dock.", handhelds)
    assert counts_near("The firm sold 3m Pocket Rovers.", handhelds)  # "m": a million
    assert counts_near("The firm sold 3M Pocket Rovers.", handhelds)
    assert counts_near("Half of the Pocket Rovers shipped late.", handhelds)  # a share of them
    assert counts_near("Thirty-odd Pocket Rovers were returned.", handhelds)
    assert counts_near("The startup raised $5M in Pocket Rover preorders.", handhelds, money=True)
    # a price is no count of what it buys, unless a sum is what is asked for
    assert not counts_near("The Pocket Rover will drop to $349.", handhelds, money=False)
    assert counts_near("The Pocket Rover will drop to $349.", handhelds, money=True)
    assert counts_near("It sold 40,000 Pocket Rovers at $349 each.", handhelds, money=False)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The store opens on Dec. 2.", True),
        ("The store opens on December 2.", True),
        ("It ships 14 Sept, a week late.", True),
        ("It is the third of March, 3rd of March.", True),
        ("The handheld is a step toward the Steam Deck 2.", False),  # "Deck 2" is no December 2
        ("Marvel 3 is out.", False),
        ("Mark 5 of the engine failed.", False),
    ],
)
def test_a_day_of_a_month_is_a_months_name_and_a_day(text: str, day: bool) -> None:
    from rag.asked_kinds import WRITES_DAY

    assert bool(WRITES_DAY.search(text)) == day


@pytest.mark.parametrize(
    ("question", "asks_money"),
    [
        ("What does a day ticket to the waterpark cost?", True),
        ("In the gift guide, what does the keyboard cost?", True),
        ("What does the subscription cost per month?", True),
        ("What does the cost of living mean for voters?", False),
        ("How much does a Quayside+ subscription cost per month?", True),  # a name ending with "+"
        # what follows "cost" may be anything: where, what it costs to do
        ("What does the tasting menu at Harbour House cost in London?", True),
        ("roughly what did the regatta documentary cost to make?", True),
        ("What does the ferry operator charge per crossing?", True),
        # a bid or an offer is a sum
        ("How much is Mara Fenwick offering for the club?", True),
        ("How much did the harbour board bid for the quay?", True),
        # what something cost someone is no sum, nor what a person is charged with
        ("What did the skipper say the decision cost him professionally?", False),
        ("What does the prosecutor charge the skipper with?", False),
        ("What does the cost of fuel do to fares?", False),
        ("What did the strike cost in lives?", False),
        ("What did the scandal cost to his reputation?", False),
        ("How much interest did the bid attract?", False),  # the noun
        # a price asked without "how much": what it starts at, sells or goes for
        ("when is the cheaper Ridgeback coming out, and what's it going to start at", True),
        ("What does the Kelby Aura sell for?", True),
        ("what did the harbour painting go for", True),
        ("What time does the regatta start at?", False),  # a time
        ("What are fans going for these days?", False),
        # past an aside set off by commas: who raised it, told who they are
        ("How much did Nordlys, the Oslo payments startup taking on Klarna, raise in its Series A?", True),
        ("How much did Mara Fenwick, the club's owner, pay for the quay?", True),
        ("How much, if anything, did the board say about the quay?", False),
        # a name written with stops or an ampersand is words all the same
        ("How much does Kelby's T.K. III synth cost?", True),
        ("How much did the U.S. Navy spend on the harbour cranes?", True),
        ("How much did P&O Ferries pay for the quay?", True),
        # ... but a full stop ends a sentence: the next one's "pay" is no sum asked
        ("How much snow fell in Norvik. Did the mayor pay a visit?", False),
    ],
)
def test_what_something_costs_asks_a_sum_of_money(question: str, asks_money: bool) -> None:
    from rag.asked_kinds import ASKS_MONEY

    assert (ASKS_MONEY.search(question) is not None) == asks_money


def test_a_figure_the_question_writes_is_blanked_out_of_a_sentence_and_others_stay() -> None:
    from rag.asked_kinds import WRITES_MONEY, gives_figure, without_figures_of

    question = "How much is Channel Nine paying for its share of the $90 million rights deal over six years?"
    sentence = "The league sold its rights for $90 million over six years."
    blanked = without_figures_of(sentence, question)
    assert len(blanked) == len(sentence)  # offsets hold
    assert not gives_figure(blanked) and WRITES_MONEY.search(blanked) is None
    # another sum stays, though it shares its scale ("million") with the question's
    assert "$12 million" in without_figures_of("Channel Nine pays $12 million a season.", question)
    assert "1,500" in without_figures_of("It has 1,500 staff.", "How many of the 1,000 staff left?")
    assert without_figures_of("It has 1,000 staff.", "How many of the 1000 staff left?") == "It has       staff."
    assert without_figures_of("It has 1,000 staff.", "Who runs the firm?") == "It has 1,000 staff."
    # the same number with another scale or kind is another figure; a number labelling something is no figure given
    assert "$3 million" in without_figures_of("The firms raised $3 million.", "How much did the 3 firms raise?")
    assert "7.7 percent" in without_figures_of("Sales grew 7.7 percent.", "What of the $7.7 billion deal?")
    assert "7-3" in without_figures_of("Harbour won 7-3.", "What was the score in game 7?")
    assert "24 goals" in without_figures_of("He scored 24 goals.", "How many did he score in the 2023-24 season?")
    assert "15 dollars" in without_figures_of("It costs 15 dollars.", "How much does the Kelby 15 cost?")
    assert "7.7" not in without_figures_of("A $7.7bn deal.", "How much of the $7.7 billion deal?")
    assert "six" not in without_figures_of("It has 6 ferries.", "How many of its six ferries are new?")


@pytest.mark.parametrize(
    ("question", "asks_figure"),
    [
        ("What minimum credit score do you need for the card?", True),
        ("What is the average price of a ferry ticket?", True),
        ("What is the highest mountain in Japan?", False),  # a name
        # a word hedging the figure asked for comes first
        ("Exactly how many cranes does the port run?", True),
        ("Roughly how much did the regatta raise?", True),
        ("According to the Gazette, approximately how many boats sailed?", True),
        ("Exactly who said it?", False),
    ],
)
def test_a_bound_or_an_average_asks_a_figure(question: str, asks_figure: bool) -> None:
    from rag.asked_kinds import ASKS_FIGURE

    assert (ASKS_FIGURE.search(question) is not None) == asks_figure


def test_the_name_asked_for_is_written_beside_the_noun_it_names() -> None:
    from rag.asked_kinds import gives_name, named_noun

    question = "What is the name of the Diablo 4 expansion Blizzard revealed at BlizzCon?"
    assert named_noun(question) == "expansion"
    assert named_noun("What is the name of the harbour board's chair?") == "chair"
    # a season's name in a sentence on the expansion is no name of it
    season = "The content for Season of Blood comes in October, weeks before fans expect Diablo 4's first expansion."
    assert not gives_name(season, question, noun="expansion")
    assert gives_name("Blizzard named the expansion Vessel of Hatred.", question, noun="expansion")
    assert gives_name(
        "They are developing a Special Partnership Program.", "What is the name of the program?", noun="program"
    )
    # a name the passages found call by the noun elsewhere ("ChatGPT, the chatbot OpenAI launched")
    impressed = "Indeed, ChatGPT has impressed cynics, who called it the best tool of the year."
    chatbot = "What is the name of the chatbot covered by TechCrunch?"
    assert named_noun(chatbot) == "chatbot"
    assert not gives_name(impressed, chatbot, noun="chatbot")
    assert gives_name(impressed, chatbot, noun="chatbot", around="ChatGPT, the chatbot OpenAI launched, turns one.")


@pytest.mark.parametrize(
    ("question", "sentence", "asks", "writes"),
    [
        ("What were Ola Berg's MVP odds going into the final?", "Berg is the heavy favourite (-230).", True, True),
        ("what are mia lund's current rookie of the year odds at kelby sportsbook", "Lund is a gem.", True, False),
        ("What odds was the market putting on a rate hike?", "The market put the odds at 50-50.", True, True),
        ("What are the odds?", "A 40 per cent chance of rain, bookmakers say.", True, True),
        ("summarize the Bet Bench odds and prediction piece", "Kelby are 5/2 to win.", False, True),
        ("Who won the final?", "The final drew a crowd of 18,400.", False, False),
    ],
)
def test_odds_asked_for_are_written_as_a_bookmaker_writes_them(
    question: str, sentence: str, asks: bool, writes: bool
) -> None:
    from rag.asked_kinds import ASKS_ODDS, WRITES_ODDS

    assert (ASKS_ODDS.search(question) is not None) == asks
    assert (WRITES_ODDS.search(sentence) is not None) == writes


@pytest.mark.parametrize(
    ("question", "asks_distance"),
    [
        ("How tall is the Kelby Lookout?", True),
        ("How far did Orvin's home run travel?", True),
        ("Who won, and how wide is the new quay?", True),
        ("How far north were the lights seen?", False),  # a place
        ("How far did Kelby Ferries shares fall on Tuesday?", False),  # a change, told in per cent
        ("how far could the harbour board's cash flow drop this year", False),
    ],
)
def test_how_tall_or_far_asks_a_length_unless_a_place_or_a_change(question: str, asks_distance: bool) -> None:
    from rag.asked_kinds import ASKS_DISTANCE

    assert (ASKS_DISTANCE.search(question) is not None) == asks_distance


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("How much is Amazon paying NASCAR per year?", True),
        ("How many reports a day was the agency getting?", True),
        ("How much money did he make a year from streaming?", True),
        ("How many people use Threads monthly?", True),
        ("How many points did he score in a game against the Hawks?", False),
        ("Who led the game-winning drive?", False),
        ("How much did shares fall in a day?", False),
        ("How much does it cost to renew a season ticket?", False),
        ("By how much did sales drop compared with a year earlier?", False),
    ],
)
def test_a_rate_asked_for_is_a_figure_for_each_span_of_time_not_one_event(question: str, asks: bool) -> None:
    assert (ASKS_RATE.search(question) is not None) is asks


@pytest.mark.parametrize(
    ("sentence", "writes"),
    [
        ("It costs $5.99 a month.", True),
        ("He earns £300,000-a-week at the club.", True),
        ("Meta charges €9.99pm on the web.", True),
        ("The show airs at 8pm on Fridays.", False),
        ("Revenue rose from $4bn a year ago.", False),
    ],
)
def test_a_rate_is_written_per_span_of_time_not_a_clock_time_or_a_time_ago(sentence: str, writes: bool) -> None:
    assert (WRITES_RATE.search(sentence) is not None) is writes


@pytest.mark.parametrize(
    ("sentence", "only_might"),
    [
        ("He faces up to 50 years in prison.", True),
        ("Each charge carries a sentence of one to 15 years.", True),
        ("Wang was sentenced in May to 10 years.", False),  # the month, not "may"
        ("Oettinger faced 40 shots and saved 38.", False),  # shots faced happened
    ],
)
def test_a_penalty_faced_might_come_about_a_figure_told_as_so_did(sentence: str, only_might: bool) -> None:
    assert only_might_be(sentence) is only_might


@pytest.mark.parametrize(
    ("question", "doer"),
    [
        ("How many points did Mara Fenwick score in the final?", "Mara Fenwick"),
        ("How much revenue has Quayside reported this year?", "Quayside"),
        ("Roughly how many goals did the Harbour Hawks concede?", "Harbour Hawks"),
        ("How many times did St. Aldric's sack the quarterback?", "St. Aldric's"),
        ("How much revenue did Bank of Norvik report?", "Bank of Norvik"),  # a name with "of" in it
        ("How Many Points Did Mara Fenwick Score Against Lund?", ""),  # title case tells no name
        ("how many points did fenwick score", ""),  # typed in lower case: no name is read
        ("How many tickets were sold?", ""),
        ("How many did they sell?", ""),
    ],
)
def test_the_one_a_counting_question_counts_a_deed_of_is_the_name_after_its_verb(question: str, doer: str) -> None:
    from rag.asked_kinds import counted_doer

    assert counted_doer(question) == doer


@pytest.mark.parametrize(
    ("question", "sentence", "another"),
    [
        (
            "What was the final score of the Lund vs Kelby semi-final at the 2024 Harbour Cup?",
            "The 2020 Harbour Cup final between Lund and Kelby ended with a 32-12 score.",
            True,
        ),
        # a year written otherwise says nothing of which edition: a count, a year since, whose title it was
        ("How many people attended the 2023 Harbour Rally?", "About 1800 people attended the rally.", False),
        ("How much did Lund earn in 2023?", "Revenue rose to $5 billion, its best result since 2019.", False),
        (
            "What was the score of the 2024 Harbour Cup semi-final?",
            "Lund lost 16-15 to Kelby, the 2020 champions.",
            False,
        ),
        # ... nor does a sentence writing the year asked too
        (
            "What was the 2024 Harbour Cup final score?",
            "Like the 2020 Harbour Cup final, the 2024 one ended 2-1.",
            False,
        ),
    ],
)
def test_a_sentence_on_another_years_edition_of_an_event_gives_no_figure_of_it(
    question: str, sentence: str, another: bool
) -> None:
    from rag.asked_kinds import of_another_year

    assert of_another_year(question, sentence) == another


def test_a_count_of_things_is_no_sum_length_of_time_or_rank() -> None:
    # "How many people did Activision lay off?": not "over the past 12 months", "a $1 fee", "third-largest", "1000x"
    from rag.asked_kinds import gives_count
    from rag.lexicon import content_stems

    assert gives_count("The ferry line laid off about 1,900 people this year.")
    assert gives_count("Nearly 40% of the crew left.")
    assert not gives_count("The line has shrunk over the past 12 months, after nearly two years of losses.")
    assert not gives_count("Critics say a fee of $1 or even $8 will not stop fare dodgers.")
    assert not gives_count("It became the world's third-largest ferry operator.")
    assert not gives_count("It will make dodging fares 1000x harder.")
    assert not gives_count("The cuts came after two decades of growth.")
    assert not gives_count("The line, founded 12 years ago, sold its $69 billion fleet.")
    # ... unless a time is what is counted ("how many weeks"); a unit on the figure may be what is counted
    assert gives_count("He will be out for six weeks.", content_stems("weeks will he be out"))
    assert gives_count("The ferry has a 48MP camera.", content_stems("megapixels does the ferry camera have"))
    assert gives_count("The couple hosted a 200-guest wedding on the ferry.")
