#!/usr/bin/env bash
# Classification acceptance check (issues 5 and the pipeline issue): starts the service on a scratch data directory,
# runs examples/classify_ngc3532.py (submit the NGC 3532 demo field, WAIT, fetch the result) and requires the
# published class for at least 90% of the field's CT >= 2 sources.
#   DRAWS (default 10), PORT (default 18534). One job at a time gets all cores (MUWCLASS_JOBS_THREADS=1).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-18534}
DATA=$(mktemp -d "${TMPDIR:-/tmp}/muwclass-ngc3532.XXXXXX")
export MUWCLASS_JOBS_THREADS=1
MUWCLASS_DEMO_PUBLISH=${MUWCLASS_DEMO_PUBLISH:-false} PORT=$PORT DATA_DIR=$DATA scripts/run.sh >"$DATA/server.log" 2>&1 &
PID=$!
# errexit applies inside the trap too: wait returns the killed server's status
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/availability" 2>/dev/null | grep -q '<vosi:available>true' && break
  kill -0 $PID 2>/dev/null || { cat "$DATA/server.log" >&2; exit 1; }
  sleep 1
done
/usr/bin/python3 examples/classify_ngc3532.py --url "http://127.0.0.1:$PORT" --draws "${DRAWS:-10}" --out "$DATA/out"
