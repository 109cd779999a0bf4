"""Bulk issuance: one batch per cohort run by a registrar, one item per trainee."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.jobs import Job, JobItem
from core.storage import certificate_storage


class BatchState(models.TextChoices):
    RUNNING = "running", _("Issuing")
    FINISHED = "finished", _("Finished")


class ZipState(models.TextChoices):
    NONE = "", _("Not requested")
    PENDING = "pending", _("Being built")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class RegistrarJob(Job):
    """Work a registrar starts and a worker does, item by item (``core.jobs``): who started it and when."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]


class IssuanceBatch(RegistrarJob):
    """Issuing a cohort's certificates at once. Progress is counted from its items."""

    JOB_DONE = BatchState.FINISHED

    cohort = models.ForeignKey(
        "courses.Cohort", verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="+"
    )
    program = models.ForeignKey(
        "cms.ProgramPage", verbose_name=_("program"), on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(
        _("state"), max_length=20, choices=BatchState.choices, default=BatchState.RUNNING
    )
    # The ZIP of the cohort's PDFs, built by a worker; private, served by a permission-checked view.
    zip_state = models.CharField(max_length=20, choices=ZipState.choices, default=ZipState.NONE, blank=True)
    zip_file = models.FileField(upload_to="batches/", storage=certificate_storage, blank=True)
    zip_error = models.TextField(blank=True)

    class Meta(RegistrarJob.Meta):
        verbose_name = _("issuance batch")
        verbose_name_plural = _("issuance batches")

    def __str__(self):
        return f"{self.cohort} #{self.pk}"


class ItemState(models.TextChoices):
    PENDING = "pending", _("Waiting")
    ISSUED = "issued", _("Issued")
    HELD = "held", _("Already held one")
    NOT_ELIGIBLE = "not_eligible", _("Not eligible")
    # An error, not a judgement on the trainee (a name no font can print, say): may be tried again.
    FAILED = "failed", _("Error")


class BatchItem(JobItem):
    batch = models.ForeignKey(IssuanceBatch, on_delete=models.CASCADE, related_name="items")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    state = models.CharField(max_length=20, choices=ItemState.choices, default=ItemState.PENDING)
    certificate = models.ForeignKey(
        "certification.Certificate", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("batch item")
        verbose_name_plural = _("batch items")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "user"], name="one_item_per_trainee_per_batch")
        ]
        indexes = [models.Index(fields=["batch", "state"])]

    def __str__(self):
        return f"{self.batch_id}:{self.user_id} {self.state}"
