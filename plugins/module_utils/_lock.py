# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE to the infisical.secret_rotation collection: no stable interface, may change in any release.

"""An exclusive lock per Infisical URL and rotation id, shared by every run of one user on one host.

All runs use one lock file; each (URL, rotation id) locks its own byte of it (a POSIX record lock),
so unrelated rotations do not wait for each other. The operating system releases a record lock
when its process ends, however it ends: a crashed run never leaves a rotation locked.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import tempfile
import time

LOCK_FILE_NAME = "infisical.secret_rotation.lock"
_POLL_SECONDS = 0.05


class LockError(Exception):
    """The lock could not be had: another run held it too long, or the lock file is unusable."""


def lock_file_path():
    """``~/.ansible/infisical.secret_rotation.lock``; a file of this user's in the temporary folder where the home is not writable."""
    folder = os.path.join(os.path.expanduser("~"), ".ansible")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        if os.access(folder, os.W_OK):
            return os.path.join(folder, LOCK_FILE_NAME)
    except OSError:
        pass
    return os.path.join(tempfile.gettempdir(), f"{os.getuid()}-{LOCK_FILE_NAME}")


@contextlib.contextmanager
def exclusive(url, rotation_id, wait_seconds, path=None):
    """Hold the lock of (url, rotation_id) for the ``with`` block; raise ``LockError`` after ``wait_seconds``."""
    key = f"{url.rstrip('/').lower()}\n{rotation_id.lower()}".encode("utf-8")
    offset = int.from_bytes(hashlib.sha256(key).digest()[:6], "big")
    path = path or lock_file_path()
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError as exc:
        raise LockError(f"cannot open the lock file {path}: {os.strerror(exc.errno)}") from None
    try:
        if os.fstat(descriptor).st_uid != os.getuid():
            raise LockError(f"the lock file {path} belongs to another user")
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, offset)
                break
            except OSError as exc:
                if exc.errno not in (errno.EACCES, errno.EAGAIN):
                    raise LockError(f"cannot lock {path}: {os.strerror(exc.errno)}") from None
            if time.monotonic() >= deadline:
                raise LockError(f"another run has held the lock of this rotation for more than {wait_seconds:g}s ({path})")
            time.sleep(_POLL_SECONDS)
        yield
    finally:
        os.close(descriptor)  # releases the lock
