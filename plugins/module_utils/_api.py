# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE to the infisical.secret_rotation collection: no stable interface, may change in any release.

"""The secret-rotation endpoints, each once: paths, queries and what "absent" looks like.

Every rotation type has the same routes under ``/api/v2/secret-rotations/<type>``. Bodies and answers
stay in the API's spelling here; ``_rotation`` translates them.
"""

from __future__ import annotations

from urllib.parse import quote

from ansible_collections.infisical.secret_rotation.plugins.module_utils._client import NOT_THE_API, InfisicalError
from ansible_collections.infisical.secret_rotation.plugins.module_utils._rotation import shape_problems

ALL_ROTATIONS_PATH = "/api/v2/secret-rotations"


class RotationsApi:
    """Thin calls on an ``InfisicalClient`` for one rotation type; each returns the API's ``secretRotation``
    object, checked for shape."""

    def __init__(self, client, rotation_type=None):
        self.client = client
        # Without a type, only the listing of every type is open.
        self.path = f"{ALL_ROTATIONS_PATH}/{quote(rotation_type, safe='')}" if rotation_type else None

    def find(self, rotation_id=None, name=None, project_id=None, environment=None, secret_path="/"):
        """The rotation with that id, or with that name in that folder; ``None`` when there is none.

        A folder that does not exist is an error (``InfisicalError.missing_folder``), not absence:
        nothing could be created there either.
        """
        if rotation_id:
            path, query = self._item(rotation_id), None
        else:
            path = f"{self.path}/rotation-name/{quote(name, safe='')}"
            query = {"projectId": project_id, "environment": environment, "secretPath": secret_path}
        try:
            answer = self.client.get(path, "secretRotation", query)
        except InfisicalError as err:
            if err.not_found:
                return None
            if err.missing_folder:
                err.message += f" (check environment {environment!r} and secret_path {secret_path!r}: the folder must exist)"
            raise
        return _checked(answer, "GET", path, rotation_id)

    def list_in_project(self, project_id, every_type=False):
        """The project's rotations of this type, or of every type (one request either way)."""
        path = ALL_ROTATIONS_PATH if every_type else self.path
        answer = self.client.get(path, "secretRotations", {"projectId": project_id})
        if not isinstance(answer, list):
            raise InfisicalError(f"the answer's secretRotations is not a list ({NOT_THE_API})", method="GET", path=path)
        return [_checked(item, "GET", path, where=f"secretRotations[{index}]") for index, item in enumerate(answer)]

    def update(self, rotation_id, body):
        # Setting values is idempotent, so a PATCH may be repeated after a lost answer.
        path = self._item(rotation_id)
        return _checked(self.client.request("PATCH", path, "secretRotation", body=body), "PATCH", path, rotation_id)

    def create(self, body):
        # Creating issues a dbt token: never repeated blindly (see dbt_token_rotation's reconciliation).
        answer = self.client.request("POST", self.path, "secretRotation", body=body, replayable=False)
        return _checked(answer, "POST", self.path, ambiguous=True)

    def delete(self, rotation_id, delete_secrets=False, revoke_generated_credentials=False):
        """Delete; ``None`` when it was already gone (also when a repeated DELETE finds its own work done)."""
        query = {"deleteSecrets": _flag(delete_secrets), "revokeGeneratedCredentials": _flag(revoke_generated_credentials)}
        try:
            return self.client.request("DELETE", self._item(rotation_id), "secretRotation", query=query)
        except InfisicalError as err:
            if err.not_found:
                return None
            raise

    def rotate(self, rotation_id):
        # No body, so no JSON content type (Infisical answers 500 to an empty JSON body); never repeated blindly.
        return self._issue(rotation_id, "rotate-secrets")

    def reconcile(self, rotation_id):
        """Re-issue a local account's password with the connection's credentials (login-as-target rotations only)."""
        return self._issue(rotation_id, "reconcile")

    def _issue(self, rotation_id, action):
        path = self.item_path(rotation_id, action)
        answer = self.client.request("POST", path, "secretRotation", replayable=False)
        return _checked(answer, "POST", path, rotation_id, ambiguous=True)

    def item_path(self, rotation_id, action):
        return f"{self._item(rotation_id)}/{action}"

    def _item(self, rotation_id):
        return f"{self.path}/{quote(rotation_id, safe='')}"


def _checked(answer, method, path, rotation_id=None, ambiguous=False, where="secretRotation"):
    """The answer, if it is a rotation as Infisical sends one (and the one asked for); else a clear error."""
    problems = shape_problems(answer, where)
    if not problems and rotation_id and answer["id"].lower() != rotation_id.lower():
        problems = [f"{where}.id is another rotation's id"]
    if problems:
        raise InfisicalError(f"the answer is not the rotation asked for: {'; '.join(problems[:5])} ({NOT_THE_API})",
                             method=method, path=path, ambiguous=ambiguous)
    return answer


def _flag(value):
    return "true" if value else "false"
