# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The AWX/AAP credential type: its fields are the connection options, its injectors set exactly the first
environment variable each option falls back to, and a module logs in from what a credential injects."""

from __future__ import annotations

import json
import os

from jinja2.sandbox import ImmutableSandboxedEnvironment
import pytest
import yaml

from ansible_collections.infisical.secret_rotation.plugins.module_utils._options import CONNECTION_SPEC
from ansible_collections.infisical.secret_rotation.plugins.modules import dbt_token_rotation_info

from .conftest import run_module
from .plugins.module_utils.test_client import CLIENT_SECRET, LOGIN
from .plugins.modules.test_dbt_token_rotation_info import ROTATION_ID, fixture

PATH = os.path.join(os.path.dirname(__file__), "..", "..", "extensions", "aap", "infisical_machine_identity.yml")
with open(PATH, encoding="utf-8") as handle:
    CREDENTIAL_TYPE = yaml.safe_load(handle)
FIELDS = {field["id"]: field for field in CREDENTIAL_TYPE["inputs"]["fields"]}
INJECTED = CREDENTIAL_TYPE["injectors"]["env"]
WITH_ENV = {option: spec for option, spec in CONNECTION_SPEC.items() if "fallback" in spec}


def test_injected_variables_are_exactly_the_first_fallback_of_every_option():
    assert set(INJECTED) == {spec["fallback"][1][0] for spec in WITH_ENV.values()}


@pytest.mark.parametrize("option", sorted(WITH_ENV))
def test_each_option_is_a_field_injected_into_its_own_variable(option):
    spec = WITH_ENV[option]
    assert INJECTED[spec["fallback"][1][0]] == "{{ %s }}" % option
    assert bool(FIELDS[option].get("secret")) == bool(spec.get("no_log"))
    assert FIELDS[option]["type"] == "string"
    assert FIELDS[option].get("choices", spec.get("choices")) == spec.get("choices")
    assert FIELDS[option].get("default", spec.get("default")) == spec.get("default")


def test_the_type_is_well_formed_for_awx():
    assert CREDENTIAL_TYPE["kind"] == "cloud" and CREDENTIAL_TYPE["name"]
    assert set(FIELDS) == set(WITH_ENV) and len(FIELDS) == len(CREDENTIAL_TYPE["inputs"]["fields"])
    assert set(CREDENTIAL_TYPE["inputs"]["required"]) <= set(FIELDS)
    assert all(set(field) <= {"id", "label", "type", "secret", "choices", "default", "help_text", "multiline"}
               for field in FIELDS.values())


def injected_environment(inputs):
    # As AWX does (awx-plugins-core, credential injection): each env injector rendered in an
    # ImmutableSandboxedEnvironment with the inputs that are set; a field left empty renders as "".
    sandbox = ImmutableSandboxedEnvironment()
    given = {field: value for field, value in inputs.items() if value}
    return {name: sandbox.from_string(template).render(**given) for name, template in INJECTED.items()}


def test_a_module_logs_in_from_what_a_credential_injects(server, monkeypatch):
    inputs = {"url": server.url, "auth_method": "universal_auth", "universal_auth_client_id": "client-aap",
              "universal_auth_client_secret": CLIENT_SECRET}
    for name, value in injected_environment(inputs).items():
        monkeypatch.setenv(name, value)
    server.script(LOGIN, {"body": fixture("get-by-id.json")})
    result = run_module(dbt_token_rotation_info.main, {"rotation_id": ROTATION_ID})
    assert len(result["rotations"]) == 1
    assert server.requests[0]["body"] == {"clientId": "client-aap", "clientSecret": CLIENT_SECRET}
    assert CLIENT_SECRET not in json.dumps(result)


def test_empty_fields_count_as_not_set(server, monkeypatch):
    for name, value in injected_environment({"url": server.url, "auth_method": "token_auth"}).items():
        monkeypatch.setenv(name, value)
    result = run_module(dbt_token_rotation_info.main, {"rotation_id": ROTATION_ID})
    assert result["failed"] and result["msg"] == "auth_method=token_auth needs token (or the environment variable INFISICAL_TOKEN)"
    assert server.requests == []
