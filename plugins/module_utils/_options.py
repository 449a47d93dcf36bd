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

import math
import os
import re
from urllib.parse import urlsplit

from ansible.module_utils.basic import env_fallback
from ansible.module_utils.common.validation import check_type_dict

from ansible_collections.infisical.secret_rotation.plugins.module_utils._client import CREDENTIAL_OPTIONS, header_safe
from ansible_collections.infisical.secret_rotation.plugins.module_utils import _schema
from ansible_collections.infisical.secret_rotation.plugins.module_utils._rotation import TYPED_SETTINGS
from ansible_collections.infisical.secret_rotation.plugins.module_utils._schema import MAX_SAFE_INTEGER, UUID, api_length, api_trim, shown
from ansible_collections.infisical.secret_rotation.plugins.module_utils._types import DBT_PERMISSION_SETS, TYPES

# The environment variables are those of the infisical.vault collection too (first found wins), so one
# environment serves both collections.
CONNECTION_SPEC = dict(
    url=dict(type="str", default="https://app.infisical.com", fallback=(env_fallback, ["INFISICAL_URL", "INFISICAL_HOST"])),
    auth_method=dict(type="str", default="universal_auth", choices=["universal_auth", "token_auth", "oidc_auth"],
                     fallback=(env_fallback, ["INFISICAL_AUTH_METHOD"])),
    universal_auth_client_id=dict(type="str", fallback=(
        env_fallback, ["INFISICAL_UNIVERSAL_AUTH_CLIENT_ID", "UNIVERSAL_AUTH_MACHINE_IDENTITY_CLIENT_ID"])),
    universal_auth_client_secret=dict(type="str", no_log=True, fallback=(
        env_fallback, ["INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET", "UNIVERSAL_AUTH_MACHINE_IDENTITY_CLIENT_SECRET"])),
    token=dict(type="str", no_log=True, fallback=(env_fallback, ["INFISICAL_TOKEN"])),
    identity_id=dict(type="str", fallback=(env_fallback, ["INFISICAL_MACHINE_IDENTITY_ID"])),
    jwt=dict(type="str", no_log=True, fallback=(env_fallback, ["INFISICAL_JWT", "INFISICAL_OIDC_AUTH_JWT"])),
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

# The settings every rotation type shares (rotation, dbt_token_rotation).
BASE_SETTINGS_SPEC = dict(
    state=dict(type="str", default="present", choices=["present", "absent"]),
    connection_id=dict(type="str"),
    description=dict(type="str"),
    auto_rotation_enabled=dict(type="bool"),
    rotation_interval=dict(type="int"),
    rotate_at_utc=dict(type="dict", options=dict(hours=dict(type="int"), minutes=dict(type="int"))),
    delete_secrets=dict(type="bool", default=False),
    revoke_generated_credentials=dict(type="bool", default=False),
)
# The settings of a DBT Service Token Rotation, with its typed parameters (dbt_token_rotation).
SETTINGS_SPEC = dict(
    BASE_SETTINGS_SPEC,
    parameters=dict(type="dict", options=dict(
        token_name=dict(type="str"),
        permission_grants=dict(type="list", elements="dict", options=dict(
            permission_set=dict(type="str", required=True, choices=list(DBT_PERMISSION_SETS)),
            project_id=dict(type="int"),
        )),
    )),
    secrets_mapping=dict(type="dict", no_log=False, options=dict(service_token=dict(type="str", required=True, no_log=False))),
)
# Any type: the type, and its settings as mappings checked against the registry (rotation).
TYPE_SPEC = dict(type=dict(type="str", required=True, choices=sorted(TYPES)))
TYPED_SETTINGS_SPEC = dict(
    BASE_SETTINGS_SPEC,
    **TYPE_SPEC,
    parameters=dict(type="dict"),
    secrets_mapping=dict(type="dict", no_log=False),
    temporary_parameters=dict(type="dict", no_log=True),
)

# The fleet (rotations): a list of rotations of any type, each with the options of ``rotation``.
FLEET_STATES = ("merged", "replaced", "overridden", "deleted", "gathered")
FLEET_ITEM_SPEC = dict(
    TYPED_SETTINGS_SPEC,
    **REFERENCE_SPEC,
    # Left out: the task's state decides (deleted deletes; the others keep the item).
    state=dict(type="str", choices=["present", "absent"]),
    # Checked by the fleet (a choices list here would have to be repeated in the docs of every nested type).
    type=dict(type="str"),
    delete_secrets=dict(type="bool"),
    revoke_generated_credentials=dict(type="bool"),
    # What state=gathered reports beside the settings: accepted, so its output can be fed back, and ignored.
    health=dict(type="str"),
    health_reason=dict(type="str"),
)
FLEET_SPEC = dict(
    config=dict(type="list", elements="dict", default=[], options=FLEET_ITEM_SPEC),
    state=dict(type="str", default="merged", choices=list(FLEET_STATES)),
    type=dict(type="str", choices=sorted(TYPES)),
    scope=dict(type="dict", options=dict(
        project_id=dict(type="str", required=True),
        environment=dict(type="str"),
        secret_path=dict(type="str", no_log=False),
        type=dict(type="str"),
    )),
    concurrency=dict(type="int", default=4),
    delete_secrets=dict(type="bool", default=False),
    revoke_generated_credentials=dict(type="bool", default=False),
    overdue_after=dict(type="str", default="1h"),
    full_results=dict(type="bool", default=False),
)

_DURATION_PART = re.compile(r"(\d+)\s*([smhdw])")
_DURATION_TEXT = "must be a duration such as 90s, 30m, 12h, 7d, 2w, 1d12h, or a number of seconds"
_SECONDS_PER_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(text):
    """``90s``, ``30m``, ``12h``, ``7d``, ``2w``, ``1d12h`` or plain seconds -> seconds; ``None`` if malformed."""
    text = str(text).strip().lower()
    if re.fullmatch(r"\d+", text):
        return int(text)
    if not re.fullmatch(r"(\d+\s*[smhdw]\s*)+", text):
        return None
    return sum(int(count) * _SECONDS_PER_UNIT[unit] for count, unit in _DURATION_PART.findall(text))


# Options holding a UUID: Infisical matches them case-insensitively, we send them in lower case.
UUID_OPTIONS = ("rotation_id", "connection_id")
# Every option that holds a credential, whichever auth_method uses it.
CREDENTIALS = tuple(option for options in CREDENTIAL_OPTIONS.values() for option in options)
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
    "timeout": (_between(1, 3600), "must be 1 to 3600 (seconds)"),
    "ca_path": (lambda value: os.access(value, os.R_OK), "must be a readable PEM file (or folder) of CA certificates"),
    "retries": (_between(0, 100), "must be 0 to 100"),
    "rotation_id": (UUID.fullmatch, "must be a UUID"),
    "connection_id": (UUID.fullmatch, "must be a UUID"),
    "name": (_slug, f"must be {_SLUG_TEXT}"),
    "project_id": (lambda value: api_trim(value) != "", "must not be empty"),
    "environment": (_slug, f"must be an environment slug: {_SLUG_TEXT}"),
    "secret_path": (lambda value: api_trim(value).startswith("/") and "//" not in value,
                    "must be an absolute folder path: starting with /, no empty folder name (//)"),
    "description": (_length(0, 256), "must be at most 256 characters"),
    "rotation_interval": (_between(1, 36500), "must be 1 to 36500 (days)"),
    "rotate_at_utc.hours": (_between(0, 23), "must be an hour from 0 to 23"),
    "rotate_at_utc.minutes": (_between(0, 59), "must be a minute from 0 to 59"),
    "skip_if_rotated_within": (lambda value: parse_duration(value) is not None, _DURATION_TEXT),
    "overdue_after": (lambda value: parse_duration(value) is not None, _DURATION_TEXT),
    "concurrency": (_between(1, 16), "must be 1 to 16"),
}
# The fleet's scope names a project, environment and folder as a rotation's reference does.
RULES.update({f"scope.{name}": RULES[name] for name in ("project_id", "environment", "secret_path")})


def _walk(spec, params, where="", path=""):
    """Yield (holder, name, option spec, display name, rule path) for every option given, sub-options included.

    The caller may change or remove ``holder[name]`` before the walk goes on into it.
    """
    for name, option in spec.items():
        if not isinstance(params, dict) or params.get(name) is None:
            continue
        here, rule = f"{where}.{name}" if where else name, f"{path}.{name}" if path else name
        yield params, name, option, here, rule
        value = params.get(name)
        if option.get("options") and value is not None:
            for index, item in enumerate(value if isinstance(value, list) else [value]):
                yield from _walk(option["options"], item, f"{here}[{index}]" if isinstance(value, list) else here, rule)


def _integer_rule(value):
    """What an integer option's value breaks that Ansible's int type lets through, or ``None``."""
    if isinstance(value, bool):
        return "must be a whole number, not a boolean (yes/no/true/false)"
    if isinstance(value, float) and not math.isfinite(value):
        return "must be a whole number"
    if isinstance(value, (int, float)) and abs(value) > MAX_SAFE_INTEGER:
        return f"is out of range (at most {MAX_SAFE_INTEGER})"
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None  # Ansible's own check names it
        return None if math.isfinite(number) and abs(number) <= MAX_SAFE_INTEGER else f"is out of range (at most {MAX_SAFE_INTEGER})"
    return None


def _mapping_rule(option):
    return f"must be a mapping with the keys {', '.join(option['options'])}"


def _as_mapping(value):
    """A dict, or a string Ansible would read as one (JSON or key=value); ``None`` for anything else."""
    if isinstance(value, dict):
        return value
    if isinstance(value, str):
        try:
            return check_type_dict(value)
        except (TypeError, ValueError):
            return None
    return None


def _input_problem(option, value):
    """(what is wrong, as the end of a sentence that starts with the option's name, or ``None``; the value as
    Ansible will read it). The value of a no_log option is never shown."""
    kind, sub_options = option.get("type"), option.get("options")
    described = " (its value is not shown)" if option.get("no_log") else f"={shown(value)}"
    if kind == "int":
        problem = _integer_rule(value)
        return (f"{described} {problem}" if problem else None), value
    if kind in ("str", "path") and isinstance(value, (dict, list)):
        # Ansible would send the text of the list or mapping.
        return f"{described} must be a single value, not a {'list' if isinstance(value, list) else 'mapping'}", value
    if sub_options and kind == "dict":
        mapping = _as_mapping(value)
        return (None, mapping) if mapping is not None else (f"{described} {_mapping_rule(option)}", value)
    if sub_options and kind == "list":
        if not isinstance(value, list):
            return f"{described} must be a list of mappings with the keys {', '.join(sub_options)}", value
        items = [_as_mapping(item) for item in value]
        for index, item in enumerate(items):
            if item is None:
                return f"[{index}]={shown(value[index])} {_mapping_rule(option)}", value
        return None, items
    return None, value


def input_errors(spec, params):
    """Values of a shape that Ansible's own checks crash on, let through or report without the option's name.

    Run on the raw arguments, before Ansible's validation. Returns one sentence per bad value and
    removes each from ``params`` (so Ansible neither crashes on it nor reports it unnamed); strings
    that stand for a mapping are read as Ansible would, so the values inside are checked too.
    """
    errors = []
    for holder, name, option, where, _rule in _walk(spec, params):
        problem, value = _input_problem(option, holder[name])
        if problem:
            errors.append(where + problem)
            del holder[name]
        else:
            holder[name] = value
    return errors


def url_error(url):
    """Why ``url`` cannot be Infisical's address, or ``None``. Never quotes it: it may hold a password."""
    if re.search(r"[\s\x00-\x1f\x7f]", url):
        return "url must not contain white space or control characters"
    try:
        parts = urlsplit(url)
        port = parts.port
        host = parts.hostname
    except ValueError:
        return "url is not a valid URL: check its port and, for an IPv6 address, the [brackets]"
    if "@" in parts.netloc:
        return ("url must not hold user info (user:password@): Infisical is reached with auth_method and its"
                " credentials; the value is not shown")
    if parts.scheme not in ("http", "https") or not host:
        return "url must be an http:// or https:// address with a host name, such as https://app.infisical.com"
    if parts.query or parts.fragment or url.rstrip().endswith(("?", "#")):
        return "url must not have a query (?) or fragment (#)"
    if port == 0:
        return "url is not a valid URL: check its port"
    try:
        host.encode("idna")
    except UnicodeError:
        return "url is not a valid URL: its host name cannot be encoded"
    return None


def url_secrets(url):
    """The user info of a url (which is refused), to hide it from every output before the refusal."""
    try:
        netloc = urlsplit(url).netloc
    except ValueError:
        netloc = url.split("//", 1)[-1].split("/", 1)[0]
    userinfo = netloc.rpartition("@")[0]
    return [part for part in (userinfo, userinfo.partition(":")[2]) if part] if userinfo else []


def normalise_options(params):
    """Credentials without surrounding white space (a vaulted block scalar ends in a newline), UUIDs in lower case."""
    for option in CREDENTIALS:
        if isinstance(params.get(option), str):
            params[option] = params[option].strip()
    for option in UUID_OPTIONS:
        if isinstance(params.get(option), str) and UUID.fullmatch(params[option]):
            params[option] = params[option].lower()


def option_errors(params, spec):
    """A sentence per option whose value breaks its rule (empty when all is well)."""
    errors = _credential_errors(params)
    problem = url_error(params["url"]) if isinstance(params.get("url"), str) else None
    if problem:
        errors.append(problem)
    return errors + rule_errors(spec, params)


def rule_errors(spec, params, where=""):
    """A sentence per option of ``params`` (named below ``where``, such as ``config[2]``) that breaks its rule."""
    errors = []
    for holder, name, _option, here, rule_path in _walk(spec, params, where):
        check, rule = RULES.get(rule_path, (None, None))
        if check and not check(holder[name]):
            errors.append(f"{here}={shown(holder[name])} {rule}")
    return errors


def typed_errors(params, entry, where="", complete=False):
    """A sentence per problem of the type-specific settings against the type's registry ``entry``.

    ``parameters`` and ``secrets_mapping`` may be given in part (the rest keeps its current value) unless
    ``complete``; ``temporary_parameters`` is sent whole, at creation only. ``where`` names the holder.
    """
    prefix = f"{where}." if where else ""
    errors = []
    for option, (key, _api_key) in TYPED_SETTINGS.items():
        if params.get(option) is not None:
            errors += _schema.check(entry[key], params[option], prefix + option, complete=complete)
    names = [api_trim(name) for name in (params.get("secrets_mapping") or {}).values() if isinstance(name, str)]
    if len(set(names)) < len(names):
        errors.append(f"{prefix}secrets_mapping: each secret name may be given once (Infisical refuses duplicates)")
    if params.get("temporary_parameters") is not None:
        if entry.get("temporary_parameters") is None:
            errors.append(f"{prefix}temporary_parameters: a {entry['slug']} rotation takes none")
        else:
            errors += _schema.check(entry["temporary_parameters"], params["temporary_parameters"], f"{prefix}temporary_parameters")
    return errors


def _credential_errors(params):
    # Checked here rather than with required_if, which takes an explicit null or "" as given.
    needed = CREDENTIAL_OPTIONS[params["auth_method"]]
    missing = [option for option in needed if not params.get(option)]
    if missing:
        named = [f"{option} (or the environment variable {CONNECTION_SPEC[option]['fallback'][1][0]})" for option in missing]
        return [f"auth_method={params['auth_method']} needs {' and '.join(named)}"]
    return [f"{option} cannot be sent to Infisical: it holds white space, control or non-ASCII characters inside"
            " (its value is not shown)" for option in needed if not header_safe(params[option])]
