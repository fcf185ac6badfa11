"""Does the corpus cover a question at all? Specific terms it never mentions say no.

A question about a person, place or thing that no article mentions cannot be answered
from the corpus, however similar some passage looks. A term counts as mentioned when its
stem occurs in the corpus, or when a corpus word that starts like it is close in meaning
("navies" is covered by "naval").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from llama_index.core.base.embeddings.base import BaseEmbedding

from rag.citations import cosine
from rag.lexicon import FUNCTION_WORDS, stem, words, zipf_frequency

SPECIFIC_ZIPF = 4.5  # rarer than this in English (Zipf scale) makes a word specific
VARIANT_SIMILARITY = 0.7  # a corpus word this close in meaning covers the term
MAX_VARIANTS = 40


@dataclass
class Vocabulary:
    """The words and stems that occur in the corpus."""

    words: set[str] = field(default_factory=set)
    stems: set[str] = field(default_factory=set)
    _by_prefix: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_words(cls, corpus_words: Iterable[str]) -> Vocabulary:
        """Index corpus words by stem and by their first three letters."""
        vocabulary = cls(words=set(corpus_words))
        for word in list(vocabulary.words):
            if "-" in word:  # "self-defense" also mentions "defense"
                vocabulary.words.update(p for p in word.split("-") if len(p) > 1)
        vocabulary.stems = {stem(w) for w in vocabulary.words}
        for word in vocabulary.words:
            if len(word) >= 3 and word.isalpha():
                vocabulary._by_prefix.setdefault(word[:3], []).append(word)
        return vocabulary

    def mentions(self, term: str) -> bool:
        """Whether the term or its stem occurs (both parts, for a hyphenated term)."""
        if term in self.words or stem(term) in self.stems:
            return True
        parts = [p for p in term.split("-") if p]
        return len(parts) > 1 and all(p in self.words or stem(p) in self.stems for p in parts)

    def variants(self, term: str) -> list[str]:
        """Corpus words that start like `term`, closest in length first."""
        candidates = self._by_prefix.get(term[:3], [])
        return sorted(candidates, key=lambda w: (abs(len(w) - len(term)), w))[:MAX_VARIANTS]


def specific_terms(question: str) -> list[str]:
    """Words of the question that name something: proper nouns, numbers, uncommon words."""
    proper = {m.group().lower() for m in re.finditer(r"(?<![.?!]\s)(?<!^)\b[A-Z][\w'’-]+", question.strip())}
    terms = []
    for word in words(question):
        base = re.sub(r"['’]s$", "", word)
        if base in FUNCTION_WORDS or (len(base) < 3 and not base.isdigit()):
            continue
        if word in proper or base.isdigit() or zipf_frequency(base) < SPECIFIC_ZIPF:
            terms.append(base)
    return list(dict.fromkeys(terms))


def unmentioned_terms(question: str, vocabulary: Vocabulary, embedder: BaseEmbedding) -> list[str]:
    """The specific terms of `question` that the corpus never mentions, nor anything close."""
    missing = [t for t in specific_terms(question) if not vocabulary.mentions(t)]
    unmentioned = []
    for term in missing:
        variants = vocabulary.variants(term) if term.isalpha() else []
        if variants:
            vectors = embedder.get_text_embedding_batch([term, *variants])
            if max(cosine(vectors[0], v) for v in vectors[1:]) >= VARIANT_SIMILARITY:
                continue
        spelled = re.search(rf"\b{re.escape(term)}", question, re.IGNORECASE)
        unmentioned.append(spelled.group() if spelled else term)  # as the question spells it
    return unmentioned
