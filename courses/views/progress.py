"""Progress endpoints for the signed-in trainee: heartbeats, "mark complete" and their own ledger.

Every view works on the signed-in user only; no URL takes a user, so nobody can reach another's
progress. The heartbeat, sent every half minute by every open lesson page, takes that user from the
session without loading ``request.user`` (``courses.accounts.sessions``: the service checks the
session against the user's password hash in the one read it makes anyway).
"""

import math

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.models import CoursePage, LessonPage
from cms.untrusted import json_loads_untrusted
from courses import selectors, services
from courses.accounts.sessions import session_user
from courses.selectors.lesson_facts import lesson_facts


def _json_body(request) -> dict:
    if request.content_type == "application/json":
        try:
            data = json_loads_untrusted(request.body, empty={})
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}
    return request.POST.dict()


# The most played ranges one heartbeat may report; the page's script sends no more.
MAX_VIDEO_RANGES = 100


def _video_ranges(value) -> list[tuple[float, float]] | None:
    """The played ranges a heartbeat reports, None if it reports none; ValueError if they are malformed."""
    if value in (None, ""):
        return None
    if not isinstance(value, list) or len(value) > MAX_VIDEO_RANGES:
        raise ValueError
    ranges = []
    for pair in value:
        if not isinstance(pair, list) or len(pair) != 2:
            raise ValueError
        if not all(isinstance(x, int | float) and not isinstance(x, bool) for x in pair):
            raise ValueError
        start, end = float(pair[0]), float(pair[1])  # OverflowError for a huge integer
        if not (math.isfinite(start) and math.isfinite(end) and 0 <= start <= end):
            raise ValueError
        ranges.append((start, end))
    return ranges


def _flag(value) -> bool:
    """A yes/no field of a heartbeat; ValueError for anything but a JSON boolean (or 0/1 from a form)."""
    if isinstance(value, bool):
        return value
    if value in ("1", "0", "true", "false"):
        return value in ("1", "true")
    raise ValueError


@require_POST
def heartbeat(request):
    """One heartbeat from a lesson page: ``lesson`` id, ``view`` (the signed page view the page was
    served with), ``seq`` number, ``visible`` (the page stayed visible since the previous heartbeat),
    ``interacted`` (pointer, keys, scrolling or a playing video since then), and optionally
    ``video_ranges`` (the [start, end] seconds played of the page's videos laid end to end) or, from
    older pages, ``video`` (the share played), with ``video_duration`` (their length in seconds).

    A heartbeat without a valid page view credits nothing and answers 403 with the reason.

    CSRF: the full middleware stack runs, CsrfViewMiddleware included; the page sends the CSRF token
    with each heartbeat (heartbeat.js), so a cross-site POST carrying the victim's cookies is
    refused before this view runs. The signed page view alone would not do: it proves which page
    was served, not who is posting it."""
    signed_in = session_user(request)
    if signed_in is None:
        return _signed_out()
    data = _json_body(request)
    try:
        lesson_id = int(data.get("lesson"))
        seq = int(data.get("seq"))
        view = str(data.get("view") or "")[:400]
        # Absent means no: a page that does not say it is seen earns nothing.
        visible = _flag(data.get("visible", False))
        interacted = _flag(data.get("interacted", False))
        closing = _flag(data.get("closing", False))
        video = data.get("video")
        video = None if video in (None, "") else float(video)
        duration = data.get("video_duration")
        duration = None if duration in (None, "") else float(duration)
    except (TypeError, ValueError):
        return JsonResponse({"error": _("Malformed heartbeat.")}, status=400)
    try:
        ranges = _video_ranges(data.get("video_ranges"))
    except (TypeError, ValueError, OverflowError):
        message = _(
            "Malformed played video ranges: send at most %(count)d pairs [start, end] of seconds, "
            "with 0 ≤ start ≤ end."
        ) % {"count": MAX_VIDEO_RANGES}
        return JsonResponse({"error": message}, status=400)
    if (
        seq < 1
        or (video is not None and not 0 <= video <= 1)
        or (duration is not None and not 0 < duration < math.inf)
    ):
        return JsonResponse({"error": _("Malformed heartbeat.")}, status=400)
    lesson = lesson_facts(lesson_id=lesson_id)
    if lesson is None:
        return JsonResponse({"error": _("No such lesson.")}, status=404)
    result = services.progress_record_heartbeat_by_id(
        user_id=signed_in.user_id,
        session_hash=signed_in.session_hash,
        lesson=lesson,
        page_view=view,
        seq=seq,
        visible=visible,
        interacted=interacted,
        closing=closing,
        video_fraction=video,
        video_ranges=ranges,
        video_duration=duration,
    )
    if result.status == "signed_out":
        request.session.flush()  # as django.contrib.auth.get_user does for a session that no longer holds
        return _signed_out()
    if result.status == "refused":
        return JsonResponse(
            {
                "status": result.status,
                "reason": result.refusal,
                "error": result.message,
                "credited_seconds": 0,
            },
            status=403,
        )
    status = 403 if result.status == "not_enrolled" else 200
    return JsonResponse(
        {
            "status": result.status,
            "credited_seconds": result.credited_seconds,
            "lesson_completed": result.lesson_completed,
            "video_fraction": None if result.video_fraction is None else float(result.video_fraction),
            "video_capped": result.video_capped,
        },
        status=status,
    )


def _signed_out() -> JsonResponse:
    return JsonResponse({"error": _("Sign in to record your study time.")}, status=401)


@login_required
@require_POST
def mark_complete(request, lesson_id: int):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        services.lesson_mark_complete(user=request.user, lesson=lesson)
    except services.ProgressError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Lesson marked complete."))
    target = request.POST.get("next") or lesson.get_url(request)
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = lesson.get_url(request)
    return HttpResponseRedirect(target)


@login_required
def course_progress(request, course_id: int):
    """The signed-in trainee's progress and ledger in one course."""
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    if not selectors.is_enrolled(user=request.user, course=course):
        raise Http404
    return render(
        request,
        "courses/progress/course_progress.html",
        {
            "course": course,
            "progress": selectors.course_progress(user=request.user, course=course),
            "ledger": selectors.hours_ledger(user=request.user, course=course),
            "by_source": selectors.hours_by_source(user=request.user, course=course),
        },
    )
