"""Reads of the practical assessment: who may do what, deadlines, queues, and what a trainee may see."""

import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from core.roles import is_registrar
from courses.models import Enrolment
from courses.models.enrolments import PLACE_HOLDING
from courses.selectors.enrolments import is_enrolled

from .models import (
    AssignmentStatus,
    ConflictOfInterest,
    Extension,
    LatePolicy,
    PanelMember,
    PracticalAssignment,
    ReviewAssignment,
    ReviewAssignmentState,
    ReviewerProfile,
    Submission,
    SubmissionState,
)

# --- Roles ---------------------------------------------------------------------------------------


def is_panel_member(*, user, assignment: PracticalAssignment) -> bool:
    if not user or not user.is_authenticated or not assignment.panel_id:
        return False
    return PanelMember.objects.filter(panel_id=assignment.panel_id, user=user).exists()


def is_panel_chair(*, user, assignment: PracticalAssignment) -> bool:
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and assignment.panel_id
        and assignment.panel.chair_id == user.pk
    )


def can_take(*, user, assignment: PracticalAssignment) -> bool:
    """A trainee of the assignment's course (any cohort covering it) or of its program's level."""
    if not user or not user.is_authenticated or assignment.status != AssignmentStatus.PUBLISHED:
        return False
    if assignment.course_id:
        return is_enrolled(user=user, course=assignment.course)
    program = assignment.program
    return (
        Enrolment.objects.filter(user=user, status__in=PLACE_HOLDING)
        .filter(
            Q(cohort__program__translation_key=program.translation_key)
            | Q(cohort__program__level=program.level)
        )
        .exists()
    )


def assignments_for_trainee(*, user) -> list[PracticalAssignment]:
    """Published assignments the trainee may take, soonest due first."""
    if not user or not user.is_authenticated:
        return []
    published = PracticalAssignment.objects.filter(status=AssignmentStatus.PUBLISHED).select_related(
        "course", "program"
    )
    return [
        assignment
        for assignment in published.order_by("due_at", "pk")
        if can_take(user=user, assignment=assignment)
    ]


# --- Deadlines -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lateness:
    late: bool
    days_late: int
    penalty: Decimal
    refused: bool  # past what the late policy accepts


def due_for(*, assignment: PracticalAssignment, trainee) -> datetime:
    """The trainee's due date: their extension's if they have one, else the assignment's."""
    extension = Extension.objects.filter(assignment=assignment, trainee=trainee).only("due_at").first()
    return extension.due_at if extension else assignment.due_at


def closes_for(*, assignment: PracticalAssignment, trainee) -> datetime | None:
    """After this no version is accepted from the trainee; None: late work is accepted (flagged) until
    reviewers are assigned."""
    due = due_for(assignment=assignment, trainee=trainee)
    if assignment.late_policy == LatePolicy.REFUSE:
        return due
    if assignment.late_policy == LatePolicy.PENALTY:
        return due + timedelta(days=assignment.late_max_days)
    return None


def lateness(*, assignment: PracticalAssignment, trainee, at: datetime) -> Lateness:
    """How late a version submitted ``at`` is, under the assignment's policy and the trainee's extension.

    A day late is any part of a day: one minute after the due date is one day late.
    """
    due = due_for(assignment=assignment, trainee=trainee)
    if at <= due:
        return Lateness(late=False, days_late=0, penalty=Decimal("0"), refused=False)
    days = math.ceil((at - due) / timedelta(days=1))
    if assignment.late_policy == LatePolicy.REFUSE:
        return Lateness(late=True, days_late=days, penalty=Decimal("0"), refused=True)
    if assignment.late_policy == LatePolicy.PENALTY:
        refused = days > assignment.late_max_days
        return Lateness(
            late=True,
            days_late=days,
            penalty=(assignment.late_penalty_per_day * days).quantize(Decimal("0.01")),
            refused=refused,
        )
    return Lateness(late=True, days_late=days, penalty=Decimal("0"), refused=False)


# --- Conflicts and load --------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u3000]+")


def normalise_employer(name: str) -> str:
    """An organisation's name compared loosely: case, spaces and full-width spaces ignored."""
    return _SPACES.sub("", name or "").casefold()


def in_conflict(*, user, trainee) -> bool:
    """Whether ``user`` is in a conflict of interest with ``trainee`` (``conflicted_reviewer_ids``),
    as it stands now: a conflict declared after an assignment counts from then on."""
    user_id = getattr(user, "pk", None)
    return user_id is not None and user_id in conflicted_reviewer_ids(trainee=trainee, reviewer_ids=[user_id])


def conflicted_reviewer_ids(*, trainee, reviewer_ids: list[int]) -> set[int]:
    """Of ``reviewer_ids``, those in conflict with ``trainee``: a conflict declared for the trainee, or
    for the trainee's employer, or the reviewer's own organisation being the trainee's employer."""
    from courses.accounts.models import TraineeProfile

    employer = normalise_employer(
        TraineeProfile.objects.filter(user=trainee).values_list("organisation", flat=True).first() or ""
    )
    conflicted = set(
        ConflictOfInterest.objects.filter(reviewer_id__in=reviewer_ids, trainee=trainee).values_list(
            "reviewer_id", flat=True
        )
    )
    if employer:
        for reviewer_id, declared in (
            ConflictOfInterest.objects.filter(reviewer_id__in=reviewer_ids)
            .exclude(employer="")
            .values_list("reviewer_id", "employer")
        ):
            if normalise_employer(declared) == employer:
                conflicted.add(reviewer_id)
        for reviewer_id, organisation in ReviewerProfile.objects.filter(user_id__in=reviewer_ids).values_list(
            "user_id", "organisation"
        ):
            if normalise_employer(organisation) == employer:
                conflicted.add(reviewer_id)
    if trainee.pk in reviewer_ids:
        conflicted.add(trainee.pk)
    return conflicted


def reviewer_loads(*, reviewer_ids: list[int]) -> dict[int, int]:
    """Reviews each reviewer has to do now (assigned, not yet submitted), across all assignments."""
    counts = dict(
        ReviewAssignment.objects.filter(reviewer_id__in=reviewer_ids, state=ReviewAssignmentState.ASSIGNED)
        .values("reviewer_id")
        .annotate(n=Count("pk"))
        .values_list("reviewer_id", "n")
    )
    return {reviewer_id: counts.get(reviewer_id, 0) for reviewer_id in reviewer_ids}


# --- Queues --------------------------------------------------------------------------------------


def review_queue_for(*, user) -> QuerySet[ReviewAssignment]:
    """A reviewer's review assignments, open first. Carries the submission's code, never its trainee."""
    if not user or not user.is_authenticated:
        return ReviewAssignment.objects.none()
    return (
        ReviewAssignment.objects.filter(reviewer=user)
        .exclude(state=ReviewAssignmentState.WITHDRAWN)
        .select_related("submission__assignment")
        .order_by("state", "due_at", "pk")
    )


def reconciliations_for_chair(*, user) -> QuerySet[Submission]:
    if not user or not user.is_authenticated:
        return Submission.objects.none()
    return Submission.objects.filter(
        assignment__panel__chair=user, state=SubmissionState.RECONCILIATION
    ).select_related("assignment")


def is_reviewer_anywhere(*, user) -> bool:
    if not user or not user.is_authenticated:
        return False
    return (
        ReviewAssignment.objects.filter(reviewer=user).exists()
        or PanelMember.objects.filter(user=user).exists()
        or Submission.objects.filter(assignment__panel__chair=user).exists()
    )


def can_manage(*, user) -> bool:
    """Registrars run the practical assessment: reviewers, extensions, release."""
    return is_registrar(user=user)


def submission_of(*, assignment: PracticalAssignment, trainee) -> Submission | None:
    return Submission.objects.filter(assignment=assignment, trainee=trainee).first()


@dataclass(frozen=True)
class TraineeResult:
    """What a trainee may know of their marking: the state in plain words, and the score once released."""

    released: bool
    score: Decimal | None
    max_score: Decimal | None
    percent: Decimal | None
    passed: bool | None
    criteria: list[dict]


def result_for_trainee(*, submission: Submission | None) -> TraineeResult:
    """Nothing of the score before release: not the reviews, not the reconciliation, not ``passed``."""
    if submission is None or submission.state != SubmissionState.RELEASED or submission.released_at is None:
        return TraineeResult(
            released=False, score=None, max_score=None, percent=None, passed=None, criteria=[]
        )
    return TraineeResult(
        released=True,
        score=submission.final_score,
        max_score=submission.max_score,
        percent=submission.percent,
        passed=submission.passed,
        criteria=list(submission.final_criteria),
    )


def submissions_for_registrar(*, assignment: PracticalAssignment) -> QuerySet[Submission]:
    return (
        Submission.objects.filter(assignment=assignment)
        .select_related("trainee", "trainee__trainee_profile")
        .annotate(version_count=Count("versions", distinct=True))
        .order_by("code")
    )
