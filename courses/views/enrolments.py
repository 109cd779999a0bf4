"""A trainee's own enrolments: enrol in a cohort, see the status, withdraw, accept an invitation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cms.localized import localized
from courses import selectors, services
from courses.models import Cohort, Enrolment, EnrolmentStatus

_MESSAGES = {
    EnrolmentStatus.ENROLLED: gettext_lazy("You are enrolled in %(cohort)s."),
    EnrolmentStatus.WAITLISTED: gettext_lazy("%(cohort)s is full: you are on its waiting list."),
    EnrolmentStatus.PENDING: gettext_lazy("Your application to %(cohort)s awaits a registrar's approval."),
}


def _next_url(request, fallback: str) -> str:
    candidate = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback


def _error_text(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)


@login_required
@require_POST
def cohort_enrol(request, pk: int):
    cohort = get_object_or_404(Cohort, pk=pk)
    try:
        enrolment = services.enrolment_create(user=request.user, cohort=cohort)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        text = _MESSAGES.get(enrolment.status)
        if text:
            messages.success(request, text % {"cohort": localized(cohort, "title")})
    return redirect(_next_url(request, "courses:my_enrolments"))


@login_required
def my_enrolments(request):
    return render(
        request,
        "courses/enrol/my_enrolments.html",
        {"enrolments": selectors.enrolment_list_for_user(user=request.user)},
    )


@login_required
def enrolment_withdraw(request, pk: int):
    """GET asks the trainee to confirm cancelling their enrolment (what they lose is stated);
    POST cancels it. Only the trainee's own: anyone else's is "not found", not "forbidden"."""
    enrolment = get_object_or_404(Enrolment.objects.select_related("cohort"), pk=pk, user=request.user)
    if request.method != "POST":
        return render(request, "courses/enrol/withdraw_confirm.html", {"enrolment": enrolment})
    try:
        services.enrolment_withdraw(
            enrolment=enrolment, actor=request.user, reason=request.POST.get("reason", "")[:500]
        )
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _error_text(error) if isinstance(error, ValidationError) else str(error))
    else:
        messages.success(
            request,
            _("You have withdrawn from %(cohort)s.") % {"cohort": localized(enrolment.cohort, "title")},
        )
    return redirect("courses:my_enrolments")


@login_required
@require_POST
def invitation_accept(request, pk: int):
    enrolment = get_object_or_404(Enrolment, pk=pk, user=request.user, status=EnrolmentStatus.INVITED)
    try:
        enrolment = services.enrolment_create(user=request.user, cohort=enrolment.cohort)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request, _MESSAGES[enrolment.status] % {"cohort": localized(enrolment.cohort, "title")}
        )
    return redirect("courses:my_enrolments")
