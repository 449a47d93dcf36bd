# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations


class ModuleDocFragment:
    """Attributes every module shares."""

    DOCUMENTATION = r"""
options: {}
attributes:
  action_group:
    description: Use C(group/infisical.secret_rotation.infisical) in C(module_defaults) to set the connection options once.
    support: full
    membership:
      - infisical.secret_rotation.infisical
"""

    READ_ONLY = r"""
options: {}
attributes:
  check_mode:
    description: The module only reads, and does the same in check mode.
    support: full
  diff_mode:
    description: The module changes nothing, so there is nothing to show.
    support: none
"""
