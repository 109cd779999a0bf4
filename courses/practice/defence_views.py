"""Pages of the defence (答辩). Thin: look up what the user may reach, call ``defence``, render.

Registrars see trainees' names on the scheduling page; the panel (reviewers, possibly external)
sees submissions by their anonymous code only, as on the review pages. Another user's objects
answer 404; refusals come back as the service's message, and change nothing.
"""

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from cms.models import CoursePage
from core import roles
from courses import selectors as learning_selectors
from courses.models import Cohort

from . import defence
from .models import (
    DefenceResult,
    DefenceScore,
    DefenceSession,
    DefenceSlot,
    PracticalAssignment,
    ReviewPanel,
    Submission,
)
from .services import PracticeError


class DefenceSessionForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    panel = forms.ModelChoiceField(label=gettext_lazy("Panel"), queryset=ReviewPanel.objects.order_by("name"))
    starts_at = forms.DateTimeField(
        label=gettext_lazy("Starts at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ends_at = forms.DateTimeField(
        label=gettext_lazy("Ends at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    slot_minutes = forms.IntegerField(
        label=gettext_lazy("Minutes per slot"), initial=30, min_value=5, max_value=240
    )
    room = forms.CharField(label=gettext_lazy("Room"), max_length=200, required=False)
    online_link = forms.URLField(label=gettext_lazy("Online link"), required=False, assume_scheme="https")
    swap_hours_before = forms.IntegerField(
        label=gettext_lazy("Trainees may swap until (hours before)"), initial=24, min_value=0, max_value=720
    )
    cohort = forms.ModelChoiceField(
        label=gettext_lazy("Cohort checking in (for a room)"),
        queryset=Cohort.objects.order_by("code"),
        required=False,
    )
    course = forms.ModelChoiceField(
        label=gettext_lazy("Course credited with the attendance"),
        queryset=CoursePage.objects.none(),
        required=False,
        help_text=gettext_lazy("Empty: the assignment's course."),
    )
    hours = forms.DecimalField(
        label=gettext_lazy("Hours credited for attending"),
        required=False,
        min_value=Decimal("0"),
        max_value=Decimal("24"),
        decimal_places=1,
        help_text=gettext_lazy("Empty: one slot's length."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from wagtail.models import Locale

        self.fields["course"].queryset = CoursePage.objects.filter(locale=Locale.get_default()).order_by(
            "code"
        )


def _registrar(request) -> None:
    if not roles.is_registrar(user=request.user):
        raise Http404


def _session_for_scheduler(request, session_id: int) -> DefenceSession:
    session = get_object_or_404(
        DefenceSession.objects.select_related("assignment", "panel", "offline_session"), pk=session_id
    )
    if not defence.can_schedule(user=request.user, session=session):
        raise Http404
    return session


# --- Registrars: sessions and scheduling ------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def staff_sessions(request, assignment_id: int):
    """The defence sessions of an assignment, and a form to create one (registrars)."""
    _registrar(request)
    assignment = get_object_or_404(PracticalAssignment, pk=assignment_id)
    form = DefenceSessionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                session = defence.defence_session_create(
                    assignment=assignment,
                    panel=data["panel"],
                    title=data["title"],
                    starts_at=data["starts_at"],
                    ends_at=data["ends_at"],
                    slot_minutes=data["slot_minutes"],
                    room=data["room"],
                    online_link=data["online_link"],
                    swap_hours_before=data["swap_hours_before"],
                    cohort=data["cohort"],
                    course=data["course"],
                    hours=data["hours"],
                    actor=request.user,
                )
            except PracticeError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request, _("Defence session created with %(n)d slots.") % {"n": session.slots.count()}
                )
                return redirect("defence:staff_session", defence_session_id=session.pk)
        status = 400
    sessions = (
        DefenceSession.objects.filter(assignment=assignment).select_related("panel").order_by("starts_at")
    )
    return render(
        request,
        "practice/defence/staff_sessions.html",
        {"assignment": assignment, "sessions": sessions, "form": form},
        status=status,
    )


@login_required
def staff_session(request, defence_session_id: int):
    """A session's slots: who is where, check-ins, scores and outcomes; scheduling (registrar or chair).
    Names are shown to registrars; the chair, a reviewer, sees codes."""
    session = _session_for_scheduler(request, defence_session_id)
    show_names = roles.is_registrar(user=request.user)
    slots = list(session.slots.select_related("trainee", "outcome").order_by("starts_at", "pk"))
    codes = dict(
        Submission.objects.filter(
            assignment_id=session.assignment_id, trainee_id__in=[s.trainee_id for s in slots if s.trainee_id]
        ).values_list("trainee_id", "code")
    )
    attended = defence.attended_slot_ids(session=session)
    scored = set(DefenceScore.objects.filter(slot__in=slots).values_list("slot_id", flat=True))
    rows = [
        {
            "slot": slot,
            "code": codes.get(slot.trainee_id, ""),
            "name": _trainee_name(slot.trainee) if show_names and slot.trainee_id else "",
            "attended": slot.pk in attended,
            "scored": slot.pk in scored,
            "outcome": getattr(slot, "outcome", None),
        }
        for slot in slots
    ]
    candidates = defence.candidates(session=session)
    return render(
        request,
        "practice/defence/staff_session.html",
        {
            "session": session,
            "rows": rows,
            "candidates": [
                {
                    "id": c.trainee_id,
                    "label": f"{c.code} · {_trainee_name(c.trainee)}" if show_names else c.code,
                }
                for c in candidates
            ],
            "show_names": show_names,
            "is_registrar": show_names,
            "is_member": defence.is_member(user=request.user, session=session),
            "can_check_in": roles.is_learning_staff(user=request.user),
            # The check-in screen shows its live code to the session cohort's staff only.
            "can_show_code": bool(session.offline_session_id)
            and learning_selectors.can_read_roster(user=request.user, cohort=session.offline_session.cohort),
        },
    )


def _trainee_name(user) -> str:
    profile = getattr(user, "trainee_profile", None)
    return (getattr(profile, "real_name", "") or user.get_full_name() or user.username) if user else ""


def _back(session: DefenceSession):
    return redirect("defence:staff_session", defence_session_id=session.pk)


@login_required
@require_POST
def staff_autofill(request, defence_session_id: int):
    session = _session_for_scheduler(request, defence_session_id)
    try:
        count = defence.defence_autofill(session=session, actor=request.user)
    except PracticeError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(n)d trainees scheduled.") % {"n": count})
    return _back(session)


def _slot_for_scheduler(request, slot_id: int) -> DefenceSlot:
    slot = get_object_or_404(
        DefenceSlot.objects.select_related("session__panel", "session__assignment"), pk=slot_id
    )
    if not defence.can_schedule(user=request.user, session=slot.session):
        raise Http404
    return slot


@login_required
@require_POST
def staff_slot_assign(request, slot_id: int):
    slot = _slot_for_scheduler(request, slot_id)
    trainee = get_user_model().objects.filter(pk=_int(request.POST.get("trainee"))).first()
    try:
        if trainee is None:
            raise PracticeError(_("Choose a trainee."))
        defence.defence_slot_assign(slot=slot, trainee=trainee, actor=request.user)
    except PracticeError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Slot booked."))
    return _back(slot.session)


@login_required
@require_POST
def staff_slot_unassign(request, slot_id: int):
    slot = _slot_for_scheduler(request, slot_id)
    try:
        defence.defence_slot_unassign(slot=slot, actor=request.user)
    except PracticeError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Slot freed."))
    return _back(slot.session)


@login_required
@require_POST
def staff_slot_check_in(request, slot_id: int):
    slot = _slot_for_scheduler(request, slot_id)
    try:
        _attendance, created = defence.defence_check_in_by_staff(slot=slot, actor=request.user)
    except PracticeError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Attendance recorded.") if created else _("Attendance was already recorded.")
        )
    return _back(slot.session)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# --- Trainees: my defence and swaps -----------------------------------------------------------------


@login_required
def my_defence(request):
    """The trainee's defence slots, where and when, and the free slots they may still move to."""
    now = timezone.now()
    rows = [
        {
            "slot": slot,
            "swap_closes_at": defence.swap_closes_at(slot),
            "can_swap": now < defence.swap_closes_at(slot) and getattr(slot, "outcome", None) is None,
            "free": defence.free_slots_for(slot=slot, now=now) if now < defence.swap_closes_at(slot) else [],
        }
        for slot in defence.slots_for_trainee(user=request.user)
    ]
    return render(request, "practice/defence/my_defence.html", {"rows": rows})


@login_required
@require_POST
def slot_swap(request, slot_id: int):
    mine = get_object_or_404(DefenceSlot, pk=slot_id, trainee=request.user)
    wanted = DefenceSlot.objects.filter(pk=_int(request.POST.get("to"))).first()
    try:
        if wanted is None:
            raise PracticeError(_("Choose a free slot."))
        defence.defence_slot_swap(user=request.user, from_slot=mine, to_slot=wanted)
    except PracticeError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your defence slot has been changed."))
    return redirect("defence:my_defence")


# --- The panel: scoring on a phone, the chair's outcome -----------------------------------------------


@login_required
def panel_sessions(request):
    """The defence sessions whose panel the user sits on."""
    return render(
        request,
        "practice/defence/panel_sessions.html",
        {"sessions": defence.sessions_for_member(user=request.user)},
    )


def _session_for_member(request, session_id: int) -> DefenceSession:
    session = get_object_or_404(DefenceSession.objects.select_related("assignment", "panel"), pk=session_id)
    if not defence.is_member(user=request.user, session=session):
        raise Http404
    return session


@login_required
def panel_session(request, defence_session_id: int):
    session = _session_for_member(request, defence_session_id)
    slots = list(session.slots.filter(trainee__isnull=False).select_related("outcome").order_by("starts_at"))
    codes = dict(
        Submission.objects.filter(
            assignment_id=session.assignment_id, trainee_id__in=[s.trainee_id for s in slots]
        ).values_list("trainee_id", "code")
    )
    mine = set(
        DefenceScore.objects.filter(slot__in=slots, member=request.user).values_list("slot_id", flat=True)
    )
    rows = [
        {
            "slot": s,
            "code": codes.get(s.trainee_id, ""),
            "scored": s.pk in mine,
            "outcome": getattr(s, "outcome", None),
        }
        for s in slots
    ]
    return render(
        request,
        "practice/defence/panel_session.html",
        {
            "session": session,
            "rows": rows,
            "is_chair": defence.is_chair(user=request.user, session=session),
            "can_schedule": defence.can_schedule(user=request.user, session=session),
        },
    )


def _slot_for_member(request, slot_id: int) -> DefenceSlot:
    slot = get_object_or_404(
        DefenceSlot.objects.select_related("session__panel", "session__assignment"),
        pk=slot_id,
        trainee__isnull=False,
    )
    if not defence.is_member(user=request.user, session=slot.session):
        raise Http404
    return slot


def _code(slot: DefenceSlot) -> str:
    return (
        Submission.objects.filter(assignment_id=slot.session.assignment_id, trainee_id=slot.trainee_id)
        .values_list("code", flat=True)
        .first()
        or ""
    )


@login_required
def score_page(request, slot_id: int):
    """One member's scoring of one defence, made for a phone: a criterion per row, large buttons,
    every change saved at once (and a Save button per row without JavaScript)."""
    slot = _slot_for_member(request, slot_id)
    criteria = list(slot.session.assignment.defence_criteria.all())
    score = DefenceScore.objects.filter(slot=slot, member=request.user).first()
    given = {row["criterion"]: row for row in (score.criteria if score else [])}
    rows = [
        {
            "criterion": c,
            "points": given.get(c.pk, {}).get("points") or "",
            "comment": given.get(c.pk, {}).get("comment", ""),
        }
        for c in criteria
    ]
    return render(
        request,
        "practice/defence/score.html",
        {
            "slot": slot,
            "session": slot.session,
            "code": _code(slot),
            "rows": rows,
            "total": score.total if score else Decimal("0"),
            "maximum": sum((c.max_points for c in criteria), Decimal("0")),
            "closed": hasattr(slot, "outcome"),
            "is_chair": defence.is_chair(user=request.user, session=slot.session),
        },
    )


@login_required
@require_POST
def score_save(request, slot_id: int):
    """Save one criterion: JSON for the page's script, a redirect back for a plain form."""
    slot = _slot_for_member(request, slot_id)
    wants_json = "application/json" in request.headers.get("Accept", "")
    try:
        criterion_id = _int(request.POST.get("criterion"))
        if criterion_id is None:
            raise PracticeError(_("This criterion is not in the defence rubric."))
        score = defence.defence_score_save(
            slot=slot,
            member=request.user,
            criterion_id=criterion_id,
            points=request.POST.get("points"),
            comment=request.POST.get("comment"),
        )
    except PracticeError as error:
        if wants_json:
            return JsonResponse({"ok": False, "error": error.message}, status=400)
        messages.error(request, error.message)
        return redirect("defence:score", slot_id=slot.pk)
    if wants_json:
        return JsonResponse({"ok": True, "total": str(score.total), "saved": _("Saved")})
    messages.success(request, _("Saved"))
    return redirect("defence:score", slot_id=slot.pk)


@login_required
@require_http_methods(["GET", "POST"])
def outcome_page(request, slot_id: int):
    """The chair records the outcome: a first POST shows what will be recorded and asks to confirm."""
    slot = _slot_for_member(request, slot_id)
    if not defence.is_chair(user=request.user, session=slot.session):
        raise Http404
    mean, maximum = defence.defence_mean(slot=slot)
    context = {
        "slot": slot,
        "session": slot.session,
        "code": _code(slot),
        "mean": mean,
        "maximum": maximum,
        "results": DefenceResult.choices,
        "result": request.POST.get("result", ""),
        "reasons": request.POST.get("reasons", ""),
        "outcome": getattr(slot, "outcome", None),
        "scores": list(slot.scores.all()),
    }
    if request.method == "POST" and context["outcome"] is None:
        confirmed = request.POST.get("confirmed") == "1"
        try:
            if not confirmed:
                # Check everything but the confirmation, then ask for it.
                if context["result"] not in DefenceResult.values:
                    raise PracticeError(_("Choose pass, pass with revisions or fail."))
                if not context["reasons"].strip():
                    raise PracticeError(_("Give the reasons for the outcome."))
                context["confirming"] = True
                context["result_label"] = DefenceResult(context["result"]).label
                return render(request, "practice/defence/outcome.html", context)
            defence.defence_outcome_record(
                slot=slot,
                chair=request.user,
                result=context["result"],
                reasons=context["reasons"],
                confirmed=True,
            )
        except PracticeError as error:
            context["error"] = error.message
            return render(request, "practice/defence/outcome.html", context, status=400)
        messages.success(request, _("The outcome has been recorded."))
        return redirect("defence:panel_session", defence_session_id=slot.session_id)
    return render(request, "practice/defence/outcome.html", context)
