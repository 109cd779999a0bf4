"""Grading by a person: a grader's score for an essay, an override with a reason, and who may grade a
course. Rubrics and double marking build on ``item_open_for_grading`` (``courses.exams.grading``)."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.guards import guarded
from courses.guards import GRADER_OF_ITEM, REGISTRAR

from .. import selectors
from ..models import Attempt, AttemptItem, AttemptStatus, CourseGrader, ScoreChange
from .common import TWO_PLACES, ExamError, _locked_attempt
from .results import _finalize_if_graded


def checked_points(score, *, maximum: Decimal) -> Decimal:
    """``score`` as points to two places, or ExamError unless it is a number from 0 to ``maximum``;
    for an item's grade here and for each rubric criterion (``courses.exams.grading``)."""
    try:
        score = Decimal(score).quantize(TWO_PLACES)
    except (ArithmeticError, ValueError, TypeError) as error:
        raise ExamError(_("Enter a number of points.")) from error
    if score < 0 or score > maximum:
        raise ExamError(_("The score must be between 0 and %(max)s points.") % {"max": maximum})
    return score


@guarded(GRADER_OF_ITEM, actor="grader")
def item_open_for_grading(*, item_id: int, grader) -> tuple[AttemptItem, Attempt]:
    """The item and its attempt, locked, if ``grader`` may grade it and it waits for a grade; for
    single grading here and rubric marks (``courses.exams.grading``). Call inside a transaction."""
    item = AttemptItem.objects.select_related("attempt__paper", "version").get(pk=item_id)
    if not selectors.can_grade(user=grader, course=item.attempt.paper.course_id):
        raise ExamError(_("You may not grade this course's exams."), code="forbidden")
    attempt = _locked_attempt(item.attempt_id)
    item.refresh_from_db()
    if item.needs_manual_grading and item.score is not None:
        raise ExamError(_("This answer has been graded already; change it with an override."))
    if attempt.status != AttemptStatus.GRADING or not item.needs_manual_grading:
        raise ExamError(_("This answer is not waiting for a grade."))
    return item, attempt


@guarded(GRADER_OF_ITEM, actor="grader")
def item_grade(*, item_id: int, score: Decimal, feedback: str = "", grader) -> AttemptItem:
    """A grader scores an essay or case analysis; the result is released once nothing else waits.

    Graders of the paper's course and registrars only. Atomic, audited (ScoreChange). Grading an
    item already graded is refused here: changing a grade is an override, with a reason.
    """
    with transaction.atomic():
        item, attempt = item_open_for_grading(item_id=item_id, grader=grader)
        if attempt.paper.double_marking or item.awaiting_reconciliation:  # two marks: courses.exams.grading
            raise ExamError(_("This paper is double marked: grade it by its rubric on the grading page."))
        score = checked_points(score, maximum=item.points)
        ScoreChange.objects.create(item=item, old_score=None, new_score=score, changed_by=grader)
        item.score, item.feedback, item.graded_by, item.graded_at = score, feedback, grader, timezone.now()
        item.save(update_fields=["score", "feedback", "graded_by", "graded_at"])
        _finalize_if_graded(attempt)
    return item


@guarded(GRADER_OF_ITEM)
def item_override(*, item_id: int, score: Decimal, reason: str, actor) -> AttemptItem:
    """Change a submitted item's score, with a reason. Graders of the course and registrars. Atomic, audited.

    Only a score the item has is changed: an answer still waiting for a grader gets its first score
    from grading (by its rubric, from two graders on a double-marked paper), never from an override.
    """
    if not reason.strip():
        raise ExamError(_("Give a reason for changing the score."))
    with transaction.atomic():
        item = AttemptItem.objects.select_related("attempt__paper").get(pk=item_id)
        if not selectors.can_grade(user=actor, course=item.attempt.paper.course_id):
            raise ExamError(_("You may not change scores of this course's exams."), code="forbidden")
        attempt = _locked_attempt(item.attempt_id)
        if attempt.status == AttemptStatus.IN_PROGRESS:
            raise ExamError(_("The attempt has not been submitted yet."))
        item.refresh_from_db()
        if item.awaiting_reconciliation:  # its two marks are settled by reconciliation, not by one of them
            raise ExamError(_("The two marks of this answer differ too much: it awaits reconciliation."))
        if item.score is None:
            raise ExamError(
                _("Not graded yet: grade this answer first. An override changes a score already given.")
            )
        score = checked_points(score, maximum=item.points)
        ScoreChange.objects.create(
            item=item,
            old_score=item.score,
            new_score=score,
            is_override=True,
            reason=reason,
            changed_by=actor,
        )
        item.score, item.graded_by, item.graded_at = score, actor, timezone.now()
        item.save(update_fields=["score", "graded_by", "graded_at"])
        _finalize_if_graded(attempt)
    return item


@guarded(REGISTRAR)
def course_grader_add(*, course, user, actor) -> None:
    """Registrars let an account grade a course's essays (guarded). Idempotent."""
    CourseGrader.objects.get_or_create(course=course, user=user)
