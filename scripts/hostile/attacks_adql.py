"""ADQL and TAP query attacks (issue 13 items 1 and 6; review C1 and H6): database functions smuggled through ADQL,
second statements, the job store, and long queries that must neither run past the sync limit nor hold a worker after
ABORT. Each asserts the safe answer: a DALI error naming the problem, no file written, nothing read, nothing lost."""
import concurrent.futures
import pathlib
import time
import uuid

from hostile import expect_status, expect_text

TD = "muwclass.training_set"
FUNCTIONS_SAID = "this service runs only the ADQL 2.0 functions"
HEAVY = (f"SELECT COUNT(*) FROM {TD} AS a, {TD} AS b, {TD} AS c "
         "WHERE a.ra + b.ra + c.ra > -1")


def _scratch_file(client, stem):
    client.scratch.mkdir(parents=True, exist_ok=True)
    return client.scratch / f"{stem}-{uuid.uuid4().hex[:8]}"


def _refused_function(r, name):
    expect_status(r, 400)
    expect_text(r, "QUERY_STATUS", "ERROR", f"unknown function {name}", FUNCTIONS_SAID)


def _training_set_rows(client):
    r = client.sync(f"SELECT COUNT(*) AS n FROM {TD}", RESPONSEFORMAT="csv")
    expect_status(r, 200)
    return int(r.text.splitlines()[1])


def attack_csvwrite_in_where_writes_no_file(client):
    target = _scratch_file(client, "csvwrite")
    r = client.sync(f"SELECT TOP 1 name FROM {TD} WHERE CSVWRITE('{target}', 'SELECT * FROM uws.jobs') > 0")
    _refused_function(r, "CSVWRITE")
    assert not target.exists(), f"{target} was written"


def attack_file_read_returns_no_content(client):
    r = client.sync("SELECT file_read('/etc/hostname', 'UTF-8') AS x FROM TAP_SCHEMA.schemas")
    _refused_function(r, "file_read")
    hostname = pathlib.Path("/etc/hostname").read_text().strip() if pathlib.Path("/etc/hostname").exists() else ""
    # the function name and path are echoed in the error, the file's content is not
    assert not hostname or hostname not in r.text.replace("/etc/hostname", ""), "the file content came back"


def attack_file_write_writes_nothing(client):
    target = _scratch_file(client, "filewrite")
    r = client.sync(f"SELECT FILE_WRITE('pwned', '{target}') AS x FROM TAP_SCHEMA.schemas")
    _refused_function(r, "FILE_WRITE")
    assert not target.exists(), f"{target} was written"


def attack_link_schema_is_refused(client):
    r = client.sync("SELECT TOP 1 name FROM " + TD + " WHERE LINK_SCHEMA('x', '', 'jdbc:h2:mem:evil', 'sa', '', "
                    "'PUBLIC') = 1")
    _refused_function(r, "LINK_SCHEMA")


def attack_get_sync_with_a_file_function_writes_nothing(client):
    """What an <img src> on any web page could fire at a developer's local service."""
    target = _scratch_file(client, "getcsv")
    r = client.sync(f"SELECT TOP 1 name FROM {TD} WHERE CSVWRITE('{target}', 'SELECT 1') = 1", method="GET")
    _refused_function(r, "CSVWRITE")
    assert not target.exists(), f"{target} was written"


def attack_second_statement_after_semicolon_is_refused(client):
    before = _training_set_rows(client)
    r = client.sync(f"SELECT TOP 1 name FROM {TD}; DROP TABLE {TD}")
    expect_status(r, 400)
    expect_text(r, "QUERY_STATUS", "text follows the ';' that ends it", "DROP")
    assert _training_set_rows(client) == before, "rows were lost"


def attack_trailing_junk_is_a_syntax_error(client):
    r = client.sync(f"SELECT TOP 1 name FROM {TD}) junk")
    expect_status(r, 400)
    expect_text(r, "QUERY_STATUS", "ADQL syntax error at line 1")
    r = client.sync(f"SELECT TOP 1 name FROM {TD} ;; SELECT 1")
    expect_status(r, 400)
    expect_text(r, "text follows the ';'")


def attack_pg_sleep_is_refused_fast(client):
    t0 = time.monotonic()
    r = client.sync(f"SELECT TOP 1 pg_sleep(30) AS x FROM {TD}")
    _refused_function(r, "pg_sleep")
    assert time.monotonic() - t0 < 10, "the sleep ran"


def attack_query_to_xml_of_the_job_store_is_refused(client):
    r = client.sync("SELECT query_to_xml('SELECT * FROM uws.jobs', 1, 1, '') AS x FROM TAP_SCHEMA.schemas")
    _refused_function(r, "query_to_xml")


def attack_set_config_is_refused(client):
    r = client.sync("SELECT set_config('statement_timeout', '0', 0) AS x FROM TAP_SCHEMA.schemas")
    _refused_function(r, "set_config")
    r = client.sync("SELECT current_setting('data_directory') AS x FROM TAP_SCHEMA.schemas")
    _refused_function(r, "current_setting")


def attack_unknown_functions_in_where_order_by_and_nested(client):
    r = client.sync(f"SELECT name FROM {TD} WHERE pg_sleep(5) = 0")
    _refused_function(r, "pg_sleep")
    r = client.sync(f"SELECT TOP 1 ABS(ROUND(FILE_READ('/etc/passwd'), 1)) AS x FROM {TD}")
    _refused_function(r, "FILE_READ")
    r = client.sync(f"SELECT name FROM {TD} WHERE ra IN (SELECT ra FROM {TD} WHERE dblink('dbname=tapdb', "
                    "'SELECT 1') = 0)")
    _refused_function(r, "dblink")
    r = client.sync(f"SELECT name FROM {TD} ORDER BY pg_sleep(1)")  # ADQL orders by columns only
    expect_status(r, 400)
    expect_text(r, "QUERY_STATUS", "ADQL syntax error")


def attack_job_store_tables_are_not_queryable(client):
    r = client.sync("SELECT * FROM uws.jobs")
    expect_status(r, 400)
    expect_text(r, "QUERY_STATUS", "uws.jobs")
    assert "owner" not in r.text.lower().replace("uws.jobs", ""), r.text[:500]


def attack_sync_query_past_the_sync_timeout_is_stopped(client):
    """The suite runs the service with MUWCLASS_TAP_SYNC_TIMEOUT_S=10."""
    t0 = time.monotonic()
    r = client.sync(HEAVY, timeout=120)
    took = time.monotonic() - t0
    expect_status(r, 400)
    expect_text(r, "QUERY_STATUS", "synchronous query ran past its limit of", "/async")
    assert took < 60, f"answered after {took:.0f} s"


def _phase(client, job):
    return client.get(job + "/phase", timeout=10).text.strip()


def attack_async_abort_of_heavy_queries_frees_workers(client):
    jobs = []
    for _ in range(2):
        r, job = client.create_job("tap/async", data={"REQUEST": "doQuery", "LANG": "ADQL", "QUERY": HEAVY,
                                                      "PHASE": "RUN"})
        expect_status(r, 303)
        jobs.append(job)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not all(_phase(client, j) == "EXECUTING" for j in jobs):
        time.sleep(0.3)
    phases = [_phase(client, j) for j in jobs]
    assert all(p == "EXECUTING" for p in phases), f"heavy jobs did not start: {phases}"
    time.sleep(1)  # let the SQL get going
    for job in jobs:
        expect_status(client.post(job + "/phase", data={"PHASE": "ABORT"}), 303, 200)
    for job in jobs:
        assert _phase(client, job) == "ABORTED", f"{job} is {_phase(client, job)}"
        client.delete(job, timeout=10)  # frees any per-client quota, so only the worker threads are tested below
    t0 = time.monotonic()
    r, quick = client.create_job("tap/async", data={"REQUEST": "doQuery", "LANG": "ADQL", "PHASE": "RUN",
                                                    "QUERY": "SELECT TOP 1 schema_name FROM TAP_SCHEMA.schemas"})
    expect_status(r, 303)
    while time.monotonic() - t0 < 10 and _phase(client, quick) not in ("COMPLETED", "ERROR", "ABORTED"):
        time.sleep(0.2)
    assert _phase(client, quick) == "COMPLETED", f"trivial job is {_phase(client, quick)} after 10 s"
    client.delete(quick, timeout=10)


def attack_sync_flood_gets_503_with_retry_after(client):
    """More heavy sync queries than muwclass.tap.sync.concurrency (default 12): the rest are refused at once."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=24) as pool:
        answers = list(pool.map(lambda _: client.sync(HEAVY, timeout=120), range(24)))
    busy = [r for r in answers if r.status_code == 503]
    assert busy, "no query was refused: " + str(sorted({r.status_code for r in answers}))
    assert busy[0].headers.get("Retry-After", "").isdigit(), busy[0].headers
    expect_text(busy[0], "QUERY_STATUS", "synchronous queries (muwclass.tap.sync.concurrency)", "/async")
    assert all(r.status_code in (400, 503) for r in answers), sorted({r.status_code for r in answers})
    # and the service answers ordinary queries again at once
    assert _training_set_rows(client) > 0
