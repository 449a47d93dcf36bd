"""The OpenAPI documents in spec/: operations, routing, and JSON Schema validators for their bodies.

OpenAPI 3.0 schemas are turned into JSON Schema (draft 7) here: "nullable: true" becomes a "null" type and
local "$ref"s are inlined.
"""

import copy
import datetime
import os
import re

import yaml
from jsonschema import Draft7Validator, FormatChecker

SPEC_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'spec')
HTTP_METHODS = ('get', 'post', 'put', 'patch', 'delete')

FORMAT_CHECKER = FormatChecker()


@FORMAT_CHECKER.checks('date-time', raises=ValueError)
def _is_date_time(value):
    if not isinstance(value, str):
        return True
    if not re.match(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$', value):
        raise ValueError('not an RFC 3339 date-time: %r' % value)
    datetime.datetime.strptime(value[:19], '%Y-%m-%dT%H:%M:%S')
    return True


def resolve_refs(node, document):
    """A copy of node with every local $ref replaced by what it points to."""
    if isinstance(node, list):
        return [resolve_refs(item, document) for item in node]
    if not isinstance(node, dict):
        return node
    if '$ref' in node:
        target = document
        for part in node['$ref'].lstrip('#/').split('/'):
            target = target[part]
        return resolve_refs(target, document)
    return dict((key, resolve_refs(value, document)) for key, value in node.items())


def to_json_schema(schema):
    """An OpenAPI 3.0 schema (refs already resolved) as a JSON Schema: nullable becomes a null type."""
    if isinstance(schema, list):
        return [to_json_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result = dict((key, to_json_schema(value)) for key, value in schema.items() if key != 'nullable')
    if schema.get('nullable') and 'type' in result:
        result['type'] = [result['type'], 'null']
        if 'enum' in result:
            result['enum'] = list(result['enum']) + [None]
    return result


def make_validator(openapi_schema):
    """A jsonschema validator (with uuid and date-time format checks) for an OpenAPI schema."""
    return Draft7Validator(to_json_schema(openapi_schema), format_checker=FORMAT_CHECKER)


class Operation(object):
    """One operation of the spec: where it is routed and what its request and responses look like."""

    def __init__(self, operation_id, method, template, operation, source):
        self.operation_id = operation_id
        self.raw = operation
        self.method = method.upper()
        self.template = template
        self.source = source
        segments = template.strip('/').split('/')
        self.static_segments = len([seg for seg in segments if not seg.startswith('{')])
        pattern = '/'.join('(?P<%s>[^/]*)' % seg[1:-1] if seg.startswith('{') else re.escape(seg) for seg in segments)
        self.regex = re.compile('^/' + pattern + '$')
        self.path_params = []
        self.query_params = []
        for param in operation.get('parameters', []):
            entry = (param['name'], param['schema'], bool(param.get('required')))
            if param['in'] == 'path':
                self.path_params.append(entry)
            elif param['in'] == 'query':
                self.query_params.append(entry)
        body = operation.get('requestBody')
        self.body_schema = body['content']['application/json']['schema'] if body else None
        self.responses = {}
        for status, response in operation.get('responses', {}).items():
            content = response.get('content', {}).get('application/json')
            if content:
                self.responses[int(status)] = content['schema']
        self._validators = {}

    def params_schema(self, params):
        """An object schema (OpenAPI form) for a list of (name, schema, required) parameters."""
        return {
            'type': 'object',
            'properties': dict((name, schema) for name, schema, dummy in params),
            'required': [name for name, dummy, required in params if required],
            'additionalProperties': False,
        }

    def response_validator(self, status):
        """The jsonschema validator of a response status, or None when the spec has no schema for it."""
        if status not in self.responses:
            return None
        if status not in self._validators:
            self._validators[status] = make_validator(self.responses[status])
        return self._validators[status]

    def response_errors(self, status, body):
        """Messages of every way a response body breaks the spec's schema for its status ([] when it conforms)."""
        validator = self.response_validator(status)
        if validator is None:
            return []
        return ['%s at %s' % (error.message, list(error.absolute_path)) for error in validator.iter_errors(body)]


def derive_operation(base, operation_id, template, change=None, method=None):
    """A new operation made from a copy of another one's (resolved) OpenAPI text: another path and id, and whatever
    change(operation_dict) does to it (e.g. other response schemas). The rotation types the spec files do not cover
    are served this way from the DBT operations."""
    operation = copy.deepcopy(base.raw)
    operation['operationId'] = operation_id
    if change is not None:
        change(operation)
    return Operation(operation_id, method or base.method, template, operation, 'derived from %s' % base.source)


def load_operations(spec_dir=SPEC_DIR):
    """Every operation of every spec/*.yaml document, keyed by operationId."""
    operations = {}
    for name in sorted(os.listdir(spec_dir)):
        if not name.endswith('.yaml'):
            continue
        with open(os.path.join(spec_dir, name), encoding='utf-8') as spec_file:
            document = yaml.safe_load(spec_file)
        for template, path_item in document.get('paths', {}).items():
            for method, operation in path_item.items():
                if method not in HTTP_METHODS:
                    continue
                operation = resolve_refs(copy.deepcopy(operation), document)
                operations[operation['operationId']] = Operation(operation['operationId'], method, template, operation, name)
    return operations


class Router(object):
    """Finds the operation for a method and path; static segments win over parameters, as in fastify."""

    def __init__(self, operations):
        self.operations = sorted(operations.values(), key=lambda op: -op.static_segments)

    def match(self, method, path):
        """(operation, path parameters) for a request, or (None, None) when no route matches."""
        for operation in self.operations:
            if operation.method != method:
                continue
            match = operation.regex.match(path)
            if match:
                return operation, match.groupdict()
        return None, None
