// Small SVG plotting library for the MUWCLASS-VO pages: scatter plots with class markers, grouped bars, bars with
// error bars, heat maps and line charts. Every plot is an <svg role="img"> with a title and a description, scales
// with its container (viewBox) and draws from the data it is given: nothing is pre-rendered.

import { classInfo } from './common.js';

const SVG = 'http://www.w3.org/2000/svg';
let plotCounter = 0;

function s(tag, attrs = {}, ...kids) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== null && v !== undefined) e.setAttribute(k, v);
  }
  for (const kid of kids) {
    if (kid === null || kid === undefined) continue;
    e.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return e;
}

function frame(container, width, height, title, description) {
  const id = `plot${++plotCounter}`;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'plot',
    'aria-labelledby': `${id}-t ${id}-d`, preserveAspectRatio: 'xMidYMid meet' });
  svg.append(s('title', { id: `${id}-t` }, title), s('desc', { id: `${id}-d` }, description || ''));
  svg.append(s('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  container.replaceChildren(svg);
  return svg;
}

/** Round tick values covering [lo, hi]. */
export function ticks(lo, hi, count = 6) {
  if (!(hi > lo)) return [lo];
  const step0 = (hi - lo) / count;
  const mag = Math.pow(10, Math.floor(Math.log10(step0)));
  const step = [1, 2, 2.5, 5, 10].map(m => m * mag).find(st => st >= step0) || 10 * mag;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return out;
}

function extent(values) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return [0, 1];
  if (lo === hi) return [lo - 0.5, hi + 0.5];
  const pad = (hi - lo) * 0.04;
  return [lo - pad, hi + pad];
}

function fmtTick(v) {
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(1) : String(Number(v.toPrecision(4)));
}

/** SVG path of a marker shape of size r centred on (x, y). */
export function markerPath(shape, x, y, r) {
  const f = n => n.toFixed(1);
  switch (shape) {
    case 'square': return `M${f(x - r)},${f(y - r)}h${f(2 * r)}v${f(2 * r)}h${f(-2 * r)}z`;
    case 'triangle': return `M${f(x)},${f(y - 1.2 * r)}L${f(x + 1.1 * r)},${f(y + 0.8 * r)}L${f(x - 1.1 * r)},${f(y + 0.8 * r)}z`;
    case 'triangle-down': return `M${f(x)},${f(y + 1.2 * r)}L${f(x + 1.1 * r)},${f(y - 0.8 * r)}L${f(x - 1.1 * r)},${f(y - 0.8 * r)}z`;
    case 'diamond': return `M${f(x)},${f(y - 1.3 * r)}L${f(x + 1.1 * r)},${f(y)}L${f(x)},${f(y + 1.3 * r)}L${f(x - 1.1 * r)},${f(y)}z`;
    case 'cross': {
      const d = r * 0.45;
      return `M${f(x - r)},${f(y - r + d)}l${f(d)},${f(-d)}l${f(r - d)},${f(r - d)}l${f(r - d)},${f(-(r - d))}l${f(d)},${f(d)}`
        + `l${f(-(r - d))},${f(r - d)}l${f(r - d)},${f(r - d)}l${f(-d)},${f(d)}l${f(-(r - d))},${f(-(r - d))}`
        + `l${f(-(r - d))},${f(r - d)}l${f(-d)},${f(-d)}l${f(r - d)},${f(-(r - d))}z`;
    }
    case 'plus': {
      const d = r * 0.35;
      return `M${f(x - d)},${f(y - r)}h${f(2 * d)}v${f(r - d)}h${f(r - d)}v${f(2 * d)}h${f(-(r - d))}v${f(r - d)}`
        + `h${f(-2 * d)}v${f(-(r - d))}h${f(-(r - d))}v${f(-2 * d)}h${f(r - d)}z`;
    }
    case 'star': {
      let p = '';
      for (let i = 0; i < 10; i++) {
        const rr = i % 2 === 0 ? 1.3 * r : 0.55 * r;
        const a = -Math.PI / 2 + i * Math.PI / 5;
        p += `${i === 0 ? 'M' : 'L'}${f(x + rr * Math.cos(a))},${f(y + rr * Math.sin(a))}`;
      }
      return `${p}z`;
    }
    default: return `M${f(x - r)},${f(y)}a${f(r)},${f(r)} 0 1,0 ${f(2 * r)},0a${f(r)},${f(r)} 0 1,0 ${f(-2 * r)},0`;
  }
}

function axes(svg, box, xs, ys, xLabel, yLabel, xTicks, yTicks) {
  const g = s('g', { class: 'axes', 'font-size': 12, fill: '#222' });
  g.append(s('rect', { x: box.x, y: box.y, width: box.w, height: box.h, fill: 'none', stroke: '#444' }));
  for (const t of xTicks) {
    const x = xs(t);
    g.append(s('line', { x1: x, x2: x, y1: box.y + box.h, y2: box.y + box.h + 5, stroke: '#444' }));
    g.append(s('line', { x1: x, x2: x, y1: box.y, y2: box.y + box.h, stroke: '#eee' }));
    g.append(s('text', { x, y: box.y + box.h + 18, 'text-anchor': 'middle' }, fmtTick(t)));
  }
  for (const t of yTicks) {
    const y = ys(t);
    g.append(s('line', { x1: box.x - 5, x2: box.x, y1: y, y2: y, stroke: '#444' }));
    g.append(s('line', { x1: box.x, x2: box.x + box.w, y1: y, y2: y, stroke: '#eee' }));
    g.append(s('text', { x: box.x - 8, y: y + 4, 'text-anchor': 'end' }, fmtTick(t)));
  }
  g.append(s('text', { x: box.x + box.w / 2, y: box.y + box.h + 38, 'text-anchor': 'middle', 'font-size': 13 }, xLabel));
  g.append(s('text', { x: 0, y: 0, transform: `translate(${box.x - 52},${box.y + box.h / 2}) rotate(-90)`,
    'text-anchor': 'middle', 'font-size': 13 }, yLabel));
  svg.insertBefore(g, svg.children[3] || null);
}

function linear(d0, d1, r0, r1) {
  const k = (r1 - r0) / (d1 - d0);
  return v => r0 + (v - d0) * k;
}

function legend(svg, x, y, items) {
  const g = s('g', { class: 'legend', 'font-size': 12 });
  items.forEach((it, i) => {
    const yy = y + i * 18;
    if (it.shape) {
      g.append(s('path', { d: markerPath(it.shape, x + 6, yy, 5), fill: it.color, stroke: it.stroke || '#333',
        'stroke-width': 0.6 }));
    } else {
      g.append(s('rect', { x, y: yy - 6, width: 12, height: 12, fill: it.color, stroke: '#333', 'stroke-width': 0.5,
        'fill-opacity': it.opacity ?? 1 }));
    }
    g.append(s('text', { x: x + 18, y: yy + 4 }, it.label));
  });
  svg.append(g);
}

/**
 * Scatter plot of points in layers. A point is {x, y, cls, title}; a layer is {points, radius, opacity, outline}.
 * Points whose x or y is null are left out (and counted in the description).
 */
export function scatterPlot(container, { title, xLabel, yLabel, layers, invertX = false, legendItems,
  width = 760, height = 520, xDomain, yDomain }) {
  const all = layers.flatMap(l => l.points.filter(p => p.x !== null && p.y !== null && Number.isFinite(p.x)
      && Number.isFinite(p.y)));
  const total = layers.reduce((n, l) => n + l.points.length, 0);
  const svg = frame(container, width, height, title,
    `${all.length} of ${total} points have both ${xLabel} and ${yLabel}.`);
  const box = { x: 78, y: 16, w: width - 78 - 150, h: height - 16 - 56 };
  let [x0, x1] = xDomain || extent(all.map(p => p.x));
  const [y0, y1] = yDomain || extent(all.map(p => p.y));
  const xt = ticks(x0, x1);
  const yt = ticks(y0, y1);
  if (invertX) [x0, x1] = [x1, x0];
  const xs = linear(x0, x1, box.x, box.x + box.w);
  const ys = linear(y0, y1, box.y + box.h, box.y);
  axes(svg, box, xs, ys, xLabel, yLabel, xt, yt);
  const clipId = `clip${plotCounter}`;
  svg.append(s('clipPath', { id: clipId }, s('rect', { x: box.x, y: box.y, width: box.w, height: box.h })));
  for (const layer of layers) {
    const g = s('g', { class: layer.className || 'points', 'clip-path': `url(#${clipId})`,
      'fill-opacity': layer.opacity ?? 0.75 });
    for (const p of layer.points) {
      if (p.x === null || p.y === null || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
      const c = p.color ? { color: p.color, shape: p.shape || 'circle' } : classInfo(p.cls);
      const path = s('path', { d: markerPath(c.shape, xs(p.x), ys(p.y), layer.radius || 3.5), fill: c.color,
        stroke: layer.outline || '#333', 'stroke-width': layer.outline ? 1.2 : 0.3 });
      if (p.title) path.append(s('title', {}, p.title));
      g.append(path);
    }
    svg.append(g);
  }
  if (legendItems) legend(svg, box.x + box.w + 16, box.y + 10, legendItems);
  return svg;
}

/** Grouped bar chart: categories along x, one bar per series in each group. */
export function groupedBars(container, { title, categories, series, yLabel, width = 760, height = 380,
  colorOf, logY = false, description }) {
  const svg = frame(container, width, height, title, description || series.map(se => `${se.name}: `
      + categories.map((c, i) => `${c} ${se.values[i]}`).join(', ')).join('. '));
  const box = { x: 78, y: 16, w: width - 78 - 170, h: height - 16 - 56 };
  const maxV = Math.max(1, ...series.flatMap(se => se.values));
  const tr = logY ? v => Math.log10(Math.max(v, 0.5)) : v => v;
  const y0 = logY ? Math.log10(0.5) : 0;
  const y1 = logY ? Math.log10(maxV) * 1.08 : maxV * 1.08;
  const ys = linear(y0, y1, box.y + box.h, box.y);
  const yt = logY ? ticks(0, Math.ceil(y1), Math.ceil(y1)).filter(Number.isInteger) : ticks(0, y1);
  const g = s('g', { 'font-size': 12 });
  g.append(s('rect', { x: box.x, y: box.y, width: box.w, height: box.h, fill: 'none', stroke: '#444' }));
  for (const t of yt) {
    const y = ys(t);
    g.append(s('line', { x1: box.x, x2: box.x + box.w, y1: y, y2: y, stroke: '#eee' }));
    g.append(s('text', { x: box.x - 8, y: y + 4, 'text-anchor': 'end' }, logY ? String(10 ** t) : fmtTick(t)));
  }
  g.append(s('text', { x: 0, y: 0, transform: `translate(${box.x - 52},${box.y + box.h / 2}) rotate(-90)`,
    'text-anchor': 'middle', 'font-size': 13 }, yLabel + (logY ? ' (log scale)' : '')));
  svg.append(g);
  const gw = box.w / categories.length;
  const bw = (gw * 0.8) / series.length;
  categories.forEach((c, i) => {
    series.forEach((se, j) => {
      const v = se.values[i];
      const x = box.x + i * gw + gw * 0.1 + j * bw;
      const y = ys(v > 0 ? tr(v) : y0);
      const color = colorOf ? colorOf(c) : '#1f77b4';
      const r = s('rect', { x, y, width: bw - 1, height: box.y + box.h - y, fill: color,
        'fill-opacity': se.opacity ?? 1, stroke: '#333', 'stroke-width': 0.5 });
      if (se.hatch) r.setAttribute('stroke-dasharray', '3 2');
      r.append(s('title', {}, `${c}, ${se.name}: ${v}`));
      svg.append(r);
      svg.append(s('text', { x: x + (bw - 1) / 2, y: y - 3, 'text-anchor': 'middle', 'font-size': 10 }, String(v)));
    });
    svg.append(s('text', { x: box.x + i * gw + gw / 2, y: box.y + box.h + 18, 'text-anchor': 'middle',
      'font-size': 12 }, c));
  });
  legend(svg, box.x + box.w + 16, box.y + 10, series.map(se => ({ label: se.name, color: '#888',
    opacity: se.opacity ?? 1 })));
  return svg;
}

/** Bars with ±error bars, one per category (e.g. class probabilities of one source). */
export function errorBarChart(container, { title, categories, values, errors, yLabel, width = 520, height = 300,
  colorOf, yMax = 1, highlight }) {
  const svg = frame(container, width, height, title, categories.map((c, i) =>
    `${c} ${fmtTick(values[i] ?? 0)} ± ${fmtTick(errors[i] ?? 0)}`).join(', '));
  const box = { x: 64, y: 12, w: width - 64 - 12, h: height - 12 - 48 };
  const ys = linear(0, yMax, box.y + box.h, box.y);
  const g = s('g', { 'font-size': 11 });
  g.append(s('rect', { x: box.x, y: box.y, width: box.w, height: box.h, fill: 'none', stroke: '#444' }));
  for (const t of ticks(0, yMax, 5)) {
    const y = ys(t);
    g.append(s('line', { x1: box.x, x2: box.x + box.w, y1: y, y2: y, stroke: '#eee' }));
    g.append(s('text', { x: box.x - 6, y: y + 4, 'text-anchor': 'end' }, fmtTick(t)));
  }
  g.append(s('text', { x: 0, y: 0, transform: `translate(${box.x - 44},${box.y + box.h / 2}) rotate(-90)`,
    'text-anchor': 'middle', 'font-size': 12 }, yLabel));
  svg.append(g);
  const bw = box.w / categories.length;
  categories.forEach((c, i) => {
    const v = Math.max(0, Math.min(yMax, values[i] ?? 0));
    const e = errors[i] ?? 0;
    const x = box.x + i * bw + bw * 0.15;
    const r = s('rect', { x, y: ys(v), width: bw * 0.7, height: box.y + box.h - ys(v),
      fill: colorOf ? colorOf(c) : '#1f77b4', stroke: highlight === c ? '#000' : '#333',
      'stroke-width': highlight === c ? 2 : 0.5 });
    r.append(s('title', {}, `${c}: ${fmtTick(values[i] ?? 0)} ± ${fmtTick(e)}`));
    svg.append(r);
    const cx = x + bw * 0.35;
    const lo = ys(Math.max(0, v - e));
    const hi = ys(Math.min(yMax, v + e));
    svg.append(s('path', { d: `M${cx},${lo}V${hi}M${cx - 5},${lo}h10M${cx - 5},${hi}h10`, stroke: '#000',
      'stroke-width': 1.3, fill: 'none', class: 'errorbar' }));
    svg.append(s('text', { x: box.x + i * bw + bw / 2, y: box.y + box.h + 16, 'text-anchor': 'middle',
      'font-size': 11 }, c));
  });
  return svg;
}

/** Heat map of a matrix (rows × columns) with the values written in the cells. */
export function heatMap(container, { title, rowLabels, colLabels, values, cellText, rowTitle, colTitle,
  width = 560, height = 520, description }) {
  const svg = frame(container, width, height, title, description || `${rowTitle} against ${colTitle}`);
  const box = { x: 92, y: 12, w: width - 92 - 12, h: height - 12 - 78 };
  const cw = box.w / colLabels.length;
  const ch = box.h / rowLabels.length;
  rowLabels.forEach((rl, i) => {
    colLabels.forEach((cl, j) => {
      const v = values[i][j];
      const shade = Number.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
      const fill = `rgb(${Math.round(255 - 220 * shade)},${Math.round(255 - 160 * shade)},${Math.round(255 - 60 * shade)})`;
      const r = s('rect', { x: box.x + j * cw, y: box.y + i * ch, width: cw, height: ch, fill, stroke: '#fff' });
      r.append(s('title', {}, `${rowTitle} ${rl}, ${colTitle} ${cl}: ${cellText[i][j]}`));
      svg.append(r);
      svg.append(s('text', { x: box.x + j * cw + cw / 2, y: box.y + i * ch + ch / 2 + 4, 'text-anchor': 'middle',
        'font-size': 11, fill: shade > 0.55 ? '#fff' : '#111' }, cellText[i][j]));
    });
    svg.append(s('text', { x: box.x - 6, y: box.y + i * ch + ch / 2 + 4, 'text-anchor': 'end', 'font-size': 11 }, rl));
  });
  colLabels.forEach((cl, j) => {
    svg.append(s('text', { x: 0, y: 0, 'font-size': 11, 'text-anchor': 'end',
      transform: `translate(${box.x + j * cw + cw / 2 + 4},${box.y + box.h + 8}) rotate(-45)` }, cl));
  });
  svg.append(s('text', { x: box.x + box.w / 2, y: height - 4, 'text-anchor': 'middle', 'font-size': 12 }, colTitle));
  svg.append(s('text', { x: 0, y: 0, transform: `translate(14,${box.y + box.h / 2}) rotate(-90)`,
    'text-anchor': 'middle', 'font-size': 12 }, rowTitle));
  return svg;
}

/** Line chart of several series of {x, y} points. */
export function lineChart(container, { title, xLabel, yLabel, series, width = 760, height = 400, yDomain,
  marker }) {
  const pts = series.flatMap(se => se.points);
  const svg = frame(container, width, height, title, series.map(se => `${se.name}: `
      + se.points.map(p => `${fmtTick(p.x)} → ${fmtTick(p.y)}`).join(', ')).join('. '));
  const box = { x: 78, y: 16, w: width - 78 - 190, h: height - 16 - 56 };
  const [x0, x1] = extent(pts.map(p => p.x));
  const [y0, y1] = yDomain || extent(pts.map(p => p.y));
  const xs = linear(x0, x1, box.x, box.x + box.w);
  const ys = linear(y0, y1, box.y + box.h, box.y);
  axes(svg, box, xs, ys, xLabel, yLabel, ticks(x0, x1), ticks(y0, y1));
  for (const se of series) {
    const d = se.points.filter(p => Number.isFinite(p.y)).map((p, i) => `${i ? 'L' : 'M'}${xs(p.x).toFixed(1)},${ys(p.y).toFixed(1)}`).join('');
    svg.append(s('path', { d, fill: 'none', stroke: se.color, 'stroke-width': 2, 'stroke-dasharray': se.dash || null }));
    if (marker) {
      for (const p of se.points) {
        if (Number.isFinite(p.y)) svg.append(s('circle', { cx: xs(p.x), cy: ys(p.y), r: 2.5, fill: se.color }));
      }
    }
  }
  if (Number.isFinite(series.marker)) {
    svg.append(s('line', { x1: xs(series.marker), x2: xs(series.marker), y1: box.y, y2: box.y + box.h, stroke: '#999' }));
  }
  legend(svg, box.x + box.w + 16, box.y + 10, series.map(se => ({ label: se.name, color: se.color })));
  return svg;
}

/** Legend entries for the eight classes, with their markers. */
export function classLegend(labels, counts) {
  return labels.map(l => {
    const c = classInfo(l);
    return { label: counts ? `${c.label} (${counts[c.label] || 0})` : c.label, color: c.color, shape: c.shape };
  });
}
