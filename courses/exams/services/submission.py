"""Submitting an attempt: by the trainee, lazily on any access past the deadline, by the deadline task,
and by the sweep that submits whatever is still open past its deadline. Idempotent: the attempt row
is locked and its state re-checked, so every path together gives one submission."""

import logging

from django.db import transaction
from django.utils import timezone

from core.guards import SYSTEM, SYSTEM_ONLY, guarded, owner
from courses.guards import LEARNING_STAFF

from ..models import Attempt, AttemptEvent, AttemptEventKind, AttemptItem, AttemptStatus, SubmittedBy
from .common import _ATTEMPT_OWNER, _attempt_user_id, _locked_attempt
from .deadlines import _schedule_auto_submit
from .results import _finalize_if_graded, _score_objective

logger = logging.getLogger(__name__)


@guarded(owner(_attempt_user_id, name="the examinee"))
def attempt_submit(
    *, attempt_id: int, actor, by: str = SubmittedBy.TRAINEE, ip: str | None = None
) -> Attempt:
    """Submit an attempt and score its objective questions; essays go to the grading queue.

    Atomic and idempotent: the attempt row is locked and its state re-checked, so two tabs, a
    double click and the deadline task give one submission; a second call returns the attempt
    unchanged. With ``by=DEADLINE`` it submits only if the *current* deadline has passed (extra
    time granted since the task was queued is respected). The examinee, or SYSTEM (the deadline).
    A result released here is announced by a notification only for a submission at the deadline.
    """
    with transaction.atomic():
        attempt = _locked_attempt(attempt_id)
        if attempt.status != AttemptStatus.IN_PROGRESS:
            return attempt
        now = timezone.now()
        if by == SubmittedBy.DEADLINE and (attempt.deadline is None or now < attempt.deadline):
            return attempt
        items = list(attempt.items.select_related("version"))
        for item in items:
            _score_objective(item)
        AttemptItem.objects.bulk_update(items, ["score", "needs_manual_grading"])
        attempt.submitted_at = now
        attempt.submitted_by = by
        attempt.save(update_fields=["submitted_at", "submitted_by"])
        kind = AttemptEventKind.AUTO_SUBMIT if by == SubmittedBy.DEADLINE else AttemptEventKind.SUBMIT
        AttemptEvent.objects.create(attempt=attempt, kind=kind, ip=ip)
        # Submitted at the deadline, the trainee may never have seen the result page: tell them.
        _finalize_if_graded(attempt, announce=by != SubmittedBy.TRAINEE)
        return attempt


@guarded(_ATTEMPT_OWNER | LEARNING_STAFF)
def attempt_close_if_overdue(*, attempt: Attempt, actor) -> bool:
    """Submit ``attempt`` if it is open past its deadline (the lazy path, on any access). True if closed now or before.

    Whoever looks at the attempt (its examinee, staff) may trigger it; the deadline submits, as SYSTEM.
    """
    if attempt.status != AttemptStatus.IN_PROGRESS:
        return True
    if attempt.deadline is None or timezone.now() < attempt.deadline:
        return False
    closed = attempt_submit(attempt_id=attempt.pk, by=SubmittedBy.DEADLINE, actor=SYSTEM)
    attempt.refresh_from_db()
    return closed.status != AttemptStatus.IN_PROGRESS


@guarded(SYSTEM_ONLY)
def attempt_submit_at_deadline(*, attempt_id: int, actor) -> Attempt:
    """What the deadline task does: submit the attempt if its deadline passed, else wait for it again.

    A task can arrive before the deadline by this host's clock: the deadline was computed on another
    host, or extra time was granted since it was queued. The attempt then gets a task for its current
    deadline, so it never waits for the minute sweep. A grant queues its own task too; both are harmless,
    as submitting is idempotent.
    """
    attempt = attempt_submit(attempt_id=attempt_id, by=SubmittedBy.DEADLINE, actor=SYSTEM)
    if attempt.status == AttemptStatus.IN_PROGRESS:
        _schedule_auto_submit(attempt)
    return attempt


@guarded(SYSTEM_ONLY)
def attempts_sweep_overdue(*, actor) -> int:
    """Submit every attempt still open past its deadline; the safety net under the per-attempt task.

    Idempotent; returns how many it submitted. Each attempt is submitted in its own transaction: one
    that fails is logged (with its id) and left for the next sweep, and the others are still submitted.
    """
    overdue = Attempt.objects.filter(status=AttemptStatus.IN_PROGRESS, deadline__lte=timezone.now())
    count = 0
    for attempt_id in list(overdue.values_list("pk", flat=True)):
        try:
            attempt = attempt_submit(attempt_id=attempt_id, by=SubmittedBy.DEADLINE, actor=SYSTEM)
        except Exception:
            logger.exception("the overdue sweep could not submit attempt %s; the others go on", attempt_id)
            continue
        count += attempt.submitted_by == SubmittedBy.DEADLINE
    return count
