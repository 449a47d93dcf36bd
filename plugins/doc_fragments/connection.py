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
    type: str
    choices: [universal_auth, token_auth, oidc_auth]
    default: universal_auth
  universal_auth_client_id:
    description:
      - Client ID of the machine identity's Universal Auth. Required with O(auth_method=universal_auth).
      - If not set, the environment variable E(INFISICAL_UNIVERSAL_AUTH_CLIENT_ID) is used.
    type: str
  universal_auth_client_secret:
    description:
      - Client secret of the machine identity's Universal Auth. Required with O(auth_method=universal_auth).
      - If not set, the environment variable E(INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET) is used.
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
      - If not set, the environment variable E(INFISICAL_JWT) is used.
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
      - Seconds to wait for each HTTP answer.
    type: int
    default: 30
  retries:
    description:
      - How many times a request is retried after the first attempt (total attempts are O(retries) + 1).
      - Retried are rate limits (HTTP 429, honouring C(Retry-After), then C(X-RateLimit-Reset)) and connections that
        could not be opened; gateway errors (502, 503, 504), timeouts and dropped connections are retried only for
        requests that are safe to repeat. Waits grow exponentially with jitter and are capped at 60 seconds each.
      - 401 and 403 are never retried.
    type: int
    default: 5
notes:
  - Proxies are taken from the usual E(HTTPS_PROXY), E(HTTP_PROXY) and E(NO_PROXY) environment variables.
  - Secret values (client secret, token, JWT, access tokens) are never returned, logged or shown in a diff.
requirements:
  - requests >= 2.25 (Python library on the host that runs the module)
"""
