#!/usr/bin/env bash
# Runs the unit tests of the client-side packages on the other runtimes we support: Node 24 and
# Deno under Vitest, Bun under `bun test` (which maps `from 'vitest'` imports onto its own runner).
# The main test run already covers Node 20 (and scripts/node-matrix.sh Node 22 and 24 in full).
#
#   bash scripts/runtime-matrix.sh [package dir...]
#   # default: packages/crypto packages/hmac packages/schemas packages/checkout packages/sandbox
#
# For packages/sandbox it runs the SQLite store's suites (SANDBOX_STORE_TESTS: the driver choice,
# group commit, the store conformance suite with its kill -9 crash proof, the sandbox's driver
# option) on Bun, where the store uses bun:sqlite, and on Deno, where it uses node:sqlite (Deno
# leaves out driver.test.ts, whose better-sqlite3 load test is about Node's own addon loader); then
# the merchant smoke test (register, load, retrieve with @wallet/client) against a sandbox in the
# same process on a SQLite file, on Bun and Deno (scripts/smoke/in-process.mjs). Node 24 is not
# repeated here: scripts/node-matrix.sh runs the whole sandbox suite on it. The sandbox must be
# built first (its suites import the other packages' builds).
#
# Deno runs the hmac and schemas suites only: the crypto suite holds the node:crypto build to
# node:crypto's own aes-192-cbc, which Deno lacks (Deno gets the @noble/ciphers build through the
# `deno` export condition, and scripts/smoke-pack.sh checks that tarball on Deno against the openssl
# vectors); the checkout suite's seamless tests seal `encdata` through that same node:crypto build.
# The client suite runs on Node (its tests start sandboxes over sockets with Node's HTTP server);
# on Bun, Deno and workerd the merchant smoke test of scripts/smoke-pack.sh drives the packed
# client, and the in-process one below drives it against the sandbox on Bun and Deno.
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
SANDBOX_STORE_TESTS=(
  src/store/sqlite/driver.test.ts
  src/store/sqlite/group-commit.test.ts
  src/store/sqlite/sqlite-store.test.ts
  src/sandbox.sqlite-driver.test.ts
)

if (($# > 0)); then
  PACKAGES=("$@")
else
  PACKAGES=(packages/crypto packages/hmac packages/schemas packages/checkout packages/sandbox)
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

# Vitest under `label` (node24 or deno), in one run: the whole suite, or the test files listed in
# VITEST_PATHS (an array); "$@" is the runtime's command.
run_vitest() {
  local label="$1" pkg="$2" report rc=0 lines paths=(src/)
  shift 2
  if [[ -n "${VITEST_PATHS+set}" ]]; then paths=("${VITEST_PATHS[@]}"); fi
  report="$WORK/$label-${pkg//\//-}.json"
  log "$label: $pkg ${paths[*]}"
  (cd "$REPO_ROOT/$pkg" && "$@" "$VITEST" run "${paths[@]}" \
    --reporter=default --reporter=json --outputFile.json="$report") || rc=$?
  lines="$(node "$REPO_ROOT/scripts/lib/vitest-results.mjs" --label "$label" --require-tests "$report")" ||
    results_record fail "$label $pkg: no test file ran"
  [[ -n "$lines" ]] && results_record_lines "" "$lines"
  if ((rc != 0)) && ! grep -q '^fail' <<<"$lines"; then
    results_record fail "$label $pkg: vitest exited $rc"
  fi
}

# `bun test`, one file at a time: the package's test files, or those given after the package.
run_bun() {
  local pkg="$1" bun file out rc ran skipped
  shift
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
  done < <(if (($# > 0)); then printf '%s\n' "$@"; else test_files "$pkg"; fi)
}

# The merchant smoke test against an in-process sandbox, on Bun and Deno: a scratch folder whose
# node_modules links the workspace's @wallet/client and @wallet/sandbox (their builds).
run_in_process() {
  local app="$WORK/in-process" runtime out
  mkdir -p "$app/node_modules/@wallet"
  ln -s "$REPO_ROOT/packages/client" "$app/node_modules/@wallet/client"
  ln -s "$REPO_ROOT/packages/sandbox" "$app/node_modules/@wallet/sandbox"
  cp "$REPO_ROOT"/scripts/smoke/{in-process.mjs,merchant-flow.mjs,exercise.cjs} \
    "$REPO_ROOT/fixtures/wallet-vectors.json" "$app/"
  printf '{ "name": "wallet-in-process", "private": true, "type": "module" }\n' >"$app/package.json"
  for runtime in bun deno; do
    log "$runtime: merchant smoke test against an in-process sandbox"
    if [[ "$runtime" == bun ]]; then
      out="$(cd "$app" && "$(bun_bin)" in-process.mjs bun "$app/bun.db")" || true
    else
      # Deno's permissions, as narrow as the check allows: its folder (the SQLite file) and the
      # host name (pino, the sandbox's logger, reads it at load).
      out="$(cd "$app" && "$(deno_bin)" run --allow-env --allow-read --allow-write="$app" \
        --allow-sys=hostname in-process.mjs deno "$app/deno.db")" || true
    fi
    results_record_lines "$runtime" "$out" "$runtime in-process sandbox: in-process.mjs printed no result"
  done
}

run_sandbox() {
  local deno_tests=() file
  for file in "${SANDBOX_STORE_TESTS[@]}"; do
    [[ "$file" == src/store/sqlite/driver.test.ts ]] || deno_tests+=("$file")
  done
  run_bun packages/sandbox "${SANDBOX_STORE_TESTS[@]}"
  VITEST_PATHS=("${deno_tests[@]}")
  run_vitest deno packages/sandbox "$(deno_bin)" run --allow-all
  unset VITEST_PATHS
  run_in_process
}

if ! runtimes_install; then
  results_record fail "runtime-matrix: installing the runtimes from the npm registry"
else
  for pkg in "${PACKAGES[@]}"; do
    if [[ "$pkg" == packages/sandbox ]]; then
      run_sandbox
      continue
    fi
    if [[ -z "$(test_files "$pkg")" ]]; then
      results_record fail "runtime-matrix $pkg: no src/**/*.test.ts found"
      continue
    fi
    run_vitest node24 "$pkg" "$(node24_bin)"
    if [[ "$pkg" == packages/checkout ]]; then
      # index.test.ts proves the Node build hashes through node:crypto and the web build through
      # @noble/hashes; the web build in tests is made by vitest.config.ts's Vite plugin, which
      # `bun test` does not load. Bun itself is given the Node build (its export condition), which
      # every other file covers.
      mapfile -t bun_files < <(test_files "$pkg" | grep -vx 'src/index.test.ts')
      run_bun "$pkg" "${bun_files[@]}"
    else
      run_bun "$pkg"
    fi
    if printf '%s\n' "${DENO_SUITES[@]}" | grep -qx "$pkg"; then
      run_vitest deno "$pkg" "$(deno_bin)" run --allow-all
    fi
  done
fi

results_summary "runtime-matrix: " "$FIRST_LINE"
[[ "$(tail -n "+$FIRST_LINE" "$RESULTS_TSV" | grep -c '^fail')" == 0 ]]
