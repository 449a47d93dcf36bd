"""In-memory state of the mock Infisical server and the semantics of its routes.

Projects, folders, app connections, machine identities and their access tokens, secret rotations of every type
(rotation_types.py), the Infisical secrets they map their generated credentials into, a fake dbt Cloud that issues
and revokes DBT service tokens, and a fake provider (providers.py) for every other type.
The order of checks in each operation follows Infisical's secret-rotation-v2-service.ts (licence, existence,
permission, type, then the work), so the same request fails the same way.

Every method is called with the server's lock held, except where noted.
"""

import base64
import copy
import datetime
import json
import math
import os
import threading
import uuid

from .providers import FakeProvider, ProviderError
from .rotation_types import DBT, RECONCILE_NAMES, RECONCILE_TYPES, TYPES, answered_credential_keys, app_name, display_name
from .seed import iso, parse_time, utcnow

ALL_ACTIONS = ('read', 'read-generated-credentials', 'create', 'edit', 'delete', 'rotate-secrets')
DEFAULT_DBT_FAILURE = 'Mock dbt: permission_set not allowed for this account'
ROTATE_ERROR_PREFIX = 'Infisical encountered an issue while generating credentials with the configured inputs: '
MALFORMED_TOKEN = 'The provided access token is malformed. Please use a valid token or generate a new one and try again.'
EXPIRED_TOKEN = 'Your token has expired. Please re-authenticate.'
DEFAULT_PROVIDER_FAILURE = 'Mock %s: the provider refused the request'
MAX_ROTATION_MESSAGE = 1024
MISSING = object()
RECONCILE_TYPES_MESSAGE = ('Reconcile operation is only supported for Unix/Linux Local Account, Windows Local Account, '
                           'and HP iLO Local Account rotations')
RECONCILE_METHOD_MESSAGE = ('Reconcile operation is only supported for login-as-target mode Unix/Linux Local Account, '
                            'Windows Local Account, and HP iLO Local Account rotations')
PLAN_MESSAGES = {
    'list': 'Failed to access secret rotations due to plan restriction. Upgrade plan to access secret rotations.',
    'read': 'Failed to access secret rotation due to plan restriction. Upgrade plan to access secret rotations.',
    'credentials': ('Failed to access secret rotation credentials due to plan restriction. '
                    'Upgrade plan to access secret rotations credentials.'),
    'create': 'Failed to create secret rotation due to plan restriction. Upgrade plan to create secret rotations.',
    'update': 'Failed to update secret rotation due to plan restriction. Upgrade plan to update secret rotations.',
    'rotate': 'Failed to rotate secret rotation secrets due to plan restriction. Upgrade plan to rotate secret rotation secrets.',
    'reconcile': 'Failed to reconcile secret rotation due to plan restriction. Upgrade plan to reconcile secret rotations.',
}


class ApiError(Exception):
    """An error answer in Infisical's shape: {reqId, statusCode, message, [details], error}."""

    def __init__(self, status, error, message, details=None):
        super(ApiError, self).__init__(message)
        self.status = status
        self.error = error
        self.message = message
        self.details = details

    def body(self, req_id):
        result = {'reqId': req_id, 'statusCode': self.status, 'message': self.message}
        if self.details is not None:
            result['details'] = self.details
        result['error'] = self.error
        return result


def bad_request(message):
    return ApiError(400, 'BadRequest', message)


def not_found(message):
    return ApiError(404, 'NotFound', message)


def permission_denied(action):
    return ApiError(403, 'PermissionDenied', 'You are not allowed to %s on secret-rotation' % action, details=[])


def internal_error(message='Something went wrong'):
    return ApiError(500, 'InternalServerError', message)


def rotation_message(message):
    """parseRotationErrorMessage: Infisical's prefix, cut to 1024 characters."""
    message = ROTATE_ERROR_PREFIX + message
    if len(message) > MAX_ROTATION_MESSAGE:
        message = message[:MAX_ROTATION_MESSAGE - 3] + '...'
    return message


def failure_message(failure, slug):
    """The provider's refusal of a provider_failure / dbt_failure fault: its message, or the type's default."""
    if failure is None:
        return None
    return failure or (DEFAULT_DBT_FAILURE if slug == DBT else DEFAULT_PROVIDER_FAILURE % display_name(slug))


def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b'=').decode('ascii')


def make_jwt(payload):
    """A string shaped like Infisical's HS256 access tokens (the signature is random: the mock looks tokens up)."""
    header = _b64(json.dumps({'alg': 'HS256', 'typ': 'JWT'}, separators=(',', ':')).encode('utf-8'))
    body = _b64(json.dumps(payload, separators=(',', ':')).encode('utf-8'))
    return '%s.%s.%s' % (header, body, _b64(os.urandom(32)))


def looks_like_jwt(token):
    """True for three base64url parts whose first decodes to a JSON object (a JWT with a wrong signature)."""
    parts = token.split('.')
    if len(parts) != 3 or not all(parts):
        return False
    try:
        header = json.loads(base64.urlsafe_b64decode(parts[0] + '=' * (-len(parts[0]) % 4)).decode('utf-8'))
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(header, dict)


def canonical_path(path):
    """A folder path as Infisical resolves it: segments joined by single slashes ("dbt/" -> "/dbt")."""
    return '/' + '/'.join(segment for segment in path.split('/') if segment)


def next_utc_day(rotate_at=None):
    """getNextUtcRotationInterval: tomorrow (UTC) at rotateAtUtc, midnight by default."""
    rotate_at = rotate_at or {'hours': 0, 'minutes': 0}
    now = utcnow()
    tomorrow = datetime.datetime(now.year, now.month, now.day, tzinfo=datetime.timezone.utc) + datetime.timedelta(days=1)
    return tomorrow + datetime.timedelta(hours=int(rotate_at['hours']), minutes=int(rotate_at['minutes']))


def calculate_next_rotation_at(rotation, is_manual):
    """calculateNextRotationAt of secret-rotation-v2-fns.ts (production mode: the interval is in days)."""
    if not rotation['isAutoRotationEnabled']:
        return None
    rotate_at = rotation['rotateAtUtc']
    if rotation['rotationStatus'] == 'failed':
        return next_utc_day(rotate_at)
    last = rotation['lastRotatedAt']
    hours, minutes = int(rotate_at['hours']), int(rotate_at['minutes'])
    start = last.replace(hour=hours, minute=minutes, second=0, microsecond=0)
    interval = rotation['rotationInterval']
    if is_manual and (last.hour > hours or (last.hour == hours and last.minute >= minutes)):
        interval += 1
    try:
        # JavaScript's setUTCDate truncates a fractional day count.
        return start + datetime.timedelta(days=math.trunc(interval))
    except OverflowError:
        raise internal_error()


class FakeDbt(object):
    """A fake dbt Cloud account API: live and revoked service tokens, and the calls Infisical would make."""

    def __init__(self, seed, now):
        self.tokens = {}
        self.order = []
        self.revoked_ids = []
        self.calls = []
        for token in seed.get('tokens', []):
            self.tokens[token['id']] = {
                'id': token['id'],
                'account_id': token.get('accountId'),
                'name': token['name'],
                'state': 1 if token.get('state', 'live') == 'live' else 2,
                'permission_grants': copy.deepcopy(token.get('permissionGrants', [])),
                'created_at': iso(parse_time(token.get('createdAt', 'now'), now)),
                'token_string': token['tokenString'],
            }
            self.order.append(token['id'])
            if token.get('state', 'live') != 'live':
                self.revoked_ids.append(token['id'])
        self.next_id = max([seed.get('nextTokenId', 9001)] + [token_id + 1 for token_id in self.order])

    def _call(self, method, path, body=None):
        self.calls.append({'method': method, 'path': path, 'body': body})

    def create_token(self, account_id, parameters, failure=None):
        """Issue a token (dbt POST .../service-tokens/), or raise ApiError 400 "Failed to create service token: ..."."""
        grants = []
        for grant in parameters['permissionGrants']:
            item = {'permission_set': grant['permissionSet']}
            if 'projectId' in grant:
                item['project_id'] = grant['projectId']
            grants.append(item)
        self._call('POST', '/api/v3/accounts/%s/service-tokens/' % account_id, {'name': parameters['tokenName'], 'permission_grants': grants})
        if failure is not None:
            raise bad_request('Failed to create service token: %s' % failure)
        token_id = self.next_id
        self.next_id += 1
        token = {
            'id': token_id, 'account_id': account_id, 'name': parameters['tokenName'], 'state': 1,
            'permission_grants': grants, 'created_at': iso(utcnow()), 'token_string': 'dbtu_' + _b64(os.urandom(30)),
        }
        self.tokens[token_id] = token
        self.order.append(token_id)
        return token

    def revoke(self, account_id, token_id):
        """Revoke a token as Infisical does: validate the account, check the token exists, delete it; skip a gone one."""
        self._call('GET', '/api/v2/accounts/%s/' % account_id)
        self._call('GET', '/api/v3/accounts/%s/service-tokens/%s' % (account_id, token_id))
        token = self.tokens.get(token_id)
        if token is None or token['state'] != 1:
            return
        self._call('DELETE', '/api/v3/accounts/%s/service-tokens/%s' % (account_id, token_id))
        token['state'] = 2
        self.revoked_ids.append(token_id)

    def view(self):
        return {
            'liveTokens': [copy.deepcopy(self.tokens[i]) for i in self.order if self.tokens[i]['state'] == 1],
            'revokedIds': list(self.revoked_ids),
            'nextTokenId': self.next_id,
            'calls': copy.deepcopy(self.calls),
        }


class State(object):
    """Everything the mock knows, loaded from a seed (see README.md)."""

    def __init__(self, seed):
        now = utcnow()
        self.loaded_at = now
        self.licensed = seed.get('licensed', True)
        self.roles = dict((name, set(actions)) for name, actions in seed.get('roles', {'admin': ALL_ACTIONS}).items())
        self.default_ttl = seed.get('defaultAccessTokenTTL', 7200)
        self.default_max_ttl = seed.get('defaultAccessTokenMaxTTL', self.default_ttl)
        self.projects = {}
        self.environments = {}
        self.folders = {}
        for project in seed.get('projects', []):
            self.projects[project['id']] = {'id': project['id'], 'name': project.get('name'), 'slug': project.get('slug')}
            for env in project.get('environments', []):
                self.environments[env['id']] = {'id': env['id'], 'slug': env['slug'], 'name': env['name'], 'projectId': project['id']}
                for folder in env.get('folders', []):
                    self.folders[folder['id']] = {'id': folder['id'], 'path': canonical_path(folder['path']), 'envId': env['id']}
        self.connections = dict((conn['id'], copy.deepcopy(conn)) for conn in seed.get('connections', []))
        self.identities = dict((ident['id'], copy.deepcopy(ident)) for ident in seed.get('identities', []))
        self.tokens = {}
        for ident in self.identities.values():
            for token in ident.get('tokenAuth', {}).get('tokens', []):
                self.tokens[token] = {'identityId': ident['id'], 'authMethod': 'token-auth', 'issuedAt': now, 'expiresAt': None}
        self.dbt = FakeDbt(seed.get('dbt', {}), now)
        self.provider = FakeProvider()
        self.temporary_secrets = set()
        self.secrets = {}
        for secret in seed.get('secrets', []):
            self.secrets.setdefault(secret['folderId'], {})[secret['key']] = {
                'value': secret['value'], 'version': secret.get('version', 1), 'sensitive': secret.get('sensitive', True)}
        self.rotations = {}
        for entry in seed.get('rotations', []):
            self.rotations[entry['id']] = self._seed_rotation(entry, now)
        self.queued_jobs = []
        self.rotation_locks = {}

    def _seed_rotation(self, entry, now):
        slug = entry.get('type', DBT)
        if slug == DBT:
            credentials = [self._credential(self.dbt.tokens[token_id]) for token_id in entry.get('credentials', [])]
        else:
            credentials = copy.deepcopy(entry.get('credentials', []))
            for credential in credentials:
                self.provider.remember(slug, credential)
        rotation = {
            'id': entry['id'], 'name': entry['name'], 'description': entry.get('description'), 'type': slug,
            'isAutoRotationEnabled': entry.get('isAutoRotationEnabled', True), 'activeIndex': entry.get('activeIndex', 0),
            'folderId': entry['folderId'], 'connectionId': entry['connectionId'],
            'createdAt': parse_time(entry.get('createdAt', 'now'), now), 'updatedAt': parse_time(entry.get('updatedAt', 'now'), now),
            'rotationInterval': entry['rotationInterval'], 'rotationStatus': entry.get('rotationStatus', 'success'),
            'lastRotationAttemptedAt': parse_time(entry.get('lastRotationAttemptedAt', entry.get('lastRotatedAt', 'now')), now),
            'lastRotatedAt': parse_time(entry.get('lastRotatedAt', 'now'), now), 'lastRotationJobId': entry.get('lastRotationJobId'),
            'isLastRotationManual': entry.get('isLastRotationManual', True),
            'rotateAtUtc': copy.deepcopy(entry.get('rotateAtUtc', {'hours': 0, 'minutes': 0})),
            'lastRotationMessage': entry.get('lastRotationMessage'), 'parameters': copy.deepcopy(entry['parameters']),
            'secretsMapping': copy.deepcopy(entry['secretsMapping']),
            'credentials': credentials,
            'rotationCount': entry.get('rotationCount', 0),
        }
        rotation['rotateAttempts'] = entry.get('rotateAttempts', rotation['rotationCount'])
        if 'nextRotationAt' in entry:
            # A seeded nextRotationAt (e.g. an overdue rotation) is kept as given; only changes recompute it.
            rotation['nextRotationAt'] = parse_time(entry['nextRotationAt'], now)
        else:
            rotation['nextRotationAt'] = calculate_next_rotation_at(rotation, rotation['isLastRotationManual'])
        return rotation

    @staticmethod
    def _credential(token):
        return {'serviceToken': token['token_string'], 'tokenId': token['id'], 'tokenName': token['name']}

    # --- secrets the mock knows, for leak scanning -------------------------------------------------------------------

    def secret_values(self):
        """Every secret value of the state: client secrets, JWTs, access tokens, dbt tokens, generated secret
        credentials (passwords, keys, tokens) ever issued or seeded, temporaryParameters values received, and the
        Infisical secrets' values (except those that hold a non-secret credential such as a username)."""
        values = set(self.tokens)
        for ident in self.identities.values():
            if ident.get('universalAuth'):
                values.add(ident['universalAuth']['clientSecret'])
            values.update(ident.get('oidcAuth', {}).get('jwts', []))
        values.update(token['token_string'] for token in self.dbt.tokens.values())
        values.update(self.provider.issued_secrets)
        values.update(self.temporary_secrets)
        for folder_secrets in self.secrets.values():
            values.update(secret['value'] for secret in folder_secrets.values() if secret.get('sensitive', True))
        for conn in self.connections.values():
            if conn.get('apiToken'):
                values.add(conn['apiToken'])
        return values

    def remember_temporary(self, values):
        self.temporary_secrets.update(value for value in values if isinstance(value, str) and value)

    # --- auth --------------------------------------------------------------------------------------------------------

    def issue_token(self, identity, method, ttl, max_ttl):
        """A new access token for an identity (ttl 0: no expiry), as a login answer."""
        now = utcnow()
        token = make_jwt({
            'identityId': identity['id'], 'identityAccessTokenId': str(uuid.uuid4()), 'authTokenType': 'identityAccessToken',
            'iat': int(now.timestamp()), 'exp': int(now.timestamp()) + ttl if ttl else None,
        })
        expires = now + datetime.timedelta(seconds=ttl) if ttl else None
        self.tokens[token] = {'identityId': identity['id'], 'authMethod': method, 'issuedAt': now, 'expiresAt': expires}
        return {'accessToken': token, 'expiresIn': ttl, 'accessTokenMaxTTL': max_ttl, 'tokenType': 'Bearer'}

    def _ttls(self, identity, auth_config):
        ttl = auth_config.get('accessTokenTTL', identity.get('accessTokenTTL', self.default_ttl))
        max_ttl = auth_config.get('accessTokenMaxTTL', identity.get('accessTokenMaxTTL', self.default_max_ttl))
        return ttl, max_ttl

    def login_universal(self, body):
        for identity in self.identities.values():
            config = identity.get('universalAuth')
            if config and config['clientId'] == body['clientId']:
                if config['clientSecret'] != body['clientSecret']:
                    break
                ttl, max_ttl = self._ttls(identity, config)
                return self.issue_token(identity, 'universal-auth', ttl, max_ttl)
        # The real server's message for an unknown client id and for a wrong secret (identity-ua-service.ts).
        raise ApiError(401, 'UnauthorizedError', 'Invalid credentials')

    def login_oidc(self, body):
        identity = self.identities.get(body['identityId'])
        config = identity.get('oidcAuth') if identity else None
        if not config:
            raise not_found('OIDC auth method not found for identity, did you configure OIDC auth?')
        if not looks_like_jwt(body['jwt']):
            raise ApiError(401, 'UnauthorizedError', 'Invalid JWT')
        if body['jwt'] not in config.get('jwts', []):
            raise ApiError(401, 'UnauthorizedError',
                           'Access denied: Unable to verify JWT signature with any available signing key. invalid signature')
        ttl, max_ttl = self._ttls(identity, config)
        return self.issue_token(identity, 'oidc-auth', ttl, max_ttl)

    def identity_for(self, authorization, ever_issued=()):
        """The identity of an Authorization header, or raise the ApiError the real server answers."""
        if not authorization or not authorization.strip():
            raise ApiError(401, 'UnauthorizedError', 'Token missing')
        scheme, dummy, token = authorization.strip().partition(' ')
        token = token.strip()
        if scheme.lower() != 'bearer' or not token:
            raise ApiError(403, 'TokenError', MALFORMED_TOKEN)
        record = self.tokens.get(token)
        if record is None:
            if token in ever_issued:
                raise ApiError(401, 'UnauthorizedError', 'No identity access token found')
            if looks_like_jwt(token):
                raise ApiError(403, 'TokenError', 'invalid signature')
            raise ApiError(403, 'TokenError', MALFORMED_TOKEN)
        if record['expiresAt'] is not None and record['expiresAt'] <= utcnow():
            raise ApiError(403, 'TokenError', EXPIRED_TOKEN)
        return self.identities[record['identityId']]

    def expire_tokens(self):
        now = utcnow()
        for record in self.tokens.values():
            record['expiresAt'] = now

    def require(self, identity, project_id, action):
        role = identity.get('projects', {}).get(project_id)
        if role is None or action not in self.roles.get(role, set()):
            raise permission_denied(action)

    def _require_licence(self, kind):
        if not self.licensed:
            raise bad_request(PLAN_MESSAGES[kind])

    # --- lookups and views -------------------------------------------------------------------------------------------

    def find_folder(self, project_id, env_slug, path):
        wanted = canonical_path(path)
        for folder in self.folders.values():
            env = self.environments[folder['envId']]
            if env['projectId'] == project_id and env['slug'] == env_slug and folder['path'] == wanted:
                return folder
        return None

    def project_of(self, rotation):
        return self.environments[self.folders[rotation['folderId']]['envId']]['projectId']

    def view(self, rotation):
        """A rotation in the API's shape (the fields and their order of Infisical's answers)."""
        folder = self.folders[rotation['folderId']]
        env = self.environments[folder['envId']]
        conn = self.connections[rotation['connectionId']]
        return {
            'id': rotation['id'], 'name': rotation['name'], 'description': rotation['description'],
            'isAutoRotationEnabled': rotation['isAutoRotationEnabled'], 'activeIndex': rotation['activeIndex'],
            'folderId': rotation['folderId'], 'connectionId': rotation['connectionId'],
            'createdAt': iso(rotation['createdAt']), 'updatedAt': iso(rotation['updatedAt']),
            'rotationInterval': rotation['rotationInterval'], 'rotationStatus': rotation['rotationStatus'],
            'lastRotationAttemptedAt': iso(rotation['lastRotationAttemptedAt']), 'lastRotatedAt': iso(rotation['lastRotatedAt']),
            'lastRotationJobId': rotation['lastRotationJobId'], 'nextRotationAt': iso(rotation['nextRotationAt']),
            'isLastRotationManual': rotation['isLastRotationManual'],
            'connection': {'app': conn['app'], 'name': conn['name'], 'id': conn['id']},
            'environment': {'slug': env['slug'], 'name': env['name'], 'id': env['id']},
            'projectId': env['projectId'],
            'folder': {'id': folder['id'], 'path': folder['path']},
            'rotateAtUtc': copy.deepcopy(rotation['rotateAtUtc']),
            'lastRotationMessage': rotation['lastRotationMessage'],
            'type': rotation['type'],
            'parameters': copy.deepcopy(rotation['parameters']),
            'secretsMapping': copy.deepcopy(rotation['secretsMapping']),
        }

    def internal_view(self, rotation):
        result = self.view(rotation)
        result['credentials'] = copy.deepcopy(rotation['credentials'])
        result['rotationCount'] = rotation['rotationCount']
        result['rotateAttempts'] = rotation['rotateAttempts']
        lock = self.rotation_locks.get(rotation['id'])
        result['rotationLocked'] = bool(lock is not None and lock.locked())
        return result

    def snapshot(self):
        """The whole state for GET /__mock/state."""
        secrets = {}
        for folder_id, folder_secrets in self.secrets.items():
            folder = self.folders.get(folder_id, {})
            env = self.environments.get(folder.get('envId'), {})
            secrets[folder_id] = {
                'projectId': env.get('projectId'), 'environment': env.get('slug'), 'path': folder.get('path'),
                'secrets': dict((key, {'value': item['value'], 'version': item['version']}) for key, item in folder_secrets.items()),
            }
        tokens = [{'identity': self.identities[record['identityId']]['name'], 'authMethod': record['authMethod'],
                   'issuedAt': iso(record['issuedAt']), 'expiresAt': iso(record['expiresAt'])} for record in self.tokens.values()]
        return {
            'licensed': self.licensed,
            'loadedAt': iso(self.loaded_at),
            'rotations': dict((rid, self.internal_view(rotation)) for rid, rotation in self.rotations.items()),
            'queuedJobs': copy.deepcopy(self.queued_jobs),
            'secrets': secrets,
            'dbt': self.dbt.view(),
            'providers': self.provider.view(),
            'accessTokens': tokens,
        }

    def _get(self, rotation_id, slug, quoted=True):
        rotation = self.rotations.get(rotation_id)
        if rotation is None:
            template = 'Could not find %s Rotation with ID "%s"' if quoted else 'Could not find %s Rotation with ID %s'
            raise not_found(template % (display_name(slug), rotation_id))
        return rotation

    def _check_type(self, rotation, slug):
        """Infisical's type check: the rotation's connection app must be the URL type's app (not the stored type)."""
        if self.connections[rotation['connectionId']]['app'] != TYPES[slug]['app']:
            raise bad_request('Secret Rotation with ID "%s" is not configured for %s' % (rotation['id'], display_name(slug)))

    def _set_secret(self, folder_id, key, value, sensitive=True):
        folder_secrets = self.secrets.setdefault(folder_id, {})
        previous = folder_secrets.get(key)
        folder_secrets[key] = {'value': value, 'version': previous['version'] + 1 if previous else 1, 'sensitive': sensitive}

    def _write_mapped(self, rotation, credential, keys=None):
        """Write a credential's values into the rotation's mapped secrets (a new version where the value changes)."""
        secret_keys = TYPES[rotation['type']]['secret_generated_credentials']
        folder_secrets = self.secrets.get(rotation['folderId'], {})
        for key, name in rotation['secretsMapping'].items():
            if keys is not None and key not in keys:
                continue
            value = credential[key] if isinstance(credential[key], str) else json.dumps(credential[key])
            current = folder_secrets.get(name)
            if current is None or current['value'] != value:
                self._set_secret(rotation['folderId'], name, value, key in secret_keys)

    def _connection(self, connection_id, project_id, slug):
        conn = self.connections.get(connection_id)
        if conn is None:
            raise not_found('Could not find App Connection with ID %s' % connection_id)
        if conn['app'] != TYPES[slug]['app']:
            raise bad_request('%s Connection with ID %s cannot be used to connect to %s'
                              % (conn.get('appName') or app_name(conn['app']), connection_id, app_name(TYPES[slug]['app'])))
        if conn.get('projectId') and conn['projectId'] != project_id:
            raise bad_request('You cannot connect project App Connection with ID "%s" from project with ID "%s" to project with ID "%s"'
                              % (connection_id, conn['projectId'], project_id))
        return conn

    def _name_taken(self, folder_id, name, except_id=None):
        return any(r['folderId'] == folder_id and r['name'] == name and r['id'] != except_id for r in self.rotations.values())

    def _check_mapping(self, mapping, folder, secret_path, current=()):
        """The service's mapping checks: names unique, none already a secret in the folder (except the rotation's own)."""
        names = list(mapping.values())
        duplicates = [name for index, name in enumerate(names) if name in names[:index]]
        if duplicates:
            raise bad_request('Secrets mapping keys must be unique. "%s" contains duplicate keys.' % ', '.join(sorted(set(duplicates))))
        existing = [name for name in names if name in self.secrets.get(folder['id'], {}) and name not in current]
        if existing:
            raise bad_request('The following secrets already exist at the path "%s": %s' % (secret_path, ', '.join(existing)))

    def _issue(self, rotation_type, parameters, conn, slot, failure, action='issue', temporary_keys=()):
        """A new credential from dbt or the fake provider; ProviderError / ApiError when they refuse."""
        if rotation_type == DBT:
            return self._credential(self.dbt.create_token(conn.get('accountId'), parameters, failure))
        return self.provider.issue(rotation_type, parameters, conn, slot, failure, action, temporary_keys)

    def _revoke(self, rotation, credential):
        conn = self.connections[rotation['connectionId']]
        if rotation['type'] == DBT:
            self.dbt.revoke(conn.get('accountId'), credential['tokenId'])
        else:
            self.provider.revoke(rotation['type'], conn, credential)

    # --- the rotation routes -----------------------------------------------------------------------------------------

    def list_rotations(self, identity, project_id, slug=None):
        """A type's list (only rotations stored with that type), or with slug None every type's (the all-types list)."""
        self._require_licence('list')
        self.require(identity, project_id, 'read')
        return {'secretRotations': [self.view(r) for r in self.rotations.values()
                                    if self.project_of(r) == project_id and slug in (None, r['type'])]}

    def get_rotation(self, identity, rotation_id, slug=DBT):
        self._require_licence('read')
        rotation = self._get(rotation_id, slug)
        self.require(identity, self.project_of(rotation), 'read')
        self._check_type(rotation, slug)
        return {'secretRotation': self.view(rotation)}

    def get_rotation_by_name(self, identity, name, query, slug=DBT):
        self._require_licence('read')
        folder = self.find_folder(query['projectId'], query['environment'], query['secretPath'])
        if folder is None:
            raise bad_request('Could not find folder with path "%s" in environment "%s" for project with ID "%s"'
                              % (query['secretPath'], query['environment'], query['projectId']))
        for rotation in self.rotations.values():
            if rotation['folderId'] == folder['id'] and rotation['name'] == name:
                self.require(identity, self.project_of(rotation), 'read')
                self._check_type(rotation, slug)
                return {'secretRotation': self.view(rotation)}
        raise not_found('Could not find %s Rotation with name "%s"' % (display_name(slug), name))

    def generated_credentials(self, identity, rotation_id, slug=DBT):
        self._require_licence('credentials')
        rotation = self._get(rotation_id, slug)
        self.require(identity, self.project_of(rotation), 'read-generated-credentials')
        self._check_type(rotation, slug)
        keys = answered_credential_keys(rotation['type'])
        credentials = [dict((key, item[key]) for key in keys if key in item) for item in rotation['credentials']]
        return {'generatedCredentials': credentials, 'activeIndex': rotation['activeIndex'], 'rotationId': rotation['id'], 'type': rotation['type']}

    def create_rotation(self, identity, body, failure=None, slug=DBT):
        """failure: None, or the refusal message of a provider_failure / dbt_failure fault ('' for the type's default)."""
        self._require_licence('create')
        project_id = body['projectId']
        self.require(identity, project_id, 'create')
        folder = self.find_folder(project_id, body['environment'], body['secretPath'])
        if folder is None:
            raise bad_request('Could not find folder with path "%s" in environment "%s" for project with ID "%s"'
                              % (body['secretPath'], body['environment'], project_id))
        conn = self._connection(body['connectionId'], project_id, slug)
        if self._name_taken(folder['id'], body['name']):
            raise bad_request('A Secret Rotation with the name "%s" already exists at the secret path "%s"' % (body['name'], body['secretPath']))
        self._check_mapping(body['secretsMapping'], folder, body['secretPath'])
        temporary = body.get('temporaryParameters') or {}
        self.remember_temporary(temporary.values())
        try:
            credential = self._issue(slug, body['parameters'], conn, 0, failure_message(failure, slug), temporary_keys=list(temporary))
        except ProviderError as exc:
            raise bad_request(rotation_message(exc.message))
        now = utcnow()
        rotation = {
            'id': str(uuid.uuid4()), 'name': body['name'], 'description': body.get('description'), 'type': slug,
            'isAutoRotationEnabled': body.get('isAutoRotationEnabled', True), 'activeIndex': 0,
            'folderId': folder['id'], 'connectionId': conn['id'], 'createdAt': now, 'updatedAt': now,
            'rotationInterval': body['rotationInterval'], 'rotationStatus': 'success',
            'lastRotationAttemptedAt': now, 'lastRotatedAt': now, 'lastRotationJobId': None, 'isLastRotationManual': True,
            'rotateAtUtc': body.get('rotateAtUtc', {'hours': 0, 'minutes': 0}), 'lastRotationMessage': None,
            'parameters': body['parameters'], 'secretsMapping': body['secretsMapping'],
            'credentials': [credential], 'rotationCount': 0, 'rotateAttempts': 0,
        }
        rotation['nextRotationAt'] = calculate_next_rotation_at(rotation, True)
        self.rotations[rotation['id']] = rotation
        self._write_mapped(rotation, credential)
        return {'secretRotation': self.view(rotation)}

    def update_rotation(self, identity, rotation_id, body, slug=DBT):
        self._require_licence('update')
        rotation = self._get(rotation_id, slug, quoted=False)
        entry = TYPES[slug]
        if entry['immutable_parameters'] and 'parameters' in body:
            # throwOnImmutableParameterUpdate: a shallow !== of each key, so an omitted key differs from a stored value.
            for key in entry['immutable_parameters']:
                if body['parameters'].get(key, MISSING) != rotation['parameters'].get(key, MISSING):
                    raise bad_request(entry['immutable_message'])
        self.require(identity, self.project_of(rotation), 'edit')
        self._check_type(rotation, slug)
        folder = self.folders[rotation['folderId']]
        merged = dict(rotation)
        merged.update(body)
        next_rotation = calculate_next_rotation_at(merged, rotation['isLastRotationManual'])
        old_mapping = rotation['secretsMapping']
        new_mapping = body.get('secretsMapping')
        if new_mapping is not None:
            self._check_mapping(new_mapping, folder, folder['path'], current=list(old_mapping.values()))
        if 'name' in body and self._name_taken(folder['id'], body['name'], except_id=rotation['id']):
            raise bad_request('A Secret Rotation with the name "%s" already exists at the secret path "%s"' % (body['name'], folder['path']))
        if new_mapping is not None:
            folder_secrets = self.secrets.setdefault(folder['id'], {})
            moved = {}
            for key, old_name in old_mapping.items():
                if new_mapping.get(key) != old_name and old_name in folder_secrets:
                    moved[key] = folder_secrets.pop(old_name)
            for key, secret in moved.items():
                if key in new_mapping:
                    folder_secrets[new_mapping[key]] = dict(secret, version=secret['version'] + 1)
        rotation.update(body)
        rotation['nextRotationAt'] = next_rotation
        rotation['updatedAt'] = utcnow()
        if next_rotation is not None and next_rotation < next_utc_day():
            # Recorded, not run: the real server queues a rotation job to start at nextRotationAt.
            self.queued_jobs.append({
                'queue': 'secret-rotation-v2-rotate-secrets', 'jobId': 'secret-rotation-v2-rotate-%s' % rotation['id'],
                'rotationId': rotation['id'], 'queuedAt': iso(utcnow()), 'isManualRotation': True, 'startAfter': iso(next_rotation),
            })
        return {'secretRotation': self.view(rotation)}

    def delete_rotation(self, identity, rotation_id, delete_secrets, revoke, slug=DBT):
        rotation = self._get(rotation_id, slug)
        self.require(identity, self.project_of(rotation), 'delete')
        self._check_type(rotation, slug)
        result = {'secretRotation': self.view(rotation)}
        if revoke:
            for credential in rotation['credentials']:
                self._revoke(rotation, credential)
        if delete_secrets:
            for name in rotation['secretsMapping'].values():
                self.secrets.get(rotation['folderId'], {}).pop(name, None)
        del self.rotations[rotation_id]
        return result

    def start_rotation(self, identity, rotation_id, slug=DBT):
        """The checks before a rotation, then take its lock; returns (rotation, lock). The caller releases the lock."""
        self._require_licence('rotate')
        rotation = self._get(rotation_id, slug)
        self.require(identity, self.project_of(rotation), 'rotate-secrets')
        self._check_type(rotation, slug)
        lock = self.rotation_locks.setdefault(rotation_id, threading.Lock())
        if not lock.acquire(False):
            raise bad_request('A rotation is already in progress. Please try again shortly.')
        return rotation, lock

    def rotate(self, rotation, failure=None):
        """The dual-phase rotation (CONTRACT 6.5); a failure leaves the failed state and raises ApiError 500.

        failure: None, or the refusal message of a provider_failure / dbt_failure fault ('' for the type's default).
        """
        rotation['rotateAttempts'] += 1
        conn = self.connections[rotation['connectionId']]
        inactive = (rotation['activeIndex'] + 1) % 2
        credentials = rotation['credentials']
        try:
            if inactive < len(credentials):
                self._revoke(rotation, credentials[inactive])
            credential = self._issue(rotation['type'], rotation['parameters'], conn, inactive, failure_message(failure, rotation['type']),
                                     action='rotate')
        except (ApiError, ProviderError) as exc:
            message = rotation_message(exc.message)
            now = utcnow()
            rotation.update({'rotationStatus': 'failed', 'lastRotationAttemptedAt': now, 'updatedAt': now, 'lastRotationJobId': None,
                             'lastRotationMessage': message, 'nextRotationAt': next_utc_day(rotation['rotateAtUtc'])})
            self.queued_jobs.append({'queue': 'SecretWebhook', 'type': 'SecretRotationFailed', 'rotationId': rotation['id'],
                                     'triggeredManually': True, 'errorMessage': exc.message})
            raise internal_error(message)
        if inactive < len(credentials):
            credentials[inactive] = credential
        else:
            credentials.append(credential)
        now = utcnow()
        rotation.update({'activeIndex': inactive, 'isLastRotationManual': True, 'lastRotatedAt': now, 'lastRotationAttemptedAt': now,
                         'updatedAt': now, 'rotationStatus': 'success', 'lastRotationJobId': None, 'lastRotationMessage': None})
        rotation['nextRotationAt'] = calculate_next_rotation_at(rotation, True)
        rotation['rotationCount'] += 1
        self._write_mapped(rotation, credential)
        return {'secretRotation': self.view(rotation)}

    def reconcile(self, identity, rotation_id, failure=None):
        """POST .../{rotationId}/reconcile (local-account types): re-issue the password of the active slot through the
        connection's own login, as reconcileLocalAccountRotation does. The URL's type is not compared with the rotation's."""
        self._require_licence('reconcile')
        rotation = self.rotations.get(rotation_id)
        if rotation is None:
            raise not_found('Could not find Secret Rotation with ID "%s"' % rotation_id)
        if rotation['type'] not in RECONCILE_TYPES:
            raise bad_request(RECONCILE_TYPES_MESSAGE)
        self.require(identity, self.project_of(rotation), 'rotate-secrets')
        if rotation['parameters'].get('rotationMethod') != 'login-as-target':
            raise bad_request(RECONCILE_METHOD_MESSAGE)
        conn = self.connections[rotation['connectionId']]
        active = rotation['activeIndex']
        parameters = dict(rotation['parameters'], rotationMethod='login-as-root')
        try:
            credential = self._issue(rotation['type'], parameters, conn, active, failure_message(failure, rotation['type']), action='reconcile')
        except ProviderError as exc:
            raise bad_request(rotation_message(exc.message))
        if active < len(rotation['credentials']):
            rotation['credentials'][active] = credential
        else:
            rotation['credentials'].append(credential)
        now = utcnow()
        rotation.update({'lastRotatedAt': now, 'updatedAt': now, 'rotationStatus': 'success'})
        self._write_mapped(rotation, credential, keys=('password',))
        return {'message': '%s rotation credentials reconciled successfully' % RECONCILE_NAMES[rotation['type']], 'reconciled': True,
                'secretRotation': self.view(rotation)}
