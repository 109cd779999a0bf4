"""Celery tasks of certification. Thin: load by id, call the service. All are safe to run twice."""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.contrib.auth import get_user_model

from certification import worker  # noqa: F401 - connects the start-up checks of certificate workers
from core.guards import SYSTEM

# Routed to the `certificates` queue (CELERY_TASK_ROUTES). A certificate renders in ~0.1 s;
# a minute means something is stuck (a pathological template).
RENDER_SOFT_TIME_LIMIT = 60


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=RENDER_SOFT_TIME_LIMIT,
    time_limit=RENDER_SOFT_TIME_LIMIT + 30,
)
def certificate_render_task(certificate_id: int) -> None:
    """Render a certificate's PDF (the rendering service returns early if it is already done)."""
    from certification.services.rendering import certificate_render, certificate_render_timed_out

    try:
        certificate_render(actor=SYSTEM, certificate_id=certificate_id)
    except SoftTimeLimitExceeded:
        certificate_render_timed_out(
            actor=SYSTEM, certificate_id=certificate_id, seconds=RENDER_SOFT_TIME_LIMIT
        )


@shared_task(acks_late=True)
def certificate_auto_issue_task(user_id: int) -> None:
    """Issue what ``user_id`` has just earned (queued on commit when progress or an exam result changes)."""
    from certification.services import certificate_auto_issue_for_user

    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is not None:
        certificate_auto_issue_for_user(actor=SYSTEM, user=user)


@shared_task(acks_late=True)
def certificate_auto_issue_sweep_task() -> int:
    from certification.services import certificate_auto_issue_sweep

    return certificate_auto_issue_sweep(actor=SYSTEM)


@shared_task(acks_late=True)
def certificate_expire_due_task() -> int:
    from certification.services import certificate_expire_due

    return certificate_expire_due(actor=SYSTEM)


@shared_task(acks_late=True)
def certificate_expiry_reminders_task() -> int:
    from certification.services import certificate_send_expiry_reminders

    return certificate_send_expiry_reminders(actor=SYSTEM)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def certificate_batch_run_task(batch_id: int) -> int:
    """Issue a batch's pending items, a chunk per task (each item once, whatever redeliveries happen)."""
    from certification.services.batches import BATCH_CHUNK, batch_run

    return batch_run(actor=SYSTEM, batch_id=batch_id, max_items=BATCH_CHUNK)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def certificate_batch_zip_task(batch_id: int) -> None:
    """Build the ZIP of a batch's PDFs."""
    from certification.services.batches import batch_build_zip

    batch_build_zip(actor=SYSTEM, batch_id=batch_id)


@shared_task(acks_late=True)
def certificate_render_requeue_stale_task() -> int:
    """Beat: re-queue renders whose message was lost with a dead worker. (Runs of batches and registry
    changes lost so are resumed by the one sweep of every job: core.tasks.jobs_resume_stalled_task.)"""
    from certification.services.rendering import certificate_render_requeue_stale

    return certificate_render_requeue_stale(actor=SYSTEM)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def registry_change_run_task(change_id: int) -> int:
    """Change a chunk of a registry change's certificates, then queue the rest (each one once)."""
    from certification.services.bulk import registry_change_run

    return registry_change_run(actor=SYSTEM, change_id=change_id)
