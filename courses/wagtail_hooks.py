"""Learning in the Wagtail admin and on content pages.

- Lesson access: ``before_serve_page`` locks lesson content to enrolled trainees and staff, so the
  cms app never needs to know about enrolments (imports stay certification → courses → cms);
  ``before_serve_document`` locks the documents and uploaded videos those lessons use.
- Cohorts (班期) are managed as a snippet by registrars; rosters live in the staff area.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import LessonPage
from core import roles
from courses import selectors, services
from courses.models import Cohort


@hooks.register("before_serve_page")
def lock_lessons_to_enrolled_trainees(page, request, serve_args, serve_kwargs):
    """Serve a lesson only to staff and to trainees enrolled in its course or program.

    Everyone else gets a 403 page with the syllabus link and the cohorts they can enrol in.
    Previews go through the admin (not this hook) and are unaffected.
    """
    if page.specific_class is not LessonPage:
        return None
    lesson = page.specific
    course = lesson.get_parent().specific
    if selectors.can_read_lessons(user=request.user, course=course):
        return None
    return TemplateResponse(
        request, "courses/enrol/lesson_locked.html", {"page": lesson, "course": course}, status=403
    )


@hooks.register("before_serve_document")
def lock_lesson_documents_to_their_readers(document, request):
    """Serve a document (a handout or an uploaded video) only to those who may read a page using it.

    See ``selectors.can_read_document``. Signed-out visitors are sent to sign in; others get the
    403 page. Documents live in private storage (core/storage.py), so this view is the only way in.
    """
    if selectors.can_read_document(user=request.user, document=document):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


class _StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.is_learning_staff(user=request.user)


@hooks.register("register_admin_menu_item")
def register_roster_menu_item():
    return _StaffMenuItem(_("Cohort rosters"), reverse("courses:staff_cohorts"), icon_name="group", order=250)


class CohortViewSet(SnippetViewSet):
    """Registrars open cohorts here; the model's ``clean`` gives the validation messages."""

    model = Cohort
    icon = "date"
    menu_label = _("Cohorts")
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["code", "title", "starts_on", "ends_on", "capacity", "enrolment_mode"]
    list_filter = ["enrolment_mode"]
    search_fields = ["code", "title"]
    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("title"), FieldPanel("title_en")]),
        MultiFieldPanel(
            [FieldPanel("program"), FieldPanel("course")],
            heading=_("For a whole program or for one course"),
        ),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("enrolment_mode")]),
        FieldRowPanel([FieldPanel("enrolment_opens_at"), FieldPanel("enrolment_closes_at")]),
        FieldRowPanel([FieldPanel("location"), FieldPanel("location_en")]),
        FieldPanel("fee"),
    ]


register_snippet(CohortViewSet)


@hooks.register("after_edit_snippet")
def promote_waitlist_after_capacity_change(request, instance):
    """A registrar who raises a cohort's capacity fills the new places from the waiting list at once."""
    if isinstance(instance, Cohort):
        services.waitlist_promote(cohort=instance, actor=request.user)


# Offline sessions, completion rules and check-in screens live in their own module.
from courses import wagtail_progress  # noqa: E402, F401


@hooks.register("construct_homepage_panels")
def staff_home_panels(request, panels):
    """The admin's home: an instructor's courses, drafts, reviews, grading and sessions, or a
    registrar's approvals, sittings and grading (courses.admin_home)."""
    from courses.admin_home import add_home_panels

    add_home_panels(request, panels)
