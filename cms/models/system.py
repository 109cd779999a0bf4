"""Rows that prove the machinery works: a worker writes one when it runs the health probe task."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HealthProbe(models.Model):
    """One round trip web → broker → worker → database; ``completed_at`` is set by the worker."""

    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    worker = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("health probe")
        verbose_name_plural = _("health probes")

    def __str__(self):
        return f"probe {self.pk}"
