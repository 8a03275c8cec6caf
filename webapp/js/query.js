// Query page: ADQL form over tap/sync, DALI examples, VODataService table browser, sortable results, DALI error
// messages with the reported line/column highlighted, download links per output format, SAMP send.

import { classInfo, el, fetchText, markCurrentNav, serviceUrl, setStatus } from './common.js';
import { isNumeric, parseVOTable } from './votable.js';
import { renderTable } from './table.js';
import { classLegend, scatterPlot } from './plots.js';
import { wireSampButton } from './samp.js';

markCurrentNav();

const form = document.getElementById('query-form');
const adql = document.getElementById('adql');
const maxrec = document.getElementById('maxrec');
const exampleSelect = document.getElementById('example');
const TABLEDATA = 'application/x-votable+xml;serialization=TABLEDATA';
let lastQuery = null;
let lastTable = null;
let errorRanges = [];

/** GET URL of the current query in one output format (used for downloads and for SAMP). */
function syncUrl(query, format) {
  const p = new URLSearchParams({ REQUEST: 'doQuery', LANG: 'ADQL', QUERY: query, RESPONSEFORMAT: format });
  if (maxrec.value !== '') p.set('MAXREC', maxrec.value);
  return serviceUrl(`tap/sync?${p}`);
}

// ---- examples (DALI examples document: RDFa-annotated XHTML)
async function loadExamples() {
  try {
    const { text } = await fetchText(serviceUrl('tap/examples'));
    const doc = new DOMParser().parseFromString(text, 'text/html');
    const examples = [];
    for (const ex of doc.querySelectorAll('[typeof~="example"]')) {
      const q = ex.querySelector('[property="query"]');
      if (!q) continue;
      const name = ex.querySelector('[property="name"]')?.textContent.trim() || ex.id || `Example ${examples.length + 1}`;
      examples.push({ name, query: q.textContent.trim() });
    }
    exampleSelect.replaceChildren(el('option', { value: '' }, examples.length
      ? `Choose one of ${examples.length} examples…` : 'The service lists no examples'));
    examples.forEach((ex, i) => exampleSelect.append(el('option', { value: String(i) }, ex.name)));
    exampleSelect.addEventListener('change', () => {
      const ex = examples[Number(exampleSelect.value)];
      if (ex) {
        adql.value = ex.query;
        adql.focus();
      }
    });
  } catch (e) {
    exampleSelect.replaceChildren(el('option', { value: '' }, 'Examples unavailable'));
    exampleSelect.title = e.message;
  }
}

// ---- table browser (VOSI tables)
async function loadTables() {
  const box = document.getElementById('tables');
  try {
    const { text } = await fetchText(serviceUrl('tap/tables'));
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    box.replaceChildren();
    const byLocal = (parent, name) => Array.from(parent.children).filter(c => c.localName === name);
    for (const schema of Array.from(doc.getElementsByTagName('*')).filter(e => e.localName === 'schema')) {
      for (const t of byLocal(schema, 'table')) {
        const name = byLocal(t, 'name')[0]?.textContent.trim();
        const desc = byLocal(t, 'description')[0]?.textContent.trim() || '';
        const list = el('ul');
        for (const c of byLocal(t, 'column')) {
          const cname = byLocal(c, 'name')[0]?.textContent.trim();
          const unit = byLocal(c, 'unit')[0]?.textContent.trim();
          const cdesc = byLocal(c, 'description')[0]?.textContent.trim() || '';
          list.append(el('li', {}, el('button', { type: 'button', title: `Insert ${cname}`,
            onclick: () => insertAtCursor(cname) }, cname), unit ? ` [${unit}]` : '', cdesc ? ` ${cdesc}` : ''));
        }
        box.append(el('details', {}, el('summary', {}, el('code', {}, name), desc ? ` – ${desc}` : ''), list));
      }
    }
    if (!box.children.length) box.textContent = 'The service lists no tables.';
  } catch (e) {
    box.textContent = `Could not read the table list: ${e.message}`;
  }
}

function insertAtCursor(text) {
  const start = adql.selectionStart;
  const end = adql.selectionEnd;
  adql.setRangeText(text, start, end, 'end');
  adql.focus();
}

// ---- error positions: "at line 2, column 8" (this service) and "[l.2 c.8 - l.2 c.12]" (VOLLT ADQL)
export function errorPositions(message, query) {
  const lines = query.split('\n');
  const offset = (line, col) => {
    let o = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) o += lines[i].length + 1;
    return Math.min(query.length, o + Math.max(0, col - 1));
  };
  const ranges = [];
  for (const m of message.matchAll(/\[l\.(\d+) c\.(\d+) - l\.(\d+) c\.(\d+)\]/g)) {
    const a = offset(+m[1], +m[2]);
    ranges.push([a, Math.max(a + 1, offset(+m[3], +m[4]))]);
  }
  const encountered = message.match(/Encountered "([^"]+)"/);
  for (const m of message.matchAll(/line (\d+),? column (\d+)/gi)) {
    const a = offset(+m[1], +m[2]);
    let b = a;
    if (encountered && query.startsWith(encountered[1], a)) {
      b = a + encountered[1].length;
    } else if (/[\w"]/.test(query[a] || '')) {
      while (b < query.length && /[\w.$"]/.test(query[b])) b++;
    } else {
      while (b < query.length && /[^\s\w"']/.test(query[b])) b++;
    }
    ranges.push([a, Math.max(a + 1, b)]);
  }
  ranges.sort((x, y) => x[0] - y[0]);
  return ranges.filter((r, i) => i === 0 || r[0] >= ranges[i - 1][1]);
}

function showError(message, query) {
  setStatus('query-status', message, 'error');
  errorRanges = errorPositions(message, query);
  const box = document.getElementById('query-error');
  if (!errorRanges.length) {
    box.hidden = true;
    return;
  }
  const pre = document.getElementById('query-error-text');
  pre.replaceChildren();
  let at = 0;
  for (const [a, b] of errorRanges) {
    pre.append(query.slice(at, a), el('mark', {}, query.slice(a, b) || ' '));
    at = b;
  }
  pre.append(query.slice(at));
  box.hidden = false;
}

document.getElementById('goto-error').addEventListener('click', () => {
  if (!errorRanges.length) return;
  adql.focus();
  adql.setSelectionRange(errorRanges[0][0], errorRanges[0][1]);
});

// ---- running a query
async function run() {
  const query = adql.value.trim();
  document.getElementById('query-error').hidden = true;
  if (!query) {
    setStatus('query-status', 'Write an ADQL query first.', 'error');
    return;
  }
  const button = document.getElementById('run');
  button.disabled = true;
  setStatus('query-status', 'Running the query…', 'info');
  const started = performance.now();
  const body = new URLSearchParams({ REQUEST: 'doQuery', LANG: 'ADQL', QUERY: query, RESPONSEFORMAT: TABLEDATA });
  if (maxrec.value !== '') body.set('MAXREC', maxrec.value);
  try {
    let res;
    try {
      res = await fetch(serviceUrl('tap/sync'), { method: 'POST', body });
    } catch (e) {
      throw new Error(`Could not reach the TAP service: ${e.message}`);
    }
    const text = await res.text();
    let vot = null;
    try {
      vot = parseVOTable(text);
    } catch (e) {
      if (res.ok) throw e;
    }
    if (vot && vot.status === 'ERROR') {
      showError(vot.statusText || `The service reported an error (HTTP ${res.status}) without a message.`, query);
      return;
    }
    if (!res.ok || !vot) {
      showError(`The TAP service answered HTTP ${res.status}: ${text.slice(0, 300)}`, query);
      return;
    }
    const table = vot.tables[0];
    if (!table) {
      showError('The service answered without a result table.', query);
      return;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const overflow = vot.status === 'OVERFLOW';
    setStatus('query-status', `${table.rows.length} rows in ${seconds} s.`
        + (overflow ? ` The result was truncated at MAXREC = ${maxrec.value || 'the service default'}: raise MAXREC or`
        + ' narrow the query to get every row.' : ''), overflow ? 'info' : 'ok');
    lastQuery = query;
    lastTable = table;
    showResults(table);
    const url = new URL(location.href);
    url.searchParams.set('query', query);
    history.replaceState(null, '', url);
  } catch (e) {
    showError(e.message, query);
  } finally {
    button.disabled = false;
  }
}

function showResults(table) {
  document.getElementById('results').hidden = false;
  for (const a of document.querySelectorAll('#downloads a')) {
    a.href = syncUrl(lastQuery, a.dataset.format);
  }
  renderTable(document.getElementById('result-table'), table, { caption: 'Query result' });
  setupPlot(table);
}

function setupPlot(table) {
  const numericCols = table.fields.map((f, i) => ({ f, i })).filter(({ f }) => isNumeric(f));
  const section = document.getElementById('plot-section');
  section.hidden = numericCols.length < 2 || table.rows.length === 0;
  if (section.hidden) return;
  const xs = document.getElementById('plot-x');
  const ys = document.getElementById('plot-y');
  const opts = () => numericCols.map(({ f, i }) => el('option', { value: String(i) }, f.name));
  xs.replaceChildren(...opts());
  ys.replaceChildren(...opts());
  const find = n => numericCols.find(({ f }) => f.name.toLowerCase() === n);
  xs.value = String((find('ra') || numericCols[0]).i);
  ys.value = String((find('dec') || numericCols[1]).i);
  const classCol = table.fields.findIndex(f => f.name.toLowerCase() === 'class');
  const draw = () => {
    const xi = Number(xs.value);
    const yi = Number(ys.value);
    const points = table.rows.map(r => ({ x: r[xi], y: r[yi], cls: classCol >= 0 ? r[classCol] : null,
      color: classCol >= 0 ? null : '#1f77b4', title: `${table.fields[xi].name} ${r[xi]}, ${table.fields[yi].name} ${r[yi]}` }));
    const labels = classCol >= 0 ? [...new Set(table.rows.map(r => classInfo(r[classCol]).label))].sort() : null;
    scatterPlot(document.getElementById('result-plot'), {
      title: `${table.fields[yi].name} against ${table.fields[xi].name}`,
      xLabel: table.fields[xi].name + (table.fields[xi].unit ? ` [${table.fields[xi].unit}]` : ''),
      yLabel: table.fields[yi].name + (table.fields[yi].unit ? ` [${table.fields[yi].unit}]` : ''),
      layers: [{ points, radius: 3.5 }],
      invertX: table.fields[xi].name.toLowerCase() === 'ra',
      legendItems: labels ? classLegend(labels) : null,
    });
  };
  xs.onchange = draw;
  ys.onchange = draw;
  draw();
}

form.addEventListener('submit', e => { e.preventDefault(); run(); });
adql.addEventListener('keydown', e => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    run();
  }
});
wireSampButton(document.getElementById('samp-send'), document.getElementById('samp-status'),
  () => (lastQuery ? syncUrl(lastQuery, 'votable') : null), () => 'MUWCLASS-VO query');

const initial = new URLSearchParams(location.search).get('query');
if (initial) adql.value = initial;
loadExamples();
loadTables();
if (initial) run();
