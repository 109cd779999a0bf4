"""Reads of the exam report and of the exam figures in the cohort and annual reports.

Each runs a fixed number of queries whatever the number of attempts: counts, means and the score
bands are aggregates in the database.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Avg,
    Case,
    Count,
    DecimalField,
    F,
    IntegerField,
    Max,
    Min,
    Q,
    QuerySet,
    Value,
    When,
)

from cms.models import CoursePage
from core import roles
from courses.selectors.standing import counted_attempts

from .models import Attempt, AttemptStatus, CourseGrader, ExamPaper

# Score distribution: ten bands of ten percentage points (100 % falls in the last one).
SCORE_BANDS = 10


def can_see_exam_report(*, user, course: CoursePage | None = None) -> bool:
    """Registrars see every paper's report; an instructor those of courses they grade (any language).

    Without ``course``: whether ``user`` may see any exam report at all (the menu, the list).
    """
    if roles.is_registrar(user=user):
        return True
    if not roles.is_learning_staff(user=user):
        return False
    links = CourseGrader.objects.filter(user=user)
    if course is not None:
        links = links.filter(course__translation_key=course.translation_key)
    return links.exists()


def papers_for_report(*, user) -> QuerySet[ExamPaper]:
    """The papers whose report ``user`` may see, newest first, with their course and attempt counts."""
    papers = ExamPaper.objects.select_related("course", "cohort").annotate(
        finished=Count("attempts", filter=Q(attempts__status=AttemptStatus.COMPLETED))
    )
    if not roles.is_registrar(user=user):
        keys = CourseGrader.objects.filter(user=user).values("course__translation_key")
        papers = papers.filter(course__translation_key__in=keys)
    return papers.order_by("-created_at", "-pk")


def _percent_expression():
    return Case(
        When(max_score__gt=0, then=F("score") * 100 / F("max_score")),
        default=Value(None),
        output_field=DecimalField(max_digits=9, decimal_places=4),
    )


@dataclass
class PaperSummary:
    attempts: int
    candidates: int
    scored: int
    passed: int
    grading: int
    mean: Decimal | None
    highest: Decimal | None
    lowest: Decimal | None
    bands: list[int]

    @property
    def pass_rate(self) -> Decimal | None:
        if not self.scored:
            return None
        return (Decimal(self.passed) * 100 / self.scored).quantize(Decimal("0.1"))


def paper_summary(*, paper: ExamPaper) -> PaperSummary:
    """Attempts, pass rate, mean/highest/lowest percent and the score distribution in ten bands.

    Counts completed attempts with a score (graded); attempts still waiting for a grader are
    counted apart. Two queries, whatever the number of attempts.
    """
    attempts = Attempt.objects.filter(paper=paper).annotate(pct=_percent_expression())
    scored = Q(status=AttemptStatus.COMPLETED, score__isnull=False)
    figures = attempts.aggregate(
        attempts=Count("pk", filter=Q(status__in=[AttemptStatus.COMPLETED, AttemptStatus.GRADING])),
        candidates=Count("user", distinct=True, filter=scored),
        scored=Count("pk", filter=scored),
        passed=Count("pk", filter=scored & Q(passed=True)),
        grading=Count("pk", filter=Q(status=AttemptStatus.GRADING)),
        mean=Avg("pct", filter=scored),
        highest=Max("pct", filter=scored),
        lowest=Min("pct", filter=scored),
    )
    whens = [When(pct__lt=(band + 1) * 10, then=Value(band)) for band in range(SCORE_BANDS - 1)]
    counts = dict(
        attempts.filter(scored)
        .annotate(band=Case(*whens, default=Value(SCORE_BANDS - 1), output_field=IntegerField()))
        .values("band")
        .annotate(n=Count("pk"))
        .values_list("band", "n")
        .order_by()
    )

    def rounded(value):
        return None if value is None else Decimal(value).quantize(Decimal("0.1"))

    return PaperSummary(
        attempts=figures["attempts"],
        candidates=figures["candidates"],
        scored=figures["scored"],
        passed=figures["passed"],
        grading=figures["grading"],
        mean=rounded(figures["mean"]),
        highest=rounded(figures["highest"]),
        lowest=rounded(figures["lowest"]),
        bands=[counts.get(band, 0) for band in range(SCORE_BANDS)],
    )


def released_attempts_of(*, course_keys, cohort=None) -> QuerySet[Attempt]:
    """Released attempts at the papers of these courses (by translation), or of ``cohort``'s own papers."""
    papers = Q(paper__course__translation_key__in=course_keys, paper__cohort__isnull=True)
    if cohort is not None:
        papers |= Q(paper__cohort=cohort)
    return Attempt.objects.filter(papers, status=AttemptStatus.COMPLETED, released_at__isnull=False)


def cohort_exam_figures(*, cohort, course_keys, member_ids) -> dict[str, int]:
    """Of the trainees in ``member_ids`` (a subquery): how many sat an exam of the cohort's courses
    (a released result) and how many passed one, counting the attempts each paper's result policy
    counts (``standing.counted_attempts``). One query."""
    return counted_attempts(
        released_attempts_of(course_keys=course_keys, cohort=cohort).filter(user_id__in=member_ids)
    ).aggregate(
        sat=Count("user", distinct=True),
        passed=Count("user", distinct=True, filter=Q(passed=True)),
    )


def annual_exam_figures(*, year: int) -> dict[str, dict[str, int]]:
    """Per level of the paper's course: trainees with a released result submitted in ``year`` and
    trainees who passed, a pass counted only if the paper's result policy counts that attempt
    (``standing.counted_attempts``: at a "last" paper a pass later followed by a fail is not a pass,
    as every other screen says). One query."""
    attempts = Attempt.objects.filter(
        status=AttemptStatus.COMPLETED, released_at__isnull=False, submitted_at__year=year
    )
    counted = Q(pk__in=counted_attempts(attempts).values("pk"))
    rows = (
        attempts.values("paper__course__level")
        .annotate(
            sat=Count("user", distinct=True),
            passed=Count("user", distinct=True, filter=Q(passed=True) & counted),
        )
        .order_by()
    )
    return {row["paper__course__level"]: {"sat": row["sat"], "passed": row["passed"]} for row in rows}
