# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE to the infisical.secret_rotation collection: no stable interface, may change in any release.

"""The trigger flow of ``rotate`` and ``dbt_token_rotate``: rotate now, exactly once.

The guard's read and the rotate request run under this host's lock of the rotation; a rotate request is
never repeated blindly, and only an answer that shows a new rotation is believed.
"""

from __future__ import annotations

import contextlib
from datetime import datetime, timezone

from ansible_collections.infisical.secret_rotation.plugins.module_utils._client import InfisicalError
from ansible_collections.infisical.secret_rotation.plugins.module_utils._options import parse_duration
from ansible_collections.infisical.secret_rotation.plugins.module_utils._rotation import parse_timestamp, rotation_from_api

ROTATE_SPEC = {"skip_if_rotated_within": dict(type="str")}


def rotate(module):
    with locked(module) as before:
        result = {"rotation": before, "previous_rotated_at": before["last_rotated_at"]}
        recent = rotated_recently(module, module.params["skip_if_rotated_within"], before["last_rotated_at"])
        if recent:
            module.exit_json(changed=False, rotated=False, msg=f"skipped: {recent}", **result)
        if module.check_mode:
            module.exit_json(changed=True, rotated=True, msg="would rotate (check mode)", **result)
        result["rotation"] = change_once(module, before, module.api.rotate, module.api.item_path(before["id"], "rotate-secrets"))
    module.exit_json(changed=True, rotated=True, msg="rotated", **result)


@contextlib.contextmanager
def locked(module):
    """The rotation, read under this host's lock of it until the ``with`` block ends (no lock in check mode)."""
    reference = module.reference()
    if "rotation_id" not in reference and not module.check_mode:
        # The lock is per rotation id: find the id by name, then read again under the lock.
        reference = {"rotation_id": read(module, reference)["id"]}
    with module.rotation_lock(reference.get("rotation_id")):
        yield read(module, reference)


def read(module, reference):
    found = module.api.find(**reference)
    if found is None:
        module.fail_json(msg=f"no such rotation: {describe(reference)}")
    rotation = rotation_from_api(found, module.entry)
    module.check_identity(rotation)
    return rotation


def rotated_recently(module, within, last_rotated_at):
    """Why the guard skips (a sentence), or ``None`` to rotate."""
    if within is None or last_rotated_at is None:
        return None
    age = (datetime.now(timezone.utc) - parse_timestamp(last_rotated_at)).total_seconds()
    if age < 0:
        module.warn(f"last_rotated_at {last_rotated_at} is {human(-age)} ahead of this host's clock;"
                    " skip_if_rotated_within counts it as just now")
        age = 0
    if age >= parse_duration(within):
        return None
    return f"last rotated {human(age)} ago, within skip_if_rotated_within={within}"


# What a request that issues new credentials is called in messages: (noun, verb).
ROTATION, RECONCILIATION = ("rotation", "rotate"), ("reconciliation", "reconcile")


def change_once(module, before, send, path, kind=ROTATION):
    """Send a request that issues new credentials (rotate, reconcile) once, and believe only an answer that shows
    them (``last_rotated_at`` later than ``before``'s); else read back and decide. Never send it twice."""
    what, verb = kind
    try:
        answer = rotation_from_api(send(before["id"]), module.entry)
    except InfisicalError as err:
        if not err.ambiguous:
            raise
        doubt = err
    else:
        if moved(before, answer, "last_rotated_at"):
            return succeeded(module, answer, what)
        doubt = InfisicalError(f"the answer shows no new {what} (last_rotated_at {answer['last_rotated_at']})",
                               status=200, method="POST", path=path)
    after = read_back(module, before, doubt, kind)
    if not moved(before, after, "last_rotated_at"):
        if moved(before, after, "last_rotation_attempted_at") and after["rotation_status"] == "failed":
            module.fail_json(msg=f"the {what} failed: {after['last_rotation_message']} ({doubt.summary()})",
                             rotation=after, **doubt.details())
        module.fail_json(msg=f"the {what} may or may not have happened: {doubt}; it has not shown up yet"
                             f" ({describe_times(after)}). Do not {verb} again before checking: read the rotation"
                             f" (infisical.secret_rotation.rotation_info or dbt_token_rotation_info) in a minute and"
                             f" compare last_rotated_at with {before['last_rotated_at']}.", rotation=after, **doubt.details())
    module.warn(f"the answer to the request was lost or unclear ({doubt}); the {what} happened and is reported")
    return succeeded(module, after, what)


def succeeded(module, after, what):
    if after["rotation_status"] == "failed":
        module.fail_json(msg=f"the {what} failed: {after['last_rotation_message']}", rotation=after)
    return after


def read_back(module, before, err, kind):
    what, verb = kind
    try:
        found = module.api.find(rotation_id=before["id"])
    except InfisicalError as read_err:
        module.fail_json(msg=f"the {what} may or may not have happened: {err}; reading it back failed too: {read_err}."
                             f" Do not {verb} again before checking last_rotated_at (was {before['last_rotated_at']}).",
                         **err.details())
    if found is None:
        module.fail_json(msg=f"the rotation was deleted during the {what}: {err}", **err.details())
    return rotation_from_api(found, module.entry)


def moved(before, after, key):
    old, new = parse_timestamp(before[key]), parse_timestamp(after[key])
    return new is not None and (old is None or new > old)


def human(seconds):
    minutes = int(seconds) // 60
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    parts = [f"{value}{unit}" for value, unit in ((days, "d"), (hours, "h"), (minutes, "m")) if value]
    return " ".join(parts) or f"{int(seconds)}s"


def describe(reference):
    return ", ".join(f"{key}={value}" for key, value in reference.items())


def describe_times(rotation):
    return (f"last_rotated_at {rotation['last_rotated_at']}, last_rotation_attempted_at"
            f" {rotation['last_rotation_attempted_at']}, rotation_status {rotation['rotation_status']}")
