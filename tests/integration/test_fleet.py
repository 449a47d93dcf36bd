# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The fleet module ``rotations`` through real ansible-playbook runs against the mock: every state on a set of
rotations of several types across two projects, judged by the mock's state and request log."""

from __future__ import annotations

import pytest

from conftest import api_calls
from test_every_type import settings

ROOT = "/api/v2/secret-rotations"


def step(title, args, **extra):
    return dict({"name": title, "infisical.secret_rotation.rotations": args}, **extra)


def writes(mock):
    return sorted((entry["method"], entry["path"]) for entry in mock.requests()
                  if entry["method"] != "GET" and "/auth/" not in entry["path"])


def by_action(result):
    actions = {}
    for item in result["results"]:
        actions.setdefault(item["action"], []).append(item["name"])
    return {action: sorted(names) for action, names in actions.items()}


@pytest.fixture
def base(ansible):
    return ansible.connection(auth_method="token_auth")


def test_gathered_fed_back_changes_nothing(ansible, base):
    mock = ansible.mock
    ids = mock.ids
    before = mock.state()["rotations"]
    run = ansible.playbook([
        step("gather", dict(base, state="gathered", scope={"project_id": ids["project_a"]}), register="estate"),
        step("merged", dict(base, config="{{ estate.gathered }}")),
        step("replaced", dict(base, state="replaced", config="{{ estate.gathered }}")),
        step("overridden", dict(base, state="overridden", config="{{ estate.gathered }}", scope={"project_id": ids["project_a"]})),
    ])
    assert run.rc == 0, run
    gathered = run.result("gather")["gathered"]
    in_project = {rotation_id for rotation_id, rotation in before.items() if rotation["projectId"] == ids["project_a"]}
    assert len(gathered) == len(in_project) and "rotation_id" not in gathered[0]
    for title in ("merged", "replaced", "overridden"):
        result = run.result(title)
        assert result["changed"] is False and result["summary"]["unchanged"] == len(in_project), (title, by_action(result))
    assert writes(mock) == []
    assert api_calls(mock) == [("GET", ROOT)] * 4, "one listing per task, no request per rotation"
    assert mock.state()["rotations"] == before


def mixed_set(mock):
    """Rotations of five types in two projects: four to update, two to create, one unchanged."""
    ids = mock.ids
    return [
        dict(type="postgres-credentials", name="orders-db", project_id=ids["project_a"], environment="prod",
             secret_path="/databases/", rotation_interval=14),
        dict(type="aws-iam-user-secret", rotation_id=ids["rotation_aws_failed"].upper(), project_id=ids["project_a"],
             description="CI user of the build account"),
        dict(settings(mock, "mysql-credentials"), name="orders-mysql"),
        dict(rotation_id=ids["rotation_ci"], project_id=ids["project_a"], rotation_interval=7),
        dict(name="dbt-b", project_id=ids["project_b"], environment="dev", secret_path="/dbt", auto_rotation_enabled=False),
        dict(name="dbt-b-nightly", project_id=ids["project_b"], environment="dev", connection_id=ids["connection_dbt_b"],
             rotation_interval=1, parameters={"token_name": "nightly", "permission_grants": [{"permission_set": "job_runner"}]},
             secrets_mapping={"service_token": "DBT_B_NIGHTLY_TOKEN"}),
        dict(type="unix-linux-local-account", name="backup-user", project_id=ids["project_a"], environment="prod",
             secret_path="/hosts/db1", parameters={"use_sudo": True}),
    ]


EXPECTED = {"updated": [None, "backup-user", "dbt-b", "orders-db"], "created": ["dbt-b-nightly", "orders-mysql"],
            "unchanged": [None]}


def names_by_action(result):
    actions = {}
    for item in result["results"]:
        actions.setdefault(item["action"], []).append(item["name"] if item["config_index"] not in (1, 3) else None)
    return {action: sorted(names, key=str) for action, names in actions.items()}


def test_merged_on_a_mixed_set_across_two_projects(ansible, base):
    mock = ansible.mock
    ids = mock.ids
    config = mixed_set(mock)
    args = dict(base, type="dbt-service-token", config=config)
    preview = ansible.playbook([step("preview", args)], check=True)
    assert preview.rc == 0, preview
    assert writes(mock) == [], "check mode writes nothing"
    listings = [("GET", ROOT)] * 2
    creates_looked_up = [("GET", f"{ROOT}/mysql-credentials/rotation-name/orders-mysql"),
                         ("GET", f"{ROOT}/dbt-service-token/rotation-name/dbt-b-nightly")]
    assert api_calls(mock) == listings + creates_looked_up
    assert [entry["query"]["projectId"] for entry in mock.requests()[:2]] == [ids["project_a"], ids["project_b"]]
    mock.clear_requests()

    run = ansible.playbook([step("apply", args), step("again", args)], env={"TEMPORARY_PASSWORD": "unused"})
    assert run.rc == 0, run
    applied, again = run.result("apply"), run.result("again")
    assert names_by_action(preview.result("preview")) == names_by_action(applied) == EXPECTED
    assert applied["summary"] == {"created": 2, "updated": 4, "deleted": 0, "unchanged": 1, "failed": 0, "total": 7}
    assert again["changed"] is False and again["summary"]["unchanged"] == 7
    state = mock.state()["rotations"]
    assert state[ids["rotation_postgres"]]["rotationInterval"] == 14
    assert state[ids["rotation_aws_failed"]]["description"] == "CI user of the build account"
    assert state[ids["rotation_b"]]["isAutoRotationEnabled"] is False
    assert state[ids["rotation_unix"]]["parameters"] == {"username": "backup", "rotationMethod": "login-as-target", "useSudo": True}
    created = {rotation["name"]: rotation for rotation in state.values() if rotation["name"] in ("orders-mysql", "dbt-b-nightly")}
    assert created["dbt-b-nightly"]["projectId"] == ids["project_b"] and created["orders-mysql"]["type"] == "mysql-credentials"
    patches = [entry for entry in mock.requests() if entry["method"] == "PATCH"]
    expected_bodies = [["description"], ["isAutoRotationEnabled"], ["parameters"], ["rotationInterval"]]
    assert sorted(list(patch["body"]) for patch in patches) == expected_bodies, "only what differs"
    assert writes(mock) == sorted([("PATCH", f"{ROOT}/postgres-credentials/{ids['rotation_postgres']}"),
                                   ("PATCH", f"{ROOT}/aws-iam-user-secret/{ids['rotation_aws_failed']}"),
                                   ("PATCH", f"{ROOT}/dbt-service-token/{ids['rotation_b']}"),
                                   ("PATCH", f"{ROOT}/unix-linux-local-account/{ids['rotation_unix']}"),
                                   ("POST", f"{ROOT}/mysql-credentials"), ("POST", f"{ROOT}/dbt-service-token")])
    assert api_calls(mock).count(("GET", ROOT)) == 4 and len(api_calls(mock)) == 4 + 6, "two listings a run, one write each"
    diff = {entry["before_header"]: entry for entry in applied["diff"]}
    assert diff["config[0] (orders-db)"]["before"]["rotation_interval"] == 30
    assert diff["config[0] (orders-db)"]["after"]["rotation_interval"] == 14
    assert diff["config[2] (orders-mysql)"]["before"] == {}
