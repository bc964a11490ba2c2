# Two entry points: `make run` (pipeline on the shipped data) and `make test` (the test suite).
# Both create .venv once; a second call reinstalls nothing (the stamps depend on pyproject.toml only).

# python3.12: on PATH, else from pyenv (whose shim refuses when 3.12 is not the selected version).
PYTHON ?= $(shell for p in python3.12 $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.12*/bin/python3.12; do \
	"$$p" -c 'import sys; assert sys.version_info[:2] == (3, 12)' >/dev/null 2>&1 && { echo "$$p"; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
CORES ?= 4
SNAKEMAKE := $(BIN)/snakemake
# Each job's PyTensor compile cache sits under results/ (see workflow/rules/common.smk); this one is for tests.
export PYTENSOR_FLAGS ?= base_compiledir=$(CURDIR)/.venv/pytensor

.PHONY: run test lint dry-run smoke clean help readme-figures

help:
	@echo "make run   - create .venv (Python 3.12), run the pipeline on the shipped data, write results/report.html"
	@echo "make test  - create .venv with test extras, run pytest, ruff, snakemake --lint and a dry-run"

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "error: no Python 3.12 found; run 'make run PYTHON=/path/to/python3.12'" >&2; exit 1; }
	"$(PYTHON)" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

run: $(VENV)/.installed
	$(SNAKEMAKE) --cores $(CORES)
	$(SNAKEMAKE) --cores $(CORES) --report results/report.html
	@echo "report: results/report.html"

test: $(VENV)/.installed-test lint dry-run smoke
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests workflow/scripts tools bench
	$(BIN)/ruff format --check src tests workflow/scripts tools bench
	$(BIN)/snakefmt --check Snakefile workflow/rules
	$(SNAKEMAKE) --lint

dry-run: $(VENV)/.installed
	$(SNAKEMAKE) -n --cores $(CORES) --quiet rules
	$(SNAKEMAKE) -n --cores $(CORES) --quiet rules --configfile config/thompson_v1.yaml
	$(SNAKEMAKE) -n --cores $(CORES) --quiet rules --directory .test

# The whole workflow on .test/ (three synthetic series, short chains): results in .test/results/.
smoke: $(VENV)/.installed
	$(SNAKEMAKE) --cores $(CORES) --quiet rules --directory .test

readme-figures: results/figures/overview.png results/figures/imagenet.png
	cp results/figures/overview.png results/figures/imagenet.png docs/figures/

clean:
	rm -rf results logs benchmarks .snakemake .test/results .test/logs .test/benchmarks .test/.snakemake
