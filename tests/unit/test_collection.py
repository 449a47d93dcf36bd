# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Collection-wide promises: the action group lists every module; docs parse; examples use FQCNs."""

from __future__ import annotations

import importlib
import os

import pytest
import yaml

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
MODULES = sorted(name[:-3] for name in os.listdir(os.path.join(ROOT, "plugins", "modules"))
                 if name.endswith(".py") and not name.startswith("_"))
# Task keywords that are not module names.
KEYWORDS = {"name", "register", "check_mode", "diff", "when", "loop", "loop_control", "vars", "tags", "delegate_to",
            "changed_when", "failed_when", "no_log", "environment", "module_defaults", "become", "ignore_errors"}


def load_yaml(*path):
    with open(os.path.join(ROOT, *path), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def test_action_group_lists_every_module():
    runtime = load_yaml("meta", "runtime.yml")
    assert sorted(runtime["action_groups"]["infisical"]) == MODULES
    assert runtime["requires_ansible"] == ">=2.17.0"
    assert len(MODULES) == 9


FIRST_RELEASE = ("dbt_token_rotate", "dbt_token_rotation", "dbt_token_rotation_info", "login")


@pytest.mark.parametrize("module_name", MODULES)
def test_module_docs_parse_and_examples_use_fqcns(module_name):
    module = importlib.import_module(f"ansible_collections.infisical.secret_rotation.plugins.modules.{module_name}")
    documentation = yaml.safe_load(module.DOCUMENTATION)
    assert documentation["module"] == module_name
    # The modules of 1.0.0, and those added since in the release under way.
    assert documentation["version_added"] == ("1.0.0" if module_name in FIRST_RELEASE else load_yaml("galaxy.yml")["version"])
    assert yaml.safe_load(module.RETURN)
    examples = yaml.safe_load(module.EXAMPLES)
    assert examples, "EXAMPLES must hold tasks"
    for task in examples:
        actions = set(task) - KEYWORDS
        assert len(actions) == 1, task
        (action,) = actions
        assert action.startswith(("infisical.secret_rotation.", "ansible.builtin.")), action


def test_every_module_and_role_has_an_integration_target():
    targets = set(os.listdir(os.path.join(ROOT, "tests", "integration", "targets")))
    roles = os.listdir(os.path.join(ROOT, "roles"))
    # The fleet module's target cannot be named rotations: in a collection's playbook that name is the role.
    wanted = {"rotations_module" if name == "rotations" else name for name in MODULES} | {f"role_{name}" for name in roles}
    assert wanted <= targets
    for target in wanted:
        with open(os.path.join(ROOT, "tests", "integration", "targets", target, "aliases"), encoding="utf-8") as handle:
            assert handle.read().split() == ["context/controller", "needs/target/setup_infisical_mock"]


def conditions(node):
    """Every item of every assert's that in a task list (nested blocks included)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "that":
                yield from value if isinstance(value, list) else [value]
            else:
                yield from conditions(value)
    elif isinstance(node, list):
        for item in node:
            yield from conditions(item)


@pytest.mark.parametrize("path", sorted(
    os.path.relpath(os.path.join(folder, name), ROOT)
    for top in ("roles", "examples", os.path.join("tests", "integration", "targets"))
    for folder, _dirs, names in os.walk(os.path.join(ROOT, top)) for name in names if name.endswith(".yml")))
def test_every_assertion_is_a_string(path):
    # A condition holding ": " unquoted is a YAML mapping: ansible-core 2.17 takes it as true, 2.19 refuses it.
    assert [condition for condition in conditions(load_yaml(path)) if not isinstance(condition, str)] == []
