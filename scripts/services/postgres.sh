#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the tests and benchmarks.
#   scripts/services/postgres.sh start   initdb (first time) and start; idempotent
#   scripts/services/postgres.sh stop    stop it (the data directory stays)
#   scripts/services/postgres.sh url     print the connection URL
# Listens on 127.0.0.1:$ETLB_PG_PORT (55432) with scram-sha-256 password auth over TCP; role
# `etlb` (password `etlb`, superuser) owns database `etlb`. Data lives in $ETLB_PG_DIR
# (/tmp/etlb-postgres). Run as root (the server runs as the `postgres` user) or as any other
# non-root user (the server runs as that user). Needs Debian's postgresql-15.
set -euo pipefail

dir="${ETLB_PG_DIR:-/tmp/etlb-postgres}"
port="${ETLB_PG_PORT:-55432}"
bin="${ETLB_PG_BIN:-/usr/lib/postgresql/15/bin}"
url="postgres://etlb:etlb@127.0.0.1:${port}/etlb"

# Runs a command as the server's owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

running() { as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; }

start() {
  [ -x "$bin/initdb" ] || { echo "postgres.sh: $bin/initdb not found; apt-get install postgresql-15" >&2; exit 1; }
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  if [ ! -s "$dir/data/PG_VERSION" ]; then
    pwfile="$(mktemp)"
    echo etlb >"$pwfile"
    [ "$(id -u)" = 0 ] && chown postgres: "$pwfile"
    as_owner "$bin/initdb" -D "$dir/data" -U etlb --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    rm -f "$pwfile"
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
password_encryption = 'scram-sha-256'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
  fi
  if ! running; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null
  fi
  # The superuser made by initdb is `etlb`; its database is created once.
  if ! as_owner "$bin/psql" -h "$dir" -p "$port" -U etlb -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = 'etlb'" | grep -q 1; then
    as_owner "$bin/createdb" -h "$dir" -p "$port" -U etlb etlb
  fi
  echo "$url"
}

stop() {
  if [ -d "$dir/data" ] && running; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) echo "$url" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
