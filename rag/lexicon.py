"""Words: folding for matching, tokenizing, stemming, function words, how common a word is in English.

Text is matched after folding (`fold`): compatibility forms (NFKC: the ligature "ﬁ" is
"fi"), no soft hyphens or zero-width characters, no accents, one case. Stored text and its
offsets never change: folding is applied to copies, for comparing words.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

import Stemmer

# Characters that hide inside words without showing (soft hyphen, zero-width space and
# joiners, word joiner, byte order mark) go; hyphens that NFKC keeps apart become "-".
INVISIBLE: dict[int, str | None] = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
INVISIBLE.update({0x2010: "-", 0x2011: "-"})
# str.translate walks every character in Python (0.6 ms for a 1,200-character passage); a
# regular expression finds the rare ones in C.
_INVISIBLE = re.compile("[" + "".join(map(chr, INVISIBLE)) + "]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=8192)
def cached_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile`, kept longer than `re`'s own cache (512 patterns): the patterns built from the names and outlets
    a question meets run to a thousand a minute, and compiling one costs more than the search it serves."""
    return re.compile(pattern, flags)


def _visible(text: str) -> str:
    return _INVISIBLE.sub(lambda m: INVISIBLE[ord(m.group())] or "", text)


def _no_marks(run: re.Match[str]) -> str:
    return "".join(c for c in run.group() if not unicodedata.combining(c))


def fold(text: str) -> str:
    """`text` for matching: NFKC, invisible characters removed, accents stripped, case folded."""
    text = _visible(unicodedata.normalize("NFKC", text))
    if not text.isascii():  # accents are combining marks once decomposed; only non-ASCII runs can hold them
        text = unicodedata.normalize("NFC", _NON_ASCII.sub(_no_marks, unicodedata.normalize("NFD", text)))
    return text.casefold()


def fold_for_search(text: str) -> str:
    """`text` as search sees it: compatibility forms and invisible characters normalised, case and accents kept.

    For the embedder and BM25, which handle case and accents themselves.
    """
    return _visible(unicodedata.normalize("NFKC", text))


WORD = re.compile(r"(?u)\b\w[\w'’-]*\w\b|\b\w\b")
DOTTED_INITIALS = re.compile(r"\b(?:[A-Za-z]\.){2,}")  # "U.S.", "U.K.", "E.U."


def without_stops(text: str) -> str:
    """`text` with initials written with stops written without them: "U.S.-based" is "US-based"."""
    return DOTTED_INITIALS.sub(lambda m: m.group().replace(".", ""), text)


# the initials a country or union is named by, and the words the articles write it with besides ("18% of
# Americans" is a share of the US; "British ministers" are the UK's)
COUNTRY_INITIALS = {
    "us": ("usa", "american", "americans", "united states"),
    "usa": ("american", "americans", "united states"),
    "uk": ("britain", "british", "united kingdom"),
    "eu": ("european union",),
}


def initials_in(text: str) -> list[str]:
    """The folded words that initials written with stops stand for: "the U.K. and the E.U." writes "uk", "eu"."""
    return [fold(m.group().replace(".", "")) for m in DOTTED_INITIALS.finditer(text)]


# Function words and the words questions are framed with: they never name a subject.
_GRAMMAR_WORDS = """a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
nor not now of off on once only or other our ours ourselves out over own same she should so some such than that
the their theirs them themselves then there these they this those through to too under until up very was we were
what when where which while who whom whose why will with would you your yours yourself yourselves
isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't can't cannot couldn't
shouldn't mustn't needn't"""
# ... and the words a question or request uses of the corpus itself ("according to the sources")
_REQUEST_WORDS = """according said say says tell told give me please brief briefing summarize summarise describe explain
much many mention mentions mentioned article articles source sources text corpus document documents
anything something someone somebody everything way ways kind sort thing things one ones per"""
# the verbs that stand before another ("does", "was", "could"): no content, and no noun
# words hedging a figure asked for: "Exactly how many ...", "Roughly how much ..."
HEDGES = r"(?:exactly|roughly|approximately|about|around|precisely)"
AUXILIARIES = frozenset(
    "does do did is was were are has have had can could will would should shall may might must".split()
)
GRAMMAR_WORDS = frozenset(_GRAMMAR_WORDS.split())  # articles, pronouns, prepositions, conjunctions, auxiliaries
FUNCTION_WORDS = GRAMMAR_WORDS | frozenset(_REQUEST_WORDS.split())
# the nouns of an article, function words in a question ("the report on ...") though they say what is asked of
ARTICLE_NOUNS = frozenset("article articles report op-ed column editorial piece interview commentary".split())


@lru_cache(maxsize=1)
def stemmer() -> Stemmer.Stemmer:
    """The English Snowball stemmer BM25 uses too."""
    return Stemmer.Stemmer("english")


def straight_apostrophes(text: str) -> str:
    """`text` with every apostrophe straight (’, ‘, ʼ): a word is one word however its apostrophe is typed."""
    return text.translate(_APOSTROPHES)


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def words(text: str) -> list[str]:
    """Folded words of `text` (hyphens and apostrophes inside a word are kept, every apostrophe straight)."""
    return [straight_apostrophes(w) for w in WORD.findall(fold(text))]


def same_words(text: str) -> str:
    """`text` as its folded words only: two sentences that write the same words give the same string."""
    return " ".join(words(text))


def stem(word: str) -> str:
    """The Snowball stem of one lower-case word."""
    return str(stemmer().stemWord(word))


def content_words(text: str) -> list[str]:
    """Words that carry meaning: no function words, no one-letter words."""
    return [w for w in words(text) if w not in FUNCTION_WORDS and len(w) > 1]


# a number with its thousands set off ("$1,000"): its words are "1" and "000", and it is also one, "1000"
SEPARATED_NUMBER = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,]\d)")


@lru_cache(maxsize=16384)
def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words of `text` (hyphenated words also give their parts; a number with its
    thousands set off, the number written whole: "1,000" gives "1000"; initials written with stops, the word
    people type: "A.J. Brown" gives "aj").

    Cached: an answer weighs the same retrieved sentences against the question, each of its
    parts and clauses, and the entity it names.
    """
    found = content_words(text) + [m.group().replace(",", "") for m in SEPARATED_NUMBER.finditer(text)]
    found += [w for w in initials_in(text) if w not in FUNCTION_WORDS]  # "a.m." is no word of meaning
    parts = [part for word in found if "-" in word for part in word.split("-") if len(part) > 1]
    return frozenset(stemmer().stemWords(found + parts))  # one call into C for all of them


@lru_cache(maxsize=16384)
def stem_pairs(text: str) -> frozenset[tuple[str, str]]:
    """The stems of each two content words written one after the other (function words between them left out):
    the phrases a text writes ("ranking local search results": rank-local, local-search, search-result)."""
    stems = stemmer().stemWords(content_words(text))
    return frozenset(itertools.pairwise(stems))


@lru_cache(maxsize=16384)
def written_stems(text: str) -> frozenset[str]:
    """`content_stems` of a text that is searched, not searched with: two words written apart also stand
    for the word written closed ("deep fake" holds "deepfake", "health care" "healthcare")."""
    found = content_words(text)
    joined = [a + b for a, b in itertools.pairwise(found) if "-" not in a + b]
    return content_stems(text) | frozenset(stemmer().stemWords(joined))


# the irregular past forms of verbs a count is written with ("how many catches": "he caught 82 passes"; "how many
# wins": "they won 12 games"), by the stem of what is counted
IRREGULAR_FORMS = {
    "catch": ("caught",),
    "win": ("won",),
    "loss": ("lost",),
    "sale": ("sold",),
    "throw": ("threw", "thrown"),
    "steal": ("stole", "stolen"),
    "buy": ("bought",),
    "purchas": ("bought",),
    "fight": ("fought",),
    "flight": ("flew", "flown"),
}

# the nouns a count of a thing is written with when it names kinds of it, by the stem of what is counted ("how many
# kids do they have": "The couple share three daughters")
KINDS_COUNTED = {
    "kid": ("children", "child", "daughters", "daughter", "sons", "son"),
    "child": ("kids", "kid", "daughters", "daughter", "sons", "son"),
    "children": ("kids", "kid", "daughters", "daughter", "sons", "son"),
    "sibl": ("brothers", "brother", "sisters", "sister"),
    "grandchildren": ("grandkids", "granddaughters", "granddaughter", "grandsons", "grandson"),
}
