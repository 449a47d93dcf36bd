#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: reconcile
short_description: Reconcile the password of an Infisical local-account rotation
version_added: 1.1.0
description:
  - Asks Infisical to reconcile a local-account rotation (Unix/Linux, Windows, HP iLO) that rotates by logging in as
    the account itself. Infisical then logs in with the app connection's administrator instead, sets a new password
    for the account, and writes it into the active credentials and the mapped password secret.
  - Use it when the account's password changed outside Infisical, so the rotation can no longer log in as the account.
  - The request issues a new password, so it is never repeated blindly; after a lost answer the module reads the
    rotation back and reports what really happened.
author:
  - infisical.secret_rotation maintainers (@infisical-community)
options:
  type:
    required: true
extends_documentation_fragment:
  - infisical.secret_rotation.connection
  - infisical.secret_rotation.rotation
  - infisical.secret_rotation.types.TYPE
  - infisical.secret_rotation.attributes
attributes:
  check_mode:
    description: Not supported; in check mode the task is skipped.
    support: none
  diff_mode:
    description: Nothing is shown.
    support: none
notes:
  - Only types with the reconcile route can be reconciled, and only rotations with C(rotation_method=login-as-target);
    the task fails clearly for any other.
  - A reconciliation always changes the password, so a successful task reports RV(ignore:changed=true).
seealso:
  - module: infisical.secret_rotation.rotation
  - module: infisical.secret_rotation.rotate
"""

EXAMPLES = r"""
- name: Take a Linux account back after its password was changed by hand
  infisical.secret_rotation.reconcile:
    universal_auth_client_id: "{{ infisical_client_id }}"
    universal_auth_client_secret: "{{ infisical_client_secret }}"
    type: unix-linux-local-account
    name: backup-user
    project_id: a1b2c3d4-0000-4000-8000-000000000002
    environment: prod
    secret_path: /hosts/db1
"""

RETURN = r"""
reconciled:
  description: Whether the password was reconciled. Equal to RV(ignore:changed).
  returned: success
  type: bool
  sample: true
rotation:
  description:
    - The rotation after the task, in snake_case. The keys are those of
      RV(infisical.secret_rotation.rotation_info#module:rotations[]), without C(health). Never a credential.
  returned: success
  type: dict
  sample:
    id: 85b61342-a604-4e28-b81e-e32a498f1ed4
    name: backup-user
    type: unix-linux-local-account
    rotation_status: success
    last_rotated_at: "2026-11-23T05:37:11.245Z"
"""

from ansible_collections.infisical.secret_rotation.plugins.module_utils._module import InfisicalModule
from ansible_collections.infisical.secret_rotation.plugins.module_utils._options import TYPE_SPEC
from ansible_collections.infisical.secret_rotation.plugins.module_utils._rotate import RECONCILIATION, change_once, locked
from ansible_collections.infisical.secret_rotation.plugins.module_utils._types import TYPES


def reconcile(module):
    if "reconcile" not in module.entry["extra_routes"]:
        able = ", ".join(slug for slug, entry in sorted(TYPES.items()) if "reconcile" in entry["extra_routes"])
        module.fail_json(msg=f"type {module.rotation_type} has no reconcile route; the types that have one: {able}")
    with locked(module) as before:
        if (before["parameters"] or {}).get("rotation_method") != "login-as-target":
            module.fail_json(msg="only a rotation with parameters.rotation_method=login-as-target can be reconciled",
                             rotation=before)
        path = module.api.item_path(before["id"], "reconcile")
        after = change_once(module, before, module.api.reconcile, path, RECONCILIATION)
    module.exit_json(changed=True, reconciled=True, rotation=after)


def main():
    module = InfisicalModule(TYPE_SPEC, supports_check_mode=False)
    module.run(reconcile)


if __name__ == "__main__":
    main()
