#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the integration tests.
#
#   bash scripts/pg.sh start   # init + start a cluster on 127.0.0.1, create database wallet_test
#   bash scripts/pg.sh url     # postgres://postgres@127.0.0.1:PORT/wallet_test
#   bash scripts/pg.sh stop    # stop the cluster and delete its data directory
#
# The cluster lives in a temp directory owned by the `postgres` user (the server refuses to run as
# root), listens only on 127.0.0.1, trusts local TCP connections and trades durability for speed
# (fsync off): it is for tests only. `start` is idempotent: a running cluster is reused.
# Where the state is kept: $WALLET_PG_STATE (default: <repo>/.tmp/pg.state).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE_FILE="${WALLET_PG_STATE:-$REPO_ROOT/.tmp/pg.state}"
DB_NAME="wallet_test"
FIRST_PORT="${WALLET_PG_PORT:-55432}"

log() { printf 'pg.sh: %s\n' "$*" >&2; }
die() {
  log "$*"
  exit 1
}

# Directory holding initdb, pg_ctl and postgres; installs Debian's postgresql if none is found.
find_bin_dir() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return
  fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      echo "$dir"
      return
    fi
  done
  return 1
}

install_postgres() {
  [[ "$(id -u)" == 0 ]] || die "PostgreSQL is not installed and installing it needs root"
  log "installing PostgreSQL with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
}

# Runs a command as the postgres user when we are root, as ourselves otherwise.
as_pg() {
  if [[ "$(id -u)" != 0 ]]; then
    (cd / && "$@")
  elif command -v runuser >/dev/null 2>&1; then
    (cd / && runuser -u postgres -- "$@")
  else
    local quoted
    printf -v quoted '%q ' "$@"
    (cd / && su postgres -s /bin/bash -c "$quoted")
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

read_state() {
  [[ -f "$STATE_FILE" ]] || return 1
  # shellcheck disable=SC1090
  source "$STATE_FILE"
  [[ -n "${PG_DIR:-}" && -n "${PG_PORT:-}" && -n "${PG_BIN:-}" ]]
}

is_running() {
  read_state && [[ -d "$PG_DIR/data" ]] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1
}

url() {
  printf 'postgres://postgres@127.0.0.1:%s/%s\n' "$PG_PORT" "$DB_NAME"
}

cmd_stop() {
  if read_state; then
    if [[ -d "$PG_DIR/data" ]]; then
      as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    case "$PG_DIR" in
      */wallet-pg.*) rm -rf "$PG_DIR" ;;
    esac
    log "stopped the cluster on port $PG_PORT"
  fi
  rm -f "$STATE_FILE"
}

cmd_start() {
  if is_running; then
    log "reusing the cluster on port $PG_PORT"
    url
    return
  fi
  cmd_stop 2>/dev/null

  local bin
  if ! bin="$(find_bin_dir)"; then
    install_postgres
    bin="$(find_bin_dir)" || die "no initdb/pg_ctl found after installing postgresql"
  fi

  if [[ "$(id -u)" == 0 ]] && ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /bin/sh postgres
  fi

  local dir
  dir="$(mktemp -d "${TMPDIR:-/tmp}/wallet-pg.XXXXXX")"
  chmod 700 "$dir"
  [[ "$(id -u)" == 0 ]] && chown postgres: "$dir"
  mkdir -p "$(dirname "$STATE_FILE")"
  printf 'PG_DIR=%q\nPG_BIN=%q\nPG_PORT=%q\n' "$dir" "$bin" "" >"$STATE_FILE"

  as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale \
    --no-sync >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    die "initdb failed"
  }

  local port="$FIRST_PORT" tries=0
  while :; do
    tries=$((tries + 1))
    ((tries <= 50)) || die "no free port found from $FIRST_PORT"
    if port_in_use "$port"; then
      port=$((port + 1))
      continue
    fi
    if as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir \
-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null; then
      break
    fi
    # Lost a race for the port, or the server failed: show why, then try the next port.
    tail -n 5 "$dir/server.log" >&2 || true
    port=$((port + 1))
  done
  printf 'PG_DIR=%q\nPG_BIN=%q\nPG_PORT=%q\n' "$dir" "$bin" "$port" >"$STATE_FILE"

  as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt \
    -c "CREATE DATABASE $DB_NAME" >/dev/null ||
    die "could not create database $DB_NAME"
  PG_PORT="$port"
  log "$("$bin/postgres" --version) on 127.0.0.1:$port, data in $dir"
  url
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  url)
    is_running || die "no cluster is running (bash scripts/pg.sh start)"
    url
    ;;
  *)
    echo "usage: bash scripts/pg.sh start|stop|url" >&2
    exit 2
    ;;
esac
