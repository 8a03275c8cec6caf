#!/usr/bin/env bash
# End-to-end benchmark (docs/benchmarks.md): features of the two demo fields, the synthetic 2,000-source
# Galactic-plane field, then `muwclass classify` on each and a 10-fold cross-validation, each under /usr/bin/time -v
# (wall time, CPU time, peak RSS), with the load average before and after.
# Usage: scripts/bench-e2e.sh OUTDIR [DRAWS] [M] [CV_DRAWS] [CV_M] [THREADS]
#   DRAWS/M: values per source and target realisations per forest for classify (forests per bin = DRAWS/M)
#   CV_DRAWS/CV_M: the same for `evaluate --folds 10`
# Needs: mvn -B -o -q -DskipTests package && mvn -B -o -q test-compile
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:?usage: bench-e2e.sh OUTDIR [DRAWS] [M] [CV_DRAWS] [CV_M] [THREADS]}
DRAWS=${2:-1000}; M=${3:-10}; CV_DRAWS=${4:-100}; CV_M=${5:-10}; THREADS=${6:-2}
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
for f in NGC3532 IC2395; do
  [ -f "$OUT/$f.csv" ] || "$ROOT/scripts/muwclass" features --per "$D/$f/${f}_per.csv" --gaia "$D/$f/${f}_gaia.csv" \
    --2mass "$D/$f/${f}_2mass.csv" --allwise "$D/$f/${f}_allwise.csv" --catwise "$D/$f/${f}_catwise.csv" \
    --unwise "$D/$f/${f}_unwise.csv" --output "$OUT/$f.csv" > /dev/null 2>&1
done
[ -f "$OUT/synthetic2000.csv" ] || "$ROOT/scripts/bench.sh" synthetic-field "$OUT/synthetic2000.csv" 2000 1 2>/dev/null | tee -a "$OUT/summary.txt"
for f in NGC3532 IC2395 synthetic2000; do
  timed "classify-$f" "$ROOT/scripts/muwclass" classify --input "$OUT/$f.csv" --output "$OUT/${f}_class.csv" \
    --draws "$DRAWS" --targets-per-forest "$M" --threads "$THREADS" --seed 1
done
timed cv10 "$ROOT/scripts/muwclass" evaluate --folds 10 --draws "$CV_DRAWS" --targets-per-forest "$CV_M" \
  --threads "$THREADS" --seed 1 --output-dir "$OUT/cv10"
