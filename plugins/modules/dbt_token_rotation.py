#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: dbt_token_rotation
short_description: Manage the settings of an Infisical DBT Service Token Rotation
version_added: 1.0.0
description:
  - Keeps a DBT Service Token Rotation of Infisical as the task describes it, changing exactly the settings that differ.
  - Updates an existing rotation with one C(PATCH) that holds only the differing settings; does nothing when all are equal.
  - Creates the rotation when it does not exist and O(connection_id) is given; deletes it with O(state=absent).
  - Never triggers a rotation itself; use M(infisical.secret_rotation.dbt_token_rotate) for that.
author:
  - infisical.secret_rotation maintainers (@infisical-community)
options:
  parameters:
    description:
      - How Infisical makes each new dbt service token. Changes apply from the next rotation; existing tokens keep their grants.
      - A sub-option left out keeps its current value. Both are needed to create a rotation.
    type: dict
    suboptions:
      token_name:
        description: Name given to each new dbt service token, 1 to 255 characters (leading and trailing white space dropped).
        type: str
      permission_grants:
        description:
          - Permission grants of each new token, at least one. Compared as a set, so their order does not matter.
        type: list
        elements: dict
        suboptions:
          permission_set:
            description: The dbt permission set.
            type: str
            required: true
            choices: [account_admin, account_viewer, admin, analyst, billing_admin, cost_insights_admin,
                      cost_insights_viewer, cost_management_admin, cost_management_viewer, database_admin, developer,
                      fusion_admin, git_admin, job_admin, job_runner, job_viewer, manage_marketplace_apps, member,
                      metadata_only, owner, project_creator, readonly, scim_only, security_admin, semantic_layer_only,
                      stakeholder, team_admin, webhooks_only]
          project_id:
            description: The numeric dbt project the grant covers. Left out, the grant covers all dbt projects.
            type: int
  secrets_mapping:
    description:
      - Where Infisical stores the active token. Needed to create a rotation.
      - Changing it renames the Infisical secret in place.
    type: dict
    suboptions:
      service_token:
        description:
          - Name of the Infisical secret, in the rotation's folder, that receives the token (a name, not the token).
        type: str
        required: true
extends_documentation_fragment:
  - infisical.secret_rotation.connection
  - infisical.secret_rotation.rotation
  - infisical.secret_rotation.settings
  - infisical.secret_rotation.attributes
attributes:
  check_mode:
    description: Reads and compares exactly as a real run does and reports the same RV(ignore:changed), without writing.
    support: full
  diff_mode:
    description: Shows the managed settings before and after; never a secret value.
    support: full
notes:
  - Permission grants compare as a set, so their order does not matter, and a grant without
    O(parameters.permission_grants[].project_id) covers all dbt projects.
seealso:
  - module: infisical.secret_rotation.dbt_token_rotation_info
  - module: infisical.secret_rotation.dbt_token_rotate
  - name: Infisical DBT Service Token rotation
    description: How Infisical rotates dbt service tokens.
    link: https://infisical.com/docs/documentation/platform/secret-rotation/dbt-service-token
"""

EXAMPLES = r"""
- name: Update a rotation found by ID (and rename it)
  infisical.secret_rotation.dbt_token_rotation:
    url: https://eu.infisical.com
    universal_auth_client_id: "{{ infisical_client_id }}"
    universal_auth_client_secret: "{{ infisical_client_secret }}"
    rotation_id: 85b61342-a604-4e28-b81e-e32a498f1ed4
    name: dbt-ci-token
    rotation_interval: 14
    rotate_at_utc:
      hours: 3
      minutes: 15

- name: Update the grants of a rotation found by name; the token name stays as it is
  infisical.secret_rotation.dbt_token_rotation:
    universal_auth_client_id: "{{ infisical_client_id }}"
    universal_auth_client_secret: "{{ infisical_client_secret }}"
    name: dbt-ci-token
    project_id: a1b2c3d4-0000-4000-8000-000000000002
    environment: dev
    secret_path: /dbt
    parameters:
      permission_grants:
        - permission_set: job_admin
          project_id: 111
        - permission_set: account_viewer

- name: Create the rotation if it does not exist
  infisical.secret_rotation.dbt_token_rotation:
    universal_auth_client_id: "{{ infisical_client_id }}"
    universal_auth_client_secret: "{{ infisical_client_secret }}"
    name: dbt-deploy-token
    project_id: a1b2c3d4-0000-4000-8000-000000000002
    environment: prod
    secret_path: /dbt
    connection_id: a1b2c3d4-0000-4000-8000-000000000006
    description: Token used by the deploy pipeline
    auto_rotation_enabled: true
    rotation_interval: 30
    rotate_at_utc:
      hours: 2
      minutes: 0
    parameters:
      token_name: infisical-deploy
      permission_grants:
        - permission_set: job_runner
    secrets_mapping:
      service_token: DBT_DEPLOY_TOKEN

- name: Preview a change without making it
  infisical.secret_rotation.dbt_token_rotation:
    auth_method: token_auth
    token: "{{ infisical_access_token }}"
    rotation_id: 85b61342-a604-4e28-b81e-e32a498f1ed4
    auto_rotation_enabled: false
  check_mode: true
  diff: true
  register: preview

- name: Delete a rotation, its Infisical secret and its dbt tokens
  infisical.secret_rotation.dbt_token_rotation:
    universal_auth_client_id: "{{ infisical_client_id }}"
    universal_auth_client_secret: "{{ infisical_client_secret }}"
    name: dbt-deploy-token
    project_id: a1b2c3d4-0000-4000-8000-000000000002
    environment: prod
    secret_path: /dbt
    state: absent
    delete_secrets: true
    revoke_generated_credentials: true
"""

RETURN = r"""
rotation:
  description:
    - The rotation after the task, in snake_case (in check mode, as it would be). V(null) after O(state=absent).
    - The keys are those of RV(infisical.secret_rotation.dbt_token_rotation_info#module:rotations[]); a rotation that
      check mode would create holds only the settings the task gives.
  returned: success
  type: dict
  sample:
    id: 85b61342-a604-4e28-b81e-e32a498f1ed4
    name: dbt-ci-token
    description: dbt CI service token
    type: dbt-service-token
    project_id: a1b2c3d4-0000-4000-8000-000000000002
    environment: dev
    environment_name: Development
    secret_path: /dbt
    folder_id: a1b2c3d4-0000-4000-8000-000000000005
    connection_id: a1b2c3d4-0000-4000-8000-000000000006
    connection_name: dbt-cloud
    auto_rotation_enabled: true
    rotation_interval: 14
    rotate_at_utc: {hours: 3, minutes: 15}
    parameters:
      token_name: infisical-ci
      permission_grants: [{permission_set: job_admin, project_id: 111}]
    secrets_mapping: {service_token: DBT_SERVICE_TOKEN}
    active_index: 0
    rotation_status: success
    last_rotation_message: null
    last_rotated_at: "2026-11-23T05:37:11.080Z"
    last_rotation_attempted_at: "2026-11-23T05:37:11.080Z"
    last_rotation_job_id: null
    next_rotation_at: "2026-12-08T03:15:00.000Z"
    is_last_rotation_manual: true
    created_at: "2026-11-23T05:37:11.100Z"
    updated_at: "2026-11-23T06:02:40.511Z"
diff:
  description: With C(--diff), the managed settings before and after the task.
  returned: when diff mode is on
  type: dict
  contains:
    before:
      description: The managed settings before the task (empty when the rotation did not exist).
      type: dict
    after:
      description: The managed settings after the task (empty when it was deleted).
      type: dict
  sample:
    before: {rotation_interval: 30}
    after: {rotation_interval: 14}
"""

from ansible_collections.infisical.secret_rotation.plugins.module_utils._ensure import ensure_rotation
from ansible_collections.infisical.secret_rotation.plugins.module_utils._module import InfisicalModule
from ansible_collections.infisical.secret_rotation.plugins.module_utils._options import SETTINGS_SPEC


def main():
    module = InfisicalModule(SETTINGS_SPEC, renames=True, rotation_type="dbt-service-token", supports_check_mode=True)
    module.run(ensure_rotation)


if __name__ == "__main__":
    main()
