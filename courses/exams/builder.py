"""Reads of the paper builder: a section's eligible questions, a paper's totals, one drawn paper.

The builder asks the same questions approval and attempts ask, through the same functions:
``selectors.section_pool`` says which questions a section would be approved with, and
``services.draw_items`` draws a paper. A draft (the paper's latest revision, not yet approved) is
read as the form holds it, so what the instructor previews is what the registrar will approve.
"""

from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

from django.db.models import Case, Count, DecimalField, F, IntegerField, OuterRef, Subquery, Sum, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from courses.questions.models import Question, QuestionBank

from . import selectors
from .models import AttemptItem, ExamPaper, PaperSection, SectionKind
from .services import ExamError
from .services.papers import PaperPool, draw_items

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Eligible:
    """How many questions a random section may draw from, and whether that is enough."""

    eligible: int
    draw_count: int

    @property
    def enough(self) -> bool:
        return self.eligible >= self.draw_count

    @property
    def message(self) -> str:
        if self.draw_count <= 0:
            return _("%(eligible)d eligible; choose how many to draw.") % {"eligible": self.eligible}
        if not self.enough:
            return _("Only %(eligible)d eligible: too few to draw %(wanted)d.") % {
                "eligible": self.eligible,
                "wanted": self.draw_count,
            }
        return _("%(eligible)d eligible, drawing %(wanted)d") % {
            "eligible": self.eligible,
            "wanted": self.draw_count,
        }


def section_eligible(
    *, banks: list[QuestionBank], tags: str, question_type: str, draw_count: int
) -> Eligible:
    """The questions a random section with these settings would be approved with (its banks with
    their sub-banks, type and tags; archived questions left out), counted: ``section_pool`` on an
    unsaved section, so the count cannot differ from what approval pins."""
    section = PaperSection(kind=SectionKind.RANDOM, tags=tags, question_type=question_type)
    section.banks.set(banks)  # in memory (a ParentalManyToManyField): nothing saved
    return Eligible(eligible=len(selectors.section_pool(section=section)), draw_count=draw_count)


@dataclass(frozen=True)
class PaperTotals:
    questions: int
    marks: Decimal
    pass_mark: Decimal  # percent

    @property
    def marks_to_pass(self) -> Decimal:
        return (self.marks * self.pass_mark / HUNDRED).quantize(Decimal("0.01"))


def section_question_count(section: PaperSection) -> int:
    """How many questions an attempt gets from the section: the listed ones, or the number drawn."""
    if section.kind == SectionKind.FIXED:
        return len(section.questions.all())
    return section.draw_count


def paper_totals(*, paper: ExamPaper) -> PaperTotals:
    """Questions and marks of one attempt at ``paper`` as given (a draft or the published row)."""
    counts = [(section_question_count(s), s.points_per_question) for s in paper.sections.all()]
    return PaperTotals(
        questions=sum(count for count, _points in counts),
        marks=sum((count * points for count, points in counts), Decimal(0)),
        pass_mark=paper.pass_mark,
    )


def papers_with_totals(queryset):
    """The paper list's rows with ``total_questions`` and ``total_marks`` of the published paper, in
    two subqueries (a fixed section counts its questions, a random one its draw count)."""
    listed = (
        PaperSection.questions.through.objects.filter(papersection_id=OuterRef("pk"))
        .values("papersection_id")
        .annotate(n=Count("*"))
        .values("n")
    )
    count = Case(
        When(kind=SectionKind.FIXED, then=Coalesce(Subquery(listed), 0)),
        default=F("draw_count"),
        output_field=IntegerField(),
    )
    sections = PaperSection.objects.filter(paper=OuterRef("pk")).annotate(count=count).values("paper")
    money = DecimalField(max_digits=10, decimal_places=2)
    return queryset.annotate(
        total_questions=Coalesce(Subquery(sections.annotate(total=Sum("count")).values("total")), 0),
        total_marks=Coalesce(
            Subquery(
                sections.annotate(
                    total=Sum(F("count") * F("points_per_question"), output_field=money)
                ).values("total"),
                output_field=money,
            ),
            Decimal(0),
            output_field=money,
        ),
    )


def paper_as_drafted(*, paper: ExamPaper) -> ExamPaper:
    """The paper as its latest revision holds it (a draft awaiting approval), else as published."""
    revision = paper.latest_revision
    return revision.as_object() if revision else paper


def draft_pool(*, paper: ExamPaper) -> PaperPool:
    """What an attempt would draw from if ``paper`` (a draft) were approved now: each section with
    the versions ``paper_pin_versions`` would pin. Nothing is written."""
    sections = [
        (section, sorted(selectors.section_pool(section=_readable(section)).items()))
        for section in paper.sections.all()
    ]
    return PaperPool(paper=paper, sections=sections, versions={})


def _readable(section: PaperSection):
    """A draft's fixed section with its questions as a database query, which ``section_pool``
    filters (a revision's in-memory list cannot be filtered through relations)."""
    if section.kind != SectionKind.FIXED:
        return section
    ids = [question.pk for question in section.questions.all()]
    return SimpleNamespace(kind=section.kind, questions=Question.objects.filter(pk__in=ids))


def draw_preview(*, paper: ExamPaper) -> list[AttemptItem]:
    """One paper drawn from the draft, as a trainee would get it; nothing saved, no attempt made.

    Raises ``ExamError`` (in the user's language) when the paper cannot be drawn: a random section
    with too few eligible questions, or no questions at all.
    """
    return draw_items(pool=draft_pool(paper=paper))


__all__ = ["Eligible", "ExamError", "PaperTotals", "draw_preview", "paper_totals", "section_eligible"]
