#!/usr/bin/python3
"""Classify the NGC 3532 demo field with a MUWCLASS-VO /classify UWS job, using only the standard library.

Submits the CSC per-observation detections of the field plus its nearest Gaia, 2MASS, AllWISE, CatWISE2020 and
unWISE counterparts (input shape (b): the service extracts the features and cross-matches), runs the job, waits
with the UWS 1.1 blocking WAIT, downloads the result VOTable and the PNG summary, and compares the classes with the
published MUWCLASS classes of the field (NGC3532_class.csv) for the sources the paper classified with CT >= 2.

Usage: examples/classify_ngc3532.py [--url http://127.0.0.1:8080] [--draws 10] [--seed 1] [--out DIR]
       [--min-agreement 0.9] [--timeout 3600] [--job JOB_URL]
Exit status 0 when the job completed and the agreement is at least --min-agreement, 1 otherwise.
"""
import argparse
import csv
import io
import os
import sys
import time
import urllib.error
import urllib.request
import uuid
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.join(HERE, "..", "src", "main", "resources", "muwclass", "demo", "NGC3532")  # inputs (shipped)
PUBLISHED = os.path.join(HERE, "..", "src", "test", "resources", "muwclass", "demo", "NGC3532")  # paper classes
UWS = "{http://www.ivoa.net/xml/UWS/v1.0}"
XLINK = "{http://www.w3.org/1999/xlink}"
VOT = "{http://www.ivoa.net/xml/VOTable/v1.3}"
PARTS = {"INPUT": "NGC3532_per.csv", "GAIA": "NGC3532_gaia.csv", "2MASS": "NGC3532_2mass.csv",
         "ALLWISE": "NGC3532_allwise.csv", "CATWISE": "NGC3532_catwise.csv", "UNWISE": "NGC3532_unwise.csv"}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def multipart(fields, files):
    boundary = "----muwclass" + uuid.uuid4().hex
    out = io.BytesIO()
    for name, value in fields.items():
        out.write(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode())
    for name, path in files.items():
        out.write(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; "
                  f"filename=\"{os.path.basename(path)}\"\r\nContent-Type: text/csv\r\n\r\n".encode())
        with open(path, "rb") as f:
            out.write(f.read())
        out.write(b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), "multipart/form-data; boundary=" + boundary


def submit(base, draws, seed):
    body, ctype = multipart({"PHASE": "RUN", "DRAWS": str(draws), "SEED": str(seed), "RUNID": "ngc3532-example"},
                            {k: os.path.join(DEMO, v) for k, v in PARTS.items()})
    req = urllib.request.Request(base + "/classify", data=body, method="POST", headers={"Content-Type": ctype})
    try:
        urllib.request.build_opener(NoRedirect).open(req, timeout=120)
    except urllib.error.HTTPError as e:
        if e.code == 303:
            return e.headers["Location"]
        sys.exit(f"job creation failed: HTTP {e.code}: {e.read().decode(errors='replace')}")
    sys.exit("job creation did not redirect to the job (expected 303 See Other)")


def get(url, timeout=700):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.read()


def wait(job_url, limit_s):
    """Blocks with WAIT until the job leaves PENDING/QUEUED/EXECUTING; prints progress from jobInfo."""
    deadline = time.time() + limit_s
    while True:
        job = ET.fromstring(get(job_url + "?WAIT=30"))
        phase = job.find(UWS + "phase").text
        prog = job.find(f"{UWS}jobInfo/{{urn:muwclass:uws:jobinfo}}progress")
        if prog is not None:
            print(f"  {phase}: {prog.get('done')}/{prog.get('total')} work units", file=sys.stderr)
        if phase not in ("PENDING", "QUEUED", "EXECUTING"):
            return job
        if time.time() > deadline:
            sys.exit(f"job still {phase} after {limit_s} s")


def read_votable_classes(data):
    """name -> Class from a VOTable with TABLEDATA or BINARY2 (BINARY2 is decoded through astropy if present)."""
    try:
        from astropy.io.votable import parse_single_table
        t = parse_single_table(io.BytesIO(data)).to_table()
        return {str(n).strip(): str(c).strip() for n, c in zip(t["name"], t["Class"])}
    except ImportError:
        sys.exit("reading the BINARY2 result needs astropy (Debian: python3-astropy)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", default="http://127.0.0.1:8080")
    ap.add_argument("--draws", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=".")
    ap.add_argument("--timeout", type=int, default=3600, help="longest wait for the job, s")
    ap.add_argument("--min-agreement", type=float, default=0.9)
    ap.add_argument("--job", help="URL of an existing job to wait for and check instead of submitting one")
    a = ap.parse_args()
    base = a.url.rstrip("/")

    job_url = a.job or submit(base, a.draws, a.seed)
    print("job:", job_url)
    print("quote:", get(job_url + "/quote").decode() or "unknown")
    job = wait(job_url, a.timeout)
    phase = job.find(UWS + "phase").text
    if phase != "COMPLETED":
        print(f"job ended {phase}: {get(job_url + '/error').decode(errors='replace')}", file=sys.stderr)
        return 1
    results = {r.get("id"): r.get(XLINK + "href") for r in job.iter(UWS + "result")}
    os.makedirs(a.out, exist_ok=True)
    files = {}
    for rid, href in results.items():
        data = get(href)
        path = os.path.join(a.out, "ngc3532_" + (rid if "." in rid else rid + ".vot"))
        with open(path, "wb") as f:
            f.write(data)
        files[rid] = data
        print("wrote", path, len(data), "bytes")

    ours = read_votable_classes(files["result"])
    with open(os.path.join(PUBLISHED, "NGC3532_class.csv"), newline="") as f:
        published = [r for r in csv.DictReader(f) if r["CT"] and float(r["CT"]) >= 2]
    matched = [r for r in published if r["name"].strip() in ours]
    agree = sum(1 for r in matched if ours[r["name"].strip()] == r["Class"])
    counts = {}
    for c in ours.values():
        counts[c] = counts.get(c, 0) + 1
    print("classes:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    frac = agree / len(matched) if matched else 0.0
    print(f"published CT>=2 sources: {len(published)}, found in the result: {len(matched)}, same class: {agree}"
          f" ({100 * frac:.1f}%)")
    return 0 if matched and frac >= a.min_agreement else 1


if __name__ == "__main__":
    sys.exit(main())
