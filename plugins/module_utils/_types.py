# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE to the infisical.secret_rotation collection: no stable interface, may change in any release.

"""The type registry: what each Infisical secret-rotation type is, as data read from Infisical's source.

One entry per type (``TYPES[slug]``). Every type is served by the same eight routes under
``/api/v2/secret-rotations/<slug>`` and has the same base fields; an entry describes what differs:

- ``parameters``, ``secrets_mapping``: object field specs (see ``_schema``); ``temporary_parameters``: the
  create-only object (its values are secrets), or ``None``; ``create_rules``: cross-object rules of the
  create schema.
- ``generated_credentials``: the keys of one generated credential (never read by the collection; listed
  so the mock and the leak scans know what is secret); ``extra_routes``: routes beyond the eight
  (``reconcile``); ``immutable_parameters``: parameter keys Infisical refuses to change after creation.
- ``sources``: the Infisical files (``path@commit``) the entry was read from; ``versions``: how the
  versions of those files differ and which one the entry follows; ``notes``: what the data cannot say.

Field spec keys: ``type`` (string, number, integer, boolean, object, array, any), ``required``,
``nullable``, ``default`` (what the server fills in), ``trim``, ``min``/``max`` (string length after
trimming, number value, item count), ``enum``, ``pattern`` (+ ``pattern_message``), ``uuid``, ``url``,
``secret_name``, ``template`` ({allowed, must_include}), ``secret``, ``fields`` (a fixed object; keys in
API spelling), ``values`` (a free-form map whose keys are never case-converted), ``items`` and ``set``
(an order-free list), ``rules`` (object-level refines), ``option`` (an option name that is not the
snake_case of the API key), ``rule`` (the sentence a value outside min/max breaks, where the generic
one would be unclear), ``description``.
"""

from __future__ import annotations

DBT_PERMISSION_SETS = [
    "account_admin", "account_viewer", "admin", "analyst", "billing_admin", "cost_insights_admin",
    "cost_insights_viewer", "cost_management_admin", "cost_management_viewer", "database_admin", "developer",
    "fusion_admin", "git_admin", "job_admin", "job_runner", "job_viewer", "manage_marketplace_apps", "member",
    "metadata_only", "owner", "project_creator", "readonly", "scim_only", "security_admin", "semantic_layer_only",
    "stakeholder", "team_admin", "webhooks_only",
]

TYPES = {
    "dbt-service-token": {
        "slug": "dbt-service-token",
        "name": "DBT Service Token",
        "app": "dbt",
        "sources": [
            "backend/src/ee/services/secret-rotation-v2/dbt-service-token/dbt-service-token-rotation-schemas.ts@bcd60d7d",
            "backend/src/ee/services/secret-rotation-v2/dbt-service-token/dbt-service-token-rotation-fns.ts@bcd60d7d",
            "backend/src/ee/services/secret-rotation-v2/dbt-service-token/dbt-service-token-rotation-types.ts@120a9a13",
            "backend/src/ee/routes/v2/secret-rotation-v2-routers/dbt-service-token-rotation-router.ts@1c11c6f8",
        ],
        "versions": "Commit 773db693 of the schema has no tokenName; the newer versions, the fns, the types, the UI and"
                    " the published OpenAPI spec all require it (see shared/api/CONTRACT.md 3.2).",
        "parameters": {"type": "object", "fields": {
            "tokenName": {"type": "string", "required": True, "trim": True, "min": 1, "max": 255,
                          "description": "Name given to each new dbt service token."},
            "permissionGrants": {"type": "array", "required": True, "min": 1, "set": True,
                                 "rule": "must hold at least one grant",
                                 "description": "Permission grants of each new token.",
                                 "items": {"type": "object", "fields": {
                                     "permissionSet": {"type": "string", "required": True, "enum": DBT_PERMISSION_SETS},
                                     "projectId": {"type": "integer", "min": 1, "rule": "must be a positive dbt project id",
                                                   "description": "The dbt project; left out, the grant covers all."},
                                 }}},
        }},
        "secrets_mapping": {"type": "object", "fields": {
            "serviceToken": {"type": "string", "required": True, "secret_name": True,
                             "description": "Infisical secret that receives the active service token."},
        }},
        "temporary_parameters": None,
        "create_rules": [],
        "generated_credentials": ["serviceToken", "tokenId", "tokenName"],
        "secret_generated_credentials": ["serviceToken"],
        "extra_routes": [],
        "immutable_parameters": [],
        "notes": "A grant's projectId is any number for Infisical; the collection asks for an integer of at least 1,"
                 " since dbt fails at rotation time otherwise.",
    },
}
