#!/usr/bin/python3
"""Follows this service's DataLink service descriptors with pyvo's DataLink client, warnings as errors.

    /usr/bin/python3 examples/pyvo_datalink.py http://127.0.0.1:8080/tap

A TAP query on muwclass.training_set (and on muwclass.classified_sources when rows are published) must carry the
DataLink 1.1 service descriptor (RESOURCE type="meta" utype="adhoc:service", standardID links-1.1, an ID PARAM whose
ref is the source-name FIELD); result.iter_datalinks() then posts the IDs to /datalink/links and every link of this
service is read: the feature-vector row and the nearest training sources (TAP queries, VOTables parsed by astropy),
and for a classified source the producing UWS job (pyvo's UWS parser) and its summary plot (PNG). The link to the
Chandra Source Catalog's own TAP service is checked for form only (no network beyond the service). Exits non-zero
on the first warning or failed check.
"""
import io
import sys
import urllib.parse
import urllib.request
import warnings

import pyvo
from astropy.io.votable import parse_single_table
from pyvo.dal import DALServiceError
from pyvo.dal.adhoc import DATALINK_IVOID
from pyvo.io.uws import parse_job

CSC_TAP = "https://cda.cfa.harvard.edu/csc21tap/sync?"


def ok(message):
    print("ok: " + message)


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def fetch(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return r.headers.get("Content-Type", ""), r.read()


def check_descriptor(result, refs):
    """The descriptor is there, points at /datalink/links and its PARAMs ref the expected FIELDs."""
    svc = result.get_adhocservice_by_ivoid(DATALINK_IVOID)
    access = [p for p in svc.params if p.name == "accessURL"][0].value
    if not text(access).endswith("/datalink/links"):
        sys.exit(f"FAIL: descriptor accessURL {access}")
    inputs = {p.name: p.ref for g in svc.groups if g.name == "inputParams" for p in g.entries}
    if inputs != refs:
        sys.exit(f"FAIL: descriptor inputs {inputs}, expected {refs}")
    fields = {f.ID: f.name for f in result.fielddescs if f.ID}
    for ref in refs.values():
        if ref not in fields:
            sys.exit(f"FAIL: no FIELD with ID {ref} (FIELD IDs: {fields})")
    return text(access)


def read_links(result, expected_semantics):
    """Follows iter_datalinks() and reads every link served by this service; returns the number of sources."""
    n = 0
    for row, links in zip(result, result.iter_datalinks()):
        n += 1
        semantics = [text(s) for s in links["semantics"]]
        if semantics[:len(expected_semantics)] != expected_semantics:
            sys.exit(f"FAIL: semantics {semantics} for {row['name']}")
        for link in links:
            url, sem, ctype = text(link.access_url), text(link.semantics), text(link.content_type)
            if url.startswith(CSC_TAP):
                query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["QUERY"][0]
                if text(row["name"]) not in query:
                    sys.exit(f"FAIL: CSC link {url} does not name the source")
                continue
            got_type, body = fetch(url)
            if ctype == "application/x-votable+xml":
                table = parse_single_table(io.BytesIO(body)).to_table()
                if sem == "#auxiliary" and "nearest" not in text(link.description) and len(table) != 1:
                    sys.exit(f"FAIL: {url} gave {len(table)} rows, expected the source's own row")
            elif ctype == "image/png":
                if not body.startswith(b"\x89PNG\r\n\x1a\n"):
                    sys.exit(f"FAIL: {url} is not a PNG ({got_type})")
            elif sem == "#progenitor":
                parse_job(io.BytesIO(body))
            else:
                sys.exit(f"FAIL: unexpected link {sem} {ctype} {url}")
    return n


def main(url):
    warnings.simplefilter("error")  # the check: any pyvo/astropy warning fails it
    warnings.simplefilter("ignore", ResourceWarning)  # pyvo's own HTTP sessions left open at exit: not the service
    tap = pyvo.dal.TAPService(url)
    training = tap.search("SELECT TOP 5 name, ra, dec, true_class FROM muwclass.training_set ORDER BY name")
    access = check_descriptor(training, {"ID": "datalink_id"})
    n = read_links(training, ["#auxiliary", "#auxiliary"])
    if n != 5:
        sys.exit(f"FAIL: iter_datalinks gave links for {n} of 5 training sources")
    ok(f"{n} training sources: descriptor -> {access}; feature rows and nearest training sources read")
    plain = tap.search("SELECT TOP 1 ra, dec FROM muwclass.training_set")
    try:
        plain.get_adhocservice_by_ivoid(DATALINK_IVOID)
        sys.exit("FAIL: a result without source names carries a descriptor")
    except DALServiceError:
        ok("a result without source names has no descriptor")
    classified = tap.search("SELECT TOP 3 name, run_id, Class FROM muwclass.classified_sources ORDER BY name")
    if len(classified) == 0:
        ok("no classified sources published: their links not checked here (unit tests cover them)")
        return
    check_descriptor(classified, {"ID": "datalink_id", "RUN_ID": "datalink_run_id"})
    n = read_links(classified, ["#auxiliary", "#auxiliary", "#progenitor", "#preview"])
    ok(f"{n} classified sources: feature rows, nearest training sources, producing job and its plot read")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080/tap")
