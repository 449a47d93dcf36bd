"""Helpers for tests that talk to the mock Infisical server (standard library, PyYAML and jsonschema).

- ``MockInfisical`` (re-exported from mock_infisical.control) starts the server and drives its controls;
- ``RawApi`` sends exactly the bytes and headers a test asks for (no proxy, no added content type) and checks
  every answer of a spec operation against that operation's response schema in tests/mock_infisical/spec;
- ``SpecChecker`` is that check: its own routing over the spec files, jsonschema for the schemas;
- ``recording(name)`` loads one of the exchanges recorded from Infisical's server code.
"""

import glob
import http.client
import json
import os
import re
import sys

import yaml

TESTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from mock_infisical.control import MockInfisical  # noqa: E402
from mock_infisical.spec import make_validator, resolve_refs  # noqa: E402

MOCK_DIR = os.path.join(TESTS_DIR, 'mock_infisical')
SPEC_DIR = os.path.join(MOCK_DIR, 'spec')
RECORDED_DIR = os.path.join(MOCK_DIR, 'recorded')

__all__ = ['MockInfisical', 'RawApi', 'Result', 'SpecChecker', 'recording', 'TESTS_DIR', 'RECORDED_DIR', 'SPEC_DIR']


def recording(name):
    """One recorded exchange by file name, with or without ".json" (e.g. "main-33" matches main-33-*.json)."""
    matches = sorted(glob.glob(os.path.join(RECORDED_DIR, name if name.endswith('.json') else name + '*.json')))
    if len(matches) != 1:
        raise LookupError('%d recordings match %r' % (len(matches), name))
    with open(matches[0], encoding='utf-8') as record_file:
        return json.load(record_file)


class SpecChecker(object):
    """Validates response bodies against the response schemas of the spec files, by method, path and status."""

    def __init__(self, spec_dir=SPEC_DIR):
        self.operations = []
        self.checked = set()
        for path in sorted(glob.glob(os.path.join(spec_dir, '*.yaml'))):
            with open(path, encoding='utf-8') as spec_file:
                document = yaml.safe_load(spec_file)
            for template, item in document['paths'].items():
                regex = re.compile('^' + re.sub(r'\{[^}]+\}', '[^/]+', template) + '/?$')
                for method, operation in item.items():
                    responses = {}
                    for status, response in operation.get('responses', {}).items():
                        schema = response.get('content', {}).get('application/json', {}).get('schema')
                        if schema is not None:
                            responses[int(status)] = make_validator(resolve_refs(schema, document))
                    self.operations.append((method.upper(), template, regex, responses, operation['operationId']))
        # Static segments first, as the server routes them.
        self.operations.sort(key=lambda op: -len([seg for seg in op[1].split('/') if seg and not seg.startswith('{')]))

    def operation(self, method, path):
        for op_method, dummy, regex, responses, operation_id in self.operations:
            if op_method == method and regex.match(path):
                return operation_id, responses
        return None, None

    def errors(self, method, path, status, body):
        """Schema violations of one answer; [] when it conforms or when the spec has no schema for it."""
        operation_id, responses = self.operation(method, path.split('?')[0])
        if operation_id is None or status not in responses:
            return []
        self.checked.add((operation_id, status))
        return ['%s at %s' % (error.message, list(error.absolute_path)) for error in responses[status].iter_errors(body)]


class Result(object):
    """An HTTP answer: status, headers (lower-case names), raw bytes and the decoded JSON body (None if not JSON)."""

    def __init__(self, status, headers, raw):
        self.status = status
        self.headers = headers
        self.raw = raw
        try:
            self.body = json.loads(raw.decode('utf-8')) if raw else None
        except ValueError:
            self.body = None

    def __repr__(self):
        return 'Result(%d, %r)' % (self.status, self.raw[:300])


class RawApi(object):
    """A plain HTTP client for the mock: sends exactly what it is told, checks every answer against the spec."""

    def __init__(self, url, checker=None, token=None):
        host, port = url.split('//', 1)[1].split(':')
        self.host = host
        self.port = int(port)
        self.checker = checker
        self.token = token

    def request(self, method, path, body=None, token=Ellipsis, headers=None, raw=None, content_type=None, timeout=10, check=True):
        """body: a JSON value sent with Content-Type application/json; raw: bytes sent as they are (content_type optional);
        token: a Bearer token (default: this client's), None for no Authorization header."""
        send_headers = {}
        data = None
        if body is not None:
            data = json.dumps(body).encode('utf-8')
            send_headers['Content-Type'] = 'application/json'
        if raw is not None:
            data = raw
        if content_type is not None:
            send_headers['Content-Type'] = content_type
        token = self.token if token is Ellipsis else token
        if token is not None:
            send_headers['Authorization'] = 'Bearer ' + token
        send_headers.update(headers or {})
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            connection.request(method, path, body=data, headers=send_headers)
            response = connection.getresponse()
            result = Result(response.status, dict((name.lower(), value) for name, value in response.getheaders()), response.read())
        finally:
            connection.close()
        if check and self.checker is not None:
            errors = self.checker.errors(method, path, result.status, result.body)
            assert not errors, '%s %s answered %d against the spec: %s' % (method, path, result.status, errors)
        return result

    def get(self, path, **kwargs):
        return self.request('GET', path, **kwargs)

    def post(self, path, body=None, **kwargs):
        return self.request('POST', path, body=body, **kwargs)

    def patch(self, path, body=None, **kwargs):
        return self.request('PATCH', path, body=body, **kwargs)

    def delete(self, path, **kwargs):
        return self.request('DELETE', path, **kwargs)
