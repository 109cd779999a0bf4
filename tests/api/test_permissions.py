"""Who may read what: own records by session, cohorts by staff (tokens or session), verification by anyone."""

import pytest
from django.utils import timezone

from courses.api.models import IntegrationToken
from courses.api.services import integration_token_revoke

from .conftest import assert_error, bearer, make_token

pytestmark = pytest.mark.django_db

OWN = [
    "/api/v1/me/",
    "/api/v1/me/enrolments/",
    "/api/v1/me/progress/",
    "/api/v1/me/hours/",
    "/api/v1/me/exam-results/",
]


@pytest.mark.parametrize("url", [*OWN, "/api/v1/cohorts/"])
def test_anonymous_callers_are_asked_to_authenticate(client, url):
    response = client.get(url)

    assert_error(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_trainee_reads_their_own_record_and_never_another_s(client, trainee, other_trainee):
    client.force_login(trainee)

    bodies = {url: client.get(url).content.decode() for url in OWN}

    assert client.get("/api/v1/me/").json()["username"] == "zhangsan"
    for url, body in bodies.items():
        assert "lisi" not in body and "李四" not in body, url
    own_hours = client.get("/api/v1/me/hours/").json()
    assert own_hours["count"] == 2
    # No endpoint takes a trainee: the staff ones, which list other trainees, are refused.
    assert_error(client.get("/api/v1/cohorts/"), 403, "permission_denied")
    cohort_id = trainee.enrolments.get().cohort_id
    assert_error(client.get(f"/api/v1/cohorts/{cohort_id}/enrolments/"), 403, "permission_denied")


def test_a_token_acts_as_its_owner(client, instructor, registrar):
    secret = make_token(owner=instructor, registrar=registrar)

    response = client.get("/api/v1/me/", **bearer(secret))

    assert response.status_code == 200
    assert response.json()["username"] == instructor.username


def test_a_token_whose_owner_left_the_staff_cannot_list_cohorts(client, instructor, registrar):
    secret = make_token(owner=instructor, registrar=registrar)
    instructor.groups.clear()

    assert_error(client.get("/api/v1/cohorts/", **bearer(secret)), 403, "permission_denied")


def test_staff_tokens_and_staff_sessions_list_cohorts(client, cohort, staff_token, instructor):
    by_token = client.get("/api/v1/cohorts/", **bearer(staff_token))
    client.force_login(instructor)
    by_session = client.get("/api/v1/cohorts/")

    assert by_token.status_code == by_session.status_code == 200
    assert [c["code"] for c in by_token.json()["results"]] == ["2026-SPRING"]


def test_a_revoked_token_is_refused_at_once(client, cohort, staff_token, registrar):
    assert client.get("/api/v1/cohorts/", **bearer(staff_token)).status_code == 200

    integration_token_revoke(token=IntegrationToken.objects.get(), actor=registrar)

    assert_error(client.get("/api/v1/cohorts/", **bearer(staff_token)), 401, "authentication_failed")


def test_a_token_of_a_deactivated_account_is_refused(client, cohort, staff_token, instructor):
    instructor.is_active = False
    instructor.save()

    assert_error(client.get("/api/v1/cohorts/", **bearer(staff_token)), 401, "authentication_failed")


@pytest.mark.parametrize("header", ["Bearer", "Bearer tta_unknown", "Bearer a b", "Bearer wagtail_x"])
def test_malformed_or_unknown_tokens_are_401(client, cohort, header):
    assert_error(client.get("/api/v1/cohorts/", HTTP_AUTHORIZATION=header), 401, "authentication_failed")


def test_a_token_records_when_it_was_last_used(client, cohort, staff_token):
    before = timezone.now()

    client.get("/api/v1/cohorts/", **bearer(staff_token))

    assert IntegrationToken.objects.get().last_used_at >= before


def test_anonymous_callers_may_verify_certificates(client, db):
    single = client.get("/api/v1/verify/TTA-1999-P-000001/", {"name": "张三丰"})
    batch = client.post(
        "/api/v1/verify/",
        {"certificates": [{"serial": "TTA-1999-P-000001", "name": "张三丰"}]},
        content_type="application/json",
    )

    assert_error(single, 404, "not_found")
    assert batch.status_code == 200
    assert batch.json() == {"results": [{"serial": "TTA-1999-P-000001", "found": False}]}


def test_verification_ignores_the_session_so_a_signed_in_browser_needs_no_csrf_token(client, trainee):
    client = client.__class__(enforce_csrf_checks=True)
    client.force_login(trainee)

    response = client.post(
        "/api/v1/verify/", {"certificates": [{"serial": "X", "name": "Y"}]}, content_type="application/json"
    )

    assert response.status_code == 200
