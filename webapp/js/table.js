// A sortable, paged HTML table for a parsed VOTable: the column headers are buttons (keyboard and screen-reader
// friendly, aria-sort on the header), nulls sort last, numbers sort as numbers.

import { el, formatValue } from './common.js';

const PAGE = 200;

/**
 * Renders the table into the container.
 * @param container an element
 * @param table {fields, rows, numeric} as parseVOTable/parseCsv give
 * @param opts {caption, onRowSelect(rowIndex), selectable}
 */
export function renderTable(container, table, opts = {}) {
  const state = { sortCol: -1, ascending: true, shown: PAGE, order: table.rows.map((_, i) => i) };
  const wrapper = el('div', { class: 'table-scroll', tabindex: '0', role: 'region',
    'aria-label': opts.caption || 'result table' });
  const tableEl = el('table', { class: 'data' });
  if (opts.caption) tableEl.append(el('caption', {}, opts.caption));
  const headRow = el('tr');
  const ths = table.fields.map((f, c) => {
    const title = [f.description, f.unit && `unit: ${f.unit}`, f.ucd && `UCD: ${f.ucd}`].filter(Boolean).join('; ');
    const button = el('button', { type: 'button', class: 'sort', title: title || null,
      onclick: () => sortBy(c) }, f.name, f.unit ? el('span', { class: 'unit' }, ` [${f.unit}]`) : null);
    const th = el('th', { scope: 'col', 'aria-sort': 'none' }, button);
    headRow.append(th);
    return th;
  });
  tableEl.append(el('thead', {}, headRow));
  const tbody = el('tbody');
  tableEl.append(tbody);
  const more = el('button', { type: 'button', class: 'more', onclick: () => { state.shown += PAGE * 5; draw(); } });
  const info = el('p', { class: 'table-info' });
  wrapper.append(tableEl);
  container.replaceChildren(info, wrapper, more);

  function sortBy(c) {
    if (state.sortCol === c) {
      state.ascending = !state.ascending;
    } else {
      state.sortCol = c;
      state.ascending = true;
    }
    const dir = state.ascending ? 1 : -1;
    const numeric = table.numeric ? table.numeric[c] : false;
    state.order.sort((a, b) => {
      const va = table.rows[a][c];
      const vb = table.rows[b][c];
      if (va === null || va === undefined) return vb === null || vb === undefined ? a - b : 1;
      if (vb === null || vb === undefined) return -1;
      const d = numeric ? va - vb : String(va).localeCompare(String(vb), undefined, { numeric: true });
      return d === 0 ? a - b : d * dir;
    });
    ths.forEach((th, i) => th.setAttribute('aria-sort', i === c ? (state.ascending ? 'ascending' : 'descending') : 'none'));
    draw();
  }

  function draw() {
    const n = Math.min(state.shown, state.order.length);
    const frag = document.createDocumentFragment();
    for (let k = 0; k < n; k++) {
      const i = state.order[k];
      const tr = el('tr', { 'data-row': i });
      table.rows[i].forEach((v, c) => {
        tr.append(el('td', { class: table.numeric && table.numeric[c] ? 'num' : null }, formatValue(v)));
      });
      if (opts.onRowSelect) {
        tr.tabIndex = 0;
        tr.classList.add('selectable');
        tr.addEventListener('click', () => opts.onRowSelect(i));
        tr.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); opts.onRowSelect(i); } });
      }
      frag.append(tr);
    }
    tbody.replaceChildren(frag);
    info.textContent = `${table.rows.length} row${table.rows.length === 1 ? '' : 's'}, ${table.fields.length} columns`
        + (n < table.rows.length ? `; showing the first ${n}` : '')
        + '. Click a column name to sort.';
    more.hidden = n >= table.rows.length;
    more.textContent = `Show ${Math.min(PAGE * 5, table.rows.length - n)} more rows`;
  }

  draw();
  return { sortBy };
}
