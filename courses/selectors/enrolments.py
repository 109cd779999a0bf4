"""Reads about cohorts and enrolments: who may see lessons, who is in which cohort, rosters."""

from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex

from cms.models import CoursePage, LessonPage
from core.roles import is_learning_staff, is_registrar
from courses.models import Cohort, Enrolment, EnrolmentMode, EnrolmentStatus, LessonCompletion
from courses.models.enrolments import PLACE_HOLDING
from courses.selectors.cohorts import cohort_courses, cohort_progress_courses
from courses.selectors.standing import (
    course_hours,
    credited_hours_sql,
    hours_required_for,
    percent_sql,
    program_progress,
    progress_for_users,
)


def can_read_roster(*, user, cohort: Cohort) -> bool:
    """Registrars read every cohort's roster (names, emails, progress); an instructor only those of
    cohorts whose courses they teach: a ``CourseGrader`` link (the account-to-course link) to one of
    the cohort's courses, in any language. Two queries."""
    if is_registrar(user=user):
        return True
    if not is_learning_staff(user=user):
        return False
    from courses.exams.models import CourseGrader

    keys = [course.translation_key for course in cohort_courses(cohorts=[cohort])[cohort.pk]]
    return CourseGrader.objects.filter(user=user, course__translation_key__in=keys).exists()


def _cohorts_covering(course: CoursePage) -> Q:
    """Cohorts that give access to ``course``: its own (in any language) or its level's program."""
    return Q(cohort__course__translation_key=course.translation_key) | Q(cohort__program__level=course.level)


def is_enrolled(*, user, course: CoursePage) -> bool:
    """Whether ``user`` holds a place (enrolled or completed) in a cohort of the course or of its program."""
    if not user or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return False
    return (
        Enrolment.objects.filter(user=user, status__in=PLACE_HOLDING)
        .filter(_cohorts_covering(course))
        .exists()
    )


def can_read_lessons(*, user, course: CoursePage) -> bool:
    """Lesson content is for enrolled trainees and for learning staff."""
    return is_learning_staff(user=user) or is_enrolled(user=user, course=course)


def can_read_document(*, user, document) -> bool:
    """A Wagtail document (a lesson's handout or uploaded video) follows the pages that use it.

    Used by a live page other than a lesson (a course page, the home page): public, as that page.
    Used by live lessons: for whoever may read one of them (``can_read_lessons``). Used by no live
    page (not placed yet, only in drafts, or removed): learning staff and admin users only. Reads
    Wagtail's reference index, which each page save keeps up to date.
    """
    if is_learning_staff(user=user) or (user.is_authenticated and user.has_perm("wagtailadmin.access_admin")):
        return True
    page_ids = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    pages = Page.objects.filter(
        pk__in=[int(pk) for pk in page_ids.values_list("object_id", flat=True)], live=True
    )
    lesson_type = ContentType.objects.get_for_model(LessonPage)
    if pages.exclude(content_type=lesson_type).exists():
        return True
    courses = CoursePage.objects.filter(
        pk__in=[lesson.get_parent().pk for lesson in pages.filter(content_type=lesson_type)]
    )
    return any(is_enrolled(user=user, course=course) for course in courses)


def enrolled_cohorts(*, user) -> QuerySet[Cohort]:
    """Cohorts in which ``user`` holds a place, newest first, with their course or program loaded."""
    if not user or not user.is_authenticated:
        return Cohort.objects.none()
    return (
        Cohort.objects.filter(enrolments__user=user, enrolments__status__in=PLACE_HOLDING)
        .select_related("course", "program")
        .distinct()
    )


def enrolment_list_for_user(*, user) -> QuerySet[Enrolment]:
    """All of a user's enrolments (any status), with cohort, course and program loaded."""
    if not user or not user.is_authenticated:
        return Enrolment.objects.none()
    return (
        Enrolment.objects.filter(user=user)
        .select_related("cohort", "cohort__course", "cohort__program")
        .order_by("-created_at", "-pk")
    )


def enrolment_for(*, user, cohort: Cohort) -> Enrolment | None:
    if not user or not user.is_authenticated:
        return None
    return Enrolment.objects.filter(user=user, cohort=cohort).first()


def cohort_taken_places(*, cohort: Cohort) -> int:
    return cohort.enrolments.filter(status__in=PLACE_HOLDING).count()


def cohorts_open_for(*, course: CoursePage, at=None) -> list[Cohort]:
    """Cohorts a trainee could apply to for ``course`` now: the course's own and its program's.

    Invitation-only cohorts are left out (only invitees join them); each cohort carries
    ``taken`` (places held) so a template can show what is left. One query.
    """
    at = at or timezone.now()
    queryset = (
        Cohort.objects.filter(
            Q(course__translation_key=course.translation_key) | Q(program__level=course.level)
        )
        .exclude(enrolment_mode=EnrolmentMode.INVITATION)
        .filter(Q(enrolment_opens_at__isnull=True) | Q(enrolment_opens_at__lte=at))
        .filter(Q(enrolment_closes_at__isnull=True) | Q(enrolment_closes_at__gt=at))
        .filter(ends_on__gte=timezone.localdate(at))
        .annotate(taken=Count("enrolments", filter=Q(enrolments__status__in=PLACE_HOLDING)))
        .select_related("course", "program")
        .order_by("starts_on", "code")
    )
    return list(queryset)


def waitlist(*, cohort: Cohort) -> QuerySet[Enrolment]:
    """The waiting list in promotion order."""
    return cohort.enrolments.filter(status=EnrolmentStatus.WAITLISTED).order_by("waitlisted_at", "pk")


def pending_enrolments(*, cohort: Cohort) -> QuerySet[Enrolment]:
    return (
        cohort.enrolments.filter(status=EnrolmentStatus.PENDING).select_related("user").order_by("created_at")
    )


# --- Staff: cohort rosters ----------------------------------------------------------------

ROSTER_SORTS = {
    "name": ("user__first_name", "user__username"),
    "-name": ("-user__first_name", "-user__username"),
    "status": ("status", "user__username"),
    "-status": ("-status", "user__username"),
    "progress": ("percent", "user__username"),
    "-progress": ("-percent", "user__username"),
    "hours": ("hours", "user__username"),
    "-hours": ("-hours", "user__username"),
    "enrolled": ("created_at", "pk"),
    "-enrolled": ("-created_at", "-pk"),
}


def cohort_list_for_staff(*, query: str = "", enrolment_mode: str = "") -> QuerySet[Cohort]:
    """Every cohort (or those whose code or title contains ``query``, in ``enrolment_mode``) with
    its place and queue counts, newest first (one query)."""
    cohorts = Cohort.objects.select_related("course", "program")
    if query:
        cohorts = cohorts.filter(Q(code__icontains=query) | Q(title__icontains=query))
    if enrolment_mode:
        cohorts = cohorts.filter(enrolment_mode=enrolment_mode)
    return cohorts.annotate(
        taken=Count("enrolments", filter=Q(enrolments__status__in=PLACE_HOLDING)),
        pending=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.PENDING)),
        waiting=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.WAITLISTED)),
    ).order_by("-starts_on", "code", "pk")


def roster(*, cohort: Cohort, status: str = "", query: str = "", sort: str = "name"):
    """The trainees of a cohort with lessons done, required lessons and hours, filtered and sorted.

    Returns ``(queryset, required_lessons, courses)``. Progress counts required lessons completed
    (matched by translation, as the progress engine does) over the required lessons of the
    courses the cohort's progress counts (``cohort_progress_courses``: the certificate rule's when it
    names them, as eligibility counts); hours are those credited in those courses (``standing``: each capped at
    the course's hours). Sorting by progress sorts by standing's percent (``percent_sql``, the
    figure each row shows). A fixed number of queries whatever the number of trainees: the figures
    are subqueries of one SELECT. ``roster_progress`` adds each row's program progress.
    """
    courses = cohort_progress_courses(cohorts=[cohort])[cohort.pk]
    lesson_keys = list(
        LessonPage.objects.live()
        .filter(required=True)
        .filter(_children_of(courses))
        .values_list("translation_key", flat=True)
    )
    done = (
        LessonCompletion.objects.filter(user=OuterRef("user_id"), lesson__translation_key__in=lesson_keys)
        .order_by()
        .values("user")
        .annotate(n=Count("lesson__translation_key", distinct=True))
        .values("n")
    )
    rows = (
        Enrolment.objects.filter(cohort=cohort)
        .select_related("user", "user__trainee_profile")
        .annotate(
            lessons_done=Coalesce(Subquery(done, output_field=IntegerField()), 0),
            hours=credited_hours_sql(courses=courses),
        )
    )
    if sort.lstrip("-") == "progress":  # standing's percent, as the rows show it (two more queries)
        rows = rows.annotate(percent=percent_sql(courses=courses))
    if status:
        rows = rows.filter(status=status)
    if query:
        rows = rows.filter(
            Q(user__username__icontains=query)
            | Q(user__first_name__icontains=query)
            | Q(user__last_name__icontains=query)
            | Q(user__email__icontains=query)
        )
    rows = rows.order_by(*ROSTER_SORTS.get(sort, ROSTER_SORTS["name"]))
    return rows, len(lesson_keys), courses


def roster_progress(*, rows, cohort: Cohort, courses: list[CoursePage], hours_required=None) -> list:
    """Set ``row.progress`` (``standing.ProgramProgress``: courses completed, hours credited, percent)
    on each roster row of a page or an export. Seven queries however many rows (six when the caller
    passes ``hours_required``, ``hours_required_for``'s figure for the cohort)."""
    rows = list(rows)
    hours = course_hours(courses=courses)  # read once: the progress and the hours required
    progress = progress_for_users(user_ids=[row.user_id for row in rows], courses=courses, hours=hours)
    required = (
        hours_required
        if hours_required is not None
        else hours_required_for(
            program=cohort.program if cohort.program_id else None, courses=courses, hours=hours
        )
    )
    for row in rows:
        row.progress = program_progress(
            progress=progress[row.user_id], courses=courses, program=cohort.program, hours_required=required
        )
    return rows


def _children_of(courses: list[CoursePage]) -> Q:
    query = Q(pk__in=[])
    for course in courses:
        query |= Q(path__startswith=course.path, depth=course.depth + 1)
    return query


def enrolments_covering(*, user_id: int, course_id: int) -> QuerySet[Enrolment]:
    """The enrolments ``is_enrolled`` looks for, with the course read inside the query (by id): a
    subquery for a larger read that must not load the course first (the exam start's single read)."""
    course = CoursePage.objects.filter(pk=course_id)
    covering = SimpleNamespace(
        translation_key=Subquery(course.values("translation_key")[:1]),
        level=Subquery(course.values("level")[:1]),
    )
    return Enrolment.objects.filter(user_id=user_id, status__in=PLACE_HOLDING).filter(
        _cohorts_covering(covering)
    )
