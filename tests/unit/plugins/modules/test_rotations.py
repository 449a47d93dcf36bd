# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The fleet module against a scripted server: the cases a listing can hold that the mock's seed does not."""

from __future__ import annotations

import json

import pytest

from ansible_collections.infisical.secret_rotation.plugins.modules import rotations

from ..module_utils.test_client import ACCESS_TOKEN, infisical_error
from ...conftest import run_module
from .test_every_type import BASE, PG, PROJECT_ID, ROTATION_ID, TEMPORARY_PASSWORD, answer, api_rotation, calls

OTHER_ID = "85b61342-a604-4e28-b81e-e32a498f1e99"
UNIX = "unix-linux-local-account"


def listing(*rotations_listed):
    return {"body": {"secretRotations": list(rotations_listed)}}


def unix_rotation(**changes):
    return api_rotation(UNIX, **dict({"parameters": {"username": "backup", "rotationMethod": "login-as-target", "useSudo": False},
                                      "id": OTHER_ID, "name": "backup-user"}, **changes))


@pytest.fixture
def args(server):
    return {"url": server.url, "auth_method": "token_auth", "token": ACCESS_TOKEN, "concurrency": 1}


def run(args, check_mode=False, diff=False):
    return run_module(rotations.main, dict(args, _ansible_check_mode=check_mode, _ansible_diff=diff))


def item(**options):
    return dict({"type": "postgres-credentials", "project_id": PROJECT_ID}, **options)


def test_an_item_whose_rotation_is_of_another_type_fails_alone(server, args):
    server.script(listing(api_rotation(), unix_rotation()), answer(unix_rotation()))
    result = run(dict(args, config=[item(rotation_id=ROTATION_ID, rotation_interval=9, type=UNIX),
                                    item(rotation_id=OTHER_ID, type=UNIX, parameters={"use_sudo": True})]))
    assert result["failed"] and [entry["action"] for entry in result["results"]] == ["failed", "updated"]
    assert result["results"][0]["msg"] == ("it is a postgres-credentials rotation, not unix-linux-local-account: the type"
                                           " of a rotation cannot change")
    assert calls(server) == [("GET", BASE), ("PATCH", f"{BASE}/{UNIX}/{OTHER_ID}")]


def test_an_id_the_project_does_not_hold_is_not_created(server, args):
    server.script(listing())
    result = run(dict(args, config=[item(rotation_id=ROTATION_ID, rotation_interval=9)]))
    assert result["failed"] and result["results"][0]["msg"] == (
        f"project {PROJECT_ID} has no rotation with rotation_id {ROTATION_ID}; to create one, identify it by name")
    assert calls(server) == [("GET", BASE)]


def test_a_missing_rotation_without_what_a_create_needs_fails_naming_it(server, args):
    server.script(listing())
    result = run(dict(args, type=UNIX, config=[item(type=None, name="backup-user", environment="prod",
                                                    parameters={"username": "backup", "rotation_method": "login-as-target"})]))
    assert result["failed"] and calls(server) == [("GET", BASE)]
    message = result["results"][0]["msg"]
    assert message.startswith("it does not exist; to create it give connection_id, rotation_interval, secrets_mapping")
    assert "temporary_parameters (" in message


def test_immutable_parameters_and_identity_fail_their_item_only(server, args):
    third = "85b61342-a604-4e28-b81e-e32a498f1e98"
    server.script(listing(api_rotation(), unix_rotation(), api_rotation(id=third, name="other-db")),
                  answer(api_rotation(rotationInterval=9)))
    result = run(dict(args, config=[item(rotation_id=ROTATION_ID, rotation_interval=9),
                                    item(type=UNIX, rotation_id=OTHER_ID, parameters={"username": "root"}),
                                    item(rotation_id=third.upper(), environment="prod")]))
    assert [entry["action"] for entry in result["results"]] == ["updated", "failed", "failed"]
    assert "parameters.username is 'backup', not 'root'" in result["results"][1]["msg"]
    assert "environment is 'dev', not 'prod'" in result["results"][2]["msg"]
    assert result["msg"].startswith("2 of 3 rotations failed: config[1] (%s): Infisical does not let" % OTHER_ID)


def test_a_lost_create_answer_is_looked_up_not_repeated(server, args):
    created = api_rotation(id=OTHER_ID, name="new-db")
    server.script(listing(), {"status": 502, "body": b"<html>bad gateway</html>"}, answer(created))
    config = [item(name="new-db", environment="dev", secret_path="/dbt", connection_id=ROTATION_ID, rotation_interval=30,
                   parameters={"username1": "a", "username2": "b"}, secrets_mapping={"username": "U", "password": "P"})]
    result = run(dict(args, config=config))
    assert result["changed"] is True and result["results"][0]["action"] == "created"
    assert result["results"][0]["rotation_id"] == OTHER_ID
    assert calls(server) == [("GET", BASE), ("POST", PG), ("GET", f"{PG}/rotation-name/new-db")]
    assert "the answer to the create request was lost" in result["warnings"][0]


def test_overridden_refuses_a_scope_holding_types_it_cannot_list(server, args):
    server.script(listing(api_rotation(), api_rotation("quantum-key", id=OTHER_ID, name="q")))
    result = run(dict(args, state="overridden", scope={"project_id": PROJECT_ID},
                      config=[item(rotation_id=ROTATION_ID, rotation_interval=30)]))
    assert result["failed"] and "types this collection does not know (quantum-key)" in result["msg"]
    assert calls(server) == [("GET", BASE)]


def test_gathered_keeps_a_type_it_does_not_know_without_parameters_and_warns(server, args):
    server.script(listing(api_rotation(), api_rotation("quantum-key", id=OTHER_ID, name="q", environment={"slug": "prod"})))
    result = run(dict(args, state="gathered", scope={"project_id": PROJECT_ID.upper()}))
    known, unknown = result["gathered"]
    assert known["parameters"]["username1"] == "orders_a" and known["health"] == "ok"
    assert unknown["type"] == "quantum-key" and "parameters" not in unknown
    assert "quantum-key" in result["warnings"][0] and result["summary"]["total"] == 2
    server.script(listing(api_rotation(), api_rotation("quantum-key", id=OTHER_ID, name="q", environment={"slug": "prod"})))
    result = run(dict(args, state="gathered", scope={"project_id": PROJECT_ID, "environment": "prod"}))
    assert [entry["name"] for entry in result["gathered"]] == ["q"]


def test_check_mode_predicts_a_failed_create_in_a_folder_that_does_not_exist(server, args):
    server.script(listing(), infisical_error(400, f'Could not find folder with path "/nowhere" in environment "dev" for project with ID "{PROJECT_ID}"'))
    config = [item(name="new-db", environment="dev", secret_path="/nowhere", connection_id=ROTATION_ID, rotation_interval=30,
                   parameters={"username1": "a", "username2": "b"}, secrets_mapping={"username": "U", "password": "P"})]
    result = run(dict(args, config=config), check_mode=True)
    assert result["failed"] and result["results"][0]["action"] == "failed" and result["results"][0]["status"] == 400
    assert "(check environment 'dev' and secret_path '/nowhere': the folder must exist)" in result["msg"]


def test_check_mode_and_diff_show_no_temporary_password(server, args):
    server.script(listing(), infisical_error(404, "Rotation not found", "NotFound"))
    config = [item(type=UNIX, name="backup-user", environment="prod", connection_id=ROTATION_ID, rotation_interval=30,
                   parameters={"username": "backup"}, secrets_mapping={"username": "U", "password": "P"},
                   temporary_parameters={"password": TEMPORARY_PASSWORD})]
    result = run(dict(args, config=config), check_mode=True, diff=True)
    assert result["changed"] is True and result["results"][0]["action"] == "created"
    assert TEMPORARY_PASSWORD not in json.dumps(result)
    (diff,) = result["diff"]
    assert diff["before"] == {} and diff["after"]["parameters"]["username"] == "backup"
    assert diff["before_header"] == "config[0] (backup-user)"
    assert [request["method"] for request in server.requests] == ["GET", "GET"], "check mode writes nothing"


def test_a_listing_member_that_is_not_a_rotation_fails_the_task_before_any_write(server, args):
    server.script(listing(api_rotation(), {"id": OTHER_ID}))
    result = run(dict(args, config=[item(rotation_id=ROTATION_ID, rotation_interval=9)]))
    assert result["failed"] and "secretRotations[1].name is missing" in result["msg"]
    assert calls(server) == [("GET", BASE)]


def test_each_project_is_listed_once_whatever_the_number_of_items(server, args):
    server.script(listing(*(api_rotation(id=f"85b61342-a604-4e28-b81e-e32a498f{index:04d}", name=f"db-{index}")
                            for index in range(50))))
    config = [item(name=f"db-{index}", environment="dev", secret_path="/dbt", rotation_interval=30) for index in range(50)]
    result = run(dict(args, config=config))
    assert result["summary"] == {"created": 0, "updated": 0, "deleted": 0, "unchanged": 50, "failed": 0, "total": 50}
    assert calls(server) == [("GET", BASE)] and server.requests[0]["path"] == f"{BASE}?projectId={PROJECT_ID}"


def test_an_item_by_id_alone_is_found_in_a_listing_or_read_by_its_id(server, args):
    # The first item's project is listed for the second item; the third's project is not: one GET by id.
    third = "85b61342-a604-4e28-b81e-e32a498f1e98"
    server.script(listing(api_rotation(), unix_rotation()), answer(api_rotation(id=third, name="far-db", projectId="p-far")),
                  answer(api_rotation(id=third, name="far-db", projectId="p-far", rotationInterval=9)))
    result = run(dict(args, config=[item(rotation_id=ROTATION_ID, project_id=None, rotation_interval=30),
                                    item(type=UNIX, name="backup-user", environment="dev", secret_path="/dbt"),
                                    item(rotation_id=third, project_id=None, rotation_interval=9)]))
    assert [entry["action"] for entry in result["results"]] == ["unchanged", "unchanged", "updated"]
    assert result["results"][2]["project_id"] == "p-far"
    assert calls(server) == [("GET", BASE), ("GET", f"{PG}/{third}"), ("PATCH", f"{PG}/{third}")]


def test_an_item_marked_absent_is_deleted_in_any_state(server, args):
    server.script(listing(api_rotation(), unix_rotation()), {"body": {"secretRotation": unix_rotation()}})
    result = run(dict(args, state="replaced", config=[item(rotation_id=ROTATION_ID, rotation_interval=30, parameters={
        "username1": "orders_a", "username2": "orders_b", "password_requirements": {
            "length": 32, "required": {"digits": 2, "lowercase": 2, "uppercase": 2, "symbols": 0}}},
        description="dbt CI service token", rotate_at_utc={"hours": 3, "minutes": 15}),
        item(type=UNIX, rotation_id=OTHER_ID, state="absent")]))
    assert [entry["action"] for entry in result["results"]] == ["unchanged", "deleted"]
    assert calls(server) == [("GET", BASE), ("DELETE", f"{BASE}/{UNIX}/{OTHER_ID}")]
    result = run(dict(args, state="deleted", config=[item(rotation_id=ROTATION_ID, state="present")]))
    assert result["failed"] and "config[0].state=present contradicts state=deleted" in result["msg"]


@pytest.mark.parametrize("full_results", [False, True])
def test_unchanged_rotations_are_named_and_returned_whole_only_when_asked(server, args, full_results):
    server.script(listing(api_rotation(), unix_rotation()), answer(unix_rotation(parameters={
        "username": "backup", "rotationMethod": "login-as-target", "useSudo": True})))
    result = run(dict(args, full_results=full_results, config=[item(rotation_id=ROTATION_ID, rotation_interval=30),
                                                               item(type=UNIX, rotation_id=OTHER_ID, parameters={"use_sudo": True})]))
    unchanged, updated = result["results"]
    assert {key: unchanged[key] for key in ("action", "rotation_id", "name", "environment", "secret_path", "type")} == {
        "action": "unchanged", "rotation_id": ROTATION_ID, "name": "orders-db", "environment": "dev", "secret_path": "/dbt",
        "type": "postgres-credentials"}
    assert (unchanged["rotation"] is not None) is full_results
    if full_results:
        assert unchanged["rotation"]["parameters"]["username1"] == "orders_a"
    assert updated["rotation"]["parameters"]["use_sudo"] is True and updated["changed_settings"] == ["parameters"]
