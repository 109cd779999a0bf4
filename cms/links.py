"""Absolute links to the public site, for what is read outside it: emails, certificates, credentials.

Pure: settings in, strings out. Here, in the lowest app, so that courses and certification share one
answer to "where does the site live" (``TTA_PUBLIC_URL``, else the admin's base URL).
"""

from django.conf import settings


def site_url() -> str:
    """The public base URL of the site, without a trailing slash."""
    return getattr(settings, "TTA_PUBLIC_URL", "") or settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """``path`` (an absolute path such as ``/notifications/``) on the public site."""
    return f"{site_url()}{path}"
