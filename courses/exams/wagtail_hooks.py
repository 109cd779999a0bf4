from decimal import Decimal

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.choosers import ListersOnlyChooserViewSet

from . import builder, builder_panels, selectors, sitting_selectors
from .models import CourseGrader, ExamPaper, Sitting


def _plain(number) -> str:
    return format(Decimal(number).normalize(), "f")  # 14.00 -> 14, 8.50 -> 8.5


class ExamPaperViewSet(SnippetViewSet):
    """Papers are drafts until a registrar approves them in the *Exam paper review* workflow."""

    model = ExamPaper
    icon = "doc-full"
    menu_label = _("Exam papers")
    list_display = [
        "title",
        "course",
        LiveStatusTagColumn(label=_("Status")),  # "live" printed True/False
        Column("total_questions", label=_("Questions")),
        Column("total_marks", label=_("Total marks"), accessor=lambda paper: _plain(paper.total_marks)),
        Column("pass_mark", label=_("Pass mark"), accessor=lambda paper: _plain(paper.pass_mark) + "%"),
        "opens_at",
        "closes_at",
    ]
    list_filter = ["live"]
    search_fields = ["title"]
    panels = builder_panels.PAPER_PANELS  # the paper builder's form, with each section's

    def get_queryset(self, request):
        # The published paper's totals (a draft's show in its edit view).
        return builder.papers_with_totals(ExamPaper.objects.select_related("course"))


class CourseGraderViewSet(SnippetViewSet):
    model = CourseGrader
    icon = "user"
    menu_label = _("Graders")
    list_display = ["course", "user"]


class SittingViewSet(SnippetViewSet):
    """Sittings (考试场次): registrars schedule them (only they hold the model's permissions), and see
    how many examinees are expected, have a paper prepared, have started and have submitted."""

    model = Sitting
    icon = "date"
    menu_label = _("Sittings")
    chooser_viewset_class = ListersOnlyChooserViewSet
    list_display = [
        "__str__",
        "paper",
        "cohort",
        "opens_at",
        "delivery",
        Column("state", label=_("State"), accessor=lambda sitting: sitting.get_state_display()),
        Column("expected", label=_("Expected")),
        Column("assembled", label=_("Papers prepared")),
        Column("started", label=_("Started")),
        Column("submitted", label=pgettext_lazy("exam", "Submitted")),
    ]
    list_filter = ["assembly_status", "delivery"]

    def get_queryset(self, request):
        return sitting_selectors.sittings_with_counts()


class ExamsViewSetGroup(SnippetViewSetGroup):
    items = (ExamPaperViewSet, SittingViewSet, CourseGraderViewSet)
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


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def assemble_saved_sitting(request, instance):
    """A sitting saved: a worker prepares its examinees' papers."""
    if isinstance(instance, Sitting):
        from .sittings import sitting_schedule

        sitting_schedule(actor=request.user, sitting=instance)


@hooks.register("register_snippet_listing_buttons")
def sitting_listing_buttons(snippet, user, next_url=None):
    from core.roles import is_registrar

    if isinstance(snippet, Sitting) and is_registrar(user=user):
        url = reverse("exam_sitting_assemble", args=[snippet.pk])
        yield ListingMenuItem(_("Prepare papers now"), url, icon_name="repeat", priority=50)


@hooks.register("register_admin_urls")
def register_paper_builder_urls():
    from django.urls import path

    from . import builder_views

    return [
        path("exams/builder/eligible/", builder_views.section_eligible, name="exam_section_eligible"),
        path(
            "exams/builder/questions/<int:question_id>/preview/",
            builder_views.question_preview,
            name="exam_question_preview",
        ),
        path(
            "exams/builder/papers/<int:paper_id>/preview/",
            builder_views.paper_preview,
            name="exam_paper_preview",
        ),
    ]


@hooks.register("register_admin_urls")
def register_exam_report_urls():
    from django.urls import path

    from . import reports, sitting_views

    return [
        path(
            "exams/sittings/<int:sitting_id>/assemble/",
            sitting_views.sitting_assemble,
            name="exam_sitting_assemble",
        ),
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
