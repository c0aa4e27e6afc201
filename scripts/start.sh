#!/usr/bin/env bash
# The main command of the README: sets everything up and runs the demo.
#
#   bash scripts/start.sh [arguments for the demo server]
#
# Installs pnpm (with npm) if it is missing or another version, installs the dependencies, builds
# every package, then runs the demo server (apps/demo-server, the sandbox behind a web dashboard)
# when it has been built, or else `wallet --help` from apps/cli, or else says what was built.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
PNPM_VERSION="12.21.0"

if [[ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]]; then
  echo "installing pnpm@$PNPM_VERSION with npm"
  npm install --global --no-audit --no-fund "pnpm@$PNPM_VERSION"
  hash -r
fi
if [[ -f /usr/include/node/node_version.h ]]; then
  export npm_config_nodedir=/usr # better-sqlite3 builds from source against Node's headers
fi
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
# The root packageManager pin makes pnpm 12 look its own release up on the registry before every
# command, and that look-up sometimes fails (ERR_PNPM_BAD_CONFIG_DEP on @pnpm/exe.netbsd-x64). We
# run the pinned version anyway, so skip the check.
export pnpm_config_pm_on_fail=ignore

pnpm install --frozen-lockfile

# Build what has sources; a workspace project still without any is named, not built.
filters=()
for dir in packages/* apps/*; do
  [[ -f "$dir/package.json" ]] || continue
  name="$(node -p "require('./$dir/package.json').name")"
  if [[ -n "$(find "$dir/src" -type f 2>/dev/null | head -n 1)" ]]; then
    filters+=("--filter=$name")
  else
    echo "not built (no sources yet): $name"
  fi
done
if ((${#filters[@]} > 0)); then
  pnpm exec turbo run build --concurrency=2 "${filters[@]}"
fi

if [[ -f apps/demo-server/dist/main.js ]]; then
  exec node apps/demo-server/dist/main.js "$@"
elif [[ -f apps/cli/dist/wallet.js ]]; then
  echo "The demo server is not built yet; here is the wallet command instead:"
  exec node apps/cli/dist/wallet.js --help
else
  echo
  echo "Built packages:"
  for dir in packages/* apps/*; do
    if [[ -d "$dir/dist" && -n "$(ls -A "$dir/dist" 2>/dev/null)" ]]; then
      echo "  $(node -p "require('./$dir/package.json').name") ($dir/dist)"
    fi
  done
  echo "The demo server (apps/demo-server) and the wallet command (apps/cli) are not built yet."
fi
