#!/usr/bin/env bash
# Release checks of infisical.secret_rotation, run by `make test` (stage "release checks"):
# ansible-lint (production profile) on the roles and the examples, the workflow schema, changelog lint,
# the built artifact installed into a clean path, its execution-environment requirements, and an
# ansible-builder build context.
#   scripts/release_checks.sh LINT_VENV COLLECTION_COPY
set -euo pipefail
venv="$(cd "${1:?usage: release_checks.sh LINT_VENV COLLECTION_COPY}" && pwd)"
coll="$(cd "${2:?}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A private HOME: ansible-lint and ansible-galaxy must not install anything into the user's ~/.ansible.
export HOME="$work/home" PATH="$venv/bin:$PATH" ANSIBLE_COLLECTIONS_PATH="$(cd "$coll/../../.." && pwd)"
unset PYTHONPATH
mkdir -p "$HOME"
cd "$coll"

step() { printf '\n--- %s\n' "$*"; }

step "ansible-lint --offline (production profile, see .ansible-lint) on roles/ and examples/"
ansible-lint --offline --nocolor roles/ examples/

step "the GitHub workflows against the workflow schema check-jsonschema bundles (offline)"
check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

step "antsibull-changelog lint"
antsibull-changelog lint

step "build the artifact and install it into a clean collections path"
ansible-galaxy collection build . --output-path "$work" >/dev/null
tarball="$(ls "$work"/*.tar.gz)"
tar -tzf "$tarball" | sort >"$work/contents"
for required in plugins/modules/dbt_token_rotation.py plugins/modules/rotations.py roles/dbt_token_rotations/tasks/main.yml \
        roles/rotations/tasks/main.yml \
        meta/runtime.yml meta/execution-environment.yml requirements.txt CHANGELOG.md README.md LICENSE \
        extensions/aap/infisical_machine_identity.yml docs/docsite/extra-docs.yml docs/docsite/links.yml; do
    grep -qx "$required" "$work/contents" || { echo "missing from the artifact: $required"; exit 1; }
done
if grep -E '^(\.venvs|\.github|tests/output|examples|scripts|benchmarks|\.git)/|integration_config\.yml$' "$work/contents"; then
    echo "the artifact holds files that are not collection content (above)"; exit 1
fi
ANSIBLE_COLLECTIONS_PATH="$work/installed" ansible-galaxy collection install -p "$work/installed" "$tarball" >/dev/null
for module in plugins/modules/*.py; do
    ANSIBLE_COLLECTIONS_PATH="$work/installed" ansible-doc "infisical.secret_rotation.$(basename "$module" .py)" >/dev/null
done
for role in roles/*/; do
    ANSIBLE_COLLECTIONS_PATH="$work/installed" ansible-doc -t role "infisical.secret_rotation.$(basename "$role")" >/dev/null
done
echo "installed from $(basename "$tarball"); ansible-doc renders every module and every role"

step "ansible-builder introspect: the collection's Python requirements"
ansible-builder introspect --sanitize "$work/installed" | tee "$work/introspect"
grep -q "requests" "$work/introspect" || { echo "requests is missing from the execution-environment requirements"; exit 1; }

step "ansible-builder create (build context only)"
ansible-builder create -f tests/ee/execution-environment.yml -c "$work/context" --output-filename Containerfile
test -f "$work/context/Containerfile"
grep -q "infisical.secret_rotation" "$work/context/_build/requirements.yml"
echo "build context written: Containerfile and _build/requirements.yml name infisical.secret_rotation"
