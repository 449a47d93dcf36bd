"""The HTTP side of the mock Infisical server: routing, auth, body parsing, rate limits, faults, logs, test controls.

The request pipeline follows fastify's order in Infisical: route lookup (fastify's own 404), onRequest auth
(401/403), body parsing (500 for the content-type traps), preValidation rate limit (429), validation of path
parameters, then body, then query string (422), then the route's service logic.
"""

import base64
import copy
import email.utils
import hashlib
import json
import math
import os
import socket
import string
import struct
import sys
import threading
import time
import traceback
from http.client import responses as HTTP_REASONS
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote

from .faults import PRE_ACTIONS, PROVIDER_FAILURES, FaultError, Faults, reshape_body
from .rotation_types import DBT, RECONCILE_TYPES, SLUGS, TYPES, credentials_schema, object_schema, options, same_app_types
from .seed import DEFAULT_SEED_PATH, load_seed
from .spec import Router, derive_operation, load_operations
from .state import ApiError, State, internal_error
from .validation import LOGIN_BODY_RULES, MISSING, PATH_RULES, QUERY_RULES, ROTATION_BODY_RULES, TypeValidator, ZodValidator

JSON_TYPE = 'application/json; charset=utf-8'
REQ_ID_ALPHABET = string.ascii_letters + string.digits + '-_'
SECURITY_HEADERS = (
    ('strict-transport-security', 'max-age=15552000; includeSubDomains'),
    ('x-content-type-options', 'nosniff'),
    ('x-frame-options', 'SAMEORIGIN'),
)
SECRET_KEYS = ('clientSecret', 'jwt', 'accessToken', 'apiToken')
ERROR_NAMES = {
    400: ('BadRequest', 'Bad request'),
    401: ('UnauthorizedError', 'Unauthorized'),
    403: ('PermissionDenied', 'You are not allowed to access this resource'),
    404: ('NotFound', 'Not found'),
    422: ('ValidationFailure', 'Validation failed'),
    500: ('InternalServerError', 'Something went wrong'),
    503: ('ServiceUnavailable', 'The server is temporarily unavailable. Please try again later.'),
}
PROXY_PAGE = '<html>\r\n<head><title>%(code)d %(reason)s</title></head>\r\n<body>\r\n<center><h1>%(code)d %(reason)s</h1></center>\r\n' \
             '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'
NO_BODY_SCHEMA = {'type': 'object', 'properties': {}, 'additionalProperties': False}
# The eight routes of a rotation type, by kind, and the DBT operation of the spec files each is (or is derived from).
TYPE_OPERATIONS = (
    ('list', 'listDBTServiceTokenRotations'), ('create', 'createDBTServiceTokenRotation'), ('get', 'getDBTServiceTokenRotation'),
    ('get_by_name', 'getDBTServiceTokenRotationByName'), ('update', 'updateDBTServiceTokenRotation'),
    ('delete', 'deleteDBTServiceTokenRotation'), ('credentials', 'getDBTServiceTokenRotationGeneratedCredentials'),
    ('rotate', 'rotateDBTServiceTokenRotation'),
)
ROTATIONS_PATH = '/api/v2/secret-rotations'
# The routes whose answer is one rotation named by the path: a stale fault (or a reshape with "apply": false)
# answers them with a GET by id of that rotation instead of applying anything.
READ_BACK_KINDS = ('get', 'update', 'delete', 'rotate')


def new_req_id():
    return 'req-' + ''.join(REQ_ID_ALPHABET[byte % len(REQ_ID_ALPHABET)] for byte in bytearray(os.urandom(14)))


def _seconds_text(value):
    return str(int(value)) if float(value).is_integer() else str(value)


def _reject_constant(name):
    raise ValueError('%s is not JSON' % name)


class Response(object):
    """A response to write: status, body (JSON value, text or bytes), extra headers and content type."""

    def __init__(self, status, body=None, headers=None, content_type=JSON_TYPE):
        self.status = status
        self.body = body
        self.headers = list(headers or [])
        self.content_type = content_type
        if body is None:
            self.data = b''
        elif isinstance(body, bytes):
            self.data = body
        elif isinstance(body, str):
            self.data = body.encode('utf-8')
        else:
            self.data = json.dumps(body, separators=(',', ':'), ensure_ascii=False).encode('utf-8')


class Call(object):
    """One API request on its way through the pipeline."""

    def __init__(self, handler, body_bytes):
        self.method = handler.command
        self.url = handler.path
        self.path, dummy, self.query_string = handler.path.partition('?')
        self.headers = handler.headers
        self.body_bytes = body_bytes
        self.req_id = new_req_id()
        self.identity = None
        self.action = None
        self.cleanups = []
        self.entry = None
        self.route = None
        self.read_back = False  # True once a GET by id answered instead of the route (stale, reshape without apply)

    def run_cleanups(self):
        while self.cleanups:
            self.cleanups.pop()()


class Route(object):
    """What the mock does with one operation: its handler, and the validators of its path, query and body.

    kind ('list', 'create', ... 'reconcile', 'list_all', 'options') and rotation_type (the URL's type) tell the
    handler what to do; body_validator replaces the spec's body schema (the per-type TypeValidator).
    """

    def __init__(self, operation, handler, auth=True, body_rules=None, kind=None, rotation_type=None, body_validator=None):
        self.operation = operation
        self.handler = handler
        self.auth = auth
        self.kind = kind
        self.rotation_type = rotation_type
        self.category = 'read' if operation.method == 'GET' else 'write'
        self.path_validator = ZodValidator(operation.params_schema(operation.path_params), PATH_RULES, strict=False)
        self.query_validator = ZodValidator(operation.params_schema(operation.query_params), QUERY_RULES)
        self.body_required = True
        if body_validator is not None:
            self.body_validator = body_validator
        elif operation.body_schema is not None:
            self.body_validator = ZodValidator(operation.body_schema, body_rules)
        elif operation.method in ('POST', 'PATCH', 'DELETE', 'PUT'):
            # No body in the spec: the mock accepts none, null or {} (stricter than the real server, which ignores a body).
            self.body_validator = ZodValidator(NO_BODY_SCHEMA)
            self.body_required = False
        else:
            self.body_validator = None
            self.body_required = False


def rotation_schema(base, slugs):
    """The response schema of a rotation of one of these types: the DBT spec's rotation object (base) with the
    types' own type, connection app, parameters and secretsMapping (shapes built from the type data)."""
    schema = copy.deepcopy(base)
    props = schema['properties']
    props['type'] = {'type': 'string', 'enum': list(slugs)}
    props['connection']['properties']['app']['enum'] = sorted(set(TYPES[slug]['app'] for slug in slugs))
    for member, section in (('parameters', 'parameters'), ('secretsMapping', 'secrets_mapping')):
        shapes = [object_schema(TYPES[slug][section]) for slug in slugs]
        props[member] = shapes[0] if len(shapes) == 1 else {'anyOf': shapes}
    return schema


def _ok_schema(operation):
    return operation['responses']['200']['content']['application/json']['schema']


def derive_type_operation(base, kind, slug):
    """One of a type's eight routes, from the DBT operation of the same kind: the type's path and answer schemas."""
    slugs = same_app_types(slug)  # the rotations a type's URL answers (Infisical compares connection apps)

    def change(operation):
        operation.pop('requestBody', None)  # the type's TypeValidator checks the body
        ok = _ok_schema(operation)['properties']
        if 'secretRotation' in ok:
            ok['secretRotation'] = rotation_schema(ok['secretRotation'], slugs)
        if 'secretRotations' in ok:
            ok['secretRotations']['items'] = rotation_schema(ok['secretRotations']['items'], [slug])
        if 'generatedCredentials' in ok:
            shapes = [credentials_schema(item) for item in slugs]
            ok['generatedCredentials']['items'] = shapes[0] if len(shapes) == 1 else {'anyOf': shapes}
            ok['type']['enum'] = slugs
    template = base.template.replace('/' + DBT, '/' + slug)
    return derive_operation(base, '%s:%s' % (kind, slug), template, change)


def derive_extra_operations(dbt):
    """The routes beyond each type's eight: reconcile (three types), the all-types list and the options."""
    rotation = _ok_schema(dbt['getDBTServiceTokenRotation'].raw)['properties']['secretRotation']
    derived = []

    def reconcile(operation):
        _ok_schema(operation).update({'properties': {
            'message': {'type': 'string'}, 'reconciled': {'type': 'boolean'},
            'secretRotation': rotation_schema(rotation, RECONCILE_TYPES)},  # reconcile does not compare the URL's type
            'required': ['message', 'reconciled', 'secretRotation']})
    for slug in RECONCILE_TYPES:
        template = ROTATIONS_PATH + '/%s/{rotationId}/reconcile' % slug
        derived.append(('reconcile', slug, derive_operation(dbt['rotateDBTServiceTokenRotation'], 'reconcile:' + slug, template, reconcile)))

    def list_all(operation):
        items = {'type': 'object', 'required': ['type'], 'properties': {'type': {'type': 'string', 'enum': list(SLUGS)}},
                 'allOf': [{'if': {'properties': {'type': {'const': slug}}}, 'then': rotation_schema(rotation, [slug])} for slug in SLUGS]}
        _ok_schema(operation)['properties']['secretRotations']['items'] = items
    derived.append(('list_all', None, derive_operation(dbt['listDBTServiceTokenRotations'], 'listSecretRotations', ROTATIONS_PATH, list_all)))

    def option_list(operation):
        operation['parameters'] = []
        template = {'type': 'object', 'properties': {'secretsMapping': {'type': 'object', 'additionalProperties': {'type': 'string'}}},
                    'required': ['secretsMapping'], 'additionalProperties': False}
        item = {'type': 'object', 'properties': {'name': {'type': 'string'}, 'connection': {'type': 'string'},
                                                 'type': {'type': 'string', 'enum': list(SLUGS)}, 'template': template},
                'required': ['name', 'connection', 'type', 'template'], 'additionalProperties': False}
        _ok_schema(operation).update({'properties': {'secretRotationOptions': {'type': 'array', 'items': item}},
                                      'required': ['secretRotationOptions']})
    derived.append(('options', None, derive_operation(dbt['listDBTServiceTokenRotations'], 'listSecretRotationOptions',
                                                      ROTATIONS_PATH + '/options', option_list)))
    return derived


class RateLimiter(object):
    """Infisical Cloud's limiter: a fixed 60 s window per category (read for GET, write otherwise)."""

    WINDOW = 60

    def __init__(self, read=None, write=None):
        self.limits = {'read': read, 'write': write}
        self.windows = {}
        self.lock = threading.Lock()

    def reset(self):
        with self.lock:
            self.windows = {}

    def hit(self, category):
        """(retry_after or None, headers) for one more request of a category; no headers when it is off."""
        limit = self.limits.get(category)
        if not limit:
            return None, []
        with self.lock:
            now = time.monotonic()
            start, count = self.windows.get(category, (now, 0))
            if now - start >= self.WINDOW:
                start, count = now, 0
            count += 1
            self.windows[category] = (start, count)
        reset = max(0, int(math.ceil(start + self.WINDOW - now)))
        headers = [('x-ratelimit-limit', str(limit)), ('x-ratelimit-remaining', str(max(0, limit - count))), ('x-ratelimit-reset', str(reset))]
        if count > limit:
            return reset, headers + [('retry-after', str(reset))]
        return None, headers


def rate_limit_body(req_id, seconds):
    return {'reqId': req_id, 'statusCode': 429, 'message': 'Rate limit exceeded. Please try again in %s seconds' % _seconds_text(seconds),
            'error': 'RateLimitExceeded'}


def read_body(handler):
    """The raw request body (Content-Length or chunked)."""
    length = handler.headers.get('Content-Length')
    if length:
        try:
            return handler.rfile.read(int(length))
        except ValueError:
            return b''
    if 'chunked' not in (handler.headers.get('Transfer-Encoding') or '').lower():
        return b''
    chunks = []
    while True:
        size = int(handler.rfile.readline().split(b';')[0].strip() or b'0', 16)
        if size == 0:
            while handler.rfile.readline() not in (b'\r\n', b'\n', b''):
                continue
            return b''.join(chunks)
        chunks.append(handler.rfile.read(size))
        handler.rfile.readline()


class App(object):
    """The mock server's brain, shared by all request threads."""

    def __init__(self, seed_path=None, rate_limit_read=None, rate_limit_write=None, verbose=False, latency=0.0):
        self.seed_path = seed_path or DEFAULT_SEED_PATH
        # Seconds each API request waits before it is handled: a network's round trip, for benchmarks.
        self.latency = self.startup_latency = latency
        self.seed = load_seed(self.seed_path)
        self.verbose = verbose
        self.lock = threading.RLock()
        self.state = State(self.seed)
        self.faults = Faults()
        self.limiter = RateLimiter(rate_limit_read, rate_limit_write)
        self.log = []
        self.log_lock = threading.Lock()
        self.seq = 0
        self.ever_issued = set()
        self.known_secrets = set(self.state.secret_values())
        operations = load_operations()
        handlers = {'list': self._list, 'create': self._create, 'get': self._get, 'get_by_name': self._get_by_name, 'update': self._update,
                    'delete': self._delete, 'credentials': self._credentials, 'rotate': self._rotate, 'reconcile': self._reconcile,
                    'list_all': self._list_all, 'options': self._options}
        routes = [Route(operations['universalAuthLogin'], self._login_universal, False, LOGIN_BODY_RULES),
                  Route(operations['oidcAuthLogin'], self._login_oidc, False, LOGIN_BODY_RULES)]
        for kind, operation_id in TYPE_OPERATIONS:
            # DBT keeps the spec files' routes and body validation; every other type's are derived from them.
            rules = ROTATION_BODY_RULES if kind in ('create', 'update') else None
            routes.append(Route(operations[operation_id], handlers[kind], True, rules, kind, DBT))
            for slug in SLUGS:
                if slug != DBT:
                    validator = TypeValidator(slug, kind) if kind in ('create', 'update') else None
                    operation = derive_type_operation(operations[operation_id], kind, slug)
                    routes.append(Route(operation, handlers[kind], True, None, kind, slug, validator))
        for kind, slug, operation in derive_extra_operations(operations):
            routes.append(Route(operation, handlers[kind], True, None, kind, slug))
        self.routes = dict((route.operation.operation_id, route) for route in routes)
        self.router = Router(dict((operation_id, route.operation) for operation_id, route in self.routes.items()))

    # --- route handlers (called with self.lock held) -------------------------------------------------------------

    def _issued(self, call, answer):
        self.ever_issued.add(answer['accessToken'])
        call.entry['identity'] = self.state.identities[self.state.tokens[answer['accessToken']]['identityId']]['name']
        return answer

    def _login_universal(self, call, params, query, body):
        return self._issued(call, self.state.login_universal(body))

    def _login_oidc(self, call, params, query, body):
        return self._issued(call, self.state.login_oidc(body))

    def _list(self, call, params, query, body):
        return self.state.list_rotations(call.identity, query['projectId'], call.route.rotation_type)

    def _list_all(self, call, params, query, body):
        return self.state.list_rotations(call.identity, query['projectId'])

    def _options(self, call, params, query, body):
        return {'secretRotationOptions': options()}

    def _create(self, call, params, query, body):
        return self.state.create_rotation(call.identity, body, self._provider_failure(call), call.route.rotation_type)

    def _get(self, call, params, query, body):
        return self.state.get_rotation(call.identity, params['rotationId'], call.route.rotation_type)

    def _get_by_name(self, call, params, query, body):
        return self.state.get_rotation_by_name(call.identity, params['rotationName'], query, call.route.rotation_type)

    def _update(self, call, params, query, body):
        return self.state.update_rotation(call.identity, params['rotationId'], body, call.route.rotation_type)

    def _delete(self, call, params, query, body):
        return self.state.delete_rotation(call.identity, params['rotationId'], query.get('deleteSecrets') == 'true',
                                          query.get('revokeGeneratedCredentials') == 'true', call.route.rotation_type)

    def _credentials(self, call, params, query, body):
        return self.state.generated_credentials(call.identity, params['rotationId'], call.route.rotation_type)

    def _rotate(self, call, params, query, body):
        rotation, lock = self.state.start_rotation(call.identity, params['rotationId'], call.route.rotation_type)
        # Released when the answer is about to be written (after an apply_then_hang fault's sleep).
        call.cleanups.append(lock.release)
        return self.state.rotate(rotation, self._provider_failure(call))

    def _reconcile(self, call, params, query, body):
        return self.state.reconcile(call.identity, params['rotationId'], self._provider_failure(call))

    @staticmethod
    def _provider_failure(call):
        """A dbt_failure / provider_failure fault's refusal message ('' for the type's default), else None."""
        if call.action and call.action['type'] in PROVIDER_FAILURES:
            return call.action.get('message') or ''
        return None

    # --- the request pipeline --------------------------------------------------------------------------------------

    def handle(self, handler):
        body_bytes = read_body(handler)
        call = Call(handler, body_bytes)
        if call.path == '/__mock' or call.path.startswith('/__mock/'):
            self.write(handler, self.control(call), None)
            return
        call.entry = self._log_start(call)
        call.action = self.faults.take(call.method, call.path)
        call.entry['fault'] = call.action['type'] if call.action else None
        try:
            self._handle_with_faults(handler, call)
        finally:
            call.run_cleanups()

    def _handle_with_faults(self, handler, call):
        if self.latency:
            time.sleep(self.latency)
        action = call.action or {'type': None}
        if action['type'] in PRE_ACTIONS:
            call.entry['identity'] = self._peek_identity(call)
            if action['type'] == 'reset':
                self.abort(handler)
                return
            response = self.fault_response(action, call)
            call.entry['status'] = response.status
            self.write(handler, response, call)
            return
        if action['type'] == 'delay':
            time.sleep(action['seconds'])
        read_back = action['type'] == 'stale' or (action['type'] == 'reshape' and not action.get('apply', True))
        response = self.handle_api(call, read_back)
        call.entry['handled_status'] = None if call.read_back else response.status
        if action['type'] == 'apply_then_hang':
            time.sleep(action['seconds'])
        call.run_cleanups()
        if action['type'] == 'apply_then_reset':
            self.abort(handler)
            return
        if action['type'] == 'apply_then_status':
            response = self.fault_response(action, call)
        elif action['type'] == 'reshape':
            response = Response(action.get('status', response.status), reshape_body(response.body, action), response.headers,
                                response.content_type)
        call.entry['status'] = response.status
        if action['type'] == 'drip':
            self.drip(handler, response, call, action['interval'], action.get('headers', False))
        else:
            self.write(handler, response, call)

    def handle_api(self, call, read_back=False):
        """The answer of the mock Infisical API to one request (state changes included).

        read_back: on a route of READ_BACK_OPERATIONS whose rotation exists, answer what a GET by id of it answers
        instead of running the route (nothing applied; call.read_back tells it happened, and the answer is not
        checked against the route's spec). Every step before the route (auth, parsing, rate limit, validation) runs.
        """
        path = call.path[:-1] if len(call.path) > 1 and call.path.endswith('/') else call.path
        operation, raw_params = self.router.match(call.method, path)
        if operation is None:
            return Response(404, {'message': 'Route %s:%s not found' % (call.method, call.url), 'error': 'Not Found', 'statusCode': 404})
        route = self.routes[operation.operation_id]
        call.route = route
        limit_headers = []
        try:
            if route.auth:
                with self.lock:
                    call.identity = self.state.identity_for(call.headers.get('Authorization'), self.ever_issued)
                call.entry['identity'] = call.identity['name']
            body = self.parse_body(call)
            retry_after, limit_headers = self.limiter.hit(route.category)
            if retry_after is not None:
                return Response(429, rate_limit_body(call.req_id, retry_after), limit_headers)
            params = self._validate(route.path_validator, dict((key, unquote(value)) for key, value in raw_params.items()))
            if route.body_required:
                body = self._validate(route.body_validator, body)
            elif route.body_validator is not None and body is not MISSING and body is not None:
                self._validate(route.body_validator, body)
            query = self._validate(route.query_validator, self._query(call))
            with self.lock:
                if read_back and route.kind in READ_BACK_KINDS and params.get('rotationId') in self.state.rotations:
                    call.read_back = True
                    result = self.state.get_rotation(call.identity, params['rotationId'], route.rotation_type)
                else:
                    result = route.handler(call, params, query, body)
                self.known_secrets.update(self.state.secret_values())
            response = Response(200, result, limit_headers)
        except ApiError as exc:
            response = Response(exc.status, exc.body(call.req_id), limit_headers)
        violations = []
        if isinstance(response.body, dict) and not call.read_back:
            violations = operation.response_errors(response.status, response.body)
        call.entry['spec_violations'] = violations
        if violations:
            sys.stderr.write('mock_infisical: %s %s answered %d against the spec: %s\n' % (call.method, call.path, response.status, violations))
        return response

    @staticmethod
    def _validate(validator, value):
        result, issues = validator.validate(value)
        if issues:
            raise ApiError(422, 'ValidationFailure', issues)
        return result

    @staticmethod
    def _query(call):
        query = {}
        for key, value in parse_qsl(call.query_string, keep_blank_values=True):
            if key in query:
                query[key] = (query[key] if isinstance(query[key], list) else [query[key]]) + [value]
            else:
                query[key] = value
        return query

    @staticmethod
    def parse_body(call):
        """The parsed body, MISSING when there is none; the content-type traps of the real server answer 500."""
        if call.method in ('GET', 'HEAD'):
            return MISSING
        content_type = (call.headers.get('Content-Type') or '').split(';')[0].strip().lower()
        if not call.body_bytes:
            if content_type == 'application/json':
                raise internal_error()  # fastify's empty-JSON-body error, answered 500 by Infisical (main-55)
            return MISSING
        if content_type == 'application/json':
            try:
                return json.loads(call.body_bytes.decode('utf-8'), parse_constant=_reject_constant)
            except (ValueError, UnicodeDecodeError):
                raise internal_error()  # main-30
        if content_type == 'text/plain':
            return call.body_bytes.decode('utf-8', 'replace')
        raise internal_error()  # no or another content type: fastify's 415, answered 500 by Infisical

    def _peek_identity(self, call):
        try:
            with self.lock:
                return self.state.identity_for(call.headers.get('Authorization'), self.ever_issued)['name']
        except ApiError:
            return None

    def fault_response(self, action, call):
        """The answer a status or rate_limit fault gives instead of (or after) the real one."""
        if action['type'] == 'rate_limit':
            headers = []
            seconds = 1
            for key in ('seconds', 'ratelimit_reset', 'retry_after_date', 'retry_after'):
                if action.get(key) is not None:
                    seconds = action[key]
            if action.get('retry_after') is not None:
                headers.append(('retry-after', _seconds_text(action['retry_after'])))
            if action.get('retry_after_date') is not None:
                headers.append(('retry-after', email.utils.formatdate(time.time() + action['retry_after_date'], usegmt=True)))
            if action.get('ratelimit_reset') is not None:
                headers.append(('x-ratelimit-reset', _seconds_text(action['ratelimit_reset'])))
            return Response(429, rate_limit_body(call.req_id, seconds), headers)
        status = action['status']
        if action.get('body') is not None:
            body = action['body']
            default_type = JSON_TYPE if isinstance(body, (dict, list)) else 'text/plain; charset=utf-8'
            if not isinstance(body, (dict, list)):
                body = str(body)
            return Response(status, body, content_type=action.get('content_type', default_type))
        if status in (502, 504):
            page = PROXY_PAGE % {'code': status, 'reason': 'Bad Gateway' if status == 502 else 'Gateway Time-out'}
            return Response(status, page, content_type='text/html')
        error, message = ERROR_NAMES.get(status, ('Error', HTTP_REASONS.get(status, 'Error')))
        return Response(status, {'reqId': call.req_id, 'statusCode': status, 'message': message, 'error': error})

    # --- writing -----------------------------------------------------------------------------------------------------

    @staticmethod
    def abort(handler):
        """Close the connection with a TCP RST (SO_LINGER 0), answering nothing."""
        handler.close_connection = True
        sock = handler.connection
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
        except OSError:
            pass
        handler.rfile.close()
        sock.close()

    @staticmethod
    def prepare(response, call):
        """(status, headers, body bytes) of an answer as written: an API answer (call given) gets its etag,
        request id and security headers, and a 304 for a GET whose If-None-Match matches."""
        status, data = response.status, response.data
        headers = list(response.headers)
        if call is not None:
            etag = '"%s"' % base64.b64encode(hashlib.sha1(data).digest()).decode('ascii')
            if status == 200 and call.method == 'GET' and call.headers.get('If-None-Match') == etag:
                status, data = 304, b''
            headers = [('etag', etag), ('x-request-id', call.req_id)] + list(SECURITY_HEADERS) + headers
        if status != 304:
            headers = [('Content-Type', response.content_type), ('Content-Length', str(len(data)))] + headers
        return status, headers, data

    @staticmethod
    def write(handler, response, call):
        status, headers, data = App.prepare(response, call)
        if call is not None and getattr(call, 'entry', None) is not None:
            call.entry['answered'] = time.time()
        try:
            handler.send_response(status)
            for name, value in headers:
                handler.send_header(name, value)
            handler.end_headers()
            if data:
                handler.wfile.write(data)
        except OSError:
            handler.close_connection = True

    @staticmethod
    def drip(handler, response, call, interval, headers_too=False):
        """Write an answer one byte every interval seconds, straight to the socket (TCP_NODELAY, nothing buffered):
        the body only, or with headers_too the status line and headers as well. Stops quietly when the client
        hangs up; the connection is closed afterwards (the answer says so)."""
        status, headers, data = App.prepare(response, call)
        handler.log_request(status)
        lines = ['%s %d %s' % (handler.protocol_version, status, handler.responses.get(status, ('',))[0]),
                 'Server: %s' % handler.version_string(), 'Date: %s' % handler.date_time_string()]
        lines += ['%s: %s' % (name, value) for name, value in headers] + ['Connection: close']
        head = ('\r\n'.join(lines) + '\r\n\r\n').encode('latin-1', 'strict')
        handler.close_connection = True
        sock = handler.connection
        try:
            if headers_too:
                data = head + data
            else:
                sock.sendall(head)
            for index in range(len(data)):
                time.sleep(interval)
                sock.sendall(data[index:index + 1])
        except OSError:
            pass

    # --- the request log ---------------------------------------------------------------------------------------------

    def _log_start(self, call):
        authorization = call.headers.get('Authorization')
        if authorization:
            scheme = authorization.strip().split(' ')[0] or 'Bearer'
            authorization = '%s ***' % scheme
        entry = {
            'seq': None, 'method': call.method, 'path': call.path, 'query': self._query(call),
            'content_type': call.headers.get('Content-Type'), 'authorization': authorization or None,
            'user_agent': call.headers.get('User-Agent'), 'body': self._log_body(call.body_bytes),
            'body_bytes': len(call.body_bytes), 'status': None, 'handled_status': None, 'fault': None, 'identity': None,
            'req_id': call.req_id, 'time': time.time(), 'spec_violations': [],
        }
        with self.log_lock:
            self.seq += 1
            entry['seq'] = self.seq
            self.log.append(entry)
        return entry

    def _log_body(self, data):
        if not data:
            return None
        text = data.decode('utf-8', 'replace')
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = MISSING
        if parsed is not MISSING:
            self._remember_temporary(parsed)
            return self._redact(parsed)
        with self.lock:
            secrets = sorted(self.known_secrets, key=len, reverse=True)
        for secret in secrets:
            if secret and secret in text:
                text = text.replace(secret, 'REDACTED')
        return text[:4000]

    def _remember_temporary(self, body):
        """Every string sent in a body's temporaryParameters becomes a known secret, whatever the answer will be."""
        if not isinstance(body, dict) or not isinstance(body.get('temporaryParameters'), dict):
            return
        strings = []

        def collect(value):
            if isinstance(value, dict):
                for item in value.values():
                    collect(item)
            elif isinstance(value, list):
                for item in value:
                    collect(item)
            elif isinstance(value, str) and value:
                strings.append(value)
        collect(body['temporaryParameters'])
        with self.lock:
            self.known_secrets.update(strings)

    def _redact(self, value, by_key=True):
        """A copy of a logged body with secrets replaced: values of SECRET_KEYS members (not inside secretsMapping,
        whose values are secret names) and every known secret value."""
        if isinstance(value, dict):
            return dict((key, 'REDACTED' if by_key and key in SECRET_KEYS else self._redact(item, by_key and key != 'secretsMapping'))
                        for key, item in value.items())
        if isinstance(value, list):
            return [self._redact(item, by_key) for item in value]
        if isinstance(value, str) and (value.startswith('dbtu_') or value in self.known_secrets):
            return 'REDACTED'
        return value

    # --- test controls -----------------------------------------------------------------------------------------------

    def reset(self, seed=None):
        seed = seed if seed is not None else load_seed(self.seed_path)
        with self.lock:
            self.state = State(seed)
            self.seed = seed
            self.known_secrets.update(self.state.secret_values())
        self.faults.clear()
        self.limiter.reset()
        self.latency = self.startup_latency
        with self.log_lock:
            self.log = []

    def control(self, call):
        """The /__mock/ endpoints: no auth, no log, no rate limit, no faults."""
        try:
            payload = json.loads(call.body_bytes.decode('utf-8')) if call.body_bytes.strip() else None
        except (ValueError, UnicodeDecodeError) as exc:
            return Response(400, {'error': 'body is not JSON: %s' % exc})
        key = (call.method, call.path.rstrip('/'))
        try:
            answer = self._control(key, payload)
        except (FaultError, ValueError, TypeError) as exc:
            return Response(400, {'error': str(exc)})
        if answer is None:
            return Response(404, {'error': 'no mock control %s %s' % key})
        return Response(200, answer)

    def _control(self, key, payload):
        if key == ('GET', '/__mock/health'):
            return {'ok': True}
        if key == ('GET', '/__mock/requests'):
            with self.log_lock:
                return {'requests': copy.deepcopy(self.log)}
        if key == ('DELETE', '/__mock/requests'):
            with self.log_lock:
                self.log = []
            return {'requests': []}
        if key == ('GET', '/__mock/state'):
            with self.lock:
                return self.state.snapshot()
        if key == ('GET', '/__mock/seed'):
            with self.lock:
                return copy.deepcopy(self.seed)
        if key == ('POST', '/__mock/reset'):
            seed = (payload or {}).get('seed')
            try:
                self.reset(seed)
            except (KeyError, AttributeError) as exc:
                raise ValueError('cannot load that seed: %r' % exc)
            return {'reset': True}
        if key == ('GET', '/__mock/faults'):
            return {'faults': self.faults.listing()}
        if key == ('POST', '/__mock/faults'):
            return {'fault': self.faults.add(payload)}
        if key == ('DELETE', '/__mock/faults'):
            self.faults.clear()
            return {'faults': []}
        if key == ('POST', '/__mock/tokens/expire'):
            with self.lock:
                self.state.expire_tokens()
                return {'expired': len(self.state.tokens)}
        if key == ('GET', '/__mock/secrets'):
            with self.lock:
                return {'values': sorted(self.known_secrets | self.ever_issued)}
        if key == ('POST', '/__mock/config'):
            return self._configure(payload or {})
        return None

    def _configure(self, payload):
        unknown = [key for key in payload if key not in ('licensed', 'rate_limit_read', 'rate_limit_write', 'latency')]
        if unknown:
            raise ValueError('unknown config keys: %s' % ', '.join(unknown))
        latency = payload.get('latency', self.latency)
        if isinstance(latency, bool) or not isinstance(latency, (int, float)) or not 0 <= latency <= 60:
            raise ValueError('latency must be a number of seconds from 0 to 60')
        with self.lock:
            self.latency = latency
            if 'licensed' in payload:
                self.state.licensed = bool(payload['licensed'])
            for key in ('rate_limit_read', 'rate_limit_write'):
                if key in payload:
                    self.limiter.limits[key.rsplit('_', 1)[1]] = payload[key]
            self.limiter.reset()
            return {'licensed': self.state.licensed, 'rate_limit_read': self.limiter.limits['read'],
                    'rate_limit_write': self.limiter.limits['write'], 'latency': self.latency}


class Handler(BaseHTTPRequestHandler):
    """Hands every request to the App (HTTP/1.1 with keep-alive)."""

    protocol_version = 'HTTP/1.1'
    # Headers and body are two writes: without TCP_NODELAY, Nagle's algorithm and the client's delayed ACK
    # add ~40 ms to every keep-alive answer (Infisical's Node server sets no-delay too).
    disable_nagle_algorithm = True
    server_version = 'mock-infisical'
    sys_version = ''

    def _dispatch(self):
        try:
            self.server.app.handle(self)
        except Exception:  # a bug in the mock: answer 500 rather than hang the client
            traceback.print_exc()
            self.server.app.write(self, Response(500, {'statusCode': 500, 'error': 'MockServerBug', 'message': 'see the mock server log'}), None)
            self.close_connection = True

    do_GET = do_POST = do_PATCH = do_DELETE = do_PUT = do_OPTIONS = _dispatch

    def version_string(self):
        return self.server_version

    def log_message(self, format, *args):
        if self.server.app.verbose:
            sys.stderr.write('mock_infisical: %s - %s\n' % (self.address_string(), format % args))


class MockHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server on 127.0.0.1 that serves an App."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, app, port=0):
        self.app = app
        ThreadingHTTPServer.__init__(self, ('127.0.0.1', port), Handler)
