#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: rotate
short_description: Rotate the credentials of an Infisical secret rotation of any type now, exactly once
version_added: 1.1.0
description:
  - Asks Infisical to rotate a secret rotation now. Infisical issues new credentials (a password, a client secret, an
    access key...), makes them the active ones, writes them into the mapped Infisical secrets and, for dual-phase
    types, retires the credentials before the previous ones.
  - Never rotates twice by accident. The rotate request is repeated only when Infisical surely did not act on it
    (a rate limit, or a connection that could not be opened). After a lost answer (timeout, dropped connection,
    server or gateway error) the module reads the rotation back and reports what really happened.
  - O(skip_if_rotated_within) makes the task a no-op when the last successful rotation is recent enough.
author:
  - infisical.secret_rotation maintainers (@infisical-community)
options:
  type:
    required: true
extends_documentation_fragment:
  - infisical.secret_rotation.connection
  - infisical.secret_rotation.rotation
  - infisical.secret_rotation.types.TYPE
  - infisical.secret_rotation.trigger
  - infisical.secret_rotation.attributes
attributes:
  check_mode:
    description: Reads the rotation, applies O(skip_if_rotated_within), and reports whether it would rotate, without rotating.
    support: full
  diff_mode:
    description: Nothing is shown; a rotation has no settings to compare.
    support: none
notes:
  - "Most types rotate in two phases: Infisical keeps two sets of credentials, the active one and the one before it,
    and each rotation retires the older before it makes new ones. Two rotations in quick succession therefore retire
    the credentials consumers have only just switched to. Give consumers time to pick up each new one."
seealso:
  - module: infisical.secret_rotation.rotation
  - module: infisical.secret_rotation.rotation_info
  - module: infisical.secret_rotation.dbt_token_rotate
"""

EXAMPLES = r"""
# Ad hoc, with the connection from the environment:
#   export INFISICAL_URL=https://eu.infisical.com
#   export INFISICAL_UNIVERSAL_AUTH_CLIENT_ID=... INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET=...
#   ansible localhost -m infisical.secret_rotation.rotate -a 'type=aws-iam-user-secret rotation_id=85b61342-...'

- name: Rotate a database password now
  infisical.secret_rotation.rotate:
    universal_auth_client_id: "{{ infisical_client_id }}"
    universal_auth_client_secret: "{{ infisical_client_secret }}"
    type: postgres-credentials
    name: orders-db
    project_id: a1b2c3d4-0000-4000-8000-000000000002
    environment: prod
    secret_path: /databases

- name: Weekly scheduled rotation; a re-run of the job the same week does nothing
  infisical.secret_rotation.rotate:
    universal_auth_client_id: "{{ infisical_client_id }}"
    universal_auth_client_secret: "{{ infisical_client_secret }}"
    type: aws-iam-user-secret
    rotation_id: a1b2c3d4-0000-4000-8000-000000000113
    skip_if_rotated_within: 6d
  register: rotation

- name: Restart the consumers only when the credentials really changed
  ansible.builtin.debug:
    msg: "Rotated at {{ rotation.rotation.last_rotated_at }} (previous rotation {{ rotation.previous_rotated_at }})"
  when: rotation.rotated
"""

RETURN = r"""
rotated:
  description:
    - Whether the credentials were rotated (in check mode, whether they would be). Equal to RV(ignore:changed).
  returned: success
  type: bool
  sample: true
previous_rotated_at:
  description: Time of the last successful rotation before this task (ISO 8601, UTC).
  returned: success
  type: str
  sample: "2026-11-16T03:15:00.512Z"
rotation:
  description:
    - The rotation after the task, in snake_case; in check mode and when skipped, as it was.
    - The keys are those of RV(infisical.secret_rotation.rotation_info#module:rotations[]), without C(health). Never a
      credential.
  returned: success
  type: dict
  sample:
    id: 85b61342-a604-4e28-b81e-e32a498f1ed4
    name: orders-db
    type: postgres-credentials
    active_index: 1
    rotation_status: success
    last_rotation_message: null
    last_rotated_at: "2026-11-23T05:37:11.245Z"
    last_rotation_attempted_at: "2026-11-23T05:37:11.245Z"
    is_last_rotation_manual: true
msg:
  description: What the task did, and why it skipped when it did.
  returned: always
  type: str
  sample: "skipped: last rotated 2h 5m ago, within skip_if_rotated_within=6d"
"""

from ansible_collections.infisical.secret_rotation.plugins.module_utils._module import InfisicalModule
from ansible_collections.infisical.secret_rotation.plugins.module_utils._options import TYPE_SPEC
from ansible_collections.infisical.secret_rotation.plugins.module_utils._rotate import ROTATE_SPEC, rotate


def main():
    module = InfisicalModule(dict(ROTATE_SPEC, **TYPE_SPEC), supports_check_mode=True)
    module.run(rotate)


if __name__ == "__main__":
    main()
