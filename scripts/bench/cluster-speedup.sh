#!/usr/bin/env bash
# Benchmark (docs/cluster.md): one classification job on a single instance (--nohazelcast, the default) and on a
# two-member cluster (same machine, PostgreSQL, shared data directory), default thread settings on both. Prints the
# wall time of each (job startTime to endTime), the speed-up and the measured cost of one work unit.
#   SOURCES (30) input rows from the training set, DRAWS (24) units (E(B-V) none: one unit per draw), TREES (100)
set -euo pipefail
cd "$(dirname "$0")/../.."
P1=${CLUSTER_HTTP1:-18181}; P2=${CLUSTER_HTTP2:-18182}; P3=${CLUSTER_HTTP3:-18183}
HZ=${CLUSTER_GRID_PORT:-26900}; PGPORT=${PGPORT:-5499}; DB=muwclass_cluster_bench
SOURCES=${SOURCES:-30}; DRAWS=${DRAWS:-24}; TREES=${TREES:-100}; HEAP=${HEAP:-2g}
WORK=$(mktemp -d /tmp/muwclass-bench.XXXXXX)
PIDS=()
log() { echo "cluster-speedup [$(date +%H:%M:%S)] $*"; }
fail() { log "FAIL: $*"; exit 1; }
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 2;
            for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
. scripts/lib/cluster-common.sh

[ -f target/muwclass-vo.war ] && [ -f target/payara-micro.jar ] || mvn -B -q -DskipTests package
./scripts/start-postgres.sh >/dev/null
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -q -d postgres \
  -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER tap" 2>/dev/null
mkdir -p "$WORK/shared" "$WORK/single"
echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1" \
  > "$WORK/preboot.asadmin"
head -n $((SOURCES + 1)) src/main/resources/muwclass/TD.csv > "$WORK/input.csv"
CORES=$(nproc)

start_single; wait_ready "$P3" single
JOB=$(submit "$P3"); wait_phase "$JOB" COMPLETED 3600
T1=$(job_seconds "$JOB"); log "single instance: $DRAWS units in $T1 s"
kill "$PID_single"; sleep 3

start_member m1 "$P1"; wait_ready "$P1" m1
start_member m2 "$P2"; wait_ready "$P2" m2
sleep 3
JOB=$(submit "$P1"); wait_phase "$JOB" COMPLETED 3600
T2=$(job_seconds "$JOB"); log "two members: $DRAWS units in $T2 s"
curl -s "$JOB/results/result" | grep -o 'cluster_units_by_member[^>]*' || true

/usr/bin/python3 - "$T1" "$T2" "$DRAWS" "$CORES" "$SOURCES" "$TREES" <<'PY'
import sys
t1, t2, units, cores, sources, trees = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), \
    int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
print(f"machine: {cores} cores; job: {sources} sources, {units} units (1 forest of {trees} trees each)")
print(f"single instance {t1:.1f} s, two members {t2:.1f} s, speed-up {t1 / t2:.2f}x")
print(f"per unit: {t1 / units:.2f} s wall on {cores} cores = {t1 * cores / units:.2f} core-seconds")
PY
