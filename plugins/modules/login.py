#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: login
short_description: Log in to Infisical once and reuse the access token in later tasks
version_added: 1.0.0
description:
  - Logs a machine identity in to Infisical with Universal Auth or OIDC Auth and returns its access token.
  - Pass the token to the other modules of the collection with O(auth_method=token_auth) and O(token), so a play that
    manages many rotations logs in once instead of once per task.
  - "The result holds a secret, so always set C(no_log: true) on the task."
author:
  - infisical.secret_rotation maintainers (@infisical-community)
extends_documentation_fragment:
  - infisical.secret_rotation.connection
  - infisical.secret_rotation.attributes
attributes:
  check_mode:
    description: Logs in in check mode too; a login changes nothing in Infisical, and later tasks need the token.
    support: full
  diff_mode:
    description: Nothing to show.
    support: none
notes:
  - O(auth_method=token_auth) is refused, since there is nothing to log in with; use the token directly.
  - The token expires after RV(expires_in) seconds, as the identity's settings say.
seealso:
  - module: infisical.secret_rotation.dbt_token_rotation
  - module: infisical.secret_rotation.dbt_token_rotate
  - module: infisical.secret_rotation.dbt_token_rotation_info
"""

EXAMPLES = r"""
- name: Log in once
  infisical.secret_rotation.login:
    universal_auth_client_id: "{{ infisical_client_id }}"
    universal_auth_client_secret: "{{ infisical_client_secret }}"
  register: infisical_login
  no_log: true

- name: Use the token for every rotation
  infisical.secret_rotation.dbt_token_rotation_info:
    auth_method: token_auth
    token: "{{ infisical_login.access_token }}"
    project_id: a1b2c3d4-0000-4000-8000-000000000002
"""

RETURN = r"""
access_token:
  description: The identity access token. A secret; keep it out of logs with C(no_log).
  returned: success
  type: str
  sample: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...
expires_in:
  description: Seconds until the token expires, as Infisical answered.
  returned: success
  type: int
  sample: 7200
"""

from ansible_collections.infisical.secret_rotation.plugins.module_utils._module import InfisicalModule


def log_in(module):
    if module.params["auth_method"] == "token_auth":
        module.fail_json(msg="auth_method=token_auth has nothing to log in with: use the token directly")
    # The token is this module's result, so it is not masked like in the other modules.
    client = module.client(hide_access_token=False)
    module.exit_json(changed=False, access_token=client.access_token(), expires_in=client.expires_in)


def main():
    module = InfisicalModule(identifies_rotation=False, supports_check_mode=True)
    module.run(log_in)


if __name__ == "__main__":
    main()
