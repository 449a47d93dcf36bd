# infisical.secret_rotation: the two commands are `make demo` and `make test`.
# Everything else (virtualenvs, interpreters for ansible-test, its pip bootstrap, the
# ansible_collections/ tree) is set up by the targets themselves. See `make help`.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory
# Stages of one stream share its synced copy: `make -j` is accepted but runs serially. `make test` runs two streams
# at once in two copies (their ansible-test runs share ~/.ansible/test, whose venvs are keyed by content); the
# virtualenvs are built three at a time by a sub-make (see `venvs`).
ifeq ($(PARALLEL_VENVS),)
.NOTPARALLEL:
endif

ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
VENVS := $(ROOT)/.venvs
TOOL := $(ROOT)/scripts/toolchain.sh

# Every ansible-core that requires_ansible (>=2.17) admits, pinned, with the controller Python of its venv
# (2.20+ need a 3.12 controller). Sanity and units run on each; the integration targets on the oldest and newest.
CORES := 2.17 2.18 2.19 2.20 2.21
CORE_2.17 := 2.17.14
CORE_2.18 := 2.18.19
CORE_2.19 := 2.19.14
CORE_2.20 := 2.20.10
CORE_2.21 := 2.21.5
PY_2.17 := 3.11
PY_2.18 := 3.11
PY_2.19 := 3.11
PY_2.20 := 3.12
PY_2.21 := 3.12
OLDEST := $(firstword $(CORES))
NEWEST := $(lastword $(CORES))
venv_of = $(VENVS)/core-$(1)
# ansible-lint, antsibull-docs, antsibull-changelog, ansible-builder, check-jsonschema, sphinx.
VENV_LINT := $(VENVS)/lint
LINT_REQ := $(ROOT)/tests/requirements-lint.txt
# The pytest integration suite, the demo and the benchmarks run in this one.
VENV_INT := $(call venv_of,2.19)

UNIT_REQ := $(ROOT)/tests/requirements-unit.txt
# The mock server's requirements go into every venv, so unit tests and the integration targets may use the mock.
MOCK_REQ := $(ROOT)/tests/requirements-mock.txt
VENV_DEPS := $(UNIT_REQ) $(MOCK_REQ) $(TOOL) $(ROOT)/Makefile

# Real interpreter symlinks (python3.8 .. python3.13) first on PATH for ansible-test.
export PYTHONS_DIR := $(VENVS)/pythons
export TIMINGS_FILE := $(VENVS)/timings.txt
# ansible-test needs the collection at <x>/ansible_collections/<namespace>/<name>. `make test` runs two streams of
# stages at once, each in its own copy (ansible-test keeps its work in the copy's tests/output).
TREE := $(VENVS)/tree
COLL := $(TREE)/ansible_collections/infisical/secret_rotation
COLL_B := $(VENVS)/tree-b/ansible_collections/infisical/secret_rotation

# Module target Pythons that must exist for the compile/import sanity tests (python_requires >=3.8 in
# tests/config.yml; each core tests those of them it supports).
export TARGET_PYTHONS := 3.8 3.9 3.10 3.11 3.12 3.13

# `make test` runs the set-up once, then the stages with SETUP_DONE=1.
SETUP := $(if $(SETUP_DONE),,setup)

# A timed stage; on failure it names the make target that re-runs it alone.
STAGE = RERUN="make $@" $(TOOL) stage
AT := $(TOOL) ansible-test
# A '--venv' run: ansible-test makes (and caches in ~/.ansible/test) its own venvs.
SANITY := sanity --venv

SANITY_STAGES := $(addprefix sanity-,$(CORES))
UNIT_STAGES := $(addprefix units-,$(CORES))
TARGET_STAGES := targets-$(OLDEST) targets-$(NEWEST)

.PHONY: help test demo mock bench sanity units lint docs targets integration clean venvs stamps setup sync pythons \
	get-pip $(SANITY_STAGES) $(UNIT_STAGES) $(TARGET_STAGES)

help:
	@echo "make test         everything CI runs: sanity and units on ansible-core $(CORES), release checks, the docs site,"
	@echo "                  ansible-test integration targets on $(OLDEST) and $(NEWEST), the pytest integration suite"
	@echo "make demo         the demo against the embedded mock Infisical (scripts/demo.py)"
	@echo "make mock         the mock Infisical in the foreground, with the lines to paste to run the examples by hand"
	@echo "make sanity       ansible-test sanity (no ignore file) on every core, compile+import on each core's Pythons 3.8+"
	@echo "make units        pytest tests/unit on every core"
	@echo "make lint         release checks: ansible-lint, workflow schema, changelog lint, build+install, ansible-builder"
	@echo "make docs         the docs site (antsibull-docs + Sphinx, warnings are errors, links checked) in .venvs/docs/build/html"
	@echo "make targets      ansible-test integration targets against the mock, on cores $(OLDEST) and $(NEWEST)"
	@echo "make integration  pytest tests/integration (faults, concurrency, soak, leak scans) in the core 2.19 venv"
	@echo "make bench        the benchmarks of benchmarks/README.md (several minutes; BENCH_ARGS=--quick for a short run)"
	@echo "make venvs        only create/update the virtualenvs under .venvs/"
	@echo "make clean        remove .venvs/ and build outputs"
	@echo "single stages:    make $(SANITY_STAGES) $(UNIT_STAGES) $(TARGET_STAGES)"
	@echo "make -k test      run every stage even after a failure (by default a failing stage ends its stream, and the"
	@echo "                  pytest suite, which runs last, is skipped)"

# ---------------------------------------------------------------- set-up

define CORE_VENV
$(call venv_of,$(1))/.stamp: $(VENV_DEPS)
	@$(TOOL) venv $(call venv_of,$(1)) $(PY_$(1)) ansible-core==$(CORE_$(1)) -r $(UNIT_REQ) -r $(MOCK_REQ)
endef
$(foreach core,$(CORES),$(eval $(call CORE_VENV,$(core))))

$(VENV_LINT)/.stamp: $(LINT_REQ) $(TOOL) $(ROOT)/Makefile
	@$(TOOL) venv $(VENV_LINT) 3.12 -r $(LINT_REQ)

STAMPS := $(foreach core,$(CORES),$(call venv_of,$(core))/.stamp) $(VENV_LINT)/.stamp

venvs:
	@$(MAKE) PARALLEL_VENVS=1 -j3 stamps

stamps: $(STAMPS)
	@:

pythons:
	@$(TOOL) pythons $(PYTHONS_DIR)

get-pip: venvs
	@$(TOOL) get-pip $(foreach core,$(CORES),$(call venv_of,$(core)))

sync:
	@$(TOOL) sync $(ROOT) $(COLL)
	@$(TOOL) sync $(ROOT) $(COLL_B)

setup: venvs pythons get-pip sync

# ---------------------------------------------------------------- sanity and units, every core

# No --python: the controller is the venv's Python and the multi-version tests (compile, import) run on every
# target Python that core supports and the pythons/ folder holds (3.8-3.13 up to 2.19, 3.9-3.13 from 2.20).
define CORE_STAGES
sanity-$(1): $$(SETUP)
	@$$(STAGE) "sanity core $(CORE_$(1)) py$(PY_$(1)) (+compile/import)" $$(AT) $(call venv_of,$(1)) $$(COLL) $$(SANITY)

units-$(1): $$(SETUP)
	@$$(STAGE) "units core $(CORE_$(1)) py$(PY_$(1))" $$(TOOL) pytest $(call venv_of,$(1)) $$(COLL) tests/unit
endef
$(foreach core,$(CORES),$(eval $(call CORE_STAGES,$(core))))

sanity: $(SANITY_STAGES)

units: $(UNIT_STAGES)

# ---------------------------------------------------------------- release checks

lint: $(SETUP)
	@$(STAGE) "release checks (ansible-lint, workflow schema, changelog, artifact, ansible-builder)" $(ROOT)/scripts/release_checks.sh $(VENV_LINT) $(COLL)

# ---------------------------------------------------------------- docs site

DOCS := $(VENVS)/docs
docs: $(SETUP)
	@$(STAGE) "docs site (antsibull-docs, Sphinx -W, offline link check)" $(ROOT)/scripts/docs.sh $(VENV_LINT) $(COLL) $(DOCS)

# ---------------------------------------------------------------- integration

# ansible-test integration targets (tests/integration/targets) against the mock, on the oldest and newest core.
define TARGET_STAGE
targets-$(1): $$(SETUP)
	@$$(STAGE) "integration targets core $(CORE_$(1)) py$(PY_$(1))" $(call venv_of,$(1))/bin/python $$(ROOT)/scripts/integration_targets.py $$(COLL) $$(TARGETS)
endef
$(eval $(call TARGET_STAGE,$(OLDEST)))
$(eval $(call TARGET_STAGE,$(NEWEST)))

targets: $(TARGET_STAGES)


# Three workers on two cores: the soak and fault tests mostly wait (timeouts, backoff), so a third overlaps
# them with the CPU-bound ansible-playbook runs; worksteal keeps the long soak chunks from ending last.
integration: $(SETUP)
	@$(STAGE) "integration (pytest) core $(CORE_2.19) py$(PY_2.19)" $(TOOL) pytest $(VENV_INT) $(COLL) tests/integration -n 3 --dist worksteal --durations=10

# ---------------------------------------------------------------- entry points

# Two streams at once after the set-up (each stage runs one process, the machine has two cores): sanity, release
# checks and docs; beside them units and the integration targets, in the second copy. The pytest integration suite
# runs last and alone: its fault and concurrency tests judge timing. `make -k test` goes on after a failure.
KEEP_GOING := $(findstring k,$(firstword -$(MAKEFLAGS)))
test:
	@$(TOOL) timings reset
	@rc=0; \
	if RERUN="make setup" $(TOOL) stage "setup (venvs, pythons, get-pip, sync)" $(MAKE) setup; then \
	  $(TOOL) side-by-side "$(VENVS)/stream-b.log" "$(MAKE) SETUP_DONE=1 sanity lint docs" \
	    "$(MAKE) SETUP_DONE=1 COLL=$(COLL_B) units targets" || rc=$$?; \
	  if [ $$rc -eq 0 ] || [ -n "$(KEEP_GOING)" ]; then $(MAKE) SETUP_DONE=1 integration || rc=$$?; fi; \
	else rc=1; fi; \
	$(TOOL) timings summary $$rc; \
	exit $$rc

# The demo runs in the integration venv (ansible-core 2.19, requests, the mock's requirements).
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
