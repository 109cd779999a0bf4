from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.storage import certificate_storage


class CertificateStatus(models.TextChoices):
    ISSUED = "issued", _("Issued")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")
    EXPIRED = "expired", _("Expired")
    SUPERSEDED = "superseded", _("Superseded")


# A trainee holds at most one live certificate per program.
LIVE_STATUSES = (CertificateStatus.ISSUED, CertificateStatus.SUSPENDED)


class RenderState(models.TextChoices):
    PENDING = "pending", _("Waiting to be rendered")
    DONE = "done", _("Rendered")
    FAILED = "failed", _("Rendering failed")


class Certificate(models.Model):
    """A credential earned by a trainee. Frozen once rendered: the PDF, its hash, the template
    version and the snapshot of printed data never change; a correction is a reissue."""

    serial = models.CharField(_("serial number"), max_length=64, unique=True)
    verification_code = models.CharField(_("verification code"), max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates")
    program = models.ForeignKey("cms.ProgramPage", on_delete=models.PROTECT, related_name="+")
    cohort = models.ForeignKey(
        "courses.Cohort", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CertificateStatus.choices, default=CertificateStatus.ISSUED
    )
    issued_at = models.DateTimeField(_("issued at"))
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    # Internal: registrars only (the admin, exports). Never on the public verification page or API.
    status_reason = models.TextField(_("reason for the status"), blank=True)
    # What the public verification page and API say about a revocation; written knowingly by the
    # registrar as a public statement, empty unless they chose to write one.
    public_note = models.TextField(_("public note"), blank=True)
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="superseded_by"
    )
    snapshot = models.JSONField(_("printed data"), default=dict, help_text=_("Exactly what the PDF shows."))
    template_version = models.CharField(_("template version"), max_length=64, blank=True)
    render_state = models.CharField(max_length=20, choices=RenderState.choices, default=RenderState.PENDING)
    render_error = models.TextField(blank=True)
    # Private storage: served only through the permission-checked download view.
    pdf = models.FileField(upload_to="certificates/%Y/", storage=certificate_storage, blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    credential = models.JSONField(_("signed credential"), null=True, blank=True)
    # The holder's choices for the public verification page (not printed data, so not frozen).
    share_full_name = models.BooleanField(_("show my full name on the verification page"), default=False)
    share_hours_detail = models.BooleanField(_("show my learning hours by course"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "program"],
                condition=Q(status__in=["issued", "suspended"]),
                name="one_live_certificate_per_program",
            )
        ]
        indexes = [models.Index(fields=["status", "program"])]

    def __str__(self):
        return self.serial

    @property
    def is_live(self) -> bool:
        return self.status in LIVE_STATUSES


class CertificateEvent(models.Model):
    """Audit trail: every change of a certificate, with who, when and why."""

    certificate = models.ForeignKey(Certificate, on_delete=models.PROTECT, related_name="events")
    action = models.CharField(max_length=40)
    from_status = models.CharField(max_length=20, choices=CertificateStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=CertificateStatus.choices, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True)
    public_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("certificate event")
        verbose_name_plural = _("certificate events")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.certificate_id} {self.action}"


class ReminderKind(models.IntegerChoices):
    DAYS_90 = 90, _("90 days before expiry")
    DAYS_30 = 30, _("30 days before expiry")
    DAYS_7 = 7, _("7 days before expiry")


class CertificateReminder(models.Model):
    """One expiry reminder sent for one certificate. The unique constraint makes sending idempotent."""

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="reminders")
    days_before = models.PositiveSmallIntegerField(choices=ReminderKind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("expiry reminder")
        verbose_name_plural = _("expiry reminders")
        constraints = [
            models.UniqueConstraint(fields=["certificate", "days_before"], name="one_reminder_per_threshold")
        ]

    def __str__(self):
        return f"{self.certificate_id} −{self.days_before}d"
