#!/usr/bin/env bash
# Cluster acceptance test (docs/cluster.md): PostgreSQL plus two Payara Micro members on loopback that share one
# database and one data directory and form a data grid (TCP/IP member list, multicast off).
#   1. a job accepted by m1 runs on both members; m2 is killed (kill -9) mid-job; the job completes on m1.
#   2. m2 is started again; a job accepted by m1 runs; m1 is killed mid-job; m2 takes the job over and completes it.
#   3. a single instance (--nohazelcast, embedded H2, its own data directory) runs the same job.
# The members run as docs/cluster.md says a cluster must ("Securing the data grid port"): grid on 127.0.0.1 only
# (checked with ss), a random cluster name, the JVM deserialization filter.
# Checks: both members ran units before the kill (provenance INFO cluster_units_by_member), the jobs complete, and
# both cluster results equal the single-instance result value for value (the VOTable data, INFOs aside).
# Needs target/muwclass-vo.war and target/payara-micro.jar (mvn package), PostgreSQL 15 (scripts/start-postgres.sh),
# curl and /usr/bin/python3 with astropy. Ports: HTTP 18181-18183, grid 26900-26901 (override with CLUSTER_*).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
P1=${CLUSTER_HTTP1:-18181}
P2=${CLUSTER_HTTP2:-18182}
P3=${CLUSTER_HTTP3:-18183}
HZ=${CLUSTER_GRID_PORT:-26900}
PGPORT=${PGPORT:-5499}
DB=muwclass_cluster_test
DRAWS=${CLUSTER_DRAWS:-24}
TREES=${CLUSTER_TREES:-10}
KILL_AT=${CLUSTER_KILL_AT_PERCENT:-25}   # % of the job's work done when a member is killed
WORK=$(mktemp -d /tmp/muwclass-cluster.XXXXXX)
PIDS=()

log() { echo "cluster.sh [$(date +%H:%M:%S)] $*"; }
fail() { log "FAIL: $*"; for f in "$WORK"/*.log; do echo "---- tail of $f"; tail -n 40 "$f"; done; exit 1; }
cleanup() {
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  if [ -z "${CLUSTER_KEEP:-}" ]; then rm -rf "$WORK"; else log "kept $WORK"; fi
}
trap cleanup EXIT

[ -f target/muwclass-vo.war ] && [ -f target/payara-micro.jar ] || mvn -B -q -DskipTests package
./scripts/start-postgres.sh >/dev/null
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -q -d postgres \
  -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER tap"
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -q -d "$DB" \
  -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS pg_sphere; CREATE EXTENSION IF NOT EXISTS q3c;"

mkdir -p "$WORK/shared" "$WORK/single"
echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1" \
  > "$WORK/preboot.asadmin"
# 30 sources of the training set as the input; E(B-V) none: one task, DRAWS units of one forest each
head -n 31 src/main/resources/muwclass/TD.csv > "$WORK/input.csv"

JOB_THREADS=1 UNIT_THREADS=1
. scripts/lib/cluster-common.sh

# ---------------------------------------------------------------- 1: a worker member dies
start_member m1 "$P1"; wait_ready "$P1" m1
start_member m2 "$P2"; wait_ready "$P2" m2
grep -q "Members {size:2" "$WORK/m2.log" || sleep 3
grid_bound_privately "$HZ" && grid_bound_privately "$((HZ + 1))" || fail "the data grid listens beyond 127.0.0.1"
log "grid ports $HZ and $((HZ + 1)) listen on 127.0.0.1 only; cluster name and deserialization filter set"
JOB1=$(submit "$P1"); [ -n "$JOB1" ] || fail "no job created on m1"
log "job 1: $JOB1"
wait_progress "$JOB1" "$KILL_AT"
kill -9 "$PID_m2"; wait "$PID_m2" 2>/dev/null || true; log "killed m2 (pid $PID_m2)"
wait_phase "$JOB1" COMPLETED 600
curl -sf "$JOB1/results/result" -o "$WORK/job1.vot" || fail "no result for job 1"
log "job 1 COMPLETED"

# ---------------------------------------------------------------- 2: the accepting member dies
start_member m2 "$P2"; wait_ready "$P2" m2
sleep 2
JOB2=$(submit "$P1"); [ -n "$JOB2" ] || fail "no job created on m1"
JOB2_ON_M2=${JOB2/:$P1\//:$P2\/}
log "job 2: $JOB2"
wait_progress "$JOB2" "$KILL_AT"
kill -9 "$PID_m1"; wait "$PID_m1" 2>/dev/null || true; log "killed m1 (pid $PID_m1), the member that accepted job 2"
wait_phase "$JOB2_ON_M2" COMPLETED 600
curl -sf "$JOB2_ON_M2/results/result" -o "$WORK/job2.vot" || fail "no result for job 2"
grep -q "takes it over" "$WORK/m2.log" || fail "m2 did not log a takeover"
log "job 2 COMPLETED on m2 after the takeover"
kill -9 "$PID_m2" 2>/dev/null || true; wait "$PID_m2" 2>/dev/null || true

# ---------------------------------------------------------------- 3: single instance reference
start_single; wait_ready "$P3" single
JOB3=$(submit "$P3"); [ -n "$JOB3" ] || fail "no job created on the single instance"
wait_phase "$JOB3" COMPLETED 900
curl -sf "$JOB3/results/result" -o "$WORK/single.vot" || fail "no result for the single instance"
log "single-instance job COMPLETED"

/usr/bin/python3 - "$WORK" <<'PY' || fail "results differ"
import sys
import numpy as np
from astropy.io.votable import parse
work = sys.argv[1]

def load(name):
    vot = parse(f"{work}/{name}.vot")
    infos = {i.name: i.value for r in vot.resources for i in r.infos}
    infos.update({i.name: i.value for i in vot.infos})
    return vot.get_first_table().array, infos

ref, _ = load("single")
for name in ("job1", "job2"):
    arr, infos = load(name)
    by_member = infos.get("cluster_units_by_member", "")
    print(f"{name}: units by member {by_member}; queued again {infos.get('cluster_units_requeued')}")
    assert arr.dtype.names == ref.dtype.names, "columns differ"
    assert len(arr) == len(ref), "row counts differ"
    for col in ref.dtype.names:
        a, b = np.asarray(arr[col]), np.asarray(ref[col])
        if a.dtype.kind == "f":
            same = np.array_equal(a.view(np.uint64 if a.dtype.itemsize == 8 else np.uint32),
                                  b.view(np.uint64 if b.dtype.itemsize == 8 else np.uint32))
        else:
            same = (a == b).all()
        assert same, f"{name}: column {col} differs from the single-instance run"
    members = [m for m in by_member.split(",") if m]
    assert len(members) == 2, f"{name}: expected units run on two members, got {by_member!r}"
print("cluster results equal the single-instance result bit for bit")
PY
log "PASS"
