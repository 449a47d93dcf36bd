# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Concurrency (25 forks at once) and authentication failures that must fail fast."""

from __future__ import annotations

import sys

import pytest

from mock_infisical.seed import with_bulk_rotations

ROTATIONS = "/api/v2/secret-rotations/dbt-service-token"
HOSTS = 25


def test_25_forks_update_25_rotations_at_once(ansible):
    mock = ansible.mock
    mock.reset(seed=with_bulk_rotations(mock.seed, HOSTS))
    ids = mock.ids
    inventory = ansible.workdir / "hosts.ini"
    inventory.write_text("".join(f"host{number:02d} ansible_connection=local ansible_python_interpreter={sys.executable}"
                                 f" rotation_number={number}\n" for number in range(1, HOSTS + 1)))
    play = {"hosts": "all", "gather_facts": False, "tasks": [{
        "name": "update", "infisical.secret_rotation.dbt_token_rotation": dict(
            ansible.connection(), rotation_id="{{ 'b0000000-0000-4000-8000-%012d' % (rotation_number | int) }}",
            rotation_interval="{{ 40 + (rotation_number | int) }}", description="managed by host {{ inventory_hostname }}",
            parameters={"token_name": "bulk-{{ rotation_number }}"})}]}
    run = ansible.playbook([play], inventory=inventory, extra_args=["--forks", str(HOSTS)])
    assert run.rc == 0, run
    assert len([entry for entry in run.results if entry["result"]["changed"]]) == HOSTS
    for number in range(1, HOSTS + 1):
        state = mock.rotation(ids[f"bulk_{number}"])
        assert state["rotationInterval"] == 40 + number
        assert state["description"] == f"managed by host host{number:02d}"
        assert state["parameters"] == {"tokenName": f"bulk-{number}", "permissionGrants": [{"permissionSet": "job_runner"}]}
    patches = [entry for entry in mock.requests() if entry["method"] == "PATCH"]
    assert len(patches) == HOSTS and all(entry["status"] == 200 for entry in patches)
    others = {rotation_id: rotation for rotation_id, rotation in mock.state()["rotations"].items() if not rotation_id.startswith("b0")}
    assert all(rotation["description"] is None or "managed by host" not in rotation["description"] for rotation in others.values())


def after_login(mock):
    """The requests made after the last login (all of them with token auth)."""
    log = mock.requests()
    logins = [index for index, entry in enumerate(log) if "/auth/" in entry["path"]]
    return log[logins[-1] + 1:] if logins else log


@pytest.mark.parametrize("module", ["dbt_token_rotation_info", "dbt_token_rotation", "dbt_token_rotate"])
def test_wrong_client_secret_fails_at_the_login_without_retry(module_process, module):
    mock = module_process.mock
    args = {"url": mock.url, "universal_auth_client_id": mock.ids["admin_client_id"],
            "universal_auth_client_secret": "not-the-secret", "rotation_id": mock.ids["rotation_ci"]}
    result = module_process(module, args)
    assert result["failed"] and result["status"] == 401
    assert "Invalid credentials" in result["msg"] and "check the credentials of auth_method universal_auth" in result["msg"]
    assert [entry["path"] for entry in mock.requests()] == ["/api/v1/auth/universal-auth/login"]


@pytest.mark.parametrize("module", ["dbt_token_rotation_info", "dbt_token_rotation", "dbt_token_rotate"])
def test_an_expired_token_fails_with_one_request(module_process, module):
    mock = module_process.mock
    mock.expire_tokens()
    args = {"url": mock.url, "auth_method": "token_auth", "token": mock.ids["admin_token"], "rotation_id": mock.ids["rotation_ci"]}
    result = module_process(module, args)
    assert result["failed"] and result["status"] == 403
    assert "Your token has expired" in result["msg"] and "check the credentials of auth_method token_auth" in result["msg"]
    assert len(mock.requests()) == 1


@pytest.mark.parametrize("module, extra", [("dbt_token_rotation_info", {}), ("dbt_token_rotation", {"rotation_interval": 3}),
                                           ("dbt_token_rotate", {})])
def test_no_access_to_the_project_fails_with_one_request_after_login(module_process, module, extra):
    mock = module_process.mock
    ids = mock.ids
    args = dict({"url": mock.url, "universal_auth_client_id": ids["outsider_client_id"],
                 "universal_auth_client_secret": ids["outsider_client_secret"], "rotation_id": ids["rotation_ci"]}, **extra)
    result = module_process(module, args)
    assert result["failed"] and result["status"] == 403 and "PermissionDenied" in result["msg"]
    assert len(after_login(mock)) == 1
