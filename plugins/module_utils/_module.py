# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE to the infisical.secret_rotation collection: no stable interface, may change in any release.

"""The module factory: shared options, their checks, secret masking, the API handle and the one place errors become ``fail_json``."""

from __future__ import annotations

import contextlib
import json
import os
from urllib.parse import quote, quote_plus

from ansible.module_utils.basic import AnsibleModule, missing_required_lib

from ansible_collections.infisical.secret_rotation.plugins.module_utils._api import RotationsApi
from ansible_collections.infisical.secret_rotation.plugins.module_utils._client import (
    HAS_REQUESTS,
    MAX_WAIT_SECONDS,
    REQUESTS_IMPORT_ERROR,
    InfisicalClient,
    InfisicalError,
)
from ansible_collections.infisical.secret_rotation.plugins.module_utils._lock import LockError, exclusive
from ansible_collections.infisical.secret_rotation.plugins.module_utils._options import (
    CONNECTION_SPEC,
    REFERENCE_SPEC,
    input_errors,
    normalise_options,
    option_errors,
    typed_errors,
    url_secrets,
)
from ansible_collections.infisical.secret_rotation.plugins.module_utils._rotation import (
    IDENTITY_FIELDS,
    identity_conflicts,
    normalise_secret_path,
    option_path,
)
from ansible_collections.infisical.secret_rotation.plugins.module_utils._types import TYPES


def escaped_forms(secret):
    """A secret as a message could quote it: as is, trimmed, and escaped for JSON, repr, ASCII and URLs."""
    forms = set()
    for text in (secret, secret.strip()):
        forms.update((text, json.dumps(text)[1:-1], json.dumps(text, ensure_ascii=False)[1:-1], repr(text)[1:-1],
                      ascii(text)[1:-1], text.encode("unicode_escape").decode("ascii"), quote(text, safe=""), quote_plus(text)))
    return {form for form in forms if form}


def _strings(value):
    """Every string inside a value (a no_log mapping's values included)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _nested_secrets(spec, value):
    """Every string of the no_log sub-options in a mapping or list of mappings (``config[].temporary_parameters``)."""
    for holder in value if isinstance(value, list) else [value]:
        if isinstance(holder, dict):
            for name, option in spec.items():
                if option.get("no_log"):
                    yield from _strings(holder.get(name))
                elif option.get("options"):
                    yield from _nested_secrets(option["options"], holder.get(name))


class InfisicalModule(AnsibleModule):
    """An ``AnsibleModule`` that knows the connection options and how a rotation is identified.

    Every option value is checked against the API's rules here, before any request is sent, and
    every secret the run knows is masked in every output, also in escaped forms. Without
    ``identifies_rotation`` the module takes the connection options only. With ``project_listing``
    a bare ``project_id`` (no name) is a valid way to select rotations; with ``renames`` a ``name``
    beside ``rotation_id`` is the wanted name, otherwise it must be the rotation's name.
    ``rotation_type`` fixes the type (a typed front-end); else the ``type`` option gives it.
    """

    def __init__(self, argument_spec=None, identifies_rotation=True, project_listing=False, renames=False,
                 rotation_type=None, **kwargs):
        spec = dict(CONNECTION_SPEC, **(REFERENCE_SPEC if identifies_rotation else {}))
        spec.update(argument_spec or {})
        self._input_errors = []
        self._clients = []
        self._renames = renames
        super().__init__(argument_spec=spec, **kwargs)
        if not HAS_REQUESTS:
            self.fail_json(msg=missing_required_lib("requests"), exception=REQUESTS_IMPORT_ERROR)
        normalise_options(self.params)
        self.rotation_type = rotation_type or self.params.get("type")
        errors = self._input_errors + option_errors(self.params, self.argument_spec)
        if self.entry:
            errors += typed_errors(self.params, self.entry)
        if identifies_rotation:
            errors += self._reference_errors(project_listing)
        if errors:
            self.fail_json(msg="; ".join(errors))
        self._api = None

    def _load_params(self):
        # Runs before Ansible validates (and may print) the arguments: hide every secret first.
        super()._load_params()
        for secret in self._given_secrets():
            self.hide(secret)
        self._input_errors = input_errors(self.argument_spec, self.params)

    def _given_secrets(self):
        """Each no_log option's values (sub-options too) and a url's user info, from the arguments or their
        environment variables."""
        for name, option in self.argument_spec.items():
            if option.get("no_log") or name == "url":
                values = [self.params.get(name)] + [os.environ.get(variable) for variable in option.get("fallback", (None, []))[1]]
                for value in values:
                    if name == "url" and isinstance(value, str):
                        yield from url_secrets(value)
                    elif name != "url":
                        yield from _strings(value)
            elif option.get("options"):
                yield from _nested_secrets(option["options"], self.params.get(name))

    def _log_invocation(self):
        # Ansible writes every argument's text to the host's log; a fleet's config can hold thousands of rotations
        # (megabytes, and many times that in memory while it is sanitised): the log gets its number of items.
        lists = {name: value for name, value in self.params.items() if isinstance(value, list) and len(value) > 1}
        self.params.update({name: f"<{len(value)} items>" for name, value in lists.items()})
        try:
            super()._log_invocation()
        finally:
            self.params.update(lists)

    def hide(self, secret):
        """Mask a secret in every result, warning and message of this run, also where it is quoted escaped."""
        if isinstance(secret, str) and secret.strip():
            self.no_log_values.update(escaped_forms(secret))

    @property
    def entry(self):
        """The registry entry of the rotation type the task is about (``None`` when it names none)."""
        return TYPES.get(self.rotation_type)

    @property
    def api(self):
        """The rotation endpoints of the type, on a client that logs in at its first request (once per run)."""
        if self._api is None:
            self._api = RotationsApi(self.client(hide_access_token=True), self.rotation_type)
        return self._api

    def client(self, hide_access_token):
        """A client for the connection options; ``hide_access_token`` masks the access token in every output."""
        client = InfisicalClient.from_params(self.params, field_name=option_path,
                                             on_secret=self.hide if hide_access_token else None)
        self._clients.append(client)
        return client

    def reference(self):
        """The lookup arguments for ``RotationsApi.find``: the id, or the name in its folder."""
        if self.params["rotation_id"]:
            return {"rotation_id": self.params["rotation_id"]}
        params = self.params
        return {"name": params["name"], "project_id": params["project_id"], "environment": params["environment"],
                "secret_path": normalise_secret_path(params["secret_path"] or "/")}

    def check_identity(self, rotation):
        """Fail before acting when identity options given beside ``rotation_id`` describe another rotation."""
        conflicts = identity_conflicts(self.params, rotation, IDENTITY_FIELDS + (() if self._renames else ("name",)))
        if conflicts:
            what = ("these cannot be changed on an existing rotation" if self._renames
                    else f"rotation_id {rotation['id']} is another rotation than the options beside it describe")
            self.fail_json(msg=f"{what}: {'; '.join(conflicts)}", rotation=rotation)

    @contextlib.contextmanager
    def rotation_lock(self, rotation_id):
        """Hold this host's lock of the rotation (see ``_lock``); nothing to hold in check mode."""
        if self.check_mode:
            yield
            return
        params = self.params
        # Long enough for the holder's read and rotate requests, each with all its retries.
        wait = 2 * (params["retries"] + 1) * (params["timeout"] + MAX_WAIT_SECONDS)
        try:
            with exclusive(params["url"], rotation_id, wait):
                yield
        except LockError as err:
            self.fail_json(msg=f"cannot take this host's rotation lock: {err}")

    def run(self, task):
        """Run ``task(self)``; any Infisical failure ends the task with its status and request id."""
        try:
            task(self)
        except InfisicalError as err:
            self.fail_json(msg=str(err), **err.details())

    def exit_json(self, **kwargs):
        self._warn_retries()
        super().exit_json(**kwargs)

    def fail_json(self, msg, **kwargs):
        self._warn_retries()
        super().fail_json(msg, **kwargs)

    def _warn_retries(self):
        for client in self._clients:
            report = client.retry_report()
            if report:
                self.warn(report)

    def _reference_errors(self, project_listing):
        # Checked here rather than with mutually_exclusive, which takes an explicit null as given.
        params = self.params
        if params["rotation_id"] or (project_listing and params["project_id"] and not params["name"]):
            return []
        if not params["name"]:
            wanted = "rotation_id, name with project_id and environment, or project_id alone" if project_listing \
                else "rotation_id, or name with project_id and environment"
            return [f"one of these identifies the rotation: {wanted}"]
        missing = [key for key in ("project_id", "environment") if not params[key]]
        if missing:
            return [f"name needs {' and '.join(missing)} to find the rotation (or give rotation_id)"]
        return []
