# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Benchmarks of infisical.secret_rotation against the mock Infisical; prints Markdown tables.

    make bench                        # all of it (several minutes: the role over 200 rotations, 5 times)
    .venvs/core-2.19/bin/python benchmarks/run.py --quick    # fewer runs, smaller lists
    .venvs/core-2.19/bin/python benchmarks/run.py --only fleet --only memory --only storm   # the fleet module

Requests per task come from the mock's request log. Wall times are medians of repeated runs of real
ansible-playbook processes on this machine, compared as ratios measured in the same run. Figures go to
benchmarks/README.md by hand, with the machine and the date this script prints.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))

from mock_infisical.control import MockInfisical  # noqa: E402  pylint: disable=wrong-import-position
from mock_infisical.seed import with_bulk_estate, with_bulk_rotations  # noqa: E402  pylint: disable=wrong-import-position

BIN = os.path.dirname(sys.executable)
ROTATIONS = "/api/v2/secret-rotations/dbt-service-token"


class Bench:
    def __init__(self, mock, workdir, runs):
        self.mock = mock
        self.workdir = workdir
        self.runs = runs
        self.collections = self._install()
        self.inventory = os.path.join(workdir, "inventory.ini")
        with open(self.inventory, "w", encoding="utf-8") as handle:
            handle.write(f"localhost ansible_connection=local ansible_python_interpreter={sys.executable}\n")
        self.count = 0

    def _install(self):
        galaxy = os.path.join(BIN, "ansible-galaxy")
        subprocess.run([galaxy, "collection", "build", ROOT, "--output-path", self.workdir, "--force"], check=True,
                       capture_output=True)
        tarball = next(name for name in os.listdir(self.workdir) if name.endswith(".tar.gz"))
        path = os.path.join(self.workdir, "collections")
        subprocess.run([galaxy, "collection", "install", "-p", path, os.path.join(self.workdir, tarball)], check=True,
                       capture_output=True)
        return path

    def connection(self, auth="token_auth"):
        ids = self.mock.ids
        if auth == "token_auth":
            return {"url": self.mock.url, "auth_method": "token_auth", "token": ids["admin_token"]}
        return {"url": self.mock.url, "universal_auth_client_id": ids["admin_client_id"],
                "universal_auth_client_secret": ids["admin_client_secret"]}

    def playbook(self, tasks=None, plays=None, extra_vars=None):
        """Run one playbook; returns its wall time in seconds (fails loudly on a failed run)."""
        plays = plays or [{"hosts": "localhost", "gather_facts": False, "tasks": tasks}]
        self.count += 1
        path = os.path.join(self.workdir, f"bench-{self.count}.yml")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(plays, handle)
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("ANSIBLE_", "INFISICAL_")) and key != "PYTHONPATH"}
        env.update({"ANSIBLE_COLLECTIONS_PATH": self.collections, "PATH": BIN + os.pathsep + env.get("PATH", "")})
        command = [os.path.join(BIN, "ansible-playbook"), "-i", self.inventory, path]
        if extra_vars:
            command += ["-e", json.dumps(extra_vars)]
        started = time.monotonic()
        completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        elapsed = time.monotonic() - started
        if completed.returncode != 0:
            raise SystemExit(f"benchmark playbook failed:\n{completed.stdout[-3000:]}\n{completed.stderr[-2000:]}")
        return elapsed

    def median(self, make_tasks=None, make_plays=None):
        """Median wall time over the configured runs; make_* get the run number (to vary values)."""
        times = []
        for run in range(self.runs):
            times.append(self.playbook(tasks=make_tasks(run) if make_tasks else None,
                                       plays=make_plays(run) if make_plays else None))
        return statistics.median(times)

    def medians(self, *makers):
        """The median wall time of each task list maker, their runs interleaved (A B C A B C ...), so that the
        machine's drift during the measurement weighs on each alike."""
        times = [[] for _maker in makers]
        for run in range(self.runs):
            for index, make_tasks in enumerate(makers):
                times[index].append(self.playbook(tasks=make_tasks(run)))
        return [statistics.median(each) for each in times]


def requests_per_task(bench):
    mock, ids = bench.mock, bench.mock.ids
    rotation = ids["rotation_ci"]
    rows = []
    cases = [
        ("no-change update", {"infisical.secret_rotation.dbt_token_rotation": {"rotation_id": rotation, "rotation_interval": 7}},
         {"universal_auth": 2, "token_auth": 1}),
        ("change one setting", {"infisical.secret_rotation.dbt_token_rotation": {"rotation_id": rotation,
                                                                                 "rotation_interval": "{{ 8 + run }}"}},
         {"universal_auth": 3, "token_auth": 2}),
        ("rotate (with guard)", {"infisical.secret_rotation.dbt_token_rotate": {"rotation_id": rotation,
                                                                                "skip_if_rotated_within": "1s"}},
         {"universal_auth": 3, "token_auth": 2}),
        (f"info, whole project ({len(mock.state()['rotations'])} rotations)",
         {"infisical.secret_rotation.dbt_token_rotation_info": {"project_id": ids["project_a"]}},
         {"universal_auth": 2, "token_auth": 1}),
    ]
    for run, (label, task, minimum) in enumerate(cases):
        for auth in ("universal_auth", "token_auth"):
            (module, args), = task.items()
            time.sleep(1.1 if "rotate" in label else 0)  # let the 1 s guard pass between the two rotations
            mock.clear_requests()
            bench.playbook([{module: dict(bench.connection(auth), **args)}], extra_vars={"run": run * 2 + (auth == "token_auth")})
            seen = mock.requests()
            calls = ", ".join(f"{entry['method']} {'login' if '/auth/' in entry['path'] else entry['path'].rsplit('/', 1)[-1][:13]}"
                              for entry in seen)
            rows.append((label, auth, len(seen), minimum[auth], calls))
    print("\n### Requests per task (from the mock's request log)\n")
    print("| task | auth | requests | minimum | what was sent |")
    print("|---|---|---|---|---|")
    for label, auth, count, minimum, calls in rows:
        mark = "" if count <= minimum else " (above minimum)"
        print(f"| {label} | {auth} | {count}{mark} | {minimum} | {calls} |")


def loop_ratios(bench, items=30):
    ids = bench.mock.ids
    rotation = ids["rotation_ci"]
    loop = f"{{{{ range({items}) | list }}}}"
    ours, uri, ping, empty = bench.medians(
        lambda run: [{"infisical.secret_rotation.dbt_token_rotation": dict(
            bench.connection(), rotation_id=rotation, rotation_interval=7), "loop": loop}],
        lambda run: [{"ansible.builtin.uri": {
            "url": f"{bench.mock.url}{ROTATIONS}/{rotation}", "headers": {"Authorization": f"Bearer {ids['admin_token']}"}},
            "loop": loop}],
        lambda run: [{"ansible.builtin.ping": None, "loop": loop}],
        lambda run: [{"ansible.builtin.meta": "noop"}])
    print(f"\n### (a) A play of {items} looped no-change tasks (median of {bench.runs} interleaved runs)\n")
    print("| play | wall time | per item (minus an empty play) | ratio to ours |")
    print("|---|---|---|---|")
    for label, seconds in (("`dbt_token_rotation` no change, token auth (1 GET each)", ours),
                           ("`ansible.builtin.uri` GET of the same rotation", uri), ("`ansible.builtin.ping`", ping),
                           ("empty play (`meta: noop`)", empty)):
        print(f"| {label} | {seconds:.2f} s | {(seconds - empty) / items * 1000:.0f} ms | {ours / seconds:.2f} |")
    print(f"\nours / uri = **{ours / uri:.2f}** (target <= 1.10); ours / ping = {ours / ping:.2f}; "
          f"per item ours / uri = {(ours - empty) / (uri - empty):.2f}")


def change_ratio(bench):
    ids = bench.mock.ids
    rotation = ids["rotation_ci"]
    base = f"{bench.mock.url}{ROTATIONS}/{rotation}"
    ours = bench.median(lambda run: [{"infisical.secret_rotation.dbt_token_rotation": dict(
        bench.connection("universal_auth"), rotation_id=rotation, rotation_interval=20 + run)}])
    bearer = {"Authorization": "Bearer {{ login.json.accessToken }}"}
    by_hand = bench.median(lambda run: [
        {"ansible.builtin.uri": {"url": f"{bench.mock.url}/api/v1/auth/universal-auth/login", "method": "POST",
                                 "body_format": "json", "body": {"clientId": ids["admin_client_id"],
                                                                 "clientSecret": ids["admin_client_secret"]}},
         "register": "login", "no_log": True},
        {"ansible.builtin.uri": {"url": base, "headers": bearer}, "register": "current"},
        {"ansible.builtin.uri": {"url": base, "method": "PATCH", "body_format": "json", "headers": bearer,
                                 "body": {"rotationInterval": 40 + run}},
         "when": f"current.json.secretRotation.rotationInterval != {40 + run}"},
    ])
    # The floor any one-task play pays: the play itself, and the first module task of the play.
    empty = bench.median(lambda run: [{"ansible.builtin.meta": "noop"}])
    ping = bench.median(lambda run: [{"ansible.builtin.ping": None}])
    print(f"\n### (b) One change of one setting (median of {bench.runs} runs)\n")
    print("| play | wall time | minus the empty play |")
    print("|---|---|---|")
    for label, seconds in (("one `dbt_token_rotation` task (universal auth: login, GET, PATCH)", ours),
                           ("`ansible.builtin.uri` by hand: login, GET, compare, PATCH as three tasks", by_hand),
                           ("one `ansible.builtin.ping` task (the cheapest one-task play)", ping),
                           ("empty play (`meta: noop`)", empty)):
        print(f"| {label} | {seconds:.2f} s | {seconds - empty:.2f} s |")
    print(f"\nours / by hand = **{ours / by_hand:.2f}** of the wall time (target <= 0.5; a lone ping play is already "
          f"{ping / by_hand:.2f}); of the time the tasks add to an empty play: **{(ours - empty) / (by_hand - empty):.2f}**")


def role_scaling(bench, sizes):
    ids = bench.mock.ids
    results = {}
    for size in (0,) + tuple(sizes):
        items = [{"name": f"bulk-{number:04d}", "project_id": ids["project_a"], "environment": "dev",
                  "secret_path": "/dbt", "rotation_interval": 30} for number in range(1, size + 1)]
        plays = [{"hosts": "localhost", "gather_facts": False, "roles": [{
            "role": "infisical.secret_rotation.dbt_token_rotations",
            "vars": {"infisical_url": bench.mock.url, "infisical_universal_auth_client_id": ids["admin_client_id"],
                     "infisical_universal_auth_client_secret": ids["admin_client_secret"],
                     "dbt_token_rotations": items}}]}]
        bench.mock.clear_requests()
        results[size] = (bench.median(make_plays=lambda run, plays=plays: plays), len(bench.mock.requests()) // bench.runs)
    base = results[0][0]
    print(f"\n### (c) The role over a list of no-change rotations (median of {bench.runs} runs)\n")
    print("| rotations | wall time | requests per run | per item (minus the empty list) |")
    print("|---|---|---|---|")
    per_item = {}
    for size, (seconds, requests) in results.items():
        per_item[size] = (seconds - base) / size if size else None
        shown = f"{per_item[size] * 1000:.0f} ms" if size else "-"
        print(f"| {size} | {seconds:.2f} s | {requests} | {shown} |")
    small, large = sizes
    print(f"\nper item at {large} / per item at {small} = **{per_item[large] / per_item[small]:.2f}** (target <= 1.2)")


def module_process_cost(bench):
    """Import time of our module_utils and the peak RSS of one module process, run directly."""
    collections = bench.collections
    env = dict(os.environ, PYTHONPATH=collections)
    importing = ("import ansible_collections.infisical.secret_rotation.plugins.module_utils._module")
    samples = {}
    for label, code in (("python -c pass", "pass"), ("ansible.module_utils.basic", "import ansible.module_utils.basic"),
                        ("requests", "import requests"), ("our module_utils (with basic and requests)", importing)):
        times = []
        for _sample in range(7):
            started = time.monotonic()
            subprocess.run([sys.executable, "-c", code], env=env, check=True)
            times.append(time.monotonic() - started)
        samples[label] = statistics.median(times)
    detail = subprocess.run([sys.executable, "-X", "importtime", "-c", importing], env=env, capture_output=True, text=True,
                            check=True).stderr
    # Lines read "import time: <self us> | <cumulative us> | <indented module name>".
    rows = [line.replace("import time:", "").split("|") for line in detail.splitlines()[1:] if line.count("|") == 2]
    cumulative = {name.strip(): int(total) for _self, total, name in rows}
    ours_self = sum(int(own) for own, _total, name in rows if "infisical.secret_rotation" in name)

    args_path = os.path.join(bench.workdir, "args.json")
    with open(args_path, "w", encoding="utf-8") as handle:
        rotation_id = bench.mock.ids["rotation_ci"]
        current = bench.mock.rotation(rotation_id)["rotationInterval"]
        json.dump({"ANSIBLE_MODULE_ARGS": dict(bench.connection(), rotation_id=rotation_id, rotation_interval=current)},
                  handle)
    module = os.path.join(collections, "ansible_collections", "infisical", "secret_rotation", "plugins", "modules",
                          "dbt_token_rotation.py")
    peaks, walls = [], []
    for _sample in range(5):
        result, wall, peak = run_module_process(module, args_path, env)
        assert result["changed"] is False, result
        walls.append(wall)
        peaks.append(peak)
    print("\n### Per-module-run cost\n")
    print("| measure | value |")
    print("|---|---|")
    for label, seconds in samples.items():
        print(f"| start-up of `{label}` (median of 7 processes) | {seconds * 1000:.0f} ms |")
    for name in ("requests", "ansible.module_utils.basic", "ansible_collections.infisical.secret_rotation.plugins.module_utils._module"):
        print(f"| `-X importtime` cumulative import of `{name}` | {cumulative.get(name, 0) / 1000:.1f} ms |")
    print(f"| `-X importtime` self time of our own module_utils files | {ours_self / 1000:.1f} ms |")
    print(f"| one `dbt_token_rotation` process, run directly, no change (median) | {statistics.median(walls) * 1000:.0f} ms |")
    print(f"| peak RSS of that process | {max(peaks):.1f} MiB |")


FLEET = "/api/v2/secret-rotations"
BULK_PROJECTS = 5
LATENCY = 0.02


def bulk_config(per_project, changed=0, value=30):
    """Config items naming the bulk estate's rotations by name tuple; the first ``changed`` get ``value`` days."""
    return [{"name": f"bulk-{number:04d}", "project_id": f"b1000000-0000-4000-8000-{(number - 1) // per_project + 1:012d}",
             "environment": "dev", "rotation_interval": value if number <= changed else 30}
            for number in range(1, BULK_PROJECTS * per_project + 1)]


# Runs a module file as Ansible's local connection does (python module.py args.json), then writes the process's peak
# resident set (VmHWM) to stderr. ru_maxrss would not do: Linux keeps it across exec, so a child would report its
# parent's size at fork time (here the benchmark's own, seeds included).
PEAK_RSS_RUNNER = """
import runpy, sys
path = sys.argv[1]
sys.argv = sys.argv[1:]
try:
    runpy.run_path(path, run_name="__main__")
finally:
    with open("/proc/self/status", encoding="utf-8") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    sys.stderr.write("peak_kib=%s\\n" % peak)
"""


def run_module_process(module_path, args_path, env):
    """(the module's JSON result, wall seconds, peak RSS in MiB) of one module process."""
    started = time.monotonic()
    completed = subprocess.run([sys.executable, "-c", PEAK_RSS_RUNNER, module_path, args_path], env=env,
                               capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - started
    peak = next(line.split("=")[1] for line in completed.stderr.splitlines() if line.startswith("peak_kib="))
    return json.loads(completed.stdout), elapsed, int(peak) / 1024


def fleet_task(bench, config, **options):
    return [{"infisical.secret_rotation.rotations": dict(bench.connection("universal_auth"), type="dbt-service-token",
                                                         config=config, **options)}]


def fleet(bench, per_project, loop_items):
    """(d) the fleet module over BULK_PROJECTS projects at LATENCY per answer, against v1's loop of tasks."""
    mock = bench.mock
    mock.reset(seed=with_bulk_estate(mock.seed, BULK_PROJECTS, per_project))
    mock.configure(latency=LATENCY)
    total = BULK_PROJECTS * per_project
    rotation_ids = [f"b0000000-0000-4000-8000-{number:012d}" for number in range(1, loop_items + 1)]
    mock.clear_requests()
    unchanged, empty, loop = bench.medians(
        lambda run: fleet_task(bench, bulk_config(per_project)), lambda run: [{"ansible.builtin.meta": "noop"}],
        lambda run: [{"infisical.secret_rotation.dbt_token_rotation": dict(
            bench.connection(), rotation_id="{{ item }}", rotation_interval=30), "loop": rotation_ids}])
    calls = [(entry["method"], entry["path"]) for entry in mock.requests()]
    assert not [call for call in calls if call[0] != "GET" and "/auth/" not in call[1]], "nothing changes in this part"
    listings = calls.count(("GET", FLEET)) // bench.runs
    per_run = listings + 1
    mock.clear_requests()
    # Run r changes the first tenth to 40 + r days; its partner, none changed, names them at 40 + r too.
    changed, settled = bench.medians(
        lambda run: fleet_task(bench, bulk_config(per_project, changed=total // 10, value=40 + run), concurrency=8),
        lambda run: fleet_task(bench, bulk_config(per_project, changed=total // 10, value=40 + run), concurrency=8))
    patches = sum(1 for entry in mock.requests() if entry["method"] == "PATCH") / bench.runs
    fleet_per_item = (unchanged - empty) / total
    loop_per_item = (loop - empty) / loop_items
    print(f"\n### (d) The fleet module: {total} rotations over {BULK_PROJECTS} projects, {LATENCY * 1000:.0f} ms per answer "
          f"(median of {bench.runs} interleaved runs)\n")
    print("| play | wall time | minus the empty play | per rotation | requests per run |")
    print("|---|---|---|---|---|")
    print(f"| one `rotations` task, none changed (universal auth) | {unchanged:.2f} s | {unchanged - empty:.2f} s | "
          f"{fleet_per_item * 1000:.2f} ms | {per_run} (1 login + {listings} listings) |")
    print(f"| one `rotations` task, {total // 10} changed, concurrency 8 | {changed:.2f} s | {changed - empty:.2f} s | "
          f"{(changed - empty) / total * 1000:.2f} ms | {per_run} + {patches:.0f} PATCH |")
    print(f"| v1's loop: {loop_items} `dbt_token_rotation` tasks, none changed (token auth, 1 GET each) | {loop:.2f} s | "
          f"{loop - empty:.2f} s | {loop_per_item * 1000:.0f} ms | {loop_items} |")
    print(f"| empty play (`meta: noop`) | {empty:.2f} s | - | - | 0 |")
    print(f"| one `rotations` task, none changed, run after each of the above | {settled:.2f} s | {settled - empty:.2f} s | "
          f"{(settled - empty) / total * 1000:.2f} ms | {per_run} |")
    print(f"\ntask time, none changed: **{unchanged - empty:.2f} s** (target <= 3 s); per rotation, v1 loop / fleet = "
          f"**{loop_per_item / fleet_per_item:.0f}x** (target >= 100x); {total // 10} changed costs "
          f"**{changed - settled:+.2f} s** over none changed, measured in turn (target <= 2 s), with {patches:.0f} PATCH"
          f" requests per run (target exactly {total // 10})")


def memory(bench, per_project):
    """(e) peak RSS of one rotations module process over a large estate, run directly."""
    mock = bench.mock
    mock.reset(seed=with_bulk_estate(mock.seed, BULK_PROJECTS, per_project))
    total = BULK_PROJECTS * per_project
    args_path = os.path.join(bench.workdir, "fleet-args.json")
    with open(args_path, "w", encoding="utf-8") as handle:
        json.dump({"ANSIBLE_MODULE_ARGS": dict(bench.connection(), type="dbt-service-token",
                                               config=bulk_config(per_project))}, handle)
    module = os.path.join(bench.collections, "ansible_collections", "infisical", "secret_rotation", "plugins", "modules",
                          "rotations.py")
    env = dict(os.environ, PYTHONPATH=bench.collections)
    peaks, walls = [], []
    for _sample in range(3):
        result, wall, peak = run_module_process(module, args_path, env)
        assert result["summary"]["unchanged"] == total, result.get("msg")
        walls.append(wall)
        peaks.append(peak)
    size = len(json.dumps(result))
    print(f"\n### (e) One `rotations` module process over {total} rotations ({BULK_PROJECTS} projects), none changed\n")
    print("| measure | value |")
    print("|---|---|")
    print(f"| peak RSS (largest of 3 runs) | **{max(peaks):.1f} MiB** (target <= 100 MiB) |")
    print(f"| wall time, module run directly (median of 3) | {statistics.median(walls):.2f} s |")
    print(f"| size of its arguments (the config) | {os.path.getsize(args_path) / 1024 / 1024:.1f} MiB |")
    print(f"| size of its result | {size / 1024 / 1024:.1f} MiB |")


def storm(bench, per_project):
    """(f) every third write answered 429 with Retry-After: 1, at concurrency 8."""
    mock = bench.mock
    mock.reset(seed=with_bulk_estate(mock.seed, BULK_PROJECTS, per_project))
    total = BULK_PROJECTS * per_project
    changed = total // 10
    mock.add_fault("PATCH", f"{ROTATIONS}/.*", {"type": "rate_limit", "retry_after": 1}, count=10 ** 6, every=3)
    seconds = bench.playbook(fleet_task(bench, bulk_config(per_project, changed=changed, value=45), concurrency=8,
                                        retries=12))
    log = mock.requests()
    mock.clear_faults()
    patches = [entry for entry in log if entry["method"] == "PATCH"]
    limited = [entry for entry in patches if entry["status"] == 429]
    applied = {}
    for entry in patches:
        if entry["handled_status"] == 200:
            applied[entry["path"]] = applied.get(entry["path"], 0) + 1
    state = mock.state()["rotations"]
    converged = sum(1 for number in range(1, changed + 1)
                    if state[f"b0000000-0000-4000-8000-{number:012d}"]["rotationInterval"] == 45)
    in_flight = 0.25
    inside = sum(1 for entry in limited for other in log
                 if entry["answered"] + in_flight < other["time"] < entry["answered"] + 1.0)
    print(f"\n### (f) A 429 storm: {changed} of {total} rotations changed at concurrency 8, every third PATCH answered "
          "429 with Retry-After: 1\n")
    print("| measure | value |")
    print("|---|---|")
    print(f"| rotations converged (from the mock's state) | **{converged} of {changed}** |")
    print(f"| PATCH requests sent / answered 429 | {len(patches)} / {len(limited)} |")
    print(f"| most PATCHes applied to one rotation | **{max(applied.values())}** (target 1) over {len(applied)} rotations |")
    print(f"| requests that arrived inside another's Retry-After window (more than {in_flight * 1000:.0f} ms after the"
          f" 429 was answered) | **{inside}** (target 0) |")
    print(f"| wall time of the play | {seconds:.1f} s |")


def machine():
    cpu = "unknown CPU"
    if os.path.exists("/proc/cpuinfo"):
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), cpu)
    core = subprocess.run([os.path.join(BIN, "ansible"), "--version"], capture_output=True, text=True, check=True).stdout
    return (f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; {cpu}, {os.cpu_count()} cores; {platform.platform()}; "
            f"Python {platform.python_version()}; {core.splitlines()[0].strip()}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per wall-time figure (median)")
    parser.add_argument("--quick", action="store_true", help="3 runs, role over 10 and 40 rotations")
    parser.add_argument("--only", choices=["requests", "loop", "change", "role", "process", "fleet", "memory", "storm"],
                        action="append")
    options = parser.parse_args()
    runs = 3 if options.quick else options.runs
    sizes = (10, 40) if options.quick else (50, 200)
    per_project = 40 if options.quick else 200
    wanted = options.only or ["requests", "loop", "change", "role", "process", "fleet", "memory", "storm"]
    print(f"## Benchmarks\n\nMachine and date: {machine()}")
    with tempfile.TemporaryDirectory(prefix="infisical-bench-") as workdir, MockInfisical.start() as mock:
        mock.reset(seed=with_bulk_rotations(mock.seed, max(sizes)))
        bench = Bench(mock, workdir, runs)
        steps = {"requests": requests_per_task, "loop": loop_ratios, "change": change_ratio,
                 "role": lambda b: role_scaling(b, sizes), "process": module_process_cost,
                 "fleet": lambda b: fleet(b, per_project, 10 if options.quick else 50),
                 "memory": lambda b: memory(b, 400 if options.quick else 2000),
                 "storm": lambda b: storm(b, per_project)}
        for name in wanted:
            steps[name](bench)
            sys.stdout.flush()


if __name__ == "__main__":
    main()
