"""Identity attacks (issue 13 items 3 and 4; review H1, H2, H3): impersonation through the owner header, listing
or touching other clients' jobs, forged, expired or foreign bearer tokens, wrong passwords, and publishing into the
public table without the operator role. The service runs with the Basic user file and the HS256 secret named in
MUWCLASS_HOSTILE_USERS / MUWCLASS_HOSTILE_JWT_* (hostile.py), and without muwclass.jobs.owner.header (default)."""
import base64
import os
import re
import uuid

from hostile import expect_status, expect_text

SERVICE_OWNER = "muwclass-service"
QUERY = "SELECT TOP 1 table_name FROM TAP_SCHEMA.tables"
TD = os.path.join(os.path.dirname(__file__), "..", "..", "src", "main", "resources", "muwclass", "TD.csv")


def job_ids(text):
    return re.findall(r'<uws:jobref[^>]* id="([^"]+)"', text)


def tap_job(c, headers=None):
    """Creates a PENDING /tap/async job; returns its URL."""
    r, loc = c.create_job("tap/async", data={"LANG": "ADQL", "QUERY": QUERY}, headers=headers)
    expect_status(r, 303)
    return loc


def tiny_input():
    with open(TD, encoding="utf-8") as f:
        lines = [next(f) for _ in range(3)]
    return {"INPUT": ("td.csv", "".join(lines), "text/csv")}


def random_id():
    return base64.urlsafe_b64encode(os.urandom(16)).rstrip(b"=").decode()


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def attack_owner_header_cannot_claim_service_jobs(c):
    """X-Muwclass-Owner: muwclass-service lists nothing and deletes no demo job; the published rows stay (H1)."""
    forged = {"X-Muwclass-Owner": SERVICE_OWNER}
    r = c.get("classify", headers=forged)
    assert r.status_code in (200, 401), r.status_code
    assert job_ids(r.text) == [], f"jobs listed to a forged service owner: {r.text[:300]}"
    runs = c.sync("SELECT DISTINCT run_id FROM muwclass.classified_sources", RESPONSEFORMAT="csv")
    expect_status(runs, 200)
    ids = [l.strip() for l in runs.text.splitlines()[1:] if l.strip()]
    for run in ids[:5]:
        for attempt in (lambda: c.delete(f"classify/{run}", headers=forged),
                        lambda: c.post(f"classify/{run}", data={"ACTION": "DELETE"}, headers=forged)):
            r = attempt()
            assert r.status_code in (401, 403, 404), f"demo job {run}: {r.status_code} {r.text[:200]}"
    after = c.sync("SELECT DISTINCT run_id FROM muwclass.classified_sources", RESPONSEFORMAT="csv")
    assert [l.strip() for l in after.text.splitlines()[1:] if l.strip()] == ids, "published rows withdrawn"
    # nor does a job created with the header belong to the service
    r, url = c.create_job("tap/async", data={"LANG": "ADQL", "QUERY": QUERY}, headers=forged)
    if r.status_code == 303:
        owner = c.get(url + "/owner", headers=forged)
        assert owner.text.strip() != SERVICE_OWNER, "a client created a job owned by muwclass-service"
        c.delete(url, headers=forged)
    else:
        expect_status(r, 401, 403)


def attack_owner_header_cannot_impersonate_a_user(c):
    """A job of plain-user (Basic) is not reachable by an anonymous client naming plain-user in the header (H1)."""
    url = tap_job(c, headers=c.basic(1))
    forged = {"X-Muwclass-Owner": c.users[1][0]}
    expect_status(c.get(url, headers=forged), 403, 404)
    expect_status(c.post(url + "/phase", data={"PHASE": "ABORT"}, headers=forged), 403, 404)
    assert url.rsplit("/", 1)[1] not in c.get("tap/async", headers=forged).text
    expect_status(c.get(url, headers=c.basic(1)), 200)
    expect_status(c.delete(url, headers=c.basic(1)), 303)


def attack_anonymous_jobs_are_not_listed(c):
    """Anonymous client B lists nothing (not A's job); A's job URL still works for A, pyvo-style (H2)."""
    for service, make in (("tap/async", lambda: tap_job(c)),
                          ("classify", lambda: c.create_job("classify", files=tiny_input())[1])):
        url = make()
        assert url, f"no job created on {service}"
        listed = c.get(service)
        expect_status(listed, 200)
        assert job_ids(listed.text) == [], f"{service}: anonymous list not empty: {job_ids(listed.text)[:5]}"
        expect_status(c.get(url), 200)
        expect_text(c.get(url), "<uws:phase>PENDING</uws:phase>")
        expect_status(c.delete(url), 303)


def attack_guessed_job_id_is_404(c):
    """A random, well-formed job id is 404 on both job lists and on its sub-resources."""
    for service in ("classify", "tap/async"):
        j = random_id()
        for path in (f"{service}/{j}", f"{service}/{j}/results", f"{service}/{j}/parameters"):
            expect_status(c.get(path), 404)
        expect_status(c.post(f"{service}/{j}", data={"ACTION": "DELETE"}), 404)


def attack_user_cannot_touch_another_users_job(c):
    """plain-user cannot read, abort, re-parameterise, shorten or delete operator-user's job, nor list it."""
    url = tap_job(c, headers=c.basic(0))
    job = url.rsplit("/", 1)[1]
    other = c.basic(1)
    for r in (c.get(url, headers=other), c.get(url + "/parameters", headers=other),
              c.post(url + "/phase", data={"PHASE": "ABORT"}, headers=other),
              c.post(url, data={"QUERY": "SELECT 1 FROM TAP_SCHEMA.schemas"}, headers=other),
              c.post(url + "/destruction", data={"DESTRUCTION": "2000-01-01T00:00:00Z"}, headers=other),
              c.delete(url, headers=other), c.get(url)):
        expect_status(r, 403, 404)
    assert job not in c.get("tap/async", headers=other).text
    mine = c.get(url, headers=c.basic(0))
    expect_status(mine, 200)
    expect_text(mine, "<uws:phase>PENDING</uws:phase>", QUERY.split()[0])
    assert job in job_ids(c.get("tap/async", headers=c.basic(0)).text)
    expect_status(c.delete(url, headers=c.basic(0)), 303)


def attack_wrong_basic_password_is_401(c):
    """A wrong password is 401 with WWW-Authenticate challenges (Basic and Bearer), on UWS and on TAP (DALI)."""
    user = c.users[1][0]
    token = base64.b64encode(f"{user}:not-the-password".encode()).decode()
    r = c.get("tap/async", headers={"Authorization": "Basic " + token})
    expect_status(r, 401)
    challenges = r.headers.get("WWW-Authenticate", "")
    assert "Basic realm=" in challenges and "Bearer" in challenges, challenges
    expect_text(r, "wrong user name or password")
    r = c.post("tap/sync", data={"REQUEST": "doQuery", "LANG": "ADQL", "QUERY": QUERY},
               headers={"Authorization": "Basic " + token})
    expect_status(r, 401)
    expect_text(r, 'value="ERROR"', "wrong user name or password")


def attack_jwt_alg_none_is_401(c):
    """An unsigned token (alg none) is refused."""
    r = c.get("tap/async", headers=c.bearer(unique("none"), alg="none"))
    expect_status(r, 401)
    expect_text(r, "alg 'none' is not accepted")
    assert "Bearer" in r.headers.get("WWW-Authenticate", "")


def attack_jwt_wrong_secret_is_401(c):
    """A token signed with another secret is refused."""
    r = c.get("tap/async", headers=c.bearer(unique("forger"), secret="not-the-service-secret-" + "x" * 20))
    expect_status(r, 401)
    expect_text(r, "the signature does not verify")


def attack_jwt_wrong_issuer_is_401(c):
    """A validly signed token from another issuer is refused."""
    r = c.get("tap/async", headers=c.bearer(unique("foreign"), issuer="https://evil.example/issuer"))
    expect_status(r, 401)
    expect_text(r, "issuer (iss)")


def attack_jwt_expired_is_401(c):
    """A token that expired an hour ago is refused."""
    r = c.get("tap/async", headers=c.bearer(unique("late"), lifetime_s=-3600))
    expect_status(r, 401)
    expect_text(r, "expired")


def attack_jwt_cannot_claim_service_owner(c):
    """A correctly signed token naming muwclass-service is refused: the demo owner is never a client."""
    r = c.get("classify", headers=c.bearer(SERVICE_OWNER))
    expect_status(r, 401)
    expect_text(r, "reserved")


def attack_valid_jwt_lists_only_its_own_jobs(c):
    """A valid token works; its list holds its own jobs only; another token's list does not show them."""
    me, other = c.bearer(unique("jwt-a")), c.bearer(unique("jwt-b"))
    url = tap_job(c, headers=me)
    job = url.rsplit("/", 1)[1]
    expect_status(c.get(url, headers=me), 200)
    listed = c.get("tap/async", headers=me)
    expect_status(listed, 200)
    assert job_ids(listed.text) == [job], job_ids(listed.text)
    assert job not in c.get("tap/async", headers=other).text
    expect_status(c.get(url, headers=other), 403, 404)
    expect_status(c.delete(url, headers=me), 303)


def attack_publish_anonymous_is_403(c):
    """PUBLISH=yes from an anonymous client: 403 naming PUBLISH and the role; no job is created (H3)."""
    for value in ("yes", "TRUE", "1"):
        r = c.post("classify", data={"PUBLISH": value}, files=tiny_input())
        expect_status(r, 403)
        expect_text(r, "PUBLISH", "operator")
        assert "Location" not in r.headers


def attack_publish_plain_user_is_403(c):
    """PUBLISH=yes from plain-user (no operator role): 403, on creation and as a later parameter change (H3)."""
    r = c.post("classify", data={"PUBLISH": "yes"}, files=tiny_input(), headers=c.basic(1))
    expect_status(r, 403)
    expect_text(r, "PUBLISH", "operator", c.users[1][0])
    r, url = c.create_job("classify", files=tiny_input(), headers=c.basic(1))
    expect_status(r, 303)
    expect_status(c.post(url, data={"PUBLISH": "yes"}, headers=c.basic(1)), 403)
    expect_status(c.post(url + "/parameters", data={"PUBLISH": "yes"}, headers=c.basic(1)), 403)
    params = c.get(url + "/parameters", headers=c.basic(1))
    assert not re.search(r'id="PUBLISH"[^>]*>\s*yes', params.text, re.I), params.text[:500]
    expect_status(c.delete(url, headers=c.basic(1)), 303)


def attack_operator_may_publish(c):
    """operator-user may create a job with PUBLISH=yes (Basic), and so may a token with the operator group."""
    for headers in (c.basic(0), c.bearer(unique("op"), roles=["operator"])):
        r, url = c.create_job("classify", data={"PUBLISH": "yes"}, files=tiny_input(), headers=headers)
        expect_status(r, 303)
        expect_text(c.get(url + "/parameters", headers=headers), "PUBLISH")
        expect_status(c.delete(url, headers=headers), 303)
