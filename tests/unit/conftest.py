# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Unit-test fixtures: a scripted HTTP server that answers what a test tells it to, and a module runner."""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ansible.module_utils import basic

try:
    from ansible.module_utils.testing import patch_module_args
except ImportError:  # ansible-core < 2.19
    patch_module_args = None


class ScriptedServer:
    """Answers each request with the next scripted reply (``default_reply`` when the script runs out).

    A reply is a dict: ``status``, ``body`` (JSON-able or bytes), ``headers``, ``delay`` (seconds before
    answering), ``drip`` (seconds between the bytes of the body, sent after the headers) or ``reset: True``
    (drop the connection with a TCP reset instead of answering).
    """

    def __init__(self):
        self.replies = []
        self.default_reply = {}  # 200 {}
        self.requests = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep pytest output clean
                pass

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                with server._lock:
                    server.requests.append({"method": self.command, "path": self.path, "headers": dict(self.headers),
                                            "body": json.loads(raw) if raw else None, "raw": raw,
                                            "time": time.monotonic()})
                    reply = server.replies.pop(0) if server.replies else server.default_reply
                time.sleep(reply.get("delay", 0))
                if reply.get("reset"):
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.connection.close()
                    self.close_connection = True
                    return
                body = reply.get("body", {})
                payload = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(reply.get("status", 200))
                headers = {"Content-Type": "application/json; charset=utf-8"}
                headers.update(reply.get("headers", {}))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if not reply.get("drip"):
                    self.wfile.write(payload)
                    return
                self.wfile.flush()
                try:
                    for index in range(len(payload)):
                        self.connection.sendall(payload[index:index + 1])
                        time.sleep(reply["drip"])
                except OSError:  # the client gave up
                    self.close_connection = True

            do_GET = do_POST = do_PATCH = do_DELETE = _handle

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def script(self, *replies):
        self.replies.extend(replies)

    def stop(self):
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def server():
    scripted = ScriptedServer()
    yield scripted
    scripted.stop()


class ModuleExit(Exception):
    """Carries what a module passed to exit_json / fail_json."""

    def __init__(self, result, failed):
        super().__init__(result)
        self.result = result
        self.failed = failed


def run_module(main, args):
    """Run a module's ``main()`` with ``args``; return its result dict (``failed`` set on fail_json)."""

    warnings = []

    def exit_json(module, **result):
        raise ModuleExit(_masked(module, _with_warnings(result, warnings)), failed=False)

    def fail_json(module, msg, **result):
        raise ModuleExit(_masked(module, _with_warnings(dict(result, msg=msg, failed=True), warnings)), failed=True)

    args = dict(args, _ansible_remote_tmp="/tmp", _ansible_keep_remote_files=False)
    patched = patch_module_args(args) if patch_module_args else _legacy_module_args(args)
    with patched, pytest.MonkeyPatch.context() as patch:
        patch.setattr(basic.AnsibleModule, "exit_json", exit_json)
        patch.setattr(basic.AnsibleModule, "fail_json", fail_json)
        patch.setattr(basic.AnsibleModule, "warn", lambda module, warning: warnings.append(warning))
        with pytest.raises(ModuleExit) as exited:
            main()
    return exited.value.result


def _with_warnings(result, warnings):
    return dict(result, warnings=list(warnings)) if warnings else result


def _masked(module, result):
    # What AnsibleModule itself does before printing: hide every no_log value.
    return basic.remove_values(result, module.no_log_values)


@contextlib.contextmanager
def _legacy_module_args(args):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(basic, "_ANSIBLE_ARGS", json.dumps({"ANSIBLE_MODULE_ARGS": args}).encode())
        yield
