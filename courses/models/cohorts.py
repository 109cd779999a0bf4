from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EnrolmentMode(models.TextChoices):
    OPEN = "open", _("Open")
    APPROVAL = "approval", _("Approval required")
    INVITATION = "invitation", _("Invitation only")


class Cohort(models.Model):
    """One run (班期) of a course or of a whole program, with dates, capacity and an enrolment mode."""

    code = models.CharField(_("cohort code"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(
        _("English title"),
        max_length=200,
        blank=True,
        help_text=_("Shown on English pages; empty: the title."),
    )
    program = models.ForeignKey(
        "cms.ProgramPage",
        verbose_name=_("program"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    course = models.ForeignKey(
        "cms.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    capacity = models.PositiveIntegerField(_("capacity"))
    enrolment_mode = models.CharField(
        _("enrolment mode"), max_length=20, choices=EnrolmentMode.choices, default=EnrolmentMode.OPEN
    )
    enrolment_opens_at = models.DateTimeField(_("enrolment opens at"), null=True, blank=True)
    enrolment_closes_at = models.DateTimeField(_("enrolment closes at"), null=True, blank=True)
    location = models.CharField(_("location of offline sessions"), max_length=300, blank=True)
    location_en = models.CharField(_("location (English)"), max_length=300, blank=True)
    fee = models.DecimalField(
        _("fee (yuan)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("What a trainee pays to take part: 0 for free; empty if no fee is published."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-starts_on", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(program__isnull=False, course__isnull=True)
                | Q(program__isnull=True, course__isnull=False),
                name="cohort_is_for_a_program_or_a_course",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="cohort_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def clean(self):
        errors = {}
        if bool(self.program_id) == bool(self.course_id):
            errors["course"] = _("Choose either a program or a course for the cohort, not both.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The cohort cannot end before it starts.")
        if (
            self.enrolment_opens_at
            and self.enrolment_closes_at
            and self.enrolment_closes_at <= self.enrolment_opens_at
        ):
            errors["enrolment_closes_at"] = _("Enrolment must close after it opens.")
        if errors:
            raise ValidationError(errors)

    def window_is_open(self, at=None) -> bool:
        """Whether trainees may enrol at ``at`` (now by default); an unset bound is no limit."""
        at = at or timezone.now()
        if self.enrolment_opens_at and at < self.enrolment_opens_at:
            return False
        return not (self.enrolment_closes_at and at >= self.enrolment_closes_at)
