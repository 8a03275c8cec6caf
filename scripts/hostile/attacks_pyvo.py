"""The issue's client check with the real client: an authenticated pyvo session (HTTP Basic, then a bearer token)
runs an async TAP job and its job list shows only its own jobs, never another user's or an anonymous client's."""
import pyvo
import requests

from attacks_identity import job_ids, tap_job, unique

QUERY = "SELECT TOP 3 name FROM muwclass.training_set"


def session(headers=None, auth=None):
    s = requests.Session()
    if auth:
        s.auth = auth
    s.headers.update(headers or {})
    return s


def own_async_job_and_private_list(c, s, others_job):
    tap = pyvo.dal.TAPService(c.url("tap"), session=s)
    job = tap.submit_job(QUERY, runid=unique("pyvo"))
    try:
        job.run()
        job.wait(phases=["COMPLETED", "ERROR", "ABORTED"], timeout=60)
        assert job.phase == "COMPLETED", f"pyvo job ended {job.phase}"
        assert len(job.fetch_result().to_table()) == 3
        listed = job_ids(s.get(c.url("tap/async"), timeout=30).text)
        assert job.job_id in listed, f"own job {job.job_id} not listed: {listed}"
        assert others_job.rsplit("/", 1)[1] not in listed, "another client's job is listed"
    finally:
        job.delete()


def attack_pyvo_basic_session_lists_only_its_own_jobs(c):
    user, password = c.users[1]
    anonymous = tap_job(c)
    operator = tap_job(c, headers=c.basic(0))
    try:
        own_async_job_and_private_list(c, session(auth=(user, password)), anonymous)
        own_async_job_and_private_list(c, session(auth=(user, password)), operator)
    finally:
        c.delete(anonymous)
        c.delete(operator, headers=c.basic(0))


def attack_pyvo_bearer_session_lists_only_its_own_jobs(c):
    token = c.bearer(unique("pyvo-token-user"))
    other = tap_job(c, headers=c.basic(1))
    try:
        own_async_job_and_private_list(c, session(headers=token), other)
    finally:
        c.delete(other, headers=c.basic(1))
