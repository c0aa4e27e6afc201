#!/usr/bin/env bash
# Runs docs/any-language.md: every ```sh block of the page, in order, in one bash shell, so the
# page stays the single source of its commands and stays true. Blocks fenced as ```shell are shown
# to readers but not run (starting the sandbox, setting the variables: done here instead).
#
#   bash scripts/any-language.sh
#
# With WALLET_BASE_URL, WALLET_MERCHANT_KEY, WALLET_MERCHANT_SALT and WALLET_ENCRYPTION_KEY set, the
# page runs against that sandbox (scripts/smoke-pack.sh passes the packed demo server's). Without,
# it starts the workspace's built demo server (apps/demo-server/dist/main.js, `pnpm build` first)
# on a free loopback port with made-up credentials, and stops it at the end. Records one result.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/results.sh
source "$REPO_ROOT/scripts/lib/results.sh"
PAGE="$REPO_ROOT/docs/any-language.md"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/wallet-any-language.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
results_init "$WORK"

log() { printf 'any-language: %s\n' "$*"; }

if [[ -z "${WALLET_BASE_URL:-}" ]]; then
  WALLET_MERCHANT_KEY="doc-merchant"
  WALLET_MERCHANT_SALT="$(openssl rand -hex 16)"
  WALLET_ENCRYPTION_KEY="$(openssl rand -hex 24)"
  export WALLET_MERCHANT_KEY WALLET_MERCHANT_SALT WALLET_ENCRYPTION_KEY
  node "$REPO_ROOT/apps/demo-server/dist/main.js" --port 0 --database :memory: --log-level warn \
    >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do # up to 30 s: SQLite opens and the merchant is stored first
    grep -q '^listening on ' "$WORK/server.log" && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  WALLET_BASE_URL="$(sed -n 's/^listening on //p' "$WORK/server.log" | head -n 1)"
  if [[ -z "$WALLET_BASE_URL" ]]; then
    cat "$WORK/server.log"
    results_record fail "docs/any-language.md: the demo server did not start"
    exit 1
  fi
  export WALLET_BASE_URL
fi

# The ```sh blocks, in order; a block's fences are its own lines.
awk '/^```sh$/ { inside = 1; next } /^```/ { inside = 0; next } inside { print }' "$PAGE" \
  >"$WORK/page.sh"
blocks="$(grep -c '^```sh$' "$PAGE")"
log "running the $blocks sh blocks of docs/any-language.md against $WALLET_BASE_URL"
if ((blocks > 0)) && (cd "$WORK" && bash -euo pipefail page.sh); then
  results_record pass "docs/any-language.md: its $blocks sh blocks (register, load, retrieve with curl and openssl) against the sandbox"
else
  results_record fail "docs/any-language.md: its sh blocks failed against the sandbox (exit $?)"
  exit 1
fi
