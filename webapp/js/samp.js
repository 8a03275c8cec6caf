// SAMP Web Profile client (SAMP 1.3 §5): registers with the hub a desktop SAMP application runs (TOPCAT, Aladin or
// a stand-alone hub) at http://localhost:21012/, and sends a table.load.votable message with the URL of a table this
// service serves. XML-RPC is written and read by hand; nothing is loaded from outside.

const HUB = 'http://localhost:21012/';
const APP_NAME = 'MUWCLASS-VO';

function xmlEscape(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function encode(v) {
  if (Array.isArray(v)) {
    return `<value><array><data>${v.map(encode).join('')}</data></array></value>`;
  }
  if (v !== null && typeof v === 'object') {
    return `<value><struct>${Object.entries(v).map(([k, x]) => `<member><name>${xmlEscape(k)}</name>${encode(x)}</member>`).join('')}</struct></value>`;
  }
  // SAMP sends every scalar as a string.
  return `<value><string>${xmlEscape(v ?? '')}</string></value>`;
}

function decode(valueEl) {
  const inner = Array.from(valueEl.children)[0];
  if (!inner) return valueEl.textContent;
  switch (inner.localName) {
    case 'struct': {
      const o = {};
      for (const m of Array.from(inner.children)) {
        const name = m.getElementsByTagName('name')[0].textContent;
        o[name] = decode(m.getElementsByTagName('value')[0]);
      }
      return o;
    }
    case 'array': {
      const data = inner.getElementsByTagName('data')[0];
      return Array.from(data.children).filter(c => c.localName === 'value').map(decode);
    }
    default:
      return inner.textContent;
  }
}

/** Calls a hub method; rejects with the fault string or with a connection failure (hub not running). */
async function call(method, params, timeoutMs) {
  const body = `<?xml version="1.0"?><methodCall><methodName>${method}</methodName><params>`
      + params.map(p => `<param>${encode(p)}</param>`).join('') + '</params></methodCall>';
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  let res;
  try {
    res = await fetch(HUB, { method: 'POST', body, headers: { 'Content-Type': 'text/xml' }, signal: ctrl.signal });
  } catch (e) {
    const err = new Error(ctrl.signal.aborted ? 'the SAMP hub did not answer in time'
      : 'no SAMP hub answered at http://localhost:21012/');
    err.noHub = true;
    throw err;
  } finally {
    clearTimeout(timer);
  }
  const text = await res.text();
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const fault = doc.getElementsByTagName('fault')[0];
  if (fault) {
    const f = decode(fault.getElementsByTagName('value')[0]);
    throw new Error(`the hub refused ${method}: ${f.faultString || JSON.stringify(f)}`);
  }
  const value = doc.getElementsByTagName('param')[0]?.getElementsByTagName('value')[0];
  return value ? decode(value) : null;
}

/**
 * Sends a VOTable URL to every SAMP client subscribed to table.load.votable (TOPCAT, Aladin, ...).
 * Registration can take a while: the hub asks its user to accept this web page.
 * @param {string} url absolute URL of the table (served by this service)
 * @param {string} name a name for the table in the receiving application
 * @returns {Promise<string[]>} ids of the clients the message went to
 */
export async function sendTable(url, name) {
  const reg = await call('samp.webhub.register', [{ 'samp.name': APP_NAME }], 120000);
  const key = reg['samp.private-key'];
  try {
    await call('samp.webhub.declareMetadata', [key, {
      'samp.name': APP_NAME,
      'samp.description.text': 'MUWCLASS X-ray source classification service (TAP and UWS)',
    }], 10000);
    const recipients = await call('samp.webhub.notifyAll', [key, {
      'samp.mtype': 'table.load.votable',
      'samp.params': { url, 'table-id': url, name },
    }], 10000);
    return Array.isArray(recipients) ? recipients : [];
  } finally {
    call('samp.webhub.unregister', [key], 5000).catch(() => {});
  }
}

/** Text for a failed send, with what the user can do about it. */
export function explainFailure(e) {
  if (e.noHub) {
    return `Could not send the table: ${e.message}. Start TOPCAT or Aladin (each runs a SAMP hub), or a stand-alone `
        + 'hub, allow this web page when the hub asks, and try again. You can also download the table and open it '
        + 'yourself.';
  }
  return `Could not send the table: ${e.message}.`;
}

/** Wires a "send to TOPCAT/Aladin" button: getUrl() gives the table URL at click time. */
export function wireSampButton(button, statusEl, getUrl, getName) {
  button.addEventListener('click', async () => {
    const url = getUrl();
    if (!url) return;
    button.disabled = true;
    statusEl.className = 'status status-info';
    statusEl.hidden = false;
    statusEl.textContent = 'Contacting the SAMP hub (accept this page in the hub\'s dialog if it asks)…';
    try {
      const to = await sendTable(url, getName ? getName() : 'MUWCLASS-VO table');
      statusEl.className = 'status status-ok';
      statusEl.textContent = to.length
        ? `Sent table.load.votable to ${to.length} SAMP client${to.length > 1 ? 's' : ''} (${to.join(', ')}).`
        : 'The hub accepted the message, but no running application is subscribed to table.load.votable: start TOPCAT or Aladin.';
    } catch (e) {
      statusEl.className = 'status status-error';
      statusEl.textContent = explainFailure(e);
    } finally {
      button.disabled = false;
    }
  });
}
