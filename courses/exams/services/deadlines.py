"""An attempt's deadline: computing it, queuing its task near it (by path, ``core.dispatch``: tasks
import services, never the other way round), the minute sweep that queues the far ones, and extra
time (``accommodation_grant``), which moves it."""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dispatch import dispatch, dispatch_now
from core.guards import SYSTEM_ONLY, guarded
from courses.guards import REGISTRAR

from ..models import Accommodation, Attempt, AttemptEvent, AttemptEventKind, AttemptStatus, ExamPaper, Sitting
from .common import ExamError, _locked_attempt

logger = logging.getLogger(__name__)


def _deadline(
    *, paper: ExamPaper, started_at: datetime, extra_minutes: int, sitting: Sitting | None = None
) -> datetime | None:
    """Start + time limit + extra time, capped by the window's close and the sitting's (extra time cannot pass them)."""
    candidates = []
    if paper.time_limit_minutes:
        candidates.append(started_at + timedelta(minutes=paper.time_limit_minutes + extra_minutes))
    if paper.closes_at:
        candidates.append(paper.closes_at)
    if sitting is not None and sitting.closes_at:
        candidates.append(sitting.closes_at)
    return min(candidates) if candidates else None


def _deadline_window() -> timedelta:
    return timedelta(seconds=settings.TTA_DEADLINE_ETA_WINDOW_SECONDS)


def _deadline_queued_key(attempt_id: int, deadline: datetime) -> str:
    return f"exams:deadline-task:{attempt_id}:{deadline.timestamp()}"


# Named by path: tasks import this module, not the other way round (core.dispatch).
AUTO_SUBMIT_TASK = "courses.exams.tasks.attempt_auto_submit_task"


def _schedule_auto_submit(attempt: Attempt) -> None:
    """Queue the attempt's deadline task on commit, if its deadline is within the ETA window.

    A farther deadline is left to the minute sweep (``attempts_queue_near_deadlines``), which queues
    the task once the deadline comes near: a Redis message waiting for its ETA longer than the
    visibility timeout would be delivered again every hour, one duplicate task per delivery.
    """
    if attempt.deadline is None or attempt.deadline - timezone.now() > _deadline_window():
        return
    # The sweep does not queue this deadline again.
    timeout = int(_deadline_window().total_seconds()) * 2
    cache.set(_deadline_queued_key(attempt.pk, attempt.deadline), 1, timeout=timeout)
    # robust: the attempt is committed; a broker outage must not fail the trainee's request. The
    # beat sweep and the lazy check on access still submit it at the deadline.
    dispatch(AUTO_SUBMIT_TASK, attempt.pk, eta=attempt.deadline, robust=True)


@guarded(SYSTEM_ONLY)
def attempts_queue_near_deadlines(*, actor) -> int:
    """Queue the deadline task of each open attempt whose deadline has come within the ETA window.

    Run by the minute sweep. Each deadline is queued once (a cache key per attempt and deadline; a
    deadline moved by extra time is a new one); a lost key means at worst one more idempotent task.
    Returns how many it queued.
    """
    now = timezone.now()
    window = _deadline_window()
    near = Attempt.objects.filter(
        status=AttemptStatus.IN_PROGRESS, deadline__gt=now, deadline__lte=now + window
    ).values_list("pk", "deadline")
    queued = 0
    for attempt_id, deadline in list(near):
        if not cache.add(
            _deadline_queued_key(attempt_id, deadline), 1, timeout=int(window.total_seconds()) * 2
        ):
            continue
        try:
            dispatch_now(AUTO_SUBMIT_TASK, attempt_id, eta=deadline)
        except Exception:
            cache.delete(_deadline_queued_key(attempt_id, deadline))  # the next sweep tries again
            logger.exception("could not queue the deadline task of attempt %s", attempt_id)
            continue
        queued += 1
    return queued


@guarded(REGISTRAR, actor="granted_by")
def accommodation_grant(
    *, paper: ExamPaper, user, extra_minutes: int, reason: str, granted_by
) -> Accommodation:
    """Grant (or change) a trainee's extra time for a paper; an attempt in progress gets it at once.

    Registrars only (guarded). Atomic and idempotent. The attempt's deadline is recomputed (still capped by
    the window's close), the change is logged, and a new deadline task is queued; the earlier
    task finds the deadline moved and does nothing.
    """
    if not reason.strip():
        raise ExamError(_("Give a reason for the extra time."))
    with transaction.atomic():
        accommodation, _created = Accommodation.objects.update_or_create(
            paper=paper,
            user=user,
            defaults={"extra_minutes": extra_minutes, "reason": reason, "granted_by": granted_by},
        )
        open_ = Attempt.objects.filter(paper=paper, user=user, status=AttemptStatus.IN_PROGRESS).first()
        if open_ is not None:
            attempt = _locked_attempt(open_.pk)
            if attempt.status == AttemptStatus.IN_PROGRESS and (
                attempt.deadline is None or timezone.now() < attempt.deadline
            ):
                previous = attempt.deadline
                attempt.extra_minutes = extra_minutes
                attempt.deadline = _deadline(
                    paper=paper,
                    started_at=attempt.started_at,
                    extra_minutes=extra_minutes,
                    sitting=attempt.sitting,
                )
                attempt.save(update_fields=["extra_minutes", "deadline"])
                AttemptEvent.objects.create(
                    attempt=attempt,
                    kind=AttemptEventKind.EXTRA_TIME,
                    detail={
                        "extra_minutes": extra_minutes,
                        "previous_deadline": previous.isoformat() if previous else None,
                        "deadline": attempt.deadline.isoformat() if attempt.deadline else None,
                        "by": granted_by.get_username(),
                    },
                )
                _schedule_auto_submit(attempt)
    return accommodation
