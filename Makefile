# make run | make test | make lint | make bench | make eval
# Each target creates .venv and installs the project into it when needed, so they work on a
# fresh clone. The install runs again only when pyproject.toml changes.

PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench eval clean

$(PY):
	python3 -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/gunicorn --config python:api.gunicorn_conf --bind 127.0.0.1:$(PORT) --workers $${WEB_CONCURRENCY:-2} 'api:create_app()'

test: $(STAMP)
	.ci/ensure-chromium
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check .

bench: $(STAMP)
	$(PY) -m bench

eval: $(STAMP)
	$(PY) ../shared/eval/score.py project . --groups ../shared/labelled

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis *.egg-info
