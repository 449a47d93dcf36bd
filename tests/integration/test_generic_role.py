# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The generic rotations role over a list of several types in two projects: one login, one listing per project,
one write per change, the rotations asked for, and its summary fact."""

from __future__ import annotations

from test_every_type import settings

ROLE = "infisical.secret_rotation.rotations"
ROOT = "/api/v2/secret-rotations"


def role_play(ansible, items, **variables):
    ids = ansible.mock.ids
    role_vars = {"infisical_url": ansible.mock.url, "infisical_universal_auth_client_id": ids["admin_client_id"],
                 "infisical_universal_auth_client_secret": ids["admin_client_secret"], "rotations": items}
    role_vars.update(variables)
    return [{"hosts": "localhost", "gather_facts": False, "roles": [{"role": ROLE, "vars": role_vars}],
             "tasks": [{"name": "summary", "ansible.builtin.debug": {"var": "rotations_summary"}}]}]


def items(mock):
    ids = mock.ids
    return [
        {"type": "postgres-credentials", "rotation_id": ids["rotation_postgres"], "project_id": ids["project_a"],
         "rotation_interval": 10, "rotate": True},
        {"type": "stripe-api-key", "name": "stripe-billing", "project_id": ids["project_a"], "environment": "dev",
         "secret_path": "/apps", "state": "absent", "delete_secrets": True},
        {"name": "dbt-b", "project_id": ids["project_b"], "environment": "dev", "secret_path": "/dbt",
         "description": "project B token", "rotate": True, "skip_if_rotated_within": "1h"},
        dict(settings(mock, "mongodb-credentials"), name="orders-mongo", rotate=True),
    ]


def test_the_generic_role_applies_a_list_of_several_types_with_one_login(ansible):
    mock = ansible.mock
    ids = mock.ids
    before = {key: mock.rotation(ids[key])["rotationCount"] for key in ("rotation_postgres", "rotation_b")}
    preview = ansible.playbook(role_play(ansible, items(mock), rotations_type="dbt-service-token"), check=True)
    assert preview.rc == 0, preview
    assert [entry for entry in mock.requests() if entry["method"] != "GET" and "/auth/" not in entry["path"]] == []
    mock.clear_requests()

    first = ansible.playbook(role_play(ansible, items(mock), rotations_type="dbt-service-token"))
    assert first.rc == 0, first
    summary = first.result("summary")["rotations_summary"]
    assert summary["changed"] == [ids["rotation_postgres"], "stripe-billing", "dbt-b", "orders-mongo"]
    assert summary["rotated"] == [ids["rotation_postgres"], "dbt-b", "orders-mongo"]
    assert preview.result("summary")["rotations_summary"]["changed"] == summary["changed"]
    assert summary["counts"] == {"created": 1, "updated": 2, "deleted": 1, "unchanged": 0, "failed": 0, "total": 4}
    assert summary["rotations"][1] is None and summary["rotations"][3]["name"] == "orders-mongo"
    calls = [(entry["method"], entry["path"]) for entry in mock.requests()]
    assert calls.count(("POST", "/api/v1/auth/universal-auth/login")) == 1
    listed = [entry["query"]["projectId"] for entry in mock.requests() if (entry["method"], entry["path"]) == ("GET", ROOT)]
    assert listed == [ids["project_a"], ids["project_b"]], "one listing per project"
    state = mock.state()["rotations"]
    assert state[ids["rotation_postgres"]]["rotationInterval"] == 10
    assert state[ids["rotation_postgres"]]["rotationCount"] == before["rotation_postgres"] + 1
    assert state[ids["rotation_b"]]["description"] == "project B token"
    assert ids["rotation_stripe_paused"] not in state
    assert any(rotation["name"] == "orders-mongo" and rotation["rotationCount"] == 1 for rotation in state.values())

    mock.clear_requests()
    second = ansible.playbook(role_play(ansible, items(mock), rotations_type="dbt-service-token"))
    assert second.rc == 0, second
    assert second.result("summary")["rotations_summary"]["changed"] == []
    writes = [(entry["method"], entry["path"]) for entry in mock.requests() if entry["method"] != "GET" and "/auth/" not in entry["path"]]
    # Only the unguarded rotations rotate again; the guarded one was rotated within the hour.
    assert sorted(writes) == sorted([("POST", f"{ROOT}/postgres-credentials/{ids['rotation_postgres']}/rotate-secrets"),
                                     ("POST", f"{ROOT}/mongodb-credentials/{summary['rotations'][3]['id']}/rotate-secrets")])


def test_an_empty_list_sends_nothing(ansible):
    run = ansible.playbook(role_play(ansible, []))
    assert run.rc == 0, run
    assert ansible.mock.requests() == []
    assert run.result("summary")["rotations_summary"]["changed"] == []
