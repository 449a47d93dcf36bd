# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""dbt_token_rotation_info against a scripted server.

The fixture ``get-by-id.json`` is recorded exchange main-05 (Infisical's own route code) with the
redacted secret *name* restored and a second, project-less grant added.
"""

from __future__ import annotations

import json
import os

import pytest

from ansible_collections.infisical.secret_rotation.plugins.modules import dbt_token_rotation_info

from ..module_utils.test_client import ACCESS_TOKEN, CLIENT_SECRET, LOGIN, infisical_error
from ...conftest import run_module

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "..", "fixtures")
ROTATION_ID = "85b61342-a604-4e28-b81e-e32a498f1ed4"
PROJECT_ID = "a1b2c3d4-0000-4000-8000-000000000002"


def fixture(name):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as handle:
        return json.load(handle)


@pytest.fixture
def args(server):
    return {"url": server.url, "universal_auth_client_id": "client-admin", "universal_auth_client_secret": CLIENT_SECRET}


def run(args):
    return run_module(dbt_token_rotation_info.main, args)


def test_by_id_logs_in_once_reads_once_and_returns_snake_case(server, args):
    server.script(LOGIN, {"body": fixture("get-by-id.json")})
    result = run(dict(args, rotation_id=ROTATION_ID))
    assert [(r["method"], r["path"]) for r in server.requests] == [
        ("POST", "/api/v1/auth/universal-auth/login"), ("GET", f"/api/v2/secret-rotations/dbt-service-token/{ROTATION_ID}")]
    assert result["changed"] is False
    (rotation,) = result["rotations"]
    assert rotation["id"] == ROTATION_ID and rotation["name"] == "dbt-ci-token"
    assert rotation["environment"] == "dev" and rotation["secret_path"] == "/dbt" and rotation["project_id"] == PROJECT_ID
    assert rotation["auto_rotation_enabled"] is True and rotation["rotation_interval"] == 30
    assert rotation["rotate_at_utc"] == {"hours": 3, "minutes": 15}
    assert rotation["parameters"] == {"token_name": "infisical-ci", "permission_grants": [
        {"permission_set": "account_viewer"}, {"permission_set": "job_admin", "project_id": 111}]}
    assert rotation["secrets_mapping"] == {"service_token": "DBT_CI_SERVICE_TOKEN"}
    assert rotation["last_rotated_at"] == "2026-11-23T05:37:11.080Z"


def test_by_name_sends_the_folder_query(server, args):
    server.script(LOGIN, {"body": fixture("get-by-id.json")})
    result = run(dict(args, name="dbt-ci-token", project_id=PROJECT_ID, environment="dev", secret_path="/dbt/"))
    assert server.requests[1]["path"] == (
        f"/api/v2/secret-rotations/dbt-service-token/rotation-name/dbt-ci-token?projectId={PROJECT_ID}"
        "&environment=dev&secretPath=%2Fdbt")
    assert len(result["rotations"]) == 1


def test_project_listing_is_one_request(server, args):
    listed = {"secretRotations": [fixture("get-by-id.json")["secretRotation"]] * 3}
    server.script(LOGIN, {"body": listed})
    result = run(dict(args, project_id=PROJECT_ID))
    assert server.requests[1]["path"] == f"/api/v2/secret-rotations/dbt-service-token?projectId={PROJECT_ID}"
    assert len(result["rotations"]) == 3


def test_an_absent_rotation_gives_an_empty_list(server, args):
    server.script(LOGIN, infisical_error(404, 'Could not find DBT Service Token Rotation with name "nope"', "NotFound"))
    result = run(dict(args, name="nope", project_id=PROJECT_ID, environment="dev", secret_path="/dbt"))
    assert result["changed"] is False and result["rotations"] == [] and result["summary"]["total"] == 0


def test_a_folder_that_does_not_exist_fails_naming_environment_and_secret_path(server, args):
    # A mistyped secret_path must not pass for "no such rotation".
    server.script(LOGIN, infisical_error(400, 'Could not find folder with path "/nowhere" in environment "dev" for project with ID "p"'))
    result = run(dict(args, name="nope", project_id=PROJECT_ID, environment="dev", secret_path="/nowhere/"))
    assert result["failed"] and result["status"] == 400
    assert "(check environment 'dev' and secret_path '/nowhere': the folder must exist)" in result["msg"]


@pytest.mark.parametrize("beside, conflict", [
    ({"name": "other-name"}, "name is 'dbt-ci-token', not 'other-name'"),
    ({"project_id": "another-project"}, f"project_id is '{PROJECT_ID}', not 'another-project'"),
    ({"environment": "prod"}, "environment is 'dev', not 'prod'"),
    ({"secret_path": "/elsewhere"}, "secret_path is '/dbt', not '/elsewhere'"),
])
def test_identity_options_beside_rotation_id_must_match(server, args, beside, conflict):
    server.script(LOGIN, {"body": fixture("get-by-id.json")})
    result = run(dict(args, rotation_id=ROTATION_ID.upper(), **beside))
    assert result["failed"] and f"rotation_id {ROTATION_ID} is another rotation than the options beside it describe: {conflict}" \
        == result["msg"]
    assert server.requests[1]["path"].endswith(ROTATION_ID), "sent in lower case"


def test_matching_identity_options_beside_rotation_id_are_fine(server, args):
    server.script(LOGIN, {"body": fixture("get-by-id.json")})
    result = run(dict(args, rotation_id=ROTATION_ID, name="dbt-ci-token", project_id=PROJECT_ID, environment="dev", secret_path="/dbt/"))
    assert not result.get("failed") and len(result["rotations"]) == 1


def test_server_failure_reports_status_and_request_id_without_secrets(server, args):
    server.script(LOGIN, infisical_error(403, "You are not allowed to read on secret-rotation", "PermissionDenied", "req-XyZ"))
    result = run(dict(args, rotation_id=ROTATION_ID))
    assert result["failed"] and result["status"] == 403 and result["request_id"] == "req-XyZ"
    assert result["method"] == "GET" and result["path"].endswith(ROTATION_ID)
    assert "You are not allowed to read on secret-rotation" in result["msg"]
    assert ACCESS_TOKEN not in json.dumps(result) and CLIENT_SECRET not in json.dumps(result)


def test_connection_and_auth_from_environment_variables(server, monkeypatch):
    monkeypatch.setenv("INFISICAL_URL", server.url)
    monkeypatch.setenv("INFISICAL_AUTH_METHOD", "token_auth")
    monkeypatch.setenv("INFISICAL_TOKEN", ACCESS_TOKEN)
    server.script({"body": fixture("get-by-id.json")})
    result = run({"rotation_id": ROTATION_ID})
    assert len(result["rotations"]) == 1
    assert server.requests[0]["headers"]["Authorization"] == f"Bearer {ACCESS_TOKEN}"


def test_host_variable_is_the_second_choice_for_the_url(server, monkeypatch):
    monkeypatch.delenv("INFISICAL_URL", raising=False)
    monkeypatch.setenv("INFISICAL_HOST", server.url)
    monkeypatch.setenv("INFISICAL_UNIVERSAL_AUTH_CLIENT_ID", "client-admin")
    monkeypatch.setenv("INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET", CLIENT_SECRET)
    server.script(LOGIN, {"body": fixture("get-by-id.json")})
    run({"rotation_id": ROTATION_ID})
    assert server.requests[0]["body"] == {"clientId": "client-admin", "clientSecret": CLIENT_SECRET}


def test_oidc_from_environment_variables(server, monkeypatch):
    monkeypatch.setenv("INFISICAL_AUTH_METHOD", "oidc_auth")
    monkeypatch.setenv("INFISICAL_MACHINE_IDENTITY_ID", "identity-oidc")
    monkeypatch.setenv("INFISICAL_JWT", "header.payload.signature")
    server.script(LOGIN, {"body": fixture("get-by-id.json")})
    run({"url": server.url, "rotation_id": ROTATION_ID})
    assert server.requests[0]["body"] == {"identityId": "identity-oidc", "jwt": "header.payload.signature"}


@pytest.mark.parametrize("bad, message", [
    ({"rotation_id": "not-a-uuid"}, "rotation_id='not-a-uuid' must be a UUID"),
    ({"name": "dbt-ci-token", "project_id": PROJECT_ID}, "name needs environment to find the rotation"),
    ({"name": "dbt-ci-token"}, "name needs project_id and environment"),
    ({"environment": "dev"}, "one of these identifies the rotation: rotation_id, name with project_id and environment, or project_id alone"),
    ({"rotation_id": ROTATION_ID, "auth_method": "magic"}, "value of auth_method must be one of: universal_auth, token_auth, oidc_auth"),
    ({"rotation_id": ROTATION_ID, "auth_method": "token_auth"}, "auth_method=token_auth needs token (or the environment variable INFISICAL_TOKEN)"),
    ({"rotation_id": ROTATION_ID, "universal_auth_client_secret": None},
     "auth_method=universal_auth needs universal_auth_client_secret (or the environment variable INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET)"),
    ({"rotation_id": ROTATION_ID, "auth_method": "oidc_auth", "jwt": ""},
     "auth_method=oidc_auth needs identity_id (or the environment variable INFISICAL_MACHINE_IDENTITY_ID) and jwt"),
    ({"name": "Dbt CI", "project_id": PROJECT_ID, "environment": "dev"},
     "name='Dbt CI' must be 1-64 characters of lowercase letters, digits and single hyphens"),
    ({"name": "ok", "project_id": PROJECT_ID, "environment": "dev", "secret_path": "dbt"},
     "secret_path='dbt' must be an absolute folder path: starting with /"),
    ({"rotation_id": ROTATION_ID, "url": "app.infisical.com"}, "url must be an http:// or https:// address with a host name"),
    ({"rotation_id": ROTATION_ID, "timeout": 0}, "timeout=0 must be 1 to 3600 (seconds)"),
    ({"rotation_id": ROTATION_ID, "retries": -1}, "retries=-1 must be 0 to 100"),
])
def test_bad_options_fail_before_any_request_and_name_the_option(server, args, bad, message):
    result = run(dict(args, **bad))
    assert result["failed"]
    assert message in result["msg"]
    assert server.requests == []
