"""Compare viewpoints and cited briefings on the bundled corpus, offline and with an LLM."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from llama_index.core.base.embeddings.base import BaseEmbedding

from rag.assistant import Assistant, NoMatchingArticles
from rag.briefing import SILENT_TITLES_SHOWN, Briefing, brief
from rag.compare import MAX_ROWS, NO_SOURCE, Comparison, compare, source_groups
from rag.errors import UsageError
from rag.figures import find_figures
from rag.records import ArticleRecord, AskOptions, Filters
from rag.render import credits_of, render_markdown
from rag.report import (
    briefing_html,
    briefing_markdown,
    briefing_pdf,
    comparison_markdown,
    comparison_plain,
    file_name,
)
from rag.settings import Settings
from rag.speakers import speaker_index
from tests.support.app import start
from tests.support.cli import CliRun, one_error_line
from tests.support.fake_openai import fake_openai_server
from tests.support.generative import generative_assistant
from tests.support.ingest import IngestFn
from tests.support.project import PROJECT, make_settings

TOPIC = "Japan's military budget"


def assert_verbatim(citations: list[Any], article_texts: dict[str, str]) -> None:
    assert [c.n for c in citations] == list(range(1, len(citations) + 1))
    for c in citations:
        assert article_texts[c.doc_id][c.start_char : c.end_char] == c.quote


def test_compare_by_source_shows_what_both_articles_say(assistant: Any, article_texts: dict[str, str]) -> None:
    comparison = compare(assistant, TOPIC, by="source")
    assert len(comparison.cells) == 2 and all(cell.sentences for cell in comparison.cells)
    # every row labelled the same way: the source (neither article names one), then the title
    assert [cell.group.label for cell in comparison.cells] == [NO_SOURCE, NO_SOURCE]
    assert {cell.group.detail for cell in comparison.cells} == {
        "Japan edges towards NATO ahead of the Madrid summit",
        "Japan's militarization and the American plan to fight for Taiwan",
    }
    # as the chat and `rag ask "Compare ..."` write it: the two rows told apart by their titles
    plain = comparison_plain(comparison)
    assert f"- {NO_SOURCE} (Japan edges towards NATO ahead of the Madrid summit): " in plain
    assert f"- {NO_SOURCE} (Japan's militarization and the American plan to fight for Taiwan): " in plain
    assert_verbatim(comparison.numbering.citations, article_texts)


def test_differing_figures_across_the_two_articles_are_found_each_side_cited(assistant: Any) -> None:
    comparison = compare(assistant, TOPIC, by="source")
    pairs = [{f for _, _, f in c.sides} for c in comparison.differences]
    # a yearly figure against a five-year total made yearly: the same period, so they differ
    assert {"$ 100 billion a year", "320 billion dollars over 5 years: 64 billion USD a year"} in pairs
    # against the amount of one year (2023) a yearly projection is not comparable: side by side
    assert not any("$56 billion in 2023" in pair for pair in pairs)
    assert {"$ 100 billion a year", "$56 billion in 2023"} in [{f for _, _, f in c.sides} for c in comparison.unlike]
    # what the figures are of: the one word their surroundings share is a label still
    assert all(c.what != "the same subject" for c in comparison.unlike)
    for contrast in comparison.differences + comparison.unlike:
        groups = [g for g, _, _ in contrast.sides]
        assert len(set(groups)) == 2, "a contrast sets two sources against each other"
        for _, evidence, figure in contrast.sides:
            assert any(figure.startswith(f.text) for f in find_figures(evidence.quote))
    markdown = comparison_markdown(comparison)
    assert "## Where they differ" in markdown and "$ 100 billion a year[^" in markdown
    assert "## Not comparable (figures over different periods, side by side)" in markdown
    assert comparison.to_json()["not_comparable"]


def test_compare_and_the_briefing_find_the_same_conflicts(assistant: Any) -> None:
    comparison = compare(assistant, TOPIC, by="source")
    briefing = brief(assistant, TOPIC)
    section = next(s for s in briefing.sections if s.heading == "Points of disagreement")
    differing = {line.evidence[0].key for line in section.lines if not line.label.startswith(("Agreement", "Not "))}
    assert differing == {e.key for c in comparison.differences for _, e, _ in c.sides} != set()
    assert "The sources give no conflicting figures on this topic." not in section.notes


def test_equal_figures_in_two_sources_are_an_agreement(assistant: Any) -> None:
    comparison = compare(assistant, "share of GDP for military spending", by="source")
    agreed = [{f for _, _, f in c.sides} for c in comparison.agreements]
    assert {"2%", "2 percent"} in agreed


def test_compare_by_speaker_attributes_cells_to_the_people_quoted(assistant: Any) -> None:
    comparison = compare(assistant, "cooperation between Japan and NATO", by="speaker")
    cells = {cell.group.label: cell for cell in comparison.cells}
    assert cells["Yoshimasa Hayashi"].sentences
    assert cells["Yoshimasa Hayashi"].group.detail == "Foreign Minister"
    # a view in the speaker's own words ("the North Atlantic Alliance", "NATO is responsible ...") is theirs on
    # the topic, however far its words are from the best-matching speaker's
    assert cells["Daisuke Kawai"].sentences and cells["Kim Hyo-myung"].sentences
    assert any(not cell.sentences for cell in comparison.cells), "a silent speaker is shown as nothing found"
    data = comparison.to_json()
    assert any(row["found"] is False for row in data["rows"])


def test_a_source_silent_on_the_topic_says_nothing_found(
    embedded_settings: Any, corpus_dir: Path, run_ingest: IngestFn, local_embedder: Any
) -> None:
    (corpus_dir / "harbour.txt").write_text(
        (PROJECT / "tests" / "data" / "attribution_heldout" / "harbour.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    run_ingest(embedded_settings, corpus_dir)
    comparison = compare(Assistant.open(embedded_settings, embedder=local_embedder), "Japan and NATO", by="source")
    silent = [(cell.group.label, cell.group.detail) for cell in comparison.cells if not cell.sentences]
    assert silent == [(NO_SOURCE, "Oslo votes to double harbour budget")]


def test_a_company_each_article_calls_the_company_is_a_row_of_its_own(
    embedded_settings: Any, tmp_path: Path, run_ingest: IngestFn, local_embedder: Any
) -> None:
    folder = tmp_path / "firms"
    folder.mkdir()
    (folder / "cranes.txt").write_text(
        "Brightwell Cranes will hire forty operators for its harbour terminal. "
        "The company said hiring at the harbour would double next year.\n",
        encoding="utf-8",
    )
    (folder / "robots.txt").write_text(
        "Veltro Robotics will end the night shift at its harbour plant. "
        "The company said hiring at the harbour would stop until orders recover.\n",
        encoding="utf-8",
    )
    run_ingest(embedded_settings, folder)
    assistant = Assistant.open(embedded_settings, embedder=local_embedder)
    comparison = compare(assistant, "hiring at the harbour", by="speaker")
    rows = {cell.group.label: cell for cell in comparison.cells if cell.group.speaker == "Company"}
    # each article's "the company" is its own company: two rows, each citing its own article only
    assert len(rows) == 2
    for cell in rows.values():
        assert cell.sentences and {e.doc_id for _, cited, _ in cell.sentences for e in cited} == set(cell.group.doc_ids)


def test_every_sentence_of_the_briefing_has_a_verbatim_citation(assistant: Any, article_texts: dict[str, str]) -> None:
    briefing = brief(assistant, "Japan's military spending")
    headings = [s.heading for s in briefing.sections]
    assert headings[0] == "Key points" and headings[-1] == "What the corpus does not cover"
    assert {"Viewpoints", "Points of disagreement", "Figures"} <= set(headings)
    lines = [line for section in briefing.sections for line in section.lines]
    assert len(lines) >= 10
    assert all(line.evidence for line in lines), "a briefing sentence without a citation"
    for line in lines:
        assert any(e.quote == line.text for e in line.evidence)  # offline: the sentence is the quote
    assert_verbatim(briefing.numbering.citations, article_texts)


def test_briefing_exports_open_and_show_their_citations(assistant: Any) -> None:
    from pypdf import PdfReader

    briefing = brief(assistant, "Japan's military spending")
    markdown = briefing_markdown(briefing)
    assert markdown.startswith("# Briefing: Japan's military spending") and "[^1]: “" in markdown
    # a source is cited with what the store knows of it besides the title: outlet, author, date
    credits = credits_of(assistant.articles())
    crook = next(r for r in assistant.articles() if r.author == "Alastair Crook")
    assert credits == {crook.doc_id: "Alastair Crook"}
    cited = briefing_markdown(briefing, credits)
    assert f"— {crook.title} (Alastair Crook), `" in cited and f"— {crook.title} (" not in markdown
    assert f"{crook.title} (Alastair Crook)" in briefing_html(briefing, credits)
    answer = assistant.ask("Who wrote the North Korean KCNA article attacking NATO?")
    assert f"— {crook.title} (Alastair Crook), `" in render_markdown([answer], credits)
    page = briefing_html(briefing)
    assert page.count("<li id='fn") == len(briefing.numbering.citations) and "<script" not in page
    pdf = PdfReader(io.BytesIO(briefing_pdf(briefing)))
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert "Key points" in text and "[1]" in text
    assert "003_3ed258554722c35d.txt" in text, "the file named as in its corpus folder"
    assert "corpus/003_3ed258554722c35d.txt" not in text and str(PROJECT) not in text


def test_briefing_on_an_unmentioned_subject_says_what_is_not_covered(assistant: Any) -> None:
    briefing = brief(assistant, "submarine fleet of Peru")
    notes = " ".join(briefing.sections[-1].notes)
    assert "No article mentions" in notes and "Peru" in notes


def run(*args: str, storage: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RAG_STORAGE_DIR": str(storage), "PYTHONPATH": str(PROJECT)}
    return subprocess.run(
        [sys.executable, "-m", "rag", *args], cwd=PROJECT, capture_output=True, text=True, timeout=300, env=env
    )


def test_compare_and_brief_from_the_command_line(bundled_settings: Any, tmp_path: Path) -> None:
    result = run("compare", "--json", TOPIC, storage=bundled_settings.storage_dir)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["by"] == "source" and len(data["rows"]) == 2 and data["differences"]
    target = tmp_path / "briefing.pdf"
    result = run("brief", "--format", "pdf", "-o", str(target), TOPIC, storage=bundled_settings.storage_dir)
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF") and "citations" in result.stderr
    result = run("brief", "--format", "md", TOPIC, storage=bundled_settings.storage_dir)
    assert result.returncode == 0 and " (Alastair Crook), `000_6c8ec85815583e4f.txt` [" in result.stdout


def test_generative_compare_checks_each_cell_sentence(bundled_settings: Any, local_embedder: Any) -> None:
    with fake_openai_server() as server:
        server.default_reply = "They report that Japan will spend much more on its military [1]. Penguins agree [1]."
        comparison = compare(generative_assistant(bundled_settings, server, local_embedder), TOPIC, by="source")
    assert comparison.mode == "generative"
    for cell in comparison.cells:
        assert [supported for _, _, supported in cell.sentences] == [True, False] or not cell.sentences
    assert any(cell.sentences for cell in comparison.cells)


@pytest.mark.parametrize("page", ["ui/compare.py", "ui/briefing.py"])
def test_compare_and_briefing_pages_render_their_results(page: str, app_storage: Path, indexed: Path) -> None:
    app = start()
    app.switch_page(page).run()
    topic = app.text_input(key="compare_topic" if "compare" in page else "brief_topic")
    topic.set_value(TOPIC)  # a form submits its values with the button
    next(b for b in app.button if b.label in ("Compare", "Write the briefing")).click().run()
    assert not app.exception, app.exception
    html = "\n".join(e.proto.body for e in app.get("html"))
    if "compare" in page:
        assert "Where they differ" in [s.value for s in app.subheader] and "$56 billion" in html
    else:
        assert "Key points" in html and [b.label for b in app.get("download_button")][:2] == [
            "Download .md",
            "Download .html",
        ]


# -- one door: compare and brief take the options a question takes, with its checks and messages --


def rows_and_citations(data: dict[str, Any]) -> tuple[Any, ...]:
    return (data["rows"], data["differences"], data["agreements"], data["citations"])


def test_compare_takes_a_unique_article_id_prefix_like_the_whole_id(
    bundled_settings: Settings, assistant: Assistant, cli: CliRun
) -> None:
    taiwan = next(r for r in assistant.articles() if "Taiwan" in r.title)
    results = {}
    for given in (taiwan.doc_id, taiwan.doc_id[:6]):
        code, out, err = cli(bundled_settings, ["compare", "--json", "--article", given, TOPIC])
        assert code == 0, err
        results[given] = json.loads(out)
    whole, prefix = results[taiwan.doc_id], results[taiwan.doc_id[:6]]
    assert rows_and_citations(prefix) == rows_and_citations(whole)
    (row,) = prefix["rows"]
    assert row["found"] and (row["group"], row["detail"]) == (NO_SOURCE, taiwan.title), "the prefix's article"
    assert {c["doc_id"] for c in prefix["citations"]} == {taiwan.doc_id}


@pytest.mark.parametrize("command", ["compare", "brief"])
def test_a_date_that_is_not_iso_is_refused_in_one_line_before_loading_anything(
    command: str, tmp_path: Path, cli: CliRun
) -> None:
    settings = make_settings(storage_dir=tmp_path / "storage")
    code, out, err = cli(settings, [command, "--since", "31/12/2021", TOPIC])
    assert code == 2 and not out
    line = one_error_line(err)
    assert line == "error: --since '31/12/2021' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
    assert not settings.storage_dir.exists(), "nothing was opened or written"


@pytest.mark.parametrize("command", ["compare", "brief"])
@pytest.mark.parametrize(
    ("options", "says"),
    [
        (["--source", "Nobody's Gazette"], 'no source "Nobody\'s Gazette" in the corpus'),
        (["--article", "nope", "--speaker", "Nobody"], "no article 'nope' in the corpus; no speaker 'Nobody'"),
        (["--since", "2999"], "no article with a known date was published between 2999 and now"),
    ],
)
def test_filters_that_match_nothing_say_so_in_one_line(
    command: str, options: list[str], says: str, bundled_settings: Settings, cli: CliRun
) -> None:
    code, out, err = cli(bundled_settings, [command, *options, TOPIC])
    assert code == 2 and not out
    line = one_error_line(err)
    assert line.startswith("error: No article matches these filters: ") and says in line


def test_compare_and_brief_apply_the_filters_a_question_takes(assistant: Assistant) -> None:
    taiwan = next(r for r in assistant.articles() if "Taiwan" in r.title)
    options = AskOptions(filters=Filters(doc_ids=(taiwan.doc_id[:6],)))
    comparison = compare(assistant, TOPIC, by="source", options=options)
    assert [(cell.group.label, cell.group.detail) for cell in comparison.cells] == [(NO_SOURCE, taiwan.title)]
    briefing = brief(assistant, TOPIC, options=options)
    assert briefing.numbering.citations and {c.doc_id for c in briefing.numbering.citations} == {taiwan.doc_id}
    with pytest.raises(NoMatchingArticles):
        compare(assistant, TOPIC, options=AskOptions(filters=Filters(speakers=("Nobody Atall",))))
    with pytest.raises(UsageError, match="'31/12/2021' is not a date"):
        brief(assistant, TOPIC, options=AskOptions(filters=Filters(published_from="31/12/2021")))


UNRELATED_TOPICS = [
    ("orchard", "The apple orchard in the valley harvested a record crop of cider apples this autumn."),
    ("chess", "The chess club opened a new hall where juniors play rapid games every Thursday evening."),
    ("violin", "A violin maker restored a century-old instrument using spruce from the northern forests."),
    ("marathon", "Runners in the city marathon faced strong headwinds along the final riverside stretch."),
    ("bakery", "The village bakery began selling rye loaves baked in a wood-fired stone oven."),
    ("comet", "Astronomers tracked a faint comet as it passed close to the planet Jupiter."),
    ("library", "The public library extended its opening hours and added a room for quiet study."),
    ("glacier", "Researchers measured how far the glacier retreated up the mountain valley since spring."),
    ("ferry", "The island ferry added a late sailing during the summer festival weekend."),
    ("museum", "The museum unveiled a gallery of medieval tapestries lent by a private collector."),
    ("beekeeping", "Beekeepers reported that the wet summer reduced the honey yield of their hives."),
    ("tram", "The tram line to the university reopened after the rails were replaced."),
]


def test_a_corpus_of_many_sources_is_compared_on_the_sources_that_cover_the_topic(
    embedded_settings: Any, tmp_path: Path, run_ingest: IngestFn, local_embedder: Any
) -> None:
    folder = tmp_path / "many-sources"
    folder.mkdir()
    manifest = {}
    harbour = {
        "Harbour Gazette": "The city council approved a harbour dredging budget of 40 million kroner for next year.",
        "Nordic Post": "Councillors said the harbour dredging budget would deepen the channel for container ships.",
        "Fjord Times": "Critics of the harbour dredging budget warned that the cost could rise beyond the estimate.",
    }
    for i, (source, sentence) in enumerate(harbour.items()):
        (folder / f"harbour-{i}.txt").write_text(f"{sentence} The vote followed a long debate.\n", encoding="utf-8")
        manifest[f"harbour-{i}.txt"] = {"title": f"Harbour report {i}", "source": source}
    for i, (name, sentence) in enumerate(UNRELATED_TOPICS):
        (folder / f"{name}.txt").write_text(f"{sentence} Locals welcomed the news.\n", encoding="utf-8")
        manifest[f"{name}.txt"] = {"title": f"{name.title()} news", "source": f"Local Source {i}"}
    # "harbour" and "budget" in other senses: no row
    pub = "The Harbour Lights pub set a small budget for its quiz night prizes. Locals welcomed the news.\n"
    (folder / "pub.txt").write_text(pub, encoding="utf-8")
    manifest["pub.txt"] = {"title": "Quiz night", "source": "Pub Weekly"}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    run_ingest(embedded_settings, folder)
    assistant = Assistant.open(embedded_settings, embedder=local_embedder)
    searches = []
    retrieve = assistant.retrieve

    def counting_retrieve(*args: Any, **kwargs: Any) -> Any:
        searches.append(args[0])
        return retrieve(*args, **kwargs)

    assistant.retrieve = counting_retrieve  # type: ignore[method-assign]
    comparison = compare(assistant, "the harbour dredging budget", by="source")

    rows = {cell.group.label: cell for cell in comparison.cells}
    assert set(harbour) <= set(rows)  # every source that covers the topic has its row, with what it says
    assert all(rows[source].sentences for source in harbour)
    assert len(rows) <= MAX_ROWS and "Pub Weekly" not in rows
    assert comparison.left_out == len(harbour) + len(UNRELATED_TOPICS) + 1 - len(rows) > 0
    assert f"{comparison.left_out} other sources" in comparison_markdown(comparison)
    assert comparison.left_out_note in comparison_plain(comparison)  # as `rag ask "Compare ..."` prints it
    assert len(searches) <= MAX_ROWS + 1  # the topic once (its best passages choose the rows), then one per row
    assert Comparison.from_json(comparison.to_json()).left_out == comparison.left_out
    # a briefing counts the articles silent on the topic rather than burying itself under their titles
    briefing = brief(assistant, "the harbour dredging budget")
    notes = " ".join(briefing.sections[-1].notes)
    assert "Chess news" not in notes and "Quiz night" not in notes
    silent = re.search(r"\b(\d+) other articles say nothing on this topic", notes)
    assert silent and int(silent.group(1)) > SILENT_TITLES_SHOWN
    # ... and counts as drawn on every article it cites, whichever section cites it
    cited = len({c.doc_id for c in briefing.numbering.citations})
    assert f"draws on {cited} of {cited + int(silent.group(1))} articles" in notes


# Two outlets on an aurora, one of them printing its explainer in both its reports and the other printing it
# too; a shop's lamps, "lights" in another sense
AURORA = {
    "courier-aurora.txt": (
        "Arctic Courier",
        "The northern lights lit up the sky over Tromsø on Friday night as a solar storm reached Earth. "
        "The northern lights, caused by charged particles from the sun striking the upper atmosphere, are most "
        "often seen near the Arctic Circle.",
    ),
    "gazette-scotland.txt": (
        "Polar Gazette",
        "Skywatchers across Scotland saw the northern lights glow green and pink over the Highlands. "
        "The northern lights, caused by charged particles from the sun striking the upper atmosphere, are most "
        "often seen near the Arctic Circle.",
    ),
    "gazette-forecast.txt": (
        "Polar Gazette",
        "Forecasters expect the northern lights to be visible again this weekend as the storm continues. "
        "The northern lights, caused by charged particles from the sun striking the upper atmosphere, are most "
        "often seen near the Arctic Circle.",
    ),
    "deals-lamps.txt": (
        "Home Deals Weekly",
        "These LED string lights brighten a porch for under twenty dollars and switch on at dusk. "
        "Shoppers can pick warm or cool white bulbs.",
    ),
}


def test_a_row_that_matches_only_in_another_sense_says_nothing_and_one_claim_is_one_agreement(
    embedded_settings: Any, tmp_path: Path, run_ingest: IngestFn, local_embedder: Any
) -> None:
    folder = tmp_path / "aurora"
    folder.mkdir()
    for name, (_, text) in AURORA.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    manifest = {name: {"title": name.removesuffix(".txt"), "source": source} for name, (source, _) in AURORA.items()}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    run_ingest(embedded_settings, folder)
    comparison = compare(Assistant.open(embedded_settings, embedder=local_embedder), "the northern lights")
    rows = {cell.group.label: cell for cell in comparison.cells}
    assert rows["Arctic Courier"].sentences and rows["Polar Gazette"].sentences
    assert not rows["Home Deals Weekly"].sentences, "string lights on a porch are no view on the aurora"
    explainer = [c for c in comparison.agreements if "charged particles" in c.sides[0][1].quote]
    assert len(explainer) == 1, "the explainer printed in two of the Gazette's reports is one agreement"
    assert {side[0] for side in explainer[0].sides} == {"Arctic Courier", "Polar Gazette"}
    # what they agree on is said in the sources' own words, a stretch of the sentence, not a bag of its keywords
    what = explainer[0].what.removesuffix(" …")  # "…": the words they share go on
    assert what in explainer[0].sides[0][1].quote and "charged particles from the sun" in what


def test_a_download_is_named_after_what_it_holds() -> None:
    assert file_name("briefing", "The OpenAI leadership crisis", "pdf") == "briefing-the-openai-leadership-crisis.pdf"
    assert file_name("answer", "Who is Japan's foreign minister?", "md") == "answer-who-is-japan-s-foreign-minister.md"
    assert file_name("chat", "Ålesund’s ferry — fares?", "md") == "chat-alesund-s-ferry-fares.md"
    assert file_name("briefing", "", "md") == "briefing.md"
    assert len(file_name("comparison", "harbour " * 40, "md")) <= len("comparison-.md") + 60


def test_a_source_row_says_how_many_articles_the_corpus_holds_from_it_not_on_the_topic() -> None:
    records = [ArticleRecord(f"g{i}", f"Gazette story {i}", source="Harbour Gazette") for i in range(3)]
    records.append(ArticleRecord("w1", "Wire story", source="Quayside Wire"))
    details = {group.label: group.detail for group in source_groups(records)}
    assert details == {"Harbour Gazette": "3 articles in the corpus", "Quayside Wire": "Wire story"}


def test_compare_by_speaker_has_rows_for_people_not_for_words_that_name_no_one(
    embedded_settings: Any, tmp_path: Path, run_ingest: IngestFn, local_embedder: Any
) -> None:
    folder = tmp_path / "depot"
    folder.mkdir()
    (folder / "depot.txt").write_text(
        "The tram depot on Quay Street will close in March, according to The Ledger and The Courier.\n\n"
        "Depot manager Ilse Marchetti said the closure of the tram depot would cost ninety jobs.\n\n"
        "Closing the tram depot is “a loss for every driver” in the city, said union organiser Piet Vandersloot.\n\n"
        "Much of said funding for the tram depot came from the harbour trust.\n",
        encoding="utf-8",
    )
    run_ingest(embedded_settings, folder)
    assistant = Assistant.open(embedded_settings, embedder=local_embedder)
    rows = {cell.group.label for cell in compare(assistant, "the tram depot closing", by="speaker").cells}
    assert {"Ilse Marchetti", "Piet Vandersloot"} <= rows
    assert not rows & {"Ledger and The Courier", "Much of", "City"}, rows


def test_a_store_read_before_the_names_were_checked_lists_no_fragments_as_speakers() -> None:
    # a record as an earlier version of attribution stored it: a clause's fragment registered as a body
    record = ArticleRecord(
        doc_id="d1",
        title="Tram depot to close",
        speakers=[
            {"name": "Ilse Marchetti", "kind": "person"},
            {"name": "Much of", "kind": "group"},
            {"name": "Ledger and The Courier", "kind": "group"},
        ],
        statements=[
            (0, 40, "Ilse Marchetti", "reported"),
            (41, 80, "Much of", "reported"),
            (81, 120, "Ledger and The Courier", "reported"),
        ],
    )
    assert [summary.name for summary in speaker_index([record])] == ["Ilse Marchetti"]


def test_a_briefing_states_things_it_does_not_list_the_questions_and_headings_an_article_holds(
    embedded_settings: Any, tmp_path: Path, run_ingest: IngestFn, local_embedder: Any
) -> None:
    # a live blog of a game: its headings and its readers' questions hold every word of the topic and tell nothing
    folder = tmp_path / "live-blog"
    folder.mkdir()
    blog = (
        "Harbour Hawks vs. Lakeside Owls results, highlights from Friday Night Hockey\n\n"
        "What channel is Harbour Hawks vs. Lakeside Owls on tonight?\n\n"
        "The Harbour Hawks beat the Lakeside Owls 4-2 on Friday night behind two goals from Mia Lund. "
        "The Lakeside Owls have now lost five games in a row and sit last in the league. "
        "Friday's game between the Harbour Hawks and the Lakeside Owls was shown on the city's sports channel.\n"
    )
    (folder / "blog.txt").write_text(blog, encoding="utf-8")
    manifest = {"blog.txt": {"title": "Hawks vs. Owls live", "source": "Harbour Gazette", "published": "2024-11-08"}}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    run_ingest(embedded_settings, folder)
    briefing = brief(
        Assistant.open(embedded_settings, embedder=local_embedder), "the Harbour Hawks vs Lakeside Owls game"
    )
    told = [line.text for section in briefing.sections[:2] for line in section.lines]
    assert any("4-2" in text for text in told), told
    assert not any(text.startswith("What channel") or "results, highlights" in text for text in told), told


# One outlet's weekly rankings: each week's article opens with the same words on the rankings themselves, and its
# news (who tops the list, and why) comes after them
ROUTE_RANKINGS = {
    "week3.txt": (
        {"title": "Ferry route rankings, week 3: which crossings to take", "source": "Quay Post"},
        "Our week 3 ferry route rankings will help you pick the right crossing and hopefully spare you a long queue. "
        "We'll be updating these ferry route rankings all week, so check back for the latest timetable changes. "
        "As always, the Kessel line heads the list as the most reliable crossing on the coast this week. "
        "The Orvin shuttle drops to fourth after two of its three boats went in for repairs on Monday. "
        "Fares on the Bramley route rise by 5 percent from Thursday, so book the early boats while you can. "
        "Fog is forecast for the weekend, and the harbour master expects delays of up to an hour on Saturday.",
    ),
    "week4.txt": (
        {"title": "Ferry route rankings, week 4: which crossings to take", "source": "Quay Post"},
        "Our week 4 ferry route rankings will help you pick the right crossing before the holiday rush begins. "
        "We'll be updating these ferry route rankings all week, so check back for the latest timetable changes. "
        "The Orvin shuttle is back at the top of the list now that all three of its boats have returned to service.",
    ),
    "trams.txt": (
        {"title": "New trams for the harbour line", "source": "Harbour Gazette"},
        "The city ordered six new trams for the harbour line, which opens to passengers in March next year. "
        "The harbour line will run every ten minutes between the ferry terminal and the old town on weekdays.",
    ),
}


@pytest.fixture(scope="module")
def route_rankings(tmp_path_factory: pytest.TempPathFactory, local_embedder: BaseEmbedding) -> Assistant:
    folder = tmp_path_factory.mktemp("rankings") / "articles"
    folder.mkdir()
    for name, (_, text) in ROUTE_RANKINGS.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    manifest = {
        name: {**meta, "published": "2024-05-0" + str(i + 1)}
        for i, (name, (meta, _)) in enumerate(ROUTE_RANKINGS.items())
    }
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    settings = make_settings(storage_dir=folder.parent / "storage", chunk_tokens=40)
    from rag.ingest import ingest_paths

    ingest_paths(settings, [folder], load_embedder=lambda: local_embedder)
    return Assistant.open(settings, embedder=local_embedder)


def test_a_summary_of_one_article_gives_its_own_key_points_in_its_order(route_rankings: Assistant) -> None:
    # the week 3 article's news, not the openings every week's article shares
    answer = route_rankings.ask("what are the main points of the Quay Post's week 3 ferry route rankings")
    assert isinstance(answer.report, Briefing), answer.text
    key = answer.report.sections[0]
    week3 = next(r.doc_id for r in route_rankings.articles() if r.title.startswith("Ferry route rankings, week 3"))
    assert key.lines and all(e.doc_id == week3 for line in key.lines for e in line.evidence), answer.text
    told = " ".join(line.text for line in key.lines)
    assert "the Kessel line heads the list" in told and "drops to fourth" in told, told
    starts = [line.evidence[0].start_char for line in key.lines]
    assert starts == sorted(starts), "in the article's order"


def test_a_briefing_on_a_topic_several_articles_share_draws_its_key_points_from_each(
    route_rankings: Assistant,
) -> None:
    briefing = brief(route_rankings, "the harbour's ferries and trams")
    cited = {e.doc_id for line in briefing.sections[0].lines for e in line.evidence}
    assert len(cited) >= 2, briefing.sections[0].lines
