# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""API <-> option mapping, normalisation, comparison and the option rules."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone

import pytest

from ansible_collections.infisical.secret_rotation.plugins.module_utils._options import (
    CONNECTION_SPEC,
    REFERENCE_SPEC,
    SETTINGS_SPEC,
    option_errors,
    parse_duration,
    typed_errors,
)
from ansible_collections.infisical.secret_rotation.plugins.module_utils._rotation import (
    CREATE_DEFAULTS,
    api_name,
    changed_settings,
    creation_gaps,
    desired_settings,
    diff_view,
    identity_conflicts,
    option_name,
    option_path,
    parse_timestamp,
    rotation_from_api,
    settings_to_api,
)

from ansible_collections.infisical.secret_rotation.plugins.module_utils._types import DBT_PERMISSION_SETS as PERMISSION_SETS, TYPES

DBT = TYPES["dbt-service-token"]
FIXTURES = os.path.join(os.path.dirname(__file__), "..", "..", "fixtures")


@pytest.fixture
def api_rotation():
    with open(os.path.join(FIXTURES, "get-by-id.json"), encoding="utf-8") as handle:
        return json.load(handle)["secretRotation"]


def test_names_translate_both_ways():
    assert option_name("rotationInterval") == "rotation_interval"
    assert option_name("isAutoRotationEnabled") == "auto_rotation_enabled"
    assert option_name("clientSecret") == "universal_auth_client_secret"
    assert api_name("rotation_interval") == "rotationInterval"
    assert api_name("auto_rotation_enabled") == "isAutoRotationEnabled"
    assert api_name("secrets_mapping") == "secretsMapping" and api_name("name") == "name"
    assert option_path(["parameters", "permissionGrants", 1, "projectId"]) == "parameters.permission_grants[1].project_id"


def test_rotation_from_api_is_a_whitelist(api_rotation):
    api_rotation["encryptedGeneratedCredentials"] = "c2VjcmV0"
    api_rotation["generatedCredentials"] = [{"serviceToken": "dbtu_live_token"}]
    api_rotation["parameters"]["serviceToken"] = "dbtu_live_token"
    result = rotation_from_api(api_rotation, DBT)
    assert "dbtu_live_token" not in json.dumps(result) and "c2VjcmV0" not in json.dumps(result)
    assert set(result["parameters"]) == {"token_name", "permission_grants"}


def test_rotation_from_api_normalises(api_rotation):
    api_rotation["folder"]["path"] = "/dbt/"
    api_rotation["rotationInterval"] = 30.0
    api_rotation["description"] = ""
    result = rotation_from_api(api_rotation, DBT)
    assert result["secret_path"] == "/dbt" and result["rotation_interval"] == 30 and result["description"] is None
    assert isinstance(result["rotation_interval"], int)


def test_grants_compare_as_a_set_and_null_project_means_left_out(api_rotation):
    current = rotation_from_api(api_rotation, DBT)
    params = {"parameters": {"token_name": None, "permission_grants": [
        {"permission_set": "job_admin", "project_id": 111}, {"permission_set": "account_viewer", "project_id": None},
        {"permission_set": "job_admin", "project_id": 111}]}}
    assert changed_settings(desired_settings(params, DBT, current), current) == []


def test_unset_options_are_not_managed(api_rotation):
    current = rotation_from_api(api_rotation, DBT)
    assert desired_settings({"description": None, "rotation_interval": None, "parameters": None}, DBT, current) == {}


def test_partial_parameters_keep_the_rest(api_rotation):
    current = rotation_from_api(api_rotation, DBT)
    desired = desired_settings({"parameters": {"token_name": "renamed", "permission_grants": None}}, DBT, current)
    assert changed_settings(desired, current) == ["parameters"]
    assert settings_to_api({"parameters": desired["parameters"]}, DBT) == {"parameters": {
        "tokenName": "renamed",
        "permissionGrants": [{"permissionSet": "account_viewer"}, {"permissionSet": "job_admin", "projectId": 111}]}}


def test_partial_rotate_at_utc_keeps_the_rest(api_rotation):
    current = rotation_from_api(api_rotation, DBT)
    desired = desired_settings({"rotate_at_utc": {"hours": 4, "minutes": None}}, DBT, current)
    assert desired["rotate_at_utc"] == {"hours": 4, "minutes": 15}
    assert desired_settings({"rotate_at_utc": {"hours": 4, "minutes": None}}, DBT, CREATE_DEFAULTS)["rotate_at_utc"] == {
        "hours": 4, "minutes": 0}


def test_empty_description_means_none_and_is_sent_as_null(api_rotation):
    current = rotation_from_api(api_rotation, DBT)
    desired = desired_settings({"description": ""}, DBT, current)
    assert changed_settings(desired, current) == ["description"]
    assert settings_to_api(desired, DBT) == {"description": None}
    current["description"] = None
    assert changed_settings(desired, current) == []


def test_strings_compare_as_infisical_stores_them(api_rotation):
    # Infisical trims with JavaScript's trim: a folded YAML block's final newline is no change.
    current = rotation_from_api(api_rotation, DBT)
    params = {"description": current["description"] + "\n", "environment": " dev",
              "parameters": {"token_name": "\u3000" + current["parameters"]["token_name"], "permission_grants": None},
              "secrets_mapping": {"service_token": current["secrets_mapping"]["service_token"] + "\ufeff"}}
    desired = desired_settings(params, DBT, current)
    assert changed_settings(desired, current) == [] and identity_conflicts(params, current) == []
    # Not trimmed by JavaScript, so not by us: U+0085 and U+001F are part of the value.
    assert changed_settings(desired_settings({"description": current["description"] + "\x85"}, DBT, current), current) == [
        "description"]
    assert desired_settings({"description": " \t "}, DBT, current) == {"description": None}


def test_settings_to_api_spells_every_option():
    settings = {"name": "n", "description": "d", "auto_rotation_enabled": False, "rotation_interval": 7,
                "rotate_at_utc": {"hours": 1, "minutes": 2}, "secrets_mapping": {"service_token": "S"},
                "project_id": "p", "environment": "dev", "secret_path": "/x", "connection_id": "c"}
    assert settings_to_api(settings, DBT) == {"name": "n", "description": "d", "isAutoRotationEnabled": False,
                                              "rotationInterval": 7, "rotateAtUtc": {"hours": 1, "minutes": 2},
                                              "secretsMapping": {"serviceToken": "S"}, "projectId": "p",
                                              "environment": "dev", "secretPath": "/x", "connectionId": "c"}


def test_identity_conflicts_only_for_given_fields(api_rotation):
    current = rotation_from_api(api_rotation, DBT)
    assert identity_conflicts({"secret_path": "/dbt/", "environment": None}, current) == []
    assert identity_conflicts({"environment": "prod", "connection_id": current["connection_id"]}, current) == [
        "environment is 'dev', not 'prod'"]


def test_creation_gaps_name_what_is_missing():
    assert creation_gaps({"parameters": {"token_name": "t", "permission_grants": None}}, DBT) == [
        "connection_id", "rotation_interval", "parameters.permission_grants", "secrets_mapping"]


def test_diff_view_shows_only_the_given_keys():
    assert diff_view(["a"], {"a": 1, "b": 2}, {"a": 3}) == {"before": {"a": 1}, "after": {"a": 3}}
    assert diff_view(["a"], None, {"a": 3}) == {"before": {}, "after": {"a": 3}}


@pytest.mark.parametrize("text, expected", [
    ("2026-11-23T05:37:11.080Z", datetime(2026, 11, 23, 5, 37, 11, 80000, tzinfo=timezone.utc)),
    ("2026-11-23T05:37:11Z", datetime(2026, 11, 23, 5, 37, 11, tzinfo=timezone.utc)),
    ("2026-11-23T07:37:11.5+02:00", datetime(2026, 11, 23, 5, 37, 11, 500000, tzinfo=timezone.utc)),
    (None, None),
])
def test_parse_timestamp(text, expected):
    assert parse_timestamp(text) == expected


@pytest.mark.parametrize("text, seconds", [("90", 90), ("90s", 90), ("30m", 1800), ("12h", 43200), ("7d", 604800),
                                           ("2w", 1209600), ("1d12h", 129600), (" 1H ", 3600), ("0", 0)])
def test_parse_duration(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "1y", "-5m", "1.5h", "h", "5 minutes"])
def test_parse_duration_rejects(text):
    assert parse_duration(text) is None


SPEC = dict(CONNECTION_SPEC, **REFERENCE_SPEC, **SETTINGS_SPEC,
            skip_if_rotated_within={"type": "str"})


def base_params(**extra):
    params = {"url": "https://app.infisical.com", "auth_method": "token_auth", "token": "t", "timeout": 30, "retries": 5}
    params.update(extra)
    return params


@pytest.mark.parametrize("extra, message", [
    ({"connection_id": "1234"}, "connection_id='1234' must be a UUID"),
    ({"name": "a" * 65}, "must be 1-64 characters of lowercase letters, digits and single hyphens"),
    ({"name": "under_score"}, "name='under_score' must be 1-64"),
    # Infisical's slug check is slugify(value) === value: no leading, trailing or double hyphen.
    ({"name": "dbt--ci"}, "name='dbt--ci' must be 1-64"),
    ({"name": "-dbt"}, "name='-dbt' must be 1-64"),
    ({"name": "dbt-"}, "name='dbt-' must be 1-64"),
    ({"description": "d" * 257}, "description='ddd"),
    # Infisical counts UTF-16 code units, as JavaScript does: an emoji is 2.
    ({"description": "\U0001F511" * 129}, "must be at most 256 characters"),
    ({"rotation_interval": 0}, "rotation_interval=0 must be 1 to 36500 (days)"),
    ({"rotate_at_utc": {"hours": 24, "minutes": 0}}, "rotate_at_utc.hours=24 must be an hour from 0 to 23"),
    ({"rotate_at_utc": {"hours": 0, "minutes": -1}}, "rotate_at_utc.minutes=-1 must be a minute from 0 to 59"),
    ({"parameters": {"token_name": "", "permission_grants": None}}, "parameters.token_name='' must be 1-255 characters"),
    ({"parameters": {"token_name": "t" * 256, "permission_grants": None}}, "must be 1-255 characters"),
    ({"parameters": {"token_name": None, "permission_grants": []}}, "parameters.permission_grants=[] must hold at least one grant"),
    ({"parameters": {"permission_grants": [{"permission_set": "admin", "project_id": 0}]}},
     "parameters.permission_grants[0].project_id=0 must be a positive dbt project id"),
    ({"secrets_mapping": {"service_token": ""}}, "secrets_mapping.service_token='' must be a secret name"),
    ({"secrets_mapping": {"service_token": "A/B"}}, "without ':' or '/'"),
    ({"environment": "e" * 65}, "must be an environment slug: 1-64 characters"),
    ({"environment": "Prod"}, "environment='Prod' must be an environment slug"),
    ({"parameters": {"token_name": " \u3000\ufeff", "permission_grants": None}}, "must be 1-255 characters"),
    ({"secrets_mapping": {"service_token": "\n\xa0"}}, "must be a secret name"),
    ({"project_id": " "}, "project_id=' ' must not be empty"),
    ({"secret_path": "/dbt//"}, "secret_path='/dbt//' must be an absolute folder path: starting with /, no empty folder name"),
    ({"skip_if_rotated_within": "soon"}, "skip_if_rotated_within='soon' must be a duration"),
])
def test_option_rules(extra, message):
    params = base_params(**extra)
    errors = option_errors(params, SPEC) + typed_errors(params, TYPES["dbt-service-token"])
    assert len(errors) == 1 and message in errors[0]


def test_option_rules_accept_good_values():
    good = base_params(rotation_id="85b61342-a604-4e28-b81e-e32a498f1ed4", name="dbt-ci-2",
                       description="\U0001F511" * 128 + "\n",
                       rotation_interval=1, rotate_at_utc={"hours": 23, "minutes": 59}, environment="dev",
                       parameters={"token_name": " " + "t" * 255 + " ", "permission_grants": [
                           {"permission_set": PERMISSION_SETS[-1], "project_id": 1}]},
                       secrets_mapping={"service_token": "DBT_TOKEN"}, skip_if_rotated_within="1d12h")
    assert option_errors(good, SPEC) + typed_errors(good, TYPES["dbt-service-token"]) == []
    assert len(PERMISSION_SETS) == 28
