#!/usr/bin/env python3
"""Hostile-client suite: attacks a running MUWCLASS-VO as an anonymous or authenticated client and asserts the safe
answer of each (status code, DALI/UWS error text, no file written, nothing listed, nothing lost).

    hostile.py BASE_URL [--only SUBSTRING] [--list]

Attacks live in attacks_*.py beside this file: every function named attack_* taking one Client is one attack.
An attack passes when it returns; it fails with AssertionError (or any exception). Environment read by the client:
MUWCLASS_HOSTILE_SCRATCH (a directory the service can write to, used as the target of file-write attacks),
MUWCLASS_HOSTILE_USERS (user:password pairs, comma separated, known to the service's Basic user store; the first
has the operator role), MUWCLASS_HOSTILE_JWT_SECRET (the HS256 secret the service trusts) and
MUWCLASS_HOSTILE_JWT_ISSUER. Prints 'N passed, N failed' last and exits non-zero on any failure.
"""
import base64
import hashlib
import hmac
import importlib
import json
import os
import pathlib
import sys
import time
import traceback
import uuid

import requests

HERE = pathlib.Path(__file__).resolve().parent
VOTABLE_NS = "http://www.ivoa.net/xml/VOTable/v1.3"


class Client:
    """HTTP helpers against one service. Every call has a timeout; nothing follows redirects unless asked."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.scratch = pathlib.Path(os.environ.get("MUWCLASS_HOSTILE_SCRATCH", "/tmp"))
        users = os.environ.get("MUWCLASS_HOSTILE_USERS", "")
        self.users = [tuple(u.split(":", 1)) for u in users.split(",") if ":" in u]
        self.jwt_secret = os.environ.get("MUWCLASS_HOSTILE_JWT_SECRET", "")
        self.jwt_issuer = os.environ.get("MUWCLASS_HOSTILE_JWT_ISSUER", "")

    def url(self, path):
        return path if path.startswith("http") else self.base + "/" + path.lstrip("/")

    def request(self, method, path, timeout=60, allow_redirects=False, **kw):
        return requests.request(method, self.url(path), timeout=timeout, allow_redirects=allow_redirects, **kw)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, **kw):
        return self.request("POST", path, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def sync(self, query, method="POST", **extra):
        """A TAP sync query; returns the response."""
        params = {"REQUEST": "doQuery", "LANG": "ADQL", "QUERY": query, **extra}
        if method == "GET":
            return self.get("tap/sync", params=params)
        return self.post("tap/sync", data=params)

    # -- identities

    def basic(self, index=0):
        """Authorization header of configured user `index` (0 is the operator)."""
        user, password = self.users[index]
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        return {"Authorization": "Basic " + token}

    def bearer(self, subject, roles=(), lifetime_s=600, secret=None, issuer=None, alg="HS256", **claims):
        """Authorization header with an HS256 JWT signed with the service's secret (or another, for attacks)."""
        now = int(time.time())
        header = {"alg": alg, "typ": "JWT"}
        payload = {"iss": issuer if issuer is not None else self.jwt_issuer, "sub": subject,
                   "upn": subject, "groups": list(roles), "iat": now, "exp": now + lifetime_s,
                   "jti": uuid.uuid4().hex, **claims}
        b64 = lambda d: base64.urlsafe_b64encode(json.dumps(d).encode()).rstrip(b"=").decode()
        signing_input = b64(header) + "." + b64(payload)
        key = (secret if secret is not None else self.jwt_secret).encode()
        sig = b"" if alg == "none" else hmac.new(key, signing_input.encode(), hashlib.sha256).digest()
        return {"Authorization": "Bearer " + signing_input + "." + base64.urlsafe_b64encode(sig).rstrip(b"=").decode()}

    # -- documents

    @staticmethod
    def votable(columns, rows, prolog="", extra_resource=""):
        """A TABLEDATA VOTable: columns [(name, datatype)], rows [[cell text]]."""
        fields = "".join(f'<FIELD name="{n}" datatype="{t}"' + (' arraysize="*"' if t == "char" else "") + "/>"
                         for n, t in columns)
        trs = "".join("<TR>" + "".join(f"<TD>{c}</TD>" for c in r) + "</TR>" for r in rows)
        return (f'<?xml version="1.0"?>{prolog}<VOTABLE version="1.4" xmlns="{VOTABLE_NS}"><RESOURCE>'
                f"<TABLE>{fields}<DATA><TABLEDATA>{trs}</TABLEDATA></DATA></TABLE>{extra_resource}</RESOURCE>"
                "</VOTABLE>")

    def create_job(self, service, data=None, files=None, headers=None):
        """POSTs a job creation to /classify or /tap/async; returns (response, job URL or None)."""
        r = self.post(service, data=data or {}, files=files, headers=headers or {})
        loc = r.headers.get("Location") if r.status_code == 303 else None
        return r, loc


def expect_status(r, *codes):
    assert r.status_code in codes, f"{r.request.method} {r.url}: expected {codes}, got {r.status_code}: {r.text[:500]}"


def expect_text(r, *needles):
    for n in needles:
        assert n.lower() in r.text.lower(), f"{r.request.method} {r.url}: {n!r} not in answer: {r.text[:800]}"


def attacks(only=None):
    found = []
    for path in sorted(HERE.glob("attacks_*.py")):
        module = importlib.import_module(path.stem)
        for name in sorted(vars(module)):
            fn = getattr(module, name)
            if name.startswith("attack_") and callable(fn):
                full = f"{path.stem}.{name}"
                if only is None or only in full:
                    found.append((full, fn))
    return found


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    sys.path.insert(0, str(HERE))
    sys.dont_write_bytecode = True  # no __pycache__ in the source tree
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    todo = attacks(only)
    if "--list" in argv:
        print("\n".join(n for n, _ in todo))
        return 0
    client = Client(argv[1])
    passed = failed = 0
    for name, fn in todo:
        t0 = time.monotonic()
        try:
            fn(client)
            passed += 1
            print(f"PASS {name} ({time.monotonic() - t0:.1f} s)")
        except Exception as e:  # a crash is a failure too
            failed += 1
            print(f"FAIL {name} ({time.monotonic() - t0:.1f} s): {e}")
            traceback.print_exc(limit=3)
        sys.stdout.flush()
    print(f"hostile: {passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
