"""Reading a question: what it asks for, and which articles it is about.

A question can name outlets ("according to TechCrunch", "The Verge's report"), authors
and dates ("published on November 1, 2023"); these become filters drawn from the
catalog of what the store holds. A question that needs an article the corpus lacks (an
outlet it has nothing from, nothing from that outlet on that date) is declined naming what
is missing. A question that names several outlets or dates has a part for each, so
retrieval can find evidence for every part.

It also tells what kind of answer is wanted: an entity ("Who ...", "Which company ..."),
a yes/no verdict ("Does ...", "..., was there ...?"), a comparison or a briefing
("compare what the sources say about X", "give me an overview of X"), or an open answer.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import reduce

from rag.asked_kinds import (
    ASKS_CAPITAL,
    ASKS_DAY,
    ASKS_FIGURE,
    ASKS_WHEN,
    RATINGS,
    STAT_SEARCHED,
    WIN_LOSS_RECORD,
    asks_figure_in,
)
from rag.catalog import Catalog
from rag.entities import PERSON_NOUNS, TITLES, names_in, past_form
from rag.figures import NUMBER_WORDS
from rag.lexicon import (
    ARTICLE_NOUNS,
    AUXILIARIES,
    FUNCTION_WORDS,
    HEDGES,
    cached_pattern,
    content_stems,
    content_words,
    fold,
    stem,
    words,
)
from rag.ranking import ASKS_REASON
from rag.records import Filters
from rag.word_frequency import zipf_frequency

WH_WORDS = frozenset("who whom whose which what where when why how".split())

# Requests rather than questions: a comparison, or a briefing (overview, summary).
COMPARE_REQUEST = re.compile(
    r"^\s*(?:please\s+|can you\s+|could you\s+)?(?:compare|contrast)\b\s*(?:what\s+)?(?P<rest>.*)$", re.IGNORECASE
)
_MAIN_POINTS = r"(?:gist|(?:key|main)\s+(?:takeaways?|points))"  # what a summary gives
BRIEF_REQUEST = re.compile(
    r"^\s*(?:please\s+|can you\s+|could you\s+)?(?:"
    r"summari[sz]e|sum up|brief me(?:\s+on)?|break\s+down|tl;?\s?dr|"
    r"(?:give|write|make|prepare|draft)(?:\s+me)?\s+(?:an?\s+|the\s+)?(?:short\s+|brief\s+|quick\s+)?"
    r"(?:overview|summary|briefing|brief|report|rundown|breakdown)|"
    # "what's the gist of X", "key takeaways from X", "give me the main points of X" (not "points of contention")
    r"(?:(?:what(?:'|’)?s|what\s+(?:is|are))\s+|(?:give|tell)\s+me\s+)?(?:the\s+)?"
    rf"{_MAIN_POINTS}(?!\s+of\s+(?:contention|disagreement|dispute))"
    r")\b[:\s]*(?:(?:of|on|about|for|from)\b)?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# ... asked again after the request's verb: "summarize the main points of X", "sum up the gist of X"
MAIN_POINTS_OF = re.compile(
    rf"^(?:the\s+)?{_MAIN_POINTS}\s+(?:of|from|in)\s+(?!(?:contention|disagreement|dispute)\b)", re.IGNORECASE
)
SPEAKER_ROWS = re.compile(r"\b(?:people|speakers|experts|officials|quoted|who says|each person)\b", re.IGNORECASE)
EVERYTHING = re.compile(
    r"^(?:the\s+)?(?:articles?|corpus|sources|documents|news|everything|all(?:\s+of\s+(?:it|them))?)$", re.I
)
WHAT_SOURCES_SAY = re.compile(
    r"^\s*(?:what|how)\s+do\s+(?:the\s+|all\s+the\s+|different\s+)?(?:sources|articles|outlets|reports)\s+"
    r"(?:say|report|think|write)\s+(?:about|on)\s+(?P<rest>.*)$",
    re.IGNORECASE,
)

# "How do the two articles differ on X?", "Where do the sources disagree about X?": a comparison asked as a question
# ("Do the articles agree on X?" is a yes/no question, answered report by report)
SOURCES_DIFFER = re.compile(
    r"^\s*(?:how|where|in\s+what\s+ways?|on\s+what(?:\s+points?)?)\s+(?:do|does|did)\s+"
    r"(?:the\s+|these\s+|those\s+)?(?:two\s+|both\s+|different\s+|various\s+)?"
    r"(?:sources|articles|outlets|reports|pieces|stories|accounts)\s+"
    r"(?:differ|disagree|agree|diverge|contrast|conflict)\b"
    r"(?:\s+(?:on|about|over|in|regarding|when\s+it\s+comes\s+to|as\s+to))?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)

# "Compare what TechCrunch and The Verge say about the FTX trial", "Summarize The Verge's coverage of the trial":
# whose words a request is about, then its topic
SAID_ABOUT = re.compile(
    r"^(?P<who>.+?)\s+(?:says?|said|reports?|reported|writes?|wrote|thinks?)\s+(?:about|on|of)\s+(?P<topic>.+)$",
    re.IGNORECASE,
)
COVERAGE_OF = re.compile(
    r"^(?P<who>.+?)['’]s?\s+(?:coverage|reporting|reports|articles|stories)\s+(?:of|on|about)\s+(?P<topic>.+)$",
    re.IGNORECASE,
)
JOINING = frozenset({"and", "or", "both", "the", "what", "how", "between", "versus", "vs"})

ORGANIZATION_NOUNS = frozenset(
    "company firm organization organisation corporation business startup entity group team club brand "
    "platform service network agency institution bank retailer outlet publication league party government "
    "ministry university institute newspaper broadcaster alliance navy army council committee regulator".split()
)
# "Who developed / acquired / makes ...": verbs whose doer is as often a company as a person
# ... of them, the deeds done by people ("Who directed the film?" asks a person, "Who developed the game?" a studio too)
PEOPLE_MAKING = frozenset("directed directs founded co-founded composed composes".split())
MAKERS = (
    frozenset(
        "developed develops develop made makes make manufactured manufactures built builds published publishes "
        "produced produces acquired acquires bought buys owns owned sponsored sponsors funded funds designed designs "
        "created creates launched launches".split()
    )
    | PEOPLE_MAKING
)
# the noun a maker is called by beside their name ("under director Emma Tammi", "founder Alex Gunnarson"), by its verb
MAKER_NOUNS = {
    "direct": "director",
    "found": "founder co-founder",
    "compos": "composer",
    "produc": "producer",
    "design": "designer",
    "develop": "developer",
    "creat": "creator",
    "publish": "publisher",
    "manufactur": "manufacturer maker",
    "built": "builder",
    "build": "builder",
}
PLACE_NOUNS = frozenset("country city state place region nation town location capital province island port".split())
# "What magazine ...", "what film ...": things known by their names (a "what" question asks a name of one, as "which"
# does; "what impact", "what role" ask for a description; "what series of events" for what happened)
NAMED_THINGS = frozenset("magazine film movie show book novel album song app website podcast channel award".split())

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<monthnum>\d\d)-(?P<day>\d\d)(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?(?!\w)"),
    re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
]
DATE_SLACK_DAYS = 1  # a date as a question gives it may be a day off the stored one (time zones)
QUOTE_OPENS = r"[\"'‘“]?"  # "published at '2023-10-04T22:42:00+00:00'": the date quoted as its record writes it
EXPLICIT_PUBLICATION = re.compile(
    rf"\b(?:published|posted|released|dated|issued)\s+(?:on\s+|in\s+|at\s+)?(?:the\s+)?{QUOTE_OPENS}$", re.I
)
ARTICLE_DATE = re.compile(
    r"\b(?:article|articles|report|reports|reported|piece|story|coverage|update|publication|edition)"
    rf"(?:\s+[^\s,.;?]+){{0,2}}?\s+(?:on|from|of|dated|in)\s+(?:the\s+)?{QUOTE_OPENS}$",
    re.I,
)
# a day written with its time ("2023-12-12T22:38:05+00:00") is copied from an article's record: its publication
TIMESTAMPED = re.compile(r"\d-\d\dT\d")
OPEN_BOUND = re.compile(r"\b(?P<bound>before|after|since|until|prior\s+to)\s+", re.IGNORECASE)  # an open range
SAME_DAY = re.compile(r"\b(?:that|the)\s+(?:very\s+)?same\s+(?:day|date)\b", re.IGNORECASE)
OPEN_BOUNDS = ("before", "after", "since", "until", "prior")  # a date range open on one side is no day
REPORT_LATER = re.compile(  # "their report later that same day"
    r"\b(?:article|report|piece|story|review|post|update)s?\s+(?:later|earlier)\s+$", re.IGNORECASE
)
DATED_ARTICLE = re.compile(  # "their November 6, 2023, article": a date before the article it dates
    r"\s*,?\s+(?:article|report|piece|story|coverage|update|edition|publication)s?\b", re.IGNORECASE
)

# the words with which a question naming an outlet, a date or a title speaks of that article, not of its topic
ARTICLE_WORDS = frozenset(
    "report reports reported article articles published publication piece pieces story stories coverage".split()
)
# A part of a question with fewer words on what it is about (its outlet, dates and "the report from" left out)
# is searched with the question's words. Counting every word of a part (5 then), one naming only its outlet
# and date was searched with those words alone; counted so, on the 802 MultiHop-RAG tuning questions (with
# those words also left out of what the answer ranks sentences by): every gold article cited 0.591 -> 0.593,
# gold fact cited 0.812 -> 0.821, citation precision 0.773 -> 0.781.
PART_WORDS = 3
AROUND_WORDS = ",.;:!?\"'“”‘’()"  # punctuation a word is written between
# "TechCrunch reported on X on November 6": the day of the report
REPORTING_VERB = re.compile(
    r"\b(?:(?:report|publish|cover|note|mention|detail|discuss|highlight|describe|state|claim|announce|indicate|"
    r"feature|post|explain|argue|reveal|portray|suggest|share)(?:s|es|d|ed|ing)?|wrote|write|writes|say|says|said|"
    r"article|articles|coverage|piece|story)\b",
    re.IGNORECASE,
)
# "the Fjord Gazette's report on the ferry strike", "the Sporting News article reporting the Cowboys' defeat": an
# article told by its topic, which its title may write ("Ferry strike: island crews walk out")
_ARTICLE_NOUN = (
    r"(?:article|report|story|piece|op-ed|column|editorial|interview|commentary|coverage|review|feature|guide|"
    r"analysis|update)s?"
)
DESCRIBED_ARTICLE = re.compile(
    rf"\b{_ARTICLE_NOUN}\b(?:\s+(?:by|from|in|published|posted|written)\b[^,;]*?)??\s+(?:on|about|over|regarding|"
    r"concerning|covering|discussing|detailing|describing|examining|highlighting|reporting|(?:that|which)\s+"
    r"(?:discusses|discussed|covers|covered|reports|reported|details|detailed|describes|described))\s+(?P<topic>.+)|"
    r"\b(?:coverage|story|stories|analysis|review|interview)\s+of\s+(?P<of>.+)",
    re.IGNORECASE,
)
# "the Fjord Gazette's ferry strike report": the topic between the outlet's possessive and the article noun
TOPIC_BEFORE = re.compile(rf"['’]s?\s+(?P<topic>(?:[\w'’-]+\s+){{1,5}}?){_ARTICLE_NOUN}\b", re.IGNORECASE)
# where the words on the article end and what the question asks of it begins ("... mention that", "... say", ",")
TOPIC_END = re.compile(
    r"[,;:?]|\s(?:and|but|while|whereas|than|that|which|compared|versus|vs|agree[sd]?|agreeing|differ(?:s|ed)?|"
    rf"contradict(?:s|ed)?|align(?:s|ed)?|match(?:es|ed)?)\b|\s{REPORTING_VERB.pattern}",
    re.IGNORECASE,
)


def described_topic(text: str) -> str:
    """The words telling an article by its topic in `text` ("the ferry strike" of "the Fjord Gazette's report on
    the ferry strike" or "the Fjord Gazette's ferry strike report"), up to what is asked of it; "" when it tells
    none."""
    match = DESCRIBED_ARTICLE.search(text) or TOPIC_BEFORE.search(text)
    if match is None:
        return ""
    topic = match.group("topic") or (match.group("of") if match.re is DESCRIBED_ARTICLE else "")
    end = TOPIC_END.search(" " + topic)
    return topic[: end.start() - 1 if end else len(topic)].strip()


# Where a question names an outlet (or an author) it wants an article from.
_NAME = r"[\"'‘“]?(?P<name>(?:The\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of|for|and|&|\||-|on|[A-Z0-9][\w.&'’-]*))*)[\"'’”]?"
OUTLET_SLOTS = [
    re.compile(
        r"\b(?:article|report|piece|story|stories|coverage|column|op-ed|editorial|review|analysis|post|feature|"
        r"interview|podcast|newsletter|segment|reporting|articles|reports|pieces|another|one)\s+"
        r"(?:published\s+)?(?:from|by|in|at)\s+(?:the\s+)?" + _NAME
    ),
    re.compile(r"\b(?:reported|published|written|covered)\s+(?:on\s+)?by\s+(?:the\s+)?" + _NAME),
    re.compile(
        # not inside a longer name ("the 'Rookie of the Year Odds' article")
        r"(?<!\bof\s)(?<!\bfor\s)\b(?:a|an|the)\s+" + _NAME + r"(?:'s|’s)?\s+(?:article|report|piece|story|"
        r"column|op-ed|editorial|"
        r"newsletter|podcast)s?\b"
    ),
]
_TRAILING = re.compile(r"(?:\s+(?:of|for|and|&|\||-|on))+$|(?:'s|’s)$")
# An outlet named after what it said ("..., according to TechCrunch", "as reported by both X and Y"):
# its part of the question is the clause before the name, not the words after it.
ATTRIBUTED = re.compile(
    r"\b(?:according\s+to|as\s+per|per|(?:as\s+)?(?:reported|covered|noted|described|detailed|mentioned|stated|"
    r"highlighted|discussed|written|published|featured)\s+(?:by|in|on))(?:\s+(?:both|the|an?|articles?|reports?|"
    r"from|by|in))*\s*[\"'‘“]?$",
    re.IGNORECASE,
)
# a comma between clauses: not that of "2,000" or "October 14th, 2023"
CLAUSE_COMMA = re.compile(r"(?<!\d)(?<!\d(?:st|nd|rd|th))[,;]\s")
# what follows an outlet that ends its clause ("..., according to TechCrunch.", "mentioned in the 'Fortune' article?")
CLAUSE_END = re.compile(
    r"[\"'’”]?(?:\s+(?:article|report|piece|story|coverage|op-ed|column)s?\b)?\s*(?:[,.;:?!)]|$|(?:and|or|as well)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class OutletMention:
    """An outlet (or author) a question names, and what the store holds of it."""

    written: str
    start: int
    end: int
    sources: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    same_as: str = ""  # "the same source", "their later report": the outlet named before it, as written

    @property
    def known(self) -> bool:
        """Whether the store has articles from (or by) it."""
        return bool(self.sources or self.authors)


@dataclass(frozen=True)
class DateMention:
    """A date (or a month) a question names, as an inclusive ISO range.

    `publication` is set when the question says an article was published then ("published
    on", "The Verge's report on", "TechCrunch, November 1"); other dates are events.
    """

    written: str
    start: int
    end: int
    low: str
    high: str
    publication: bool = False
    explicit: bool = False  # "published/posted/dated on": no article then means none to answer from


@dataclass(frozen=True)
class Part:
    """One part of a question: its words and the articles it is about."""

    text: str
    filters: Filters
    label: str  # the outlet and date, for messages and the debug view


@dataclass(frozen=True)
class Half:
    """A later half of a compound question ("..., and which journal published the work?")."""

    asked: str  # as the question writes it: "which journal published the work?"
    text: str  # with the names its first half writes, which "it" and "the work" stand for: searched with these
    names_own: bool  # whether it names something the first half does not: one that does not is about what
    # the first half found


@dataclass
class QuestionPlan:
    """What a question asks for, which articles it is about, and what the corpus lacks for it."""

    question: str
    kind: str = "open"  # entity | yes_no | compare | brief | open
    asks_for: str = ""  # person | organization | place | author | time | number | "" (any entity)
    topic: str = ""  # for a request: what to compare or brief on ("" for everything)
    by: str = "source"  # for a comparison: rows by source or by speaker
    outlets: list[OutletMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # what the question needs that the corpus lacks
    focus: str = ""  # what a figure asked for counts ("how many X", "what is the X of"): the evidence must name it
    focus_words: tuple[str, ...] = ()  # other words naming the focus ("crowd" for "attendance")
    measure: str = ""  # the measure "what was the attendance / price / score" asks for (`MEASURES` tells its kind)
    every_source: bool = False  # "do the sources agree", "according to each article": every article has a say
    asks_noun: str = ""  # the words of "which X", "what X" ("television corporation"): an answer's name sits near
    facets: list[str] = field(default_factory=list)  # the clauses of a long description, each its own evidence
    asks_preposition: str = ""  # "In which city ...": the answer's name is written after it ("in Madrid")
    # the later halves of a compound question ("..., and which countries get it first?")
    halves: list[Half] = field(default_factory=list)
    # for a "who" or a counting question: the people the corpus quotes (their names tell a person's name from others)
    people: tuple[str, ...] = ()
    # the quoted people the question names ("What does Yu Koizumi expect ..."): what they say answers it
    speakers: tuple[str, ...] = ()
    # the name a question asks about and nothing else ("Who is Yu Koizumi?", "Tell me about Kishida")
    subject: str = ""
    title_reference: str = ""  # the words naming an article by its title ("the Madrid summit article")

    @property
    def instances(self) -> dict[str, set[int]]:
        """The numbered instances the question names, by kind ("Game 4": {"game": {4}}): `numbered_instances`."""
        return numbered_instances(self.question)

    def of_another_instance(self, title: str) -> bool:
        """Whether an article's title names another instance of a kind the question numbers, and not the one asked
        ("World Series Game 2: ... live" for "final score world series game 4"): its figures are another game's."""
        asked = self.instances
        if not asked:
            return False
        titled = numbered_instances(title)
        return any(titled.get(kind) and not titled[kind] & numbers for kind, numbers in asked.items())

    def writes_an_instance(self, text: str) -> bool:
        """Whether `text` writes one of the numbered instances the question names (a week's preview titled "Week 5"
        that tells of "Week 4" tells of it)."""
        written = numbered_instances(text)
        return any(written.get(kind, set()) & numbers for kind, numbers in self.instances.items())

    @property
    def metadata_spans(self) -> list[tuple[int, int]]:
        """Where the question names a known outlet or a date: metadata, not words the articles must use."""
        return [(m.start, m.end) for m in self.outlets if m.known] + [(d.start, d.end) for d in self.dates]

    def _without_where(self, text: str) -> tuple[str, bool]:
        """`text` without the words that say where to look, not what is asked: an article named by its title
        ("the Madrid summit article"), the outlets the store holds, the days their articles were published;
        and whether the question names any such article."""
        where = [m.written for m in self.outlets if m.known] + [d.written for d in self.dates if d.publication]
        where += [self.title_reference] if self.title_reference else []
        for written in where:
            text = text.replace(written, " ")
        return text, bool(where)  # each of them is written in the question

    @property
    def asked(self) -> str:
        """What the question asks (see `asked_in`)."""
        return self.asked_in(self.question)

    def asked_in(self, text: str) -> str:
        """What `text` (the question or a part of it) asks: without the words that say where to look, and,
        when the question names an outlet, a date of publication or a title, without "report", "article",
        "published" (that article's)."""
        text, placed = self._without_where(text)
        if placed:
            return " ".join(w for w in text.split() if w.lower().strip(AROUND_WORDS) not in ARTICLE_WORDS)
        return " ".join(text.split())

    def part_asks(self, part: Part) -> str:
        """What one part asks, as its sentences are ranked: the question's words when it has none of its own."""
        asked = self.asked_in(part.text)
        return asked if content_words(asked) else self.asked

    def searched_with(self, part: Part) -> str:
        """What a part of the question is searched with: its words, or the question's when it says too little
        of what it is about (fewer than `PART_WORDS` words on it: "Between the report from CBSSports.com
        published on October 12, 2023, and the report from" says nothing)."""
        text, _ = self._without_where(part.text)
        topic = [w for w in text.split() if not REPORTING_VERB.fullmatch(w.strip(AROUND_WORDS))]
        return part.text if len(content_words(" ".join(topic))) >= PART_WORDS else self.asked

    @property
    def constrained(self) -> bool:
        """Whether the question names outlets, authors or dates that narrow its articles."""
        return any(not p.filters.empty for p in self.parts)

    @property
    def filtered_parts(self) -> list[Part]:
        """The parts that name their own articles (an outlet, a date), each searched within them."""
        return [p for p in self.parts if not p.filters.empty]

    @property
    def every_part_filters(self) -> Filters:
        """The articles some part of the question is about; empty when a part is about any article."""
        if not self.parts or any(p.filters.empty for p in self.parts):
            return Filters()
        return reduce(Filters.either, (p.filters for p in self.parts))


# "What's the name of ...", "Who's the coach ...": a question word's contraction, written out
CONTRACTED = re.compile(r"\b(what|who|where|when|how|why|which|there)['’](s|re)\b|\b(what)(s)\b", re.IGNORECASE)


def expand_contractions(question: str) -> str:
    """The question with "What's" written "What is" (and "What're" "What are"; "whats", typed without its
    apostrophe, "what is"), so it reads as written out."""

    def written_out(match: re.Match[str]) -> str:
        word, ending = match.group(1) or match.group(3), match.group(2) or match.group(4)
        return f"{word} {'is' if ending.lower() == 's' else 'are'}"

    return CONTRACTED.sub(written_out, question)


ASKED_PREPOSITIONS = r"in|at|on|from|for|by|with|to|into|under|against|of|during|through|since|until"
LEADING_PREPOSITION = re.compile(
    rf"(?P<preposition>{ASKED_PREPOSITIONS})\s+(?=(?:which|what|whom|whose)\b)", re.IGNORECASE
)
# "Which team did Ohtani sign with?" asks as "With which team did Ohtani sign?" does
STRANDED_PREPOSITION = re.compile(
    rf"(?:which|what|whom?)\b[^?]*\s(?P<preposition>{ASKED_PREPOSITIONS})\s*\?*$", re.IGNORECASE
)


HEDGED = re.compile(rf"{HEDGES}\s+(?=(?:how|what|when|which)\b)", re.I)


# "Can you give me the Cyber Monday prices ...", "could you tell me who ...": a request for what follows, not a
# question whether they can ("can you tell me if ..." asks whether)
ASKED_OF_YOU = re.compile(
    r"^(?:please\s+)?(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?(?:tell|give|show|list|find)\s+(?:me|us)\s+"
    r"(?!(?:if|whether|about|an?\s+(?:overview|rundown|summary|brief|briefing|recap|gist))\b)",
    re.IGNORECASE,
)


def main_clause(question: str) -> str:
    """The clause that carries the question: after an introduction such as "Between A and B, ..."."""
    text = question.strip()
    asked_of_you = ASKED_OF_YOU.match(text)
    if asked_of_you:
        text = text[asked_of_you.end() :]
    first = re.sub(r"\W+$", "", text.split(maxsplit=1)[0].lower()) if text else ""
    if first in AUXILIARIES or first in WH_WORDS:
        return text
    hedged = HEDGED.match(text)  # "Exactly how many ...": the question is "how many ..."
    if hedged:
        return text[hedged.end() :]
    asked = LEADING_PREPOSITION.match(text)  # "In which city did ...": the question is "which city did ..."
    if asked:
        return text[asked.end() :]
    # "..., which ...", "Browns v Bears, Dec 17 - who caught ...", "Arnold nears the record: whose is it?"
    for match in re.finditer(r"(?:,|\s[-–—]|:)\s+(\w+)", text):
        if match.group(1) == "May":  # a month inside a sentence ("Kelby v Brekka, May 3 - who scored ...?")
            continue
        word = match.group(1).lower()
        if word in AUXILIARIES or word in WH_WORDS:
            return text[match.start(1) :]
    return text


# where the thing asked about is, written after its noun: "the new loading ramps at the Brekka terminal" are
# ramps, not the terminal; "a gram of Quaylite powder" is powder, its noun last
WHERE_IT_IS = r"(?:(?:at|in|on|near|outside|inside|from)\s+(?:[\w'’+-]+\s+){1,4}?)"
# "How many submarines ...", "What was the outcome of ...": the thing asked about, which an
# answering sentence names (or a word close to it).
# "How much did Nuvo pay for the quay site?", "How much is Betashares paying to acquire the bank's superannuation
# business?": the price of what is bought, which a sentence giving the sum names (not the firm's funds); the
# thing's head noun ends before a preposition or "and" ("spend on buses last year": buses)
# an adverb written after what is paid for ("... pay for Psagot Investment House back in 2021", "... for the stake
# originally"): the noun ends before it
_ADVERBS_AFTER = (
    r"back|ago|then|originally|initially|previously|earlier|later|recently|again|already|overall|altogether|"
    r"exactly|roughly|apiece|each|outright|eventually|ultimately|finally|yesterday|tonight|so|as"
)
_ENDS = (
    r"(?:in|at|from|with|on|of|under|over|per|to|for|by|and|or|this|next|last|now|today|before|after|when|if|"
    rf"{_ADVERBS_AFTER})"
)
PAID_FOR = re.compile(
    r"^how\s+much\s+(?:money\s+)?(?:is|was|are|were|did|does|do|will|would|has|have|had)\s+(?:[\w'’.&-]+\s+){1,5}?"
    r"(?:pay|paying|paid|spend|spending|spent|offer|offering|offered|bid|bidding)\s+"
    r"(?:to\s+(?:buy|acquire|purchase|take\s+over)|for|on)\s+(?:(?:a|an|the|its|their|his|her)\s+)?"
    rf"(?:(?!{_ENDS}\b)[\w'’%+-]+\s+){{0,5}}?"
    r"(?P<focus>(?!(?:it|them|this|that|these|those|him|her|one|ones)\b)[a-z][\w-]*)\s*"
    rf"(?:$|[?,.]|\s{_ENDS}\b)"
)
FOCUS = [
    re.compile(
        r"^how\s+many\s+(?:[\w-]+\s+){0,3}?(?P<focus>[a-z][\w-]*?)\s+"
        rf"{WHERE_IT_IS}?(?:do|does|did|are|is|were|was|have|has|had|will|would|can|could)\b"
    ),
    # "how many OpenAI staff signed the letter", "how many people died": what is counted, the deed's doer
    re.compile(
        r"^how\s+many\s+(?:[\w-]+\s+){0,3}?"
        r"(?P<focus>(?!(?:times|get|got|were|was|are|is|have|has|had|did|do|does)\b)(?![a-z]+ly\b)[a-z][\w-]*?)\s+"
        r"(?:[a-z]+ly\s+)?(?:[a-z]{2,}ed|took|left|lost|won|got|came|went|quit|ran|fell|rose|made|gave|sold|bought|paid|spent|fled|"
        r"stood|wrote|voted|saw|held|kept|met|told|said|sent|chose|drove|flew|grew|knew|threw)\b"
    ),
    # "How much content did Meta take down ...", "How much water does the plant use?": the mass noun measured, as
    # "how many" counts (a sum of money is asked as money, "how much time" as a length of time)
    re.compile(
        r"^how\s+much\s+(?!(?:money|funding|cash|capital|revenue|profit|investment|debt|financing|funds|time|"
        r"compensation|salary|pay|price|cost|fee|extra|more|less|cheaper|dearer|bigger|larger|smaller|higher|lower|"
        r"longer|shorter|faster|slower|better|worse|further|of)\b)(?P<focus>[a-z][\w-]*)\s+"
        r"(?:do|does|did|are|is|were|was|have|has|had|will|would|can|could)\b"
    ),
    # "What minimum credit score do you need ...": the noun the bound is of
    re.compile(
        r"^what\s+(?:is\s+|was\s+|are\s+|were\s+)?(?:the\s+)?(?:minimum|maximum|average|median)\s+"
        r"(?:[a-z][\w-]*\s+){0,2}?(?P<focus>[a-z][\w-]*)\s+(?:do|does|did|is|was|are|were|will|would|can|could|of|"
        r"for|at|in|on|to|under|per|from|with)\b"
    ),
    # "How much does it cost to renew a passport from abroad?", "How much does a season ticket cost?": what is paid
    # for, which a sentence giving the sum names
    re.compile(
        r"^how\s+much\s+(?:does|did|will|would|do)\s+it\s+cost\s+(?:[a-z]+\s+)?to\s+[a-z]+\s+"
        r"(?:(?:a|an|the|one|your|my|their|its)\s+)?(?P<phrase>(?:[\w'’+-]+\s+){0,3}?(?P<focus>[a-z][\w-]*))\s*"
        rf"(?:$|[?,.]|\s(?:from|in|at|for|with|by|on|abroad|overseas|online|now|today|this|next|{_ADVERBS_AFTER})\b)"
    ),
    re.compile(
        r"^how\s+much\s+(?:does|did|will|would|do)\s+(?:a|an|the|one)\s+"
        r"(?P<phrase>(?:[\w'’+-]+\s+){0,3}?(?P<focus>[a-z][\w-]*))\s+"
        rf"{WHERE_IT_IS}?(?:cost|costs|sell\s+for|go\s+for)\b"
    ),
    PAID_FOR,
    # "How much is a week's ski pass in Zermatt?", "How much is allotted for intelligence funds in the budget?"
    re.compile(
        r"^how\s+much\s+(?:money\s+)?(?:is|was|are|were|will\s+be|has\s+been|have\s+been)\s+"
        r"(?:(?:a|an|the|one)\s+|(?:[a-z]+ed|spent|paid|given|lent|owed|set\s+aside)\s+(?:for|to|on)\s+(?:the\s+)?)"
        # ... not "going" of "How much are the AirPods Max going for?": a price, of what comes before it
        r"(?P<phrase>(?:[\w'’+-]+\s+){0,3}?(?P<focus>(?!worth\b|for\b|(?:going|selling|retailing)\s+for\b)[a-z][\w-]*))\s*"
        rf"(?:$|[?,.]|\s(?:in|at|for|from|with|on|of|under|this|next|now|today|{_ADVERBS_AFTER})\b)"
    ),
    # "How much money was Mike Tyson fined ...?", "how much was the striker paid": a sum written beside the verb
    re.compile(
        r"^how\s+much\s+(?:money\s+)?(?:is|was|are|were|has\s+been|have\s+been|will\s+be)\s+(?:[\w.'’&-]+\s+){1,4}?"
        r"(?P<focus>fined|paid|awarded|charged|offered|owed|promised|granted)\b"
    ),
    # "What was the attendance at ...", "What is the top speed of ...": the noun before the preposition
    re.compile(
        r"^what\s+(?:is|was|are|were)\s+the\s+(?:[a-z][\w-]*\s+){0,2}?(?P<focus>[a-z][\w-]*)\s+"
        r"(?:of|at|for|in|on|from|between|during)\b"
    ),
]


# "How many times was Sanders sacked ...", "How many times has the club reached ...": what is counted is the deed
COUNTED_DEED = re.compile(
    r"^how\s+many\s+times\s+(?:was|were|has|have|had|is|are)\s+(?:[\w'’.-]+\s+){0,6}?(?P<focus>[a-z]{3,}ed)\b"
)
# ... or done by a name ("How many times did Notre Dame sack Caleb Williams?": "sack"), read where the name's capitals
# end (a question typed in lower case is not read so)
COUNTED_DEED_DONE = re.compile(
    r"^how\s+many\s+times\s+(?:did|does|do|has|have|had)\s+(?:the\s+)?(?-i:(?:[A-Z][\w'’.&-]*\s+(?:(?:and|of|&)\s+)?)+)"
    # ... the deed done to a name ("Notre Dame's defensive line sack Caleb Williams"; not "India and Australia met at")
    # (a preposition is no deed: "did Shedeur Sanders get sacked against UCLA" names what was done no name)
    r"(?-i:(?:[a-z'’-]+\s+){0,2}?(?P<focus>(?!(?:and|or|nor|but|of|for|with|from|into|the|against|at|in|on|to|by|"
    r"over|versus|during|after|before|under|about|through|between|among|without|toward|towards|vs|within|across|since|"
    r"until|inside|outside|near|like|amid|throughout|off|beyond|around|behind|beside|despite|via|upon|onto|per)\b)"
    r"[a-z]{3,})\s+"
    r"(?:(?:the|a|an|his|her|their|its)\s+)?[A-Z])",
    re.IGNORECASE,
)


# "What was the attendance at ...", "What is Japan's GDP ...", "What was the final score ...": a measure, which
# only a figure gives: a count of what the noun names, a sum of money, a score
MEASURES = {
    **dict.fromkeys("attendance crowd population capacity turnout gdp".split(), "count"),
    **dict.fromkeys(
        "price cost fee salary budget revenue valuation profit earnings income deficit debt wage pay fine payout bonus "
        # "what were Nike's China sales": takings in money
        # "What's the total value of his contract?": a sum (as is any value so asked, "What is the value of trust?")
        "compensation severance sales value".split(),
        "money",
    ),
    # "What actual dollar figure did the auditor put on ...", "What price tag ...": a sum, however it is called
    **dict.fromkeys(
        [f"{currency} {noun}" for currency in ("dollar", "pound", "euro") for noun in ("figure", "amount", "value")]
        + ["price tag"],
        "money",
    ),
    **dict.fromkeys("score scoreline".split(), "score"),
    # "What review score did Engadget give it?": a rating is one figure ("a review score of 94"), not two sides' points
    **dict.fromkeys([f"{rating} score" for rating in RATINGS], "count"),
    # "What was Eddie Jones' win-loss record ...": games won and lost ("a 2-7 win loss record")
    **dict.fromkeys(["win-loss record", "win/loss record", "win–loss record", "w-l record"], "score"),
    # "What was Chelsea's possession percentage?": a share written as one ("58%", "58 per cent")
    **dict.fromkeys("percentage percent".split(), "percent"),
    # "What is the battery life of the X2?": a length of time ("up to 30 hours")
    **dict.fromkeys(["battery life", "runtime", "run time", "lifespan", "life span"], "duration"),
    # "What prison sentence did she get?": a length of time ("five years", "20 months")
    "sentence": "duration",
    # rates and shares a report writes in per cent ("What is the unemployment rate ...")
    **dict.fromkeys(
        [f"{what} rate" for what in ("interest", "tax", "unemployment", "inflation", "growth", "mortgage", "vacancy")]
        + ["market share", "approval rating"],
        "percent",
    ),
    # "What is Nvidia's market cap?": a sum
    **dict.fromkeys(["market cap", "market capitalization", "market capitalisation", "market value"], "money"),
}
# ... and a record of games won and lost asked as whose it is (`WIN_LOSS_RECORD`: "What's Lund's professional record?"),
# which the patterns below leave out ("a record crowd")
MEASURES_APART = {"record": "score"}
MEASURES_ASKED = {**MEASURES, **MEASURES_APART}
# the words a count is written with besides its own noun ("a crowd of 18,400" is an attendance)
MEASURE_WORDS = {
    "attendance": "crowd spectators fans attended attendees turnout visitors",
    "crowd": "attendance spectators fans attended",
    "turnout": "voters voted",
    "population": "residents inhabitants people",
    "capacity": "seats holds",
    "gdp": "economy",
    "valuation": "valued value valuing worth",
    "salary": "paid pay earn earns earned earning wage wages",
    "revenue": "revenues sales turnover",
    "sales": "revenue revenues turnover sold",
    "budget": "spending spend funding allocated",
    "profit": "profits earnings earned income",
    "earnings": "profit profits earned income",
    "income": "profit profits earnings earned",
    "deficit": "shortfall gap",
    "debt": "debts owed owes borrowed borrowing",
    "wage": "salary paid pay earn earns earned earning wages",
    "compensation": "paid pay salary earned",
    "severance": "paid payout package",
    "fine": "fined penalty",
}
# sums a sentence calls what they are ("a valuation of $1.4 billion", "a salary of"), unlike a price ("Tickets cost $5")
NAMED_SUMS = frozenset(
    "valuation salary revenue budget profit earnings income deficit debt wage compensation severance fine".split()
)
# the first word of a compound is no measure asked for: "profit margin", "income tax", "debt-to-GDP ratio"
NOT_THE_MEASURE = (
    r"(?![-‐]|\s+(?:margins?|rates?|ratios?|warnings?|reductions?|tax(?:es)?|thresholds?|plans?|limits?|"
    r"targets?|growth|forecasts?|guidance|crisis|levels?|brackets?|statements?|reports?|environments?|errors?|"
    # "the interest rate decision", "the tax rate change", "the approval rating trend": no figure asked
    r"decisions?|hikes?|cuts?|rises?|increases?|changes?|outlook|trends?|freeze|battle|"
    r"versions?|engines?|library|libraries|print|lines?|gaps?|disputes?|committees?|schemes?|rounds?|points?|"
    r"structures?|types?|systems?|polic(?:y|ies)|features?|"
    # "the sales manager", "the sales team"
    r"managers?|teams?|staff|reps?|people|events?)\b)"
)
_NOT_WHICH = r"(?:is|was|are|were|does|did|do|will|has|had|the|a|an|if)"  # no word saying which measure
MEASURE = re.compile(
    # "What salary is he paid", "What price did the paintings fetch": the measure asked for, right after "what"
    # ... after up to two words saying which ("What weekly wage does he earn", "What prison sentence did she get")
    rf"^what\s+(?:(?!{_NOT_WHICH}\s)[a-z][\w-]*\s+){{0,2}}?(?P<measure_first>{'|'.join(MEASURES)})s?\s+"
    r"(?:is|was|are|were|does|did|do|will|has|had)\b|"
    r"^what(?:['’]?s|\s+(?:is|was|are|were|will\s+be))\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|[\w.'’-]+['’]s?\s+)?"
    # up to four words before it, none of them a preposition: "the board's reason for the fee" asks no fee
    r"(?:(?!(?:of|for|in|on|at|to|with|from|by|and|or|that|which|when)\s)[a-z][\w'’-]*\s+){0,4}?"
    rf"(?P<measure>{'|'.join(MEASURES)})s?\b" + NOT_THE_MEASURE
)


# "How big was the crowd at Soldier Field ...", "how large is Ghana's debt": the measure, asked by its size
MEASURE_SIZED = re.compile(
    r"^how\s+(?:big|large|high|huge|much)\s+(?:is|was|are|were|will\s+be|has\s+been)\s+(?:the\s+|its\s+|their\s+|his\s+|"
    rf"her\s+|[\w.'’-]+['’]s?\s+)?(?:(?!(?:of|for|in|on|at|to|with|from|by|and|or)\s)[a-z][\w'’-]*\s+){{0,3}}?"
    rf"(?P<measure>{'|'.join(MEASURES)})s?\b" + NOT_THE_MEASURE
)
# "How many people attended ...": the attendance, which a crowd's count gives, not any number of people
ATTENDED = re.compile(
    r"^how\s+many\s+(?:people|fans|spectators|visitors|guests|attendees)\s+(?:\w+\s+)?(?:attended|turned\s+out|"
    r"showed\s+up|went|came)\b"
)


# "What are the AirPods Max going for?", "what is the headset selling at now": a price, asked by what it sells for
GOING_FOR = re.compile(
    r"^what(?:['’]?s|\s+(?:is|was|are|were))\s+.{1,80}?\s+(?:going|selling|retailing|listed|priced|on\s+sale)\s+"
    r"(?:for|at)\b(?:\s+(?:now|today|right\s+now))?\s*[?.!]*$"
)


# a phrase opening with no question word: typed as a search or a label
_NOT_A_QUESTION = (
    r"^(?!(?:who|whom|whose|which|what|when|where|why|how|do|does|did|is|are|was|were|can|could|will|would|has|"
    r"have|had|should|shall|may|might)\b)"
)
# a question typed as the measure's name: "Final score of the Dolphins vs Eagles game?", "price of the Kindle
# Scribe", "Sennheiser Momentum 4 battery life?"
MEASURE_NAMED = re.compile(
    rf"^(?:the\s+)?(?:final\s+|exact\s+|total\s+|current\s+|full-time\s+|starting\s+)?"
    rf"(?P<measure>{'|'.join(MEASURES)})\s+(?:of(?!\s+living\b)|for|in|at|on|between)\s|"  # not "cost of living"
    # ... or a score typed before the game it is of ("final score north texas vs smu friday night")
    r"(?:the\s+)?(?:final\s+|full-time\s+)?(?P<score_first>score|scoreline)\s+(?:[\w.'’&+-]+\s+){1,6}?"
    r"(?:vs\.?|v\.?|versus|against)\s|"
    # ... or after the game it is of, as its final score ("chelsea vs arsenal final score stamford bridge october 21";
    # not "iphone 15 vs pixel 8 review score", "experian vs equifax credit score")
    rf"{_NOT_A_QUESTION}(?:[\w.'’&+-]+\s+){{1,4}}?(?:vs\.?|v\.?|versus)\s+(?:[\w.'’&+-]+\s+){{1,4}}?"
    r"(?:final|full-time)\s+(?P<score_after>score|scoreline)\b|"
    # ... or naming it last in a phrase asked as a question, asking nothing else ("Which official approved the fee?"
    # asks a name; "harbour budget", typed as a search, asks of the topic)
    rf"{_NOT_A_QUESTION}"
    rf"(?:[\w.'’&+-]+\s+){{1,6}}?(?P<measure_last>{'|'.join(MEASURES)})\s*\?$|"
    # ... or typed as a search for it, naming what it is of in three words or more, and after it at most where or when
    # ("sennheiser momentum wireless 4 battery life", "daye sti tampon test price uk", "inter miami season ticket
    # price 2024"; "harbour budget" searches the topic)
    rf"{_NOT_A_QUESTION}"
    # ... not a request on a topic ("give me an overview of the philippines budget", "tell me about the fee")
    r"(?!.*\b(?:give|compare|comparison|write|tell|summar\w*|brief\w*|overview|explain|describe|list|show|takeaways?|"
    r"articles?|coverage|stories|story|say|says|said|about|on|best|tips|ways|how|guide)\b)"
    rf"(?:[\w.'’&+-]+\s+){{3,8}}?(?P<measure_searched>{'|'.join(MEASURES)})s?"
    + NOT_THE_MEASURE
    # ... after it, only where or when ("uk", "in the us", "2024", "now") or what it is called ("amount")
    + r"(?:\s+(?:in\s+(?:the\s+)?)?(?:uk|us|usa|eu|europe|australia|canada|india|japan|china|(?:19|20)\d\d|now|today|"
    r"this\s+year|amount|total|figure))?\s*$"
)


def asked_measure(question: str) -> tuple[str, str]:
    """The measure a question asks for and its kind ("attendance", "count"); ("", "") for other questions."""
    clause = main_clause(question).lower()
    if ATTENDED.match(clause):
        return "attendance", MEASURES["attendance"]
    match = MEASURE.match(clause)
    if match:
        measure = match.group("measure_first") or match.group("measure")
        return measure, MEASURES[measure]
    sized = MEASURE_SIZED.match(clause)
    if sized:
        return sized.group("measure"), MEASURES[sized.group("measure")]
    named = MEASURE_NAMED.match(clause)
    if named:
        measure = (
            named.group("measure")
            or named.group("score_first")
            or named.group("score_after")
            or named.group("measure_last")
            or named.group("measure_searched")
        )
        return measure, MEASURES[measure]
    if GOING_FOR.match(clause):
        return "price", MEASURES["price"]
    if re.match(r"what(?:['’]s)?\s", clause) and WIN_LOSS_RECORD.search(clause):  # "What's Lund's professional record?"
        return "record", MEASURES_APART["record"]
    return "", ""


TIME_UNITS = frozenset("day days week weeks month months year years hour hours season seasons night nights".split())
RARE_FOCUS_ZIPF = 3.0  # a word this rare in English names the thing priced ("lecanemab"); "ski" and "new" do not


def question_focus_words(question: str) -> tuple[str, ...]:
    """The rare words naming what a price question asks the price of, besides its noun ("a year of lecanemab
    treatment": "lecanemab"): a sentence giving the sum may name it by them ("lecanemab costs about $26,500 a
    year"); common words ("a week's ski pass": "ski") would let any sum near them answer."""
    match = _focus_match(main_clause(question).lower())
    if match is not None and match.re is PAID_FOR:
        # a name bought ("How much did Shein pay to buy Missguided?"): the sum is told by one of its words ("Microsoft's
        # $69 billion deal for Activision"), not Shein's own value (`question_focus` leaves the name aside)
        bought = match.group("focus")
        for name in names_in(question):
            written = [w.lower() for w in words(name)]
            if bought in written:
                return tuple(w for w in written if w not in FUNCTION_WORDS)
    if match is None or "phrase" not in match.re.groupindex or not match.group("phrase"):
        return ()
    return tuple(
        w
        for w in re.findall(r"[a-z][\w-]{2,}", match.group("phrase"))
        if w != match.group("focus")
        and w not in FUNCTION_WORDS
        and w not in TIME_UNITS  # "a year of ...": any yearly sum writes it
        and zipf_frequency(w) < RARE_FOCUS_ZIPF
    )


# "the minimum you need to invest": the word after a subject pronoun is its verb
SUBJECT_PRONOUN = re.compile(r"\b(?:i|you|we|they|he|she)\s+$")
# "what are the AirPods Max going for?", "what is the stock trading at": a word in -ing before a preposition that ends
# the question is the verb the question is asked with
STRANDED = re.compile(r"\s+(?:for|at|to)\s*[?.!]*\s*$")


def _focus_match(clause: str) -> re.Match[str] | None:
    """The first of the `FOCUS` patterns a (lower-case) clause matches with a focus that says something: a noun, not
    one of `GENERIC_FOCUS`, nor the verb a pattern took for one."""
    for pattern in FOCUS:
        match = pattern.match(clause)
        if match is None or match.group("focus") in GENERIC_FOCUS:
            continue
        focus, start, end = match.group("focus"), match.start("focus"), match.end("focus")
        if SUBJECT_PRONOUN.search(clause[:start]) or (focus.endswith("ing") and STRANDED.match(clause[end:])):
            continue
        return match
    return None


def question_focus(question: str) -> str:
    """The noun a counting or attribute question turns on ("submarines", "outcome"), or the deed counted
    ("How many times was Sanders sacked": "sacked"); '' for others."""
    clause = main_clause(question).lower()
    if deed := COUNTED_DEED.match(clause) or COUNTED_DEED_DONE.match(main_clause(question)):
        return deed.group("focus")
    match = _focus_match(clause)
    if match is None:  # "AJ Brown receiving yards Dolphins vs Eagles": the stat a search names
        searched = STAT_SEARCHED.match(main_clause(question))
        return searched.group("stat").lower() if searched else ""
    focus = match.group("focus")
    if match.re is PAID_FOR and re.search(rf"\b{re.escape(focus.capitalize())}\b", question):
        return ""  # a name bought ("pay for Activision Blizzard"): the sentences may write it shorter ("Activision")
    return focus


EVERY_SOURCE = re.compile(
    r"\b(?:each|every|both|all|the|different|two|three)\s+(?:of\s+the\s+)?(?:sources|articles|reports|outlets)\b",
    re.IGNORECASE,
)
GENERIC_FOCUS = frozenset(
    "name names number amount total kind type sort way part role people person persons individual individuals "
    # the measure itself, not what it measures: "the minimum ticket size", "the exact figure"
    "size figure sum level value quantity count "
    "company companies thing things one ones article articles report reports source sources times "
    # "the percentage drop in the risk of ...": a change of the measure, which the articles may write as "lower"
    "drop rise increase decrease fall decline growth jump change reduction".split()
)


# "When was the Steam Deck OLED released?": a report tells when a thing comes out in other words ("will go on sale on
# November 16th", "available Nov. 16 to purchase")
COMES_OUT = re.compile(
    r"\b(?:releas(?:e|es|ed|ing)|launch(?:es|ed|ing)?|(?:come|comes|came|coming)\s+out|debut(?:s|ed)?|"
    r"(?:go|goes|went|going)\s+on\s+sale|ship(?:s|ped)?|arriv(?:e|es|ed)|available)\b",
    re.IGNORECASE,
)
COMING_OUT_WORDS = "release launch available sale ships arrives"


def coming_out_search(question: str) -> str:
    """For a question asking when something comes out, its words with the ways reports say so; else ''."""
    asks_when = ASKS_WHEN.search(question) is not None or ASKS_DAY.search(question) is not None
    if not asks_when or COMES_OUT.search(question) is None:
        return ""
    return f"{COMES_OUT.sub(' ', question)} {COMING_OUT_WORDS}"


def asked_noun(question: str) -> str:
    """The words of "which X ..." / "what X ..." that name the kind of answer ("television corporation"), or
    the verb of "who developed ..." (the answer's name is written beside it: "developer Owlcat Games",
    "developed by Owlcat"); ''."""
    words = re.findall(r"[\w'-]+", main_clause(question).lower())
    if len(words) > 1 and words[0] == "who" and words[1] in MAKERS:
        return str(words[1])
    if len(words) < 2 or words[0] not in ("which", "what"):
        return ""
    phrase = []
    for word in words[1:4]:
        if word in AUXILIARIES or word in FUNCTION_WORDS or word.endswith(("ed", "ly")):
            break
        phrase.append(word)
    return " ".join(phrase)


_ALTERNATIVE = (
    r"(?:before|after|earlier|later|larger|smaller|bigger|greater|higher|lower|more|less|fewer|longer|shorter|"
    r"faster|slower|better|worse|increased?|decreased?|rise|fall|up|down|positive|negative|same|different)"
)
ALTERNATIVES = re.compile(rf"\b{_ALTERNATIVE}\s+or\s+{_ALTERNATIVE}\b", re.IGNORECASE)  # "larger or smaller"
AUTHOR_QUESTION = re.compile(
    r"^\s*(?:who\s+(?:wrote|writes|has\s+written|authored|penned)\b|who\s+(?:is|was)\s+the\s+(?:author|writer)\b|"
    r"(?:which|what)\s+(?:journalist|reporter|author|writer|columnist)s?\s+(?:wrote|writes|authored|penned)\b)",
    re.IGNORECASE,
)
# "Who wrote the new book about ...": what was written, after the author question's words, when it says; a byline
# answers only for a piece the outlet published, else the writer is named in the text (the book's author)
WRITTEN_THING = re.compile(
    r"\s+(?:of\s+)?(?:the|a|an|this|that|these|those|his|her|its|their)\s+(?P<thing>(?:[\w'’-]+\s+){0,3}?[\w'’-]+?)"
    r"(?=\s+(?:about|on|of|that|which|in|for|from|by|with|at|and|to|published|titled|called|where)\b|\s*[,?.!]|\s*$)",
    re.IGNORECASE,
)
PIECES = frozenset(
    "article articles story stories piece report reports review reviews column columns op-ed editorial post "
    "blog newsletter coverage feature analysis commentary interview profile explainer guide recap preview "
    "obituary".split()
)
# the lower-case words inside a name: "Erik ten Hag", "Ursula von der Leyen", "Mohammed bin Salman", "Bank of Japan"
NAME_PARTICLES = r"(?:of|de|del|della|der|den|di|da|do|dos|du|la|le|van|von|ten|ter|bin|ibn|al|el)"
# "Who is Yu Koizumi?", "Who are the Houthis?": the question names its subject, nothing else
ABOUT_A_NAME = re.compile(
    r"^\s*(?i:who\s+(?:is|was|are|were)\s+(?:the\s+)?)"
    rf"(?P<name>[A-Z][\w.'’&-]*(?:\s+(?:{NAME_PARTICLES}\s+){{0,2}}[A-Z][\w.'’&-]*)*)\s*[?.!]*\s*$"
)


# "What figure criticised the bill?", "What figure is leading the opposition?": a person; not "What figure did the
# auditor put on it?", "What figure is the deal worth?"
FIGURE_AS_PERSON = re.compile(
    r"^\s*what\s+(?:\w+\s+)?figures?\s+(?!(?:did|does|do|is|was|are|were|will|would|has|had|have)\s+"
    r"(?:the|a|an|it|they|he|she|its|their|this|that|(?-i:[A-Z])[\w'’-]*)\b)",
    re.IGNORECASE,
)


# what someone thinks of a thing: "What is X's view on Y", "What was X's reaction to Y"
VIEW_NOUNS = (
    r"(?:(?:main|chief|biggest|key|first|initial|official|overall|latest)\s+)?(?:view|views|position|stance|opinion|"
    r"reaction|response|take|assessment|comment|comments|complaint|complaints|concern|concerns|criticism|argument|"
    r"warning|prediction|verdict|message|worry|worries|fear|fears|doubt|doubts|objection|objections|explanation|"
    r"advice|recommendation|thoughts|theory|hope|hopes)\b"
)
# "What is X's view on Y", "What is The Verge reporter Elizabeth Lopatto's take on ...": what they think (`rag.voices`
# reads whose), no name asked for (not "which reporter")
VIEW_QUESTION = re.compile(
    rf"\bwhat\s+(?:is|was|are|were)\s+(?P<who>[^?,;]{{2,80}}?)['’]s?\s+{VIEW_NOUNS}(?P<topic>[^?]*)", re.IGNORECASE
)


def answer_kind(question: str) -> tuple[str, str]:
    """('entity' | 'yes_no' | 'open', what an entity question asks for)."""
    if ASKS_CAPITAL.match(question):  # "What is Japan's capital?": a place
        return "entity", "place"
    # "what triggered the bank run ...?": a cause, not the bank (asked first: "Who resigned, and why?" asks a name)
    if ASKS_REASON.match(question):
        return "open", ""
    clause = main_clause(question)
    words = re.findall(r"[\w'-]+", clause.lower())
    if not words:
        return "open", ""
    first = words[0]
    # "What dollar figure ...", "What percentage of people ...": a figure, no one's name ("What figure criticised
    # the bill?" asks for one)
    asks_figure = ASKS_FIGURE.match(clause) is not None and not FIGURE_AS_PERSON.match(clause)
    if first in ("what", "which") and (asked_measure(question)[0] or asks_figure):
        return "open", "number"
    if first in AUXILIARIES:
        if ALTERNATIVES.search(clause):  # "Did Fortune report a larger or smaller decrease?" asks which
            return "open", ""
        return "yes_no", ""
    author = AUTHOR_QUESTION.match(clause)
    written = WRITTEN_THING.match(clause, author.end()) if author else None
    if author and (written is None or PIECES & set(written.group("thing").lower().split())):
        return "entity", "author"  # "Who wrote the article on ...": the byline answers
    if first in ("who", "whom", "whose"):
        if _asks_about_a_name(clause):  # "Who is Yu Koizumi?" asks about the one named, not for a name
            return "open", ""
        if len(words) > 1 and words[1] in MAKERS - PEOPLE_MAKING:  # "Who developed the game?": a studio too
            return "entity", ""
        return "entity", "person"
    if first == "what" and VIEW_QUESTION.match(clause):
        return "open", ""
    if first in ("which", "what"):
        rest = words[1:]
        if rest[:4] in (["is", "the", "name", "of"], ["was", "the", "name", "of"]):
            rest = rest[4:]  # "what is the name of the company ..." asks for the company
        elif rest[:2] in (["is", "the"], ["was", "the"], ["are", "the"], ["were", "the"]):
            rest = rest[2:]  # "what is the company that ..."
        elif rest and rest[0] in AUXILIARIES:  # "What do senior figures of the party say ...": what they say
            return "open", ""
        if first == "what" and rest[:2] in (["state", "of"], ["place", "of"]):
            return "open", ""  # "What is the state of the housing market?": how it stands, not a place
        nouns = [w for w in rest[:3] if w not in ("single", "specific", "particular", "one", "two", "of", "the")]
        # the noun that says the kind, after the words that qualify it ("which South Korean leader",
        # "which port official")
        kinds = PERSON_NOUNS | ORGANIZATION_NOUNS | PLACE_NOUNS | {"year", "date", "day", "month"}
        noun = next((w.rstrip("s") for w in reversed(nouns) if w in kinds or w.rstrip("s") in kinds), "")
        noun = noun or (nouns[0].rstrip("s") if nouns else "")
        if first == "which" and noun not in ("year", "date", "day", "month") and _asks_for_several(clause):
            # "which military technologies does ...", "Which countries joined the pact?": the sentences naming them
            # all answer, not one name
            return "open", ""
        if noun in PERSON_NOUNS or noun + "s" in PERSON_NOUNS:
            return "entity", "person"
        if noun in ORGANIZATION_NOUNS:
            return "entity", "organization"
        if noun in PLACE_NOUNS:
            return "entity", "place"
        if noun in ("year", "date", "day", "month"):
            return "open", "time"
        if first == "which" and noun and noun not in AUXILIARIES:
            return "entity", ""  # "which tool", "which model": some named thing
        if nouns[:1] and nouns[0] in NAMED_THINGS:  # as written: "what books" asks for several
            return "entity", ""  # "what magazine was she shooting for": a magazine's name
    if first == "when":
        return "open", "time"
    if first == "how" and len(words) > 1 and words[1] in ("many", "much"):
        return "open", "number"
    return "open", ""


ASKING_WORDS = frozenset({"know", "tell", "say", "said", "says"})  # "What do we know about X", "Tell me about X"
CAPITALISED = re.compile(rf"(?<!^)(?<![.!?]\s)\b[A-Z][\w'’-]*(?:\s+(?:{NAME_PARTICLES}\s+){{0,2}}[A-Z][\w'’-]*)*")


def named_subject(question: str) -> str:
    """The name a question asks about when it asks about nothing else ("Who is Yu Koizumi?", "Tell
    me about Kishida", "What does Ingrid Solheim do?"); '' for a question with words of its own."""
    names = [m.group() for m in CAPITALISED.finditer(question.strip())]
    if not names:
        return ""
    named = {w for name in names for w in content_words(name)}
    rest = [w for w in content_words(question) if w not in named and w not in ASKING_WORDS]
    return max(names, key=len) if not rest else ""


def _asks_about_a_name(clause: str) -> bool:
    """Whether "who is ..." names its subject ("Who is Mr. Kishida?"), rather than a role to be
    filled ("Who is the CEO?", "Who is the President of France?")."""
    named = ABOUT_A_NAME.match(clause)
    if named is None:
        return False
    name = named.group("name")
    return " of " not in name and fold(name.split()[-1].strip(".")) not in TITLES


def _asks_for_several(clause: str) -> bool:
    """Whether "which X ..." asks for several things of a kind: X's last word is plural and a verb follows it.

    "Which military technologies does Japan ...", "which risks are ...": an answer names things
    of that kind, often with no capital letter, rather than one name; "Which countries joined the pact?"
    is answered by all it names ("Japan, Germany and Italy"), not the first. "Which letter represents
    ..." is singular (its phrase runs into the verb: no auxiliary or past form follows the noun).
    """
    words = re.findall(r"[\w'-]+", clause.lower())
    for length in (1, 2, 3):  # the phrase after "which", then its verb
        verb = words[length + 1] if len(words) > length + 1 else ""
        if verb in AUXILIARIES or past_form(verb):
            head = words[length]
            return len(head) > 3 and head.endswith("s") and not head.endswith(("ss", "us", "is", "news", "series"))
    return False


# what a request ends with besides its topic: "... for me", "..., please", "... real quick"
COURTESY_AFTER = re.compile(
    r"(?:[\s,]+(?:for\s+me|for\s+us|please|pls|real\s+quick|quickly|briefly|thanks|thank\s+you))+\s*$",
    re.IGNORECASE,
)


def request_topic(question: str) -> tuple[str, str]:
    """('compare' | 'brief', topic) when the question is a request for one; ('', '') otherwise."""
    requests = (
        ("compare", COMPARE_REQUEST),
        ("brief", BRIEF_REQUEST),
        ("compare", WHAT_SOURCES_SAY),
        ("compare", SOURCES_DIFFER),
    )
    for kind, pattern in requests:
        match = pattern.match(question)
        if match:
            rest = match.group("rest").strip().rstrip("?.! ")
            rest = COURTESY_AFTER.sub("", rest)  # "... in the Epic v. Google trial for me": no part of the topic
            rest = re.sub(
                r"^(?:the\s+|all\s+the\s+|two\s+|both\s+|different\s+)*"
                r"(?:sources|articles|outlets|reports|people\s+quoted|people|speakers|experts)\s*"
                r"(?:say|report|write|think)?\s*(?:about|on|of)?\s*",
                "",
                rest,
                flags=re.IGNORECASE,
            )
            rest = re.sub(r"^(?:how|what)\s+", "", rest, flags=re.IGNORECASE) if kind == "brief" else rest
            # "summarize the main points of The Verge piece on ...": what is summed up is the piece
            rest = MAIN_POINTS_OF.sub("", rest) if kind == "brief" else rest
            rest = rest.strip()
            return kind, "" if EVERYTHING.match(rest) else rest
    return "", ""


@dataclass
class RequestSubjects:
    """Whose words a request wants, and on what: "Compare what TechCrunch and The Verge say about the FTX trial"."""

    topic: str
    outlets: list[OutletMention] = field(default_factory=list)
    speakers: tuple[str, ...] = ()  # quoted people the corpus knows


def request_subjects(question: str, topic: str, catalog: Catalog) -> RequestSubjects:
    """The outlets the store holds, or the people it quotes, that a request's topic says it wants the words of, and
    the topic without them: "TechCrunch and The Verge say about the FTX trial" is the FTX trial as those two
    outlets report it; "Kishida and Hayashi say about NATO" is NATO as those two speak of it. Outlets named inside
    the topic ("the FTX trial's coverage on CNBC") are left to it."""
    split = SAID_ABOUT.match(topic) or COVERAGE_OF.match(topic)
    if split is None:
        return RequestSubjects(topic)
    who = split.group("who")
    at = question.find(who)  # read in the question: an outlet is found at the start of a sentence only inside it
    if at < 0:
        return RequestSubjects(topic)
    outlets = [m for m in find_outlets(question, catalog) if m.known and at <= m.start and m.end <= at + len(who)]
    rest = question[at : at + len(who)]
    for mention in sorted(outlets, key=lambda m: -m.start):
        rest = rest[: mention.start - at] + " " + rest[mention.end - at :]
    speakers = tuple(catalog.people_named(question[:at] + rest))  # read after the words before it, as written
    named = {w.lower() for person in speakers for w in re.findall(r"[\w'’-]+", person)}
    left = [w for w in re.findall(r"[\w'’-]+", rest) if w.lower() not in JOINING | named]
    if left or not (outlets or speakers):
        return RequestSubjects(topic)  # "what the new rules say about ...": the words are the topic's
    return RequestSubjects(split.group("topic").strip(), outlets, speakers)


# what an outlet publishes, named after it: "Polygon's list of the best comedy movies", "the CBS Sports week 6 lineup
# article", "The Verge's piece saying ...", "the Guardian interview with ..."
WRITINGS = ARTICLE_NOUNS | frozenset(
    "articles story stories list review guide newsletter timeline ranking rankings roundup feature coverage reporting "
    "preview recap analysis explainer profile".split()
)
OPENS_TOPIC = re.compile(r"^(?:(?:the|a|an|this|that)\s+)?$", re.IGNORECASE)


def outlet_writing(question: str, topic: str, catalog: Catalog) -> RequestSubjects | None:
    """A briefing on one outlet's writing, named where the topic opens ("Polygon's list of ...", "the CBS Sports week 6
    fantasy article"): the outlet's articles, on the topic; None when the topic opens with no outlet the store holds,
    or names none of its writings."""
    at = question.find(topic)
    if at < 0:
        return None
    for mention in find_outlets(question, catalog):
        if not mention.known or not at <= mention.start < at + len(topic):
            continue
        if not OPENS_TOPIC.match(question[at : mention.start]):
            return None
        # "the Gazette's sale to a hedge fund" is about the outlet, not its writing
        if not set(words(question[mention.end : at + len(topic)])) & WRITINGS:
            return None
        return RequestSubjects(topic, [mention])  # the topic as asked: its heading, and words the outlet's articles use
    return None


# between a wire's name and the outlet that ran its article: "piece Fortune ran", "story carried by", "report via"
CARRIED = re.compile(
    r"^\W*(?:[\w'’-]+\s+){0,3}?(?:(?:that|which)\s+)?(?:ran\s+by|run\s+by|carried\s+by|published\s+by|"
    r"republished\s+by|syndicated\s+by|via|on|in|from)?\s*$",
    re.IGNORECASE,
)
CARRIED_AFTER = re.compile(r"^\s*(?:ran|runs|carried|published|republished|syndicated)\b", re.IGNORECASE)


def _carried_by_another(question: str, mention: OutletMention, outlets: Sequence[OutletMention]) -> bool:
    """Whether an outlet the store holds nothing from is named as the source of an article an outlet it holds ran:
    "the Bloomberg piece Fortune ran", "a Reuters report published by CNBC", "AP's story via the Guardian"."""
    for other in outlets:
        if not other.known or other.start < mention.end:
            continue
        between = question[mention.end : other.start]
        if len(between) > 40 or not set(words(between)) & WRITINGS:
            continue
        if CARRIED.match(between) or CARRIED_AFTER.match(question[other.end :]):
            return True
    return False


def find_dates(question: str, years: set[int]) -> list[DateMention]:
    """The dates a question names; a day without a year takes the corpus's years."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(question):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            groups = match.groupdict()
            month = int(groups["monthnum"]) if groups.get("monthnum") else MONTHS[groups["month"].lower().rstrip(".")]
            year_text, day_text = groups.get("year"), groups.get("day")
            candidates = [int(year_text)] if year_text else sorted(years)
            ranges = []
            for year in candidates:
                try:
                    if day_text:
                        day = date(year, month, int(day_text))
                        ranges.append((day.isoformat(), day.isoformat()))
                    else:
                        last = calendar.monthrange(year, month)[1]
                        ranges.append((f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"))
                except ValueError:
                    continue
            if not ranges:
                continue
            taken.append((match.start(), match.end()))
            low, high = min(r[0] for r in ranges), max(r[1] for r in ranges)
            before = question[max(0, match.start() - 60) : match.start()]
            bound = next((b for b in OPEN_BOUND.finditer(before) if b.end() == len(before)), None)
            if bound:  # "published before December 5": every day up to it
                before = before[: bound.start()] + " on "
                if bound.group("bound").lower() in ("after", "since"):
                    high = f"{max(years | {int(high[:4])}):04d}-12-31"
                else:
                    low = f"{min(years | {int(low[:4])}):04d}-01-01"
            explicit = bool(EXPLICIT_PUBLICATION.search(before)) or bool(TIMESTAMPED.search(match.group()))
            publication = explicit or bool(ARTICLE_DATE.search(before) or DATED_ARTICLE.match(question, match.end()))
            start = match.start() - len(bound.group(0)) if bound else match.start()
            written = question[start : match.end()]
            found.append(DateMention(written, start, match.end(), low, high, publication, explicit))
    found.sort(key=lambda d: d.start)
    for match in SAME_DAY.finditer(question):  # "the Engadget review published on the same day": the date before
        earlier = [d for d in found if d.end <= match.start() and not d.written.lower().startswith(OPEN_BOUNDS)]
        if earlier and not any(match.start() < d.end and d.start < match.end() for d in found):
            before = question[max(0, match.start() - 60) : match.start()]
            explicit = bool(EXPLICIT_PUBLICATION.search(before))
            publication = explicit or bool(ARTICLE_DATE.search(before) or REPORT_LATER.search(before))
            named = earlier[-1]
            found.append(
                DateMention(match.group(0), match.start(), match.end(), named.low, named.high, publication, explicit)
            )
    return sorted(found, key=lambda d: d.start)


TOLD_TO = re.compile(
    r"\b(?:tell|tells|told|telling|(?:said|says|spoke|speaking|talking|talked)\s+to)\s+(?:the\s+)?$", re.I
)


# "Engadget: what's ...", "Polygon - which ...": what follows is asked of the outlet named first
OUTLET_LABEL = re.compile(r"\s*(?::|\s[-–—])\s")
# ... or a few words of topic on ("Engadget cyber monday deals - what ...")
LABELLED_TOPIC = re.compile(r"(?:\s+[\w'’-]+){1,5}?\s*(?::|\s[-–—])\s")
# a word written with a capital past the first letter, "I" aside (not an acronym: "the SEO party in the verge story")
WRITES_CAPITALS = re.compile(r"(?<=.)\b[A-Z][a-z]")


# where a broadcaster's capitals name its newsroom: whom a claim is from ("per the BBC", "according to FOX", "What did
# the BBC report"), or its reporting after it ("BBC reported", "the BBC's article")
_FROM_BEFORE = re.compile(r"\b(?:per|according\s+to|from|did|does|do|has|have)\s+(?:the\s+)?$", re.IGNORECASE)
_REPORTING_AFTER = re.compile(
    r"(?:['’]s?\b|\s+(?:news|report\w*|article|piece|story|stories|coverage|wr(?:ote|ites)|sa(?:id|ys)|claim\w*|"
    r"journalist|reporter|writer|analysis|investigation))",
    re.IGNORECASE,
)


def _reporting(question: str, start: int, end: int) -> bool:
    """Whether a broadcaster named at `start`:`end` is asked of as a newsroom, not as the channel a game airs on."""
    return _FROM_BEFORE.search(question[:start]) is not None or _REPORTING_AFTER.match(question, end) is not None


def find_outlets(question: str, catalog: Catalog) -> list[OutletMention]:
    """The outlets (and authors) a question names: known ones anywhere, unknown ones where an article is asked for."""
    found: list[OutletMention] = []

    def free(start: int, end: int) -> bool:
        return not any(start < m.end and m.start < end for m in found)

    for alias, outlet in catalog.aliases():
        single_word = len(alias.split()) == 1
        pattern = re.escape(alias) if not single_word else rf"(?<![\w.]){re.escape(alias)}(?![\w])"
        for match in cached_pattern(pattern, re.IGNORECASE).finditer(question):
            if alias in (outlet.initials, outlet.acronym) and match.group(0) != alias:
                continue  # initials as written: "Ibn Battuta" is no "IBN", "smh" no "SMH", "Megan Fox" no "FOX"
            if alias == outlet.acronym and not _reporting(question, match.start(), match.end()):
                continue  # "the game airs on FOX": the network, not FOX News; "per the BBC", "FOX reported" are
            # a one-word outlet opening a question as the label of what follows is named ("Engadget: how much ...")
            label = match.start() == 0 and (
                OUTLET_LABEL.match(question, match.end()) is not None
                # a name written with its capital (as a lower-case question gets it back when the corpus writes it
                # so, `truecase`), a few words of topic before the label: "Engadget cyber monday deals - what ..."
                or (match.group(0)[0].isupper() and LABELLED_TOPIC.match(question, match.end()) is not None)
            )
            if label:
                if free(match.start(), match.end()):
                    sources = tuple(catalog.sources_named(alias)) or (outlet.source,)
                    found.append(OutletMention(match.group(0), match.start(), match.end(), sources=sources))
                continue
            if single_word and (match.start() == 0 or match.group(0).islower()):
                # one word must be written with a capital ("fortune" is a word; "talkSPORT" is TalkSport), and
                # a capital at the start of a question says nothing
                continue
            if match.group(0).islower() and (
                WRITES_CAPITALS.search(question) or re.match(r"\s+of\b", question[match.end() :])
            ):
                # "at the age of 16", "on the verge of": words, where the question writes names with capitals or
                # the words go on with "of"
                continue
            if TOLD_TO.search(question[: match.start()]):
                continue  # "What did Jones tell CNBC": an interview any outlet may report, not CNBC's article
            if free(match.start(), match.end()):
                sources = tuple(catalog.sources_named(alias)) or (outlet.source,)
                found.append(OutletMention(match.group(0), match.start(), match.end(), sources=sources))
    for slot in OUTLET_SLOTS:
        for match in slot.finditer(question):
            name = _TRAILING.sub("", match.group("name")).strip(" '\"’”")
            start = match.start("name")
            end = start + len(name)
            if not name or not free(start, end) or name.split()[0].lower() in MONTHS:
                continue
            sources = tuple(catalog.sources_named(name))
            authors = () if sources else catalog.bylines_of(catalog.authors_named(name))
            found.append(OutletMention(name, start, end, sources=sources, authors=authors))
    # a writer of the store's articles named by their full name anywhere ("Pete Prisco's record against the spread",
    # "What did Pete Prisco predict ..."): what they wrote is in their articles; not one named with the outlet first
    # ("The Verge's Elizabeth Lopatto", "Polygon editor Charlie Hall"), which narrows it already
    # (the outlet's mention then runs to the end of the writer's name: a name the metadata holds, not the text)
    for start, end, author in catalog.writers_named(question):
        if not free(start, end):
            continue
        writes_for = _outlet_before(question, start, found)
        if writes_for is None:
            found.append(OutletMention(question[start:end], start, end, authors=catalog.bylines_of([author])))
        else:
            found[found.index(writes_for)] = replace(writes_for, written=question[writes_for.start : end], end=end)
    return _named_again(question, sorted(found, key=lambda m: m.start))


# between an outlet and its writer's name: "'s", up to two words for who they are ("reporter", "senior editor")
WRITER_OF_OUTLET = re.compile(r"^(?:['’]s)?\s+(?:[a-z-]+\s+){0,2}$")


def _outlet_before(question: str, start: int, found: Sequence[OutletMention]) -> OutletMention | None:
    """The outlet the question names right before `start`, the writer's ("The Verge's Elizabeth Lopatto", "Polygon
    editor Charlie Hall"); None if none is."""
    return next(
        (m for m in found if m.sources and m.end <= start and WRITER_OF_OUTLET.match(question[m.end : start])), None
    )


# "the same source's claim", "a later article by the same publication", "their earlier report": another
# article of the outlet named before it (one naming its own outlet, "the subsequent report from X", is X's)
SAME_OUTLET = re.compile(
    r"\b(?:the\s+)?same\s+(?:news\s+)?(?:source|outlet|publication|publisher|newspaper|paper|site|website|"
    r"magazine|platform)\b|\b(?:their|its|a|an|the)\s+(?:later|subsequent|earlier|previous|prior|follow-up|"
    r"second|other)\s+(?:article|report|piece|story)\b(?!\s+(?:from|by|in|at)\s)",
    re.IGNORECASE,
)


def _named_again(question: str, found: list[OutletMention]) -> list[OutletMention]:
    """`found` with the outlets a question names again without their names, each after the one it refers to."""
    again: list[OutletMention] = []
    for match in SAME_OUTLET.finditer(question):
        before = [m for m in found if m.end <= match.start() and m.known]
        if not before or any(m.start < match.end() and match.start() < m.end for m in found + again):
            continue
        if again and again[-1].end >= match.start() - 20:  # "a later article by the same source": one mention
            continue
        referent = before[-1]
        again.append(
            OutletMention(
                match.group(0),
                match.start(),
                match.end(),
                sources=referent.sources,
                authors=referent.authors,
                same_as=referent.written,
            )
        )
    return sorted(found + again, key=lambda m: m.start)


# what an organisation publishes, written right after its name: "the ADP report", "a Pew Research study"; "report"
# only after "the" ("a Times of India report" is one of a news outlet's articles)
PUBLISHED_BY = re.compile(
    r"\s+(?:(?P<report>reports?)|study|studies|survey|poll|data|research|findings|index)\b", re.IGNORECASE
)
THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


# A numbered week, game, season ... ("Week 7", "game five", "the second season", "5th round"), as a question or an
# article writes it
ORDINALS = {w: n for n, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1)}
NUMBERED_LABELS = r"week|game|season|round|episode|chapter|stage|part|leg|test|volume|gameweek|matchday"
LABEL_NUMBERS = {"one": 1, **NUMBER_WORDS}
LABEL_NUMBERED = re.compile(
    rf"\b(?P<label>{NUMBERED_LABELS})(?:\s+|-)(?P<number>\d{{1,2}}|{'|'.join(LABEL_NUMBERS)})\b(?![.,:]\d|-\d)",
    re.IGNORECASE,
)
ORDINAL_LABEL = re.compile(
    rf"\b(?P<number>\d{{1,2}}(?:st|nd|rd|th)|{'|'.join(ORDINALS)})[\s-]+(?P<label>{NUMBERED_LABELS})\b",
    re.IGNORECASE,
)
# ... not one of a range ("Weeks 12-14", "week 12 to 14": it may be any of them), nor a count ("won the game 3 times",
# "the game 2 weeks ago")
_NOT_ONE_INSTANCE = re.compile(
    r"\s*(?:[-–]\s*\d|(?:and|or|&|to|through)\s+\d)|\s+(?:times|seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)


def label_number(match: re.Match[str]) -> tuple[str, int]:
    """What a `LABEL_NUMBERED` or `ORDINAL_LABEL` match writes: ("season", 2), ("round", 5)."""
    number, label = match.group("number").lower(), match.group("label").lower()
    return label, LABEL_NUMBERS.get(number) or ORDINALS.get(number) or int(number.rstrip("stndrh"))


def numbered_instances(text: str) -> dict[str, set[int]]:
    """The numbered instances a text names, by label: "Week 12 and Week 14 rankings, the second season" {"week": {12,
    14}, "season": {2}}."""
    found: dict[str, set[int]] = {}
    for pattern in (LABEL_NUMBERED, ORDINAL_LABEL):
        for match in pattern.finditer(text):
            if not _NOT_ONE_INSTANCE.match(text, match.end()):
                label, number = label_number(match)
                found.setdefault(label, set()).add(number)
    return found


def plan_question(question: str, catalog: Catalog, reported: Callable[[str], bool] | None = None) -> QuestionPlan:
    """Read a (cleaned, standalone) question against what the store holds.

    `reported`: whether the articles write of an article of an outlet. Asked for from an outlet the
    store holds nothing from, an article they write of ("the KCNA article", when some articles record
    no outlet; "the ADP report", a report a name publishes, even when all do) is one they report on:
    nothing is missing, and "who wrote it" asks for a person, not a byline.
    """
    plan = QuestionPlan(question)
    request, topic = request_topic(question)
    if request:
        plan.kind, plan.topic = request, topic
        if request == "compare" and SPEAKER_ROWS.search(question):
            plan.by = "speaker"
        wanted = request_subjects(question, topic, catalog)
        if request == "brief" and not (wanted.outlets or wanted.speakers):
            wanted = outlet_writing(question, topic, catalog) or wanted
        plan.topic, plan.outlets, plan.speakers = wanted.topic, wanted.outlets, wanted.speakers
        if request == "compare" and wanted.speakers and not wanted.outlets:
            plan.by = "speaker"  # "Compare what Kishida and Hayashi say about ...": a row each
        return plan
    plan.kind, plan.asks_for = answer_kind(question)
    if plan.asks_for in ("person", "number"):  # a count asked of someone is told of them by name
        plan.people = tuple(catalog.people)
    plan.speakers = tuple(catalog.people_named(question))
    plan.subject = named_subject(question)
    plan.focus = question_focus(question)
    # (a name bought is no focus noun, and its words are all the focus there is: `question_focus_words`)
    plan.focus_words = (
        question_focus_words(question) if plan.focus or PAID_FOR.match(main_clause(question).lower()) else ()
    )
    plan.measure, kind = asked_measure(question)
    # a price is given as a sum, unnamed; a battery life as a length of time; the final scores as scores ("34-20")
    if kind and kind != "count" and stem(plan.focus) in {stem(w) for w in plan.measure.split()}:
        plan.focus = ""
    if plan.measure in NAMED_SUMS:  # "What valuation did it get": a sum is a valuation where it is written as one
        plan.focus = plan.measure
        plan.focus_words = tuple(MEASURE_WORDS.get(plan.measure, "").split())
    if kind == "count":  # "What is Japan's GDP": a sentence giving it names it (the rating measures, of two words:
        plan.focus = plan.measure.split()[-1]  # "review score" names a score)
        plan.focus_words = tuple(MEASURE_WORDS.get(plan.measure, "").split())
    # a figure is of what it counts; "What are the main criticisms of X?" is answered in the articles' words, which
    # need not write it ("AJ Brown receiving yards ...", a stat searched for, is a figure all the same)
    if not asks_figure_in(question, plan.measure) and not STAT_SEARCHED.match(question):
        plan.focus, plan.focus_words = "", ()
    plan.asks_noun = asked_noun(question)
    opening = LEADING_PREPOSITION.match(question.strip()) or STRANDED_PREPOSITION.match(question.strip())
    plan.asks_preposition = opening.group("preposition").lower() if opening else ""
    plan.every_source = bool(EVERY_SOURCE.search(question))
    # "the Taiwan article": no outlet the store holds, but words of an article's title
    plan.outlets = [m for m in find_outlets(question, catalog) if m.known or not _named_by_title(m, catalog)]
    years = {int(d[:4]) for dates in catalog.dates.values() for d in dates if d[:4].isdigit()}
    plan.dates = find_dates(question, years or {date.today().year})
    # "the Bloomberg piece Fortune ran", "a Reuters story carried by CNBC": a wire's article another outlet published,
    # which is that outlet's article
    plan.outlets = [m for m in plan.outlets if m.known or not _carried_by_another(question, m, plan.outlets)]
    for mention in plan.outlets:
        if mention.known:
            continue
        # An outlet the store holds nothing from may be one the articles write of. When some articles record no
        # outlet, any article of it may be among them; when every one records its outlet, only what a name other
        # than a news outlet's publishes ("the ADP report", "a Pew study"): "a piece by CNET" asks for CNET's own.
        published = PUBLISHED_BY.match(question, mention.end)
        definite = THE_BEFORE.search(question, 0, mention.start) is not None
        written_of = catalog.unsourced > 0 or (published is not None and (definite or not published.group("report")))
        if reported is not None and written_of and reported(mention.written):
            if plan.asks_for == "author":  # its writer is named beside the article: "an article by Kim"
                plan.asks_for, plan.asks_noun = "person", plan.asks_noun or "by"
                plan.people = tuple(catalog.people)
        else:
            plan.missing.append(f"an article from {mention.written}")
    plan.parts = _parts(question, plan, catalog)
    if not plan.outlets:  # "the Madrid summit article": an article named by its title's words
        reference, titled = _titled(question, catalog)
        if titled:
            label = "; ".join(catalog.titles[d] for d in titled)
            plan.parts, plan.title_reference = [Part(question, Filters(doc_ids=tuple(titled)), label)], reference
    skip = [(m.start, m.end) for m in plan.outlets] + [(d.start, d.end) for d in plan.dates]
    plan.facets = question_facets(question, skip)
    plan.halves = question_halves(question)
    return plan


# "How much is the program worth, and which countries get it first?", "When does the sale start, and do
# members get in early?", "Is the tradition older than the Super Bowl? When was the first game?": two questions
SECOND_QUESTION = re.compile(
    r"(?<=\?)\s+(?=[^?]*\w[^?]*\?)"  # "... — is that right? When was the first one played?": two questions asked
    # "..., and about how many organizations signed up?": a word hedging a figure may come first ("... and about how
    # the boats were chosen" goes on with what was said)
    rf"|,?\s+and\s+(?=(?:{HEDGES}\s+(?=how\s+(?:many|much|long|far|old|big)\b|when\b))?"
    r"(?:(?:from|by|for|at|in|on|to|with|since|until|during|against|after|before)\s+)?"
    r"(?:who|whom|whose|which|what|when|where|why|how)\b)"
    r"|,\s+and\s+(?=(?:do|does|did|is|are|was|were|can|could|will|would|has|have|had)\s+"
    r"(?:the|a|an|it|they|he|she|we|you|its|their|his|her|(?-i:[A-Z])[\w+.'’-]*)\b)",
    re.IGNORECASE,
)
HALF_WORDS = 2  # content words the first half needs
LATER_HALF_WORDS = 1  # ... and each later one ("and who was the subject?")


# "Who headlined the festival - how much did entry cost?", "...; when does it return?": a question after a dash or a
# semicolon is a second one when what comes before is a question too ("Chelsea beat Blackburn - who ..." is not)
DASHED_QUESTION = re.compile(
    r"\s*(?:;|—|–|\s-)\s*(?=(?:who|whom|whose|which|what|when|where|why|how)\b)", re.IGNORECASE
)
ASKS_FIRST = re.compile(
    r"^\s*(?:who|whom|whose|which|what|when|where|why|how|do|does|did|is|are|was|were|can|could|will|would|has|have|had)\b",
    re.IGNORECASE,
)


def first_part(question: str, plan: QuestionPlan | None) -> str:
    """A compound question up to its later halves ("Who do they get in the quarter-finals"); else the question."""
    if plan is None or not plan.halves:
        return question
    at = question.find(plan.halves[0].asked)
    return question[:at] if at > 0 else question


def question_halves(question: str) -> list[Half]:
    """The later halves of a compound question; [] for a question that asks one thing."""
    question = question.strip()
    if ASKS_FIRST.match(question):
        question = DASHED_QUESTION.sub(", and ", question)
    first, *later = SECOND_QUESTION.split(question)
    if not later or len(content_words(first)) < HALF_WORDS:
        return []
    if any(len(content_words(p)) < LATER_HALF_WORDS for p in later):
        return []
    named = names_in(first)
    written = content_stems(first)
    return [
        Half(piece, f"{piece} {' '.join(named)}".strip(), any(not content_stems(n) <= written for n in names_in(piece)))
        for piece in later
    ]


# A long question often describes its answer clause by clause, each clause drawn from another
# article ("Which company, ranking local search results, showing new hardware at an annual
# event, and accused in an antitrust suit ...?"). Each clause is looked for on its own.
FACET_BOUNDARY = re.compile(
    r"[,;:()]|\b(?:and|but|while|whereas|who|whom|whose|which|that|also|despite|although|though|"
    r"after|before|as well as|according to|as reported by|reported by|in contrast to)\b",
    re.IGNORECASE,
)
FACET_WORDS = 3  # content words a clause needs to be looked for on its own
MAX_FACETS = 5


def question_facets(question: str, skip: Sequence[tuple[int, int]] = ()) -> list[str]:
    """The clauses of a question that describe its answer, when it has several ("" spans in `skip` left out).

    A clause is a stretch between commas and joining words with at least `FACET_WORDS` content
    words; a question with fewer than two such clauses has none (it is looked for as a whole).
    """
    text = list(question)
    for start, end in skip:  # outlets and dates are filters, not words to look for
        text[start:end] = " " * (end - start)
    masked = "".join(text)
    # "and" between two names joins them ("Japan and NATO", "Epic and Google"), and "that" after a preposition
    # points at something ("the richest in that age group"): no new clause
    bounds = [
        m for m in FACET_BOUNDARY.finditer(masked) if not _joins_names(question, m) and not _determiner(question, m)
    ]
    edges = [0, *(i for m in bounds for i in (m.start(), m.end())), len(masked)]
    pieces = [masked[edges[i] : edges[i + 1]] for i in range(0, len(edges), 2)]
    facets = [" ".join(p.split()) for p in pieces if len(content_words(p)) >= FACET_WORDS]
    return facets[:MAX_FACETS] if len(facets) >= 2 else []


# "the Madrid summit article", "that Taiwan piece": an article named by words of its title
TITLE_REFERENCE = re.compile(
    r"\b(?:the|this|that)\s+(?P<words>[\w'’-]+(?:\s+[\w'’-]+){0,4}?)\s+(?:article|report|piece|story|op-ed|column|"
    r"editorial)\b",
    re.IGNORECASE,
)
NOT_TITLE_WORDS = frozenset(
    "latest first second third last same other previous earlier later new recent original whole entire main full "
    "following above next two both each every one news".split()
)
MAX_TITLED = 2  # a title reference that fits more articles names none of them


def _named_by_title(mention: OutletMention, catalog: Catalog) -> bool:
    return 0 < len(catalog.titled(mention.written)) <= MAX_TITLED


def _titled(question: str, catalog: Catalog) -> tuple[str, list[str]]:
    """The words naming articles by their title ("the Madrid summit article"), and those articles, if any."""
    for match in TITLE_REFERENCE.finditer(question):
        named = [w for w in content_words(match.group("words")) if w not in NOT_TITLE_WORDS]
        if not named:
            continue
        titled = catalog.titled(" ".join(named))
        if 0 < len(titled) <= MAX_TITLED:
            return match.group(0), titled
    return "", []


def _joins_names(question: str, boundary: re.Match[str]) -> bool:
    """Whether a clause boundary is an "and" between two names ("Japan and NATO"), which joins them."""
    if boundary.group().lower() != "and":
        return False
    before = re.search(r"([\w'’.-]+)\s+$", question[: boundary.start()])
    after = re.match(r"\s+[\"'‘“]?([A-Z])", question[boundary.end() :])
    return bool(before and before.group(1)[0].isupper() and after)


PREPOSITION_BEFORE = re.compile(rf"\b(?:{ASKED_PREPOSITIONS})\s+$", re.IGNORECASE)


def _determiner(question: str, boundary: re.Match[str]) -> bool:
    """Whether a clause boundary is a "that" right after a preposition ("in that age group"), which points at
    something and opens no clause."""
    return boundary.group().lower() == "that" and PREPOSITION_BEFORE.search(question, 0, boundary.start()) is not None


def _parts(question: str, plan: QuestionPlan, catalog: Catalog) -> list[Part]:
    """One part per outlet named (and per publication date that follows it), or one for the whole question."""
    outlets = [m for m in plan.outlets if m.known]
    parts: list[Part] = []
    for mention in plan.outlets:  # "TechCrunch on November 18", "The Verge, November 1": publication dates
        for i, when in enumerate(plan.dates):
            if when.publication or when.start < mention.end:
                continue
            between = question[mention.end : when.start]
            # "the report by X on October 7 and the report by Y on October 10": the words since the date before
            since = question[max([0, *(d.end for d in plan.dates if d.end <= when.start)]) : when.start]
            on = re.search(r"\b(?:on|in)\s+$", since) or OPEN_BOUND.match(when.written)
            # "TechCrunch reported on October 31 that ..., and again on December 15 that ...": the same construction
            again = i and plan.dates[i - 1].publication and plan.dates[i - 1].start > mention.end
            if (on and (again or REPORTING_VERB.search(since))) or re.fullmatch(
                r"[\"'’”]?(?:'s|’s)?\s*(?:,|on|from|dated)?\s*", between
            ):
                plan.dates[i] = DateMention(
                    when.written, when.start, when.end, when.low, when.high, True, when.explicit
                )
    published = [d for d in plan.dates if d.publication]
    everything = catalog.published([o.source for o in catalog.outlets])
    if not outlets:
        if published:
            low, high = min(d.low for d in published), max(d.high for d in published)
            filters = Filters(published_from=_shift(low, -DATE_SLACK_DAYS), published_to=_shift(high, DATE_SLACK_DAYS))
            if everything & _days(filters):
                parts.append(Part(question, filters, f"{low} to {high}"))
            elif any(d.explicit for d in published):
                plan.missing.append(f"an article published between {low} and {high}")
            else:
                _in_what_is_asked(plan, published)
        return parts or [Part(question, Filters(), "")]
    unpublished: list[DateMention] = []
    for mention, (start, end) in zip(outlets, _clauses(question, outlets), strict=True):
        following = next((m.start for m in outlets if m.start > mention.start), len(question))
        dated = [d for d in published if mention.end <= d.start < following]
        # One part per publication date: "the Sporting News article on X published on October 14, and the
        # one on Y published on November 6" is two articles, each asked the words that describe it.
        bounds = _dated_clauses(question, mention, dated, start, end) if dated else [(start, end)]
        dates: list[DateMention | None] = [*dated] or [None]
        for published_on, (words_from, words_to) in zip(dates, bounds, strict=True):
            text = question[words_from:words_to].strip(" ,;")
            filters = Filters(sources=mention.sources, authors=mention.authors)
            label = f"{mention.same_as}, another article" if mention.same_as else mention.written
            if published_on is not None:
                narrowed = filters.narrowed(
                    published_from=_shift(published_on.low, -DATE_SLACK_DAYS),
                    published_to=_shift(published_on.high, DATE_SLACK_DAYS),
                )
                if not mention.sources or catalog.published(mention.sources) & _days(narrowed):
                    filters, label = narrowed, f"{label}, {published_on.written}"
                elif published_on.explicit:  # said to be published then, and nothing was
                    plan.missing.append(f"an article from {mention.written} published on {published_on.written}")
                else:
                    unpublished.append(published_on)
            # named again ("the TechCrunch article on X, while the TechCrunch article on Y"): often another
            # article, so its own part, searched by its own words (unless they are the same words)
            if not any(p.text == text and p.filters == filters for p in parts):
                parts.append(Part(text, filters, label))
    # An outlet named in the plural ("both Sporting News articles", "while the TechCrunch articles focus on
    # ..."): two of its articles, each a part of its own, answered from different articles; not when the
    # plural is shared with another outlet's name ("the Fortune and TechCrunch articles": one each).
    for mention in outlets:
        own = [p for p in parts if p.filters == Filters(sources=mention.sources, authors=mention.authors)]
        if len(own) == 1 and _named_in_plural(question, mention) and not _shares_plural(question, mention, outlets):
            parts.insert(parts.index(own[0]) + 1, Part(own[0].text, own[0].filters, f"{own[0].label}, another article"))
    _in_what_is_asked(plan, unpublished)
    return parts


def _in_what_is_asked(plan: QuestionPlan, dates: Sequence[DateMention]) -> None:
    """Read `dates` as days in what the question asks about, not days of publication: no article of the
    outlet named (of any, when none is) was published then ("Does the Engadget article suggest that Valve
    is launching a product on November 16th": a day the answer's sentence may write)."""
    plan.dates = [replace(d, publication=False) if d in dates else d for d in plan.dates]


PLURAL_BEFORE = re.compile(
    r"\b(?:(?:both|two)\s+(?:of\s+the\s+)?|(?:articles|reports|pieces|stories)\s+(?:published\s+)?"
    r"(?:from|by|in|at)\s+(?:the\s+)?)[\"'‘“]?$",
    re.IGNORECASE,
)
PLURAL_AFTER = re.compile(r"^[\"'’”]?(?:'s|’s)?\s+(?:articles|pieces|stories)\b", re.IGNORECASE)
# "the TechCrunch reports on ...", "X's reports": a noun after a determiner or a possessive; "TechCrunch reports
# on ..." is a verb
POSSESSIVE_REPORTS_AFTER = re.compile(r"^[\"'’”]?(?:'s|’s)\s+reports\b", re.IGNORECASE)
REPORTS_AFTER = re.compile(r"^[\"'’”]?\s+reports\b", re.IGNORECASE)
DETERMINER_BEFORE = re.compile(r"\b(?:the|both|two|these|those)\s+[\"'‘“]?$", re.IGNORECASE)


def _named_in_plural(question: str, mention: OutletMention) -> bool:
    """Whether the question asks for more than one article of the outlet it names."""
    before, after = question[: mention.start], question[mention.end :]
    return bool(
        PLURAL_BEFORE.search(before)
        or PLURAL_AFTER.match(after)
        or POSSESSIVE_REPORTS_AFTER.match(after)
        or (REPORTS_AFTER.match(after) and DETERMINER_BEFORE.search(before))
    )


# what stands between two outlets named together: "The Verge and TechCrunch", "'Fortune' and 'TechCrunch'"
NAMED_TOGETHER = re.compile(r"[\"'’”]?\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)(?:the\s+)?[\"'‘“]?", re.IGNORECASE)


def _shares_plural(question: str, mention: OutletMention, outlets: Sequence[OutletMention]) -> bool:
    """Whether the outlet is named together with another, the plural theirs in common ("both The Verge and
    TechCrunch", "the Fortune and TechCrunch articles")."""
    others = [m for m in outlets if m is not mention and m.sources != mention.sources]
    gaps = [
        question[m.end : mention.start] if m.end <= mention.start else question[mention.end : m.start] for m in others
    ]
    return any(NAMED_TOGETHER.fullmatch(gap) for gap in gaps)


def _dated_clauses(
    question: str, outlet: OutletMention, dated: Sequence[DateMention], start: int, end: int
) -> list[tuple[int, int]]:
    """Where the words about each dated article of one outlet's clause (`start`, `end`) start and end.

    The words come before their date ("the report on fees published on March 2, and the one on the
    pier published on March 9") or, when the first date follows the outlet at once or precedes the
    word "article" ("TechCrunch reported on March 2 that ..., and on March 9 that ..."; "its March 2
    article on ..."), after it.
    """
    first = dated[0]
    attached = len(content_words(question[outlet.end : first.start])) <= 1  # "TechCrunch reported on <date>"
    after = attached or bool(DATED_ARTICLE.match(question, first.end))
    cuts = [d.start for d in dated[1:]] if after else [d.end for d in dated[:-1]]
    edges = [start, *cuts, end]
    spans = [(max(start, low), min(end, high)) for low, high in itertools.pairwise(edges)]
    return [(low, high) if low < high else (start, end) for low, high in spans]


def _clauses(question: str, outlets: Sequence[OutletMention]) -> list[tuple[int, int]]:
    """Where the words of the question each outlet is named for start and end, in order.

    Outlets named together ("both TechCrunch and Fortune") share their clause. One named after
    its claim ("X, according to TechCrunch"; "as reported by both X and Y?") has the words
    since the outlets before it; one named before its claim ("The Verge reported X, while
    TechCrunch ...") has the words up to the outlets after it (the first, from the start).
    """
    groups: list[list[int]] = []
    for i, mention in enumerate(outlets):
        if i and not content_words(question[outlets[i - 1].end : mention.start]):
            groups[-1].append(i)
        else:
            groups.append([i])
    # each group's first and last outlet, where the words before it start and those after it end
    spans = [
        (
            outlets[members[0]],
            outlets[members[-1]],
            outlets[groups[g - 1][-1]].end if g else 0,
            outlets[groups[g + 1][0]].start if g + 1 < len(groups) else len(question),
        )
        for g, members in enumerate(groups)
    ]
    named_after = [
        bool(
            ATTRIBUTED.search(question[: first.start])
            and CLAUSE_END.match(question, last.end)
            and content_words(question[before : first.start])
        )
        for first, last, before, _ in spans
    ]
    bounds = []
    for g, (first, last, before, after) in enumerate(spans):
        if named_after[g]:  # the words before; those after too, unless the next outlets claim them
            bounds.append([before, after if g + 1 == len(groups) or not named_after[g + 1] else last.end])
        else:
            bounds.append([first.start if g else 0, after])
    # "Does the Fortune article suggest X, similarly to Y mentioned in the TechCrunch article?": an outlet named
    # after its claim, following one named before its own, has the words since the last comma before it
    for g in range(1, len(groups)):
        if named_after[g] and not named_after[g - 1]:
            first, _, before, _ = spans[g]
            attributed = ATTRIBUTED.search(question, before, first.start)
            claim_end = attributed.start() if attributed else first.start
            commas = [m.start() for m in CLAUSE_COMMA.finditer(question, before, claim_end)]
            if (
                commas
                and content_words(question[before : commas[-1]])
                and content_words(question[commas[-1] : claim_end])
            ):
                bounds[g][0] = bounds[g - 1][1] = commas[-1] + 1
    clauses = [(0, 0)] * len(outlets)
    for members, (start, end) in zip(groups, bounds, strict=True):
        for i in members:
            clauses[i] = (start, end)
    return clauses


def _shift(iso: str, days: int) -> str:
    return date.fromordinal(date.fromisoformat(iso).toordinal() + days).isoformat()


def _days(filters: Filters) -> set[str]:
    low, high = date.fromisoformat(filters.published_from), date.fromisoformat(filters.published_to)
    return {date.fromordinal(n).isoformat() for n in range(low.toordinal(), high.toordinal() + 1)}
