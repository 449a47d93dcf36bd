# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The dbt_token_rotations role where a target cannot judge as well: variables reaching the modules, token auth, failed
logins, the refusals of a rotation listed twice (its happy path, check mode and unnamed items are the integration
target role_dbt_token_rotations)."""

from __future__ import annotations

import re

import pytest

ROLE = "infisical.secret_rotation.dbt_token_rotations"


def rotations(ids):
    return [
        {"rotation_id": ids["rotation_ci"], "rotation_interval": 14},
        {"name": ids["rotation_prod_name"], "project_id": ids["project_a"], "environment": "prod", "secret_path": "/dbt",
         "description": "prod token"},
        {"name": "dbt-created", "project_id": ids["project_a"], "environment": "dev", "secret_path": "/dbt/ci",
         "connection_id": ids["connection_dbt_a"], "rotation_interval": 30,
         "parameters": {"token_name": "infisical-created", "permission_grants": [{"permission_set": "job_runner"}]},
         "secrets_mapping": {"service_token": "DBT_CREATED_TOKEN"}},
        {"rotation_id": ids["rotation_failed"], "state": "absent"},
        {"rotation_id": ids["rotation_adhoc"], "rotate": True, "skip_if_rotated_within": "1h"},
        {"rotation_id": ids["rotation_docs"], "rotate": True},
    ]


def role_play(ansible, items, **connection):
    ids = ansible.mock.ids
    variables = {"infisical_url": ansible.mock.url, "infisical_universal_auth_client_id": ids["admin_client_id"],
                 "infisical_universal_auth_client_secret": ids["admin_client_secret"], "dbt_token_rotations": items}
    variables.update(connection)
    return [{"hosts": "localhost", "gather_facts": False, "roles": [{"role": ROLE, "vars": variables}],
             "tasks": [{"name": "summary", "ansible.builtin.debug": {"var": "dbt_token_rotations_summary"}}]}]


def logins(mock):
    return [entry for entry in mock.requests() if "/auth/" in entry["path"]]


def writes(mock):
    return [(entry["method"], entry["path"]) for entry in mock.requests() if entry["method"] != "GET" and "/auth/" not in entry["path"]]


def summary(run):
    return run.result("summary")["dbt_token_rotations_summary"]


def role_task(run, name):
    """The recorded result of the role's task with that name (Ansible prefixes it with the role's name)."""
    found = [entry["result"] for entry in run.results if entry["task"].split(" : ")[-1] == name]
    assert len(found) == 1, f"expected one result for {name!r}: {[entry['task'] for entry in run.results]}"
    return found[0]


def by_id_path(rotation_id):
    return f"/api/v2/secret-rotations/dbt-service-token/{rotation_id}"


LOGIN = ("POST", "/api/v1/auth/universal-auth/login")
# The rotations module reads each project once, every type at once.
LISTING = ("GET", "/api/v2/secret-rotations")


def test_token_auth_makes_no_login(ansible):
    mock = ansible.mock
    ids = mock.ids
    run = ansible.playbook(role_play(ansible, rotations(ids)[:2], infisical_auth_method="token_auth",
                                     infisical_token=ids["admin_token"]))
    assert run.rc == 0, run
    assert logins(mock) == [] and len(summary(run)["changed"]) == 2


def test_bad_role_variables_fail_before_any_request(ansible):
    run = ansible.playbook(role_play(ansible, [{"name": "x", "rotation_interval": "often"}]))
    assert run.rc != 0
    assert "rotation_interval" in run.stdout and ansible.mock.requests() == []


@pytest.mark.parametrize("variables, named", [
    ({"infisical_auth_method": "aws_auth"}, "infisical_auth_method"),
    ({"dbt_token_rotations": [{"name": "dbt-new", "parameters": {"permission_grants": [{"permission_set": "superuser"}]}}]},
     "permission_set"),
])
def test_values_outside_the_modules_choices_fail_before_any_request(ansible, variables, named):
    run = ansible.playbook(role_play(ansible, [{"rotation_id": ansible.mock.ids["rotation_ci"]}], **variables))
    assert run.rc != 0
    assert f"value of {named} must be one of" in run.stdout and ansible.mock.requests() == []


def test_retries_zero_reaches_the_modules(ansible):
    mock = ansible.mock
    ids = mock.ids
    path = by_id_path(ids["rotation_ci"])
    items = [{"rotation_id": ids["rotation_ci"], "rotation_interval": 14}]
    mock.add_fault("GET", re.escape(path), {"type": "status", "status": 503})
    run = ansible.playbook(role_play(ansible, items, infisical_retries=0))
    assert run.rc != 0, run
    assert [entry["status"] for entry in mock.requests() if entry["path"] == path] == [503]
    assert writes(mock) == [] and mock.rotation(ids["rotation_ci"])["rotationInterval"] == 7

    # The same fault with the default retries: the module asks again and goes on.
    mock.clear_requests()
    mock.add_fault("GET", re.escape(path), {"type": "status", "status": 503})
    run = ansible.playbook(role_play(ansible, items))
    assert run.rc == 0, run
    assert [entry["status"] for entry in mock.requests() if entry["method"] == "GET" and entry["path"] == path][:2] == [503, 200]
    assert mock.rotation(ids["rotation_ci"])["rotationInterval"] == 14


def test_validate_certs_false_reaches_the_modules(ansible):
    mock = ansible.mock
    ids = mock.ids
    items = [{"name": ids["rotation_prod_name"], "project_id": ids["project_a"], "environment": "prod", "secret_path": "/dbt"},
             {"name": ids["rotation_docs_name"], "project_id": ids["project_a"], "environment": "dev", "secret_path": "/dbt"}]
    run = ansible.playbook(role_play(ansible, items, infisical_validate_certs=False, infisical_timeout=7))
    assert run.rc == 0, run
    # Two items of one project, nothing to change: one login, one listing.
    assert [(entry["method"], entry["path"]) for entry in mock.requests()] == [LOGIN, LISTING]
    result = role_task(run, "Ensure each rotation's settings")
    if "invocation" not in result:
        pytest.skip("this ansible-core does not return the module's invocation")
    arguments = result["invocation"]["module_args"]
    assert (arguments["validate_certs"], arguments["timeout"]) == (False, 7)


def test_the_same_rotation_id_twice_is_refused_before_any_request(ansible):
    mock = ansible.mock
    ids = mock.ids
    items = [{"rotation_id": ids["rotation_ci"], "rotation_interval": 14}, {"rotation_id": ids["rotation_docs"]},
             {"rotation_id": ids["rotation_ci"].upper(), "rotate": True}]
    run = ansible.playbook(role_play(ansible, items))
    assert run.rc != 0, run
    message = role_task(run, "Refuse a rotation listed twice")["msg"]
    assert f"item 1 ({ids['rotation_ci']}) and item 3 ({ids['rotation_ci'].upper()})" in message, message
    assert "item 2" not in message
    assert mock.requests() == []


@pytest.mark.parametrize("connection, message", [
    ({"infisical_timeout": 0}, "timeout=0 must be 1 to 3600 (seconds)"),
    ({"infisical_universal_auth_client_secret": "wrong-secret"}, "HTTP 401 UnauthorizedError"),
], ids=["bad-value", "bad-secret"])
def test_a_failed_login_says_why_without_showing_the_token(ansible, connection, message):
    run = ansible.playbook(role_play(ansible, [{"rotation_id": ansible.mock.ids["rotation_ci"]}], **connection),
                           secrets=["wrong-secret"])
    assert run.rc != 0, run
    assert message in role_task(run, "Stop when the login failed")["msg"]
    assert [entry["method"] for entry in ansible.mock.requests()] in ([], ["POST"]), "nothing after the login"


@pytest.mark.parametrize("rotation, paths", [("rotation_docs", ("/dbt", "/dbt/")), ("rotation_adhoc", (None, " / "))])
def test_the_same_name_twice_is_refused_before_any_request(ansible, rotation, paths):
    mock = ansible.mock
    ids = mock.ids
    items = [{"name": ids[f"{rotation}_name"], "project_id": ids["project_a"], "environment": "dev", "secret_path": path}
             for path in paths]
    items = [{key: value for key, value in item.items() if value is not None} for item in items]
    items.insert(1, {"rotation_id": ids["rotation_prod"]})
    items[2]["description"] = "changed"
    run = ansible.playbook(role_play(ansible, items))
    assert run.rc != 0, run
    message = role_task(run, "Refuse a rotation listed twice")["msg"]
    name = ids[f"{rotation}_name"]
    assert f"item 1 ({name}) and item 3 ({name})" in message, message
    assert mock.requests() == []


@pytest.mark.parametrize("check, state", [(False, "present"), (True, "absent")])
def test_an_item_by_name_that_is_an_item_by_id_is_refused_before_any_write(ansible, check, state):
    mock = ansible.mock
    ids = mock.ids
    before = mock.rotation(ids["rotation_ci"])
    items = [{"rotation_id": ids["rotation_ci"], "rotation_interval": 14, "rotate": True},
             {"name": ids["rotation_docs_name"], "project_id": ids["project_a"], "environment": "dev", "secret_path": "/dbt"},
             {"name": ids["rotation_ci_name"], "project_id": ids["project_a"], "environment": "dev", "secret_path": "/dbt/ci/",
              "state": state, "description": "changed", "rotate": True}]
    run = ansible.playbook(role_play(ansible, items), check=check)
    assert run.rc != 0, run
    # The rotations module refuses it, once its listing shows that both items are one rotation.
    message = role_task(run, "Ensure each rotation's settings")["msg"]
    assert f"config[0] ({ids['rotation_ci']}) and config[2] ({ids['rotation_ci_name']})" in message, message
    assert "one item names it by rotation_id, another by name" in message and "config[1]" not in message
    assert [(entry["method"], entry["path"]) for entry in mock.requests()] == [LOGIN, LISTING]
    assert mock.requests()[1]["query"] == {"projectId": ids["project_a"]}
    assert mock.rotation(ids["rotation_ci"]) == before


def test_different_rotations_by_id_and_by_name_cost_one_listing_per_project(ansible):
    mock = ansible.mock
    ids = mock.ids
    items = [{"rotation_id": ids["rotation_ci"], "rotation_interval": 14},
             {"name": ids["rotation_prod_name"], "project_id": ids["project_a"], "environment": "prod", "secret_path": "/dbt/",
              "description": "prod token"},
             {"name": ids["rotation_docs_name"], "project_id": ids["project_a"], "environment": "dev", "secret_path": "/dbt"}]
    run = ansible.playbook(role_play(ansible, items))
    assert run.rc == 0, run
    assert summary(run)["changed"] == [ids["rotation_ci"], ids["rotation_prod_name"]]
    calls = [(entry["method"], entry["path"]) for entry in mock.requests()]
    assert calls[:2] == [LOGIN, LISTING] and mock.requests()[1]["query"] == {"projectId": ids["project_a"]}
    # The item by ID is found in the listing of the items by name: no request per item, one write per change.
    assert sorted(calls[2:]) == [("PATCH", by_id_path(ids["rotation_ci"])), ("PATCH", by_id_path(ids["rotation_prod"]))], calls
    assert mock.rotation(ids["rotation_prod"])["description"] == "prod token"
