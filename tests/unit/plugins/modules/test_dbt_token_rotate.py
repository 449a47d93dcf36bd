# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""dbt_token_rotate, every path, against a scripted server: never two rotate POSTs for one task."""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta, timezone

import pytest

from ansible_collections.infisical.secret_rotation.plugins.modules import dbt_token_rotate

from ..module_utils.test_client import ACCESS_TOKEN, infisical_error
from ...conftest import run_module
from .test_dbt_token_rotation import ITEM, answer, api_rotation
from .test_dbt_token_rotation_info import PROJECT_ID, ROTATION_ID

ROTATE = ITEM + "/rotate-secrets"
BEFORE = "2026-11-01T03:15:00.000Z"


def ago(**delta):
    return (datetime.now(timezone.utc) - timedelta(**delta)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def rotated(at):
    return api_rotation(activeIndex=1, lastRotatedAt=at, lastRotationAttemptedAt=at)


@pytest.fixture
def args(server):
    return {"url": server.url, "auth_method": "token_auth", "token": ACCESS_TOKEN, "rotation_id": ROTATION_ID, "timeout": 1}


def run(args, check_mode=False):
    return run_module(dbt_token_rotate.main, dict(args, _ansible_check_mode=check_mode))


def posts(server):
    return sum(1 for request in server.requests if request["method"] == "POST")


def test_rotates_with_one_read_and_one_bare_post(server, args):
    now = ago(seconds=0)
    server.script(answer(api_rotation(lastRotatedAt=BEFORE)), answer(rotated(now)))
    result = run(args)
    assert [(r["method"], r["path"]) for r in server.requests] == [("GET", ITEM), ("POST", ROTATE)]
    post = server.requests[1]
    assert post["raw"] == b"" and "Content-Type" not in post["headers"]
    assert result["changed"] is True and result["rotated"] is True and result["msg"] == "rotated"
    assert result["previous_rotated_at"] == BEFORE and result["rotation"]["last_rotated_at"] == now
    assert result["rotation"]["active_index"] == 1


def test_by_name_reads_again_by_id_under_the_lock(server, args):
    server.script(answer(api_rotation()), answer(api_rotation()), answer(rotated(ago(seconds=0))))
    args = dict(args, rotation_id=None, name="dbt-ci-token", project_id=PROJECT_ID, environment="dev", secret_path="/dbt/")
    run(args)
    assert "/rotation-name/dbt-ci-token?" in server.requests[0]["path"] and "secretPath=%2Fdbt" in server.requests[0]["path"]
    assert server.requests[1]["path"] == ITEM and server.requests[2]["path"] == ROTATE


def test_guard_skips_a_recent_rotation(server, args):
    server.script(answer(api_rotation(lastRotatedAt=ago(minutes=5))))
    result = run(dict(args, skip_if_rotated_within="1h"))
    assert result["changed"] is False and result["rotated"] is False and posts(server) == 0
    assert result["msg"].startswith("skipped: last rotated 5m ago, within skip_if_rotated_within=1h")


def test_guard_lets_an_old_rotation_rotate(server, args):
    server.script(answer(api_rotation(lastRotatedAt=ago(hours=2))), answer(rotated(ago(seconds=0))))
    result = run(dict(args, skip_if_rotated_within="1h"))
    assert result["rotated"] is True and posts(server) == 1


def test_guard_ignores_a_recent_failed_attempt(server, args):
    server.script(answer(api_rotation(lastRotatedAt=ago(days=3), lastRotationAttemptedAt=ago(minutes=1), rotationStatus="failed")),
                  answer(rotated(ago(seconds=0))))
    assert run(dict(args, skip_if_rotated_within="1d"))["rotated"] is True


def test_check_mode_reads_only(server, args):
    server.script(answer(api_rotation(lastRotatedAt=BEFORE)))
    result = run(args, check_mode=True)
    assert result["changed"] is True and result["rotated"] is True and posts(server) == 0
    assert result["msg"] == "would rotate (check mode)"


def test_check_mode_applies_the_guard(server, args):
    server.script(answer(api_rotation(lastRotatedAt=ago(minutes=1))))
    result = run(dict(args, skip_if_rotated_within="10m"), check_mode=True)
    assert result["changed"] is False and posts(server) == 0


def test_a_missing_rotation_fails(server, args):
    server.script(infisical_error(404, "Could not find", "NotFound"))
    result = run(args)
    assert result["failed"] and result["msg"] == f"no such rotation: rotation_id={ROTATION_ID}"


def test_a_rate_limited_post_is_sent_again(server, args):
    server.script(answer(api_rotation(lastRotatedAt=BEFORE)),
                  infisical_error(429, "Rate limit exceeded. Please try again in 1 seconds", "RateLimitExceeded",
                                  headers={"Retry-After": "0"}),
                  answer(rotated(ago(seconds=0))))
    result = run(args)
    assert result["rotated"] is True and posts(server) == 2


def test_a_failed_rotation_fails_with_the_server_message(server, args):
    message = ("Infisical encountered an issue while generating credentials with the configured inputs: "
               "Failed to create service token: permission_set not allowed")
    server.script(answer(api_rotation(lastRotatedAt=BEFORE, lastRotationAttemptedAt=BEFORE)),
                  infisical_error(500, message, "InternalServerError", "req-500"),
                  answer(api_rotation(lastRotatedAt=BEFORE, lastRotationAttemptedAt=ago(seconds=0), rotationStatus="failed",
                                      lastRotationMessage=message)))
    result = run(args)
    assert result["failed"] and result["msg"] == f"the rotation failed: {message} (POST {ROTATE}: HTTP 500, request id req-500)"
    assert result["status"] == 500 and result["request_id"] == "req-500" and posts(server) == 1


@pytest.mark.parametrize("lost", [{"reset": True}, infisical_error(502, "Bad gateway", "BadGateway"),
                                  infisical_error(503, "unavailable", "ServiceUnavailable")])
def test_a_lost_answer_after_the_rotation_is_reported_as_rotated(server, args, lost):
    now = ago(seconds=0)
    server.script(answer(api_rotation(lastRotatedAt=BEFORE)), lost, answer(rotated(now)))
    result = run(args)
    assert result["changed"] is True and result["rotated"] is True and posts(server) == 1
    assert result["rotation"]["last_rotated_at"] == now
    assert "the rotation happened and is reported" in result["warnings"][0]


def test_a_timeout_without_a_visible_rotation_says_may_or_may_not(server, args):
    server.script(answer(api_rotation(lastRotatedAt=BEFORE)), {"delay": 2}, answer(api_rotation(lastRotatedAt=BEFORE)))
    result = run(args)
    assert result["failed"] and posts(server) == 1
    assert "the rotation may or may not have happened" in result["msg"]
    assert "Do not rotate again before checking" in result["msg"] and BEFORE in result["msg"]


def test_a_failing_read_back_still_says_may_or_may_not(server, args):
    server.script(answer(api_rotation(lastRotatedAt=BEFORE)), {"reset": True},
                  infisical_error(403, "You are not allowed to read on secret-rotation", "PermissionDenied"))
    result = run(args)
    assert result["failed"] and "may or may not have happened" in result["msg"] and "reading it back failed too" in result["msg"]
    assert posts(server) == 1


def test_a_rotation_in_progress_is_not_retried(server, args):
    server.script(answer(api_rotation()), infisical_error(400, "A rotation is already in progress. Please try again shortly."))
    result = run(args)
    assert result["failed"] and result["status"] == 400 and "already in progress" in result["msg"] and posts(server) == 1


@pytest.mark.parametrize("within", ["soon", "1y", "-1h"])
def test_a_bad_duration_fails_before_any_request(server, args, within):
    result = run(dict(args, skip_if_rotated_within=within))
    assert result["failed"] and "skip_if_rotated_within=" in result["msg"] and server.requests == []


# A 200 is believed only when it shows a new rotation ----------------------------------------------

@pytest.mark.parametrize("answered", [api_rotation(lastRotatedAt=BEFORE), api_rotation(lastRotatedAt="2026-10-01T00:00:00.000Z")],
                         ids=["unchanged", "older"])
def test_a_200_without_a_new_rotation_is_read_back_and_not_reported_as_rotated(server, args, answered):
    server.script(answer(api_rotation(lastRotatedAt=BEFORE)), answer(answered), answer(api_rotation(lastRotatedAt=BEFORE)))
    result = run(args)
    assert result["failed"] and posts(server) == 1 and len(server.requests) == 3
    assert result["msg"].startswith(f"the rotation may or may not have happened: POST {ROTATE}: HTTP 200:"
                                    " the answer shows no new rotation")
    assert "Do not rotate again before checking" in result["msg"] and result.get("rotated") is not True


def test_a_200_without_a_new_rotation_whose_read_back_shows_one_is_rotated_with_a_warning(server, args):
    now = ago(seconds=0)
    server.script(answer(api_rotation(lastRotatedAt=BEFORE)), answer(api_rotation(lastRotatedAt=BEFORE)), answer(rotated(now)))
    result = run(args)
    assert result["rotated"] is True and result["rotation"]["last_rotated_at"] == now and posts(server) == 1
    assert "the rotation happened and is reported" in result["warnings"][0]


@pytest.mark.parametrize("body", [{"secretRotation": {"id": ROTATION_ID}}, {"secretRotation": []},
                                  {"secretRotation": dict(api_rotation(), lastRotatedAt="yesterday")},
                                  {"secretRotation": dict(api_rotation(), id="85b61342-0000-4e28-b81e-e32a498f1ed4")}],
                         ids=["no-fields", "list", "bad-timestamp", "other-rotation"])
def test_a_200_of_the_wrong_shape_is_handled_as_an_ambiguous_answer(server, args, body):
    server.script(answer(api_rotation(lastRotatedAt=BEFORE)), {"body": body}, answer(api_rotation(lastRotatedAt=BEFORE)))
    result = run(args)
    assert result["failed"] and posts(server) == 1 and len(server.requests) == 3
    assert "the rotation may or may not have happened" in result["msg"]
    assert "the answer is not the rotation asked for" in result["msg"] or "holds no secretRotation" in result["msg"]


@pytest.mark.parametrize("body, problem", [
    ({"secretRotation": []}, "secretRotation is not an object"),
    ({"secretRotation": {k: v for k, v in api_rotation().items() if k != "id"}}, "secretRotation.id is missing"),
    ({"secretRotation": dict(api_rotation(), id="not-a-uuid")}, "secretRotation.id is not a UUID"),
    ({"secretRotation": dict(api_rotation(), lastRotatedAt="2026-13-45T99:00:00Z")},
     "secretRotation.lastRotatedAt is not an ISO 8601 timestamp"),
    ({"secretRotation": dict(api_rotation(), rotationInterval=True)}, "secretRotation.rotationInterval is not a number"),
])
def test_a_read_of_the_wrong_shape_fails_clearly_before_acting(server, args, body, problem):
    server.script({"body": body})
    result = run(dict(args, skip_if_rotated_within="1d"))
    assert result["failed"] and posts(server) == 0
    assert f"the answer is not the rotation asked for: {problem}" in result["msg"]
    assert "is url the address of the Infisical API?" in result["msg"]


# The guard ------------------------------------------------------------------------------------------

def test_a_last_rotation_in_the_future_counts_as_just_now_with_a_warning(server, args):
    ahead = (datetime.now(timezone.utc) + timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    server.script(answer(api_rotation(lastRotatedAt=ahead)))
    result = run(dict(args, skip_if_rotated_within="1h"))
    assert result["changed"] is False and posts(server) == 0
    assert result["msg"] == "skipped: last rotated 0s ago, within skip_if_rotated_within=1h"
    assert "ahead of this host's clock; skip_if_rotated_within counts it as just now" in result["warnings"][0]


# Identity beside rotation_id --------------------------------------------------------------------------

@pytest.mark.parametrize("beside", [{"name": "another"}, {"project_id": "another-project"}, {"environment": "prod"},
                                    {"secret_path": "/"}])
def test_identity_options_of_another_rotation_fail_before_the_post(server, args, beside):
    server.script(answer(api_rotation(lastRotatedAt=BEFORE)))
    result = run(dict(args, **beside))
    assert result["failed"] and posts(server) == 0
    assert result["msg"].startswith(f"rotation_id {ROTATION_ID} is another rotation than the options beside it describe: ")


def test_an_upper_case_rotation_id_is_sent_in_lower_case(server, args):
    server.script(answer(api_rotation(lastRotatedAt=BEFORE)), answer(rotated(ago(seconds=0))))
    result = run(dict(args, rotation_id=ROTATION_ID.upper(), name="dbt-ci-token", environment="dev", secret_path="/dbt/"))
    assert result["rotated"] is True and [r["path"] for r in server.requests] == [ITEM, ROTATE]


def test_the_rotate_request_is_made_under_the_hosts_lock_of_the_rotation(server, args, monkeypatch):
    from ansible_collections.infisical.secret_rotation.plugins.module_utils import _module

    held = []

    @contextlib.contextmanager
    def recording(url, rotation_id, wait_seconds):
        held.append((url, rotation_id, len(server.requests)))
        yield
        held.append(("released", len(server.requests)))

    monkeypatch.setattr(_module, "exclusive", recording)
    server.script(answer(api_rotation(lastRotatedAt=BEFORE)), answer(rotated(ago(seconds=0))))
    run(dict(args, rotation_id=ROTATION_ID.upper(), skip_if_rotated_within="1h"))
    assert held == [(server.url, ROTATION_ID, 0), ("released", 2)], "taken before the guard's read, held past the POST"
