# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations


class ModuleDocFragment:
    """How every module connects and authenticates to Infisical (argspec: module_utils/_options.py)."""

    DOCUMENTATION = r"""
options:
  url:
    description:
      - Base URL of the Infisical instance, for example V(https://eu.infisical.com) or a self-hosted address.
      - An C(http://) or C(https://) address with a host name and an optional port and path; no query, no fragment,
        and no user info (C(user:password@)), which is refused without being shown.
      - If not set, the environment variable E(INFISICAL_URL) is used, then E(INFISICAL_HOST).
    type: str
    default: https://app.infisical.com
  auth_method:
    description:
      - How the machine identity logs in.
      - V(universal_auth) logs in with O(universal_auth_client_id) and O(universal_auth_client_secret).
      - V(token_auth) sends O(token), an identity access token, as is; no login request is made.
      - V(oidc_auth) logs in with O(identity_id) and O(jwt).
      - A module logs in at most once per run. If not set, the environment variable E(INFISICAL_AUTH_METHOD) is used.
      - White space around a credential is dropped (a vaulted block scalar ends with a newline). A credential that
        still holds white space, control or non-ASCII characters cannot be sent in an HTTP header, so the task fails
        before any request, naming the option and never showing the value.
    type: str
    choices: [universal_auth, token_auth, oidc_auth]
    default: universal_auth
  universal_auth_client_id:
    description:
      - Client ID of the machine identity's Universal Auth. Required with O(auth_method=universal_auth).
      - If not set, the environment variable E(INFISICAL_UNIVERSAL_AUTH_CLIENT_ID) is used,
        then E(UNIVERSAL_AUTH_MACHINE_IDENTITY_CLIENT_ID) (which the C(infisical.vault) lookups read too).
    type: str
  universal_auth_client_secret:
    description:
      - Client secret of the machine identity's Universal Auth. Required with O(auth_method=universal_auth).
      - If not set, the environment variable E(INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET) is used,
        then E(UNIVERSAL_AUTH_MACHINE_IDENTITY_CLIENT_SECRET) (which the C(infisical.vault) lookups read too).
    type: str
  token:
    description:
      - An identity access token, for example one created by Token Auth or obtained by an earlier login.
        Required with O(auth_method=token_auth).
      - If not set, the environment variable E(INFISICAL_TOKEN) is used.
    type: str
  identity_id:
    description:
      - ID of the machine identity that logs in with OIDC Auth. Required with O(auth_method=oidc_auth).
      - If not set, the environment variable E(INFISICAL_MACHINE_IDENTITY_ID) is used.
    type: str
  jwt:
    description:
      - The OIDC token (JWT) presented for OIDC Auth. Required with O(auth_method=oidc_auth).
      - If not set, the environment variable E(INFISICAL_JWT) is used, then E(INFISICAL_OIDC_AUTH_JWT).
    type: str
  validate_certs:
    description:
      - Whether to verify the TLS certificate of O(url). Set to V(false) only for test instances.
      - This setting wins over E(REQUESTS_CA_BUNDLE) and E(CURL_CA_BUNDLE).
    type: bool
    default: true
  ca_path:
    description:
      - Path to a PEM file of CA certificates that verify O(url), for a private CA.
      - This setting wins over E(REQUESTS_CA_BUNDLE) and E(CURL_CA_BUNDLE).
    type: path
  timeout:
    description:
      - Seconds, 1 to 3600, that one request may take, from connecting to the last byte of its answer. An answer
        that trickles in more slowly fails at this deadline.
      - A rotate or create request whose deadline passes is not sent again; the module reads the state back instead.
    type: int
    default: 30
  retries:
    description:
      - How many times, 0 to 100, a request is retried after the first attempt (total attempts are O(retries) + 1).
      - Retried are rate limits (HTTP 429, honouring C(Retry-After), then C(X-RateLimit-Reset)) and connections that
        could not be opened; gateway errors (502, 503, 504), timeouts and dropped connections are retried only for
        requests that are safe to repeat. Waits grow exponentially with jitter and are capped at 60 seconds each.
      - 401 and 403 are never retried.
      - Retries that happened show as a warning on the task (how many, of what, and the total wait). A request that
        fails in the end says how many attempts it made over how long, and the operating system's reason
        (connection refused, host name not resolved, timed out, a plain-HTTP server behind an C(https://) URL).
    type: int
    default: 5
notes:
  - Proxies are taken from the usual E(HTTPS_PROXY), E(HTTP_PROXY) and E(NO_PROXY) environment variables.
  - Secret values (client secret, token, JWT, access tokens) are never returned, logged or shown in a diff, a
    warning or an error message, also where a message would quote them escaped. Messages are built from the method,
    path, HTTP status, Infisical's request id and message, never from a library's exception text.
  - Integer options refuse booleans (V(yes) is not V(1)) and numbers beyond 2^53 - 1, before any request.
requirements:
  - requests >= 2.25 (Python library on the host that runs the module)
"""
