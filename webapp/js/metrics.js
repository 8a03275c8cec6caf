// Classification metrics with scikit-learn semantics (docs/algorithm.md §10.2), computed from (true class,
// predicted class, CT) triples: confusion matrices, accuracy, balanced accuracy, macro F1, multiclass MCC,
// completeness and balanced completeness after a CT cut. Pure functions: no DOM, so node tests can run them.

/**
 * @param {Array<{truth:string, pred:string, ct:number}>} items
 * @param {string[]} labels class order
 * @returns {number[][]} counts[true][pred]
 */
export function confusion(items, labels) {
  const index = new Map(labels.map((l, i) => [l, i]));
  const m = labels.map(() => labels.map(() => 0));
  for (const it of items) {
    const t = index.get(it.truth);
    const p = index.get(it.pred);
    if (t !== undefined && p !== undefined) m[t][p] += 1;
  }
  return m;
}

/** Rows divided by their sums (recall matrix) or columns by theirs (precision matrix); empty rows give NaN. */
export function normalise(m, by) {
  if (by === 'row') {
    return m.map(row => { const s = row.reduce((a, b) => a + b, 0); return row.map(v => (s ? v / s : NaN)); });
  }
  const colSums = m[0].map((_, j) => m.reduce((a, row) => a + row[j], 0));
  return m.map(row => row.map((v, j) => (colSums[j] ? v / colSums[j] : NaN)));
}

/** Accuracy, balanced accuracy, macro F1 and MCC of a confusion matrix, as fractions. */
export function scores(m) {
  const k = m.length;
  const t = m.map(row => row.reduce((a, b) => a + b, 0));
  const p = m[0].map((_, j) => m.reduce((a, row) => a + row[j], 0));
  const s = t.reduce((a, b) => a + b, 0);
  const c = m.reduce((a, row, i) => a + row[i], 0);
  const recalls = [];
  const f1 = [];
  for (let i = 0; i < k; i++) {
    if (t[i] > 0) recalls.push(m[i][i] / t[i]);
    if (t[i] > 0 || p[i] > 0) {
      const prec = p[i] ? m[i][i] / p[i] : 0;
      const rec = t[i] ? m[i][i] / t[i] : 0;
      f1.push(prec + rec > 0 ? (2 * prec * rec) / (prec + rec) : 0);
    }
  }
  const sumPT = t.reduce((a, ti, i) => a + ti * p[i], 0);
  const denom = Math.sqrt((s * s - p.reduce((a, v) => a + v * v, 0)) * (s * s - t.reduce((a, v) => a + v * v, 0)));
  return {
    n: s,
    accuracy: s ? c / s : NaN,
    balancedAccuracy: recalls.length ? recalls.reduce((a, b) => a + b, 0) / recalls.length : NaN,
    macroF1: f1.length ? f1.reduce((a, b) => a + b, 0) / f1.length : NaN,
    mcc: denom ? (c * s - sumPT) / denom : 0,
  };
}

/** Scores of the sources with CT ≥ cut, plus completeness (share kept) and balanced completeness (mean over the
 *  true classes of the share kept). */
export function evaluateAt(items, labels, cut) {
  const kept = items.filter(it => it.ct !== null && it.ct >= cut);
  const sc = scores(confusion(kept, labels));
  const perClass = labels.map(l => {
    const all = items.filter(it => it.truth === l).length;
    return all ? kept.filter(it => it.truth === l).length / all : NaN;
  }).filter(Number.isFinite);
  return {
    ...sc,
    cut,
    completeness: items.length ? kept.length / items.length : NaN,
    balancedCompleteness: perClass.length ? perClass.reduce((a, b) => a + b, 0) / perClass.length : NaN,
  };
}

/** evaluateAt over a grid of CT cuts (Fig. 8 of the paper). */
export function sweep(items, labels, cuts) {
  return cuts.map(cut => evaluateAt(items, labels, cut));
}
