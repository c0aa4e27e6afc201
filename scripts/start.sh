#!/usr/bin/env bash
# The main command of the README: sets everything up and runs the demo.
#
#   bash scripts/start.sh [arguments for the demo server]
#
# Installs pnpm (with npm) if it is missing or another version, installs the dependencies, builds
# every package, then runs the demo server (apps/demo-server: the sandbox with its web dashboard,
# on http://127.0.0.1:8080 with a SQLite database under ./.wallet/ unless told otherwise).
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
pnpm exec turbo run build --concurrency=2
exec node apps/demo-server/dist/main.js "$@"
