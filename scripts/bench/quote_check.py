#!/usr/bin/python3
"""Checks the UWS quote of one /classify job against its measured time (issue 15 item 5).

Creates the job PENDING, waits for the quote the background estimate gives (the quote at creation), runs it, and
polls every POLL seconds: progress fraction (jobInfo), the quote (as seconds from the RUN request), and the CPU
seconds the service JVM has used. Prints, per progress mark (0 = the quote at creation, then 10/25/50/75%), the quote
and its error against the measured wall time from RUN to COMPLETED, and the CPU seconds of the run against the
cost model's core-seconds (jobInfo total / 1000): the second comparison does not depend on other load on the
machine.

Usage (service running; scripts/with-service.sh exports SERVICE_URL and SERVICE_PID):
  scripts/with-service.sh /usr/bin/python3 scripts/bench/quote_check.py TABLE.csv OUT.json \
      [--equivalent-draws 300] [--targets-per-forest 20] [--ebv-grid 0.1] [--poll 2]
"""
import argparse
import json
import os
import sys
import time
from datetime import datetime

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_classify import UWS, create, get, job_xml, post, service_jvm  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """utime + stime of a process, s (all its threads)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS
    except (OSError, TypeError):
        return None


def quote_s(job_url, since):
    q = get(job_url + "/quote").decode().strip()
    if not q:
        return None
    return datetime.fromisoformat(q.replace("Z", "+00:00")).timestamp() - since


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[:3]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("table")
    ap.add_argument("out")
    ap.add_argument("--url", default=os.environ.get("SERVICE_URL", "http://127.0.0.1:8080"))
    ap.add_argument("--pid", type=int, default=int(os.environ.get("SERVICE_PID", "0")) or None)
    ap.add_argument("--equivalent-draws", type=int, default=300)
    ap.add_argument("--targets-per-forest", type=int, default=20)
    ap.add_argument("--ebv-grid", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--poll", type=float, default=2.0)
    ap.add_argument("--extra", nargs="*", default=[], help="more NAME=VALUE job parameters")
    a = ap.parse_args()
    base = a.url.rstrip("/")
    jvm = service_jvm(a.pid) if a.pid else None
    params = {"EQUIVALENT_DRAWS": str(a.equivalent_draws), "TARGETS_PER_FOREST": str(a.targets_per_forest),
              "EBV_GRID": str(a.ebv_grid), "SEED": str(a.seed)}
    for kv in a.extra:
        k, v = kv.split("=", 1)
        params[k] = v
    rec = {"table": a.table, "settings": params, "load_before": load()}
    job_url = create(base, a.table, params)
    t_created = time.time()
    creation_quote = None
    while time.time() - t_created < 300:  # the background estimate reads the input
        creation_quote = quote_s(job_url, time.time())
        if creation_quote is not None:
            break
        time.sleep(1)
    rec["estimate_wait_s"] = round(time.time() - t_created, 1)
    rec["quote_at_creation_s"] = None if creation_quote is None else round(creation_quote, 1)
    cpu0 = cpu_seconds(jvm)
    t_run = time.time()
    post(job_url + "/phase", {"PHASE": "RUN"})
    samples, phase, total = [], None, None
    while True:
        job = job_xml(job_url)
        now = time.time()
        phase = job.find(UWS + "phase").text
        prog = job.find(f"{UWS}jobInfo/{{urn:muwclass:uws:jobinfo}}progress")
        if phase not in ("PENDING", "QUEUED", "EXECUTING"):
            break
        if prog is not None:
            total = int(prog.get("total"))
            q = quote_s(job_url, t_run)
            samples.append({"t": round(now - t_run, 1), "fraction": float(prog.get("fraction")),
                            "quote_s": None if q is None else round(q, 1), "cpu_s": round(cpu_seconds(jvm) - cpu0, 1)
                            if cpu0 is not None else None})
        time.sleep(a.poll)
    wall = time.time() - t_run
    cpu = cpu_seconds(jvm) - cpu0 if cpu0 is not None else None
    rec.update({"job": job_url, "phase": phase, "wall_s": round(wall, 1), "load_after": load(),
                "cpu_s": None if cpu is None else round(cpu, 1),
                "model_core_s": None if total is None else round(total / 1000, 1)})
    marks = []
    if creation_quote is not None:
        marks.append({"at": "creation", "t": 0.0, "quote_s": round(creation_quote, 1)})
    for m in (0.10, 0.25, 0.50, 0.75):
        s = next((s for s in samples if s["fraction"] >= m and s["quote_s"] is not None), None)
        if s:
            marks.append({"at": f"{round(m * 100)}%", "t": s["t"], "fraction": round(s["fraction"], 3),
                          "quote_s": s["quote_s"]})
    for m in marks:
        m["error"] = f"{(m['quote_s'] - wall) / wall:+.1%}"
    rec["marks"] = marks
    rec["samples"] = samples
    with open(a.out, "w") as f:
        json.dump(rec, f, indent=1)
    print(json.dumps({k: v for k, v in rec.items() if k != "samples"}, indent=1))
    return 0 if phase == "COMPLETED" else 1


if __name__ == "__main__":
    sys.exit(main())
