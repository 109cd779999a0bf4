"""Selectors for reports and records: the practical assessment's figures for the annual report and
each trainee's practical work for the trainee record (学员档案).

Scores count only once released, as everywhere: a result not yet released is "in review" in a record
and absent from the year's figures. Reviewers are never named (blind review): reviews are listed by
round and score.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db.models import Count, Max, Q

from .models import DefenceOutcome, DefenceSlot, Review, Submission, SubmissionState
from .standing import PASSING_RESULTS

TENTH = Decimal("0.1")


# --- Annual report -------------------------------------------------------------------------------


@dataclass
class CriterionMean:
    name: str
    name_en: str
    max_points: Decimal
    mean: Decimal | None


@dataclass
class PracticeYear:
    """One assignment's results released in a year."""

    assignment_id: int
    title: str
    title_en: str
    level: str
    assessed: int = 0
    passed: int = 0
    mean_percent: Decimal | None = None
    mean_defence: Decimal | None = None
    criteria: list[CriterionMean] = field(default_factory=list)

    @property
    def pass_rate(self) -> Decimal | None:
        if not self.assessed:
            return None
        return (Decimal(self.passed) * 100 / self.assessed).quantize(TENTH)


def _mean(values: list[Decimal]) -> Decimal | None:
    return (sum(values, Decimal("0")) / len(values)).quantize(TENTH) if values else None


def annual_practice(*, year: int) -> list[PracticeYear]:
    """Per assignment, the submissions released in ``year``: how many were assessed, how many passed
    (report passed, and the defence where required), the mean score (% of the rubric), the mean per
    criterion and the mean defence score. Two queries."""
    released = list(
        Submission.objects.filter(state=SubmissionState.RELEASED, released_at__year=year)
        .select_related("assignment", "assignment__course", "assignment__program")
        .order_by("assignment_id", "pk")
    )
    outcomes: dict[int, DefenceOutcome] = {}
    for outcome in DefenceOutcome.objects.filter(submission__in=released).order_by("recorded_at", "pk"):
        outcomes[outcome.submission_id] = outcome  # the latest wins
    years: dict[int, PracticeYear] = {}
    percents, defences = defaultdict(list), defaultdict(list)
    points: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    names: dict[int, dict[str, tuple[str, Decimal]]] = defaultdict(dict)
    for submission in released:
        assignment = submission.assignment
        subject = assignment.course or assignment.program
        row = years.setdefault(
            assignment.pk,
            PracticeYear(
                assignment_id=assignment.pk,
                title=assignment.title,
                title_en=assignment.title_en,
                level=getattr(subject, "level", "") or "",
            ),
        )
        row.assessed += 1
        outcome = outcomes.get(submission.pk)
        if submission.passed and (
            not assignment.defence_required or (outcome and outcome.result in PASSING_RESULTS)
        ):
            row.passed += 1
        if submission.percent is not None:
            percents[assignment.pk].append(submission.percent)
        if outcome is not None and outcome.score is not None:
            defences[assignment.pk].append(outcome.score)
        for criterion in submission.final_criteria or []:
            name = criterion.get("name", "")
            try:
                points[assignment.pk][name].append(Decimal(str(criterion.get("points"))))
            except (ArithmeticError, ValueError, TypeError):
                continue
            names[assignment.pk][name] = (
                criterion.get("name_en", ""),
                Decimal(str(criterion.get("max_points") or 0)),
            )
    for pk, row in years.items():
        row.mean_percent = _mean(percents[pk])
        row.mean_defence = _mean(defences[pk])
        row.criteria = [
            CriterionMean(
                name=name, name_en=names[pk][name][0], max_points=names[pk][name][1], mean=_mean(values)
            )
            for name, values in points[pk].items()
        ]
    return list(years.values())


# --- Trainee record ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PracticeRecordRow:
    """A trainee's work for one assignment, as the trainee record keeps it."""

    assignment: str
    code: str
    versions: int
    last_submitted_at: datetime | None
    late: bool
    state: str  # the marking state's label
    released_at: datetime | None
    score: Decimal | None  # released only
    max_score: Decimal | None
    passed: bool | None
    reviews: list[tuple[int, Decimal, datetime]]  # (round, total, submitted at): released only
    defence_at: datetime | None
    defence_result: str  # the outcome's label: released only
    defence_score: Decimal | None
    defence_reasons: str


def practice_records(*, user_ids) -> dict[int, list[PracticeRecordRow]]:
    """Each user's practical work, for the trainee record. One query, four more when any has practical work, for any number of users."""
    user_ids = list(user_ids)
    submissions = list(
        Submission.objects.filter(trainee_id__in=user_ids)
        .select_related("assignment")
        .annotate(
            version_count=Count("versions"),
            late_count=Count("versions", filter=Q(versions__late=True)),
            last_at=Max("versions__submitted_at"),
        )
        .order_by("created_at", "pk")
    )
    if not submissions:
        return {}
    ids = [s.pk for s in submissions]
    reviews = defaultdict(list)
    for submission_id, round_, total, at in (
        Review.objects.filter(assignment__submission_id__in=ids)
        .order_by("submitted_at", "pk")
        .values_list("assignment__submission_id", "assignment__round", "total", "submitted_at")
    ):
        reviews[submission_id].append((round_, total, at))
    slots: dict[tuple[int, int], datetime] = {}
    for trainee_id, assignment_id, starts_at in DefenceSlot.objects.filter(
        trainee_id__in=user_ids, outcome__isnull=True
    ).values_list("trainee_id", "session__assignment_id", "starts_at"):
        slots.setdefault((trainee_id, assignment_id), starts_at)
    outcomes: dict[int, DefenceOutcome] = {}
    for outcome in (
        DefenceOutcome.objects.filter(submission_id__in=ids)
        .select_related("slot")
        .order_by("recorded_at", "pk")
    ):
        outcomes[outcome.submission_id] = outcome
    states = dict(SubmissionState.choices)
    records = defaultdict(list)
    for s in submissions:
        released = s.state == SubmissionState.RELEASED
        outcome = outcomes.get(s.pk)
        records[s.trainee_id].append(
            PracticeRecordRow(
                assignment=s.assignment.title,
                code=s.code,
                versions=s.version_count,
                last_submitted_at=s.last_at,
                late=bool(s.late_count),
                state=str(states.get(s.state, s.state)),
                released_at=s.released_at,
                score=s.final_score if released else None,
                max_score=s.max_score if released else None,
                passed=s.passed if released else None,
                reviews=reviews[s.pk] if released else [],
                defence_at=outcome.slot.starts_at if outcome else slots.get((s.trainee_id, s.assignment_id)),
                defence_result=str(outcome.get_result_display()) if outcome and released else "",
                defence_score=outcome.score if outcome and released else None,
                defence_reasons=outcome.reasons if outcome and released else "",
            )
        )
    return records
