// Home page: how far the service's own classification of its shipped demo fields is (muwclass.demo_runs through
// TAP), so a fresh install says "being classified, 40% done" rather than showing an empty
// muwclass.classified_sources. Polls while a field's job is queued or running.
import { el, setStatus } from './common.js';
import { tapQuery } from './tap.js';

const LABELS = { NGC3532: 'NGC 3532', IC2395: 'IC 2395' };
const POLL_MS = 15000;
// with the demo on, the fields are claimed within seconds of the start: keep looking a little while none is
const EMPTY_POLLS = 8;

/** One line per field: what its job is doing. */
export function describeDemoRun(row) {
  const name = LABELS[row.field] || row.field;
  const settings = row.settings ? ` (${row.settings})` : '';
  switch (row.phase) {
    case 'PENDING':
    case 'QUEUED':
      return `${name}: queued for classification${settings}.`;
    case 'EXECUTING': {
      const done = typeof row.progress === 'number' && Number.isFinite(row.progress)
        ? `, ${Math.floor(row.progress * 100)}% done` : '';
      return `${name}: being classified${done}${settings}; its rows appear in muwclass.classified_sources when it`
        + ' completes.';
    }
    case 'COMPLETED':
      return `${name}: ${row.sources ?? '?'} sources classified and published in muwclass.classified_sources`
        + `${settings}.`;
    case 'ERROR':
    case 'ABORTED':
      return `${name}: the classification ended ${row.phase}; the service tries again at its next start.`;
    default:
      return row.state === 'REFUSED' ? `${name}: the classification could not be submitted (see the service log).`
        : `${name}: being submitted.`;
  }
}

function active(row) {
  return !row.phase || ['PENDING', 'QUEUED', 'EXECUTING'].includes(row.phase);
}

async function refresh(emptyPolls) {
  let rows;
  try {
    ({ rows } = await tapQuery('SELECT field, phase, progress, sources, settings, state FROM muwclass.demo_runs'
      + ' ORDER BY field DESC'));
  } catch (e) {
    setStatus('demo-status', `Could not read the demo fields' progress: ${e.message}`, 'error');
    return;
  }
  if (rows.length === 0) {
    setStatus('demo-status', 'No demo field has been classified on this installation (muwclass.demo.publish=false,'
      + ' or the service has just started).', 'info');
    if (emptyPolls < EMPTY_POLLS) setTimeout(() => refresh(emptyPolls + 1), POLL_MS);
    return;
  }
  const running = rows.some(active);
  setStatus('demo-status', el('span', {}, ...rows.flatMap((r, i) => [i ? el('br') : null, describeDemoRun(r)])),
    running ? 'info' : 'ok');
  if (running) setTimeout(() => refresh(emptyPolls), POLL_MS);
}

refresh(0);
