# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations


class ModuleDocFragment:
    """Rotating now, exactly once: the guard, the host's lock and what an answer proves (argspec: module_utils/_rotate.py)."""

    DOCUMENTATION = r"""
options:
  skip_if_rotated_within:
    description:
      - Do not rotate when the last successful rotation happened within this long, for example V(90s), V(30m), V(12h),
        V(7d), V(2w), V(1d12h), or a number of seconds.
      - A recent failed attempt does not count; only a successful rotation does.
      - Not set, the module always rotates.
    type: str
notes:
  - In scheduled jobs (cron, AWX schedules), set O(skip_if_rotated_within) a little below the schedule's period, so a
    re-run or an overlapping run of the job does not rotate a second time.
  - The guard compares Infisical's C(last_rotated_at) of the rotation with the clock of the host that runs the module.
    A C(last_rotated_at) ahead of that clock (clock skew) counts as "just now", with a warning.
  - "The guard is atomic for runs on one host: the module holds an exclusive lock per Infisical URL and rotation from
    the guard's read to the end of the rotate request, in one lock file that every run of the user on that host
    shares (C(~/.ansible/infisical.secret_rotation.lock), or one in the temporary folder when the home folder is not
    writable). A second run started at the same moment waits, then reads the new rotation and skips. The operating
    system releases the lock when a run ends, however it ends."
  - Runs on different hosts (controllers, AWX execution nodes, containers with their own home folder) do not share
    the lock, and two of them started together can both rotate. Infisical itself refuses a rotation while another
    one of the same rotation is in progress, but not one that comes right after it. Schedule such jobs on one host.
  - Each rotation issues new credentials, so the task is not idempotent without O(skip_if_rotated_within); a real
    rotation always reports RV(ignore:changed=true).
  - "Requests per run: with O(auth_method=universal_auth) or O(auth_method=oidc_auth), one login; one C(GET) (the guard,
    and the point of comparison should the answer be lost), and with O(name) one more, by id under the lock; one
    C(POST) when it rotates; one more C(GET) only if the answer to the C(POST) is lost or shows no new rotation."
  - An answer to the C(POST) is believed only when its C(last_rotated_at) is later than the one read before. An
    answer that does not show a new rotation, or is not a rotation at all, is handled like a lost one.
  - If the answer is lost and the read-back cannot tell, the task fails saying the rotation may or may not have
    happened. Check C(last_rotated_at) with M(infisical.secret_rotation.rotation_info) (or
    M(infisical.secret_rotation.dbt_token_rotation_info)) before running it again.
"""
