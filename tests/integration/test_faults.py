# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The fault matrix: every module x every fault on its key request, with the outcome each cell must have.

Modules run as their own processes from the installed collection (see ``ModuleProcess``), each cell from
the mock's seed. Outcomes:

- ``ok``: succeeds, after retrying when the fault was retryable;
- ``fails``: fails at once, naming the HTTP status and Infisical's request id;
- ``reconciles``: the answer was lost after the server acted; the module reads the state back and
  reports the write it finds (with a warning), without repeating it;
- ``unsure``: the answer was lost and the read-back shows nothing: the task fails saying the write
  may or may not have happened (rotate) or that running it again is safe (create), never writing twice.
"""

from __future__ import annotations

import pytest

from conftest import settle

ROTATIONS = "/api/v2/secret-rotations/dbt-service-token"
TIMEOUT = 1
FAULTS = {
    "429 Retry-After seconds": {"type": "rate_limit", "retry_after": 1},
    "429 Retry-After date": {"type": "rate_limit", "retry_after_date": 1},
    "500": {"type": "status", "status": 500},
    "502": {"type": "status", "status": 502},
    "503": {"type": "status", "status": 503},
    "504": {"type": "status", "status": 504},
    "connection reset": {"type": "reset"},
    "delay past timeout": {"type": "delay", "seconds": TIMEOUT + 1},
    "apply then hang": {"type": "apply_then_hang", "seconds": TIMEOUT + 1},
}
# The expected outcome of each cell: row = module and the request the fault hits, column = fault (FAULTS order).
EXPECTED_TABLE = """
row          | 429 s | 429 date | 500    | 502    | 503    | 504    | reset  | delay  | hang
info GET     | ok    | ok       | fails  | ok     | ok     | ok     | ok     | ok     | ok
update PATCH | ok    | ok       | fails  | ok     | ok     | ok     | ok     | ok     | ok
create POST  | ok    | ok       | unsure | unsure | unsure | unsure | unsure | unsure | reconciles
rotate POST  | ok    | ok       | unsure | unsure | unsure | unsure | unsure | unsure | reconciles
login POST   | ok    | ok       | fails  | ok     | ok     | ok     | ok     | ok     | ok
"""
ROWS = [[cell.strip() for cell in line.split("|")] for line in EXPECTED_TABLE.strip().splitlines()[1:]]
EXPECTED = {cells[0]: cells[1:] for cells in ROWS}
CELLS = [(row, fault, outcome) for row, outcomes in EXPECTED.items() for fault, outcome in zip(FAULTS, outcomes)]


def connection(mock, auth="token_auth"):
    ids = mock.ids
    if auth == "token_auth":
        return {"url": mock.url, "auth_method": "token_auth", "token": ids["admin_token"], "timeout": TIMEOUT}
    return {"url": mock.url, "universal_auth_client_id": ids["admin_client_id"],
            "universal_auth_client_secret": ids["admin_client_secret"], "timeout": TIMEOUT}


def created(mock):
    return [rotation for rotation in mock.state()["rotations"].values() if rotation["name"] == "dbt-fault-matrix"]


# Row -> (module, arguments, method and path the fault hits, the count of the write in the mock).
def row_setup(row, mock):
    ids = mock.ids
    ci = ids["rotation_ci"]
    if row == "info GET":
        return "dbt_token_rotation_info", dict(connection(mock), rotation_id=ci), ("GET", f"{ROTATIONS}/{ci}"), None
    if row == "update PATCH":
        return ("dbt_token_rotation", dict(connection(mock), rotation_id=ci, rotation_interval=21), ("PATCH", f"{ROTATIONS}/{ci}"),
                lambda: int(mock.rotation(ci)["rotationInterval"] == 21))
    if row == "create POST":
        args = dict(connection(mock), name="dbt-fault-matrix", project_id=ids["project_a"], environment="dev",
                    secret_path="/dbt", connection_id=ids["connection_dbt_a"], rotation_interval=30,
                    parameters={"token_name": "fault", "permission_grants": [{"permission_set": "job_runner"}]},
                    secrets_mapping={"service_token": "DBT_FAULT_TOKEN"})
        return "dbt_token_rotation", args, ("POST", ROTATIONS), lambda: len(created(mock))
    if row == "rotate POST":
        before = mock.rotation(ci)["rotationCount"]
        return ("dbt_token_rotate", dict(connection(mock), rotation_id=ci), ("POST", f"{ROTATIONS}/{ci}/rotate-secrets"),
                lambda: mock.rotation(ci)["rotationCount"] - before)
    return "login", connection(mock, "universal_auth"), ("POST", "/api/v1/auth/universal-auth/login"), None


@pytest.mark.parametrize("row, fault, outcome", CELLS, ids=[f"{row}-{fault}" for row, fault, _outcome in CELLS])
def test_fault_matrix(module_process, row, fault, outcome):
    mock = module_process.mock
    module, args, (method, path), applied = row_setup(row, mock)
    mock.add_fault(method, path, FAULTS[fault])
    result = module_process(module, args)
    hits = [entry for entry in mock.requests() if entry["method"] == method and entry["path"] == path]
    settle(mock)  # a delayed or hanging request finishes before the write is counted and the mock is reset
    if outcome == "ok":
        assert not result["failed"], result["msg"]
        assert applied is None or applied() == 1
        assert len(hits) == (1 if fault in ("500",) else 2)
    elif outcome == "fails":
        assert result["failed"]
        assert result["status"] == 500 and result["request_id"].startswith("req-")
        assert f"HTTP 500 InternalServerError, request id {result['request_id']}" in result["msg"]
        assert len(hits) == 1 and (applied is None or applied() == 0)
    elif outcome == "reconciles":
        assert not result["failed"], result["msg"]
        assert result["changed"] is True and "was lost" in str(result.get("warnings"))
        assert len(hits) == 1 and applied() == 1
    else:
        assert result["failed"] and len(hits) == 1, "a write whose answer was lost is never sent again"
        message = result["msg"]
        assert ("may or may not have happened" in message) if row == "rotate POST" else ("running the task again is safe" in message)
        # The delayed request was applied by the server after the client gave up; the others never were.
        assert applied() == (1 if fault == "delay past timeout" else 0)
