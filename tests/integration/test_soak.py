# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A seeded random soak: 300+ module runs (six seeded chunks) with random faults, invariants checked after every run.

- no task applies a rotation twice (the mock's rotation count moves by at most one per task, and by
  exactly one when the task says it rotated);
- a successful update leaves the server in the desired state; a successful create leaves exactly one
  rotation of that name;
- a failure names the HTTP status and Infisical's request id whenever the server answered with them;
- no output holds a secret (``ModuleProcess`` scans every run).
"""

from __future__ import annotations

import os
import random
import time

import pytest

from conftest import settle

ROTATIONS = "/api/v2/secret-rotations/dbt-service-token"
RUNS = int(os.environ.get("SOAK_RUNS", "300"))
SEED = int(os.environ.get("SOAK_SEED", "20261123"))
FAULTS = [
    None, None, None,
    {"type": "rate_limit", "retry_after": 0}, {"type": "rate_limit", "retry_after_date": 0},
    {"type": "rate_limit", "ratelimit_reset": 0}, {"type": "rate_limit", "seconds": 0},
    {"type": "status", "status": 500}, {"type": "status", "status": 502}, {"type": "status", "status": 503},
    {"type": "status", "status": 504}, {"type": "reset"},
    {"type": "apply_then_status", "status": 502}, {"type": "apply_then_reset"},
    {"type": "apply_then_hang", "seconds": 1.3}, {"type": "delay", "seconds": 1.3},
]
TIMEOUT = 1
# Six chunks of runs, each with its own seed, so the test workers share the soak.
CHUNKS = 6


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_soak(module_process, chunk):
    mock = module_process.mock
    ids = mock.ids
    rng = random.Random(SEED + chunk)
    runs = -(-RUNS // CHUNKS)
    targets = [ids[key] for key in ("rotation_ci", "rotation_docs", "rotation_adhoc", "rotation_prod")]
    connection = {"url": mock.url, "auth_method": "token_auth", "token": ids["admin_token"], "timeout": TIMEOUT, "retries": 3}
    started = time.monotonic()
    tally = {}
    for run in range(runs):
        rotation_id = rng.choice(targets)
        operation = rng.choice(["read", "update", "rotate", "create"])
        fault = rng.choice(FAULTS)
        where = {"read": ("GET", f"{ROTATIONS}/{rotation_id}"), "update": ("PATCH", f"{ROTATIONS}/{rotation_id}"),
                 "rotate": ("POST", f"{ROTATIONS}/{rotation_id}/rotate-secrets"), "create": ("POST", ROTATIONS)}[operation]
        if fault:
            mock.add_fault(*where, fault, count=rng.choice([1, 1, 2]))
        before = mock.rotation(rotation_id)
        name = f"soak-{run}"
        if operation == "read":
            result = module_process("dbt_token_rotation_info", dict(connection, rotation_id=rotation_id))
        elif operation == "update":
            wanted = rng.randint(1, 90)
            result = module_process("dbt_token_rotation", dict(connection, rotation_id=rotation_id, rotation_interval=wanted))
        elif operation == "rotate":
            result = module_process("dbt_token_rotate", dict(connection, rotation_id=rotation_id))
        else:
            result = module_process("dbt_token_rotation", dict(
                connection, name=name, project_id=ids["project_a"], environment="prod", secret_path="/dbt",
                connection_id=ids["connection_dbt_a"], rotation_interval=30, secrets_mapping={"service_token": f"SOAK_{run}"},
                parameters={"token_name": "soak", "permission_grants": [{"permission_set": "job_runner"}]}))
        settle(mock)  # a delayed or hanging request finishes before the state is judged
        mock.clear_faults()
        after = mock.rotation(rotation_id)
        context = (run, operation, fault, result.get("msg"))

        assert after["rotationCount"] - before["rotationCount"] <= 1, context
        if operation == "rotate" and not result["failed"]:
            assert after["rotationCount"] == before["rotationCount"] + 1 and result["rotated"], context
        if operation == "update" and not result["failed"]:
            assert after["rotationInterval"] == wanted and result["rotation"]["rotation_interval"] == wanted, context
        if operation == "create":
            made = [rotation for rotation in mock.state()["rotations"].values() if rotation["name"] == name]
            assert len(made) <= 1, context
            assert result["failed"] or len(made) == 1, context
        if result["failed"]:
            if result.get("status") is not None:
                assert f"HTTP {result['status']}" in result["msg"], context
            if result.get("request_id"):
                assert result["request_id"] in result["msg"], context
        outcome = "failed" if result["failed"] else "ok"
        tally[(operation, outcome)] = tally.get((operation, outcome), 0) + 1
    elapsed = time.monotonic() - started
    print(f"soak chunk {chunk}: {runs} runs in {elapsed:.0f}s, seed {SEED + chunk}: {sorted(tally.items())}")
    assert sum(tally.values()) == runs and runs * CHUNKS >= 300
    assert all(tally.get((operation, "ok"), 0) > 0 for operation in ("read", "update", "rotate", "create"))
