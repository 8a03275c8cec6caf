#!/usr/bin/python3
"""End-to-end benchmark of the service's /classify (issue 15): submit a table, run it, measure.

For each seed: creates a /classify job with INPUT=TABLE and the settings given, runs it, and records the wall time
from creation to COMPLETED, the UWS quote (estimate) read right after the job starts EXECUTING, the job's
executionDuration, the progress samples, and the peak resident memory (VmHWM) of the service's JVM. With two or
more seeds it also computes the paper's App. B convergence statistic between independent runs: per source, for the
first run's predicted class c, z = |P_1,c - P_2,c| / e_P_1,c; two runs with N_eq equivalent draws each give z
half-normal with variance 2 / N_eq, so N_eq = 2 / (median z / 0.6745)^2, reported per E(B-V) interval of the grid
(nodes (1 + EBV_GRID)^k mag apart) and overall.

Usage (the service must be running; scripts/with-service.sh exports SERVICE_URL and SERVICE_PID):
  scripts/with-service.sh /usr/bin/python3 scripts/bench/service_classify.py TABLE.csv OUTDIR \
      [--equivalent-draws 1000] [--targets-per-forest 20] [--ebv-grid 0.1] [--seeds 1 2] [--duration S]
Writes OUTDIR/summary.json and OUTDIR/result-seedN.xml; prints a one-line summary per run.
"""
import argparse
import io
import json
import math
import os
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
import xml.etree.ElementTree as ET

UWS = "{http://www.ivoa.net/xml/UWS/v1.0}"
XLINK = "{http://www.w3.org/1999/xlink}"
CLASSES = ["AGN", "CV", "HM-STAR", "HMXB", "LM-STAR", "LMXB", "NS", "YSO"]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def multipart(fields, files):
    boundary = "----muwclass" + uuid.uuid4().hex
    out = io.BytesIO()
    for name, value in fields.items():
        out.write(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode())
    for name, path in files.items():
        ctype = "application/x-votable+xml" if path.endswith((".xml", ".vot")) else "text/csv"
        out.write(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; "
                  f"filename=\"{os.path.basename(path)}\"\r\nContent-Type: {ctype}\r\n\r\n".encode())
        with open(path, "rb") as f:
            out.write(f.read())
        out.write(b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), "multipart/form-data; boundary=" + boundary


def get(url, timeout=120):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.read()


def post(url, fields):
    body, ctype = multipart(fields, {})
    req = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": ctype})
    try:
        urllib.request.build_opener(NoRedirect).open(req, timeout=120)
    except urllib.error.HTTPError as e:
        if e.code != 303:
            raise


def service_jvm(pid):
    """The java process at or below pid (run.sh starts the JVM as a child)."""
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/comm") as f:
                if f.read().strip() == "java":
                    return p
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return None


def vm_kb(pid, field):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, TypeError):
        pass
    return None


def create(base, table, params):
    body, ctype = multipart(params, {"INPUT": table})
    req = urllib.request.Request(base + "/classify", data=body, method="POST", headers={"Content-Type": ctype})
    try:
        urllib.request.build_opener(NoRedirect).open(req, timeout=300)
    except urllib.error.HTTPError as e:
        if e.code == 303:
            return e.headers["Location"]
        raise SystemExit(f"job creation failed: HTTP {e.code}: {e.read().decode(errors='replace')}")
    raise SystemExit("job creation did not redirect (expected 303)")


def job_xml(url):
    return ET.fromstring(get(url))


def run_one(base, table, params, jvm, out_dir, seed):
    t0 = time.time()
    job_url = create(base, table, params)
    created = time.time()
    quote_pending = get(job_url + "/quote").decode().strip()
    post(job_url + "/phase", {"PHASE": "RUN"})
    quote_executing, progress, phase, rss_samples = None, [], None, []
    while True:
        job = job_xml(job_url + "?WAIT=5")
        phase = job.find(UWS + "phase").text
        now = time.time()
        if jvm:
            rss_samples.append(vm_kb(jvm, "VmRSS"))
        prog = job.find(f"{UWS}jobInfo/{{urn:muwclass:uws:jobinfo}}progress")
        if prog is not None:
            progress.append((round(now - t0, 1), int(prog.get("done")), int(prog.get("total"))))
        if phase == "EXECUTING" and quote_executing is None:
            q = get(job_url + "/quote").decode().strip()
            quote_executing = (q, now)
        if phase not in ("PENDING", "QUEUED", "EXECUTING"):
            break
    wall = time.time() - t0
    duration = job.find(UWS + "executionDuration").text
    rec = {"seed": seed, "job": job_url, "phase": phase, "wall_s": round(wall, 1),
           "create_s": round(created - t0, 1), "execution_duration_s": duration,
           "quote_pending": quote_pending, "progress": progress[-1] if progress else None,
           "peak_rss_mb": round(vm_kb(jvm, "VmHWM") / 1024) if jvm and vm_kb(jvm, "VmHWM") else None,
           "max_sampled_rss_mb": round(max(s for s in rss_samples if s) / 1024) if any(rss_samples) else None}
    if quote_executing:
        q, at = quote_executing
        rec["quote_at_start"] = q
        try:
            from datetime import datetime
            rec["quoted_s"] = round(datetime.fromisoformat(q.replace("Z", "+00:00")).timestamp() - at
                                    + (at - t0), 1)
        except ValueError:
            rec["quoted_s"] = None
    if phase != "COMPLETED":
        rec["error"] = get(job_url + "/error").decode(errors="replace")[:2000]
        return rec, None
    results = {r.get("id"): r.get(XLINK + "href") for r in job.iter(UWS + "result")}
    data = get(results["result"], timeout=600)
    with open(os.path.join(out_dir, f"result-seed{seed}.xml"), "wb") as f:
        f.write(data)
    from astropy.io.votable import parse_single_table
    t = parse_single_table(io.BytesIO(data)).to_table()
    return rec, t


def n_eq(z):
    if len(z) < 5:
        return None
    med = statistics.median(z)
    return round(2 / (med / 0.6745) ** 2) if med > 0 else None


def convergence(t1, t2, grid):
    ebv_col = next(c for c in t1.colnames if c.lower() in ("ebv", "ebv_used", "e_b_v"))
    rows2 = {str(n).strip(): i for i, n in enumerate(t2["name"])}
    by_interval, all_z, skipped = {}, [], 0
    for i, name in enumerate(t1["name"]):
        j = rows2.get(str(name).strip())
        c = str(t1["Class"][i]).strip()
        if j is None or c not in CLASSES:
            continue
        e1 = float(t1["e_P_" + c][i])
        if not e1 > 0:
            skipped += 1
            continue
        z = abs(float(t1["P_" + c][i]) - float(t2["P_" + c][j])) / e1
        ebv = float(t1[ebv_col][i])
        k = math.floor(math.log(max(ebv, 1e-3)) / math.log(1 + grid)) if grid > 0 else round(ebv / 0.025)
        by_interval.setdefault(k, []).append(z)
        all_z.append(z)
    lines = []
    for k in sorted(by_interval):
        lo, hi = ((1 + grid) ** k, (1 + grid) ** (k + 1)) if grid > 0 else (k * 0.025, (k + 1) * 0.025)
        lines.append({"ebv_from": round(lo, 3), "ebv_to": round(hi, 3), "sources": len(by_interval[k]),
                      "n_eq": n_eq(by_interval[k])})
    return {"all_sources": len(all_z), "n_eq_all": n_eq(all_z), "skipped_e_p_zero": skipped,
            "by_ebv_interval": lines}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("table")
    ap.add_argument("out")
    ap.add_argument("--url", default=os.environ.get("SERVICE_URL", "http://127.0.0.1:8080"))
    ap.add_argument("--pid", type=int, default=int(os.environ.get("SERVICE_PID", "0")) or None)
    ap.add_argument("--equivalent-draws", type=int, default=1000)
    ap.add_argument("--targets-per-forest", type=int, default=20)
    ap.add_argument("--ebv-grid", type=float, default=0.1)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1])
    ap.add_argument("--duration", type=int, help="EXECUTIONDURATION to ask for, s")
    ap.add_argument("--extra", nargs="*", default=[], help="more NAME=VALUE job parameters")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    base = a.url.rstrip("/")
    jvm = service_jvm(a.pid) if a.pid else None
    runs, tables = [], []
    for seed in a.seeds:
        params = {"EQUIVALENT_DRAWS": str(a.equivalent_draws), "TARGETS_PER_FOREST": str(a.targets_per_forest),
                  "EBV_GRID": str(a.ebv_grid), "SEED": str(seed)}
        if a.duration:
            params["EXECUTIONDURATION"] = str(a.duration)
        for kv in a.extra:
            k, v = kv.split("=", 1)
            params[k] = v
        with open("/proc/loadavg") as f:
            load_before = f.read().split()[0]
        rec, table = run_one(base, a.table, params, jvm, a.out, seed)
        with open("/proc/loadavg") as f:
            rec["load_before_after"] = [load_before, f.read().split()[0]]
        rec["settings"] = params
        runs.append(rec)
        tables.append(table)
        print(json.dumps({k: v for k, v in rec.items() if k not in ("settings",)}), flush=True)
    summary = {"table": a.table, "runs": runs}
    if len(tables) >= 2 and tables[0] is not None and tables[1] is not None:
        summary["convergence_seed%d_vs_seed%d" % (a.seeds[0], a.seeds[1])] = convergence(tables[0], tables[1],
                                                                                          a.ebv_grid)
        print(json.dumps(summary["convergence_seed%d_vs_seed%d" % (a.seeds[0], a.seeds[1])]))
    with open(os.path.join(a.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    return 0 if all(r["phase"] == "COMPLETED" for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
