"""Fault injection: a fault fires for exactly the next N requests whose method and path match it."""

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
}
# Actions answered without touching the state.
PRE_ACTIONS = ('status', 'rate_limit', 'reset')


class FaultError(ValueError):
    """A fault definition that cannot be used."""


def _number(action, key, required=False):
    value = action.get(key)
    if value is None:
        if required:
            raise FaultError('action.%s is required for a %s fault' % (key, action['type']))
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise FaultError('action.%s must be a number >= 0' % key)


def check_action(action):
    """Raise FaultError unless action is a usable fault action."""
    if not isinstance(action, dict) or action.get('type') not in ACTIONS:
        raise FaultError('action.type must be one of: %s' % ', '.join(sorted(ACTIONS)))
    unknown = [key for key in action if key != 'type' and key not in ACTIONS[action['type']]]
    if unknown:
        raise FaultError('unknown action keys for %s: %s' % (action['type'], ', '.join(unknown)))
    if action['type'] in ('status', 'apply_then_status'):
        status = action.get('status')
        if isinstance(status, bool) or not isinstance(status, int) or not 100 <= status <= 599:
            raise FaultError('action.status must be an HTTP status code')
    if action['type'] in ('delay', 'apply_then_hang'):
        _number(action, 'seconds', required=True)
    for key in ('retry_after', 'retry_after_date', 'ratelimit_reset', 'seconds'):
        if key in ACTIONS[action['type']]:
            _number(action, key)


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
        check_action(spec.get('action'))
        with self._lock:
            fault = {'id': self._next_id, 'method': method.upper(), 'path': path, 'regex': regex,
                     'remaining': count, 'count': count, 'action': dict(spec['action'])}
            self._next_id += 1
            self._faults.append(fault)
            return self._listing(fault)

    @staticmethod
    def _listing(fault):
        return dict((key, fault[key]) for key in ('id', 'method', 'path', 'count', 'remaining', 'action'))

    def take(self, method, path):
        """The action of the first armed fault matching this request (using up one of its count), or None."""
        with self._lock:
            for fault in self._faults:
                if fault['method'] in ('*', method) and fault['regex'].fullmatch(path):
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
