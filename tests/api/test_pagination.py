"""Lists are paginated: a default page size, a page_size parameter with a maximum, 404 past the end."""

import pytest
from django.contrib.auth import get_user_model

from courses.models import Enrolment, EnrolmentStatus

from .conftest import assert_error, bearer

pytestmark = pytest.mark.django_db


@pytest.fixture
def big_cohort(cohort):
    users = get_user_model().objects.bulk_create(
        [get_user_model()(username=f"t{n:03d}", email=f"t{n}@example.com") for n in range(7)]
    )
    Enrolment.objects.bulk_create(
        [Enrolment(user=u, cohort=cohort, status=EnrolmentStatus.ENROLLED) for u in users]
    )
    return cohort


def test_pages_follow_the_page_size_and_link_to_each_other(client, big_cohort, staff_token, settings):
    settings.TTA_API_PAGE_SIZE = 3
    url = f"/api/v1/cohorts/{big_cohort.pk}/enrolments/"

    first = client.get(url, **bearer(staff_token)).json()
    last = client.get(f"{url}?page=3", **bearer(staff_token)).json()

    assert first["count"] == 7 and len(first["results"]) == 3
    assert first["previous"] is None and first["next"].endswith(f"{url}?page=2")
    assert len(last["results"]) == 1 and last["next"] is None
    usernames = [r["trainee"]["username"] for r in first["results"] + last["results"]]
    assert usernames == ["t000", "t001", "t002", "t006"]


def test_the_page_size_may_be_chosen_up_to_the_maximum(client, big_cohort, staff_token, settings):
    settings.TTA_API_MAX_PAGE_SIZE = 5
    url = f"/api/v1/cohorts/{big_cohort.pk}/enrolments/"

    assert len(client.get(f"{url}?page_size=2", **bearer(staff_token)).json()["results"]) == 2
    assert len(client.get(f"{url}?page_size=5", **bearer(staff_token)).json()["results"]) == 5
    for bad in ("6", "0", "-1", "two", "2.5"):
        error = assert_error(client.get(f"{url}?page_size={bad}", **bearer(staff_token)), 400, "invalid")
        assert list(error["details"]) == ["page_size"], bad


@pytest.mark.parametrize("page", ["99", "0", "last-but-one", ""])
def test_a_page_past_the_end_or_not_a_number_is_a_404(client, big_cohort, staff_token, page):
    response = client.get(f"/api/v1/cohorts/{big_cohort.pk}/enrolments/?page={page}", **bearer(staff_token))

    assert_error(response, 404, "not_found")
