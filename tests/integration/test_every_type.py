# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Every rotation type through real ansible-playbook runs of the generic modules against the mock: create by name,
an unchanged re-run with no write, one parameter changed (one PATCH carrying the whole parameters), check mode and
diff writing nothing, a rotation, info, and deletion; three invalid values refused before any request. Each run is
scanned for every secret the mock knows, temporary passwords and generated credentials included.

The valid parameters and the type-specific invalid value come from the mock's own tables (tests/mock_infisical),
spelled in snake_case here: the test never reads the collection's registry.
"""

from __future__ import annotations

import re

import pytest

from mock_infisical.rotation_types import SLUGS, TYPES
from test_mock_server import INVALID_PARAMETERS, VALID_PARAMETERS

ROOT = "/api/v2/secret-rotations"
TEMPORARY_PASSWORD = "Curr3nt-Target-Passw0rd-6f1e"
# The parameter each type's run changes: (option name, new value), or None where every parameter is one Infisical
# does not let change (then the change is refused before any write, and that is what the run checks).
CHANGE = {
    "postgres-credentials": ("username2", "app_3"), "mssql-credentials": ("username2", "app_3"),
    "mysql-credentials": ("username2", "app_3"), "oracledb-credentials": ("username2", "APP_3"),
    "auth0-client-secret": ("client_id", "auth0-client-2"), "azure-client-secret": ("client_id", "0a1b2c3d-0000-4000-8000-00000000cccc"),
    "aws-iam-user-secret": ("user_name", "ci-user-2"),
    "ldap-password": ("password_requirements", {"length": 24, "required": {"digits": 1, "lowercase": 1, "uppercase": 1, "symbols": 1}}),
    "okta-client-secret": ("client_id", "0oa9z8y7"), "redis-credentials": ("permission_scope", "~* +@all"),
    "mongodb-credentials": ("username2", "app_3"), "databricks-service-principal-secret": ("client_id", "databricks-client-2"),
    "unix-linux-local-account": ("use_sudo", True), "dbt-service-token": ("token_name", "renamed-token"),
    "windows-local-account": ("password_requirements", {"length": 24, "required": {"digits": 1, "lowercase": 1, "uppercase": 1, "symbols": 0}}),
    "open-router-api-key": ("name", "batch-key-2"), "litellm-api-key": ("name", "proxy-key-2"),
    "openai-service-account": ("name", "batch-2"), "hp-ilo-local-account": ("ssl_reject_unauthorized", False),
    "supabase-api-key": None, "salesforce-oauth-credentials": ("app_name", "Infisical 2"),
    "datadog-application-key-secret": None, "datadog-api-key": ("name", "ingest-2"),
    "convex-access-key": ("name_prefix", "infisical-2"), "fireworks-api-key": ("service_account_user_id", "svc_user-2"),
    "snowflake-user-key-pair": ("modulus_length", 2048), "cloudflare-api-token": ("name", "dns-2"),
    "cloudflare-r2-access-key": ("access_level", "object-read-write"), "stripe-api-key": ("key_name", "billing"),
    "gcp-service-account-key": None,
}
# For the types whose parameters are all immutable: one to try to change.
IMMUTABLE_TRY = {"supabase-api-key": ("key_type", "publishable"), "datadog-application-key-secret":
                 ("service_account_id", "00000000-aaaa-4000-8000-000000000002"),
                 "gcp-service-account-key": ("service_account_email", "other@project-1.iam.gserviceaccount.com")}


def snake_key(key):
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", key).lower()


def snake(value):
    """API spelling -> option spelling, keys only, at any depth; Infisical's {{templates}} kept from Ansible's own."""
    if isinstance(value, dict):
        return {snake_key(key): snake(item) for key, item in value.items()}
    if isinstance(value, list):
        return [snake(item) for item in value]
    if isinstance(value, str) and "{{" in value:
        return "{% raw %}" + value + "{% endraw %}"
    return value


def connection_of(mock, slug):
    return mock.ids["connection_%s_a" % TYPES[slug]["app"].replace("-", "_")]


def where(mock, slug):
    return dict(name="t-" + slug[:40], project_id=mock.ids["project_a"], environment="dev", secret_path="/")


def settings(mock, slug, **parameter_changes):
    parameters = {key: value for key, value in snake(VALID_PARAMETERS[slug]).items() if value is not None}
    parameters.update(parameter_changes)
    args = dict(where(mock, slug), type=slug, connection_id=connection_of(mock, slug), rotation_interval=30,
                parameters=parameters,
                secrets_mapping={snake_key(key): f"T_{slug[:20].upper().replace('-', '_')}_{key.upper()}"
                                 for key in TYPES[slug]["secrets_mapping"]})
    if TYPES[slug]["temporary_parameters"] is not None and slug != "ldap-password":
        # From the environment, as from a vault: a failing task's error quotes the playbook's own lines.
        args["temporary_parameters"] = {"password": "{{ lookup('ansible.builtin.env', 'TEMPORARY_PASSWORD') }}"}
    return args


def invalid_values(slug):
    """Three values the collection must refuse before any request: an unknown key, the type's own rule, a wrong type."""
    valid = {key: value for key, value in snake(VALID_PARAMETERS[slug]).items() if value is not None}
    changes, *_rest = INVALID_PARAMETERS[slug]
    required = next(snake_key(key) for key, field in TYPES[slug]["parameters"].items() if field.get("required"))
    return [dict(valid, not_a_parameter=1), dict(valid, **snake(changes)), dict(valid, **{required: [["a list"]]})]


def connection(ansible):
    return ansible.connection(auth_method="token_auth")


def step(title, module, args, **extra):
    return dict({"name": title, f"infisical.secret_rotation.{module}": args}, **extra)


def writes(mock):
    return [(entry["method"], entry["path"]) for entry in mock.requests()
            if entry["method"] != "GET" and "/auth/" not in entry["path"]]


@pytest.mark.parametrize("slug", SLUGS)
def test_a_type_through_its_whole_life(ansible, slug):
    mock = ansible.mock
    base = connection(ansible)
    valid = settings(mock, slug)
    change = CHANGE[slug] or IMMUTABLE_TRY[slug]
    changed = dict(valid, parameters={change[0]: change[1]}, temporary_parameters=None)
    tasks = [step(f"invalid {index}", "rotation", dict(base, **dict(valid, parameters=parameters)), ignore_errors=True)
             for index, parameters in enumerate(invalid_values(slug))]
    tasks += [
        step("create", "rotation", dict(base, **valid)),
        step("again", "rotation", dict(base, **valid)),
        step("preview", "rotation", dict(base, **changed), check_mode=True, diff=True, ignore_errors=True),
        step("change", "rotation", dict(base, **changed), ignore_errors=CHANGE[slug] is None),
        step("rotate", "rotate", dict(base, type=slug, **where(mock, slug))),
        step("info", "rotation_info", dict(base, type=slug, **where(mock, slug))),
        step("delete", "rotation", dict(base, type=slug, state="absent", delete_secrets=True, **where(mock, slug))),
    ]
    run = ansible.playbook(tasks, secrets=[TEMPORARY_PASSWORD], env={"TEMPORARY_PASSWORD": TEMPORARY_PASSWORD})
    assert run.rc == 0, run

    for index in range(3):
        assert run.result(f"invalid {index}")["failed"], (slug, index)
    created = run.result("create")
    assert created["changed"] is True and created["rotation"]["type"] == slug
    assert run.result("again")["changed"] is False
    rotation_id = created["rotation"]["id"]
    item = f"{ROOT}/{slug}/{rotation_id}"
    if CHANGE[slug]:
        assert run.result("preview")["changed"] is True and run.result("preview")["diff"]["after"]["parameters"][change[0]] == change[1]
        assert run.result("change")["changed"] is True
        assert run.result("change")["rotation"]["parameters"][change[0]] == change[1]
        expected_writes = [("POST", f"{ROOT}/{slug}"), ("PATCH", item), ("POST", f"{item}/rotate-secrets"), ("DELETE", item)]
    else:
        assert "Infisical does not let these change on an existing rotation" in run.result("change")["msg"]
        assert run.result("preview")["failed"]
        expected_writes = [("POST", f"{ROOT}/{slug}"), ("POST", f"{item}/rotate-secrets"), ("DELETE", item)]
    assert writes(mock) == expected_writes, writes(mock)
    patches = [entry for entry in mock.requests() if entry["method"] == "PATCH"]
    if patches:
        (patch,) = patches
        assert set(patch["body"]) == {"parameters"} and set(patch["body"]["parameters"]) >= set(VALID_PARAMETERS[slug]) - {
            key for key, value in VALID_PARAMETERS[slug].items() if value is None}, "the whole parameters object"
    assert run.result("rotate")["rotated"] is True
    (info,) = run.result("info")["rotations"]
    assert info["id"] == rotation_id and info["health"] == "ok" and info["active_index"] == 1
    assert run.result("delete")["changed"] is True and mock.rotation(rotation_id) is None
    create_body = next(entry for entry in mock.requests() if entry["method"] == "POST" and entry["path"] == f"{ROOT}/{slug}")["body"]
    assert "temporaryParameters" not in create_body or create_body["temporaryParameters"] == {"password": "REDACTED"}
