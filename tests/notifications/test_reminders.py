"""The daily beat task: tomorrow's offline sessions, each trainee told once."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from config.celery_app import app
from core.guards import SYSTEM
from courses.models import EnrolmentStatus, OfflineSession
from courses.notifications.kinds import NotificationKind
from courses.notifications.models import Notification
from courses.notifications.services import offline_session_reminders_send
from tests.factories import courses as course_factories

pytestmark = pytest.mark.django_db


def _session(cohort, *, days_ahead: int, hour: int = 9, **fields):
    day = timezone.localdate() + datetime.timedelta(days=days_ahead)
    starts_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    return OfflineSession.objects.create(
        cohort=cohort,
        course=cohort.course,
        title=fields.pop("title", f"线下课 {days_ahead}"),
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        hours=2,
        **fields,
    )


@pytest.fixture
def cohort(db):
    return course_factories.cohort(course=course_factories.published_course())


def test_only_trainees_with_a_place_hear_of_tomorrows_sessions(cohort):
    enrolled = course_factories.enrolment(cohort=cohort).user
    completed = course_factories.enrolment(cohort=cohort, status=EnrolmentStatus.COMPLETED).user
    course_factories.enrolment(cohort=cohort, status=EnrolmentStatus.WAITLISTED)
    course_factories.enrolment(cohort=cohort, status=EnrolmentStatus.PENDING)
    tomorrow = _session(cohort, days_ahead=1, hour=0)
    _session(cohort, days_ahead=0, hour=23)
    _session(cohort, days_ahead=2, hour=0)

    assert offline_session_reminders_send(actor=SYSTEM) == 2

    told = Notification.objects.filter(kind=NotificationKind.SESSION_TOMORROW)
    assert set(told.values_list("recipient", flat=True)) == {enrolled.pk, completed.pk}
    assert set(told.values_list("once_key", flat=True)) == {f"session:{tomorrow.pk}"}


def test_running_again_tells_nobody_twice(cohort):
    course_factories.enrolment(cohort=cohort)
    _session(cohort, days_ahead=1)

    assert offline_session_reminders_send(actor=SYSTEM) == 1
    assert offline_session_reminders_send(actor=SYSTEM) == 0
    # A trainee enrolled since then still hears of it, once.
    course_factories.enrolment(cohort=cohort)
    assert offline_session_reminders_send(actor=SYSTEM) == 1
    assert Notification.objects.count() == 2


def test_a_session_without_a_location_says_none(cohort):
    user = course_factories.enrolment(cohort=cohort).user
    _session(cohort, days_ahead=1, title="政策解读")

    offline_session_reminders_send(actor=SYSTEM)

    text = Notification.objects.get(recipient=user).render("en")
    assert text.title == "Offline session tomorrow: 政策解读"
    assert " at ," not in text.body and "starts at" in text.body


def test_the_task_runs_daily_from_celery_beat():
    (entry,) = [
        e
        for e in settings.CELERY_BEAT_SCHEDULE.values()
        if e["task"] == "courses.notifications.tasks.offline_session_reminders_task"
    ]
    assert entry["schedule"].hour == {10} and entry["schedule"].minute == {0}
    app.loader.import_default_modules()
    assert "courses.notifications.tasks.offline_session_reminders_task" in app.tasks


def test_one_trainee_who_cannot_be_told_stops_no_other(cohort, monkeypatch, caplog):
    from courses.notifications import services

    broken = course_factories.enrolment(cohort=cohort).user
    other = course_factories.enrolment(cohort=cohort).user
    _session(cohort, days_ahead=1)
    real_notify = services.notify

    def notify(*, recipient, **kwargs):
        if recipient.pk == broken.pk:
            raise RuntimeError("template error")
        return real_notify(recipient=recipient, **kwargs)

    monkeypatch.setattr(services, "notify", notify)
    assert offline_session_reminders_send(actor=SYSTEM) == 1
    assert list(Notification.objects.values_list("recipient", flat=True)) == [other.pk]
    assert f"could not remind user {broken.pk}" in caplog.text
