"""The extractive engine: answers made of verbatim, cited sentences. Offline; never invents.

Sentences of the retrieved passages are ranked against the question (`rag.ranking`). The answer is
declined when even the best of them is weak evidence (`EVIDENCE_FLOOR`, calibrated on the tuning
questions). Otherwise it holds the best sentence; the best sentence of every part of the question (each
outlet it names; of two near ties, the one from an article not cited yet: another report; for a part
naming its report by outlet and day, up to `DATED_PART_SENTENCES` of that report's, what it says on the
point), of every clause of a long description (the sentence holding most of its words; for an entity
question, one in an article naming the entity, looked for again with its name when the passages hold
none) and of every other article that answers about as well; more good ones while they add something;
and from each article cited, its second-best sentence when it answers nearly as well (`SECOND_RATIO`),
and a sentence that goes on with a chosen one ("This is especially true for ...") when it answers nearly
as well (`CONTINUATION_RATIO`), and the rest of a quotation a chosen sentence opens or stands inside
(`QUOTE_SENTENCES`); for a "why" question, the sentence after the best one when that tells what happened
and not why. A "how many" (or "how big", "how old") question is declined when no chosen sentence gives a
figure of what it counts ("how much funding": a sum of money), one asking for a date when none gives a
day (for a year, a year; for "when", any time) beside what the question names, "what is the name of the
woman who ..." when no sentence gives a person's name (`rag.asked_kinds` tells what is asked and what a
sentence gives), "which party" when no name is one's, one asking what someone said when no sentence
found is theirs on its topic (`rag.voices`), and "Who is the defense minister?" when no sentence gives
the role to a name (the first name it is given to answers); a question asking what happened on a day
("What was the outcome of the July 10 election?") is declined when every sentence found writing the day tells
of it as still to come ("the upcoming July 10 elections"), and one setting a year, a quarter or a numbered week,
game or season ("the fourth quarter of 2023", "season 2") that the answering articles never write is declined
naming it. An entity question ("Who ...", "Which
company ...", "In which city ...") opens with the name the evidence points to, citing the sentences that
hold it, unless it is named only in sentences far weaker than the best (`rag.entity_choice`). Each later
half of a compound question ("..., and which countries get it first?") is answered by the sentence
matching it best, or a near tie when that one is in already (`HALF_RATIO`). A yes/no question gets what
each report says, and a verdict only when the evidence makes it plain (`rag.verdict`). Sentences are
laid out article by article in reading order.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, lru_cache, partial
from typing import TYPE_CHECKING

from rag.asked_kinds import (
    ASKS_AGE,
    ASKS_CODE,
    ASKS_COUNT,
    ASKS_DAY,
    ASKS_DISTANCE,
    ASKS_DURATION,
    ASKS_FIGURE,
    ASKS_LENGTH,
    ASKS_MONEY,
    ASKS_NAME,
    ASKS_ODDS,
    ASKS_PAST,
    ASKS_PERCENT,
    ASKS_RATE,
    ASKS_TIMES,
    ASKS_WEIGHT,
    ASKS_WHEN,
    ASKS_WORTH,
    ASKS_YEAR,
    COUNT_WINDOW,
    COUNTED_WORDS,
    DAY_OF_MONTH,
    IN_CURRENCY,
    MONEY_WINDOW,
    NO_CODE,
    NO_DAY,
    NO_DURATION,
    NO_FIGURE,
    NO_NAME,
    NO_WHEN,
    NO_YEAR,
    PRICES,
    STAT_SEARCHED,
    STILL_TO_COME,
    TIME_STEMS,
    WRITES_AGE,
    WRITES_DAY,
    WRITES_DISCOUNT,
    WRITES_DISTANCE,
    WRITES_DURATION,
    WRITES_FIGURE,
    WRITES_LENGTH,
    WRITES_MONEY,
    WRITES_MONTH,
    WRITES_ODDS,
    WRITES_PENALTY,
    WRITES_PERCENT,
    WRITES_RATE,
    WRITES_SCORE,
    WRITES_TIME_SPAN,
    WRITES_TIMES,
    WRITES_WEIGHT,
    WRITES_WHEN,
    WRITES_YEAR,
    asks_figure_in,
    code_for,
    counted_doer,
    counted_kind_stems,
    counts_near,
    figure_spans,
    gives_count,
    gives_figure,
    gives_name,
    gives_price,
    gives_value,
    half_writes,
    named_noun,
    names_kind_asked,
    of_another_year,
    of_past_meetings,
    only_might_be,
    weighs_another,
    without_figures_of,
    without_records,
    writes_duration,
)
from rag.citations import cosine, number_citations, passage_sentences
from rag.contests import of_another_contest, scored_sides
from rag.coverage import specific_terms
from rag.engine import NOT_FOUND, Engine
from rag.entities import (
    Candidate,
    deed_noun,
    does_deed_to,
    done_by_name,
    introduces,
    known_names,
    names_in,
    shaped_as_person,
)
from rag.entity_choice import choose_entity, deed_clause, deed_names, deeds_asked, telling_words
from rag.figures import numbers_in
from rag.lexicon import (
    COUNTRY_INITIALS,
    FUNCTION_WORDS,
    content_stems,
    fold,
    stem,
    stem_pairs,
    without_stops,
    words,
    written_stems,
)
from rag.question import (
    LABEL_NUMBERED,
    MAKER_NOUNS,
    MEASURE_WORDS,
    MEASURES_ASKED,
    MONTHS,
    ORDINAL_LABEL,
    ORDINALS,
    asked_measure,
    first_part,
    label_number,
    question_focus,
)
from rag.ranking import (
    ASKS_ITSELF,
    ASKS_REASON,
    GIVES_REASON,
    MIN_RELEVANCE,
    POINTS_BACK,
    STATES_CAUSE,
    ScoredSentence,
    adjacent,
    maximal_marginal_relevance,
    says_the_same,
)
from rag.sections import Sections
from rag.sentences import quotation_depth, split_sentences
from rag.verdict import assess, opening
from rag.voices import SPEAKING, Voice, asked_voice, described_speaker, is_theirs, named_speaker, on_topic, speaks
from rag.word_frequency import zipf_frequency

if TYPE_CHECKING:
    from rag.answer import Answer
    from rag.question import Half, Part, QuestionPlan
    from rag.records import CitedSentence, Evidence, Filters, Passage
    from rag.request import Clock, Retrieval

# Calibrated on the tuning part of the MultiHop-RAG dev questions (README: "Answers on real
# questions"); the trade-off between declined unanswerable and answerable questions is
# tabled there. Below this score the best sentence is not evidence for an answer.
EVIDENCE_FLOOR = 0.2
KEEP_RATIO = 0.8  # further sentences must score at least this share of the best one
OTHER_ARTICLE_RATIO = 0.7  # another article's best sentence joins when this close to the best
ENTITY_OTHER_RATIO = 0.9  # ... this close, in an entity question described clause by clause (then no more join)
PART_RATIO = 0.3  # a part's best sentence joins when this close to the best
DATED_PART_SENTENCES = 3  # sentences cited for a part naming its report by outlet and day: what that report says
DATED_PART_RATIO = 0.5  # ... each past its best matching the part this share as well
SAME_DAY_RATIO = 0.7  # a dated part's outlet's other report of the day it cites joins when its match is this close
PART_NEW_ARTICLE_BONUS = 0.1  # added to its match when its article is not cited yet: of two near ties, a new report
ENTITY_CITATIONS = 3  # sentences cited for the name an entity answer opens with
ENTITY_RATIO = 0.3  # ... each from an article whose sentence naming it scores this share of the best one's
SHORTLIST = 12
INTRODUCTION_ARTICLES = 3  # articles found read whole for the sentence saying who the one asked about is
INITIALS_SPELLED_OUT = (3, 4)  # a name this long may be written as the capitalised words it is the initials of
PARAGRAPH_CHARS = 800  # a paragraph this short is about what it names (an item of a list, a review's section)
PARAGRAPH_BREAK = 2  # the characters left out between two chunks cut at a paragraph break ("\n\n")
# a sentence opening by pointing back ("It debuted in 2,539 theaters"): its figure may be of another than the question's
POINTS_BACK_OPENING = re.compile(r"^\W*(?:It|He|She|They|Its|His|Her|Their|This|These)\b")
# ... given only when one of the question's names is written this many characters of its article before it (a
# sentence or two) or after it (a sentence: "In 2017 the operator bought its two newest ferries. Captain Ole Brekke
# runs ..."), or in its heading or title
NAMED_BEFORE = 300
NAMED_AFTER = 150
TYPED_RATIO = 0.5  # a sentence giving a figure of what the question counts joins when this close to the best
TYPED_AFTER = 2  # ... or the chosen sentences whose next one, pointing back to it, may give it
TYPED_HOP_MATCH = 0.25  # ... or, found anywhere in a chosen article, holds this share of the words the best one lacks
TYPED_HOP_ARTICLES = 2  # the chosen articles read whole for it, the best first
LENGTH_ONTO = 2  # "How long was the field goal?": a distance written this many words before "field goal" answers
FACET_MATCH = 0.5  # a clause's sentence must hold this IDF-weighted share of the clause's words
NEW_ARTICLE_FACET_MATCH = 0.7  # ... this share when no other sentence cites its article
FACET_ENTITY_MATCH = 0.2  # ... or this share, in an article whose passages name the entity answer
HOP_MARGIN = 0.2  # ... or a second hop's sentence, in a report not cited yet, holds this much more of the clause
FACET_NAMED_MARGIN = 0.4  # ... unless another article's sentence holds this much more (and the share above)
SECOND_REPORT_RATIO = 0.8  # another report naming the entity that holds a clause this share as well as the sentence
# chosen for it (and `FACET_MATCH` of it) is cited for it too
FACET_NEW_ARTICLE_BONUS = 0.3  # added to an entity clause's share for a sentence of an article not cited yet,
# while the answer cites fewer articles than the description has clauses (each clause is another report's)
FACET_FIGURE_BONUS = 0.3  # added to a clause's share for a sentence writing a number the clause writes ("$1,000")
FACET_PHRASE_WEIGHT = 0.5  # ... and this much of the share of the clause's phrases (two words in a row) it writes
SECOND_RATIO = 0.6  # an article's second-best sentence joins when this close to the best
CONTINUATION_RATIO = 0.6  # the sentence after a chosen one, pointing back at it, joins when this close
TYPED_HALF_RATIO = 0.2  # a later half's best sentence of the kind it asks for joins when this close to its best
HALF_RATIO = 0.75  # a later half's second-best sentence joins when its best is in and it is this close
QUOTE_SENTENCES = 2  # sentences a quotation left open is followed into
VOICE_TOPIC_MATCH = 0.3  # "What did X say about Y": a sentence of X's must hold this share of Y's words
VOICE_NEAR_MATCH = 0.08  # ... or this share, in the article whose sentence matches the question best
STATEMENT_SENTENCES = 4  # ... and the sentences of their statement after one of them, or of the quotation right after
VOICE_SENTENCES = 3  # of the sentences of theirs on the topic, those cited when they answer well enough:
VOICE_RATIO = 0.4  # ... this share of the best (what they said on it is the answer, though in other words)
VOICE_WHOLE = 0.8  # ... or SECOND_RATIO when their best statement holds this share of the topic's words
LEAD_IN_RATIO = 0.9  # a lead-in scoring this share of the best sentence's score introduces a statement on the question
VOICE_CONTEXT_MATCH = 0.6  # ... or stand in an article whose title and lead hold this share

OPENS_QUOTATION = re.compile(r"\s*[\"“‘']")  # a sentence that opens a quotation: the last speaker's, unless named

# "According to PitchBook, how much ...": whom the question takes the figure from, not what it is of
ATTRIBUTED_TO = re.compile(r"\s*according\s+to\s+[^,?]{1,60},", re.IGNORECASE)
# "Which reporter wrote that ...": a claim someone made, whether or not they wrote the article
TELLS_CLAIM = re.compile(r"\b(?:wrote|writes|reported|reports|said|says|argued|argues|claimed|claims)\s+that\b", re.I)
# "This explains why he slipped under the water", "This is one of the reasons why NASCAR did not want ...", "This
# essentially triggered a bank run on FTX": the reason is the sentence before
REASON_BEFORE = re.compile(
    r"[\"“]?(?:This|That|Which|It)\s+(?:(?:is|was)\s+(?:(?:one\s+of\s+)?the\s+(?:main\s+|biggest\s+|key\s+|real\s+)?"
    r"reasons?\s+)?why|explains?\s+why|(?:is|was)\s+(?:partly\s+|largely\s+)?because)\b|"
    r"[\"“]?(?:This|That|These|Which)\s+(?:\w+ly\s+)?(?:triggered|caused|sparked|prompted|led\s+to|drove|fu?ell?ed|"
    r"forced|resulted\s+in|set\s+off)\b"
)
ASIDE = re.compile(r"\s*\([^()]*\)\s*")  # a sentence wholly in brackets
# "the conditions", "these demands": things a sentence before may bring in, counted ("insisted on two conditions:")
POINTS_BACK_NOUN = re.compile(r"\b(?i:the|these|those|such)\s+(?P<noun>[a-z]{3,}[^s\W]s)\b")
PEOPLE_STEMS = frozenset(stem(w) for w in "people person persons".split())  # "how many people": "a 25-person team"
BROUGHT_IN_BEFORE = 3  # sentences back within which what "the conditions" are may be brought in
INTRODUCES = r"(?:two|three|four|five|six|seven|eight|nine|ten|several)\s+(?:[a-z][\w-]*\s+)?"
# a name right before its verb is the subject ("Masimo, for example, has reportedly spent", "Orvin Labs spent")
SUBJECT_OF_VERB = re.compile(
    r"(?:\s*,[^,]{1,30},)?\s+(?:has|have|had|is|was|are|were|will|would|can|could|did|does|reportedly|also|just|"
    r"recently|alone|itself|[a-z]+ed)\b"
)
# a name right after a preposition is no subject ("In China, the company sold ...", "Against the Cowboys, ...")
AFTER_PREPOSITION = re.compile(
    r"\b(?:in|at|on|against|with|from|to|for|by|of|over|after|before|during|versus|vs\.?)\s+(?:the\s+|its\s+|their\s+)?$",
    re.IGNORECASE,
)
# A sentence that asks or reports a question: the sentence after it answers (plain2 tune q07; no MultiHop-RAG
# tuning figure moved)
ASKED = re.compile(r"\?[\"'”’]?\s*$")  # a question the sentence itself asks
ASKS_IN_TEXT = re.compile(
    ASKED.pattern + r"|\basked\s+(?:who|whom|what|which|where|when|why|how|whether|if)\b|"
    r"\bas\s+to\s+(?:why|how|whether)\b[^.]*\.?[\"'”’]?\s*$",  # "... her own theory as to why Uber has been slow."
    re.IGNORECASE,
)
ASKS_OF_ITS_OWN = re.compile(  # a later half asking its own question, not going on with a description
    r"\s*(?:(?:from|by|for|at|in|to|with)\s+)?(?:what|which|when|where|why|how|whom|whose)\b", re.IGNORECASE
)
HALF_UNANSWERED = "The articles found do not answer “{half}”."


def half_unanswered(half: str) -> str:
    """The note for a half of a compound question the articles found do not answer (`HALF_UNANSWERED`)."""
    return HALF_UNANSWERED.format(half=half.strip().rstrip(" ?.").strip())


STILL_TO_COME_DECLINED = "The articles found tell of {day} as still to come: they were written before it."
# "How much did Japan spend on defense in 2021?": the year sets when; articles that never write it
# (nor were published in it) tell of another time
SETS_YEAR = re.compile(
    r"\b(?:in|during|since|until|before|after|by|throughout)\s+(?:early\s+|late\s+|mid-?)?"
    r"(?P<year>1[5-9]\d\d|20\d\d)\b(?![$%\d])",
    re.IGNORECASE,
)
# "How many visitors did the site get in September?": the month sets when, as a year does (not "in may", a verb; a day
# of the month, "in October 23's game", is a day)
SETS_MONTH = re.compile(
    r"\b(?:in|during|for|through|throughout|since|until|by)\s+(?:early\s+|late\s+|mid-?)?"
    r"(?P<month>january|february|march|april|(?-i:May)|june|july|august|september|october|november|december)\b"
    r"(?!\s+\d{1,2}\b|-)",
    re.IGNORECASE,
)
# "How long is Dejan Vasiljevic's new contract?": a length of time written beside the agreement or the penalty asked
# about, or one of its kind ("a three-year deal", "an extension through February 2029"), not any the article gives
# ("signed only 48 hours earlier", "38 seconds left to play")
LASTING = re.compile(
    r"\bhow\s+long\s+(?:is|was|will\s+be|are|were)\b[^?]*?\b(?P<noun>contract|deal|extension|agreement|ban|suspension|"
    r"sentence|lease|loan|tenure|stint)s?\b",
    re.IGNORECASE,
)
LASTING_KIN = {
    **dict.fromkeys("contract deal extension agreement".split(), r"contracts?|deals?|extension|agreement|pact"),
    **dict.fromkeys("ban suspension".split(), r"bans?|banned|suspension|suspended"),
    "sentence": r"sentenced?|sentence|prison|jail(?:ed)?|imprison\w*|behind\s+bars|custody|terms?|serv(?:e|es|ed|ing)",
    "lease": r"lease",
    "loan": r"loan",
    "tenure": r"tenure|stint",
    "stint": r"tenure|stint",
}
NOT_A_SPAN = r"(?!\s+(?:ago|earlier|later|left)\b)"  # "48 hours earlier", "38 seconds left": when, not how long


def lasting_of(question: str) -> re.Pattern[str] | None:
    """For "how long is X's contract" (a ban, a sentence, a lease ...), what a sentence giving its length writes: a
    length of time within a few words of the thing or one of its kind; None for other questions."""
    asked = LASTING.search(question)
    return lasting_near(asked.group("noun").lower()) if asked else None


@functools.cache
def lasting_near(noun: str, after: int = 5) -> re.Pattern[str]:
    """A length of time within `after` words after `noun` (one of `LASTING_KIN`) or one of its kind, or three before
    it."""
    kin = rf"\b(?:{LASTING_KIN[noun]})\b"
    span = rf"(?:{WRITES_DURATION.pattern}){NOT_A_SPAN}"
    return re.compile(
        rf"{kin}\W+(?:[\w'’-]+\W+){{0,{after}}}?{span}|{span}\W+(?:[\w'’-]+\W+){{0,3}}?{kin}", re.IGNORECASE
    )


# "A court jailed the former harbour master Ada Vik for 18 months": whom is told between the sentencing and its length
SENTENCE_WORDS_AFTER = 9


# "What revenue did Uber report for the fourth quarter of 2023?", "When is season 2 coming out?": a quarter ("Q4",
# "fourth-quarter", "the final quarter") or a numbered week, game, season ... ("Week 7", "game five", "the second
# season", "5th round"), as a question or an article writes it; articles that never write it tell of another
QUARTER = re.compile(
    r"\b(?:(?P<word>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+quarter|q(?P<q>[1-4])|(?P<n>[1-4])q)\b",
    re.IGNORECASE,
)
BROAD_QUESTION = re.compile(
    r"^\s*(brief|summari[sz]e|give me|overview|compare|contrast|what do (the )?(sources|articles)|"
    r"how do (the )?(sources|articles)|do (the )?(sources|articles)|"
    r"what (?:does|do|did) (?:the|this|that) (?:\w+ )?(?:articles?|reports?|pieces?|stor(?:y|ies)|sources?|authors?|"
    r"writers?) (?:say|write|report|tell))",
    re.IGNORECASE,
)


@dataclass
class ExtractiveResult:
    """The sentences chosen (and an entity they name, a verdict), or why none was."""

    chosen: list[ScoredSentence]
    best_score: float
    entity: Candidate | None = None
    verdict: str = ""
    grounds: tuple[ScoredSentence, ...] = ()  # the sentences that make the verdict plain
    declined: str = ""  # why no answer is given
    unanswered: tuple[str, ...] = ()  # the later halves of a compound question the articles found do not answer
    opening: str = ""  # the line the answer opens with, citing the entity's sentences (default: its name)


@dataclass
class _Selection:
    """An answer's sentences as they are chosen from the sentences scored (`every`; `ranked`: the embedded
    shortlist, best first): each once, and none that says what a chosen one says."""

    retrieval: Retrieval
    every: list[ScoredSentence]
    ranked: list[ScoredSentence]
    best: ScoredSentence
    chosen: list[ScoredSentence]
    # the sentence giving the time the question asks for ("When did ...", "how long"): its article is told first
    lead: ScoredSentence | None = None
    _articles: dict[str, list[Passage]] = field(default_factory=dict)  # read once each
    _sections: dict[str, Sections] = field(default_factory=dict)

    def add(self, candidate: ScoredSentence) -> None:
        if candidate not in self.chosen and not any(says_the_same(candidate, c) for c in self.chosen):
            self.chosen.append(candidate)

    @cached_property
    def following(self) -> dict[tuple[str, int], ScoredSentence]:
        """The sentences scored by where they start: the one after a sentence is found here."""
        return {(c.evidence.doc_id, c.evidence.start_char): c for c in self.every}

    @cached_property
    def preceding(self) -> dict[tuple[str, int], ScoredSentence]:
        """The sentences scored by where they end: the one before a sentence is found here."""
        return {(c.evidence.doc_id, c.evidence.end_char): c for c in self.every}

    def article(self, doc_id: str) -> list[Passage]:
        """Every passage of an article, read once (none when the retrieval cannot read whole articles)."""
        if doc_id not in self._articles:
            self._articles[doc_id] = self.retrieval.article(doc_id) if self.retrieval.article else []
        return self._articles[doc_id]

    def chosen_articles(self) -> list[tuple[list[Passage], list[Evidence]]]:
        """The first `TYPED_HOP_ARTICLES` articles the chosen sentences are from, best first, read whole: each
        one's passages and its sentences (once each)."""
        read = []
        for doc_id in list(dict.fromkeys(c.evidence.doc_id for c in self.chosen))[:TYPED_HOP_ARTICLES]:
            passages = self.article(doc_id)
            read.append((passages, list({e.key: e for p in passages for e in passage_sentences(p)}.values())))
        return read

    def sections(self, doc_id: str) -> Sections:
        """An article's headings (`rag.sections`), read once."""
        if doc_id not in self._sections:
            self._sections[doc_id] = Sections.of(self.article(doc_id))
        return self._sections[doc_id]

    def heading_above(self, evidence: Evidence) -> str:
        """The heading block the sentence stands under in its article."""
        return self.sections(evidence.doc_id).above(evidence.start_char)

    @cached_property
    def asked_stems(self) -> frozenset[str]:
        """The question's content stems."""
        return content_stems(self.retrieval.standalone)

    def section_text(self, evidence: Evidence) -> str:
        """The text of the passages the section holding the sentence spans (`rag.sections`)."""
        start, end = self.sections(evidence.doc_id).span(evidence.start_char)
        return " ".join(p.text for p in self.article(evidence.doc_id) if p.start_char < end and start < p.end_char)

    def paragraph_text(self, evidence: Evidence) -> str:
        """The paragraph holding the sentence, when it is one of no more than `PARAGRAPH_CHARS` (a deals list's
        item, a review's section): "The Google Pixel Buds A-Series ... are our top overall earbuds pick. For nearly
        everyone ... these check every box. They get up to five hours of battery life ..."; else ""."""
        passages = self.article(evidence.doc_id)
        passage = next((p for p in passages if p.holds(evidence)), None)
        if passage is None:
            return ""
        starts = _starts_paragraph(passage, passages)
        ends = not any(passage.end_char <= p.start_char < passage.end_char + PARAGRAPH_BREAK for p in passages)
        at = evidence.start_char - passage.start_char
        start = passage.text.rfind("\n", 0, at) + 1
        end = passage.text.find("\n", at)
        if (start == 0 and not starts) or (end < 0 and not ends):  # the paragraph goes on beyond the passage
            return ""
        paragraph = passage.text[start : end if end >= 0 else len(passage.text)]
        return paragraph if len(paragraph) <= PARAGRAPH_CHARS else ""

    def opens_paragraph(self, evidence: Evidence) -> bool:
        """Whether the sentence opens its paragraph: a line ends right before it in its passage, or it opens a
        passage that opens one (`_starts_paragraph`)."""
        passages = self.article(evidence.doc_id)
        passage = next((p for p in passages if p.holds(evidence)), None)
        if passage is None:
            return False
        before = passage.text[: evidence.start_char - passage.start_char].rstrip(" \t")
        return before.endswith("\n") if before else _starts_paragraph(passage, passages)

    def headed_by_question(self, evidence: Evidence, names: Sequence[Sequence[str]]) -> str:
        """The heading block the sentence stands under when a line of it names what the question asks about: a
        name the question names, or two words or more, all the question's ("Triangle Agency" for "when does the
        full triangle agency come out"; a one-word line, "Price", "Apple", may head anything); else ""."""
        heading = self.heading_above(evidence)
        for line in heading.splitlines():
            stems = content_stems(line)
            if any(_names_every([name], line) for name in names) or (len(stems) >= 2 and stems <= self.asked_stems):
                return heading
        return ""

    def about(
        self, names: Sequence[Sequence[str]], sentence: Evidence, around: str, in_paragraph: bool = False
    ) -> bool:
        """Whether a sentence (`around`: with its neighbours) is about every name the question names: it writes
        each, or names one and its article's title the rest ("Jason Alexander was Spears' first husband ... in Las
        Vegas in 2004. However, only 55 hours after the nuptials, they annulled the marriage.", in an article titled on
        Britney Spears), or
        (`in_paragraph`) its short paragraph does (`paragraph_text`); or it stands under a heading that names what
        the question asks about (`headed_by_question`), and its section or the article's title writes each
        ("Triangle Agency" heads "The full game ships early in 2024", in a section on a "new TTRPG")."""
        if _names_every(names, around) or (in_paragraph and _names_every(names, self.paragraph_text(sentence))):
            return True
        # the title may give the rest of the names when the sentences name one of them themselves (in a review of
        # the Lumo Trail, every sentence would be about it by its title)
        title = next((p.title for p in self.retrieval.passages if p.doc_id == sentence.doc_id), "")
        if any(_names_every([name], around) for name in names) and _names_every(names, f"{around}\n{title}"):
            return True
        heading = self.headed_by_question(sentence, names)
        return bool(heading) and _names_every(names, f"{around}\n{heading}\n{self.section_text(sentence)}\n{title}")


class ExtractiveEngine(Engine):
    """Answers with the retrieved sentences that best answer the question."""

    mode = "extractive"

    def answer(self, retrieval: Retrieval, answer: Answer, clock: Clock) -> Iterator[str]:
        """Choose the answer's sentences; abstain when none answers."""
        with clock("answer"):
            result = self.select(retrieval)
        if not result.chosen:
            answer.abstained = True
            answer.text = result.declined or NOT_FOUND
            return
        cited: list[CitedSentence] = []
        chosen = result.chosen
        if result.entity is not None:
            holding = _citing(result.entity, {c.evidence.doc_id for c in chosen})
            cited.append((result.opening or f"{result.entity.name}.", holding, True))
            # the sentence the name is cited from is told first when the sentences chosen do not tell it: "Fjell
            # Capital. [1]" is read with what it rests on ("Fjell Capital and Nordkapp Partners co-led ...")
            told = {c.evidence.key for c in chosen}
            cited += [(e.quote, [e], True) for e in holding[:1] if e.key not in told]
            # else the article it is cited from is told first: "Tim Cook. [1]" is not followed by what another
            # article says of Apple
            lead = holding[0].doc_id if holding else ""
            chosen = sorted(chosen, key=lambda c: c.evidence.doc_id != lead)
        if result.verdict:  # "Yes." citing the sentences that make it plain; "Cannot tell ..." citing none
            cited.append((opening(result.verdict), [c.evidence for c in result.grounds], True))
        cited += [(c.evidence.quote, [c.evidence], True) for c in chosen]
        cited += [(half_unanswered(half), [], True) for half in result.unanswered]
        answer.text, answer.citations, answer.sentences = number_citations(cited)
        answer.verdict = result.verdict
        yield answer.text

    def select(self, retrieval: Retrieval) -> ExtractiveResult:
        """Score the passages' sentences and choose the answer's."""
        plan = retrieval.plan
        question = retrieval.standalone
        every = everything = self.rank(retrieval, shortlist=SHORTLIST, everything=True)
        # a heading ("Tide gates: what the council decided") names a topic and claims nothing: it
        # answers only when no sentence holds any of the question's words (a byline may be all there is)
        if any(c.lexical > 0 for c in every if not c.heading):
            every = [c for c in every if not c.heading]
        ranked = [c for c in every if c.vector is not None]  # the embedded shortlist
        if not ranked:
            return ExtractiveResult([], 0.0)
        ranked = _answers_to_own_questions(ranked, every)
        best = ranked[0]
        # A question that is only a name ("Who is Yu Koizumi?") is far in meaning from any sentence:
        # a sentence that writes the name is relevant enough.
        relevant = max(c.semantic for c in ranked) >= MIN_RELEVANCE or (
            plan is not None and bool(plan.subject) and any(_writes(c, plan.subject) for c in ranked)
        )
        if best.score < EVIDENCE_FLOOR or not relevant:
            return ExtractiveResult([], best.score, declined=NOT_FOUND)
        day = _day_still_to_come(retrieval, everything)
        if day:
            return ExtractiveResult([], best.score, declined=STILL_TO_COME_DECLINED.format(day=day))
        asks_for = plan.asks_for if plan is not None else ""
        if asks_for == "author":
            signed = _byline(retrieval, everything, best)  # a byline is a heading
            if signed.chosen or not TELLS_CLAIM.search(question):
                return signed
            # "Which reporter wrote that ...": the article is unsigned; its sentences may say who wrote it
            asks_for = "person"
        # "What did Kawai say about ...": only their words on it answer
        typed_lower = not any(c.isupper() for c in retrieval.question)
        skip = plan.metadata_spans if plan is not None else []
        voice = asked_voice(question, skip, typed_lower, known=plan.speakers if plan is not None else ())
        if voice is not None and voice.described:  # "the University of Tokyo security expert": who it is, if found
            fits = described_speaker(voice.who, _speakers_mentions(retrieval))
            voice = replace(voice, name=fits) if fits else None
            if fits and retrieval.statements is not None:  # where they speak, as for someone the question names
                docs = {p.doc_id for p in retrieval.passages if fits in p.speakers}
                theirs = {doc: [s for s in retrieval.statements(doc) if s[2] == fits] for doc in sorted(docs)}
                retrieval = replace(retrieval, spoken={**retrieval.spoken, **{d: s for d, s in theirs.items() if s}})
        said, introduced = self._said(voice, retrieval, everything) if voice is not None else ([], {})
        if voice is not None and voice.only_theirs and not said:
            unsaid = f"The articles found report nothing {voice.who} said on this."
            return ExtractiveResult([], best.score, declined=unsaid)
        if said:  # their words answer, led by those that best match the question: no one else's
            their_words = {c.evidence for c in said}
            ranked = [c for c in ranked if c.evidence in their_words] or said
            # ... or whose lead-in does ("Abrams has her own theory as to why Uber has been slow ... / “Cost isn’t the
            # issue,” she said.")
            ranked.sort(key=lambda c: -max(c.score, introduced.get(c.evidence, 0.0)))
            best = ranked[0]
        broad = BROAD_QUESTION.search(question) is not None
        s = _Selection(retrieval, every, ranked, best, [best])
        # "Who is Jim Harbaugh?": a report says who someone is where it first names them ("Michigan coach Jim
        # Harbaugh"); that sentence is in the answer, its article told first, before sentences that only write the
        # name ("No Jim Harbaugh on the bus. pic.twitter.com/...", an embedded post)
        if plan is not None and plan.subject and not said:
            introduction = self._introduction(s, plan.subject)
            if introduction is not None:
                s.add(introduction)
                s.lead = introduction
        if plan is not None and plan.kind == "entity" and not said:
            deed_told = self._deed_in_article(s)
            if deed_told is not None:  # a name it ties to the deed may answer, as one the passages found write
                s.every = [*s.every, deed_told]
        else:
            deed_told = None
        entity, unnamed = choose_entity(s.retrieval, s.every, s.best, asks_for, said, deed_told)
        if unnamed:
            return ExtractiveResult([], best.score, declined=unnamed)
        described = self._answer_parts_and_clauses(s, entity)
        self._join_what_goes_with(s, described, broad, voice, said)
        unsaid, unanswered = self._check_what_is_asked(s, asks_for, entity)
        first = first_part(question, plan)
        if unsaid and plan is not None and plan.halves and first != question:
            # the first half of a compound question asks for a kind of thing no sentence found gives ("How old was
            # she then, and how many deaths did the agency estimate?"): the later halves are answered all the same,
            # each only by a sentence giving what it asks for in its own words, and the answer says the first is
            # not; declined when none of them is answered either
            left = self._answer_halves(s, [h.asked for h in plan.halves])
            if len(left) == len(plan.halves):
                return ExtractiveResult([], best.score, declined=unsaid)
            unsaid, unanswered = "", [re.sub(r"[\s,;?]*(?:\b(?:and|or|but|also)\b[\s,]*)*$", "", first), *left]
        if unsaid:
            return ExtractiveResult([], best.score, declined=unsaid)
        unanswered = self._answer_halves(s, unanswered)
        chosen = s.chosen
        year = _year_unsaid(retrieval, chosen) or _period_unsaid(retrieval, chosen) or _month_unsaid(retrieval, chosen)
        if year:
            return ExtractiveResult([], best.score, declined=f"The articles found say nothing of {year}.")
        assessment = assess(retrieval, ranked, chosen) if plan is not None and plan.kind == "yes_no" else None
        for ground in assessment.grounds if assessment is not None else ():
            s.add(ground)  # what makes the verdict plain is shown
        result = ExtractiveResult(
            _in_reading_order(chosen, s.lead), best.score, entity=entity, unanswered=tuple(dict.fromkeys(unanswered))
        )
        if assessment is not None:
            result.verdict, result.grounds = assessment.verdict, assessment.grounds
        return result

    def _deed_in_article(self, s: _Selection) -> ScoredSentence | None:
        """For a "who" question whose deed no sentence found tells ("Who led StarNews Mobile's $3 million round?": the
        passages found tell of the round and of earlier backers, not who led it), the sentence of the best sentence's
        article that names someone doing the deed to the thing the question asks of (`does_deed_to`: "Janngo Capital,
        an Africa-focused venture capital firm, led the pre-Series A funding round"), as done by someone to a name the
        question writes after its verb ("Deft was founded in 2019 by Alex Gunnarson"), or the maker's noun beside a
        name ("under director Emma Tammi"); scored as the best one. None when a sentence found in that article tells
        it already, or none there does."""
        retrieval = s.retrieval
        if retrieval.article is None or retrieval.plan is None:
            return None
        clause = deed_clause(first_part(retrieval.standalone, retrieval.plan))
        deeds = deeds_asked(clause)
        done_to = deed_noun(clause)
        named = deed_names(clause)  # "Who founded Deft?": "deft"
        makers = [n for d in deeds for n in MAKER_NOUNS.get(d, "").split()]  # "director", "founder"
        best = s.best
        doc = best.evidence.doc_id
        if not deeds or not (done_to or named or makers):
            return None
        maker = (
            re.compile(rf"\b(?:{'|'.join(map(re.escape, makers))})\s+(?-i:[A-Z])", re.IGNORECASE) if makers else None
        )

        def tells_it(quote: str) -> bool:
            if done_to and any(does_deed_to(quote, d, done_to) for d in deeds):
                return True  # "Janngo Capital ... led the pre-Series A funding round"
            if named & set(words(quote)) and any(done_by_name(quote, d) for d in deeds):
                return True  # "Deft was founded in 2019 by Alex Gunnarson and Zach Hudson"
            return maker is not None and maker.search(quote) is not None  # "under director Emma Tammi"

        # not when a sentence found in that article tells it already (one in a chunk beside those found is no answer
        # the search found: "Finally, under director Emma Tammi, ..." is looked for as this one is)
        beside = [p for p in retrieval.passages if p.beside]
        if any(
            c.evidence.doc_id == doc and not any(p.holds(c.evidence) for p in beside) and tells_it(c.evidence.quote)
            for c in s.every
        ):
            return None
        found = [
            evidence
            for passage in s.article(doc)
            for evidence in passage_sentences(passage)
            if tells_it(evidence.quote)
        ]
        if not found:
            return None
        evidence = max(found, key=lambda e: self.ranker.lexical(s.asked_stems, e.quote))
        return replace(best, evidence=evidence, vector=None)

    def _introduction(self, s: _Selection, name: str) -> ScoredSentence | None:
        """The sentence saying who `name` is (`introduces`): the best found, else the first in the articles found
        (the first `INTRODUCTION_ARTICLES`, read whole); None when none does."""
        found = next((c for c in s.every if introduces(c.evidence.quote, name)), None)
        if found is not None:
            return found
        for doc in list(dict.fromkeys(p.doc_id for p in s.retrieval.found))[:INTRODUCTION_ARTICLES]:
            for passage in s.article(doc):
                for evidence in passage_sentences(passage):
                    if introduces(evidence.quote, name):
                        return ScoredSentence(evidence, self.ranker.lexical(s.asked_stems, evidence.quote), 0.0)
        return None

    def _answer_parts_and_clauses(self, s: _Selection, entity: Candidate | None) -> bool:
        """Add the sentences answering each part of the question and each clause of a long description; whether
        the question describes an entity clause by clause."""
        retrieval, every, ranked, best, chosen, add = s.retrieval, s.every, s.ranked, s.best, s.chosen, s.add
        plan = retrieval.plan
        # Every part of the question (an outlet, an outlet on a date) is answered from its own
        # articles, by the sentence that best matches the part's own words and meaning; a sentence
        # from an article the answer does not cite yet wins a near tie, as another report would.
        # In an entity question described clause by clause, the clauses speak first: a part is
        # then answered only when no clause's sentence comes from its articles.
        described = entity is not None and plan is not None and bool(plan.facets)
        if plan is not None and 1 < len(retrieval.part_passages) == len(plan.filtered_parts):
            titled = retrieval.part_titled or [""] * len(plan.filtered_parts)
            parts = list(zip(plan.filtered_parts, retrieval.part_passages, titled, strict=True))
        else:
            parts = []
        if not described:
            # a part naming the same articles as one before it ("the TechCrunch article on X, while
            # the TechCrunch article on Y") is answered from another of them when one answers at all
            taken: dict[Filters, set[str]] = {}
            for part, passages, doc in parts:
                before = taken.setdefault(part.filters, set())
                answered = self._answer_part(retrieval, part, passages, ranked, best, chosen, add, before, doc)
                if answered is not None:
                    before.add(answered.evidence.doc_id)
        # Every clause of a long description is answered by the sentence that holds most of its words.
        # In an entity question the clause is about the entity: a sentence of an article naming it
        # answers with fewer of them, found among the passages or by a second hop (the clause looked
        # for again with the name); only when none does, a sentence of another article that holds most.
        naming = _articles_naming(entity, retrieval) if entity is not None else set()
        # a later half of a compound question that asks a question of its own about what the first half is about
        # ("..., and which countries get it first?") is answered as one, below, from the first half's articles;
        # one describing the answer further ("..., and is the subject of a class action suit ...", "..., and who
        # has faced allegations, as reported by TechCrunch?") is a clause, which another article may tell
        halves = [content_stems(h.asked) for h in plan.halves if _asks_of_the_first(h)] if plan is not None else []
        facets = [f for f in plan.facets if not any(content_stems(f) <= h for h in halves)] if plan is not None else []
        for facet in facets:
            stems = content_stems(facet)
            # the clause's figure and phrases written again ("up to $1000 in bonus bets": "up to $1,000 in bonus
            # bets") tell the report it was drawn from, as another report on the story does not (`_clause_match`)
            shares = [self._clause_match(facet, stems, c.evidence.quote) for c in every]
            # while the answer cites fewer reports than the description has clauses, another
            # report's sentence wins a near tie
            cited = {c.evidence.doc_id for c in chosen}
            bonus = FACET_NEW_ARTICLE_BONUS if len(cited) < len(facets) else 0.0
            weighed = [
                share + (bonus if c.evidence.doc_id not in cited else 0.0)
                for share, c in zip(shares, every, strict=True)
            ]

            def holds_most(i: int, shares: list[float] = shares) -> tuple[float, float]:
                return (shares[i], every[i].score)

            best_at = max(range(len(every)), key=holds_most)  # the sentence holding most of the clause
            if entity is not None:
                named_at = max(
                    (i for i, c in enumerate(every) if c.evidence.doc_id in naming),
                    key=lambda i: holds_most(i, weighed),
                    default=-1,
                )
                # ... unless another report's sentence holds far more of the clause (by its own words, not for
                # being another report's) and names no one else: a report may call the entity by its role ("at
                # the founder's direction") and never write its name; one naming another firm is about that firm
                outdone = (
                    named_at >= 0
                    and shares[best_at] - shares[named_at] > FACET_NAMED_MARGIN
                    and shares[best_at] >= NEW_ARTICLE_FACET_MATCH
                    and not _names_another(every[best_at].evidence.quote, retrieval.question, entity)
                )
                if outdone:
                    add(every[best_at])
                    continue
                hop = self._second_hop(retrieval.lookup, facet, stems, entity) if retrieval.lookup else None
                if named_at >= 0 and shares[named_at] >= FACET_ENTITY_MATCH:
                    named: ScoredSentence | None = every[named_at]
                    # ... unless the clause looked for again with the name finds a report not cited yet that holds
                    # far more of it (the passages found name the entity in a sentence that touches the clause)
                    cited_now = {c.evidence.doc_id for c in chosen}
                    if (
                        hop is not None
                        and hop.evidence.doc_id not in cited_now
                        and hop.score > shares[named_at] + HOP_MARGIN
                    ):
                        named = hop
                else:
                    named = hop
                if named is not None:
                    add(named)
                    # ... and so is another report naming the entity that tells the clause nearly as well: a
                    # description draws each clause from one report, and which of two telling it alike cannot be
                    # told ("opened the new tram depot on the east side" in the Ledger's report and the Courier's)
                    told = shares[named_at] if named_at >= 0 and named is every[named_at] else named.score
                    cited_now = {c.evidence.doc_id for c in chosen}
                    second_at = max(
                        (i for i, c in enumerate(every) if c.evidence.doc_id in naming - cited_now),
                        key=holds_most,
                        default=-1,
                    )
                    if second_at >= 0 and shares[second_at] >= max(FACET_MATCH, SECOND_REPORT_RATIO * told):
                        add(every[second_at])
                    continue
            # a sentence that brings in an article nothing else cites must hold more of the clause
            fresh = every[best_at].evidence.doc_id not in {c.evidence.doc_id for c in chosen}
            if shares[best_at] >= (NEW_ARTICLE_FACET_MATCH if fresh else FACET_MATCH):
                add(every[best_at])
        if described:
            for part, passages, doc in parts:
                outlet = {p.doc_id for p in retrieval.passages if p.source in part.filters.sources}
                if not any(c.evidence.doc_id in outlet for c in chosen):
                    self._answer_part(retrieval, part, passages, ranked, best, chosen, add, titled=doc)
        return described

    def _join_what_goes_with(
        self,
        s: _Selection,
        described: bool,
        broad: bool,
        voice: Voice | None,
        said: Sequence[ScoredSentence],
    ) -> None:
        """Add the other articles' sentences that answer about as well, and the sentences that go on with chosen
        ones: an article's second-best, a continuation, a reason, a reply, the rest of a quotation or statement."""
        retrieval, ranked, best, chosen, add = s.retrieval, s.ranked, s.best, s.chosen, s.add
        plan = retrieval.plan
        question = retrieval.standalone
        limit = 5 if broad else 3
        # Every article that answers about as well as the best gets a say; every article that
        # answers at all when the question asks what each source says.
        best_by_article: dict[str, ScoredSentence] = {}
        for candidate in ranked:
            best_by_article.setdefault(candidate.evidence.doc_id, candidate)
        # An entity described clause by clause has its sentence for each clause: a sentence that
        # shares the description's words without answering a clause is as often about another.
        ratio = PART_RATIO if plan is not None and plan.every_source else OTHER_ARTICLE_RATIO
        # another article answers only when it is on the question's story (`_story_names`): "the Royals have
        # agreed to a 1-year, $5 million contract with reliever Will Smith" tells nothing of what Michigan
        # State pays Jonathan Smith
        names = _story_names(retrieval)

        def on_story(candidate: ScoredSentence) -> bool:
            return candidate.evidence.doc_id == best.evidence.doc_id or _names_every(
                names, _article_passages(candidate, retrieval)
            )

        for candidate in best_by_article.values():
            if candidate.score >= (ENTITY_OTHER_RATIO if described else ratio) * best.score and on_story(candidate):
                add(candidate)
        for candidate in ranked:
            if described or len(chosen) >= max(limit, len(retrieval.part_passages)):
                break
            if candidate.score >= KEEP_RATIO * best.score and on_story(candidate):
                add(candidate)
        # "What did X say about Y": what they said on it is in the answer, though another's sentence
        # matches the question better
        if said and not any(c in said for c in chosen):
            add(said[0])
        # ... and what else they said on it well enough: their statement is the answer; on a topic one statement of
        # theirs writes whole ("the dark waves of the North Atlantic"), nearly as well (that one answers)
        theirs = [c for c in ranked if c in said]
        topic = content_stems(voice.topic) if voice is not None else frozenset()
        whole = bool(theirs) and bool(topic) and self.ranker.lexical(topic, theirs[0].evidence.quote) >= VOICE_WHOLE
        for candidate in theirs[:VOICE_SENTENCES]:
            if candidate.score >= (SECOND_RATIO if whole else VOICE_RATIO) * best.score:
                add(candidate)
        # An article cited once is cited twice when its next sentence answers nearly as well: the
        # fact asked about is often the one beside the sentence that matches the question's words.
        for doc in list(dict.fromkeys(c.evidence.doc_id for c in chosen)):
            second = next((c for c in ranked if c.evidence.doc_id == doc and c not in chosen), None)
            if second is not None and second.score >= SECOND_RATIO * best.score:
                add(second)
        # A sentence that points back at a chosen one right before it ("This is especially true for
        # ...") goes on with what it says: it joins when it answers nearly as well, or whenever the
        # question asks what the articles say of something.
        # It is weighed as found where the chosen one was (in the chunk beside that one's, it ranks far below it),
        # and by its meaning too when it was left out of the shortlist, as the sentences it is weighed against were.
        following = s.following
        going_on = [
            (candidate, after)
            for candidate, after in ((c, _next_sentence(c, following)) for c in list(chosen))
            if after is not None and POINTS_BACK.match(after.evidence.quote)
        ]
        if not broad:  # (their scores, set here, stay theirs for the rules below)
            self.ranker.weigh_meaning([after for _, after in going_on], retrieval.vector, retrieval.part_vectors)
        for candidate, going in going_on:
            if broad or going.score_at(min(going.rank, candidate.rank)) >= CONTINUATION_RATIO * best.score:
                add(going)
        # "Why did the club announce ...": the sentence that best tells what happened, and not why, is often
        # followed by the one telling why ("The club feared that the news was starting to leak.")
        # ... or, when nothing follows the best one in the passages found (the last of a live blog's entry), by the
        # sentence after the next best one chosen and the chosen ones right after it
        if ASKS_REASON.search(question) and not STATES_CAUSE.search(best.evidence.quote):
            for told in sorted(chosen, key=lambda c: -c.score):
                reason = _next_sentence(told, following)
                while reason is not None and reason in chosen:
                    reason = _next_sentence(reason, following)
                if reason is not None:
                    add(reason)
                    break
            # ... or by the sentence found in a chosen article that best gives a reason, as a figure asked for joins
            # ("Jamaica advanced" / "A 3-2 win ... allowed Jamaica to progress on away goals after a 4-4 aggregate
            # tie"), unless a chosen sentence already says what caused it ("after" tells an order as often as a cause)
            reasoned = any(STATES_CAUSE.search(c.evidence.quote) for c in chosen)
            giving = self._reason_given(s) if not reasoned else None
            if giving is not None:
                add(giving)
        # "This explains why he slipped under the water and did not awaken": what it points back to is the reason
        if ASKS_REASON.search(question):
            ending = s.preceding
            for pointing in [c for c in chosen if REASON_BEFORE.match(c.evidence.quote)]:
                reason = adjacent(ending, pointing.evidence.doc_id, pointing.evidence.start_char, -1)
                # ... past an aside in brackets ("(It had an equity position in FTX from 2019 to 2021.)")
                while reason is not None and ASIDE.fullmatch(reason.evidence.quote):
                    reason = adjacent(ending, reason.evidence.doc_id, reason.evidence.start_char, -1)
                if reason is not None:
                    add(reason)
        # ... or what "the conditions" it gives as the reason are, when one of the three sentences before brings them
        # in, counted ("Hassabis and his co-founders insisted on two conditions: ... / Zuckerberg ... offered a bigger
        # payout but would not agree to the conditions.")
        if ASKS_REASON.search(question):
            asked = content_stems(question)
            for pointing in list(chosen):
                nouns = {
                    m.group("noun")
                    for m in POINTS_BACK_NOUN.finditer(pointing.evidence.quote)
                    if stem(m.group("noun")) not in asked | TIME_STEMS and m.group("noun") not in FUNCTION_WORDS
                }
                before = adjacent(s.preceding, pointing.evidence.doc_id, pointing.evidence.start_char, -1)
                for _ in range(BROUGHT_IN_BEFORE if nouns else 0):
                    if before is None:
                        break
                    if any(re.search(rf"\b{INTRODUCES}{n}\b", before.evidence.quote, re.IGNORECASE) for n in nouns):
                        if before not in chosen:
                            add(before)
                        break
                    before = adjacent(s.preceding, before.evidence.doc_id, before.evidence.start_char, -1)
        # ... and a reason announced as a list right after a chosen sentence ("Rani and Psagot suffered from a lot of
        # bad luck," ... / "Since he bought Psagot, three significant things happened that affected the company.")
        if ASKS_REASON.search(question):
            for told in list(chosen):
                announcing = _next_sentence(told, following)
                if (
                    announcing is not None
                    and announcing not in chosen
                    and ANNOUNCES_LIST.search(announcing.evidence.quote)
                ):
                    add(announcing)
        # A sentence announcing a list ("... far superior to the DepEd for two main reasons.") goes on in the
        # sentences right after it that enumerate it ("The first is that ...", "Secondly, ..."): they are what it says
        for announcing in [c for c in chosen if ANNOUNCES_LIST.search(c.evidence.quote)]:
            item, apart = announcing, 0
            for _ in range(LIST_SENTENCES):
                later = _next_sentence(item, following)
                if later is None:
                    break
                enumerating = ENUMERATES.match(later.evidence.quote)
                # past a sentence between items, only an ordinal goes on with the list ("One fan said ..." is no item)
                if enumerating and not (apart and enumerating.group("item").lower() in ("one", "another")):
                    add(later)
                    apart = 0
                elif (apart := apart + 1) > LIST_GAP:  # an item's own second sentence, a paragraph between items
                    break
                item = later
        # A question the best sentence asks or reports ("... another member asked who in the government they
        # needed to talk to.") is answered by the sentence after it ("“His name is Ryan Salame,” he replied.")
        # ... as does one any chosen sentence reports ("... has her own theory as to why Uber has been slow."), not
        # every question an article asks its readers ("Yearning for more Nicolas Cage-fueled insanity?")
        asking = [
            c
            for c in chosen
            if ASKS_IN_TEXT.search(c.evidence.quote) and (c is best or not ASKED.search(c.evidence.quote))
        ]
        for question_in_text in asking:
            reply = _next_sentence(question_in_text, following)
            if reply is not None:
                add(reply)
        # A sentence spelling out a chosen one in detail ("The short answer is that the Apple Watch Series 9 and Ultra 2
        # have a more powerful chip. / Specifically, the new S9 features four neural engines ...") says what it says:
        # it joins, however few of the question's words it holds
        for told_generally in list(chosen):
            detail = _next_sentence(told_generally, following)
            if detail is not None and ELABORATES.match(detail.evidence.quote):
                add(detail)
        # A quotation left open goes on in the sentences after it ("... “affected my career like I can't
        # even explain. / I turned down ...”"), as does one a chosen sentence stands inside: half a
        # statement misquotes its speaker.
        for candidate in list(chosen):
            quoted, open_quotes = candidate, _quotations_open_after(candidate, retrieval)
            for _ in range(QUOTE_SENTENCES):
                after = _next_sentence(quoted, following) if open_quotes else None
                if after is None:
                    break
                add(after)
                quoted, open_quotes = after, quotation_depth(after.evidence.quote, open_quotes)
        # A statement of theirs goes on in the quotation right after it ("'... best idea for them,' Friedman
        # said. 'I think they feel if they're going to add, it's going to be on defense.'"), unless that one
        # is another's, and on through the sentences attribution found theirs ('"I feel sorry for Stam," Petrov
        # said. "He was angry with himself. / "But those two free-kicks were easy saves.')
        for candidate in [c for c in chosen if c in said]:
            after = candidate
            for _ in range(STATEMENT_SENTENCES):
                after = _next_sentence(after, following)
                if after is None or voice is None:
                    break
                spans = retrieval.spoken.get(after.evidence.doc_id, ())
                inside = any(a <= after.evidence.start_char < b and speaks(voice.name, n) for a, b, n in spans)
                if not inside and not (
                    OPENS_QUOTATION.match(after.evidence.quote) and _spoken_by(voice, after.evidence.quote)
                ):
                    break
                add(after)

    def _reason_given(self, s: _Selection) -> ScoredSentence | None:
        """The sentence of a chosen article that best tells a cause, when it answers about as well as a figure asked
        for must; weighed by its meaning too, as one that tells why seldom repeats the question's words ("The club
        feared that the news was starting to leak"); else one of another article on the story stating a cause."""
        docs = {c.evidence.doc_id for c in s.chosen}
        giving = [
            c
            for c in s.every
            if c not in s.chosen and c.evidence.doc_id in docs and GIVES_REASON.search(c.evidence.quote)
        ]
        self.ranker.weigh_meaning(giving, s.retrieval.vector, s.retrieval.part_vectors)
        top = max(giving, key=lambda c: c.score, default=None)
        if top is not None and top.score >= TYPED_RATIO * s.best.score:
            return top
        # ... else, when none does, the sentence of another article found on the question's story that says outright
        # what caused it ("Why did Convoy shut down?": "The digital freight broker told employees ... it was shutting
        # down due to what executives described as a “massive freight recession.”", in the article on Convoy, where
        # the best sentence told of it in one on Uber)
        names = _names_asked(s.retrieval)
        elsewhere = [
            c
            for c in s.ranked
            if c not in s.chosen
            and c.evidence.doc_id not in docs
            and STATES_CAUSE.search(c.evidence.quote)
            and bool(names)
            and _names_every(names, _article_passages(c, s.retrieval))
        ]
        top = max(elsewhere, key=lambda c: c.score, default=None)
        return top if top is not None and top.score >= TYPED_RATIO * s.best.score else None

    def _check_what_is_asked(self, s: _Selection, asks_for: str, entity: Candidate | None) -> tuple[str, list[str]]:
        """Add a sentence giving what the question asks for (a figure, a name, a date, a length of time) when no
        chosen one gives it; why the answer is declined when none does, and the later halves left unanswered."""
        retrieval, every, ranked, best, chosen, add = s.retrieval, s.every, s.ranked, s.best, s.chosen, s.add
        plan = retrieval.plan
        question = retrieval.standalone
        following = s.following
        # What the question asks for must be in the answer: "How many cranes ..." a figure in a sentence
        # naming them ("two tugboats" is no count of cranes), found in a passage that names whatever the
        # question names ("How much funding has Locus raised?": not a figure of another startup's), a sum
        # of money when money is asked for,
        # "on what date" a day, "in what year" a year, "how long" a length of time, "what is the name of"
        # a name the question does not write.
        # When no chosen sentence gives a figure of what is counted, the best sentence that does joins
        # if it answers well enough (a day or a year alone says nothing of what it is the day of).
        # When only a later half of a compound question asks for it ("Who blamed the cost of fuel, and how many
        # ferries ...?"), the first half is answered all the same, and the answer says which half is not
        first = first_part(question, plan)
        unanswered: list[str] = []
        measure = plan.measure if plan is not None else ""
        kind = MEASURES_ASKED.get(measure, "")
        odds = ASKS_ODDS.search(question) is not None
        weight = ASKS_WEIGHT.search(question) is not None
        distance = ASKS_DISTANCE.search(question) is not None
        asks_percent = ASKS_PERCENT.search(question) is not None
        if (
            ASKS_FIGURE.search(question)
            or STAT_SEARCHED.match(question)
            or measure
            or ASKS_MONEY.search(question)
            or odds
            or weight
            or distance
            or asks_percent
        ):
            focus = retrieval.focus_stems
            names = _names_asked(retrieval)
            # what the first part of a compound question asks for, when it asks for a figure ("How old is Tate McRae,
            # and how many streams ...": an age, no count), and of which names; else what any part does
            asking = first if first != question and asks_figure_in(first, measure) else question
            if asking is first:
                names = _names_written(names, first)
            # ("how much does it weigh in pounds" asks a weight: pounds weigh as well as pay)
            in_currency = IN_CURRENCY.search(asking) is not None and ASKS_WEIGHT.search(asking) is None
            money = ASKS_MONEY.search(asking) is not None or kind == "money" or in_currency
            # "How much is the stake worth": a sum, or points, a share (a later half asking it is answered as one)
            valued = money or ASKS_WORTH.search(first) is not None
            score = kind == "score"
            # "the score of Michigan's game against Iowa": not "Ohio State tied the score at 17-17" of another game
            sides = scored_sides(asking) if score else None
            age = ASKS_AGE.search(asking) is not None
            times = ASKS_TIMES.search(asking) is not None
            percent = ASKS_PERCENT.search(asking) is not None or kind == "percent"
            duration = kind == "duration"
            rate = ASKS_RATE.search(asking) is not None  # "how much is it per month": "$5.99 a month", not "$59.99"
            things = ASKS_COUNT.search(asking) is not None
            # "How many people did Activision lay off?": a count, not "over the past 12 months" (unless a time is
            # counted: "how many weeks"), nor a sum or a percentage
            counted_words = COUNTED_WORDS.search(asking)
            counted_stems = content_stems(counted_words.group("counted")) if counted_words else set()
            counts_things = things and not (times or money or percent or duration or valued)
            counted_kinds = counted_stems | (PEOPLE_STEMS if counted_stems & PEOPLE_STEMS else set())

            def of_counted(c: ScoredSentence) -> bool:
                return counts_near(c.evidence.quote, counted_kinds, COUNT_WINDOW, False, True)

            # "how many passing yards": yards told as passed ("passes for 267 yards"), not a run's or a return's
            kind_of = counted_kind_stems(asking)
            # "How many goals did Haaland score ...?": what happened, not what "he could score"
            # ... nor "What prison sentence did Gary Wang get?": what "he faces"
            happened = (things or bool(measure)) and ASKS_PAST.match(asking) is not None

            # every word of the names the question writes may be the one written near ("Stevenson" of "Rhamondre
            # Stevenson", whose rarer first name tells him apart in an article)
            skip = _where_to_look(retrieval)
            near = [*names] + [
                [w for w in words(n) if w not in FUNCTION_WORDS]
                for n in names_in(question)
                if not any(a <= question.find(n) < b for a, b in skip)
            ]

            def bound_elsewhere(c: ScoredSentence, quote: str) -> bool:
                """Whether a sentence's figure may be another's: it opens pointing back to a sentence naming
                someone or something ("It debuted in 2,539 theaters" after one naming a film), or names, before its
                figure, someone or something the question does not ("Sony's XM4s can last up to 30 hours"); a
                sentence telling only of "the team" or "the operator", or pointing back to one that does ("It
                cached 20 grams of salt" after "The top absorber got about three times saltier"), is of what its
                article is about."""
                if POINTS_BACK_OPENING.match(quote):
                    return _refers_to_a_name(c, s.preceding, s.opens_paragraph)
                spans = figure_spans(quote)
                asked = fold(question)
                return bool(spans) and any(fold(n) not in asked for n in names_in(quote[: spans[0][0]]))

            def named_near(c: ScoredSentence) -> bool:
                """Whether one of the question's names is written in the sentence, in the `NAMED_BEFORE` characters
                of its article before it or the `NAMED_AFTER` after it, under the heading it stands under or in its
                article's title: the figure is of what the question asks about, not of another thing its article
                tells of ("It debuted in 2,539 theaters", of Beyoncé's film, in an article naming Taylor Swift's
                further down)."""
                evidence = c.evidence
                found = [p for p in retrieval.passages if p.doc_id == evidence.doc_id]
                title = found[0].title if found else ""

                def written_around(passages: Sequence[Passage]) -> bool:
                    covering = [p for p in passages if p.start_char <= evidence.start_char < p.end_char]
                    passage = min(covering, key=lambda p: p.start_char, default=None)  # the one holding most before
                    at = evidence.start_char - passage.start_char if passage is not None else 0
                    before = passage.text[max(0, at - NAMED_BEFORE) : at] if passage is not None else ""
                    end = at + len(evidence.quote)
                    after = passage.text[end : end + NAMED_AFTER] if passage is not None else ""
                    around = " ".join([before, evidence.quote, after, s.heading_above(evidence), title])
                    return any(_names_every([name], around) for name in near)

                # the passages found first; the whole article when they begin too near it (or a sentence found there)
                return written_around(found) or written_around(s.article(evidence.doc_id))

            doer = [
                w.removesuffix("'s").removesuffix("’s") for w in words(counted_doer(asking)) if w not in FUNCTION_WORDS
            ]

            def anothers(quote: str) -> bool:
                """Whether a figure is told of another the question names, not of the one it asks it of ("Masimo, for
                example, has reportedly spent $60 million" for "How much has Apple spent ... fighting Masimo?")."""
                spans = figure_spans(quote)
                # (a sentence naming them before one of its figures tells theirs: "The JackJumpers fell 90-80 as
                # Crawford finished with 32 points"; a score is both sides')
                if not doer or not spans or _names_every([doer], quote[: spans[-1][0]]) or WRITES_SCORE.search(quote):
                    return False
                # ... the other one is the subject: the first name, not after a preposition ("In China, the company
                # sold", "Against the Cowboys, the Eagles quarterback threw")
                before = quote[: spans[0][0]]
                named = names_in(before)
                if not named or AFTER_PREPOSITION.search(before[: before.find(named[0])]):
                    return False
                if not SUBJECT_OF_VERB.match(before, before.find(named[0]) + len(named[0])):
                    return False  # "The STI testing service is being launched": a word of the thing, not who
                # ... and one the question names as a party, not as where ("at Truist Park", "in the UK")
                return fold(named[0]) in parties

            # the names the question writes as parties, not after a preposition ("fighting Masimo"; "at Truist Park" is
            # a place)
            parties = {
                fold(n)
                for n in names_in(question)
                if not AFTER_PREPOSITION.search(question[: max(question.find(n), 0)])
            }

            def counts_asked(c: ScoredSentence) -> bool:
                if ASKS_ITSELF.match(c.evidence.quote):  # "When will Tesla release the cybertruck it promised in
                    return False  # 2019?" asks, as the question does: it gives nothing
                # ... nor a sentence on another year's edition of the event asked about ("the 32-12 score" of "The
                # 2019 Rugby World Cup final ..." for a semi-final of the 2023 Rugby World Cup), nor a score of the two
                # sides' earlier meetings ("Over the previous four seasons, SMU has clamped down on North Texas by
                # scores of 48-10, ...")
                if of_another_year(asking, c.evidence.quote) or (score and of_past_meetings(asking, c.evidence.quote)):
                    return False
                quote = without_figures_of(c.evidence.quote, question)  # what the question gives answers nothing
                if measure == "sentence" and WRITES_PENALTY.search(quote):  # "life in prison", "probation"
                    return not names or _names_every(names, _article_passages(c, retrieval))
                # ... and a length of time, only beside its sentencing (not "spent a year making calls")
                sentencing = lasting_near("sentence", SENTENCE_WORDS_AFTER)
                if measure == "sentence" and not sentencing.search(quote):
                    return False
                return (
                    gives_figure(quote)
                    and not (happened and only_might_be(quote))
                    and (not money or WRITES_MONEY.search(quote) is not None)
                    and (measure not in PRICES or not WRITES_DISCOUNT.search(quote) or gives_price(quote))
                    and (money or not valued or gives_value(quote))  # "worth": a sum, or "worth six points"
                    and (
                        not score
                        or WRITES_SCORE.search(quote if measure == "record" else without_records(quote)) is not None
                    )
                    and not (
                        sides is not None
                        and of_another_contest(quote, sides, [m.span() for m in WRITES_SCORE.finditer(quote)])
                    )
                    and (not age or WRITES_AGE.search(quote) is not None)
                    # "six sacks of Williams" counts the times asked of a deed ("How many times did Notre Dame sack")
                    and (not times or WRITES_TIMES.search(quote) is not None or bool(focus))
                    and (not counts_things or gives_count(quote, counted_stems))
                    and (not odds or WRITES_ODDS.search(quote) is not None)
                    and (not percent or WRITES_PERCENT.search(quote) is not None)
                    and (not rate or WRITES_RATE.search(quote) is not None)
                    and (not duration or WRITES_TIME_SPAN.search(quote) is not None)
                    and (
                        not weight or (WRITES_WEIGHT.search(quote) is not None and not weighs_another(quote, question))
                    )
                    and (not distance or WRITES_DISTANCE.search(quote) is not None)
                    and (
                        not focus or counts_near(quote, focus, MONEY_WINDOW if valued else COUNT_WINDOW, valued, things)
                    )
                    and (not kind_of or counts_near(quote, kind_of, COUNT_WINDOW, valued, things))
                    and (not names or _names_every(names, _article_passages(c, retrieval)))
                    and (not names or not bound_elsewhere(c, quote) or named_near(c))
                    and not anothers(quote)
                )

            # "What is the cost of a ticket?": "Tickets cost the same as for buses" answers it, figure or not (a
            # salary does not: "the salary cap" is none)
            names_cost = measure in PRICES and any(
                stem(measure) in content_stems(c.evidence.quote)
                and (not focus or bool(focus & content_stems(c.evidence.quote)))  # the cost of the terminal, not ramps
                for c in chosen
            )
            if not names_cost and not any(counts_asked(c) for c in chosen):
                typed = focus or money or score or age or times or percent or duration or odds or weight or distance
                # ... or a count written onto what is counted ("how many people work there": "a 25-person team")
                counting = typed or counts_things
                counted = (
                    next((c for c in ranked if counts_asked(c) and (typed or of_counted(c))), None)
                    if counting
                    else None
                )
                if counted is None or counted.score < TYPED_RATIO * best.score:
                    # the best sentence may name what is measured and the next give the figure ("Sennheiser's
                    # Momentum Wireless 4 are your best option. / These headphones are capable of lasting up to 60
                    # hours"); else one anywhere in a chosen article, holding what the best one lacks
                    # (a score is told as one, "a 2-7 win-loss record"; a sum or a length of time found that way was
                    # as often another's: what a prosecutor seeks, not what a judge ordered)
                    counted = _typed_after(chosen, following, counts_asked) or (
                        self._typed_in_article(s, counts_asked, focused=kind == "count" or weight or distance)
                        if focus or score or weight or distance
                        else None
                    )
                if counted is None and asking is first:  # the first part asks it: its own words may find it
                    counted = self._typed_for_first_part(s, first, counts_asked)
                if counted is not None:
                    add(counted)
                elif (
                    asks_figure_in(first, measure)
                    or ASKS_WEIGHT.search(first)
                    or ASKS_DISTANCE.search(first)
                    or ASKS_PERCENT.search(first)
                ):
                    return NO_FIGURE, unanswered
                else:
                    unanswered += _halves_asking(plan, lambda asked: asks_figure_in(asked, measure))
            # the figure is of the one the question counts it of ("How many points did Jordon Crawford score ...?": "as
            # Crawford finished with a game-high 32 points"), when the chosen sentences give one only of another ("It
            # gave the JackJumpers a game-high 19-point lead"): a sentence ranked near the best that names them joins
            if doer and not any(counts_asked(c) and _names_every([doer], c.evidence.quote) for c in chosen):
                told = next(
                    (
                        c
                        for c in ranked
                        if c.score >= TYPED_RATIO * best.score
                        and counts_asked(c)
                        and _names_every([doer], c.evidence.quote)
                    ),
                    None,
                )
                if told is None and STAT_SEARCHED.match(asking):  # a stat searched for: theirs, anywhere in the article
                    told = self._typed_in_article(
                        s, lambda c: counts_asked(c) and _names_every([doer], c.evidence.quote), focused=True
                    )
                if told is not None:
                    add(told)
                elif _a_persons_name(counted_doer(asking), plan) and not any(
                    counts_asked(c) and _tells_of(c, doer, s.preceding) for c in chosen
                ):
                    # "How many rushing yards did Zach Charbonnet put up against the Cowboys?": a person's count is
                    # told of them, by name or as "He" right after ("He caught 82 passes"); another's ("anyone who's
                    # rushed for just 47 yards") is none
                    if asks_figure_in(first, measure):
                        return NO_FIGURE, unanswered
                    unanswered += _halves_asking(plan, lambda asked: asks_figure_in(asked, measure))
            # a figure goes on in the sentence after it that points back to it ("Before October 7, IMPA received
            # about 100 reports a day ... / That number jumped to about 1,000."): the later figure may be the one asked
            for figure_given in [c for c in chosen if counts_asked(c)]:
                after = _next_sentence(figure_given, following)
                if (
                    after is not None
                    and FIGURE_GOES_ON.match(after.evidence.quote)
                    and gives_figure(after.evidence.quote)
                ):
                    add(after)
        person = asks_for == "person"  # "the name of the woman who ...": a person's
        name_noun = named_noun(question)  # "the name of the Diablo 4 expansion ...": a name beside "expansion"
        # the name asked for is called what the question calls it somewhere in the passages found ("ChatGPT,
        # OpenAI's chatbot"): a season's name in a sentence on an expansion is no name of the expansion
        found_text = " ".join(p.text for p in retrieval.passages) if name_noun else ""
        name_given = entity is not None or any(
            gives_name(c.evidence.quote, question, person, name_noun, found_text) for c in chosen
        )
        if ASKS_NAME.search(question) and not name_given:
            if ASKS_NAME.search(first):
                return NO_NAME, unanswered
            unanswered += _halves_asking(plan, ASKS_NAME.search)
        # a date or a length of time, in a sentence naming what the question names or beside one that
        # does (the year Japan joined the QUAD is not given by a sentence on Japan's budget; "When did Voss
        # join the project?" is not answered by the day the stand opened)
        for asks, writes, unsaid in (
            (ASKS_DAY, WRITES_DAY, NO_DAY),
            (ASKS_YEAR, WRITES_YEAR, NO_YEAR),
            (ASKS_WHEN, WRITES_WHEN, NO_WHEN),
            (ASKS_DURATION, WRITES_DURATION, NO_DURATION),
        ):
            if asks.search(question):
                if asks is ASKS_DURATION:  # "how long is his new contract": a length of the contract
                    writes = lasting_of(first) or writes
                names = _names_asked(retrieval)
                if asks.search(first) and first != question:  # "how long do the Pixel Buds last, and what is the
                    names = _names_written(names, first)  # ... rating of the Galaxy Buds2?": the first half's names
                # a length of time is told of what a short paragraph names ("The Pixel Buds A-Series ... / They get up
                # to five hours"); a paragraph's day is as often another event's ("opened on Friday", of a stand)
                lasting = asks is ASKS_DURATION
                ending = s.preceding
                giving = next(
                    (
                        c
                        for c in chosen
                        if _tells(writes, c)
                        and s.about(names, c.evidence, _with_neighbours(c, ending, following), lasting)
                    ),
                    None,
                )
                s.lead = s.lead or giving
                if giving is None:
                    # a length of time is told where the article tells of what lasted ("The OLED lasted four
                    # hours and 23 minutes"), not always beside the sentences that match the question's names, or in
                    # a sentence ranked near the best in a paragraph naming them ("The Google Pixel Buds A-Series ...
                    # / They get up to five hours of battery life"); a day or a year found that way was as often
                    # another event's, but not one found under a heading naming what the question names
                    # ... or right after the sentence naming who it is of ("This time it's Boston Dynamics CTO, Aaron
                    # Saunders. / He has been with the company for more than 20 years")
                    gives_length = writes_duration if writes is WRITES_DURATION else partial(_tells, writes)
                    told = (
                        _told_of_after(chosen, following, gives_length, names)
                        or self._typed_in_article(s, gives_length)
                        or (self._length_of_asked(s, names) if ASKS_LENGTH.search(question) else None)
                        or next(
                            (
                                c
                                for c in ranked
                                if c.score >= TYPED_RATIO * best.score
                                and _tells(writes, c)
                                and s.about(names, c.evidence, _with_neighbours(c, ending, following), lasting)
                            ),
                            None,
                        )
                        if asks is ASKS_DURATION
                        else self._told_under_heading(s, names, writes)
                    )
                    # a sentence holding as many of the question's words as the best one, and the time ("The Steam
                    # Deck OLED will be available to order on November 16th" for "When was the Steam Deck OLED
                    # released?"), though it ranked below the shortlist (the best that is no question the article
                    # asks itself: "When will the cheaper Ridgeback come out?" holds every word)
                    telling = next((c for c in ranked if not ASKS_ITSELF.match(c.evidence.quote)), best)
                    told = told or next(
                        (
                            c
                            for c in every
                            if _tells(writes, c)
                            and c.lexical >= telling.lexical
                            and s.about(names, c.evidence, _with_neighbours(c, ending, following))
                        ),
                        None,
                    )
                    if not _lead_with(s, told, asks, first, unanswered):
                        return unsaid, unanswered
        # "What's the Caesars promo code ...?": a code written for a name the question writes, in a chosen sentence or
        # in one found that answers well enough, as a figure does ("Caesars Sportsbook promo code NEWS1000 gives ...")
        if ASKS_CODE.search(question):
            names = _names_asked(retrieval)
            coded = next((c for c in chosen if code_for(c.evidence.quote, names)), None) or next(
                (c for c in ranked if c.score >= TYPED_RATIO * best.score and code_for(c.evidence.quote, names)), None
            )
            if not _lead_with(s, coded, ASKS_CODE, first, unanswered):
                return NO_CODE, unanswered
        return "", unanswered

    def _typed_for_first_part(
        self, s: _Selection, first: str, gives: Callable[[ScoredSentence], bool]
    ) -> ScoredSentence | None:
        """For a compound question, the sentence its first part's own words find that gives what it asks for (`gives`),
        when it matches the first part this close to the best (`TYPED_HALF_RATIO`, as for a later half): "How much
        seed money has Deft raised, and how many monthly active users ...?" ranks the users' sentence first, and the
        seed round's far below; None for a question asking one thing."""
        vector = s.retrieval.first_vector
        if not vector:
            return None
        embedded = {c.evidence.quote: c.vector for c in s.ranked if c.vector is not None}
        matched = self.ranker.rank(first, vector, s.retrieval.passages, shortlist=SHORTLIST, known=embedded)
        typed = next((c for c in matched if gives(c)), None)
        return typed if typed is not None and typed.score >= TYPED_HALF_RATIO * matched[0].score else None

    def _answer_halves(self, s: _Selection, unanswered: Sequence[str]) -> list[str]:
        """Add the sentence answering each later half of a compound question; the halves left unanswered: those
        for which the checks above found nothing of the kind they ask for, unless the half's own words find it."""
        retrieval, ranked, best, chosen, add = s.retrieval, s.ranked, s.best, s.chosen, s.add
        plan = retrieval.plan
        left = list(unanswered)
        # "..., and which countries get it first?": each later half of a compound question is answered by
        # the sentence that best matches it (with the names the first half writes), or, when that one is in
        # already (it may answer only the first half), by a near tie. It joins after the checks above: the
        # sentence nearest a half ("the operator bought its two newest ferries") need not answer it.
        if plan is None or len(retrieval.half_vectors) != len(plan.halves):
            return left
        embedded = {c.evidence.quote: c.vector for c in ranked if c.vector is not None}
        first_articles = {c.evidence.doc_id for c in chosen}
        for half, vector in zip(plan.halves, retrieval.half_vectors, strict=True):
            # a half naming nothing of its own is answered from the articles that answer the first, by its
            # own words ("and who was the subject?")
            if half.names_own:
                matched = self.ranker.rank(half.text, vector, retrieval.passages, shortlist=SHORTLIST, known=embedded)
            else:
                passages = [p for p in retrieval.passages if p.doc_id in first_articles]
                matched = self.ranker.rank(half.asked, vector, passages, shortlist=SHORTLIST, known=embedded)
            if not matched or matched[0].score < PART_RATIO * best.score:
                continue
            if half.asked in left:
                # checked against the whole question, nothing answered it ("..., and how much did it cost?": the
                # sentences nearest the first half give no sum); a sentence the half's own words find answers
                # when it gives what the half asks for and writes every word the half asks with (or a chosen
                # sentence of its article does), as a typed half's sentence does
                rescued = next((c for c in matched if _answers_half(half.asked, c, chosen)), None)
                if rescued is not None and rescued.score >= TYPED_HALF_RATIO * matched[0].score:
                    add(rescued)
                    left = [h for h in left if h != half.asked]
                continue
            keys = {c.evidence.key for c in chosen}
            # a half asking for a kind of thing ("and what was the final score?", "and from how far out?") is
            # answered by the best of its sentences that writes one, when one matches it nearly as well
            half_kind = _half_writes(half.asked)
            measured = _measured_stems(half.asked)  # "and what fine is CZ agreeing to": a sum beside "fine"
            typed_half = (
                next(
                    (
                        c
                        for c in matched
                        if half_kind.search(c.evidence.quote)
                        and (not measured or counts_near(c.evidence.quote, measured, MONEY_WINDOW))
                    ),
                    None,
                )
                if half_kind
                else None
            )
            if typed_half is None:  # "and which senator ...?": a name written beside the kind
                typed_half = next((c for c in matched if names_kind_asked(c.evidence.quote, half.asked)), None)
            if typed_half is not None and typed_half.score >= TYPED_HALF_RATIO * matched[0].score:
                add(typed_half)
                continue
            unchosen = next((c for c in matched if c.evidence.key not in keys), None)
            if unchosen is not None and unchosen.score >= HALF_RATIO * matched[0].score:
                add(unchosen)
        return left

    def _answer_part(
        self,
        retrieval: Retrieval,
        part: Part,
        passages: Sequence[Passage],
        ranked: Sequence[ScoredSentence],
        best: ScoredSentence,
        chosen: Sequence[ScoredSentence],
        add: Callable[[ScoredSentence], None],
        taken: AbstractSet[str] = frozenset(),
        titled: str = "",
    ) -> ScoredSentence | None:
        """Add the sentence of the part's articles that best answers it, if one answers well enough.

        `taken`: articles that answered a part naming the same articles; another of them answers this one.
        `titled`: the article the part names by its title's words, which answers it when one of its sentences was found.
        """
        docs = {p.doc_id for p in passages}
        own = [c for c in ranked if c.evidence.doc_id in docs]
        if not own or own[0].score < PART_RATIO * best.score:
            return None
        own = [c for c in own if c.evidence.doc_id not in taken] or own
        # the words of a part naming its article by its title say which article, not what is asked of it: the
        # article's sentences that best answer the question answer the part
        named = [c for c in own if c.evidence.doc_id == titled]
        if named:
            matches = {c.evidence.key: c.score for c in named}
        else:
            stems = content_stems(retrieval.plan.part_asks(part) if retrieval.plan is not None else part.text)
            cited = {c.evidence.doc_id for c in chosen}
            matches = {
                c.evidence.key: self._part_match(retrieval, part, stems, c)
                + (PART_NEW_ARTICLE_BONUS if c.evidence.doc_id not in cited else 0.0)
                for c in own
            }
        answer = max(named or own, key=lambda c: matches[c.evidence.key])
        add(answer)
        if part.filters.published_from and not named:
            # the outlet published another report that day telling the part nearly as well: which of the two the
            # question means cannot be told, so both are cited
            day = {p.doc_id: p.published[:10] for p in passages}
            same_day = [
                c
                for c in own
                if c.evidence.doc_id != answer.evidence.doc_id and day[c.evidence.doc_id] == day[answer.evidence.doc_id]
            ]
            other = max(same_day, key=lambda c: matches[c.evidence.key], default=None)
            if other is not None and matches[other.evidence.key] >= SAME_DAY_RATIO * matches[answer.evidence.key]:
                add(other)
        # A part naming its report by outlet and day ("the TechCrunch article published on October 31"), or by
        # its title's words, asks what that report says: its other sentences that answer about as well say it too.
        if part.filters.published_from or named:
            same = [c for c in named or own if c.evidence.doc_id == answer.evidence.doc_id and c is not answer]
            for more in sorted(same, key=lambda c: -matches[c.evidence.key])[: DATED_PART_SENTENCES - 1]:
                if matches[more.evidence.key] >= DATED_PART_RATIO * matches[answer.evidence.key]:
                    add(more)
        return answer

    def _said(
        self, voice: Voice, retrieval: Retrieval, every: Sequence[ScoredSentence]
    ) -> tuple[list[ScoredSentence], dict[Evidence, float]]:
        """The sentences found that are what the one the question names said, on its topic, best first; and, for
        those of a statement led into by a sentence found ("Abrams has her own theory as to why ..."), that
        sentence's score: the statement answers what its lead-in tells.

        Attribution at ingest tells in which passages someone speaks; where it also tells which
        sentences are theirs (the people the question names), only those count, else any sentence
        of a passage they speak in ("Cain" quoted over several sentences) or naming them as speaking.
        """
        speaking_in = [
            (p.doc_id, p.start_char, p.end_char)
            for p in retrieval.passages
            if any(speaks(voice.name, speaker) for speaker in p.speakers)
        ]
        theirs = []
        statements: list[tuple[str, int] | None] = []  # the statement (article, start) each one stands in
        for candidate in every:
            evidence = candidate.evidence
            spans = retrieval.spoken.get(evidence.doc_id)
            at = evidence.start_char
            speaking = [(s, n) for s, e, n in spans or () if s <= at < e]
            if is_theirs(voice.name, evidence.quote, [n for _, n in speaking]) or (
                spans is None and any(d == evidence.doc_id and s <= at < e for d, s, e in speaking_in)
            ):
                theirs.append(candidate)
                mine = [s for s, n in speaking if speaks(voice.name, n)]
                statements.append((evidence.doc_id, mine[0]) if mine else None)
        quotes = [c.evidence.quote for c in theirs]
        on = on_topic(voice.topic, voice.name, quotes, self.ranker.lexical, VOICE_TOPIC_MATCH)
        # what they say on it need not repeat its words ("Guardiola said the scoreline was a fair reflection
        # of the game"): a statement of theirs in an article whose title and lead are on the topic is on it,
        # as is every sentence of a statement one of whose sentences is
        leads = {doc: _article_lead(doc, retrieval) for doc in {c.evidence.doc_id for c in theirs}}
        contexts = [leads[c.evidence.doc_id] for c in theirs]
        around = on_topic(voice.topic, voice.name, contexts, self.ranker.lexical, VOICE_CONTEXT_MATCH)
        # in the article the question's words find first, a statement of theirs holding fewer of the topic's
        # words is on it ("Agbonlahor insists Onana needs to take a significant chunk of the blame for United's
        # collapse" in the report on that game)
        first = every[0].evidence.doc_id if every else ""
        near = on_topic(voice.topic, voice.name, quotes, self.ranker.lexical, VOICE_NEAR_MATCH)
        near = [i for i in near if theirs[i].evidence.doc_id == first]
        on += [i for i in near if i not in on]
        # a statement answers what the sentence leading into it tells ("Swift's attendance at Kelce's games has
        # received pushback from NFL fans ... “I'm just there to support Travis,” Swift admitted.")
        lead_ins = [
            _lead_in(c, statement[1], retrieval, voice.name) if statement else ""
            for c, statement in zip(theirs, statements, strict=True)
        ]
        introduced = on_topic(voice.topic, voice.name, lead_ins, self.ranker.lexical, VOICE_TOPIC_MATCH)
        on += [i for i in introduced if lead_ins[i] and i not in on]
        # ... in other words than the topic's: a statement none of whose sentences is on it, led into by a sentence
        # naming them that matches the question nearly as well as the best sentence found ("Abrams has her own theory
        # as to why Uber has been slow to implement security cameras. / “Cost isn’t the issue,” she said."), ranks
        # as that sentence does
        scores = {(c.evidence.doc_id, c.evidence.quote): c.score for c in every}
        top = max(scores.values(), default=0.0)
        already = {statements[i] for i in on + around}
        topic_stems = content_stems(voice.topic) - content_stems(voice.name)
        led = {
            statements[i]: scores[(theirs[i].evidence.doc_id, lead)]
            for i, lead in enumerate(lead_ins)
            if statements[i] is not None
            and statements[i] not in already
            and scores.get((theirs[i].evidence.doc_id, lead), 0.0) >= LEAD_IN_RATIO * top
            and _names_speaker(lead, voice.name)
            # ... on the topic, not by the name alone ("Captain Ole Brekke runs the night ferry" leads into nothing he
            # said on the island timetable)
            and bool(topic_stems & written_stems(lead))
        }
        on += [i for i, statement in enumerate(statements) if statement in led and i not in on]
        on_it = {statements[i] for i in on if statements[i] is not None}
        within = [i for i, statement in enumerate(statements) if statement in on_it]
        lead_scores = {theirs[i].evidence: led[statement] for i, statement in enumerate(statements) if statement in led}
        return [theirs[i] for i in dict.fromkeys(on + around + within)], lead_scores

    def _typed_in_article(
        self, s: _Selection, gives: Callable[[ScoredSentence], bool], focused: bool = False
    ) -> ScoredSentence | None:
        """The sentence of a chosen article that gives what the question asks for (`gives`) and holds most of
        the question's words the best sentence lacks, found anywhere in the article: the passages found for
        the question's words often tell around the detail asked for ("how long does it take to charge the
        Echo Frames": "Charging from zero to 100 percent takes about 2.5 hours" in another part of the
        review). None when no sentence holds `TYPED_HOP_MATCH` of those words, or when it writes a year the
        question does not ask about. `focused`: `gives` ties the figure to what the question counts ("A crowd of
        62,124 was announced" for "how big was the crowd at Soldier Field"), which then needs none of those words."""
        if s.retrieval.article is None or not s.chosen:
            return None
        asked = _asked_here(s.retrieval)
        rest = content_stems(asked) - written_stems(s.chosen[0].evidence.quote)
        years = set(WRITES_YEAR.findall(asked))  # "in the third quarter of 2023": no figure of 2019
        found: list[ScoredSentence] = []
        for _, sentences in s.chosen_articles():
            for evidence in sentences:
                candidate = ScoredSentence(evidence, self.ranker.lexical(rest, evidence.quote), 0.0)
                written = set(WRITES_YEAR.findall(evidence.quote))
                held = candidate.lexical >= TYPED_HOP_MATCH or focused
                if held and gives(candidate) and not (years and written - years):
                    found.append(candidate)
        if focused:  # the one holding most of the question's words: the crowd at the game asked about
            stems = s.asked_stems
            return max(found, key=lambda c: (c.lexical, self.ranker.lexical(stems, c.evidence.quote)), default=None)
        return max(found, key=lambda c: c.lexical, default=None)

    def _length_of_asked(self, s: _Selection, names: Sequence[Sequence[str]]) -> ScoredSentence | None:
        """The sentence of a chosen article that writes a distance onto a thing the question asks how long it was
        ("How long was Ryland's field goal?": "Ryland's 56-yard field goal is good"), naming one of the names the
        question writes, in an article naming each; the one holding most of the question's words, None when none
        does."""
        # the thing's own words: not its names, nor the "long" of "how long" ("11.7 inches long" is its size)
        asked = content_stems(_asked_here(s.retrieval)) - {stem(w) for name in names for w in name} - {"long"}
        found: list[ScoredSentence] = []
        for passages, sentences in s.chosen_articles():
            writes_all = _names_every(names, "\n".join(p.text for p in passages))
            for evidence in sentences:
                onto = any(
                    {stem(w) for w in words(evidence.quote[m.end() :])[:LENGTH_ONTO]} & asked
                    for m in WRITES_LENGTH.finditer(evidence.quote)
                )
                if onto and any(_names_every([name], evidence.quote) for name in names) and writes_all:
                    found.append(ScoredSentence(evidence, self.ranker.lexical(s.asked_stems, evidence.quote), 0.0))
        return max(found, key=lambda c: c.lexical, default=None)

    def _told_under_heading(
        self, s: _Selection, names: Sequence[Sequence[str]], writes: re.Pattern[str]
    ) -> ScoredSentence | None:
        """The sentence of a chosen article that gives what `writes` finds (a time) under a heading naming what the
        question asks about (`_Selection.about`), holding most of the question's other words (one at least); None
        when none does."""
        rest = content_stems(_asked_here(s.retrieval)) - {stem(w) for name in names for w in name}  # nor the names
        found: list[ScoredSentence] = []
        for _, sentences in s.chosen_articles():
            for evidence in sentences:
                heading = s.headed_by_question(evidence, names) if writes.search(evidence.quote) else ""
                if not heading or not s.about(names, evidence, evidence.quote):
                    continue
                # the words the heading writes say what it is about, not what is asked of it
                lexical = self.ranker.lexical(rest - content_stems(heading), evidence.quote)
                if lexical > 0:
                    found.append(ScoredSentence(evidence, lexical, 0.0))
        return max(found, key=lambda c: c.lexical, default=None)

    def _second_hop(
        self, lookup: Callable[[str], list[Passage]], facet: str, stems: AbstractSet[str], entity: Candidate
    ) -> ScoredSentence | None:
        """The sentence that best answers a clause among passages found for it with the entity's name."""
        pattern = _name_pattern(entity)
        found = [e for p in lookup(f"{facet} {entity.name}") if pattern.search(p.text) for e in passage_sentences(p)]
        if not found:
            return None
        shares = [self._clause_match(facet, stems, e.quote) for e in found]
        best = max(range(len(found)), key=shares.__getitem__)
        return ScoredSentence(found[best], shares[best], 0.0) if shares[best] >= FACET_ENTITY_MATCH else None

    def _clause_match(self, clause: str, stems: AbstractSet[str], sentence: str) -> float:
        """How well a sentence answers a clause of a description: the IDF-weighted share of its words (`stems`) it
        holds, `FACET_FIGURE_BONUS` when it writes a number the clause writes, and `FACET_PHRASE_WEIGHT` times the
        share of the clause's phrases (not a name's) it writes: a description is written from the reports, often
        in their words ("responsible for ranking local search results": "how a business appears in local search
        results", not "In response, Google enacted a plan ... to enhance search results")."""
        figures = numbers_in(clause)
        phrases = claim_phrases(clause)
        written = len(phrases & stem_pairs(sentence)) / len(phrases) if phrases else 0.0
        figure = FACET_FIGURE_BONUS if figures & numbers_in(sentence) else 0.0
        return self.ranker.lexical(stems, sentence) + figure + FACET_PHRASE_WEIGHT * written

    def _part_match(
        self, retrieval: Retrieval, part: Part, stems: AbstractSet[str], candidate: ScoredSentence
    ) -> float:
        """How well a sentence answers one part of the question (`stems`: its words), and its meaning when embedded."""
        score = self.ranker.lexical(stems, candidate.evidence.quote)
        plan = retrieval.plan
        if plan is not None and len(retrieval.part_vectors) == len(plan.parts) and candidate.vector is not None:
            score += cosine(retrieval.part_vectors[plan.parts.index(part)], candidate.vector)
        return score

    def describe(
        self,
        who: str,
        topic: str,
        retrieval: Retrieval,
        relevant: Sequence[ScoredSentence],
        max_sentences: int,
        reading_order: bool = True,
    ) -> list[CitedSentence]:
        """The most relevant of `relevant`, varied by maximal marginal relevance, verbatim."""
        chosen = maximal_marginal_relevance(relevant, max_sentences, floor=-1.0)
        if reading_order:
            chosen = _in_reading_order(chosen)
        return [(c.evidence.quote, [c.evidence], True) for c in chosen]


SHORT_NAME_WORD = 3  # letters of a name's word too short to tell the name apart beside a longer one ("AI", "Sam")


def _names_asked(retrieval: Retrieval) -> list[list[str]]:
    """The names the question depends on (folded terms, `rag.coverage`; the outlets and dates it reads
    aside), grouped by the name they are words of: "André Onana" is written when "Onana" is. A name is told
    by its words rare in English when it has any (`telling_words`): "Kestrel Analytics" is not written by
    another startup's "Harbour Analytics"."""
    skip = _where_to_look(retrieval)
    terms = [term for term in specific_terms(retrieval.standalone, skip) if not term.isdigit()]
    groups: list[list[str]] = []
    named: set[str] = set()  # the terms that are words of a name
    for name in names_in(retrieval.standalone):
        group = [t for t in words(name) if t in terms and t not in named]
        # ... by its longer words when it has any: a short one ("AI" of "Induced AI") is written in every article on
        # AI, and says nothing of which name is meant
        longer = [t for t in group if len(t) > SHORT_NAME_WORD]
        group = longer or group
        if group:
            named.update(group)
            groups.append(telling_words(group))
            continue
        # a name of two words or more, each a common one ("10 Minute School"), is a name all the same
        at = retrieval.standalone.find(name)
        common = [t for t in words(name) if t not in FUNCTION_WORDS]
        if len(common) >= 2 and not any(a <= at < b for a, b in skip):
            named.update(common)
            groups.append(common)
    return groups + [[t] for t in terms if t not in named]


def _tells(writes: re.Pattern[str], sentence: ScoredSentence) -> bool:
    """Whether a sentence writes a time of the kind asked for (`writes`) and is no question itself ("When will Tesla
    release the cheaper Cybertruck it promised back in 2019?" asks, as the question does: it tells nothing)."""
    return writes.search(sentence.evidence.quote) is not None and not ASKS_ITSELF.match(sentence.evidence.quote)


# a sentence going on about the one named in the sentence before it ("He has been with the company for 20 years")
POINTS_BACK_TO_SOMEONE = re.compile(rf"{POINTS_BACK.pattern}|[\"“‘']?(?:He|She|His|Her)\b")


def _a_persons_name(name: str, plan: QuestionPlan | None) -> bool:
    """Whether a name is a person's: shaped as one, its first word a first name of someone the corpus quotes, or a
    word of middling frequency before a rare one ("Zach Charbonnet", "Leo Dunn"; not "Quayside Ferries", "Real
    Madrid", "Ohio State", "Harbor Freight")."""
    if plan is None or not shaped_as_person(name) or re.search(r"['’]s?$", name):  # "Jeffrey Epstein's estate"
        return False
    first, last = fold(name.split()[0]), fold(name.split()[-1])
    if first in known_names(plan.people).first_names:
        return True
    return FIRST_NAME_ZIPF_RANGE[0] <= zipf_frequency(first) <= FIRST_NAME_ZIPF_RANGE[1] and (
        zipf_frequency(last) < SURNAME_ZIPF
    )


FIRST_NAME_ZIPF_RANGE = (3.0, 5.0)  # how common in English a first name is: "Zach" 3.8, "Tom" 4.8; "Quayside" 2.4
SURNAME_ZIPF = 3.9  # a surname is rarer than this ("Dunn" 3.7); "State" and "Freight" are not


def _tells_of(c: ScoredSentence, name: Sequence[str], preceding: dict[tuple[str, int], ScoredSentence]) -> bool:
    """Whether a sentence names someone by a word of their name, or opens with "He" or "She" right after one that
    does ("UTSA's leading receiver Joshua Cephus did the heavy lifting. / He caught 82 passes ...")."""
    if _names_every([name], c.evidence.quote):
        return True
    if not POINTS_BACK_TO_SOMEONE.match(c.evidence.quote):
        return False
    before = adjacent(preceding, c.evidence.doc_id, c.evidence.start_char, -1)
    return before is not None and _names_every([name], before.evidence.quote)


def _told_of_after(
    chosen: Sequence[ScoredSentence],
    following: dict[tuple[str, int], ScoredSentence],
    gives: Callable[[ScoredSentence], bool],
    names: Sequence[Sequence[str]],
) -> ScoredSentence | None:
    """The sentence right after one of the first `TYPED_AFTER` chosen naming no one but the question's `names`,
    going on about them ("This time it's Boston Dynamics CTO, Aaron Saunders. / He has been with the company for more
    than 20 years"; not after "Ada Kerr replaced Tom Reyes, who retired."), that gives what is asked (`gives`)."""
    asked = {w for name in names for w in name}
    for sentence in chosen[:TYPED_AFTER]:
        # "He" is of the one it names, when it names no one the question does not
        named = [n for n in names_in(sentence.evidence.quote) if shaped_as_person(n)]
        if not named or any(not set(words(n)) & asked for n in named):
            continue
        after = _next_sentence(sentence, following)
        if after is not None and POINTS_BACK_TO_SOMEONE.match(after.evidence.quote) and gives(after):
            return after
    return None


def _typed_after(
    chosen: Sequence[ScoredSentence],
    following: dict[tuple[str, int], ScoredSentence],
    gives: Callable[[ScoredSentence], bool],
) -> ScoredSentence | None:
    """The sentence right after one of the first `TYPED_AFTER` chosen, pointing back to it ("These headphones ...",
    "They ..."), that gives what the question asks for (`gives`); None when none does."""
    for sentence in chosen[:TYPED_AFTER]:
        after = _next_sentence(sentence, following)
        if after is not None and POINTS_BACK.match(after.evidence.quote) and gives(after):
            return after
    return None


def _names_written(names: Sequence[Sequence[str]], text: str) -> list[list[str]]:
    """Those of `names` (`_names_asked`) a part of the question writes; all of them when it writes none."""
    written = set(words(text))
    kept = [list(group) for group in names if written & set(group)]
    return kept or [list(group) for group in names]


def _story_names(retrieval: Retrieval) -> list[list[str]]:
    """The names an article on the story of a question of one part writes (`_names_asked`), by its
    retrieved passages; none for a question of several parts, outlets, clauses or halves, or a yes/no
    question setting one claim beside another ("... the Lions and Packers game ... align with their claim
    about the Bears vs. Panthers game"), which names in each what only some of its articles write."""
    plan = retrieval.plan
    several = plan is not None and (len(plan.parts) > 1 or plan.halves or plan.facets or plan.every_source)
    if several or (plan is not None and plan.kind == "yes_no"):
        return []
    return _names_asked(retrieval)


def _asked_here(retrieval: Retrieval) -> str:
    """The question without the words that say where to look (`_where_to_look`)."""
    asked = retrieval.standalone
    for start, end in sorted(_where_to_look(retrieval), reverse=True):
        asked = asked[:start] + " " + asked[end:]
    return asked


def _where_to_look(retrieval: Retrieval) -> list[tuple[int, int]]:
    """The spans of the question that say where to look, not what is asked: the outlets and dates it names,
    an article named by its title ("the Madrid summit article"), whom it takes a figure from ("According to
    PitchBook, ...")."""
    plan = retrieval.plan
    spans = list(plan.metadata_spans) if plan is not None else []
    reference = plan.title_reference if plan is not None else ""
    titled = retrieval.standalone.find(reference) if reference else -1
    if titled >= 0:
        spans.append((titled, titled + len(reference)))
    if attributed := ATTRIBUTED_TO.match(retrieval.standalone):
        spans.append(attributed.span())
    return spans


def _names_every(names: Sequence[Sequence[str]], text: str) -> bool:
    """Whether `text` writes each of `names` by one of its words at least (a word of four letters or more
    also as the start of a word: "Japan" in "Japanese")."""
    plain = without_stops(text)  # "U.S.-based" is "US-based"
    written = [w.removesuffix("'s") for w in words(plain)]  # "the AFC's top seed" writes "AFC"
    exact = set(written)

    def writes(name: str) -> bool:
        if any(w == name or (len(name) >= 4 and w.startswith(name)) for w in written):
            return True
        sides = name.split("-")  # "the Jaguars-Saints game": written by its two sides ("Jaguars vs. Saints")
        return len(sides) > 1 and all(side and writes(side) for side in sides)

    def writes_country(initials: str) -> bool:  # "US": "18% of Americans", "the United States" (in one sentence)
        return any(
            re.search(r"\b" + r"\s+".join(form.split()) + r"\b", plain, re.IGNORECASE) if " " in form else form in exact
            for form in COUNTRY_INITIALS.get(initials, ())
        )

    def writes_spelled_out(initials: str) -> bool:  # "GTA": "Grand Theft Auto"; "NATO": "North Atlantic Treaty ..."
        if not INITIALS_SPELLED_OUT[0] <= len(initials) <= INITIALS_SPELLED_OUT[1] or not initials.isalpha():
            return False
        # ... a name's parts joined by a hyphen each its letter: "SBF" is "Sam Bankman-Fried"
        run = r"(?:\s+|-)".join(rf"{letter.upper()}[\w'’]*" for letter in initials)
        return re.search(rf"(?<![\w'’-]){run}(?![\w'’])", plain) is not None

    def writes_initials(name: Sequence[str]) -> bool:  # "K.O. II": its letters, "KO" once the stops are out
        return len(name) > 1 and all(len(n) == 1 for n in name) and "".join(name) in exact

    return all(
        any(writes(n) or writes_country(n) or writes_spelled_out(n) for n in name) or writes_initials(name)
        for name in names
    )


def _speakers_mentions(retrieval: Retrieval) -> dict[str, list[str]]:
    """The people quoted in the passages found, each with the sentences of their articles that write their
    surname: where the articles introduce them ("Yu Koizumi, senior fellow at ...")."""
    docs: dict[str, set[str]] = {}
    for passage in retrieval.passages:
        for speaker in passage.speakers:
            if named_speaker(speaker):  # a name, not a group ("Experts"): one whom a description may fit
                docs.setdefault(speaker, set()).add(passage.doc_id)
    texts = {
        doc: [
            (e.quote, set(words(e.quote)))
            for p in (retrieval.article(doc) if retrieval.article else [])
            for e in passage_sentences(p)
        ]
        for doc in set().union(*docs.values())
    }
    return {
        speaker: [
            s for doc in sorted(found) for s, said in texts[doc] if words(speaker)[-1:] and words(speaker)[-1] in said
        ]
        for speaker, found in docs.items()
    }


def _passages_holding(candidate: ScoredSentence, retrieval: Retrieval) -> list[Passage]:
    """The retrieved passages a sentence was found in."""
    at, doc = candidate.evidence.start_char, candidate.evidence.doc_id
    return [p for p in retrieval.passages if p.doc_id == doc and p.start_char <= at < p.end_char]


def _names_speaker(sentence: str, speaker: str) -> bool:
    """Whether a sentence names `speaker` ("Abrams" for Rachel Abrams)."""
    return any(speaks(speaker, name) for name in names_in(sentence))


def _lead_in(candidate: ScoredSentence, start: int, retrieval: Retrieval, speaker: str = "") -> str:
    """The sentence before a statement (starting at `start`, in `candidate`'s article) in its paragraph, as the
    passage found holds it; when the statement opens its paragraph, the last sentence of the paragraph before if it
    names `speaker` ("Abrams has her own theory as to why Uber has been slow ... / “Cost isn’t the issue,” she
    said."); "" when there is none or the passage starts after it."""
    holding = [p for p in _passages_holding(candidate, retrieval) if p.start_char <= start]
    if not holding:
        return ""
    passage = holding[0]
    before = passage.text[: start - passage.start_char]
    paragraph = before.rpartition("\n")[2]
    if not paragraph.strip() and speaker:
        paragraph = before.rstrip().rpartition("\n")[2]
        spans = split_sentences(paragraph)
        last = paragraph[spans[-1].start : spans[-1].end] if spans else ""
        return last if _names_speaker(last, speaker) else ""
    spans = split_sentences(paragraph)
    return paragraph[spans[-1].start : spans[-1].end] if spans else ""


def _article_passages(candidate: ScoredSentence, retrieval: Retrieval) -> str:
    """The title and the text of the passages found in a sentence's article: a figure's article names what it is a
    figure of, though not always in the passage that gives it (the study's lead author two paragraphs up; "Prime Day"
    in "The best October Prime Day gaming deals", and in no passage found)."""
    found = [p for p in retrieval.passages if p.doc_id == candidate.evidence.doc_id]
    return " ".join([found[0].title] + [p.text for p in found]) if found else ""


def _spoken_by(voice: Voice, quote: str) -> bool:
    """Whether a quotation following one of theirs is theirs: it names them speaking, or no one."""
    return is_theirs(voice.name, quote, []) or not SPEAKING.search(quote)


def _article_lead(doc: str, retrieval: Retrieval) -> str:
    """What an article is about: its title, and its lead (opening sentence) when found."""
    opening = next((p for p in retrieval.passages if p.doc_id == doc and p.start_char == 0), None)
    title = next(p.title for p in retrieval.passages if p.doc_id == doc)
    lead = next(iter(passage_sentences(opening)), None) if opening is not None else None
    return f"{title}. {lead.quote}" if lead is not None else title


def _quotations_open_after(candidate: ScoredSentence, retrieval: Retrieval) -> int:
    """How many quotations are open after a sentence, counted from its paragraph's start as its passage
    holds it: a sentence may open one, or stand inside one (“At the summit, I ... / I will also be the
    first ... / At it, I expect ...» Kishida said.")."""
    holding = _passages_holding(candidate, retrieval)
    passage = holding[0] if holding else None
    at = candidate.evidence.start_char
    before = passage.text[: at - passage.start_char].rpartition("\n")[2] if passage is not None else ""
    return quotation_depth(candidate.evidence.quote, quotation_depth(before))


def _lead_with(
    s: _Selection, giving: ScoredSentence | None, asks: re.Pattern[str], first: str, unanswered: list[str]
) -> bool:
    """Add the sentence giving what a question asks (a date, a length of time, a code) and open the answer with it;
    without one, False when the question's first part asks it (the answer is declined), else True, the later halves
    asking it joining `unanswered`."""
    if giving is not None:
        s.add(giving)
        s.lead = s.lead or giving
        return True
    if asks.search(first):
        return False
    unanswered += _halves_asking(s.retrieval.plan, asks.search)
    return True


def _halves_asking(plan: QuestionPlan | None, asks: Callable[[str], object]) -> list[str]:
    """The later halves of a compound question that ask for what `asks` finds (a match, or True)."""
    return [half.asked for half in plan.halves if asks(half.asked)] if plan is not None else []


def _asks_of_the_first(half: Half) -> bool:
    """Whether a later half asks a question of its own ("which countries get it first?") naming nothing the
    first half does not ("who has faced allegations, as reported by TechCrunch?" names an outlet)."""
    return not half.names_own and ASKS_OF_ITS_OWN.match(half.asked) is not None


# what a sentence giving a measure writes, by the measure's kind (`rag.question.MEASURES`)
MEASURE_WRITES = {"money": WRITES_MONEY, "score": WRITES_SCORE, "percent": WRITES_PERCENT, "count": WRITES_FIGURE}


def _measured_stems(asked: str) -> frozenset[str]:
    """The stems of the measure a later half asks for by its name and of the words it is written with ("fine":
    "fine", "fined", "penalty"), when it is a sum or a count; none for any other half."""
    measure, kind = asked_measure(asked)
    if kind not in ("money", "count"):
        return frozenset()
    return frozenset(stem(w) for w in [*measure.split(), *MEASURE_WORDS.get(measure, "").split()])


def _half_writes(asked: str) -> re.Pattern[str] | None:
    """What a sentence answering a later half writes (`half_writes`), or, when it asks for a measure by its name,
    what one giving the measure does ("and what fine is CZ himself agreeing to": a sum)."""
    return half_writes(asked) or MEASURE_WRITES.get(asked_measure(asked)[1])


def _answers_half(asked: str, sentence: ScoredSentence, chosen: Sequence[ScoredSentence] = ()) -> bool:
    """Whether a sentence answers a later half: it writes what the half asks for (a sum, a figure of what it
    counts, a date ...) and every word the half asks with, itself or in a chosen sentence of its article ("how
    much did it cost": "The terminal cost $40 million"; "how many ferries does the operator run" is not answered
    by "the operator bought its two newest ferries"; "when are the quarter-final ties played": "Ties to be played
    week commencing 18 December", below "Carabao Cup quarter-final draw")."""
    kind = _half_writes(asked)
    quote = sentence.evidence.quote
    doc_id = sentence.evidence.doc_id
    context = [c.evidence.quote for c in chosen if c.evidence.doc_id == doc_id]
    text = " ".join([quote, *context])
    written = written_stems(text)
    # a name is written by one of its words ("Varga, 34, grew up" for "how old is Ola Varga"), "old" by an age
    names = [words(name) for name in names_in(asked)]
    asked_with = content_stems(asked) - {stem(w) for name in names for w in name}
    asked_with -= {"old"} if kind is WRITES_AGE else set()
    if kind is None or not kind.search(quote) or not asked_with <= written or not _names_every(names, text):
        return False
    focus = question_focus(asked)
    window = MONEY_WINDOW if kind is WRITES_MONEY else COUNT_WINDOW
    return kind not in (WRITES_FIGURE, WRITES_MONEY) or not focus or counts_near(quote, {stem(focus)}, window)


def _year_unsaid(retrieval: Retrieval, chosen: Sequence[ScoredSentence]) -> str:
    """A year the question sets ("in 2021") that the chosen sentences' articles, as found, never write
    and were not published in; '' when there is none. Dates read as publication dates are left out."""
    years = [m.group("year") for m in _set_outside_dates(retrieval, SETS_YEAR, "year")]
    if not years:
        return ""
    cited = _chosen_articles_found(retrieval, chosen)
    written = set(re.findall(r"\d+", " ".join(f"{p.text} {p.published[:4]}" for p in cited)))
    return next((y for y in years if y not in written), "")


def _month_unsaid(retrieval: Retrieval, chosen: Sequence[ScoredSentence]) -> str:
    """A month the question sets as its time ("how many visitors did the site get in September") that the chosen
    sentences' articles, as found, never write, and were published neither in nor the month after (which may call it
    "last month"); '' when there is none (as `_year_unsaid` for a year). A day of the month ("on October 23") is
    a day, not looked for here; dates read as publication dates are left out."""
    asked = _set_outside_dates(retrieval, SETS_MONTH, "month", publication_only=True)  # "in September 2023" too
    if not asked:
        return ""
    cited = _chosen_articles_found(retrieval, chosen)
    written = {MONTHS[m.group().rstrip(".").lower()] for p in cited for m in WRITES_MONTH.finditer(p.text)}
    for p in cited:
        if re.match(r"\d{4}-\d\d", p.published):
            published = int(p.published[5:7])
            written |= {published, published - 1 or 12}  # "last month"
    unsaid = next((m for m in asked if MONTHS[m.group("month").lower()] not in written), None)
    return unsaid.group("month").capitalize() if unsaid else ""


def _set_outside_dates(
    retrieval: Retrieval, sets: re.Pattern[str], group: str, publication_only: bool = False
) -> list[re.Match[str]]:
    """What the question sets (`sets`, read at `group`: a year, a month) outside the dates the plan reads (with
    `publication_only`, outside those it reads as publication dates: "The Verge's report published in November")."""
    plan = retrieval.plan
    dates = [d for d in plan.dates if d.publication or not publication_only] if plan is not None else []
    dated = [(d.start, d.end) for d in dates]
    found = sets.finditer(retrieval.standalone)
    return [m for m in found if not any(a <= m.start(group) < b for a, b in dated)]


def _chosen_articles_found(retrieval: Retrieval, chosen: Sequence[ScoredSentence]) -> list[Passage]:
    """The passages found in the chosen sentences' articles."""
    docs = {c.evidence.doc_id for c in chosen}
    return [p for p in retrieval.passages if p.doc_id in docs]


def _period(match: re.Match[str]) -> tuple[str, int]:
    """What a `QUARTER`, `LABEL_NUMBERED` or `ORDINAL_LABEL` match writes: ("quarter", 4), ("season", 2)."""
    if match.re is QUARTER:
        number = (match.group("word") or match.group("q") or match.group("n")).lower()
        label = "quarter"
        if number == "final":  # "the final quarter"
            return label, 4
        return label, ORDINALS.get(number) or int(number.rstrip("stndrh"))
    return label_number(match)


def _period_unsaid(retrieval: Retrieval, chosen: Sequence[ScoredSentence]) -> str:
    """A quarter or a numbered week, game, season ... the question sets ("for the fourth quarter of 2023", "season 2
    of Castlevania: Nocturne") that the chosen sentences' articles, as found, never write in any form; '' when there is
    none (as `_year_unsaid` for a year). A label is looked for only numbered as one ("season 2"): "the first season" of
    a show may be its only one, which no article numbers."""
    asked = [*QUARTER.finditer(retrieval.standalone), *LABEL_NUMBERED.finditer(retrieval.standalone)]
    if not asked:
        return ""
    texts = [f"{p.title} {p.text}" for p in _chosen_articles_found(retrieval, chosen)]
    patterns = (QUARTER, LABEL_NUMBERED, ORDINAL_LABEL)
    written = {_period(m) for text in texts for pattern in patterns for m in pattern.finditer(text)}
    unsaid = next((m for m in asked if _period(m) not in written), None)
    if unsaid is None:
        return ""
    worded = unsaid.re is QUARTER and unsaid.group("word")
    return f"the {unsaid.group()}" if worded else unsaid.group()  # "the fourth quarter", "Q4", "season 2"


def _day_still_to_come(retrieval: Retrieval, every: Sequence[ScoredSentence]) -> str:
    """A day the question asks what happened on ("What was the outcome of the July 10 election?") that every
    sentence found writing it tells of as still to come ("the upcoming July 10 elections"): the articles were
    written before it; or a month a question other than a yes or no one asks of alone, that every such sentence says
    outright is to come. '' when there is
    none. Dates read as publication dates are left out; so are sentences writing the day and nothing else the
    question asks about ("Announced July 10 that the company is eliminating jobs" is another story's day, not the
    election's)."""
    question = retrieval.standalone
    if not ASKS_PAST.match(question):
        return ""
    plan = retrieval.plan
    dated = [(d.start, d.end) for d in plan.dates if d.publication] if plan is not None else []
    published = {p.doc_id: p.published for p in retrieval.passages}
    for match in DAY_OF_MONTH.finditer(question):
        if any(a <= match.start() < b for a, b in dated):
            continue
        year_after = YEAR_AFTER_DAY.match(question, match.end())
        asked_year = int(year_after.group(1)) if year_after else None
        day = re.compile(rf"(?<![\w-]){re.escape(match.group())}(?![\w-])", re.IGNORECASE)
        asked = content_stems(question[: match.start()] + " " + question[match.end() :]) - content_stems(match.group())
        writing = [c for c in every if day.search(c.evidence.quote)]
        # ... unless none writes anything else it asks ("What happened on July 10?")
        on_it = [c for c in writing if asked & written_stems(c.evidence.quote)] or writing
        telling = [(m, c.evidence.doc_id) for c in on_it for m in day.finditer(c.evidence.quote)]
        # ... or, whatever the words, in an article published before it ("looks likely to hold its ... vote on
        # Thursday, October 26", in a report of October 2): no report tells what happened after it was written
        if telling and all(
            STILL_TO_COME.search(m.string[: m.start()]) or _published_before(m, published.get(doc, ""), asked_year)
            for m, doc in telling
        ):
            return telling[0][0].group()  # as the articles write it ("July 10", though asked as "july 10")
    # a month asked of alone ("Did Canada beat Trinidad and Tobago in the March playoff?") when every sentence writing
    # it and something else the question asks tells of it as to come ("Canada will now have to defeat Trinidad and
    # Tobago in a one-off playoff in March"): said outright, as a month's year is not told by when its report was
    # written
    # (a yes or no question is answered with what the reports say: "Did the ferry start charging in June?")
    for match in MONTH_ALONE.finditer(question) if plan is None or plan.kind != "yes_no" else ():
        if any(a <= match.start() < b for a, b in dated) or DAY_OF_MONTH.match(question, match.start()):
            continue
        month = re.compile(rf"(?<![\w-]){re.escape(match.group('month'))}(?![\w-])(?!\s+\d)")  # "may" is no month
        asked = content_stems(question[: match.start()] + " " + question[match.end() :])
        telling_month = [
            m for c in every if asked & written_stems(c.evidence.quote) for m in month.finditer(c.evidence.quote)
        ]
        if telling_month and all(MONTH_TO_COME.search(m.string[: m.start()]) for m in telling_month):
            return telling_month[0].group()
    return ""


# a month told of as to come, in the clause before it as long as a playoff's ("Canada will now have to defeat Trinidad
# and Tobago in a one-off playoff in March"; not past a comma or a "who": "Biden, who will travel to Kyiv next week,
# signed the aid bill in April")
MONTH_TO_COME = re.compile(
    r"\b(?:upcoming|forthcoming|scheduled|slated|will|can|must|needs?\s+to|ha(?:s|ve)\s+to|set\s+to|to\s+be\s+held|"
    r"ahead\s+of)\b(?:[^\w.;,]+(?!(?:who|which|that)\b)\w+){0,14}?[^\w,]+$|"
    # ... or as set for it, in the present ("a playoff ..., which takes place in March")
    r"\b(?:takes?\s+place|(?:is|are)\s+(?:held|due|played)|kicks?\s+off|begins?|starts?)\b(?:\W+\w+){0,3}?\W+$",
    re.IGNORECASE,
)
# a month a question names alone, capitalised ("the March playoff", "in November"; not "march", nor "March 3")
MONTH_ALONE = re.compile(
    r"\b(?P<month>(?-i:January|February|March|April|May|June|July|August|September|October|November|December))\b"
    r"(?!\s+\d)(?!,?\s+(?:19|20)\d\d)",
)


YEAR_AFTER_DAY = re.compile(r",?\s+((?:19|20)\d\d)\b")  # "October 26, 2023": the day's year


def _published_before(day: re.Match[str], published: str, asked_year: int | None = None) -> bool:
    """Whether an article published on `published` ("2023-10-02") was written before a day it writes ("October 26",
    "26 October"): in the year written after it (in the sentence, else in the question), else in the year that puts
    it nearest the publication ("December 28" in a report of January 3 is of the year before); never a day told of
    as "last year"."""
    stamp = re.match(r"(\d{4})-(\d\d)-(\d\d)", published)
    month = next((MONTHS[w] for w in words(day.group()) if w in MONTHS), None)
    number = re.search(r"\d{1,2}", day.group())
    after = day.string[day.end() :]
    if stamp is None or month is None or number is None or re.match(r"\W*last\s+year\b", after, re.IGNORECASE):
        return False
    published_on = _date_of(int(stamp.group(1)), int(stamp.group(2)), int(stamp.group(3)))
    if published_on is None:
        return False
    written = YEAR_AFTER_DAY.match(day.string, day.end())
    year = int(written.group(1)) if written else asked_year
    if year is None:  # the nearest of the publication's year and the ones either side
        days = [
            _date_of(y, month, int(number.group()))
            for y in (published_on.year - 1, published_on.year, published_on.year + 1)
        ]
        told = min((d for d in days if d is not None), key=lambda d: abs((d - published_on).days), default=None)
    else:
        told = _date_of(year, month, int(number.group()))
    return told is not None and told > published_on


def _date_of(year: int, month: int, day: int) -> date | None:
    """The date, None when there is no such day ("February 30")."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


# a sentence going on with the figure of the one before it: "That number jumped to ...", "This figure has since ..."
FIGURE_GOES_ON = re.compile(
    r"[\"“‘']?(?:(?:That|This|The)|"
    # ... after when it did ("Later Monday, that number climbed to over 650."; not "In Japan, the rate is 2.5%")
    r"(?:Later|Earlier|By|Since|Then|Soon|Within|After|Overnight|(?:On|By)\s+(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday))(?:\s+[\w'’-]+){0,3},\s+(?:that|this))"
    r"\s+(?:number|figure|total|count|tally|share|amount|sum|rate|price|cost|percentage|proportion)\b"
    r"(?!\s+(?:of|for|on|per|price)\b)"  # "The price of a ticket" is another figure
)


# a sentence opening by spelling out the one before it in detail: "Specifically, ...", "In other words, ..."
ELABORATES = re.compile(
    r"[\"“‘']?(?:Specifically|More\s+specifically|To\s+be\s+(?:specific|precise)|Namely|That\s+is|In\s+other\s+words)"
    r"\s*[,:]"
)
# a sentence announcing a list at its end: "... is far superior to the DepEd for two main reasons.", "... comes down to
# several factors:", "... three things about Napoleon Bonaparte." (not "two steps ahead of our opponents")
ANNOUNCES_LIST = re.compile(
    r"\b(?:two|three|four|five|several|a\s+few|a\s+couple\s+of|[2-9])\s+(?:main\s+|key\s+|major\s+|big\s+|"
    r"important\s+|basic\s+|significant\s+|unlucky\s+|simple\s+|crucial\s+|different\s+|separate\s+)?"
    r"(?:reasons|ways|things|factors|changes|problems|issues|steps|lessons|causes|differences|"
    r"benefits|risks|concerns|features|areas|options|ideas|goals|priorities|principles|challenges|mistakes|tips|"
    r"rules)(?:\s+[\w'’-]+){0,5}\s*[.:][\"”’']?\s*$",
    re.IGNORECASE,
)
# ... and a sentence enumerating it: "The first is that ...", "Secondly, ...", "One, ...", "Another ...", "Finally, ..."
ENUMERATES = re.compile(
    r"[\"“‘']?\s*(?:the\s+|a\s+(?=second|third|fourth|fifth|final))?(?P<item>first(?:ly)?|second(?:ly)?|third(?:ly)?|"
    r"fourth(?:ly)?|fifth|finally|lastly|another|one|the\s+other)\b(?![-’'])",
    re.IGNORECASE,
)
LIST_SENTENCES = 5  # the sentences after a list's announcement followed into for its items
LIST_GAP = 2  # ... of which at most this many in a row between two items


def _answers_to_own_questions(ranked: list[ScoredSentence], every: Sequence[ScoredSentence]) -> list[ScoredSentence]:
    """The ranked sentences with each question an article asks itself ("What is the APR for the Fifth Third Card?",
    an interviewer's "What would you say the differences are ...?") replaced by the sentence after it, its answer
    ("The card comes with a 20.74%-29.99% variable APR.", "I would say Apple was ice and Google was fire."), ranked
    with the better meaning of the two and its own words (the question's words would lift any sentence after a lede's
    "Does Reddit co-founder Alexis Ohanian have regrets?"): a question tells nothing. One followed by no answer in the
    passages found (by another question, or by nothing) is left out; all stay when every ranked sentence is such a
    question."""
    by_start = {(c.evidence.doc_id, c.evidence.start_char): c for c in every}
    answers: list[ScoredSentence] = []
    for candidate in ranked:
        if not ASKS_ITSELF.match(candidate.evidence.quote):
            answers.append(candidate)
            continue
        after = _next_sentence(candidate, by_start)
        if after is None or ASKS_ITSELF.match(after.evidence.quote) or after.heading:
            continue
        answers.append(
            replace(
                after,
                semantic=max(after.semantic, candidate.semantic),
                part_semantic=max(after.part_semantic, candidate.part_semantic),
                vector=after.vector if after.vector is not None else candidate.vector,
                rank=min(after.rank, candidate.rank),
            )
        )
    unique: dict[tuple[str, int], ScoredSentence] = {}
    for answer in sorted(answers, key=lambda c: -c.score):  # a sentence ranked itself and as an answer: the better
        unique.setdefault((answer.evidence.doc_id, answer.evidence.start_char), answer)
    return list(unique.values()) or ranked


def _next_sentence(sentence: ScoredSentence, by_start: dict[tuple[str, int], ScoredSentence]) -> ScoredSentence | None:
    """The candidate that starts right after `sentence` in its article, if any."""
    return adjacent(by_start, sentence.evidence.doc_id, sentence.evidence.end_char, 1)


REFERENT_LOOKBACK = 4  # sentences looked back through for the name a sentence opening "It" stands for


def _refers_to_a_name(
    sentence: ScoredSentence, by_end: dict[tuple[str, int], ScoredSentence], opens_paragraph: Callable[[Evidence], bool]
) -> bool:
    """Whether a sentence opening by pointing back ("It is showing in 120 cinemas") may stand for someone or
    something named before it: a sentence before it in its paragraph names one ("The other opening is Harbour
    Nights ... / Its director ... / It is showing ..."), or, when it opens its paragraph, the last sentence of the
    paragraph before does; or what stands before it was not found. When none of its paragraph does ("The gels
    soaked up more and more saltwater. The top absorber got about three times saltier. It cached 20 grams of
    salt."), it stands for what the article is about."""
    current = sentence.evidence
    for step in range(REFERENT_LOOKBACK):
        if step > 0 and opens_paragraph(current):
            return False  # the paragraph opens here, naming no one before the sentence pointing back
        before = adjacent(by_end, current.doc_id, current.start_char, -1)
        if before is None or _names_someone(before.evidence.quote):  # or what stands before it is out of sight
            return True
        current = before.evidence
    return True


def _starts_paragraph(passage: Passage, passages: Sequence[Passage]) -> bool:
    """Whether a passage of an article starts a paragraph: chunks are cut between paragraphs, the blank line between
    them left out, so one starting two characters or more after the one before it ends starts one (one ending as far
    before the next ends one)."""
    return passage.start_char == 0 or not any(
        p.start_char < passage.start_char < p.end_char + PARAGRAPH_BREAK for p in passages
    )


def _names_someone(sentence: str) -> bool:
    """Whether a sentence names someone or something: a word opening it in a verb's -ing form with what is done to
    follow is none ("Soaking the gels for weeks made the difference"); "Boeing is", "Reading won" are names."""
    opening = GERUND_OPENING.match(sentence)
    return any(not (opening and name == opening.group("word")) for name in names_in(sentence))


# a sentence opening with a verb's -ing form and its object: "Soaking the gels ...", "Adding the salt ..."
GERUND_OPENING = re.compile(
    r"^\W*(?P<word>[A-Z][a-z]+ing)\s+(?:the|a|an|his|her|their|its|this|that|these|those|it|them|up|out)\b"
)


def _with_neighbours(
    sentence: ScoredSentence,
    by_end: dict[tuple[str, int], ScoredSentence],
    by_start: dict[tuple[str, int], ScoredSentence],
) -> str:
    """A sentence's text with the ones right before and after it in its article."""
    before = adjacent(by_end, sentence.evidence.doc_id, sentence.evidence.start_char, -1)
    after = _next_sentence(sentence, by_start)
    return " ".join(c.evidence.quote for c in (before, sentence, after) if c is not None)


@lru_cache(maxsize=1024)
def claim_phrases(clause: str) -> frozenset[tuple[str, str]]:
    """The phrases of a clause (`stem_pairs`) that tell what it claims: not those of a name it writes ("led the
    $22M round for Simply Homes": "Simply Homes" is in every sentence on the story, "led" and "round" are not)."""
    named = {stem(w) for name in names_in(clause) for w in words(name)}
    return frozenset(pair for pair in stem_pairs(clause) if not set(pair) <= named)


def _byline(retrieval: Retrieval, every: Sequence[ScoredSentence], best: ScoredSentence) -> ExtractiveResult:
    """Who wrote the article that answers best: its author, as the corpus records it, cited where the
    article writes the name (a byline, a signature) or else by its best sentence; declined, saying
    so, when the article names no author."""
    doc = best.evidence.doc_id
    passage = next(p for p in retrieval.passages if p.doc_id == doc)
    if not passage.author:
        unsigned = f"The article that answers best, “{passage.title}”, names no author."
        return ExtractiveResult([], best.score, declined=unsigned)
    signed = [c for c in every if c.evidence.doc_id == doc and _writes(c, passage.author)]
    holding = (signed or [best])[0]
    author = Candidate(passage.author, best.score, [holding.evidence], article_scores={doc: best.score})
    return ExtractiveResult([best], best.score, entity=author, opening=f"{passage.author} wrote “{passage.title}”.")


def _writes(candidate: ScoredSentence, name: str) -> bool:
    """Whether a sentence writes a name (its last word will do: "Koizumi")."""
    return re.search(rf"\b{re.escape(name.split()[-1])}\b", candidate.evidence.quote) is not None


def _in_reading_order(chosen: Sequence[ScoredSentence], lead: ScoredSentence | None = None) -> list[ScoredSentence]:
    """The lead sentence first ("The Steam Deck OLED will be available to order on November 16th", not the price
    lines above it), then article by article (the lead's first, else the best's), each in reading order."""
    leading = [lead] if lead is not None else []
    article_rank = {doc: i for i, doc in enumerate(dict.fromkeys(c.evidence.doc_id for c in [*leading, *chosen]))}
    # ... a lead pointing back ("He has been with the company for more than 20 years") after the sentence right before
    # it, when chosen ("This time it's Boston Dynamics CTO, Aaron Saunders.")
    first = lead
    if lead is not None and POINTS_BACK_TO_SOMEONE.match(lead.evidence.quote):
        ending = {(c.evidence.doc_id, c.evidence.end_char): c for c in chosen}
        first = adjacent(ending, lead.evidence.doc_id, lead.evidence.start_char, -1) or lead
    return sorted(
        chosen,
        key=lambda c: (
            c is not first and c is not lead,
            c is not first,
            article_rank[c.evidence.doc_id],
            c.evidence.start_char,
        ),
    )


def _name_pattern(entity: Candidate) -> re.Pattern[str]:
    """The entity's name as articles write it, or its last word ("Bankman-Fried")."""
    return re.compile(rf"\b{re.escape(entity.name.split()[-1])}\b")


def _names_another(sentence: str, question: str, entity: Candidate) -> bool:
    """Whether a sentence names someone or something besides the entity and what the question names: "Regulators
    fined Brightwell Cranes over a fire safety breach" is about Brightwell Cranes, whatever it says."""
    pattern = _name_pattern(entity)
    asked = fold(question)
    return any(fold(name) not in asked and not pattern.search(name) for name in names_in(sentence))


def _articles_naming(entity: Candidate, retrieval: Retrieval) -> set[str]:
    """The articles whose retrieved passages write the entity's name (or its last word: "Bankman-Fried")."""
    pattern = _name_pattern(entity)
    return entity.articles | {p.doc_id for p in retrieval.passages if pattern.search(p.text)}


def _citing(entity: Candidate, cited: AbstractSet[str]) -> list[Evidence]:
    """The sentences cited for an entity answer: its best one in the articles the answer cites
    (`cited`; of all, when none of them names it), and its best in each other article the answer
    cites that answers well enough; an article naming it in passing, that nothing else in the
    answer cites, is not cited for it."""
    every = _one_per_article(entity.evidence)
    holding = every[:ENTITY_CITATIONS]
    if not holding:
        return []
    if holding[0].doc_id not in cited:  # the articles the answer cites that name it come first
        in_answer = [e for e in every if e.doc_id in cited]
        holding = (in_answer + [e for e in holding if e not in in_answer])[:ENTITY_CITATIONS]
    top = entity.article_scores.get(holding[0].doc_id, 0.0)
    return holding[:1] + [
        e for e in holding[1:] if e.doc_id in cited and entity.article_scores.get(e.doc_id, 0.0) >= ENTITY_RATIO * top
    ]


def _one_per_article(evidence: Sequence[Evidence]) -> list[Evidence]:
    """The first piece of evidence from each article, in order."""
    first: dict[str, Evidence] = {}
    for item in evidence:
        first.setdefault(item.doc_id, item)
    return list(first.values())
