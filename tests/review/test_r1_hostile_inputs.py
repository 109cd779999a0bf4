"""Review r1: hostile inputs to the heartbeat and check-in endpoints answer 4xx, never a 500."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import page_views, services
from tests.factories import cms as cms_factories
from tests.factories import courses as factories


@pytest.fixture
def course(db):
    return cms_factories.course_page(cms_factories.catalogue_page(cms_factories.home_page()))


@pytest.fixture
def lesson(course):
    return cms_factories.lesson_page(course)


@pytest.fixture
def cohort(course):
    return factories.cohort(course=course)


@pytest.fixture
def trainee(cohort):
    return factories.enrolment(cohort=cohort).user


@pytest.fixture
def session(cohort, course):
    now = timezone.now()
    return services.offline_session_create(
        cohort=cohort,
        course=course,
        title="研讨",
        starts_at=now - timedelta(minutes=10),
        ends_at=now + timedelta(hours=3),
        hours=Decimal("3"),
        actor=factories.registrar(),
    )


def test_heartbeat_with_an_infinite_seq_is_a_400(client, trainee, lesson):
    client.force_login(trainee)
    view = page_views.page_view_issue(user_id=trainee.pk, lesson_id=lesson.pk)
    body = (
        f'{{"lesson": {lesson.pk}, "view": "{view}", "seq": Infinity, "visible": true, "interacted": true}}'
    )
    client.raise_request_exception = False
    response = client.post(reverse("courses:heartbeat"), body, content_type="application/json")
    assert response.status_code == 400


def test_heartbeat_with_an_infinite_lesson_is_a_400(client, trainee, lesson):
    client.force_login(trainee)
    body = '{"lesson": 1e999, "view": "x", "seq": 1, "visible": true, "interacted": true}'
    client.raise_request_exception = False
    response = client.post(reverse("courses:heartbeat"), body, content_type="application/json")
    assert response.status_code == 400


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_non_ascii_check_in_code_is_refused_not_a_500(client, session, trainee, method):
    client.force_login(trainee)
    client.raise_request_exception = False
    response = getattr(client, method)(reverse("courses:checkin", args=[session.pk, "码码码"]))
    assert response.status_code in (200, 400)
