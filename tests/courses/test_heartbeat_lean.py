"""The heartbeat's lean path (issue 12): two statements of its own, no user or page query, and the
same guards as before: CSRF, a session that still signs the trainee in, a lesson that is live."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses import page_views
from courses.models import CourseRule, CourseStudy, HoursEntry, LessonStudy, StudyClock
from courses.selectors.lesson_facts import lesson_facts
from tests.factories import cms as cms_factories
from tests.factories import courses as factories

INTERVAL = 30


@pytest.fixture(autouse=True)
def _heartbeat_settings(settings):
    settings.HEARTBEAT_INTERVAL_SECONDS = INTERVAL


@pytest.fixture
def course(db):
    catalogue = cms_factories.catalogue_page(cms_factories.home_page())
    return cms_factories.course_page(catalogue, learning_hours=Decimal("2"))


@pytest.fixture
def lesson(course):
    return cms_factories.lesson_page(course)


@pytest.fixture
def trainee(course):
    return factories.enrolment(cohort=factories.cohort(course=course)).user


def send(client, lesson, *, seq, view=None, user=None, **headers):
    """A heartbeat of a visible page in use; the page view is issued one interval ago."""
    if view is None:
        issued = timezone.now() - timedelta(seconds=INTERVAL)
        view = page_views.page_view_issue(user_id=user.pk, lesson_id=lesson.pk, now=issued)
    body = {"lesson": lesson.pk, "view": view, "seq": seq, "visible": True, "interacted": True}
    return client.post(
        reverse("courses:heartbeat"), json.dumps(body), content_type="application/json", **headers
    )


def test_a_credited_heartbeat_costs_three_statements_on_postgresql(client, trainee, lesson, course):
    """The session, one read and one write; on SQLite the write is several statements in a transaction.
    Before issue 12 it was 13 (26 when a tenth of an hour was entered in the ledger)."""
    client.force_login(trainee)
    CourseStudy.objects.create(user=trainee, course=course, active_seconds=359)  # the next beat crosses 0.1 h
    lesson_facts(lesson_id=lesson.pk)  # the lesson's facts are cached from the page's first heartbeat on
    limit = 3 if connection.vendor == "postgresql" else 8
    view = page_views.page_view_issue(
        user_id=trainee.pk, lesson_id=lesson.pk, now=timezone.now() - timedelta(seconds=INTERVAL)
    )
    for seq in (1, 2):  # the trainee's first heartbeat (a new clock, a ledger entry), then a steady one
        with CaptureQueriesContext(connection) as queries:
            response = send(client, lesson, seq=seq, view=view)
        assert response.json()["status"] == "credited"
        assert len(queries) <= limit, [q["sql"][:90] for q in queries]
        assert not any('"auth_user"."id"' in q["sql"] for q in queries)  # no user row load
        assert not any('"wagtailcore_page"."id"' in q["sql"] for q in queries)  # no page query
    assert HoursEntry.objects.get(user=trainee).hours == Decimal("0.1")


def test_a_cross_site_post_without_the_csrf_token_credits_nothing(trainee, lesson):
    client = Client(enforce_csrf_checks=True)
    client.force_login(trainee)
    response = send(client, lesson, seq=1, user=trainee, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert not LessonStudy.objects.exists() and not StudyClock.objects.exists()
    # The page itself sends the token from its cookie, and that heartbeat is credited.
    client.get(lesson.url)
    token = client.cookies["csrftoken"].value
    response = send(client, lesson, seq=1, user=trainee, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200 and response.json()["status"] == "credited"


def test_a_session_signed_out_by_a_password_change_credits_nothing(client, trainee, lesson):
    client.force_login(trainee)
    assert send(client, lesson, seq=1, user=trainee).status_code == 200
    trainee.set_password("a-new-password-2026")  # changed on another device: other sessions end
    trainee.save()
    response = send(client, lesson, seq=2, user=trainee)
    assert response.status_code == 401
    assert "_auth_user_id" not in client.session  # flushed, as Django does
    assert LessonStudy.objects.get(user=trainee).active_seconds == INTERVAL
    assert StudyClock.objects.get(user=trainee).views  # the first beat only
    assert len(StudyClock.objects.get(user=trainee).views) == 1


def test_a_deactivated_trainee_or_an_unknown_backend_credits_nothing(client, trainee, lesson, settings):
    client.force_login(trainee)
    trainee.is_active = False
    trainee.save()
    assert send(client, lesson, seq=1, user=trainee).status_code == 401
    trainee.is_active = True
    trainee.save()
    client.force_login(trainee)
    settings.AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
    assert send(client, lesson, seq=1, user=trainee).status_code == 401
    assert not LessonStudy.objects.exists()


def test_a_refused_page_view_of_a_signed_out_session_flags_nobody(client, trainee, lesson):
    from courses.models import ProgressAnomaly

    client.force_login(trainee)
    trainee.set_password("a-new-password-2026")
    trainee.save()
    assert send(client, lesson, seq=1, view="forged").status_code == 401
    assert not ProgressAnomaly.objects.exists()


def test_an_unpublished_lesson_stops_earning_at_once(client, trainee, lesson):
    client.force_login(trainee)
    assert send(client, lesson, seq=1, user=trainee).status_code == 200  # its facts are cached now
    lesson.unpublish()
    assert send(client, lesson, seq=2, user=trainee).status_code == 404
    lesson.save_revision().publish()
    assert send(client, lesson, seq=3, user=trainee).status_code == 200


def test_a_changed_course_rule_applies_to_the_next_heartbeat(client, trainee, course):
    from tests.courses.test_heartbeat import video_lesson

    lesson = video_lesson(course)
    client.force_login(trainee)
    issued = timezone.now() - timedelta(seconds=INTERVAL)
    view = page_views.page_view_issue(user_id=trainee.pk, lesson_id=lesson.pk, now=issued)
    body = {"lesson": lesson.pk, "view": view, "seq": 1, "visible": True, "interacted": True, "video": 0.05}
    url = reverse("courses:heartbeat")
    data = client.post(url, json.dumps(body), content_type="application/json").json()
    assert data["video_fraction"] == 0.05 and not data["lesson_completed"]
    CourseRule.objects.create(course=course, min_video_fraction=Decimal("0.05"))
    data = client.post(url, json.dumps(body | {"seq": 2}), content_type="application/json").json()
    assert data["lesson_completed"]


def test_heartbeats_of_one_trainee_in_two_sessions_share_one_clock(trainee, lesson, course):
    """Two devices, one real minute: credited once, and one ledger entry per tenth."""
    phone, laptop = Client(), Client()
    phone.force_login(trainee)
    laptop.force_login(trainee)
    CourseStudy.objects.create(user=trainee, course=course, active_seconds=350)
    assert send(phone, lesson, seq=1, user=trainee).json()["credited_seconds"] == INTERVAL
    assert send(laptop, lesson, seq=1, user=trainee).json()["credited_seconds"] == 0
    assert CourseStudy.objects.get(user=trainee).active_seconds == 350 + INTERVAL
    assert HoursEntry.objects.filter(user=trainee).count() == 1


def test_the_heartbeats_read_is_prepared_once_per_connection_on_postgresql(client, trainee, lesson, course):
    """On PostgreSQL the read is planned once per connection, not once per heartbeat (config/sql.py):
    after a few heartbeats it is a prepared statement of this connection, run from its cached plan.
    Django's own queries stay unprepared. On SQLite the hot cursor is Django's ordinary cursor."""
    from config.sql import PREPARE_AFTER, hot_cursor

    client.force_login(trainee)
    view = page_views.page_view_issue(
        user_id=trainee.pk, lesson_id=lesson.pk, now=timezone.now() - timedelta(seconds=INTERVAL)
    )
    for seq in range(1, PREPARE_AFTER + 3):
        assert send(client, lesson, seq=seq, view=view).json()["status"] in ("credited", "idle")
    if connection.vendor != "postgresql":
        with hot_cursor() as cursor:
            assert type(cursor.cursor) is type(connection.cursor().cursor)
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement, generic_plans + custom_plans FROM pg_prepared_statements")
        prepared = cursor.fetchall()
    reads = [runs for statement, runs in prepared if "FROM auth_user u" in statement]
    assert reads and reads[0] >= 2, prepared
    assert not any('"auth_user"' in statement for statement, _runs in prepared)  # Django's: never prepared
