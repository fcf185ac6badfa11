"""Who said what: quotes, reported speech, coreference, roles; measured on labelled sets."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from rag.attribution import INTERVIEW_QUESTION, attribute
from rag.attribution_eval import score_attribution
from tests.support.project import BUNDLED_CORPUS, PROJECT

DATA = PROJECT / "tests" / "data"


def speakers_by_opening(text: str, result: Any, width: int) -> dict[str, str]:
    """Who says each statement, by the first `width` characters of it."""
    return {text[s.start : s.start + width]: s.speaker for s in result.statements}


def speaker_at(text: str, result: Any, words: str) -> str:
    """Who the statement holding `words` of `text` is given to."""
    at = text.index(words)
    return str(next(s.speaker for s in result.statements if s.start <= at < s.end))


def gold(path: Path) -> list[tuple[str, str, str]]:
    return [(d["file"], d["text"], d["speaker"]) for d in map(json.loads, path.read_text().splitlines())]


def test_attribution_on_the_labelled_bundled_articles() -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in BUNDLED_CORPUS.glob("*.txt")}
    predicted = {name: (text, attribute(text, 0, "the article")) for name, text in texts.items()}
    score = score_attribution(predicted, gold(DATA / "attribution.jsonl"))
    assert score.precision >= 0.9 and score.recall >= 0.9, (score.misses, score.wrong)


def test_attribution_on_an_article_written_for_the_test() -> None:
    text = (DATA / "attribution_heldout" / "harbour.txt").read_text(encoding="utf-8")
    score = score_attribution({"harbour.txt": (text, attribute(text))}, gold(DATA / "attribution_heldout.jsonl"))
    assert score.precision >= 0.8 and score.recall >= 0.8, (score.misses, score.wrong)


def test_a_quote_split_by_its_attribution_runs_over_several_sentences() -> None:
    text = (BUNDLED_CORPUS / "000_6c8ec85815583e4f.txt").read_text(encoding="utf-8")
    result = attribute(text, 0, "Alastair Crook")
    koizumi = [s for s in result.statements if s.speaker == "Yu Koizumi"]
    assert len(koizumi) == 1
    said = text[koizumi[0].start : koizumi[0].end]
    assert said.startswith("“Japan and NATO,” says Yu Koizumi") and said.endswith("quantum systems.”")
    speaker = result.speakers["Yu Koizumi"]
    assert speaker.role == "senior fellow"
    assert speaker.affiliation == "Center for Advanced Science and Technology Research at the University of Tokyo"
    assert {s.speaker for s in result.statements if s.kind == "author"} == {"Alastair Crook"}


def test_later_references_resolve_to_the_speaker_named_before() -> None:
    text = (BUNDLED_CORPUS / "003_3ed258554722c35d.txt").read_text(encoding="utf-8")
    result = attribute(text)
    by_opening = speakers_by_opening(text, result, 25)
    assert by_opening["He also added that Japan "] == "Yoshimasa Hayashi"  # a pronoun
    assert by_opening["Assessing contacts with t"] == "Yoshimasa Hayashi"  # "the minister said"
    assert by_opening["As an example, Hayashi ci"] == "Yoshimasa Hayashi"  # a surname
    assert result.speakers["Yoshimasa Hayashi"].role == "Foreign Minister"


def test_a_pronoun_before_any_speaker_is_the_person_named_before_it() -> None:
    text = "Ines Valdaro runs the port of Halden. “Fees will rise in May,” she said. The board meets on Friday."
    result = attribute(text)
    assert [s.speaker for s in result.statements if "Fees will rise" in text[s.start : s.end]] == ["Ines Valdaro"]


def test_a_quotation_left_open_at_a_paragraphs_end_goes_on_in_the_next() -> None:
    text = (
        "For coach Mara Lindqvist, the defeat ends her time with the club.\n\n"
        "\u201cI wanted to take this team forward,\u201d she said. \u201cThe next season was ours. "
        "But that was not my decision.\n\n"
        "\u201cThe board needs to treat these players with respect. I respect them.\u201d\n\n"
        "The club said it would name a new coach in June.\n\n"
        "\u201cWe thank her,\u201d a club spokesman said."
    )
    result = attribute(text)
    spoken = speakers_by_opening(text, result, 30)
    assert spoken["\u201cI wanted to take this team fo"] == "Mara Lindqvist"
    first = next(s for s in result.statements if s.speaker == "Mara Lindqvist")
    assert "The next season was ours" in text[first.start : first.end]
    assert spoken["\u201cThe board needs to treat thes"] == "Mara Lindqvist"  # the paragraph after, quote reopened
    assert spoken["The club said it would name a "] != "Mara Lindqvist"  # the quotation has ended


def test_straight_quotes_are_quotations_and_more_verbs_report_speech() -> None:
    # web copy often writes quotes straight; "insists" reports speech as "said" does
    text = (
        "Kessel City threw away a two-goal lead on Wednesday.\n\n"
        "Kessel legend Ivan Petrov insists keeper Ivo Stam must take the blame.\n\n"
        '"I feel sorry for Stam," Petrov told Radio Harlow. "He was angry with himself.\n\n'
        '"Those two free-kicks were easy saves."\n\n'
        "The club plays Norfield next."
    )
    result = attribute(text)
    spoken = {text[s.start : s.start + 30]: (s.speaker, text[s.start : s.end]) for s in result.statements}
    assert spoken["Kessel legend Ivan Petrov insi"][0] == "Ivan Petrov"
    said, words = spoken['"I feel sorry for Stam," Petro']
    assert said == "Ivan Petrov" and words.endswith("He was angry with himself.")
    assert spoken['"Those two free-kicks were eas'][0] == "Ivan Petrov"  # the quotation reopened after its paragraph
    assert spoken["The club plays Norfield next."][0] != "Ivan Petrov"


def test_he_said_after_a_person_brought_in_speaking_is_that_person() -> None:
    # the quotes are read before reported speech: "he" is still Jon Medved, not the last one quoted
    text = (
        "\u201cWe keep working,\u201d said Omer Davidi, who runs a lab in Haifa.\n\n"
        "Investors worry about the months ahead.\n\n"
        "Fund manager Jon Medved believes that in the long run the sector will recover. "
        "\u201cThere is no doubt it will emerge stronger,\u201d he said."
    )
    result = attribute(text)
    spoken = speakers_by_opening(text, result, 20)
    assert spoken["\u201cWe keep working,\u201d s"] == "Omer Davidi"
    assert spoken["\u201cThere is no doubt i"] == "Jon Medved"


def test_a_word_opening_the_sentence_is_not_taken_for_a_first_name() -> None:
    text = (
        "Dana Okafor-Reyes runs the port of Halden. “Fees will rise,” Okafor-Reyes said on Monday. "
        "But Okafor-Reyes said the ferries would keep their fares. Because Halvorsen insisted, the board waited. "
        "Will Brandt said nothing."
    )
    result = attribute(text)
    assert set(result.speakers) == {"Dana Okafor-Reyes", "Halvorsen", "Will Brandt", "the article"}
    by_opening = speakers_by_opening(text, result, 12)
    assert by_opening["But Okafor-R"] == "Dana Okafor-Reyes"  # a hyphened surname alone, after "But"


def run_rag(settings: Any, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m rag ARGS` over the store of `settings`, as a user runs it."""
    env = {**os.environ, "RAG_STORAGE_DIR": str(settings.storage_dir), "PYTHONPATH": str(PROJECT)}
    return subprocess.run([sys.executable, "-m", "rag", *args], cwd=PROJECT, capture_output=True, text=True, env=env)


def test_speakers_command_lists_speakers_with_articles_and_counts(bundled_settings: Any) -> None:
    result = run_rag(bundled_settings, "speakers", "--json")
    assert result.returncode == 0, result.stderr
    speakers = {d["name"]: d for d in map(json.loads, result.stdout.splitlines())}
    assert speakers["Yoshimasa Hayashi"]["statements"] == 4
    assert sorted(speakers["Fumio Kishida"]["articles"]) == [
        "Japan edges towards NATO ahead of the Madrid summit",
        "Japan's militarization and the American plan to fight for Taiwan",
    ]
    assert "Alastair Crook" not in speakers  # the author's own voice is not a quoted speaker


def test_eval_scores_attribution_on_a_labelled_set_alone(bundled_settings: Any) -> None:
    result = run_rag(bundled_settings, "eval", "--attribution", str(DATA / "attribution.jsonl"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("attribution: precision 1.00 (")
    assert "recall 1.00 (22 labelled statements)" in result.stdout.splitlines()[0]
    neither = run_rag(bundled_settings, "eval")
    assert neither.returncode != 0 and "--set FILE" in neither.stderr and "Traceback" not in neither.stderr
    as_json = run_rag(bundled_settings, "eval", "--attribution", str(DATA / "attribution.jsonl"), "--json")
    assert as_json.returncode != 0 and "need --set" in as_json.stderr and "Traceback" not in as_json.stderr


def test_retrieval_can_be_limited_to_what_one_speaker_says(assistant: Any) -> None:
    from rag.records import AskOptions, Filters

    passages = assistant.retrieve("NATO", AskOptions(filters=Filters(speakers=("Yu Koizumi",)))).passages
    assert passages and all("Yu Koizumi" in p.speakers for p in passages)


def test_a_speaker_is_the_person_a_longer_mention_names() -> None:
    # a role written before the name, a name and what the person did before the verb of saying, one of the
    # names of someone met in full, a pronoun after a conjunction; words that name no one are no speaker
    text = (
        "Ravi Menon and his business partner Anjali Kapoor run the Halden ferry.\n\n"
        "Menon addressed the delays on his radio show, saying, "
        "\u201cThe channel is too shallow for the new ships.\u201d\n\n"
        "Anjali also chimed in on the matter, saying, "
        "\u201cWe will add a boat in May, whatever the council decides.\u201d\n\n"
        "Harbour pilot Dana Whitfield said the tides made the crossing slow. "
        "Port engineer Solveig Brekke warned that dredging would take a year, when she presented the plan.\n\n"
        "The council met on Monday, and even noted critics said the timetable was fair. "
        "Commercial shipping startup REE Automotive reported more orders. "
        "\u201cMy boat was late again this morning, so I said I am off,\u201d one rider wrote."
    )
    result = attribute(text)
    spoken = speakers_by_opening(text, result, 14)
    assert spoken["Menon addresse"] == "Ravi Menon"
    assert spoken["Anjali also ch"] == "Anjali Kapoor"
    assert spoken["Harbour pilot "] == "Dana Whitfield"
    assert spoken["Port engineer "] == "Solveig Brekke"
    assert "Automotive" not in result.speakers and "And even" not in result.speakers
    assert not any(name.startswith("\u201cMy boat") for name in result.speakers)
    assert {s.kind for s in result.speakers.values() if s.name in {"Ravi Menon", "Dana Whitfield"}} == {"person"}


def test_a_name_after_a_role_phrase_in_lower_case_is_a_person_and_a_clause_is_no_speaker() -> None:
    # "Kent Walker" is too common a name to be a person by its rarity: the role phrase before it says so; what
    # "he said" after a clause reports is his, and the clause names no one
    text = (
        "On the port's blog, head of public affairs Kent Walker said the new ferries were the best on the coast. "
        "And being late was not the crew's fault, he said; the tide had been low for a week."
    )
    result = attribute(text)
    spoken = speakers_by_opening(text, result, 12)
    assert spoken["On the port'"] == "Kent Walker" and spoken["And being la"] == "Kent Walker"
    walker = result.speakers["Kent Walker"]
    assert walker.kind == "person" and walker.role == "head of public affairs"
    assert not any(name.startswith("And being") for name in result.speakers)


def test_a_description_after_a_name_is_who_that_person_is_not_another_speaker() -> None:
    # "a member of the Green Party" describes the one named before it: not Lindqvist, though her role fits it
    text = (
        "Anne Lindqvist, the council member for the harbour, said the plan was sound. "
        "Ola Brekke, a member of the Green Party, warned that the plan ignored the cost of the old piers. "
        "Earlier this month, a spokesperson for Fjord Lines told the Gazette that sailings would continue."
    )
    spoken = speakers_by_opening(text, attribute(text), 12)
    assert spoken["Anne Lindqvi"] == "Anne Lindqvist" and spoken["Ola Brekke, "] == "Ola Brekke"
    assert spoken["Earlier this"] != "the article", "a description after an opening phrase still speaks"
    # a name too common to tell a person by, or a body, before the description: that name speaks
    text = (
        "Rosie Davies, a PR consultant, says she has spent more than 600 pounds on ferry tickets. "
        "The Harbour Board, a body of twelve, said fees would rise."
    )
    spoken = speakers_by_opening(text, attribute(text), 12)
    assert spoken["Rosie Davies"] == "Rosie Davies" and spoken["The Harbour "] == "Harbour Board"


def test_the_one_named_after_the_claim_and_its_verb_says_it() -> None:
    # news style puts the speaker last: "..., said Maren Lund, chief economist at ..."; her pronoun goes on with her
    text = (
        "The fee report came out on Monday. "
        "Nothing in the numbers should change the board's plans for the summer, said Maren Lund, chief "
        "economist at Nordic Port Advisers. "
        "She called the figures \u201cdull but welcome\u201d. "
        "Fees will not rise again before the autumn, said Lund. "
        "In particular, the night ferry will keep its fares, says harbour master Ole Brekke. "
        "The Harbour Board, however, maintained its position. "
        "The dredging, said to be the largest in a decade, starts in May. "
        "Its cost, the board said, will be shared."
    )
    spoken = speakers_by_opening(text, attribute(text), 12)
    assert spoken["Nothing in t"] == "Maren Lund" and spoken["Fees will no"] == "Maren Lund"
    assert spoken["She called t"] == "Maren Lund", "what she calls the figures, in her words, is hers"
    assert spoken["In particula"] == "Ole Brekke"
    # what a verb takes as its object or as a description is no speaker, nor an aside between commas
    assert spoken["The Harbour "] == "Harbour Board" and spoken["The dredging"] == "the article"
    assert not {"Its position", "Position", "Largest", "However"} & set(attribute(text).speakers)


def test_an_organisation_or_a_participle_opening_a_sentence_is_no_person() -> None:
    text = (
        "Priya Raman joined Halden Capital in May. Halden Capital is a fund. "
        "\u201cWe will buy more ferries next year, and the fares will fall,\u201d she said.\n\n"
        "Following Priya Raman, the board spoke. Echoing Raman, the chair said fares would fall."
    )
    result = attribute(text)
    assert "Halden Capital" not in result.speakers or result.speakers["Halden Capital"].kind != "person"
    spoken = speakers_by_opening(text, result, 12)
    assert spoken["\u201cWe will buy"] == "Priya Raman"
    assert not any(name.startswith(("Following", "Echoing")) for name in result.speakers)


def test_she_said_is_the_woman_last_met_though_a_man_spoke_since() -> None:
    text = (
        "Marta Quiroga runs the ferry company. Quiroga said her boats were full all summer.\n\n"
        "Tomas Ferrante, who sits on the council, said he wanted cheaper fares.\n\n"
        "\u201cWe cannot cut fares and add boats in the same year,\u201d she said.\n\n"
        "\u201cThen the council will look for another operator,\u201d he said."
    )
    result = attribute(text)
    spoken = speakers_by_opening(text, result, 12)
    assert spoken["\u201cWe cannot c"] == "Marta Quiroga"
    assert spoken["\u201cThen the co"] == "Tomas Ferrante"


def test_one_name_brought_in_with_who_they_are_is_a_person_a_pronoun_stands_for() -> None:
    # "Brannock, an early investor," is a company; "Solvi, another ferry streamer," a person
    text = (
        "Brannock, an early investor, sold its stake. Tomas Ferrante, who runs the line, said he was sorry.\n\n"
        "The queue at the pier, which Solvi, another ferry streamer, filmed, was long. Waiting is not an option "
        "for her.\n\n"
        "\u201cThe company cannot keep selling tickets for boats that never sail,\u201d she said in a message."
    )
    result = attribute(text)
    spoken = speakers_by_opening(text, result, 12)
    assert spoken["\u201cThe company"] == "Solvi"
    assert "Brannock" not in result.speakers


def test_a_body_named_by_a_common_noun_is_another_in_each_article() -> None:
    from rag.records import ArticleRecord
    from rag.speakers import speaker_index

    texts = {
        "a": "Brightwell Cranes will hire forty operators. The company said the terminal opens in September.",
        "b": "Veltro Robotics will end its night shift. The company said orders had slowed. Veltro said so twice.",
    }
    records = []
    for doc_id, text in texts.items():
        result = attribute(text)
        assert result.speakers["Company"].generic  # "the company said": whichever company the article is on
        assert not any(s.generic for name, s in result.speakers.items() if name != "Company")
        records.append(
            ArticleRecord(
                doc_id,
                f"Article {doc_id}",
                statements=[(s.start, s.end, s.speaker, s.kind) for s in result.statements],
                speakers=[{"name": s.name, "kind": s.kind, "generic": s.generic} for s in result.speakers.values()],
            )
        )
    # "Police said" opening a sentence is the common noun all the same, when the article writes "police" too
    police = attribute("Police said the road was closed. By noon, police said it had reopened.")
    assert police.speakers["Police"].generic
    assert not attribute("Google said the feature would ship. Google said so again.").speakers["Google"].generic
    companies = [s for s in speaker_index(records) if s.name == "Company"]
    assert sorted(s.articles for s in companies) == [["Article a"], ["Article b"]]
    assert [s.doc_ids for s in companies if s.articles == ["Article a"]] == [["a"]]


def test_who_speaks_is_the_subject_a_mention_ends_with_not_what_opens_it() -> None:
    text = (
        "Marta Quintero chairs the lighthouse trust.\n\n"
        "In a letter sent to members on Friday, Quintero said the tower would reopen in May.\n\n"
        "“The lamp room needs a new roof,” she said. “We will pay for it ourselves.”\n\n"
        "And as Quintero explained, the keepers' cottage will become a museum.\n\n"
        "Asked about the cost, she said the trust had raised enough already.\n\n"
        "Volunteers have painted the gallery rail, and the ferry company added that it would run extra boats."
    )
    said = speakers_by_opening(text, attribute(text), 24)
    assert said["In a letter sent to memb"] == "Marta Quintero"
    assert said["And as Quintero explaine"[:24]] == "Marta Quintero"
    assert said["Asked about the cost, sh"] == "Marta Quintero"
    speakers = set(attribute(text).speakers)
    assert not any(s.startswith(("In ", "And ", "Asked")) for s in speakers), speakers


def test_a_modifier_before_a_name_is_no_part_of_it() -> None:
    text = (
        "Oslo-based Ingrid Faltskog said the fjord ferries would go electric by 2030.\n\n"
        "Geologist Henrik Aamodt Berg said the tunnel rock was sound. Berg added that drilling starts in spring.\n\n"
        "Mayor Dean Holt said the town had waited long enough."
    )
    result = attribute(text)
    said = speakers_by_opening(text, result, 20)
    assert said["Oslo-based Ingrid Fa"] == "Ingrid Faltskog"
    assert said["Geologist Henrik Aam"] == "Henrik Aamodt Berg"
    assert said["Berg added that dril"] == "Henrik Aamodt Berg"
    assert said["Mayor Dean Holt said"] == "Dean Holt"  # a title before a first name that is also a word


def test_a_name_of_common_words_whose_surname_speaks_alone_is_a_persons() -> None:
    text = (
        "Frank Long, the harbour's night pilot, was at the wheel.\n\n"
        "Long told the inquiry that the buoy light had been out for a week. “I reported it twice,” Long said.\n\n"
        "Morgan Stanley said the harbour bonds were safe."
    )
    result = attribute(text)
    said = speakers_by_opening(text, result, 20)
    assert said["Long told the inquir"] == "Frank Long"
    assert said["“I reported it twice"] == "Frank Long"
    assert result.speakers["Frank Long"].kind == "person"
    assert result.speakers["Morgan Stanley"].kind == "group"  # written alone, "Stanley" never speaks


def test_a_speakers_quoted_paragraphs_go_on_over_a_short_line_between() -> None:
    text = (
        "Nadia Okoro coaches the rowing eight.\n\n"
        "“We lost the start, not the race,” Okoro said.\n\n"
        "Advertisement\n\n"
        "“The crew rowed the last 500 metres faster than anyone.\n\n"
        "“Next year we go to Henley.”\n\n"
        "The regatta closes on Sunday. “Tickets are sold out,” a steward said."
    )
    said = speakers_by_opening(text, attribute(text), 24)
    assert said["“The crew rowed the last"] == "Nadia Okoro"
    assert said["“Next year we go to Henl"] == "Nadia Okoro"
    assert said["“Tickets are sold out,” "] != "Nadia Okoro"  # the article's words came between


def test_an_unattributed_quotation_is_the_person_the_sentence_before_opens_with() -> None:
    text = (
        "The mill reported its results on Tuesday. Chief executive Tomasz Wrobel welcomed the numbers. "
        "“Paper demand is back where it was in 2019.”\n\n"
        "Analysts were less sure. “One good quarter proves little.”"
    )
    said = speakers_by_opening(text, attribute(text), 20)
    assert said["“Paper demand is bac"] == "Tomasz Wrobel"
    assert "“One good quarter pr" not in said or said["“One good quarter pr"] != "Tomasz Wrobel"


def test_a_role_before_a_surname_is_the_person_met_before() -> None:
    text = (
        "Ilse Vandermeer won the time trial by eleven seconds.\n\n"
        "Cyclist Vandermeer had crashed in the same race a year ago.\n\n"
        "“I rode the descent carefully this time,” she said."
    )
    result = attribute(text)
    said = speakers_by_opening(text, result, 20)
    assert said["“I rode the descent "] == "Ilse Vandermeer"
    assert "Cyclist Vandermeer" not in result.speakers


def test_a_mention_ending_in_a_conjunction_after_a_comma_names_no_one_and_breaks_nothing() -> None:
    text = (
        "The ferry board met on Monday.\n\n"
        "The board hires “mystery riders” to gauge the punctuality of its boats, and says it ran 900 checks.\n\n"
        "Rhea Moss admits that the timetable doesn't guarantee a seat, but says it helps."
    )
    result = attribute(text)
    assert all(s.speaker in ("Rhea Moss", "the article") for s in result.statements), result.speakers


def test_names_with_accented_letters_and_a_surname_after_its_verb_are_people() -> None:
    text = (
        "Coach Aurélien Jégou named his side on Friday.\n\n"
        "“We go with youth,” said Jégou.\n\n"
        "Club captain Sean Baker backed the choice. “They have earned it,” said Baker. “Every one of them.”"
    )
    result = attribute(text)
    said = speakers_by_opening(text, result, 20)
    assert said["“We go with youth,” "] == "Aurélien Jégou"
    assert said["“They have earned it"] == "Sean Baker"
    assert result.speakers["Sean Baker"].kind == "person"


def test_a_quotation_ending_its_sentence_keeps_the_name_and_description_after_it() -> None:
    text = (
        "The quay will stay open all winter.\n\n"
        "“We will not be leaving the harbour.” Ingvild Thorsrud, the port’s director, said on Tuesday."
    )
    assert speakers_by_opening(text, attribute(text), 20)["“We will not be leav"] == "Ingvild Thorsrud"
    odd = "Dana Laird runs the ferries. “Fees will rise next year, we think,” ,\xa0, \xa0, she said."
    assert (
        speakers_by_opening(odd, attribute(odd), 20)["“Fees will rise next"] == "Dana Laird"
    )  # spacing breaks nothing


def test_he_said_after_a_paragraph_turned_to_another_person_is_that_persons() -> None:
    text = (
        "Coach Anders Halvorsen was all smiles after the semi-final.\n\n"
        "“We will recover together and then think about the final,” Halvorsen said.\n\n"
        "For Tobias Lindqvist, Halvorsen’s opposite number, his tournament ends in disappointment, although two "
        "wins in the group stage offer some comfort.\n\n"
        "“I would like to take this squad forward,” he said. “But that is not my decision.”\n\n"
        "Halvorsen praised his captain, Erik Moe, for the second goal.\n\n"
        "“He was everywhere tonight,” he said.\n\n"
        "Sweden face Norway next, with striker Jonas Brekke fit again after a knee injury.\n\n"
        "“We are ready for anyone,” he said.\n\n"
        "For example, Per Aasen, whom he coached for ten years, sat in the stand.\n\n"
        "“Per taught me everything I know about set pieces,” he said."
    )
    said = speakers_by_opening(text, attribute(text), 20)
    # the paragraph before the quotation opens with Lindqvist; Halvorsen is in it only as a possessive
    assert said["“I would like to tak"] == "Tobias Lindqvist"
    # the last speaker named again: still his; a name later in a sentence is no turn to that person
    assert said["“He was everywhere t"] == "Anders Halvorsen"
    assert said["“We are ready for an"] == "Anders Halvorsen"
    # a quotation naming the person the paragraph opens with is not theirs
    assert said["“Per taught me every"] == "Anders Halvorsen"


def test_he_said_stays_with_the_last_speaker_when_the_paragraph_before_only_mentions_someone() -> None:
    opening = (
        "Port director Dana Laird presented the annual results on Monday.\n\n"
        "“Volumes are up for a third year,” Laird said.\n\n"
    )
    cases = {
        # named after another word, not as the sentence's subject
        "Asked about Tomas Berg, the director was upbeat about his return.\n\n“He is back at work,” she said.": "",
        "Without Tomas Berg, the harbour looked lost last winter.\n\n“We missed his experience,” she said.": "",
        # the quotation speaks of the one the paragraph opens with
        "Tomas Berg was everywhere this year. He ran the night shifts.\n\n“She is the best we have,” she said.": "",
        # "she said" after a man: the article never calls him "she" before it
        "Tomas Berg, the harbour's largest client, signed a ten-year contract.\n\n“That secures jobs,” she said.": "",
        # a company's name opening a sentence
        "Harbor Freight Lines shares fell by a fifth in March.\n\n“We had no exposure,” she said.": "",
    }
    for paragraph in cases:
        text = opening + paragraph
        said = speakers_by_opening(text, attribute(text), 8)
        quoted = paragraph[paragraph.index("“") : paragraph.index("“") + 8]
        assert said[quoted] == "Dana Laird", paragraph


def test_they_said_is_no_one_persons_and_a_clause_is_no_speaker() -> None:
    text = (
        "Port director Dana Laird presented the annual results on Monday.\n\n"
        "“Volumes are up for a third year,” Laird said.\n\n"
        "The dockworkers rejected the pay offer on Friday. “It does not cover inflation,” they said.\n\n"
        "The dockers aren’t planning a strike, although they would not rule one out, they said."
    )
    result = attribute(text)
    said = speakers_by_opening(text, result, 20)
    assert said.get("“It does not cover i") != "Dana Laird"  # "they" is several people: not the last speaker
    assert not any("aren’t" in speaker for speaker in result.speakers), result.speakers  # a clause is no one


def test_a_sentence_adverb_or_preposition_opening_a_sentence_is_no_first_name() -> None:
    text = (
        "Singer Mara Quill released her tenth album on Friday.\n\n"
        "Perhaps Quill rushed the record. “Some songs were written in a week,” Quill said.\n\n"
        "Despite Harbourline’s efforts to cut fares, ridership fell, the operator said.\n\n"
        "Despite tensions at the table, the holidays can be joyful. Ona Brenner is a family therapist in Oslo. "
        "She explained that families should talk early."
    )
    result = attribute(text)
    said = speakers_by_opening(text, result, 20)
    assert not any(name.split()[0] in ("Perhaps", "Despite") for name in result.speakers), result.speakers
    assert said.get("“Some songs were wri") == "Mara Quill"
    assert said.get("She explained that f") == "Ona Brenner"  # the therapist, not a name made of "Despite"
    # a first name or a surname that is also such a word stays: "Even" Pellerud, "Oh" Se-hoon
    for text, name in (
        ("Norway coach Even Pellerud said the team was ready.", "Even Pellerud"),
        ("“We will build homes,” said Oh Se-hoon, the mayor of Seoul.", "Oh Se-hoon"),
    ):
        assert [s.speaker for s in attribute(text).statements] == [name]


def test_a_name_with_a_capital_after_its_prefix_is_a_persons() -> None:
    # "O’Kane", "McTavish", "DiMarco": the surname writes a capital after O’, Mc, Di ...; each is the person the
    # article brought in by full name, not a body called by one word
    text = (
        "Harbour ferries director of planning Siobhan O’Kane spoke at the hearing. "
        "“The night boats will run again in March,” O’Kane stresses.\n\n"
        "Coach Rory McTavish was upbeat after the match. “We defended well,” McTavish said.\n\n"
        "Lia DiMarco, a deckhand, saw the collision. “The pilot never slowed down,” said DiMarco."
    )
    result = attribute(text)
    said = speakers_by_opening(text, result, 14)
    assert said["“The night boa"] == "Siobhan O’Kane"
    assert said["“We defended w"] == "Rory McTavish"
    assert said["“The pilot nev"] == "Lia DiMarco"
    assert all(result.speakers[name].kind == "person" for name in ("Siobhan O’Kane", "Rory McTavish", "Lia DiMarco"))


def test_the_words_a_title_is_of_are_no_part_of_the_name_after_them() -> None:
    # "Director of Planning Tomas Quill": "Planning" is what he directs, not his first name
    for text, name in (
        ("Port Authority Director of Planning Tomas Quill said the pier would reopen in May.", "Tomas Quill"),
        ("Secretary of State Ada Lindqvist said the talks would go on.", "Ada Lindqvist"),
    ):
        assert [s.speaker for s in attribute(text).statements] == [name]


def test_an_interviews_answers_are_the_interviewees() -> None:
    # each answer is a quotation opening the paragraph after the interviewer's question, with no "she said"; the
    # journalist quoted in the introduction is not the one interviewed
    text = (
        "Harbour economist Maren Solvik has advised three finance ministers. Last week broadcaster Tom Ekre asked "
        "her about the strike. “Will ferries stop?” Ekre said on air.\n\n"
        "Solvik spoke to us about the port budget. Solvik has long argued for cheaper fares, and Solvik expects "
        "a deficit.\n\n"
        "How large should the port's deficit be allowed to grow?\n\n"
        "“A deficit of two or four percent is fine for a year of repairs. There are no sacred numbers.”\n\n"
        "What should the port do first?\n\n"
        "“Fix the north pier before the winter storms arrive.”"
    )
    said = speakers_by_opening(text, attribute(text), 14)
    assert said["“A deficit of "] == "Maren Solvik"
    assert said["“Fix the north"] == "Maren Solvik"
    # a line with an exclamation, or two questions, is no interviewer's question ("PURE ANGE-BALL! ... ????")
    assert INTERVIEW_QUESTION.search("\nHow large should the deficit be?\n\n")
    assert not INTERVIEW_QUESTION.search("\nKick-off! Who will score first??\n\n")
    assert not INTERVIEW_QUESTION.search("\nIs it over? Can they come back?\n\n")


def test_a_quotation_whose_attribution_ends_the_sentence_goes_on_into_no_other_speakers_quotation() -> None:
    text = (
        "The board published a new ferry timetable on Monday. "
        "“The timetable is fine, but what matters is that the boats leave on time,” Ines Calder said. "
        "Commuter Tom Reyes said: “The first sailing should be earlier.” "
        "“We will look again in June,” Calder said, “once the summer crowds arrive.” "
        "“The winter fares stay,” Calder added. “Nobody will pay more.”"
    )
    said = speakers_by_opening(text, attribute(text), 20)
    assert said["“The timetable is fi"] == "Ines Calder"
    assert said["Commuter Tom Reyes s"].endswith("Tom Reyes")  # his own words, not hers
    # a quotation split by its attribution, and one going on in the next sentence, are still hers
    assert said["“We will look again "] == "Ines Calder"
    statements = attribute(text).statements
    assert [s.speaker for s in statements if "Nobody will pay more" in text[s.start : s.end]] == ["Ines Calder"]


def test_a_surname_alone_is_the_person_first_named_not_a_relative_named_later() -> None:
    text = (
        "Dana Whitlock said ferry fares on the lake would rise next spring.\n\n"
        "Her brother Cormac Whitlock, who runs the rival line, was not asked.\n\n"
        "In a post online, Whitlock wrote that the timetable would not change.\n"
    )
    said = speakers_by_opening(text, attribute(text), 20)
    # "Dana Whitlock" is no shorter form of "Cormac Whitlock", and "Whitlock" alone is the Whitlock named first
    assert said["Dana Whitlock said f"] == "Dana Whitlock"
    assert said["In a post online, Wh"] == "Dana Whitlock"


def test_a_quotation_ending_mid_sentence_is_said_by_the_person_named_after_the_verb() -> None:
    text = (
        "Mayor Tomas Berg said the toll was fair to drivers.\n\n"
        "The toll is “a tax on every commuter” in all but name, said transport analyst Ingrid Solberg.\n\n"
        "She said the council had not published its traffic figures.\n"
    )
    said = speakers_by_opening(text, attribute(text), 20)
    assert said["The toll is “a tax o"] == "Ingrid Solberg"
    # "she" is the speaker right before her in the text, though quotations are read before reported speech
    assert said["She said the council"] == "Ingrid Solberg"


def test_words_that_name_no_one_are_not_taken_for_a_speaker() -> None:
    text = (
        "The depot on Quay Street will close in March, according to The Ledger and The Courier.\n\n"
        "Much of said funding came from the harbour trust, the port's accounts show.\n\n"
        "Vasquez’s firing publicly announced on Friday surprised the board.\n\n"
        "The ferry line has “secret reserves” of fuel—about six weeks—the union argued.\n\n"
        "Local paper Harbour Times has in the past month reported on both of the bids.\n"
    )
    result = attribute(text, article_speaker="the article")
    said = speakers_by_opening(text, result, 20)
    # two papers are no one speaker, and a fragment of a clause is no one's name: the article's own words
    assert said["The depot on Quay St"] == "the article"
    assert said["Much of said funding"] == "the article"
    assert said["Vasquez’s firing pub"] == "the article"
    # the one who speaks after an aside set off by dashes, or before the perfect's "has" and when it was
    assert said["The ferry line has “"] == "Union"
    assert said["Local paper Harbour "] == "Local paper Harbour Times"


def test_a_heading_naming_what_is_reported_is_no_ones_statement() -> None:
    text = (
        "The harbour board met on Monday to weigh the bids.\n\n"
        "Unconfirmed Harbour Works expansion plans reported\n\n"
        "Site Area Status Pier 4 2 ha pending\n"
    )
    result = attribute(text, article_speaker="the article")
    said = speakers_by_opening(text, result, 20)
    # a line ending with its verb and no full stop heads a table: nobody "Unconfirmed Harbour Works" speaks
    assert said["Unconfirmed Harbour "] == "the article"
    assert list(result.speakers) == ["the article"]


def test_a_past_participle_opening_a_sentence_is_no_part_of_the_name_after_it() -> None:
    text = "Respected Ottoline Varga said the exhibition would travel to Lisbon next year.\n"
    assert speakers_by_opening(text, attribute(text), 20)["Respected Ottoline V"] == "Ottoline Varga"


def test_a_bodys_statement_or_spokesperson_is_the_bodys() -> None:
    text = (
        "“The line will reopen on Monday, once the signals are repaired,” said an emailed Quorvex statement.\n\n"
        "A Quorvex spokesperson said the fault had been found on Friday.\n"
    )
    result = attribute(text, article_speaker="the article")
    said = speakers_by_opening(text, result, 20)
    assert said["“The line will reope"] == "Quorvex"
    assert said["A Quorvex spokespers"] == "Quorvex"
    assert result.speakers["Quorvex"].kind == "group"  # a body, whom no later "she said" stands for


def test_a_name_in_apposition_to_a_description_is_who_speaks() -> None:
    text = (
        "The harbour’s main tenant, Quorvex, which has leased the pier since 2019, said that the move would not "
        "affect its lease.\n"
    )
    said = speakers_by_opening(text, attribute(text, article_speaker="the article"), 20)
    assert said["The harbour’s main t"] == "Quorvex"


def test_a_surname_alone_is_the_one_speaker_the_article_names_in_full() -> None:
    text = (
        "The ferry line’s CTO Mark Hill testified on Tuesday about the ledger. The ledger, according to Hill, was "
        "kept by hand.\n\n"
        "Defence lawyer Rosa Kerr said the accounts were sound. The audits, according to Kerr, were never asked for.\n"
    )
    result = attribute(text, article_speaker="the article")
    said = speakers_by_opening(text, result, 20)
    # "Mark Hill" and "Rosa Kerr" are names of common words, met as speakers: "Hill" and "Kerr" are they, no others
    assert said["The ledger, accordin"] == "Mark Hill"
    assert said["The audits, accordin"] == "Rosa Kerr"
    assert "Hill" not in result.speakers and "Kerr" not in result.speakers


def test_a_title_right_before_a_name_of_common_words_makes_it_a_persons() -> None:
    text = (
        "“We were tired in the second half, and it showed,” said coach Mark Hill after the loss.\n\n"
        "Ferry co-founder Rosa Kerr might be called as a witness, and Quorvex says the hearing will open in May.\n"
    )
    said = speakers_by_opening(text, attribute(text, article_speaker="the article"), 20)
    assert said["“We were tired in th"] == "Mark Hill"
    # a clause of its own after "and" names its own speaker, not the person named before it
    assert said["Ferry co-founder Ros"] == "Quorvex"


def test_a_name_written_with_an_apostrophe_inside_a_word_is_read_whole() -> None:
    text = "Winger Sione Tupou’a scored twice on Saturday. Tupou’a said the side had trained for the wet.\n"
    said = speakers_by_opening(text, attribute(text, article_speaker="the article"), 20)
    assert said["Tupou’a said the sid"] == "Sione Tupou’a"


def test_a_title_then_a_comma_then_a_name_is_the_persons() -> None:
    # the title (a club's name and "Co-Owner") ends where the comma does: who speaks is the name after it
    text = (
        "The club will play two friendlies in Lisbon before the season opens.\n\n"
        "“Lisbon has a wonderful football crowd,” added Harbour Rovers FC Co-Owner, Talia Brenner. “We cannot "
        "wait to bring the team there.”\n\n"
        "The new stand will be finished by March, said Harbour Rovers FC Co-Owner, Mark Hill.\n"
    )
    said = speakers_by_opening(text, attribute(text, article_speaker="the article"), 20)
    assert said["“Lisbon has a wonder"] == "Talia Brenner"
    assert said["The new stand will b"] == "Mark Hill"


def test_a_title_runs_up_to_its_last_noun_and_two_titles_joined_by_and_come_before_the_name() -> None:
    # "Chief Rowing Officer" and "Performance Director" are two titles of one person, named after the second;
    # "Harbour Board President" is a title too, with the body's name in it
    text = (
        "“The crews are faster than they were a year ago,” said Chief Rowing Officer and Performance Director "
        "Mark Hill.\n\n"
        "Harbour Board President Rosa Kerr said the regatta would stay in June.\n\n"
        "Harbour Board Secretary Tom DelMonte said the course would be buoyed by Friday.\n"
    )
    result = attribute(text, article_speaker="the article")
    said = speakers_by_opening(text, result, 20)
    assert said["“The crews are faste"] == "Mark Hill"
    assert said["Harbour Board Presid"] == "Rosa Kerr"
    assert "Rowing Officer" not in result.speakers
    # "DelMonte" is one word of a name, as "DeVito" is: the name is not cut to "Tom Del"
    assert said["Harbour Board Secret"] == "Tom DelMonte"


def test_what_someone_posted_on_x_or_tweeted_is_theirs() -> None:
    # a post quoted from a social network is a statement as "said" brings one in; "posted" a result is not
    text = (
        "“This ruling reads as if the league office wrote it for the Hawks,” Owls owner Lena Moe posted on X after "
        "the game.\n\n"
        "Hawks captain Ivo Stam tweeted that the squad would appeal.\n\n"
        "The Owls posted a loss of $2 million for the season.\n"
    )
    result = attribute(text, article_speaker="the article")
    said = speakers_by_opening(text, result, 20)
    assert said["“This ruling reads a"] == "Lena Moe"
    assert said["Hawks captain Ivo St"] == "Ivo Stam"
    assert said["The Owls posted a lo"] == "the article"


def test_a_name_of_common_words_brought_in_with_a_persons_role_is_a_persons() -> None:
    # "Grant Wood" is two ordinary words; ", a two-time winner on the Tour" makes him the one "he" stands for, not
    # the person named a paragraph before
    text = (
        "Kjetil Brekke hit a 316-yard drive at the Dunmore Open.\n\n"
        "Most players are unhappy with the rule. Grant Wood, a two-time winner on the Tour who sits on its board, was "
        "blunt.\n\n"
        "“The association has made some poor decisions,” he said.\n"
    )
    result = attribute(text, article_speaker="the article")
    assert speakers_by_opening(text, result, 20)["“The association has"] == "Grant Wood"


def test_how_someone_described_something_is_their_statement() -> None:
    # "X described the fine as ...", "X called the plan a ...": their characterisation, quoted or in the report's words;
    # "Several skippers described ..." names no one
    text = (
        "Harbour master Ola Varga spoke after the inquiry.\n\n"
        "Varga described the new timetable as unworkable for the island crews.\n\n"
        "Ferry owner Ivo Stam met the council on Monday. Stam called the fee rise a “tax on islanders.”\n\n"
        "Several Skippers described waiting hours for a berth.\n"
    )
    result = attribute(text, article_speaker="the article")
    said = speakers_by_opening(text, result, 20)
    assert said["Varga described the "] == "Ola Varga"
    assert said["Stam called the fee "] == "Ivo Stam"
    assert said["Several Skippers des"] == "the article"


def test_verbs_english_uses_only_for_saying_tell_who_spoke() -> None:
    # "mused", "quipped", "replied", "commented": the speaker's words, as "said" tells; "comments", "remarks" and
    # "reflects" are nouns as often, or a thing's doing ("The fare reflects the cost of fuel.")
    text = (
        "Ferry captain Lina Horn has run the Orvin crossing for twenty years.\n\n"
        "“Who knows what the island would be without the boat?” Horn mused. “Quieter, maybe.”\n\n"
        "Council leader Emil Sand was asked about the new fares. “Nobody likes paying more,” Sand quipped.\n\n"
        "“It is the right decision,” harbour master Per Dahl replied.\n\n"
        "The fare reflects the cost of fuel. Readers' comments were mostly angry.\n"
    )
    result = attribute(text, article_speaker="the article")

    def speaker_of(words: str) -> str:
        return speaker_at(text, result, words)

    assert speaker_of("Who knows what the island") == "Lina Horn"
    assert speaker_of("Quieter, maybe.") == "Lina Horn"
    assert speaker_of("Nobody likes paying more") == "Emil Sand"
    assert speaker_of("It is the right decision") == "Per Dahl"
    assert speaker_of("The fare reflects") == "the article"
    assert speaker_of("Readers' comments") == "the article"


def test_a_quotation_after_a_sentence_whose_subject_is_set_off_by_an_aside_is_that_subjects() -> None:
    # "Bank Chair Ada Lund, who spoke after him, signaled ...": the person the sentence opens with speaks the
    # quotation right after it, though an aside stands between her name and her verb; "opined" says who spoke
    text = (
        "Finance minister Ivo Stam told the forum that rates must fall soon.\n\n"
        "Bank Chair Ada Lund, who spoke after him, signaled she was in no hurry. “Our task is stable prices, whatever "
        "the budget does.”\n\n"
        "“Patience is a policy too,” opined councillor Mara Vik.\n"
    )
    result = attribute(text, article_speaker="the article")
    assert speaker_at(text, result, "Our task is stable prices") == "Ada Lund"
    assert speaker_at(text, result, "Patience is a policy") == "Mara Vik"


def test_a_quotation_brought_in_by_went_on_or_continued_is_the_one_named_before() -> None:
    text = (
        "Harbour master Ingrid Solberg spoke to reporters on the quay.\n\n"
        "Solberg said the new timetable would help the islands.\n\n"
        "She went on, “The ferries will run every hour from May. Nobody will wait in the cold again.”\n\n"
        "She continued: “We owe the islanders that much.”\n\n"
        "The ferry company went on to post record profits."
    )
    result = attribute(text, 0, "the article")
    assert speaker_at(text, result, "The ferries will run every hour") == "Ingrid Solberg"
    assert speaker_at(text, result, "Nobody will wait in the cold") == "Ingrid Solberg"
    assert speaker_at(text, result, "We owe the islanders") == "Ingrid Solberg"
    assert speaker_at(text, result, "went on to post record profits") == "the article", "no quotation follows"


def test_an_edited_interviews_unquoted_answers_are_the_interviewees_and_its_questions_are_not() -> None:
    text = (
        "Marta Lindqvist has run the Nordvik lighthouse museum for twenty years.\n\n"
        "Last week I asked her about the museum's future.\n\n"
        "This interview has been lightly edited for length and clarity.\n\n"
        "Thank you for talking to us. Why did the museum close for the winter?\n\n"
        "The roof leaks, and the county has not paid for the repairs it promised in 2021.\n\n"
        "We had no choice but to shut the doors until spring.\n\n"
        "[Editor's note: the county says the repairs are scheduled for March.]\n\n"
        "So you think the county broke its word? You said as much at the council meeting.\n\n"
        "I would say the county forgot us, which is worse.\n\n"
        "You have said the museum needs a new board.\n\n"
        "It does, and I will not sit on it."
    )
    result = attribute(text, 0, "the article")
    assert speaker_at(text, result, "The roof leaks") == "Marta Lindqvist"
    assert speaker_at(text, result, "We had no choice") == "Marta Lindqvist", "an answer runs on over paragraphs"
    assert speaker_at(text, result, "the county forgot us") == "Marta Lindqvist"
    assert speaker_at(text, result, "Why did the museum close") == "the article", "the interviewer's question"
    assert speaker_at(text, result, "You said as much") == "the article", "a question asked of her, then a remark"
    assert speaker_at(text, result, "Editor's note") == "the article"
    assert speaker_at(text, result, "You have said the museum") == "the article", "a prompt spoken to her"
    assert speaker_at(text, result, "I will not sit on it") == "Marta Lindqvist"
    assert speaker_at(text, result, "has run the Nordvik lighthouse") == "the article", "the introduction"


def test_a_labelled_interviews_lines_are_their_speakers() -> None:
    text = (
        "Tennis great Agnes Varga turned 80 this year and still coaches juniors.\n\n"
        "Here's a Q&A with Varga, which has been edited for brevity.\n\n"
        "POST: Talk about the year you won three titles.\n\n"
        "VARGA: It was the best summer of my life. We founded the players' union that June.\n\n"
        "POST: And now?\n\n"
        "VARGA: Now I coach twelve-year-olds, and they beat me."
    )
    result = attribute(text, 0, "the article")
    assert speaker_at(text, result, "It was the best summer") == "Agnes Varga"
    assert speaker_at(text, result, "Now I coach twelve-year-olds") == "Agnes Varga"
    assert speaker_at(text, result, "Talk about the year") == "the article"


def test_a_quotation_signed_with_a_dash_is_the_signers() -> None:
    text = (
        "Ingrid Solberg has kept the Nordvik light for thirty years.\n\n"
        "“The sea never sleeps, so neither do we.” — Ingrid Solberg\n\n"
        "“Nobody should cross tonight.” — Tor Lind (@torlind) March 3, 2024\n\n"
        "Her favourite song is “Harbour Lights” — Ella Fitzgerald recorded it in 1950."
    )
    result = attribute(text, 0, "the article")
    assert speaker_at(text, result, "The sea never sleeps") == "Ingrid Solberg"
    assert speaker_at(text, result, "Nobody should cross tonight") == "Tor Lind"
    assert speaker_at(text, result, "Her favourite song") == "the article", "a title after a dash is no statement"


def test_an_interview_mentioned_in_passing_or_without_questions_gives_no_one_the_article() -> None:
    text = (
        "Tottenham lost 4-1 to Chelsea on Monday night.\n\n"
        "Ange Postecoglou, speaking to Sky Sports in an interview that was later edited for broadcast, praised his "
        "players.\n\n"
        "RELATED: Spurs injury list grows after derby defeat\n\n"
        "Tottenham had two players sent off in the first half.\n\n"
        "Spurs travel to Wolves on Saturday."
    )
    result = attribute(text, 0, "the article")
    assert speaker_at(text, result, "two players sent off") == "the article"
    assert speaker_at(text, result, "Spurs travel to Wolves") == "the article"


def test_a_question_and_answer_interview_labelled_q_and_a_and_answers_opening_with_you() -> None:
    text = (
        "Chef Astrid Nyberg opened her third restaurant in Bergen this month.\n\n"
        "This interview has been edited for length.\n\n"
        "Q: What would you change about the first restaurant?\n\n"
        "A: Nothing. I would do it all again.\n\n"
        "Q: Was moving to Bergen hard?\n\n"
        "You know, it was the best decision of my life."
    )
    result = attribute(text, 0, "the article")
    assert speaker_at(text, result, "I would do it all again") == "Astrid Nyberg"
    assert speaker_at(text, result, "the best decision of my life") == "Astrid Nyberg"
    assert speaker_at(text, result, "What would you change") == "the article"


def test_going_on_and_a_dash_name_a_speaker_only_when_a_person_speaks() -> None:
    text = (
        "Spurs have a long injury list before the derby.\n\n"
        "The list goes on: “Maddison, Van de Ven and Udogie are all out for weeks.”\n\n"
        "“Vampire Was the Song of the Summer for Everyone” — Olivia Rodrigo (2023)"
    )
    result = attribute(text, 0, "the article")
    assert "List" not in {s.speaker for s in result.statements}
    assert speaker_at(text, result, "Vampire Was the Song") == "the article", "a title signed with a dash"


def test_a_speaker_after_a_quotation_is_its_speaker_however_long_the_when_and_where_told_after() -> None:
    text = (
        "The league has not yet ruled on the harbour scheme.\n\n"
        "“They aren’t rumours. It happened,” Lund coach Mara Fenwick said Thursday night on her radio show ahead of "
        "Saturday’s game against the Kelby Rovers at the old harbour ground.\n\n"
        "“Nobody wants that,” Tor Lind said, adding that the league says it does not comment on ongoing inquiries "
        "into the clubs.\n\n"
        "Fans chanted “out, out” as the chairman said this season would be his last at the club and that a new owner "
        "would come in."
    )
    result = attribute(text, 0, "the article")
    assert speaker_at(text, result, "They aren’t rumours") == "Mara Fenwick"
    assert speaker_at(text, result, "Nobody wants that") == "Tor Lind"
    # a clause after the verb is what was said, not when or where: a chant in the sentence is not the chairman's
    assert speaker_at(text, result, "out, out") == "the article"


def test_he_said_after_the_sentence_naming_who_a_paragraph_turns_to_is_theirs() -> None:
    # "Levy does not accept this explanation. “It's true ...,” he says.": not the presenter brought in speaking in
    # the paragraph before (whose "who asked him" leaves her pronoun in doubt)
    text = (
        "With two degrees, Ivo Stam got most attention in an interview on the new fares.\n\n"
        "Stam's shocked response saw his eyes open wide. But within a second he had regained his composure.\n\n"
        "The interview drew criticism, and the line's chief executive Tom Reyes defended the fares as fair to "
        "island riders.\n\n"
        'Stam does not accept this explanation. "It is true that the line must pay its way but it should also '
        'know nonsense when it hears it," he says.\n\n'
        "Harbour director Lena Holm explains that the timetable will change and that Tom Reyes leads it. "
        'She says, "We have hired more crews."'
    )
    result = attribute(text, 0, "the article")
    assert speaker_at(text, result, "know nonsense") == "Ivo Stam"
    assert speaker_at(text, result, "hired more crews") == "Lena Holm"
