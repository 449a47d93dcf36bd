# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The README's "Try it by hand" steps, run as written: `make mock` in one process, the lines it prints pasted in
front of the second block, which runs in bash from the root of the checkout. The set-up `make mock` would do is
already done here (SETUP_DONE, the virtualenvs of this run), as after a first `make mock` on a fresh clone."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys

from conftest import ROOT, MockInfisical, clean_environment

VENVS = os.path.dirname(os.path.dirname(os.path.dirname(sys.executable)))
PROJECT = "a1b2c3d4-0000-4000-8000-000000000002"
ROTATION_CI = "a1b2c3d4-0000-4000-8000-000000000101"


def readme_blocks():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as handle:
        section = handle.read().split("## Try it by hand\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.*?)```", section, re.S)


def start_make_mock(command):
    env = dict(clean_environment(), MAKEFLAGS=f"SETUP_DONE=1 VENVS={VENVS} MOCK_PORT=0")
    process = subprocess.Popen(["bash", "-c", f"exec {command}"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)
    printed = []
    for line in process.stdout:
        printed.append(line)
        if line.startswith("Then:"):
            return process, printed
    raise AssertionError("make mock ended before it printed the lines to paste:\n" + "".join(printed))


def test_the_readme_steps_work_as_written():
    start, steps = readme_blocks()
    assert start.strip() == "make mock"
    process, printed = start_make_mock(start.strip())
    try:
        pasted = [line for line in printed if line.startswith("export ")]
        assert [line.split("=", 1)[0] for line in pasted] == [
            "export PATH", "export ANSIBLE_COLLECTIONS_PATH", "export INFISICAL_URL",
            "export INFISICAL_UNIVERSAL_AUTH_CLIENT_ID", "export INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET"]
        mock = MockInfisical(next(line for line in pasted if "INFISICAL_URL=" in line).strip().split("=", 1)[1])
        secrets = mock.secrets()
        completed = subprocess.run(["bash", "-euo", "pipefail", "-c", "".join(pasted) + steps], cwd=ROOT,
                                   env=clean_environment(), capture_output=True, text=True, check=False, timeout=300)
        output = completed.stdout + completed.stderr
        assert completed.returncode == 0, output
        assert "[WARNING]" not in output and "[DEPRECATION WARNING]" not in output, output
        recaps = re.findall(r"localhost\s+: ok=\d+\s+changed=(\d+)", output)
        assert recaps == ["1", "0", "1"], "update, the same again, a create previewed in check mode"
        assert '"health": "ok"' in output and '"gathered": [' in output

        rotation = mock.rotation(ROTATION_CI)
        assert rotation["rotationInterval"] == 14 and rotation["rotateAtUtc"] == {"hours": 3, "minutes": 30}
        writes = [(entry["method"], entry["path"]) for entry in mock.requests() if entry["method"] != "GET"
                  and "/auth/" not in entry["path"]]
        assert writes == [("PATCH", f"/api/v2/secret-rotations/dbt-service-token/{ROTATION_CI}")]
        assert not [secret for secret in secrets if secret in output]
    finally:
        os.killpg(process.pid, signal.SIGINT)
        # make ends itself with the SIGINT it got; the mock under it stops without a traceback.
        assert process.wait(timeout=15) in (0, -signal.SIGINT)
        assert "Traceback" not in process.stdout.read()
