"""Celery tasks of exams: thin, by id, safe to run twice."""

from celery import shared_task

from core.guards import SYSTEM

from . import services
from .models import Attempt


@shared_task(ignore_result=True)
def attempt_auto_submit_task(attempt_id: int) -> None:
    """Queued for an attempt's deadline. Submits only if the attempt is open and its *current* deadline passed."""
    try:
        services.attempt_submit_at_deadline(actor=SYSTEM, attempt_id=attempt_id)
    except Attempt.DoesNotExist:
        return  # deleted meanwhile: nothing to submit


@shared_task(ignore_result=True)
def attempts_sweep_overdue_task() -> None:
    """Run by Celery beat every minute: submits what is overdue (the safety net for deadline tasks
    lost or delayed) and queues the deadline tasks of attempts whose deadline has come near."""
    services.attempts_sweep_overdue(actor=SYSTEM)
    services.attempts_queue_near_deadlines(actor=SYSTEM)


# A run of assembly stops after this many seconds and queues the rest (well under the task time limit).
ASSEMBLY_TIME_BUDGET_SECONDS = 120


@shared_task(ignore_result=True)
def sitting_assemble_task(sitting_id: int) -> None:
    """Prepare the papers of a sitting's expected examinees. Idempotent: a redelivery adds nothing."""
    from . import sittings

    if sittings.sitting_assemble(
        actor=SYSTEM, sitting_id=sitting_id, time_budget=ASSEMBLY_TIME_BUDGET_SECONDS
    ):
        sitting_assemble_task.delay(sitting_id)  # the rest, in a run of its own


@shared_task(ignore_result=True)
def sittings_sweep_task() -> None:
    """Run by Celery beat every minute: assembles sittings opening soon that miss papers, and deletes
    prepared papers nobody can start any more."""
    from . import sittings

    sittings.sittings_sweep(actor=SYSTEM)
