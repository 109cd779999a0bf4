from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

SHARE_VALIDATORS = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))]


class HoursSource(models.TextChoices):
    ONLINE = "online", _("Online study")
    OFFLINE = "offline", _("Offline attendance")
    MANUAL = "manual", _("Manual adjustment")


class HoursEntry(models.Model):
    """One credit (or, if negative, a correction) in a trainee's learning-hours ledger. Never edited.

    ``key`` names the event a system credit comes from (an attendance, the n-th tenth of an hour
    of online study), so crediting the same event twice is refused by the database.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="hours_entries")
    course = models.ForeignKey("cms.CoursePage", on_delete=models.PROTECT, related_name="+")
    cohort = models.ForeignKey(
        "courses.Cohort", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source = models.CharField(_("source"), max_length=20, choices=HoursSource.choices)
    hours = models.DecimalField(_("hours"), max_digits=7, decimal_places=3)
    reason = models.TextField(_("reason"), blank=True)
    key = models.CharField(max_length=120, null=True, blank=True, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("learning-hours entry")
        verbose_name_plural = _("learning-hours entries")
        indexes = [models.Index(fields=["user", "course"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(source="manual") | ~models.Q(reason=""), name="manual_hours_need_a_reason"
            )
        ]

    def __str__(self):
        return f"{self.user} {self.hours:+} h ({self.source})"


class LessonCompletion(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    lesson = models.ForeignKey("cms.LessonPage", on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="one_completion_per_lesson")]

    def __str__(self):
        return f"{self.user} completed lesson {self.lesson_id}"


class CourseRule(models.Model):
    """How a course is completed and how its lessons may be. A course without a rule uses the defaults."""

    course = models.OneToOneField(
        "cms.CoursePage", verbose_name=_("course"), on_delete=models.CASCADE, related_name="+"
    )
    require_required_lessons = models.BooleanField(_("all required lessons must be completed"), default=True)
    hours_share_required = models.DecimalField(
        _("share of the course's learning hours required"),
        help_text=_("1 means all of the course's learning hours; 0 means hours are not required."),
        max_digits=4,
        decimal_places=3,
        default=Decimal("1"),
        validators=SHARE_VALIDATORS,
    )
    min_video_fraction = models.DecimalField(
        _("share of a video to watch"),
        help_text=_("A video lesson completes itself once this share of its video has been watched."),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.9"),
        validators=SHARE_VALIDATORS,
    )
    mark_complete_min_share = models.DecimalField(
        _("share of the estimated time before “mark complete”"),
        help_text=_(
            "A text lesson can be marked complete after this share of its estimated minutes of active study."
        ),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.5"),
        validators=SHARE_VALIDATORS,
    )

    class Meta:
        verbose_name = _("course completion rule")
        verbose_name_plural = _("course completion rules")

    def __str__(self):
        return f"rule of course {self.course_id}"

    def seconds_before_mark_complete(self, *, estimated_minutes: int) -> int:
        """Active study, in seconds, after which a text lesson of ``estimated_minutes`` may be marked complete."""
        return int(estimated_minutes * 60 * self.mark_complete_min_share)


class CourseCompletion(models.Model):
    """The moment a trainee met a course's rule. Recorded once; never withdrawn by later rule changes."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_completions"
    )
    course = models.ForeignKey("cms.CoursePage", on_delete=models.PROTECT, related_name="+")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("course completion")
        verbose_name_plural = _("course completions")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="one_completion_per_course")]

    def __str__(self):
        return f"{self.user} completed course {self.course_id}"
