"""Browser and network hygiene attacks (issue 13 item 8; review M6 and the Host-header item): cross-site state
changes, the Host header echoed into absolute URLs, missing hardening headers, and Payara's /metrics and /openapi
left public."""
import re
from urllib.parse import urlsplit

from hostile import expect_status, expect_text

EVIL = "https://evil.example"
QUERY = "SELECT TOP 1 table_name FROM TAP_SCHEMA.tables"


def own_origin(c):
    u = urlsplit(c.base)
    return f"{u.scheme}://{u.netloc}"


def attack_foreign_origin_post_is_403(c):
    """A form POST from another site (Origin: https://evil.example) creates no job and runs no query."""
    r = c.post("tap/async", data={"LANG": "ADQL", "QUERY": QUERY, "PHASE": "RUN"}, headers={"Origin": EVIL})
    expect_status(r, 403)
    expect_text(r, "Origin", "evil.example", "muwclass.http.allowed.origins")
    assert "Location" not in r.headers
    r = c.post("tap/sync", data={"REQUEST": "doQuery", "LANG": "ADQL", "QUERY": QUERY}, headers={"Origin": EVIL})
    expect_status(r, 403)
    expect_text(r, 'value="ERROR"', "evil.example")
    r = c.post("classify", data={"PHASE": "RUN"}, headers={"Origin": "null"})
    expect_status(r, 403)


def attack_no_origin_post_still_works(c):
    """pyvo, TOPCAT and curl send no Origin: their POSTs work; so does the service's own page (its origin)."""
    r = c.sync(QUERY)
    expect_status(r, 200)
    r, url = c.create_job("tap/async", data={"LANG": "ADQL", "QUERY": QUERY})
    expect_status(r, 303)
    expect_status(c.delete(url), 303)
    r, url = c.create_job("tap/async", data={"LANG": "ADQL", "QUERY": QUERY}, headers={"Origin": own_origin(c)})
    expect_status(r, 303)
    expect_status(c.post(url, data={"ACTION": "DELETE"}, headers={"Origin": own_origin(c)}), 303)


def attack_foreign_origin_cannot_delete_or_abort(c):
    """DELETE and PHASE=ABORT of a job from another site's page are refused; the job stays."""
    r, url = c.create_job("tap/async", data={"LANG": "ADQL", "QUERY": QUERY})
    expect_status(r, 303)
    expect_status(c.delete(url, headers={"Origin": EVIL}), 403)
    expect_status(c.post(url + "/phase", data={"PHASE": "ABORT"}, headers={"Origin": EVIL}), 403)
    expect_text(c.get(url), "<uws:phase>PENDING</uws:phase>")
    expect_status(c.delete(url), 303)


def attack_host_header_is_not_echoed(c):
    """Host: evil.example does not reach Location, the job document's links or the capabilities' accessURL."""
    evil = {"Host": "evil.example"}
    r, url = c.create_job("tap/async", data={"LANG": "ADQL", "QUERY": QUERY}, headers=evil)
    expect_status(r, 303)
    assert "evil.example" not in url and url.startswith(c.base), url
    job = c.get(url, headers=evil)
    expect_status(job, 200)
    assert "evil.example" not in job.text, job.text[:500]
    caps = c.get("tap/capabilities", headers={"Host": "evil.example", "X-Forwarded-Host": "evil.example"})
    expect_status(caps, 200)
    assert "evil.example" not in caps.text
    assert re.search(r'<accessURL use="base">[^<]*/tap</accessURL>', caps.text), caps.text[:600]
    deleted = c.delete(url, headers=evil)
    expect_status(deleted, 303)
    assert "evil.example" not in deleted.headers.get("Location", "")


def attack_hardening_headers_everywhere(c):
    """nosniff, frame-ancestors 'none' and a Referrer-Policy on pages, VO documents, errors and job lists."""
    for r in (c.get(""), c.get("classify.html"), c.get("js/classify.js"), c.get("tap/capabilities"),
              c.get("classify"), c.get("classify/AAAAAAAAAAAAAAAAAAAAAA"), c.sync("SELEC nonsense")):
        h = r.headers
        assert h.get("X-Content-Type-Options") == "nosniff", (r.url, dict(h))
        assert "frame-ancestors 'none'" in h.get("Content-Security-Policy", ""), (r.url, dict(h))
        assert h.get("Referrer-Policy"), (r.url, dict(h))
        assert "script-src 'self'" in h.get("Content-Security-Policy", "")


def attack_metrics_and_openapi_are_not_public(c):
    """Payara Micro's /metrics and /openapi (runtime internals, every endpoint) are switched off; /health stays."""
    for path in ("metrics", "metrics/base", "openapi"):
        r = c.get(path)
        assert r.status_code in (403, 404), f"/{path}: {r.status_code} {r.text[:200]}"
        assert "connection_pool" not in r.text and "openapi:" not in r.text
    expect_status(c.get("health"), 200)


def attack_capabilities_announce_logins_and_anonymous_access(c):
    """The TAP interface lists anonymous access (empty securityMethod), BasicAA and token, as configured."""
    caps = c.get("tap/capabilities")
    expect_status(caps, 200)
    expect_text(caps, "<securityMethod/>", 'standardID="ivo://ivoa.net/sso#BasicAA"',
                'standardID="ivo://ivoa.net/sso#token"')


def attack_datalink_id_flood_is_refused(c):
    """DataLink takes repeatable IDs, each a database lookup: more than 100 in one request is a 400 naming ID."""
    r = c.get("datalink/links", params=[("ID", f"training/x{i}") for i in range(150)])
    expect_status(r, 400)
    expect_text(r, "ID is given 150 times", "at most 100")
