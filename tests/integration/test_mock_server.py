"""Tests of the mock Infisical server (tests/mock_infisical), run against a real server process.

Every answer of a spec operation is checked against the spec's response schema for its status (RawApi does it),
and a selection of the exchanges recorded from Infisical's own server code is replayed and compared.
"""

import datetime
import email.utils
import hashlib
import http.client
import json
import signal
import socket
import threading
import time

import pytest

from mock_fixtures import MockInfisical, RawApi, SpecChecker, recording
from mock_infisical.control import MockInfisicalError
from mock_infisical.rotation_types import SLUGS, TYPES, answered_credential_keys
from mock_infisical.seed import DEFAULT
from mock_infisical.validation import TypeValidator

BASE = '/api/v2/secret-rotations/dbt-service-token'
UA_LOGIN = '/api/v1/auth/universal-auth/login'
OIDC_LOGIN = '/api/v1/auth/oidc-auth/login'
MISSING_ID = '00000000-0000-4000-8000-000000000000'
RECORDED_ROTATION = '85b61342-a604-4e28-b81e-e32a498f1ed4'
RECORDED_SECOND = 'a3a9ba84-df30-4a98-9f6c-216d6a90af0a'
ROTATE_PREFIX = 'Infisical encountered an issue while generating credentials with the configured inputs: '
DBT_REFUSAL = 'Mock dbt: permission_set not allowed for this account'
MALFORMED = 'The provided access token is malformed. Please use a valid token or generate a new one and try again.'
ALL_SETS = recording('main-18')['response_body']['message'][0]['options']

CHECKER = SpecChecker()
DBT_ROTATION_KEYS = ('rotation_ci', 'rotation_docs', 'rotation_adhoc', 'rotation_prod', 'rotation_failed', 'rotation_b')
OTHER_ROTATION_KEYS = ('rotation_postgres', 'rotation_unix', 'rotation_aws_failed', 'rotation_openai_overdue', 'rotation_stripe_paused',
                       'rotation_windows', 'rotation_cloudflare', 'rotation_hp_ilo')


@pytest.fixture(scope='module')
def server():
    mock = MockInfisical.start()
    yield mock
    assert mock.stop() == 0, mock.server_log()


@pytest.fixture
def mock(server):
    server.reset()
    yield server
    violations = [entry for entry in server.requests() if entry['spec_violations']]
    assert not violations


@pytest.fixture
def ids(mock):
    return mock.ids


@pytest.fixture
def api(mock, ids):
    return RawApi(mock.url, CHECKER, token=ids['admin_token'])


def create_body(**changes):
    body = {
        'name': 'dbt-new', 'projectId': DEFAULT['project_a'], 'description': 'new token', 'connectionId': DEFAULT['connection_dbt_a'],
        'environment': 'dev', 'secretPath': '/dbt', 'rotationInterval': 30, 'rotateAtUtc': {'hours': 3, 'minutes': 15},
        'parameters': {'tokenName': 'infisical-new', 'permissionGrants': [{'permissionSet': 'job_admin', 'projectId': 111}]},
        'secretsMapping': {'serviceToken': 'DBT_NEW_TOKEN'},
    }
    for key, value in changes.items():
        if value is None:
            body.pop(key)
        else:
            body[key] = value
    return body


def login(api, key):
    result = api.post(UA_LOGIN, {'clientId': DEFAULT[key + '_client_id'], 'clientSecret': DEFAULT[key + '_client_secret']}, token=None)
    assert result.status == 200, result
    return result.body['accessToken']


def assert_error(result, status, error, message=None):
    assert result.status == status, result
    assert result.body['statusCode'] == status
    assert result.body['error'] == error
    assert result.body['reqId'].startswith('req-') and len(result.body['reqId']) == 18
    assert result.headers['x-request-id'] == result.body['reqId']
    if message is not None:
        assert result.body['message'] == message


def issue(result, index=0):
    assert result.status == 422, result
    return result.body['message'][index]


def parse_iso(value):
    return datetime.datetime.strptime(value, '%Y-%m-%dT%H:%M:%S.%fZ').replace(tzinfo=datetime.timezone.utc)


def expected_next(last_rotated, interval, rotate_at, manual):
    """CONTRACT 6.4, written again for the test."""
    start = last_rotated.replace(hour=rotate_at['hours'], minute=rotate_at['minutes'], second=0, microsecond=0)
    after = (last_rotated.hour, last_rotated.minute) >= (rotate_at['hours'], rotate_at['minutes'])
    return start + datetime.timedelta(days=int(interval + (1 if manual and after else 0)))


def next_day_at(rotate_at):
    now = datetime.datetime.now(datetime.timezone.utc)
    return datetime.datetime(now.year, now.month, now.day, rotate_at['hours'], rotate_at['minutes'], tzinfo=datetime.timezone.utc) \
        + datetime.timedelta(days=1)


def live_ids(mock):
    return [token['id'] for token in mock.state()['dbt']['liveTokens']]


def secret(mock, folder_id, key):
    return mock.state()['secrets'].get(folder_id, {}).get('secrets', {}).get(key)


# --- process, HTTP basics ----------------------------------------------------------------------------------------


def test_server_prints_url_serves_keep_alive_and_stops_on_sigint():
    mock = MockInfisical.start()
    try:
        assert mock.url.startswith('http://127.0.0.1:')
        api = RawApi(mock.url, CHECKER, token=mock.ids['admin_token'])
        conn = http.client.HTTPConnection(api.host, api.port, timeout=5)  # one keep-alive connection for three requests
        for dummy in range(3):
            conn.request('GET', BASE + '?projectId=' + mock.ids['project_a'], headers={'Authorization': 'Bearer ' + mock.ids['admin_token']})
            response = conn.getresponse()
            body = response.read()
            assert response.status == 200
            assert int(response.getheader('Content-Length')) == len(body)
            assert response.getheader('Content-Type') == 'application/json; charset=utf-8'
        conn.close()
        mock.process.send_signal(signal.SIGINT)
        assert mock.process.wait(10) == 0
    finally:
        mock.stop()


def test_unknown_route_gets_fastify_404(api):
    result = api.get('/api/v2/secret-rotations/nope?x=1')
    assert result.status == 404
    assert result.body == {'message': 'Route GET:/api/v2/secret-rotations/nope?x=1 not found', 'error': 'Not Found', 'statusCode': 404}
    result = api.request('PUT', BASE + '/' + DEFAULT['rotation_ci'], body={})
    assert result.body['message'] == 'Route PUT:%s/%s not found' % (BASE, DEFAULT['rotation_ci'])


def test_trailing_slash_and_etag(api, ids):
    first = api.get(BASE + '/' + ids['rotation_ci'] + '/')
    assert first.status == 200 and first.body['secretRotation']['id'] == ids['rotation_ci']
    again = api.get(BASE + '/' + ids['rotation_ci'], headers={'If-None-Match': first.headers['etag']}, check=False)
    assert again.status == 304 and again.raw == b''


# --- auth ----------------------------------------------------------------------------------------------------------


def test_universal_auth_login(api, ids, mock):
    result = api.post(UA_LOGIN, {'clientId': ids['admin_client_id'], 'clientSecret': ids['admin_client_secret']}, token=None)
    assert result.status == 200
    assert set(result.body) == {'accessToken', 'expiresIn', 'accessTokenMaxTTL', 'tokenType'}
    assert (result.body['expiresIn'], result.body['accessTokenMaxTTL'], result.body['tokenType']) == (7200, 7200, 'Bearer')
    assert api.get(BASE + '?projectId=' + ids['project_a'], token=result.body['accessToken']).status == 200
    entry = mock.requests()[0]
    assert entry['body'] == {'clientId': ids['admin_client_id'], 'clientSecret': 'REDACTED'}
    assert entry['identity'] == 'admin'
    assert result.body['accessToken'] in mock.secrets()


@pytest.mark.parametrize('body, status, error, check', [
    ({'clientId': 'client-admin', 'clientSecret': 'wrong'}, 401, 'UnauthorizedError', 'Invalid credentials'),
    ({'clientId': 'nobody', 'clientSecret': 'x'}, 401, 'UnauthorizedError', 'Invalid credentials'),
    ({'clientId': 'client-admin'}, 422, 'ValidationFailure', ('invalid_type', ['clientSecret'])),
    ({'clientId': 5, 'clientSecret': 'x'}, 422, 'ValidationFailure', ('invalid_type', ['clientId'])),
    ({'clientId': 'client-admin', 'clientSecret': 'x', 'scope': 'all'}, 422, 'ValidationFailure', ('unrecognized_keys', [])),
])
def test_universal_auth_login_failures(api, body, status, error, check):
    result = api.post(UA_LOGIN, body, token=None)
    if isinstance(check, tuple):
        assert_error(result, status, error)
        assert (issue(result)['code'], issue(result)['path']) == check
    else:
        assert_error(result, status, error, check)


def test_oidc_login(api, ids):
    result = api.post(OIDC_LOGIN, {'identityId': ids['oidc'], 'jwt': ids['oidc_jwt']}, token=None)
    assert result.status == 200
    assert (result.body['expiresIn'], result.body['accessTokenMaxTTL'], result.body['tokenType']) == (3600, 7200, 'Bearer')
    assert api.get(BASE + '/' + ids['rotation_ci'], token=result.body['accessToken']).status == 200
    assert_error(api.post(OIDC_LOGIN, {'identityId': ids['admin'], 'jwt': ids['oidc_jwt']}, token=None), 404, 'NotFound',
                 'OIDC auth method not found for identity, did you configure OIDC auth?')
    assert_error(api.post(OIDC_LOGIN, {'identityId': ids['oidc'], 'jwt': 'garbage'}, token=None), 401, 'UnauthorizedError', 'Invalid JWT')
    other = ids['admin_token']  # JWT-shaped, but not one the identity provider signed
    result = api.post(OIDC_LOGIN, {'identityId': ids['oidc'], 'jwt': other}, token=None)
    assert_error(result, 401, 'UnauthorizedError')
    assert result.body['message'].startswith('Access denied: ')


def test_token_auth_tokens_and_viewer_reads(api, ids):
    assert api.get(BASE + '?projectId=' + ids['project_a']).status == 200
    assert api.get(BASE + '/' + ids['rotation_ci'], token=ids['viewer_token']).status == 200


@pytest.mark.parametrize('authorization, status, error, message', [
    (None, 401, 'UnauthorizedError', 'Token missing'),
    ('Bearer garbage', 403, 'TokenError', MALFORMED),
    ('Basic YWRtaW46YWRtaW4=', 403, 'TokenError', MALFORMED),
    ('Bearer ', 403, 'TokenError', MALFORMED),
    ('Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJmb28iOiJiYXIifQ.c2lnbmF0dXJl', 403, 'TokenError', 'invalid signature'),
])
def test_bad_tokens(api, ids, authorization, status, error, message):
    headers = {'Authorization': authorization} if authorization else {}
    assert_error(api.get(BASE + '/' + ids['rotation_ci'], token=None, headers=headers), status, error, message)


def test_auth_runs_before_validation(api, ids):
    assert_error(api.patch(BASE + '/' + ids['rotation_ci'], {'rotationInterval': 0}, token=None), 401, 'UnauthorizedError', 'Token missing')
    assert_error(api.patch(BASE + '/not-a-uuid', raw=b'{bad', content_type='application/json', token='x'), 403, 'TokenError', MALFORMED)


def test_expire_tokens_then_login_again(api, ids, mock):
    token = login(api, 'admin')
    assert mock.expire_tokens() >= 3
    for used in (token, ids['admin_token'], ids['viewer_token']):
        assert_error(api.get(BASE + '/' + ids['rotation_ci'], token=used), 403, 'TokenError', 'Your token has expired. Please re-authenticate.')
    assert api.get(BASE + '/' + ids['rotation_ci'], token=login(api, 'admin')).status == 200


def test_token_ttl_runs_out_and_reset_forgets_tokens(api, ids, mock):
    short = login(api, 'short_lived')
    assert api.get(BASE + '/' + ids['rotation_ci'], token=short).status == 200
    admin = login(api, 'admin')
    time.sleep(2.1)
    assert_error(api.get(BASE + '/' + ids['rotation_ci'], token=short), 403, 'TokenError', 'Your token has expired. Please re-authenticate.')
    mock.reset()
    assert_error(api.get(BASE + '/' + ids['rotation_ci'], token=admin), 401, 'UnauthorizedError', 'No identity access token found')
    assert api.get(BASE + '/' + ids['rotation_ci']).status == 200  # the seed's Token Auth token is valid again


def test_viewer_is_read_only(api, ids):
    rid = ids['rotation_ci']
    viewer = ids['viewer_token']
    cases = [
        ('PATCH', BASE + '/' + rid, {'rotationInterval': 7}, 'edit'),
        ('POST', BASE + '/' + rid + '/rotate-secrets', None, 'rotate-secrets'),
        ('POST', BASE, create_body(), 'create'),
        ('DELETE', BASE + '/' + rid, None, 'delete'),
        ('GET', BASE + '/' + rid + '/generated-credentials', None, 'read-generated-credentials'),
    ]
    for method, path, body, action in cases:
        result = api.request(method, path, body=body, token=viewer)
        assert_error(result, 403, 'PermissionDenied', 'You are not allowed to %s on secret-rotation' % action)
        assert result.body['details'] == []
    assert api.get(BASE + '?projectId=' + ids['project_a'], token=viewer).status == 200
    assert api.get(BASE + '/' + ids['rotation_b'], token=viewer).status == 403


def test_outsider_is_denied_on_every_route_of_project_a(api, ids):
    token = login(api, 'outsider')
    rid = ids['rotation_ci']
    name_query = '/rotation-name/dbt-ci?projectId=%s&environment=dev&secretPath=/dbt/ci' % ids['project_a']
    cases = [
        ('GET', BASE + '?projectId=' + ids['project_a'], None),
        ('GET', BASE + '/' + rid, None),
        ('GET', BASE + name_query, None),
        ('GET', BASE + '/' + rid + '/generated-credentials', None),
        ('POST', BASE, create_body()),
        ('PATCH', BASE + '/' + rid, {'rotationInterval': 7}),
        ('POST', BASE + '/' + rid + '/rotate-secrets', None),
        ('DELETE', BASE + '/' + rid, None),
    ]
    for method, path, body in cases:
        assert_error(api.request(method, path, body=body, token=token), 403, 'PermissionDenied')
    # Existence is checked before permission, as on the real server.
    assert_error(api.get(BASE + '/' + MISSING_ID, token=token), 404, 'NotFound')
    assert api.get(BASE + '/' + ids['rotation_b'], token=token).status == 200


# --- validation ----------------------------------------------------------------------------------------------------

INVALID_BODIES = [
    # (method, body, code, path)
    ('POST', create_body(name=None), 'invalid_type', ['name']),
    ('POST', create_body(projectId=None), 'invalid_type', ['projectId']),
    ('POST', create_body(connectionId=None), 'invalid_type', ['connectionId']),
    ('POST', create_body(environment=None), 'invalid_type', ['environment']),
    ('POST', create_body(secretPath=None), 'invalid_type', ['secretPath']),
    ('POST', create_body(rotationInterval=None), 'invalid_type', ['rotationInterval']),
    ('POST', create_body(parameters=None), 'invalid_type', ['parameters']),
    ('POST', create_body(secretsMapping=None), 'invalid_type', ['secretsMapping']),
    ('POST', create_body(name='Dbt-Token'), 'custom', ['name']),
    ('POST', create_body(name='dbt_token'), 'custom', ['name']),
    ('POST', create_body(name='   '), 'too_small', ['name']),
    ('POST', create_body(name='a' * 65), 'too_big', ['name']),
    ('POST', create_body(projectId=''), 'too_small', ['projectId']),
    ('POST', create_body(description='x' * 257), 'too_big', ['description']),
    # zod counts JavaScript string length: UTF-16 code units, 2 for an emoji.
    ('POST', create_body(description='\U0001F511' * 129), 'too_big', ['description']),
    ('POST', create_body(connectionId='not-a-uuid'), 'invalid_string', ['connectionId']),
    ('POST', create_body(environment='Dev'), 'custom', ['environment']),
    ('POST', create_body(environment='e' * 65), 'too_big', ['environment']),
    ('POST', create_body(secretPath=''), 'too_small', ['secretPath']),
    ('POST', create_body(isAutoRotationEnabled='yes'), 'invalid_type', ['isAutoRotationEnabled']),
    ('POST', create_body(rotationInterval=0), 'too_small', ['rotationInterval']),
    ('POST', create_body(rotationInterval='14'), 'invalid_type', ['rotationInterval']),
    ('POST', create_body(rotationInterval=True), 'invalid_type', ['rotationInterval']),
    ('POST', create_body(rotateAtUtc={'hours': -1, 'minutes': 0}), 'too_small', ['rotateAtUtc', 'hours']),
    ('POST', create_body(rotateAtUtc={'hours': 1}), 'invalid_type', ['rotateAtUtc', 'minutes']),
    ('POST', create_body(rotateAtUtc={'hours': 1, 'minutes': 0, 'seconds': 0}), 'unrecognized_keys', ['rotateAtUtc']),
    ('POST', create_body(parameters={'tokenName': '', 'permissionGrants': [{'permissionSet': 'admin'}]}), 'too_small', ['parameters', 'tokenName']),
    ('POST', create_body(parameters={'tokenName': 't' * 256, 'permissionGrants': [{'permissionSet': 'admin'}]}), 'too_big', ['parameters', 'tokenName']),
    # JavaScript's trim removes U+3000 and U+FEFF.
    ('POST', create_body(parameters={'tokenName': '\u3000\ufeff', 'permissionGrants': [{'permissionSet': 'admin'}]}), 'too_small',
     ['parameters', 'tokenName']),
    ('POST', create_body(parameters={'tokenName': 't', 'permissionGrants': []}), 'too_small', ['parameters', 'permissionGrants']),
    ('POST', create_body(parameters={'tokenName': 't', 'permissionGrants': [{'projectId': 1}]}), 'invalid_type',
     ['parameters', 'permissionGrants', 0, 'permissionSet']),
    ('POST', create_body(parameters={'tokenName': 't', 'permissionGrants': [{'permissionSet': 'root'}]}), 'invalid_enum_value',
     ['parameters', 'permissionGrants', 0, 'permissionSet']),
    ('POST', create_body(parameters={'tokenName': 't', 'permissionGrants': [{'permissionSet': 'admin', 'projectId': '111'}]}), 'invalid_type',
     ['parameters', 'permissionGrants', 0, 'projectId']),
    ('POST', create_body(secretsMapping={'serviceToken': 'A/B'}), 'custom', ['secretsMapping', 'serviceToken']),
    ('POST', create_body(secretsMapping={'serviceToken': ''}), 'too_small', ['secretsMapping', 'serviceToken']),
    ('POST', create_body(secretsMapping={}), 'invalid_type', ['secretsMapping', 'serviceToken']),
    ('POST', create_body(extra=1), 'unrecognized_keys', []),
    ('PATCH', {'parameters': {'permissionGrants': [{'permissionSet': 'job_admin'}]}}, 'invalid_type', ['parameters', 'tokenName']),
    ('PATCH', {'secretsMapping': {'serviceToken': 'X', 'other': 'Y'}}, 'unrecognized_keys', ['secretsMapping']),
    ('PATCH', {'connectionId': DEFAULT['connection_dbt_a']}, 'unrecognized_keys', []),
    ('PATCH', {'description': 5}, 'invalid_type', ['description']),
    ('PATCH', {'rotateAtUtc': {'hours': 0, 'minutes': 60}}, 'too_big', ['rotateAtUtc', 'minutes']),
    ('PATCH', {'name': 'a--b'}, 'custom', ['name']),
    ('PATCH', [], 'invalid_type', []),
]


@pytest.mark.parametrize('method, body, code, path', INVALID_BODIES)
def test_invalid_bodies_get_zod_issues(api, ids, mock, method, body, code, path):
    target = BASE if method == 'POST' else BASE + '/' + ids['rotation_ci']
    before = mock.state()['rotations']
    result = api.request(method, target, body=body)
    assert_error(result, 422, 'ValidationFailure')
    assert [(item['code'], item['path']) for item in result.body['message']] == [(code, path)]
    assert mock.state()['rotations'] == before


def test_zod_issue_details(api, ids):
    rid = ids['rotation_ci']
    assert issue(api.patch(BASE + '/' + rid, {'rotationInterval': '14'})) == {
        'code': 'invalid_type', 'expected': 'number', 'received': 'string', 'path': ['rotationInterval'], 'message': 'Expected number, received string'}
    assert issue(api.patch(BASE + '/' + rid, {'foo': 'bar', 'baz': 1})) == {
        'code': 'unrecognized_keys', 'keys': ['foo', 'baz'], 'path': [], 'message': "Unrecognized key(s) in object: 'foo', 'baz'"}
    assert issue(api.post(BASE, create_body(name=''))) == {
        'code': 'too_small', 'minimum': 1, 'type': 'string', 'inclusive': True, 'exact': False,
        'message': 'name field must be at least 1 lowercase character', 'path': ['name']}
    assert issue(api.post(BASE, create_body(secretsMapping={'serviceToken': 'a:b'})))['message'] == 'Secret name cannot contain colon or forward slash.'
    enum_issue = issue(api.post(BASE, create_body(parameters={'tokenName': 't', 'permissionGrants': [{'permissionSet': 'root'}]})))
    assert enum_issue['options'] == ALL_SETS and enum_issue['received'] == 'root'
    assert issue(api.get(BASE + '/x/generated-credentials')) == {'validation': 'uuid', 'code': 'invalid_string', 'message': 'Invalid uuid',
                                                                 'path': ['rotationId']}
    assert issue(api.get(BASE + '?projectId=' + ids['project_a'] + '&page=2'))['code'] == 'unrecognized_keys'
    assert issue(api.get(BASE + '?projectId='))['message'] == 'Project ID required'


def test_strings_are_trimmed_and_secret_path_loses_its_trailing_slash(api, ids):
    result = api.post(BASE, create_body(name='  dbt-trim  ', secretPath=' /dbt/ci/ ', environment=' dev '))
    assert result.status == 200, result
    assert result.body['secretRotation']['name'] == 'dbt-trim'
    assert result.body['secretRotation']['folder'] == {'id': ids['folder_a_dev_dbt_ci'], 'path': '/dbt/ci'}
    assert api.post(BASE, create_body(name='dbt-root', secretPath='/', secretsMapping={'serviceToken': 'ROOT_TOKEN'})).status == 200


def test_strings_are_trimmed_the_javascript_way(api, ids):
    # U+3000 and U+FEFF are trimmed, U+0085 is not (Python's str.strip would do the opposite for both).
    rid = ids['rotation_ci']
    result = api.patch(BASE + '/' + rid, {'description': '\ufeff' + '\U0001F511' * 128 + '\u3000\n'})
    assert result.status == 200, result
    assert result.body['secretRotation']['description'] == '\U0001F511' * 128
    assert api.patch(BASE + '/' + rid, {'description': 'kept\x85'}).body['secretRotation']['description'] == 'kept\x85'


# --- content-type traps ------------------------------------------------------------------------------------------


def test_content_type_traps(api, ids, mock):
    rid = ids['rotation_ci']
    before = mock.rotation(rid)
    for method, path in (('POST', BASE + '/' + rid + '/rotate-secrets'), ('PATCH', BASE + '/' + rid), ('DELETE', BASE + '/' + rid)):
        result = api.request(method, path, raw=b'', content_type='application/json')
        assert_error(result, 500, 'InternalServerError', 'Something went wrong')
    assert_error(api.patch(BASE + '/' + rid, raw=b'{"rotationInterval": 7}'), 500, 'InternalServerError', 'Something went wrong')
    assert_error(api.patch(BASE + '/' + rid, raw=b'{not json', content_type='application/json'), 500, 'InternalServerError')
    assert_error(api.patch(BASE + '/' + rid, raw=b'rotationInterval=7', content_type='application/x-www-form-urlencoded'), 500, 'InternalServerError')
    assert issue(api.patch(BASE + '/' + rid, raw=b'{}', content_type='text/plain'))['code'] == 'invalid_type'
    after = mock.rotation(rid)
    assert after == before
    assert [entry['status'] for entry in mock.requests()] == [500, 500, 500, 500, 500, 500, 422]
    assert mock.requests()[0]['body_bytes'] == 0 and mock.requests()[3]['body'] == {'rotationInterval': 7}
    assert api.post(BASE + '/' + rid + '/rotate-secrets').status == 200
    assert api.post(BASE + '/' + rid + '/rotate-secrets', body={}).status == 200
    assert mock.rotation(rid)['rotationCount'] == before['rotationCount'] + 2


# --- read routes ---------------------------------------------------------------------------------------------------


def test_list(api, ids):
    result = api.get(BASE + '?projectId=' + ids['project_a'])
    names = [rotation['name'] for rotation in result.body['secretRotations']]
    assert names == ['dbt-ci', 'dbt-docs', 'dbt-adhoc', 'dbt-prod', 'dbt-nightly']
    assert all(rotation['type'] == 'dbt-service-token' for rotation in result.body['secretRotations'])
    assert [r['name'] for r in api.get(BASE + '?projectId=' + ids['project_b']).body['secretRotations']] == ['dbt-b']
    result = api.get(BASE)
    assert result.body['message'] == [{'code': 'invalid_type', 'expected': 'string', 'received': 'undefined', 'path': ['projectId'], 'message': 'Required'}]


def test_seeded_rotations_look_right(api, ids):
    ci = api.get(BASE + '/' + ids['rotation_ci']).body['secretRotation']
    assert (ci['activeIndex'], ci['rotationStatus'], ci['folder']['path'], ci['environment']['slug']) == (1, 'success', '/dbt/ci', 'dev')
    assert parse_iso(ci['nextRotationAt']) == expected_next(parse_iso(ci['lastRotatedAt']), 7, ci['rotateAtUtc'], False)
    adhoc = api.get(BASE + '/' + ids['rotation_adhoc']).body['secretRotation']
    assert adhoc['isAutoRotationEnabled'] is False and adhoc['nextRotationAt'] is None
    docs = api.get(BASE + '/' + ids['rotation_docs']).body['secretRotation']
    age = datetime.datetime.now(datetime.timezone.utc) - parse_iso(docs['lastRotatedAt'])
    assert datetime.timedelta(minutes=4) < age < datetime.timedelta(minutes=6)
    failed = api.get(BASE + '/' + ids['rotation_failed']).body['secretRotation']
    assert failed['rotationStatus'] == 'failed' and failed['lastRotationMessage'].startswith(ROTATE_PREFIX)
    assert parse_iso(failed['nextRotationAt']) == next_day_at(failed['rotateAtUtc'])
    credentials = api.get(BASE + '/' + ids['rotation_ci'] + '/generated-credentials').body
    assert [item['tokenId'] for item in credentials['generatedCredentials']] == [8001, 8002] and credentials['activeIndex'] == 1


def test_get_by_id_errors(api, ids):
    assert_error(api.get(BASE + '/' + MISSING_ID), 404, 'NotFound', 'Could not find DBT Service Token Rotation with ID "%s"' % MISSING_ID)
    assert_error(api.get(BASE + '/' + MISSING_ID + '/generated-credentials'), 404, 'NotFound')
    assert issue(api.get(BASE + '/not-a-uuid'))['path'] == ['rotationId']


def test_get_by_name(api, ids):
    query = '?projectId=%s&environment=dev&secretPath=%s'
    result = api.get(BASE + '/rotation-name/dbt-ci' + query % (ids['project_a'], '/dbt/ci/'))
    assert result.status == 200 and result.body['secretRotation']['id'] == ids['rotation_ci']
    assert_error(api.get(BASE + '/rotation-name/nope' + query % (ids['project_a'], '/dbt/ci')), 404, 'NotFound',
                 'Could not find DBT Service Token Rotation with name "nope"')
    assert_error(api.get(BASE + '/rotation-name/dbt-ci' + query % (ids['project_a'], '/nowhere')), 400, 'BadRequest',
                 'Could not find folder with path "/nowhere" in environment "dev" for project with ID "%s"' % ids['project_a'])
    result = api.get(BASE + '/rotation-name/dbt-ci?projectId=' + ids['project_a'])
    assert [item['path'] for item in result.body['message']] == [['secretPath'], ['environment']]
    assert issue(api.get(BASE + '/rotation-name/dbt-ci?projectId=%s&environment=&secretPath=/' % ids['project_a']))['message'] == 'Environment required'


# --- create --------------------------------------------------------------------------------------------------------


def test_create(api, ids, mock):
    before = datetime.datetime.now(datetime.timezone.utc)
    result = api.post(BASE, create_body())
    assert result.status == 200, result
    rotation = result.body['secretRotation']
    status = (rotation['activeIndex'], rotation['rotationStatus'], rotation['isLastRotationManual'], rotation['lastRotationMessage'])
    assert status == (0, 'success', True, None)
    assert rotation['lastRotatedAt'] == rotation['lastRotationAttemptedAt']
    assert parse_iso(rotation['lastRotatedAt']) >= before.replace(microsecond=before.microsecond // 1000 * 1000)
    assert parse_iso(rotation['nextRotationAt']) == expected_next(parse_iso(rotation['lastRotatedAt']), 30, {'hours': 3, 'minutes': 15}, True)
    assert rotation['connection'] == {'app': 'dbt', 'name': 'dbt-cloud-a', 'id': ids['connection_dbt_a']}
    internal = mock.rotation(rotation['id'])
    assert (internal['rotationCount'], internal['rotateAttempts'], len(internal['credentials'])) == (0, 0, 1)
    token = internal['credentials'][0]
    assert token['serviceToken'].startswith('dbtu_') and token['tokenId'] == 9001 and token['tokenName'] == 'infisical-new'
    assert secret(mock, ids['folder_a_dev_dbt'], 'DBT_NEW_TOKEN') == {'value': token['serviceToken'], 'version': 1}
    assert 9001 in live_ids(mock)
    assert mock.state()['dbt']['calls'][-1]['body'] == {'name': 'infisical-new', 'permission_grants': [{'permission_set': 'job_admin', 'project_id': 111}]}
    assert token['serviceToken'] in mock.secrets()
    assert mock.requests()[-1]['body']['secretsMapping'] == {'serviceToken': 'DBT_NEW_TOKEN'}
    defaults = api.post(BASE, create_body(name='dbt-off', isAutoRotationEnabled=False, rotateAtUtc=None, description=None,
                                          secretsMapping={'serviceToken': 'DBT_OFF'})).body['secretRotation']
    assert (defaults['rotateAtUtc'], defaults['nextRotationAt'], defaults['description']) == ({'hours': 0, 'minutes': 0}, None, None)


@pytest.mark.parametrize('changes, status, error, message', [
    ({'name': 'dbt-docs'}, 400, 'BadRequest', 'A Secret Rotation with the name "dbt-docs" already exists at the secret path "/dbt"'),
    ({'secretsMapping': {'serviceToken': 'EXISTING_SECRET'}}, 400, 'BadRequest', 'The following secrets already exist at the path "/dbt": EXISTING_SECRET'),
    ({'secretPath': '/nowhere'}, 400, 'BadRequest',
     'Could not find folder with path "/nowhere" in environment "dev" for project with ID "%s"' % DEFAULT['project_a']),
    ({'environment': 'staging'}, 400, 'BadRequest',
     'Could not find folder with path "/dbt" in environment "staging" for project with ID "%s"' % DEFAULT['project_a']),
    ({'connectionId': DEFAULT['connection_github_a']}, 400, 'BadRequest',
     'GitHub Connection with ID %s cannot be used to connect to DBT' % DEFAULT['connection_github_a']),
    ({'connectionId': DEFAULT['connection_dbt_b']}, 400, 'BadRequest',
     'You cannot connect project App Connection with ID "%s" from project with ID "%s" to project with ID "%s"'
     % (DEFAULT['connection_dbt_b'], DEFAULT['project_b'], DEFAULT['project_a'])),
    ({'connectionId': MISSING_ID}, 404, 'NotFound', 'Could not find App Connection with ID %s' % MISSING_ID),
    ({'projectId': 'no-such-project'}, 403, 'PermissionDenied', 'You are not allowed to create on secret-rotation'),
])
def test_create_failures_store_nothing(api, mock, changes, status, error, message):
    before = mock.state()
    assert_error(api.post(BASE, create_body(**changes)), status, error, message)
    after = mock.state()
    assert (after['rotations'], after['secrets'], after['dbt']['liveTokens']) == (before['rotations'], before['secrets'], before['dbt']['liveTokens'])


def test_create_with_dbt_failure(api, mock):
    mock.add_fault('POST', BASE, {'type': 'dbt_failure', 'message': 'Invalid permission set for account'})
    before = mock.state()
    assert_error(api.post(BASE, create_body()), 400, 'BadRequest', 'Failed to create service token: Invalid permission set for account')
    after = mock.state()
    assert after['rotations'] == before['rotations'] and after['secrets'] == before['secrets']
    assert api.post(BASE, create_body()).status == 200


# --- update --------------------------------------------------------------------------------------------------------


def test_patch_is_partial_and_recomputes_schedule(api, ids, mock):
    rid = ids['rotation_prod']
    before = api.get(BASE + '/' + rid).body['secretRotation']
    after = api.patch(BASE + '/' + rid, {'rotationInterval': 7}).body['secretRotation']
    changed = dict((key, after[key]) for key in after if after[key] != before[key])
    assert set(changed) == {'rotationInterval', 'updatedAt', 'nextRotationAt'}
    assert parse_iso(after['nextRotationAt']) == expected_next(parse_iso(before['lastRotatedAt']), 7, before['rotateAtUtc'], False)
    noop = api.patch(BASE + '/' + rid, {}).body['secretRotation']
    assert noop['updatedAt'] >= after['updatedAt']
    assert dict((k, v) for k, v in noop.items() if k != 'updatedAt') == dict((k, v) for k, v in after.items() if k != 'updatedAt')
    params = {'tokenName': 'infisical-prod-v2', 'permissionGrants': [{'permissionSet': 'job_admin'}]}
    dbt_before = mock.state()['dbt']
    updated = api.patch(BASE + '/' + rid, {'parameters': params, 'description': None, 'rotateAtUtc': {'hours': 23, 'minutes': 59}}).body['secretRotation']
    assert (updated['parameters'], updated['description'], updated['rotateAtUtc']) == (params, None, {'hours': 23, 'minutes': 59})
    off = api.patch(BASE + '/' + rid, {'isAutoRotationEnabled': False}).body['secretRotation']
    assert off['nextRotationAt'] is None
    assert mock.state()['dbt'] == dbt_before  # PATCH never calls dbt
    assert_error(api.patch(BASE + '/' + MISSING_ID, {'rotationInterval': 7}), 404, 'NotFound',
                 'Could not find DBT Service Token Rotation with ID %s' % MISSING_ID)


def test_patch_secrets_mapping_renames_the_secret(api, ids, mock):
    rid = ids['rotation_docs']
    value = secret(mock, ids['folder_a_dev_dbt'], 'DBT_DOCS_TOKEN')['value']
    result = api.patch(BASE + '/' + rid, {'secretsMapping': {'serviceToken': 'DOCS_TOKEN'}})
    assert result.body['secretRotation']['secretsMapping'] == {'serviceToken': 'DOCS_TOKEN'}
    assert secret(mock, ids['folder_a_dev_dbt'], 'DBT_DOCS_TOKEN') is None
    assert secret(mock, ids['folder_a_dev_dbt'], 'DOCS_TOKEN')['value'] == value
    assert_error(api.patch(BASE + '/' + rid, {'secretsMapping': {'serviceToken': 'EXISTING_SECRET'}}), 400, 'BadRequest',
                 'The following secrets already exist at the path "/dbt": EXISTING_SECRET')
    assert api.post(BASE, create_body(name='dbt-twin', secretsMapping={'serviceToken': 'TWIN'})).status == 200
    assert_error(api.patch(BASE + '/' + rid, {'name': 'dbt-twin'}), 400, 'BadRequest',
                 'A Secret Rotation with the name "dbt-twin" already exists at the secret path "/dbt"')
    assert api.patch(BASE + '/' + rid, {'name': 'dbt-docs-renamed'}).body['secretRotation']['name'] == 'dbt-docs-renamed'


def test_patch_that_makes_rotation_due_queues_a_job(api, ids, mock):
    rid = ids['rotation_ci']  # last rotated 3 days ago
    assert mock.state()['queuedJobs'] == []
    api.patch(BASE + '/' + rid, {'rotationInterval': 1})
    jobs = mock.state()['queuedJobs']
    assert len(jobs) == 1 and jobs[0]['rotationId'] == rid and jobs[0]['isManualRotation'] is True
    assert mock.rotation(rid)['rotationCount'] == 1  # recorded, not run
    api.patch(BASE + '/' + rid, {'rotationInterval': 30})
    assert len(mock.state()['queuedJobs']) == 1


# --- rotate --------------------------------------------------------------------------------------------------------


def test_two_rotations_are_dual_phase(api, ids, mock):
    created = api.post(BASE, create_body()).body['secretRotation']
    rid = created['id']
    path = BASE + '/' + rid
    token_a = mock.rotation(rid)['credentials'][0]
    first = api.post(path + '/rotate-secrets').body['secretRotation']
    state = mock.rotation(rid)
    token_b = state['credentials'][1]
    assert first['activeIndex'] == 1 and [c['tokenId'] for c in state['credentials']] == [token_a['tokenId'], token_b['tokenId']]
    assert token_a['tokenId'] in live_ids(mock)
    second = api.post(path + '/rotate-secrets').body['secretRotation']
    state = mock.rotation(rid)
    token_c = state['credentials'][0]
    assert second['activeIndex'] == 0 and [c['tokenId'] for c in state['credentials']] == [token_c['tokenId'], token_b['tokenId']]
    assert token_a['tokenId'] in mock.state()['dbt']['revokedIds'] and token_a['tokenId'] not in live_ids(mock)
    assert token_b['tokenId'] in live_ids(mock) and token_c['tokenId'] in live_ids(mock)
    assert (state['rotationCount'], state['rotateAttempts']) == (2, 2)
    assert secret(mock, ids['folder_a_dev_dbt'], 'DBT_NEW_TOKEN') == {'value': token_c['serviceToken'], 'version': 3}
    assert (second['rotationStatus'], second['isLastRotationManual'], second['lastRotationMessage']) == ('success', True, None)
    assert second['lastRotatedAt'] == second['lastRotationAttemptedAt'] == second['updatedAt']
    credentials = api.get(path + '/generated-credentials').body
    assert credentials == {'generatedCredentials': state['credentials'], 'activeIndex': 0, 'rotationId': rid, 'type': 'dbt-service-token'}
    calls = [(call['method'], call['path'].split('/')[-1] or call['path'].split('/')[-2]) for call in mock.state()['dbt']['calls'][-4:]]
    assert calls == [('GET', '70403103'), ('GET', str(token_a['tokenId'])), ('DELETE', str(token_a['tokenId'])), ('POST', 'service-tokens')]


def test_failed_rotation_then_recovery(api, ids, mock):
    rid = ids['rotation_ci']  # credentials [8001, 8002], active 1
    path = BASE + '/' + rid
    mock.add_fault('POST', path + '/rotate-secrets', {'type': 'dbt_failure'})
    result = api.post(path + '/rotate-secrets')
    assert_error(result, 500, 'InternalServerError', ROTATE_PREFIX + 'Failed to create service token: ' + DBT_REFUSAL)
    failed = api.get(path).body['secretRotation']
    assert (failed['rotationStatus'], failed['lastRotationMessage'], failed['activeIndex']) == ('failed', result.body['message'], 1)
    assert failed['lastRotationAttemptedAt'] == failed['updatedAt'] and failed['lastRotatedAt'] < failed['lastRotationAttemptedAt']
    assert parse_iso(failed['nextRotationAt']) == next_day_at(failed['rotateAtUtc'])
    assert 8001 in mock.state()['dbt']['revokedIds'] and 8002 in live_ids(mock)
    assert (mock.rotation(rid)['rotationCount'], mock.rotation(rid)['rotateAttempts']) == (1, 2)
    assert secret(mock, ids['folder_a_dev_dbt_ci'], 'DBT_CI_TOKEN')['value'] == seed_token(mock, 8002)
    recovered = api.post(path + '/rotate-secrets').body['secretRotation']
    assert (recovered['rotationStatus'], recovered['lastRotationMessage'], recovered['activeIndex']) == ('success', None, 0)
    assert [c['tokenId'] for c in mock.rotation(rid)['credentials']] == [9001, 8002]


def seed_token(mock, token_id):
    return [token['tokenString'] for token in mock.seed['dbt']['tokens'] if token['id'] == token_id][0]


def test_rotate_works_with_auto_rotation_off_and_unknown_ids(api, ids):
    assert api.post(BASE + '/' + ids['rotation_adhoc'] + '/rotate-secrets').body['secretRotation']['nextRotationAt'] is None
    assert_error(api.post(BASE + '/' + MISSING_ID + '/rotate-secrets'), 404, 'NotFound',
                 'Could not find DBT Service Token Rotation with ID "%s"' % MISSING_ID)


# --- delete --------------------------------------------------------------------------------------------------------


def test_delete_default_keeps_secret_and_tokens(api, ids, mock):
    rid = ids['rotation_ci']
    before = api.get(BASE + '/' + rid).body
    result = api.delete(BASE + '/' + rid)
    assert result.body == before
    assert mock.rotation(rid) is None
    assert secret(mock, ids['folder_a_dev_dbt_ci'], 'DBT_CI_TOKEN') is not None
    assert 8001 in live_ids(mock) and 8002 in live_ids(mock)
    assert_error(api.delete(BASE + '/' + rid), 404, 'NotFound', 'Could not find DBT Service Token Rotation with ID "%s"' % rid)
    assert_error(api.post(BASE, create_body(name='dbt-ci', secretPath='/dbt/ci', secretsMapping={'serviceToken': 'DBT_CI_TOKEN'})),
                 400, 'BadRequest', 'The following secrets already exist at the path "/dbt/ci": DBT_CI_TOKEN')


def test_delete_with_secrets_and_revoke(api, ids, mock):
    rid = ids['rotation_prod']
    assert api.delete(BASE + '/' + rid + '?deleteSecrets=true&revokeGeneratedCredentials=true').status == 200
    assert secret(mock, ids['folder_a_prod_dbt'], 'DBT_PROD_TOKEN') is None
    assert 8006 in mock.state()['dbt']['revokedIds'] and 8007 in mock.state()['dbt']['revokedIds']
    result = api.delete(BASE + '/' + ids['rotation_ci'] + '?deleteSecrets=yes')
    assert issue(result) == {'received': 'yes', 'code': 'invalid_enum_value', 'options': ['true', 'false'], 'path': ['deleteSecrets'],
                             'message': "Invalid enum value. Expected 'true' | 'false', received 'yes'"}
    assert api.delete(BASE + '/' + ids['rotation_docs'] + '?deleteSecrets=false&revokeGeneratedCredentials=true').status == 200
    assert secret(mock, ids['folder_a_dev_dbt'], 'DBT_DOCS_TOKEN') is not None and 8003 not in live_ids(mock)


# --- unlicensed ----------------------------------------------------------------------------------------------------


def test_unlicensed_mode(api, ids, mock):
    mock.configure(licensed=False)
    rid = ids['rotation_ci']
    cases = [
        ('GET', BASE + '?projectId=' + ids['project_a'], None, 'unlicensed-02'),
        ('POST', BASE, create_body(), 'unlicensed-03'),
        ('GET', BASE + '/' + rid, None, 'unlicensed-04'),
        ('PATCH', BASE + '/' + rid, {'rotationInterval': 7}, 'unlicensed-05'),
        ('POST', BASE + '/' + rid + '/rotate-secrets', None, 'unlicensed-06'),
    ]
    for method, path, body, name in cases:
        expected = recording(name)['response_body']
        assert_error(api.request(method, path, body=body), 400, 'BadRequest', expected['message'])
    assert_error(api.get(BASE + '/' + rid + '/generated-credentials'), 400, 'BadRequest')
    assert_error(api.get(BASE + '/rotation-name/dbt-ci?projectId=%s&environment=dev&secretPath=/x' % ids['project_a']), 400, 'BadRequest',
                 recording('unlicensed-04')['response_body']['message'])
    assert api.delete(BASE + '/' + rid).status == 200
    assert_error(api.delete(BASE + '/' + MISSING_ID), 404, 'NotFound', recording('unlicensed-07')['response_body']['message'])
    unlicensed_seed = dict(mock.seed, licensed=False)
    mock.reset(unlicensed_seed)
    assert api.get(BASE + '/' + rid).status == 400
    mock.reset()
    assert api.get(BASE + '/' + rid).status == 200


# --- faults --------------------------------------------------------------------------------------------------------


def test_status_fault_fires_exactly_n_times_without_applying(api, ids, mock):
    rid = ids['rotation_ci']
    mock.add_fault('POST', r'.*/rotate-secrets', {'type': 'status', 'status': 503}, count=2)
    assert [fault['remaining'] for fault in mock.faults()] == [2]
    first = api.post(BASE + '/' + rid + '/rotate-secrets')
    assert_error(first, 503, 'ServiceUnavailable')
    assert [fault['remaining'] for fault in mock.faults()] == [1]
    assert api.post(BASE + '/' + rid + '/rotate-secrets').status == 503
    assert mock.faults() == []
    assert mock.rotation(rid)['rotationCount'] == 1
    assert api.post(BASE + '/' + rid + '/rotate-secrets').status == 200
    assert [(entry['fault'], entry['status'], entry['handled_status']) for entry in mock.requests()] == [
        ('status', 503, None), ('status', 503, None), (None, 200, 200)]


def test_status_fault_bodies(api, ids, mock):
    path = BASE + '/' + ids['rotation_ci']
    mock.add_fault('GET', path, {'type': 'status', 'status': 500})
    mock.add_fault('GET', path, {'type': 'status', 'status': 502})
    mock.add_fault('GET', path, {'type': 'status', 'status': 504, 'body': 'upstream timed out'})
    mock.add_fault('*', path, {'type': 'status', 'status': 418, 'body': {'custom': True}})
    assert_error(api.get(path), 500, 'InternalServerError', 'Something went wrong')
    proxy = api.get(path)
    assert proxy.status == 502 and proxy.headers['content-type'] == 'text/html' and b'502 Bad Gateway' in proxy.raw
    timeout = api.get(path)
    assert (timeout.status, timeout.raw, timeout.headers['content-type']) == (504, b'upstream timed out', 'text/plain; charset=utf-8')
    custom = api.get(path)
    assert (custom.status, custom.body) == (418, {'custom': True})
    assert api.get(path).status == 200


def test_rate_limit_faults(api, ids, mock):
    path = BASE + '/' + ids['rotation_ci']
    mock.add_fault('GET', path, {'type': 'rate_limit', 'retry_after': 7})
    mock.add_fault('GET', path, {'type': 'rate_limit', 'retry_after_date': 30})
    mock.add_fault('GET', path, {'type': 'rate_limit', 'ratelimit_reset': 12})
    mock.add_fault('GET', path, {'type': 'rate_limit'})
    result = api.get(path)
    assert_error(result, 429, 'RateLimitExceeded', 'Rate limit exceeded. Please try again in 7 seconds')
    assert result.headers['retry-after'] == '7' and 'x-ratelimit-reset' not in result.headers
    result = api.get(path)
    wait = email.utils.parsedate_to_datetime(result.headers['retry-after']) - datetime.datetime.now(datetime.timezone.utc)
    assert datetime.timedelta(seconds=25) < wait <= datetime.timedelta(seconds=31)
    result = api.get(path)
    assert result.headers['x-ratelimit-reset'] == '12' and 'retry-after' not in result.headers
    assert result.body['message'] == 'Rate limit exceeded. Please try again in 12 seconds'
    result = api.get(path)
    assert 'retry-after' not in result.headers and 'x-ratelimit-reset' not in result.headers
    assert result.body['message'] == 'Rate limit exceeded. Please try again in 1 seconds'
    assert api.get(path).status == 200


def test_reset_fault_really_resets(api, ids, mock):
    path = BASE + '/' + ids['rotation_ci'] + '/rotate-secrets'
    mock.add_fault('POST', path, {'type': 'reset'})
    with pytest.raises(ConnectionResetError):
        api.post(path)
    assert mock.rotation(ids['rotation_ci'])['rotationCount'] == 1
    mock.add_fault('POST', path, {'type': 'apply_then_reset'})
    with pytest.raises(ConnectionResetError):
        api.post(path)
    assert mock.rotation(ids['rotation_ci'])['rotationCount'] == 2
    entries = mock.requests()
    assert [(e['fault'], e['status'], e['handled_status']) for e in entries] == [('reset', None, None), ('apply_then_reset', None, 200)]


def test_delay_fault(api, ids, mock):
    path = BASE + '/' + ids['rotation_ci']
    mock.add_fault('GET', path, {'type': 'delay', 'seconds': 0.6})
    started = time.monotonic()
    assert api.get(path).status == 200
    assert time.monotonic() - started >= 0.6
    mock.add_fault('GET', path, {'type': 'delay', 'seconds': 1})
    with pytest.raises(socket.timeout):
        api.get(path, timeout=0.3)


def test_apply_then_hang_holds_the_rotation_lock(api, ids, mock):
    rid = ids['rotation_ci']
    path = BASE + '/' + rid + '/rotate-secrets'
    mock.add_fault('POST', path, {'type': 'apply_then_hang', 'seconds': 4})
    with pytest.raises(socket.timeout):
        api.post(path, timeout=0.5)
    during = mock.rotation(rid)
    assert during['rotationCount'] == 2 and during['rotationLocked'] is True and during['activeIndex'] == 0
    assert_error(api.post(path), 400, 'BadRequest', 'A rotation is already in progress. Please try again shortly.')
    assert api.get(BASE + '/' + rid).body['secretRotation']['activeIndex'] == 0  # reads go on
    deadline = time.monotonic() + 5
    while mock.rotation(rid)['rotationLocked'] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert api.post(path).status == 200
    assert mock.rotation(rid)['rotationCount'] == 3


def test_apply_then_status(api, ids, mock):
    path = BASE + '/' + ids['rotation_ci']
    mock.add_fault('PATCH', path, {'type': 'apply_then_status', 'status': 502})
    result = api.patch(path, {'rotationInterval': 3})
    assert result.status == 502
    assert mock.rotation(ids['rotation_ci'])['rotationInterval'] == 3
    assert mock.requests()[-1]['handled_status'] == 200


def test_concurrent_requests_are_served(api, ids, mock):
    path = BASE + '/' + ids['rotation_ci']
    mock.add_fault('GET', path, {'type': 'delay', 'seconds': 1})
    results = []
    thread = threading.Thread(target=lambda: results.append(api.get(path).status))
    thread.start()
    time.sleep(0.1)
    started = time.monotonic()
    assert api.get(BASE + '/' + ids['rotation_prod']).status == 200
    assert time.monotonic() - started < 0.9  # served beside the delayed one, not after its 1 s
    thread.join(5)
    assert results == [200]


def test_fault_definitions_are_checked(mock):
    for spec in ({'method': 'GET', 'path': '(', 'action': {'type': 'reset'}},
                 {'method': 'GET', 'path': '.*', 'action': {'type': 'explode'}},
                 {'method': 'GET', 'path': '.*', 'count': 0, 'action': {'type': 'reset'}},
                 {'method': 'GET', 'path': '.*', 'action': {'type': 'status'}},
                 {'method': 'GET', 'path': '.*', 'action': {'type': 'delay'}}):
        with pytest.raises(MockInfisicalError) as info:
            mock.call('POST', '/__mock/faults', spec)
        assert '400' in str(info.value)
    mock.add_fault('GET', '.*', {'type': 'reset'}, count=5)
    mock.clear_faults()
    assert mock.faults() == []


def test_status_faults_send_any_body_at_any_status_as_given(api, ids, mock):
    rid = ids['rotation_ci']
    path = BASE + '/' + rid
    for status in (200, 401, 404, 422, 429, 501, 503):
        page = '<!DOCTYPE html><html><body><h1>%d from a proxy</h1> caf\u00e9</body></html>' % status
        mock.add_fault('GET', path, {'type': 'status', 'status': status, 'body': page, 'content_type': 'text/html'})
        result = api.get(path, check=False)
        assert (result.status, result.raw, result.headers['content-type']) == (status, page.encode('utf-8'), 'text/html')
        mock.add_fault('POST', path + '/rotate-secrets', {'type': 'apply_then_status', 'status': status, 'body': 'plain %d' % status,
                                                          'content_type': 'text/plain'})
        result = api.post(path + '/rotate-secrets', check=False)
        assert (result.status, result.raw, result.headers['content-type']) == (status, b'plain %d' % status, 'text/plain')
    mock.add_fault('GET', path, {'type': 'status', 'status': 200, 'body': '', 'content_type': 'text/html; charset=iso-8859-1'})
    result = api.get(path, check=False)
    assert (result.status, result.raw, result.headers['content-type']) == (200, b'', 'text/html; charset=iso-8859-1')
    assert mock.rotation(rid)['rotationCount'] == 8  # every apply_then_status rotated
    assert [entry['fault'] for entry in mock.requests()] == ['status', 'apply_then_status'] * 7 + ['status']


def test_drip_fault_sends_the_body_one_byte_at_a_time(api, ids, mock):
    path = BASE + '/' + ids['rotation_ci']
    normal = api.get(path)
    interval = 0.002
    mock.add_fault('GET', path, {'type': 'drip', 'interval': interval})
    connection = http.client.HTTPConnection(api.host, api.port, timeout=10)
    try:
        started = time.monotonic()
        connection.request('GET', path, headers={'Authorization': 'Bearer ' + ids['admin_token']})
        response = connection.getresponse()
        headers_after = time.monotonic() - started
        first = response.read(1)
        first_after = time.monotonic() - started
        body = first + response.read()
        elapsed = time.monotonic() - started
    finally:
        connection.close()
    assert (response.status, body) == (200, normal.raw)
    assert response.getheader('content-length') == str(len(body)) and response.getheader('connection') == 'close'
    assert response.getheader('x-request-id').startswith('req-') and response.getheader('etag') == normal.headers['etag']
    minimum = len(body) * interval
    assert headers_after < minimum / 2  # the status line and headers came at once
    assert minimum <= elapsed < minimum * 3 + 2, (len(body), elapsed)
    assert first_after < elapsed / 4  # the body trickled in: its first byte long before its last
    entry = mock.requests()[-1]
    assert (entry['fault'], entry['status'], entry['handled_status'], entry['spec_violations']) == ('drip', 200, 200, [])


def test_drip_fault_with_headers_misses_a_total_deadline_but_applies(api, ids, mock):
    rid = ids['rotation_ci']
    path = BASE + '/' + rid + '/rotate-secrets'
    mock.add_fault('POST', path, {'type': 'drip', 'interval': 0.05, 'headers': True})
    received = b''
    sock = socket.create_connection((api.host, api.port), timeout=5)
    try:
        sock.sendall(('POST %s HTTP/1.1\r\nHost: %s:%d\r\nAuthorization: Bearer %s\r\nContent-Length: 0\r\n\r\n'
                      % (path, api.host, api.port, ids['admin_token'])).encode('ascii'))
        deadline = time.monotonic() + 1  # the whole answer must be in within 1 s
        while time.monotonic() < deadline:
            sock.settimeout(max(0.001, deadline - time.monotonic()))
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            received += chunk
    finally:
        sock.close()
    # Each recv got something within its own timeout, yet after 1 s not even the status line and headers are complete.
    assert 1 <= len(received) <= 25 and b'\r\n\r\n' not in received, received
    assert b'HTTP/1.1 200 OK\r\nServer: mock-infisical\r\n'.startswith(received)
    rotation = mock.rotation(rid)
    assert rotation['rotationCount'] == 2 and rotation['rotationLocked'] is False  # applied, lock released before the drip
    entry = mock.requests()[-1]
    assert (entry['fault'], entry['status'], entry['handled_status']) == ('drip', 200, 200)
    assert api.post(path).status == 200  # the server dropped the hung-up client and serves on
    assert mock.rotation(rid)['rotationCount'] == 3


def test_stale_fault_answers_the_unchanged_rotation_and_applies_nothing(api, ids, mock):
    rid = ids['rotation_ci']
    path = BASE + '/' + rid
    before = api.get(path)
    live = live_ids(mock)
    mock.add_fault('*', path + '(/rotate-secrets)?', {'type': 'stale'}, count=4)
    for result in (api.post(path + '/rotate-secrets'), api.patch(path, {'rotationInterval': 3, 'description': 'changed'}),
                   api.delete(path + '?deleteSecrets=true&revokeGeneratedCredentials=true'), api.get(path)):
        assert (result.status, result.body) == (200, before.body)
        assert result.headers['etag'] == before.headers['etag'] and result.headers['x-request-id'].startswith('req-')
        assert result.headers['content-type'] == 'application/json; charset=utf-8'
    rotation = mock.rotation(rid)
    assert (rotation['rotationCount'], rotation['rotateAttempts'], rotation['rotationInterval'], rotation['description']) == (
        1, 1, 7, before.body['secretRotation']['description'])
    assert live_ids(mock) == live and mock.state()['dbt']['calls'] == []
    entries = mock.requests()[1:]
    assert [(e['fault'], e['status'], e['handled_status'], e['spec_violations']) for e in entries] == [('stale', 200, None, [])] * 4
    # No such rotation: the normal answer; a route without a rotation id: handled normally.
    mock.add_fault('POST', r'.*/rotate-secrets', {'type': 'stale'})
    assert_error(api.post(BASE + '/' + MISSING_ID + '/rotate-secrets'), 404, 'NotFound',
                 'Could not find DBT Service Token Rotation with ID "%s"' % MISSING_ID)
    mock.add_fault('PATCH', '.*', {'type': 'stale'})
    assert_error(api.patch(BASE + '/' + MISSING_ID, {'description': 'x'}), 404, 'NotFound',
                 'Could not find DBT Service Token Rotation with ID %s' % MISSING_ID)
    mock.add_fault('POST', BASE, {'type': 'stale'})
    created = api.post(BASE, create_body())
    assert created.status == 200 and created.body['secretRotation']['id'] in mock.state()['rotations']
    assert [(e['fault'], e['status'], e['handled_status']) for e in mock.requests()[-3:]] == [
        ('stale', 404, 404), ('stale', 404, 404), ('stale', 200, 200)]


def test_reshape_fault_changes_the_answer_after_applying(api, ids, mock):
    rid = ids['rotation_ci']
    path = BASE + '/' + rid
    mock.add_fault('POST', path + '/rotate-secrets', {'type': 'reshape', 'drop': ['activeIndex', 'nextRotationAt', 'absent'],
                                                      'set': {'lastRotatedAt': 'yesterday', 'id': 'not-a-uuid', 'extra': {'a': [1]}}})
    result = api.post(path + '/rotate-secrets', check=False)
    rotation = mock.rotation(rid)
    assert result.status == 200 and rotation['rotationCount'] == 2
    expected = api.get(path).body['secretRotation']
    for key in ('activeIndex', 'nextRotationAt'):
        expected.pop(key)
    expected.update({'lastRotatedAt': 'yesterday', 'id': 'not-a-uuid', 'extra': {'a': [1]}})
    assert result.body == {'secretRotation': expected}
    assert result.headers['x-request-id'].startswith('req-') and result.headers['content-type'] == 'application/json; charset=utf-8'
    # member replaces the whole member (after drop/set); status changes the status; PATCH applied.
    for member in ([], None, 'a string', {'only': 1}):
        mock.add_fault('PATCH', path, {'type': 'reshape', 'drop': ['id'], 'member': member, 'status': 201})
        result = api.patch(path, {'description': 'member %r' % (member,)}, check=False)
        assert (result.status, result.body) == (201, {'secretRotation': member})
        assert mock.rotation(rid)['description'] == 'member %r' % (member,)
    # Every element of a list answer.
    mock.add_fault('GET', BASE, {'type': 'reshape', 'drop': ['name'], 'set': {'type': 'other'}})
    listed = api.get(BASE + '?projectId=' + ids['project_a'], check=False).body['secretRotations']
    assert len(listed) == 5 and all('name' not in item and item['type'] == 'other' for item in listed)
    # Only status: the answer's body untouched.
    mock.add_fault('GET', path, {'type': 'reshape', 'status': 503})
    result = api.get(path, check=False)
    assert (result.status, result.body) == (503, api.get(path).body)
    entries = mock.requests()
    assert [(e['fault'], e['status'], e['handled_status']) for e in entries if e['fault']] == (
        [('reshape', 200, 200)] + [('reshape', 201, 200)] * 4 + [('reshape', 200, 200), ('reshape', 503, 200)])
    assert all(entry['spec_violations'] == [] for entry in entries)


def test_reshape_fault_without_applying_and_on_error_answers(api, ids, mock):
    rid = ids['rotation_ci']
    path = BASE + '/' + rid
    before = api.get(path).body['secretRotation']
    mock.add_fault('POST', path + '/rotate-secrets', {'type': 'reshape', 'apply': False, 'set': {'rotationStatus': 'weird'}})
    result = api.post(path + '/rotate-secrets', check=False)
    assert (result.status, result.body) == (200, {'secretRotation': dict(before, rotationStatus='weird')})
    assert mock.rotation(rid)['rotationCount'] == 1 and mock.state()['dbt']['calls'] == []
    mock.add_fault('DELETE', path, {'type': 'reshape', 'apply': False, 'member': None})
    assert api.delete(path, check=False).body == {'secretRotation': None}
    assert rid in mock.state()['rotations']
    # No rotation id in the path: the normal answer, nothing applied... by the route, which reads only.
    mock.add_fault('GET', BASE, {'type': 'reshape', 'apply': False, 'drop': ['id']})
    listed = api.get(BASE + '?projectId=' + ids['project_a'], check=False).body['secretRotations']
    assert len(listed) == 5 and all('id' not in item for item in listed)
    # An error answer has no rotation member: only the status changes.
    mock.add_fault('POST', r'.*/rotate-secrets', {'type': 'reshape', 'apply': False, 'drop': ['message'], 'member': [], 'status': 200})
    result = api.post(BASE + '/' + MISSING_ID + '/rotate-secrets', check=False)
    assert result.status == 200 and result.body['statusCode'] == 404 and result.body['error'] == 'NotFound' and 'message' in result.body
    mock.add_fault('GET', path, {'type': 'reshape', 'set': {'x': 1}})
    assert_error(api.get(path, token=None, check=False), 401, 'UnauthorizedError')
    entries = [e for e in mock.requests() if e['fault']]
    assert [(e['fault'], e['status'], e['handled_status']) for e in entries] == [
        ('reshape', 200, None), ('reshape', 200, None), ('reshape', 200, 200), ('reshape', 200, 404), ('reshape', 401, 401)]
    assert all(entry['spec_violations'] == [] for entry in mock.requests())


@pytest.mark.parametrize('action, message', [
    ({'type': 'drip'}, 'action.interval is required for a drip fault'),
    ({'type': 'drip', 'interval': 0}, 'action.interval must be a number > 0'),
    ({'type': 'drip', 'interval': -0.5}, 'action.interval must be a number > 0'),
    ({'type': 'drip', 'interval': '0.1'}, 'action.interval must be a number > 0'),
    ({'type': 'drip', 'interval': True}, 'action.interval must be a number > 0'),
    ({'type': 'drip', 'interval': 0.1, 'headers': 'yes'}, 'action.headers must be true or false'),
    ({'type': 'drip', 'interval': 0.1, 'seconds': 1}, 'unknown action keys for drip: seconds'),
    ({'type': 'stale', 'status': 200}, 'unknown action keys for stale: status'),
    ({'type': 'reshape', 'drop': 'id'}, 'action.drop must be a list of key names (strings)'),
    ({'type': 'reshape', 'drop': ['id', 3]}, 'action.drop must be a list of key names (strings)'),
    ({'type': 'reshape', 'drop': None}, 'action.drop must be a list of key names (strings)'),
    ({'type': 'reshape', 'set': ['id']}, 'action.set must be an object'),
    ({'type': 'reshape', 'set': 'x'}, 'action.set must be an object'),
    ({'type': 'reshape', 'status': 'teapot'}, 'action.status must be an HTTP status code'),
    ({'type': 'reshape', 'status': 600}, 'action.status must be an HTTP status code'),
    ({'type': 'reshape', 'status': 200.0}, 'action.status must be an HTTP status code'),
    ({'type': 'reshape', 'status': True}, 'action.status must be an HTTP status code'),
    ({'type': 'reshape', 'apply': 'no'}, 'action.apply must be true or false'),
    ({'type': 'reshape', 'replace': {}}, 'unknown action keys for reshape: replace'),
    ({'type': 'status', 'status': 200, 'body': 'x', 'content_type': 5}, 'action.content_type must be a string'),
])
def test_new_fault_definitions_are_checked(mock, action, message):
    with pytest.raises(MockInfisicalError) as info:
        mock.call('POST', '/__mock/faults', {'method': 'GET', 'path': '.*', 'action': action})
    assert '400' in str(info.value) and message in str(info.value)
    assert mock.faults() == []


def test_new_fault_definitions_are_accepted(mock):
    for action in ({'type': 'drip', 'interval': 0.01}, {'type': 'drip', 'interval': 1, 'headers': True}, {'type': 'stale'},
                   {'type': 'reshape'}, {'type': 'reshape', 'apply': False, 'drop': [], 'set': {}, 'member': None, 'status': 200}):
        mock.add_fault('GET', '.*', action)
    assert [fault['action'] for fault in mock.faults()][-1] == {
        'type': 'reshape', 'apply': False, 'drop': [], 'set': {}, 'member': None, 'status': 200}
    mock.clear_faults()


# --- log, state, secrets -------------------------------------------------------------------------------------------


def test_request_log_redacts_secrets(api, ids, mock):
    api.post(OIDC_LOGIN, {'identityId': ids['oidc'], 'jwt': ids['oidc_jwt']}, token=None, headers={'User-Agent': 'pytest-mock'})
    api.patch(BASE + '/' + ids['rotation_ci'] + '?x=1', raw=b'not json ' + ids['admin_client_secret'].encode(), content_type='text/plain')
    first, second = mock.requests()
    assert first['body'] == {'identityId': ids['oidc'], 'jwt': 'REDACTED'} and first['user_agent'] == 'pytest-mock'
    assert first['authorization'] is None and second['authorization'] == 'Bearer ***'
    assert second['query'] == {'x': '1'} and second['content_type'] == 'text/plain' and second['body'] == 'not json REDACTED'
    log_text = json.dumps(mock.requests())
    for value in mock.secrets():
        assert value not in log_text
    values = mock.secrets()
    assert ids['admin_client_secret'] in values and ids['oidc_jwt'] in values and ids['admin_token'] in values
    assert all(token['tokenString'] in values for token in mock.seed['dbt']['tokens'])
    mock.clear_requests()
    assert mock.requests() == []


def test_well_known_ids_match_the_loaded_seed(mock, ids):
    assert ids == DEFAULT
    state = mock.state()
    assert set(state['rotations']) == {ids[key] for key in DBT_ROTATION_KEYS + OTHER_ROTATION_KEYS}
    for rotation in state['rotations'].values():
        active = rotation['credentials'][rotation['activeIndex']]
        folder_secrets = state['secrets'][rotation['folderId']]['secrets']
        for key, name in rotation['secretsMapping'].items():
            assert folder_secrets[name]['value'] == active[key]


# --- every answer against the spec -----------------------------------------------------------------------------------


def test_every_operation_and_status_conforms_to_spec(api, ids, mock):
    rid = ids['rotation_ci']
    by_name = BASE + '/rotation-name/dbt-ci?projectId=%s&environment=dev&secretPath=%s'
    calls = [
        ('GET', BASE + '?projectId=' + ids['project_a'], None), ('GET', BASE, None),
        ('GET', BASE + '/' + rid, None), ('GET', BASE + '/' + MISSING_ID, None), ('GET', BASE + '/bad', None),
        ('GET', by_name % (ids['project_a'], '/dbt/ci'), None), ('GET', by_name % (ids['project_a'], '/no'), None),
        ('GET', BASE + '/rotation-name/x?projectId=%s&environment=dev&secretPath=/' % ids['project_a'], None),
        ('GET', BASE + '/rotation-name/x', None),
        ('GET', BASE + '/' + rid + '/generated-credentials', None), ('GET', BASE + '/' + MISSING_ID + '/generated-credentials', None),
        ('GET', BASE + '/bad/generated-credentials', None),
        ('POST', BASE, create_body()), ('POST', BASE, create_body()), ('POST', BASE, {}),
        ('POST', BASE, create_body(connectionId=MISSING_ID, name='x')),
        ('PATCH', BASE + '/' + rid, {'description': 'x'}), ('PATCH', BASE + '/' + MISSING_ID, {}), ('PATCH', BASE + '/' + rid, {'name': 'X'}),
        ('POST', BASE + '/' + rid + '/rotate-secrets', None), ('POST', BASE + '/' + MISSING_ID + '/rotate-secrets', None),
        ('POST', BASE + '/bad/rotate-secrets', None),
        ('DELETE', BASE + '/' + MISSING_ID, None), ('DELETE', BASE + '/bad', None), ('DELETE', BASE + '/' + rid, None),
    ]
    for method, path, body in calls:
        api.request(method, path, body=body)
        api.request(method, path, body=body, token=None)
        api.request(method, path, body=body, token='garbage')
        api.request(method, path, body=body, token=ids['viewer_token'])
        api.request(method, path, raw=b'', content_type='application/json')
    mock.add_fault('POST', r'.*/rotate-secrets', {'type': 'dbt_failure'})
    api.post(BASE + '/' + ids['rotation_prod'] + '/rotate-secrets')
    # A GET cannot make the mock fail; a status fault gives the 500 an unexpected server error would.
    mock.add_fault('GET', '.*', {'type': 'status', 'status': 500}, count=4)
    for path in (BASE + '?projectId=x', BASE + '/' + MISSING_ID, by_name % ('x', '/'), BASE + '/' + MISSING_ID + '/generated-credentials'):
        assert api.get(path).status == 500
    # The list's only 400: an instance without the licence (this test must not rely on another one's calls).
    mock.configure(licensed=False)
    assert api.get(BASE + '?projectId=' + ids['project_a']).status == 400
    mock.configure(licensed=True)
    for login_body in ({'clientId': 'client-admin', 'clientSecret': DEFAULT['admin_client_secret']}, {'clientId': 'x', 'clientSecret': 'y'}, {}):
        api.post(UA_LOGIN, login_body, token=None)
    for login_body in ({'identityId': ids['oidc'], 'jwt': ids['oidc_jwt']}, {'identityId': 'x', 'jwt': 'y'}, {'identityId': ids['oidc'], 'jwt': 'y'}, {}):
        api.post(OIDC_LOGIN, login_body, token=None)
    operations = ['listDBTServiceTokenRotations', 'getDBTServiceTokenRotation', 'getDBTServiceTokenRotationByName',
                  'getDBTServiceTokenRotationGeneratedCredentials', 'createDBTServiceTokenRotation', 'updateDBTServiceTokenRotation',
                  'rotateDBTServiceTokenRotation', 'deleteDBTServiceTokenRotation']
    for operation in operations:
        statuses = set(status for op, status in CHECKER.checked if op == operation)
        assert {200, 401, 403, 422, 500} <= statuses, (operation, statuses)
        assert statuses & {400, 404}, (operation, statuses)
    assert {200, 401, 422} <= set(status for op, status in CHECKER.checked if op == 'universalAuthLogin')
    assert {200, 401, 404, 422} <= set(status for op, status in CHECKER.checked if op == 'oidcAuthLogin')


# --- replay of recorded exchanges ----------------------------------------------------------------------------------


def same_shape(actual, expected, path='$'):
    """Same keys at every level and compatible JSON types (null matches anything)."""
    if actual is None or expected is None:
        return
    if isinstance(expected, dict):
        assert isinstance(actual, dict), path
        assert set(actual) == set(expected), (path, sorted(set(actual) ^ set(expected)))
        for key in expected:
            same_shape(actual[key], expected[key], path + '.' + key)
    elif isinstance(expected, list):
        assert isinstance(actual, list), path
        if actual and expected:
            same_shape(actual[0], expected[0], path + '[0]')
    elif isinstance(expected, bool) or isinstance(actual, bool):
        assert isinstance(actual, bool) and isinstance(expected, bool), path
    elif isinstance(expected, (int, float)):
        assert isinstance(actual, (int, float)), path
    else:
        assert isinstance(actual, type(expected)), path


# (recording, who sends it): replayed in order against one fresh state.
MAIN_REPLAY = [
    ('main-02', 'admin'), ('main-05', 'admin'), ('main-06', 'admin'), ('main-07', 'admin'), ('main-08', 'admin'), ('main-09', 'admin'),
    ('main-10', 'admin'), ('main-11', 'admin'), ('main-12', 'admin'), ('main-13', 'admin'), ('main-14', 'admin'), ('main-17', 'admin'),
    ('main-18', 'admin'), ('main-19', 'admin'), ('main-20', 'admin'), ('main-22', 'admin'), ('main-23', 'admin'), ('main-24', 'admin'),
    ('main-25', 'admin'), ('main-26', 'admin'), ('main-27', 'admin'), ('main-28', 'admin'), ('main-29', 'admin'), ('main-30', 'admin'),
    ('main-31', 'admin'), ('main-32', 'admin'), ('main-33', 'admin'), ('main-34', 'admin'), ('main-35', None), ('main-36', None),
    ('main-37', 'garbage'), ('main-38', 'forged'), ('main-41', 'viewer'), ('main-42', 'viewer'), ('main-45', 'admin'), ('main-46', 'admin'),
    ('main-47', 'admin'), ('main-50', 'admin'), ('main-51', 'admin'), ('main-54', 'admin'), ('main-55', 'admin'), ('main-56', 'admin'),
    ('main-57', 'admin'), ('main-58', 'admin'), ('main-60', 'admin'), ('main-63', 'admin'), ('main-64', 'admin'), ('main-65', 'admin'),
    ('main-66', 'admin'), ('main-67', 'admin'), ('main-70', 'admin'), ('main-71', 'admin'), ('main-72', 'admin'), ('main-73', 'admin'),
    ('main-75', 'admin'),
]
FORGED_JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZGVudGl0eUlkIjoieCJ9.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'


def replay(api, record, token, ids_map):
    path = record['path']
    for recorded_id, actual_id in ids_map.items():
        path = path.replace(recorded_id, actual_id)
    headers = dict((key, value) for key, value in record['request_headers'].items() if key not in ('Authorization', 'Content-Type'))
    body = record['request_body']
    if isinstance(body, dict) and body.get('secretsMapping', {}).get('serviceToken') == 'REDACTED':
        body = dict(body, secretsMapping={'serviceToken': 'DBT_SERVICE_TOKEN_B' if body['name'] == 'dbt-ci-token-b' else 'DBT_SERVICE_TOKEN'})
    content_type = record['request_headers'].get('Content-Type')
    if isinstance(body, str):
        return api.request(record['method'], path, raw=body.encode('utf-8'), content_type=content_type, token=token, headers=headers)
    return api.request(record['method'], path, body=body, token=token, headers=headers)


def compare(result, record, ids_map=None):
    expected = record['response_body']
    assert result.status == record['status'], (record['name'], result)
    if record['status'] == 200:
        same_shape(result.body, expected)
        return
    for key in ('statusCode', 'error', 'message'):
        wanted = expected[key]
        for recorded_id, actual_id in (ids_map or {}).items():
            wanted = wanted.replace(recorded_id, actual_id) if isinstance(wanted, str) else wanted
        assert result.body[key] == wanted, (record['name'], key, result.body[key], wanted)
    assert set(result.body) == set(expected), record['name']


def test_replay_main_recordings(api, ids, mock):
    tokens = {'admin': ids['admin_token'], 'viewer': ids['viewer_token'], 'garbage': 'garbage', 'forged': FORGED_JWT, None: None}
    ids_map = {}
    replayed = 0
    for name, who in MAIN_REPLAY:
        record = recording(name)
        if name == 'main-57':
            mock.add_fault('POST', r'.*/rotate-secrets', {'type': 'dbt_failure'})
        result = replay(api, record, tokens[who], ids_map)
        compare(result, record, ids_map)
        replayed += 1
        if name == 'main-02':
            ids_map[RECORDED_ROTATION] = result.body['secretRotation']['id']
        if name == 'main-72':
            ids_map[RECORDED_SECOND] = result.body['secretRotation']['id']
        if name in ('main-47', 'main-51', 'main-58', 'main-60'):
            for key in ('activeIndex', 'rotationStatus', 'lastRotationMessage'):
                assert result.body['secretRotation'][key] == record['response_body']['secretRotation'][key], (name, key)
        if name in ('main-46', 'main-50', 'main-54'):
            assert len(result.body['generatedCredentials']) == len(record['response_body']['generatedCredentials'])
            assert result.body['activeIndex'] == record['response_body']['activeIndex']
    assert replayed == len(MAIN_REPLAY) >= 15
    # Where the mock is stricter on purpose: the real server answers 200 to these (main-15, main-16, main-21).
    for name in ('main-15', 'main-16', 'main-21'):
        record = recording(name)
        result = replay(api, record, tokens['admin'], ids_map)
        assert record['status'] == 200 and result.status == 422


def test_replay_expired_token_recording(api, mock):
    record = recording('main-39')
    token = login(api, 'admin')
    mock.expire_tokens()
    compare(replay(api, record, token, {RECORDED_ROTATION: DEFAULT['rotation_ci']}), record, {RECORDED_ROTATION: DEFAULT['rotation_ci']})


def test_rate_limited_server_matches_cloud_recordings():
    mock = MockInfisical.start(extra_args=['--rate-limit-read', '60', '--rate-limit-write', '200'])
    try:
        api = RawApi(mock.url, CHECKER, token=mock.ids['admin_token'])
        first = recording('cloud-02')
        result = replay(api, first, mock.ids['admin_token'], {})
        assert result.status == 200
        for header in ('x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'):
            assert result.headers[header] == first['response_headers'][header], header
        no_auth = recording('cloud-05')
        result = replay(api, no_auth, None, {})
        compare(result, no_auth)
        assert 'x-ratelimit-limit' not in result.headers
        for dummy in range(59):
            assert api.get(first['path']).status == 200
        limited = recording('cloud-03')
        result = replay(api, limited, mock.ids['admin_token'], {})
        assert result.status == 429 and result.body['error'] == 'RateLimitExceeded'
        assert result.body['message'] in ('Rate limit exceeded. Please try again in 60 seconds', 'Rate limit exceeded. Please try again in 59 seconds')
        assert result.headers['retry-after'] in ('59', '60') and result.headers['x-ratelimit-remaining'] == '0'
        write = recording('cloud-04')
        result = replay(api, write, mock.ids['admin_token'], {})
        compare(result, write)
        assert (result.headers['x-ratelimit-limit'], result.headers['x-ratelimit-remaining']) == ('200', '199')
        assert mock.call('GET', '/__mock/requests')['requests'][-1]['status'] == 404
    finally:
        assert mock.stop() == 0


# --- every rotation type -------------------------------------------------------------------------------------------

ROOT = '/api/v2/secret-rotations'
UNIX = ROOT + '/unix-linux-local-account'
POSTGRES = ROOT + '/postgres-credentials'
TEMP_PASSWORD = 'Curr3nt-Target-Passw0rd-7e1f'
# A valid parameters object per type (the table must cover every type of the mock's data).
VALID_PARAMETERS = {
    'postgres-credentials': {'username1': 'app_1', 'username2': 'app_2', 'rotationStatement': 'ALTER USER "{{username}}" WITH PASSWORD \'{{password}}\''},
    'mssql-credentials': {'username1': 'app_1', 'username2': 'app_2'},
    'mysql-credentials': {'username1': 'app_1', 'username2': 'app_2',
                          'passwordRequirements': {'length': 20, 'required': {'digits': 1, 'lowercase': 1, 'uppercase': 1, 'symbols': 1}}},
    'oracledb-credentials': {'username1': 'APP_1', 'username2': 'APP_2'},
    'auth0-client-secret': {'clientId': 'auth0-client'},
    'azure-client-secret': {'objectId': '0a1b2c3d-0000-4000-8000-00000000aaaa', 'clientId': '0a1b2c3d-0000-4000-8000-00000000bbbb'},
    'aws-iam-user-secret': {'userName': 'ci-user', 'region': 'us-east-1'},
    'ldap-password': {'dn': 'CN=svc,OU=Service,DC=example,DC=com', 'rotationMethod': 'connection-principal'},
    'okta-client-secret': {'clientId': '0oa1b2c3'},
    'redis-credentials': {'permissionScope': '~* +@read'},
    'mongodb-credentials': {'username1': 'app_1', 'username2': 'app_2'},
    'databricks-service-principal-secret': {'servicePrincipalId': '1234', 'clientId': 'databricks-client'},
    'unix-linux-local-account': {'username': 'deploy_2', 'rotationMethod': 'login-as-target'},
    'dbt-service-token': {'tokenName': 'new-token', 'permissionGrants': [{'permissionSet': 'job_runner'}]},
    'windows-local-account': {'username': 'svc.web', 'rotationMethod': 'login-as-root'},
    'open-router-api-key': {'name': 'batch-key', 'limit': 12.5, 'limitReset': 'monthly', 'includeByokInLimit': None},
    'litellm-api-key': {'name': 'proxy-key', 'additionalOptions': '{"max_budget": 10}', 'models': ['gpt-4o']},
    'openai-service-account': {'projectId': 'proj_abc', 'name': 'batch'},
    'hp-ilo-local-account': {'username': 'ilo_user', 'rotationMethod': 'login-as-target', 'sslRejectUnauthorized': True},
    'supabase-api-key': {'projectRef': 'abcdefghij', 'keyType': 'secret'},
    'salesforce-oauth-credentials': {'appId': '0H4xx', 'appName': 'Infisical'},
    'datadog-application-key-secret': {'serviceAccountId': '00000000-aaaa-4000-8000-000000000001'},
    'datadog-api-key': {'name': 'ingest'},
    'convex-access-key': {'namePrefix': 'infisical'},
    'fireworks-api-key': {'serviceAccountUserId': 'svc_user-1'},
    'snowflake-user-key-pair': {'username': 'ETL_USER', 'modulusLength': 4096},
    'cloudflare-api-token': {'name': 'dns', 'policies': [{'effect': 'allow', 'scope': 'account', 'permissionGroupIds': ['abc']}],
                             'allowedIps': ['10.0.0.0/8', '2001:db8::1']},
    'cloudflare-r2-access-key': {'name': 'r2', 'buckets': [{'name': 'logs'}, {'name': 'logs', 'jurisdiction': 'eu'}]},
    'stripe-api-key': {'permissions': ['charge_read', 'customer_read', 'charge_read']},
    'gcp-service-account-key': {'serviceAccountEmail': 'app@project-1.iam.gserviceaccount.com'},
}
PASSWORD_REQUIREMENTS = {'length': 10, 'required': {'digits': 4, 'lowercase': 4, 'uppercase': 4, 'symbols': 0}}
# One type-specific invalid value per type: (parameters changes, issue path below parameters, code, message or None).
INVALID_PARAMETERS = {
    'postgres-credentials': ({'passwordRequirements': PASSWORD_REQUIREMENTS}, ['passwordRequirements'], 'custom',
                             'Sum of required characters cannot exceed the total length'),
    'mssql-credentials': ({'rotationStatement': 'ALTER LOGIN {{username}}'}, ['rotationStatement'], 'custom',
                          'Rotation statement must have username and password template expression'),
    'mysql-credentials': ({'rotationStatement': "SET PASSWORD FOR '{{username}}' = '{{password}}' -- {{secret}}"}, ['rotationStatement'], 'custom',
                          'Invalid expression detected in rotation statement'),
    'oracledb-credentials': ({'passwordRequirements': dict(PASSWORD_REQUIREMENTS, length=251)}, ['passwordRequirements', 'length'], 'too_big',
                             'Password length must be less than 250'),
    'auth0-client-secret': ({'clientId': '   '}, ['clientId'], 'too_small', 'Client ID Required'),
    'azure-client-secret': ({'objectId': ''}, ['objectId'], 'too_small', 'Object ID Required'),
    'aws-iam-user-secret': ({'region': 'mars-north-1'}, ['region'], 'invalid_enum_value', None),
    'ldap-password': ({'dn': 'not a dn'}, ['dn'], 'invalid_string', 'Invalid DN/UPN format'),
    'okta-client-secret': ({'clientId': 5}, ['clientId'], 'invalid_type', 'Expected string, received number'),
    'redis-credentials': ({'permissionScope': ''}, ['permissionScope'], 'too_small', 'Permission scope is required'),
    'mongodb-credentials': ({'username2': None}, ['username2'], 'invalid_type', 'Required'),
    'databricks-service-principal-secret': ({'servicePrincipalId': ''}, ['servicePrincipalId'], 'too_small', 'Service Principal ID Required'),
    'unix-linux-local-account': ({'username': 'bad user'}, ['username'], 'invalid_string',
                                 'Name can only contain alphanumeric characters, dashes, underscores, and spaces'),
    'dbt-service-token': ({'permissionGrants': []}, ['permissionGrants'], 'too_small', None),
    'windows-local-account': ({'username': 'Administrator'}, ['username'], 'custom',
                              'Cannot rotate passwords for privileged system accounts (Administrator, SYSTEM, Guest, DefaultAccount)'),
    'open-router-api-key': ({'limit': 0}, ['limit'], 'too_small', 'Number must be greater than 0'),
    'litellm-api-key': ({'additionalOptions': '{"permission": {}, "allowed_routes": []}'}, ['additionalOptions'], 'custom',
                        'The following options are not allowed in additional options: permission, allowed_routes. '
                        'They would grant key-management permissions that could modify other keys.'),
    'openai-service-account': ({'name': 'n' * 87}, ['name'], 'too_big', 'Service account name must be 86 characters or fewer'),
    'hp-ilo-local-account': ({'passwordRequirements': dict(PASSWORD_REQUIREMENTS, length=40)}, ['passwordRequirements', 'length'], 'custom',
                             'Password length cannot exceed 39 characters, the maximum HP iLO accepts'),
    'supabase-api-key': ({'keyType': 'anon'}, ['keyType'], 'invalid_enum_value', None),
    'salesforce-oauth-credentials': ({'appName': ''}, ['appName'], 'too_small', 'App Name Required'),
    'datadog-application-key-secret': ({'serviceAccountId': ' '}, ['serviceAccountId'], 'too_small', 'Service Account ID required'),
    'datadog-api-key': ({'name': 'k' * 256}, ['name'], 'too_big', 'Key name must be 255 characters or fewer'),
    'convex-access-key': ({'namePrefix': ''}, ['namePrefix'], 'too_small', 'Name Prefix required'),
    'fireworks-api-key': ({'serviceAccountUserId': 'svc user'}, ['serviceAccountUserId'], 'invalid_string',
                          'Service account user ID contains invalid characters'),
    'snowflake-user-key-pair': ({'modulusLength': '4096'}, ['modulusLength'], 'invalid_type', None),
    'cloudflare-api-token': ({'disallowedIps': ['10.0.0.0/33']}, ['disallowedIps', 0], 'custom', 'Must be a valid IP address or CIDR block'),
    'cloudflare-r2-access-key': ({'buckets': [{'name': 'logs'}, {'name': ' logs ', 'jurisdiction': 'default'}]}, ['buckets'], 'custom',
                                 'Buckets must be unique'),
    'stripe-api-key': ({'permissions': ['charge_read', 'root']}, ['permissions', 1], 'invalid_enum_value', None),
    'gcp-service-account-key': ({'serviceAccountEmail': 'not-an-email'}, ['serviceAccountEmail'], 'invalid_string',
                                'Service account email must be a valid email address'),
}


def type_connection(slug):
    return DEFAULT['connection_%s_a' % TYPES[slug]['app'].replace('-', '_')]


def type_body(slug, parameters=None, **changes):
    """A valid create body of a type (secret names from the type's secretsMapping keys, in dev /)."""
    body = {'name': 'new-' + slug[:40], 'projectId': DEFAULT['project_a'], 'connectionId': type_connection(slug), 'environment': 'dev',
            'secretPath': '/', 'rotationInterval': 30,
            'parameters': VALID_PARAMETERS[slug] if parameters is None else parameters,
            'secretsMapping': dict((key, 'NEW_%s' % key.upper()) for key in TYPES[slug]['secrets_mapping'])}
    if TYPES[slug]['temporary_parameters'] is not None and slug != 'ldap-password':
        body['temporaryParameters'] = {'password': TEMP_PASSWORD}
    body.update(changes)
    return body


def test_the_type_tables_cover_every_type():
    assert len(SLUGS) == 30 and set(TYPES) == set(SLUGS)
    assert set(VALID_PARAMETERS) == set(SLUGS) and set(INVALID_PARAMETERS) == set(SLUGS)
    for slug in SLUGS:
        assert type_connection(slug)


@pytest.mark.parametrize('slug', SLUGS)
def test_create_every_type_issues_credentials_and_maps_secrets(api, ids, mock, slug):
    result = api.post(ROOT + '/' + slug, type_body(slug))
    assert result.status == 200, result
    rotation = result.body['secretRotation']
    assert rotation['type'] == slug and rotation['connection']['app'] == TYPES[slug]['app'] and rotation['activeIndex'] == 0
    assert rotation['secretsMapping'] == type_body(slug)['secretsMapping'] and 'temporaryParameters' not in rotation
    credentials = api.get(ROOT + '/%s/%s/generated-credentials' % (slug, rotation['id']))
    assert credentials.status == 200, credentials
    assert credentials.body['type'] == slug and credentials.body['activeIndex'] == 0
    (credential,) = credentials.body['generatedCredentials']
    assert sorted(credential) == sorted(answered_credential_keys(slug))
    known = mock.secrets()
    for key in TYPES[slug]['secret_generated_credentials']:
        if key in credential:
            assert credential[key] in known and len(credential[key]) >= 10
    for key, name in rotation['secretsMapping'].items():
        assert secret(mock, ids['folder_a_dev_root'], name) == {'value': credential[key], 'version': 1}
    assert api.get(ROOT + '/%s/%s' % (slug, rotation['id'])).body == result.body
    listed = api.get(ROOT + '/%s?projectId=%s' % (slug, ids['project_a'])).body['secretRotations']
    assert rotation['id'] in [item['id'] for item in listed] and all(item['type'] == slug for item in listed)


@pytest.mark.parametrize('slug', SLUGS)
def test_unknown_parameters_key_is_refused_for_every_type(api, mock, slug):
    before = mock.state()['rotations']
    result = api.post(ROOT + '/' + slug, type_body(slug, dict(VALID_PARAMETERS[slug], notAParameter=1)))
    assert_error(result, 422, 'ValidationFailure')
    assert [(item['code'], item['path']) for item in result.body['message']] == [('unrecognized_keys', ['parameters'])]
    assert result.body['message'][0]['keys'] == ['notAParameter']
    assert mock.state()['rotations'] == before


@pytest.mark.parametrize('slug', SLUGS)
def test_type_specific_invalid_value_is_refused(api, mock, slug):
    before = mock.state()['rotations']
    changes, path, code, message = INVALID_PARAMETERS[slug]
    parameters = dict(VALID_PARAMETERS[slug])
    for key, value in changes.items():
        if value is None:
            parameters.pop(key)
        else:
            parameters[key] = value
    result = api.post(ROOT + '/' + slug, type_body(slug, parameters))
    assert_error(result, 422, 'ValidationFailure')
    assert [(item['code'], item['path']) for item in result.body['message']] == [(code, ['parameters'] + path)]
    if message is not None:
        assert result.body['message'][0]['message'] == message
    assert mock.state()['rotations'] == before


def test_body_and_nested_validation_details(api, ids):
    unix = type_body('unix-linux-local-account')
    del unix['temporaryParameters']
    assert issue(api.post(UNIX, unix)) == {'code': 'custom', 'path': ['temporaryParameters', 'password'],
                                           'message': 'Current password is required for initial rotation setup in login as target method'}
    assert issue(api.post(UNIX, dict(unix, temporaryParameters={'password': ''})))['path'] == ['temporaryParameters', 'password']
    assert api.post(UNIX, dict(unix, parameters={'username': 'root_way', 'rotationMethod': 'login-as-root'})).status == 200
    ldap = type_body('ldap-password', dict(VALID_PARAMETERS['ldap-password'], rotationMethod='target-principal'))
    assert issue(api.post(ROOT + '/ldap-password', ldap)) == {'code': 'custom', 'message': 'Password required', 'path': ['temporaryParameters', 'password']}
    windows = type_body('windows-local-account', {'username': '.hidden', 'rotationMethod': 'login-as-root'})
    assert issue(api.post(ROOT + '/windows-local-account', windows))['message'] == \
        'Username cannot start with a hyphen or period, and cannot end with a period'
    windows['temporaryParameters'] = {'password': 'a;b'}
    windows['parameters'] = {'username': 'web01', 'rotationMethod': 'login-as-root',
                             'passwordRequirements': dict(PASSWORD_REQUIREMENTS, length=12, allowedSymbols='$!')}
    assert [(item['path'], item['message']) for item in api.post(ROOT + '/windows-local-account', windows).body['message']] == [
        (['parameters', 'passwordRequirements', 'allowedSymbols'], 'Allowed symbols cannot contain dangerous characters: ; | & ` $ ( )'),
        (['temporaryParameters', 'password'], 'Password cannot contain dangerous characters: ; | & ` $ ( ) or newlines')]
    cloudflare = type_body('cloudflare-api-token', {'name': 'x', 'policies': [
        {'effect': 'allow', 'scope': 'zones', 'zoneIds': [], 'permissionGroupIds': ['p']},
        {'effect': 'deny', 'scope': 'account', 'zoneIds': ['z'], 'permissionGroupIds': ['p'], 'extra': True}]})
    assert [(item['code'], item['path']) for item in api.post(ROOT + '/cloudflare-api-token', cloudflare).body['message']] == [
        ('custom', ['parameters', 'policies', 0, 'zoneIds']), ('unrecognized_keys', ['parameters', 'policies', 1]),
        ('custom', ['parameters', 'policies', 1, 'zoneIds'])]
    del cloudflare['parameters']['policies'][1]['extra']
    assert issue(api.post(ROOT + '/cloudflare-api-token', cloudflare), 1) == {
        'code': 'custom', 'message': 'Zones can only be specified when the policy is scoped to specific zones',
        'path': ['parameters', 'policies', 1, 'zoneIds']}
    litellm = type_body('litellm-api-key', {'name': 'k', 'additionalOptions': '{"a": 1, '})
    assert issue(api.post(ROOT + '/litellm-api-key', litellm))['message'] == 'Additional options must be valid JSON.'
    litellm['parameters']['additionalOptions'] = json.dumps(dict(('k%d' % number, number) for number in range(56)))
    assert issue(api.post(ROOT + '/litellm-api-key', litellm))['message'] == 'Additional options cannot contain more than 55 keys (received 56).'
    litellm['parameters']['additionalOptions'] = '[1]'
    assert issue(api.post(ROOT + '/litellm-api-key', litellm))['message'] == 'Additional options must be a JSON object.'
    postgres = type_body('postgres-credentials', secretsMapping={'username': ' DB:USER ', 'password': 'DB_PASSWORD'}, description=5,
                         rotationInterval='30', extra=1)
    assert [(item['code'], item['path']) for item in api.post(POSTGRES, postgres).body['message']] == [
        ('invalid_type', ['description']), ('invalid_type', ['rotationInterval']), ('custom', ['secretsMapping', 'username']),
        ('unrecognized_keys', [])]
    assert issue(api.post(POSTGRES, type_body('postgres-credentials', temporaryParameters={'password': 'x'})))['code'] == 'unrecognized_keys'
    assert issue(api.post(POSTGRES, 'text'))['code'] == 'invalid_type'
    assert issue(api.patch(POSTGRES + '/' + ids['rotation_postgres']))['message'] == 'Required'


def test_create_applies_defaults_trims_and_the_service_checks(api, ids, mock):
    r2 = api.post(ROOT + '/cloudflare-r2-access-key', type_body('cloudflare-r2-access-key', name='  r2-new  '))
    assert r2.status == 200, r2
    assert r2.body['secretRotation']['name'] == 'r2-new'
    assert r2.body['secretRotation']['parameters'] == {'name': 'r2', 'accessLevel': 'object-read', 'buckets': [
        {'name': 'logs', 'jurisdiction': 'default'}, {'name': 'logs', 'jurisdiction': 'eu'}]}
    hidden = mock.rotation(r2.body['secretRotation']['id'])['credentials'][0]
    assert hashlib.sha256(hidden['apiToken'].encode()).hexdigest() == hidden['secretAccessKey'] and hidden['apiToken'] in mock.secrets()
    unix = api.post(UNIX, type_body('unix-linux-local-account', parameters={'username': ' deploy_9 ', 'rotationMethod': 'login-as-root'}))
    assert unix.body['secretRotation']['parameters'] == {'username': 'deploy_9', 'rotationMethod': 'login-as-root', 'useSudo': False}
    body = type_body('postgres-credentials', secretsMapping={'username': 'SAME', 'password': 'SAME'})
    assert_error(api.post(POSTGRES, body), 400, 'BadRequest', 'Secrets mapping keys must be unique. "SAME" contains duplicate keys.')
    body = type_body('postgres-credentials', secretPath='/dbt', secretsMapping={'username': 'EXISTING_SECRET', 'password': 'DBT_DOCS_TOKEN'})
    assert_error(api.post(POSTGRES, body), 400, 'BadRequest', 'The following secrets already exist at the path "/dbt": EXISTING_SECRET, DBT_DOCS_TOKEN')
    assert_error(api.post(POSTGRES, type_body('postgres-credentials', connectionId=ids['connection_mysql_a'])), 400, 'BadRequest',
                 'MySQL Connection with ID %s cannot be used to connect to PostgreSQL' % ids['connection_mysql_a'])
    assert_error(api.post(POSTGRES, type_body('postgres-credentials', name='orders-db', environment='prod', secretPath='/databases/')), 400,
                 'BadRequest', 'A Secret Rotation with the name "orders-db" already exists at the secret path "/databases"')
    assert_error(api.post(POSTGRES, type_body('postgres-credentials', connectionId=MISSING_ID)), 404, 'NotFound',
                 'Could not find App Connection with ID %s' % MISSING_ID)


def test_update_replaces_parameters_whole_and_renames_mapped_secrets(api, ids, mock):
    rid = ids['rotation_postgres']
    path = POSTGRES + '/' + rid
    before = mock.rotation(rid)
    result = api.patch(path, {'parameters': {'username1': 'orders_app_a', 'username2': 'orders_app_c'},
                              'secretsMapping': {'username': 'PG_USER', 'password': 'ORDERS_DB_PASSWORD'}})
    assert result.status == 200, result
    assert result.body['secretRotation']['parameters'] == {'username1': 'orders_app_a', 'username2': 'orders_app_c'}
    assert secret(mock, ids['folder_a_prod_databases'], 'ORDERS_DB_USER') is None
    assert secret(mock, ids['folder_a_prod_databases'], 'PG_USER') == {'value': 'orders_app_b', 'version': 3}
    assert mock.rotation(rid)['credentials'] == before['credentials']
    assert issue(api.patch(path, {'parameters': {'username1': 'only-one'}}))['path'] == ['parameters', 'username2']
    assert issue(api.patch(path, {'temporaryParameters': {'password': 'x'}}))['code'] == 'unrecognized_keys'
    assert issue(api.patch(path, {'connectionId': ids['connection_postgres_a']}))['keys'] == ['connectionId']


@pytest.mark.parametrize('slug, key, parameters, message', [
    ('unix-linux-local-account', 'rotation_unix', {'username': 'someone_else', 'rotationMethod': 'login-as-target'},
     'Cannot update rotation method or username'),
    ('unix-linux-local-account', 'rotation_unix', {'username': 'backup'}, 'Cannot update rotation method or username'),
    ('windows-local-account', 'rotation_windows', {'username': 'svc_backup', 'rotationMethod': 'login-as-target'},
     'Cannot update rotation method or username'),
    ('openai-service-account', 'rotation_openai_overdue', {'projectId': 'proj_other', 'name': 'infisical-batch'}, 'Cannot update project ID'),
])
def test_update_of_an_immutable_parameter_is_refused(api, ids, mock, slug, key, parameters, message):
    before = mock.rotation(ids[key])
    assert_error(api.patch(ROOT + '/%s/%s' % (slug, ids[key]), {'parameters': parameters}), 400, 'BadRequest', message)
    assert mock.rotation(ids[key]) == before
    assert api.patch(ROOT + '/%s/%s' % (slug, ids[key]), {'parameters': before['parameters'], 'rotationInterval': 3}).status == 200


def test_immutable_parameters_of_created_rotations(api):
    created = api.post(ROOT + '/supabase-api-key', type_body('supabase-api-key')).body['secretRotation']
    path = ROOT + '/supabase-api-key/' + created['id']
    assert_error(api.patch(path, {'parameters': {'projectRef': 'abcdefghij', 'keyType': 'publishable'}}), 400, 'BadRequest',
                 'Cannot update project reference or key type')
    assert api.patch(path, {'parameters': {'projectRef': 'abcdefghij', 'keyType': 'secret'}, 'name': 'renamed'}).status == 200
    created = api.post(ROOT + '/gcp-service-account-key', type_body('gcp-service-account-key')).body['secretRotation']
    assert_error(api.patch(ROOT + '/gcp-service-account-key/' + created['id'], {'parameters': {'serviceAccountEmail': 'x@y.iam.gserviceaccount.com'}}),
                 400, 'BadRequest', 'Cannot update service account email')


def test_all_types_listing_and_options(api, ids):
    listed = api.get(ROOT + '?projectId=' + ids['project_a'])
    assert listed.status == 200, listed
    types = [item['type'] for item in listed.body['secretRotations']]
    assert {'dbt-service-token', 'postgres-credentials', 'unix-linux-local-account', 'aws-iam-user-secret', 'stripe-api-key'} <= set(types)
    assert {item['id'] for item in listed.body['secretRotations']} == {ids[key] for key in DBT_ROTATION_KEYS + OTHER_ROTATION_KEYS if key != 'rotation_b'}
    for item in listed.body['secretRotations']:
        assert {'parameters', 'secretsMapping', 'connection', 'environment', 'folder', 'nextRotationAt', 'rotationStatus'} <= set(item)
    assert api.get(ROOT + '?projectId=' + ids['project_b']).body['secretRotations'][0]['id'] == ids['rotation_b']
    assert_error(api.get(ROOT + '?projectId=' + ids['project_b'], token=ids['viewer_token']), 403, 'PermissionDenied')
    assert issue(api.get(ROOT))['path'] == ['projectId']
    result = api.get(ROOT + '/options')
    assert result.status == 200, result
    options = result.body['secretRotationOptions']
    assert sorted(item['type'] for item in options) == sorted(SLUGS) and len(options) == 30
    assert [item['name'].lower() for item in options] == sorted(item['name'].lower() for item in options)
    for item in options:
        assert item['connection'] == TYPES[item['type']]['app']
        assert list(item['template']['secretsMapping']) == list(TYPES[item['type']]['secrets_mapping'])
    assert_error(api.get(ROOT + '/options', token=None), 401, 'UnauthorizedError')
    assert api.get(ROOT + '/not-a-type?projectId=' + ids['project_a']).body == {
        'message': 'Route GET:%s/not-a-type?projectId=%s not found' % (ROOT, ids['project_a']), 'error': 'Not Found', 'statusCode': 404}


def test_seeded_rotations_of_other_types(api, ids, mock):
    views = dict((item['id'], item) for item in api.get(ROOT + '?projectId=' + ids['project_a']).body['secretRotations'])
    overdue = views[ids['rotation_openai_overdue']]
    assert overdue['isAutoRotationEnabled'] and parse_iso(overdue['nextRotationAt']) < datetime.datetime.now(datetime.timezone.utc) - \
        datetime.timedelta(days=1, hours=23)
    assert views[ids['rotation_stripe_paused']]['isAutoRotationEnabled'] is False and views[ids['rotation_stripe_paused']]['nextRotationAt'] is None
    failed = views[ids['rotation_aws_failed']]
    assert failed['rotationStatus'] == 'failed' and failed['lastRotationMessage'].startswith(ROTATE_PREFIX)
    assert views[ids['rotation_unix']]['parameters']['rotationMethod'] == 'login-as-target'
    assert views[ids['rotation_postgres']]['type'] == 'postgres-credentials'
    for key in OTHER_ROTATION_KEYS:
        view = views[ids[key]]
        validator = TypeValidator(view['type'], 'update')
        assert validator.validate({'parameters': view['parameters'], 'secretsMapping': view['secretsMapping']})[1] == [], key
        assert view['connection']['app'] == TYPES[view['type']]['app']
    known = mock.secrets()
    assert 'orders_app_b' not in known and 'backup' not in known  # usernames are not secrets: leak scans must not look for them
    assert mock.state()['secrets'][ids['folder_a_prod_databases']]['secrets']['ORDERS_DB_PASSWORD']['value'] in known


def test_rotate_and_delete_other_types(api, ids, mock):
    path = POSTGRES + '/' + ids['rotation_postgres']
    before = api.get(path + '/generated-credentials').body
    assert [item['username'] for item in before['generatedCredentials']] == ['orders_app_a', 'orders_app_b'] and before['activeIndex'] == 1
    result = api.post(path + '/rotate-secrets')
    assert result.status == 200, result
    after = api.get(path + '/generated-credentials').body
    assert after['activeIndex'] == 0 and after['generatedCredentials'][1] == before['generatedCredentials'][1]
    new = after['generatedCredentials'][0]
    assert new['username'] == 'orders_app_a' and new['password'] != before['generatedCredentials'][0]['password'] and len(new['password']) == 32
    assert sum(char.isdigit() for char in new['password']) >= 2 and new['password'] in mock.secrets()
    assert secret(mock, ids['folder_a_prod_databases'], 'ORDERS_DB_PASSWORD') == {'value': new['password'], 'version': 3}
    assert secret(mock, ids['folder_a_prod_databases'], 'ORDERS_DB_USER') == {'value': 'orders_app_a', 'version': 3}
    assert [call['action'] for call in mock.state()['providers']['calls']] == ['revoke', 'rotate']
    assert mock.rotation(ids['rotation_postgres'])['rotationCount'] == 2
    deleted = api.delete(path + '?deleteSecrets=true&revokeGeneratedCredentials=true')
    assert deleted.status == 200 and deleted.body['secretRotation']['id'] == ids['rotation_postgres']
    folder = ids['folder_a_prod_databases']
    assert secret(mock, folder, 'ORDERS_DB_PASSWORD') is None and secret(mock, folder, 'ORDERS_DB_USER') is None
    assert [call['action'] for call in mock.state()['providers']['calls']] == ['revoke', 'rotate', 'revoke', 'revoke']
    assert_error(api.get(path), 404, 'NotFound', 'Could not find PostgreSQL Credentials Rotation with ID "%s"' % ids['rotation_postgres'])
    assert_error(api.patch(path, {'name': 'x'}), 404, 'NotFound', 'Could not find PostgreSQL Credentials Rotation with ID %s' % ids['rotation_postgres'])
    by_name = api.get(ROOT + '/stripe-api-key/rotation-name/stripe-billing?projectId=%s&environment=dev&secretPath=/apps' % ids['project_a'])
    assert by_name.body['secretRotation']['id'] == ids['rotation_stripe_paused']


def test_provider_failure_fault_fails_any_type(api, ids, mock):
    mock.add_fault('POST', ROOT + '/aws-iam-user-secret', {'type': 'provider_failure', 'message': 'AccessDenied'})
    before = mock.state()
    assert_error(api.post(ROOT + '/aws-iam-user-secret', type_body('aws-iam-user-secret')), 400, 'BadRequest', ROTATE_PREFIX + 'AccessDenied')
    after = mock.state()
    assert after['rotations'] == before['rotations'] and after['secrets'] == before['secrets']
    mock.add_fault('POST', r'.*/rotate-secrets', {'type': 'dbt_failure'})
    path = ROOT + '/stripe-api-key/' + ids['rotation_stripe_paused']
    assert_error(api.post(path + '/rotate-secrets'), 500, 'InternalServerError',
                 ROTATE_PREFIX + 'Mock Stripe API Key: the provider refused the request')
    failed = api.get(path).body['secretRotation']
    assert failed['rotationStatus'] == 'failed' and failed['lastRotationMessage'] == ROTATE_PREFIX + 'Mock Stripe API Key: the provider refused the request'
    assert api.post(path + '/rotate-secrets').body['secretRotation']['rotationStatus'] == 'success'


def test_reconcile_local_accounts(api, ids, mock):
    path = UNIX + '/' + ids['rotation_unix']
    before = mock.rotation(ids['rotation_unix'])
    result = api.post(path + '/reconcile')
    assert result.status == 200, result
    assert result.body['message'] == 'Unix/Linux Local Account rotation credentials reconciled successfully' and result.body['reconciled'] is True
    rotation = result.body['secretRotation']
    assert rotation['activeIndex'] == before['activeIndex'] and rotation['nextRotationAt'] == before['nextRotationAt']
    assert parse_iso(rotation['lastRotatedAt']) > parse_iso(before['lastRotatedAt']) and rotation['rotationStatus'] == 'success'
    credential = mock.rotation(ids['rotation_unix'])['credentials'][0]
    assert credential['username'] == 'backup' and credential['password'] != before['credentials'][0]['password']
    assert secret(mock, ids['folder_a_prod_hosts_db1'], 'BACKUP_PASSWORD') == {'value': credential['password'], 'version': 2}
    assert secret(mock, ids['folder_a_prod_hosts_db1'], 'BACKUP_USER') == {'value': 'backup', 'version': 1}
    assert credential['password'] in mock.secrets()
    assert_error(api.post(ROOT + '/windows-local-account/%s/reconcile' % ids['rotation_windows']), 400, 'BadRequest',
                 'Reconcile operation is only supported for login-as-target mode Unix/Linux Local Account, Windows Local Account, '
                 'and HP iLO Local Account rotations')
    root = api.post(UNIX, type_body('unix-linux-local-account', parameters={'username': 'ops', 'rotationMethod': 'login-as-root'})).body
    assert_error(api.post(UNIX + '/%s/reconcile' % root['secretRotation']['id']), 400, 'BadRequest')
    assert_error(api.post(UNIX + '/%s/reconcile' % ids['rotation_postgres']), 400, 'BadRequest',
                 'Reconcile operation is only supported for Unix/Linux Local Account, Windows Local Account, and HP iLO Local Account rotations')
    assert_error(api.post(UNIX + '/%s/reconcile' % MISSING_ID), 404, 'NotFound', 'Could not find Secret Rotation with ID "%s"' % MISSING_ID)
    missing_route = api.post(POSTGRES + '/%s/reconcile' % ids['rotation_postgres'])
    assert missing_route.status == 404 and missing_route.body['error'] == 'Not Found' and 'reqId' not in missing_route.body
    assert_error(api.post(path + '/reconcile', token=ids['viewer_token']), 403, 'PermissionDenied', 'You are not allowed to rotate-secrets on secret-rotation')
    assert issue(api.post(path + '/reconcile', {'force': True}))['code'] == 'unrecognized_keys'


def test_temporary_parameters_are_never_answered_but_are_known_secrets(api, ids, mock):
    body = type_body('hp-ilo-local-account')
    result = api.post(ROOT + '/hp-ilo-local-account', body)
    assert result.status == 200, result
    rid = result.body['secretRotation']['id']
    answers = [result, api.get(ROOT + '/hp-ilo-local-account/' + rid), api.get(ROOT + '?projectId=' + ids['project_a']),
               api.get(ROOT + '/hp-ilo-local-account?projectId=' + ids['project_a']),
               api.get(ROOT + '/hp-ilo-local-account/%s/generated-credentials' % rid), api.post(ROOT + '/hp-ilo-local-account/%s/rotate-secrets' % rid),
               api.patch(ROOT + '/hp-ilo-local-account/' + rid, {'description': 'changed'}),
               api.post(ROOT + '/hp-ilo-local-account/%s/reconcile' % rid)]
    for answer in answers:
        assert answer.status == 200, answer
        assert TEMP_PASSWORD.encode() not in answer.raw and b'temporaryParameters' not in answer.raw
    assert TEMP_PASSWORD not in json.dumps(mock.state()) and TEMP_PASSWORD not in json.dumps(mock.requests())
    assert mock.requests()[0]['body']['temporaryParameters'] == {'password': 'REDACTED'}
    assert TEMP_PASSWORD in mock.secrets()
    refused = dict(type_body('unix-linux-local-account', name='x_bad'), temporaryParameters={'password': 'Refused-Temp-Value-42'})
    assert api.post(UNIX, refused).status == 422 and 'Refused-Temp-Value-42' in mock.secrets()
    assert result.body['secretRotation']['parameters'] == VALID_PARAMETERS['hp-ilo-local-account']


def test_type_mismatch_answers_not_configured(api, ids):
    postgres = ids['rotation_postgres']
    assert_error(api.get(BASE + '/' + postgres), 400, 'BadRequest', 'Secret Rotation with ID "%s" is not configured for DBT Service Token' % postgres)
    assert_error(api.post(ROOT + '/mysql-credentials/%s/rotate-secrets' % postgres), 400, 'BadRequest',
                 'Secret Rotation with ID "%s" is not configured for MySQL Credentials' % postgres)
    assert_error(api.get(POSTGRES + '/%s/generated-credentials' % ids['rotation_ci']), 400, 'BadRequest',
                 'Secret Rotation with ID "%s" is not configured for PostgreSQL Credentials' % ids['rotation_ci'])
    assert_error(api.delete(ROOT + '/windows-local-account/' + ids['rotation_unix']), 400, 'BadRequest')
    assert_error(api.patch(ROOT + '/openai-service-account/' + postgres, {'name': 'x'}), 400, 'BadRequest',
                 'Secret Rotation with ID "%s" is not configured for OpenAI Service Account' % postgres)
    by_name = ROOT + '/aws-iam-user-secret/rotation-name/orders-db?projectId=%s&environment=prod&secretPath=/databases' % ids['project_a']
    assert_error(api.get(by_name), 400, 'BadRequest')
    assert {item['type'] for item in api.get(BASE + '?projectId=' + ids['project_a']).body['secretRotations']} == {'dbt-service-token'}
    # Infisical compares the connection's app: an HP iLO rotation (SSH) passes through the Unix/Linux URL.
    shared = api.get(UNIX + '/' + ids['rotation_hp_ilo'])
    assert shared.status == 200 and shared.body['secretRotation']['type'] == 'hp-ilo-local-account'


def test_faults_log_and_limits_work_on_other_types(api, ids, mock):
    path = POSTGRES + '/' + ids['rotation_postgres']
    before = mock.rotation(ids['rotation_postgres'])
    mock.add_fault('POST', r'.*/rotate-secrets', {'type': 'stale'})
    stale = api.post(path + '/rotate-secrets')
    assert stale.status == 200 and stale.body['secretRotation']['activeIndex'] == before['activeIndex']
    assert mock.rotation(ids['rotation_postgres']) == before
    mock.add_fault('GET', ROOT + '/stripe-api-key/.*', {'type': 'reshape', 'drop': ['parameters'], 'set': {'type': 'other'}})
    reshaped = api.get(ROOT + '/stripe-api-key/' + ids['rotation_stripe_paused']).body['secretRotation']
    assert 'parameters' not in reshaped and reshaped['type'] == 'other'
    mock.add_fault('GET', ROOT, {'type': 'status', 'status': 503})
    assert_error(api.get(ROOT + '?projectId=' + ids['project_a']), 503, 'ServiceUnavailable')
    mock.add_fault('GET', UNIX + '/.*', {'type': 'drip', 'interval': 0.0002})
    assert api.get(UNIX + '/' + ids['rotation_unix']).body == api.get(UNIX + '/' + ids['rotation_unix']).body
    api.post(ROOT + '/cloudflare-api-token', type_body('cloudflare-api-token'))
    entry = mock.requests()[-1]
    assert entry['body']['secretsMapping'] == {'tokenId': 'NEW_TOKENID', 'apiToken': 'NEW_APITOKEN'} and entry['status'] == 200
    mock.configure(rate_limit_read=2)
    try:
        assert api.get(ROOT + '/options').headers['x-ratelimit-remaining'] == '1'
        api.get(UNIX + '/' + ids['rotation_unix'])
        assert api.get(ROOT + '?projectId=' + ids['project_a']).status == 429
    finally:
        mock.configure(rate_limit_read=0)
    mock.configure(licensed=False)
    assert_error(api.post(UNIX + '/%s/reconcile' % ids['rotation_unix']), 400, 'BadRequest',
                 'Failed to reconcile secret rotation due to plan restriction. Upgrade plan to reconcile secret rotations.')
    assert_error(api.get(ROOT + '?projectId=' + ids['project_a']), 400, 'BadRequest')
