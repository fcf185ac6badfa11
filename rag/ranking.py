"""Scoring the sentences of retrieved passages against a question or topic.

Every sentence gets an IDF-weighted word overlap with the question (IDF from the BM25
index), a share of its passage's retrieval score, and a bonus when it holds the kind of
thing the question asks for (a year for "when", a number for "how many"); the most
promising few are embedded and scored by meaning too. Both engines, compare and the
briefing rank sentences this way; maximal marginal relevance picks varied ones.
"""

from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from llama_index.core.base.embeddings.base import BaseEmbedding

from rag.citations import cosine, passage_sentences
from rag.entities import names_in
from rag.figures import numbers_in
from rag.lexicon import content_stems, stem, words, written_stems
from rag.records import Evidence, Passage

MIN_RELEVANCE = 0.3  # below this embedding similarity, no sentence answers the question
REDUNDANT = 0.9  # sentences this similar to a chosen one add nothing
EMBED_CANDIDATES = 12
QUESTIONS_WEIGHED_KEPT = 4096  # the stems of a question, its parts and clauses, each weighed against many sentences
SENTENCE_VECTORS_KEPT = 4096  # the sentence vectors embedded last (about 12 kB each): about 50 MB
PART_SHORTLIST = 3  # a part's own best sentences, by its words, embedded though the whole question's rank them lower
TYPE_BONUS = 0.1  # a sentence holding what the question asks for (a year, a place, ...) gains this
# The score's weights, chosen on the tuning part of the MultiHop-RAG dev questions (see
# README, "Answers on real questions"): the question's rare words found in a sentence
# predict a gold evidence sentence better than embedding similarity does; similarity to
# the part of the question a sentence answers (one outlet's claim) helps beside it.
LEXICAL_WEIGHT = 0.8
STORY_SHARE = 0.25  # the share of a sentence's word score that counts the question's names its passage writes
SEMANTIC_WEIGHT = 0.2
PART_WEIGHT = 0.2
RANK_PENALTY = 0.02  # per rank of the sentence's passage
# A heading or headline line inside an article's text (short, no closing punctuation) holds the
# words of a question about its topic while answering nothing: it ranks below the sentences that
# do (on 400 MultiHop-RAG tuning questions, "every gold article cited" +0.006 and +0.009 for two
# samples, fact recall +0.004 and +0.011, precision -0.002 and -0.001).
HEADING_PENALTY = 0.3
HEADING = re.compile(r"^(?!.*[.!?…:;\"”’')\]]\s*$).{0,90}$", re.DOTALL)
# ... but a line of a list or table giving a figure ("Price: $99.99", "1. Anna Berg (Kessel United) - 31 goals") is
# data: it answers as a sentence does (plain3 tune r23; no MultiHop-RAG tuning figure moved)
DATA_LINE = re.compile(r"(?:[:(]|\s[–—-])\s*[$€£¥+]?\d|^\s*\d+[.)]\s")  # not "COVID-19", "Pac-12"
# A sentence that is a question as a whole, from its first word ("When will Voltra ship the cheaper Ridgeback?",
# "What channel is the game on today?"), not a report ending in one ("Ratcliffe's £1.3billion offer ... will be
# high on the agenda, but how did we get to this point?"): it asks, and tells nothing
ASKS_ITSELF = re.compile(
    r"[\"“‘']?(?:who|whom|whose|which|what|when|where|why|how|is|are|was|were|do|does|did|will|would|can|could|"
    r"should|has|have|had)\b[^!;?]*\?[\"'”’]?\s*$",  # "Bears vs. Panthers": a stop inside a sentence
    re.IGNORECASE,
)
# A social media post embedded in an article ("No Jim Harbaugh on the bus. pic.twitter.com/wnGz — Adam Rittenberg
# (@ESPNRittenberg) November 11, 2023") is someone's post shown beside the report, often a headline with a link: it
# counts as a heading (the names in its credit line are no answer to "Who won the final?")
EMBEDDED_POST = re.compile(
    r"\bpic\.twitter\.com/|\(@\w{1,15}\)\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d{1,2},\s+\d{4}|(?:\s#\w+){2,}\s*$"  # ... or ending in hashtags ("#RWC2023 #ENGvRSA")
)
# A line linking to another story ("Read More: Shipping Giant CMA CGM Warns Against Price War", "Also Read: ICC
# Cricket World Cup 2023 semi-final schedule ..."): its words are that story's headline, evidence of nothing here
LINKED_STORY = re.compile(
    r"^\s*(?:read\s+more|also\s+read|related|see\s+also|read\s+next|more\s+on\s+[^:]{1,40})\s*:", re.I
)
# In the statement of a person the question names, a sentence that points back ("This is
# especially true for ...", "As an example, ...", "In particular, ...") continues the speaker's
# previous one: it is scored with that one's
# words too. Applied to every sentence, it lowered fact recall on the MultiHop-RAG tuning
# questions (0.510 -> 0.499 on 400 of them) while raising precision as much: kept to quotes.
POINTS_BACK = re.compile(
    r"[\"“‘']?(?:This|These|That|Those|Such|It|They|Their|Its|In particular|For example|For instance|As an example|"
    r"Specifically|Namely|In addition|Moreover|Furthermore|Also|Besides)\b"
)

# the start of what is asked, after whom the question takes it from ("According to TechCrunch, what triggered ...")
_OPENS_ASKED = r"^\s*(?:(?:according\s+to|per)\s+[^,?]{1,60},\s*)?"
# "Why did ...", "What reason did Apple give ...": the answer tells a cause
ASKS_REASON = re.compile(
    rf"{_OPENS_ASKED}why\b|\bwhy\s+(?:did|does|do|is|was|were|are|has|have|had|would|will|can|could)\b|"
    r"\b(?:tell\s+me|explain|know|wonder|understand)\s+why\b|"  # "Tell me why Rachel Abrams thinks ..."
    # "What reason did Apple give"
    rf"{_OPENS_ASKED}(?:what(?:'s|’s|\s+is|\s+was|\s+were)?\s+(?:the\s+)?reasons?|how\s+come)\b|"
    # "What does The Verge say is behind Spotify's return to profit?", "What caused the decline ...?": a cause
    rf"{_OPENS_ASKED}what(?:['’]s|\s+(?:is|was|are|were))\s+behind\b|"
    rf"{_OPENS_ASKED}what\s+(?:does|do|did)\b[^?]{{0,60}}?\b(?:say|says|said|think|thinks|believe|believes)\s+(?:is|was|are|were)\s+"
    r"behind\b|"
    rf"{_OPENS_ASKED}what\s+(?:caused|causes|drove|drives|prompted|triggered|sparked|is\s+driving|was\s+driving)\b",
    re.I,
)
# ... a sentence that says what made something so ("because", "due to", "feared that", "blamed on"), not only what
# came first: "after" and "following" tell a cause as often as an order of events
STATES_CAUSE = re.compile(
    r"\b(?:because|since(?!\s+(?:then|\d|the\s+\d|(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b))|due\s+to|owing\s+to|as\s+a\s+result|result\s+of|so\s+that|in\s+order\s+to|"
    r"reasons?|for\s+fear|fear(?:s|ed)?\s+(?:that|of)|thanks\s+to|caus(?:ed|es|ing)|led\s+to|leads?\s+to|"
    r"blam(?:ed|es|ing)|attribut(?:ed|es|ing)|citing|cited|amid|prompt(?:ed|s)|trigger(?:ed|s)|in\s+response\s+to|"
    r"stems?\s+from|driven\s+by|given\s+that|which\s+means|(?:so|therefore|hence|thus)\s+(?:it|they|he|she|we|the)\b)\b",
    re.IGNORECASE,
)
GIVES_REASON = re.compile(STATES_CAUSE.pattern + r"|\b(?:after|following)\b", re.IGNORECASE)

# Expected answer types: the question's wording -> what an answering sentence contains.
ANSWER_TYPES: list[tuple[re.Pattern[str], re.Pattern[str]]] = [
    (ASKS_REASON, GIVES_REASON),
    (re.compile(r"^\s*(when|in what year|what year|which year)\b", re.I), re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")),
    (
        re.compile(r"^\s*(how (many|much)|what (share|percentage|percent|proportion|amount|number))\b", re.I),
        re.compile(r"\d"),
    ),
    (re.compile(r"^\s*where\b", re.I), re.compile(r"\b(?:in|at|to|from|near)\s+(?:the\s+)?([A-Z][\w-]+)")),
    (re.compile(r"^\s*(who|whom|whose)\b", re.I), re.compile(r"\b([A-Z][a-z]+\s+[A-Z][a-z]+)\b")),
]


def answer_type_match(question: str, sentence: str) -> bool:
    """Whether the sentence holds something of the kind the question asks for, new to it."""
    for asks, holds in ANSWER_TYPES:
        if asks.search(question):
            return any(
                m.group(0) not in question and (m.lastindex is None or m.group(m.lastindex) not in question)
                for m in holds.finditer(sentence)
            )
    return False


@dataclass
class ScoredSentence:
    """A candidate answer sentence and how well it matches the question."""

    evidence: Evidence
    lexical: float
    prior: float
    typed: bool = False  # holds the kind of thing the question asks for
    semantic: float = 0.0
    vector: list[float] | None = None
    rank: int = 1  # the rank of its passage
    part_semantic: float = 0.0  # similarity to the part of the question it matches best
    part: int = 0  # which part that is
    heading: bool = False  # a heading line, not a sentence (`HEADING`)

    def score_at(self, rank: int) -> float:
        """The score it would have with its passage at `rank` (a sentence going on from one found there)."""
        return self.score - RANK_PENALTY * (rank - self.rank)

    @property
    def score(self) -> float:
        """The ranking score: shared rare words first, meaning (of the question and of its part) beside them."""
        return (
            LEXICAL_WEIGHT * self.lexical
            + SEMANTIC_WEIGHT * self.semantic
            + PART_WEIGHT * max(self.part_semantic, self.semantic)
            + (TYPE_BONUS if self.typed else 0.0)
            - RANK_PENALTY * self.rank
            - (HEADING_PENALTY if self.heading else 0.0)
        )


class SentenceRanker:
    """Ranks the sentences of passages against a question, with the index's word statistics.

    Built anew with the index when the store changes. It keeps the IDF of each stem it weighed and the vectors of
    the `SENTENCE_VECTORS_KEPT` sentences embedded last: a sentence's vector depends on its text alone (the
    embedder runs one text a call), and questions about one story, a chat's follow-ups above all, weigh many of
    the same sentences.
    """

    def __init__(self, embedder: BaseEmbedding, document_frequencies: dict[str, int], chunk_count: int) -> None:
        self.embedder = embedder
        self.df = document_frequencies
        self.n = max(chunk_count, 1)
        self._idf: dict[str, float] = {}
        self._question_weights: dict[frozenset[str], tuple[tuple[tuple[str, float], ...], float]] = {}
        self._vectors: OrderedDict[str, list[float]] = OrderedDict()
        self._vectors_lock = threading.Lock()  # sessions of the app ask from several threads

    def idf(self, stem: str) -> float:
        """BM25's inverse document frequency of a stem (unseen stems weigh most)."""
        idf = self._idf.get(stem)
        if idf is None:
            df = self.df.get(stem, 0)
            idf = self._idf[stem] = math.log(1 + (self.n - df + 0.5) / (df + 0.5))
        return idf

    def embed_sentences(self, texts: Sequence[str]) -> list[list[float]]:
        """The vectors of `texts`, in their order; those embedded lately are not embedded again."""
        with self._vectors_lock:
            kept = {text: self._vectors[text] for text in texts if text in self._vectors}
            for text in kept:
                self._vectors.move_to_end(text)
        missing = list(dict.fromkeys(text for text in texts if text not in kept))
        if missing:
            embedded = dict(zip(missing, self.embedder.get_text_embedding_batch(missing), strict=True))
            with self._vectors_lock:
                self._vectors.update(embedded)
                while len(self._vectors) > SENTENCE_VECTORS_KEPT:
                    self._vectors.popitem(last=False)
            kept |= embedded
        return [kept[text] for text in texts]

    def lexical(self, question_stems: AbstractSet[str], sentence: str) -> float:
        """IDF-weighted share of the question's content stems that the sentence contains."""
        return self.coverage(question_stems, written_stems(sentence))

    def coverage(self, question_stems: AbstractSet[str], present: AbstractSet[str]) -> float:
        """IDF-weighted share of the question's content stems among `present` (a sentence's stems)."""
        weights, total = self._weights(frozenset(question_stems))
        if not total:
            return 0.0
        return sum(weight for s, weight in weights if s in present) / total

    def _weights(self, question_stems: frozenset[str]) -> tuple[tuple[tuple[str, float], ...], float]:
        """Each stem's IDF and their sum: a question's stems are weighed against every sentence found."""
        found = self._question_weights.get(question_stems)
        if found is None:
            # in a fixed order: floats summed in a set's order (which changes with the process's hash seed) differ
            # in their last bit, and two sentences tied on words would rank either way
            weights = tuple((s, self.idf(s)) for s in sorted(question_stems))
            found = (weights, sum(w for _, w in weights))
            if len(self._question_weights) >= QUESTIONS_WEIGHED_KEPT:
                self._question_weights.clear()  # rare, and cheaper than bookkeeping for an LRU on every hit
            self._question_weights[question_stems] = found
        return found

    def rank(
        self,
        question: str,
        query_vector: Sequence[float],
        passages: Sequence[Passage],
        keep: Callable[[Evidence], bool] | None = None,
        shortlist: int = EMBED_CANDIDATES,
        part_vectors: Sequence[Sequence[float]] = (),
        everything: bool = False,
        spoken: Mapping[str, Sequence[tuple[int, int, str]]] | None = None,
        known: Mapping[str, list[float]] | None = None,
        parts: Sequence[tuple[str, Sequence[Passage]]] = (),
    ) -> list[ScoredSentence]:
        """The passages' sentences (those `keep` accepts), best first, the top `shortlist` embedded.

        `part_vectors`: embeddings of the question's parts (one per outlet it names), when it
        has several; a sentence is also scored by the part it matches best. `everything`: the
        sentences left out of the shortlist follow it, scored by their words alone. `spoken`: per
        article, the statements of people the question names; a sentence inside one counts as
        naming its speaker ("What does Koizumi expect ...": the third sentence of his quote is his,
        though only the first writes his name). `known`: sentences already embedded (by text), not embedded again.
        `parts`: each part's words and the passages found for it: the part's `PART_SHORTLIST` sentences holding most
        of its words are embedded too ("..., while the Northern Post said the depot's budget doubled": the Post's
        sentence holds few of the whole question's words, and would never be weighed).
        """
        question_stems = content_stems(question)
        # the question's names: a sentence in a passage that writes one is on its story, though it names it no more
        # ("The round was led by Nordlys Ventures", in the report on Kestrel Analytics' round)
        names = {stem(w) for n in names_in(question) for w in words(n)} & question_stems
        top = max((p.score for p in passages), default=1.0) or 1.0
        candidates: dict[tuple[str, int, int], ScoredSentence] = {}
        for rank, passage in enumerate(passages, start=1):
            previous: AbstractSet[str] = frozenset()  # the previous sentence's words, for one that points back
            story = names & written_stems(passage.text) if names else frozenset()
            for evidence in passage_sentences(passage):
                own = written_stems(evidence.quote)
                present = own
                speakers = [n for s, e, n in (spoken or {}).get(evidence.doc_id, ()) if s <= evidence.start_char < e]
                if speakers:  # their statement: it names them, and a sentence pointing back continues it
                    present = present.union(*map(content_stems, speakers))
                    if POINTS_BACK.match(evidence.quote):
                        present |= previous
                previous = own
                if evidence.key in candidates or len(evidence.quote) <= 1 or (keep and not keep(evidence)):
                    continue
                if LINKED_STORY.match(evidence.quote):
                    continue
                lexical = self.coverage(question_stems, present)
                if story - present:
                    lexical = (1 - STORY_SHARE) * lexical + STORY_SHARE * self.coverage(question_stems, present | story)
                candidates[evidence.key] = ScoredSentence(
                    evidence,
                    lexical,
                    passage.score / top,
                    answer_type_match(question, evidence.quote),
                    rank=rank,
                    heading=(bool(HEADING.match(evidence.quote)) and not DATA_LINE.search(evidence.quote))
                    or EMBEDDED_POST.search(evidence.quote) is not None,
                )
        if not candidates:
            return []

        def promise(c: ScoredSentence) -> float:
            return (
                LEXICAL_WEIGHT * c.lexical
                + 0.2 * c.prior
                + (TYPE_BONUS if c.typed else 0)
                - (HEADING_PENALTY if c.heading else 0.0)
            )

        ordered = sorted(candidates.values(), key=lambda c: -promise(c))
        # the sentences of a chunk beside a passage found take no place of those found: they join the shortlist
        # when they promise as much as its last
        beside = [p for p in passages if p.beside]
        aside = {c.evidence.key for c in ordered if any(p.holds(c.evidence) for p in beside)} if beside else set()
        short = [c for c in ordered if c.evidence.key not in aside][:shortlist]
        last = promise(short[-1]) if len(short) == shortlist else float("-inf")
        short += [c for c in ordered if c.evidence.key in aside and promise(c) >= last]
        shortlisted = {c.evidence.key for c in short}
        rest = [c for c in ordered if c.evidence.key not in shortlisted]
        for text, found in parts:
            docs = {p.doc_id for p in found}
            stems = content_stems(text)
            theirs = sorted(
                (c for c in rest if c.evidence.doc_id in docs and c.evidence.key not in aside),
                key=lambda c: -self.lexical(stems, c.evidence.quote),
            )
            for candidate in theirs[:PART_SHORTLIST]:
                rest.remove(candidate)
                short.append(candidate)
        known = known or {}
        missing = [c.evidence.quote for c in short if c.evidence.quote not in known]
        embedded = dict(zip(missing, self.embed_sentences(missing), strict=True)) if missing else {}
        vectors = [known.get(c.evidence.quote) or embedded[c.evidence.quote] for c in short]
        for candidate, vector in zip(short, vectors, strict=True):
            _weigh_meaning(candidate, vector, query_vector, part_vectors)
        return sorted(short, key=lambda c: -c.score) + (rest if everything else [])

    def weigh_meaning(
        self,
        candidates: Sequence[ScoredSentence],
        query_vector: Sequence[float],
        part_vectors: Sequence[Sequence[float]] = (),
    ) -> None:
        """Score by meaning too the candidates left out of the shortlist (ranked by their words alone), when a
        rule weighs one against those that were (a sentence going on from a chosen one)."""
        missing = [c for c in candidates if c.vector is None]
        if missing:
            vectors = self.embed_sentences([c.evidence.quote for c in missing])
            for candidate, vector in zip(missing, vectors, strict=True):
                _weigh_meaning(candidate, vector, query_vector, part_vectors)


def _weigh_meaning(
    candidate: ScoredSentence,
    vector: list[float],
    query_vector: Sequence[float],
    part_vectors: Sequence[Sequence[float]],
) -> None:
    candidate.vector = vector
    candidate.semantic = cosine(query_vector, vector)
    if part_vectors:
        similarities = [cosine(p, vector) for p in part_vectors]
        candidate.part = max(range(len(similarities)), key=similarities.__getitem__)
        candidate.part_semantic = similarities[candidate.part]


def says_the_same(a: ScoredSentence, b: ScoredSentence) -> bool:
    """Whether two sentences say the same thing (a wire story in two outlets): as alike in meaning as
    `REDUNDANT`, and writing the same numbers. The embedder hardly tells numbers apart: "refunds up to $250"
    and "will refund up to $1,000" are two claims, which a comparison must show."""
    if a.vector is None or b.vector is None:  # one was not embedded: only the same words say the same
        return a.evidence.quote == b.evidence.quote
    return cosine(a.vector, b.vector) >= REDUNDANT and numbers_in(a.evidence.quote) == numbers_in(b.evidence.quote)


def maximal_marginal_relevance(
    ranked: Sequence[ScoredSentence], k: int, balance: float = 0.7, floor: float = MIN_RELEVANCE
) -> list[ScoredSentence]:
    """Up to `k` sentences, each the best trade of relevance against likeness to those chosen.

    Carbonell and Goldstein (1998): score = balance * relevance - (1 - balance) * max
    similarity to the chosen ones. Sentences less relevant than `floor` are left out.
    """
    pool = [c for c in ranked if c.vector is not None and c.semantic >= floor]
    chosen: list[ScoredSentence] = []
    while pool and len(chosen) < k:

        def gain(c: ScoredSentence) -> float:
            likeness = max((cosine(c.vector or [], s.vector or []) for s in chosen), default=0.0)
            return balance * c.score - (1 - balance) * likeness

        best = max(pool, key=gain)
        pool.remove(best)
        if any(says_the_same(best, s) for s in chosen):
            continue
        chosen.append(best)
    return chosen


def adjacent(
    by_place: dict[tuple[str, int], ScoredSentence], doc: str, at: int, step: int, gap: int = 3
) -> ScoredSentence | None:
    """The candidate of `doc` in `by_place` at `at`, or up to `gap` characters from it in the direction of `step`."""
    return next((by_place[(doc, at + step * o)] for o in range(gap + 1) if (doc, at + step * o) in by_place), None)
