#!/usr/bin/env bash
# Benchmarks (docs/benchmarks.md): the mains in src/bench/java, compiled only in the Maven profile `bench`.
# Needs: mvn -B -o -q -DskipTests package && mvn -B -o -q -Pbench test-compile
#   scripts/bench/bench.sh draw [rounds] [trees] [learners...]   one pipeline training draw on the TD, side by side
#   scripts/bench/bench.sh fit [rounds] [warmups] [trees] [td|synthetic] [bins,bins...] [nosklearn]   ForestFitBenchmark: fastrf
#       (histogram and exact) vs Weka rf vs scikit-learn (scripts/bench/sklearn_fit.py), 11120 x 29; pin with taskset -c 1
#   scripts/bench/bench.sh fidelity [DIR] [seeds] [folds]       SklearnFidelity export, then scripts/bench/sklearn_fidelity.py DIR:
#       SMOTE vs imblearn, fastrf/Weka vs sklearn RandomForestClassifier (docs/evaluation.md "Checked against scikit-learn")
#   scripts/bench/bench.sh convergence [args]                    shared-forest vs full protocol (ConvergenceStudy)
#   scripts/bench/bench.sh synthetic-field OUT.csv [n] [seed]    writes the synthetic Galactic-plane field
#   scripts/bench/bench.sh GalacticPlaneFields OUT.csv [n] [fields] [seed]   issue 15's 2,000-source, 32-field plane table
#   scripts/bench/bench.sh CostCalibration [threads] [repeats]   per-forest CPU for muwclass.work.forest.seconds
#   scripts/bench/bench.sh QuantileError FIELD.csv [eq] [M] [grid] [threads]   bounded vs exact quantiles on a real run
#   scripts/bench/bench.sh CLASS [args]                          any other main in org.muwclass.bench (a dotted name: any class)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
[ -f "$ROOT/target/test-classes/org/muwclass/bench/Bench.class" ] || { echo "bench: run 'mvn -B -o -q -DskipTests package && mvn -B -o -q -Pbench test-compile' first" >&2; exit 1; }
what=${1:?usage: bench.sh draw|fit|convergence|synthetic-field|CLASS [args]}; shift
case "$what" in
  draw) main=org.muwclass.bench.DrawCostBenchmark ;;
  fit) main=org.muwclass.bench.ForestFitBenchmark ;;
  convergence) main=org.muwclass.bench.ConvergenceStudy ;;
  fidelity)
    dir=${1:-$ROOT/target/sklearn-fidelity}
    "$0" SklearnFidelity "$dir" "${2:-1,2,3}" "${3:-10}"
    exec "${PYTHON:-/usr/bin/python3}" "$ROOT/scripts/bench/sklearn_fidelity.py" "$dir" ;;
  synthetic-field) main=org.muwclass.bench.SyntheticField ;;
  *.*) main=$what ;;
  *) main=org.muwclass.bench.$what ;;
esac
exec "${JAVA:-java}" -Xmx"${HEAP:-4g}" ${JAVA_OPTS:-} -DWEKA_HOME="$ROOT/target/wekafiles" -Dweka.packageManager.offline=true \
  -Djava.awt.headless=true -Dbench.root="$ROOT" -cp "$ROOT/target/classes:$ROOT/target/test-classes:$ROOT/target/lib/*" \
  "$main" "$@"
