"""Bulk issuance: a registrar issues a cohort's certificates as one batch, watched live.

Every step is safe to repeat. A batch is a job of ``core.jobs``: ``batch_run`` takes pending items
one at a time under a row lock (``skip_locked``, so two runs share the work instead of doubling it),
calls the idempotent ``certificate_issue`` and renders what it issued once that has committed; the
framework queues the next chunk, finishes the batch, and its sweep resumes a batch whose run was
lost. The ZIP is built by a worker from the stored PDFs and kept in private storage.
"""

import io
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.translation import gettext

from certification.eligibility import eligibility_for_users, rule_for
from certification.models import (
    BatchItem,
    BatchState,
    Certificate,
    CertificateStatus,
    IssuanceBatch,
    ItemState,
    RenderState,
    ZipState,
)
from certification.selectors import LIVE_STATUSES, holder_name
from certification.services.issuing import (
    CertificationError,
    NotEligible,
    canonical_program,
    certificate_issue,
    cohort_members,
)
from core.dispatch import dispatch
from core.guards import SYSTEM, SYSTEM_ONLY, check, guarded
from core.jobs import JobKind, JobProgress, job_queue, job_run
from core.memo import memo_scope
from core.roles import is_registrar
from courses.guards import REGISTRAR_IN_PERSON
from courses.models import Cohort

# Bulk issuance as a job of ``core.jobs``: its items are taken by ``batch_item_issue``, its chunks run
# by its own task (routed to the certificates queue). Registered in CertificationConfig.ready.
BATCH_JOB = JobKind(
    name="certificate_batch",
    model="certification.IssuanceBatch",
    task="certification.tasks.certificate_batch_run_task",
    handle_item="certification.services.batches.batch_item_issue",
    item_related=("batch", "batch__program", "batch__cohort", "batch__created_by", "user"),
)


@dataclass(frozen=True)
class BatchProgress:
    """A batch's outcome so far, in the preview's three counts (plus errors and what is left)."""

    total: int
    issued: int  # a certificate issued by this batch (whatever became of its PDF: it is issued)
    held: int  # the trainee already held a live certificate: nothing issued
    not_eligible: int  # the trainee does not meet the rule (never called a failure)
    failed: int  # an error: not issued though eligible (an unprintable name)
    remaining: int  # waiting to be issued, or issued with its PDF still to render
    render_failed: int = 0  # issued, but the renderer refused its PDF (shown apart, retried apart)

    @property
    def finished(self) -> bool:
        return self.remaining == 0

    @property
    def job(self) -> JobProgress:
        """The counts every job's progress answers (``core.jobs``): done is what is settled."""
        return JobProgress(total=self.total, done=self.total - self.remaining, finished=self.finished)

    def as_dict(self) -> dict:
        return {
            "total": self.total,
            "issued": self.issued,
            "held": self.held,
            "not_eligible": self.not_eligible,
            "failed": self.failed,
            "render_failed": self.render_failed,
            "remaining": self.remaining,
            "finished": self.finished,
            "percent": self.job.percent,
        }


def batch_progress(*, batch: IssuanceBatch) -> BatchProgress:
    """Counts in one query, cheap enough to poll every second."""
    counts = batch.items.aggregate(
        total=Count("pk"),
        held=Count("pk", filter=Q(state=ItemState.HELD)),
        not_eligible=Count("pk", filter=Q(state=ItemState.NOT_ELIGIBLE)),
        failed=Count("pk", filter=Q(state=ItemState.FAILED)),
        issued=Count("pk", filter=Q(state=ItemState.ISSUED)),
        rendered=Count("pk", filter=Q(state=ItemState.ISSUED, certificate__render_state=RenderState.DONE)),
        refused=Count("pk", filter=Q(state=ItemState.ISSUED, certificate__render_state=RenderState.FAILED)),
    )
    # An issued certificate whose PDF the renderer refused was issued all the same: it counts as
    # issued, and its PDF's state is shown apart (render_failed), to be rendered again.
    settled = (
        counts["rendered"] + counts["refused"] + counts["held"] + counts["not_eligible"] + counts["failed"]
    )
    return BatchProgress(
        total=counts["total"],
        issued=counts["issued"],
        held=counts["held"],
        not_eligible=counts["not_eligible"],
        failed=counts["failed"],
        remaining=counts["total"] - settled,
        render_failed=counts["refused"],
    )


@dataclass
class PreviewRow:
    user_id: int
    name: str
    reason: str = ""  # why not eligible, in the active language


@dataclass
class BatchPreview:
    """What issuing a cohort's certificates would do now, trainee by trainee."""

    cohort: Cohort
    will_issue: list[PreviewRow]
    held: list[PreviewRow]
    not_eligible: list[PreviewRow]

    @property
    def total(self) -> int:
        return len(self.will_issue) + len(self.held) + len(self.not_eligible)


def replaced_only_on_purpose(*, user_ids, program) -> dict[int, str]:
    """Of ``user_ids`` (holding no live certificate of ``program``), those whose certificate of it
    was revoked or has expired, each with the reason a batch leaves them alone, in the active
    language: a batch never replaces a revocation (a new certificate is issued only on purpose, from
    the certificate's page) nor an expired certificate (renewal is its own act, with its hours).
    The preview counts them not eligible, and the run settles them so. One query."""
    statuses = set(
        Certificate.objects.filter(
            user__in=user_ids,
            program__translation_key=program.translation_key,
            status__in=[CertificateStatus.REVOKED, CertificateStatus.EXPIRED],
        ).values_list("user_id", "status")
    )
    reasons = {}
    for user_id, status in sorted(statuses, key=lambda pair: pair[1] != CertificateStatus.REVOKED):
        reasons.setdefault(
            user_id, revoked_reason() if status == CertificateStatus.REVOKED else expired_reason()
        )
    return reasons


def revoked_reason() -> str:
    return gettext("Their certificate of this program was revoked; a batch does not replace it.")


def expired_reason() -> str:
    return gettext(
        "Holds an expired certificate of this program: renew it (or reissue it) from the certificate's "
        "page; a batch does not replace it."
    )


def batch_preview(*, cohort: Cohort, actor) -> BatchPreview:
    """Sort ``cohort``'s trainees as the batch would: will be issued (eligible, none held), already
    hold a live certificate of the program, not eligible (with the reason). Reads only; registrars
    only. A fixed number of queries (about fifteen) however many trainees."""
    if not is_registrar(user=actor):  # a read, so unguarded: it checks the role itself
        raise PermissionDenied(gettext("Only registrars may issue certificates in bulk."))
    if cohort.program_id is None:
        raise CertificationError(gettext("This cohort is not a cohort of a program."))
    program = canonical_program(cohort.program)
    rule = rule_for(program=program)
    if rule is None:
        raise CertificationError(gettext("This program does not issue certificates yet."))
    members = list(cohort_members(cohort=cohort).select_related("trainee_profile"))
    holders = set(
        Certificate.objects.filter(
            user__in=[m.pk for m in members],
            program__translation_key=program.translation_key,
            status__in=LIVE_STATUSES,
        ).values_list("user_id", flat=True)
    )
    left_alone = replaced_only_on_purpose(
        user_ids=[m.pk for m in members if m.pk not in holders], program=program
    )
    standing = eligibility_for_users(
        user_ids=[m.pk for m in members if m.pk not in holders], program=program, rule=rule
    )
    preview = BatchPreview(cohort=cohort, will_issue=[], held=[], not_eligible=[])
    for member in members:
        row = PreviewRow(user_id=member.pk, name=holder_name(member))
        if member.pk in holders:
            preview.held.append(row)
        elif member.pk in left_alone:
            row.reason = left_alone[member.pk]
            preview.not_eligible.append(row)
        elif standing[member.pk].eligible:
            preview.will_issue.append(row)
        else:
            row.reason = standing[member.pk].explanation
            preview.not_eligible.append(row)
    return preview


def not_previewed_reason() -> str:
    return gettext(
        "Eligible since the preview, so not in the confirmed batch: preview the cohort again to issue."
    )


@guarded(REGISTRAR_IN_PERSON)
@transaction.atomic
def batch_start(*, cohort: Cohort, actor, confirmed_user_ids=None) -> IssuanceBatch:
    """Start issuing ``cohort``'s certificates: one item per enrolled trainee, run by a worker.

    ``confirmed_user_ids``: the trainees the registrar saw as "will be issued" in the preview and
    confirmed. Only they are issued (each still checked against the rule when their turn comes: one
    who became ineligible since is recorded as not eligible, with the reason); every other member
    is settled now as already holding one or not eligible, with the reason, including one who became
    eligible after the preview (never added silently). None: every eligible member (scripts).

    Registrars only (PermissionDenied otherwise). Atomic. If a batch of this cohort is still
    running it is returned instead of a second one (a double click starts one batch).
    """
    if cohort.program_id is None:
        raise CertificationError(gettext("This cohort is not a cohort of a program."))
    Cohort.objects.select_for_update().filter(pk=cohort.pk).first()
    running = IssuanceBatch.objects.filter(cohort=cohort, state=BatchState.RUNNING).first()
    if running is not None:
        return running
    batch = IssuanceBatch.objects.create(cohort=cohort, program_id=cohort.program_id, created_by=actor)
    if confirmed_user_ids is None:
        items = [BatchItem(batch=batch, user=user) for user in cohort_members(cohort=cohort)]
    else:
        items = _confirmed_items(batch=batch, cohort=cohort, actor=actor, confirmed={*confirmed_user_ids})
    BatchItem.objects.bulk_create(items)
    batch.total = len(items)
    batch.done = sum(item.state != ItemState.PENDING for item in items)
    batch.save(update_fields=["total", "done"])
    # Runs share the items (see core.jobs.job_run): two keep two worker processes busy.
    job_queue(kind=BATCH_JOB, job_id=batch.pk, runs=settings.TTA_BATCH_RUNS)
    return batch


def _confirmed_items(*, batch: IssuanceBatch, cohort: Cohort, actor, confirmed: set[int]) -> list[BatchItem]:
    """One item per member: pending for the confirmed, settled now (held, not eligible) for the rest.
    The reasons are stored in Chinese, as ``batch_item_issue`` stores them."""
    with translation.override("zh-hans"):
        now = batch_preview(cohort=cohort, actor=actor)
        reason_not_previewed = not_previewed_reason()
    items = []
    for row in now.held:
        items.append(BatchItem(batch=batch, user_id=row.user_id, state=ItemState.HELD))
    for row in now.will_issue + now.not_eligible:
        if row.user_id in confirmed:
            items.append(BatchItem(batch=batch, user_id=row.user_id))
        else:
            reason = row.reason or reason_not_previewed
            items.append(
                BatchItem(batch=batch, user_id=row.user_id, state=ItemState.NOT_ELIGIBLE, error=reason)
            )
    return items


@guarded(SYSTEM_ONLY)
def batch_item_issue(*, item: BatchItem, actor):
    """Settle one pending item, locked by ``core.jobs.job_run`` in its transaction: issued, already
    held, not eligible (the reason in Chinese) or failed (an error, to try again). Returns the render
    of a certificate this call created, to run once the issue has committed; else None.

    The job runner's (``actor=SYSTEM``); the certificate is issued by the registrar who started the
    batch (``created_by``), whose right is checked again and who is recorded as its issuer."""
    from certification.services.rendering import certificate_render

    item.attempts += 1
    batch = item.batch
    program = canonical_program(batch.program)
    with translation.override("zh-hans"):
        left_alone = replaced_only_on_purpose(user_ids=[item.user_id], program=program)
    if (
        left_alone
        and not Certificate.objects.filter(
            user=item.user, program__translation_key=program.translation_key, status__in=LIVE_STATUSES
        ).exists()
    ):
        item.state = ItemState.NOT_ELIGIBLE
        item.error = left_alone[item.user_id]
        item.save(update_fields=["state", "error", "attempts", "updated_at"])
        return None
    # The registrar issues, not the runner: one who is gone is refused, never replaced by the system.
    check(REGISTRAR_IN_PERSON, actor=batch.created_by)
    try:
        with transaction.atomic():
            result = certificate_issue(
                user=item.user,
                program=batch.program,
                actor=batch.created_by,
                cohort=batch.cohort,
                queue_render=False,
            )
    except NotEligible as refusal:
        item.state = ItemState.NOT_ELIGIBLE
        with translation.override("zh-hans"):
            item.error = refusal.eligibility.explanation
    except CertificationError as refusal:
        item.state = ItemState.FAILED
        with translation.override("zh-hans"):
            item.error = str(refusal)
    else:
        item.state = ItemState.ISSUED if result.created else ItemState.HELD
        item.certificate = result.certificate
        item.error = ""
    item.save(update_fields=["state", "certificate", "error", "attempts", "updated_at"])
    if item.state == ItemState.ISSUED and result.created:
        certificate_id = result.certificate.pk
        return lambda: certificate_render(certificate_id=certificate_id, actor=SYSTEM)
    return None


# Items one task issues and renders before handing the rest to a new task: a long batch never
# meets the task time limit, and other tasks queued meanwhile are not starved.
BATCH_CHUNK = 50


@guarded(SYSTEM_ONLY)
def batch_run(*, batch_id: int, actor, max_items: int | None = None) -> int:
    """Issue the pending items of the batch (at most ``max_items``); return how many were handled.

    Idempotent; workers call it (``actor=SYSTEM``; ``core.jobs.job_run``: each item once, whatever
    redeliveries and parallel runs). A trainee who is not eligible is recorded so, with the
    explanation in Chinese (never as a failure: a later batch issues them once they are); one who
    holds a live certificate is recorded as already holding it. If items remain after ``max_items``,
    the rest is queued as a new task; the batch is finished when none is pending.

    Each certificate is rendered here, right after its issue commits, rather than by a task of
    its own: issuing and rendering then alternate in every worker process that runs the batch
    (``batch_start`` queues ``TTA_BATCH_RUNS`` runs, which share the items through row locks),
    so all of them stay busy and no render waits behind a chunk of issues.

    Within a run the program's rule, translations, design and the issuer's settings are looked up
    once (``core.memo``); a change to them applies from the next run.
    """
    with memo_scope():
        return job_run(kind=BATCH_JOB, job_id=batch_id, max_items=max_items)


@guarded(REGISTRAR_IN_PERSON)
@transaction.atomic
def batch_retry_failures(*, batch: IssuanceBatch, actor) -> int:
    """Try the errors again: items not issued through an error are issued again, refused PDFs are
    rendered again. Trainees found not eligible are not errors and are left alone.

    Registrars only. Returns how many were retried. Idempotent: a second call finds nothing failed.
    """
    from certification.tasks import certificate_render_task

    batch = IssuanceBatch.objects.select_for_update().get(pk=batch.pk)
    retried = batch.items.filter(state=ItemState.FAILED).update(state=ItemState.PENDING, error="")
    refused = list(
        Certificate.objects.filter(
            pk__in=batch.items.filter(state=ItemState.ISSUED).values("certificate_id"),
            render_state=RenderState.FAILED,
        ).values_list("pk", flat=True)
    )
    Certificate.objects.filter(pk__in=refused).update(render_state=RenderState.PENDING, render_error="")
    for certificate_id in refused:
        dispatch(certificate_render_task, certificate_id)
    if retried:
        batch.state = BatchState.RUNNING
        batch.finished_at = None
        batch.updated_at = timezone.now()
        batch.save(update_fields=["state", "finished_at", "updated_at"])
        job_queue(kind=BATCH_JOB, job_id=batch.pk)
    return retried + len(refused)


@guarded(REGISTRAR_IN_PERSON)
@transaction.atomic
def batch_request_zip(*, batch: IssuanceBatch, actor) -> IssuanceBatch:
    """Ask a worker to build the ZIP of the batch's PDFs. Registrars only; a second request while
    one is being built changes nothing."""
    from certification.tasks import certificate_batch_zip_task

    batch = IssuanceBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.zip_state == ZipState.PENDING:
        return batch
    batch.zip_state = ZipState.PENDING
    batch.zip_error = ""
    batch.save(update_fields=["zip_state", "zip_error"])
    dispatch(certificate_batch_zip_task, batch.pk)
    return batch


@guarded(SYSTEM_ONLY)
def batch_build_zip(*, batch_id: int, actor) -> IssuanceBatch:
    """Build and store the ZIP of every rendered PDF of the batch (named by serial). Workers call it
    (``actor=SYSTEM``); the registrar asks for it with ``batch_request_zip``.

    Safe to run twice: the batch row is locked and the archive replaced. Entries carry the
    certificate's issue time, so the same PDFs give the same archive.
    """
    with transaction.atomic():
        batch = (
            IssuanceBatch.objects.select_for_update(of=("self",)).select_related("cohort").get(pk=batch_id)
        )
        certificates = Certificate.objects.filter(
            pk__in=batch.items.filter(state__in=[ItemState.ISSUED, ItemState.HELD]).values("certificate_id"),
            render_state=RenderState.DONE,
        ).order_by("serial")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
            for certificate in certificates:
                stamp = timezone.localtime(certificate.issued_at).timetuple()[:6]
                info = zipfile.ZipInfo(f"{certificate.serial}.pdf", date_time=stamp)
                with certificate.pdf.open("rb") as handle:
                    archive.writestr(info, handle.read())
        name = f"batches/{batch.pk}/{batch.cohort.code}-certificates.zip"
        storage = batch.zip_file.storage
        if batch.zip_file and storage.exists(batch.zip_file.name):
            storage.delete(batch.zip_file.name)
        if storage.exists(name):
            storage.delete(name)
        batch.zip_file.name = storage.save(name, ContentFile(buffer.getvalue()))
        batch.zip_state = ZipState.DONE
        batch.save(update_fields=["zip_file", "zip_state"])
        return batch
