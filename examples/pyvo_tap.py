#!/usr/bin/python3
"""Acceptance check of the MUWCLASS-VO TAP service with pyvo (Debian python3-pyvo; run with /usr/bin/python3).

    /usr/bin/python3 examples/pyvo_tap.py http://127.0.0.1:8080/tap

Runs a synchronous query, an asynchronous query and an upload join, and checks the rows against each other and
against the published training-set size (2,941 sources in 8 classes, Yang et al. 2022). Exits non-zero on failure.
"""
import sys

import numpy as np
import pyvo
from astropy.table import Table

TRAINING_SET_SIZE = 2941
CLASSES = {"AGN", "CV", "HM-STAR", "HMXB", "LM-STAR", "LMXB", "NS", "YSO"}


def check(condition, message):
    if not condition:
        print("FAIL: " + message)
        sys.exit(1)
    print("ok: " + message)


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def main(url):
    tap = pyvo.dal.TAPService(url)

    # 1. sync: a cone search, nearest first
    sync = tap.run_sync(
        "SELECT TOP 5 name, ra, dec, true_class, "
        "DISTANCE(POINT('ICRS', ra, dec), POINT('ICRS', 266.4168, -29.0078)) AS dist "
        "FROM muwclass.training_set "
        "WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 266.4168, -29.0078, 2.0)) "
        "ORDER BY dist").to_table()
    check(len(sync) == 5, "sync cone search returns TOP 5 rows")
    check(bool(np.all(np.diff(np.asarray(sync["dist"])) >= 0)), "sync rows are ordered by distance")
    check(bool(np.all(np.asarray(sync["dist"]) <= 2.0)), "sync rows lie inside the 2 deg cone")
    check(str(sync["ra"].unit) == "deg", "column units come from TAP_SCHEMA (ra in deg)")

    # 2. async: class census of the training set
    census = tap.run_async(
        "SELECT true_class, COUNT(*) AS n FROM muwclass.training_set GROUP BY true_class").to_table()
    counts = {text(c): int(n) for c, n in zip(census["true_class"], census["n"])}
    check(set(counts) == CLASSES, "async query returns the 8 MUWCLASS classes")
    check(sum(counts.values()) == TRAINING_SET_SIZE, "async class counts sum to the 2,941 training sources")

    # 3. upload join: positions of the sync rows, matched back within 1 arcsec
    mine = Table({"id": np.arange(len(sync), dtype=np.int32),
                  "ra": np.asarray(sync["ra"], dtype=float),
                  "dec": np.asarray(sync["dec"], dtype=float)})
    joined = tap.run_sync(
        "SELECT u.id, t.name FROM TAP_UPLOAD.mine AS u JOIN muwclass.training_set AS t "
        "ON 1 = CONTAINS(POINT('ICRS', t.ra, t.dec), CIRCLE('ICRS', u.ra, u.dec, 1.0/3600)) ORDER BY 1",
        uploads={"mine": mine}).to_table()
    check(len(joined) == len(sync), "upload join finds every uploaded position")
    check([text(n) for n in joined["name"]] == [text(n) for n in sync["name"]],
          "upload join matches each position to the same source")

    # 4. errors are DALI error documents with a message that says what to fix
    try:
        tap.run_sync("SELECT nosuch FROM muwclass.training_set")
        check(False, "an unknown column is refused")
    except pyvo.dal.DALQueryError as e:
        check("nosuch" in str(e), "an unknown column is refused with its name in the message")
    print("pyvo acceptance: passed")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080/tap")
