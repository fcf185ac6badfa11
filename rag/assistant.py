"""The Assistant: the one door every request enters, and the corpus it answers from.

A chat question, a comparison, a briefing and an eval question all enter through
`Assistant.retrieve`: the text is cleaned and checked, the filters resolved with one set of
rules, a follow-up made standalone, the passages retrieved by the LlamaIndex pipeline, each
step timed, and a failing store turned into one line. Answers (`ask`, `stream`), comparisons
(`rag.compare`) and briefings (`rag.briefing`) are written from what it returns, through the
engine's one interface. Models, the store and the BM25 index are loaded once per Assistant.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from chromadb.errors import NotFoundError as CollectionNotFound
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.schema import NodeWithScore, QueryBundle

from rag import word_frequency
from rag.aliases import add_title_initials, spell_out_initials
from rag.answer import Answer
from rag.bm25 import Bm25Index
from rag.casing import truecase
from rag.catalog import Catalog, cached_catalog
from rag.chroma_connection import explain_store_error
from rag.citations import passage_sentences
from rag.compound import answer_halves, asked_in_halves, first_half
from rag.conversation import Turn, clean_question
from rag.corpus import parse_date
from rag.coverage import Vocabulary, absent_topics, close_forms, spelled_out, unmentioned_terms
from rag.engine import NOT_FOUND, Engine
from rag.errors import CorpusChatError, LLMError, StoreError, UsageError
from rag.extractive import ExtractiveEngine
from rag.filters import metadata_filters
from rag.generative import GenerativeEngine
from rag.ingest import IngestReport, ingest_paths, ingest_running
from rag.lexicon import ARTICLE_NOUNS, content_stems, content_words, stem, words
from rag.library import ingest_uploads, remove_article
from rag.models import ChatModel, build_chat_model, build_embedder, embedder_id
from rag.nodes import RankedNode, passages_of
from rag.question import (
    QuestionPlan,
    coming_out_search,
    described_topic,
    expand_contractions,
    first_part,
    plan_question,
)
from rag.ranking import SentenceRanker
from rag.records import (
    BESIDE,
    ArticleRecord,
    AskOptions,
    Filters,
    IndexStatus,
    Passage,
    ambiguous_id,
    ids_starting_with,
)
from rag.request import Clock, Retrieval
from rag.retrieve import HybridRetriever, article_of
from rag.sentence_match import SentenceMatch, SentenceStems
from rag.settings import Settings
from rag.spelling import correct_slips
from rag.store import CorpusStore
from rag.suggestions import starter_questions
from rag.support import SupportJudge
from rag.tokens import count_tokens
from rag.voices import asked_voice, speaks
from rag.word_frequency import zipf_frequency

if TYPE_CHECKING:
    from rag.briefing import Briefing
    from rag.compare import Comparison

# Longer questions are refused, not embedded: the embedder reads 256 word pieces, and the
# generative prompt's budget is for the sources.
MAX_QUESTION_TOKENS = 512
SHORTER = "ask it in fewer words"
QUERY_VECTORS_KEPT = 256  # recent query vectors: a comparison asks about one topic once per row
SECOND_HOP_PASSAGES = 3  # passages searched for a clause with the answer's name (README: "Answers on real questions")
REPORTED_PASSAGES = 5  # passages looked through for an article of an outlet the store holds nothing from
FACET_PASSAGES = 3  # passages searched for each clause of a long description (README: "Answers on real questions")
FACET_MEANING_PASSAGES = 3  # ... and by its meaning with its words (README: "Answers on real questions")
TITLED_PASSAGES = 2  # passages of the article a part names by its title, first among the part's
TITLE_MATCH = 0.3  # share of a part's words (weighed by rarity) the title of the article it names holds ...
TITLE_WORDS = 2  # ... and at least this many of them
TITLE_MARGIN = 0.15  # ... and more than the title of any other article of its outlet (README: "Answers on ...")
BESIDE_PASSAGES = 2  # the best passages whose chunks before and after join those found (README: "Answers on ...")


class NoMatchingArticles(UsageError):
    """The filters leave no passage to draw on; the message says which filter excludes everything."""


def question_problem(question: str) -> str:
    """Why a cleaned question cannot be asked, in one line; '' when it can."""
    if not question:
        return "the question is empty: type a question about the articles"
    if len(question) > MAX_QUESTION_TOKENS * 16:  # surely over the limit: not worth counting
        return (
            f"the question is too long ({len(question):,} characters; the limit is {MAX_QUESTION_TOKENS} tokens): "
            + SHORTER
        )
    tokens = count_tokens(question)
    if tokens > MAX_QUESTION_TOKENS:
        return f"the question is too long ({tokens:,} tokens; the limit is {MAX_QUESTION_TOKENS}): {SHORTER}"
    return ""


def not_mentioned(terms: Sequence[str]) -> str:
    """The abstention that names what the corpus never mentions."""
    listed = ", ".join(f"“{t}”" for t in terms)
    return f"The corpus does not mention {listed}, so it cannot answer this question."


def lacking(missing: Sequence[str]) -> str:
    """The abstention that names the articles a question needs and the corpus does not have."""
    return f"This question needs {' and '.join(missing)}; the corpus has none, so it cannot answer it."


class AnswerStream:
    """Iterate for the reply's pieces as they arrive; `answer` is set when iteration ends."""

    def __init__(self, steps: Iterator[str | Answer]) -> None:
        self._steps = steps
        self.answer: Answer | None = None

    def __iter__(self) -> Iterator[str]:
        for step in self._steps:
            if isinstance(step, Answer):
                self.answer = step
            else:
                yield step

    def result(self) -> Answer:
        """Run to the end and return the Answer."""
        for _ in self:
            pass
        assert self.answer is not None
        return self.answer


@dataclass(frozen=True)
class _Indexes:
    """What depends on the store's contents, built together and swapped in at once."""

    bm25: Bm25Index
    vocabulary: Vocabulary
    retriever: HybridRetriever
    engine: Engine
    token: str  # the store's content token when they were built


class Assistant:
    """Everything a request needs, loaded once: store, embedder, BM25, the engine."""

    def __init__(
        self,
        settings: Settings,
        store: CorpusStore,
        embedder: BaseEmbedding,
        llm: ChatModel | None = None,
        bm25: Bm25Index | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self.llm = llm
        self.judge = SupportJudge(embedder)
        # Sessions of the app share one Assistant: reloading indexes and ingesting take turns.
        self.lock = threading.RLock()
        self._articles: list[ArticleRecord] | None = None
        self._catalog: Catalog | None = None
        self._starters: list[str] | None = None
        self._vectors: OrderedDict[str, list[float]] = OrderedDict()
        self._indexes = self._build_indexes(bm25)

    @classmethod
    def open(
        cls, settings: Settings, embedder: BaseEmbedding | None = None, store: CorpusStore | None = None
    ) -> Assistant:
        """Connect to the store, check its embedder, load the models and the BM25 index."""
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=1) as pool:
            # The embedder loads (mostly file reads and C code) while the indexes load.
            loading = None if embedder is not None else pool.submit(build_embedder, settings)
            store = store or CorpusStore.open(settings)
            store.check_embedder(embedder_id(settings))
            bm25 = Bm25Index.load_or_build(store, settings.storage_dir / "bm25")
            if loading is not None:  # while the embedder still loads, pay the first question's other costs
                store.warm_up()
                zipf_frequency("the")
            model = loading.result() if loading is not None else embedder
        assert model is not None
        return cls(settings, store, model, build_chat_model(settings), bm25=bm25)

    def _build_indexes(self, bm25: Bm25Index | None = None) -> _Indexes:
        # Everything is built first and swapped in at once: questions asked meanwhile by other
        # sessions never see the new BM25 beside the old vocabulary or a half-made engine.
        token = self.store.content_token()  # read first: a write during the build shows as a change
        index = bm25 or Bm25Index.load_or_build(self.store, self.settings.storage_dir / "bm25")
        ranker = SentenceRanker(self.embedder, index.document_frequencies(), len(index))
        engine: Engine = (
            GenerativeEngine(self.llm, self.judge, self.settings.context_tokens, ranker)
            if self.llm
            else ExtractiveEngine(ranker)
        )
        retriever = HybridRetriever(
            self.store, index, self.embedder, rerankers=[SentenceMatch.using(ranker, SentenceStems())]
        )
        return _Indexes(index, Vocabulary.from_words(index.words, index.cased), retriever, engine, token)

    @property
    def engine(self) -> Engine:
        """The engine that writes answers, comparison cells and briefings."""
        return self._indexes.engine

    @property
    def mode(self) -> str:
        """'generative' with an LLM configured, else 'extractive'."""
        return self.engine.mode

    @property
    def engine_description(self) -> str:
        """Which engine answers, in a line for people."""
        if self.llm is None:
            return "offline: extractive answers"
        return f"generative: {self.llm.model} at {self.llm.base_url}"

    def warm_up(self) -> None:
        """Pay first-call costs (word frequencies, the embedder's first batch) before a user does."""
        word_frequency.warm_up()
        self.embedder.get_text_embedding_batch(["warm-up sentence one.", "warm-up sentence two."])
        self.embedder.get_query_embedding("warm-up question")

    def refresh(self) -> bool:
        """Reload the BM25 index if the store changed (after an ingest, or a rebuild anywhere); True if it did."""
        with self.lock:
            self._articles = None
            self._catalog = None
            self._starters = None
            self.store.follow()  # a rebuild (here or in another process) switched to a new index
            token = self.store.content_token()
            if self.store.fingerprint() == self._indexes.bm25.fingerprint:
                self._indexes = replace(self._indexes, token=token)  # the same contents under a later token
                return False
            self._indexes = self._build_indexes()
            return True

    def follow_rebuild(self) -> bool:
        """Move to the new index if a rebuild (anywhere) completed since, or read the store
        afresh if another process's ingest or removal changed it and is over; True if it did.

        Two cheap reads (the store's pointer and its content token); every request makes them,
        and so does each run of the app's pages. While an ingest runs (in this process or
        another on this machine), the old index keeps answering; the ingest's own refresh, or
        the first request after it, follows.
        """
        try:
            moved = self.store.moved()
            changed = not moved and self.store.content_token() != self._indexes.token
        except Exception:  # a failing store: the request that follows reports it, in one line
            return False
        if changed and ingest_running(self.settings):
            return False
        if (moved or changed) and self.lock.acquire(blocking=False):
            try:
                if changed:
                    self.store.reopen()  # written by another process: an embedded client's view is stale
                return self.refresh()
            finally:
                self.lock.release()
        return False

    # -- the door ----------------------------------------------------------------------

    def retrieve(self, question: str, options: AskOptions | None = None, history: Sequence[Turn] = ()) -> Retrieval:
        """The door: clean and check the request, resolve its filters, retrieve, time each step.

        Raises UsageError for text or filters that cannot be used as given (NoMatchingArticles
        when the filters leave nothing), StoreError when the store fails, LLMError when the
        LLM that condenses a follow-up fails: each a one-line message.
        """
        try:
            self.follow_rebuild()
            try:
                return self._retrieve(question, options, history)
            except CollectionNotFound:
                # Collections this Assistant had open were dropped (two rebuilds since it last
                # looked): follow to the live ones and ask again, once.
                if not self.refresh():
                    raise
                return self._retrieve(question, options, history)
        except CorpusChatError:
            raise
        except Exception as exc:  # the store failed (server gone, disk full): one line, the next request works
            explained = explain_store_error(exc, self.settings)
            if explained is None and isinstance(exc, CollectionNotFound):
                explained = StoreError(f"the index changed while this question was asked ({exc}); ask it again")
            if explained is None:
                raise
            raise explained from exc

    def _retrieve(self, question: str, options: AskOptions | None, history: Sequence[Turn]) -> Retrieval:
        timings: dict[str, float] = {}
        clock = Clock(timings)
        question = clean_question(question)  # escape sequences and controls would reach terminals and pages
        problem = question_problem(question)
        if problem:
            raise UsageError(problem)
        indexes = self._indexes  # read once: a refresh in another session may swap it meanwhile
        try:
            options = self.resolve_options(options or AskOptions())
            unmatched = self.unmatched_filters(options.filters, indexes.bm25)
            if unmatched:
                raise NoMatchingArticles(unmatched)
            with clock("condense"):
                people = self.catalog().people if history else []
                standalone = indexes.engine.condense(question, history, people) if history else question
            with clock("plan"):
                catalog = self.catalog()
                frequency = indexes.engine.ranker.df

                def passages_writing(word: str) -> int:
                    return frequency.get(stem(word), 0)

                standalone = expand_contractions(standalone)  # "What's the name of ..." asks as "What is"
                standalone = truecase(standalone, indexes.vocabulary.cased)  # "when did japan join the quad"
                standalone = correct_slips(standalone, indexes.vocabulary, passages_writing)  # "kindel", "agaisnt"
                standalone = spell_out_initials(standalone, catalog.people, passages_writing)
                standalone = add_title_initials(standalone)  # "chief executive (CEO)"
                # an outlet no stored article names as its source may be that of an article recording none, or
                # one whose report the articles write of (`plan_question`)
                reported = partial(self._reported, indexes)
                plan = plan_question(standalone, catalog, reported)
            with clock("embed"):
                # every text embedded as a query below, at once: the question, each part `_search` searches on
                # its own, each clause `_search_facets` searches by meaning, and the answer step's parts and halves
                parts = [plan.searched_with(p) for p in plan.parts] if len(plan.parts) > 1 else []
                halves = [half.text for half in plan.halves]
                first = [first_part(standalone, plan)] if plan.halves else []
                searched = [plan.searched_with(part) for part in plan.filtered_parts]
                self.query_vectors([standalone, *searched, *plan.facets, *parts, *halves, *first])
                vector = self.query_vector(standalone)
            with clock("retrieve"):
                nodes, part_nodes, part_titled = self._search(indexes, standalone, vector, plan, options)
                nodes += self._search_facets(indexes, plan, options, nodes, self.query_vector)
                nodes += self._beside(indexes, nodes, options)
                # "final score world series game 4": not the Game 2 live blog's (a question of several parts or halves
                # may number only one of them: "Sporting News' Week 14 rankings ..., while CBSSports.com ...")
                if plan.instances and len(plan.filtered_parts) <= 1 and not plan.halves:
                    other = self._of_another_instance(indexes, plan, nodes + [n for found in part_nodes for n in found])
                    nodes = [n for n in nodes if article_of(n) not in other]
                    part_nodes = [[n for n in found if article_of(n) not in other] for found in part_nodes]
            part_vectors = [self.query_vector(text) for text in parts]
            half_vectors = [self.query_vector(text) for text in halves]
            first_vector = self.query_vector(first[0]) if first else []
            passages = passages_of(nodes)
            with clock("speakers"):
                spoken = self._spoken(plan, passages)
            with clock("coverage"):
                # outlets and dates the plan read are metadata, not words the articles must use
                unmentioned = unmentioned_terms(standalone, indexes.vocabulary, self.embedder, plan.metadata_spans)
                # a year some article was published in is the corpus's, though no text writes it
                unmentioned = [term for term in unmentioned if term not in catalog.published_years]
                # ... nor an acronym the passages found write out ("Grand Theft Auto" for "GTA")
                texts, held = [p.text for p in passages], indexes.engine.ranker.lexical
                unmentioned = [term for term in unmentioned if not spelled_out(term, texts)]
                # ... and the thing a short question is about, written in lower case ("the symbol for tungsten")
                vocabulary, embedder, spans = indexes.vocabulary, self.embedder, plan.metadata_spans
                unmentioned += absent_topics(standalone, vocabulary, embedder, self.query_vector, texts, held, spans)
                focus = close_forms(plan.focus, indexes.vocabulary, self.embedder) if plan.focus else set()
                focus |= {stem(word) for word in plan.focus_words}
        except CorpusChatError:
            raise
        except Exception as exc:  # the store failed (server gone, disk full): one line, the next request works
            explained = explain_store_error(exc, self.settings)
            if explained is None:
                raise
            raise explained from exc
        return Retrieval(
            question,
            standalone,
            options,
            vector,
            nodes,
            passages,
            unmentioned,
            timings,
            plan,
            [passages_of(found) for found in part_nodes],
            part_vectors,
            focus,
            self._lookup(indexes, plan, options),
            spoken,
            half_vectors,
            lambda doc_id: passages_of([NodeWithScore(node=n, score=0.0) for n in indexes.bm25.article_nodes(doc_id)]),
            self._statements,
            part_titled,
            first_vector,
        )

    def _statements(self, doc_id: str) -> list[tuple[int, int, str]]:
        """Every statement attribution found in an article: (start, end, speaker)."""
        return [
            (start, end, name)
            for record in self.store.records_of([doc_id])
            for start, end, name, _ in record.statements
        ]

    @staticmethod
    def _reported(indexes: _Indexes, name: str) -> bool:
        """Whether the articles write of an article of the outlet `name` ("an article by Kim Hyo-myung, ...,
        published by the DPRK news agency KCNA"), not only of the outlet ("the Fjord Gazette asked ...")."""
        named = content_words(name)
        if not named or not all(indexes.vocabulary.mentions(word) for word in named):
            return False
        for passage in passages_of(indexes.retriever.retrieve_words(name, None, REPORTED_PASSAGES)):
            for sentence in passage_sentences(passage):
                said = set(words(sentence.quote))
                if named[-1] in said and ARTICLE_NOUNS & said:  # the outlet and an article, in one sentence
                    return True
        return False

    def _spoken(self, plan: QuestionPlan, passages: Sequence[Passage]) -> dict[str, list[tuple[int, int, str]]]:
        """Where the people the question names speak in the retrieved articles (their statements' spans)."""
        named = set(plan.speakers)
        docs = [p.doc_id for p in passages if named & set(p.speakers)]
        spans: dict[str, list[tuple[int, int, str]]] = {}
        for record in self.store.records_of(docs) if docs else []:
            said = [(start, end, name) for start, end, name, _ in record.statements if name in named]
            if said:
                spans[record.doc_id] = said
        return spans

    def _search(
        self, indexes: _Indexes, question: str, vector: list[float], plan: QuestionPlan, options: AskOptions
    ) -> tuple[list[NodeWithScore], list[list[NodeWithScore]], list[str]]:
        """The passages for the question, for each part of it that names its own articles, and the article
        each part names by its title ("" when none).

        A part (an outlet, an outlet on a date) is searched within its articles, with its own
        words when it has enough of them; the parts' results are interleaved so that every part
        is represented in the top-k: each part's first passage, the best of them first, then
        each part's second, and so on. A part whose words name one of its outlet's articles by
        the words of its title ("the TechCrunch article on Norway's push to extend the ban on
        Meta's tracking ads": "Norway seeks to extend ban on Meta's consentless tracking ads")
        finds that article's passages first.
        """
        top_k = options.top_k or self.settings.top_k
        parts = [(part, options.filters.both(part.filters)) for part in plan.filtered_parts]
        if not parts:
            query = QueryBundle(query_str=question, embedding=vector)
            found = indexes.retriever.retrieve(query, options.filters, top_k, options.per_article)
            return found, [list(found)], []
        per_part = max(2, -(-top_k // len(parts)))
        part_nodes: list[list[NodeWithScore]] = []
        titled = [
            self._titled_article(indexes, content_stems(plan.asked_in(described_topic(p.text))), p.filters.sources)
            if filters is not None
            else ""
            for p, filters in parts
        ]
        for (part, filters), doc in zip(parts, titled, strict=True):
            if filters is None:  # the caller's filters exclude this part's articles
                part_nodes.append([])
                continue
            text = plan.searched_with(part)
            query = QueryBundle(query_str=text, embedding=self.query_vector(text))
            found = indexes.retriever.retrieve(query, filters, per_part + top_k, options.per_article)
            within = filters.both(Filters(doc_ids=(doc,))) if doc else None
            if within is not None:
                named = indexes.retriever.retrieve(query, within, TITLED_PASSAGES)
                ids = {n.node.node_id for n in named}
                found = named + [n for n in found if n.node.node_id not in ids]
            part_nodes.append(found)
        merged: dict[str, NodeWithScore] = {}
        for rank in range(max(len(found) for found in part_nodes)):
            level = [found[rank] for found in part_nodes if rank < len(found)]
            for node in sorted(level, key=lambda n: -(n.score or 0.0)):
                merged.setdefault(node.node.node_id, node)
        return list(merged.values())[:top_k], part_nodes, titled

    @staticmethod
    def _of_another_instance(indexes: _Indexes, plan: QuestionPlan, nodes: Sequence[NodeWithScore]) -> set[str]:
        """The articles among `nodes` titled for another numbered instance than the question names ("World Series Game
        2: ... live" for "final score world series game 4") whose text never writes the one it names (a preview
        titled "Week 5" telling of "Week 4" tells of it)."""
        titled = {article_of(n): str(n.node.metadata.get("title") or "") for n in nodes}
        return {
            doc_id
            for doc_id, title in titled.items()
            if plan.of_another_instance(title)
            and not plan.writes_an_instance(" ".join(n.text for n in indexes.bm25.article_nodes(doc_id)))
        }

    def _titled_article(self, indexes: _Indexes, words: frozenset[str], sources: Sequence[str]) -> str:
        """The article of `sources` whose title holds most of `words` (those telling an article by its topic), when
        it holds `TITLE_MATCH` of them (weighed by rarity), `TITLE_WORDS` at least, and `TITLE_MARGIN` more than
        any other's; "" else."""
        count, titles = self.catalog().titles_sharing(sources, words) if sources and words else (0, {})
        if count < 2 or not titles:  # an outlet's only article is named by the outlet already
            return ""
        weights = {w: indexes.engine.ranker.idf(w) for w in words}
        total = sum(weights.values())
        scored = sorted(((sum(weights[w] for w in words & t) / total, d) for d, t in titles.items()), reverse=True)
        (best, doc), second = scored[0], (scored[1][0] if len(scored) > 1 else 0.0)
        enough = len(words & titles[doc]) >= TITLE_WORDS
        return doc if enough and best >= TITLE_MATCH and best - second >= TITLE_MARGIN else ""

    @staticmethod
    def _search_facets(
        indexes: _Indexes,
        plan: QuestionPlan,
        options: AskOptions,
        nodes: list[NodeWithScore],
        embed: Callable[[str], list[float]],
    ) -> list[NodeWithScore]:
        """Passages for each clause of a long description and each later half of a compound question, by
        its words, and for each clause by its meaning too, that the search above missed.

        A question that describes its answer clause by clause often draws each clause from
        another article; searched as a whole, the clauses' articles crowd one another out. The
        half of a question asking a second thing ("..., and who was the subject?") is answered by
        a passage the first half's words do not find. What a quoted person the question asks about
        said ("What did Seema Shah make of the inflation report?") stands in a passage where they
        speak, which other reports of the topic can crowd out: their passages are searched with the question,
        and with the topic alone, as their name is in every one of them. A clause is often written in other
        words than the sentence it stands for ("accused of committing fraud for personal gain": "painted
        as someone who knowingly committed fraud to achieve great wealth"): it is also searched by its
        embedding with its words (`FACET_MEANING_PASSAGES`). They follow the top-k, so the answer step can
        cite every clause, every half and the one asked about.
        """
        # A question that names its outlets draws every clause from their articles.
        filters = options.filters.both(plan.every_part_filters)
        if filters is None:
            return []
        found = {n.node.node_id for n in nodes}
        last = min((n.score or 0.0 for n in nodes), default=0.0)  # BM25 scores are on another scale
        extra: list[NodeWithScore] = []
        searches = [(facet, filters) for facet in plan.facets + [half.text for half in plan.halves]]
        coming_out = coming_out_search(plan.question)  # "When was X released?": also "goes on sale", "available"
        if coming_out:
            searches.append((coming_out, filters))
        voice = asked_voice(plan.question, plan.metadata_spans, known=plan.speakers)
        heard = tuple(s for s in plan.speakers if voice is not None and speaks(voice.name, s))
        theirs = filters.both(Filters(speakers=heard)) if heard else None
        if theirs is not None:
            searches.append((plan.question, theirs))
            # ... and by the topic alone: among their passages, their name and their firm's are in every one
            # ("What does Carolyn O'Hara say about whether Mozilla.social will be a neutral platform?")
            if voice is not None and voice.topic and content_stems(voice.topic):
                searches.append((voice.topic, theirs))
        found_for = [indexes.retriever.retrieve_words(text, within, FACET_PASSAGES) for text, within in searches]
        for facet in plan.facets:
            meaning = QueryBundle(query_str=facet, embedding=embed(facet))
            found_for.append(indexes.retriever.retrieve(meaning, filters, FACET_MEANING_PASSAGES))
        for node in (n for nodes_found in found_for for n in nodes_found):
            if node.node.node_id not in found:
                found.add(node.node.node_id)
                extra.append(NodeWithScore(node=node.node, score=last))
        return extra

    @staticmethod
    def _beside(indexes: _Indexes, nodes: list[NodeWithScore], options: AskOptions) -> list[NodeWithScore]:
        """The chunks right before and after the best passages, when the search did not find them.

        What a passage says often goes on across the edge of its chunk: the rest of a quotation, a
        sentence pointing back at the one before it ("As an example, Hayashi cited ..."), the line
        under a fixture list giving its date. They follow the passages found, as the clauses' do; the
        names they write cast no vote for an entity answer (`Passage.beside`). Not when the passages
        are those in which a speaker speaks: the chunk beside may be another's words.
        """
        if options.filters.speakers:
            return []
        have = {n.node.node_id for n in nodes}
        last = min((n.score or 0.0 for n in nodes), default=0.0)

        per_article = Counter(article_of(n) for n in nodes)
        beside: list[NodeWithScore] = []
        for rank, found in enumerate(nodes[:BESIDE_PASSAGES], start=1):
            doc_id = article_of(found)
            chunks = indexes.bm25.article_nodes(doc_id)
            at = next((i for i, chunk in enumerate(chunks) if chunk.node_id == found.node.node_id), None)
            if at is None:
                continue
            for chunk in chunks[max(at - 1, 0) : at] + chunks[at + 1 : at + 2]:
                # no more passages of an article than the per-article cap allows
                if chunk.node_id not in have and (not options.per_article or per_article[doc_id] < options.per_article):
                    have.add(chunk.node_id)
                    per_article[doc_id] += 1
                    beside.append(RankedNode(node=chunk, score=last, ranks={BESIDE: rank}))
        return beside

    @staticmethod
    def _lookup(indexes: _Indexes, plan: QuestionPlan, options: AskOptions) -> Callable[[str], list[Passage]] | None:
        """A search by words among the articles the question is about, for the answer step's second hop."""
        filters = options.filters.both(plan.every_part_filters)
        if filters is None:
            return None
        return lambda text: passages_of(indexes.retriever.retrieve_words(text, filters, SECOND_HOP_PASSAGES))

    def query_vector(self, text: str) -> list[float]:
        """The embedding of a query, kept for the next request about the same text."""
        vector = self._vectors.get(text)
        if vector is None:
            vector = self.embedder.get_query_embedding(text)
            self._keep_vector(text, vector)
        return vector

    def query_vectors(self, texts: Sequence[str]) -> None:
        """Embed those of `texts` not kept yet, all at once, for `query_vector` to find.

        Both embedders embed a query as they embed a passage (no instruction or prefix): the bundled one runs
        the texts side by side, one a core, and an endpoint gets one request for them all.
        """
        missing = [text for text in dict.fromkeys(texts) if text not in self._vectors]
        if len(missing) < 2:
            return
        for text, vector in zip(missing, self.embedder.get_text_embedding_batch(missing), strict=True):
            self._keep_vector(text, vector)

    def _keep_vector(self, text: str, vector: list[float]) -> None:
        self._vectors[text] = vector
        while len(self._vectors) > QUERY_VECTORS_KEPT:
            self._vectors.popitem(last=False)

    def resolve_options(self, options: AskOptions) -> AskOptions:
        """The options with defaults filled in, unique article id prefixes expanded and dates in ISO form.

        Raises UsageError for a date that is not one.
        """
        options = options.or_defaults(self.settings.top_k, self.settings.per_article)
        filters = options.filters
        if filters.empty:
            return options
        known = [r.doc_id for r in self.articles()]
        doc_ids = []
        for doc_id in filters.doc_ids:
            doc_id = doc_id.strip()
            matches = ids_starting_with(doc_id, known)
            if doc_id not in known and len(matches) > 1:
                raise UsageError(ambiguous_id(doc_id, self.articles()))
            doc_ids.append(matches[0] if doc_id not in known and len(matches) == 1 else doc_id)
        resolved = replace(
            filters,
            doc_ids=tuple(doc_ids),
            sources=tuple(s.strip() for s in filters.sources),
            authors=tuple(a.strip() for a in filters.authors),
            speakers=tuple(s.strip() for s in filters.speakers),
            published_from=parse_date(filters.published_from.strip()),
            published_to=parse_date(filters.published_to.strip()),
        )
        return replace(options, filters=resolved)

    def unmatched_filters(self, filters: Filters, bm25: Bm25Index | None = None) -> str:
        """Why no stored passage can pass `filters`, in one line; '' when some can."""
        bm25 = bm25 or self._indexes.bm25

        def matches(some: Filters) -> bool:
            mask = bm25.mask(metadata_filters(some))
            return mask is None or bool(mask.any())

        if filters.empty or not len(bm25) or matches(filters):
            return ""
        reasons = []
        low, high = filters.date_range()
        if filters.published_from and filters.published_to and low > high:
            reasons.append(f"the date range {filters.published_from} to {filters.published_to} is empty")
        elif filters.dated and not matches(
            Filters(published_from=filters.published_from, published_to=filters.published_to)
        ):
            span = f"{filters.published_from or 'the earliest date'} and {filters.published_to or 'now'}"
            reasons.append(f"no article with a known date was published between {span}")
        checks: list[tuple[str, tuple[str, ...], Callable[[str], Filters]]] = [
            ("article", filters.doc_ids, lambda v: Filters(doc_ids=(v,))),
            ("source", filters.sources, lambda v: Filters(sources=(v,))),
            ("author", filters.authors, lambda v: Filters(authors=(v,))),
            ("speaker", filters.speakers, lambda v: Filters(speakers=(v,))),
        ]
        for label, values, alone in checks:
            unknown = [v for v in values if not matches(alone(v))]
            if unknown and len(unknown) == len(values):
                reasons.append(f"no {label} {', '.join(repr(v) for v in unknown)} in the corpus")
        return "No article matches these filters: " + ("; ".join(reasons) or "none meets all of them at once") + "."

    # -- answers -----------------------------------------------------------------------

    def ask(self, question: str, history: Sequence[Turn] = (), options: AskOptions | None = None) -> Answer:
        """Answer one question (with the chat so far)."""
        return self.stream(question, history, options).result()

    def stream(self, question: str, history: Sequence[Turn] = (), options: AskOptions | None = None) -> AnswerStream:
        """Answer one question; iterate the result for the text as it is written."""
        return AnswerStream(self._steps(question, list(history), options or AskOptions()))

    def _steps(
        self, question: str, history: list[Turn], options: AskOptions, in_halves: bool = True
    ) -> Iterator[str | Answer]:
        answer = Answer(question=clean_question(question), text="", citations=[], mode=self.mode)
        timings: dict[str, float] = {}
        try:
            retrieval = self.retrieve(question, options, history)
            timings.update(retrieval.timings_ms)
            answer.standalone_question = retrieval.standalone
            answer.passages = retrieval.passages
            plan = retrieval.plan
            if plan is not None and plan.kind in ("compare", "brief"):  # a request: answered by its engine
                with Clock(timings)("report"):
                    self._report(answer, plan, options)
                yield answer.text
            elif retrieval.missing:
                answer.abstained = True
                answer.text = lacking(retrieval.missing)
            elif not retrieval.passages or retrieval.unmentioned:
                answer.abstained = True
                answer.text = not_mentioned(retrieval.unmentioned) if retrieval.unmentioned else NOT_FOUND
            elif retrieval.focus_unnamed:  # "How many submarines ...": no passage names them, none says how many
                answer.abstained = True
                focus = retrieval.focus_unnamed
                answer.text = f"The articles found say nothing about “{focus}”, so they cannot answer this question."
            elif in_halves and self._in_halves(retrieval, answer, options, Clock(timings)):
                yield answer.text
            else:
                yield from self.engine.answer(retrieval, answer, Clock(timings))
            filters = retrieval.options.filters
            if answer.abstained and not filters.empty and not retrieval.unmentioned:  # the corpus may hold it elsewhere
                answer.text += f" Only the articles the filters allow were searched ({filters.describe()})."
        except NoMatchingArticles as exc:  # nothing to draw on: an abstention that says why
            answer.abstained = True
            answer.text = str(exc)
        except LLMError as exc:
            answer.error = str(exc)
            answer.text = f"The answer could not be generated: {exc}"
        except UsageError as exc:  # the question or the filters cannot be used as given
            answer.error = str(exc)
            answer.text = answer.error[:1].upper() + answer.error[1:]
        except CorpusChatError as exc:  # the store failed (server gone, disk full): one line, the next question works
            answer.error = str(exc)
            answer.text = f"The question could not be answered: {exc}"
        timings["total"] = sum(timings.values())
        answer.timings_ms = timings
        yield answer

    def _in_halves(self, retrieval: Retrieval, answer: Answer, options: AskOptions, clock: Clock) -> bool:
        """Answer a compound question offline half by half (`rag.compound`); False when it is none or no half
        is answered (the whole question's answer then stands)."""
        plan = retrieval.plan
        if self.mode != "extractive" or plan is None or not plan.halves or plan.kind == "yes_no":
            return False
        first = first_half(retrieval.standalone, plan)
        # the outlet or date only its first half names ("According to the Harbour Gazette, who ..., and which
        # firm ...?") holds for every half; one a later half names, for that half, which writes it
        named = plan.filtered_parts
        scope: Filters | None = options.filters
        if len(named) == 1 and all(start < len(first) for start, _ in plan.metadata_spans):
            scope = options.filters.both(named[0].filters)
        if not asked_in_halves(first) or scope is None:
            return False

        def ask(half: str, turns: Sequence[Turn], within: Sequence[str]) -> Answer:
            filters = replace(scope, doc_ids=tuple(within)) if within and not scope.doc_ids else scope
            asked = replace(options, filters=filters)
            return AnswerStream(self._steps(half, list(turns), asked, in_halves=False)).result()

        def whole() -> Answer:
            found = Answer(question=answer.question, text="", citations=[], mode=self.mode)
            for _ in self.engine.answer(retrieval, found, clock):
                pass
            return found

        with clock("halves"):
            compound = answer_halves(first, plan.halves, ask, whole)
        if compound is None:
            return False
        answer.text, answer.citations, answer.sentences = compound.text, compound.citations, compound.sentences
        answer.passages = compound.passages
        return True

    def _report(self, answer: Answer, plan: QuestionPlan, options: AskOptions) -> None:
        """Answer a request for a comparison or a briefing with one; its citations become the answer's."""
        from rag.briefing import brief
        from rag.compare import compare
        from rag.report import briefing_plain, comparison_plain, report_sentences

        topic = plan.topic
        named = options.filters
        if plan.outlets and not (named.sources or named.authors):  # "Compare what TechCrunch and The Verge say ..."
            sources = tuple(dict.fromkeys(s for m in plan.outlets for s in m.sources))
            authors = tuple(dict.fromkeys(a for m in plan.outlets for a in m.authors))
            options = replace(options, filters=replace(named, sources=sources, authors=authors))
        if plan.speakers and not named.speakers:  # "Compare what Kishida and Hayashi say about ..."
            options = replace(options, filters=replace(options.filters, speakers=plan.speakers))
        if not topic:  # about everything: what the titles say
            topic = "; ".join(r.title for r in self.articles()[:20])
        report: Comparison | Briefing
        if plan.kind == "compare":
            comparison = compare(self, topic, by=plan.by, options=options)
            report, answer.text = comparison, comparison_plain(comparison)
        else:
            briefing = brief(self, topic, options)
            report, answer.text = briefing, briefing_plain(briefing)
        answer.report = report
        answer.citations = report.numbering.citations
        answer.sentences = report_sentences(report)

    # -- the corpus --------------------------------------------------------------------

    def articles(self) -> list[ArticleRecord]:
        """The stored articles' metadata, read once until the next refresh."""
        articles = self._articles  # read once: a refresh in another session may reset it meanwhile
        if articles is None:
            articles = self._articles = self.store.list_articles()
        return articles

    def catalog(self) -> Catalog:
        """The sources, authors and dates of the stored articles, built once until the next refresh."""
        catalog = self._catalog  # read once, as in articles()
        if catalog is None:
            # Keyed by the fingerprint the BM25 index was loaded for, which was read before the articles.
            fingerprint = self._indexes.bm25.fingerprint
            catalog = cached_catalog(self.settings.storage_dir / "catalog", fingerprint, self.articles)
            self._catalog = catalog
        return catalog

    def article(self, doc_id: str) -> ArticleRecord:
        """One article with its text; `doc_id` may be a unique prefix. Raises NotFoundError."""
        return self.store.get_article(doc_id)

    def article_text(self, doc_id: str) -> str:
        """The stored text of an article, which citation offsets point into."""
        return self.store.article_text(doc_id)

    def status(self) -> IndexStatus:
        """Articles, chunks, embedder and where the store lives."""
        return self.store.status(article_count=len(self.articles()))

    def starter_questions(self) -> list[str]:
        """Questions to suggest on an empty chat, drawn from the corpus."""
        starters = self._starters  # read once, as in articles()
        if starters is None:
            records = self.articles()[:50]
            texts = [self.store.article_text(r.doc_id) for r in records]
            starters = self._starters = starter_questions(texts, [r.title for r in records])
        return starters

    # `on_wait`, below: called with a line to show when another ingest (another process, a
    # command-line `rag ingest`) holds the store and the change waits for it to finish.

    def add_files(
        self,
        paths: list[Path],
        on_progress: Callable[[int, int], None] | None = None,
        on_wait: Callable[[str], None] | None = None,
    ) -> IngestReport:
        """Ingest uploaded files (those refused are deleted again) and reload the indexes."""
        with self.lock:
            report = ingest_uploads(
                self.settings,
                paths,
                store=self.store,
                load_embedder=lambda: self.embedder,
                on_progress=on_progress,
                on_wait=on_wait,
            )
            self.refresh()
        return report

    def remove(self, doc_id: str, on_wait: Callable[[str], None] | None = None) -> list[str]:
        """Remove an article (and its uploaded files); the paths of its other files, which stay."""
        with self.lock:
            kept = remove_article(self.settings, self.store, doc_id, on_wait)
            self.refresh()
        return kept

    def rebuild(
        self, on_progress: Callable[[int, int], None] | None = None, on_wait: Callable[[str], None] | None = None
    ) -> IngestReport:
        """Embed every known article again into a new index, then switch to it.

        Other sessions are answered from the current index until the new one is complete.
        """
        with self.lock:
            report = ingest_paths(
                self.settings,
                [],
                store=self.store,
                load_embedder=lambda: self.embedder,
                rebuild=True,
                on_progress=on_progress,
                on_wait=on_wait,
            )
            self.refresh()
        return report
