"""A second factor for those who can read identity numbers: registrars and superusers.

django-allauth's MFA (TOTP, with recovery codes) does the enrolment and the code checks; allauth
records each way a user authenticated in the session (``{"method": "mfa", ...}``). Here:

- ``mfa_required(user)``: who must have it (registrars and superusers; trainees and instructors may).
- ``mfa_passed(request)``: the signed-in user passed a second factor in this session.
- ``StaffMfaMiddleware``: before the admins, trainee records and staff pages, a registrar or superuser
  without TOTP is sent to set it up, and one with TOTP who has not passed it here is asked for a code.
- ``ActivateTOTPView``: setting up TOTP counts as passing it (the user has just entered a code).

Only the staff paths below are checked, so a trainee's page views and heartbeats cost nothing more.
"""

from urllib.parse import urlencode

from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY, get_authentication_records
from allauth.account.internal.flows.login import record_authentication  # as allauth's MFA views do
from allauth.mfa.models import Authenticator
from allauth.mfa.totp import views as allauth_totp_views
from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from core.roles import is_registrar

from .consent import without_language_prefix

__all__ = ["AUTHENTICATION_METHODS_SESSION_KEY", "StaffMfaMiddleware", "mfa_passed", "mfa_required"]

# Paths (after the language prefix) where registrars and superusers need a second factor: the admins,
# trainee records, every trainee's certificate PDF and credential (a registrar may download any), the
# staff pages of learning, exams and check-in, and the API used with a session.
STAFF_PATH_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/accounts/records/",
    "/certificates/",
    "/staff/",
    "/exams/staff/",
    "/checkin/sessions/",
    "/api/",
)


def mfa_required(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Registrars and superusers must use a second factor; everyone else may."""
    return is_registrar(user=user)


def mfa_passed(request: HttpRequest) -> bool:
    """The signed-in user passed a second factor (a TOTP or recovery code) in this session."""
    return any(record.get("method") == "mfa" for record in get_authentication_records(request, request.user))


def is_staff_path(path: str) -> bool:
    return without_language_prefix(path).startswith(STAFF_PATH_PREFIXES)


class StaffMfaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        # The path first: a trainee's page or exam save never loads the user row for this check.
        if not is_staff_path(request.path_info):
            return self.get_response(request)
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            # Cheapest first: a session that passed MFA needs no query at all.
            and not mfa_passed(request)
            and mfa_required(user)
        ):
            return self._second_factor_needed(request, user)
        return self.get_response(request)

    def _second_factor_needed(self, request: HttpRequest, user: AbstractBaseUser):
        has_totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        if has_totp:
            message = _("Enter the code from your authenticator app to continue.")
            url = f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.get_full_path()})}"
        else:
            message = _(
                "Registrars and administrators can read identity numbers, so their accounts need a "
                "second factor. Set up an authenticator app (TOTP) to continue."
            )
            url = reverse("mfa_activate_totp")
        if without_language_prefix(request.path_info).startswith("/api/"):
            return JsonResponse(
                {"error": {"code": "mfa_required", "message": message, "details": {"url": url}}}, status=403
            )
        messages.warning(request, message)
        return HttpResponseRedirect(url)


class ActivateTOTPView(allauth_totp_views.ActivateTOTPView):
    """allauth's page that sets up TOTP (served at its address, see urls.py); setting it up counts as
    passing it in this session: the user has just entered a code from the new authenticator."""

    def form_valid(self, form):
        response = super().form_valid(form)
        totp = Authenticator.objects.get(user=self.request.user, type=Authenticator.Type.TOTP)
        record_authentication(self.request, self.request.user, "mfa", id=totp.pk, type=totp.type)
        return response


activate_totp = ActivateTOTPView.as_view()
