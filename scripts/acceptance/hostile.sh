#!/usr/bin/env bash
# Hostile-client suite (issue 13): starts the service twice, on the embedded H2 and on PostgreSQL, each time with a
# Basic user store, an HS256 bearer-token secret and short limits (sync timeout 10 s, WAIT 20 s, 100,000 upload
# rows), and runs every attack in scripts/hostile/attacks_*.py against it (the runner also gets
# MUWCLASS_HOSTILE_DATA_DIR, the service's data directory, for attacks that check what is left on disk). Fails when an attack fails, when fewer than
# HOSTILE_MIN_ATTACKS (default 40) ran on a database, or when a file appears in the scratch directory.
#   HOSTILE_DATABASES   which runs (default "h2 postgresql")
#   HOSTILE_ONLY        run only attacks whose name contains this
#   HOSTILE_MIN_ATTACKS smallest number of attacks a run must count (default 40)
#   HOSTILE_PG_DB       PostgreSQL database of the second run, dropped and created afresh so that no job of an
#                       earlier run counts against a quota (default muwclass_hostile on 127.0.0.1:${PGPORT:-5499})
set -euo pipefail
cd "$(dirname "$0")/../.."
MIN=${HOSTILE_MIN_ATTACKS:-40}
PGPORT=${PGPORT:-5499}
WORK=$(mktemp -d /tmp/muwclass-hostile.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
log() { echo "hostile.sh [$(date +%H:%M:%S)] $*"; }

[ -f target/muwclass-vo.war ] && [ -f target/payara-micro.jar ] || mvn -B -q -DskipTests package
if ! /usr/bin/python3 -c 'import requests' 2>/dev/null; then  # the attack client (normally there with python3-pyvo)
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3-requests
fi

# --- identities: two Basic users with random passwords (PBKDF2-HMAC-SHA256), an HS256 secret, an issuer
mkdir -m 700 "$WORK/secrets"
/usr/bin/python3 scripts/hostile/make-identities.py "$WORK/secrets"
export MUWCLASS_AUTH_USERS_FILE=$WORK/secrets/users
export MUWCLASS_AUTH_JWT_SECRET_FILE=$WORK/secrets/jwt.secret
export MUWCLASS_AUTH_JWT_ISSUER=https://hostile.muwclass.test/issuer
# shorter limits than the defaults keep the suite quick; attacks read the ones they assert from this environment
export MUWCLASS_TAP_SYNC_TIMEOUT_S=10
export MUWCLASS_JOBS_WAIT_LIMIT_S=${MUWCLASS_JOBS_WAIT_LIMIT_S:-20}
export MUWCLASS_UPLOAD_LIMIT_ROWS=${MUWCLASS_UPLOAD_LIMIT_ROWS:-100000}
export MUWCLASS_HOSTILE_USERS; MUWCLASS_HOSTILE_USERS=$(cat "$WORK/secrets/users.env")
export MUWCLASS_HOSTILE_JWT_SECRET; MUWCLASS_HOSTILE_JWT_SECRET=$(tr -d '\n' < "$WORK/secrets/jwt.secret")
export MUWCLASS_HOSTILE_JWT_ISSUER=$MUWCLASS_AUTH_JWT_ISSUER

# run_suite NAME: one service start with the environment above, the attacks, the count check
run_suite() {
  local name=$1 out="$WORK/$1.out"
  export MUWCLASS_HOSTILE_SCRATCH=$WORK/scratch-$name
  mkdir -p "$MUWCLASS_HOSTILE_SCRATCH"
  log "$name: starting the service and running the attacks"
  local status=0
  ./scripts/with-service.sh bash -c \
    'MUWCLASS_HOSTILE_DATA_DIR=$SERVICE_DATA /usr/bin/python3 scripts/hostile/hostile.py "$SERVICE_URL" \
       ${HOSTILE_ONLY:+--only "$HOSTILE_ONLY"}' \
    2>&1 | tee "$out" || status=$?
  local ran; ran=$(sed -n 's/^hostile: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$out" | awk '{print $1 + $2}')
  ran=${ran:-0}
  if [ "$status" -ne 0 ]; then
    log "$name: FAILED ($(grep -c '^FAIL ' "$out" || true) attack(s) failed, exit $status)"
    grep '^FAIL ' "$out" || true
    return 1
  fi
  if [ -n "$(ls -A "$MUWCLASS_HOSTILE_SCRATCH")" ]; then
    log "$name: FAILED: files appeared in the scratch directory:"; ls -la "$MUWCLASS_HOSTILE_SCRATCH"; return 1
  fi
  if [ -z "${HOSTILE_ONLY:-}" ] && [ "$ran" -lt "$MIN" ]; then
    log "$name: FAILED: only $ran attacks ran, at least $MIN are required"; return 1
  fi
  log "$name: $ran attacks passed"
}

failed=()
SECONDS=0
for db in ${HOSTILE_DATABASES:-h2 postgresql}; do
  case "$db" in
    h2)
      run_suite h2 || failed+=(h2);;
    postgresql)
      ./scripts/start-postgres.sh >/dev/null
      pgdb=${HOSTILE_PG_DB:-muwclass_hostile}
      psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -q -d postgres \
        -c "DROP DATABASE IF EXISTS $pgdb" -c "CREATE DATABASE $pgdb OWNER tap"
      psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -q -d "$pgdb" -c "SET client_min_messages = warning;
        CREATE EXTENSION IF NOT EXISTS pg_sphere; CREATE EXTENSION IF NOT EXISTS q3c;"
      MUWCLASS_DB_URL=jdbc:postgresql://127.0.0.1:$PGPORT/$pgdb MUWCLASS_DB_USER=tap \
        MUWCLASS_DB_PASSWORD=tap MUWCLASS_DB_QUERY_USER=tap_reader MUWCLASS_DB_QUERY_PASSWORD=tap_reader \
        run_suite postgresql || failed+=(postgresql);;
    *) log "unknown database '$db' (h2, postgresql)"; exit 2;;
  esac
done
log "done in ${SECONDS} s"
if [ ${#failed[@]} -gt 0 ]; then log "FAILED on: ${failed[*]}"; exit 1; fi
log "PASS"
