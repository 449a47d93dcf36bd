# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""`make mock`: the embedded mock Infisical in the foreground, with the default seed, for trying the examples by
hand. Prints the lines to paste into another terminal (connection, credentials, the checkout's collection on the
collections path) and the ids the examples use; Ctrl-C stops it."""

from __future__ import annotations

import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))

from mock_infisical.__main__ import main as serve  # noqa: E402  pylint: disable=wrong-import-position
from mock_infisical.seed import DEFAULT  # noqa: E402  pylint: disable=wrong-import-position


def paste_lines(url, venv, collections):
    return [
        f'export PATH="{os.path.join(venv, "bin")}:$PATH"',
        f'export ANSIBLE_COLLECTIONS_PATH="{collections}"',
        f"export INFISICAL_URL={url}",
        f"export INFISICAL_UNIVERSAL_AUTH_CLIENT_ID={DEFAULT['admin_client_id']}",
        f"export INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET={DEFAULT['admin_client_secret']}",
    ]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8787)
    parser.add_argument("--venv", required=True, help="the virtualenv whose ansible-playbook runs the examples")
    parser.add_argument("--collections", required=True, help="a collections path that holds this checkout")
    args = parser.parse_args(argv)

    def announce(url):
        print(f"Mock Infisical (tests/mock_infisical, default seed) listens at {url}; Ctrl-C stops it.")
        print("In another terminal, at the root of the checkout, paste:\n")
        print("\n".join(paste_lines(url, args.venv, args.collections)))
        print(f"\nSeeded: project {DEFAULT['project_a']} (environments dev and prod), DBT rotation dbt-ci"
              f" {DEFAULT['rotation_ci']} in dev /dbt/ci.")
        print("Then: cd examples && ansible-playbook update_rotation.yml --diff   (README: \"Try it by hand\")",
              flush=True)

    return serve(["--port", str(args.port)], on_listening=announce)


if __name__ == "__main__":
    sys.exit(main())
