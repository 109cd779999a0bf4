"""Admin views of the paper builder: a random section's eligible count (JSON), a saved question's
preview, and one paper drawn from the draft. None of them writes anything.

Who may use them follows the paper's own policy: anyone who may see papers (instructors draft
every paper, registrars approve) and, for a question's preview, anyone who may see questions.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET

from courses.questions.models import Question, QuestionBank, QuestionType

from . import builder, presentation
from .models import ExamPaper

VIEW_PAPERS = "exams.view_exampaper"
VIEW_QUESTIONS = "questions.view_question"
MAX_DRAW = 1000


def _require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _ids(values: list[str]) -> list[int] | None:
    try:
        return [int(value) for value in values if value != ""]
    except ValueError:
        return None


@require_GET
def section_eligible(request):
    """GET ?banks=1&banks=2&tags=a,b&question_type=essay&draw_count=5: {eligible, draw_count, enough,
    message}. Called by the section panel as its banks, tags, type or number to draw change."""
    _require(request, VIEW_PAPERS)
    bank_ids = _ids(request.GET.getlist("banks"))
    draw_count = _ids([request.GET.get("draw_count") or "0"])
    question_type = request.GET.get("question_type", "")
    tags = request.GET.get("tags", "")[:300]
    if bank_ids is None or draw_count is None or not 0 <= draw_count[0] <= MAX_DRAW:
        return JsonResponse(
            {"error": _("Enter whole numbers for the banks and the number to draw.")}, status=400
        )
    if question_type and question_type not in QuestionType.values:
        return JsonResponse({"error": _("Choose a question type from the list.")}, status=400)
    if not bank_ids:
        return JsonResponse(
            {
                "eligible": 0,
                "draw_count": draw_count[0],
                "enough": False,
                "message": _("Choose a bank to draw from."),
            }
        )
    banks = list(QuestionBank.objects.filter(pk__in=bank_ids))
    eligible = builder.section_eligible(
        banks=banks, tags=tags, question_type=question_type, draw_count=draw_count[0]
    )
    return JsonResponse(
        {
            "eligible": eligible.eligible,
            "draw_count": eligible.draw_count,
            "enough": eligible.enough,
            "message": eligible.message,
        }
    )


@require_GET
@xframe_options_sameorigin
def question_preview(request, question_id: int):
    """A saved question's current version as a trainee will see it (the editor's preview page)."""
    _require(request, VIEW_QUESTIONS)
    question = get_object_or_404(Question.objects.select_related("current_version"), pk=question_id)
    version = question.current_version
    if version is None:
        raise Http404
    q = presentation.question_on_page(
        version=version,
        option_order=list(range(presentation.option_count(version))),
        position=1,
        points=version.default_points,
    )
    return render(request, "questions/question_preview.html", {"q": q, "shuffled": len(q["options"]) > 1})


@require_GET
def paper_preview(request, paper_id: int):
    """One paper drawn from the draft as a trainee would get it: no attempt made, nothing saved, no
    answers shown. Each visit draws again."""
    _require(request, VIEW_PAPERS)
    paper = builder.paper_as_drafted(paper=get_object_or_404(ExamPaper, pk=paper_id))
    totals = builder.paper_totals(paper=paper)
    try:
        items = builder.draw_preview(paper=paper)
    except builder.ExamError as error:
        return render(
            request,
            "exams/admin/paper_preview.html",
            {"paper": paper, "totals": totals, "questions": [], "error": error.message},
        )
    questions = [
        presentation.question_on_page(
            version=item.version,
            option_order=item.option_order,
            option_values=item.option_values,
            position=item.position,
            points=item.points,
            section=item.section_title,
        )
        for item in items
    ]
    return render(
        request,
        "exams/admin/paper_preview.html",
        {"paper": paper, "totals": totals, "questions": questions, "error": ""},
    )
