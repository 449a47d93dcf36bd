#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: dbt_token_rotate
short_description: Rotate the token of an Infisical DBT Service Token Rotation now, exactly once
version_added: 1.0.0
description:
  - Asks Infisical to rotate a DBT Service Token Rotation now. Infisical creates a new dbt service token, makes it the
    active one, writes it into the mapped Infisical secret and revokes the token before the previous one.
  - Never rotates twice by accident. The rotate request is repeated only when Infisical surely did not act on it
    (a rate limit, or a connection that could not be opened). After a lost answer (timeout, dropped connection,
    server or gateway error) the module reads the rotation back and reports what really happened.
  - O(skip_if_rotated_within) makes the task a no-op when the last successful rotation is recent enough.
author:
  - infisical.secret_rotation maintainers (@infisical-community)
extends_documentation_fragment:
  - infisical.secret_rotation.connection
  - infisical.secret_rotation.rotation
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
  - "Rotation is dual-phase: Infisical keeps two dbt tokens, the active one and the one before it. Each rotation revokes
    the older of the two before it makes a new one. Two rotations in quick succession therefore revoke the token that
    consumers have only just switched to. Give consumers time to pick up each new token before rotating again."
seealso:
  - module: infisical.secret_rotation.dbt_token_rotation
  - module: infisical.secret_rotation.dbt_token_rotation_info
  - name: Infisical DBT Service Token rotation
    description: How Infisical rotates dbt service tokens.
    link: https://infisical.com/docs/documentation/platform/secret-rotation/dbt-service-token
"""

EXAMPLES = r"""
# Ad hoc, with the connection from the environment:
#   export INFISICAL_URL=https://eu.infisical.com
#   export INFISICAL_UNIVERSAL_AUTH_CLIENT_ID=... INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET=...
#   ansible localhost -m infisical.secret_rotation.dbt_token_rotate -a rotation_id=85b61342-a604-4e28-b81e-e32a498f1ed4

- name: Rotate a token now
  infisical.secret_rotation.dbt_token_rotate:
    universal_auth_client_id: "{{ infisical_client_id }}"
    universal_auth_client_secret: "{{ infisical_client_secret }}"
    rotation_id: 85b61342-a604-4e28-b81e-e32a498f1ed4

- name: Weekly scheduled rotation; a re-run of the job the same week does nothing
  infisical.secret_rotation.dbt_token_rotate:
    universal_auth_client_id: "{{ infisical_client_id }}"
    universal_auth_client_secret: "{{ infisical_client_secret }}"
    name: dbt-ci-token
    project_id: a1b2c3d4-0000-4000-8000-000000000002
    environment: prod
    secret_path: /dbt
    skip_if_rotated_within: 6d
  register: rotation

- name: Restart the consumers only when the token really changed
  ansible.builtin.debug:
    msg: "Token rotated at {{ rotation.rotation.last_rotated_at }} (previous rotation {{ rotation.previous_rotated_at }})"
  when: rotation.rotated
"""

RETURN = r"""
rotated:
  description:
    - Whether the token was rotated (in check mode, whether it would be). Equal to RV(ignore:changed).
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
    - The keys are those of RV(infisical.secret_rotation.dbt_token_rotation_info#module:rotations[]). No token value.
  returned: success
  type: dict
  sample:
    id: 85b61342-a604-4e28-b81e-e32a498f1ed4
    name: dbt-ci-token
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
from ansible_collections.infisical.secret_rotation.plugins.module_utils._rotate import ROTATE_SPEC, rotate


def main():
    module = InfisicalModule(ROTATE_SPEC, rotation_type="dbt-service-token", supports_check_mode=True)
    module.run(rotate)


if __name__ == "__main__":
    main()
