#!/usr/bin/env bash
# The project's test command (`.ci/run` runs exactly this). From a fresh clone with only Node and
# npm on the machine it:
#   1. installs pnpm (with npm) and the dependencies (frozen lockfile),
#   2. checks fixtures/wallet-vectors.json against a fresh openssl regeneration, and
#      fixtures/payu-hash-vectors.json against sha512sum/sha256sum,
#   3. builds every package, starts a throwaway PostgreSQL (WALLET_TEST_PG_URL),
#   4. lints (Biome, tsc, publint, attw), runs every Vitest suite on Node 20, then on Node 22 and
#      24 (scripts/node-matrix.sh),
#   5. runs the crypto, hmac, schemas and checkout suites on Node 24 and Bun, hmac and schemas on
#      Deno, and the sandbox's SQLite store suites and an in-process merchant smoke test on Bun
#      and Deno (scripts/runtime-matrix.sh)
#      while, beside it,
#   6. the packed tarballs are installed into a scratch project and used on Node, Bun, Deno and
#      workerd, with the merchant smoke test and docs/any-language.md run against the packed demo
#      server (scripts/smoke-pack.sh), and
#   7. the release is rehearsed: `changeset version` on a copy (no package may go to a major) and
#      `pnpm publish --dry-run` of every published package, its tarball checked for its dist files,
#      README, LICENSE, CHANGELOG and metadata (scripts/release-check.sh),
# then prints one result per check and closes with "N passed, N failed" (a check is a test file
# on one runtime, or one whole step such as the build or the lint). Exits non-zero if any failed.
# Safe to re-run: PostgreSQL and the temp dirs are cleaned up on every exit.
set -uo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT" || exit 1
# shellcheck source=lib/results.sh
source scripts/lib/results.sh

PNPM_VERSION="12.21.0"
CONCURRENCY="${WALLET_TEST_CONCURRENCY:-2}"
REPORT=".tmp/vitest-report.json" # written by Vitest in each package dir
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
# The root packageManager pin makes pnpm 12 look its own release up on the registry before every
# command, and that look-up sometimes fails (ERR_PNPM_BAD_CONFIG_DEP on @pnpm/exe.netbsd-x64). We
# run the pinned version anyway, so skip the check.
export pnpm_config_pm_on_fail=ignore

WORK="$(mktemp -d "${TMPDIR:-/tmp}/wallet-test.XXXXXX")"
unset RESULTS_TSV
results_init "$WORK"
STARTED_PG=0
T0=$SECONDS

stop_pg() {
  if ((STARTED_PG)); then
    STARTED_PG=0
    bash scripts/pg.sh stop || true
  fi
}
cleanup() {
  stop_pg
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

section() { printf '\n==> %s\n' "$*"; }

# Stops PostgreSQL first so that nothing is printed after the closing "N passed, N failed" line.
finish() {
  local passed failed
  stop_pg
  passed="$(results_count pass)"
  failed="$(results_count fail)"
  section "Results ($((SECONDS - T0)) s)"
  sed -e 's/^pass\t/  PASS  /' -e 's/^fail\t/  FAIL  /' "$RESULTS_TSV"
  echo
  echo "$passed passed, $failed failed"
  if ((failed > 0 || passed == 0)); then exit 1; fi
  exit 0
}

# Records one check for a command's exit status.
check() {
  local label="$1" t=$SECONDS
  shift
  section "$label"
  if "$@"; then
    results_record pass "$label ($((SECONDS - t)) s)"
  else
    results_record fail "$label (exit $?)"
    return 1
  fi
}

# A setup step the rest cannot do without: on failure, record it and stop.
setup() {
  local label="$1"
  shift
  section "$label"
  "$@" || {
    results_record fail "$label (exit $?)"
    finish
  }
}

# --- setup ---------------------------------------------------------------------------------------

ensure_pnpm() {
  if [[ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]]; then
    echo "installing pnpm@$PNPM_VERSION with npm"
    npm install --global --no-audit --no-fund "pnpm@$PNPM_VERSION" || return 1
    hash -r
  fi
  echo "node $(node --version), npm $(npm --version), pnpm $(pnpm --version)"
}

# better-sqlite3 compiles against Node's headers; pnpm does not pass ~/.npmrc's nodedir on. Only
# headers of the Node that runs the tests will do: a module built for another Node cannot load.
if [[ "$(sed -n 's/^#define NODE_\(MAJOR\|MINOR\|PATCH\)_VERSION \([0-9]*\)$/\2/p' \
  /usr/include/node/node_version.h 2>/dev/null | paste -sd.)" == "$(node -p process.versions.node)" ]]; then
  export npm_config_nodedir=/usr
fi

# Debian packages the tests drive for real: tmux (the CLI's progress bar in a real terminal), zsh
# (its completion script) and Chromium (the dashboard, through playwright-core). Installed only
# when missing, so a warm machine skips apt entirely.
SYSTEM_PACKAGES=(tmux zsh chromium)
ensure_system_packages() {
  local missing=() name
  for name in "${SYSTEM_PACKAGES[@]}"; do
    command -v "$name" >/dev/null 2>&1 || missing+=("$name")
  done
  if ((${#missing[@]} == 0)); then
    echo "present: ${SYSTEM_PACKAGES[*]}"
    return 0
  fi
  echo "installing with apt-get: ${missing[*]}"
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

setup "system packages (${SYSTEM_PACKAGES[*]})" ensure_system_packages
setup "pnpm $PNPM_VERSION" ensure_pnpm
setup "pnpm install --frozen-lockfile" pnpm install --frozen-lockfile

# Workspace projects that have source files; the ones still without any are reported, not built.
FILTERS=()
for dir in packages/* apps/*; do
  [[ -f "$dir/package.json" ]] || continue
  name="$(node -p "require('./$dir/package.json').name")"
  if [[ -n "$(find "$dir/src" -type f 2>/dev/null | head -n 1)" ]]; then
    FILTERS+=("--filter=$name")
  else
    echo "SKIP $name: $dir/src has no files yet, so it is not built, linted or tested"
  fi
done
if ((${#FILTERS[@]} == 0)); then
  results_record fail "no workspace project has source files"
  finish
fi

# --- checks --------------------------------------------------------------------------------------

if [[ -f scripts/vectors.sh ]]; then
  check "fixtures/wallet-vectors.json equals a fresh openssl regeneration" \
    bash scripts/vectors.sh --check
fi
if [[ -f scripts/payu-vectors.sh ]]; then
  check "fixtures/payu-hash-vectors.json equals a fresh sha512sum/sha256sum run" \
    bash scripts/payu-vectors.sh --check
fi

BUILD_OK=1
check "build (tsup, every package)" \
  pnpm exec turbo run build --concurrency="$CONCURRENCY" "${FILTERS[@]}" || BUILD_OK=0

section "PostgreSQL"
if bash scripts/pg.sh url >/dev/null 2>&1; then
  echo "reusing the running test cluster"
elif bash scripts/pg.sh start >/dev/null; then
  STARTED_PG=1
else
  results_record fail "start PostgreSQL (scripts/pg.sh start)"
fi
if WALLET_TEST_PG_URL="$(bash scripts/pg.sh url 2>/dev/null)"; then
  export WALLET_TEST_PG_URL
  echo "WALLET_TEST_PG_URL=$WALLET_TEST_PG_URL"
fi

check "lint: biome check" pnpm exec biome check .
if ((BUILD_OK)); then
  check "lint: typecheck, publint --strict, attw --pack (every package)" \
    pnpm exec turbo run lint typecheck --continue --concurrency="$CONCURRENCY" "${FILTERS[@]}"
fi

run_vitest() {
  local dir reports=() rc=0 lines
  for dir in packages/* apps/*; do rm -f "$dir/$REPORT"; done
  pnpm exec turbo run test --only --force --continue --concurrency="$CONCURRENCY" "${FILTERS[@]}" \
    -- --reporter=default --reporter=json --outputFile.json="$REPORT" || rc=$?
  for dir in packages/* apps/*; do
    [[ -f "$dir/$REPORT" ]] && reports+=("$dir/$REPORT")
  done
  lines="$(node scripts/lib/vitest-results.mjs --label node20 --require-tests "${reports[@]}")" ||
    results_record fail "vitest (node $(node --version)): no test file ran"
  [[ -n "$lines" ]] && results_record_lines "" "$lines"
  if ((rc != 0)) && ! grep -q '^fail' <<<"$lines"; then
    results_record fail "vitest (turbo run test) exited $rc"
  fi
}

if ((BUILD_OK)); then
  section "tests: vitest on node $(node --version)"
  run_vitest
  bash scripts/node-matrix.sh || true # every suite on Node 22 and 24; records its own results

  # The first two use one core each most of the time (Bun runs one file at a time; the tarball
  # install compiles better-sqlite3), so they run side by side; the release rehearsal, mostly
  # waiting on pnpm, runs beside them. Each records its own results; their output is printed
  # whole, one after the other, once all are done.
  section "tests: node 24, bun and deno (scripts/runtime-matrix.sh) beside the packed tarballs on node, bun, deno and workerd (scripts/smoke-pack.sh) and the release rehearsal (scripts/release-check.sh)"
  t=$SECONDS
  bash scripts/runtime-matrix.sh >"$WORK/runtime-matrix.log" 2>&1 &
  matrix_pid=$!
  bash scripts/smoke-pack.sh >"$WORK/smoke-pack.log" 2>&1 &
  smoke_pid=$!
  bash scripts/release-check.sh --no-build >"$WORK/release-check.log" 2>&1 &
  release_pid=$!
  wait "$matrix_pid" || true
  wait "$smoke_pid" || true
  wait "$release_pid" || true
  section "scripts/runtime-matrix.sh"
  cat "$WORK/runtime-matrix.log"
  section "scripts/smoke-pack.sh"
  cat "$WORK/smoke-pack.log"
  section "scripts/release-check.sh"
  cat "$WORK/release-check.log"
  echo "all three took $((SECONDS - t)) s"
else
  results_record fail "tests, runtime matrix, tarball smoke test and release check not run: the build failed"
fi

finish
