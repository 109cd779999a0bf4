"""Reads about progress and learning hours. Each runs a fixed number of queries, however many courses.

Translations of a course share its progress: hours and completions are matched by the pages'
``translation_key``, so a trainee who studies in English keeps the hours in Chinese.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q, Sum
from django.utils import timezone

from cms.models import CoursePage, LessonPage
from courses.models import (
    Attendance,
    CourseCompletion,
    CourseRule,
    Enrolment,
    EnrolmentStatus,
    HoursEntry,
    LessonCompletion,
    LessonStudy,
    OfflineSession,
)
from courses.models.enrolments import PLACE_HOLDING
from courses.selectors.enrolments import is_enrolled

ZERO = Decimal("0")


@dataclass
class CourseProgress:
    """Where a trainee stands in one course against the course's rule."""

    course: CoursePage
    required_lessons: int
    completed_required: int
    hours: Decimal
    hours_required: Decimal
    completed: bool
    lessons: list[LessonPage] = field(default_factory=list)
    completed_lesson_ids: set[int] = field(default_factory=set)
    next_lesson: LessonPage | None = None

    @property
    def percent(self) -> int:
        """One figure for a progress bar: the mean of the lesson share and the hours share that apply."""
        if self.completed:
            return 100
        shares = []
        if self.required_lessons:
            shares.append(Decimal(self.completed_required) / self.required_lessons)
        if self.hours_required > 0:
            shares.append(min(Decimal(1), self.hours / self.hours_required))
        if not shares:
            return 0
        return int(sum(shares) / len(shares) * 100)


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


def _lessons_by_course(courses: list[CoursePage]) -> dict[int, list[LessonPage]]:
    if not courses:
        return {}
    children = reduce(or_, (Q(path__startswith=c.path, depth=c.depth + 1) for c in courses))
    lessons = LessonPage.objects.live().filter(children).defer("body").order_by("path")
    by_path = {c.path: c.pk for c in courses}
    grouped: dict[int, list[LessonPage]] = {c.pk: [] for c in courses}
    for lesson in lessons:
        grouped[by_path[lesson.path[: -LessonPage.steplen]]].append(lesson)
    return grouped


def progress_for_courses(*, user, courses: list[CoursePage]) -> dict[int, CourseProgress]:
    """Progress in each course, keyed by course id. Five queries whatever the number of courses."""
    courses = list({c.pk: c for c in courses}.values())
    if not courses:
        return {}
    keys = {c.translation_key for c in courses}
    rules = {rule.course_id: rule for rule in CourseRule.objects.filter(course__in=courses)}
    lessons = _lessons_by_course(courses)
    done_keys = set(
        LessonCompletion.objects.filter(user=user, lesson__translation_key__in=_keys_of(lessons)).values_list(
            "lesson__translation_key", flat=True
        )
    )
    hours = dict(
        HoursEntry.objects.filter(user=user, course__translation_key__in=keys)
        .values_list("course__translation_key")
        .annotate(total=Sum("hours"))
        .order_by()
    )
    recorded = set(
        CourseCompletion.objects.filter(user=user, course__translation_key__in=keys).values_list(
            "course__translation_key", flat=True
        )
    )
    result = {}
    for course in courses:
        rule = rules.get(course.pk) or CourseRule(course=course)
        course_lessons = lessons[course.pk]
        required = [lesson for lesson in course_lessons if lesson.required]
        done = {lesson.pk for lesson in course_lessons if lesson.translation_key in done_keys}
        completed_required = sum(1 for lesson in required if lesson.pk in done)
        course_hours = hours.get(course.translation_key) or ZERO
        hours_required = (course.learning_hours * rule.hours_share_required).quantize(Decimal("0.001"))
        rule_met = (
            not rule.require_required_lessons or completed_required >= len(required)
        ) and course_hours >= hours_required
        result[course.pk] = CourseProgress(
            course=course,
            required_lessons=len(required),
            completed_required=completed_required,
            hours=course_hours,
            hours_required=hours_required,
            completed=rule_met or course.translation_key in recorded,
            lessons=course_lessons,
            completed_lesson_ids=done,
            next_lesson=next((lesson for lesson in course_lessons if lesson.pk not in done), None),
        )
    return result


def _keys_of(lessons: dict[int, list[LessonPage]]) -> set:
    return {lesson.translation_key for group in lessons.values() for lesson in group}


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


def cohort_courses(*, cohorts) -> dict[int, list[CoursePage]]:
    """The courses each cohort covers: its own course, or the live courses of its program's level
    and language, by code. One query for all program cohorts."""
    result: dict[int, list[CoursePage]] = {}
    programs = [c for c in cohorts if c.program_id]
    by_level: dict[tuple, list[CoursePage]] = {}
    if programs:
        condition = reduce(or_, (Q(level=c.program.level, locale_id=c.program.locale_id) for c in programs))
        for course in CoursePage.objects.live().filter(condition).order_by("code"):
            by_level.setdefault((course.level, course.locale_id), []).append(course)
    for cohort in cohorts:
        if cohort.course_id:
            result[cohort.pk] = [cohort.course]
        else:
            result[cohort.pk] = by_level.get((cohort.program.level, cohort.program.locale_id), [])
    return result


@dataclass
class CohortProgress:
    enrolment: Enrolment
    courses: list[CourseProgress]
    hours: Decimal
    hours_required: Decimal
    next_lesson: LessonPage | None

    @property
    def percent(self) -> int:
        if not self.courses:
            return 0
        return int(sum(p.percent for p in self.courses) / len(self.courses))

    @property
    def completed(self) -> bool:
        return bool(self.courses) and all(p.completed for p in self.courses)


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
    courses_by_cohort = cohort_courses(cohorts=[e.cohort for e in active])
    all_courses = [course for courses in courses_by_cohort.values() for course in courses]
    progress = progress_for_courses(user=user, courses=all_courses)
    cohorts = []
    for enrolment in active:
        course_progress_list = [progress[c.pk] for c in courses_by_cohort[enrolment.cohort_id]]
        unfinished = [p for p in course_progress_list if not p.completed and p.next_lesson]
        cohorts.append(
            CohortProgress(
                enrolment=enrolment,
                courses=course_progress_list,
                hours=sum((p.hours for p in course_progress_list), ZERO),
                hours_required=sum((p.hours_required for p in course_progress_list), ZERO),
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
        hours_total=hours_total(user=user),
    )


def offline_sessions_from(*, start):
    """Offline sessions ending after ``start``, soonest first, with their cohort and course."""
    return list(
        OfflineSession.objects.filter(ends_at__gte=start)
        .select_related("cohort", "course")
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
    needed = int(lesson.estimated_minutes * 60 * rule.mark_complete_min_share)
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
