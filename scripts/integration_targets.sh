#!/usr/bin/env bash
# `make targets`: the ansible-test integration targets of tests/integration/targets against the embedded mock.
# Starts the mock (default seed) with the venv's Python, writes tests/integration/integration_config.yml (the
# connection and the mock's control URL, which ansible-test hands to every target as extra vars), runs
# `ansible-test integration --venv` on the venv's controller Python, and stops the mock.
#   scripts/integration_targets.sh VENV COLLECTION_COPY [ANSIBLE_TEST_ARGS...]
set -euo pipefail
venv="$(cd "${1:?usage: integration_targets.sh VENV COLLECTION_COPY [ARGS...]}" && pwd)"
coll="$(cd "${2:?}" && pwd)"
shift 2
work="$(mktemp -d)"
mock_pid=""
cleanup() {
    if [[ -n "$mock_pid" ]]; then kill "$mock_pid" 2>/dev/null || true; wait "$mock_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

(cd "$coll/tests" && exec "$venv/bin/python" -m mock_infisical --port 0) >"$work/mock.out" 2>"$work/mock.err" &
mock_pid=$!
# As long as tests/mock_infisical/control.py waits (30 s): the machine may be busy with the other stream.
for _ in $(seq 1 300); do
    grep -q '^MOCK_INFISICAL_URL=' "$work/mock.out" 2>/dev/null && break
    kill -0 "$mock_pid" 2>/dev/null || { cat "$work/mock.err" >&2; echo "the mock exited before it listened" >&2; exit 1; }
    sleep 0.1
done
url="$(sed -n 's/^MOCK_INFISICAL_URL=//p' "$work/mock.out")"
[[ -n "$url" ]] || { cat "$work/mock.err" >&2; echo "the mock did not listen within 30 s" >&2; exit 1; }

(cd "$coll/tests" && "$venv/bin/python" - "$url" >integration/integration_config.yml) <<'PYTHON'
import json
import sys

from mock_infisical.seed import DEFAULT

url = sys.argv[1]
config = {
    "infisical_url": url,
    "infisical_client_id": DEFAULT["admin_client_id"],
    "infisical_client_secret": DEFAULT["admin_client_secret"],
    "infisical_viewer_client_id": DEFAULT["viewer_client_id"],
    "infisical_viewer_client_secret": DEFAULT["viewer_client_secret"],
    "mock_url": url,
    "mock_ids": {key: value for key, value in DEFAULT.items() if not key.endswith(("_secret", "_token"))},
}
print("# Written by scripts/integration_targets.sh for this run of the mock; not committed.")
print(json.dumps(config, indent=2, sort_keys=True))
PYTHON
echo "mock Infisical at $url; tests/integration/integration_config.yml written"

"$venv/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' >"$work/python"
PYTHONS_DIR="${PYTHONS_DIR:-}" "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh" ansible-test "$venv" "$coll" \
    integration --venv --python "$(cat "$work/python")" --requirements --color no "$@"
