#!/usr/bin/env bash
# Starts (idempotently) a throwaway PostgreSQL 15 cluster with pgSphere and q3c for the query tests:
# 127.0.0.1:${PGPORT:-5499}, database tapdb, user tap / password tap, data in ${PGDIR:-/tmp/muwclass-pg}.
# TAP queries log in as the read-only role tap_reader / tap_reader (muwclass.db.query.user / .password): it can only
# read the published schemas, every transaction is read-only and statements stop after a day (docs/security.md).
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
"$(dirname "$0")/pgsphere-compat.sh"
psql_pg -d tapdb -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS pg_sphere; CREATE EXTENSION IF NOT EXISTS q3c;"
# The read-only query role. The service grants it SELECT on the published schemas at start-up as well (it owns them).
if ! psql_pg -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname='tap_reader'" | grep -q 1; then
  psql_pg -d postgres -c "CREATE ROLE tap_reader LOGIN PASSWORD 'tap_reader' NOSUPERUSER NOCREATEDB NOCREATEROLE"
fi
psql_pg -d tapdb <<'SQL'
SET client_min_messages = warning;
ALTER ROLE tap_reader SET default_transaction_read_only = on;
ALTER ROLE tap_reader SET statement_timeout = '86400s';
GRANT CONNECT ON DATABASE tapdb TO tap_reader;
CREATE SCHEMA IF NOT EXISTS muwclass AUTHORIZATION tap;
CREATE SCHEMA IF NOT EXISTS tap_schema AUTHORIZATION tap;
CREATE SCHEMA IF NOT EXISTS tap_upload AUTHORIZATION tap;
DO $$
DECLARE s text;
BEGIN
  FOREACH s IN ARRAY ARRAY['muwclass', 'tap_schema', 'tap_upload'] LOOP
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO tap_reader', s);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO tap_reader', s);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE tap IN SCHEMA %I GRANT SELECT ON TABLES TO tap_reader', s);
  END LOOP;
END $$;
SQL
echo "start-postgres: jdbc:postgresql://127.0.0.1:$PGPORT/tapdb (user tap; TAP query role tap_reader) is up"
