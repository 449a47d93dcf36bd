# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The fleet module ``rotations`` through real ansible-playbook runs against the mock, judged by the mock's state and
request log: the states beyond merged (whose mixed set of five types in two projects is the integration target
rotations_module), the gathered round trip, partial failure, duplicates, bad inputs, a 429 storm, leak scans."""

from __future__ import annotations

import pytest

from conftest import api_calls
from mock_infisical.seed import DEFAULT_SEED, with_bulk_rotations
from test_every_type import TEMPORARY_PASSWORD, settings

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


def test_replaced_sets_exactly_the_settings_given(ansible, base):
    mock = ansible.mock
    ids = mock.ids
    before = mock.rotation(ids["rotation_postgres"])
    assert before["description"] and before["rotateAtUtc"] == {"hours": 4, "minutes": 0}
    item = dict(type="postgres-credentials", name="orders-db", project_id=ids["project_a"], environment="prod",
                secret_path="/databases", rotation_interval=30, parameters={"username1": "orders_app_a", "username2": "orders_app_b"})
    # Another type in another project: its description goes, the rest is as given or at its create default already.
    dbt_b = dict(type="dbt-service-token", rotation_id=ids["rotation_b"], project_id=ids["project_b"], rotation_interval=14)
    config = [item, dbt_b]
    run = ansible.playbook([step("preview", dict(base, state="replaced", config=config), check_mode=True),
                            step("replace", dict(base, state="replaced", config=config)),
                            step("again", dict(base, state="replaced", config=config))])
    assert run.rc == 0, run
    result, other = run.result("replace")["results"]
    assert [entry["action"] for entry in run.result("preview")["results"]] == ["updated", "updated"]
    assert result["action"] == other["action"] == "updated"
    assert sorted(result["changed_settings"]) == ["description", "parameters", "rotate_at_utc"]
    assert other["changed_settings"] == ["description"] and mock.rotation(ids["rotation_b"])["description"] is None
    after = mock.rotation(ids["rotation_postgres"])
    assert after["description"] is None and after["rotateAtUtc"] == {"hours": 0, "minutes": 0}
    assert after["parameters"] == {"username1": "orders_app_a", "username2": "orders_app_b"}, "password requirements dropped"
    assert after["secretsMapping"] == before["secretsMapping"] and after["rotationInterval"] == 30
    assert run.result("again")["changed"] is False
    patch, other_patch = sorted((entry for entry in mock.requests() if entry["method"] == "PATCH"), key=lambda entry: len(entry["body"]),
                                reverse=True)
    assert patch["body"] == {"description": None, "rotateAtUtc": {"hours": 0, "minutes": 0},
                             "parameters": {"username1": "orders_app_a", "username2": "orders_app_b"}}
    assert other_patch["body"] == {"description": None}
    assert [entry["query"]["projectId"] for entry in mock.requests() if entry["path"] == ROOT] == [ids["project_a"], ids["project_b"]] * 3


def test_overridden_deletes_only_the_unlisted_rotations_inside_its_scope(ansible, base):
    mock = ansible.mock
    ids = mock.ids
    before = mock.state()["rotations"]
    scope = {"project_id": ids["project_a"], "environment": "dev", "secret_path": "/apps/"}
    keep = [dict(type="aws-iam-user-secret", name="aws-ci-user", project_id=ids["project_a"], environment="dev",
                 secret_path="/apps"),
            dict(type="stripe-api-key", rotation_id=ids["rotation_stripe_paused"], project_id=ids["project_a"],
                 rotation_interval=before[ids["rotation_stripe_paused"]]["rotationInterval"])]
    args = dict(base, state="overridden", scope=scope, config=keep, delete_secrets=True)
    run = ansible.playbook([step("preview", args, check_mode=True), step("override", args), step("again", args)])
    assert run.rc == 0, run
    doomed = {ids[key] for key in ("rotation_openai_overdue", "rotation_windows", "rotation_cloudflare", "rotation_hp_ilo")}
    for title in ("preview", "override"):
        deleted = [item for item in run.result(title)["results"] if item["action"] == "deleted"]
        assert {item["rotation_id"] for item in deleted} == doomed and all(item["config_index"] is None for item in deleted)
    state = mock.state()["rotations"]
    assert set(before) - set(state) == doomed, "nothing outside the scope's folder is touched"
    deletes = [entry for entry in mock.requests() if entry["method"] == "DELETE"]
    assert len(deletes) == 4 and all(entry["query"]["deleteSecrets"] == "true" for entry in deletes)
    assert run.result("again")["changed"] is False and run.result("again")["summary"]["total"] == 2


def test_deleted_removes_the_listed_rotations_and_leaves_absent_ones_alone(ansible, base):
    mock = ansible.mock
    ids = mock.ids
    config = [dict(type="stripe-api-key", name="stripe-billing", project_id=ids["project_a"], environment="dev", secret_path="/apps"),
              dict(rotation_id=ids["rotation_b"], project_id=ids["project_b"], revoke_generated_credentials=True),
              dict(name="never-was", project_id=ids["project_b"], environment="dev")]
    args = dict(base, state="deleted", type="dbt-service-token", config=config)
    run = ansible.playbook([step("preview", args, check_mode=True), step("delete", args), step("again", args)])
    assert run.rc == 0, run
    assert [item["action"] for item in run.result("preview")["results"]] == ["deleted", "deleted", "unchanged"]
    assert [item["action"] for item in run.result("delete")["results"]] == ["deleted", "deleted", "unchanged"]
    assert [item["action"] for item in run.result("again")["results"]] == ["unchanged"] * 3
    assert mock.rotation(ids["rotation_stripe_paused"]) is None and mock.rotation(ids["rotation_b"]) is None
    queries = {entry["path"].rsplit("/", 1)[1]: entry["query"] for entry in mock.requests() if entry["method"] == "DELETE"}
    assert queries == {ids["rotation_stripe_paused"]: {"deleteSecrets": "false", "revokeGeneratedCredentials": "false"},
                       ids["rotation_b"]: {"deleteSecrets": "false", "revokeGeneratedCredentials": "true"}}


def test_one_failing_rotation_does_not_stop_the_others(ansible, base):
    mock = ansible.mock
    ids = mock.ids
    mock.add_fault("PATCH", f"{ROOT}/dbt-service-token/{ids['rotation_docs']}", {"type": "status", "status": 500})
    config = [dict(rotation_id=ids[key], project_id=ids["project_a"], rotation_interval=21)
              for key in ("rotation_ci", "rotation_docs", "rotation_adhoc")]
    run = ansible.playbook([step("apply", dict(base, type="dbt-service-token", config=config, retries=0), ignore_errors=True)])
    result = run.result("apply")
    assert result["failed"] and result["changed"] is True
    assert [item["action"] for item in result["results"]] == ["updated", "failed", "updated"]
    failed = result["results"][1]
    failed_request = next(entry for entry in mock.requests() if entry["method"] == "PATCH" and ids["rotation_docs"] in entry["path"])
    assert failed["status"] == 500 and failed["request_id"] == failed_request["req_id"]
    assert result["msg"].startswith("1 of 3 rotations failed: config[1] (%s): PATCH " % ids["rotation_docs"])
    assert f"HTTP 500 InternalServerError, request id {failed_request['req_id']}" in result["msg"]
    state = mock.state()["rotations"]
    assert [state[ids[key]]["rotationInterval"] for key in ("rotation_ci", "rotation_docs", "rotation_adhoc")] == [21, 30, 21]


def test_a_rotation_listed_twice_is_refused(ansible, base):
    mock = ansible.mock
    ids = mock.ids
    same_name = [dict(name="dbt-ci", project_id=ids["project_a"], environment="dev", secret_path="/dbt/ci/", rotation_interval=3),
                 dict(name="dbt-ci", project_id=ids["project_a"].upper(), environment="dev", secret_path=" /dbt/ci")]
    id_and_name = [dict(rotation_id=ids["rotation_ci"], project_id=ids["project_a"], rotation_interval=3),
                   dict(name="dbt-ci", project_id=ids["project_a"], environment="dev", secret_path="/dbt/ci")]
    run = ansible.playbook([step("same name", dict(base, type="dbt-service-token", config=same_name), ignore_errors=True)])
    assert run.result("same name")["failed"] and api_calls(mock) == [], "refused before any request"
    assert "the same rotation is listed more than once: config[0] (dbt-ci) and config[1] (dbt-ci)" in run.result("same name")["msg"]
    run = ansible.playbook([step("id and name", dict(base, type="dbt-service-token", config=id_and_name), ignore_errors=True)])
    assert run.result("id and name")["failed"] and writes(mock) == [], "refused before any write"
    assert "one item names it by rotation_id, another by name" in run.result("id and name")["msg"]
    assert mock.rotation(ids["rotation_ci"])["rotationInterval"] == 7


@pytest.mark.parametrize("args, message", [
    (dict(state="overridden", config=[]), "state=overridden needs scope"),
    (dict(state="gathered"), "state=gathered needs scope"),
    (dict(state="overridden", scope={"project_id": "p"}), "state=overridden with an empty config would delete every rotation"),
    (dict(state="merged", scope={"project_id": "p"}, config=[{"name": "x", "project_id": "p", "environment": "dev"}]),
     "scope is used only with state=overridden or state=gathered"),
    (dict(config=[{"name": "x", "project_id": "p", "environment": "dev"}]), "config[0].type is needed"),
    (dict(config=[{"type": "nope", "name": "x", "project_id": "p", "environment": "dev"}]), "config[0].type='nope' must be one of"),
    (dict(type="postgres-credentials", config=[{"name": "x", "environment": "dev"}]), "config[0].project_id is needed"),
    (dict(type="postgres-credentials", config=[{"name": "x", "project_id": "p"}]), "config[0] names no rotation"),
    (dict(type="postgres-credentials", config=[{"name": "x", "project_id": "p", "environment": "dev", "rotation_interval": 0}]),
     "config[0].rotation_interval=0 must be 1 to 36500 (days)"),
    (dict(type="postgres-credentials", config=[{"name": "x", "project_id": "p", "environment": "dev",
                                               "parameters": {"username3": "u"}}]), "config[0].parameters"),
    (dict(type="postgres-credentials", config=[{"name": "x", "project_id": "p", "environment": "dev",
                                               "rotation_interval": True}]), "config[0].rotation_interval"),
    (dict(type="postgres-credentials", state="replaced", config=[{"name": "x", "project_id": "p", "environment": "dev",
                                                                  "parameters": {"username1": "u"}}]),
     "config[0].parameters.username2"),
])
def test_bad_input_fails_before_any_request_naming_the_option(ansible, base, args, message):
    run = ansible.playbook([step("bad", dict(base, **args), ignore_errors=True)])
    result = run.result("bad")
    assert result["failed"] and message in result["msg"], result["msg"]
    assert api_calls(ansible.mock) == []


def test_a_429_storm_converges_with_no_double_write_and_respects_every_retry_after(ansible, base):
    mock = ansible.mock
    mock.reset(seed=with_bulk_rotations(DEFAULT_SEED, 30))
    ids = mock.ids
    rotation_ids = [ids[f"bulk_{number}"] for number in range(1, 31)]
    # Answers take a tenth of a second, so that without a shared pause the other workers would go on sending.
    mock.configure(latency=0.1)
    mock.add_fault("PATCH", f"{ROOT}/dbt-service-token/.*", {"type": "rate_limit", "retry_after": 1}, count=4, every=3)
    config = [dict(rotation_id=rotation_id, project_id=ids["project_a"], rotation_interval=12) for rotation_id in rotation_ids]
    run = ansible.playbook([step("storm", dict(base, type="dbt-service-token", concurrency=8, config=config))])
    assert run.rc == 0, run
    result = run.result("storm")
    assert result["summary"]["updated"] == 30 and "retried 4 times (HTTP 429 x4)" in " ".join(result["warnings"])
    state = mock.state()["rotations"]
    assert all(state[rotation_id]["rotationInterval"] == 12 for rotation_id in rotation_ids)
    log = mock.requests()
    applied = [entry["path"] for entry in log if entry["method"] == "PATCH" and entry["handled_status"] == 200]
    assert sorted(applied) == sorted(f"{ROOT}/dbt-service-token/{rotation_id}" for rotation_id in rotation_ids), "each once"
    limited = [entry for entry in log if entry["status"] == 429]
    assert len(limited) == 4
    # A request sent before the 429 reached its worker may arrive just after the answer (longer on a loaded machine,
    # where a thread may wait a while for a core); none may arrive later inside the second the server asked for.
    in_flight = 0.25
    for entry in limited:
        inside = [other["seq"] for other in log if entry["answered"] + in_flight < other["time"] < entry["answered"] + 1.0]
        assert inside == [], f"requests {inside} were sent inside the Retry-After window of request {entry['seq']}"


def test_no_secret_in_any_output_of_a_fleet_run(ansible, base):
    # Creates with temporary passwords and rotations whose generated credentials the mock knows, at -vvvv --diff,
    # in check mode, in a real run and in a failing one; the runner scans every output for every secret.
    mock = ansible.mock
    config = [dict(settings(mock, slug), name=f"leak-{index}") for index, slug in
              enumerate(("unix-linux-local-account", "windows-local-account", "postgres-credentials", "aws-iam-user-secret"))]
    env = {"TEMPORARY_PASSWORD": TEMPORARY_PASSWORD}
    run = ansible.playbook([step("preview", dict(base, config=config), check_mode=True),
                            step("create", dict(base, config=config)),
                            step("gather", dict(base, state="gathered", scope={"project_id": mock.ids["project_a"]})),
                            step("refused", dict(base, config=[dict(config[0], name="leak-0-again")]), ignore_errors=True)],
                           env=env, secrets=[TEMPORARY_PASSWORD])
    assert run.rc == 0, run
    assert run.result("create")["summary"]["created"] == 4
    assert run.result("refused")["failed"]
    received = [entry["body"] for entry in mock.requests() if entry["method"] == "POST" and "temporaryParameters" in (entry["body"] or {})]
    assert len(received) == 3 and TEMPORARY_PASSWORD in mock.secrets(), "the mock saw the passwords the scan looks for"
