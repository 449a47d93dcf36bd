# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE to the infisical.secret_rotation collection: no stable interface, may change in any release.

"""The reading flow of ``rotation_info`` and ``dbt_token_rotation_info``: one rotation, or a project's in one
request, each with its health, and the counts."""

from __future__ import annotations

from datetime import datetime, timezone

from ansible_collections.infisical.secret_rotation.plugins.module_utils._options import parse_duration
from ansible_collections.infisical.secret_rotation.plugins.module_utils._rotation import health, normalise_secret_path, rotation_from_api
from ansible_collections.infisical.secret_rotation.plugins.module_utils._types import TYPES

HEALTH_STATES = ("ok", "failed", "overdue", "paused")
READ_SPEC = {"overdue_after": dict(type="str", default="1h")}


def read_rotations(module, filtered=False):
    """Exit with ``rotations`` and ``summary``. ``filtered``: keep only the listed rotations in the task's
    ``environment`` and ``secret_path`` (and ``type``, when a listing covers every type)."""
    params = module.params
    if params["rotation_id"] or params["name"]:
        found = module.api.find(**module.reference())
        rotations = [rotation_from_api(found, module.entry)] if found else []
        for rotation in rotations:
            module.check_identity(rotation)
    else:
        listed = module.api.list_in_project(params["project_id"], every_type=module.entry is None)
        rotations = [rotation_from_api(item, TYPES.get(item["type"])) for item in listed]
        if filtered:
            rotations = [rotation for rotation in rotations if _within(rotation, params)]
    now, overdue_after = datetime.now(timezone.utc), parse_duration(params["overdue_after"])
    for rotation in rotations:
        rotation["health"], rotation["health_reason"] = health(rotation, now, overdue_after)
    module.exit_json(changed=False, rotations=rotations, summary=summary(rotations))


def _within(rotation, params):
    wanted = {"environment": params.get("environment"), "type": params.get("type"),
              "secret_path": normalise_secret_path(params["secret_path"]) if params.get("secret_path") else None}
    return all(rotation[key] == value for key, value in wanted.items() if value is not None)


def summary(rotations):
    """Counts by health and by type."""
    by_type = {}
    for rotation in rotations:
        by_type[rotation["type"]] = by_type.get(rotation["type"], 0) + 1
    counts = {state: sum(1 for rotation in rotations if rotation["health"] == state) for state in HEALTH_STATES}
    return dict(counts, total=len(rotations), by_type=by_type)
