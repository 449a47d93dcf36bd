# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The dbt_token_rotations role validates its variables with meta/argument_specs.yml before anything is sent:
each item option must accept exactly what the module option it is passed to accepts, and each connection
variable infisical_<option> what the modules' connection option accepts."""

from __future__ import annotations

import copy
import functools
import os

import pytest
import yaml

from ansible.module_utils import basic

from ansible_collections.infisical.secret_rotation.plugins.module_utils._options import CONNECTION_SPEC
from ansible_collections.infisical.secret_rotation.plugins.modules import dbt_token_rotate, dbt_token_rotation

ROLE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "roles",
                    "dbt_token_rotations")
# What Ansible's argument spec validation checks, each with its value when left out.
COMPARED = {"type": "str", "choices": None, "elements": None, "required": False, "no_log": False}
# Item options of the role only, not passed to dbt_token_rotation; skip_if_rotated_within goes to dbt_token_rotate.
ROLE_ONLY = ("rotate", "skip_if_rotated_within")


def read_yaml(*parts):
    with open(os.path.join(ROLE, *parts), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


ROLE_SPEC = read_yaml("meta", "argument_specs.yml")["argument_specs"]["main"]["options"]
ITEM_SPEC = ROLE_SPEC["dbt_token_rotations"]["options"]
ROLE_DEFAULTS = read_yaml("defaults", "main.yml")


class _Captured(Exception):
    def __init__(self, argument_spec):
        super().__init__("argument spec captured")
        self.argument_spec = argument_spec


@functools.lru_cache(maxsize=None)
def module_spec(module):
    """The complete argument spec that the module's main() hands to AnsibleModule (shared options included),
    taken at AnsibleModule.__init__, before anything runs."""

    def capture(self, argument_spec, **kwargs):
        raise _Captured(argument_spec)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(basic.AnsibleModule, "__init__", capture)
        try:
            module.main()
        except _Captured as captured:
            return captured.argument_spec
    raise AssertionError(f"{module.__name__}.main() did not create an AnsibleModule")


def _normal(option, key):
    value = option.get(key, COMPARED[key])
    if key == "choices" and value is not None:
        return sorted(value, key=str)
    return COMPARED[key] if value is None else value


def differences(role_option, module_option, path):
    """Each way the role's option accepts other values than the module's, as sentences naming the option."""
    found = [f"{path}: {key} is {_normal(role_option, key)!r} in the role, {_normal(module_option, key)!r} in the module"
             for key in COMPARED if _normal(role_option, key) != _normal(module_option, key)]
    if "default" in role_option and role_option["default"] != module_option.get("default"):
        found.append(f"{path}: default is {role_option['default']!r} in the role, {module_option.get('default')!r} in the module")
    role_subs, module_subs = role_option.get("options") or {}, module_option.get("options") or {}
    found += [f"{path}.{name}: only in the role" for name in sorted(set(role_subs) - set(module_subs))]
    found += [f"{path}.{name}: only in the module" for name in sorted(set(module_subs) - set(role_subs))]
    for name in sorted(set(role_subs) & set(module_subs)):
        found += differences(role_subs[name], module_subs[name], f"{path}.{name}")
    return found


def module_option(name):
    """The module option a role item option is passed to."""
    return module_spec(dbt_token_rotate if name == "skip_if_rotated_within" else dbt_token_rotation)[name]


@pytest.mark.parametrize("name", sorted(name for name in ITEM_SPEC if name != "rotate"))
def test_each_item_option_accepts_what_the_module_accepts(name):
    assert differences(ITEM_SPEC[name], module_option(name), f"dbt_token_rotations[].{name}") == []


def test_every_option_of_the_module_is_an_item_option_and_passed_on():
    passed = {name for name in module_spec(dbt_token_rotation) if name not in CONNECTION_SPEC}
    assert sorted(set(ITEM_SPEC) - set(ROLE_ONLY)) == sorted(passed)
    (task,) = [task for block in read_yaml("tasks", "main.yml") for task in block.get("block", [block])
               if "infisical.secret_rotation.dbt_token_rotation" in task]
    assert sorted(task["infisical.secret_rotation.dbt_token_rotation"]) == sorted(passed)


@pytest.mark.parametrize("name", sorted(CONNECTION_SPEC))
def test_each_connection_variable_accepts_what_the_modules_accept(name):
    variable = f"infisical_{name}"
    assert variable in ROLE_SPEC, f"the role has no variable {variable} for the modules' option {name}"
    role_option = dict(ROLE_SPEC[variable])
    # Null by default, so that the module falls back to its environment variable and default. Ansible checks
    # choices against null too, so a variable with choices must list null among them.
    assert variable in ROLE_DEFAULTS and ROLE_DEFAULTS[variable] is None
    if role_option.get("choices") is not None:
        assert None in role_option["choices"], f"{variable}: null (its default) must be one of its choices"
        role_option["choices"] = [choice for choice in role_option["choices"] if choice is not None]
    assert differences(role_option, CONNECTION_SPEC[name], variable) == []


def test_a_choice_added_to_the_module_only_is_found():
    spec = copy.deepcopy(module_option("parameters"))
    spec["options"]["permission_grants"]["options"]["permission_set"]["choices"].append("new_permission_set")
    assert differences(ITEM_SPEC["parameters"], spec, "dbt_token_rotations[].parameters") == [
        "dbt_token_rotations[].parameters.permission_grants.permission_set: choices is "
        f"{_normal(ITEM_SPEC['parameters']['options']['permission_grants']['options']['permission_set'], 'choices')!r}"
        f" in the role, {sorted(spec['options']['permission_grants']['options']['permission_set']['choices'])!r} in the module"]


def test_the_comparison_finds_each_kind_of_drift():
    module = {"type": "dict", "options": {"a": {"type": "int", "required": True}, "b": {"type": "list", "elements": "str"},
                                          "c": {"type": "str", "no_log": True}}}
    role = {"type": "dict", "options": {"a": {"type": "str"}, "b": {"type": "list"}, "d": {"type": "str"}}}
    assert differences(role, module, "x") == [
        "x.d: only in the role",
        "x.c: only in the module",
        "x.a: type is 'str' in the role, 'int' in the module",
        "x.a: required is False in the role, True in the module",
        "x.b: elements is None in the role, 'str' in the module",
    ]
    assert differences({"type": "str", "default": "a"}, {"type": "str", "default": "b"}, "y") == [
        "y: default is 'a' in the role, 'b' in the module"]
