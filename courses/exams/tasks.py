"""Celery tasks of exams: thin, by id, safe to run twice."""

from celery import shared_task

from . import services
from .models import Attempt


@shared_task(ignore_result=True)
def attempt_auto_submit_task(attempt_id: int) -> None:
    """Queued for an attempt's deadline. Submits only if the attempt is open and its *current* deadline passed."""
    try:
        services.attempt_submit_at_deadline(attempt_id=attempt_id)
    except Attempt.DoesNotExist:
        return  # deleted meanwhile: nothing to submit


@shared_task(ignore_result=True)
def attempts_sweep_overdue_task() -> None:
    """Run by Celery beat every minute: submits what is overdue (the safety net for deadline tasks
    lost or delayed) and queues the deadline tasks of attempts whose deadline has come near."""
    services.attempts_sweep_overdue()
    services.attempts_queue_near_deadlines()
