"""Who says what: attributed statements in an article, with speakers, roles and offsets.

Found by patterns of news writing:
- direct quotes, possibly over several sentences or split by the attribution
  ("“Japan and NATO,” says Yu Koizumi, senior fellow at ..., “have different ...”"),
  attributed before, inside or after the quote;
- reported speech: "X said (that)", "says X", "according to X", "X noted", "as X points
  out", "in his opinion", "explained by experts";
- speakers named once and referred to later: a surname ("Hayashi"), a description
  ("the minister", "the North Korean expert") or a pronoun ("he").
Everything else is the article's own voice, attributed to its author (or source).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rag.entities import PERSON_NOUNS, past_form, person_like
from rag.entities import TITLES as TITLE_NOUNS
from rag.lexicon import FUNCTION_WORDS, GRAMMAR_WORDS, stem, words
from rag.sentences import Span, split_sentences
from rag.word_frequency import zipf_frequency

# v5: a quotation left open at a paragraph's end goes on in the next; v6: "insists", "admitted", "urged" ... say,
# straight quotes are quotations, and "he said" after a person brought in speaking is that person; v7: the person
# a longer mention names ("Phoenix coach Mike Kelly", "Kelce addressed ..., saying"); v8: organisations and a
# sentence's opening -ing word are no person; v9: "she said" is someone "she" can stand for; v10: one name with
# who they are ("Bree, another Kick streamer,") is a person; v11: the roles are the project's nouns for people
# v12: a person named after a role phrase in lower case ("president of global affairs Kent Walker"); a clause
# opening a sentence is no speaker; v13: a description with "a" or "an" after a name (a person's, or a body's:
# "The Harbour Board, a body of twelve, said") is who speaks; v16: a body named by a common noun in lower case
# ("the company said") is marked generic: another one in each article; v17: who speaks is the subject a mention
# ends with ("In a statement posted online, Asghari", "In fact, he"), without a modifier before the name
# ("Virginia-based Keeley", "Radiologist Bhavik Patel"); a name the article writes as a speaker's surname
# alone ("Gary Wang" ... "Wang testified") is a person's; v18: names with accented letters ("Fabien Galthié"),
# and a surname alone after its verb ("..., said Baker."); v19: a quotation ending its sentence keeps the name
# and description after it ("“...” Ada Lin, the port's director, said"); v20: "he said" after a paragraph turned to
# another person is theirs ("For Kieran Crowley, Galthié’s opposite number, ... “...,” he said."); v21: only a name
# opening a sentence as its subject or topic, met before the quotation, not contradicted by the pronoun, not the
# one the quotation names or speaks of; v22: "they said" is no one person's, and a clause before a comma ("The Jays
# aren’t broadcasting ...") is no speaker; v23: v21's pronoun check reads the pronouns after a name as `fits` does
# (up to the next person named); v24: a sentence adverb or preposition opening a sentence is no first name
# ("Despite Meta’s efforts", "Perhaps Cruise execs"); v25: "Even" and "Oh" stay names (Even Pellerud, Oh Se-hoon);
# v26: names with a capital after a prefix ("Carolyn O’Hara", "Mike McDaniel", "Dom DiSandro") are people's names,
# the words after a title and "of" are what the title is of ("Secretary of State Antony Blinken"), and a capitalised
# verb of saying ends a name ("Credit: Hugh Stewart Says McDonald"); v27: in an interview, the quotation opening the
# paragraph after one that is only the interviewer's question is the answer of the person the article names most;
# v28: a quotation whose attribution after it ends the sentence (“...,” Calder said.) goes on into no quotation
# that a sentence of its own brings in with a verb of saying (Commuter Tom Reyes said: “...”); v29: a body's name must
# read as one (`names_a_speaker`: no clause or fragment, "Altman’s firing", "Much of", nor two at once, "The Verge and
# The New York Times"); a subject follows an aside set off by dashes and comes before a perfect's "has"; a quotation
# whose sentence goes on (“...” generative AI, said analyst Arun Chandrasekaran) is the person named after the verb;
# "he said" is the speaker nearest before it in the text; "Altman" alone is the Altman met first, and "Sam Altman"
# no shorter form of "Jack Altman"; v30: a heading ending with its verb of saying is no statement ("Unconfirmed Inter
# Miami preseason fixtures reported"), an opening past participle no part of a name ("Unconfirmed", "Respected"); a
# body's statement or spokesperson is the body ("an emailed Microsoft statement", "a Google spokesperson"); a name in
# apposition to a description speaks ("OpenAI’s key business partner, Microsoft, which ..., said"); a surname alone is
# the one person speaker named in full ("Wang": Gary Wang), a title right before a name makes it a person's ("CTO Gary
# Wang", "coach Ian Foster"), a clause after "and" names its own speaker ("..., and Google says"), and an apostrophe
# inside a word is part of a name ("Dalton Papali’i"); v31: a title runs up to its last noun, and the person's name
# comes after it ("Chief Soccer Officer Dana Holt", "Atlanta Fed President Raphael Bostic"), so a run ending with that
# noun is a title alone, no name ("Chief Soccer Officer and Sporting Director Chris Henderson"); a title anywhere
# before a name makes it a person's; the words after a verb of saying that end with a title are who the person is,
# the name after the comma who speaks ("added Inter Miami CF Co-Owner, David Beckham"); "Del" is a name's prefix
# ("DelBianco"); v32: "tweeted" and "posted on X" (or another network) say what follows or went before, and a first
# name and surname of ordinary words brought in with a person's role are a person ("Justin Thomas, a fifteen-time
# winner on the Tour,"); v33: how someone described or called something is their statement, in quotation marks or
# after "as" ("He described the deduction as both disproportionate and unjust."); v34: more verbs of saying, those
# English uses for little else ("mused", "quipped", "joked", "replied", "commented"; not "comments", "remarks" or
# "reflects", nouns or verbs of things as often); v35: "opined", a quotation after a sentence whose subject is set off
# by an aside ("Fed Chair Jerome Powell, who sat to her right, signaled ...") is the subject's, "Chair" a title's noun;
# v36: "He went on, “...”", "She continued: “...”" bring in a quotation; an interview the article says it edited ("This
# interview has been lightly edited for brevity") is the interviewee's answers between the interviewer's questions,
# in quotation marks or not; a quotation signed with a dash ("“...” — Don McLean to Fox News Digital") is the signer's;
# v37: that note is a sentence of its own ("... in an interview that was later edited for broadcast" is none), two
# questions of the interviewer's at least follow it, a section's label ("RELATED:") is no speaker's, "Q:"/"A:" are the
# interviewer's and the interviewee's, "You know, ..." opens an answer; "went on" is said of a person only ("The list
# goes on: “...”" is no one's); a dash signs only a quotation ending a sentence (not a title, "“...” — Olivia Rodrigo")
# v40: "he said" after a quotation is the one person the sentence right before it, on its line, opens with and names
# alone ("Levy does not accept this explanation. “It's true ...,” he says."), not one named in the paragraphs before
ATTRIBUTION_VERSION = "attribution-v40"

VERBS = (
    r"said|says|saying|noted|notes|added|adds|stated|believes|believe|believed|cited|cites|"
    r"warned|warns|argued|argues|told|reported|explained|explains|claimed|wrote|writes|"
    r"points out|pointed out|stressed|stresses|emphasized|emphasised|insisted|insists|announced|declared|"
    r"admitted|admits|conceded|concedes|maintained|maintains|urged|urges|testified|recalled|recalls|"
    r"predicted|predicts|complained|complains|acknowledged|acknowledges|tweeted|"
    r"mused|muses|quipped|quips|joked|remarked|replied|commented|reiterated|asserted|contended|countered|lamented|"
    r"opined|opines|"
    r"posted on (?:X|Twitter|Instagram|Facebook|Threads|LinkedIn|Bluesky|social media)"
)
SAYING = re.compile(rf"\b(?:{VERBS})\b")  # a verb of saying
# a name followed by a verb of saying: "Jon Medved believes", "Ada Lin, the port's director, said"
SPEAKS_AFTER = re.compile(rf"(?:,[^,.“”«»]{{1,80}},)?\s+(?:{VERBS})\b")
STRAIGHT_QUOTE = re.compile('"')  # read as the curly mark it stands for (`curled`)
OPENERS = "“«"
CLOSERS = "”»"
TITLES = (
    "Prime Minister|Foreign Minister|Defense Minister|Defence Minister|Minister|President|Chancellor|"
    "Secretary General|Secretary-General|Secretary|Ambassador|General|Admiral|Professor|Prof\\.|Dr\\.|Senator|"
    "Governor|Mayor|Spokesman|Spokeswoman|Chairman|Director"
)
# letters of names, accented ones too ("Fabien Galthié", "Thomas Müller", "Łukasz"): a capital, then small letters
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
LOWER = "a-zß-öø-ÿāăąćčďđēėęěğģīįıķĺļľłńņňōőœŕřśşšţťūůűųźżž"
# a prefix after which a name writes a capital again ("O’Hara", "D’Angelo", "McCaffrey", "MacKenzie", "DiSandro",
# "DeVito", "DelBianco", "LaPorta", "LeCun")
NAME_PREFIX = r"(?:O['’]|D['’]|Mc|Mac|Fitz|D[aeiu]|Del|L[ae])"
# a word of a name: a capital, then small letters, perhaps on after an apostrophe that marks no possessive or
# contraction ("Papali’i", "Taukei’aho"; not "Altman’s", "Isn’t")
NAME_WORD = rf"{NAME_PREFIX}?[{UPPER}][{LOWER}]+(?:['’](?!(?:s|t|d|ll|re|ve|m)\b)[{LOWER}]+)?"
NAME = rf"{NAME_WORD}(?:-[{LOWER}]+)?(?:[ -]{NAME_WORD}(?:-[{LOWER}]+)?){{1,5}}"
# what an article writes of an interview it prints: "This interview has been lightly edited for brevity and clarity.",
# "The following conversation has been condensed", "Here's a Q&A with King, which has been edited"
# (a sentence of its own, of the piece itself: not "... in an interview that was later edited for broadcast")
INTERVIEW_NOTE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:This|The\s+following|Our|The|Here['’]s\s+an?|Below\s+is\s+an?)\s+"
    r"(?:(?:lightly\s+)?(?:edited\s+)?(?:[\w-]+\s+){0,2})?(?:interviews?|conversations?|transcripts?|Q&As?|exchanges?|"
    r"responses)\b[^.\n]{0,60}?\b(?:has|have|was|were|is|are)?\s*(?:been\s+)?(?:lightly\s+|slightly\s+)?"
    r"(?:edited|condensed|abridged)\b",
    re.IGNORECASE | re.MULTILINE,
)
INTERVIEW_TURNS = 2  # questions of the interviewer's after the note, at least, for the article to be an interview
# the interviewer's paragraph: one ending with a question, or asking one of "you" ("Let's talk about aging up the
# platform. So you have been making this big push ... How's it going? Actually, I made a new account.")
ASKED_PARAGRAPH = re.compile(r"\?\s*$")
ASKS_YOU = re.compile(r"\?(?:\s|$)")
YOU = re.compile(r"\b(?:you|your|you['’]ve|you['’]re)\b", re.IGNORECASE)
# an interviewer's prompt opening on what the interviewee did or is ("You’ve said the King-Riggs match was about ..."),
# not an answer opening "You know, ..."
TO_YOU = re.compile(
    r"^You(?:['’]ve|['’]re|\s+(?:have|had|are|were|said|told|wrote|mentioned|talked|spoke|recently|once|often|"
    r"famously|previously))\b"
)
# "KING: We started the WTA ...", "AP: ...", "DB: ...", "Q: ...": a label of capitals, or a name ("David Baszucki:");
# not a section's ("RELATED:", "READ MORE:", "Photo:", "Editor's note:")
SPEAKER_LABEL = re.compile(r"^((?-i:[A-Z]{1,12})(?:\s(?-i:[A-Z]{2,12})){0,2}|[A-Z][a-z]+(?:\s[A-Z][\w'’-]+){1,2}):\s")
NOT_SPEAKERS = frozenset(
    "related read more photo photos video watch update updates note editor's editor source".split()
)
ANSWER_LABELS = frozenset({"a", "answer"})  # "A: Nothing." ("Q: ..." is another's label: the interviewer's)
# a paragraph that is a question alone and no quotation, right before a quotation opening the next paragraph
INTERVIEW_QUESTION = re.compile(r"(?:^|\n)[^\n“”\"!?]{5,200}\?[ \t]*\n\s*$")
TITLE_BEFORE_CHARS = 20  # more than the longest of them, "co-founder "
TITLE_OF = re.compile(r"(?<![\w-])([\w-]+)\s+of\s+$")  # "... Director of ": a title, then what it is of
TITLE_OF_CHARS = 40
TITLE_WORDS = frozenset(
    "prime foreign defense defence minister president chancellor secretary general ambassador admiral professor "
    "senator governor mayor spokesman spokeswoman chairman director current former deputy vice leading senior "
    "senate majority minority leader coach manager captain judge justice chief executive ceo cto cfo founder "
    "co-founder cofounder".split()
)
# a title's noun right before a name, as an acronym or in lower case ("CTO Gary Wang", "former CEO Caroline Ellison",
# "coach Mike Kelly"); not an adjective ("the former Goldman Sachs")
TITLE_ADJECTIVES = frozenset(
    "prime foreign defense defence general current former deputy vice leading senior senate majority minority chief "
    "executive".split()
)
TITLE_ACRONYMS = frozenset("ceo cto cfo coo".split())
# the nouns a title ends with, and no one's name does ("Chief Soccer Officer", "Atlanta Fed President", "Club
# Co-Owner"): the title runs up to them, and the person's name comes after; not "Judge", "King", "Head", "Coach",
# which are people's names too (Mike Judge, Stephen King, Travis Head)
TITLE_HEADS = frozenset(
    "officer director owner president chair chairman chairwoman manager secretary minister executive founder cofounder "
    "ceo cto cfo coo spokesperson spokesman spokeswoman commissioner governor".split()
)
TITLE_BEFORE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(
        sorted(
            w.upper() if w in TITLE_ACRONYMS else re.escape(w)
            for w in (TITLE_WORDS - TITLE_ADJECTIVES) | TITLE_ACRONYMS
        )
    )
    + r")\s+$"
)
ADVERB_BASE = 3.0  # an adverb's word without its -ly is at least this common (Zipf): "repeated", "public"
PARTICIPLE_VERB = 4.0  # "Following", "Echoing": the verb without its -ing is a common word (Zipf)
NATIONALITY = re.compile(r"(ese|ian|an|ish|ch|i)$")
NOT_PERSON = frozenset(
    """university institute center centre society forces force ocean sea alliance council party agency ministry
    army navy pact summit organization organisation republic kingdom union region war world east west north south
    pacific atlantic europe asia japan china russia korea america states nations group program programme
    self-defense corporation committee government parliament congress bank fund media news agency times post
    capital ventures venture partners holdings research labs technologies studios records entertainment network
    foundation association federation league club stadium arena school college hospital airport inc ltd llc
    corp""".split()
)
# Head nouns of descriptions that stand for a person named earlier ("the minister said").
DESCRIPTIONS = frozenset(
    "minister author expert president official analyst diplomat spokesman spokeswoman journalist scholar "
    "professor leader chancellor ambassador premier employee fellow researcher member head chief mayor "
    "governor chair chairman chairwoman spokesperson secretary senator".split()
)
# the roles written before a person's name ("Phoenix coach Mike Kelly", "Magpies ruck Sabrina Frederick"): the
# project's nouns for people and titles, and positions and posts written so in reports
ROLES = (
    DESCRIPTIONS
    | PERSON_NOUNS
    | TITLE_NOUNS
    | frozenset(
        "captain keeper ruck forward guard centre center teammate veteran boss owner partner officer commissioner "
        "strategist adviser advisor consultant".split()
    )
)
# a role written in lower case with what it is of, before a name: "president of global affairs Kent Walker"
ROLE_PHRASE = re.compile(
    rf"\b((?:{'|'.join(sorted(ROLES, key=len, reverse=True))})\s+(?:of|for)(?:\s+[a-z][\w-]*){{1,3}})\s*$"
)
# who a person is, written after their name ("Bree, another Kick streamer,"): nouns only people are, so
# "Binance, an early investor," is none
PERSON_ROLES = (
    PERSON_NOUNS
    | frozenset(
        "captain keeper veteran strategist creator resident neighbour neighbor student nurse patient voter mother "
        "father son daughter wife husband friend colleague youtuber gamer".split()
    )
) - frozenset("investor leader figure player executive manager director chief head star entity".split())
# one capitalised name and an appositive saying who they are: "Bree, another Kick streamer,"
ONE_NAME_INTRODUCED = re.compile(
    rf"(?<!\S)(?P<name>{NAME_PREFIX}?[{UPPER}][{LOWER}]{{2,}}),\s+(?:a|an|another|the)\s+(?P<who>[^,.“”]{{2,60}}?),"
)
# a first name and a surname brought in with who they are, whatever the words ("Justin Thomas, a fifteen-time winner
# on the Tour who is also ...,"): a person when a word opening the description is a person's role
NAME_INTRODUCED = re.compile(
    rf"(?<![\w'’-])(?P<name>[{UPPER}][{LOWER}]+\s+{NAME_PREFIX}?[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?),\s+"
    r"(?:a|an|another|the)\s+(?P<who>(?:[\w’'-]+\s+){0,2}[\w’'-]+)"
)
INTRODUCING_ROLES = frozenset({"winner", "champion"})  # a person's, though no project noun for people
# ... whose first word is rarer than this in English: "Justin", not "Big Ten", "The Independent"
FIRST_NAME_RARITY = 5.0
APPOSITIVE = re.compile(r"(?:an?|another|one\s+of)\s", re.IGNORECASE)  # "a member of the Green Party"
NAME_THEN_COMMA = re.compile(r"[A-Z][\w'’.-]*,\s*$")  # what an appositive follows: "Per Nygaard, "
# words that make a sentence's opening a clause, not a name: "And being default was not determinative, he said"
CLAUSE_WORDS = frozenset("is was were are be being been has have had not will would can could should".split())
# subjects that name no one: "so I said", "some said", "as we reported"
UNNAMED = frozenset("i we you one some many others all everyone someone nobody as".split())
# What a speaker's words come in: "according to the government's plan".
DOCUMENTS = "plan|plans|report|reports|view|views|statement|words|opinion|position|data|estimate|estimates|figures"
# a body's statement or spokesperson, the body's name before it as a modifier, perhaps after words in lower case
# ("emailed Microsoft statement", "Google spokesperson", "joint Microsoft and OpenAI statement" is two and no match)
BODY_VOICE = re.compile(
    rf"(?:[a-z][\w-]*\s+){{0,2}}(?P<body>[{UPPER}][\w&.’'-]*(?:\s+[{UPPER}][\w&.’'-]*){{0,3}})\s+"
    r"(?:statements?|spokesperson|spokesman|spokeswoman|spokespeople|representatives?|(?:press\s+|news\s+)?release)"
)
FILLERS = frozenset(
    "have has had are is was were will would also already openly then now again too always never even just quite "
    "only still once later".split()
)
# after a role written in lower case ("Team captain Hewitt", "Magpies ruck Sabrina Frederick", "CTO Omar Ramadan"):
# a name, unless the word before is a function word ("Data from CME Group", "strategists at Bank of America")
NAMED_AFTER_ROLE = re.compile(
    r"(?:^|\s)(?:[a-z][\w-]*|CEO|CTO|CFO|COO)\s+"
    rf"(?P<name>{NAME_WORD}(?:-[{UPPER}]?[{LOWER}]+)?(?:\s+{NAME_WORD}(?:-[{UPPER}]?[{LOWER}]+)?){{0,2}})$"
)
# kinds of body whose name follows them ("venture fund Seven Seven Six", "the hard-right Freedom Caucus")
BODIES = frozenset(
    "fund firm company startup bank group caucus party exchange agency studio label publisher lab foundation "
    "charity council committee club team league network union association institute university".split()
)
DETERMINERS = frozenset("the a an its their his her our".split())
ROLE_PHRASE_WORDS = 4  # "president of global affairs Kent Walker": the words a role's phrase runs to before the name
ROLE_NAME_RARITY = 4.0  # a one-word name after a role is rarer than this (Zipf) as an English word: "Hewitt"
# a name and what it did or said ("Kelce addressed Swift's attendance on his podcast", "Klopp on the demands
# of his job"): the name speaks, unless it is joined to what follows ("Bank of America", "Smith and Jones")
NAME_THEN_WORDS = re.compile(rf"(?P<name>{NAME_WORD}(?:-[{UPPER}]?[{LOWER}]+)?)\s+(?!(?:of|and|de|van|von)\b)[a-z]")
STOP = frozenset("the of a an and in on at to for by with from as".split())
# words no subject opens with, which a mention before a verb of saying may: "And as Schefter", "But coach Matt
# LaFleur", "When asked for comment, she"
NO_SUBJECT_OPENS = frozenset(
    "and but or so yet as if when while though although because since after before until once then in on at "
    "with for from by to of also still meanwhile however indeed now like even just oh well yes overall instead "
    "essentially ultimately later earlier today again".split()
)
# Words that open a sentence, written with a capital there, and no first name: "But Laird said" is Laird,
# "Perhaps Cruise execs" no one, "Despite Meta’s efforts" no one. "Will", "May", "Even" (Even Pellerud) are first
# names too and "Oh" a surname (Oh Se-hoon), and stay.
SENTENCE_OPENERS = (
    FUNCTION_WORDS
    | NO_SUBJECT_OPENS
    | frozenset(
        "added despite perhaps maybe among another anyone beyond unlike besides whether thus hence otherwise "
        "likewise nonetheless nevertheless moreover furthermore additionally eventually apparently clearly certainly "
        "obviously".split()
    )
) - {"will", "may", "even", "oh"}
SUBJECT_PRONOUNS = frozenset("he she they".split())
NAME_SUFFIXES = frozenset("Jr Sr II III IV".split())
NO_ONES_PRONOUNS = frozenset("i we you".split())  # "Dan and I said": a speaker no reader could name
# a modifier written before a name and no part of it: a compound whose last part is in lower case ("Virginia-based
# Keeley", "Los Angeles-based Cameroonian"); and, before a name of two words or more, a capitalised noun of what
# someone does ("Radiologist Bhavik Patel", "Historian Robert Lacey"): one of the roles, or a noun of a science
COMPOUND_MODIFIER = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)+")
AGENT_NOUN = re.compile(r"[a-z]{3,}(?:ist|grapher|ician|weight)")
SHORT_LINE = 40  # characters of a line between a speaker's quoted paragraphs that is no part of the article's prose


def _keywords(text: str) -> set[str]:
    """Stems of the words of `text`, but for a handful of particles."""
    return {stem(w) for w in words(text) if w not in STOP and len(w) > 2}


PRONOUN_SETS = {"he": frozenset("he him his himself".split()), "she": frozenset("she her hers herself".split())}
TOPIC_WORDS = 3  # words before a name at the opening of a sentence ("For Kieran Crowley", "Italy coach Kieran Crowley")
PRONOUN_WINDOW = 200  # characters after a name in which a pronoun tells whether "he" or "she" stands for them
PRONOUN = re.compile(r"^(he|she|they|him|her|his)$", re.IGNORECASE)


@dataclass
class Speaker:
    """A person or body that makes statements in the corpus."""

    name: str
    role: str = ""
    affiliation: str = ""
    kind: str = "person"  # person | group | article
    # named by a common noun the text writes in lower case ("the company said", "police said"): another body in
    # each article, not one speaker across the corpus
    generic: bool = False


@dataclass(frozen=True)
class Statement:
    """A span of an article said by one speaker."""

    start: int
    end: int
    speaker: str
    kind: str  # quote | reported | author


@dataclass
class Attribution:
    """An article's statements and the speakers they name."""

    statements: list[Statement] = field(default_factory=list)
    speakers: dict[str, Speaker] = field(default_factory=dict)


# the grammar words a speaker's name or description may hold: what joins a body's name ("Bank of America") or
# says whose or where someone is ("Her father", "People close to him", "Researchers at Imperial College")
NAME_GRAMMAR = frozenset("the a an of for at in on with from to by his her its their our him them".split())
# words that stand for a noun without one: "One said", "Another wrote", "Someone else said" names no speaker
NOUNLESS = frozenset("one another first second third others someone somebody something nothing much".split())
COUNTING = frozenset("one another first second third".split())  # open a description too: "One source", "Another fan"
OBJECTS = frozenset("him her them".split())  # end a description: "People close to him"
CONTRACTION = re.compile(r"[’'](?:ve|ll|d|m|re)$|n[’']t$", re.IGNORECASE)  # "You’ve", "She’d", "isn’t"
NO_NAME_MARKS = re.compile(r"[:;?!\[\]“”\"—–]|\s-\s")  # "Note: All", "— More on mobile", "[I"
_NO_NOUN = NOUNLESS | GRAMMAR_WORDS  # a name of these words alone names no one
_NO_OPENING = SENTENCE_OPENERS - NAME_GRAMMAR - COUNTING  # "Perhaps most"
_NO_ENDING = GRAMMAR_WORDS - OBJECTS  # "Much of"
_CLAUSE_WORDS = GRAMMAR_WORDS - NAME_GRAMMAR  # in lower case, a clause's: "Mitchell may be"


@lru_cache(maxsize=65536)  # every statement of every article is checked when speakers are listed, on each rerun
def names_a_speaker(name: str) -> bool:
    """Whether a speaker's name reads as the name or description of someone or some body, not the words of a
    clause or a fragment of one a mention may be cut to ("Altman’s firing", "Much of", "FTX lawyers filed suit
    against ...", "Were found at the residence"), nor two speakers at once ("The Verge and The New York Times").

    Read from the name alone, so that it holds for the names of a store attributed before it was written."""
    if NO_NAME_MARKS.search(name):
        return False
    tokens = [w.strip(",.()") for w in name.split()]
    tokens = [w for w in tokens if w]
    folded = [w.lower() for w in tokens]
    if not folded or all(w in _NO_NOUN for w in folded):
        return False
    if folded[0] in _NO_OPENING or folded[-1] in _NO_ENDING:
        return False
    # a pronoun, an auxiliary, a conjunction in lower case: a clause ("Mitchell may be", "You’ve"), or two names; a
    # capitalised one past the opening is a name's ("Will Brandt", "Even Pellerud")
    if any(
        (word[:1].islower() and fold in _CLAUSE_WORDS) or CONTRACTION.search(fold)
        for word, fold in zip(tokens, folded, strict=True)
    ):
        return False
    # a verb's -ing form alone or before its object, or after an owner, is what someone did, not who speaks
    # ("Including", "Speaking to the crowd", "Altman’s firing"); before a noun it says who ("Leading LDPJ politicians")
    opening_deed = _participle(tokens[0].title()) and (len(tokens) == 1 or folded[1] in GRAMMAR_WORDS)
    if opening_deed or (
        len(tokens) > 1
        and re.search(r"[’']s?$", tokens[-2])
        and tokens[-1].islower()
        and _participle(tokens[-1].title())
    ):
        return False
    # a verb's past form after a word in lower case is a clause ("FTX lawyers filed suit"), not an adjective
    # before a noun ("Unnamed sources", "a concerned parent")
    return not any(
        past_form(word) and tokens[i - 1].islower() and folded[i - 1] not in NAME_GRAMMAR
        for i, word in enumerate(tokens[1:], start=1)
        if word.islower()
    )


def _name_ending(text: str) -> str:
    """The run of capitalised words `text` ends with ("The Harbour Board", which `resolve` reads as the
    Harbour Board); '' when none."""
    runs = [m for m in re.finditer(NAME, text) if m.end() == len(text)]
    return runs[-1].group() if runs else ""


def _role_phrase(before: Sequence[str]) -> bool:
    """Whether the words before a name end in a role phrase written in lower case, the role first and up to
    `ROLE_PHRASE_WORDS` words of what it is of ("president of global affairs Kent Walker"). Not when those words
    name a kind of body the name is then the name of ("founder of venture fund Seven Seven Six", "managing director
    of the hedge fund Third Point")."""
    if not before or before[-1].lower() in BODIES:
        return False
    phrase: list[str] = []
    for word in reversed(before):
        folded = word.lower()
        if not word[:1].islower() or folded in DETERMINERS or len(phrase) > ROLE_PHRASE_WORDS:
            return False
        phrase.insert(0, folded)
        if folded in ROLES and len(phrase) > 1 and phrase[1] in ("of", "for"):
            return True
    return False


def _is_person(name: str) -> bool:
    words = [w.lower() for w in re.split(r"[ -]", name)]
    if any(w in NOT_PERSON for w in words):
        return False
    return any(zipf_frequency(w) < 3.2 for w in words)


def _speaking_alone(text: str) -> set[str]:
    """The capitalised words a text writes alone as a speaker, right before a verb of saying ("Wang testified",
    not "Goldman Sachs said") or right after one ("..., says Andrews, now 29", not "said Morgan Stanley"): the
    surnames of people, as no body's name is written. One pass over the text."""
    word = rf"{NAME_PREFIX}?[{UPPER}][{LOWER}'’]*(?:-[{UPPER}]?[{LOWER}'’]+)*"  # "Wang", "Bankman-Fried", "McDaniel"
    before = {
        m.group("word")
        for m in re.finditer(rf"(?<![\w'’-])(?P<word>{word})\s+(?:{VERBS})\b", text)
        if not re.search(rf"{word}\s+$", text[max(0, m.start() - 40) : m.start()])
    }
    after = {
        m.group("word") for m in re.finditer(rf"\b(?:{VERBS})\s+(?P<word>{word})(?![\w'’-])(?!\s+[{UPPER}])", text)
    }
    return before | after


def _surname(name: str) -> str:
    """A person's last name: "Prinze" of "Freddie Prinze Jr"."""
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(".") in NAME_SUFFIXES:
        words.pop()
    return words[-1]


def _plain_name(name: str) -> bool:
    """Whether a name has none of the words of a body's name ("Morgan Stanley" has not; "Federal Reserve" has)."""
    return _no_organisation(name) and not any(w.lower() in NOT_PERSON for w in re.split(r"[ -]", name)[:-1])


def _no_organisation(name: str) -> bool:
    """Whether a name does not end as an organisation's does ("Sydney University"; "Brian West" is a person)."""
    last = re.split(r"[ -]", name.lower())[-1]
    return last not in NOT_PERSON or last in {"east", "west", "north", "south"}


def _says_nothing(mention: str) -> bool:
    """Whether a mention is a subject no reader could name ("I", "so we", "some", "As"), not a word between
    a name and its verb ("Anthropic, in its submission, also argued", "Tina Brown, who wrote ..., claimed")."""
    said = [w.lower() for w in re.findall(r"[\w’']+", mention)]
    return all(w in GRAMMAR_WORDS | FILLERS for w in said) and any(w in UNNAMED for w in said)


def _rare_name(word: str) -> bool:
    """Whether one capitalised word is rare enough as an English word to be a name ("Hewitt", not "Singer")."""
    return bool(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?", word)) and all(
        zipf_frequency(w) < ROLE_NAME_RARITY and w not in NOT_PERSON for w in word.lower().split("-")
    )


def _title_head(word: str) -> bool:
    """Whether a word is the noun a title ends with (one of `TITLE_HEADS`), read by its last part when
    hyphenated ("Co-Owner", "Vice-President")."""
    return word.strip(",.").lower().split("-")[-1] in TITLE_HEADS


def _strip_titles(name: str) -> str:
    """ "Prime Minister Fumio Kishida" -> "Fumio Kishida", "But Sam Altman" -> "Sam Altman"; "" when only
    titles (or a sentence's opening word) remain or one word is left. A title with a body's name or a field in it
    runs up to its last noun ("Chief Soccer Officer Dana Holt", "Harbour Board President Dana Holt": Dana Holt),
    and a run that ends with that noun is a title alone ("Chief Soccer Officer" before "and Sporting Director
    Dana Holt")."""
    words = _without_modifiers(name).split()
    heads = [i for i, word in enumerate(words) if _title_head(word)]
    if heads:
        words = words[heads[-1] + 1 :]
    while words and (
        words[0].lower() in TITLE_WORDS
        or words[0].lower() in SENTENCE_OPENERS
        or _participle(words[0])
        or _participle_adjective(words[0])
        # before a name of two words or more: "Japanese Prime Minister Fumio Kishida", "Radiologist Bhavik Patel"
        # ("Brian Chesky", "Dean Holt": a first name may end as an adjective of origin does)
        or (
            len(words) > 2
            and ((NATIONALITY.search(words[0]) and zipf_frequency(words[0].lower()) >= 4) or _role_noun(words[0]))
        )
    ):
        words.pop(0)
    return " ".join(words) if len(words) >= 2 else ""


def _interviewee(article: _Article, text: str, at: int) -> str | None:
    """Who an interview's answers (from `at`) are (`_interviewee_named`), registered as a speaker."""
    chosen = _interviewee_named(article, text, at)
    return article.register(*chosen) if chosen is not None else None


def _interviewee_named(article: _Article, text: str, at: int, body_start: int | None = None) -> tuple[str, int] | None:
    """Who an interview's answers (from `at`) are, and where they are first named: of the people the article has named
    before, the one whose surname it writes most often (the first of those named as often): whom the article is about,
    not a journalist quoted in its introduction. With `body_start`, the names its introduction writes count too, though
    nothing names them a person ("Tim Sweeney finally has a win.")."""
    first: dict[str, int] = {}
    for offset, name in article.people:
        if offset < at:
            first.setdefault(name, offset)
    if body_start is not None:
        for match in re.finditer(NAME, text[body_start:at]):
            name = _run_name(match)
            if name and _plain_name(name) and (article.is_person(name) or person_like(name)):
                first.setdefault(name, body_start + match.start())
    written = {name: len(re.findall(rf"(?<![\w'’-]){re.escape(_surname(name))}(?![\w'’-])", text)) for name in first}
    chosen = max(first, key=lambda name: written[name], default=None)
    return (chosen, first[chosen]) if chosen is not None else None


def _asks(paragraph: str) -> bool:
    """Whether an interview's paragraph is the interviewer's: it ends with a question, asks one of "you", or opens
    speaking to them ("You’ve said the King-Riggs match was about social change.")."""
    return bool(
        ASKED_PARAGRAPH.search(paragraph)
        or (ASKS_YOU.search(paragraph) and YOU.search(paragraph))
        or TO_YOU.match(paragraph)
    )


def _labels(label: str, person: str) -> bool:
    """Whether a line's label ("KING", "Billie Jean King", "DB", "A") names the person, or their answers."""
    initials = "".join(w[0] for w in person.split()).lower()
    said = label.lower()
    return _surname(person).lower() in said.split() or said == initials or said in ANSWER_LABELS


def _interview_answers(text: str, start: int, interviewee: str) -> list[tuple[int, int]]:
    """The paragraphs of an interview (from `start`) that are the interviewee's answers: those after a question of the
    interviewer's, up to the next one, and the lines labelled with their name ("KING: We started the WTA ..."); not an
    editor's note ("[Editor's note: ...]") nor a line labelled with another's ("AP: Talk about that whirlwind.")."""
    answers: list[tuple[int, int]] = []
    answering = False
    turns = 0
    for paragraph in re.finditer(r"[^\n]+", text[start:]):
        line = paragraph.group().strip()
        label = SPEAKER_LABEL.match(line)
        if label is not None and label.group(1).lower() in NOT_SPEAKERS:
            label = None
        labelled = label is not None and _labels(label.group(1), interviewee)
        quoted = line.startswith(("“", '"'))  # a quotation is no question of the interviewer's
        if not labelled and (label is not None or (_asks(line) and not quoted)):
            answering = True  # the interviewer's turn
            turns += 1
        elif (answering or labelled) and not line.startswith("["):
            answering = True
            answers.append((start + paragraph.start(), start + paragraph.end()))
    return answers if turns >= INTERVIEW_TURNS else []


def _titles_before(run: str, name: str) -> bool:
    """Whether the words a run of capitalised words holds before the name `_run_name` gives hold a title ("Mayor
    Dean Holt", "Sporting Director Dean Holt", "Harbour Board President Dean Holt"), which makes it a person's."""
    before = run[: run.rindex(name)].split() if name and name in run else []
    return any(word.lower() in TITLE_WORDS or _title_head(word) for word in before)


def _run_name(match: re.Match[str]) -> str:
    """The name a run of capitalised words (a match of `NAME`) gives, without the titles before it; a run right
    after a title and "of" opens with what the title is of ("Secretary of State Antony Blinken", "Senior Director
    of Content Carolyn O’Hara"): its last two words are the name; one a capitalised verb of saying ends is no name
    ("Credit: Hugh Stewart Says McDonald"); '' when no name of two words is left."""
    run = match.group()
    # a verb of saying written with a capital ("Credit: Hugh Stewart Says McDonald, ...") ends a name: the one after
    # it speaks
    spoken = [i for i, w in enumerate(run.split()) if re.fullmatch(VERBS, w.lower())]
    if spoken:
        run = " ".join(run.split()[spoken[-1] + 1 :])
        return _strip_titles(run) if len(run.split()) >= 2 else ""
    before = TITLE_OF.search(match.string[max(0, match.start() - TITLE_OF_CHARS) : match.start()])
    if before is not None and before.group(1).lower() in TITLE_WORDS and len(run.split()) >= 3:
        run = " ".join(run.split()[-2:])  # "Secretary of Homeland Security Alejandro Mayorkas": the last two words
    return _strip_titles(run)


def _without_modifiers(mention: str) -> str:
    """A mention without the compound modifier before its name: "Virginia-based Keeley" -> "Keeley",
    "Los Angeles-based Cameroonian" -> "Cameroonian"; "Bankman-Fried" is a name."""
    words = mention.split()
    last = max((i for i, w in enumerate(words) if COMPOUND_MODIFIER.fullmatch(w)), default=-1)
    return " ".join(words[last + 1 :]) if 0 <= last < len(words) - 1 else mention


def _role_noun(word: str) -> bool:
    """Whether a capitalised word is a noun of what someone does ("Radiologist", "Promoter"), a role."""
    folded = word.lower()
    return folded in ROLES or AGENT_NOUN.fullmatch(folded) is not None


def _subject(mention: str, named: Callable[[str], bool] = lambda _: False) -> str:
    """The subject a mention before a verb of saying ends with: not the sentence or quotation before it ("Iago,
    I suggest. “Yes,” he"), an opening phrase set off by a comma ("In a statement posted online, Asghari", "Her
    grief-stricken father, Thomas Hand", "Those funds came from Alameda, Ellison": what follows the comma is a
    pronoun or someone `named`), the conjunctions, prepositions and adverbs opening it ("And as Schefter";
    "However" alone is no one) or a modifier before the name ("Virginia-based Keeley"). An appositive stays ("Ada
    Lin, the port's director")."""
    mention = re.sub(r"^[\s,]+|[\s,]+$", "", re.split(r"[“”\"«»]|(?<=[a-z]{2}[.!?])\s", mention)[-1])
    # dashes set off an aside: the subject follows the last ("... to customer money—both cash and crypto—the
    # government"), or, when the aside runs up to the verb, comes before the first ("Ellison — who ... —")
    asides = [part.strip(" ,") for part in re.split(r"\s*[—–]\s*", mention)]
    if len(asides) > 1:
        mention = asides[-1] or asides[0]
    # a subject, then a perfect's auxiliary and when ("Israeli publication Calcalist has in the past week"): the
    # subject; not a passive ("has been told"), whose subject is told, not speaking
    perfect = re.fullmatch(r"(?P<subject>.+?)\s+(?:has|have|had)(?:\s+(?!been\b)[a-z]+)+", mention)
    if perfect is not None:
        mention = perfect.group("subject")
    if mention.split()[-1:] in (
        ["and"],
        ["but"],
        ["or"],
    ):  # "... its processes, and says": the verb's subject is before
        return ""
    head, comma, tail = mention.rpartition(", ")
    tail = " ".join(_opening_dropped(tail.split()))
    opening = (head.split() or [""])[0]
    # "In a statement to the outlet, a spokesperson from Roblox": a phrase opening the sentence, then its subject
    opened = comma and (opening.lower() in NO_SUBJECT_OPENS or _participle(opening))
    if comma and tail and (tail[:1].isupper() or tail.lower() in SUBJECT_PRONOUNS):
        if opened or (head.split() or ["A"])[-1].islower() or tail.lower() in SUBJECT_PRONOUNS or named(tail):
            mention = tail
    elif opened and tail and tail.split()[0].lower() in ("a", "an", "the", "one"):
        mention = tail
    return _without_modifiers(" ".join(_opening_dropped(mention.split())))


def _opening_dropped(words: list[str]) -> list[str]:
    """Words without the conjunctions, prepositions and adverbs opening them ("just as Sinha" -> "Sinha")."""
    kept = list(words)
    while kept and kept[0].lower() in NO_SUBJECT_OPENS:
        kept.pop(0)
    return kept


def _adverb(word: str) -> bool:
    """Whether a word in lower case is an adverb made of a common word ("repeatedly", "publicly", "angrily"), not
    a noun ending so ("family", "ally")."""
    if not re.fullmatch(r"[a-z]{3,}ly", word):
        return False
    base = word[:-2]
    return max(zipf_frequency(base), zipf_frequency(base[:-1] + "y") if base.endswith("i") else 0.0) >= ADVERB_BASE


def _participle(word: str) -> bool:
    """Whether a capitalised word is a verb's -ing form opening a sentence ("Echoing Bankman-Fried, she
    said"), not a name ending so ("Irving", "Channing": no common verb "irve", "channe")."""
    return (
        len(word) >= 6
        and word.endswith("ing")
        and max(map(zipf_frequency, _verbs(word.lower()[:-3]))) >= PARTICIPLE_VERB
    )


def _verbs(base: str) -> list[str]:
    """The verbs a word without its -ing or -ed may be: "echo" of "Echoing", "confirm" or "confirme"; "run" of the
    doubled "Running", "plan" of "planned"."""
    return [base, base + "e"] + ([base[:-1]] if len(base) > 2 and base[-1] == base[-2] else [])


def _participle_adjective(word: str) -> bool:
    """Whether a capitalised word is a verb's past participle opening a sentence as an adjective ("Unconfirmed
    Inter Miami preseason fixtures", "Respected Ottoline Varga said"), no part of a name:
    the verb, also after a negating "un-", is a common word. Not a name ending so ("Mildred", "Mohammed", "Alfred":
    no common verb "mildr"), nor a shorter word ("United" of "United States", "Jared", "Ahmed": seven letters at
    least)."""
    folded = word.lower()
    if len(word) < 7 or not word[:1].isupper() or not folded.endswith("ed"):
        return False
    bares = [folded, folded[2:]] if folded.startswith("un") else [folded, ""]
    verbs = [v for bare in bares for v in _verbs(bare[:-2])]  # "confirm" of "confirmed"; "publish" of "published"
    return max(zipf_frequency(v) for v in verbs if len(v) >= 4) >= PARTICIPLE_VERB


def _pronoun_uses(text: str, body_start: int, surnames: set[str]) -> list[tuple[str, int, str]]:
    """Per mention of one of `surnames`, the pronoun the article uses right after it, before another of the names
    (within `PRONOUN_WINDOW` characters): (surname, where the pronoun stands, "he" or "she")."""
    if not surnames:
        return []
    mentions = [
        (m.start(), m.group())
        for m in re.finditer(r"\b(?:" + "|".join(map(re.escape, sorted(surnames))) + r")\b", text[body_start:])
    ]
    uses = []
    for i, (start, surname) in enumerate(mentions):
        stop = start + len(surname) + PRONOUN_WINDOW
        later = [s for s, other in mentions[i + 1 :] if other != surname]
        window_start = body_start + start + len(surname)
        window = text[window_start : body_start + min([stop, *later[:1]])]
        used = re.search(r"\b(he|him|his|himself|she|her|hers|herself)\b", window, re.IGNORECASE)
        if used:
            form = "she" if used.group(1).lower() in PRONOUN_SETS["she"] else "he"
            uses.append((surname, window_start + used.start(), form))
    return uses


def _pronouns_by_vote(uses: Iterable[tuple[str, int, str]]) -> dict[str, str]:
    """Per surname, the pronoun of `_pronoun_uses` the article uses most often after it; a surname used with both
    evenly is left out."""
    votes: dict[str, Counter[str]] = {}
    for surname, _, form in uses:
        votes.setdefault(surname, Counter())[form] += 1
    return {
        surname: counts.most_common(1)[0][0]
        for surname, counts in votes.items()
        if len(counts) == 1 or counts["he"] != counts["she"]
    }


def _fuller_form(person: str, name: str) -> bool:
    """Whether `person` writes `name` in full: "Yoshimasa Hayashi" of "Hayashi", of "Hayashi" alone. Not another
    person of the same surname: "Jack Altman" is no fuller form of "Sam Altman", though longer."""
    return _surname(person) == _surname(name) and len(person) > len(name) and set(name.split()) <= set(person.split())


def _squash(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def close_names(a: str, b: str) -> bool:
    """Spelling variants of one name ("Kim Hyo-myung", "Kim Hye Myung")."""
    x, y = _squash(a), _squash(b)
    if min(len(x), len(y)) < 8 or x[:3] != y[:3]:
        return False
    previous = list(range(len(y) + 1))
    for i, cx in enumerate(x, start=1):
        current = [i]
        for j, cy in enumerate(y, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (cx != cy)))
        previous = current
    return previous[-1] <= 2


class _Article:
    """State while reading one article: the people met so far, in order."""

    def __init__(self, text: str, body_start: int) -> None:
        self.text = text
        self.body_start = body_start
        self.result = Attribution()
        self.people: list[tuple[int, str]] = []  # (offset of a mention, canonical name)
        body = text[body_start:]
        speaking_alone = _speaking_alone(body)
        for match in re.finditer(NAME, body):
            name = _run_name(match)
            titled = _titles_before(match.group(), name)  # "Mayor Dean Holt", "Sporting Director Dean Holt"
            # a title written right before the run, as an acronym or in lower case: "CTO Gary Wang", "coach Dean Holt"
            before = body[max(0, match.start() - TITLE_BEFORE_CHARS) : match.start()]
            titled = titled or (name == match.group() and TITLE_BEFORE.search(before) is not None)
            alone = bool(name) and _surname(name) in speaking_alone  # "Gary Wang" ... "Wang testified"
            if name and (_is_person(name) or ((titled or alone) and _plain_name(name))):
                offset = body_start + match.start() + match.group().index(name)
                role, _, surname = name.partition(" ")
                if _role_noun(role) and role.lower() not in TITLE_NOUNS and " " not in surname:
                    # "Cruiserweight Opetaia" after "Jai Opetaia": the one met before, by a role
                    met = [person for _, person in self.people if _surname(person) == surname]
                    if met:  # it ends where the mention ends ("... Opetaia said"), as every entry does
                        name, offset = met[-1], offset + len(role) + 1 + len(surname) - len(met[-1])
                self.people.append((offset, name))
        # one name brought in with who they are ("Bree, another Kick streamer, described ..."): a person too
        for match in ONE_NAME_INTRODUCED.finditer(text, body_start):
            if match.group("who").split()[-1].lower() in PERSON_ROLES and _is_person(match.group("name")):
                self.people.append((match.start("name"), match.group("name")))
        # ... and a name of common words ("Justin Thomas, a fifteen-time winner on the Tour ..."), by its role
        for match in NAME_INTRODUCED.finditer(text, body_start):
            roles = {w.lower().rsplit("-", 1)[-1] for w in match.group("who").split()}
            first = match.group("name").split()[0].lower()
            if (
                roles & (PERSON_ROLES | INTRODUCING_ROLES)
                and zipf_frequency(first) < FIRST_NAME_RARITY
                and first not in NOT_PERSON
                and (match.start("name"), match.group("name")) not in self.people
            ):
                self.people.append((match.start("name"), match.group("name")))
        self.people.sort()
        self.pronoun_uses = _pronoun_uses(text, body_start, {_surname(person) for _, person in self.people})
        self.pronouns = _pronouns_by_vote(self.pronoun_uses)
        self._written_cache: dict[str, bool] = {}

    def named(self, name: str, at: int) -> bool:
        """Whether a name is that of a person the article names ("Ellison", met as Caroline Ellison)."""
        return self.is_person(name) if " " in name else self._known_as(name, at) is not None

    def is_person(self, name: str) -> bool:
        """Whether a name is a person's: by its rare words, or as the article writes it (after a title, or its
        surname alone as a speaker's)."""
        return _is_person(name) or any(name == person for _, person in self.people)

    def fits(self, person: str, pronoun: str) -> bool:
        """Whether `pronoun` ("she", "his") can stand for `person`: the pronouns the article uses right after
        their name do not say otherwise."""
        used = self.pronouns.get(_surname(person))
        return not used or not pronoun or pronoun.lower() not in PRONOUN_SETS or pronoun.lower() in PRONOUN_SETS[used]

    def canonical(self, name: str) -> str:
        """The fullest known form of a name: "Hayashi" -> "Yoshimasa Hayashi"."""
        for known in self.result.speakers:
            if known == name or close_names(known, name):
                return known
        for _, person in reversed(self.people):
            # of two spellings of one name ("Kim Hyo-myung", "Kim Hye Myung"), only ever the longer: one way, no flip
            spelled_longer = close_names(person, name) and len(person) > len(name)
            if person != name and (_fuller_form(person, name) or spelled_longer):
                return person
        return name

    def register(self, name: str, at: int, kind: str = "person", generic: bool = False) -> str:
        canonical = self.canonical(name)
        speaker = self.result.speakers.setdefault(canonical, Speaker(canonical, kind=kind, generic=generic))
        speaker.generic = speaker.generic or generic
        if kind == "person" and not (speaker.role or speaker.affiliation):
            speaker.role, speaker.affiliation = self.role_of(canonical, at)
        return canonical

    def role_of(self, name: str, near: int) -> tuple[str, str]:
        """Role and affiliation from a title before the name or an appositive after it."""
        for match in re.finditer(re.escape(name), self.text):
            before = self.text[max(0, match.start() - 40) : match.start()]
            title = re.search(rf"({TITLES})\s*$", before) or ROLE_PHRASE.search(before)
            after = self.text[match.end() : match.end() + 220]
            appositive = re.match(r",\s*([^,.“”«»]+?)(?:,\s*([^,.“”«»]+?))?\s*(?:,|\.|“|«)", after)
            role, affiliation = (title.group(1) if title else ""), ""
            if appositive:
                for part in (appositive.group(1), appositive.group(2)):
                    if not part or re.match(rf"\s*({VERBS})\b", part):
                        continue
                    found = re.match(r"(?:an?|the)?\s*(.*?)\s+(?:at|of|from|with)\s+(?:the\s+)?([A-Z].*)$", part)
                    if found and not affiliation:
                        role = role or found.group(1).strip()
                        affiliation = found.group(2).strip()
                    elif not role:
                        role = re.sub(r"^(an?|the)\s+", "", part.strip())
            if role or affiliation:
                return role, affiliation
        return "", ""

    def resolve(self, mention: str, at: int) -> str | None:
        """The speaker a mention stands for, registered; None if it names no one."""
        mention = re.sub(r"^(the|a|an)\s+", "", _subject(mention, lambda name: self.named(name, at)), flags=re.I)
        opening = mention.split(maxsplit=1)
        if len(opening) == 2 and opening[0].lower() in SENTENCE_OPENERS and opening[1][:1].isupper():
            mention = opening[1]  # "But Laird" is Laird
        # "the government's plan" -> "government" (but "the fishermen's association" stays)
        mention = re.sub(rf"[’']s\s+(?:{DOCUMENTS})$", "", mention).strip()
        # "an emailed Microsoft statement", "a Google spokesperson": the body whose voice it is, a body and no person
        # ("A Sportsbet spokesman said" makes no person "Sportsbet" whom a later "she said" is), when the article
        # writes its name only as a name ("Media statement" opening a sentence is no body "Media")
        voice = BODY_VOICE.fullmatch(mention)
        if voice is not None and not self._written_in_lower_case(voice.group("body").lower()):
            return self.register(re.sub(r"[’']s$", "", voice.group("body")), at, kind="group")  # "Binance’s": Binance
        kept = mention.split()
        while kept and (kept[-1].lower() in FILLERS or _adverb(kept[-1])):  # "He repeatedly"
            kept.pop()
        mention = " ".join(kept)
        if kept and kept[-1].lower() == "they" and all(w.lower() in GRAMMAR_WORDS for w in kept[:-1]):
            return None  # several people or a body, whom the sentence may name ("Customers ..., they told him")
        if kept and PRONOUN.match(kept[-1]) and all(w.lower() in GRAMMAR_WORDS for w in kept[:-1]):  # "When he"
            return self.last_person(at, kept[-1])
        if kept and kept[-1].lower() in SUBJECT_PRONOUNS | NO_ONES_PRONOUNS:  # "... manic buyers but he"
            return self.last_person(at, kept[-1]) if kept[-1].lower() in SUBJECT_PRONOUNS else None
        if all(w.lower() in FILLERS | GRAMMAR_WORDS for w in kept):  # nothing, or "And even"
            return None
        role_then_name = re.fullmatch(r"([A-Z][a-z-]+)\s+([A-Z][\w-]+)", mention)  # "Cruiserweight Opetaia"
        if role_then_name and _role_noun(role_then_name.group(1)):
            met_before = self._known_as(role_then_name.group(2), at)
            if met_before:
                return self.register(met_before, at)
        person = self._person_in(mention, at)
        if person:
            return person
        names = [n for n in (_run_name(m) for m in re.finditer(NAME, mention)) if n and self.is_person(n)]
        if names:
            return self.register(names[-1], at)
        single = re.fullmatch(
            rf"{NAME_PREFIX}?[{UPPER}][{LOWER}]{{2,}}(?:-[{UPPER}][{LOWER}]+)?", mention
        )  # "Hayashi", "Bankman-Fried"
        met = self._known_as(mention, at) if single else None
        # a word with a capital after its prefix is a person's surname when met before with a first name ("O’Hara":
        # Carolyn O’Hara), a body's else ("McKinsey said", "LaLiga said")
        prefixed = re.match(rf"{NAME_PREFIX}[{UPPER}]", mention) is not None
        if met or (single and len(mention) > 3 and not prefixed and _is_person(mention)):  # "Wang": Gary Wang
            return self.register(met or mention, at)
        description = mention.lower()
        wanted = _keywords(description)
        # "the minister", "the author of the article": a speaker whose role says so, else
        # someone met earlier whose surroundings do.
        if any(w in description.split() for w in DESCRIPTIONS):
            for statement in reversed(self.result.statements):
                known = self.result.speakers[statement.speaker]
                if statement.start < at and wanted & _keywords(f"{known.role} {known.affiliation}"):
                    return known.name
            best: tuple[int, str] | None = None
            for offset, person in reversed(self.people):
                if offset >= at:
                    continue
                window = self.text[max(0, offset - 60) : offset + len(person) + 120]
                score = len(wanted & _keywords(window))
                if score and (best is None or score > best[0]):
                    best = (score, person)
            if best:
                return self.register(best[1], at)
        acronym = re.search(r"\b([A-Z]{2,6})$", mention)
        if acronym:  # "the Japanese television corporation NHK"
            name = self.register(acronym.group(1), at, kind="group")
            speaker = self.result.speakers[name]
            speaker.role = speaker.role or mention[: acronym.start()].strip()
            return name
        if len(mention.split()) <= 8 and names_a_speaker(mention):
            # "police said", though the first time at a sentence's start ("Police said"): a common noun
            lower = re.search(rf"(?<![\w-]){re.escape(mention.lower())}(?![\w-])", self.text) is not None
            return self.register(mention[:1].upper() + mention[1:], at, kind="group", generic=lower)
        return None

    def _person_in(self, mention: str, at: int) -> str | None:
        """The person a mention holding more than a name names, registered: a name after a role written in
        lower case ("Team captain Hewitt"), or someone met by full name before, named by one of their names
        and what they did ("Jason also chimed in on the matter", "Kelce addressed Swift's attendance")."""
        after_role = NAMED_AFTER_ROLE.search(mention)
        before = mention[: after_role.start("name")].split() if after_role else []
        role = before[-1].lower() if before else ""
        if after_role and role not in GRAMMAR_WORDS:
            name = after_role.group("name")
            known = self._known_as(name, at)
            # the role may end a phrase of lower-case words: "president of global affairs Kent Walker"
            titled = _role_phrase(before)
            full = " " in name and (
                _is_person(name) or ((role in ROLES or titled) and _no_organisation(name))
            )  # "coach Mike Kelly"
            if known or full or _rare_name(name):
                return self.register(known or name, at)
        leading = NAME_THEN_WORDS.match(mention)
        known = self._known_as(leading.group("name"), at) if leading else None
        return self.register(known, at) if known else None

    def _known_as(self, word: str, at: int) -> str | None:
        """The person met before `at` (else anywhere) whose first or last name `word` is; of several such people
        met before, the first met: an article names one person by a surname alone, and others of that surname in
        full or by their first names ("Sam Altman" ... "his brother Jack Altman" ... "Altman said" is Sam's)."""
        if " " in word:
            return None
        named = [(offset, person) for offset, person in self.people if word in (person.split()[0], _surname(person))]
        before = [person for offset, person in named if offset < at]
        if len(set(before)) > 1 and word in {_surname(person) for person in before}:
            return next(person for person in before if _surname(person) == word)
        return before[-1] if before else named[0][1] if named else None

    def last_person(self, at: int, pronoun: str = "") -> str | None:
        """The most recent person speaker before `at` whom `pronoun` can stand for; with none yet, the last
        such person named before it ("Dana Laird runs the port. “Fees will rise,” she said.")."""
        # the nearest before `at` in the text: quotations are read before reported speech, so the statements are
        # not in the text's order ("... said Gartner analyst Arun Chandrasekaran. He said" is his, not that of
        # a person reported speaking paragraphs earlier)
        spoken = max(
            (
                (statement.end, statement.speaker)
                for statement in self.result.statements
                if statement.start < at
                and self.result.speakers[statement.speaker].kind == "person"
                and self.fits(statement.speaker, pronoun)
            ),
            default=None,
        )
        # the person the sentence right before the quotation, on its line, opens with and names alone ("Levy
        # does not accept this explanation. “It's true that ...,” he says."), whoever was brought in speaking in the
        # paragraphs before
        opener = self._subject_just_before(at, pronoun) if pronoun else None
        if opener:
            return self.register(opener, at)
        # a person brought in speaking since ("Jon Medved believes that ... “There is no doubt ...,” he said"),
        # whose reported words are read after the quotes, is the nearer
        introduced = [
            person
            for offset, person in self.people
            if (spoken[0] if spoken else 0) <= offset < at
            and (
                SPEAKS_AFTER.match(self.text, offset + len(person))
                or ACCORDING_BEFORE.search(self.text, max(0, offset - 20), offset)
            )
            and self.fits(person, pronoun)
        ]
        if introduced:
            return self.register(introduced[-1], at)
        if spoken is not None:
            turned = self._turned_to(spoken, at, pronoun)
            return self.register(turned, at) if turned else spoken[1]
        named = [person for offset, person in self.people if offset < at]
        fitting = [person for person in named if self.fits(person, pronoun)] or named
        return self.register(fitting[-1], at) if fitting else None

    def _subject_just_before(self, at: int, pronoun: str) -> str | None:
        """The person the sentence right before `at` on its line opens with (`_turned_to`), when it is no quotation
        and names no other person ("Newmark Natam VP Or Ben Zvi Klein explains ..." names two; a law firm named in an
        aside is none). A line break ends the search: in text wrapped by lines the sentence before is not read."""
        paragraph = self.text.rfind("\n", 0, at) + 1
        spans = split_sentences(self.text[paragraph:at])
        if not spans:
            return None
        last = self.text[paragraph + spans[-1].start : paragraph + spans[-1].end]
        if not last.rstrip().endswith((".", "!", "?")) or re.search(r"[“”\"]", last):
            return None
        person = self._turned_to((paragraph + spans[-1].start, ""), at, pronoun)
        if person is None:
            return None
        others = [m.group() for m in re.finditer(NAME, last) if not set(m.group().split()) & set(person.split())]
        return None if any(self.is_person(_strip_titles(name)) for name in others) else person

    def _turned_to(self, spoken: tuple[int, str], at: int, pronoun: str) -> str | None:
        """The person the text before a quotation at `at` turned to since the last speaker spoke, whom "he" or
        "she" after it stands for ("For Kieran Crowley, Galthié’s opposite number, his Italy tenure ends ...
        “I’ve said before ...,” he said." is Crowley's): the one name its sentences open with (after "For" or
        a role at most), in the quotation's paragraph or the one before it, a person named before it, whom the
        pronouns the article writes after their name before the quotation do not contradict; not when the last
        speaker is named there but as a possessive, a sentence there goes on with "He" or "She", or the
        quotation names that person or speaks of them by the pronoun ("Gaël Fickou was everywhere. “He is the
        best,” he said.")."""
        kind = pronoun.lower()
        if kind not in PRONOUN_SETS:
            return None
        start = self.text.rfind("\n\n", 0, at)
        if start >= 0 and not self.text[start:at].strip():  # the quotation opens its paragraph
            start = self.text.rfind("\n\n", 0, start)
        start = max(start, spoken[0], self.body_start)
        own_end = self.text.find("\n\n", at)
        own = self.text[at : own_end if own_end >= 0 else len(self.text)]
        stretch = self.text[start:at]
        quoted = " ".join(re.findall(r"“[^”]*”?", own))
        if _names(stretch, spoken[1]) or _names(own, spoken[1]):
            return None
        openers: set[str] = set()
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", stretch):
            if re.match(r"\s*(?:He|She|They)\b", sentence):
                return None  # the text goes on with someone already named
            if sentence.rstrip().endswith((".", "!", "?")):  # not a caption or a heading
                opener = _opening_name(sentence, self._written_in_lower_case)
                if opener:
                    openers.add(opener)
        if len(openers) != 1:
            return None
        opener = openers.pop()
        named = [person for offset, person in self.people if offset < at and opener in (person, _surname(person))]
        person = named[-1] if named else None
        if person is None or _names(quoted, person):
            return None
        # "Gaël Fickou was everywhere. “He is the best centre,” he said.": the quotation's "he" is the one the
        # paragraph tells of, who is then not the speaker (unless another is named there for it to stand for)
        others = [m for m in re.finditer(NAME, stretch) if not set(m.group().split()) & set(person.split())]
        if _speaks_of(quoted, kind) and not others:
            return None
        surname = _surname(person)
        told = _pronouns_by_vote(use for use in self.pronoun_uses if use[0] == surname and use[1] < at).get(surname)
        return self.canonical(person) if told in (None, kind) else None

    def _written_in_lower_case(self, words: str) -> bool:
        """Whether the article writes `words` as they are, as words of their own ("without", "ten Hag")."""
        if words not in self._written_cache:
            self._written_cache[words] = re.search(rf"\b{re.escape(words)}\b", self.text) is not None
        return self._written_cache[words]


def _names(text: str, person: str) -> bool:
    """Whether `text` writes one of the person's names (not as a possessive: "Galthié’s opposite number")."""
    return any(re.search(rf"\b{re.escape(w)}\b(?![’']s)", text) for w in person.split() if len(w.rstrip(".")) > 1)


def _speaks_of(quoted: str, kind: str) -> bool:
    """Whether a quotation speaks of someone by the pronoun that tells its speaker ("“He is the best,” he said.")."""
    return any(re.search(rf"\b{form}\b", quoted, re.IGNORECASE) for form in PRONOUN_SETS[kind])


def _opening_name(sentence: str, lower_case: Callable[[str], bool]) -> str:
    """The name a sentence opens with, as its subject or topic: first, after "For" / "As for", or after a role
    ("Italy coach Kieran Crowley"); "" when the sentence opens with a word that is no name (one of
    `SENTENCE_OPENERS`, or a word the article also writes in lower case: "After ...", "Without Johnny Sexton")
    or the name is a possessive."""
    tokens = sentence.split()
    start = 0
    if [t.lower() for t in tokens[:1]] == ["for"]:
        start = 1
    elif [t.lower() for t in tokens[:2]] == ["as", "for"]:
        start = 2
    # a role before the name: its words capitalised or roles, the last of them a role
    for i in range(start, min(len(tokens), start + TOPIC_WORDS)):
        word = tokens[i]
        if not (word[:1].isupper() or _role_noun(word)):
            break
        if _role_noun(word) or word.lower() in TITLE_WORDS:
            start = i + 1
    run: list[str] = []
    for token in tokens[start:]:
        word = token.rstrip(",;:.!?")
        if not re.fullmatch(rf"{NAME_WORD}(?:-[{UPPER}]?[{LOWER}]+)?(?:[’']s)?", word):
            break
        run.append(word)
        if word != token:
            break
    if not run or re.search(r"[’']s$", run[-1]):
        return ""
    first, then = run[0].lower(), run[1:2]
    if start == 0 and (first in SENTENCE_OPENERS or (lower_case(first) and not lower_case(" ".join([first, *then])))):
        # "The", "After Bruno Guimarães left", "Without Johnny Sexton": no name opens the sentence ("Ten Hag" does,
        # which the article writes "Erik ten Hag")
        return ""
    return " ".join(run)


def voice_of(author: str, source: str, title: str) -> str:
    """Who speaks in an article's own voice: its author, else its source, else the article."""
    return author or source or f"“{title}” (the article)"


def speakers_by_span(attribution: Attribution, start: int, end: int) -> list[str]:
    """The speakers of the statements that overlap `[start, end)`, in order of appearance."""
    found = [s.speaker for s in attribution.statements if s.start < end and start < s.end]
    return list(dict.fromkeys(found))


def _quote_regions(text: str, start: int) -> list[Span]:
    """Spans from an opening quote mark to its closing one (nested quotes stay inside)."""
    regions: list[Span] = []
    depth = 0
    opened = 0
    for i in range(start, len(text)):
        char = text[i]
        if char in OPENERS:
            if depth == 0:
                opened = i
            depth += 1
        elif char in CLOSERS and depth:
            depth -= 1
            if depth == 0:
                regions.append(Span(opened, i + 1))
        elif char == "\n" and depth and text[i + 1 : i + 2] == "\n":
            # an unclosed quote ends with its paragraph: the speaker goes on in the next one, which
            # opens with a quote mark again (the news convention for a quotation over paragraphs)
            depth = 0
            regions.append(Span(opened, i))
    return regions


# ... after the verb, when and where it was said, however long ("said Thursday night on his radio show ahead of
# Saturday's game against the Wolverines."), not another clause ("says it does not infer ...")
WHEN_WHERE = (
    r"(?:on|in|at|during|ahead|after|before|while|from|last|this|earlier|later|Monday|Tuesday|Wednesday|Thursday|"
    # ... holding no verb of a clause ("said this season would be his last", "said last season's relegation was")
    r"Friday|Saturday|Sunday)\b(?![^,.;:“”«»]{0,160}\b(?:that|would|will|was|were|is|are|has|had|have|could|should|"
    r"can|may|might|must)\b)[^,.;:“”«»]{1,160}"
)
CUE_AFTER = re.compile(
    rf"^\s*,?\s*(?:({VERBS})\s+(.{{2,160}}?)|(.{{2,80}}?)\s+({VERBS})(?:\s+(?P<after>[^,.;:“”«»]{{1,60}}|{WHEN_WHERE}))?)"
    r"\s*(?:[,.;:]|$)"
)
# verbs that go on with what someone was saying, only right before a quotation ("He went on, “It's all spectacle."),
# as they tell of other things elsewhere ("He went on to win the title")
GOING_ON = r"went\s+on|goes\s+on|continued|continues"
CUE_BEFORE = re.compile(rf"(?:^|[.;]\s|,\s)([^.;“”«»]{{2,160}}?)\s+(?:{VERBS})(?:\s+that)?\s*[:,]?\s*$")
# ... said of a person only: "He went on, “...”", "Bazella continued: “...”"; not "The list goes on: “Maddison, ...”"
GOES_ON_BEFORE = re.compile(
    rf"(?:^|[.;]\s|,\s)(?:[^.;“”«»]{{0,120}}?,\s)?([^.;,“”«»]{{2,60}}?)\s+(?:{GOING_ON})\s*[:,]?\s*$"
)
# a name signing a quotation after a dash, then the line's end, a handle, a date or whom it was said to
DASH_AFTER = re.compile(rf"^\s*[—–]\s*(?P<name>{NAME})(?=\s*(?:$|\(|,|\bto\b|[A-Z][a-z]+ \d))")
ACCORDING_BEFORE = re.compile(r"\baccording\s+to\s+$", re.IGNORECASE)  # "..., according to Mark Cohen"
OPINION = re.compile(r"\b[Ii]n (his|her|their) (opinion|view|words)\b")
ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?:the\s+)?([^,.;]{2,120}?)(?:,|\.|;|$)")
AS_SAYS = re.compile(rf"\bAs\s+([^,]{{2,80}}?)\s+(?:{VERBS})\b")
BY_WHOM = re.compile(
    r"\b(?:explained|described|seen|viewed|considered|reported)\s+by\s+([a-zA-Z][\w -]{2,60}?)\s+(?:as|to)\b"
)
# "Nothing in the report should sway the Fed, said Seema Shah, chief global strategist at ...": after the claim,
# a verb of saying, then the one who says it (a name, perhaps after their role: "says co-founder and CEO Gabor
# Cselle") ending the sentence or followed by who they are. Verbs that take an object or an addressee ("cited",
# "announced", "told", "maintained his innocence") are left out: their object is no speaker.
INVERTED_VERBS = (
    r"said|says|added|adds|noted|notes|wrote|writes|argued|argues|explained|explains|stated|states|warned|warns|"
    r"insisted|insists|recalled|recalls|conceded|concedes|acknowledged|acknowledges|predicted|predicts|stressed|"
    r"stresses|cautioned|cautions|mused|muses|quipped|quips|joked|jokes|remarked|replied|replies|commented|"
    r"reflected|reflects|countered|lamented|reiterated|asserted|contended"
)
INVERTED = re.compile(
    rf"^[^“”«»]{{12,}}?,\s+(?:{INVERTED_VERBS})\s+(?:[a-z][\w-]*\s+){{0,4}}?"
    r"(?P<who>[A-Z][\w.'’-]*?(?:\s+(?:[A-Z][\w.'’-]*?|de|van|von|bin|al))*)\.?\s*(?:,|[.;!?]?\s*$)"
)
# a sentence opening with a description (a word of it in lower case), then a name in apposition set off by commas:
# "OpenAI’s key business partner, Microsoft, which has invested ..."
APPOSED_NAME = re.compile(
    rf"[^,]{{0,60}}\b[a-z][^,]{{0,60}},\s+(?P<name>[{UPPER}][\w&.’'-]*(?:\s+[{UPPER}][\w&.’'-]*){{0,3}}),"
)
# "She called the data “reassuringly uneventful”": one just named, characterising something in their words
# ... or in the sentence's own words after "as" ("He described the deduction as both disproportionate and unjust.",
# "Rollins referred to him as a “cancer”")
CHARACTERISES = re.compile(
    r"^\s*(He|She|They|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+"
    r"(?:called|described|dubbed|labelled|labeled|termed|branded|referred\s+to)\b"
    r"(?:[^“”«»]*[“«]|[^“”«».;!?]{1,80}?\s+as\s+)"
)
# ... by one the article names, not a group opening the sentence ("Several SEOs described ...", "Critics called ...")
GROUP_OPENERS = frozenset("Several Many Some Both Most Few Other Critics Analysts Experts Fans Officials".split())
# "Bankman-Fried, however, maintained his innocence": an adverb set off by commas is no speaker
ASIDE = r"(?:however|though|meanwhile|instead|nonetheless|nevertheless|indeed|moreover|likewise)"
# ... nor the thing "said to be" something ("The plant, said to be the largest in Europe, will close")
REPORTED = re.compile(rf"(?:^|,\s)([^,;“”«»]{{2,120}}?)(?:,\s+{ASIDE})?,?\s+(?:{VERBS})\b(?!\s+to\s+(?:be|have)\b)")


# the words after a title that ends the attribution after its verb, set off by a comma: the person's name
# ("added Harbour Ferries Co-Owner, Dana Holt.", "said the club's co-owner, Dana Holt, “...”")
NAME_AFTER_TITLE = re.compile(rf"\s*,\s*(?P<name>{NAME})\s*(?:[,.;:!?“”]|$)")


def _named_after_title(article: _Article, mention: str, after: str, at: int) -> str | None:
    """The person named after a comma when the words after a verb of saying end with a title ("“...,” added
    Harbour Ferries Co-Owner, Dana Holt."; `after` is the text following them): registered. The title says who
    they are, a body's name in it is no speaker; None when the mention ends with no title or no name follows."""
    if not mention.split() or not _title_head(mention.split()[-1]):
        return None
    named = NAME_AFTER_TITLE.match(after)
    run = re.compile(NAME).match(after, named.start("name")) if named is not None else None
    name = _run_name(run) if run is not None else ""
    if not name or not (article.is_person(name) or _plain_name(name)):
        return None
    return article.register(name, at)


def _named_after_verb(article: _Article, cue: re.Match[str], at: int) -> str | None:
    """The person a quotation's attribution names after its verb when the words before the verb are set off from
    it by a comma, the rest of the quoted sentence and no subject (“... the face of” generative AI technology,
    said Gartner analyst Arun Chandrasekaran): registered; None when the words after the verb name no person."""
    if not (cue.group(3) or "").rstrip().endswith(",") or not cue.group("after"):
        return None
    after = cue.group("after")
    people = [n for n in (_run_name(m) for m in re.finditer(NAME, after)) if n and article.is_person(n)]
    return article.register(people[-1], at) if people else None


# a heading: a line ending in a word, no mark of a sentence's end or of one going on, and its verb of saying last
# ("Unconfirmed Inter Miami preseason fixtures reported", "Bryce Harper Atta Boy controversy, explained")
HEADING_OF_NOTHING_SAID = re.compile(rf"\b(?:{VERBS})\s*$")


def _heading_of_nothing_said(text: str, sentence: Span) -> bool:
    """Whether a sentence is a heading naming what is said or reported, no one's statement: it ends its line with
    its verb of saying and no punctuation ("Unconfirmed Inter Miami preseason fixtures reported", above a table of
    them), where a statement goes on after the verb or ends with a mark. A headline that says what someone said
    ("Dave Roberts says Dodgers met with Ohtani") stays theirs."""
    line_ends = text[sentence.end : sentence.end + 1] in ("\n", "")
    return line_ends and HEADING_OF_NOTHING_SAID.search(text, sentence.start, sentence.end) is not None


def _sentence_cover(sentences: list[Span], start: int, end: int) -> tuple[int, int]:
    """The whole sentences that `[start, end)` touches."""
    touched = [s for s in sentences if s.end > start and s.start < end]
    return (touched[0].start, touched[-1].end) if touched else (start, end)


def _clause_before_comma(mention: str) -> bool:
    """Whether words before a verb of saying, after a quotation that ends its sentence, are a sentence of
    their own ("Returning to Twitch isn’t an option for her, she"), not a name with who they are ("Ada Lin,
    the port’s director")."""
    head = mention.split(", ")[0].split()
    return len(head) > 1 and any(w.lower() in CLAUSE_WORDS or w.lower().endswith(("n’t", "n't")) for w in head)


def _goes_on(article: _Article, head: str) -> re.Match[str] | None:
    """The words before a quotation saying that a person goes on speaking ("He went on, ", "Bazella continued: "),
    when they name a person or stand for one; None else ("The list goes on: ")."""
    match = GOES_ON_BEFORE.search(head)
    if match is None:
        return None
    mention = match.group(1).strip()
    surnames = {_surname(name) for _, name in article.people}
    person = mention in ("He", "She") or person_like(mention) or article.is_person(mention) or mention in surnames
    return match if person else None


def _quotes_on(between: str) -> bool:
    """Whether a quotation opening its paragraph goes on from the one before (`between`: the text between
    them, ending with the paragraph's break): nothing of the article's own words between them, only blank
    lines and a short one ("Advertisement"); the news convention for a speaker's words over paragraphs."""
    lines = [line.strip() for line in between.split("\n")]
    return between.endswith("\n") and all(len(line) < SHORT_LINE and not line.endswith(".") for line in lines)


def _subject_before(article: _Article, sentences: Sequence[Span], start: int) -> str | None:
    """The person the sentence right before an unattributed quotation, in its paragraph, opens with as its
    subject ("CEO Daniel Ek echoed that sentiment."), or the pronoun it opens with stands for."""
    before = [s for s in sentences if s.end <= start]
    # the quotation opens a sentence of the same paragraph
    if not before or "\n" in article.text[before[-1].start : start] or article.text[before[-1].end : start].strip():
        return None
    sentence = article.text[before[-1].start : before[-1].end]
    pronoun = re.match(r"(He|She)\s", sentence)
    if pronoun:
        return article.last_person(start, pronoun.group(1))
    # ... its name may be followed by an aside set off by commas ("Fed Chair Ada Lund, who sat to her right, signaled
    # ...")
    opening = re.match(rf"((?:[\w.-]+\s+){{0,3}}?)({NAME})(?:,[^,.“”«»]{{1,80}},)?\s+[a-z]", sentence)
    # before the name, only its title or role ("Chief executive Tomasz Wrobel"), not "Analysts told Tomasz Wrobel"
    if opening is None or not all(w[:1].isupper() or _role_noun(w) for w in opening.group(1).split()):
        return None
    name = _strip_titles(opening.group(2))
    return article.register(name, start) if name and article.is_person(name) else None


def _fuller_forms_win(result: Attribution) -> None:
    """Give the statements of a surname alone to the one person speaker of the article who writes it in full
    ("FTX’s co-founder and CTO Gary Wang testified ... The crypto trading firm, according to Wang, pulled funding":
    Gary Wang's, not a speaker "Wang" beside him): a name of common words met only as a speaker's, after a role
    that is no title ("Defence lawyer Mark Hill said"), is no person `_Article.canonical` knows from the text, so
    its surname alone stood for a body of that name. Not when two people of that surname speak ("Sam Altman", "Jack
    Altman"), where the surname alone stays as it was resolved."""
    renamed: dict[str, str] = {}
    for name in [n for n, speaker in result.speakers.items() if " " not in n and speaker.kind != "article"]:
        fuller = [p for p, speaker in result.speakers.items() if speaker.kind == "person" and _fuller_form(p, name)]
        if len(fuller) == 1:
            renamed[name] = fuller[0]
            del result.speakers[name]
    if renamed:
        result.statements = [
            replace(s, speaker=renamed[s.speaker]) if s.speaker in renamed else s for s in result.statements
        ]


def curled(text: str) -> str:
    """The text with its straight double quotes turned the way they face, as `rag.sentences.quotation_depth`
    reads them: one opens after a space, a bracket, a dash or the text's start, and closes otherwise. The
    text keeps its length, so every offset holds."""
    return STRAIGHT_QUOTE.sub(
        lambda m: "“" if m.start() == 0 or text[m.start() - 1].isspace() or text[m.start() - 1] in "([—-" else "”", text
    )


def attribute(text: str, body_start: int = 0, article_speaker: str = "") -> Attribution:
    """Find who says what in one article.

    Args:
        text: the article text.
        body_start: where the body starts (after front matter).
        article_speaker: who speaks in the article's own voice (its author or source).
    """
    text = curled(text)
    article = _Article(text, body_start)
    sentences = split_sentences(text, body_start)
    claimed: list[tuple[int, int]] = []

    def add(start: int, end: int, speaker: str | None, kind: str) -> None:
        if speaker:
            article.result.statements.append(Statement(start, end, speaker, kind))
            claimed.append((start, end))

    # Direct quotes, with the attribution after, inside or before them.
    regions = _quote_regions(text, body_start)
    i = 0
    while i < len(regions):
        region = regions[i]
        quote = text[region.start + 1 : region.end - 1]
        end = region.end
        speaker: str | None = None
        tail = text[region.end : region.end + 200].split("\n")[0]
        cue = CUE_AFTER.match(tail)
        if len(quote) < 25 and not re.search(r"[.!?…]", quote) and not cue:
            i += 1  # a quoted name or phrase, not a statement
            continue
        if cue and cue.group(3) and re.search(r"[.!?…]\s*$", quote) and _clause_before_comma(cue.group(3)):
            cue = None  # “... a “start.” Returning to Twitch isn’t an option for her, she said": another sentence
        if cue:
            mention = cue.group(2) or cue.group(3)
            speaker = (
                _named_after_verb(article, cue, region.start)
                or (cue.group(2) and _named_after_title(article, mention, tail[cue.end(2) :], region.start))
                or article.resolve(mention, region.start)
            )
            end = region.end + cue.end()
            # “A,” says X, senior fellow at ..., “B”; not when the attribution ended the sentence and another
            # sentence brings in whoever says B (“A,” X said. Commuter Y said: “B”)
            ended = re.search(r"[.!?]\s*$", text[region.end : end]) is not None
            if i + 1 < len(regions):
                between = text[end : regions[i + 1].start]
                introduced = ended and SAYING.search(between) is not None
                if len(between) < 200 and "\n" not in between and not re.search(r"[.!?]\s", between) and not introduced:
                    i += 1
                    end = regions[i].end
        # (a quotation ending a sentence: "“Vampire Was the Song of the Summer” — Olivia Rodrigo (2023)" is a title)
        ended_sentence = re.search(r"[.!?…]\W*$", text[region.start : region.end]) is not None
        signed = DASH_AFTER.match(tail) if speaker is None and ended_sentence else None
        if signed is not None and person_like(signed.group("name")):
            # a pull quote or an embedded post signed with a dash ("“... get over stuff.” — Don McLean to Fox News
            # Digital", "“...” — Nicole Auerbach (@NicoleAuerbach) November 13, 2023")
            speaker = article.resolve(signed.group("name"), region.end + signed.start("name"))
            end = region.end + signed.end()
        if speaker is None:
            head = text[max(body_start, region.start - 200) : region.start]
            head = head.split("\n")[-1]
            opinion = OPINION.search(head)
            before = CUE_BEFORE.search(head) or _goes_on(article, head)
            if opinion:
                speaker = article.last_person(region.start, opinion.group(1))
            elif before:
                speaker = article.resolve(before.group(1), region.start - len(head) + before.start(1))
        if speaker is None and article.result.statements:
            # A quote that follows an attributed quote in the same paragraph goes on with it, as does one
            # opening the paragraph after a quotation left open at its paragraph's end.
            last = article.result.statements[-1]
            between = text[last.end : region.start]
            left_open = i > 0 and text[regions[i - 1].end - 1] not in CLOSERS and regions[i - 1].end <= last.end
            in_paragraph = "\n" not in between or (left_open and not between.strip())
            if last.kind == "quote" and (in_paragraph or _quotes_on(between)) and len(between.strip()) < 120:
                speaker = last.speaker
        if speaker is None and INTERVIEW_QUESTION.search(text[max(body_start, region.start - 240) : region.start]):
            # an interview: a paragraph that is only the interviewer's question, then the answer in quotation marks
            # ("How high should the deficit go?" / "I mean a deficit of 3% of GDP, or 5%, or 8% ...")
            speaker = _interviewee(article, text, region.start)
        if speaker is None:  # "CEO Daniel Ek echoed that sentiment. “We’re constantly ...”": the one just named
            speaker = _subject_before(article, sentences, region.start)
        if speaker:
            start, stop = _sentence_cover(sentences, region.start, end)
            add(start, stop, speaker, "quote")
        i += 1

    # Reported speech, sentence by sentence.
    for sentence in sentences:
        claimed_before = any(a < sentence.end and sentence.start < b for a, b in claimed)
        if claimed_before or _heading_of_nothing_said(text, sentence):
            continue
        line = text[sentence.start : sentence.end]
        speaker = None
        for pattern in (ACCORDING, AS_SAYS, BY_WHOM):
            match = pattern.search(line)
            if match:
                speaker = article.resolve(match.group(1), sentence.start + match.start(1))
                if speaker:
                    break
        inverted = INVERTED.match(line) if speaker is None else None
        if inverted is not None:
            at = sentence.start + inverted.start("who")
            after = line[inverted.end("who") :]  # "..., said Harbour Ferries Co-Owner, Dana Holt.": Dana Holt
            speaker = _named_after_title(article, inverted.group("who"), after, at) or article.resolve(
                inverted.group("who"), at
            )
        if speaker is None:
            match = REPORTED.search(line)
            if match:
                at = sentence.start + match.start(1)
                # "Opposition leader Per Nygaard, a member of the Green Party, warned": a description with "a" or
                # "an" after a comma is who the one named before it is, not another speaker of that description
                prefix = line[: match.start(1)]
                named_before = NAME_THEN_COMMA.search(prefix) if APPOSITIVE.match(match.group(1)) else None
                people = [n for n in (_run_name(m) for m in re.finditer(NAME, prefix)) if n and article.is_person(n)]
                if named_before is not None and people:
                    speaker = article.register(people[-1], sentence.start + prefix.rindex(people[-1]))
                elif named_before is not None and (body := _name_ending(prefix[: named_before.end()].rstrip(" ,"))):
                    # "The Harbour Board, a body of twelve, said": the body named before the description
                    speaker = article.resolve(body, sentence.start + prefix.rindex(body))
                else:
                    speaker = article.resolve(match.group(1), at)
                # a clause of its own after a conjunction ("Andy Rubin might be deposed, and Google says") names its
                # own speaker, no appositive of a person before it; the last of a list set off by commas is
                # ("Dr. Raphael Landovitz, co-director of UCLA's Center for ..., Prevention, and Treatment Services,
                # told": his)
                own_clause = (
                    re.match(r"(?:and|but|or|while|whereas)\s", match.group(1)) is not None
                    and line[match.end(1) : match.end(1) + 1] != ","
                )
                if speaker is None or (
                    article.result.speakers[speaker].kind == "group" and match.start(1) > 0 and not own_clause
                ):
                    # An appositive ("Daisuke Kawai, ..., an employee of ..., noted that"): the
                    # person is named earlier in the sentence.
                    if people:
                        speaker = article.register(people[-1], sentence.start + prefix.rindex(people[-1]))
                    elif speaker is None and not _says_nothing(match.group(1)):  # "so I said": "I" is no one's
                        lead = re.match(r"([^,]{2,60}),", line)
                        # a clause is no one ("And being default was not determinative, he said")
                        named = (
                            lead is not None
                            and not CLAUSE_WORDS & {w.lower() for w in lead.group(1).split()}
                            # "The Jays aren’t broadcasting ...", "They told themselves": a clause, no name
                            and not re.search(rf"n[’']t\b|\b(?:{VERBS})\b|^\s*they\b", lead.group(1), re.IGNORECASE)
                            and (lead.group(1).split() or [""])[0].lower() not in NO_SUBJECT_OPENS  # "In tests, ..."
                        )
                        # "OpenAI’s key business partner, Microsoft, which has invested ..., said": a description,
                        # then the name it describes set off by commas, is the one named, when what the verb follows
                        # is a clause on that name ("Around the same time, Musk, who had ..., resigned from the
                        # board in a move that OpenAI said" is OpenAI's word, not Musk's)
                        apposed = APPOSED_NAME.match(line) if lead and named else None
                        on_name = re.match(r"(?:which|who)\b", match.group(1)) is not None  # a clause on the name
                        if apposed is not None and on_name and not line[apposed.end() : match.start(1)].strip():
                            speaker = article.resolve(apposed.group("name"), sentence.start + apposed.start("name"))
                        if speaker is None:
                            speaker = article.resolve(lead.group(1), sentence.start) if lead and named else None
        if speaker is None and (called := CHARACTERISES.match(line)):  # "She called the data “uneventful”."
            mention = called.group(1)
            pronoun = mention in ("He", "She", "They")
            if pronoun or (article.named(mention, sentence.start) and mention.split()[0] not in GROUP_OPENERS):
                speaker = article.resolve(mention, sentence.start)
        if speaker is None and (opinion := OPINION.search(line)):
            speaker = article.last_person(sentence.start, opinion.group(1))
        if speaker:
            add(sentence.start, sentence.end, speaker, "reported")

    # An interview the article says it edited: each paragraph after a question of the interviewer's, up to the next
    # question, is the interviewee's answer, quoted or not ("What would you say the differences are ...?" / "I would
    # say Apple was ice and Google was fire.")
    # (its interviewee a speaker only when it is one: two questions at least follow the note)
    note = INTERVIEW_NOTE.search(text, body_start)
    interviewed = _interviewee_named(article, text, note.start(), body_start) if note is not None else None
    answers = _interview_answers(text, note.end(), interviewed[0]) if note and interviewed else []
    if interviewed is not None and answers:
        interviewee = article.register(*interviewed)
        for sentence in sentences:
            answered = any(a <= sentence.start < b for a, b in answers)
            if answered and not any(a < sentence.end and sentence.start < b for a, b in claimed):
                add(sentence.start, sentence.end, interviewee, "quote")

    _fuller_forms_win(article.result)

    # The rest is the article's own voice.
    voice = article_speaker or "the article"
    article.result.speakers.setdefault(voice, Speaker(voice, kind="article"))
    for sentence in sentences:
        if not any(a < sentence.end and sentence.start < b for a, b in claimed):
            article.result.statements.append(Statement(sentence.start, sentence.end, voice, "author"))
    article.result.statements.sort(key=lambda s: s.start)
    return article.result
