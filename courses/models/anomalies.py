from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AnomalyKind(models.TextChoices):
    HEARTBEAT_MISSING_TOKEN = "heartbeat_missing_token", _("Heartbeat without a page view")
    HEARTBEAT_INVALID_TOKEN = "heartbeat_invalid_token", _("Heartbeat with a forged or another's page view")
    HEARTBEAT_EXPIRED_TOKEN = "heartbeat_expired_token", _("Heartbeat from an expired page view")
    CONCURRENT_VIEWS = "concurrent_views", _("Too many lesson pages studied at once")
    CHECKIN_STALE_CODE = "checkin_stale_code", _("Check-in with an expired code")
    CHECKIN_SHARED_DEVICE = "checkin_shared_device", _("Check-in from a device another trainee used")


class ProgressAnomaly(models.Model):
    """Something in a trainee's study or attendance that registrars should look at. Written by the
    progress and attendance services only; one row per trainee, kind and day, counting occurrences,
    so a script repeating a refused request fills no table."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=40, choices=AnomalyKind.choices)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("occurrences"), default=1)
    first_seen_at = models.DateTimeField(_("first seen"))
    last_seen_at = models.DateTimeField(_("last seen"))
    lesson = models.ForeignKey(
        "cms.LessonPage",
        verbose_name=_("lesson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    session = models.ForeignKey(
        "courses.OfflineSession",
        verbose_name=_("offline session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    detail = models.CharField(_("detail"), max_length=300, blank=True)

    # Not content: keep Wagtail's usage index out of the refused-heartbeat path.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("progress anomaly")
        verbose_name_plural = _("progress anomalies")
        ordering = ["-last_seen_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "day"], name="one_anomaly_row_per_kind_and_day")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.user} · {self.day} ×{self.count}"
