"""The staff area: cohort rosters for instructors and registrars; enrolment decisions, invitations,
batch imports and manual hour adjustments for registrars. Thin: forms parse, services write."""

import csv
import io
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import roles, spreadsheets
from core.downloads import attachment_response
from courses import imports, selectors, services
from courses.forms import EnrolmentImportForm, HoursAdjustForm, InviteForm, RejectForm, RosterFilterForm
from courses.models import Cohort, Enrolment, ImportBatch
from courses.selectors.standing import hours_shown

ROSTER_PAGE_SIZE = 50
XLSX = spreadsheets.XLSX


def staff_required(view):
    """Instructors, registrars and superusers only; anonymous users are sent to log in."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not roles.is_learning_staff(user=request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def registrar_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not roles.is_registrar(user=request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _error_text(error) -> str:
    return " ".join(str(m) for m in error.messages) if isinstance(error, ValidationError) else str(error)


def _table_response(table: list[list], *, filename: str, fmt: str) -> HttpResponse:
    """A table (header first) as an .xlsx or UTF-8 .csv download (with a BOM so Excel reads Chinese)."""
    # Cells through the one spreadsheet writer: a name is never a formula, in either format.
    if fmt == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")
        csv.writer(buffer).writerows(spreadsheets.csv_row(row) for row in table)
        content, content_type = buffer.getvalue(), "text/csv; charset=utf-8"
    else:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        for row in table:
            spreadsheets.append_row(sheet, row)
        content, content_type = spreadsheets.save(workbook), XLSX
    return attachment_response(content, filename=f"{filename}.{fmt}", content_type=content_type)


@staff_required
def cohort_list(request):
    return render(request, "courses/staff/cohort_list.html", {"cohorts": selectors.cohort_list_for_staff()})


def _roster_cohort(request, pk: int) -> Cohort:
    """The cohort whose roster ``request.user`` may read (its trainees' names and emails): a
    registrar's any, an instructor's only if they teach one of its courses (403 otherwise)."""
    cohort = get_object_or_404(Cohort.objects.select_related("course", "program"), pk=pk)
    if not selectors.can_read_roster(user=request.user, cohort=cohort):
        raise PermissionDenied
    return cohort


@staff_required
def cohort_roster(request, pk: int):
    cohort = _roster_cohort(request, pk)
    form = RosterFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    sort = filters.get("sort") or "name"
    rows, required, courses = selectors.roster(
        cohort=cohort, status=filters.get("status") or "", query=filters.get("q") or "", sort=sort
    )
    page = Paginator(rows, ROSTER_PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = selectors.roster_progress(rows=page.object_list, cohort=cohort, courses=courses)
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("sort", None)
    return render(
        request,
        "courses/staff/roster.html",
        {
            "cohort": cohort,
            "courses": courses,
            "form": form,
            "page_obj": page,
            "required": required,
            "sort": sort,
            "filter_querystring": query.urlencode(),
            "is_registrar": roles.is_registrar(user=request.user),
            "invite_form": InviteForm(),
            "reject_form": RejectForm(),
        },
    )


@staff_required
def cohort_roster_export(request, pk: int):
    cohort = _roster_cohort(request, pk)
    rows, required, courses = selectors.roster(cohort=cohort, sort=request.GET.get("sort") or "name")
    table = [
        [
            _("Username"),
            _("Real name"),
            _("Email"),
            _("Status"),
            _("Required lessons completed"),
            _("Courses completed"),
            _("Progress (%)"),
            _("Learning hours"),
            _("Enrolled at"),
        ]
    ]
    for row in selectors.roster_progress(rows=rows.iterator(chunk_size=1000), cohort=cohort, courses=courses):
        table.append(
            [
                row.user.username,
                row.user.get_full_name(),
                row.user.email,
                row.get_status_display(),
                f"{row.lessons_done}/{required}",
                f"{row.progress.courses_done}/{row.progress.courses_total}",
                row.progress.percent,
                float(hours_shown(row.hours)),
                row.created_at.strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return _table_response(table, filename=f"roster-{cohort.code}", fmt="xlsx")


def _cohort_enrolment(pk: int, enrolment_pk: int) -> Enrolment:
    return get_object_or_404(
        Enrolment.objects.select_related("cohort", "user"), pk=enrolment_pk, cohort_id=pk
    )


@registrar_required
@require_POST
def enrolment_decide(request, pk: int, enrolment_pk: int):
    """Approve, reject (with a reason) or withdraw one trainee of the cohort."""
    enrolment = _cohort_enrolment(pk, enrolment_pk)
    before = enrolment.get_status_display()
    action = request.POST.get("action")
    try:
        if action == "approve":
            services.enrolment_approve(enrolment=enrolment, actor=request.user)
        elif action == "reject":
            form = RejectForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Give a reason for the rejection."))
            services.enrolment_reject(
                enrolment=enrolment, actor=request.user, reason=form.cleaned_data["reason"]
            )
        elif action == "withdraw":
            services.enrolment_withdraw(
                enrolment=enrolment, actor=request.user, reason=request.POST.get("reason", "")
            )
        else:
            raise ValidationError(_("Unknown action."))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _error_text(error))
    else:
        enrolment.refresh_from_db()
        # The receipt says what changed: the status before and after.
        messages.success(
            request,
            _("%(user)s: %(before)s → %(status)s")
            % {"user": enrolment.user.username, "before": before, "status": enrolment.get_status_display()},
        )
    return redirect("courses:staff_roster", pk=pk)


@registrar_required
@require_POST
def cohort_invite(request, pk: int):
    cohort = get_object_or_404(Cohort, pk=pk)
    form = InviteForm(request.POST)
    if form.is_valid():
        enrolment = services.enrolment_invite(user=form.user, cohort=cohort, actor=request.user)
        messages.success(
            request,
            _("%(user)s: %(status)s")
            % {"user": form.user.username, "status": enrolment.get_status_display()},
        )
    else:
        messages.error(request, " ".join(form.errors.get("identifier", [])))
    return redirect("courses:staff_roster", pk=pk)


@registrar_required
def cohort_import(request, pk: int):
    cohort = get_object_or_404(Cohort, pk=pk)
    form = EnrolmentImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = imports.enrolment_import(
                cohort=cohort, upload=form.cleaned_data["file"], actor=request.user
            )
        except imports.ImportFileError as error:
            form.add_error("file", error.messages)
        else:
            if batch.error_count:
                messages.error(
                    request,
                    _(
                        "Nothing was imported: %(count)d row(s) have errors. Correct them and upload the file again."
                    )
                    % {"count": batch.error_count},
                )
            else:
                messages.success(request, _("%(count)d trainee(s) imported.") % {"count": batch.row_count})
            return redirect("courses:staff_import_report", pk=batch.pk)
    batches = cohort.import_batches.select_related("uploaded_by")[:20]
    return render(request, "courses/staff/import.html", {"cohort": cohort, "form": form, "batches": batches})


@registrar_required
def import_report(request, pk: int):
    batch = get_object_or_404(ImportBatch.objects.select_related("cohort", "uploaded_by"), pk=pk)
    table = imports.report_rows(batch)
    return render(
        request,
        "courses/staff/import_report.html",
        {"batch": batch, "cohort": batch.cohort, "headings": table[0], "rows": table[1:]},
    )


@registrar_required
def import_report_download(request, pk: int, fmt: str):
    if fmt not in ("xlsx", "csv"):
        raise Http404
    batch = get_object_or_404(ImportBatch, pk=pk)
    return _table_response(imports.report_rows(batch), filename=f"import-report-{batch.pk}", fmt=fmt)


@registrar_required
def hours_adjust(request, pk: int, enrolment_pk: int):
    """A manual learning-hours credit or correction, with a mandatory reason (audited in the ledger)."""
    enrolment = _cohort_enrolment(pk, enrolment_pk)
    courses = selectors.cohort_courses(cohorts=[enrolment.cohort])[enrolment.cohort_id]
    form = HoursAdjustForm(request.POST or None, courses=courses)
    if request.method == "POST" and form.is_valid():
        try:
            services.hours_adjust(
                user=enrolment.user,
                course=form.courses[form.cleaned_data["course"]],
                hours=form.cleaned_data["hours"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
                cohort=enrolment.cohort,
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, _error_text(error))
        else:
            messages.success(request, _("The learning hours were adjusted."))
            return redirect("courses:staff_roster", pk=pk)
    return render(
        request,
        "courses/staff/hours_adjust.html",
        {"cohort": enrolment.cohort, "enrolment": enrolment, "form": form},
    )
