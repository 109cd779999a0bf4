"""Writes of the defence (答辩): sessions and their slots, scheduling, swaps, scoring, the outcome.

Who may do what, checked here (not in the views):

- a registrar creates a session (its slots, a room or an online link, the panel); with a room and a
  cohort, the session gets an offline session of that cohort, so checking in at the defence is the
  ordinary check-in (``courses.services.attendance``): the same QR screen, attendance and hours;
- a registrar or the panel's chair schedules trainees into slots, by hand or filling the free slots;
- a trainee swaps their slot for a free one of the same assignment until ``swap_hours_before``
  hours before either slot starts;
- each member of the session's panel (and its chair) scores the defence by the defence rubric, one
  criterion at a time, until the outcome is recorded;
- the chair records the outcome (pass, pass with revisions, fail) with reasons, once, after
  confirming; a reconciled submission then becomes ready for release.

Every act appends a ``PracticeEvent``. Refusals raise ``PracticeError`` with a message for the user;
nothing is changed then.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import roles
from core.guards import allowed_when, guarded, owner
from courses.guards import LEARNING_STAFF, REGISTRAR
from courses.models import Enrolment, OfflineSession
from courses.models.enrolments import PLACE_HOLDING
from courses.services.attendance import attendance_record_by_staff, offline_session_create
from courses.services.progress import ProgressError

from . import services
from .models import (
    DefenceOutcome,
    DefenceResult,
    DefenceScore,
    DefenceSession,
    DefenceSlot,
    PanelMember,
    PracticalAssignment,
    PracticeAction,
    ReviewPanel,
    Submission,
)
from .services import PracticeError

TWO_PLACES = Decimal("0.01")
MAX_SLOTS = 60


def _event(*, session: DefenceSession, action, actor, submission=None, detail=None) -> None:
    services._event(
        assignment=session.assignment, action=action, actor=actor, submission=submission, detail=detail
    )


def _submission(session: DefenceSession, trainee_id) -> Submission | None:
    return Submission.objects.filter(assignment_id=session.assignment_id, trainee_id=trainee_id).first()


def is_chair(*, user, session: DefenceSession) -> bool:
    return bool(user and user.is_authenticated and user.is_active and session.panel.chair_id == user.pk)


def is_member(*, user, session: DefenceSession) -> bool:
    """A member of the session's panel, or its chair."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    return (
        is_chair(user=user, session=session)
        or PanelMember.objects.filter(panel_id=session.panel_id, user=user).exists()
    )


def can_schedule(*, user, session: DefenceSession) -> bool:
    return roles.is_registrar(user=user) or is_chair(user=user, session=session)


# --- Sessions ----------------------------------------------------------------------------------------


def _session_of(arguments) -> DefenceSession:
    return arguments["session"] if "session" in arguments else arguments["slot"].session


def _slot_trainee_id(arguments) -> int | None:
    # Read now, not from the caller's object: a slot the trainee has just swapped into is theirs.
    return (
        DefenceSlot.objects.filter(pk=arguments["from_slot"].pk).values_list("trainee_id", flat=True).first()
    )


# Who schedules (registrars, the session's chair), scores (its panel) and records the outcome (its chair):
# the bodies check again on the locked rows.
_SCHEDULER = allowed_when(
    lambda actor, arguments: can_schedule(user=actor, session=_session_of(arguments)),
    gettext_lazy("Only registrars and the panel's chair may schedule defences."),
    name="scheduler",
    needs_person=True,
)
_MEMBER = allowed_when(
    lambda actor, arguments: is_member(user=actor, session=_session_of(arguments)),
    gettext_lazy("Only the panel's members may score this defence."),
    name="panel member",
    needs_person=True,
)
_CHAIR = allowed_when(
    lambda actor, arguments: is_chair(user=actor, session=_session_of(arguments)),
    gettext_lazy("Only the panel's chair may record the outcome."),
    name="chair",
    needs_person=True,
)


@guarded(REGISTRAR)
@transaction.atomic
def defence_session_create(
    *,
    assignment: PracticalAssignment,
    panel: ReviewPanel,
    title: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    slot_minutes: int,
    room: str = "",
    online_link: str = "",
    swap_hours_before: int = 24,
    cohort=None,
    course=None,
    hours: Decimal | None = None,
    actor,
) -> DefenceSession:
    """Create a session cut into slots of ``slot_minutes`` from ``starts_at`` to ``ends_at``.
    Registrars only. A room needs a cohort: its offline session (of ``course``, else the assignment's
    course) takes the check-ins and credits ``hours`` (default: one slot's length) to who attends.
    Atomic, audited."""
    title, room, online_link = (title or "").strip(), (room or "").strip(), (online_link or "").strip()
    if not title:
        raise PracticeError(_("Give the session a title."), code="title")
    if not room and not online_link:
        raise PracticeError(_("Give a room or an online link."), code="where")
    if ends_at <= starts_at:
        raise PracticeError(_("The session must end after it starts."), code="times")
    if not slot_minutes or slot_minutes < 5 or slot_minutes > 240:
        raise PracticeError(_("A slot lasts between 5 and 240 minutes."), code="slot_minutes")
    count = int((ends_at - starts_at).total_seconds() // (slot_minutes * 60))
    if count < 1:
        raise PracticeError(_("The session is shorter than one slot."), code="slot_minutes")
    if count > MAX_SLOTS:
        raise PracticeError(
            _("A session has at most %(max)d slots; make the slots longer or the session shorter.")
            % {"max": MAX_SLOTS},
            code="slot_minutes",
        )
    offline = None
    if room:
        course = course or assignment.course
        if cohort is None or course is None:
            raise PracticeError(
                _("A defence in a room needs the cohort (and course) whose trainees check in."),
                code="cohort",
            )
        if hours is None:
            hours = (Decimal(slot_minutes) / 60).quantize(Decimal("0.1"))
        try:
            offline = offline_session_create(
                cohort=cohort,
                course=course,
                title=title,
                starts_at=starts_at,
                ends_at=ends_at,
                hours=hours,
                location=room,
                actor=actor,
            )
        except ProgressError as error:
            raise PracticeError(error.messages[0], code="offline") from error
    session = DefenceSession.objects.create(
        assignment=assignment,
        panel=panel,
        title=title[:200],
        room=room[:200],
        online_link=online_link,
        starts_at=starts_at,
        ends_at=ends_at,
        swap_hours_before=swap_hours_before,
        offline_session=offline,
    )
    step = datetime.timedelta(minutes=slot_minutes)
    DefenceSlot.objects.bulk_create(
        DefenceSlot(
            session=session, starts_at=starts_at + n * step, ends_at=starts_at + (n + 1) * step, sort_order=n
        )
        for n in range(count)
    )
    _event(
        session=session,
        action=PracticeAction.DEFENCE_BOOKED,
        actor=actor,
        detail={
            "session": session.pk,
            "created": True,
            "slots": count,
            "offline_session": getattr(offline, "pk", None),
        },
    )
    return session


# --- Scheduling --------------------------------------------------------------------------------------


def candidates(*, session: DefenceSession) -> list[Submission]:
    """Submissions of the session's assignment that may be scheduled: submitted, reviewed or in review,
    not already booked in a slot without an outcome, and (with a check-in cohort) of that cohort."""
    booked = DefenceSlot.objects.filter(
        session__assignment_id=session.assignment_id, trainee__isnull=False, outcome__isnull=True
    ).values("trainee_id")
    submissions = (
        Submission.objects.filter(assignment_id=session.assignment_id, versions__isnull=False)
        .exclude(trainee_id__in=booked)
        .exclude(defence_outcomes__result__in=[DefenceResult.PASS, DefenceResult.PASS_WITH_REVISIONS])
        .exclude(passed=False)
        .select_related("trainee")
        .distinct()
        .order_by("code")
    )
    if session.offline_session_id:
        cohort_id = session.offline_session.cohort_id
        submissions = submissions.filter(
            trainee__enrolments__cohort_id=cohort_id, trainee__enrolments__status__in=PLACE_HOLDING
        )
    return list(submissions)


def _check_trainee(session: DefenceSession, trainee) -> Submission:
    submission = (
        Submission.objects.filter(
            assignment_id=session.assignment_id, trainee=trainee, versions__isnull=False
        )
        .distinct()
        .first()
    )
    if submission is None:
        raise PracticeError(
            _("This trainee has not submitted a report for this assignment."), code="no_submission"
        )
    if (
        session.offline_session_id
        and not Enrolment.objects.filter(
            user=trainee, cohort_id=session.offline_session.cohort_id, status__in=PLACE_HOLDING
        ).exists()
    ):
        raise PracticeError(_("This trainee is not enrolled in the session's cohort."), code="cohort")
    return submission


@guarded(_SCHEDULER)
@transaction.atomic
def defence_slot_assign(
    *, slot: DefenceSlot, trainee, actor, now: datetime.datetime | None = None
) -> DefenceSlot:
    """Put ``trainee`` in ``slot`` (registrar or chair). The slot must be free and without an outcome;
    a trainee already in another open slot of the assignment is moved. Atomic, audited."""
    now = now or timezone.now()
    slot = (
        DefenceSlot.objects.select_for_update(of=("self",))
        .select_related("session__panel", "session__assignment")
        .get(pk=slot.pk)
    )
    session = slot.session
    if not can_schedule(user=actor, session=session):
        raise PracticeError(
            _("Only registrars and the panel's chair may schedule defences."), code="forbidden"
        )
    if slot.trainee_id == trainee.pk:
        return slot
    if slot.trainee_id is not None:
        raise PracticeError(_("This slot is taken."), code="taken")
    submission = _check_trainee(session, trainee)
    previous = list(
        DefenceSlot.objects.select_for_update(of=("self",))
        .filter(session__assignment_id=session.assignment_id, trainee=trainee, outcome__isnull=True)
        .exclude(pk=slot.pk)
    )
    # Scores belong to whoever sits in the slot: a scored defence is never moved away from them.
    if DefenceScore.objects.filter(slot__in=previous).exists():
        raise PracticeError(_("This defence has been scored; its slot cannot be freed."), code="scored")
    for old in previous:
        old.trainee, old.booked_at = None, None
        old.save(update_fields=["trainee", "booked_at"])
    slot.trainee, slot.booked_at = trainee, now
    slot.save(update_fields=["trainee", "booked_at"])
    _event(
        session=session,
        action=PracticeAction.DEFENCE_BOOKED,
        actor=actor,
        submission=submission,
        detail={"session": session.pk, "slot": slot.pk, "moved_from": [old.pk for old in previous]},
    )
    return slot


@guarded(_SCHEDULER)
@transaction.atomic
def defence_slot_unassign(*, slot: DefenceSlot, actor) -> DefenceSlot:
    """Free a slot (registrar or chair) before its outcome is recorded. Audited."""
    slot = (
        DefenceSlot.objects.select_for_update(of=("self",))
        .select_related("session__panel", "session__assignment")
        .get(pk=slot.pk)
    )
    if not can_schedule(user=actor, session=slot.session):
        raise PracticeError(
            _("Only registrars and the panel's chair may schedule defences."), code="forbidden"
        )
    if DefenceOutcome.objects.filter(slot=slot).exists() or slot.scores.exists():
        raise PracticeError(_("This defence has been scored; its slot cannot be freed."), code="scored")
    if slot.trainee_id is None:
        return slot
    submission = _submission(slot.session, slot.trainee_id)
    trainee_id = slot.trainee_id
    slot.trainee, slot.booked_at = None, None
    slot.save(update_fields=["trainee", "booked_at"])
    _event(
        session=slot.session,
        action=PracticeAction.DEFENCE_BOOKED,
        actor=actor,
        submission=submission,
        detail={"session": slot.session_id, "slot": slot.pk, "freed": True, "trainee": trainee_id},
    )
    return slot


@guarded(_SCHEDULER)
def defence_autofill(*, session: DefenceSession, actor, now: datetime.datetime | None = None) -> int:
    """Fill the session's free slots, in order, with the candidates in code order (registrar or chair).
    Returns how many were scheduled."""
    if not can_schedule(user=actor, session=session):
        raise PracticeError(
            _("Only registrars and the panel's chair may schedule defences."), code="forbidden"
        )
    free = list(session.slots.filter(trainee__isnull=True).order_by("starts_at", "pk"))
    done = 0
    for slot, submission in zip(free, candidates(session=session), strict=False):
        defence_slot_assign(slot=slot, trainee=submission.trainee, actor=actor, now=now)
        done += 1
    return done


def swap_closes_at(slot: DefenceSlot) -> datetime.datetime:
    return slot.starts_at - datetime.timedelta(hours=slot.session.swap_hours_before)


@guarded(owner(_slot_trainee_id, name="the trainee", needs_person=True), actor="user")
@transaction.atomic
def defence_slot_swap(
    *, user, from_slot: DefenceSlot, to_slot: DefenceSlot, now: datetime.datetime | None = None
) -> DefenceSlot:
    """A trainee moves from their slot to a free slot of the same assignment, both still open for
    swaps (until ``swap_hours_before`` hours before each starts). Atomic: of two trainees taking the
    same free slot at once, one gets it and the other is told it is taken. Audited."""
    now = now or timezone.now()
    slots = {
        s.pk: s
        for s in DefenceSlot.objects.select_for_update(of=("self",))
        .select_related("session__assignment")
        .filter(pk__in=[from_slot.pk, to_slot.pk])
        .order_by("pk")
    }
    mine, wanted = slots.get(from_slot.pk), slots.get(to_slot.pk)
    if mine is None or wanted is None or mine.trainee_id != user.pk:
        raise PracticeError(_("This is not your defence slot."), code="forbidden")
    if mine.pk == wanted.pk:
        return mine
    if wanted.session.assignment_id != mine.session.assignment_id:
        raise PracticeError(_("You can only move to a slot of the same defence."), code="other_assignment")
    if DefenceOutcome.objects.filter(slot=mine).exists() or mine.scores.exists():
        raise PracticeError(_("Your defence has been held."), code="held")
    for slot in (mine, wanted):
        if now >= swap_closes_at(slot):
            raise PracticeError(
                _("Slots can no longer be changed less than %(hours)d hours before they start.")
                % {"hours": slot.session.swap_hours_before},
                code="too_late",
            )
    if wanted.trainee_id is not None:
        raise PracticeError(_("That slot has just been taken; choose another."), code="taken")
    wanted.trainee, wanted.booked_at = user, now
    wanted.save(update_fields=["trainee", "booked_at"])
    mine.trainee, mine.booked_at = None, None
    mine.save(update_fields=["trainee", "booked_at"])
    submission = _submission(mine.session, user.pk)
    _event(
        session=wanted.session,
        action=PracticeAction.DEFENCE_SWAPPED,
        actor=user,
        submission=submission,
        detail={"from": mine.pk, "to": wanted.pk},
    )
    return wanted


# --- Attendance ----------------------------------------------------------------------------------------


@guarded(LEARNING_STAFF)
def defence_check_in_by_staff(*, slot: DefenceSlot, actor):
    """Record that the slot's trainee attended, for one who could not scan: the offline session's
    attendance and hours, through the same service as any check-in recorded by staff (registrars and
    instructors). Idempotent, audited."""
    slot = DefenceSlot.objects.select_related(
        "session__assignment", "session__offline_session", "trainee"
    ).get(pk=slot.pk)
    session = slot.session
    if not session.offline_session_id:
        raise PracticeError(_("This defence is held online: there is no check-in."), code="online")
    if slot.trainee_id is None:
        raise PracticeError(_("No trainee is scheduled in this slot."), code="empty")
    try:
        attendance, created = attendance_record_by_staff(
            user=slot.trainee, session=session.offline_session, actor=actor
        )
    except ProgressError as error:
        raise PracticeError(error.messages[0], code="attendance") from error
    if created:
        _event(
            session=session,
            action=PracticeAction.DEFENCE_CHECKED_IN,
            actor=actor,
            submission=_submission(session, slot.trainee_id),
            detail={"slot": slot.pk, "attendance": attendance.pk},
        )
    return attendance, created


def attended_slot_ids(*, session: DefenceSession) -> set[int]:
    """Slots whose trainee has checked in to the session's offline session (by QR or by staff)."""
    if not session.offline_session_id:
        return set()
    present = set(session.offline_session.attendances.values_list("user_id", flat=True))
    return {slot.pk for slot in session.slots.all() if slot.trainee_id in present}


# --- Scores and outcome --------------------------------------------------------------------------------


def _criterion_points(value, criterion) -> Decimal:
    try:
        points = Decimal(str(value).strip()).quantize(TWO_PLACES)
    except (ArithmeticError, ValueError, TypeError) as error:
        raise PracticeError(
            _("%(criterion)s: enter a number of points.") % {"criterion": criterion.name}, code="points"
        ) from error
    if not points.is_finite() or points < 0 or points > criterion.max_points:
        raise PracticeError(
            _("%(criterion)s: the score must be between 0 and %(max)s points.")
            % {"criterion": criterion.name, "max": criterion.max_points},
            code="points",
        )
    return points


@guarded(_MEMBER, actor="member")
@transaction.atomic
def defence_score_save(
    *, slot: DefenceSlot, member, criterion_id: int, points=None, comment: str | None = None
) -> DefenceScore:
    """Save one criterion of ``member``'s score of the defence in ``slot`` (each change as it is
    made, from a phone). Panel members and the chair of the session only, before the outcome is
    recorded; the trainee scheduled. Atomic, audited."""
    slot = (
        DefenceSlot.objects.select_for_update(of=("self",))
        .select_related("session__panel", "session__assignment")
        .get(pk=slot.pk)
    )
    session = slot.session
    if not is_member(user=member, session=session):
        raise PracticeError(_("Only the panel's members may score this defence."), code="forbidden")
    if slot.trainee_id is None:
        raise PracticeError(_("No trainee is scheduled in this slot."), code="empty")
    if DefenceOutcome.objects.filter(slot=slot).exists():
        raise PracticeError(_("The outcome has been recorded; scores can no longer change."), code="closed")
    submission = _submission(session, slot.trainee_id)
    if submission is not None:
        services.refuse_in_conflict(user=member, submission=submission)
    criteria = list(session.assignment.defence_criteria.all())
    criterion = next((c for c in criteria if c.pk == criterion_id), None)
    if criterion is None:
        raise PracticeError(_("This criterion is not in the defence rubric."), code="criterion")
    score, _created = DefenceScore.objects.get_or_create(
        slot=slot, member=member, defaults={"criteria": [], "total": Decimal("0")}
    )
    rows = {row["criterion"]: row for row in score.criteria}
    row = rows.get(criterion.pk) or {
        "criterion": criterion.pk,
        "name": criterion.name,
        "name_en": criterion.name_en,
        "max_points": str(criterion.max_points),
        "points": None,
        "comment": "",
    }
    if points is not None and str(points).strip() != "":
        row["points"] = str(_criterion_points(points, criterion))
    if comment is not None:
        row["comment"] = comment.strip()[:2000]
    rows[criterion.pk] = row
    order = {c.pk: n for n, c in enumerate(criteria)}
    score.criteria = sorted(rows.values(), key=lambda r: order.get(r["criterion"], 999))
    score.total = sum((Decimal(r["points"]) for r in score.criteria if r["points"] is not None), Decimal("0"))
    score.save(update_fields=["criteria", "total"])
    _event(
        session=session,
        action=PracticeAction.DEFENCE_SCORED,
        actor=member,
        submission=submission,
        detail={"slot": slot.pk, "criterion": criterion.pk, "points": row["points"]},
    )
    return score


def score_complete(score: DefenceScore, criteria) -> bool:
    given = {row["criterion"] for row in score.criteria if row.get("points") is not None}
    return all(c.pk in given for c in criteria)


def defence_mean(*, slot: DefenceSlot) -> tuple[Decimal | None, Decimal]:
    """The mean of the complete panel scores of a defence, and the rubric's maximum."""
    criteria = list(slot.session.assignment.defence_criteria.all())
    maximum = sum((c.max_points for c in criteria), Decimal("0"))
    totals = [s.total for s in slot.scores.all() if score_complete(s, criteria)]
    if not totals:
        return None, maximum
    return (sum(totals, Decimal("0")) / len(totals)).quantize(TWO_PLACES), maximum


@guarded(_CHAIR, actor="chair")
@transaction.atomic
def defence_outcome_record(
    *, slot: DefenceSlot, chair, result: str, reasons: str, confirmed: bool
) -> DefenceOutcome:
    """The chair records the defence's outcome with the reasons, after confirming. Once per slot.
    A reconciled submission becomes ready for release. Atomic, audited."""
    slot = (
        DefenceSlot.objects.select_for_update(of=("self",))
        .select_related("session__panel", "session__assignment")
        .get(pk=slot.pk)
    )
    session = slot.session
    if not is_chair(user=chair, session=session):
        raise PracticeError(_("Only the panel's chair may record the outcome."), code="forbidden")
    if result not in DefenceResult.values:
        raise PracticeError(_("Choose pass, pass with revisions or fail."), code="result")
    reasons = (reasons or "").strip()
    if not reasons:
        raise PracticeError(_("Give the reasons for the outcome."), code="reasons")
    if not confirmed:
        raise PracticeError(
            _("Confirm the outcome first: it cannot be changed once recorded."), code="confirm"
        )
    if slot.trainee_id is None:
        raise PracticeError(_("No trainee is scheduled in this slot."), code="empty")
    if DefenceOutcome.objects.filter(slot=slot).exists():
        raise PracticeError(_("The outcome of this defence has already been recorded."), code="recorded")
    submission = _submission(session, slot.trainee_id)
    if submission is None:
        raise PracticeError(
            _("This trainee has not submitted a report for this assignment."), code="no_submission"
        )
    score, maximum = defence_mean(slot=slot)
    if result != DefenceResult.FAIL:
        _pass_allowed(score=score, maximum=maximum, mark=session.assignment.defence_pass_mark)
    outcome = DefenceOutcome.objects.create(
        slot=slot,
        submission=submission,
        result=result,
        score=score,
        reasons=reasons[:10000],
        recorded_by=chair,
    )
    _event(
        session=session,
        action=PracticeAction.DEFENCE_OUTCOME,
        actor=chair,
        submission=submission,
        detail={"slot": slot.pk, "result": result, "score": None if score is None else str(score)},
    )
    services.submission_defence_concluded(submission=submission, actor=chair)
    return outcome


def _pass_allowed(*, score: Decimal | None, maximum: Decimal, mark: Decimal) -> None:
    """A pass (with or without revisions) needs the panel's mean score, of complete score sheets, at
    or above the assignment's defence pass mark (a percentage of the rubric's maximum); a fail needs
    neither. Raises PracticeError saying which is missing."""
    if score is None or not maximum:
        raise PracticeError(
            _("No panel member has scored every criterion yet: a pass needs the panel's score."),
            code="unscored",
        )
    percent = (score * 100 / maximum).quantize(TWO_PLACES)
    if percent < mark:
        raise PracticeError(
            _(
                "The panel's mean score, %(score)s of %(maximum)s (%(percent)s%%), is below the defence "
                "pass mark of %(mark)s%%: the outcome can only be a fail."
            )
            % {"score": score, "maximum": maximum, "percent": percent, "mark": mark},
            code="below_mark",
        )


# --- Reads for the pages -----------------------------------------------------------------------------


def sessions_for_member(*, user):
    """Defence sessions whose panel ``user`` sits on (or chairs), soonest first."""
    if not user or not user.is_authenticated:
        return DefenceSession.objects.none()
    panels = PanelMember.objects.filter(user=user).values("panel_id")
    return (
        DefenceSession.objects.filter(Q(panel_id__in=panels) | Q(panel__chair=user))
        .select_related("assignment", "panel")
        .distinct()
        .order_by("starts_at", "pk")
    )


def slots_for_trainee(*, user):
    return (
        DefenceSlot.objects.filter(trainee=user)
        .select_related("session__assignment", "session__offline_session", "outcome")
        .order_by("starts_at")
    )


def free_slots_for(*, slot: DefenceSlot, now: datetime.datetime | None = None) -> list[DefenceSlot]:
    """Free slots of the same assignment a trainee may still move to."""
    now = now or timezone.now()
    free = (
        DefenceSlot.objects.filter(session__assignment_id=slot.session.assignment_id, trainee__isnull=True)
        .exclude(pk=slot.pk)
        .select_related("session")
        .order_by("starts_at", "pk")
    )
    return [s for s in free if now < swap_closes_at(s)]


def offline_session_of(session: DefenceSession) -> OfflineSession | None:
    return session.offline_session
