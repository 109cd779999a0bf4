"""Learning figures for the staff reports (cohort report, annual report), computed in the database.

Every function here runs a fixed number of queries whatever the number of trainees: counts, sums
and histogram buckets are aggregates (``annotate``/``aggregate``/``values``), never a loop over
rows. Exams add their figures in ``courses.exams.selectors``; certificates theirs in
``certification.reports.selectors``, which puts the reports together.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce
from operator import add

from django.db.models import (
    Case,
    Count,
    DateField,
    DateTimeField,
    DecimalField,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncWeek
from django.utils import timezone

from cms.choices import Level
from cms.models import CoursePage
from courses.models import Cohort, CourseCompletion, Enrolment, EnrolmentStatus, HoursEntry, HoursSource
from courses.models.enrolments import PLACE_HOLDING
from courses.selectors.cohorts import cohort_progress_courses
from courses.selectors.standing import (
    credited_gained,
    credited_hours_sql,
    format_hours,
    hours_required_for,
    percent_sql,
)

ZERO = Decimal("0")
HOURS = DecimalField(max_digits=12, decimal_places=3)
# Hours histogram: no hours at all, then quarters of the hours required, then the requirement met.
HOURS_SHARES = (Decimal("0.25"), Decimal("0.5"), Decimal("0.75"), Decimal("1"))
# A cohort's progress chart shows at most this many weeks (the latest ones).
MAX_WEEKS = 104
# Bounds before and after any ledger entry, for sums "up to" the first and "from" the last week.
_EARLIEST = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
_LATEST = datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC)


def cohort_member_ids(*, cohort: Cohort) -> QuerySet:
    """Ids of the trainees holding a place (enrolled or completed) in ``cohort``, as a subquery."""
    return Enrolment.objects.filter(cohort=cohort, status__in=PLACE_HOLDING).values("user_id")


def cohort_hours_required(*, cohort: Cohort, courses: list[CoursePage]) -> Decimal:
    """What a trainee of the cohort must earn: the program's required hours, else its courses' hours."""
    return hours_required_for(program=cohort.program if cohort.program_id else None, courses=courses)


@dataclass
class HoursBucket:
    label: str
    count: int


@dataclass
class WeekRow:
    week: datetime.date
    hours: Decimal = ZERO
    completed: int = 0


@dataclass
class CohortLearning:
    """Where a cohort's trainees stand: the enrolment funnel, their hours and progress week by week."""

    cohort: Cohort
    courses: list[CoursePage]
    hours_required: Decimal
    applied: int
    enrolled: int
    completed: int  # place holders who completed every course of the cohort (``standing``)
    waiting: int
    rejected: int
    withdrawn: int
    hours_total: Decimal
    hours_met: int
    hours_buckets: list[HoursBucket] = field(default_factory=list)
    weeks: list[WeekRow] = field(default_factory=list)

    @property
    def hours_mean(self) -> Decimal:
        if not self.enrolled:
            return ZERO
        return (self.hours_total / self.enrolled).quantize(Decimal("0.1"))


def _hours_labels(edges: list[Decimal]) -> list[str]:
    """Labels of the buckets: "0", then one per interval between the edges, then "≥ last edge"."""

    def fmt(value: Decimal) -> str:
        return format_hours(value, against=edges[-1])

    if not edges:
        return ["0", "> 0"]
    bounds = [ZERO, *edges]
    labels = ["0"]
    labels += [f"{fmt(low)}–{fmt(high)}" for low, high in zip(bounds, bounds[1:], strict=False)]
    labels.append(f"≥ {fmt(edges[-1])}")
    return labels


def _hours_per_member(*, cohort: Cohort, courses: list[CoursePage]) -> QuerySet[Enrolment]:
    """The cohort's place holders, each annotated with ``hours`` credited in the cohort's courses
    (``standing``: each course capped at its hours)."""
    return Enrolment.objects.filter(cohort=cohort, status__in=PLACE_HOLDING).annotate(
        hours=credited_hours_sql(courses=courses)
    )


def cohort_learning(*, cohort: Cohort, today: datetime.date | None = None) -> CohortLearning:
    """The learning half of the cohort report. Nine queries, whatever the cohort's size (the hours
    required ask the program's certificate rule)."""
    today = today or timezone.localdate()
    courses = cohort_progress_courses(cohorts=[cohort])[cohort.pk]
    keys = [c.translation_key for c in courses]
    required = cohort_hours_required(cohort=cohort, courses=courses)

    S = EnrolmentStatus
    counts = Enrolment.objects.filter(cohort=cohort).aggregate(
        applied=Count("pk", filter=~Q(status=S.INVITED)),
        enrolled=Count("pk", filter=Q(status__in=PLACE_HOLDING)),
        waiting=Count("pk", filter=Q(status__in=[S.PENDING, S.WAITLISTED])),
        rejected=Count("pk", filter=Q(status=S.REJECTED)),
        withdrawn=Count("pk", filter=Q(status=S.WITHDRAWN)),
    )

    members = _hours_per_member(cohort=cohort, courses=courses)
    # Exact edges: "met" means hours >= required as eligibility compares, never a rounded required.
    edges = [required * share for share in HOURS_SHARES] if required else []
    whens = [When(hours__lte=0, then=Value(0))]
    whens += [When(hours__lt=edge, then=Value(index + 1)) for index, edge in enumerate(edges)]
    by_bucket = dict(
        members.annotate(bucket=Case(*whens, default=Value(len(edges) + 1), output_field=IntegerField()))
        .values("bucket")
        .annotate(n=Count("pk"))
        .values_list("bucket", "n")
        .order_by()
    )
    buckets = [
        HoursBucket(label, by_bucket.get(index, 0)) for index, label in enumerate(_hours_labels(edges))
    ]

    # Completed: every course of the cohort completed (``standing``), as the roster and eligibility say.
    percent = percent_sql(courses=courses)  # built once (two queries), read by the totals and the weeks
    totals = members.annotate(percent=percent).aggregate(
        total=Sum("hours"), completed=Count("pk", filter=Q(percent=100))
    )

    weekly_hours = _weekly_credited(
        entries=HoursEntry.objects.filter(
            user_id__in=cohort_member_ids(cohort=cohort), course__translation_key__in=keys
        ),
        start=cohort.starts_on,
        end=min(cohort.ends_on, today),
    )
    # Completed per week: the trainees standing counts as completed (every course), each in the week
    # their last course completion was recorded (else their last hours, for a rule met unrecorded).
    last_completion = (
        CourseCompletion.objects.filter(user=OuterRef("user_id"), course__translation_key__in=keys)
        .order_by()
        .values("user")
        .annotate(last=Max("completed_at"))
        .values("last")
    )
    last_hours = (
        HoursEntry.objects.filter(user=OuterRef("user_id"), course__translation_key__in=keys)
        .order_by()
        .values("user")
        .annotate(last=Max("created_at"))
        .values("last")
    )
    weekly_completions = (
        dict(
            members.annotate(percent=percent)
            .filter(percent=100)
            .annotate(
                done_at=Coalesce(
                    Subquery(last_completion, output_field=DateTimeField()),
                    Subquery(last_hours, output_field=DateTimeField()),
                    "created_at",
                )
            )
            .annotate(week=TruncWeek("done_at", output_field=DateField()))
            .values("week")
            .annotate(n=Count("pk"))
            .values_list("week", "n")
            .order_by()
        )
        if courses
        else {}
    )
    return CohortLearning(
        cohort=cohort,
        courses=courses,
        hours_required=required,
        applied=counts["applied"],
        enrolled=counts["enrolled"],
        completed=totals["completed"] if courses else 0,
        waiting=counts["waiting"],
        rejected=counts["rejected"],
        withdrawn=counts["withdrawn"],
        hours_total=totals["total"] or ZERO,
        hours_met=by_bucket.get(len(edges) + 1, 0) if edges else 0,
        hours_buckets=buckets,
        weeks=week_rows(
            hours=weekly_hours,
            completed=weekly_completions,
            start=cohort.starts_on,
            end=min(cohort.ends_on, today),
        ),
    )


def _weekly_credited(*, entries: QuerySet[HoursEntry], start: datetime.date, end: datetime.date) -> dict:
    """Hours credited week by week from ``start``'s week to ``end``'s (``standing.credited_gained``:
    a course's hours count up to the course's hours, so the chart adds up to the hours the roster
    shows, not the ledger's): ``{monday: hours}``. Credit from before the first week shown is put in
    it, and from after the last in the last, so the weeks add up to the total. One query."""
    weeks = []
    day, last = week_start(start), week_start(max(start, end))
    while day <= last:
        weeks.append(day)
        day += datetime.timedelta(days=7)
    weeks = weeks[-MAX_WEEKS:]
    inner = [timezone.make_aware(datetime.datetime.combine(day, datetime.time.min)) for day in weeks[1:]]
    bounds = [_EARLIEST, *inner, _LATEST]
    totals = credited_gained(bounds=bounds, entries=entries).aggregate(
        **{f"week_{i}": Sum(f"gained_{i}") for i in range(1, len(bounds))}
    )
    return {day: totals[f"week_{i}"] for i, day in enumerate(weeks, start=1) if totals[f"week_{i}"]}


def week_start(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def week_rows(*, hours: dict, completed: dict, start: datetime.date, end: datetime.date) -> list[WeekRow]:
    """One row per week (Monday) from the earlier of ``start`` and the first figure to the later of
    ``end`` and the last figure, weeks without figures included; the latest ``MAX_WEEKS`` at most."""
    known = [day for day in (*hours, *completed) if day is not None]
    first = week_start(min([start, *known]))
    last = week_start(max([max(start, end), *known]))
    weeks = []
    day = first
    while day <= last:
        weeks.append(WeekRow(week=day, hours=hours.get(day) or ZERO, completed=completed.get(day, 0)))
        day += datetime.timedelta(days=7)
    return weeks[-MAX_WEEKS:]


# --- The annual report ----------------------------------------------------------------------------


@dataclass
class LevelLearning:
    trainees: int = 0
    completed: int = 0
    learners: int = 0
    hours: Decimal = ZERO  # credited (``standing``): each course's hours at most
    recorded: Decimal = ZERO  # the ledger's sum, before the cap; online + offline + manual
    online: Decimal = ZERO
    offline: Decimal = ZERO
    manual: Decimal = ZERO


@dataclass
class AnnualLearning:
    year: int
    by_level: dict[str, LevelLearning]
    hours_by_month: list[Decimal]


def year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def annual_learning(*, year: int) -> AnnualLearning:
    """Trainees trained and hours credited in ``year``, by level. Three queries, and three per
    cohort running in the year (the completed), whatever the number of trainees.

    Trainees: those holding a place in a cohort running during the year (by the level of the
    cohort's program or course); completed: of those, the ones who completed every course of
    their cohort (``standing``, whatever their enrolment's status says).
    Hours: the hours credited during the year (``standing``: a trainee's hours in a course count up
    to the course's hours), by the level of their course and month by month; beside them the hours
    recorded in the ledger during the year, by source (online, offline, manual), before the cap.
    """
    first, last = year_bounds(year)
    by_level: dict[str, LevelLearning] = {}
    running = Enrolment.objects.filter(
        status__in=PLACE_HOLDING, cohort__starts_on__lte=last, cohort__ends_on__gte=first
    )
    places = (
        running.annotate(level=Coalesce("cohort__program__level", "cohort__course__level"))
        .values("level")
        .annotate(trainees=Count("user", distinct=True))
        .order_by()
    )
    for row in places:
        by_level.setdefault(row["level"], LevelLearning()).trainees = row["trainees"]
    # Completed: standing's completion (every course of their cohort completed), as the cohort
    # report and the roster say, not the enrolment's status. Three queries per cohort of the year.
    cohorts = list(
        Cohort.objects.filter(pk__in=running.values("cohort_id")).select_related("program", "course")
    )
    courses_of = cohort_progress_courses(cohorts=cohorts) if cohorts else {}
    completed: dict[str, set] = {}
    for cohort in cohorts:
        courses = courses_of[cohort.pk]
        if not courses:
            continue
        level = cohort.program.level if cohort.program_id else cohort.course.level
        completed.setdefault(level, set()).update(
            running.filter(cohort=cohort)
            .annotate(percent=percent_sql(courses=courses))
            .filter(percent=100)
            .values_list("user_id", flat=True)
        )
    for level, users in completed.items():
        by_level.setdefault(level, LevelLearning()).completed = len(users)

    def source_sum(source):
        return Coalesce(Sum("hours", filter=Q(source=source)), Value(ZERO), output_field=HOURS)

    entries = HoursEntry.objects.filter(created_at__year=year)
    hours = (
        entries.values("course__level")
        .annotate(
            learners=Count("user", distinct=True),
            total=Sum("hours"),
            online=source_sum(HoursSource.ONLINE),
            offline=source_sum(HoursSource.OFFLINE),
            manual=source_sum(HoursSource.MANUAL),
        )
        .order_by()
    )
    for row in hours:
        figures = by_level.setdefault(row["course__level"], LevelLearning())
        figures.learners = row["learners"]
        figures.recorded = row["total"] or ZERO
        figures.online, figures.offline, figures.manual = row["online"], row["offline"], row["manual"]

    # Credited hours (``standing``: each course capped at its hours), month by month and by level.
    starts = [timezone.make_aware(datetime.datetime(year, month, 1)) for month in range(1, 13)]
    gained = credited_gained(
        bounds=[*starts, timezone.make_aware(datetime.datetime(year + 1, 1, 1))],
        entries=HoursEntry.objects.filter(
            created_at__lt=timezone.make_aware(datetime.datetime(year + 1, 1, 1))
        ),
    )
    in_year = reduce(add, (F(f"gained_{month}") for month in range(1, 13)))
    credited = gained.aggregate(
        **{f"month_{month}": Sum(f"gained_{month}") for month in range(1, 13)},
        **{f"level_{level}": Sum(in_year, filter=Q(level=level)) for level in Level.values},
    )
    for level in Level.values:
        if credited[f"level_{level}"] or level in by_level:
            by_level.setdefault(level, LevelLearning()).hours = credited[f"level_{level}"] or ZERO
    return AnnualLearning(
        year=year,
        by_level=by_level,
        hours_by_month=[credited[f"month_{month}"] or ZERO for month in range(1, 13)],
    )


def years_with_learning() -> list[int]:
    """Years in which a cohort ran, newest first (one query); the current year is always there."""
    span = Cohort.objects.aggregate(first=Min("starts_on"), last=Max("ends_on"))
    current = timezone.localdate().year
    first = min(span["first"].year if span["first"] else current, current)
    last = max(span["last"].year if span["last"] else current, current)
    return list(range(last, first - 1, -1))
