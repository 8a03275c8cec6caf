// Shared helpers of the MUWCLASS-VO pages: the class vocabulary, DOM building, service calls, status messages.

/** The eight classes in the pipeline's order, with a colour and a marker shape each (shape as well as colour, so
 *  the plots also read for colour-blind people and in grey print). */
export const CLASSES = [
  { label: 'AGN', name: 'active galactic nuclei', color: '#1f77b4', shape: 'circle' },
  { label: 'CV', name: 'cataclysmic variables', color: '#d62728', shape: 'square' },
  { label: 'HM-STAR', name: 'high-mass stars', color: '#2ca02c', shape: 'triangle' },
  { label: 'HMXB', name: 'high-mass X-ray binaries', color: '#9467bd', shape: 'diamond' },
  { label: 'LM-STAR', name: 'low-mass stars', color: '#ff7f0e', shape: 'triangle-down' },
  { label: 'LMXB', name: 'low-mass X-ray binaries', color: '#8c564b', shape: 'cross' },
  { label: 'NS', name: 'isolated neutron stars', color: '#e377c2', shape: 'star' },
  { label: 'YSO', name: 'young stellar objects', color: '#17becf', shape: 'plus' },
];

export const CLASS_LABELS = CLASSES.map(c => c.label);

export function classInfo(label) {
  const l = String(label ?? '').trim().toUpperCase();
  return CLASSES.find(c => c.label === l) || { label: l || '?', name: 'unknown', color: '#777777', shape: 'circle' };
}

/** The service root (where the pages live), so relative endpoint paths work under any context root. */
export function serviceUrl(path) {
  return new URL(path, document.baseURI).href;
}

/** Creates an element: el('a', {href: 'x', class: 'y'}, 'text', child). Attributes starting with "on" are listeners. */
export function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') {
      e.addEventListener(k.slice(2), v);
    } else if (k === 'text') {
      e.textContent = v;
    } else {
      e.setAttribute(k, v === true ? '' : v);
    }
  }
  for (const kid of kids.flat()) {
    if (kid === null || kid === undefined || kid === false) continue;
    e.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return e;
}

/** Writes a message into a status element (an aria-live region), with a kind: info, ok, error. */
export function setStatus(target, message, kind = 'info') {
  const t = typeof target === 'string' ? document.getElementById(target) : target;
  t.textContent = '';
  t.className = `status status-${kind}`;
  if (message instanceof Node) {
    t.append(message);
  } else {
    t.textContent = message;
  }
  t.hidden = !message;
}

/** Formats a cell value for display: numbers with up to 6 significant digits, nulls empty. */
export function formatValue(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v);
    const a = Math.abs(v);
    if (a !== 0 && (a < 1e-3 || a >= 1e7)) return v.toExponential(3);
    return String(Number(v.toPrecision(6)));
  }
  if (Array.isArray(v)) return v.map(formatValue).join(' ');
  return String(v);
}

/** Fetches text, failing with a message that names the URL and status when the answer is not 2xx. */
export async function fetchText(url, init) {
  let res;
  try {
    res = await fetch(url, init);
  } catch (e) {
    throw new Error(`Could not reach the service at ${url}: ${e.message}`);
  }
  const text = await res.text();
  if (!res.ok) {
    const err = new Error(`${url} answered HTTP ${res.status}`);
    err.status = res.status;
    err.body = text;
    err.contentType = res.headers.get('content-type') || '';
    throw err;
  }
  return { text, url: res.url, contentType: res.headers.get('content-type') || '', status: res.status };
}

/** Case-insensitive lookup of the first of several candidate column names in a row object. */
export function pick(row, names) {
  for (const n of names) {
    if (Object.prototype.hasOwnProperty.call(row, n)) return row[n];
  }
  const lower = {};
  for (const k of Object.keys(row)) lower[k.toLowerCase()] = k;
  for (const n of names) {
    const k = lower[n.toLowerCase()];
    if (k !== undefined) return row[k];
  }
  return undefined;
}

/** Marks the current page in the navigation for screen readers and the eye. */
export function markCurrentNav() {
  const here = location.pathname.split('/').pop() || 'index.html';
  for (const a of document.querySelectorAll('nav.site a')) {
    if (a.getAttribute('href') === here || (here === 'index.html' && a.getAttribute('href') === './')) {
      a.setAttribute('aria-current', 'page');
    }
  }
}
