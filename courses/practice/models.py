"""Practical assessment (实务考核) of the Advanced program: assignments, submissions, panel review
and the defence (答辩).

A registrar (or an instructor, as a draft) sets a ``PracticalAssignment`` on a course or a program:
a brief, a due date with its late rules, word limits, what files are accepted, a rubric and how it
is reviewed. A trainee's ``Submission`` holds their ``SubmissionVersion``s, each frozen when
submitted. Once the assignment closes for the trainee, the registrar assigns the submission to N
reviewers of the assignment's ``ReviewPanel`` (``ReviewAssignment``), blind by default: reviewers
know a submission only by its anonymous code. Each ``Review`` scores the rubric; reviews that
differ by more than the margin go to a third reviewer or to the chair's ``Reconciliation``. A
registrar releases the reconciled score; nothing reaches the trainee before. The defence is held
in ``DefenceSession``s of ``DefenceSlot``s, scored per panel member (``DefenceScore``) and
concluded by the chair's ``DefenceOutcome``.

Every write goes through ``courses.practice.services``, which checks who may do it and appends a
``PracticeEvent`` (the audit trail). The models only guard what must never happen (a frozen version
changed, two submissions of one trainee).
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from core.storage import records_storage

# --- Assignments -----------------------------------------------------------------------------------


class LatePolicy(models.TextChoices):
    REFUSE = "refuse", _("Not accepted after the due date")
    PENALTY = "penalty", _("Accepted with a penalty per day late, up to a number of days")
    FLAG = "flag", _("Accepted and flagged late")


class AssignmentStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("practical assignment", "Draft")
    PUBLISHED = "published", pgettext_lazy("practical assignment", "Published")


class OverMarginAction(models.TextChoices):
    THIRD_REVIEW = "third_review", _("A third review")
    CHAIR = "chair", _("Reconciliation by the panel chair")


class FileKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", _("Word (.docx)")


class PracticalAssignment(ClusterableModel):
    """A practical project for a course or a program: brief, deadline, files, rubric and review rules.

    Exactly one of ``course`` and ``program``. Trainees see it only when ``status`` is published.
    """

    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(
        _("English title"),
        max_length=200,
        blank=True,
        help_text=_("Shown on English pages; empty: the title."),
    )
    course = models.ForeignKey(
        "cms.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    program = models.ForeignKey(
        "cms.ProgramPage",
        verbose_name=_("program"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    brief = RichTextField(_("brief"))
    brief_en = RichTextField(
        _("English brief"), blank=True, help_text=_("Shown on English pages; empty: the brief.")
    )
    due_at = models.DateTimeField(_("due at"))
    late_policy = models.CharField(
        _("late submissions"), max_length=20, choices=LatePolicy.choices, default=LatePolicy.REFUSE
    )
    late_penalty_per_day = models.DecimalField(
        _("penalty per day late (points)"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(0)],
    )
    late_max_days = models.PositiveSmallIntegerField(
        _("accepted up to (days late)"),
        default=0,
        help_text=_("With a penalty per day: no submission is accepted later than this."),
    )
    word_min = models.PositiveIntegerField(_("minimum words"), null=True, blank=True)
    word_max = models.PositiveIntegerField(_("maximum words"), null=True, blank=True)
    max_file_mb = models.PositiveSmallIntegerField(
        _("largest file (MB)"), default=20, validators=[MinValueValidator(1), MaxValueValidator(200)]
    )
    accept_pdf = models.BooleanField(_("accept PDF"), default=True)
    accept_docx = models.BooleanField(_("accept Word (.docx)"), default=True)
    max_attachments = models.PositiveSmallIntegerField(
        _("attachments allowed"), default=3, validators=[MaxValueValidator(10)]
    )
    pass_mark = models.DecimalField(
        _("pass mark (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("60"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    panel = models.ForeignKey(
        "ReviewPanel",
        verbose_name=_("review panel"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    reviewers_per_submission = models.PositiveSmallIntegerField(
        _("reviewers per submission"), default=2, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    reconcile_margin = models.DecimalField(
        _("reconciliation margin (points)"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("10"),
        validators=[MinValueValidator(0)],
        help_text=_("Review totals at most this far apart stand as their mean."),
    )
    over_margin = models.CharField(
        _("when reviews differ by more"),
        max_length=20,
        choices=OverMarginAction.choices,
        default=OverMarginAction.THIRD_REVIEW,
    )
    review_days = models.PositiveSmallIntegerField(_("days to review"), default=14)
    blind = models.BooleanField(
        _("blind review"),
        default=True,
        help_text=_(
            "Reviewers see an anonymous code instead of names and employers; files' metadata are removed."
        ),
    )
    defence_required = models.BooleanField(_("defence required"), default=True)
    defence_pass_mark = models.DecimalField(
        _("defence pass mark (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("60"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    status = models.CharField(
        _("status"), max_length=20, choices=AssignmentStatus.choices, default=AssignmentStatus.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("title_en")]),
        FieldRowPanel([FieldPanel("course"), FieldPanel("program")]),
        FieldPanel("brief"),
        FieldPanel("brief_en"),
        MultiFieldPanel(
            [
                FieldPanel("due_at"),
                FieldPanel("late_policy"),
                FieldRowPanel([FieldPanel("late_penalty_per_day"), FieldPanel("late_max_days")]),
                FieldRowPanel([FieldPanel("word_min"), FieldPanel("word_max")]),
                FieldRowPanel([FieldPanel("accept_pdf"), FieldPanel("accept_docx")]),
                FieldRowPanel([FieldPanel("max_file_mb"), FieldPanel("max_attachments")]),
            ],
            heading=_("Submission"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("panel"), FieldPanel("reviewers_per_submission")]),
                FieldRowPanel([FieldPanel("reconcile_margin"), FieldPanel("over_margin")]),
                FieldRowPanel([FieldPanel("review_days"), FieldPanel("blind")]),
                FieldPanel("pass_mark"),
            ],
            heading=_("Review"),
        ),
        InlinePanel("criteria", heading=_("Rubric"), label=_("Criterion"), min_num=1),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("defence_required"), FieldPanel("defence_pass_mark")])],
            heading=_("Defence"),
        ),
        InlinePanel("defence_criteria", heading=_("Defence rubric"), label=_("Criterion")),
        FieldPanel("status"),
    ]

    class Meta:
        verbose_name = _("practical assignment")
        verbose_name_plural = _("practical assignments")
        ordering = ["-due_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(course__isnull=False) & Q(program__isnull=True))
                | (Q(course__isnull=True) & Q(program__isnull=False)),
                name="practice_assignment_course_or_program",
            ),
            models.CheckConstraint(
                condition=Q(word_min__isnull=True)
                | Q(word_max__isnull=True)
                | Q(word_max__gte=models.F("word_min")),
                name="practice_word_limits_ordered",
            ),
            models.CheckConstraint(
                condition=Q(accept_pdf=True) | Q(accept_docx=True), name="practice_accepts_a_file_kind"
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if bool(self.course_id) == bool(self.program_id):
            errors["course"] = _("Choose a course or a program, not both.")
        if self.word_min is not None and self.word_max is not None and self.word_max < self.word_min:
            errors["word_max"] = _("The maximum must be at least the minimum.")
        if not (self.accept_pdf or self.accept_docx):
            errors["accept_pdf"] = _("Accept at least one kind of file.")
        if self.late_policy == LatePolicy.PENALTY and not self.late_max_days:
            errors["late_max_days"] = _("Say up to how many days late a submission is accepted.")
        if errors:
            raise ValidationError(errors)

    @property
    def allowed_kinds(self) -> list[str]:
        return [
            kind for kind, on in ((FileKind.PDF, self.accept_pdf), (FileKind.DOCX, self.accept_docx)) if on
        ]

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_mb * 1024 * 1024

    @property
    def max_points(self) -> Decimal:
        return sum((criterion.max_points for criterion in self.criteria.all()), Decimal("0"))


class _Criterion(Orderable):
    """What a report's and a defence's rubric criteria share: a name in both languages, a description
    and the points it is worth."""

    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    max_points = models.DecimalField(
        _("maximum points"), max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal("0.5"))]
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en"), FieldPanel("max_points")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.name


class RubricCriterion(_Criterion):
    """One criterion of an assignment's rubric: reviewers give 0 … ``max_points`` and a comment."""

    assignment = ParentalKey(PracticalAssignment, on_delete=models.CASCADE, related_name="criteria")

    class Meta(_Criterion.Meta):
        verbose_name = _("rubric criterion")
        verbose_name_plural = _("rubric criteria")


class DefenceCriterion(_Criterion):
    """One criterion of the defence's rubric, scored by each panel member during the defence."""

    assignment = ParentalKey(PracticalAssignment, on_delete=models.CASCADE, related_name="defence_criteria")

    class Meta(_Criterion.Meta):
        verbose_name = _("defence criterion")
        verbose_name_plural = _("defence criteria")


class Extension(models.Model):
    """A later due date for one trainee (and its reason); granted by a registrar, audited."""

    assignment = models.ForeignKey(
        PracticalAssignment, verbose_name=_("assignment"), on_delete=models.CASCADE, related_name="extensions"
    )
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.CASCADE, related_name="+"
    )
    due_at = models.DateTimeField(_("new due date"))
    reason = models.TextField(_("reason"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now=True)

    class Meta:
        verbose_name = _("extension")
        verbose_name_plural = _("extensions")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "trainee"], name="practice_one_extension_per_trainee"
            )
        ]

    def __str__(self):
        return f"{self.assignment_id} · {self.trainee_id} → {self.due_at:%Y-%m-%d %H:%M}"


# --- Submissions -----------------------------------------------------------------------------------


class SubmissionState(models.TextChoices):
    """The marking workflow. A trainee sees a score only once ``RELEASED``."""

    NOT_MARKED = "not_marked", _("Not marked")
    IN_REVIEW = "in_review", _("In review")
    NEEDS_THIRD_REVIEW = "needs_third_review", _("Awaiting a third review")
    RECONCILIATION = "reconciliation", _("Awaiting the chair's reconciliation")
    RECONCILED = "reconciled", _("Reconciled")
    READY_FOR_RELEASE = "ready_for_release", _("Ready for release")
    RELEASED = "released", _("Released")


class Submission(models.Model):
    """One trainee's work for one assignment: their versions, the marking state and the result.

    ``code`` (for example ``P-7K3Q``) is what reviewers see instead of the trainee. ``final_score``
    (rubric points) and ``final_criteria`` are set at reconciliation; ``passed`` with them; the
    trainee sees them only once ``released_at`` is set.
    """

    assignment = models.ForeignKey(
        PracticalAssignment,
        verbose_name=_("assignment"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.PROTECT,
        related_name="practice_submissions",
    )
    code = models.CharField(_("anonymous code"), max_length=12, unique=True)
    state = models.CharField(
        _("marking state"), max_length=30, choices=SubmissionState.choices, default=SubmissionState.NOT_MARKED
    )
    # The version reviewers mark: fixed when the submission is assigned; no version is added after.
    reviewed_version = models.ForeignKey(
        "SubmissionVersion",
        verbose_name=_("version reviewed"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    final_score = models.DecimalField(_("final score"), max_digits=8, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(_("maximum score"), max_digits=8, decimal_places=2, default=0)
    # [{"criterion": id, "name": str, "name_en": str, "max_points": str, "points": str}]
    final_criteria = models.JSONField(_("final score per criterion"), default=list, blank=True)
    late_penalty = models.DecimalField(_("late penalty (points)"), max_digits=6, decimal_places=2, default=0)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    released_at = models.DateTimeField(_("released at"), null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("released by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["assignment", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "trainee"], name="practice_one_submission_per_trainee"
            ),
            models.CheckConstraint(
                condition=Q(released_at__isnull=True) | Q(state="released"),
                name="practice_released_only_when_released",
            ),
        ]
        indexes = [models.Index(fields=["assignment", "state"])]

    def __str__(self):
        return self.code

    @property
    def percent(self) -> Decimal | None:
        if self.final_score is None or not self.max_score:
            return None
        return (self.final_score * 100 / self.max_score).quantize(Decimal("0.01"))


def version_upload_to(instance, filename):
    # Never the trainee's file name (it may carry their name): a random name under the assignment.
    from core.storage import random_name

    return random_name(
        f"practice/{instance.submission.assignment_id}", filename, extensions=frozenset({".pdf", ".docx"})
    )


def attachment_upload_to(instance, filename):
    from core.storage import random_name

    return random_name(
        f"practice/{instance.version.submission.assignment_id}/attachments",
        filename,
        extensions=frozenset({".pdf", ".docx"}),
    )


class FrozenError(Exception):
    """A submitted version (or its attachment) was about to be changed or deleted."""


class SubmissionVersion(models.Model):
    """One submitted version of the report: frozen once written (``save`` and ``delete`` refuse).

    ``original_name`` is the trainee's file name, shown to them only (it may carry their name).
    """

    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    submitted_at = models.DateTimeField(_("submitted at"))
    file = models.FileField(_("report"), upload_to=version_upload_to, storage=records_storage, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("file type"), max_length=10, choices=FileKind.choices)
    content_type = models.CharField(_("content type detected"), max_length=100)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    word_count = models.PositiveIntegerField(_("word count"))
    declaration_text = models.TextField(_("originality declaration"))
    declaration_signed_at = models.DateTimeField(_("declaration signed at"))
    declaration_ip = models.GenericIPAddressField(_("declaration signed from"), null=True, blank=True)
    late = models.BooleanField(_("late"), default=False)
    days_late = models.PositiveSmallIntegerField(_("days late"), default=0)
    penalty = models.DecimalField(_("late penalty (points)"), max_digits=6, decimal_places=2, default=0)
    frozen = models.BooleanField(_("frozen"), default=True, editable=False)

    class Meta:
        verbose_name = _("submission version")
        verbose_name_plural = _("submission versions")
        ordering = ["submission", "number"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"], name="practice_one_version_number"),
        ]

    def __str__(self):
        return f"{self.submission_id} v{self.number}"

    def save(self, *args, **kwargs):
        # Frozen when submitted: a version is written once, never updated.
        if self.pk is not None and SubmissionVersion.objects.filter(pk=self.pk, frozen=True).exists():
            raise FrozenError(f"submission version {self.pk} is frozen")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise FrozenError(f"submission version {self.pk} is frozen")


class SubmissionAttachment(models.Model):
    """An attachment of a version, checked like the report and frozen with it."""

    version = models.ForeignKey(
        SubmissionVersion, verbose_name=_("version"), on_delete=models.PROTECT, related_name="attachments"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    file = models.FileField(
        _("file"), upload_to=attachment_upload_to, storage=records_storage, max_length=300
    )
    original_name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("file type"), max_length=10, choices=FileKind.choices)
    content_type = models.CharField(_("content type detected"), max_length=100)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "position"], name="practice_one_attachment_per_position"
            ),
        ]

    def __str__(self):
        return f"{self.version_id}#{self.position}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise FrozenError(f"attachment {self.pk} is frozen")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise FrozenError(f"attachment {self.pk} is frozen")


# --- Panels and reviewers --------------------------------------------------------------------------


class ReviewPanel(ClusterableModel):
    """Reviewers of practical work (评审专家组), with a chair who reconciles and records outcomes."""

    name = models.CharField(_("name"), max_length=200)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("chair"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("chair")]),
        InlinePanel("members", heading=_("Members"), label=_("Member")),
    ]

    class Meta:
        verbose_name = _("review panel")
        verbose_name_plural = _("review panels")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class PanelMember(Orderable):
    """A reviewer on a panel. The chair is a member too when they also review."""

    panel = ParentalKey(ReviewPanel, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("user")]

    class Meta(Orderable.Meta):
        verbose_name = _("panel member")
        verbose_name_plural = _("panel members")
        constraints = [
            models.UniqueConstraint(fields=["panel", "user"], name="practice_one_membership_per_panel")
        ]

    def __str__(self):
        return f"{self.panel_id}: {self.user_id}"


class ReviewerProfile(models.Model):
    """A reviewer's account details: their own organisation (a conflict with its trainees) and
    whether they are an external expert, whose account (group *Practice reviewers*) reaches only
    the submissions assigned to them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="reviewer_profile",
    )
    display_name = models.CharField(_("name shown to registrars"), max_length=100)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    external = models.BooleanField(_("external expert"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("user"),
        FieldRowPanel([FieldPanel("display_name"), FieldPanel("organisation")]),
        FieldPanel("external"),
    ]

    class Meta:
        verbose_name = _("reviewer profile")
        verbose_name_plural = _("reviewer profiles")

    def __str__(self):
        return self.display_name


class ConflictOfInterest(models.Model):
    """A reviewer's declared conflict: every trainee of an employer, or one trainee."""

    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), on_delete=models.CASCADE, related_name="+"
    )
    employer = models.CharField(_("employer"), max_length=200, blank=True)
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)
    declared_at = models.DateTimeField(_("declared at"), auto_now_add=True)

    panels = [
        FieldPanel("reviewer"),
        FieldRowPanel([FieldPanel("employer"), FieldPanel("trainee")]),
        FieldPanel("reason"),
    ]

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.CheckConstraint(
                condition=~Q(employer="") | Q(trainee__isnull=False), name="practice_conflict_names_someone"
            )
        ]

    def __str__(self):
        return f"{self.reviewer_id}: {self.employer or self.trainee_id}"

    def clean(self):
        if not self.employer.strip() and not self.trainee_id:
            raise ValidationError(_("Name an employer or a trainee."))


class ReviewAssignmentState(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned")
    SUBMITTED = "submitted", _("Review submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ReviewAssignment(models.Model):
    """A submission given to one reviewer in a round (1: the first N reviewers; 2: a third review)."""

    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="review_assignments"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="practice_reviews",
    )
    round = models.PositiveSmallIntegerField(_("round"), default=1)
    due_at = models.DateTimeField(_("review due at"))
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=ReviewAssignmentState.choices,
        default=ReviewAssignmentState.ASSIGNED,
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ["due_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "reviewer"], name="practice_one_review_per_reviewer"
            )
        ]
        indexes = [models.Index(fields=["reviewer", "state"])]

    def __str__(self):
        return f"{self.submission_id} → {self.reviewer_id} (r{self.round})"


class Review(models.Model):
    """A reviewer's scores by criterion (``criteria``: ``[{"criterion", "name", "max_points",
    "points", "comment"}]``), their total and a general comment. Written once, never edited."""

    assignment = models.OneToOneField(
        ReviewAssignment, verbose_name=_("review assignment"), on_delete=models.PROTECT, related_name="review"
    )
    criteria = models.JSONField(_("scores by criterion"), default=list)
    total = models.DecimalField(_("total"), max_digits=8, decimal_places=2)
    comment = models.TextField(_("general comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["submitted_at", "pk"]

    def __str__(self):
        return f"{self.assignment_id}: {self.total}"


class Reconciliation(models.Model):
    """The chair's final scores for a submission whose reviews differ by more than the margin."""

    submission = models.OneToOneField(
        Submission, verbose_name=_("submission"), on_delete=models.PROTECT, related_name="reconciliation"
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chair"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    criteria = models.JSONField(_("final scores by criterion"), default=list)
    total = models.DecimalField(_("final total"), max_digits=8, decimal_places=2)
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("reconciled at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reconciliation")
        verbose_name_plural = _("reconciliations")

    def __str__(self):
        return f"{self.submission_id}: {self.total}"


# --- Defence (答辩) ---------------------------------------------------------------------------------


class DefenceSession(ClusterableModel):
    """A defence session of an assignment (of a course or a program): where, when, which panel.

    Trainees book one of its slots and may swap until ``swap_hours_before`` hours before it starts.
    """

    assignment = models.ForeignKey(
        PracticalAssignment,
        verbose_name=_("assignment"),
        on_delete=models.PROTECT,
        related_name="defence_sessions",
    )
    title = models.CharField(_("title"), max_length=200)
    room = models.CharField(_("room"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    panel = models.ForeignKey(
        ReviewPanel, verbose_name=_("panel"), on_delete=models.PROTECT, related_name="+"
    )
    swap_hours_before = models.PositiveSmallIntegerField(_("swaps allowed until (hours before)"), default=24)
    # Attendance at the defence is an offline session's: the same check-in, attendance and hours.
    offline_session = models.OneToOneField(
        "courses.OfflineSession",
        verbose_name=_("offline session (check-in)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="defence_session",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldRowPanel([FieldPanel("assignment"), FieldPanel("panel")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("room"), FieldPanel("online_link")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at"), FieldPanel("swap_hours_before")]),
        InlinePanel("slots", heading=_("Time slots"), label=_("Slot")),
    ]

    class Meta:
        verbose_name = _("defence session")
        verbose_name_plural = _("defence sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="practice_defence_ends_after_it_starts"
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if not self.room.strip() and not self.online_link:
            errors["room"] = _("Give a room or an online link.")
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The session must end after it starts.")
        if errors:
            raise ValidationError(errors)


class DefenceSlot(Orderable):
    """A time slot of a session, booked by at most one trainee; attendance is checked in at the defence."""

    session = ParentalKey(DefenceSession, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="practice_defence_slots",
    )
    booked_at = models.DateTimeField(_("booked at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)

    panels = [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])]

    class Meta(Orderable.Meta):
        verbose_name = _("defence slot")
        verbose_name_plural = _("defence slots")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="practice_slot_ends_after_it_starts"
            ),
        ]

    def __str__(self):
        return f"{self.session_id} {self.starts_at:%Y-%m-%d %H:%M}"


class DefenceScore(models.Model):
    """One panel member's scores of a defence by the defence rubric (``criteria`` as in ``Review``)."""

    slot = models.ForeignKey(
        DefenceSlot, verbose_name=_("slot"), on_delete=models.PROTECT, related_name="scores"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("panel member"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    criteria = models.JSONField(_("scores by criterion"), default=list)
    total = models.DecimalField(_("total"), max_digits=8, decimal_places=2)
    comment = models.TextField(_("comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("defence score")
        verbose_name_plural = _("defence scores")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["slot", "member"], name="practice_one_defence_score_per_member")
        ]

    def __str__(self):
        return f"{self.slot_id} · {self.member_id}: {self.total}"


class DefenceResult(models.TextChoices):
    PASS = "pass", _("Pass")
    PASS_WITH_REVISIONS = "pass_with_revisions", _("Pass with revisions")
    FAIL = "fail", _("Fail")


class DefenceOutcome(models.Model):
    """The chair's decision on a trainee's defence, with the reasons. One per slot."""

    slot = models.OneToOneField(
        DefenceSlot, verbose_name=_("slot"), on_delete=models.PROTECT, related_name="outcome"
    )
    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.PROTECT, related_name="defence_outcomes"
    )
    result = models.CharField(_("result"), max_length=30, choices=DefenceResult.choices)
    score = models.DecimalField(_("defence score"), max_digits=8, decimal_places=2, null=True, blank=True)
    reasons = models.TextField(_("reasons"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("defence outcome")
        verbose_name_plural = _("defence outcomes")
        ordering = ["-recorded_at", "-pk"]

    def __str__(self):
        return f"{self.submission_id}: {self.result}"


# --- Audit -----------------------------------------------------------------------------------------


class PracticeAction(models.TextChoices):
    VERSION_SUBMITTED = "version_submitted", _("Version submitted")
    UPLOAD_REFUSED = "upload_refused", _("Upload refused")
    EXTENSION_GRANTED = "extension_granted", _("Extension granted")
    REVIEWERS_ASSIGNED = "reviewers_assigned", _("Reviewers assigned")
    THIRD_REVIEWER_ASSIGNED = "third_reviewer_assigned", _("Third reviewer assigned")
    REVIEW_SUBMITTED = "review_submitted", _("Review submitted")
    FILE_DOWNLOADED = "file_downloaded", _("File downloaded by a reviewer")
    RECONCILED = "reconciled", _("Scores reconciled")
    RELEASED = "released", _("Result released")
    CONFLICT_DECLARED = "conflict_declared", _("Conflict of interest declared")
    DEFENCE_BOOKED = "defence_booked", _("Defence slot booked")
    DEFENCE_SWAPPED = "defence_swapped", _("Defence slot swapped")
    DEFENCE_CHECKED_IN = "defence_checked_in", _("Checked in at the defence")
    DEFENCE_SCORED = "defence_scored", _("Defence scored")
    DEFENCE_OUTCOME = "defence_outcome", _("Defence outcome recorded")
    REVIEW_REMINDED = "review_reminded", _("Reviewer reminded")


class PracticeEvent(models.Model):
    """Audit trail of the practical assessment: every official act, who, when. Never edited.

    ``detail`` holds ids, codes and numbers, never a trainee's name or employer.
    """

    assignment = models.ForeignKey(
        PracticalAssignment, verbose_name=_("assignment"), on_delete=models.PROTECT, related_name="events"
    )
    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    action = models.CharField(_("action"), max_length=40, choices=PracticeAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("practical assessment event")
        verbose_name_plural = _("practical assessment events")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}"
