"""Downloads that write the personal-data audit log answer same-site requests only, so another site
cannot make a signed-in browser fetch them and fill the log (courses/accounts/downloads.py)."""

import pytest

from core.guards import SYSTEM
from courses.accounts.models import AuditLog
from courses.accounts.services import records_export_build, records_export_request
from tests.accounts.conftest import trainee_with_profile
from tests.factories import courses as factories

pytestmark = pytest.mark.django_db

CROSS_SITE = [
    {"HTTP_SEC_FETCH_SITE": "cross-site"},
    {"HTTP_SEC_FETCH_SITE": "same-site"},  # a sibling subdomain is another site's page, too
    # Browsers without Sec-Fetch-Site: the Origin, else the Referer, names another host.
    {"HTTP_ORIGIN": "https://evil.example"},
    {"HTTP_ORIGIN": "null"},
    {"HTTP_REFERER": "https://evil.example/page.html"},
    {"HTTP_REFERER": "http://testserver.evil.example/"},
]
SAME_SITE = [
    {"HTTP_SEC_FETCH_SITE": "same-origin"},
    {"HTTP_SEC_FETCH_SITE": "none"},  # typed or bookmarked
    {"HTTP_REFERER": "http://testserver/accounts/profile/"},
    {"HTTP_ORIGIN": "http://testserver"},
    {},  # no browser page at all: a script
]


@pytest.fixture
def downloads(client):
    """Each audited download, as (who signs in, its address)."""
    registrar = factories.registrar()
    trainee, _number = trainee_with_profile()
    cohort = factories.cohort(course=factories.published_course())
    factories.enrolment(cohort=cohort, user=trainee)
    export = records_export_request(cohort=cohort, actor=registrar)
    records_export_build(actor=SYSTEM, export_id=export.pk)
    return [
        (trainee, "/accounts/record.json"),
        (trainee, "/accounts/record.xlsx"),
        (registrar, f"/accounts/records/trainees/{trainee.pk}/record.xlsx"),
        (registrar, f"/accounts/records/exports/{export.pk}/records.xlsx"),
        (registrar, f"/en/accounts/records/exports/{export.pk}/records.xlsx"),
    ]


@pytest.mark.parametrize("headers", CROSS_SITE)
def test_a_cross_site_request_is_refused_and_writes_no_audit_row(client, downloads, headers):
    for user, path in downloads:
        client.force_login(user)
        response = client.get(path, **headers)
        assert response.status_code == 403, path
    assert not AuditLog.objects.exists()


def test_the_refusal_is_explained_in_the_readers_language(client, downloads):
    user, path = downloads[0]
    client.force_login(user)
    assert "此文件只能从本站页面下载" in client.get(path, HTTP_SEC_FETCH_SITE="cross-site").content.decode()
    english = client.get("/en" + path, HTTP_SEC_FETCH_SITE="cross-site").content.decode()
    assert "This download opens only from this site" in english


@pytest.mark.parametrize("headers", SAME_SITE)
def test_a_same_site_request_downloads_and_is_audited(client, downloads, headers):
    for user, path in downloads:
        client.force_login(user)
        before = AuditLog.objects.count()
        response = client.get(path, **headers)
        assert response.status_code == 200, path
        assert AuditLog.objects.count() == before + 1, path
