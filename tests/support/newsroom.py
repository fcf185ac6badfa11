"""A small corpus written for these tests: three outlets report on one harbour, with dates and authors."""

from __future__ import annotations

import json
from pathlib import Path

ARTICLES = {
    "gazette_terminal.txt": (
        {
            "title": "New ferry terminal opens",
            "source": "The Harbour Gazette",
            "author": "Mira Osei",
            "published": "2024-03-02",
        },
        "The new ferry terminal at Northpoint opened on Saturday after two years of construction. "
        "Harbour master Ingrid Halvorsen said the terminal cost $48 million and would handle twelve sailings a day. "
        "The first ferry left for Kelby Island at seven in the morning with ninety passengers on board. "
        "Local traders welcomed the opening, saying the old pier had been closed to heavy vehicles since the autumn. "
        "Halvorsen added that night sailings would begin in June once new crews finish their training.",
    ),
    "gazette_fees.txt": (
        {
            "title": "Port fees to rise",
            "source": "The Harbour Gazette",
            "author": "Mira Osei",
            "published": "2024-03-09",
        },
        "The port authority will raise landing fees by eight percent from April. "
        "Ingrid Halvorsen said the increase would pay for dredging the main channel. "
        "Fishing crews called the rise unfair, since most of their boats never use the deep channel. "
        "The authority has not raised fees since 2019, when it cut them to help the fleet recover from storms.",
    ),
    "wire_terminal.txt": (
        {
            "title": "Northpoint terminal opens to crowds",
            "source": "Quayside Wire | Coastal Business News",
            "author": "Tomas Ferreira",
            "published": "2024-03-03",
        },
        "Crowds gathered at Northpoint as the ferry terminal opened to the public. "
        "According to port officials, the building cost $48 million, paid for by a regional grant and a bond. "
        "Quayside Ferries, which runs the Kelby Island route, will add two boats this summer. "
        "The company's chief executive, Pieter Dahl, said bookings for July were already twice last year's.",
    ),
    "wire_dredging.txt": (
        {
            "title": "Dredging contract awarded",
            "source": "Quayside Wire | Coastal Business News",
            "author": "Tomas Ferreira",
            "published": "2024-03-12",
        },
        "The port authority awarded the channel dredging contract to Brannock Marine. "
        "Work will start in May and is expected to take five months. "
        "Brannock Marine previously dredged the river mouth at Salthaven. "
        "Environmental groups asked the authority to protect the eelgrass beds along the eastern shore.",
    ),
    "ledger_regatta.txt": (
        {
            "title": "Regatta returns to the bay",
            "source": "The Ledger - Sports",
            "author": "Ana Brightwater",
            "published": "2024-02-20",
        },
        "The annual Northpoint regatta will return to the bay in August after a two-year break. "
        "Organisers expect forty crews, including a team from Kelby Island. "
        "The race committee said the new ferry schedule would be adjusted on race day.",
    ),
}


def write_newsroom(folder: Path) -> Path:
    """Write the articles and their manifest into `folder`; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for name, (meta, text) in ARTICLES.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
        manifest[name] = meta
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return folder
