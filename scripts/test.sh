#!/usr/bin/env bash
# Runs all MUWCLASS-VO tests: unit tests, integration tests against Payara Micro (H2), the query suite on
# PostgreSQL + pgSphere, and the client acceptance checks in scripts/acceptance/ (taplint, pyvo).
# Installs what it needs first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/start-postgres.sh
export MUWCLASS_PG_URL=${MUWCLASS_PG_URL:-jdbc:postgresql://127.0.0.1:${PGPORT:-5499}/tapdb}
export MUWCLASS_PG_USER=${MUWCLASS_PG_USER:-tap} MUWCLASS_PG_PASSWORD=${MUWCLASS_PG_PASSWORD:-tap}
export MUWCLASS_PG_QUERY_USER=${MUWCLASS_PG_QUERY_USER:-tap_reader} MUWCLASS_PG_QUERY_PASSWORD=${MUWCLASS_PG_QUERY_PASSWORD:-tap_reader}

mvn -B clean verify

shopt -s nullglob
for check in scripts/acceptance/*.sh; do
  echo "== acceptance: $check"
  bash "$check"
done
