// VOTable reader for the browser: TABLEDATA, BINARY and BINARY2 serialisations of the tables this service writes,
// plus the INFO elements a TAP or UWS service uses to say how a request went (QUERY_STATUS, provenance).

const XSD_NUMERIC = new Set(['short', 'int', 'long', 'float', 'double', 'unsignedByte']);

/**
 * Parses a VOTable document.
 * @param {string} text the XML
 * @returns {{tables: Array, infos: Array<{name:string,value:string,text:string}>, status: string|null,
 *            statusText: string}}
 */
export function parseVOTable(text) {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) {
    throw new Error('The service sent something that is not a readable VOTable (XML parse error)');
  }
  const root = doc.documentElement;
  if (localName(root) !== 'VOTABLE') {
    throw new Error(`Expected a VOTABLE document, got <${root.nodeName}>`);
  }
  const infos = children(root, 'INFO').map(infoOf);
  let status = null;
  let statusText = '';
  const resources = descendants(root, 'RESOURCE');
  for (const res of resources) {
    for (const info of children(res, 'INFO').map(infoOf)) {
      infos.push(info);
    }
  }
  for (const info of infos) {
    if (info.name === 'QUERY_STATUS') {
      // DALI: a second QUERY_STATUS (OVERFLOW after the table) overrides an earlier OK.
      if (status === null || status === 'OK') {
        status = info.value;
        statusText = info.text;
      }
    }
  }
  const tables = descendants(root, 'TABLE').map(readTable);
  return { tables, infos, status, statusText };
}

function infoOf(el) {
  return { name: el.getAttribute('name') || '', value: el.getAttribute('value') || '', text: el.textContent.trim() };
}

function localName(el) {
  return (el.localName || el.nodeName).replace(/^.*:/, '');
}

function children(el, name) {
  return Array.from(el.children).filter(c => localName(c) === name);
}

function descendants(el, name) {
  return Array.from(el.getElementsByTagNameNS('*', name));
}

function readTable(tableEl) {
  const fields = children(tableEl, 'FIELD').map(f => {
    const desc = children(f, 'DESCRIPTION')[0];
    return {
      name: f.getAttribute('name') || f.getAttribute('ID') || '',
      datatype: f.getAttribute('datatype') || 'char',
      arraysize: f.getAttribute('arraysize'),
      unit: f.getAttribute('unit') || '',
      ucd: f.getAttribute('ucd') || '',
      nullValue: nullOf(f),
      description: desc ? desc.textContent.trim() : '',
    };
  });
  const params = children(tableEl, 'PARAM').map(p => ({ name: p.getAttribute('name'), value: p.getAttribute('value') }));
  const data = children(tableEl, 'DATA')[0];
  let rows = [];
  if (data) {
    const td = children(data, 'TABLEDATA')[0];
    const bin2 = children(data, 'BINARY2')[0];
    const bin = children(data, 'BINARY')[0];
    if (td) {
      rows = readTableData(td, fields);
    } else if (bin2 || bin) {
      const stream = children(bin2 || bin, 'STREAM')[0];
      rows = readBinary(decodeBase64(stream ? stream.textContent : ''), fields, Boolean(bin2));
    } else if (children(data, 'FITS').length) {
      throw new Error('FITS-serialised VOTables are not supported in the browser; ask for TABLEDATA or BINARY2');
    }
  }
  return { name: tableEl.getAttribute('name') || '', fields, params, rows, numeric: fields.map(isNumeric) };
}

function nullOf(field) {
  const values = children(field, 'VALUES')[0];
  return values ? values.getAttribute('null') : null;
}

/** Whether a field holds one number per row (the kind the table sorts numerically and the plots can use). */
export function isNumeric(field) {
  return XSD_NUMERIC.has(field.datatype) && (!field.arraysize || field.arraysize === '1');
}

function readTableData(td, fields) {
  const rows = [];
  for (const tr of children(td, 'TR')) {
    const cells = children(tr, 'TD');
    rows.push(fields.map((f, i) => convert(cells[i] ? cells[i].textContent : '', f)));
  }
  return rows;
}

function convert(text, field) {
  if (text === '' || text === field.nullValue) {
    return null;
  }
  if (isNumeric(field)) {
    const v = Number(text);
    return Number.isNaN(v) ? null : v;
  }
  if (field.datatype === 'boolean') {
    const c = text.trim().charAt(0).toUpperCase();
    return c === 'T' || c === '1' ? true : c === 'F' || c === '0' ? false : null;
  }
  return text;
}

function decodeBase64(text) {
  const bin = atob(text.replace(/\s+/g, ''));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) {
    bytes[i] = bin.charCodeAt(i);
  }
  return new DataView(bytes.buffer);
}

const SIZES = { boolean: 1, bit: 1, unsignedByte: 1, short: 2, int: 4, long: 8, char: 1, unicodeChar: 2,
  float: 4, double: 8, floatComplex: 8, doubleComplex: 16 };

function readBinary(view, fields, binary2) {
  const rows = [];
  const nullBytes = Math.ceil(fields.length / 8);
  let pos = 0;
  while (pos < view.byteLength) {
    let flags = null;
    if (binary2) {
      flags = [];
      for (let i = 0; i < nullBytes; i++) {
        flags.push(view.getUint8(pos + i));
      }
      pos += nullBytes;
    }
    const row = [];
    for (let c = 0; c < fields.length; c++) {
      const f = fields[c];
      const size = SIZES[f.datatype] || 1;
      let count = 1;
      if (f.arraysize) {
        if (f.arraysize.includes('*')) {
          count = view.getInt32(pos);
          pos += 4;
        } else {
          count = f.arraysize.split('x').reduce((a, s) => a * (parseInt(s, 10) || 1), 1);
        }
      }
      const value = readValue(view, pos, f, size, count);
      pos += size * count;
      const isNull = flags && (flags[c >> 3] & (0x80 >> (c & 7))) !== 0;
      row.push(isNull ? null : value);
    }
    rows.push(row);
  }
  return rows;
}

function readValue(view, pos, f, size, count) {
  if (f.datatype === 'char') {
    let s = '';
    for (let i = 0; i < count; i++) {
      const b = view.getUint8(pos + i);
      if (b === 0) break;
      s += String.fromCharCode(b);
    }
    return s.trim() === '' ? null : s.replace(/\s+$/, '');
  }
  if (f.datatype === 'unicodeChar') {
    let s = '';
    for (let i = 0; i < count; i++) {
      const u = view.getUint16(pos + 2 * i);
      if (u === 0) break;
      s += String.fromCharCode(u);
    }
    return s || null;
  }
  const values = [];
  for (let i = 0; i < count; i++) {
    values.push(scalar(view, pos + i * size, f.datatype, f.nullValue));
  }
  return count === 1 && (!f.arraysize || f.arraysize === '1') ? values[0] : values;
}

function scalar(view, p, type, nullValue) {
  let v;
  switch (type) {
    case 'boolean': {
      const c = String.fromCharCode(view.getUint8(p)).toUpperCase();
      return c === 'T' || c === '1' ? true : c === 'F' || c === '0' ? false : null;
    }
    case 'unsignedByte': v = view.getUint8(p); break;
    case 'short': v = view.getInt16(p); break;
    case 'int': v = view.getInt32(p); break;
    case 'long': v = Number(view.getBigInt64(p)); break;
    case 'float': v = view.getFloat32(p); break;
    case 'double': v = view.getFloat64(p); break;
    default: return null;
  }
  if (Number.isNaN(v) || (nullValue !== null && String(v) === nullValue)) {
    return null;
  }
  return v;
}

/** The table's rows as objects keyed by field name. */
export function rowObjects(table) {
  return table.rows.map(r => {
    const o = {};
    table.fields.forEach((f, i) => { o[f.name] = r[i]; });
    return o;
  });
}

/**
 * Reads a CSV text (RFC 4180 quoting, header row) into the same shape as a parsed VOTable table. Columns whose
 * non-empty values are all numbers become numeric.
 */
export function parseCsv(text, separator = ',') {
  const records = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else { quoted = false; }
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === separator) {
      row.push(field); field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.length > 1 || row[0] !== '') records.push(row);
      row = [];
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length) { row.push(field); records.push(row); }
  const header = records.shift() || [];
  const numeric = header.map((_, c) => records.every(r => r[c] === undefined || r[c].trim() === ''
      || !Number.isNaN(Number(r[c]))));
  const fields = header.map((name, c) => ({ name: name.trim(), datatype: numeric[c] ? 'double' : 'char',
    arraysize: numeric[c] ? null : '*', unit: '', ucd: '', nullValue: null, description: '' }));
  const rows = records.map(r => header.map((_, c) => {
    const s = (r[c] ?? '').trim();
    if (s === '') return null;
    return numeric[c] ? Number(s) : s;
  }));
  return { name: '', fields, params: [], rows, numeric: fields.map(isNumeric) };
}
