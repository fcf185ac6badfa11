"""Questions that ask what someone said, and the sentences that are theirs.

"What did Daisuke Kawai say about North Korea's missile launches?", "How did Beijing respond
to ...?", "What is Hayashi's view on ...?", "Where does the NMPA stand on ...?": the answer is
something the one named said. A sentence that merely mentions them, or their words on another
topic, does not answer: when none of the sentences found is theirs on the question's topic, the
question is declined; else the best of them is in the answer.

Whose a sentence is: a statement of a quoted person the question names (found by attribution
at ingest: quotes, reported speech and the sentences that go on with them), or a sentence
that names them beside a verb of saying ("Beijing responded", "according to Tokyo").
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from rag.attribution import TITLE_WORDS, VERBS, close_names
from rag.entities import PERSON_NOUNS, names_in, shaped_as_person
from rag.lexicon import AUXILIARIES, FUNCTION_WORDS, content_stems, fold, stem, words
from rag.question import VIEW_NOUNS, VIEW_QUESTION, WH_WORDS
from rag.word_frequency import zipf_frequency

_SAYING = (
    r"say|says|said|think|thinks|thought|believe|believes|believed|argue|argues|argued|claim|claims|claimed|"
    r"respond|responds|responded|react|reacts|reacted|reply|replies|replied|comment|comments|commented|"
    r"warn|warns|warned|predict|predicts|predicted|expect|expects|expected|feel|feels|felt|"
    r"suggest|suggests|suggested|propose|proposes|proposed|make\s+of|makes\s+of|made\s+of|tell|tells|told"
)
_AUXILIARY = r"(?:did|does|do|has|have|had)"  # what was said: "How will X respond" asks what they will do
# "What did X say about Y", "How did X respond to Y", "Why does X think Y", "Which technologies does X expect
# Y to develop"; inside a request, "tell me what X thinks of Y"
SAYS_QUESTION = re.compile(
    rf"(?:^\s*(?:what|how|why)\s+{_AUXILIARY}\s+|^\s*(?:what|which)\s+(?:[\w-]+\s+){{1,3}}?{_AUXILIARY}\s+|"
    # ... and in a later half: "..., and what did X say", "..., and what score did X predict"
    rf"(?<=[\w,:—–-])\s+(?:what\s+(?:(?:[\w-]+\s+){{0,3}}?{_AUXILIARY}\s+)?|how\s+{_AUXILIARY}\s+))"
    rf"(?P<who>[^?,;]{{2,80}}?)\s+(?:{_SAYING})\b(?P<topic>[^?]*)",
    re.IGNORECASE,
)
# "How does X view Y", "How does Ed Ternan see the lawsuit": what they think of it, their words first when found
# (not "What did X see": what they saw; not "How did Arsenal see out the win", "see off the challenge")
HOW_VIEW_QUESTION = re.compile(
    r"(?:^\s*|(?<=[\w,:—–-])\s+)how\s+(?:do|does|did)\s+(?P<who>[^?,;]{2,80}?)\s+"
    r"(?:view|views|viewed|regard|regards|(?:see|sees)(?!\s+(?:out|off|through|in|it|them|to|coming)\b))\b"
    r"(?P<topic>[^?]*)",
    re.IGNORECASE,
)
# who someone is, set off by commas after their name: "Ed Ternan, whose son died after ..., view": read without it
APPOSITIVE = re.compile(r",\s+(?:who|whose)\b[^,?;]{3,160},")
# ... typed as a search, the whole question: "travis kelce's take on the nfl cutting to taylor swift?" (not "After
# Powell's warning, did ...", nor a request: "Compare Musk's view on AI with Altman's")
_SEARCH_OPENING = (
    r"^\s*(?!(?:after|following|before|since|during|despite|given|in|on|at|compare|contrast|tell|show|give|"
    r"summari[sz]e|explain|describe|list|find|what|how|why|who|which|when|where|did|does|do|is|was|are|were|has|"
    r"have|had|can|could|will|would|should|according)\b)"
)
VIEW_SEARCH = re.compile(
    rf"{_SEARCH_OPENING}(?P<who>[^?,;]{{2,80}}?)['’]s?\s+{VIEW_NOUNS}"
    r"(?P<topic>\s+(?:on|about|of|to|regarding|over|towards?)\s+[^?,;]*)\??\s*$",
    re.IGNORECASE,
)
# ... or as a headline does: "klopp on dyche's everton before the merseyside derby", "Melissa Lucashenko on people who
# find out ..." (only of someone the articles quote: "Taylor Swift on the Chiefs sideline" may be where she stood)
SPEAKER_ON = re.compile(
    rf"{_SEARCH_OPENING}(?P<who>[^?,;:]{{2,60}}?)\s+on\s+(?P<topic>[^?,;:]+?)\??\s*$", re.IGNORECASE
)
# "Does X think Y?", "Did X regret Y?": what they said on Y answers it
BELIEF_QUESTION = re.compile(
    r"^\s*(?:does|did|do)\s+(?P<who>[^?,;]{2,80}?)\s+(?:think|believe|expect|feel|say|argue|agree|disagree|"
    r"regret|fear|worry|accept|admit|support|oppose|want|see)\b(?P<topic>[^?]*)",
    re.IGNORECASE,
)
# "Where does X stand on Y"
STANCE_QUESTION = re.compile(
    r"\bwhere\s+(?:does|did|do)\s+(?P<who>[^?,;]{2,80}?)\s+stand\b(?P<topic>[^?]*)",
    re.IGNORECASE,
)
# "Why does X think ...", "Which technologies does X expect ...": their words answer when found, and what the
# articles say of it when not
LEADS_TO_THEIR_WORDS = re.compile(
    rf"\s*(?:why\s+{_AUXILIARY}|(?:what|which)\s+(?:[\w-]+\s+){{1,3}}?{_AUXILIARY})\s+", re.IGNORECASE
)
DESCRIPTION_WORDS = 2  # "the security expert", not "the expert": a description that may tell one person
GROUP_NOUNS = frozenset({"people", "person", "individual", "figure"})  # "what do people say": no one in particular
MAX_WHO_WORDS = 6
# "What did the Age reviewer think of ...": the one who wrote the article, whose view is its text, quoted or not (not
# "the author", "the journalist": often someone an article quotes)
WRITER_NOUNS = frozenset("reviewer reviewers columnist columnists".split())
# ... or a critic of an art ("the Guardian film critic"; a "Kremlin critic" is someone an article quotes)
CRITICS = frozenset("critic critics".split())
ARTS = frozenset("film movie music theatre theater restaurant food book books tv television art dance rock pop".split())
LOWER_NAME_ZIPF = 4.0  # in a question written all in lower case, a word rarer than this in English is a name's
RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose|where|when|name|names)\b", re.IGNORECASE)
# "Beijing responded", "according to Tokyo", "Hayashi's statement": a sentence in which the one named speaks
_SAYING_VERBS = (
    rf"{VERBS}|say|tells|states|claims|announces|responded|responds|replied|reacted|criticized|"
    r"criticised|condemned|welcomed|urged|called|thinks|expects|predicted|according|"
    r"comments|insists|insist|admits|admitted|maintains|maintained|concedes|conceded|"
    r"acknowledges|acknowledged|suggests|suggested|reveals|revealed|predicts|feels|felt|believed|blames|blamed|"
    r"termed|terms|dubbed|described|describes|slammed|praised|warned|warns|labelled|labeled"
)
_SAYING_NOUNS = r"statement|statements|remarks|opinion|view|views|position"
SPEAKING = re.compile(rf"\b(?:{_SAYING_VERBS}|{_SAYING_NOUNS})\b", re.IGNORECASE)
# ... a noun of saying is theirs only when written as theirs ("Hayashi's statement", "the view of Tokyo"): "how
# Palo Alto Networks' CEO Nikesh Arora plans to present a holistic view" tells no view he gave
SPEAKING_VERB = re.compile(rf"\b(?:{_SAYING_VERBS})\b", re.IGNORECASE)
SPEAKING_WINDOW = 8  # words between the name and the verb of saying
SAYING_NOUN = re.compile(_SAYING_NOUNS, re.IGNORECASE)
OWNED_WORDS = 3  # "Hayashi's latest public statement": the words between the owner and the noun, and the noun
# "Molden isn’t so sure: “The reason I’m worried ...”": a quotation a clause naming them introduces
INTRODUCES_QUOTATION = re.compile(r":\s*[“\"‘]")
SURNAME_LETTERS = 4  # a surname this long stands for the person alone
NAME_WORD = re.compile(r"[A-Z][\w.'’-]*")
# "What did X say he hoped to achieve by going to the summit": what they wanted is what the question asks, and
# their words on the summit tell it without these words
INTENT_STEMS = content_stems(
    "hope hoped hopes achieve achieved want wanted wants plan planned plans aim aimed intend intended expect "
    "expected goal goals wish wished"
)
TOLD = re.compile(r"\b(?:tell|tells|told)\b", re.IGNORECASE)
ADDRESSEE = re.compile(r"^\s*(?:[\w.'’-]+\s+){1,5}?(?=(?:about|that|regarding|on)\b)", re.IGNORECASE)
TOPIC_LEAD = re.compile(r"^\s*(?:about|on|of|for|regarding|concerning|at|in|to|towards|toward|that|as\s+to)\b\s*", re.I)


@dataclass(frozen=True)
class Voice:
    """Whom a question asks about ("Daisuke Kawai"), the name that stands for them, and on what."""

    who: str  # as the question writes it: "South Korean President Yun Sok-yeol"
    name: str  # the name in it: "Yun Sok-yeol"
    topic: str  # "at the NATO summit in Madrid"
    # whether finding nothing of theirs on it declines the question: "Does X think Y?" may be answered
    # from what others report of Y when nothing they said is found on it
    only_theirs: bool = True
    # "the University of Tokyo security expert": the question describes them, and `name` is "" until the one
    # the articles introduce so is found (`described_speaker`)
    described: bool = False


ASKED_BY_PRONOUN = frozenset({"he", "she"})  # a person asked about by a pronoun, named before it in the question
QUESTION_OPENINGS = WH_WORDS | AUXILIARIES  # words a question opens with


def asked_voice(
    question: str, skip: Sequence[tuple[int, int]] = (), typed_lower: bool | None = None, known: Sequence[str] = ()
) -> Voice | None:
    """Whom `question` asks what they said, when it names them; None for other questions.

    `skip`: spans already read as something else (an outlet it names: "What did TechCrunch say"
    asks for an article, which other machinery finds). `typed_lower`: whether the asker typed the
    question with no capital (by default, whether `question` has none; the names the corpus writes
    may have been given theirs since). `known`: the quoted people the question names ("Seema Shah of
    Principal Asset Management" is Seema Shah, whom the articles quote; "University of Tokyo" is one name); when
    it is one person, the only one named before the question asks what "he" or "she" said, the pronoun is them
    (`only_theirs` is then False: others' reports answer when nothing of theirs is found).
    """
    if typed_lower is None:
        typed_lower = not any(c.isupper() for c in question)
    # blanked, not cut, so that offsets (`skip`) hold
    plain = APPOSITIVE.sub(lambda m: " " * len(m.group()), question)
    patterns = (
        SAYS_QUESTION,
        HOW_VIEW_QUESTION,
        VIEW_QUESTION,
        VIEW_SEARCH,
        STANCE_QUESTION,
        BELIEF_QUESTION,
        SPEAKER_ON,
    )
    for pattern in patterns:
        match = pattern.search(question) or pattern.search(plain)
        if match is None:
            continue
        start, end = match.span("who")
        # "The Verge reporter Elizabeth Lopatto's take": an outlet opening it says where they write, the rest whom
        start = max([b for a, b in skip if a <= start < b < end], default=start)
        if any(a < end and start < b for a, b in skip):
            return None
        who = question[start:end].strip()
        # "Pastor Jesse Bradley on the motto on money - what does he say matters more?": the one person the question
        # names, whom the articles quote, on what the question says before asking (unless that is a question too:
        # "Where does Kawai work, and what does he say ...?"); others' reports may answer when nothing of theirs does
        before = question[: match.start()]
        by_pronoun = who.lower() in ASKED_BY_PRONOUN and len(known) == 1 and _only_person_before(before, known[0])
        introduced = ""
        if by_pronoun:
            who = known[0]
            if words(before)[:1] and words(before)[0] not in QUESTION_OPENINGS:
                name_words = "|".join(re.escape(w) for w in who.split())
                introduced = re.sub(rf"\b(?:{name_words})\b", " ", before, flags=re.IGNORECASE)
        tokens = who.split()
        if len(tokens) > MAX_WHO_WORDS or RELATIVE.search(who):
            return None
        name = _name_in(who, written_lower=typed_lower)
        if pattern is SPEAKER_ON and not _speaker_on_a_topic(who, name, match.group("topic"), known):
            return None  # (the last pattern)
        # ... named by no one's name, only as where they write ("the age reviewer", typed in lower case, reads as a
        # name): the article answers, as for "What did the reviewer think"
        writes = bool(tokens) and (
            tokens[-1].lower() in WRITER_NOUNS
            or (tokens[-1].lower() in CRITICS and len(tokens) > 1 and tokens[-2].lower() in ARTS)
        )
        if writes and (not name or name.split()[-1].lower() in WRITER_NOUNS | CRITICS):
            return None
        described_by = not name  # "the University of Tokyo security expert": whom the articles introduce so, if any
        if described_by:
            described = [w for w in words(who) if w not in FUNCTION_WORDS]
            short = len(described) < DESCRIPTION_WORDS or described[-1] not in PERSON_NOUNS - GROUP_NOUNS
            if short or pattern is BELIEF_QUESTION:
                return None
        person, of, _ = name.partition(" of ")
        if of and any(speaks(person, speaker) for speaker in known):  # a quoted person and where they work
            name = person
        # "alumni Ventures Edward Tsai": where they work, then the quoted person
        name = next((k for k in known if len(k.split()) > 1 and _ends_with(name, k)), name)
        topic = match.group("topic")
        if TOLD.search(match.group(0)):  # "tell CNBC about X", "told reporters that X": whom they told is no topic
            topic = ADDRESSEE.sub("", topic)
        topic = TOPIC_LEAD.sub("", topic).strip(" .")
        if introduced:
            topic = f"{TOPIC_LEAD.sub('', introduced).strip(' .—–:-')} {topic}".strip()
        opening = question[match.start() : match.start("who")]
        asks_more = pattern is SAYS_QUESTION and LEADS_TO_THEIR_WORDS.fullmatch(opening) is not None
        # "Does X think Y?" and "How does X see Y?" may be answered from what others report when nothing
        # of theirs is found on it ("How did Hubble see the galaxy?" asks what it saw)
        only = pattern not in (BELIEF_QUESTION, HOW_VIEW_QUESTION) and not (asks_more or described_by or by_pronoun)
        return Voice(who, name, topic, only_theirs=only, described=described_by)
    return None


# where someone is or stands, not what they speak on: "Pochettino on the touchline", "Swift on the Chiefs sideline"
WHERE_ONE_IS = frozenset(
    "touchline sideline sidelines bench cover stage set field pitch court plane flight ship boat train bus tour trip "
    "radio television tv screen air podcast".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday weekend tonight today".split())
MATCH_UP = re.compile(r"\b(?:vs\.?|v\.?|versus|and|&)\s", re.IGNORECASE)


def _speaker_on_a_topic(who: str, name: str, topic: str, known: Sequence[str]) -> bool:
    """Whether "<who> on <topic>", typed as a headline, asks what one quoted person said on it: `who` is their name
    alone ("Jake Paul vs Tommy Fury on Saturday" is a fight), and the topic is no day nor where one is."""
    if not name or MATCH_UP.search(who) or not any(speaks(name, person) for person in known):
        return False
    said_of = [w for w in words(topic) if w not in FUNCTION_WORDS]
    return bool(said_of) and not set(said_of) & (WHERE_ONE_IS | WEEKDAYS)


def _only_person_before(before: str, person: str) -> bool:
    """Whether `before` (the question up to what it asks) names `person`, not as the owner of someone else ("Taylor
    Swift's boyfriend - what did he say"), and names no other person."""
    name_words = {w.lower() for w in person.split()}
    mentions = [m for m in re.finditer(r"[\w-]+", before) if m.group().lower() in name_words]
    if not mentions or re.match(r"['’]s?\b", before[mentions[-1].end() :]):
        return False
    others = [n for n in names_in(before) if not name_words & {w.lower() for w in n.split()}]
    # another person: a name so shaped, none of its words a function word ("In God We Trust" is none)
    return not any(shaped_as_person(n) and not FUNCTION_WORDS & {w.lower() for w in n.split()} for n in others)


DESCRIPTION_FIT = 0.5  # the share of the description's weight the one it fits must have ("the South Korean
# president" is not the Japanese prime minister named beside the president of Korea)
INTRODUCTION_START = re.compile(r"[,;:“”\"]|\band\s")  # where a title before a name begins, at the latest
INTRODUCTION_END = re.compile(  # where the words introducing someone after their name end: what they say is not
    r"[;:“”\"]|\band\s+(?=(?:" + "|".join(sorted(w for w in TITLE_WORDS if w.isalpha())) + r")\b)"
    rf"|\b(?:{VERBS})\b",
    re.IGNORECASE,
)
NAME_WEIGHT = 2.0  # what each word of a name of several words in a description weighs, against 1 for other words
# the words before a person's name and after it that introduce them, at most ("Foreign Minister Yoshimasa Hayashi",
# "Yu Koizumi, senior fellow at the Center for Advanced Science and Technology Research at the University of Tokyo")
INTRODUCTION_BEFORE = 8
INTRODUCTION_AFTER = 20
DESCRIPTION_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:of|for|and|the|de)\s+[A-Z][\w'’-]*|\s+[A-Z][\w'’-]*)*")


def described_speaker(who: str, mentions: dict[str, list[str]]) -> str:
    """Which of the people quoted (`mentions`: name -> the sentences that write it) the description `who`
    fits ("the University of Tokyo security expert": "Yu Koizumi, senior fellow ... at the University of
    Tokyo"); '' when none fits, or two fit as well.

    The description's parts are its names ("University of Tokyo", as one, each of its words weighing
    `NAME_WEIGHT`; a name of one word, as often a nation's, weighs 1) and its other words ("security",
    "expert"), each and, when they make a title ("foreign minister"), together. A part counts for a person when
    written in their introduction (`_introductions`), and counts less the more of the people it fits:
    "Japanese" and "minister" fit the prime minister and the foreign minister alike, "foreign" only one. The one
    with most, when that is `DESCRIPTION_FIT` of all the description weighs, is the one described.
    """
    body = re.sub(r"^\s*(?:the|a|an)\s+", "", who, flags=re.IGNORECASE)
    names = [m.group() for m in DESCRIPTION_NAME.finditer(body)]
    rest = body
    for name in names:
        rest = rest.replace(name, " ")
    parts: list[tuple[list[str], float]] = []
    for name in names:  # a name of several words ("University of Tokyo") tells one from the rest best
        named = [w for w in words(name) if w not in FUNCTION_WORDS]
        parts.append((words(name), NAME_WEIGHT * len(named) if len(named) > 1 else 1.0))
    plain = [w for w in words(rest) if w not in FUNCTION_WORDS and len(w) > 2]
    parts += [([w], 1.0) for w in plain]
    if len(plain) > 1:  # "foreign minister" written as one title ("Foreign Minister Yoshimasa Hayashi")
        parts.append((plain, 1.0))
    near = {
        person: _introductions(person, sentences) for person, sentences in mentions.items() if named_speaker(person)
    }
    fits = [{person for person, around in near.items() if _writes_part(part, around)} for part, _ in parts]
    scores = {
        person: sum(weight / len(fit) for (_, weight), fit in zip(parts, fits, strict=True) if person in fit)
        for person in near
    }
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    total = sum(weight for _, weight in parts)
    if not ranked or ranked[0][1] < DESCRIPTION_FIT * total or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
        return ""
    return ranked[0][0]


def named_speaker(speaker: str) -> bool:
    """Whether attribution recorded the speaker by a name ("Lund", "Transport Minister Elin Berg", "NHK"), not as a
    group ("Experts", "Japanese media")."""
    return any(w[:1].isupper() and zipf_frequency(fold(w)) < LOWER_NAME_ZIPF for w in re.split(r"[\s-]+", speaker))


def _introductions(person: str, sentences: Sequence[str]) -> list[list[str]]:
    """The words that introduce a person where their name (or surname) is written: the title before it, back to
    a comma, a quotation mark or an "and" ("Prime Minister Kishida and President ... Yun": Yun's title is his
    alone), and the words after it, up to a quotation mark or where another's introduction begins ("and
    President ..."), at most `INTRODUCTION_AFTER` words."""
    forms = [person] + ([person.split()[-1]] if len(person.split()) > 1 else [])
    found = []
    for sentence in sentences:
        for form in forms:
            for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", sentence):
                before = INTRODUCTION_START.split(sentence[: match.start()])[-1]
                after = INTRODUCTION_END.split(sentence[match.end() :])[0]
                found.append(words(before)[-INTRODUCTION_BEFORE:] + words(form) + words(after)[:INTRODUCTION_AFTER])
    return found


def _writes_part(part: Sequence[str], around: Sequence[Sequence[str]]) -> bool:
    """Whether the words of a part of a description stand, in a row, in one of the introductions (a word by
    its stem, or as the start of one of four letters or more: "Japanese" in "Japan")."""

    def same(asked: str, written: str) -> bool:
        return stem(asked) == stem(written) or (len(written) >= 4 and asked.startswith(written))

    return any(_places(text, part, same) for text in around)


def _ends_with(name: str, person: str) -> bool:
    """Whether `name` ends with the words of `person`'s name, and has more before them."""
    written, theirs = words(name), words(person)
    return len(written) > len(theirs) and written[-len(theirs) :] == theirs


def _name_in(who: str, written_lower: bool = False) -> str:
    """The name `who` ends with, after any title ("South Korean President Yun Sok-yeol" -> "Yun Sok-yeol",
    "the University of Tokyo" -> "University of Tokyo"); '' when it ends with no name ("the author").

    `written_lower`: the question was typed with no capital at all ("what did president yoon suk-yeol say"): a word
    rare in English stands for a word of a name, as does one given its capital as the corpus writes it ("taylor
    swift" read as "Taylor Swift").
    """
    name: list[str] = []
    for token in reversed(who.split()):
        capitalised = NAME_WORD.fullmatch(token) is not None  # as typed, or as the corpus writes it (`truecase`)
        if written_lower and not capitalised:
            capitalised = all(zipf_frequency(part) < LOWER_NAME_ZIPF for part in words(token)) and bool(words(token))
        named = capitalised and token.lower() not in TITLE_WORDS | FUNCTION_WORDS
        if name and re.search(r"['’]s?$", token):  # "Sony Music's Dennis Kooker": the owner is no part of it
            break
        if named or (token == "of" and name):  # "University of Tokyo"
            name.insert(0, token)
        else:
            break
    while name and name[0] == "of":
        name.pop(0)
    # typed in lower case, a common word given its capital alone is no one's full name ("what did will smith say":
    # "will Smith" may be any Smith the articles quote)
    if written_lower and len(name) == 1 and zipf_frequency(name[0].lower()) >= LOWER_NAME_ZIPF:
        return ""
    return " ".join(name)


# ", saying, “...”", "..., adding: “...”": a participle of saying after a clause, a quotation right after it
SAYING_AFTER_CLAUSE = re.compile(r",\s+(?:saying|adding|noting|writing|insisting|explaining)\b[\s,:]*[“\"]")


def is_theirs(name: str, quote: str, speakers: Sequence[str]) -> bool:
    """Whether the sentence `quote` is what `name` said: inside a statement of theirs (`speakers`: who
    speaks where it stands), naming them beside a verb of saying or as the owner of a statement or a view
    ("Hayashi's statement", "in the view of Tokyo"), or in a clause opening a quotation after a colon."""
    if any(speaks(name, speaker) for speaker in speakers):
        return True
    said = words(quote)
    named = words(name)
    # the full name, or a person's surname alone ("Cain said")
    forms = [named] + ([named[-1:]] if len(named) > 1 and len(named[-1]) >= SURNAME_LETTERS else [])
    for form in forms:
        for i in _places(said, form):
            near = " ".join(said[max(0, i - SPEAKING_WINDOW) : i + len(form) + SPEAKING_WINDOW])
            if SPEAKING_VERB.search(near):
                return True
            before = said[max(0, i - 2) : i]
            if len(before) == 2 and before[1] == "of" and SAYING_NOUN.fullmatch(before[0]):  # "the view of Tokyo"
                return True
        for owner in ([*form[:-1], f"{form[-1]}'s"], [*form[:-1], f"{form[-1]}'"]):  # "Hayashi's latest statement"
            for i in _places(said, owner):
                if any(SAYING_NOUN.fullmatch(w) for w in said[i + len(owner) : i + len(owner) + OWNED_WORDS]):
                    return True
    # "Justin Thomas, a fifteen-time winner on the Tour who ..., termed it “selfish”": the verb after an aside
    written = [name] + ([name.split()[-1]] if len(forms) > 1 else [])
    for form_written in written:
        aside = rf"\b{re.escape(form_written)}\s*,[^,;:“”\"]{{1,160}},\s*((?:\S+\s+){{0,2}}\S+)"
        if any(SPEAKING.search(match.group(1)) for match in re.finditer(aside, quote)):
            return True
    # "In 2021, Quentin Tarantino defended his intention to make “just” 10 movies and retire, saying, “I know film
    # history ...”": the one the clause before "saying" opens with, a quotation after it
    for participle in SAYING_AFTER_CLAUSE.finditer(quote):
        clause = re.split(r"[.;:!?]\s", quote[: participle.start()])[-1]  # (not another sentence's)
        first = next(iter(names_in(clause)), "")
        if first and any(_places(words(first), form) for form in forms):
            return True
    # "..., but Emissions Analytics' Molden isn't so sure: “The reason ...”"
    for colon in INTRODUCES_QUOTATION.finditer(quote):
        clause = words(quote[: colon.start()])[-SPEAKING_WINDOW:]
        if any(_places(clause, form) for form in forms):
            return True
    return False


def _places(said: Sequence[str], form: Sequence[str], same: Callable[[str, str], bool] = operator.eq) -> list[int]:
    """Where the words `form` stand, in a row, among the words `said` (word for word by `same`)."""
    return [
        i
        for i in range(len(said) - len(form) + 1)
        if all(same(f, s) for f, s in zip(form, said[i : i + len(form)], strict=True))
    ]


def speaks(name: str, speaker: str) -> bool:
    """Whether `speaker`, as attribution recorded them, is the one `name` stands for: "Kawai" is "Daisuke
    Kawai" and "Dean Cain" is "Cain"; "Kim Hye Myung" is "Kim Hyo-myung"."""
    asked, known = words(name), words(speaker)
    if asked and known and (set(asked) <= set(known) or (known == asked[-1:] and len(known[0]) >= SURNAME_LETTERS)):
        return True
    return close_names(name, speaker)


TOPIC_NAME = re.compile(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)+")  # a name of several capitalised words: "North Korea"


def on_topic(
    topic: str, name: str, theirs: Sequence[str], share: Callable[[AbstractSet[str], str], float], floor: float
) -> list[int]:
    """Which of their sentences (by index) hold at least `floor` of the topic's words (by `share`), a name of
    several words written whole ("North Korea", not the "North" of "North Atlantic"); a question with no topic of
    its own ("What did Kawai say?") is on the topic of anything they said."""
    stems = content_stems(topic) - content_stems(name) - INTENT_STEMS
    names = [m.group() for m in TOPIC_NAME.finditer(topic)]
    return [i for i, quote in enumerate(theirs) if not stems or share(stems, _names_whole(quote, names)) >= floor]


def _names_whole(quote: str, names: Sequence[str]) -> str:
    """The sentence with each word of a name of several words (`names`: "North Korea") blanked out where it is a
    word of another name: its first word followed, or its last word preceded, by a capitalised word not of the
    name ("the North Atlantic Alliance" says nothing of North Korea). Written alone ("City" for "Man City"), or
    after another name ("Kim Jong Un's North Korea"), it stays."""
    for name in names:
        parts = [w.lower() for w in name.split()]
        own = set(parts)
        blanked = list(quote)
        for m in re.finditer(r"[\w'’-]+", quote):
            word = m.group().lower()
            if word not in own:
                continue
            beside = []
            if word == parts[0]:  # the name goes on after its first word
                after = re.match(r"\s+([\w'’-]+)", quote[m.end() :])
                beside += [after.group(1)] if after else []
            if word == parts[-1]:  # ... and before its last
                before = re.search(r"([\w'’-]+)\s+$", quote[: m.start()])
                beside += [before.group(1)] if before else []
            if any(w[:1].isupper() and w.lower() not in own and w.lower() not in FUNCTION_WORDS for w in beside):
                blanked[m.start() : m.end()] = " " * (m.end() - m.start())
        quote = "".join(blanked)
    return quote
