from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse

from .consent import SESSION_KEY, exempt_from_consent, remember_consent_state


class PrivacyConsentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        remembered = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
        if (
            remembered is not None
            and remembered != settings.PRIVACY_NOTICE_VERSION
            and request.user.is_authenticated
            # Only page views are redirected; background calls (heartbeats) must not break.
            and request.method in ("GET", "HEAD")
            and not exempt_from_consent(request)
        ):
            remember_consent_state(request=request, user=request.user)
            if request.session[SESSION_KEY] != settings.PRIVACY_NOTICE_VERSION:
                url = reverse("accounts:consent") + "?" + urlencode({"next": request.get_full_path()})
                return HttpResponseRedirect(url)
        return self.get_response(request)
