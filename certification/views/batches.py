"""Admin views of bulk issuance. Thin: check the registrar, call the batch services, show progress."""

from dataclasses import replace

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from certification.models import IssuanceBatch, ItemState, ZipState
from certification.selectors import holder_name
from certification.services import batches
from certification.services.issuing import CertificationError
from core.downloads import file_response
from core.jobs import job_progress_response
from core.roles import registrar_required
from courses.models import Cohort


def _batch(request, pk: int) -> IssuanceBatch:
    registrar_required(user=request.user)
    return get_object_or_404(IssuanceBatch.objects.select_related("cohort", "program", "created_by"), pk=pk)


@require_GET
def batch_list(request):
    registrar_required(user=request.user)
    context = {
        "batches": IssuanceBatch.objects.select_related("cohort", "program", "created_by")[:50],
        "cohorts": Cohort.objects.filter(program__isnull=False)
        .select_related("program")
        .order_by("-pk")[:200],
    }
    return TemplateResponse(request, "certification/batches/batch_list.html", context)


def _chosen_cohort(request, data) -> Cohort | None:
    try:
        return Cohort.objects.select_related("program").get(pk=int(data.get("cohort", "")))
    except (ValueError, Cohort.DoesNotExist):
        messages.error(request, _("Choose a cohort."))
        return None


@require_GET
def batch_preview(request):
    """What issuing the chosen cohort's certificates would do, with a button that confirms it."""
    registrar_required(user=request.user)
    cohort = _chosen_cohort(request, request.GET)
    if cohort is None:
        return redirect("certificate_batches")
    try:
        preview = batches.batch_preview(cohort=cohort, actor=request.user)
    except CertificationError as refusal:
        messages.error(request, str(refusal))
        return redirect("certificate_batches")
    return TemplateResponse(request, "certification/batches/batch_preview.html", {"preview": preview})


@require_POST
def batch_create(request):
    """The registrar confirmed the preview: start the batch for the trainees it showed as "will be
    issued" (the form carries them), and only them."""
    registrar_required(user=request.user)
    cohort = _chosen_cohort(request, request.POST)
    if cohort is None:
        return redirect("certificate_batches")
    if request.POST.get("previewed") != "1":
        messages.error(request, _("Preview the cohort first: a batch issues only what its preview showed."))
        return redirect(f"{reverse('certificate_batch_preview')}?cohort={cohort.pk}")
    # One field for the whole list: a cohort of thousands stays under Django's limit on form fields.
    confirmed = [int(pk) for pk in request.POST.get("users", "").split(",") if pk.strip().isdigit()]
    try:
        batch = batches.batch_start(cohort=cohort, actor=request.user, confirmed_user_ids=confirmed)
    except CertificationError as refusal:
        messages.error(request, str(refusal))
        return redirect("certificate_batches")
    messages.success(
        request,
        _("Bulk issuance of %(cohort)s started: the counts below fill in as each trainee is handled.")
        % {"cohort": cohort.code},
    )
    return redirect("certificate_batch", pk=batch.pk)


@require_GET
def batch_detail(request, pk: int):
    batch = _batch(request, pk)
    context = {
        "batch": batch,
        "progress": batches.batch_progress(batch=batch),
        "not_eligible": _not_eligible(batch),
        "failures": _failures(batch),
    }
    return TemplateResponse(request, "certification/batches/batch_detail.html", context)


def _not_eligible(batch: IssuanceBatch) -> list[dict]:
    items = batch.items.filter(state=ItemState.NOT_ELIGIBLE).select_related("user", "user__trainee_profile")
    return [{"name": holder_name(item.user), "error": item.error} for item in items.order_by("pk")]


def _failures(batch: IssuanceBatch) -> list[dict]:
    """Errors: items not issued for a reason other than eligibility, and PDFs the renderer refused."""
    rows = []
    items = (
        batch.items.filter(state__in=[ItemState.FAILED, ItemState.ISSUED])
        .select_related("user", "user__trainee_profile", "certificate")
        .order_by("pk")
    )
    for item in items:
        if item.state == ItemState.FAILED:
            rows.append({"name": holder_name(item.user), "error": item.error})
        elif item.certificate and item.certificate.render_state == "failed":
            rows.append({"name": holder_name(item.user), "error": item.certificate.render_error})
    return rows


@require_GET
def batch_progress(request, pk: int):
    """Polled by the batch page: counts, whether the ZIP is ready, and what failed and why."""
    batch = _batch(request, pk)
    progress = batches.batch_progress(batch=batch)
    return job_progress_response(
        replace(progress.job, state=batch.state),
        **progress.as_dict(),
        zip_state=batch.zip_state,
        not_eligible_rows=_not_eligible(batch),
        failures=_failures(batch),
    )


@require_POST
def batch_retry(request, pk: int):
    batch = _batch(request, pk)
    retried = batches.batch_retry_failures(batch=batch, actor=request.user)
    messages.success(request, _("%(count)d error(s) will be tried again.") % {"count": retried})
    return redirect("certificate_batch", pk=batch.pk)


@require_POST
def batch_zip(request, pk: int):
    batch = _batch(request, pk)
    batches.batch_request_zip(batch=batch, actor=request.user)
    messages.success(request, _("The ZIP is being built; the download link appears when it is ready."))
    return redirect("certificate_batch", pk=batch.pk)


@require_GET
def batch_zip_download(request, pk: int):
    batch = _batch(request, pk)
    if batch.zip_state != ZipState.DONE or not batch.zip_file:
        raise Http404(_("The ZIP is not ready yet."))
    return file_response(
        batch.zip_file.open("rb"),
        filename=f"{batch.cohort.code}-certificates.zip",
        content_type="application/zip",
    )
