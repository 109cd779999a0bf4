"""Celery tasks of the content layer. A task loads by id and calls a service; nothing else."""

from celery import shared_task

from cms import services
from core.guards import SYSTEM


@shared_task(name="cms.health_probe")
def health_probe_task(probe_id: int) -> None:
    services.health_probe_complete(
        actor=SYSTEM, probe_id=probe_id, worker=health_probe_task.request.hostname or ""
    )
