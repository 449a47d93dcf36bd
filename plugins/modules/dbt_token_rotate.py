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
options:
  skip_if_rotated_within:
    description:
      - Do not rotate when the last successful rotation happened within this long, for example V(90s), V(30m), V(12h),
        V(7d), V(2w), V(1d12h), or a number of seconds.
      - A recent failed attempt does not count; only a successful rotation does.
      - Not set, the module always rotates.
    type: str
extends_documentation_fragment:
  - infisical.secret_rotation.connection
  - infisical.secret_rotation.rotation
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
  - In scheduled jobs (cron, AWX schedules), set O(skip_if_rotated_within) a little below the schedule's period, so a
    re-run or an overlapping run of the job does not rotate a second time.
  - The guard compares Infisical's C(last_rotated_at) of the rotation with the clock of the host that runs the module.
    A C(last_rotated_at) ahead of that clock (clock skew) counts as "just now", with a warning.
  - "The guard is atomic for runs on one host: the module holds an exclusive lock per Infisical URL and rotation from
    the guard's read to the end of the rotate request, in one lock file that every run of the user on that host
    shares (C(~/.ansible/infisical.secret_rotation.lock), or one in the temporary folder when the home folder is not
    writable). A second run started at the same moment waits, then reads the new rotation and skips. The operating
    system releases the lock when a run ends, however it ends."
  - Runs on different hosts (controllers, AWX execution nodes, containers with their own home folder) do not share
    the lock, and two of them started together can both rotate. Infisical itself refuses a rotation while another
    one of the same rotation is in progress, but not one that comes right after it. Schedule such jobs on one host.
  - Each rotation issues a token, so the task is not idempotent without O(skip_if_rotated_within); a real rotation
    always reports RV(ignore:changed=true).
  - "Requests per run: with O(auth_method=universal_auth) or O(auth_method=oidc_auth), one login; one C(GET) (the guard,
    and the point of comparison should the answer be lost), and with O(name) one more, by id under the lock; one
    C(POST) when it rotates; one more C(GET) only if the answer to the C(POST) is lost or shows no new rotation."
  - An answer to the C(POST) is believed only when its C(last_rotated_at) is later than the one read before. An
    answer that does not show a new rotation, or is not a rotation at all, is handled like a lost one.
  - If the answer is lost and the read-back cannot tell, the task fails saying the rotation may or may not have
    happened. Check C(last_rotated_at) with M(infisical.secret_rotation.dbt_token_rotation_info) before
    running it again.
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
