#!/usr/bin/env bash
# Runs a command against a freshly started MUWCLASS-VO: Payara Micro on a free loopback port with a scratch data
# directory (H2), then stops the service and removes the directory. The command sees SERVICE_URL, TAP_URL,
# SERVICE_PID (the run.sh/java process) and SERVICE_DATA (its data directory).
#   scripts/with-service.sh bash -c '/usr/bin/python3 examples/pyvo_tap.py "$TAP_URL"'
# Options (environment):
#   SERVICE_DATA_DIR=DIR   use DIR as the data directory and keep it afterwards (default: a scratch directory that
#                          is removed)
#   SERVICE_LOG=FILE       write the service log there (default: DIR/service.log, which goes with a scratch DIR)
# Every MUWCLASS_* variable in the environment reaches the service (MicroProfile Config). When the command fails,
# the last lines of the service log are printed to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
if [ -n "${SERVICE_DATA_DIR:-}" ]; then
  DATA=$(realpath -m "$SERVICE_DATA_DIR"); KEEP_DATA=1; mkdir -p "$DATA"
else
  DATA=$(mktemp -d /tmp/muwclass-service.XXXXXX); KEEP_DATA=
fi
LOG=${SERVICE_LOG:-$DATA/service.log}
# scratch data: no background demo-field classification competing for the CPU (docs/uws.md)
# the URLs the service writes (UWS hrefs, DataLink descriptors) must point at this port
MUWCLASS_HTTP_BASE_URL=${MUWCLASS_HTTP_BASE_URL:-http://127.0.0.1:$PORT} \
MUWCLASS_DEMO_PUBLISH=${MUWCLASS_DEMO_PUBLISH:-false} PORT=$PORT DATA_DIR=$DATA HEAP=${HEAP:-1g} setsid ./scripts/run.sh > "$LOG" 2>&1 &
PID=$!
cleanup() {
  kill "$PID" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
  kill -9 "$PID" 2>/dev/null || true
  [ -n "$KEEP_DATA" ] || rm -rf "$DATA"
}
trap cleanup EXIT
export SERVICE_URL=http://127.0.0.1:$PORT TAP_URL=http://127.0.0.1:$PORT/tap SERVICE_PID=$PID SERVICE_DATA=$DATA
START_WAIT=${START_WAIT_S:-300}   # s; a start on a loaded 2-core machine took more than 180 s
SECONDS=0
while true; do
  if curl -sf "$SERVICE_URL/availability" 2>/dev/null | grep -q 'available>true'; then break; fi
  if ! kill -0 "$PID" 2>/dev/null || [ "$SECONDS" -ge "$START_WAIT" ]; then
    echo "with-service: the service did not come up; log:" >&2; tail -50 "$LOG" >&2; exit 1
  fi
  sleep 1
done
echo "with-service: $SERVICE_URL is up (data in $DATA)"
status=0
"$@" || status=$?
if [ "$status" -ne 0 ]; then
  echo "with-service: the command failed ($status); last lines of the service log ($LOG):" >&2
  tail -40 "$LOG" >&2 || true
fi
exit "$status"
