"""Staff grading pages: the grader's queue, marking an answer by its rubric, reconciliation.

Thin, as ``views``: staff only, the item's course checked (its graders and registrars), a service
called. Blind papers show an examinee code, never the trainee's name or employer.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from . import grading, grading_selectors, presentation, selectors, services
from .forms import RubricMarkForm
from .models import AttemptItem, AttemptStatus
from .views import _check_course, _staff


def _examinee(item: AttemptItem) -> dict:
    """Who wrote the answer as the grading pages show it: a code on a blind paper."""
    code = grading.examinee_code(item.attempt_id)
    if grading_selectors.is_blind(item=item):
        return {"code": code, "name": "", "organisation": ""}
    user = item.attempt.user
    try:
        profile = user.trainee_profile
    except ObjectDoesNotExist:
        profile = None
    name = (profile.real_name if profile else "") or user.get_full_name() or user.get_username()
    return {"code": code, "name": name, "organisation": profile.organisation if profile else ""}


@login_required
@require_GET
def staff_grading_queue(request):
    _staff(request)
    items = list(grading_selectors.grader_queue(user=request.user))
    reconcile = list(grading_selectors.reconciliation_queue(user=request.user))
    return render(
        request,
        "exams/staff/grading_queue.html",
        {
            "rows": [{"item": item, "examinee": _examinee(item)} for item in items],
            "reconcile": [{"item": item, "examinee": _examinee(item)} for item in reconcile],
            "empty_reason": None
            if items or reconcile
            else grading_selectors.empty_queue_reason(user=request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def staff_grade_item(request, item_id: int):
    """Mark an answer by its rubric (or reconcile two marks). "Save and next" opens the next item
    of the grader's queue, the same paper first."""
    _staff(request)
    item = get_object_or_404(
        grading_selectors.started_items().select_related(
            "attempt__paper__course", "attempt__user", "version"
        ),
        pk=item_id,
    )
    _check_course(request, item.attempt.paper.course)
    if not selectors.can_grade(user=request.user, course=item.attempt.paper.course_id):
        raise PermissionDenied
    reconciling = item.awaiting_reconciliation
    form = RubricMarkForm(request.POST or None, criteria=grading.criteria_for(item))
    if request.method == "POST" and form.is_valid():
        mark = grading.item_reconcile if reconciling else grading.item_mark
        try:
            mark(
                item_id=item.pk,
                scores=form.scores(),
                comments=form.comments(),
                feedback=form.cleaned_data["feedback"],
                grader=request.user,
            )
        except services.ExamError as error:
            form.add_error(None, error.message)
        else:
            item.refresh_from_db()
            if item.awaiting_reconciliation:
                messages.warning(
                    request,
                    _("The two marks differ by more than the margin: the answer goes to reconciliation."),
                )
            else:
                messages.success(request, _("Grade saved."))
            if "next" in request.POST:
                following = grading_selectors.next_item(user=request.user, after=item)
                if following is not None:
                    return redirect("exams:staff_grade_item", item_id=following.pk)
                messages.info(request, _("That was the last answer waiting for you."))
            return redirect("exams:staff_grading_queue")
    marks = list(item.marks.select_related("grader")) if reconciling else []
    mine = item.marks.filter(grader_id=request.user.pk).exists()
    return render(
        request,
        "exams/staff/grade_item.html",
        {
            "item": item,
            "form": form,
            "examinee": _examinee(item),
            "blind": grading_selectors.is_blind(item=item),
            "question": presentation.question_for_trainee(
                version=item.version, option_order=item.option_order
            ),
            "response": presentation.response_text(version=item.version, response=item.response),
            "grader_info": str(item.version.data.get("grader_info") or ""),
            "reconciling": reconciling,
            "marks": marks,
            "may_reconcile": reconciling and grading.can_reconcile(user=request.user, item=item),
            "waiting": item.attempt.status == AttemptStatus.GRADING and item.score is None,
            "marked_already": mine and not reconciling,
        },
    )
