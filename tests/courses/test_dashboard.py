"""The trainee dashboard: what it shows, whose data it shows, and how many queries it costs."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cms.choices import Level
from courses.models import Attendance, HoursEntry, HoursSource, LessonCompletion, OfflineSession
from tests.factories import cms as cms_factories
from tests.factories import courses as factories


@pytest.fixture
def catalogue(db):
    return cms_factories.catalogue_page(cms_factories.home_page())


def credit(user, course, hours, reason=""):
    source = HoursSource.MANUAL if reason else HoursSource.OFFLINE
    return HoursEntry.objects.create(user=user, course=course, source=source, hours=hours, reason=reason)


def test_dashboard_shows_cohorts_progress_next_lesson_and_sessions(client, catalogue):
    course = cms_factories.course_page(catalogue, title="专利检索与分析", learning_hours=Decimal("2"))
    first = cms_factories.lesson_page(course, title="检索式构建")
    second = cms_factories.lesson_page(course, title="专利地图")
    enrolment = factories.enrolment(cohort=factories.cohort(course=course, title="2026 春季班"))
    trainee = enrolment.user
    LessonCompletion.objects.create(user=trainee, lesson=first)
    credit(trainee, course, Decimal("1"))
    now = timezone.now()
    OfflineSession.objects.create(
        cohort=enrolment.cohort,
        course=course,
        title="线下研讨：检索实操",
        starts_at=now + timedelta(days=2),
        ends_at=now + timedelta(days=2, hours=3),
        hours=Decimal("3"),
    )
    client.force_login(trainee)

    response = client.get(reverse("courses:dashboard"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "2026 春季班" in html
    assert "专利地图" in html  # the next lesson to continue
    assert second.url in html
    assert 'aria-valuenow="50"' in html  # 1 of 2 lessons, 1 of 2 hours
    assert "线下研讨：检索实操" in html


def test_dashboard_empty_states(client, catalogue):
    client.force_login(factories.user())
    html = client.get(reverse("courses:dashboard")).content.decode()
    assert "empty-state" in html
    assert html.count("empty-state") >= 4  # cohorts, sessions, exams, certificates


def test_dashboard_needs_login(client, db):
    response = client.get(reverse("courses:dashboard"))
    assert response.status_code == 302


def test_dashboard_in_english(client, catalogue):
    client.force_login(factories.user())
    response = client.get("/en/dashboard/")
    assert response.status_code == 200
    assert "My learning" in response.content.decode()


def _trainee_with(catalogue, count: int):
    """A trainee with ``count`` enrolments: course cohorts over shared courses, and one program cohort."""
    trainee = factories.user()
    courses = []
    for _ in range(max(1, count // 2)):
        course = cms_factories.course_page(catalogue, level=Level.INTERMEDIATE)
        lesson = cms_factories.lesson_page(course)
        LessonCompletion.objects.create(user=trainee, lesson=lesson)
        credit(trainee, course, Decimal("1"))
        courses.append(course)
    program = cms_factories.program_page(
        catalogue.get_parent().specific, level=Level.INTERMEDIATE, slug=f"p{count}"
    )
    factories.enrolment(cohort=factories.cohort(program=program), user=trainee)
    now = timezone.now()
    for number in range(count - 1):
        cohort = factories.cohort(course=courses[number % len(courses)])
        factories.enrolment(cohort=cohort, user=trainee)
        session = OfflineSession.objects.create(
            cohort=cohort,
            course=cohort.course,
            title=f"研讨 {number}",
            starts_at=now + timedelta(days=1),
            ends_at=now + timedelta(days=1, hours=2),
            hours=Decimal("2"),
        )
        if number % 3 == 0:
            Attendance.objects.create(session=session, user=trainee)
    return trainee


def test_dashboard_query_count_does_not_grow_with_enrolments(
    client, catalogue, django_assert_max_num_queries, figure
):
    small, large = _trainee_with(catalogue, 5), _trainee_with(catalogue, 50)
    counts = []
    for trainee in (small, large):
        client.force_login(trainee)
        client.get(reverse("courses:dashboard"))  # warm per-process caches (site root paths)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("courses:dashboard"))
        assert response.status_code == 200
        counts.append(len(queries))
    figure(f"dashboard queries: 5 enrolments {counts[0]}, 50 enrolments {counts[1]}")
    assert counts[0] == counts[1], counts
    # Cohorts, progress and sessions, the header's notifications, and the exam and certificate panels;
    # 26 since the courses' own hours (their source pages') are read, once.
    with django_assert_max_num_queries(26):
        client.get(reverse("courses:dashboard"))
    assert response.content.decode().count('class="cohort-card"') == 50


# --- Nobody reaches another trainee's progress ---------------------------------------------


def test_a_trainee_never_sees_anothers_progress(client, catalogue):
    course = cms_factories.course_page(catalogue)
    lesson = cms_factories.lesson_page(course)
    cohort = factories.cohort(course=course)
    alice = factories.enrolment(cohort=cohort).user
    bob = factories.enrolment(cohort=cohort).user
    credit(alice, course, Decimal("2.5"), reason="爱丽丝的补录原因")
    session = OfflineSession.objects.create(
        cohort=cohort,
        course=course,
        title="研讨",
        starts_at=timezone.now(),
        ends_at=timezone.now() + timedelta(hours=1),
        hours=1,
    )
    Attendance.objects.create(session=session, user=alice)
    client.force_login(bob)

    pages = [
        reverse("courses:dashboard"),
        reverse("courses:course_progress", args=[course.pk]),
        reverse("courses:checkin_done", args=[session.pk]),
        lesson.url,
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert "爱丽丝的补录原因" not in html
        assert "2.5" not in html, url
        assert alice.username not in html
    # Bob's own page says he has not checked in, although Alice has.
    assert "未签到" in client.get(reverse("courses:checkin_done", args=[session.pk])).content.decode() or (
        "not checked in"
        in client.get("/en" + reverse("courses:checkin_done", args=[session.pk])).content.decode()
    )
    # The progress page of a course one is not enrolled in does not exist for them.
    other = cms_factories.course_page(catalogue)
    assert client.get(reverse("courses:course_progress", args=[other.pk])).status_code == 404
    # The heartbeat and "mark complete" endpoints take no user: they only ever act for the caller.
    client.post(reverse("courses:lesson_complete", args=[lesson.pk]))
    assert not LessonCompletion.objects.filter(user=alice).exists()
