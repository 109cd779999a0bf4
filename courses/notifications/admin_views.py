"""Admin pages of notification emails, for registrars: the emails that failed or are stuck, and
"send again" for one or the ticked ones. Thin: the selector finds them, the service re-queues them."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from core.roles import registrar_required

from . import selectors, services
from .kinds import NotificationKind

PAGE_SIZE = 50


def _filters(data) -> dict[str, str]:
    """The state and kind asked for; an unknown value means "all"."""
    state = data.get("state", "")
    kind = data.get("kind", "")
    return {
        "state": state if state in selectors.EmailTrouble.values else "",
        "kind": kind if kind in NotificationKind.values else "",
    }


@require_GET
def notification_email_list(request):
    registrar_required(user=request.user)
    filters = _filters(request.GET)
    page = Paginator(selectors.email_trouble_list(**filters), PAGE_SIZE).get_page(request.GET.get("p"))
    context = {
        "page": page,
        "rows": [(notification, notification.render()) for notification in page],
        "filters": filters,
        "filter_query": urlencode({key: value for key, value in filters.items() if value}),
        "states": selectors.EmailTrouble.choices,
        "kinds": NotificationKind.choices,
    }
    return TemplateResponse(request, "notifications/admin/email_list.html", context)


def _ids(values) -> set[int]:
    ids = set()
    for value in values:
        try:
            ids.add(int(value))
        except (TypeError, ValueError):
            continue
    return ids


@require_POST
def notification_email_resend(request):
    registrar_required(user=request.user)
    single = request.POST.get("single")
    ids = _ids([single] if single else request.POST.getlist("notification")[:PAGE_SIZE])
    if not ids:
        messages.error(request, _("Tick the emails to send again."))
    else:
        count = services.notification_email_resend(notification_ids=ids, actor=request.user)
        if count:
            messages.success(
                request,
                ngettext("%(count)d email will be sent again.", "%(count)d emails will be sent again.", count)
                % {"count": count},
            )
        if count < len(ids):
            skipped = len(ids) - count
            messages.warning(
                request,
                ngettext(
                    "%(count)d email was not sent again: it was sent meanwhile, or its recipient has no "
                    "active account with an email address.",
                    "%(count)d emails were not sent again: they were sent meanwhile, or their recipients "
                    "have no active account with an email address.",
                    skipped,
                )
                % {"count": skipped},
            )
    return redirect(_back_to_list(request.POST))


def _back_to_list(data) -> str:
    query = {key: value for key, value in _filters(data).items() if value}
    page = data.get("p", "")
    if page.isdigit():
        query["p"] = page
    url = reverse("notification_emails")
    return f"{url}?{urlencode(query)}" if query else url
