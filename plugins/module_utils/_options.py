# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE to the infisical.secret_rotation collection: no stable interface, may change in any release.

"""Every option the modules share, declared once, and the rules their values must follow.

The rules mirror the constraints of Infisical's API so that a bad value fails the task
before any request is sent, with a message that names the option.
"""

from __future__ import annotations

import re

from ansible.module_utils.basic import env_fallback

from ansible_collections.infisical.secret_rotation.plugins.module_utils._client import CREDENTIAL_OPTIONS
from ansible_collections.infisical.secret_rotation.plugins.module_utils._rotation import api_length, api_trim

PERMISSION_SETS = (
    "account_admin", "account_viewer", "admin", "analyst", "billing_admin", "cost_insights_admin",
    "cost_insights_viewer", "cost_management_admin", "cost_management_viewer", "database_admin", "developer",
    "fusion_admin", "git_admin", "job_admin", "job_runner", "job_viewer", "manage_marketplace_apps", "member",
    "metadata_only", "owner", "project_creator", "readonly", "scim_only", "security_admin", "semantic_layer_only",
    "stakeholder", "team_admin", "webhooks_only",
)

CONNECTION_SPEC = dict(
    url=dict(type="str", default="https://app.infisical.com", fallback=(env_fallback, ["INFISICAL_URL", "INFISICAL_HOST"])),
    auth_method=dict(type="str", default="universal_auth", choices=["universal_auth", "token_auth", "oidc_auth"],
                     fallback=(env_fallback, ["INFISICAL_AUTH_METHOD"])),
    universal_auth_client_id=dict(type="str", fallback=(env_fallback, ["INFISICAL_UNIVERSAL_AUTH_CLIENT_ID"])),
    universal_auth_client_secret=dict(type="str", no_log=True,
                                      fallback=(env_fallback, ["INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET"])),
    token=dict(type="str", no_log=True, fallback=(env_fallback, ["INFISICAL_TOKEN"])),
    identity_id=dict(type="str", fallback=(env_fallback, ["INFISICAL_MACHINE_IDENTITY_ID"])),
    jwt=dict(type="str", no_log=True, fallback=(env_fallback, ["INFISICAL_JWT"])),
    validate_certs=dict(type="bool", default=True),
    ca_path=dict(type="path"),
    timeout=dict(type="int", default=30),
    retries=dict(type="int", default=5),
)
# How a rotation is found: by id, or by name in a project, environment and folder.
REFERENCE_SPEC = dict(
    rotation_id=dict(type="str"),
    name=dict(type="str"),
    project_id=dict(type="str"),
    environment=dict(type="str"),
    # No default: with rotation_id, an unset secret_path must not be compared to the rotation's folder.
    secret_path=dict(type="str", no_log=False),
)

# The settings of a rotation (dbt_token_rotation).
SETTINGS_SPEC = dict(
    description=dict(type="str"),
    auto_rotation_enabled=dict(type="bool"),
    rotation_interval=dict(type="int"),
    rotate_at_utc=dict(type="dict", options=dict(hours=dict(type="int"), minutes=dict(type="int"))),
    parameters=dict(type="dict", options=dict(
        token_name=dict(type="str"),
        permission_grants=dict(type="list", elements="dict", options=dict(
            permission_set=dict(type="str", required=True, choices=list(PERMISSION_SETS)),
            project_id=dict(type="int"),
        )),
    )),
    secrets_mapping=dict(type="dict", no_log=False, options=dict(service_token=dict(type="str", required=True, no_log=False))),
)

_DURATION_PART = re.compile(r"(\d+)\s*([smhdw])")
_SECONDS_PER_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(text):
    """``90s``, ``30m``, ``12h``, ``7d``, ``2w``, ``1d12h`` or plain seconds -> seconds; ``None`` if malformed."""
    text = str(text).strip().lower()
    if re.fullmatch(r"\d+", text):
        return int(text)
    if not re.fullmatch(r"(\d+\s*[smhdw]\s*)+", text):
        return None
    return sum(int(count) * _SECONDS_PER_UNIT[unit] for count, unit in _DURATION_PART.findall(text))


_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# What Infisical's slug check (slugify(value) === value) lets through: no leading, trailing or double hyphen.
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SLUG_TEXT = "1-64 characters of lowercase letters, digits and single hyphens, starting and ending with a letter or digit"


def _slug(value):
    return len(value) <= 64 and _SLUG.fullmatch(value) is not None


def _length(low, high):
    # As Infisical counts: after trimming, in UTF-16 code units.
    return lambda value: low <= api_length(api_trim(value)) <= high


def _between(low, high):
    return lambda value: low <= value <= high


# Option path -> (check, the rule a bad value breaks). Paths name nested options with dots.
RULES = {
    "url": (lambda value: re.match(r"https?://[^/\s]+", value) is not None, "must be an http:// or https:// URL"),
    "timeout": (lambda value: value >= 1, "must be at least 1 (seconds)"),
    "retries": (lambda value: value >= 0, "must be 0 or more"),
    "rotation_id": (_UUID.fullmatch, "must be a UUID"),
    "connection_id": (_UUID.fullmatch, "must be a UUID"),
    "name": (_slug, f"must be {_SLUG_TEXT}"),
    "project_id": (lambda value: api_trim(value) != "", "must not be empty"),
    "environment": (_slug, f"must be an environment slug: {_SLUG_TEXT}"),
    "secret_path": (lambda value: api_trim(value).startswith("/") and "//" not in value,
                    "must be an absolute folder path: starting with /, no empty folder name (//)"),
    "description": (_length(0, 256), "must be at most 256 characters"),
    "rotation_interval": (lambda value: value >= 1, "must be at least 1 (days)"),
    "rotate_at_utc.hours": (_between(0, 23), "must be an hour from 0 to 23"),
    "rotate_at_utc.minutes": (_between(0, 59), "must be a minute from 0 to 59"),
    "parameters.token_name": (_length(1, 255), "must be 1-255 characters"),
    "parameters.permission_grants": (lambda value: len(value) >= 1, "must hold at least one grant"),
    "parameters.permission_grants.project_id": (lambda value: value >= 1, "must be a positive dbt project id"),
    "skip_if_rotated_within": (lambda value: parse_duration(value) is not None,
                               "must be a duration such as 90s, 30m, 12h, 7d, 2w, 1d12h, or a number of seconds"),
    "secrets_mapping.service_token": (lambda value: api_trim(value) != "" and not re.search(r"[:/]", value),
                                      "must be a secret name, not empty and without ':' or '/'"),
}


def _values_at(value, parts, shown=""):
    """Yield (display name, value) for each value at an option path; lists of sub-options are walked."""
    if not parts:
        yield shown, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _values_at(item, parts, f"{shown}[{index}]")
    elif isinstance(value, dict) and value.get(parts[0]) is not None:
        yield from _values_at(value[parts[0]], parts[1:], f"{shown}.{parts[0]}" if shown else parts[0])


def option_errors(params):
    """A sentence per option whose value breaks its rule (empty when all is well)."""
    errors = _credential_errors(params)
    for path, (check, rule) in RULES.items():
        for shown, value in _values_at(params, path.split(".")):
            if not check(value):
                text = repr(value) if len(repr(value)) <= 80 else repr(value)[:77] + "..."
                errors.append(f"{shown}={text} {rule}")
    return errors


def _credential_errors(params):
    # Checked here rather than with required_if, which takes an explicit null or "" as given.
    missing = [option for option in CREDENTIAL_OPTIONS[params["auth_method"]] if not params.get(option)]
    named = [f"{option} (or the environment variable {CONNECTION_SPEC[option]['fallback'][1][0]})" for option in missing]
    return [f"auth_method={params['auth_method']} needs {' and '.join(named)}"] if missing else []
