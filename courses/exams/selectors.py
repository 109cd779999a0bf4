"""Reads of exams: who may sit a paper, attempts and results, grading queues, item statistics."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Max, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.models import CoursePage
from core import roles
from courses import selectors as learning
from courses.models import Enrolment, EnrolmentStatus
from courses.questions.models import Question, QuestionBank

from . import statistics
from .models import (
    Attempt,
    AttemptItem,
    AttemptStatus,
    CourseGrader,
    Eligibility,
    ExamPaper,
    PaperSection,
    PinnedVersion,
    ReviewMode,
    SectionKind,
)


def is_exam_staff(*, user) -> bool:
    """Instructors, registrars and superusers may open the staff exam pages at all.

    Which papers they see there is ``report_selectors.can_see_exam_report``'s to say: registrars
    every paper, an instructor those of the courses they grade.
    """
    return roles.is_learning_staff(user=user)


def can_grade(*, user, course: CoursePage | int) -> bool:
    """Registrars grade every course; a grader of the course grades it and its translations (the same
    rule as seeing its results: ``report_selectors.can_see_exam_report``)."""
    if roles.is_registrar(user=user):
        return True
    if not user or not user.is_authenticated:
        return False
    if isinstance(course, int):
        course = CoursePage.objects.only("translation_key").get(pk=course)
    return CourseGrader.objects.filter(course__translation_key=course.translation_key, user=user).exists()


def with_sub_banks(banks) -> set[int]:
    """The banks' ids and those of all their sub-banks (imported categories become sub-banks)."""
    found = {bank.pk for bank in banks}
    frontier = set(found)
    while frontier:
        frontier = set(QuestionBank.objects.filter(parent__in=frontier).values_list("pk", flat=True)) - found
        found |= frontier
    return found


def section_pool(*, section: PaperSection) -> dict[int, int]:
    """What the section would be approved with now: {question id: current version id}.

    A fixed section's listed questions, or every question a random section may draw (its banks and
    their sub-banks, its type and tags); archived questions and questions without a version left out.
    """
    if section.kind == SectionKind.FIXED:
        pool = section.questions.all()
    else:
        pool = Question.objects.filter(bank__in=with_sub_banks(section.banks.all()))
        if section.question_type:
            pool = pool.filter(qtype=section.question_type)
        if section.tag_list:
            pool = pool.filter(tags__name__in=section.tag_list).distinct()
    pool = pool.filter(archived=False, current_version__isnull=False)
    return dict(pool.values_list("pk", "current_version_id"))


def paper_changes_since_approval(*, paper: ExamPaper) -> int:
    """How many questions trainees would get differently if the paper were approved again now.

    Counts questions edited since (a newer version), archived, or come into or gone out of a random
    section's pool. Trainees keep the approved versions until the paper is approved again.
    """
    changed: set[int] = set()
    pins: dict[int, dict[int, int]] = {}
    for section_id, question_id, version_id in PinnedVersion.objects.filter(section__paper=paper).values_list(
        "section_id", "question_id", "version_id"
    ):
        pins.setdefault(section_id, {})[question_id] = version_id
    for section in paper.sections.all():
        pinned, current = pins.get(section.pk, {}), section_pool(section=section)
        changed |= {q for q in pinned.keys() | current.keys() if pinned.get(q) != current.get(q)}
    return len(changed)


def _has_completed(*, user, paper: ExamPaper) -> bool:
    try:
        from courses.selectors import course_progress
    except ImportError:
        course_progress = None
    if course_progress is not None:
        return bool(course_progress(user=user, course=paper.course).completed)
    # TODO(exams): drop once courses.selectors.course_progress lands everywhere.
    return Enrolment.objects.filter(
        user=user,
        status=EnrolmentStatus.COMPLETED,
        cohort__course__translation_key=paper.course.translation_key,
    ).exists()


def _is_eligible(*, user, paper: ExamPaper) -> bool:
    if paper.cohort_id:
        from courses.models.enrolments import PLACE_HOLDING

        if not Enrolment.objects.filter(
            user=user, cohort_id=paper.cohort_id, status__in=PLACE_HOLDING
        ).exists():
            return False
    elif not learning.is_enrolled(user=user, course=paper.course):
        return False
    if paper.eligibility == Eligibility.COMPLETED:
        return _has_completed(user=user, paper=paper)
    return True


def attempts_used(*, user, paper: ExamPaper) -> int:
    return Attempt.objects.filter(user=user, paper=paper).aggregate(n=Max("number"))["n"] or 0


def start_refusal(
    *, user, paper: ExamPaper, now: datetime | None = None, used: int | None = None
) -> str | None:
    """Why ``user`` may not start a new attempt at ``paper`` now, in their language; None if they may.

    ``used``: the user's attempts so far, when the caller has counted them already (saves a query).
    """
    return start_refusal_from(
        paper=paper,
        now=now or timezone.now(),
        eligible=lambda: _is_eligible(user=user, paper=paper),
        used=lambda: attempts_used(user=user, paper=paper) if used is None else used,
    )


def start_refusal_from(
    *, paper: ExamPaper, now: datetime, eligible: Callable[[], bool], used: Callable[[], int]
) -> str | None:
    """``start_refusal``'s rules over facts read elsewhere (the start's single read): the window
    first, then eligibility, then the attempts used; each fact asked for only once it decides."""
    if not paper.live:
        return _("This exam paper has not been approved yet.")
    if paper.opens_at and now < paper.opens_at:
        return _("This exam has not opened yet.")
    if paper.closes_at and now >= paper.closes_at:
        return _("This exam has closed.")
    if not eligible():
        if paper.eligibility == Eligibility.COMPLETED:
            return _("You may sit this exam once you have completed the course.")
        return _("You may sit this exam only when enrolled in its cohort.")
    if used() >= paper.max_attempts:
        return _("You have used all your attempts at this exam.")
    return None


def eligible_given_enrolment(*, user, paper: ExamPaper, enrolled: bool) -> bool:
    """``_is_eligible`` once the enrolment is known: a paper asking for the course completed checks it."""
    if not enrolled:
        return False
    return paper.eligibility != Eligibility.COMPLETED or _has_completed(user=user, paper=paper)


def paper_review_state(*, paper: ExamPaper) -> dict:
    """Where a paper stands in review, for staff: live or not, a draft waiting, the task in progress."""
    workflow_state = paper.current_workflow_state
    return {
        "live": paper.live,
        "draft_waiting": paper.has_unpublished_changes,
        "in_review": workflow_state is not None,
        "task": workflow_state.current_task_state.task.name
        if workflow_state and workflow_state.current_task_state
        else "",
        "last_published_at": paper.last_published_at,
    }


def open_attempt(*, user, paper: ExamPaper) -> Attempt | None:
    return Attempt.objects.filter(user=user, paper=paper, status=AttemptStatus.IN_PROGRESS).first()


def attempt_for_trainee(*, user_id: int, attempt_id: int) -> Attempt | None:
    """The attempt if it is user ``user_id``'s own, with its owner's row; None otherwise (so views
    answer 404 for others' attempts). One query: the owner's row is what the session's sign-in is
    checked against (``courses.accounts.sessions``), so the request loads no user row of its own."""
    # Without its paper: saves, by far the most frequent request, never need it.
    found = list(Attempt.objects.select_related("user").filter(pk=attempt_id, user_id=user_id)[:1])
    return found[0] if found else None


def attempt_list_for_user(*, user, paper: ExamPaper | None = None) -> QuerySet[Attempt]:
    attempts = Attempt.objects.filter(user=user).select_related("paper")
    return attempts.filter(paper=paper) if paper else attempts


def papers_for_user(*, user) -> list[ExamPaper]:
    """Live (approved and published) papers of the courses the user is enrolled in (any language of
    the course), by title. Three queries, however many cohorts and papers."""
    cohorts = list(learning.enrolled_cohorts(user=user))
    covered = {
        course.translation_key
        for courses in learning.cohort_courses(cohorts=cohorts).values()
        for course in courses
    }
    if not covered:
        return []
    papers = ExamPaper.objects.filter(live=True, course__translation_key__in=covered).select_related("course")
    return list(papers.order_by("title", "pk"))


@dataclass
class PaperStanding:
    """One paper on a trainee's dashboard: where they stand and where the link goes."""

    paper: ExamPaper
    attempt: Attempt | None  # the latest attempt, if any

    @property
    def state(self) -> str:
        """``not_started``, ``in_progress``, ``awaiting_result``, ``passed`` or ``failed``."""
        if self.attempt is None:
            return "not_started"
        if self.attempt.status == AttemptStatus.IN_PROGRESS:
            return "in_progress"
        if self.attempt.released_at is None:
            return "awaiting_result"
        return "passed" if self.attempt.passed else "failed"


def paper_standings_for_user(*, user) -> list[PaperStanding]:
    """The trainee's open papers with the attempt to show each: an attempt in progress or awaiting
    its result, else the one that counts under the paper's result policy (``standing``). Five queries."""
    from courses.selectors.standing import exam_results

    papers = papers_for_user(user=user)
    latest: dict[int, Attempt] = {}
    for attempt in Attempt.objects.filter(user=user, paper__in=papers).order_by("paper_id", "number"):
        latest[attempt.paper_id] = attempt
    counted = exam_results(user_ids=[user.pk], papers=papers) if latest else {}
    standings = []
    for paper in papers:
        attempt = latest.get(paper.pk)
        result = counted.get((user.pk, paper.pk))
        if attempt is not None and attempt.released_at is not None and result is not None:
            attempt = result.attempt
        standings.append(PaperStanding(paper=paper, attempt=attempt))
    return standings


def review_allowed(*, attempt: Attempt, now: datetime | None = None) -> str | None:
    """What the trainee may see of a finished attempt: None (nothing yet), or a ReviewMode value.

    The score shows once the result is released. Responses and correct answers show only as the
    paper's review mode allows, and, if the paper says so, only after its window has closed.
    """
    now = now or timezone.now()
    if attempt.status != AttemptStatus.COMPLETED or attempt.released_at is None:
        return None
    paper = attempt.paper
    window_open = paper.closes_at is None or now < paper.closes_at
    if paper.review_mode != ReviewMode.SCORE and paper.review_after_close and window_open:
        return ReviewMode.SCORE
    return paper.review_mode


@dataclass(frozen=True)
class ProvisionalScore:
    """The points of the answers marked so far, while others (essays, case analyses) wait for a grader."""

    score: Decimal
    max_score: Decimal
    waiting: Decimal  # points of the answers still waiting for a grader


@dataclass(frozen=True)
class AttemptResult:
    """A finished or open attempt as its owner may see it: the released score, or a provisional one."""

    attempt: Attempt
    provisional: ProvisionalScore | None

    @property
    def released(self) -> bool:
        return self.attempt.status == AttemptStatus.COMPLETED and self.attempt.released_at is not None


def attempt_results(*, attempts: list[Attempt]) -> list[AttemptResult]:
    """The attempts with what their owner may see of each score. One query at most.

    A released result shows its score (``review_allowed`` never hides the score once released).
    An attempt waiting for a grader shows a provisional score (the objective part, and any answer
    graded already) only if its paper says so (``show_provisional_score``); otherwise nothing, as
    before grading finishes. Per-question marks never show here: what review shows is
    ``review_allowed``'s to say, after release. ``attempts`` need their paper loaded.
    """
    waiting = {
        attempt.pk: attempt
        for attempt in attempts
        if attempt.status == AttemptStatus.GRADING and attempt.paper.show_provisional_score
    }
    provisional = {}
    if waiting:
        rows = (
            AttemptItem.objects.filter(attempt_id__in=waiting)
            .values("attempt_id")
            .annotate(marked=Sum("score"), unmarked=Sum("points", filter=Q(score__isnull=True)))
        )
        for row in rows:
            provisional[row["attempt_id"]] = ProvisionalScore(
                score=row["marked"] or Decimal(0),
                max_score=waiting[row["attempt_id"]].max_score,
                waiting=row["unmarked"] or Decimal(0),
            )
    return [AttemptResult(attempt=attempt, provisional=provisional.get(attempt.pk)) for attempt in attempts]


def earlier_attempts(*, attempt: Attempt) -> list[AttemptResult]:
    """The owner's attempts at the same paper before ``attempt``, oldest first (none for a first attempt)."""
    if attempt.number <= 1:
        return []
    earlier = Attempt.objects.filter(
        user_id=attempt.user_id, paper_id=attempt.paper_id, number__lt=attempt.number
    )
    return attempt_results(attempts=list(earlier.select_related("paper").order_by("number")))


def _released(attempts: QuerySet[Attempt]) -> QuerySet[Attempt]:
    return attempts.filter(status=AttemptStatus.COMPLETED, released_at__isnull=False)


def released_results_for_user(*, user) -> QuerySet[Attempt]:
    """The user's attempts whose result is released (what their result pages show), newest first,
    with paper and course loaded."""
    attempts = _released(Attempt.objects.filter(user=user)).select_related("paper", "paper__course")
    return attempts.order_by("-released_at", "-pk")


def best_result(*, user, course: CoursePage | None = None, paper: ExamPaper | None = None) -> Attempt | None:
    """The user's released attempt that counts at ``paper`` (its result policy), or at any paper of
    ``course`` (any language): ``courses.selectors.standing`` defines it."""
    from courses.selectors.standing import exam_result

    return exam_result(user=user, course=course, paper=paper).attempt


def exam_passed(*, user, course: CoursePage | None = None, paper: ExamPaper | None = None) -> bool:
    """Whether the attempt that counts at ``paper``, or at a paper of ``course``, passed (``standing``)."""
    from courses.selectors.standing import exam_result

    if course is None and paper is None:
        raise ValueError("exam_passed needs a course or a paper")
    return exam_result(user=user, course=course, paper=paper).passed


def grading_queue(*, user) -> QuerySet[AttemptItem]:
    """Items waiting for ``user``'s grade, oldest submission first (``grading_selectors.grader_queue``)."""
    from .grading_selectors import grader_queue

    return grader_queue(user=user)


def paper_results(*, paper: ExamPaper) -> QuerySet[Attempt]:
    return paper.attempts.select_related("user").order_by("user__username", "number")


def item_statistics(*, paper: ExamPaper) -> list[dict]:
    """Facility and discrimination per question over the paper's finished attempts.

    Each question (grouped across its versions) gets: ``question_id``, a ``label``, ``count``,
    ``facility`` (mean score fraction), ``discrimination`` (correlation of the item's fraction with
    the rest-of-paper fraction) and ``upper_lower`` (upper minus lower 27% facility).
    """
    finished = Q(attempt__status=AttemptStatus.COMPLETED) | Q(attempt__status=AttemptStatus.GRADING)
    rows = (
        AttemptItem.objects.filter(finished, attempt__paper=paper)
        .select_related("version")
        .values_list("attempt_id", "version__question_id", "version__name", "score", "points")
    )
    scores: dict[int, dict[int, tuple[Decimal, Decimal]]] = {}
    labels: dict[int, str] = {}
    for attempt_id, question_id, name, score, points in rows:
        labels.setdefault(question_id, name)
        if score is None:
            continue  # not graded yet: neither item nor rest-of-test can count it
        scores.setdefault(attempt_id, {})[question_id] = (score, points)
    result = statistics.item_statistics(scores)
    for row in result:
        row["label"] = labels.get(row["question_id"], "")
    return result
