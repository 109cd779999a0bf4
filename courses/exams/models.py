"""Exam papers, attempts, grading and their audit trails.

A paper (试卷) is built from sections of fixed questions or of questions drawn at random from
banks. It is usable only once a registrar has approved it. An attempt freezes the paper the
trainee got: one ``AttemptItem`` per question, pointing at an immutable ``QuestionVersion`` with
the option order shown. Answers are saved item by item as the trainee types.

Papers go through Wagtail's snippet workflow, like certificate designs: an edit is saved as a
revision (a draft), a registrar approves it in the *Exam paper review* workflow, and approval
publishes it. The paper's row and its sections always hold the *published* version, so what
trainees sit never changes until an edit has been approved.
"""

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin

from courses.questions.models import QuestionType


class Eligibility(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled in a cohort of the course")
    COMPLETED = "completed", _("Completed the course")


class ReviewMode(models.TextChoices):
    SCORE = "score", _("Score only")
    RESPONSES = "responses", _("Score and own responses, marked right or wrong")
    ANSWERS = "answers", _("Score, own responses and the correct answers")


class ExamPaper(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """An exam paper for one course: its sections, rules, window and review options.

    Only a live paper can be started. The row is the published version; drafts are revisions.
    """

    title = models.CharField(_("title"), max_length=200)
    course = models.ForeignKey(
        "cms.CoursePage", verbose_name=_("course"), on_delete=models.PROTECT, related_name="+"
    )
    cohort = models.ForeignKey(
        "courses.Cohort",
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty to admit trainees of any cohort of the course."),
    )
    instructions = models.TextField(_("instructions"), blank=True)
    eligibility = models.CharField(
        _("who may sit it"), max_length=20, choices=Eligibility.choices, default=Eligibility.ENROLLED
    )
    pass_mark = models.DecimalField(
        _("pass mark (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("60"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    time_limit_minutes = models.PositiveIntegerField(_("time limit (minutes)"), null=True, blank=True)
    opens_at = models.DateTimeField(_("opens at"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    max_attempts = models.PositiveSmallIntegerField(_("maximum attempts"), default=1)
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=True)
    shuffle_options = models.BooleanField(_("shuffle options"), default=True)
    review_mode = models.CharField(
        _("what the trainee may review"), max_length=20, choices=ReviewMode.choices, default=ReviewMode.SCORE
    )
    review_after_close = models.BooleanField(
        _("review only after the window closes"),
        default=True,
        help_text=_("Keeps responses and answers hidden while others may still sit the exam."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="exam_paper")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="exam_paper",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("course"), FieldPanel("cohort")]),
        FieldPanel("instructions"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("eligibility"), FieldPanel("max_attempts")]),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldRowPanel([FieldPanel("time_limit_minutes"), FieldPanel("pass_mark")]),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_options")]),
                FieldRowPanel([FieldPanel("review_mode"), FieldPanel("review_after_close")]),
            ],
            heading=_("Rules"),
        ),
        InlinePanel("sections", heading=_("Sections"), label=_("Section"), min_num=1),
    ]

    class Meta:
        verbose_name = _("exam paper")
        verbose_name_plural = _("exam papers")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True)
                | Q(closes_at__isnull=True)
                | Q(closes_at__gt=models.F("opens_at")),
                name="exam_window_closes_after_it_opens",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions


class SectionKind(models.TextChoices):
    FIXED = "fixed", _("Fixed questions")
    RANDOM = "random", _("Draw at random")


class PaperSection(ClusterableModel, Orderable):
    """Part of a paper: either the listed questions, or ``draw_count`` drawn from banks and tags."""

    paper = ParentalKey(ExamPaper, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(_("title"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=SectionKind.choices, default=SectionKind.FIXED)
    questions = ParentalManyToManyField(
        "questions.Question", verbose_name=_("fixed questions"), blank=True, related_name="+"
    )
    banks = ParentalManyToManyField(
        "questions.QuestionBank", verbose_name=_("draw from banks"), blank=True, related_name="+"
    )
    tags = models.CharField(
        _("draw only questions with these tags"),
        max_length=300,
        blank=True,
        help_text=_("Comma-separated; empty means any question of the chosen banks."),
    )
    question_type = models.CharField(
        _("draw only questions of this type"),
        max_length=20,
        choices=QuestionType.choices,
        blank=True,
        help_text=_("For sections such as “single choice” or “true/false”; empty means any type."),
    )
    draw_count = models.PositiveSmallIntegerField(_("number to draw"), default=0)
    points_per_question = models.DecimalField(
        _("points per question"), max_digits=6, decimal_places=2, default=Decimal("1")
    )

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("kind"), FieldPanel("points_per_question")]),
        FieldPanel("questions"),
        FieldRowPanel([FieldPanel("banks"), FieldPanel("tags")]),
        FieldRowPanel([FieldPanel("question_type"), FieldPanel("draw_count")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.title or f"§{self.sort_order}"

    @property
    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.tags.replace("，", ",").split(",") if tag.strip()]


class PinnedVersion(models.Model):
    """A question version a section was approved with: what attempts draw, whatever banks do since.

    Written when a paper is published (a registrar's approval), one row per question of a fixed
    section and per question of a random section's pool. Editing a question adds a version that
    trainees get only once the paper is approved again.
    """

    section = models.ForeignKey(PaperSection, on_delete=models.CASCADE, related_name="pins")
    question = models.ForeignKey("questions.Question", on_delete=models.PROTECT, related_name="+")
    version = models.ForeignKey("questions.QuestionVersion", on_delete=models.PROTECT, related_name="+")
    pinned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("approved question version")
        verbose_name_plural = _("approved question versions")
        constraints = [models.UniqueConstraint(fields=["section", "question"], name="one_pin_per_question")]

    def __str__(self):
        return f"{self.section_id}: {self.version_id}"


class CourseGrader(models.Model):
    """A user who grades essays and case analyses of a course's exams.

    ``cms.CourseInstructor`` links instructor profiles (not accounts) to courses, so the
    account-to-course link for grading lives here. Registrars may grade every course.
    """

    course = models.ForeignKey("cms.CoursePage", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("course grader")
        verbose_name_plural = _("course graders")
        constraints = [models.UniqueConstraint(fields=["course", "user"], name="one_grader_link_per_course")]

    def __str__(self):
        return f"{self.user} → {self.course_id}"


class Accommodation(models.Model):
    """Extra time granted to one trainee for one paper; applies to attempts in progress too."""

    paper = models.ForeignKey(ExamPaper, on_delete=models.CASCADE, related_name="accommodations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    extra_minutes = models.PositiveIntegerField(_("extra minutes"))
    reason = models.TextField(_("reason"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("accommodation")
        verbose_name_plural = _("accommodations")
        constraints = [models.UniqueConstraint(fields=["paper", "user"], name="one_accommodation_per_paper")]

    def __str__(self):
        return f"{self.user} +{self.extra_minutes}′"


class AttemptStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    GRADING = "grading", _("Awaiting grading")
    COMPLETED = "completed", _("Completed")


class SubmittedBy(models.TextChoices):
    TRAINEE = "trainee", _("Submitted by the trainee")
    DEADLINE = "deadline", _("Submitted automatically at the deadline")


class Attempt(models.Model):
    """One sitting of a paper by a trainee. The deadline is the server's, never the browser's."""

    paper = models.ForeignKey(ExamPaper, on_delete=models.PROTECT, related_name="attempts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="exam_attempts")
    number = models.PositiveSmallIntegerField(_("attempt number"))
    status = models.CharField(
        _("status"), max_length=20, choices=AttemptStatus.choices, default=AttemptStatus.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("started at"))
    extra_minutes = models.PositiveIntegerField(_("extra minutes"), default=0)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.CharField(max_length=20, choices=SubmittedBy.choices, blank=True)
    score = models.DecimalField(_("score"), max_digits=8, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(_("maximum score"), max_digits=8, decimal_places=2, default=0)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    released_at = models.DateTimeField(_("result released at"), null=True, blank=True)
    last_ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = _("exam attempt")
        verbose_name_plural = _("exam attempts")
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["paper", "user", "number"], name="one_attempt_number_per_trainee"
            ),
            # At most one attempt in progress per trainee and paper, whatever races happen.
            models.UniqueConstraint(
                fields=["paper", "user"], condition=Q(status="in_progress"), name="one_open_attempt_per_paper"
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self):
        return f"{self.paper} · {self.user} #{self.number}"

    @property
    def percent(self) -> Decimal | None:
        if self.score is None or not self.max_score:
            return None
        return (self.score * 100 / self.max_score).quantize(Decimal("0.01"))


class AttemptItem(models.Model):
    """One question as this trainee got it, with their saved response and its score."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    section_title = models.CharField(max_length=200, blank=True)
    version = models.ForeignKey("questions.QuestionVersion", on_delete=models.PROTECT, related_name="+")
    option_order = models.JSONField(default=list, blank=True)
    # What the page sends for each option: per-attempt random values, mapped back to stored indexes
    # by the server. {"options": [value of stored option 0, …], "prompts": [value of pair 0, …]};
    # empty for items of attempts started before values were opaque (they send indexes).
    option_values = models.JSONField(default=dict, blank=True)
    points = models.DecimalField(max_digits=6, decimal_places=2)
    response = models.JSONField(null=True, blank=True)
    # The browser numbers its saves; an older save arriving late never overwrites a newer one.
    client_seq = models.BigIntegerField(default=0)
    saved_at = models.DateTimeField(null=True, blank=True)
    needs_manual_grading = models.BooleanField(default=False)
    score = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    feedback = models.TextField(blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    graded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("attempt item")
        verbose_name_plural = _("attempt items")
        ordering = ["position"]  # items are read per attempt; ordering by the FK would join attempts
        constraints = [models.UniqueConstraint(fields=["attempt", "position"], name="one_item_per_position")]

    def __str__(self):
        return f"{self.attempt_id}#{self.position}"


class ScoreChange(models.Model):
    """Audit of every manual score: grading of essays and overrides, with the reason."""

    item = models.ForeignKey(AttemptItem, on_delete=models.CASCADE, related_name="score_changes")
    old_score = models.DecimalField(max_digits=8, decimal_places=2, null=True)
    new_score = models.DecimalField(max_digits=8, decimal_places=2)
    is_override = models.BooleanField(default=False)
    reason = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("score change")
        verbose_name_plural = _("score changes")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_override=False) | ~Q(reason=""), name="score_override_needs_a_reason"
            )
        ]

    def __str__(self):
        return f"{self.old_score} → {self.new_score}"


class AttemptEventKind(models.TextChoices):
    START = "start", _("Started")
    RESUME = "resume", _("Opened again")
    SAVE = "save", _("Answers saved")
    FOCUS_LOST = "focus_lost", _("Left the exam window")
    IP_CHANGE = "ip_change", _("IP address changed")
    EXTRA_TIME = "extra_time", _("Extra time granted")
    SUBMIT = "submit", _("Submitted")
    AUTO_SUBMIT = "auto_submit", _("Submitted at the deadline")
    REJECTED_SAVE = "rejected_save", _("Save refused: attempt closed")


class AttemptEvent(models.Model):
    """The attempt log staff review: start, saves, focus loss, IP changes, submission."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=AttemptEventKind.choices)
    ip = models.GenericIPAddressField(null=True, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attempt event")
        verbose_name_plural = _("attempt events")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.attempt_id} {self.kind}"
