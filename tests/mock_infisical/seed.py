"""Seed files of the mock Infisical server: loading, time values and the well-known ids.

Standard library only, so that test code can import it without the server's dependencies.
The format is described in README.md next to this file.
"""

import copy
import datetime
import json
import os
import re

SEED_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'seeds')
DEFAULT_SEED_PATH = os.path.join(SEED_DIR, 'default.json')

_RELATIVE_RE = re.compile(r'^([+-])(\d+(?:\.\d+)?)([smhd])$')
_UNIT_SECONDS = {'s': 1, 'm': 60, 'h': 3600, 'd': 86400}


def utcnow():
    """The current UTC time, truncated to milliseconds like a JavaScript Date."""
    now = datetime.datetime.now(datetime.timezone.utc)
    return now.replace(microsecond=(now.microsecond // 1000) * 1000)


def iso(value):
    """A datetime as Infisical writes it: 2026-11-23T05:37:11.080Z (None stays None)."""
    if value is None:
        return None
    value = value.astimezone(datetime.timezone.utc)
    return value.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (value.microsecond // 1000)


def parse_time(value, now):
    """A seed time value: None, "now", a relative offset such as "-5m", "-3d", "+1h", or an ISO 8601 string."""
    if value is None:
        return None
    if value == 'now':
        return now
    match = _RELATIVE_RE.match(value)
    if match:
        seconds = float(match.group(2)) * _UNIT_SECONDS[match.group(3)]
        delta = datetime.timedelta(seconds=seconds)
        result = now - delta if match.group(1) == '-' else now + delta
        return result.replace(microsecond=(result.microsecond // 1000) * 1000)
    text = value[:-1] + '+00:00' if value.endswith('Z') else value
    parsed = datetime.datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=datetime.timezone.utc)
    return parsed


def load_seed(path=None):
    """Read a seed file (the default seed when path is None)."""
    with open(path or DEFAULT_SEED_PATH, encoding='utf-8') as seed_file:
        return json.load(seed_file)


def well_known(seed):
    """The ids and credentials a test refers to, by the seed's "key" fields.

    Every project, environment, folder, connection, identity and rotation with a "key" gives ids[key] = its id.
    Rotations also give ids[key + "_name"]; identities give ids[key + "_client_id"], ids[key + "_client_secret"],
    ids[key + "_token"] (first Token Auth token) and ids[key + "_jwt"] (first accepted OIDC JWT) where they have them.
    """
    ids = {}

    def add(obj):
        if obj.get('key'):
            ids[obj['key']] = obj['id']

    for project in seed.get('projects', []):
        add(project)
        for environment in project.get('environments', []):
            add(environment)
            for folder in environment.get('folders', []):
                add(folder)
    for connection in seed.get('connections', []):
        add(connection)
    for rotation in seed.get('rotations', []):
        add(rotation)
        if rotation.get('key'):
            ids[rotation['key'] + '_name'] = rotation['name']
    for identity in seed.get('identities', []):
        add(identity)
        key = identity.get('key')
        if not key:
            continue
        universal = identity.get('universalAuth')
        if universal:
            ids[key + '_client_id'] = universal['clientId']
            ids[key + '_client_secret'] = universal['clientSecret']
        tokens = identity.get('tokenAuth', {}).get('tokens', [])
        if tokens:
            ids[key + '_token'] = tokens[0]
        jwts = identity.get('oidcAuth', {}).get('jwts', [])
        if jwts:
            ids[key + '_jwt'] = jwts[0]
    return ids


def with_bulk_rotations(seed, count, folder_id='a1b2c3d4-0000-4000-8000-000000000005'):
    """A copy of seed plus count rotations bulk-0001... (keys bulk_1...) in one folder (default: project A, dev, /dbt).

    Each has its own live dbt token and mapped secret BULK_TOKEN_<n>, a 30-day interval and a last rotation 9 days
    ago; ids are b0000000-0000-4000-8000-<n as 12 digits>. For load tests and benchmarks.
    """
    seed = copy.deepcopy(seed)
    for number in range(1, count + 1):
        _add_bulk_rotation(seed, number, folder_id, 'a1b2c3d4-0000-4000-8000-000000000006')
    return seed


def with_bulk_estate(seed, projects, per_project, identity='admin'):
    """A copy of seed plus projects bulk projects of per_project DBT rotations each, for the fleet's benchmarks.

    Project p (1-based) has the id b1000000-0000-4000-8000-<p as 12 digits>, a "dev" environment whose root folder
    holds its rotations, a dbt connection b4000000-...-<p> and the identity as admin. Rotations are numbered
    across projects (bulk-0001 ... in project 1, and so on), each as with_bulk_rotations makes them.
    """
    seed = copy.deepcopy(seed)
    template = next(connection for connection in seed['connections'] if connection['app'] == 'dbt')
    member = next(item for item in seed['identities'] if item['key'] == identity)
    for project in range(1, projects + 1):
        project_id, folder_id, connection_id = ('b%d000000-0000-4000-8000-%012d' % (kind, project) for kind in (1, 3, 4))
        seed['projects'].append({'id': project_id, 'name': 'Bulk %d' % project, 'slug': 'bulk-%d' % project, 'environments': [
            {'id': 'b2000000-0000-4000-8000-%012d' % project, 'slug': 'dev', 'name': 'Development',
             'folders': [{'id': folder_id, 'path': '/'}]}]})
        seed['connections'].append(dict(template, key=None, id=connection_id, name='dbt-bulk-%d' % project, projectId=project_id))
        member['projects'][project_id] = 'admin'
        for number in range((project - 1) * per_project + 1, project * per_project + 1):
            _add_bulk_rotation(seed, number, folder_id, connection_id)
    return seed


def _add_bulk_rotation(seed, number, folder_id, connection_id):
    token_id = 20000 + number
    value = 'dbtu_bulk%05d' % number + 'x' * 30
    seed['dbt']['tokens'].append({'id': token_id, 'accountId': '70403103', 'name': 'bulk', 'tokenString': value,
                                  'permissionGrants': [{'permission_set': 'job_runner'}], 'state': 'live',
                                  'createdAt': '-9d'})
    seed['secrets'].append({'folderId': folder_id, 'key': 'BULK_TOKEN_%d' % number, 'value': value})
    seed['rotations'].append({
        'key': 'bulk_%d' % number, 'id': 'b0000000-0000-4000-8000-%012d' % number, 'name': 'bulk-%04d' % number,
        'description': None, 'folderId': folder_id, 'connectionId': connection_id,
        'isAutoRotationEnabled': True, 'rotationInterval': 30, 'rotateAtUtc': {'hours': 0, 'minutes': 0},
        'createdAt': '-30d', 'updatedAt': '-9d', 'lastRotatedAt': '-9d', 'lastRotationAttemptedAt': '-9d',
        'isLastRotationManual': False, 'rotationStatus': 'success',
        'parameters': {'tokenName': 'bulk', 'permissionGrants': [{'permissionSet': 'job_runner'}]},
        'secretsMapping': {'serviceToken': 'BULK_TOKEN_%d' % number}, 'credentials': [token_id], 'activeIndex': 0,
        'rotationCount': 0})


DEFAULT_SEED = load_seed()
DEFAULT = well_known(DEFAULT_SEED)
