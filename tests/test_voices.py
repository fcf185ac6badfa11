"""Reading whom a question asks what they said, and whose a sentence is."""

from collections.abc import Set as AbstractSet

from rag.lexicon import content_stems
from rag.question import answer_kind
from rag.voices import Voice, asked_voice, described_speaker, is_theirs, on_topic, speaks


def test_a_view_asked_for_as_a_search_is_typed_names_them_and_the_topic() -> None:
    # no "what is" before it: "travis kelce's take on the nfl cutting to taylor swift"
    assert asked_voice("ansel brandt's take on the new ferry fares?") == Voice(
        "ansel brandt", "ansel brandt", "the new ferry fares"
    )
    assert asked_voice("Anna Dahl's reaction to the quota") == Voice("Anna Dahl", "Anna Dahl", "the quota")
    # a thing's, not a speaker's; a question opening with its own word asks of something else
    assert asked_voice("the ferry's position at the quay?") is None
    assert asked_voice("Did the portrayal of Anna Dahl's reaction to the quota stay the same?") is None
    # a clause before the question, and a request, are no search for a view
    assert asked_voice("After Anna Dahl's warning, did the fares rise?") is None
    assert asked_voice("Compare Anna Dahl's view on fares with Ansel Brandt's") is None


def test_a_question_asking_what_a_named_one_said_names_them_and_the_topic() -> None:
    voice = asked_voice("What did Harbour Mayor Ansel Brandt say about the second ferry?")
    assert voice == Voice("Harbour Mayor Ansel Brandt", "Ansel Brandt", "the second ferry")
    assert asked_voice("How did Norway respond to the new quota?") == Voice("Norway", "Norway", "the new quota")
    assert asked_voice("What is Dahl's view on dredging?") == Voice("Dahl", "Dahl", "dredging")
    assert asked_voice("What is Anna Dahl's worry about the new quota?") == Voice(
        "Anna Dahl", "Anna Dahl", "the new quota"
    )
    assert asked_voice("What was Brandt's explanation for the delay?") == Voice("Brandt", "Brandt", "the delay")
    assert asked_voice("Where does the IMF stand on port fees?") == Voice("the IMF", "IMF", "port fees")
    assert asked_voice("tell me what Lin Wei-ting thinks of the fares") == Voice(
        "Lin Wei-ting", "Lin Wei-ting", "the fares"
    )
    # in a later half, what they said of a thing the question names first ("what score did X predict"): their
    # words when found, else what the articles say of it
    assert asked_voice("What was the final score, and what score did Ansel Brandt predict for the derby?") == Voice(
        "Ansel Brandt", "Ansel Brandt", "the derby", only_theirs=False
    )
    # a title before the name is no part of it
    berg = Voice("transport minister Elin Berg", "Elin Berg", "")
    assert asked_voice("What did transport minister Elin Berg say?") == berg
    # whom they told is no topic
    assert asked_voice("What did Ansel Brandt tell the Gazette about the ferry?") == Voice(
        "Ansel Brandt", "Ansel Brandt", "the ferry"
    )
    # a view asked with a word before it, of someone named with their employer
    assert asked_voice("What is Quayside Ferries' Ansel Brandt's main complaint about the fees?") == Voice(
        "Quayside Ferries' Ansel Brandt", "Ansel Brandt", "the fees"
    )
    assert asked_voice("What did Ansel Brandt tell the big harbour board members about fees?") == Voice(
        "Ansel Brandt", "Ansel Brandt", "fees"
    )
    # a question written all in lower case: words rare in English are the name's
    assert asked_voice("what did harbour mayor ansel brandt say about fares?") == Voice(
        "harbour mayor ansel brandt", "ansel brandt", "fares"
    )
    # a description of someone: who it is, the articles tell (`described_speaker`)
    assert asked_voice("what did the norwegian author say about quotas?") == Voice(
        "the norwegian author", "", "quotas", only_theirs=False, described=True
    )
    # "Does X think Y?" asks what they said on Y, though others' reports of Y may answer it too
    assert asked_voice("Does Ansel Brandt think the ferry will pay off?") == Voice(
        "Ansel Brandt", "Ansel Brandt", "the ferry will pay off", only_theirs=False
    )
    assert asked_voice("Does the port need a new crane?") is None
    # a quoted person and where they work: the person, when the articles quote them
    asked = "What did Seema Holt of Principal Harbour Management make of the fee report?"
    assert asked_voice(asked, known=["Seema Holt"]) == Voice(
        "Seema Holt of Principal Harbour Management", "Seema Holt", "the fee report"
    )
    university = asked_voice("What did the University of Tromso say about quotas?", known=["Tromso"])
    assert university is not None and university.name == "University of Tromso"


def test_how_someone_views_a_thing_asks_what_they_said_after_an_introduction_and_who_they_are() -> None:
    # their words first when found, what others report when not: "How did Hubble see the galaxy?" asks what it saw
    dahl = Voice("Anna Dahl", "Anna Dahl", "the new quota", only_theirs=False)
    assert asked_voice("How does Anna Dahl view the new quota?") == dahl
    assert asked_voice("How do fishing crews see the quota?") is None  # a group, not someone named
    assert asked_voice("How did Kessel United see out the win?") is None  # a phrasal verb
    assert asked_voice("How did Anna Dahl see off the challenge?") is None
    # an outlet's introduction ended by a comma, and who they are set off by commas, come between
    asked = "According to the Harbour Gazette, how does Ansel Brandt, whose ferry sank in May, regard the new fees?"
    brandt = Voice("Ansel Brandt", "Ansel Brandt", "the new fees", only_theirs=False)
    assert asked_voice(asked, skip=[(13, 33)]) == brandt
    asked = "According to the Harbour Gazette, what did Ansel Brandt say about the fees?"
    assert asked_voice(asked, skip=[(13, 33)]) == Voice("Ansel Brandt", "Ansel Brandt", "the fees")
    # what someone saw is no view
    assert asked_voice("What did Ansel Brandt see from the quay?") is None


def test_groups_outlets_and_other_questions_name_no_one() -> None:
    assert asked_voice("What do experts say about quotas?") is None  # a group
    assert asked_voice("What did the Harbour Gazette say about fares?", skip=[(13, 28)]) is None  # an outlet
    assert asked_voice("What percentage of Norwegian voters expect a rise?") is None
    assert asked_voice("What is the name of the firm that Reuters said would buy the port?") is None
    assert asked_voice("Who is Anna Dahl?") is None
    # what someone will do, or how they go about something, is no statement of theirs
    assert asked_voice("How will Norway respond to the new quota?") is None
    assert asked_voice("Explain how Norway expects to pay for the new port") is None


def test_a_sentence_is_theirs_inside_their_statement_or_naming_them_beside_a_verb_of_saying() -> None:
    assert is_theirs("Dahl", "“This is especially true for cranes.”", ["Anna Dahl"])
    assert is_theirs("Norway", "Norway responded by raising its own quota.", [])
    assert is_theirs("Norway", "The plan, according to Norway, is unfair.", [])
    assert not is_theirs("Norway", "Boats from Norway fished in the bay all winter long last year.", [])
    assert is_theirs("Ansel Brandt", "Ansel Brandt insists the ferry must run all winter.", [])
    assert not is_theirs("Dahl", "The board met on Tuesday.", ["Ola Berg"])
    # the verb of saying after an aside on who they are; "termed", "dubbed" and "slammed" say too
    aside = "Anna Dahl, a harbour pilot for thirty years who sits on the port board, termed the plan “reckless”."
    assert is_theirs("Anna Dahl", aside, []) and is_theirs("Dahl", aside, [])
    assert not is_theirs("Anna Dahl", "Anna Dahl, a harbour pilot for thirty years, sailed the night ferry.", [])
    # a quotation a clause naming them opens after a colon is theirs; one that only follows their name is not
    assert is_theirs(
        "Anna Dahl", "That sounds like progress, but the port's Dahl is not so sure: “Fees will rise.”", []
    )
    assert not is_theirs("Anna Dahl", "Dahl met the mayor on Tuesday, and the union replied: “Fees will rise.”", [])
    # ... as is one after "saying" closing a clause they open, however long
    long_clause = (
        "In 2021, Anna Dahl defended her plan to run just ten ferries a day and then retire the old boats, saying, "
        "“From here on in, fares do not get lower.”"
    )
    assert is_theirs("Dahl", long_clause, []) and not is_theirs("Ola Berg", long_clause, [])
    # a statement or a view is theirs when written as theirs, not when it merely stands near their name
    assert is_theirs("Anna Dahl", "Dahl’s latest public statement on the fees was brief.", [])
    assert is_theirs("Norway", "In the view of Norway, the quota is unfair.", [])
    assert not is_theirs(
        "Ansel Brandt",
        "The question is how the port's chief Ansel Brandt will present a holistic view of the fees.",
        [],
    )


def test_a_person_is_also_their_surname_alone() -> None:
    assert is_theirs("Dean Cain", "Last year, Cain told a reporter the decision affected his career.", [])
    assert not is_theirs("Li Wu", "Wu was the dynasty after it, the guide said.", [])  # too short to stand alone
    assert speaks("Dean Cain", "Cain") and speaks("Kawai", "Daisuke Kawai")
    assert speaks("Kim Hyo-myung", "Kim Hye Myung")
    assert not speaks("Dean Cain", "Dean Martin")


def test_what_they_hoped_for_is_on_the_topic_of_what_they_hope_for() -> None:
    def share(stems: AbstractSet[str], text: str) -> float:
        return len(stems & content_stems(text)) / len(stems)

    theirs = ["I will be the first mayor to attend the harbour summit.", "The weather was fine."]
    # "hoped to achieve" asks what they wanted: their words on the summit tell it
    assert on_topic("he hoped to achieve at the harbour summit", "Brandt", theirs, share, 0.6) == [0]


def test_why_or_which_things_someone_thinks_asks_their_words_first() -> None:
    voice = asked_voice("Why does Ansel Brandt think the ferry will not pay off?")
    assert voice == Voice("Ansel Brandt", "Ansel Brandt", "the ferry will not pay off", only_theirs=False)
    voice = asked_voice("Which new routes does the Harbour University economist expect the operator to add?")
    assert voice is not None and voice.described and voice.topic == "the operator to add"
    assert asked_voice("Which new routes does the operator plan?") is None  # no saying, no voice
    # no one in particular: "people", or a description of one word
    assert asked_voice("What do people say about the quotas?") is None
    assert asked_voice("What does the expert say about the quotas?") is None


# Where three people quoted in the articles are introduced.
MENTIONS = {
    "Ansel Brandt": ["Harbour Mayor Ansel Brandt said the ferry would pay off within a decade."],
    "Elin Berg": [
        "Transport Minister Elin Berg, who chairs the Norwegian ports council, backed the plan.",
        "Berg said the fees would stay.",
        "Berg said a fisheries expert at the University of Tromso had warned her.",  # her words introduce no one
    ],
    "Per Lund": [
        "“Quotas will not hold,” says Per Lund, senior fellow at the Centre for Marine Policy at the University "
        "of Tromso, who has studied the fleet for years.",
    ],
    "Kari Moe": ["Kari Moe, one of the leading experts on fisheries policy in the region, disagreed."],
    "Ola Dahl": ["Prime Minister Ola Dahl and President of the Republic of Estonia (Estonia) Mart Kask met on Monday."],
}


def test_someone_described_is_the_one_the_articles_introduce_so() -> None:
    # the university's name, written far after his, tells Lund from the other expert
    assert described_speaker("the University of Tromso fisheries expert", MENTIONS) == "Per Lund"
    assert described_speaker("the fisheries expert", MENTIONS) == "Kari Moe"
    # "minister" fits one; "Harbour" and "mayor" the other
    assert described_speaker("the transport minister", MENTIONS) == "Elin Berg"
    assert described_speaker("the Norwegian minister", MENTIONS) == "Elin Berg"
    assert described_speaker("the harbour mayor", MENTIONS) == "Ansel Brandt"
    assert described_speaker("the prime minister", MENTIONS) == "Ola Dahl"
    # the president of Estonia is introduced after Dahl's name, and is not Dahl (nor quoted)
    assert described_speaker("the Estonian president", MENTIONS) == ""
    # nobody introduced so, or two as well: no one
    assert described_speaker("the Danish coach", MENTIONS) == ""
    assert described_speaker("the Danish harbour official", MENTIONS) == ""  # "harbour" alone is too little
    assert (
        described_speaker("the expert", {"Per Lund": ["Per Lund, an expert."], "Kari Moe": ["Kari Moe, an expert."]})
        == ""
    )


def test_a_name_of_several_words_in_the_topic_is_on_it_only_written_whole() -> None:
    def share(stems: AbstractSet[str], quote: str) -> float:
        return len(stems & content_stems(quote)) / len(stems)

    theirs = [
        "Kawai noted that Tokyo wants the North Atlantic Alliance to watch Asia.",  # "North", not North Korea
        "Kawai said North Korea's launches worried Tokyo.",
    ]
    assert on_topic("North Korea's missile launches", "Kawai", theirs, share, 0.15) == [1]
    # after another name, and in a headline's capitals, the name is whole
    after_name = ["Kim Jong Un's North Korea tested missiles."]
    assert on_topic("North Korea's missile launches", "Kawai", after_name, share, 0.7) == [0]
    assert on_topic("North Korea's missile launches", "Kawai", ["North Korea Fires Missiles"], share, 0.7) == [0]
    # a word of the name written alone is the name's ("City" for Man City)
    assert on_topic("Man City's draw", "Pep", ["Pep said City deserved the draw."], share, 0.5) == [0]


def test_a_pronoun_asks_about_the_one_person_named_before_it() -> None:
    from rag.voices import asked_voice

    voice = asked_voice(
        "Harbour master Ines Calder on the timetable - what does she say matters most?", known=["Ines Calder"]
    )
    assert voice is not None and voice.name == "Ines Calder" and not voice.only_theirs
    assert "timetable" in voice.topic and "Calder" not in voice.topic
    # someone else's, or one of two people named: not theirs
    assert asked_voice("Ines Calder's deputy - what did he say about the timetable?", known=["Ines Calder"]) is None
    two = "Skipper Tom Reyes and Ines Calder on the timetable - what did she say?"
    assert asked_voice(two, known=["Ines Calder"]) is None
    # the part before asking is a question of its own: no topic from it
    voice = asked_voice("Where does Ines Calder work, and what does she say about the fares?", known=["Ines Calder"])
    assert voice is not None and voice.topic == "the fares"


def test_a_reporters_take_asked_with_their_outlet_is_theirs_and_asks_no_name() -> None:
    # the outlet opening "Harbour Gazette reporter Mia Lund" says where she writes: she is whom the question asks
    question = "What is Harbour Gazette reporter Mia Lund's take on the prosecution's case against Voss?"
    voice = asked_voice(question, skip=[(8, 23)])
    assert voice is not None and voice.name == "Mia Lund" and voice.topic == "the prosecution's case against Voss"
    assert answer_kind(question) == ("open", "")  # what she thinks, not "which reporter"


def test_a_writer_named_only_by_where_they_write_is_the_article_not_a_speaker() -> None:
    # the review is the reviewer's view: its text answers, quoted or not ("the harbour gazette reviewer", typed in
    # lower case, reads as a name)
    assert asked_voice("what did the harbour gazette reviewer think of the new lund album") is None
    assert asked_voice("What did the Norvik Post theatre critic say about the play?") is None
    # a critic of a government is someone the articles quote
    voice = asked_voice("What did the Kremlin critic say about the vote?")
    assert voice is not None and voice.described
    # a writer named by their name is someone the articles may quote
    voice = asked_voice("What did Norvik Post critic Anna Dahl say about the play?")
    assert voice is not None and voice.name == "Anna Dahl"


def test_a_name_typed_in_lower_case_is_read_as_the_corpus_capitalises_it() -> None:
    # "what did ada swift say": typed with no capital, given them as the articles write her name (`truecase`); the
    # words of her name are common English words ("swift"), which no rarity would read as a name
    voice = asked_voice("what did Ada Swift say about the harbour strike?", typed_lower=True)
    assert voice is not None and voice.name == "Ada Swift" and voice.only_theirs, voice
    # a rare word is a name however it is typed; a common one the corpus does not capitalise is not
    assert (voice := asked_voice("what did ivo kowalczyk say about the strike?")) and voice.name == "ivo kowalczyk"
    assert asked_voice("what did the swift reply say about the strike?") is None
    # ... nor is a surname given its capital while the first name, a common word, is left lower-case ("will Smith")
    assert asked_voice("what did will Smith say about the strike?", typed_lower=True) is None


def test_someone_quoted_on_a_topic_typed_as_a_headline_asks_what_they_said() -> None:
    # "klopp on dyche's everton before the merseyside derby": what the quoted one said on it
    voice = asked_voice("calder on the new ferry timetable", known=["Ines Calder"])
    assert voice is not None and voice.topic == "the new ferry timetable"
    assert asked_voice("Ines Calder on the ferry strike?", known=["Ines Calder"]) is not None
    # ... of someone the articles quote, not a thing or a place ("the ferry on the quay"); a question or a request
    # opening with its own word asks of something else
    assert asked_voice("the new ferry on the night route", known=["Ines Calder"]) is None
    assert asked_voice("Ines Calder on the ferry strike?") is None
    assert asked_voice("What happened to Ines Calder on the ferry?", known=["Ines Calder"]) is None
    assert asked_voice("Summarize Ines Calder on the ferry strike", known=["Ines Calder"]) is None
    # ... nor a match-up, a day, or where they stand
    assert asked_voice("Ines Calder vs Tom Reyes on Saturday", known=["Ines Calder", "Tom Reyes"]) is None
    assert asked_voice("calder on the touchline", known=["Ines Calder"]) is None
    assert asked_voice("Ines Calder on the cover of Harbour Monthly", known=["Ines Calder"]) is None
