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
from django.db.models import Manager, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin

from courses.questions.models import QuestionType


class Eligibility(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled in a cohort of the course")
    COMPLETED = "completed", _("Completed the course")


class ReviewMode(models.TextChoices):
    SCORE = "score", _("Score only")
    RESPONSES = "responses", _("Score and own responses, marked right or wrong")
    ANSWERS = "answers", _("Score, own responses and the correct answers")


class ResultPolicy(models.TextChoices):
    BEST = "best", _("Highest grade: passing once is enough")
    LAST = "last", _("Last attempt: the latest result counts")


class ExamPaper(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """An exam paper for one course: its sections, rules, window and review options.

    Only a live paper can be started. The row is the published version; drafts are revisions.
    """

    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(
        _("English title"),
        max_length=200,
        blank=True,
        help_text=_("Shown on English pages; empty: the title."),
    )
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
    result_policy = models.CharField(
        _("attempt that counts"),
        max_length=10,
        choices=ResultPolicy.choices,
        default=ResultPolicy.BEST,
        help_text=_("With several attempts: the highest grade (Moodle's default) or the last attempt."),
    )
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
    show_provisional_score = models.BooleanField(
        _("show a provisional score while essays await grading"),
        default=True,
        help_text=_(
            "Right after submitting, the trainee sees the score of the questions already marked, "
            "marked provisional. Turn off to show nothing until every answer is graded."
        ),
    )
    # Grading (registrars decide; a paper's edits are approved by a registrar): courses.exams.grading.
    blind_grading = models.BooleanField(
        _("blind grading"),
        default=False,
        help_text=_("Graders see an examinee code instead of names and employers."),
    )
    double_marking = models.BooleanField(
        _("double marking"),
        default=False,
        help_text=_("Two graders mark each essay; a difference above the margin goes to reconciliation."),
    )
    marking_margin = models.DecimalField(
        _("double-marking margin (points)"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("2"),
        validators=[MinValueValidator(0)],
        help_text=_("Two marks at most this far apart stand as their mean."),
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

    # Its edit form (panels) is the paper builder's: courses/exams/builder_panels.py.

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

    # Edited inside its paper's form: SECTION_PANELS in courses/exams/builder_panels.py.

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

    course = models.ForeignKey(
        "cms.CoursePage", verbose_name=_("course"), on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("grader"), on_delete=models.CASCADE, related_name="+"
    )

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
    # Drawn for a sitting's expected examinee before it opens, not started: not an attempt yet.
    PREPARED = "prepared", _("Prepared, not started")
    IN_PROGRESS = "in_progress", _("In progress")
    GRADING = "grading", _("Awaiting grading")
    COMPLETED = "completed", _("Completed")


class SubmittedBy(models.TextChoices):
    TRAINEE = "trainee", _("Submitted by the trainee")
    DEADLINE = "deadline", _("Submitted automatically at the deadline")


class StartedAttemptManager(models.Manager):
    """Attempts a trainee started. A paper prepared for a sitting and never started is no attempt.

    The default manager, so every related manager (``paper.attempts``, ``user.exam_attempts``,
    ``sitting.attempts``) and every report, export, grading queue and count of attempts used leaves
    prepared papers out without having to remember it. Only the sitting's assembly and the start
    from a prepared paper reach them, through ``Attempt.all_objects``.
    """

    def get_queryset(self):
        return super().get_queryset().exclude(status=AttemptStatus.PREPARED)


class Attempt(models.Model):
    """One sitting of a paper by a trainee. The deadline is the server's, never the browser's.

    A sitting's worker prepares one for each expected examinee (``PREPARED``: items drawn, not
    started, number 0, no start time); starting it only sets the start, the number and the deadline.
    """

    paper = models.ForeignKey(ExamPaper, on_delete=models.PROTECT, related_name="attempts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="exam_attempts")
    number = models.PositiveSmallIntegerField(_("attempt number"))
    status = models.CharField(
        _("status"), max_length=20, choices=AttemptStatus.choices, default=AttemptStatus.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)  # None while prepared
    extra_minutes = models.PositiveIntegerField(_("extra minutes"), default=0)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.CharField(max_length=20, choices=SubmittedBy.choices, blank=True)
    score = models.DecimalField(_("score"), max_digits=8, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(_("maximum score"), max_digits=8, decimal_places=2, default=0)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    released_at = models.DateTimeField(_("result released at"), null=True, blank=True)
    last_ip = models.GenericIPAddressField(null=True, blank=True)
    sitting = models.ForeignKey(
        "Sitting", null=True, blank=True, on_delete=models.SET_NULL, related_name="attempts"
    )
    room = models.ForeignKey(
        "SittingRoom", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    all_objects = Manager()  # prepared papers too: the sitting's assembly and start only
    objects = StartedAttemptManager()

    class Meta:
        verbose_name = _("exam attempt")
        verbose_name_plural = _("exam attempts")
        default_manager_name = "objects"  # never the prepared papers (see StartedAttemptManager)
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["paper", "user", "number"],
                condition=~Q(status="prepared"),
                name="one_attempt_number_per_trainee",
            ),
            # One prepared paper per examinee and sitting, however often the assembly runs.
            models.UniqueConstraint(
                fields=["sitting", "user"],
                condition=Q(status="prepared"),
                name="one_prepared_paper_per_sitting",
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
    # Flagged for review by the trainee (the exam page's navigator); kept here so a reload or
    # another device shows it too. Says nothing about the answer; never graded.
    flagged = models.BooleanField(default=False)
    saved_at = models.DateTimeField(null=True, blank=True)
    needs_manual_grading = models.BooleanField(default=False)
    score = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    feedback = models.TextField(blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    graded_at = models.DateTimeField(null=True, blank=True)
    # Double marking: the two marks differ by more than the paper's margin; a registrar or a third
    # grader reconciles. Until then the item has no score, so the attempt stays provisional.
    awaiting_reconciliation = models.BooleanField(default=False)

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


class MarkKind(models.TextChoices):
    SINGLE = "single", _("Mark")
    FIRST = "first", _("First mark")
    SECOND = "second", _("Second mark")
    RECONCILED = "reconciled", _("Reconciled mark")


class GradingMark(models.Model):
    """One grader's mark of an essay or case analysis by its rubric: a score and a comment per
    criterion (``criteria``: ``[{"criterion", "points", "score", "comment"}]``), their sum, and
    the item score it gives (the sum scaled to the item's points). Never edited: the record of who
    graded what, when; the item's score comes from these (``courses.exams.grading``)."""

    item = models.ForeignKey(AttemptItem, on_delete=models.CASCADE, related_name="marks")
    grader = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=MarkKind.choices)
    criteria = models.JSONField(default=list)
    total = models.DecimalField(max_digits=8, decimal_places=2)  # the criteria's sum, rubric points
    score = models.DecimalField(max_digits=8, decimal_places=2)  # the item's points
    feedback = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("grading mark")
        verbose_name_plural = _("grading marks")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["item", "kind"], name="one_mark_of_each_round")]

    def __str__(self):
        return f"{self.item_id} {self.kind} {self.score}"


class AttemptEventKind(models.TextChoices):
    START = "start", _("Started")
    RESUME = "resume", _("Opened again")
    SAVE = "save", _("Answers saved")
    FOCUS_LOST = "focus_lost", _("Left the exam window")
    IP_CHANGE = "ip_change", _("IP address changed")
    EXTRA_TIME = "extra_time", _("Extra time granted")
    SUBMIT = "submit", pgettext_lazy("exam", "Submitted")
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


# --- Sittings (考试场次) ---------------------------------------------------------------------------


class SittingDelivery(models.TextChoices):
    ONLINE = "online", _("Online")
    ROOMS = "rooms", _("In exam rooms")


class AssemblyStatus(models.TextChoices):
    """How far the worker has prepared the sitting's papers (stored)."""

    SCHEDULED = "scheduled", _("Scheduled")
    ASSEMBLING = "assembling", _("Assembling papers")
    READY = "ready", _("Papers ready")


class SittingState(models.TextChoices):
    """Where a sitting stands: its assembly before it opens, then open or closed by the clock."""

    SCHEDULED = "scheduled", _("Scheduled")
    ASSEMBLING = "assembling", _("Assembling papers")
    READY = "ready", _("Papers ready")
    OPEN = "open", pgettext_lazy("exam sitting", "Open")
    CLOSED = "closed", pgettext_lazy("exam sitting", "Closed")


class Sitting(ClusterableModel):
    """A paper scheduled for a cohort at a start time (考试场次), online or in rooms.

    A paper with sittings is sat only in one: a trainee of the sitting's cohort waits before
    ``opens_at``, may start from then until entry closes (``entry_closes_at``, else ``closes_at``),
    and every attempt's deadline is capped by ``closes_at``. Before it opens a worker prepares a
    paper for each expected examinee (``courses.exams.sittings``), so starting draws nothing.
    Registrars schedule sittings in the admin.
    """

    paper = models.ForeignKey(
        ExamPaper, verbose_name=_("exam paper"), on_delete=models.PROTECT, related_name="sittings"
    )
    cohort = models.ForeignKey(
        "courses.Cohort", verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200, blank=True, help_text=_("For example “上午场”."))
    opens_at = models.DateTimeField(_("opens at"))
    entry_closes_at = models.DateTimeField(
        _("late entry until"),
        null=True,
        blank=True,
        help_text=_("Late arrivals may start until then; empty means until the sitting closes."),
    )
    closes_at = models.DateTimeField(
        _("closes at"),
        null=True,
        blank=True,
        help_text=_("No attempt of this sitting runs past it, extra time included."),
    )
    delivery = models.CharField(
        _("delivery"), max_length=20, choices=SittingDelivery.choices, default=SittingDelivery.ONLINE
    )
    assembly_status = models.CharField(
        _("papers"), max_length=20, choices=AssemblyStatus.choices, default=AssemblyStatus.SCHEDULED
    )
    assembled_at = models.DateTimeField(_("papers assembled at"), null=True, blank=True)
    assembly_note = models.TextField(_("assembly note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("paper"), FieldPanel("cohort")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("entry_closes_at"), FieldPanel("closes_at")]),
        FieldPanel("delivery"),
        InlinePanel("rooms", heading=_("Rooms"), label=_("Room")),
    ]

    class Meta:
        verbose_name = _("exam sitting")
        verbose_name_plural = _("exam sittings")
        ordering = ["opens_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(entry_closes_at__isnull=True) | Q(entry_closes_at__gt=models.F("opens_at")),
                name="sitting_entry_closes_after_it_opens",
            ),
            models.CheckConstraint(
                condition=Q(closes_at__isnull=True) | Q(closes_at__gt=models.F("opens_at")),
                name="sitting_closes_after_it_opens",
            ),
        ]
        indexes = [models.Index(fields=["paper", "opens_at"])]

    def __str__(self):
        return self.title or f"{self.paper} · {self.opens_at:%Y-%m-%d %H:%M}"

    @property
    def entry_closes(self):
        """Until when a trainee may start: the late-entry limit, else the close; None: no limit."""
        return self.entry_closes_at or self.closes_at

    def state(self, now=None) -> str:
        from django.utils import timezone

        now = now or timezone.now()
        if self.closes_at and now >= self.closes_at:
            return SittingState.CLOSED
        if now >= self.opens_at:
            entry = self.entry_closes
            return SittingState.CLOSED if entry and now >= entry and not self.closes_at else SittingState.OPEN
        return self.assembly_status

    def get_state_display(self) -> str:
        return str(SittingState(self.state()).label)

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        paper = self.paper if self.paper_id else None
        if paper is not None:
            if not paper.live:
                errors["paper"] = _("Only an approved paper can be scheduled.")
            if paper.cohort_id and self.cohort_id and paper.cohort_id != self.cohort_id:
                errors["cohort"] = _("This paper is for another cohort.")
            elif self.cohort_id and not _cohort_covers(self.cohort, paper.course):
                errors["cohort"] = _("This cohort does not study the paper's course.")
            if self.opens_at and (
                (paper.opens_at and self.opens_at < paper.opens_at)
                or (paper.closes_at and self.opens_at >= paper.closes_at)
            ):
                errors["opens_at"] = _("The sitting must open within the paper's window.")
        if self.opens_at and self.entry_closes_at and self.entry_closes_at <= self.opens_at:
            errors["entry_closes_at"] = _("Late entry must end after the sitting opens.")
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("The sitting must close after it opens.")
        if self.entry_closes_at and self.closes_at and self.entry_closes_at > self.closes_at:
            errors["entry_closes_at"] = _("Late entry must end by the time the sitting closes.")
        if self.pk and "paper" not in errors:
            before = Sitting.objects.filter(pk=self.pk).values("paper_id", "cohort_id").first()
            moved = before and (before["paper_id"], before["cohort_id"]) != (self.paper_id, self.cohort_id)
            if moved and Attempt.objects.filter(sitting_id=self.pk).exists():
                errors["paper"] = _(
                    "Examinees have started this sitting: its paper and cohort can no longer change."
                )
        if errors:
            raise ValidationError(errors)


def _cohort_covers(cohort, course) -> bool:
    """A cohort of the course (any language) or of its level's program: whose trainees may sit its papers."""
    if cohort.course_id:
        return cohort.course.translation_key == course.translation_key
    return bool(cohort.program_id and cohort.program.level == course.level)


class SittingRoom(Orderable):
    """An exam room of a sitting and how many examinees it seats; examinees are seated in order."""

    sitting = ParentalKey(Sitting, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("room"), max_length=100)
    capacity = models.PositiveIntegerField(_("seats"))

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("capacity")])]

    class Meta(Orderable.Meta):
        verbose_name = _("exam room")
        verbose_name_plural = _("exam rooms")

    def __str__(self):
        return self.name
