"""Reads of rubric grading: each grader's queue (and why it is empty), the next item, reconciliation."""

from django.db.models import QuerySet

from core import roles

from .models import AttemptItem, AttemptStatus, CourseGrader

NO_COURSE = "no_course"  # the user grades no course: a registrar must add them as a grader
NOTHING = "nothing"  # nothing waits for them


def started_items() -> QuerySet[AttemptItem]:
    """Items staff may open: of started attempts only. A prepared paper (a sitting's, not started)
    is no attempt: its questions, what a trainee will get when the sitting opens, show nowhere."""
    return AttemptItem.objects.exclude(attempt__status=AttemptStatus.PREPARED)


def _in_scope(items: QuerySet[AttemptItem], *, user) -> QuerySet[AttemptItem]:
    """Items of the courses ``user`` grades (any language of them); registrars grade every course."""
    if roles.is_registrar(user=user):
        return items
    keys = CourseGrader.objects.filter(user=user).values("course__translation_key")
    return items.filter(attempt__paper__course__translation_key__in=keys)


def _waiting() -> QuerySet[AttemptItem]:
    return AttemptItem.objects.filter(
        needs_manual_grading=True, score__isnull=True, attempt__status=AttemptStatus.GRADING
    ).select_related("attempt__paper", "version", "attempt__user")


def grader_queue(*, user) -> QuerySet[AttemptItem]:
    """Items waiting for ``user``'s mark, oldest submission first: in courses they grade, not
    awaiting reconciliation, not marked by them already (double marking wants another grader)."""
    items = _waiting().filter(awaiting_reconciliation=False).exclude(marks__grader=user)
    return _in_scope(items, user=user).order_by("attempt__submitted_at", "attempt_id", "position")


def empty_queue_reason(*, user) -> str:
    """Why ``user``'s queue is empty: they grade no course, or nothing waits."""
    if roles.is_registrar(user=user) or CourseGrader.objects.filter(user=user).exists():
        return NOTHING
    return NO_COURSE


def next_item(*, user, after: AttemptItem) -> AttemptItem | None:
    """The next item of ``user``'s queue after ``after``: the same paper first, then the oldest."""
    queue = grader_queue(user=user).exclude(pk=after.pk)
    return queue.filter(attempt__paper_id=after.attempt.paper_id).first() or queue.first()


def reconciliation_queue(*, user) -> QuerySet[AttemptItem]:
    """Items whose two marks differ beyond the margin, that ``user`` may reconcile (a registrar,
    or a grader of the course who gave neither mark)."""
    items = _waiting().filter(awaiting_reconciliation=True)
    if not roles.is_registrar(user=user):
        items = items.exclude(marks__grader=user)
    return (
        _in_scope(items, user=user).prefetch_related("marks__grader").order_by("attempt__submitted_at", "pk")
    )


def is_blind(*, item: AttemptItem) -> bool:
    """Whether the grading pages hide the examinee's name and employer behind a code (the paper's setting)."""
    return item.attempt.paper.blind_grading
