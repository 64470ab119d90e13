#!/usr/bin/env bash
# A throw-away PostgreSQL + PostGIS cluster on loopback for the store and API tests (`make test` starts it).
#   scripts/test-postgres.sh start   -> prints the DATABASE_URL to use
#   scripts/test-postgres.sh stop
# Runs as the `postgres` system user (initdb refuses root); data lives under /tmp and is rebuilt on every start.
set -euo pipefail
PORT="${ATLAS_TEST_PG_PORT:-54329}"
DATA="/tmp/conflict-atlas-pg-${PORT}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
URL="postgresql+psycopg://postgres@127.0.0.1:${PORT}/atlas_test"
as_postgres() { runuser -u postgres -- "$@"; }

case "${1:-}" in
  start)
    [ -x "$BIN/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql postgresql-15-postgis-3)" >&2; exit 1; }
    if [ -f "$DATA/postmaster.pid" ]; then as_postgres "$BIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$DATA"
    install -d -o postgres -g postgres "$DATA"
    as_postgres "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --no-sync -E UTF8 >/dev/null
    as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k /tmp -c fsync=off -c max_connections=300" start >/dev/null
    as_postgres psql -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE atlas_test" >/dev/null
    as_postgres psql -h 127.0.0.1 -p "$PORT" -U postgres -d atlas_test -qc "CREATE EXTENSION postgis" >/dev/null
    echo "$URL"
    ;;
  stop)
    if [ -f "$DATA/postmaster.pid" ]; then as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null; fi
    rm -rf "$DATA"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
