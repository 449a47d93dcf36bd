# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE to the infisical.secret_rotation collection: no stable interface, may change in any release.

"""Where API fields become option names: mapping, normalisation, comparison, redaction.

Every module reads rotations through ``rotation_from_api`` (a whitelist, so a secret the API
might add one day never reaches a task result) and writes them through ``settings_to_api``.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from ansible_collections.infisical.secret_rotation.plugins.module_utils import _schema
from ansible_collections.infisical.secret_rotation.plugins.module_utils._schema import UUID, api_trim

# The settings a playbook manages on an existing rotation (PATCH body keys, in option names).
MANAGED_SETTINGS = ("name", "description", "auto_rotation_enabled", "rotation_interval", "rotate_at_utc",
                    "parameters", "secrets_mapping")
# Set once at creation; the API cannot change them afterwards.
IDENTITY_FIELDS = ("project_id", "environment", "secret_path", "connection_id")
# Nested settings whose sub-options may be managed one by one.
PARTIAL_SETTINGS = ("parameters", "secrets_mapping", "rotate_at_utc")
# What a new rotation needs besides its name tuple and what its type requires, and what it gets when a part is left out.
CREATION_NEEDS = ("connection_id", "rotation_interval")
CREATE_DEFAULTS = {"rotate_at_utc": {"hours": 0, "minutes": 0}}
# What a rotation gets at creation for each optional setting left out.
REPLACED_DEFAULTS = dict(CREATE_DEFAULTS, description=None, auto_rotation_enabled=True)
# The type-specific settings: option name -> (registry key, API key).
TYPED_SETTINGS = {"parameters": ("parameters", "parameters"), "secrets_mapping": ("secrets_mapping", "secretsMapping")}

# Option names that are not the plain snake_case of their API name.
_OPTION_FOR_API = {
    "isAutoRotationEnabled": "auto_rotation_enabled",
    "clientId": "universal_auth_client_id",
    "clientSecret": "universal_auth_client_secret",
}
_API_FOR_OPTION = {option: api for api, option in _OPTION_FOR_API.items()}

# Result key -> where it sits in the API's rotation object. Anything not listed is never returned; the
# type's parameters and secrets mapping are added through the registry (``rotation_from_api``).
_RESULT_FIELDS = (
    ("id", ("id",)),
    ("name", ("name",)),
    ("description", ("description",)),
    ("type", ("type",)),
    ("project_id", ("projectId",)),
    ("environment", ("environment", "slug")),
    ("environment_name", ("environment", "name")),
    ("secret_path", ("folder", "path")),
    ("folder_id", ("folderId",)),
    ("connection_id", ("connectionId",)),
    ("connection_name", ("connection", "name")),
    ("auto_rotation_enabled", ("isAutoRotationEnabled",)),
    ("rotation_interval", ("rotationInterval",)),
    ("rotate_at_utc", ("rotateAtUtc",)),
    ("active_index", ("activeIndex",)),
    ("rotation_status", ("rotationStatus",)),
    ("last_rotation_message", ("lastRotationMessage",)),
    ("last_rotated_at", ("lastRotatedAt",)),
    ("last_rotation_attempted_at", ("lastRotationAttemptedAt",)),
    ("last_rotation_job_id", ("lastRotationJobId",)),
    ("next_rotation_at", ("nextRotationAt",)),
    ("is_last_rotation_manual", ("isLastRotationManual",)),
    ("created_at", ("createdAt",)),
    ("updated_at", ("updatedAt",)),
)
_ROTATE_AT_UTC = {"type": "object", "fields": {"hours": {"type": "integer"}, "minutes": {"type": "integer"}}}


def option_name(api_name):
    """``rotationInterval`` -> ``rotation_interval`` (and the few names that differ)."""
    return _OPTION_FOR_API.get(api_name) or _schema.snake(api_name)


def api_name(option):
    """``rotation_interval`` -> ``rotationInterval`` (and the few names that differ)."""
    if option in _API_FOR_OPTION:
        return _API_FOR_OPTION[option]
    head, *rest = option.split("_")
    return head + "".join(word.capitalize() for word in rest)


def option_path(api_path):
    """A zod issue path in option names: ``['parameters', 'permissionGrants', 0]`` -> ``parameters.permission_grants[0]``."""
    text = ""
    for part in api_path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + option_name(str(part))
    return text


def rotation_from_api(api, entry):
    """The rotation as modules return it: snake_case, whitelisted by the base fields and the type's registry
    entry (so a secret the API might add one day never reaches a task result)."""
    result = {}
    for key, path in _RESULT_FIELDS:
        value = api
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        result[key] = value
    result["rotate_at_utc"] = _schema.from_api(_ROTATE_AT_UTC, result["rotate_at_utc"])
    for option, (key, api_key) in TYPED_SETTINGS.items():
        result[option] = _schema.from_api(entry[key], api.get(api_key)) if entry else None
    return normalise(result, entry)


# What every module reads of a rotation, and the JSON type Infisical sends it as ("?": may be null or left out).
_SHAPE = (
    ("id", "uuid"), ("name", "string"), ("type", "string"), ("projectId", "string"), ("connectionId", "uuid"),
    ("environment", "object"), ("environment.slug", "string"), ("folder", "object"), ("folder.path", "string"),
    ("description", "string?"), ("isAutoRotationEnabled", "boolean"), ("rotationInterval", "number"),
    ("rotateAtUtc", "object"), ("rotateAtUtc.hours", "number"), ("rotateAtUtc.minutes", "number"),
    ("rotationStatus", "string"), ("lastRotationMessage", "string?"), ("lastRotatedAt", "timestamp"),
    ("lastRotationAttemptedAt", "timestamp"), ("nextRotationAt", "timestamp?"), ("activeIndex", "number?"),
    ("parameters", "object"), ("secretsMapping", "object"),
)
_MISSING = object()


def _is_timestamp(value):
    try:
        parse_timestamp(value)
    except ValueError:
        return False
    return True


# Kind -> (check, what a value of it is called).
_KINDS = {
    "string": (lambda value: isinstance(value, str), "a string"),
    "uuid": (lambda value: isinstance(value, str) and UUID.fullmatch(value) is not None, "a UUID"),
    "boolean": (lambda value: isinstance(value, bool), "a boolean"),
    "number": (lambda value: isinstance(value, (int, float)) and not isinstance(value, bool), "a number"),
    "object": (lambda value: isinstance(value, dict), "an object"),
    "array": (lambda value: isinstance(value, list), "a list"),
    "timestamp": (lambda value: isinstance(value, str) and _is_timestamp(value), "an ISO 8601 timestamp"),
}


def _at(value, parts, where):
    """(where, value) for each place a shape path reaches; nothing below a parent that is not there."""
    if not parts:
        yield where, value
    elif parts[0] == "[]":
        for index, item in enumerate(value if isinstance(value, list) else ()):
            yield from _at(item, parts[1:], f"{where}[{index}]")
    elif isinstance(value, dict):
        yield from _at(value.get(parts[0], _MISSING), parts[1:], f"{where}.{parts[0]}")


def shape_problems(api, where="secretRotation"):
    """What makes ``api`` unlike a rotation as Infisical sends it, one phrase each; empty when it is one.

    Names fields and types only, never a value.
    """
    if not isinstance(api, dict):
        return [f"{where} is not an object"]
    problems = []
    for path, kind in _SHAPE:
        optional = kind.endswith("?")
        kind = kind.rstrip("?")
        for place, value in _at(api, path.split("."), where):
            if value is _MISSING or value is None:
                if not optional:
                    problems.append(f"{place} is {'missing' if value is _MISSING else 'null'}")
            elif not _KINDS[kind][0](value):
                problems.append(f"{place} is not {_KINDS[kind][1]}")
    return problems


def parse_timestamp(text):
    """An API timestamp (``2026-11-23T05:37:11.080Z``) as an aware datetime; ``None`` for ``None``.

    Raises ``ValueError`` for anything else; answers are checked with ``shape_problems`` first.
    """
    if text is None:
        return None
    found = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|[+-]\d\d:?\d\d)?", text.strip())
    if not found:
        raise ValueError("not an ISO 8601 timestamp")
    year, month, day, hour, minute, second, fraction, zone = found.groups()
    moment = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second),
                      int((fraction or "0")[:6].ljust(6, "0")), tzinfo=timezone.utc)
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        moment -= sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return moment


def _number(value):
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _trimmed(mapping, key):
    if isinstance(mapping.get(key), str):
        mapping[key] = api_trim(mapping[key])


def normalise(settings, entry=None):
    """Bring settings (from the API or from options) to one comparable form: the form Infisical stores.

    The type's parameters and secrets mapping follow its registry ``entry`` (trimmed strings, sets in one
    order, keys with a null value left out).
    """
    result = dict(settings)
    for key in ("description", "project_id", "environment"):
        _trimmed(result, key)
    if "description" in result and result["description"] == "":
        result["description"] = None
    if result.get("secret_path"):
        result["secret_path"] = normalise_secret_path(result["secret_path"])
    if result.get("rotation_interval") is not None:
        result["rotation_interval"] = _number(result["rotation_interval"])
    if isinstance(result.get("rotate_at_utc"), dict):
        result["rotate_at_utc"] = {key: _number(value) for key, value in result["rotate_at_utc"].items()}
    for option, (key, _api_key) in TYPED_SETTINGS.items():
        if entry and isinstance(result.get(option), dict):
            result[option] = _schema.canonical(entry[key], result[option])
    return result


def normalise_secret_path(path):
    """Infisical stores ``/a/b/`` as ``/a/b`` (``/`` stays ``/``)."""
    return api_trim(path).rstrip("/") or "/"


def desired_settings(params, entry, current=None):
    """The managed settings as the task wants them: options left unset are not managed.

    ``parameters``, ``secrets_mapping`` and ``rotate_at_utc`` are single objects in the API; a sub-option
    left unset keeps its current value, so managing only ``token_name`` never drops the grants.
    """
    desired = {}
    for key in MANAGED_SETTINGS:
        value = params.get(key)
        if value is None:
            continue
        if key in PARTIAL_SETTINGS:
            given = {sub: sub_value for sub, sub_value in value.items() if sub_value is not None}
            value = dict((current or {}).get(key) or {}, **given)
        desired[key] = value
    return normalise(desired, entry)


def replacing_settings(params, entry):
    """The managed settings as a ``replaced`` fleet item wants them: exactly those given, the optional ones left out
    at Infisical's create defaults. What every rotation must have (its interval, parameters and secrets mapping)
    is not managed when left out."""
    desired = dict(REPLACED_DEFAULTS)
    for key in MANAGED_SETTINGS:
        value = params.get(key)
        if value is None:
            continue
        if key in PARTIAL_SETTINGS:
            value = dict(REPLACED_DEFAULTS.get(key) or {}, **{sub: item for sub, item in value.items() if item is not None})
        desired[key] = value
    return normalise(desired, entry)


def changed_settings(desired, current):
    """The managed keys whose desired value differs from the current one."""
    return [key for key in desired if desired[key] != current.get(key)]


def identity_conflicts(params, current, fields=IDENTITY_FIELDS):
    """Identity fields given in the task that differ from the rotation's (the API cannot change them)."""
    wanted = normalise({key: params.get(key) for key in fields if params.get(key) is not None})
    return [f"{key} is {current.get(key)!r}, not {value!r}" for key, value in wanted.items() if value != current.get(key)]


def immutable_conflicts(desired, current, entry):
    """Parameters the type does not let change after creation that the task would change."""
    wanted, have = desired.get("parameters") or {}, current.get("parameters") or {}
    names = {key: name for name, key in _schema.option_names(entry["parameters"]).items()}
    return [f"parameters.{names[key]} is {have.get(names[key])!r}, not {wanted[names[key]]!r}"
            for key in entry["immutable_parameters"] if names[key] in wanted and wanted[names[key]] != have.get(names[key])]


def settings_to_api(settings, entry, current_api=None):
    """Option-spelled settings as an API body (PATCH or create).

    A PATCH replaces ``parameters`` whole: keys of ``current_api``'s parameters that the registry does not
    know are sent back as they are, so a newer Infisical's parameter is not lost.
    """
    body = {}
    for key, value in settings.items():
        if key in TYPED_SETTINGS:
            registry_key, api_key = TYPED_SETTINGS[key]
            value = _schema.to_api(entry[registry_key], value)
            if current_api and isinstance(current_api.get(api_key), dict):
                known = entry[registry_key].get("fields", {})
                value = dict({name: item for name, item in current_api[api_key].items() if name not in known}, **value)
            body[api_key] = value
        else:
            body[api_name(key)] = _to_api(value)
    return body


def _to_api(value):
    if isinstance(value, dict):
        return {api_name(key): _to_api(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_to_api(item) for item in value]
    return value


def creation_gaps(params, entry):
    """The options a create needs that the task leaves out (base ones, then what the type requires)."""
    gaps = [option for option in CREATION_NEEDS if params.get(option) is None]
    for option, (key, _api_key) in TYPED_SETTINGS.items():
        given = params.get(option)
        if option == "secrets_mapping" and given is None:
            gaps.append(option)
            continue
        for name, api_key in _schema.option_names(entry[key]).items():
            field = entry[key]["fields"][api_key]
            if field.get("required") and "default" not in field and (given or {}).get(name) is None:
                gaps.append(f"{option}.{name}")
    return gaps


def health(rotation, now, overdue_after):
    """(``health``, ``health_reason``): ``failed``, ``overdue`` (auto-rotation on and the next rotation more
    than ``overdue_after`` seconds late), ``paused`` (auto-rotation off) or ``ok``; the reason a person can act on."""
    if rotation.get("rotation_status") == "failed":
        message = rotation.get("last_rotation_message") or "no message"
        return "failed", (f"the last rotation failed at {rotation.get('last_rotation_attempted_at')}: {message};"
                          " fix the cause, then rotate it")
    if not rotation.get("auto_rotation_enabled"):
        return "paused", "auto-rotation is off: it rotates only when asked to"
    due = parse_timestamp(rotation.get("next_rotation_at"))
    if due is not None and (now - due).total_seconds() > overdue_after:
        return "overdue", (f"the rotation due at {rotation['next_rotation_at']} has not happened: check Infisical's"
                           " rotation queue and the connection, or rotate it now")
    return "ok", f"rotated at {rotation.get('last_rotated_at')}; next at {rotation.get('next_rotation_at')}"


def diff_view(keys, before, after):
    """``--diff`` content: the given keys only, before and after (an absent rotation shows as empty)."""
    def view(rotation):
        return {key: rotation[key] for key in keys if key in rotation} if rotation else {}
    return {"before": view(before), "after": view(after)}
