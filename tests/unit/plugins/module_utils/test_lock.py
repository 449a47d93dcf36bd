# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The host's rotation lock, between real processes: exclusive per URL and rotation id, released on any exit."""

from __future__ import annotations

import multiprocessing
import os
import signal
import stat
import time

import pytest

from ansible_collections.infisical.secret_rotation.plugins.module_utils._lock import LockError, exclusive, lock_file_path

URL = "https://infisical.example"
ROTATION_ID = "85b61342-a604-4e28-b81e-e32a498f1ed4"
CONTEXT = multiprocessing.get_context("fork")


def hold(path, url, rotation_id, seconds, ready):
    with exclusive(url, rotation_id, 5, path=path):
        ready.set()
        time.sleep(seconds)


@pytest.fixture
def holder(tmp_path):
    """Start a process that holds a lock for some seconds; returns (lock file, start function)."""
    path = str(tmp_path / "rotation.lock")
    started = []

    def start(url=URL, rotation_id=ROTATION_ID, seconds=1.0):
        ready = CONTEXT.Event()
        process = CONTEXT.Process(target=hold, args=(path, url, rotation_id, seconds, ready), daemon=True)
        process.start()
        assert ready.wait(10), "the holder never took the lock"
        started.append(process)
        return process

    yield path, start
    for process in started:
        process.kill()
        process.join()


def test_a_second_run_waits_for_the_first_and_gives_up_after_its_wait(holder):
    path, start = holder
    start(seconds=1.5)
    began = time.monotonic()
    with pytest.raises(LockError, match=r"another run has held the lock of this rotation for more than 0.3s"):
        with exclusive(URL, ROTATION_ID, 0.3, path=path):
            pass
    assert 0.3 <= time.monotonic() - began < 1.2
    with exclusive(URL, ROTATION_ID, 5, path=path):
        assert time.monotonic() - began >= 1.4, "taken only once the holder let go"


def test_the_key_ignores_case_and_a_trailing_slash(holder):
    path, start = holder
    start(url=URL + "/", rotation_id=ROTATION_ID.upper(), seconds=3)
    with pytest.raises(LockError):
        with exclusive(URL.upper(), ROTATION_ID, 0.2, path=path):
            pass


def test_other_rotations_and_other_urls_do_not_wait(holder):
    path, start = holder
    start(seconds=3)
    began = time.monotonic()
    with exclusive(URL, "85b61342-a604-4e28-b81e-e32a498f1ed5", 0.2, path=path):
        with exclusive("https://eu.infisical.example", ROTATION_ID, 0.2, path=path):
            pass
    assert time.monotonic() - began < 0.2


def test_a_killed_holder_leaves_nothing_locked(holder):
    path, start = holder
    process = start(seconds=30)
    os.kill(process.pid, signal.SIGKILL)
    process.join()
    with exclusive(URL, ROTATION_ID, 0.5, path=path):
        pass


def test_the_lock_file_is_private_to_the_user(tmp_path):
    path = str(tmp_path / "rotation.lock")
    with exclusive(URL, ROTATION_ID, 1, path=path):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_the_default_lock_file_is_shared_by_every_run_of_the_user():
    path = lock_file_path()
    assert path == lock_file_path() and path.endswith("infisical.secret_rotation.lock")
    with exclusive(URL, ROTATION_ID, 1):
        assert os.path.exists(path)
