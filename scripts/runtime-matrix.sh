#!/usr/bin/env bash
# Runs the unit tests of the client-side packages on the other runtimes we support: Node 24 and
# Deno under Vitest, Bun under `bun test` (which maps `from 'vitest'` imports onto its own runner).
# The main test run already covers Node 20 (and scripts/node-matrix.sh Node 22 and 24 in full).
#
#   bash scripts/runtime-matrix.sh [package dir...]
#   # default: packages/crypto packages/hmac packages/schemas packages/checkout
#
# Deno runs the hmac and schemas suites only: the crypto suite holds the node:crypto build to
# node:crypto's own aes-192-cbc, which Deno lacks (Deno gets the @noble/ciphers build through the
# `deno` export condition, and scripts/smoke-pack.sh checks that tarball on Deno against the openssl
# vectors); the checkout suite's seamless tests seal `encdata` through that same node:crypto build. The client suite needs the sandbox's native SQLite binding, so it runs on Node; on Bun,
# Deno and workerd the merchant smoke test of scripts/smoke-pack.sh drives the packed client.
#
# The runtimes come from the npm registry (scripts/lib/runtimes.sh), cached in .tmp/runtimes. Each
# test file on each runtime is one result.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/results.sh
source "$REPO_ROOT/scripts/lib/results.sh"
# shellcheck source=lib/runtimes.sh
source "$REPO_ROOT/scripts/lib/runtimes.sh"

VITEST="$REPO_ROOT/node_modules/vitest/vitest.mjs"
DENO_SUITES=(packages/hmac packages/schemas)

if (($# > 0)); then
  PACKAGES=("$@")
else
  PACKAGES=(packages/crypto packages/hmac packages/schemas packages/checkout)
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/wallet-runtimes.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
results_init "$WORK"
FIRST_LINE=$(($(results_lines) + 1))

log() { printf 'runtime-matrix: %s\n' "$*"; }

# --- runs ----------------------------------------------------------------------------------------

test_files() {
  (cd "$REPO_ROOT/$1" && find src -type f -name '*.test.ts' 2>/dev/null | sort)
}

# Vitest under `label` (node24 or deno), the whole suite in one run: "$@" is the runtime's command.
run_vitest() {
  local label="$1" pkg="$2" report rc=0 lines
  shift 2
  report="$WORK/$label-${pkg//\//-}.json"
  log "$label: $pkg"
  (cd "$REPO_ROOT/$pkg" && "$@" "$VITEST" run src/ \
    --reporter=default --reporter=json --outputFile.json="$report") || rc=$?
  lines="$(node "$REPO_ROOT/scripts/lib/vitest-results.mjs" --label "$label" --require-tests "$report")" ||
    results_record fail "$label $pkg: no test file ran"
  while IFS= read -r line; do
    [[ -n "$line" ]] && results_record "${line%%	*}" "${line#*	}"
  done <<<"$lines"
  if ((rc != 0)) && ! grep -q '^fail' <<<"$lines"; then
    results_record fail "$label $pkg: vitest exited $rc"
  fi
}

run_bun() {
  local pkg="$1" bun file out rc ran skipped
  bun="$(bun_bin)"
  log "bun: $pkg"
  while IFS= read -r file; do
    out="$WORK/bun.out"
    rc=0
    (cd "$REPO_ROOT/$pkg" && "$bun" test "./$file") >"$out" 2>&1 || rc=$?
    ran="$(sed -n 's/^Ran \([0-9]*\) tests\{0,1\} across.*/\1/p' "$out" | tail -n 1)"
    skipped="$(sed -n 's/^ *\([0-9]*\) \(skip\|todo\)$/\1/p' "$out" | awk '{n += $1} END {print n + 0}')"
    if ((rc == 0 && skipped == 0)) && [[ "${ran:-0}" -gt 0 ]]; then
      results_record pass "bun $pkg/$file ($ran tests)"
    else
      cat "$out"
      results_record fail "bun $pkg/$file (exit $rc, ${ran:-0} tests ran, $skipped skipped or todo)"
    fi
  done < <(test_files "$pkg")
}

if ! runtimes_install; then
  results_record fail "runtime-matrix: installing the runtimes from the npm registry"
else
  for pkg in "${PACKAGES[@]}"; do
    if [[ -z "$(test_files "$pkg")" ]]; then
      results_record fail "runtime-matrix $pkg: no src/**/*.test.ts found"
      continue
    fi
    run_vitest node24 "$pkg" "$(node24_bin)"
    run_bun "$pkg"
    if printf '%s\n' "${DENO_SUITES[@]}" | grep -qx "$pkg"; then
      run_vitest deno "$pkg" "$(deno_bin)" run --allow-all
    fi
  done
fi

results_summary "runtime-matrix: " "$FIRST_LINE"
[[ "$(tail -n "+$FIRST_LINE" "$RESULTS_TSV" | grep -c '^fail')" == 0 ]]
