"""Reads of notifications. Each runs a fixed number of queries."""

import logging
from datetime import datetime, timedelta

from django.core.cache import cache
from django.db.models import Prefetch, Q, QuerySet, TextChoices
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .kinds import NotificationKind
from .models import EmailStatus, Notification, NotificationEmailRequeue, NotificationPreference

logger = logging.getLogger(__name__)


def preference_for(*, user) -> NotificationPreference:
    """The user's preferences; an unsaved default (Chinese, every kind emailed) when they set none."""
    return NotificationPreference.objects.filter(user=user).first() or NotificationPreference(user=user)


def notification_list_for_user(*, user) -> QuerySet[Notification]:
    """The user's own notifications, newest first."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


# The header shows the count on every page: cached per user, forgotten by every write that changes it
# (services.forget_unread_count). The timeout bounds how long a lost race could leave a stale number.
UNREAD_COUNT_TIMEOUT = 10 * 60


def unread_count_cache_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def unread_count(*, user) -> int:
    """How many of ``user``'s notifications are unread: from the cache, else one query (then cached)."""
    if not user.is_authenticated:
        return 0
    key = unread_count_cache_key(user.pk)
    try:
        count = cache.get(key)
    except Exception:  # a cache that is down costs a query, never the page
        logger.warning("unread count: the cache is unavailable", exc_info=True)
        cached = False
        count = None
    else:
        cached = True
    if count is None:
        count = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        if cached:
            cache.set(key, count, UNREAD_COUNT_TIMEOUT)
    return count


# A queued email whose task has not sent it within this time is stuck: its task was lost or keeps
# failing (retries, with growing delays, last about two hours before the email is marked failed).
STUCK_AFTER = timedelta(hours=1)


class EmailTrouble(TextChoices):
    FAILED = "failed", _("Failed")
    STUCK = "stuck", _("Queued for over an hour")


def email_trouble_list(
    *, state: str = "", kind: str = "", now: datetime | None = None
) -> QuerySet[Notification]:
    """Notifications whose email failed or is stuck (``state``: an EmailTrouble value, "" for both),
    optionally of one ``kind``, newest first, with their recipients and who sent them again.
    An unknown ``state`` or ``kind`` does not filter. Two queries per page (rows, re-queues)."""
    stuck_since = (now or timezone.now()) - STUCK_AFTER
    failed = Q(email_status=EmailStatus.FAILED)
    stuck = Q(email_status=EmailStatus.QUEUED, email_queued_at__lt=stuck_since)
    condition = {EmailTrouble.FAILED: failed, EmailTrouble.STUCK: stuck}.get(state, failed | stuck)
    notifications = Notification.objects.filter(condition)
    if kind in NotificationKind.values:
        notifications = notifications.filter(kind=kind)
    requeues = NotificationEmailRequeue.objects.select_related("actor").order_by("-created_at", "-pk")
    return (
        notifications.select_related("recipient")
        .prefetch_related(Prefetch("email_requeues", queryset=requeues))
        .order_by("-created_at", "-pk")
    )
