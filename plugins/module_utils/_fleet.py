# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE to the infisical.secret_rotation collection: no stable interface, may change in any release.

"""The set engine of ``rotations``: one listing per project, a plan per item, the writes on a bounded pool.

Every item is checked before any request. One listing per project reads every rotation the items name
(no request per item); each item is matched by id or by name tuple and planned exactly as ``rotation``
would plan it. The writes run on ``concurrency`` threads that share one client, so a 429 pauses them all.
An item that fails does not stop the others; the task fails at the end, naming each failed item.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

from ansible_collections.infisical.secret_rotation.plugins.module_utils._api import RotationsApi
from ansible_collections.infisical.secret_rotation.plugins.module_utils._client import InfisicalError
from ansible_collections.infisical.secret_rotation.plugins.module_utils._ensure import creation, create_once, temporary_gaps
from ansible_collections.infisical.secret_rotation.plugins.module_utils._options import (
    FLEET_ITEM_SPEC,
    normalise_options,
    parse_duration,
    rule_errors,
    typed_errors,
)
from ansible_collections.infisical.secret_rotation.plugins.module_utils._read import summary as health_summary
from ansible_collections.infisical.secret_rotation.plugins.module_utils._rotation import (
    IDENTITY_FIELDS,
    MANAGED_SETTINGS,
    changed_settings,
    creation_gaps,
    desired_settings,
    diff_view,
    health,
    identity_conflicts,
    immutable_conflicts,
    normalise_secret_path,
    replacing_settings,
    rotation_from_api,
    settings_to_api,
)
from ansible_collections.infisical.secret_rotation.plugins.module_utils._schema import UUID, api_trim, shown
from ansible_collections.infisical.secret_rotation.plugins.module_utils._types import TYPES

ACTIONS = ("created", "updated", "deleted", "unchanged", "failed")
# What state=gathered returns of each rotation: the options of a config item, then the report-only keys.
GATHERED_KEYS = ("type", "name", "project_id", "environment", "secret_path", "connection_id", "description",
                 "auto_rotation_enabled", "rotation_interval", "rotate_at_utc", "parameters", "secrets_mapping")
# What the results keep of an unchanged rotation unless full_results is on.
IDENTITY_KEYS = ("id", "name", "type", "project_id", "environment", "secret_path")
# The states whose items say all of a rotation's settings (those left out go back to the create defaults).
REPLACING = ("replaced", "overridden")


class Item:
    """One rotation of the set: what the task asks (``params``), what Infisical holds, and the action planned."""

    def __init__(self, index, params, entry):
        self.index, self.params, self.entry = index, params, entry
        self.found = self.current = self.after = self.body = self.error = None
        # The name tuple as the listings are keyed, computed once (None for a rotation that scope deletes).
        self.name_key = name_key(**reference(params)) if params else None
        self.action, self.changed, self.diff_keys, self.slim = None, [], MANAGED_SETTINGS, False

    @property
    def label(self):
        """How messages name the item: ``config[2] (orders-db)``, or the rotation for one that scope deletes."""
        if self.index is None:
            return f"rotation {self.current['name']} ({self.current['environment']}:{self.current['secret_path']}, not listed)"
        return f"config[{self.index}] ({self.params.get('name') or self.params.get('rotation_id')})"

    def fail(self, error):
        """Mark the item failed: ``error`` is Infisical's (an ``InfisicalError``) or a sentence of ours."""
        self.action, self.error = "failed", error if isinstance(error, InfisicalError) else InfisicalError(error)

    def result(self):
        rotation = None if self.slim else {"deleted": None, "failed": self.current}.get(self.action, self.after)
        where = rotation or self.current or {key: self.params.get(key) for key in ("name", "project_id", "environment", "secret_path")}
        result = {"config_index": self.index, "action": self.action, "type": self.entry["slug"] if self.entry else None,
                  "rotation_id": where.get("id"), "changed_settings": self.changed, "rotation": rotation,
                  **{key: where.get(key) for key in ("name", "project_id", "environment", "secret_path")}}
        if self.error is not None:
            result.update(msg=str(self.error), **self.error.details())
        return result

    def keep_identity_only(self):
        """Hold only who an unchanged rotation is (thousands of whole rotations are a lot of memory and output)."""
        if self.action == "unchanged" and self.current is not None:
            self.current = self.after = {key: self.current[key] for key in IDENTITY_KEYS}
            self.slim = True

    def diff(self):
        before = self.current if self.action != "created" else None
        after = self.after if self.action != "deleted" else None
        return dict(diff_view(self.diff_keys, before, after), before_header=self.label, after_header=self.label)


def apply_fleet(module):
    params = module.params
    items = checked_items(module)
    apis = {slug: RotationsApi(module.api.client, slug) for slug in TYPES}
    in_scope = read_and_plan(module, items, apis)
    if params["state"] == "gathered":
        gather(module, in_scope)
    if params["state"] == "overridden":
        items += unlisted(module, items, in_scope)
    on_pool(module, lambda item: confirm_folder(item, apis) if module.check_mode else write(module, item, apis), items)
    finish(module, items)


def project_key(project_id):
    """A project id as Infisical compares it: trimmed, a UUID in lower case."""
    project_id = api_trim(project_id)
    return project_id.lower() if UUID.fullmatch(project_id) else project_id


def name_key(project_id, environment, secret_path, name):
    return (project_key(project_id), api_trim(environment), normalise_secret_path(secret_path or "/"), name)


def checked_items(module):
    """The items of ``config``, each checked against its type; fails before any request on any problem."""
    params, errors, items = module.params, task_errors(module.params), []
    deleting = params["state"] == "deleted"
    for index, raw in enumerate(params["config"]):
        where, item_params = f"config[{index}]", dict(raw)
        normalise_options(item_params)
        rotation_type = item_params["type"] = item_params["type"] or params["type"]
        errors += rule_errors(FLEET_ITEM_SPEC, item_params, where) + reference_errors(item_params, where)
        if deleting and item_params["state"] == "present":
            errors.append(f"{where}.state=present contradicts state=deleted, which deletes every item")
        if rotation_type in TYPES:
            errors += typed_errors(item_params, TYPES[rotation_type], where, complete=params["state"] in REPLACING)
        else:
            errors.append(type_error(f"{where}.type", rotation_type, "give it in the item or in the task's type"))
        items.append(Item(index, item_params, TYPES.get(rotation_type)))
    if errors:
        module.fail_json(msg="; ".join(errors))
    errors = repeated(items, lambda item: item.params["rotation_id"] or item.name_key)
    if errors:
        module.fail_json(msg="; ".join(errors))
    return items


def type_error(where, value, when_missing):
    if value is None:
        return f"{where} is needed: {when_missing}"
    return f"{where}={shown(value)} must be one of the types of the task's type option ({', '.join(sorted(TYPES))})"


def task_errors(params):
    state, scope, config = params["state"], params["scope"], params["config"]
    if scope and scope["type"] is not None and scope["type"] not in TYPES:
        return [type_error("scope.type", scope["type"], "")]
    if state in ("overridden", "gathered") and not scope:
        return [f"state={state} needs scope (its project_id, optionally environment, secret_path and type)"]
    if scope and state not in ("overridden", "gathered"):
        return [f"scope is used only with state=overridden or state=gathered, not with state={state}"]
    if state == "gathered" and config:
        return ["state=gathered reads what scope holds: leave config out"]
    if state == "overridden" and not config:
        return ["state=overridden with an empty config would delete every rotation in scope: list the rotations to"
                " keep, or use state=deleted"]
    return []


def reference_errors(params, where):
    if params["rotation_id"] or (params["name"] and params["environment"] and params["project_id"]):
        return []
    if params["name"] and params["environment"]:
        return [f"{where}.project_id is needed to find a rotation by name (the rotations are read one project at a time)"]
    return [f"{where} names no rotation: give rotation_id (best with project_id), or name with project_id and environment"
            " (and secret_path)"]


def repeated(items, key_of):
    """A sentence per rotation that two items or more name (by the same key)."""
    groups = {}
    for item in items:
        key = key_of(item)
        if key:
            groups.setdefault(key, []).append(item.label)
    return [f"the same rotation is listed more than once: {' and '.join(labels)}; give each rotation once"
            for labels in groups.values() if len(labels) > 1]


def projects(items, scope):
    """The projects to list, each once: those of the items, and the scope's."""
    keys = [project_key(item.params["project_id"]) for item in items if item.params["project_id"]]
    keys += [project_key(scope["project_id"])] if scope else []
    return list(dict.fromkeys(keys))


def read_and_plan(module, items, apis):
    """List each project once, find each item's rotation in it and plan the item (an item by id alone that no listing
    holds: read by its id); refuse two items that turn out to be one rotation. Returns the rotations inside ``scope``.

    One project's listing at a time is held in memory: a fleet of thousands of rotations is megabytes of it.
    """
    scope, state = module.params["scope"], module.params["state"]
    in_scope, waiting = [], items
    for project in projects(items, scope):
        listed = module.api.list_in_project(project, every_type=True)
        by_id = {rotation["id"].lower(): rotation for rotation in listed}
        by_name = {name_key(project, rotation["environment"]["slug"], rotation["folder"]["path"], rotation["name"]): rotation
                   for rotation in listed}
        for item in waiting:
            params = item.params
            item.found = by_id.get(params["rotation_id"]) if params["rotation_id"] else by_name.get(item.name_key)
            if item.found is not None or (params["project_id"] and project_key(params["project_id"]) == project):
                plan(item, state, module.params["full_results"])
        waiting = [item for item in waiting if item.action is None]
        if scope and project == project_key(scope["project_id"]):
            in_scope = [rotation for rotation in listed if within(rotation, scope)]
    on_pool(module, lambda item: read_by_id(item, apis), waiting)
    for item in waiting:
        plan(item, state, module.params["full_results"])
    errors = repeated(items, lambda item: item.current and item.current["id"])
    if errors:
        module.fail_json(msg=f"{'; '.join(errors)} (one item names it by rotation_id, another by name). Nothing was changed.")
    return in_scope


def read_by_id(item, apis):
    item.found = read_or_fail(item, lambda: apis[item.entry["slug"]].find(rotation_id=item.params["rotation_id"]))


def plan(item, state, full_results):
    """Decide the item's action (and its request body) from what Infisical holds, as ``rotation`` would."""
    params, entry, found = item.params, item.entry, item.found
    if item.action == "failed":
        return None
    if found is not None and found["type"] != entry["slug"]:
        item.current = rotation_from_api(found, TYPES.get(found["type"]))
        return item.fail(f"it is a {found['type']} rotation, not {entry['slug']}: the type of a rotation cannot change")
    item.current = rotation_from_api(found, entry) if found is not None else None
    if state == "deleted" or params["state"] == "absent":
        item.action = "deleted" if found is not None else "unchanged"
    elif found is None:
        plan_create(item)
    else:
        plan_update(item, state)
    # The plan holds what it will write: what Infisical sent is needed no more (thousands of rotations are megabytes).
    item.found = None
    if not full_results:
        item.keep_identity_only()
    return None


def plan_create(item):
    params, entry = item.params, item.entry
    if params["rotation_id"]:
        where = f"project {params['project_id']} has" if params["project_id"] else "Infisical has"
        return item.fail(f"{where} no rotation with rotation_id {params['rotation_id']}; to create one, identify it by name")
    gaps = creation_gaps(params, entry) + temporary_gaps(params, entry)
    if gaps:
        return item.fail(f"it does not exist; to create it give {', '.join(gaps)}")
    desired, item.after, item.body = creation(params, entry, reference(params))
    item.action, item.changed, item.diff_keys = "created", sorted(desired), list(desired)
    return None


def plan_update(item, state):
    params, entry, current = item.params, item.entry, item.current
    desired = replacing_settings(params, entry) if state in REPLACING else desired_settings(params, entry, current)
    frozen = identity_conflicts(params, current, IDENTITY_FIELDS) + immutable_conflicts(desired, current, entry)
    if frozen:
        return item.fail(f"Infisical does not let these change on an existing rotation: {'; '.join(frozen)}")
    item.changed, item.diff_keys = changed_settings(desired, current), list(desired)
    item.action = "updated" if item.changed else "unchanged"
    if item.changed:
        item.after = dict(current, **desired)
        item.body = settings_to_api({key: desired[key] for key in item.changed}, entry, item.found)
    else:
        item.after = current
    return None


def reference(params):
    """An item's name tuple, as ``RotationsApi.find`` takes it."""
    return {"project_id": api_trim(params["project_id"] or ""), "environment": api_trim(params["environment"] or ""),
            "secret_path": normalise_secret_path(params["secret_path"] or "/"), "name": params["name"]}


def unlisted(module, items, in_scope):
    """state=overridden: an item that deletes each rotation in scope that no item names."""
    kept = {item.current["id"] for item in items if item.current is not None}
    in_scope = [rotation for rotation in in_scope if rotation["id"] not in kept]
    unknown = sorted({rotation["type"] for rotation in in_scope if rotation["type"] not in TYPES})
    if unknown:
        module.fail_json(msg=f"scope holds rotations of types this collection does not know ({', '.join(unknown)}), which"
                             " config cannot list: narrow scope.type, or upgrade the collection. Nothing was changed.")
    deletions = []
    for rotation in in_scope:
        item = Item(None, {}, TYPES[rotation["type"]])
        item.found, item.current, item.action = rotation, rotation_from_api(rotation, item.entry), "deleted"
        deletions.append(item)
    return deletions


def within(rotation, scope):
    """Whether a listed rotation (API spelling) is inside ``scope``: its environment, folder and type, where given."""
    wanted = {"environment": scope.get("environment") and api_trim(scope["environment"]), "type": scope.get("type"),
              "path": scope.get("secret_path") and normalise_secret_path(scope["secret_path"])}
    have = {"environment": rotation["environment"]["slug"], "type": rotation["type"],
            "path": normalise_secret_path(rotation["folder"]["path"])}
    return all(have[key] == value for key, value in wanted.items() if value)


def gather(module, in_scope):
    """state=gathered: the rotations in scope as config items, with their health; no change."""
    now, overdue_after = datetime.now(timezone.utc), parse_duration(module.params["overdue_after"])
    gathered, unknown = [], set()
    for found in in_scope:
        rotation = rotation_from_api(found, TYPES.get(found["type"]))
        rotation["health"], rotation["health_reason"] = health(rotation, now, overdue_after)
        if found["type"] not in TYPES:
            unknown.add(found["type"])
        gathered.append({key: rotation[key] for key in GATHERED_KEYS + ("health", "health_reason") if rotation[key] is not None})
    if unknown:
        module.warn(f"types this collection does not know are gathered without parameters: {', '.join(sorted(unknown))}")
    module.exit_json(changed=False, gathered=gathered, summary=health_summary(gathered))


def on_pool(module, task, items):
    """Run ``task(item)`` for each item on ``concurrency`` threads (they share one client: a 429 pauses them all)."""
    with ThreadPoolExecutor(max_workers=module.params["concurrency"]) as pool:
        list(pool.map(task, items))


def confirm_folder(item, apis):
    """Check mode: a create's folder must exist (the listing cannot tell), as the real create would find out."""
    if item.action == "created":
        read_or_fail(item, lambda: apis[item.entry["slug"]].find(**reference(item.params)))


def write(module, item, apis):
    """Send the item's write, if it has one; a failure marks the item, and the others go on."""
    api, params = apis[item.entry["slug"]], item.params
    if item.action == "created":
        answer = read_or_fail(item, lambda: create_once(api, item.entry, item.body, reference(params), module.warn))
    elif item.action == "updated":
        answer = read_or_fail(item, lambda: api.update(item.current["id"], item.body))
    elif item.action == "deleted":
        flags = [module.params[key] if params.get(key) is None else params[key]
                 for key in ("delete_secrets", "revoke_generated_credentials")]
        read_or_fail(item, lambda: api.delete(item.current["id"], *flags))
        return
    else:
        return
    if answer is not None:
        item.after = rotation_from_api(answer, item.entry)


def read_or_fail(item, request):
    """``request()``'s answer; ``None`` when it failed, the item then marked with Infisical's error."""
    try:
        return request()
    except InfisicalError as err:
        item.fail(err)
        return None


def finish(module, items):
    results = [item.result() for item in items]
    summary = dict({action: sum(1 for item in items if item.action == action) for action in ACTIONS}, total=len(items))
    outcome = {"changed": any(item.action in ("created", "updated", "deleted") for item in items),
               "results": results, "summary": summary}
    if module._diff:
        outcome["diff"] = [item.diff() for item in items if item.action in ("created", "updated", "deleted")]
    failed = [item for item in items if item.action == "failed"]
    if failed:
        module.fail_json(msg=f"{len(failed)} of {len(items)} rotations failed: "
                             + "; ".join(f"{item.label}: {item.error}" for item in failed), **outcome)
    module.exit_json(**outcome)
