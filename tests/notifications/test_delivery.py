"""How a notification reaches its recipient: preferences, and a mail server that fails."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from core import dispatch
from core.guards import SYSTEM
from courses import services as learning
from courses.models import EnrolmentMode, EnrolmentStatus
from courses.notifications import services, tasks
from courses.notifications.kinds import NotificationKind
from courses.notifications.models import EmailStatus, Notification, NotificationPreference
from tests.factories import courses as course_factories

pytestmark = pytest.mark.django_db


def _reject(application):
    return learning.enrolment_reject(
        enrolment=application, actor=course_factories.registrar(), reason="名额已满"
    )


def test_a_kind_turned_off_for_email_is_only_in_the_site_list(application, delivered):
    NotificationPreference.objects.filter(user=application.user).update(
        email_muted=[NotificationKind.ENROLMENT_REJECTED]
    )

    with delivered():
        _reject(application)

    notification = Notification.objects.get(recipient=application.user)
    assert notification.kind == NotificationKind.ENROLMENT_REJECTED
    assert notification.email_status == EmailStatus.NOT_WANTED
    assert mail.outbox == []


def test_other_kinds_stay_emailed(application, delivered):
    NotificationPreference.objects.filter(user=application.user).update(
        email_muted=[NotificationKind.CERTIFICATE_ISSUED]
    )

    with delivered():
        _reject(application)

    assert len(mail.outbox) == 1


def test_without_preferences_emails_are_in_chinese(delivered):
    cohort = course_factories.cohort(
        course=course_factories.published_course(), enrolment_mode=EnrolmentMode.APPROVAL
    )
    pending = course_factories.enrolment(cohort=cohort, status=EnrolmentStatus.PENDING)

    with delivered():
        _reject(pending)

    (message,) = mail.outbox
    assert "报名未获通过" in message.subject


def test_a_user_without_an_email_address_gets_the_site_notification_only(application, delivered):
    application.user.email = ""
    application.user.save(update_fields=["email"])

    with delivered():
        _reject(application)

    assert Notification.objects.get(recipient=application.user).email_status == EmailStatus.NOT_WANTED
    assert mail.outbox == []


def test_a_failing_mail_server_never_fails_the_action(
    application, send_now, flaky_mail, django_capture_on_commit_callbacks
):
    flaky_mail.failures = 1

    with django_capture_on_commit_callbacks(execute=True):
        _reject(application)  # the first send fails inside the on-commit hook: logged, not raised

    application.refresh_from_db()
    assert application.status == EnrolmentStatus.REJECTED
    notification = Notification.objects.get(recipient=application.user)
    assert notification.email_status == EmailStatus.QUEUED
    assert notification.email_attempts == 1
    assert "SMTPServerDisconnected" in notification.email_error
    assert mail.outbox == []

    # The task's retry: the server is back.
    assert services.notification_email_send(actor=SYSTEM, notification_id=notification.pk) is True
    notification.refresh_from_db()
    assert (notification.email_status, notification.email_attempts, notification.email_error) == (
        EmailStatus.SENT,
        2,
        "",
    )
    assert len(mail.outbox) == 1


def test_a_retry_after_a_successful_send_sends_nothing(application, delivered):
    with delivered():
        _reject(application)
    notification = Notification.objects.get(recipient=application.user)

    assert services.notification_email_send(actor=SYSTEM, notification_id=notification.pk) is False
    assert services.notification_email_send(actor=SYSTEM, notification_id=notification.pk) is False
    assert len(mail.outbox) == 1


def test_a_send_error_is_raised_for_the_task_to_retry(
    application, flaky_mail, django_capture_on_commit_callbacks
):
    flaky_mail.failures = 1
    with django_capture_on_commit_callbacks(execute=False):
        _reject(application)
    notification = Notification.objects.get(recipient=application.user)

    with pytest.raises(OSError):
        services.notification_email_send(actor=SYSTEM, notification_id=notification.pk)
    notification.refresh_from_db()
    assert notification.email_attempts == 1 and notification.email_status == EmailStatus.QUEUED


def test_retry_delays_grow_and_are_bounded(settings):
    settings.NOTIFICATION_EMAIL_RETRY_DELAY = 60
    assert [tasks.retry_delay(n) for n in range(7)] == [60, 120, 240, 480, 960, 1800, 1800]


def test_an_email_whose_task_was_lost_is_queued_again(application, django_capture_on_commit_callbacks):
    def broker_down(dispatched):
        raise ConnectionError("broker unreachable")

    with dispatch.capture(handler=broker_down), django_capture_on_commit_callbacks(execute=True):
        _reject(application)  # the broker error is logged; the rejection stands

    application.refresh_from_db()
    assert application.status == EnrolmentStatus.REJECTED
    notification = Notification.objects.get(recipient=application.user)
    assert notification.email_status == EmailStatus.QUEUED

    with dispatch.capture() as queued, django_capture_on_commit_callbacks(execute=True):
        assert (
            services.notification_email_requeue_stale(actor=SYSTEM) == 0
        )  # too early: its task may still be coming
        later = timezone.now() + services.STALE_AFTER + datetime.timedelta(minutes=1)
        assert services.notification_email_requeue_stale(actor=SYSTEM, now=later) == 1
    assert queued.args(services.EMAIL_TASK) == [notification.pk]


def test_once_key_notifies_a_recipient_once(application):
    first = services.notify(
        recipient=application.user, kind=NotificationKind.SESSION_TOMORROW, params={}, once_key="session:1"
    )
    second = services.notify(
        recipient=application.user, kind=NotificationKind.SESSION_TOMORROW, params={}, once_key="session:1"
    )
    assert first is not None and second is None
    assert Notification.objects.filter(recipient=application.user).count() == 1


def test_email_links_lead_to_the_public_site(application, delivered, settings):
    settings.TTA_PUBLIC_URL = "https://academy.example.cn"

    with delivered():
        _reject(application)

    (message,) = mail.outbox
    assert "https://academy.example.cn/en/learning/enrolments/" in message.body
    assert "https://academy.example.cn/en/notifications/preferences/" in message.body
