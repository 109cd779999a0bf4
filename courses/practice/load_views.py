"""The registrar's reviewer-load page and its reminder action (see ``courses.practice.load``)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import roles

from . import load
from .services import PracticeError


def _registrar(request) -> None:
    if not roles.is_registrar(user=request.user):
        raise Http404


@login_required
def reviewer_load(request):
    """Per reviewer: reviews waiting, done and overdue, with a reminder button."""
    _registrar(request)
    return render(
        request, "practice/reviewer_load.html", {"loads": load.reviewer_loads(), "now": timezone.now()}
    )


@login_required
@require_POST
def reviewer_remind(request, reviewer_id: int):
    _registrar(request)
    reviewers = get_user_model().objects.filter(practice_reviews__isnull=False).distinct()
    reviewer = get_object_or_404(reviewers, pk=reviewer_id)
    try:
        sent = load.reviewer_remind(reviewer=reviewer, actor=request.user)
    except PracticeError as error:
        messages.error(request, error.message)
    else:
        if sent:
            messages.success(request, _("Reminder sent."))
        else:
            messages.info(request, _("This reviewer has already been reminded today."))
    return redirect("reviewer_load:list")
