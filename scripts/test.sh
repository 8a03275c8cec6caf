#!/usr/bin/env bash
# Runs all MUWCLASS-VO tests: unit tests, integration tests against Payara Micro (H2), the query suite on
# PostgreSQL + pgSphere, and the acceptance checks in scripts/acceptance/ (taplint, pyvo, the hostile-client suite on
# H2 and PostgreSQL, kill -9 clean-up, the cluster).
# Installs what it needs first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/start-postgres.sh
export MUWCLASS_PG_URL=${MUWCLASS_PG_URL:-jdbc:postgresql://127.0.0.1:${PGPORT:-5499}/tapdb}
export MUWCLASS_PG_USER=${MUWCLASS_PG_USER:-tap} MUWCLASS_PG_PASSWORD=${MUWCLASS_PG_PASSWORD:-tap}
export MUWCLASS_PG_QUERY_USER=${MUWCLASS_PG_QUERY_USER:-tap_reader} MUWCLASS_PG_QUERY_PASSWORD=${MUWCLASS_PG_QUERY_PASSWORD:-tap_reader}

mvn -B clean verify

# every check runs even when an earlier one failed (hostile.sh, crash-clean.sh, cluster.sh ... are independent);
# the failures are listed at the end
shopt -s nullglob
failed=()
for check in scripts/acceptance/*.sh; do
  echo "== acceptance: $check"
  SECONDS=0
  if bash "$check"; then echo "== acceptance: $check passed (${SECONDS} s)"
  else echo "== acceptance: $check FAILED (${SECONDS} s)"; failed+=("$check"); fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "test.sh: acceptance checks failed: ${failed[*]}" >&2
  exit 1
fi
