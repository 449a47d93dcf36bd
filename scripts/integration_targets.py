# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""`make targets`: the ansible-test integration targets of tests/integration/targets against the embedded mock.

Run with the Python of the ansible-core venv to test: starts the mock (default seed) with the mock's own control
class, writes tests/integration/integration_config.yml (the connection and the mock's control URL, which
ansible-test hands to every target as extra vars), runs `ansible-test integration --venv` on that Python, and
stops the mock, however the run ends.

    VENV/bin/python scripts/integration_targets.py COLLECTION_COPY [ANSIBLE_TEST_ARGS...]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

TOOLCHAIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "toolchain.sh")


def main(argv):
    collection, ansible_test_args = os.path.abspath(argv[0]), argv[1:]
    sys.path.insert(0, os.path.join(collection, "tests"))
    from mock_infisical.control import MockInfisical  # pylint: disable=import-outside-toplevel

    with MockInfisical.start() as mock:
        config = {
            "infisical_url": mock.url,
            "infisical_client_id": mock.ids["admin_client_id"],
            "infisical_client_secret": mock.ids["admin_client_secret"],
            "infisical_viewer_client_id": mock.ids["viewer_client_id"],
            "infisical_viewer_client_secret": mock.ids["viewer_client_secret"],
            "mock_url": mock.url,
            "mock_ids": {key: value for key, value in mock.ids.items() if not key.endswith(("_secret", "_token"))},
        }
        with open(os.path.join(collection, "tests", "integration", "integration_config.yml"), "w", encoding="utf-8") as handle:
            handle.write("# Written by scripts/integration_targets.py for this run of the mock; not committed.\n")
            json.dump(config, handle, indent=2, sort_keys=True)
        print(f"mock Infisical at {mock.url}; tests/integration/integration_config.yml written", flush=True)
        python = "%d.%d" % sys.version_info[:2]
        return subprocess.call([TOOLCHAIN, "ansible-test", sys.prefix, collection, "integration", "--venv", "--python", python,
                                "--requirements", "--color", "no", *ansible_test_args])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
