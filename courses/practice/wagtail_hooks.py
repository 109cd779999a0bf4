from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.choosers import ListersOnlyChooserViewSet

from . import defence, selectors
from .models import (
    AssignmentStatus,
    ConflictOfInterest,
    DefenceSession,
    PracticalAssignment,
    ReviewerProfile,
    ReviewPanel,
)


class AssignmentForm(WagtailAdminModelForm):
    """Instructors draft; only registrars publish (or take an assignment back to draft)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if not selectors.can_manage(user=for_user) and "status" in self.fields:
            self.fields["status"].disabled = True
            if self.instance.pk is None:
                self.initial["status"] = AssignmentStatus.DRAFT


PracticalAssignment.base_form_class = AssignmentForm


class PracticalAssignmentViewSet(SnippetViewSet):
    model = PracticalAssignment
    icon = "doc-full-inverse"
    menu_label = _("Practical assignments")
    list_display = ["title", "course", "program", "due_at", "status"]
    list_filter = ["status"]
    search_fields = ["title"]


class ReviewPanelViewSet(SnippetViewSet):
    model = ReviewPanel
    icon = "group"
    menu_label = _("Review panels")
    list_display = ["name", "chair"]
    chooser_viewset_class = ListersOnlyChooserViewSet


class ReviewerProfileViewSet(SnippetViewSet):
    model = ReviewerProfile
    icon = "user"
    menu_label = _("Reviewers")
    list_display = ["display_name", "organisation", "external"]
    chooser_viewset_class = ListersOnlyChooserViewSet


class ConflictOfInterestViewSet(SnippetViewSet):
    model = ConflictOfInterest
    icon = "warning"
    menu_label = _("Conflicts of interest")
    list_display = ["reviewer", "employer", "trainee", "declared_at"]
    chooser_viewset_class = ListersOnlyChooserViewSet


class DefenceSessionViewSet(SnippetViewSet):
    model = DefenceSession
    icon = "date"
    menu_label = _("Defence sessions")
    list_display = ["title", "assignment", "starts_at", "room", "panel"]
    chooser_viewset_class = ListersOnlyChooserViewSet


class PracticeViewSetGroup(SnippetViewSetGroup):
    items = (
        PracticalAssignmentViewSet,
        ReviewPanelViewSet,
        ReviewerProfileViewSet,
        ConflictOfInterestViewSet,
        DefenceSessionViewSet,
    )
    menu_icon = "doc-full-inverse"
    menu_label = _("Practical assessment")
    menu_order = 255


register_snippet(PracticeViewSetGroup)


def _reviews_or_manages(request) -> bool:
    """Reviewers, panel members and chairs, and registrars; asked once a request (two menu items ask)."""
    if not hasattr(request, "_practice_reviewer"):
        request._practice_reviewer = selectors.can_manage(
            user=request.user
        ) or selectors.is_reviewer_anywhere(user=request.user)
    return request._practice_reviewer


class _ReviewerMenuItem(MenuItem):
    def is_shown(self, request):
        return _reviews_or_manages(request)


@hooks.register("register_admin_menu_item")
def practice_reviews_menu_item():
    return _ReviewerMenuItem(
        _("Practice reviews"), reverse("practice:review_queue"), icon_name="tasks", order=265
    )


class _RegistrarMenuItem(MenuItem):
    def is_shown(self, request):
        return selectors.can_manage(user=request.user)


@hooks.register("register_admin_menu_item")
def reviewer_load_menu_item():
    return _RegistrarMenuItem(_("Reviewer load"), reverse("reviewer_load:list"), icon_name="group", order=266)


@hooks.register("register_admin_menu_item")
def defence_panel_menu_item():
    # Shown to whoever sees the reviews (the page lists the sessions of the user's panels, if any).
    return _ReviewerMenuItem(
        _("Defences to score"), reverse("defence:panel_sessions"), icon_name="date", order=267
    )


@hooks.register("register_snippet_listing_buttons")
def assignment_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, PracticalAssignment) and selectors.can_manage(user=user):
        url = reverse("practice:staff_assignment", args=[snippet.pk])
        yield ListingMenuItem(_("Submissions and release"), url, icon_name="list-ul", priority=50)
        url = reverse("defence:staff_sessions", args=[snippet.pk])
        yield ListingMenuItem(_("Defence sessions"), url, icon_name="date", priority=51)
    if isinstance(snippet, DefenceSession) and defence.can_schedule(user=user, session=snippet):
        url = reverse("defence:staff_session", args=[snippet.pk])
        yield ListingMenuItem(_("Slots and scheduling"), url, icon_name="list-ul", priority=50)


@hooks.register("trainee_dashboard_panels", order=20)
def practice_dashboard_panel(request):
    assignments = selectors.assignments_for_trainee(user=request.user)
    if not assignments:
        return ""
    return render_to_string("practice/dashboard_panel.html", {"assignments": assignments}, request=request)
