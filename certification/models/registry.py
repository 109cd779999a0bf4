"""A lifecycle change to every certificate that matched a registry filter, run by a worker."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.jobs import JobItem

from .batches import RegistrarJob


class ChangeAction(models.TextChoices):
    SUSPEND = "suspend", _("Suspend")
    REINSTATE = "reinstate", _("Reinstate")
    REVOKE = "revoke", _("Revoke")


class RegistryChange(RegistrarJob):
    """Suspending, reinstating or revoking the certificates a registrar confirmed, one item each.

    The certificates are fixed when the registrar confirms; progress is counted from the items.
    """

    action = models.CharField(_("action"), max_length=20, choices=ChangeAction.choices)
    reason = models.TextField(_("reason"), blank=True)
    filters = models.CharField(_("registry filter"), max_length=2000, blank=True)

    class Meta(RegistrarJob.Meta):
        verbose_name = _("registry change")
        verbose_name_plural = _("registry changes")

    def __str__(self):
        return f"{self.action} #{self.pk}"


class ChangeItemState(models.TextChoices):
    PENDING = "pending", _("Waiting")
    CHANGED = "changed", _("Done")
    UNCHANGED = "unchanged", _("Unchanged")
    FAILED = "failed", _("Not possible")


class RegistryChangeItem(JobItem):
    change = models.ForeignKey(RegistryChange, on_delete=models.CASCADE, related_name="items")
    certificate = models.ForeignKey("certification.Certificate", on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=20, choices=ChangeItemState.choices, default=ChangeItemState.PENDING)
    status_after = models.CharField(max_length=20, blank=True)
    message = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("registry change item")
        verbose_name_plural = _("registry change items")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["change", "certificate"], name="one_item_per_certificate_per_change"
            )
        ]
        indexes = [models.Index(fields=["change", "state"])]

    def __str__(self):
        return f"{self.change_id}:{self.certificate_id} {self.state}"
