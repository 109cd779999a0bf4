"""Celery tasks of the learning app. A task loads by id and calls a service; nothing else."""

from celery import shared_task
from django.contrib.auth import get_user_model

from core.guards import SYSTEM
from courses.accounts.services import records_export_build, records_export_purge
from courses.services import enrolments


@shared_task(name="courses.account_welcome_email")
def account_welcome_email_task(user_id: int) -> None:
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is not None:
        enrolments.imported_account_welcome(actor=SYSTEM, user=user)


# 200 trainees took 7.4 s on a busy 2-core machine (benchmarks/records_export.py), so 5,000 take a
# few minutes, over the default task limit; past this one the job is marked failed (the soft limit
# raises inside the build) rather than left running.
RECORDS_EXPORT_SOFT_TIME_LIMIT = 15 * 60


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=RECORDS_EXPORT_SOFT_TIME_LIMIT,
    time_limit=RECORDS_EXPORT_SOFT_TIME_LIMIT + 60,
)
def records_export_task(export_id: int) -> None:
    """Build a cohort's trainee-records workbook (the service returns early if it is already built)."""
    records_export_build(actor=SYSTEM, export_id=export_id)


@shared_task(acks_late=True)
def records_exports_sweep_task() -> int:
    """Beat: delete workbooks past their keeping time. (Exports whose build was lost are queued again
    by the one sweep of every job: core.tasks.jobs_resume_stalled_task.)"""
    return records_export_purge(actor=SYSTEM)


@shared_task(acks_late=True)
def import_files_purge_task() -> int:
    """Beat: delete question and enrolment import files past TTA_IMPORTS_KEEP_DAYS (their reports stay)."""
    from courses.imports import enrolment_import_files_purge
    from courses.questions.services import import_files_purge

    return enrolment_import_files_purge() + import_files_purge()
