"""Through a real worker: an email that fails is retried until the mail server recovers, never twice."""

import pytest
from django.core import mail
from django.db import transaction

from courses import services as learning
from courses.models import EnrolmentStatus
from courses.notifications.models import EmailStatus, Notification
from tests.factories import courses as course_factories
from tests.waiting import wait_for

pytestmark = pytest.mark.integration


@pytest.fixture
def quick_retries(settings):
    settings.NOTIFICATION_EMAIL_RETRY_DELAY = 0
    settings.NOTIFICATION_EMAIL_MAX_RETRIES = 5


def test_the_email_is_retried_until_the_mail_server_recovers(
    application, flaky_mail, quick_retries, celery_worker_thread
):
    flaky_mail.failures = 2
    registrar = course_factories.registrar()

    with transaction.atomic():
        learning.enrolment_approve(enrolment=application, actor=registrar)

    application.refresh_from_db()
    assert application.status == EnrolmentStatus.ENROLLED  # the action did not wait for, or fail with, email
    notification = Notification.objects.get(recipient=application.user)
    assert wait_for(
        lambda: Notification.objects.get(pk=notification.pk).email_status == EmailStatus.SENT, timeout=60
    )
    notification.refresh_from_db()
    assert notification.email_attempts == 3 and flaky_mail.attempts == 3
    (message,) = mail.outbox
    assert message.to == [application.user.email] and "was approved" in message.subject


def test_the_worker_gives_up_after_the_last_retry(application, flaky_mail, settings, celery_worker_thread):
    settings.NOTIFICATION_EMAIL_RETRY_DELAY = 0
    settings.NOTIFICATION_EMAIL_MAX_RETRIES = 2
    flaky_mail.failures = 100

    with transaction.atomic():
        learning.enrolment_reject(
            enrolment=application, actor=course_factories.registrar(), reason="名额已满"
        )

    assert wait_for(
        lambda: Notification.objects.get(recipient=application.user).email_status == EmailStatus.FAILED,
        timeout=60,
    )
    notification = Notification.objects.get(recipient=application.user)
    assert notification.email_attempts == 3  # the first try and two retries
    assert "SMTPServerDisconnected" in notification.email_error
    assert mail.outbox == []
    # It stays in the trainee's list.
    assert notification.read_at is None
