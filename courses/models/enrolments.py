from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.storage import imports_storage, random_name


class EnrolmentStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    PENDING = "pending", _("Awaiting approval")
    WAITLISTED = "waitlisted", _("On the waiting list")
    ENROLLED = "enrolled", _("Enrolled")
    COMPLETED = "completed", _("Completed")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Statuses that hold one of the cohort's places.
PLACE_HOLDING = (EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED)
# Statuses in which the trainee is still in the cohort or waiting to get in.
ACTIVE = (
    EnrolmentStatus.INVITED,
    EnrolmentStatus.PENDING,
    EnrolmentStatus.WAITLISTED,
    EnrolmentStatus.ENROLLED,
    EnrolmentStatus.COMPLETED,
)


class Enrolment(models.Model):
    """A trainee in a cohort (报名). Status changes go through courses.services and are recorded as events."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enrolments")
    cohort = models.ForeignKey("courses.Cohort", on_delete=models.PROTECT, related_name="enrolments")
    status = models.CharField(_("status"), max_length=20, choices=EnrolmentStatus.choices)
    waitlisted_at = models.DateTimeField(null=True, blank=True, help_text=_("Order of the waiting list."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["user", "cohort"], name="one_enrolment_per_cohort")]
        indexes = [models.Index(fields=["cohort", "status"])]

    def __str__(self):
        return f"{self.user} @ {self.cohort.code}: {self.status}"


class EnrolmentEvent(models.Model):
    """The status history of an enrolment: who changed what, when, and why."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, choices=EnrolmentStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=EnrolmentStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("enrolment event")
        verbose_name_plural = _("enrolment events")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.from_status or '-'} → {self.to_status}"


class ImportOutcome(models.TextChoices):
    IMPORTED = "imported", _("Imported")
    REFUSED = "refused", _("Refused: nothing imported")


# The roster formats courses/imports.py reads.
ENROLMENT_IMPORT_EXTENSIONS = frozenset({".xlsx", ".csv"})


def _import_upload_to(instance, filename):
    # A random name in private storage: a roster (names, phone numbers) is never at a guessable path.
    return random_name(
        f"enrolment-imports/{instance.cohort_id}", filename, extensions=ENROLMENT_IMPORT_EXTENSIONS
    )


class ImportBatch(models.Model):
    """An uploaded batch-enrolment file, kept with its row-by-row report whether or not it was imported."""

    cohort = models.ForeignKey(
        "courses.Cohort", verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="import_batches"
    )
    # Private; deleted TTA_IMPORTS_KEEP_DAYS after upload (empty then), the report stays.
    file = models.FileField(_("file"), upload_to=_import_upload_to, storage=imports_storage, blank=True)
    original_name = models.CharField(_("file name"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=ImportOutcome.choices)
    # One dict per data row: {"row": 2, "identifier": "...", "status": "...", "messages": [...]}.
    report = models.JSONField(_("report"), default=list)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    error_count = models.PositiveIntegerField(_("rows with errors"), default=0)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("enrolment import")
        verbose_name_plural = _("enrolment imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.original_name} ({self.get_outcome_display()})"
