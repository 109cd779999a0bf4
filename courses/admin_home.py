"""The admin's home for instructors and registrars (Wagtail's ``construct_homepage_panels``).

An instructor sees their courses (those they are linked to as the course's grader, the project's
account-to-course link), their drafts and where each stands in review, changes a reviewer asked
for with the reviewer's comment, the answers waiting for their grade and the classroom sessions
coming up in their courses. A registrar sees papers waiting for approval, the sittings and sessions
coming up and the grading still open. Each list says, when empty, why and what to do.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, TaskState, WorkflowState

from cms.models import CoursePage
from core.roles import is_learning_staff, is_registrar
from courses.exams import selectors as exam_selectors
from courses.exams.models import CourseGrader, ExamPaper, Sitting
from courses.models import OfflineSession

LIMIT = 8


@dataclass(frozen=True)
class Draft:
    title: str
    kind: str  # the model's verbose name
    url: str | None
    state: str  # "draft", "in_review" or "needs_changes"
    edited_at: datetime | None
    comment: str = ""
    reviewer: str = ""


def courses_for_instructor(*, user) -> list[CoursePage]:
    """The courses ``user`` is linked to (as the course's grader), one per course: its translation in
    the active language (the user's in the admin), else the course as first written (its source)."""
    keys = CourseGrader.objects.filter(user=user).values("course__translation_key")
    active = Locale.get_active().pk
    chosen: dict = {}
    for page in CoursePage.objects.filter(translation_key__in=keys).order_by("pk"):  # the source first
        if page.translation_key not in chosen or page.locale_id == active:
            chosen[page.translation_key] = page
    return sorted(chosen.values(), key=lambda page: (page.title, page.pk))


def _review_states(objects) -> dict[tuple[int, str], WorkflowState]:
    """The open workflow state (in review or changes requested) of each object, by (type, id)."""
    wanted = Q()
    for obj in objects:
        base = obj.get_base_content_type() if hasattr(obj, "get_base_content_type") else None
        base = base or ContentType.objects.get_for_model(obj, for_concrete_model=True)
        wanted |= Q(base_content_type=base, object_id=str(obj.pk))
    if not objects:
        return {}
    states = WorkflowState.objects.filter(
        wanted,
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
    ).select_related("base_content_type")
    return {(state.base_content_type_id, state.object_id): state for state in states}


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def _rejection(state: WorkflowState) -> TaskState | None:
    return (
        state.task_states.filter(status=TaskState.STATUS_REJECTED)
        .select_related("finished_by")
        .order_by("-finished_at", "-pk")
        .first()
    )


def drafts_for_user(*, user) -> list[Draft]:
    """Papers and pages whose latest revision is ``user``'s and not yet published, with their review
    state; changes requested come first, with the reviewer's comment."""
    papers = list(
        ExamPaper.objects.filter(latest_revision__user=user)
        .filter(Q(live=False) | Q(has_unpublished_changes=True))
        .select_related("latest_revision")
        .order_by("-latest_revision__created_at")[:LIMIT]
    )
    pages = list(
        Page.objects.filter(latest_revision__user=user, has_unpublished_changes=True)
        .select_related("latest_revision")
        .specific()
        .order_by("-latest_revision__created_at")[:LIMIT]
    )
    objects = [*papers, *pages]
    states = _review_states(objects)
    finder = AdminURLFinder(user)
    drafts = []
    for obj in objects:
        base = obj.get_base_content_type() if hasattr(obj, "get_base_content_type") else None
        base = base or ContentType.objects.get_for_model(obj, for_concrete_model=True)
        state = states.get((base.pk, str(obj.pk)))
        comment = reviewer = ""
        status = "draft"
        if state is not None:
            status = "needs_changes" if state.status == WorkflowState.STATUS_NEEDS_CHANGES else "in_review"
            if status == "needs_changes":
                rejected = _rejection(state)
                if rejected is not None:
                    comment = rejected.get_comment()
                    reviewer = _name(rejected.finished_by)
        revision = obj.latest_revision
        drafts.append(
            Draft(
                title=obj.get_admin_display_title() if isinstance(obj, Page) else str(obj),
                kind=str(obj._meta.verbose_name),
                url=finder.get_edit_url(obj),
                state=status,
                edited_at=revision.created_at if revision else None,
                comment=comment,
                reviewer=reviewer,
            )
        )
    order = {"needs_changes": 0, "in_review": 1, "draft": 2}
    return sorted(drafts, key=lambda d: order[d.state])


def upcoming_sessions(*, courses: list[CoursePage] | None, now: datetime | None = None):
    """Classroom sessions still to come: of ``courses`` (any language), or all when None."""
    sessions = OfflineSession.objects.filter(ends_at__gte=now or timezone.now())
    if courses is not None:
        sessions = sessions.filter(course__translation_key__in=[c.translation_key for c in courses])
    return list(sessions.select_related("course", "cohort").order_by("starts_at")[:LIMIT])


def papers_awaiting_approval(*, user) -> list[dict]:
    """Papers in the review workflow, oldest request first, with who asked."""
    base = ContentType.objects.get_for_model(ExamPaper)
    states = list(
        WorkflowState.objects.filter(base_content_type=base, status=WorkflowState.STATUS_IN_PROGRESS)
        .select_related("requested_by")
        .order_by("created_at")[:LIMIT]
    )
    papers = ExamPaper.objects.in_bulk([int(state.object_id) for state in states])
    finder = AdminURLFinder(user)
    rows = []
    for state in states:
        paper = papers.get(int(state.object_id))
        if paper is not None:
            rows.append(
                {
                    "paper": paper,
                    "url": finder.get_edit_url(paper),
                    "requested_by": _name(state.requested_by),
                    "requested_at": state.created_at,
                }
            )
    return rows


def upcoming_sittings(*, now: datetime | None = None) -> list[Sitting]:
    return list(
        Sitting.objects.filter(closes_at__gte=now or timezone.now())
        .select_related("paper", "cohort")
        .order_by("opens_at")[:LIMIT]
    )


class InstructorHomePanel(Component):
    """My courses, my drafts and their review, changes requested, grading, sessions I teach."""

    name = "instructor_home"
    template_name = "courses/admin_home/instructor.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        courses = courses_for_instructor(user=self.user)
        drafts = drafts_for_user(user=self.user)
        return {
            "courses": courses,
            "drafts": drafts,
            "changes_requested": [d for d in drafts if d.state == "needs_changes"],
            "to_grade": exam_selectors.grading_queue(user=self.user).count(),
            "grading_url": reverse("exams:staff_grading_queue"),
            "sessions": upcoming_sessions(courses=courses),
            "papers_url": reverse("wagtailsnippets_exams_exampaper:list"),
        }


class RegistrarHomePanel(Component):
    """Papers awaiting approval, sittings and sessions coming up, grading still open."""

    name = "registrar_home"
    template_name = "courses/admin_home/registrar.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {
            "awaiting": papers_awaiting_approval(user=self.user),
            "sittings": upcoming_sittings(),
            "sessions": upcoming_sessions(courses=None),
            "to_grade": exam_selectors.grading_queue(user=self.user).count(),
            "grading_url": reverse("exams:staff_grading_queue"),
            "sittings_url": reverse("wagtailsnippets_exams_sitting:list"),
        }


def add_home_panels(request, panels) -> None:
    """Registrars get their panel; other staff (instructors) theirs; first on the page."""
    user = request.user
    if is_registrar(user=user):
        panels.append(RegistrarHomePanel(user))
    elif is_learning_staff(user=user):
        panels.append(InstructorHomePanel(user))
