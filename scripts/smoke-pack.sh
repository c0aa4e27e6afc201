#!/usr/bin/env bash
# Packed-tarball smoke test: what a user gets from `npm install @wallet/...`, checked for real.
#
#   bash scripts/smoke-pack.sh
#
# Packs every packages/* with `pnpm pack` (which turns workspace: ranges into versions), installs
# all the tarballs together with npm into a scratch project outside the repo, then loads each
# package by name as ESM (scripts/smoke/check.mjs) and as CJS (scripts/smoke/check.cjs) and uses
# it (scripts/smoke/exercise.cjs): @wallet/crypto seals and opens, @wallet/hmac signs and verifies.
# Packages must be built first (pnpm build); one without dist/ is skipped and said so, except
# crypto and hmac, which must be there.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/results.sh
source "$REPO_ROOT/scripts/lib/results.sh"
REQUIRED=("@wallet/crypto" "@wallet/hmac")

WORK="$(mktemp -d "${TMPDIR:-/tmp}/wallet-smoke.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
results_init "$WORK"
FIRST_LINE=$(($(results_lines) + 1))

log() { printf 'smoke-pack: %s\n' "$*"; }

# The root packageManager pin makes pnpm 12 look its own release up on the registry before every
# command, and that look-up sometimes fails (ERR_PNPM_BAD_CONFIG_DEP on @pnpm/exe.netbsd-x64). We
# run the pinned version anyway, so skip the check.
export pnpm_config_pm_on_fail=ignore

finish() {
  results_summary "smoke-pack: " "$FIRST_LINE"
  [[ "$(tail -n "+$FIRST_LINE" "$RESULTS_TSV" | grep -c '^fail')" == 0 ]]
  exit
}

if [[ -f /usr/include/node/node_version.h ]]; then
  export npm_config_nodedir=/usr # better-sqlite3 (a @wallet/sandbox dependency) builds from source
fi

mkdir -p "$WORK/tarballs" "$WORK/app"
NAMES=()
for dir in "$REPO_ROOT"/packages/*; do
  [[ -f "$dir/package.json" ]] || continue
  name="$(node -p "require('$dir/package.json').name")"
  main="$(node -p "require('$dir/package.json').main ?? 'dist/index.js'")"
  main="${main#./}"
  if [[ ! -f "$dir/$main" ]]; then
    if printf '%s\n' "${REQUIRED[@]}" | grep -qx "$name"; then
      results_record fail "pack $name: ${dir#"$REPO_ROOT"/}/$main is missing (not built?)"
    else
      log "SKIP $name: ${dir#"$REPO_ROOT"/}/$main is not built (no sources yet?): not packed, not checked"
    fi
    continue
  fi
  if (cd "$dir" && pnpm pack --pack-destination "$WORK/tarballs" >"$WORK/pack.log" 2>&1); then
    NAMES+=("$name")
  else
    cat "$WORK/pack.log"
    results_record fail "pnpm pack $name"
  fi
done
((${#NAMES[@]} > 0)) || finish

log "installing ${#NAMES[@]} tarballs into a scratch project: ${NAMES[*]}"
cat >"$WORK/app/package.json" <<'JSON'
{ "name": "wallet-smoke", "version": "1.0.0", "private": true }
JSON
cp "$REPO_ROOT"/scripts/smoke/* "$WORK/app/"
cp "$REPO_ROOT/fixtures/wallet-vectors.json" "$WORK/app/"
if ! (cd "$WORK/app" && npm install --no-audit --no-fund --no-package-lock --loglevel=error \
  "$WORK"/tarballs/*.tgz); then
  results_record fail "npm install of the packed tarballs"
  finish
fi

# Node's own resolution, then the "browser" export condition, which selects the web builds (for
# @wallet/crypto: AES from @noble/ciphers instead of node:crypto) where a package has one.
for run in "esm check.mjs" "cjs check.cjs" "esm+browser check.mjs --conditions=browser" \
  "cjs+browser check.cjs --conditions=browser"; do
  read -r label script flags <<<"$run"
  # Prints one "pass|fail<TAB>label" line per package, and any diagnostics on stderr.
  # shellcheck disable=SC2086 # $flags is empty or one flag
  out="$(cd "$WORK/app" && node $flags "$script" "${NAMES[@]}")" || true
  if [[ -z "$out" ]]; then
    results_record fail "$label: $script printed no result"
  fi
  while IFS= read -r line; do
    [[ -n "$line" ]] && results_record "${line%%	*}" "tarball [$label] ${line#*	}"
  done <<<"$out"
done
finish
