"""Admin views: upload → preview → confirm an import, export a bank, download the Excel template,
preview a question being written.

Thin: permissions and forms here, work in services and selectors. Every problem with an upload is
shown as a form error or in the preview, never as a server error.
"""

from io import BytesIO

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.downloads import attachment_response
from courses.exams import presentation

from . import exporters, selectors, services
from .editor import QuestionEditor
from .forms import ImportConfirmForm, ImportUploadForm
from .importers.excel import template_workbook
from .models import (
    ImportFormat,
    ImportJob,
    ImportStatus,
    QuestionBank,
    QuestionType,
    QuestionVersion,
    TextFormat,
)
from .richtext import stored_text
from .schema import parse_decimal

ADD = "questions.add_question"
VIEW = "questions.view_question"


class _PermissionMixin:
    permission_required = ADD

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission_required):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _job_for_user(user, pk) -> ImportJob:
    """An import job its uploader, or someone allowed to manage all imports, may see."""
    job = get_object_or_404(ImportJob.objects.select_related("bank"), pk=pk)
    if job.created_by_id != user.pk and not user.has_perm("questions.change_importjob"):
        raise Http404
    return job


class ImportUploadView(_PermissionMixin, WagtailAdminTemplateMixin, FormView):
    form_class = ImportUploadForm
    template_name = "questions/import_upload.html"
    page_title = gettext_lazy("Import questions")
    header_icon = "upload"

    def get_initial(self):
        return {"bank": self.request.GET.get("bank")}

    def get_context_data(self, **kwargs):
        return super().get_context_data(jobs=selectors.import_jobs_for_user(user=self.request.user), **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        job = services.import_check(
            bank=form.cleaned_data["bank"],
            filename=upload.name,
            content=upload.read(),
            file_format=form.cleaned_data["file_format"],
            user=self.request.user,
        )
        return redirect("questions_admin:import_preview", pk=job.pk)


class ImportPreviewView(_PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "questions/import_preview.html"
    page_title = gettext_lazy("Import questions")
    header_icon = "upload"

    def get_page_subtitle(self):
        return self.job.original_name

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.user.has_perm(ADD):
            self.job = _job_for_user(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def _confirm_form(self, data=None):
        return ImportConfirmForm(
            data,
            unsupported_count=len(self.job.report.get("unsupported", [])),
            duplicate_count=len(self.job.report.get("duplicates", [])),
        )

    def get_context_data(self, **kwargs):
        report = self.job.report
        kwargs.setdefault("form", self._confirm_form())
        return super().get_context_data(
            job=self.job,
            report=report,
            counts=[(QuestionType(code).label, count) for code, count in report.get("counts", {}).items()],
            can_confirm=self.job.status == ImportStatus.PREVIEWED and report.get("total", 0) > 0,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = self._confirm_form(request.POST)
        if self.job.status != ImportStatus.PREVIEWED or not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            job = services.import_confirm(
                job=self.job,
                skip_unsupported=form.cleaned_data.get("skip_unsupported", False),
                skip_duplicates=form.skip_duplicates,
                user=request.user,
            )
        except services.ImportRefused as refused:
            form.add_error(None, refused.message)
            return self.render_to_response(self.get_context_data(form=form))
        message = _("%(count)s questions imported into “%(bank)s”.") % {
            "count": job.imported_count,
            "bank": job.bank,
        }
        if job.report.get("skipped_duplicates"):
            message += " " + _("%(count)s already in the bank were skipped.") % {
                "count": job.report["skipped_duplicates"]
            }
        messages.success(request, message)
        return redirect(
            reverse("wagtailsnippets_questions_question:list") + "?" + urlencode({"bank": job.bank_id})
        )


class ExportView(_PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """A bank's export page: what each format will leave out, then the download itself."""

    permission_required = VIEW
    template_name = "questions/export.html"
    page_title = gettext_lazy("Export questions")
    header_icon = "download"

    def get_page_subtitle(self):
        return str(self.bank)

    def get(self, request, *args, **kwargs):
        self.bank = get_object_or_404(QuestionBank, pk=kwargs["bank_id"])
        questions, descriptions = selectors.bank_questions_for_export(bank=self.bank)
        chosen = request.GET.get("format")
        if chosen:
            if chosen not in ImportFormat.values:
                raise Http404
            export = exporters.EXPORTERS[chosen]
            content, _skipped = (
                export(questions, descriptions) if chosen == ImportFormat.MOODLE_XML else export(questions)
            )
            suffix, content_type = exporters.FILE_TYPES[chosen]
            return attachment_response(
                content, filename=f"question-bank-{self.bank.pk}.{suffix}", content_type=content_type
            )
        formats = []
        for code, label in ImportFormat.choices:
            _content, skipped = exporters.EXPORTERS[code](questions)
            formats.append(
                {"code": code, "label": label, "skipped": skipped, "count": len(questions) - len(skipped)}
            )
        return self.render_to_response(
            self.get_context_data(bank=self.bank, formats=formats, total=len(questions))
        )


class TemplateDownloadView(_PermissionMixin, View):
    def get(self, request):
        buffer = BytesIO()
        template_workbook().save(buffer)
        return attachment_response(
            buffer.getvalue(),
            filename="question-import-template.xlsx",
            content_type=exporters.FILE_TYPES[ImportFormat.EXCEL][1],
        )


@method_decorator(xframe_options_sameorigin, name="dispatch")  # shown in the editor's frame
class QuestionPreviewView(_PermissionMixin, View):
    """POST the question form as it is being written: the question as a trainee will see it.

    Nothing is saved or checked beyond what rendering needs: half-written questions preview too. The
    text is cleaned as saving would clean it, and the trainee's own partial shows it
    (exams/_question.html through courses.exams.presentation.question_for_trainee).
    """

    def post(self, request):
        qtype = request.POST.get("qtype")
        if qtype not in QuestionType.values:
            return HttpResponse(_("Choose the question type first."), status=400, content_type="text/plain")
        editor = QuestionEditor(qtype, post=request.POST)
        editor.is_valid()
        text_format = request.POST.get("text_format")
        text_format = text_format if text_format in TextFormat.values else TextFormat.PLAIN
        points = parse_decimal(request.POST.get("default_points"))
        version = QuestionVersion(
            qtype=qtype,
            text=stored_text(request.POST.get("text", ""), text_format),
            text_format=text_format,
            data=editor.stored_data(),
        )
        question = presentation.question_on_page(
            version=version,
            option_order=list(range(presentation.option_count(version))),
            position=1,
            points=points if points is not None else 1,
        )
        return render(
            request,
            "questions/question_preview.html",
            {"q": question, "shuffled": len(question["options"]) > 1},
        )
