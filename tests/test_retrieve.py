"""Hybrid retrieval: fusion, filters, the per-article cap, and a persisted BM25 index."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rag.retrieve import Bm25Index, Filters, Passage, cap_per_article, reciprocal_rank_fusion
from rag.settings import Settings
from rag.store import CorpusStore
from tests.support.ingest import IngestFn


def passage(chunk_id: str, doc_id: str = "d") -> Passage:
    return Passage(chunk_id, doc_id, "p", "t", "", "", "", 0, 1, "x")


def test_reciprocal_rank_fusion_rewards_agreement_between_retrievers() -> None:
    a, b, c = passage("a"), passage("b"), passage("c")
    fused = reciprocal_rank_fusion({"dense": [a, b, c], "bm25": [b, c]})
    assert [p.chunk_id for p in fused] == ["b", "c", "a"]
    assert abs(fused[0].score - (1 / 62 + 1 / 61)) < 1e-12
    assert fused[0].ranks == {"dense": 2, "bm25": 1}


def test_per_article_cap_keeps_one_article_from_crowding_out_the_others() -> None:
    ranked = [passage("1", "A"), passage("2", "A"), passage("3", "A"), passage("4", "B")]
    assert [p.chunk_id for p in cap_per_article(ranked, 2)] == ["1", "2", "4"]
    assert len(cap_per_article(ranked, None)) == 4


def test_hybrid_retrieval_finds_the_passage_with_the_answer(assistant: Any) -> None:
    passages = assistant.retrieve("Where did Japan open an official office to NATO?")
    assert "opened in Brussels" in passages[0].text
    assert set(passages[0].ranks) == {"dense", "bm25"}
    assert len(passages) == 8


def test_filters_limit_both_retrievers_to_the_chosen_articles(assistant: Any) -> None:
    records = assistant.store.list_articles()
    taiwan = next(r for r in records if "Taiwan" in r.title)
    only = assistant.retrieve("NATO summit", _options(Filters(doc_ids=(taiwan.doc_id,))))
    assert only and {p.doc_id for p in only} == {taiwan.doc_id}
    by_author = assistant.retrieve("NATO summit", _options(Filters(authors=("Alastair Crook",))))
    assert by_author and {p.author for p in by_author} == {"Alastair Crook"}
    assert assistant.retrieve("NATO summit", _options(Filters(sources=("Nobody's Gazette",)))) == []


def test_date_filters_keep_articles_published_in_range(
    embedded_settings: Settings, corpus_dir: Path, run_ingest: IngestFn, local_embedder: Any
) -> None:
    import json

    from rag.assistant import Assistant

    manifest_path = corpus_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["000_6c8ec85815583e4f.txt"]["published"] = "2022-06-28"
    manifest["003_3ed258554722c35d.txt"]["published"] = "2023-04-10"
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    run_ingest(embedded_settings, corpus_dir)
    assistant = Assistant.open(embedded_settings, embedder=local_embedder)
    in_2023 = assistant.retrieve("Japan NATO", _options(Filters(published_from="2023", published_to="2023-12")))
    assert in_2023 and {p.published for p in in_2023} == {"2023-04-10"}
    up_to_june = assistant.retrieve("Japan NATO", _options(Filters(published_to="2022-06")))
    assert up_to_june and {p.published for p in up_to_june} == {"2022-06-28"}


def test_bm25_index_is_persisted_and_rebuilt_only_when_the_store_changes(
    embedded_settings: Settings, corpus_dir: Path, run_ingest: IngestFn, monkeypatch: Any
) -> None:
    run_ingest(embedded_settings, corpus_dir)
    store = CorpusStore.open(embedded_settings)
    folder = embedded_settings.storage_dir / "bm25"
    first = Bm25Index.load_or_build(store, folder)
    builds: list[int] = []
    real_build = Bm25Index.build_retriever
    monkeypatch.setattr(Bm25Index, "build_retriever", staticmethod(lambda s: builds.append(1) or real_build(s)))
    again = Bm25Index.load_or_build(store, folder)
    assert builds == [] and len(again) == len(first) and again.words == first.words
    (corpus_dir / "extra.txt").write_text("A new article about harbour budgets in Oslo.", encoding="utf-8")
    run_ingest(embedded_settings, corpus_dir)
    changed = Bm25Index.load_or_build(store, folder)
    assert builds == [1] and len(changed) == len(first) + 1
    assert [p.name for p in folder.iterdir()] == [changed.fingerprint], "old indexes are removed"


def _options(filters: Filters) -> Any:
    from rag.assistant import AskOptions

    return AskOptions(filters=filters)
