# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE to the infisical.secret_rotation collection: no stable interface, may change in any release.

"""The DBT Service Token Rotation endpoints, each once: paths, queries and what "absent" looks like.

Bodies and answers stay in the API's spelling here; ``_rotation`` translates them.
"""

from __future__ import annotations

from urllib.parse import quote

from ansible_collections.infisical.secret_rotation.plugins.module_utils._client import InfisicalError

ROTATIONS_PATH = "/api/v2/secret-rotations/dbt-service-token"
# The by-name lookup answers 400 (not 404) when the folder itself does not exist.
_MISSING_FOLDER = "Could not find folder with path"


def _absent(err):
    # Infisical's own NotFound only: a 404 for an unknown route (url pointing elsewhere) is a failure, not "absent".
    return err.not_found or (err.status == 400 and err.message.startswith(_MISSING_FOLDER))


class DbtRotationsApi:
    """Thin calls on an ``InfisicalClient``; each returns the API's ``secretRotation`` object."""

    def __init__(self, client):
        self.client = client

    def find(self, rotation_id=None, name=None, project_id=None, environment=None, secret_path="/"):
        """The rotation with that id, or with that name in that folder; ``None`` when there is none."""
        if rotation_id:
            path, query = self._item(rotation_id), None
        else:
            path = f"{ROTATIONS_PATH}/rotation-name/{quote(name, safe='')}"
            query = {"projectId": project_id, "environment": environment, "secretPath": secret_path}
        try:
            return self.client.get(path, "secretRotation", query)
        except InfisicalError as err:
            if _absent(err):
                return None
            raise

    def list_in_project(self, project_id):
        return self.client.get(ROTATIONS_PATH, "secretRotations", {"projectId": project_id})

    def update(self, rotation_id, body):
        # Setting values is idempotent, so a PATCH may be repeated after a lost answer.
        return self.client.request("PATCH", self._item(rotation_id), "secretRotation", body=body)

    def create(self, body):
        # Creating issues a dbt token: never repeated blindly (see dbt_token_rotation's reconciliation).
        return self.client.request("POST", ROTATIONS_PATH, "secretRotation", body=body, replayable=False)

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
        return self.client.request("POST", self._item(rotation_id) + "/rotate-secrets", "secretRotation", replayable=False)

    @staticmethod
    def _item(rotation_id):
        return f"{ROTATIONS_PATH}/{quote(rotation_id, safe='')}"


def _flag(value):
    return "true" if value else "false"
