"""The plain records every part shares: filters and per-request options, free of any framework."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pytest

from rag.records import AskOptions, Filters
from tests.support.project import PROJECT

# llama_index itself is a namespace package that rag.offline's find_spec("llama_index.core") loads: no code.
FRAMEWORKS = ("chromadb", "llama_index.core", "torch", "transformers", "sentence_transformers", "streamlit", "openai")


def test_the_records_import_no_store_model_or_framework() -> None:
    code = "import json, sys; import rag.records; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, timeout=120, check=True
    )
    loaded = json.loads(result.stdout)
    assert not [m for m in loaded if m.startswith(FRAMEWORKS)]
    assert [m for m in loaded if m.startswith("rag")] == ["rag", "rag.offline", "rag.records"]


def test_ask_options_are_frozen_and_fill_in_only_what_is_unset() -> None:
    options = AskOptions(top_k=3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.top_k = 5  # type: ignore[misc]
    assert options.or_defaults(8, 2) == AskOptions(top_k=3, per_article=2)
    assert AskOptions().or_defaults(6) == AskOptions(top_k=6, per_article=None)
    assert options == AskOptions(top_k=3), "or_defaults returns new options"


def test_filters_narrowed_dated_and_described() -> None:
    base = Filters(sources=("BBC",), published_from="2023-01")
    narrowed = base.narrowed(speakers=("Ann Lee",))
    assert narrowed == Filters(sources=("BBC",), published_from="2023-01", speakers=("Ann Lee",))
    assert base.speakers == () and base.dated and not Filters(doc_ids=("a",)).dated
    assert Filters().empty and not base.empty
    assert base.describe() == "source 'BBC'; published from 2023-01"
    assert Filters(doc_ids=("a", "b"), published_to="2024").describe() == "article 'a', 'b'; published until 2024"
    assert base.date_range() == (20230100, 99_999_999)
    assert Filters(published_to="2023-02").date_range() == (1, 20230231)
