#!/usr/bin/python3
"""Times scikit-learn's RandomForestClassifier on a matrix exported by the Java benchmark (ForestFitBenchmark).

The forest is the paper's: RandomForestClassifier(n_estimators=100, max_features=5, n_jobs=1, criterion='gini',
bootstrap=True), unlimited depth. Input: a CSV of the training matrix, features then the class index in the last
column (NaN = missing; sklearn < 1.4 refuses NaN, so missing values become the lowest float32, which goes left at
every split as in the Java forests), and optionally a test CSV of the same layout.

Two modes:
  sklearn_fit.py TRAIN.csv [TEST.csv] --serve [--trees N]
      reads commands from standard input, one per line: 'fit SEED' fits one forest and prints
      'fit WALL_S CPU_S ACCURACY' (accuracy on TEST.csv, or nan); 'quit' ends. The Java benchmark interleaves
      these fits with its own, so load from other processes hits all alike.
  sklearn_fit.py TRAIN.csv [TEST.csv] [--rounds R] [--trees N]
      fits R forests (seeds 10, 11, ...) and prints each time and the median.
Run it pinned to one core (taskset -c 1), as the Java side is.
"""
import argparse
import os
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestClassifier


def load(path):
    data = np.loadtxt(path, delimiter=",", dtype=np.float64)
    x = data[:, :-1]
    y = data[:, -1].astype(np.int64)
    x = np.where(np.isnan(x), np.finfo(np.float32).min, x)
    return x, y


def fit_once(x, y, tx, ty, trees, seed):
    forest = RandomForestClassifier(n_estimators=trees, max_features=5, n_jobs=1, criterion="gini",
                                    bootstrap=True, random_state=seed)
    c0 = time.process_time()
    t0 = time.perf_counter()
    forest.fit(x, y)
    t1 = time.perf_counter()
    c1 = time.process_time()
    accuracy = float("nan")
    if tx is not None:
        accuracy = float(np.mean(forest.predict(tx) == ty))
    return t1 - t0, c1 - c0, accuracy


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("train")
    parser.add_argument("test", nargs="?")
    parser.add_argument("--serve", action="store_true")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--trees", type=int, default=100)
    args = parser.parse_args()
    x, y = load(args.train)
    tx, ty = load(args.test) if args.test else (None, None)
    affinity = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    print("ready sklearn %s numpy %s python %s, %d x %d, cpus %s" % (sklearn.__version__, np.__version__,
          sys.version.split()[0], x.shape[0], x.shape[1], ",".join(map(str, affinity))), flush=True)
    if args.serve:
        for line in sys.stdin:
            words = line.split()
            if not words or words[0] == "quit":
                break
            if words[0] == "fit":
                wall, cpu, accuracy = fit_once(x, y, tx, ty, args.trees, int(words[1]))
                print("fit %.6f %.6f %.6f" % (wall, cpu, accuracy), flush=True)
            else:
                print("error unknown command %r" % words[0], flush=True)
        return
    walls = []
    for r in range(args.rounds):
        wall, cpu, accuracy = fit_once(x, y, tx, ty, args.trees, 10 + r)
        walls.append(wall)
        print("round %d fit wall %.3f s, cpu %.3f s, test accuracy %.4f" % (r + 1, wall, cpu, accuracy), flush=True)
    print("median fit wall %.3f s" % statistics.median(walls))


if __name__ == "__main__":
    main()
