#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: rotations
short_description: Manage a whole estate of Infisical secret rotations, of any type, in one task
version_added: 1.1.0
description:
  - Reconciles a list of secret rotations (O(config)) with Infisical in one task, in the manner of Ansible's resource
    modules. O(state=merged) applies the settings given, O(state=replaced) makes them exactly the settings given,
    O(state=overridden) also deletes every rotation in O(scope) that is not listed, O(state=deleted) deletes the
    listed rotations, O(state=gathered) returns what O(scope) holds in the format of O(config).
  - Reads each project once (C(GET /api/v2/secret-rotations?projectId=)), with no request per rotation, and writes
    only the rotations that differ, one request each, on O(concurrency) parallel connections.
  - One rotation that fails does not stop the others; the task fails at the end, naming every failed rotation with
    its HTTP status and Infisical's request id. RV(results) tells what happened to each.
  - Each item is checked against the schema of its type before any request, as M(infisical.secret_rotation.rotation)
    checks its options.
author:
  - infisical.secret_rotation maintainers (@infisical-community)
options:
  config:
    description:
      - The rotations, each with the options of M(infisical.secret_rotation.rotation).
      - The same rotation listed twice is refused before any request (the same O(config[].rotation_id), or the same
        name, project, environment and folder), or before any write when an item by ID and an item by name turn out
        to be one rotation.
    type: list
    elements: dict
    default: []
    suboptions:
      type:
        description:
          - The rotation type, one of the choices of O(type). Left out, O(type) applies.
        type: str
      rotation_id:
        description:
          - ID of the rotation. Give it, or O(config[].name) with O(config[].environment).
          - With it, O(config[].name) is the wanted name (a different one renames the rotation).
        type: str
      name:
        description:
          - Name of the rotation, unique within its folder; without O(config[].rotation_id) it identifies the rotation.
        type: str
      project_id:
        description:
          - ID of the Infisical project of the rotation; needed with O(config[].name).
          - Give it beside O(config[].rotation_id) too, since the rotations are read one listing per project. An item by
            ID without it that no listing of the task holds is read by its ID (one C(GET) each).
        type: str
      state:
        description:
          - V(absent) deletes this rotation whatever O(state) says (but V(gathered)); V(present), or left out, keeps it,
            except with O(state=deleted), which deletes every item.
        type: str
        choices: [present, absent]
      environment:
        description: Environment slug of the rotation.
        type: str
      secret_path:
        description: Folder of the rotation. Null means V(/).
        type: str
      connection_id:
        description: ID of the app connection that issues the credentials. Needed to create a rotation; cannot change.
        type: str
      description:
        description: Description, at most 256 characters. V("") removes it.
        type: str
      auto_rotation_enabled:
        description: Whether Infisical rotates on schedule.
        type: bool
      rotation_interval:
        description: Days between scheduled rotations, 1 to 36500. Needed to create a rotation.
        type: int
      rotate_at_utc:
        description: Time of day (UTC) of scheduled rotations.
        type: dict
        suboptions:
          hours:
            description: Hour, 0 to 23.
            type: int
          minutes:
            description: Minute, 0 to 59.
            type: int
      parameters:
        description:
          - The type's parameters in snake_case, as O(infisical.secret_rotation.rotation#module:parameters) lists them
            per type.
          - With O(state=merged), the keys left out keep their values; with O(state=replaced) or O(state=overridden),
            the mapping is the whole of them (keys left out get Infisical's defaults, or fail when required).
        type: dict
      secrets_mapping:
        description:
          - The names of the Infisical secrets that receive the generated credentials, one per key of the type.
        type: dict
      temporary_parameters:
        description:
          - Values Infisical needs only to create the rotation (the current password of a local account). Never shown.
        type: dict
      delete_secrets:
        description:
          - When this rotation is deleted, also delete its secrets. Null uses O(delete_secrets).
        type: bool
      revoke_generated_credentials:
        description:
          - When this rotation is deleted, also revoke the credentials it generated. Null uses O(revoke_generated_credentials).
        type: bool
      health:
        description: Reported by O(state=gathered); accepted so that its output can be fed back, and ignored.
        type: str
      health_reason:
        description: Reported by O(state=gathered); accepted and ignored.
        type: str
  state:
    description:
      - V(merged) makes each listed rotation hold the settings given (the others are not managed) and creates the
        missing ones.
      - V(replaced) makes each listed rotation's settings exactly those given; an optional setting left out goes back
        to Infisical's create default (no description, auto-rotation on, 00:00 UTC). O(config[].rotation_interval),
        O(config[].parameters) and O(config[].secrets_mapping), which every rotation must have, are not managed when
        left out.
      - V(overridden) is V(replaced), and deletes every rotation inside O(scope) that no item names. An empty
        O(config) is refused.
      - V(deleted) deletes the listed rotations; absent ones are unchanged.
      - V(gathered) changes nothing and returns RV(gathered).
    type: str
    choices: [merged, replaced, overridden, deleted, gathered]
    default: merged
  type:
    description:
      - The type of the items that do not give their own O(config[].type).
  scope:
    description:
      - Where O(state=overridden) deletes and O(state=gathered) reads; needed by these two states and refused by the
        others.
      - A rotation is inside the scope when it belongs to O(scope.project_id) and, where given, to O(scope.environment),
        to exactly the folder O(scope.secret_path) (not its sub-folders) and to O(scope.type).
    type: dict
    suboptions:
      project_id:
        description: ID of the Infisical project.
        type: str
        required: true
      environment:
        description: Environment slug.
        type: str
      secret_path:
        description: Folder path.
        type: str
      type:
        description: Rotation type, one of the choices of O(type).
        type: str
  concurrency:
    description:
      - How many writes run at once, 1 to 16. A rate limit (HTTP 429) on any of them pauses all for its C(Retry-After).
    type: int
    default: 4
  delete_secrets:
    description:
      - When a rotation is deleted, also delete the Infisical secrets that hold its credentials (unless the item says
        otherwise).
    type: bool
    default: false
  revoke_generated_credentials:
    description:
      - When a rotation is deleted, also revoke the credentials it generated (unless the item says otherwise).
    type: bool
    default: false
  full_results:
    description:
      - Return RV(results[].rotation) for the unchanged rotations too (the roles use it for their summary).
      - Left V(false), an unchanged rotation's result names it only, which keeps the output and the memory of a task
        over thousands of rotations small.
    type: bool
    default: false
extends_documentation_fragment:
  - infisical.secret_rotation.connection
  - infisical.secret_rotation.types.TYPE
  - infisical.secret_rotation.health
  - infisical.secret_rotation.attributes
attributes:
  check_mode:
    description:
      - Reads and plans exactly as a real run does and reports the same actions, without writing. A rotation to be
        created is also looked up by name (one C(GET) each), so that a folder that does not exist fails as the real
        create would.
    support: full
  diff_mode:
    description: Shows, for each rotation that changes, the managed settings before and after; never a secret value.
    support: full
notes:
  - "Requests per run: one login (with O(auth_method=universal_auth) or O(auth_method=oidc_auth)); one listing per
    project; then one C(PATCH), C(POST) or C(DELETE) per rotation that changes. An item by O(config[].rotation_id)
    alone, in a project no other item names, costs one C(GET) more."
  - Settings are compared as M(infisical.secret_rotation.rotation) compares them, and written as it writes them, with
    its guarantees; a create request is never repeated blindly.
  - "Infisical's own templates (a database type's C(rotation_statement)) use the same braces as Ansible: mark such a
    value C(!unsafe)."
seealso:
  - module: infisical.secret_rotation.rotation
  - module: infisical.secret_rotation.rotation_info
  - name: Ansible network resource modules
    description: The conventions of O(state) and O(config) this module follows.
    link: https://docs.ansible.com/ansible/latest/network/user_guide/network_resource_modules.html
"""

EXAMPLES = r"""
- name: Keep database credentials and a dbt token of two projects as listed
  infisical.secret_rotation.rotations:
    universal_auth_client_id: "{{ infisical_client_id }}"
    universal_auth_client_secret: "{{ infisical_client_secret }}"
    type: postgres-credentials
    config:
      - name: orders-db
        project_id: a1b2c3d4-0000-4000-8000-000000000002
        environment: prod
        secret_path: /databases
        connection_id: a1b2c3d4-0000-4000-8000-000000000040
        rotation_interval: 30
        parameters: {username1: orders_app_a, username2: orders_app_b}
        secrets_mapping: {username: ORDERS_DB_USER, password: ORDERS_DB_PASSWORD}
      - name: dbt-b
        type: dbt-service-token
        project_id: a1b2c3d4-0000-4000-8000-000000000020
        environment: dev
        secret_path: /dbt
        rotation_interval: 14
  register: estate

- name: Adopt an existing estate - read it in the format of config (paste the output into a playbook)
  infisical.secret_rotation.rotations:
    auth_method: token_auth
    token: "{{ infisical_access_token }}"
    state: gathered
    scope:
      project_id: a1b2c3d4-0000-4000-8000-000000000002
      environment: prod
  register: prod

- name: Fed back unchanged, what was gathered changes nothing
  infisical.secret_rotation.rotations:
    auth_method: token_auth
    token: "{{ infisical_access_token }}"
    config: "{{ prod.gathered }}"

- name: The production database folder holds exactly these rotations (any other in it is deleted)
  infisical.secret_rotation.rotations:
    auth_method: token_auth
    token: "{{ infisical_access_token }}"
    state: overridden
    scope:
      project_id: a1b2c3d4-0000-4000-8000-000000000002
      environment: prod
      secret_path: /databases
    config:
      - type: postgres-credentials
        name: orders-db
        project_id: a1b2c3d4-0000-4000-8000-000000000002
        environment: prod
        secret_path: /databases
        rotation_interval: 30
    delete_secrets: true
"""

RETURN = r"""
results:
  description: What happened to each rotation, in the order of O(config), then the rotations O(state=overridden) deleted.
  returned: unless O(state=gathered)
  type: list
  elements: dict
  contains:
    config_index:
      description: The item's position in O(config); null for a rotation that O(state=overridden) deleted.
      type: int
    action:
      description: V(created), V(updated), V(deleted), V(unchanged) or V(failed) (what check mode predicts, in check mode).
      type: str
    type:
      description: The rotation type.
      type: str
    rotation_id:
      description: ID of the rotation (null for one that does not exist, or that check mode would create).
      type: str
    name:
      description: Name of the rotation.
      type: str
    project_id:
      description: ID of its project.
      type: str
    environment:
      description: Its environment slug.
      type: str
    secret_path:
      description: Its folder.
      type: str
    changed_settings:
      description: The settings that differed (and were written, unless in check mode).
      type: list
      elements: str
    rotation:
      description:
        - The rotation after the task (null once deleted; as it is, for a failed one), in the form of
          M(infisical.secret_rotation.rotation)'s C(rotation) result. Never a credential.
        - Null for an unchanged rotation unless O(full_results=true).
      type: dict
    msg:
      description: Why it failed.
      type: str
      returned: when RV(results[].action=failed)
    status:
      description: The HTTP status of Infisical's answer, when one came.
      type: int
      returned: when RV(results[].action=failed)
    request_id:
      description: Infisical's id of the failed request, for its support.
      type: str
      returned: when RV(results[].action=failed)
    method:
      description: The method of the failed request.
      type: str
      returned: when RV(results[].action=failed)
    path:
      description: The path of the failed request.
      type: str
      returned: when RV(results[].action=failed)
  sample:
    - config_index: 0
      action: updated
      type: postgres-credentials
      rotation_id: 5a0c5a0c-0000-4000-8000-000000000111
      name: orders-db
      project_id: a1b2c3d4-0000-4000-8000-000000000002
      environment: prod
      secret_path: /databases
      changed_settings: [rotation_interval]
summary:
  description:
    - Unless O(state=gathered), how many rotations each action touched (V(created), V(updated), V(deleted),
      V(unchanged), V(failed)) and V(total).
    - With O(state=gathered), the counts by health (V(ok), V(failed), V(overdue), V(paused)), V(total) and V(by_type).
  returned: always
  type: dict
  sample: {created: 0, updated: 1, deleted: 0, unchanged: 999, failed: 0, total: 1000}
gathered:
  description:
    - The rotations inside O(scope), each in the format of a O(config) item (keys without a value left out), plus
      C(health) and C(health_reason), which O(config) accepts and ignores. Fed back with O(state=merged), it changes
      nothing.
  returned: when O(state=gathered)
  type: list
  elements: dict
  sample:
    - type: postgres-credentials
      name: orders-db
      project_id: a1b2c3d4-0000-4000-8000-000000000002
      environment: prod
      secret_path: /databases
      connection_id: 0b9c6d3e-0000-4000-8000-000000000040
      auto_rotation_enabled: true
      rotation_interval: 30
      rotate_at_utc: {hours: 0, minutes: 0}
      parameters: {username1: orders_app_a, username2: orders_app_b}
      secrets_mapping: {username: ORDERS_DB_USER, password: ORDERS_DB_PASSWORD}
      health: ok
      health_reason: rotated at 2026-11-23T05:37:11.080Z; next at 2026-12-23T00:00:00.000Z
diff:
  description: With C(--diff), for each rotation that changes, the managed settings before and after.
  returned: when diff mode is on and something changes
  type: list
  elements: dict
"""

from ansible_collections.infisical.secret_rotation.plugins.module_utils._fleet import apply_fleet
from ansible_collections.infisical.secret_rotation.plugins.module_utils._module import InfisicalModule
from ansible_collections.infisical.secret_rotation.plugins.module_utils._options import FLEET_SPEC


def main():
    module = InfisicalModule(FLEET_SPEC, identifies_rotation=False, supports_check_mode=True)
    module.run(apply_fleet)


if __name__ == "__main__":
    main()
