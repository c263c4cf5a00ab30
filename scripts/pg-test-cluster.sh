#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the test run (docs/postgresql.md).
#   eval "$(scripts/pg-test-cluster.sh start)"   # initdb into a temp dir, start on 127.0.0.1 at a free port, trust auth;
#                                                # prints the exports PORTAALI_TEST_POSTGRES (connection string) and
#                                                # PORTAALI_PG_CLUSTER_DIR
#   scripts/pg-test-cluster.sh stop [dir]        # stops it and deletes the dir (default: $PORTAALI_PG_CLUSTER_DIR)
# Installs Debian's postgresql when it is missing. As root the cluster runs as the postgres user (initdb refuses root).
# Everything but the exports goes to stderr.
set -euo pipefail

log() { echo "pg-test-cluster: $*" >&2; }

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ] && command -v pg_config >/dev/null; then dir=$(pg_config --bindir); fi
  echo "$dir"
}

# Runs a command as the cluster's owner: postgres when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

start() {
  local bin
  bin=$(bindir)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    log "PostgreSQL is missing: installing Debian's postgresql"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
    bin=$(bindir)
  fi
  local dir port
  dir=$(mktemp -d /tmp/portaali-pg-XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # C.UTF-8: lower() and upper() know ä and ö (the C locale folds only ASCII), and sorting is the same on every machine.
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # fsync off: a test cluster is thrown away, and its speed is the test run's.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >&2 \
    || { log "the server did not start; its log:"; cat "$dir/server.log" >&2; exit 1; }
  log "started on 127.0.0.1:$port ($dir)"
  echo "export PORTAALI_PG_CLUSTER_DIR='$dir'"
  echo "export PORTAALI_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
}

stop() {
  local dir=${1:-${PORTAALI_PG_CLUSTER_DIR:-}}
  [ -n "$dir" ] && [ -d "$dir" ] || { log "no cluster to stop"; return 0; }
  as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
  rm -rf "$dir"
  log "stopped and removed $dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start|stop [dir]" >&2; exit 2 ;;
esac
