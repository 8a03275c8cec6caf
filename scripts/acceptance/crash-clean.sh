#!/usr/bin/env bash
# Crash clean-up check (issue 13, "Clean after crashes"): kill -9 of the service (embedded H2, one fixed data
# directory)
#   A. during a 50 MB TAP sync upload, streamed at about 10 MB/s and killed after CRASH_UPLOAD_KILL_MB (25) MB;
#   B. during a running classification job (5 training-set sources, 1,000 draws of 50 trees, PUBLISH=yes as the
#      operator; about 1 min of work on a quiet 2-core machine), killed CRASH_JOB_KILL_S (5) s after it reached EXECUTING;
# then restarts on the same data directory and reports every leftover:
#   - files under data/tmp or data/jobs/.staging (request bodies being received);
#   - the new job missing from a copy of the H2 file taken right after it was created (a commit must reach the file
#     at once, also after a restart that recovered the file from a kill -9: "idle" makes that the case);
#   - the interrupted job not ERROR, without an error message, or with results (document, uws.job_results, files);
#   - rows of the interrupted job in muwclass.classified_sources (by TAP and in the database);
#   - tables left in schema tap_upload; job directories under data/jobs without a row in uws.jobs (read from the
#     H2 file with H2's Shell after a clean stop).
#   CRASH_PARTS="upload job" (default both) picks the scenarios; "idle" adds a kill -9 of the idle service first,
#   "restart" a clean stop and start first (diagnostics: is a job created after a restart durable?).
# Prints one PASS/FAIL line per check and exits 1 when anything was left. Needs target/ (mvn -DskipTests package).
#   CRASH_KEEP=1 keeps the work directory (data, logs) for a look afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=$(mktemp -d /tmp/muwclass-crash.XXXXXX)
DATA=$WORK/data
PORT=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
PID=
FAILED=()
log() { echo "crash-clean [$(date +%H:%M:%S)] $*"; }
giveup() { # MESSAGE: the scenario could not be set up; the service log's tail says why
  log "$1"; [ -f "$WORK/service.log" ] && { echo "--- last lines of the service log"; tail -30 "$WORK/service.log"; }
  exit 2
}
check() { # NAME CONDITION_TEXT_IF_BAD: empty second argument = pass
  if [ -z "$2" ]; then log "PASS $1"; else log "FAIL $1: $2"; FAILED+=("$1"); fi
}
cleanup() {
  [ -z "$PID" ] || { kill -9 "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
  if [ -n "${CRASH_KEEP:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

[ -f target/muwclass-vo.war ] && [ -f target/payara-micro.jar ] || mvn -B -q -DskipTests package
H2JAR=$(ls target/muwclass-vo/WEB-INF/lib/h2-*.jar 2>/dev/null | head -1)
[ -n "$H2JAR" ] || { log "no H2 jar under target/muwclass-vo/WEB-INF/lib"; exit 2; }

/usr/bin/python3 scripts/hostile/make-identities.py "$WORK/secrets"
export MUWCLASS_AUTH_USERS_FILE=$WORK/secrets/users MUWCLASS_AUTH_JWT_SECRET_FILE=$WORK/secrets/jwt.secret
export MUWCLASS_AUTH_JWT_ISSUER=https://crash.muwclass.test/issuer
OPERATOR=$(cut -d, -f1 < "$WORK/secrets/users.env")   # operator-user:password, for curl -u
export MUWCLASS_JOBS_THREADS=1 MUWCLASS_DEMO_PUBLISH=false
unset MUWCLASS_DB_URL   # this check is about the embedded H2 file

start() {
  PORT=$PORT DATA_DIR=$DATA HEAP=${HEAP:-1g} setsid ./scripts/run.sh >> "$WORK/service.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 180); do
    curl -fs "$BASE/availability" 2>/dev/null | grep -q 'available>true' && { log "service up (pid $PID)"; return 0; }
    kill -0 "$PID" 2>/dev/null || { tail -40 "$WORK/service.log"; log "the service did not start"; exit 2; }
    sleep 1
  done
  giveup "the service did not become available"
}
kill9() { kill -9 "$PID"; wait "$PID" 2>/dev/null || true; PID=; log "killed -9 $1"; }
stop() {
  kill "$PID" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
  kill -9 "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=
}
h2() { # SQL -> values, one per line
  h2_at "$DATA/db/muwclass" "$1"
}
h2_at() { # H2 file (without .mv.db), SQL -> values, one per line
  # the service's classes too: the tables' generated columns call its functions (SkyGeometry ...), which H2 2.4 loads
  # when it opens the file
  java -cp "$H2JAR:target/muwclass-vo/WEB-INF/classes:target/muwclass-vo/WEB-INF/lib/*" org.h2.tools.Shell -url "jdbc:h2:file:$1;DATABASE_TO_LOWER=TRUE" \
    -user "${MUWCLASS_DB_USER:-sa}" -password "${MUWCLASS_DB_PASSWORD:-}" -sql "$2" \
    | sed -e '1d' -e '/^([0-9]* rows*,/d' -e 's/[[:space:]]*$//'
}
leftovers() { # files and directories below the request-body areas
  { find "$DATA/tmp" "$DATA/jobs/.staging" -mindepth 1 2>/dev/null || true; } | sed "s:^$DATA/::" | head -20
}
sent() { local n; n=$(cat "$WORK/sent" 2>/dev/null || true); echo "${n:-0}"; }

start

if [[ " ${CRASH_PARTS:-} " == *" idle "* ]]; then  # a diagnostic: an idle service killed and started again
  kill9 "while idle"; start
fi
if [[ " ${CRASH_PARTS:-} " == *" restart "* ]]; then  # a diagnostic: a clean stop and start first
  stop; log "stopped cleanly"; start
fi

# ------------------------------------------------------------------ A: kill -9 during a 50 MB sync upload
if [[ " ${CRASH_PARTS:-upload job} " == *" upload "* ]]; then
/usr/bin/python3 - "$WORK/big.vot" <<'PY'
import sys
ns = "http://www.ivoa.net/xml/VOTable/v1.3"
with open(sys.argv[1], "w") as f:
    f.write(f'<?xml version="1.0"?><VOTABLE version="1.4" xmlns="{ns}"><RESOURCE><TABLE>'
            '<FIELD name="id" datatype="long"/><FIELD name="ra" datatype="double"/>'
            '<FIELD name="dec" datatype="double"/><DATA><TABLEDATA>\n')
    i = 0
    while f.tell() < 50_000_000:
        f.write("".join(f"<TR><TD>{j}</TD><TD>{(j * 0.37) % 360:.6f}</TD><TD>{(j * 0.11) % 180 - 90:.6f}</TD></TR>\n"
                        for j in range(i, i + 10000)))
        i += 10000
    f.write("</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n")
PY
/usr/bin/python3 - "$BASE" "$WORK/big.vot" "$WORK/sent" > "$WORK/upload.out" 2>&1 <<'PY' &
import os, socket, sys, time, urllib.parse
base, path, progress = sys.argv[1:4]
u = urllib.parse.urlsplit(base)
boundary = "crashclean" + os.urandom(8).hex()
fields = {"REQUEST": "doQuery", "LANG": "ADQL", "QUERY": "SELECT COUNT(*) FROM TAP_UPLOAD.t", "UPLOAD": "t,param:t"}
head = "".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n' for k, v in fields.items())
head += (f'--{boundary}\r\nContent-Disposition: form-data; name="t"; filename="big.vot"\r\n'
         "Content-Type: application/x-votable+xml\r\n\r\n")
tail = f"\r\n--{boundary}--\r\n".encode()
size = len(head.encode()) + os.path.getsize(path) + len(tail)
s = socket.create_connection((u.hostname, u.port), timeout=60)
s.sendall((f"POST /tap/sync HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\nConnection: close\r\n"
           f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {size}\r\n\r\n").encode()
          + head.encode())
sent = 0
try:
    with open(path, "rb") as f:
        while chunk := f.read(512 * 1024):
            s.sendall(chunk)
            sent += len(chunk)
            with open(progress + ".new", "w") as p:
                p.write(str(sent))
            os.replace(progress + ".new", progress)
            time.sleep(0.05)  # about 10 MB/s: the kill lands mid-body
    s.sendall(tail)
    print("sent everything; answer:", s.recv(300).decode(errors="replace"))
except OSError as e:
    print(f"stopped after {sent} bytes: {e}")
PY
SENDER=$!
KILL_BYTES=$(( ${CRASH_UPLOAD_KILL_MB:-25} * 1000000 ))
for _ in $(seq 1 600); do
  [ "$(sent)" -ge "$KILL_BYTES" ] && break
  kill -0 "$SENDER" 2>/dev/null || break
  sleep 0.1
done
if ! kill -0 "$SENDER" 2>/dev/null; then
  log "the upload ended before the kill: $(cat "$WORK/upload.out")"
  check "kill during the 50 MB upload" "the service answered before $KILL_BYTES bytes were sent"
fi
inflight=$(leftovers | wc -l)
kill9 "after $(sent) bytes of the upload ($inflight request-body entries on disk)"
wait "$SENDER" 2>/dev/null || true
start
left=$(leftovers)
check "no request-body files after the upload crash (data/tmp, jobs/.staging)" "${left:+$(echo $left)}"
fi

# ------------------------------------------------------------------ B: kill -9 during a classification job
JOB_ID=none
if [[ " ${CRASH_PARTS:-upload job} " == *" job "* ]]; then
head -6 src/main/resources/muwclass/TD.csv > "$WORK/input.csv"
JOB=$(curl -s -u "$OPERATOR" -o "$WORK/create.out" -w '%{redirect_url}' -X POST "$BASE/classify" -F PHASE=RUN -F EBV=none \
  -F DRAWS=1000 -F TREES=50 -F PUBLISH=yes -F "INPUT=@$WORK/input.csv;type=text/csv")
[ -n "$JOB" ] || giveup "the classification job was not created: $(head -c 400 "$WORK/create.out")"
JOB_ID=${JOB##*/}
JOB=$BASE/classify/$JOB_ID   # the Location may carry the configured base URL: address this service
# durable at once (WRITE_DELAY=0): a copy of the H2 file taken now, as a kill -9 would leave it, holds the new job.
# The copy is opened (recovered) by H2's Shell, as the next start would open the file.
# The service is frozen (SIGSTOP) for the copy: a copy taken while H2 writes a chunk can be torn in a way no kill -9
# leaves (a write in progress completes before a signal lands), and that failed this check on a CI machine.
kill -STOP "$PID"
cp "$DATA/db/muwclass.mv.db" "$WORK/durable.mv.db"
kill -CONT "$PID"
durable=$(h2_at "$WORK/durable" "SELECT COUNT(*) FROM uws.jobs WHERE job_id = '$JOB_ID'" 2>&1 | head -3 | tr '\n' ' ')
check "new job $JOB_ID in the H2 file at once" "$([ "$durable" = "1 " ] || echo "a copy of the file has '$durable'")"
phase() { curl -s -u "$OPERATOR" "$JOB/phase"; }
for _ in $(seq 1 60); do [ "$(phase)" = EXECUTING ] && break; sleep 1; done
[ "$(phase)" = EXECUTING ] || giveup "job $JOB_ID is $(phase), never EXECUTING: $(curl -s -u "$OPERATOR" "$JOB/error")"
sleep "${CRASH_JOB_KILL_S:-5}"
[ "$(phase)" = EXECUTING ] || giveup "job $JOB_ID finished before the kill ($(phase)); make it longer"
files=$({ find "$DATA/jobs/$JOB_ID" -type f 2>/dev/null || true; } | wc -l)
kill9 "with job $JOB_ID EXECUTING ($files files in its directory)"
# what the crash left in the database file, before any start-up repair (diagnostic)
stored_phase=$(h2 "SELECT phase FROM uws.jobs WHERE job_id = '$JOB_ID'" 2>&1 | head -3 | tr '\n' ' ')
log "in the H2 file after the kill: job $JOB_ID is '$stored_phase'"
start

p=$(phase)
check "interrupted job is ERROR" "$([ "$p" = ERROR ] || echo "phase is '$p'")"
msg=$(curl -s -u "$OPERATOR" "$JOB/error")
log "error of $JOB_ID: $msg"
check "interrupted job has an error message" "$([ -n "$msg" ] && [ "$p" = ERROR ] || echo "none")"
doc_results=$(curl -s -u "$OPERATOR" "$JOB" | grep -o '<uws:result [^>]*' || true)
check "interrupted job lists no results" "${doc_results:+$(echo $doc_results)}"
result_files=$({ find "$DATA/jobs/$JOB_ID/results" -type f 2>/dev/null || true; } | sed "s:^$DATA/::")
check "interrupted job has no result files" "${result_files:+$(echo $result_files)}"
rows=$(curl -s "$BASE/tap/sync" --data-urlencode REQUEST=doQuery --data-urlencode LANG=ADQL \
  --data-urlencode RESPONSEFORMAT=csv \
  --data-urlencode "QUERY=SELECT COUNT(*) AS n FROM muwclass.classified_sources WHERE run_id = '$JOB_ID'" \
  | tail -1 | tr -d '\r')
check "no public rows of the interrupted job (TAP)" "$([ "$rows" = 0 ] || echo "count is '$rows'")"
left=$(leftovers)
check "no request-body files after the job crash" "${left:+$(echo $left)}"
fi

# ------------------------------------------------------------------ the database file, after a clean stop
stop
h2 "SELECT 1" > "$WORK/h2probe" 2>&1 || { cat "$WORK/h2probe"; log "cannot open the H2 file"; exit 2; }
upload_tables=$(h2 "SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = 'tap_upload'")
check "no tables left in tap_upload" "${upload_tables:+$(echo $upload_tables)}"
known=$(h2 "SELECT job_id FROM uws.jobs")
orphans=$(for d in "$DATA"/jobs/*/; do
  [ -d "$d" ] || continue; id=$(basename "$d"); grep -qxF "$id" <<< "$known" || echo "$id"; done)
check "no job directories without a job" "${orphans:+$(echo $orphans)}"
stored=$(h2 "SELECT COUNT(*) FROM uws.job_results WHERE job_id = '$JOB_ID'")
check "no stored results of the interrupted job" "$([ "$stored" = 0 ] || echo "uws.job_results has '$stored'")"
# The table is created by the first publication: without it there are no published rows at all.
if [ "$(h2 "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'muwclass'
             AND table_name = 'classified_sources'")" = 0 ]; then
  published=0
else
  published=$(h2 "SELECT COUNT(*) FROM muwclass.classified_sources WHERE run_id = '$JOB_ID'")
fi
check "no rows of the interrupted job in muwclass.classified_sources" \
  "$([ "$published" = 0 ] || echo "count is '$published'")"

if [ ${#FAILED[@]} -gt 0 ]; then
  log "FAILED: ${#FAILED[@]} check(s) found leftovers: ${FAILED[*]}"
  exit 1
fi
log "PASS: nothing left behind"
