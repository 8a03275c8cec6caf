// The explore page's own-evaluation section: submits a cross-validation job to /evaluate (UWS 1.1), follows it
// (blocking WAIT), and draws the metrics, recall confusion matrices and CT sweep it returns as VOTables next to the
// paper's published leave-one-out values, which are computed in the browser from the training set's columns.

import { CLASS_LABELS, el, fetchText, serviceUrl, setStatus } from './common.js';
import { ACTIVE, abortJob, createJob, getJob } from './uws.js';
import { parseVOTable, rowObjects } from './votable.js';
import { confusion, evaluateAt, normalise, sweep } from './metrics.js';
import { heatMap, lineChart } from './plots.js';

const LIST_URL = serviceUrl('evaluate');
const WAIT_SECONDS = 2; // short blocking waits: a phase change returns at once, progress shows every 2 s
const $ = id => document.getElementById(id);

/** A fraction (0..1) as percent with `digits` decimals; '–' where the service wrote NaN or nothing. */
export const pct = (v, digits = 1) => (Number.isFinite(v) ? (100 * v).toFixed(digits) : '–');

/** The provenance facts shown as the run's settings, in this order, with their labels. */
const SETTINGS = [
  ['seed', 'Seed'], ['folds', 'Folds'], ['mc_draws', 'Monte-Carlo draws per fold'], ['algorithm', 'Forest'],
  ['xray_noise', 'X-ray noise'], ['ebv', 'E(B−V) of the training sources'], ['reddening', 'AGN reddening per fold'],
  ['ct_threshold', 'Confidence cut (CT ≥)'], ['protocol', 'Protocol'], ['training_set_origin', 'Training set'],
  ['training_set_size', 'Training sources'], ['software_version', 'Software'], ['job_id', 'Job'],
];

/**
 * Wires the section. `paperItems` resolves to the published leave-one-out triples {truth, pred, ct} of the
 * training set (or rejects: the paper's columns then show '–').
 */
export function initOwnEvaluation(paperItems) {
  const state = { jobUrl: null, watching: false, paper: null };
  paperItems.then(items => { state.paper = items; }, () => { state.paper = null; });

  $('eval-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const fd = new FormData();
    for (const id of ['eval-folds', 'eval-draws', 'eval-trees', 'eval-seed', 'eval-ct', 'eval-noise']) {
      fd.append($(id).name, $(id).value);
    }
    fd.append('PHASE', 'RUN');
    $('eval-run').disabled = true;
    setStatus('eval-status', 'Creating the cross-validation job…', 'info');
    try {
      const jobUrl = await createJob(LIST_URL, fd);
      const url = new URL(location.href);
      url.searchParams.set('evaluation', jobUrl.split('/').pop());
      history.replaceState(null, '', url);
      await follow(state, jobUrl, paperItems);
    } catch (e) {
      setStatus('eval-status', refusal(e), 'error');
    } finally {
      $('eval-run').disabled = false;
    }
  });

  $('eval-abort').addEventListener('click', async () => {
    if (!state.jobUrl) return;
    try {
      await abortJob(state.jobUrl);
    } catch (e) {
      setStatus('eval-status', `Could not abort the job: ${e.message}`, 'error');
    }
  });

  const id = new URL(location.href).searchParams.get('evaluation');
  if (id && /^[A-Za-z0-9_-]{1,64}$/.test(id)) {
    follow(state, `${LIST_URL}/${id}`, paperItems).catch(e => setStatus('eval-status', e.message, 'error'));
  }
}

/** A refused job creation in words: who may run evaluations, or when to come back. */
export function refusal(e) {
  const said = e.serviceMessage ? `: ${e.serviceMessage}` : '';
  switch (e.status) {
    case 401:
      return `The service refused the login this browser sent, or asks for one (HTTP 401${said}). An evaluation `
        + 'needs no login unless the operator set one up: forget the login this browser keeps for this site and '
        + 'try again, log in with an account of this service, or run "muwclass evaluate" on the command line.';
    case 403:
      return `The service does not let this user run an evaluation (HTTP 403${said}).`;
    case 413:
      return `The service's storage quota for this client is used up (HTTP 413${said}). Delete finished jobs.`;
    case 429:
    case 503:
      return `The service is busy (HTTP ${e.status}${said}).`
        + (e.retryAfter ? ` Try again in ${e.retryAfter} s.` : ' Try again later.');
    default:
      return e.message;
  }
}

async function follow(state, jobUrl, paperItems) {
  state.jobUrl = jobUrl;
  $('eval-results').hidden = true;
  const link = $('eval-job-link');
  link.href = jobUrl;
  link.hidden = false;
  let phase = null;
  let job;
  for (;;) {
    job = await getJob(jobUrl, phase ? WAIT_SECONDS : 0, phase);
    showPhase(job);
    phase = job.phase;
    if (!ACTIVE.has(phase) || phase === 'PENDING' || phase === 'HELD' || phase === 'SUSPENDED') break;
  }
  $('eval-abort').disabled = true;
  $('eval-progress').hidden = true;
  if (job.phase !== 'COMPLETED') return;
  setStatus('eval-status', 'Cross-validation done; reading its tables…', 'info');
  const tables = {};
  for (const name of ['metrics', 'confusion_recall', 'ct_sweep']) {
    const r = job.results.find(x => x.id === name);
    if (!r) throw new Error(`The job has no result "${name}"`);
    const vot = parseVOTable((await fetchText(r.href, { cache: 'no-store' })).text);
    tables[name] = { rows: rowObjects(vot.tables[0]), infos: vot.infos };
  }
  let paper = null;
  try {
    paper = await paperItems;
  } catch (e) {
    // the published columns did not load (the page says so at the top): the paper's columns show '–'
  }
  render(job, tables, paper);
  setStatus('eval-status', `Cross-validation ${job.id} done: ${tables.metrics.rows[0].n_true} sources, `
    + `${seconds(job)} s.`, 'ok');
}

function seconds(job) {
  const t = (Date.parse(job.endTime) - Date.parse(job.startTime)) / 1000;
  return Number.isFinite(t) ? t.toFixed(1) : '?';
}

function showPhase(job) {
  const p = job.progress;
  const bar = $('eval-progress');
  bar.hidden = !ACTIVE.has(job.phase);
  if (p && Number.isFinite(p.fraction)) bar.value = p.fraction; else bar.removeAttribute('value');
  $('eval-abort').disabled = !ACTIVE.has(job.phase);
  let msg = `Job ${job.id}: phase ${job.phase}.`;
  if (p && Number.isFinite(p.fraction) && ACTIVE.has(job.phase)) msg += ` ${Math.round(100 * p.fraction)}% done.`;
  if (job.quote && ACTIVE.has(job.phase)) msg += ` Estimated end (quote): ${job.quote}.`;
  if (job.phase === 'QUEUED') msg += ' Waiting for a free worker.';
  let kind = 'info';
  if (job.phase === 'ERROR') {
    msg = `The cross-validation failed: ${job.error ? job.error.message : 'the service gave no reason'}`;
    kind = 'error';
  } else if (job.phase === 'ABORTED') {
    msg = `The cross-validation ${job.id} was aborted.`;
    kind = 'error';
  } else if (job.phase === 'PENDING') {
    msg += ' It has not been started.';
  }
  setStatus('eval-status', msg, kind);
}

function render(job, tables, paper) {
  const facts = new Map(tables.metrics.infos.map(i => [i.name, i.value]));
  const cut = Number(facts.get('ct_threshold'));
  $('eval-settings').replaceChildren(...SETTINGS.filter(([k]) => facts.has(k)).flatMap(([k, label]) => [
    el('dt', {}, label), el('dd', { id: `eval-set-${k}` }, facts.get(k))]),
  el('dt', {}, 'Run time'), el('dd', { id: 'eval-set-run-time' }, `${seconds(job)} s (${job.startTime} to ${job.endTime})`));

  // metrics: the overall rows of the two subsets, beside the paper's at the same cut
  const overall = tables.metrics.rows.filter(r => r.class === 'overall');
  const serviceAll = overall.find(r => r.subset === 'all');
  const serviceCt = overall.find(r => r.subset !== 'all');
  const paperAll = paper ? evaluateAt(paper, CLASS_LABELS, -Infinity) : null;
  const paperCt = paper ? evaluateAt(paper, CLASS_LABELS, cut) : null;
  const serviceCells = r => [r.n_true, r.accuracy, r.balanced_accuracy, r.f1, r.mcc, r.completeness,
    r.balanced_completeness];
  const paperCells = s => (s ? [s.n, s.accuracy, s.balancedAccuracy, s.macroF1, s.mcc, s.completeness,
    s.balancedCompleteness] : [null, null, null, null, null, null, null]);
  const metricRow = (subset, label, from, cells) => el('tr', { 'data-subset': subset, 'data-from': from },
    el('th', { scope: 'row' }, label), el('td', {}, from === 'service' ? 'this service' : 'paper (leave-one-out)'),
    el('td', { class: 'num' }, Number.isFinite(cells[0]) ? String(cells[0]) : '–'),
    ...cells.slice(1).map(v => el('td', { class: 'num' }, pct(v))));
  document.querySelector('#eval-metrics-table tbody').replaceChildren(
    metricRow('all', 'all', 'service', serviceCells(serviceAll)),
    metricRow('all', 'all', 'paper', paperCells(paperAll)),
    metricRow('ct', serviceCt.subset.replace('>=', ' ≥ '), 'service', serviceCells(serviceCt)),
    metricRow('ct', serviceCt.subset.replace('>=', ' ≥ '), 'paper', paperCells(paperCt)));

  // recall confusion matrices
  const serviceMatrix = subset => CLASS_LABELS.map(t => {
    const row = tables.confusion_recall.rows.find(r => r.subset === subset && r.true_class === t);
    return CLASS_LABELS.map(p => (row && Number.isFinite(row[p]) ? row[p] : NaN));
  });
  // all sources: every row, also one without a CT; the cut: rows with a CT at or above it (as evaluateAt counts)
  const paperMatrix = minCt => (paper ? normalise(confusion(Number.isFinite(minCt)
    ? paper.filter(it => it.ct !== null && it.ct >= minCt) : paper, CLASS_LABELS), 'row')
    : CLASS_LABELS.map(() => CLASS_LABELS.map(() => NaN)));
  drawRecall('eval-cm-all', serviceMatrix('all'), 'This service: recall, all sources (%)');
  drawRecall('eval-cm-all-paper', paperMatrix(-Infinity), 'The paper: recall, all sources (%)');
  drawRecall('eval-cm-ct', serviceMatrix(serviceCt.subset), `This service: recall, CT ≥ ${cut} (%)`);
  drawRecall('eval-cm-ct-paper', paperMatrix(cut), `The paper: recall, CT ≥ ${cut} (%)`);

  // the CT sweep, with the paper's at the same thresholds
  const sw = tables.ct_sweep.rows;
  const paperSweep = paper ? sweep(paper, CLASS_LABELS, sw.map(r => r.ct_threshold)) : null;
  // short names: the legend is 190 px wide
  const series = [['completeness', 'completeness', 'completeness', '#9467bd'],
    ['balanced_completeness', 'balancedCompleteness', 'bal. compl.', '#8c564b'],
    ['balanced_accuracy', 'balancedAccuracy', 'bal. accuracy', '#ff7f0e']].flatMap(([key, paperKey, name, color]) => [
    { name: `${name} (service)`, color, points: sw.map(r => ({ x: r.ct_threshold, y: 100 * r[key] })) },
    ...(paperSweep ? [{ name: `${name} (paper)`, color, dash: '6 3',
      points: paperSweep.map(s => ({ x: s.cut, y: 100 * s[paperKey] })) }] : []),
  ]);
  lineChart($('eval-sweep'), { title: 'This service and the paper against the CT cut',
    xLabel: 'CT cut (sources with CT ≥ cut)', yLabel: 'percent', series, yDomain: [0, 100] });
  const rows = [];
  sw.forEach((r, i) => {
    if (!Number.isInteger(r.ct_threshold)) return;
    const p = paperSweep ? paperSweep[i] : null;
    rows.push(sweepRow(r.ct_threshold, 'service', [r.kept, r.completeness, r.balanced_completeness, r.accuracy,
      r.balanced_accuracy, r.macro_f1, r.mcc]));
    rows.push(sweepRow(r.ct_threshold, 'paper', p ? [p.n, p.completeness,
      p.balancedCompleteness, p.accuracy, p.balancedAccuracy, p.macroF1, p.mcc] : [null, null, null, null, null, null, null]));
  });
  document.querySelector('#eval-sweep-table tbody').replaceChildren(...rows);
  $('eval-results').hidden = false;
}

function sweepRow(ct, from, cells) {
  return el('tr', { 'data-ct': String(ct), 'data-from': from },
    el('th', { scope: 'row', class: 'num' }, String(ct)),
    el('td', {}, from === 'service' ? 'this service' : 'paper'),
    el('td', { class: 'num' }, Number.isFinite(cells[0]) ? String(cells[0]) : '–'),
    ...cells.slice(1).map(v => el('td', { class: 'num' }, pct(v))));
}

function drawRecall(id, matrix, title) {
  heatMap($(id), {
    title, rowLabels: CLASS_LABELS, colLabels: CLASS_LABELS, values: matrix,
    cellText: matrix.map(row => row.map(v => pct(v, 0))), rowTitle: 'true class', colTitle: 'predicted class',
    description: `${title}. Percent of each true class predicted as each class: `
      + CLASS_LABELS.map((l, i) => `${l}: ${matrix[i].map(v => pct(v, 0)).join(' ')}`).join('; '),
  });
}
