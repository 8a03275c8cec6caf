"""Job attacks (area JOBS: review H4, H5, H6 job side, M1, M2, M3, DESTRUCTION pushed back forever): racing
PHASE=RUN, job floods, far-future DESTRUCTION, EXECUTIONDURATION=0, endless and massed WAIT, DELETE of a running
classification, ABORT, parameter floods. Every attack deletes the jobs it made: all anonymous attacks come from one
address and so share one client quota (muwclass.jobs.quota.*, docs/security.md).

Optional environment: MUWCLASS_HOSTILE_DATA_DIR, the service's data directory (muwclass.data.dir); when set, the
DELETE attack also checks that the job's directory is gone.
"""
import concurrent.futures
import datetime
import os
import pathlib
import re
import threading
import time

from hostile import expect_status, expect_text

TD = pathlib.Path(__file__).resolve().parents[2] / "src/main/resources/muwclass/TD.csv"
TRIVIAL = "SELECT TOP 1 name FROM muwclass.training_set"


def _field(xml, name):
    m = re.search(r"<uws:%s[^>]*>([^<]*)</uws:%s>" % (name, name), xml)
    return m.group(1) if m else None


def _phase(c, job, **kw):
    r = c.get(job, **kw)
    expect_status(r, 200)
    return _field(r.text, "phase")


def _when(text):
    return datetime.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))


def _tap_job(c, run=False, **params):
    data = {"REQUEST": "doQuery", "LANG": "ADQL", "QUERY": TRIVIAL, **params}
    if run:
        data["PHASE"] = "RUN"
    r, job = c.create_job("tap/async", data=data)
    expect_status(r, 303)
    return job


def _classify_input(rows=300):
    lines = TD.read_text(encoding="utf-8").splitlines()
    return ("\n".join(lines[: rows + 1]) + "\n").encode()


def _long_classification(c, run=True):
    """A classification that runs for minutes (many draws, big forests) unless stopped; returns its URL."""
    data = {"DRAWS": "1000", "TREES": "200", "EBV": "none"}
    if run:
        data["PHASE"] = "RUN"
    r, job = c.create_job("classify", data=data, files={"INPUT": ("td.csv", _classify_input(), "text/csv")})
    expect_status(r, 303)
    return job


def _until_phase(c, job, phases, timeout=40):
    end = time.monotonic() + timeout
    phase = None
    while time.monotonic() < end:
        phase = _phase(c, job)
        if phase in phases:
            return phase
        time.sleep(0.2)
    raise AssertionError(f"{job} did not reach {phases} in {timeout} s (last {phase})")


def _delete(c, *jobs):
    for job in jobs:
        if job:
            c.delete(job, timeout=30)


def attack_jobs_racing_phase_run_leaks_no_queue_slot(c):
    """H4: 30 concurrent PHASE=RUN on one PENDING job, five times; the queue still takes new jobs and each runs."""
    made = []
    try:
        with concurrent.futures.ThreadPoolExecutor(30) as pool:
            for _ in range(5):
                job = _tap_job(c)
                made.append(job)
                barrier = threading.Barrier(30)

                def run(job=job, barrier=barrier):
                    barrier.wait(10)
                    return c.post(job + "/phase", data={"PHASE": "RUN"}).status_code

                codes = list(pool.map(lambda _: run(), range(30)))
                assert all(code in (303, 503) for code in codes), f"racing PHASE=RUN answers: {sorted(set(codes))}"
                assert _until_phase(c, job, {"COMPLETED", "ERROR"}) == "COMPLETED"
        for _ in range(3):
            job = _tap_job(c, run=True)
            made.append(job)
            assert _until_phase(c, job, {"COMPLETED", "ERROR"}) == "COMPLETED", "the queue still runs jobs"
    finally:
        _delete(c, *made)


def attack_jobs_pending_flood_gets_429_and_spares_other_clients(c):
    """H5: one anonymous client creating PENDING jobs hits 429 with Retry-After naming the quota; a second
    client (a configured user) still creates jobs."""
    made = []
    try:
        refused = None
        for _ in range(60):
            r, job = c.create_job("tap/async", data={"REQUEST": "doQuery", "LANG": "ADQL", "QUERY": TRIVIAL})
            if r.status_code == 429:
                refused = r
                break
            expect_status(r, 303)
            made.append(job)
        assert refused is not None, f"{len(made)} pending jobs accepted from one client, no 429"
        assert refused.headers.get("Retry-After", "").isdigit(), f"Retry-After: {refused.headers}"
        expect_text(refused, "muwclass.jobs.quota.jobs")
        if len(c.users) > 1:
            r, other = c.create_job("tap/async", data={"REQUEST": "doQuery", "LANG": "ADQL", "QUERY": TRIVIAL},
                                    headers=c.basic(1))
            expect_status(r, 303)
            c.delete(other, headers=c.basic(1))
    finally:
        _delete(c, *made)
    r, job = c.create_job("tap/async", data={"REQUEST": "doQuery", "LANG": "ADQL", "QUERY": TRIVIAL})
    expect_status(r, 303)  # deleting frees the quota
    _delete(c, job)


def attack_jobs_destruction_in_the_far_future_is_capped(c):
    """DESTRUCTION pushed to 2999, at creation and posted again and again, stays within creation + lifetime."""
    job = _tap_job(c, DESTRUCTION="2999-12-31T00:00:00Z")
    try:
        doc = c.get(job).text
        created = _when(_field(doc, "creationTime"))
        first = _when(_field(doc, "destruction"))
        assert first - created <= datetime.timedelta(days=7, seconds=5), f"destruction {first} for {created}"
        for _ in range(5):
            time.sleep(0.3)
            expect_status(c.post(job + "/destruction", data={"DESTRUCTION": "2999-12-31T00:00:00Z"}), 303)
            now = _when(c.get(job + "/destruction").text)
            assert now <= first, f"re-posting moved DESTRUCTION from {first} to {now}"
    finally:
        _delete(c, job)


def attack_jobs_executionduration_zero_gets_the_limit(c):
    """EXECUTIONDURATION=0 ("unlimited") is shown as the service's limit, never 0, at creation and when posted."""
    job = _tap_job(c, EXECUTIONDURATION="0")
    try:
        limit = int(c.get(job + "/executionduration").text.strip())
        assert limit > 0, "EXECUTIONDURATION=0 kept as unlimited"
        expect_status(c.post(job + "/executionduration", data={"EXECUTIONDURATION": "0"}), 303)
        assert int(c.get(job + "/executionduration").text.strip()) == limit
        expect_status(c.post(job + "/executionduration", data={"EXECUTIONDURATION": "999999999"}), 303)
        assert int(c.get(job + "/executionduration").text.strip()) == limit, "beyond the limit gets the limit"
    finally:
        _delete(c, job)


def attack_jobs_wait_on_a_pending_job_returns_at_once(c):
    """M1: WAIT on a PENDING job cannot see a change, so it answers at once instead of holding the request."""
    job = _tap_job(c)
    try:
        t0 = time.monotonic()
        r = c.get(job, params={"WAIT": "30"}, timeout=40)
        expect_status(r, 200)
        assert _field(r.text, "phase") == "PENDING"
        assert time.monotonic() - t0 < 3, f"WAIT on PENDING took {time.monotonic() - t0:.1f} s"
    finally:
        _delete(c, job)


def attack_jobs_wait_100000_is_capped_and_returns(c):
    """M1: WAIT=100000 on an executing job returns by the service's cap (muwclass.jobs.wait.limit.s, 60 s)."""
    job = _long_classification(c)
    try:
        _until_phase(c, job, {"EXECUTING"})
        t0 = time.monotonic()
        r = c.get(job, params={"WAIT": "100000"}, timeout=80)
        took = time.monotonic() - t0
        expect_status(r, 200)
        assert took < 70, f"WAIT=100000 held for {took:.0f} s"
        assert _field(r.text, "phase") in ("EXECUTING", "COMPLETED", "ERROR")
    finally:
        _delete(c, job)


def attack_jobs_200_waiters_do_not_stall_availability(c):
    """M1: 200 concurrent WAIT=30 on one executing job hold no request threads: /availability answers fast
    meanwhile, and an ABORT releases every waiter at once."""
    job = _long_classification(c)
    try:
        _until_phase(c, job, {"EXECUTING"})
        with concurrent.futures.ThreadPoolExecutor(200) as pool:
            waits = [pool.submit(lambda: c.get(job, params={"WAIT": "30"}, timeout=60)) for _ in range(200)]
            time.sleep(5)  # all 200 are suspended by now
            times = []
            for _ in range(30):
                t0 = time.monotonic()
                expect_status(c.get("availability", timeout=10), 200)
                times.append(round(time.monotonic() - t0, 3))
            ordered = sorted(times)
            # the classification keeps the CPUs busy: judge the typical answer and the slow tail, not one outlier
            assert ordered[15] < 0.2 and ordered[27] < 1.0, f"/availability took {times} s while 200 WAITs were held"
            t0 = time.monotonic()
            expect_status(c.post(job + "/phase", data={"PHASE": "ABORT"}), 303)
            answers = [w.result() for w in waits]
            released = time.monotonic() - t0
        assert all(a.status_code == 200 for a in answers), {a.status_code for a in answers}
        assert released < 15, f"the waiters came back {released:.1f} s after the ABORT"
        assert sum(_field(a.text, "phase") == "ABORTED" for a in answers) >= 150, "waiters saw the ABORT"
    finally:
        _delete(c, job)


def attack_jobs_delete_of_an_executing_classification_leaves_nothing(c):
    """M3: DELETE of an EXECUTING classification stops it: no job, no results, no published rows, no files."""
    headers = c.basic(0) if c.users else {}
    data = {"DRAWS": "1000", "TREES": "200", "EBV": "none", "PHASE": "RUN"}
    if c.users:
        data["PUBLISH"] = "yes"  # publishing is an operator's act
    r, job = c.create_job("classify", data=data, files={"INPUT": ("td.csv", _classify_input(), "text/csv")},
                          headers=headers)
    expect_status(r, 303)
    job_id = job.rstrip("/").rsplit("/", 1)[1]
    _until_phase_h = lambda: c.get(job, headers=headers)
    end = time.monotonic() + 40
    while _field(_until_phase_h().text, "phase") != "EXECUTING" and time.monotonic() < end:
        time.sleep(0.2)
    time.sleep(2)
    t0 = time.monotonic()
    expect_status(c.delete(job, headers=headers, timeout=30), 303)
    assert time.monotonic() - t0 < 15, "DELETE waited for the whole job"
    expect_status(c.get(job, headers=headers), 404)
    expect_status(c.get(job + "/results/result", headers=headers), 404)
    r = c.sync(f"SELECT COUNT(*) AS n FROM muwclass.classified_sources WHERE run_id = '{job_id}'",
               RESPONSEFORMAT="csv")
    expect_status(r, 200)
    assert r.text.strip().splitlines()[-1].strip() == "0", f"rows of the deleted job remain: {r.text[-200:]}"
    data_dir = os.environ.get("MUWCLASS_HOSTILE_DATA_DIR")
    if data_dir:
        time.sleep(1)
        assert not (pathlib.Path(data_dir) / "jobs" / job_id).exists(), "the job directory is still there"


def attack_jobs_abort_frees_slots_and_the_active_quota_holds(c):
    """H5/H6: one client may have muwclass.jobs.quota.active (5) jobs running; the next PHASE=RUN gets 429. ABORT
    stops them at once and frees their slots and workers: a trivial job then completes quickly."""
    made = []
    try:
        refused = None
        for _ in range(8):
            try:
                job = _long_classification(c)
            except AssertionError:
                refused = True
                break
            made.append(job)
        r, extra = c.create_job("classify", data={"DRAWS": "10", "EBV": "none", "PHASE": "RUN"},
                                files={"INPUT": ("td.csv", _classify_input(10), "text/csv")})
        if extra:
            made.append(extra)
        expect_status(r, 429)
        expect_text(r, "muwclass.jobs.quota.active")
        assert len(made) <= 5 or refused, f"{len(made)} running jobs accepted from one client"
        for job in made:
            expect_status(c.post(job + "/phase", data={"PHASE": "ABORT"}), 303)
        for job in made:
            assert _phase(c, job) == "ABORTED"
        t0 = time.monotonic()
        quick = _tap_job(c, run=True)
        made.append(quick)
        assert _until_phase(c, quick, {"COMPLETED", "ERROR"}, timeout=30) == "COMPLETED"
        assert time.monotonic() - t0 < 20, f"a trivial job waited {time.monotonic() - t0:.0f} s after the ABORTs"
    finally:
        _delete(c, *made)


def attack_jobs_posting_parameters_1000_times_is_bounded(c):
    """H5: 1,000 POSTs of new parameters to one job are refused once the job holds
    muwclass.jobs.quota.parameters (100) of them; every answer is 303 or a 4xx, never a 500."""
    job = _tap_job(c)
    try:
        import requests
        session = requests.Session()
        codes = {}
        first_refusal = None
        for i in range(1000):
            r = session.post(job + "/parameters", data={f"P{i}": "x" * 100}, timeout=30, allow_redirects=False)
            codes[r.status_code] = codes.get(r.status_code, 0) + 1
            if r.status_code == 400 and first_refusal is None:
                first_refusal = r
        assert set(codes) <= {303, 400, 413, 429}, f"answers {codes}"
        assert first_refusal is not None, f"1000 parameters accepted: {codes}"
        expect_text(first_refusal, "muwclass.jobs.quota.parameters")
        params = c.get(job + "/parameters").text
        assert params.count("<uws:parameter ") <= 110, "the job stores more parameters than the limit"
    finally:
        _delete(c, job)
