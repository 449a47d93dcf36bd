#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: rotation_info
short_description: Read Infisical secret rotations of any type, with their health
version_added: 1.1.0
description:
  - Reads one secret rotation of Infisical by ID or by name (O(type) needed), the rotations of one type in a project,
    or every rotation of a project, of every type, in one request.
  - Each rotation comes with its health (V(ok), V(failed), V(overdue), V(paused)) and a reason a person can act on,
    and RV(summary) counts them, for reports and for CI jobs that fail on an unhealthy rotation.
  - Never returns a credential.
author:
  - infisical.secret_rotation maintainers (@infisical-community)
options:
  rotation_id:
    description:
      - ID (a UUID) of the rotation to read, with O(type). Give either O(rotation_id), O(name) with O(project_id) and
        O(environment), or O(project_id) alone to list the project's rotations.
      - Compared case-insensitively, sent in lower case. O(name), O(project_id), O(environment) and O(secret_path)
        given beside it must match the rotation found, or the task fails.
    type: str
  project_id:
    description:
      - ID of the Infisical project. Alone, it lists the project's rotations (all environments and folders the identity
        may read), of O(type) when given, else of every type in one request; O(environment) and O(secret_path) then
        keep only the rotations in that environment and folder.
    type: str
extends_documentation_fragment:
  - infisical.secret_rotation.connection
  - infisical.secret_rotation.rotation
  - infisical.secret_rotation.types.TYPE
  - infisical.secret_rotation.health
  - infisical.secret_rotation.attributes
  - infisical.secret_rotation.attributes.READ_ONLY
notes:
  - O(type) is needed to look a rotation up by O(rotation_id) or O(name), since Infisical serves each type under its
    own route; a listing without O(type) reads every type at once (C(GET /api/v2/secret-rotations?projectId=)).
  - A rotation that does not exist gives an empty RV(rotations) list, not a failure. Looking up a name in a folder that
    does not exist fails, naming O(environment) and O(secret_path).
  - One request reads the whole project, whatever its size (plus one login with O(auth_method=universal_auth)
    or O(auth_method=oidc_auth)).
seealso:
  - module: infisical.secret_rotation.rotation
  - module: infisical.secret_rotation.dbt_token_rotation_info
"""

EXAMPLES = r"""
- name: Every rotation of a project, of every type, in one request
  infisical.secret_rotation.rotation_info:
    universal_auth_client_id: "{{ infisical_client_id }}"
    universal_auth_client_secret: "{{ infisical_client_secret }}"
    project_id: a1b2c3d4-0000-4000-8000-000000000002
  register: estate

- name: One line for each rotation that failed or is overdue (examples/health_gate.yml fails the job instead)
  ansible.builtin.debug:
    msg: "{{ estate.rotations | selectattr('health', 'in', ['failed', 'overdue'])
             | map(attribute='name') | zip(estate.rotations | selectattr('health', 'in', ['failed', 'overdue'])
             | map(attribute='health_reason')) | map('join', ': ') | list }}"

- name: One rotation, by name
  infisical.secret_rotation.rotation_info:
    universal_auth_client_id: "{{ infisical_client_id }}"
    universal_auth_client_secret: "{{ infisical_client_secret }}"
    type: postgres-credentials
    name: orders-db
    project_id: a1b2c3d4-0000-4000-8000-000000000002
    environment: prod
    secret_path: /databases

- name: The AWS IAM user secrets of the production environment
  infisical.secret_rotation.rotation_info:
    auth_method: token_auth
    token: "{{ infisical_access_token }}"
    type: aws-iam-user-secret
    project_id: a1b2c3d4-0000-4000-8000-000000000002
    environment: prod
"""

RETURN = r"""
rotations:
  description:
    - The rotations found, in snake_case. One item for a lookup by ID or name (none when it does not exist);
      for O(project_id) alone, every rotation of the project (of O(type) when given) in O(environment) and
      O(secret_path) when given.
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
      description: Rotation type, for example V(postgres-credentials).
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
      description: ID of the app connection that issues the credentials.
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
      description:
        - The type's parameters in snake_case; only the keys the collection's registry knows for the type (see
          O(type)). V(null) for a type the registry does not know. Never a secret value.
      type: dict
      returned: always
      sample: {"username1": "orders_app_a", "username2": "orders_app_b"}
    secrets_mapping:
      description: The names of the Infisical secrets that hold the credentials (names, not values).
      type: dict
      returned: always
      sample: {"username": "ORDERS_DB_USER", "password": "ORDERS_DB_PASSWORD"}
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
    health_reason:
      description: One sentence on why the rotation has that health, and what to look at.
      type: str
      returned: always
      sample: "rotated at 2026-11-23T05:37:11.080Z; next at 2026-12-08T03:15:00.000Z"
summary:
  description: Counts of the rotations returned, by health and by type.
  returned: success
  type: dict
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
  sample: {"total": 2, "ok": 1, "failed": 1, "overdue": 0, "paused": 0, "by_type": {"postgres-credentials": 1, "aws-iam-user-secret": 1}}
"""

from ansible_collections.infisical.secret_rotation.plugins.module_utils._module import InfisicalModule
from ansible_collections.infisical.secret_rotation.plugins.module_utils._read import READ_SPEC, read_rotations
from ansible_collections.infisical.secret_rotation.plugins.module_utils._types import TYPES


def read(module):
    if (module.params["rotation_id"] or module.params["name"]) and not module.params["type"]:
        module.fail_json(msg="type is needed to look a rotation up by rotation_id or name")
    read_rotations(module, filtered=True)


def main():
    spec = dict(READ_SPEC, type=dict(type="str", choices=sorted(TYPES)))
    module = InfisicalModule(spec, project_listing=True, supports_check_mode=True)
    module.run(read)


if __name__ == "__main__":
    main()
