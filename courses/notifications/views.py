"""A user's own notifications and notification preferences. Nobody sees or marks anyone else's."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import PreferenceForm
from .kinds import NotificationKind

PAGE_SIZE = 20


@login_required
def notification_list(request):
    page = Paginator(selectors.notification_list_for_user(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = [(notification, notification.render()) for notification in page]
    return render(request, "notifications/list.html", {"page_obj": page, "rows": rows})


@login_required
@require_POST
def notification_read(request, pk: int):
    # Another user's notification is "not found", not "forbidden".
    if not services.notification_mark_read(user=request.user, notification_id=pk):
        raise Http404
    return redirect(_back_to_list(request))


@login_required
@require_POST
def notification_read_all(request):
    count = services.notification_mark_all_read(user=request.user)
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return redirect(_back_to_list(request))


def _back_to_list(request) -> str:
    page = request.POST.get("page", "")
    url = reverse("notifications:list")
    return f"{url}?page={int(page)}" if page.isdigit() else url


@login_required
def preferences(request):
    preference = selectors.preference_for(user=request.user)
    if request.method == "POST":
        form = PreferenceForm(request.POST)
        if form.is_valid():
            services.preference_update(
                user=request.user,
                language=form.cleaned_data["language"],
                emailed_kinds=form.cleaned_data["emailed_kinds"],
            )
            messages.success(request, _("Your notification preferences were saved."))
            return redirect("notifications:preferences")
    else:
        form = PreferenceForm(
            initial={
                "language": preference.language,
                "emailed_kinds": [kind for kind in NotificationKind.values if preference.emails(kind)],
            }
        )
    return render(request, "notifications/preferences.html", {"form": form})
