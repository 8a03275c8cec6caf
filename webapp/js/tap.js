// Small TAP client for the pages: a synchronous ADQL query answered as a TABLEDATA VOTable, with the service's DALI
// error message as the exception text.

import { serviceUrl } from './common.js';
import { parseVOTable, rowObjects } from './votable.js';

/** Runs an ADQL query on tap/sync; resolves to {table, rows (objects), overflow}. */
export async function tapQuery(query, maxrec) {
  const body = new URLSearchParams({ REQUEST: 'doQuery', LANG: 'ADQL', QUERY: query,
    RESPONSEFORMAT: 'application/x-votable+xml;serialization=TABLEDATA' });
  if (maxrec !== undefined) body.set('MAXREC', String(maxrec));
  let res;
  try {
    res = await fetch(serviceUrl('tap/sync'), { method: 'POST', body });
  } catch (e) {
    throw new Error(`Could not reach the TAP service: ${e.message}`);
  }
  const text = await res.text();
  let vot;
  try {
    vot = parseVOTable(text);
  } catch (e) {
    throw new Error(`TAP query failed (HTTP ${res.status}): ${res.ok ? e.message : text.slice(0, 200)}`);
  }
  if (vot.status === 'ERROR' || !res.ok) {
    throw new Error(`TAP query failed: ${vot.statusText || `HTTP ${res.status}`}`);
  }
  const table = vot.tables[0];
  if (!table) throw new Error('TAP query answered without a table');
  return { table, rows: rowObjects(table), overflow: vot.status === 'OVERFLOW' };
}

/** Columns of muwclass.training_set the plots need. */
export const TRAINING_COLUMNS = ['name', 'ra', 'dec', 'flux_s', 'flux_m', 'flux_h', 'flux_b', 'p_inter', 'p_intra',
  'gmag', 'bpmag', 'rpmag', 'jmag', 'hmag', 'kmag', 'w1mag', 'w2mag', 'w3mag', 'true_class', 'class', 'class_prob', 'ct'];

let trainingPromise = null;

/** The training set (2,941 rows), fetched once per page. */
export function trainingSet() {
  if (!trainingPromise) {
    trainingPromise = tapQuery(`SELECT ${TRAINING_COLUMNS.join(', ')} FROM muwclass.training_set`, 100000)
      .catch(e => { trainingPromise = null; throw e; });
  }
  return trainingPromise;
}
