"""Writes of rubric grading: a grader's mark per criterion, double marking and its reconciliation.

A mark (``GradingMark``) scores each criterion of the question version's rubric, bounded by the
criterion's points, with a comment each; their sum is the mark's total in rubric points, and the
item's score is that total scaled to the item's points (the paper may give a question other points
than its rubric shares out; when they agree, as the question editor makes them, the scale is 1).
An essay without a rubric has one criterion worth the item's points.

Double marking (``ExamPaper.double_marking``): two different graders mark each answer. Two scores
at most ``marking_margin`` points apart stand as their mean (rounded half up to 0.01); further
apart, the item waits for reconciliation by a registrar or a third grader of the course, whose
mark stands. Until an item has its score the attempt stays in grading: provisional, not released,
counted nowhere as passed (``courses.selectors.standing`` reads released attempts only).

Every mark is kept (who, when, each criterion); every score an item gets is a ``ScoreChange`` too.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from core import roles
from core.guards import guarded
from courses.guards import GRADER_OF_ITEM
from courses.questions.schema import parse_decimal

from . import selectors
from .models import AttemptItem, AttemptStatus, GradingMark, MarkKind, ScoreChange
from .services import TWO_PLACES, ExamError, checked_points, item_open_for_grading
from .services.results import _finalize_if_graded

MAX_COMMENT_CHARS = 4000


@dataclass(frozen=True)
class Criterion:
    name: str  # empty: the essay has no rubric, one overall score
    points: Decimal
    description: str = ""

    @property
    def shown_points(self) -> str:
        """6.00 → "6", 2.50 → "2.5": as the rubric was written."""
        return format(self.points.normalize(), "f")


def criteria_for(item: AttemptItem) -> list[Criterion]:
    """The rubric criteria ``item`` is marked by: its question version's stored rubric, or one
    overall criterion worth the item's points when the version has none (or an unreadable one).

    Points are taken as stored, never rounded: the question editor keeps them to two places, and a
    rubric stored with more (before it did) keeps its shares rather than losing a criterion's worth.
    """
    criteria = []
    for raw in item.version.data.get("rubric") or []:
        points = parse_decimal(raw.get("points")) if isinstance(raw, dict) else None
        if points is None or points <= 0:
            return [Criterion(name="", points=item.points)]
        criteria.append(Criterion(str(raw.get("criterion") or ""), points, str(raw.get("description") or "")))
    return criteria or [Criterion(name="", points=item.points)]


def examinee_code(attempt_id: int) -> str:
    """The anonymous code blind graders see for an attempt: stable, not guessable from the id."""
    digest = salted_hmac("courses.exams.grading.examinee", str(attempt_id)).hexdigest()
    return "E-" + digest[:6].upper()


def identity_hidden(*, attempt, reader) -> bool:
    """Whether ``reader`` may see only the examinee code of ``attempt``: while a blind paper's attempt
    is being graded, everyone but registrars (identities show once the result is released)."""
    return (
        attempt.paper.blind_grading
        and attempt.status != AttemptStatus.COMPLETED
        and not roles.is_registrar(user=reader)
    )


def examinee_identity(*, attempt, reader) -> tuple[str, str]:
    """(username, name) of who sat ``attempt`` as the staff's pages and exports show it to ``reader``:
    the examinee code and no name while the identity is hidden."""
    if identity_hidden(attempt=attempt, reader=reader):
        return examinee_code(attempt.pk), ""
    return attempt.user.get_username(), attempt.user.get_full_name()


def _scaled(total: Decimal, criteria: list[Criterion], item: AttemptItem) -> Decimal:
    full = sum((criterion.points for criterion in criteria), Decimal(0))
    if full == item.points:
        return total
    return (total * item.points / full).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def _checked(item: AttemptItem, scores: list, comments: list[str]) -> list[dict]:
    """The criteria with their scores and comments, or ExamError (the form has checked each already)."""
    criteria = criteria_for(item)
    if len(scores) != len(criteria) or len(comments) != len(criteria):
        raise ExamError(_("The rubric of this question has changed; open the answer again."))
    marked = []
    for criterion, score, comment in zip(criteria, scores, comments, strict=True):
        score = checked_points(score, maximum=criterion.points)
        if len(comment) > MAX_COMMENT_CHARS:
            raise ExamError(
                _("A comment may have at most %(count)s characters.") % {"count": MAX_COMMENT_CHARS}
            )
        marked.append(
            {
                "criterion": criterion.name,
                "points": str(criterion.points),
                "score": str(score),
                "comment": comment,
            }
        )
    return marked


def _set_score(item: AttemptItem, *, score: Decimal, feedback: str, grader, reason: str = "") -> None:
    ScoreChange.objects.create(item=item, old_score=None, new_score=score, changed_by=grader, reason=reason)
    item.score, item.feedback, item.graded_by, item.graded_at = score, feedback, grader, timezone.now()
    item.awaiting_reconciliation = False
    item.save(update_fields=["score", "feedback", "graded_by", "graded_at", "awaiting_reconciliation"])


@guarded(GRADER_OF_ITEM, actor="grader")
def item_mark(*, item_id: int, scores: list, comments: list[str], feedback: str = "", grader) -> GradingMark:
    """A grader marks an essay or case analysis by its rubric: one score and comment per criterion.

    Graders of the paper's course and registrars. Atomic (the attempt row is locked), audited.
    Without double marking the mark is the item's score and the result is released once nothing
    else waits. With double marking the first mark waits for a second by another grader; the
    second settles the score (the mean) or sends the item to reconciliation. A grader marks an
    item once; a graded item changes only by an override (with a reason).
    """
    with transaction.atomic():
        item, attempt = item_open_for_grading(item_id=item_id, grader=grader)
        if item.awaiting_reconciliation:
            raise ExamError(_("The two marks of this answer differ too much: it awaits reconciliation."))
        criteria = _checked(item, scores, comments)
        total = sum((Decimal(criterion["score"]) for criterion in criteria), Decimal(0))
        score = _scaled(total, criteria_for(item), item)
        earlier = list(item.marks.all())
        double = attempt.paper.double_marking or bool(earlier)
        if double and any(mark.grader_id == grader.pk for mark in earlier):
            raise ExamError(_("You have marked this answer already; another grader gives the second mark."))
        kind = (MarkKind.SECOND if earlier else MarkKind.FIRST) if double else MarkKind.SINGLE
        mark = GradingMark.objects.create(
            item=item,
            grader=grader,
            kind=kind,
            criteria=criteria,
            total=total,
            score=score,
            feedback=feedback,
        )
        if kind == MarkKind.SINGLE:
            _set_score(item, score=score, feedback=feedback, grader=grader)
        elif kind == MarkKind.SECOND:
            first = earlier[0]
            if abs(first.score - score) <= attempt.paper.marking_margin:
                mean = ((first.score + score) / 2).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
                both = "\n\n".join(text for text in (first.feedback, feedback) if text.strip())
                _set_score(item, score=mean, feedback=both, grader=grader, reason=_("Mean of two marks"))
            else:
                item.awaiting_reconciliation = True
                item.save(update_fields=["awaiting_reconciliation"])
        _finalize_if_graded(attempt)
    return mark


def can_reconcile(*, user, item: AttemptItem) -> bool:
    """A registrar, or a grader of the course who gave neither mark."""
    if roles.is_registrar(user=user):
        return True
    if not selectors.can_grade(user=user, course=item.attempt.paper.course_id):
        return False
    return not item.marks.filter(grader_id=user.pk).exists()


@guarded(GRADER_OF_ITEM, actor="grader")
def item_reconcile(
    *, item_id: int, scores: list, comments: list[str], feedback: str = "", grader
) -> GradingMark:
    """Settle an item whose two marks differ by more than the margin: this mark stands.

    A registrar or a third grader of the course (``can_reconcile``). Atomic, audited; the result
    is released once nothing else in the attempt waits.
    """
    with transaction.atomic():
        item, attempt = item_open_for_grading(item_id=item_id, grader=grader)
        if not item.awaiting_reconciliation:
            raise ExamError(_("This answer does not await reconciliation."))
        if not can_reconcile(user=grader, item=item):
            raise ExamError(_("A registrar or a third grader reconciles the two marks."), code="forbidden")
        criteria = _checked(item, scores, comments)
        total = sum((Decimal(criterion["score"]) for criterion in criteria), Decimal(0))
        score = _scaled(total, criteria_for(item), item)
        mark = GradingMark.objects.create(
            item=item,
            grader=grader,
            kind=MarkKind.RECONCILED,
            criteria=criteria,
            total=total,
            score=score,
            feedback=feedback,
        )
        _set_score(item, score=score, feedback=feedback, grader=grader, reason=_("Reconciled"))
        _finalize_if_graded(attempt)
    return mark
