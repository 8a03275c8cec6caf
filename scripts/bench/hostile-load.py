#!/usr/bin/env python3
"""Hostile load (issue 13, M1 and H6): many idle blocking WAIT requests plus heavy sync queries, while a monitor
measures how fast /availability answers and how long a trivial async TAP query takes to complete.

    hostile-load.py BASE_URL [--waiters 1000] [--heavy 40] [--window 30] [--wait 60] [--warmup 0] [--json FILE]

What it does, all on loopback and bounded in count and time:
  1. creates one TAP async job for the waiters: by default (--wait-on executing) a never-ending query (COUNT over a
     triple self join) started with EXECUTIONDURATION = window + 120 s, so it stays EXECUTING and a blocking WAIT
     with PHASE=EXECUTING lasts the whole WAIT time; it is deleted at the end (--wait-on pending leaves the job
     PENDING instead, for services whose WAIT blocks on PENDING jobs);
  2. starts HEAVY threads that each run a heavy sync query (COUNT over a self cross join of muwclass.training_set)
     again and again until the end (backing off 0.2-1 s after a refusal, so a 503/429 answer is not a busy loop);
  3. opens WAITERS raw sockets, each sending GET /tap/async/{id}?WAIT=60&PHASE=EXECUTING (or PENDING);
  4. from the start of the load to its end (ramp-up plus WINDOW seconds) asks /availability every 50 ms on a
     fresh connection (a failure or a 10 s timeout counts as a sample of 10 s), and submits a trivial async query
     (SELECT TOP 1 ...) at 1/4 and 3/4 of the window, timing it from the POST to COMPLETED (polled every 100 ms).
Prints a table and exits 1 when the availability p99 >= --p99-ms (200) or an async query took >= --async-s (5) or
did not complete; 2 when the set-up failed (service down, no job).
"""
import argparse
import http.client
import json
import resource
import socket
import statistics
import sys
import threading
import time
import urllib.parse

TRIVIAL = "SELECT TOP 1 name FROM muwclass.training_set"
ENDLESS = ("SELECT COUNT(*) AS n FROM muwclass.training_set AS a, muwclass.training_set AS b, "
           "muwclass.training_set AS c WHERE a.ra + b.dec > c.ra - a.dec")
HEAVY = ("SELECT COUNT(*) AS n FROM muwclass.training_set AS a, muwclass.training_set AS b "
         "WHERE a.ra + b.dec > b.ra - a.dec")
PROBE_TIMEOUT_S = 10.0


class Target:
    """Host, port and path prefix of the service; one short-lived HTTP connection per request."""

    def __init__(self, base):
        u = urllib.parse.urlsplit(base.rstrip("/"))
        if u.scheme != "http" or u.hostname not in ("127.0.0.1", "localhost", "::1"):
            raise SystemExit("hostile-load: only a plain-http loopback service may be loaded: " + base)
        self.host, self.port, self.prefix = u.hostname, u.port or 80, u.path

    def request(self, method, path, body=None, headers=None, timeout=PROBE_TIMEOUT_S):
        """Returns (status, headers dict, body bytes); raises OSError on connection trouble or timeout."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            h = {"Connection": "close", **(headers or {})}
            if isinstance(body, dict):
                body = urllib.parse.urlencode(body)
                h["Content-Type"] = "application/x-www-form-urlencoded"
            conn.request(method, self.prefix + path, body=body, headers=h)
            r = conn.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
        finally:
            conn.close()


def percentile(values, q):
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(-(-q * len(s) // 100)) - 1))]


class Waiter:
    """One raw socket holding a blocking WAIT. state: 'connecting', 'waiting', 'answered', 'error'."""

    def __init__(self, target, path, wait_s):
        self.target, self.path, self.wait_s = target, path, wait_s
        self.state, self.status, self.error, self.answered_after = "connecting", None, None, None
        self.sock = None

    def run(self):
        t0 = time.monotonic()
        try:
            self.sock = socket.create_connection((self.target.host, self.target.port), timeout=15)
            self.sock.settimeout(self.wait_s + 30)
            self.sock.sendall((f"GET {self.path} HTTP/1.1\r\nHost: {self.target.host}:{self.target.port}\r\n"
                               "Connection: close\r\n\r\n").encode())
            self.state = "waiting"
            head = self.sock.recv(64)
            if not head:
                raise OSError("closed without an answer")
            self.status = int(head.split(b" ", 2)[1])
            self.answered_after = time.monotonic() - t0
            self.state = "answered"
        except (OSError, ValueError, IndexError) as e:
            self.state, self.error = "error", f"{type(e).__name__}: {e}"
        finally:
            if self.sock is not None:
                self.sock.close()


class Heavy:
    """Runs the heavy query again and again until `stop` is set; counts answers by status."""

    def __init__(self, target, stop, query_timeout_s):
        self.target, self.stop, self.timeout = target, stop, query_timeout_s
        self.statuses, self.durations = {}, []

    def run(self):
        while not self.stop.is_set():
            t0 = time.monotonic()
            try:
                status, headers, _ = self.target.request(
                    "POST", "/tap/sync", {"REQUEST": "doQuery", "LANG": "ADQL", "QUERY": HEAVY},
                    timeout=self.timeout)
            except OSError as e:
                status, headers = type(e).__name__, {}
            self.statuses[status] = self.statuses.get(status, 0) + 1
            self.durations.append(time.monotonic() - t0)
            if status != 200:
                try:
                    pause = min(1.0, max(0.2, float(headers.get("retry-after", "0"))))
                except ValueError:
                    pause = 0.2
                self.stop.wait(pause)


def probe_availability(target, stop, samples, errors):
    """Asks /availability every 50 ms until `stop`; appends latencies in ms (a failure counts as the timeout)."""
    while not stop.is_set():
        t0 = time.monotonic()
        try:
            status, _, body = target.request("GET", "/availability")
            ok = status == 200 and b"available>true" in body
            if not ok:
                errors.append(f"HTTP {status}")
        except OSError as e:
            ok = False
            errors.append(type(e).__name__)
        elapsed = time.monotonic() - t0
        samples.append(elapsed * 1000 if ok else PROBE_TIMEOUT_S * 1000)
        stop.wait(max(0.0, 0.05 - elapsed))


def timed_async_query(target, limit_s):
    """Submits the trivial query with PHASE=RUN and polls its phase; returns (seconds or None, final phase)."""
    t0 = time.monotonic()
    try:
        status, headers, body = target.request(
            "POST", "/tap/async", {"REQUEST": "doQuery", "LANG": "ADQL", "QUERY": TRIVIAL, "PHASE": "RUN"})
    except OSError as e:
        return None, "POST failed: " + type(e).__name__
    if status != 303 or "location" not in headers:
        return None, f"POST answered {status}: {body[:200]!r}"
    job = "/tap/async/" + urllib.parse.urlsplit(headers["location"]).path.rstrip("/").rsplit("/", 1)[1]
    deadline = t0 + max(limit_s * 4, 30)
    phase = "?"
    while time.monotonic() < deadline:
        try:
            _, _, body = target.request("GET", job + "/phase")
            phase = body.decode().strip()
        except OSError as e:
            phase = type(e).__name__
        if phase == "COMPLETED":
            return time.monotonic() - t0, phase
        if phase in ("ERROR", "ABORTED"):
            return None, phase
        time.sleep(0.1)
    return None, "still " + phase


def warm_up(target, job_id, seconds):
    """Light traffic for `seconds` from 8 clients; returns the number of requests answered."""
    paths = ["/availability", f"/tap/async/{job_id}", f"/tap/async/{job_id}/phase",
             f"/tap/async/{job_id}?WAIT=5&PHASE=PENDING"]  # the job executes: this WAIT answers at once
    deadline, count, lock = time.monotonic() + seconds, [0], threading.Lock()

    def client(n):
        i = n
        while time.monotonic() < deadline:
            i += 1
            try:
                if i % 10 == 0:
                    target.request("POST", "/tap/sync", {"REQUEST": "doQuery", "LANG": "ADQL", "QUERY": TRIVIAL})
                else:
                    target.request("GET", paths[i % len(paths)])
                with lock:
                    count[0] += 1
            except OSError:
                time.sleep(0.1)

    ts = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(8)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(timeout=seconds + 15)
    return count[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("base")
    ap.add_argument("--waiters", type=int, default=1000)
    ap.add_argument("--heavy", type=int, default=40)
    ap.add_argument("--window", type=float, default=30.0, help="seconds of full load after the ramp-up")
    ap.add_argument("--wait", type=int, default=60, help="WAIT value of each waiter (s)")
    ap.add_argument("--wait-on", choices=("executing", "pending"), default="executing",
                    help="phase of the job the waiters wait on")
    ap.add_argument("--p99-ms", type=float, default=200.0)
    ap.add_argument("--async-s", type=float, default=5.0)
    ap.add_argument("--warmup", type=float, default=0.0,
                    help="seconds of light traffic (8 clients: availability, job document, phase, a WAIT that "
                         "answers at once, a trivial sync query) before the load, so the JIT has compiled the request "
                         "path; 0 (default): the load hits a cold service")
    ap.add_argument("--json", help="also write the results as JSON here")
    a = ap.parse_args()
    if not (0 < a.waiters <= 5000 and 0 <= a.heavy <= 200 and 1 <= a.window <= 300 and 1 <= a.wait <= 600
            and 0 <= a.warmup <= 120):
        raise SystemExit("hostile-load: waiters 1-5000, heavy 0-200, window 1-300 s, wait 1-600 s, warmup 0-120 s")
    if a.window >= a.wait:
        print(f"hostile-load: note: the window ({a.window} s) outlasts WAIT={a.wait}; waiters finish early")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < a.waiters + 200:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, a.waiters + 1000), hard))
    threading.stack_size(256 * 1024)
    target = Target(a.base)

    try:
        status, _, body = target.request("GET", "/availability")
        assert status == 200 and b"available>true" in body, f"availability answered {status}"
        form = {"REQUEST": "doQuery", "LANG": "ADQL", "QUERY": TRIVIAL}
        if a.wait_on == "executing":
            form.update(QUERY=ENDLESS, PHASE="RUN", EXECUTIONDURATION=str(int(a.window) + 120))
        status, headers, body = target.request("POST", "/tap/async", form)
        assert status == 303 and "location" in headers, f"job creation answered {status}: {body[:300]!r}"
        job_id = urllib.parse.urlsplit(headers["location"]).path.rstrip("/").rsplit("/", 1)[1]
        phase, deadline = "?", time.monotonic() + 60
        while time.monotonic() < deadline:
            phase = target.request("GET", f"/tap/async/{job_id}/phase")[2].decode().strip()
            if phase == a.wait_on.upper() or phase not in ("PENDING", "QUEUED"):
                break
            time.sleep(0.2)
        assert phase == a.wait_on.upper(), f"the waiters' job is {phase}, not {a.wait_on.upper()}"
    except (OSError, AssertionError) as e:
        print(f"hostile-load: set-up failed: {e}")
        return 2
    wait_path = f"{target.prefix}/tap/async/{job_id}?WAIT={a.wait}&PHASE={a.wait_on.upper()}"
    warmed = warm_up(target, job_id, a.warmup) if a.warmup > 0 else 0
    if warmed:
        print(f"hostile-load: warm-up: {warmed} requests in {a.warmup:.0f} s")
    print(f"hostile-load: {phase} job {job_id}; {a.waiters} waiters, {a.heavy} heavy queries, window {a.window} s")

    stop = threading.Event()
    samples, probe_errors = [], []
    threads = [threading.Thread(target=probe_availability, args=(target, stop, samples, probe_errors), daemon=True)]
    heavies = [Heavy(target, stop, query_timeout_s=a.window + 60) for _ in range(a.heavy)]
    threads += [threading.Thread(target=h.run, daemon=True) for h in heavies]
    waiters = [Waiter(target, wait_path, a.wait) for _ in range(a.waiters)]
    t_start = time.monotonic()
    for t in threads:
        t.start()
    for w in waiters:  # all at once: the ramp-up is how fast the service accepts them
        threading.Thread(target=w.run, daemon=True).start()
    ramp_deadline = time.monotonic() + 15
    while time.monotonic() < ramp_deadline and any(w.state == "connecting" for w in waiters):
        time.sleep(0.05)
    ramp_s = time.monotonic() - t_start

    async_runs = []
    def async_at(delay):
        time.sleep(delay)
        async_runs.append(timed_async_query(target, a.async_s))
    async_threads = [threading.Thread(target=async_at, args=(a.window * f,), daemon=True) for f in (0.25, 0.75)]
    for t in async_threads:
        t.start()
    time.sleep(a.window)
    states = {}
    for w in waiters:
        states[w.state] = states.get(w.state, 0) + 1
    for t in async_threads:
        t.join(timeout=60)
    stop.set()
    load_s = time.monotonic() - t_start
    threads[0].join(timeout=PROBE_TIMEOUT_S + 1)

    answered = {}
    for w in waiters:
        if w.state == "answered":
            answered[w.status] = answered.get(w.status, 0) + 1
    waiter_errors = sorted({w.error for w in waiters if w.error})[:5]
    heavy_status = {}
    for h in heavies:
        for k, v in h.statuses.items():
            heavy_status[str(k)] = heavy_status.get(str(k), 0) + v
    heavy_durations = [d for h in heavies for d in h.durations]
    p50 = percentile(samples, 50) if samples else float("inf")
    p99 = percentile(samples, 99) if samples else float("inf")
    worst = max(samples) if samples else float("inf")
    async_times = [t for t, _ in async_runs]
    async_ok = len(async_runs) == 2 and all(t is not None and t < a.async_s for t in async_times)
    p99_ok = p99 < a.p99_ms

    rows = [
        ("waiters", f"{a.waiters} (WAIT={a.wait}, PHASE={a.wait_on.upper()}); ramp-up {ramp_s:.1f} s"),
        ("waiters at the end of the window", ", ".join(f"{k} {v}" for k, v in sorted(states.items()))),
        ("waiters answered early, by status", ", ".join(f"{k}: {v}" for k, v in sorted(answered.items())) or "none"),
        ("waiter errors (first 5 kinds)", "; ".join(waiter_errors) or "none"),
        ("heavy sync queries", f"{a.heavy} threads; answers {heavy_status or 'none yet'}; median "
                               f"{statistics.median(heavy_durations):.1f} s" if heavy_durations else
                               f"{a.heavy} threads; none answered"),
        ("availability samples", f"{len(samples)} over {load_s:.1f} s; {len(probe_errors)} failed "
                                 f"({', '.join(sorted(set(probe_errors))[:3]) or 'none'})"),
        ("availability p50 / p99 / max", f"{p50:.0f} / {p99:.0f} / {worst:.0f} ms (target p99 < {a.p99_ms:.0f} ms)"
                                         + ("" if p99_ok else "  FAIL")),
        ("trivial async query", "; ".join(f"{t:.2f} s" if t is not None else f"not completed ({ph})"
                                          for t, ph in async_runs) + f" (target < {a.async_s:.0f} s)"
                                + ("" if async_ok else "  FAIL")),
    ]
    width = max(len(k) for k, _ in rows)
    print("\n".join(f"{k.ljust(width)}  {v}" for k, v in rows))
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"waiters": a.waiters, "heavy": a.heavy, "window_s": a.window, "warmup_s": a.warmup,
                   "ramp_s": ramp_s,
                       "waiter_states": states, "waiters_answered": {str(k): v for k, v in answered.items()},
                       "heavy_answers": heavy_status, "availability_ms": {"p50": p50, "p99": p99, "max": worst,
                       "samples": len(samples), "failed": len(probe_errors)},
                       "async_s": async_times}, f, indent=1)
    try:  # best effort (the service removes it at its execution-duration limit anyway)
        target.request("POST", f"/tap/async/{job_id}", {"ACTION": "DELETE"}, timeout=10)
    except OSError:
        pass
    ok = p99_ok and async_ok
    print("hostile-load: " + ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
