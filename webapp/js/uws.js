// UWS 1.1 client for the pages: reads job and job-list documents, submits, waits (blocking WAIT), aborts, deletes.

const XLINK = 'http://www.w3.org/1999/xlink';
export const ACTIVE = new Set(['PENDING', 'QUEUED', 'EXECUTING', 'HELD', 'SUSPENDED']);
export const FINAL = new Set(['COMPLETED', 'ERROR', 'ABORTED', 'ARCHIVED']);

function first(doc, name) {
  return doc.getElementsByTagNameNS('*', name)[0] || null;
}

function textOf(doc, name) {
  const e = first(doc, name);
  return e && e.getAttribute('xsi:nil') !== 'true' && e.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'nil') !== 'true'
    ? e.textContent.trim() : null;
}

/** Parses a uws:job document. */
export function parseJob(text, jobUrl) {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const root = doc.documentElement;
  if (!root || root.localName !== 'job') {
    throw new Error('The service did not answer with a UWS job document');
  }
  const params = Array.from(doc.getElementsByTagNameNS('*', 'parameter')).map(p => ({
    id: p.getAttribute('id'), value: p.textContent.trim(), byReference: p.getAttribute('byReference') === 'true',
  }));
  const results = Array.from(doc.getElementsByTagNameNS('*', 'result')).map(r => ({
    id: r.getAttribute('id'),
    href: new URL(r.getAttributeNS(XLINK, 'href') || r.getAttribute('xlink:href') || `${jobUrl}/results/${r.getAttribute('id')}`,
      jobUrl).href,
    mimeType: r.getAttribute('mime-type') || '',
    size: r.getAttribute('size'),
  }));
  const errorSummary = first(doc, 'errorSummary');
  const progressEl = first(doc, 'progress');
  let progress = null;
  if (progressEl) {
    const done = Number(progressEl.getAttribute('done'));
    const total = Number(progressEl.getAttribute('total'));
    const fraction = progressEl.getAttribute('fraction');
    progress = { done, total, fraction: fraction !== null ? Number(fraction) : (total > 0 ? done / total : null) };
  }
  return {
    id: textOf(doc, 'jobId'),
    runId: textOf(doc, 'runId'),
    owner: textOf(doc, 'ownerId'),
    phase: textOf(doc, 'phase'),
    quote: textOf(doc, 'quote'),
    creationTime: textOf(doc, 'creationTime'),
    startTime: textOf(doc, 'startTime'),
    endTime: textOf(doc, 'endTime'),
    executionDuration: textOf(doc, 'executionDuration'),
    destruction: textOf(doc, 'destruction'),
    params,
    results,
    error: errorSummary ? { type: errorSummary.getAttribute('type'),
      hasDetail: errorSummary.getAttribute('hasDetail') === 'true',
      message: (first(errorSummary, 'message')?.textContent || '').trim() } : null,
    progress,
  };
}

/** Parses a uws:jobs list. */
export function parseJobList(text, listUrl) {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  return Array.from(doc.getElementsByTagNameNS('*', 'jobref')).map(j => ({
    id: j.getAttribute('id'),
    href: new URL(j.getAttributeNS(XLINK, 'href') || j.getAttribute('xlink:href') || `${listUrl}/${j.getAttribute('id')}`,
      listUrl).href,
    phase: (j.getElementsByTagNameNS('*', 'phase')[0]?.textContent || '').trim(),
    runId: (j.getElementsByTagNameNS('*', 'runId')[0]?.textContent || '').trim(),
    creationTime: (j.getElementsByTagNameNS('*', 'creationTime')[0]?.textContent || '').trim(),
  }));
}

/** Message of a refused request: the text of a VOTable/plain/XML error body, shortened. */
export function errorText(body, status) {
  const t = (body || '').trim();
  if (t.startsWith('<')) {
    const doc = new DOMParser().parseFromString(t, 'application/xml');
    const info = Array.from(doc.getElementsByTagNameNS('*', 'INFO')).find(i => i.getAttribute('name') === 'QUERY_STATUS');
    if (info) return info.textContent.trim();
    const msg = doc.getElementsByTagNameNS('*', 'message')[0];
    if (msg) return msg.textContent.trim();
    return (doc.documentElement?.textContent || t).trim().slice(0, 500);
  }
  return t.slice(0, 500) || `HTTP ${status}`;
}

/** Creates a job (POST to the job list, multipart); resolves to the job URL the 303 redirect named. */
export async function createJob(listUrl, formData) {
  let res;
  try {
    res = await fetch(listUrl, { method: 'POST', body: formData });
  } catch (e) {
    throw new Error(`Could not reach the service: ${e.message}`);
  }
  const text = await res.text();
  if (!res.ok) {
    const err = new Error(`The service refused the job (HTTP ${res.status}): ${errorText(text, res.status)}`);
    err.status = res.status;
    err.serviceMessage = errorText(text, res.status);
    err.retryAfter = res.headers.get('Retry-After');
    throw err;
  }
  if (res.url.replace(/\/$/, '') === listUrl.replace(/\/$/, '')) {
    throw new Error('The service did not redirect to a new job');
  }
  return res.url;
}

/** Fetches the job document, blocking up to waitSeconds while the phase is still `phase` (UWS 1.1 WAIT). */
export async function getJob(jobUrl, waitSeconds, phase) {
  const u = new URL(jobUrl);
  if (waitSeconds && phase && ACTIVE.has(phase)) {
    u.searchParams.set('WAIT', String(waitSeconds));
    u.searchParams.set('PHASE', phase);
  }
  const res = await fetch(u.href, { cache: 'no-store' });
  const text = await res.text();
  if (!res.ok) {
    const err = new Error(`Could not read the job (HTTP ${res.status}): ${errorText(text, res.status)}`);
    err.status = res.status;
    throw err;
  }
  return parseJob(text, jobUrl);
}

async function postForm(url, fields) {
  const res = await fetch(url, { method: 'POST', body: new URLSearchParams(fields) });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${errorText(text, res.status)}`);
  return res;
}

export function abortJob(jobUrl) {
  return postForm(`${jobUrl}/phase`, { PHASE: 'ABORT' });
}

export function deleteJob(jobUrl) {
  return postForm(jobUrl, { ACTION: 'DELETE' });
}
