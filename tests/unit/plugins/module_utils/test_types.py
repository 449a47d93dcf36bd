# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The type registry is data the engine understands: every key and rule kind it uses is one ``_schema`` knows,
every reference inside an entry points at a field that exists, and each entry says where it was read."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from ansible_collections.infisical.secret_rotation.plugins.module_utils import _schema
from ansible_collections.infisical.secret_rotation.plugins.module_utils._types import TYPES

ENTRY_KEYS = {"slug", "name", "app", "sources", "versions", "parameters", "secrets_mapping", "temporary_parameters",
              "create_rules", "generated_credentials", "secret_generated_credentials", "extra_routes",
              "immutable_parameters", "notes"}
FIELD_KEYS = {"type", "required", "nullable", "default", "trim", "min", "max", "exclusive_min", "enum", "pattern",
              "pattern_message", "patterns", "not_one_of", "ignore_case", "uuid", "url", "email", "format", "secret_name",
              "template", "json_object", "secret", "fields", "values", "items", "set", "unique", "unique_by", "rules",
              "option", "rule", "description"}
RULE_KINDS = {"any_positive", "sum_at_most", "required_if", "forbidden_unless", "one_of_required"}
TYPES_OF_FIELDS = {"string", "number", "integer", "boolean", "object", "array", "any"}
# The newest SecretRotation enum of Infisical (ee/services/secret-rotation-v2/secret-rotation-v2-enums.ts@1995e180).
NEWEST_ENUM = {
    "postgres-credentials", "mssql-credentials", "mysql-credentials", "oracledb-credentials", "auth0-client-secret",
    "azure-client-secret", "aws-iam-user-secret", "ldap-password", "okta-client-secret", "redis-credentials",
    "mongodb-credentials", "databricks-service-principal-secret", "unix-linux-local-account", "dbt-service-token",
    "windows-local-account", "open-router-api-key", "litellm-api-key", "openai-service-account", "hp-ilo-local-account",
    "supabase-api-key", "salesforce-oauth-credentials", "datadog-application-key-secret", "datadog-api-key",
    "convex-access-key", "fireworks-api-key", "snowflake-user-key-pair", "cloudflare-api-token", "cloudflare-r2-access-key",
    "stripe-api-key", "gcp-service-account-key",
}


def fields_of(spec, where):
    """(where, field spec) for a spec and everything inside it."""
    yield where, spec
    for key, field in (spec.get("fields") or {}).items():
        yield from fields_of(field, f"{where}.{key}")
    for inner in ("items", "values"):
        if isinstance(spec.get(inner), dict):
            yield from fields_of(spec[inner], f"{where}[]")


def all_fields(entry):
    for key in ("parameters", "secrets_mapping", "temporary_parameters"):
        if entry[key] is not None:
            yield from fields_of(entry[key], f"{entry['slug']}.{key}")


def test_the_registry_covers_the_newest_enum():
    assert set(TYPES) == NEWEST_ENUM
    assert all(slug == entry["slug"] for slug, entry in TYPES.items())


@pytest.mark.parametrize("slug", sorted(TYPES))
def test_each_entry_is_complete_and_says_where_it_was_read(slug):
    entry = TYPES[slug]
    assert set(entry) == ENTRY_KEYS
    assert entry["sources"] and all("@" in source for source in entry["sources"])
    assert entry["parameters"]["type"] == "object" and entry["secrets_mapping"]["type"] == "object"
    assert entry["secrets_mapping"]["fields"] and all(field.get("secret_name") for field in entry["secrets_mapping"]["fields"].values())
    assert set(entry["secret_generated_credentials"]) <= set(entry["generated_credentials"])
    assert set(entry["extra_routes"]) <= {"reconcile"}
    assert set(entry["immutable_parameters"]) <= set(entry["parameters"]["fields"])


@pytest.mark.parametrize("slug", sorted(TYPES))
def test_every_key_and_rule_is_one_the_engine_knows(slug):
    for where, field in all_fields(TYPES[slug]):
        assert set(field) <= FIELD_KEYS, (where, set(field) - FIELD_KEYS)
        assert field["type"] in TYPES_OF_FIELDS, where
        for pattern in ([field["pattern"]] if "pattern" in field else []) + [p["pattern"] for p in field.get("patterns", [])]:
            re.compile(pattern)
        for rule in field.get("rules", []):
            assert rule["kind"] in RULE_KINDS and rule.get("message"), (where, rule)
        names = list(_schema.option_names(field)) if "fields" in field else []
        assert len(names) == len(set(names)) and all(re.fullmatch(r"[a-z][a-z0-9_]*", name) for name in names), where
    for rule in TYPES[slug]["create_rules"]:
        assert rule["kind"] in RULE_KINDS


@pytest.mark.parametrize("slug", sorted(slug for slug, entry in TYPES.items() if entry["temporary_parameters"]))
def test_temporary_parameters_are_secrets_and_their_rules_point_at_fields(slug):
    entry = TYPES[slug]
    assert all(field.get("secret") for field in entry["temporary_parameters"]["fields"].values())
    for rule in entry["create_rules"]:
        head, _dot, key = rule["path"].partition(".")
        when_head, _dot, when_key = rule["when"]["path"].partition(".")
        assert head == "temporaryParameters" and key in entry["temporary_parameters"]["fields"]
        assert when_head == "parameters" and rule["when"]["equals"] in entry["parameters"]["fields"][when_key]["enum"]


def test_the_generated_docs_match_the_registry():
    # The types doc fragment (ansible-doc) and README's table are written by scripts/registry_docs.py.
    root = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..")
    checked = subprocess.run([sys.executable, os.path.join(root, "scripts", "registry_docs.py"), "--check"],
                             capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
