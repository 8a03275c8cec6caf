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

# The grid port has no authentication or TLS in Payara's open-source Hazelcast (docs/cluster.md, "Securing the
# data grid port"): bind it to one interface only, give the cluster a name nobody guesses (a fresh random one per
# run unless CLUSTER_NAME is set), and refuse the usual deserialization gadgets in the whole JVM.
CLUSTER_NAME=${CLUSTER_NAME:-muwclass-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}
# the JEP 290 pattern list, joined with ';' (quoted: no globbing)
SERIAL_FILTER_PARTS=(
  'maxdepth=200' 'maxarray=10000000' '!org.apache.commons.collections.functors.*'
  '!org.apache.commons.collections4.functors.*' '!org.apache.commons.beanutils.*' '!org.codehaus.groovy.runtime.*'
  '!org.springframework.**' '!com.sun.org.apache.xalan.internal.xsltc.trax.*' '!org.apache.xalan.xsltc.trax.*'
  '!com.mchange.v2.c3p0.**' '!bsh.**' '!org.python.**' '!org.mozilla.javascript.**' '!clojure.**' '!com.sun.rowset.**'
  '!net.sf.json.**')
SERIAL_FILTER=$(IFS=';'; echo "${SERIAL_FILTER_PARTS[*]}")
JAVA_FLAGS+=("-Djdk.serialFilter=$SERIAL_FILTER")
GRID_FLAGS+=(-Dhazelcast.phone.home.enabled=false)

# start_member NAME HTTP_PORT: a cluster member on PostgreSQL and the shared data directory
start_member() {
  java "${JAVA_FLAGS[@]}" "${GRID_FLAGS[@]}" -DWEKA_HOME="$WORK/weka-$1" \
    -Dmuwclass.data.dir="$WORK/shared" -Dmuwclass.db.url="jdbc:postgresql://127.0.0.1:$PGPORT/$DB" \
    -Dmuwclass.db.user=tap -Dmuwclass.db.password=tap ${JOB_THREADS:+-Dmuwclass.jobs.threads=$JOB_THREADS} \
    -Dmuwclass.http.base.url="http://127.0.0.1:$2" \
    -jar target/payara-micro.jar --deploy target/muwclass-vo.war --contextroot / --port "$2" --name "$1" \
    --clustermode "tcpip:127.0.0.1:$HZ,127.0.0.1:$((HZ + 1))" --interfaces 127.0.0.1 --startport "$HZ" \
    --clustername "$CLUSTER_NAME" \
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

# grid_bound_privately PORT: the grid port listens on 127.0.0.1 only, never on a wildcard address
grid_bound_privately() {
  local lines  # an IPv4 socket on a dual-stack JVM shows as [::ffff:127.0.0.1]
  lines=$(ss -Hltn "sport = :$1" 2>/dev/null | awk '{print $4}' | sed 's/^\[::ffff:\(.*\)\]:/\1:/')
  [ -n "$lines" ] || { log "nothing listens on grid port $1"; return 1; }
  if grep -qv "^127\.0\.0\.1:$1\$" <<< "$lines"; then log "grid port $1 is bound to: $(echo $lines)"; return 1; fi
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

progress_percent() { # JOB_URL -> percent of the work done (jobInfo done/total: estimated core-ms, shown only while
  # EXECUTING; a COMPLETED job has done it all)
  local doc done total; doc=$(curl -s "$1" | tr -d '\n')
  case "$doc" in *'<uws:phase>COMPLETED</uws:phase>'*) echo 100; return;; esac
  done=$(sed -n 's/.*[[:space:]]done="\([0-9][0-9]*\)".*/\1/p' <<<"$doc" | head -n 1)
  total=$(sed -n 's/.*[[:space:]]total="\([0-9][0-9]*\)".*/\1/p' <<<"$doc" | head -n 1)
  if [ -n "$done" ] && [ -n "$total" ] && [ "$total" -gt 0 ]; then echo $(( done * 100 / total )); else echo 0; fi
}

wait_progress() { # JOB_URL PERCENT
  for _ in $(seq 1 600); do
    d=$(progress_percent "$1"); d=${d:-0}
    [ "$d" -ge "$2" ] && { log "job at $d% of its work"; return 0; }
    sleep 0.5
  done
  fail "job $1 did not reach $2% of its work"
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
