"""List endpoints run a fixed number of queries, whatever the number of rows."""

import pytest
from django.contrib.auth import get_user_model

from courses.accounts.models import TraineeProfile
from courses.models import Enrolment, EnrolmentStatus, HoursEntry
from tests.factories import certification as cert_factories
from tests.factories import courses as factories

from .conftest import bearer

pytestmark = pytest.mark.django_db


def _queries(client, url, django_assert_max_num_queries, **headers) -> int:
    with django_assert_max_num_queries(20) as captured:
        response = client.get(url, **headers)
        assert response.status_code == 200, response.content
    return len(captured)


def _trainees(cohort, count, prefix):
    users = get_user_model().objects.bulk_create(
        [
            get_user_model()(username=f"{prefix}{n:03d}", email=f"{prefix}{n}@example.com")
            for n in range(count)
        ]
    )
    TraineeProfile.objects.bulk_create(
        [TraineeProfile(user=u, real_name=f"学员{n}") for n, u in enumerate(users)]
    )
    Enrolment.objects.bulk_create(
        [Enrolment(user=u, cohort=cohort, status=EnrolmentStatus.ENROLLED) for u in users]
    )


def test_staff_lists_cost_the_same_for_2_rows_as_for_60(
    client, course, staff_token, django_assert_max_num_queries
):
    small, large = factories.cohort(course=course), factories.cohort(course=course)
    _trainees(small, 2, "s")
    _trainees(large, 60, "l")
    headers = bearer(staff_token)
    client.get("/api/v1/cohorts/", **headers)  # warm the site and settings caches

    few = _queries(
        client, f"/api/v1/cohorts/{small.pk}/enrolments/", django_assert_max_num_queries, **headers
    )
    many = _queries(
        client, f"/api/v1/cohorts/{large.pk}/enrolments/", django_assert_max_num_queries, **headers
    )
    cohorts_few = _queries(client, "/api/v1/cohorts/?page_size=2", django_assert_max_num_queries, **headers)
    for _ in range(30):
        factories.cohort(course=course)
    cohorts_many = _queries(client, "/api/v1/cohorts/?page_size=32", django_assert_max_num_queries, **headers)

    assert few == many
    assert cohorts_few == cohorts_many


def test_own_lists_cost_the_same_for_2_rows_as_for_60(
    client, course, cohort, trainee, django_assert_max_num_queries
):
    client.force_login(trainee)
    urls = ["/api/v1/me/enrolments/", "/api/v1/me/hours/", "/api/v1/me/exam-results/", "/api/v1/me/progress/"]
    client.get(urls[0])  # warm the caches
    few = [_queries(client, url, django_assert_max_num_queries) for url in urls]

    for _ in range(30):
        factories.enrolment(cohort=factories.cohort(course=course), user=trainee)
        cert_factories.exam_result(user=trainee, course=course, percent=70)
    HoursEntry.objects.bulk_create(
        [HoursEntry(user=trainee, course=course, source="online", hours="0.1") for _ in range(60)]
    )
    many = [
        _queries(client, url + "?page_size=100" if url != urls[-1] else url, django_assert_max_num_queries)
        for url in urls
    ]

    assert few == many
