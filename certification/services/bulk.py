"""Lifecycle changes to several certificates at once: the certificate registry's bulk actions.

Each certificate goes through the single-certificate service of ``lifecycle`` (its own transaction,
row lock and audit event), so a bulk change is audited exactly like one made on a certificate's page.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from certification import selectors

from .issuing import CertificationError
from .lifecycle import certificate_reinstate, certificate_revoke, certificate_suspend

BULK_ACTIONS = {
    "suspend": certificate_suspend,
    "reinstate": certificate_reinstate,
    "revoke": certificate_revoke,
}


@dataclass
class BulkOutcome:
    """What one bulk action did to one certificate: ``ok`` and its status after, or why not."""

    certificate_id: int
    serial: str
    holder: str
    ok: bool
    status: str
    message: str = ""


def certificate_bulk_change(*, certificates, action: str, actor, reason: str) -> list[BulkOutcome]:
    """Suspend, reinstate or revoke each of ``certificates`` with one reason, through the services
    above: each certificate in its own transaction, audited like a single change.

    Registrars and superusers only (PermissionDenied otherwise). A certificate that cannot take the
    transition (already revoked, say) is reported on its own row and does not stop the others;
    one already in the target state is reported unchanged. Safe to repeat.
    """
    if not selectors.can_manage_certificates(user=actor):
        raise PermissionDenied
    change = BULK_ACTIONS.get(action)
    if change is None:
        raise CertificationError(_("Unknown action."))
    outcomes = []
    for certificate in certificates:
        holder = (certificate.snapshot or {}).get("holder_name", "")
        before = certificate.status
        try:
            after = change(certificate=certificate, actor=actor, reason=reason)
        except CertificationError as error:
            outcomes.append(
                BulkOutcome(certificate.pk, certificate.serial, holder, False, before, str(error))
            )
            continue
        message = "" if after.status != before else _("Unchanged: it already was in that state.")
        outcomes.append(BulkOutcome(certificate.pk, certificate.serial, holder, True, after.status, message))
    return outcomes
