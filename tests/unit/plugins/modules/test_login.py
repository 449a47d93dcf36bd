# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The login module: one login, the token returned for later tasks."""

from __future__ import annotations

from ansible_collections.infisical.secret_rotation.plugins.modules import login

from ..module_utils.test_client import ACCESS_TOKEN, CLIENT_SECRET, LOGIN, infisical_error
from ...conftest import run_module


def test_universal_auth_returns_the_token(server):
    server.script(LOGIN)
    result = run_module(login.main, {"url": server.url, "universal_auth_client_id": "client-admin",
                                     "universal_auth_client_secret": CLIENT_SECRET, "_ansible_check_mode": True})
    assert result == {"changed": False, "access_token": ACCESS_TOKEN, "expires_in": 7200}
    assert [(r["method"], r["path"]) for r in server.requests] == [("POST", "/api/v1/auth/universal-auth/login")]


def test_oidc_auth(server):
    server.script(LOGIN)
    result = run_module(login.main, {"url": server.url, "auth_method": "oidc_auth", "identity_id": "id-1", "jwt": "a.b.c"})
    assert result["access_token"] == ACCESS_TOKEN
    assert server.requests[0]["body"] == {"identityId": "id-1", "jwt": "a.b.c"}


def test_token_auth_is_refused_without_a_request(server):
    result = run_module(login.main, {"url": server.url, "auth_method": "token_auth", "token": ACCESS_TOKEN})
    assert result["failed"] and "use the token directly" in result["msg"] and server.requests == []


def test_bad_credentials_fail_without_the_secret(server):
    server.script(infisical_error(401, "Invalid credentials", "UnauthorizedError"))
    result = run_module(login.main, {"url": server.url, "universal_auth_client_id": "client-admin",
                                     "universal_auth_client_secret": CLIENT_SECRET})
    assert result["failed"] and result["status"] == 401 and CLIENT_SECRET not in str(result)
