# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The HTTP client against a scripted server: auth, retries, errors, TLS, and no secret in any error."""

from __future__ import annotations

import os
import re
import shutil
import socket
import ssl
import subprocess
import threading
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

import pytest

from ansible_collections.infisical.secret_rotation.plugins.module_utils import _client
from ansible_collections.infisical.secret_rotation.plugins.module_utils._client import (
    InfisicalClient,
    InfisicalError,
    describe_validation_issues,
    wait_seconds_from_headers,
)
from ansible_collections.infisical.secret_rotation.plugins.module_utils._rotation import option_path

CLIENT_SECRET = "cs-very-secret-0001"
ACCESS_TOKEN = "at-very-secret-0002"
JWT = "eyJ.very-secret.jwt-0003"
ROTATION_PATH = "/api/v2/secret-rotations/dbt-service-token/85b61342-a604-4e28-b81e-e32a498f1ed4"
LOGIN = {"body": {"accessToken": ACCESS_TOKEN, "expiresIn": 7200, "accessTokenMaxTTL": 7200, "tokenType": "Bearer"}}
ROTATION = {"body": {"secretRotation": {"id": "85b61342-a604-4e28-b81e-e32a498f1ed4"}}}


def infisical_error(status, message, error="BadRequest", request_id="req-abcdefghijklmn", headers=None):
    return {"status": status, "headers": headers or {},
            "body": {"reqId": request_id, "statusCode": status, "message": message, "error": error}}


class Recorder:
    """Collects the secrets the client registers and the waits it asks for (instead of sleeping)."""

    def __init__(self):
        self.secrets = []
        self.waits = []


@pytest.fixture
def recorder():
    return Recorder()


@pytest.fixture
def server(server):
    """The scripted server, answering like a rotation endpoint once the script runs out."""
    server.default_reply = ROTATION
    return server


def make_client(server, recorder, auth_method="universal_auth", retries=3, timeout=5, **kwargs):
    credentials = {
        "universal_auth": {"clientId": "client-admin", "clientSecret": CLIENT_SECRET},
        "oidc_auth": {"identityId": "identity-oidc", "jwt": JWT},
        "token_auth": {"token": ACCESS_TOKEN},
    }[auth_method]
    return InfisicalClient(server.url, auth_method, credentials, retries=retries, timeout=timeout, field_name=option_path,
                           on_secret=recorder.secrets.append, sleep=recorder.waits.append, **kwargs)


def test_universal_auth_logs_in_once_and_sends_the_bearer_token(server, recorder):
    server.script(LOGIN, ROTATION, ROTATION)
    client = make_client(server, recorder)
    client.get(ROTATION_PATH, "secretRotation")
    client.get(ROTATION_PATH, "secretRotation")
    login, first, second = server.requests
    assert (login["method"], login["path"]) == ("POST", "/api/v1/auth/universal-auth/login")
    assert login["body"] == {"clientId": "client-admin", "clientSecret": CLIENT_SECRET}
    assert "Authorization" not in login["headers"]
    assert first["headers"]["Authorization"] == f"Bearer {ACCESS_TOKEN}"
    assert second["headers"]["Authorization"] == f"Bearer {ACCESS_TOKEN}"
    assert recorder.secrets == [ACCESS_TOKEN]


def test_oidc_auth_logs_in_with_identity_and_jwt(server, recorder):
    server.script(LOGIN, ROTATION)
    make_client(server, recorder, auth_method="oidc_auth").get(ROTATION_PATH, "secretRotation")
    login, read = server.requests
    assert login["path"] == "/api/v1/auth/oidc-auth/login"
    assert login["body"] == {"identityId": "identity-oidc", "jwt": JWT}
    assert read["headers"]["Authorization"] == f"Bearer {ACCESS_TOKEN}"


def test_token_auth_sends_the_token_without_login(server, recorder):
    server.script(ROTATION)
    make_client(server, recorder, auth_method="token_auth").get(ROTATION_PATH, "secretRotation")
    (read,) = server.requests
    assert read["headers"]["Authorization"] == f"Bearer {ACCESS_TOKEN}"
    assert recorder.secrets == [ACCESS_TOKEN]


def test_from_params_reads_the_shared_connection_options(server, recorder):
    server.script(ROTATION)
    params = {"url": server.url + "/", "auth_method": "token_auth", "token": ACCESS_TOKEN, "validate_certs": True,
              "ca_path": None, "timeout": 7, "retries": 2}
    client = InfisicalClient.from_params(params, on_secret=recorder.secrets.append)
    assert (client.base_url, client.timeout, client.retries) == (server.url, 7, 2)
    client.get(ROTATION_PATH, "secretRotation")
    assert server.requests[0]["path"] == ROTATION_PATH


def test_json_content_type_goes_only_with_a_body(server, recorder):
    server.script(ROTATION, ROTATION)
    client = make_client(server, recorder, auth_method="token_auth")
    client.request("POST", ROTATION_PATH + "/rotate-secrets", "secretRotation", replayable=False)
    client.request("PATCH", ROTATION_PATH, "secretRotation", body={"rotationInterval": 7})
    bare, patch = server.requests
    assert "Content-Type" not in bare["headers"] and bare["raw"] == b""
    assert patch["headers"]["Content-Type"] == "application/json"
    assert patch["body"] == {"rotationInterval": 7}


def test_user_agent_names_the_collection_and_version(server, recorder):
    server.script(ROTATION)
    make_client(server, recorder, auth_method="token_auth").get(ROTATION_PATH, "secretRotation")
    assert server.requests[0]["headers"]["User-Agent"] == f"infisical.secret_rotation/{_client.COLLECTION_VERSION}"


def test_query_parameters_are_encoded(server, recorder):
    server.script(ROTATION)
    make_client(server, recorder, auth_method="token_auth").get("/api/v2/x", "secretRotation", {"secretPath": "/dbt ci", "projectId": "p"})
    assert server.requests[0]["path"] == "/api/v2/x?secretPath=%2Fdbt+ci&projectId=p"


# Retries -----------------------------------------------------------------------------------------

def test_429_with_retry_after_seconds_waits_that_long(server, recorder):
    server.script(infisical_error(429, "Rate limit exceeded. Please try again in 60 seconds", "RateLimitExceeded",
                                  headers={"Retry-After": "2"}), ROTATION)
    make_client(server, recorder, auth_method="token_auth").get(ROTATION_PATH, "secretRotation")
    assert len(server.requests) == 2
    (wait,) = recorder.waits
    assert 2.0 <= wait <= 2.25


def test_429_with_retry_after_really_waits_about_two_seconds(server):
    server.script(infisical_error(429, "Rate limit exceeded", "RateLimitExceeded", headers={"Retry-After": "2"}), ROTATION)
    client = InfisicalClient(server.url, "token_auth", {"token": ACCESS_TOKEN}, retries=1)
    started = time.monotonic()
    client.get(ROTATION_PATH, "secretRotation")
    assert 1.9 <= time.monotonic() - started <= 3.0
    assert len(server.requests) == 2


def test_a_429_pauses_every_thread_of_the_client_for_its_retry_after(server):
    # The fleet module's workers share one client: none may send inside the window the server gave another.
    server.script(infisical_error(429, "Rate limit exceeded", "RateLimitExceeded", headers={"Retry-After": "1"}), ROTATION, ROTATION)
    client = InfisicalClient(server.url, "token_auth", {"token": ACCESS_TOKEN}, retries=1)
    first = threading.Thread(target=client.get, args=(ROTATION_PATH, "secretRotation"))
    first.start()
    while not server.requests:
        time.sleep(0.01)
    time.sleep(0.2)  # the 429 has been answered: the first thread is waiting
    client.get(ROTATION_PATH, "secretRotation")
    first.join()
    limited, *others = server.requests
    assert len(others) == 2 and all(request["time"] - limited["time"] >= 1.0 for request in others)
    assert client.retry_report().startswith("requests to Infisical were retried once (HTTP 429 x1)")


def test_a_pause_extended_while_a_thread_waits_holds_that_thread_too(server):
    client = InfisicalClient(server.url, "token_auth", {"token": ACCESS_TOKEN}, retries=0)
    started = time.monotonic()
    client._pause(0.3)  # this thread's 429: every other thread waits 0.3 s
    waiter = threading.Thread(target=client._wait_out_pause)
    waiter.start()
    time.sleep(0.1)
    client._pause(0.6)  # another 429 while the other thread waits
    waiter.join()
    assert time.monotonic() - started >= 0.65


def test_429_with_retry_after_http_date(server, recorder):
    when = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=5), usegmt=True)
    server.script(infisical_error(429, "Rate limit exceeded", "RateLimitExceeded", headers={"Retry-After": when}), ROTATION)
    make_client(server, recorder, auth_method="token_auth").get(ROTATION_PATH, "secretRotation")
    (wait,) = recorder.waits
    assert 3.5 <= wait <= 5.3


def test_429_falls_back_to_ratelimit_reset_then_to_the_message(server, recorder):
    server.script(infisical_error(429, "Rate limit exceeded", "RateLimitExceeded", headers={"X-RateLimit-Reset": "7"}),
                  infisical_error(429, "Rate limit exceeded. Please try again in 3 seconds", "RateLimitExceeded"),
                  ROTATION)
    make_client(server, recorder, auth_method="token_auth").get(ROTATION_PATH, "secretRotation")
    assert [round(wait) for wait in recorder.waits] == [7, 3]


def test_429_waits_are_capped(server, recorder):
    server.script(infisical_error(429, "Rate limit exceeded", "RateLimitExceeded", headers={"Retry-After": "3600"}), ROTATION)
    make_client(server, recorder, auth_method="token_auth").get(ROTATION_PATH, "secretRotation")
    assert 60 <= recorder.waits[0] <= 60.25


def test_429_is_retried_even_for_a_write_that_must_not_repeat(server, recorder):
    server.script(infisical_error(429, "Rate limit exceeded", "RateLimitExceeded", headers={"Retry-After": "1"}), ROTATION)
    make_client(server, recorder, auth_method="token_auth").request("POST", ROTATION_PATH + "/rotate-secrets", "secretRotation", replayable=False)
    assert len(server.requests) == 2


def test_retry_after_parsing():
    now = datetime(2026, 11, 23, 12, 0, 0, tzinfo=timezone.utc)
    assert wait_seconds_from_headers({"Retry-After": "12"}, "") == 12.0
    assert wait_seconds_from_headers({"Retry-After": "Mon, 23 Nov 2026 12:00:30 GMT"}, "", now=now) == 30.0
    assert wait_seconds_from_headers({"Retry-After": "Mon, 23 Nov 2026 11:00:00 GMT"}, "", now=now) == 0.0
    assert wait_seconds_from_headers({"Retry-After": "soon", "X-RateLimit-Reset": "4"}, "") == 4.0
    assert wait_seconds_from_headers({}, "Rate limit exceeded. Please try again in 42 seconds") == 42.0
    assert wait_seconds_from_headers({}, "Rate limit exceeded") is None


@pytest.mark.parametrize("status", [502, 503, 504])
def test_gateway_errors_are_retried_with_backoff_for_reads(server, recorder, status):
    server.script(infisical_error(status, "Service unavailable", "ServiceUnavailable"), infisical_error(status, "again"), ROTATION)
    make_client(server, recorder, auth_method="token_auth").get(ROTATION_PATH, "secretRotation")
    assert len(server.requests) == 3
    first, second = recorder.waits
    assert 0.25 <= first <= 0.5 and 0.5 <= second <= 1.0


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_on_a_write_that_must_not_repeat_are_not_retried(server, recorder, status):
    server.script(infisical_error(status, "Something went wrong", "InternalServerError"))
    with pytest.raises(InfisicalError) as failed:
        make_client(server, recorder, auth_method="token_auth").request("POST", ROTATION_PATH + "/rotate-secrets", "secretRotation", replayable=False)
    assert len(server.requests) == 1
    assert failed.value.ambiguous and failed.value.status == status


def test_500_on_a_read_is_not_retried(server, recorder):
    server.script(infisical_error(500, "Something went wrong", "InternalServerError"))
    with pytest.raises(InfisicalError):
        make_client(server, recorder, auth_method="token_auth").get(ROTATION_PATH, "secretRotation")
    assert len(server.requests) == 1


def test_retries_stop_after_the_configured_number(server, recorder):
    server.script(*[infisical_error(503, "Service unavailable", "ServiceUnavailable")] * 5)
    with pytest.raises(InfisicalError) as failed:
        make_client(server, recorder, auth_method="token_auth", retries=2).get(ROTATION_PATH, "secretRotation")
    assert len(server.requests) == 3 and len(recorder.waits) == 2
    assert failed.value.status == 503


@pytest.mark.parametrize("reply", [
    infisical_error(401, "Token missing", "UnauthorizedError"),
    infisical_error(403, "Your token has expired. Please re-authenticate.", "TokenError"),
    infisical_error(403, "You are not allowed to edit on secret-rotation", "PermissionDenied"),
])
def test_auth_failures_are_tried_once(server, recorder, reply):
    server.script(reply)
    with pytest.raises(InfisicalError) as failed:
        make_client(server, recorder, auth_method="token_auth").get(ROTATION_PATH, "secretRotation")
    assert len(server.requests) == 1 and recorder.waits == []
    assert failed.value.status in (401, 403)


def test_token_failures_say_to_check_the_credentials(server, recorder):
    server.script(infisical_error(403, "Your token has expired. Please re-authenticate.", "TokenError"))
    with pytest.raises(InfisicalError) as failed:
        make_client(server, recorder, auth_method="token_auth").get(ROTATION_PATH, "secretRotation")
    assert "check the credentials of auth_method token_auth: token" in str(failed.value)


def test_a_failed_login_names_the_options_and_never_the_secret(server, recorder):
    server.script(infisical_error(401, "Invalid credentials", "UnauthorizedError"))
    with pytest.raises(InfisicalError) as failed:
        make_client(server, recorder).get(ROTATION_PATH, "secretRotation")
    text = str(failed.value)
    assert "POST /api/v1/auth/universal-auth/login: HTTP 401 UnauthorizedError" in text
    assert "universal_auth_client_id and universal_auth_client_secret" in text
    assert CLIENT_SECRET not in text and CLIENT_SECRET not in repr(failed.value.details())
    assert len(server.requests) == 1


def test_connection_refused_is_retried_even_for_a_write_that_must_not_repeat(recorder):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = InfisicalClient(f"http://127.0.0.1:{port}", "token_auth", {"token": ACCESS_TOKEN}, retries=2,
                             sleep=recorder.waits.append)
    with pytest.raises(InfisicalError) as failed:
        client.request("POST", ROTATION_PATH + "/rotate-secrets", "secretRotation", replayable=False)
    assert len(recorder.waits) == 2
    assert not failed.value.ambiguous and failed.value.status is None
    assert "could not connect" in str(failed.value)


def test_a_timeout_is_retried_for_reads(server, recorder):
    server.script({"delay": 1.5}, ROTATION)
    make_client(server, recorder, auth_method="token_auth", timeout=0.5).get(ROTATION_PATH, "secretRotation")
    assert len(server.requests) == 2 and len(recorder.waits) == 1


def test_a_timeout_on_a_write_that_must_not_repeat_is_ambiguous_and_not_retried(server, recorder):
    server.script({"delay": 1.5})
    with pytest.raises(InfisicalError) as failed:
        make_client(server, recorder, auth_method="token_auth", timeout=0.5).request(
            "POST", ROTATION_PATH + "/rotate-secrets", "secretRotation", replayable=False)
    assert failed.value.ambiguous and failed.value.status is None
    assert "no answer within the timeout of 0.5s" in str(failed.value)
    time.sleep(1.2)  # let the slow answer finish before counting
    assert len(server.requests) == 1


def test_a_reset_connection_is_retried_for_reads(server, recorder):
    server.script({"reset": True}, ROTATION)
    make_client(server, recorder, auth_method="token_auth").get(ROTATION_PATH, "secretRotation")
    assert len(server.requests) == 2


def test_a_reset_connection_on_a_write_that_must_not_repeat_is_ambiguous(server, recorder):
    server.script({"reset": True})
    with pytest.raises(InfisicalError) as failed:
        make_client(server, recorder, auth_method="token_auth").request(
            "POST", ROTATION_PATH + "/rotate-secrets", "secretRotation", replayable=False)
    assert failed.value.ambiguous and len(server.requests) == 1
    assert "lost before the answer (connection reset by the server), after 1 attempt over" in str(failed.value)


# Error mapping -----------------------------------------------------------------------------------

def test_errors_carry_status_request_id_method_path_and_message(server, recorder):
    server.script(infisical_error(404, 'Could not find DBT Service Token Rotation with ID "x"', "NotFound", "req-1AeprLRoMRp4Pw"))
    with pytest.raises(InfisicalError) as failed:
        make_client(server, recorder, auth_method="token_auth").get(ROTATION_PATH, "secretRotation")
    assert failed.value.details() == {"status": 404, "request_id": "req-1AeprLRoMRp4Pw", "method": "GET", "path": ROTATION_PATH}
    assert str(failed.value) == (f'GET {ROTATION_PATH}: HTTP 404 NotFound, request id req-1AeprLRoMRp4Pw: '
                                 'Could not find DBT Service Token Rotation with ID "x"')


def test_validation_issues_become_one_sentence_per_field_in_option_names(server, recorder):
    issues = [
        {"code": "custom", "message": "name field can only contain lowercase letters, numbers, and hyphens", "path": ["name"]},
        {"code": "too_small", "minimum": 1, "message": "Number must be greater than or equal to 1", "path": ["rotationInterval"]},
        {"code": "invalid_type", "expected": "string", "received": "undefined", "path": ["parameters", "tokenName"],
         "message": "Required"},
        {"code": "invalid_enum_value", "message": "Invalid enum value", "path": ["parameters", "permissionGrants", 0, "permissionSet"]},
    ]
    server.script(infisical_error(422, issues, "ValidationFailure"))
    with pytest.raises(InfisicalError) as failed:
        make_client(server, recorder, auth_method="token_auth").request("PATCH", ROTATION_PATH, "secretRotation", body={"name": "Bad Name"})
    assert failed.value.message == (
        "name: name field can only contain lowercase letters, numbers, and hyphens; "
        "rotation_interval: Number must be greater than or equal to 1; parameters.token_name: Required; "
        "parameters.permission_grants[0].permission_set: Invalid enum value")
    assert failed.value.status == 422 and failed.value.error == "ValidationFailure"


def test_validation_issue_rendering_without_paths():
    assert describe_validation_issues([{"code": "custom", "message": "Bad"}, "plain"]) == "Bad; plain"


def test_a_non_json_error_body_is_summarised(server, recorder):
    headers = {"Content-Type": "text/html", "X-Request-Id": "edge-42"}
    server.script({"status": 502, "body": b"<html>Bad Gateway</html>", "headers": headers})
    with pytest.raises(InfisicalError) as failed:
        make_client(server, recorder, auth_method="token_auth", retries=0).get(ROTATION_PATH, "secretRotation")
    assert failed.value.status == 502 and failed.value.request_id == "edge-42"
    assert "the answer is not Infisical's: text/html 'Bad Gateway' (is url the address of the Infisical API?)" in str(failed.value)


def test_a_non_json_success_body_is_an_error(server, recorder):
    server.script({"status": 200, "body": b"not json"})
    with pytest.raises(InfisicalError) as failed:
        make_client(server, recorder, auth_method="token_auth").get(ROTATION_PATH, "secretRotation")
    assert failed.value.status == 200 and "not JSON" in str(failed.value)


def test_a_login_answer_without_token_is_an_error(server, recorder):
    server.script({"body": {"tokenType": "Bearer"}})
    with pytest.raises(InfisicalError, match="holds no accessToken"):
        make_client(server, recorder).get(ROTATION_PATH, "secretRotation")


@pytest.mark.parametrize("replayable", [True, False])
def test_a_success_answer_of_another_shape_is_an_error(server, recorder, replayable):
    # A proxy or web page answering 200 in Infisical's place: no KeyError, and a write that must not
    # repeat is reported as possibly applied.
    server.script({"body": {"data": []}})
    with pytest.raises(InfisicalError, match="holds no secretRotation: is url the address of the Infisical API") as failed:
        make_client(server, recorder, auth_method="token_auth").request("POST", ROTATION_PATH, "secretRotation",
                                                                        body={}, replayable=replayable)
    assert failed.value.ambiguous is not replayable and len(server.requests) == 1


def test_an_empty_list_is_a_valid_answer(server, recorder):
    server.script({"body": {"secretRotations": []}})
    assert make_client(server, recorder, auth_method="token_auth").get("/api/v2/x", "secretRotations") == []


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_redirects_are_not_followed_and_say_where_to(server, recorder, method):
    # Following would turn a POST into a GET and could carry the bearer token to another address.
    server.script({"status": 301, "body": b"", "headers": {"Location": "https://eu.infisical.com/api/v2/x"}})
    with pytest.raises(InfisicalError) as failed:
        make_client(server, recorder, auth_method="token_auth").request(method, ROTATION_PATH, "secretRotation")
    assert failed.value.status == 301 and len(server.requests) == 1
    assert "redirects to https://eu.infisical.com/api/v2/x; set url" in str(failed.value)


# TLS ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            payload = b'{"secretRotation": {"id": "tls"}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(cert), str(key))
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}", str(cert)
    httpd.shutdown()


def tls_client(url, **kwargs):
    return InfisicalClient(url, "token_auth", {"token": ACCESS_TOKEN}, retries=2, sleep=lambda seconds: None, **kwargs)


def test_an_untrusted_certificate_fails_without_retry_and_points_to_the_options(tls_server):
    url, _cert = tls_server
    with pytest.raises(InfisicalError) as failed:
        tls_client(url).get(ROTATION_PATH, "secretRotation")
    assert "check validate_certs and ca_path" in str(failed.value) and not failed.value.ambiguous


def test_ca_path_trusts_a_private_ca(tls_server):
    url, cert = tls_server
    assert tls_client(url, ca_path=cert).get(ROTATION_PATH, "secretRotation") == {"id": "tls"}


def test_tls_options_win_over_the_ca_bundle_environment(tls_server, tmp_path, monkeypatch):
    url, cert = tls_server
    wrong_bundle = tmp_path / "empty.pem"
    wrong_bundle.write_text("")
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(wrong_bundle))
    monkeypatch.setenv("CURL_CA_BUNDLE", str(wrong_bundle))
    assert tls_client(url, validate_certs=False).get(ROTATION_PATH, "secretRotation")["id"] == "tls"
    assert tls_client(url, ca_path=cert).get(ROTATION_PATH, "secretRotation")["id"] == "tls"


def test_version_matches_galaxy_yml():
    galaxy = os.path.join(os.path.dirname(_client.__file__), "..", "..", "galaxy.yml")
    with open(galaxy, encoding="utf-8") as handle:
        assert f"version: {_client.COLLECTION_VERSION}\n" in handle.read()


# Deadlines, reasons a person can act on, and no library text ------------------------------------

def test_timeout_bounds_the_whole_answer_not_each_read(server, recorder):
    # One byte every 0.2 s: each read is quick, the whole answer is not.
    server.script({"body": {"secretRotation": {"id": "x" * 40}}, "drip": 0.2})
    started = time.monotonic()
    with pytest.raises(InfisicalError) as failed:
        make_client(server, recorder, auth_method="token_auth", timeout=1, retries=0).request(
            "POST", ROTATION_PATH + "/rotate-secrets", "secretRotation", replayable=False)
    assert time.monotonic() - started < 2.5
    assert failed.value.ambiguous and failed.value.transient and failed.value.status is None
    assert "no complete answer within the timeout (timeout=1s), after 1 attempt over" in str(failed.value)


def test_a_read_that_misses_its_deadline_is_retried_on_a_new_connection(server, recorder):
    server.script({"body": {"secretRotation": {"id": "x" * 40}}, "drip": 0.2}, ROTATION)
    client = make_client(server, recorder, auth_method="token_auth", timeout=1)
    assert client.get(ROTATION_PATH, "secretRotation") == ROTATION["body"]["secretRotation"]
    assert len(server.requests) == 2 and len(recorder.waits) == 1


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_refused_connection_says_how_many_attempts_over_how_long_and_why(recorder):
    client = InfisicalClient(f"http://127.0.0.1:{free_port()}", "token_auth", {"token": ACCESS_TOKEN}, retries=3,
                             sleep=recorder.waits.append)
    with pytest.raises(InfisicalError) as failed:
        client.get(ROTATION_PATH, "secretRotation")
    assert "could not connect to http://127.0.0.1:" in failed.value.message
    assert "(connection refused), after 4 attempts over" in failed.value.message
    assert client.retry_report().startswith("requests to Infisical were retried 3 times (connection refused x3); waited")


def test_a_name_that_does_not_resolve_says_so(recorder):
    client = InfisicalClient("http://no-such-host.invalid", "token_auth", {"token": ACCESS_TOKEN}, retries=0)
    with pytest.raises(InfisicalError) as failed:
        client.get(ROTATION_PATH, "secretRotation")
    assert "(the host name could not be resolved), after 1 attempt" in failed.value.message


def test_retries_that_happened_are_reported_with_statuses_and_waits(server, recorder):
    server.script({"status": 429, "headers": {"Retry-After": "2"}, "body": {}}, {"status": 503, "body": {}}, ROTATION)
    client = make_client(server, recorder, auth_method="token_auth")
    client.get(ROTATION_PATH, "secretRotation")
    report = client.retry_report()
    assert report.startswith("requests to Infisical were retried 2 times (HTTP 429 x1, HTTP 503 x1); waited ")
    assert float(report.rsplit("waited ", 1)[1].split("s")[0]) == pytest.approx(sum(recorder.waits), abs=0.06)
    assert make_client(server, recorder, auth_method="token_auth").retry_report() is None


@pytest.fixture
def plain_http_port():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1]
    httpd.shutdown()


def test_https_to_a_plain_http_server_says_the_server_speaks_plain_http(plain_http_port):
    client = InfisicalClient(f"https://127.0.0.1:{plain_http_port}", "token_auth", {"token": ACCESS_TOKEN}, retries=2,
                             sleep=lambda seconds: None)
    with pytest.raises(InfisicalError) as failed:
        client.get(ROTATION_PATH, "secretRotation")
    assert f"https://127.0.0.1:{plain_http_port} speaks plain HTTP, not HTTPS: use an http:// url" in failed.value.message
    assert client.retried == [], "a TLS failure is not retried"


@pytest.mark.parametrize("token", ["abc\r\nX-Injected: tail-MARK", "t\u00ebken-MARK", "tab\tMARK", "\u20acuro-MARK", " MARK"])
def test_a_token_that_cannot_go_into_a_header_is_refused_before_sending_and_never_quoted(server, recorder, token):
    # The module refuses such a token before any request already; the client does too, and never quotes it.
    client = InfisicalClient(server.url, "token_auth", {"token": token}, retries=0)
    with pytest.raises(InfisicalError) as failed:
        client.get(ROTATION_PATH, "secretRotation")
    assert "MARK" not in str(failed.value) and "Bearer" not in str(failed.value)
    assert "the access token cannot be sent in an HTTP header" in str(failed.value)
    assert server.requests == []


@pytest.mark.parametrize("status", [200, 401, 404, 429, 501, 503])
def test_a_page_that_is_not_infisicals_gets_the_url_hint_and_a_short_excerpt(server, recorder, status, ):
    page = b"<html><head><title>Welcome</title></head><body>" + b"lorem ipsum " * 200 + b"</body></html>"
    server.script({"status": status, "body": page, "headers": {"Content-Type": "text/html"}})
    with pytest.raises(InfisicalError) as failed:
        make_client(server, recorder, auth_method="token_auth", retries=0).get(ROTATION_PATH, "secretRotation")
    message = failed.value.message
    assert "(is url the address of the Infisical API?)" in message and "text/html 'Welcome lorem ipsum" in message
    quoted = re.search(r"text/html '([^']*)'", message).group(1)
    assert "<" not in message and len(quoted) <= 80 and quoted.endswith("...") and failed.value.status == status


def test_json_that_is_not_infisicals_error_shape_gets_the_url_hint(server, recorder):
    server.script({"status": 400, "body": {"detail": "bad request"}})
    with pytest.raises(InfisicalError, match=r"is url the address of the Infisical API\?"):
        make_client(server, recorder, auth_method="token_auth").get(ROTATION_PATH, "secretRotation")


@pytest.mark.parametrize("token", ["tok en", "tok\nen", 42, ["a"]])
def test_a_login_answer_whose_token_cannot_be_a_header_is_an_error(server, recorder, token):
    server.script({"body": {"accessToken": token, "expiresIn": 10}})
    with pytest.raises(InfisicalError, match=r"the login answer's accessToken is not a token"):
        make_client(server, recorder).get(ROTATION_PATH, "secretRotation")
    assert recorder.secrets == [] and len(server.requests) == 1


def test_a_redirect_location_is_quoted_short(server, recorder):
    server.script({"status": 302, "body": b"", "headers": {"Location": "https://elsewhere.example/" + "x" * 500}})
    with pytest.raises(InfisicalError) as failed:
        make_client(server, recorder, auth_method="token_auth").get(ROTATION_PATH, "secretRotation")
    assert len(failed.value.message) < 200


def test_a_hostile_error_body_is_quoted_on_one_printable_line_of_bounded_length(server, recorder):
    message = "\x1b[2J\x1b[31mwiped\r\nX" + "y" * 10000
    server.script({"status": 400, "body": {"message": message, "error": "Bad\nRequest", "reqId": "req-\x1b" + "z" * 500}})
    with pytest.raises(InfisicalError) as failed:
        make_client(server, recorder, auth_method="token_auth").get(ROTATION_PATH, "secretRotation")
    text = str(failed.value)
    assert "\x1b" not in text and "\n" not in text and "\r" not in text
    assert len(failed.value.message) <= 2000 and len(failed.value.request_id) <= 100 and failed.value.error == "Bad Request"


@pytest.mark.parametrize("status", [200, 500])
def test_json_nested_past_the_recursion_limit_is_an_error_not_a_crash(server, recorder, status):
    server.script({"status": status, "body": b"[" * 100000 + b"]" * 100000})
    with pytest.raises(InfisicalError):
        make_client(server, recorder, auth_method="token_auth", retries=0).get(ROTATION_PATH, "secretRotation")
