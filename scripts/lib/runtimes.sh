# shellcheck shell=bash
# The other runtimes the checks use, all from the npm registry and installed once into
# $WALLET_RUNTIMES_DIR (default: <repo>/.tmp/runtimes, gitignored): Node 24 (package `node`), Bun
# (`bun`), Deno (`deno`) and workerd through miniflare (`miniflare`, which runs a worker without
# nodejs_compat). Sourced, not run; the caller sets REPO_ROOT.

NODE24_VERSION="24.21.0"
BUN_VERSION="1.4.5"
DENO_VERSION="2.9.6"
MINIFLARE_VERSION="4.20260730.0"
RUNTIMES_DIR="${WALLET_RUNTIMES_DIR:-$REPO_ROOT/.tmp/runtimes}"

node24_bin() {
  local node="$RUNTIMES_DIR/node_modules/.bin/node"
  [[ -x "$node" ]] && [[ "$("$node" -p process.versions.node 2>/dev/null)" == "$NODE24_VERSION" ]] &&
    echo "$node"
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

deno_bin() {
  local deno="$RUNTIMES_DIR/node_modules/.bin/deno"
  [[ -x "$deno" ]] && [[ "$("$deno" --version 2>/dev/null | head -n 1)" == "deno $DENO_VERSION "* ]] &&
    echo "$deno"
}

# The installed miniflare package directory (workerd comes with it as a dependency).
miniflare_dir() {
  local dir="$RUNTIMES_DIR/node_modules/miniflare"
  [[ -f "$dir/package.json" ]] &&
    [[ "$(node -p "require('$dir/package.json').version" 2>/dev/null)" == "$MINIFLARE_VERSION" ]] &&
    echo "$dir"
}

runtimes_log() { printf 'runtimes: %s\n' "$*"; }

# Installs whatever is missing or of another version. Safe to run from two scripts at once: the
# install holds a lock on the runtimes dir.
runtimes_install() {
  mkdir -p "$RUNTIMES_DIR"
  (
    flock 9
    if node24_bin >/dev/null && bun_bin >/dev/null && deno_bin >/dev/null && miniflare_dir >/dev/null; then
      exit 0
    fi
    runtimes_log "installing node@$NODE24_VERSION, bun@$BUN_VERSION, deno@$DENO_VERSION and miniflare@$MINIFLARE_VERSION from the npm registry into $RUNTIMES_DIR"
    cat >"$RUNTIMES_DIR/package.json" <<JSON
{
  "private": true,
  "description": "Runtimes for scripts/runtime-matrix.sh and scripts/smoke-pack.sh",
  "dependencies": {
    "node": "$NODE24_VERSION",
    "bun": "$BUN_VERSION",
    "deno": "$DENO_VERSION",
    "miniflare": "$MINIFLARE_VERSION"
  }
}
JSON
    (cd "$RUNTIMES_DIR" && npm install --no-audit --no-fund --no-package-lock --loglevel=error) || exit 1
    if ! bun_bin >/dev/null; then
      # The default build needs AVX2 (and glibc); Bun's own postinstall normally falls back, but
      # make sure: install the baseline build for this libc explicitly.
      local variant="bun-linux-x64-baseline"
      if ! ldd --version 2>&1 | grep -qi 'glibc\|gnu libc'; then variant="bun-linux-x64-musl-baseline"; fi
      runtimes_log "the default bun binary does not run here; installing @oven/$variant"
      (cd "$RUNTIMES_DIR" && npm install --no-audit --no-fund --no-package-lock --no-save \
        --loglevel=error "@oven/$variant@$BUN_VERSION") || exit 1
    fi
    local missing=()
    node24_bin >/dev/null || missing+=("node $NODE24_VERSION")
    bun_bin >/dev/null || missing+=("bun $BUN_VERSION")
    deno_bin >/dev/null || missing+=("deno $DENO_VERSION")
    miniflare_dir >/dev/null || missing+=("miniflare $MINIFLARE_VERSION")
    if ((${#missing[@]} > 0)); then
      runtimes_log "not usable after the install: ${missing[*]}"
      exit 1
    fi
  ) 9>"$RUNTIMES_DIR/.install.lock"
}
