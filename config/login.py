"""One way in: the Wagtail and Django admin login pages hand over to the site's login.

The site's login (django-allauth) is throttled against password guessing; the admins' own
login forms are not. Both are replaced by a redirect that keeps a safe ``next`` and never
reads a submitted password, so there is no unthrottled place left to guess at.
"""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def admin_login_redirect(request, default_next: str = "/admin/"):
    target = request.GET.get("next") or default_next
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = default_next
    return HttpResponseRedirect(f"{reverse('account_login')}?{urlencode({'next': target})}")
