#!/usr/bin/env bash
# The release, rehearsed without publishing anything or touching the repo:
#
#   bash scripts/release-check.sh             # builds the published packages first (turbo, cached)
#   bash scripts/release-check.sh --no-build  # scripts/test.sh, right after its own build
#
#   1. `changeset version` on a copy of the workspace manifests and .changeset/
#      (scripts/lib/release-plan.mjs): fails if a package would go to a new major, or gets a
#      version without its CHANGELOG.md entry; prints each package's move (0.0.0 → 0.1.0);
#   2. for every published workspace package (packages/*, apps/* not marked private), `pnpm publish
#      --dry-run --no-git-checks --json` and `pnpm pack`, then scripts/lib/release-tarball.mjs
#      on the tarball: fails if it lacks its dist files, README.md, LICENSE or CHANGELOG.md, ships
#      tests or sources, keeps a `workspace:` range, or its package.json lacks release metadata.
# Each package is one check. Needs no git history and no registry account.
set -uo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT" || exit 1
# shellcheck source=lib/results.sh
source scripts/lib/results.sh

BUILD=1
if [[ "${1:-}" == --no-build ]]; then BUILD=0; fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/wallet-release.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
results_init "$WORK"
FIRST_LINE=$(($(results_lines) + 1))
export pnpm_config_pm_on_fail=ignore TURBO_TELEMETRY_DISABLED=1

log() { printf 'release-check: %s\n' "$*"; }

PUBLISHED=()
for dir in packages/* apps/*; do
  [[ -f "$dir/package.json" ]] || continue
  [[ "$(node -p "require('./$dir/package.json').private === true")" == true ]] && continue
  PUBLISHED+=("$dir")
done

log "changeset version on a copy of the workspace"
results_record_lines "[version]" "$(node scripts/lib/release-plan.mjs "$WORK/workspace")"

if ((BUILD)); then
  filters=()
  for dir in "${PUBLISHED[@]}"; do filters+=("--filter=./$dir"); done
  if ! pnpm exec turbo run build --concurrency="${WALLET_TEST_CONCURRENCY:-1}" "${filters[@]}"; then
    results_record fail "release-check: the build failed"
  fi
fi

for dir in "${PUBLISHED[@]}"; do
  name="$(node -p "require('./$dir/package.json').name")"
  log "pnpm publish --dry-run: $name"
  out="$WORK/${dir//\//-}"
  mkdir -p "$out/unpacked"
  if ! (cd "$dir" && pnpm publish --dry-run --no-git-checks --json >"$out/publish.json" 2>"$out/publish.log"); then
    cat "$out/publish.log"
    results_record fail "[publish] $name: pnpm publish --dry-run failed"
    continue
  fi
  if ! (cd "$dir" && pnpm pack --pack-destination "$out" >"$out/pack.log" 2>&1); then
    cat "$out/pack.log"
    results_record fail "[publish] $name: pnpm pack failed"
    continue
  fi
  tar -xzf "$out"/*.tgz -C "$out/unpacked"
  results_record_lines "[publish]" "$(node scripts/lib/release-tarball.mjs "$dir" "$out/unpacked/package" "$out/publish.json")"
done

results_summary "release-check: " "$FIRST_LINE"
[[ "$(tail -n "+$FIRST_LINE" "$RESULTS_TSV" | grep -c '^fail')" == 0 ]]
