# Shared by scripts/acceptance/cluster.sh and scripts/bench/cluster-speedup.sh: start Payara Micro members and a
# single instance, submit classification jobs and follow them. Expects WORK, PGPORT, DB, HZ, DRAWS, TREES, PIDS
# and the functions log/fail from the caller, and runs from the repository root.

JAVA_FLAGS=(-Xmx${HEAP:-1g} -Djava.awt.headless=true -Dweka.packageManager.offline=true
  -Dcom.github.fommil.netlib.ARPACK=com.github.fommil.netlib.F2jARPACK
  -Dmuwclass.demo.publish=${MUWCLASS_DEMO_PUBLISH:-false})  # no background demo jobs in these measurements
# JAXP hardened as in scripts/run.sh (docs/security.md): no external DTD, schema or stylesheet; entities bounded
JAVA_FLAGS+=(-Djavax.xml.accessExternalDTD= -Djavax.xml.accessExternalSchema= -Djavax.xml.accessExternalStylesheet=
  -Djdk.xml.entityExpansionLimit=2000 -Djdk.xml.maxGeneralEntitySizeLimit=100000
  -Djdk.xml.maxParameterEntitySizeLimit=100000 -Djdk.xml.totalEntitySizeLimit=1000000
  -Djdk.xml.entityReplacementLimit=100000 -Djdk.xml.maxElementDepth=1000)
# fast failure detection on loopback: a member that stops answering heartbeats for 10 s is removed
GRID_FLAGS=(-Dhazelcast.socket.bind.any=false -Dhazelcast.heartbeat.interval.seconds=1
  -Dhazelcast.max.no.heartbeat.seconds=10 ${UNIT_THREADS:+-Dmuwclass.cluster.threads=$UNIT_THREADS})

# start_member NAME HTTP_PORT: a cluster member on PostgreSQL and the shared data directory
start_member() {
  java "${JAVA_FLAGS[@]}" "${GRID_FLAGS[@]}" -DWEKA_HOME="$WORK/weka-$1" \
    -Dmuwclass.data.dir="$WORK/shared" -Dmuwclass.db.url="jdbc:postgresql://127.0.0.1:$PGPORT/$DB" \
    -Dmuwclass.db.user=tap -Dmuwclass.db.password=tap ${JOB_THREADS:+-Dmuwclass.jobs.threads=$JOB_THREADS} \
    -Dmuwclass.http.base.url="http://127.0.0.1:$2" \
    -jar target/payara-micro.jar --deploy target/muwclass-vo.war --contextroot / --port "$2" --name "$1" \
    --clustermode "tcpip:127.0.0.1:$HZ,127.0.0.1:$((HZ + 1))" --interfaces 127.0.0.1 --startport "$HZ" \
    --nohostaware --disablephonehome --prebootcommandfile "$WORK/preboot.asadmin" >> "$WORK/$1.log" 2>&1 &
  PIDS+=($!)
  eval "PID_$1=$!"
}

start_single() {
  java "${JAVA_FLAGS[@]}" -DWEKA_HOME="$WORK/weka-single" -Dmuwclass.data.dir="$WORK/single" \
    -Dmuwclass.http.base.url="http://127.0.0.1:$P3" \
    ${JOB_THREADS:+-Dmuwclass.jobs.threads=$JOB_THREADS} -jar target/payara-micro.jar --deploy target/muwclass-vo.war --contextroot / \
    --port "$P3" --nohazelcast --disablephonehome --prebootcommandfile "$WORK/preboot.asadmin" \
    >> "$WORK/single.log" 2>&1 &
  PIDS+=($!)
  PID_single=$!
}

wait_ready() { # PORT NAME
  for _ in $(seq 1 240); do
    if curl -sf "http://127.0.0.1:$1/availability" 2>/dev/null | grep -q '<vosi:available>true'; then
      log "$2 is up on port $1"; return 0
    fi
    sleep 1
  done
  fail "$2 did not become available on port $1"
}

submit() { # PORT -> job URL
  curl -s -D - -o /dev/null -F "INPUT=@$WORK/input.csv;type=text/csv" -F INPUT_FORMAT=csv -F "DRAWS=$DRAWS" \
    -F "TREES=$TREES" -F EBV=none -F SEED=20261125 -F PHASE=RUN "http://127.0.0.1:$1/classify" \
    | tr -d '\r' | sed -n 's/^[Ll]ocation: //p'
}

progress_done() { # JOB_URL -> units done (jobInfo shows them only while EXECUTING; a COMPLETED job has done them all)
  local doc; doc=$(curl -s "$1" | tr -d '\n')
  case "$doc" in *'<uws:phase>COMPLETED</uws:phase>'*) echo 999999999; return;; esac
  sed -n 's/.*done="\{0,1\}\([0-9][0-9]*\).*/\1/p;s/.*<[a-z:]*done>\([0-9][0-9]*\)<.*/\1/p' <<<"$doc" | head -n 1
}

wait_progress() { # JOB_URL UNITS
  for _ in $(seq 1 600); do
    d=$(progress_done "$1"); d=${d:-0}
    [ "$d" -ge "$2" ] && { log "job at $d units"; return 0; }
    sleep 0.5
  done
  fail "job $1 did not reach $2 units"
}

wait_phase() { # JOB_URL PHASE TIMEOUT_S
  local ph=""
  for _ in $(seq 1 "$3"); do
    ph=$(curl -s "$1/phase" || true)
    [ "$ph" = "$2" ] && return 0
    case "$ph" in ERROR|ABORTED) curl -s "$1/error" || true; echo; fail "job $1 is $ph";; esac
    sleep 1
  done
  fail "job $1 is '$ph' after $3 s, expected $2"
}


job_seconds() { # JOB_URL -> seconds from startTime to endTime
  /usr/bin/python3 - "$1" <<'PY'
import sys, re, urllib.request
from datetime import datetime
x = urllib.request.urlopen(sys.argv[1]).read().decode()
t = [datetime.fromisoformat(re.search(f"<uws:{k}>([^<]+)<", x).group(1).replace("Z", "+00:00"))
     for k in ("startTime", "endTime")]
print(f"{(t[1] - t[0]).total_seconds():.1f}")
PY
}
