#!/usr/bin/env bash
# Runs every workspace project's Vitest suite again on the other Node release lines we support
# (the main test run covers Node 20): Node 22 and Node 24, the whole suite, sandbox and its crash
# proofs included. On these Nodes the sandbox's SQLite store runs on node:sqlite, so the
# better-sqlite3 that `pnpm install` built for Node 20 is never loaded.
#
#   bash scripts/node-matrix.sh [version...]     # default: the two pinned below
#
# Each Node comes from the npm registry (package `node`) and is installed once into
# $WALLET_RUNTIMES_DIR/node-<version> (default: <repo>/.tmp/runtimes, gitignored). Test files run
# under that Node (`node vitest.mjs run` in each project), and every child process they start
# uses it too (they spawn process.execPath; PATH leads to it as well). Each test file on each
# Node is one result, labelled node22 or node24.
#
# The Nodes run at the same time (Vitest gives each suite one worker on a 2-core machine, and much
# of the suite waits on child processes and sockets); WALLET_NODE_MATRIX_PARALLEL=0 runs them one
# after the other. WALLET_NODE_MATRIX_PROJECTS="packages/sandbox apps/demo-server" limits the run
# to those projects.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/results.sh
source "$REPO_ROOT/scripts/lib/results.sh"

NODE_VERSIONS=(22.23.3 24.21.0)
RUNTIMES_DIR="${WALLET_RUNTIMES_DIR:-$REPO_ROOT/.tmp/runtimes}"
VITEST="$REPO_ROOT/node_modules/vitest/vitest.mjs"
PARALLEL="${WALLET_NODE_MATRIX_PARALLEL:-1}"
read -r -a ONLY <<<"${WALLET_NODE_MATRIX_PROJECTS:-}"

if (($# > 0)); then NODE_VERSIONS=("$@"); fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/wallet-node-matrix.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
results_init "$WORK"
FIRST_LINE=$(($(results_lines) + 1))

log() { printf 'node-matrix: %s\n' "$*"; }

printf '\n==> %s\n' "tests: every suite on node ${NODE_VERSIONS[*]} (scripts/node-matrix.sh)"

node_bin() { echo "$RUNTIMES_DIR/node-$1/node_modules/.bin/node"; }

node_ok() {
  local bin
  bin="$(node_bin "$1")"
  [[ -x "$bin" ]] && [[ "$("$bin" -p process.versions.node 2>/dev/null)" == "$1" ]]
}

install_node() {
  local version="$1" dir="$RUNTIMES_DIR/node-$1"
  node_ok "$version" && return
  log "installing node@$version from the npm registry into $dir"
  mkdir -p "$dir"
  cat >"$dir/package.json" <<JSON
{
  "private": true,
  "description": "Node $version for scripts/node-matrix.sh",
  "dependencies": { "node": "$version" }
}
JSON
  (cd "$dir" && npm install --no-audit --no-fund --no-package-lock --loglevel=error) || return 1
  node_ok "$version"
}

# Workspace projects with test files, as paths from the repo root.
projects() {
  local dir
  if ((${#ONLY[@]} > 0)); then
    printf '%s\n' "${ONLY[@]}"
    return
  fi
  for dir in packages/* apps/*; do
    [[ -f "$REPO_ROOT/$dir/package.json" ]] || continue
    [[ -n "$(cd "$REPO_ROOT/$dir" && find src -name '*.test.ts' -o -name '*.test.tsx' 2>/dev/null | head -n 1)" ]] &&
      echo "$dir"
  done
}

# Runs every project's suite on one Node; writes one Vitest JSON report per project and a log.
run_suites() {
  local version="$1" label="node${1%%.*}" bin dir rc=0
  bin="$(node_bin "$version")"
  while IFS= read -r dir; do
    log "$label ($version): $dir"
    (cd "$REPO_ROOT/$dir" && PATH="$(dirname "$bin"):$PATH" "$bin" "$VITEST" run \
      --reporter=default --reporter=json --outputFile.json="$WORK/$label-${dir//\//-}.json") ||
      rc=$?
  done < <(projects)
  return "$rc"
}

record() {
  local version="$1" label="node${1%%.*}" rc="$2" reports lines
  reports=("$WORK/$label"-*.json)
  lines="$(node "$REPO_ROOT/scripts/lib/vitest-results.mjs" --label "$label" --require-tests \
    "${reports[@]}")" || results_record fail "$label: no test file ran"
  [[ -n "$lines" ]] && results_record_lines "" "$lines"
  if ((rc != 0)) && ! grep -q '^fail' <<<"$lines"; then
    results_record fail "$label: vitest exited $rc (see the log above)"
  fi
}

READY=()
for version in "${NODE_VERSIONS[@]}"; do
  if install_node "$version"; then
    READY+=("$version")
  else
    results_record fail "node-matrix: installing node@$version from npm"
  fi
done

if ((PARALLEL)); then
  # Each Node's output goes to its own log, printed whole once it is done, so lines do not mix.
  declare -A PIDS=()
  for version in "${READY[@]}"; do
    run_suites "$version" >"$WORK/node-$version.log" 2>&1 &
    PIDS[$version]=$!
  done
  for version in "${READY[@]}"; do
    rc=0
    wait "${PIDS[$version]}" || rc=$?
    cat "$WORK/node-$version.log"
    record "$version" "$rc"
  done
else
  for version in "${READY[@]}"; do
    rc=0
    run_suites "$version" || rc=$?
    record "$version" "$rc"
  done
fi

results_summary "node-matrix: " "$FIRST_LINE"
[[ "$(tail -n "+$FIRST_LINE" "$RESULTS_TSV" | grep -c '^fail')" == 0 ]]
