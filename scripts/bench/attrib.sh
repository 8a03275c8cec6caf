#!/usr/bin/env bash
# Issue 14 item 2: the CT-gap attribution grid (docs/evaluation.md, "Attribution of the CT gap").
# Each cell is one run of org.muwclass.bench.CtGapAttribution: cross-validation of the shipped TD with the evaluate
# command's settings (--reddening none, fastrf, 100 trees, CT >= 2) under one protocol (10-fold, 50-fold, or
# leave-one-out of a fixed stratified subset of 8 sources per class (64 sources) with the rest of the TD always trained on),
# X-ray noise model and seed, scored at nested draw counts (the first n draws of the same run).
# Needs: mvn -B -o -q -DskipTests package && mvn -B -o -q -Pbench test-compile
# Usage: scripts/bench/attrib.sh [OUT_DIR] [CELL_FILTER]   (CELL_FILTER: a grep -E pattern on the cell names)
#   env THREADS (2), NICE (10), PER_CLASS (8). Cells already in OUT_DIR/summary.tsv are skipped, so a stopped grid resumes.
# Forests per cell: 10-fold x D draws 10 D; 50-fold x 10 draws 500; leave-one-out of 64 sources x 10 draws 640.
# About 0.35 s of CPU per forest; the whole grid (5,520 forests) is ~30 CPU-minutes (hours of wall time on a busy
# shared machine: the cells run in order of information per forest, and the grid can be stopped and resumed).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-$ROOT/docs/bench-results/2026-12-08/attrib}
FILTER=${2:-.}
mkdir -p "$OUT"
# protocol noise seed draws prefixes, in the order they run (most informative first)
cells=(
  "paper shared 0 2 2"
  "10 shared 1 50 10,20,50"
  "50 shared 1 10 10"
  "10 independent 1 20 10,20"
  "loo shared 1 10 10"
  "10 shared 2 50 10,20,50"
  "50 shared 2 10 10"
  "10 independent 2 20 10,20"
  "50 independent 1 10 10"
  "loo shared 2 10 10"
  "loo independent 1 10 10"
  "10 shared 3 20 10,20"
  "50 shared 3 10 10"
)
for c in "${cells[@]}"; do
  read -r protocol noise seed draws prefixes <<<"$c"
  name=$([ "$protocol" = paper ] && echo paper || echo "$protocol-$noise-s$seed-d$draws")
  echo "$name" | grep -Eq -- "$FILTER" || continue
  if [ -f "$OUT/summary.tsv" ] && cut -f1 "$OUT/summary.tsv" | grep -qx -- "$name"; then
    echo "skip $name (in summary.tsv)"; continue
  fi
  echo "run $name $(date -u +%H:%M:%S)"
  nice -n "${NICE:-10}" "$ROOT/scripts/bench/bench.sh" CtGapAttribution "$OUT" "$protocol" "$noise" "$seed" \
    "$draws" "$prefixes" "${THREADS:-2}" "${PER_CLASS:-8}" >>"$OUT/console.log" 2>&1
done
