"""Reads about progress and learning hours. Each runs a fixed number of queries, however many courses.

Translations of a course share its progress: hours and completions are matched by the pages'
``translation_key``, so a trainee who studies in English keeps the hours in Chinese.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from cms.models import CoursePage, LessonPage
from courses.models import (
    Attendance,
    CourseCompletion,
    CourseRule,
    Enrolment,
    EnrolmentStatus,
    HoursEntry,
    LessonStudy,
    OfflineSession,
)
from courses.models.enrolments import PLACE_HOLDING
from courses.selectors.cohorts import cohort_progress_courses
from courses.selectors.enrolments import is_enrolled
from courses.selectors.standing import (
    CourseProgress,
    ProgramProgress,
    course_hours,
    credited_hours_total,
    hours_required_for,
    progress_for_courses,
)

ZERO = Decimal("0")


def course_rule_for(*, course: CoursePage) -> CourseRule:
    """The course's rule, or an unsaved rule with the defaults."""
    return CourseRule.objects.filter(course=course).first() or CourseRule(course=course)


def lesson_has_video(*, lesson: LessonPage) -> bool:
    """Whether the lesson plays an uploaded video, whose watched share the page can measure.

    Embedded (third-party) players cannot report it, so such lessons follow the "mark complete" rule.
    """
    return any(block.block_type == "video" and block.value.get("file") for block in lesson.body)


def lesson_video_length(*, lesson: LessonPage) -> int | None:
    """The total length in seconds of the lesson's uploaded videos, as its editors gave it.

    None if the lesson has no uploaded video or any of them lacks a length (saved before the
    length was asked for); the page's script reports the share of all of them together.
    """
    lengths = [
        block.value.duration_seconds
        for block in lesson.body
        if block.block_type == "video" and block.value.get("file")
    ]
    if not lengths or None in lengths:
        return None
    return sum(lengths)


def course_progress(*, user, course: CoursePage) -> CourseProgress:
    """Where ``user`` stands in ``course``: required lessons done, hours earned, and whether the rule is met."""
    return progress_for_courses(user=user, courses=[course])[course.pk]


def hours_total(*, user, courses=None) -> Decimal:
    """Learning hours in ``user``'s ledger, for all courses or (with ``courses``) those and their translations."""
    entries = HoursEntry.objects.filter(user=user)
    if courses is not None:
        keys = [c.translation_key for c in courses]
        entries = entries.filter(course__translation_key__in=keys)
    return entries.aggregate(total=Sum("hours"))["total"] or ZERO


def hours_by_source(*, user, course: CoursePage) -> dict[str, Decimal]:
    rows = (
        HoursEntry.objects.filter(user=user, course__translation_key=course.translation_key)
        .values_list("source")
        .annotate(total=Sum("hours"))
        .order_by()
    )
    return dict(rows)


def hours_ledger(*, user, course: CoursePage | None = None):
    """The user's ledger entries, newest first."""
    entries = HoursEntry.objects.filter(user=user).select_related("course", "created_by")
    if course is not None:
        entries = entries.filter(course__translation_key=course.translation_key)
    return entries.order_by("-created_at", "-pk")


def completed_courses(*, user):
    """Courses ``user`` has completed (a recorded completion), in every language they exist in."""
    keys = CourseCompletion.objects.filter(user=user).values("course__translation_key")
    return CoursePage.objects.filter(translation_key__in=keys)


def lesson_study(*, user, lesson: LessonPage) -> LessonStudy | None:
    return LessonStudy.objects.filter(user=user, lesson=lesson).first()


@dataclass
class CohortProgress(ProgramProgress):
    """Progress in one cohort where the trainee holds a place (``standing.ProgramProgress``)."""

    enrolment: Enrolment | None = None
    next_lesson: LessonPage | None = None


@dataclass
class Dashboard:
    cohorts: list[CohortProgress]
    other_enrolments: list[Enrolment]
    upcoming_sessions: list[OfflineSession]
    hours_total: Decimal


def dashboard_for(*, user, now=None) -> Dashboard:
    """What a trainee's dashboard shows. A fixed number of queries (about eight) for any number of cohorts."""
    now = now or timezone.now()
    enrolments = list(
        Enrolment.objects.filter(user=user)
        .exclude(status__in=[EnrolmentStatus.REJECTED, EnrolmentStatus.WITHDRAWN])
        .select_related("cohort", "cohort__course", "cohort__program")
        .order_by("-cohort__starts_on", "-pk")
    )
    active = [e for e in enrolments if e.status in PLACE_HOLDING]
    courses_by_cohort = cohort_progress_courses(cohorts=[e.cohort for e in active])
    all_courses = [course for courses in courses_by_cohort.values() for course in courses]
    hours = course_hours(courses=all_courses)  # read once: the progress and each cohort's target
    progress = progress_for_courses(user=user, courses=all_courses, hours=hours)
    cohorts = []
    required: dict = {}  # hours required per program (or course cohort): asked once each
    for enrolment in active:
        cohort_courses_list = courses_by_cohort[enrolment.cohort_id]
        course_progress_list = [progress[c.pk] for c in cohort_courses_list]
        unfinished = [p for p in course_progress_list if not p.completed and p.next_lesson]
        key = enrolment.cohort.program_id or ("cohort", enrolment.cohort_id)
        if key not in required:
            required[key] = hours_required_for(
                program=enrolment.cohort.program, courses=cohort_courses_list, hours=hours
            )
        cohorts.append(
            CohortProgress(
                courses=course_progress_list,
                hours_required=required[key],
                enrolment=enrolment,
                next_lesson=unfinished[0].next_lesson if unfinished else None,
            )
        )
    sessions = list(
        OfflineSession.objects.filter(cohort__in=[e.cohort_id for e in active], ends_at__gte=now)
        .select_related("cohort")
        .order_by("starts_at", "pk")[:20]
    )
    attended = (
        set(Attendance.objects.filter(user=user, session__in=sessions).values_list("session_id", flat=True))
        if sessions
        else set()
    )
    for session in sessions:
        session.attended = session.pk in attended
    return Dashboard(
        cohorts=cohorts,
        other_enrolments=[e for e in enrolments if e.status not in PLACE_HOLDING],
        upcoming_sessions=sessions,
        hours_total=credited_hours_total(user_ids=[user.pk]).get(user.pk, ZERO),
    )


def offline_sessions_from(*, start):
    """Offline sessions ending after ``start``, soonest first, with their cohort and course."""
    return list(
        OfflineSession.objects.filter(ends_at__gte=start)
        .select_related("cohort", "cohort__program", "cohort__course", "course")
        .order_by("starts_at", "pk")[:200]
    )


def session_checkins(*, session: OfflineSession) -> list[Attendance]:
    """Who has checked in to ``session``, latest first, with their accounts: the list staff compare with the room."""
    return list(session.attendances.select_related("user").order_by("-checked_in_at", "-pk"))


@dataclass
class LessonWidget:
    """What the progress box on a lesson page shows to an enrolled trainee."""

    lesson: LessonPage
    course: CoursePage
    progress: CourseProgress
    completed: bool
    active_seconds: int
    video: bool
    can_mark_complete: bool
    minutes_needed: int
    video_percent: int = 0  # the credited share of the video, never the browser's own claim
    video_capped: bool = False  # the browser last claimed more than the credited time allows
    video_max_rate: float = 1.0  # the fastest playback credited (VIDEO_MAX_PLAYBACK_RATE)


def lesson_widget(*, user, lesson: LessonPage) -> LessonWidget | None:
    """The lesson-page progress box for ``user``, or None if they are not a trainee of the course."""
    if not user.is_authenticated:
        return None
    course = lesson.get_parent().specific
    if not is_enrolled(user=user, course=course):
        return None
    progress = course_progress(user=user, course=course)
    rule = course_rule_for(course=course)
    study = lesson_study(user=user, lesson=lesson)
    active = study.active_seconds if study else 0
    video = lesson_has_video(lesson=lesson)
    needed = rule.seconds_before_mark_complete(estimated_minutes=lesson.estimated_minutes)
    return LessonWidget(
        lesson=lesson,
        course=course,
        progress=progress,
        completed=lesson.pk in progress.completed_lesson_ids,
        active_seconds=active,
        video=video,
        can_mark_complete=not video and active >= needed,
        minutes_needed=max(0, -(-(needed - active) // 60)),
        video_percent=int(study.video_fraction * 100) if video and study else 0,
        video_capped=bool(video and study and study.video_claim_capped),
        video_max_rate=settings.VIDEO_MAX_PLAYBACK_RATE,
    )
