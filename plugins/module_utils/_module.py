# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE to the infisical.secret_rotation collection: no stable interface, may change in any release.

"""The module factory: shared options, their checks, the API handle and the one place errors become ``fail_json``."""

from __future__ import annotations

from ansible.module_utils.basic import AnsibleModule, missing_required_lib

from ansible_collections.infisical.secret_rotation.plugins.module_utils._api import DbtRotationsApi
from ansible_collections.infisical.secret_rotation.plugins.module_utils._client import (
    HAS_REQUESTS,
    REQUESTS_IMPORT_ERROR,
    InfisicalClient,
    InfisicalError,
)
from ansible_collections.infisical.secret_rotation.plugins.module_utils._options import (
    CONNECTION_SPEC,
    REFERENCE_SPEC,
    option_errors,
)
from ansible_collections.infisical.secret_rotation.plugins.module_utils._rotation import normalise_secret_path, option_path


class InfisicalModule(AnsibleModule):
    """An ``AnsibleModule`` that knows the connection options and how a rotation is identified.

    Every option value is checked against the API's rules here, before any request is sent.
    Without ``identifies_rotation`` the module takes the connection options only. With
    ``project_listing`` a bare ``project_id`` (no name) is a valid way to select rotations;
    with ``renames`` a ``name`` beside ``rotation_id`` is the wanted name, otherwise it is an error.
    """

    def __init__(self, argument_spec=None, identifies_rotation=True, project_listing=False, renames=False, **kwargs):
        spec = dict(CONNECTION_SPEC, **(REFERENCE_SPEC if identifies_rotation else {}))
        spec.update(argument_spec or {})
        super().__init__(argument_spec=spec, **kwargs)
        if not HAS_REQUESTS:
            self.fail_json(msg=missing_required_lib("requests"), exception=REQUESTS_IMPORT_ERROR)
        errors = option_errors(self.params)
        if identifies_rotation:
            errors += self._reference_errors(project_listing, renames)
        if errors:
            self.fail_json(msg="; ".join(errors))
        self._api = None

    @property
    def api(self):
        """The rotation endpoints, on a client that logs in at its first request (once per run)."""
        if self._api is None:
            self._api = DbtRotationsApi(self.client(hide_access_token=True))
        return self._api

    def client(self, hide_access_token):
        """A client for the connection options; ``hide_access_token`` masks the access token in every output."""
        return InfisicalClient.from_params(self.params, field_name=option_path,
                                           on_secret=self.no_log_values.add if hide_access_token else None)

    def reference(self):
        """The lookup arguments for ``DbtRotationsApi.find``: the id, or the name in its folder."""
        if self.params["rotation_id"]:
            return {"rotation_id": self.params["rotation_id"]}
        params = self.params
        return {"name": params["name"], "project_id": params["project_id"], "environment": params["environment"],
                "secret_path": normalise_secret_path(params["secret_path"] or "/")}

    def run(self, task):
        """Run ``task(self)``; any Infisical failure ends the task with its status and request id."""
        try:
            task(self)
        except InfisicalError as err:
            self.fail_json(msg=str(err), **err.details())

    def _reference_errors(self, project_listing, renames):
        # Checked here rather than with mutually_exclusive, which takes an explicit null as given.
        params = self.params
        if params["rotation_id"]:
            return [] if renames or not params["name"] else ["give rotation_id or name, not both"]
        if project_listing and params["project_id"] and not params["name"]:
            return []
        if not params["name"]:
            wanted = "rotation_id, name with project_id and environment, or project_id alone" if project_listing \
                else "rotation_id, or name with project_id and environment"
            return [f"one of these identifies the rotation: {wanted}"]
        missing = [key for key in ("project_id", "environment") if not params[key]]
        if missing:
            return [f"name needs {' and '.join(missing)} to find the rotation (or give rotation_id)"]
        return []
