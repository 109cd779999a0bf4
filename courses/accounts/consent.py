"""Asking signed-in trainees for consent again when the privacy notice version changes.

At sign-in the consented version is remembered in the session; the middleware compares it with
the version in force and, if they differ, checks the database once and sends the trainee to the
consent page. Staff pages (rosters, check-in screens, grading, trainee records) are not trainee
pages: instructors and registrars reach them without the trainee's consent page, as they reach the
admin (a trainee opening one is refused by the page itself). Sessions that did not sign in through the site (Wagtail admin, tests using
``force_login``) carry no remembered version and are left alone.
"""

from django.conf import settings
from django.http import HttpRequest
from django.urls import Resolver404, resolve

from .selectors import consent_is_current, current_notice_version

SESSION_KEY = "tta_privacy_notice_version"
# The API answers machines and scripts in JSON: it never redirects to the consent page.
_EXEMPT_PREFIXES = (
    "/static/",
    "/media/",
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/health/",
    "/i18n/",
    "/api/",
)
# The site's staff pages, after the language prefix (see templates/courses/includes/staff_nav.html).
STAFF_PAGE_PREFIXES = ("/staff/", "/exams/staff/", "/checkin/sessions/", "/accounts/records/")
_EXEMPT_URL_NAMES = {
    "consent",
    "privacy_notice",
    "account_logout",
    "account_confirm_email",
    "account_email_verification_sent",
}


def remember_consent_state(*, request: HttpRequest, user) -> None:
    """Store the consented version ('' when none current) in the session after sign-in or consent."""
    request.session[SESSION_KEY] = current_notice_version() if consent_is_current(user=user) else ""


def consent_deferred(view):
    """Mark a view that must never be interrupted by the consent page (like ``csrf_exempt``).

    For work in progress that a redirect would break, such as an exam being sat: the trainee is
    asked on their next ordinary page instead.
    """
    view.privacy_consent_deferred = True
    return view


def without_language_prefix(path: str) -> str:
    """``path`` as the default language serves it: /en/staff/ → /staff/."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if code != settings.LANGUAGE_CODE and path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path


def is_staff_page(path: str) -> bool:
    """Whether ``path`` is one of the site's staff pages (not the admin, which is separate)."""
    return without_language_prefix(path).startswith(STAFF_PAGE_PREFIXES)


def exempt_from_consent(request: HttpRequest) -> bool:
    if request.path_info.startswith(_EXEMPT_PREFIXES) or is_staff_page(request.path_info):
        return True
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.url_name in _EXEMPT_URL_NAMES or getattr(match.func, "privacy_consent_deferred", False)
