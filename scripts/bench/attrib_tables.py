#!/usr/bin/env python3
"""Tables of the CT-gap attribution grid (docs/evaluation.md, "Attribution of the CT gap").

Reads OUT_DIR/summary.tsv and OUT_DIR/subset.csv written by scripts/bench/attrib.sh, scores the committed 10-fold
runs (docs/evaluation/cv10-*/predictions.csv) on the whole TD and on the same subset, and prints markdown tables:
per cell, and the paired differences per factor (draws, folds, noise model) with their spread over seeds.

Usage: scripts/bench/attrib_tables.py [OUT_DIR]   (default docs/bench-results/2026-12-08/attrib)
"""
import csv
import os
import statistics
import sys

from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score, matthews_corrcoef

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "docs/bench-results/2026-12-08/attrib")
CLASSES = ["AGN", "CV", "HM-STAR", "HMXB", "LM-STAR", "LMXB", "NS", "YSO"]
# committed full-TD 10-fold runs of the same code path (docs/evaluation.md §1 and §4): (noise, seed, draws, dir)
COMMITTED = [
    ("independent", 1, 100, "docs/evaluation/cv10-draws100"),
    ("shared", 1, 100, "docs/evaluation/cv10-draws100-shared-seed1"),
    ("shared", 2, 100, "docs/evaluation/cv10-draws100-shared-seed2"),
    ("shared", 1, 10, "docs/evaluation/cv10-draws10-shared-seed1"),
]


def score(rows, td_weights):
    """rows: (true, pred, ct) -> dict of the summary.tsv statistics (percent)."""
    y = [r[0] for r in rows]
    p = [r[1] for r in rows]
    kept = [r[2] >= 2 for r in rows]
    comp = {}
    for c in CLASSES:
        members = [k for k, t in zip(kept, y) if t == c]
        comp[c] = 100.0 * sum(members) / len(members) if members else float("nan")
    present = [c for c in CLASSES if comp[c] == comp[c]]
    return {
        "n": len(rows), "n_ct2": sum(kept),
        "acc": 100 * accuracy_score(y, p), "ba": 100 * balanced_accuracy_score(y, p),
        "f1": 100 * f1_score(y, p, average="macro", labels=sorted(set(y)), zero_division=0),
        "mcc": 100 * matthews_corrcoef(y, p),
        "completeness": 100.0 * sum(kept) / len(rows),
        "bal_completeness": statistics.fmean(comp[c] for c in present),
        "completeness_td_weighted": sum(td_weights[c] * comp[c] for c in present),
        **{"comp_" + c: comp[c] for c in CLASSES},
    }


def load():
    cells = []
    with open(os.path.join(OUT, "summary.tsv")) as f:
        for r in csv.DictReader(f, delimiter="\t"):
            for k in list(r):
                if k not in ("cell", "protocol", "noise", "scope"):
                    r[k] = float(r[k])
            r["learner"] = "fastrf"
            cells.append(r)
    with open(os.path.join(OUT, "subset.csv")) as f:
        subset = {r["name"] for r in csv.DictReader(f)}
    td_counts = {}
    for path in [COMMITTED[1][3]]:
        with open(os.path.join(ROOT, path, "predictions.csv")) as f:
            for r in csv.DictReader(f):
                td_counts[r["true_Class"]] = td_counts.get(r["true_Class"], 0) + 1
    total = sum(td_counts.values())
    weights = {c: td_counts[c] / total for c in CLASSES}
    for noise, seed, draws, path in COMMITTED:
        with open(os.path.join(ROOT, path, "predictions.csv")) as f:
            pred = list(csv.DictReader(f))
        for scope in ("all", "subset"):
            rows = [(r["true_Class"], r["Class"], float(r["CT"])) for r in pred
                    if scope == "all" or r["name"] in subset]
            s = score(rows, weights)
            s.update(cell="committed " + os.path.basename(path), protocol="10", noise=noise, seed=seed,
                     draws=draws, scope=scope, learner="fastrf-exact")
            cells.append(s)
    return cells


def label(r):
    if r["protocol"] == "paper-loo":
        return "paper (LOO, 1000 draws)"
    proto = {"10": "10-fold", "50": "50-fold", "loo": "LOO (subset)"}[r["protocol"]]
    src = " (committed run, fastrf-exact)" if r["cell"].startswith("committed") else ""
    return f"{proto}, {r['noise']}, seed {int(r['seed'])}, {int(r['draws'])} draws{src}"


def table(cells, scope, title):
    rows = [r for r in cells if r["scope"] == scope]
    order = {"paper-loo": 0, "10": 1, "50": 2, "loo": 3}
    rows.sort(key=lambda r: (order[r["protocol"]] != 0, r["noise"] != "shared", order[r["protocol"]], r["draws"],
                             r["seed"]))
    print(f"\n{title}\n")
    print("| run | n | CT>=2 n | Acc | BA | F1 | MCC | completeness | bal. completeness | "
          + " | ".join(CLASSES) + " |")
    print("|---" * (9 + len(CLASSES)) + "|")
    for r in rows:
        cols = [label(r), f"{int(r['n'])}", f"{int(r['n_ct2'])}"]
        cols += [f"{r[k]:.2f}" for k in ("acc", "ba", "f1", "mcc", "completeness", "bal_completeness")]
        cols += [f"{r['comp_' + c]:.1f}" for c in CLASSES]
        print("| " + " | ".join(cols) + " |")


def find(cells, scope, protocol, noise, seed, draws, learner):
    for r in cells:
        if (r["scope"], r["protocol"], r["noise"], int(r["seed"]), int(r["draws"]), r["learner"]) == (
                scope, protocol, noise, seed, draws, learner):
            return r
    return None


def deltas(cells, scope, pairs, title):
    """pairs: list of (name, key_a, key_b) with key = (protocol, noise, draws[, learner]); paired over seeds 1..3."""
    print(f"\n{title}\n")
    print("| change | seeds | Δ CT>=2 n | Δ completeness | Δ bal. completeness (per seed) | mean Δ bal. completeness |"
          " per class Δ (mean over seeds): " + " / ".join(CLASSES) + " |")
    print("|---|---|---|---|---|---|---|")
    for name, a, b in pairs:
        ds = []
        for seed in (1, 2, 3):
            ra = find(cells, scope, *a[:2], seed, a[2], a[3] if len(a) > 3 else "fastrf")
            rb = find(cells, scope, *b[:2], seed, b[2], b[3] if len(b) > 3 else "fastrf")
            if ra and rb:
                ds.append((seed, ra, rb))
        if not ds:
            continue
        dn = [rb["n_ct2"] - ra["n_ct2"] for _, ra, rb in ds]
        dc = [rb["completeness"] - ra["completeness"] for _, ra, rb in ds]
        db = [rb["bal_completeness"] - ra["bal_completeness"] for _, ra, rb in ds]
        per = [statistics.fmean(rb["comp_" + c] - ra["comp_" + c] for _, ra, rb in ds) for c in CLASSES]
        print(f"| {name} | {','.join(str(s) for s, _, _ in ds)} | {' / '.join(f'{x:+.0f}' for x in dn)} | "
              f"{' / '.join(f'{x:+.2f}' for x in dc)} | {' / '.join(f'{x:+.2f}' for x in db)} | "
              f"{statistics.fmean(db):+.2f} | {' / '.join(f'{x:+.1f}' for x in per)} |")


def main():
    cells = load()
    table(cells, "all", "Whole TD (2,941 sources; LOO cells are on the subset only)")
    table(cells, "subset", "Subset (8 sources per class, 64; the same sources in every row)")
    for scope in ("all", "subset"):
        pairs = [
            ("draws 10 -> 20 (10-fold, shared)", ("10", "shared", 10), ("10", "shared", 20)),
            ("draws 10 -> 50 (10-fold, shared)", ("10", "shared", 10), ("10", "shared", 50)),
            ("draws 10 -> 100 (10-fold, shared; committed fastrf-exact runs)", ("10", "shared", 10, "fastrf-exact"),
             ("10", "shared", 100, "fastrf-exact")),
            ("fastrf -> fastrf-exact (10-fold, shared, 10 draws)", ("10", "shared", 10),
             ("10", "shared", 10, "fastrf-exact")),
            ("draws 10 -> 20 (10-fold, independent)", ("10", "independent", 10), ("10", "independent", 20)),

            ("10-fold -> 50-fold (shared, 10 draws)", ("10", "shared", 10), ("50", "shared", 10)),
            ("10-fold -> 50-fold (independent, 10 draws)", ("10", "independent", 10), ("50", "independent", 10)),
            ("independent -> shared (10-fold, 10 draws)", ("10", "independent", 10), ("10", "shared", 10)),
            ("independent -> shared (10-fold, 20 draws)", ("10", "independent", 20), ("10", "shared", 20)),
            ("independent -> shared (10-fold, 100 draws; committed fastrf-exact runs)",
             ("10", "independent", 100, "fastrf-exact"), ("10", "shared", 100, "fastrf-exact")),
            ("independent -> shared (50-fold, 10 draws)", ("50", "independent", 10), ("50", "shared", 10)),
        ]
        if scope == "subset":
            pairs += [
                ("10-fold -> LOO (shared, 10 draws)", ("10", "shared", 10), ("loo", "shared", 10)),
                ("50-fold -> LOO (shared, 10 draws)", ("50", "shared", 10), ("loo", "shared", 10)),
                ("10-fold -> LOO (independent, 10 draws)", ("10", "independent", 10), ("loo", "independent", 10)),
                ("independent -> shared (LOO, 10 draws)", ("loo", "independent", 10), ("loo", "shared", 10)),
            ]
        deltas(cells, scope, pairs, f"Paired differences, scope {scope} (b - a, same seed)")


if __name__ == "__main__":
    main()
