# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""One environment serves this collection and the lookups of infisical.vault: every variable they read for a
connection option is a fallback of the same option here, and a module logs in from them alone."""

from __future__ import annotations

import json
import os

import pytest

from ansible_collections.infisical.secret_rotation.plugins.module_utils._options import CONNECTION_SPEC
from ansible_collections.infisical.secret_rotation.plugins.modules import dbt_token_rotation_info

from ..module_utils.test_client import CLIENT_SECRET, LOGIN
from ...conftest import run_module
from .test_dbt_token_rotation_info import ROTATION_ID, fixture

with open(os.path.join(os.path.dirname(__file__), "..", "..", "fixtures", "infisical-vault-env.json"), encoding="utf-8") as handle:
    VAULT_ENV = {option: names for option, names in json.load(handle).items() if not option.startswith("_")}
OUR_ENV = {option: spec["fallback"][1] for option, spec in CONNECTION_SPEC.items() if "fallback" in spec}


@pytest.mark.parametrize("option", sorted(VAULT_ENV))
def test_every_variable_infisical_vault_reads_is_read_here_for_the_same_option(option):
    assert set(VAULT_ENV[option]) <= set(OUR_ENV[option])


def test_our_own_names_come_first():
    assert [names[0] for names in OUR_ENV.values()] == [
        "INFISICAL_URL", "INFISICAL_AUTH_METHOD", "INFISICAL_UNIVERSAL_AUTH_CLIENT_ID", "INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET",
        "INFISICAL_TOKEN", "INFISICAL_MACHINE_IDENTITY_ID", "INFISICAL_JWT"]


@pytest.fixture
def clean_environment(monkeypatch):
    for names in OUR_ENV.values():
        for name in names:
            monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_a_module_logs_in_with_the_variables_set_for_infisical_vault(server, clean_environment):
    clean_environment.setenv("INFISICAL_URL", server.url)
    clean_environment.setenv("UNIVERSAL_AUTH_MACHINE_IDENTITY_CLIENT_ID", "client-vault")
    clean_environment.setenv("UNIVERSAL_AUTH_MACHINE_IDENTITY_CLIENT_SECRET", CLIENT_SECRET)
    server.script(LOGIN, {"body": fixture("get-by-id.json")})
    result = run_module(dbt_token_rotation_info.main, {"rotation_id": ROTATION_ID})
    assert len(result["rotations"]) == 1
    assert server.requests[0]["body"] == {"clientId": "client-vault", "clientSecret": CLIENT_SECRET}
    assert CLIENT_SECRET not in json.dumps(result)


def test_our_variable_wins_when_both_are_set(server, clean_environment):
    clean_environment.setenv("INFISICAL_UNIVERSAL_AUTH_CLIENT_ID", "client-ours")
    clean_environment.setenv("UNIVERSAL_AUTH_MACHINE_IDENTITY_CLIENT_ID", "client-vault")
    clean_environment.setenv("UNIVERSAL_AUTH_MACHINE_IDENTITY_CLIENT_SECRET", CLIENT_SECRET)
    server.script(LOGIN, {"body": fixture("get-by-id.json")})
    run_module(dbt_token_rotation_info.main, {"url": server.url, "rotation_id": ROTATION_ID})
    assert server.requests[0]["body"]["clientId"] == "client-ours"


def test_the_oidc_jwt_variable_of_infisical_vault(server, clean_environment):
    clean_environment.setenv("INFISICAL_AUTH_METHOD", "oidc_auth")
    clean_environment.setenv("INFISICAL_MACHINE_IDENTITY_ID", "identity-oidc")
    clean_environment.setenv("INFISICAL_OIDC_AUTH_JWT", "header.payload.signature")
    server.script(LOGIN, {"body": fixture("get-by-id.json")})
    run_module(dbt_token_rotation_info.main, {"url": server.url, "rotation_id": ROTATION_ID})
    assert server.requests[0]["body"] == {"identityId": "identity-oidc", "jwt": "header.payload.signature"}
