#!/usr/bin/env bash
# Wall and CPU time of the first-start demo classification through the service (docs/benchmarks.md, "Demo fields at
# paper precision"): starts the service on a scratch H2 directory with the demo on, then polls TAP's
# muwclass.demo_runs every POLL seconds until both fields are COMPLETED (or failed), printing each field's phase and
# progress, the seconds since /availability said up, and the service JVM's CPU seconds (user + sys, start-up
# included). /availability must answer while the demo runs: its latency is printed at every poll.
# Usage: scripts/bench/demo-service.sh [OUTFILE]          (default: /tmp/demo-service.txt)
# Settings: the muwclass.demo.* properties as MUWCLASS_DEMO_* (default: the paper-precision defaults), e.g. the
# pre-issue-15 demo: MUWCLASS_DEMO_DRAWS=20 MUWCLASS_DEMO_TARGETS_PER_FOREST=1 MUWCLASS_DEMO_EBV_GRID=0
#   POLL=15 seconds between polls; LIMIT=7200 seconds before giving up; HEAP=2g
# Needs: mvn -B -o -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-/tmp/demo-service.txt}
export MUWCLASS_DEMO_PUBLISH=true HEAP=${HEAP:-2g} POLL=${POLL:-15} LIMIT=${LIMIT:-7200} OUT
exec scripts/with-service.sh bash -c '
  set -euo pipefail
  up=$(date +%s)
  jvm=$(pgrep -f -P "$SERVICE_PID" java 2>/dev/null | head -1 || true)
  [ -n "$jvm" ] || jvm=$SERVICE_PID
  tick=$(getconf CLK_TCK)
  cpu() { awk -v t="$tick" "{printf \"%.0f\", (\$14 + \$15) / t}" "/proc/$jvm/stat"; }
  query="SELECT field, phase, progress, sources, settings FROM muwclass.demo_runs ORDER BY field"
  echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d" " -f1-3 /proc/loadavg); service up; JVM CPU $(cpu) s;" \
    "settings from MUWCLASS_DEMO_*: $(env | grep ^MUWCLASS_DEMO_ | sort | tr "\n" " ")" | tee -a "$OUT"
  while :; do
    sleep "$POLL"
    t0=$(date +%s%N)
    curl -sf -o /dev/null "$SERVICE_URL/availability" || echo "availability FAILED" | tee -a "$OUT"
    avail_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    rows=$(curl -sf --data-urlencode "QUERY=$query" -d REQUEST=doQuery -d LANG=ADQL -d RESPONSEFORMAT=csv \
      "$TAP_URL/sync" | tail -n +2 | tr -d "\r")
    now=$(( $(date +%s) - up ))
    echo "t=${now}s cpu=$(cpu)s load=$(cut -d" " -f1 /proc/loadavg) availability=${avail_ms}ms | $(echo "$rows" | cut -d, -f1-4 | tr "\n" " ")" | tee -a "$OUT"
    done=$(echo "$rows" | grep -c ",COMPLETED," || true)
    failed=$(echo "$rows" | grep -cE ",(ERROR|ABORTED)," || true)
    if [ "$done" -ge 2 ] || [ "$failed" -gt 0 ] || [ "$now" -gt "$LIMIT" ]; then break; fi
  done
  echo "$rows" | sed "s/^/  /" | tee -a "$OUT"
  grep -E "Demo field .*(queued|published|classified sources)" "$SERVICE_DATA/service.log" | sed "s/^/  log: /" \
    | tee -a "$OUT" || true
  echo "# $(date -u +%FT%TZ) done after ${now}s, JVM CPU $(cpu) s, load $(cut -d" " -f1-3 /proc/loadavg)" | tee -a "$OUT"
'
