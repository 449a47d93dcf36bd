# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Generated from plugins/module_utils/_types.py by scripts/registry_docs.py: do not edit by hand.

from __future__ import annotations


class ModuleDocFragment:
    """The rotation types and their type-specific options (the registry, plugins/module_utils/_types.py)."""

    TYPE = r"""
options:
  type:
    description:
      - The rotation type, as Infisical names it in its API (C(/api/v2/secret-rotations/<type>)).
      - "Types with the reconcile route: V(hp-ilo-local-account), V(unix-linux-local-account), V(windows-local-account)."
    type: str
    choices:
      - auth0-client-secret
      - aws-iam-user-secret
      - azure-client-secret
      - cloudflare-api-token
      - cloudflare-r2-access-key
      - convex-access-key
      - databricks-service-principal-secret
      - datadog-api-key
      - datadog-application-key-secret
      - dbt-service-token
      - fireworks-api-key
      - gcp-service-account-key
      - hp-ilo-local-account
      - ldap-password
      - litellm-api-key
      - mongodb-credentials
      - mssql-credentials
      - mysql-credentials
      - okta-client-secret
      - open-router-api-key
      - openai-service-account
      - oracledb-credentials
      - postgres-credentials
      - redis-credentials
      - salesforce-oauth-credentials
      - snowflake-user-key-pair
      - stripe-api-key
      - supabase-api-key
      - unix-linux-local-account
      - windows-local-account
"""

    SETTINGS = r"""
options:
  parameters:
    description:
      - The type's parameters, in snake_case (C(rotation_statement) for Infisical's C(rotationStatement)); a mapping
        such as C(password_requirements) has snake_case keys too. Checked against the type's schema before any request.
      - Only the keys given are managed; Infisical stores C(parameters) as one object, so the others are sent with their
        current values. A key marked * is required to create a rotation.
      - "V(auth0-client-secret): C(client_id) *."
      - "V(aws-iam-user-secret): C(user_name) *, C(region)."
      - "V(azure-client-secret): C(object_id) *, C(app_name), C(client_id) *."
      - "V(cloudflare-api-token): C(name) *, C(policies) (C(effect), C(scope), C(zone_ids), C(permission_group_ids))
        *, C(allowed_ips), C(disallowed_ips)."
      - "V(cloudflare-r2-access-key): C(name) *, C(buckets) (C(name), C(jurisdiction)) *, C(access_level),
        C(allowed_ips), C(disallowed_ips)."
      - "V(convex-access-key): C(name_prefix) *."
      - "V(databricks-service-principal-secret): C(service_principal_id) *, C(service_principal_name), C(client_id)
        *."
      - "V(datadog-api-key): C(name) *."
      - "V(datadog-application-key-secret): C(service_account_id) *."
      - "V(dbt-service-token): C(token_name) *, C(permission_grants) (C(permission_set), C(project_id)) *."
      - "V(fireworks-api-key): C(service_account_user_id) *."
      - "V(gcp-service-account-key): C(service_account_email) *."
      - "V(hp-ilo-local-account): C(username) *, C(password_requirements) (C(length), C(required),
        C(allowed_symbols)), C(rotation_method), C(ssl_reject_unauthorized), C(ssl_certificate)."
      - "V(ldap-password): C(dn) *, C(password_requirements) (C(length), C(required), C(allowed_symbols)),
        C(rotation_method)."
      - "V(litellm-api-key): C(name) *, C(additional_options), C(user_id), C(team_id), C(models)."
      - "V(mongodb-credentials): C(username1) *, C(username2) *."
      - "V(mssql-credentials): C(username1) *, C(username2) *, C(rotation_statement), C(password_requirements)
        (C(length), C(required), C(allowed_symbols))."
      - "V(mysql-credentials): C(username1) *, C(username2) *, C(rotation_statement), C(password_requirements)
        (C(length), C(required), C(allowed_symbols))."
      - "V(okta-client-secret): C(client_id) *."
      - "V(open-router-api-key): C(name) *, C(limit), C(limit_reset), C(include_byok_in_limit)."
      - "V(openai-service-account): C(project_id) *, C(name) *."
      - "V(oracledb-credentials): C(username1) *, C(username2) *, C(rotation_statement), C(password_requirements)
        (C(length), C(required), C(allowed_symbols))."
      - "V(postgres-credentials): C(username1) *, C(username2) *, C(rotation_statement), C(password_requirements)
        (C(length), C(required), C(allowed_symbols))."
      - "V(redis-credentials): C(password_requirements) (C(length), C(required), C(allowed_symbols)),
        C(permission_scope) *."
      - "V(salesforce-oauth-credentials): C(app_id) *, C(app_name) *."
      - "V(snowflake-user-key-pair): C(username) *, C(modulus_length)."
      - "V(stripe-api-key): C(key_name), C(permissions) *."
      - "V(supabase-api-key): C(project_ref) *, C(key_type) *."
      - "V(unix-linux-local-account): C(username) *, C(password_requirements) (C(length), C(required),
        C(allowed_symbols)), C(rotation_method), C(use_sudo)."
      - "V(windows-local-account): C(username) *, C(password_requirements) (C(length), C(required),
        C(allowed_symbols)), C(rotation_method)."
    type: dict
  secrets_mapping:
    description:
      - The names of the Infisical secrets (in the rotation's folder) that receive the generated credentials, one per
        key of the type; names, not values. Keys left out keep their current names; all are needed to create.
      - "V(auth0-client-secret): C(client_id) *, C(client_secret) *."
      - "V(aws-iam-user-secret): C(access_key_id) *, C(secret_access_key) *."
      - "V(azure-client-secret): C(client_id) *, C(client_secret) *."
      - "V(cloudflare-api-token): C(token_id) *, C(api_token) *."
      - "V(cloudflare-r2-access-key): C(access_key_id) *, C(secret_access_key) *."
      - "V(convex-access-key): C(access_key) *."
      - "V(databricks-service-principal-secret): C(client_id) *, C(client_secret) *."
      - "V(datadog-api-key): C(api_key_id) *, C(api_key) *."
      - "V(datadog-application-key-secret): C(application_key_id) *, C(application_key) *."
      - "V(dbt-service-token): C(service_token) *."
      - "V(fireworks-api-key): C(api_key) *."
      - "V(gcp-service-account-key): C(service_account_key) *."
      - "V(hp-ilo-local-account): C(username) *, C(password) *."
      - "V(ldap-password): C(dn) *, C(password) *."
      - "V(litellm-api-key): C(api_key) *."
      - "V(mongodb-credentials): C(username) *, C(password) *."
      - "V(mssql-credentials): C(username) *, C(password) *."
      - "V(mysql-credentials): C(username) *, C(password) *."
      - "V(okta-client-secret): C(client_id) *, C(client_secret) *."
      - "V(open-router-api-key): C(api_key) *."
      - "V(openai-service-account): C(api_key) *."
      - "V(oracledb-credentials): C(username) *, C(password) *."
      - "V(postgres-credentials): C(username) *, C(password) *."
      - "V(redis-credentials): C(username) *, C(password) *."
      - "V(salesforce-oauth-credentials): C(consumer_key) *, C(consumer_secret) *."
      - "V(snowflake-user-key-pair): C(private_key) *, C(public_key) *."
      - "V(stripe-api-key): C(api_key) *."
      - "V(supabase-api-key): C(api_key) *."
      - "V(unix-linux-local-account): C(username) *, C(password) *."
      - "V(windows-local-account): C(username) *, C(password) *."
    type: dict
  temporary_parameters:
    description:
      - Values Infisical needs only to create the rotation, such as the current password of a local account that
        rotates by logging in as itself. Sent with the create request only, never stored by Infisical, never shown.
      - "V(hp-ilo-local-account): C(password)."
      - "V(ldap-password): C(password) *."
      - "V(unix-linux-local-account): C(password)."
      - "V(windows-local-account): C(password)."
    type: dict
"""
