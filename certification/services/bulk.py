"""Lifecycle changes to several certificates at once: the certificate registry's bulk actions.

Each certificate goes through the single-certificate service of ``lifecycle`` (its own transaction,
row lock and audit event), so a bulk change is audited exactly like one made on a certificate's page.
The ticked rows of a page are changed in the request; every certificate matching a filter is
changed by a worker as a ``RegistryChange``, whose page shows its progress.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from certification import selectors
from certification.models import Certificate, ChangeItemState, RegistryChange, RegistryChangeItem

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


def _change_for(*, action: str, actor):
    if not selectors.can_manage_certificates(user=actor):
        raise PermissionDenied
    change = BULK_ACTIONS.get(action)
    if change is None:
        raise CertificationError(_("Unknown action."))
    return change


def _change_one(certificate: Certificate, *, change, actor, reason: str) -> BulkOutcome:
    holder = (certificate.snapshot or {}).get("holder_name", "")
    before = certificate.status
    try:
        after = change(certificate=certificate, actor=actor, reason=reason)
    except CertificationError as error:
        return BulkOutcome(certificate.pk, certificate.serial, holder, False, before, str(error))
    message = "" if after.status != before else _("Unchanged: it already was in that state.")
    return BulkOutcome(certificate.pk, certificate.serial, holder, True, after.status, message)


def certificate_bulk_change(*, certificates, action: str, actor, reason: str) -> list[BulkOutcome]:
    """Suspend, reinstate or revoke each of ``certificates`` with one reason, through the services
    above: each certificate in its own transaction, audited like a single change.

    Registrars and superusers only (PermissionDenied otherwise). A certificate that cannot take the
    transition (already revoked, say) is reported on its own row and does not stop the others;
    one already in the target state is reported unchanged. Safe to repeat.
    """
    change = _change_for(action=action, actor=actor)
    return [_change_one(c, change=change, actor=actor, reason=reason) for c in certificates]


# --- Every certificate matching a filter, by a worker ---------------------------------------------


@dataclass(frozen=True)
class ChangeProgress:
    total: int
    changed: int
    unchanged: int
    failed: int

    @property
    def remaining(self) -> int:
        return self.total - self.changed - self.unchanged - self.failed

    def as_dict(self) -> dict:
        handled = self.total - self.remaining
        return {
            "total": self.total,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "remaining": self.remaining,
            "finished": self.remaining == 0,
            "percent": round(100 * handled / self.total) if self.total else 100,
        }


def registry_change_progress(*, change: RegistryChange) -> ChangeProgress:
    """Counts in one query, cheap enough to poll every second."""
    counts = change.items.aggregate(
        total=Count("pk"),
        **{state: Count("pk", filter=Q(state=state)) for state in ("changed", "unchanged", "failed")},
    )
    return ChangeProgress(**counts)


def _queue_change_run(change_id: int) -> None:
    from certification.tasks import registry_change_run_task

    transaction.on_commit(lambda: registry_change_run_task.delay(change_id))


@transaction.atomic
def registry_change_start(
    *, certificate_ids: list[int], action: str, reason: str, filters: str, actor
) -> RegistryChange:
    """Change ``certificate_ids`` (fixed now, as the registrar confirmed them) by a worker.

    Registrars and superusers only (PermissionDenied otherwise); an unknown action or a missing
    reason is refused before anything is saved. Atomic: the change and its items are saved and
    the run is queued on commit.
    """
    change = _change_for(action=action, actor=actor)
    reason = (reason or "").strip()
    if change is not certificate_reinstate and not reason:
        raise CertificationError(_("Please give a reason."))
    registry_change = RegistryChange.objects.create(
        action=action, reason=reason, filters=filters, created_by=actor
    )
    RegistryChangeItem.objects.bulk_create(
        (RegistryChangeItem(change=registry_change, certificate_id=pk) for pk in certificate_ids),
        batch_size=1000,
    )
    _queue_change_run(registry_change.pk)
    return registry_change


def _change_item(item_id: int) -> bool:
    """Apply the change to one pending item; False if there was none to take.

    The certificate's transition and the item's outcome commit together, so a run repeated after
    a lost worker changes each certificate once and reports it once.
    """
    with transaction.atomic():
        item = (
            RegistryChangeItem.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("change", "change__created_by", "certificate")
            .filter(pk=item_id, state=ChangeItemState.PENDING)
            .first()
        )
        if item is None:
            return False
        change = item.change
        with translation.override("zh-hans"):  # kept as the registrar reads it: Chinese first
            outcome = _change_one(
                item.certificate,
                change=BULK_ACTIONS[change.action],
                actor=change.created_by,
                reason=change.reason,
            )
        if not outcome.ok:
            item.state = ChangeItemState.FAILED
        elif outcome.message:
            item.state = ChangeItemState.UNCHANGED
        else:
            item.state = ChangeItemState.CHANGED
        item.status_after = outcome.status
        item.message = outcome.message
        item.save(update_fields=["state", "status_after", "message", "updated_at"])
        return True


# Items one task changes before handing the rest to a new task: a long change never meets the task
# time limit, and other tasks queued meanwhile are not starved.
CHANGE_CHUNK = 200


def registry_change_run(*, change_id: int, max_items: int | None = CHANGE_CHUNK) -> int:
    """Change the pending items (at most ``max_items``) and queue the rest; return how many were handled.

    Idempotent; workers call it. Items already handled, or taken by a concurrent run, are skipped.
    """
    pending = RegistryChangeItem.objects.filter(change_id=change_id, state=ChangeItemState.PENDING)
    item_ids = list(pending.order_by("pk").values_list("pk", flat=True)[:max_items])
    handled = sum(_change_item(item_id) for item_id in item_ids)
    with transaction.atomic():
        change = RegistryChange.objects.select_for_update().filter(pk=change_id).first()
        if change is None or change.finished_at is not None:
            return handled
        if pending.exists():
            # Items left but none handled here: a concurrent run holds them and queues what follows.
            if handled:
                _queue_change_run(change_id)
        else:
            change.finished_at = timezone.now()
            change.save(update_fields=["finished_at"])
    return handled


def registry_change_resume_stalled(*, older_than_seconds: int = 600) -> int:
    """Queue a run again for each unfinished change whose pending items are untouched for a while:
    the safety net for a run message lost with a worker. Harmless beside a live run (items are taken
    once). Run by beat; returns how many were queued."""
    from certification.tasks import registry_change_run_task

    stalled = RegistryChange.stalled_ids(
        untouched_since=timezone.now() - timedelta(seconds=older_than_seconds)
    )
    for change_id in stalled:
        registry_change_run_task.delay(change_id)
    return len(stalled)
