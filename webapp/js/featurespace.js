// A 2-D slice of MUWCLASS feature space with axis choosers and per-class toggles (like Fig. 1 of the paper and the
// authors' XCLASS viewer): the training set drawn per class, optionally with a job's sources on top.

import { CLASSES, classInfo, el } from './common.js';
import { FEATURES, feature } from './features.js';
import { classLegend, scatterPlot } from './plots.js';

/**
 * Builds the controls and the plot inside `container`.
 * @param container element to fill
 * @param opts {id, training: rows, trainingClass: row => label, sources: rows|null, sourceClass: row => label,
 *              sourceName: row => string, x, y}
 * @returns {{redraw: Function}}
 */
export function featureSpace(container, opts) {
  const id = opts.id;
  const options = () => FEATURES.map(f => el('option', { value: f.id }, f.label));
  const xSel = el('select', { id: `${id}-x` }, ...options());
  const ySel = el('select', { id: `${id}-y` }, ...options());
  xSel.value = opts.x || 'HR_ms';
  ySel.value = opts.y || 'FG';
  const toggles = el('fieldset', { class: 'class-toggles' }, el('legend', {}, 'Training classes shown'));
  const shown = new Set(CLASSES.map(c => c.label));
  for (const c of CLASSES) {
    const box = el('input', { type: 'checkbox', id: `${id}-cls-${c.label}`, checked: true,
      onchange: e => { if (e.target.checked) shown.add(c.label); else shown.delete(c.label); redraw(); } });
    toggles.append(el('label', { for: box.id }, box, el('span', { class: 'swatch', style: `background:${c.color}`,
      'aria-hidden': 'true' }), c.label));
  }
  const plot = el('div', { id: `${id}-plot` });
  const note = el('p', { class: 'hint', id: `${id}-note`, role: 'status' });
  container.replaceChildren(
    el('div', { class: 'plot-controls' },
      el('div', { class: 'field' }, el('label', { for: xSel.id }, 'x axis'), xSel),
      el('div', { class: 'field' }, el('label', { for: ySel.id }, 'y axis'), ySel)),
    toggles, plot, note);
  xSel.addEventListener('change', redraw);
  ySel.addEventListener('change', redraw);

  function redraw() {
    const fx = feature(xSel.value);
    const fy = feature(ySel.value);
    const training = (opts.training || []).filter(r => shown.has(classInfo(opts.trainingClass(r)).label));
    const counts = {};
    const bg = training.map(r => {
      const cls = classInfo(opts.trainingClass(r)).label;
      const p = { x: fx.f(r), y: fy.f(r), cls, title: `${r.name ?? ''} (${cls})` };
      if (p.x !== null && p.y !== null) counts[cls] = (counts[cls] || 0) + 1;
      return p;
    });
    const layers = [{ points: bg, radius: 3, opacity: 0.45, className: 'training' }];
    let fgDrawn = 0;
    if (opts.sources) {
      const fg = opts.sources.map(r => {
        const cls = classInfo(opts.sourceClass(r)).label;
        const p = { x: fx.f(r), y: fy.f(r), cls, title: `${opts.sourceName(r)}: ${cls}` };
        if (p.x !== null && p.y !== null) fgDrawn++;
        return p;
      });
      layers.push({ points: fg, radius: 6, opacity: 0.95, outline: '#000', className: 'sources' });
    }
    const labels = CLASSES.map(c => c.label).filter(l => shown.has(l));
    const legendItems = classLegend(labels, counts);
    if (opts.sources) legendItems.push({ label: 'job sources', color: '#fff', shape: 'circle', stroke: '#000' });
    scatterPlot(plot, {
      title: `${fy.label} against ${fx.label}`,
      xLabel: fx.label, yLabel: fy.label, layers, legendItems,
    });
    const drawn = bg.filter(p => p.x !== null && p.y !== null).length;
    note.textContent = `${drawn} of ${training.length} training sources have both features`
        + (opts.sources ? `; ${fgDrawn} of ${opts.sources.length} of the job's sources do.` : '.')
        + ' A missing magnitude or flux leaves a source out of a slice (the classifier itself uses missing values as a feature).';
  }

  redraw();
  return { redraw, setSources(rows) { opts.sources = rows; redraw(); } };
}
