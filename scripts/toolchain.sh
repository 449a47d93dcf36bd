#!/usr/bin/env bash
# Test toolchain helpers for the infisical.secret_rotation collection.
# Called by the Makefile; each sub-command is small and idempotent.
#
#   toolchain.sh python X.Y                 print the real interpreter for Python X.Y
#   toolchain.sh venv DIR X.Y PIP_ARGS...   create DIR from Python X.Y, pip install PIP_ARGS, stamp it
#   toolchain.sh pythons DIR                symlink folder DIR/pythonX.Y for 3.8..3.13 (no pyenv shims)
#   toolchain.sh get-pip VENV...            seed ~/.ansible/test/cache/get_pip_<ver>.py for each core
#   toolchain.sh sync SRC DEST              copy git-visible files of SRC into DEST, drop stale ones
#   toolchain.sh ansible-test VENV COLL ARGS...  run VENV's ansible-test in the collection copy COLL
#   toolchain.sh pytest VENV COLL DIR ARGS...     run VENV's pytest on COLL/DIR (skip if no tests yet)
#   toolchain.sh stage NAME CMD...          run CMD as a timed stage; record the time
#   toolchain.sh side-by-side LOG CMD_A CMD_B    run two shell commands at once (B's output to LOG, shown after)
#   toolchain.sh timings reset|summary [RC] reset / print the per-stage timings and the total
set -euo pipefail

PYENV_ROOT="${PYENV_ROOT:-$HOME/.pyenv}"
ANSIBLE_TEST_CACHE="${ANSIBLE_TEST_CACHE:-$HOME/.ansible/test/cache}"
TIMINGS_FILE="${TIMINGS_FILE:-.venvs/timings.txt}"
TARGET_PYTHONS="${TARGET_PYTHONS:-3.8 3.9 3.10 3.11 3.12 3.13}"
# Linked too when present, so that the newest ansible-core can test them (never required).
OPTIONAL_PYTHONS="${OPTIONAL_PYTHONS:-3.14}"

die() {
    printf '\n*** ERROR: %s\n\n' "$*" >&2
    exit 1
}

log() {
    printf '%s\n' "$*" >&2
}

# The real interpreter binary for Python X.Y: the highest pyenv X.Y.Z, else a python X.Y on PATH
# that is not a pyenv shim (shims do not work inside ansible-test's scrubbed environment).
find_python() {
    local ver="$1" best="" cand
    if [[ -d "$PYENV_ROOT/versions" ]]; then
        best="$(find "$PYENV_ROOT/versions" -mindepth 1 -maxdepth 1 -name "$ver.*" -printf '%f\n' 2>/dev/null |
            grep -E "^${ver//./\\.}\\.[0-9]+\$" | sort -V | tail -n 1 || true)"
        if [[ -n "$best" && -x "$PYENV_ROOT/versions/$best/bin/python$ver" ]]; then
            printf '%s\n' "$PYENV_ROOT/versions/$best/bin/python$ver"
            return 0
        fi
    fi
    while IFS= read -r cand; do
        case "$cand" in
            */shims/*) continue ;;
        esac
        if "$cand" -c 'import sys; sys.exit(0 if "%d.%d" % sys.version_info[:2] == sys.argv[1] else 1)' "$ver" 2>/dev/null; then
            readlink -f "$cand"
            return 0
        fi
    done < <(type -aP "python$ver" 2>/dev/null || true)
    return 1
}

cmd_python() {
    local ver="${1:?usage: python X.Y}"
    find_python "$ver" || die "Python $ver not found (looked in $PYENV_ROOT/versions/$ver.* and on PATH). Install it, e.g. 'pyenv install $ver'."
}

# venv DIR X.Y PIP_ARGS...: (re)create the virtualenv when its interpreter changed, install, stamp.
cmd_venv() {
    local dir="${1:?usage: venv DIR X.Y PIP_ARGS...}" ver="${2:?}" py log
    shift 2
    py="$(cmd_python "$ver")"
    log="$dir.pip.log"
    if [[ -d "$dir" && "$(cat "$dir/.python" 2>/dev/null || true)" != "$py" ]]; then
        log "  recreating $dir (interpreter changed)"
        rm -rf "$dir"
    fi
    if [[ ! -x "$dir/bin/python" ]]; then
        rm -rf "$dir"
        "$py" -m venv "$dir" || die "could not create virtualenv $dir with $py"
        printf '%s\n' "$py" >"$dir/.python"
    fi
    log "  pip install into $(basename "$dir") (Python $ver): $*"
    mkdir -p "$(dirname "$log")"
    if ! "$dir/bin/python" -m pip install --disable-pip-version-check "$@" >"$log" 2>&1; then
        grep -v "^WARNING: Location 'file:" "$log" | tail -n 40 >&2
        die "pip install into $dir failed (full log: $log)"
    fi
    "$dir/bin/python" -m pip freeze --all >"$dir/.stamp"
}

cmd_pythons() {
    local dir="${1:?usage: pythons DIR}" ver py missing=""
    mkdir -p "$dir"
    for ver in $TARGET_PYTHONS; do
        if py="$(find_python "$ver")"; then
            ln -sfn "$py" "$dir/python$ver"
        else
            missing="$missing $ver"
        fi
    done
    for ver in $OPTIONAL_PYTHONS; do
        if py="$(find_python "$ver")"; then ln -sfn "$py" "$dir/python$ver"; else rm -f "$dir/python$ver"; fi
    done
    [[ -z "$missing" ]] || die "Python(s)$missing not found (needed for the sanity compile/import tests). Install them with pyenv."
}

# ansible-test bootstraps pip into its empty venvs with a get-pip script that it downloads from a
# host CI cannot reach, unless ~/.ansible/test/cache/get_pip_<ver>.py exists. Put a stand-in there
# that installs pip from the pip wheel (downloaded from PyPI into the same folder).
cmd_get_pip() {
    local venv file ver vers="" whl script marker="# infisical.secret_rotation get-pip stand-in"
    for venv in "$@"; do
        file="$(find "$venv"/lib/python3*/site-packages/ansible_test/_internal -name python_requirements.py | head -n 1)"
        [[ -n "$file" ]] || die "ansible-test not found in $venv"
        ver="$(sed -n "s/^ *pip='\([0-9.]*\)',.*/\1/p" "$file" | head -n 1)"
        [[ -n "$ver" ]] || die "could not read the pip version that ansible-test in $venv bootstraps ($file)"
        case " $vers " in *" $ver "*) ;; *) vers="$vers $ver" ;; esac
    done
    mkdir -p "$ANSIBLE_TEST_CACHE"
    for ver in $vers; do
        whl="$ANSIBLE_TEST_CACHE/pip-$ver-py3-none-any.whl"
        script="$ANSIBLE_TEST_CACHE/get_pip_${ver//./_}.py"
        if [[ -f "$script" ]] && ! grep -qF "$marker" "$script"; then
            log "  $script: a real get-pip script is already cached, keeping it"
            continue
        fi
        if [[ ! -f "$whl" ]]; then
            "$1/bin/python" -m pip download --disable-pip-version-check --no-deps --only-binary=:all: \
                --dest "$ANSIBLE_TEST_CACHE" "pip==$ver" >"$ANSIBLE_TEST_CACHE/pip-$ver.download.log" 2>&1 ||
                { tail -n 20 "$ANSIBLE_TEST_CACHE/pip-$ver.download.log" >&2; die "could not download pip $ver from PyPI"; }
        fi
        [[ -f "$whl" ]] || die "pip download did not produce $whl"
        cat >"$script.tmp" <<EOF
$marker: installs pip $ver from the wheel beside it
# instead of the real get-pip.py that ansible-test would download. Written by scripts/toolchain.sh.
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, 'pip-$ver-py3-none-any.whl'))
from pip._internal.cli.main import main  # noqa: E402

args = [a for a in sys.argv[1:] if a not in ('--no-setuptools', '--no-wheel')]
sys.exit(main(['install', '--upgrade', '--force-reinstall', '--find-links', here] + args))
EOF
        if cmp -s "$script.tmp" "$script"; then
            rm -f "$script.tmp"
        else
            mv "$script.tmp" "$script"
            log "  seeded $script"
        fi
    done
}

# sync SRC DEST: DEST becomes a copy of the files git sees in SRC (tracked + untracked-not-ignored,
# so uncommitted work is tested too). Files gone from SRC are removed; ansible-test's output stays.
cmd_sync() {
    local src="${1:?usage: sync SRC DEST}" dest="${2:?}" list f n=0 removed=0
    src="$(cd "$src" && pwd)"
    mkdir -p "$dest"
    dest="$(cd "$dest" && pwd)"
    list="$(mktemp)"
    if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git -C "$src" ls-files -z -co --exclude-standard | while IFS= read -r -d '' f; do
            case "$f" in .venvs/* | .venv/*) continue ;; esac
            if [[ -e "$src/$f" || -L "$src/$f" ]]; then printf '%s\0' "$f"; fi
        done | sort -zu >"$list"
    else
        (cd "$src" && find . \( -name .git -o -name .venvs -o -name .venv -o -name __pycache__ \
            -o -name .pytest_cache -o -path ./tests/output \) -prune -o \( -type f -o -type l \) -print0 |
            sed -z 's|^\./||' | sort -zu) >"$list"
    fi
    n="$(tr -cd '\0' <"$list" | wc -c)"
    [[ "$n" -gt 0 ]] || die "no files found to sync in $src"
    (cd "$src" && tar --null -T "$list" -cf -) | (cd "$dest" && tar -xf -)
    # Remove files that are no longer in the checkout (keep ansible-test's and pytest's output).
    while IFS= read -r -d '' f; do
        f="${f#./}"
        if ! grep -qzxF -- "$f" "$list"; then
            rm -f -- "$dest/$f"
            removed=$((removed + 1))
        fi
    done < <(cd "$dest" && find . \( -path ./.git -o -path ./tests/output -o -name __pycache__ -o -name .pytest_cache \) -prune \
        -o \( -type f -o -type l \) -print0)
    find "$dest" -mindepth 1 -depth -type d -empty -not -path "$dest/tests/output*" -not -path "$dest/.git*" \
        -delete 2>/dev/null || true
    # ansible-test lists a collection's files with git when it finds a .git at or above the collection:
    # inside a checkout, the copy under the ignored .venvs/ would show no files at all. Its own
    # (commit-less) repository makes ansible-test list exactly the copied files (git ls-files -co).
    if [[ ! -d "$dest/.git" ]]; then
        git -C "$dest" init -q || die "git init in $dest failed"
    fi
    rm -f "$list"
    log "  synced $n files from $src to $dest ($removed stale removed)"
}

# The folder of real interpreter symlinks goes first on PATH for ansible-test.
PYTHONS_DIR="${PYTHONS_DIR:-}"

without_shims() {
    local IFS=: out="" d
    for d in $1; do
        case "$d" in
            */shims | */shims/) ;;
            *) out="${out:+$out:}$d" ;;
        esac
    done
    printf '%s\n' "$out"
}

cmd_ansible_test() {
    local venv="${1:?usage: ansible-test VENV COLL ARGS...}" coll="${2:?}"
    shift 2
    [[ -x "$venv/bin/ansible-test" ]] || die "$venv/bin/ansible-test missing: run 'make venvs'"
    [[ -f "$coll/galaxy.yml" ]] || die "$coll is not a synced collection copy: run 'make sync'"
    venv="$(cd "$venv" && pwd)"
    cd "$coll"
    # pyenv shims fail inside ansible-test (it scrubs PYENV_VERSION): drop them from PATH and put
    # the folder of real interpreters first instead.
    PATH="${PYTHONS_DIR:+$PYTHONS_DIR:}$venv/bin:$(without_shims "$PATH")" VIRTUAL_ENV="$venv" \
        exec "$venv/bin/ansible-test" "$@"
}

cmd_pytest() {
    local venv="${1:?usage: pytest VENV COLL DIR ARGS...}" coll="${2:?}" dir="${3:?}"
    shift 3
    [[ -x "$venv/bin/python" ]] || die "$venv missing: run 'make venvs'"
    venv="$(cd "$venv" && pwd)"
    cd "$coll"
    if [[ ! -d "$dir" ]] || [[ -z "$(find "$dir" -name 'test_*.py' -o -name '*_test.py' | head -n 1)" ]]; then
        printf 'no tests under %s yet: skipped\n' "$dir"
        if [[ -n "${STAGE_STATUS_FILE:-}" ]]; then echo skipped >"$STAGE_STATUS_FILE"; fi
        return 0
    fi
    # The parent of ansible_collections on PYTHONPATH makes
    # ansible_collections.infisical.secret_rotation importable, as ansible-test units does.
    PATH="$venv/bin:$PATH" VIRTUAL_ENV="$venv" PYTHONPATH="$(cd ../../.. && pwd)${PYTHONPATH:+:$PYTHONPATH}" \
        PYTHONDONTWRITEBYTECODE=1 exec "$venv/bin/python" -m pytest -p no:cacheprovider "$dir" "$@"
}

now() {
    date +%s.%N
}

cmd_stage() {
    local name="${1:?usage: stage NAME CMD...}" start rc secs status
    shift
    mkdir -p "$(dirname "$TIMINGS_FILE")"
    printf '\n===== [%s] %s\n' "$name" "$*" >&2
    STAGE_STATUS_FILE="$(mktemp)"
    export STAGE_STATUS_FILE
    start="$(now)"
    set +e
    "$@"
    rc=$?
    set -e
    secs="$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')"
    status="$(cat "$STAGE_STATUS_FILE" 2>/dev/null || true)"
    rm -f "$STAGE_STATUS_FILE"
    if [[ $rc -eq 0 ]]; then
        printf '%s\t%s\t%s\n' "$name" "$secs" "${status:-passed}" >>"$TIMINGS_FILE"
        printf '===== [%s] %s in %s s\n' "$name" "${status:-passed}" "$secs" >&2
    else
        printf '%s\t%s\tFAILED\n' "$name" "$secs" >>"$TIMINGS_FILE"
        printf '\n!!!!! [%s] FAILED (exit %s) after %s s -- see the output above%s\n\n' "$name" "$rc" "$secs" \
            "${RERUN:+; re-run this stage alone with: $RERUN}" >&2
    fi
    return $rc
}

cmd_timings() {
    case "${1:-}" in
        reset)
            mkdir -p "$(dirname "$TIMINGS_FILE")"
            : >"$TIMINGS_FILE"
            now >"$TIMINGS_FILE.start"
            ;;
        summary)
            local rc="${2:-0}" start total passed failed skipped
            start="$(cat "$TIMINGS_FILE.start" 2>/dev/null || now)"
            total="$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')"
            touch "$TIMINGS_FILE"
            printf '\n===== timings\n'
            awk -F '\t' '{ printf "  %-56s %7s s  %s\n", $1, $2, $3 }' "$TIMINGS_FILE"
            if [[ "$rc" -eq 0 ]]; then
                printf '  %-56s %7s s  %s\n' "TOTAL" "$total" "ALL PASSED"
            else
                printf '  %-56s %7s s  %s\n' "TOTAL" "$total" "FAILED (exit $rc)"
            fi
            passed="$(awk -F '\t' '$3 == "passed" && $1 !~ /^setup/' "$TIMINGS_FILE" | wc -l)"
            failed="$(awk -F '\t' '$3 == "FAILED" && $1 !~ /^setup/' "$TIMINGS_FILE" | wc -l)"
            skipped="$(awk -F '\t' '$3 == "skipped" && $1 !~ /^setup/' "$TIMINGS_FILE" | wc -l)"
            if [[ "$rc" -ne 0 && "$failed" -eq 0 ]]; then failed=1; fi
            printf 'stages: %d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
            ;;
        *) die "usage: timings reset|summary [RC]" ;;
    esac
}

# side-by-side LOG CMD_A CMD_B: the two commands at once, A in the foreground, B with its output in LOG (printed
# once both have ended, so the two never interleave). Fails if either fails.
cmd_side_by_side() {
    local log="${1:?usage: side-by-side LOG CMD_A CMD_B}" a="${2:?}" b="${3:?}" pid rc_a=0 rc_b=0
    mkdir -p "$(dirname "$log")"
    log "  side by side: [$a] here, [$b] into $log"
    # Its own session: a background job of a script ignores Ctrl-C, so B is stopped with A, by the trap.
    setsid bash -c "$b" >"$log" 2>&1 &
    pid=$!
    trap 'kill -TERM -- "-$pid" 2>/dev/null; exit 130' INT TERM
    bash -c "$a" || rc_a=$?
    wait "$pid" || rc_b=$?
    trap - INT TERM
    printf '\n===== output of [%s] (ran beside the above; exit %s)\n' "$b" "$rc_b" >&2
    cat "$log" >&2
    [[ $rc_a -eq 0 ]] || return "$rc_a"
    return "$rc_b"
}

main() {
    local cmd="${1:-}"
    [[ $# -gt 0 ]] && shift
    case "$cmd" in
        python) cmd_python "$@" ;;
        venv) cmd_venv "$@" ;;
        pythons) cmd_pythons "$@" ;;
        get-pip) cmd_get_pip "$@" ;;
        sync) cmd_sync "$@" ;;
        ansible-test) cmd_ansible_test "$@" ;;
        pytest) cmd_pytest "$@" ;;
        stage) cmd_stage "$@" ;;
        timings) cmd_timings "$@" ;;
        side-by-side) cmd_side_by_side "$@" ;;
        *) die "usage: $0 python|venv|pythons|get-pip|sync|ansible-test|pytest|stage|timings|side-by-side ..." ;;
    esac
}

main "$@"
