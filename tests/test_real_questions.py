"""Questions as people outside the project ask them, answered from a small newsroom corpus.

Outlets and dates in a question narrow its articles; a missing outlet or an unknown name is
named in the refusal; an ordinary word never is; several outlets are each cited; an entity
question opens with the name; requests get a comparison or a briefing; a yes/no verdict is
given only when the evidence makes it plain.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from llama_index.core.base.embeddings.base import BaseEmbedding

from rag.answer import Answer
from rag.asked_kinds import ASKS_LENGTH, ASKS_MONEY, NO_CODE, NO_DURATION, NO_FIGURE, NO_WHEN, WRITES_WHEN
from rag.assistant import Assistant
from rag.compare import Comparison
from rag.entities import asked_deeds, introduces, tells_deed
from rag.entity_choice import asked_role, deed_clause
from rag.extractive import claim_phrases
from rag.figures import find_figures
from rag.ingest import ingest_paths
from rag.question import answer_kind, asked_measure, coming_out_search, main_clause
from rag.ranking import EMBEDDED_POST
from rag.records import AskOptions, Filters
from rag.render import render_markdown, render_terminal
from tests.support.fake_openai import FakeOpenAI
from tests.support.generative import generative_assistant
from tests.support.newsroom import write_newsroom
from tests.support.project import make_settings


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Iterator[Assistant]:
    """An offline assistant over the newsroom corpus."""
    folder = write_newsroom(tmp_path_factory.mktemp("newsroom") / "articles")
    settings = make_settings(storage_dir=folder.parent / "storage")
    ingest_paths(settings, [folder], load_embedder=lambda: local_embedder)
    yield Assistant.open(settings, embedder=local_embedder)


def sources_cited(assistant: Assistant, answer: Answer) -> set[str]:
    by_id = {r.doc_id: r.source for r in assistant.articles()}
    return {by_id[c.doc_id] for c in answer.citations}


ROBOTICS = {
    "ledger_robot.txt": (
        {"title": "Veltro shows its pallet robot", "source": "Alpine Ledger", "published": "2024-05-02"},
        "Veltro Robotics unveiled a warehouse robot that lifts pallets of up to two tonnes. "
        "The machine steers itself between racks using cameras and a laser scanner. "
        "Veltro Robotics said the first units would ship to grocery chains in the autumn.",
    ),
    "metro_plant.txt": (
        {"title": "Dunmore plant to cut night shift", "source": "Metro Tech Daily", "published": "2024-05-09"},
        "Veltro Robotics will end the night shift at its Dunmore plant in July. "
        "Union officials said the company gave workers two weeks of notice before the layoffs. "
        "The firm blamed slower orders from carmakers.",
    ),
    "metro_docks.txt": (
        {"title": "Harbour crane operator hires", "source": "Metro Tech Daily", "published": "2024-05-10"},
        "Brightwell Cranes is hiring forty operators for its new container terminal. "
        "A shop steward said the firm gave workers two weeks of notice before the layoffs at its depot last year. "
        "The terminal opens in September.",
    ),
}


# One outlet's reports on three dates: a question names two of them by date.
LEDGER = {
    "ledger_may02.txt": (
        {"title": "Ferry fares rise", "source": "Alpine Ledger", "published": "2024-05-02"},
        "The lake ferry will charge eight francs a crossing from June. "
        "The operator said fuel costs had doubled since the winter.",
    ),
    "ledger_may16.txt": (
        {"title": "Glacier trail reopens", "source": "Alpine Ledger", "published": "2024-05-16"},
        "The glacier trail above Sorvan reopened after rangers cleared two rockfalls. "
        "Hikers must carry crampons on the upper section until July. "
        "Rangers said the upper section had seen heavy snow over the winter.",
    ),
    "ledger_may30.txt": (
        {"title": "Ferry subsidy approved", "source": "Alpine Ledger", "published": "2024-05-30"},
        "The canton approved a subsidy that cuts the ferry crossing back to six francs for residents. "
        "Council members said the fare rise had hurt commuters.",
    ),
}


# Two reports of one outlet give the same figure; the first also holds the other outlet's claim.
PORT = {
    "gazette_board.txt": (
        {"title": "Port costs shift", "source": "Harbour Gazette", "published": "2024-03-01"},
        "Landing fees at Port Alder rose by a tenth in March while dredging costs fell sharply after a new contract, "
        "the port board reported. The board meets again in April.",
    ),
    "gazette_master.txt": (
        {"title": "Harbour master on fees", "source": "Harbour Gazette", "published": "2024-03-08"},
        "Landing fees at Port Alder rose by a tenth this spring, the port's master confirmed. "
        "Fishing crews said they would pass the cost on.",
    ),
    "wire_dredging.txt": (
        {"title": "Dredging contract signed", "source": "Quayside Wire", "published": "2024-03-05"},
        "Dredging costs at Port Alder fell sharply after the new contract was signed. "
        "The contractor starts work in May.",
    ),
}


OTHER_FIRMS = ["Harlow Foods", "Penrose Dairy", "Castell Freight", "Marrow Paper", "Oakham Steel", "Dunlin Textiles"]
OTHER_FIRMS += ["Carrow Plastics", "Selby Glass", "Tarn Timber", "Wexley Tiles", "Brandon Cement"]
# A robot maker fined over its warehouse, among eleven other firms fined for the same: the
# fine's words point to the others; only the robot maker's name finds its own fine.
FINES = {
    "robot.txt": (
        {"title": "Veltro shows its pallet robot", "source": "Alpine Ledger", "published": "2024-05-02"},
        "Veltro Systems unveiled a warehouse robot that lifts pallets of up to two tonnes for grocery chains. "
        "The machine steers itself between racks using cameras.",
    ),
    "penalty.txt": (
        {"title": "Depot inspection", "source": "Metro Tech Daily", "published": "2024-05-20"},
        "Regulators penalised Veltro Systems after inspectors found blocked fire exits at its warehouse. "
        "The company said it had fixed the exits within a day.",
    ),
} | {
    f"fine{i}.txt": (
        {"title": f"{firm} fined", "source": "Metro Tech Daily", "published": f"2024-05-{i + 3:02d}"},
        f"Regulators fined {firm} over a fire safety breach at its warehouse in the north. "
        "The company will appeal the fine.",
    )
    for i, firm in enumerate(OTHER_FIRMS)
}


# A crane maker's crane shown at a fair, and its plan against the noise its machines make, which 33 reports on other
# firms' noisy cranes crowd out of every search; the fair's report names the maker beside residents, touching the
# clause on noise: the clause looked for again with the maker's name finds the plan.
NOISE = {
    "fair.txt": (
        {"title": "Rivermark shows an electric crane", "source": "Alpine Ledger", "published": "2024-05-02"},
        "Rivermark Lifting unveiled an electric harbour crane at the Port Alder trade fair. "
        "Residents watched the Rivermark Lifting crane lift its first load.",
    ),
    "quiet.txt": (
        {"title": "Quieter cranes", "source": "Metro Tech Daily", "published": "2024-05-20"},
        "Rivermark Lifting plans to halve the noise its machines make near the docks by June.",
    ),
} | {
    f"noise{i}.txt": (
        {"title": f"{firm} cranes too loud", "source": "Metro Tech Daily", "published": f"2024-0{i % 9 + 1}-03"},
        f"Residents near the docks say {firm} plans to halve the noise its cranes make for residents near the docks, "
        "but the noise its cranes make keeps residents near the docks awake.",
    )
    for i, firm in enumerate(f"{a.split()[0]} {b.split()[1]}" for a in OTHER_FIRMS for b in OTHER_FIRMS[:3])
}


# Authors' gift picks: each author's own book is named beside their name, the book they pick on a line of its own.
PICKS = {
    "picks.txt": (
        {"title": "Six authors pick a book to give", "source": "Harbour Gazette", "published": "2024-12-01"},
        "We asked authors which book they would give as a holiday gift this year.\n\n"
        "Ingrid Halvorsen\n\n"
        "Ingrid Halvorsen’s book “Out of the Fog and Into the Harbour” tells of forty winters on the ferries.\n\n"
        "Book recommendation: “The Salt Roads of the North: Traders and Their Ships,” by the historian Olav Berg\n\n"
        "Berg walks the old routes of the salt traders.\n\n"
        "Tomas Ferreira\n\n"
        "Tomas Ferreira’s book “A Port in Every Storm” is about harbour pilots.\n\n"
        "Book recommendation: “Lights Over the Fjord,” by Mira Osei",
    ),
}


# A harbour pilot in two outlets' reports, and a report on her appointment that never names her.
PILOT = {
    "gazette_chief.txt": (
        {"title": "Varga named chief pilot", "source": "Harbour Gazette", "published": "2024-03-01"},
        "Ilse Varga was named chief pilot of Port Alder in March. "
        "Varga has guided tankers through the narrow channel for twenty years. "
        "Varga said deeper dredging was needed in the channel.",
    ),
    "wire_warning.txt": (
        {"title": "Pilot warns on channel depth", "source": "Quayside Wire", "published": "2024-03-09"},
        "Harbour staff heard Ilse Varga argue at a long meeting on tug fees that the narrow channel needed dredging. "
        "The port board will discuss the request in April.",
    ),
    "gazette_tugs.txt": (
        {"title": "Tug crews welcome appointment", "source": "Harbour Gazette", "published": "2024-03-04"},
        "Tug crews welcomed the appointment of a new chief pilot at Port Alder in March. "
        "The crews had asked for more night shifts.",
    ),
}


# A mayor described clause by clause: two outlets' reports tell her opening the depot alike, a third her fare
# pledge; another report names her beside a word of the clause only, and one on the depot never names her.
DEPOT = {
    "ledger_depot.txt": (
        {"title": "Brennick opens tram depot", "source": "Kelby Ledger", "published": "2024-05-02"},
        "Mayor Orla Brennick opened the new tram depot on the east side of Kelby on Thursday. "
        "The depot will house forty trams and a training school for drivers. "
        "Brennick thanked the builders, who finished the site a month early.",
    ),
    "courier_depot.txt": (
        {"title": "East side waits no more", "source": "Kelby Courier", "published": "2024-05-03"},
        "Residents cheered as Mayor Orla Brennick opened the new tram depot on the east side on Thursday morning. "
        "Neighbours had waited six years for the site to be finished.",
    ),
    "ledger_fares.txt": (
        {"title": "Mayor vows fare cut", "source": "Kelby Ledger", "published": "2024-05-20"},
        "Orla Brennick promised to cut bus fares by a fifth before the winter. "
        "Her rivals on the council called the plan unaffordable.",
    ),
    "gazette_budget.txt": (
        {"title": "Tram budget frozen", "source": "Kelby Gazette", "published": "2024-05-06"},
        "Orla Brennick said the tram budget for the east side would not grow this year. "
        "The council will vote on the budget in June.",
    ),
    "courier_market.txt": (
        {"title": "Market hall reopens", "source": "Kelby Courier", "published": "2024-05-10"},
        "The old market hall on the east side reopened on Saturday after a new roof was fitted. "
        "Traders said the tram depot nearby would bring more shoppers.",
    ),
}


# One outlet's two reports on a dock strike published the same day, its report of the next day, and another
# outlet's later report on how the strike ended.
DOCK_STRIKE = {
    "times_walkout.txt": (
        {"title": "Dockers walk out", "source": "Ellery Times", "published": "2024-08-12"},
        "Dockers at Port Ellery walked out on Monday over the new shift rota. "
        "Ships waited in the bay overnight as the cranes stood still.",
    ),
    "times_union.txt": (
        {"title": "Union sets strike terms", "source": "Ellery Times", "published": "2024-08-12"},
        "The dockers' union said the strike over the shift rota would go on until the rota is withdrawn. "
        "Its leader asked the harbour board to meet on Friday.",
    ),
    "times_ferries.txt": (
        {"title": "Ferries keep sailing", "source": "Ellery Times", "published": "2024-08-13"},
        "Island ferries kept to their timetable, the ferry company said, as the passenger berths are not "
        "worked by dockers.",
    ),
    "herald_end.txt": (
        {"title": "Strike ends", "source": "Ellery Herald", "published": "2024-08-30"},
        "The dock strike at Port Ellery ended after the harbour board withdrew the shift rota. "
        "Dockers went back to work on Thursday.",
    ),
}


# A founder's trial: one article says what she is charged with, the other writes only her initials.
TRIAL = {
    "courier_charges.txt": (
        {"title": "Ferry founder charged", "source": "Harbour Gazette", "published": "2024-04-02"},
        "Marta Oyelaran-Kent, the founder of the island ferry company, was charged with fraud over fares that never "
        "reached the company's accounts. "
        "\u201cEvery fare was paid in,\u201d Oyelaran-Kent said outside the court. "
        "Prosecutors say the missing fares came to two million euros.",
    ),
    "courier_day_one.txt": (
        {"title": "MOK trial: the first day", "source": "Harbour Gazette", "published": "2024-04-15"},
        "The MOK trial opened on Monday, with the jury seated by noon. "
        "Crowds gathered outside the MOK trial before dawn. "
        "The judge expects the trial to last three weeks.",
    ),
}


# A report on an op-ed that an outlet the corpus does not hold published; like the bundled articles,
# the report records no source of its own (the op-ed could be one of its articles).
OPED = {
    "gazette_oped.txt": (
        {"title": "Ferry op-ed stirs the harbour", "author": "Mira Osei"},
        "Harbour Mayor Ansel Brandt spoke at the pier on Monday. "
        "An op-ed by Lin Wei-ting, a ferry captain, published by the Island Courier, called the new fares a tax "
        "on islanders. "
        "Brandt said the fares would fund a second boat.",
    ),
}


# A board chair's plans, said over two sentences, and a count the board gave of one thing only.
DOCKS = {
    "gazette_docks.txt": (
        {"title": "Port board plans for the next decade", "source": "Harbour Gazette", "published": "2024-03-01"},
        "The harbour board met on Tuesday to set the port's budget for the coming year. "
        "\u201cWe will invest heavily in new equipment over the next decade,\u201d said board chair Anna Dahl. "
        "\u201cThis is especially true for electric cranes and shore power for visiting ships.\u201d "
        "The board bought two tugboats last spring. "
        "Dahl expects the new equipment to need a larger port staff. "
        "Fishing crews asked the board to dredge the inner basin before the summer. "
        "The basin was last dredged in 2019. "
        "The board also approved a new ferry timetable for the islands.",
    ),
    "wire_fees.txt": (
        {"title": "Ferry fares rise again", "source": "Quayside Wire", "published": "2024-03-04"},
        "Ferry fares to the islands will rise by a tenth in April. "
        "Island councillors said the rise would hurt families who commute to the mainland. "
        "For example, the rise will hurt nurses, who will pay forty euros more a month. "
        "The ferry operator blamed the cost of fuel. "
        "In 2017 the operator bought its two newest ferries. "
        "Captain Ole Brekke runs the night ferry. "
        "\u201cOur fuel bill doubled in a year,\u201d Brekke said. \u201cWe had no other choice.\u201d "
        "Transport minister Elin Berg visited the ferry terminal in March. "
        "The new island timetable starts on May 12.",
    ),
}


# A doctor's statement over two sentences, its quotation opened in the first and closed in the second; a
# mayor's over three, its marks of two kinds.
CLINIC = {
    "herald_clinic.txt": (
        {"title": "Twenty years at the valley clinic", "source": "Valley Herald", "published": "2024-06-03"},
        "Doctor Ines Varga has run the Millbrook clinic for twenty years. "
        'She told the Herald that staying in the valley "cost me more than I like to admit. '
        'I turned down a post at the city hospital that paid twice as much." '
        "The clinic will add a night nurse in May. "
        "The valley still lacks a dentist, the council says.",
    ),
    "wire_dentist.txt": (
        {"title": "Council to fund a valley dentist", "source": "Valley Wire", "published": "2024-06-05"},
        "\u201cThe valley has waited long enough for this. The council will fund a dentist from next year. "
        "With it, we expect the waiting list to fall by half,\u00bb Mayor Tove Lund said on Friday. "
        "The clinic roof will be repaired in the autumn.",
    ),
    "herald_library.txt": (
        {"title": "Millbrook library moves early", "source": "Valley Herald", "published": "2024-06-10"},
        "The Millbrook library shut its old reading room on Monday, two months before the new building is ready. "
        "The trustees feared the roof would give way under the snow. "
        "Readers can borrow from a van parked on the square until August. "
        "The new building, designed by a Millbrook architect, will hold a cafe and a room for the reading club. "
        "Its old reading room had served the town since 1962.",
    ),
    "wire_grant.txt": (
        {"title": "Council funds rural clinics", "source": "Valley Wire", "published": "2024-06-14"},
        "The valley council approved a grant of two million euros for rural clinics on Monday. "
        "Among the first recipients will be Tarvik, Osby and Lunde. "
        "The money comes from the regional budget, which rose by a fifth this year.",
    ),
    "wire_lawsuit.txt": (
        {"title": "Woman sues ferry line", "source": "Valley Wire", "published": "2024-06-12"},
        "A Millbrook woman sued Quayside Lines and its insurer Norlake Insurance, claiming a rough night "
        "crossing left her with a broken wrist. "
        "Quayside Lines said it would fight the claim. "
        "Doctor Ines Varga treated several passengers after the crossing.",
    ),
}


# An election: a party named as one ("Harbour Party"), one called so beside its name, and a council.
ELECTION = {
    "courier_vote.txt": (
        {"title": "Harbour Party wins Lakeside vote", "source": "Lakeside Courier", "published": "2024-04-08"},
        "The Green Alliance, a coalition of environmental groups, campaigned hard before the vote. "
        "The Harbour Party won the most seats in the Lakeside council election on Sunday. "
        "Nordvik, the junior coalition party, lost two of its seats. "
        "Harbour Party leader Mara Lind promised cheaper ferries.",
    ),
    "wire_mayor.txt": (
        {"title": "Millbrook to elect a mayor", "source": "Valley Wire", "published": "2024-04-09"},
        "Voters in Millbrook elect a new mayor in June. "
        "The Millbrook Trades Council has endorsed no candidate in the mayoral election. "
        "Turnout in the last election was low.",
    ),
    "wire_summit.txt": (
        {"title": "Ferry summit ends with a pledge", "source": "Valley Wire", "published": "2024-04-12"},
        "Norway sent its transport minister to the ferry summit, which Sweden had called for. "
        "The ferry summit in Tromsø closed on Tuesday with a pledge on cleaner boats. "
        "Delegates from Iceland praised the talks.",
    ),
}


# A game made by a studio, reviewed by a critic: "who developed it" asks for the studio.
GAMES = {
    "arcade_review.txt": (
        {"title": "Starfall Tactics review", "source": "Arcade Weekly", "published": "2024-02-12"},
        "Starfall Tactics is a turn-based strategy game set on a frozen moon. "
        "Developer Brightmoor Studios spent four years building its branching campaign. "
        "Critic Lena Ortiz called the campaign long but rewarding. "
        "The game was reviewed using a code provided by the publisher. "
        "Starfall Tactics comes out on March 3 on Windows PC and Nintendo Switch.",
    ),
    "courier_signing.txt": (
        {"title": "Morita signs with the Osprey", "source": "Lakeside Courier", "published": "2024-02-14"},
        "The Tarvik Jays met pitcher Kenji Morita on Monday and were seen as favourites to sign him. "
        "The Tarvik Jays offered more money than anyone, but Morita chose the Lakeside Osprey on Friday. "
        "Morita, who has an affinity for the lake towns, wanted to stay near his family, the Tarvik Jays were told. "
        "Courier columnist Ilse Marwood wrote that Morita will be the best signing of the winter.",
    ),
}


# One outlet's report shares nearly every word of the question; the other's answers only its own part.
# Two reports of one outlet on one day, one of them on a report the council published, and another
# outlet's later report: "Between the report from the Courier published on June 4 and ..." names the
# Courier's report by its outlet and date alone.
FARES = {
    "courier_fares.txt": (
        {"title": "Bus fares go up", "source": "Riverside Courier", "published": "2024-06-04"},
        "Single bus fares in Riverside rise from two pounds to two pounds fifty in July. "
        "The operator blamed the cost of fuel and drivers' wages for the bus fare rise. "
        "Season tickets keep their price until the end of the year.",
    ),
    "courier_library.txt": (
        {"title": "Library roof", "source": "Riverside Courier", "published": "2024-06-04"},
        "The council published a report on June 4 on the library roof. "
        "The report from the surveyors found water damage in the reading room. "
        "Repairs will be published in a tender in 2024.",
    ),
    "herald_fares.txt": (
        {"title": "Fare rise delayed", "source": "Valley Herald", "published": "2024-06-20"},
        "The Riverside bus fare rise was put back to September after complaints from riders. "
        "Fares will still rise to two pounds fifty, the operator said.",
    ),
}


# One outlet's two reports on a trial, each opening with the same standing sentence; a wire story two
# other outlets print word for word
STANDING_COPY = {
    "gazette_voss_profile.txt": (
        {"title": "The mayor who promised clean books", "source": "Tidewater Gazette", "published": "2024-09-05"},
        "Mayor Ellen Voss, the former head of the port authority, is on trial for six counts of bribery. "
        "Before the scandal, Voss presented herself as the reformer who would open the harbour's accounts. "
        "Supporters praised her weekly budget briefings.",
    ),
    "gazette_voss_testimony.txt": (
        {"title": "Voss takes the stand", "source": "Tidewater Gazette", "published": "2024-10-10"},
        "Mayor Ellen Voss, the former head of the port authority, is on trial for six counts of bribery. "
        "On the stand, Voss said she learned of the missing harbour funds only in March. "
        "Prosecutors showed emails suggesting her staff told her of the gap a year earlier.",
    ),
    "wire_lighthouse_one.txt": (
        {"title": "Lighthouse sold", "source": "Coast Daily", "published": "2024-08-01"},
        "The Kestrel Point lighthouse was sold at auction for a record price to a hotel group. "
        "The keeper's cottage will become a museum.",
    ),
    "wire_lighthouse_two.txt": (
        {"title": "Record sale at Kestrel Point", "source": "Bay Observer", "published": "2024-08-02"},
        "The Kestrel Point lighthouse was sold at auction for a record price to a hotel group. "
        "Local divers fear the new owners will close the jetty.",
    ),
}

# Speakers named as reporters write them: by a surname and what they did ("Menon addressed ..., saying"), by
# a first name ("Anjali also chimed in"), after a role in lower case ("Harbour pilot Dana Whitfield")
FERRY_VOICES = {
    "halden_ferry.txt": (
        {"title": "Halden ferry runs late", "source": "Fjord Gazette", "published": "2024-07-02"},
        "Ravi Menon and his business partner Anjali Kapoor run the Halden ferry.\n\n"
        "Menon addressed the delays on his radio show, saying, "
        "\u201cThe channel is too shallow for the new ships.\u201d\n\n"
        "Anjali also chimed in on the matter, saying, "
        "\u201cWe will add a boat in May, whatever the council decides.\u201d\n\n"
        "Harbour pilot Dana Whitfield said the tides made the crossing slow.",
    ),
}


# A vote whose winner no report gives yet, and a report from another country's campaign that names a party's winner
OTHER_STORY = {
    "skarvik_vote.txt": (
        {"title": "Skarvik votes for a harbour council", "source": "Fjord Gazette", "published": "2024-05-02"},
        "Voters in Skarvik go to the polls on May 4 to elect a new harbour council. "
        "The Skarvik election will settle who runs the harbour for the next four years. "
        "The harbour council election in Skarvik is the first since the port was sold.",
    ),
    "caucus.txt": (
        {"title": "Caucus night", "source": "Prairie Post", "published": "2024-01-16"},
        "Dana Trumble won the caucus election by a wide margin, and her Liberty Party celebrated in the capital. "
        "The Liberty Party said the election was won on turnout.",
    ),
}


# A startup's round, and another startup's whose name shares a common word with it ("Analytics").
TWO_ROUNDS = {
    "kestrel_round.txt": (
        {"title": "Kestrel raises $40 million", "source": "Bergen Tech", "published": "2024-03-05"},
        "Kestrel Analytics, a Bergen startup that maps ship emissions, raised $40 million this week. "
        "The round was led by Nordlys Ventures, with Tern Partners joining. "
        "Kestrel Analytics will use the funding round to hire fifty engineers.",
    ),
    "harbour_round.txt": (
        {"title": "Harbour Analytics closes a seed round", "source": "Dock Journal", "published": "2024-03-07"},
        "Harbour Analytics co-founders Mira Solberg and Tor Vikane led the startup's latest funding round themselves. "
        "Harbour Analytics sells software to port operators.",
    ),
    "ferry_app.txt": (
        {"title": "Ferry app changes hands", "source": "Dock Journal", "published": "2024-03-09"},
        "Tidewise, the ferry timetable app, was acquired by the Vester Group for an undisclosed sum. "
        "Its founders will stay on for a year.",
    ),
}


# A coach's hiring, and another sport's report on a namesake's contract.
TWO_CONTRACTS = {
    "coach_hire.txt": (
        {"title": "Larkfield College hires Dana Whitfield", "source": "Campus Ledger", "published": "2024-12-02"},
        "Larkfield College has hired Dana Whitfield as its next football coach, the school said on Saturday. "
        "Whitfield, 41, spent five seasons at Norbridge State, where an extension raised his annual salary to "
        "$3.2 million. "
        "Larkfield fired its previous coach in October after a winless start.",
    ),
    "reliever.txt": (
        {"title": "Orioles add a reliever", "source": "Diamond Wire", "published": "2024-12-03"},
        "The Orioles have agreed to a one-year, $4 million contract with reliever Marcus Whitfield, who pitched "
        "for the Pirates this past season. "
        "Whitfield threw 61 innings last year.",
    ),
}

# Two reports on a league's standings, one writing the league's initials as a possessive.
STANDINGS = {
    "herald_standings.txt": (
        {"title": "Hawks keep second place", "source": "Valley Herald", "published": "2024-11-04"},
        "The Harlow Hawks hold the No. 2 seed in the WCL after beating Kessel on Saturday. "
        "The Hawks have won six straight games.",
    ),
    "courier_standings.txt": (
        {"title": "Bears back on top", "source": "Harlow Courier", "published": "2024-11-04"},
        "The Norbridge Bears jumped back into the WCL's top seed with the Rams losing on Sunday. "
        "Their next game is at home against Orvin.",
    ),
}

TRAMS = {
    "herald_tram.txt": (
        {"title": "Kessel tram line nears opening", "source": "Valley Herald", "published": "2024-04-02"},
        " ".join(
            [
                "The tram line to Kessel opens in spring, the transport office said.",
                "Crews laid the last rails of the Kessel tram line this spring, ahead of its opening.",
                "Test trams have run on the new line to Kessel every night before it opens in spring.",
                "The tram line to Kessel has eleven stops and opens to riders in spring.",
                "Shops along the Kessel tram line expect more customers once the line opens in spring.",
                "The tram to Kessel will run every eight minutes once the line opens.",
                "Drivers for the Kessel tram line finished their training before the spring opening.",
                "The Kessel tram line cost less than the bus lanes it replaces, the office said.",
                "Residents near the tram line to Kessel complained about night works this spring.",
                "The office said the tram line to Kessel would open on time in spring.",
                "Tickets for the Kessel tram line cost the same as for buses when it opens.",
                "The first tram on the line to Kessel leaves the central station at five when it opens.",
                "A second tram line, to Orvin, is planned after the Kessel line opens in spring.",
                "The Kessel tram line's opening in spring ends four years of works, the office said.",
            ]
        ),
    ),
    "post_depot.txt": (
        {"title": "Depot costs climb", "source": "Northern Post", "published": "2024-04-05"},
        "Councillors approved extra money for the depot on Tuesday. "
        "Its budget has doubled since the council added a repair workshop. "
        "The workshop will service buses as well.",
    ),
    "post_bridge.txt": (
        {"title": "Bridge repairs", "source": "Northern Post", "published": "2024-03-20"},
        "Repairs to the old river bridge will close it for a month. "
        "Cyclists will be sent over the rail bridge instead.",
    ),
}


# A list of figures, one line each, under a sentence that introduces it.
SCORERS = {
    "scorers.txt": (
        {"title": "The league's top scorers", "source": "Valley Herald", "published": "2024-05-02"},
        "Anna Berg has had a season to remember for Kessel United, and the goals kept coming for her rivals too.\n\n"
        "Berg's goals this season have lifted Kessel United to second in the league.\n\n"
        "Here are the league's top scorers this season:\n\n"
        "1. Anna Berg (Kessel United) - 31 goals\n"
        "2. Mia Lund (Orvin Rovers) - 27 goals\n"
        "3. Sara Holm (Port Alder) - 22 goals\n\n"
        "Berg also leads the league in assists, with eleven.\n\n"
        "The golden boot, a trophy for the top scorer, has been handed out since 1976, when the league began.",
    ),
}


# A match report: who scored is told in words that match the question; the final score only in figures.
MATCH_REPORT = {
    "derby.txt": (
        {"title": "Kessel United edge the derby", "source": "Valley Herald", "published": "2024-05-12"},
        "Kessel United came from behind to beat Orvin Rovers in the valley derby on Saturday. "
        "Mia Lund scored the winning goal for Kessel United in the 88th minute with a low shot from the edge "
        "of the box. "
        "The final whistle brought the home crowd onto the pitch, and scores of fans celebrated with the players. "
        "Kessel won 2-1, their fifth win in a row. "
        "Orvin Rovers now sit fourth in the table, and club membership has grown every year since the derby began. "
        "Season tickets for next year cost $310, and fans who renew by June keep their seats.",
    ),
}


# A profile whose deed is told of "She", the name one sentence before it.
MATERIALS = {
    "films.txt": (
        {"title": "The thinnest films", "source": "Science Weekly", "published": "2024-02-14"},
        "Quaylites can be tuned to take on almost any property, says Ingrid Halvorsen. "
        "Halvorsen works at Kessel University in Orvin. "
        "She made the world's first Quaylite in 2011, a film of titanium one atom thick. "
        "Made from Quaylites, the newer Borolites carry a layer of boron atoms, says Pieter Dahl. "
        "Labs in forty countries now make Quaylites. "
        "Doctors coat implants with Quaylite, which sells for about $900 a gram.",
    ),
}


# Quota talks: two experts and a minister quoted, each introduced once.
QUOTA_TALKS = {
    "quotas.txt": (
        {"title": "Quota talks stall", "source": "Coast Courier", "published": "2024-03-04"},
        "Fishing quotas for the northern fleet were not agreed at Monday's talks in Tromso. "
        "“Quotas will not hold without better counts,” says Per Lund, senior fellow at the Centre for Marine "
        "Policy at the University of Tromso. “The fleet has outgrown the surveys, and the surveys were never "
        "funded well.” "
        "Kari Moe, one of the leading experts on fisheries policy in the region, said the quotas would hold if "
        "the talks resumed in spring. "
        "Transport Minister Elin Berg said the ferry fees would stay.",
    ),
}


# An aid programme, and a report on another story that shares the words of a question's later half.
AID = {
    "aid.txt": (
        {"title": "Coastal aid approved", "source": "Coast Courier", "published": "2024-04-02"},
        "The government approved a $5 billion coastal aid programme on Tuesday. "
        "Among the first recipients of the aid will be Sorvan, Kessel and Orvin.",
    ),
    "levy.txt": (
        {"title": "Musicians lose out", "source": "Valley Herald", "published": "2024-04-03"},
        "In Norway, the first country to drop the levy, musicians get less, the union said.",
    ),
}


# A festival report that gives no figure and no date at all.
FESTIVAL = {
    "festival.txt": (
        {"title": "Harbour festival fills the quay", "source": "Coast Courier", "published": "2024-07-08"},
        "Lena Marsh headlined the Orvin harbour festival, playing to a packed quay under the lighthouse. "
        "The festival raised money for the lifeboat crew, organisers said. "
        "Stalls along the harbour sold smoked fish and local cider. "
        "Organisers plan to add a second stage when the festival returns.",
    ),
}


# A terminal's opening, its cost told further on, away from who opened it; its ramps counted, never priced.
TERMINAL = {
    "terminal.txt": (
        {"title": "Skarvik opens its new bus terminal", "source": "Fell Post", "published": "2024-09-02"},
        "Councillor Aud Rime opened the new Skarvik bus terminal on Saturday, cutting a ribbon in front of about "
        "300 residents. "
        "The terminal replaces a draughty shelter that had served travellers since 1971. "
        "The waiting hall has heated benches and a café run by a local bakery. "
        "The terminal cost $18 million, paid for by the county and a national grant. "
        "Four new charging bays let electric buses top up between routes, the county said. "
        "The first departure from the new terminal left at 5:50 on Sunday morning.",
    ),
    "orchard.txt": (
        {"title": "Orchard growers count a late frost", "source": "Fell Post", "published": "2024-05-14"},
        "Apple growers around Skarvik lost much of their blossom to a late frost in May. "
        "The growers said the frost would cost each orchard about $20,000 this year.",
    ),
}


# A family's stake in a shipping group and what the whole group is worth, in a currency written out; what a
# touchdown is worth in a fantasy league
STAKE = {
    "harbor.txt": (
        {
            "title": "Lindqvist family tightens grip on Harbor Freight Lines",
            "source": "Northern Ledger",
            "published": "2025-03-02",
        },
        "The Lindqvist family has owned a majority of Harbor Freight Lines since the shipping group was founded in "
        "1961. The family's controlling stake in the listed company is worth close to 4.2 billion kronor, according "
        "to filings reviewed by the Ledger. Harbor Freight Lines carried 18 million tonnes of cargo last year and "
        "employs 6,400 people across 14 ports. Chief executive Mats Lindqvist said the family had no plans to sell "
        "any shares. Analysts at Nordbank value the whole company at about 9 billion kronor.",
    ),
    "vance.txt": (
        {"title": "Vance signs for Harbour City", "source": "Northern Ledger", "published": "2025-03-07"},
        "Striker Leo Vance signed a three-year deal with Harbour City on Monday. He scored 31 goals last season.",
    ),
    "scoring.txt": (
        {"title": "Fantasy league changes its scoring", "source": "Northern Ledger", "published": "2025-03-06"},
        "The fantasy football league changed its scoring for the new season. Under the new rules a passing "
        "touchdown is worth six points, up from four, and an interception costs two points.",
    ),
    "rail.txt": (
        {"title": "Rail freight volumes climb", "source": "Northern Ledger", "published": "2025-03-05"},
        "Rail freight volumes rose 6 per cent in February, the transport agency said. The agency expects 40 new "
        "freight trains to enter service by 2027. Operators said demand from ports such as those run by Harbor "
        "Freight Lines had lifted volumes.",
    ),
}


# An outlet's strike report and its budget story that mentions the strike in the same words as the question; another
# outlet's report of the strike
FERRY_STRIKE = {
    "strike.txt": (
        {
            "title": "Ferry strike: island crews walk out over night-shift pay",
            "source": "Fjord Gazette",
            "published": "2025-02-03",
        },
        "Crews on the island ferries walked out on Monday in a dispute over night-shift pay. The walkout forced the "
        "operator to cancel 42 sailings, the union said. Passengers queued at the quay for hours before buses were "
        "laid on. The union said talks with the operator would resume on Thursday.",
    ),
    "budget.txt": (
        {
            "title": "Harbour board approves budget for two new cranes",
            "source": "Fjord Gazette",
            "published": "2025-02-04",
        },
        "The harbour board approved a budget of 9 million kroner for two new cranes on Tuesday. Board members said "
        "the ferry strike had delayed deliveries to the quay, and that ferry sailings cancelled during the strike "
        "cost the harbour 300,000 kroner in lost fees. The cranes are due to arrive in the autumn.",
    ),
    "market.txt": (
        {"title": "Fish market reopens after a fire", "source": "Fjord Gazette", "published": "2025-01-20"},
        "The fish market on the north quay reopened on Saturday, three months after a fire gutted its hall. Traders "
        "said the new hall was brighter and warmer.",
    ),
    "courier.txt": (
        {"title": "Ferry walkout strands commuters", "source": "Coast Courier", "published": "2025-02-03"},
        "The ferry operator cancelled 40 sailings during Monday's strike, the Courier learned. Commuters from the "
        "outer islands were stranded overnight.",
    ),
}


# A guide counting what it lists ("these three routes") and, further on, all there are.
ROUTES = {
    "routes.txt": (
        {"title": "Ferry routes for the summer", "source": "Valley Herald", "published": "2024-06-01"},
        "Quayside Ferries runs boats to the islands from May to September. "
        "For a first visit, the harbour office recommends these three ferry routes: "
        "the north loop, the lighthouse run and the oyster beds. "
        "The boats leave from the old pier every hour. "
        "Quayside Ferries also runs a water taxi and a cargo service to the mainland. "
        "Counting the winter crossings, its boats sail 14 routes, more than any rival on the coast.",
    ),
}


# Two startups' rounds: one valued, one not; a coach whose club's salary cap is told, not his salary.
FUNDING = {
    "harbour_lane.txt": (
        {"title": "Harbour Lane School raises a seed round", "source": "Valley Herald", "published": "2024-03-05"},
        "Harbour Lane School, an online tutoring startup, has raised $5 million in a seed round led by Orvin "
        "Capital. "
        "The startup teaches maths and reading to children in rural towns. "
        "It plans to hire twenty tutors this year.",
    ),
    "kessel_robotics.txt": (
        {"title": "Kessel Robotics raises again", "source": "Valley Herald", "published": "2024-03-06"},
        "Kessel Robotics has raised $80 million in its latest funding round. "
        "Contrary to the slowdown, this round comes at a flat valuation of $1.2 billion. "
        "The firm builds robots for warehouses.",
    ),
    "rovers_coach.txt": (
        {"title": "Rovers sign a new coach", "source": "Valley Herald", "published": "2024-03-07"},
        "Orvin Rovers have signed Tomas Reyes as head coach for the 2024 season. "
        "The club has little room under the league's salary cap after signing two forwards. "
        "Reyes led Port Alder to the title last year.",
    ),
}


# A question asked at a hearing, and the reply.
HEARING = {
    "hearing.txt": (
        {"title": "Depot hearing", "source": "Northern Post", "published": "2024-04-09"},
        "The council heard residents on the new tram depot on Monday evening. "
        "Near the end of the hearing, a resident asked which company would run the depot's repair workshop. "
        "“Orvin Rail Services will run it for ten years,” the transport councillor replied. "
        "Residents also raised the noise of night shifts. "
        "The depot opens a year late, and councillor Ida Berg has her own theory as to why the tram depot is late. "
        "“The steel came from abroad,” she said.",
    ),
    "bridge.txt": (
        {"title": "Bridge repairs", "source": "Northern Post", "published": "2024-03-20"},
        "Repairs to the old river bridge will close it for a month. "
        "Cyclists will be sent over the rail bridge instead.",
    ),
}


# A prize not yet awarded, a critic writing of a past winner; a cup final, its scorer, what the coaches said.
DEEDS = {
    "prize_preview.txt": (
        {"title": "Harbour Prize shortlist named", "source": "Bay Observer", "published": "2024-10-01"},
        "The Harbour Prize for investigative reporting will be awarded in Bergen on 14 November. "
        "Critic Maren Solberg described the three-time Harbour Prize winner's new book as a triumph. "
        "The jury has shortlisted four reporters for this year's prize.",
    ),
    "cup_final.txt": (
        {"title": "Rovers take the Fjord Cup", "source": "Coast Courier", "published": "2024-05-12"},
        "Fjord Rovers won the Fjord Cup final on Sunday, beating Lakeside 2-1 in Tromsø. "
        "A late goal by Ingrid Vatne sealed the victory after Lakeside had equalised. "
        "Halvard Moe, the Rovers coach since 2019, praised his side's patience. "
        "Lakeside captain Oda Lunde said her team had tired late.",
    ),
}


# A ferry operator in two reports of one outlet, each with its own refund, and in another outlet's report on a route
REFUNDS = {
    "post_refund_cap.txt": (
        {"title": "Solvik raises its refund cap", "source": "Tidewater Post", "published": "2024-06-03"},
        "Solvik Ferries will refund customers up to $1,000 when a sailing is cancelled. "
        "The operator said the higher cap answers complaints from families who lost holiday bookings.",
    ),
    "post_delay_refunds.txt": (
        {"title": "Solvik sets delay refunds", "source": "Tidewater Post", "published": "2024-04-15"},
        "Solvik Ferries refunds new customers up to $250 for cancelled or delayed sailings. "
        "Regular passengers get a voucher instead.",
    ),
    "courier_route.txt": (
        {"title": "New route to Hallvik", "source": "Coast Courier", "published": "2024-05-20"},
        "Solvik Ferries opened a daily route to Hallvik island on Monday, with two sailings each morning. "
        "Islanders had asked for a crossing for a decade.",
    ),
}


# A maps company in three reports of one outlet: a clause is told by the report that writes its phrase
PHRASES = {
    "ledger_nordic_plan.txt": (
        {"title": "Kestrel's Nordic plan", "source": "Fjord Ledger", "published": "2024-02-06"},
        "Regulators in Sweden questioned how Kestrel Maps treats rival apps. "
        "In response, Kestrel Maps enacted a plan to enhance the results of its search in Sweden and Denmark. "
        "Rival apps said the plan came too late.",
    ),
    "ledger_cafes.txt": (
        {"title": "Bergen's cafés and the map", "source": "Fjord Ledger", "published": "2024-03-11"},
        "For the cafés of Bergen, how a business appears in local search results on Kestrel Maps decides the "
        "lunch trade. Owners post photos and answer reviews to climb the list. "
        "A baker said a good review is worth more than an advert.",
    ),
    "ledger_event.txt": (
        {"title": "Kestrel shows new hardware", "source": "Fjord Ledger", "published": "2024-04-18"},
        "Kestrel Maps showed new hardware at its annual event in Oslo, including a dashboard display for taxis. "
        "The local launch drew a large crowd.",
    ),
}


# A housing startup's funding round, told in one report: who led it is in another sentence than the sum
ROUND = {
    "wire_brightwater.txt": (
        {"title": "Brightwater Homes raises $18M", "source": "Harbour Wire", "published": "2024-05-02"},
        "Renters in Tromsø face a shortage of affordable homes. "
        "One Tromsø startup is out to help by renovating empty flats and renting them to renters on low incomes. "
        "That startup, Brightwater Homes, has recently secured $18 million in funding. "
        "Fjell Capital and Nordkapp Partners co-led the company's recent $18 million funding round. "
        "Brightwater Homes now rents 400 flats in three towns.",
    ),
}


# A founder's trial in two reports of one outlet: the one naming him writes of customer funds in passing; the
# other, which calls him "the founder", tells what the description's clause says
EXCHANGE_TRIAL = {
    "post_founder.txt": (
        {"title": "Lindqvist goes on trial", "source": "Harbour Post", "published": "2024-03-04"},
        "Tor Lindqvist founded the Nordkapp crypto exchange in 2019. "
        "Before its collapse, Lindqvist was praised as the trustworthy face of the crypto industry. "
        "Lindqvist's trial has raised questions about what happened to customer funds. "
        "He has pleaded not guilty to all seven charges.",
    ),
    "post_testimony.txt": (
        {"title": "The trial's second week", "source": "Harbour Post", "published": "2024-03-11"},
        "The second week of the trial brought testimony from the exchange's former finance chief. "
        "She said she moved $14 billion of customer funds to cover the trading arm's debts at the founder's "
        "direction. "
        "The defence will call its first witness on Monday.",
    ),
    "ledger_ferries.txt": (
        {"title": "Ferry fares rise", "source": "Fjord Ledger", "published": "2024-03-06"},
        "Ferry fares across the fjord will rise by six percent in April. "
        "The operator said fuel costs had doubled since last year.",
    ),
}


# A council's vote still to come (a preview) and one already held (a result)
COUNCIL_VOTES = {
    "post_preview.txt": (
        {"title": "Tram line goes to a vote", "source": "Harbour Post", "published": "2024-09-02"},
        "The city council will vote on the new tram line on September 14. "
        "Ahead of the September 14 vote, shopkeepers on Quay Street asked for a longer consultation. "
        "Supporters say the line would halve journey times to the hospital.",
    ),
    "post_levy.txt": (
        {"title": "Council approves the tourist levy", "source": "Harbour Post", "published": "2024-05-04"},
        "At the May 3 vote, the city council approved the tourist levy by seven votes to four. "
        "Hotels will collect two euros a night from June.",
    ),
    # another story's September 14, told as past: it says nothing of the vote
    "herald_jobs.txt": (
        {"title": "Nordlys cuts jobs", "source": "Coast Herald", "published": "2024-09-20"},
        "Ferry operator Nordlys announced September 14 that it had cut twelve jobs at its Orvin yard.",
    ),
}

# A body written out in full, never by its initials
AUTHORITY = {
    "authority.txt": (
        {"title": "Ferry fees approved", "source": "Coast Courier", "published": "2024-05-02"},
        "The Orvin Harbour Authority approved new ferry fees on Monday. "
        "Islanders will pay four percent more from June, the board said.",
    ),
}

# A deal: the product named in full, its sale price told of "the headphones"
DEALS = {
    "deals.txt": (
        {"title": "The best headphone deals", "source": "Gadget Post", "published": "2024-11-29"},
        "We recommend the Kelby Aura headphones for long flights. "
        "With a list price of $300, the Kelby Aura are rarely discounted. "
        "Right now, the headphones are down to $249 at Orvin Electric.",
    ),
}

# A new e-reader, its price given once, after two sentences on the model that name no figure; a review of another
# model of the same line; new entry-level tablets and their prices
E_READERS = {
    "post_quillo.txt": (
        {"title": "Kelby launches a new Quillo", "source": "Gadget Post", "published": "2024-05-02"},
        "In case you missed it, Kelby announced a new entry-level Quillo e-reader this spring, one designed to "
        "replace the 2019 model. The new entry-level model arrived alongside a Quillo Kids edition, which is "
        "identical to the standard model but comes with a cover and a two-year warranty. "
        "This Quillo — which starts at $89.99 — puts the new e-reader in line with the Quillo Glow.",
    ),
    "post_glow.txt": (
        {"title": "Quillo Glow review", "source": "Gadget Post", "published": "2024-03-11"},
        "The Quillo Glow has a warm front light and lasts six weeks on a charge. "
        "Its screen is sharper than any earlier Quillo, and page turns are quick.",
    ),
    "post_tablets.txt": (
        {"title": "Cheap tablets for the new year", "source": "Gadget Post", "published": "2024-01-08"},
        "The new entry-level Orvin tablet starts at $149.99, and the entry-level Orvin Mini starts at $119.99.",
    ),
}

# A deals roundup whose title alone names the sale its prices are of
SALE_DEALS = {
    "post_sale.txt": (
        {"title": "The best October Prime Day gaming deals", "source": "Gadget Post", "published": "2024-10-10"},
        "Kelby's wired Pad Pro controller has fallen to a new low at Orvin Market, where you can grab it for just "
        "$87.99 ($62 off). The cheaper Pad Lite, with a built-in cable and no lighting, is also on sale.",
    ),
}

# A column weighing two plans, its reasons enumerated in the sentences after the one announcing them, which share
# no word with a question asking why
COLUMN = {
    "post_column.txt": (
        {"title": "Two plans for the old quay", "source": "Harbour Post", "published": "2024-04-12"},
        "Last month we looked at the harbour board's plan and the council's plan for the old quay. "
        "We concluded that the harbour board's plan is far better than the council's for two main reasons. "
        "The first is that it keeps the fish market where traders already sell. "
        "Secondly, it pays for the new sea wall from mooring fees rather than from rates. "
        "The board meets again in May, when the public may speak.",
    ),
}

# A live blog, its latest entry first: the entry telling why the fans sat silent follows the one telling that they did,
# and the entry matching the question best (a photo's caption) is followed by nothing
FANS_BLOG = {
    "courier_blog.txt": (
        {"title": "Rovers vs Town: live updates", "source": "Harlow Courier", "published": "2024-10-05"},
        "Full time: Rovers lose 1-0 to Town and drop to ninth in the table.\n\n"
        "5 mins to kickoff: There is no open protest from the Rovers supporters' section, but they are making "
        "their feelings known. The supporters have agreed to sit silently before kickoff instead of singing and "
        "waving flags.\n\n"
        "This is a clear sign of anger at next season's huge rise in the price of a season ticket.\n\n"
        "In the photo from the stand, the Rovers supporters' groups are sitting silently before kickoff.",
    ),
}

# A game report naming its scorer and a coach who won something else, and a fight's preview naming a champion who
# won the belt before: who won each contest is one of its two sides, as a sentence telling one beating the other says
CONTESTS = {
    "courier_game.txt": (
        {"title": "Late winner settles the derby", "source": "Harlow Courier", "published": "2024-09-15"},
        "Town edged past Rovers 2-1 on Saturday, with Ada Lin scoring the winner in the last minute. "
        "Rovers coach Per Lund, who won the cup with Kelby last year, said his side had been unlucky.",
    ),
    "courier_preview.txt": (
        {"title": "Moe and Vik meet at last", "source": "Harlow Courier", "published": "2024-09-13"},
        "Ida Moe faces Lena Vik in Orvin on Saturday night for the vacant title. "
        "Jamie Hale, who won the belt after Moe gave it up, will be ringside. Vik is a slight favourite.",
    ),
}

# A goalkeeper's move: the club she leaves is named more often than the one she joins
TRANSFER = {
    "post_move.txt": (
        {"title": "Vik leaves Kelby", "source": "Harbour Post", "published": "2024-01-12"},
        "Lena Vik, who kept goal for Kelby Athletic for six seasons, announced on Friday that she is signing with "
        "Northpoint Rovers. Kelby Athletic thanked Vik for six seasons in goal. "
        "Kelby Athletic fans had hoped the goalkeeper would stay.",
    ),
    "herald_market.txt": (
        {"title": "The winter market", "source": "Coast Herald", "published": "2024-01-05"},
        "Kelby Athletic goalkeeper Lena Vik is the most sought-after free agent this winter. "
        "Vik met three clubs, Kelby Athletic among them, before making up her mind.",
    ),
}


def assistant_over(
    folder: Path, articles: dict[str, tuple[dict[str, str], str]], embedder: BaseEmbedding, **settings_overrides: Any
) -> Assistant:
    """An offline assistant over `articles` (file name -> metadata, text), written to `folder`; its store beside it."""
    folder.mkdir(parents=True)
    for name, (_, text) in articles.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps({n: meta for n, (meta, _) in articles.items()}), encoding="utf-8")
    settings = make_settings(storage_dir=folder.parent / "storage", **settings_overrides)
    ingest_paths(settings, [folder], load_embedder=lambda: embedder)
    return Assistant.open(settings, embedder=embedder)


# How a study was run, at the length of a passage: what stands between its lead author and its figures
SLEEP_METHODS = (
    "The researchers asked each volunteer to wear a wrist tracker for a week and to fill in a diary of naps, "
    "meals and evening screen time. They then followed the volunteers' health records for a decade. "
    "Volunteers who went to bed at irregular hours were more often smokers, slept less at weekends and "
    "drank more coffee, and the team adjusted for all of these habits. Sleep researchers not involved in "
    "the work said the tracker data made the study unusually careful, because most earlier studies relied "
    "on what people remembered of their own nights. Some cautioned that a single week of tracking may not "
    "reflect a whole decade of sleep, and that shift workers were few among the volunteers. "
)
# A weekend paper: a football derby and a stadium's new stand (measures asked for: a crowd, a score, a price;
# what a manager said of the game without its words; compound questions), a sleep study whose lead author is
# named paragraphs before its figures, a lamp on sale.
WEEKEND = {
    "courier_derby.txt": (
        {"title": "Rovers and Town share the points", "source": "Harlow Courier", "published": "2024-09-15"},
        "Harlow Rovers drew 2-2 with Kessel Town at Bramley Park on Saturday. "
        "A crowd of 18,400 watched the derby under the new roof. "
        "Several former players were in attendance at the final home game of the summer. "
        "Rovers manager Ida Holm said the result was a fair reflection of the afternoon. "
        "\u201cWe gave away two soft goals and still came back,\u201d Holm said. "
        "\u201cI am proud of how the young players kept their heads.\u201d "
        "Kessel striker Anna Berg scored both of the visitors' goals. "
        "Berg joined Kessel from Norfield last winter.",
    ),
    "courier_stand.txt": (
        {"title": "Bramley Park opens its north stand", "source": "Harlow Courier", "published": "2024-08-30"},
        "Bramley Park opened its rebuilt north stand on Friday. "
        "A season ticket in the new stand costs 340 euros. "
        "Ticket sales for the stand rose by a third in August. "
        "The architect Lena Voss designed the curved roof. "
        "The stand also has a family section beside the away end. "
        "The roof keeps the rain off all 6,000 seats.",
    ),
    "post_sleep.txt": (
        {"title": "Regular bedtimes and a longer life", "source": "Harlow Post", "published": "2024-09-14"},
        "A study led by Maja Ekholm at Lund University links regular bedtimes to a longer life. "
        "Ekholm said the finding surprised her team, who had expected the length of sleep to matter most.\n\n"
        + SLEEP_METHODS
        + SLEEP_METHODS.replace("The researchers", "The scientists").replace("Some cautioned", "Others cautioned")
        + "\n\n"
        "In their study, the team followed more than 61,000 volunteers across Sweden. "
        "Those with the most regular bedtimes had a 23 percent lower risk of dying during the study. "
        "The oldest volunteer, Karin Lund, 97, still goes to bed at nine.",
    ),
    "post_lamp.txt": (
        {"title": "Weekend deals", "source": "Harlow Post", "published": "2024-09-14"},
        "Lumo's Matter-ready desk lamp is on sale for $39.99 at Harlow Stores this weekend. "
        "The lamp dims on a schedule and pairs with most smart speakers.",
    ),
    "tribune_coach.txt": (
        {"title": "Kessel coach looks for a striker", "source": "Kessel Tribune", "published": "2024-09-21"},
        "Kessel coach Piet Maas told the Harlow Courier that the club would sign a striker before Christmas. "
        "Maas said the cup defeat had shown how thin the squad was.",
    ),
    "tribune_cup.txt": (
        {"title": "Kessel Town out of the cup", "source": "Kessel Tribune", "published": "2024-09-20"},
        "Kessel Town lost to Norfield in the regional cup on Wednesday night. "
        "The club has not said which players will join in the January window. "
        "The club said a new signing would be announced next week.",
    ),
}


# A game report and a product review, each several passages long: the detail asked for ("sacked five times",
# "lasted three hours and 40 minutes") sits passages away from the sentences that match the question's names;
# a pundit quoted with straight quotes, over several paragraphs.
GAME_PLAYS = (
    "Early in the second quarter the Bears drove 80 yards in nine plays, and running back Leo Falk finished the "
    "drive from two yards out. The Hawks answered with a long field goal before the break. After half-time the "
    "Bears' defence pinned the Hawks deep in their own half, and a punt into the wind gave Orvin the ball near "
    "midfield. Falk carried the ball six more times on the next drive. The Hawks' kicker missed a second attempt "
    "from distance late in the third quarter, and the crowd at Riverside Field grew quiet. "
)
GAMEDAY = {
    "courier_game.txt": (
        {"title": "Bears beat Hawks", "source": "Harlow Courier", "published": "2024-10-07"},
        "The Orvin Bears beat the Harlow Hawks 24-10 at Riverside Field on Sunday. "
        "Hawks quarterback Tomas Reyes threw for 212 yards and a touchdown in the loss.\n\n"
        + GAME_PLAYS
        + GAME_PLAYS.replace("Early in", "Midway through").replace("nine plays", "eleven plays")
        + "\n\nThe Hawks' line struggled against the Orvin rush all afternoon. "
        "He was sacked five times, a season high for the Bears' defence. "
        "The Hawks host Norfield next Sunday.",
    ),
    "courier_keeper.txt": (
        {"title": "Kessel's defence is not good enough", "source": "Harlow Courier", "published": "2024-10-03"},
        "It is all going wrong for Kessel City in the cup.\n\n"
        "Kessel came from behind to lead 3-1 against Norfield, and the game still ended 3-3. "
        "Keeper Ivo Stam let in two free-kicks in the last ten minutes.\n\n"
        "Kessel legend Ivan Petrov insists Stam needs to take a big share of the blame for the Kessel collapse on "
        "Wednesday night.\n\n"
        '"I feel sorry for Stam," Petrov told Radio Harlow. "He was angry with himself after the game.\n\n'
        '"But those two free-kicks were easy saves.\n\n'
        '"Without those two mistakes, I think Kessel go on to win 4-1."\n\n'
        "Kessel play Orvin next.",
    ),
    "post_vets.txt": (
        {"title": "A cough among Harlow's dogs", "source": "Harlow Post", "published": "2024-10-04"},
        "Vets in Harlow have seen more dogs with a cough this autumn. "
        "Some dogs have died from the illness, and 40 clinics across the county have reported cases.",
    ),
    "post_headlamp.txt": (
        {"title": "Lumo Trail headlamp review", "source": "Harlow Post", "published": "2024-10-05"},
        "The Lumo Trail is a headlamp for runners who train before dawn.\n\n"
        + (
            "Its strap is soft and wide, and it stays in place on rough ground. The lamp tilts in five steps, "
            "and a red light saves your night vision on the way home. The buttons are large enough to press "
            "in winter gloves, and the case is sealed against rain. "
        )
        * 3
        + "\n\nWe ran the lamp on its brightest setting until the battery went dark. "
        "It lasted three hours and 40 minutes before dying. "
        "A full charge over USB-C takes two hours.",
    ),
}


@pytest.fixture(scope="module")
def oped(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """One outlet's report on an op-ed another outlet published."""
    return assistant_over(tmp_path_factory.mktemp("oped") / "articles", OPED, local_embedder)


@pytest.fixture(scope="module")
def weekend(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A derby report, a stadium's new stand, a club's cup exit, a sleep study, a lamp on sale."""
    return assistant_over(tmp_path_factory.mktemp("weekend") / "articles", WEEKEND, local_embedder)


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A doctor quoted over two sentences; a mayor over three."""
    return assistant_over(tmp_path_factory.mktemp("clinic") / "articles", CLINIC, local_embedder)


@pytest.fixture(scope="module")
def election(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """Two reports on local elections."""
    return assistant_over(tmp_path_factory.mktemp("election") / "articles", ELECTION, local_embedder)


@pytest.fixture(scope="module")
def games(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A game review."""
    return assistant_over(tmp_path_factory.mktemp("games") / "articles", GAMES, local_embedder)


@pytest.fixture(scope="module")
def docks(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A port board's plans and purchases, and ferry fares."""
    return assistant_over(tmp_path_factory.mktemp("docks") / "articles", DOCKS, local_embedder)


@pytest.fixture(scope="module")
def robotics(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """Three short articles: a company's robot, its plant's layoffs, and another firm's layoffs."""
    return assistant_over(tmp_path_factory.mktemp("robotics") / "articles", ROBOTICS, local_embedder)


@pytest.fixture(scope="module")
def fines(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A robot maker's robot and its fine, and eleven other firms' fines."""
    return assistant_over(tmp_path_factory.mktemp("fines") / "articles", FINES, local_embedder)


@pytest.fixture(scope="module")
def port(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """Two reports of one outlet on a fee rise, and another outlet's on dredging costs."""
    return assistant_over(tmp_path_factory.mktemp("port") / "articles", PORT, local_embedder)


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """One outlet's three reports, two weeks apart."""
    return assistant_over(tmp_path_factory.mktemp("ledger") / "articles", LEDGER, local_embedder)


@pytest.fixture(scope="module")
def pilot(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A harbour pilot in two outlets' reports, and a report on her appointment that never names her."""
    return assistant_over(tmp_path_factory.mktemp("pilot") / "articles", PILOT, local_embedder)


@pytest.fixture(scope="module")
def depot(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A mayor's depot opening in two outlets' reports, her fare pledge in a third."""
    return assistant_over(tmp_path_factory.mktemp("depot") / "articles", DEPOT, local_embedder)


@pytest.fixture(scope="module")
def dock_strike(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A dock strike in two reports of one outlet on one day, its report of the next day and another outlet's."""
    return assistant_over(tmp_path_factory.mktemp("dock_strike") / "articles", DOCK_STRIKE, local_embedder)


@pytest.fixture(scope="module")
def fares(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """Two reports of one outlet on one day, and another outlet's on the same bus fare rise."""
    return assistant_over(tmp_path_factory.mktemp("fares") / "articles", FARES, local_embedder)


@pytest.fixture(scope="module")
def standing_copy(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """One outlet's two trial reports opening with one same sentence, and a wire story two outlets print."""
    return assistant_over(tmp_path_factory.mktemp("standing_copy") / "articles", STANDING_COPY, local_embedder)


@pytest.fixture(scope="module")
def ferry_voices(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A ferry's owners and its pilot, quoted as reporters name them."""
    return assistant_over(tmp_path_factory.mktemp("ferry_voices") / "articles", FERRY_VOICES, local_embedder)


@pytest.fixture(scope="module")
def other_story(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A vote whose winner no report gives yet, and another campaign's report naming its winner."""
    return assistant_over(tmp_path_factory.mktemp("other_story") / "articles", OTHER_STORY, local_embedder)


@pytest.fixture(scope="module")
def two_rounds(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """Two startups' funding rounds, their names sharing a common word."""
    return assistant_over(tmp_path_factory.mktemp("two_rounds") / "articles", TWO_ROUNDS, local_embedder)


@pytest.fixture(scope="module")
def refunds(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A ferry operator's two refund reports in one outlet and its new route in another."""
    return assistant_over(tmp_path_factory.mktemp("refunds") / "articles", REFUNDS, local_embedder)


@pytest.fixture(scope="module")
def phrases(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A maps company in three reports of one outlet."""
    return assistant_over(tmp_path_factory.mktemp("phrases") / "articles", PHRASES, local_embedder)


@pytest.fixture(scope="module")
def housing_round(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A housing startup's funding round."""
    return assistant_over(tmp_path_factory.mktemp("housing_round") / "articles", ROUND, local_embedder)


@pytest.fixture(scope="module")
def e_readers(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("e_readers") / "articles", E_READERS, local_embedder)


@pytest.fixture(scope="module")
def sale_deals(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("sale_deals") / "articles", SALE_DEALS, local_embedder)


@pytest.fixture(scope="module")
def column(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("column") / "articles", COLUMN, local_embedder)


@pytest.fixture(scope="module")
def fans_blog(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("fans_blog") / "articles", FANS_BLOG, local_embedder)


@pytest.fixture(scope="module")
def contests(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("contests") / "articles", CONTESTS, local_embedder)


@pytest.fixture(scope="module")
def deals(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("deals") / "articles", DEALS, local_embedder)


@pytest.fixture(scope="module")
def authority(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("authority") / "articles", AUTHORITY, local_embedder)


@pytest.fixture(scope="module")
def council_votes(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("council_votes") / "articles", COUNCIL_VOTES, local_embedder)


@pytest.fixture(scope="module")
def transfer(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("transfer") / "articles", TRANSFER, local_embedder)


@pytest.fixture(scope="module")
def exchange_trial(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A founder's trial in two reports of one outlet."""
    return assistant_over(tmp_path_factory.mktemp("exchange_trial") / "articles", EXCHANGE_TRIAL, local_embedder)


@pytest.fixture(scope="module")
def deeds(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A prize preview and a cup final."""
    return assistant_over(tmp_path_factory.mktemp("deeds") / "articles", DEEDS, local_embedder)


@pytest.fixture(scope="module")
def two_contracts(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A coach's hiring and a namesake pitcher's contract."""
    return assistant_over(tmp_path_factory.mktemp("two_contracts") / "articles", TWO_CONTRACTS, local_embedder)


@pytest.fixture(scope="module")
def standings(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """Two reports on a league's standings."""
    return assistant_over(tmp_path_factory.mktemp("standings") / "articles", STANDINGS, local_embedder)


@pytest.fixture(scope="module")
def trams(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A long report on a tram line, and another outlet's on its depot and a bridge."""
    return assistant_over(tmp_path_factory.mktemp("trams") / "articles", TRAMS, local_embedder)


@pytest.fixture(scope="module")
def match_report(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A derby report giving its final score in figures alone."""
    return assistant_over(tmp_path_factory.mktemp("match_report") / "articles", MATCH_REPORT, local_embedder)


@pytest.fixture(scope="module")
def materials(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A profile telling a deed of "She", named the sentence before."""
    return assistant_over(tmp_path_factory.mktemp("materials") / "articles", MATERIALS, local_embedder)


@pytest.fixture(scope="module")
def quota_talks(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """Quota talks with two experts and a minister quoted."""
    return assistant_over(tmp_path_factory.mktemp("quota_talks") / "articles", QUOTA_TALKS, local_embedder)


@pytest.fixture(scope="module")
def aid(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """An aid programme and a levy story sharing words with a question about the programme."""
    return assistant_over(tmp_path_factory.mktemp("aid") / "articles", AID, local_embedder)


# A port's year in review, long enough for several passages: the director's example of what the terminal
# proved stands in the sentence right after her words, at the head of the next passage
HARBOUR_YEAR = {
    "gazette_port_year.txt": (
        {"title": "Kelby port looks back on its first year", "source": "Kelby Gazette", "published": "2024-12-20"},
        "Kelby's deep-water terminal ended its first year with more ships than the harbour board had planned for. "
        "The board met on Thursday to approve next year's budget, which keeps mooring fees where they are and "
        "adds two pilots to the roster. Members also agreed to repaint the old customs shed before the summer "
        "and to move the ticket office for the island ferry closer to the car park. The harbour master told "
        "the meeting that dredging of the inner basin had finished a month early and under its budget. "
        "The lifeboat crew thanked the board for the new slipway, which let them launch at any tide this winter, "
        "and the sailing club asked for more visitor moorings for the regatta in August. "
        "Port director Ada Lin spoke last. Assessing the year, Lin said the new terminal had already proven "
        "its worth to the town. "
        "As an example, she cited the January night when the terminal took in a storm-damaged trawler and "
        "its crew of nine after the old quay was closed by ice. "
        "Elsewhere in the port, the fish market will open an hour later on Sundays from March. "
        "The market's traders asked for the change after a survey of their customers, most of whom said "
        "they shop after church. The market also plans a small cafe on its upper floor, with a view of the "
        "fishing boats coming in, and hopes to open it by Easter if the council grants the licence. "
        "Parking at the market will be free for the first hour from April, the council said.",
    ),
    "herald_ferry.txt": (
        {"title": "Island ferry timetable", "source": "Kelby Herald", "published": "2024-12-18"},
        "The island ferry adds a late sailing on Fridays from February. "
        "The port director said the terminal's new berth made the extra sailing possible, and the harbour "
        "board said the fare stays at four pounds.",
    ),
    "herald_budget.txt": (
        {"title": "Harbour board budget", "source": "Kelby Herald", "published": "2024-12-19"},
        "The harbour board's budget for next year keeps mooring fees unchanged and hires two more pilots. "
        "Board members said the new terminal had brought more ships to the town than expected.",
    ),
}


# A guide to the year's ferries, an item's name heading the paragraphs about it, which do not write it again
FERRY_GUIDE = {
    "gazette_ferry_guide.txt": (
        {"title": "The best new ferries of the year", "source": "Kelby Gazette", "published": "2024-12-01"},
        "Our reporters rode every new boat on the coast this year, from the island hops to the long night "
        "crossings. Here are the ones worth a ticket.\n\n"
        "Nordlys Star\n\n"
        "The quietest boat we sailed has a glass lounge at the bow and seats for three hundred. Her hybrid engines "
        "run on batteries inside the harbour, so the only sound at the quay is the gulls. The crew told us the "
        "galley serves fresh fish soup on every crossing, and it is the best soup on the water. The full "
        "timetable starts in early March, but charter trips already run on weekends.\n\n"
        "Kelby Queen\n\n"
        "The old workhorse of the island route was refitted with new cabins and a bigger car deck. Her winter "
        "timetable begins on November 3, when she sails twice a day to the outer islands. The refit cost the "
        "operator four million pounds, and the cabins are worth every penny.\n\n"
        "Tern Runner\n\n"
        "The smallest of the new boats carries forty walkers and their bikes across the sound in ten minutes. "
        "It is cheap, cheerful and always on time.",
    ),
}


@pytest.fixture(scope="module")
def ferry_guide(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A guide whose sections are headed by the boats' names."""
    return assistant_over(tmp_path_factory.mktemp("ferry_guide") / "articles", FERRY_GUIDE, local_embedder)


# Two banks' results: one gives its profit, the other only how its results moved its shares; two vacuums, one's
# battery life given
BANK_RESULTS = {
    "wire_kelby_bank.txt": (
        {"title": "Kelby Bank lifts bank shares", "source": "Kelby Wire", "published": "2024-11-04"},
        "Kelby Bank's full-year results lifted bank shares on Monday. Analysts said the results were better "
        "than expected after a weak year for lenders. The bank's shares rose 3 per cent, and it kept its "
        "dividend of 72 cents a share.",
    ),
    "review_x2.txt": (
        {"title": "The Kelby X2 robot vacuum", "source": "Kelby Wire", "published": "2024-11-06"},
        "The Kelby X2 robot vacuum runs for up to 180 minutes on a single charge.",
    ),
    "review_z1.txt": (
        {"title": "The Norvik Z1 robot vacuum", "source": "Kelby Wire", "published": "2024-11-07"},
        "The Norvik Z1 robot vacuum went on sale on Monday at $999, and its new dock empties the bin by itself.",
    ),
    "wire_norby_bank.txt": (
        {"title": "Norby Bank's year", "source": "Kelby Wire", "published": "2024-11-05"},
        "Norby Bank made a full-year cash profit of $2.1 billion, down from $2.4 billion a year earlier. "
        "The bank blamed higher funding costs.",
    ),
}


@pytest.fixture(scope="module")
def bank_results(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """Two banks' results, one without its profit; two vacuums, one without its battery life."""
    return assistant_over(tmp_path_factory.mktemp("bank_results") / "articles", BANK_RESULTS, local_embedder)


@pytest.fixture(scope="module")
def harbour_year(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A port's year in review, over several passages, and two shorter reports on the same board."""
    return assistant_over(tmp_path_factory.mktemp("harbour_year") / "articles", HARBOUR_YEAR, local_embedder)


@pytest.fixture(scope="module")
def terminal(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A terminal's opening and, further on, its cost."""
    return assistant_over(tmp_path_factory.mktemp("terminal") / "articles", TERMINAL, local_embedder)


@pytest.fixture(scope="module")
def festival(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A festival report giving no figure and no date."""
    return assistant_over(tmp_path_factory.mktemp("festival") / "articles", FESTIVAL, local_embedder)


@pytest.fixture(scope="module")
def routes(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A guide counting the routes it recommends and all the routes there are."""
    return assistant_over(tmp_path_factory.mktemp("routes") / "articles", ROUTES, local_embedder)


@pytest.fixture(scope="module")
def stake(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A family's stake in a shipping group, worth a sum in kronor."""
    return assistant_over(tmp_path_factory.mktemp("stake") / "articles", STAKE, local_embedder)


@pytest.fixture(scope="module")
def ferry_strike(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """Two outlets' reports of a ferry strike, and one outlet's budget story mentioning it."""
    return assistant_over(tmp_path_factory.mktemp("ferry_strike") / "articles", FERRY_STRIKE, local_embedder)


@pytest.fixture(scope="module")
def funding(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """Two startups' funding rounds, one valued, and a coach's signing under a salary cap."""
    return assistant_over(tmp_path_factory.mktemp("funding") / "articles", FUNDING, local_embedder)


@pytest.fixture(scope="module")
def scorers(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A league's top scorers, listed one a line."""
    return assistant_over(tmp_path_factory.mktemp("scorers") / "articles", SCORERS, local_embedder)


@pytest.fixture(scope="module")
def gameday(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A game report and a headlamp review, each several passages long."""
    return assistant_over(tmp_path_factory.mktemp("gameday") / "articles", GAMEDAY, local_embedder)


@pytest.fixture(scope="module")
def hearing(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A council hearing where a resident's question is answered."""
    return assistant_over(tmp_path_factory.mktemp("hearing") / "articles", HEARING, local_embedder)


def assert_verbatim(assistant: Assistant, answer: Answer) -> None:
    for citation in answer.citations:
        assert assistant.article_text(citation.doc_id)[citation.start_char : citation.end_char] == citation.quote


def test_a_question_about_an_outlet_the_corpus_lacks_is_declined_naming_it(newsroom: Assistant) -> None:
    answer = newsroom.ask("According to a Bloomberg report, what did the terminal cost?")
    assert answer.abstained and not answer.citations
    assert "Bloomberg" in answer.text


def test_an_unknown_person_is_declined_naming_them_but_an_ordinary_word_never_is(newsroom: Assistant) -> None:
    answer = newsroom.ask("What did Oskar Lindqvist say about the ferry terminal?")
    assert answer.abstained and "Lindqvist" in answer.text
    answer = newsroom.ask("Give me the gist: what did the harbour master say about the terminal's cost?")
    assert not answer.abstained
    assert "does not mention" not in answer.text


TIMETABLE = {
    "timetable.txt": (
        {"title": "New ferry timetable", "source": "Valley Courier", "published": "2024-04-11"},
        "The harbour board published a new ferry timetable on Monday. Harbour master Ines Calder oversees the port. "
        '"The timetable is fine, but what matters most is that the boats leave on time," Calder said. '
        "Commuter Tom Reyes said what matters most on the new ferry timetable is an earlier first sailing. "
        "Fares stay the same until June.",
    ),
}


def test_a_person_named_before_a_dash_is_the_one_a_pronoun_asks_about(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    assistant = assistant_over(tmp_path / "articles", TIMETABLE, local_embedder)
    answer = assistant.ask("Harbour master Ines Calder on the new ferry timetable - what does she say matters most?")
    assert not answer.abstained, answer.text
    assert "boats leave on time" in answer.text
    assert "Reyes" not in answer.text  # another's words are no answer


COURT_AND_TRANSFER = {
    "plea.txt": (
        {"title": "Ferry firm's finance chief pleads guilty", "source": "Valley Courier", "published": "2024-03-12"},
        "Rowan Pike, the ferry firm's former finance chief, pleaded guilty to fraud on Tuesday. A hearing on his case "
        "is set for the autumn.",
    ),
    "founder.txt": (
        {"title": "Founder jailed", "source": "Valley Courier", "published": "2024-01-20"},
        "The ferry firm's founder was sentenced to six years in prison for fraud.",
    ),
    "chair.txt": (
        {"title": "Former chair jailed", "source": "Valley Courier", "published": "2024-02-09"},
        "Olav Brenn, the harbour board's former chair, was sentenced to life in prison on Friday for the arson.",
    ),
    "transfer.txt": (
        {"title": "Whitlock signs for Harbour United", "source": "Valley Courier", "published": "2024-07-02"},
        "Harbour United signed the striker Dana Whitlock for a £40 million fee on Monday. Whitlock scored twelve "
        "goals last season.",
    ),
}


def test_a_sentence_or_a_wage_asked_for_is_a_length_of_time_or_a_sum_of_what_is_asked(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    assistant = assistant_over(tmp_path / "articles", COURT_AND_TRANSFER, local_embedder)
    # his plea is no sentence, and the founder's six years are another man's
    answer = assistant.ask("What prison sentence did Rowan Pike get?")
    assert answer.abstained, answer.text
    assert answer.text == NO_FIGURE
    assert "six years" in assistant.ask("What prison sentence did the ferry firm's founder get?").text
    assert "life in prison" in assistant.ask("What prison sentence did Olav Brenn get?").text  # no length of time
    # a transfer fee is no wage: declined, saying what is not found
    answer = assistant.ask("What is Dana Whitlock's weekly wage at Harbour United?")
    assert answer.abstained and not answer.citations, answer.text
    assert "wage" in answer.text


DOTTED_INITIALS = {
    "levy.txt": (
        {"title": "Ferry levy agreed", "source": "Valley Courier", "published": "2024-03-02"},
        "The U.K. government agreed a levy of two pounds on every ferry crossing to the islands. The E.U. delegation "
        "said it would study the levy before the summer.",
    ),
}


def test_initials_typed_without_stops_are_mentioned_by_a_corpus_writing_them_with_stops(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    assistant = assistant_over(tmp_path / "articles", DOTTED_INITIALS, local_embedder)
    for question in ("What levy did the UK government agree on ferry crossings?", "What did the EU delegation say?"):
        answer = assistant.ask(question)
        assert not answer.abstained, answer.text
        assert "levy" in answer.text
    # initials the corpus writes in no form are still not mentioned
    answer = assistant.ask("What did the UN say about the ferry levy?")
    assert answer.abstained and "UN" in answer.text


def test_an_outlet_named_in_the_question_narrows_the_evidence_to_it(newsroom: Assistant) -> None:
    answer = newsroom.ask("What did Quayside Wire report about the new ferry terminal?")
    assert not answer.abstained
    assert sources_cited(newsroom, answer) == {"Quayside Wire | Coastal Business News"}
    assert_verbatim(newsroom, answer)


def test_a_question_naming_two_outlets_cites_each(newsroom: Assistant) -> None:
    answer = newsroom.ask(
        "Does the Harbour Gazette say the terminal will handle twelve sailings a day, "
        "while Quayside Wire reports that Quayside Ferries will add two boats?"
    )
    assert not answer.abstained
    assert sources_cited(newsroom, answer) >= {"The Harbour Gazette", "Quayside Wire | Coastal Business News"}
    assert_verbatim(newsroom, answer)


def test_the_part_that_matches_best_comes_first_and_every_part_keeps_its_passages(newsroom: Assistant) -> None:
    # The Ledger's part matches weakly, Quayside Wire's strongly: the best passage leads, whichever
    # outlet the question names first, and The Ledger still has its passage among the top ones.
    retrieval = newsroom.retrieve(
        "Does the Ledger say the weather was mild, while Quayside Wire reports that the port authority "
        "awarded the channel dredging contract to Brannock Marine?"
    )
    sources = {r.doc_id: r.source for r in newsroom.articles()}
    ranked = [sources[p.doc_id] for p in retrieval.passages]
    assert ranked[0] == "Quayside Wire | Coastal Business News"
    assert "The Ledger - Sports" in ranked[:2]
    assert retrieval.passages[0].score >= retrieval.passages[1].score


def test_an_entity_question_opens_with_the_name_the_evidence_holds(newsroom: Assistant) -> None:
    answer = newsroom.ask("Which company was awarded the contract to dredge the channel?")
    assert answer.text.startswith("Brannock Marine.")
    first = answer.sentences[0]
    quotes = {c.n: c.quote for c in answer.citations}
    assert first.citations and all("Brannock Marine" in quotes[n] for n in first.citations)
    answer = newsroom.ask("Who runs the port and said the terminal cost $48 million?")
    assert answer.text.startswith("Ingrid Halvorsen.")


def test_a_plain_yes_needs_the_same_figure_in_each_report(newsroom: Assistant) -> None:
    answer = newsroom.ask("Do both the Harbour Gazette and Quayside Wire put the terminal's cost at $48 million?")
    assert answer.verdict == "yes"
    assert sources_cited(newsroom, answer) >= {"The Harbour Gazette", "Quayside Wire | Coastal Business News"}
    assert newsroom.ask("Did the Harbour Gazette say fishing crews supported the fee rise?").verdict == "cannot tell"
    assert newsroom.ask("What did the Harbour Gazette say about fees?").verdict == ""


def test_a_yes_no_answer_opens_with_its_verdict_citing_what_makes_it_plain(newsroom: Assistant) -> None:
    answer = newsroom.ask("Do both the Harbour Gazette and Quayside Wire put the terminal's cost at $48 million?")
    verdict, *reports = answer.sentences
    assert verdict.text == "Yes." and answer.text.startswith("Yes. [")
    grounds = [c for c in answer.citations if c.n in verdict.citations]
    assert len(grounds) >= 2 and all("$48 million" in c.quote for c in grounds)
    sources = {r.doc_id: r.source for r in newsroom.articles()}
    assert {sources[c.doc_id] for c in grounds} == {"The Harbour Gazette", "Quayside Wire | Coastal Business News"}
    assert reports and all(s.citations for s in reports)
    assert "\nYes. [" in render_terminal(answer) and "Yes.[^" in render_markdown([answer])
    # no plain verdict: said so, citing nothing, before what the reports say
    answer = newsroom.ask("Did the Harbour Gazette say fishing crews supported the fee rise?")
    verdict, *reports = answer.sentences
    assert verdict.text == "The articles found do not settle this plainly; here is what they say."
    assert not verdict.citations and reports and all(s.citations for s in reports)
    # a question that is not yes/no opens with no verdict
    assert not newsroom.ask("What did the Harbour Gazette say about fees?").text.startswith(("Yes.", "The articles"))


def test_an_amount_asked_about_without_a_figure_is_plainly_the_same_when_each_report_states_one_figure(
    newsroom: Assistant, ledger: Assistant
) -> None:
    # the question names no figure; both reports state $48 million for the terminal: consistent, no discrepancy
    consistent = "Is the Harbour Gazette's figure for the terminal's cost consistent with Quayside Wire's?"
    assert newsroom.ask(consistent).verdict == "yes"
    discrepancy = "Was there a discrepancy in the cost of the terminal between the Harbour Gazette and Quayside Wire?"
    answer = newsroom.ask(discrepancy)
    assert answer.verdict == "no"
    assert sources_cited(newsroom, answer) >= {"The Harbour Gazette", "Quayside Wire | Coastal Business News"}
    # eight francs in one report, six in the other: no plain answer
    fares = (
        "Was there a discrepancy in the amount of the ferry fare between the Alpine Ledger's report on ferry fares "
        "and its report on the ferry subsidy?"
    )
    assert ledger.ask(fares).verdict == "cannot tell"


def test_one_outlets_standing_sentence_in_two_reports_is_no_plain_answer(standing_copy: Assistant) -> None:
    # both reports open with the same sentence on the trial: it says nothing of a change in what she knew
    change = (
        "Between the Tidewater Gazette report on September 5, 2024 concerning Mayor Ellen Voss's bribery trial and "
        "the Tidewater Gazette report on October 10, 2024 regarding the former port authority head's testimony, "
        "was there a change in the portrayal of Ellen Voss's knowledge of the bribery counts?"
    )
    answer = standing_copy.ask(change)
    assert answer.verdict == "cannot tell"
    assert not answer.abstained and len({c.doc_id for c in answer.citations}) == 2
    # two outlets printing one wire story word for word do report the same thing
    both = "Do both Coast Daily and the Bay Observer report that the Kestrel Point lighthouse was sold to hotels?"
    assert standing_copy.ask(both).verdict == "yes"


def test_a_figure_with_another_bound_or_a_question_of_order_gets_no_plain_yes(newsroom: Assistant) -> None:
    # both reports say $48 million: not "more than $48 million", and not which of them said it first
    bounded = "Do both the Harbour Gazette and Quayside Wire put the terminal's cost at more than $48 million?"
    assert newsroom.ask(bounded).verdict == "cannot tell"
    ordered = "Did the Harbour Gazette put the terminal's cost at $48 million before Quayside Wire did?"
    assert newsroom.ask(ordered).verdict == "cannot tell"
    choice = "Did the Harbour Gazette report a higher or lower cost for the terminal than Quayside Wire?"
    assert newsroom.ask(choice).verdict == ""


def test_two_reports_of_one_outlet_are_two_articles_not_one_sentence_agreeing_with_itself(ledger: Assistant) -> None:
    # each part of the question is its own article: one says eight francs, the other six
    answer = ledger.ask("Is the Alpine Ledger's report on ferry fares consistent with its report on the ferry subsidy?")
    assert answer.verdict == "cannot tell"
    answer = ledger.ask(
        "Is the Alpine Ledger's report on ferry fares consistent with the Alpine Ledger's report on the ferry subsidy?"
    )
    assert answer.verdict == "cannot tell"
    titles = {r.doc_id: r.title for r in ledger.articles()}
    assert {titles[c.doc_id] for c in answer.citations} >= {"Ferry fares rise", "Ferry subsidy approved"}


def test_the_same_figure_said_the_other_way_round_is_no_plain_yes(newsroom: Assistant) -> None:
    # Both reports give $48 million for the terminal, neither says it was built without a grant.
    negated = "Do both the Harbour Gazette and Quayside Wire say the terminal cost $48 million without any grant?"
    assert newsroom.ask(negated).verdict == "cannot tell"


def test_the_same_figure_of_another_thing_is_no_plain_yes(newsroom: Assistant) -> None:
    # both reports give $48 million as the terminal's cost, neither as a loss
    lost = "Do both the Harbour Gazette and Quayside Wire report a $48 million loss on the terminal?"
    assert newsroom.ask(lost).verdict == "cannot tell"
    cost = "Do both the Harbour Gazette and Quayside Wire say the terminal cost $48 million?"
    assert newsroom.ask(cost).verdict == "yes"


def test_an_articles_next_best_sentence_is_cited_only_when_it_answers_nearly_as_well(newsroom: Assistant) -> None:
    answer = newsroom.ask("What did Halvorsen say about sailings from the terminal?")
    quotes = [c.quote for c in answer.citations]
    assert any("twelve sailings a day" in q for q in quotes)
    assert any("night sailings would begin in June" in q for q in quotes)
    assert_verbatim(newsroom, answer)
    # The fees article's other sentences are about fees, not about why the crews objected.
    answer = newsroom.ask("Why did fishing crews object to the fee rise?")
    assert [c.quote for c in answer.citations] == [
        "Fishing crews called the rise unfair, since most of their boats never use the deep channel."
    ]


def test_a_clause_answered_by_few_of_its_words_counts_only_in_an_article_naming_the_answer(robotics: Assistant) -> None:
    # "a fortnight of notice": the layoffs sentence shares only some of the clause's words; its
    # article names Veltro Robotics, so it answers the clause
    answer = robotics.ask(
        "Which company unveiled a robot that lifts pallets of two tonnes for grocery chains, "
        "and gave its workers a fortnight of notice before layoffs?"
    )
    assert answer.text.startswith("Veltro Robotics.")
    assert any(c.quote.startswith("Union officials said the company gave workers two weeks") for c in answer.citations)
    assert_verbatim(robotics, answer)
    # the depot sentence matches "depot staff" as weakly, in an article about another firm: not cited
    answer = robotics.ask(
        "Which company unveiled a robot that lifts pallets of two tonnes for grocery chains, "
        "and gave its depot staff a fortnight of notice?"
    )
    assert answer.text.startswith("Veltro Robotics.")
    assert not any("shop steward" in c.quote for c in answer.citations)


def test_a_company_with_a_person_shaped_name_answers_which_company(robotics: Assistant) -> None:
    # "Veltro Robotics" looks like a person's name; "its Dunmore plant" says it is not one, and
    # Dunmore, a place, is not the company
    answer = robotics.ask(
        "Which company unveiled a robot that steers itself between racks using cameras, "
        "and will end the night shift at its plant?"
    )
    assert answer.text.startswith("Veltro Robotics.")


def test_an_entity_is_cited_only_from_articles_that_bear_on_the_question(robotics: Assistant) -> None:
    answer = robotics.ask("Which company will end the night shift at its Dunmore plant in July?")
    assert answer.text.startswith("Veltro Robotics.")
    # the robot article names Veltro Robotics too, in sentences about something else
    assert [c.quote for c in answer.citations] == [
        "Veltro Robotics will end the night shift at its Dunmore plant in July."
    ]


def test_an_entity_described_clause_by_clause_is_cited_from_the_articles_answering_the_clauses(
    robotics: Assistant,
) -> None:
    answer = robotics.ask(
        "Which firm gave workers two weeks of notice before the layoffs, and blamed slower orders from carmakers?"
    )
    assert answer.text.startswith("Veltro Robotics.")
    titles = {r.doc_id: r.title for r in robotics.articles()}
    # both clauses are answered by the night-shift article; its name is cited from there too, not
    # from the robot article, and the crane operator's "two weeks of notice" is another firm's
    assert {titles[c.doc_id] for c in answer.citations} == {"Dunmore plant to cut night shift"}


def test_a_clause_is_answered_from_another_report_when_one_answers_it_about_as_well(pilot: Assistant) -> None:
    answer = pilot.ask(
        "Which harbour pilot, named chief pilot of Port Alder in March, said the narrow channel needed deeper dredging?"
    )
    assert answer.text.startswith("Ilse Varga.")
    titles = {r.doc_id: r.title for r in pilot.articles()}
    # the appointment report holds a few more of the second clause's words ("deeper"), not more of its
    # phrases; the other outlet's report holds most of them too: a description is drawn from several reports
    cited = {titles[c.doc_id] for c in answer.citations}
    assert cited == {"Varga named chief pilot", "Pilot warns on channel depth"}
    assert any(c.quote.startswith("Harbour staff heard Ilse Varga argue") for c in answer.citations)
    assert_verbatim(pilot, answer)


def test_a_clause_two_reports_tell_alike_is_cited_from_both(depot: Assistant) -> None:
    answer = depot.ask(
        "Which mayor opened the new tram depot on the east side and promised to cut bus fares before the winter?"
    )
    assert answer.text.startswith("Orla Brennick.")
    titles = {r.doc_id: r.title for r in depot.articles()}
    # the Ledger's and the Courier's reports tell the opening alike: which one the description was drawn from
    # cannot be told, and both are cited; the budget report names her beside the depot's side of town only, and
    # the market report names the depot but not her
    cited = {titles[c.doc_id] for c in answer.citations}
    assert cited == {"Brennick opens tram depot", "East side waits no more", "Mayor vows fare cut"}
    assert_verbatim(depot, answer)


def test_an_outlet_whose_report_answers_a_clause_is_not_cited_again_from_another_report(pilot: Assistant) -> None:
    answer = pilot.ask(
        "Which pilot, named chief pilot of Port Alder in March and warning that the narrow channel needed "
        "dredging, was reported on by both the Harbour Gazette and Quayside Wire?"
    )
    assert answer.text.startswith("Ilse Varga.")
    titles = {r.doc_id: r.title for r in pilot.articles()}
    # each outlet is cited for the clause its report answers; the Gazette's report on the tug
    # crews shares the question's words but says nothing of who the pilot is
    cited = {titles[c.doc_id] for c in answer.citations}
    assert cited == {"Varga named chief pilot", "Pilot warns on channel depth"}


def test_a_clause_writing_a_figure_is_answered_from_the_report_that_writes_it(refunds: Assistant) -> None:
    answer = refunds.ask(
        "Which ferry operator refunds new customers up to $1000 for cancelled sailings and opened a route to "
        "Hallvik, as reported by the Tidewater Post and the Coast Courier?"
    )
    assert answer.text.startswith("Solvik Ferries"), answer.text
    titles = {r.doc_id: r.title for r in refunds.articles()}
    cited = {titles[c.doc_id] for c in answer.citations}
    # the delay report holds more of the clause's words, with another figure; the report the clause was drawn
    # from writes its figure ("$1,000")
    assert {"Solvik raises its refund cap", "New route to Hallvik"} <= cited, answer.text
    assert "Solvik sets delay refunds" not in cited, answer.text
    assert_verbatim(refunds, answer)


def test_a_clause_is_answered_from_the_report_that_writes_its_phrases(phrases: Assistant) -> None:
    answer = phrases.ask(
        "Which company, responsible for ranking local search results and showing new hardware at its annual "
        "event, did the Fjord Ledger report on?"
    )
    assert answer.text.startswith("Kestrel Maps"), answer.text
    # "In response, ... the results of its search" holds more of the clause's rare words ("response" and
    # "responsible" share a stem) but none of its phrases; the cafés report writes "local search results"
    cited = {c.quote.split(",")[0] for c in answer.citations}
    assert "For the cafés of Bergen" in cited, answer.text
    assert "In response" not in cited, answer.text
    assert_verbatim(phrases, answer)


def test_the_phrases_of_a_clause_are_its_claims_not_its_names() -> None:
    assert claim_phrases("responsible for ranking local search results") == {
        ("respons", "rank"),
        ("rank", "local"),
        ("local", "search"),
        ("search", "result"),
    }
    # every sentence on the startup's story writes its name
    assert ("simpli", "home") not in claim_phrases("led the $22M round for Simply Homes")
    assert ("round", "simpli") in claim_phrases("led the $22M round for Simply Homes")


def test_a_clause_another_report_tells_far_better_is_answered_from_it(exchange_trial: Assistant) -> None:
    answer = exchange_trial.ask(
        "Who founded the Nordkapp crypto exchange in 2019, was praised before its collapse as the trustworthy face "
        "of the crypto industry, and is said to have directed the move of customer funds to cover debts?"
    )
    assert answer.text.startswith("Tor Lindqvist"), answer.text
    # the report naming him writes "customer funds" in passing; the testimony, which calls him "the founder",
    # tells the clause: it answers it, though its passages never write his name
    quotes = [c.quote for c in answer.citations]
    assert any("moved $14 billion of customer funds to cover" in q for q in quotes), answer.text
    assert not any("raised questions" in q for q in quotes), answer.text
    assert_verbatim(exchange_trial, answer)


def test_a_word_capitalised_only_where_its_sentence_opens_is_no_name(housing_round: Assistant) -> None:
    answer = housing_round.ask(
        "Which investment firm led the $18M round for Brightwater Homes, the Tromsø affordable housing startup?"
    )
    # "Renters in Tromsø face a shortage ...": the article writes "renters" in lower case too
    assert answer.text.startswith("Fjell Capital"), answer.text
    assert_verbatim(housing_round, answer)


def test_the_sentence_an_entity_answer_rests_on_is_told_after_it(housing_round: Assistant) -> None:
    answer = housing_round.ask(
        "Which investment firm led the $18M round for Brightwater Homes, the Tromsø affordable housing startup?"
    )
    # the sentences that best match the question's words are on renters and the startup; the one the name is
    # cited from, which says who led the round, is read right after the name, under the same number
    assert answer.text.startswith(
        "Fjell Capital. [1] Fjell Capital and Nordkapp Partners co-led the company's recent $18 million funding "
        "round. [1]"
    ), answer.text
    assert_verbatim(housing_round, answer)


def test_a_deed_done_with_others_is_the_deed(housing_round: Assistant) -> None:
    assert tells_deed("Fjell Capital and Nordkapp Partners co-led the round.", "lead")
    assert tells_deed("She co-founded the studio in 2019.", "found")
    answer = housing_round.ask("Who led Brightwater Homes' funding round?")
    # "co-led" tells who led it: the answer is not declined as naming no one
    assert not answer.abstained, answer.text
    assert any(c.quote.startswith("Fjell Capital and Nordkapp Partners co-led") for c in answer.citations), answer.text
    assert_verbatim(housing_round, answer)


def test_two_reports_alike_but_for_their_figures_are_both_cited(refunds: Assistant) -> None:
    answer = refunds.ask("How much does Solvik Ferries refund when a sailing is cancelled?")
    # the embedder reads the two refund sentences as one (cosine 0.93); their figures tell two claims apart
    assert "up to $1,000 when a sailing is cancelled" in answer.text, answer.text
    assert "up to $250 for cancelled or delayed sailings" in answer.text, answer.text
    assert_verbatim(refunds, answer)


def test_initials_in_a_question_find_what_the_person_they_stand_for_did(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    trial = assistant_over(tmp_path / "articles", TRIAL, local_embedder)
    answer = trial.ask("Why is MOK on trial?")
    # searched as written, "MOK" found the day-one report's "The MOK trial opened on Monday"
    assert answer.standalone_question == "Why is MOK (Marta Oyelaran-Kent) on trial?"
    assert answer.citations[0].quote.startswith(
        "Marta Oyelaran-Kent, the founder of the island ferry company, was charged"
    )
    assert_verbatim(trial, answer)


def test_two_reports_of_one_outlet_named_by_their_dates_are_each_cited(ledger: Assistant) -> None:
    answer = ledger.ask(
        "Between the Alpine Ledger report on ferry fares published on May 2, 2024, and the report on the "
        "ferry subsidy published on May 30, 2024, did the cost of a crossing change?"
    )
    titles = {r.doc_id: r.title for r in ledger.articles()}
    cited = {titles[c.doc_id] for c in answer.citations}
    assert {"Ferry fares rise", "Ferry subsidy approved"} <= cited
    assert "Glacier trail reopens" not in cited
    assert_verbatim(ledger, answer)


def test_a_clause_of_an_entity_question_is_answered_from_an_article_naming_the_entity(fines: Assistant) -> None:
    question = (
        "Which company unveiled a pallet robot for grocery chains, and was fined by regulators over a fire "
        "safety breach at its warehouse?"
    )
    # the eleven other fines match the clause's words better: the company's own is not among the passages
    titles = {r.doc_id: r.title for r in fines.articles()}
    assert "Depot inspection" not in {titles[p.doc_id] for p in fines.retrieve(question).passages}
    answer = fines.ask(question)
    assert answer.text.startswith("Veltro Systems.")
    quotes = [c.quote for c in answer.citations]
    # a second hop, the clause with the company's name, finds it
    assert any(q.startswith("Regulators penalised Veltro Systems") for q in quotes)
    assert not any(q.startswith("Regulators fined") for q in quotes)  # about other firms
    assert_verbatim(fines, answer)


def test_a_clause_is_answered_from_a_report_the_second_hop_finds_when_it_holds_far_more(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    noise = assistant_over(tmp_path / "articles", NOISE, local_embedder)
    question = (
        "Which company unveiled an electric harbour crane at a trade fair, and plans to halve the noise its cranes "
        "make for residents near the docks?"
    )
    titles = {r.doc_id: r.title for r in noise.articles()}
    assert "Quieter cranes" not in {titles[p.doc_id] for p in noise.retrieve(question).passages}
    answer = noise.ask(question)
    assert answer.text.startswith("Rivermark Lifting."), answer.text
    # the fair's report names the maker beside the residents, but the plan is told in the report the clause looked
    # for again with the maker's name finds: that report is cited for it
    cited = {titles[c.doc_id] for c in answer.citations}
    assert "Quieter cranes" in cited, answer.text
    assert not any(t.endswith("too loud") for t in cited), answer.text  # other firms' cranes
    assert_verbatim(noise, answer)


def test_what_someone_named_did_a_deed_to_is_the_name_the_deed_is_told_of(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    picks = assistant_over(tmp_path / "articles", PICKS, local_embedder)
    answer = picks.ask("Which book did Ingrid Halvorsen recommend as a holiday gift?")
    # her own book is named beside her name; the one she recommends is on the line telling the recommendation, its
    # title quoted whole, small words and all
    assert answer.text.startswith("The Salt Roads of the North: Traders and Their Ships."), answer.text
    assert_verbatim(picks, answer)


def test_a_part_is_answered_from_a_report_not_cited_yet_when_one_answers_about_as_well(port: Assistant) -> None:
    # the best sentence, from the board's report, answers both parts; the Gazette's part is
    # answered about as well by its other report, which the answer cites as well
    answer = port.ask(
        "Did the Harbour Gazette report that landing fees at Port Alder rose by a tenth, "
        "while the Quayside Wire reported that dredging costs fell sharply after a new contract?"
    )
    titles = {r.doc_id: r.title for r in port.articles()}
    assert [titles[c.doc_id] for c in answer.citations] == [
        "Port costs shift",
        "Harbour master on fees",
        "Dredging contract signed",
    ]


def test_a_part_sharing_few_of_the_questions_words_is_still_answered_from_its_outlet(trams: Assistant) -> None:
    # fourteen sentences of the Herald's report hold more of the question's words than any of the Post's
    answer = trams.ask(
        "Did the Valley Herald report that the tram line to Kessel opens in spring, "
        "while the Northern Post said the depot's budget doubled?"
    )
    cited = {c.quote: c.doc_id for c in answer.citations}
    titles = {r.doc_id: r.title for r in trams.articles()}
    assert cited["Its budget has doubled since the council added a repair workshop."]
    assert {titles[d] for d in cited.values()} == {"Kessel tram line nears opening", "Depot costs climb"}
    assert_verbatim(trams, answer)


def test_a_part_naming_only_its_outlet_and_date_is_searched_with_the_questions_words(fares: Assistant) -> None:
    # the Courier's part says nothing of its own but "the report ... published on June 4": searched with
    # those words alone, it would find the Courier's story on a report published on June 4
    question = (
        "Between the report from the Riverside Courier published on June 4, 2024, and the report from the "
        "Valley Herald published on June 20, 2024, did the account of the bus fare rise stay the same?"
    )
    titles = {r.doc_id: r.title for r in fares.articles()}
    retrieval = fares.retrieve(question)
    assert [titles[p.doc_id] for p in retrieval.part_passages[0]][:1] == ["Bus fares go up"]
    answer = fares.ask(question)
    assert {titles[c.doc_id] for c in answer.citations} == {"Bus fares go up", "Fare rise delayed"}
    assert_verbatim(fares, answer)


def test_a_part_named_by_outlet_and_day_is_cited_from_each_report_of_that_day_telling_it(
    dock_strike: Assistant,
) -> None:
    # the Times published two reports on the strike on August 12: which one the question means cannot be told,
    # and both are cited; its report of the next day (a day a date may be off by) tells of the ferries
    answer = dock_strike.ask(
        "Between the Ellery Times report on the dockers' strike over the shift rota published on August 12, "
        "2024, and the Ellery Herald report published on August 30, 2024, did the account of the strike change?"
    )
    titles = {r.doc_id: r.title for r in dock_strike.articles()}
    cited = {titles[c.doc_id] for c in answer.citations}
    assert cited == {"Dockers walk out", "Union sets strike terms", "Strike ends"}, answer.text
    assert_verbatim(dock_strike, answer)


def test_a_report_named_by_outlet_and_day_is_quoted_on_the_point_in_each_of_its_sentences_that_bear_on_it(
    fares: Assistant,
) -> None:
    # "did the account stay the same" between two dated reports: what each says of the fare is the answer,
    # the Herald's "still rise to two pounds fifty" beside its delay, and the Courier's season tickets are not
    question = (
        "Between the report from the Riverside Courier published on June 4, 2024, and the report from the "
        "Valley Herald published on June 20, 2024, did the account of the bus fare rise stay the same?"
    )
    answer = fares.ask(question)
    quotes = [c.quote for c in answer.citations]
    assert any("put back to September" in q for q in quotes)
    assert any("still rise to two pounds fifty" in q for q in quotes)
    assert any("from two pounds to two pounds fifty" in q for q in quotes)
    assert not any("Season tickets" in q for q in quotes)
    assert_verbatim(fares, answer)


def test_people_named_by_a_surname_a_first_name_or_after_a_role_are_the_quoted_people(
    ferry_voices: Assistant,
) -> None:
    assert {"Ravi Menon", "Anjali Kapoor", "Dana Whitfield"} <= set(ferry_voices.catalog().people)
    assert not [p for p in ferry_voices.catalog().people if " on " in p or " the " in p]  # no clause for a name
    answer = ferry_voices.ask("What did Ravi Menon say about the channel?")
    quotes = [c.quote for c in answer.citations]
    assert any("too shallow" in q for q in quotes) and not any("add a boat" in q for q in quotes)
    answer = ferry_voices.ask("What did Anjali Kapoor say about the boats?")
    assert any("add a boat in May" in c.quote for c in answer.citations)
    assert_verbatim(ferry_voices, answer)
    # named with where they work, as readers write them: the quoted person is the one asked about
    answer = ferry_voices.ask("What did Ravi Menon of Halden Ferry say about the channel?")
    assert not answer.abstained and any("too shallow" in c.quote for c in answer.citations)
    # named with a possessive ("Kapoor's take"): the same person
    answer = ferry_voices.ask("What is Halden Ferry co-owner Anjali Kapoor's take on the boats?")
    assert not answer.abstained and any("add a boat in May" in c.quote for c in answer.citations), answer.text


def test_a_name_from_another_story_does_not_answer(other_story: Assistant) -> None:
    # the caucus report names a winner and a party; it writes nothing of Skarvik, which the question names
    answer = other_story.ask("Which party won the May 4 harbour council election in Skarvik?")
    assert answer.abstained and answer.text == "The articles found name no party that answers this question."
    answer = other_story.ask("Who won the harbour council election in Skarvik?")
    assert answer.abstained and "Trumble" not in answer.text
    # asked about its own story, the caucus report answers
    answer = other_story.ask("Which party won the caucus election?")
    assert answer.text.startswith("Liberty Party.") and not answer.abstained


def test_a_name_sharing_only_a_common_word_with_the_question_is_from_another_story(two_rounds: Assistant) -> None:
    # "Harbour Analytics" shares "Analytics" with the startup asked about: its founders led no round of Kestrel's
    answer = two_rounds.ask("Who led Kestrel Analytics' latest funding round?")
    assert answer.text.startswith("Nordlys Ventures"), answer.text  # a firm may be who did it: "led by ..."
    assert "The round was led by Nordlys Ventures, with Tern Partners joining." in [c.quote for c in answer.citations]
    # asked about its own story, the other report answers
    answer = two_rounds.ask("Who led Harbour Analytics' latest funding round?")
    assert answer.text.startswith(("Mira Solberg", "Tor Vikane")), answer.text


def test_another_articles_sentence_answers_only_when_it_writes_the_names_asked(two_contracts: Assistant) -> None:
    # the pitcher shares only a surname with the coach asked about: his contract is no answer
    answer = two_contracts.ask("How much is Larkfield College paying Dana Whitfield per year under his new contract?")
    assert not answer.abstained, answer.text
    assert "Orioles" not in answer.text, answer.text
    assert {Path(c.path).name for c in answer.citations} == {"coach_hire.txt"}, answer.text
    # asked about the pitcher, his own report answers
    answer = two_contracts.ask("How much will the Orioles pay Marcus Whitfield?")
    assert "$4 million" in answer.text, answer.text


def test_a_report_writing_a_name_as_a_possessive_writes_the_name(standings: Assistant) -> None:
    # "the WCL's top seed" is a report on the WCL, as "the seed in the WCL" is
    answer = standings.ask("Which team holds the top seed in the WCL?")
    assert "The Norbridge Bears jumped back into the WCL's top seed" in answer.text, answer.text


def test_two_names_ending_in_the_same_word_are_two_candidates(two_rounds: Assistant) -> None:
    # "Kestrel Analytics" and "Harbour Analytics" are two startups, not one name written two ways
    answer = two_rounds.ask("Who sells software to port operators?")
    assert not answer.text.startswith("Kestrel Analytics"), answer.text
    assert answer.citations[0].quote == "Harbour Analytics sells software to port operators.", answer.text
    answer = two_rounds.ask("Who acquired Tidewise?")
    assert answer.text.startswith("Vester Group"), answer.text


# A holiday named with a possessive, in two outlets' reports: "Valentine" is no one the reports name
ROSE_PRICES = {
    "gazette_roses.txt": (
        {"title": "Rose prices double", "source": "Harbour Gazette", "published": "2024-02-10"},
        "Rose prices at the Skarvik flower market doubled in the week before Valentine's Day. "
        "Growers said the cold winter had cut the harvest by a third. "
        "The market opens at dawn on weekdays.",
    ),
    "courier_florists.txt": (
        {"title": "Florists stock up", "source": "Island Courier", "published": "2024-02-12"},
        "Florists on the island ordered twice as many roses as last year ahead of Valentine's Day. "
        "Most of the flowers come from growers near Skarvik.",
    ),
}


def test_a_possessive_inside_a_fixed_name_is_part_of_the_name_answered(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    assistant = assistant_over(tmp_path / "articles", ROSE_PRICES, local_embedder)
    answer = assistant.ask("Which holiday doubled rose prices at the Skarvik flower market?")
    # the possessive ended the name: the answer opened with "Valentine."
    assert answer.text.startswith("Valentine's Day. [1]"), answer.text
    assert_verbatim(assistant, answer)


# A founder's trial: every sentence naming him opens with his full name, and his brother is named in full inside one
FOUNDER_AND_BROTHER = {
    "gazette_trial.txt": (
        {"title": "Ferry founder on trial", "source": "Harbour Gazette", "published": "2024-04-02"},
        "Tim Eide-Brandt moved customer deposits into his own trading firm, prosecutors told the jury. "
        "His brother Nils Eide-Brandt said the deposits were moved with the board's approval. "
        "The trial is expected to last three weeks.",
    ),
    "courier_fares.txt": (
        {"title": "Fares to rise", "source": "Island Courier", "published": "2024-04-05"},
        "\u201cThe new fares are fair,\u201d said Tim Rasmussen, a ferry captain. "
        "The island ferry will charge eight euros a crossing from June.",
    ),
}


def test_a_sentence_opening_with_a_quoted_first_name_and_a_surname_names_that_person(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    assistant = assistant_over(tmp_path / "articles", FOUNDER_AND_BROTHER, local_embedder)
    answer = assistant.ask("Who moved customer deposits into a trading firm?")
    # "Tim" opening the sentence was dropped: "Eide-Brandt" was shown with the one full form written, the brother's
    assert answer.text.startswith("Tim Eide-Brandt. [1] Tim Eide-Brandt moved customer deposits"), answer.text
    assert_verbatim(assistant, answer)


def test_an_attribute_no_passage_names_is_declined_though_the_topic_is_there(trams: Assistant) -> None:
    answer = trams.ask("What was the attendance at the Kessel tram line opening?")
    assert answer.abstained and "attendance" in answer.text
    answer = trams.ask("What is the cost of a ticket for the Kessel tram line?")
    assert not answer.abstained  # "Tickets for the Kessel tram line cost the same as for buses ..."


def test_a_line_of_a_list_giving_a_figure_answers_as_a_sentence_does(scorers: Assistant) -> None:
    answer = scorers.ask("How many goals has Anna Berg scored this season?")
    assert not answer.abstained
    assert "Anna Berg (Kessel United) - 31 goals" in [c.quote for c in answer.citations]
    assert_verbatim(scorers, answer)


def test_a_question_asked_in_an_article_is_cited_with_the_reply_after_it(hearing: Assistant) -> None:
    answer = hearing.ask(
        "What was the answer when a resident asked at the depot hearing who would run the repair workshop?"
    )
    quotes = [c.quote for c in answer.citations]
    asked = "Near the end of the hearing, a resident asked which company would run the depot's repair workshop."
    assert quotes[:2] == [asked, "“Orvin Rail Services will run it for ten years,” the transport councillor replied."]
    assert_verbatim(hearing, answer)
    # a sentence telling that someone has a reason is followed by the one giving it, however the question asks why
    for why in ("Tell me why Ida Berg thinks the tram depot is running late.", "Why is the depot late, says Ida Berg?"):
        quotes = [c.quote for c in hearing.ask(why).citations]
        assert "“The steel came from abroad,” she said." in quotes, why


def test_how_long_something_has_been_going_on_is_answered_by_since_when(scorers: Assistant) -> None:
    answer = scorers.ask("How long has the golden boot trophy been handed out, and what is it for?")
    assert not answer.abstained
    assert any("since 1976" in c.quote for c in answer.citations)


def test_both_articles_of_one_outlet_are_cited_when_the_question_asks_for_both(ledger: Assistant) -> None:
    answer = ledger.ask("Do both Alpine Ledger articles on the lake ferry give the same price for a crossing?")
    titles = {r.doc_id: r.title for r in ledger.articles()}
    # the fare rise's report answers best; the subsidy's is the other article on the ferry
    assert {titles[c.doc_id] for c in answer.citations} == {"Ferry fares rise", "Ferry subsidy approved"}
    assert answer.verdict != "yes"  # eight francs, then six
    assert_verbatim(ledger, answer)


def test_an_outlet_named_again_as_the_same_source_is_cited_from_another_of_its_articles(ledger: Assistant) -> None:
    answer = ledger.ask(
        "Did the Alpine Ledger say the ferry would charge eight francs, and did the same source later report a "
        "lower price?"
    )
    titles = {r.doc_id: r.title for r in ledger.articles()}
    # the fare rise answers both parts best by its words; "the same source" is another of the Ledger's reports
    assert {titles[c.doc_id] for c in answer.citations} == {"Ferry fares rise", "Ferry subsidy approved"}
    assert_verbatim(ledger, answer)


def test_an_article_the_corpus_reports_on_is_no_missing_outlet_and_its_writer_is_a_person(oped: Assistant) -> None:
    # no article records the Island Courier as its source, and one writes about the Courier's op-ed
    answer = oped.ask("Who wrote the Island Courier op-ed on the ferry fares?")
    assert answer.text.startswith("Lin Wei-ting.")  # the name after "by", not the mayor, nor the report's byline
    assert any("An op-ed by Lin Wei-ting" in c.quote for c in answer.citations)
    # an outlet the articles never write about is still missing
    declined = oped.ask("What did the Harbour Post article say about the ferry fares?")
    assert declined.abstained and "Harbour Post" in declined.text


def test_a_question_asking_for_no_figure_is_answered_though_the_articles_never_write_its_noun(oped: Assistant) -> None:
    # the articles criticise the fares and tell what they are for without the words "criticisms" or "purpose"
    criticised = oped.ask("What are the main criticisms of the new fares?")
    assert not criticised.abstained and "criticisms" not in criticised.text
    assert any("called the new fares a tax on islanders" in c.quote for c in criticised.citations)
    purpose = oped.ask("What is the purpose of the new fares?")
    assert not purpose.abstained
    assert any("would fund a second boat" in c.quote for c in purpose.citations)
    assert_verbatim(oped, purpose)
    # a figure is of what it counts: no passage names buses, so none says how many
    counted = oped.ask("How many buses does the harbour run?")
    assert counted.abstained and "“buses”" in counted.text


def test_what_a_product_is_going_for_asks_its_price_not_a_figure_of_going(deals: Assistant) -> None:
    # "going for" is how a price is asked, not the thing a figure must be written of
    answer = deals.ask("how much are the Kelby Aura going for at Orvin Electric?")
    assert not answer.abstained
    assert "$249" in answer.text
    assert_verbatim(deals, answer)


def test_what_a_product_starts_at_is_its_price(e_readers: Assistant) -> None:
    # "start at", like "going for" or "selling for", asks a price: the sentence giving one joins the two on the model
    answer = e_readers.ask("How much does the new entry-level Quillo start at?")
    assert not answer.abstained
    assert "$89.99" in answer.text
    assert_verbatim(e_readers, answer)


def test_a_mistyped_word_is_read_as_the_corpus_word_it_is_a_slip_of(e_readers: Assistant) -> None:
    # "quilo": the corpus writes "Quillo" in two articles, one letter more; read as written, the question is
    # answered with the price of another new entry-level model
    answer = e_readers.ask("How much does the new entry-level quilo start at?")
    assert not answer.abstained
    assert "$89.99" in answer.text and "$149.99" not in answer.text
    # the reader is shown what the question was read as
    assert answer.standalone_question == "How much does the new entry-level Quillo start at?"
    assert_verbatim(e_readers, answer)


def test_a_figure_is_of_what_its_articles_title_names(sale_deals: Assistant) -> None:
    # "Prime Day" is written only in the roundup's title: the price in its text is a Prime Day price all the same
    answer = sale_deals.ask("What was the Prime Day price for the Kelby Pad Pro controller?")
    assert not answer.abstained
    assert "$87.99" in answer.text
    assert_verbatim(sale_deals, answer)


def test_a_sentence_announcing_reasons_goes_on_in_the_sentences_enumerating_them(column: Assistant) -> None:
    # "for two main reasons." answers nothing by itself: its reasons are the two sentences after it
    answer = column.ask("Why does the Harbour Post column say the harbour board's plan beats the council's?")
    assert "for two main reasons." in answer.text
    assert "keeps the fish market where traders already sell" in answer.text
    assert "pays for the new sea wall from mooring fees" in answer.text
    assert "The board meets again in May" not in answer.text  # no reason: the list has ended
    assert_verbatim(column, answer)


def test_why_is_answered_by_the_sentence_after_the_one_telling_what_happened(fans_blog: Assistant) -> None:
    # the photo's caption matches best and nothing follows it: the reason follows the entry telling of the silence
    answer = fans_blog.ask("Why were the Rovers supporters sitting silently before kickoff?")
    assert "anger at next season's huge rise in the price of a season ticket" in answer.text
    assert_verbatim(fans_blog, answer)


def test_who_won_a_contest_is_the_side_a_sentence_tells_beating_the_other(contests: Assistant) -> None:
    for question in ["Who won the Rovers-Town derby on Saturday?", "who won rovers vs town"]:
        answer = contests.ask(question)
        assert answer.text.startswith("Town."), question  # not the scorer, nor the coach who won a cup
        assert any("Town edged past Rovers" in c.quote for c in answer.citations)
        assert_verbatim(contests, answer)
    # a preview tells no winner: the champion who won the belt before is none of the fight's sides
    declined = contests.ask("Who won the Moe vs Vik fight?")
    assert declined.abstained and declined.text == "The articles found do not say who won."


def test_initials_the_passages_found_write_out_are_mentioned(authority: Assistant) -> None:
    # the corpus never writes "OHA", but the passage found writes "Orvin Harbour Authority" in full
    answer = authority.ask("What ferry fees did the OHA approve?")
    assert not answer.abstained and "does not mention" not in answer.text
    assert any("approved new ferry fees" in c.quote for c in answer.citations)
    assert_verbatim(authority, answer)
    # initials nothing found writes out are still a name the corpus lacks
    declined = authority.ask("What ferry fees did the OPA approve?")
    assert declined.abstained and "does not mention “OPA”" in declined.text


def test_what_happened_on_a_day_the_articles_tell_of_as_still_to_come_is_declined(council_votes: Assistant) -> None:
    # every sentence writing September 14 tells of it as to come: the articles were written before the vote (another
    # story's "announced September 14 that it had cut twelve jobs" says nothing of the vote)
    for question in ("What was the outcome of the September 14 council vote?", "who won the september 14 vote?"):
        declined = council_votes.ask(question)
        assert declined.abstained and not declined.citations, question
        assert "September 14 as still to come" in declined.text  # the day as the articles write it
    # a vote already held is told ...
    held = council_votes.ask("What was the outcome of the May 3 council vote?")
    assert not held.abstained
    assert any("approved the tourist levy by seven votes to four" in c.quote for c in held.citations)
    # ... and a question on what is to come is answered from the preview
    coming = council_votes.ask("When will the council vote on the tram line?")
    assert not coming.abstained and "September 14" in coming.text
    assert_verbatim(council_votes, coming)


def test_a_preposition_at_the_end_of_a_question_asks_for_the_name_written_after_it(transfer: Assistant) -> None:
    # "Which club did Vik sign with?" asks as "With which club did Vik sign?": the club written after "signing
    # with", not the one the articles name most
    for question in ("Which club did Lena Vik sign with?", "With which club did Lena Vik sign?"):
        answer = transfer.ask(question)
        assert answer.text.startswith("Northpoint Rovers"), question
        assert_verbatim(transfer, answer)


def test_the_sentence_going_on_with_a_chosen_one_is_cited_with_it(docks: Assistant) -> None:
    answer = docks.ask("What new equipment does Dahl expect the port to invest in?")
    # the sentence that names the equipment points back at the one that holds the question's words;
    # another of Dahl's sentences holds more of them, but says nothing of which equipment
    assert "electric cranes" in answer.text
    assert any(c.quote.startswith("\u201cThis is especially true") for c in answer.citations)
    assert_verbatim(docks, answer)


def test_an_example_given_after_a_chosen_sentence_is_cited_with_it(docks: Assistant) -> None:
    answer = docks.ask("What did island councillors say about who the fare rise would hurt?")
    # the example is only its article's third-best sentence: it joins as it goes on with the chosen one
    assert any(c.quote.startswith("For example, the rise will hurt nurses") for c in answer.citations)
    assert_verbatim(docks, answer)


def test_asked_what_the_article_says_the_example_that_goes_on_with_a_sentence_joins_it(docks: Assistant) -> None:
    answer = docks.ask("What does the article say about island councillors?")
    # the example holds none of the question's words: it joins as the request asks for what the article says
    assert any(c.quote.startswith("For example, the rise will hurt nurses") for c in answer.citations)
    assert_verbatim(docks, answer)


def test_a_count_is_answered_only_by_a_figure_of_what_is_counted(docks: Assistant) -> None:
    assert docks.ask("How many tugboats did the board buy?").text.startswith("The board bought two tugboats")
    # the articles name cranes, and give a count of tugboats: no count of cranes
    declined = docks.ask("How many cranes did the harbour board buy?")
    assert declined.abstained and declined.citations == []
    assert "no figure" in declined.text


def test_how_much_money_is_answered_only_by_a_sum_of_money(docks: Assistant) -> None:
    # nurses pay forty euros more a month: a sum
    answer = docks.ask("How much more will nurses pay a month for the ferry?")
    assert not answer.abstained and "forty euros" in answer.text
    # the board's two tugboats are a figure, not what they cost
    declined = docks.ask("How much did the harbour board pay for its tugboats?")
    assert declined.abstained and "no figure" in declined.text


def test_an_article_named_by_its_title_answers_though_another_holds_more_of_the_words(ledger: Assistant) -> None:
    answer = ledger.ask("What will the lake ferry charge for a crossing, according to the subsidy article?")
    titles = {r.doc_id: r.title for r in ledger.articles()}
    # "The lake ferry will charge eight francs a crossing" holds more of the words; the question asks the other
    assert {titles[c.doc_id] for c in answer.citations} == {"Ferry subsidy approved"}
    assert "six francs" in answer.text


def test_a_sentence_giving_the_count_asked_for_joins_though_another_matches_more_words(docks: Assistant) -> None:
    # "The ferry operator blamed the cost of fuel" holds more of the words; the count is in the next one
    answer = docks.ask("How many ferries did the ferry operator buy, blaming the cost of fuel?")
    assert not answer.abstained and "two newest ferries" in answer.text
    assert_verbatim(docks, answer)


def test_a_count_is_given_only_by_a_passage_naming_what_the_question_names(docks: Assistant) -> None:
    # the Gazette counts the board's tugboats and never names the Wire's captain
    declined = docks.ask("How many tugboats did Ole Brekke buy?")
    assert declined.abstained and "no figure" in declined.text
    assert "two newest ferries" in docks.ask("How many ferries did the operator Ole Brekke works for buy?").text


def test_a_count_asked_after_another_question_needs_a_figure_too(docks: Assistant) -> None:
    # a later half is answered as it would be asked on its own (`rag.compound`), after the first half's answer
    answer = docks.ask("Who blamed the cost of fuel, and how many ferries does the operator run?")
    assert not answer.abstained and answer.text.startswith("Ole Brekke."), answer.text
    alone = docks.ask("how many ferries does the operator run?")
    assert {c.quote for c in alone.citations} <= {c.quote for c in answer.citations}, answer.text
    assert_verbatim(docks, answer)
    # "the one" is no count, nor is the day of a month
    assert docks.ask("How many islands does the timetable serve, the one approved by the board?").abstained
    answer = docks.ask("When does the new island timetable start, and how many sailings does it add?")
    assert answer.text.startswith("The new island timetable starts on May 12.")
    assert answer.text.endswith("The articles found do not answer “how many sailings does it add”.")


def test_a_day_asked_for_is_answered_only_by_a_sentence_that_gives_one(docks: Assistant) -> None:
    met = docks.ask("On what day did the harbour board meet to set the budget?")
    assert not met.abstained and "Tuesday" in met.text
    declined = docks.ask("On what exact date did the board buy the tugboats?")  # "last spring" is no date
    assert declined.abstained and "no date" in declined.text


def test_a_year_asked_for_is_answered_only_by_a_sentence_that_gives_one(docks: Assistant) -> None:
    dredged = docks.ask("In what year was the inner basin last dredged?")
    assert not dredged.abstained and "2019" in dredged.text
    declined = docks.ask("In what year did the harbour board buy its tugboats?")  # "last spring" is no year
    assert declined.abstained and "no year" in declined.text


def test_a_year_is_answered_only_by_a_sentence_on_whom_the_question_names_or_beside_one(docks: Assistant) -> None:
    # the Wire's operator bought ferries in 2017; Anna Dahl chairs the Gazette's board and bought none
    declined = docks.ask("In what year did Anna Dahl buy the ferries?")
    assert declined.abstained and "no year" in declined.text
    # the sentence after the year names the captain: the operator is his
    answer = docks.ask("In what year did Captain Ole Brekke's operator buy the ferries?")
    assert not answer.abstained and "2017" in answer.text


def test_a_year_the_question_sets_must_be_the_answering_articles(docks: Assistant) -> None:
    # the Gazette reports the tugboats and was published in 2024; only the Wire writes of 2017
    declined = docks.ask("How many tugboats did the harbour board buy in 2017?")
    assert declined.abstained and declined.text == "The articles found say nothing of 2017."
    assert "two newest ferries" in docks.ask("How many ferries did the operator buy in 2017?").text
    # a year an article was published in is the corpus's, though no text writes it
    assert "two tugboats" in docks.ask("How many tugboats did the harbour board buy in 2024?").text
    assert "does not mention “2011”" in docks.ask("How many tugboats did the harbour board buy in 2011?").text
    # a sum in dollars is no year
    assert not docks.ask("Did the board buy two tugboats for $2017?").text.startswith("The articles found say")


def test_a_length_of_time_asked_for_is_answered_only_by_a_sentence_that_gives_one(docks: Assistant) -> None:
    assert "over the next decade" in docks.ask("How long will the port invest heavily in new equipment?").text
    declined = docks.ask("How long does the ferry crossing to the islands take?")
    assert declined.abstained and "no length of time" in declined.text


def test_a_name_asked_for_is_answered_only_by_a_sentence_that_gives_one(docks: Assistant) -> None:
    declined = docks.ask("What is the name of the new ferry timetable?")
    assert declined.abstained and "no name" in declined.text  # the articles call it "a new ferry timetable"
    assert "Anna Dahl" in docks.ask("What is the name of the harbour board's chair?").text


def test_who_holds_a_role_is_the_name_the_articles_give_it_to(docks: Assistant) -> None:
    assert docks.ask("Who is the board chair?").text.startswith("Anna Dahl.")
    # the articles name no ferry director: no other name stands in
    declined = docks.ask("Who is the port's ferry director?")
    assert declined.abstained and "ferry director" in declined.text
    # asked as "the name of" the role, and for a lawyer: the captain, named on the fares, is no lawyer
    declined = docks.ask("What is the name of the lawyer representing the ferry operator over the fare rise?")
    assert declined.abstained and "lawyer" in declined.text
    named = docks.ask("What is the name of the board chair?")
    assert not named.abstained and "board chair Anna Dahl" in named.text


def test_what_someone_said_is_answered_only_by_their_own_words_on_it(docks: Assistant) -> None:
    answer = docks.ask("What did Anna Dahl say about investing in new equipment?")
    assert not answer.abstained
    assert any(c.quote.startswith("\u201cWe will invest heavily") for c in answer.citations)
    # Dahl speaks of equipment and staff, never of fares; sentences on fares are someone else's
    declined = docks.ask("What did Anna Dahl say about the ferry fares?")
    assert declined.abstained and declined.citations == []
    assert declined.text == "The articles found report nothing Anna Dahl said on this."
    # the minister is named, on the very topic, and never speaks
    declined = docks.ask("How did transport minister Elin Berg respond to the fare rise?")
    assert declined.abstained and "Elin Berg" in declined.text
    # the captain is quoted by his surname alone
    assert "fuel bill doubled" in docks.ask("What did Ole Brekke say about the cost of fuel?").text
    assert docks.ask("What did Ole Brekke say about the island timetable?").abstained
    # the board's budget meeting matches the question best; what Dahl said joins it
    answer = docks.ask("What did Anna Dahl say about the port's budget for the coming year?")
    assert any(c.quote.startswith("\u201cWe will invest heavily") for c in answer.citations)
    # the councillors did speak on it, though the question calls them by no name
    assert not docks.ask("What did the island councillors say about the fare rise?").abstained


def test_a_clause_brings_in_an_article_only_when_it_holds_most_of_the_clause(ledger: Assistant) -> None:
    fares = "Did the lake ferry start charging eight francs a crossing in June, and did rangers say "
    one_passage = AskOptions(top_k=1)  # the glacier article comes only from the clause's own words
    answer = ledger.ask(fares + "the upper section saw heavy snow over the winter?", options=one_passage)
    assert any(c.quote.startswith("Rangers said the upper section") for c in answer.citations)
    # the rangers spoke of snow, not rain: half the clause's words do not bring their article in
    answer = ledger.ask(fares + "the upper section saw heavy rain over the winter?", options=one_passage)
    assert [c.quote for c in answer.citations] == ["The lake ferry will charge eight francs a crossing from June."]


def test_an_entity_is_not_cited_from_an_article_naming_it_in_passing(robotics: Assistant) -> None:
    answer = robotics.ask("Which company's robot steers itself between racks using cameras?")
    assert answer.text.startswith("Veltro Robotics.")
    titles = {r.doc_id: r.title for r in robotics.articles()}
    # the night-shift article names the company too; nothing in it bears on the robot
    assert {titles[c.doc_id] for c in answer.citations} == {"Veltro shows its pallet robot"}


@pytest.mark.parametrize(
    ("request_text", "kind"),
    [
        ("Compare what the sources say about the ferry terminal", "comparison"),
        ("Where do the sources disagree about the ferry terminal?", "comparison"),
        ("Give me an overview of how the port is changing", "briefing"),
        ("Summarize the articles", "briefing"),
        ("Write a briefing on port fees", "briefing"),
    ],
)
def test_requests_are_answered_with_a_comparison_or_a_briefing(
    newsroom: Assistant, request_text: str, kind: str
) -> None:
    answer = newsroom.ask(request_text)
    assert answer.kind == kind and not answer.abstained and not answer.error
    assert answer.citations and answer.report is not None
    assert_verbatim(newsroom, answer)
    numbers = [c.n for c in answer.citations]
    assert numbers == list(range(1, len(numbers) + 1))
    assert f"[{numbers[0]}]" in answer.text
    assert answer.to_json()["kind"] == kind


def test_a_request_naming_outlets_compares_or_briefs_from_their_articles_only(newsroom: Assistant) -> None:
    answer = newsroom.ask("Compare what the Harbour Gazette and Quayside Wire say about the ferry terminal")
    assert isinstance(answer.report, Comparison), answer.text
    assert answer.report.topic == "the ferry terminal"
    assert {c.group.label for c in answer.report.cells} == {
        "The Harbour Gazette",
        "Quayside Wire | Coastal Business News",
    }
    assert "Ledger" not in answer.text and "other source" not in answer.text  # no outlet it was not asked about
    assert_verbatim(newsroom, answer)
    briefing = newsroom.ask("Summarize The Harbour Gazette's coverage of port fees")
    sources = {r.doc_id: r.source for r in newsroom.articles()}
    assert briefing.kind == "briefing" and briefing.citations
    assert {sources[c.doc_id] for c in briefing.citations} == {"The Harbour Gazette"}


def test_a_request_naming_people_compares_what_each_of_them_says(newsroom: Assistant) -> None:
    answer = newsroom.ask("Compare what Ingrid Halvorsen and Pieter Dahl say about the terminal")
    assert isinstance(answer.report, Comparison) and answer.report.by == "speaker", answer.text
    cells = {c.group.label: c for c in answer.report.cells}
    assert set(cells) == {"Ingrid Halvorsen", "Pieter Dahl"}  # no row for anyone else quoted
    # a short topic is far in meaning from every sentence: one of theirs holding its words is on it
    said = [text for text, _, _ in cells["Ingrid Halvorsen"].sentences]
    assert said == [
        "Harbour master Ingrid Halvorsen said the terminal cost $48 million and would handle twelve sailings a day."
    ]
    assert_verbatim(newsroom, answer)


@pytest.mark.parametrize(
    "written",
    ["Halvor\u00adsen", "Halvor\u200bsen", "HALVORSEN", "Ha\u0308lvorsen"],
)
def test_names_written_with_invisible_or_decomposed_characters_are_found(newsroom: Assistant, written: str) -> None:
    answer = newsroom.ask(f"What did Ingrid {written} say about night sailings?")
    assert not answer.abstained, answer.text
    assert any("night sailings" in c.quote for c in answer.citations)


def test_a_question_sharing_only_a_word_in_another_sense_is_declined(newsroom: Assistant) -> None:
    answer = newsroom.ask("How do I configure the serial port on my router?")
    assert answer.abstained and not answer.citations


def test_ligatures_in_the_question_match_the_articles(newsroom: Assistant, tmp_path: Path) -> None:
    answer = newsroom.ask("Why did ﬁshing crews call the fee rise unfair?")
    assert not answer.abstained
    assert any("unfair" in c.quote for c in answer.citations)


def test_each_clause_of_a_long_description_is_answered_from_the_article_that_holds_it(newsroom: Assistant) -> None:
    # one passage from the search as a whole: the other clause's article comes from its own words
    answer = newsroom.ask(
        "Who is the official who said the new terminal would handle twelve sailings a day, "
        "and who also said the increase in landing fees would pay for dredging the main channel?",
        options=AskOptions(top_k=1),
    )
    assert answer.text.startswith("Ingrid Halvorsen.")
    cited = {c.doc_id: c.quote for c in answer.citations}
    titles = {r.doc_id: r.title for r in newsroom.articles()}
    assert {titles[d] for d in cited} >= {"New ferry terminal opens", "Port fees to rise"}
    assert any("twelve sailings" in q for q in cited.values()) and any("dredging" in q for q in cited.values())
    assert_verbatim(newsroom, answer)


def test_each_outlet_is_cited_for_its_own_part_of_the_question(newsroom: Assistant) -> None:
    # Quayside Wire's sentence closest to the whole question is its "$48 million" one; its own
    # part asks about the boats.
    answer = newsroom.ask(
        "Did the Harbour Gazette report that the new ferry terminal at Northpoint cost $48 million to build, "
        "while Quayside Wire mentioned more boats?"
    )
    quotes = [c.quote for c in answer.citations]
    assert any("two boats" in q for q in quotes), quotes
    assert any("$48 million" in q for q in quotes)
    assert sources_cited(newsroom, answer) == {"The Harbour Gazette", "Quayside Wire | Coastal Business News"}
    assert_verbatim(newsroom, answer)


FERRY_BOSSES = {
    "sato.txt": (
        {"title": "Harbour Line picks Sato", "source": "Valley Courier", "published": "2024-03-02"},
        "Harbour Line said on Tuesday that Mira Sato, its head of operations, will be the ferry company's new CEO "
        "from July. Sato joined the company in 2015.",
    ),
    "lund.txt": (
        {"title": "Lund to chair the board", "source": "Valley Courier", "published": "2024-03-09"},
        "Per Lund, who stepped down as chief executive of Harbour Line in May, will chair the board of the port. "
        "Lund said he would keep his flat by the quay.",
    ),
}


def test_a_title_the_question_writes_out_finds_the_sentence_writing_its_initials(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    assistant = assistant_over(tmp_path / "articles", FERRY_BOSSES, local_embedder)
    answer = assistant.ask("Who replaces Per Lund as chief executive of Harbour Line?")
    assert answer.text.startswith("Mira Sato.")
    assert any("new CEO" in c.quote for c in answer.citations), answer.text
    answer = assistant.ask("Who will be Harbour Line's new chief executive?")
    assert answer.text.startswith("Mira Sato. [1] Harbour Line said on Tuesday that Mira Sato"), answer.text


# Two firms' chief executives; the one the question asks about is named in an article on another story, and a
# third article asks who runs one of the firms
TWO_CHIEFS = {
    "board.txt": (
        {"title": "Turmoil at Nordlys Robotics", "source": "Valley Courier", "published": "2024-04-02"},
        "The board of Nordlys Robotics ousted its founder on Friday. The company's chief technology officer, Ada "
        "Lin, will step in as interim CEO while the board searches for a permanent chief executive. "
        "Ada Lin has worked at Nordlys Robotics since 2016.",
    ),
    "rival.txt": (
        {"title": "Rivals circle after the Nordlys ouster", "source": "Valley Courier", "published": "2024-04-04"},
        "Nordlys Robotics approached Omar Haddad, the co-founder and CEO of rival robot maker Fjellbotics, about "
        "a merger, but he turned the offer down. Fjellbotics sells warehouse robots in Norway and Sweden.",
    ),
    "orders.txt": (
        {"title": "Fjellbotics orders double", "source": "Nordic Trade", "published": "2024-04-09"},
        "Fjellbotics doubled its orders this spring. Who is the CEO of Fjellbotics now, investors asked at the "
        "annual meeting, where the firm said it plans a plant in Sweden.",
    ),
}


@pytest.fixture(scope="module")
def two_chiefs(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("two_chiefs") / "articles", TWO_CHIEFS, local_embedder)


def test_who_holds_a_role_is_answered_from_a_sentence_giving_it_at_the_firm_asked_about(two_chiefs: Assistant) -> None:
    assistant = two_chiefs
    for question in ("Who is the CEO of Fjellbotics?", "Who is Fjellbotics's CEO?"):
        answer = assistant.ask(question)
        assert answer.text.startswith("Omar Haddad."), answer.text
        assert_verbatim(assistant, answer)
    # Ada Lin is a chief executive, of another firm: a firm no sentence gives a chief executive is declined
    declined = assistant.ask("Who is the CEO of Kestrel Analytics?")
    assert declined.abstained and "Ada Lin" not in declined.text
    answer = assistant.ask("Who is the interim CEO of Nordlys Robotics?")
    assert answer.text.startswith("Ada Lin."), answer.text
    # the decline says whose role no sentence gives
    declined = assistant.ask("Who is the defense minister of Norway?")
    assert (
        declined.abstained and declined.text == "The articles found do not say who the defense minister of Norway is."
    )


# Two chairs: a federation's, written with its short name before the title, and a rowing club's
TWO_CHAIRS = {
    "fees.txt": (
        {"title": "Fees stay put", "source": "Valley Courier", "published": "2024-05-02"},
        "Fed Chair Lena Strand said the landing fees would stay as they are this year. "
        "The Kelby Federation of Ferry Operators sets the fees for every port on the fjord.",
    ),
    "regatta.txt": (
        {"title": "Regatta plans", "source": "Valley Courier", "published": "2024-05-03"},
        "Rowing club chair Tor Berg said the regatta would move to August.",
    ),
}


def test_a_title_written_another_way_and_its_holder_written_after_a_short_name_answer_who_holds_it(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    assistant = assistant_over(tmp_path / "articles", TWO_CHAIRS, local_embedder)
    # "chairman" asks for a "Chair"; "Fed" is the Kelby Federation's short name; the name is shown without the title
    answer = assistant.ask("Who is the chairman of the Kelby Federation?")
    assert answer.text.startswith("Lena Strand. [1] Fed Chair Lena Strand said"), answer.text
    assert_verbatim(assistant, answer)


# Two coaches: the beaten side's, quoted at length on the winners, and the winners' own
TWO_COACHES = {
    "derby.txt": (
        {"title": "Rovers edge the derby", "source": "Coast Courier", "published": "2024-05-12"},
        "Fjord Rovers beat Lakeside 2-1 on Sunday. Lakeside coach Per Olsen said Fjord Rovers deserved the win, "
        "and Per Olsen praised the young players Fjord Rovers had brought through.",
    ),
    "squad.txt": (
        {"title": "Rovers rest three", "source": "Coast Courier", "published": "2024-05-14"},
        "Halvard Moe, the Fjord Rovers coach since 2019, rested three players for the cup tie.",
    ),
}


def test_who_coaches_a_team_asks_who_its_coach_is(tmp_path: Path, local_embedder: BaseEmbedding) -> None:
    assistant = assistant_over(tmp_path / "articles", TWO_COACHES, local_embedder)
    answer = assistant.ask("Who coaches Fjord Rovers?")
    assert answer.text.startswith("Halvard Moe."), answer.text
    assert_verbatim(assistant, answer)
    assert asked_role("Who coaches the Kansas City Chiefs?") == ("coach", "the Kansas City Chiefs")
    assert asked_role("Who coaches Fjord Rovers in the cup?") is None  # more than whose the role is
    assert asked_role("Who leads OpenAI?") is None  # a leader may be written a chief executive
    # "now", a board, or a later half after it ("Who chairs the Hipgnosis Songs Fund board now, and which ...")
    chairs = asked_role("Who chairs the Fjord Ferry Fund board now, and who joined it?")
    assert chairs == ("chair", "the Fjord Ferry Fund")
    assert asked_role("Who heads Kelby Port?") is None  # a head may be written a chief executive, a director


def test_an_entity_answer_goes_on_with_the_article_its_name_is_cited_from(two_chiefs: Assistant) -> None:
    # the sentence closest to the question is another article's, which names no one: it comes after
    answer = two_chiefs.ask("Who is the CEO of Fjellbotics?")
    assert answer.text.startswith("Omar Haddad. [1] Nordlys Robotics approached Omar Haddad"), answer.text
    assert "investors asked" in answer.text
    assert_verbatim(two_chiefs, answer)


# One outlet's stories: a clause of the question below is told by the trial report in none of its words
COURIER_TRIAL = {
    "lisbon.txt": (
        {"title": "Dorn Capital opens Lisbon office", "source": "Valley Courier", "published": "2024-03-02"},
        "Dorn Capital, the investment firm run by fund manager Elias Dorn, opened a second office in Lisbon on "
        "Friday. The firm said twenty analysts would work there by the summer.",
    ),
    "trial.txt": (
        {"title": "Dorn trial begins", "source": "Valley Courier", "published": "2024-05-14"},
        "The trial of Elias Dorn began on Monday in the county court. Prosecutors said Dorn cheated retired "
        "teachers of the money they had put aside for old age. His lawyers told the jury he had acted in good faith.",
    ),
    "choir.txt": (
        {"title": "Choir concert", "source": "Valley Courier", "published": "2024-04-01"},
        "The town choir sang at the hall on Sunday before a crowd of three hundred. "
        "Singers from three villages joined the choir this year.",
    ),
    "garden.txt": (
        {"title": "Garden prize", "source": "Valley Courier", "published": "2024-04-11"},
        "The allotment society won the garden prize for the second year, the judges said. "
        "Members planted roses and built a new greenhouse.",
    ),
    "bus.txt": (
        {"title": "Bus timetable", "source": "Valley Courier", "published": "2024-04-20"},
        "The number 12 bus will run every twenty minutes from May. "
        "The council said the new timetable follows a survey of riders.",
    ),
}


def test_a_clause_written_in_other_words_than_its_article_is_searched_by_its_meaning(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    # "swindled pensioners out of their savings": the trial report says "cheated retired teachers of
    # the money they had put aside for old age"; the words of the clause find nothing
    assistant = assistant_over(tmp_path / "articles", COURIER_TRIAL, local_embedder)
    question = (
        "Which fund manager, according to the Valley Courier, opened a second office in Lisbon "
        "and is accused of having swindled pensioners out of their savings?"
    )
    answer = assistant.ask(question, options=AskOptions(top_k=1))
    titles = {r.doc_id: r.title for r in assistant.articles()}
    found = [titles[p.doc_id] for p in answer.passages]
    assert found[0] == "Dorn Capital opens Lisbon office"
    assert "Dorn trial begins" in found  # the answer step may cite it
    assert answer.text.startswith("Elias Dorn.")


def test_a_hedged_count_asks_a_figure_as_any_count_does(tmp_path: Path, local_embedder: BaseEmbedding) -> None:
    assistant = assistant_over(tmp_path / "articles", COURIER_TRIAL, local_embedder)
    answer = assistant.ask("Roughly how many analysts will work at Dorn Capital's Lisbon office?")
    assert "twenty analysts" in answer.text
    # the trial report tells of the teachers, and of no number of them
    answer = assistant.ask("Exactly how many retired teachers did Elias Dorn cheat?")
    assert answer.abstained, answer.text
    assert answer.text == "The articles found give no figure that answers this question."


FERRY_SALE = {
    "sale.txt": (
        {"title": "Quayside to buy ferry arm", "source": "Valley Courier", "published": "2024-06-02"},
        "Quayside Holdings, which manages $30 billion in funds, agreed to acquire the harbour board's ferry business "
        "on Monday. The board said no jobs would go.",
    ),
    "site.txt": (
        {"title": "Quay site sold", "source": "Valley Courier", "published": "2024-06-05"},
        "Brannock Marine paid $12 million for the old quay site, the council said. Work starts in the autumn.",
    ),
}


def test_how_much_is_paid_for_something_is_a_sum_beside_what_is_bought(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    assistant = assistant_over(tmp_path / "articles", FERRY_SALE, local_embedder)
    answer = assistant.ask("How much did Brannock Marine pay for the old quay site?")
    assert "$12 million" in answer.text
    # the $30 billion are the funds Quayside manages, not what it pays for the ferry business
    answer = assistant.ask("How much is Quayside Holdings paying to acquire the harbour board's ferry business?")
    assert answer.abstained, answer.text
    assert answer.text == "The articles found give no figure that answers this question."


REGATTA_RIGHTS = {
    "rights.txt": (
        {"title": "Regatta league sells its TV rights", "source": "Valley Courier", "published": "2024-05-03"},
        "The regatta league sold its television rights for six years. Channel Nine takes a share of the $90 "
        "million deal, alongside two streaming services, the league said. Each season opens in May.",
    ),
    "club.txt": (
        {"title": "Fenwick wants Kestrel stake", "source": "Valley Courier", "published": "2024-05-09"},
        "Mara Fenwick wants a 30 per cent stake in Kestrel Rowing Club, the club confirmed. Her £40 million offer "
        "for the stake goes to the club's board on Friday.",
    ),
}


def test_a_figure_the_question_gives_itself_does_not_answer_how_much(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    assistant = assistant_over(tmp_path / "articles", REGATTA_RIGHTS, local_embedder)
    # the $90 million is the whole deal, which the question states: what Channel Nine pays is told nowhere
    answer = assistant.ask("How much is Channel Nine paying for its share of the league's $90 million television deal?")
    assert answer.abstained, answer.text
    assert answer.text == NO_FIGURE
    # an offer is a sum: the stake's "30 per cent", which the question gives, is no answer
    answer = assistant.ask("How much is Mara Fenwick offering for a 30% stake in Kestrel Rowing Club?")
    assert "£40 million" in answer.text, answer.text


def test_the_clauses_of_a_question_naming_its_outlet_are_searched_in_that_outlet_only(newsroom: Assistant) -> None:
    # The second clause's words are those of a Quayside Wire article; the question asks the Gazette.
    answer = newsroom.ask(
        "According to the Harbour Gazette, who said the new terminal would handle twelve sailings a day, "
        "and which firm did the port authority award the channel dredging contract to?",
        options=AskOptions(top_k=2),
    )
    assert not answer.abstained
    assert sources_cited(newsroom, answer) == {"The Harbour Gazette"}
    assert not any("Brannock" in c.quote for c in answer.citations)


TIDE_GATES = {
    "gates.txt": (
        {"title": "Council on the tide gates", "source": "Harbour Gazette", "published": "2024-06-03"},
        "The council met on Monday to settle the future of the harbour.\n\n"
        "Tide gates: what the council decided\n\n"
        "The council voted to replace the rusting tide gates with steel ones by next spring. "
        "Residents had complained about flooding on the quay for years.",
    ),
}


def test_a_heading_holding_the_questions_words_does_not_answer_before_the_sentence_that_does(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    assistant = assistant_over(tmp_path / "articles", TIDE_GATES, local_embedder)
    answer = assistant.ask("What did the council decide about the tide gates?")
    assert answer.citations[0].quote.startswith("The council voted to replace the rusting tide gates"), answer.text
    assert_verbatim(assistant, answer)


def test_who_wrote_an_article_is_answered_from_its_byline(newsroom: Assistant, tmp_path: Path) -> None:
    answer = newsroom.ask("Who wrote the article about the dredging contract?")
    assert answer.text.startswith("Tomas Ferreira wrote “Dredging contract awarded”. [1]"), answer.text
    assert {c.doc_id for c in answer.citations} == {
        r.doc_id for r in newsroom.articles() if r.title == "Dredging contract awarded"
    }
    # the article that answers names no author: said so, not another name from its text
    unsigned = assistant_over(tmp_path / "articles", TIDE_GATES, newsroom.embedder)
    answer = unsigned.ask("Which reporter wrote about the tide gates?")
    assert answer.abstained
    assert answer.text == "The article that answers best, “Council on the tide gates”, names no author."


CROSSING = {
    "crew.txt": (
        {"title": "Ferry crew ready", "source": "Fjord Post", "published": "2024-01-10"},
        "“We sail at dawn,” said Maren Kolstad, the ferry's captain, before the crossing. "
        "The crew of six had loaded the cars by midnight.",
    ),
    "storm.txt": (
        {"title": "Ferry docks after storm", "source": "Fjord Post", "published": "2024-01-11"},
        "Kolstad steered the ferry through the storm and docked at Vardal after nine hours at sea. "
        "Passengers applauded when the ramp came down.",
    ),
}


def test_a_person_the_evidence_names_by_surname_is_answered_with_their_full_name(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    """The one passage read writes "Kolstad"; the article that quotes her writes her first name."""
    assistant = assistant_over(tmp_path / "articles", CROSSING, local_embedder)
    answer = assistant.ask("Who steered the ferry through the storm to Vardal?", options=AskOptions(top_k=1))
    assert answer.text.startswith("Maren Kolstad. [1]"), answer.text
    assert {c.doc_id for c in answer.citations} == {r.doc_id for r in assistant.articles() if r.title.endswith("storm")}


def test_a_quotation_left_open_is_cited_on_to_its_end(clinic: Assistant) -> None:
    answer = clinic.ask("What did staying in the valley cost Doctor Varga?")
    # the sentence holding the question's words opens her statement; what it cost her is in the next
    assert any(c.quote.startswith("She told the Herald") for c in answer.citations)
    assert "I turned down a post at the city hospital" in answer.text
    assert_verbatim(clinic, answer)


def test_which_party_is_answered_only_by_a_name_written_as_a_party(election: Assistant) -> None:
    assert election.ask("Which party won the Lakeside council election?").text.startswith("Harbour Party")
    # called a party beside its name, not in it
    assert election.ask("Which junior coalition party lost seats in Lakeside?").text.startswith("Nordvik")
    # the Wire's report names a council and no party
    declined = election.ask("According to the Valley Wire, which party will win the Millbrook mayoral election?")
    assert declined.abstained and declined.text == "The articles found name no party that answers this question."


def test_a_sentence_inside_a_quotation_is_cited_on_to_its_end(clinic: Assistant) -> None:
    answer = clinic.ask("When will the council fund a dentist for the valley?")
    # the sentence stands in the middle of the mayor's statement; the statement goes on in the next
    assert any(c.quote.startswith("The council will fund a dentist") for c in answer.citations)
    assert any(c.quote.startswith("With it, we expect the waiting list") for c in answer.citations)
    assert_verbatim(clinic, answer)


def test_who_developed_is_answered_by_a_studio_as_well_as_a_person(games: Assistant) -> None:
    answer = games.ask("Who developed Starfall Tactics?")
    assert answer.text.startswith("Brightmoor Studios")
    # the sentence answering the question's second half best names a platform; the developer is the
    # name written beside the verb
    answer = games.ask("Who developed Starfall Tactics and when does it come out on PC?")
    assert answer.text.startswith("Brightmoor Studios") and "March 3" in answer.text
    # who reviewed it is a person
    critic = games.ask("Who called the Starfall Tactics campaign long but rewarding?")
    assert "Lena Ortiz" in critic.text.split(".")[0]


def test_why_something_happened_is_answered_with_the_sentence_telling_why(clinic: Assistant) -> None:
    # the question's words are all in the sentence telling what happened; the next one tells why
    answer = clinic.ask("Why did the Millbrook library shut its old reading room before the new building was ready?")
    quotes = [c.quote for c in answer.citations]
    assert any(q.startswith("The Millbrook library shut") for q in quotes)
    assert "The trustees feared the roof would give way under the snow." in quotes
    assert_verbatim(clinic, answer)
    # asked what happened, not why, the answer does not go on to the reason
    plain = clinic.ask("When did the Millbrook library shut its old reading room?")
    assert not any("trustees" in c.quote for c in plain.citations)


def test_a_name_written_after_the_is_no_person(games: Assistant) -> None:
    # "the Tarvik Jays" looks like a person's name and is written beside the question's words; it is a team
    answer = games.ask("Who reported that Morita has an affinity for the lake towns?")
    assert not answer.abstained
    assert not answer.text.startswith("Tarvik Jays")
    assert_verbatim(games, answer)


def test_a_player_asked_for_by_position_is_a_person_named_without_the_position(games: Assistant) -> None:
    # "pitcher" asks for a person; "the Tarvik Jays" is a team; the role word is no part of the name
    answer = games.ask("Which pitcher signed with the Lakeside Osprey?")
    assert answer.text.startswith("Kenji Morita.")
    assert_verbatim(games, answer)


def test_which_writer_wrote_a_claim_is_the_person_the_unsigned_article_says_wrote_it(games: Assistant) -> None:
    for question in (
        "Which columnist wrote that Morita will be the best signing of the winter?",
        "Which reporter wrote that Morita will be the best signing of the winter?",
    ):
        answer = games.ask(question)
        assert answer.text.startswith("Ilse Marwood."), question
        assert_verbatim(games, answer)
    # asked who wrote the article, the answer is its byline, and it has none
    assert games.ask("Who wrote the article about Morita signing with the Osprey?").text.endswith("names no author.")


def test_in_which_city_is_answered_by_the_name_written_after_in_beside_the_questions_words(election: Assistant) -> None:
    # Norway and Sweden stand in the sentence that matches best; the city is the name "in" introduces
    answer = election.ask("In which city did the ferry summit take place?")
    assert answer.text.startswith("Tromsø.")
    assert_verbatim(election, answer)
    # asked from where, the name "from" introduces beside the question's words
    assert election.ask("From which country did delegates praise the talks?").text.startswith("Iceland.")


def test_a_size_or_an_age_asked_for_is_answered_only_by_a_figure(docks: Assistant) -> None:
    declined = docks.ask("How big is the port staff?")  # "a larger port staff" gives no size
    assert declined.abstained and "no figure" in declined.text
    answered = docks.ask("How big is the fare rise?")
    assert not answered.abstained and "a tenth" in answered.text


def test_when_something_happened_is_answered_only_by_a_sentence_that_says_when(docks: Assistant) -> None:
    assert "last spring" in docks.ask("When did the board buy the two tugboats?").text
    assert "in March" in docks.ask("When did Elin Berg visit the ferry terminal?").text
    declined = docks.ask("When did Captain Ole Brekke start running the night ferry?")
    assert declined.abstained and declined.text == "The articles found do not say when."
    # a length of time says when something is expected; "may" and "Mar-a-Lago" say nothing of when
    assert WRITES_WHEN.search("I can see these coming about in the five- to 10-year time frame")
    assert not WRITES_WHEN.search("Talks may resume at Mar-a-Lago, the annual hearing heard")


def test_a_contracted_question_word_asks_as_written_out(docks: Assistant) -> None:
    assert "Anna Dahl" in docks.ask("What's the name of the harbour board's chair?").text
    declined = docks.ask("What's the name of the new ferry timetable?")
    assert declined.abstained and "no name" in declined.text


def test_a_name_from_a_sentence_far_weaker_than_the_best_does_not_open_the_answer(docks: Assistant) -> None:
    # the best sentence says "Fishing crews" and names no one; the chair is named elsewhere
    answer = docks.ask("Who asked the board to dredge the inner basin?")
    assert answer.text.startswith("Fishing crews asked the board")
    assert "Anna Dahl" not in answer.text


def test_the_name_of_a_person_is_answered_only_by_a_persons_name(clinic: Assistant) -> None:
    # the insurer is named beside the woman who sued; she is never named
    declined = clinic.ask("What is the name of the Millbrook woman who sued Quayside Lines?")
    assert declined.abstained and "no name" in declined.text
    assert not clinic.ask("Who sued Quayside Lines?").text.startswith("Norlake Insurance")


def test_each_half_of_a_compound_question_is_answered(clinic: Assistant) -> None:
    # the grant's sentence answers the first half and matches the second best; the recipients answer it
    answer = clinic.ask("How much is the council's rural clinic grant worth and which towns get it first?")
    quotes = [c.quote for c in answer.citations]
    assert any("two million euros" in q for q in quotes)
    assert "Among the first recipients will be Tarvik, Osby and Lunde." in quotes
    assert_verbatim(clinic, answer)


def test_a_fraction_is_a_figure(docks: Assistant) -> None:
    answer = docks.ask("How much will ferry fares rise, and who runs the night ferry?")
    assert not answer.abstained and "rise by a tenth" in answer.text


def test_a_measure_asked_for_is_answered_only_by_a_figure_of_it(weekend: Assistant) -> None:
    # the sentence naming the attendance gives no count of it; the crowd's sentence does
    crowd = weekend.ask("What was the attendance at Bramley Park for the Rovers derby?")
    assert not crowd.abstained and "18,400" in crowd.text
    # "how many people attended" asks the attendance too
    assert "A crowd of 18,400" in weekend.ask("How many people attended the Rovers derby at Bramley Park?").text
    # a score: "drew 2-2"; no sentence gives the cup tie's
    assert "2-2" in weekend.ask("What was the final score when Rovers played Kessel Town?").text
    assert weekend.ask("What was the final score when Kessel Town lost to Norfield in the cup?").abstained
    # a price is a sum of money: a share of ticket sales is none
    price = weekend.ask("What is the price of a season ticket in the north stand?")
    assert not price.abstained and "340 euros" in price.text
    assert weekend.ask("What is the price of a ticket for the Kessel cup tie?").abstained
    # "what does X cost" asks a price as well
    assert "340 euros" in weekend.ask("What does a season ticket in the north stand cost?").text
    assert weekend.ask("What does a ticket for the Kessel cup tie cost?").abstained
    # "in euros" asks for a sum, which a count of seats is not
    assert weekend.ask("What is the north stand's capacity in euros?").abstained


def test_what_someone_made_of_an_event_is_their_words_though_they_repeat_none_of_the_questions(
    weekend: Assistant,
) -> None:
    answer = weekend.ask("What did Ida Holm make of Saturday's 2-2 draw with Kessel?")
    quotes = [c.quote for c in answer.citations]
    # her judgement, and the quotation that goes on from it; nobody else's sentence on the draw
    assert quotes[0] == "Rovers manager Ida Holm said the result was a fair reflection of the afternoon."
    assert any(q.startswith("\u201cWe gave away two soft goals") for q in quotes)
    assert not any("Berg" in q or "crowd" in q for q in quotes)
    assert_verbatim(weekend, answer)


def test_a_later_half_naming_nothing_of_its_own_is_answered_from_the_first_halfs_article(
    weekend: Assistant,
) -> None:
    # "which club did she join" is about Anna Berg, whom the first half names: the cup report on joining
    # players does not answer it
    answer = weekend.ask("How many goals did Anna Berg score against Rovers, and which club did she join?")
    quotes = [c.quote for c in answer.citations]
    assert not answer.abstained, answer.text
    assert "Kessel striker Anna Berg scored both of the visitors' goals." in quotes
    assert "Berg joined Kessel from Norfield last winter." in quotes
    assert not any("January window" in q for q in quotes)


def test_a_yes_or_no_half_is_answered_too(weekend: Assistant) -> None:
    answer = weekend.ask("Who designed the north stand's roof, and does it keep the rain off every seat?")
    assert "Lena Voss" in answer.text and "6,000 seats" in answer.text


def test_a_figure_is_of_what_the_question_names_when_its_article_names_it(weekend: Assistant) -> None:
    # the lead author is named two paragraphs before the figures, in another passage
    answer = weekend.ask("In Maja Ekholm's sleep study, how many volunteers were followed?")
    assert not answer.abstained and "61,000" in answer.text
    # "Matter-compatible" names the lamp the article calls "Matter-ready"
    lamp = weekend.ask("How much is Lumo's Matter-compatible desk lamp selling for?")
    assert not lamp.abstained and "$39.99" in lamp.text
    assert_verbatim(weekend, answer)


def test_when_something_happened_is_answered_only_by_a_sentence_naming_what_the_question_names(
    weekend: Assistant,
) -> None:
    # the stand opened "on Friday", and Lena Voss designed its roof: neither says when she joined
    answer = weekend.ask("When did Lena Voss join the Bramley Park project?")
    assert answer.abstained and answer.text == "The articles found do not say when."
    assert "last winter" in weekend.ask("When did Anna Berg join Kessel?").text


def test_who_did_something_no_sentence_tells_is_declined(weekend: Assistant) -> None:
    # the ticket sales rose; no sentence tells who sold them, and the names found are far from the question
    answer = weekend.ask("Who sold the most season tickets in August?")
    assert answer.abstained and answer.text == "The articles found name no one who answers this question."


def test_what_someone_told_an_outlet_is_found_in_any_outlets_report_of_it(weekend: Assistant) -> None:
    # the Tribune reports what Maas told the Courier: the Courier is whom he told, not where to look
    answer = weekend.ask("What did Piet Maas tell the Harlow Courier about signing a striker?")
    assert not answer.abstained
    assert answer.citations[0].quote.startswith("Kessel coach Piet Maas told the Harlow Courier")


def test_a_question_typed_in_lower_case_names_what_the_corpus_writes_as_names(weekend: Assistant) -> None:
    # "lena voss" and "bramley park" are names the answer must write, though typed without capitals
    answer = weekend.ask("when did lena voss join the bramley park project?")
    assert answer.abstained and answer.text == "The articles found do not say when."


def test_whether_someone_thinks_something_is_answered_by_their_whole_statement(weekend: Assistant) -> None:
    answer = weekend.ask("Does Ida Holm think the derby result was fair?")
    quotes = [c.quote for c in answer.citations]
    assert quotes[0] == "Rovers manager Ida Holm said the result was a fair reflection of the afternoon."
    assert any(q.startswith("\u201cWe gave away two soft goals") for q in quotes)
    assert not any("Berg" in q or "crowd" in q for q in quotes)
    # nothing Maas said holds the question's words: what the articles report of the squad answers
    assert "thin the squad was" in weekend.ask("Does Piet Maas think the Kessel squad is deep enough?").text


def test_an_age_asked_for_is_answered_only_by_an_age(weekend: Assistant) -> None:
    assert "Karin Lund, 97," in weekend.ask("How old is Karin Lund?").text
    # 61,000 volunteers is a count of them, not their age
    assert weekend.ask("How old were the volunteers followed across Sweden?").abstained


def test_how_many_times_something_happened_is_answered_by_a_count_of_it_passages_away(gameday: Assistant) -> None:
    answer = gameday.ask("How many times was Tomas Reyes sacked in the Hawks' 24-10 loss to Orvin?")
    assert not answer.abstained
    # the score and the yards are figures, but no count of sacks
    assert "He was sacked five times, a season high for the Bears' defence." in [c.quote for c in answer.citations]
    assert_verbatim(gameday, answer)
    # a count of something else the report gives is no count of sacks
    assert gameday.ask("How many times was Leo Falk tackled for a loss?").abstained
    # nor is a number elsewhere in a sentence that names what is counted ("40 clinics" in "Some dogs have died ...")
    assert gameday.ask("How many dogs have died from the illness in Harlow?").abstained


def test_how_long_something_lasted_is_found_where_the_article_tells_it(gameday: Assistant) -> None:
    answer = gameday.ask(
        "According to the Harlow Post's review, how long did the Lumo Trail's battery last on its brightest setting?"
    )
    assert not answer.abstained
    assert "It lasted three hours and 40 minutes before dying." in [c.quote for c in answer.citations]
    assert_verbatim(gameday, answer)


def test_what_someone_said_in_straight_quotes_on_the_game_asked_about_is_their_answer(gameday: Assistant) -> None:
    answer = gameday.ask("What did Ivan Petrov say about Ivo Stam's part in Kessel's 3-3 draw with Norfield?")
    assert not answer.abstained  # his words hold few of the question's, in the report on that game
    quotes = [c.quote for c in answer.citations]
    assert quotes[0].startswith("Kessel legend Ivan Petrov insists Stam")
    assert '"Without those two mistakes, I think Kessel go on to win 4-1."' in quotes
    assert_verbatim(gameday, answer)


def test_what_someone_said_in_the_report_on_the_game_is_theirs_though_few_of_the_words_are(gameday: Assistant) -> None:
    """The question's words are the report's ("Kessel", "cup", "Norfield"), his are his own ("the blame for the Kessel
    collapse"): in the article the question finds first, a statement of his holding a tenth of them is on it."""
    answer = gameday.ask(
        "What did Ivan Petrov say about the goalkeeping in the Kessel cup tie with Norfield this autumn?"
    )
    assert not answer.abstained, answer.text
    assert answer.citations[0].quote.startswith("Kessel legend Ivan Petrov insists Stam")
    assert_verbatim(gameday, answer)


def test_a_later_half_asking_for_a_score_is_answered_by_a_sentence_that_gives_one(match_report: Assistant) -> None:
    # "... and what was the final score?": the sentence holding its words ("The final whistle ... scores of fans")
    # gives no score; the one that does ("Kessel won 2-1") answers the half
    answer = match_report.ask(
        "Who scored the winning goal for Kessel United against Orvin Rovers, and what was the final score?"
    )
    assert answer.text.startswith("Mia Lund.")
    assert "2-1" in answer.text
    assert_verbatim(match_report, answer)


def test_a_price_asked_for_is_the_price_of_what_the_question_names(match_report: Assistant) -> None:
    # "renew" and "cost" are in the sentence on season tickets: its sum is no price of a club membership
    answer = match_report.ask("How much does it cost to renew a club membership?")
    assert answer.abstained and "figure" in answer.text
    declined = match_report.ask("How much is a club membership?")
    assert declined.abstained and "figure" in declined.text
    answer = match_report.ask("How much does it cost to renew a season ticket?")
    assert not answer.abstained and "$310" in answer.text
    assert_verbatim(match_report, answer)


def test_who_did_it_when_the_sentence_telling_it_opens_with_she(materials: Assistant) -> None:
    # "She made the world's first Quaylite" answers best; "she" is Halvorsen, named in the sentence before
    answer = materials.ask("Who made the very first Quaylite?")
    assert answer.text.startswith("Ingrid Halvorsen.")
    assert "She made the world's first Quaylite" in answer.text
    assert_verbatim(materials, answer)


def test_how_many_there_are_is_not_answered_by_some_of_them_pointed_back_at(routes: Assistant) -> None:
    # "these three ferry routes" are the ones the office recommends: how many there are is "14 routes"
    answer = routes.ask("How many ferry routes does Quayside Ferries run?")
    assert "14" in answer.text
    assert_verbatim(routes, answer)


def test_a_sum_asked_for_by_what_it_is_must_be_written_as_one_of_the_startup_asked_about(funding: Assistant) -> None:
    # "Harbour Lane School" is a name though its words are common ones: another startup's valuation, and the
    # school's own round, which is no valuation, do not answer
    declined = funding.ask("What valuation did Harbour Lane School get in its funding round?")
    assert declined.abstained and "figure" in declined.text
    answer = funding.ask("What valuation did Kessel Robotics get in its latest round?")
    assert not answer.abstained and "$1.2 billion" in answer.text
    assert_verbatim(funding, answer)
    # "the league's salary cap" names a salary and gives none
    declined = funding.ask("What is Tomas Reyes's salary for the 2024 season?")
    assert declined.abstained and "figure" in declined.text
    # a figure asked after a preposition ("By what percentage ...") is a figure asked for
    declined = funding.ask("By what percentage did Harbour Lane School grow its tutors last year?")
    assert declined.abstained


def test_a_price_is_of_what_the_question_names_by_any_of_its_words(materials: Assistant) -> None:
    # "a gram of Quaylite powder": the sum is written beside "Quaylite", never beside "powder"
    answer = materials.ask("How much does a gram of Quaylite powder cost?")
    assert not answer.abstained and "$900" in answer.text
    assert_verbatim(materials, answer)


def test_a_later_half_the_articles_do_not_answer_is_said_to_be_unanswered_and_the_first_half_answered(
    festival: Assistant,
) -> None:
    # "..., and how much were the tickets?": no sum anywhere; who headlined is told all the same
    answer = festival.ask("Who headlined the Orvin harbour festival, and how much were the tickets?")
    assert not answer.abstained
    assert answer.text.startswith("Lena Marsh")
    assert answer.text.endswith("The articles found do not answer “how much were the tickets”.")
    assert answer.sentences[-1].citations == []  # the note cites nothing
    assert_verbatim(festival, answer)
    dashed = festival.ask("Who headlined the Orvin harbour festival - how much were the tickets?")
    assert dashed.text.startswith("Lena Marsh") and dashed.text.endswith("“how much were the tickets”.")
    both = festival.ask("Who headlined the Orvin harbour festival, and when did it open?")
    assert both.text.startswith("Lena Marsh") and "do not answer “when did it open”" in both.text


def test_a_figure_asked_for_after_an_introduction_is_checked_as_one_asked_for_at_the_start(festival: Assistant) -> None:
    # "The Orvin harbour festival: how many people came?" asks a figure, as "How many people came ..." does
    answer = festival.ask("The Orvin harbour festival: how many people came?")
    direct = festival.ask("How many people came to the Orvin harbour festival?")
    assert answer.abstained and answer.text == direct.text  # declined alike, for the same reason


def test_a_short_question_about_a_thing_the_corpus_never_writes_is_declined_naming_it(festival: Assistant) -> None:
    # "mackerel" is what the question is about: "Stalls along the harbour sold smoked fish" shares "smoked", and is no
    # answer
    for question, thing in [("How is smoked mackerel cured?", "mackerel"), ("How do you prune a bonsai?", "bonsai")]:
        answer = festival.ask(question)
        assert answer.abstained and not answer.citations
        assert f"does not mention “{thing}”" in answer.text
    # a word the question is about nearly as much without, a misspelt one, or one whose question the passages
    # hold otherwise word for word, is no reason to decline: the festival report answers these
    for question in [
        "Who headlined the harbour shindig?",  # "shindig": the rest, "headlined" and "harbour", is held together
        "Who headlined the Orvin harbour festivl?",
        "Which singer headlined the Orvin harbour festival, playing to a packed quay under the old lighthouse?",
    ]:
        answer = festival.ask(question)
        assert not answer.abstained, question
        assert "Lena Marsh" in answer.text, question
        assert "does not mention" not in answer.text


def test_someone_the_question_describes_is_answered_by_their_words(quota_talks: Assistant) -> None:
    # "the University of Tromso expert" is Lund, introduced so: his statement answers, the other expert's does not
    answer = quota_talks.ask("Why does the University of Tromso expert think the quotas will not hold?")
    assert "“The fleet has outgrown the surveys" in answer.text
    assert "Kari Moe" not in answer.text
    assert_verbatim(quota_talks, answer)
    answer = quota_talks.ask("What did the fisheries policy expert say about the quotas?")
    assert answer.text.startswith("Kari Moe, one of the leading experts") and "Lund" not in answer.text


def test_a_later_half_naming_nothing_of_its_own_is_not_answered_from_another_story(aid: Assistant) -> None:
    # "which countries get it first" holds every word of the levy story's sentence, which is of another story
    answer = aid.ask("How much is the coastal aid programme worth, and which countries get it first?")
    assert "$5 billion" in answer.text
    assert "Norway" not in answer.text
    assert_verbatim(aid, answer)


def test_a_later_half_is_answered_by_a_sentence_its_own_words_find(terminal: Assistant) -> None:
    # "how much did it cost": the sentences nearest who opened it give no sum; the half's own words find the
    # terminal's cost, and the answer says nothing is unanswered
    answer = terminal.ask("Who opened the Skarvik bus terminal, and how much did it cost?")
    assert answer.text.split(" [1]")[0].endswith("Aud Rime.")
    assert "$18 million" in answer.text and "do not answer" not in answer.text
    assert_verbatim(terminal, answer)
    # the bays are counted, never priced: the terminal's cost is no answer for them
    bays = terminal.ask("Who opened the Skarvik bus terminal, and how much did the new charging bays cost?")
    assert bays.text.split(" [1]")[0].endswith("Aud Rime.") and "$18 million" not in bays.text
    assert bays.text.endswith("The articles found do not answer “how much did the new charging bays cost”.")


def test_a_price_asked_of_a_thing_somewhere_is_the_things_not_the_places(terminal: Assistant) -> None:
    # "the new charging bays at the Skarvik terminal": bays, whose price no article gives; "Four" counts them
    declined = terminal.ask("How much did the new charging bays at the Skarvik terminal cost?")
    assert declined.abstained and "no figure" in declined.text
    answer = terminal.ask("How much did the Skarvik bus terminal cost?")
    assert not answer.abstained and "$18 million" in answer.text


def test_a_sentence_going_on_from_a_passage_found_across_its_edge_is_read(harbour_year: Assistant) -> None:
    # two passages asked for: the director's words end the first; her example opens the next, which the search
    # does not find: it joins as the chunk beside the best passage, and the example is cited
    options = AskOptions(top_k=2)
    question = "What example did Ada Lin give of the terminal's worth?"
    passages = harbour_year.retrieve(question, options).passages
    example = next(p for p in passages if "As an example" in p.text)
    assert example.beside and example.ranks == {"beside": 1}
    answer = harbour_year.ask(question, options=options)
    # (whether a sentence before the director's words is cited too turns on scores within rounding of each other:
    # one more cited in earlier installs, none with the packages PyPI gave on 2026-12-06)
    assert re.search(
        r"proven its worth to the town\. \[\d\] As an example, she cited the January night", answer.text
    ), answer.text
    assert_verbatim(harbour_year, answer)
    # only where a speaker speaks: the chunk beside may be another's words
    theirs = harbour_year.retrieve(question, AskOptions(top_k=2, filters=Filters(speakers=("Ada Lin",))))
    assert not any(p.beside for p in theirs.passages)


def test_a_time_is_read_under_the_heading_naming_what_the_question_asks_about(ferry_guide: Assistant) -> None:
    # "The full timetable starts in early March" stands under the heading "Nordlys Star" and never writes the name
    for question in (
        "When does the full Nordlys Star timetable start?",
        "when does the full nordlys star timetable start",
    ):
        answer = ferry_guide.ask(question)
        assert not answer.abstained and "early March" in answer.text
        assert "November 3" not in answer.text, "the date under another boat's heading"
        assert_verbatim(ferry_guide, answer)
    # under the Tern Runner's heading no sentence says when: none under another's answers for it
    assert ferry_guide.ask("When does the Tern Runner winter timetable begin?").text == NO_WHEN


def test_a_profit_asked_for_is_answered_by_a_sum_written_as_one(bank_results: Assistant) -> None:
    answer = bank_results.ask("What was Norby Bank's full-year cash profit?")
    assert not answer.abstained and "$2.1 billion" in answer.text
    # a dividend and a share price are no profit
    declined = bank_results.ask("What was Kelby Bank's full-year cash profit?")
    assert declined.abstained and declined.text == NO_FIGURE


def test_a_battery_life_asked_for_is_answered_by_a_length_of_time(bank_results: Assistant) -> None:
    answer = bank_results.ask("What's the battery life of the Kelby X2?")
    assert not answer.abstained and "180 minutes" in answer.text
    # a price is no battery life
    declined = bank_results.ask("What is the battery life of the Norvik Z1 on a single charge?")
    assert declined.abstained and declined.text == NO_FIGURE


def test_the_chunks_beside_keep_to_the_per_article_cap(harbour_year: Assistant) -> None:
    question = "What example did Ada Lin give of the terminal's worth?"
    passages = harbour_year.retrieve(question, AskOptions(top_k=2, per_article=1)).passages
    assert not any(p.beside for p in passages), "the best article has its one passage already"
    assert len({p.doc_id for p in passages}) == len(passages)


def test_an_llm_reads_the_chunk_beside_a_passage_within_its_source_and_cites_it_there(
    harbour_year: Assistant, llm: FakeOpenAI, local_embedder: BaseEmbedding
) -> None:
    # the example opens the chunk after the director's words: the prompt shows it in the same source, right
    # after them, and a reply citing that source for the example is resolved to its sentence there
    generative = generative_assistant(harbour_year.settings, llm, local_embedder)
    options = AskOptions(top_k=2)
    question = "What example did Ada Lin give of the terminal's worth?"
    llm.script("placeholder [1].")
    generative.ask(question, options=options)
    user = llm.chat_requests[-1]["messages"][1]["content"]
    first = user.split("\n\n[2] ")[0]
    assert "proven its worth to the town.\nAs an example, she cited the January night" in first
    assert user.count("<source>") == len(generative.retrieve(question, options).found) == 2
    llm.script(
        "Ada Lin said the new terminal had already proven its worth to the town [1]. As an example, she cited "
        "the January night when the terminal took in a storm-damaged trawler and its crew of nine [1]."
    )
    answer = generative.ask(question, options=options)
    assert answer.mode == "generative" and all(s.supported for s in answer.sentences)
    assert [c.quote.split(",")[0] for c in answer.citations] == ["Assessing the year", "As an example"]
    assert_verbatim(harbour_year, answer)


def test_a_percentage_asked_as_what_something_was_needs_a_share_written_as_one(
    match_report: Assistant, weekend: Assistant
) -> None:
    # the derby report gives the score and the minute of the winner, no share of possession
    declined = match_report.ask("What was Kessel United's possession percentage in the derby against Orvin Rovers?")
    assert declined.abstained and "no figure" in declined.text
    # the sleep study writes its share as "23 percent"
    answer = weekend.ask("What was the percentage drop in the risk of dying for those with the most regular bedtimes?")
    assert not answer.abstained and "23 percent" in answer.text
    assert_verbatim(weekend, answer)


def test_what_a_thing_is_worth_is_the_sum_written_after_its_worth(stake: Assistant) -> None:
    # "worth" asks a sum; the stake's is written nine words after "stake", in kronor
    for question in (
        "How much is the Lindqvist family's stake in Harbor Freight Lines worth?",
        "Roughly how much is the Lindqvist family's controlling stake in Harbor Freight Lines worth?",
    ):
        answer = stake.ask(question)
        assert not answer.abstained and "4.2 billion kronor" in answer.text
        assert_verbatim(stake, answer)
    valued = stake.ask("About how much is the whole shipping company valued at?")
    assert not valued.abstained and "9 billion kronor" in valued.text
    # what a thing is worth need not be a sum
    points = stake.ask("How much is a passing touchdown worth in fantasy points?")
    assert not points.abstained and "worth six points" in points.text
    # a figure that is no value ("a three-year deal", "31 goals") tells no worth
    deal = stake.ask("How much is Leo Vance's deal with Harbour City worth?")
    assert deal.abstained and "no figure" in deal.text


def test_an_outlets_article_named_by_its_topic_answers_for_that_outlet(ferry_strike: Assistant) -> None:
    # "the Fjord Gazette's report on the ferry strike" names the Gazette's strike report by the words of its title;
    # the Gazette's budget story writes the question's words ("ferry sailings cancelled during the strike") but is
    # not the report asked about: the strike report's figure answers for the Gazette
    for question in (
        "Do the Fjord Gazette's report on the ferry strike and the Coast Courier's report agree on how many sailings "
        "were cancelled?",
        "What did the Fjord Gazette's story on the ferry strike say about cancelled sailings, and what did the Coast "
        "Courier say?",
    ):
        retrieval = ferry_strike.retrieve(question)
        strike = next(r.doc_id for r in ferry_strike.articles() if r.title.startswith("Ferry strike"))
        assert retrieval.part_titled == [strike, ""]
        answer = ferry_strike.ask(question)
        assert "cancel 42 sailings" in answer.text and "cancelled 40 sailings" in answer.text
        assert_verbatim(ferry_strike, answer)
    # words that name no title of the outlet's articles over another's name none
    plain = ferry_strike.retrieve("Does the Fjord Gazette say more sailings were cancelled than the Coast Courier?")
    assert plain.part_titled == ["", ""]


def test_the_deed_a_who_question_asks_about_is_its_verb() -> None:
    assert asked_deeds("Who won the 2023 Ballon d'Or?") == ["win"]
    assert asked_deeds("Who has been hired to replace Eddie D'Hondt as spotter?") == ["hire"]
    # asked of the one to whom it was done, the deed's doer ("hired by ...") is not who is asked for
    assert asked_deeds("Who has been hired to replace Eddie D'Hondt as spotter?", done_to=False) == []
    assert asked_deeds("Who led the round?", done_to=False) == ["lead"]
    assert asked_deeds("Who runs the port and said the terminal cost $48 million?") == ["run", "say"]
    # no verb after "who", or one whose deed comes after "to": nothing to tie a name to
    assert asked_deeds("Who else was charged?") == []
    assert asked_deeds("Who is expected to replace Per Lund?") == []
    assert asked_deeds("Who is the chief executive?") == []


def test_which_kind_of_name_did_a_deed_asks_who_did_it() -> None:
    assert (
        deed_clause("Which company hired Sam Ortega after he was fired?") == "Who hired Sam Ortega after he was fired?"
    )
    assert asked_deeds(deed_clause("Which player scored the winner?")) == ["score"]
    assert asked_deeds(deed_clause("What company made the chip?")) == ["make"]
    # no deed named: an auxiliary, a verb in the present, or no kind of name before the verb
    for question in ("Which team did Ohtani sign with?", "Which platform offers a bonus?", "Which new rules passed?"):
        assert deed_clause(question) == main_clause(question)


def test_a_name_answers_who_did_a_deed_only_where_a_sentence_ties_it_to_the_deed(deeds: Assistant) -> None:
    # the critic is named in a sentence writing of a winner, not as one: no report says who won this year's prize
    answer = deeds.ask("Who won this year's Harbour Prize?")
    assert answer.abstained and "Maren Solberg" not in answer.text, answer.text
    # asked as "which <kind> did it", likewise
    answer = deeds.ask("Which reporter won this year's Harbour Prize?")
    assert answer.abstained and "Maren Solberg" not in answer.text, answer.text
    assert deeds.ask("Which team won the Fjord Cup final?").text.startswith("Fjord Rovers."), answer.text
    # the name as the one by whom the thing asked about was done, or as the subject of the deed's own verb, answers
    answer = deeds.ask("Who scored the late goal that sealed the Fjord Cup victory?")
    assert answer.text.startswith("Ingrid Vatne"), answer.text
    assert "A late goal by Ingrid Vatne sealed the victory after Lakeside had equalised." in answer.text
    answer = deeds.ask("Who praised the Rovers' patience in the Fjord Cup final?")
    assert answer.text.startswith("Halvard Moe"), answer.text
    # of two deeds joined by "and", either ties the name: the captain spoke of tiring, not of patience
    answer = deeds.ask("Who captains Lakeside and said her team had tired late?")
    assert answer.text.startswith("Oda Lunde"), answer.text


# A terminal's opening: the report nearest the question in words gives no date; a later review does
TERMINAL_OPENING = {
    "opening.txt": (
        {"title": "Skarvik terminal opens to commuters", "source": "Harbour Post", "published": "2021-03-04"},
        "The new Skarvik ferry terminal first opened its doors to crowds of commuters who had waited years for it. "
        "Ferry users praised the bright waiting hall and the new cafe.",
    ),
    "review.txt": (
        {"title": "A year of the Skarvik terminal", "source": "Coast Herald", "published": "2022-03-10"},
        "Passenger numbers at Skarvik rose by a third in the first year. "
        "The Skarvik ferry terminal opened on 3 March 2021, two years later than the council had promised.",
    ),
}


def test_an_answer_to_when_opens_with_the_article_that_gives_the_time(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    assistant = assistant_over(tmp_path / "articles", TERMINAL_OPENING, local_embedder)
    answer = assistant.ask("When did the Skarvik ferry terminal first open?")
    assert answer.text.startswith("The Skarvik ferry terminal opened on 3 March 2021"), answer.text
    assert "crowds of commuters" in answer.text  # the nearest sentence is still told, after
    assert_verbatim(assistant, answer)


COACH_WITH_PARTICLE = {
    "derby.txt": (
        {"title": "Rovers slip again at Kingsmead", "source": "Harbour Post", "published": "2023-10-08"},
        "Rovers lost 2-0 at Kingsmead Park on Saturday, their third defeat in a row. "
        "Pieter van den Broek, the Rovers head coach, said the squad had stopped believing in its own plan. "
        "Supporters at Kingsmead Park booed Pieter van den Broek as he walked to the tunnel.",
    ),
    "board.txt": (
        {"title": "Rovers board backs its coach", "source": "Coast Herald", "published": "2023-10-10"},
        "The Rovers board said on Monday that Pieter van den Broek keeps its full support. "
        "He joined the club from Almere two summers ago.",
    ),
}


def test_who_is_someone_whose_name_has_a_lower_case_particle_asks_about_them(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    # "Who is Erik ten Hag?" was read as asking for someone's name, and answered "Old Trafford."
    assistant = assistant_over(tmp_path / "articles", COACH_WITH_PARTICLE, local_embedder)
    answer = assistant.ask("Who is Pieter van den Broek?")
    assert not answer.abstained, answer.text
    assert "Rovers head coach" in answer.text, answer.text
    assert not answer.text.startswith("Kingsmead Park."), answer.text
    assert_verbatim(assistant, answer)


def test_a_sentence_introduces_someone_by_a_role_beside_their_name() -> None:
    assert introduces("The league suspended coach Tomas Lind for three games.", "Tomas Lind")
    assert introduces("“We keep calm,” says Tomas Lind, head coach of the Rovers.", "Tomas Lind")
    assert introduces("Tomas Lind is a former goalkeeper from Bergen.", "Tomas Lind")
    # writing the name is not saying who it is: an embedded post, a headline's label, another's apposition
    post = "No Tomas Lind on the bus. pic.twitter.com/xYz — Ann Berg (@annberg) May 2, 2023"
    assert not introduces(post, "Tomas Lind")
    assert not introduces("OFFICIAL: Tomas Lind suspended for three games.", "Tomas Lind")
    assert not introduces("Tomas Lind, who arrived in May, said little.", "Tomas Lind")


COACH_ON_THE_BUS = {
    "bus.txt": (
        {"title": "Rovers travel without Lind", "source": "Harbour Post", "published": "2023-11-11"},
        "No Tomas Lind on the Rovers bus. pic.twitter.com/aBc123 — Ann Berg (@annberg) November 11, 2023\n\n"
        "The Rovers left for Kingsmead on Saturday morning without Tomas Lind.",
    ),
    "suspension.txt": (
        {"title": "League suspends Rovers coach", "source": "Coast Herald", "published": "2023-11-10"},
        "The league suspended Rovers head coach Tomas Lind for three games on Friday over the scouting scheme. "
        "His assistant will lead the team at Kingsmead.",
    ),
}


def test_who_is_someone_is_answered_first_by_the_sentence_saying_who_they_are(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    # "Who is Jim Harbaugh?" opened with an embedded post: "No Jim Harbaugh on the bus. pic.twitter.com/..."
    assistant = assistant_over(tmp_path / "articles", COACH_ON_THE_BUS, local_embedder)
    answer = assistant.ask("Who is Tomas Lind?")
    assert answer.text.startswith("The league suspended Rovers head coach Tomas Lind"), answer.text
    assert_verbatim(assistant, answer)


def test_a_social_media_post_embedded_in_an_article_is_told_by_its_link_credit_or_hashtags() -> None:
    assert EMBEDDED_POST.search("No Tomas Lind on the bus. pic.twitter.com/aBc123")
    assert EMBEDDED_POST.search("What a finish! — Harbour Post Sport (@HarbourSport) May 6, 2023")
    assert EMBEDDED_POST.search(
        "- Lind explains his changes for Saturday's final, from Ann Berg in Kingsmead. #Rovers #CupFinal"
    )
    # an address, a handle or a hashtag written in a report's own sentence is none
    assert not EMBEDDED_POST.search("Fans can write to the club at tickets@rovers.example before May 6, 2023.")
    assert not EMBEDDED_POST.search("The club's account (@Rovers) posted the team sheet an hour before kickoff.")
    assert not EMBEDDED_POST.search("The #MeToo movement reached the club's board in 2018.")


def test_an_embedded_post_does_not_answer_where_the_report_itself_does(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    # "Who is Jim Harbaugh?" was answered with "No Jim Harbaugh on the bus. pic.twitter.com/... — Adam Rittenberg
    # (@ESPNRittenberg) November 11, 2023", and "Who won the Rugby World Cup final?" with the name in a post's credit
    assistant = assistant_over(tmp_path / "articles", COACH_ON_THE_BUS, local_embedder)
    answer = assistant.ask("Did Tomas Lind travel on the Rovers bus to Kingsmead?")
    assert "left for Kingsmead on Saturday morning without Tomas Lind" in answer.text, answer.text
    assert "pic.twitter.com" not in answer.text, answer.text
    assert_verbatim(assistant, answer)


FISHING_ACCORD = {
    "accord.txt": (
        {"title": "North Sea fishing accord signed", "source": "Harbour Post", "published": "2023-06-02"},
        "In 2019, the North Sea fishing accord was signed by Norway, Denmark and Iceland, and other coastal states "
        "joined it later. The accord caps the herring catch for ten years.",
    ),
}


def test_which_things_did_a_deed_is_answered_by_all_the_sentence_names_not_the_first(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    # "Which countries joined the Anti-Comintern Pact?" was answered "Japan. [1]" of "... between Japan, Germany and
    # Italy, ..."
    assistant = assistant_over(tmp_path / "articles", FISHING_ACCORD, local_embedder)
    answer = assistant.ask("Which countries signed the North Sea fishing accord?")
    assert answer.text.startswith("In 2019, the North Sea fishing accord was signed by Norway, Denmark and Iceland")
    assert_verbatim(assistant, answer)


def test_when_something_comes_out_is_searched_in_the_words_reports_use_for_it() -> None:
    searched = coming_out_search("When was the Harbour Pass app released?")
    assert "Harbour Pass app" in searched and {"available", "sale", "launch"} <= set(searched.split())
    assert coming_out_search("When does the new ferry come out?")
    # not a question of when, nor one of something coming out
    assert coming_out_search("Why was the Harbour Pass app released early?") == ""
    assert coming_out_search("When did the mayor resign?") == ""


def _pass_review() -> str:
    """A long review of a ferry app: many passages write its name; one, far down, says when it goes on sale."""
    features = [
        "The Harbour Pass app shows every ferry departure from Skarvik with live delays.",
        "Harbour Pass app users can store tickets offline, which helps on the open water.",
        "The Harbour Pass app has a dark mode that the night crews asked for.",
        "Reviewers found the Harbour Pass app quick to open on old phones.",
        "The Harbour Pass app sends a warning when a crossing is cancelled by wind.",
        "Families can share one Harbour Pass app account between four phones.",
        "The Harbour Pass app map marks the quays where wheelchairs can board.",
        "The Harbour Pass app supports six languages, including Polish and Somali.",
    ]
    paragraphs = [" ".join(f"{line} Paragraph {i}, point {j}." for j, line in enumerate(features)) for i in range(14)]
    paragraphs.insert(
        4,
        "The ferry board met on Tuesday to talk about fuel prices, the new quay lights and the winter timetable, "
        "and the fishing crews asked again for a larger night berth at Kessby. The board said the berth would "
        "cost more than the whole lighting plan. Among the smaller items, the Harbour Pass app will go on sale "
        "on March 3rd in the Skarvik region.",
    )
    return "\n\n".join(paragraphs)


def test_when_something_came_out_is_answered_by_a_sentence_saying_it_goes_on_sale(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    # "When was the Steam Deck OLED released?" was declined: the sentences saying it "will go on sale on November
    # 16th" were not found for "released", and ranked below the shortlist when found
    articles = {
        "pass.txt": (
            {"title": "Harbour Pass app review", "source": "Harbour Post", "published": "2023-02-20"},
            _pass_review(),
        )
    }
    assistant = assistant_over(tmp_path / "articles", articles, local_embedder)
    answer = assistant.ask("When was the Harbour Pass app released?")
    assert not answer.abstained, answer.text
    # ... and it opens the answer, before the sentences of its article written above it
    assert answer.text.startswith("Among the smaller items, the Harbour Pass app will go on sale on March 3rd"), (
        answer.text
    )
    assert_verbatim(assistant, answer)


# A summit hosted by a person, held in a city: "Which city hosted it?" asks for the city.
SUMMIT_HOST = {
    "coast_summit.txt": (
        {"title": "Harbour talks close without a deal", "source": "Coast Review", "published": "2024-05-02"},
        "Chair Halvard Moe hosted the harbour summit, where ministers from nine countries argued over fuel taxes. "
        "The harbour summit, held in Bergen this year, ended without a deal on Friday. "
        "Moe said the talks would resume in the autumn.",
    ),
}


def test_a_place_asked_for_is_a_name_written_as_a_place(tmp_path: Path, local_embedder: BaseEmbedding) -> None:
    # the sentence that best matches "hosted the harbour summit" names the chair who hosted it; the city is the
    # name written as a place ("held in Bergen")
    summit = assistant_over(tmp_path / "articles", SUMMIT_HOST, local_embedder)
    answer = summit.ask("Which city hosted the harbour summit?")
    assert answer.text.startswith("Bergen."), answer.text
    assert_verbatim(summit, answer)
    # asked who hosted it, the chair still answers
    assert summit.ask("Who hosted the harbour summit?").text.startswith("Halvard Moe.")
    # no country is named: the answer says that no place answers (not that no one does)
    declined = summit.ask("Which country sent the most ministers?")
    assert declined.abstained and declined.text == "The articles found name no place that answers this question."


# A long interview: the head of a ferry line speaks in every paragraph, her firm's name in each, and once on what the
# question asks about (small chunks, so that each paragraph is a passage of its own).
FERRY_APP = {
    "ferry_app.txt": (
        {"title": "Why Harbourline is building its own ferry app", "source": "Coast Review", "published": "2024-06-03"},
        "Harbourline Ferries head of digital Siobhan O’Kane spoke to us about the Harbourline app and Harbourline.\n\n"
        "“Harbourline riders asked Harbourline for live maps, and Harbourline listened,” O’Kane says.\n\n"
        "“The Harbourline app will sell Harbourline tickets and Harbourline passes,” O’Kane says of the Harbourline "
        "app.\n\n"
        "“Harbourline wants the Harbourline app on the phone of every Harbourline rider,” O’Kane adds.\n\n"
        "“Harbourline staff will answer Harbourline riders in the Harbourline app,” O’Kane says of Harbourline.\n\n"
        "“We will never sell anyone's travel history to advertisers,” O’Kane stresses.\n\n"
        "The app launches in July.",
    ),
    # other reports on travel data and advertisers: their words are common in the corpus, the ferry line's name rare
    **{
        f"data_{i}.txt": (
            {"title": f"Travel data report {i}", "source": "Data Weekly", "published": f"2024-05-0{i}"},
            f"Regulators in region {i} asked airlines whether they sell a rider's travel history to advertisers. "
            "Advertisers pay well for travel history, and selling it to advertisers is legal in most places. "
            "Riders rarely know which advertisers hold their travel history.",
        )
        for i in range(1, 6)
    },
}


def test_what_someone_says_on_a_topic_is_found_among_their_passages_by_the_topic(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    interview = assistant_over(tmp_path / "articles", FERRY_APP, local_embedder, chunk_tokens=40)
    # typed with a straight apostrophe; her name and her firm's are in every passage of hers: the topic finds it
    answer = interview.ask(
        "What does Harbourline's Siobhan O'Kane say about selling riders' travel history to advertisers?",
        options=AskOptions(top_k=2),
    )
    assert any("never sell anyone's travel history" in c.quote for c in answer.citations), answer.text
    assert_verbatim(interview, answer)


# Two reports on one country: only the second says which city is its capital.
NORLAND_TALKS = {
    "talks.txt": (
        {"title": "Norland and Dalmar resume talks", "source": "Coast Review", "published": "2024-07-01"},
        "Norland's foreign minister met Dalmar's envoy in Vesthavn on Monday. "
        "Dalmar has long accused Norland of closing its ports to Dalmar's trawlers. "
        "Both sides said the next round would be held in Ostby.",
    ),
}
NORLAND_PROTEST = {
    "protest.txt": (
        {"title": "Fishers march in Norland", "source": "Coast Review", "published": "2024-07-08"},
        "Thousands of fishers marched through the Norlandic capital, Vesthavn, on Sunday. "
        "They want the ports of Norland reopened to trawlers from Dalmar and Ostby.",
    ),
}


def test_the_capital_asked_for_is_a_city_the_articles_call_the_capital(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    # the first report names Vesthavn and Ostby, and calls neither the capital: the answer says it does not say
    talks = assistant_over(tmp_path / "talks" / "articles", NORLAND_TALKS, local_embedder)
    declined = talks.ask("What is the capital of Norland?")
    assert declined.abstained and declined.text == "The articles found do not say what the capital of Norland is."
    # the second (a store of its own) calls Vesthavn the Norlandic capital
    protest = assistant_over(tmp_path / "protest" / "articles", NORLAND_PROTEST, local_embedder)
    asked = ("What is the capital of Norland?", "What is Norland's capital?", "Which city is Norland's capital?")
    for question in asked:
        answer = protest.ask(question)
        assert answer.text.startswith("Vesthavn."), (question, answer.text)
        assert_verbatim(protest, answer)


# A game won by a long kick, told passages away from the sentence naming the kicker's feat; giant pandas that
# left "the U.S." (no zoo named).
KICKS_AND_PANDAS = {
    "courier_kick.txt": (
        {"title": "Dale wins it for Orvin", "source": "Harlow Courier", "published": "2024-11-03"},
        "Sam Dale's game-winning field goal lifted the Orvin Bears over the Harlow Hawks on Sunday.\n\n"
        + GAME_PLAYS
        + "\n\nWith four seconds left, Dale's 52-yard field goal sailed through the posts and the Bears won 27-24. "
        "Dale had missed from 38 yards in the first half.",
    ),
    "post_pandas.txt": (
        {"title": "The pandas go home", "source": "Harlow Post", "published": "2024-11-10"},
        "The three giant pandas in the U.S. on loan from China returned home last week. "
        "The U.S. and China have swapped animals for decades, and officials in the U.S. said the loan had ended. "
        "The panda has become a symbol of friendship between the two countries. "
        "\u201cThey were part of us,\u201d a keeper said.",
    ),
}


@pytest.fixture(scope="module")
def kicks_and_pandas(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A game report and a story of pandas going home."""
    return assistant_over(tmp_path_factory.mktemp("kicks") / "articles", KICKS_AND_PANDAS, local_embedder)


def test_how_long_a_kick_was_is_answered_by_its_distance(kicks_and_pandas: Assistant) -> None:
    """ "How long" asks a distance as well as a time: the field goal's yards answer it, not "no length of time"."""
    answer = kicks_and_pandas.ask("How long was Sam Dale's game-winning field goal against the Hawks?")
    assert not answer.abstained, answer.text
    assert "52-yard" in answer.text
    assert_verbatim(kicks_and_pandas, answer)


def test_how_long_asks_a_distance_only_of_a_thing_not_of_a_time() -> None:
    assert ASKS_LENGTH.search("How long was Sam Dale's field goal?")
    assert ASKS_LENGTH.search("how long is the new bridge")
    assert ASKS_LENGTH.search("How long was Leo Falk's touchdown run?")
    assert not ASKS_LENGTH.search("How long did the ferry crossing take?")
    assert not ASKS_LENGTH.search("How long was the crossing expected to last?")
    assert not ASKS_LENGTH.search("How long has Dale been the Bears' kicker?")


def test_which_zoo_is_declined_when_the_articles_name_none(kicks_and_pandas: Assistant) -> None:
    """ "Which US zoo ...": a zoo is named as one; "U.S.", the question's own "US", is no answer."""
    answer = kicks_and_pandas.ask("Which US zoo sent its giant pandas back to China?")
    assert answer.abstained, answer.text
    assert "name no zoo" in answer.text


# Session 39: a venue is no one who did something, a country by its initials or its people, a measure named as such
VENUES_AND_POLLS = {
    "derby.txt": (
        {"title": "Harbour United held at Kestrel Park", "source": "Valley Courier", "published": "2024-02-04"},
        "Harbour United drew 0-0 with Rovers at Kestrel Park on Saturday. Defender Jonas Brandt was sent off late "
        "on for a second booking. The draw leaves Harbour United fourth.",
    ),
    "queues.txt": (
        {"title": "Fans queue at Kestrel Park", "source": "Valley Courier", "published": "2024-02-01"},
        "Fans queued for hours at Kestrel Park on Thursday to buy tickets for the derby. The club sold 20,000 "
        "tickets in a day at Kestrel Park.",
    ),
    "poll.txt": (
        {"title": "Few have tried Ferrix", "source": "Valley Courier", "published": "2024-03-09"},
        "A Pollwise survey found that only 18% of Americans have ever used the Ferrix app. Most of them use it to "
        "plan trips.",
    ),
    "fund.txt": (
        {"title": "Harbour Growth Fund opens", "source": "Valley Courier", "published": "2024-03-15"},
        "Because of its minimum investment of ₹1 crore, the Harbour Growth Fund is open only to wealthy investors. "
        "The fund invests in port businesses. Auditor Mira Hoff valued the fund's song catalogue at $1.2 billion, "
        "the board said.",
    ),
    "clinic.txt": (
        {"title": "Kestrel Clinic names an AI chief", "source": "Valley Courier", "published": "2024-03-20"},
        "Kestrel Clinic has named radiologist Omar Lind its first chief AI officer. In his new role, Lind will lead "
        "the clinic's work on imaging tools.",
    ),
}


@pytest.fixture(scope="module")
def venues_and_polls(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    """A match at a ground that two reports name, a poll, a fund and an appointment."""
    return assistant_over(tmp_path_factory.mktemp("venues") / "articles", VENUES_AND_POLLS, local_embedder)


def test_who_did_a_deed_is_no_ground_the_reports_name_it_at(venues_and_polls: Assistant) -> None:
    """A name written where things happen ("at Kestrel Park"), in more reports than the player, answers no "who"."""
    answer = venues_and_polls.ask("who got sent off for harbour united in the goalless draw with rovers")
    assert not answer.abstained, answer.text
    assert answer.text.startswith("Jonas Brandt"), answer.text


def test_a_country_asked_by_its_initials_is_written_by_its_people(venues_and_polls: Assistant) -> None:
    """ "people in the US": a share of Americans answers it."""
    answer = venues_and_polls.ask("what percentage of people in the US have used the ferrix app, per pollwise")
    assert not answer.abstained, answer.text
    assert "18%" in answer.text
    assert_verbatim(venues_and_polls, answer)


def test_a_measure_named_as_a_size_or_a_dollar_figure_is_a_figure(venues_and_polls: Assistant) -> None:
    """ "the minimum ticket size" is the minimum investment; "what dollar figure" asks a sum, not a person."""
    size = venues_and_polls.ask("what's the minimum ticket size to get into the Harbour Growth Fund?")
    assert not size.abstained, size.text
    assert "₹1 crore" in size.text
    sum_asked = venues_and_polls.ask("What dollar figure did the auditor put on the fund's song catalogue?")
    assert not sum_asked.abstained, sum_asked.text
    assert not sum_asked.text.startswith("Mira Hoff"), sum_asked.text
    assert "$1.2 billion" in sum_asked.text


def test_what_someone_is_paying_asks_a_sum(venues_and_polls: Assistant) -> None:
    """ "What is X paying Y": the appointment, which gives no pay, does not answer it."""
    answer = venues_and_polls.ask("what is kestrel clinic paying omar lind in the chief AI officer job")
    assert answer.abstained, answer.text
    assert answer.text == NO_FIGURE


def test_which_questions_ask_a_sum_and_which_a_person() -> None:
    assert ASKS_MONEY.search("What are the clubs charging for season tickets?")
    assert ASKS_MONEY.search("what is the port paying its new harbour master")
    assert not ASKS_MONEY.search("What is the board paying attention to?")
    # money named with a word before it ("prize money", "seed funding")
    assert ASKS_MONEY.search("How much prize money did the winning crew receive at the regatta?")
    assert ASKS_MONEY.search("how much seed funding has the ferry startup raised")
    # a sum pledged or committed; time spent is no sum
    assert ASKS_MONEY.search("how much has the harbour board committed to the new terminal in total")
    assert ASKS_MONEY.search("How much did the Kelby Foundation pledge to the lifeboat crews?")
    assert not ASKS_MONEY.search("How much time did the pilot spend at sea?")
    assert answer_kind("What actual dollar figure did the auditor put on it?") == ("open", "number")
    assert answer_kind("What price tag did the board give the ferry?") == ("open", "number")
    assert answer_kind("What public figure backed the ferry plan?") == ("entity", "person")


COMPLAINTS = {
    "complaints.txt": (
        {"title": "Ferry complaints soar after the storm", "source": "Valley Courier", "published": "2024-04-02"},
        "The storm closed the harbour for a week in March. Before the storm, the harbour board received about 40 "
        "complaints a week about late ferries. That number jumped to about 300. The board has hired two more staff "
        "to answer them.",
    ),
}


def test_a_figure_goes_on_in_the_sentence_that_points_back_to_it(tmp_path: Path, local_embedder: BaseEmbedding) -> None:
    """ "That number jumped to about 300" gives the figure since the storm, which the sentence before it sets up."""
    assistant = assistant_over(tmp_path / "articles", COMPLAINTS, local_embedder)
    answer = assistant.ask("since the storm, roughly how many complaints a week has the harbour board been getting?")
    assert not answer.abstained, answer.text
    assert "about 300" in answer.text
    assert_verbatim(assistant, answer)


HARBOUR_FIRE = {
    "fire.txt": (
        {"title": "Fire at the harbour", "source": "Valley Courier", "published": "2024-05-03"},
        "A fire at the harbour destroyed three warehouses on Friday night. Firefighters fought the blaze for six "
        "hours. The harbour board said it will tax ferry tickets from June to pay for repairs.",
    ),
}


def test_a_rate_asked_for_is_a_figure_the_articles_must_give(tmp_path: Path, local_embedder: BaseEmbedding) -> None:
    """ "What tax rate ...": a sentence on the tax with no rate does not answer; "the interest rate decision" asks
    no figure."""
    assistant = assistant_over(tmp_path / "articles", HARBOUR_FIRE, local_embedder)
    rate = assistant.ask("What tax rate will the harbour board charge on ferry tickets?")
    assert rate.abstained, rate.text
    assert rate.text == NO_FIGURE
    assert asked_measure("What was the Valley Bank's interest rate decision?") == ("", "")
    assert asked_measure("What is the unemployment rate in Valley County?") == ("unemployment rate", "percent")


# A port's director dismissed and replaced: the board chair is named throughout, the one who replaced him once,
# with who she is set off between her name and the deed.
SUCCESSION = {
    "port-director.txt": (
        {"title": "Kelby port board dismisses its director", "source": "Harbour Gazette", "published": "2024-05-03"},
        "The Kelby port board dismissed its director, Anders Voss, on Thursday after a review of the dredging "
        "contract. Board chair Per Lund said the review found the contract had been signed without a tender. "
        "Per Lund told reporters the board had lost confidence in Anders Voss. Per Lund added that the dredging "
        "would go on as planned. Anders Voss said he would appeal the decision. As the search for a permanent "
        "director goes on, the board has appointed Ragnhild Saether, the former head of the Kelby ferry union, as "
        "acting director — replacing Voss. Per Lund said a permanent director would be named by the autumn.",
    ),
}


@pytest.fixture(scope="module")
def succession(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("succession") / "articles", SUCCESSION, local_embedder)


def test_who_did_a_deed_to_the_one_asked_about_is_who_the_sentence_names_before_it(succession: Assistant) -> None:
    # "... has appointed Ragnhild Saether, the former head of the Kelby ferry union, as acting director — replacing
    # Voss": the deed done to the one the question names, by the name before it; not the chair named throughout
    answer = succession.ask("Who replaced Anders Voss at the Kelby port?")
    assert answer.text.startswith("Ragnhild Saether."), answer.text
    assert any("replacing Voss" in c.quote for c in answer.citations)
    # the one who did another deed to him is still who the sentences tie to that deed
    answer = succession.ask("Who dismissed Anders Voss?")
    assert not answer.text.startswith("Ragnhild Saether"), answer.text


def test_a_title_given_by_as_after_the_name_is_held_and_one_a_dash_and_a_deed_cut_off_is_not(
    succession: Assistant,
) -> None:
    # "... appointed Ragnhild Saether, the former head of the Kelby ferry union, as acting director — replacing
    # Voss": the title is hers, given after her name by "as"; the dash and "replacing" end its hold on Voss
    for question in ("Who is the new acting director?", "Who is the Kelby port's acting director?"):
        answer = succession.ask(question)
        assert answer.text.startswith("Ragnhild Saether."), (question, answer.text)
    # whose the role is may take two words before its "'s"
    assert asked_role("Who is the Kelby port's acting director?") == ("acting director", "Kelby port")


# A patient's story that never names her hospital, and a ferry operator's new captain.
UNNAMED_HOSPITAL = {
    "flu.txt": (
        {"title": "A cold that was not a cold", "source": "Nordic Health Weekly", "published": "2024-02-12"},
        "Marta Lind thought she had caught a cold after a ski trip. Within hours she was in the ICU, "
        "and the doctors were doing everything they could. Lind says she now gets a flu shot every autumn.",
    ),
    "ferry.txt": (
        {"title": "Fjordline names a new captain", "source": "Harbour Gazette", "published": "2024-02-14"},
        "The ferry operator Fjordline named Kari Moe its new captain on Monday. Moe has sailed the Bergen route "
        "for a decade.",
    ),
}


@pytest.fixture(scope="module")
def unnamed_hospital(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("hospital") / "articles", UNNAMED_HOSPITAL, local_embedder)


def test_a_name_whose_sentences_write_no_word_of_the_question_but_its_own_is_no_answer(
    unnamed_hospital: Assistant,
) -> None:
    # "Within hours she was in the ICU, and the doctors were doing everything they could": no word of the question
    answer = unnamed_hospital.ask("Which hospital treated Marta Lind when her flu turned into septic shock?")
    assert answer.abstained and "ICU" not in answer.text, answer.text
    answer = unnamed_hospital.ask("Who did Fjordline name as its new captain?")
    assert answer.text.startswith("Kari Moe."), answer.text


# A deals list whose items are paragraphs, a headphones review, a takeover, a pickup truck's launch (questions typed
# as people type them: a measure's name alone, an adverb after what was bought, a question the article asks itself).
GADGETS = {
    "deals.txt": (
        {"title": "The best earbuds deals this weekend", "source": "Gear Bench", "published": "2024-11-22"},
        "Our testers picked these earbuds from this week's sales.\n\n"
        "The Arden Pulse earbuds (8/10, Gear Bench Recommends) are our top budget pick. For nearly everyone, even "
        "people who switch phones often, these tick every box. They get up to seven hours of battery life (plus "
        "another 20 hours from the case), IPX4 water resistance and quick pairing.\n\n"
        "The Corvo Air Pro earbuds (9/10, Gear Bench Recommends) are our premium pick. They produce rich, detailed "
        "sound with a snug fit and IPX7 water resistance. The Corvo Air Pro are down to $149 this weekend.",
    ),
    "headphones.txt": (
        {"title": "Halden Aria 4 review", "source": "Gear Bench", "published": "2024-10-02"},
        "If you want noise-cancelling headphones with superb battery life, the Halden Aria 4 are your best option. "
        "These headphones can keep playing for up to 55 hours on a single charge. They also sound warm and "
        "detailed, and they fold flat into a slim case. The older Halden Aria 3 now sells for $199.",
    ),
    "takeover.txt": (
        {"title": "Ortiz completes Marlow deal", "source": "Harbour Business", "published": "2022-03-30"},
        "In March 2022, Lena Ortiz completed the most surprising deal of her career when she bought Marlow Freight "
        "House for SGD 48 million from its founding families. Ortiz said the firm's barges would be renamed. "
        "Marlow Freight House runs 40 barges on the river.",
    ),
    "ridgeback.txt": (
        {"title": "Voltra's Ridgeback is finally here", "source": "Motor Ledger", "published": "2024-12-01"},
        "Voltra has started delivering the Ridgeback pickup, its first new model in four years. "
        "When is the cheap single-motor Ridgeback Voltra promised back in 2021 actually coming out? "
        "The company showed an early version of the truck at a crowded launch party. "
        "Buyers of the dual-motor Ridgeback get a home charger. "
        "The cheap single-motor Ridgeback, with 240 miles of range, won't be available until 2026.",
    ),
}


@pytest.fixture(scope="module")
def gadgets(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("gadgets") / "articles", GADGETS, local_embedder)


def test_a_length_of_time_is_told_in_the_paragraph_of_what_the_question_names(gadgets: Assistant) -> None:
    # "The Arden Pulse earbuds ... / For nearly everyone ... / They get up to seven hours of battery life": the
    # sentence names neither, its paragraph does; the second half's earbuds are another paragraph's
    answer = gadgets.ask(
        "how long do the Arden Pulse earbuds last on a charge, and what's the water resistance rating on the Corvo "
        "Air Pro?"
    )
    assert not answer.abstained and "seven hours" in answer.text, answer.text


def test_a_figure_asked_by_its_measure_alone_is_found_in_the_sentence_pointing_back(gadgets: Assistant) -> None:
    # "Halden Aria 4 battery life?" asks a length of time: "These headphones can keep playing for up to 55 hours"
    answer = gadgets.ask("halden aria 4 battery life?")
    assert not answer.abstained and "55 hours" in answer.text, answer.text


def test_an_adverb_after_what_was_bought_is_no_word_the_articles_must_write(gadgets: Assistant) -> None:
    # "... pay for marlow freight house back in 2022": what was bought is the house, not "back"; the sum is in a
    # currency's code ("SGD 48 million")
    answer = gadgets.ask("how much did lena ortiz pay for marlow freight house back in 2022")
    assert not answer.abstained and "SGD 48 million" in answer.text, answer.text


def test_a_question_the_article_asks_tells_no_time(gadgets: Assistant) -> None:
    # "When is the cheap single-motor Ridgeback Voltra promised back in 2021 actually coming out?" writes a year and
    # answers nothing: the answer opens with the sentence saying when, "won't be available until 2026"
    answer = gadgets.ask("when is the cheap single motor ridgeback actually coming out")
    assert answer.text.startswith("The cheap single-motor Ridgeback"), answer.text
    assert "until 2026" in answer.text


# A ferry line's chief executive dismissed: who stepped in is told in other words than the question's.
INTERIM = {
    "board.txt": (
        {"title": "Fjordline board ousts Voss", "source": "Harbour Gazette", "published": "2024-03-08"},
        "The Fjordline board dismissed chief executive Anders Voss on Friday. "
        "Board member Ola Berg said the directors had lost confidence in Voss after months of losses on the "
        "northern routes, and that staff could take their questions to the harbour office on Monday. "
        "Berg alleges that Kari Lund, Fjordline's COO and now interim CEO, was told on Thursday night "
        "that Voss would be dismissed.",
    ),
}


@pytest.fixture(scope="module")
def interim(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("interim") / "articles", INTERIM, local_embedder)


def test_who_did_a_deed_as_a_title_is_the_one_the_sentences_give_the_title(interim: Assistant) -> None:
    # no sentence ties a name to "took over"; "Kari Lund, Fjordline's COO and now interim CEO" holds the
    # title the deed was done as; Ola Berg, in whose sentence staff "take" their questions, does not
    answer = interim.ask("Who took over as interim CEO at Fjordline when Voss got fired?")
    assert answer.text.startswith("Kari Lund."), answer.text


# A betting guide that names a rookie contender and gives no odds of hers; another article's odds are another race's.
ODDS = {
    "guide.txt": (
        {"title": "Rookie of the Year betting guide", "source": "Bet Bench", "published": "2024-11-02"},
        "Mia Lund: the Harbour Hawks have a gem in Mia Lund, a strong Rookie of the Year contender. "
        "Kelby Sportsbook, known for its daily fantasy games, offers a nice variety of futures bets, including the "
        "Rookie of the Year award.",
    ),
    "scoring.txt": (
        {"title": "Scoring race odds", "source": "Bet Bench", "published": "2024-11-03"},
        "In the scoring race, Ola Berg is the favourite at +250 with Kelby Sportsbook. "
        "Berg has scored in nine games in a row.",
    ),
}


@pytest.fixture(scope="module")
def odds(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("odds") / "articles", ODDS, local_embedder)


def test_odds_asked_for_are_a_price_a_bookmaker_puts_on_it(odds: Assistant) -> None:
    # the guide names Mia Lund and the sportsbook, and gives no odds of hers: no figure answers
    answer = odds.ask("what are mia lund's current rookie of the year odds at kelby sportsbook")
    assert answer.abstained and answer.text == NO_FIGURE, answer.text
    answer = odds.ask("What are Ola Berg's odds in the scoring race at Kelby Sportsbook?")
    assert not answer.abstained and "+250" in answer.text, answer.text


# A bottling plant and a slasher's opening: figures of other things than what is asked.
PLANT_AND_FILM = {
    "plant.txt": (
        {"title": "Kelby plant expands", "source": "Harbour Gazette", "published": "2024-05-02"},
        "The Kelby bottling plant, which employs 300 people on its night and day crews, draws its water from the "
        "Lund river. "
        "The plant opened a second line in April.",
    ),
    "film.txt": (
        {"title": "Harbour Nights opens", "source": "Screen Desk", "published": "2024-10-14"},
        "Harbour Nights, the new slasher from director Ola Berg, opened in 2,400 theatres on Friday. "
        "Berg first pitched the film 16 years ago.",
    ),
}


@pytest.fixture(scope="module")
def plant_and_film(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("plant") / "articles", PLANT_AND_FILM, local_embedder)


def test_how_much_of_a_mass_noun_is_a_figure_of_it(plant_and_film: Assistant) -> None:
    # "how much water": a figure of water answers, not the plant's 300 people
    answer = plant_and_film.ask("How much water does the Kelby plant draw from the river?")
    assert answer.abstained and answer.text == NO_FIGURE, answer.text


def test_what_a_film_took_at_the_box_office_is_a_sum(plant_and_film: Assistant) -> None:
    # takings are a sum of money: 2,400 theatres is no answer
    answer = plant_and_film.ask("How much did Harbour Nights take at the box office in its opening weekend?")
    assert answer.abstained and answer.text == NO_FIGURE, answer.text
    assert ASKS_MONEY.search("how much did the concert film gross worldwide")


# A tracking-pixel story: who took it off, and who wants an inquiry, in other words than the question's.
PIXEL = {
    "pixel.txt": (
        {"title": "Charities send data to TikTok", "source": "Harbour Gazette", "published": "2024-06-20"},
        "Quick Guide Harbour Cup quarter-final draw Kelby Rovers will travel to Lund Town in the quarter-finals "
        "of the Harbour Cup. "
        "Ties to be played week commencing 18 December.\n\n"
        "The mental health charity Calm Harbour removed the tracking pixel from its website after being alerted. "
        "Using a browser tool, we could see data being sent back before visitors clicked to consent. "
        "The pixel can help advertisers measure campaigns, its maker says. "
        "Senator Mia Varga has called for an urgent probe by the information commissioner. "
        "Privacy watchdogs usually step in only when a website gets a complaint, a lawyer told the paper.",
    ),
}


@pytest.fixture(scope="module")
def pixel(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("pixel") / "articles", PIXEL, local_embedder)


def test_a_later_half_asking_which_one_of_a_kind_is_answered_by_a_name_beside_the_kind(pixel: Assistant) -> None:
    answer = pixel.ask(
        "Which mental health charity took the pixel off its website, and which senator wants the privacy "
        "watchdog to step in?"
    )
    assert answer.text.startswith("Calm Harbour."), answer.text
    assert "Senator Mia Varga" in answer.text and "do not answer" not in answer.text, answer.text


def test_a_later_half_may_be_answered_below_a_sentence_naming_what_it_asks_of(pixel: Assistant) -> None:
    # "Ties to be played week commencing 18 December" writes no "quarter-final": the sentence above it does; and
    # "Guide Harbour Cup", a page's "Quick Guide" run into the cup the question names, is no team
    answer = pixel.ask(
        "Which team will Lund Town host in the Harbour Cup quarter-finals, and when are the ties played?"
    )
    assert answer.text.startswith("Kelby Rovers."), answer.text
    assert "18 December" in answer.text and "do not answer" not in answer.text, answer.text


# A betting guide's codes, each written after its sportsbook's name; a cup tie decided on away goals.
CODES_AND_TIES = {
    "codes.txt": (
        {"title": "Harbour Cup betting promos", "source": "Bet Bench", "published": "2024-12-03"},
        "We've got the best sports betting promo codes for tonight's Harbour Cup matchup between Lund Town and "
        "Kelby Rovers. "
        "Use our Varga Bet promo code link to unlock $200 in bonus bets for Lund Town vs. Kelby Rovers! "
        "Bet on the Harbour Cup with odds on the spread, moneyline and total.\n\n"
        "Our picks for the Harbour Cup follow below, with the latest team news.\n\n"
        "Berg Sportsbook promo code BENCH500 gives new users a first bet up to $500 on Berg.",
    ),
    "tie.txt": (
        {"title": "Lund Town through", "source": "Harbour Gazette", "published": "2024-11-22"},
        "A 3-2 win in the second leg allowed Lund Town to progress on away goals after a 4-4 aggregate tie.\n\n"
        "Kelby Rovers took a big step towards the semi-finals as a late strike gave them victory in the first leg "
        "of their Harbour Cup quarter-final. "
        "The midfielder slotted in from a surging run down the right. "
        "The second leg drew a record crowd at the Lund ground. "
        "Lund Town and Kelby Rovers were level for long spells of the second leg, and the two sides went through "
        "to the last minutes with nothing in it. "
        "Lund Town have now played Kelby Rovers in the Harbour Cup four times.",
    ),
}


@pytest.fixture(scope="module")
def codes_and_ties(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("codes") / "articles", CODES_AND_TIES, local_embedder)


def test_a_code_asked_for_is_written_after_the_name_it_is_for(codes_and_ties: Assistant) -> None:
    answer = codes_and_ties.ask("whats the berg sportsbook promo code for the lund town vs kelby rovers game")
    assert answer.text.startswith("Berg Sportsbook promo code BENCH500"), answer.text
    # no code is written for Varga Bet: its "promo code link" is none
    declined = codes_and_ties.ask("What's the Varga Bet promo code for the Lund Town vs Kelby Rovers game?")
    assert declined.abstained and declined.text == NO_CODE, declined.text


def test_why_is_answered_by_a_sentence_giving_a_reason(codes_and_ties: Assistant) -> None:
    # the best sentence tells of the first leg; the one giving the reason is further down the report
    answer = codes_and_ties.ask(
        "Lund Town and Kelby Rovers finished level over the two legs of their Harbour Cup quarter-final - so why "
        "was it Lund Town that went through?"
    )
    assert "on away goals" in answer.text, answer.text


# A film adapted from a novel, its release in the middle of March: no word of another novel.
ADAPTATION = {
    "film.txt": (
        {"title": "Harbour Lights reaches cinemas", "source": "Screen Desk", "published": "2024-03-01"},
        "Harbour Lights is based on the novel by Ola Berg, who co-wrote the script with Mia Lund. "
        "The film opens in the middle of March, and the march of its heroine across the ice closes it.",
    ),
}


@pytest.fixture(scope="module")
def adaptation(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("adaptation") / "articles", ADAPTATION, local_embedder)


def test_a_title_typed_in_lower_case_is_no_two_corpus_words_run_together(adaptation: Assistant) -> None:
    # "middlemarch" is what the question asks about: "middle" and "march" spell it and say nothing of it, and "wrote"
    # and "novel", held by the review, are a way of asking
    answer = adaptation.ask("who wrote the novel middlemarch")
    assert answer.abstained and "does not mention “middlemarch”" in answer.text, answer.text
    assert "Ola Berg" in adaptation.ask("Which novelist is the film Harbour Lights based on?").text


# A league founder at an investment forum: what she said on it, over several quotations, one in other words.
FORUM = {
    "forum.txt": (
        {
            "title": "Where investment in women's football stands",
            "source": "Harbour Gazette",
            "published": "2024-04-10",
        },
        "Ola Berg, the founder of the Harbour Women's League, spoke at the city's investment forum on Tuesday. "
        "“People are finally looking at women's football as a great investment,” Berg said. "
        "Ticket sales rose by a third this season, the league said, and two new clubs join next year. "
        "The forum also heard from the city's harbour board on its plans for the old docks.\n\n"
        "Asked what comes next, Berg was blunt. "
        "“We're kind of at a tipping point,” Berg said.",
    ),
}


@pytest.fixture(scope="module")
def forum(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("forum") / "articles", FORUM, local_embedder)


def test_what_someone_said_on_a_topic_is_each_of_their_statements_on_it(forum: Assistant) -> None:
    # "a tipping point" holds none of the question's words: it is what she said of it all the same
    answer = forum.ask("What did Ola Berg say about where investment in women's football stands right now?")
    assert "great investment" in answer.text and "tipping point" in answer.text, answer.text


# A reporter's own column on a trial, naming a prosecutor: the column is her take.
COLUMN_TAKE = {
    "column.txt": (
        {
            "title": "The case against Voss is strong",
            "source": "Harbour Gazette",
            "author": "Mia Lund",
            "published": "2024-10-20",
        },
        "Prosecutor Ola Berg spent the week walking the jury through the harbour board's accounts. "
        "Voss is charged with four counts of fraud. "
        "The prosecution has put together a strong, comprehensive case against Voss. "
        "I have not yet seen any good reason to doubt the story the prosecution is telling. "
        "Mia Lund covers the courts for the Gazette.",
    ),
}


@pytest.fixture(scope="module")
def column_take(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("column") / "articles", COLUMN_TAKE, local_embedder)


def test_a_reporters_take_asked_with_the_outlet_is_what_they_think_not_a_name(column_take: Assistant) -> None:
    # "What's Harbour Gazette reporter Mia Lund's take on ...": no "which reporter" question, answered by a name
    answer = column_take.ask("What's Harbour Gazette reporter Mia Lund's take on the prosecution's case against Voss?")
    assert not answer.text.startswith("Ola Berg."), answer.text
    assert "strong, comprehensive case" in answer.text, answer.text


# A singer's marriages, told under a heading per husband, her first name only in the title; a game's sacks.
TIMELINE_AND_SACKS = {
    "timeline.txt": (
        {"title": "A timeline of Tallulah Banks' marriages", "source": "Life Desk", "published": "2024-02-01"},
        "Tallulah Banks has been married three times, and each wedding made headlines.\n\n"
        "Ola Berg: 2004\n\n"
        "Ola Berg was Banks' first husband, tying the knot at a wedding chapel in Kelby in 2004. "
        "However, only 55 hours after the nuptials, they annulled the marriage.\n\n"
        "Ivo Marsh: 2007\n\n"
        "Banks married the dancer Ivo Marsh in 2007, and they divorced two years later.",
    ),
    "game.txt": (
        {"title": "Harbour Hawks rout Kelby", "source": "Match Desk", "published": "2024-10-13"},
        "The Harbour Hawks rode two turnovers to a 31-10 win at home against Kelby. "
        "The Harbour Hawks defensive line tallied six sacks of Kelby quarterback Ivo Lund and three more hits. "
        "Lund finished with 180 passing yards.",
    ),
}


@pytest.fixture(scope="module")
def timeline_and_sacks(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("timeline") / "articles", TIMELINE_AND_SACKS, local_embedder)


def test_a_length_of_time_is_told_of_the_one_an_articles_title_names(timeline_and_sacks: Assistant) -> None:
    # the sentence and its neighbour write "Banks", Ola Berg and Kelby; "Tallulah" only the title does
    answer = timeline_and_sacks.ask(
        "How long did Tallulah Banks' 2004 Kelby marriage to Ola Berg last before it was annulled?"
    )
    assert "55 hours" in answer.text, answer.text


def test_how_many_times_a_name_did_a_deed_is_counted_by_the_deed(timeline_and_sacks: Assistant) -> None:
    # "six sacks" counts the times the Hawks sacked him; "times" is not written
    answer = timeline_and_sacks.ask("How many times did the Harbour Hawks sack Ivo Lund in the 31-10 win?")
    assert "six sacks" in answer.text, answer.text


def test_a_topic_one_statement_writes_whole_is_answered_by_that_statement(assistant: Assistant) -> None:
    # the bundled KCNA piece: "the dark waves of the North Atlantic" is written whole in one of the author's
    # statements, which answers; the others on NATO (the North Atlantic Alliance) are not asked about
    answer = assistant.ask("What does the North Korean author say about the dark waves of the North Atlantic?")
    assert len(answer.citations) == 1 and "break the silence of the Pacific Ocean" in answer.text, answer.text


# A fight night (a record won and lost, asked as whose it is; a fine told of "the heavyweight"), a cup final's live
# blog (its crowd told far from the sentences matching the question's words; a 40-yard run), a comeback won by two
# goals, an exchange's settlement (a fine asked in a later half; staff who signed a letter, uncounted), a handheld's
# review (a weight given as a difference, a rival's weight), and a venture investor's view, asked in lower case beside
# an acronym, above a line linking to another story.
FIGHT_NIGHT = {
    "fight.txt": (
        {"title": "Lund stops Berg in the first round", "source": "Harbour Courier", "published": "2024-10-12"},
        "Ola Lund took his frustrations out on a hapless Ivo Berg in Kessel, knocking him out in the first round. "
        "A huge left hand sent Berg into the ropes with four seconds left in the round. "
        "Lund, the former Olympian, moved to 24-0 as a professional with 19 stoppages and kept his Kessel belt. "
        "Berg had never been stopped before. "
        "Ivo Berg's late blow after the bell in Kessel, a wild punch at Ola Lund as the referee stepped in, was "
        "something else. "
        "The heavyweight was fined $40,000 and banned for two months.",
    ),
    "final.txt": (
        {
            "title": "Harbour Hawks vs Lakeside Owls live: updates from Bramley Park",
            "source": "Harbour Courier",
            "published": "2024-10-13",
        },
        "Ivo Stam's brace was the biggest talking point for the Harbour Hawks, who beat the Lakeside Owls at "
        "Bramley Park in front of a record Hawks crowd on Sunday night.\n\n"
        "5th min: The Owls press high from the kick-off and win two early corners.\n\n"
        "12th min: Stam curls a free kick just wide of the post.\n\n"
        "31st min: Owls keeper Mia Dahl tips a long shot over the bar.\n\n"
        "50th min: Stam heads in from a corner to open the scoring.\n\n"
        "64th min: The Owls bring on two fresh forwards and switch to a back three.\n\n"
        "73rd min: Stam scores again, turning his marker and firing low into the corner.\n\n"
        "78th min: 41,250 spectators were announced for tonight's game, a new club record.\n\n"
        "85th min: Dahl saves a penalty to keep the score down.\n\n"
        "88th min: Stam bursts clear on a 40-yard run before the Owls bring him down.\n\n"
        "Full time: two goals for the home side, none for the visitors.",
    ),
    "comeback.txt": (
        {
            "title": "Comeback kings Kessel take the points in Orvin",
            "source": "Harbour Courier",
            "published": "2024-10-15",
        },
        "A late goal by Ada Moen has helped Kessel to their first win in four games, an 11-point victory over "
        "Lakeside in Orvin. "
        "Lakeside led by three points at the last break after a run of three goals. "
        "That put Kessel ahead by six points with ten minutes left, before Ida Holm sealed the win with a long kick "
        "from 45 metres.",
    ),
    "settlement.txt": (
        {"title": "Kessel Exchange settles with regulators", "source": "Harbour Courier", "published": "2024-10-16"},
        "Kessel Exchange has agreed to pay about $4.3 billion to settle the regulators' investigations, the agency "
        "said on Tuesday. "
        "Its founder Per Lind himself agreed to step down as chief executive and to help the regulators, under his "
        "plea deal. "
        "The court is also asked to impose a $150 million fine on the founder. "
        "The exchange will keep trading under new management. "
        "Staff at Kessel Exchange signed a letter to the board on Monday, asking it to keep 2,000 jobs in Brekka.",
    ),
    "handhelds.txt": (
        {"title": "Kelby Aura 2 review", "source": "Harbour Courier", "published": "2024-10-17"},
        "The Kelby Aura 2 is not a new console, but its OLED screen is brighter than the original's. "
        "In the end, the Kelby Aura 2 weighs about 30 grams less than the original model. "
        "Its rival, the Lumo X1, weighs 640 grams and has a 7-inch screen.",
    ),
    "ventures.txt": (
        {"title": "Should AI startups worry about moats?", "source": "Harbour Courier", "published": "2024-10-14"},
        "Investors are asking how AI startups building on large models will defend their businesses. "
        "Ola Varga, a managing partner at Kessel Ventures, told us that he had a “controversial opinion that "
        "startups may want to reduce their focus on defensibility for now and ship faster.” "
        "Other investors said that data no one else holds is still the best moat.\n\n"
        "Read More: Nordlys Capital Warns Against Moat Obsession",
    ),
}


@pytest.fixture(scope="module")
def fight_night(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("fight_night") / "articles", FIGHT_NIGHT, local_embedder)


def test_a_record_asked_as_whose_it_is_is_games_won_and_lost(fight_night: Assistant) -> None:
    answer = fight_night.ask("What's Ola Lund's professional record after he knocked out Ivo Berg?")
    assert "24-0" in answer.text, answer.text
    # none is written for the Owls' keeper: no figure answers
    declined = fight_night.ask("What is Mia Dahl's record this season?")
    assert declined.abstained and declined.text == NO_FIGURE, declined.text


def test_a_crowd_asked_by_its_size_is_counted_anywhere_in_the_article(fight_night: Assistant) -> None:
    # the count stands in an update far from the sentences writing the question's words
    answer = fight_night.ask("how big was the crowd at bramley park for harbour hawks v lakeside owls")
    assert not answer.abstained and "41,250" in answer.text, answer.text
    assert_verbatim(fight_night, answer)


def test_a_firm_typed_in_lower_case_before_a_quoted_person_is_where_they_work(fight_night: Assistant) -> None:
    # "AI" is no sign the question's names were typed with their capitals; "kessel ventures" is where Varga works
    answer = fight_night.ask("whats kessel ventures ola varga's take on whether AI startups should worry about moats")
    assert answer.citations and "controversial opinion" in answer.citations[0].quote, answer.text


def test_who_did_the_deed_the_question_tells_which_one_by(fight_night: Assistant) -> None:
    # Ada Moen's late goal is told nearest the question's words; Ida Holm's "sealed the win", the goal asked about
    answer = fight_night.ask("Who kicked the goal that sealed Kessel's win over Lakeside in Orvin?")
    assert answer.text.startswith("Ida Holm."), answer.text
    assert_verbatim(fight_night, answer)


def test_a_line_linking_to_another_story_is_no_evidence(fight_night: Assistant) -> None:
    # "Read More: Nordlys Capital Warns Against Moat Obsession" is another story's headline, no statement of theirs
    answer = fight_night.ask("What does Nordlys Capital say about moats?")
    assert answer.abstained and not answer.citations, answer.text


def test_a_later_half_asking_for_a_measure_by_its_name_is_answered_by_one(fight_night: Assistant) -> None:
    # "what fine ...": a sum written beside "fine", not the sentence nearest the half's other words
    answer = fight_night.ask(
        "how much is kessel exchange paying to settle with regulators, and what fine is per lind himself agreeing to"
    )
    assert "$4.3 billion" in answer.text and "$150 million" in answer.text, answer.text
    assert_verbatim(fight_night, answer)


def test_how_much_someone_was_fined_is_the_sum_beside_the_verb(fight_night: Assistant) -> None:
    # the sentence holding the question's words tells the blow, the one giving the sum names him by his nickname
    answer = fight_night.ask(
        "How much money was Ivo Berg fined for his wild late punch at Ola Lund after the bell in Kessel?"
    )
    assert not answer.abstained and "$40,000" in answer.text, answer.text
    assert_verbatim(fight_night, answer)


def test_a_weight_asked_for_is_a_weight_not_a_difference(fight_night: Assistant) -> None:
    answer = fight_night.ask("how heavy is the Lumo X1")
    assert not answer.abstained and "640 grams" in answer.text, answer.text
    # "30 grams less than the original" is no weight of the Aura 2
    declined = fight_night.ask("How much does the Kelby Aura 2 weigh?")
    assert declined.abstained and declined.text == NO_FIGURE, declined.text


def test_how_many_did_a_deed_counts_the_doers(fight_night: Assistant) -> None:
    # "2,000 jobs" is no count of the staff who signed
    answer = fight_night.ask("how many kessel exchange staff signed the letter to the board?")
    assert answer.abstained and answer.text == NO_FIGURE, answer.text


def test_a_distance_written_onto_a_play_is_no_count_of_yards(fight_night: Assistant) -> None:
    # "a 40-yard run" is the length of one run, not how many yards he finished with
    answer = fight_night.ask("how many rushing yards did Ivo Stam finish with against the Lakeside Owls")
    assert answer.abstained and answer.text == NO_FIGURE, answer.text


# Session 51: a compound question's first part, a game named by its two sides, ordinals, quarters, seasons
SEASON_CLOSE = {
    "tovik.txt": (
        {
            "title": "Shopping search startup Tovik raises a seed round",
            "source": "Harbour Courier",
            "published": "2024-11-02",
        },
        "Tovik wants to be the search engine people use before they buy anything online. "
        "The startup said it is on track to hit 40,000 monthly active users by the end of this year. "
        "Most of those users find Tovik through its browser extension, the company said. "
        "Rival apps count their monthly active users in the millions, and expect to hit far more by the end of "
        "the year. "
        "The company closed a $2.1 million round led by Fjord Fund, with angel investors joining.",
    ),
    "apps.txt": (
        {"title": "Shopping apps race for users", "source": "Harbour Courier", "published": "2024-11-04"},
        "Kettle, another shopping app, has 900,000 monthly active users and expects to hit a million by the end of "
        "the year. "
        "Basko said it expects to hit 250,000 monthly active users by the end of the year, double its count in "
        "spring. "
        "Neither app has said how much money it has raised. "
        "Basko reported revenue of $310,000 for the third quarter, up from $120,000 a year earlier.",
    ),
    "growth.txt": (
        {
            "title": "The apps expecting the most users by the end of the year",
            "source": "Harbour Courier",
            "published": "2024-11-05",
        },
        "Pluma expects to hit 80,000 monthly active users by the end of the year. "
        "Sorto has 60,000 monthly active users and expects to hit 100,000 by the end of the year. "
        "Vendi hopes to hit 30,000 monthly active users by the end of the year. "
        "Lumo expects its monthly active users to hit 45,000 by the end of the year. "
        "Each of them expects growth to slow in the new year.",
    ),
    "nights.txt": (
        {
            "title": "Harbour Nights is the best show of the autumn",
            "source": "Harbour Courier",
            "published": "2024-11-06",
        },
        "Harbour Nights follows a ferry crew through one long winter in Kessel. "
        "All eight episodes of season one arrive on Netflix on March 3. "
        "The cast, led by Ola Varga, is superb throughout. "
        "Ola Varga has made 12 films with the director Per Lind.",
    ),
    "varga.txt": (
        {"title": "Island life made me an actor", "source": "Harbour Courier", "published": "2024-11-07"},
        "Varga, 34, grew up on the islands the show is set on. "
        "Her father ran the ferry between Kessel and Orvin for thirty years. "
        "She still spends every summer there.",
    ),
    "crossing.txt": (
        {"title": "Kessel crossing cancelled", "source": "Harbour Courier", "published": "2024-11-08"},
        "Passengers waited at the Kessel terminal for most of Friday morning. "
        "Engineers found a cracked fuel line on the Nordlys during its morning checks. "
        "This is why the Friday crossing to Orvin was cancelled. "
        "Passengers were offered seats on the Saturday boat, and most took them. "
        "The operator said the Nordlys would be back in service next week.",
    ),
    "preview.txt": (
        {"title": "Stam ready for the cup tie against Kessel", "source": "Harbour Courier", "published": "2024-11-09"},
        "Ivo Stam has been in fine form before the cup tie against Kessel on Sunday. "
        "His coach joked that Stam could score three goals against Kessel if the wind dropped. "
        "Kessel have lost only once at home this season.",
    ),
    "signings.txt": (
        {"title": "Stam and Dahl sign on", "source": "Harbour Courier", "published": "2024-11-10"},
        "Ivo Stam, signed by the Hawks from Kessel only 48 hours earlier, scored on his debut. "
        "Mia Dahl has agreed a two-year deal with the Owls. "
        "Stam's new club were level with ten minutes left to play.",
    ),
    "owls.txt": (
        {
            "title": "Hawks vs. Owls: live updates from Bramley Park",
            "source": "Harbour Courier",
            "published": "2024-11-03",
        },
        "The Hawks and the Owls met at Bramley Park on Sunday night in front of a sell-out crowd. "
        "The Owls struck first through a header from Mia Dahl. "
        "Ivo Stam scored twice after the break as the Hawks held on to beat the Owls 3-1. "
        "After her 14th season as head coach of the Owls, Ada Berg announced her retirement on Monday. "
        "“This ruling reads as if the league office wrote it for the Hawks,” Owls owner Lena Moe said after the "
        "game.",
    ),
}


@pytest.fixture(scope="module")
def season_close(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("season_close") / "articles", SEASON_CLOSE, local_embedder)


def test_a_compound_questions_first_part_is_answered_by_its_own_sentence(season_close: Assistant) -> None:
    # the whole question's words rank the users' sentences first; the seed round's sum answers the first part
    answer = season_close.ask(
        "How much seed money has Tovik raised, and how many monthly active users does it expect to hit by the end "
        "of the year?"
    )
    assert "$2.1 million" in answer.text and "40,000" in answer.text, answer.text
    assert_verbatim(season_close, answer)


def test_a_game_named_by_its_two_sides_joined_is_the_game_they_played(season_close: Assistant) -> None:
    # "the Hawks-Owls game" is written "The Hawks and the Owls met"
    answer = season_close.ask("What was the final score of the Hawks-Owls game at Bramley Park?")
    assert not answer.abstained and "3-1" in answer.text, answer.text


def test_an_ordinal_after_whose_it_is_counts_them(season_close: Assistant) -> None:
    # "her 14th season as head coach": she coached 14 seasons
    answer = season_close.ask("How many seasons had Ada Berg coached the Owls when she retired?")
    assert not answer.abstained and "14th season" in answer.text, answer.text


def test_a_quarter_the_articles_never_write_is_declined_by_name(season_close: Assistant) -> None:
    answer = season_close.ask("What revenue did Basko report for the fourth quarter?")
    assert answer.abstained and "fourth quarter" in answer.text, answer.text
    answered = season_close.ask("What revenue did Basko report for Q3?")
    assert not answered.abstained and "$310,000" in answered.text, answered.text


def test_a_numbered_season_the_articles_never_write_is_declined_by_name(season_close: Assistant) -> None:
    answer = season_close.ask("When is season 2 of Harbour Nights coming out on Netflix?")
    assert answer.abstained and "season 2" in answer.text, answer.text
    # "season 1" is written "season one"
    answered = season_close.ask("When does season 1 of Harbour Nights arrive on Netflix?")
    assert not answered.abstained and "March 3" in answered.text, answered.text


def test_a_later_half_asking_how_old_is_answered_by_an_age(season_close: Assistant) -> None:
    # "12 films" is a figure of hers, no age; her age is in another article
    answer = season_close.ask("When does season 1 of Harbour Nights arrive on Netflix, and how old is Ola Varga?")
    assert "March 3" in answer.text and "Varga, 34," in answer.text, answer.text


def test_a_sentence_saying_this_is_why_is_told_with_the_reason_before_it(season_close: Assistant) -> None:
    answer = season_close.ask("Why was the Friday crossing to Orvin cancelled?")
    assert "cracked fuel line" in answer.text, answer.text
    assert_verbatim(season_close, answer)


def test_a_figure_that_might_come_about_is_no_count_of_what_happened(season_close: Assistant) -> None:
    # "Stam could score three goals" is a joke before the tie, no count of the goals he scored in it
    answer = season_close.ask("How many goals did Ivo Stam score in the cup tie against Kessel?")
    assert answer.abstained and answer.text == NO_FIGURE, answer.text


def test_how_long_a_contract_is_is_a_length_written_beside_it(season_close: Assistant) -> None:
    answer = season_close.ask("How long is Mia Dahl's new contract with the Owls?")
    assert not answer.abstained and "two-year deal" in answer.text, answer.text
    # "48 hours earlier" tells when he signed, "ten minutes left" another length: neither is his contract's
    declined = season_close.ask("How long is Ivo Stam's new contract with the Hawks?")
    assert declined.abstained and declined.text == NO_DURATION, declined.text


# Session 52: an article's own questions, measures asked with "what's", a team's record beside its name, a month a
# question sets, a count written with an irregular verb
FERRY_LINES = {
    "winter.txt": (
        {"title": "Orvin ferry winter timetable", "source": "Kessel Post", "published": "2024-11-12"},
        "Is the Orvin ferry running this winter? "
        "The operator said the boat will sail twice a day from December until March. "
        "Tickets can be bought on board or at the terminal. "
        "The Kessel ferry carried 41,000 passengers in October, its busiest month of the year.",
    ),
    "pass.txt": (
        {"title": "A season pass for island commuters", "source": "Kessel Post", "published": "2024-11-13"},
        "Commuters between Kessel and Orvin can now buy a season pass. "
        "The pass covers every crossing on the Orvin ferry and is sold at the terminal. "
        "Mia Dahl, who commutes to Orvin, said the pass would save her hours of queuing.",
    ),
    "cup.txt": (
        {"title": "Hawks and Owls meet in Brask", "source": "Kessel Post", "published": "2024-11-14"},
        "The Hawks (8-3) will face the Owls (5-6) in Brask on Saturday for the island cup. "
        "Both sides rested their captains last week. "
        "The Hawks signed Tom Berg to a new contract before the season.",
    ),
    "films.txt": (
        {"title": "Two island films open this weekend", "source": "Kessel Post", "published": "2024-11-17"},
        "Kessel Tide, a film about the lighthouse keepers of the north coast, opens on Friday. "
        "The other opening this weekend is Harbour Nights, the story of a ferry crew stranded on the islands all "
        "winter. "
        "Its director spent three years filming on the crossing, and the crew members play themselves. "
        "The early screenings for the crew's families were a great success. "
        "It is showing in 120 cinemas across the country.",
    ),
    "inquiry.txt": (
        {"title": "Harbour inquiry hears from the ferry company", "source": "Kessel Post", "published": "2024-11-16"},
        "Per Olsen-Berg told the harbour inquiry on Tuesday that the ferry company paid $2.4 million for the Nordlys. "
        "The inquiry will hear from the harbour master next week.",
    ),
    "berg.txt": (
        {"title": "Berg's best season yet", "source": "Kessel Post", "published": "2024-11-15"},
        "Tom Berg was the Hawks' leading receiver again. "
        "He caught 64 passes for 810 yards and seven touchdowns this season. "
        "Berg has played for the Hawks since he left school.",
    ),
}


@pytest.fixture(scope="module")
def ferry_lines(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("ferry_lines") / "articles", FERRY_LINES, local_embedder)


def test_an_articles_own_question_gives_way_to_the_answer_after_it(ferry_lines: Assistant) -> None:
    answer = ferry_lines.ask("How often will the Orvin ferry sail this winter?")
    assert "twice a day" in answer.text, answer.text
    assert "Is the Orvin ferry running this winter?" not in answer.text, answer.text
    assert_verbatim(ferry_lines, answer)


def test_a_measure_asked_with_whats_needs_its_figure(ferry_lines: Assistant) -> None:
    # "What's the price of ...", "What's the total value of ...": a sum, which no sentence on the pass or on Berg gives
    for question in (
        "What's the price of a season pass on the Orvin ferry?",
        "What's the total value of Tom Berg's new contract with the Hawks?",
    ):
        answer = ferry_lines.ask(question)
        assert answer.abstained and answer.text == NO_FIGURE, (question, answer.text)


def test_a_teams_record_beside_its_name_is_no_score_of_the_game(ferry_lines: Assistant) -> None:
    answer = ferry_lines.ask("What was the final score when the Hawks played the Owls in Brask?")
    assert answer.abstained and answer.text == NO_FIGURE, answer.text


def test_a_month_the_articles_never_write_is_declined_by_name(ferry_lines: Assistant) -> None:
    answer = ferry_lines.ask("How many passengers did the Kessel ferry carry in September?")
    assert answer.abstained and "September" in answer.text, answer.text
    answered = ferry_lines.ask("How many passengers did the Kessel ferry carry in October?")
    assert not answered.abstained and "41,000" in answered.text, answered.text


def test_a_count_written_with_an_irregular_verb_answers(ferry_lines: Assistant) -> None:
    # "how many catches": "He caught 64 passes"
    answer = ferry_lines.ask("How many catches did Tom Berg have this season?")
    assert not answer.abstained and "64 passes" in answer.text, answer.text


def test_initials_are_a_name_whose_parts_are_joined_by_a_hyphen(ferry_lines: Assistant) -> None:
    # "POB" is "Per Olsen-Berg", as "SBF" is "Sam Bankman-Fried": the question's name is written
    answer = ferry_lines.ask("At the POB inquiry hearing, how much did the ferry company pay for the Nordlys?")
    assert not answer.abstained and "$2.4 million" in answer.text, answer.text


def test_a_figure_is_of_a_name_written_near_it(ferry_lines: Assistant) -> None:
    # "It is showing in 120 cinemas" is of Harbour Nights, named just before; Kessel Tide is named only far above it
    answer = ferry_lines.ask("How many cinemas is Kessel Tide showing in?")
    assert answer.abstained and answer.text == NO_FIGURE, answer.text
    answered = ferry_lines.ask("How many cinemas is Harbour Nights showing in?")
    assert not answered.abstained and "120 cinemas" in answered.text, answered.text


HARBOUR_FUND = {
    "fund.txt": (
        {"title": "The fund only the rich can join", "source": "Kessel Post", "published": "2024-11-20"},
        "The Kessel Harbour Fund buys stakes in the island's boatyards. "
        "Because of its minimum investment of 50,000 crowns, few islanders can join it. "
        "Its managers said returns had beaten the island bank's savings rate for five years.",
    ),
}


@pytest.fixture(scope="module")
def harbour_fund(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("harbour_fund") / "articles", HARBOUR_FUND, local_embedder)


def test_the_verb_a_question_is_asked_with_is_not_what_it_asks_about(harbour_fund: Assistant) -> None:
    # "the minimum you need to invest": no sentence writes "need", and none has to
    answer = harbour_fund.ask("What's the minimum you need to invest to join the Kessel Harbour Fund?")
    assert not answer.abstained and "50,000 crowns" in answer.text, answer.text
    assert_verbatim(harbour_fund, answer)


NIGHT_TRAINS = {
    "trains.txt": (
        {"title": "Tarn Valley night trains halted", "source": "Tarn Courier", "published": "2024-10-08"},
        "The Tarn Valley Railway stopped its night trains between Osby and Lund on Monday, a week after it "
        "published the winter timetable. "
        "The night service had carried some 400 passengers a week. "
        "Mira Lind, who runs the line, said buses would take their place until March. "
        "The company feared that a loaded night train could widen cracks its engineers had found in the old Osby "
        "viaduct. "
        "Day trains, which are lighter, still cross it at walking pace.",
    ),
    "market.txt": (
        {"title": "Osby market moves indoors", "source": "Tarn Courier", "published": "2024-10-09"},
        "The Osby Saturday market will move into the old engine shed for the winter. "
        "Stallholders voted for the move after two wet weekends emptied the square.",
    ),
}


@pytest.fixture(scope="module")
def night_trains(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("night_trains") / "articles", NIGHT_TRAINS, local_embedder)


def test_why_is_answered_by_the_sentence_telling_the_cause_though_it_shares_few_words(night_trains: Assistant) -> None:
    # the sentence holding the question's words tells when it happened ("a week after ..."), not why; the cause is
    # told two sentences on, in words the question does not use
    answer = night_trains.ask("Why did the Tarn Valley Railway stop its night trains?")
    assert not answer.abstained
    assert any("feared that a loaded night train" in c.quote for c in answer.citations), answer.text
    assert_verbatim(night_trains, answer)
    # asked when, not why, the answer does not go on to the cause
    plain = night_trains.ask("When did the Tarn Valley Railway stop its night trains?")
    assert not any("cracks" in c.quote for c in plain.citations), plain.text


HAWKS_STREAK = {
    "hawks.txt": (
        {"title": "Hawks eye another win", "source": "Kessel Post", "published": "2024-11-08"},
        "The Hawks go for a sixth straight win when they host the Owls on Sunday. "
        "Their coach, Mira Lind, has kept the same starting lineup all autumn. "
        "Kick-off is at 1 p.m. at Harbour Park. "
        "Tickets for Sunday are nearly sold out.",
    ),
}


@pytest.fixture(scope="module")
def hawks_streak(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("hawks_streak") / "articles", HAWKS_STREAK, local_embedder)


def test_how_long_a_thing_is_asks_its_size_not_a_length_of_time(hawks_streak: Assistant) -> None:
    # "how long a winning streak": told as "a sixth straight win", no span of days or weeks
    answer = hawks_streak.ask("How long a winning streak are the Hawks going for on Sunday?")
    assert not answer.abstained and "sixth straight win" in answer.text, answer.text
    assert_verbatim(hawks_streak, answer)
    # how long something lasts is still asked as a time: the article does not tell it
    declined = hawks_streak.ask("How long has Mira Lind coached the Hawks?")
    assert declined.abstained, declined.text


def test_a_compound_questions_later_half_is_answered_when_its_first_is_not(hawks_streak: Assistant) -> None:
    # the first half asks for a figure no article gives; the second is answered, and the answer says which is not
    answer = hawks_streak.ask("How many tickets are left, and when do the Hawks host the Owls?")
    assert not answer.abstained, answer.text
    assert "host the Owls on Sunday" in answer.text
    assert answer.text.endswith("The articles found do not answer “How many tickets are left”."), answer.text
    assert_verbatim(hawks_streak, answer)
    # neither half answered: declined as before
    declined = hawks_streak.ask("How many tickets are left, and how much does one cost?")
    assert declined.abstained, declined.text


SIGNING = {
    "signing.txt": (
        {"title": "Berg settles in at Harbour Park", "source": "Tarn Herald", "published": "2024-10-01"},
        "Tom Berg left the Owls for the Hawks in a deal worth around $A12 million in August. "
        "The striker has scored four goals in six games since. "
        "The Owls had paid $US3 million for him two years earlier.",
    ),
}


@pytest.fixture(scope="module")
def signing(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("signing") / "articles", SIGNING, local_embedder)


def test_a_dollar_written_with_its_country_after_the_sign_is_a_sum(signing: Assistant) -> None:
    # Australian papers write "$A12 million" and "$US3 million": sums of money, as "A$12 million" is
    answer = signing.ask("How much did the Hawks pay to sign Tom Berg?")
    assert not answer.abstained and "$A12 million" in answer.text, answer.text
    assert_verbatim(signing, answer)
    figures = find_figures("a deal worth around $A12 million, after $US3 million")
    assert [(f.value, f.unit) for f in figures] == [(12_000_000.0, "AUD"), (3_000_000.0, "USD")]


AI_STARTUPS = {
    "clever.txt": (
        {"title": "Clever AI turns office chores into code", "source": "Tarn Herald", "published": "2024-09-12"},
        "Clever AI, founded this year by two students, turns office chores written in plain English into code. "
        "Ivo Stam is among its backers, and banks are among its first customers.",
    ),
    "lab.txt": (
        {"title": "A new AI lab for the harbour", "source": "Tarn Herald", "published": "2024-09-14"},
        "Ivo Stam and two others pledged to put $5 million into a new AI lab at the harbour, which Ola Varga will run. "
        "The lab opens in March.",
    ),
}


@pytest.fixture(scope="module")
def ai_startups(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("ai_startups") / "articles", AI_STARTUPS, local_embedder)


def test_a_names_short_word_does_not_stand_for_it(ai_startups: Assistant) -> None:
    # "AI" is written in the other article too: the sum put into the AI lab is not what went into Clever AI
    answer = ai_startups.ask("How much money did Ivo Stam put into Clever AI?")
    assert answer.abstained and answer.text == NO_FIGURE, answer.text
    # the lab's own sum is found when asked of it
    answered = ai_startups.ask("How much money did Ivo Stam put into the new AI lab at the harbour?")
    assert not answered.abstained and "$5 million" in answered.text, answered.text


COLUMNS = {
    "whitfield.txt": (
        {
            "title": "Whitfield's week 9 picks",
            "source": "Kessel Post",
            "author": "Dana Whitfield",
            "published": "2024-11-07",
        },
        "After going 9-5 against the spread last week, I am now at 41-37 for the season. "
        "The Hawks host the Owls on Sunday and their defence has not allowed a touchdown in two games. "
        "Pick: Hawks 27, Owls 20.",
    ),
    "brun.txt": (
        {"title": "Brun's week 9 picks", "source": "Kessel Post", "author": "Ole Brun", "published": "2024-11-07"},
        "It was a rough week. After going 6-8 against the spread, I am now at 35-43 for the season. "
        "The Owls have won three straight on the road. "
        "Pick: Owls 24, Hawks 21.",
    ),
    "live.txt": (
        {"title": "Hawks vs. Owls: live updates", "source": "Kessel Post", "published": "2024-11-10"},
        "The Hawks hosted the Owls on Sunday night at Harbour Park. "
        "9:02 p.m.: Mira Lind kicks a 40-yard field goal to put the Hawks ahead. "
        "Final: Hawks 23, Owls 20. "
        "The Hawks have won six straight.",
    ),
}


@pytest.fixture(scope="module")
def columns(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("columns") / "articles", COLUMNS, local_embedder)


def test_a_writer_named_in_the_question_is_answered_from_their_own_articles(columns: Assistant) -> None:
    # both columns give a record against the spread in the same words: the one asked about is the named writer's
    answer = columns.ask("what's dana whitfield's record against the spread this season")
    assert not answer.abstained, answer.text
    assert "41-37" in answer.text and "35-43" not in answer.text, answer.text
    assert {c.name for c in answer.citations} == {"whitfield.txt"}, answer.text
    assert_verbatim(columns, answer)
    other = columns.ask("What's Ole Brun's record against the spread this season?")
    assert "35-43" in other.text and "41-37" not in other.text, other.text


def test_a_score_written_as_each_sides_points_after_its_name_answers_what_the_score_was(columns: Assistant) -> None:
    # live updates and picks write a score "Hawks 23, Owls 20", never "23-20"
    answer = columns.ask("What was the final score when the Hawks hosted the Owls at Harbour Park?")
    assert not answer.abstained, answer.text
    assert "Hawks 23, Owls 20" in answer.text, answer.text
    assert_verbatim(columns, answer)


LOOKOUT = {
    "lookout.txt": (
        {"title": "Kelby Lookout reopens", "source": "Kessel Post", "published": "2024-06-01"},
        "The Kelby Lookout reopened on Saturday after a winter of repairs. "
        "About 2,000 visitors climb the Kelby Lookout on a summer day, the harbour board says. "
        "Its steel frame rises 48 metres above the quay, and the lift to the top takes a minute. "
        "Tickets cost 60 kroner.",
    ),
}


@pytest.fixture(scope="module")
def lookout(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("lookout") / "articles", LOOKOUT, local_embedder)


def test_how_tall_something_is_is_answered_by_a_length_not_by_any_figure(lookout: Assistant) -> None:
    # the sentence naming the tower best counts its visitors; its height is told in the next, in metres
    answer = lookout.ask("How tall is the Kelby Lookout?")
    assert not answer.abstained, answer.text
    assert "48 metres" in answer.text, answer.text
    assert_verbatim(lookout, answer)


RANKINGS_HALVES = {
    "rankings.txt": (
        {"title": "Goalkeeper rankings, week 12", "source": "Kessel Post", "published": "2024-11-12"},
        "Mika Orvin is No. 1 in our week 12 goalkeeper rankings after a third clean sheet in a row. "
        "Owls defender Per Lund is suspended for the cup tie. "
        "Rookie Ole Brun gets his first start in Lund's place with the Owls, and Ole Brun impressed in training, the "
        "club said. "
        "Ole Brun is 19 and came through the Owls academy.",
    ),
}


@pytest.fixture(scope="module")
def rankings_halves(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("rankings_halves") / "articles", RANKINGS_HALVES, local_embedder)


def test_a_compound_question_opens_with_the_name_its_first_half_asks_for(rankings_halves: Assistant) -> None:
    # the second half's answer is named most often; the answer opens with the first half's, the goalkeeper ranked
    # first, whose sentence holds the first half's words
    answer = rankings_halves.ask(
        "who's the No. 1 goalkeeper in the week 12 rankings, and which Owls rookie gets a start with Lund suspended?"
    )
    assert answer.text.startswith("Mika Orvin."), answer.text
    assert "Ole Brun" in answer.text, answer.text
    assert_verbatim(rankings_halves, answer)


GAME_YARDS = {
    "game.txt": (
        {"title": "Hawks grind past Owls", "source": "Kessel Post", "published": "2024-11-18"},
        "The Hawks beat the Owls 17-10 on Sunday in a game of few big plays. "
        "Hawks quarterback Ole Brun was sacked three times and lost 21 yards on the final drive alone. "
        "Running back Mika Orvin rushed for 88 yards on 20 carries and scored both touchdowns. "
        "The Owls' defence held the Hawks to 3 of 12 on third down.",
    ),
}


@pytest.fixture(scope="module")
def game_yards(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("game_yards") / "articles", GAME_YARDS, local_embedder)


def test_how_many_passing_yards_asks_yards_told_as_passed(game_yards: Assistant) -> None:
    # the quarterback's yards lost to sacks are no passing yards, and no sentence tells his passing yards
    declined = game_yards.ask("How many passing yards did Ole Brun finish with against the Owls?")
    assert declined.abstained, declined.text
    # rushing yards are told as rushed, or on carries
    answer = game_yards.ask("How many rushing yards did Mika Orvin finish with against the Owls?")
    assert not answer.abstained and "rushed for 88 yards" in answer.text, answer.text
    assert_verbatim(game_yards, answer)


TARN_CROSSING = {
    "ferry.txt": (
        {"title": "Ferry strike ends after nine days", "source": "Tarn Herald", "published": "2024-10-03"},
        "The ferry strike on the Tarn crossings ended on Friday after nine days. "
        "Union leader Ragna Holt said members had voted to accept a pay rise of 6 per cent over two years. "
        "Services resume on Monday with a reduced timetable. "
        "The operator, Fjordlink, said the strike had cost it about 4 million kroner. "
        "Fjordlink's chief executive, Per Sand, thanked passengers for their patience. "
        "Around 12,000 commuters use the crossings each weekday.",
    ),
    "bridge.txt": (
        {"title": "New bridge plan put to council", "source": "Tarn Herald", "published": "2024-10-05"},
        "A bridge to replace the Tarn ferries would cost 900 million kroner, a council report says. "
        "The report, written by engineer Ola Dahl, proposes a four-lane crossing opening in 2031. "
        "Councillors will vote on the plan in December. "
        "Commuter groups have long argued that the ferries are too slow and too often cancelled.",
    ),
}


@pytest.fixture(scope="module")
def tarn_crossing(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("tarn_crossing") / "articles", TARN_CROSSING, local_embedder)


def test_each_half_of_a_compound_question_is_asked_as_a_question_of_its_own(tarn_crossing: Assistant) -> None:
    # the whole question's words find the union's sentence best; the bridge's opening is found by the later
    # half's own words, in another article
    answer = tarn_crossing.ask("What pay rise did the union accept, and when would the bridge open?")
    assert not answer.abstained, answer.text
    quotes = [c.quote for c in answer.citations]
    assert any("a pay rise of 6 per cent" in q for q in quotes), answer.text
    assert any("opening in 2031" in q for q in quotes), answer.text
    assert "do not answer" not in answer.text
    assert_verbatim(tarn_crossing, answer)


def test_a_later_half_leaning_on_an_unanswered_first_half_is_not_answered_on_its_own(tarn_crossing: Assistant) -> None:
    # "what did it cost?" asked alone would be answered by any cost (the strike's, the bridge's); it asks the cost
    # of a ferry no article tells of, so it is not answered, and the answer says the first half is not
    answer = tarn_crossing.ask("When did Fjordlink's new ferry launch, and what did it cost?")
    assert "900 million" not in answer.text, answer.text
    if not answer.abstained:
        assert "do not answer “When did Fjordlink's new ferry launch”" in answer.text, answer.text


HARBOUR_FESTIVAL = {
    "festival.txt": (
        {"title": "Harbour festival is back after two years", "source": "Lynmouth Post", "published": "2024-07-14"},
        "The harbour festival returned to Lynmouth on Saturday after a two-year break.\n"
        "Mayor Elin Varga opened the festival with a speech on the quay. "
        "“We have waited a long time for this day,” Varga said.\n"
        "Some residents have complained that the festival's late-night music keeps the old town awake until dawn. "
        "“We will end the concerts at eleven o'clock this year,” Varga said. “Nobody should lose sleep over it.”\n"
        "Around 20,000 visitors are expected over the weekend.",
    ),
    "ferry.txt": (
        {"title": "Summer ferry timetable starts", "source": "Lynmouth Post", "published": "2024-06-01"},
        "The summer ferry timetable starts on Monday, with six crossings a day to the islands.\n"
        "“Demand has never been higher,” said harbour master Tor Lind.",
    ),
}


@pytest.fixture(scope="module")
def harbour_festival(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("harbour_festival") / "articles", HARBOUR_FESTIVAL, local_embedder)


def test_what_someone_said_on_a_topic_is_the_statement_the_sentence_before_it_leads_into(
    harbour_festival: Assistant,
) -> None:
    # the complaint is told in the sentence leading into the mayor's answer, whose own words say nothing of it
    answer = harbour_festival.ask("What did Elin Varga say about residents complaining about the late-night music?")
    assert not answer.abstained, answer.text
    assert "end the concerts at eleven" in answer.text, answer.text
    assert "waited a long time" not in answer.text, "her words on another thing are not her answer"
    assert_verbatim(harbour_festival, answer)


CUP_FINAL = {
    "final.txt": (
        {"title": "Ardmore win the county cup in extra time", "source": "Valley Courier", "published": "2024-05-19"},
        "Ardmore won the county cup final 3-2 against Kilbride on Sunday after extra time.\n"
        "Niamh Rourke scored twice for Ardmore, and her second goal won the county cup final for Ardmore.\n"
        "Kilbride's captain Aoife Dunne praised Ardmore's county cup final display.\n"
        "Late in the game, the referee, Brendan Kealy, awarded Kilbride a penalty after a handball in the box.\n"
        "A crowd of 4,000 watched at the county ground.",
    ),
    "fixtures.txt": (
        {"title": "League fixtures announced", "source": "Valley Courier", "published": "2024-05-20"},
        "The league fixtures for the new season were announced on Monday.\n"
        "Ardmore open their season against Kilbride in June.",
    ),
}


@pytest.fixture(scope="module")
def cup_final(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("cup_final") / "articles", CUP_FINAL, local_embedder)


def test_who_the_question_calls_by_a_noun_is_the_name_the_evidence_writes_beside_that_noun(
    cup_final: Assistant,
) -> None:
    # the scorer is named in the sentences most like the question; the referee only in a weaker one, beside "referee"
    answer = cup_final.ask("Who was the referee that gave Kilbride a penalty in the county cup final against Ardmore?")
    assert not answer.abstained, answer.text
    assert answer.text.startswith("Brendan Kealy"), answer.text
    assert_verbatim(cup_final, answer)
    scorer = cup_final.ask("Who scored twice for Ardmore in the county cup final?")
    assert scorer.text.startswith("Niamh Rourke"), scorer.text


GADGET_REVIEWS = {
    "lumo.txt": (
        {"title": "The Lumo X1 headphones, three years on", "source": "Gadget Courier", "published": "2024-03-02"},
        "The Lumo X1 headphones are still on sale three years after launch.\n"
        "We gave the Lumo X1 a review score of 88 when it came out in 2021, praising its comfort.\n"
        "Its battery lasts about 30 hours on a charge, and it now sells for $199.",
    ),
    "derby.txt": (
        {"title": "Harbour Town win the derby", "source": "Gadget Courier", "published": "2024-03-03"},
        "Harbour Town beat Quayside 3-1 in the derby on Saturday, and the fans wore Lumo X1 headphones in the stands.",
    ),
}


@pytest.fixture(scope="module")
def gadget_reviews(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("gadget_reviews") / "articles", GADGET_REVIEWS, local_embedder)


def test_a_review_score_asked_for_is_a_rating_not_the_points_of_two_sides(gadget_reviews: Assistant) -> None:
    answer = gadget_reviews.ask("What review score did the Gadget Courier give the Lumo X1 headphones?")
    assert not answer.abstained, answer.text
    assert "review score of 88" in answer.text, answer.text
    assert "3-1" not in answer.text, answer.text
    assert_verbatim(gadget_reviews, answer)
    # a game's score is still two sides' points
    game = gadget_reviews.ask("What was the score in the derby between Harbour Town and Quayside?")
    assert "3-1" in game.text, game.text


STREAMING_PRICES = {
    "lumo.txt": (
        {"title": "Lumo Plus adds a family plan", "source": "Gadget Courier", "published": "2024-04-02"},
        "Lumo Plus, the comics streaming service, now has two million subscribers.\n"
        "The new Lumo Plus family plan costs $120 and covers up to five readers.\n"
        "On its own, Lumo Plus still costs $4.99 a month.",
    ),
    "kelby.txt": (
        {"title": "Kelby Box launches in Norway", "source": "Gadget Courier", "published": "2024-04-03"},
        "The Kelby Box streaming service launched in Norway on Tuesday.\n"
        "Kelby Box costs $15 for the first three months, and the company has signed up 40,000 homes.",
    ),
}


@pytest.fixture(scope="module")
def streaming_prices(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("streaming_prices") / "articles", STREAMING_PRICES, local_embedder)


def test_a_figure_asked_per_month_or_per_year_is_answered_by_a_rate_not_by_a_total(
    streaming_prices: Assistant,
) -> None:
    answer = streaming_prices.ask("How much does Lumo Plus cost per month?")
    assert not answer.abstained, answer.text
    assert "$4.99 a month" in answer.text, answer.text
    assert_verbatim(streaming_prices, answer)
    # the only price of Kelby Box is for its first three months: no yearly cost
    yearly = streaming_prices.ask("How much does Kelby Box cost per year?")
    assert yearly.abstained, yearly.text
    assert "$15" not in yearly.text, yearly.text


FRAUD_TRIAL = {
    "trial.txt": (
        {"title": "Harbour fund fraud trial ends", "source": "Nordvik Post", "published": "2024-03-15"},
        "The harbour fund fraud trial ended on Friday in Nordvik.\n"
        "Judge Eva Strand sentenced the fund's founder, Anna Holm, to six years in prison.",
    ),
    "plea.txt": (
        {"title": "Ferry company treasurer pleads guilty", "source": "Nordvik Post", "published": "2024-03-20"},
        "The ferry company's former treasurer, Lars Berg, pleaded guilty to fraud on Wednesday.\n"
        "Berg faces up to 20 years in prison when he is sentenced in May.",
    ),
}


@pytest.fixture(scope="module")
def fraud_trial(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("fraud_trial") / "articles", FRAUD_TRIAL, local_embedder)


def test_a_sentence_someone_got_is_not_the_one_they_face(fraud_trial: Assistant) -> None:
    given = fraud_trial.ask("What prison sentence did Anna Holm get?")
    assert not given.abstained, given.text
    assert "six years in prison" in given.text, given.text
    assert_verbatim(fraud_trial, given)
    faced = fraud_trial.ask("What prison sentence did Lars Berg end up getting?")
    assert faced.abstained, faced.text
    assert "20 years" not in faced.text, faced.text


LIGHTHOUSE_INTERVIEW = {
    "interview.txt": (
        {"title": "Marta Lindqvist on the lighthouse museum", "source": "Nordvik Post", "published": "2024-02-10"},
        "Marta Lindqvist has run the Nordvik lighthouse museum for twenty years.\n\n"
        "Last week I asked her about the museum's future.\n\n"
        "This interview has been lightly edited for length and clarity.\n\n"
        "Why did the museum close for the winter?\n\n"
        "The roof leaks, and the county has not paid for the roof repairs it promised in 2021.\n\n"
        "What do visitors miss most while it is shut?\n\n"
        "The lamp room. Children love to climb the spiral stairs to it.",
    ),
    "ferry.txt": (
        {"title": "Ferry timetable changes", "source": "Nordvik Post", "published": "2024-02-11"},
        "The winter ferry timetable starts on Monday.\n"
        "“The roof of the ferry terminal will be repaired in March,” said harbour master Tor Lind.",
    ),
}


@pytest.fixture(scope="module")
def lighthouse_interview(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    folder = tmp_path_factory.mktemp("lighthouse_interview") / "articles"
    return assistant_over(folder, LIGHTHOUSE_INTERVIEW, local_embedder)


def test_what_someone_interviewed_said_is_found_in_their_unquoted_answers(lighthouse_interview: Assistant) -> None:
    # the answers stand in no quotation marks and name no speaker: the article says it prints an interview with her
    answer = lighthouse_interview.ask("What did Marta Lindqvist say about the roof repairs?")
    assert not answer.abstained, answer.text
    assert "The roof leaks" in answer.text, answer.text
    assert "will be repaired in March" not in answer.text, "the harbour master's words are not hers"
    assert "Why did the museum close" not in answer.text, "the interviewer's question is not her answer"
    assert_verbatim(lighthouse_interview, answer)


MOISTURE_LAB = {
    "gel.txt": (
        {"title": "A gel that pulls water from desert air", "source": "Science Desk", "published": "2024-05-02"},
        "Ingrid Solberg is a chemist at the Tromsø Institute of Materials in northern Norway. Her group is building "
        "a cheap gel that pulls drinking water out of dry air, for villages far from any well or river.\n"
        "Gels like it have been tried for years. Earlier designs soaked up a little water overnight and gave most "
        "of it back to the wind by noon, and nobody had tested how much salt such a gel could be made to carry "
        "before it fell apart in the sun.\n"
        "Soaking the gels for weeks instead of hours made the difference. The best sample ended up far saltier "
        "than any gel before it. It carried 31 grams of salt per gram of gel.",
    ),
    "coating.txt": (
        {"title": "A hull coating that keeps barnacles off", "source": "Science Desk", "published": "2024-05-09"},
        "Engineers at Harbour Lab in Bergen are testing a paint that keeps barnacles off the hulls of fishing "
        "boats without the copper that poisons the fjords. They hope boat owners will be able to buy it within "
        "two years, once it has passed the tests that insurers and port authorities ask for.\n"
        "Most hull paints wear off after a season of scraping against ice and docks, and owners repaint them "
        "every spring at a cost that small fishing crews can hardly carry.\n"
        "A sealant sold by Kestrel Polymers was sprayed on a second test hull. It lasted 40 days in the salt tank.",
    ),
}


@pytest.fixture(scope="module")
def moisture_lab(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("moisture_lab") / "articles", MOISTURE_LAB, local_embedder)


def test_a_figure_in_a_sentence_pointing_back_to_one_naming_nothing_is_of_what_the_article_is_about(
    moisture_lab: Assistant,
) -> None:
    # "It carried 31 grams" stands for "the best sample", which names nothing: the figure is of the article's gel,
    # though the institute the question names is written a paragraph away
    answer = moisture_lab.ask("How much salt could the best Tromsø Institute gel carry?")
    assert not answer.abstained, answer.text
    assert "31 grams of salt" in answer.text, answer.text
    assert_verbatim(moisture_lab, answer)
    # "It lasted 40 days" stands for Kestrel Polymers' sealant, named in the sentence before it: no figure of the
    # paint Harbour Lab is testing
    other = moisture_lab.ask("How many days did the Harbour Lab paint last in the salt tank?")
    assert "40 days" not in other.text, other.text


# Sentences opening "It" whose name is written before them, in their paragraph or, when they open one, in the last
# sentence of the paragraph before
PRONOUNS = {
    "weekend.txt": (
        {"title": "What to watch this weekend", "source": "Kessel Post", "published": "2024-11-22"},
        "Coastline, a documentary about the lighthouse keepers of the north coast, opens on Friday. Its makers "
        "spent four winters on the islands, and the keepers' families helped them film the storms. The last keeper "
        "of the Kessel light, who retired in the spring, narrates the film, and the score was recorded in the "
        "lighthouse itself, with the wind and the foghorn left in. Critics who saw it at the autumn festival called "
        "it the most beautiful film of the year.\n"
        "The other new release of the weekend is Harbour Nights, a small drama about a fishing town.\n"
        "It is showing in 120 cinemas across the country.",
    ),
    "orders.txt": (
        {"title": "Planemakers count their orders", "source": "Kessel Post", "published": "2024-11-23"},
        "Airbus has had a strong year at the air shows, with airlines in Asia and the Gulf lining up for its "
        "long-range jets and its new freighter. Its factories in Toulouse and Hamburg are running at full speed, "
        "its suppliers have caught up with the engines they owed it, and its chief executive told investors that "
        "the backlog now stretches well into the next decade.\n"
        "Boeing is further behind in the race. It has booked 350 orders for its new jet this year.",
    ),
}


@pytest.fixture(scope="module")
def pronouns(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("pronouns") / "articles", PRONOUNS, local_embedder)


def test_a_figure_in_a_sentence_pointing_back_is_of_the_name_written_before_it(pronouns: Assistant) -> None:
    # "It" opens its paragraph: the last sentence of the one before names Harbour Nights
    coastline = pronouns.ask("How many cinemas is Coastline showing in?")
    assert "120 cinemas" not in coastline.text, coastline.text
    harbour = pronouns.ask("How many cinemas is Harbour Nights showing in?")
    assert "120 cinemas" in harbour.text, harbour.text
    # "Boeing is further behind" names Boeing, though its name ends as a verb's -ing form does
    airbus = pronouns.ask("How many orders has Airbus booked this year?")
    assert "350 orders" not in airbus.text, airbus.text


# A basketball win: a team's lead ranks above the points of the player the question asks about.
HAWKS_WIN = {
    "hawks.txt": (
        {"title": "Hawks beat Kelby", "source": "Harbour Gazette", "published": "2024-11-02"},
        "Guard Mara Fenwick has exploded late to lead the Harbour Hawks to a club-record score in a 104-96 road win "
        "over the Kelby Kings. "
        "It gave the Harbour Hawks a game-high 18-point lead after Kelby had lost two starters to injury. "
        "The Kings never gave up but could not close the gap as Fenwick finished with a game-high 31 points. "
        "The Hawks host Lund on Friday.",
    ),
}


@pytest.fixture(scope="module")
def hawks_win(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("hawks") / "articles", HAWKS_WIN, local_embedder)


def test_a_count_asked_of_someone_is_given_by_a_sentence_naming_them(hawks_win: Assistant) -> None:
    # the team's 18-point lead is a figure of points, but not of Fenwick's
    answer = hawks_win.ask("How many points did Mara Fenwick score when the Harbour Hawks beat the Kelby Kings?")
    assert not answer.abstained and "31 points" in answer.text, answer.text


# A shutdown told in passing in one article, and why in the article on the company itself, which calls it otherwise.
HAULAGE = {
    "rivals.txt": (
        {"title": "Lund Freight posts a profit", "source": "Harbour Gazette", "published": "2024-10-20"},
        "Lund Freight posted a quarterly profit on Tuesday. "
        "Other young haulage firms such as Kelby Haulage have struggled this year. "
        "In Kelby Haulage's case, the business was forced to shut down, its trucks sold to Lund Freight. "
        "Lund Freight keeps hiring drivers despite the slump.",
    ),
    "kelby.txt": (
        {"title": "Kelby Haulage closes its doors", "source": "Norvik Business", "published": "2024-10-18"},
        "Kelby Haulage, the Norvik trucking startup, is no more. "
        "The trucking startup told its staff this week it was shutting down due to what its founders called a "
        "collapse in freight rates. "
        "It had raised 40 million euros two years ago.",
    ),
}


@pytest.fixture(scope="module")
def haulage(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("haulage") / "articles", HAULAGE, local_embedder)


def test_why_is_answered_by_another_article_on_the_story_that_says_what_caused_it(haulage: Assistant) -> None:
    answer = haulage.ask("Why did Kelby Haulage shut down?")
    assert not answer.abstained and "collapse in freight rates" in answer.text, answer.text


# A headphones guide: the battery life is told in the sentence after the one naming the model.
HEADPHONES = {
    "guide.txt": (
        {"title": "The best headphones", "source": "Harbour Gazette", "published": "2024-11-20"},
        "If you want noise-canceling headphones with superb battery life, the Halden Aria 4 are your best option. "
        "These headphones are capable of lasting up to 55 hours on a single charge. "
        "The Halden Aria Buds 2 are on sale for $142, a new low. "
        "The Halden Aria 4 weigh just 290 grams, lighter than most rivals.",
    ),
}


@pytest.fixture(scope="module")
def headphones(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("headphones") / "articles", HEADPHONES, local_embedder)


def test_a_measure_typed_as_a_search_is_answered_with_it(headphones: Assistant) -> None:
    answer = headphones.ask("halden aria 4 battery life")
    assert not answer.abstained and "55 hours" in answer.text, answer.text


# A fund's vote told by a report written before it, in words that say nothing of the future; a ferry vote reported
# after it was held
FUND_VOTE = {
    "fund.txt": (
        {"title": "Harbour Songs Fund sets its vote", "source": "Music Ledger", "published": "2024-10-02"},
        "Harbour Songs Fund, the Norvik-listed music rights fund, looks likely to hold its continuation vote on "
        "Thursday, October 24, according to an announcement from the firm today. "
        "Shareholders have questioned the fund's valuation for months.",
    ),
    "ferry.txt": (
        {"title": "Ferry board vote", "source": "Harbour Post", "published": "2024-10-25"},
        "At its vote on October 22, the ferry board backed the new timetable by five votes to two.",
    ),
    # a report of early January on a day of late December: of the year before
    "harbour.txt": (
        {"title": "Harbour board vote", "source": "Harbour Post", "published": "2025-01-03"},
        "At its vote on December 28, the harbour board backed the dredging plan by six votes to one.",
    ),
}


@pytest.fixture(scope="module")
def fund_vote(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("fund_vote") / "articles", FUND_VOTE, local_embedder)


def test_what_happened_on_a_day_after_every_report_of_it_was_published_is_declined(fund_vote: Assistant) -> None:
    declined = fund_vote.ask("what was the result of the Harbour Songs Fund continuation vote on october 24")
    assert declined.abstained and "October 24 as still to come" in declined.text, declined.text
    # a report published after the day it writes tells what happened on it
    held = fund_vote.ask("What was the result of the ferry board vote on October 22?")
    assert not held.abstained and "five votes to two" in held.text, held.text
    held = fund_vote.ask("What was the result of the harbour board vote on December 28?")
    assert not held.abstained and "six votes to one" in held.text, held.text


def test_how_much_something_weighs_in_pounds_asks_a_weight_not_a_sum(headphones: Assistant) -> None:
    # pounds weigh as well as pay: the weight in grams answers, no sum is asked for
    answer = headphones.ask("how much do the Halden Aria 4 weigh in pounds")
    assert not answer.abstained and "290 grams" in answer.text, answer.text


def test_a_question_asked_to_be_answered_in_percentage_terms_asks_a_share(hawks_win: Assistant) -> None:
    from rag.asked_kinds import ASKS_PERCENT

    assert ASKS_PERCENT.search("How accurate is the test compared to a swab, in percentage terms?")
    assert ASKS_PERCENT.search("how big was the Hawks' lead as a percentage")
    assert not ASKS_PERCENT.search("Is the test reported in percentage terms by the lab or by the startup?")
    assert not ASKS_PERCENT.search("Did the lab report the accuracy in percentage terms?")  # a yes or no
    # no share is told of Fenwick's shooting: her 31 points are no answer
    answer = hawks_win.ask("How accurate was Mara Fenwick's shooting against the Kelby Kings, in percentage terms?")
    assert answer.abstained and answer.text == NO_FIGURE, answer.text


# A preview of a final, the score it tells being of the same final four years before
CUP_PREVIEW = {
    "preview.txt": (
        {"title": "Lund and Kelby meet again", "source": "Harbour Gazette", "published": "2024-10-26"},
        "Lund and Kelby face off in the 2024 Harbour Cup final at the old harbour ground on Saturday. "
        "The 2020 Harbour Cup final between Lund and Kelby was one of many firsts, and by full-time the 32-12 "
        "score in Lund's favour sealed a third title. "
        "Kelby are six-point favourites this time.",
    ),
}


@pytest.fixture(scope="module")
def cup_preview(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("cup_preview") / "articles", CUP_PREVIEW, local_embedder)


def test_a_figure_told_only_of_another_year_does_not_answer(cup_preview: Assistant) -> None:
    answer = cup_preview.ask("What was the final score of the Lund vs Kelby 2024 Harbour Cup final?")
    assert answer.abstained and "32-12" not in answer.text, answer.text
    # the year asked of is written: the figure answers
    answer = cup_preview.ask("What was the final score of the 2020 Harbour Cup final between Lund and Kelby?")
    assert not answer.abstained and "32-12" in answer.text, answer.text


# A watch review: why an older model lacks a gesture, told generally and then in detail
WATCH_GESTURE = {
    "watch.txt": (
        {"title": "The Kelby Watch 5's pinch gesture", "source": "Gadget Post", "published": "2024-10-25"},
        "That has led to confusion about why the pinch gesture is not available on older Kelby Watches that support "
        "Hand Control. "
        "The short answer is that the Kelby Watch 5 has a more powerful chip. "
        "Specifically, the new K5 features four motion cores for machine learning, which is what powers pinch. "
        "Hand Control offers four gestures: tap, double tap, clench and double clench.",
    ),
}


@pytest.fixture(scope="module")
def watch_gesture(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("watch_gesture") / "articles", WATCH_GESTURE, local_embedder)


def test_a_sentence_spelling_out_a_chosen_one_in_detail_goes_with_it(watch_gesture: Assistant) -> None:
    answer = watch_gesture.ask("What is the short answer to why only the Kelby Watch 5 gets the pinch gesture?")
    assert not answer.abstained and "more powerful chip" in answer.text, answer.text
    assert "four motion cores" in answer.text, answer.text


# A match report filed from the ground: the byline says where it was written, after the writer's name
FILED_FROM_GROUND = {
    "lionesses.txt": (
        {
            "title": "England draw with Wales to stay top | Ann Marlow",
            "source": "Harbour Gazette",
            "author": "Ann Marlow at Kelby Park",
            "published": "2024-11-29",
        },
        "England drew 1-1 with Wales at Kelby Park on Friday night and stay top of their group. "
        "For all their creativity going forward, perhaps the biggest flaw in this side is a lack of pace at the back. "
        "The manager said she was pleased with the point.",
    ),
    "ferries.txt": (
        {
            "title": "Ferry fares rise",
            "source": "Coast Courier",
            "author": "Bo Kim, Tom Reyes and Ida Holm",
            "published": "2024-11-28",
        },
        "Ferry fares on the harbour routes will rise by eight percent in January, the operator said on Thursday.",
    ),
    "pundit.txt": (
        {"title": "Carra hits back at Kelby manager", "source": "Coast Courier", "published": "2024-11-27"},
        "The former defender said Kelby's back four had been the worst in the league this season.",
    ),
}


@pytest.fixture(scope="module")
def filed_from_ground(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("filed_from") / "articles", FILED_FROM_GROUND, local_embedder)


def test_a_writer_whose_byline_says_where_they_filed_from_is_a_writer_of_the_corpus(
    filed_from_ground: Assistant,
) -> None:
    from rag.catalog import byline_writers

    assert byline_writers("Ann Marlow at Kelby Park") == ["Ann Marlow"]
    assert byline_writers("Robin Buller in Oakland, California") == ["Robin Buller"]
    assert byline_writers("Bo Kim, Tom Reyes and Ida Holm") == ["Bo Kim", "Tom Reyes", "Ida Holm"]
    assert byline_writers("Ava Benny-Morrison, Bloomberg") == ["Ava Benny-Morrison"]
    assert byline_writers("Lisa Ray, Ken Ito, The Associated Press") == ["Lisa Ray", "Ken Ito"]
    assert byline_writers("Serina Dale, Texas A&M University") == ["Serina Dale"]
    assert byline_writers("Jane Doe, Staff Writer") == ["Jane Doe"]
    assert byline_writers("Jane Doe, Business Insider") == ["Jane Doe"]
    # named with the outlet first, or alone: what they wrote answers, their surname is no word the text must use
    for question in (
        "According to the Harbour Gazette's Ann Marlow, what is the biggest flaw in this England side?",
        "what does Ann Marlow think is the biggest flaw in this England side",
    ):
        answer = filed_from_ground.ask(question)
        assert not answer.abstained and "lack of pace" in answer.text, (question, answer.text)
    # a writer named after the first in a byline is one too
    answer = filed_from_ground.ask("What did Ida Holm report about ferry fares?")
    assert not answer.abstained and "eight percent" in answer.text, answer.text
    # a name only a title writes is mentioned all the same
    answer = filed_from_ground.ask("What was the Coast Courier's story on Carra and Kelby's back four?")
    assert not answer.abstained and "worst in the league" in answer.text, answer.text


# A game report writing a receiver's first name as initials with stops; a quoted boxer has the same initials
INITIALS_WITH_STOPS = {
    "game.txt": (
        {"title": "Kelby beat Lund 31-17", "source": "Harbour Sports", "published": "2024-10-22"},
        "Kelby rolled to a 31-17 win over Lund on Sunday night. "
        "T.J. Marsh overcame a slow start and shined for Kelby, posting 137 yards and a touchdown in the win. "
        "Quarterback Leo Dunn threw for 280 yards.",
    ),
    "boxing.txt": (
        {"title": "Jessop ready for Lund bout", "source": "Harbour Sports", "published": "2024-10-20"},
        '"I am ready," Tom Jessop said on Friday. Jessop fights in Lund next month. '
        '"The camp went well," Jessop said. Jessop has won eleven straight bouts.',
    ),
}


@pytest.fixture(scope="module")
def initials_with_stops(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("initials") / "articles", INITIALS_WITH_STOPS, local_embedder)


def test_initials_typed_without_stops_find_the_name_written_with_them(initials_with_stops: Assistant) -> None:
    from rag.lexicon import content_stems

    assert "tj" in content_stems("T.J. Marsh overcame a slow start")
    answer = initials_with_stops.ask("how many yards did TJ Marsh have against Lund")
    assert not answer.abstained and "137 yards" in answer.text, answer.text
    assert "280" not in answer.text.split("[")[0], answer.text


# A deals roundup: each price told of "it", the thing named before it in the sentence
DEALS_ROUNDUP = {
    "deals.txt": (
        {"title": "The best October gaming deals", "source": "Gadget Post", "published": "2024-10-10"},
        "Here are the best gaming deals we could find this week. "
        "Kelby's wired Orca V2 Chroma controller has fallen to a new low at Amazon, where you can grab it for just "
        "$87.99 ($62 off). "
        "The Lund Pro headset is a great pick for long sessions, and you can get it now for $129.99 at Best Buy. "
        "Our favourite budget mouse sells for $19.99.",
    ),
}


@pytest.fixture(scope="module")
def deals_roundup(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("deals") / "articles", DEALS_ROUNDUP, local_embedder)


def test_how_much_is_a_thing_asks_its_price_told_of_it(deals_roundup: Assistant) -> None:
    for question in (
        "how much is the Kelby Orca V2 Chroma in the Gadget Post's October gaming deals",
        "How much is Kelby's Orca V2 Chroma controller?",
    ):
        assert ASKS_MONEY.search(question), question
        answer = deals_roundup.ask(question)
        assert not answer.abstained and "$87.99" in answer.text, (question, answer.text)
        assert "$129.99" not in answer.text, answer.text
    answer = deals_roundup.ask("how much is the Lund Pro headset at Best Buy")
    assert not answer.abstained and "$129.99" in answer.text, answer.text
    # a "how much is" asking a share, an amount of something else or a change asks no price
    for question in (
        "How much is the rate cut?",
        "how much is inflation expected to rise",
        "How much is left in the fund?",
        "How much is the stake worth?",
        "How much is the battery on the Orca?",
        "how much is it",
        "How much is the tariff on Chinese EVs?",
        "How much are the Chiefs favored over the Eagles?",
        "How much is the population of Texas?",
        "How much aid is entering Gaza each day?",  # counted in trucks
    ):
        assert not ASKS_MONEY.search(question), question
    assert ASKS_MONEY.search("How much military aid has Kelby sent to the harbour towns?")


# A motorsport roundup: who is to spot for a driver next season, beside a sentence naming the driver among others
SPOTTERS = {
    "roundup.txt": (
        {"title": "Offseason roundup: testing and new spotters", "source": "Harbour Sports", "published": "2024-12-07"},
        "Mara Lind was one of six drivers to take part in the test at Kelby, joining Tom Reyes, Ida Holm, "
        "Leo Dunn, Sam Ortiz and Ben Vale. "
        "Two of the biggest stars will have new eyes in the sky next season, as the spotters for both Ada Kerr and "
        "Mara Lind announced they will be stepping down. "
        "According to Ed Pratt of Coast Radio, former driver Kai Vance, the longtime spotter for Lou Hart, will take "
        "over as the spotter for Lind next season.",
    ),
}


@pytest.fixture(scope="module")
def spotters(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("spotters") / "articles", SPOTTERS, local_embedder)


def test_who_is_going_to_hold_a_role_is_answered_by_the_one_named_beside_it(spotters: Assistant) -> None:
    from rag.entity_choice import asked_holder

    assert asked_holder("Who is going to be Mara Lind's spotter in 2025?") == "spotter"
    assert asked_holder("who is set to be the new captain of Kelby") == "captain"
    assert asked_holder("Who is going to win?") == ""
    answer = spotters.ask("Who is going to be Mara Lind's spotter next season?")
    assert not answer.abstained and answer.text.startswith("Kai Vance."), answer.text


# A funding story whose round's lead investor is told far down, in words the question does not use
FUNDING_ROUND = {
    "round.txt": (
        {"title": "Kelby Mobile raises $3M", "source": "Startup Wire", "published": "2024-10-30"},
        "African mobile video network Kelby Mobile has secured $3 million in pre-Series A funding. "
        "Kelby Mobile connects mobile users to local creators through partnerships with carriers in six markets. "
        "It has previously raised nearly $8 million from an array of investors, including Orca Ventures, Snap via "
        "its Yellow Accelerator program and Lund Capital. "
        "The five-year-old network prioritises ways for creators to earn money from short videos. "
        "Subscribers pay a small weekly fee through their phone bill. "
        "The company plans to expand into two more countries next year. "
        "Harbour Capital, an Africa-focused venture capital firm, led the pre-Series A funding round. "
        "Soccer players Mika Berg and Jon Toure also took part.",
    ),
}


@pytest.fixture(scope="module")
def funding_round(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(
        tmp_path_factory.mktemp("funding_round") / "articles", FUNDING_ROUND, local_embedder, chunk_tokens=40, top_k=2
    )


def test_who_did_a_deed_the_passages_found_do_not_tell_is_found_in_their_article(funding_round: Assistant) -> None:
    from rag.entities import does_deed_to, done_by_name

    assert does_deed_to("A so-called angel, Jane Doe led the seed round.", "lead", "round")  # "led", not "called"
    assert done_by_name("Deft was founded in 2019 by Alex Gunnarson.", "found")
    assert not done_by_name("Deft, founded in 2015 and backed by Peter Thiel, is growing.", "found")
    answer = funding_round.ask("Who led Kelby Mobile's $3 million round?")
    assert not answer.abstained and answer.text.startswith("Harbour Capital."), answer.text
    assert "led the pre-Series A funding round" in answer.text, answer.text


# A preview of a game, telling the scores of the sides' earlier meetings and where each stands
GAME_PREVIEW = {
    "preview.txt": (
        {"title": "Lund vs. Kelby odds and predictions", "source": "Harbour Sports", "published": "2024-11-05"},
        "Kelby is 7-2, 5-0 in its last season in the Harbour Conference. "
        "When looking at Lund vs. Kelby odds, the recent past gives a good window into what to expect: over the "
        "previous four seasons, Kelby has beaten Lund by scores of 48-10, 35-12, 65-35 and 49-27. "
        "The game kicks off on Friday night at the old harbour ground.",
    ),
}


@pytest.fixture(scope="module")
def game_preview(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("game_preview") / "articles", GAME_PREVIEW, local_embedder)


def test_a_score_typed_before_its_game_is_not_answered_by_earlier_meetings_or_records(game_preview: Assistant) -> None:
    from rag.asked_kinds import of_past_meetings, without_records

    assert asked_measure("final score lund vs kelby friday night") == ("score", "score")
    assert asked_measure("score lakers vs celtics") == ("score", "score")
    assert without_records("Kelby is 7-2, 5-0 in its last season.") == "Kelby is          in its last season."
    assert (
        without_records("Lund moves to 6-1, while Kelby fall to 5-2.") == "Lund moves to    , while Kelby fall to    ."
    )
    for scored in (
        "The score was 21-14 at the half.",
        "The score stood at 1-1 at half-time.",
        "Sinner's win was 6-4, 6-3.",
        "Arsenal's lead moved to 2-0.",
        "The series now stands at 2-1.",
    ):
        assert without_records(scored) == scored
    assert of_past_meetings(
        "What was the final score?", "over the previous four seasons, Kelby beat Lund by scores of 48-10"
    )
    assert of_past_meetings("What was the final score?", "In their last three meetings Kelby won each time.")
    assert not of_past_meetings("What was the score the last time they met?", "the last time they met, Kelby won")
    # a report of the game itself writes other earlier games and seasons
    assert not of_past_meetings(
        "What was the final score?", "Kelby, who had lost three of their last four games, won 31-17"
    )
    assert not of_past_meetings(
        "What was the final score?", "Dunn, last season's MVP, threw three touchdowns as Kelby won"
    )
    for question in ("final score lund vs kelby friday night", "What was the final score of the Lund vs Kelby game?"):
        answer = game_preview.ask(question)
        assert answer.abstained and "48-10" not in answer.text and "7-2" not in answer.text, (question, answer.text)


# A markets report: what is behind a move, told with "due to"
MARKET_MOVE = {
    "markets.txt": (
        {"title": "Harbour shares rise", "source": "Coast Courier", "published": "2024-10-04"},
        "Harbour Freight shares rose 9 percent on Tuesday after the company reported an operating profit for the "
        "first time in a year. "
        "The profit was in large part due to a price increase earlier this year and the closing of two loss-making "
        "routes. "
        "Analysts expect more cuts next year.",
    ),
}


@pytest.fixture(scope="module")
def market_move(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("market_move") / "articles", MARKET_MOVE, local_embedder)


def test_what_is_behind_something_asks_its_cause(market_move: Assistant) -> None:
    from rag.ranking import ASKS_REASON

    for question in (
        "What does the Coast Courier say is behind Harbour Freight's return to profit?",
        "what's behind the rise in Harbour Freight shares",
        "What caused the rise?",
    ):
        assert ASKS_REASON.search(question), question
    for naming in (
        "Who is behind the Harbour Freight bid?",
        "What company is behind the Orca app?",
        "What group was behind the attack on the harbour?",
    ):
        assert not ASKS_REASON.search(naming), naming  # a name
    answer = market_move.ask(
        "What does the Coast Courier say is behind Harbour Freight's return to an operating profit?"
    )
    assert not answer.abstained and "due to a price increase" in answer.text, answer.text


# A profile of a couple: how many children they have, told as the kinds of them
COUPLE_PROFILE = {
    "couple.txt": (
        {"title": "Ann and Bo Lind on forty years of marriage", "source": "Coast Courier", "published": "2024-11-27"},
        "Singers Ann Lind and Bo Lind shared a few secrets about their marriage of nearly forty years. "
        "They met at a festival in Kelby in 1984 but did not start dating until 1986. "
        "The couple share three daughters: Mia, 31; Ella, 29; and Lou, 25. "
        "Both still tour every summer.",
    ),
}


@pytest.fixture(scope="module")
def couple_profile(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("couple") / "articles", COUPLE_PROFILE, local_embedder)


def test_a_count_of_children_is_answered_by_a_count_of_the_kinds_of_them(couple_profile: Assistant) -> None:
    for question in ("how many kids do Ann and Bo Lind have", "How many children do Ann and Bo Lind have?"):
        answer = couple_profile.ask(question)
        assert not answer.abstained and "three daughters" in answer.text, (question, answer.text)


# A Q&A's introduction: how long the one interviewed has been at the company, told right after she is named
QA_INTRODUCTION = {
    "qa.txt": (
        {"title": "Robotics Q&A with Kelby Robotics' Ada Kerr", "source": "Startup Wire", "published": "2024-12-09"},
        "We are talking to robotics leaders about where the field is going. "
        "This time it's Kelby Robotics CTO, Ada Kerr. "
        "She has been with the company for more than 20 years, most recently serving as its vice president of "
        "engineering. "
        "What role will generative AI play in the future of robotics? "
        "Kerr said it would help robots plan their movements.",
    ),
    "succession.txt": (
        {"title": "Lund Robotics names a new chief", "source": "Startup Wire", "published": "2024-12-02"},
        "Mia Berg replaced Tom Reyes as chief executive of Lund Robotics, who retired. "
        "He had led the firm for 12 years.",
    ),
}


@pytest.fixture(scope="module")
def qa_introduction(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("qa_intro") / "articles", QA_INTRODUCTION, local_embedder)


def test_how_long_someone_has_been_somewhere_is_told_right_after_they_are_named(qa_introduction: Assistant) -> None:
    answer = qa_introduction.ask("How long has Ada Kerr been at Kelby Robotics?")
    assert not answer.abstained and "more than 20 years" in answer.text, answer.text
    # the sentence naming her is read first, the one going on about her after it
    assert answer.text.index("Ada Kerr") < answer.text.index("She has been"), answer.text
    # "He" after a sentence naming another last is not her
    answer = qa_introduction.ask("How long has Mia Berg been chief executive of Lund Robotics?")
    assert "12 years" not in answer.text, answer.text


# A regulator's objections with no deadline given, a shutdown told with no date, and aid told with no sum
NO_TIME_NO_SUM = {
    "objections.txt": (
        {
            "title": "EU objects to Kelby's purchase of Lund Robotics",
            "source": "Startup Wire",
            "published": "2024-11-27",
        },
        "European Union regulators have sent Kelby a formal statement of objections over its proposed purchase of "
        "robot maker Lund Robotics. "
        "Kelby was contacted for a response to the statement of objections. "
        "The Commission's decision on the deal is due by February 14, 2025.",
    ),
    "zenlo.txt": (
        {"title": "The founder of Zenlo is back", "source": "Startup Wire", "published": "2024-11-19"},
        "Orca spent more than $200 million to buy Zenlo and kept its team. "
        "As part of Orca's cost-cutting, the company decided to shut down Zenlo altogether. "
        "Its founder has now started a new app.",
    ),
    "aid.txt": (
        {"title": "Harbour aid may fade", "source": "Coast Courier", "published": "2024-12-25"},
        "Military experts said the war's course next year will be dictated by whether aid from Kelby declines. "
        "Another year of war has drained Western military resources and the appetite for sending aid.",
    ),
    "pledge.txt": (
        {"title": "Lund pledges aid", "source": "Coast Courier", "published": "2024-12-20"},
        "Lund pledged $1.2 billion in humanitarian aid to the harbour towns last month.",
    ),
}


@pytest.fixture(scope="module")
def no_time_no_sum(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("no_time") / "articles", NO_TIME_NO_SUM, local_embedder)


def test_a_deadline_a_hedged_when_and_an_amount_of_aid_are_answered_only_by_a_time_or_a_sum(
    no_time_no_sum: Assistant,
) -> None:
    for question in (
        "What deadline has the European Commission given Kelby to respond to its objections?",
        "When exactly did Orca pull the plug on Zenlo?",
    ):
        answer = no_time_no_sum.ask(question)
        assert answer.abstained and answer.text == NO_WHEN, (question, answer.text)
    answer = no_time_no_sum.ask("How much military aid in total has Kelby sent to the harbour?")
    assert answer.abstained and answer.text == NO_FIGURE, answer.text
    # the time or the sum given answers
    answer = no_time_no_sum.ask("What is the deadline for the Commission's decision on Kelby's deal?")
    assert not answer.abstained and "February 14, 2025" in answer.text, answer.text
    answer = no_time_no_sum.ask("How much humanitarian aid did Lund pledge to the harbour towns?")
    assert not answer.abstained and "$1.2 billion" in answer.text, answer.text


# A live blog of a game: a stat typed as a search is answered with the player's figure
GAME_BLOG = {
    "blog.txt": (
        {
            "title": "Kelby vs. Lund live score, updates, highlights",
            "source": "Harbour Sports",
            "published": "2024-10-22",
        },
        "Kelby vs. Lund live score, updates and highlights from Sunday night's game. "
        "The Harbour Sports tracked live updates from Sunday night's game between Kelby and Lund. "
        "8:57 p.m. — Leo Dunn has Kelby into Lund territory after a quick pass on Sunday night. "
        "9:40 p.m. — Leo Dunn is sacked on third down as Lund's defence holds Kelby. "
        "10:02 p.m. — Leo Dunn finds Mia Berg for a touchdown and Kelby lead Lund. "
        "Dunn finished the game with 280 passing yards. "
        "Lund's Ben Vale now has 879 yards on the season.",
    ),
}


@pytest.fixture(scope="module")
def game_blog(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("game_blog") / "articles", GAME_BLOG, local_embedder)


def test_a_stat_typed_as_a_search_is_answered_with_the_players_figure(game_blog: Assistant) -> None:
    from rag.asked_kinds import STAT_SEARCHED, counted_doer

    assert STAT_SEARCHED.match("Leo Dunn passing yards Kelby vs Lund Sunday night")
    assert counted_doer("Leo Dunn passing yards Kelby vs Lund Sunday night") == "Leo Dunn"
    assert not STAT_SEARCHED.match("how many goals did he score")  # a question, asked as one
    for searched in (
        "summarize the goals of the plan",
        "Talking points from the Kelby debate",
        "Kelby sacks its manager",
        "Lund points to election fraud",
        "Dunn runs for mayor",
        "Name the player with the most goals this season",
        "In 2024 who scored the most goals",
    ):
        assert not STAT_SEARCHED.match(searched), searched
    from rag.asked_kinds import counted_kind_stems

    assert counted_kind_stems("Leo Dunn passing yards Kelby vs Lund") >= {"pass"}
    assert counted_kind_stems("How old is the player who led the league in receiving yards?") == set()
    answer = game_blog.ask("Leo Dunn passing yards Kelby vs Lund Sunday night")
    assert not answer.abstained and "280 passing yards" in answer.text, answer.text
    assert "879" not in answer.text, answer.text
    # a topic searched for is no stat asked: nothing is declined for want of a figure
    answer = game_blog.ask("Kelby vs Lund highlights")
    assert not answer.abstained, answer.text


# A preview: one player's count told of him, another's asked of and told of no one
PLAYERS_COUNTS = {
    "preview.txt": (
        {"title": "Start 'em, sit 'em: Kelby vs. Lund", "source": "Harbour Sports", "published": "2024-11-30"},
        "When Kelby and Lund meet on Thursday night, plenty of fantasy questions remain. "
        "Backup Mika Berg exited early because of a knee injury against Lund, putting his status in doubt. "
        "Be wary of anyone who has rushed for just 47 yards two straight weeks. "
        "Kelby's leading receiver Tom Reyes did the heavy lifting for the unit. "
        "He caught 82 passes for 1,049 yards and nine touchdowns.",
    ),
    "buckeyes.txt": (
        {"title": "Ohio State roll past Lund", "source": "Harbour Sports", "published": "2024-11-24"},
        "Ohio State were too strong for Lund on Saturday. The Buckeyes piled up 38 points and ran for 250 yards.",
    ),
}


@pytest.fixture(scope="module")
def players_counts(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("players_counts") / "articles", PLAYERS_COUNTS, local_embedder)


def test_a_persons_count_is_told_of_them_not_of_anyone(players_counts: Assistant) -> None:
    answer = players_counts.ask("How many rushing yards did Mika Berg put up against Lund on Thursday night?")
    assert answer.abstained and answer.text == NO_FIGURE, answer.text
    # told as "He" right after the sentence naming him
    answer = players_counts.ask("how many catches did Tom Reyes have this season?")
    assert not answer.abstained and "82 passes" in answer.text, answer.text
    # a team's count is told by its nickname as often: only a person's must name them
    answer = players_counts.ask("How many points did Ohio State score against Lund?")
    assert not answer.abstained and "38 points" in answer.text, answer.text
    from rag.extractive import _a_persons_name
    from rag.question import QuestionPlan

    plan = QuestionPlan(question="")
    assert _a_persons_name("Zach Charbonnet", plan) and _a_persons_name("Leo Dunn", plan)
    for name in ("Quayside Ferries", "Real Madrid", "Ohio State", "Harbor Freight", "Jeffrey Epstein's"):
        assert not _a_persons_name(name, plan), name  # a firm, a team; the estate of "Jeffrey Epstein's estate"


# A preview of a cup final, and the report of its semi-final
CUP_FINAL_PREVIEW = {
    "preview.txt": (
        {
            "title": "Kelby and Orca meet in the Harbour Cup final",
            "source": "Harbour Sports",
            "published": "2024-11-24",
        },
        "Kelby, who lost last year's final to Lund, will have earned a 29th Harbour Cup title if they beat Orca in "
        "Sunday's decider. "
        "Jan Sintra beat Kelby's Alex Dunn in straight sets in the group stage.",
    ),
    "semi.txt": (
        {"title": "Orca through to the final", "source": "Harbour Sports", "published": "2024-11-23"},
        "Orca beat Vale 2-1 in the semi-final on Saturday to reach the Harbour Cup final.",
    ),
}


@pytest.fixture(scope="module")
def cup_final_preview(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("cup_final") / "articles", CUP_FINAL_PREVIEW, local_embedder)


def test_who_won_of_two_offered_is_one_of_them_told_beating_the_other(cup_final_preview: Assistant) -> None:
    from rag.contests import contest_sides

    assert contest_sides("who ended up winning the 2024 harbour cup final, kelby or orca?") == ("kelby", "orca")
    answer = cup_final_preview.ask("who ended up winning the 2024 harbour cup final, kelby or orca?")
    assert answer.abstained and "do not say who won" in answer.text, answer.text
    answer = cup_final_preview.ask("who won the harbour cup semi-final, orca or vale?")
    assert not answer.abstained and answer.text.startswith("Orca."), answer.text


# A playoff told as to come in a month, and a final told as played in another
MONTH_TO_COME_REPORTS = {
    "playoff.txt": (
        {"title": "Kelby face playoff for Harbour Cup spot", "source": "Harbour Sports", "published": "2024-11-21"},
        "Kelby will now have to defeat Lund in a one-off playoff in March to reach the 2025 Harbour Cup. "
        "The defeated team can still qualify if they win a later playoff with another loser, which takes place in "
        "March.",
    ),
    "final.txt": (
        {"title": "Orca's year", "source": "Harbour Sports", "published": "2024-11-20"},
        "Orca beat Vale 3-0 in the Coast Shield final in May, their first trophy in a decade.",
    ),
    "bank.txt": (
        {"title": "Harbour bank holds", "source": "Coast Courier", "published": "2024-11-22"},
        "The Harbour central bank will meet next week and may cut rates again. "
        "Governor Ida Holm, who will travel to Lund next week, signed the new lending rules in April.",
    ),
}


@pytest.fixture(scope="module")
def month_to_come(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("month_to_come") / "articles", MONTH_TO_COME_REPORTS, local_embedder)


def test_what_happened_in_a_month_every_report_tells_as_to_come_is_declined(month_to_come: Assistant) -> None:
    answer = month_to_come.ask("What was the result of Kelby's March playoff against Lund for a Harbour Cup spot?")
    assert answer.abstained and "March as still to come" in answer.text, answer.text
    # a yes or no question is answered with what the reports say
    answer = month_to_come.ask("Did Kelby beat Lund in the March playoff for a Harbour Cup spot?")
    assert not answer.abstained and "will now have to defeat Lund" in answer.text, answer.text
    # a month told as past answers
    answer = month_to_come.ask("What was the score of the May final of the Coast Shield between Orca and Vale?")
    assert not answer.abstained and "3-0" in answer.text, answer.text
    # "may" is no month; a "will" in another clause says nothing of the month
    answer = month_to_come.ask("Did the Harbour central bank cut rates in May?")
    assert "still to come" not in answer.text, answer.text
    answer = month_to_come.ask("Did Ida Holm sign the new lending rules in April?")
    assert not answer.abstained and "signed the new lending rules in April" in answer.text, answer.text


# A film's article naming its director far down; a startup's naming its founders far down, in the passive
MAKERS_FAR_DOWN = {
    "film.txt": (
        {"title": "5 things to know before watching Kelby Nights", "source": "Screen Post", "published": "2024-10-26"},
        "The haunted-pier video game Kelby Nights is less than a decade old, but a movie version has been in the "
        "works almost since the game launched. "
        "The movie is kind of weird, and not because of missing fan lore. "
        "There are plenty of cheap jump scares and a few gruesome bits. "
        "Fans might expect more screen time for the pier's animatronic crew. "
        "Producer Jon Vale said his company cracked the story by making it for fans. "
        "Finally, under director Ada Lindqvist, the film is hitting theaters the same day it starts streaming.",
    ),
    "startup.txt": (
        {"title": "Orca wants to fix online shopping search", "source": "Startup Wire", "published": "2024-11-11"},
        "Online shopping search is broken, says investor Sam Cole, a founder of an e-commerce search startup. "
        "Orca is testing two paid tiers: a $10 a month plan and a $20 a month plan. "
        "The app compares prices across many shops and filters out sponsored results. "
        "Its users have saved an average of $40 a month, the company says. "
        "Orca was founded in 2019 by Mia Berg and Tom Reyes.",
    ),
}


@pytest.fixture(scope="module")
def makers_far_down(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(
        tmp_path_factory.mktemp("makers") / "articles", MAKERS_FAR_DOWN, local_embedder, chunk_tokens=40, top_k=2
    )


def test_who_made_something_is_found_where_its_article_names_the_maker(makers_far_down: Assistant) -> None:
    answer = makers_far_down.ask("Who directed the Kelby Nights movie?")
    assert not answer.abstained and answer.text.startswith("Ada Lindqvist."), answer.text
    answer = makers_far_down.ask("who founded the online shopping search startup Orca?")
    assert not answer.abstained and answer.text.startswith("Mia Berg."), answer.text


# Session 62's fresh texts: a bank run told after its cause, with an aside between
BANK_RUN = {
    "pellow.txt": (
        {"title": "How Pellow Bank fell", "source": "Harbour Gazette", "published": "2024-05-02"},
        "Pellow Bank was the harbour's oldest lender. "
        "Depositors grew nervous after the Ledger published the bank's loan book in March. "
        "Around the same time, the Kessel pension fund pulled out its remaining $40 million in deposits. "
        "(The fund had held shares in Pellow from 2015 to 2019.) "
        "This effectively triggered a run on Pellow Bank. "
        "Regulators closed the bank within a week.",
    ),
    "ferries.txt": (
        {"title": "Ferry fares rise", "source": "Quay Post", "published": "2024-05-03"},
        "The ferry company raised fares by 8 percent on Monday. "
        "Fuel costs have doubled since January, the company said.",
    ),
}


@pytest.fixture(scope="module")
def bank_run(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("bank_run") / "articles", BANK_RUN, local_embedder)


@pytest.mark.parametrize(
    "question",
    [
        "According to the Harbour Gazette, what triggered the run on Pellow Bank?",
        "what caused the run on Pellow Bank",
    ],
)
def test_what_triggered_something_is_told_by_the_sentence_this_points_back_to(
    bank_run: Assistant, question: str
) -> None:
    # "This effectively triggered a run": its cause is the sentence before, past the aside in brackets; a cause is
    # asked, not a name ("Pellow Bank." would open an entity answer)
    answer = bank_run.ask(question)
    assert not answer.abstained and "pulled out its remaining $40 million" in answer.text, answer.text
    assert "triggered a run" in answer.text and not answer.text.startswith(("Pellow", "Kessel", "Ledger")), answer.text
    assert "(The fund had held shares" not in answer.text, answer.text
    assert_verbatim(bank_run, answer)


# A series' games, each in its own live blog: the one asked about by its number, and one the articles lack
SERIES_GAMES = {
    "game2.txt": (
        {"title": "Harbour Cup Game 2: Hawks v Owls – live", "source": "Quay Post", "published": "2024-05-04"},
        "Hawks 9-1 Owls, FINAL. The Hawks levelled the Harbour Cup final series at one game each on Saturday night. "
        "Mia Lund hit two home runs for the Hawks.",
    ),
    "game4.txt": (
        {
            "title": "Harbour Cup live score: Hawks vs. Owls results from Game 4",
            "source": "Harbour Gazette",
            "published": "2024-05-07",
        },
        "The Harbour Gazette tracked live scoring updates from Game 4 of the Harbour Cup final series. "
        "Final: Owls 11, Hawks 7. "
        "The Owls now lead the series three games to one.",
    ),
    "game5_preview.txt": (
        {
            "title": "Harbour Cup Game 5 preview: can the Hawks survive?",
            "source": "Quay Post",
            "published": "2024-05-08",
        },
        "The Hawks must win on Wednesday to stay alive. In Game 4, the Owls' starter Ivo Stam struck out nine batters.",
    ),
}


@pytest.fixture(scope="module")
def series_games(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("series") / "articles", SERIES_GAMES, local_embedder)


def test_a_numbered_game_is_answered_from_its_own_article_not_another_games(series_games: Assistant) -> None:
    # "Hawks 9-1 Owls, FINAL" is Game 2's: its live blog's title numbers another game
    answer = series_games.ask("final score harbour cup final series game 4 hawks vs owls")
    assert not answer.abstained and "Owls 11, Hawks 7" in answer.text and "9-1" not in answer.text, answer.text
    answer = series_games.ask("Who hit two home runs in Game 2 of the Harbour Cup?")
    assert not answer.abstained and "Mia Lund" in answer.text, answer.text
    # Game 5's article is a preview: the other games' scores are not its score
    answer = series_games.ask("What was the final score of Game 5 of the Harbour Cup final series?")
    assert "9-1" not in answer.text and "Owls 11" not in answer.text, answer.text
    # a preview titled for the next game that tells of the one asked about is kept
    answer = series_games.ask("Who struck out nine batters in Game 4 of the Harbour Cup?")
    assert not answer.abstained and "Ivo Stam" in answer.text, answer.text
    # a question of two outlets may number one part's game only: the other part's articles stay
    found = series_games.retrieve(
        "Does the Harbour Gazette report that the Owls won Game 4, while the Quay Post says Mia Lund hit two home runs?"
    )
    assert any("Mia Lund hit two home runs" in p.text for p in found.passages), [p.name for p in found.passages]


# Why a fund lost value, told as a list a source announces after a sentence of their own, with an aside between items
FUND_LOSSES = {
    "fund.txt": (
        {"title": "Kessel Capital worth half what Ada Berg paid", "source": "Quay Post", "published": "2024-06-02"},
        "Ada Berg bought Kessel Capital for $400 million in 2021. "
        "Her stake is now worth about $200 million. "
        '"Berg had a lot of bad luck, because timing is everything in this business," a banker told the Quay Post. '
        '"Since she bought it, three unlucky things happened to the firm. '
        'First of all, interest rates rose, and leveraged deals suffer most from that." '
        "To pay for the deal, Berg borrowed $250 million from Harbour Bank. "
        '"A second factor," the banker went on, "is the new tax on fund managers, which drove clients abroad." '
        "Berg declined to comment.",
    ),
}


@pytest.fixture(scope="module")
def fund_losses(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("fund") / "articles", FUND_LOSSES, local_embedder)


def test_why_goes_on_into_the_list_of_reasons_announced_after_a_chosen_sentence(fund_losses: Assistant) -> None:
    answer = fund_losses.ask("Why has Kessel Capital lost so much value since Ada Berg bought it?")
    assert "three unlucky things happened" in answer.text and "interest rates rose" in answer.text, answer.text
    assert "the new tax on fund managers" in answer.text, "the second item, past a sentence between them"
    assert_verbatim(fund_losses, answer)


# A buyer's deals: one with its price, one without, beside the buyer's own value
BUYER_DEALS = {
    "deals.txt": (
        {"title": "Kessel Foods keeps buying", "source": "Quay Post", "published": "2024-06-03"},
        "Kessel Foods bought Orvin Dairy for $310 million in 2022. "
        "This week it was reported that Kessel Foods has also acquired Brant Bakery, with plans to double its output. "
        "Despite its debts, Kessel Foods is currently valued at around $2 billion.",
    ),
}


@pytest.fixture(scope="module")
def buyer_deals(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("buyer_deals") / "articles", BUYER_DEALS, local_embedder)


def test_what_a_buyer_paid_for_a_name_is_a_sum_told_beside_that_name(buyer_deals: Assistant) -> None:
    answer = buyer_deals.ask("How much did Kessel Foods pay to buy Orvin Dairy?")
    assert not answer.abstained and "$310 million" in answer.text, answer.text
    # the buyer's own value is no price of what it bought
    answer = buyer_deals.ask("How much did Kessel Foods pay for Brant Bakery?")
    assert answer.abstained and answer.text == NO_FIGURE, answer.text


# Sale posts: one gives only what a price comes down by, the other the price too
SALE_POSTS = {
    "lund.txt": (
        {"title": "Spring deals on headphones", "source": "Quay Post", "published": "2024-04-02"},
        "The Lund X2 headphones only came out in March but are already $50 off for the spring sale. "
        "Their battery lasts 30 hours on a charge.",
    ),
    "orca.txt": (
        {"title": "The Orca S1 speaker is on sale", "source": "Harbour Gazette", "published": "2024-04-03"},
        "The Orca S1 speaker starts at $199, and you can save $40 on it this week.",
    ),
}


@pytest.fixture(scope="module")
def sale_posts(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("sale_posts") / "articles", SALE_POSTS, local_embedder)


def test_what_a_price_comes_down_by_is_no_price(sale_posts: Assistant) -> None:
    answer = sale_posts.ask("What's the starting price of the Lund X2 headphones?")
    assert answer.abstained and answer.text == NO_FIGURE, answer.text
    answer = sale_posts.ask("What's the starting price of the Orca S1 speaker?")
    assert not answer.abstained and "$199" in answer.text, answer.text


# A harassment case without its sentence, and a fraud case with one
CASES = {
    "campus.txt": (
        {"title": "The student who tormented a lecturer", "source": "Quay Post", "published": "2024-04-05"},
        "The lecturer received over 300 messages a day from the student, known only as K. "
        "Shortly after, police arrested K. for harassment. "
        "Two years later, a student at Brant College spent a year making threatening calls to a lecturer.",
    ),
    "fraud.txt": (
        {"title": "Ivo Stam sentenced", "source": "Harbour Gazette", "published": "2024-04-06"},
        "A judge sentenced the fund manager Ivo Stam to 25 years in prison on Friday for defrauding his clients.",
    ),
}


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("cases") / "articles", CASES, local_embedder)


def test_a_sentence_handed_down_is_a_length_of_time_beside_its_sentencing(cases: Assistant) -> None:
    # "spent a year making threatening calls" tells how long another student's calls went on, not a sentence
    answer = cases.ask("What sentence did the student known as K. get after being arrested for harassing the lecturer?")
    assert answer.abstained and answer.text == NO_FIGURE, answer.text
    answer = cases.ask("What sentence did Ivo Stam get?")
    assert not answer.abstained and "25 years in prison" in answer.text, answer.text


# An odds page that lists no odds for one player, and a preview that gives another's
AWARD_ODDS = {
    "odds_page.txt": (
        {"title": "Harbour Cup MVP odds", "source": "Quay Post", "published": "2024-04-07"},
        "Below, you can check the latest Harbour Cup Most Valuable Player odds as posted at online sportsbooks. "
        "Mia Lund: Coach Ada Berg's Hawks have a gem in Mia Lund, a strong MVP contender.",
    ),
    "preview.txt": (
        {"title": "Harbour Cup preview", "source": "Harbour Gazette", "published": "2024-04-08"},
        "Ivo Stam is the favourite at +250 to win the Harbour Cup Most Valuable Player award this season.",
    ),
}


@pytest.fixture(scope="module")
def award_odds(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("award_odds") / "articles", AWARD_ODDS, local_embedder)


def test_odds_asked_in_many_words_are_odds_written_as_odds(award_odds: Assistant) -> None:
    asked = "What were {}'s exact Harbour Cup Most Valuable Player betting odds at the sportsbooks before the season?"
    answer = award_odds.ask(asked.format("Mia Lund"))
    assert answer.abstained and answer.text == NO_FIGURE, answer.text
    answer = award_odds.ask(asked.format("Ivo Stam"))
    assert not answer.abstained and "+250" in answer.text, answer.text


# A patent fight: one side's legal bill, not the other's
PATENT_FIGHT = {
    "patents.txt": (
        {"title": "Kessel Devices and Orvin Labs keep fighting", "source": "Quay Post", "published": "2024-04-09"},
        "Kessel Devices and Orvin Labs have fought over the sensor patents for four years. "
        "Orvin Labs, for example, has reportedly spent $40 million on legal fees fighting Kessel Devices so far.",
    ),
    "ground.txt": (
        {"title": "A record season at Bramley Park", "source": "Harbour Gazette", "published": "2024-04-12"},
        "Bramley Park had 54 sellouts this season, the Hawks' best since the ground opened. "
        "Since 2017, the 'Tide Mums' have raised over $170,000 for the harbour lifeboats.",
    ),
}


@pytest.fixture(scope="module")
def patent_fight(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("patent_fight") / "articles", PATENT_FIGHT, local_embedder)


def test_a_figure_told_of_the_other_side_is_not_the_one_asked_of(patent_fight: Assistant) -> None:
    answer = patent_fight.ask("How much has Kessel Devices spent on legal fees fighting Orvin Labs?")
    assert answer.abstained and answer.text == NO_FIGURE, answer.text
    answer = patent_fight.ask("How much has Orvin Labs spent on legal fees fighting Kessel Devices?")
    assert not answer.abstained and "$40 million" in answer.text, answer.text
    # where it happened is no other party ("at Bramley Park"); a name in quotes is the one asked of
    answer = patent_fight.ask("How many sellouts did the Hawks have at Bramley Park this season?")
    assert not answer.abstained and "54 sellouts" in answer.text, answer.text
    answer = patent_fight.ask("How much have the Harbour 'Tide Mums' raised for the lifeboats so far?")
    assert not answer.abstained and "$170,000" in answer.text, answer.text


# Two games at one ground: the one a compound question's first half asks about, and another with its own crowd
ONE_GROUND = {
    "hawks.txt": (
        {"title": "Hawks beat Owls", "source": "Quay Post", "published": "2024-04-10"},
        "Mia Lund scored twice as the Hawks beat the Owls 2-0 on Saturday. "
        "A crowd of 18,400 was announced for the match at Bramley Park, a record for the ground.",
    ),
    "rovers.txt": (
        {"title": "Rovers draw with Town", "source": "Harbour Gazette", "published": "2024-04-11"},
        "The Rovers' game against Town at Bramley Park drew 9,100 fans who showed up on Thursday night.",
    ),
}


@pytest.fixture(scope="module")
def one_ground(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("one_ground") / "articles", ONE_GROUND, local_embedder)


def test_a_later_half_asking_of_that_game_is_asked_of_the_first_halfs(one_ground: Assistant) -> None:
    answer = one_ground.ask(
        "Who scored for the Hawks against the Owls, and how many fans showed up at Bramley Park for that game?"
    )
    assert "Mia Lund" in answer.text and "18,400" in answer.text, answer.text
    # (what the whole question's words find follows the halves' answers)
    assert "9,100" not in answer.text or answer.text.index("18,400") < answer.text.index("9,100"), answer.text


PETITION = {
    "petition.txt": (
        {"title": "Ferry crews threaten to quit", "source": "Valley Courier", "published": "2024-05-04"},
        "Nearly 200 of the ferry company's 400 crew signed a letter saying they might quit unless the board resigns. "
        "Later on Monday, that number climbed to over 310. The board met on Tuesday.",
    ),
}


def test_a_figure_goes_on_in_a_sentence_pointing_back_after_saying_when(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    # "Later on Monday, that number climbed to over 310": the figure the letter ended up with
    assistant = assistant_over(tmp_path / "articles", PETITION, local_embedder)
    answer = assistant.ask("how many crew ended up signing the letter threatening to quit?")
    assert not answer.abstained and "over 310" in answer.text, answer.text


def test_review_cases_of_the_session_62_rules() -> None:
    # a list item opens with its ordinal, not a compound ("A first-quarter touchdown"); a figure goes on after when,
    # not after where ("In Japan, the rate is 2.5%"); a discount is "off", not "off-peak"; "beat the odds" asks none
    from rag.asked_kinds import ASKS_ODDS, gives_price
    from rag.compound import POINTS_BACK_TO_FIRST
    from rag.extractive import ENUMERATES, FIGURE_GOES_ON, lasting_near

    assert not ENUMERATES.match("A first-quarter touchdown put the Hawks ahead.")
    assert ENUMERATES.match('"A second factor," the banker went on, "is the new tax."')
    assert not FIGURE_GOES_ON.match("In Japan, the rate is 2.5%.")
    assert FIGURE_GOES_ON.match("Later on Monday, that number climbed to over 310.")
    assert gives_price("Riders pay a $5 off-peak fare.") and not gives_price("It is already $150 off for the sale.")
    assert not ASKS_ODDS.search("What happened to the team that beat the odds in the cup?")
    assert not ASKS_ODDS.search("What did former mayor Ada Berg think about Ivo Stam's odds of winning the vote?")
    assert POINTS_BACK_TO_FIRST.search("how many fans showed up for that game?")
    assert not POINTS_BACK_TO_FIRST.search("what is Orvin's revenue forecast for this year?")
    assert not POINTS_BACK_TO_FIRST.search("what did Kessel unveil at the same time?")
    for sentence in ("He was jailed for 18 months.", "She must serve 20 years.", "He was handed a 10-year term."):
        assert lasting_near("sentence").search(sentence), sentence


SALES_ABROAD = {
    "orvin.txt": (
        {"title": "Orvin Labs has a record year", "source": "Quay Post", "published": "2024-06-05"},
        "Orvin Labs had its best year yet. In China, the company sold 2 million sensors last year.",
    ),
}


def test_a_place_the_question_names_before_a_figure_is_no_other_doer(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    # "In China, the company sold ...": China is where, the company is Orvin Labs
    assistant = assistant_over(tmp_path / "articles", SALES_ABROAD, local_embedder)
    answer = assistant.ask("How many sensors did Orvin Labs sell in China?")
    assert not answer.abstained and "2 million" in answer.text, answer.text


def test_a_sentence_handed_down_in_other_words_is_one(tmp_path: Path, local_embedder: BaseEmbedding) -> None:
    jailed = {
        "court.txt": (
            {"title": "Ada Vik jailed", "source": "Quay Post", "published": "2024-06-06"},
            "A court jailed the former harbour master Ada Vik for 18 months on Tuesday for taking bribes.",
        )
    }
    assistant = assistant_over(tmp_path / "articles", jailed, local_embedder)
    answer = assistant.ask("What sentence did Ada Vik get?")
    assert not answer.abstained and "18 months" in answer.text, answer.text


QUOTED_MANAGER = {
    "preview.txt": (
        {"title": "Rovers eye the derby", "source": "Harlow Courier", "published": "2024-10-18"},
        "Harlow Rovers host Kessel Town on Saturday in the 120th derby between the clubs. "
        "Rovers have lost one of their last 14 home games against Town, and their manager Ivo Stam has won "
        "all four of his derbies so far. Town arrive with three wins from their last four league games. "
        "Stam's praise for Town's manager, Ada Berg, was of the back-handed kind.\n\n"
        "\u201cTown are in a good spell,\u201d he said. \u201cBerg's sides were always hard to break down, "
        "and you can see that again. We have to be patient and win the second balls.\u201d\n\n"
        "Rovers' new stand opens for the derby, with 2,000 more seats.",
    ),
}


def test_someone_quoted_on_a_topic_typed_as_a_headline_is_answered_with_their_words(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    # "klopp on dyche's everton before the merseyside derby": what he said, not the preview's other sentences
    assistant = assistant_over(tmp_path / "articles", QUOTED_MANAGER, local_embedder)
    answer = assistant.ask("stam on berg's town before the derby")
    assert not answer.abstained and "good spell" in answer.text, answer.text
    assert "2,000 more seats" not in answer.text, answer.text


FERRY_YEAR = {
    "review.txt": (
        {"title": "Ferries in 2024: mergers and cuts", "source": "Quay Post", "published": "2024-12-19"},
        "The ferry business has changed over the past 12 months, and not only because of the Norlink merger. "
        "When the Norlink merger was approved on October 12, 2024 after nearly two years of hearings, it became "
        "the third-largest ferry operator in the north. Norlink also cut staff at its Kessel yard this year.",
    ),
}


def test_a_count_of_people_asked_is_no_length_of_time(tmp_path: Path, local_embedder: BaseEmbedding) -> None:
    # the review tells of cuts and gives months, years and a rank: no count of the people laid off
    assistant = assistant_over(tmp_path / "articles", FERRY_YEAR, local_embedder)
    answer = assistant.ask("How many people did Norlink lay off in 2024?")
    assert answer.abstained, answer.text


DERBY_PREVIEW = {
    "preview.txt": (
        {"title": "Rovers host Town in the derby", "source": "Harlow Courier", "published": "2024-10-18"},
        "Harlow Rovers host Kessel Town at Bramley Park on Saturday. Rovers have won their last three games.\n\n"
        "Rovers' recent results against Kessel City: Date Venue Result\n"
        "Aug. 2, 2024 Bramley Park Kessel City 4-1 Rovers League Cup "
        "Mar. 9, 2024 Kessel Road Rovers 2-2 Kessel City\n\n"
        "Hale is fit again for the derby.",
    ),
}


def test_the_score_of_a_game_is_not_one_of_another_side(tmp_path: Path, local_embedder: BaseEmbedding) -> None:
    # the preview of Rovers against Town gives scores of their games against Kessel City: none is this game's
    assistant = assistant_over(tmp_path / "articles", DERBY_PREVIEW, local_embedder)
    answer = assistant.ask("Rovers vs Town final score Bramley Park")
    assert answer.abstained, answer.text
    answer = assistant.ask("What was the score of Rovers' derby against Town?")
    assert answer.abstained, answer.text
    answer = assistant.ask("What was the score when Rovers played Kessel City at Bramley Park?")
    assert not answer.abstained and "4-1" in answer.text, answer.text


CREWS = {
    "crews.txt": (
        {"title": "Ferry crews sue the council", "source": "Quay Post", "published": "2024-10-20"},
        "Ferry crews have sued Harlow council over the night timetable. Their lawyer, Ada Berg, says the rota puts "
        "crews at risk. Berg cited studies of ports with fixed rotas, which she says cut accidents by half.\n\n"
        "The council did not respond to a request for comment on the timetable.\n\n"
        "Berg has her own theory as to why the council has been slow to change the timetable.\n\n"
        "\u201cMoney isn\u2019t the problem,\u201d she said. \u201cIt\u2019s that the new rota would lose them "
        "the night tourists, and the tourists bring in the fares.\u201d\n\n"
        "Some crews keep their own logs of the hours they work.",
    ),
}


def test_a_statement_answers_what_the_sentence_leading_into_it_tells(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    # "Abrams has her own theory as to why Uber has been slow ... / “Cost isn’t the issue,” she said. “It’s that ...":
    # the statement after the lead-in is her answer, though it writes none of the question's words
    assistant = assistant_over(tmp_path / "articles", CREWS, local_embedder)
    question = "what does lawyer Ada Berg think is the real reason the council hasn't changed the timetable"
    answer = assistant.ask(question)
    assert not answer.abstained and "night tourists" in answer.text, answer.text


TAKEOVER = {
    "lab.txt": (
        {"title": "How the ferry lab was sold", "source": "Quay Post", "published": "2024-10-22"},
        "By the end of 2020, two shipping groups were angling to buy the Kessel ferry lab. The lab's founders "
        "insisted on two conditions: no design of theirs could be used for warships, and an independent board "
        "must oversee the lab.\n\n"
        "Norlink offered 60 million crowns. Harlow Lines offered a bigger sum to the founders but would not agree "
        "to the conditions. The lab sold to Norlink. Harlow Lines then set up a design team of its own.",
    ),
}


def test_a_reason_pointing_back_to_the_things_it_names_is_told_with_them(
    tmp_path: Path, local_embedder: BaseEmbedding
) -> None:
    # "... but would not agree to the conditions": what the conditions were, two sentences before, is the reason
    assistant = assistant_over(tmp_path / "articles", TAKEOVER, local_embedder)
    answer = assistant.ask("Why did the ferry lab end up sold to Norlink when Harlow Lines had offered more money?")
    assert not answer.abstained and "would not agree to the conditions" in answer.text, answer.text
    assert "used for warships" in answer.text, answer.text


def test_review_cases_of_the_session_63_rules() -> None:
    # "the conditions" point back to things counted ("two conditions:"), not "the years" to "80 years ago"; "heads"
    # asks no title; "X vs Y review score" is a rating, "X vs Y final score" a game's
    import re

    from rag.extractive import INTRODUCES, POINTS_BACK_NOUN
    from rag.question import asked_measure

    assert [m.group("noun") for m in POINTS_BACK_NOUN.finditer("These conditions were never met.")] == ["conditions"]
    assert [m.group("noun") for m in POINTS_BACK_NOUN.finditer("It was the process that failed.")] == []
    assert re.search(rf"\b{INTRODUCES}conditions\b", "The founders insisted on two conditions: no warships.")
    assert not re.search(rf"\b{INTRODUCES}owners\b", "Its owners sold the stand, built by their owners.")
    assert asked_role("Who heads Kelby Port?") is None
    assert asked_measure("ferry a vs ferry b review score") == ("review score", "count")
    assert asked_measure("rovers vs town final score") == ("score", "score")


def test_a_count_of_people_may_be_written_onto_them(tmp_path: Path, local_embedder: BaseEmbedding) -> None:
    # "how many people work there": "a 25-person team", though the sentence writes neither "people" nor "work"
    crew = {
        "line.txt": (
            {"title": "Kelby Ferries raises money", "source": "Quay Post", "published": "2024-10-23"},
            "Kelby Ferries has raised $16 million to date in a round led by Ada Berg of Harbour Capital. "
            "Kelby Ferries is a 25-person team based in Kessel, while its founder lives in Harlow.",
        )
    }
    assistant = assistant_over(tmp_path / "articles", crew, local_embedder)
    answer = assistant.ask("Tell me how much money Kelby Ferries has raised so far and how many people work there.")
    assert not answer.abstained and "$16 million" in answer.text and "25-person" in answer.text, answer.text
