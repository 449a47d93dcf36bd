#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: dbt_token_rotation_info
short_description: Read Infisical DBT Service Token Rotations
version_added: 1.0.0
description:
  - Reads one DBT Service Token Rotation of Infisical, by ID or by name, or lists every DBT Service Token Rotation of a project.
  - Use it for reporting, or to look up a rotation before acting on it.
  - Returns the settings and status of each rotation; never a token value.
author:
  - infisical.secret_rotation maintainers (@infisical-community)
options:
  rotation_id:
    description:
      - ID (a UUID) of the rotation to read. Give either O(rotation_id), O(name) with O(project_id) and O(environment),
        or O(project_id) alone to list the project's rotations.
      - Compared case-insensitively, sent in lower case. O(name), O(project_id), O(environment) and O(secret_path)
        given beside it must match the rotation found, or the task fails.
    type: str
  project_id:
    description:
      - ID of the Infisical project. Alone, it lists every DBT Service Token Rotation of the project
        (all environments and folders the identity may read).
    type: str
extends_documentation_fragment:
  - infisical.secret_rotation.connection
  - infisical.secret_rotation.rotation
  - infisical.secret_rotation.health
  - infisical.secret_rotation.attributes
  - infisical.secret_rotation.attributes.READ_ONLY
notes:
  - A rotation that does not exist gives an empty RV(rotations) list, not a failure.
    Looking up a name in a folder that does not exist fails, naming O(environment) and O(secret_path), so that a
    mistyped folder is not taken for a missing rotation.
  - One request reads the whole project, whatever its size (plus one login with O(auth_method=universal_auth)
    or O(auth_method=oidc_auth)).
seealso:
  - module: infisical.secret_rotation.dbt_token_rotation
  - module: infisical.secret_rotation.dbt_token_rotate
"""

EXAMPLES = r"""
- name: Read one rotation by ID
  infisical.secret_rotation.dbt_token_rotation_info:
    url: https://eu.infisical.com
    universal_auth_client_id: "{{ infisical_client_id }}"
    universal_auth_client_secret: "{{ infisical_client_secret }}"
    rotation_id: 85b61342-a604-4e28-b81e-e32a498f1ed4
  register: found

- name: Read one rotation by name
  infisical.secret_rotation.dbt_token_rotation_info:
    universal_auth_client_id: "{{ infisical_client_id }}"
    universal_auth_client_secret: "{{ infisical_client_secret }}"
    name: dbt-ci-token
    project_id: a1b2c3d4-0000-4000-8000-000000000002
    environment: dev
    secret_path: /dbt
  register: found

- name: Report every rotation of a project that failed its last attempt
  infisical.secret_rotation.dbt_token_rotation_info:
    auth_method: token_auth
    token: "{{ infisical_access_token }}"
    project_id: a1b2c3d4-0000-4000-8000-000000000002
  register: project

- name: Show the failures
  ansible.builtin.debug:
    msg: "{{ item.name }}: {{ item.last_rotation_message }}"
  loop: "{{ project.rotations | selectattr('rotation_status', 'equalto', 'failed') | list }}"
  loop_control:
    label: "{{ item.name }}"
"""

RETURN = r"""
rotations:
  description:
    - The rotations found, in snake_case. One item for a lookup by ID or name (none when it does not exist);
      every DBT Service Token Rotation of the project for O(project_id) alone.
  returned: success
  type: list
  elements: dict
  contains:
    id:
      description: ID of the rotation.
      type: str
      returned: always
      sample: 85b61342-a604-4e28-b81e-e32a498f1ed4
    name:
      description: Name of the rotation.
      type: str
      returned: always
      sample: dbt-ci-token
    description:
      description: Description of the rotation, or V(null).
      type: str
      returned: always
      sample: dbt CI service token
    type:
      description: Rotation type, always V(dbt-service-token).
      type: str
      returned: always
      sample: dbt-service-token
    project_id:
      description: ID of the Infisical project.
      type: str
      returned: always
      sample: a1b2c3d4-0000-4000-8000-000000000002
    environment:
      description: Slug of the environment.
      type: str
      returned: always
      sample: dev
    environment_name:
      description: Display name of the environment.
      type: str
      returned: always
      sample: Development
    secret_path:
      description: Folder of the rotation, without trailing slash.
      type: str
      returned: always
      sample: /dbt
    folder_id:
      description: ID of the folder.
      type: str
      returned: always
      sample: a1b2c3d4-0000-4000-8000-000000000005
    connection_id:
      description: ID of the DBT app connection used to create tokens.
      type: str
      returned: always
      sample: a1b2c3d4-0000-4000-8000-000000000006
    connection_name:
      description: Name of the DBT app connection.
      type: str
      returned: always
      sample: dbt-cloud
    auto_rotation_enabled:
      description: Whether Infisical rotates the token on schedule.
      type: bool
      returned: always
      sample: true
    rotation_interval:
      description: Days between scheduled rotations.
      type: int
      returned: always
      sample: 30
    rotate_at_utc:
      description: Time of day (UTC) of scheduled rotations.
      type: dict
      returned: always
      sample: {"hours": 3, "minutes": 15}
      contains:
        hours:
          description: Hour, 0 to 23.
          type: int
        minutes:
          description: Minute, 0 to 59.
          type: int
    parameters:
      description: How new dbt service tokens are made.
      type: dict
      returned: always
      contains:
        token_name:
          description: Name given to each new dbt service token.
          type: str
          sample: infisical-ci
        permission_grants:
          description: Permission grants of each new token, sorted; C(project_id) is left out when the grant covers all dbt projects.
          type: list
          elements: dict
          sample: [{"permission_set": "job_admin", "project_id": 111}]
    secrets_mapping:
      description: Where the active token is stored in Infisical.
      type: dict
      returned: always
      contains:
        service_token:
          description: Name of the Infisical secret that holds the active token (the name, not the token).
          type: str
          sample: DBT_SERVICE_TOKEN
    active_index:
      description: Which of the two credential slots holds the active token (V(0) or V(1)).
      type: int
      returned: always
      sample: 0
    rotation_status:
      description: Outcome of the last rotation attempt, V(success) or V(failed).
      type: str
      returned: always
      sample: success
    last_rotation_message:
      description: Error text of the last failed attempt, V(null) after a success.
      type: str
      returned: always
      sample: null
    last_rotated_at:
      description: Time of the last successful rotation (ISO 8601, UTC).
      type: str
      returned: always
      sample: "2026-11-23T05:37:11.080Z"
    last_rotation_attempted_at:
      description: Time of the last rotation attempt, successful or not.
      type: str
      returned: always
      sample: "2026-11-23T05:37:11.080Z"
    last_rotation_job_id:
      description: ID of the job of the last scheduled rotation, or V(null).
      type: str
      returned: always
      sample: null
    next_rotation_at:
      description: Time of the next scheduled rotation; V(null) when auto-rotation is off.
      type: str
      returned: always
      sample: "2026-12-24T03:15:00.000Z"
    is_last_rotation_manual:
      description: Whether the last rotation was asked for (API or UI) rather than scheduled.
      type: bool
      returned: always
      sample: true
    created_at:
      description: Creation time.
      type: str
      returned: always
      sample: "2026-11-23T05:37:11.100Z"
    updated_at:
      description: Time of the last change.
      type: str
      returned: always
      sample: "2026-11-23T05:37:11.100Z"
    health:
      description: V(ok), V(failed), V(overdue) or V(paused); see O(overdue_after).
      type: str
      returned: always
      sample: ok
      version_added: 1.1.0
    health_reason:
      description: One sentence on why the rotation has that health, and what to look at.
      type: str
      returned: always
      sample: "rotated at 2026-11-23T05:37:11.080Z; next at 2026-12-08T03:15:00.000Z"
      version_added: 1.1.0
summary:
  description: Counts of the rotations returned, by health and by type.
  returned: success
  type: dict
  version_added: 1.1.0
  contains:
    total:
      description: How many rotations were returned.
      type: int
    ok:
      description: How many are healthy.
      type: int
    failed:
      description: How many failed their last rotation.
      type: int
    overdue:
      description: How many are overdue.
      type: int
    paused:
      description: How many have auto-rotation off.
      type: int
    by_type:
      description: How many of each rotation type.
      type: dict
  sample: {"total": 2, "ok": 1, "failed": 1, "overdue": 0, "paused": 0, "by_type": {"dbt-service-token": 2}}
"""

from ansible_collections.infisical.secret_rotation.plugins.module_utils._module import InfisicalModule
from ansible_collections.infisical.secret_rotation.plugins.module_utils._read import READ_SPEC, read_rotations


def main():
    module = InfisicalModule(READ_SPEC, rotation_type="dbt-service-token", project_listing=True, supports_check_mode=True)
    module.run(read_rotations)


if __name__ == "__main__":
    main()
