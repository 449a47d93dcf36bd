# infisical.secret_rotation: the two commands are `make demo` and `make test`.
# Everything else (virtualenvs, interpreters for ansible-test, its pip bootstrap, the
# ansible_collections/ tree) is set up by the targets themselves. See `make help`.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory
# Stages share the synced tree and ~/.ansible/test: `make -j` is accepted but runs serially.
# Only the three virtualenvs are built in parallel (by a sub-make, see `venvs`).
ifeq ($(PARALLEL_VENVS),)
.NOTPARALLEL:
endif

ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
VENVS := $(ROOT)/.venvs
TOOL := $(ROOT)/scripts/toolchain.sh

# Pinned ansible-core per controller Python (2.20+ need a 3.12 controller).
CORE_217 := 2.17.14
CORE_219 := 2.19.14
CORE_221 := 2.21.5
VENV_217 := $(VENVS)/core-2.17
VENV_219 := $(VENVS)/core-2.19
VENV_221 := $(VENVS)/core-2.21
# ansible-lint, antsibull-docs, antsibull-changelog, ansible-builder.
VENV_LINT := $(VENVS)/lint
LINT_REQ := $(ROOT)/tests/requirements-lint.txt
# The integration tests run in this one.
VENV_INT := $(VENV_219)

UNIT_REQ := $(ROOT)/tests/requirements-unit.txt
# The mock server's requirements (once the file exists) go into every venv, so unit tests may use
# the mock too.
MOCK_REQ := $(wildcard $(ROOT)/tests/requirements-mock.txt)
VENV_DEPS := $(UNIT_REQ) $(MOCK_REQ) $(TOOL) $(ROOT)/Makefile

# Real interpreter symlinks (python3.8 .. python3.13) first on PATH for ansible-test.
export PYTHONS_DIR := $(VENVS)/pythons
export TIMINGS_FILE := $(VENVS)/timings.txt
# ansible-test needs the collection at <x>/ansible_collections/<namespace>/<name>.
TREE := $(VENVS)/tree
COLL := $(TREE)/ansible_collections/infisical/secret_rotation

# Module target Pythons that must exist for the compile/import sanity tests (2.19 supports 3.8-3.13).
export TARGET_PYTHONS := 3.8 3.9 3.10 3.11 3.12 3.13

# `make test` runs the set-up once, then the stages with SETUP_DONE=1.
SETUP := $(if $(SETUP_DONE),,setup)

# A timed stage; on failure it names the make target that re-runs it alone.
STAGE = RERUN="make $@" $(TOOL) stage
AT := $(TOOL) ansible-test
# A '--venv' sanity run: ansible-test makes (and caches in ~/.ansible/test) its own venvs.
SANITY := sanity --venv

.PHONY: help test demo mock bench sanity units lint integration clean venvs stamps setup sync pythons get-pip \
	sanity-2.19 sanity-2.21 units-2.17 units-2.19 units-2.21

help:
	@echo "make test         everything CI runs: sanity (2.19, 2.21, compile/import 3.8-3.13), units (2.17, 2.19, 2.21), release checks, integration"
	@echo "make demo         the demo against the embedded mock Infisical (scripts/demo.sh or scripts/demo.py)"
	@echo "make sanity       ansible-test sanity (no ignore file) on core $(CORE_219)/py3.11 and $(CORE_221)/py3.12, compile+import on py3.8-3.13"
	@echo "make units        pytest tests/unit on core $(CORE_217), $(CORE_219), $(CORE_221)"
	@echo "make lint         release checks: ansible-lint, antsibull-docs and changelog lint, build+install, ansible-builder"
	@echo "make integration  pytest tests/integration in the core $(CORE_219) venv"
	@echo "make mock         the mock Infisical in the foreground, with the lines to paste to run the examples by hand"
	@echo "make bench        the benchmarks of benchmarks/README.md (several minutes; BENCH_ARGS=--quick for a short run)"
	@echo "make venvs        only create/update the virtualenvs under .venvs/"
	@echo "make clean        remove .venvs/ and build outputs"
	@echo "single stages:    make sanity-2.19 sanity-2.21 units-2.17 units-2.19 units-2.21 (each re-syncs the checkout first)"
	@echo "make -k test      run every stage even after a failure (the default stops at the first failing stage)"

# ---------------------------------------------------------------- set-up

$(VENV_217)/.stamp: $(VENV_DEPS)
	@$(TOOL) venv $(VENV_217) 3.11 ansible-core==$(CORE_217) -r $(UNIT_REQ) $(if $(MOCK_REQ),-r $(MOCK_REQ))

$(VENV_219)/.stamp: $(VENV_DEPS)
	@$(TOOL) venv $(VENV_219) 3.11 ansible-core==$(CORE_219) -r $(UNIT_REQ) $(if $(MOCK_REQ),-r $(MOCK_REQ))

$(VENV_221)/.stamp: $(VENV_DEPS)
	@$(TOOL) venv $(VENV_221) 3.12 ansible-core==$(CORE_221) -r $(UNIT_REQ) $(if $(MOCK_REQ),-r $(MOCK_REQ))

$(VENV_LINT)/.stamp: $(LINT_REQ) $(TOOL) $(ROOT)/Makefile
	@$(TOOL) venv $(VENV_LINT) 3.12 -r $(LINT_REQ)

STAMPS := $(VENV_217)/.stamp $(VENV_219)/.stamp $(VENV_221)/.stamp $(VENV_LINT)/.stamp

venvs:
	@$(MAKE) PARALLEL_VENVS=1 -j3 stamps

stamps: $(STAMPS)
	@:

pythons:
	@$(TOOL) pythons $(PYTHONS_DIR)

get-pip: venvs
	@$(TOOL) get-pip $(VENV_217) $(VENV_219) $(VENV_221)

sync:
	@$(TOOL) sync $(ROOT) $(COLL)

setup: venvs pythons get-pip sync

# ---------------------------------------------------------------- sanity

# No --python: the controller is the venv's Python (3.11 for 2.19, 3.12 for 2.21) and the
# multi-version tests (compile, import) run on every target Python that core supports and that
# the pythons/ folder holds: 3.8-3.13 on 2.19, 3.9-3.13 on 2.21 (3.14 too when installed).
sanity-2.19: $(SETUP)
	@$(STAGE) "sanity core $(CORE_219) py3.11 (+compile/import 3.8-3.13)" $(AT) $(VENV_219) $(COLL) $(SANITY)

sanity-2.21: $(SETUP)
	@$(STAGE) "sanity core $(CORE_221) py3.12 (+compile/import 3.9-3.13)" $(AT) $(VENV_221) $(COLL) $(SANITY)

sanity: sanity-2.19 sanity-2.21

# ---------------------------------------------------------------- units

units-2.17: $(SETUP)
	@$(STAGE) "units core $(CORE_217) py3.11" $(TOOL) pytest $(VENV_217) $(COLL) tests/unit

units-2.19: $(SETUP)
	@$(STAGE) "units core $(CORE_219) py3.11" $(TOOL) pytest $(VENV_219) $(COLL) tests/unit

units-2.21: $(SETUP)
	@$(STAGE) "units core $(CORE_221) py3.12" $(TOOL) pytest $(VENV_221) $(COLL) tests/unit

units: units-2.17 units-2.19 units-2.21

# ---------------------------------------------------------------- release checks

lint: $(SETUP)
	@$(STAGE) "release checks (ansible-lint, docs, changelog, artifact, ansible-builder)" $(ROOT)/scripts/release_checks.sh $(VENV_LINT) $(COLL)

# ---------------------------------------------------------------- integration

# Three workers on two cores: the soak and fault tests mostly wait (timeouts, backoff), so a third overlaps
# them with the CPU-bound ansible-playbook runs; worksteal keeps the long soak chunks from ending last.
integration: $(SETUP)
	@$(STAGE) "integration core $(CORE_219) py3.11" $(TOOL) pytest $(VENV_INT) $(COLL) tests/integration -n 3 --dist worksteal --durations=10

# ---------------------------------------------------------------- entry points

test:
	@$(TOOL) timings reset
	@rc=0; \
	RERUN="make setup" $(TOOL) stage "setup (venvs, pythons, get-pip, sync)" $(MAKE) setup && \
	$(MAKE) SETUP_DONE=1 sanity units lint integration || rc=$$?; \
	$(TOOL) timings summary $$rc; \
	exit $$rc

# The demo runs in the integration venv (ansible-core $(CORE_219), requests, the mock's requirements).
demo: $(VENV_INT)/.stamp
	@cd $(ROOT); export PATH="$(VENV_INT)/bin:$$PATH" VIRTUAL_ENV="$(VENV_INT)"; \
	exec "$(VENV_INT)/bin/python" scripts/demo.py

# The mock in the foreground for trying the examples by hand (README "Try it by hand"); MOCK_PORT=0 picks a free port.
MOCK_PORT ?= 8787
mock: $(if $(SETUP_DONE),,$(VENV_INT)/.stamp sync)
	@cd $(ROOT); exec "$(VENV_INT)/bin/python" scripts/mock.py --port $(MOCK_PORT) --venv "$(VENV_INT)" --collections "$(TREE)"

# Benchmarks (not part of make test): figures for benchmarks/README.md.
bench: $(VENV_INT)/.stamp
	@cd $(ROOT); exec "$(VENV_INT)/bin/python" benchmarks/run.py $(BENCH_ARGS)

clean:
	cd $(ROOT) && rm -rf .venvs build tests/output .pytest_cache infisical-secret_rotation-*.tar.gz
	cd $(ROOT) && find . -path ./.git -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
