# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE to the infisical.secret_rotation collection: no stable interface, may change in any release.

"""The one HTTP client of the collection: login, TLS, deadlines, retries and Infisical's error shapes.

Nothing else in the collection imports ``requests`` or builds a URL. No message it makes carries
a library's exception text: each is built from the method, path, status, exception class and the
operating system's reason, so no header value (a bearer token) can travel into a task result.
"""

from __future__ import annotations

import email.utils
import errno
import http.client
import json
import os
import random
import re
import socket
import ssl
import threading
import time
import traceback
from datetime import datetime, timezone

try:
    import requests
    import requests.adapters
    import requests.exceptions
    import urllib3.exceptions
except ImportError:
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()
else:
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None

COLLECTION_VERSION = "1.1.0"
USER_AGENT = f"infisical.secret_rotation/{COLLECTION_VERSION}"

# Longest single wait between attempts: a task may be slowed by rate limits, never hung by them.
MAX_WAIT_SECONDS = 60.0
# The most threads that send through one client at once (the fleet module's concurrency).
MAX_CONCURRENCY = 16
BACKOFF_BASE_SECONDS = 0.5
# Gateway errors and Infisical's "migrating" 503 at start-up: worth another try when a repeat is safe.
RETRYABLE_STATUSES = frozenset((502, 503, 504))
# requests' own timeouts (connect, each read) fire at ``timeout``; the deadline of the whole exchange a
# moment later, so that it only catches answers that trickle in.
DEADLINE_GRACE_SECONDS = 0.25
# How much of an answer that is not Infisical's JSON a message quotes, and of the texts in one that is.
EXCERPT_CHARACTERS = 80
SERVER_TEXT_CHARACTERS = 2000
# OpenSSL's reasons when an https:// client meets a plain-HTTP server.
_PLAIN_HTTP_REASONS = frozenset(("WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE", "PACKET_LENGTH_TOO_LONG",
                                 "UNKNOWN_PROTOCOL", "HTTP_REQUEST"))
NOT_THE_API = "is url the address of the Infisical API?"

LOGIN_PATHS = {
    "universal_auth": "/api/v1/auth/universal-auth/login",
    "oidc_auth": "/api/v1/auth/oidc-auth/login",
}
# The options each auth method needs, and the API field each becomes in the login body.
CREDENTIAL_OPTIONS = {
    "universal_auth": {"universal_auth_client_id": "clientId", "universal_auth_client_secret": "clientSecret"},
    "oidc_auth": {"identity_id": "identityId", "jwt": "jwt"},
    "token_auth": {"token": "token"},
}
_SECONDS_IN_MESSAGE = re.compile(r"try again in (\d+(?:\.\d+)?) seconds?", re.IGNORECASE)
# What an HTTP header value may hold of a token: visible ASCII, no white space.
_HEADER_SAFE = re.compile(r"[!-~]+")


def header_safe(value):
    """Whether a credential can travel in an HTTP header as it is (tokens, ids and secrets of Infisical all can)."""
    return isinstance(value, str) and _HEADER_SAFE.fullmatch(value) is not None


class InfisicalError(Exception):
    """Every failure of a request to Infisical, described without any secret.

    ``ambiguous`` is true when the server may have applied the request although no answer
    confirms it (timeout or dropped connection after sending, 5xx): a caller that must not
    repeat a write reads the state back instead of retrying.
    """

    def __init__(self, message, status=None, request_id=None, method=None, path=None, error=None, ambiguous=False,
                 transient=False, reason=None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.request_id = request_id
        self.method = method
        self.path = path
        self.error = error
        self.ambiguous = ambiguous
        # A network-level failure (no HTTP answer): worth another try where a repeat is safe.
        self.transient = transient
        # Without an answer: why, in a few words ("connection refused").
        self.reason = reason

    def __str__(self):
        where = f"{self.method} {self.path}: " if self.method else ""
        if self.status is None:
            return f"{where}{self.message}"
        error = f" {self.error}" if self.error else ""
        request_id = f", request id {self.request_id}" if self.request_id else ""
        return f"{where}HTTP {self.status}{error}{request_id}: {self.message}"

    @property
    def not_found(self):
        """Infisical's own NotFound: the thing asked for does not exist (a 404 for an unknown route is not that)."""
        return self.status == 404 and self.error == "NotFound"

    @property
    def missing_folder(self):
        """The by-name lookup's 400 for a folder that does not exist (Infisical checks the folder before the name)."""
        return self.status == 400 and self.message.startswith("Could not find folder with path")

    def summary(self):
        """Where and how it failed, without the message: ``POST /path: HTTP 500, request id req-1``."""
        request_id = f", request id {self.request_id}" if self.request_id else ""
        status = f"HTTP {self.status}" if self.status is not None else "no answer"
        return f"{self.method} {self.path}: {status}{request_id}"

    def details(self):
        """The structured facts for a task result (no secret is ever among them)."""
        return {"status": self.status, "request_id": self.request_id, "method": self.method, "path": self.path}


def _dotted(path):
    return ".".join(str(part) for part in path)


def describe_validation_issues(issues, field_name=_dotted):
    """Render Infisical's 422 zod issues ``[{code, path, message}]`` as one sentence per field."""
    sentences = []
    for issue in issues:
        if not isinstance(issue, dict):
            sentences.append(str(issue))
            continue
        field = field_name(issue.get("path") or [])
        text = issue.get("message") or issue.get("code") or "invalid"
        sentences.append(f"{field}: {text}" if field else text)
    return "; ".join(sentences)


def wait_seconds_from_headers(headers, message, now=None):
    """How long a 429 asks us to wait: Retry-After (seconds or HTTP-date), then X-RateLimit-Reset, then the message."""
    retry_after = headers.get("Retry-After")
    if retry_after:
        retry_after = retry_after.strip()
        if re.fullmatch(r"\d+(\.\d+)?", retry_after):
            return float(retry_after)
        try:
            when = email.utils.parsedate_to_datetime(retry_after)
        except (TypeError, ValueError, IndexError):
            when = None
        if when is not None:
            if when.tzinfo is None:
                when = when.replace(tzinfo=timezone.utc)
            now = now or datetime.now(timezone.utc)
            return max(0.0, (when - now).total_seconds())
    reset = headers.get("X-RateLimit-Reset")
    if reset and re.fullmatch(r"\s*\d+(\.\d+)?\s*", reset):
        return float(reset)
    found = _SECONDS_IN_MESSAGE.search(message or "")
    return float(found.group(1)) if found else None


def quoted(text, limit=SERVER_TEXT_CHARACTERS):
    """Text the server sent, as a message may quote it: printable characters on one line, at most ``limit``
    (no terminal escape sequence, no page-long message)."""
    words = re.sub(r"\s+", " ", str(text)).strip()
    printable = "".join(char if char.isprintable() else "?" for char in words)
    return printable if len(printable) <= limit else printable[:limit - 3] + "..."


def excerpt(page):
    """A short quote of a page that is not Infisical's JSON, its tags dropped."""
    return quoted(re.sub(r"<[^>]*>", " ", (page or "")[:4096]), EXCERPT_CHARACTERS)


class InfisicalClient:
    """A ``requests.Session`` bound to one Infisical URL and one identity.

    It logs in once, on the first request that needs it, and retries only what is safe:
    a 429 always (the server did not act), a request that never left the machine always,
    and gateway errors, timeouts and dropped connections only for ``replayable`` requests.
    Each retry is remembered for ``retry_report``.
    """

    def __init__(self, url, auth_method, credentials, validate_certs=True, ca_path=None, timeout=30, retries=5,
                 field_name=_dotted, on_secret=None, sleep=time.sleep):
        self.base_url = url.rstrip("/")
        self.auth_method = auth_method
        self._credentials = credentials
        # requests lets REQUESTS_CA_BUNDLE override Session.verify: passing it per request makes ours win.
        self._verify = ca_path if (validate_certs and ca_path) else bool(validate_certs)
        self.timeout = timeout
        self.retries = retries
        self._field_name = field_name
        self._on_secret = on_secret or (lambda value: None)
        self._sleep = sleep
        self._access_token = credentials.get("token") if auth_method == "token_auth" else None
        self.expires_in = None  # seconds, as the login answered
        # (what was retried, seconds waited) for every retry made.
        self.retried = []
        # Until when (time.monotonic) every request of this client waits: the end of the latest 429's
        # Retry-After, shared by the threads that send through this client.
        self._paused_until, self._paused_by = 0.0, None
        self._pause_lock = threading.Lock()
        if self._access_token:
            self._on_secret(self._access_token)
        self._session = self._new_session()

    @staticmethod
    def _new_session():
        session = requests.Session()
        session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})
        # Room for a connection per worker of the fleet module, so none is dropped and reopened.
        adapter = requests.adapters.HTTPAdapter(pool_maxsize=MAX_CONCURRENCY)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        return session

    @classmethod
    def from_params(cls, params, **hooks):
        """Build a client from the connection options every module shares (see ``_module``)."""
        options = CREDENTIAL_OPTIONS[params["auth_method"]]
        credentials = {field: params.get(option) for option, field in options.items()}
        return cls(params["url"], params["auth_method"], credentials, validate_certs=params["validate_certs"],
                   ca_path=params.get("ca_path"), timeout=params["timeout"], retries=params["retries"], **hooks)

    def get(self, path, answer_key, query=None):
        return self.request("GET", path, answer_key, query=query)

    def request(self, method, path, answer_key, query=None, body=None, replayable=True):
        """Send one API call and return the ``answer_key`` member of its JSON answer, or raise ``InfisicalError``."""
        headers = {"Authorization": f"Bearer {self.access_token()}"}
        answer = self._send(method, path, query, body, headers, replayable)
        return _member(answer, answer_key, method, path, ambiguous=not replayable)

    def access_token(self):
        """The bearer token: the given one (token_auth), else from one login, made on first use."""
        if self._access_token is None:
            path = LOGIN_PATHS[self.auth_method]
            answer = self._send("POST", path, None, self._credentials, {}, replayable=True)
            token = _member(answer, "accessToken", "POST", path)
            if not header_safe(token):
                raise InfisicalError(f"the login answer's accessToken is not a token: {NOT_THE_API}", method="POST", path=path)
            self._on_secret(token)
            self._access_token = token
            self.expires_in = answer.get("expiresIn")
        elif not header_safe(self._access_token):
            # Sending it would make the HTTP library quote the header value in its error.
            raise InfisicalError("the access token cannot be sent in an HTTP header: it holds white space, control or"
                                 " non-ASCII characters")
        return self._access_token

    def retry_report(self):
        """One sentence on the retries made (for a task warning), or ``None`` when there were none."""
        if not self.retried:
            return None
        counts = {}
        for what, _waited in self.retried:
            counts[what] = counts.get(what, 0) + 1
        kinds = ", ".join(f"{what} x{count}" for what, count in counts.items())
        waited = sum(waited for _what, waited in self.retried)
        times = "once" if len(self.retried) == 1 else f"{len(self.retried)} times"
        return f"requests to Infisical were retried {times} ({kinds}); waited {waited:.1f}s in total"

    def _send(self, method, path, query, body, headers, replayable):
        started = time.monotonic()
        attempt = 0
        while True:
            self._wait_out_pause()
            try:
                response = self._attempt(method, path, query, body, headers)
            except InfisicalError as failure:
                error, wait = failure, None
                retry = failure.transient and (replayable or not failure.ambiguous)
            else:
                if response.status_code < 300:
                    return self._decode(response, method, path, replayable)
                if response.status_code < 400:
                    raise _redirect_error(response, method, path)
                error = self._error_from(response, method, path)
                retry = response.status_code == 429 or (replayable and response.status_code in RETRYABLE_STATUSES)
                wait = wait_seconds_from_headers(response.headers, error.message) if response.status_code == 429 else None
            if not retry or attempt >= self.retries:
                if attempt or error.status is None:
                    error.message += f", after {_attempts(attempt + 1)} over {time.monotonic() - started:.1f}s"
                raise error
            seconds = self._backoff(attempt, wait)
            self.retried.append((f"HTTP {error.status}" if error.status is not None else error.reason, seconds))
            if error.status == 429:
                # The server is out of patience with this identity, not with one request: every thread waits.
                self._pause(seconds)
            self._sleep(seconds)
            attempt += 1

    def _pause(self, seconds):
        with self._pause_lock:
            until = time.monotonic() + seconds
            if until > self._paused_until:
                self._paused_until, self._paused_by = until, threading.get_ident()

    def _wait_out_pause(self):
        """Wait out the latest 429's pause that another thread was given (a thread waits out its own itself), and
        any that another 429 gives while this thread waits."""
        waited_until = None
        while True:
            with self._pause_lock:
                until, by = self._paused_until, self._paused_by
            remaining = until - time.monotonic()
            if by == threading.get_ident() or until == waited_until or remaining <= 0:
                return
            self._sleep(remaining)
            waited_until = until

    def _attempt(self, method, path, query, body, headers):
        """One exchange, bounded as a whole by ``timeout``: an answer that trickles in fails at the deadline too."""
        if body is not None:
            # Infisical answers 500 to an empty body declared as JSON: the type goes only with a body.
            headers = dict(headers, **{"Content-Type": "application/json"})
            data = json.dumps(body)
        else:
            data = None
        session, outcome = self._session, {}

        def exchange():
            try:
                outcome["response"] = session.request(method, self.base_url + path, params=query, data=data, headers=headers,
                                                      timeout=self.timeout, verify=self._verify, allow_redirects=False)
            except Exception as exc:  # pylint: disable=broad-exception-caught  # judged in the caller's thread
                outcome["error"] = exc

        worker = threading.Thread(target=exchange, name="infisical-request", daemon=True)
        worker.start()
        worker.join(self.timeout + DEADLINE_GRACE_SECONDS)
        if worker.is_alive():
            # The late answer keeps its connection to itself; the next request starts on a new one.
            self._session = self._new_session()
            raise _network_error("no complete answer within the timeout", f"timeout={self.timeout}s", method, path,
                                 sent=True, transient=True)
        if "error" in outcome:
            raise self._failure(outcome["error"], method, path)
        return outcome["response"]

    def _failure(self, exc, method, path):
        """An ``InfisicalError`` for an exception of requests, from its class and OS reason only."""
        causes = _causes(exc)
        tls = next((cause for cause in causes if isinstance(cause, ssl.SSLError)), None)
        if tls is not None:
            return _tls_error(tls, self.base_url, method, path)
        sent = not _failed_before_sending(causes)
        reason = _os_reason(causes) or type(exc).__name__
        if isinstance(exc, (requests.exceptions.ConnectionError, requests.exceptions.Timeout,
                            requests.exceptions.ChunkedEncodingError)):
            if not sent:
                what = f"could not connect to {self.base_url}"
            elif isinstance(exc, requests.exceptions.Timeout):
                what = f"no answer within the timeout of {self.timeout}s from {self.base_url}"
            else:
                what = f"connection to {self.base_url} lost before the answer"
            return _network_error(what, reason, method, path, sent=sent, transient=True)
        return _network_error(f"the request to {self.base_url} could not be made", type(exc).__name__, method, path,
                              sent=False, transient=False)

    def _decode(self, response, method, path, replayable):
        if not response.content:
            return {}
        try:
            return response.json()
        except (ValueError, RecursionError):
            raise InfisicalError(f"the answer is not JSON: {_page(response)}", status=response.status_code,
                                 method=method, path=path, ambiguous=not replayable) from None

    def _error_from(self, response, method, path):
        try:
            body = response.json()
        except (ValueError, RecursionError):
            body = None
        request_id = response.headers.get("X-Request-Id")
        if isinstance(body, dict) and ("message" in body or "error" in body):
            message = body.get("message")
            if isinstance(message, list):
                message = describe_validation_issues(message, self._field_name)
            error = quoted(body["error"], 100) if isinstance(body.get("error"), str) else None
            message = quoted(message or error or response.reason or "no details")
            request_id = body.get("reqId") or request_id
        else:
            # Not Infisical's error shape: a proxy's, gateway's or web server's page.
            error, message = None, f"the answer is not Infisical's: {_page(response)}"
        if response.status_code == 401 or error == "TokenError":
            options = " and ".join(CREDENTIAL_OPTIONS[self.auth_method])
            message = f"{message} (check the credentials of auth_method {self.auth_method}: {options})"
        failure = InfisicalError(message, status=response.status_code, method=method, path=path, error=error,
                                 request_id=quoted(request_id, 100) if isinstance(request_id, str) else None,
                                 ambiguous=response.status_code >= 500)
        if failure.status == 404 and error is not None and not failure.not_found:
            failure.message += f" (no such API route: {NOT_THE_API})"
        return failure

    @staticmethod
    def _backoff(attempt, wait):
        if wait is not None:
            # Honour the server's wait, plus a little jitter so parallel forks do not return in step.
            return min(MAX_WAIT_SECONDS, wait) + random.uniform(0, 0.25)
        return min(MAX_WAIT_SECONDS, BACKOFF_BASE_SECONDS * 2 ** attempt) * random.uniform(0.5, 1.0)


def _attempts(count):
    return "1 attempt" if count == 1 else f"{count} attempts"


def _page(response):
    kind = (response.headers.get("Content-Type") or "no content type").split(";")[0].strip()
    return f"{kind} {excerpt(response.text)!r} ({NOT_THE_API})"


def _member(answer, key, method, path, ambiguous=False):
    """``answer[key]``; a success answer without it is not from the Infisical API (a proxy, a web page)."""
    value = answer.get(key) if isinstance(answer, dict) else None
    if value is None or value in ("", {}):
        raise InfisicalError(f"the answer holds no {key}: {NOT_THE_API}", method=method, path=path, ambiguous=ambiguous)
    return value


def _redirect_error(response, method, path):
    # Not followed: a write must not turn into a GET, nor a bearer token travel to another address.
    location = excerpt(response.headers.get("Location") or "") or "an address it did not give"
    return InfisicalError(f"Infisical redirects to {location}; set url to the address the API answers on",
                          status=response.status_code, method=method, path=path)


def _network_error(what, reason, method, path, sent, transient):
    return InfisicalError(f"{what} ({reason})", method=method, path=path, ambiguous=sent, transient=transient, reason=reason)


def _tls_error(cause, base_url, method, path):
    if cause.reason in _PLAIN_HTTP_REASONS:
        what = f"{base_url} speaks plain HTTP, not HTTPS: use an http:// url, or the port that serves HTTPS"
    elif isinstance(cause, ssl.SSLCertVerificationError):
        what = (f"the certificate of {base_url} is not trusted ({cause.verify_message}); "
                "check validate_certs and ca_path")
    else:
        what = f"TLS failure talking to {base_url} ({cause.reason or type(cause).__name__}); check validate_certs and ca_path"
    return InfisicalError(what, method=method, path=path)


def _causes(exc):
    """The exception and everything it wraps (arguments, ``reason``, cause and context), outermost first."""
    found, pending = [], [exc]
    while pending:
        current = pending.pop(0)
        if not isinstance(current, BaseException) or any(current is seen for seen in found):
            continue
        found.append(current)
        pending += [arg for arg in current.args if isinstance(arg, BaseException)]
        pending += [getattr(current, "reason", None), current.__cause__, current.__context__]
    return found


def _os_reason(causes):
    """The operating system's reason for a failed exchange, in words of ours (never a library's message)."""
    for cause in causes:
        if isinstance(cause, socket.gaierror):
            return "the host name could not be resolved"
        if isinstance(cause, socket.timeout):
            return "timed out"
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, http.client.RemoteDisconnected):
            return "the server closed the connection without answering"
        if isinstance(cause, ConnectionResetError):
            return "connection reset by the server"
        if isinstance(cause, OSError) and cause.errno in errno.errorcode:
            return f"{errno.errorcode[cause.errno]}: {os.strerror(cause.errno)}"
    for cause in causes:
        if isinstance(cause, urllib3.exceptions.TimeoutError):
            return "timed out"
        if isinstance(cause, (http.client.IncompleteRead, urllib3.exceptions.ProtocolError)):
            return "the answer was cut short"
    return None


def _failed_before_sending(causes):
    """True when requests could not even connect: the server cannot have seen the request."""
    return any(isinstance(cause, (requests.exceptions.ConnectTimeout, urllib3.exceptions.NewConnectionError,
                                  urllib3.exceptions.ConnectTimeoutError, socket.gaierror, ConnectionRefusedError))
               for cause in causes)
