"""Scores and results: scoring the objective questions at submission, and releasing the result (with
its notification and the learning signal) once no answer waits for a person. Steps inside
guarded services, in their transaction; the caller holds the attempt's lock."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from cms.localized import localized
from courses.notifications.kinds import NotificationKind, per_language
from courses.notifications.services import notify
from courses.signals import Reason, learning_progressed_send

from ..models import Attempt, AttemptItem, AttemptStatus
from .common import TWO_PLACES


def _score_objective(item: AttemptItem) -> None:
    from courses.questions.grading import grade

    if item.needs_manual_grading:
        return
    fraction = grade(item.version, item.response) if item.response is not None else Decimal(0)
    if fraction is None:  # the grading function asks for a person after all
        item.needs_manual_grading = True
        return
    fraction = max(Decimal(0), min(Decimal(1), Decimal(fraction)))
    item.score = (fraction * item.points).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def _finalize_if_graded(attempt: Attempt, *, announce: bool = True) -> None:
    """Total the scores; once no item waits for a person, release the result. Caller holds the lock.

    The trainee is notified when the result is first released (not when an override changes it),
    unless ``announce`` is False: the trainee who submitted sees a result released at submit time
    on the page the submission leads to, so telling them again is noise.
    """
    items = list(attempt.items.all())
    released_now = False
    if any(item.score is None for item in items):
        attempt.status = AttemptStatus.GRADING
        attempt.score = None
        attempt.passed = None
    else:
        attempt.score = sum((item.score for item in items), Decimal(0))
        attempt.status = AttemptStatus.COMPLETED
        attempt.passed = (attempt.percent or Decimal(0)) >= attempt.paper.pass_mark
        released_now = attempt.released_at is None
        attempt.released_at = attempt.released_at or timezone.now()
    attempt.save(update_fields=["status", "score", "passed", "released_at"])
    if attempt.passed:  # released as a pass, or changed to one: it may complete a certification rule
        learning_progressed_send(sender=Attempt, user_id=attempt.user_id, reason=Reason.EXAM_PASSED)
    if released_now and announce:
        _notify_result(attempt)


def _plain_number(value: Decimal) -> str:
    """85.00 → "85", 72.50 → "72.5": how a percentage reads in a sentence."""
    return format(value.normalize(), "f")


def _notify_result(attempt: Attempt) -> None:
    notify(
        recipient=attempt.user,
        kind=NotificationKind.EXAM_RESULT_RELEASED,
        params={
            "paper": per_language(lambda: localized(attempt.paper, "title")),
            "percent": _plain_number(attempt.percent or Decimal(0)),
            "pass_mark": _plain_number(attempt.paper.pass_mark),
        },
        variant="passed" if attempt.passed else "failed",
        link=("exams:attempt_result", [attempt.pk]),
    )
