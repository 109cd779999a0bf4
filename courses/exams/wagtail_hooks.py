from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import selectors
from .models import CourseGrader, ExamPaper


class ExamPaperViewSet(SnippetViewSet):
    """Papers are drafts until a registrar approves them in the *Exam paper review* workflow."""

    model = ExamPaper
    icon = "doc-full"
    menu_label = _("Exam papers")
    list_display = ["title", "course", "live", "opens_at", "closes_at"]
    list_filter = ["live"]
    search_fields = ["title"]


class CourseGraderViewSet(SnippetViewSet):
    model = CourseGrader
    icon = "user"
    menu_label = _("Graders")
    list_display = ["course", "user"]


class ExamsViewSetGroup(SnippetViewSetGroup):
    items = (ExamPaperViewSet, CourseGraderViewSet)
    menu_icon = "doc-full"
    menu_label = _("Exams")
    menu_order = 250


register_snippet(ExamsViewSetGroup)


class _StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return selectors.is_exam_staff(user=request.user)


@hooks.register("register_admin_menu_item")
def grading_queue_menu_item():
    return _StaffMenuItem(
        _("Grading queue"), reverse("exams:staff_grading_queue"), icon_name="tasks", order=260
    )


# --- Reports: the exam report, in the admin's Reports menu ---------------------------------------


@hooks.register("register_admin_urls")
def register_exam_report_urls():
    from django.urls import path

    from . import reports

    return [
        path("reports/exams/", reports.exam_report_index, name="exam_reports"),
        path("reports/exams/<int:paper_id>/", reports.exam_report, name="exam_report"),
        path(
            "reports/exams/<int:paper_id>/report.xlsx", reports.exam_report_export, name="exam_report_export"
        ),
    ]


class _ExamReportMenuItem(MenuItem):
    def is_shown(self, request):
        from .report_selectors import can_see_exam_report

        return can_see_exam_report(user=request.user)


@hooks.register("register_reports_menu_item")
def register_exam_report_menu_item():
    return _ExamReportMenuItem(
        _("Exam report"), reverse("exam_reports"), name="exam-report", icon_name="table", order=120
    )


@hooks.register("trainee_dashboard_panels", order=10)
def exams_dashboard_panel(request):
    standings = selectors.paper_standings_for_user(user=request.user)
    return render_to_string("exams/dashboard_panel.html", {"standings": standings}, request=request)
