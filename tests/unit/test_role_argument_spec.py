# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The roles validate their variables with meta/argument_specs.yml before anything is sent: each item option must
accept exactly what the module option it ends up in accepts, and each connection variable infisical_<option> what
the modules' connection option accepts.

dbt_token_rotations hands its list whole to the generic role rotations, which hands each item (but its own keys) to
the rotations module as a config item and skip_if_rotated_within to rotate; dbt_token_rotations' items keep the
typed options of dbt_token_rotation, which the rotations module checks against the DBT entry of the registry."""

from __future__ import annotations

import copy
import functools
import os

import pytest
import yaml

from ansible.module_utils import basic

from ansible_collections.infisical.secret_rotation.plugins.module_utils._options import CONNECTION_SPEC
from ansible_collections.infisical.secret_rotation.plugins.modules import dbt_token_rotate, dbt_token_rotation, rotate, rotations

ROLES = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "roles")
# What Ansible's argument spec validation checks, each with its value when left out.
COMPARED = {"type": "str", "choices": None, "elements": None, "required": False, "no_log": False}
# Item options of the roles only, not passed to the settings module; skip_if_rotated_within goes to the rotate module.
ROLE_ONLY = ("rotate", "skip_if_rotated_within")


def read_yaml(role, *parts):
    with open(os.path.join(ROLES, role, *parts), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


# role -> (its list variable, the module its items' settings go to, the module skip_if_rotated_within goes to)
LISTS = {"dbt_token_rotations": ("dbt_token_rotations", dbt_token_rotation, dbt_token_rotate),
         "rotations": ("rotations", rotations, rotate)}


def role_spec(role):
    return read_yaml(role, "meta", "argument_specs.yml")["argument_specs"]["main"]["options"]


def item_spec(role):
    return role_spec(role)[LISTS[role][0]]["options"]


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


def module_option(role, name):
    """The module option a role item option is passed to."""
    _variable, settings_module, rotate_module = LISTS[role]
    if name == "skip_if_rotated_within":
        return module_spec(rotate_module)[name]
    spec = module_spec(settings_module)
    return spec["config"]["options"][name] if settings_module is rotations else spec[name]


ITEM_OPTIONS = [(role, name) for role in LISTS for name in sorted(item_spec(role)) if name != "rotate"]


@pytest.mark.parametrize("role, name", ITEM_OPTIONS, ids=[f"{role}-{name}" for role, name in ITEM_OPTIONS])
def test_each_item_option_accepts_what_the_module_accepts(role, name):
    assert differences(item_spec(role)[name], module_option(role, name), f"{LISTS[role][0]}[].{name}") == []


def test_every_config_option_of_the_rotations_module_is_an_item_option_of_the_generic_role():
    config = module_spec(rotations)["config"]["options"]
    assert sorted(set(item_spec("rotations")) - set(ROLE_ONLY)) == sorted(config)


def test_every_option_of_dbt_token_rotation_is_an_item_option_of_the_dbt_role():
    passed = {name for name in module_spec(dbt_token_rotation) if name not in CONNECTION_SPEC}
    assert sorted(set(item_spec("dbt_token_rotations")) - set(ROLE_ONLY)) == sorted(passed)


def test_the_roles_pass_their_items_on_whole():
    (included,) = read_yaml("dbt_token_rotations", "tasks", "main.yml")[:1]
    assert included["ansible.builtin.include_role"]["name"] == "infisical.secret_rotation.rotations"
    assert included["vars"]["rotations"] == "{{ dbt_token_rotations }}"
    (task,) = [task for block in read_yaml("rotations", "tasks", "main.yml") for task in block.get("block", [block])
               if "infisical.secret_rotation.rotations" in task]
    config = task["infisical.secret_rotation.rotations"]["config"]
    assert config.startswith("{{ rotations | map('dict2items')") and str(list(ROLE_ONLY)) in config


CONNECTION = [(role, name) for role in LISTS for name in sorted(CONNECTION_SPEC)]


@pytest.mark.parametrize("role, name", CONNECTION, ids=[f"{role}-{name}" for role, name in CONNECTION])
def test_each_connection_variable_accepts_what_the_modules_accept(role, name):
    variable = f"infisical_{name}"
    spec = role_spec(role)
    assert variable in spec, f"the role has no variable {variable} for the modules' option {name}"
    role_option = dict(spec[variable])
    # Null by default, so that the module falls back to its environment variable and default. Ansible checks
    # choices against null too, so a variable with choices must list null among them.
    defaults = read_yaml(role, "defaults", "main.yml")
    assert variable in defaults and defaults[variable] is None
    if role_option.get("choices") is not None:
        assert None in role_option["choices"], f"{variable}: null (its default) must be one of its choices"
        role_option["choices"] = [choice for choice in role_option["choices"] if choice is not None]
    assert differences(role_option, CONNECTION_SPEC[name], variable) == []


def test_a_choice_added_to_the_module_only_is_found():
    spec = copy.deepcopy(module_option("dbt_token_rotations", "parameters"))
    spec["options"]["permission_grants"]["options"]["permission_set"]["choices"].append("new_permission_set")
    role_parameters = item_spec("dbt_token_rotations")["parameters"]
    assert differences(role_parameters, spec, "dbt_token_rotations[].parameters") == [
        "dbt_token_rotations[].parameters.permission_grants.permission_set: choices is "
        f"{_normal(role_parameters['options']['permission_grants']['options']['permission_set'], 'choices')!r}"
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
