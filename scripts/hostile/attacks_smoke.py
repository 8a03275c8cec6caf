"""Smoke attacks: the wiring of the hostile suite itself (runner, service start, identities). They pass on any
version of the service that answers at all, so a failure here means the harness is broken, not a hole."""
import base64
import os

from hostile import expect_status, expect_text


def attack_bad_adql_is_dali_400(c):
    """Garbage ADQL is a DALI error VOTable (400), never a 500 or an HTML page."""
    r = c.sync("SELEC * FRM nowhere")
    expect_status(r, 400)
    expect_text(r, 'name="QUERY_STATUS"', 'value="ERROR"')


def attack_unknown_job_is_404(c):
    """A well-formed but never issued job id is a plain 404 on both job lists; nothing about other jobs leaks."""
    unknown = base64.urlsafe_b64encode(os.urandom(16)).rstrip(b"=").decode()
    for service in ("classify", "tap/async"):
        r = c.get(f"{service}/{unknown}")
        expect_status(r, 404)
        expect_text(r, "No job " + unknown)


def attack_availability_answers(c):
    """VOSI availability answers quickly and says available (the baseline every load attack compares against)."""
    r = c.get("availability", timeout=10)
    expect_status(r, 200)
    expect_text(r, "available>true")


def attack_trivial_query_answers(c):
    """A plain query still works for an anonymous client (the read-only query login can read the published tables):
    the baseline that every refusal above is measured against."""
    r = c.sync("SELECT TOP 1 name FROM muwclass.training_set", method="GET")
    expect_status(r, 200)
    expect_text(r, "<TABLE", 'name="name"')
