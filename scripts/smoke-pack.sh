#!/usr/bin/env bash
# Packed-tarball smoke test: what a user gets from `npm install @wallet/...`, checked for real.
#
#   bash scripts/smoke-pack.sh
#   WALLET_SMOKE_KEEP=1 bash scripts/smoke-pack.sh   # keeps the scratch project for a closer look
#
# Packs every packages/* and the demo server with `pnpm pack` (which turns workspace: ranges into
# versions), installs all the tarballs together with npm into a scratch project outside the repo,
# then:
#   1. on Node 20, loads each package by name as ESM (scripts/smoke/check.mjs) and as CJS
#      (scripts/smoke/check.cjs), with and without the `browser` condition, and uses it
#      (scripts/smoke/exercise.cjs): @wallet/crypto and @wallet/hmac must give the openssl vectors;
#   2. does the same with the client-side packages (all but the sandbox and the demo server) on
#      Bun and Deno, with no flags, and on workerd without nodejs_compat: worker.mjs bundled by
#      esbuild with the `workerd` condition and nothing else, run through miniflare;
#   3. starts the packed demo server's bin (`wallet-demo-server`) on a free loopback port, and runs
#      the merchant smoke test (register, load, retrieve through the packed @wallet/client,
#      scripts/smoke/merchant-flow.mjs) on Node, Bun, Deno and workerd against it, then the curl
#      and openssl commands of docs/any-language.md (scripts/any-language.sh).
# Packages must be built first (pnpm build); one without dist/ is skipped and said so, except
# crypto, hmac and the demo server, which must be there. Bun, Deno and miniflare come from the npm
# registry, cached in .tmp/runtimes (scripts/lib/runtimes.sh).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/results.sh
source "$REPO_ROOT/scripts/lib/results.sh"
# shellcheck source=lib/runtimes.sh
source "$REPO_ROOT/scripts/lib/runtimes.sh"
REQUIRED=("@wallet/crypto" "@wallet/hmac" "@wallet/demo-server")

WORK="$(mktemp -d "${TMPDIR:-/tmp}/wallet-smoke.XXXXXX")"
SANDBOX_PID=""
cleanup() {
  if [[ -n "$SANDBOX_PID" ]]; then kill "$SANDBOX_PID" 2>/dev/null && wait "$SANDBOX_PID" 2>/dev/null; fi
  if [[ -n "${WALLET_SMOKE_KEEP:-}" ]]; then
    log "kept the scratch project in $WORK/app (WALLET_SMOKE_KEEP)"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
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
for dir in "$REPO_ROOT"/packages/* "$REPO_ROOT/apps/demo-server"; do
  [[ -f "$dir/package.json" ]] || continue
  name="$(node -p "require('$dir/package.json').name")"
  # The file the package cannot do without: its main, or the demo server's bin.
  main="$(node -p "const p = require('$dir/package.json'); p.main ?? Object.values(p.bin ?? {})[0] ?? 'dist/index.js'")"
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

# The libraries, imported by name below; the demo server is a bin, started further down.
LIBRARIES=()
for name in "${NAMES[@]}"; do
  [[ "$name" == "@wallet/demo-server" ]] || LIBRARIES+=("$name")
done

# Node's own resolution, then the "browser" export condition, which selects the web builds (for
# @wallet/crypto: AES from @noble/ciphers instead of node:crypto) where a package has one.
for run in "esm check.mjs" "cjs check.cjs" "esm+browser check.mjs --conditions=browser" \
  "cjs+browser check.cjs --conditions=browser"; do
  read -r label script flags <<<"$run"
  # Prints one "pass|fail<TAB>label" line per package, and any diagnostics on stderr.
  # shellcheck disable=SC2086 # $flags is empty or one flag
  out="$(cd "$WORK/app" && node $flags "$script" "${LIBRARIES[@]}")" || true
  results_record_lines "tarball [$label]" "$out" "$label: $script printed no result"
done

# --- other runtimes --------------------------------------------------------------------------

CLIENT_SIDE=()
for name in "${LIBRARIES[@]}"; do
  [[ "$name" == "@wallet/sandbox" ]] || CLIENT_SIDE+=("$name")
done

if ! runtimes_install; then
  results_record fail "smoke-pack: installing bun, deno and miniflare from the npm registry"
  finish
fi
BUN="$(bun_bin)"
DENO="$(deno_bin)"
# Deno's permissions, as narrow as the checks allow; no --unstable or compatibility flag.
DENO_RUN=("$DENO" run --allow-read --allow-env --allow-net=127.0.0.1)
ln -s "$(miniflare_dir)" "$WORK/app/node_modules/miniflare"

results_record_lines "tarball [bun]" "$(cd "$WORK/app" && "$BUN" check.mjs "${CLIENT_SIDE[@]}")"
results_record_lines "tarball [deno]" "$(cd "$WORK/app" && "${DENO_RUN[@]}" check.mjs "${CLIENT_SIDE[@]}")"

# The worker imports the client-side packages by name, as a merchant's worker would.
{
  i=0
  for name in "${CLIENT_SIDE[@]}"; do
    printf "import * as package%d from '%s';\n" "$i" "$name"
    i=$((i + 1))
  done
  printf 'export default {\n'
  i=0
  for name in "${CLIENT_SIDE[@]}"; do
    printf "  '%s': package%d,\n" "$name" "$i"
    i=$((i + 1))
  done
  printf '};\n'
} >"$WORK/app/worker-packages.mjs"
WORKER_BUNDLED=0
if (cd "$WORK/app" && "$REPO_ROOT/packages/client/node_modules/.bin/esbuild" worker.mjs --bundle \
  --format=esm --platform=browser --conditions=workerd,worker --log-level=warning \
  --outfile=worker.bundle.js); then
  WORKER_BUNDLED=1
  results_record pass "tarball [workerd] esbuild bundles the client-side packages with the workerd condition alone"
else
  results_record fail "tarball [workerd] esbuild bundle of worker.mjs (workerd condition)"
fi

# --- the merchant smoke test against the packed demo server -----------------------------------

# Credentials made up for this run; the demo server takes its merchant from WALLET_* and the
# client reads the same variables (plus WALLET_BASE_URL) with createWalletClient.fromEnv().
WALLET_MERCHANT_KEY="smoke-merchant"
WALLET_MERCHANT_SALT="$(node -p "require('node:crypto').randomBytes(18).toString('base64url')")"
WALLET_ENCRYPTION_KEY="$(node -p "require('node:crypto').randomBytes(24).toString('hex')")"
export WALLET_MERCHANT_KEY WALLET_MERCHANT_SALT WALLET_ENCRYPTION_KEY

(cd "$WORK/app" && exec node_modules/.bin/wallet-demo-server --port 0 --database :memory: \
  --log-level warn) >"$WORK/sandbox.log" 2>&1 &
SANDBOX_PID=$!
for _ in $(seq 1 300); do # up to 30 s: SQLite opens and the merchant is stored first
  grep -q '^listening on ' "$WORK/sandbox.log" && break
  kill -0 "$SANDBOX_PID" 2>/dev/null || break
  sleep 0.1
done
WALLET_BASE_URL="$(sed -n 's/^listening on //p' "$WORK/sandbox.log" | head -n 1)"
if [[ -z "$WALLET_BASE_URL" ]]; then
  cat "$WORK/sandbox.log"
  results_record fail "tarball [demo server] the packed wallet-demo-server did not print 'listening on URL'"
  finish
fi
export WALLET_BASE_URL
results_record pass "tarball [demo server] wallet-demo-server listens on $WALLET_BASE_URL"

results_record_lines "tarball [merchant on node $(node --version)]" "$(cd "$WORK/app" && node merchant.mjs node)"
results_record_lines "tarball [merchant on bun]" "$(cd "$WORK/app" && "$BUN" merchant.mjs bun)"
results_record_lines "tarball [merchant on deno]" "$(cd "$WORK/app" && "${DENO_RUN[@]}" merchant.mjs deno)"
if ((WORKER_BUNDLED)); then
  results_record_lines "tarball [workerd]" "$(cd "$WORK/app" && node workerd.mjs worker.bundle.js)"
fi
# docs/any-language.md's curl and openssl commands, against the same packed demo server.
bash "$REPO_ROOT/scripts/any-language.sh" || true # records its own result
finish
