# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Credentials and url as users and attackers give them: trimmed, refused before any request when they cannot
be sent, and never shown, also where a message quotes them escaped."""

from __future__ import annotations

import json

import pytest

from ansible_collections.infisical.secret_rotation.plugins.modules import dbt_token_rotate, dbt_token_rotation_info, login

from ..module_utils.test_client import ACCESS_TOKEN, LOGIN, infisical_error
from ...conftest import run_module
from .test_dbt_token_rotation import answer, api_rotation

ROTATION_ID = "85b61342-a604-4e28-b81e-e32a498f1ed4"
# auth_method -> {option: a good value}
CREDENTIALS = {
    "universal_auth": {"universal_auth_client_id": "client-admin", "universal_auth_client_secret": "cs-0123456789abcdef"},
    "oidc_auth": {"identity_id": "a1b2c3d4-0000-4000-8000-000000001004", "jwt": "eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl"},
    "token_auth": {"token": ACCESS_TOKEN},
}
CASES = [(method, option) for method, options in CREDENTIALS.items() for option in options]


def args_for(server, method, **changes):
    args = dict({"url": server.url, "auth_method": method, "rotation_id": ROTATION_ID}, **CREDENTIALS[method])
    args.update(changes)
    return {key: value for key, value in args.items() if value is not None}


@pytest.mark.parametrize("method, option", CASES)
@pytest.mark.parametrize("around", ["\n", " \t", "\r\n  ", "\u00a0"])
def test_white_space_around_a_credential_is_dropped(server, method, option, around):
    server.script(*([LOGIN] if method != "token_auth" else []), {"body": {"secretRotations": []}})
    good = CREDENTIALS[method][option]
    args = args_for(server, method, rotation_id=None, project_id="p", **{option: around + good + around})
    result = run_module(dbt_token_rotation_info.main, args)
    assert not result.get("failed"), result
    first = server.requests[0]
    if method == "token_auth":
        assert first["headers"]["Authorization"] == f"Bearer {good}"
    else:
        assert good in first["body"].values() and all(value == value.strip() for value in first["body"].values())


@pytest.mark.parametrize("method, option", CASES)
@pytest.mark.parametrize("inside", ["\r\nX-Injected: TAIL", "\nTAIL", " TAIL", "\tTAIL", "\u00e9TAIL", "\u20acTAIL", "\x7fTAIL"])
def test_a_credential_that_cannot_be_sent_fails_before_any_request_naming_the_option_not_the_value(server, method, option, inside):
    value = "head" + inside
    for main, rotation_id in ((dbt_token_rotate.main, ROTATION_ID), (login.main, None)):
        result = run_module(main, args_for(server, method, rotation_id=rotation_id, **{option: value}))
        assert result["failed"] and server.requests == []
        assert result["msg"].startswith(f"{option} cannot be sent to Infisical: it holds white space, control or non-ASCII")
        assert "TAIL" not in json.dumps(result) and "head" not in json.dumps(result)


@pytest.mark.parametrize("url", ["https://user:hunter2-pw@infisical.example", "http://hunter2-pw@127.0.0.1:8080",
                                 "https://user:hunter2-pw@[::1]:99999/x", "https://user:hunter2-pw@host:notaport"])
def test_a_url_with_user_info_is_refused_and_its_password_never_shown(server, url):
    result = run_module(dbt_token_rotate.main, args_for(server, "token_auth", url=url))
    assert result["failed"] and server.requests == [] and "url" in result["msg"]
    assert "hunter2-pw" not in json.dumps(result)


def test_a_url_with_user_info_from_the_environment_is_refused_too(server, monkeypatch):
    monkeypatch.setenv("INFISICAL_URL", "https://admin:hunter2-pw@infisical.example")
    args = args_for(server, "token_auth")
    del args["url"]
    result = run_module(dbt_token_rotate.main, args)
    assert result["failed"] and result["msg"].startswith("url must not hold user info") and "hunter2-pw" not in json.dumps(result)


@pytest.mark.parametrize("url, message", [
    ("http://[::1:8080", "url is not a valid URL"),
    ("http://infisical.example:99999", "url is not a valid URL"),
    ("http://infisical.example:-1", "url is not a valid URL"),
    ("http://infisical.example:0", "url is not a valid URL: check its port"),
    ("infisical.example", "url must be an http:// or https:// address"),
    ("ftp://infisical.example", "url must be an http:// or https:// address"),
    ("https://", "url must be an http:// or https:// address"),
    ("https://infisical.example/?x=1", "url must not have a query"),
    ("https://infisical.example/#top", "url must not have a query"),
    ("https://infisical example", "url must not contain white space"),
    ("https://infisical.example\r\nX: y", "url must not contain white space or control characters"),
    ("https://" + "a" * 70 + ".example", "url is not a valid URL: its host name cannot be encoded"),
])
def test_a_url_that_cannot_be_infisicals_address_fails_naming_url(server, url, message):
    result = run_module(dbt_token_rotation_info.main, args_for(server, "token_auth", url=url))
    assert result["failed"] and result["msg"].startswith(message) and server.requests == []


def test_a_secret_quoted_escaped_by_the_server_is_masked(server):
    token = 'tok"en\\with-quote-MARK'
    server.script(infisical_error(401, f"token {json.dumps(token)} and {token!r} are not valid", "UnauthorizedError"))
    result = run_module(dbt_token_rotation_info.main, args_for(server, "token_auth", token=token))
    assert result["failed"] and result["status"] == 401
    assert "MARK" not in json.dumps(result), result["msg"]


def test_a_client_secret_quoted_escaped_in_a_login_error_is_masked(server):
    secret = "cs-\u00e9\u00e8"  # refused before sending: the refusal must not show it either
    result = run_module(login.main, args_for(server, "universal_auth", rotation_id=None, universal_auth_client_secret=secret))
    assert result["failed"] and server.requests == [] and "cs-" not in json.dumps(result)
    secret = "cs-with'quote\"and\\slash-MARK"
    server.script(infisical_error(401, f"client secret {secret!r} / {json.dumps(secret)} is wrong", "UnauthorizedError"))
    result = run_module(login.main, args_for(server, "universal_auth", rotation_id=None, universal_auth_client_secret=secret))
    assert result["failed"] and "MARK" not in json.dumps(result), result["msg"]


def test_an_access_token_from_the_login_is_masked_in_every_message(server):
    server.script(LOGIN, infisical_error(403, f"token {ACCESS_TOKEN!r} may not read", "PermissionDenied"))
    result = run_module(dbt_token_rotate.main, args_for(server, "universal_auth"))
    assert result["failed"] and ACCESS_TOKEN not in json.dumps(result)


def test_no_answer_quotes_a_library_exception(server):
    server.script(answer(api_rotation()), {"body": b"\x00\xff not json", "headers": {"Content-Type": "application/json"}})
    result = run_module(dbt_token_rotate.main, args_for(server, "token_auth"))
    assert result["failed"] and "Expecting value" not in result["msg"] and "JSONDecodeError" not in result["msg"]


@pytest.mark.parametrize("option, value", [("name", ["a", "b"]), ("project_id", {"id": "p"}), ("secret_path", ["/dbt"]),
                                           ("universal_auth_client_secret", {"nested": "SECRET-MARK"}),
                                           ("token", ["SECRET-MARK"])])
def test_a_list_or_mapping_for_a_single_value_is_refused_naming_the_option(server, option, value):
    args = args_for(server, "universal_auth" if option != "token" else "token_auth", rotation_id=None, name="dbt-ci",
                    project_id="p", environment="dev")
    args[option] = value
    result = run_module(dbt_token_rotation_info.main, args)
    assert result["failed"] and server.requests == [] and f"{option}" in result["msg"]
    assert "must be a single value, not a" in result["msg"] and "SECRET-MARK" not in json.dumps(result)


def test_a_ca_path_that_cannot_be_read_fails_before_any_request(server, tmp_path):
    result = run_module(dbt_token_rotate.main, args_for(server, "token_auth", ca_path=str(tmp_path / "missing.pem")))
    assert result["failed"] and server.requests == [] and "must be a readable PEM file" in result["msg"]
