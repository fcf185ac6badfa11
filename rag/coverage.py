"""Does the corpus cover a question at all? Names and numbers it never mentions say no.

A question about a person, organisation, place or product, or a figure, that no article
mentions cannot be answered from the corpus, however similar some passage looks. Only
such terms count: capitalised words that are not ordinary English words (rarer than
Zipf 4.5; "Overview" and "Compare" are not names), acronyms, and numbers; and the thing a
short question is about when it is written in lower case ("the chemical symbol for
tungsten"), rare in English, and what the question's meaning rests on, with nothing found
holding the rest of what it asks (`absent_topics`). An ordinary word the articles happen not
to use ("fraudulent", "overview") is never a reason to decline: whether the articles answer
is decided from the evidence.

A term counts as mentioned when its folded stem occurs in the corpus (its text, or its
titles, sources and authors), or when a corpus word that starts like it is close in
meaning and spelt nearly alike ("Schaefer" for "Schäfer"; "Midsommar" is no "Middlemarch"). A
name written with a number ("GPT-5") is not mentioned by the same name with other numbers
("GPT-4"): the number tells the things apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from llama_index.core.base.embeddings.base import BaseEmbedding

from rag.aliases import WRITTEN_OUT_TITLES
from rag.citations import cosine
from rag.lexicon import COUNTRY_INITIALS, FUNCTION_WORDS, IRREGULAR_FORMS, KINDS_COUNTED, content_stems, stem, words
from rag.spelling import one_letter_changed, slips_of
from rag.word_frequency import zipf_frequency

VARIANT_SIMILARITY = 0.7  # a corpus word this close in meaning covers the term
VARIANT_SPELLING = 0.7  # ... when this share of their letters is alike (`difflib`'s ratio)
MAX_VARIANTS = 40
VERSIONED = re.compile(r"([a-z]+)-(\d+(?:\.\d+)?)")  # a name and its number: "gpt-4", "f-35", "covid-19"
GLUED_NUMBER = re.compile(r"([a-z]+)(\d+)")  # a name with its number written on: "g7", "a380"
PERIOD = re.compile(r"[qh][1-4]")  # "Q3", "H1": a quarter or a half, which articles write out as often


@dataclass
class Vocabulary:
    """The words and stems that occur in the corpus."""

    words: set[str] = field(default_factory=set)
    stems: set[str] = field(default_factory=set)
    _by_prefix: dict[str, list[str]] = field(default_factory=dict)
    _versioned: set[str] = field(default_factory=set)  # names the corpus writes with a number: "gpt" of "gpt-4"
    cased: dict[str, str] = field(default_factory=dict)  # the names it writes, as written ("japan" -> "Japan")

    @classmethod
    def from_words(cls, corpus_words: Iterable[str], cased: dict[str, str] | None = None) -> Vocabulary:
        """Index corpus words by stem and by their first three letters."""
        vocabulary = cls(words=set(corpus_words), cased=dict(cased or {}))
        vocabulary._versioned = {m.group(1) for w in vocabulary.words if (m := VERSIONED.fullmatch(w))}
        for word in list(vocabulary.words):
            if "-" in word:  # "self-defense" also mentions "defense"; "GPT-4" mentions 4
                vocabulary.words.update(p for p in word.split("-") if len(p) > 1 or p.isdigit())
        vocabulary.stems = {stem(w) for w in vocabulary.words}
        for word in vocabulary.words:
            if len(word) >= 3 and word.isalpha():
                vocabulary._by_prefix.setdefault(word[:3], []).append(word)
        return vocabulary

    def mentions(self, term: str) -> bool:
        """Whether the term or its stem occurs (both parts, for a hyphenated term).

        A name with a number ("GPT-5") is another thing than the same name with another number:
        when the corpus writes the name with numbers, it must write this one.
        """
        if term in self.words or stem(term) in self.stems:
            return True
        if any(" " not in name and name in self.words for name in COUNTRY_INITIALS.get(term, ())):
            return True  # "US": the corpus writes "Americans"
        if any(all(w in self.words for w in re.split(r"[\s-]+", title)) for title in WRITTEN_OUT_TITLES.get(term, ())):
            return True  # "PM": the corpus writes "Prime Minister"
        numbered = GLUED_NUMBER.fullmatch(term) or VERSIONED.fullmatch(term)
        if numbered and {"".join(numbered.groups()), "-".join(numbered.groups())} & self.words:
            return True  # "G7" where the corpus writes "G-7", and the other way round
        versioned = VERSIONED.fullmatch(term)
        if versioned and versioned.group(1) in self._versioned:
            return False
        if term.isdigit() and len(term) > 3:  # "1000" is written "1,000" too: its groups of three
            return all(group in self.words for group in thousands(term))
        parts = [p for p in term.split("-") if p]
        return len(parts) > 1 and all(p in self.words or stem(p) in self.stems for p in parts)

    def variants(self, term: str) -> list[str]:
        """Corpus words that start like `term`, closest in length first."""
        candidates = self._by_prefix.get(term[:3], [])
        return sorted(candidates, key=lambda w: (abs(len(w) - len(term)), w))[:MAX_VARIANTS]


NAME_ZIPF = 4.5  # a capitalised word more common than this in English is not decisive as a name
ENGLISH_PART_ZIPF = 3.5  # a lower-case word after a hyphen this common is English ("-powered"), not a name's ("-ting")
TOKEN = re.compile(r"[^\W_][\w'’-]*")


THOUSANDS_SEPARATOR = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")  # "1,000"


def thousands(number: str) -> list[str]:
    """A number's digits in the groups its thousands separators set off: "12500" is "12", "500"."""
    head = len(number) % 3 or 3
    return [number[:head]] + [number[i : i + 3] for i in range(head, len(number), 3)]


def specific_terms(question: str, skip: Sequence[tuple[int, int]] = ()) -> list[str]:
    """The names, acronyms and numbers a question depends on (folded), outside the `skip` spans; a number is
    one term however its thousands are set off ("$1,000" and "$1000" are "1000")."""
    # the separator becomes a word character, so "1,000" stays one token (and every offset holds)
    text = THOUSANDS_SEPARATOR.sub("_", unicodedata.normalize("NFKC", question))
    tokens = [(m.start(), m.group()) for m in TOKEN.finditer(text)]
    capitalised = sum(1 for _, t in tokens if t[0].isupper())
    title_case = len(tokens) > 3 and capitalised > 0.6 * len(tokens)  # capitals then say nothing
    terms: list[str] = []
    for start, token in tokens:
        if any(a <= start < b for a, b in skip):
            continue
        base = re.sub(r"['’]s$", "", token)
        # "Matter-compatible", "AI-powered": a lower-case English word after the name's hyphen is no part of it
        parts = base.split("-")
        named_parts = [p for p in parts if not (p.islower() and zipf_frequency(p) >= ENGLISH_PART_ZIPF)]
        if named_parts and len(named_parts) < len(parts) and base[0].isupper():
            base = "-".join(named_parts)
        folded = words(base)
        if not folded:
            continue
        if len(folded) == 1 and GLUED_NUMBER.fullmatch(folded[0]) and not PERIOD.fullmatch(folded[0]):
            terms.append(folded[0])  # "G7", "A380": the name with its number, not the number alone
            continue
        if any(c.isdigit() for c in base):
            # each number: "26.3" needs 26 and 3; "1_000" (written "1,000") is 1000
            terms.extend(n.replace("_", "") for n in re.findall(r"\d+(?:_\d{3})*", base))
            joined = "-".join(folded)
            if VERSIONED.fullmatch(joined):  # "GPT-5": the name with its number
                terms.append(joined)
            continue
        word = "-".join(folded)
        if word in FUNCTION_WORDS or len(word) < 2:
            continue
        acronym = len(base) >= 2 and base.isupper()
        inner_capital = any(c.isupper() for c in base[1:]) and not base.isupper()
        sentence_start = start == 0 or bool(re.search(r"[.?!:;]\s*[\"'‘“(]?\s*$", text[:start]))
        named = base[0].isupper() and not title_case and not sentence_start
        rare = zipf_frequency(word) < NAME_ZIPF
        if acronym or inner_capital or (named and rare) or (base[0].isupper() and zipf_frequency(word) < 3.0):
            terms.append(word)
    return list(dict.fromkeys(terms))


# A short question may be about a thing written in lower case ("What is the chemical symbol for tungsten?", "who
# painted the sistine chapel ceiling"): a corpus that never writes "tungsten" cannot answer it, however many sentences
# share "chemical". Such a word is rare in English, in a question of few words, its meaning rests on it, and the
# passages found do not hold the rest of what it asks. In a long question a rare word is one detail among many
# ("once hailed as a savior"); a frequent one ("overview", "compare") or one a topic follows ("the gist of") is a way
# of asking; and a word the question means nearly the same without ("give me the gist: what did ...") or whose other
# words the passages hold together ("who won the footy grand final") is not what the corpus lacks.
TOPIC_ZIPF = 3.5  # a lower-case word rarer than this in English may name a thing ("orchid" 3.3; "overview" 3.9)
TOPIC_QUESTION_WORDS = 7  # ... in a question of at most this many content words
TOPIC_LETTERS = 4  # ... and has this many letters at least ("tl;dr", "pls" are ways of writing)
TOPIC_MEANING = 0.86  # the question without the word is this similar to itself, or less: its meaning rests on it
TOPIC_REST_HELD = 0.6  # the best passage found holds this IDF-weighted share of the question's other words, or more
TOPIC_CORE = 0.7  # ... unless the question without the word is this similar to itself, or less: the word is what it
# asks about, and the rest a way of asking ("who wrote the novel middlemarch": "wrote" and "novel" are found anywhere)
# "the gist of X", "the lowdown on X": a word a topic follows is a way of asking about it
ASKS_ABOUT_WHAT_FOLLOWS = re.compile(r"\s+(?:of|on|about|for|regarding|re)\b", re.IGNORECASE)
VERB_ENDINGS = ("ed", "ing")  # "restarted", "energizing": a deed, which the articles may tell in other words


def topic_terms(question: str, skip: Sequence[tuple[int, int]] = ()) -> list[str]:
    """The lower-case words a short question is about, rare in English and no verb (`TOPIC_ZIPF`), outside `skip`."""
    kept = "".join(" " if any(a <= i < b for a, b in skip) else c for i, c in enumerate(question))
    if len(content_stems(kept)) > TOPIC_QUESTION_WORDS:
        return []
    terms = []
    for match in TOKEN.finditer(kept):
        word = match.group()
        if len(word) < TOPIC_LETTERS or not word.isalpha() or not word.islower() or word.endswith(VERB_ENDINGS):
            continue
        if word in FUNCTION_WORDS:
            continue
        if zipf_frequency(word) < TOPIC_ZIPF and not ASKS_ABOUT_WHAT_FOLLOWS.match(kept, match.end()):
            terms.append(word)
    return list(dict.fromkeys(terms))


def _misspelt(word: str, vocabulary: Vocabulary) -> bool:
    """Whether the word is a corpus word with one letter left out, added, changed or two swapped ("grnad")."""
    return any(edit in vocabulary.words for edit in slips_of(word) | one_letter_changed(word))


def _compound(word: str, vocabulary: Vocabulary) -> bool:
    """Whether the word is a hyphenated corpus word written as one ("buildup": "build-up"); two corpus words that
    happen to spell it ("middle" and "march" of "middlemarch") are not it."""
    return any(f"{word[:i]}-{word[i:]}" in vocabulary.words for i in range(2, len(word) - 1))


def unmentioned_terms(
    question: str, vocabulary: Vocabulary, embedder: BaseEmbedding, skip: Sequence[tuple[int, int]] = ()
) -> list[str]:
    """The names and numbers of `question` that the corpus never mentions, nor anything close.

    `skip`: spans of the question already read as something else (an outlet it names).
    """
    missing = [t for t in specific_terms(question, skip) if not vocabulary.mentions(t)]
    unmentioned = []
    for term in missing:
        if len(close_forms(term, vocabulary, embedder)) > 1:
            continue  # a corpus word close in meaning covers it
        spelled = [t for t in TOKEN.findall(question) if words(t) and "-".join(words(t)).startswith(term)]
        unmentioned.append(re.sub(r"['’]s$", "", spelled[0]) if spelled else term)  # as the question spells it
    return unmentioned


ACRONYM = re.compile(r"[A-Z]{2,6}")
SPELLED_JOIN = r"(?:\s+(?:of|and|for|the|on|&)\s+|\s+|-)"  # "Bank of England", "Bankman-Fried"


def spelled_out(term: str, texts: Sequence[str]) -> bool:
    """Whether `texts` write out what an acronym stands for: capitalised words whose initials spell it ("Grand Theft
    Auto VI racked up 85 million views" for "GTA"), a small word between them aside ("Bank of England")."""
    if not ACRONYM.fullmatch(term):
        return False
    words_of = SPELLED_JOIN.join(rf"{letter}[^\W\d_]+" for letter in term)  # "Ström" too
    pattern = re.compile(rf"(?<![\w'’-]){words_of}(?![\w'’-])")
    return any(pattern.search(text) for text in texts)


def _spelt_alike(term: str, word: str) -> bool:
    """Whether two words share most of their letters in order ("schaefer" and "schafer"; not "middlemarch" and
    "midsommar")."""
    return SequenceMatcher(None, term, word).ratio() >= VARIANT_SPELLING


def close_forms(term: str, vocabulary: Vocabulary, embedder: BaseEmbedding) -> set[str]:
    """The stems that stand for `term` in the corpus: its own, its irregular forms and the kinds of it a count names
    (`IRREGULAR_FORMS`, `KINDS_COUNTED`), and those of corpus words close in meaning."""
    written = IRREGULAR_FORMS.get(stem(term), ()) + KINDS_COUNTED.get(stem(term), ())
    forms = {stem(term)} | {stem(form) for form in written}
    # written nearly alike as well: words starting alike can be near in meaning and another thing ("midsommar" is
    # no form of "middlemarch")
    variants = (
        [v for v in vocabulary.variants(term) if stem(v) != stem(term) and _spelt_alike(term, v)]
        if term.isalpha()
        else []
    )
    if variants:
        vectors = embedder.get_text_embedding_batch([term, *variants])
        forms |= {
            stem(v)
            for v, vector in zip(variants, vectors[1:], strict=True)
            if cosine(vectors[0], vector) >= VARIANT_SIMILARITY
        }
    return forms


def absent_topics(
    question: str,
    vocabulary: Vocabulary,
    embedder: BaseEmbedding,
    query_vector: Callable[[str], Sequence[float]],
    passages: Sequence[str],
    held: Callable[[AbstractSet[str], str], float],
    skip: Sequence[tuple[int, int]] = (),
) -> list[str]:
    """The lower-case words a short question is about (`topic_terms`) that the corpus writes in no form (nor misspelt,
    nor run together, nor close in meaning), whose meaning the question rests on (`query_vector`: a query's embedding,
    the question's and the question's without the word compared) and the rest of whose words no passage found
    (`passages`) holds (`held`: the share of some stems a text holds): the one it rests on most ("bonsai", not "prune",
    of "How do you prune a bonsai?"), or none."""
    absent: list[tuple[float, str]] = []
    for term in topic_terms(question, skip):
        folded = "-".join(words(term))  # as the corpus's words are kept: "creme" for "crème"
        if vocabulary.mentions(folded) or _misspelt(folded, vocabulary) or _compound(folded, vocabulary):
            continue
        if len(close_forms(folded, vocabulary, embedder)) > 1:
            continue
        without = re.sub(rf"\b{re.escape(term)}\b", " ", question)
        similarity = cosine(query_vector(question), query_vector(without))
        if similarity > TOPIC_MEANING:
            continue
        rest = content_stems(without)
        if similarity > TOPIC_CORE and any(held(rest, text) >= TOPIC_REST_HELD for text in passages):
            continue
        absent.append((similarity, term))
    return [min(absent)[1]] if absent else []
