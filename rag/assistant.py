"""The question-answering pipeline that the CLI, the app and the eval all call.

question (+ history) -> standalone question -> hybrid retrieval -> coverage check
-> extractive or generative engine -> Answer with verified citations.
Models, the store and the BM25 index are loaded once per Assistant.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from llama_index.core.base.embeddings.base import BaseEmbedding

from rag.answer import Answer
from rag.citations import number_citations
from rag.conversation import Turn, clean_question, resolve_follow_up
from rag.corpus import parse_date
from rag.coverage import Vocabulary, unmentioned_terms
from rag.errors import LLMError, UsageError
from rag.extractive import ExtractiveEngine
from rag.generative import GenerativeEngine, pack_prompt
from rag.lexicon import zipf_frequency
from rag.models import ChatModel, build_chat_model, build_embedder, embedder_id
from rag.retrieve import Bm25Index, Filters, HybridRetriever, Passage
from rag.settings import Settings
from rag.store import ArticleRecord, CorpusStore, explain_store_error, ids_starting_with
from rag.suggestions import starter_questions
from rag.support import SupportJudge
from rag.tokens import count_tokens

NOT_FOUND = "I could not find an answer to this question in the corpus."
# Longer questions are refused, not embedded: the embedder reads 256 word pieces, and the
# generative prompt's budget is for the sources.
MAX_QUESTION_TOKENS = 512
SHORTER = "ask it in fewer words"


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


@dataclass
class AskOptions:
    """Per-question choices: how many passages, from which articles."""

    top_k: int | None = None
    per_article: int | None = None
    filters: Filters = field(default_factory=Filters)


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


class Assistant:
    """Everything a question needs, loaded once: store, embedder, BM25, engines."""

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
        self.generative = GenerativeEngine(llm, self.judge, settings.context_tokens) if llm else None
        # Sessions of the app share one Assistant: reloading indexes and ingesting take turns.
        self.lock = threading.RLock()
        self._articles: list[ArticleRecord] | None = None
        self._starters: list[str] | None = None
        self._load_indexes(bm25)

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

    def _load_indexes(self, bm25: Bm25Index | None = None) -> None:
        # Everything is built first and swapped in at once: questions asked meanwhile by other
        # sessions never see the new BM25 beside the old vocabulary or a half-made engine.
        index = bm25 or Bm25Index.load_or_build(self.store, self.settings.storage_dir / "bm25")
        vocabulary = Vocabulary.from_words(index.words)
        retriever = HybridRetriever(self.store, index)
        extractive = ExtractiveEngine(self.embedder, index.document_frequencies(), len(index))
        self.bm25, self.vocabulary, self.retriever, self.extractive = index, vocabulary, retriever, extractive

    def warm_up(self) -> None:
        """Pay first-call costs (word frequencies, the embedder's first batch) before a user does."""
        zipf_frequency("the")
        self.embedder.get_text_embedding_batch(["warm-up sentence one.", "warm-up sentence two."])
        self.embedder.get_query_embedding("warm-up question")

    def refresh(self) -> bool:
        """Reload the BM25 index if the store changed (after an ingest); True if it did."""
        with self.lock:
            self._articles = None
            self._starters = None
            if self.store.fingerprint() == self.bm25.fingerprint:
                return False
            self._load_indexes()
            return True

    def articles(self) -> list[ArticleRecord]:
        """The stored articles' metadata, read once until the next refresh."""
        articles = self._articles  # read once: a refresh in another session may reset it meanwhile
        if articles is None:
            articles = self._articles = self.store.list_articles()
        return articles

    def starter_questions(self) -> list[str]:
        """Questions to suggest on an empty chat, drawn from the corpus."""
        starters = self._starters  # read once, as in articles()
        if starters is None:
            records = self.articles()[:50]
            texts = [self.store.article_text(r.doc_id) for r in records]
            starters = self._starters = starter_questions(texts, [r.title for r in records])
        return starters

    @property
    def engine_description(self) -> str:
        """Which engine answers, in a line for people."""
        if self.llm is None:
            return "offline: extractive answers"
        return f"generative: {self.llm.model} at {self.llm.base_url}"

    @property
    def mode(self) -> str:
        """'generative' with an LLM configured, else 'extractive'."""
        return "generative" if self.generative else "extractive"

    def retrieve(self, question: str, options: AskOptions | None = None) -> list[Passage]:
        """The passages hybrid retrieval finds for a standalone question."""
        return self._retrieve(question, self.embedder.get_query_embedding(question), options or AskOptions())

    def _retrieve(self, question: str, vector: Sequence[float], options: AskOptions) -> list[Passage]:
        return self.retriever.retrieve(
            question,
            vector,
            top_k=options.top_k or self.settings.top_k,
            filters=options.filters,
            per_article=options.per_article or self.settings.per_article,
        )

    def ask(self, question: str, history: Sequence[Turn] = (), options: AskOptions | None = None) -> Answer:
        """Answer one question (with the chat so far)."""
        return self.stream(question, history, options).result()

    def stream(self, question: str, history: Sequence[Turn] = (), options: AskOptions | None = None) -> AnswerStream:
        """Answer one question; iterate the result for the generated text as it arrives."""
        return AnswerStream(self._steps(question, list(history), options or AskOptions()))

    def resolve_filters(self, filters: Filters) -> Filters:
        """The filters with unique article id prefixes expanded and dates in ISO form.

        Raises UsageError for a date that is not one.
        """
        if filters.empty:
            return filters
        known = [r.doc_id for r in self.articles()]
        doc_ids = []
        for doc_id in filters.doc_ids:
            matches = ids_starting_with(doc_id.strip(), known)
            doc_ids.append(matches[0] if doc_id not in known and len(matches) == 1 else doc_id)
        return replace(
            filters,
            doc_ids=tuple(doc_ids),
            published_from=parse_date(filters.published_from),
            published_to=parse_date(filters.published_to),
        )

    def unmatched_filters(self, filters: Filters) -> str:
        """Why no stored passage can pass `filters`, in one line; '' when some can."""
        mask = self.bm25.mask(filters) if len(self.bm25) else None
        if mask is None or mask.any():
            return ""
        reasons = []
        low, high = filters.date_range()
        if filters.published_from and filters.published_to and low > high:
            reasons.append(f"the date range {filters.published_from} to {filters.published_to} is empty")
        elif (filters.published_from or filters.published_to) and not self._matches(
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
            unknown = [v for v in values if not self._matches(alone(v))]
            if unknown and len(unknown) == len(values):
                reasons.append(f"no {label} {', '.join(repr(v) for v in unknown)} in the corpus")
        return "No article matches these filters: " + ("; ".join(reasons) or "none meets all of them at once") + "."

    def _matches(self, filters: Filters) -> bool:
        mask = self.bm25.mask(filters)
        return mask is None or bool(mask.any())

    def _steps(self, question: str, history: list[Turn], options: AskOptions) -> Iterator[str | Answer]:
        timings: dict[str, float] = {}
        clock = _Clock(timings)
        # Escape sequences and controls would reach the terminal, the prompt and the page.
        question = clean_question(question)
        answer = Answer(question=question, text="", citations=[], mode=self.mode)
        problem = question_problem(question)
        try:
            if problem:
                raise UsageError(problem)
            options = replace(options, filters=self.resolve_filters(options.filters))
            unmatched = self.unmatched_filters(options.filters)
            if unmatched:
                answer.abstained = True
                answer.text = unmatched
                answer.timings_ms = {"total": 0.0}
                yield answer
                return
            with clock("condense"):
                if self.generative and history:
                    standalone = self.generative.condense(question, history)
                else:
                    standalone = resolve_follow_up(question, history)
            answer.standalone_question = standalone
            with clock("retrieve"):
                vector = self.embedder.get_query_embedding(standalone)
                passages = self._retrieve(standalone, vector, options)
            answer.passages = passages
            with clock("coverage"):
                missing = unmentioned_terms(standalone, self.vocabulary, self.embedder) if passages else []
            if not passages or missing:
                answer.abstained = True
                answer.text = not_mentioned(missing) if missing else NOT_FOUND
            elif self.generative is None:
                with clock("answer"):
                    self._extract(answer, standalone, vector, passages)
            else:
                yield from self._generate(answer, standalone, passages, clock)
        except LLMError as exc:
            answer.error = str(exc)
            answer.text = f"The answer could not be generated: {exc}"
        except UsageError as exc:  # the question or the filters cannot be used as given
            answer.error = str(exc)
            answer.text = answer.error[:1].upper() + answer.error[1:]
        except Exception as exc:  # the store failed (server gone, disk full): one line, the next question works
            explained = explain_store_error(exc, self.settings)
            if explained is None:
                raise
            answer.error = str(explained)
            answer.text = f"The question could not be answered: {explained}"
        timings["total"] = sum(v for k, v in timings.items())
        answer.timings_ms = timings
        yield answer

    def _extract(self, answer: Answer, question: str, vector: Sequence[float], passages: list[Passage]) -> None:
        result = self.extractive.select(question, vector, passages)
        if not result.chosen:
            answer.abstained = True
            answer.text = NOT_FOUND
            return
        cited = [(c.evidence.quote, [c.evidence], True) for c in result.chosen]
        answer.text, answer.citations, answer.sentences = number_citations(cited)

    def _generate(self, answer: Answer, question: str, passages: list[Passage], clock: _Clock) -> Iterator[str]:
        assert self.generative is not None
        prompt = pack_prompt(question, passages, self.settings.context_tokens)
        answer.prompt = prompt.messages
        pieces: list[str] = []
        with clock("generate"):
            for piece in self.generative.stream(prompt):
                pieces.append(piece)
                yield piece
        with clock("verify"):
            checked = self.generative.check("".join(pieces), prompt.passages)
        answer.dropped_citations = checked.dropped
        if checked.abstained:
            answer.abstained = True
            answer.text = NOT_FOUND
            return
        answer.text, answer.citations, answer.sentences = number_citations(checked.cited)


class _Clock:
    """Adds the milliseconds spent in each `with clock(name):` block to `timings[name]`."""

    def __init__(self, timings: dict[str, float]) -> None:
        self.timings = timings
        self._name = ""
        self._start = 0.0

    def __call__(self, name: str) -> _Clock:
        self._name = name
        return self

    def __enter__(self) -> None:
        self._start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        elapsed = (time.perf_counter() - self._start) * 1000
        self.timings[self._name] = self.timings.get(self._name, 0.0) + elapsed
