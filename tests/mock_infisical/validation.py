"""Request validation that answers like Infisical's zod schemas: a list of zod issues for a 422 ValidationFailure.

The walk follows the OpenAPI schema of the operation (types, enums, lengths, bounds, required keys, uuid format,
property order) and a table of per-field rules for what only the zod source has: trimming, custom messages, the
slug and secret-name refinements and the trailing-slash transform of secretPath.

Deliberately stricter than the real server (so that a client bug cannot pass):
- unknown keys are rejected with an "unrecognized_keys" issue; the real server strips them silently;
- nothing is coerced: "14" for a number is an invalid_type issue; the real server coerces rotationInterval.
"""

import re

from .spec import make_validator

MISSING = object()
# String.prototype.trim removes ECMAScript WhiteSpace and LineTerminator: not Python's str.strip set.
JS_WHITESPACE = '\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'

UUID_RE = re.compile(r'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
# @sindresorhus/slugify(v, {lowercase: true}) === v holds exactly for these (and for "").
SLUG_RE = re.compile(r'^[a-z0-9]+(?:-[a-z0-9]+)*$')


def _slug_rule(field, maximum=64):
    return {
        'trim': True,
        'min_message': '%s field must be at least 1 lowercase character' % field,
        'max_message': '%s field must be at most %d lowercase characters' % (field, maximum),
        'slug': '%s field can only contain lowercase letters, numbers, and hyphens' % field,
    }


# Per-field rules, by path inside the validated object ("*" stands for any array index).
ROTATION_BODY_RULES = {
    ('name',): _slug_rule('name'),
    ('projectId',): {'trim': True, 'min_message': 'Project ID required'},
    ('description',): {'trim': True, 'max_message': 'Description cannot exceed 256 characters'},
    ('environment',): _slug_rule('environment'),
    ('secretPath',): {'trim': True, 'min_message': 'Secret path required', 'strip_trailing_slash': True},
    ('parameters', 'tokenName'): {'trim': True},
    ('secretsMapping', 'serviceToken'): {'trim': True, 'secret_name': 'Secret name cannot contain colon or forward slash.'},
}
QUERY_RULES = {
    ('projectId',): {'trim': True, 'min_message': 'Project ID required'},
    ('secretPath',): {'trim': True, 'min_message': 'Secret path required'},
    ('environment',): {'trim': True, 'min_message': 'Environment required'},
}
PATH_RULES = {
    ('rotationName',): {'trim': True, 'min_message': 'Rotation name required'},
}
LOGIN_BODY_RULES = {
    ('clientId',): {'trim': True},
    ('clientSecret',): {'trim': True},
    ('identityId',): {'trim': True},
    ('jwt',): {'trim': True},
    ('organizationSlug',): {'trim': True},
}


def js_length(text):
    """A string's length as zod checks it: JavaScript's, in UTF-16 code units."""
    return len(text.encode('utf-16-le')) // 2


def parsed_type(value):
    """zod's name for the type of a parsed JSON value."""
    if value is MISSING:
        return 'undefined'
    if value is None:
        return 'null'
    if isinstance(value, bool):
        return 'boolean'
    if isinstance(value, (int, float)):
        return 'number'
    if isinstance(value, str):
        return 'string'
    if isinstance(value, list):
        return 'array'
    return 'object'


def _join_values(values):
    return ' | '.join("'%s'" % value for value in values)


def _number_text(value):
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


class ZodValidator(object):
    """Validates a value against an OpenAPI schema, collecting zod-style issues in zod's order."""

    def __init__(self, schema, rules=None, strict=True):
        self.schema = schema
        self.rules = rules or {}
        self.strict = strict
        self._json_validator = make_validator(schema)

    def validate(self, value):
        """(normalized value, issues): strings trimmed and transformed, unknown keys dropped."""
        issues = []
        result = self._walk(self.schema, value, [], issues)
        if not issues:
            # Safety net: anything the walk does not know about still fails with the spec's own schema.
            for error in self._json_validator.iter_errors(result):
                issues.append({'code': 'custom', 'message': error.message, 'path': list(error.absolute_path)})
        return result, issues

    def _rule(self, path):
        return self.rules.get(tuple('*' if isinstance(part, int) else part for part in path), {})

    def _walk(self, schema, value, path, issues):
        expected = schema.get('type', 'object')
        if 'enum' in schema:
            expected = _join_values(schema['enum'])
        if value is MISSING:
            issues.append({'code': 'invalid_type', 'expected': expected, 'received': 'undefined', 'path': list(path), 'message': 'Required'})
            return value
        if value is None and schema.get('nullable'):
            return None
        received = parsed_type(value)
        if 'enum' in schema:
            return self._enum(schema, value, path, issues, expected, received)
        if received != expected:
            issues.append({'code': 'invalid_type', 'expected': expected, 'received': received, 'path': list(path),
                           'message': 'Expected %s, received %s' % (expected, received)})
            return value
        if expected == 'string':
            return self._string(schema, value, path, issues)
        if expected == 'number':
            self._bounds(schema, value, path, issues)
            return value
        if expected == 'array':
            return self._array(schema, value, path, issues)
        if expected == 'object':
            return self._object(schema, value, path, issues)
        return value

    def _enum(self, schema, value, path, issues, expected, received):
        if received != 'string':
            issues.append({'code': 'invalid_type', 'expected': expected, 'received': received, 'path': list(path),
                           'message': 'Expected %s, received %s' % (expected, received)})
        elif value not in schema['enum']:
            issues.append({'received': value, 'code': 'invalid_enum_value', 'options': list(schema['enum']), 'path': list(path),
                           'message': 'Invalid enum value. Expected %s, received \'%s\'' % (expected, value)})
        return value

    def _string(self, schema, value, path, issues):
        rule = self._rule(path)
        if rule.get('trim'):
            value = value.strip(JS_WHITESPACE)
        length = js_length(value)
        if schema.get('format') == 'uuid' and not UUID_RE.match(value):
            issues.append({'validation': 'uuid', 'code': 'invalid_string', 'message': 'Invalid uuid', 'path': list(path)})
        if 'minLength' in schema and length < schema['minLength']:
            minimum = schema['minLength']
            issues.append({'code': 'too_small', 'minimum': minimum, 'type': 'string', 'inclusive': True, 'exact': False,
                           'message': rule.get('min_message', 'String must contain at least %d character(s)' % minimum), 'path': list(path)})
        if 'maxLength' in schema and length > schema['maxLength']:
            maximum = schema['maxLength']
            issues.append({'code': 'too_big', 'maximum': maximum, 'type': 'string', 'inclusive': True, 'exact': False,
                           'message': rule.get('max_message', 'String must contain at most %d character(s)' % maximum), 'path': list(path)})
        if rule.get('slug') and value and not SLUG_RE.match(value):
            issues.append({'code': 'custom', 'message': rule['slug'], 'path': list(path)})
        if rule.get('secret_name') and (':' in value or '/' in value):
            issues.append({'code': 'custom', 'message': rule['secret_name'], 'path': list(path)})
        if rule.get('strip_trailing_slash') and value != '/' and value.endswith('/'):
            value = value[:-1]
        return value

    def _bounds(self, schema, value, path, issues):
        if 'minimum' in schema and value < schema['minimum']:
            issues.append({'code': 'too_small', 'minimum': schema['minimum'], 'type': 'number', 'inclusive': True, 'exact': False,
                           'message': 'Number must be greater than or equal to %s' % _number_text(schema['minimum']), 'path': list(path)})
        if 'maximum' in schema and value > schema['maximum']:
            issues.append({'code': 'too_big', 'maximum': schema['maximum'], 'type': 'number', 'inclusive': True, 'exact': False,
                           'message': 'Number must be less than or equal to %s' % _number_text(schema['maximum']), 'path': list(path)})

    def _array(self, schema, value, path, issues):
        if 'minItems' in schema and len(value) < schema['minItems']:
            issues.append({'code': 'too_small', 'minimum': schema['minItems'], 'type': 'array', 'inclusive': True, 'exact': False,
                           'message': 'Array must contain at least %d element(s)' % schema['minItems'], 'path': list(path)})
        if 'maxItems' in schema and len(value) > schema['maxItems']:
            issues.append({'code': 'too_big', 'maximum': schema['maxItems'], 'type': 'array', 'inclusive': True, 'exact': False,
                           'message': 'Array must contain at most %d element(s)' % schema['maxItems'], 'path': list(path)})
        item_schema = schema.get('items', {})
        return [self._walk(item_schema, item, path + [index], issues) for index, item in enumerate(value)]

    def _object(self, schema, value, path, issues):
        properties = schema.get('properties', {})
        required = schema.get('required', [])
        result = {}
        for key, prop_schema in properties.items():
            if key in value:
                result[key] = self._walk(prop_schema, value[key], path + [key], issues)
            elif key in required:
                self._walk(prop_schema, MISSING, path + [key], issues)
        unknown = [key for key in value if key not in properties]
        if unknown and self.strict:
            issues.append({'code': 'unrecognized_keys', 'keys': unknown, 'path': list(path),
                           'message': 'Unrecognized key(s) in object: %s' % ', '.join("'%s'" % key for key in unknown)})
        return result
