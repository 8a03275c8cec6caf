// MUWCLASS features derived in the browser from the fluxes and magnitudes a table carries (Yang et al. 2022 §3;
// docs/algorithm.md §4), so that the training set and a job's sources can be drawn in the
// same 2-D slices of feature space. Plotting only: the classifier computes its own features on the server.

import { pick } from './common.js';

// Column names a table may use for each quantity: this service's TAP tables first, then the published TD.csv
// names, the CSC master-table names and the MUWCLASS field-output names.
const FLUX = {
  s: ['flux_s', 'Fs', 'flux_aper90_ave_s', 'Fcsc_s'],
  m: ['flux_m', 'Fm', 'flux_aper90_ave_m', 'Fcsc_m'],
  h: ['flux_h', 'Fh', 'flux_aper90_ave_h', 'Fcsc_h'],
  b: ['flux_b', 'Fb', 'F_b', 'flux_aper90_ave_b', 'Fcsc_b'],
};

/** Bands with zero point f_zp (erg/s/cm2/Å) and effective width W_eff (Å), as the pipeline converts them. */
const BANDS = {
  G: { names: ['gmag', 'Gmag', 'G'], zp: 2.5e-9, w: 4052.97 },
  BP: { names: ['bpmag', 'BPmag', 'BP'], zp: 4.08e-9, w: 2157.50 },
  RP: { names: ['rpmag', 'RPmag', 'RP'], zp: 1.27e-9, w: 2924.44 },
  J: { names: ['jmag', 'Jmag', 'J'], zp: 3.13e-10, w: 1624.32 },
  H: { names: ['hmag', 'Hmag', 'H'], zp: 1.13e-10, w: 2509.40 },
  K: { names: ['kmag', 'Kmag', 'K'], zp: 4.28e-11, w: 2618.87 },
  W1: { names: ['w1mag', 'W1mag', 'W1'], zp: 8.18e-12, w: 6626.42 },
  W2: { names: ['w2mag', 'W2mag', 'W2'], zp: 2.42e-12, w: 10422.66 },
  W3: { names: ['w3mag', 'W3mag', 'W3'], zp: 6.52e-14, w: 55055.71 },
};

const COLOURS = [['G', 'BP'], ['G', 'RP'], ['G', 'J'], ['G', 'H'], ['G', 'K'], ['BP', 'RP'], ['J', 'H'], ['J', 'K'],
  ['H', 'K'], ['W1', 'W2'], ['W1', 'W3'], ['W2', 'W3']];

function num(v) {
  return typeof v === 'number' && Number.isFinite(v) ? v : (typeof v === 'string' && v.trim() !== ''
      && Number.isFinite(Number(v)) ? Number(v) : null);
}

function flux(row, band) {
  return num(pick(row, FLUX[band]));
}

function broad(row) {
  const s = flux(row, 's');
  const m = flux(row, 'm');
  const h = flux(row, 'h');
  if (s !== null && m !== null && h !== null) return s + m + h;
  return flux(row, 'b');
}

function mag(row, band) {
  return num(pick(row, BANDS[band].names));
}

function logRatio(a, b) {
  return a !== null && b !== null && a > 0 && b > 0 ? Math.log10(a / b) : null;
}

function hardness(hi, lo) {
  return hi !== null && lo !== null && hi + lo !== 0 ? (hi - lo) / (hi + lo) : null;
}

/** The features offered on the axis choosers: id, label (plain text) and the function that computes one. */
export const FEATURES = [
  { id: 'HR_ms', label: 'HR_ms = (Fm − Fs)/(Fm + Fs)', f: r => hardness(flux(r, 'm'), flux(r, 's')) },
  { id: 'HR_hm', label: 'HR_hm = (Fh − Fm)/(Fh + Fm)', f: r => hardness(flux(r, 'h'), flux(r, 'm')) },
  { id: 'HR_hms', label: 'HR_hms = (Fh − Fm − Fs)/(Fh + Fm + Fs)', f: r => {
    const s = flux(r, 's'); const m = flux(r, 'm'); const h = flux(r, 'h');
    return s !== null && m !== null && h !== null && s + m + h !== 0 ? (h - m - s) / (h + m + s) : null;
  } },
  { id: 'logFb', label: 'log10 Fb (erg s⁻¹ cm⁻², 0.5–7 keV)', f: r => { const b = broad(r); return b > 0 ? Math.log10(b) : null; } },
  { id: 'Fs', label: 'log10(Fs/Fb)', f: r => logRatio(flux(r, 's'), broad(r)) },
  { id: 'Fm', label: 'log10(Fm/Fb)', f: r => logRatio(flux(r, 'm'), broad(r)) },
  { id: 'Fh', label: 'log10(Fh/Fb)', f: r => logRatio(flux(r, 'h'), broad(r)) },
  { id: 'P_inter', label: 'P_inter (inter-observation variability)', f: r => num(pick(r, ['p_inter', 'P_inter', 'var_inter_prob'])) },
  { id: 'P_intra', label: 'P_intra (intra-observation variability)', f: r => num(pick(r, ['p_intra', 'P_intra', 'kp_prob_b_max'])) },
  ...Object.entries(BANDS).filter(([b]) => b !== 'W3').map(([b, d]) => ({
    id: `F${b}`, label: `log10(F_${b}/Fb)`, f: r => {
      const m = mag(r, b);
      return m === null ? null : logRatio(d.zp * Math.pow(10, -m / 2.5) * d.w, broad(r));
    },
  })),
  ...COLOURS.map(([a, b]) => ({
    id: `${a}-${b}`, label: `${a} − ${b} (mag)`, f: r => {
      const x = mag(r, a); const y = mag(r, b);
      return x !== null && y !== null ? x - y : null;
    },
  })),
  ...Object.keys(BANDS).map(b => ({ id: `${b}mag`, label: `${b} (mag)`, f: r => mag(r, b) })),
];

export function feature(id) {
  return FEATURES.find(f => f.id === id);
}

/** Whether a table (by its column names) carries enough to compute the feature on at least some rows. */
export function featureAvailable(id, rows) {
  const f = feature(id);
  return rows.some(r => f.f(r) !== null);
}
