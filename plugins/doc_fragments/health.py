# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations


class ModuleDocFragment:
    """How the info modules judge the health of a rotation (argspec: module_utils/_read.py)."""

    DOCUMENTATION = r"""
options:
  overdue_after:
    description:
      - How late a scheduled rotation may be before its health is V(overdue), for example V(30m), V(1h), V(1d), or a
        number of seconds.
      - A rotation with auto-rotation on whose C(next_rotation_at) lies further in the past than this is V(overdue).
    type: str
    default: 1h
    version_added: 1.1.0
notes:
  - "Each rotation returned carries C(health): V(failed) (its last rotation attempt failed; C(health_reason) holds
    Infisical's message), V(overdue) (auto-rotation is on and the next rotation is more than O(overdue_after) late),
    V(paused) (auto-rotation is off), or V(ok). C(health_reason) says in one sentence what to look at."
"""
