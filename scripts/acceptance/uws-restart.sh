#!/usr/bin/env bash
# UWS restart acceptance check (issue 5): on a scratch DATA_DIR, finish a /classify job, start a slow one
# and queue another behind it (one worker thread), kill -9 the service, start it again, and check that
#   - the finished job is still COMPLETED and its result file is byte-identical,
#   - the job that was EXECUTING is ERROR with a transient error summary saying the service restarted,
#   - the job that was QUEUED was queued again (QUEUED or EXECUTING after the restart).
# Usage: scripts/acceptance/uws-restart.sh   (PORT, default 18533; builds the WAR if needed through scripts/run.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-18533}
BASE=http://127.0.0.1:$PORT
DATA=$(mktemp -d "${TMPDIR:-/tmp}/muwclass-restart.XXXXXX")
PID=
export MUWCLASS_JOBS_THREADS=1

fail() { echo "FAIL: $*" >&2; exit 1; }
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$DATA"
}
trap cleanup EXIT

start() {
  MUWCLASS_DEMO_PUBLISH=${MUWCLASS_DEMO_PUBLISH:-false} PORT=$PORT DATA_DIR=$DATA HEAP=${HEAP:-2g} scripts/run.sh >>"$DATA/server.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 120); do
    if curl -fs "$BASE/availability" 2>/dev/null | grep -q '<vosi:available>true'; then return 0; fi
    kill -0 "$PID" 2>/dev/null || fail "service did not start; see $DATA/server.log"
    sleep 1
  done
  fail "service not available after 120 s"
}

create() {  # prints the job URL
  curl -fs -o /dev/null -w '%{redirect_url}' -X POST "$BASE/classify" -F PHASE=RUN -F EBV=none "$@" \
    -F "INPUT=@$DATA/input.csv;type=text/csv"
}

phase() { curl -fs "$1/phase"; }

head -6 src/main/resources/muwclass/TD.csv > "$DATA/input.csv"
start
echo "service up (pid $PID), data in $DATA"

done_job=$(create -F DRAWS=2 -F TREES=5)
[ -n "$done_job" ] || fail "job creation did not redirect"
for _ in $(seq 1 60); do
  p=$(curl -fs "$done_job?WAIT=10" | sed -n 's:.*<uws\:phase>\(.*\)</uws\:phase>.*:\1:p')
  [ "$p" = COMPLETED ] && break
  [ "$p" = ERROR ] && fail "first job failed: $(curl -s "$done_job/error")"
done
[ "$(phase "$done_job")" = COMPLETED ] || fail "first job did not complete"
curl -fs "$done_job/results/result" -o "$DATA/before.vot"
echo "finished job $done_job"

running=$(create -F DRAWS=500 -F TREES=20)
queued=$(create -F DRAWS=2 -F TREES=5)
for _ in $(seq 1 60); do [ "$(phase "$running")" = EXECUTING ] && break; sleep 1; done
[ "$(phase "$running")" = EXECUTING ] || fail "slow job not executing: $(phase "$running")"
[ "$(phase "$queued")" = QUEUED ] || fail "second job should wait in the queue: $(phase "$queued")"

java_pid=$(pgrep -P "$PID" java || echo "$PID")   # run.sh execs java, so usually the same process
kill -9 "$java_pid"
wait "$PID" 2>/dev/null || true
PID=
echo "killed -9 with one job EXECUTING and one QUEUED; restarting"
start

[ "$(phase "$done_job")" = COMPLETED ] || fail "finished job is $(phase "$done_job") after the restart"
curl -fs "$done_job/results/result" -o "$DATA/after.vot"
cmp -s "$DATA/before.vot" "$DATA/after.vot" || fail "result changed across the restart"
[ "$(phase "$running")" = ERROR ] || fail "interrupted job is $(phase "$running"), expected ERROR"
err=$(curl -fs "$running/error")
case "$err" in "The service was restarted while this job was executing"*) ;; *) fail "error summary: $err";; esac
curl -fs "$running" | grep -q 'type="transient"' || fail "error type should be transient"
p=$(phase "$queued")
case "$p" in QUEUED|EXECUTING|COMPLETED) ;; *) fail "queued job is $p after the restart";; esac
curl -fs -o /dev/null -X POST "$BASE/classify/${queued##*/}/phase" -d PHASE=ABORT || true
echo "PASS: result kept, executing job -> ERROR ($err), queued job re-queued ($p)"
