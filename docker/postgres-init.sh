#!/bin/sh
# Initialises the cluster once, as scripts/start-postgres.sh does outside a container: role tap (owns the service's
# schemas), database tapdb with pg_sphere and q3c, and the read-only role tap_reader that TAP queries run as
# (muwclass.db.query.user; docs/security.md). Then runs PostgreSQL in the foreground.
#   POSTGRES_PASSWORD / TAP_PASSWORD / TAP_READER_PASSWORD   passwords (defaults postgres / tap / tap_reader)
#   PGPORT             port (default 5432)
#   LISTEN_ADDRESSES   addresses to listen on (default '*': the engine publishes the port)
set -e
BIN=/usr/lib/postgresql/15/bin
export PGPORT=${PGPORT:-5432}
# the Unix socket: Debian's directory when the user may write there, else /tmp (an engine may mount /run empty)
SOCKETS=/var/run/postgresql
[ -w "$SOCKETS" ] || SOCKETS=/tmp
if [ ! -f "$PGDATA/PG_VERSION" ]; then
  (umask 077; printf '%s\n' "${POSTGRES_PASSWORD:-postgres}" > /tmp/pwfile)
  $BIN/initdb -D "$PGDATA" -A scram-sha-256 -U postgres --pwfile=/tmp/pwfile >/dev/null
  rm -f /tmp/pwfile
  echo "host all all 0.0.0.0/0 scram-sha-256" >> "$PGDATA/pg_hba.conf"
  echo "host all all ::/0 scram-sha-256" >> "$PGDATA/pg_hba.conf"
  # no TCP listener while the roles are made; every login, the socket's too, needs its password (initdb -A)
  $BIN/pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -c unix_socket_directories=$SOCKETS" start >/dev/null
  PGPASSWORD=${POSTGRES_PASSWORD:-postgres} psql -h "$SOCKETS" -U postgres -v ON_ERROR_STOP=1 -q -d postgres <<SQL
SET client_min_messages = warning;
CREATE ROLE tap LOGIN PASSWORD '${TAP_PASSWORD:-tap}';
CREATE ROLE tap_reader LOGIN PASSWORD '${TAP_READER_PASSWORD:-tap_reader}' NOSUPERUSER NOCREATEDB NOCREATEROLE;
ALTER ROLE tap_reader SET default_transaction_read_only = on;
ALTER ROLE tap_reader SET statement_timeout = '86400s';
CREATE DATABASE tapdb OWNER tap;
GRANT CONNECT ON DATABASE tapdb TO tap_reader;
\c tapdb
SET client_min_messages = warning;
CREATE EXTENSION pg_sphere;
CREATE EXTENSION q3c;
CREATE SCHEMA muwclass AUTHORIZATION tap;
CREATE SCHEMA tap_schema AUTHORIZATION tap;
CREATE SCHEMA tap_upload AUTHORIZATION tap;
GRANT USAGE ON SCHEMA muwclass, tap_schema, tap_upload TO tap_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE tap IN SCHEMA muwclass GRANT SELECT ON TABLES TO tap_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE tap IN SCHEMA tap_schema GRANT SELECT ON TABLES TO tap_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE tap IN SCHEMA tap_upload GRANT SELECT ON TABLES TO tap_reader;
SQL
  $BIN/pg_ctl -D "$PGDATA" -w stop >/dev/null
  echo "postgres-init: tapdb created (roles tap, tap_reader; pg_sphere, q3c)"
fi
exec $BIN/postgres -D "$PGDATA" -c listen_addresses="${LISTEN_ADDRESSES:-*}" -c unix_socket_directories="$SOCKETS"
