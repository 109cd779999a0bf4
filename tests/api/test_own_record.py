"""A trainee's own record through the API: profile with the identity number masked, enrolments,
progress, the hours ledger and released exam results."""

import json

import pytest

from tests.factories import certification as cert_factories

from .conftest import IDENTITY_NUMBER

pytestmark = pytest.mark.django_db

OWN = [
    "/api/v1/me/",
    "/api/v1/me/enrolments/",
    "/api/v1/me/progress/",
    "/api/v1/me/hours/",
    "/api/v1/me/exam-results/",
]


def test_the_profile_shows_the_identity_number_masked(client, trainee):
    client.force_login(trainee)

    profile = client.get("/api/v1/me/").json()

    assert profile == {
        "username": "zhangsan",
        "email": trainee.email,
        "real_name": "张三丰",
        "organisation": "某大学技术转移中心",
        "phone": "13800138000",
        "identity_document_type": "resident_id",
        "identity_number_masked": "1101********0011",
        "privacy_consent_current": False,
    }


def test_no_endpoint_ever_shows_the_full_identity_number(client, trainee):
    client.force_login(trainee)

    for url in OWN:
        response = client.get(url)
        assert response.status_code == 200, url
        assert IDENTITY_NUMBER not in response.content.decode(), url
        assert IDENTITY_NUMBER not in json.dumps(response.json()), url


def test_a_user_without_a_profile_gets_empty_fields(client, registrar):
    client.force_login(registrar)

    profile = client.get("/api/v1/me/").json()

    assert profile["real_name"] == "" and profile["identity_number_masked"] == ""


def test_enrolments_list_every_status_with_the_cohort(client, trainee, cohort):
    client.force_login(trainee)

    enrolments = client.get("/api/v1/me/enrolments/").json()

    assert enrolments["count"] == 1
    (row,) = enrolments["results"]
    assert row["status"] == "enrolled"
    assert row["cohort"]["code"] == "2026-SPRING"
    assert row["cohort"]["course"]["code"] == "TTA-P-09"
    assert row["cohort"]["program"] is None


def test_progress_counts_lessons_and_hours_against_the_rule(client, trainee):
    client.force_login(trainee)

    progress = client.get("/api/v1/me/progress/").json()

    assert progress["hours_total"] == "2.000"
    (cohort,) = progress["cohorts"]
    (course,) = cohort["courses"]
    assert course["course"]["code"] == "TTA-P-09"
    assert course["required_lessons"] == 2 and course["completed_required"] == 0
    assert course["hours"] == "2.000" and course["hours_required"] == "8.000"
    assert course["completed"] is False
    assert 0 < course["percent"] < 100


def test_the_ledger_lists_credits_and_corrections_newest_first(client, trainee):
    client.force_login(trainee)

    entries = client.get("/api/v1/me/hours/").json()["results"]

    assert [(e["source"], e["hours"], e["reason"]) for e in entries] == [
        ("manual", "-0.500", "更正"),
        ("online", "2.500", ""),
    ]
    assert entries[1]["cohort_id"] is not None


def test_only_released_exam_results_are_listed(client, trainee, course):
    cert_factories.exam_result(user=trainee, course=course, percent=40, released=False)
    client.force_login(trainee)

    results = client.get("/api/v1/me/exam-results/").json()["results"]

    assert len(results) == 1
    assert results[0]["percent"] == "85.00" and results[0]["passed"] is True
    assert results[0]["paper"]["course"]["code"] == "TTA-P-09"


def test_english_labels_follow_the_request_language(client, trainee):
    client.force_login(trainee)

    chinese = client.get("/api/v1/me/enrolments/").json()["results"][0]["status_label"]
    english = client.get("/api/v1/me/enrolments/", HTTP_ACCEPT_LANGUAGE="en").json()["results"][0][
        "status_label"
    ]

    assert (chinese, english) == ("已报名", "Enrolled")
