#!/usr/bin/python3
"""Fidelity of the Java SMOTE and forests against imbalanced-learn and scikit-learn (docs/evaluation.md,
"Checked against scikit-learn"), on the matrices SklearnFidelity (src/bench/java) exported:

  scripts/bench/bench.sh SklearnFidelity DIR [seeds] [folds]
  scripts/bench/sklearn_fidelity.py DIR

1. SMOTE: imblearn SMOTE(k_neighbors=4) wrapped as the paper's pipeline does (NaN -> -9999999 before, values below
   the column's training minimum -> NaN after) on the very same pre-SMOTE matrix; counts, per-class per-feature
   means / standard deviations / missing fractions of the synthetic rows, and the segment property for both.
2. Forest: sklearn RandomForestClassifier(n_estimators=100, max_features=5, criterion='gini', bootstrap=True) on each
   fold's exported balanced matrix; probabilities on the held-out rows against the Java learners' and CV metrics.
3. Split rule: one tree, all features, no bootstrap, on small float32-exact matrices, walked node by node.
Prints Markdown tables. Needs python3-sklearn and python3-imblearn (Debian).
"""
import glob
import os
import re
import sys

import imblearn
import numpy as np
import sklearn
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.neighbors import NearestNeighbors
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score, matthews_corrcoef

EXNUM = -9999999.0
CLASSES = ["AGN", "CV", "HM-STAR", "HMXB", "LM-STAR", "LMXB", "NS", "YSO"]
JAVA_LEARNERS = ["fastrf-256", "fastrf-exact", "weka-rf"]


def read(path):
    """int32 rows, int32 cols, float64 row-major, int32 labels, little-endian (SklearnFidelity.write)."""
    raw = open(path, "rb").read()
    rows, cols = np.frombuffer(raw, "<i4", 2)
    x = np.frombuffer(raw, "<f8", rows * cols, 8).reshape(rows, cols).copy()
    y = np.frombuffer(raw, "<i4", rows, 8 + 8 * rows * cols).astype(np.int64)
    return x, y


# ---------------------------------------------------------------- 1. SMOTE

def imblearn_smote(x, y, seed):
    """The paper's wrapper around imblearn: exnum fill, SMOTE(k=4), values below the column minimum -> NaN."""
    col_min = np.nanmin(x, axis=0)
    filled = np.where(np.isnan(x), EXNUM, x)
    rx, ry = SMOTE(k_neighbors=4, random_state=seed).fit_resample(filled, y)
    rx = np.where(rx < col_min, np.nan, rx)
    return rx, ry


def synthetic(x_in, rx, ry):
    """The synthetic rows (after the originals) and their labels."""
    n = x_in.shape[0]
    return rx[n:], ry[n:]


def segment_check(x_in, y_in, sx, sy, neighbours="exact", k=4):
    """Counts synthetic rows that lie on a segment from a class row to one of its k nearest class rows (Euclidean on
    the exnum-filled matrix, self excluded; neighbours 'exact': differences summed, ties at the k-th distance
    admitted; 'sklearn': the lists imblearn itself uses, NearestNeighbors(k + 1).kneighbors()[:, 1:]): on the
    non-missing columns
    r = a + u (b - a) with 0 <= u <= 1 (max residual 1e-9), and on the missing columns a + u (b - a) is below the
    column's training minimum. Returns (rows checked, rows on a segment, max residual of the best pair)."""
    col_min = np.nanmin(x_in, axis=0)
    filled = np.where(np.isnan(x_in), EXNUM, x_in)
    ok = 0
    worst = 0.0
    for c in np.unique(sy):
        members = filled[y_in == c]
        m = members.shape[0]
        d2 = ((members[:, None, :] - members[None, :, :]) ** 2).sum(axis=2)
        np.fill_diagonal(d2, np.inf)
        kk = min(k, m - 1)
        kth = np.sort(d2, axis=1)[:, kk - 1]
        if neighbours == "exact":
            ai, bi = np.nonzero(d2 <= kth[:, None])
        else:
            nn = NearestNeighbors(n_neighbors=kk + 1).fit(members).kneighbors(members, return_distance=False)[:, 1:]
            ai, bi = np.repeat(np.arange(m), kk), nn.ravel()
        a = members[ai]
        diff = members[bi] - a
        for r in sx[sy == c]:
            valid = ~np.isnan(r)
            dv = diff[:, valid]
            rv = r[valid] - a[:, valid]
            den = (dv * dv).sum(axis=1)
            u = np.where(den > 0, (rv * dv).sum(axis=1) / np.where(den > 0, den, 1), 0.0)
            resid = np.abs(rv - u[:, None] * dv).max(axis=1) if valid.any() else np.zeros(len(u))
            inside = (u >= -1e-12) & (u <= 1 + 1e-12)
            if (~valid).any():
                interp = a[:, ~valid] + u[:, None] * diff[:, ~valid]
                inside &= (interp < col_min[~valid]).all(axis=1)
            best = np.where(inside, resid, np.inf).min()
            if best <= 1e-9:
                ok += 1
            else:
                worst = max(worst, float(best))
    return sx.shape[0], ok, worst


def neighbour_lists_differ(x_in, y_in, k=4):
    filled = np.where(np.isnan(x_in), EXNUM, x_in)
    counts = np.bincount(y_in)
    changed = total = with_missing = 0
    err_missing = err_complete = 0.0
    for c in np.nonzero(counts < counts.max())[0]:
        members = filled[y_in == c]
        m = members.shape[0]
        d2 = ((members[:, None, :] - members[None, :, :]) ** 2).sum(axis=2)
        np.fill_diagonal(d2, np.inf)
        kk = min(k, m - 1)
        kth = np.sort(d2, axis=1)[:, kk - 1]
        dist, nn = NearestNeighbors(n_neighbors=kk + 1).fit(members).kneighbors(members)
        # sklearn's distances against exact ones, for rows with and without a missing value
        err = np.abs(dist - np.sqrt(((members[:, None, :] - members[nn]) ** 2).sum(axis=2))).max(axis=1)
        has_missing = (members == EXNUM).any(axis=1)
        err_missing = max(err_missing, float(err[has_missing].max(initial=0)))
        err_complete = max(err_complete, float(err[~has_missing].max(initial=0)))
        nn = nn[:, 1:]
        for a in range(m):
            total += 1
            # sklearn's list may hold the row itself when it has a duplicate; a duplicate is at distance 0 too
            if not all(b == a or d2[a, b] <= kth[a] for b in nn[a]):
                changed += 1
                with_missing += bool((members[a] == EXNUM).any())
    return changed, total, with_missing, err_missing, err_complete


def class_stats(sx, sy, c):
    rows = sx[sy == c]
    with np.errstate(all="ignore"):
        mean = np.nanmean(rows, axis=0)
        std = np.nanstd(rows, axis=0)
    missing = np.isnan(rows).mean(axis=0)
    return rows.shape[0], mean, std, missing


def max_abs_diff(a, b):
    d = np.abs(a - b)
    d = d[~np.isnan(d)]
    return float(d.max()) if d.size else float("nan")


def smote_section(d):
    x_in, y_in = read(os.path.join(d, "smote_in.bin"))
    java = {s: synthetic(x_in, *read(os.path.join(d, "smote_java_s%d.bin" % s))) for s in (1, 2, 3)}
    java_all = {s: read(os.path.join(d, "smote_java_s%d.bin" % s)) for s in (1, 2, 3)}
    imb_all = {s: imblearn_smote(x_in, y_in, s) for s in (1, 2, 3)}
    imb = {s: synthetic(x_in, *imb_all[s]) for s in (1, 2, 3)}
    print("## 1. SMOTE: Java Smote.paper() vs imblearn %s SMOTE(k_neighbors=4)\n" % imblearn.__version__)
    print("Input: %d x %d standardised rows before SMOTE, %.1f%% of values missing.\n"
          % (x_in.shape[0], x_in.shape[1], 100 * np.isnan(x_in).mean()))
    print("| class | rows in | after (Java) | after (imblearn) | synthetic | max abs diff of feature means, "
          "Java s1 vs imblearn s1 | same, imblearn s1 vs s2 | same, Java s1 vs s2 | max abs diff of feature stds, "
          "Java s1 vs imblearn s1 | same, imblearn s1 vs s2 | max abs diff of missing fraction, Java vs imblearn "
          "| same, imblearn s1 vs s2 |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for c in range(len(CLASSES)):
        n_in = int((y_in == c).sum())
        after_j = int((java_all[1][1] == c).sum())
        after_i = int((imb_all[1][1] == c).sum())
        if int((java[1][1] == c).sum()) == 0:
            print("| %s | %d | %d | %d | 0 | | | | | | | |" % (CLASSES[c], n_in, after_j, after_i))
            continue
        nj, mj, sj, fj = class_stats(*java[1], c)
        _, mj2, _, _ = class_stats(*java[2], c)
        _, mi, si, fi = class_stats(*imb[1], c)
        _, mi2, si2, fi2 = class_stats(*imb[2], c)
        print("| %s | %d | %d | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |" % (
            CLASSES[c], n_in, after_j, after_i, nj, max_abs_diff(mj, mi), max_abs_diff(mi, mi2),
            max_abs_diff(mj, mj2), max_abs_diff(sj, si), max_abs_diff(si, si2), max_abs_diff(fj, fi),
            max_abs_diff(fi, fi2)))
    same_orig_j = np.array_equal(np.nan_to_num(java_all[1][0][:x_in.shape[0]], nan=1e300),
                                 np.nan_to_num(x_in, nan=1e300))
    same_orig_i = np.array_equal(np.nan_to_num(imb_all[1][0][:x_in.shape[0]], nan=1e300),
                                 np.nan_to_num(x_in, nan=1e300))
    print("\nOriginal rows unchanged and first: Java %s, imblearn %s." % (same_orig_j, same_orig_i))
    for name, (sx, sy) in (("Java seed 1", java[1]), ("imblearn seed 1", imb[1])):
        for mode in ("exact", "sklearn"):
            n, ok, worst = segment_check(x_in, y_in, sx, sy, mode)
            print("Segment property, %s, %s 4 nearest neighbours: %d of %d synthetic rows on a segment%s." % (
                name, mode, ok, n, "" if ok == n else " (worst residual %.3g)" % worst))
    changed, total, with_missing, err_missing, err_complete = neighbour_lists_differ(x_in, y_in)
    print("Rows of the minority classes whose 4-neighbour set by sklearn's NearestNeighbors (brute force, "
          "|a|^2 - 2ab + |b|^2) differs from the exact one (ties counted as equal): %d of %d, %d of them with a "
          "missing value (-9999999). Largest error of sklearn's neighbour distances: %.3g for rows with a missing "
          "value, %.3g for rows without." % (changed, total, with_missing, err_missing, err_complete))
    print()


# ---------------------------------------------------------------- 2. forests

def sklearn_proba(x, y, tx, seed):
    rf = RandomForestClassifier(n_estimators=100, max_features=5, criterion="gini", bootstrap=True, n_jobs=1,
                                random_state=seed)
    rf.fit(x, y)
    p = np.zeros((tx.shape[0], len(CLASSES)))
    p[:, rf.classes_] = rf.predict_proba(tx)
    return p


def forest_section(d):
    files = sorted(glob.glob(os.path.join(d, "cv_s*_f*_train.bin")))
    keys = sorted({tuple(map(int, re.search(r"cv_s(\d+)_f(\d+)_train", f).groups())) for f in files})
    seeds = sorted({s for s, _ in keys})
    learners = JAVA_LEARNERS + ["sklearn"]
    proba = {}   # (seed, learner) -> list of per-fold arrays; learner + '-b' for the first seed's baseline
    truth = {}
    for s, f in keys:
        prefix = os.path.join(d, "cv_s%d_f%d" % (s, f))
        x, y = read(prefix + "_train.bin")
        tx, ty = read(prefix + "_test.bin")
        truth.setdefault(s, []).append(ty)
        variants = ["", "-b"] if s == seeds[0] else [""]
        for v in variants:
            for l in JAVA_LEARNERS:
                proba.setdefault((s, l + v), []).append(read(prefix + "_" + l + v + ".bin")[0])
            seed = 1000 * s + f + (500 if v else 0)
            proba.setdefault((s, "sklearn" + v), []).append(sklearn_proba(x, y, tx, seed))
        print("fitted seed %d fold %d" % (s, f), file=sys.stderr, flush=True)
    stack = {k: np.vstack(v) for k, v in proba.items()}
    yt = {s: np.concatenate(v) for s, v in truth.items()}

    s0 = seeds[0]
    print("## 2. Forests: probabilities on the held-out rows (CV seed %d, %d folds, %d sources)\n"
          % (s0, len([k for k in keys if k[0] == s0]), len(yt[s0])))
    print("Mean absolute difference of P per class (mean over held-out sources), and argmax agreement. "
          "Rows 'X vs X' are the same implementation with another learner seed on the same matrix.\n")
    print("| pair | " + " | ".join(CLASSES) + " | all classes | argmax agreement |")
    print("|---|" + "---|" * (len(CLASSES) + 2))
    pairs = [(l, l + "-b") for l in learners]
    pairs += [(a, b) for i, a in enumerate(learners) for b in learners[i + 1:]]
    for a, b in pairs:
        pa, pb = stack[(s0, a)], stack[(s0, b)]
        mad = np.abs(pa - pb).mean(axis=0)
        agree = (pa.argmax(axis=1) == pb.argmax(axis=1)).mean()
        label = "%s vs %s" % (a, b) if not b.endswith("-b") else "%s vs %s (seed)" % (a, a)
        print("| %s | %s | %.4f | %.4f |" % (label, " | ".join("%.4f" % m for m in mad), np.abs(pa - pb).mean(),
                                            agree))
    print()
    print("## 2b. %d-fold CV on the training set, one draw per fold (held-out sources, argmax)\n"
          % len([k for k in keys if k[0] == s0]))
    print("| learner | seed | accuracy | balanced accuracy | F1 macro | MCC |")
    print("|---|---|---|---|---|---|")
    summary = {}
    for l in learners:
        for s in seeds:
            pred = stack[(s, l)].argmax(axis=1)
            m = (accuracy_score(yt[s], pred), balanced_accuracy_score(yt[s], pred),
                 f1_score(yt[s], pred, average="macro"), matthews_corrcoef(yt[s], pred))
            summary.setdefault(l, []).append(m)
            print("| %s | %d | %s |" % (l, s, " | ".join("%.2f" % (100 * v) for v in m)))
    print()
    print("| learner | mean over %d seeds: accuracy | balanced accuracy | F1 macro | MCC | seed range (max-min) "
          "acc / bal / F1 / MCC |" % len(seeds))
    print("|---|---|---|---|---|---|")
    for l in learners:
        a = 100 * np.array(summary[l])
        print("| %s | %.2f | %.2f | %.2f | %.2f | %s |" % (l, *a.mean(axis=0),
                                                      " / ".join("%.2f" % r for r in np.ptp(a, axis=0))))
    print()


# ---------------------------------------------------------------- 3. split rule

def gini_gain(y, mask, n_classes):
    def g(v):
        if v.size == 0:
            return 0.0
        p = np.bincount(v, minlength=n_classes) / v.size
        return v.size * (1 - (p * p).sum())
    return g(y) - g(y[~mask]) - g(y[mask])


def read_java_tree(path):
    nodes = {}
    for line in open(path):
        w = line.split()
        node, feat = int(w[0]), int(w[1])
        if feat >= 0:
            nodes[node] = ("split", feat, float(w[2]), int(w[3]), int(w[4]))
        else:
            nodes[node] = ("leaf", np.array([float(v) for v in w[2:]]))
    return nodes


def walk(jt, st, jn, sn, x, y, rows, n_classes, tally):
    js = jt[jn]
    s_leaf = st.children_left[sn] == -1
    if js[0] == "leaf" and s_leaf:
        sv = st.value[sn][0] / st.value[sn][0].sum()
        tally["leaves equal" if np.allclose(js[1], sv, atol=1e-12) else "leaves differ"] += 1
        return
    if js[0] == "leaf" or s_leaf:
        tally["leaf vs split"] += 1
        return
    _, jf, jthr, jl, jr = js
    sf, sthr = int(st.feature[sn]), float(st.threshold[sn])
    if jf == sf and jthr == sthr:
        tally["splits equal"] += 1
        go_left = x[rows, jf] <= jthr
        walk(jt, st, jl, st.children_left[sn], x, y, rows[go_left], n_classes, tally)
        walk(jt, st, jr, st.children_right[sn], x, y, rows[~go_left], n_classes, tally)
        return
    java_left = x[rows, jf] <= jthr
    if np.array_equal(java_left, x[rows, sf] <= sthr):
        # another feature or threshold, the same partition of the node's rows: the children are comparable
        if jf == sf:
            tally["same feature and partition, other threshold"] += 1
            if tally["same feature and partition, other threshold"] <= 3:
                print("  node %d: f%d Java threshold %r, sklearn %r" % (jn, jf, jthr, sthr))
        else:
            tally["same partition, other feature"] += 1
        walk(jt, st, jl, st.children_left[sn], x, y, rows[java_left], n_classes, tally)
        walk(jt, st, jr, st.children_right[sn], x, y, rows[~java_left], n_classes, tally)
        return
    gj = gini_gain(y[rows], x[rows, jf] > jthr, n_classes)
    gs = gini_gain(y[rows], x[rows, sf] > sthr, n_classes)
    if abs(gj - gs) <= 1e-9 * max(1.0, abs(gj)):
        tally["tie (equal Gini gain, other feature or threshold): subtree not compared"] += 1
    else:
        tally["different split, different gain"] += 1
        print("  node %d: Java f%d <= %r gain %.6f, sklearn f%d <= %r gain %.6f" % (jn, jf, jthr, gj, sf, sthr, gs))


def split_section(d):
    print("## 3. Split rule: one tree, all features per split, no bootstrap\n")
    for name in ("small", "real"):
        path = os.path.join(d, "tree_%s.bin" % name)
        if not os.path.exists(path):
            continue
        x, y = read(path)
        n_classes = int(y.max()) + 1
        rf = RandomForestClassifier(n_estimators=1, max_features=None, criterion="gini", bootstrap=False,
                                    random_state=0).fit(x, y)
        st = rf.estimators_[0].tree_
        for mode in ("exact", "hist256"):
            jt = read_java_tree(os.path.join(d, "tree_%s_%s.txt" % (name, mode)))
            tally = {"splits equal": 0, "same feature and partition, other threshold": 0,
                     "same partition, other feature": 0, "leaves equal": 0, "leaves differ": 0, "leaf vs split": 0,
                     "tie (equal Gini gain, other feature or threshold): subtree not compared": 0,
                     "different split, different gain": 0}
            walk(jt, st, 0, 0, x, y, np.arange(x.shape[0]), n_classes, tally)
            print("- %s (%d x %d, %d classes), fastrf %s: Java %d nodes, sklearn %d nodes; %s" % (
                name, x.shape[0], x.shape[1], n_classes, mode, len(jt), st.node_count,
                ", ".join("%s %d" % (k, v) for k, v in tally.items())))
    print()


def main():
    d = sys.argv[1]
    print("scikit-learn %s, imbalanced-learn %s, numpy %s\n" % (sklearn.__version__, imblearn.__version__,
                                                               np.__version__))
    what = sys.argv[2:] or ["smote", "forest", "split"]
    if "split" in what:
        split_section(d)
    if "smote" in what:
        smote_section(d)
    if "forest" in what:
        forest_section(d)


if __name__ == "__main__":
    main()
