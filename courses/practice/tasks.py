"""Celery tasks of the practical assessment. A task calls a service; nothing else."""

from celery import shared_task

from core.guards import SYSTEM


@shared_task(acks_late=True)
def overdue_reviews_remind_task() -> int:
    """Beat: tell reviewers of reviews past their due date (each review once)."""
    from . import load

    return load.overdue_reviews_remind(actor=SYSTEM)
