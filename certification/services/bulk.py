"""Lifecycle changes to several certificates at once: the certificate registry's bulk actions.

Each certificate goes through the single-certificate service of ``lifecycle`` (its own transaction,
row lock and audit event), so a bulk change is audited exactly like one made on a certificate's page.
The ticked rows of a page are changed in the request; every certificate matching a filter is
changed by a worker as a ``RegistryChange``, whose page shows its progress.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q
from django.utils import translation
from django.utils.translation import gettext as _

from certification.models import Certificate, ChangeItemState, RegistryChange, RegistryChangeItem
from core.guards import SYSTEM_ONLY, check, guarded
from core.jobs import JobKind, JobProgress, job_queue, job_run
from courses.guards import REGISTRAR_IN_PERSON

from .issuing import CertificationError
from .lifecycle import certificate_reinstate, certificate_revoke, certificate_suspend

# A change of every certificate matching a filter, as a job of ``core.jobs`` (registered in
# CertificationConfig.ready): its items are taken by ``registry_change_item_apply``.
REGISTRY_CHANGE_JOB = JobKind(
    name="registry_change",
    model="certification.RegistryChange",
    task="certification.tasks.registry_change_run_task",
    handle_item="certification.services.bulk.registry_change_item_apply",
    item_related=("change", "change__created_by", "certificate"),
)

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


def _change_for(*, action: str):
    # Who may act is the callers' guard (REGISTRAR_IN_PERSON); this only names the change.
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


@guarded(REGISTRAR_IN_PERSON)
def certificate_bulk_change(*, certificates, action: str, actor, reason: str) -> list[BulkOutcome]:
    """Suspend, reinstate or revoke each of ``certificates`` with one reason, through the services
    above: each certificate in its own transaction, audited like a single change.

    Registrars and superusers only (PermissionDenied otherwise). A certificate that cannot take the
    transition (already revoked, say) is reported on its own row and does not stop the others;
    one already in the target state is reported unchanged. Safe to repeat.
    """
    change = _change_for(action=action)
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

    @property
    def finished(self) -> bool:
        return self.remaining == 0

    @property
    def job(self) -> JobProgress:
        """The counts every job's progress answers (``core.jobs``)."""
        return JobProgress(total=self.total, done=self.total - self.remaining, finished=self.finished)

    def as_dict(self) -> dict:
        return {
            "total": self.total,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "remaining": self.remaining,
            "finished": self.finished,
            "percent": self.job.percent,
        }


def registry_change_progress(*, change: RegistryChange) -> ChangeProgress:
    """Counts in one query, cheap enough to poll every second."""
    counts = change.items.aggregate(
        total=Count("pk"),
        **{state: Count("pk", filter=Q(state=state)) for state in ("changed", "unchanged", "failed")},
    )
    return ChangeProgress(**counts)


@guarded(REGISTRAR_IN_PERSON)
@transaction.atomic
def registry_change_start(
    *, certificate_ids: list[int], action: str, reason: str, filters: str, actor
) -> RegistryChange:
    """Change ``certificate_ids`` (fixed now, as the registrar confirmed them) by a worker.

    Registrars and superusers only (PermissionDenied otherwise); an unknown action or a missing
    reason is refused before anything is saved. Atomic: the change and its items are saved and
    the run is queued on commit.
    """
    change = _change_for(action=action)
    reason = (reason or "").strip()
    if change is not certificate_reinstate and not reason:
        raise CertificationError(_("Please give a reason."))
    registry_change = RegistryChange.objects.create(
        action=action, reason=reason, filters=filters, created_by=actor
    )
    items = RegistryChangeItem.objects.bulk_create(
        (RegistryChangeItem(change=registry_change, certificate_id=pk) for pk in certificate_ids),
        batch_size=1000,
    )
    registry_change.total = len(items)
    registry_change.save(update_fields=["total"])
    job_queue(kind=REGISTRY_CHANGE_JOB, job_id=registry_change.pk)
    return registry_change


@guarded(SYSTEM_ONLY)
def registry_change_item_apply(*, item: RegistryChangeItem, actor) -> None:
    """Apply the change to one pending item, locked by ``core.jobs.job_run`` in its transaction.

    The certificate's transition and the item's outcome commit together, so a run repeated after
    a lost worker changes each certificate once and reports it once. The job runner's
    (``actor=SYSTEM``); the transition is made by the registrar who started the change
    (``created_by``), whose right is checked again and who is recorded in its audit event.
    """
    change = item.change
    # The registrar changes, not the runner: one who is gone is refused, never replaced by the system.
    check(REGISTRAR_IN_PERSON, actor=change.created_by)
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


# Items one task changes before handing the rest to a new task: a long change never meets the task
# time limit, and other tasks queued meanwhile are not starved.
CHANGE_CHUNK = 200


@guarded(SYSTEM_ONLY)
def registry_change_run(*, change_id: int, actor, max_items: int | None = CHANGE_CHUNK) -> int:
    """Change the pending items (at most ``max_items``) and queue the rest; return how many were handled.

    Idempotent; workers call it (``actor=SYSTEM``; ``core.jobs.job_run``). Items already handled, or
    taken by a concurrent run, are skipped; the change is finished when none is pending.
    """
    return job_run(kind=REGISTRY_CHANGE_JOB, job_id=change_id, max_items=max_items)
