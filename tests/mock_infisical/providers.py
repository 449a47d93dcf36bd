"""A fake provider for every rotation type but DBT (which has its own fake dbt Cloud in state.py).

It issues generated credentials of a type's shape (types/<slug>.json: "generated_credentials" and how the mock makes
each key, "mock.credentials"), with random secret values, records the calls Infisical would make to the provider
(issue, rotate, reconcile, revoke), and remembers every secret value it issued so that the leak scans look for them.
Standard library only.
"""

import base64
import collections
import copy
import hashlib
import json
import random
import string
import uuid

from .rotation_types import TYPES

RANDOM = random.SystemRandom()
ALPHABETS = {
    'alnum': string.ascii_letters + string.digits,
    'alnum_dash': string.ascii_letters + string.digits + '-_',
    'hex': '0123456789abcdef',
    'upper_hex': '0123456789ABCDEF',
    'upper_digits': string.ascii_uppercase + string.digits,
    'digits': string.digits,
}
# DEFAULT_PASSWORD_REQUIREMENTS of Infisical's shared password generator (length per type in "mock.password_length").
DEFAULT_REQUIRED = {'lowercase': 1, 'uppercase': 1, 'digits': 1, 'symbols': 0}
DEFAULT_SYMBOLS = '-_.~!*'
CLASSES = {'lowercase': string.ascii_lowercase, 'uppercase': string.ascii_uppercase, 'digits': string.digits}


class ProviderError(Exception):
    """The provider refused (a provider_failure / dbt_failure fault)."""

    def __init__(self, message):
        super(ProviderError, self).__init__(message)
        self.message = message


def random_text(alphabet, length):
    return ''.join(RANDOM.choice(ALPHABETS[alphabet]) for dummy in range(length))


def make_password(requirements, default_length=48):
    """A random password following passwordRequirements (Infisical's defaults when they are not given)."""
    if not requirements:
        requirements = {'length': default_length, 'required': DEFAULT_REQUIRED}
    symbols = requirements.get('allowedSymbols') or DEFAULT_SYMBOLS
    classes = dict(CLASSES, symbols=symbols)
    chars = []
    pool = ''
    for name, count in requirements['required'].items():
        chars += [RANDOM.choice(classes[name]) for dummy in range(int(count))]
        if count > 0:
            pool += classes[name]
    pool = pool or string.ascii_letters + string.digits
    while len(chars) < int(requirements['length']):
        chars.append(RANDOM.choice(pool))
    RANDOM.shuffle(chars)
    return ''.join(chars)


def _pem(label, size):
    body = base64.b64encode(bytes(bytearray(RANDOM.getrandbits(8) for dummy in range(size)))).decode('ascii')
    lines = [body[index:index + 64] for index in range(0, len(body), 64)]
    return '-----BEGIN %s-----\n%s\n-----END %s-----\n' % (label, '\n'.join(lines), label)


def _gcp_key(parameters, made):
    email = parameters.get('serviceAccountEmail', 'mock@mock-project.iam.gserviceaccount.com')
    domain = email.split('@')[-1]
    project = domain.split('.')[0] if domain.endswith('.iam.gserviceaccount.com') else 'mock-project'
    return json.dumps({
        'type': 'service_account', 'project_id': project, 'private_key_id': made.get('keyId', random_text('hex', 40)),
        'private_key': _pem('PRIVATE KEY', 1216), 'client_email': email, 'client_id': random_text('digits', 21),
        'auth_uri': 'https://accounts.google.com/o/oauth2/auth', 'token_uri': 'https://oauth2.googleapis.com/token',
    }, indent=2)


def make_value(rule, parameters, slot, made, password_length):
    """One generated-credentials value from its "mock.credentials" rule."""
    kind = rule['kind']
    if kind == 'param':
        return parameters.get(rule['key'], '')
    if kind == 'param_by_slot':
        return parameters.get(rule['keys'][slot % len(rule['keys'])], '')
    if kind == 'password':
        return make_password(parameters.get('passwordRequirements'), password_length)
    if kind == 'random':
        prefix = rule.get('prefix', '')
        if 'prefix_by' in rule:
            prefix = rule['prefix_by']['values'].get(parameters.get(rule['prefix_by']['key']), prefix)
        return prefix + random_text(rule['alphabet'], rule['length'])
    if kind == 'uuid':
        return str(uuid.uuid4())
    if kind == 'sha256':
        return hashlib.sha256(made[rule['of']].encode('utf-8')).hexdigest()
    if kind == 'pem':
        return _pem(rule['label'], rule['bytes'])
    if kind == 'gcp_key':
        return _gcp_key(parameters, made)
    if kind == 'format':
        return rule['text'].format_map(collections.defaultdict(str, parameters))
    raise ValueError('unknown credential rule %r' % kind)


class FakeProvider(object):
    """The provider side of every non-DBT type: issues and revokes generated credentials, records the calls."""

    def __init__(self):
        self.calls = []
        self.issued_secrets = set()

    @staticmethod
    def public(slug, credential):
        """The non-secret part of a credential (what a call record shows)."""
        secret = TYPES[slug]['secret_generated_credentials']
        return dict((key, value) for key, value in credential.items() if key not in secret)

    def issue(self, slug, parameters, connection, slot, failure=None, action='issue', temporary_keys=()):
        """A new credential for slot (0 or 1) of a rotation, or raise ProviderError when failure is a message."""
        call = {'type': slug, 'action': action, 'connectionId': connection['id'], 'slot': slot}
        if temporary_keys:
            call['usedTemporaryParameters'] = sorted(temporary_keys)
        self.calls.append(call)
        if failure is not None:
            call['failed'] = failure
            raise ProviderError(failure)
        entry = TYPES[slug]
        made = collections.OrderedDict()
        for key in entry['generated_credentials']:
            made[key] = make_value(entry['mock']['credentials'][key], parameters, slot, made, entry['mock'].get('password_length', 48))
        self.remember(slug, made)
        call['credential'] = self.public(slug, made)
        return dict(made)

    def remember(self, slug, credential):
        for key in TYPES[slug]['secret_generated_credentials']:
            if credential.get(key):
                self.issued_secrets.add(credential[key])

    def revoke(self, slug, connection, credential):
        self.calls.append({'type': slug, 'action': 'revoke', 'connectionId': connection['id'], 'credential': self.public(slug, credential)})

    def view(self):
        return {'calls': copy.deepcopy(self.calls)}
