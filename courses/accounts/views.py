"""Pages of a trainee's own account, and registrars' access to trainee records. Thin: forms and services."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.downloads import (
    PRIVATE_NO_STORE,
    attachment_response,
    cache_policy_apply,
    download_headers,
    file_response,
)
from core.jobs import job_progress_response
from core.roles import registrar_required
from courses.models import Cohort
from courses.records import record_as_json, records_workbook, trainee_records_load

from .consent import remember_consent_state
from .downloads import same_site_only
from .forms import ConsentForm, TraineeProfileForm, client_ip
from .models import AuditAction, AuditLog, ExportState, RecordsExport
from .selectors import (
    consent_is_current,
    current_notice_version,
    profile_for_user,
    records_export_is_theirs,
    records_exports_recent,
)
from .services import (
    audit_record,
    identity_number_reveal,
    privacy_consent_record,
    records_export_open,
    records_export_request,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --- The trainee's own account --------------------------------------------------------------


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    context = {
        "profile": profile_for_user(user=request.user),
        "consent_current": consent_is_current(user=request.user),
        "notice_version": current_notice_version(),
    }
    return render(request, "accounts/profile.html", context)


# Outermost, as Django requires: error reports hide every local here and in the functions called below.
@sensitive_variables()
@sensitive_post_parameters("identity_number")
@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    current = profile_for_user(user=request.user)
    has_number = bool(current and current.identity_number)
    if request.method == "POST":
        form = TraineeProfileForm(request.POST, has_number=has_number)
        if form.is_valid() and form.save(user=request.user) is not None:
            messages.success(request, _("Your profile has been saved."))
            return redirect("accounts:profile")
    else:
        initial = {}
        if current:
            initial = {
                "real_name": current.real_name,
                "organisation": current.organisation,
                "phone": current.phone,
                "identity_document_type": current.identity_document_type,
            }
        form = TraineeProfileForm(initial=initial, has_number=has_number)
    return render(
        request,
        "accounts/profile_edit.html",
        {"form": form, "masked_number": current.identity_number_masked if current else ""},
    )


@login_required
@require_http_methods(["GET", "POST"])
def consent(request: HttpRequest) -> HttpResponse:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=False):
        next_url = ""
    if request.method == "POST":
        form = ConsentForm(request.POST)
        if form.is_valid():
            privacy_consent_record(user=request.user, ip_address=client_ip(request))
            remember_consent_state(request=request, user=request.user)
            messages.success(request, _("Thank you. Your consent has been recorded."))
            return redirect(next_url or "accounts:profile")
    else:
        form = ConsentForm()
    context = {
        "form": form,
        "next": next_url,
        "notice_version": current_notice_version(),
        "consent_current": consent_is_current(user=request.user),
    }
    return render(request, "accounts/consent.html", context)


def privacy_notice(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/privacy_notice.html", {"notice_version": current_notice_version()})


def _own_record(request: HttpRequest, kind: str):
    (record,) = trainee_records_load(
        users=get_user_model().objects.filter(pk=request.user.pk), full_identity_numbers=True
    )
    audit_record(
        actor=request.user,
        action=AuditAction.OWN_RECORD_DOWNLOADED,
        subject=request.user,
        detail={"format": kind},
    )
    return record


OWN_RECORD_NOTE = gettext_lazy(
    "This is your own record. It shows your identity number in full: keep the file safe and share it "
    "only with those who need it."
)


@sensitive_variables()
@login_required
@same_site_only
def own_record_json(request: HttpRequest) -> HttpResponse:
    record = _own_record(request, "json")
    response = JsonResponse(
        record_as_json(record, note=str(OWN_RECORD_NOTE)), json_dumps_params={"ensure_ascii": False}
    )
    return download_headers(response, filename=f"tta-record-{timezone.localdate():%Y%m%d}.json")


@sensitive_variables()
@login_required
@same_site_only
def own_record_xlsx(request: HttpRequest) -> HttpResponse:
    record = _own_record(request, "xlsx")
    content = records_workbook([record], note=str(OWN_RECORD_NOTE))
    return attachment_response(
        content, filename=f"tta-record-{timezone.localdate():%Y%m%d}.xlsx", content_type=XLSX
    )


# --- Registrars -------------------------------------------------------------------------------


@login_required
def records_index(request: HttpRequest) -> HttpResponse:
    """Registrars find a trainee (by username, email or real name) or a cohort to export."""
    registrar_required(user=request.user)
    query = request.GET.get("q", "").strip()[:100]
    trainees = get_user_model().objects.select_related("trainee_profile").order_by("username")
    if query:
        trainees = trainees.filter(
            Q(username__icontains=query)
            | Q(email__icontains=query)
            | Q(trainee_profile__real_name__icontains=query)
        )
    page = Paginator(trainees, 50).get_page(request.GET.get("page"))
    cohorts = Cohort.objects.order_by("-starts_on", "code")[:100]
    audit = AuditLog.objects.select_related("actor", "subject", "cohort")[:30]
    context = {
        "page": page,
        "query": query,
        "cohorts": cohorts,
        "audit": audit,
        "exports": records_exports_recent(user=request.user),
    }
    return render(request, "accounts/records_index.html", context)


@sensitive_variables()
@login_required
@require_http_methods(["GET", "POST"])
def trainee_detail(request: HttpRequest, user_id: int) -> HttpResponse:
    """A trainee's profile for registrars. The identity number is masked until they ask to see it
    (a POST), and each such view is audited."""
    registrar_required(user=request.user)
    trainee = get_object_or_404(get_user_model(), pk=user_id)
    trainee_profile = profile_for_user(user=trainee)
    full_number = ""
    if request.method == "POST" and trainee_profile and trainee_profile.identity_number:
        full_number = identity_number_reveal(viewer=request.user, profile=trainee_profile)
    (record,) = trainee_records_load(
        users=get_user_model().objects.filter(pk=trainee.pk), full_identity_numbers=False
    )
    context = {"trainee": trainee, "profile": trainee_profile, "full_number": full_number, "record": record}
    return cache_policy_apply(render(request, "accounts/trainee_detail.html", context), PRIVATE_NO_STORE)


@sensitive_variables()
@login_required
@same_site_only
def trainee_record_xlsx(request: HttpRequest, user_id: int) -> HttpResponse:
    registrar_required(user=request.user)
    trainee = get_object_or_404(get_user_model(), pk=user_id)
    records = trainee_records_load(
        users=get_user_model().objects.filter(pk=trainee.pk), full_identity_numbers=True
    )
    audit_record(
        actor=request.user, action=AuditAction.RECORD_EXPORTED, subject=trainee, detail={"format": "xlsx"}
    )
    return attachment_response(
        records_workbook(records), filename=f"trainee-record-{trainee.pk}.xlsx", content_type=XLSX
    )


# --- Registrars: a cohort's records, built by a worker -------------------------------------------


@login_required
@require_POST
def cohort_records_export(request: HttpRequest, cohort_id: int) -> HttpResponse:
    """Start (or find) the requester's export of a cohort and follow it on its status page."""
    registrar_required(user=request.user)
    cohort = get_object_or_404(Cohort, pk=cohort_id)
    export = records_export_request(cohort=cohort, actor=request.user)
    return redirect("accounts:records_export", export_id=export.pk)


def _own_export(request: HttpRequest, export_id: int) -> RecordsExport:
    export = get_object_or_404(RecordsExport.objects.select_related("cohort"), pk=export_id)
    if not records_export_is_theirs(user=request.user, export=export):
        raise PermissionDenied
    return export


def _export_details(export: RecordsExport) -> dict:
    """Beside a job's common progress (core.jobs): a sentence in the reader's language, the download."""
    if export.state == ExportState.PENDING:
        message = _("Waiting for a worker to start the export…")
    elif export.state == ExportState.RUNNING and export.done < export.total:
        message = _("Exporting the records: %(done)s of %(total)s trainees.") % {
            "done": export.done,
            "total": export.total,
        }
    elif export.state == ExportState.RUNNING:
        message = _("Saving the workbook…")
    elif export.state == ExportState.DONE:
        message = _("The workbook is ready.")
    else:
        message = _("The export failed. Start it again; if it fails again, tell the technical staff.")
    return {
        "message": message,
        "download_url": reverse("accounts:records_export_download", args=[export.pk])
        if export.state == ExportState.DONE
        else "",
    }


@login_required
@require_GET
def records_export(request: HttpRequest, export_id: int) -> HttpResponse:
    export = _own_export(request, export_id)
    context = {"export": export, "status": {**_export_details(export), **export.progress.as_dict()}}
    return cache_policy_apply(render(request, "accounts/records_export.html", context), PRIVATE_NO_STORE)


@login_required
@require_GET
def records_export_status(request: HttpRequest, export_id: int) -> HttpResponse:
    """Polled by the status page: a few counts, cheap to ask every second."""
    export = _own_export(request, export_id)
    return job_progress_response(export.progress, **_export_details(export))


@sensitive_variables()
@login_required
@require_GET
@same_site_only
def records_export_download(request: HttpRequest, export_id: int) -> HttpResponse:
    export = _own_export(request, export_id)
    try:
        handle = records_export_open(export=export, actor=request.user)
    except FileNotFoundError:
        if export.state == ExportState.DONE:
            messages.error(request, _("The file of this export is no longer kept. Export the cohort again."))
        else:
            messages.error(request, _("The export is not ready yet."))
        return redirect("accounts:records_export", export_id=export.pk)
    return file_response(handle, filename=f"trainee-records-{export.cohort.code}.xlsx", content_type=XLSX)
