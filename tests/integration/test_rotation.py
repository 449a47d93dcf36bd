# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""dbt_token_rotation through ansible-playbook beyond its integration target: token auth, partial parameters, equivalent
forms, identity fields, create, delete, server refusals, invalid inputs.

Every test asserts the mock's state and request log, not only what the module reports.
"""

from __future__ import annotations

import pytest

from conftest import api_calls

MODULE = "infisical.secret_rotation.dbt_token_rotation"
ROTATIONS = "/api/v2/secret-rotations/dbt-service-token"


def task(ansible, title="manage", connection=None, **args):
    return {"name": title, MODULE: dict(connection or ansible.connection(), **args)}


def writes(mock):
    return [entry for entry in mock.requests() if entry["method"] != "GET" and "/auth/" not in entry["path"]]


def ci(ansible):
    return ansible.mock.ids["rotation_ci"]


def test_request_counts_with_token_auth(ansible):
    mock = ansible.mock
    token = ansible.connection(auth_method="token_auth")
    changed = ansible.playbook([task(ansible, connection=token, rotation_id=ci(ansible), description="changed")])
    assert changed.rc == 0, changed
    assert [method for method, _path in api_calls(mock)] == ["GET", "PATCH"]
    mock.clear_requests()
    unchanged = ansible.playbook([task(ansible, connection=token, rotation_id=ci(ansible), description="changed")])
    assert unchanged.result("manage")["changed"] is False
    assert [method for method, _path in api_calls(mock)] == ["GET"]


def test_a_partial_parameters_change_keeps_the_grants(ansible):
    mock = ansible.mock
    grants = mock.rotation(ci(ansible))["parameters"]["permissionGrants"]
    run = ansible.playbook([task(ansible, rotation_id=ci(ansible), parameters={"token_name": "infisical-ci-v2"})])
    assert run.rc == 0, run
    (patch,) = writes(mock)
    assert patch["body"] == {"parameters": {"tokenName": "infisical-ci-v2", "permissionGrants": grants}}
    assert mock.rotation(ci(ansible))["parameters"] == {"tokenName": "infisical-ci-v2", "permissionGrants": grants}


def test_equivalent_forms_are_no_change(ansible):
    mock = ansible.mock
    ids = mock.ids
    grants = [{"permission_set": "job_admin", "project_id": 111}, {"permission_set": "account_viewer"},
              {"permission_set": "job_runner", "project_id": 112}]
    setup = ansible.playbook([task(ansible, rotation_id=ci(ansible), parameters={"permission_grants": grants})])
    assert setup.rc == 0, setup
    state = mock.rotation(ci(ansible))
    mock.clear_requests()
    same = ansible.playbook([task(
        ansible, name=ids["rotation_ci_name"], project_id=ids["project_a"], environment=state["environment"]["slug"],
        secret_path=state["folder"]["path"] + "/",
        parameters={"permission_grants": [grants[2], dict(grants[1], project_id=None), grants[0]]},
        description=state["description"])])
    assert same.rc == 0, same
    assert same.result("manage")["changed"] is False
    assert writes(mock) == []


def test_white_space_that_infisical_trims_is_no_change(ansible):
    # A folded YAML block (>) ends in a newline; Infisical stores strings trimmed, so the re-run must not differ.
    mock = ansible.mock
    wanted = [task(ansible, rotation_id=ci(ansible), description="Token for the nightly dbt jobs\n",
                   parameters={"token_name": " infisical-nightly "})]
    first = ansible.playbook(wanted)
    assert first.rc == 0, first
    assert first.result("manage")["changed"] is True
    stored = mock.rotation(ci(ansible))
    assert stored["description"] == "Token for the nightly dbt jobs"
    assert stored["parameters"]["tokenName"] == "infisical-nightly"
    mock.clear_requests()
    second = ansible.playbook(wanted)
    assert second.result("manage")["changed"] is False and writes(mock) == []


def test_an_unset_option_is_neither_compared_nor_sent(ansible):
    mock = ansible.mock
    before = mock.rotation(ci(ansible))
    run = ansible.playbook([task(ansible, rotation_id=ci(ansible))])
    assert run.rc == 0, run
    assert run.result("manage")["changed"] is False and writes(mock) == [] and mock.rotation(ci(ansible)) == before


def test_rename_by_id(ansible):
    mock = ansible.mock
    run = ansible.playbook([task(ansible, rotation_id=ci(ansible), name="dbt-ci-renamed")])
    assert run.rc == 0, run
    assert writes(mock)[0]["body"] == {"name": "dbt-ci-renamed"}
    assert mock.rotation(ci(ansible))["name"] == "dbt-ci-renamed"


def test_identity_fields_are_never_changed_silently(ansible):
    mock = ansible.mock
    run = ansible.playbook([task(ansible, rotation_id=ci(ansible), environment="prod", rotation_interval=30)])
    assert run.rc != 0
    assert "cannot be changed on an existing rotation: environment is 'dev', not 'prod'" in run.result("manage")["msg"]
    assert writes(mock) == []


def new_rotation(ansible, name="dbt-new", **extra):
    ids = ansible.mock.ids
    args = dict(name=name, project_id=ids["project_a"], environment="prod", secret_path="/dbt/",
                connection_id=ids["connection_dbt_a"], rotation_interval=30, description="created by a test",
                parameters={"token_name": "infisical-new", "permission_grants": [{"permission_set": "job_runner"}]},
                secrets_mapping={"service_token": "DBT_NEW_TOKEN"})
    args.update(extra)
    return args


def find_in_state(mock, name):
    found = [rotation for rotation in mock.state()["rotations"].values() if rotation["name"] == name]
    return found[0] if found else None


def test_create_when_missing_then_no_change(ansible):
    mock = ansible.mock
    live_before = len(mock.state()["dbt"]["liveTokens"])
    run = ansible.playbook([task(ansible, **new_rotation(ansible))])
    assert run.rc == 0, run
    created = find_in_state(mock, "dbt-new")
    assert created is not None and run.result("manage")["rotation"]["id"] == created["id"]
    assert created["folder"]["path"] == "/dbt" and created["environment"]["slug"] == "prod"
    assert created["parameters"] == {"tokenName": "infisical-new", "permissionGrants": [{"permissionSet": "job_runner"}]}
    assert created["rotateAtUtc"] == {"hours": 0, "minutes": 0}
    assert len(mock.state()["dbt"]["liveTokens"]) == live_before + 1
    secrets = mock.state()["secrets"][created["folderId"]]["secrets"]
    assert secrets["DBT_NEW_TOKEN"]["value"] == created["credentials"][0]["serviceToken"]
    (post,) = writes(mock)
    assert post["method"] == "POST" and post["path"] == ROTATIONS

    mock.clear_requests()
    again = ansible.playbook([task(ansible, **new_rotation(ansible))])
    assert again.result("manage")["changed"] is False and writes(mock) == []


def test_create_in_check_mode_writes_nothing(ansible):
    mock = ansible.mock
    run = ansible.playbook([task(ansible, **new_rotation(ansible))], check=True)
    assert run.rc == 0, run
    assert run.result("manage")["changed"] is True and run.result("manage")["rotation"]["name"] == "dbt-new"
    assert writes(mock) == [] and find_in_state(mock, "dbt-new") is None


def test_missing_without_connection_id_fails_clearly(ansible):
    mock = ansible.mock
    args = new_rotation(ansible)
    del args["connection_id"]
    run = ansible.playbook([task(ansible, **args)])
    assert run.rc != 0
    assert run.result("manage")["msg"] == "rotation 'dbt-new' does not exist; to create it give connection_id"
    assert writes(mock) == []


def test_delete_then_delete_again(ansible):
    mock = ansible.mock
    ids = mock.ids
    state = mock.rotation(ci(ansible))
    folder, secret = state["folderId"], state["secretsMapping"]["serviceToken"]
    absent = [task(ansible, rotation_id=ci(ansible), state="absent")]
    run = ansible.playbook(absent)
    assert run.rc == 0, run
    assert run.result("manage")["changed"] is True and run.result("manage")["rotation"] is None
    assert mock.rotation(ci(ansible)) is None
    assert secret in mock.state()["secrets"][folder]["secrets"], "the mapped secret stays by default"
    (delete,) = writes(mock)
    assert delete["query"] == {"deleteSecrets": "false", "revokeGeneratedCredentials": "false"}

    mock.clear_requests()
    again = ansible.playbook(absent)
    assert again.result("manage")["changed"] is False and writes(mock) == []
    assert ids["rotation_ci"] not in mock.state()["rotations"]


def test_a_url_that_misses_the_api_fails_instead_of_reporting_absent(ansible):
    # "https://host/api" or a path prefix: every route is unknown; that is not "the rotation is gone".
    mock = ansible.mock
    wrong_url = ansible.connection(auth_method="token_auth", url=mock.url + "/api")
    run = ansible.playbook([task(ansible, connection=wrong_url, rotation_id=ci(ansible), state="absent")])
    result = run.result("manage")
    assert run.rc != 0 and result["failed"] and result["status"] == 404
    assert "(no such API route: is url the address of the Infisical API?)" in result["msg"]
    assert mock.rotation(ci(ansible)) is not None and writes(mock) == []


def test_delete_with_secrets_and_revocation(ansible):
    mock = ansible.mock
    state = mock.rotation(ci(ansible))
    token_ids = {credential["tokenId"] for credential in state["credentials"]}
    run = ansible.playbook([task(ansible, rotation_id=ci(ansible), state="absent", delete_secrets=True,
                                 revoke_generated_credentials=True)])
    assert run.rc == 0, run
    assert state["secretsMapping"]["serviceToken"] not in mock.state()["secrets"][state["folderId"]]["secrets"]
    live = {token["id"] for token in mock.state()["dbt"]["liveTokens"]}
    assert not token_ids & live


def test_recreating_over_a_left_over_secret_points_to_delete_secrets(ansible):
    mock = ansible.mock
    created = ansible.playbook([task(ansible, **new_rotation(ansible))])
    assert created.rc == 0, created
    removed = ansible.playbook([task(ansible, **new_rotation(ansible, state="absent"))])
    assert removed.rc == 0, removed
    again = ansible.playbook([task(ansible, **new_rotation(ansible))])
    assert again.rc != 0
    message = again.result("manage")["msg"]
    assert "The following secrets already exist" in message and "delete_secrets=true" in message
    assert again.result("manage")["status"] == 400 and again.result("manage")["request_id"].startswith("req-")
    assert find_in_state(mock, "dbt-new") is None


def test_a_read_only_identity_gets_the_servers_refusal(ansible):
    mock = ansible.mock
    run = ansible.playbook([task(ansible, connection=ansible.connection("viewer"), rotation_id=ci(ansible), rotation_interval=30)])
    assert run.rc != 0
    result = run.result("manage")
    assert result["status"] == 403 and "You are not allowed to edit on secret-rotation" in result["msg"]
    assert mock.rotation(ci(ansible))["rotationInterval"] == 7


def test_server_validation_errors_name_our_options(ansible):
    mock = ansible.mock
    body = {"reqId": "req-zodzodzodzodz", "statusCode": 422, "error": "ValidationFailure", "message": [
        {"code": "too_small", "message": "Number must be greater than or equal to 1", "path": ["rotationInterval"]},
        {"code": "invalid_type", "message": "Required", "path": ["parameters", "tokenName"]}]}
    mock.add_fault("PATCH", f"{ROTATIONS}/.*", {"type": "status", "status": 422, "body": body})
    run = ansible.playbook([task(ansible, rotation_id=ci(ansible), rotation_interval=3)])
    assert run.rc != 0
    result = run.result("manage")
    assert result["request_id"] == "req-zodzodzodzodz"
    assert "rotation_interval: Number must be greater than or equal to 1; parameters.token_name: Required" in result["msg"]


INVALID = [
    ({"rotation_id": "not-a-uuid"}, "rotation_id='not-a-uuid' must be a UUID"),
    ({"name": "x"}, "name needs project_id and environment"),
    ({"name": "Upper-Case", "project_id": "p", "environment": "dev"}, "name='Upper-Case' must be 1-64 characters"),
    ({"name": "a" * 65, "project_id": "p", "environment": "dev"}, "must be 1-64 characters"),
    ({"name": "dbt--ci", "project_id": "p", "environment": "dev"}, "name='dbt--ci' must be 1-64 characters"),
    ({"name": "dbt-ci", "project_id": "p", "environment": "Prod"}, "environment='Prod' must be an environment slug"),
    ({"description": "d" * 257}, "description="),
    ({"rotation_interval": "weekly"}, "rotation_interval"),
    ({"rotate_at_utc": {"hours": 24}}, "rotate_at_utc.hours=24 must be an hour from 0 to 23"),
    ({"rotate_at_utc": {"minutes": 60}}, "rotate_at_utc.minutes=60 must be a minute from 0 to 59"),
    ({"parameters": {"permission_grants": [{"permission_set": "superuser"}]}}, "permission_set must be one of"),
    ({"parameters": {"permission_grants": []}}, "parameters.permission_grants=[] must hold at least one grant"),
    ({"parameters": {"token_name": ""}}, "parameters.token_name='' must be 1-255 characters"),
    ({"parameters": {"token_name": "t" * 256}}, "must be 1-255 characters"),
    ({"parameters": {"token_name": " \u3000 "}}, "must be 1-255 characters"),
    ({"parameters": {"permission_grants": [{"project_id": 1}]}}, "permission_set"),
    ({"secrets_mapping": {"service_token": ""}}, "secrets_mapping.service_token='' must be a secret name"),
    ({"connection_id": "dbt"}, "connection_id='dbt' must be a UUID"),
    ({"secret_path": "dbt"}, "secret_path='dbt' must be an absolute folder path"),
    ({"state": "gone"}, "value of state must be one of: present, absent"),
    ({"auth_method": "password"}, "value of auth_method must be one of"),
    ({"universal_auth_client_secret": ""}, "auth_method=universal_auth needs universal_auth_client_secret"),
]


def test_invalid_inputs_fail_before_any_request(ansible):
    tasks = []
    for index, (bad, _message) in enumerate(INVALID):
        args = dict(ansible.connection(), rotation_id=ci(ansible))
        if "name" in bad:
            del args["rotation_id"]
        args.update(bad)
        tasks.append({"name": f"invalid {index}", MODULE: args, "ignore_errors": True})
    run = ansible.playbook(tasks)
    for index, (_bad, message) in enumerate(INVALID):
        result = run.result(f"invalid {index}")
        assert result["failed"], index
        assert message in result["msg"], (index, result["msg"])
    assert ansible.mock.requests() == []
    assert len(INVALID) >= 15


@pytest.mark.parametrize("auth", ["universal_auth", "token_auth"])
def test_no_change_and_change_request_counts(ansible, auth):
    mock = ansible.mock
    connection = ansible.connection(auth_method=auth)
    login = 1 if auth == "universal_auth" else 0
    unchanged = ansible.playbook([task(ansible, connection=connection, rotation_id=ci(ansible), rotation_interval=7)])
    assert unchanged.result("manage")["changed"] is False and len(mock.requests()) == login + 1
    mock.clear_requests()
    changed = ansible.playbook([task(ansible, connection=connection, rotation_id=ci(ansible), rotation_interval=8)])
    assert changed.result("manage")["changed"] is True and len(mock.requests()) == login + 2
