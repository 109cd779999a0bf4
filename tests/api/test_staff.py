"""Cohorts and a cohort's enrolments for staff integrations: fields, filters, sorting."""

import pytest

from courses.models import EnrolmentMode, EnrolmentStatus
from tests.factories import courses as factories

from .conftest import assert_error, bearer

pytestmark = pytest.mark.django_db


def test_the_cohort_list_carries_places_and_queues(client, cohort, trainee, other_trainee, staff_token):
    factories.enrolment(cohort=cohort, status=EnrolmentStatus.WAITLISTED)
    factories.enrolment(cohort=cohort, status=EnrolmentStatus.PENDING)

    (row,) = client.get("/api/v1/cohorts/", **bearer(staff_token)).json()["results"]

    assert row["code"] == "2026-SPRING" and row["title"] == "2026春季班"
    assert row["course"] == {"id": cohort.course_id, "code": "TTA-P-09", "title": "技术评价基础"}
    assert (row["capacity"], row["places_taken"], row["pending"], row["waitlisted"]) == (100, 2, 1, 1)
    assert row["enrolment_mode"] == "open"


def test_cohorts_are_filtered_by_text_and_mode(client, course, cohort, staff_token):
    factories.cohort(course=course, code="2026-AUTUMN", title="秋季班", enrolment_mode=EnrolmentMode.APPROVAL)

    def codes(query):
        return [
            c["code"]
            for c in client.get(f"/api/v1/cohorts/?{query}", **bearer(staff_token)).json()["results"]
        ]

    assert sorted(codes("")) == ["2026-AUTUMN", "2026-SPRING"]
    assert codes("q=autumn") == ["2026-AUTUMN"]
    assert codes("q=春季") == ["2026-SPRING"]
    assert codes("enrolment_mode=approval") == ["2026-AUTUMN"]
    details = assert_error(
        client.get("/api/v1/cohorts/?enrolment_mode=closed", **bearer(staff_token)), 400, "invalid"
    )["details"]
    assert list(details) == ["enrolment_mode"]


def test_a_cohort_s_detail_lists_its_courses(client, cohort, staff_token):
    detail = client.get(f"/api/v1/cohorts/{cohort.pk}/", **bearer(staff_token)).json()

    assert detail["code"] == "2026-SPRING"
    assert [c["code"] for c in detail["courses"]] == ["TTA-P-09"]


def test_an_unknown_cohort_is_a_404(client, cohort, staff_token):
    assert_error(client.get(f"/api/v1/cohorts/{cohort.pk + 1000}/", **bearer(staff_token)), 404, "not_found")
    assert_error(
        client.get(f"/api/v1/cohorts/{cohort.pk + 1000}/enrolments/", **bearer(staff_token)), 404, "not_found"
    )


def test_a_cohort_s_enrolments_with_progress_and_hours(client, cohort, trainee, other_trainee, staff_token):
    rows = client.get(f"/api/v1/cohorts/{cohort.pk}/enrolments/", **bearer(staff_token)).json()["results"]

    by_name = {row["trainee"]["real_name"]: row for row in rows}
    assert set(by_name) == {"张三丰", "李四"}
    row = by_name["张三丰"]
    assert row["trainee"] == {
        "id": trainee.pk,
        "username": "zhangsan",
        "real_name": "张三丰",
        "organisation": "某大学技术转移中心",
    }
    assert (row["status"], row["lessons_done"], row["required_lessons"], row["hours"]) == (
        "enrolled",
        0,
        2,
        "2.000",
    )
    assert "identity" not in str(row)


def test_a_cohort_s_enrolments_are_filtered_and_sorted(client, cohort, trainee, other_trainee, staff_token):
    factories.enrolment(
        cohort=cohort, user=factories.user(username="waiting1"), status=EnrolmentStatus.WAITLISTED
    )
    url = f"/api/v1/cohorts/{cohort.pk}/enrolments/"

    def usernames(query):
        return [
            r["trainee"]["username"]
            for r in client.get(f"{url}?{query}", **bearer(staff_token)).json()["results"]
        ]

    assert usernames("status=waitlisted") == ["waiting1"]
    assert usernames("q=lisi") == ["lisi"]
    assert usernames("status=enrolled&sort=-enrolled") == ["lisi", "zhangsan"]
    details = assert_error(client.get(f"{url}?sort=shoe_size", **bearer(staff_token)), 400, "invalid")[
        "details"
    ]
    assert list(details) == ["sort"]
    assert_error(client.get(f"{url}?status=asleep", **bearer(staff_token)), 400, "invalid")
