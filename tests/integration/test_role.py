# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The dbt_token_rotations role over a list of five rotations: one login, exact changes, check mode."""

from __future__ import annotations

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


def test_the_role_applies_a_list_with_one_login(ansible):
    mock = ansible.mock
    ids = mock.ids
    count = {key: mock.rotation(ids[key])["rotationCount"] for key in ("rotation_adhoc", "rotation_docs")}

    first = ansible.playbook(role_play(ansible, rotations(ids)))
    assert first.rc == 0, first
    assert len(logins(mock)) == 1
    assert summary(first)["changed"] == [ids["rotation_ci"], ids["rotation_prod_name"], "dbt-created", ids["rotation_failed"]]
    assert summary(first)["rotated"] == [ids["rotation_adhoc"], ids["rotation_docs"]]
    assert mock.rotation(ids["rotation_ci"])["rotationInterval"] == 14
    assert mock.rotation(ids["rotation_prod"])["description"] == "prod token"
    assert any(rotation["name"] == "dbt-created" for rotation in mock.state()["rotations"].values())
    assert mock.rotation(ids["rotation_failed"]) is None
    assert mock.rotation(ids["rotation_adhoc"])["rotationCount"] == count["rotation_adhoc"] + 1
    assert mock.rotation(ids["rotation_docs"])["rotationCount"] == count["rotation_docs"] + 1

    mock.clear_requests()
    second = ansible.playbook(role_play(ansible, rotations(ids)))
    assert second.rc == 0, second
    assert len(logins(mock)) == 1
    assert summary(second)["changed"] == []
    # The guarded item is skipped; the unguarded one rotates again, as an unguarded rotate always does.
    assert summary(second)["rotated"] == [ids["rotation_docs"]]
    assert writes(mock) == [("POST", f"/api/v2/secret-rotations/dbt-service-token/{ids['rotation_docs']}/rotate-secrets")]
    assert mock.rotation(ids["rotation_adhoc"])["rotationCount"] == count["rotation_adhoc"] + 1


def test_check_mode_writes_nothing_and_predicts(ansible):
    mock = ansible.mock
    ids = mock.ids
    before = mock.state()["rotations"]
    run = ansible.playbook(role_play(ansible, rotations(ids)), check=True)
    assert run.rc == 0, run
    assert writes(mock) == [] and len(logins(mock)) == 1
    assert mock.state()["rotations"] == before
    assert summary(run)["changed"] == [ids["rotation_ci"], ids["rotation_prod_name"], "dbt-created", ids["rotation_failed"]]
    assert summary(run)["rotated"] == [ids["rotation_adhoc"], ids["rotation_docs"]]


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
