#!/usr/bin/env bash
# Starts (or reuses) a throwaway PostgreSQL 15 cluster with pgSphere for tests and benchmarks, idempotently.
#   PG_PORT  port (default 5499)       PG_DIR  cluster directory (default /tmp/muwclass-pg)
#   PG_DB / PG_USER / PG_PASSWORD      database, role and password (default tapdb / tap / tap)
# Needs the Debian packages postgresql-15 and postgresql-15-pgsphere. initdb refuses to run as root, so the cluster
# runs as the system user postgres when started by root. Prints the MUWCLASS_PG_* settings for the tests.
# Stop it with:  su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $PG_DIR/data -m fast -w stop"
set -euo pipefail
PG_PORT=${PG_PORT:-5499}
PG_DIR=${PG_DIR:-/tmp/muwclass-pg}
PG_DB=${PG_DB:-tapdb}
PG_USER=${PG_USER:-tap}
PG_PASSWORD=${PG_PASSWORD:-tap}
BIN=/usr/lib/postgresql/15/bin
DATA=$PG_DIR/data
SOCK=$PG_DIR/sock

[ -x "$BIN/initdb" ] || { echo "PostgreSQL 15 is not installed (apt-get install postgresql-15 postgresql-15-pgsphere)" >&2; exit 1; }
as_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}

mkdir -p "$PG_DIR" "$SOCK"
[ "$(id -u)" = 0 ] && chown postgres: "$PG_DIR" "$SOCK"

if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
  if [ ! -f "$DATA/PG_VERSION" ]; then
    as_pg "$BIN/initdb -D '$DATA' -A trust -U postgres --no-sync >/dev/null"
  fi
  as_pg "$BIN/pg_ctl -D '$DATA' -w -l '$PG_DIR/log' -o \"-p $PG_PORT -k $SOCK -c listen_addresses=127.0.0.1 -c fsync=off\" start >/dev/null"
fi

# The role, database and extensions (each step tolerates an existing object).
as_pg "$BIN/psql -q -h 127.0.0.1 -p $PG_PORT -U postgres -d postgres -v ON_ERROR_STOP=1" <<SQL
SELECT 'CREATE ROLE $PG_USER LOGIN PASSWORD ''$PG_PASSWORD''' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER') \gexec
SELECT 'CREATE DATABASE $PG_DB OWNER $PG_USER' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$PG_DB') \gexec
\c $PG_DB
CREATE EXTENSION IF NOT EXISTS pg_sphere;
SQL

echo "MUWCLASS_PG_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB"
echo "MUWCLASS_PG_USER=$PG_USER"
echo "MUWCLASS_PG_PASSWORD=$PG_PASSWORD"
