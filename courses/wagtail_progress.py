"""Offline sessions and course completion rules in the Wagtail admin, for registrars.

Imported by ``courses/wagtail_hooks.py``. Who may do what follows the learning roles
(core.roles.is_registrar / is_learning_staff) rather than per-model permission rows.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.choosers import ListersOnlyChooserViewSet
from core import roles
from core.roles import INSTRUCTORS_GROUP, REGISTRARS_GROUP
from courses.models import CourseRule, OfflineSession, ProgressAnomaly


class LearningRolesPolicy(BasePermissionPolicy):
    """Registrars may do everything; instructors may look."""

    def user_has_permission(self, user, action):
        if action == "view":
            return roles.is_learning_staff(user=user)
        return roles.is_registrar(user=user)

    def users_with_any_permission(self, actions):
        return _active_users_in(
            [REGISTRARS_GROUP] + ([INSTRUCTORS_GROUP] if set(actions) <= {"view"} else [])
        )


class RegistrarsReadOnlyPolicy(BasePermissionPolicy):
    """Registrars may look; nobody edits (the services write these rows)."""

    def user_has_permission(self, user, action):
        return action == "view" and roles.is_registrar(user=user)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return _active_users_in([REGISTRARS_GROUP])


def _active_users_in(groups: list[str]):
    """Active superusers and active members of ``groups``: whom a policy grants its actions."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name__in=groups))
        .distinct()
    )


register_permission_policy(OfflineSession, LearningRolesPolicy(OfflineSession))
register_permission_policy(CourseRule, LearningRolesPolicy(CourseRule))
register_permission_policy(ProgressAnomaly, RegistrarsReadOnlyPolicy(ProgressAnomaly))


class OfflineSessionViewSet(SnippetViewSet):
    model = OfflineSession
    icon = "date"
    menu_label = _("Offline sessions")
    list_display = ["title", "cohort", "course", "starts_at", "ends_at", "hours"]
    list_filter = ["cohort"]
    search_fields = ["title", "location"]
    ordering = ["-starts_at"]
    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("title_en")]),
        FieldRowPanel([FieldPanel("cohort"), FieldPanel("course")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("location"), FieldPanel("location_en")]),
        FieldPanel("hours"),
    ]


class CourseRuleViewSet(SnippetViewSet):
    model = CourseRule
    icon = "tasks"
    menu_label = _("Completion rules")
    list_display = ["course", "require_required_lessons", "hours_share_required", "min_video_fraction"]
    panels = [
        FieldPanel("course"),
        MultiFieldPanel(
            [FieldPanel("require_required_lessons"), FieldPanel("hours_share_required")],
            heading=_("A course is complete when"),
        ),
        MultiFieldPanel(
            [FieldPanel("min_video_fraction"), FieldPanel("mark_complete_min_share")],
            heading=_("A lesson is complete when"),
        ),
    ]


class ProgressAnomalyViewSet(SnippetViewSet):
    """What the heartbeat and check-in services flagged: a read-only list for registrars to follow up."""

    model = ProgressAnomaly
    icon = "warning"
    menu_label = _("Progress anomalies")
    list_display = ["user", "kind", "day", "count", "last_seen_at", "lesson", "session", "detail"]
    list_filter = ["kind", "day"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "detail"]
    search_backend_name = None  # the ORM over these fields: the rows are not in the search index
    ordering = ["-last_seen_at"]
    inspect_view_enabled = True
    copy_view_enabled = False
    chooser_viewset_class = ListersOnlyChooserViewSet  # the list is for registrars: so are its choosers


class ProgressViewSetGroup(SnippetViewSetGroup):
    items = (OfflineSessionViewSet, CourseRuleViewSet, ProgressAnomalyViewSet)
    menu_icon = "time"
    menu_label = _("Attendance and completion")
    menu_order = 245


register_snippet(ProgressViewSetGroup)


@hooks.register("register_admin_menu_item")
def register_checkin_menu_item():
    from wagtail.admin.menu import MenuItem

    class _CheckinMenuItem(MenuItem):
        def is_shown(self, request):
            return roles.is_learning_staff(user=request.user)

    return _CheckinMenuItem(
        _("Check-in screens"), reverse("courses:checkin_sessions"), icon_name="view", order=246
    )
