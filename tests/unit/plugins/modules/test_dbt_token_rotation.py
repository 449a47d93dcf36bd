# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""dbt_token_rotation, every path, against a scripted server (the integration tests use the stateful mock)."""

from __future__ import annotations

import copy
import json

import pytest

from ansible_collections.infisical.secret_rotation.plugins.modules import dbt_token_rotation

from ..module_utils.test_client import ACCESS_TOKEN, infisical_error
from ...conftest import run_module
from .test_dbt_token_rotation_info import PROJECT_ID, ROTATION_ID, fixture

ITEM = f"/api/v2/secret-rotations/dbt-service-token/{ROTATION_ID}"
BY_NAME = f"/api/v2/secret-rotations/dbt-service-token/rotation-name/dbt-ci-token?projectId={PROJECT_ID}&environment=dev&secretPath=%2Fdbt"
CONNECTION_ID = "a1b2c3d4-0000-4000-8000-000000000006"
NOT_FOUND = infisical_error(404, 'Could not find DBT Service Token Rotation with name "dbt-ci-token"', "NotFound")


def api_rotation(**changes):
    rotation = copy.deepcopy(fixture("get-by-id.json")["secretRotation"])
    rotation.update(changes)
    return rotation


def answer(rotation):
    return {"body": {"secretRotation": rotation}}


@pytest.fixture
def args(server):
    return {"url": server.url, "auth_method": "token_auth", "token": ACCESS_TOKEN}


@pytest.fixture
def by_name(args):
    return dict(args, name="dbt-ci-token", project_id=PROJECT_ID, environment="dev", secret_path="/dbt")


def run(args, check_mode=False, diff=False):
    return run_module(dbt_token_rotation.main, dict(args, _ansible_check_mode=check_mode, _ansible_diff=diff))


def calls(server):
    return [(request["method"], request["path"]) for request in server.requests]


def test_no_difference_means_no_write(server, args):
    server.script(answer(api_rotation()))
    result = run(dict(args, rotation_id=ROTATION_ID, rotation_interval=30, auto_rotation_enabled=True,
                      rotate_at_utc={"hours": 3, "minutes": 15}, secrets_mapping={"service_token": "DBT_CI_SERVICE_TOKEN"}))
    assert result["changed"] is False and calls(server) == [("GET", ITEM)]
    assert result["rotation"]["rotation_interval"] == 30


def test_one_difference_is_one_patch_with_only_that_key(server, args):
    server.script(answer(api_rotation()), answer(api_rotation(rotationInterval=7, updatedAt="2026-11-23T06:00:00.000Z")))
    result = run(dict(args, rotation_id=ROTATION_ID, rotation_interval=7, auto_rotation_enabled=True), diff=True)
    assert calls(server) == [("GET", ITEM), ("PATCH", ITEM)]
    assert server.requests[1]["body"] == {"rotationInterval": 7}
    assert result["changed"] is True
    assert result["rotation"]["updated_at"] == "2026-11-23T06:00:00.000Z"
    assert result["diff"] == {"before": {"rotation_interval": 30, "auto_rotation_enabled": True},
                              "after": {"rotation_interval": 7, "auto_rotation_enabled": True}}


def test_a_partial_parameters_change_sends_the_whole_object(server, by_name):
    server.script(answer(api_rotation()), answer(api_rotation()))
    run(dict(by_name, parameters={"token_name": "renamed"}))
    assert calls(server) == [("GET", BY_NAME), ("PATCH", ITEM)]
    assert server.requests[1]["body"] == {"parameters": {"tokenName": "renamed", "permissionGrants": [
        {"permissionSet": "account_viewer"}, {"permissionSet": "job_admin", "projectId": 111}]}}


def test_rename_by_id(server, args):
    server.script(answer(api_rotation()), answer(api_rotation(name="dbt-ci-renamed")))
    result = run(dict(args, rotation_id=ROTATION_ID, name="dbt-ci-renamed"))
    assert server.requests[1]["body"] == {"name": "dbt-ci-renamed"}
    assert result["rotation"]["name"] == "dbt-ci-renamed"


def test_check_mode_predicts_without_writing(server, args):
    server.script(answer(api_rotation()))
    result = run(dict(args, rotation_id=ROTATION_ID, description=""), check_mode=True, diff=True)
    assert result["changed"] is True and calls(server) == [("GET", ITEM)]
    assert result["rotation"]["description"] is None and result["rotation"]["id"] == ROTATION_ID
    assert result["diff"] == {"before": {"description": "dbt CI service token"}, "after": {"description": None}}


def test_identity_fields_cannot_change(server, args):
    server.script(answer(api_rotation()))
    result = run(dict(args, rotation_id=ROTATION_ID, environment="prod", secret_path="/dbt/", rotation_interval=7))
    assert result["failed"] and "cannot be changed on an existing rotation: environment is 'dev', not 'prod'" in result["msg"]
    assert calls(server) == [("GET", ITEM)]


def test_server_validation_failures_are_reported_in_option_names(server, args):
    issues = [{"code": "too_small", "message": "Number must be greater than or equal to 1", "path": ["rotationInterval"]}]
    server.script(answer(api_rotation()), infisical_error(422, issues, "ValidationFailure", "req-422"))
    result = run(dict(args, rotation_id=ROTATION_ID, rotation_interval=2))
    assert result["failed"] and result["status"] == 422 and result["request_id"] == "req-422"
    assert "rotation_interval: Number must be greater than or equal to 1" in result["msg"]


CREATE_ARGS = dict(connection_id=CONNECTION_ID, rotation_interval=30, description="made by Ansible",
                   parameters={"token_name": "infisical-ci", "permission_grants": [{"permission_set": "job_admin"}]},
                   secrets_mapping={"service_token": "DBT_CI_SERVICE_TOKEN"}, rotate_at_utc={"hours": 2})
CREATE_BODY = {"name": "dbt-ci-token", "description": "made by Ansible", "rotationInterval": 30,
               "rotateAtUtc": {"hours": 2, "minutes": 0},
               "parameters": {"tokenName": "infisical-ci", "permissionGrants": [{"permissionSet": "job_admin"}]},
               "secretsMapping": {"serviceToken": "DBT_CI_SERVICE_TOKEN"}, "projectId": PROJECT_ID, "environment": "dev",
               "secretPath": "/dbt", "connectionId": CONNECTION_ID}


def test_create_when_missing(server, by_name):
    server.script(NOT_FOUND, answer(api_rotation()))
    result = run(dict(by_name, secret_path="/dbt/", **CREATE_ARGS), diff=True)
    assert calls(server) == [("GET", BY_NAME), ("POST", "/api/v2/secret-rotations/dbt-service-token")]
    assert server.requests[1]["body"] == CREATE_BODY
    assert result["changed"] is True and result["rotation"]["id"] == ROTATION_ID
    assert result["diff"]["before"] == {} and result["diff"]["after"]["rotation_interval"] == 30


def test_create_in_check_mode_sends_nothing(server, by_name):
    server.script(NOT_FOUND)
    result = run(dict(by_name, **CREATE_ARGS), check_mode=True)
    assert result["changed"] is True and calls(server) == [("GET", BY_NAME)]
    assert result["rotation"]["connection_id"] == CONNECTION_ID and result["rotation"]["secret_path"] == "/dbt"


def test_create_without_connection_says_what_is_missing(server, by_name):
    server.script(NOT_FOUND)
    result = run(dict(by_name, rotation_interval=30))
    assert result["failed"]
    assert result["msg"] == ("rotation 'dbt-ci-token' does not exist; to create it give connection_id, "
                             "parameters.token_name, parameters.permission_grants, secrets_mapping")
    assert calls(server) == [("GET", BY_NAME)]


def test_an_unknown_rotation_id_is_not_created(server, args):
    server.script(infisical_error(404, "Could not find", "NotFound"))
    result = run(dict(args, rotation_id=ROTATION_ID, **CREATE_ARGS))
    assert result["failed"] and f"no rotation has rotation_id {ROTATION_ID}" in result["msg"]


def test_a_lost_create_answer_is_reconciled_by_name(server, by_name):
    server.script(NOT_FOUND, {"reset": True}, answer(api_rotation()))
    result = run(dict(by_name, **CREATE_ARGS))
    assert calls(server) == [("GET", BY_NAME), ("POST", "/api/v2/secret-rotations/dbt-service-token"), ("GET", BY_NAME)]
    assert result["changed"] is True and result["rotation"]["id"] == ROTATION_ID
    assert "the rotation exists now and is reported as created" in result["warnings"][0]


def test_a_lost_create_that_did_not_happen_fails_safely(server, by_name):
    server.script(NOT_FOUND, infisical_error(502, "Bad gateway", "BadGateway"), NOT_FOUND)
    result = run(dict(by_name, **CREATE_ARGS))
    assert result["failed"] and result["status"] == 502
    assert "the rotation does not exist now (it was not created, or its creation is still under way)" in result["msg"]
    assert "running the task again is safe" in result["msg"]
    assert [method for method, _path in calls(server)].count("POST") == 1


def test_a_left_over_secret_points_to_delete_secrets(server, by_name):
    server.script(NOT_FOUND, infisical_error(400, 'The following secrets already exist at the path "/dbt": DBT_CI_SERVICE_TOKEN'))
    result = run(dict(by_name, **CREATE_ARGS))
    assert result["failed"] and "delete_secrets=true" in result["msg"] and "secrets_mapping.service_token" in result["msg"]


def test_delete_with_flags(server, by_name):
    server.script(answer(api_rotation()), answer(api_rotation()))
    result = run(dict(by_name, state="absent", delete_secrets=True, revoke_generated_credentials=True), diff=True)
    assert calls(server) == [("GET", BY_NAME), ("DELETE", ITEM + "?deleteSecrets=true&revokeGeneratedCredentials=true")]
    assert result["changed"] is True and result["rotation"] is None
    assert result["diff"]["after"] == {} and result["diff"]["before"]["name"] == "dbt-ci-token"


def test_delete_defaults_keep_secret_and_tokens(server, by_name):
    server.script(answer(api_rotation()), answer(api_rotation()))
    run(dict(by_name, state="absent"))
    assert calls(server)[1] == ("DELETE", ITEM + "?deleteSecrets=false&revokeGeneratedCredentials=false")


def test_delete_of_an_absent_rotation_changes_nothing(server, by_name):
    server.script(NOT_FOUND)
    result = run(dict(by_name, state="absent"))
    assert result == {"changed": False, "rotation": None}
    assert calls(server) == [("GET", BY_NAME)]


@pytest.mark.parametrize("page", [
    {"status": 404, "body": {"message": "Route GET:/api/api/v2 not found", "error": "Not Found", "statusCode": 404}},
    {"status": 404, "body": b"<html>404 Not Found</html>", "headers": {"Content-Type": "text/html"}},
], ids=["unknown-route", "web-page"])
def test_a_404_that_is_not_infisicals_is_a_failure_not_absence(server, by_name, page):
    # A url pointing elsewhere must not pass for "already absent".
    server.script(page)
    result = run(dict(by_name, state="absent"))
    assert result["failed"] and result["status"] == 404 and calls(server) == [("GET", BY_NAME)]
    assert "is url the address of the Infisical API?" in result["msg"]


def test_a_repeated_delete_that_finds_its_work_done_succeeds(server, by_name):
    server.script(answer(api_rotation()), {"reset": True}, infisical_error(404, "Could not find", "NotFound"))
    result = run(dict(by_name, state="absent"))
    assert result["changed"] is True and [method for method, _path in calls(server)] == ["GET", "DELETE", "DELETE"]


def test_delete_in_check_mode(server, by_name):
    server.script(answer(api_rotation()))
    result = run(dict(by_name, state="absent"), check_mode=True)
    assert result["changed"] is True and calls(server) == [("GET", BY_NAME)]


def test_nothing_secret_in_results(server, args):
    server.script(answer(api_rotation()), answer(api_rotation()))
    result = run(dict(args, rotation_id=ROTATION_ID, rotation_interval=9), diff=True)
    assert ACCESS_TOKEN not in json.dumps(result)


MISSING_FOLDER = infisical_error(400, f'Could not find folder with path "/dbt" in environment "dev" for project with ID "{PROJECT_ID}"')


def test_deleting_in_a_folder_that_does_not_exist_changes_nothing(server, by_name):
    server.script(MISSING_FOLDER)
    assert run(dict(by_name, state="absent")) == {"changed": False, "rotation": None}


@pytest.mark.parametrize("check_mode", [True, False])
def test_a_folder_that_does_not_exist_fails_a_create_in_check_mode_too(server, by_name, check_mode):
    # Check mode must not predict a create that the server would refuse.
    server.script(MISSING_FOLDER)
    result = run(dict(by_name, connection_id=ROTATION_ID, rotation_interval=30, secrets_mapping={"service_token": "T"},
                      parameters={"token_name": "t", "permission_grants": [{"permission_set": "admin"}]}), check_mode=check_mode)
    assert result["failed"] and result["status"] == 400 and calls(server) == [("GET", BY_NAME)]
    assert "(check environment 'dev' and secret_path '/dbt': the folder must exist)" in result["msg"]


@pytest.mark.parametrize("member", [[], "", {"id": ROTATION_ID}, "yes"], ids=["list", "empty", "no-fields", "string"])
def test_a_by_name_answer_that_is_not_a_rotation_is_an_error_not_absence(server, by_name, member):
    server.script({"body": {"secretRotation": member}})
    result = run(dict(by_name, connection_id=ROTATION_ID, rotation_interval=30, secrets_mapping={"service_token": "T"},
                      parameters={"token_name": "t", "permission_grants": [{"permission_set": "admin"}]}))
    assert result["failed"] and calls(server) == [("GET", BY_NAME)], "no create after an odd answer"
    assert "is url the address of the Infisical API?" in result["msg"]


def test_a_patch_answer_of_the_wrong_shape_is_a_clear_error(server, args):
    server.script(answer(api_rotation()), answer({"id": ROTATION_ID, "rotationInterval": 7}))
    result = run(dict(args, rotation_id=ROTATION_ID, rotation_interval=7))
    assert result["failed"] and "the answer is not the rotation asked for: secretRotation.name is missing" in result["msg"]
    assert result["method"] == "PATCH"


def test_upper_case_ids_are_sent_in_lower_case(server, by_name):
    server.script(NOT_FOUND, answer(api_rotation()))
    run(dict(by_name, connection_id=ROTATION_ID.upper(), rotation_interval=30, secrets_mapping={"service_token": "T"},
             parameters={"token_name": "t", "permission_grants": [{"permission_set": "admin"}]}))
    assert server.requests[1]["body"]["connectionId"] == ROTATION_ID
