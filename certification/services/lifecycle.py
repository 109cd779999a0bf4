"""A certificate's life after issue: suspend, reinstate, revoke, expire, reissue, renew; reminders; sharing.

One service per transition. Each locks the certificate row, checks the transition is allowed,
changes the status and writes a CertificateEvent (who, when, why) in one transaction. Asking for
the state a certificate is already in changes nothing and writes no event (safe to retry).
"""

import logging
from datetime import datetime

from dateutil.relativedelta import relativedelta
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certification import selectors
from certification.eligibility import format_hours, rule_for
from certification.models import (
    LIVE_STATUSES,
    Certificate,
    CertificateEvent,
    CertificateReminder,
    CertificateStatus,
    ReminderKind,
)
from core.guards import guarded, owner
from courses.guards import REGISTRAR, SYSTEM, SYSTEM_ONLY
from courses.notifications.kinds import NotificationKind

from .issuing import CertificationError, _create, canonical_program
from .notices import certificate_notify
from .status_lists import status_list_sync

logger = logging.getLogger(__name__)


def _locked(certificate: Certificate) -> Certificate:
    return Certificate.objects.select_for_update().get(pk=certificate.pk)


def _transition(
    *,
    certificate: Certificate,
    to_status: str,
    allowed_from: tuple,
    action: str,
    actor,
    reason: str,
    notify_kind: NotificationKind | None = None,
    public_note: str = "",
) -> Certificate:
    with transaction.atomic():
        locked = _locked(certificate)
        if locked.status == to_status:
            return locked
        if locked.status not in allowed_from:
            raise CertificationError(
                _("A certificate that is “%(status)s” cannot be changed this way.")
                % {"status": CertificateStatus(locked.status).label}
            )
        previous = locked.status
        locked.status = to_status
        locked.status_reason = reason
        locked.public_note = public_note
        locked.save(update_fields=["status", "status_reason", "public_note"])
        status_list_sync(certificate=locked)
        CertificateEvent.objects.create(
            certificate=locked,
            action=action,
            from_status=previous,
            to_status=to_status,
            actor=actor,
            reason=reason,
            public_note=public_note,
        )
        if notify_kind:
            certificate_notify(certificate=locked, kind=notify_kind, reason=reason)
    certificate.refresh_from_db()
    return locked


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise CertificationError(_("Please give a reason."))
    return reason


@guarded(REGISTRAR)
def certificate_suspend(*, certificate: Certificate, actor, reason: str) -> Certificate:
    """Suspend an issued certificate (it shows as suspended; it can be reinstated). Registrars only (guarded)."""
    return _transition(
        certificate=certificate,
        to_status=CertificateStatus.SUSPENDED,
        allowed_from=(CertificateStatus.ISSUED,),
        action="suspended",
        actor=actor,
        reason=_require_reason(reason),
    )


@guarded(REGISTRAR)
def certificate_reinstate(*, certificate: Certificate, actor, reason: str = "") -> Certificate:
    """Lift a suspension. Registrars only (guarded)."""
    return _transition(
        certificate=certificate,
        to_status=CertificateStatus.ISSUED,
        allowed_from=(CertificateStatus.SUSPENDED,),
        action="reinstated",
        actor=actor,
        reason=(reason or "").strip(),
    )


@guarded(REGISTRAR)
def certificate_revoke(*, certificate: Certificate, actor, reason: str, public_note: str = "") -> Certificate:
    """Revoke for good. Registrars only (guarded).

    ``reason`` is required and internal (registrars, exports; the holder's notification). The
    verification page and API show only ``public_note``, a statement the registrar writes knowingly
    for anyone who checks the certificate; empty, they show the revocation without a reason.
    """
    return _transition(
        certificate=certificate,
        to_status=CertificateStatus.REVOKED,
        allowed_from=(CertificateStatus.ISSUED, CertificateStatus.SUSPENDED),
        action="revoked",
        actor=actor,
        reason=_require_reason(reason),
        notify_kind=NotificationKind.CERTIFICATE_REVOKED,
        public_note=(public_note or "").strip(),
    )


@guarded(SYSTEM_ONLY)
def certificate_expire(*, certificate: Certificate, actor, now: datetime | None = None) -> Certificate:
    """Mark a live certificate expired once its expiry has passed. The beat task's (``actor=SYSTEM``); idempotent."""
    now = now or timezone.now()
    if certificate.expires_at is None or certificate.expires_at > now:
        raise CertificationError(_("This certificate has not expired."))
    return _transition(
        certificate=certificate,
        to_status=CertificateStatus.EXPIRED,
        allowed_from=LIVE_STATUSES,
        action="expired",
        actor=None,
        reason="",
    )


@guarded(SYSTEM_ONLY)
def certificate_expire_due(*, actor, now: datetime | None = None) -> int:
    """Expire every live certificate whose expiry has passed. Returns how many changed. ``actor=SYSTEM``.

    Each certificate on its own: one that fails is logged and left for the next run; the others expire.
    """
    now = now or timezone.now()
    changed = 0
    for certificate in list(selectors.due_for_expiry(now=now)):
        try:
            certificate_expire(certificate=certificate, actor=SYSTEM, now=now)
        except Exception:
            logger.exception("could not expire certificate %s; the others go on", certificate.pk)
            continue
        changed += 1
    return changed


def _supersede(
    *, certificate: Certificate, actor, reason: str, action: str, expires_at_for
) -> tuple[Certificate, Certificate]:
    """Replace a live certificate by a new one (new serial, fresh snapshot) in one transaction."""
    with transaction.atomic():
        old = _locked(certificate)
        if old.status not in LIVE_STATUSES:
            raise CertificationError(
                _("Only an issued or suspended certificate can be replaced; this one is “%(status)s”.")
                % {"status": CertificateStatus(old.status).label}
            )
        previous = old.status
        # The old certificate leaves the live set first: the one-live-certificate constraint is not deferred.
        old.status = CertificateStatus.SUPERSEDED
        old.status_reason = reason
        old.save(update_fields=["status", "status_reason"])
        status_list_sync(certificate=old)
        issued_at = timezone.now()
        new = _create(
            user=old.user,
            program=canonical_program(old.program),
            actor=actor,
            cohort=old.cohort,
            issued_at=issued_at,
            expires_at=expires_at_for(old, issued_at),
            supersedes=old,
            action=action,
            reason=reason,
            share_full_name=old.share_full_name,
            share_hours_detail=old.share_hours_detail,
        )
        CertificateEvent.objects.create(
            certificate=old,
            action="superseded",
            from_status=previous,
            to_status=CertificateStatus.SUPERSEDED,
            actor=actor,
            reason=_("Replaced by %(serial)s: %(reason)s") % {"serial": new.serial, "reason": reason},
        )
    return old, new


@guarded(REGISTRAR)
def certificate_reissue(*, certificate: Certificate, actor, reason: str) -> Certificate:
    """Correct a certificate (a changed name, a new template): a new serial supersedes the old one.

    The new certificate prints the current data and keeps the old expiry; the old one stays in the
    history as superseded. Atomic. Registrars only (guarded). Returns the new certificate.
    """
    reason = _require_reason(reason)
    _old, new = _supersede(
        certificate=certificate,
        actor=actor,
        reason=reason,
        action="reissued",
        expires_at_for=lambda old, issued_at: old.expires_at,
    )
    return new


@guarded(owner(lambda arguments: arguments["certificate"].user_id, name="holder") | REGISTRAR)
def certificate_renew(*, certificate: Certificate, actor, now: datetime | None = None) -> Certificate:
    """Renew before expiry with the program's continuing-education hours (see selectors.renewal_status).

    The renewal is a new certificate superseding the old one; its validity runs from the old
    expiry, so renewing early loses no time. The holder (for themselves) or a registrar may call.
    """
    status = selectors.renewal_status(certificate=certificate, now=now)
    if not status.window_open:
        raise CertificationError(_("This certificate cannot be renewed now."))
    if not status.hours_met:
        raise CertificationError(
            _("Renewal needs %(required)s continuing-education hours; %(hours)s earned since issue.")
            % {"required": status.hours_required, "hours": status.hours}
        )
    rule = rule_for(program=certificate.program)

    def expires_at_for(old, issued_at):
        return old.expires_at + relativedelta(months=rule.validity_months or 0)

    _old, new = _supersede(
        certificate=certificate,
        actor=actor,
        reason=_("Renewed with continuing-education hours"),
        action="renewed",
        expires_at_for=expires_at_for,
    )
    return new


@guarded(
    owner(lambda arguments: arguments["certificate"].user_id, name="holder", needs_person=True), actor="user"
)
def certificate_set_sharing(
    *, certificate: Certificate, user, share_full_name: bool, share_hours_detail: bool
) -> Certificate:
    """The holder chooses what the public verification page shows beyond the minimum. Holder only."""
    if certificate.user_id != user.pk:
        raise CertificationError(_("Only the holder can change this."))
    with transaction.atomic():
        locked = _locked(certificate)
        locked.share_full_name = share_full_name
        locked.share_hours_detail = share_hours_detail
        locked.save(update_fields=["share_full_name", "share_hours_detail"])
        CertificateEvent.objects.create(
            certificate=locked,
            action="sharing_changed",
            actor=user,
            reason=f"full_name={share_full_name} hours_detail={share_hours_detail}",
        )
    return locked


def _remind(certificate: Certificate, days_before: int) -> None:
    renewal = selectors.renewal_status(certificate=certificate)
    certificate_notify(
        certificate=certificate,
        kind=NotificationKind.CERTIFICATE_EXPIRING,
        variant="renewal" if renewal.hours_required else "",
        days=days_before,
        required=format_hours(renewal.hours_required, against=renewal.hours_required),
        hours=format_hours(renewal.hours, against=renewal.hours_required),
    )


@guarded(SYSTEM_ONLY)
def certificate_send_expiry_reminders(*, actor, now: datetime | None = None) -> int:
    """Notify holders of the 90-, 30- and 7-day expiry reminders that are due. Never one reminder twice.

    Each reminder is recorded (unique per certificate and threshold) in the same transaction that
    makes its notification: a concurrent run blocks on the row and then skips. The email leaves on
    commit from the notification's task, which retries a failed send. A certificate first seen
    inside a smaller window gets only that window's reminder. Returns how many were made.
    """
    thresholds = sorted(ReminderKind.values, reverse=True)  # 90, 30, 7
    sent = 0
    for index, days_before in enumerate(thresholds):
        smaller = thresholds[index + 1] if index + 1 < len(thresholds) else 0
        due = selectors.certificates_needing_reminder(days_before=days_before, smaller=smaller, now=now)
        for certificate in list(due.select_related("user")):
            try:
                with transaction.atomic():
                    CertificateReminder.objects.create(certificate=certificate, days_before=days_before)
                    _remind(certificate, days_before)
            except IntegrityError:
                continue
            except Exception:  # one holder's failure (rolled back) is retried next run; the others go on
                logger.exception("could not remind the holder of certificate %s", certificate.pk)
                continue
            sent += 1
    return sent
