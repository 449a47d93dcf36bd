# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The three promises under attack, through real ansible-playbook runs at -vvvv --diff against the mock:
no secret in any output, one rotation per intent, a clear error for every bad input or odd answer.

Every run's output is scanned for every secret the mock knows and for the values a test gives that the
mock never sees (credentials refused before sending, a url's password).
"""

from __future__ import annotations

import socket
import threading
import time

import pytest

from conftest import api_calls, settle

ROTATE = "infisical.secret_rotation.dbt_token_rotate"
ROTATION = "infisical.secret_rotation.dbt_token_rotation"
INFO = "infisical.secret_rotation.dbt_token_rotation_info"
ROTATIONS = "/api/v2/secret-rotations/dbt-service-token"
HINT = "is url the address of the Infisical API?"


def step(title, module, args, **extra):
    return dict({"name": title, module: args, "ignore_errors": True}, **extra)


def ci(mock):
    return mock.ids["rotation_ci"]


def item(mock, key="rotation_ci"):
    return f"{ROTATIONS}/{mock.ids[key]}"


def posts(mock):
    return [entry for entry in mock.requests() if entry["method"] == "POST" and entry["path"].endswith("/rotate-secrets")]


def writes(mock):
    return [entry for entry in mock.requests() if entry["method"] != "GET" and "/auth/" not in entry["path"]]


def count(mock, key="rotation_ci"):
    return mock.rotation(mock.ids[key])["rotationCount"]


# 1. Secrets through error text ---------------------------------------------------------------------------------

def test_credentials_with_surrounding_white_space_are_trimmed_and_never_printed(ansible):
    mock = ansible.mock
    ids = mock.ids
    vaulted = ansible.connection(universal_auth_client_id=f" {ids['admin_client_id']}\n",
                                 universal_auth_client_secret=f"{ids['admin_client_secret']}\n")
    token = ansible.connection(auth_method="token_auth", token=f"\t{ids['admin_token']}\r\n")
    run = ansible.playbook([step("universal", ROTATE, dict(vaulted, rotation_id=ci(mock))),
                            step("token", INFO, dict(token, rotation_id=ci(mock)))])
    assert run.rc == 0, run
    assert run.result("universal")["rotated"] is True and count(mock) == 2
    login = next(entry for entry in mock.requests() if entry["path"].endswith("/login"))
    assert login["status"] == 200 and login["body"]["clientId"] == ids["admin_client_id"]


# (auth_method, option, value, whether the value is a secret that must never show)
UNSENDABLE = [
    ("token_auth", "token", "at-head\r\nX-Injected: TAIL-SECRET-1", True),
    ("token_auth", "token", "\u00dfecret-TAIL-SECRET-2", True),
    ("universal_auth", "universal_auth_client_secret", "cs-head\nTAIL-SECRET-3", True),
    ("universal_auth", "universal_auth_client_id", "client-admin with-a-space", False),
    ("oidc_auth", "jwt", "eyJ.head.\u20acTAIL-SECRET-5", True),
]


def test_credentials_that_cannot_be_sent_fail_before_any_request_naming_the_option_never_the_value(ansible):
    mock = ansible.mock
    steps = []
    for index, (method, option, value, _secret) in enumerate(UNSENDABLE):
        connection = ansible.connection(identity="oidc" if method == "oidc_auth" else "admin", auth_method=method, **{option: value})
        steps.append(step(f"case {index}", ROTATE, dict(connection, rotation_id=ci(mock))))
    secrets = [value for _method, _option, value, secret in UNSENDABLE if secret]
    run = ansible.playbook(steps, secrets=secrets + [value.rsplit("TAIL", 1)[1] for value in secrets])
    for index, (_method, option, _value, _secret) in enumerate(UNSENDABLE):
        result = run.result(f"case {index}")
        assert result["failed"] and result["msg"].startswith(f"{option} cannot be sent to Infisical"), result["msg"]
    assert mock.requests() == [] and count(mock) == 1


def test_a_url_with_user_info_fails_naming_url_and_never_prints_the_password(ansible):
    mock = ansible.mock
    port = mock.url.rsplit(":", 1)[1]
    urls = [f"http://admin:PW-SECRET-6@127.0.0.1:{port}", f"http://PW-SECRET-7@127.0.0.1:{port}",
            f"http://u:PW-SECRET-8@[::1:{port}"]
    run = ansible.playbook([step(f"url {index}", ROTATE, ansible.connection(url=url, rotation_id=ci(mock)))
                            for index, url in enumerate(urls)], secrets=["PW-SECRET-6", "PW-SECRET-7", "PW-SECRET-8"])
    for index in range(len(urls)):
        assert run.result(f"url {index}")["msg"].startswith("url ")
    assert run.result("url 0")["msg"].startswith("url must not hold user info")
    assert mock.requests() == []


# 2. One rotation per intent --------------------------------------------------------------------------------------

def test_a_stale_200_to_rotate_is_not_reported_as_a_rotation(ansible):
    mock = ansible.mock
    mock.add_fault("POST", item(mock) + "/rotate-secrets", {"type": "stale"})
    run = ansible.playbook([step("rotate", ROTATE, ansible.connection(rotation_id=ci(mock)))])
    result = run.result("rotate")
    assert result["failed"] and result.get("rotated") is not True
    assert "the answer shows no new rotation" in result["msg"] and "the rotation may or may not have happened" in result["msg"]
    assert len(posts(mock)) == 1 and count(mock) == 1
    assert [method for method, _path in api_calls(mock, include_login=False)] == ["GET", "POST", "GET"]


@pytest.mark.parametrize("reshape", [{"member": {}}, {"drop": ["lastRotatedAt", "rotationStatus"]}, {"set": {"id": None}}],
                         ids=["empty", "no-fields", "no-id"])
def test_a_rotate_answer_without_the_fields_is_read_back_and_counted_once(ansible, reshape):
    mock = ansible.mock
    mock.add_fault("POST", item(mock) + "/rotate-secrets", dict({"type": "reshape"}, **reshape))
    run = ansible.playbook([step("rotate", ROTATE, ansible.connection(rotation_id=ci(mock)))])
    assert run.rc == 0, run
    result = run.result("rotate")
    assert result["rotated"] is True and "the rotation happened and is reported" in " ".join(result["warnings"])
    assert len(posts(mock)) == 1 and count(mock) == 2
    assert result["rotation"]["last_rotated_at"] == mock.rotation(ci(mock))["lastRotatedAt"]


def test_identity_options_of_another_rotation_beside_rotation_id_stop_the_rotation(ansible):
    mock = ansible.mock
    ids = mock.ids
    run = ansible.playbook([step("other project", ROTATE, ansible.connection(rotation_id=ci(mock), project_id=ids["project_b"])),
                            step("other name", ROTATE, ansible.connection(rotation_id=ci(mock), name=ids["rotation_prod_name"])),
                            step("upper case", ROTATE, ansible.connection(rotation_id=ci(mock).upper(), environment="dev",
                                                                          secret_path="/dbt/ci/"))])
    assert "is another rotation than the options beside it describe: project_id is" in run.result("other project")["msg"]
    assert "name is 'dbt-ci', not 'dbt-prod'" in run.result("other name")["msg"]
    assert run.result("upper case")["rotated"] is True
    assert [entry["path"] for entry in posts(mock)] == [item(mock) + "/rotate-secrets"] and count(mock) == 2


def test_two_runs_started_together_with_the_same_guard_rotate_once(ansible):
    mock = ansible.mock
    plays = [step("rotate", ROTATE, ansible.connection(rotation_id=ci(mock), skip_if_rotated_within="1h"))]
    for trial in range(5):
        mock.reset()
        # Each guard read is answered two seconds after it read the state: without the lock both runs read the
        # state before either rotates.
        mock.add_fault("GET", item(mock), {"type": "apply_then_hang", "seconds": 2}, count=2)
        runs = []
        threads = [threading.Thread(target=lambda: runs.append(ansible.playbook(plays, diff=False))) for _run in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert count(mock) == 2, f"trial {trial}: {count(mock) - 1} rotations"
        outcomes = sorted(run.result("rotate")["rotated"] for run in runs)
        assert outcomes == [False, True] and len(posts(mock)) == 1, f"trial {trial}"


# 3. Bad input never reaches the server -----------------------------------------------------------------------------

def test_booleans_for_integers_are_refused_before_any_request(ansible):
    mock = ansible.mock
    cases = {
        "rotation_interval": {"rotation_interval": True},
        "rotate_at_utc.hours": {"rotate_at_utc": {"hours": True, "minutes": 0}},
        "parameters.permission_grants[0].project_id": {
            "parameters": {"permission_grants": [{"permission_set": "admin", "project_id": True}]}},
        "timeout": {"timeout": True},
        "retries": {"retries": False},
    }
    run = ansible.playbook([step(name, ROTATION, ansible.connection(rotation_id=ci(mock), **args)) for name, args in cases.items()])
    for name in cases:
        assert f"{name}=True must be a whole number, not a boolean" in run.result(name)["msg"] or \
            f"{name}=False must be a whole number" in run.result(name)["msg"]
    assert mock.requests() == []


def test_huge_numbers_and_odd_shapes_are_refused_naming_the_option(ansible):
    mock = ansible.mock
    cases = {
        "rotation_interval": {"rotation_interval": "9" * 5000},
        "rotate_at_utc": {"rotate_at_utc": "03:15"},
        "parameters.permission_grants": {"parameters": {"permission_grants": "job_admin"}},
        "parameters.permission_grants[0]": {"parameters": {"permission_grants": [7]}},
        "timeout": {"timeout": "1e400"},
    }
    run = ansible.playbook([step(name, ROTATION, ansible.connection(rotation_id=ci(mock), **args)) for name, args in cases.items()])
    for name in cases:
        result = run.result(name)
        assert result["failed"] and result["msg"].startswith(f"{name}="), result["msg"]
        assert "Traceback" not in str(result)
    assert mock.requests() == []


# 4. Odd answers --------------------------------------------------------------------------------------------------

def test_reads_of_the_wrong_shape_fail_clearly_and_nothing_is_written(ansible):
    mock = ansible.mock
    ids = mock.ids
    mock.add_fault("GET", item(mock), {"type": "reshape", "apply": False, "drop": ["id"]})
    mock.add_fault("GET", item(mock), {"type": "reshape", "apply": False, "set": {"lastRotatedAt": "yesterday"}})
    # The existing rotation, answered as []: once taken for "absent", which sent a create.
    mock.add_fault("GET", rf"{ROTATIONS}/rotation-name/dbt-ci", {"type": "reshape", "member": []})
    create = dict(name="dbt-ci", project_id=ids["project_a"], environment="dev", secret_path="/dbt/ci",
                  connection_id=ids["connection_dbt_a"], rotation_interval=7, secrets_mapping={"service_token": "DBT_NEW"},
                  parameters={"token_name": "new", "permission_grants": [{"permission_set": "admin"}]})
    run = ansible.playbook([step("no id", ROTATION, ansible.connection(rotation_id=ci(mock), rotation_interval=9)),
                            step("bad time", ROTATE, ansible.connection(rotation_id=ci(mock), skip_if_rotated_within="1d")),
                            step("list for absent", ROTATION, ansible.connection(**create))])
    assert "secretRotation.id is missing" in run.result("no id")["msg"]
    assert "secretRotation.lastRotatedAt is not an ISO 8601 timestamp" in run.result("bad time")["msg"]
    assert "secretRotation is not an object" in run.result("list for absent")["msg"]
    for name in ("no id", "bad time", "list for absent"):
        assert HINT in run.result(name)["msg"] and "Traceback" not in str(run.result(name))
    assert writes(mock) == [] and count(mock) == 1


def test_a_last_rotation_ahead_of_the_clock_counts_as_just_now_with_a_warning(ansible):
    mock = ansible.mock
    mock.add_fault("GET", item(mock), {"type": "reshape", "apply": False, "set": {"lastRotatedAt": "2099-01-01T00:00:00.000Z"}})
    run = ansible.playbook([step("rotate", ROTATE, ansible.connection(rotation_id=ci(mock), skip_if_rotated_within="1h"))])
    result = run.result("rotate")
    assert run.rc == 0 and result["rotated"] is False and result["msg"].startswith("skipped: last rotated 0s ago")
    assert "ahead of this host's clock" in " ".join(result["warnings"]) and posts(mock) == []


@pytest.mark.parametrize("status", [200, 401, 404, 501])
def test_a_page_that_is_not_the_apis_gets_the_url_hint_and_a_short_excerpt(ansible, status):
    mock = ansible.mock
    page = "<!DOCTYPE html><html><head><title>It works</title></head><body>" + "<p>Apache default page</p>" * 100 + "</body></html>"
    mock.add_fault("GET", item(mock), {"type": "status", "status": status, "body": page, "content_type": "text/html"})
    run = ansible.playbook([step("read", INFO, ansible.connection(auth_method="token_auth", rotation_id=ci(mock)))])
    message = run.result("read")["msg"]
    assert f"HTTP {status}" in message and HINT in message and "text/html 'It works Apache default page" in message
    assert "<" not in message and len(message) < 400


def test_timeout_is_a_deadline_for_an_answer_that_trickles_in(ansible):
    mock = ansible.mock
    mock.add_fault("GET", item(mock), {"type": "drip", "interval": 0.05})
    started = time.monotonic()
    run = ansible.playbook([step("read", INFO, ansible.connection(auth_method="token_auth", rotation_id=ci(mock),
                                                                  timeout=2, retries=0))])
    assert time.monotonic() - started < 20, "the answer takes a minute to trickle in"
    assert "no complete answer within the timeout (timeout=2s), after 1 attempt" in run.result("read")["msg"]


def test_a_rotate_answer_that_trickles_in_is_read_back_not_repeated(ansible):
    mock = ansible.mock
    mock.add_fault("POST", item(mock) + "/rotate-secrets", {"type": "drip", "interval": 0.05, "headers": True})
    run = ansible.playbook([step("rotate", ROTATE, ansible.connection(rotation_id=ci(mock), timeout=2))])
    settle(mock)
    result = run.result("rotate")
    assert result["rotated"] is True and "the rotation happened and is reported" in " ".join(result["warnings"])
    assert len(posts(mock)) == 1 and count(mock) == 2


def test_a_folder_that_does_not_exist_is_named_and_never_taken_for_absence(ansible):
    mock = ansible.mock
    ids = mock.ids
    where = dict(name="dbt-typo", project_id=ids["project_a"], environment="dev", secret_path="/dbt-typo")
    create = dict(where, connection_id=ids["connection_dbt_a"], rotation_interval=7, secrets_mapping={"service_token": "T"},
                  parameters={"token_name": "t", "permission_grants": [{"permission_set": "admin"}]})
    run = ansible.playbook([step("info", INFO, ansible.connection(**where)),
                            step("absent", ROTATION, ansible.connection(state="absent", **where)),
                            step("create", ROTATION, ansible.connection(**create), check_mode=True),
                            step("rotate", ROTATE, ansible.connection(**where))])
    for name in ("info", "create", "rotate"):
        message = run.result(name)["msg"]
        assert run.result(name)["failed"] and "(check environment 'dev' and secret_path '/dbt-typo': the folder must exist)" in message
    assert run.result("absent")["failed"] is False and run.result("absent")["changed"] is False
    assert writes(mock) == []


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_connection_failures_say_how_many_attempts_how_long_and_why(ansible):
    mock = ansible.mock
    closed = f"http://127.0.0.1:{free_port()}"
    plain = mock.url.replace("http://", "https://")
    run = ansible.playbook([step("refused", INFO, ansible.connection(url=closed, rotation_id=ci(mock), retries=2)),
                            step("plain", INFO, ansible.connection(url=plain, rotation_id=ci(mock)))])
    refused = run.result("refused")
    assert f"could not connect to {closed} (connection refused), after 3 attempts over" in refused["msg"]
    assert "requests to Infisical were retried 2 times (connection refused x2); waited" in " ".join(refused["warnings"])
    assert f"{plain} speaks plain HTTP, not HTTPS: use an http:// url" in run.result("plain")["msg"]
