"""Fault injection: a fault fires for exactly the next N requests whose method and path match it (with "every": k,
for every k-th matching request, N times)."""

import copy
import math
import re
import threading

# type -> the action keys it accepts (besides "type")
ACTIONS = {
    'status': ('status', 'body', 'content_type'),
    'rate_limit': ('retry_after', 'retry_after_date', 'ratelimit_reset', 'seconds'),
    'reset': (),
    'delay': ('seconds',),
    'apply_then_hang': ('seconds',),
    'apply_then_status': ('status', 'body', 'content_type'),
    'apply_then_reset': (),
    'dbt_failure': ('message',),
    'provider_failure': ('message',),
    'drip': ('interval', 'headers'),
    'stale': (),
    'reshape': ('apply', 'drop', 'set', 'member', 'status'),
}
# The provider (dbt Cloud or any other type's) refuses to issue credentials: the two names are the same fault.
PROVIDER_FAILURES = ('dbt_failure', 'provider_failure')
# Actions answered without touching the state.
PRE_ACTIONS = ('status', 'rate_limit', 'reset')
# The members of an answer that hold rotations (what a reshape fault changes).
ROTATION_MEMBERS = ('secretRotation', 'secretRotations')


class FaultError(ValueError):
    """A fault definition that cannot be used."""


def _number(action, key, required=False, positive=False):
    value = action.get(key)
    if value is None:
        if required:
            raise FaultError('action.%s is required for a %s fault' % (key, action['type']))
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0 or (positive and value == 0):
        raise FaultError('action.%s must be a number %s' % (key, '> 0' if positive else '>= 0'))


def _status(action, required=True):
    if 'status' not in action and not required:
        return
    status = action.get('status')
    if isinstance(status, bool) or not isinstance(status, int) or not 100 <= status <= 599:
        raise FaultError('action.status must be an HTTP status code (an integer from 100 to 599)')


def _boolean(action, key):
    if key in action and not isinstance(action[key], bool):
        raise FaultError('action.%s must be true or false' % key)


def check_action(action):
    """Raise FaultError unless action is a usable fault action."""
    if not isinstance(action, dict) or action.get('type') not in ACTIONS:
        raise FaultError('action.type must be one of: %s' % ', '.join(sorted(ACTIONS)))
    unknown = [key for key in action if key != 'type' and key not in ACTIONS[action['type']]]
    if unknown:
        raise FaultError('unknown action keys for %s: %s' % (action['type'], ', '.join(unknown)))
    if action['type'] in ('status', 'apply_then_status'):
        _status(action)
        if 'content_type' in action and not isinstance(action['content_type'], str):
            raise FaultError('action.content_type must be a string')
    if action['type'] in ('delay', 'apply_then_hang'):
        _number(action, 'seconds', required=True)
    if action['type'] == 'drip':
        _number(action, 'interval', required=True, positive=True)
        _boolean(action, 'headers')
    if action['type'] == 'reshape':
        _boolean(action, 'apply')
        drop = action.get('drop', [])
        if not isinstance(drop, list) or not all(isinstance(key, str) for key in drop):
            raise FaultError('action.drop must be a list of key names (strings)')
        if not isinstance(action.get('set', {}), dict):
            raise FaultError('action.set must be an object')
        _status(action, required=False)
    for key in ('retry_after', 'retry_after_date', 'ratelimit_reset', 'seconds'):
        if key in ACTIONS[action['type']]:
            _number(action, key)


def reshape_body(body, action):
    """A reshape fault's change of an answer body (a copy; the body itself is left alone).

    drop, then set, apply to the rotation object(s) of the answer's secretRotation / secretRotations member;
    member then replaces that member's whole value. A body without such a member is returned unchanged.
    """
    if not isinstance(body, dict):
        return body
    body = copy.deepcopy(body)
    for member in ROTATION_MEMBERS:
        if member not in body:
            continue
        value = body[member]
        for rotation in (value if isinstance(value, list) else [value]):
            if not isinstance(rotation, dict):
                continue
            for key in action.get('drop', ()):
                rotation.pop(key, None)
            rotation.update(copy.deepcopy(action.get('set', {})))
        if 'member' in action:
            body[member] = copy.deepcopy(action['member'])
    return body


class Faults(object):
    """The list of armed faults, first added first matched."""

    def __init__(self):
        self._lock = threading.Lock()
        self._faults = []
        self._next_id = 1

    def add(self, spec):
        """Arm a fault from {"method", "path", "count", "action"}; returns its listing."""
        if not isinstance(spec, dict):
            raise FaultError('a fault is a JSON object')
        method = spec.get('method') or '*'
        if not isinstance(method, str):
            raise FaultError('method must be a string')
        path = spec.get('path', '.*')
        try:
            regex = re.compile(path)
        except (re.error, TypeError) as exc:
            raise FaultError('path is not a regular expression: %s' % exc)
        count = spec.get('count', 1)
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise FaultError('count must be an integer >= 1')
        every = spec.get('every', 1)
        if isinstance(every, bool) or not isinstance(every, int) or every < 1:
            raise FaultError('every must be an integer >= 1')
        check_action(spec.get('action'))
        with self._lock:
            fault = {'id': self._next_id, 'method': method.upper(), 'path': path, 'regex': regex, 'every': every,
                     'seen': 0, 'remaining': count, 'count': count, 'action': dict(spec['action'])}
            self._next_id += 1
            self._faults.append(fault)
            return self._listing(fault)

    @staticmethod
    def _listing(fault):
        return dict((key, fault[key]) for key in ('id', 'method', 'path', 'every', 'count', 'remaining', 'action'))

    def take(self, method, path):
        """The action of the first armed fault matching this request (using up one of its count), or None."""
        with self._lock:
            for fault in self._faults:
                if fault['method'] in ('*', method) and fault['regex'].fullmatch(path):
                    fault['seen'] += 1
                    if fault['seen'] % fault['every']:
                        continue
                    fault['remaining'] -= 1
                    if fault['remaining'] <= 0:
                        self._faults.remove(fault)
                    return dict(fault['action'])
        return None

    def listing(self):
        with self._lock:
            return [self._listing(fault) for fault in self._faults]

    def clear(self):
        with self._lock:
            self._faults = []
