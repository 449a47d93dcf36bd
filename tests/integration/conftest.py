# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The integration harness: the built collection, the mock Infisical, and real ansible-playbook / ansible runs.

- The collection is built with ``ansible-galaxy collection build`` and installed into a temporary
  collections path once per session, so tests use it exactly as users get it.
- One mock Infisical runs for the session; every test starts from its seed (state, log and faults reset).
- ``ansible.playbook(...)`` / ``ansible.adhoc(...)`` run the real CLIs at ``-vvvv`` (playbooks also with
  ``--diff``), record each task result through a test-only callback, and scan everything the run printed
  for every secret the mock knows: a leak fails the test.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time

import pytest
import yaml

TESTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(TESTS_DIR)
sys.path.insert(0, TESTS_DIR)

from mock_infisical.control import MockInfisical  # noqa: E402  pylint: disable=wrong-import-position

BIN = os.path.dirname(sys.executable)
COLLECTION = "infisical.secret_rotation"
CALLBACKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "callback_plugins")


def clean_environment():
    """The caller's environment without what could make Ansible find another copy of the collection
    (PYTHONPATH, ANSIBLE_*) or another Infisical (INFISICAL_*)."""
    return {key: value for key, value in os.environ.items()
            if not key.startswith(("ANSIBLE_", "INFISICAL_")) and key != "PYTHONPATH"}


def ansible_cli(name):
    path = os.path.join(BIN, name)
    return path if os.path.exists(path) else shutil.which(name)


@pytest.fixture(scope="session")
def installed_collection(tmp_path_factory):
    """Build the collection from this checkout and install it; returns the collections path."""
    work = tmp_path_factory.mktemp("collection")
    built = subprocess.run([ansible_cli("ansible-galaxy"), "collection", "build", ROOT, "--output-path", str(work)],
                           capture_output=True, text=True, check=False, env=clean_environment())
    assert built.returncode == 0, built.stdout + built.stderr
    (tarball,) = [name for name in os.listdir(work) if name.endswith(".tar.gz")]
    path = work / "collections"
    installed = subprocess.run([ansible_cli("ansible-galaxy"), "collection", "install", "--force", "-p", str(path),
                                str(work / tarball)], capture_output=True, text=True, check=False, env=clean_environment())
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert os.path.isfile(path / "ansible_collections" / "infisical" / "secret_rotation" / "MANIFEST.json"), installed.stdout
    return str(path)


@pytest.fixture(scope="session")
def mock_server():
    server = MockInfisical.start()
    yield server
    server.stop()


@pytest.fixture
def infisical(mock_server):
    """The mock Infisical, back at its seed: no log, no fault, no issued token."""
    mock_server.reset()
    return mock_server


class AnsibleRun:
    """One finished CLI run: return code, output and the recorded task results."""

    def __init__(self, command, completed, results):
        self.command = command
        self.rc = completed.returncode
        self.stdout = completed.stdout
        self.stderr = completed.stderr
        self.results = results

    def result(self, task=None):
        """The result of the task with that name (the only one when no name is given)."""
        found = [entry for entry in self.results if task is None or entry["task"] == task]
        assert len(found) == 1, f"expected one result for {task!r}, got {len(found)}: {[e['task'] for e in self.results]}"
        return found[0]["result"]

    def __repr__(self):
        failures = [f"{entry['task']}: {entry['result'].get('msg')}" for entry in self.results if entry["status"] == "failed"]
        return (f"<AnsibleRun rc={self.rc} {os.path.basename(self.command[0])}> failed tasks: {failures}\n"
                f"STDOUT (end):\n{self.stdout[-4000:]}\nSTDERR (end):\n{self.stderr[-2000:]}")


class AnsibleRunner:
    """Runs ansible-playbook / ansible against the mock with the installed collection."""

    def __init__(self, mock, collections_path, workdir):
        self.mock = mock
        self.collections_path = collections_path
        self.workdir = workdir
        self.inventory = workdir / "inventory.ini"
        self.inventory.write_text(f"localhost ansible_connection=local ansible_python_interpreter={sys.executable}\n")
        self.runs = 0
        self._runs_lock = threading.Lock()  # runs may be started from several threads at once

    def _number(self):
        with self._runs_lock:
            self.runs += 1
            return self.runs

    def connection(self, identity="admin", auth_method="universal_auth", **extra):
        """Module arguments that connect as one of the seed's identities."""
        ids = self.mock.ids
        args = {"url": self.mock.url, "auth_method": auth_method}
        if auth_method == "universal_auth":
            args.update(universal_auth_client_id=ids[f"{identity}_client_id"],
                        universal_auth_client_secret=ids[f"{identity}_client_secret"])
        elif auth_method == "token_auth":
            args["token"] = ids[f"{identity}_token"]
        else:
            args.update(identity_id=ids[identity], jwt=ids[f"{identity}_jwt"])
        args.update(extra)
        return args

    def environment(self, extra=None):
        env = clean_environment()
        env.update({
            "ANSIBLE_COLLECTIONS_PATH": self.collections_path,
            "ANSIBLE_CALLBACK_PLUGINS": CALLBACKS,
            "ANSIBLE_CALLBACKS_ENABLED": "record_results",
            "ANSIBLE_LOAD_CALLBACK_PLUGINS": "1",
            "ANSIBLE_NOCOLOR": "1",
            "ANSIBLE_LOCAL_TEMP": str(self.workdir / "tmp"),
            "ANSIBLE_HOST_KEY_CHECKING": "0",
            "ANSIBLE_RETRY_FILES_ENABLED": "0",
            "PATH": BIN + os.pathsep + os.environ.get("PATH", ""),
        })
        env.update(extra or {})
        return env

    def playbook(self, plays, check=False, diff=True, env=None, extra_args=(), verbosity=4, inventory=None, secrets=()):
        """Run plays (a list of plays, or a list of tasks for one localhost play); ``secrets`` are scanned for
        besides the mock's own (values the mock never sees, such as a credential refused before sending)."""
        if plays and "hosts" not in plays[0]:
            plays = [{"name": "test", "hosts": "localhost", "gather_facts": False, "tasks": plays}]
        number = self._number()
        playbook = self.workdir / f"playbook-{number}.yml"
        playbook.write_text(yaml.safe_dump(plays, sort_keys=False))
        command = [ansible_cli("ansible-playbook"), "-i", str(inventory or self.inventory), str(playbook)]
        command += ["-" + "v" * verbosity] if verbosity else []
        command += (["--check"] if check else []) + (["--diff"] if diff else []) + list(extra_args)
        return self._run(command, env, secrets, number)

    def adhoc(self, module, args, env=None, check=False, verbosity=4, secrets=()):
        """``ansible localhost -m module -a args`` (args: a dict, passed as JSON)."""
        number = self._number()
        command = [ansible_cli("ansible"), "localhost", "-i", str(self.inventory), "-m", module, "-a", json.dumps(args)]
        command += ["-" + "v" * verbosity] if verbosity else []
        command += ["--check"] if check else []
        return self._run(command, env, secrets, number)

    def _run(self, command, env, secrets, number):
        results_file = self.workdir / f"results-{number}.jsonl"
        environment = self.environment(dict(env or {}, RECORD_RESULTS_FILE=str(results_file)))
        completed = subprocess.run(command, capture_output=True, text=True, env=environment, cwd=str(self.workdir),
                                   check=False, timeout=600)
        results = []
        if results_file.exists():
            results = [json.loads(line) for line in results_file.read_text().splitlines() if line.strip()]
        for entry in results:
            # ansible-core 2.19+ hands callbacks a failed result without its "failed" key.
            entry["result"].setdefault("failed", entry["status"] == "failed")
        run = AnsibleRun(command, completed, results)
        assert_no_secret(self.mock, run.stdout + run.stderr + json.dumps(results), secrets)
        return run


class ModuleProcess:
    """Runs one module of the installed collection as its own Python process, the way Ansible's local
    connection does without the AnsiballZ wrapper: much faster than ansible-playbook, for the fault
    matrix and the soak, which need hundreds of runs. The output is scanned for secrets too."""

    def __init__(self, mock, collections_path, workdir):
        self.mock = mock
        self.collections_path = collections_path
        self.workdir = workdir
        self.runs = 0

    def __call__(self, module, args, check_mode=False, timeout=120):
        """The module's result; only ``login`` may print a secret, its ``access_token`` (a task sets no_log)."""
        self.runs += 1
        args_file = self.workdir / f"module-args-{self.runs}.json"
        args_file.write_text(json.dumps({"ANSIBLE_MODULE_ARGS": dict(args, _ansible_check_mode=check_mode)}))
        path = os.path.join(self.collections_path, "ansible_collections", "infisical", "secret_rotation", "plugins",
                            "modules", f"{module}.py")
        env = dict(clean_environment(), PYTHONPATH=self.collections_path)
        completed = subprocess.run([sys.executable, path, str(args_file)], capture_output=True, text=True, env=env,
                                   timeout=timeout, check=False)
        try:
            result = json.loads(completed.stdout)
        except ValueError:
            raise AssertionError(f"module {module} printed no JSON:\n{completed.stdout}\n{completed.stderr}") from None
        shown = {key: value for key, value in result.items() if not (module == "login" and key == "access_token")}
        assert_no_secret(self.mock, json.dumps(shown) + completed.stderr)
        result.setdefault("failed", False)
        return result


@pytest.fixture
def module_process(infisical, installed_collection, tmp_path):
    return ModuleProcess(infisical, installed_collection, tmp_path)


def assert_no_secret(mock, text, extra=()):
    """Fail when any secret the mock knows (client secrets, JWTs, access and service tokens), or one of ``extra``,
    appears in text, as it is or escaped as JSON would print it."""
    secrets = [secret for secret in list(mock.secrets()) + list(extra) if secret]
    leaked = [secret for secret in secrets if any(form in text for form in (secret, json.dumps(secret)[1:-1]))]
    if leaked and os.environ.get("LEAK_DEBUG"):
        at = text.find(leaked[0])
        sys.stderr.write("LEAK CONTEXT: " + repr(text[max(0, at - 300):at + 300]) + "\n")
    assert not leaked, f"{len(leaked)} secret value(s) leaked into the output, e.g. one starting {leaked[0][:6]!r}"


@pytest.fixture
def ansible(infisical, installed_collection, tmp_path):
    (tmp_path / "tmp").mkdir()
    return AnsibleRunner(infisical, installed_collection, tmp_path)


@pytest.fixture(scope="session", autouse=True)
def report_suite_time():
    started = time.monotonic()
    yield
    sys.stderr.write(f"\nintegration suite wall time: {time.monotonic() - started:.1f}s\n")


def settle(mock, timeout=15):
    """Wait until the mock has answered every request it received (a delayed or hanging one included)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pending = [entry for entry in mock.requests()
                   if entry["status"] is None and entry["fault"] not in ("reset", "apply_then_reset")]
        if not pending:
            return
        time.sleep(0.05)
    raise AssertionError(f"the mock still holds {len(pending)} request(s) after {timeout}s")


def api_calls(mock, include_login=True):
    """The mock's request log as ``(METHOD, path)`` pairs, logins included unless asked otherwise."""
    return [(entry["method"], entry["path"]) for entry in mock.requests()
            if include_login or "/auth/" not in entry["path"]]
