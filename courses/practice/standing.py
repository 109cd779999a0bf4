"""Selectors: where trainees stand in the practical assessment of a program, for certification.

What certification reads of ``courses.practice`` (dependencies point certification → courses):
only released results count; before release a trainee's report is "in review" whatever its scores.
A reviewed report that awaits its defence is said to be reviewed, without its score; the defence
counts once the chair has recorded its outcome and the result is released.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Q

from cms.models import ProgramPage

from .models import (
    AssignmentStatus,
    DefenceOutcome,
    DefenceResult,
    DefenceSlot,
    PracticalAssignment,
    Submission,
    SubmissionState,
)

REVIEWED_STATES = frozenset(
    {SubmissionState.RECONCILED, SubmissionState.READY_FOR_RELEASE, SubmissionState.RELEASED}
)
# A pass with revisions is a pass: the revisions go to the chair, the certificate does not wait.
PASSING_RESULTS = frozenset({DefenceResult.PASS, DefenceResult.PASS_WITH_REVISIONS})


@dataclass(frozen=True)
class PracticeStanding:
    """One trainee against one assignment. Scores are None until released."""

    assignment: PracticalAssignment
    submitted: bool = False
    # Reviewed and reconciled (awaiting the defence or the release): a score exists, unseen yet.
    reviewed: bool = False
    released: bool = False
    score: Decimal | None = None
    max_score: Decimal | None = None
    report_passed: bool = False
    defence_at: datetime | None = None
    defence_result: str | None = None
    # The chair has recorded the defence's outcome; it is read only once the result is released.
    defence_held: bool = False

    @property
    def defence_required(self) -> bool:
        return self.assignment.defence_required

    @property
    def passed(self) -> bool:
        if not self.report_passed:
            return False
        return not self.defence_required or self.defence_result in PASSING_RESULTS


def assignments_for_program(*, program: ProgramPage) -> list[PracticalAssignment]:
    """Published assignments of ``program`` (any translation of it) or of a course of its level."""
    return list(
        PracticalAssignment.objects.filter(status=AssignmentStatus.PUBLISHED)
        .filter(Q(program__translation_key=program.translation_key) | Q(course__level=program.level))
        .order_by("due_at", "pk")
    )


def practice_standing_for_users(*, user_ids, program: ProgramPage) -> dict[int, list[PracticeStanding]]:
    """Each user's standing in every assignment of ``program``, in a fixed number of queries (four)."""
    user_ids = list(user_ids)
    assignments = assignments_for_program(program=program)
    if not assignments or not user_ids:
        return {pk: [PracticeStanding(assignment=a) for a in assignments] for pk in user_ids}
    ids = [a.pk for a in assignments]
    submissions = {
        (s.trainee_id, s.assignment_id): s
        for s in Submission.objects.filter(assignment_id__in=ids, trainee_id__in=user_ids)
        .filter(versions__isnull=False)
        .select_related("assignment")
        .distinct()
    }
    outcomes: dict[int, DefenceOutcome] = {}
    for outcome in DefenceOutcome.objects.filter(submission__in=list(submissions.values())).order_by(
        "recorded_at", "pk"
    ):
        outcomes[outcome.submission_id] = outcome  # the latest wins
    slots: dict[tuple[int, int], datetime] = {}
    booked = DefenceSlot.objects.filter(
        session__assignment_id__in=ids, trainee_id__in=user_ids, outcome__isnull=True
    ).values_list("trainee_id", "session__assignment_id", "starts_at")
    for trainee_id, assignment_id, starts_at in booked.order_by("starts_at"):
        slots.setdefault((trainee_id, assignment_id), starts_at)

    result: dict[int, list[PracticeStanding]] = {}
    for pk in user_ids:
        rows = []
        for assignment in assignments:
            submission = submissions.get((pk, assignment.pk))
            if submission is None:
                rows.append(PracticeStanding(assignment=assignment))
                continue
            released = submission.state == SubmissionState.RELEASED and submission.released_at is not None
            outcome = outcomes.get(submission.pk)
            rows.append(
                PracticeStanding(
                    assignment=assignment,
                    submitted=True,
                    reviewed=submission.state in REVIEWED_STATES,
                    released=released,
                    score=submission.final_score if released else None,
                    max_score=submission.max_score if released else None,
                    report_passed=released and _report_passed(submission),
                    defence_at=slots.get((pk, assignment.pk)),
                    defence_result=outcome.result if outcome and released else None,
                    defence_held=outcome is not None,
                )
            )
        result[pk] = rows
    return result


def _report_passed(submission: Submission) -> bool:
    if submission.passed is not None:
        return submission.passed
    percent = submission.percent
    return percent is not None and percent >= submission.assignment.pass_mark
