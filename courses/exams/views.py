"""Exam pages and the attempt's JSON API. Thin: look up by owner, call a service, render.

A trainee's attempt is always looked up together with its owner, so another trainee's attempt
answers 404. Nothing here sends ``QuestionVersion.data``: questions go through
``presentation.question_for_trainee`` and the review through ``review_allowed``.
"""

import contextlib
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cms.localized import pages_in_active_locale
from cms.untrusted import declared_length, json_loads_untrusted
from core.downloads import attachment_response
from core.spreadsheets import XLSX
from courses.accounts.consent import consent_deferred
from courses.accounts.sessions import session_user, session_user_valid

from . import (
    exports,
    grading_selectors,
    presentation,
    report_selectors,
    selectors,
    services,
    sitting_selectors,
)
from .forms import ExtraTimeForm, OverrideForm
from .grading import examinee_identity
from .models import Attempt, ExamPaper, ReviewMode


def _ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def _wants_json(request) -> bool:
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


def trainee_attempt(view):
    """The preamble of every view of one's own attempt, in one place.

    Signed-in users only; the attempt is looked up together with its owner (anyone else's answers
    404), in one query that also loads the owner's row the sign-in is checked against (no user query
    of its own, see ``courses.accounts.sessions``); an attempt still open past its deadline is
    submitted first (the lazy path). The view is called as ``view(request, attempt, closed)``,
    ``closed`` telling whether the attempt no longer takes answers. These views are also exempt from
    the privacy-consent redirect: a trainee mid-exam is asked after the exam, never sent away from it
    or made to lose a save.
    """

    @consent_deferred
    @wraps(view)
    def wrapper(request, attempt_id: int):
        claimed = session_user(request)
        attempt = (
            selectors.attempt_for_trainee(user_id=claimed.user_id, attempt_id=attempt_id) if claimed else None
        )
        if attempt is not None and session_user_valid(
            session_hash=claimed.session_hash,
            password=attempt.user.password,
            is_active=attempt.user.is_active,
        ):
            request.user = attempt.user  # checked as get_user checks it: no query of its own
        else:
            # Django's own checks decide (a stale session is flushed): to the sign-in page, or 404.
            if not request.user.is_authenticated:  # as login_required
                if _wants_json(request):  # the exam page's fetch: a redirect it would follow to a 200
                    return JsonResponse({"error": _("Your sign-in has ended. Sign in again.")}, status=401)
                return redirect_to_login(request.get_full_path())
            raise Http404
        closed = services.attempt_close_if_overdue(actor=request.user, attempt=attempt)
        return view(request, attempt, closed)

    return wrapper


def _state(attempt: Attempt) -> dict:
    return {
        "status": attempt.status,
        "deadline": attempt.deadline.isoformat() if attempt.deadline else None,
        "server_now": timezone.now().isoformat(),
        "result_url": reverse("exams:attempt_result", args=[attempt.pk]),
    }


def _json_error(error: services.ExamError, attempt: Attempt | None = None) -> JsonResponse:
    status = {"closed": 409, "forbidden": 403}.get(error.code, 400)
    body = {"error": error.message}
    if attempt is not None:
        attempt.refresh_from_db()
        body |= _state(attempt)
    return JsonResponse(body, status=status)


# --- Trainee ------------------------------------------------------------------------------


@login_required
@require_GET
def my_exams(request):
    papers = selectors.papers_for_user(user=request.user)
    attempts = selectors.attempt_list_for_user(user=request.user)
    return render(request, "exams/my_exams.html", {"papers": papers, "attempts": attempts})


@login_required
@require_GET
def paper_detail(request, paper_id: int):
    paper = get_object_or_404(ExamPaper.objects.select_related("course"), pk=paper_id)
    if not paper.live and not report_selectors.can_see_exam_report(user=request.user, course=paper.course):
        raise Http404  # a paper in the making is nobody's business but its course's staff's
    attempts = selectors.attempt_results(
        attempts=list(selectors.attempt_list_for_user(user=request.user, paper=paper).order_by("number"))
    )
    open_attempt = selectors.open_attempt(user=request.user, paper=paper)
    entry = None if open_attempt else sitting_selectors.sitting_entry(user=request.user, paper=paper)
    waiting = entry is not None and entry.phase in ("waiting", "open")
    # In the waiting room: would they be refused once the sitting opens (not eligible, attempts used)?
    at = max(timezone.now(), entry.sitting.opens_at) if waiting else None
    refusal = None if open_attempt else selectors.start_refusal(user=request.user, paper=paper, now=at)
    if refusal is None and entry is not None:
        refusal = entry.refusal
    if _wants_json(request):  # the waiting room's clock asks: may I start now?
        return JsonResponse(
            {"server_now": timezone.now().isoformat(), "can_start": refusal is None, "refusal": refusal}
        )
    course = pages_in_active_locale([paper.course])[paper.course_id]  # its English page on /en/
    if waiting and refusal in (None, entry.refusal):
        room = sitting_selectors.waiting_room(entry=entry, user=request.user)
        return render(request, "exams/waiting_room.html", {**room, "course": course})
    return render(
        request,
        "exams/paper_detail.html",
        {
            "paper": paper,
            "course": course,
            "attempts": attempts,
            "open_attempt": open_attempt,
            "refusal": refusal,
        },
    )


@login_required
@require_POST
def attempt_start(request, paper_id: int):
    paper = get_object_or_404(ExamPaper, pk=paper_id)
    try:
        attempt = services.attempt_start(paper=paper, user=request.user, ip=_ip(request))
    except services.ExamError as error:
        if _wants_json(request):
            return JsonResponse({"error": error.message}, status=403 if error.code == "refused" else 400)
        messages.error(request, error.message)
        return redirect("exams:paper_detail", paper_id=paper.pk)
    if _wants_json(request):
        return JsonResponse({"attempt": attempt.pk, **_state(attempt)}, status=201)
    return redirect("exams:attempt", attempt_id=attempt.pk)


@require_GET
@trainee_attempt
def attempt_page(request, attempt: Attempt, closed: bool):
    if closed:
        return redirect("exams:attempt_result", attempt_id=attempt.pk)
    items = list(attempt.items.select_related("version"))
    if attempt.events.exclude(kind="start").exists():
        with contextlib.suppress(services.ExamError):  # past the cap of reported events: the page still opens
            services.attempt_log_event(actor=request.user, attempt=attempt, kind="resume", ip=_ip(request))
    questions = [
        {
            **presentation.question_on_page(
                version=item.version,
                option_order=item.option_order,
                option_values=item.option_values,
                position=item.position,
                points=item.points,
                response=presentation.response_for_page(
                    version=item.version, option_values=item.option_values, response=item.response
                ),
                section=item.section_title,
            ),
            "seq": item.client_seq,
            "answered": presentation.is_answered(version=item.version, response=item.response),
            "flagged": item.flagged,
        }
        for item in items
    ]
    return render(
        request,
        "exams/attempt.html",
        {
            "attempt": attempt,
            "paper": attempt.paper,
            "questions": questions,
            "navigator": presentation.exam_navigator(questions),
            "fieldsets": presentation.exam_fieldsets(questions),
            "earlier": selectors.earlier_attempts(attempt=attempt),
            "state": _state(attempt),
            # services.parse_answers measures an answer as JSON: a typed text has its two quotes more.
            "max_answer_chars": services.MAX_RESPONSE_CHARS - 2,
        },
    )


@require_http_methods(["GET", "POST"])
@trainee_attempt
def attempt_answers(request, attempt: Attempt, closed: bool):
    """GET: the saved answers and the deadline. POST: save answers (JSON). Never any correct answer."""
    if request.method == "GET":
        answers = [
            {
                "position": item.position,
                "response": presentation.response_for_page(
                    version=item.version, option_values=item.option_values, response=item.response
                ),
                "seq": item.client_seq,
            }
            for item in attempt.items.select_related("version").only(
                "position", "response", "client_seq", "option_values", "version__qtype", "version__data"
            )
        ]
        return JsonResponse({"answers": answers, **_state(attempt)})
    try:
        payload = json_loads_untrusted(request.body)
    except ValueError:
        payload = None
    try:
        saves, flags = services.parse_answers(payload), services.parse_flags(payload)
        stored = services.attempt_save_answers(
            actor=request.user, attempt=attempt, saves=saves, ip=_ip(request), flags=flags
        )
    except services.ExamError as error:
        return _json_error(error, attempt)
    return JsonResponse({"saved": {str(p): s for p, s in stored.items()}, **_state(attempt)})


@require_POST
@trainee_attempt
def attempt_event(request, attempt: Attempt, closed: bool):
    """Record a focus loss or resume the exam page reports. JSON errors: 400 unreadable or unknown,
    409 submitted, 413 too large, 429 too many (see ``services.attempt_log_event``)."""
    limit = services.MAX_EVENT_DETAIL_CHARS * 4  # a small JSON object, whatever its script
    if (
        declared_length(request) > limit or len(request.body) > limit
    ):  # the declared length first: nothing big is read
        return JsonResponse({"error": _("The event report is too large.")}, status=413)
    try:
        payload = json_loads_untrusted(request.body, empty={})
        kind = payload.get("kind") if isinstance(payload, dict) else None
        detail = payload.get("detail") if isinstance(payload.get("detail"), dict) else {}
        services.attempt_log_event(
            actor=request.user, attempt=attempt, kind=kind, ip=_ip(request), detail=detail
        )
    except (ValueError, AttributeError, UnicodeDecodeError, RecursionError):
        return JsonResponse({"error": _("The request could not be read.")}, status=400)
    except services.ExamError as error:
        status = {"closed": 409, "too_large": 413, "too_many": 429}.get(error.code, 400)
        return JsonResponse({"error": error.message}, status=status)
    return JsonResponse({"ok": True})


@require_POST
@trainee_attempt
def attempt_submit(request, attempt: Attempt, closed: bool):
    if not closed:
        attempt = services.attempt_submit(actor=request.user, attempt_id=attempt.pk, ip=_ip(request))
    if _wants_json(request):
        return JsonResponse(_state(attempt))
    return redirect("exams:attempt_result", attempt_id=attempt.pk)


@require_GET
@trainee_attempt
def attempt_result(request, attempt: Attempt, closed: bool):
    if not closed:
        return redirect("exams:attempt", attempt_id=attempt.pk)
    review = selectors.review_allowed(attempt=attempt)
    items = []
    if review in (ReviewMode.RESPONSES, ReviewMode.ANSWERS):
        for item in attempt.items.select_related("version"):
            items.append(
                {
                    "position": item.position,
                    "text": item.version.text,
                    "text_format": item.version.text_format,
                    "points": item.points,
                    "score": item.score,
                    "response": presentation.response_text(version=item.version, response=item.response),
                    "correct": presentation.correct_answer_text(item.version)
                    if review == ReviewMode.ANSWERS
                    else "",
                    "feedback": item.feedback,
                }
            )
    return render(
        request,
        "exams/result.html",
        {
            "attempt": attempt,
            "paper": attempt.paper,
            "review": review,
            "items": items,
            "provisional": selectors.attempt_results(attempts=[attempt])[0].provisional,
        },
    )


# --- Staff --------------------------------------------------------------------------------


def _staff(request):
    if not selectors.is_exam_staff(user=request.user):
        raise PermissionDenied


def _staff_paper(request, paper_id: int) -> ExamPaper:
    """The paper if ``request.user`` may see its results: the exam report's rule, for every staff page."""
    _staff(request)
    paper = get_object_or_404(ExamPaper.objects.select_related("course"), pk=paper_id)
    _check_course(request, paper.course)
    return paper


def _check_course(request, course) -> None:
    if not report_selectors.can_see_exam_report(user=request.user, course=course):
        raise PermissionDenied


@login_required
@require_GET
def staff_paper(request, paper_id: int):
    paper = _staff_paper(request, paper_id)
    return render(
        request,
        "exams/staff/paper.html",
        {
            "paper": paper,
            "attempts": selectors.paper_results(paper=paper),
            "statistics": selectors.item_statistics(paper=paper),
            "review": selectors.paper_review_state(paper=paper),
            "changed_since_approval": selectors.paper_changes_since_approval(paper=paper)
            if paper.live
            else 0,
            "extra_time_form": ExtraTimeForm(),
        },
    )


@login_required
@require_POST
def staff_extra_time(request, paper_id: int):
    paper = _staff_paper(request, paper_id)
    form = ExtraTimeForm(request.POST)
    if form.is_valid():
        try:
            services.accommodation_grant(
                paper=paper,
                user=form.cleaned_data["username"],
                extra_minutes=form.cleaned_data["extra_minutes"],
                reason=form.cleaned_data["reason"],
                granted_by=request.user,
            )
            messages.success(request, _("Extra time granted."))
        except services.ExamError as error:
            messages.error(request, error.message)
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect("exams:staff_paper", paper_id=paper.pk)


@login_required
@require_GET
def staff_paper_export(request, paper_id: int):
    paper = _staff_paper(request, paper_id)
    content = exports.results_workbook(
        paper=paper,
        attempts=selectors.paper_results(paper=paper),
        statistics=selectors.item_statistics(paper=paper),
        identity=lambda attempt: examinee_identity(attempt=attempt, reader=request.user),
    )
    return attachment_response(content, filename=f"exam-{paper.pk}-results.xlsx", content_type=XLSX)


@login_required
@require_GET
def staff_attempt(request, attempt_id: int):
    _staff(request)
    attempt = get_object_or_404(Attempt.objects.select_related("paper__course", "user"), pk=attempt_id)
    _check_course(request, attempt.paper.course)
    items = [
        {
            "item": item,
            "response": presentation.response_text(version=item.version, response=item.response),
            "correct": presentation.correct_answer_text(item.version),
            "changes": item.score_changes.select_related("changed_by"),
        }
        for item in attempt.items.select_related("version")
    ]
    return render(
        request,
        "exams/staff/attempt.html",
        {
            "attempt": attempt,
            "items": items,
            "events": attempt.events.all(),
            "override_form": OverrideForm(),
            "can_grade": selectors.can_grade(user=request.user, course=attempt.paper.course_id),
        },
    )


@login_required
@require_POST
def staff_item_override(request, item_id: int):
    _staff(request)
    items = grading_selectors.started_items()  # a prepared paper's item is no attempt's: 404
    item = get_object_or_404(items.select_related("attempt__paper__course"), pk=item_id)
    _check_course(request, item.attempt.paper.course)
    form = OverrideForm(request.POST)
    if form.is_valid():
        try:
            services.item_override(
                item_id=item.pk,
                score=form.cleaned_data["score"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
            messages.success(request, _("The score was changed."))
        except services.ExamError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, _("Enter the new points and a reason."))
    return redirect("exams:staff_attempt", attempt_id=item.attempt_id)
