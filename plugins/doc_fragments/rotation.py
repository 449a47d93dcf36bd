# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations


class ModuleDocFragment:
    """How every module identifies a DBT Service Token Rotation (argspec: module_utils/_options.py)."""

    DOCUMENTATION = r"""
options:
  rotation_id:
    description:
      - ID (a UUID) of the DBT Service Token Rotation. Compared case-insensitively, sent in lower case.
      - Give either O(rotation_id), or O(name) with O(project_id), O(environment) and O(secret_path).
      - O(project_id), O(environment), O(secret_path) (and, except where O(name) renames, O(name)) given beside
        O(rotation_id) must match the rotation found, or the task fails before it acts.
    type: str
  name:
    description:
      - Name of the rotation, unique within its folder.
      - Lowercase letters, digits and single hyphens, 1 to 64 characters, starting and ending with a letter or digit.
      - Without O(rotation_id), the rotation is looked up by this name in O(project_id), O(environment) and O(secret_path).
    type: str
  project_id:
    description:
      - ID of the Infisical project that holds the rotation.
    type: str
  environment:
    description:
      - Slug of the project environment that holds the rotation, for example V(dev) or V(prod).
    type: str
  secret_path:
    description:
      - Folder of the rotation in the environment, an absolute path such as V(/dbt/ci). A trailing slash is ignored, as Infisical ignores it.
      - When not set, a lookup by O(name) uses the root folder V(/).
      - A lookup by O(name) in a folder that does not exist fails, naming O(environment) and O(secret_path), rather
        than passing for "no such rotation" (only deleting a rotation takes it for nothing to delete).
    type: str
"""
