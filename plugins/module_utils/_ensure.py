# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE to the infisical.secret_rotation collection: no stable interface, may change in any release.

"""The declarative flow of ``rotation`` and ``dbt_token_rotation``: read, compare, then create, update or delete.

One read (GET); the settings the task gives are normalised as Infisical stores them and compared; only
the differing ones are written, in one request whose answer is the new state. Check mode makes the
same read and comparison and writes nothing.
"""

from __future__ import annotations

from ansible_collections.infisical.secret_rotation.plugins.module_utils import _schema
from ansible_collections.infisical.secret_rotation.plugins.module_utils._client import InfisicalError
from ansible_collections.infisical.secret_rotation.plugins.module_utils._rotation import (
    CREATE_DEFAULTS,
    MANAGED_SETTINGS,
    changed_settings,
    creation_gaps,
    desired_settings,
    diff_view,
    immutable_conflicts,
    normalise,
    rotation_from_api,
    settings_to_api,
)

# Infisical's answer when a deleted rotation left its secret behind (deleteSecrets=false).
SECRET_EXISTS = "The following secrets already exist"


def ensure_rotation(module):
    found = find(module)
    current = rotation_from_api(found, module.entry) if found else None
    if module.params["state"] == "absent":
        delete(module, current)
    elif current is None:
        create(module)
    else:
        update(module, current, found)


def find(module):
    """The rotation as Infisical answers it, or ``None``."""
    try:
        return module.api.find(**module.reference())
    except InfisicalError as err:
        # Nothing to delete in a folder that does not exist; anything else there would fail.
        if err.missing_folder and module.params["state"] == "absent":
            return None
        raise


def update(module, current, found):
    module.check_identity(current)
    desired = desired_settings(module.params, module.entry, current)
    frozen = immutable_conflicts(desired, current, module.entry)
    if frozen:
        module.fail_json(msg=f"Infisical does not let these change on an existing rotation: {'; '.join(frozen)}", rotation=current)
    changed = changed_settings(desired, current)
    after = dict(current, **desired)
    if changed and not module.check_mode:
        body = settings_to_api({key: desired[key] for key in changed}, module.entry, found)
        after = rotation_from_api(module.api.update(current["id"], body), module.entry)
    finish(module, bool(changed), after, diff_view(desired, current, after))


def create(module):
    params, entry = module.params, module.entry
    if params["rotation_id"]:
        module.fail_json(msg=f"no rotation has rotation_id {params['rotation_id']}; to create one, identify it by name")
    gaps = creation_gaps(params, entry) + temporary_gaps(params, entry)
    if gaps:
        module.fail_json(msg=f"rotation {params['name']!r} does not exist; to create it give {', '.join(gaps)}")
    desired, after, body = creation(params, entry, module.reference())
    if not module.check_mode:
        after = rotation_from_api(create_once(module.api, entry, body, module.reference(), module.warn), entry)
    finish(module, True, after, diff_view(desired, None, after))


def creation(params, entry, reference):
    """(the settings given, the rotation a create makes of them, the create request's body)."""
    desired = desired_settings(params, entry, CREATE_DEFAULTS)
    after = normalise(dict(desired, project_id=reference["project_id"], environment=reference["environment"],
                           secret_path=reference["secret_path"], connection_id=params["connection_id"]), entry)
    body = settings_to_api(after, entry)
    if params.get("temporary_parameters") is not None:
        body["temporaryParameters"] = _schema.to_api(entry["temporary_parameters"], params["temporary_parameters"])
    return desired, after, body


def temporary_gaps(params, entry):
    """The create-only temporary parameters the type's create rules ask for and the task leaves out."""
    body = {"parameters": params.get("parameters") or {}, "temporaryParameters": params.get("temporary_parameters") or {}}
    return [f"temporary_parameters ({message})" for message in _schema.rule_problems(entry["create_rules"], body)]


def create_once(api, entry, body, reference, warn):
    """POST the rotation; if the answer is lost, look it up by its name tuple (``reference``) instead of creating a
    second one."""
    try:
        return api.create(body)
    except InfisicalError as err:
        if err.status == 400 and err.message.startswith(SECRET_EXISTS):
            names = " or ".join(f"secrets_mapping.{name}" for name in _schema.option_names(entry["secrets_mapping"]))
            err.message += (f" (a deleted rotation may have left it: delete that secret, choose another {names},"
                            " or delete with delete_secrets=true)")
        if not err.ambiguous:
            raise
        found = api.find(**reference)
        if found is None:
            err.message += ("; the rotation does not exist now (it was not created, or its creation is still under way),"
                            " and running the task again is safe: it looks the rotation up first")
            raise
        warn(f"the answer to the create request was lost ({err}); the rotation exists now and is reported as created")
        return found


def delete(module, current):
    if current is not None and not module.check_mode:
        module.api.delete(current["id"], module.params["delete_secrets"], module.params["revoke_generated_credentials"])
    finish(module, current is not None, None, diff_view(MANAGED_SETTINGS, current, None))


def finish(module, changed, rotation, diff):
    result = {"changed": changed, "rotation": rotation}
    if module._diff:
        result["diff"] = diff
    module.exit_json(**result)
