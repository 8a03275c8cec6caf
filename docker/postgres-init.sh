#!/bin/sh
# Initialises the cluster once (role tap, database tapdb with pg_sphere and q3c), then runs PostgreSQL.
set -e
BIN=/usr/lib/postgresql/15/bin
if [ ! -f "$PGDATA/PG_VERSION" ]; then
  $BIN/initdb -D "$PGDATA" -A scram-sha-256 -U postgres --pwfile=/dev/stdin <<EOP
${POSTGRES_PASSWORD:-postgres}
EOP
  echo "host all all 0.0.0.0/0 scram-sha-256" >> "$PGDATA/pg_hba.conf"
  $BIN/pg_ctl -D "$PGDATA" -w -o "-c listen_addresses=''" start
  psql -v ON_ERROR_STOP=1 -d postgres <<SQL
CREATE ROLE tap LOGIN PASSWORD '${TAP_PASSWORD:-tap}';
CREATE DATABASE tapdb OWNER tap;
\c tapdb
CREATE EXTENSION pg_sphere;
CREATE EXTENSION q3c;
SQL
  $BIN/pg_ctl -D "$PGDATA" -w stop
fi
exec $BIN/postgres -D "$PGDATA" -c listen_addresses='*'
