#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: rotation
short_description: Manage the settings of an Infisical secret rotation of any type
version_added: 1.1.0
description:
  - Keeps a secret rotation of Infisical (database credentials, cloud IAM secrets, identity-provider client secrets,
    local accounts, API keys, ...) as the task describes it, changing exactly the settings that differ.
  - Updates an existing rotation with one C(PATCH) that holds only the differing settings; does nothing when all are equal.
  - Creates the rotation when it does not exist and O(connection_id) is given; deletes it with O(state=absent).
  - O(parameters), O(secrets_mapping) and O(temporary_parameters) are checked against the schema of O(type) before any
    request, so a wrong key or value fails with a message that names it and lists what is allowed.
  - Never triggers a rotation itself; use M(infisical.secret_rotation.rotate) for that.
author:
  - infisical.secret_rotation maintainers (@infisical-community)
options:
  type:
    required: true
extends_documentation_fragment:
  - infisical.secret_rotation.connection
  - infisical.secret_rotation.rotation
  - infisical.secret_rotation.settings
  - infisical.secret_rotation.types.TYPE
  - infisical.secret_rotation.types.SETTINGS
  - infisical.secret_rotation.attributes
attributes:
  check_mode:
    description: Reads and compares exactly as a real run does and reports the same RV(ignore:changed), without writing.
    support: full
  diff_mode:
    description: Shows the managed settings before and after; never a secret value (O(temporary_parameters) never shows).
    support: full
notes:
  - "Infisical's own templates (a database type's C(rotation_statement), such as C(ALTER USER {{username}} ...)) use
    the same braces as Ansible: mark such a value C(!unsafe), or wrap it in C({% raw %}...{% endraw %}), so that
    Ansible leaves it to Infisical."
  - Parameters that Infisical does not let change after creation (the account of a local-account rotation, for
    example) fail the task before any write when they would change.
seealso:
  - module: infisical.secret_rotation.rotate
  - module: infisical.secret_rotation.rotation_info
  - module: infisical.secret_rotation.dbt_token_rotation
  - name: Infisical secret rotations
    description: The rotation types and what each one does.
    link: https://infisical.com/docs/documentation/platform/secret-rotation/overview
"""

EXAMPLES = r"""
- name: PostgreSQL credentials rotated every 30 days by two alternating users
  infisical.secret_rotation.rotation:
    universal_auth_client_id: "{{ infisical_client_id }}"
    universal_auth_client_secret: "{{ infisical_client_secret }}"
    type: postgres-credentials
    name: orders-db
    project_id: a1b2c3d4-0000-4000-8000-000000000002
    environment: prod
    secret_path: /databases
    connection_id: a1b2c3d4-0000-4000-8000-000000000040
    rotation_interval: 30
    parameters:
      username1: orders_app_a
      username2: orders_app_b
      password_requirements:
        length: 32
        required: {digits: 2, lowercase: 2, uppercase: 2, symbols: 0}
    secrets_mapping:
      username: ORDERS_DB_USER
      password: ORDERS_DB_PASSWORD

- name: An AWS IAM user's access key
  infisical.secret_rotation.rotation:
    universal_auth_client_id: "{{ infisical_client_id }}"
    universal_auth_client_secret: "{{ infisical_client_secret }}"
    type: aws-iam-user-secret
    name: deploy-bot-key
    project_id: a1b2c3d4-0000-4000-8000-000000000002
    environment: prod
    connection_id: a1b2c3d4-0000-4000-8000-000000000041
    rotation_interval: 7
    rotate_at_utc: {hours: 4, minutes: 0}
    parameters:
      user_name: deploy-bot
      region: eu-central-1
    secrets_mapping:
      access_key_id: AWS_ACCESS_KEY_ID
      secret_access_key: AWS_SECRET_ACCESS_KEY

- name: A Linux account that rotates by logging in as itself (its current password is needed once, to create)
  infisical.secret_rotation.rotation:
    universal_auth_client_id: "{{ infisical_client_id }}"
    universal_auth_client_secret: "{{ infisical_client_secret }}"
    type: unix-linux-local-account
    name: backup-user
    project_id: a1b2c3d4-0000-4000-8000-000000000002
    environment: prod
    secret_path: /hosts/db1
    connection_id: a1b2c3d4-0000-4000-8000-000000000042
    rotation_interval: 14
    parameters:
      username: backup
      rotation_method: login-as-target
    secrets_mapping:
      username: BACKUP_USER
      password: BACKUP_PASSWORD
    temporary_parameters:
      password: "{{ vault_backup_current_password }}"

- name: Pause a rotation, found by ID
  infisical.secret_rotation.rotation:
    auth_method: token_auth
    token: "{{ infisical_access_token }}"
    type: postgres-credentials
    rotation_id: a1b2c3d4-0000-4000-8000-000000000111
    auto_rotation_enabled: false

- name: Delete a rotation and the secrets it fills
  infisical.secret_rotation.rotation:
    universal_auth_client_id: "{{ infisical_client_id }}"
    universal_auth_client_secret: "{{ infisical_client_secret }}"
    type: redis-credentials
    name: cache-admin
    project_id: a1b2c3d4-0000-4000-8000-000000000002
    environment: dev
    state: absent
    delete_secrets: true
"""

RETURN = r"""
rotation:
  description:
    - The rotation after the task, in snake_case (in check mode, as it would be). V(null) after O(state=absent).
    - The keys are those of RV(infisical.secret_rotation.rotation_info#module:rotations[]), without C(health); a
      rotation that check mode would create holds only the settings the task gives. Never a secret value.
  returned: success
  type: dict
  sample:
    id: 85b61342-a604-4e28-b81e-e32a498f1ed4
    name: orders-db
    type: postgres-credentials
    project_id: a1b2c3d4-0000-4000-8000-000000000002
    environment: prod
    secret_path: /databases
    auto_rotation_enabled: true
    rotation_interval: 30
    rotate_at_utc: {hours: 0, minutes: 0}
    parameters: {username1: orders_app_a, username2: orders_app_b}
    secrets_mapping: {username: ORDERS_DB_USER, password: ORDERS_DB_PASSWORD}
    rotation_status: success
    last_rotated_at: "2026-11-23T05:37:11.080Z"
    next_rotation_at: "2026-12-23T00:00:00.000Z"
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
from ansible_collections.infisical.secret_rotation.plugins.module_utils._options import TYPED_SETTINGS_SPEC


def main():
    module = InfisicalModule(TYPED_SETTINGS_SPEC, renames=True, supports_check_mode=True)
    module.run(ensure_rotation)


if __name__ == "__main__":
    main()
