"""Request validation that answers like Infisical's zod schemas: a list of zod issues for a 422 ValidationFailure.

The walk follows the OpenAPI schema of the operation (types, enums, lengths, bounds, required keys, uuid format,
property order) and a table of per-field rules for what only the zod source has: trimming, custom messages, the
slug and secret-name refinements and the trailing-slash transform of secretPath.

Deliberately stricter than the real server (so that a client bug cannot pass):
- unknown keys are rejected with an "unrecognized_keys" issue; the real server strips them silently;
- nothing is coerced: "14" for a number is an invalid_type issue; the real server coerces rotationInterval.
"""

import copy
import ipaddress
import json
import re

from .rotation_types import BASE, TYPES
from .spec import make_validator

MISSING = object()
# String.prototype.trim removes ECMAScript WhiteSpace and LineTerminator: not Python's str.strip set.
JS_WHITESPACE = '\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'

# zod's email regex (v3.22+).
EMAIL_RE = re.compile(r"^(?!\.)(?!.*\.\.)([A-Z0-9_'+\-\.]*)[A-Z0-9_+-]@([A-Z0-9][A-Z0-9\-]*\.)+[A-Z]{2,}$", re.IGNORECASE)
IPV4_RE = re.compile(r'^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$')
HANDLEBARS_RE = re.compile(r'\{\{\{?~?\s*(.*?)\s*~?\}?\}\}', re.DOTALL)
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


# --- per-type validation of create and update bodies, from the type data (rotation_types.TYPES) ------------------


def _get(value, dotted):
    """The value at a dotted path inside validated data, MISSING when absent."""
    for part in dotted.split('.'):
        if not isinstance(value, dict) or part not in value:
            return MISSING
        value = value[part]
    return value


def _is_missing(value):
    """What Infisical's "!value" / "!value?.length" refines treat as not given."""
    return value is MISSING or value is None or value == '' or value == []


def is_ip_or_cidr(value):
    """isValidIpOrCidr: an IPv4/IPv6 address, or one with a /prefix (parseInt) of 0-32 / 0-128."""
    def kind(address):
        if IPV4_RE.fullmatch(address):
            return 4
        try:
            ipaddress.IPv6Address(address)
            return 6
        except ValueError:
            return None
    if '/' not in value:
        return kind(value) is not None
    parts = value.split('/')
    version = kind(parts[0])
    prefix = re.match(r'\s*([+-]?\d+)', parts[1])
    if version is None or prefix is None:
        return False
    return 0 <= int(prefix.group(1)) <= (32 if version == 4 else 128)


def _reject_constant(name):
    raise ValueError('%s is not JSON' % name)


class TypeValidator(object):
    """Validates a create or update body of one rotation type against its data, answering zod-style issues.

    One walk over field specs (the format of types/<slug>.json, see README.md) for every type: types (no coercion),
    defaults, nullable, trim, min/max (exclusive too) with Infisical's messages, enums, regexes, uuid, email, the
    SecretNameSchema, slugs, handlebars templates, unknown keys (always refused: stricter than Infisical), then the
    object-level rules (any_positive, sum_at_most, required_if, and the "custom" checks the mock implements) when
    nothing below them aborted, as zod's refinements do.
    """

    def __init__(self, slug, mode):
        entry = TYPES[slug]
        fields = copy.deepcopy(BASE[mode])
        fields['parameters'] = {'type': 'object', 'required': mode == 'create', 'fields': entry['parameters'], 'rules': entry['parameter_rules']}
        fields['secretsMapping'] = {'type': 'object', 'required': mode == 'create', 'fields': entry['secrets_mapping']}
        rules = []
        if mode == 'create':
            if entry['temporary_parameters'] is not None:
                fields['temporaryParameters'] = {'type': 'object', 'required': entry['temporary_parameters_required'],
                                                 'fields': entry['temporary_parameters']}
            rules = entry['create_rules']
        self.spec = {'type': 'object', 'required': True, 'fields': fields, 'rules': rules}

    def validate(self, value):
        """(validated value with defaults and trims applied, issues)."""
        issues = []
        result, dummy = self._walk(self.spec, value, [], issues)
        return result, issues

    @staticmethod
    def _expected(spec):
        if 'enum' in spec:
            return ' | '.join(("'%s'" % item) if isinstance(item, str) else str(item) for item in spec['enum'])
        return {'integer': 'number', 'any': 'unknown'}.get(spec.get('type', 'any'), spec.get('type'))

    def _walk(self, spec, value, path, issues):
        """(value, aborted): aborted as zod's parse status, which stops the refinements of the objects above."""
        kind = spec.get('type', 'any')
        expected = self._expected(spec)
        if value is MISSING:
            issues.append({'code': 'invalid_type', 'expected': expected, 'received': 'undefined', 'path': list(path), 'message': 'Required'})
            return value, True
        if value is None and spec.get('nullable'):
            return None, False
        received = parsed_type(value)
        if kind != 'any' and received != ('number' if kind == 'integer' else kind):
            issues.append({'code': 'invalid_type', 'expected': expected, 'received': received, 'path': list(path),
                           'message': 'Expected %s, received %s' % (expected, received)})
            return value, True
        if 'enum' in spec:
            if value not in spec['enum']:
                issues.append({'received': value, 'code': 'invalid_enum_value', 'options': list(spec['enum']), 'path': list(path),
                               'message': "Invalid enum value. Expected %s, received '%s'" % (expected, value)})
                return value, True
            return value, False
        if kind == 'integer' and not float(value).is_integer():
            issues.append({'code': 'invalid_type', 'expected': 'integer', 'received': 'float', 'path': list(path),
                           'message': 'Expected integer, received float'})
            return value, True
        if kind == 'string':
            return self._string(spec, value, path, issues), False
        if kind in ('number', 'integer'):
            self._number(spec, value, path, issues)
            return value, False
        if kind == 'array':
            return self._array(spec, value, path, issues)
        if kind == 'object':
            return self._object(spec, value, path, issues)
        return copy.deepcopy(value), False

    @staticmethod
    def _issue(issues, path, message, **extra):
        item = {'code': 'custom', 'message': message, 'path': list(path)}
        item.update(extra)
        issues.append(item)

    def _size(self, spec, size, path, issues, kind, unit):
        messages = spec.get('messages', {})
        if 'min' in spec and size < spec['min']:
            issues.append({'code': 'too_small', 'minimum': spec['min'], 'type': kind, 'inclusive': True, 'exact': False, 'path': list(path),
                           'message': messages.get('min', '%s must contain at least %d %s' % (kind.capitalize(), spec['min'], unit))})
        if 'max' in spec and size > spec['max']:
            issues.append({'code': 'too_big', 'maximum': spec['max'], 'type': kind, 'inclusive': True, 'exact': False, 'path': list(path),
                           'message': messages.get('max', '%s must contain at most %d %s' % (kind.capitalize(), spec['max'], unit))})

    def _string(self, spec, value, path, issues):
        messages = spec.get('messages', {})
        if spec.get('secret_name'):
            # SecretNameSchema: z.string().trim().min(1).refine(no ":" and no "/")
            value = value.strip(JS_WHITESPACE)
            self._size({'min': 1}, js_length(value), path, issues, 'string', 'character(s)')
            if ':' in value or '/' in value:
                self._issue(issues, path, BASE['secret_name_message'])
            return value
        if spec.get('trim'):
            value = value.strip(JS_WHITESPACE)
        self._size(spec, js_length(value), path, issues, 'string', 'character(s)')
        if spec.get('uuid') and not UUID_RE.match(value):
            issues.append({'validation': 'uuid', 'code': 'invalid_string', 'message': 'Invalid uuid', 'path': list(path)})
        if spec.get('email') and not EMAIL_RE.fullmatch(value):
            issues.append({'validation': 'email', 'code': 'invalid_string', 'message': messages.get('email', 'Invalid email'), 'path': list(path)})
        if 'pattern' in spec and not re.fullmatch(spec['pattern'], value):
            issues.append({'validation': 'regex', 'code': 'invalid_string', 'message': spec.get('pattern_message', 'Invalid'), 'path': list(path)})
        if spec.get('slug') and value and not SLUG_RE.match(value):
            self._issue(issues, path, messages['slug'])
        if 'template' in spec:
            allowed = spec['template']['allowed']
            if any(expression not in allowed for expression in HANDLEBARS_RE.findall(value)):
                self._issue(issues, path, messages.get('template', 'Invalid expression detected'))
            if not all(needed in value for needed in spec['template']['must_include']):
                self._issue(issues, path, messages.get('must_include', 'Template is missing a required expression'))
        if spec.get('strip_trailing_slash') and value != '/' and value.endswith('/'):
            value = value[:-1]
        self._string_rules(spec.get('rules', []), value, path, issues)
        return value

    def _string_rules(self, rules, value, path, issues):
        """A field's own refines, in order, stopping at the first that fails (the JSON ones skip an empty string)."""
        parsed = MISSING
        for rule in rules:
            check, args = rule.get('check'), rule.get('args', {})
            message = args.get('message', rule.get('message'))
            if check.startswith('json_') and value == '':
                return
            if check == 'ip_or_cidr':
                failed = not is_ip_or_cidr(value)
            elif check == 'json_valid':
                try:
                    parsed = json.loads(value, parse_constant=_reject_constant)
                    failed = False
                except ValueError:
                    failed = True
            elif check == 'json_object':
                failed = not isinstance(parsed, dict)
            elif check == 'json_max_keys':
                failed = len(parsed) > args['max']
                message = message.format(count=len(parsed))
            elif check == 'json_forbidden_keys':
                found = [key for key in parsed if key in args['keys']]
                failed = bool(found)
                message = message.format(keys=', '.join(found))
            else:
                raise ValueError('unknown string check %r' % check)
            if failed:
                self._issue(issues, path, message)
                return

    def _number(self, spec, value, path, issues):
        messages = spec.get('messages', {})
        if 'min' in spec:
            exclusive = spec.get('exclusive_min', False)
            if value < spec['min'] or (exclusive and value == spec['min']):
                default = 'Number must be greater than %s%s' % ('' if exclusive else 'or equal to ', _number_text(spec['min']))
                issues.append({'code': 'too_small', 'minimum': spec['min'], 'type': 'number', 'inclusive': not exclusive, 'exact': False,
                               'message': messages.get('min', default), 'path': list(path)})
        if 'max' in spec and value > spec['max']:
            issues.append({'code': 'too_big', 'maximum': spec['max'], 'type': 'number', 'inclusive': True, 'exact': False,
                           'message': messages.get('max', 'Number must be less than or equal to %s' % _number_text(spec['max'])), 'path': list(path)})

    def _array(self, spec, value, path, issues):
        self._size(spec, len(value), path, issues, 'array', 'element(s)')
        result, aborted = [], False
        for index, item in enumerate(value):
            item_value, item_aborted = self._walk(spec.get('items', {'type': 'any'}), item, path + [index], issues)
            result.append(item_value)
            aborted = aborted or item_aborted
        if not aborted:
            self._rules(spec.get('rules', []), result, path, issues)
        return result, aborted

    def _object(self, spec, value, path, issues):
        result, aborted = {}, False
        if 'fields' in spec:
            fields = spec['fields']
            for key, child in fields.items():
                if key in value:
                    result[key], child_aborted = self._walk(child, value[key], path + [key], issues)
                    aborted = aborted or child_aborted
                elif 'default' in child:
                    result[key] = copy.deepcopy(child['default'])
                elif child.get('required'):
                    self._walk(child, MISSING, path + [key], issues)
                    aborted = True
            unknown = [key for key in value if key not in fields]
            if unknown:  # stricter than Infisical, which strips unknown keys
                issues.append({'code': 'unrecognized_keys', 'keys': unknown, 'path': list(path),
                               'message': 'Unrecognized key(s) in object: %s' % ', '.join("'%s'" % key for key in unknown)})
        elif 'values' in spec:
            for key, item in value.items():
                result[key], child_aborted = self._walk(spec['values'], item, path + [key], issues)
                aborted = aborted or child_aborted
        else:
            result = copy.deepcopy(value)
        if not aborted:
            self._rules(spec.get('rules', []), result, path, issues)
        return result, aborted

    def _rules(self, rules, value, path, issues):
        """Object- and array-level rules (refine / superRefine), run only on data that parsed without aborting."""
        for rule in rules:
            kind, args = rule['kind'], rule.get('args', {})
            if kind == 'any_positive':
                if not any(_get(value, field) > 0 for field in rule['fields']):
                    self._issue(issues, path, rule['message'])
            elif kind == 'sum_at_most':
                if sum(_get(value, field) for field in rule['fields']) > _get(value, rule['limit']):
                    self._issue(issues, path, rule['message'])
            elif kind == 'required_if':
                if _get(value, rule['when']['path']) == rule['when']['equals'] and _is_missing(_get(value, rule['path'])):
                    self._issue(issues, path + rule['path'].split('.'), rule['message'])
            elif kind == 'custom':
                self._custom(rule, args, value, path, issues)
            else:
                raise ValueError('unknown rule kind %r' % kind)

    def _custom(self, rule, args, value, path, issues):
        check = rule['check']
        target_path = rule.get('path') or args.get('path')
        target = _get(value, target_path) if target_path else value
        where = path + target_path.split('.') if target_path else path
        if check == 'service':
            return  # a service check (state.py), not a schema rule
        if check == 'edge_chars':
            failed = isinstance(target, str) and target != '' and (target[0] in args['start'] or target[-1] in args['end'])
        elif check == 'not_in_ci':
            failed = isinstance(target, str) and target.lower() in args['values']
        elif check == 'forbidden_chars':
            failed = isinstance(target, str) and any(char in args['chars'] for char in target)
        elif check == 'max_value':
            failed = target is not MISSING and target > args['max']
        elif check == 'unique_by':
            keys = [tuple(item.get(field) for field in args['fields']) for item in target]
            failed = len(set(keys)) != len(keys)
        elif check == 'absent_unless':
            failed = _get(value, args['when']['path']) != args['when']['equals'] and not _is_missing(target)
        else:
            raise ValueError('unknown custom check %r' % check)
        if failed:
            self._issue(issues, where, rule['message'])
