"""Compaction: an ingest that replaces much of the store leaves a compact vector index.

Chroma's vector index (HNSW) keeps an entry for every chunk ever added to a collection: a
delete only marks the entry, and the chunk written in its place gets a new one. Searches still
walk the marked entries. An ingest after a chunker or attribution upgrade rewrites every
article (reusing its vectors), and each such rewrite leaves the index a whole store's worth
bigger: on the 609 MultiHop articles (10k chunks), a vector query took about 1.5x as long
as on a store built from scratch after one rewrite and 2.1x after two (`bench/compaction.py`).

So when an ingest replaces chunks, and the entries of replaced chunks (those left by earlier
ingests and removals, of which the store keeps count, and its own) would reach half the live
chunks, it writes a new generation instead, as a rebuild does (`rag.store`): the articles it
rewrites, their vectors reused from the live generation, and every other article's record and
chunks copied with their stored vectors; nothing is embedded that was not already. It then
switches to it in one write. Readers answer from the old generation until then; a compaction
cut off midway leaves the old one live, and the next ingest drops what it wrote. A small ingest
in a big store changes the store in place, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rag.ingest_plan import IngestPlan
    from rag.records import ArticleRecord
    from rag.store import CorpusStore

# A compaction is due when the index would hold this many entries of replaced chunks per live chunk: at half,
# vector queries measured 1.1-1.2x as slow as on a compact index (about 1.5x at one per live chunk). A compaction
# copies every live chunk (about 2 ms a chunk here, less than rewriting it in place), so at half it costs at most
# two copies per chunk replaced since the last one.
REPLACED_SHARE = 0.5
# ... and at least this many: below it a search costs well under a millisecond whatever the index holds,
# so a small store is changed in place (and its readers are not moved to a new generation for nothing).
MIN_REPLACED = 1000
# Articles are copied in groups of about this many chunks (one read and one write each).
COPY_GROUP_CHUNKS = 512


def replaced_chunks(plan: IngestPlan) -> int:
    """The stored chunks this ingest replaces or removes: all those of the stored articles it rewrites or deletes."""
    gone = [d for d in plan.to_write if d in plan.records]
    gone += [d for d, files in plan.file_changes.items() if not files and d in plan.records and d not in plan.to_write]
    return sum(plan.records[d].chunk_count for d in gone)


def entries_to_drop(store: CorpusStore, plan: IngestPlan) -> int:
    """The entries of replaced chunks that this ingest drops by compacting the index (writing a new
    generation); 0 when no compaction is due and the ingest changes the store in place."""
    replaced = replaced_chunks(plan)
    if not replaced:  # an ingest that replaces nothing leaves the store as it is (entries of removals wait for one)
        return 0
    live = store.count_chunks()
    left = store.replaced_entries(live) + replaced
    after = live - replaced + sum(len(p.chunks) for p in plan.to_write.values())
    return left if left >= max(MIN_REPLACED, REPLACED_SHARE * after) else 0


def _kept(plan: IngestPlan) -> list[ArticleRecord]:
    """The stored articles the ingest neither rewrites nor removes, in path order."""
    return sorted(
        (r for d, r in plan.records.items() if d not in plan.to_write and plan.file_changes.get(d, r.files)),
        key=lambda r: (r.path, r.doc_id),
    )


def _groups(records: list[ArticleRecord]) -> Iterator[list[str]]:
    group: list[str] = []
    count = 0
    for record in records:
        group.append(record.doc_id)
        count += record.chunk_count
        if count >= COPY_GROUP_CHUNKS:
            yield group
            group, count = [], 0
    if group:
        yield group


def chunks_to_copy(plan: IngestPlan) -> int:
    """How many chunks `copy_unchanged` copies."""
    return sum(r.chunk_count for r in _kept(plan))


def copy_unchanged(
    live: CorpusStore, new: CorpusStore, plan: IngestPlan, on_copied: Callable[[int], None] | None = None
) -> int:
    """Copy every article the ingest leaves as it is (its files may change) from the live generation
    into `new`, records and chunks with their stored vectors; returns the number of chunks copied.

    `on_copied(n)` is called after each group. Files changed by the ingest are set afterwards, as in place.
    """
    copied = 0
    for group in _groups(_kept(plan)):
        n = new.copy_articles(live, group)
        copied += n
        if on_copied:
            on_copied(n)
    return copied
