from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.jobs import Job, job_percent
from core.storage import records_storage

from .fields import EncryptedTextField
from .identity import IdentityDocumentType, mask_identity_number


class TraineeProfile(models.Model):
    """Who a trainee is, as the training base must record it. Changed through accounts.services.

    The identity number is encrypted at rest and shown masked except to registrars; neither
    ``__str__`` nor ``__repr__`` ever include it.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trainee_profile"
    )
    real_name = models.CharField(_("real name"), max_length=100)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    phone = models.CharField(_("mobile phone"), max_length=30, blank=True)
    identity_document_type = models.CharField(
        _("identity document"),
        max_length=20,
        choices=IdentityDocumentType.choices,
        default=IdentityDocumentType.RESIDENT_ID,
    )
    identity_number = EncryptedTextField(_("identity document number"), blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("trainee profile")
        verbose_name_plural = _("trainee profiles")

    def __str__(self):
        return self.real_name

    def __repr__(self):
        return f"<TraineeProfile user={self.user_id}>"

    @property
    def identity_number_masked(self) -> str:
        return mask_identity_number(self.identity_number)

    @property
    def is_complete(self) -> bool:
        return bool(self.real_name and self.identity_number and self.phone)


class PrivacyConsent(models.Model):
    """A trainee agreed to one version of the privacy notice at a time. Rows are only ever added."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="privacy_consents"
    )
    notice_version = models.CharField(_("privacy notice version"), max_length=40)
    consented_at = models.DateTimeField(_("consented at"), auto_now_add=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        verbose_name = _("privacy consent")
        verbose_name_plural = _("privacy consents")
        ordering = ["-consented_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "notice_version"], name="one_consent_per_notice_version")
        ]

    def __str__(self):
        return f"{self.user_id} {self.notice_version}"


class AuditAction(models.TextChoices):
    IDENTITY_NUMBER_VIEWED = "identity_number_viewed", _("Viewed a full identity number")
    RECORD_EXPORTED = "record_exported", _("Exported a trainee record")
    COHORT_RECORDS_EXPORTED = "cohort_records_exported", _("Exported the trainee records of a cohort")
    OWN_RECORD_DOWNLOADED = "own_record_downloaded", _("Downloaded their own record")
    # API tokens read personal data as their owner: who asked for one, who agreed, who ended it.
    API_TOKEN_REQUESTED = "api_token_requested", _("Requested an API token")
    API_TOKEN_ACCEPTED = "api_token_accepted", _("Accepted an API token")
    API_TOKEN_REVOKED = "api_token_revoked", _("Revoked an API token")


class AuditLog(models.Model):
    """Who saw or took personal data, and when. Written by accounts.services, never edited."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("by")
    )
    action = models.CharField(_("action"), max_length=40, choices=AuditAction.choices)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("trainee"),
    )
    cohort = models.ForeignKey(
        "courses.Cohort",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cohort"),
    )
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("personal data audit entry")
        verbose_name_plural = _("personal data audit log")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_id} {self.action}"


class ExportState(models.TextChoices):
    PENDING = "pending", _("Waiting for a worker")
    RUNNING = "running", _("Being built")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class RecordsExport(Job):
    """A registrar's request for the trainee records of a cohort, built by a worker as an Excel file.

    Changed through accounts.services only. The file holds full identity numbers: it lives in
    private storage and only the requester (or a superuser) may download it; each download is audited.
    """

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("requested by")
    )
    cohort = models.ForeignKey(
        "courses.Cohort", on_delete=models.CASCADE, related_name="+", verbose_name=_("cohort")
    )
    state = models.CharField(
        _("state"), max_length=20, choices=ExportState.choices, default=ExportState.PENDING
    )
    # The language of the request: the workbook's headers and the job's messages are written in it.
    language = models.CharField(max_length=10, blank=True)
    done = models.PositiveIntegerField(_("trainees done"), default=0)
    total = models.PositiveIntegerField(_("trainees"), default=0)
    file = models.FileField(upload_to="cohorts/", storage=records_storage, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # error, attempts, updated_at (the heartbeat) and finished_at: core.jobs.Job.

    class Meta:
        verbose_name = _("trainee records export")
        verbose_name_plural = _("trainee records exports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # A double click, or two tabs, give one job (see records_export_request).
            models.UniqueConstraint(
                fields=["requested_by", "cohort"],
                condition=models.Q(state__in=["pending", "running"]),
                name="one_unfinished_records_export_per_requester_and_cohort",
            )
        ]

    def __str__(self):
        return f"{self.cohort_id} {self.requested_by_id} {self.state}"

    @property
    def finished(self) -> bool:
        return self.state in (ExportState.DONE, ExportState.FAILED)

    @property
    def percent(self) -> int:
        return job_percent(done=self.done, total=self.total, complete=self.state == ExportState.DONE)
