#!/usr/bin/env bash
# STILTS taplint against the TAP service; fails unless it reports 0 errors (taplint itself exits 0 either way).
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
stilts taplint tapurl="$1" > "$REPORT" 2>&1 || true
TOTALS=$(grep '^Totals:' "$REPORT" || true)
echo "taplint $1: ${TOTALS:-no totals line}"
ERRORS=$(sed -n 's/^Totals: Errors: \([0-9][0-9]*\);.*/\1/p' "$REPORT")
if [ "$ERRORS" != 0 ]; then
  grep -E '^E-' "$REPORT" >&2 || tail -20 "$REPORT" >&2
  exit 1
fi
