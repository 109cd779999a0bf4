"""Writes of notifications: record one and queue its email, send that email, mark read, preferences.

Other apps report what happened by calling ``notify`` inside the transaction of their action. The
notification commits with the action; its email is sent afterwards by a Celery task, so a mail
server or broker failure never fails, delays or rolls back the action that caused it.
"""

import logging
from datetime import datetime, timedelta

from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from cms.links import absolute_url
from cms.localized import localized
from core.dispatch import dispatch
from core.guards import SELF, SYSTEM_ONLY, guarded
from courses.accounts.selectors import display_name
from courses.guards import REGISTRAR_IN_PERSON

from . import selectors
from .kinds import NotificationKind, per_language
from .models import EmailStatus, Notification, NotificationEmailRequeue, NotificationPreference

logger = logging.getLogger(__name__)


def notify(
    *,
    recipient,
    kind: NotificationKind | str,
    params: dict | None = None,
    variant: str = "",
    link: tuple[str, list] | None = None,
    once_key: str = "",
) -> Notification | None:
    """Tell ``recipient`` that something happened: an in-site notification, and an email if they want one.

    ``params`` fill the kind's text (a value may be a {language: text} dict, see kinds.per_language);
    ``variant`` picks one of the kind's texts; ``link`` is a URL name and its arguments.

    Call it inside the action's transaction. The email is queued on commit (a broker failure is
    logged, never raised; ``notification_email_requeue_stale`` queues it again later). With
    ``once_key`` the recipient gets at most one notification with that key, whatever concurrent
    calls happen (a unique constraint): a repeated call returns None.
    """
    params = dict(params or {})
    if variant:
        params["variant"] = variant
    wants_email = (
        recipient.is_active
        and bool(recipient.email)
        and selectors.preference_for(user=recipient).emails(kind)
    )
    link_name, link_args = link or ("", [])
    notification = Notification(
        recipient=recipient,
        kind=kind,
        params=params,
        link_name=link_name,
        link_args=list(link_args),
        once_key=once_key,
        email_status=EmailStatus.QUEUED if wants_email else EmailStatus.NOT_WANTED,
        email_queued_at=timezone.now() if wants_email else None,
    )
    if once_key:
        if Notification.objects.filter(recipient=recipient, once_key=once_key).exists():
            return None
        try:
            with transaction.atomic():  # a savepoint: a lost race leaves the caller's transaction usable
                notification.save()
        except IntegrityError:
            return None
    else:
        notification.save()
    forget_unread_count(user_id=recipient.pk)
    if wants_email:
        _queue_email(notification.pk)
    return notification


EMAIL_TASK = "courses.notifications.tasks.notification_email_task"


def _queue_email(notification_id: int) -> None:
    """Queue the email task once the transaction commits; a broker failure is logged, not raised
    (``notification_email_requeue_stale`` queues it again)."""
    dispatch(EMAIL_TASK, notification_id, robust=True)


def forget_unread_count(*, user_id: int) -> None:
    """Drop the user's cached unread count (selectors.unread_count), now and when the transaction commits.

    Now, so that the rest of this transaction counts afresh; again on commit, because another request
    may have cached the old number in between, not seeing this transaction's change. A cache that is
    down is logged, never raised: it must not fail the action (the number is stale for a while).
    """
    key = selectors.unread_count_cache_key(user_id)
    try:
        cache.delete(key)
    except Exception:  # each cache backend has its own connection errors
        logger.warning("could not forget the unread count of user %s", user_id, exc_info=True)
    transaction.on_commit(lambda: cache.delete(key), robust=True)


def _email_message(notification: Notification, *, language: str) -> EmailMultiAlternatives:
    recipient = notification.recipient
    rendered = notification.render(language)
    with translation.override(language):
        context = {
            "name": display_name(recipient),
            "title": rendered.title,
            "body": rendered.body,
            "url": absolute_url(rendered.path) if rendered.path else "",
            "notifications_url": absolute_url(reverse("notifications:list")),
            "preferences_url": absolute_url(reverse("notifications:preferences")),
        }
        text = render_to_string("notifications/email/notification.txt", context)
        html = render_to_string("notifications/email/notification.html", context)
    message = EmailMultiAlternatives(subject=rendered.title, body=text, to=[recipient.email])
    message.attach_alternative(html, "text/html")
    return message


@guarded(SYSTEM_ONLY)
def notification_email_send(*, notification_id: int, actor) -> bool:
    """Send a notification's email, once. Returns whether it was sent by this call.

    Idempotent: the notification row is locked while sending, and only a queued notification is
    sent, so a retried or redelivered task never sends twice. On a mail error (``OSError``, which
    smtplib's errors are) the attempt and error are recorded and the error is raised again for the
    task to retry. The email is in the recipient's preferred language as it is at sending time.
    """
    error = None
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None or notification.email_status != EmailStatus.QUEUED:
            return False
        if not notification.recipient.email:
            notification.email_status = EmailStatus.NOT_WANTED
            notification.save(update_fields=["email_status"])
            return False
        language = selectors.preference_for(user=notification.recipient).language
        message = _email_message(notification, language=language)
        notification.email_attempts += 1
        try:
            message.send()
        except OSError as exc:
            error = exc
            notification.email_error = f"{type(exc).__name__}: {exc}"[:1000]
        else:
            notification.email_status = EmailStatus.SENT
            notification.email_sent_at = timezone.now()
            notification.email_error = ""
        notification.save(update_fields=["email_status", "email_attempts", "email_sent_at", "email_error"])
    if error is not None:
        raise error
    return True


@guarded(SYSTEM_ONLY)
def notification_email_give_up(*, notification_id: int, actor) -> None:
    """Stop trying to email a notification (retries exhausted); it stays in the in-site list. Idempotent."""
    updated = Notification.objects.filter(pk=notification_id, email_status=EmailStatus.QUEUED).update(
        email_status=EmailStatus.FAILED
    )
    if updated:
        logger.error("gave up emailing notification %s", notification_id)


# An email queued this long ago and not tried since lost its task (the broker was down at commit).
STALE_AFTER = timedelta(minutes=15)


@guarded(SYSTEM_ONLY)
def notification_email_requeue_stale(*, actor, now: datetime | None = None) -> int:
    """Queue again the emails whose task never ran, first sendings and resendings alike (a resending
    starts its count of attempts again). One that was tried is left to its task's retries. Safe to
    run any time: sending is idempotent."""
    cutoff = (now or timezone.now()) - STALE_AFTER
    stale = Notification.objects.filter(
        email_status=EmailStatus.QUEUED, email_attempts=0, email_queued_at__lt=cutoff
    ).values_list("pk", flat=True)
    count = 0
    for notification_id in stale[:1000]:
        _queue_email(notification_id)
        count += 1
    return count


# Only these can be sent again: a failed email, or one still waiting for its task.
RESENDABLE = [EmailStatus.FAILED, EmailStatus.QUEUED]


@guarded(REGISTRAR_IN_PERSON)
def notification_email_resend(*, notification_ids, actor) -> int:
    """Send again, for ``actor``, the emails of the given notifications; returns how many were queued.

    Registrars and superusers only (``PermissionDenied`` for anyone else). Atomic: the rows are
    locked, each one is queued again with its count of attempts back at zero and recorded (who,
    when, from which state, with what error), and the tasks are queued on commit. Skipped: notifications whose email was sent or not wanted,
    and recipients who are inactive or have no email address. A repeated call queues another task,
    which does nothing once the email is sent (``notification_email_send`` sends once).
    """
    now = timezone.now()
    with transaction.atomic():
        notifications = list(
            Notification.objects.select_for_update(of=("self",))
            .filter(pk__in=list(notification_ids), email_status__in=RESENDABLE, recipient__is_active=True)
            .exclude(recipient__email="")
            .order_by("pk")
        )
        NotificationEmailRequeue.objects.bulk_create(
            NotificationEmailRequeue(
                notification=notification,
                actor=actor,
                from_status=notification.email_status,
                error=notification.email_error,
            )
            for notification in notifications
        )
        resent = [notification.pk for notification in notifications]
        Notification.objects.filter(pk__in=resent).update(
            email_status=EmailStatus.QUEUED, email_queued_at=now, email_attempts=0
        )
        for notification_id in resent:
            _queue_email(notification_id)
    if resent:
        logger.info("%s queued %d notification email(s) again: %s", actor.pk, len(resent), resent)
    return len(resent)


@guarded(SELF, actor="user")
def notification_mark_read(*, user, notification_id: int) -> bool:
    """Mark one of ``user``'s notifications read. Returns False if it is not theirs. Idempotent."""
    notification = Notification.objects.filter(pk=notification_id, recipient=user).first()
    if notification is None:
        return False
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=timezone.now())
        forget_unread_count(user_id=user.pk)
    return True


@guarded(SELF, actor="user")
def notification_mark_all_read(*, user) -> int:
    """Mark every unread notification of ``user`` read; returns how many. Idempotent."""
    count = Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())
    if count:
        forget_unread_count(user_id=user.pk)
    return count


@guarded(SELF, actor="user")
def preference_update(*, user, language: str, emailed_kinds) -> NotificationPreference:
    """Save ``user``'s email language and the kinds they want by email (the others are muted)."""
    emailed = set(emailed_kinds)
    preference, _created = NotificationPreference.objects.update_or_create(
        user=user,
        defaults={
            "language": language,
            "email_muted": [kind for kind in NotificationKind.values if kind not in emailed],
        },
    )
    return preference


@guarded(SYSTEM_ONLY)
def offline_session_reminders_send(*, actor, now: datetime | None = None) -> int:
    """Tell each trainee with a place in a cohort about its offline sessions that start tomorrow.

    The beat task's body, daily. Idempotent: a trainee is told about a session once (``once_key``),
    however often this runs or however many run at once. Returns how many notifications it made.
    """
    from django.utils.formats import date_format

    from courses.models import Enrolment, OfflineSession
    from courses.models.enrolments import PLACE_HOLDING

    tomorrow = timezone.localdate(now or timezone.now()) + timedelta(days=1)
    start = timezone.make_aware(datetime.combine(tomorrow, datetime.min.time()))
    sessions = OfflineSession.objects.filter(
        starts_at__gte=start, starts_at__lt=start + timedelta(days=1)
    ).select_related("cohort", "course")
    made = 0
    for session in sessions:
        starts_at = timezone.localtime(session.starts_at)
        place = session if session.location else session.cohort
        location = per_language(lambda p=place: localized(p, "location"))
        params = {
            "session": per_language(lambda s=session: localized(s, "title")),
            "course": per_language(lambda s=session: (s.course.localized or s.course).title),
            "starts_at": per_language(lambda t=starts_at: date_format(t, "DATETIME_FORMAT")),
            "location": location,
        }
        enrolments = Enrolment.objects.filter(cohort=session.cohort, status__in=PLACE_HOLDING).select_related(
            "user"
        )
        for enrolment in enrolments:
            try:
                notification = notify(
                    recipient=enrolment.user,
                    kind=NotificationKind.SESSION_TOMORROW,
                    params=params,
                    variant="" if place.location else "no_location",
                    link=("courses:dashboard", []),
                    once_key=f"session:{session.pk}",
                )
            except Exception:  # one trainee's failure stops no one else's reminder
                logger.exception("could not remind user %s of session %s", enrolment.user_id, session.pk)
                continue
            made += notification is not None
    return made
