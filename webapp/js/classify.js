// Classify page: submits a UWS classification job, follows it live (blocking WAIT), aborts or deletes it, and
// shows the result table with its plots (class counts with and without the CT cut, positions, per-source
// probabilities, the sources in feature space over the training set) and a SAMP send.

import { CLASS_LABELS, classInfo, el, fetchText, formatValue, markCurrentNav, pick, serviceUrl, setStatus } from './common.js';
import { parseCsv, parseVOTable, rowObjects } from './votable.js';
import { renderTable } from './table.js';
import { classLegend, errorBarChart, groupedBars, scatterPlot } from './plots.js';
import { ACTIVE, abortJob, createJob, deleteJob, getJob } from './uws.js';
import { wireSampButton } from './samp.js';
import { TRAINING_COLUMNS, tapQuery, trainingSet } from './tap.js';
import { featureSpace } from './featurespace.js';
import { FEATURES } from './features.js';

markCurrentNav();

const LIST_URL = serviceUrl('classify');
const WAIT_SECONDS = 2; // short blocking waits: the phase change returns at once, progress shows every 2 s
const state = { jobUrl: null, job: null, watching: false, result: null, resultUrl: null, localInput: null, fs: null };

const $ = id => document.getElementById(id);

// ---- submission
$('job-form').addEventListener('submit', async e => {
  e.preventDefault();
  const input = $('input-file').files[0];
  if (!input) {
    setStatus('submit-status', 'Choose a table of sources to classify first.', 'error');
    $('input-file').focus();
    return;
  }
  const fd = new FormData();
  fd.append('INPUT', input, input.name);
  for (const part of ['GAIA', '2MASS', 'ALLWISE', 'CATWISE', 'UNWISE']) {
    const f = document.querySelector(`#counterparts input[name="${part}"]`).files[0];
    if (f) fd.append(part, f, f.name);
  }
  const training = $('training-file').files[0];
  if (training) fd.append('TRAINING', training, training.name);
  fd.append('DRAWS', $('draws').value);
  if ($('targets-per-forest').value !== '1') fd.append('TARGETS_PER_FOREST', $('targets-per-forest').value);
  if (Number($('ebv-grid').value) !== 0) fd.append('EBV_GRID', $('ebv-grid').value);
  if ($('seed').value !== '') fd.append('SEED', $('seed').value);
  if ($('trees').value !== '100') fd.append('TREES', $('trees').value);
  if ($('ct-threshold').value !== '2') fd.append('CT_THRESHOLD', $('ct-threshold').value);
  if ($('algorithm').value !== 'fastrf') fd.append('ALGORITHM', $('algorithm').value);
  if ($('ebv').value !== 'table-else-dust-map') fd.append('EBV', $('ebv').value);
  if ($('no-xray').value !== 'refuse') fd.append('NO_XRAY', $('no-xray').value);
  if ($('training-overlap').value !== 'loo') fd.append('TRAINING_OVERLAP', $('training-overlap').value);
  if ($('publish').checked) fd.append('PUBLISH', 'yes');
  fd.append('PHASE', 'RUN');
  $('submit').disabled = true;
  setStatus('submit-status', `Uploading ${input.name} and creating the job…`, 'info');
  try {
    state.localInput = await readLocalTable(input);
    const jobUrl = await createJob(LIST_URL, fd);
    rememberJob(jobUrl);
    setStatus('submit-status', 'Job created.', 'ok');
    openJob(jobUrl);
  } catch (err) {
    setStatus('submit-status', err.message, 'error');
  } finally {
    $('submit').disabled = false;
  }
});

/** Reads the uploaded table in the browser when it can (CSV, TABLEDATA/BINARY2 VOTable) to place the sources in
 *  feature space: the result table carries the classes, the input carries the fluxes and magnitudes. */
async function readLocalTable(file) {
  try {
    if (file.size > 50e6) return null;
    const text = await file.text();
    if (/\.csv$/i.test(file.name)) return rowObjects(parseCsv(text));
    if (text.trimStart().startsWith('<')) {
      const t = parseVOTable(text).tables[0];
      return t ? rowObjects(t) : null;
    }
  } catch (e) {
    // Not readable here (FITS, gzip): the feature-space plot says so.
  }
  return null;
}

// ---- following a job
function openJob(jobUrl) {
  state.jobUrl = jobUrl;
  state.result = null;
  state.job = null;
  $('published-link').replaceChildren();
  const url = new URL(location.href);
  url.searchParams.set('job', jobUrl.split('/').pop());
  history.replaceState(null, '', url);
  $('job').hidden = false;
  $('results').hidden = true;
  $('job-link').href = jobUrl;
  watch();
}

async function watch() {
  if (state.watching) return;
  state.watching = true;
  let phase = null;
  try {
    for (;;) {
      let job;
      try {
        job = await getJob(state.jobUrl, phase ? WAIT_SECONDS : 0, phase);
      } catch (e) {
        setStatus('job-status', e.message, 'error');
        if (e.status === 404) { $('abort').disabled = true; $('delete').disabled = true; }
        return;
      }
      state.job = job;
      showJob(job);
      phase = job.phase;
      if (!ACTIVE.has(phase) || phase === 'PENDING' || phase === 'HELD' || phase === 'SUSPENDED') break;
    }
    await finished(state.job);
  } finally {
    state.watching = false;
  }
  loadJobList();
}

function showJob(job) {
  const dl = $('job-summary');
  const row = (k, v, id) => (v ? [el('dt', {}, k), el('dd', { id }, v)] : []);
  const params = job.params.filter(p => !p.byReference).map(p => `${p.id}=${p.value}`).join(', ');
  dl.replaceChildren(...row('Job', job.id), ...row('Phase', job.phase, 'job-phase'), ...row('Created', job.creationTime),
    ...row('Started', job.startTime), ...row('Ended', job.endTime), ...row('Parameters', params),
    ...row('Estimated end (quote)', job.quote), ...row('Execution limit', job.executionDuration
      ? `${job.executionDuration} s` : null), ...row('Deleted after', job.destruction));
  const bar = $('job-progress');
  const p = job.progress;
  if (job.phase === 'COMPLETED') {
    bar.value = 1;
  } else if (p && Number.isFinite(p.fraction)) {
    bar.value = p.fraction;
  } else {
    bar.removeAttribute('value');
  }
  const pText = p && p.total ? ` ${Math.round(100 * (p.fraction ?? 0))}% of the estimated work done (${Math.round(p.done / 1000)} of ${Math.round(p.total / 1000)} core-s).` : '';
  const kind = job.phase === 'ERROR' || job.phase === 'ABORTED' ? 'error' : job.phase === 'COMPLETED' ? 'ok' : 'info';
  let msg = `Phase ${job.phase}.${pText}`;
  if (job.phase === 'QUEUED') msg += ' Waiting for a free worker.';
  if (job.phase === 'ERROR' && job.error) msg = `The job failed: ${job.error.message}`;
  if (job.phase === 'ABORTED') msg = 'The job was aborted.';
  if (job.phase === 'PENDING') msg += ' The job has not been started.';
  setStatus('job-status', msg, kind);
  $('abort').disabled = !ACTIVE.has(job.phase);
  $('delete').disabled = false;
}

$('abort').addEventListener('click', async () => {
  if (!state.jobUrl) return;
  try {
    await abortJob(state.jobUrl);
    // the watcher may already have shown the ABORTED phase
    if (state.job && ACTIVE.has(state.job.phase)) setStatus('job-status', 'Abort requested…', 'info');
    if (!state.watching) watch();
  } catch (e) {
    setStatus('job-status', `Could not abort the job: ${e.message}`, 'error');
  }
});

$('delete').addEventListener('click', async () => {
  if (!state.jobUrl) return;
  try {
    await deleteJob(state.jobUrl);
    forgetJob(state.jobUrl);
    setStatus('submit-status', `Job ${state.jobUrl.split('/').pop()} deleted.`, 'ok');
    $('job').hidden = true;
    $('results').hidden = true;
    state.jobUrl = null;
    const url = new URL(location.href);
    url.searchParams.delete('job');
    history.replaceState(null, '', url);
    loadJobList();
  } catch (e) {
    setStatus('job-status', `Could not delete the job: ${e.message}`, 'error');
  }
});

// ---- results
function isVOTable(r) {
  return /votable|x-votable|text\/xml|application\/xml/i.test(r.mimeType) || /\.(vot|xml)$/i.test(r.href)
      || (!r.mimeType && /result/i.test(r.id));
}

async function finished(job) {
  if (job.phase !== 'COMPLETED') return;
  const ctParam = job.params.find(p => (p.id || '').toUpperCase() === 'CT_THRESHOLD');
  if (ctParam && Number.isFinite(Number(ctParam.value))) $('ct-cut').value = ctParam.value;
  const links = $('result-links');
  links.replaceChildren('Results: ', ...job.results.flatMap(r => [el('a', { href: r.href, download: r.id }, r.id
      + (r.mimeType ? ` (${r.mimeType})` : '')), ' ']));
  const png = job.results.find(r => /png/i.test(r.mimeType) || /\.png$/i.test(r.href));
  $('summary-image').replaceChildren(...(png ? [el('h3', {}, 'Summary drawn by the service'),
    el('img', { src: png.href, alt: 'Summary figure of the job: class counts with and without the CT cut and the '
        + 'probabilities of the most and least confident sources', style: 'max-width:100%' })] : []));
  const vot = job.results.find(isVOTable) || job.results[0];
  if (!vot) {
    setStatus('job-status', 'The job completed but lists no result.', 'error');
    return;
  }
  try {
    const { text } = await fetchText(vot.href);
    const parsed = parseVOTable(text);
    const table = parsed.tables[0];
    if (!table) throw new Error('the result VOTable has no table');
    state.result = table;
    state.resultUrl = vot.href;
    state.provenance = parsed.infos;
    showResults(table);
  } catch (e) {
    setStatus('job-status', `The job completed but its result could not be shown: ${e.message}`, 'error');
  }
}

function sources(table) {
  return rowObjects(table).map((r, i) => {
    const probs = CLASS_LABELS.map(c => Number(pick(r, [`P_${c}`, `p_${c.replace('-', '_')}`]) ?? NaN));
    const errs = CLASS_LABELS.map(c => Number(pick(r, [`e_P_${c}`, `e_p_${c.replace('-', '_')}`]) ?? NaN));
    return {
      index: i, row: r, name: String(pick(r, ['name', 'CSCv2_name', 'source_name']) ?? `row ${i + 1}`).trim(),
      ra: pick(r, ['ra', 'RA', 'CSCv2_RA']), dec: pick(r, ['dec', 'DEC', 'CSCv2_DEC']),
      cls: classInfo(pick(r, ['Class', 'class'])).label, prob: pick(r, ['Class_prob', 'class_prob']),
      ct: pick(r, ['CT', 'ct']), flag: pick(r, ['input_flag']), probs, errs,
    };
  });
}

function showResults(table) {
  $('results').hidden = false;
  const list = sources(table);
  state.sources = list;
  renderTable($('result-table'), table, { caption: 'Classification result (select a row for its probabilities)',
    onRowSelect: i => { $('source-select').value = String(i); drawSelected(); } });
  const select = $('source-select');
  select.replaceChildren(...list.map(s => el('option', { value: String(s.index) },
    `${s.name}: ${s.cls}, CT ${formatValue(s.ct)}${s.flag ? ` (${s.flag})` : ''}`)));
  select.onchange = drawSelected;
  const byCt = list.filter(s => Number.isFinite(s.ct)).sort((a, b) => b.ct - a.ct);
  if (byCt.length) {
    drawProb('prob-most', 'prob-most-caption', byCt[0], 'Most confident source');
    drawProb('prob-least', 'prob-least-caption', byCt[byCt.length - 1], 'Least confident source');
  }
  drawSelected();
  drawCutDependent();
  $('ct-cut').onchange = drawCutDependent;
  drawFeatureSpace(list);
}

function drawProb(id, captionId, s, what) {
  errorBarChart($(id), { title: `${what}: ${s.name}`, categories: CLASS_LABELS, values: s.probs, errors: s.errs,
    yLabel: 'probability', colorOf: l => classInfo(l).color, highlight: s.cls });
  $(captionId).textContent = `${what}: ${s.name}, ${s.cls} with P = ${formatValue(s.prob)}, CT = ${formatValue(s.ct)}.`;
}

function drawSelected() {
  const s = state.sources[Number($('source-select').value || 0)];
  if (!s) return;
  drawProb('prob-selected', 'prob-selected-caption', s, 'Selected source');
  for (const tr of document.querySelectorAll('#result-table tr.selected')) tr.classList.remove('selected');
  document.querySelector(`#result-table tr[data-row="${s.index}"]`)?.classList.add('selected');
}

function drawCutDependent() {
  const cut = Number($('ct-cut').value);
  const list = state.sources;
  const all = CLASS_LABELS.map(l => list.filter(s => s.cls === l).length);
  const kept = CLASS_LABELS.map(l => list.filter(s => s.cls === l && Number.isFinite(s.ct) && s.ct >= cut).length);
  groupedBars($('counts-plot'), { title: `Sources per predicted class, all and CT ≥ ${cut}`, categories: CLASS_LABELS,
    series: [{ name: `all (${list.length})`, values: all },
      { name: `CT ≥ ${cut} (${kept.reduce((a, b) => a + b, 0)})`, values: kept, opacity: 0.45 }],
    yLabel: 'sources', colorOf: l => classInfo(l).color, width: 620 });
  const pos = list.filter(s => Number.isFinite(s.ra) && Number.isFinite(s.dec));
  const present = CLASS_LABELS.filter(l => pos.some(s => s.cls === l));
  scatterPlot($('positions-plot'), { title: 'Source positions by predicted class', xLabel: 'RA (deg)',
    yLabel: 'Dec (deg)', invertX: true, width: 620, height: 520,
    layers: [
      { points: pos.filter(s => !(s.ct >= cut)).map(s => ({ x: s.ra, y: s.dec, cls: s.cls, title: `${s.name}: ${s.cls}, CT ${formatValue(s.ct)}` })), radius: 4, opacity: 0.55 },
      { points: pos.filter(s => s.ct >= cut).map(s => ({ x: s.ra, y: s.dec, cls: s.cls, title: `${s.name}: ${s.cls}, CT ${formatValue(s.ct)} (confident)` })), radius: 6, opacity: 0.95, outline: '#000' },
    ],
    legendItems: classLegend(present, Object.fromEntries(present.map(l => [l, pos.filter(s => s.cls === l).length]))),
  });
}

/** Joins each result row with its input row (by name, else by position) so the features can be computed. */
function withFeatures(list) {
  const input = state.localInput;
  const hasFeatures = r => pick(r, ['flux_s', 'Fs', 'flux_aper90_ave_s']) !== undefined;
  if (list.length && hasFeatures(list[0].row)) return list.map(s => ({ ...s.row, _cls: s.cls, _name: s.name }));
  if (!input) return null;
  const byName = new Map(input.map(r => [String(pick(r, ['name', 'CSCv2_name', 'source_name']) ?? '').trim(), r]));
  const joined = list.map((s, i) => {
    const r = byName.get(s.name) || (input.length === list.length ? input[i] : null);
    return r ? { ...r, _cls: s.cls, _name: s.name } : null;
  }).filter(Boolean);
  // A per-observation input (CSC detections) has no source-level fluxes: nothing to place.
  return joined.some(r => FEATURES.some(f => f.f(r) !== null)) ? joined : null;
}

/** The job's published rows (PUBLISH=yes) from muwclass.classified_sources: the measurements the pipeline used,
 *  also for per-observation input. Null when the job was not published. */
async function publishedRows(job) {
  const published = job.params.some(p => (p.id || '').toUpperCase() === 'PUBLISH' && /^(yes|true|1)$/i.test(p.value));
  if (!published || !/^[A-Za-z0-9_-]+$/.test(job.id || '')) return null;
  const { rows } = await tapQuery(`SELECT ${TRAINING_COLUMNS.filter(c => c !== 'true_class').join(', ')}`
      + ` FROM muwclass.classified_sources WHERE run_id = '${job.id}'`, 1000000);
  return rows.length ? rows.map(r => ({ ...r, _cls: classInfo(r.class).label, _name: String(r.name ?? '').trim() })) : null;
}

async function drawFeatureSpace(list) {
  let joined = withFeatures(list);
  let from = joined ? 'the uploaded table' : null;
  if (state.job) {
    try {
      const pub = await publishedRows(state.job);
      if (pub) {
        joined = pub;
        from = 'muwclass.classified_sources';
        const q = `SELECT * FROM muwclass.classified_sources WHERE run_id = '${state.job.id}'`;
        $('published-link').replaceChildren('The job\'s rows are published: ', el('a', {
          href: `query.html?query=${encodeURIComponent(q)}` }, 'query them with ADQL'), '.');
      }
    } catch (e) {
      // fall back to what the browser has
    }
  }
  if (!joined) {
    setStatus('fs-status', 'The result table has no fluxes or magnitudes, and no source-level input table (CSV or '
        + 'VOTable with fluxes and magnitudes) was uploaded from this page, so the job\'s sources cannot be placed in '
        + 'feature space here; the training set is shown alone.', 'info');
  } else {
    setStatus('fs-status', `The job's sources (large outlined markers) with the fluxes and magnitudes from ${from}.`, 'info');
  }
  try {
    const { rows } = await trainingSet();
    state.fs = featureSpace($('feature-space'), { id: 'job', training: rows, trainingClass: r => r.true_class,
      sources: joined || [], sourceClass: r => r._cls, sourceName: r => r._name, x: 'HR_ms', y: 'FG' });
  } catch (e) {
    setStatus('fs-status', `Could not load the training set for the feature-space plot: ${e.message}`, 'error');
  }
}

wireSampButton($('samp-send'), $('samp-status'), () => state.resultUrl,
  () => `MUWCLASS job ${state.job ? state.job.id : ''}`);

// ---- job list
// The service lists no anonymous jobs (each is private to whoever holds its URL), so this page keeps the URLs of
// the jobs this browser created in localStorage and shows only those.
const MY_JOBS_KEY = 'muwclass.classify.myJobs';
const MY_JOBS_KEPT = 50;

function myJobs() {
  try {
    const v = JSON.parse(localStorage.getItem(MY_JOBS_KEY) || '[]');
    return Array.isArray(v) ? v.filter(j => j && typeof j.url === 'string' && typeof j.id === 'string') : [];
  } catch (e) {
    return [];
  }
}

function saveMyJobs(jobs) {
  try {
    localStorage.setItem(MY_JOBS_KEY, JSON.stringify(jobs.slice(0, MY_JOBS_KEPT)));
  } catch (e) {
    // storage full or disabled: the list just stays shorter
  }
}

function rememberJob(jobUrl) {
  const id = jobUrl.split('/').pop();
  saveMyJobs([{ id, url: jobUrl, created: new Date().toISOString() }, ...myJobs().filter(j => j.id !== id)]);
}

function forgetJob(jobUrl) {
  const id = jobUrl.split('/').pop();
  saveMyJobs(myJobs().filter(j => j.id !== id));
}

async function loadJobList() {
  const box = $('job-list');
  const jobs = myJobs().slice(0, 20);
  if (!jobs.length) {
    box.textContent = 'No jobs created from this browser yet.';
    return;
  }
  const ul = el('ul');
  const gone = [];
  for (const j of jobs) {
    let phase = '';
    try {
      phase = (await getJob(`${LIST_URL}/${encodeURIComponent(j.id)}`)).phase;
    } catch (e) {
      if (e.status === 404) {
        gone.push(j.id); // destroyed after its destruction time
        continue;
      }
      phase = `unreadable (${e.message})`;
    }
    ul.append(el('li', {}, el('a', { href: `classify.html?job=${encodeURIComponent(j.id)}`,
      onclick: ev => { ev.preventDefault(); openJob(`${LIST_URL}/${j.id}`); } }, j.id), ` ${phase}`,
      j.created ? `, created ${j.created}` : ''));
  }
  if (gone.length) saveMyJobs(myJobs().filter(j => !gone.includes(j.id)));
  box.replaceChildren(ul.children.length ? ul : document.createTextNode('No jobs created from this browser yet.'));
}
$('refresh-jobs').addEventListener('click', loadJobList);

const initialJob = new URLSearchParams(location.search).get('job');
if (initialJob && /^[A-Za-z0-9._-]+$/.test(initialJob)) openJob(`${LIST_URL}/${initialJob}`);
loadJobList();
