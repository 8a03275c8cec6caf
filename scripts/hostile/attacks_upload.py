"""Upload and request-body attacks (issue 13 item 2, C2, H5 request bodies, M4, M5): uploaded XML is data, never
instructions; compressed uploads are refused; rows, time and bytes are capped; request bodies and values are bounded;
odd values give 400, never 500; XML-illegal characters never reach a UWS document.

Each attack asserts the safe answer: the status code, the error text, and that no local file's content shows up in
any answer, job error or result. The /classify attacks accept either a 400 at creation or, should the input be parsed
off the HTTP thread, a job that ends in ERROR with the same refusal.
"""
import atexit
import base64
import gzip
import os
import pathlib
import socket
import struct
import tempfile
import threading
import time
import uuid
import xml.dom.minidom

from hostile import VOTABLE_NS, Client, expect_status, expect_text

VOTABLE = "application/x-votable+xml"


# ------------------------------------------------------------------ helpers

def secret_files(c):
    """(uri, content) of local files an XXE would try to read: /etc/hostname, and a token file of our own (in a
    temporary directory, not the scratch directory, which file-write attacks expect to stay empty; removed at exit)."""
    found = []
    host = pathlib.Path("/etc/hostname")
    # a short host name ("vm") also occurs by chance in random job ids and words: no evidence of a leak, and a flaky
    # check; the token file below is the real secret
    if host.is_file() and len(host.read_text().strip()) >= 8:
        found.append(("file:///etc/hostname", host.read_text().strip()))
    token = "hostile-secret-" + uuid.uuid4().hex
    fd, name = tempfile.mkstemp(prefix="hostile-upload-")
    with os.fdopen(fd, "w") as f:
        f.write(token)
    atexit.register(lambda: os.path.exists(name) and os.remove(name))
    found.append((pathlib.Path(name).resolve().as_uri(), token))
    return found


def one_column(cells):
    return Client.votable([("a", "char")], [[x] for x in cells])


def binary_votable(stream_attrs, body=""):
    """A VOTable whose data is a BINARY STREAM with the given attributes."""
    return (f'<?xml version="1.0"?><VOTABLE version="1.4" xmlns="{VOTABLE_NS}"><RESOURCE><TABLE>'
            '<FIELD name="a" datatype="int"/><DATA><BINARY>'
            f'<STREAM {stream_attrs}>{body}</STREAM></BINARY></DATA></TABLE></RESOURCE></VOTABLE>')


def tap_upload(c, doc, query="SELECT * FROM TAP_UPLOAD.t", content_type=VOTABLE, filename="t.vot", **kw):
    """A TAP sync query with the table inline (UPLOAD=t,param:t)."""
    data = {"REQUEST": "doQuery", "LANG": "ADQL", "QUERY": query, "UPLOAD": "t,param:t"}
    return c.post("tap/sync", data=data, files={"t": (filename, doc, content_type)}, **kw)


def classify_upload(c, doc, filename="field.vot", content_type=VOTABLE, **data):
    return c.create_job("classify", data=data, files={"INPUT": (filename, doc, content_type)})


def refused_by_classify(c, r, loc, *needles, secrets=()):
    """A /classify creation refused: 400 now, or a job that ends in ERROR; the needles are in the refusal and no
    secret is anywhere in what the service answers."""
    if loc is None:
        expect_status(r, 400)
        expect_text(r, *needles)
        texts = [r.text]
    else:
        deadline = time.monotonic() + 60
        phase = ""
        while time.monotonic() < deadline:
            phase = c.get(loc + "/phase").text.strip()
            if phase not in ("PENDING", "QUEUED", "EXECUTING"):
                break
            if phase == "PENDING":
                c.post(loc + "/phase", data={"PHASE": "RUN"})
            time.sleep(0.5)
        assert phase == "ERROR", f"job {loc} ended in {phase}, not ERROR"
        err = c.get(loc + "/error")
        expect_text(err, *needles)
        texts = [err.text, c.get(loc).text, c.get(loc + "/results").text]
        c.delete(loc)
    for _, secret in secrets:
        for t in texts:
            assert secret not in t, f"the content of a local file came back: {t[:300]}"


def no_secret(r, secrets):
    for _, secret in secrets:
        assert secret not in r.text, f"the content of a local file came back: {r.text[:300]}"


class Listener:
    """A loopback TCP listener that records whether anything connected (to prove no SSRF happened)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connected = False
        self.stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
                self.connected = True
                conn.close()
            except OSError:
                pass

    def close(self):
        time.sleep(0.5)
        self.stop = True
        self.thread.join(2)
        self.sock.close()


def raw_http(c, head, body=b"", timeout=15, until=b""):
    """Sends a raw HTTP/1.1 request; returns (status code, response bytes read: the head, and the body up to
    `until` or until the service closes or pauses)."""
    host, port = c.base.split("//", 1)[1].split("/", 1)[0].split(":")
    path = "/" + c.base.split("//", 1)[1].split("/", 1)[1] if "/" in c.base.split("//", 1)[1] else ""
    s = socket.create_connection((host, int(port)), timeout=timeout)
    try:
        s.sendall(head.replace("{path}", path).encode() + body)
        data = b""
        while b"\r\n\r\n" not in data or (until and until not in data):
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            data += chunk
            s.settimeout(2)  # once answering, the rest follows at once
        return int(data.split(b" ", 2)[1]), data
    finally:
        s.close()


# ------------------------------------------------------------------ XML: entities, DTDs, STREAM href, XInclude

def attack_xxe_external_entity_tap_sync(c):
    """C2: an external entity naming a local file in an inline TAP_UPLOAD is refused (400, DOCTYPE named); the file's
    content is not in the answer."""
    secrets = secret_files(c)
    for uri, _ in secrets:
        doc = one_column(["&x;"]).replace('<?xml version="1.0"?>',
                                          f'<?xml version="1.0"?><!DOCTYPE VOTABLE [<!ENTITY x SYSTEM "{uri}">]>')
        r = tap_upload(c, doc)
        expect_status(r, 400)
        expect_text(r, 'value="ERROR"', "UPLOAD t", "DOCTYPE", "not allowed")
        no_secret(r, secrets)


def attack_xxe_external_entity_classify(c):
    """C2: the same external entity in a /classify INPUT VOTable is refused naming INPUT; nothing of the file leaks
    into the answer, the job, its error or results."""
    secrets = secret_files(c)
    uri = secrets[-1][0]
    doc = one_column(["&x;"]).replace('<?xml version="1.0"?>',
                                      f'<?xml version="1.0"?><!DOCTYPE VOTABLE [<!ENTITY x SYSTEM "{uri}">]>')
    r, loc = classify_upload(c, doc)
    refused_by_classify(c, r, loc, "INPUT", "DOCTYPE", secrets=secrets)


def attack_xxe_parameter_entity(c):
    """A parameter entity (out-of-band XXE) is refused like any DOCTYPE, before anything is fetched."""
    listener = Listener()
    try:
        doc = one_column(["1"]).replace(
            '<?xml version="1.0"?>', '<?xml version="1.0"?><!DOCTYPE VOTABLE [<!ENTITY % p SYSTEM '
                                     f'"http://127.0.0.1:{listener.port}/evil.dtd"> %p;]>')
        r = tap_upload(c, doc)
        expect_status(r, 400)
        expect_text(r, "DOCTYPE")
    finally:
        listener.close()
    assert not listener.connected, "the service fetched the parameter entity's URL"


def attack_xxe_billion_laughs(c):
    """Billion laughs: nested internal entities are refused at the DOCTYPE, at once (not after the JDK limit)."""
    ents = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    doc = one_column(["&l9;"]).replace('<?xml version="1.0"?>', f'<?xml version="1.0"?><!DOCTYPE VOTABLE [{ents}]>')
    t0 = time.monotonic()
    r = tap_upload(c, doc)
    expect_status(r, 400)
    expect_text(r, "DOCTYPE")
    assert time.monotonic() - t0 < 5, "billion laughs took over 5 s to refuse"
    r, loc = classify_upload(c, doc)
    refused_by_classify(c, r, loc, "DOCTYPE")


def attack_stream_href_local_file(c):
    """C2: BINARY STREAM href=file:///etc/hostname is refused (400, STREAM href named); no rows from the file."""
    secrets = secret_files(c)
    for uri, _ in secrets:
        r = tap_upload(c, binary_votable(f'href="{uri}"'))
        expect_status(r, 400)
        expect_text(r, "STREAM href is not allowed")
        no_secret(r, secrets)
    r, loc = classify_upload(c, binary_votable(f'href="{secrets[-1][0]}"'))
    refused_by_classify(c, r, loc, "STREAM href", secrets=secrets)


def attack_stream_href_dev_zero(c):
    """STREAM href=file:///dev/zero (endless rows before the fix) is refused fast."""
    t0 = time.monotonic()
    r = tap_upload(c, binary_votable('href="file:///dev/zero"'), timeout=30)
    expect_status(r, 400)
    expect_text(r, "STREAM href is not allowed")
    assert time.monotonic() - t0 < 5, "refusing STREAM href=/dev/zero took over 5 s"


def attack_stream_href_ssrf(c):
    """SSRF: STREAM href=http://127.0.0.1:PORT/ is refused and nothing connects to that port."""
    listener = Listener()
    try:
        r = tap_upload(c, binary_votable(f'href="http://127.0.0.1:{listener.port}/data"'))
        expect_status(r, 400)
        expect_text(r, "STREAM href is not allowed")
        r2 = tap_upload(c, binary_votable('href="http://127.0.0.1:1/"'))
        expect_status(r2, 400)
    finally:
        listener.close()
    assert not listener.connected, "the service connected to the STREAM href URL"


def attack_stream_gzip_encoding(c):
    """An inline STREAM with encoding="gzip" (a bomb inside base64) is refused; only base64 is accepted."""
    payload = base64.b64encode(gzip.compress(b"\0" * 4_000_000)).decode()
    r = tap_upload(c, binary_votable('encoding="gzip"', payload))
    expect_status(r, 400)
    expect_text(r, "STREAM encoding", "only base64")


def attack_xinclude(c):
    """XInclude of a local file is refused, not processed."""
    doc = one_column(["1"]).replace(
        "</RESOURCE>", '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/hostname" '
                       'parse="text"/></RESOURCE>')
    r = tap_upload(c, doc)
    expect_status(r, 400)
    expect_text(r, "XInclude")


# ------------------------------------------------------------------ compression and caps

def gzip_bomb_votable(rows=400_000):
    """A TABLEDATA VOTable of `rows` rows, gzip-compressed (about 10 MB inflating from well under 100 kB)."""
    body = "<TR><TD>1</TD></TR>" * rows
    doc = (f'<?xml version="1.0"?><VOTABLE version="1.4" xmlns="{VOTABLE_NS}"><RESOURCE><TABLE>'
           f'<FIELD name="a" datatype="int"/><DATA><TABLEDATA>{body}</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>')
    return gzip.compress(doc.encode(), 9)


def attack_gzip_bomb_tap_sync(c):
    """A small gzip that inflates hugely, sent as a TAP_UPLOAD VOTable, is refused as compressed (400)."""
    bomb = gzip_bomb_votable()
    assert len(bomb) < 200_000
    r = tap_upload(c, bomb)
    expect_status(r, 400)
    expect_text(r, "gzip-compressed", "not accepted")


def attack_gzip_bomb_classify(c):
    """The same bomb as a /classify INPUT (declared VOTable, and again declared CSV) is refused, not inflated."""
    bomb = gzip_bomb_votable()
    r, loc = classify_upload(c, bomb)
    refused_by_classify(c, r, loc, "INPUT", "gzip-compressed")
    r, loc = classify_upload(c, bomb, filename="field.csv", content_type="text/csv")
    refused_by_classify(c, r, loc, "INPUT", "gzip-compressed")


def attack_upload_over_row_cap(c):
    """A TAP_UPLOAD over the row cap (muwclass.upload.limit.rows, default 1,000,000; MUWCLASS_UPLOAD_LIMIT_ROWS in
    the runner's environment when the service was started with another value) is refused while reading."""
    cap = int(os.environ.get("MUWCLASS_UPLOAD_LIMIT_ROWS", "1000000"))
    rows = cap + 1
    # BINARY2: a null-flag byte and a 2-byte short per row, so a million rows stay about 4 MB of base64
    raw = (b"\0" + struct.pack(">h", 7)) * rows
    doc = (f'<?xml version="1.0"?><VOTABLE version="1.4" xmlns="{VOTABLE_NS}"><RESOURCE><TABLE>'
           '<FIELD name="a" datatype="short"/><DATA><BINARY2><STREAM encoding="base64">'
           + base64.b64encode(raw).decode() + "</STREAM></BINARY2></DATA></TABLE></RESOURCE></VOTABLE>")
    r = tap_upload(c, doc, query="SELECT COUNT(*) FROM TAP_UPLOAD.t", timeout=180)
    expect_status(r, 400)
    expect_text(r, f"more than the limit of {cap} rows", "muwclass.upload.limit.rows")


def attack_upload_string_over_column_width(c):
    """An uploaded string longer than the database's VARCHAR limit (1,000,000 characters) is a 400, not a 500."""
    r = tap_upload(c, one_column(["x" * 1_000_001]))
    expect_status(r, 400)
    expect_text(r, "1000001 characters", "at most 1000000")


# ------------------------------------------------------------------ request bodies

def attack_sync_oversized_content_length(c):
    """/tap/sync with a Content-Length of 1 TB answers 413 at once, before reading the body."""
    t0 = time.monotonic()
    status, data = raw_http(c, "POST {path}/tap/sync HTTP/1.1\r\nHost: localhost\r\n"
                               "Content-Type: application/x-www-form-urlencoded\r\n"
                               "Content-Length: 1000000000000\r\nConnection: close\r\n\r\n", b"REQUEST=doQuery",
                          until=b"muwclass.upload.limit.bytes")
    assert status == 413, f"expected 413, got {status}: {data[:300]!r}"
    assert b"muwclass.upload.limit.bytes" in data, data[:500]
    assert time.monotonic() - t0 < 10, "the 413 took over 10 s: the body was waited for"


def attack_chunked_form_over_limit(c):
    """A chunked form body (no Content-Length) is counted while read: over the form limit it is a 413."""
    def chunks():
        yield b"REQUEST=doQuery&LANG=ADQL&QUERY="
        for _ in range(19):
            yield b"x" * 65536  # just over 1 MiB: little is left unread when the service answers
    r = c.post("tap/sync", data=chunks(), headers={"Content-Type": "application/x-www-form-urlencoded"})
    expect_status(r, 413)
    expect_text(r, "muwclass.http.form.limit.bytes")


def attack_form_ten_thousand_parameters(c):
    """A form with 10,000 parameters is refused (413 naming muwclass.http.parameters.limit) on both services."""
    body = "&".join(f"p{i}=1" for i in range(10_000))
    hdr = {"Content-Type": "application/x-www-form-urlencoded"}
    r = c.post("tap/sync", data="REQUEST=doQuery&LANG=ADQL&QUERY=SELECT+1+FROM+TAP_SCHEMA.schemas&" + body,
               headers=hdr)
    expect_status(r, 413, 400)
    expect_text(r, "muwclass.http.parameters.limit")
    r, loc = c.create_job("tap/async", data=body, headers=hdr)
    assert loc is None, f"a job was created from 10,000 parameters: {loc}"
    expect_status(r, 413, 400)
    expect_text(r, "muwclass.http.parameters.limit")


def attack_multipart_many_parts(c):
    """A multipart body of 1,000 tiny fields is refused (413 naming muwclass.http.multipart.parts.limit)."""
    files = [(f"f{i}", (None, "1")) for i in range(1000)]
    r, loc = c.create_job("classify", files=files)
    assert loc is None, f"a job was created: {loc}"
    expect_status(r, 413)
    expect_text(r, "muwclass.http.multipart.parts.limit")


def attack_multipart_huge_preamble(c):
    """A multipart body with a long preamble before the first boundary is refused (413), not skipped unbounded."""
    boundary = "b" + uuid.uuid4().hex
    body = (b"x" * 100_000 + f"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
            f"--{boundary}--\r\n".encode())
    r = c.post("classify", data=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    expect_status(r, 413)
    expect_text(r, "preamble")


def attack_filename_slash(c):
    """A file part with filename="/" (a NullPointerException and 500 before) is a 400 naming the part."""
    boundary = "b" + uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"INPUT\"; filename=\"/\"\r\n"
            f"Content-Type: text/csv\r\n\r\na,b\r\n1,2\r\n--{boundary}--\r\n").encode()
    for service in ("classify", "tap/async"):
        r = c.post(service, data=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        expect_status(r, 400)
        expect_text(r, "INPUT", "names no file")


def attack_long_runid(c):
    """A 2,000-character RUNID (wider than the job store's column: 500 before) is a 400 naming RUNID."""
    for service in ("classify", "tap/async"):
        r, loc = c.create_job(service, data={"RUNID": "r" * 2000, "LANG": "ADQL",
                                             "QUERY": "SELECT TOP 1 * FROM TAP_SCHEMA.schemas"})
        assert loc is None, f"a job was created: {loc}"
        expect_status(r, 400)
        expect_text(r, "RUNID", "2000 characters", "at most 1000")


def attack_long_parameter_name(c):
    """A 300-character parameter name (wider than the store's column) is a 400, not a 500."""
    r, loc = c.create_job("tap/async", data={"n" * 300: "1", "LANG": "ADQL",
                                             "QUERY": "SELECT TOP 1 * FROM TAP_SCHEMA.schemas"})
    assert loc is None, f"a job was created: {loc}"
    expect_status(r, 400)
    expect_text(r, "parameter name", "at most 200")


def attack_runid_control_character(c):
    """M5: a RUNID with \\x01 is refused (400); the job list stays well-formed XML for everyone."""
    r, loc = c.create_job("tap/async", data={"RUNID": "a\x01b", "LANG": "ADQL",
                                             "QUERY": "SELECT TOP 1 * FROM TAP_SCHEMA.schemas"})
    assert loc is None, f"a job was created: {loc}"
    expect_status(r, 400)
    expect_text(r, "RUNID", "U+0001")
    r, loc = c.create_job("classify", data={"RUNID": "x", "NOTE": "\x1b[31m"})
    assert loc is None, f"a job was created: {loc}"
    expect_status(r, 400)
    expect_text(r, "U+001B")
    for service in ("tap/async", "classify"):
        listing = c.get(service)
        expect_status(listing, 200, 401, 403)  # anonymous listing may be refused; if answered, it must parse
        if listing.status_code == 200:
            xml.dom.minidom.parseString(listing.content)  # raises if not well-formed


def attack_upload_url_results_dotdot(c):
    """An UPLOAD URL ending in /results/.. (a 500 before) is a DALI 400 saying it is not a result name."""
    job = base64.urlsafe_b64encode(os.urandom(16)).rstrip(b"=").decode()
    url = c.url(f"tap/async/{job}/results/..")
    r = c.sync("SELECT * FROM TAP_UPLOAD.t", UPLOAD=f"t,{url}")
    expect_status(r, 400)
    expect_text(r, 'value="ERROR"', "not a result name")
