# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""dbt_token_rotation_info through ansible-playbook and ansible against the mock Infisical."""

from __future__ import annotations

from conftest import api_calls

MODULE = "infisical.secret_rotation.dbt_token_rotation_info"
ROTATIONS = "/api/v2/secret-rotations/dbt-service-token"


def test_by_id_with_universal_auth_is_one_login_and_one_get(ansible):
    ids = ansible.mock.ids
    run = ansible.playbook([{"name": "read", MODULE: dict(ansible.connection(), rotation_id=ids["rotation_ci"])}])
    assert run.rc == 0, run
    (rotation,) = run.result("read")["rotations"]
    state = ansible.mock.rotation(ids["rotation_ci"])
    assert rotation["id"] == ids["rotation_ci"] and rotation["name"] == ids["rotation_ci_name"]
    assert (rotation["project_id"], rotation["environment"], rotation["secret_path"]) == (
        state["projectId"], state["environment"]["slug"], state["folder"]["path"])
    assert rotation["rotation_interval"] == state["rotationInterval"] and rotation["rotate_at_utc"] == state["rotateAtUtc"]
    assert rotation["parameters"] == {"token_name": state["parameters"]["tokenName"], "permission_grants": [
        {"permission_set": grant["permissionSet"], "project_id": grant["projectId"]} for grant in state["parameters"]["permissionGrants"]]}
    assert rotation["secrets_mapping"] == {"service_token": state["secretsMapping"]["serviceToken"]}
    assert rotation["last_rotated_at"] == state["lastRotatedAt"] and rotation["active_index"] == state["activeIndex"]
    assert "credentials" not in rotation and not any(value.startswith("dbtu_") for value in map(str, rotation.values()))
    assert api_calls(ansible.mock) == [("POST", "/api/v1/auth/universal-auth/login"),
                                       ("GET", f"{ROTATIONS}/{ids['rotation_ci']}")]


def test_by_name_with_token_auth_is_one_get(ansible):
    ids = ansible.mock.ids
    state = ansible.mock.rotation(ids["rotation_ci"])
    run = ansible.playbook([{"name": "read", MODULE: dict(
        ansible.connection(auth_method="token_auth"), name=ids["rotation_ci_name"], project_id=ids["project_a"],
        environment=state["environment"]["slug"], secret_path=state["folder"]["path"] + "/")}])
    assert run.rc == 0, run
    (rotation,) = run.result("read")["rotations"]
    assert rotation["id"] == ids["rotation_ci"] and rotation["secret_path"] == state["folder"]["path"]
    (call,) = ansible.mock.requests()
    assert call["method"] == "GET" and call["path"] == f"{ROTATIONS}/rotation-name/{ids['rotation_ci_name']}"
    assert call["query"] == {"projectId": ids["project_a"], "environment": state["environment"]["slug"],
                             "secretPath": state["folder"]["path"]}


def test_project_listing_matches_the_server_state(ansible):
    ids = ansible.mock.ids
    run = ansible.playbook([{"name": "list", MODULE: dict(ansible.connection(), project_id=ids["project_a"])}])
    assert run.rc == 0, run
    listed = {rotation["id"] for rotation in run.result("list")["rotations"]}
    in_project = {rotation_id for rotation_id, rotation in ansible.mock.state()["rotations"].items()
                  if rotation["projectId"] == ids["project_a"] and rotation["type"] == "dbt-service-token"}
    assert listed == in_project and len(listed) >= 4
    assert [method for method, _path in api_calls(ansible.mock, include_login=False)] == ["GET"]


def test_oidc_auth(ansible):
    ids = ansible.mock.ids
    run = ansible.playbook([{"name": "read", MODULE: dict(ansible.connection("oidc", "oidc_auth"), rotation_id=ids["rotation_ci"])}])
    assert run.rc == 0, run
    assert api_calls(ansible.mock)[0] == ("POST", "/api/v1/auth/oidc-auth/login")


def test_unknown_name_gives_an_empty_list(ansible):
    ids = ansible.mock.ids
    run = ansible.playbook([{"name": "read", MODULE: dict(ansible.connection(), name="no-such-rotation", project_id=ids["project_a"],
                                                          environment="dev", secret_path="/dbt")}])
    assert run.rc == 0, run
    assert run.result("read")["rotations"] == []


def test_adhoc_with_auth_from_environment_variables(ansible):
    ids = ansible.mock.ids
    env = {"INFISICAL_URL": ansible.mock.url, "INFISICAL_UNIVERSAL_AUTH_CLIENT_ID": ids["admin_client_id"],
           "INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET": ids["admin_client_secret"]}
    run = ansible.adhoc(MODULE, {"rotation_id": ids["rotation_ci"]}, env=env)
    assert run.rc == 0, run
    assert run.result()["rotations"][0]["id"] == ids["rotation_ci"]
    assert [method for method, _path in api_calls(ansible.mock)] == ["POST", "GET"]


def test_module_defaults_group_sets_the_connection_once(ansible):
    ids = ansible.mock.ids
    play = {"hosts": "localhost", "gather_facts": False,
            "module_defaults": {"group/infisical.secret_rotation.infisical": ansible.connection(auth_method="token_auth")},
            "tasks": [{"name": "read", MODULE: {"rotation_id": ids["rotation_ci"]}},
                      {"name": "list", MODULE: {"project_id": ids["project_a"]}}]}
    run = ansible.playbook([play])
    assert run.rc == 0, run
    assert len(run.result("read")["rotations"]) == 1 and len(run.result("list")["rotations"]) >= 4


def test_permission_denied_reports_status_and_request_id(ansible):
    ids = ansible.mock.ids
    run = ansible.playbook([{"name": "read", MODULE: dict(ansible.connection("outsider"), rotation_id=ids["rotation_ci"])}])
    assert run.rc != 0
    result = run.result("read")
    assert result["failed"] and result["status"] == 403 and result["request_id"].startswith("req-")
    logged = ansible.mock.requests()[-1]
    assert logged["status"] == 403


def test_bad_options_send_no_request(ansible):
    run = ansible.playbook([{"name": "read", MODULE: dict(ansible.connection(), rotation_id="not-a-uuid")}])
    assert run.rc != 0
    assert "rotation_id='not-a-uuid' must be a UUID" in run.result("read")["msg"]
    assert ansible.mock.requests() == []
