#!/usr/bin/env python3
"""Reproduce the paper's classifications of the four H.E.S.S. dev fields (HESS_dev.csv) with the CLI.

Two steps, python3 standard library only:

  scan     every field's sources at each of several E(B-V) values (one copy of the field per value, the value in the
           ebv column), classified in one run with --ebv table (one training set per value: the paper's 0.025 mag
           bins); then, per field and value, how well the published P vectors and classes are reproduced.
  convention
           every source at its E(B-V) under a named convention (columns of ebv_conventions.csv, or a per-field value),
           classified with --ebv table; per-field agreement with the published classes of the paper's CT >= 2 sources.

Scores (per field): n = the paper's CT >= 2 sources; agree = how many of them get the published class; TVD = mean total
variation distance 0.5 sum_c |P_ours(c) - P_paper(c)| over those sources (0 = identical P vectors, 1 = disjoint);
TVD_all = the same over all the field's sources; dP_AGN = mean P_AGN(ours) - P_AGN(paper) over the CT >= 2 sources.

The CLI is scripts/muwclass (override with MUWCLASS=/path/to/launcher). Examples (see docs/evaluation.md):
  python3 scripts/hess_dev_ebv.py scan --values 0.4,0.8,1.0,1.3,1.7,2.6,4.3,13 --draws 40 --out docs/evaluation/hess-dev
  python3 scripts/hess_dev_ebv.py convention --column ebv_hi4pi --draws 40 --ebv-grid 0.1 --out docs/evaluation/hess-dev
  python3 scripts/hess_dev_ebv.py convention --cli-ebv dust-map-av --draws 40 --out docs/evaluation/hess-dev
"""
import argparse
import collections
import csv
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEV = os.path.join(ROOT, '..', 'shared', 'data', 'muwclass', 'dev', 'HESS_dev.csv')
CONVENTIONS = os.path.join(ROOT, 'docs', 'evaluation', 'hess-dev', 'ebv_conventions.csv')
CLASSES = ['AGN', 'CV', 'HM-STAR', 'HMXB', 'LM-STAR', 'LMXB', 'NS', 'YSO']
ANSWERS = {'Class', 'Class_prob', 'e_Class_prob', 'CT', 'CSCv2_flags', 'Catalog_name', 'True_Class', 'Class_ref',
           'HESS_name'}


def read_dev(path):
    with open(path, newline='') as f:
        return list(csv.DictReader(f))


def input_columns(rows):
    return [c for c in rows[0].keys() if c not in ANSWERS and not c.startswith('P_') and not c.startswith('e_P_')]


def write_input(path, rows, ebv_of, suffix_of=None, with_ebv=True):
    cols = input_columns(rows)
    with open(path, 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(cols + (['ebv'] if with_ebv else []))
        for r, ebv in ebv_of:
            row = [r[c] for c in cols]
            if suffix_of is not None:
                row[cols.index('CSCv2_name')] = r['CSCv2_name'] + '#' + suffix_of(ebv)
            w.writerow(row + (['%.5f' % ebv] if with_ebv else []))


def classify(inp, out, draws, seed, ebv_grid, extra, ebv_source='table'):
    cli = os.environ.get('MUWCLASS', os.path.join(ROOT, 'scripts', 'muwclass'))
    cmd = [cli, 'classify', '--input', inp, '--output', out, '--output-format', 'csv', '--ebv', ebv_source,
           '--draws', str(draws), '--seed', str(seed), '--threads', '2', '--ebv-grid', str(ebv_grid)] + extra
    print(' '.join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True)


def read_result(path):
    with open(path, newline='') as f:
        lines = [l for l in f if not l.startswith('#')]
    out = {}
    for r in csv.DictReader(lines):
        name = r.get('name') or r.get('CSCv2_name')
        out[name] = r
    return out


def pvec(r, prefix='P_'):
    return [float(r[prefix + c]) for c in CLASSES]


def score(dev_rows, ours):
    """dev_rows: the paper's rows of one field; ours: name -> result row (same sources)."""
    n = agree = 0
    tvd = tvd_all = dagn = 0.0
    for r in dev_rows:
        o = ours[r['CSCv2_name']]
        d = 0.5 * sum(abs(a - b) for a, b in zip(pvec(o), pvec(r)))
        tvd_all += d
        if r['CT'] and float(r['CT']) >= 2:
            n += 1
            agree += o['Class'] == r['Class']
            tvd += d
            dagn += float(o['P_AGN']) - float(r['P_AGN'])
    return dict(n=n, agree=agree, tvd=tvd / max(n, 1), tvd_all=tvd_all / len(dev_rows), dagn=dagn / max(n, 1))


def fields(rows):
    g = collections.OrderedDict()
    for r in rows:
        g.setdefault(r['HESS_name'], []).append(r)
    return g


def cmd_scan(a):
    rows = read_dev(a.dev)
    values = [float(v) for v in a.values.split(',')]
    os.makedirs(a.out, exist_ok=True)
    inp = os.path.join(a.out, 'scan_input.csv')
    res = os.path.join(a.out, 'scan_classified.csv')
    fmt = lambda v: '%g' % v
    write_input(inp, rows, [(r, v) for v in values for r in rows], fmt)
    if not a.score_only:
        classify(inp, res, a.draws, a.seed, 0, a.extra)
    got = read_result(res)
    table = os.path.join(a.out, 'scan_scores.csv')
    with open(table, 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['field', 'ebv', 'n_ct2', 'agree', 'agree_pct', 'tvd_ct2', 'tvd_all', 'dP_AGN_ct2'])
        for field, fr in fields(rows).items():
            for v in values:
                ours = {r['CSCv2_name']: got[r['CSCv2_name'] + '#' + fmt(v)] for r in fr}
                s = score(fr, ours)
                w.writerow([field, fmt(v), s['n'], s['agree'], '%.1f' % (100 * s['agree'] / max(s['n'], 1)),
                            '%.3f' % s['tvd'], '%.3f' % s['tvd_all'], '%+.3f' % s['dagn']])
    print(open(table).read())


def cmd_convention(a):
    rows = read_dev(a.dev)
    os.makedirs(a.out, exist_ok=True)
    conv = {r['CSCv2_name']: r for r in read_dev(a.conventions)}
    if a.cli_ebv:
        ebv = lambda r: 0.0
        label = '--ebv ' + a.cli_ebv
    elif a.column:
        ebv = lambda r: float(conv[r['CSCv2_name']][a.column]) * a.factor
        label = a.column + ('' if a.factor == 1 else ' x %g' % a.factor)
    else:
        per_field = dict(kv.split('=') for kv in a.field_values.split(','))
        ebv = lambda r: float(per_field[r['HESS_name']])
        label = 'per field ' + a.field_values
    tag = a.tag or a.cli_ebv or a.column or 'fields'
    inp = os.path.join(a.out, 'conv_%s_input.csv' % tag)
    res = os.path.join(a.out, 'conv_%s_classified.csv' % tag)
    write_input(inp, rows, [(r, ebv(r)) for r in rows], with_ebv=not a.cli_ebv)
    if not a.score_only:
        classify(inp, res, a.draws, a.seed, a.ebv_grid, a.extra, a.cli_ebv or 'table')
    got = read_result(res)
    if a.cli_ebv:  # the E(B-V) the CLI used, from its output
        used = {n: float(r['ebv']) for n, r in got.items()}
        ebv = lambda r: used[r['CSCv2_name']]
    table = os.path.join(a.out, 'conv_%s_scores.csv' % tag)
    tot = collections.Counter()
    with open(table, 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['convention', 'field', 'ebv_median', 'n_ct2', 'agree', 'agree_pct', 'tvd_ct2', 'tvd_all',
                    'dP_AGN_ct2'])
        for field, fr in fields(rows).items():
            s = score(fr, {r['CSCv2_name']: got[r['CSCv2_name']] for r in fr})
            vals = sorted(ebv(r) for r in fr)
            tot['n'] += s['n']
            tot['agree'] += s['agree']
            w.writerow([label, field, '%.2f' % vals[len(vals) // 2], s['n'], s['agree'],
                        '%.1f' % (100 * s['agree'] / max(s['n'], 1)), '%.3f' % s['tvd'], '%.3f' % s['tvd_all'],
                        '%+.3f' % s['dagn']])
        w.writerow([label, 'all', '', tot['n'], tot['agree'], '%.1f' % (100 * tot['agree'] / tot['n']), '', '', ''])
    print(open(table).read())


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--dev', default=DEV)
    sub = p.add_subparsers(dest='cmd', required=True)
    for name in ('scan', 'convention'):
        s = sub.add_parser(name)
        s.add_argument('--draws', type=int, default=40)
        s.add_argument('--seed', type=int, default=1)
        s.add_argument('--out', required=True)
        s.add_argument('--score-only', action='store_true', help='score an existing classified table')
        s.add_argument('--extra', default='', type=str.split,
                       help='more CLI options in one argument, e.g. --extra="--xray-noise independent"')
    sub.choices['scan'].add_argument('--values', required=True, help='comma-separated E(B-V) values, mag')
    c = sub.choices['convention']
    c.add_argument('--conventions', default=CONVENTIONS)
    c.add_argument('--column', help='column of the conventions table (ebv_sfd086, ebv_hi4pi)')
    c.add_argument('--factor', type=float, default=1.0, help='multiply the column, e.g. 0.3226 for SFD/3.1')
    c.add_argument('--field-values', help='one value per field instead: J1747-248=0.8,J1800-240=1.7,...')
    c.add_argument('--cli-ebv', help='no ebv column: let the CLI resolve it with --ebv CLI_EBV (e.g. dust-map-av)')
    c.add_argument('--ebv-grid', type=float, default=0.1)
    c.add_argument('--tag')
    a = p.parse_args()
    {'scan': cmd_scan, 'convention': cmd_convention}[a.cmd](a)


if __name__ == '__main__':
    main()
