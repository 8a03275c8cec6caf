#!/usr/bin/env bash
# Starts (idempotently) a throwaway PostgreSQL 15 cluster with pgSphere and q3c for the query tests:
# 127.0.0.1:${PGPORT:-5499}, database tapdb, user tap / password tap, data in ${PGDIR:-/tmp/muwclass-pg}.
#   start-postgres.sh         start (or reuse) the cluster
#   start-postgres.sh stop    stop it
set -euo pipefail
PGPORT=${PGPORT:-5499}
PGDIR=${PGDIR:-/tmp/muwclass-pg}
BIN=/usr/lib/postgresql/15/bin
RUNAS=()
[ "$(id -u)" = 0 ] && RUNAS=(su postgres -c)

as_pg() { if [ ${#RUNAS[@]} -gt 0 ]; then "${RUNAS[@]}" "$*"; else bash -c "$*"; fi; }

if [ "${1:-}" = stop ]; then
  as_pg "$BIN/pg_ctl -D $PGDIR/data -m fast -w stop" || true
  exit 0
fi
[ -x "$BIN/initdb" ] || { echo "start-postgres: PostgreSQL 15 is not installed (scripts/setup.sh)" >&2; exit 1; }
mkdir -p "$PGDIR/data" "$PGDIR/sock"
[ "$(id -u)" = 0 ] && chown -R postgres: "$PGDIR"
if [ ! -f "$PGDIR/data/PG_VERSION" ]; then
  as_pg "$BIN/initdb -D $PGDIR/data -A trust -U postgres --no-sync >/dev/null"
fi
if ! as_pg "$BIN/pg_ctl -D $PGDIR/data status" >/dev/null 2>&1; then
  as_pg "$BIN/pg_ctl -D $PGDIR/data -w -l $PGDIR/log -o '-p $PGPORT -k $PGDIR/sock -c listen_addresses=127.0.0.1 -c fsync=off' start" >/dev/null
fi
psql_pg() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
if ! psql_pg -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname='tap'" | grep -q 1; then
  psql_pg -d postgres -c "CREATE ROLE tap LOGIN PASSWORD 'tap'"
fi
if ! psql_pg -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='tapdb'" | grep -q 1; then
  psql_pg -d postgres -c "CREATE DATABASE tapdb OWNER tap"
fi
psql_pg -d tapdb -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS pg_sphere; CREATE EXTENSION IF NOT EXISTS q3c;"
echo "start-postgres: jdbc:postgresql://127.0.0.1:$PGPORT/tapdb (user tap) is up"
