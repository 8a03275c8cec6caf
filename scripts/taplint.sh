#!/usr/bin/env bash
# STILTS taplint against the TAP service; fails unless it reports 0 errors, 0 warnings and 0 failures (taplint itself
# exits 0 either way). The data-model stages OBS (ObsCore) and LOC (ObsLocTAP) run only when the capabilities claim
# that data model: taplint's LOC stage otherwise fails on the missing ivoa.obsplan table.
#   scripts/taplint.sh                          start a fresh service on a free port and check it
#   scripts/taplint.sh http://host:port/tap     check a running service
# The full report is kept in target/taplint-report.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  exec ./scripts/with-service.sh bash -c './scripts/taplint.sh "$TAP_URL"'
fi
command -v stilts >/dev/null || { echo "taplint: stilts is not installed (apt-get install stilts)" >&2; exit 1; }
mkdir -p target
REPORT=target/taplint-report.txt
CAPS=$(curl -sf "$1/capabilities")
STAGES=""
claims() { grep -q "dataModel[^>]*ivoId=\"ivo://ivoa.net/std/$1" <<<"$CAPS"; }
if ! claims ObsCore; then STAGES="$STAGES -OBS"; echo "taplint: skipping stage OBS (the service claims no ObsCore data model)"; fi
if ! claims ObsLocTAP; then STAGES="$STAGES -LOC"; echo "taplint: skipping stage LOC (the service claims no ObsLocTAP data model)"; fi
stilts taplint tapurl="$1" ${STAGES:+stages="${STAGES# }"} > "$REPORT" 2>&1 || true
TOTALS=$(grep '^Totals:' "$REPORT" || true)
echo "taplint $1: ${TOTALS:-no totals line}"
count() { sed -n "s/^Totals:.* $1: \([0-9][0-9]*\).*/\1/p" "$REPORT"; }
if [ "$(count Errors)" != 0 ] || [ "$(count Warnings)" != 0 ] || [ "$(count Failures)" != 0 ]; then
  grep -E '^[EWF]-' "$REPORT" >&2 || tail -20 "$REPORT" >&2
  exit 1
fi
