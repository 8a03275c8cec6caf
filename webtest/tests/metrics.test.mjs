// The page's metrics code (webapp/js/metrics.js) against the paper's published leave-one-out performance, computed
// from the shipped training set (TD.csv: True_Class = label, Class = published LOOCV prediction, CT).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv, rowObjects } from '../../webapp/js/votable.js';
import { confusion, evaluateAt } from '../../webapp/js/metrics.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const LABELS = ['AGN', 'CV', 'HM-STAR', 'HMXB', 'LM-STAR', 'LMXB', 'NS', 'YSO'];
const rows = rowObjects(parseCsv(fs.readFileSync(path.join(here, '../../src/main/resources/muwclass/TD.csv'), 'utf8')));
const items = rows.map(r => ({ truth: r.True_Class, pred: r.Class, ct: r.CT }));

test('all sources: accuracy 88.6, balanced accuracy 70.2, macro F1 68.1, MCC 82.9 (Yang et al. 2022)', () => {
  assert.equal(items.length, 2941);
  const s = evaluateAt(items, LABELS, -Infinity);
  assert.equal((100 * s.accuracy).toFixed(1), '88.6');
  assert.equal((100 * s.balancedAccuracy).toFixed(1), '70.2');
  assert.equal((100 * s.macroF1).toFixed(1), '68.1');
  assert.equal((100 * s.mcc).toFixed(1), '82.9');
  assert.equal(s.completeness, 1);
});

test('CT >= 2: within 0.1 of the paper (97.0/79.0/79.5/95.0, completeness 81.0, balanced 56.9); TD.csv rounding keeps 2383', () => {
  const s = evaluateAt(items, LABELS, 2);
  assert.equal(s.n, 2383);
  for (const [got, paper] of [[s.accuracy, 97.0], [s.balancedAccuracy, 79.0], [s.macroF1, 79.5], [s.mcc, 95.0],
    [s.completeness, 81.0], [s.balancedCompleteness, 56.9]]) {
    assert.ok(Math.abs(100 * got - paper) <= 0.1, `${(100 * got).toFixed(2)} vs ${paper}`);
  }
});

test('confusion counts of the published LOOCV (first row: AGN 1286 5 0 0 2 40 29 28)', () => {
  const m = confusion(items, LABELS);
  assert.deepEqual(m[0], [1286, 5, 0, 0, 2, 40, 29, 28]);
  assert.deepEqual(m[7], [7, 3, 25, 3, 24, 3, 0, 939]);
});
