from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.permissions import BasePermission

from core.roles import is_learning_staff

from .models import IntegrationToken


class IsLearningStaff(BasePermission):
    """Instructors, registrars and superusers (or a token owned by one), as for the staff area."""

    message = gettext_lazy("Only instructors and registrars may use this endpoint.")

    def has_permission(self, request, view) -> bool:
        return is_learning_staff(user=request.user)


class TokenScope(BasePermission):
    """A request made with an API token needs the scope the view names in ``token_scope`` (a view
    that names none accepts no token). Browser sessions are not limited by scopes."""

    code = "insufficient_scope"

    def has_permission(self, request, view) -> bool:
        token = request.auth
        if not isinstance(token, IntegrationToken):
            return True
        scope = getattr(view, "token_scope", None)
        if scope and token.has_scope(scope):
            return True
        self.message = _("This API token does not have the scope “%(scope)s” this endpoint needs.") % {
            "scope": scope or "—"
        }
        return False
