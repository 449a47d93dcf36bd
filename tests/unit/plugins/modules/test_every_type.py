# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The generic modules against a scripted server: rotation, rotate, rotation_info and reconcile on types other
than DBT, driven by the registry."""

from __future__ import annotations

import copy
import json
from datetime import datetime, timedelta, timezone

import pytest

from ansible_collections.infisical.secret_rotation.plugins.modules import reconcile, rotate, rotation, rotation_info

from ..module_utils.test_client import ACCESS_TOKEN, infisical_error
from ...conftest import run_module
from .test_dbt_token_rotation import answer, api_rotation as dbt_rotation

ROTATION_ID = "85b61342-a604-4e28-b81e-e32a498f1ed4"
PROJECT_ID = "a1b2c3d4-0000-4000-8000-000000000002"
BASE = "/api/v2/secret-rotations"
PG = f"{BASE}/postgres-credentials"
TEMPORARY_PASSWORD = "tmp-Pa55word-MARK"


def iso(delta):
    return (datetime.now(timezone.utc) + delta).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def api_rotation(rotation_type="postgres-credentials", parameters=None, mapping=None, **changes):
    rotation = copy.deepcopy(dbt_rotation())
    rotation.update(type=rotation_type, name="orders-db", parameters=parameters or {
        "username1": "orders_a", "username2": "orders_b", "passwordRequirements": {
            "length": 32, "required": {"digits": 2, "lowercase": 2, "uppercase": 2, "symbols": 0}}},
        secretsMapping=mapping or {"username": "ORDERS_USER", "password": "ORDERS_PASSWORD"})
    rotation.update(changes)
    return rotation


@pytest.fixture
def args(server):
    return {"url": server.url, "auth_method": "token_auth", "token": ACCESS_TOKEN}


def calls(server):
    return [(request["method"], request["path"].split("?")[0]) for request in server.requests]


# rotation --------------------------------------------------------------------------------------------------------

def test_a_nested_parameter_change_sends_the_whole_parameters_object_once(server, args):
    server.script(answer(api_rotation()), answer(api_rotation()))
    result = run_module(rotation.main, dict(args, type="postgres-credentials", rotation_id=ROTATION_ID, parameters={
        "password_requirements": {"length": 40, "required": {"digits": 2, "lowercase": 2, "uppercase": 2, "symbols": 0}}}))
    assert result["changed"] is True and calls(server) == [("GET", f"{PG}/{ROTATION_ID}"), ("PATCH", f"{PG}/{ROTATION_ID}")]
    assert server.requests[1]["body"] == {"parameters": {
        "username1": "orders_a", "username2": "orders_b",
        "passwordRequirements": {"length": 40, "required": {"digits": 2, "lowercase": 2, "uppercase": 2, "symbols": 0}}}}


def test_the_same_parameters_in_another_spelling_of_numbers_change_nothing(server, args):
    server.script(answer(api_rotation()))
    result = run_module(rotation.main, dict(args, type="postgres-credentials", rotation_id=ROTATION_ID, parameters={
        "username1": " orders_a ", "password_requirements": {"length": 32.0, "required": {
            "digits": 2, "lowercase": 2, "uppercase": 2, "symbols": 0}}}, secrets_mapping={"password": "ORDERS_PASSWORD"}))
    assert result["changed"] is False and calls(server) == [("GET", f"{PG}/{ROTATION_ID}")]


def test_parameter_keys_the_server_knows_and_the_registry_does_not_are_sent_back(server, args):
    server.script(answer(api_rotation(parameters={"username1": "a", "username2": "b", "futureKey": {"x": 1}})),
                  answer(api_rotation()))
    run_module(rotation.main, dict(args, type="postgres-credentials", rotation_id=ROTATION_ID, parameters={"username1": "c"}))
    assert server.requests[1]["body"]["parameters"] == {"username1": "c", "username2": "b", "futureKey": {"x": 1}}


@pytest.mark.parametrize("parameters, message", [
    ({"user_name1": "x"}, "parameters has unknown keys user_name1; the keys are username1, username2, rotation_statement"),
    ({"username1": ""}, "parameters.username1='' must be at least 1 characters"),
    ({"username1": 5}, "parameters.username1=5 must be a string"),
    ({"rotation_statement": "ALTER USER {{username}}"}, "must include {{password}}"),
    ({"rotation_statement": "ALTER {{username}} {{password}} {{secret}}"}, "uses {{secret}}; allowed: {{username}}"),
    ({"password_requirements": {"length": 10, "required": {"digits": 0, "lowercase": 0, "uppercase": 0, "symbols": 0}}},
     "parameters.password_requirements: At least one character type must be required"),
    ({"password_requirements": {"length": 3, "required": {"digits": 2, "lowercase": 2, "uppercase": 0, "symbols": 0}}},
     "Sum of required characters cannot exceed the total length"),
    ({"password_requirements": {"length": 251, "required": {"digits": 1, "lowercase": 0, "uppercase": 0, "symbols": 0}}},
     "parameters.password_requirements.length=251 must be 1 to 250"),
    ({"password_requirements": {"length": True, "required": {"digits": 1, "lowercase": 0, "uppercase": 0, "symbols": 0}}},
     "parameters.password_requirements.length=True must be a number, not a boolean"),
    ({"password_requirements": {"length": 10}}, "parameters.password_requirements.required is required"),
    ({"password_requirements": "long"}, "parameters.password_requirements='long' must be a mapping with the keys length"),
])
def test_parameters_are_checked_against_the_type_before_any_request(server, args, parameters, message):
    result = run_module(rotation.main, dict(args, type="postgres-credentials", rotation_id=ROTATION_ID, parameters=parameters))
    assert result["failed"] and server.requests == [] and message in result["msg"], result["msg"]


@pytest.mark.parametrize("rotation_type, parameters, message", [
    ("aws-iam-user-secret", {"user_name": "bot", "region": "mars-1"}, "parameters.region='mars-1' must be one of: us-east-1"),
    ("gcp-service-account-key", {"service_account_email": "not-an-email"}, "must be an email address"),
    ("cloudflare-api-token", {"name": "t", "policies": [{"effect": "allow", "scope": "zones", "permission_group_ids": ["p"]}]},
     "At least one zone is required when the policy is scoped to specific zones"),
    ("cloudflare-api-token", {"name": "t", "policies": [{"effect": "allow", "scope": "account", "zone_ids": ["z"],
                                                        "permission_group_ids": ["p"]}]},
     "Zones can only be specified when the policy is scoped to specific zones"),
    ("cloudflare-api-token", {"allowed_ips": ["10.0.0.0/33"]}, "parameters.allowed_ips[0]='10.0.0.0/33' must be an IP address"),
    ("cloudflare-r2-access-key", {"buckets": [{"name": "b"}, {"name": "b", "jurisdiction": "default"}]},
     "must not hold the same item twice"),
    ("litellm-api-key", {"additional_options": '{"user_id": "x"}'}, "must not set user_id"),
    ("litellm-api-key", {"additional_options": "[1]"}, "must be a JSON object"),
    ("windows-local-account", {"username": "Administrator"}, "must not be one of: administrator"),
    ("windows-local-account", {"username": ".svc"}, "cannot start with a hyphen or period"),
    ("hp-ilo-local-account", {"password_requirements": {"length": 40, "required": {
        "digits": 1, "lowercase": 0, "uppercase": 0, "symbols": 0}}}, "length=40 must be 1 to 39"),
    ("open-router-api-key", {"limit": 0}, "parameters.limit=0 must be more than 0"),
    ("snowflake-user-key-pair", {"modulus_length": 1024}, "must be one of: 2048, 4096"),
    ("unix-linux-local-account", {"use_sudo": "yes"}, "parameters.use_sudo='yes' must be true or false"),
])
def test_each_type_checks_its_own_rules(server, args, rotation_type, parameters, message):
    result = run_module(rotation.main, dict(args, type=rotation_type, rotation_id=ROTATION_ID, parameters=parameters))
    assert result["failed"] and server.requests == [] and message in result["msg"], result["msg"]


def test_secrets_mapping_names_must_differ_and_keys_must_be_the_types(server, args):
    result = run_module(rotation.main, dict(args, type="postgres-credentials", rotation_id=ROTATION_ID,
                                            secrets_mapping={"username": "SAME", "password": " SAME"}))
    assert result["failed"] and "each secret name may be given once" in result["msg"]
    result = run_module(rotation.main, dict(args, type="postgres-credentials", rotation_id=ROTATION_ID,
                                            secrets_mapping={"service_token": "X"}))
    assert result["failed"] and "secrets_mapping has unknown keys service_token; the keys are username, password" in result["msg"]
    assert server.requests == []


def test_an_immutable_parameter_is_refused_before_the_patch(server, args):
    unix = {"username": "backup", "rotationMethod": "login-as-target", "useSudo": False}
    server.script(answer(api_rotation("unix-linux-local-account", parameters=unix)))
    result = run_module(rotation.main, dict(args, type="unix-linux-local-account", rotation_id=ROTATION_ID,
                                            parameters={"username": "other"}))
    assert result["failed"] and calls(server) == [("GET", f"{BASE}/unix-linux-local-account/{ROTATION_ID}")]
    assert "Infisical does not let these change on an existing rotation: parameters.username is 'backup', not 'other'" \
        in result["msg"]


def create_args(args, **extra):
    return dict(args, type="unix-linux-local-account", name="backup-user", project_id=PROJECT_ID, environment="dev",
                secret_path="/hosts", connection_id=ROTATION_ID, rotation_interval=14,
                parameters={"username": "backup", "rotation_method": "login-as-target"},
                secrets_mapping={"username": "BACKUP_USER", "password": "BACKUP_PASSWORD"}, **extra)


def test_a_create_sends_the_temporary_parameters_and_never_shows_them(server, args):
    unix = {"username": "backup", "rotationMethod": "login-as-target", "useSudo": False}
    server.script(infisical_error(404, "Could not find", "NotFound"), answer(api_rotation("unix-linux-local-account", parameters=unix)))
    result = run_module(rotation.main, dict(create_args(args, temporary_parameters={"password": TEMPORARY_PASSWORD}),
                                            _ansible_diff=True))
    body = server.requests[1]["body"]
    assert body["temporaryParameters"] == {"password": TEMPORARY_PASSWORD}
    assert body["parameters"] == {"username": "backup", "rotationMethod": "login-as-target", "useSudo": False}
    assert result["changed"] is True and "MARK" not in json.dumps(result)


@pytest.mark.parametrize("temporary, message", [
    (None, "to create it give temporary_parameters (Current password is required for initial rotation setup"),
    ({"password": None}, "Current password is required"),
])
def test_a_create_without_the_password_a_login_as_target_account_needs_says_so(server, args, temporary, message):
    server.script(infisical_error(404, "Could not find", "NotFound"))
    result = run_module(rotation.main, create_args(args, temporary_parameters=temporary))
    assert result["failed"] and message in result["msg"] and len(server.requests) == 1


def test_temporary_parameters_of_a_type_that_takes_none_are_refused(server, args):
    result = run_module(rotation.main, dict(args, type="postgres-credentials", rotation_id=ROTATION_ID,
                                            temporary_parameters={"password": "SECRET-MARK"}))
    assert result["failed"] and "a postgres-credentials rotation takes none" in result["msg"]
    assert "SECRET-MARK" not in json.dumps(result) and server.requests == []


def test_a_secret_in_temporary_parameters_is_never_shown_even_when_refused(server, args):
    result = run_module(rotation.main, create_args(args, temporary_parameters={"password": 12345, "other": "SECRET-MARK"}))
    assert result["failed"] and "temporary_parameters has unknown keys other" in result["msg"]
    assert "SECRET-MARK" not in json.dumps(result) and "12345" not in json.dumps(result)


def test_results_hold_only_the_keys_the_registry_knows(server, args):
    rotation_with_secret = api_rotation(parameters={"username1": "a", "username2": "b", "password": "LEAKED-MARK"})
    server.script(answer(rotation_with_secret))
    result = run_module(rotation.main, dict(args, type="postgres-credentials", rotation_id=ROTATION_ID))
    assert "LEAKED-MARK" not in json.dumps(result) and set(result["rotation"]["parameters"]) == {"username1", "username2"}


# rotate, reconcile ------------------------------------------------------------------------------------------------

def test_rotate_any_type_on_its_route(server, args):
    before, after = iso(timedelta(days=-3)), iso(timedelta(seconds=0))
    server.script(answer(api_rotation(lastRotatedAt=before)), answer(api_rotation(lastRotatedAt=after, lastRotationAttemptedAt=after)))
    result = run_module(rotate.main, dict(args, type="postgres-credentials", rotation_id=ROTATION_ID))
    assert result["rotated"] is True and calls(server)[-1] == ("POST", f"{PG}/{ROTATION_ID}/rotate-secrets")


LOGIN_AS_TARGET = {"username": "backup", "rotationMethod": "login-as-target", "useSudo": False}


def test_reconcile_posts_once_and_reports_the_new_password(server, args):
    before, after = iso(timedelta(days=-3)), iso(timedelta(seconds=0))
    unix = "unix-linux-local-account"
    server.script(answer(api_rotation(unix, parameters=LOGIN_AS_TARGET, lastRotatedAt=before)),
                  {"body": {"message": "ok", "reconciled": True, "secretRotation": api_rotation(
                      unix, parameters=LOGIN_AS_TARGET, lastRotatedAt=after)}})
    result = run_module(reconcile.main, dict(args, type=unix, rotation_id=ROTATION_ID))
    assert result["changed"] is True and result["reconciled"] is True
    assert calls(server) == [("GET", f"{BASE}/{unix}/{ROTATION_ID}"), ("POST", f"{BASE}/{unix}/{ROTATION_ID}/reconcile")]
    assert server.requests[1]["raw"] == b""


def test_reconcile_refuses_a_type_without_the_route_and_a_login_as_root_rotation(server, args):
    result = run_module(reconcile.main, dict(args, type="postgres-credentials", rotation_id=ROTATION_ID))
    assert result["failed"] and "has no reconcile route" in result["msg"] and "unix-linux-local-account" in result["msg"]
    server.script(answer(api_rotation("windows-local-account", parameters={"username": "svc", "rotationMethod": "login-as-root"})))
    result = run_module(reconcile.main, dict(args, type="windows-local-account", rotation_id=ROTATION_ID))
    assert result["failed"] and "login-as-target" in result["msg"] and len(server.requests) == 1


def test_a_lost_reconcile_answer_is_read_back_not_repeated(server, args):
    before, after = iso(timedelta(days=-3)), iso(timedelta(seconds=0))
    unix = "unix-linux-local-account"
    server.script(answer(api_rotation(unix, parameters=LOGIN_AS_TARGET, lastRotatedAt=before)), {"reset": True},
                  answer(api_rotation(unix, parameters=LOGIN_AS_TARGET, lastRotatedAt=after)))
    result = run_module(reconcile.main, dict(args, type=unix, rotation_id=ROTATION_ID))
    assert result["reconciled"] is True and "the reconciliation happened and is reported" in result["warnings"][0]
    assert [method for method, _path in calls(server)] == ["GET", "POST", "GET"]


# rotation_info --------------------------------------------------------------------------------------------------

def estate():
    failed = api_rotation("aws-iam-user-secret", parameters={"userName": "bot"}, mapping={"accessKeyId": "A", "secretAccessKey": "S"},
                          name="aws-bot", rotationStatus="failed", lastRotationMessage="AccessDenied", id="85b61342-a604-4e28-b81e-e32a498f1ed5")
    overdue = api_rotation(name="orders-db", nextRotationAt=iso(timedelta(days=-2)), id="85b61342-a604-4e28-b81e-e32a498f1ed6")
    paused = api_rotation("okta-client-secret", parameters={"clientId": "c"}, mapping={"clientId": "C", "clientSecret": "S"},
                          name="okta-app", isAutoRotationEnabled=False, nextRotationAt=None, id="85b61342-a604-4e28-b81e-e32a498f1ed7")
    fine = api_rotation("redis-credentials", parameters={"permissionScope": "~* +@all"}, name="cache",
                        nextRotationAt=iso(timedelta(days=3)), id="85b61342-a604-4e28-b81e-e32a498f1ed8",
                        environment={"slug": "prod", "name": "Production", "id": ROTATION_ID})
    unknown = api_rotation("future-type", name="future", id="85b61342-a604-4e28-b81e-e32a498f1ed9",
                           nextRotationAt=iso(timedelta(days=1)))
    return [failed, overdue, paused, fine, unknown]


def test_every_type_of_a_project_in_one_request_with_health(server, args):
    server.script({"body": {"secretRotations": estate()}})
    result = run_module(rotation_info.main, dict(args, project_id=PROJECT_ID))
    assert calls(server) == [("GET", BASE)] and server.requests[0]["path"] == f"{BASE}?projectId={PROJECT_ID}"
    health = {item["name"]: (item["health"], item["type"]) for item in result["rotations"]}
    assert health == {"aws-bot": ("failed", "aws-iam-user-secret"), "orders-db": ("overdue", "postgres-credentials"),
                      "okta-app": ("paused", "okta-client-secret"), "cache": ("ok", "redis-credentials"),
                      "future": ("ok", "future-type")}
    assert result["summary"]["failed"] == 1 and result["summary"]["paused"] == 1 and result["summary"]["total"] == 5
    assert result["summary"]["by_type"]["aws-iam-user-secret"] == 1
    failed = next(item for item in result["rotations"] if item["name"] == "aws-bot")
    assert "AccessDenied" in failed["health_reason"]
    assert next(item for item in result["rotations"] if item["name"] == "future")["parameters"] is None


def test_a_listing_keeps_what_environment_secret_path_and_type_select(server, args):
    server.script(*[{"body": {"secretRotations": estate()}}] * 3)
    by_env = run_module(rotation_info.main, dict(args, project_id=PROJECT_ID, environment="prod"))
    assert [item["name"] for item in by_env["rotations"]] == ["cache"]
    by_type = run_module(rotation_info.main, dict(args, project_id=PROJECT_ID, type="okta-client-secret"))
    assert server.requests[1]["path"] == f"{BASE}/okta-client-secret?projectId={PROJECT_ID}"
    assert [item["name"] for item in by_type["rotations"]] == ["okta-app"]


def test_a_lookup_by_id_needs_the_type(server, args):
    result = run_module(rotation_info.main, dict(args, rotation_id=ROTATION_ID))
    assert result["failed"] and result["msg"] == "type is needed to look a rotation up by rotation_id or name"


@pytest.mark.parametrize("overdue_after, health", [("1h", "overdue"), ("3d", "ok")])
def test_overdue_after_sets_how_late_is_overdue(server, args, overdue_after, health):
    server.script(answer(api_rotation(nextRotationAt=iso(timedelta(days=-2)))))
    result = run_module(rotation_info.main, dict(args, type="postgres-credentials", rotation_id=ROTATION_ID,
                                                 overdue_after=overdue_after))
    assert result["rotations"][0]["health"] == health
