#!/usr/bin/env bash
# Runs the unit tests of the runtime-neutral packages on the other runtimes we support:
# Node 24 (under Vitest) and Bun (under `bun test`, which maps `from 'vitest'` imports onto its own
# runner). The main test run already covers Node 20.
#
#   bash scripts/runtime-matrix.sh [package dir...]     # default: packages/crypto packages/hmac
#
# Both runtimes come from the npm registry (packages `node` and `bun`) and are installed once into
# $WALLET_RUNTIMES_DIR (default: <repo>/.tmp/runtimes, gitignored). Each test file is one result.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/results.sh
source "$REPO_ROOT/scripts/lib/results.sh"

NODE24_VERSION="24.21.0"
BUN_VERSION="1.4.5"
RUNTIMES_DIR="${WALLET_RUNTIMES_DIR:-$REPO_ROOT/.tmp/runtimes}"
VITEST="$REPO_ROOT/node_modules/vitest/vitest.mjs"

if (($# > 0)); then
  PACKAGES=("$@")
else
  PACKAGES=(packages/crypto packages/hmac)
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/wallet-runtimes.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
results_init "$WORK"
FIRST_LINE=$(($(results_lines) + 1))

log() { printf 'runtime-matrix: %s\n' "$*"; }

# --- runtimes ------------------------------------------------------------------------------------

node24_ok() {
  [[ -x "$RUNTIMES_DIR/node_modules/.bin/node" ]] &&
    [[ "$("$RUNTIMES_DIR/node_modules/.bin/node" -p process.versions.node 2>/dev/null)" == "$NODE24_VERSION" ]]
}

bun_bin() {
  local candidate
  for candidate in "$RUNTIMES_DIR/node_modules/.bin/bun" \
    "$RUNTIMES_DIR"/node_modules/@oven/bun-linux-*-baseline/bin/bun; do
    if [[ -x "$candidate" ]] && [[ "$("$candidate" --version 2>/dev/null)" == "$BUN_VERSION" ]]; then
      echo "$candidate"
      return
    fi
  done
  return 1
}

install_runtimes() {
  if node24_ok && bun_bin >/dev/null; then
    return
  fi
  log "installing node@$NODE24_VERSION and bun@$BUN_VERSION from the npm registry into $RUNTIMES_DIR"
  mkdir -p "$RUNTIMES_DIR"
  cat >"$RUNTIMES_DIR/package.json" <<JSON
{
  "private": true,
  "description": "Runtimes for scripts/runtime-matrix.sh",
  "dependencies": { "node": "$NODE24_VERSION", "bun": "$BUN_VERSION" }
}
JSON
  (cd "$RUNTIMES_DIR" && npm install --no-audit --no-fund --no-package-lock --loglevel=error)
  if ! bun_bin >/dev/null; then
    # The default build needs AVX2 (and glibc); Bun's own postinstall normally falls back, but make
    # sure: install the baseline build for this libc explicitly.
    local variant="bun-linux-x64-baseline"
    if ! ldd --version 2>&1 | grep -qi 'glibc\|gnu libc'; then variant="bun-linux-x64-musl-baseline"; fi
    log "the default bun binary does not run here; installing @oven/$variant"
    (cd "$RUNTIMES_DIR" && npm install --no-audit --no-fund --no-package-lock --no-save \
      --loglevel=error "@oven/$variant@$BUN_VERSION")
  fi
  node24_ok || {
    log "the node package did not give a Node $NODE24_VERSION binary"
    return 1
  }
  bun_bin >/dev/null || {
    log "no working bun $BUN_VERSION binary"
    return 1
  }
}

# --- runs ----------------------------------------------------------------------------------------

test_files() {
  (cd "$REPO_ROOT/$1" && find src -type f -name '*.test.ts' 2>/dev/null | sort)
}

run_node24() {
  local pkg="$1" report="$WORK/node24-${1//\//-}.json" rc=0
  log "node $NODE24_VERSION: $pkg"
  (cd "$REPO_ROOT/$pkg" && "$RUNTIMES_DIR/node_modules/.bin/node" "$VITEST" run src/ \
    --reporter=default --reporter=json --outputFile.json="$report") || rc=$?
  local lines
  lines="$(node "$REPO_ROOT/scripts/lib/vitest-results.mjs" --label "node24" --require-tests "$report")" ||
    results_record fail "node24 $pkg: no test file ran"
  while IFS= read -r line; do
    [[ -n "$line" ]] && results_record "${line%%	*}" "${line#*	}"
  done <<<"$lines"
  if ((rc != 0)) && ! grep -q '^fail' <<<"$lines"; then
    results_record fail "node24 $pkg: vitest exited $rc"
  fi
}

run_bun() {
  local pkg="$1" bun file out rc ran skipped
  bun="$(bun_bin)"
  log "bun $BUN_VERSION: $pkg"
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

if ! install_runtimes; then
  results_record fail "runtime-matrix: installing node@$NODE24_VERSION and bun@$BUN_VERSION"
else
  for pkg in "${PACKAGES[@]}"; do
    if [[ -z "$(test_files "$pkg")" ]]; then
      results_record fail "runtime-matrix $pkg: no src/**/*.test.ts found"
      continue
    fi
    run_node24 "$pkg"
    run_bun "$pkg"
  done
fi

results_summary "runtime-matrix: " "$FIRST_LINE"
[[ "$(tail -n "+$FIRST_LINE" "$RESULTS_TSV" | grep -c '^fail')" == 0 ]]
