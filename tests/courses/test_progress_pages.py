"""The progress box on lesson pages and the "mark complete" button."""

from decimal import Decimal

import pytest
from django.urls import reverse

from courses.models import LessonCompletion, LessonStudy
from tests.factories import cms as cms_factories
from tests.factories import courses as factories


@pytest.fixture
def course(db):
    catalogue = cms_factories.catalogue_page(cms_factories.home_page())
    return cms_factories.course_page(catalogue, learning_hours=Decimal("1"))


@pytest.fixture
def lesson(course):
    return cms_factories.lesson_page(course, title="技术合同的认定登记", estimated_minutes=20)


@pytest.fixture
def trainee(course):
    return factories.enrolment(cohort=factories.cohort(course=course)).user


def test_enrolled_trainee_sees_the_progress_box_with_heartbeats(client, trainee, lesson):
    client.force_login(trainee)
    html = client.get(lesson.url).content.decode()
    assert 'id="tta-progress"' in html
    assert "courses/heartbeat.js" in html
    assert reverse("courses:heartbeat") in html
    assert reverse("courses:lesson_complete", args=[lesson.pk]) in html


def test_staff_read_lessons_without_a_progress_box(client, lesson):
    client.force_login(factories.instructor())
    response = client.get(lesson.url)
    assert response.status_code == 200
    assert 'id="tta-progress"' not in response.content.decode()


def test_mark_complete_too_early_explains_and_changes_nothing(client, trainee, lesson):
    client.force_login(trainee)
    response = client.post(reverse("courses:lesson_complete", args=[lesson.pk]), follow=True)
    assert response.status_code == 200
    assert not LessonCompletion.objects.exists()
    messages = [str(m) for m in response.context["messages"]]
    assert messages and "10" in messages[0]


def test_mark_complete_after_enough_study(client, trainee, lesson):
    LessonStudy.objects.create(user=trainee, lesson=lesson, active_seconds=10 * 60)
    client.force_login(trainee)
    response = client.post(reverse("courses:lesson_complete", args=[lesson.pk]))
    assert response.status_code == 302 and response["Location"] == lesson.url
    assert LessonCompletion.objects.filter(user=trainee, lesson=lesson).exists()
    html = client.get(lesson.url).content.decode()
    assert "✓" in html


def test_mark_complete_never_redirects_off_site(client, trainee, lesson):
    LessonStudy.objects.create(user=trainee, lesson=lesson, active_seconds=10 * 60)
    client.force_login(trainee)
    response = client.post(
        reverse("courses:lesson_complete", args=[lesson.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == lesson.url


def test_mark_complete_needs_login_and_post(client, lesson):
    url = reverse("courses:lesson_complete", args=[lesson.pk])
    assert client.post(url).status_code == 302
    client.force_login(factories.user())
    assert client.get(url).status_code == 405
