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
- ``sources``: the files of ``Infisical/infisical`` (``path@commit``; paths under ``backend/src/`` unless they
  start with ``frontend/`` or ``docs/``) the entry was read from; ``versions``: how the versions of those files
  differ and which one the entry follows; ``notes``: what the data cannot say. The 30 types are those of
  Infisical's newest ``SecretRotation`` enum and all-types listing (``secret-rotation-v2-enums.ts`` and
  ``secret-rotation-v2-union-schema.ts`` at 1995e180 and 61349696). Types seen only on side branches
  (``azure-certificate``, ``databricks-service-account-secret``, ``ssh-password``, ``openai-admin-api-key``)
  are left out. An entry leaves out the keys at their usual values (``_complete`` fills them in).

Field spec keys: ``type`` (string, number, integer, boolean, object, array, any), ``required``,
``nullable``, ``default`` (what the server fills in), ``trim``, ``min``/``max`` (string length after
trimming, number value, item count), ``enum``, ``pattern`` (+ ``pattern_message``), ``uuid``, ``url``,
``secret_name``, ``template`` ({allowed, must_include}), ``secret``, ``fields`` (a fixed object; keys in
API spelling), ``values`` (a free-form map whose keys are never case-converted), ``items`` and ``set``
(an order-free list), ``rules`` (object-level refines), ``option`` (an option name that is not the
snake_case of the API key), ``rule`` (the sentence a value outside min/max breaks, where the generic
one would be unclear).
"""

from __future__ import annotations


def secret_names(*keys):
    """A secrets mapping of ``keys``, each naming the Infisical secret that receives one credential."""
    return {"type": "object", "fields": {key: {"type": "string", "required": True, "secret_name": True} for key in keys}}


DBT_PERMISSION_SETS = [
    "account_admin", "account_viewer", "admin", "analyst", "billing_admin", "cost_insights_admin",
    "cost_insights_viewer", "cost_management_admin", "cost_management_viewer", "database_admin", "developer",
    "fusion_admin", "git_admin", "job_admin", "job_runner", "job_viewer", "manage_marketplace_apps", "member",
    "metadata_only", "owner", "project_creator", "readonly", "scim_only", "security_admin", "semantic_layer_only",
    "stakeholder", "team_admin", "webhooks_only",
]

# The most common parameter fields: a trimmed string that must not be empty, and an optional trimmed one.
REQUIRED_TEXT = {"type": "string", "required": True, "trim": True, "min": 1}
OPTIONAL_TEXT = {"type": "string", "trim": True}

# The character counts every generated password must hold, part of the password requirements.
REQUIRED_CHARACTERS = {
    "type": "object",
    "required": True,
    "fields": {
        "digits": {"type": "number", "required": True, "min": 0},
        "lowercase": {"type": "number", "required": True, "min": 0},
        "uppercase": {"type": "number", "required": True, "min": 0},
        "symbols": {"type": "number", "required": True, "min": 0},
    },
}

# The password requirements that the password-generating types share
# (ee/services/secret-rotation-v2/shared/general/password-requirements-schema.ts@7bd312a2).
PASSWORD_REQUIREMENTS = {
    "type": "object",
    "fields": {
        "length": {"type": "number", "required": True, "min": 1, "max": 250},
        "required": REQUIRED_CHARACTERS,
        "allowedSymbols": {
            "type": "string",
            "pattern": "(?s).*[!@#$%^&*()_+\\-=\\[\\]{};':\"\\\\|,.<>/?~].*",
            "pattern_message": "Invalid symbols",
        },
    },
    "rules": [
        {
            "kind": "any_positive",
            "fields": ["required.digits", "required.lowercase", "required.uppercase", "required.symbols"],
            "message": "At least one character type must be required",
        },
        {
            "kind": "sum_at_most",
            "fields": ["required.digits", "required.lowercase", "required.uppercase", "required.symbols"],
            "limit": "length",
            "message": "Sum of required characters cannot exceed the total length",
        },
    ],
}

# The parameters of the SQL database types (ee/services/secret-rotation-v2/shared/sql-credentials/*@31e6904f).
SQL_PARAMETERS = {
    "type": "object",
    "fields": {
        "username1": {"type": "string", "required": True, "trim": True, "min": 1},
        "username2": {"type": "string", "required": True, "trim": True, "min": 1},
        "rotationStatement": {
            "type": "string",
            "trim": True,
            "min": 1,
            "template": {"allowed": ["username", "password", "database"], "must_include": ["{{username}}", "{{password}}"]},
        },
        "passwordRequirements": PASSWORD_REQUIREMENTS,
    },
}

# What the SQL database types share beyond their schema (ee/services/secret-rotation-v2/shared/sql-credentials).
SQL_NOTES = ("Unknown keys are stripped (zod default). On PATCH, parameters and secretsMapping are each optional"
             " but, if sent, are validated as the complete object (no partial update). Without"
             " passwordRequirements the backend uses DEFAULT_PASSWORD_REQUIREMENTS (length 48, 1 lowercase, 1"
             " uppercase, 1 digit, 0 symbols, symbols '-_.~!*'); without rotationStatement it runs the"
             " connection's built-in ALTER-login statement. A syntactically broken handlebars rotationStatement"
             " makes handlebars.parse throw inside the refine (an error, not a clean validation message)."
             " Generated credentials: array of 1-2 {username, password}.")

# The secrets mapping of the database and account types: a username and its password.
USERNAME_PASSWORD_MAPPING = secret_names("username", "password")

# The secrets mapping of the identity-provider types: the client ID and its client secret.
CLIENT_SECRETS_MAPPING = secret_names("clientId", "clientSecret")

# The create-only temporary parameters of the local-account types: the account's current password.
CURRENT_PASSWORD = {"type": "object", "fields": {"password": {"type": "string", "secret": True}}}

# Their create rule: a rotation that logs in as the account needs its current password.
LOGIN_AS_TARGET_NEEDS_PASSWORD = [
    {
        "kind": "required_if",
        "path": "temporaryParameters.password",
        "when": {"path": "parameters.rotationMethod", "equals": "login-as-target"},
        "message": "Current password is required for initial rotation setup in login as target method",
    },
]

# The files the password-generating types share (password requirements, templates, the shared v2 files).
PASSWORD_TYPE_SOURCES = [
    "ee/services/secret-rotation-v2/shared/general/password-requirements-schema.ts@7bd312a2",
    "ee/services/secret-rotation-v2/shared/general/password-requirements-schema.ts@636aee2e",
    "ee/services/secret-rotation-v2/shared/utils/index.ts@60426590",
    "server/lib/schemas.ts@98d4103a",
    "lib/template/validate-handlebars.ts@1e255039",
    "ee/services/secret-rotation-v2/secret-rotation-v2-schemas.ts@06024065",
    "ee/services/secret-rotation-v2/secret-rotation-v2-maps.ts@01ecde91",
    "ee/services/secret-rotation-v2/secret-rotation-v2-fns.ts@0082b3dd",
    "ee/routes/v2/secret-rotation-v2-routers/secret-rotation-v2-endpoints.ts@02fdd1de",
    "lib/api-docs/constants.ts@bfd227a3",
    "services/app-connection/app-connection-enums.ts@00392e9c",
]

# What the SQL database types read from the files they share, and how those files' versions differ.
SQL_SOURCES = [
    "ee/services/secret-rotation-v2/shared/sql-credentials/sql-credentials-rotation-schemas.ts@31e6904f",
    "ee/services/secret-rotation-v2/shared/sql-credentials/sql-credentials-rotation-types.ts@4c6cca08",
    "ee/services/secret-rotation-v2/shared/sql-credentials/sql-credentials-rotation-fns.ts@fa52dca6",
    *PASSWORD_TYPE_SOURCES,
]
SQL_SHARED_VERSIONS = ("Shared sql-credentials-rotation-schemas.ts: 2 versions; taken 31e6904f (adds optional rotationStatement with"
                       " handlebars refines and optional passwordRequirements, and rotationStatement in the template schema); the older one"
                       " (index id 33947750451) has only username1/username2. Earlier prototypes (ids 66310196581, 65855498679, 66256583851)"
                       " used usernameSecretKey/passwordSecretKey/issueStatement/revokeStatement. password-requirements-schema.ts: index"
                       " holds 3 versions, 2 seen; taken 7bd312a2 (allowedSymbols gets .regex(new RE2(...), 'Invalid symbols')) as newest"
                       " because it is the other version plus that validation; 636aee2e is identical except allowedSymbols is a plain"
                       " optional string.")

_ENTRIES = {
    "postgres-credentials": {
        "name": "PostgreSQL Credentials",
        "app": "postgres",
        "sources": [
            "ee/services/secret-rotation-v2/postgres-credentials/postgres-credentials-rotation-schemas.ts@05af7016",
            "ee/services/secret-rotation-v2/postgres-credentials/postgres-credentials-rotation-constants.ts@0d89d706",
            "ee/services/secret-rotation-v2/postgres-credentials/postgres-credentials-rotation-types.ts@77dd768a",
            "ee/routes/v2/secret-rotation-v2-routers/postgres-credentials-rotation-router.ts@4f327569",
            *SQL_SOURCES,
        ],
        "versions": ("postgres-credentials-rotation-schemas.ts: index says 2 versions, find_string shows 3 backend"
                     " texts; taken 05af7016 (parameters = SqlCredentialsRotationParametersSchema, secretsMapping ="
                     " SqlCredentialsRotationSecretsMappingSchema, ListItem 'template') because the router"
                     " (generatedCredentialsSchema) and the constants (template.secretsMapping, rotationStatement)"
                     " match it; older id 65960155695 has no secretsMapping and ListItem 'parametersTemplate'; oldest"
                     " id 44178918698 had its own parameters"
                     " usernameSecretKey/passwordSecretKey/issueStatement/revokeStatement and name 'PostgreSQL "
                     " Credentials'. Router: 2 versions, taken 4f327569 (passes"
                     " SqlCredentialsRotationGeneratedCredentialsSchema; older id 44307743646 did not). Constants:"
                     " several versions; taken 0d89d706 (infisical_user example + rotationStatement ALTER USER"
                     " \"{{username}}\" WITH PASSWORD '{{password}}'); others: kms_user variant,"
                     " createUserStatement-only (my_pg_user / my-pg-user) and an issueStatement/revokeStatement"
                     " template. ") + SQL_SHARED_VERSIONS,
        "parameters": SQL_PARAMETERS,
        "secrets_mapping": USERNAME_PASSWORD_MAPPING,
        "generated_credentials": ["username", "password"],
        "secret_generated_credentials": ["password"],
        "notes": SQL_NOTES + (" SecretNameSchema (newest"
                              " backend/src/server/lib/schemas.ts: commit 98d4103a and the larger index id 66701628899 agree) ="
                              " z.string().trim().min(1) plus one refine: must contain neither ':' nor '/' ('Secret name cannot"
                              " contain colon or forward slash.'); spaces and all other characters are allowed. Another copy"
                              " (index id 2299651989, './slugSchema' re-export, probably the frontend) forbids spaces and ':' but"
                              " allows '/'; the backend copy is what the API enforces."),
    },
    "mssql-credentials": {
        "name": "Microsoft SQL Server Credentials",
        "app": "mssql",
        "sources": [
            "ee/services/secret-rotation-v2/mssql-credentials/mssql-credentials-rotation-schemas.ts@05af7016",
            "ee/services/secret-rotation-v2/mssql-credentials/mssql-credentials-rotation-constants.ts@bfd227a3",
            "ee/services/secret-rotation-v2/mssql-credentials/mssql-credentials-rotation-types.ts@4f327569",
            "ee/routes/v2/secret-rotation-v2-routers/mssql-credentials-rotation-router.ts@90513ad5",
            *SQL_SOURCES,
        ],
        "versions": ("mssql-credentials-rotation-schemas.ts: one version (05af7016). Constants: taken bfd227a3"
                     " (multi-line infisical_user example + rotationStatement ALTER LOGIN [{{username}}] WITH PASSWORD"
                     " = '{{password}}'); older: 766c1242 (my_mssql_user, no rotationStatement), my-mssql-user"
                     " variant, issueStatement/revokeStatement template, a parametersTemplate variant and a bare"
                     " name/type/connection variant. ") + SQL_SHARED_VERSIONS,
        "parameters": SQL_PARAMETERS,
        "secrets_mapping": USERNAME_PASSWORD_MAPPING,
        "generated_credentials": ["username", "password"],
        "secret_generated_credentials": ["password"],
        "notes": SQL_NOTES,
    },
    "mysql-credentials": {
        "name": "MySQL Credentials",
        "app": "mysql",
        "sources": [
            "ee/services/secret-rotation-v2/mysql-credentials/mysql-credentials-rotation-schemas.ts@617d0717",
            "ee/services/secret-rotation-v2/mysql-credentials/mysql-credentials-rotation-constants.ts@31e6904f",
            "ee/services/secret-rotation-v2/mysql-credentials/mysql-credentials-rotation-types.ts@14cc2178",
            "ee/routes/v2/secret-rotation-v2-routers/mysql-credentials-rotation-router.ts@14cc2178",
            *SQL_SOURCES,
        ],
        "versions": ("mysql-credentials-rotation-schemas.ts: one version (617d0717), same shape as the other SQL"
                     " types. Constants: 3 versions in index; taken 31e6904f (adds rotationStatement ALTER USER"
                     " '{{username}}'@'%' IDENTIFIED BY '{{password}}' and fixes 'privilages'); 14cc2178 has"
                     " createUserStatement only. ") + SQL_SHARED_VERSIONS,
        "parameters": SQL_PARAMETERS,
        "secrets_mapping": USERNAME_PASSWORD_MAPPING,
        "generated_credentials": ["username", "password"],
        "secret_generated_credentials": ["password"],
        "notes": SQL_NOTES,
    },
    "oracledb-credentials": {
        "name": "OracleDB Credentials",
        "app": "oracledb",
        "sources": [
            "ee/services/secret-rotation-v2/oracledb-credentials/oracledb-credentials-rotation-schemas.ts@5909a33a",
            "ee/services/secret-rotation-v2/oracledb-credentials/oracledb-credentials-rotation-constants.ts@2452487e",
            "ee/services/secret-rotation-v2/oracledb-credentials/oracledb-credentials-rotation-types.ts@5ee2eb1a",
            "ee/routes/v2/secret-rotation-v2-routers/oracledb-credentials-rotation-router.ts@333ce9d1",
            *SQL_SOURCES,
        ],
        "versions": ("oracledb-credentials-rotation-schemas.ts: one version (5909a33a). Constants: index holds 4"
                     " versions, only 2452487e seen (INFISICAL_USER example + rotationStatement ALTER USER"
                     " \"{{username}}\" IDENTIFIED BY \"{{password}}\"). ") + SQL_SHARED_VERSIONS,
        "parameters": SQL_PARAMETERS,
        "secrets_mapping": USERNAME_PASSWORD_MAPPING,
        "generated_credentials": ["username", "password"],
        "secret_generated_credentials": ["password"],
        "notes": ("Unknown keys are stripped (zod default). On PATCH, parameters and secretsMapping are each optional"
                  " but, if sent, are validated as the complete object (no partial update). Without"
                  " passwordRequirements the backend uses DEFAULT_PASSWORD_REQUIREMENTS (length 48, 1 lowercase, 1"
                  " uppercase, 1 digit, 0 symbols, symbols '-_.~!*'); for OracleDB the default length is 30"
                  " (ORACLE_PASSWORD_REQUIREMENTS); without rotationStatement it runs the connection's built-in"
                  " ALTER-login statement. A syntactically broken handlebars rotationStatement makes handlebars.parse"
                  " throw inside the refine (an error, not a clean validation message). Generated credentials: array"
                  " of 1-2 {username, password}."),
    },
    "auth0-client-secret": {
        "name": "Auth0 Client Secret",
        "app": "auth0",
        "sources": [
            "ee/services/secret-rotation-v2/auth0-client-secret/auth0-client-secret-rotation-schemas.ts@7d97a76e",
            "ee/services/secret-rotation-v2/auth0-client-secret/auth0-client-secret-rotation-constants.ts@1fdb6952",
            "ee/services/secret-rotation-v2/auth0-client-secret/auth0-client-secret-rotation-types.ts@4650ba9f",
            "ee/routes/v2/secret-rotation-v2-routers/auth0-client-secret-rotation-router.ts@581e4b35",
            "ee/routes/v2/secret-rotation-v2-routers/secret-rotation-v2-endpoints.ts@f2797c05",
            "ee/services/secret-rotation-v2/secret-rotation-v2-schemas.ts@0dcb223f",
            "ee/services/secret-rotation-v2/secret-rotation-v2-maps.ts@1995e180",
            "server/lib/schemas.ts@commit-not-given-by-index(read_file id 66701628899)",
            "lib/api-docs/constants.ts@1995e180",
        ],
        "versions": ("The index reports 2 versions of the schema file but only one (7d97a76) could be read; the other"
                     " was not reachable by commit or find_string, so what it differs in is unknown. A fork"
                     " (scott-ray-wilson/infisical@6a25e92) holds a variant with GeneratedCredentials .max(1) and a"
                     " describe key 'clientID'; it is not Infisical's repo and was not used."),
        "parameters": {"type": "object", "fields": {"clientId": REQUIRED_TEXT}},
        "secrets_mapping": CLIENT_SECRETS_MAPPING,
        "generated_credentials": ["clientId", "clientSecret"],
        "secret_generated_credentials": ["clientSecret"],
        "notes": ("Generated credentials array holds 1-2 items. Template secret names: AUTH0_CLIENT_ID /"
                  " AUTH0_CLIENT_SECRET. SecretNameSchema (newest backend/src/server/lib/schemas.ts, id 66701628899):"
                  " z.string().trim().min(1) refined to contain neither ':' nor '/' (message 'Secret name cannot"
                  " contain colon or forward slash.'); spaces are allowed by the backend (only an older/frontend"
                  " variant also refused spaces). Python equivalent after strip(): re.fullmatch(r'[^:/]+', value)."),
    },
    "azure-client-secret": {
        "name": "Azure Client Secret",
        "app": "azure-client-secrets",
        "sources": [
            "ee/services/secret-rotation-v2/azure-client-secret/azure-client-secret-rotation-schemas.ts@d161be11",
            "ee/services/secret-rotation-v2/azure-client-secret/azure-client-secret-rotation-schemas.ts@1184ea1b",
            "ee/services/secret-rotation-v2/azure-client-secret/azure-client-secret-rotation-constants.ts@be2c5a9e",
            "ee/services/secret-rotation-v2/azure-client-secret/azure-client-secret-rotation-types.ts@be2c5a9e",
            "ee/services/secret-rotation-v2/azure-client-secret/azure-client-secret-rotation-fns.ts@d161be11",
            "ee/services/secret-rotation-v2/azure-client-secret/azure-client-secret-rotation-fns.test.ts@a6ceec54",
            "ee/routes/v2/secret-rotation-v2-routers/azure-client-secret-rotation-router.ts@be2c5a9e",
            "ee/routes/v2/secret-rotation-v2-routers/secret-rotation-v2-endpoints.ts@f2797c05",
            "ee/services/secret-rotation-v2/secret-rotation-v2-maps.ts@1995e180",
            "lib/api-docs/constants.ts@1995e180",
        ],
        "versions": ("Index reports 5 versions of the schema file; 3 were readable. Taken as newest: d161be1"
                     " (parameters objectId + optional appName + clientId; generated credentials {clientId,"
                     " clientSecret, keyId}) because the newest api-docs (1995e18) document exactly"
                     " objectId/appName/clientId, and the fns at d161be1 and the fns.test (a6ceec5) use parameters"
                     " {objectId, clientId} and keyId. Older: 1184ea1 had parameters {appId (trim, min 1, 'Client ID"
                     " Required'), appName (trim, min 1, 'App Name Required', required)} and generated credentials"
                     " {clientId, clientSecret} with clientId holding the Azure keyId; another (index id 43725180983,"
                     " commit not given) had appId ('App ID Required') and appName optional, same generated"
                     " credentials. The remaining 2 versions were not reachable."),
        "parameters": {
            "type": "object",
            "fields": {
                "objectId": REQUIRED_TEXT,
                "appName": OPTIONAL_TEXT,
                "clientId": REQUIRED_TEXT,
            },
        },
        "secrets_mapping": CLIENT_SECRETS_MAPPING,
        "generated_credentials": ["clientId", "clientSecret", "keyId"],
        "secret_generated_credentials": ["clientSecret"],
        "notes": ("objectId is the Graph application object ID used in /applications/{objectId}/addPassword; clientId"
                  " is copied unchanged into the mapped client-ID secret; keyId is the Azure password credential ID"
                  " used for revocation. Generated credentials array holds 1-2 items. Template secret names:"
                  " AZURE_CLIENT_ID / AZURE_CLIENT_SECRET."),
    },
    "aws-iam-user-secret": {
        "name": "AWS IAM User Secret",
        "app": "aws",
        "sources": [
            "ee/services/secret-rotation-v2/aws-iam-user-secret/aws-iam-user-secret-rotation-schemas.ts@57c96abe",
            "ee/services/secret-rotation-v2/aws-iam-user-secret/aws-iam-user-secret-rotation-schemas.ts@2e3330bf",
            "ee/services/secret-rotation-v2/aws-iam-user-secret/aws-iam-user-secret-rotation-constants.ts@4e4b1b68",
            "ee/services/secret-rotation-v2/aws-iam-user-secret/aws-iam-user-secret-rotation-constants.ts@2e3330bf",
            "ee/services/secret-rotation-v2/aws-iam-user-secret/aws-iam-user-secret-rotation-types.ts@b6566943",
            "ee/services/secret-rotation-v2/aws-iam-user-secret/aws-iam-user-secret-rotation-fns.ts@7a4a877e",
            "ee/routes/v2/secret-rotation-v2-routers/aws-iam-user-secret-rotation-router.ts@4e4b1b68",
            "ee/routes/v2/secret-rotation-v2-routers/secret-rotation-v2-endpoints.ts@f2797c05",
            "services/app-connection/app-connection-enums.ts@305dbc54",
            "services/app-connection/app-connection-enums.ts@00392e9c",
            "ee/services/secret-rotation-v2/secret-rotation-v2-maps.ts@1995e180",
            "lib/api-docs/constants.ts@1995e180",
        ],
        "versions": ("Index reports 3 versions of the schema file; 2 were readable. Taken as newest: 57c96ab"
                     " (parameters userName + optional region) because the newest api-docs (1995e18) document"
                     " userName/region and the fns (7a4a877) read parameters.userName. Older 2e3330b had clientName"
                     " instead of userName (same trim/min(1)/'Client Name Required') and region required (no"
                     " .optional()). The third version was not reachable. The types file (b6566943, 1 version) only"
                     " infers its types from the schemas. Constants: 4e4b1b6 (same commit as the router) uses template"
                     " secret name AWS_ACCESS_KEY_ID; the older 2e3330b used AWS_ACCESS_KEY."),
        "parameters": {
            "type": "object",
            "fields": {
                "userName": REQUIRED_TEXT,
                "region": {
                    "type": "string",
                    "enum": [
                        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "us-gov-east-1", "us-gov-west-1",
                        "af-south-1", "ap-east-1", "ap-south-1", "ap-south-2", "ap-northeast-1", "ap-northeast-2",
                        "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
                        "ca-central-1", "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3",
                        "eu-south-1", "eu-south-2", "eu-north-1", "me-south-1", "me-central-1", "sa-east-1",
                    ],
                },
            },
        },
        "secrets_mapping": secret_names("accessKeyId", "secretAccessKey"),
        "generated_credentials": ["accessKeyId", "secretAccessKey"],
        "secret_generated_credentials": ["secretAccessKey"],
        "notes": ("region is z.nativeEnum(AWSRegion) (values from app-connection-enums.ts; two readable versions"
                  " agree, but newer enum versions may add regions); when left out, getAwsConnectionConfig falls back"
                  " to us-east-1 (IAM is global, so this only affects the STS/SDK region). On rotation, if the user"
                  " already has 2 access keys the oldest is deleted before a new one is created. Generated credentials"
                  " array holds 1-2 items. Template secret names: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY."),
    },
    "ldap-password": {
        "name": "LDAP Password",
        "app": "ldap",
        "sources": [
            ("ee/services/secret-rotation-v2/ldap-password/ldap-password-rotation-schemas.ts@(commit not reported by"
             " the index; file id 6133407318, taken as newest)"),
            "ee/services/secret-rotation-v2/ldap-password/ldap-password-rotation-schemas.ts@e0dc2dd6",
            "ee/services/secret-rotation-v2/ldap-password/ldap-password-rotation-schemas.ts@636aee2e",
            "ee/services/secret-rotation-v2/ldap-password/ldap-password-rotation-schemas.ts@9032bbe5",
            "ee/services/secret-rotation-v2/ldap-password/ldap-password-rotation-constants.ts@636aee2e",
            "ee/services/secret-rotation-v2/ldap-password/ldap-password-rotation-types.ts@8730d141",
            "ee/services/secret-rotation-v2/ldap-password/ldap-password-rotation-types.ts@ee2e2246",
            "ee/services/secret-rotation-v2/ldap-password/ldap-password-rotation-fns.ts@055029b5",
            ("ee/services/secret-rotation-v2/ldap-password/ldap-password-rotation-fns.ts@(commit not reported; file id"
             " 52469408895, newest seen, adds LDAP referral chasing)"),
            "ee/routes/v2/secret-rotation-v2-routers/ldap-password-rotation-router.ts@e9aa8b31",
            "ee/routes/v2/secret-rotation-v2-routers/secret-rotation-v2-endpoints.ts@f2797c05",
            "ee/services/secret-rotation-v2/secret-rotation-v2-fns.ts@6794f30f",
            "ee/services/secret-rotation-v2/secret-rotation-v2-service.ts@8e76bff3",
            "ee/services/secret-rotation-v2/secret-rotation-v2-enums.ts@c79a16b0",
            "ee/services/secret-rotation-v2/secret-rotation-v2-maps.ts@01ecde91",
            "ee/services/secret-rotation-v2/shared/general/password-requirements-schema.ts@7bd312a2",
            "ee/services/secret-rotation-v2/shared/general/password-requirements-schema.ts@636aee2e",
            "lib/regex/index.ts@08dfaaa8",
            "lib/validator/validate-string.ts@bb699ecb",
            "server/lib/schemas.ts@98d4103a",
            "server/lib/schemas.ts@(commit not reported; file id 66701628899, newest seen)",
            "lib/api-docs/constants.ts@0033bf75",
            "ee/services/secret-rotation-v2/secret-rotation-v2-fns.ts@61349696",
        ],
        "versions": ("find_files reports 5 versions of the schema file; 4 were readable. 9032bbe5: dn trim+min(1)"
                     " only, passwordRequirements, ListItem connection AppConnection.Ldap. 636aee2e: same but"
                     " AppConnection.LDAP. e0dc2dd6: dn additionally must match DistinguishedNameRegex ('Invalid DN"
                     " format, ie; CN=user,OU=users,DC=example,DC=com'). File id 6133407318 (commit not reported)"
                     " taken as newest: it has everything the others have plus DN-or-UPN validation (message 'DN/UPN"
                     " required' / 'Invalid DN/UPN format'), parameters.rotationMethod, the create-only"
                     " temporaryParameters.password and the superRefine; the newest fns, the api-docs constants"
                     " (0033bf75) and the types file (8730d141, which declares LdapPasswordRotationMethod) all use"
                     " these. The 5th version was not found."),
        "parameters": {
            "type": "object",
            "fields": {
                "dn": {
                    "type": "string",
                    "required": True,
                    "trim": True,
                    "min": 1,
                    "pattern": ("(?:(?:[a-zA-Z0-9]+=[^,+=\"<>#;\\\\]+)(?:(?:\\\\+[a-zA-Z0-9]+=[^,+=\"<>#;\\\\]+)*)(?:,(?:[a-z"
                                "A-Z0-9]+=[^,+=\"<>#;\\\\]+)(?:(?:\\\\+[a-zA-Z0-9]+=[^,+=\"<>#;\\\\]+)*))*)?|[a-zA-Z0-9._%+-]"
                                "+@[a-zA-Z0-9._-]+\\.[a-zA-Z]{2,}"),
                    "pattern_message": "Invalid DN/UPN format",
                },
                "passwordRequirements": PASSWORD_REQUIREMENTS,
                "rotationMethod": {"type": "string", "enum": ["connection-principal", "target-principal"]},
            },
        },
        "secrets_mapping": secret_names("dn", "password"),
        "temporary_parameters": {"type": "object", "fields": {"password": {"type": "string", "required": True, "min": 1, "secret": True}}},
        "create_rules": [
            {
                "kind": "required_if",
                "path": "temporaryParameters.password",
                "when": {"path": "parameters.rotationMethod", "equals": "target-principal"},
                "message": "Password required",
            },
        ],
        "generated_credentials": ["dn", "password"],
        "secret_generated_credentials": ["password"],
        "immutable_parameters": ["rotationMethod", "dn"],
        "notes": ("Update (PATCH) refuses parameters whose rotationMethod or dn differ (strict !==, so omitting a"
                  " stored rotationMethod also counts as a change) with 400 'Cannot update rotation method or DN'; the"
                  " update schema takes the whole parameters object, not a partial. Rotation requires an ldaps://"
                  " connection URL and only provider Active Directory is handled; temporaryParameters.password is only"
                  " used when rotationMethod is target-principal. The dn pattern is Infisical's DistinguishedNameRegex"
                  " OR UserPrincipalNameRegex (both anchored); in its source the multi-valued-RDN separator is written"
                  " '\\\\+' inside a JS regex literal, i.e. 'one or more backslashes', not a literal '+', and the"
                  " pattern here keeps that behaviour."),
    },
    "okta-client-secret": {
        "name": "Okta Client Secret",
        "app": "okta",
        "sources": [
            "ee/services/secret-rotation-v2/okta-client-secret/okta-client-secret-rotation-schemas.ts@8520ca98",
            "ee/services/secret-rotation-v2/okta-client-secret/okta-client-secret-rotation-constants.ts@9f3510f0",
            "ee/services/secret-rotation-v2/okta-client-secret/okta-client-secret-rotation-types.ts@5ce5d6a8",
            "ee/routes/v2/secret-rotation-v2-routers/okta-client-secret-rotation-router.ts@9f3510f0",
            "ee/routes/v2/secret-rotation-v2-routers/secret-rotation-v2-endpoints.ts@f2797c05",
            "ee/services/secret-rotation-v2/secret-rotation-v2-maps.ts@1995e180",
            "lib/api-docs/constants.ts@1995e180",
        ],
        "parameters": {"type": "object", "fields": {"clientId": REQUIRED_TEXT}},
        "secrets_mapping": CLIENT_SECRETS_MAPPING,
        "generated_credentials": ["clientId", "clientSecret", "secretId"],
        "secret_generated_credentials": ["clientSecret"],
        "notes": ("secretId is the Okta client-secret ID used for revocation. Generated credentials array holds 1-2"
                  " items. Template secret names: OKTA_CLIENT_ID / OKTA_CLIENT_SECRET."),
    },
    "redis-credentials": {
        "name": "Redis Credentials",
        "app": "redis",
        "sources": [
            "ee/services/secret-rotation-v2/redis-credentials/redis-credentials-rotation-schemas.ts@6babed73",
            "ee/services/secret-rotation-v2/redis-credentials/redis-credentials-rotation-schemas.ts@75ce4d3f",
            "ee/services/secret-rotation-v2/redis-credentials/redis-credentials-rotation-constants.ts@be324a7e",
            "ee/services/secret-rotation-v2/redis-credentials/redis-credentials-rotation-types.ts@be324a7e",
            "ee/services/secret-rotation-v2/redis-credentials/redis-credentials-rotation-fns.ts@6307c23b",
            "ee/routes/v2/secret-rotation-v2-routers/redis-credentials-rotation-router.ts@75ce4d3f",
            *PASSWORD_TYPE_SOURCES,
        ],
        "versions": ("redis-credentials-rotation-schemas.ts: 2 versions. Taken 6babed73: permissionScope ="
                     " string().trim().min(1, 'Permission scope is required') and the exported parameters schema is"
                     " used in the response/create/update schemas (update: parameters optional). 75ce4d3f (the commit"
                     " that also added the router and index.ts, i.e. the initial one) had permissionScope"
                     " z.string().optional() and inline parameters objects, with the update schema's parameters object"
                     " required. The fns (6307c23b) call parameters.permissionScope.split(' ') unguarded, consistent"
                     " with it being required. password-requirements-schema.ts: index holds 3 versions, 2 seen; taken"
                     " 7bd312a2 (allowedSymbols gets .regex(new RE2(...), 'Invalid symbols')) as newest because it is"
                     " the other version plus that validation; 636aee2e is identical except allowedSymbols is a plain"
                     " optional string."),
        "parameters": {
            "type": "object",
            "fields": {
                "passwordRequirements": PASSWORD_REQUIREMENTS,
                "permissionScope": REQUIRED_TEXT,
            },
        },
        "secrets_mapping": USERNAME_PASSWORD_MAPPING,
        "generated_credentials": ["username", "password"],
        "secret_generated_credentials": ["password"],
        "notes": ("Each issue/rotation creates a new Redis ACL user (random 32-char alphanumeric username) via ACL"
                  " SETUSER <user> ><password> on <permissionScope split on single spaces> and deletes the previous"
                  " user (ACL DELUSER), so permissionScope is a space-separated list of ACL rules. Without"
                  " passwordRequirements the backend uses DEFAULT_PASSWORD_REQUIREMENTS (length 48, 1 lower/1 upper/1"
                  " digit, no symbols). On PATCH, parameters and secretsMapping are optional but validated as complete"
                  " objects when sent. Generated credentials: array of 1-2 {username, password}."),
    },
    "mongodb-credentials": {
        "name": "MongoDB Credentials",
        "app": "mongodb",
        "sources": [
            "ee/services/secret-rotation-v2/mongodb-credentials/mongodb-credentials-rotation-schemas.ts@2452487e",
            "ee/services/secret-rotation-v2/mongodb-credentials/mongodb-credentials-rotation-schemas.ts@fa52dca6",
            "ee/services/secret-rotation-v2/mongodb-credentials/mongodb-credentials-rotation-constants.ts@2ab6dcf7",
            "ee/services/secret-rotation-v2/mongodb-credentials/mongodb-credentials-rotation-types.ts@51fc4a5e",
            "ee/services/secret-rotation-v2/mongodb-credentials/mongodb-credentials-rotation-fns.ts@00ba1a7e",
            "ee/services/secret-rotation-v2/mongodb-credentials/mongodb-credentials-rotation-fns.ts@3e7a158c",
            "ee/routes/v2/secret-rotation-v2-routers/mongodb-credentials-rotation-router.ts@51fc4a5e",
            "ee/services/secret-rotation-v2/shared/sql-credentials/sql-credentials-rotation-schemas.ts@31e6904f",
            *PASSWORD_TYPE_SOURCES,
        ],
        "versions": ("mongodb-credentials-rotation-schemas.ts: index holds 4 versions, 2 seen. Taken 2452487e:"
                     " parameters = SqlCredentialsRotationParametersSchema.omit({rotationStatement,"
                     " passwordRequirements}). fa52dca6 omitted only rotationStatement, so passwordRequirements was"
                     " accepted although every mongodb fns version ignores it (always DEFAULT_PASSWORD_REQUIREMENTS)"
                     " while the SQL fns of the same commit fa52dca6 already used it; 2452487e is therefore the later"
                     " fix. Secrets mapping and generated-credentials schema identical in both. Constants: 2 versions,"
                     " 1 seen (2ab6dcf7, createUserStatement + secretsMapping only). Shared"
                     " sql-credentials-rotation-schemas.ts: 2 versions; taken 31e6904f (adds optional"
                     " rotationStatement with handlebars refines and optional passwordRequirements, and"
                     " rotationStatement in the template schema); the older one (index id 33947750451) has only"
                     " username1/username2. Earlier prototypes (ids 66310196581, 65855498679, 66256583851) used"
                     " usernameSecretKey/passwordSecretKey/issueStatement/revokeStatement."
                     " password-requirements-schema.ts: index holds 3 versions, 2 seen; taken 7bd312a2 (allowedSymbols"
                     " gets .regex(new RE2(...), 'Invalid symbols')) as newest because it is the other version plus"
                     " that validation; 636aee2e is identical except allowedSymbols is a plain optional string."),
        "parameters": {
            "type": "object",
            "fields": {
                "username1": REQUIRED_TEXT,
                "username2": REQUIRED_TEXT,
            },
        },
        "secrets_mapping": USERNAME_PASSWORD_MAPPING,
        "generated_credentials": ["username", "password"],
        "secret_generated_credentials": ["password"],
        "notes": ("username1/username2 keep the SQL descriptions (the schema reuses the SQL fields; api-docs'"
                  " MONGODB_CREDENTIALS parameter texts are unused). rotationStatement and passwordRequirements are"
                  " not accepted (stripped as unknown keys); passwords always use DEFAULT_PASSWORD_REQUIREMENTS"
                  " (length 48, 1 lower/1 upper/1 digit, no symbols). On PATCH, parameters and secretsMapping are"
                  " optional but validated as complete objects when sent. Generated credentials: array of 1-2"
                  " {username, password}."),
    },
    "databricks-service-principal-secret": {
        "name": "Databricks Service Principal Secret",
        "app": "databricks",
        "sources": [
            ("ee/services/secret-rotation-v2/databricks-service-principal-secret/databricks-service-principal-secret-"
             "rotation-schemas.ts@e2633da5"),
            ("ee/services/secret-rotation-v2/databricks-service-principal-secret/databricks-service-principal-secret-"
             "rotation-constants.ts@9efc0676"),
            ("ee/services/secret-rotation-v2/databricks-service-principal-secret/databricks-service-principal-secret-"
             "rotation-types.ts@700985c5"),
            "ee/routes/v2/secret-rotation-v2-routers/databricks-service-principal-secret-rotation-router.ts@9efc0676",
            "ee/routes/v2/secret-rotation-v2-routers/secret-rotation-v2-endpoints.ts@02fdd1de",
            "ee/services/secret-rotation-v2/secret-rotation-v2-enums.ts@1995e180",
            "ee/services/secret-rotation-v2/secret-rotation-v2-maps.ts@1995e180",
            "ee/services/secret-rotation-v2/secret-rotation-v2-fns.ts@0082b3dd",
            "server/lib/schemas.ts@98d4103a",
            "lib/api-docs/constants.ts@c8bb4232",
            "services/app-connection/app-connection-enums.ts@9a9c1904",
        ],
        "versions": ("The index holds one version of the schemas, constants, types and router files. This type is the"
                     " renamed successor of databricks-service-account-secret (commit"
                     " 0fba3d7e0b25657c7c8657e00f259e076ab5b8c7), whose schema is identical apart from names."),
        "parameters": {
            "type": "object",
            "fields": {
                "servicePrincipalId": REQUIRED_TEXT,
                "servicePrincipalName": OPTIONAL_TEXT,
                "clientId": REQUIRED_TEXT,
            },
        },
        "secrets_mapping": CLIENT_SECRETS_MAPPING,
        "generated_credentials": ["clientId", "clientSecret", "secretId"],
        "secret_generated_credentials": ["clientSecret"],
        "notes": ("SecretNameSchema (backend/src/server/lib/schemas.ts@98d4103a, the only version in the index) is"
                  " BaseSecretNameSchema = z.string().trim().min(1) refined with !includes(':') && !includes('/'),"
                  " message 'Secret name cannot contain colon or forward slash.'; no max length, no character class"
                  " beyond that. servicePrincipalName has no min, so an empty string passes. The TS interface in the"
                  " types file declares clientId optional, but the zod schema requires it (min 1). Default template"
                  " secret names: DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET. Generated credentials are an array"
                  " of 1 to 2 items."),
    },
    "unix-linux-local-account": {
        "name": "Unix/Linux Local Account",
        "app": "ssh",
        "sources": [
            ("ee/services/secret-rotation-v2/unix-linux-local-account-rotation/unix-linux-local-account-rotation-sche"
             "mas.ts@31bf255a"),
            ("ee/services/secret-rotation-v2/unix-linux-local-account-rotation/unix-linux-local-account-rotation-sche"
             "mas.ts@4c0d34a6"),
            ("ee/services/secret-rotation-v2/unix-linux-local-account-rotation/unix-linux-local-account-rotation-cons"
             "tants.ts@af0bd69c"),
            ("ee/services/secret-rotation-v2/unix-linux-local-account-rotation/unix-linux-local-account-rotation-type"
             "s.ts@4c0d34a6"),
            ("ee/services/secret-rotation-v2/unix-linux-local-account-rotation/unix-linux-local-account-rotation-fns."
             "ts@75a8074b"),
            ("ee/services/secret-rotation-v2/unix-linux-local-account-rotation/unix-linux-local-account-rotation-fns."
             "ts@(commit not reported; file id 52473305885, adds useSudo/su fallback)"),
            ("ee/services/secret-rotation-v2/unix-linux-local-account-rotation/unix-linux-local-account-rotation-fns."
             "ts@(commit not reported; file id 62653184208, newest seen, pty-expect-engine, blockedUsers,"
             " validation-rule constraints)"),
            "ee/routes/v2/secret-rotation-v2-routers/unix-linux-local-account-rotation-router.ts@24bfe08b",
            "ee/routes/v2/secret-rotation-v2-routers/unix-linux-local-account-rotation-router.ts@4c0d34a6",
            "ee/routes/v2/secret-rotation-v2-routers/secret-rotation-v2-endpoints.ts@f2797c05",
            "ee/services/secret-rotation-v2/secret-rotation-v2-fns.ts@6794f30f",
            "ee/services/secret-rotation-v2/secret-rotation-v2-fns.ts@0082b3dd",
            "ee/services/secret-rotation-v2/secret-rotation-v2-service.ts@8e76bff3",
            "ee/services/secret-rotation-v2/secret-rotation-v2-service.ts@e19e4efc",
            "ee/services/secret-rotation-v2/secret-rotation-v2-enums.ts@c79a16b0",
            "ee/services/secret-rotation-v2/secret-rotation-v2-maps.ts@01ecde91",
            "ee/services/secret-rotation-v2/shared/general/password-requirements-schema.ts@7bd312a2",
            "lib/validator/validate-string.ts@bb699ecb",
            "server/lib/schemas.ts@(commit not reported; file id 66701628899, newest seen)",
            "lib/api-docs/constants.ts@0033bf75",
            "ee/services/secret-rotation-v2/secret-rotation-v2-fns.ts@61349696",
        ],
        "versions": ("find_files reports 6 versions of the schema file; 2 were readable. 31bf255a taken as newest: it"
                     " has everything 4c0d34a6 has plus parameters.useSudo (boolean, default false); the newest fns"
                     " (file id 62653184208) destructures useSudo and the newest api-docs constants (0033bf75)"
                     " document it. 4c0d34a6 lacks useSudo; otherwise identical (same username characterValidator,"
                     " same temporaryParameters and superRefine). The router has 5 versions: 4c0d34a6 calls"
                     " service.reconcileUnixLinuxLocalAccountRotation({rotationId}); 24bfe08b (taken) calls"
                     " service.reconcileLocalAccountRotation({rotationId, type}); request/response shape is the same"
                     " in both."),
        "parameters": {
            "type": "object",
            "fields": {
                "username": {
                    "type": "string",
                    "required": True,
                    "trim": True,
                    "min": 1,
                    "pattern": "[a-zA-Z0-9\\-_]+",
                    "pattern_message": "Name can only contain alphanumeric characters, dashes, underscores, and spaces",
                },
                "passwordRequirements": PASSWORD_REQUIREMENTS,
                "rotationMethod": {"type": "string", "enum": ["login-as-target", "login-as-root"]},
                "useSudo": {"type": "boolean", "default": False},
            },
        },
        "secrets_mapping": USERNAME_PASSWORD_MAPPING,
        "temporary_parameters": CURRENT_PASSWORD,
        "create_rules": LOGIN_AS_TARGET_NEEDS_PASSWORD,
        "generated_credentials": ["username", "password"],
        "secret_generated_credentials": ["password"],
        "extra_routes": ["reconcile"],
        "immutable_parameters": ["rotationMethod", "username"],
        "notes": ("Update refuses parameters whose rotationMethod or username differ from the stored ones (strict !==)"
                  " with 400 'Cannot update rotation method or username'; the update schema takes the whole parameters"
                  " object. The fns default a missing rotationMethod to login-as-root although the api-docs text says"
                  " it defaults to login-as-target; a missing rotationMethod therefore never requires"
                  " temporaryParameters.password. The superRefine uses !password, so an empty string counts as"
                  " missing. At rotation time Infisical rejects a username equal to the SSH connection's username and"
                  " (newest fns) usernames listed in the SSH connection's configuration.blockedUsers; older fns"
                  " instead rejected root/admin/administrator/sudo. The username message mentions spaces but spaces"
                  " are not allowed."),
    },
    "dbt-service-token": {
        "name": "DBT Service Token",
        "app": "dbt",
        "sources": [
            "ee/services/secret-rotation-v2/dbt-service-token/dbt-service-token-rotation-schemas.ts@bcd60d7d",
            "ee/services/secret-rotation-v2/dbt-service-token/dbt-service-token-rotation-schemas.ts@773db693",
            "ee/services/secret-rotation-v2/dbt-service-token/dbt-service-token-rotation-constants.ts@0082b3dd",
            "ee/services/secret-rotation-v2/dbt-service-token/dbt-service-token-rotation-types.ts@120a9a13",
            "ee/routes/v2/secret-rotation-v2-routers/dbt-service-token-rotation-router.ts@1c11c6f8",
            "lib/api-docs/constants.ts@c8bb4232",
            "docs/api-reference/endpoints/app-connections/dbt/create.mdx@22ea87ed",
        ],
        "versions": ("3 versions indexed, 2 distinct texts: bcd60d7d (taken) adds parameters.tokenName to everything"
                     " 773db693 has; the types file at 120a9a13, the api-docs at c8bb4232 and the published OpenAPI spec"
                     " agree. 773db693 lacks tokenName; the enum, generated credentials and mapping are identical."),
        "parameters": {"type": "object", "fields": {
            "tokenName": {"type": "string", "required": True, "trim": True, "min": 1, "max": 255},
            "permissionGrants": {"type": "array", "required": True, "min": 1, "set": True,
                                 "rule": "must hold at least one grant",
                                 "items": {"type": "object", "fields": {
                                     "permissionSet": {"type": "string", "required": True, "enum": DBT_PERMISSION_SETS},
                                     "projectId": {"type": "integer", "min": 1, "rule": "must be a positive dbt project id"},
                                 }}},
        }},
        "secrets_mapping": secret_names("serviceToken"),
        "generated_credentials": ["serviceToken", "tokenId", "tokenName"],
        "secret_generated_credentials": ["serviceToken"],
        "notes": "A grant's projectId is any number for Infisical; the collection asks for an integer of at least 1,"
                 " since dbt fails at rotation time otherwise.",
    },
    "windows-local-account": {
        "name": "Windows Local Account",
        "app": "smb",
        "sources": [
            ("ee/services/secret-rotation-v2/windows-local-account-rotation/windows-local-account-rotation-schemas.ts"
             "@(commit not reported by the index; file id 1735368076, taken as newest)"),
            ("ee/services/secret-rotation-v2/windows-local-account-rotation/windows-local-account-rotation-schemas.ts"
             "@1c11c6f8"),
            ("ee/services/secret-rotation-v2/windows-local-account-rotation/windows-local-account-rotation-schemas.ts"
             "@b4701c7a"),
            ("ee/services/secret-rotation-v2/windows-local-account-rotation/windows-local-account-rotation-schemas.ts"
             "@6ed7a46c"),
            ("ee/services/secret-rotation-v2/windows-local-account-rotation/windows-local-account-rotation-constants."
             "ts@b2228a7a"),
            ("ee/services/secret-rotation-v2/windows-local-account-rotation/windows-local-account-rotation-types.ts@c"
             "79a16b0"),
            ("ee/services/secret-rotation-v2/windows-local-account-rotation/windows-local-account-rotation-fns.ts@24b"
             "fe08b"),
            ("ee/services/secret-rotation-v2/windows-local-account-rotation/windows-local-account-rotation-fns.ts@(co"
             "mmit not reported; file id 53263820837, newest seen)"),
            "ee/routes/v2/secret-rotation-v2-routers/windows-local-account-rotation-router.ts@388a9ae4",
            "ee/routes/v2/secret-rotation-v2-routers/secret-rotation-v2-endpoints.ts@f2797c05",
            "lib/validator/validate-smb.ts@b4701c7a",
            "lib/validator/validate-smb.ts@c822f5a2",
            "lib/validator/validate-string.ts@bb699ecb",
            "ee/services/secret-rotation-v2/secret-rotation-v2-fns.ts@6794f30f",
            "ee/services/secret-rotation-v2/secret-rotation-v2-service.ts@8e76bff3",
            "ee/services/secret-rotation-v2/secret-rotation-v2-enums.ts@c79a16b0",
            "ee/services/secret-rotation-v2/secret-rotation-v2-maps.ts@01ecde91",
            "ee/services/secret-rotation-v2/shared/general/password-requirements-schema.ts@7bd312a2",
            "server/lib/schemas.ts@(commit not reported; file id 66701628899, newest seen)",
            "lib/api-docs/constants.ts@0033bf75",
            ("frontend/src/.../windows-local-account-rotation form schema@(commit not reported; file id 1450212442,"
             " used only to corroborate the newest backend version)"),
            "ee/services/secret-rotation-v2/secret-rotation-v2-fns.ts@61349696",
        ],
        "versions": ("find_files reports 10 versions of the schema file; 4 were readable. 6ed7a46c: username uses"
                     " characterValidator [alnum,-,_] only, plain PasswordRequirementsSchema,"
                     " temporaryParameters.password unchecked. b4701c7a: SMB validation (max 20, [alnum,-,_,.], no"
                     " leading -/. or trailing .), allowedSymbols must not contain SMB-dangerous characters (message"
                     " '...: ; | & ` $ ( )'), but no privileged-account refine and no password refine. 1c11c6f8: adds"
                     " the privileged-account refine and the temporaryParameters.password refine, but with the older"
                     " dangerous-character list and messages ('semicolons, spaces, quotes, or pipes'; validate-smb"
                     " c822f5a2). File id 1735368076 (commit not reported) taken as newest: it has everything the"
                     " others have, and its messages match the newer validate-smb (b4701c7a: ; | & ` $ ( ) \\n \\r \\0)"
                     " and the newest frontend schema. The ordering of b4701c7a vs 1735368076 is judged by content"
                     " only (superset)."),
        "parameters": {
            "type": "object",
            "fields": {
                "username": {
                    "type": "string",
                    "required": True,
                    "trim": True,
                    "min": 1,
                    "max": 20,
                    "pattern": "[a-zA-Z0-9\\-_\\.]+",
                    "pattern_message": "Username can only contain alphanumeric characters, underscores, hyphens, and periods",
                    "patterns": [
                        {
                            "pattern": "(?![-.]).*(?<!\\.)",
                            "message": "Username cannot start with a hyphen or period, and cannot end with a period",
                        },
                    ],
                    "not_one_of": ["administrator", "system", "guest", "defaultaccount"],
                    "ignore_case": True,
                },
                "passwordRequirements": {
                    **PASSWORD_REQUIREMENTS,
                    "fields": {
                        **PASSWORD_REQUIREMENTS["fields"],
                        "allowedSymbols": {
                            **PASSWORD_REQUIREMENTS["fields"]["allowedSymbols"],
                            "patterns": [
                                {
                                    "pattern": "[^;|&`$()\n\r\u0000]*",
                                    "message": "Allowed symbols cannot contain dangerous characters: ; | & ` $ ( )",
                                },
                            ],
                        },
                    },
                },
                "rotationMethod": {"type": "string", "enum": ["login-as-target", "login-as-root"]},
            },
        },
        "secrets_mapping": USERNAME_PASSWORD_MAPPING,
        "temporary_parameters": {
            "type": "object",
            "fields": {
                "password": {
                    "type": "string",
                    "secret": True,
                    "pattern": "[^;|&`$()\\n\\r\\x00]*",
                    "pattern_message": "Password cannot contain dangerous characters: ; | & ` $ ( ) or newlines",
                },
            },
        },
        "create_rules": LOGIN_AS_TARGET_NEEDS_PASSWORD,
        "generated_credentials": ["username", "password"],
        "secret_generated_credentials": ["password"],
        "extra_routes": ["reconcile"],
        "immutable_parameters": ["rotationMethod", "username"],
        "notes": ("Update refuses parameters whose rotationMethod or username differ from the stored ones (strict !==)"
                  " with 400 'Cannot update rotation method or username'; the update schema takes the whole parameters"
                  " object. The fns default a missing rotationMethod to login-as-root although the api-docs text says"
                  " login-as-target. The superRefine uses !password, so an empty string counts as missing. At rotation"
                  " time Infisical also rejects a username equal to the SMB connection's username ('Provided username"
                  " is used in Infisical app connections.'). The newest router also accepts OAuth auth on reconcile;"
                  " the generic CRUD endpoints accept JWT and identity access tokens."),
    },
    "open-router-api-key": {
        "name": "OpenRouter API Key",
        "app": "open-router",
        "sources": [
            "ee/services/secret-rotation-v2/open-router-api-key/open-router-api-key-rotation-schemas.ts@74aaa2bb",
            "ee/services/secret-rotation-v2/open-router-api-key/open-router-api-key-rotation-schemas.ts@57410f4d",
            "ee/services/secret-rotation-v2/open-router-api-key/open-router-api-key-rotation-schemas.ts@ead474fe",
            "ee/services/secret-rotation-v2/open-router-api-key/open-router-api-key-rotation-schemas.ts@9e8e1561",
            "ee/services/secret-rotation-v2/open-router-api-key/open-router-api-key-rotation-constants.ts@d2ceabd4",
            "ee/services/secret-rotation-v2/open-router-api-key/open-router-api-key-rotation-types.ts@9e8e1561",
            "ee/services/secret-rotation-v2/open-router-api-key/open-router-api-key-rotation-fns.ts@7221a19d",
            "ee/routes/v2/secret-rotation-v2-routers/open-router-api-key-rotation-router.ts@d2ceabd4",
            ("frontend/src/components/secret-rotations-v2/forms/SecretRotationV2ParametersFields/OpenRouterApiKeyRota"
             "tionParametersFields.tsx@57410f4d"),
            ("frontend/src/components/secret-rotations-v2/forms/SecretRotationV2ParametersFields/OpenRouterApiKeyRota"
             "tionParametersFields.tsx@74aaa2bb"),
            "ee/routes/v2/secret-rotation-v2-routers/secret-rotation-v2-endpoints.ts@02fdd1de",
            "ee/services/secret-rotation-v2/secret-rotation-v2-enums.ts@1995e180",
            "ee/services/secret-rotation-v2/secret-rotation-v2-maps.ts@1995e180",
            "server/lib/schemas.ts@98d4103a",
            "lib/api-docs/constants.ts@c8bb4232",
            "services/app-connection/app-connection-enums.ts@00392e9c",
        ],
        "versions": ("Four schema versions: 9e8e1561 (name trim min 1 without max; limit; limitReset), ead474fe (adds"
                     " includeByokInLimit), 57410f4d (adds name max 255, OPEN_ROUTER_API_KEY_NAME_MAX_LENGTH = 255)"
                     " and 74aaa2bb (same with max 100). 74aaa2bb is taken as newest: the frontend parameters form at"
                     " the same commit says 100 'matches backend schema', 57410f4d's form says 255, and the later"
                     " v3-components rewrite of that form (index id 57388818765) also uses 100."),
        "parameters": {
            "type": "object",
            "fields": {
                "name": {"type": "string", "required": True, "trim": True, "min": 1, "max": 100},
                "limit": {"type": "number", "nullable": True, "min": 0, "exclusive_min": True},
                "limitReset": {"type": "string", "nullable": True, "enum": ["daily", "weekly", "monthly"]},
                "includeByokInLimit": {"type": "boolean", "nullable": True},
            },
        },
        "secrets_mapping": secret_names("apiKey"),
        "generated_credentials": ["apiKey", "keyHash"],
        "secret_generated_credentials": ["apiKey"],
        "notes": ("limit is z.number().positive(): strictly greater than 0 (fractions allowed); the format has no"
                  " exclusive minimum, so 'exclusive_min': True is added next to 'min': 0. limitReset is"
                  " z.nativeEnum(OpenRouterLimitReset). The fns send limit/limit_reset/include_byok_in_limit to"
                  " OpenRouter only when not null/undefined. Default template secret name: OPEN_ROUTER_API_KEY."
                  " Generated credentials: array of 1 to 2 items."),
    },
    "litellm-api-key": {
        "name": "LiteLLM API Key",
        "app": "litellm",
        "sources": [
            "ee/services/secret-rotation-v2/litellm-api-key/litellm-api-key-rotation-schemas.ts@c8bb4232",
            "ee/services/secret-rotation-v2/litellm-api-key/litellm-api-key-rotation-schemas.ts@9b97b415",
            "ee/services/secret-rotation-v2/litellm-api-key/litellm-api-key-rotation-constants.ts@c8bb4232",
            "ee/services/secret-rotation-v2/litellm-api-key/litellm-api-key-rotation-constants.ts@9b97b415",
            "ee/services/secret-rotation-v2/litellm-api-key/litellm-api-key-rotation-types.ts@c8bb4232",
            "ee/routes/v2/secret-rotation-v2-routers/litellm-api-key-rotation-router.ts@98e00b70",
            "lib/api-docs/constants.ts@c8bb4232",
            "docs/api-reference/endpoints/app-connections/litellm/create.mdx@dc99b132",
        ],
        "versions": ("2 versions of the schema file. Taken as newest: c8bb4232, a superset of 9b97b415: its"
                     " additionalOptions refine also rejects more than LITELLM_ADDITIONAL_OPTIONS_MAX_KEYS (55)"
                     " top-level keys and the forbidden keys allowed_routes, permission, object_permission (constants"
                     " at c8bb4232 define both; 9b97b415 constants do not). All other fields are identical."),
        "parameters": {
            "type": "object",
            "fields": {
                "name": {"type": "string", "required": True, "trim": True, "min": 1, "max": 100},
                "additionalOptions": {
                    "type": "string",
                    "trim": True,
                    "json_object": {
                        "max_keys": 55,
                        "forbidden_keys": [
                            "allowed_routes", "permission", "object_permission", "key_alias", "auto_rotate",
                            "rotation_interval", "duration", "send_invite_email", "key_type", "user_id", "team_id",
                            "models",
                        ],
                    },
                },
                "userId": OPTIONAL_TEXT,
                "teamId": OPTIONAL_TEXT,
                "models": {"type": "array", "set": True, "items": OPTIONAL_TEXT},
            },
        },
        "secrets_mapping": secret_names("apiKey"),
        "generated_credentials": ["apiKey"],
        "secret_generated_credentials": ["apiKey"],
        "notes": ("additionalOptions checks run in order and stop at the first failure (max keys, then forbidden, then"
                  " reserved). userId/teamId have no min, so '' passes. Template secret name: LITELLM_API_KEY."),
    },
    "openai-service-account": {
        "name": "OpenAI Service Account",
        "app": "openai",
        "sources": [
            "ee/services/secret-rotation-v2/openai-service-account/openai-service-account-rotation-schemas.ts@afd9c814",
            "ee/services/secret-rotation-v2/openai-service-account/openai-service-account-rotation-schemas.ts@609dea87",
            ("ee/services/secret-rotation-v2/openai-service-account/openai-service-account-rotation-constants.ts@dc99"
             "b132"),
            "ee/services/secret-rotation-v2/openai-service-account/openai-service-account-rotation-types.ts@afd9c814",
            "ee/services/secret-rotation-v2/openai-service-account/openai-service-account-rotation-fns.ts@00cfe4fb",
            "ee/services/secret-rotation-v2/openai-service-account/openai-service-account-rotation-fns.ts@609dea87",
            "ee/routes/v2/secret-rotation-v2-routers/openai-service-account-rotation-router.ts@dc99b132",
            "ee/routes/v2/secret-rotation-v2-routers/secret-rotation-v2-endpoints.ts@02fdd1de",
            "ee/services/secret-rotation-v2/secret-rotation-v2-enums.ts@609dea87",
            "ee/services/secret-rotation-v2/secret-rotation-v2-enums.ts@1995e180",
            "ee/services/secret-rotation-v2/secret-rotation-v2-maps.ts@1995e180",
            "server/lib/schemas.ts@98d4103a",
            "lib/api-docs/constants.ts@c8bb4232",
            "ee/services/secret-rotation-v2/secret-rotation-v2-fns.ts@61349696",
        ],
        "versions": ("Two schema versions: 609dea87 (OPENAI_SERVICE_ACCOUNT_NAME_MAX_LENGTH = 100) and afd9c814 (= 86,"
                     " with an added comment 'The max length for the service account name is 86 characters, including"
                     " the timestamp suffix'; 86 + '-' + 13-digit epoch ms = 100). afd9c814 taken as newest: 609dea87"
                     " is the commit right after the rename from openai-admin-api-key (its enum has no"
                     " datadog-api-key/litellm), while afd9c814 is also the commit of the datadog-api-key types, a"
                     " later type. Infisical's published API docs still say 'max 100 characters' for parameters.name."),
        "parameters": {
            "type": "object",
            "fields": {
                "projectId": REQUIRED_TEXT,
                "name": {"type": "string", "required": True, "trim": True, "min": 1, "max": 86},
            },
        },
        "secrets_mapping": secret_names("apiKey"),
        "generated_credentials": ["apiKey", "serviceAccountId"],
        "secret_generated_credentials": ["apiKey"],
        "immutable_parameters": ["projectId"],
        "notes": ("The fns create the service account as '<name>-<Date.now()>'. projectId cannot be changed after"
                  " creation: throwOnImmutableParameterUpdate in the newest secret-rotation-v2-fns.ts (61349696)"
                  " refuses it; older versions of that file did not list this type. Default template secret name: OPENAI_API_KEY. Generated"
                  " credentials: array of 1 to 2 items."),
    },
    "hp-ilo-local-account": {
        "name": "HP iLO Local Account",
        "app": "ssh",
        "sources": [
            "ee/services/secret-rotation-v2/hp-ilo-rotation/hp-ilo-rotation-schemas.ts@0033bf75",
            "ee/services/secret-rotation-v2/hp-ilo-rotation/hp-ilo-rotation-schemas.ts@496da509",
            "ee/services/secret-rotation-v2/hp-ilo-rotation/hp-ilo-rotation-constants.ts@7e57a226",
            "ee/services/secret-rotation-v2/hp-ilo-rotation/hp-ilo-rotation-types.ts@8b29b71d",
            ("ee/services/secret-rotation-v2/hp-ilo-rotation/hp-ilo-rotation-fns.ts@(commit not reported; file ids"
             " 70105108444 / 70213389281, newest seen: Redfish API with SSH fallback, sslRejectUnauthorized = true by"
             " default)"),
            ("ee/services/secret-rotation-v2/hp-ilo-rotation/hp-ilo-rotation-fns.ts@(commit not reported; file id"
             " 70202351187, variant that also accepts an HPE iLO Redfish app connection)"),
            "ee/routes/v2/secret-rotation-v2-routers/hp-ilo-rotation-router.ts@f36ee903",
            "ee/routes/v2/secret-rotation-v2-routers/secret-rotation-v2-endpoints.ts@f2797c05",
            "ee/services/secret-rotation-v2/secret-rotation-v2-fns.ts@6794f30f",
            "ee/services/secret-rotation-v2/secret-rotation-v2-fns.ts@f36ee903",
            "ee/services/secret-rotation-v2/secret-rotation-v2-service.ts@8e76bff3",
            "ee/services/secret-rotation-v2/secret-rotation-v2-maps.ts@01ecde91",
            "ee/services/secret-rotation-v2/shared/general/password-requirements-schema.ts@7bd312a2",
            "lib/validator/validate-string.ts@bb699ecb",
            "server/lib/schemas.ts@(commit not reported; file id 66701628899, newest seen)",
            "lib/api-docs/constants.ts@0033bf75",
            "docs/api-reference/endpoints/secret-rotations/hp-ilo-local-account/reconcile.mdx@8e76bff3",
            "docs/api-reference/endpoints/secret-rotations/hp-ilo-local-account/create.mdx@85f8a290",
            "ee/services/secret-rotation-v2/secret-rotation-v2-fns.ts@61349696",
        ],
        "versions": ("find_files reports 6 versions of the schema file; 2 were readable. 496da509: username"
                     " (characterValidator [alnum,-,_]), passwordRequirements, rotationMethod; create/update use the"
                     " same parameters schema. 0033bf75 taken as newest: it has all of that plus sslRejectUnauthorized"
                     " and sslCertificate (documented in the newest api-docs constants 0033bf75 and used by the newest"
                     " fns), and a create/update-only input schema that limits passwordRequirements.length to"
                     " HP_ILO_MAX_PASSWORD_LENGTH = 39 (stored rotations and responses keep the plain 1..250 schema)."
                     " The slug hp-ilo-local-account is the value of SecretRotation.HpIloLocalAccount as used in the"
                     " docs openapi paths (POST /api/v2/secret-rotations/hp-ilo-local-account); the enum file version"
                     " holding it was not readable."),
        "parameters": {
            "type": "object",
            "fields": {
                "username": {
                    "type": "string",
                    "required": True,
                    "trim": True,
                    "min": 1,
                    "pattern": "[a-zA-Z0-9\\-_]+",
                    "pattern_message": "Username can only contain alphanumeric characters, dashes, and underscores",
                },
                "passwordRequirements": {
                    **PASSWORD_REQUIREMENTS,
                    "fields": {
                        **PASSWORD_REQUIREMENTS["fields"],
                        "length": {
                            **PASSWORD_REQUIREMENTS["fields"]["length"],
                            "max": 39,
                        },
                    },
                },
                "rotationMethod": {"type": "string", "enum": ["login-as-target", "login-as-root"]},
                "sslRejectUnauthorized": {"type": "boolean"},
                "sslCertificate": {"type": "string", "trim": True, "max": 8192},
            },
        },
        "secrets_mapping": USERNAME_PASSWORD_MAPPING,
        "temporary_parameters": CURRENT_PASSWORD,
        "create_rules": LOGIN_AS_TARGET_NEEDS_PASSWORD,
        "generated_credentials": ["username", "password"],
        "secret_generated_credentials": ["password"],
        "extra_routes": ["reconcile"],
        "immutable_parameters": ["rotationMethod", "username"],
        "notes": ("Update refuses parameters whose rotationMethod or username differ (strict !==) with 400 'Cannot"
                  " update rotation method or username'; update input also applies the 39-character length limit."
                  " Missing rotationMethod means login-as-root (fns and api-docs agree); the superRefine uses"
                  " !password, so an empty string counts as missing. When passwordRequirements is omitted the fns use"
                  " an iLO default (length 39, one lowercase, uppercase and digit, no symbols). At rotation time"
                  " Infisical rejects a username equal to the connection's username. One fns variant (file id"
                  " 70202351187) also accepts an 'HPE iLO' Redfish app connection (AppConnection.HpeIloRedFish) and"
                  " then refuses login-as-target; the newest schema's ListItem still names only the SSH connection."),
    },
    "supabase-api-key": {
        "name": "Supabase API Key",
        "app": "supabase",
        "sources": [
            "ee/services/secret-rotation-v2/supabase-api-key/supabase-api-key-rotation-schemas.ts@60891fdf",
            "ee/services/secret-rotation-v2/supabase-api-key/supabase-api-key-rotation-schemas.ts@0420f535",
            "ee/services/secret-rotation-v2/supabase-api-key/supabase-api-key-rotation-schemas.ts@295a27e9",
            "ee/services/secret-rotation-v2/supabase-api-key/supabase-api-key-rotation-constants.ts@547dc6a3",
            "ee/services/secret-rotation-v2/supabase-api-key/supabase-api-key-rotation-constants.ts@295a27e9",
            "ee/services/secret-rotation-v2/supabase-api-key/supabase-api-key-rotation-types.ts@547dc6a3",
            "ee/services/secret-rotation-v2/supabase-api-key/supabase-api-key-rotation-types.ts@295a27e9",
            "ee/services/secret-rotation-v2/supabase-api-key/supabase-api-key-rotation-fns.ts@b6cffea0",
            "ee/services/secret-rotation-v2/supabase-api-key/supabase-api-key-rotation-fns.ts@0420f535",
            "ee/routes/v2/secret-rotation-v2-routers/supabase-api-key-rotation-router.ts@02cead17",
            "ee/routes/v2/secret-rotation-v2-routers/secret-rotation-v2-endpoints.ts@02fdd1de",
            "ee/services/secret-rotation-v2/secret-rotation-v2-enums.ts@1995e180",
            "ee/services/secret-rotation-v2/secret-rotation-v2-maps.ts@1995e180",
            "server/lib/schemas.ts@98d4103a",
            "lib/api-docs/constants.ts@c8bb4232",
            "services/app-connection/app-connection-enums.ts@00392e9c",
            "ee/services/secret-rotation-v2/secret-rotation-v2-fns.ts@61349696",
        ],
        "versions": ("Three schema versions. 295a27e9 is the scaffold (GeneratedCredentials item only {apiKey}; paired"
                     " with a stub fns full of TODOs, a types file without TSupabaseApiKeyCreateResponse and a"
                     " template secret name SUPABASE_SECRET_API_KEY), so it is the oldest. 60891fdf and 0420f535 both"
                     " add keyId to the generated credentials and differ only in line wrapping of keyType; they are"
                     " equivalent, 60891fdf (the one find_files names) is taken. The constants version 547dc6a3"
                     " (template SUPABASE_API_KEY, with the create-response type in types) goes with the implemented"
                     " fns and is taken as newer."),
        "parameters": {
            "type": "object",
            "fields": {
                "projectRef": REQUIRED_TEXT,
                "keyType": {"type": "string", "required": True, "enum": ["publishable", "secret"]},
            },
        },
        "secrets_mapping": secret_names("apiKey"),
        "generated_credentials": ["apiKey", "keyId"],
        "secret_generated_credentials": ["apiKey"],
        "immutable_parameters": ["projectRef", "keyType"],
        "notes": ("keyType is z.nativeEnum(SupabaseApiKeyType) {Publishable: 'publishable', Secret: 'secret'}. The"
                  " created key is named infisical_rotated_<keyType>_<epoch ms> by the fns. Default template secret"
                  " name: SUPABASE_API_KEY (SUPABASE_SECRET_API_KEY in the scaffold). Generated credentials: array of"
                  " 1 to 2 items."),
    },
    "salesforce-oauth-credentials": {
        "name": "Salesforce OAuth Credentials",
        "app": "salesforce",
        "sources": [
            ("ee/services/secret-rotation-v2/salesforce-oauth-credentials/salesforce-oauth-credentials-rotation-schem"
             "as.ts@64649851"),
            ("ee/services/secret-rotation-v2/salesforce-oauth-credentials/salesforce-oauth-credentials-rotation-const"
             "ants.ts@afd9c814"),
            ("ee/services/secret-rotation-v2/salesforce-oauth-credentials/salesforce-oauth-credentials-rotation-types"
             ".ts@afd9c814"),
            "ee/routes/v2/secret-rotation-v2-routers/salesforce-oauth-credentials-rotation-router.ts@6b992bf5",
            "ee/routes/v2/secret-rotation-v2-routers/secret-rotation-v2-endpoints.ts@f2797c05",
            "ee/services/secret-rotation-v2/secret-rotation-v2-enums.ts@1995e180",
            "ee/services/secret-rotation-v2/secret-rotation-v2-maps.ts@1995e180",
            "lib/api-docs/constants.ts@1995e180",
        ],
        "parameters": {
            "type": "object",
            "fields": {
                "appId": REQUIRED_TEXT,
                "appName": REQUIRED_TEXT,
            },
        },
        "secrets_mapping": secret_names("consumerKey", "consumerSecret"),
        "generated_credentials": ["consumerKey", "consumerSecret", "stagedCredentialUrl"],
        "secret_generated_credentials": ["consumerSecret"],
        "notes": ("stagedCredentialUrl is the Salesforce staged-credential URL used to manage the rotated credential."
                  " Generated credentials array holds 1-2 items. Template secret names: SALESFORCE_CONSUMER_KEY /"
                  " SALESFORCE_CONSUMER_SECRET."),
    },
    "datadog-application-key-secret": {
        "name": "Datadog Application Key",
        "app": "datadog",
        "sources": [
            ("ee/services/secret-rotation-v2/datadog-application-key-secret/datadog-application-key-secret-rotation-s"
             "chemas.ts@9a9c1904"),
            ("ee/services/secret-rotation-v2/datadog-application-key-secret/datadog-application-key-secret-rotation-c"
             "onstants.ts@e34d50b0"),
            ("ee/services/secret-rotation-v2/datadog-application-key-secret/datadog-application-key-secret-rotation-t"
             "ypes.ts@eecb3926"),
            "ee/routes/v2/secret-rotation-v2-routers/datadog-application-key-secret-rotation-router.ts@f39b958f",
            "ee/routes/v2/secret-rotation-v2-routers/secret-rotation-v2-endpoints.ts@02fdd1de",
            "ee/services/secret-rotation-v2/secret-rotation-v2-enums.ts@1995e180",
            "ee/services/secret-rotation-v2/secret-rotation-v2-maps.ts@1995e180",
            "server/lib/schemas.ts@98d4103a",
            "lib/api-docs/constants.ts@c8bb4232",
            "services/app-connection/app-connection-enums.ts@9a9c1904",
            "ee/services/secret-rotation-v2/secret-rotation-v2-fns.ts@61349696",
        ],
        "parameters": {"type": "object", "fields": {"serviceAccountId": REQUIRED_TEXT}},
        "secrets_mapping": secret_names("applicationKeyId", "applicationKey"),
        "generated_credentials": ["applicationKeyId", "applicationKey"],
        "secret_generated_credentials": ["applicationKey"],
        "immutable_parameters": ["serviceAccountId"],
        "notes": ("Name mismatch in Infisical: SECRET_ROTATION_NAME_MAP says 'Datadog Application Key' (used here),"
                  " while the ListItem schema literal and the LIST_OPTION constant say 'Datadog Application Key"
                  " Secret'. Default template secret names: DATADOG_APPLICATION_KEY_ID, DATADOG_APPLICATION_KEY."
                  " Generated credentials: array of 1 to 2 items."),
    },
    "datadog-api-key": {
        "name": "Datadog API Key",
        "app": "datadog",
        "sources": [
            "ee/services/secret-rotation-v2/datadog-api-key/datadog-api-key-rotation-schemas.ts@c8bb4232",
            "ee/services/secret-rotation-v2/datadog-api-key/datadog-api-key-rotation-constants.ts@dc99b132",
            "ee/services/secret-rotation-v2/datadog-api-key/datadog-api-key-rotation-types.ts@afd9c814",
            "ee/routes/v2/secret-rotation-v2-routers/datadog-api-key-rotation-router.ts@b480d380",
            "ee/routes/v2/secret-rotation-v2-routers/secret-rotation-v2-endpoints.ts@02fdd1de",
            "ee/services/secret-rotation-v2/secret-rotation-v2-enums.ts@1995e180",
            "ee/services/secret-rotation-v2/secret-rotation-v2-maps.ts@1995e180",
            "server/lib/schemas.ts@98d4103a",
            "lib/api-docs/constants.ts@c8bb4232",
            "services/app-connection/app-connection-enums.ts@9a9c1904",
        ],
        "parameters": {"type": "object", "fields": {"name": {"type": "string", "required": True, "trim": True, "min": 1, "max": 255}}},
        "secrets_mapping": secret_names("apiKeyId", "apiKey"),
        "generated_credentials": ["apiKeyId", "apiKey"],
        "secret_generated_credentials": ["apiKey"],
        "notes": ("Max 255 is DATADOG_API_KEY_NAME_MAX_LENGTH ('Datadog does not publish a strict maximum length ..."
                  " cap for sanity'). Default template secret names: DATADOG_API_KEY_ID, DATADOG_API_KEY. Generated"
                  " credentials: array of 1 to 2 items."),
    },
    "convex-access-key": {
        "name": "Convex Access Key",
        "app": "convex",
        "sources": [
            "ee/services/secret-rotation-v2/convex-access-key/convex-access-key-rotation-schemas.ts@4722c9b3",
            "ee/services/secret-rotation-v2/convex-access-key/convex-access-key-rotation-constants.ts@c8bb4232",
            "ee/services/secret-rotation-v2/convex-access-key/convex-access-key-rotation-types.ts@afd9c814",
            "ee/routes/v2/secret-rotation-v2-routers/convex-access-key-rotation-router.ts@c8bb4232",
            "lib/api-docs/constants.ts@c8bb4232",
            "docs/api-reference/endpoints/app-connections/convex/create.mdx@960ddbbd",
        ],
        "parameters": {"type": "object", "fields": {"namePrefix": REQUIRED_TEXT}},
        "secrets_mapping": secret_names("accessKey"),
        "generated_credentials": ["accessKeyId", "accessKey"],
        "secret_generated_credentials": ["accessKey"],
        "notes": ("namePrefix has no maximum length in the schema. Only accessKey is mapped to a secret; accessKeyId"
                  " is kept in the generated credentials only. Template secret name: CONVEX_ACCESS_KEY."),
    },
    "fireworks-api-key": {
        "name": "Fireworks Secret",
        "app": "fireworks",
        "sources": [
            ("ee/services/secret-rotation-v2/fireworks-api-key/fireworks-api-key-rotation-schemas.ts@unknown-commit"
             " (index file id 54795398976; newest)"),
            "ee/services/secret-rotation-v2/fireworks-api-key/fireworks-api-key-rotation-schemas.ts@0ec79f4d",
            "ee/services/secret-rotation-v2/fireworks-api-key/fireworks-api-key-rotation-constants.ts@0ec79f4d",
            "ee/services/secret-rotation-v2/fireworks-api-key/fireworks-api-key-rotation-types.ts@d513b8fb",
            "ee/services/secret-rotation-v2/fireworks-api-key/fireworks-api-key-rotation-fns.ts@8a94a2b4",
            "ee/routes/v2/secret-rotation-v2-routers/fireworks-api-key-rotation-router.ts@184ad081",
            "services/app-connection/fireworks/fireworks-connection-fns.ts@afd9c814",
            "lib/api-docs/constants.ts@c8bb4232",
            "ee/services/secret-rotation-v2/secret-rotation-v2-maps.ts@unknown-commit (index file id 70788375001)",
        ],
        "versions": ("3 versions indexed, 2 distinct texts found. Taken as newest: the serviceAccountUserId version"
                     " (file id 54795398976, commit not reported by the index): it matches the rotation fns at"
                     " 8a94a2b4 (creates service-account API keys, adds checkActiveCredentials), the connection fns at"
                     " afd9c814 (listFireworksUsers for service accounts, encodeURIComponent hardening) and the"
                     " c8bb4232 api-docs constants (PARAMETERS.FIREWORKS_API_KEY.serviceAccountUserId,"
                     " SECRETS_MAPPING.FIREWORKS_API_KEY.apiKey). Older 0ec79f4d: parameters {keyName: string trim min"
                     " 1 'Key name required'}, secretsMapping {secretValue}, generated credentials {secretName,"
                     " secretValue} (rotated a Fireworks account secret), template secretValue 'FIREWORKS_SECRET'."
                     " Both versions keep the display name 'Fireworks Secret'."),
        "parameters": {
            "type": "object",
            "fields": {
                "serviceAccountUserId": {
                    "type": "string",
                    "required": True,
                    "trim": True,
                    "min": 1,
                    "pattern": "[a-zA-Z0-9_-]+",
                    "pattern_message": "Service account user ID contains invalid characters",
                },
            },
        },
        "secrets_mapping": secret_names("apiKey"),
        "generated_credentials": ["keyId", "apiKey"],
        "secret_generated_credentials": ["apiKey"],
        "notes": ("SECRET_ROTATION_NAME_MAP and the ListItem literal both say 'Fireworks Secret' even though the"
                  " newest version rotates service-account API keys. The newest constants file (template secret name,"
                  " probably FIREWORKS_API_KEY) was not seen; only the old one with FIREWORKS_SECRET."),
    },
    "snowflake-user-key-pair": {
        "name": "Snowflake User Key Pair",
        "app": "snowflake",
        "sources": [
            ("ee/services/secret-rotation-v2/snowflake-user-key-pair/snowflake-user-key-pair-rotation-schemas.ts@b480"
             "d380"),
            ("ee/services/secret-rotation-v2/snowflake-user-key-pair/snowflake-user-key-pair-rotation-schemas.ts@6794"
             "f30f"),
            ("ee/services/secret-rotation-v2/snowflake-user-key-pair/snowflake-user-key-pair-rotation-constants.ts@31"
             "f636cf"),
            "ee/services/secret-rotation-v2/snowflake-user-key-pair/snowflake-user-key-pair-rotation-types.ts@dc99b132",
            "ee/services/secret-rotation-v2/snowflake-user-key-pair/snowflake-user-key-pair-rotation-fns.ts@b480d380",
            "ee/routes/v2/secret-rotation-v2-routers/snowflake-user-key-pair-rotation-router.ts@b480d380",
            "ee/routes/v2/secret-rotation-v2-routers/secret-rotation-v2-endpoints.ts@f2797c05",
            "ee/services/secret-rotation-v2/secret-rotation-v2-fns.ts@6794f30f",
            "server/lib/schemas.ts@(commit not reported; file id 66701628899, newest seen)",
            "lib/api-docs/constants.ts@0033bf75",
            "ee/services/secret-rotation-v2/secret-rotation-v2-fns.ts@61349696",
        ],
        "versions": ("find_files reports 2 versions of the schema file, both read. 6794f30f: parameters.username only."
                     " b480d380 taken as newest: adds parameters.modulusLength (2048 | 4096, default 2048), which the"
                     " fns at b480d380 use for key generation and the newest api-docs constants (0033bf75) document;"
                     " otherwise identical."),
        "parameters": {
            "type": "object",
            "fields": {
                "username": REQUIRED_TEXT,
                "modulusLength": {"type": "integer", "default": 2048, "enum": [2048, 4096]},
            },
        },
        "secrets_mapping": secret_names("privateKey", "publicKey"),
        "generated_credentials": ["privateKey", "publicKey"],
        "secret_generated_credentials": ["privateKey"],
        "immutable_parameters": ["username"],
        "notes": ("Update refuses a parameters.username different from the stored one (strict !==) with 400 'Cannot"
                  " update username'; because the update schema takes the whole parameters object with modulusLength"
                  " defaulting to 2048, a PATCH that sends parameters without modulusLength resets it to 2048. At"
                  " rotation time Infisical rejects a username equal (case-insensitively) to the Snowflake"
                  " connection's user, and refuses to create the rotation when the user already has a key in"
                  " RSA_PUBLIC_KEY or RSA_PUBLIC_KEY_2; the two generated credentials map to Snowflake's two"
                  " public-key slots."),
    },
    "cloudflare-api-token": {
        "name": "Cloudflare API Token",
        "app": "cloudflare",
        "sources": [
            "ee/services/secret-rotation-v2/cloudflare-api-token/cloudflare-api-token-rotation-schemas.ts@afd9c814",
            "ee/services/secret-rotation-v2/cloudflare-api-token/cloudflare-api-token-rotation-schemas.ts@e919bab5",
            "ee/services/secret-rotation-v2/cloudflare-api-token/cloudflare-api-token-rotation-constants.ts@524d5e42",
            "ee/services/secret-rotation-v2/cloudflare-api-token/cloudflare-api-token-rotation-types.ts@e919bab5",
            "ee/routes/v2/secret-rotation-v2-routers/cloudflare-api-token-rotation-router.ts@e33840d5",
            "ee/services/secret-rotation-v2/shared/cloudflare-token/cloudflare-token-rotation-schemas.ts@c8bb4232",
            "ee/services/secret-rotation-v2/shared/cloudflare-token/cloudflare-token-rotation-constants.ts@fb0dfe9a",
            "ee/services/secret-rotation-v2/shared/cloudflare-token/cloudflare-token-rotation-types.ts@07833d5f",
            "ee/services/secret-rotation-v2/shared/cloudflare-token/index.ts@fb0dfe9a",
            "lib/api-docs/constants.ts@c8bb4232",
            "ee/services/secret-rotation-v2/secret-rotation-v2-maps.ts@unknown-commit (index file id 70788375001)",
            "lib/ip/index.ts@unknown-commit (index file id 6302787759)",
            ("server/lib/schemas.ts@unknown-commit (index file id 66701628899; another entry cites"
             " 98d4103afcd52e8ccb10ef15b7341da3ff7839ad for this file)"),
            "ee/services/secret-rotation-v2/secret-rotation-v2-fns.ts@8098049c",
        ],
        "versions": ("The index lists 3 versions of the schema file; 2 distinct texts were found. Taken as newest:"
                     " afd9c814, because it imports CloudflareTokenNameSchema / CloudflareTokenIpRestrictionSchema /"
                     " CloudflareTokenPolicyEffect from the shared/cloudflare-token folder (which newer R2 code also"
                     " uses) and adds the 'all-zones' scope. Older e919bab5: name/IP/effect schemas defined inline"
                     " (same limits: name trim 1-100, IP-or-CIDR refine), scope enum only ['account', 'zones'],"
                     " messages 'At least one zone is required when the policy is scoped to zones' and 'Zones cannot"
                     " be specified when the policy is scoped to the entire account' (only rejected zoneIds for scope"
                     " 'account'). The third indexed version could not be reached (no commit/id found for it)."),
        "parameters": {
            "type": "object",
            "fields": {
                "name": {"type": "string", "required": True, "trim": True, "min": 1, "max": 100},
                "policies": {
                    "type": "array",
                    "required": True,
                    "min": 1,
                    "set": True,
                    "items": {
                        "type": "object",
                        "fields": {
                            "effect": {"type": "string", "required": True, "enum": ["allow", "deny"]},
                            "scope": {"type": "string", "required": True, "enum": ["account", "all-zones", "zones"]},
                            "zoneIds": {"type": "array", "set": True, "items": OPTIONAL_TEXT},
                            "permissionGroupIds": {
                                "type": "array",
                                "required": True,
                                "min": 1,
                                "set": True,
                                "items": OPTIONAL_TEXT,
                            },
                        },
                        "rules": [
                            {
                                "kind": "required_if",
                                "path": "zoneIds",
                                "when": {"path": "scope", "equals": "zones"},
                                "message": "At least one zone is required when the policy is scoped to specific zones",
                            },
                            {
                                "kind": "forbidden_unless",
                                "path": "zoneIds",
                                "when": {"path": "scope", "equals": "zones"},
                                "message": "Zones can only be specified when the policy is scoped to specific zones",
                            },
                        ],
                    },
                },
                "allowedIps": {"type": "array", "set": True, "items": {"type": "string", "trim": True, "format": "ip_or_cidr"}},
                "disallowedIps": {"type": "array", "set": True, "items": {"type": "string", "trim": True, "format": "ip_or_cidr"}},
            },
        },
        "secrets_mapping": secret_names("tokenId", "apiToken"),
        "generated_credentials": ["tokenId", "apiToken"],
        "secret_generated_credentials": ["apiToken"],
        "notes": ("Policy rule 1 treats an empty zoneIds array as missing (check is !zoneIds?.length). Template secret"
                  " names: CLOUDFLARE_API_TOKEN_ID, CLOUDFLARE_API_TOKEN. SecretNameSchema (newest"
                  " backend/src/server/lib/schemas.ts) is z.string().trim().min(1) refined to contain neither ':' nor"
                  " '/', message 'Secret name cannot contain colon or forward slash.' (an older version instead"
                  " rejected spaces and ':'; it does not reject spaces now)."),
    },
    "cloudflare-r2-access-key": {
        "name": "Cloudflare R2 Access Key",
        "app": "cloudflare",
        "sources": [
            ("ee/services/secret-rotation-v2/cloudflare-r2-access-key/cloudflare-r2-access-key-rotation-schemas.ts@c8"
             "bb4232"),
            ("ee/services/secret-rotation-v2/cloudflare-r2-access-key/cloudflare-r2-access-key-rotation-schemas.ts@21"
             "3010a4"),
            ("ee/services/secret-rotation-v2/cloudflare-r2-access-key/cloudflare-r2-access-key-rotation-schemas.ts@6b"
             "1774d8"),
            ("ee/services/secret-rotation-v2/cloudflare-r2-access-key/cloudflare-r2-access-key-rotation-constants.ts@"
             "213010a4"),
            ("ee/services/secret-rotation-v2/cloudflare-r2-access-key/cloudflare-r2-access-key-rotation-constants.ts@"
             "6b1774d8"),
            ("ee/services/secret-rotation-v2/cloudflare-r2-access-key/cloudflare-r2-access-key-rotation-types.ts@6b17"
             "74d8"),
            "ee/routes/v2/secret-rotation-v2-routers/cloudflare-r2-access-key-rotation-router.ts@c8bb4232",
            "ee/routes/v2/secret-rotation-v2-routers/cloudflare-r2-access-key-rotation-router.ts@6b1774d8",
            "ee/services/secret-rotation-v2/shared/cloudflare-token/cloudflare-token-rotation-schemas.ts@c8bb4232",
            "ee/services/secret-rotation-v2/shared/cloudflare-token/cloudflare-token-rotation-constants.ts@fb0dfe9a",
            ("services/app-connection/cloudflare/cloudflare-connection-enum.ts@unknown-commit (index file id"
             " 57388533544; CloudflareR2Jurisdiction)"),
            "lib/api-docs/constants.ts@c8bb4232",
            ("frontend/src/components/secret-rotations-v2/forms/schemas/cloudflare-r2-access-key-rotation-schema.ts@1"
             "10aa89a"),
            "lib/ip/index.ts@unknown-commit (index file id 6302787759)",
        ],
        "versions": ("3 versions of the schema file seen. Taken as newest: c8bb4232, which has everything 213010a4 has"
                     " plus a GeneratedCredentialsResponseSchema (apiToken omitted from the API response; router at"
                     " c8bb4232 uses it) and drops apiToken from secretsMapping; the c8bb4232 api-docs constants and"
                     " the newest frontend form also map only accessKeyId/secretAccessKey. 213010a4: secretsMapping"
                     " {apiToken, accessKeyId, secretAccessKey}; accessLevel default object-read;"
                     " template.parameters.accessLevel; bucket uniqueness via .refine. 6b1774d8 (oldest):"
                     " secretsMapping with apiToken, accessLevel required (no default), no template parameters, bucket"
                     " uniqueness via superRefine (same message)."),
        "parameters": {
            "type": "object",
            "fields": {
                "name": {"type": "string", "required": True, "trim": True, "min": 1, "max": 100},
                "buckets": {
                    "type": "array",
                    "required": True,
                    "min": 1,
                    "set": True,
                    "items": {
                        "type": "object",
                        "fields": {
                            "name": {"type": "string", "required": True, "trim": True, "min": 1, "max": 64},
                            "jurisdiction": {"type": "string", "default": "default", "enum": ["default", "eu", "fedramp"]},
                        },
                    },
                    "unique_by": ["jurisdiction", "name"],
                },
                "accessLevel": {"type": "string", "default": "object-read", "enum": ["object-read", "object-read-write"]},
                "allowedIps": {"type": "array", "set": True, "items": {"type": "string", "trim": True, "format": "ip_or_cidr"}},
                "disallowedIps": {"type": "array", "set": True, "items": {"type": "string", "trim": True, "format": "ip_or_cidr"}},
            },
        },
        "secrets_mapping": secret_names("accessKeyId", "secretAccessKey"),
        "generated_credentials": ["apiToken", "accessKeyId", "secretAccessKey"],
        "secret_generated_credentials": ["apiToken", "secretAccessKey"],
        "notes": ("Stored GeneratedCredentialsSchema items hold apiToken, accessKeyId (the Cloudflare token id) and"
                  " secretAccessKey (sha256 hex of apiToken); the generated-credentials API response uses a schema"
                  " that omits apiToken, so only accessKeyId and secretAccessKey are returned. List-option template:"
                  " parameters.accessLevel 'object-read'; secret names CLOUDFLARE_R2_ACCESS_KEY_ID,"
                  " CLOUDFLARE_R2_SECRET_ACCESS_KEY (older constants also CLOUDFLARE_R2_API_TOKEN)."),
    },
    "stripe-api-key": {
        "name": "Stripe API Key",
        "app": "stripe",
        "sources": [
            ("ee/services/secret-rotation-v2/stripe-api-key/stripe-api-key-rotation-schemas.ts@unknown-commit (index"
             " file id 70171592941; newest)"),
            "ee/services/secret-rotation-v2/stripe-api-key/stripe-api-key-rotation-schemas.ts@41378835",
            ("ee/services/secret-rotation-v2/stripe-api-key/stripe-api-key-rotation-schemas.ts@unknown-commit (index"
             " file id 69304749228; oldest)"),
            "ee/services/secret-rotation-v2/stripe-api-key/stripe-api-key-rotation-constants.ts@5ca58345",
            "ee/services/secret-rotation-v2/stripe-api-key/stripe-api-key-rotation-constants.ts@8a26842f",
            ("ee/services/secret-rotation-v2/stripe-api-key/stripe-api-key-rotation-constants.ts@unknown-commit (index"
             " file id 70502617865; permission groups)"),
            "ee/services/secret-rotation-v2/stripe-api-key/stripe-api-key-rotation-constants.test.ts@42167f9d",
            "ee/services/secret-rotation-v2/stripe-api-key/stripe-api-key-rotation-types.ts@b58b77e4",
            "ee/services/secret-rotation-v2/stripe-api-key/stripe-api-key-rotation-fns.ts@001a458c",
            "ee/routes/v2/secret-rotation-v2-routers/stripe-api-key-rotation-router.ts@8a26842f",
            ("frontend/src/components/secret-rotations-v2/forms/schemas/stripe-api-key-rotation-schema.ts@unknown-com"
             "mit (index file id 70695390929; newest form)"),
            "docs/api-reference/endpoints/app-connections/stripe/create.mdx@dd2d57d3",
        ],
        "versions": ("5 versions indexed, 3 distinct texts found. Taken as newest: file id 70171592941 (commit not"
                     " reported): parameters {keyName optional, permissions required}, template permissionGroups; it"
                     " matches the newest rotation fns 001a458c (uses parameters.keyName and permissions only,"
                     " connection authorization checks) and the newest frontend form (keyName max 80, 'Grant at least"
                     " one permission'). 413788355: parameters {permissions optional, connectPermissions optional}"
                     " (each: enum array max 158, deduped) with an object superRefine 'At least one permission or"
                     " Connect permission is required' (path permissions); no keyName; template.permissions string"
                     " array. Oldest (id 69304749228): permissions enum array min 1 max 158 (no dedupe),"
                     " connectPermissions optional enum array max 158, no keyName. connectPermissions was dropped in"
                     " the newest version."),
        "parameters": {
            "type": "object",
            "fields": {
                "keyName": {"type": "string", "trim": True, "min": 1, "max": 80},
                "permissions": {
                    "type": "array",
                    "required": True,
                    "min": 1,
                    "max": 158,
                    "set": True,
                    "items": {
                        "type": "string",
                        "enum": [
                            "account_link_write", "adjustment_read", "api_key_write", "apple_pay_domain_read",
                            "apple_pay_domain_write", "application_fee_read", "application_fee_write", "balance_read",
                            "balance_transaction_source_read", "billing_analytics_meter_usage_read",
                            "billing_clock_read", "billing_clock_write", "billing_intent_read",
                            "billing_meter_event_read", "billing_meter_event_write", "billing_meter_read",
                            "billing_meter_write", "billing_profile_read", "billing_profile_write",
                            "billing_settings_read", "billing_settings_write",
                            "capital_for_platforms_financing_offer_read",
                            "capital_for_platforms_financing_offer_write",
                            "capital_for_platforms_financing_summary_read",
                            "capital_for_platforms_financing_transaction_read", "charge_read", "charge_write",
                            "checkout_session_read", "checkout_session_write", "confirmation_token_client_read",
                            "confirmation_token_client_write", "confirmation_token_read", "connected_account_read",
                            "coupon_read", "coupon_write", "credit_note_read", "credit_note_write",
                            "customer_portal_read", "customer_portal_write", "customer_read", "customer_session_read",
                            "customer_session_write", "customer_write", "dispute_read", "dispute_write",
                            "edit_link_write", "entitlement_read", "event_read", "fee_domain_resources_read",
                            "file_read", "file_write", "financial_account_read", "inbound_transfer_read",
                            "invoice_read", "invoice_write", "issuing_authorization_read",
                            "issuing_authorization_write", "issuing_card_read", "issuing_card_write",
                            "issuing_cardholder_read", "issuing_cardholder_write", "issuing_credit_ledger_read",
                            "issuing_credit_ledger_write", "issuing_dispute_read", "issuing_dispute_write",
                            "issuing_read", "issuing_token_network_data_read", "issuing_token_read",
                            "issuing_token_write", "issuing_transaction_read", "issuing_transaction_write",
                            "issuing_verification_write", "issuing_write", "mandate_read", "mandate_write",
                            "order_read", "order_write", "outbound_payment_read", "outbound_transfer_read",
                            "payment_intent_read", "payment_intent_write", "payment_links_read", "payment_links_write",
                            "payment_method_configurations_read", "payment_method_configurations_write",
                            "payment_method_domain_read", "payment_method_domain_write", "payment_method_read",
                            "payment_method_write", "payment_records_read", "payment_records_write",
                            "payout_intent_read", "payout_read", "payout_write", "plan_read", "plan_write",
                            "product_catalog_import_read", "product_catalog_import_write", "product_read",
                            "product_write", "promotion_code_read", "promotion_code_write",
                            "provisioning_account_request_read", "provisioning_account_request_write",
                            "provisioning_project_read", "provisioning_project_write", "provisioning_resource_read",
                            "provisioning_resource_write", "quote_read", "quote_write", "rate_card_subscription_write",
                            "rate_card_write", "received_credit_read", "received_debit_read",
                            "recipient_verification_read", "report_runs_and_report_types_read",
                            "report_runs_and_report_types_write", "review_read", "review_write", "secret_read",
                            "secret_write", "setup_intent_read", "setup_intent_write", "shipping_rate_read",
                            "shipping_rate_write", "sku_read", "sku_write", "source_read", "source_write",
                            "subscription_read", "subscription_write", "tax_calculations_and_transactions_read",
                            "tax_calculations_and_transactions_write", "tax_locations_read", "tax_locations_write",
                            "tax_rate_read", "tax_rate_write", "tax_settings_read", "tax_settings_write",
                            "terminal_configuration_read", "terminal_configuration_write",
                            "terminal_connection_token_write", "terminal_location_read", "terminal_location_write",
                            "terminal_reader_read", "terminal_reader_write", "token_read", "token_write",
                            "top_up_read", "top_up_write", "transaction_read", "transfer_read", "transfer_write",
                            "treasury_transaction_read", "usage_record_read", "usage_record_write", "webhook_read",
                            "webhook_write",
                        ],
                    },
                },
            },
        },
        "secrets_mapping": secret_names("apiKey"),
        "generated_credentials": ["keyId", "apiKey"],
        "secret_generated_credentials": ["apiKey"],
        "notes": ("keyName max is STRIPE_API_KEY_NAME_MAX_LENGTH, whose definition (newest constants file) was not in"
                  " the index; 80 is taken from the newest frontend form (max 80) and fits the fns' 100-char slice of"
                  " '<name>-<Date.now()>'. permissions is deduplicated by a transform (no uniqueness error); the max"
                  " of 158 is counted before dedupe. Stripe connections are created only through the UI. Template"
                  " secret name: STRIPE_API_KEY; the template also carries permissionGroups (UI grouping of the same"
                  " 158 names)."),
    },
    "gcp-service-account-key": {
        "name": "GCP Service Account Key",
        "app": "gcp",
        "sources": [
            ("ee/services/secret-rotation-v2/gcp-service-account-key/gcp-service-account-key-rotation-schemas.ts@1995"
             "e180"),
            ("ee/services/secret-rotation-v2/gcp-service-account-key/gcp-service-account-key-rotation-constants.ts@2a"
             "df79ae"),
            "ee/services/secret-rotation-v2/gcp-service-account-key/gcp-service-account-key-rotation-types.ts@605aaced",
            "ee/services/secret-rotation-v2/gcp-service-account-key/gcp-service-account-key-rotation-fns.ts@204bb6be",
            "ee/routes/v2/secret-rotation-v2-routers/gcp-service-account-key-rotation-router.ts@1995e180",
            "ee/routes/v2/secret-rotation-v2-routers/secret-rotation-v2-endpoints.ts@f2797c05",
            "ee/services/secret-rotation-v2/secret-rotation-v2-enums.ts@1995e180",
            "ee/services/secret-rotation-v2/secret-rotation-v2-maps.ts@1995e180",
            "lib/api-docs/constants.ts@1995e180",
            ("frontend GcpServiceAccountKeyRotationParametersFields"
             " component@path-and-commit-not-given-by-index(read_file id 70160222629)"),
            "ee/services/secret-rotation-v2/secret-rotation-v2-fns.ts@61349696",
        ],
        "parameters": {
            "type": "object",
            "fields": {
                "serviceAccountEmail": {"type": "string", "required": True, "trim": True, "min": 1, "max": 254, "email": True},
            },
        },
        "secrets_mapping": secret_names("serviceAccountKey"),
        "generated_credentials": ["keyId", "serviceAccountKey"],
        "secret_generated_credentials": ["serviceAccountKey"],
        "immutable_parameters": ["serviceAccountEmail"],
        "notes": ("The connection's service account needs roles/iam.serviceAccountKeyAdmin on the target service"
                  " account. serviceAccountKey is the decoded JSON key file. serviceAccountEmail cannot be changed"
                  " after creation: the frontend disables it ('Cannot be updated.') and throwOnImmutableParameterUpdate"
                  " in the newest secret-rotation-v2-fns.ts (61349696) refuses it. The fns define checkActiveCredentials and the rotation lock TTL for this"
                  " type is 5 minutes; the api-docs mention a CHECK_CREDENTIALS route, but no endpoint registering it"
                  " was found in the index. Generated credentials array holds 1-2 items. Template secret name:"
                  " GCP_SERVICE_ACCOUNT_KEY."),
    },
}


def _complete(slug, entry):
    """An entry with the keys it leaves out at their usual values."""
    usual = dict(slug=slug, versions="", temporary_parameters=None, create_rules=[], extra_routes=[],
                 immutable_parameters=[], notes="")
    return dict(usual, **entry)


TYPES = {slug: _complete(slug, entry) for slug, entry in _ENTRIES.items()}
