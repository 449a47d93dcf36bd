# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Every task of every module's EXAMPLES runs against the mock, as written (only the URL is pointed at the mock)."""

from __future__ import annotations

import ast
import copy
import os

import pytest
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODULES = sorted(name[:-3] for name in os.listdir(os.path.join(ROOT, "plugins", "modules")) if name.endswith(".py"))

# The ids the examples use, added to the mock's default seed so the examples find what they name.
EXAMPLE_ROTATION_ID = "85b61342-a604-4e28-b81e-e32a498f1ed4"
PROD_ROTATION_ID = "85b61342-a604-4e28-b81e-e32a498f1ed5"
DEV_DBT_FOLDER = "a1b2c3d4-0000-4000-8000-000000000005"
PROD_DBT_FOLDER = "a1b2c3d4-0000-4000-8000-000000000012"


def example_seed(seed):
    seed = copy.deepcopy(seed)
    template = next(rotation for rotation in seed["rotations"] if rotation["key"] == "rotation_ci")
    for key, rotation_id, folder, token_id, secret in (("example_dev", EXAMPLE_ROTATION_ID, DEV_DBT_FOLDER, 8101, "DBT_SERVICE_TOKEN"),
                                                       ("example_prod", PROD_ROTATION_ID, PROD_DBT_FOLDER, 8102, "DBT_SERVICE_TOKEN")):
        value = f"dbtu_example{token_id}aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        seed["dbt"]["tokens"].append({"id": token_id, "accountId": "70403103", "name": "infisical-ci", "tokenString": value,
                                      "permissionGrants": [{"permission_set": "job_admin", "project_id": 111}],
                                      "state": "live", "createdAt": "-8d"})
        seed["secrets"].append({"folderId": folder, "key": secret, "value": value})
        seed["rotations"].append(dict(copy.deepcopy(template), key=key, id=rotation_id, name="dbt-ci-token", folderId=folder,
                                      credentials=[token_id], activeIndex=0, rotationCount=0, lastRotatedAt="-8d",
                                      lastRotationAttemptedAt="-8d", secretsMapping={"serviceToken": secret}))
    return seed


def examples_of(module_name):
    with open(os.path.join(ROOT, "plugins", "modules", f"{module_name}.py"), encoding="utf-8") as handle:
        tree = ast.parse(handle.read())
    (examples,) = [node.value.value for node in tree.body if isinstance(node, ast.Assign)
                   and [target.id for target in node.targets if isinstance(target, ast.Name)] == ["EXAMPLES"]]
    return examples


@pytest.mark.parametrize("module_name", MODULES)
def test_every_example_task_runs(ansible, module_name):
    mock = ansible.mock
    mock.reset(seed=example_seed(mock.seed))
    tasks = yaml.safe_load(examples_of(module_name))
    for example in tasks:
        for key, args in example.items():
            if key.startswith("infisical.secret_rotation."):
                args.pop("url", None)
    ids = mock.ids
    play = {"hosts": "localhost", "gather_facts": False,
            "module_defaults": {"group/infisical.secret_rotation.infisical": {"url": mock.url}},
            "vars": {"infisical_client_id": ids["admin_client_id"], "infisical_client_secret": ids["admin_client_secret"],
                     "infisical_access_token": ids["admin_token"], "vault_backup_current_password": "current-Pa55word"},
            "tasks": tasks}
    run = ansible.playbook([play])
    assert run.rc == 0, run
    ran = [entry["task"] for entry in run.results]
    assert ran == [example["name"] for example in tasks]
    assert all(entry["status"] == "ok" for entry in run.results), run
