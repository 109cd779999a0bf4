"""What earns a certificate, per program: courses, hours, exams, offline attendance; validity and renewal.

Every figure is a setting of the program that registrars edit in the admin, never a constant.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

DEFAULT_SERIAL_PATTERN = "{base}-{year}-{level}-{seq:06}"


class CourseSelection(models.TextChoices):
    LEVEL = "level", _("Every course of the program's level")
    CHOSEN = "chosen", _("Only the courses chosen below")
    NONE = "none", _("No course requirement")


class CertificateRule(ClusterableModel):
    """The certification rule of one program. A program without a rule issues no certificate."""

    program = models.OneToOneField(
        "cms.ProgramPage",
        verbose_name=_("program"),
        on_delete=models.CASCADE,
        related_name="certificate_rule",
    )
    course_selection = models.CharField(
        _("required courses"), max_length=10, choices=CourseSelection.choices, default=CourseSelection.LEVEL
    )
    courses = ParentalManyToManyField(
        "cms.CoursePage",
        verbose_name=_("chosen courses"),
        blank=True,
        related_name="+",
        help_text=_("Used when “only the courses chosen below” is selected."),
    )
    min_hours = models.DecimalField(
        _("minimum learning hours"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Leave empty to use the program's required hours."),
    )
    min_offline_hours = models.DecimalField(
        _("minimum offline attendance hours"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(0)],
    )
    validity_months = models.PositiveSmallIntegerField(
        _("validity (months)"),
        null=True,
        blank=True,
        help_text=_("Leave empty for certificates that never expire."),
    )
    renewal_hours = models.DecimalField(
        _("continuing-education hours to renew"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(0)],
        help_text=_("Hours earned since the certificate was issued that a renewal requires."),
    )
    renewal_window_months = models.PositiveSmallIntegerField(
        _("renewal opens (months before expiry)"), default=6, validators=[MaxValueValidator(120)]
    )
    requires_practical = models.BooleanField(
        _("requires the practical assessment passed (with defence)"),
        default=False,
        help_text=_(
            "The trainee's practical report must be reviewed, released and passed, and the defence "
            "passed where the assignment requires one."
        ),
    )
    auto_issue = models.BooleanField(
        _("issue automatically"),
        default=True,
        help_text=_("Issue the certificate as soon as a trainee meets this rule."),
    )
    serial_pattern = models.CharField(
        _("serial number pattern"),
        max_length=100,
        default=DEFAULT_SERIAL_PATTERN,
        help_text=_("Fields: {base}, {year}, {level} and the running number {seq:06}."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("program"),
        MultiFieldPanel(
            [
                FieldPanel("course_selection"),
                FieldPanel("courses"),
                FieldRowPanel([FieldPanel("min_hours"), FieldPanel("min_offline_hours")]),
                FieldPanel("requires_practical"),
            ],
            heading=_("Requirements"),
        ),
        InlinePanel("exams", heading=_("Exams to pass"), label=_("exam")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("validity_months"), FieldPanel("renewal_window_months")]),
                FieldPanel("renewal_hours"),
            ],
            heading=_("Validity and renewal"),
        ),
        MultiFieldPanel([FieldPanel("auto_issue"), FieldPanel("serial_pattern")], heading=_("Issuing")),
    ]

    class Meta:
        verbose_name = _("certification rule")
        verbose_name_plural = _("certification rules")

    def __str__(self):
        return str(self.program)

    def clean(self):
        from certification.serials import SerialPatternError, validate_pattern

        super().clean()
        try:
            validate_pattern(self.serial_pattern)
        except SerialPatternError as error:
            raise ValidationError({"serial_pattern": str(error)}) from error


class CertificateRuleExam(Orderable):
    """An exam (any approved paper of a course) a trainee must pass, optionally with a higher score."""

    rule = ParentalKey(CertificateRule, on_delete=models.CASCADE, related_name="exams")
    course = models.ForeignKey(
        "cms.CoursePage", verbose_name=_("course"), on_delete=models.CASCADE, related_name="+"
    )
    min_score = models.DecimalField(
        _("minimum score (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Leave empty to accept the paper's own pass mark."),
    )

    panels = [FieldRowPanel([FieldPanel("course"), FieldPanel("min_score")])]

    class Meta(Orderable.Meta):
        verbose_name = _("required exam")
        verbose_name_plural = _("required exams")

    def __str__(self):
        return str(self.course)
