"""Start the mock Infisical server as a subprocess and drive its /__mock/ controls (standard library only).

    with MockInfisical.start() as mock:
        mock.url                      # http://127.0.0.1:<port>
        mock.ids['rotation_ci']       # well-known ids and credentials of the loaded seed (see seed.well_known)
        mock.add_fault('POST', r'.*/rotate-secrets', {'type': 'status', 'status': 502}, count=1)
        mock.requests()               # the request log
        mock.rotation(mock.ids['rotation_ci'])['rotationCount']
"""

import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from .seed import well_known

TESTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
URL_PREFIX = 'MOCK_INFISICAL_URL='


class MockInfisicalError(RuntimeError):
    """The mock could not be started or a control call failed."""


class MockInfisical(object):
    """A running mock server: its URL and its test controls."""

    def __init__(self, url, process=None, cleanup_paths=(), stderr_path=None):
        self.url = url.rstrip('/')
        self.process = process
        self._cleanup_paths = list(cleanup_paths)
        self._stderr_path = stderr_path
        # Never go through an HTTP proxy from the environment to reach 127.0.0.1.
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        self.seed = None
        self.ids = {}
        if process is None or process.poll() is None:
            self._load_seed()

    @classmethod
    def start(cls, seed=None, extra_args=(), timeout=30):
        """Start ``python -m mock_infisical --port 0`` (seed: None for the default, a file path, or a seed dict)."""
        cleanup = []
        args = [sys.executable, '-m', 'mock_infisical', '--port', '0']
        if isinstance(seed, dict):
            handle, seed_path = tempfile.mkstemp(prefix='mock-infisical-seed-', suffix='.json')
            with os.fdopen(handle, 'w', encoding='utf-8') as seed_file:
                json.dump(seed, seed_file)
            cleanup.append(seed_path)
            args += ['--seed', seed_path]
        elif seed is not None:
            args += ['--seed', str(seed)]
        args += [str(arg) for arg in extra_args]
        env = dict(os.environ)
        env['PYTHONPATH'] = os.pathsep.join([TESTS_DIR] + ([env['PYTHONPATH']] if env.get('PYTHONPATH') else []))
        env['PYTHONUNBUFFERED'] = '1'
        handle, stderr_path = tempfile.mkstemp(prefix='mock-infisical-', suffix='.log')
        cleanup.append(stderr_path)
        with os.fdopen(handle, 'wb') as stderr_file:
            process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=stderr_file, stdin=subprocess.DEVNULL, env=env, cwd=TESTS_DIR)
        url = cls._read_url(process, timeout, stderr_path)
        if url is None:
            process.kill()
            process.wait()
            message = cls._read_file(stderr_path)
            for path in cleanup:
                os.remove(path)
            raise MockInfisicalError('the mock Infisical server did not start:\n' + message)
        return cls(url, process, cleanup, stderr_path)

    @staticmethod
    def _read_url(process, timeout, stderr_path):
        deadline = time.monotonic() + timeout
        buffered = b''
        while time.monotonic() < deadline:
            if process.poll() is not None:
                return None
            ready = select.select([process.stdout], [], [], 0.1)[0]
            if not ready:
                continue
            chunk = os.read(process.stdout.fileno(), 4096)
            if not chunk:
                return None
            buffered += chunk
            for line in buffered.decode('utf-8', 'replace').splitlines():
                if line.startswith(URL_PREFIX):
                    return line[len(URL_PREFIX):].strip()
        return None

    @staticmethod
    def _read_file(path):
        with open(path, encoding='utf-8', errors='replace') as log_file:
            return log_file.read()

    def server_log(self):
        """What the server wrote to stderr so far (empty when not started by start())."""
        return self._read_file(self._stderr_path) if self._stderr_path else ''

    def stop(self, timeout=10):
        """Stop the server (SIGTERM, then SIGKILL after timeout); returns its exit code, or None if not started here."""
        code = None
        if self.process is not None:
            if self.process.poll() is None:
                self.process.send_signal(signal.SIGTERM)
                try:
                    self.process.wait(timeout)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
            code = self.process.returncode
            self.process.stdout.close()
        for path in self._cleanup_paths:
            if os.path.exists(path):
                os.remove(path)
        self._cleanup_paths = []
        return code

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.stop()

    # --- the controls ----------------------------------------------------------------------------------------------

    def call(self, method, path, payload=None):
        """One /__mock/ control request; returns the decoded JSON answer."""
        data = None if payload is None else json.dumps(payload).encode('utf-8')
        request = urllib.request.Request(self.url + path, data=data, method=method)
        if data is not None:
            request.add_header('Content-Type', 'application/json')
        try:
            with self._opener.open(request, timeout=30) as response:
                return json.loads(response.read().decode('utf-8'))
        except urllib.error.HTTPError as exc:
            raise MockInfisicalError('%s %s answered %s: %s' % (method, path, exc.code, exc.read().decode('utf-8', 'replace')))

    def _load_seed(self):
        self.seed = self.call('GET', '/__mock/seed')
        self.ids = well_known(self.seed)

    def requests(self):
        """The request log, oldest first (see README.md for the fields)."""
        return self.call('GET', '/__mock/requests')['requests']

    def clear_requests(self):
        self.call('DELETE', '/__mock/requests')

    def state(self):
        return self.call('GET', '/__mock/state')

    def rotation(self, rotation_id):
        """The internal state of one rotation (API fields plus credentials, rotationCount, rotateAttempts), None if gone."""
        return self.state()['rotations'].get(rotation_id)

    def reset(self, seed=None):
        """Reload the startup seed (or load the given seed dict); clears the log, the faults and issued tokens."""
        self.call('POST', '/__mock/reset', {'seed': seed} if seed is not None else {})
        self._load_seed()

    def add_fault(self, method, path, action, count=1, every=1):
        """Arm a fault for the next count requests of method (or "*") whose path fully matches the regex path (with
        every=k, for every k-th such request, count times)."""
        return self.call('POST', '/__mock/faults', {'method': method, 'path': path, 'count': count, 'every': every,
                                                    'action': action})['fault']

    def faults(self):
        return self.call('GET', '/__mock/faults')['faults']

    def clear_faults(self):
        self.call('DELETE', '/__mock/faults')

    def expire_tokens(self):
        """Every access token issued so far (Token Auth ones included) is expired from now on."""
        return self.call('POST', '/__mock/tokens/expire')['expired']

    def secrets(self):
        """Every secret string the mock knows or has issued, for leak scanning."""
        return self.call('GET', '/__mock/secrets')['values']

    def configure(self, **settings):
        """Change licensed, rate_limit_read, rate_limit_write or latency (seconds before each API answer)."""
        return self.call('POST', '/__mock/config', settings)
