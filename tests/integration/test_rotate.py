# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""dbt_token_rotate through ansible-playbook: one rotation per task, whatever the network does."""

from __future__ import annotations

import pytest

MODULE = "infisical.secret_rotation.dbt_token_rotate"
ROTATE = r"/api/v2/secret-rotations/dbt-service-token/[^/]+/rotate-secrets"


def task(ansible, connection=None, **args):
    args.setdefault("rotation_id", ansible.mock.ids["rotation_ci"])
    return {"name": "rotate", MODULE: dict(connection or ansible.connection(), **args)}


def posts(mock):
    return [entry for entry in mock.requests() if entry["method"] == "POST" and entry["path"].endswith("/rotate-secrets")]


def test_a_rotation_is_dual_phase_and_one_post(ansible):
    mock = ansible.mock
    rotation_id = mock.ids["rotation_ci"]
    before = mock.rotation(rotation_id)
    older = before["credentials"][1 - before["activeIndex"]]["tokenId"]
    run = ansible.playbook([task(ansible)])
    assert run.rc == 0, run
    result = run.result("rotate")
    after = mock.rotation(rotation_id)
    assert result["changed"] is True and result["rotated"] is True
    assert after["activeIndex"] == 1 - before["activeIndex"]
    assert after["lastRotatedAt"] > before["lastRotatedAt"] and after["rotationCount"] == before["rotationCount"] + 1
    dbt = mock.state()["dbt"]
    assert older in dbt["revokedIds"] and older not in {token["id"] for token in dbt["liveTokens"]}
    assert result["previous_rotated_at"] == before["lastRotatedAt"]
    assert result["rotation"]["last_rotated_at"] == after["lastRotatedAt"]
    (post,) = posts(mock)
    assert post["content_type"] is None and post["body_bytes"] == 0

    again = ansible.playbook([task(ansible)])
    assert again.result("rotate")["rotated"] is True
    assert mock.rotation(rotation_id)["rotationCount"] == before["rotationCount"] + 2


@pytest.mark.parametrize("action", [{"type": "rate_limit", "retry_after": 1}, {"type": "rate_limit", "retry_after_date": 1},
                                    {"type": "rate_limit", "ratelimit_reset": 1}])
def test_rate_limit_then_success_is_one_rotation(ansible, action):
    mock = ansible.mock
    before = mock.rotation(mock.ids["rotation_ci"])["rotationCount"]
    mock.add_fault("POST", ROTATE, action)
    run = ansible.playbook([task(ansible)])
    assert run.rc == 0, run
    assert len(posts(mock)) == 2 and mock.rotation(mock.ids["rotation_ci"])["rotationCount"] == before + 1


# Each fault on the rotate POST, whether the server acted, and what the task must say.
LOST_ANSWERS = [
    ({"type": "status", "status": 503}, False),
    ({"type": "status", "status": 502}, False),
    ({"type": "status", "status": 504}, False),
    ({"type": "reset"}, False),
    ({"type": "apply_then_status", "status": 502}, True),
    ({"type": "apply_then_status", "status": 504}, True),
    ({"type": "apply_then_reset"}, True),
    ({"type": "apply_then_hang", "seconds": 4}, True),
]


LOST_IDS = [str(action["type"]) + str(action.get("status", "")) for action, _applied in LOST_ANSWERS]


@pytest.mark.parametrize("action, applied", LOST_ANSWERS, ids=LOST_IDS)
def test_a_lost_answer_never_causes_a_second_rotation(ansible, action, applied):
    mock = ansible.mock
    rotation_id = mock.ids["rotation_ci"]
    before = mock.rotation(rotation_id)["rotationCount"]
    mock.add_fault("POST", ROTATE, action)
    run = ansible.playbook([task(ansible, timeout=2)])
    result = run.result("rotate")
    assert len(posts(mock)) == 1
    assert mock.rotation(rotation_id)["rotationCount"] == before + (1 if applied else 0)
    if applied:
        assert run.rc == 0, run
        assert result["rotated"] is True and "the rotation happened and is reported" in " ".join(result.get("warnings", []))
    else:
        assert run.rc != 0
        assert "the rotation may or may not have happened" in result["msg"]
        assert "Do not rotate again before checking" in result["msg"]


def test_a_failed_rotation_fails_with_the_servers_message(ansible):
    mock = ansible.mock
    rotation_id = mock.ids["rotation_ci"]
    mock.add_fault("POST", ROTATE, {"type": "dbt_failure", "message": "permission_set not allowed for this account"})
    run = ansible.playbook([task(ansible)])
    assert run.rc != 0
    result = run.result("rotate")
    state = mock.rotation(rotation_id)
    assert state["rotationStatus"] == "failed"
    where = f"POST /api/v2/secret-rotations/dbt-service-token/{rotation_id}/rotate-secrets"
    assert result["msg"] == f"the rotation failed: {state['lastRotationMessage']} ({where}: HTTP 500, request id {result['request_id']})"
    assert "permission_set not allowed for this account" in result["msg"]
    assert result["status"] == 500 and result["request_id"].startswith("req-")
    assert len(posts(mock)) == 1


def slow_rotation_then(ansible, second):
    """A play: a rotate whose answer the mock holds for 5 s (async), then ``second`` once the server holds its lock."""
    mock = ansible.mock
    mock.add_fault("POST", ROTATE, {"type": "apply_then_hang", "seconds": 5})
    return [{"hosts": "localhost", "gather_facts": False, "tasks": [
        {"name": "slow rotate", MODULE: dict(ansible.connection(), rotation_id=mock.ids["rotation_ci"], timeout=10),
         "async": 20, "poll": 0, "register": "slow"},
        {"name": "wait until the slow rotation holds the lock", "ansible.builtin.uri": {"url": f"{mock.url}/__mock/state"},
         "register": "mock_state", "until": f"mock_state.json.rotations['{mock.ids['rotation_ci']}'].rotationLocked",
         "retries": 100, "delay": 0.1, "no_log": True},  # the mock's state holds its secrets
        dict(second, name="rotate", ignore_errors=True),
        {"name": "wait", "ansible.builtin.async_status": {"jid": "{{ slow.ansible_job_id }}"}, "register": "done",
         "until": "done.finished", "retries": 20, "delay": 1}]}]


def test_a_rotation_running_from_another_controller_is_reported_not_retried(ansible, tmp_path):
    # Another HOME is another lock file: what a run on another controller sees.
    mock = ansible.mock
    before = mock.rotation(mock.ids["rotation_ci"])["rotationCount"]
    second = {MODULE: dict(ansible.connection(), rotation_id=mock.ids["rotation_ci"]), "environment": {"HOME": str(tmp_path)}}
    run = ansible.playbook(slow_rotation_then(ansible, second))
    result = run.result("rotate")
    assert result["failed"] and result["status"] == 400 and "A rotation is already in progress" in result["msg"]
    assert len(posts(mock)) == 2 and mock.rotation(mock.ids["rotation_ci"])["rotationCount"] == before + 1


def test_a_second_run_on_the_same_host_waits_for_the_first_rotation(ansible):
    mock = ansible.mock
    before = mock.rotation(mock.ids["rotation_ci"])["rotationCount"]
    second = {MODULE: dict(ansible.connection(), rotation_id=mock.ids["rotation_ci"], skip_if_rotated_within="1h")}
    run = ansible.playbook(slow_rotation_then(ansible, second))
    result = run.result("rotate")
    assert result["failed"] is False and result["rotated"] is False and result["msg"].startswith("skipped: last rotated")
    assert len(posts(mock)) == 1 and mock.rotation(mock.ids["rotation_ci"])["rotationCount"] == before + 1


def test_adhoc_with_auth_from_the_environment(ansible):
    mock = ansible.mock
    ids = mock.ids
    env = {"INFISICAL_URL": mock.url, "INFISICAL_AUTH_METHOD": "token_auth", "INFISICAL_TOKEN": ids["admin_token"]}
    before = mock.rotation(ids["rotation_adhoc"])["rotationCount"]
    run = ansible.adhoc(MODULE, {"rotation_id": ids["rotation_adhoc"], "skip_if_rotated_within": "1d"}, env=env)
    assert run.rc == 0, run
    assert run.result()["rotated"] is True and mock.rotation(ids["rotation_adhoc"])["rotationCount"] == before + 1
    assert "CHANGED" in run.stdout
