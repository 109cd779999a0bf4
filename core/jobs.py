"""Registrar jobs: work a registrar starts and workers do in chunks, resumable, each part done once.

Three jobs use it: bulk issuance, registry changes (certification) and cohort record exports
(accounts). ``core`` imports none of them: each app describes its job as a ``JobKind`` and registers
it in its ``AppConfig.ready``; names (models, tasks, handlers) are resolved when a job runs.

What a kind gets here, the same for all:

- the row: ``Job`` (state, total, done, error, attempts, the ``updated_at`` heartbeat, finished_at)
  and, for a job made of items, ``JobItem`` (state, updated_at);
- the runner ``job_run``: takes the job's pending items one at a time under a row lock that skips
  rows another run holds (``skip_locked``) and re-reads the item's state inside the lock, so two
  workers never settle the same item and a re-delivered task settles nothing twice; records the
  progress on the job's row; queues the next chunk with the kind's own task (its queue, its time
  limits) or marks the job finished. A job built by its task in one run (the records export) uses
  ``job_claim``, ``job_progress_record``, ``job_fail`` and ``job_finish`` instead;
- one stall rule and one sweep: a job unfinished and untouched for ``TTA_JOB_STALL_SECONDS`` lost
  its message with a dead worker; ``jobs_resume_stalled`` (beat: ``core.tasks``) touches it and
  queues it again, whatever its kind;
- one progress shape (``JobProgress``) for every progress endpoint, polled by
  ``core/static/core/job_progress.js``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, Q
from django.http import JsonResponse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from core.dispatch import dispatch
from core.downloads import PRIVATE_NO_STORE, cache_policy_apply
from core.guards import SYSTEM

PENDING = "pending"


class JobState(models.TextChoices):
    PENDING = "pending", _("Waiting for a worker")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class Job(models.Model):
    """The row of a registrar job. A subclass may declare ``state`` with its own choices (bulk
    issuance says "finished"); ``JOB_DONE`` is then the value the runner writes when it is done."""

    JOB_DONE = JobState.DONE

    state = models.CharField(_("state"), max_length=20, choices=JobState.choices, default=JobState.PENDING)
    total = models.PositiveIntegerField(_("total"), default=0)
    done = models.PositiveIntegerField(_("done"), default=0)
    error = models.TextField(_("error"), blank=True)
    # Runs that took work on the job: chunks for a job of items, builds for a job built in one run.
    attempts = models.PositiveIntegerField(_("runs"), default=0)
    # The heartbeat: set when the job is made and whenever a run moves it. A job unfinished and
    # untouched for TTA_JOB_STALL_SECONDS has lost its worker, and the sweep queues it again.
    updated_at = models.DateTimeField(_("last moved"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def progress(self) -> JobProgress:
        return JobProgress(
            total=self.total,
            done=self.done,
            state=self.state,
            finished=self.finished_at is not None,
            complete=self.state == self.JOB_DONE,
        )


class JobItem(models.Model):
    """One unit of a job made of items (a trainee to issue, a certificate to change): waiting while
    ``state`` is "pending", settled once a handler gives it another state, in the lock of its run."""

    state = models.CharField(max_length=20, default=PENDING)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


@dataclass(frozen=True)
class JobKind:
    """How the framework runs one kind of job. Everything is named, not imported, so ``core`` never
    imports the app that registers it.

    ``model``: "app_label.ModelName" of the job (a ``Job``). ``task``: dotted path of the Celery task
    that runs one chunk of a job given its id (the kind's own, so it keeps its queue and limits).
    ``handle_item``: dotted path of ``handler(*, item, actor) -> after | None``, which settles one
    locked, pending item (gives it another state and saves it) inside the item's transaction, and may
    return a callable to run once that transaction has committed; empty for a job its task builds in
    one run. The runner is the platform at work, so it calls the handler with ``actor=SYSTEM``; a
    handler that acts for the job's requester (``created_by``) names them itself, so the audit trail
    still says who asked. ``items``: the job's related name for its items; ``item_related``: what the
    handler reads through the item (``select_related``).
    """

    name: str
    model: str
    task: str
    handle_item: str = ""
    items: str = "items"
    item_related: tuple[str, ...] = ()

    @cached_property
    def job_model(self) -> type[Job]:
        return apps.get_model(self.model)

    @cached_property
    def item_model(self) -> type[JobItem]:
        return self.job_model._meta.get_field(self.items).related_model

    @cached_property
    def item_job_field(self) -> str:
        return self.job_model._meta.get_field(self.items).field.name

    @cached_property
    def handler(self) -> Callable:
        return import_string(self.handle_item)


_KINDS: dict[str, JobKind] = {}


def job_kind_register(kind: JobKind) -> JobKind:
    """Make ``kind`` known to the runner and the sweep. Idempotent (``ready`` may run twice in tests)."""
    _KINDS[kind.name] = kind
    return kind


def job_kind(name: str | JobKind) -> JobKind:
    return name if isinstance(name, JobKind) else _KINDS[name]


def job_kinds() -> list[JobKind]:
    return list(_KINDS.values())


def stall_after() -> timedelta:
    return timedelta(seconds=getattr(settings, "TTA_JOB_STALL_SECONDS", 600))


# --- Progress ---------------------------------------------------------------------------------


def job_percent(*, done: int, total: int, complete: bool) -> int:
    """100 only when the job is complete; never 100 before (199 of 200 is 99 %, not a rounded 100)."""
    if complete:
        return 100
    return min(99, round(100 * done / total)) if total else 0


@dataclass(frozen=True)
class JobProgress:
    """What every progress endpoint answers first: ``state``, ``total``, ``done``, ``remaining``,
    ``percent`` and ``finished`` (no more polling). A kind adds its own counts beside them.
    ``complete``: finished and successful (a failed job is finished, not complete)."""

    total: int
    done: int
    state: str = ""
    finished: bool = False
    complete: bool | None = None

    @property
    def remaining(self) -> int:
        return max(0, self.total - self.done)

    @property
    def percent(self) -> int:
        complete = self.finished if self.complete is None else self.complete
        return job_percent(done=self.done, total=self.total, complete=complete)

    def as_dict(self) -> dict:
        return {
            "state": self.state,
            "total": self.total,
            "done": self.done,
            "remaining": self.remaining,
            "percent": self.percent,
            "finished": self.finished,
        }


def job_progress_response(progress: JobProgress, **details) -> JsonResponse:
    """The one response of a job's progress endpoint: the kind's ``details``, then the common fields
    (which win, so every page's script reads the same names). Never cached (``PRIVATE_NO_STORE``):
    it is polled, and it sits behind a permission check."""
    return cache_policy_apply(JsonResponse({**details, **progress.as_dict()}), PRIVATE_NO_STORE)


# --- Jobs made of items -----------------------------------------------------------------------


def job_run(*, kind: str | JobKind, job_id: int, max_items: int | None = None) -> int:
    """Settle the job's pending items (at most ``max_items``), record its progress, then queue the
    next chunk or finish it; return how many items this run settled.

    Idempotent and safe beside other runs of the same job: each item is taken in its own transaction
    under a row lock that skips rows another run holds, and only while it is still pending, so an
    item is settled once whatever the redeliveries and parallel runs. A finished job is left alone.
    With ``max_items`` (a task's chunk) the rest is queued as a new task when this run settled
    something; a run that found nothing to take stops (a concurrent run holds the rest and queues
    what follows; the sweep covers a run that died). Without it, the run goes to the end.
    """
    kind = job_kind(kind)
    if not kind.job_model.objects.filter(pk=job_id, finished_at__isnull=True).exists():
        return 0
    pending = kind.item_model.objects.filter(**{kind.item_job_field: job_id}, state=PENDING).order_by("pk")
    ids = pending.values_list("pk", flat=True)
    item_ids = list(ids[:max_items] if max_items else ids)
    handled = 0
    for item_id in item_ids:
        with transaction.atomic():
            item = (
                kind.item_model.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related(*kind.item_related)
                .filter(pk=item_id, state=PENDING)
                .first()
            )
            if item is None:  # settled already, or held by a concurrent run
                continue
            after = kind.handler(item=item, actor=SYSTEM)
            handled += 1
        if after is not None:
            after()
    job_settle(kind=kind, job_id=job_id, handled=handled, queue_next=bool(max_items))
    return handled


def job_settle(*, kind: str | JobKind, job_id: int, handled: int = 0, queue_next: bool = False) -> None:
    """Record a job's progress from its items (the heartbeat too) and finish it if none is pending;
    else, with ``queue_next`` and something ``handled`` by the caller's run, queue the next chunk.
    Atomic (the job's row is locked); nothing happens to a finished job."""
    kind = job_kind(kind)
    with transaction.atomic():
        job = kind.job_model.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.finished_at is not None:
            return
        counts = kind.item_model.objects.filter(**{kind.item_job_field: job_id}).aggregate(
            total=Count("pk"), pending=Count("pk", filter=Q(state=PENDING))
        )
        now = timezone.now()
        job.total, job.done, job.updated_at = counts["total"], counts["total"] - counts["pending"], now
        job.attempts += 1 if handled else 0
        if counts["pending"] == 0:
            job.state, job.finished_at = job.JOB_DONE, now
        else:
            job.state = JobState.RUNNING
            if queue_next and handled:
                job_queue(kind=kind, job_id=job_id)
        job.save(update_fields=["total", "done", "updated_at", "attempts", "state", "finished_at"])


def job_queue(*, kind: str | JobKind, job_id: int, runs: int = 1) -> None:
    """Queue ``runs`` runs of the job with its kind's task, once the current transaction commits.
    Several runs share the items (see ``job_run``): bulk issuance starts two to keep two worker
    processes busy."""
    kind = job_kind(kind)
    for _run in range(runs):
        dispatch(kind.task, job_id)


# --- Jobs built in one run --------------------------------------------------------------------


def job_claim(*, model: type[Job], job_id: int) -> Job | None:
    """Take an unfinished job for a build from the start: lock its row, mark it running, count the
    run, touch the heartbeat. None if it is gone or finished (a re-delivered message does nothing).
    A job left running by a dead worker is taken again. Call it inside a transaction; the caller
    saves what else it sets on the row."""
    job = model.objects.select_for_update().filter(pk=job_id, finished_at__isnull=True).first()
    if job is None:
        return None
    job.state, job.updated_at, job.error = JobState.RUNNING, timezone.now(), ""
    job.attempts += 1
    job.save(update_fields=["state", "updated_at", "error", "attempts"])
    return job


def job_progress_record(*, model: type[Job], job_id: int, done: int, total: int | None = None) -> bool:
    """Save how far a running build has got, outside any long transaction, so its page sees it move
    and the sweep sees it alive. Returns False if the job is no longer running (failed, finished)."""
    values = {"done": done, "updated_at": timezone.now()}
    if total is not None:
        values["total"] = total
    return bool(model.objects.filter(pk=job_id, state=JobState.RUNNING).update(**values))


def job_fail(*, model: type[Job], job_id: int, error: str) -> bool:
    """Mark a running job failed with ``error`` (never trainee data: it is shown to the registrar)."""
    now = timezone.now()
    return bool(
        model.objects.filter(pk=job_id, state=JobState.RUNNING).update(
            state=JobState.FAILED, error=error, finished_at=now, updated_at=now
        )
    )


def job_finish(job: Job, *, fields: Iterable[str] = ()) -> Job:
    """Mark a locked, running job done with every item counted, saving ``fields`` with it."""
    job.state = job.JOB_DONE
    job.done = job.total
    job.finished_at = job.updated_at = timezone.now()
    job.save(update_fields=["state", "done", "finished_at", "updated_at", *fields])
    return job


# --- The stall sweep --------------------------------------------------------------------------


def job_is_stalled(job: Job, *, now=None) -> bool:
    return job.finished_at is None and job.updated_at < (now or timezone.now()) - stall_after()


def job_resume(*, kind: str | JobKind, job: Job) -> None:
    """Queue a stalled job again, touching it so the next sweep leaves it alone for a while."""
    kind = job_kind(kind)
    kind.job_model.objects.filter(pk=job.pk).update(updated_at=timezone.now())
    job.updated_at = timezone.now()
    job_queue(kind=kind, job_id=job.pk)


def jobs_resume_stalled(*, kinds: Iterable[str] | None = None, now=None) -> int:
    """Queue again every job, of every registered kind (or of ``kinds``), unfinished and untouched
    for ``TTA_JOB_STALL_SECONDS``: its message was lost with a dead worker, and nothing else would
    take it up. Harmless beside a run still going (items are taken once; a build taken again
    replaces the other's work). Each job is touched when queued, so it is queued once per period.
    Run by beat (``core.tasks.jobs_resume_stalled_task``); returns how many were queued."""
    cutoff = (now or timezone.now()) - stall_after()
    queued = 0
    for kind in [job_kind(name) for name in kinds] if kinds is not None else job_kinds():
        with transaction.atomic():
            stalled = list(
                kind.job_model.objects.select_for_update(skip_locked=True)
                .filter(finished_at__isnull=True, updated_at__lt=cutoff)
                .values_list("pk", flat=True)
            )
            kind.job_model.objects.filter(pk__in=stalled).update(updated_at=timezone.now())
            for job_id in stalled:
                job_queue(kind=kind, job_id=job_id)
        queued += len(stalled)
    return queued


__all__ = [
    "Job",
    "JobItem",
    "JobKind",
    "JobProgress",
    "JobState",
    "job_claim",
    "job_fail",
    "job_finish",
    "job_is_stalled",
    "job_kind",
    "job_kind_register",
    "job_kinds",
    "job_percent",
    "job_progress_record",
    "job_progress_response",
    "job_queue",
    "job_resume",
    "job_run",
    "job_settle",
    "jobs_resume_stalled",
]
