"""Celery tasks of notifications. A task loads by id and calls a service; nothing else."""

from celery import shared_task
from django.conf import settings

from core.guards import SYSTEM

from . import services


def retry_delay(retries: int) -> int:
    """Seconds before the next try: doubling from NOTIFICATION_EMAIL_RETRY_DELAY, at most 30 minutes."""
    return min(settings.NOTIFICATION_EMAIL_RETRY_DELAY * 2**retries, 30 * 60)


@shared_task(bind=True, acks_late=True, max_retries=None)
def notification_email_task(self, notification_id: int) -> None:
    """Email one notification. A mail error (SMTP, connection) is retried with a growing delay, at most
    NOTIFICATION_EMAIL_MAX_RETRIES times; then the notification is marked failed. Safe to run twice."""
    try:
        services.notification_email_send(actor=SYSTEM, notification_id=notification_id)
    except OSError as error:  # smtplib.SMTPException and connection errors are OSErrors
        if self.request.retries >= settings.NOTIFICATION_EMAIL_MAX_RETRIES:
            services.notification_email_give_up(actor=SYSTEM, notification_id=notification_id)
            return
        raise self.retry(exc=error, countdown=retry_delay(self.request.retries)) from error


@shared_task(acks_late=True)
def notification_email_requeue_stale_task() -> int:
    """Beat: queue again the emails whose task was lost (e.g. the broker was down at commit)."""
    return services.notification_email_requeue_stale(actor=SYSTEM)


@shared_task(acks_late=True)
def offline_session_reminders_task() -> int:
    """Beat, daily: tell trainees about tomorrow's offline sessions (each trainee once per session)."""
    return services.offline_session_reminders_send(actor=SYSTEM)
