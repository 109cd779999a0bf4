"""Reads of sittings (考试场次): whose sitting it is, when they may enter, who is expected, the admin's counts.

The rules a paper with sittings is sat by:

- It is sat only in a sitting of one of the trainee's cohorts; a trainee with none is refused.
- Before ``opens_at`` the trainee waits (the waiting room); the server refuses an early start.
- From ``opens_at`` until entry closes (``entry_closes_at``, else ``closes_at``, else the paper's
  close) the trainee may start; later arrivals are refused.
- The deadline runs from the trainee's own start (time limit + extra time), capped by the
  sitting's ``closes_at`` and the paper's: a late arrival has less time only if the sitting closes
  first. Set ``closes_at`` to the sitting's end (leaving room for extra time) to have one end for all.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Exists, IntegerField, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from courses.models import Enrolment
from courses.models.enrolments import PLACE_HOLDING

from .models import Attempt, AttemptStatus, ExamPaper, Sitting


def _when(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "Y-m-d H:i")


@dataclass(frozen=True)
class SittingEntry:
    """The trainee's sitting of a paper and whether they may start now."""

    sitting: (
        Sitting | None
    )  # the one open for entry, else the next one, else the last one; None: none is theirs
    phase: str  # "none" (no sitting for them), "waiting", "open" or "over"
    refusal: str | None  # why they may not start now, in their language; None while entry is open

    @property
    def can_start(self) -> bool:
        return self.refusal is None


def sitting_entry(*, user, paper: ExamPaper, now: datetime | None = None) -> SittingEntry | None:
    """Where ``user`` stands with the sittings of ``paper``; None if the paper has none (sat any time
    in its window, as before sittings). One query."""
    now = now or timezone.now()
    in_cohort = Enrolment.objects.filter(cohort_id=OuterRef("cohort_id"), user=user, status__in=PLACE_HOLDING)
    every = list(
        Sitting.objects.filter(paper=paper).annotate(mine=Exists(in_cohort)).order_by("opens_at", "pk")
    )
    return entry_from(every=every, paper=paper, now=now)


def entry_from(*, every: list[Sitting], paper: ExamPaper, now: datetime) -> SittingEntry | None:
    """``sitting_entry``'s rules over the paper's sittings read elsewhere (the start's single read),
    by opening time, each marked ``mine`` if the trainee holds a place in its cohort."""
    if not every:
        return None
    sittings = [sitting for sitting in every if sitting.mine]
    if not sittings:
        return SittingEntry(
            None, "none", _("This exam is sat in scheduled sittings, and none is scheduled for you.")
        )
    for sitting in sittings:
        sitting.paper = paper  # loaded already
    for sitting in sittings:
        closes = sitting.entry_closes or paper.closes_at
        if closes is not None and now >= closes:
            continue
        if now < sitting.opens_at:
            return SittingEntry(
                sitting, "waiting", _("The exam opens at %(time)s.") % {"time": _when(sitting.opens_at)}
            )
        return SittingEntry(sitting, "open", None)
    last = sittings[-1]
    closed = last.entry_closes or paper.closes_at
    return SittingEntry(last, "over", _("Entry to this exam closed at %(time)s.") % {"time": _when(closed)})


def expected_examinees(*, sitting: Sitting) -> set[int]:
    """Ids of the users a paper is prepared for: holding a place in the sitting's cohort, with an
    attempt left at the paper and none in progress. Three queries.

    Whether they have completed the course (a paper that asks for it) is checked when they start:
    they may complete it until the sitting opens.
    """
    paper = sitting.paper
    members = set(
        Enrolment.objects.filter(cohort_id=sitting.cohort_id, status__in=PLACE_HOLDING).values_list(
            "user_id", flat=True
        )
    )
    if not members:
        return set()
    attempts = Attempt.objects.filter(paper=paper, user_id__in=members)
    used_up = attempts.values("user_id").annotate(used=Max("number")).filter(used__gte=paper.max_attempts)
    busy = attempts.filter(status=AttemptStatus.IN_PROGRESS)
    return (
        members - set(used_up.values_list("user_id", flat=True)) - set(busy.values_list("user_id", flat=True))
    )


def users_with_papers(*, sitting: Sitting) -> set[int]:
    """Ids of the users who have a paper in the sitting: prepared, or started (any status)."""
    return set(Attempt.all_objects.filter(sitting=sitting).values_list("user_id", flat=True))


def sittings_with_counts() -> QuerySet[Sitting]:
    """Sittings for the admin's list, each with ``expected`` (places held in the cohort), ``assembled``
    (papers prepared or started), ``started`` and ``submitted``. One query."""
    places = (
        Enrolment.objects.filter(cohort_id=OuterRef("cohort_id"), status__in=PLACE_HOLDING)
        .order_by()
        .values("cohort_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    started = ~Q(attempts__status=AttemptStatus.PREPARED)
    submitted = Q(attempts__status__in=[AttemptStatus.GRADING, AttemptStatus.COMPLETED])
    return Sitting.objects.select_related("paper", "cohort").annotate(
        expected=Coalesce(Subquery(places, output_field=IntegerField()), 0),
        assembled=Count("attempts"),
        started=Count("attempts", filter=started),
        submitted=Count("attempts", filter=submitted),
    )


def sittings_to_enter(*, now: datetime) -> QuerySet[Sitting]:
    """Sittings whose entry has not closed (open or still to open), with their paper."""
    entry_open = (
        Q(entry_closes_at__gt=now)
        | Q(entry_closes_at__isnull=True, closes_at__gt=now)
        | Q(entry_closes_at__isnull=True, closes_at__isnull=True)
    )
    return Sitting.objects.filter(entry_open).select_related("paper")


def sittings_due(*, now: datetime, ahead) -> QuerySet[Sitting]:
    """Sittings opening within ``ahead`` (a timedelta) whose entry has not closed: what the sweep assembles."""
    return sittings_to_enter(now=now).filter(opens_at__lte=now + ahead)


def stale_prepared(*, now: datetime) -> QuerySet[Attempt]:
    """Prepared papers nobody can start any more: their sitting is gone or its entry has closed."""
    over = Q(sitting__entry_closes_at__lte=now) | Q(
        sitting__entry_closes_at__isnull=True, sitting__closes_at__lte=now
    )
    return Attempt.all_objects.filter(Q(sitting__isnull=True) | over, status=AttemptStatus.PREPARED)


def waiting_room(*, entry: SittingEntry, user) -> dict:
    """What the waiting room shows: the sitting, the trainee's room (if seated), the clock and the rules."""
    sitting = entry.sitting
    prepared = (
        Attempt.all_objects.filter(sitting=sitting, user=user, status=AttemptStatus.PREPARED)
        .select_related("room")
        .only("room__name")
        .first()
    )
    return {
        "paper": sitting.paper,
        "sitting": sitting,
        "entry": entry,
        "room": prepared.room if prepared else None,
        "entry_closes": sitting.entry_closes or sitting.paper.closes_at,
        "clock": {
            "server_now": timezone.now().isoformat(),
            "opens_at": sitting.opens_at.isoformat(),
            "open": entry.phase == "open",
        },
    }
