import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


def new_checkin_secret() -> str:
    return secrets.token_hex(32)


class OfflineSession(models.Model):
    """A classroom session of a cohort; attending it credits its hours to one course."""

    cohort = models.ForeignKey(
        "courses.Cohort", verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="offline_sessions"
    )
    course = models.ForeignKey(
        "cms.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The course the attended hours count towards."),
    )
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(
        _("English title"),
        max_length=200,
        blank=True,
        help_text=_("Shown on English pages; empty: the title."),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("location"), max_length=300, blank=True)
    location_en = models.CharField(_("location (English)"), max_length=300, blank=True)
    hours = models.DecimalField(
        _("hours credited"), max_digits=5, decimal_places=1, validators=[MinValueValidator(Decimal("0"))]
    )
    # The seed of the rotating check-in codes; never shown, so codes of one session say nothing of another's.
    checkin_secret = models.CharField(max_length=64, default=new_checkin_secret, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("offline session")
        verbose_name_plural = _("offline sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="offline_session_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title


class AttendanceMethod(models.TextChoices):
    QR = "qr", _("QR code check-in")
    STAFF = "staff", _("Recorded by staff")


class Attendance(models.Model):
    """A trainee's presence at an offline session. Recorded once per trainee and session."""

    session = models.ForeignKey(OfflineSession, on_delete=models.PROTECT, related_name="attendances")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="attendances")
    method = models.CharField(max_length=10, choices=AttendanceMethod.choices, default=AttendanceMethod.QR)
    checked_in_at = models.DateTimeField(auto_now_add=True)
    # The check-in device cookie of a QR check-in: one device checks in one trainee per session.
    device = models.CharField(_("device"), max_length=40, blank=True, editable=False)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="one_attendance_per_session"),
            models.UniqueConstraint(
                fields=["session", "device"], condition=~Q(device=""), name="one_trainee_per_checkin_device"
            ),
        ]

    def __str__(self):
        return f"{self.user} at {self.session}"
