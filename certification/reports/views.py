"""Registrar reports in the admin (Reports menu): the cohort report, the certificate registry with
its bulk actions, and the annual training report (page, Excel and PDF).

Registrars and superusers only. Thin: selectors compute the figures in a fixed number of queries,
``exports`` and ``pdf`` turn them into files, the lifecycle services make every change.
"""

from dataclasses import replace
from decimal import Decimal

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Site

from certification.models import Certificate, CertificateStatus, ChangeAction, ChangeItemState, RegistryChange
from certification.services import bulk
from certification.services.issuing import CertificationError
from cms.models import TrainingBaseSettings
from core.downloads import attachment_response
from core.jobs import job_progress_response
from core.roles import registrar_required
from courses import selectors as learning_selectors
from courses.models import Cohort
from courses.reporting import Chart, Series, plain, share, xlsx_response
from courses.selectors import reports as learning_reports

from . import exports, pdf, selectors
from .forms import BULK_ALL_MAX, EXPORT, BulkActionForm, RegistryFilterForm, YearForm


def _status_label(status: str) -> str:
    return str(CertificateStatus(status).label)


def _status_chart(*, key: str, by_status: dict[str, int]) -> Chart:
    """A pie of certificates by status: the cohort report's and the registry's."""
    return Chart(
        key=key,
        title=_("Certificates by status"),
        kind="pie",
        categories=[_status_label(status) for status in by_status],
        series=[Series(_("Certificates"), list(by_status.values()))],
        category_header=_("Status"),
    )


# --- Cohort report --------------------------------------------------------------------------


@require_GET
def cohort_report_index(request):
    registrar_required(user=request.user)
    return TemplateResponse(
        request,
        "certification/reports/cohort_index.html",
        {"report_title": _("Cohort report"), "cohorts": learning_selectors.cohort_list_for_staff()},
    )


def cohort_charts(report: selectors.CohortReport) -> list[Chart]:
    learning = report.learning
    funnel = report.funnel()
    hours_cumulative, completed_cumulative, certified_cumulative = [], [], []
    hours_sum, completed_sum = Decimal("0"), 0
    certified_by_week = {
        learning_reports.week_start(day): n for day, n in report.certificates_by_week.items()
    }
    first_week = learning.weeks[0].week if learning.weeks else None
    # Certificates issued before the chart's first week still count towards the running total.
    certified_sum = sum(n for day, n in certified_by_week.items() if first_week and day < first_week)
    for week in learning.weeks:
        hours_sum += week.hours
        completed_sum += week.completed
        certified_sum += certified_by_week.get(week.week, 0)
        hours_cumulative.append(
            (hours_sum / learning.enrolled).quantize(Decimal("0.1")) if learning.enrolled else Decimal("0")
        )
        completed_cumulative.append(completed_sum)
        certified_cumulative.append(certified_sum)
    return [
        Chart(
            key="funnel",
            title=_("Enrolment funnel"),
            kind="hbar",
            categories=[label for label, _count in funnel],
            series=[Series(_("Trainees"), [count for _label, count in funnel])],
            category_header=_("Stage"),
            note=_(
                "Applied: every application (invitations not yet accepted are left out). Enrolled: holds a "
                "place. Completed: all of the cohort's courses. Passed: a passed, released exam of the "
                "cohort's courses. Certified: holds a certificate of the program that is not revoked."
            ),
        ),
        Chart(
            key="hours",
            title=_("Learning hours of the enrolled trainees"),
            kind="bar",
            categories=[bucket.label for bucket in learning.hours_buckets],
            series=[Series(_("Trainees"), [bucket.count for bucket in learning.hours_buckets])],
            x_label=_("Hours"),
            y_label=_("Trainees"),
            category_header=_("Hours"),
            note=_("%(required)s hours are required; the last band has met the requirement.")
            % {"required": plain(learning.hours_required)},
        ),
        Chart(
            key="progress",
            title=_("Progress over time"),
            kind="line",
            categories=[f"{week.week:%Y-%m-%d}" for week in learning.weeks],
            series=[
                Series(_("Mean hours per trainee"), hours_cumulative),
                Series(_("Completed (cumulative)"), completed_cumulative, axis=1),
                Series(_("Certified (cumulative)"), certified_cumulative, axis=1),
            ],
            x_label=_("Week"),
            y_label=_("Hours"),
            y2_label=_("Trainees"),
            category_header=_("Week of"),
        ),
        _status_chart(key="certificates", by_status=report.certificates_by_status),
    ]


def _cohort(request, pk: int) -> Cohort:
    registrar_required(user=request.user)
    return get_object_or_404(Cohort.objects.select_related("course", "program"), pk=pk)


@require_GET
def cohort_report(request, pk: int):
    cohort = _cohort(request, pk)
    report = selectors.cohort_report(cohort=cohort)
    learning = report.learning
    context = {
        "report_title": _("Cohort report"),
        "report_subtitle": f"{cohort.code} {cohort.title}",
        "cohort": cohort,
        "report": report,
        "pass_rate": share(report.passed, report.sat),
        "completion_rate": share(learning.completed, learning.enrolled),
        "certified_rate": share(report.certified, learning.enrolled),
        "charts": cohort_charts(report),
    }
    return TemplateResponse(request, "certification/reports/cohort.html", context)


@require_GET
def cohort_report_export(request, pk: int):
    cohort = _cohort(request, pk)
    report = selectors.cohort_report(cohort=cohort)
    content = exports.cohort_workbook(
        report=report,
        charts=cohort_charts(report),
        trainees=selectors.cohort_trainees(
            cohort=cohort, eligibility=report.eligibility, hours_required=report.learning.hours_required
        ),
    )
    return xlsx_response(content, filename=f"cohort-report-{cohort.code}.xlsx")


# --- Certificate registry -------------------------------------------------------------------


def registry_charts(figures: selectors.RegistryFigures) -> list[Chart]:
    return [
        _status_chart(key="registry-status", by_status=figures.by_status),
        Chart(
            key="registry-months",
            title=_("Certificates issued per month"),
            kind="bar",
            categories=[f"{month:%Y-%m}" for month, _count in figures.by_month],
            series=[Series(_("Certificates"), [count for _month, count in figures.by_month])],
            x_label=_("Month"),
            y_label=_("Certificates"),
            category_header=_("Month"),
        ),
    ]


@require_http_methods(["GET", "POST"])
def certificate_registry(request):
    """Search and filter every certificate; tick rows to suspend, reinstate, revoke or export them."""
    registrar_required(user=request.user)
    if request.method == "POST":
        return _registry_bulk(request)
    form = RegistryFilterForm(request.GET or None)
    certificates = selectors.registry_certificates(**form.filters())
    per_page = form.cleaned_data.get("per_page") if form.is_valid() else None
    page = Paginator(certificates, per_page or 50).get_page(request.GET.get("p"))
    figures = selectors.registry_figures(certificates=certificates)
    query = request.GET.copy()
    query.pop("p", None)
    context = {
        "report_title": _("Certificate registry"),
        "form": form,
        "page": page,
        "figures": figures,
        "charts": registry_charts(figures),
        "status_counts": [(_status_label(status), count) for status, count in figures.by_status.items()],
        "filter_querystring": query.urlencode(),
        "bulk_form": BulkActionForm(),
        "bulk_all_max": BULK_ALL_MAX,
        "recent_changes": RegistryChange.objects.select_related("created_by")[:5],
    }
    return TemplateResponse(request, "certification/reports/registry.html", context)


def _back(request) -> str:
    back = request.POST.get("next") or ""
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("certificate_registry")
    return back


def _registry_refusal(request, errors: list[str]):
    context = {
        "report_title": _("Certificate registry"),
        "errors": errors,
        "outcomes": [],
        "back": _back(request),
    }
    return TemplateResponse(request, "certification/reports/registry_result.html", context, status=400)


def _registry_bulk(request):
    form = BulkActionForm(request.POST)
    if not form.is_valid():
        return _registry_refusal(request, [str(e) for errors in form.errors.values() for e in errors])
    if form.all_matching:
        return _registry_bulk_all_matching(request, form)
    ids = form.cleaned_data["certificates"]
    found = {
        certificate.pk: certificate
        for certificate in Certificate.objects.select_related("user", "program", "cohort").filter(pk__in=ids)
    }
    ordered = [found[pk] for pk in ids if pk in found]
    action = form.cleaned_data["action"]
    if action == EXPORT:
        return _registry_xlsx(certificates=ordered)
    outcomes = bulk.certificate_bulk_change(
        certificates=ordered, action=action, actor=request.user, reason=form.cleaned_data["reason"]
    )
    missing = [
        bulk.BulkOutcome(pk, f"#{pk}", "", False, "", _("No certificate has this id."))
        for pk in ids
        if pk not in found
    ]
    return _registry_outcomes(request, form, outcomes + missing)


def _registry_outcomes(request, form: BulkActionForm, outcomes: list[bulk.BulkOutcome]):
    for outcome in outcomes:
        outcome.status_label = _status_label(outcome.status) if outcome.status else "—"
    context = {
        "report_title": _("Certificate registry"),
        "action_label": dict(form.fields["action"].choices)[form.cleaned_data["action"]],
        "reason": form.cleaned_data["reason"],
        "outcomes": outcomes,
        "done": sum(1 for o in outcomes if o.ok),
        "failed": sum(1 for o in outcomes if not o.ok),
        "back": _back(request),
    }
    return TemplateResponse(request, "certification/reports/registry_result.html", context)


def _filter_summary(filter_form: RegistryFilterForm) -> list[tuple[str, str]]:
    """The filter's fields that are set, as (label, value shown), for the confirmation page."""
    summary = []
    for name, value in filter_form.cleaned_data.items():
        if name == "per_page" or value in (None, ""):
            continue
        field = filter_form.fields[name]
        shown = dict(field.choices).get(value, value) if name == "status" else value
        summary.append((str(field.label), str(shown)))
    return summary


def _registry_bulk_all_matching(request, form: BulkActionForm):
    """The action on every certificate matching the filter: export at once; a change first shows a
    confirmation stating the count, and when a post confirms that same count, a worker applies it
    (each certificate through the lifecycle services, audited one by one) while the registrar
    watches its page. At most BULK_ALL_MAX."""
    filter_form = form.filter_form
    certificates = selectors.registry_certificates(**filter_form.filters())
    action = form.cleaned_data["action"]
    if action == EXPORT:
        return _registry_xlsx(certificates=certificates.iterator(chunk_size=2000))
    ids = list(certificates.values_list("pk", flat=True)[: BULK_ALL_MAX + 1])
    if not ids:
        return _registry_refusal(request, [_("No certificates match the filter.")])
    if len(ids) > BULK_ALL_MAX:
        count = certificates.count()
        return _registry_refusal(
            request,
            [
                _(
                    "%(count)s certificates match the filter: at most %(max)s can be changed at once. "
                    "Please narrow the filter (by cohort, status or issue dates, say)."
                )
                % {"count": count, "max": BULK_ALL_MAX}
            ],
        )
    if form.cleaned_data["confirmed_count"] != len(ids):
        context = {
            "report_title": _("Certificate registry"),
            "action": action,
            "action_label": dict(form.fields["action"].choices)[action],
            "reason": form.cleaned_data["reason"],
            "count": len(ids),
            # Asked to confirm a count that no longer holds: say so before asking again.
            "count_changed": form.cleaned_data["confirmed_count"] is not None,
            "filters": form.cleaned_data["filters"],
            "filter_summary": _filter_summary(filter_form),
            "back": _back(request),
        }
        return TemplateResponse(request, "certification/reports/registry_confirm.html", context)
    try:
        change = bulk.registry_change_start(
            certificate_ids=ids,
            action=action,
            reason=form.cleaned_data["reason"],
            filters=form.cleaned_data["filters"],
            actor=request.user,
        )
    except CertificationError as refusal:
        return _registry_refusal(request, [str(refusal)])
    return redirect("certificate_registry_change", pk=change.pk)


# --- A change to all matching certificates, run by a worker ---------------------------------------

CHANGE_PAGE_SIZE = 100


def _registry_change(request, pk: int) -> RegistryChange:
    registrar_required(user=request.user)
    return get_object_or_404(RegistryChange.objects.select_related("created_by"), pk=pk)


@require_GET
def registry_change(request, pk: int):
    """A registry change's progress (polled while it runs) and, row by row, what it did."""
    change = _registry_change(request, pk)
    progress = bulk.registry_change_progress(change=change)
    items = change.items.select_related("certificate").exclude(state=ChangeItemState.PENDING)
    only_failed = request.GET.get("state") == ChangeItemState.FAILED
    if only_failed:
        items = items.filter(state=ChangeItemState.FAILED)
    page = Paginator(items.order_by("pk"), CHANGE_PAGE_SIZE).get_page(request.GET.get("p"))
    for item in page:
        item.status_label = _status_label(item.status_after) if item.status_after else "—"
    context = {
        "report_title": _("Certificate registry"),
        "report_subtitle": _("Change of all matching certificates"),
        "change": change,
        "action_label": ChangeAction(change.action).label,
        "progress": progress.as_dict(),
        "page": page,
        "only_failed": only_failed,
    }
    return TemplateResponse(request, "certification/reports/registry_change.html", context)


@require_GET
def registry_change_progress(request, pk: int):
    """Polled by the change's page: the counts and whether it has finished."""
    change = _registry_change(request, pk)
    progress = bulk.registry_change_progress(change=change)
    return job_progress_response(replace(progress.job, state=change.state), **progress.as_dict())


@require_GET
def certificate_registry_export(request):
    """Every certificate matching the registry's filters, as Excel."""
    registrar_required(user=request.user)
    form = RegistryFilterForm(request.GET or None)
    certificates = selectors.registry_certificates(**form.filters())
    return _registry_xlsx(certificates=certificates.iterator(chunk_size=2000))


def _registry_xlsx(*, certificates) -> HttpResponse:
    """The certificates as the registry's Excel file, named by today's date."""
    return xlsx_response(
        exports.registry_workbook(certificates=certificates),
        filename=f"certificates-{timezone.localdate():%Y%m%d}.xlsx",
    )


# --- Annual training report ---------------------------------------------------------------------


def _base(request) -> tuple[str, str]:
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return "", ""
    base = TrainingBaseSettings.for_site(site)
    name = base.name_en if translation.get_language() == "en" and base.name_en else base.name_zh
    return name, base.accreditation_number


def _year(request, year: int | None = None) -> tuple[int, list[int]]:
    years = learning_reports.years_with_learning()
    if year is None:
        form = YearForm(request.GET or None, years=years)
        year = form.cleaned_data.get("year") if form.is_valid() else None
        year = year or timezone.localdate().year
    if not 2000 <= year <= 2100:
        raise Http404
    return year, years


def annual_charts(report: selectors.AnnualReport) -> list[Chart]:
    months = [f"{report.year}-{month:02d}" for month in range(1, 13)]
    return [
        Chart(
            key="annual-programs",
            title=_("Trainees, passes and certificates by program"),
            kind="bar",
            categories=[f"{row.level_label} · {row.program}" for row in report.rows],
            series=[
                Series(_("Trainees trained"), [row.trainees for row in report.rows]),
                Series(_("Passed"), [row.passed for row in report.rows]),
                Series(_("Certificates issued"), [row.certificates for row in report.rows]),
            ],
            category_header=_("Program"),
        ),
        Chart(
            key="annual-months",
            title=_("Hours delivered and certificates issued by month"),
            kind="bar",
            categories=months,
            series=[
                Series(_("Hours delivered"), report.hours_by_month),
                Series(_("Certificates issued"), report.certificates_by_month, kind="line", axis=1),
            ],
            x_label=_("Month"),
            y_label=_("Hours"),
            y2_label=_("Certificates"),
            category_header=_("Month"),
        ),
    ]


@require_GET
def annual_report(request):
    registrar_required(user=request.user)
    year, years = _year(request)
    report = selectors.annual_report(year=year)
    base_name, accreditation_number = _base(request)
    context = {
        "report_title": _("Annual training report"),
        "report_subtitle": str(year),
        "report": report,
        "year": year,
        "year_form": YearForm(initial={"year": year}, years=years),
        "charts": annual_charts(report),
        "base_name": base_name,
        "accreditation_number": accreditation_number,
    }
    return TemplateResponse(request, "certification/reports/annual.html", context)


def _annual_file_inputs(request, year: int) -> dict:
    """What the annual report's Excel and PDF files print: the year's figures and the issuing base."""
    registrar_required(user=request.user)
    year, _years = _year(request, year)
    base_name, accreditation_number = _base(request)
    return {
        "report": selectors.annual_report(year=year),
        "base_name": base_name,
        "accreditation_number": accreditation_number,
    }


@require_GET
def annual_report_export(request, year: int):
    content = exports.annual_workbook(**_annual_file_inputs(request, year))
    return xlsx_response(content, filename=f"annual-training-report-{year}.xlsx")


@require_GET
def annual_report_pdf(request, year: int):
    content = pdf.annual_report_pdf(
        **_annual_file_inputs(request, year),
        generated_at=timezone.localtime(),
        language=translation.get_language() or "zh-hans",
    )
    return attachment_response(
        content, filename=f"annual-training-report-{year}.pdf", content_type="application/pdf", inline=True
    )
