# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Every integer option of every module, top-level or nested, found from the module's own argument spec:
a boolean (``rotation_interval: yes`` must not become a daily rotation), a non-finite or a huge number is
refused before any request, with a message that names the option."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ansible.module_utils import basic

from ansible_collections.infisical.secret_rotation.plugins.modules import (
    dbt_token_rotate,
    dbt_token_rotation,
    dbt_token_rotation_info,
    login,
)

from ..module_utils.test_client import ACCESS_TOKEN
from ...conftest import ScriptedServer, run_module

ROTATION_ID = "85b61342-a604-4e28-b81e-e32a498f1ed4"
MODULES = {"dbt_token_rotation": dbt_token_rotation, "dbt_token_rotate": dbt_token_rotate,
           "dbt_token_rotation_info": dbt_token_rotation_info, "login": login}
MAX_SAFE_INTEGER = 2 ** 53 - 1


class Captured(Exception):
    def __init__(self, spec):
        super().__init__("argument spec captured")
        self.spec = spec


def argument_spec(module):
    """The argument spec the module hands to AnsibleModule, captured without running it."""
    def capture(self, argument_spec=None, **kwargs):
        raise Captured(argument_spec)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(basic.AnsibleModule, "__init__", capture)
        with pytest.raises(Captured) as captured:
            module.main()
    return captured.value.spec


def integer_options(spec, path=()):
    """(path of option names and list markers, the specs along it) for every int option, at any depth."""
    for name, option in spec.items():
        here = path + ((name, spec),)
        if option.get("type") == "int":
            yield here
        if option.get("options"):
            yield from integer_options(option["options"], here)


def placed(path, value):
    """Arguments holding value at the option path, with the required siblings of nested options filled in."""
    (name, spec), rest = path[0], path[1:]
    if not rest:
        return {name: value}
    inner = dict(placed(rest, value))
    for sibling, option in rest[0][1].items():
        if option.get("required") and sibling not in inner:
            inner[sibling] = (option.get("choices") or ["x"])[0]
    return {name: [inner] if spec[name].get("type") == "list" else inner}


def shown(path, spec_path=True):
    parts = []
    for name, spec in path:
        parts.append(name)
        if spec[name].get("type") == "list":
            parts[-1] += "[0]"
    return ".".join(parts)


CASES = [(module_name, path) for module_name, module in MODULES.items() for path in integer_options(argument_spec(module))]
IDS = [f"{module_name}:{shown(path)}" for module_name, path in CASES]

bad_integers = st.one_of(
    st.booleans(),
    st.integers(min_value=MAX_SAFE_INTEGER + 1, max_value=10 ** 4000),
    st.integers(min_value=-10 ** 4000, max_value=-MAX_SAFE_INTEGER - 1),
    st.sampled_from([float("inf"), float("-inf"), float("nan"), 1e300, -1e17]),
    st.text(alphabet="0123456789", min_size=17, max_size=6000).filter(lambda text: int(text) > MAX_SAFE_INTEGER),
    st.sampled_from(["1e400", "-1e400", "1e20", "inf", "nan", "  99999999999999999999  "]),
)


@pytest.fixture(scope="module")
def shared_server():
    scripted = ScriptedServer()
    yield scripted
    scripted.stop()


def test_every_module_has_integer_options_found():
    found = {module_name for module_name, _path in CASES}
    assert found == set(MODULES) and "dbt_token_rotation:parameters.permission_grants[0].project_id" in IDS
    assert "dbt_token_rotation:rotate_at_utc.minutes" in IDS and "login:retries" in IDS


@pytest.mark.parametrize("module_name, path", CASES, ids=IDS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=bad_integers)
def test_an_integer_option_refuses_booleans_and_huge_numbers_before_any_request(shared_server, module_name, path, value):
    shared_server.requests.clear()
    args = {"url": shared_server.url, "auth_method": "token_auth", "token": ACCESS_TOKEN}
    if module_name != "login":
        args["rotation_id"] = ROTATION_ID
    args.update(placed(path, value))
    result = run_module(MODULES[module_name].main, args)
    assert result.get("failed"), result
    assert shared_server.requests == []
    assert shown(path) in result["msg"], result["msg"]
