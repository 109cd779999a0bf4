"""Writes of the practical assessment: versions, extensions, reviewer assignment, reviews,
reconciliation and release (see courses.practice.models).

Each service checks who may call it and appends a ``PracticeEvent`` for every official act, in the
same transaction. A refusal raises ``PracticeError`` with a message in the user's language and
changes nothing. Changes of a submission lock its row first, so two reviews arriving together, a
double-clicked release or an upload racing the assignment of reviewers end in one outcome.
"""

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.guards import SELF, allowed_when, guarded, owner
from courses.guards import REGISTRAR
from courses.signals import Reason, learning_progressed_send

from . import files, selectors
from .models import (
    Extension,
    OverMarginAction,
    PanelMember,
    PracticalAssignment,
    PracticeAction,
    PracticeEvent,
    Reconciliation,
    Review,
    ReviewAssignment,
    ReviewAssignmentState,
    Submission,
    SubmissionAttachment,
    SubmissionState,
    SubmissionVersion,
)

logger = logging.getLogger(__name__)
TWO_PLACES = Decimal("0.01")
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read aloud and typed without doubt

DECLARATION_TEXT = (
    "本人郑重声明：所提交的实务报告是本人独立完成的工作成果，引用他人成果均已注明出处，"
    "不含任何抄袭、剽窃或由他人代写的内容。如有不实，愿承担相应责任。\n"
    "I declare that this report is my own work: every use of the work of others is acknowledged, "
    "and no part of it was copied or written by anyone else. I accept the consequences if this is untrue."
)


class PracticeError(Exception):
    """A refusal with a message for the user, in their language. Nothing was changed."""

    def __init__(self, message: str, *, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.code = code


def _event(
    *,
    assignment: PracticalAssignment,
    action: PracticeAction,
    actor,
    submission: Submission | None = None,
    detail: dict | None = None,
    ip: str | None = None,
) -> PracticeEvent:
    # Audit: ids, codes and numbers only, never a trainee's name or employer.
    return PracticeEvent.objects.create(
        assignment=assignment,
        submission=submission,
        action=action,
        actor=actor if actor is not None and actor.is_authenticated else None,
        detail=detail or {},
        ip=ip,
    )


def _chair_of_submission(actor, arguments) -> bool:
    return selectors.is_panel_chair(user=actor, assignment=arguments["submission"].assignment)


# Registrars run the practical assessment (selectors.can_manage); the chair reconciles and concludes.
_CHAIR = allowed_when(
    _chair_of_submission, gettext_lazy("Only the panel's chair may do this."), name="chair", needs_person=True
)
_REVIEWER = owner(
    lambda arguments: arguments["review_assignment"].reviewer_id, name="the reviewer", needs_person=True
)


def _locked_submission(submission_id: int) -> Submission:
    # Only the submission's row: the assignment and its panel are read, not locked.
    return (
        Submission.objects.select_for_update(of=("self",), no_key=True)
        .select_related("assignment", "assignment__panel")
        .get(pk=submission_id)
    )


def _new_code() -> str:
    return "P-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(4))


# --- Extensions ----------------------------------------------------------------------------------


@guarded(REGISTRAR)
@transaction.atomic
def extension_grant(
    *, assignment: PracticalAssignment, trainee, due_at: datetime, reason: str, actor
) -> Extension:
    """Give ``trainee`` a later due date (replacing an earlier extension). Registrars only; a reason is
    required; the due date must be after the assignment's. Atomic, audited."""
    reason = (reason or "").strip()
    if not reason:
        raise PracticeError(_("Give the reason for the extension."), code="reason_required")
    if due_at <= assignment.due_at:
        raise PracticeError(_("The new due date must be after the assignment's due date."), code="too_early")
    if Submission.objects.filter(
        assignment=assignment, trainee=trainee, reviewed_version__isnull=False
    ).exists():
        raise PracticeError(_("This submission is already with reviewers."), code="in_review")
    extension, _created = Extension.objects.update_or_create(
        assignment=assignment,
        trainee=trainee,
        defaults={"due_at": due_at, "reason": reason, "granted_by": actor},
    )
    _event(
        assignment=assignment,
        action=PracticeAction.EXTENSION_GRANTED,
        actor=actor,
        submission=selectors.submission_of(assignment=assignment, trainee=trainee),
        detail={"trainee": trainee.pk, "due_at": due_at.isoformat()},
    )
    return extension


# --- Submitting a version ------------------------------------------------------------------------


def _submission_for(*, assignment: PracticalAssignment, trainee) -> Submission:
    """The trainee's submission, created with a fresh anonymous code the first time, locked."""
    existing = Submission.objects.select_for_update().filter(assignment=assignment, trainee=trainee).first()
    if existing is not None:
        return existing
    for _attempt in range(20):
        try:
            with transaction.atomic():
                return Submission.objects.create(assignment=assignment, trainee=trainee, code=_new_code())
        except IntegrityError:
            # A code taken already (retry), or the trainee's other tab created it: take that one.
            existing = (
                Submission.objects.select_for_update().filter(assignment=assignment, trainee=trainee).first()
            )
            if existing is not None:
                return existing
    raise RuntimeError("no free anonymous code after 20 tries")


@guarded(SELF, actor="trainee")
def version_submit(
    *,
    assignment: PracticalAssignment,
    trainee,
    report,
    attachments: list | tuple = (),
    declaration_signed: bool,
    ip: str | None = None,
    now: datetime | None = None,
) -> SubmissionVersion:
    """Submit a new version of the trainee's report (and attachments); the version is frozen.

    The trainee themself only, on a published assignment they may take, until their due date (their
    extension's if any) and then as the late policy says, while no reviewer has it. The originality
    declaration must be signed. Every file is checked by its content (``files.inspect_upload``) and
    the report's words against the limits before anything is written; a refusal raises
    PracticeError and saves nothing. Atomic, audited.
    """
    now = now or timezone.now()
    if not selectors.can_take(user=trainee, assignment=assignment):
        raise PracticeError(_("This assignment is not open to you."), code="forbidden")
    if not declaration_signed:
        raise PracticeError(_("Sign the originality declaration to submit."), code="declaration_required")
    late = selectors.lateness(assignment=assignment, trainee=trainee, at=now)
    if late.refused:
        raise PracticeError(
            _("The due date has passed: this assignment no longer accepts submissions."), code="closed"
        )
    if report is None:
        raise PracticeError(_("Choose the report file to upload."), code="no_file")
    attachments = [upload for upload in attachments if upload]
    if len(attachments) > assignment.max_attachments:
        raise PracticeError(
            _("At most %(n)s attachments are allowed.") % {"n": assignment.max_attachments},
            code="too_many_attachments",
        )
    try:
        checked = files.inspect_upload(
            report, allowed_kinds=assignment.allowed_kinds, max_bytes=assignment.max_file_bytes
        )
        checked_attachments = [
            files.inspect_upload(
                upload, allowed_kinds=assignment.allowed_kinds, max_bytes=assignment.max_file_bytes
            )
            for upload in attachments
        ]
    except files.UploadRefused as refused:
        logger.info(
            "practice upload refused: assignment %s trainee %s: %s", assignment.pk, trainee.pk, refused.code
        )
        raise PracticeError(refused.message, code=refused.code) from refused
    if assignment.word_min is not None and checked.word_count < assignment.word_min:
        raise PracticeError(
            _("The report has %(count)s words; at least %(min)s are required.")
            % {"count": checked.word_count, "min": assignment.word_min},
            code="too_few_words",
        )
    if assignment.word_max is not None and checked.word_count > assignment.word_max:
        raise PracticeError(
            _("The report has %(count)s words; at most %(max)s are allowed.")
            % {"count": checked.word_count, "max": assignment.word_max},
            code="too_many_words",
        )
    saved: list = []
    try:
        with transaction.atomic():
            submission = _submission_for(assignment=assignment, trainee=trainee)
            if submission.reviewed_version_id or submission.state != SubmissionState.NOT_MARKED:
                raise PracticeError(_("Your report is already with the reviewers."), code="in_review")
            number = (
                submission.versions.order_by("-number").values_list("number", flat=True).first() or 0
            ) + 1
            version = SubmissionVersion(
                submission=submission,
                number=number,
                submitted_at=now,
                original_name=_display_name(report),
                kind=checked.kind,
                content_type=checked.content_type,
                size=checked.size,
                sha256=checked.sha256,
                word_count=checked.word_count,
                declaration_text=DECLARATION_TEXT,
                declaration_signed_at=now,
                declaration_ip=ip,
                late=late.late,
                days_late=late.days_late,
                penalty=late.penalty,
            )
            version.file.save(f"report.{checked.kind}", ContentFile(checked.data), save=False)
            saved.append(version.file.name)
            version.save()
            for position, (upload, inspected) in enumerate(
                zip(attachments, checked_attachments, strict=True), start=1
            ):
                attachment = SubmissionAttachment(
                    version=version,
                    position=position,
                    original_name=_display_name(upload),
                    kind=inspected.kind,
                    content_type=inspected.content_type,
                    size=inspected.size,
                    sha256=inspected.sha256,
                )
                attachment.file.save(f"attachment.{inspected.kind}", ContentFile(inspected.data), save=False)
                saved.append(attachment.file.name)
                attachment.save()
            _event(
                assignment=assignment,
                action=PracticeAction.VERSION_SUBMITTED,
                actor=trainee,
                submission=submission,
                detail={
                    "version": number,
                    "sha256": checked.sha256,
                    "words": checked.word_count,
                    "late": late.late,
                    "days_late": late.days_late,
                    "attachments": len(checked_attachments),
                },
                ip=ip,
            )
    except BaseException:
        for name in saved:  # the rows were rolled back: leave no orphan file behind
            SubmissionVersion.file.field.storage.delete(name)
        raise
    return version


def _display_name(upload) -> str:
    name = str(getattr(upload, "name", "") or "")
    return name.replace("\\", "/").rsplit("/", 1)[-1][:255] or "report"


# --- Assigning reviewers -------------------------------------------------------------------------


def _choose_reviewers(*, submission: Submission, count: int, exclude: set[int]) -> list[int]:
    """``count`` panel members without a conflict with the trainee, fewest open reviews first, then
    by account id (deterministic). PracticeError when there are not enough."""
    assignment = submission.assignment
    members = list(
        PanelMember.objects.filter(panel_id=assignment.panel_id, user__is_active=True)
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()
    )
    candidates = [member for member in members if member not in exclude]
    conflicted = selectors.conflicted_reviewer_ids(trainee=submission.trainee, reviewer_ids=candidates)
    candidates = [member for member in candidates if member not in conflicted]
    loads = selectors.reviewer_loads(reviewer_ids=candidates)
    chosen = sorted(candidates, key=lambda member: (loads[member], member))[:count]
    if len(chosen) < count:
        raise PracticeError(
            _(
                "Submission %(code)s: only %(found)s reviewers of the panel are free of a conflict of interest; %(needed)s are needed."
            )
            % {"code": submission.code, "found": len(chosen), "needed": count},
            code="not_enough_reviewers",
        )
    return chosen


def _window_open(submission: Submission, now: datetime) -> bool:
    closes = selectors.closes_for(assignment=submission.assignment, trainee=submission.trainee)
    return closes is not None and now <= closes


@guarded(REGISTRAR)
@transaction.atomic
def submission_assign_reviewers(
    *, submission: Submission, actor, now: datetime | None = None
) -> list[ReviewAssignment]:
    """Give a submission to the panel's N reviewers (``reviewers_per_submission``), balanced and free of
    conflicts of interest; its latest version becomes the one reviewed and the trainee can no longer
    submit. Registrars only; only once the trainee's window has closed (a version accepted late,
    under a "flagged late" policy, stops at this moment). Atomic, audited."""
    now = now or timezone.now()
    submission = _locked_submission(submission.pk)
    assignment = submission.assignment
    if submission.state != SubmissionState.NOT_MARKED:
        raise PracticeError(
            _("Submission %(code)s already has reviewers.") % {"code": submission.code}, code="assigned"
        )
    if not assignment.panel_id:
        raise PracticeError(_("Choose the assignment's review panel first."), code="no_panel")
    if not assignment.criteria.exists():
        raise PracticeError(_("The assignment has no rubric."), code="no_rubric")
    latest = submission.versions.order_by("-number").first()
    if latest is None:
        raise PracticeError(
            _("Submission %(code)s has no version.") % {"code": submission.code}, code="no_version"
        )
    if _window_open(submission, now):
        raise PracticeError(
            _("Submission %(code)s may still be changed by its trainee until the due date.")
            % {"code": submission.code},
            code="window_open",
        )
    chosen = _choose_reviewers(
        submission=submission, count=assignment.reviewers_per_submission, exclude=set()
    )
    due_at = now + timedelta(days=assignment.review_days)
    made = [
        ReviewAssignment.objects.create(
            submission=submission, reviewer_id=reviewer_id, round=1, due_at=due_at, assigned_by=actor
        )
        for reviewer_id in chosen
    ]
    submission.reviewed_version = latest
    submission.state = SubmissionState.IN_REVIEW
    submission.max_score = assignment.max_points
    submission.late_penalty = latest.penalty
    submission.save(update_fields=["reviewed_version", "state", "max_score", "late_penalty", "updated_at"])
    _event(
        assignment=assignment,
        action=PracticeAction.REVIEWERS_ASSIGNED,
        actor=actor,
        submission=submission,
        detail={"reviewers": chosen, "version": latest.number, "code": submission.code},
    )
    return made


@dataclass
class AssignmentOutcome:
    assigned: list[str]  # codes
    refused: list[str]  # messages


@guarded(REGISTRAR)
def assignment_assign_reviewers(
    *, assignment: PracticalAssignment, actor, now: datetime | None = None
) -> AssignmentOutcome:
    """Assign reviewers to every unassigned submission of the assignment whose window has closed, in
    code order (each balanced against the ones before). Each submission in its own transaction; the
    refusals (a window still open, too few reviewers) are returned, the rest go ahead. Registrars only."""
    outcome = AssignmentOutcome(assigned=[], refused=[])
    pending = Submission.objects.filter(
        assignment=assignment, state=SubmissionState.NOT_MARKED, versions__isnull=False
    )
    for submission in pending.distinct().order_by("code"):
        try:
            submission_assign_reviewers(submission=submission, actor=actor, now=now)
        except PracticeError as error:
            outcome.refused.append(error.message)
        else:
            outcome.assigned.append(submission.code)
    return outcome


# --- Reviews ---------------------------------------------------------------------------------------


def _points(value, *, maximum: Decimal, name: str) -> Decimal:
    try:
        points = Decimal(str(value).strip()).quantize(TWO_PLACES)
    except (ArithmeticError, ValueError, TypeError) as error:
        raise PracticeError(
            _("%(criterion)s: enter a number of points.") % {"criterion": name}, code="points"
        ) from error
    if not points.is_finite() or points < 0 or points > maximum:
        raise PracticeError(
            _("%(criterion)s: the score must be between 0 and %(max)s points.")
            % {"criterion": name, "max": maximum},
            code="points",
        )
    return points


def rubric_scores(
    *, assignment: PracticalAssignment, scores: dict, criteria=None
) -> tuple[list[dict], Decimal]:
    """Check a score (and comment) for every criterion of the rubric: ``scores`` maps a criterion's
    id to ``(points, comment)``. Returns the stored form and the total. PracticeError if one is
    missing or out of bounds."""
    rows, total = [], Decimal("0")
    for criterion in criteria if criteria is not None else assignment.criteria.all():
        if criterion.pk not in scores:
            raise PracticeError(
                _("%(criterion)s: enter a score.") % {"criterion": criterion.name}, code="missing"
            )
        value, comment = scores[criterion.pk]
        if value is None or str(value).strip() == "":
            raise PracticeError(
                _("%(criterion)s: enter a score.") % {"criterion": criterion.name}, code="missing"
            )
        points = _points(value, maximum=criterion.max_points, name=criterion.name)
        rows.append(
            {
                "criterion": criterion.pk,
                "name": criterion.name,
                "name_en": criterion.name_en,
                "max_points": str(criterion.max_points),
                "points": str(points),
                "comment": (comment or "").strip()[:5000],
            }
        )
        total += points
    return rows, total


@guarded(_REVIEWER, actor="reviewer")
@transaction.atomic
def review_submit(
    *,
    review_assignment: ReviewAssignment,
    reviewer,
    scores: dict,
    comment: str = "",
    now: datetime | None = None,
) -> Review:
    """Record a reviewer's scores by criterion. The assigned reviewer only, once. When the round's
    reviews are all in, the submission moves on (``_after_reviews``). Atomic, audited."""
    submission = _locked_submission(review_assignment.submission_id)
    review_assignment = ReviewAssignment.objects.select_for_update().get(pk=review_assignment.pk)
    if review_assignment.reviewer_id != getattr(reviewer, "pk", None):
        raise PracticeError(_("This review is not assigned to you."), code="forbidden")
    if review_assignment.state != ReviewAssignmentState.ASSIGNED:
        raise PracticeError(_("You have already submitted this review."), code="done")
    if submission.state not in (SubmissionState.IN_REVIEW, SubmissionState.NEEDS_THIRD_REVIEW):
        raise PracticeError(_("This submission is no longer in review."), code="closed")
    refuse_in_conflict(user=reviewer, submission=submission)
    rows, total = rubric_scores(assignment=submission.assignment, scores=scores)
    review = Review.objects.create(
        assignment=review_assignment, criteria=rows, total=total, comment=(comment or "").strip()[:10000]
    )
    review_assignment.state = ReviewAssignmentState.SUBMITTED
    review_assignment.save(update_fields=["state"])
    _event(
        assignment=submission.assignment,
        action=PracticeAction.REVIEW_SUBMITTED,
        actor=reviewer,
        submission=submission,
        detail={"round": review_assignment.round, "total": str(total)},
    )
    _after_reviews(submission, now=now or timezone.now())
    return review


def _mean(rows_list: list[list[dict]]) -> tuple[list[dict], Decimal]:
    """Per-criterion mean of several reviews' rows (same rubric), and its total."""
    merged = []
    for position, first in enumerate(rows_list[0]):
        values = [Decimal(rows[position]["points"]) for rows in rows_list]
        mean = (sum(values) / len(values)).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
        merged.append(
            {key: first[key] for key in ("criterion", "name", "name_en", "max_points")}
            | {"points": str(mean)}
        )
    return merged, sum((Decimal(row["points"]) for row in merged), Decimal("0"))


def _after_reviews(submission: Submission, *, now: datetime) -> None:
    assignment = submission.assignment
    reviews = list(
        Review.objects.filter(assignment__submission=submission)
        .select_related("assignment")
        .order_by("assignment__round", "pk")
    )
    open_reviews = submission.review_assignments.filter(state=ReviewAssignmentState.ASSIGNED).exists()
    if open_reviews or len(reviews) < assignment.reviewers_per_submission:
        return
    margin = assignment.reconcile_margin
    totals = [review.total for review in reviews]
    if max(totals) - min(totals) <= margin:
        rows, total = _mean([review.criteria for review in reviews])
        _finalise(submission, rows=rows, total=total, how="mean")
        return
    if len(reviews) > assignment.reviewers_per_submission:
        # After a third review: the two closest reviews stand as their mean if within the margin.
        pairs = sorted(
            (
                (abs(a.total - b.total), i, j)
                for i, a in enumerate(reviews)
                for j, b in enumerate(reviews)
                if i < j
            ),
            key=lambda pair: pair[0],
        )
        gap, i, j = pairs[0]
        if gap <= margin:
            rows, total = _mean([reviews[i].criteria, reviews[j].criteria])
            _finalise(submission, rows=rows, total=total, how="closest_pair")
            return
        _to_chair(submission)
        return
    if assignment.over_margin == OverMarginAction.THIRD_REVIEW:
        try:
            chosen = _choose_reviewers(
                submission=submission, count=1, exclude={review.assignment.reviewer_id for review in reviews}
            )
        except PracticeError:
            _to_chair(submission)  # no free reviewer left for a third review
            return
        ReviewAssignment.objects.create(
            submission=submission,
            reviewer_id=chosen[0],
            round=2,
            due_at=now + timedelta(days=assignment.review_days),
        )
        submission.state = SubmissionState.NEEDS_THIRD_REVIEW
        submission.save(update_fields=["state", "updated_at"])
        _event(
            assignment=assignment,
            action=PracticeAction.THIRD_REVIEWER_ASSIGNED,
            actor=None,
            submission=submission,
            detail={"reviewer": chosen[0], "spread": str(max(totals) - min(totals))},
        )
        return
    _to_chair(submission)


def _to_chair(submission: Submission) -> None:
    submission.state = SubmissionState.RECONCILIATION
    submission.save(update_fields=["state", "updated_at"])


def _finalise(submission: Submission, *, rows: list[dict], total: Decimal, how: str, actor=None) -> None:
    """Set the reconciled score (less any late penalty, not below 0), pass or fail, and move on:
    ready for release, or reconciled awaiting the defence when one is required and the report passed."""
    assignment = submission.assignment
    final = max(total - submission.late_penalty, Decimal("0")).quantize(TWO_PLACES)
    submission.final_criteria = rows
    submission.final_score = final
    submission.max_score = assignment.max_points
    submission.passed = (
        bool(submission.max_score) and final * 100 / submission.max_score >= assignment.pass_mark
    )
    waits_for_defence = assignment.defence_required and submission.passed
    submission.state = SubmissionState.RECONCILED if waits_for_defence else SubmissionState.READY_FOR_RELEASE
    submission.save(
        update_fields=["final_criteria", "final_score", "max_score", "passed", "state", "updated_at"]
    )
    _event(
        assignment=assignment,
        action=PracticeAction.RECONCILED,
        actor=actor,
        submission=submission,
        detail={
            "how": how,
            "total": str(total),
            "penalty": str(submission.late_penalty),
            "final": str(final),
        },
    )


def refuse_in_conflict(*, user, submission: Submission) -> None:
    """Refuse a reviewer's, chair's or panel member's act on a trainee they are in conflict with
    (declared before or after they were assigned): the registrar assigns someone else."""
    if selectors.in_conflict(user=user, trainee=submission.trainee):
        raise PracticeError(
            _(
                "You have declared a conflict of interest with this report's author: you may not review, "
                "reconcile or score it. Ask the registrar to assign someone else."
            ),
            code="conflict",
        )


@guarded(_CHAIR, actor="chair")
@transaction.atomic
def reconciliation_record(*, submission: Submission, chair, scores: dict, reason: str) -> Reconciliation:
    """The panel chair's final scores for a submission whose reviews differ by more than the margin.
    The chair of the assignment's panel only; a reason is required. Atomic, audited."""
    submission = _locked_submission(submission.pk)
    assignment = submission.assignment
    if not selectors.is_panel_chair(user=chair, assignment=assignment):
        raise PracticeError(_("Only the panel's chair may reconcile."), code="forbidden")
    if submission.state != SubmissionState.RECONCILIATION:
        raise PracticeError(_("This submission does not await reconciliation."), code="state")
    refuse_in_conflict(user=chair, submission=submission)
    reason = (reason or "").strip()
    if not reason:
        raise PracticeError(_("Give the reason for the reconciled scores."), code="reason_required")
    rows, total = rubric_scores(assignment=assignment, scores=scores)
    reconciliation = Reconciliation.objects.create(
        submission=submission, chair=chair, criteria=rows, total=total, reason=reason[:10000]
    )
    _finalise(submission, rows=rows, total=total, how="chair", actor=chair)
    return reconciliation


@guarded(_CHAIR | REGISTRAR)
@transaction.atomic
def submission_defence_concluded(*, submission: Submission, actor) -> Submission:
    """A reconciled submission whose defence outcome has been recorded becomes ready for release.
    The panel's chair (recording the outcome) or a registrar (guarded); idempotent."""
    submission = _locked_submission(submission.pk)
    if submission.state == SubmissionState.RECONCILED:
        submission.state = SubmissionState.READY_FOR_RELEASE
        submission.save(update_fields=["state", "updated_at"])
    return submission


# --- Release ---------------------------------------------------------------------------------------


@guarded(REGISTRAR)
@transaction.atomic
def submission_release(
    *, submission: Submission, actor, confirmed: bool, now: datetime | None = None
) -> Submission:
    """Release a result to the trainee. Registrars only, after confirming; only a submission ready for
    release. Atomic, audited; releasing twice changes nothing the second time."""
    if not confirmed:
        raise PracticeError(_("Confirm the release first."), code="confirm")
    submission = _locked_submission(submission.pk)
    if submission.state == SubmissionState.RELEASED:
        return submission
    if submission.state != SubmissionState.READY_FOR_RELEASE:
        raise PracticeError(
            _("Submission %(code)s is not ready for release.") % {"code": submission.code}, code="not_ready"
        )
    submission.state = SubmissionState.RELEASED
    submission.released_at = now or timezone.now()
    submission.released_by = actor
    submission.save(update_fields=["state", "released_at", "released_by", "updated_at"])
    _event(
        assignment=submission.assignment,
        action=PracticeAction.RELEASED,
        actor=actor,
        submission=submission,
        detail={"final": str(submission.final_score), "passed": submission.passed},
    )
    learning_progressed_send(
        sender=Submission, user_id=submission.trainee_id, reason=Reason.PRACTICE_RELEASED
    )
    return submission


@guarded(REGISTRAR)
def assignment_release_ready(*, assignment: PracticalAssignment, actor, confirmed: bool) -> list[Submission]:
    """Release every submission of the assignment that is ready. Registrars only, after confirming."""
    if not confirmed:
        raise PracticeError(_("Confirm the release first."), code="confirm")
    ready = Submission.objects.filter(
        assignment=assignment, state=SubmissionState.READY_FOR_RELEASE
    ).order_by("code")
    return [submission_release(submission=submission, actor=actor, confirmed=True) for submission in ready]


# --- Reviewers' copies ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewCopy:
    filename: str
    content_type: str
    data: bytes


def review_copy(*, submission: Submission, user, attachment_position: int | None = None) -> ReviewCopy:
    """The reviewed version's report (or one attachment) for a reviewer of the submission (or the
    panel's chair while it awaits reconciliation): named by the anonymous code and, on a blind
    assignment, without its metadata. Audited."""
    assignment = submission.assignment
    reviews_it = ReviewAssignment.objects.filter(
        submission=submission, reviewer_id=getattr(user, "pk", None)
    ).exclude(state=ReviewAssignmentState.WITHDRAWN)
    reconciles_it = submission.state == SubmissionState.RECONCILIATION and selectors.is_panel_chair(
        user=user, assignment=assignment
    )
    if not (reviews_it.exists() or reconciles_it) or submission.reviewed_version_id is None:
        raise PracticeError(_("This review is not assigned to you."), code="forbidden")
    refuse_in_conflict(user=user, submission=submission)
    version = submission.reviewed_version
    if attachment_position is None:
        stored, suffix = version, ""
    else:
        stored = version.attachments.filter(position=attachment_position).first()
        if stored is None:
            raise PracticeError(_("There is no such attachment."), code="not_found")
        suffix = f"-A{attachment_position}"
    with stored.file.open("rb") as handle:
        data = handle.read()
    if assignment.blind:
        data = files.strip_metadata(data=data, kind=stored.kind)
    _event(
        assignment=assignment,
        action=PracticeAction.FILE_DOWNLOADED,
        actor=user,
        submission=submission,
        detail={"version": version.number, "attachment": attachment_position},
    )
    return ReviewCopy(
        filename=f"{submission.code}{suffix}.{stored.kind}", content_type=stored.content_type, data=data
    )
