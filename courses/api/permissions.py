from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from courses.selectors import is_learning_staff


class IsLearningStaff(BasePermission):
    """Instructors, registrars and superusers (or a token owned by one), as for the staff area."""

    message = _("Only instructors and registrars may use this endpoint.")

    def has_permission(self, request, view) -> bool:
        return is_learning_staff(user=request.user)
