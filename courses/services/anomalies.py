"""Writes about anomalies: what the progress and attendance services flag for registrars."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from courses.models import ProgressAnomaly


def anomaly_record(
    *,
    user,
    kind: str,
    lesson=None,
    session=None,
    detail: str = "",
    now: datetime.datetime | None = None,
) -> None:
    """Count one occurrence of ``kind`` for ``user`` on the local day of ``now``.

    One row per trainee, kind and day: a repeat adds to its count and moves its last-seen time,
    lesson, session and detail to the latest occurrence, so a script repeating a refused request
    costs one small write each time and never grows the table. Safe under concurrency (the unique
    constraint decides who creates the row). Called by the progress and attendance services.
    """
    now = now or timezone.now()
    day = timezone.localdate(now)
    changes = {"last_seen_at": now, "detail": detail[:300]}
    if lesson is not None:
        changes["lesson"] = lesson
    if session is not None:
        changes["session"] = session
    rows = ProgressAnomaly.objects.filter(user=user, kind=kind, day=day)
    if rows.update(count=F("count") + 1, **changes):
        return
    try:
        with transaction.atomic():
            ProgressAnomaly.objects.create(user=user, kind=kind, day=day, first_seen_at=now, **changes)
    except IntegrityError:
        rows.update(count=F("count") + 1, **changes)  # created by a concurrent request
