"""The filter rules, written once, and their two readings: a Chroma `where` and a BM25 mask.

`metadata_filters` says which chunk metadata a `Filters` allows, as LlamaIndex
`MetadataFilters` (so any LlamaIndex vector store could take them). The dense retriever
hands Chroma the same rules as a `where` clause, and the BM25 retriever evaluates them over
its columns as a numpy mask; `admits_article` reads the article-level ones of one article's
metadata, for a comparison to count its rows. No reading adds a rule of its own.

LlamaIndex's own Chroma translation has no operator for "an array field holds one of these
values" (the speaker filter), so the `where` translation is ours.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from llama_index.core.vector_stores.types import FilterCondition, FilterOperator, MetadataFilter, MetadataFilters

from rag.records import ArticleRecord, Filters, published_ordinal

# The chunk metadata fields the rules read.
ARTICLE_FIELD = "document_id"
DATE_FIELD = "published_ord"
SPEAKERS_FIELD = "speakers"


def metadata_filters(filters: Filters) -> MetadataFilters | None:
    """The chunks `filters` allow, as metadata conditions that must all hold (None: all)."""
    if filters.empty:
        return None
    conditions: list[MetadataFilter | MetadataFilters] = [
        MetadataFilter(key=key, operator=FilterOperator.IN, value=list(values))
        for key, values in ((ARTICLE_FIELD, filters.doc_ids), ("source", filters.sources), ("author", filters.authors))
        if values
    ]
    if filters.dated:  # an article without a known date (0) is outside every range
        low, high = filters.date_range()
        conditions.append(MetadataFilter(key=DATE_FIELD, operator=FilterOperator.GTE, value=low))
        conditions.append(MetadataFilter(key=DATE_FIELD, operator=FilterOperator.LTE, value=high))
    if filters.speakers:  # passages in which one of them speaks
        conditions.append(MetadataFilter(key=SPEAKERS_FIELD, operator=FilterOperator.ANY, value=list(filters.speakers)))
    return MetadataFilters(filters=conditions, condition=FilterCondition.AND)


def admits_article(filters: Filters, record: ArticleRecord) -> bool:
    """Whether `filters` allow some passage of the article by its own metadata (its id, source, author and date; a
    speaker is a passage's): the rules above read of one article, to count the articles a report could draw on."""
    if filters.doc_ids and record.doc_id not in filters.doc_ids:
        return False
    if filters.sources and record.source not in filters.sources:
        return False
    if filters.authors and record.author not in filters.authors:
        return False
    if filters.dated:
        low, high = filters.date_range()
        return low <= published_ordinal(record.published) <= high
    return True


_CHROMA_OPERATORS = {
    FilterOperator.EQ: "$eq",
    FilterOperator.NE: "$ne",
    FilterOperator.GT: "$gt",
    FilterOperator.GTE: "$gte",
    FilterOperator.LT: "$lt",
    FilterOperator.LTE: "$lte",
    FilterOperator.IN: "$in",
    FilterOperator.NIN: "$nin",
}


def chroma_where(rules: MetadataFilters | None) -> dict[str, Any] | None:
    """The rules as a Chroma `where` clause (None: no filter)."""
    if rules is None or not rules.filters:
        return None
    clauses: list[dict[str, Any]] = []
    for rule in rules.filters:
        if isinstance(rule, MetadataFilters):
            nested = chroma_where(rule)
            if nested:
                clauses.append(nested)
        elif rule.operator in (FilterOperator.ANY, FilterOperator.CONTAINS):
            values = rule.value if isinstance(rule.value, list) else [rule.value]
            said = [{rule.key: {"$contains": value}} for value in values]
            clauses.append(said[0] if len(said) == 1 else {"$or": said})
        else:
            clauses.append({rule.key: {_CHROMA_OPERATORS[rule.operator]: rule.value}})
    if len(clauses) == 1:
        return clauses[0]
    return {"$or" if rules.condition == FilterCondition.OR else "$and": clauses}


# A column of the BM25 index by field name: strings and numbers as numpy arrays, speakers as sets.
Column = Callable[[str], np.ndarray | Sequence[frozenset[str]]]


def filter_mask(rules: MetadataFilters | None, column: Column, size: int) -> np.ndarray | None:
    """The rules over `size` chunks' columns: True where a chunk passes (None: all do)."""
    if rules is None or not rules.filters:
        return None
    combined: np.ndarray | None = None
    for rule in rules.filters:
        if isinstance(rule, MetadataFilters):
            allowed = filter_mask(rule, column, size)
            if allowed is None:
                continue
        else:
            allowed = _rule_mask(rule, column(rule.key))
        if combined is None:
            combined = allowed
        elif rules.condition == FilterCondition.OR:
            combined = combined | allowed
        else:
            combined = combined & allowed
    return combined if combined is not None else np.ones(size, dtype=bool)


def _rule_mask(rule: MetadataFilter, values: np.ndarray | Sequence[frozenset[str]]) -> np.ndarray:
    op, wanted = rule.operator, rule.value
    if op in (FilterOperator.ANY, FilterOperator.CONTAINS):
        names = set(wanted if isinstance(wanted, list) else [wanted])
        return np.array([bool(names & said) for said in values], dtype=bool)
    array = np.asarray(values)
    if op in (FilterOperator.IN, FilterOperator.NIN):
        members = np.asarray(wanted if isinstance(wanted, list) else [wanted], dtype=object)
        found = np.isin(array, members)
        return found if op == FilterOperator.IN else ~found
    comparisons: dict[FilterOperator, Callable[[np.ndarray, Any], np.ndarray]] = {
        FilterOperator.EQ: np.equal,
        FilterOperator.NE: np.not_equal,
        FilterOperator.GT: np.greater,
        FilterOperator.GTE: np.greater_equal,
        FilterOperator.LT: np.less,
        FilterOperator.LTE: np.less_equal,
    }
    if op not in comparisons:
        raise ValueError(f"filter operator {op.value!r} is not supported by the BM25 index")
    return np.asarray(comparisons[op](array, wanted), dtype=bool)
