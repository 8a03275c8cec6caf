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
logs=target/acceptance-logs
mkdir -p "$logs"
for check in scripts/acceptance/*.sh; do
  echo "== acceptance: $check"
  SECONDS=0
  log=$logs/$(basename "$check" .sh).log
  if bash "$check" 2>&1 | tee "$log"; then echo "== acceptance: $check passed (${SECONDS} s)"
  else echo "== acceptance: $check FAILED (${SECONDS} s)"; failed+=("$check"); fi
done
if [ ${#failed[@]} -gt 0 ]; then
  # CI keeps only the end of the output: repeat the end of each failed check's own output here
  for check in "${failed[@]}"; do
    echo "== the last 40 lines of $check (all of it: $logs/$(basename "$check" .sh).log)" >&2
    tail -40 "$logs/$(basename "$check" .sh).log" >&2
  done
  echo "test.sh: acceptance checks failed: ${failed[*]}" >&2
  exit 1
fi
