"""Celery tasks of the bottom layer. ``core`` imports no app above it: the job kinds this sweeps are
registered by those apps (``core.jobs.job_kind_register`` in their ``AppConfig.ready``)."""

from celery import shared_task


@shared_task(acks_late=True)
def jobs_resume_stalled_task() -> int:
    """Beat: queue again every registrar job (of every kind) whose run was lost with a dead worker."""
    from core.jobs import jobs_resume_stalled

    return jobs_resume_stalled()
