// Training set and performance page: feature-space slices, class counts with and without a CT cut, the
// leave-one-out evaluation (confusion matrices, metrics against CT) from the published columns of the training set,
// and the service's own cross-validation (an /evaluate job) beside it.

import { CLASS_LABELS, classInfo, el, markCurrentNav, setStatus } from './common.js';
import { trainingSet } from './tap.js';
import { featureSpace } from './featurespace.js';
import { groupedBars, heatMap, lineChart } from './plots.js';
import { confusion, evaluateAt, normalise, sweep } from './metrics.js';
import { initOwnEvaluation } from './evaluation.js';

markCurrentNav();

const pct = v => (Number.isFinite(v) ? (100 * v).toFixed(1) : '–');

function drawCounts(rows, cut) {
  const all = CLASS_LABELS.map(l => rows.filter(r => classInfo(r.true_class).label === l).length);
  const kept = CLASS_LABELS.map(l => rows.filter(r => classInfo(r.true_class).label === l && r.ct !== null
      && r.ct >= cut).length);
  groupedBars(document.getElementById('class-counts'), {
    title: `Training sources per class, all and with CT ≥ ${cut}`,
    categories: CLASS_LABELS,
    series: [{ name: 'all', values: all }, { name: `CT ≥ ${cut}`, values: kept, opacity: 0.45 }],
    yLabel: 'sources', colorOf: l => classInfo(l).color, logY: true,
  });
}

function drawMatrix(id, items, by, title) {
  const m = confusion(items, CLASS_LABELS);
  const norm = normalise(m, by);
  heatMap(document.getElementById(id), {
    title, rowLabels: CLASS_LABELS, colLabels: CLASS_LABELS, values: norm,
    cellText: norm.map(row => row.map(v => (Number.isFinite(v) ? (100 * v).toFixed(0) : '–'))),
    rowTitle: 'true class', colTitle: 'predicted class',
    description: `${title}. Percent of each ${by === 'row' ? 'true' : 'predicted'} class. Counts by true class: `
        + CLASS_LABELS.map((l, i) => `${l}: ${m[i].join(' ')}`).join('; '),
  });
}

function drawEvaluation(rows, cut) {
  const items = rows.map(r => ({ truth: classInfo(r.true_class).label, pred: classInfo(r.class).label, ct: r.ct }));
  const all = evaluateAt(items, CLASS_LABELS, -Infinity);
  const confident = evaluateAt(items, CLASS_LABELS, cut);
  const tbody = document.querySelector('#metrics-table tbody');
  tbody.replaceChildren(...[['all', all], [`CT ≥ ${cut}`, confident]].map(([name, s]) => el('tr', {},
    el('th', { scope: 'row' }, name), el('td', { class: 'num' }, String(s.n)),
    ...[s.accuracy, s.balancedAccuracy, s.macroF1, s.mcc, s.completeness, s.balancedCompleteness]
      .map(v => el('td', { class: 'num' }, pct(v))))));
  drawMatrix('cm-recall-all', items, 'row', 'Recall, all sources (%)');
  drawMatrix('cm-precision-all', items, 'col', 'Precision, all sources (%)');
  const kept = items.filter(it => it.ct !== null && it.ct >= cut);
  drawMatrix('cm-recall-ct', kept, 'row', `Recall, CT ≥ ${cut} (%)`);
  drawMatrix('cm-precision-ct', kept, 'col', `Precision, CT ≥ ${cut} (%)`);
  const cuts = [];
  for (let c = 0; c <= 6.0001; c += 0.25) cuts.push(Number(c.toFixed(2)));
  const sw = sweep(items, CLASS_LABELS, cuts);
  const series = [
    ['accuracy', 'accuracy', '#1f77b4', null], ['balancedAccuracy', 'balanced accuracy', '#ff7f0e', null],
    ['macroF1', 'macro F1', '#2ca02c', null], ['mcc', 'MCC', '#d62728', null],
    ['completeness', 'completeness', '#9467bd', '6 3'], ['balancedCompleteness', 'balanced completeness', '#8c564b', '6 3'],
  ].map(([key, name, color, dash]) => ({ name, color, dash, points: sw.map(s => ({ x: s.cut, y: 100 * s[key] })) }));
  lineChart(document.getElementById('metrics-vs-ct'), {
    title: 'Leave-one-out metrics against the CT cut', xLabel: 'CT cut (sources with CT ≥ cut)',
    yLabel: 'percent', series, yDomain: [0, 100], marker: true,
  });
}

// the published leave-one-out triples, for the service's own cross-validation to be shown beside them
let resolvePaper;
let rejectPaper;
const paperItems = new Promise((resolve, reject) => { resolvePaper = resolve; rejectPaper = reject; });
paperItems.catch(() => {}); // the section says so itself
initOwnEvaluation(paperItems);

try {
  const { rows } = await trainingSet();
  resolvePaper(rows.map(r => ({ truth: classInfo(r.true_class).label, pred: classInfo(r.class).label, ct: r.ct })));
  setStatus('load-status', `${rows.length} training sources loaded from the TAP service.`, 'ok');
  const colourBy = document.getElementById('colour-by');
  const fs = featureSpace(document.getElementById('feature-space'), {
    id: 'td', training: rows, trainingClass: r => r[colourBy.value], x: 'HR_ms', y: 'FG',
  });
  colourBy.addEventListener('change', () => fs.redraw());
  const cutInput = document.getElementById('ct-cut');
  const update = () => {
    const cut = Number(cutInput.value);
    if (!Number.isFinite(cut)) return;
    drawCounts(rows, cut);
    drawEvaluation(rows, cut);
  };
  cutInput.addEventListener('change', update);
  update();
} catch (e) {
  rejectPaper(e);
  setStatus('load-status', `Could not load the training set: ${e.message}`, 'error');
}
