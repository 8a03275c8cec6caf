// A VOTable reader for the tests, written apart from the page's (webapp/js/votable.js) so a test can check what the
// page shows against the service's tables read another way: BINARY2 and TABLEDATA of scalar numbers and char
// strings (what the service's result tables hold). NaN and null cells read as null, as the page reads them.

const attr = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return m ? m[1] : null;
};
const unescape = s => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
  .replace(/&amp;/g, '&');

/** Reads the first TABLE: {infos: {name: value}, fields: [{name, datatype, arraysize}], rows: [{name: value}]}. */
export function readVOTable(xml) {
  const infos = {};
  for (const m of xml.matchAll(/<INFO\b[^>]*>/g)) infos[unescape(attr(m[0], 'name'))] = unescape(attr(m[0], 'value') ?? '');
  const fields = [...xml.matchAll(/<FIELD\b[^>]*>/g)].map(m => ({ name: unescape(attr(m[0], 'name')),
    datatype: attr(m[0], 'datatype'), arraysize: attr(m[0], 'arraysize') }));
  let rows;
  const stream = xml.match(/<BINARY2>\s*<STREAM[^>]*>([^<]*)<\/STREAM>/);
  if (stream) {
    rows = binary2(Buffer.from(stream[1].replace(/\s+/g, ''), 'base64'), fields);
  } else {
    rows = [...xml.matchAll(/<TR>([\s\S]*?)<\/TR>/g)].map(tr => [...tr[1].matchAll(/<TD>([\s\S]*?)<\/TD>|<TD\/>/g)]
      .map((td, i) => text(td[1] === undefined ? '' : unescape(td[1]), fields[i])));
  }
  return { infos, fields, rows: rows.map(r => Object.fromEntries(fields.map((f, i) => [f.name, r[i]]))) };
}

function text(s, field) {
  if (s === '') return null;
  if (field.datatype === 'char') return s;
  const v = Number(s);
  return Number.isNaN(v) ? null : v;
}

function binary2(buf, fields) {
  const rows = [];
  const flagBytes = Math.ceil(fields.length / 8);
  let pos = 0;
  while (pos < buf.length) {
    const flags = buf.subarray(pos, pos + flagBytes);
    pos += flagBytes;
    const row = fields.map((f, c) => {
      let v;
      if (f.datatype === 'char') {
        let n = 1;
        if (f.arraysize === '*') {
          n = buf.readInt32BE(pos);
          pos += 4;
        } else if (f.arraysize) {
          n = parseInt(f.arraysize, 10);
        }
        v = buf.toString('latin1', pos, pos + n).replace(/\0.*$/s, '');
        pos += n;
      } else if (f.arraysize && f.arraysize !== '1') {
        throw new Error(`array field ${f.name} is not read by the tests' reader`);
      } else {
        switch (f.datatype) {
          case 'double': v = buf.readDoubleBE(pos); pos += 8; break;
          case 'float': v = buf.readFloatBE(pos); pos += 4; break;
          case 'long': v = Number(buf.readBigInt64BE(pos)); pos += 8; break;
          case 'int': v = buf.readInt32BE(pos); pos += 4; break;
          case 'short': v = buf.readInt16BE(pos); pos += 2; break;
          case 'unsignedByte': v = buf.readUInt8(pos); pos += 1; break;
          default: throw new Error(`datatype ${f.datatype} of ${f.name} is not read by the tests' reader`);
        }
        if (Number.isNaN(v)) v = null;
      }
      return (flags[c >> 3] & (0x80 >> (c & 7))) !== 0 ? null : v;
    });
    rows.push(row);
  }
  return rows;
}
