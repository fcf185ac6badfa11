"""The entity a who/which/what question asks for, voted for by the evidence.

Candidates are the names in the retrieved sentences (runs of capitalised words, acronyms)
that the question does not already say, without leading titles ("CEO Marc Benioff" is
Marc Benioff). Each sentence gives its names its score; a name gets its best score in each
article, and every further article that names it adds half of its score there: a question
that describes an entity through several reports is answered by the name they share. The
share of the retrieved passages that name a person adds to that: they are about the answer.
"Bankman-Fried" and "Sam Bankman-Fried" are one candidate (the same last word), shown in
its longest form; a person is asked for, a candidate with a person's name form answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

from rag.casing import SENTENCE_START
from rag.lexicon import AUXILIARIES, FUNCTION_WORDS, cached_pattern, content_stems, fold, stem, words
from rag.records import Evidence
from rag.word_frequency import zipf_frequency

# A run of capitalised words (with the small words names hold), or an acronym.
# A name may open with an abbreviation written with its full stop: a saint, a mount, a fort ("St. Patrick's Day",
# "Mt. Everest", "Ft. Lauderdale"), part of the name, or a title ("Dr. Anna Weiss", "Lt. Ray Lund"), none of it
# (`_clean`).
PLACE_ABBREVIATIONS = "St|Mt|Ft"
TITLE_ABBREVIATIONS = frozenset("dr mr mrs ms gov sen rep gen lt col capt prof rev sgt".split())
NAME_ABBREVIATION = (
    rf"(?:{PLACE_ABBREVIATIONS}|{'|'.join(sorted(a.capitalize() for a in TITLE_ABBREVIATIONS))})\.(?=\s+[A-Z])"
)
NAME = re.compile(
    rf"\b(?:{NAME_ABBREVIATION}|[A-Z][\w&'’.-]*[\w&]|[A-Z])(?:\s+(?:(?:of|de|del|da|van|von|der|la|le|&|for)\s+)?"
    rf"(?:{NAME_ABBREVIATION}|[A-Z][\w&'’.-]*[\w&]|[A-Z]\.?))*"
)
CONNECTORS = frozenset("of de del da van von der la le & for".split())
# Words written all in capitals, three or more in a row ("CHARLIE SHEEN'S TV RETURN COMES AFTER ...",
# "CLICK HERE TO GET THE APP"): capitals there say nothing of names. An acronym stands alone ("NATO").
SHOUTED = re.compile(r"(?<![\w'’])[A-Z][A-Z'’‘.&-]*(?:[\s,:;–—-]+[‘'\"“]?[A-Z][A-Z'’‘.&-]*[’'\"”]?){2,}(?![\w'’])")
# A web address or an account's handle in an embedded post ("https://t.co/MzKs7tfv4M", "pic.twitter.com/jSis5C",
# "(@CNationsLeague)"): its capitals name no one
WEB_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co|ly|io|me|tv)/\S*|@\w+")
# Players named by their position and press roles: a word standing before a name ("Pitcher Kenji Morita")
# that is no part of it, and a kind of person a question asks for ("Which pitcher ...": `rag.question`)
ROLES = frozenset(
    "pitcher catcher shortstop outfielder striker goalkeeper midfielder defender winger linebacker cornerback "
    "receiver punter wicketkeeper referee umpire jockey golfer columnist reporter correspondent commentator "
    "spokesman spokeswoman spokesperson professor ambassador".split()
)
TITLES = ROLES | frozenset(
    "ceo cto cfo coo founder co-founder cofounder chief executive chairman chairwoman chair president vice prime "
    "minister secretary senator governor mayor director head coach manager quarterback star rookie judge former "
    "current general dr mr mrs ms sir lord lady king queen prince princess pope sen rep gov".split()
)
# What a person is called: the noun after "which"/"what" an entity question asks a person with (or "who")
PERSON_NOUNS = ROLES | frozenset(
    "person individual man woman people player athlete ceo founder executive leader figure entrepreneur "
    "investor author writer journalist coach manager president minister official actor actress "
    "singer musician artist director quarterback boxer fighter driver celebrity expert analyst diplomat "
    "scholar chancellor premier employee fellow researcher scientist economist politician lawmaker senator mayor "
    "governor chairman chairwoman editor pundit critic kicker rusher batter batsman bowler swimmer sprinter "
    "cyclist skater skier rookie billionaire co-founder lawyer attorney judge prosecutor witness defendant "
    "plaintiff candidate rapper comedian influencer streamer novelist poet filmmaker photographer chef doctor "
    "physician surgeon teacher soldier activist".split()
)
NOT_PERSON = frozenset(
    """university institute center centre society forces alliance council party agency ministry army navy summit
    organization organisation republic kingdom union war world group program corporation committee government
    parliament congress bank fund media news times post inc corp company co ltd llc league association foundation
    commission department club fc games studios labs technologies systems networks capital partners records
    podcasts music entertainment sports airlines motors research reserve court house insurance holdings ventures
    lines energy foods pharmaceuticals pharma health hospital clinic school college press stadium arena airport
    station bridge street avenue road square hotel museum theatre theater festival cup prize award bowl
    championship tournament series town city united rovers athletic county wanderers rangers hotspur albion island
    islands football rugby cricket tennis basketball hockey soccer baseball golf netball cycling swimming athletics
    images photos pictures photography highlights
    """.split()  # not "park": Park Ji-sung; a sport's governing body: "Football Australia", "Hockey Canada"; a
    # photo agency in a caption's credit: "(AFP via Getty Images)"; a page's heading: "Match Highlights"
)
CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december".split()
)
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())  # "Dec. 7"
# Adjectives of origin that stand before a name ("European Discogs", "Italian Giorgia Meloni"): those of countries,
# continents and regions. A list, not a suffix: "Brian", "Christian", "Zach", "Sean", "Julian" are first names and
# "Watch", "Switch", "Beach", "Munich" words of names ("Apple Watch", "Norwich City"), though they end alike.
DEMONYMS = frozenset(
    """
    afghan african albanian algerian american andalusian angolan arab arabian argentine argentinian armenian asian
    australian austrian azerbaijani bahraini balinese bangladeshi basque bavarian belarusian belgian bolivian bosnian
    brazilian british bulgarian burmese californian cambodian cameroonian canadian caribbean catalan chilean
    chinese colombian congolese cornish croatian cuban cypriot czech danish dominican dutch ecuadorian egyptian
    emirati english eritrean estonian ethiopian european fijian filipino finnish flemish french gambian georgian
    german ghanaian greek guatemalan haitian hawaiian honduran hungarian icelandic indian indonesian iranian iraqi
    irish israeli italian ivorian jamaican japanese jordanian kazakh kenyan korean kosovan kurdish kuwaiti latin
    latvian lebanese liberian libyan lithuanian luxembourgish macedonian malagasy malaysian maltese mexican
    moldovan mongolian montenegrin moroccan mozambican namibian nepalese nicaraguan nigerian nordic norwegian
    pakistani palestinian panamanian paraguayan persian peruvian polish portuguese qatari romanian russian
    rwandan saudi scandinavian scottish senegalese serbian singaporean slovak slovakian slovenian somali
    south-african spanish sri-lankan sudanese swedish swiss syrian taiwanese tanzanian texan thai tibetan
    tunisian turkish ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean
    """.split()
)
NEAR_BONUS = 2.0  # a name next to the words a "which X" question names its answer by
SPREAD_BONUS = 0.5  # each further article that names the candidate adds this share of its score there
COMMON_ZIPF = 4.0  # a word this frequent in English after a title or an origin makes a name with it ("General Motors")
FIRST_NAME_ZIPF = 5.0  # first names are rarer than this in English ("Sam" 4.6; "Because", "When" above 6)
# When a person is asked for, the share of the retrieved passages that name a candidate, times
# this, is added to its score: the person a description points to is the one the passages are
# about, not a colleague named in the sentence that shares most words with one clause. On 400
# MultiHop-RAG tuning questions (seeds 33 / 21), entity answers correct 0.843 -> 0.888 / 0.881 ->
# 0.911, about the same from 1 to 3, nothing else moved. For organisations it did not help: a
# place every passage names ("Northpoint") is no company.
MENTION_WEIGHT = 1.0
OWNER_ONLY = 0.5  # a candidate written only as the owner of something the question names: this share of its score
OTHER_KIND = 0.5  # an organisation is asked for and the name looks like a person's: this share of its score
VENUE_ONLY = 0.25  # a person is asked for and the name is written where things happen ("at Old Trafford")
# A journalist credited with the news ("ESPN's Heather Dinich reported ...", "— Adam Schefter (@AdamSchefter) October
# 30, 2023", "according to ESPN's Jeff Passan", "Source: Jeff Passan, ESPN") tells of the story and takes no part in
# it: a name written only so answers a question about the story at this share of its score (not one about reporting)
REPORTER_ONLY = 0.5
REPORTED_AFTER = re.compile(
    r"(?:\s*\(@\w+\)"  # an embedded post's signature
    r"|['’]s?\s+(?:report|reporting|sources?)\b"  # "per Passan's report"
    # "Dinich has reported", "Ross Dellenger and Dan Wetzel reported", "with Passan reporting"
    r"|(?:\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?\s+(?:has\s+|had\s+|also\s+|first\s+|previously\s+|later\s+)?"
    r"(?:reported|reports|reporting)\b(?!\s+to\b))"  # not "reports to the board"
)
REPORTED_BEFORE = re.compile(  # "according to ESPN's ", "per NFL Network's ", "Source: ", "reported by "
    r"(?:\b(?:according\s+to|per|via)\s+(?:[A-Z][\w&.-]*\s+){0,3}[\w&.-]+['’]s?\s+|\bsource:\s+|\breported\s+by\s+)$",
    re.IGNORECASE,
)
ASKS_OF_REPORTING = frozenset(
    stem(w)
    for w in "report reported reporter reporting journalist columnist correspondent writer wrote written write tweet "
    "tweeted according source insider column broke scoop".split()
)


@dataclass
class Candidate:
    """A name the evidence offers as the answer, with where it was found."""

    name: str
    score: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)
    forms: dict[str, int] = field(default_factory=dict)
    article_scores: dict[str, float] = field(default_factory=dict)  # its best sentence's score in each article

    @property
    def articles(self) -> set[str]:
        """The articles that name it."""
        return {e.doc_id for e in self.evidence}

    @property
    def is_person(self) -> bool:
        """Whether one of its forms is a person's name (two to four words, one of them rare, no institution word)."""
        return any(person_like(form) for form in self.forms)


INNER_ACRONYM = re.compile(r"[a-z][A-Z]{2,}")  # "BetMGM", "TechCrunchTV": a brand ("McDonald", "DeSantis" are names)


def person_like(name: str) -> bool:
    """Two to four capitalised words, none an institution's, one of them rare in English."""
    return shaped_as_person(name) and any(zipf_frequency(fold(w)) < 3.5 for w in re.split(r"[\s-]+", name) if w)


def shaped_as_person(name: str) -> bool:
    """Two to four capitalised words, no acronym among them, none an institution's: a person's name may be so shaped
    ("Tim Cook"; not "Bank of Japan", "NASCAR Xfinity Series")."""
    words = [fold(w) for w in re.split(r"[\s-]+", name) if w]
    if not 2 <= len(name.split()) <= 4 or name.isupper():
        return False
    if any(len(w) > 1 and (w.isupper() or INNER_ACRONYM.search(w)) for w in re.split(r"[\s-]+", name)):
        return False  # an acronym in it ("WR PPR Rankings", "BetMGM Sportsbook"): a heading or a firm, not a person
    if any(w in NOT_PERSON for w in words):
        return False
    return not any(w in ("of", "for", "&", "and") for w in words)  # "Militarization of Tokyo", "Bank of Japan"


ARTICLES = frozenset({"the", "a", "an"})
# "Who led the round?": the deed a "who" question asks who did
WHO_DID = re.compile(
    r"\s*who\s+(?!(?:is|was|are|were|has|have|had|did|does|do|will|would|can|could)\b)(?P<verb>[a-z]+)\b", re.I
)


# A title in quotation marks, written in title case ("“Your Face Belongs to Us”", "‘Dream Track’"): one name, small
# words and all, not the runs of capitalised words between them
QUOTED_TITLE = re.compile(r"[“\"‘](?P<title>[A-Z0-9][^“”\"‘’]{2,80}?)[,.]?[”\"’](?![\w])")


SPOKEN_AFTER = re.compile(  # "“I Am Not Going to Resign,” Jones said": words spoken, not a title
    r"\s*(?:(?:[A-Z][\w'’.-]*|he|she|they|it|we)\s+){1,3}(?:said|says|told|tells|added|adds|asked|asks|wrote|writes)\b"
)


def _quoted_titles(sentence: str) -> list[re.Match[str]]:
    """The titles a sentence quotes: two words or more, each capitalised but for small words, a small word among
    them (else the run of capitals is one name anyway), no sentence's end inside, and no one said to say it."""
    found = []
    for match in QUOTED_TITLE.finditer(sentence):
        written = match.group("title").split()
        small = [w for w in written if fold(w) in FUNCTION_WORDS]
        capitalised = all(w[0].isupper() or w[0].isdigit() or fold(w) in FUNCTION_WORDS for w in written)
        spoken = SPOKEN_AFTER.match(sentence, match.end()) is not None
        if (
            2 <= len(written) <= 10
            and small
            and capitalised
            and written[-1][0].isupper()
            and not spoken
            and not re.search(r"[!?;:]$", match.group("title"))  # a comma or full stop before the quote is outside
        ):
            found.append(match)
    return found


def names_in(
    sentence: str, first_names: AbstractSet[str] = frozenset(), fixed_owners: AbstractSet[str] = frozenset()
) -> list[str]:
    """The names a sentence holds: no leading article, title or possessive; cut at function words (but in a title
    quoted in title case, `QUOTED_TITLE`); none in shouted capitals or in a web address or handle.

    `first_names`: the first names of people the corpus quotes (`known_names`), folded: one opening a sentence
    before a surname stays part of the name ("Sam Bankman-Fried testified"). `fixed_owners`: owners whose
    possessive is part of the name after it (`fixed_name_owners`: "Valentine's Day", "Tom's Hardware")."""
    titles = _quoted_titles(sentence)
    found = [t.group("title") for t in titles]
    shouted = [m.span() for m in SHOUTED.finditer(sentence) if _is_shouting(m.group())]
    shouted += [m.span() for m in WEB_ADDRESS.finditer(sentence)]
    shouted += [t.span() for t in titles]
    for match in NAME.finditer(sentence):
        if any(a <= match.start() < b for a, b in shouted):
            continue
        # a sentence opens there, maybe with a quotation ("“Thinking it was the flu ...")
        at_start = bool(re.search(r"(?:^|[.!?:])\s*[\"'“‘(]?$", sentence[: match.start()]))
        piece: list[str] = []
        run = match.group().split()
        # "Sam Bankman-Fried testified": the first name of a person the corpus quotes, before a surname
        known_first = at_start and _known_first_name_opening(run, first_names)
        for i, word in enumerate([*run, ""]):
            folded = fold(word.strip(".,"))
            # a function word ends a name, unless written with a capital inside the sentence ("the All Blacks")
            inside = word[:1].isupper() and not (at_start and i == 0) and folded not in ARTICLES
            ends = not word or (folded in FUNCTION_WORDS and folded not in CONNECTORS and not inside)
            # at the start of a sentence a capital says nothing: an ordinary word there is no name
            # (nor is a participle: "Echoing Bankman-Fried, ...", "Citing Reuters")
            common_start = (
                at_start
                and i == 0
                and (
                    zipf_frequency(folded) >= 4.0 or folded.endswith("ly") or (folded.endswith("ing") and len(run) > 1)
                )
                and not _first_name_opening(run)
                and not known_first
                and not _owner_in_name(run[:1], run[1:], fixed_owners)  # "Mother's Day sales rose"
            )
            # "AI-powered", "Russia-based": a capital before a hyphen and a lower-case English word is no
            # name ("Kim Hyo-myung" is)
            compound = not re.search(r"-[A-Z]", word) and any(
                zipf_frequency(part) >= 3.5 for part in re.findall(r"-([a-z]+)", word)
            )
            if ends or common_start or compound:
                found.extend(_clean(piece))
                piece = []
                continue
            piece.append(word)
            # a possessive ends a name: "MLB Network's Jon Morosi" is two; but not inside a fixed name
            # ("Valentine's Day")
            if re.search(r"['’]s$", word) and not _owner_in_name(piece, run[i + 1 :], fixed_owners):
                found.extend(_clean(piece))
                piece = []
    return [n for n in found if n and not _people_of_a_country(n, sentence)]


def _people_of_a_country(name: str, sentence: str) -> bool:
    """Whether a name is the people of a country or region, no one named ("as Americans who chose to build ...", "two
    Italians"); "the Texans", a side, is a name."""
    if " " in name or fold(name).removesuffix("s") not in DEMONYMS or not name.endswith("s"):
        return False
    return not any(
        re.search(r"\bthe\s+$", sentence[: m.start()], re.IGNORECASE) for m in re.finditer(re.escape(name), sentence)
    )


SURNAME_ZIPF = 3.5  # a surname is rarer than this in English ("Durant", "Moynihan"; "Google", "Apple" are not)


def _known_first_name_opening(run: Sequence[str], first_names: AbstractSet[str]) -> bool:
    """Whether a run of capitals opening a sentence opens with the first name of a person the corpus quotes and
    then a surname: a word rare in English, maybe hyphenated ("Sam Bankman-Fried", "Tim Eide-Brandt's"), no
    title ("Finance Minister Jim Chalmers": attribution's mistakes put "Finance" among the first names)."""
    if len(run) < 2 or fold(run[0].strip(".,")) not in first_names:
        return False
    surname = re.sub(r"['’]s?$", "", fold(run[1].strip(".,")))
    return (
        surname.replace("-", "").isalpha()
        and surname not in TITLES
        and zipf_frequency(surname) < SURNAME_ZIPF
        and shaped_as_person(" ".join(run[:2]))
    )


def _owner_in_name(owner: Sequence[str], owned: Sequence[str], fixed_owners: AbstractSet[str]) -> bool:
    """Whether a possessive is part of a fixed name: its owner ("Valentine's") is one of `fixed_owners` and the
    words it owns are title-case common words, no title ("Day", "Thanksgiving Day Parade", "Hardware"); a person
    after it ("MLB Network's Jon Morosi") is a name of their own."""
    if not owner or not owned or fold(re.sub(r"['’]s?$", "", " ".join(owner))) not in fixed_owners:
        return False
    common = [fold(w.strip(".,")) for w in owned if w[:1].isupper()]
    return (
        len(common) == len([w for w in owned if fold(w) not in CONNECTORS])
        # no word opening the next sentence of a heading run on ("Polygon's What ...")
        and all(w not in TITLES and w not in FUNCTION_WORDS and zipf_frequency(w) >= COMMON_ZIPF for w in common)
        and fold(owned[-1]) not in CONNECTORS
    )


# "Valentine's Day", "Macy's Thanksgiving Day Parade": a possessive before a capitalised word, and its owner
POSSESSIVE_BEFORE_CAPITAL = re.compile(r"['’]s\s+[A-Z]")
# "St. Patrick's Day": the saint's
OWNER = re.compile(rf"(?<![\w'’.-])(?:(?:{PLACE_ABBREVIATIONS})\.\s+)?[A-Z][\w.-]*$")
# a capitalised word right before a name: then it is the last word of a longer one ("Bobby Valentine", "Best Buy's")
CAPITAL_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w.-]*)\s+$")
NOT_OWNERS = frozenset({"let"})  # "Let's Chat": "let us"
OWNED = re.compile(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*")  # the run of capitals after a possessive
OWNED_BEFORE = re.compile(r"['’]s?\s+$")  # a possessive right before a name
NEAR_NAME = 40  # characters before a name read for the word right before it


def fixed_name_owners(texts: Sequence[str]) -> frozenset[str]:
    """The owners (folded) whose possessive is part of a name in `texts`: written before title-case common words
    ("Valentine's Day", "Tom's Hardware", "Macy's Thanksgiving Day Parade") and nowhere as a name of their own, nor
    as a day or month ("Tuesday's Board Meeting"). An owner written alone is a person or a body whose
    possessive ends its name: "Quayside said ..." makes "Quayside's Ferry Pass" two names, as "Microsoft's Windows"
    is in a report writing "Microsoft" elsewhere."""
    owned: dict[str, set[str]] = {}  # each owner, and the runs of capitals it owns
    for text in texts:
        for possessive in POSSESSIVE_BEFORE_CAPITAL.finditer(text):
            owner = OWNER.search(text, max(0, possessive.start() - NEAR_NAME), possessive.start())
            # "Best Buy's Price Match": "Buy" is no owner by itself
            if owner is not None and not _after_a_name_word(text, owner.start()):
                run = OWNED.match(text, possessive.end() - 1)
                # up to a sentence's end ("Valentine's Day. The ...")
                owned.setdefault(owner.group(), set()).add(run.group().split(". ")[0].rstrip(".") if run else "")
    owners = {
        o
        for o in owned
        # an acronym is a body's ("ESPN's College GameDay", "NWSL's Angel City FC")
        if not _is_qualifier(o) and fold(o) not in FUNCTION_WORDS | NOT_OWNERS and not (len(o) > 1 and o.isupper())
    }
    # what it owns is a name of its own, written apart ("Apple's App Store" where "the App Store" stands alone,
    # "Women's World Cup" and "the World Cup"): the possessive ends the owner's name
    return frozenset(
        fold(o)
        for o in owners
        if not any(_written_alone(o, text) for text in texts)
        and not any(_written_alone(run, text, sentence_start=False) for run in owned[o] if run for text in texts)
    )


def _written_alone(name: str, text: str, sentence_start: bool = True) -> bool:
    """Whether `text` writes `name` as a name of its own: not as an owner ("Quayside's"), nor as what one owns
    ("Valentine's Day"), nor as a word of a longer run of capitals ("Bobby Valentine", "Tom Brady"; "The Quayside"
    is alone); without `sentence_start`, not where a sentence opens either ("Day one of the trial ..."). Found
    with `str.find`: a pattern compiled for each owner took 4.4 ms of a vote over 20 passages, this about 1 ms."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        before, after = text[start - 1 : start], text[end : end + 3]
        inside_word = (before.isalnum() or before in "'’.-_") and start > 0
        owner_or_longer = re.match(r"[\w'’-]|\s+[A-Z]", after) is not None
        owned = OWNED_BEFORE.search(text, max(0, start - 3), start) is not None
        opening = not sentence_start and SENTENCE_START.search(text, max(0, start - 6), start) is not None
        if (
            not inside_word
            and not owner_or_longer
            and not owned
            and not opening
            and not _after_a_name_word(text, start, abbreviations=True)
        ):
            return True
        start = text.find(name, end)
    return False


def _after_a_name_word(text: str, start: int, abbreviations: bool = False) -> bool:
    """Whether a capitalised word that is no function word nor title stands right before `start` ("Best Buy's"; not
    "The Buy's", "Mr. Valentine"); with `abbreviations`, also one ending in a stop (not "St. Patrick's Day"
    otherwise)."""
    before = CAPITAL_BEFORE.search(text, max(0, start - NEAR_NAME), start)
    if before is None or fold(before.group(1)) in FUNCTION_WORDS or fold(before.group(1).strip(".")) in TITLES:
        return False
    word = before.group(1)
    if not word.endswith("."):
        return True
    return abbreviations and len(word.rstrip(".")) <= 3  # "St." abbreviates; "Parade." ends a sentence


def _first_name_opening(run: Sequence[str]) -> bool:
    """Whether a run of capitals opening a sentence is a person's first name and surname ("Kevin Durant scored 30"):
    two words, the first no rarer than first names are (`FIRST_NAME_ZIPF`) and no function word, the second rare
    in English; not "Yesterday Moynihan", "Meanwhile Google"."""
    if len(run) != 2:
        return False
    first, second = (fold(w.strip(".,")) for w in run)
    return (
        first not in FUNCTION_WORDS
        and not first.endswith(("ing", "ly"))  # "Flushing MXenes with gas", "Notably Durant"
        and zipf_frequency(first) < FIRST_NAME_ZIPF
        and second.isalpha()
        and zipf_frequency(second) < SURNAME_ZIPF
    )


def _is_shouting(run: str) -> bool:
    """Whether words in capitals are a stretch of ordinary text written loud, not a name or acronyms:
    one of them is a small word ("TO", "AFTER", "HE")."""
    return any(fold(w) in FUNCTION_WORDS for w in re.findall(r"[A-Za-z]+", run))


# Titles that are also words of names ("Amazon Prime Video", "Red Star Belgrade", "General Motors", "Burger King"):
# inside a name they do not split it (`_split_at_title`)
NAME_WORD_TITLES = frozenset(
    "prime star general former current head vice chief king queen prince princess lord lady sir pope rookie "
    "quarterback dr mr mrs ms".split()
)


def _split_at_title(words: list[str]) -> int:
    """Where a run of capitalised words writes an organisation, then a person's title and name ("Slack CEO Lidiane
    Jones", "Fed Chair Jerome Powell"): the index of the title, or 0."""
    for i in range(1, len(words) - 2):
        title = fold(words[i].strip("."))
        if title not in TITLES or title in NAME_WORD_TITLES or fold(words[i - 1].strip(".")) in TITLES:
            continue
        rest = i + 1
        while rest < len(words) and fold(words[rest].strip(".")) in TITLES:
            rest += 1
        if shaped_as_person(" ".join(words[rest:])):
            return i
    return 0


def _clean(words: list[str]) -> list[str]:
    split = _split_at_title(words)
    if split:  # "Slack CEO Lidiane Jones": the firm, and the person its CEO is
        return _clean(words[:split]) + _clean(words[split:])
    # a leading title, month or day ("September Fed"), or adjective of origin ("European Discogs") is no part
    # of it; a title alone is no name at all, a month or an adjective alone may be ("May", "Germanic")
    while (
        words
        and (_is_qualifier(words[0]) or fold(words[0]) in CONNECTORS)
        and not _title_in_name(words)
        and not _origin_in_name(words)
    ):
        if len(words) == 1 and not _is_title(words[0]) and fold(words[0]) not in CONNECTORS:
            break
        words = words[1:]
    while words and fold(words[-1]) in CONNECTORS:
        words = words[:-1]
    name = re.sub(r"['’]s?$", "", " ".join(words)).strip(" .,&")
    if len(name) < 2 or fold(name) in FUNCTION_WORDS or fold(name) in CALENDAR | MONTH_ABBREVIATIONS:
        return []
    if " " not in name and fold(name) in DEMONYMS:
        return []  # "Japanese", "European": an adjective, not a name
    return [name]


def _title_in_name(words: list[str]) -> bool:
    """ "Prime Day", "General Motors": a title word before one common word is part of a name."""
    return (
        len(words) == 2
        and fold(words[0].strip(".")) in TITLES
        and not words[0].endswith(".")  # "Sen. Warren": a title written short is none
        and zipf_frequency(fold(words[1])) >= COMMON_ZIPF
    )


def _origin_in_name(words: list[str]) -> bool:
    """ "European Union", "British Museum", "French Open": an adjective of origin before a common word that is no
    title is part of a name ("Italian Giorgia Meloni", "Chinese President Xi Jinping" are a person's, after it)."""
    return (
        len(words) > 1
        and fold(words[0]) in DEMONYMS
        and fold(words[1]) not in TITLES
        and zipf_frequency(fold(words[1])) >= COMMON_ZIPF
    )


def _is_title(word: str) -> bool:
    """A title, or one written short with its full stop ("Lt.", "Prof.")."""
    folded = fold(word.strip("."))
    return folded in TITLES or (word.endswith(".") and folded in TITLE_ABBREVIATIONS)


def _is_qualifier(word: str) -> bool:
    """A title, a month or day, or an adjective of origin: words that stand before a name."""
    folded = fold(word.strip("."))
    return _is_title(word) or folded in CALENDAR or folded in DEMONYMS


NEAR_CHARACTERS = 300  # the text either side of a name read for the words near it (a few words fit many times over)


def _owns_asked(text: str, name: str, asked: set[str], window: int = 5) -> bool:
    """Whether `text` writes `name` as the owner ("Wiegman's", "Cosmatos'") of a name the question writes
    (`asked`: its words, folded) within `window` words after it, wherever it writes the name."""
    if name not in text:
        return False
    found = list(cached_pattern(rf"{re.escape(name)}(?:['’]s?)(?!\w)").finditer(text))
    if not found or len(found) < text.count(name):
        return False
    return all(_owned_names(words(text[m.end() : m.end() + NEAR_CHARACTERS])[:window], asked) for m in found)


def _owned_names(after: Sequence[str], asked: set[str]) -> bool:
    """Whether the words after a possessive reach a name of the question before a verb ("Kerr's injury-time
    goal earned Kessel Town": the goal is hers, not the team)."""
    for word in after:
        if fold(word) in asked:
            return True
        if word in AUXILIARIES or (len(word) > 4 and word.endswith(("ed", "ing"))):
            return False
    return False


APPOSITION_WORDS = 6  # words after the comma following a name within which an apposition names a role
COPULA = re.compile(r"\s+(?:is|was)\s+(?:a|an|the)\b")  # "Jon Smith is a ...", "... was the ..."
WORD_BEFORE = re.compile(r"([\w'’-]+)\s+$")  # the word right before a name, nothing but a space between


def introduces(text: str, name: str) -> bool:
    """Whether `text` says who `name` is, as a report does where it first names someone: a role right before the
    name ("Michigan coach Jim Harbaugh", "Manchester United manager Erik ten Hag"), an apposition naming one after
    it ("Yu Koizumi, senior fellow at the University of Tokyo"), or "is a", "was the" after it. A sentence that only
    writes the name ("No Jim Harbaugh on the bus.", "OFFICIAL: Jim Harbaugh suspended") does not."""
    roles = TITLES | PERSON_NOUNS
    for match in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text):
        before = WORD_BEFORE.search(text, 0, match.start())
        if before is not None and fold(before.group(1)) in roles:
            return True
        after = text[match.end() :]
        if after.startswith(",") and any(fold(w) in roles for w in words(after)[:APPOSITION_WORDS]):
            return True
        if COPULA.match(after):
            return True
    return False


def written_near(text: str, name: str, stems: AbstractSet[str], window: int = 4) -> bool:
    """Whether one of `stems` is within `window` words of `name`, wherever `text` writes it."""
    start = text.find(name) if name else -1
    while start >= 0:
        end = start + len(name)
        before = words(text[max(0, start - NEAR_CHARACTERS) : start])[-window:]
        after = words(text[end : end + NEAR_CHARACTERS])[:window]
        start = text.find(name, end)
        if any(stem(w) in stems for w in before + after):
            return True
    return False


def written_after(text: str, name: str, word: str, stems: AbstractSet[str]) -> bool:
    """Whether `text` writes `name` right after `word` and that after one of `stems` ("the summit in
    Madrid" for "In which city did the summit take place?"; "the war in the Middle East" is not)."""
    pattern = rf"([\w'’-]+)\s+{re.escape(word)}\s+(?:the\s+)?{re.escape(name)}\b"
    return any(stem(fold(m.group(1))) in stems for m in re.finditer(pattern, text, re.IGNORECASE))


@dataclass(frozen=True)
class KnownNames:
    """The surnames and first names of the people a corpus quotes, folded."""

    surnames: frozenset[str]
    first_names: frozenset[str]


@lru_cache(maxsize=4)
def known_names(people: tuple[str, ...]) -> KnownNames:
    """Surnames and first names of `people`; attribution's mistakes ("Because Bankman-Fried") are
    left out of the first names by their frequency: a first name is rarer than common words."""
    split = [name.split() for name in people if person_like(name)]  # not "Alameda Research"
    first = {fold(w[0]) for w in split if len(w) >= 2}
    return KnownNames(
        frozenset(fold(w[-1]) for w in split if w),
        frozenset(f for f in first if zipf_frequency(f) < FIRST_NAME_ZIPF and f not in FUNCTION_WORDS),
    )


def _with_first_name(surname: str, texts: Sequence[str], first_names: AbstractSet[str]) -> str:
    """ "Sam Bankman-Fried" for "Bankman-Fried": the known first name most often written before the
    surname in `texts` (a sentence opening with the full name gives only the surname when its first
    name is no known one and common in English, since a capital there says nothing); else the surname
    as it is."""
    pattern = cached_pattern(rf"\b([A-Z][a-z]+) {re.escape(surname)}\b")
    counts: dict[str, int] = {}
    for text in (t for t in texts if surname in t):
        for match in pattern.finditer(text):
            if fold(match.group(1)) in first_names:
                counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    return f"{max(counts, key=lambda f: counts[f])} {surname}" if counts else surname


def with_first_name(surname: str, texts: Sequence[str], people: Sequence[str]) -> str:
    """A surname shown with the first name `texts` write before it, when that is a first name of one
    of `people` (those the corpus quotes); else as it is."""
    return _with_first_name(surname, texts, known_names(tuple(people)).first_names)


def _another_name_ending(form: str, first_names: AbstractSet[str]) -> bool:
    """Whether a name of several words is no person's ("New York", "Football Australia"): it opens with a word common
    in English, as first names are not ("Marvin Harrison Jr."), and no known first name, and is not shaped as a
    person's name with a rare word."""
    if " " not in form:
        return False
    opening = fold(form.split()[0])
    common = zipf_frequency(opening) >= FIRST_NAME_ZIPF or opening in FUNCTION_WORDS
    return common and opening not in first_names and not person_like(form)


def _written_as_person(candidate: Candidate, texts: Sequence[str]) -> bool:
    """Whether `texts` write a one-word candidate as a person's surname, after a first name ("Sam
    Bankman-Fried"; a capitalised word rarer than common words, not an adjective of origin or a month)."""
    name = max(candidate.forms, key=len)
    if " " in name or (len(name) > 1 and name.isupper()):  # an acronym is no surname: "Yardbarker NFL writers"
        return False
    writing = [text for text in texts if name in text]
    if not writing:
        return False
    before = cached_pattern(rf"\b([A-Z][a-z]+) {re.escape(name)}\b")
    return any(
        zipf_frequency(fold(m.group(1))) < FIRST_NAME_ZIPF
        and fold(m.group(1)) not in FUNCTION_WORDS
        # an adjective of origin or a month is no first name: "the Japanese Constitution", "the September Fed"
        and (fold(m.group(1)) in TITLES or not _is_qualifier(m.group(1)))
        # ... nor a place the texts write as one: "Seattle Seahawks", where a game is "in Seattle"
        and not _written_as_place(Candidate(m.group(1), forms={m.group(1): 1}), texts)
        for text in writing
        for m in before.finditer(text)
    )


def _written_as_a_thing(candidate: Candidate, texts: Sequence[str]) -> bool:
    """Whether `texts` write the candidate after "the" at least as often as without ("the Blue Jays",
    "the Dodgers"): a team, a body or a thing, never a person."""
    writing = [text for text in texts if any(f in text for f in candidate.forms)]
    if not writing:
        return False
    written = "|".join(re.escape(f) for f in candidate.forms)
    named = cached_pattern(rf"(?<![\w-])(?P<the>(?:the|The)\s+)?(?:{written})(?![\w-])")
    found = [m for text in writing for m in named.finditer(text)]
    return bool(found) and 2 * sum(1 for m in found if m.group("the")) >= len(found)


def _a_common_word(candidate: Candidate, texts: Sequence[str], lower_words: AbstractSet[str]) -> bool:
    """Whether the candidate is a single word that the texts also write in lower case (`lower_words`: the words they
    write so), and with a capital only where a sentence opens: an English word that a sentence's capital made look
    like a name ("Renters in Tromsø face a shortage ...", "... renting them to renters"), not a name ("the Packers"
    inside a sentence)."""
    forms = list(candidate.forms)
    if any(" " in form or form == form.lower() or form.lower() not in lower_words for form in forms):
        return False
    written = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, forms))})(?![\w-])")
    return not any(
        m.start() and not SENTENCE_START.search(text, max(0, m.start() - 6), m.start())  # a capital inside a sentence
        for text in texts
        for m in written.finditer(text)
    )


LOWER_WORD = re.compile(r"(?<![\w-])[a-z][\w'’-]*")


ORGANISATION_PRONOUN = re.compile(r"\bits\b", re.IGNORECASE)
PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|his|her|hers|himself|herself)\b", re.IGNORECASE)


def _written_as_place(candidate: Candidate, texts: Sequence[str]) -> bool:
    """Whether `texts` write the candidate as a place somewhere: after a preposition of place ("in Dubai", "held at
    Old Trafford", "from Kyiv"; not "in Jaber's view"), before "-based" ("a Dubai-based firm"), after a place noun
    and "of" ("the city of Osaka"), or set off beside one ("the Japanese capital, Tokyo", "Lyon, France's third
    city")."""
    written = "|".join(re.escape(f) for f in candidate.forms)
    places = r"(?:city|capital|town|village|country|state|province|region)"
    name = rf"(?:{written})(?![\w'’-])"
    placed = re.compile(
        rf"\b(?:(?:in|at|from|near|outside|across|throughout|inside|into|{places}\s+of)\s+(?:the\s+)?|{places},\s+)"
        rf"{name}|(?<![\w-])(?:{written})-based\b|(?<![\w-]){name},\s+(?:[\w'’-]+\s+){{1,3}}{places}\b",
        re.IGNORECASE,
    )
    return any(placed.search(text) for text in texts)


# prepositions that put a name where something happens ("at Old Trafford", "in Lumen Field"): a person is
# seldom written after them ("a statement from Jones", "goals by Shaqiri" are not among them)
LOCATIVE = re.compile(r"\b(?:in|at|inside|outside|near)\s+(?:the\s+)?$", re.IGNORECASE)


def _written_as_venue(candidate: Candidate, texts: Sequence[str]) -> bool:
    """Whether `texts` write the candidate after a preposition of place (`LOCATIVE`: "at Old Trafford") in most of
    their mentions of it, not as an owner ("in Jaber's view"), and nowhere as one who said something ("Trafford
    said", "said Trafford")."""
    written = "|".join(re.escape(f) for f in candidate.forms)
    name = cached_pattern(rf"(?<![\w-])(?:{written})(?![\w'’-])")
    said = cached_pattern(
        rf"(?<![\w-])(?:{written})(?:,\s+\d+,)?,?\s+(?:said|says|told|added)\b|\b(?:said|says|added)\s+(?:{written})\b"
    )
    if any(said.search(text) for text in texts):
        return False
    # most of its mentions, not one ("a penalty straight at Ashby", "lost faith in Brandt")
    placed = [
        bool(LOCATIVE.search(text, max(0, m.start() - 12), m.start())) for text in texts for m in name.finditer(text)
    ]
    return 2 * sum(placed) > len(placed)


def _written_as_organisation(name: str, texts: Sequence[str]) -> bool:
    """Whether `texts` write a name shaped like a person's ("Veltro Robotics") as they write an
    organisation's: "its" after it in its sentences and never "he", "she" or "his" (up to the
    sentence's end); or called by its first word alone ("Veltro said") and never by its last, as
    a person is ("Halvorsen said")."""
    written = name.split()
    if len(written) < 2:
        return False
    after = [m.group(1) for text in texts for m in cached_pattern(rf"{re.escape(name)}([^.!?]*)").finditer(text)]
    if any(PERSON_PRONOUN.search(rest) for rest in after):
        return False
    if any(ORGANISATION_PRONOUN.search(rest) for rest in after):
        return True
    first, rest, last, before_last = (re.escape(w) for w in (written[0], written[1], written[-1], written[-2]))
    first_alone = re.compile(rf"\b{first}\b(?!\s+{rest}\b)")
    last_alone = re.compile(rf"(?<!{before_last} )\b{last}\b")
    return any(first_alone.search(t) for t in texts) and not any(last_alone.search(t) for t in texts)


def _written_as_reporter(candidate: Candidate, texts: Sequence[str]) -> bool:
    """Whether `texts` write the candidate (in any of its forms, or by its last word) only as a journalist credited
    with the news (`REPORTED_AFTER`, `REPORTED_BEFORE`), and at least once."""
    written = sorted({*candidate.forms, max(candidate.forms, key=len).split()[-1]}, key=len, reverse=True)
    named = cached_pattern(rf"(?<![\w-])(?:{'|'.join(map(re.escape, written))})(?![\w-])")
    found = [(text, m) for text in texts for m in named.finditer(text)]
    return bool(found) and all(
        REPORTED_AFTER.match(text, m.end()) or REPORTED_BEFORE.search(text[max(0, m.start() - 60) : m.start()])
        for text, m in found
    )


def _names_by_last_word(question: str, name: str) -> bool:
    """Whether the question writes a name's last word of four letters or more, capitalised, as a name."""
    last = name.split()[-1]
    return (
        len(last) >= 4
        and last[:1].isupper()
        and last in question
        and re.search(rf"(?<![\w-]){re.escape(last)}(?![\w-])", question) is not None
    )


def _initials_written(question: str, name: str) -> bool:
    """Whether the question writes an acronym the name is, with or without the stops between its initials
    ("U.S." and "US", "UK" and "U.K.")."""
    bare = name.replace(".", "")
    if len(bare) < 2 or not bare.isalpha() or not bare.isupper():
        return False
    return any(token.replace(".", "") == bare for token in re.findall(r"[\w.]+", question))


def _key(name: str) -> str:
    """What tells a candidate apart: its last word, folded ("Bankman-Fried" for "Sam Bankman-Fried")."""
    return fold(name.split()[-1])


def _another_of_the_name(candidate: Candidate, name: str) -> bool:
    """Whether a name of two words or more is another one's than the candidate's, though its last word is the
    same: the word before it differs from that of each of the candidate's forms of two words or more."""
    written = name.split()
    longer = [form.split() for form in candidate.forms if len(form.split()) >= 2]
    return len(written) >= 2 and bool(longer) and all(fold(f[-2]) != fold(written[-2]) for f in longer)


# the auxiliaries before a verb whose subject did the deed ("has led"; "is" only before "leading")
BEFORE_DONE = (None, "has", "have", "had")


WORD_WRITTEN = re.compile(r"[\w'’-]+")
# after a deed, "by" and a name, with at most when between ("founded in 2019 by Alex Gunnarson"; not "founded in 2015
# and backed by Peter Thiel")
DONE_BY = re.compile(
    r"(?:\s+(?:back\s+)?in\s+(?:19|20)\d\d|\s+(?:originally|jointly|together|first|also|now))*\s+by\s+(?:the\s+)?"
    r"(?-i:[A-Z])",
    re.IGNORECASE,
)


def done_by_name(sentence: str, deed: str) -> bool:
    """Whether a sentence tells the deed as done by someone it names: "Deft was founded in 2019 by Alex Gunnarson"
    (`DONE_BY`: "by" and a capitalised name right after the deed, or after when it was done)."""
    for match in WORD_WRITTEN.finditer(sentence):
        if tells_deed(match.group(), deed) and DONE_BY.match(sentence, match.end()):
            return True
    return False


def _did_it(candidate: Candidate, deed: str, done_to: str) -> bool:
    """Whether a sentence names the candidate as the one by whom the deed was done (`agent_of`), or as its subject
    doing it to the thing the question asks of (`does_deed_to`: "Janngo Capital ... led the pre-Series A funding
    round"; not a team that "scored" when a player is asked for)."""
    if agent_of(candidate, deed):
        return True
    return (
        bool(done_to)
        and agent_of(candidate, deed, subject=True)
        and any(does_deed_to(e.quote, deed, done_to) for e in candidate.evidence)
    )


def agent_of(candidate: Candidate, deed: str, subject: bool = False) -> bool:
    """Whether a sentence names the candidate as the one by whom the deed (a verb's stem) was done: "The round
    was led by Nordlys Ventures", "acquired by the Harlow Group"; with `subject`, also as the subject of the deed's
    own verb, right before it or set off before it ("Halvard Moe, the Rovers coach since 2019, praised ...", "Brisk
    Capital is leading the round"; not "Brisk Capital was led")."""
    for evidence in candidate.evidence:
        for form in candidate.forms:
            name = re.escape(form)
            by = rf"([\w'’-]+)\s+by\s+(?:the\s+)?{name}(?![\w-])"
            if any(_deed_stem(match.group(1)) == deed for match in re.finditer(by, evidence.quote)):
                return True
            if not subject:
                continue
            before = rf"(?<![\w-]){name},?(?:\s[^,.;]{{1,80}},)?\s+(?:(has|have|had|is|are|was|were)\s+)?([\w'’-]+)"
            for match in re.finditer(before, evidence.quote):
                verb = match.group(2)
                if _deed_stem(verb) == deed and (match.group(1) in BEFORE_DONE or verb.lower().endswith("ing")):
                    return True
    return False


# The past forms of verbs a "who" question asks with most ("Who leads ...?" is answered by "led by ...")
IRREGULAR_PAST = {
    "said": "say",
    "led": "lead",
    "won": "win",
    "bought": "buy",
    "sold": "sell",
    "paid": "pay",
    "made": "make",
    "wrote": "write",
    "took": "take",
    "gave": "give",
    "held": "hold",
    "ran": "run",
    "brought": "bring",
    "built": "build",
    "left": "leave",
    "struck": "strike",
    "sent": "send",
    "told": "tell",
}


def past_form(word: str) -> bool:
    """Whether a word is a verb's past form: an irregular one ("won", "led"), or one ending in -ed that is no
    function word ("need" is none)."""
    folded = word.lower()
    return folded in IRREGULAR_PAST or (len(folded) > 3 and folded.endswith("ed") and folded not in FUNCTION_WORDS)


# "Who has been hired to replace ...", "Who was appointed ...": the deed of a perfect or passive "who" question
WHO_WAS_DONE = re.compile(
    r"\s*who\s+(?:has|have|had|is|was|were|will)\s+(?:been\s+|be\s+)?(?P<verb>[a-z]+(?:ed|en)|won|led|made|sold|"
    r"bought|paid|held|built|sent|told|left|struck|brought|taken|given|written)\b",
    re.I,
)
# words after "who" that are no deed: "Who else ...", "Who among ..."
NOT_DEEDS = frozenset({"else", "among", "exactly", "really", "actually", "ever"})
# verbs whose deed is the one after "to": "Who is expected to replace ...", "Who plans to buy ..."
LEADING_ON = frozenset(
    "expected set scheduled tipped slated poised due going supposed said reported rumoured rumored thought believed "
    "considered plans planned wants wanted hopes hoped tries tried aims aimed seeks sought seems seemed appears "
    "appeared needs needed agreed agrees".split()
)
# the nouns of the one who did a deed: "winner", "scorer", "founder"
DOER_ENDINGS = ("ner", "er", "or")


# "Who runs the port and said ...": a deed after the first, joined by "and"
AND_DID = re.compile(r"\band\s+(?:also\s+|then\s+)?(?P<verb>[a-z]+)\b")


def asked_deeds(question: str, done_to: bool = True) -> list[str]:
    """The stems of the deeds a "who" question asks who did ("Who won ...?": "win"; "Who has been hired ...?":
    "hire"; "Who runs the port and said ...?": "run", "say"); none when it asks otherwise. Without `done_to`, none
    when it asks to whom a deed was done ("Who was hired ...?": the one hired, not the one by whom)."""
    found = WHO_DID.match(question) or (WHO_WAS_DONE.match(question) if done_to else None)
    if found is None:
        return []
    first = found.group("verb").lower()
    # "Who else ...", "Who exactly ...": no verb; "Who is expected to ...", "Who plans to ...": the deed is after "to"
    leads_on = first in LEADING_ON and question[found.end() :].startswith(" to ")
    if first in FUNCTION_WORDS or first in NOT_DEEDS or first.endswith("ly") or leads_on:
        return []
    deeds = [_deed_stem(first)]
    for joined in AND_DID.finditer(question, found.end()):
        verb = joined.group("verb")
        # a verb in the first one's tense ("runs ... and says"), or in the past ("... and said")
        if verb not in AUXILIARIES and (past_form(verb) or (first.endswith("s") and verb.endswith("s"))):
            deeds.append(_deed_stem(verb))
    return list(dict.fromkeys(deeds))


def tells_deed(sentence: str, deed: str, name: str = "", window: int = 0) -> bool:
    """Whether a sentence writes the deed (a verb's stem): in any form of the verb ("won", "wins", "winning") or
    as the one who did it ("the winner"); within `window` words of `name` when one is given."""
    if name:
        return any(
            tells_deed(" ".join(words(sentence[: m.start()])[-window:] + words(sentence[m.end() :])[:window]), deed)
            for m in re.finditer(re.escape(name), sentence)
        )
    for word in (w.removesuffix("'s") for w in words(sentence)):
        told = _deed_stem(word)  # "scorers": "scorer"
        if told == deed:
            return True
        bases = [told[: -len(e)] for e in DOER_ENDINGS if told.endswith(e) and len(told) > len(e) + 2]
        if any(deed.startswith(base) and len(deed) - len(base) <= 1 for base in bases):  # "scor", "win"
            return True
    return False


def _deed_stem(verb: str) -> str:
    """A verb's stem, its past form read as its present: "led" and "leading" are "lead"; a deed done with others is
    the deed ("co-led" is "lead", "co-founded" is "found")."""
    folded = verb.lower().removeprefix("co-")
    return stem(IRREGULAR_PAST.get(folded, folded))


# what ends the thing a deed is done to in a "who" question ("Who led StarNews Mobile's $3 million round in October?")
_DEED_OBJECT_END = re.compile(
    r"\s+(?:in|at|on|of|for|from|as|after|before|during|with|against|to|by|when|while|that|which)\b|[,?.;]"
)
# words after the deed within which a sentence writes what it was done to ("led the pre-Series A funding round")
DEED_NOUN_WINDOW = 6


def deed_noun(clause: str) -> str:
    """The stem of the noun a "who" question's deed is done to, its last word before a preposition ("Who led StarNews
    Mobile's $3 million round?": "round"); '' when the question writes none (a name is no noun: "Who replaced Mira
    Murati")."""
    asked = WHO_DID.match(clause)
    if asked is None:
        return ""
    written = words(_DEED_OBJECT_END.split(clause[asked.end() :], maxsplit=1)[0])
    last = written[-1] if written else ""
    if not last or last in FUNCTION_WORDS or last.isdigit() or any(last in words(n) for n in names_in(clause)):
        return ""
    return stem(last)


def does_deed_to(sentence: str, deed: str, done_to: str) -> bool:
    """Whether a sentence names someone, then tells the deed and, within `DEED_NOUN_WINDOW` words after it, the
    thing it was done to."""
    for match in WORD_WRITTEN.finditer(sentence):
        if not tells_deed(match.group(), deed):
            continue
        after = words(sentence[match.end() :])[:DEED_NOUN_WINDOW]
        if done_to in {stem(w) for w in after} and names_in(sentence[: match.start()]):
            return True
    return False


def vote(
    question: str,
    scored: Sequence[tuple[Evidence, float]],
    asks_for: str = "",
    exclude: Sequence[str] = (),
    near: str = "",
    people: Sequence[str] = (),
    context: Sequence[str] = (),
    introduced_by: str = "",
    titled: Callable[[Candidate], bool] | None = None,
) -> list[Candidate]:
    """Candidates from the evidence sentences (with their scores), best first.

    `exclude`: names the answer cannot be (the outlets the question names, say). `near`: the
    words a "which X" question names its answer by ("television corporation"): a name within
    a few words of one of them ("the television corporation NHK") counts more in that sentence.
    `people`: names known to be people's (those the corpus quotes): when a person is asked for,
    a candidate written only by one of their surnames ("Bankman-Fried") answers too, and is
    shown with the first name written before that surname, in the evidence or in `context`
    (the retrieved passages), when that is one of their first names. When a person is asked
    for, the share of `context` that names a candidate adds to its score (`MENTION_WEIGHT`).
    `introduced_by`: the preposition the question opens with ("In which city ..."): a name written
    right after it and that after a word of the question ("the summit in Madrid") counts more in
    that sentence, as one near `near` does. `titled`: whether the evidence gives a candidate the title a question
    asks who holds ("Who is the CEO of Apple?"): a name so titled is a person's though its words are common in
    English ("CEO Tim Cook").
    """
    known = known_names(tuple(people))
    deeds = asked_deeds(question, done_to=False)
    done_to = deed_noun(question)
    near_stems = {stem(w) for w in words(near)}
    question_stems = content_stems(question)
    # a small word ("by": "an article by Kim Hyo-myung") stands right next to the name it introduces
    window = 1 if all(w in FUNCTION_WORDS for w in words(near)) else 4
    asked = fold(question)
    named = {fold(w) for n in names_in(question) for w in words(n)} - FUNCTION_WORDS  # the names it writes
    excluded = [fold(x) for x in exclude]
    candidates: dict[str, Candidate] = {}
    best_in_article: dict[tuple[str, str], float] = {}
    everything = [e.quote for e, _ in scored] + list(context)
    fixed = fixed_name_owners(everything)
    for evidence, score in scored:
        for name in dict.fromkeys(names_in(evidence.quote, known.first_names, fixed)):
            folded = fold(name)
            if folded in asked or any(folded in x or x in folded for x in excluded):
                continue
            if all(fold(w) in asked or stem(fold(w)) in question_stems for w in re.split(r"[\s-]+", name) if w):
                continue  # every word of it is in the question already, maybe in another form ("MXenes", "MXene")
            if _names_by_last_word(question, name):
                continue  # "FTX CEO Sam Bankman-Fried" when the question names Bankman-Fried
            rest = name.split()[1:]
            if len(rest) >= 2 and cached_pattern(rf"\b{re.escape(fold(' '.join(rest)))}\b").search(asked):
                continue  # "Guide Carabao Cup", of a page's "Quick Guide", when the question names the Carabao Cup
            if _initials_written(question, name):
                continue  # "U.S." when the question writes "US"
            key = _key(name)
            if key in candidates and _another_of_the_name(candidates[key], name):
                key = folded  # "Harbour Analytics" is not "Kestrel Analytics", nor "Will Smith" "Jonathan Smith"
            candidate = candidates.setdefault(key, Candidate(name))
            candidate.forms[name] = candidate.forms.get(name, 0) + 1
            if evidence not in candidate.evidence:
                candidate.evidence.append(evidence)
            place = (key, evidence.doc_id)
            introduced = bool(introduced_by) and written_after(evidence.quote, name, introduced_by, question_stems)
            near_it = bool(near_stems) and written_near(evidence.quote, name, near_stems, window)
            weight = score * NEAR_BONUS if near_it or introduced else score
            best_in_article[place] = max(weight, best_in_article.get(place, 0.0))
    lower_words = {w for text in everything for w in LOWER_WORD.findall(text)}
    reporting = bool((question_stems | near_stems) & ASKS_OF_REPORTING)
    ranked = []
    for key, candidate in candidates.items():
        # a known surname stands for a person when written alone ("Halvorsen"), not as the last word of a name
        # that is no person's ("BetMGM Sportsbook", though a "Duel Sportsbook" was quoted), nor when written
        # alone as well as after an institution's word ("Football Australia" and "Australia")
        surname = (
            key in known.surnames
            and any(" " not in form for form in candidate.forms)
            and not any(fold(w) in NOT_PERSON for form in candidate.forms if " " in form for w in form.split())
            # ... nor when written too as the last word of a name that is no person's ("New York", though a Jed York
            # was quoted): a known first name or a person's shape before it, or it is another's name
            and not any(_another_name_ending(form, known.first_names) for form in candidate.forms)
        )
        a_person = (
            candidate.is_person
            or surname
            or _written_as_person(candidate, everything)
            or (titled is not None and titled(candidate))
        )
        # a body may be who did the deed asked about: "Who led the round?" is answered by "led by Nordlys Ventures",
        # or by "Janngo Capital, an Africa-focused venture capital firm, led the pre-Series A funding round"
        no_person = not a_person or _written_as_a_thing(candidate, everything)
        if asks_for == "person" and no_person and not any(_did_it(candidate, deed, done_to) for deed in deeds):
            continue
        if _a_common_word(candidate, everything, lower_words):
            continue
        scores = sorted((s for (k, _), s in best_in_article.items() if k == key), reverse=True)
        candidate.score = scores[0] + SPREAD_BONUS * sum(scores[1:])
        if context and asks_for == "person":  # whom the passages are about (written as here, or by surname)
            written = [*candidate.forms, max(candidate.forms, key=len).split()[-1]]
            named_in = cached_pattern(rf"(?<![\w-])(?:{'|'.join(map(re.escape, written))})(?![\w-])")
            candidate.score += MENTION_WEIGHT * sum(1 for t in context if named_in.search(t)) / len(context)
        # shown in its most frequent full form (of two words or more), else as most often written
        forms = candidate.forms
        full = [f for f in forms if len(f.split()) >= 2] or list(forms)
        # ... a person's in a person's form ("Cole Pennington", not "QB Chad Pennington", written as often)
        person = asks_for == "person"
        candidate.name = max(full, key=lambda f: (person and person_like(f), forms[f], len(f)))
        by_surname = candidate.name.split()[-1]
        if person_like(candidate.name) and forms.get(by_surname, 0) > forms[candidate.name]:
            # written mostly by the surname alone, the full form written once may be a relative's ("Her brother
            # Gabe Bankman-Fried"): the first name the evidence and the passages write most before it names it
            texts = [e.quote for e in candidate.evidence] + list(context)
            most_written = _with_first_name(by_surname, texts, known.first_names)
            candidate.name = most_written if " " in most_written else candidate.name
        if len(candidate.name.split()) == 1:
            texts = [e.quote for e in candidate.evidence] + list(context)
            candidate.name = _with_first_name(candidate.name, texts, known.first_names)
        # written only as the owner of what the question names ("Sarina Wiegman's Lionesses", "Panos Cosmatos'
        # horror film Mandy"): a name describing the question's subject, not one answering it
        if all(_owns_asked(e.quote, f, named) for e in candidate.evidence for f in candidate.forms if f in e.quote):
            candidate.score *= OWNER_ONLY
        if not reporting and a_person and _written_as_reporter(candidate, everything):
            candidate.score *= REPORTER_ONLY
        # a place is asked for: a person never written as one is no answer ("Which city hosted COP28?": not "Jaber",
        # its president), and a name never written as a place answers at a penalty
        placed = asks_for != "place" or _written_as_place(candidate, everything)
        if not placed and not no_person:
            continue
        if not placed:
            candidate.score *= OTHER_KIND
        # a person is asked for: a name written where things happen ("at Old Trafford") and not as a person known
        # to the corpus is a place's, at a penalty
        if asks_for == "person" and key not in known.surnames and _written_as_venue(candidate, everything):
            candidate.score *= VENUE_ONLY
        organisation = asks_for == "organization"
        if organisation and candidate.is_person and not _written_as_organisation(candidate.name, everything):
            candidate.score *= OTHER_KIND  # a name form can mislead ("Quayside Ferries"): a penalty, not a veto
        candidate.article_scores = {doc: score for (k, doc), score in best_in_article.items() if k == key}
        candidate.evidence.sort(key=lambda e: -candidate.article_scores.get(e.doc_id, 0.0))
        ranked.append(candidate)
    return sorted(ranked, key=lambda c: -c.score)
