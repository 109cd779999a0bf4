"""Writes about trainee accounts: profile, privacy consent, the audit of personal data access, and
the exports of a cohort's trainee records (built by a worker).

No function here logs an identity number, and none puts one into an exception message.
"""

import logging
import traceback
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

from core.guards import SELF, SYSTEM_ONLY, allowed_when, guarded
from core.jobs import (
    JobKind,
    job_claim,
    job_fail,
    job_finish,
    job_is_stalled,
    job_progress_record,
    job_queue,
    job_resume,
)
from courses.guards import REGISTRAR_IN_PERSON
from courses.models import Cohort
from courses.names import validate_printable_name
from courses.records import RecordsWorkbook, trainee_records_for_user_ids

from .identity import IdentityDocumentType, normalise_identity_number, validate_identity_number
from .models import AuditAction, AuditLog, ExportState, PrivacyConsent, RecordsExport, TraineeProfile
from .selectors import current_notice_version, records_export_is_theirs

logger = logging.getLogger(__name__)


@guarded(SELF, actor="user")
@sensitive_variables()  # error reports hide the number here and in validation and encryption below
@transaction.atomic
def trainee_profile_save(
    *,
    user: AbstractBaseUser,
    real_name: str,
    organisation: str | None = None,
    phone: str | None = None,
    identity_document_type: str | None = None,
    identity_number: str | None = None,
) -> TraineeProfile:
    """Create or update the user's trainee profile.

    An argument left at ``None`` keeps what is stored (a new profile starts empty, with a resident
    identity card as its document type). The number is normalised and validated for its document
    type; on a ``ValidationError`` (keyed by field name) nothing is saved.
    Atomic and idempotent. Callers: the user themselves (profile form, sign-up), registrars' tools
    (enrolment import), the demo loader.
    """
    real_name = real_name.strip()
    profile = TraineeProfile.objects.select_for_update().filter(user=user).first() or TraineeProfile(
        user=user
    )
    if identity_document_type is None:
        identity_document_type = profile.identity_document_type or IdentityDocumentType.RESIDENT_ID
    errors: dict[str, list] = {}
    if not real_name:
        errors["real_name"] = [ValidationError(_("Please enter your real name."), code="required")]
    elif real_name != profile.real_name:  # a name entered now (one on file stays as it is)
        try:
            validate_printable_name(real_name)  # it is printed on certificates
        except ValidationError as error:
            errors["real_name"] = error.error_list
    if identity_document_type not in IdentityDocumentType.values:
        errors["identity_document_type"] = [
            ValidationError(_("Choose one of the listed identity documents."), code="invalid_choice")
        ]
    if identity_number is not None:
        identity_number = normalise_identity_number(identity_number)
        if identity_number:
            try:
                validate_identity_number(document_type=identity_document_type, number=identity_number)
            except ValidationError as error:
                errors["identity_number"] = error.error_list
    elif profile.identity_number and "identity_document_type" not in errors:
        # A new document type must still fit the number already on file.
        try:
            validate_identity_number(document_type=identity_document_type, number=profile.identity_number)
        except ValidationError as error:
            errors["identity_number"] = error.error_list
    if errors:
        raise ValidationError(errors)
    profile.real_name = real_name
    if organisation is not None:
        profile.organisation = organisation.strip()
    if phone is not None:
        profile.phone = phone.strip()
    profile.identity_document_type = identity_document_type
    if identity_number is not None:
        profile.identity_number = identity_number
    profile.save()
    return profile


@guarded(SELF, actor="user")
def privacy_consent_record(*, user: AbstractBaseUser, ip_address: str | None = None) -> PrivacyConsent:
    """Record that ``user`` agrees to the privacy notice version in force now.

    Idempotent: agreeing twice to the same version keeps the first time. Caller: the user themselves.
    """
    consent, _ = PrivacyConsent.objects.get_or_create(
        user=user, notice_version=current_notice_version(), defaults={"ip_address": ip_address}
    )
    return consent


def audit_record(
    *,
    actor: AbstractBaseUser | None,
    action: AuditAction,
    subject: AbstractBaseUser | None = None,
    cohort: Cohort | None = None,
    detail: dict | None = None,
) -> AuditLog:
    """Append one entry to the personal-data audit log. Never pass personal data in ``detail``."""
    return AuditLog.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        subject=subject,
        cohort=cohort,
        detail=detail or {},
    )


@guarded(REGISTRAR_IN_PERSON, actor="viewer")
@sensitive_variables()
def identity_number_reveal(*, viewer: AbstractBaseUser, profile: TraineeProfile) -> str:
    """The full identity number, for registrars only; the reveal is audited.

    Raises ``PermissionDenied`` for anyone else (a trainee sees their own number masked, too).
    """
    audit_record(actor=viewer, action=AuditAction.IDENTITY_NUMBER_VIEWED, subject=profile.user)
    return profile.identity_number


# --- Exports of a cohort's records ---------------------------------------------------------------

# Trainees per step of an export: a step reads their records in a fixed number of queries (see
# ``trainee_records_load``) and writes their rows; the job's progress is saved after each step.
RECORDS_EXPORT_CHUNK = 100
UNFINISHED = (ExportState.PENDING, ExportState.RUNNING)

# A cohort's records export as a job of ``core.jobs`` (registered in AccountsConfig.ready): built by
# its task in one run, a chunk of trainees at a time, into one workbook; a build lost with its
# worker is queued again by the jobs' sweep (or when its requester asks again) and starts over.
RECORDS_EXPORT_JOB = JobKind(
    name="records_export", model="accounts.RecordsExport", task="courses.tasks.records_export_task"
)


def _cohort_trainee_ids(cohort_id: int) -> list[int]:
    """Everyone with an enrolment in the cohort, whatever its status, in username order."""
    users = get_user_model().objects.filter(enrolments__cohort_id=cohort_id).order_by("username")
    return list(users.values_list("pk", flat=True).distinct())


@guarded(REGISTRAR_IN_PERSON)
@transaction.atomic
def records_export_request(*, cohort: Cohort, actor: AbstractBaseUser) -> RecordsExport:
    """Ask a worker for the trainee records of ``cohort`` as an Excel workbook; return the job.

    Registrars only (``PermissionDenied`` otherwise). Atomic and idempotent: while the actor's
    export of this cohort is pending or running, that job is returned and no second one is made
    (a double click, two tabs). If that job has not moved for a while (the jobs' stall time) its
    build is queued again, which is harmless (see ``records_export_build``). The workbook is
    written in the active language. Nothing is audited here: the download is.
    """
    Cohort.objects.select_for_update().filter(pk=cohort.pk).first()  # one request per cohort at a time
    export = (
        RecordsExport.objects.select_for_update()
        .filter(requested_by=actor, cohort=cohort, state__in=UNFINISHED)
        .first()
    )
    if export is not None:
        if job_is_stalled(export):
            job_resume(kind=RECORDS_EXPORT_JOB, job=export)
        return export
    export = RecordsExport.objects.create(
        requested_by=actor,
        cohort=cohort,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        total=len(_cohort_trainee_ids(cohort.pk)),
    )
    job_queue(kind=RECORDS_EXPORT_JOB, job_id=export.pk)
    return export


@guarded(SYSTEM_ONLY)
def records_export_purge(*, actor, now=None) -> int:
    """Delete the workbooks of exports finished over ``TTA_RECORDS_EXPORT_KEEP_DAYS`` days ago.

    They hold full identity numbers, so they are not kept for ever. The job's row stays (who asked
    for which cohort, when, how many trainees), and its page says the file is no longer kept.
    Idempotent; run by beat (``actor=SYSTEM``); returns how many files were deleted.
    """
    cutoff = (now or timezone.now()) - timedelta(days=settings.TTA_RECORDS_EXPORT_KEEP_DAYS)
    purged = 0
    for export in RecordsExport.objects.filter(finished_at__lt=cutoff).exclude(file=""):
        try:
            export.file.delete(save=False)
        except Exception:  # storage refused this one: the others are still deleted, it is tried next run
            logger.exception("could not delete the workbook of records export %s", export.pk)
            continue
        RecordsExport.objects.filter(pk=export.pk).update(file="")
        purged += 1
    if purged:
        logger.info("deleted %d trainee-records workbook(s) past their keeping time", purged)
    return purged


def _records_export_fail(export_id: int, error: Exception) -> None:
    # The exception's type and where it was raised, never its message: that may quote a trainee's data.
    logger.error(
        "records export %s failed with %s:\n%s",
        export_id,
        type(error).__name__,
        "".join(traceback.format_tb(error.__traceback__)),
    )
    job_fail(model=RecordsExport, job_id=export_id, error=type(error).__name__)


@guarded(SYSTEM_ONLY)
@sensitive_variables()
def records_export_build(*, export_id: int, actor) -> RecordsExport | None:
    """Build the workbook of an export job and keep it in private storage. Workers call it
    (``actor=SYSTEM``); the job keeps who asked for it (``requested_by``).

    Trainees are read and written a chunk at a time; progress (``done`` of ``total`` trainees) is
    saved after each chunk, outside any long transaction, so the status page sees it move.
    Safe to run twice: a finished job is left as it is; a job left running by a dead worker is
    built again from the start; of two runs at once, the first to finish keeps its file and the
    other's work is dropped. Any error marks the job failed (where and how is in the worker's
    log). Returns the job, or None if it is gone.
    """
    with transaction.atomic():
        export = job_claim(model=RecordsExport, job_id=export_id)
        if export is None:  # gone, or finished: a redelivered message changes nothing
            return RecordsExport.objects.filter(pk=export_id).first()
        user_ids = _cohort_trainee_ids(export.cohort_id)
        export.started_at = export.updated_at
        export.total, export.done = len(user_ids), 0
        export.save(update_fields=["started_at", "total", "done"])

    book = None
    try:
        with translation.override(export.language or settings.LANGUAGE_CODE):
            book = RecordsWorkbook()
            for start in range(0, len(user_ids), RECORDS_EXPORT_CHUNK):
                chunk = user_ids[start : start + RECORDS_EXPORT_CHUNK]
                book.add(trainee_records_for_user_ids(user_ids=chunk, full_identity_numbers=True))
                job_progress_record(model=RecordsExport, job_id=export_id, done=start + len(chunk))
            content = book.save()
    except Exception as error:  # whatever it was (the soft time limit too), the job must not stay running
        if book is not None:
            book.discard()
        _records_export_fail(export_id, error)
        return RecordsExport.objects.filter(pk=export_id).first()

    with transaction.atomic():
        export = RecordsExport.objects.select_for_update().get(pk=export_id)
        if export.state != ExportState.RUNNING:
            return export  # another run finished it first
        export.file.save(f"{export.pk}/cohort-{export.cohort_id}.xlsx", ContentFile(content), save=False)
        job_finish(export, fields=["file"])
    return export


# The registrar who asked for the export (or a superuser): ``selectors.records_export_is_theirs``.
_EXPORT_REQUESTER = allowed_when(
    lambda actor, arguments: records_export_is_theirs(user=actor, export=arguments["export"]),
    _("Only the registrar who asked for this export may download it."),
    name="the export's requester",
    needs_person=True,
)


@guarded(_EXPORT_REQUESTER)
def records_export_open(*, export: RecordsExport, actor: AbstractBaseUser) -> File:
    """The finished workbook, opened for reading; the download is audited like the direct export was
    (``COHORT_RECORDS_EXPORTED``, by the one who downloads, with the number of trainees).

    Only the requester or a superuser (``PermissionDenied`` otherwise). Raises ``FileNotFoundError``
    if the job is not done or its file is gone; then nothing is audited.
    """
    if not records_export_is_theirs(user=actor, export=export):
        raise PermissionDenied(_("Only the registrar who asked for this export may download it."))
    if export.state != ExportState.DONE or not export.file:
        raise FileNotFoundError(export.pk)
    handle = export.file.open("rb")
    audit_record(
        actor=actor,
        action=AuditAction.COHORT_RECORDS_EXPORTED,
        cohort=export.cohort,
        detail={"format": "xlsx", "trainees": export.total, "export": export.pk},
    )
    return handle
