#!/usr/bin/python3
"""Checks that pyvo and astropy read this service's documents without a single warning (Debian python3-pyvo).

    /usr/bin/python3 examples/pyvo_no_warnings.py http://127.0.0.1:8080/tap

Every warning is turned into an error: the capabilities, the table metadata (/tables and TAP_SCHEMA), a result of
every published table in each VOTable serialization (units parsed as VOUnit) and as ECSV, a DataLink links document (pyvo's DataLink client), and an async job's documents (pyvo's
UWS parser: job, its phase while polling, its results). Exits non-zero on the first warning, naming it.
"""
import io
import sys
import warnings

import urllib.parse
import urllib.request

import pyvo
from astropy.io.votable import parse_single_table
from astropy.table import Table
from pyvo.dal.adhoc import DatalinkResults
from pyvo.io.uws import parse_job

TABLES = ("muwclass.training_set", "muwclass.classified_sources")


def ok(message):
    print("ok: " + message)


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def main(url):
    warnings.simplefilter("error")  # the check: any warning (VOUnit, VOTable, UWS) fails it
    warnings.simplefilter("ignore", ResourceWarning)  # pyvo's own HTTP sessions left open at exit: not the service
    tap = pyvo.dal.TAPService(url)
    caps = tap.capabilities
    ok(f"capabilities parsed ({len(caps)} capabilities)")
    tables = tap.tables
    ok(f"/tables parsed ({len(list(tables.keys()))} tables)")
    for name in TABLES:
        for fmt in ("votable", "votable/td"):
            result = tap.run_sync(f"SELECT TOP 5 * FROM {name}", responseformat=fmt).to_table()
            units = {str(c.unit) for c in result.itercols() if c.unit is not None}
            ok(f"{name} as {fmt}: {len(result.columns)} columns, units {sorted(units)}")
    tap.run_sync("SELECT TOP 500 * FROM TAP_SCHEMA.columns").to_table()
    ok("TAP_SCHEMA.columns read")
    query = urllib.parse.urlencode({"LANG": "ADQL", "RESPONSEFORMAT": "ecsv",
                                    "QUERY": "SELECT TOP 5 * FROM muwclass.training_set"})
    with urllib.request.urlopen(f"{url}/sync?{query}") as r:
        ecsv = Table.read(r.read().decode(), format="ascii.ecsv")
    if len(ecsv) != 5 or str(ecsv["flux_b"].unit) != "mW / m2":
        sys.exit(f"FAIL: ECSV result: {len(ecsv)} rows, flux_b unit {ecsv['flux_b'].unit}")
    ok(f"ECSV result read by astropy ({len(ecsv.columns)} columns, flux_b in {ecsv['flux_b'].unit})")
    service = url[: -len("/tap")] if url.endswith("/tap") else url
    name = tap.run_sync(  # a source near the Galactic centre, where training sources are dense
        "SELECT TOP 1 name FROM muwclass.training_set WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), "
        "CIRCLE('ICRS', 266.4168, -29.0078, 0.5)) ORDER BY name").to_table()["name"][0]
    name = name.decode() if isinstance(name, bytes) else str(name)
    links = DatalinkResults.from_result_url(
        f"{service}/datalink/links?" + urllib.parse.urlencode({"ID": "training/" + name}))
    semantics = [text(r.semantics) for r in links]
    if semantics[:2] != ["#auxiliary", "#auxiliary"]:  # then the CSC's own row, for 2CXO names
        sys.exit(f"FAIL: DataLink semantics {semantics}")
    # (a record's getdataset() looks up the DataLink vocabulary on the network: fetch access_url directly)
    with urllib.request.urlopen(text(links[1].access_url)) as r:
        nearest = parse_single_table(io.BytesIO(r.read())).to_table()
    if len(nearest) == 0:
        sys.exit("FAIL: no nearest training sources near the Galactic centre")
    ok(f"DataLink links of training/{name} read by pyvo; {len(nearest)} nearest training sources")
    job = tap.submit_job("SELECT true_class, COUNT(*) AS n FROM muwclass.training_set GROUP BY true_class")
    job.run().wait()
    job.raise_if_error()
    parsed = parse_job(job.url)
    ok(f"async job document parsed (phase {parsed.phase}, {len(parsed.results)} result)")
    job.fetch_result().to_table()
    ok("async result read")
    job.delete()
    print("pyvo/astropy warnings: none")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080/tap")
