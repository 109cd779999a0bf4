"""Writes of enrolment: every status change of an Enrolment goes through one of these functions.

Each function runs in one transaction and locks the cohort row first (``select_for_update``), so
concurrent enrolments in the same cohort are serialised and capacity is never exceeded. Each
status change is recorded as an EnrolmentEvent with its actor and reason. A place freed by a
withdrawal or rejection goes, in the same transaction, to the first trainee on the waiting list.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.links import absolute_url
from cms.localized import localized
from core.guards import SYSTEM_ONLY, guarded, owner
from core.roles import is_registrar
from courses.guards import REGISTRAR
from courses.models import Cohort, Enrolment, EnrolmentEvent, EnrolmentMode, EnrolmentStatus
from courses.models.enrolments import ACTIVE, PLACE_HOLDING
from courses.notifications.kinds import NotificationKind, per_language
from courses.notifications.services import notify


class EnrolmentError(ValidationError):
    """A request that the enrolment rules refuse; its message is shown to the user as is."""


def _lock(cohort: Cohort) -> Cohort:
    return Cohort.objects.select_for_update().get(pk=cohort.pk)


def _free_places(cohort: Cohort) -> int:
    taken = cohort.enrolments.filter(status__in=PLACE_HOLDING).count()
    return max(cohort.capacity - taken, 0)


def _set_status(enrolment: Enrolment, status: str, *, actor=None, reason: str = "") -> Enrolment:
    previous = enrolment.status if enrolment.pk else ""
    enrolment.status = status
    if status == EnrolmentStatus.WAITLISTED:
        enrolment.waitlisted_at = timezone.now()
    elif previous == EnrolmentStatus.WAITLISTED:
        enrolment.waitlisted_at = None
    enrolment.save()
    EnrolmentEvent.objects.create(
        enrolment=enrolment, from_status=previous, to_status=status, actor=actor, reason=reason
    )
    return enrolment


def _notify(enrolment: Enrolment, kind: NotificationKind, *, variant: str = "", **params) -> None:
    """Tell the trainee about a decision on their enrolment (in the caller's transaction)."""
    cohort = enrolment.cohort
    notify(
        recipient=enrolment.user,
        kind=kind,
        params={
            "cohort": per_language(lambda: localized(cohort, "title")),  # English pages show title_en
            "starts_on": cohort.starts_on.isoformat(),
            "ends_on": cohort.ends_on.isoformat(),
            **params,
        },
        variant=variant,
        link=("courses:my_enrolments", []),
    )


def _place_or_waitlist(cohort: Cohort, enrolment: Enrolment, *, actor, reason: str = "") -> Enrolment:
    """Give a place if one is free and nobody is waiting ahead; otherwise join the waiting list."""
    someone_waiting = (
        cohort.enrolments.filter(status=EnrolmentStatus.WAITLISTED).exclude(pk=enrolment.pk).exists()
    )
    if _free_places(cohort) > 0 and not someone_waiting:
        return _set_status(enrolment, EnrolmentStatus.ENROLLED, actor=actor, reason=reason)
    return _set_status(enrolment, EnrolmentStatus.WAITLISTED, actor=actor, reason=reason)


# The trainee acting on their own place, or a registrar.
_TRAINEE_OR_REGISTRAR = owner(lambda arguments: arguments["user"].pk, name="the trainee") | REGISTRAR
_HOLDER_OR_REGISTRAR = owner(lambda arguments: arguments["enrolment"].user_id, name="the trainee") | REGISTRAR


@guarded(_TRAINEE_OR_REGISTRAR, actor_default="user")
@transaction.atomic
def enrolment_create(*, user, cohort: Cohort, actor=None, reason: str = "") -> Enrolment:
    """Enrol ``user`` in ``cohort`` (报名), following the cohort's enrolment mode.

    Atomic; capacity-safe (cohort row locked). Idempotent: a user already invited, pending,
    wait-listed, enrolled or completed gets their enrolment back unchanged, except that an
    invitation is accepted. ``actor`` is who acts: the trainee themself (default) or a registrar
    enrolling them (a registrar skips the window, approval and invitation rules, never capacity).

    - open: enrolled while places remain, else wait-listed;
    - approval required: pending until a registrar approves;
    - invitation only: only an invited user can accept (then enrolled or wait-listed).

    Raises EnrolmentError when the window is closed, the cohort is invitation-only and the user
    was not invited, or the user was rejected from this cohort before.
    """
    actor = actor or user
    by_registrar = actor != user and is_registrar(user=actor)
    if actor != user and not by_registrar:
        raise PermissionDenied(_("Only registrars may enrol someone else."))
    cohort = _lock(cohort)
    enrolment = Enrolment.objects.filter(user=user, cohort=cohort).first()

    if enrolment and enrolment.status in ACTIVE and enrolment.status != EnrolmentStatus.INVITED:
        return enrolment
    if enrolment and enrolment.status == EnrolmentStatus.REJECTED and not by_registrar:
        raise EnrolmentError(_("Your application to this cohort was not accepted."), code="rejected")
    invited = enrolment is not None and enrolment.status == EnrolmentStatus.INVITED
    if not by_registrar:
        if not cohort.window_is_open() or cohort.ends_on < timezone.localdate():
            raise EnrolmentError(_("Enrolment for this cohort is not open."), code="window_closed")
        if cohort.enrolment_mode == EnrolmentMode.INVITATION and not invited:
            raise EnrolmentError(_("This cohort is by invitation only."), code="not_invited")

    enrolment = enrolment or Enrolment(user=user, cohort=cohort)
    if cohort.enrolment_mode == EnrolmentMode.APPROVAL and not by_registrar and not invited:
        return _set_status(enrolment, EnrolmentStatus.PENDING, actor=actor, reason=reason)
    return _place_or_waitlist(cohort, enrolment, actor=actor, reason=reason)


@guarded(REGISTRAR)
@transaction.atomic
def enrolment_invite(*, user, cohort: Cohort, actor, reason: str = "") -> Enrolment:
    """Invite ``user`` to ``cohort``: they may then accept (enrolment_create) even if invitation-only.

    Registrars only (guarded). Atomic and idempotent: an existing active enrolment is returned unchanged.
    """
    cohort = _lock(cohort)
    enrolment = Enrolment.objects.filter(user=user, cohort=cohort).first()
    if enrolment and enrolment.status in ACTIVE:
        return enrolment
    return _set_status(
        enrolment or Enrolment(user=user, cohort=cohort), EnrolmentStatus.INVITED, actor=actor, reason=reason
    )


def _load_locked(enrolment: Enrolment) -> tuple[Cohort, Enrolment]:
    cohort = _lock(enrolment.cohort)
    return cohort, Enrolment.objects.select_for_update().get(pk=enrolment.pk)


@guarded(_HOLDER_OR_REGISTRAR)
@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment, actor, reason: str = "") -> Enrolment:
    """Withdraw from a cohort: by the trainee themself or by a registrar.

    Atomic. Idempotent: withdrawing twice changes nothing. A completed enrolment cannot be
    withdrawn. A freed place goes to the first wait-listed trainee in the same transaction.
    """
    cohort, enrolment = _load_locked(enrolment)
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        return enrolment
    if enrolment.status not in ACTIVE or enrolment.status == EnrolmentStatus.COMPLETED:
        raise EnrolmentError(_("This enrolment can no longer be withdrawn."), code="final")
    held_place = enrolment.status in PLACE_HOLDING
    _set_status(enrolment, EnrolmentStatus.WITHDRAWN, actor=actor, reason=reason)
    if held_place:
        _promote(cohort, actor=actor)
    return enrolment


@guarded(REGISTRAR)
@transaction.atomic
def enrolment_approve(*, enrolment: Enrolment, actor, reason: str = "") -> Enrolment:
    """Approve a pending application: enrolled if a place is free, else wait-listed.

    Registrars only (guarded). Atomic; capacity-safe. Idempotent for an enrolment no longer pending
    (it is returned unchanged). The trainee is notified.
    """
    cohort, enrolment = _load_locked(enrolment)
    if enrolment.status != EnrolmentStatus.PENDING:
        return enrolment
    enrolment = _place_or_waitlist(cohort, enrolment, actor=actor, reason=reason)
    waitlisted = enrolment.status == EnrolmentStatus.WAITLISTED
    _notify(enrolment, NotificationKind.ENROLMENT_APPROVED, variant="waitlisted" if waitlisted else "")
    return enrolment


@guarded(REGISTRAR)
@transaction.atomic
def enrolment_reject(*, enrolment: Enrolment, actor, reason: str) -> Enrolment:
    """Reject an application (or remove a trainee) with a mandatory reason.

    Registrars only (guarded). Atomic. Works on pending, invited, wait-listed and enrolled trainees; a
    freed place goes to the first wait-listed trainee. Rejecting twice changes nothing. The
    trainee is notified with the reason.
    """
    if not (reason or "").strip():
        raise EnrolmentError(_("Give a reason for the rejection."), code="reason_required")
    cohort, enrolment = _load_locked(enrolment)
    if enrolment.status == EnrolmentStatus.REJECTED:
        return enrolment
    if enrolment.status not in ACTIVE or enrolment.status == EnrolmentStatus.COMPLETED:
        raise EnrolmentError(_("This enrolment can no longer be rejected."), code="final")
    held_place = enrolment.status in PLACE_HOLDING
    _set_status(enrolment, EnrolmentStatus.REJECTED, actor=actor, reason=reason.strip())
    _notify(enrolment, NotificationKind.ENROLMENT_REJECTED, reason=reason.strip())
    if held_place:
        _promote(cohort, actor=actor)
    return enrolment


@guarded(REGISTRAR)
@transaction.atomic
def enrolment_complete(*, enrolment: Enrolment, actor, reason: str = "") -> Enrolment:
    """Mark an enrolled trainee as having completed the cohort. Atomic; idempotent.

    For the progress rules (``actor=SYSTEM``) or a registrar (guarded). The place stays held.
    """
    _cohort, enrolment = _load_locked(enrolment)
    if enrolment.status != EnrolmentStatus.ENROLLED:
        return enrolment
    return _set_status(enrolment, EnrolmentStatus.COMPLETED, actor=actor, reason=reason)


def _promote(cohort: Cohort, *, actor=None) -> list[Enrolment]:
    free = _free_places(cohort)
    if free <= 0:
        return []
    queue = list(
        cohort.enrolments.select_for_update()
        .filter(status=EnrolmentStatus.WAITLISTED)
        .order_by("waitlisted_at", "pk")[:free]
    )
    reason = str(_("A place became free."))
    promoted = [_set_status(e, EnrolmentStatus.ENROLLED, actor=actor, reason=reason) for e in queue]
    for enrolment in promoted:
        _notify(enrolment, NotificationKind.WAITLIST_PROMOTED)
    return promoted


@guarded(REGISTRAR)
@transaction.atomic
def waitlist_promote(*, cohort: Cohort, actor) -> list[Enrolment]:
    """Fill the cohort's free places from its waiting list, first come first served.

    Atomic; capacity-safe; idempotent (nothing happens when no place is free or nobody waits).
    Each promoted trainee is notified (so is one promoted by a withdrawal or rejection).
    Called after any change that frees places, e.g. a registrar raising the capacity.
    """
    return _promote(_lock(cohort), actor=actor)


@guarded(SYSTEM_ONLY)
def imported_account_welcome(*, user, actor) -> bool:
    """Email a trainee whose account a registrar created a link to set their password.

    Safe to run twice in effect: nothing is sent once the trainee has a password or has logged in.
    Returns whether an email was sent. Called by account_welcome_email_task (``actor=SYSTEM``).
    """
    from allauth.account import app_settings as allauth_settings
    from allauth.account.utils import user_pk_to_url_str
    from django.conf import settings
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.urls import reverse
    from django.utils import translation

    if user.has_usable_password() or user.last_login or not user.email:
        return False
    token = allauth_settings.PASSWORD_RESET_TOKEN_GENERATOR().make_token(user)
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse(
            "account_reset_password_from_key", kwargs={"uidb36": user_pk_to_url_str(user), "key": token}
        )
        context = {"user": user, "url": absolute_url(path)}
        subject = render_to_string("courses/enrol/email/welcome_subject.txt", context).strip()
        body = render_to_string("courses/enrol/email/welcome_body.txt", context)
    send_mail(subject, body, None, [user.email])
    return True
