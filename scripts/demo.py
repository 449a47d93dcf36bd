# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""`make demo`: the collection's main job against the embedded mock Infisical, step by step.

Starts the mock, builds and installs the collection as a user would, runs the playbooks in
examples/ (update, idempotent re-run, check mode with diff, rotate with a guard, the role over a
list, a report, a PostgreSQL rotation, the CI health gate), shows after each step what Infisical
actually received, and stops the mock.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))

from mock_infisical.control import MockInfisical  # noqa: E402  pylint: disable=wrong-import-position

BIN = os.path.dirname(sys.executable)
EXAMPLES = os.path.join(ROOT, "examples")
# A project's listing (all types, or one type); a POST there creates a rotation.
LISTING = re.compile(r"^/api/v2/secret-rotations(/(?!options$)[a-z0-9-]+)?$")
BOLD, DIM, RESET = ("\033[1m", "\033[2m", "\033[0m") if sys.stdout.isatty() else ("", "", "")

STEPS = [
    ("Update the rotation's settings (--diff shows what changes)", "update_rotation.yml", ["--diff"]),
    ("Run the same playbook again: nothing to change", "update_rotation.yml", []),
    ("Preview another change with --check --diff: nothing is written", "update_rotation.yml",
     ["--check", "--diff", "-e", "rotation_interval_days=7"]),
    ("Rotate the token (guard: not if rotated within 1h)", "rotate_token.yml", []),
    ("Rotate again: the guard skips it, no second rotation", "rotate_token.yml", []),
    ("Apply the role to a list of three rotations (one login)", "rotations_role.yml", []),
    ("Report every rotation of the project", "report.yml", []),
    ("Another type: PostgreSQL credentials, created (--diff)", "postgres_credentials.yml", ["--diff"]),
    ("CI health gate: fails on a failed or overdue rotation", "health_gate.yml", []),
]
# The seed holds failed and overdue rotations, so the health gate fails the play, as it should in CI.
EXPECTED_EXIT = {"health_gate.yml": 2}


def say(text=""):
    print(text, flush=True)


def galaxy(*args):
    completed = subprocess.run([os.path.join(BIN, "ansible-galaxy"), "collection", *args], capture_output=True, text=True,
                               check=False)
    if completed.returncode != 0:
        raise SystemExit(f"ansible-galaxy collection {args[0]} failed:\n{completed.stdout}{completed.stderr}")


def build_and_install(workdir):
    galaxy("build", ROOT, "--output-path", workdir, "--force")
    tarball = next(name for name in os.listdir(workdir) if name.endswith(".tar.gz"))
    path = os.path.join(workdir, "collections")
    # --force: a copy of the same version under ~/.ansible/collections must not make the install a no-op.
    galaxy("install", "--force", "-p", path, os.path.join(workdir, tarball))
    return tarball, path


def describe(requests):
    """The requests Infisical received, shortened: 'POST login, GET dbt-ci, PATCH'."""
    words = []
    for entry in requests:
        path = entry["path"]
        if "/auth/" in path:
            words.append("POST login")
        elif path.endswith("/rotate-secrets"):
            words.append("POST rotate-secrets")
        elif "/rotation-name/" in path:
            words.append(f"GET by name ({path.rsplit('/', 1)[-1]})")
        elif entry["method"] == "GET" and LISTING.match(path):
            words.append("GET project list")
        elif entry["method"] == "GET":
            words.append("GET by id")
        else:
            words.append(entry["method"])
    return ", ".join(words) or "nothing"


def outcome(requests):
    """'1 write, 1 rotation': what the step changed in Infisical."""
    rotations = sum(1 for entry in requests if entry["path"].endswith("/rotate-secrets"))
    writes = sum(1 for entry in requests if entry["method"] in ("PATCH", "DELETE")
                 or (entry["method"] == "POST" and LISTING.match(entry["path"])))
    parts = [f"{writes} write{'s' if writes != 1 else ''}"]
    if rotations:
        parts.append(f"{rotations} rotation{'s' if rotations > 1 else ''}")
    return ", ".join(parts)


def main():
    started = time.monotonic()
    say(f"{BOLD}infisical.secret_rotation demo{RESET} - against the embedded mock Infisical (tests/mock_infisical)")
    with tempfile.TemporaryDirectory(prefix="infisical-demo-") as workdir, MockInfisical.start() as mock:
        tarball, collections = build_and_install(workdir)
        ids = mock.ids
        say(f"Mock Infisical at {mock.url}; collection {tarball} installed into a fresh collections path.")
        say("Credentials come from the environment, as in CI: INFISICAL_URL, INFISICAL_UNIVERSAL_AUTH_CLIENT_ID/_SECRET.\n")
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("ANSIBLE_", "INFISICAL_")) and key != "PYTHONPATH"}
        env.update({
            "ANSIBLE_COLLECTIONS_PATH": collections, "ANSIBLE_CALLBACK_RESULT_FORMAT": "yaml",
            "ANSIBLE_DISPLAY_SKIPPED_HOSTS": "false", "ANSIBLE_LOCALHOST_WARNING": "false",
            "ANSIBLE_INVENTORY_UNPARSED_WARNING": "false", "ANSIBLE_PYTHON_INTERPRETER": sys.executable,
            "ANSIBLE_NOCOLOR": "0" if sys.stdout.isatty() else "1", "PATH": BIN + os.pathsep + os.environ.get("PATH", ""),
            "INFISICAL_URL": mock.url, "INFISICAL_UNIVERSAL_AUTH_CLIENT_ID": ids["admin_client_id"],
            "INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET": ids["admin_client_secret"],
        })
        summary, printed = [], []
        for number, (title, playbook, extra) in enumerate(STEPS, 1):
            say(f"{BOLD}== {number}. {title}{RESET}")
            say(f"{DIM}$ ansible-playbook examples/{playbook} {' '.join(extra)}{RESET}")
            mock.clear_requests()
            completed = subprocess.run([os.path.join(BIN, "ansible-playbook"), os.path.join(EXAMPLES, playbook)] + extra,
                                       env=env, cwd=workdir, capture_output=True, text=True, check=False)
            printed.append(completed.stdout + completed.stderr)
            for line in completed.stdout.splitlines():
                if line.strip() and not line.startswith(("PLAY RECAP", "localhost ")):
                    say("   " + line)
            requests = mock.requests()
            say(f"   {BOLD}Infisical received:{RESET} {describe(requests)}\n")
            if completed.returncode != EXPECTED_EXIT.get(playbook, 0):
                say(completed.stderr)
                say(f"demo step {number} failed (exit {completed.returncode})")
                return 1
            summary.append((number, title, len(requests), outcome(requests)))
        rotation = mock.rotation(ids["rotation_ci"])
        say(f"{BOLD}Summary{RESET}")
        for number, title, count, result in summary:
            say(f"  {number}. {title:<62} {count:>2} requests, {result}")
        say(f"\n  dbt-ci now: every {rotation['rotationInterval']} days at {rotation['rotateAtUtc']['hours']:02d}:"
            f"{rotation['rotateAtUtc']['minutes']:02d} UTC, rotated {rotation['rotationCount']} time(s) in all, "
            f"active token slot {rotation['activeIndex']}")
        secrets = mock.secrets()
        leaked = [secret for secret in secrets if any(secret in text for text in printed)]
        if leaked:
            say(f"  {len(leaked)} secret value(s) appeared in the output: that is a bug.")
            return 1
        say(f"  No secret was printed: all output was checked against the {len(secrets)} secrets the mock knows.")
    say(f"\nDone in {time.monotonic() - started:.0f}s. Next: `make test` runs every test.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
