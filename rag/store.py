"""The store: article texts and their embedded chunks, in Chroma (embedded or server).

Two collections: `<prefix>_chunks` holds chunk embeddings and metadata (written through
LlamaIndex's ChromaVectorStore); `<prefix>_articles` holds each article's full text and
metadata, so a citation can be shown in context in either mode.

Crash safety: an article record is written with status "pending" before its chunks, and
set to "complete" after them. A record still pending when the next ingest starts marks a
write that was cut off: its chunks are deleted and the article is ingested again.

Generations: a rebuild writes a new pair of collections (`<prefix>_articles_<generation>`,
`<prefix>_chunks_<generation>`) beside the live pair, and when it is complete moves the
pointer (the metadata of `<prefix>_live`) to it in one write. Readers keep answering from the
pair they opened until they follow the pointer; the pair before is kept until the next
rebuild, so a reader that has not looked yet never finds its collections gone. A store
without a pointer is the first generation, under the plain names. An ingest that replaces
much of the store writes a new generation the same way, copying what it does not change
(`rag.compaction`): the chunks collection keeps count of the entries its vector index holds.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, cast

from chromadb.errors import ChromaError
from chromadb.errors import NotFoundError as CollectionNotFound

from rag.chroma_connection import connect, explain_store_error, forget_embedded
from rag.errors import EmbedderMismatchError, NotFoundError
from rag.records import COMPLETE, PENDING, ArticleRecord, FileRef, IndexStatus, ambiguous_id, ids_starting_with
from rag.settings import Settings

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection
    from chromadb.api.types import Where
    from llama_index.core.schema import BaseNode

    from rag.attribution import Attribution
    from rag.chunking import Chunk
    from rag.corpus import Article
    from rag.vector_store import ChunkVectorStore

# The articles collection's metadata key for the token that changes with every write.
GENERATION_KEY = "generation"
# The pointer's metadata: the generation readers open, and the one before it (kept for readers
# that opened it). The first generation, under the plain collection names, is spelt FIRST.
LIVE_KEY, RETIRED_KEY, FIRST = "live", "retired", "-"
# The chunks collection's metadata: the embedder of its vectors, and how many entries its vector index holds.
# Chroma's index keeps an entry for every chunk ever added: a delete only marks it (see rag.compaction).
EMBEDDER_KEY, ENTRIES_KEY = "embedder", "entries"
# Article records carry no meaningful vector; Chroma needs one, and must never be left
# to compute it (its default embedding function downloads a model).
_PLACEHOLDER_VECTOR: list[Sequence[float]] = [[1.0]]
# The HNSW index's search breadth. At Chroma's default (100) a query for 40 chunks missed about 1 in 100 of the
# 40 nearest on the benchmark's 10k chunks, and which ones it missed changed from one process to the next, so
# the same question could get another answer; at 400 it missed 1 in 8,000, for about 1.5 ms more a query (some 35 ms
# more a benchmark question, which searches once for each of its parts and clauses).
SEARCH_BREADTH = 400


# One article's chunks to write: the article, its chunks, their vectors, who speaks in each.
ChunkWrite = tuple["Article", Sequence["Chunk"], Sequence[Sequence[float]], Sequence[Sequence[str]] | None]


def _record_metadata(record: ArticleRecord) -> dict[str, Any]:
    return {
        "title": record.title,
        "source": record.source,
        "author": record.author,
        "published": record.published,
        "format": record.format,
        "files": json.dumps([f.__dict__ for f in record.files]),
        "chunk_count": record.chunk_count,
        "chunker": record.chunker,
        "status": record.status,
        "speakers": json.dumps(record.speakers, ensure_ascii=False),
        "statements": json.dumps(record.statements, ensure_ascii=False),
        "pages": json.dumps(record.pages),
    }


def _record_from(doc_id: str, meta: dict[str, Any], text: str | None = None) -> ArticleRecord:
    return ArticleRecord(
        doc_id=doc_id,
        title=str(meta.get("title", "")),
        source=str(meta.get("source", "")),
        author=str(meta.get("author", "")),
        published=str(meta.get("published", "")),
        format=str(meta.get("format", "")),
        files=[FileRef(**f) for f in json.loads(str(meta.get("files", "[]")))],
        chunk_count=int(meta.get("chunk_count", 0)),
        chunker=str(meta.get("chunker", "")),
        status=str(meta.get("status", COMPLETE)),
        text=text,
        speakers=json.loads(str(meta.get("speakers", "[]"))),
        statements=[tuple(s) for s in json.loads(str(meta.get("statements", "[]")))],
        pages=[int(p) for p in json.loads(str(meta.get("pages", "[]")))],
    )


def collection_names(prefix: str, generation: str) -> tuple[str, str]:
    """The articles and chunks collections of one generation."""
    tail = "" if generation == FIRST else f"_{generation}"
    return f"{prefix}_articles{tail}", f"{prefix}_chunks{tail}"


class CorpusStore:
    """Article texts and chunk vectors, with the bookkeeping that keeps them consistent."""

    def __init__(self, client: ClientAPI, settings: Settings, generation: str | None = None) -> None:
        self.client = client
        self.settings = settings
        self.mode = "server" if settings.server_mode else "embedded"
        self._pointer_name = f"{settings.collection_prefix}_live"
        self._vector_store: ChunkVectorStore | None = None
        self.generation = generation or self._pointer()[0]
        self._articles_name, self._chunks_name = collection_names(settings.collection_prefix, self.generation)
        self.articles, self.chunks = self._open_collections()

    def _pointer(self) -> tuple[str, str]:
        """The live generation and the retired one (FIRST for both when no rebuild moved them)."""
        try:
            meta = self.client.get_collection(self._pointer_name, embedding_function=None).metadata or {}
        except CollectionNotFound:
            return FIRST, FIRST
        return str(meta.get(LIVE_KEY) or FIRST), str(meta.get(RETIRED_KEY) or FIRST)

    def moved(self) -> bool:
        """Whether a rebuild switched the live generation since this store opened its own (one read)."""
        return self._pointer()[0] != self.generation

    def follow(self) -> bool:
        """Open the live generation if a rebuild moved the pointer since; True if it did."""
        live = self._pointer()[0]
        if live == self.generation:
            return False
        self.generation = live
        self._articles_name, self._chunks_name = collection_names(self.settings.collection_prefix, live)
        self.articles, self.chunks = self._open_collections()
        return True

    def new_generation(self) -> CorpusStore:
        """An empty store beside this one, for a rebuild; readers see it once `switch_to` it."""
        self.drop_stale_generations()
        return CorpusStore(self.client, self.settings, generation=uuid.uuid4().hex[:12])

    def switch_to(self, new: CorpusStore) -> None:
        """Make `new` the live generation in one write; this one is kept for readers that still use it."""
        metadata = {LIVE_KEY: new.generation, RETIRED_KEY: self.generation}
        pointer = self.client.get_or_create_collection(self._pointer_name, embedding_function=None)
        pointer.modify(metadata=metadata)
        self.drop_stale_generations()
        self.follow()

    def drop_stale_generations(self) -> list[str]:
        """Delete the collections of generations neither live nor retired (an older rebuild's, a
        cut-off rebuild's); returns their names. Call it with the ingest lock held."""
        keep = set(self._pointer())
        prefix = re.escape(self.settings.collection_prefix)
        pattern = re.compile(rf"{prefix}_(?:articles|chunks)(?:_([0-9a-f]{{12}}))?")
        dropped = []
        for collection in self.client.list_collections():
            name = collection if isinstance(collection, str) else collection.name
            match = pattern.fullmatch(name)
            if match and (match.group(1) or FIRST) not in keep | {self.generation}:
                with contextlib.suppress(CollectionNotFound):
                    self.client.delete_collection(name)
                dropped.append(name)
        return dropped

    def _open_collections(self) -> tuple[Collection, Collection]:
        articles = self.client.get_or_create_collection(self._articles_name, embedding_function=None)
        chunks = self.client.get_or_create_collection(
            self._chunks_name,
            embedding_function=None,
            configuration={"hnsw": {"space": "cosine", "ef_search": SEARCH_BREADTH}},
        )
        hnsw = (chunks.configuration or {}).get("hnsw") or {}
        if int(hnsw.get("ef_search") or 0) < SEARCH_BREADTH:  # made before it was set: the breadth can change
            chunks.modify(configuration={"hnsw": {"ef_search": SEARCH_BREADTH}})
        self._vector_store = None
        return articles, chunks

    @classmethod
    def open(cls, settings: Settings) -> CorpusStore:
        """Connect to the configured Chroma and open (or create) the two collections."""
        client = connect(settings)
        try:
            return cls(client, settings)
        except (OSError, ChromaError) as exc:
            if not settings.server_mode:
                forget_embedded(settings)
            explained = explain_store_error(exc, settings)
            if explained is None:
                raise
            raise explained from exc

    @property
    def location(self) -> str:
        """Where the store lives, for status lines."""
        if self.mode == "server":
            return f"chroma server {self.settings.chroma_host or '127.0.0.1'}:{self.settings.chroma_port or 8000}"
        return str(self.settings.storage_dir / "chroma")

    @property
    def vector_store(self) -> ChunkVectorStore:
        """The chunks collection seen through LlamaIndex."""
        if self._vector_store is None:
            from rag.vector_store import ChunkVectorStore

            self._vector_store = ChunkVectorStore.over(self.chunks)
        return self._vector_store

    # -- the embedder that built the index ---------------------------------------------

    @property
    def embedder(self) -> str | None:
        """The embedder the chunk vectors were made with; None for a new index."""
        value = (self.chunks.metadata or {}).get(EMBEDDER_KEY)
        return str(value) if value else None

    def check_embedder(self, embedder: str) -> None:
        """Raise EmbedderMismatchError when the index holds vectors of another embedder."""
        recorded = self.embedder
        if recorded is not None and recorded != embedder and self.chunks.count() > 0:
            from rag.models import embed_model_selecting

            setting = embed_model_selecting(recorded)
            raise EmbedderMismatchError(
                f"the index was built with {recorded} but the configured embedder is {embedder}; "
                "rebuild it with `python -m rag ingest --rebuild`"
                + (
                    f" (or set RAG_EMBED_MODEL={setting} to use that index again)"
                    if setting
                    else " (an earlier release's build of the bundled model, which this release no longer runs)"
                )
            )

    def claim_embedder(self, embedder: str) -> None:
        """Record `embedder` as the index's (a new or empty index takes any)."""
        self.check_embedder(embedder)
        if self.embedder != embedder:
            self.chunks.modify(metadata={**self._chunks_metadata(), EMBEDDER_KEY: embedder})

    # -- the entries of the vector index ------------------------------------------------

    def _chunks_metadata(self) -> dict[str, Any]:
        """The chunks collection's metadata as stored now, to change (Chroma replaces it whole). Without the
        "hnsw:" settings a collection made by an older Chroma may keep there: Chroma refuses them back."""
        metadata = self.client.get_collection(self._chunks_name, embedding_function=None).metadata or {}
        return {key: value for key, value in metadata.items() if not key.startswith("hnsw:")}

    def _count_entries(self, added: int = 0) -> None:
        """Count `added` more entries in the vector index; call it before adding them, and before deleting any.

        A store from before the count starts it at its live chunks (the entries of chunks it
        replaced before are not known).
        """
        metadata = self._chunks_metadata()
        known = metadata.get(ENTRIES_KEY)
        if isinstance(known, int) and not added:
            return
        entries = (known if isinstance(known, int) else self.count_chunks()) + added
        self.chunks.modify(metadata={**metadata, ENTRIES_KEY: entries})

    def replaced_entries(self, live_chunks: int | None = None) -> int:
        """The entries the vector index keeps for chunks deleted or replaced since it was built
        (searches still walk them); pass `live_chunks` when the count is known."""
        entries = self._chunks_metadata().get(ENTRIES_KEY)
        if not isinstance(entries, int):
            return 0
        return max(entries - (self.count_chunks() if live_chunks is None else live_chunks), 0)

    # -- articles ----------------------------------------------------------------------

    def list_articles(self, include_pending: bool = False) -> list[ArticleRecord]:
        """Every stored article's metadata (no texts), sorted by path."""
        result = self.articles.get(include=["metadatas"])
        records = [
            _record_from(i, dict(m or {})) for i, m in zip(result["ids"], result["metadatas"] or [], strict=True)
        ]
        if not include_pending:
            records = [r for r in records if r.status == COMPLETE]
        return sorted(records, key=lambda r: (r.path, r.doc_id))

    def records_of(self, doc_ids: Sequence[str]) -> list[ArticleRecord]:
        """These articles' metadata (no texts), in one read; ids not stored are left out."""
        if not doc_ids:
            return []
        result = self.articles.get(ids=list(dict.fromkeys(doc_ids)), include=["metadatas"])
        return [_record_from(i, dict(m or {})) for i, m in zip(result["ids"], result["metadatas"] or [], strict=True)]

    def get_article(self, doc_id: str) -> ArticleRecord:
        """One article with its text; `doc_id` may be a unique prefix."""
        result = self.articles.get(ids=[doc_id], include=["metadatas", "documents"])
        if not result["ids"]:
            records = self.list_articles()
            matches = ids_starting_with(doc_id, [r.doc_id for r in records])
            if len(matches) > 1:
                raise NotFoundError(ambiguous_id(doc_id, records))
            if not matches:
                raise NotFoundError(f"no article with id '{doc_id}'; `python -m rag list` shows the ids")
            result = self.articles.get(ids=matches, include=["metadatas", "documents"])
        documents = result["documents"] or [""]
        return _record_from(result["ids"][0], dict((result["metadatas"] or [{}])[0] or {}), documents[0])

    def article_text(self, doc_id: str) -> str:
        """The stored text of an article, which citation offsets point into."""
        text = self.get_article(doc_id).text
        return text or ""

    def begin_articles(
        self, entries: Sequence[tuple[Article, list[FileRef], Attribution | None]], chunker: str
    ) -> list[ArticleRecord]:
        """Write the articles' records as pending, and clear any chunks they had.

        One call for a group of articles: per-article round trips dominated ingest time.
        """
        records = []
        for article, files, attribution in entries:
            record = ArticleRecord(
                doc_id=article.doc_id,
                title=article.title,
                source=article.source,
                author=article.author,
                published=article.published,
                format=article.format,
                files=files,
                pages=article.pages,
                chunker=chunker,
                status=PENDING,
            )
            if attribution is not None:
                record.speakers = [asdict(s) for s in attribution.speakers.values()]
                record.statements = [(s.start, s.end, s.speaker, s.kind) for s in attribution.statements]
            records.append(record)
        if not records:
            return records
        ids = [r.doc_id for r in records]
        self.touch()
        self._count_entries()
        self.chunks.delete(where=cast("Where", {"document_id": {"$in": ids}}))  # old versions, cut-off writes
        texts = [article.text for article, _, _ in entries]
        for start in range(0, len(records), self.max_batch_size):
            end = start + self.max_batch_size
            self.articles.upsert(
                ids=ids[start:end],
                documents=texts[start:end],
                metadatas=[_record_metadata(r) for r in records[start:end]],
                embeddings=_PLACEHOLDER_VECTOR * len(ids[start:end]),
            )
        return records

    def write_chunks(self, entries: Sequence[ChunkWrite]) -> None:
        """Store chunks of one or more articles with their vectors (and who speaks in each)."""
        from rag.nodes import chunk_node

        nodes: list[BaseNode] = [
            chunk_node(article, chunk, vector, speakers[i] if speakers else ())
            for article, chunks, embeddings, speakers in entries
            for i, (chunk, vector) in enumerate(zip(chunks, embeddings, strict=True))
        ]
        self._count_entries(len(nodes))
        for start in range(0, len(nodes), self.max_batch_size):
            self.vector_store.add(nodes[start : start + self.max_batch_size])

    def copy_articles(self, source: CorpusStore, doc_ids: Sequence[str]) -> int:
        """Copy these articles' records and chunks, stored vectors and all, from another generation
        (`source`) into this one; returns the number of chunks copied. Nothing is embedded."""
        if not doc_ids:
            return 0
        where = cast("Where", {"document_id": {"$in": list(doc_ids)}})
        chunks = source.chunks.get(where=where, include=["documents", "metadatas", "embeddings"])
        records = source.articles.get(ids=list(doc_ids), include=["documents", "metadatas"])
        self.touch()
        self._count_entries(len(chunks["ids"]))
        step = self.max_batch_size
        embeddings = chunks["embeddings"] if chunks["embeddings"] is not None else []
        for start in range(0, len(chunks["ids"]), step):
            self.chunks.add(
                ids=chunks["ids"][start : start + step],
                documents=(chunks["documents"] or [])[start : start + step],
                metadatas=(chunks["metadatas"] or [])[start : start + step],
                embeddings=embeddings[start : start + step],
            )
        for start in range(0, len(records["ids"]), step):  # the records after their chunks, as an ingest writes
            ids = records["ids"][start : start + step]
            self.articles.add(
                ids=ids,
                documents=(records["documents"] or [])[start : start + step],
                metadatas=(records["metadatas"] or [])[start : start + step],
                embeddings=_PLACEHOLDER_VECTOR * len(ids),
            )
        self.touch()
        return len(chunks["ids"])

    def vectors_by_text(self, doc_ids: Sequence[str]) -> dict[str, list[float]]:
        """The stored vectors of these articles' chunks, keyed by chunk text, for reuse."""
        if not doc_ids:
            return {}
        where = cast("Where", {"document_id": {"$in": list(dict.fromkeys(doc_ids))}})
        got = self.chunks.get(where=where, include=["documents", "embeddings"])
        documents = got["documents"] or []
        embeddings = got["embeddings"] if got["embeddings"] is not None else []
        return {doc: [float(x) for x in vec] for doc, vec in zip(documents, embeddings, strict=True)}

    def commit_articles(self, records: Sequence[ArticleRecord], chunk_counts: Sequence[int]) -> None:
        """Mark articles complete once all their chunks are written."""
        for record, count in zip(records, chunk_counts, strict=True):
            record.status = COMPLETE
            record.chunk_count = count
        for start in range(0, len(records), self.max_batch_size):
            batch = records[start : start + self.max_batch_size]
            self.articles.update(ids=[r.doc_id for r in batch], metadatas=[_record_metadata(r) for r in batch])
        self.touch()

    def set_files(self, doc_id: str, files: list[FileRef]) -> None:
        """Replace the list of files an article was read from."""
        record = self.list_article(doc_id)
        record.files = files
        self.articles.update(ids=[doc_id], metadatas=[_record_metadata(record)])
        self.touch()

    def list_article(self, doc_id: str) -> ArticleRecord:
        """One article's metadata, without its text."""
        result = self.articles.get(ids=[doc_id], include=["metadatas"])
        if not result["ids"]:
            raise NotFoundError(f"no article with id '{doc_id}'")
        return _record_from(doc_id, dict((result["metadatas"] or [{}])[0] or {}))

    def delete_article(self, doc_id: str) -> None:
        """Remove an article: its chunks first, then its record."""
        self.touch()
        self._count_entries()
        self.chunks.delete(where={"document_id": doc_id})
        self.articles.delete(ids=[doc_id])
        self.touch()

    def recover(self) -> list[str]:
        """Undo writes that a crash cut off; returns the ids of the articles rolled back."""
        result = self.articles.get(where={"status": PENDING}, include=[])
        for doc_id in result["ids"]:
            self.delete_article(doc_id)
        return list(result["ids"])

    # -- the index as a whole ----------------------------------------------------------

    @property
    def max_batch_size(self) -> int:
        """The most records Chroma takes in one write."""
        return int(self.client.get_max_batch_size())

    def status(self, article_count: int | None = None) -> IndexStatus:
        """Articles, chunks, embedder and where the store lives.

        Pass `article_count` when it is known already, to spare reading every record.
        """
        return IndexStatus(
            articles=len(self.list_articles()) if article_count is None else article_count,
            chunks=self.count_chunks(),
            embedder=self.embedder or "none yet",
            mode=self.mode,
            location=self.location,
        )

    def warm_up(self) -> None:
        """Load the vector index into memory now (Chroma does it on the first query)."""
        stored = self.chunks.get(limit=1, include=["embeddings"])["embeddings"]
        if stored is not None and len(stored):
            vector: list[Sequence[float] | Sequence[int]] = [[float(x) for x in stored[0]]]
            self.chunks.query(query_embeddings=vector, n_results=1, include=[])

    def touch(self) -> None:
        """Record that the contents changed (or are about to): a new generation token.

        Called before and after every write, so no content is ever seen under a token
        that an earlier, different content had too.
        """
        self.articles.modify(metadata={GENERATION_KEY: uuid.uuid4().hex})

    def content_token(self) -> str:
        """The token every write to the articles or chunks renews ("" in an old store): one read."""
        return str((self.client.get_collection(self._articles_name).metadata or {}).get(GENERATION_KEY) or "")

    def reopen(self) -> None:
        """Read an embedded store afresh, with what other processes wrote since it opened.

        An embedded client keeps the vector index it loaded: rows another process wrote since
        are in its files, not in its index (a search filtered to their ids fails, an unfiltered
        one misses them). A new client, with chromadb's process-wide handle forgotten, loads
        them; holders of the old one keep their view. A server's view is always current.
        """
        if self.settings.server_mode:
            return
        forget_embedded(self.settings)
        self.client = connect(self.settings)
        self._vector_store = None
        self.articles, self.chunks = self._open_collections()

    def fingerprint(self) -> str:
        """Changes whenever the stored articles or chunks do (derived indexes key on it).

        One cheap read, not a scan of the records: this runs at every start and every
        refresh. The generation token is renewed before and after every write (`touch`), so
        contents seen under one token are the same contents; counting the chunks as well
        took 0.4 s at 100k chunks.
        """
        generation = self.content_token()
        if not generation:  # a store written before generations were kept
            self.touch()
            return self.fingerprint()
        state = [self.embedder or "", str(generation)]
        return hashlib.sha256(json.dumps(state).encode()).hexdigest()[:20]

    def iter_chunks(self, page: int = 5000) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """Every stored chunk as (id, text, metadata), fetched a page at a time."""
        offset = 0
        while True:
            got = self.chunks.get(include=["documents", "metadatas"], limit=page, offset=offset)
            ids = got["ids"]
            for chunk_id, text, meta in zip(ids, got["documents"] or [], got["metadatas"] or [], strict=True):
                yield chunk_id, text or "", dict(meta or {})
            if len(ids) < page:
                return
            offset += page

    def count_chunks(self) -> int:
        """Number of stored chunks."""
        return int(self.chunks.count())

    def chunk_ids(self, doc_id: str | None = None) -> list[str]:
        """Ids of the stored chunks, of one article or of all."""
        if doc_id:
            return list(self.chunks.get(where={"document_id": doc_id}, include=[])["ids"])
        return list(self.chunks.get(include=[])["ids"])
