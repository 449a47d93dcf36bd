"""The 30 secret-rotation types of Infisical, as data: loaded from types/<slug>.json (standard library only).

Each file is one type's research entry (fields, zod limits and Infisical's messages, object-level rules, generated
credentials, immutable parameters, extra routes; see README.md) plus a "mock" member with what only the mock needs:
the default secret names of the options template and how the fake provider makes each generated credential.
types/_base.json holds the base create/update body fields every type shares.
"""

import collections
import json
import os

TYPES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'types')
DBT = 'dbt-service-token'
# The order of Infisical's SecretRotation enum (secret-rotation-v2-enums.ts@1995e180).
SLUGS = (
    'postgres-credentials', 'mssql-credentials', 'mysql-credentials', 'oracledb-credentials', 'auth0-client-secret', 'azure-client-secret',
    'aws-iam-user-secret', 'ldap-password', 'okta-client-secret', 'redis-credentials', 'mongodb-credentials',
    'databricks-service-principal-secret', 'unix-linux-local-account', 'dbt-service-token', 'windows-local-account', 'open-router-api-key',
    'litellm-api-key', 'openai-service-account', 'hp-ilo-local-account', 'supabase-api-key', 'salesforce-oauth-credentials',
    'datadog-application-key-secret', 'datadog-api-key', 'convex-access-key', 'fireworks-api-key', 'snowflake-user-key-pair',
    'cloudflare-api-token', 'cloudflare-r2-access-key', 'stripe-api-key', 'gcp-service-account-key',
)
RECONCILE_TYPES = ('unix-linux-local-account', 'windows-local-account', 'hp-ilo-local-account')
# The reconcile answer's message names the type; Infisical gives HP iLO the Windows text (a bug kept here).
RECONCILE_NAMES = {'unix-linux-local-account': 'Unix/Linux Local Account', 'windows-local-account': 'Windows Local Account',
                   'hp-ilo-local-account': 'Windows Local Account'}


def _load(name):
    with open(os.path.join(TYPES_DIR, name), encoding='utf-8') as data_file:
        return json.load(data_file, object_pairs_hook=collections.OrderedDict)


BASE = _load('_base.json')
TYPES = collections.OrderedDict((slug, _load(slug + '.json')) for slug in SLUGS)
APP_NAMES = BASE['app_names']
ALL_APPS = sorted(set(entry['app'] for entry in TYPES.values()))


def display_name(slug):
    """SECRET_ROTATION_NAME_MAP: the name in Infisical's messages ("Could not find <name> Rotation ...")."""
    return TYPES[slug]['name']


def app_name(app):
    return APP_NAMES.get(app, app)


def same_app_types(slug):
    """The types whose connection app is this type's (Infisical's type check compares apps, not stored types)."""
    return [other for other, entry in TYPES.items() if entry['app'] == TYPES[slug]['app']]


def answered_credential_keys(slug):
    """The generated-credentials keys the API answers (cloudflare-r2 keeps apiToken to itself)."""
    hidden = TYPES[slug]['mock'].get('hidden_credentials', [])
    return [key for key in TYPES[slug]['generated_credentials'] if key not in hidden]


def options():
    """GET /api/v2/secret-rotations/options: one item per type, sorted by name like listSecretRotationOptions."""
    items = []
    for slug, entry in TYPES.items():
        items.append({'name': entry['mock'].get('option_name', entry['name']), 'connection': entry['app'], 'type': slug,
                      'template': {'secretsMapping': dict(entry['mock']['template'])}})
    return sorted(items, key=lambda item: item['name'].casefold())


# --- response schemas (OpenAPI 3.0 form) built from the field specs, for the mock's own answer checks ---------------

_JSON_TYPES = {'string': 'string', 'number': 'number', 'integer': 'integer', 'boolean': 'boolean', 'object': 'object', 'array': 'array'}


def field_schema(spec):
    """The shape of a stored (validated) value of a field spec: types, enums, keys; no length or value limits."""
    kind = spec.get('type', 'any')
    if kind == 'any':
        return {}
    schema = {'type': _JSON_TYPES[kind]}
    if 'enum' in spec:
        schema['enum'] = list(spec['enum'])
    if spec.get('nullable'):
        schema['nullable'] = True
    if kind == 'object':
        if 'fields' in spec:
            schema.update(object_schema(spec['fields']))
        elif 'values' in spec:
            schema['additionalProperties'] = field_schema(spec['values'])
    if kind == 'array':
        schema['items'] = field_schema(spec.get('items', {'type': 'any'}))
    return schema


def object_schema(fields):
    required = [key for key, spec in fields.items() if spec.get('required')]
    result = {'type': 'object', 'properties': dict((key, field_schema(spec)) for key, spec in fields.items()), 'additionalProperties': False}
    if required:
        result['required'] = required
    return result


def credentials_schema(slug):
    keys = answered_credential_keys(slug)
    return {'type': 'object', 'properties': dict((key, {'type': 'string'}) for key in keys), 'required': keys, 'additionalProperties': False}
