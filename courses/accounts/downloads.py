"""Downloads that write the personal-data audit log answer same-site requests only.

Such a download is a GET (a link), so another site could make a signed-in user's browser fetch it
(an ``<img>``, a link, a redirect) and fill the audit log with downloads nobody asked for. Browsers
say where a request comes from in ``Sec-Fetch-Site``: only ``same-origin`` (our own pages) and
``none`` (typed, bookmarked) are served. Without that header (older browsers) the ``Origin``, else the
``Referer``, must name this host (the site sends a same-origin Referer: SECURE_REFERRER_POLICY). A
request with none of the three is not from a browser page of another site (scripts, the test client)
and is served. A refused request is a 403 and writes no audit row.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.http import HttpRequest
from django.shortcuts import render
from django.utils.translation import gettext as _

SAME_SITE_FETCHES = {"same-origin", "none"}


def request_is_cross_site(request: HttpRequest) -> bool:
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site.strip().lower() not in SAME_SITE_FETCHES
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source:
        return False
    if source == "null":  # an opaque origin: a sandboxed frame, a data: URL, a cross-origin redirect
        return True
    return urlsplit(source).netloc.lower() != request.get_host().lower()


def same_site_only(view):
    """Refuse (403) a cross-site request before ``view`` runs, so it writes no audit row."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if request_is_cross_site(request):
            reason = _("This download opens only from this site's own pages.")
            return render(request, "403.html", {"reason": reason}, status=403)
        return view(request, *args, **kwargs)

    return wrapper
