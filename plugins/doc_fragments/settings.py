# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations


class ModuleDocFragment:
    """The settings every rotation type shares, as the declarative modules manage them (argspec: module_utils/_options.py)."""

    DOCUMENTATION = r"""
options:
  state:
    description:
      - V(present) makes sure the rotation exists with the given settings; V(absent) deletes it if it exists.
    type: str
    choices: [present, absent]
    default: present
  name:
    description:
      - Name of the rotation, unique within its folder.
      - Lowercase letters, digits and single hyphens, 1 to 64 characters, starting and ending with a letter or digit.
      - Without O(rotation_id), the rotation is looked up by this name in O(project_id), O(environment) and O(secret_path).
      - With O(rotation_id), this is the wanted name, and a different one renames the rotation.
    type: str
  connection_id:
    description:
      - ID (a UUID) of the app connection that issues the credentials. Needed to create a rotation.
      - The connection of an existing rotation cannot be changed; a different value fails the task.
    type: str
  description:
    description:
      - Description of the rotation, at most 256 characters. V("") removes it.
      - Leading and trailing white space is dropped, as Infisical drops it, so a folded YAML block (C(>)) compares equal.
    type: str
  auto_rotation_enabled:
    description:
      - Whether Infisical rotates the credentials on schedule, every O(rotation_interval) days at O(rotate_at_utc).
    type: bool
  rotation_interval:
    description:
      - Days between scheduled rotations, 1 to 36500. Needed to create a rotation.
    type: int
  rotate_at_utc:
    description:
      - Time of day (UTC) of scheduled rotations. A sub-option left out keeps its current value (V(0) on creation).
    type: dict
    suboptions:
      hours:
        description: Hour, 0 to 23.
        type: int
      minutes:
        description: Minute, 0 to 59.
        type: int
  delete_secrets:
    description:
      - With O(state=absent), also delete the Infisical secrets that hold the credentials.
      - Left V(false), the secrets stay; creating the rotation again with the same O(secrets_mapping) then fails
        until those secrets are deleted or other names are chosen.
    type: bool
    default: false
  revoke_generated_credentials:
    description:
      - With O(state=absent), also revoke the credentials the rotation generated. Left V(false), they stay valid.
    type: bool
    default: false
notes:
  - Only the settings given in the task are managed. An option left unset is neither compared nor sent, so other
    tools (or the Infisical UI) may manage it.
  - Settings are normalised before they are compared, as Infisical stores them (trimmed strings, lists that are
    sets compared as sets, a trailing slash on O(secret_path) ignored, O(description="") equal to no description).
  - O(project_id), O(environment), O(secret_path) and O(connection_id) cannot be changed through the API. When given
    for an existing rotation and different, the task fails rather than change or ignore them.
  - A rotation found by O(name) cannot be renamed; find it by O(rotation_id) to rename it.
  - Infisical recomputes the next scheduled rotation on every change. If a shorter O(rotation_interval) makes a
    rotation due before the next UTC midnight, Infisical queues that rotation right away.
  - "Requests per run: with O(auth_method=universal_auth) or O(auth_method=oidc_auth), one login; then one C(GET);
    then one C(PATCH), C(POST) or C(DELETE) only when something changes."
  - The create request issues credentials, so it is never repeated blindly. If its answer is lost, the module looks
    the rotation up by name and reports what it finds.
  - "Parameters are written whole: Infisical replaces the object on every change, so the module sends the settings
    the task gives plus the current values of the rest, as read at the start of the task. A change someone else
    makes to those other values between that read and the write is overwritten; Infisical has no conditional update
    that could refuse it."
  - Check mode cannot see that an Infisical secret named like one of O(secrets_mapping) already exists in the
    folder; the real run then fails with Infisical's message, and check mode predicted a change.
  - O(state=absent) in a folder that does not exist changes nothing; any other state there fails, in check mode too.
"""
