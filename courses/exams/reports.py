"""The exam report (admin → Reports): a paper's score distribution, pass rate and per-question
facility and discrimination, as a page with charts and as Excel.

Registrars see every paper; an instructor sees the papers of courses they grade (``CourseGrader``).
Thin: the figures come from ``selectors`` (a fixed number of queries), the workbook from ``exports``.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from courses.reporting import Chart, Series, plain, share, xlsx_response

from . import exports, report_selectors, selectors
from .grading import examinee_identity
from .models import ExamPaper


def _paper_for(request, paper_id: int) -> ExamPaper:
    paper = get_object_or_404(ExamPaper.objects.select_related("course", "cohort"), pk=paper_id)
    if not report_selectors.can_see_exam_report(user=request.user, course=paper.course):
        raise PermissionDenied
    return paper


def band_labels() -> list[str]:
    return [
        f"{band * 10}–{band * 10 + 9}" if band < 9 else "90–100"
        for band in range(report_selectors.SCORE_BANDS)
    ]


def question_label(position: int, label: str) -> str:
    return f"Q{position} {label}"


def charts_for(
    *, paper: ExamPaper, summary: report_selectors.PaperSummary, statistics: list[dict]
) -> list[Chart]:
    pass_band = min(int(paper.pass_mark // 10), report_selectors.SCORE_BANDS - 1)
    labels = [question_label(n, row["label"]) for n, row in enumerate(statistics, start=1)]
    return [
        Chart(
            key="scores",
            title=_("Score distribution"),
            kind="bar",
            categories=band_labels(),
            series=[Series(_("Attempts"), summary.bands)],
            x_label=_("Score (%)"),
            y_label=_("Attempts"),
            category_header=_("Score (%)"),
            mark_category=pass_band,
            mark_label=_("Pass mark %(mark)s%%") % {"mark": plain(paper.pass_mark)},
        ),
        Chart(
            key="facility",
            title=_("Facility and discrimination by question"),
            kind="bar",
            categories=labels,
            series=[
                Series(_("Facility"), [row["facility"] for row in statistics]),
                Series(_("Discrimination (r)"), [row["discrimination"] for row in statistics]),
                Series(_("Upper − lower 27%"), [row["upper_lower"] for row in statistics]),
            ],
            x_label=_("Question"),
            category_header=_("Question"),
            note=_(
                "Facility is the mean share of the points earned (0–1; low means hard). Discrimination "
                "is the correlation of the question with the rest of the paper, and the facility among the "
                "top 27% of candidates minus that among the bottom 27%: below 0.2, the question hardly "
                "separates strong from weak candidates."
            ),
        ),
    ]


@require_GET
def exam_report_index(request):
    if not report_selectors.can_see_exam_report(user=request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "exams/reports/index.html",
        {"report_title": _("Exam report"), "papers": report_selectors.papers_for_report(user=request.user)},
    )


@require_GET
def exam_report(request, paper_id: int):
    paper = _paper_for(request, paper_id)
    summary = report_selectors.paper_summary(paper=paper)
    statistics = selectors.item_statistics(paper=paper)
    context = {
        "report_title": _("Exam report"),
        "report_subtitle": paper.title,
        "paper": paper,
        "summary": summary,
        "pass_rate": share(summary.passed, summary.scored),
        "statistics": statistics,
        "charts": charts_for(paper=paper, summary=summary, statistics=statistics),
    }
    return TemplateResponse(request, "exams/reports/paper.html", context)


@require_GET
def exam_report_export(request, paper_id: int):
    paper = _paper_for(request, paper_id)
    summary = report_selectors.paper_summary(paper=paper)
    statistics = selectors.item_statistics(paper=paper)
    content = exports.results_workbook(
        paper=paper,
        attempts=selectors.paper_results(paper=paper),
        statistics=statistics,
        identity=lambda attempt: examinee_identity(attempt=attempt, reader=request.user),
        distribution=list(zip(band_labels(), summary.bands, strict=True)),
    )
    return xlsx_response(content, filename=f"exam-report-{paper.pk}.xlsx")
