#!/usr/bin/env bash
# Benchmarks (docs/benchmarks.md). Needs: mvn -B -o -q -DskipTests package && mvn -B -o -q test-compile
#   scripts/bench.sh draw [rounds] [trees] [learners...]   one pipeline training draw on the TD, side by side
#   scripts/bench.sh fit [rounds] [warmups] [trees] [td|synthetic] [bins,bins...] [nosklearn]   ForestFitBenchmark: fastrf
#       (histogram and exact) vs Weka rf vs scikit-learn (scripts/bench/sklearn_fit.py), 11120 x 29; pin with taskset -c 1
#   scripts/bench.sh convergence [args]                    shared-forest vs full protocol (ConvergenceStudy)
#   scripts/bench.sh synthetic-field OUT.csv [n] [seed]    writes the synthetic Galactic-plane field
#   scripts/bench.sh GalacticPlaneFields OUT.csv [n] [fields] [seed]   issue 15's 2,000-source, 32-field plane table
#   scripts/bench.sh CostCalibration [threads] [repeats]   per-forest CPU for muwclass.work.forest.seconds
#   scripts/bench.sh QuantileError FIELD.csv [eq] [M] [grid] [threads]   bounded vs exact quantiles on a real run
#   scripts/bench.sh CLASS [args]                          any other main in org.muwclass.bench
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
[ -d "$ROOT/target/test-classes/org/muwclass/bench" ] || { echo "bench: run 'mvn -B -o -q -DskipTests package && mvn -B -o -q test-compile' first" >&2; exit 1; }
what=${1:?usage: bench.sh draw|fit|convergence|synthetic-field|CLASS [args]}; shift
case "$what" in
  draw) main=DrawCostBenchmark ;;
  fit) main=ForestFitBenchmark ;;
  convergence) main=ConvergenceStudy ;;
  synthetic-field) main=SyntheticField ;;
  *) main=$what ;;
esac
exec "${JAVA:-java}" -Xmx"${HEAP:-4g}" ${JAVA_OPTS:-} -DWEKA_HOME="$ROOT/target/wekafiles" -Dweka.packageManager.offline=true \
  -Djava.awt.headless=true -Dbench.root="$ROOT" -cp "$ROOT/target/classes:$ROOT/target/test-classes:$ROOT/target/lib/*" \
  "org.muwclass.bench.$main" "$@"
