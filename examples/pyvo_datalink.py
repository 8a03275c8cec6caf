#!/usr/bin/python3
"""Follows this service's DataLink service descriptors with pyvo's DataLink client, warnings as errors.

    /usr/bin/python3 examples/pyvo_datalink.py http://127.0.0.1:8080/tap [OPERATOR_USER:PASSWORD]

A TAP query on muwclass.training_set (and on muwclass.classified_sources when rows are published) must carry the
DataLink 1.1 service descriptor (RESOURCE type="meta" utype="adhoc:service", standardID links-1.1, an ID PARAM whose
ref is the source-name FIELD); result.iter_datalinks() then posts the IDs to /datalink/links and every link of this
service is read: the feature-vector row and the nearest training sources (TAP queries, VOTables parsed by astropy),
and for a classified source its probability plot (PNG); the producing UWS job (pyvo's UWS parser) and its summary plot
(PNG) are offered only to the job's owner, so anonymous link requests must lack them and the operator's must have them
for the operator's own published job. The link to the
Chandra Source Catalog's own TAP service is checked for form only (no network beyond the service). With an operator
login, a small classification job (3 training sources, 10 draws, 10 trees) is first published, so classified sources
exist (its rows must carry the result flags training_name and input_flag: they are training sources), and its result
VOTable's descriptor (ID from the name column, RUN_ID the job) is followed too. Exits non-zero
on the first warning or failed check.
"""
import base64
import time
import urllib.error
import uuid
import io
import os
import sys
import urllib.parse
import urllib.request
import warnings

import pyvo
from astropy.io.votable import parse, parse_single_table
from pyvo.dal import DALServiceError
from pyvo.dal.adhoc import DATALINK_IVOID
from pyvo.io.uws import parse_job

TRAINING_CSV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources",
                            "muwclass", "TD.csv")
CSC_TAP = "https://cda.cfa.harvard.edu/csc21tap/sync?"


def ok(message):
    print("ok: " + message)


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


AUTH = {}  # Authorization header for the operator's own job and its results


def fetch(url):
    headers = AUTH if "/classify/" in url else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=60) as r:
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
        if ref is not None and ref not in fields:
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


PUBLIC_CLASSIFIED = ["#auxiliary", "#auxiliary", "#preview"]  # not the job's: #progenitor and its summary plot
OWNED_CLASSIFIED = ["#auxiliary", "#auxiliary", "#progenitor", "#preview", "#preview"]


def owner_links(job, name, run_id):
    """As the job's owner, /datalink/links offers the job and its summary plot too; every link is read."""
    service = job.rsplit("/classify/", 1)[0]
    form = urllib.parse.urlencode({"ID": name, "RUN_ID": run_id}).encode()
    req = urllib.request.Request(service + "/datalink/links", data=form, method="POST",
                                 headers={**AUTH, "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(req, timeout=60) as r:
        table = parse_single_table(io.BytesIO(r.read())).to_table()
    semantics = [text(s) for s in table["semantics"]]
    if semantics[:len(OWNED_CLASSIFIED)] != OWNED_CLASSIFIED:
        sys.exit(f"FAIL: the owner's links of {name}: semantics {semantics}")
    for url, sem in zip(table["access_url"], semantics):
        url = text(url)
        if url.startswith(CSC_TAP):
            continue
        got_type, body = fetch(url)
        if sem == "#progenitor":
            parse_job(io.BytesIO(body))
        elif url.endswith(".png") or "/datalink/plot" in url:
            if not body.startswith(b"\x89PNG\r\n\x1a\n"):
                sys.exit(f"FAIL: {url} is not a PNG ({got_type})")
    ok(f"the owner's links of {name}: the producing job and its summary plot offered and read")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


def publish_small_job(tap_url):
    """Classifies 3 training sources with PUBLISH=yes as the operator; returns the job URL once COMPLETED."""
    service = tap_url.rsplit("/tap", 1)[0]
    with open(TRAINING_CSV, "rb") as f:  # the shipped training set's header and first 3 sources: shape (a) input
        three = b"".join(f.readline() for _ in range(4))
    boundary = uuid.uuid4().hex
    body = io.BytesIO()
    for k, v in {"PHASE": "RUN", "DRAWS": "10", "TREES": "10", "PUBLISH": "yes", "EBV": "none"}.items():
        body.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
    body.write(f'--{boundary}\r\nContent-Disposition: form-data; name="INPUT"; filename="three.csv"\r\n'
               f"Content-Type: text/csv\r\n\r\n".encode() + three + b"\r\n")
    body.write(f"--{boundary}--\r\n".encode())
    req = urllib.request.Request(service + "/classify", data=body.getvalue(), method="POST",
                                 headers={**AUTH, "Content-Type": "multipart/form-data; boundary=" + boundary})
    try:
        urllib.request.build_opener(NoRedirect).open(req, timeout=120)
        sys.exit("FAIL: job creation did not redirect")
    except urllib.error.HTTPError as e:
        if e.code != 303:
            sys.exit(f"FAIL: job creation: HTTP {e.code}: {e.read().decode(errors='replace')}")
        job = e.headers["Location"]
    deadline = time.time() + 600
    while time.time() < deadline:
        phase = fetch(job + "/phase")[1].decode().strip()
        if phase in ("COMPLETED", "ERROR", "ABORTED"):
            break
        time.sleep(2)
    if phase != "COMPLETED":
        sys.exit(f"FAIL: job {job} ended {phase}: {fetch(job + '/error')[1][:500]}")
    ok(f"published a small classification job {job}")
    return job


def main(url, operator=None):
    if operator:
        AUTH["Authorization"] = "Basic " + base64.b64encode(operator.encode()).decode()
    warnings.simplefilter("error")  # the check: any pyvo/astropy warning fails it
    warnings.simplefilter("ignore", ResourceWarning)  # pyvo's own HTTP sessions left open at exit: not the service
    job = publish_small_job(url) if operator else None
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
    n = read_links(classified, PUBLIC_CLASSIFIED)
    ok(f"{n} classified sources, asked anonymously: feature rows, nearest training sources and the source plot read;"
       " no links to the producing job")
    if job:
        run_id = job.rsplit("/", 1)[1]
        flags = tap.search("SELECT training_name, input_flag FROM muwclass.classified_sources WHERE run_id = '"
                           + run_id + "'")
        if len(flags) != 3 or any(text(r["input_flag"]) != "training_source_loo" for r in flags):
            sys.exit(f"FAIL: published rows of {run_id} lack the result flags: {list(flags)}")
        ok("the published rows carry the result flags (training_name, input_flag training_source_loo)")
        _, body = fetch(job + "/results/result")
        result = pyvo.dal.TAPResults(parse(io.BytesIO(body)), url=job + "/results/result")
        svc = result.get_adhocservice_by_ivoid(DATALINK_IVOID)
        run = [p.value for g in svc.groups for p in g.entries if p.name == "RUN_ID"]
        if [text(r) for r in run] != [job.rsplit("/", 1)[1]]:
            sys.exit(f"FAIL: result descriptor RUN_ID {run}, expected the job id")
        check_descriptor(result, {"ID": "datalink_id", "RUN_ID": None})
        n = read_links(result, PUBLIC_CLASSIFIED)
        ok(f"the job's result table: descriptor with RUN_ID={text(run[0])}; links of its {n} sources read")
        owner_links(job, text(result.to_table()["name"][0]), text(run[0]))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080/tap", sys.argv[2] if len(sys.argv) > 2 else None)
