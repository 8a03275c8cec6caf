#!/usr/bin/env bash
# End-to-end benchmark (docs/benchmarks.md): features of the two demo fields and the synthetic 2,000-source
# Galactic-plane field, then `muwclass classify` on each and a 10-fold cross-validation, each under /usr/bin/time -v
# (wall time, CPU time, peak RSS), with the load average before and after. Summary in OUTDIR/summary.txt.
# Usage: scripts/bench/e2e.sh OUTDIR [STEP...]     STEP: NGC3532 IC2395 synthetic2000 cv10 (default: all four)
# Settings (environment):
#   EQ_DRAWS=1000  classify with --equivalent-draws EQ_DRAWS (or DRAWS=N for --draws N instead)
#   M=20           --targets-per-forest of classify
#   GRID=0.1       --ebv-grid of classify: relative step of the E(B-V) grid (0 = the paper's 0.025 mag bins)
#   CV_DRAWS=100 CV_M=1 CV_REDDENING=none   --draws, --targets-per-forest, --reddening of the cross-validation
#   THREADS=2 SEED=1
# Needs: mvn -B -o -q -DskipTests package && mvn -B -o -q -Pbench test-compile
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:?usage: e2e.sh OUTDIR [NGC3532 IC2395 synthetic2000 cv10]}
shift
STEPS=${*:-NGC3532 IC2395 synthetic2000 cv10}
M=${M:-20}; GRID=${GRID:-0.1}; THREADS=${THREADS:-2}; SEED=${SEED:-1}
CV_DRAWS=${CV_DRAWS:-100}; CV_M=${CV_M:-1}; CV_REDDENING=${CV_REDDENING:-none}
if [ -n "${DRAWS:-}" ]; then amount=(--draws "$DRAWS"); else amount=(--equivalent-draws "${EQ_DRAWS:-1000}"); fi
mkdir -p "$OUT"
D=$ROOT/src/main/resources/muwclass/demo
timed() { # name, command...
  local name=$1; shift
  echo "== $name: $*" | tee -a "$OUT/summary.txt"
  echo "   before: $(cat /proc/loadavg)" | tee -a "$OUT/summary.txt"
  /usr/bin/time -v "$@" > "$OUT/$name.out" 2> "$OUT/$name.err" || { echo "   FAILED (see $OUT/$name.err)" | tee -a "$OUT/summary.txt"; return 0; }
  grep -E "plan:|classified in|sources: accuracy" "$OUT/$name.err" "$OUT/$name.out" | sed 's/^/   /' | tee -a "$OUT/summary.txt" || true
  grep -E "Elapsed \(wall|User time|System time|Maximum resident" "$OUT/$name.err" | sed 's/^\s*/   /' | tee -a "$OUT/summary.txt"
  echo "   after:  $(cat /proc/loadavg)" | tee -a "$OUT/summary.txt"
}
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1); settings: ${amount[*]} M=$M GRID=$GRID" \
  "THREADS=$THREADS SEED=$SEED CV_DRAWS=$CV_DRAWS CV_M=$CV_M CV_REDDENING=$CV_REDDENING" | tee -a "$OUT/summary.txt"
for f in NGC3532 IC2395; do
  [ -f "$OUT/$f.csv" ] || "$ROOT/scripts/muwclass" features --per "$D/$f/${f}_per.csv" --gaia "$D/$f/${f}_gaia.csv" \
    --2mass "$D/$f/${f}_2mass.csv" --allwise "$D/$f/${f}_allwise.csv" --catwise "$D/$f/${f}_catwise.csv" \
    --unwise "$D/$f/${f}_unwise.csv" --output "$OUT/$f.csv" > /dev/null 2>&1
done
[ -f "$OUT/synthetic2000.csv" ] || "$ROOT/scripts/bench/bench.sh" synthetic-field "$OUT/synthetic2000.csv" 2000 1 2>/dev/null | tee -a "$OUT/summary.txt"
for step in $STEPS; do
  case "$step" in
    cv10)
      timed cv10 "$ROOT/scripts/muwclass" evaluate --folds 10 --draws "$CV_DRAWS" --targets-per-forest "$CV_M" \
        --reddening "$CV_REDDENING" --threads "$THREADS" --seed "$SEED" --output-dir "$OUT/cv10" ;;
    *)
      timed "classify-$step" "$ROOT/scripts/muwclass" classify --input "$OUT/$step.csv" \
        --output "$OUT/${step}_class.csv" "${amount[@]}" --targets-per-forest "$M" --ebv-grid "$GRID" \
        --threads "$THREADS" --seed "$SEED" ;;
  esac
done
