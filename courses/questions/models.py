"""Question banks, questions and their immutable versions, and the record of every import.

A ``Question`` holds what may change without touching past attempts (its bank, module,
difficulty, tags); everything a trainee sees or is graded against lives in a
``QuestionVersion``, which is never edited: editing a question adds a version, and
attempts point at the version they used.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from cms.choices import Module
from core.storage import imports_storage, random_name


class QuestionType(models.TextChoices):
    SINGLE_CHOICE = "single_choice", _("Single choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True/false")
    SHORT_ANSWER = "short_answer", _("Short answer / fill in the blank")
    NUMERICAL = "numerical", _("Numerical")
    MATCHING = "matching", _("Matching")
    ESSAY = "essay", _("Essay")
    CASE_ANALYSIS = "case_analysis", _("Case analysis")


# Types a person grades; every other type is scored by courses.questions.grading.grade().
MANUALLY_GRADED_TYPES = frozenset({QuestionType.ESSAY, QuestionType.CASE_ANALYSIS})


class TextFormat(models.TextChoices):
    """How a question's text is shown: plain text is escaped; HTML is kept to an allow-list
    (courses.questions.richtext)."""

    PLAIN = "plain", _("Plain text")
    HTML = "html", _("HTML")


class Difficulty(models.TextChoices):
    EASY = "easy", _("Easy")
    MEDIUM = "medium", _("Medium")
    HARD = "hard", _("Hard")


class QuestionBank(models.Model):
    """A folder of questions (题库). Banks nest: an imported Moodle category becomes a sub-bank."""

    name = models.CharField(_("name"), max_length=255)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent bank"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    description = models.TextField(_("description"), blank=True)
    module = models.CharField(_("module"), max_length=20, choices=Module.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="unique_bank_name_in_parent"),
            models.UniqueConstraint(
                fields=["name"], condition=models.Q(parent__isnull=True), name="unique_top_level_bank_name"
            ),
        ]

    def __str__(self):
        return self.path

    @property
    def path(self) -> str:
        """Names from the top bank down, joined by " / "."""
        names, bank, seen = [], self, set()
        while bank is not None and bank.pk not in seen:
            seen.add(bank.pk)
            names.append(bank.name)
            bank = bank.parent
        return " / ".join(reversed(names))

    def clean(self):
        # A bank may not become its own ancestor.
        ancestor = self.parent
        while ancestor is not None:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A bank cannot be placed inside itself.")})
            ancestor = ancestor.parent


class TaggedQuestion(TaggedItemBase):
    content_object = models.ForeignKey("Question", on_delete=models.CASCADE, related_name="tagged_items")


class Question(models.Model):
    """A question in a bank. Its content is in ``versions``; ``current_version`` is the newest one."""

    bank = models.ForeignKey(
        QuestionBank, verbose_name=_("bank"), on_delete=models.PROTECT, related_name="questions"
    )
    qtype = models.CharField(_("question type"), max_length=20, choices=QuestionType.choices)
    module = models.CharField(_("module"), max_length=20, choices=Module.choices, blank=True)
    difficulty = models.CharField(
        _("difficulty"), max_length=10, choices=Difficulty.choices, default=Difficulty.MEDIUM
    )
    tags = TaggableManager(verbose_name=_("tags"), through=TaggedQuestion, blank=True)
    current_version = models.OneToOneField(
        "QuestionVersion",
        verbose_name=_("current version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    archived = models.BooleanField(_("archived"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["bank", "id"]
        indexes = [models.Index(fields=["bank", "qtype"]), models.Index(fields=["module", "difficulty"])]

    def __str__(self):
        return self.current_version.name if self.current_version_id else f"#{self.pk}"


class QuestionVersion(models.Model):
    """One immutable state of a question: what was shown and how it is graded.

    ``data`` holds the type-specific part, validated by courses.questions.schema.
    Rows are created by courses.questions.services and never updated.
    """

    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    qtype = models.CharField(_("question type"), max_length=20, choices=QuestionType.choices)
    name = models.CharField(_("name"), max_length=255)
    text = models.TextField(_("question text"))
    text_format = models.CharField(
        _("text format"), max_length=10, choices=TextFormat.choices, default=TextFormat.PLAIN
    )
    data = models.JSONField(_("answers and grading data"), default=dict)
    default_points = models.DecimalField(
        _("default points"), max_digits=7, decimal_places=2, default=Decimal("1")
    )
    general_feedback = models.TextField(_("general feedback"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("question version")
        verbose_name_plural = _("question versions")
        ordering = ["question", "number"]
        constraints = [
            models.UniqueConstraint(fields=["question", "number"], name="unique_question_version_number"),
            models.CheckConstraint(
                condition=models.Q(default_points__gte=0), name="version_points_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.name} (v{self.number})"

    def save(self, *args, **kwargs):
        # Past attempts point at this row: it must never change once written.
        if not self._state.adding:
            raise ValidationError(_("A question version cannot be changed; save a new version instead."))
        super().save(*args, **kwargs)

    @property
    def needs_manual_grading(self) -> bool:
        return self.qtype in MANUALLY_GRADED_TYPES


class ImportFormat(models.TextChoices):
    GIFT = "gift", _("Moodle GIFT")
    MOODLE_XML = "moodle_xml", _("Moodle XML")
    AIKEN = "aiken", _("Aiken")
    EXCEL = "excel", _("Excel template")


# The file types the parsers read (courses/questions/importers): GIFT and Aiken are text, Moodle
# XML is XML, our template is an Excel workbook.
QUESTION_IMPORT_EXTENSIONS = frozenset({".txt", ".gift", ".xml", ".xlsx"})


def _import_upload_to(instance, filename):
    # A random name in private storage: never at a guessable path, never served as a page.
    return random_name(
        timezone.now().strftime("question-imports/%Y/%m"), filename, extensions=QUESTION_IMPORT_EXTENSIONS
    )


class ImportStatus(models.TextChoices):
    PREVIEWED = "previewed", _("Checked, waiting for confirmation")
    REJECTED = "rejected", _("Rejected: the file has errors")
    IMPORTED = "imported", _("Imported")


class ImportJob(models.Model):
    """One uploaded question file, kept whatever happens to it, with the report of its check."""

    bank = models.ForeignKey(
        QuestionBank, verbose_name=_("bank"), on_delete=models.PROTECT, related_name="import_jobs"
    )
    # Private; deleted TTA_IMPORTS_KEEP_DAYS after upload (empty then), the job and its report stay.
    file = models.FileField(_("file"), upload_to=_import_upload_to, storage=imports_storage, blank=True)
    original_name = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(_("format"), max_length=20, choices=ImportFormat.choices)
    status = models.CharField(_("status"), max_length=20, choices=ImportStatus.choices)
    report = models.JSONField(_("report"), default=dict)
    skipped_unsupported = models.BooleanField(_("unsupported questions skipped"), default=False)
    imported_count = models.PositiveIntegerField(_("questions imported"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        verbose_name = _("question import")
        verbose_name_plural = _("question imports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.original_name} → {self.bank}"
