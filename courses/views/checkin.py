"""Offline-session check-in: a staff screen with a QR code that changes every ``CHECKIN_CODE_SECONDS``
and lists who has checked in, and the mobile page a trainee reaches by scanning it. Scanning gives
the phone a device cookie; the check-in is bound to it (see ``courses.services.attendance``)."""

import secrets

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core import roles
from core.downloads import PRIVATE_NO_STORE, cache_policy_apply
from courses import selectors, services
from courses.models import OfflineSession
from courses.services.attendance import EXPIRED_CODE_MESSAGE

# The phone's check-in device: a random id, signed so that it is ours, kept a year.
DEVICE_COOKIE = "tta_checkin_device"
DEVICE_COOKIE_SALT = "tta.courses.checkin-device"
DEVICE_COOKIE_AGE = 365 * 24 * 3600


def _device(request) -> str:
    return request.get_signed_cookie(DEVICE_COOKIE, default="", salt=DEVICE_COOKIE_SALT)[:40]


def _give_device(request, response) -> None:
    if not _device(request):
        response.set_signed_cookie(
            DEVICE_COOKIE,
            secrets.token_urlsafe(16),
            salt=DEVICE_COOKIE_SALT,
            max_age=DEVICE_COOKIE_AGE,
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )


def _require_staff(request) -> None:
    if not roles.is_learning_staff(user=request.user):
        raise PermissionDenied


def _may_run(user, session: OfflineSession) -> bool:
    """The check-in screen and its live code are the session cohort's staff's (``can_read_roster``:
    registrars, and the instructors who teach one of the cohort's courses): whoever sees the code
    can check in, and the screen lists who did."""
    return selectors.can_read_roster(user=user, cohort=session.cohort)


def _session_for_staff(request, session_id: int) -> OfflineSession:
    session = get_object_or_404(
        OfflineSession.objects.select_related("cohort", "cohort__program", "cohort__course", "course"),
        pk=session_id,
    )
    if not _may_run(request.user, session):
        raise PermissionDenied
    return session


def _qr_svg(request, session: OfflineSession) -> str:
    code = services.checkin_code(session=session)
    url = request.build_absolute_uri(reverse("courses:checkin", args=[session.pk, code]))
    # segno escapes nothing user-provided here: the URL is ours and the title is a fixed string.
    svg = segno.make(url, error="m").svg_inline(scale=8, title=_("Check-in code"))
    return format_html('<div class="checkin-qr" data-url="{}">{}</div>', url, mark_safe(svg))


@login_required
def session_list(request):
    """Offline sessions of today and later whose check-in screen the reader may open (``_may_run``)."""
    _require_staff(request)
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    allowed: dict[int, bool] = {}  # asked once per cohort: a list holds a few cohorts' sessions
    sessions = []
    for session in selectors.offline_sessions_from(start=today):
        if session.cohort_id not in allowed:
            allowed[session.cohort_id] = _may_run(request.user, session)
        if allowed[session.cohort_id]:
            sessions.append(session)
    return render(request, "courses/checkin/session_list.html", {"sessions": sessions})


@login_required
def session_screen(request, session_id: int):
    """The screen shown in the classroom: the QR code, refreshed by the page every few seconds."""
    session = _session_for_staff(request, session_id)
    return render(
        request,
        "courses/checkin/session_screen.html",
        {
            "session": session,
            "qr": _qr_svg(request, session),
            "checked_in": selectors.session_checkins(session=session),
            "code_seconds": settings.CHECKIN_CODE_SECONDS,
            "refresh_seconds": max(5, settings.CHECKIN_CODE_SECONDS // 6),
        },
    )


@login_required
def session_qr(request, session_id: int):
    """The current QR code and head count as an HTML fragment, polled by the check-in screen."""
    session = _session_for_staff(request, session_id)
    response = render(
        request,
        "courses/checkin/session_live.html",
        {"qr": _qr_svg(request, session), "checked_in": selectors.session_checkins(session=session)},
    )
    return cache_policy_apply(response, PRIVATE_NO_STORE)  # the code in it changes every few seconds


@login_required
def check_in(request, session_id: int, code: str):
    """A trainee confirms the check-in they scanned. GET shows the session; POST records attendance."""
    session = get_object_or_404(OfflineSession.objects.select_related("cohort", "course"), pk=session_id)
    if request.method == "POST":
        try:
            _attendance, created = services.attendance_check_in(
                user=request.user, session=session, code=code, device=_device(request)
            )
        except services.ProgressError as error:
            return render(
                request,
                "courses/checkin/check_in.html",
                {"session": session, "code": code, "error": error.messages[0]},
                status=400,
            )
        if created:
            messages.success(request, _("You are checked in. The session's hours have been credited."))
        else:
            messages.info(request, _("You had already checked in to this session."))
        return redirect("courses:checkin_done", session_id=session.pk)
    context = {"session": session, "code": code}
    attendance = session.attendances.filter(user=request.user).first()
    if attendance is not None:
        # A link scanned again (or opened from the history) says it was used, not that it expired.
        context["attendance"] = attendance
    elif not services.checkin_code_is_valid(session=session, code=code):
        # Say so before the trainee presses the button; the POST checks again anyway.
        context["error"] = EXPIRED_CODE_MESSAGE
    response = render(request, "courses/checkin/check_in.html", context)
    _give_device(request, response)  # the scan: this phone is the device the check-in is bound to
    return response


@login_required
def check_in_done(request, session_id: int):
    session = get_object_or_404(OfflineSession.objects.select_related("cohort", "course"), pk=session_id)
    attendance = session.attendances.filter(user=request.user).first()
    return render(request, "courses/checkin/done.html", {"session": session, "attendance": attendance})
