"""Assembling papers: the versions a published paper is approved with (``paper_pin_versions``), and
the draw of one attempt's questions from them (``paper_pool``, ``draw_items``), used at start and
when a sitting's papers are prepared ahead (``courses.exams.sittings``)."""

import random
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from core.guards import SYSTEM_ONLY, guarded
from courses.questions.models import QuestionVersion

from .. import presentation, selectors
from ..models import AttemptItem, ExamPaper, PaperSection, PinnedVersion, SectionKind
from .common import ExamError


@dataclass
class PaperPool:
    """What a paper's attempts are drawn from, read once: its sections with the versions they were
    approved with (``PinnedVersion``), and the versions read so far (read as draws need them)."""

    paper: ExamPaper
    sections: list[tuple[PaperSection, list[tuple[int, int]]]]  # (section, [(question id, version id)])
    versions: dict[int, QuestionVersion]

    def versions_of(self, ids: list[int]) -> list[QuestionVersion]:
        missing = [pk for pk in ids if pk not in self.versions]
        if missing:
            self.versions |= QuestionVersion.objects.in_bulk(missing)
        return [self.versions[pk] for pk in ids]


def paper_pool(*, paper: ExamPaper) -> PaperPool:
    """The paper's sections and approved versions: two queries, whatever the number of sections."""
    sections = list(PaperSection.objects.filter(paper_id=paper.pk).order_by("sort_order", "pk"))
    pins: dict[int, list[tuple[int, int]]] = {}
    rows = PinnedVersion.objects.filter(section__paper_id=paper.pk).values_list(
        "section_id", "question_id", "version_id"
    )
    for section_id, question_id, version_id in rows:
        pins.setdefault(section_id, []).append((question_id, version_id))
    # Each section's pins by question, as listed.
    listed = [(section, sorted(pins.get(section.pk, []))) for section in sections]
    return PaperPool(paper=paper, sections=listed, versions={})


def _draw(section: PaperSection, pinned: list[tuple[int, int]], rng: random.Random) -> list[int]:
    """The ids of the section's versions for one attempt, from the versions (and the pool) it was approved with."""
    if section.kind == SectionKind.FIXED:
        return [version_id for _question_id, version_id in pinned]
    if len(pinned) < section.draw_count:
        raise ExamError(
            _("Section “%(section)s” asks for %(wanted)d questions but its banks hold %(found)d.")
            % {"section": section, "wanted": section.draw_count, "found": len(pinned)},
            code="paper_incomplete",
        )
    return rng.sample([version_id for _question_id, version_id in pinned], section.draw_count)


def _option_values(version: QuestionVersion) -> dict[str, list[str]]:
    """Fresh opaque values for an item's options and prompts: random, distinct within the item.

    From the OS, not the attempt's shuffling generator: values the page shows must say nothing
    about that generator's state, and so nothing about the shuffles.
    """
    slots = presentation.value_slots(version)
    values: list[str] = []
    while len(values) < sum(slots.values()):
        value = secrets.token_urlsafe(6)
        if value not in values:
            values.append(value)
    taken = iter(values)
    return {kind: [next(taken) for _ in range(count)] for kind, count in slots.items()}


def draw_items(*, pool: PaperPool) -> list[AttemptItem]:
    """The paper's questions as one attempt gets them (drawn, shuffled); not saved, no attempt set.

    The one draw of every attempt: at start (``attempt_start``) and when a sitting's papers are
    prepared ahead (``sittings.sitting_assemble``). Reads only the versions it has not read yet.
    """
    paper = pool.paper
    # One generator per attempt, seeded from the OS: unpredictable like SystemRandom, without a
    # system call for every draw and shuffle (about a hundred per paper).
    rng = random.Random(secrets.randbits(128))
    items = []
    for section, pinned in pool.sections:
        versions = pool.versions_of(_draw(section, pinned, rng))
        if paper.shuffle_questions:
            rng.shuffle(versions)
        for version in versions:
            order = list(range(presentation.option_count(version)))
            if paper.shuffle_options:
                rng.shuffle(order)
            items.append(
                AttemptItem(
                    position=len(items) + 1,
                    section_title=section.title,
                    version=version,
                    option_order=order,
                    option_values=_option_values(version),
                    points=section.points_per_question,
                    needs_manual_grading=version.needs_manual_grading,
                )
            )
    if not items:
        raise ExamError(_("This paper has no questions."), code="paper_incomplete")
    return items


@guarded(SYSTEM_ONLY)
@transaction.atomic
def paper_pin_versions(*, paper: ExamPaper, actor) -> int:
    """Record the question versions (and random pools) the published ``paper`` was approved with.

    Called when a paper is published (a registrar's approval publishes it): from then on attempts
    draw only these versions, so an edit to a question, or a question added to a bank, reaches
    trainees only once the paper is approved again. Atomic and idempotent: the paper's earlier pins
    are replaced. Returns how many versions are pinned.
    """
    PinnedVersion.objects.filter(section__paper=paper).delete()
    pins = [
        PinnedVersion(section=section, question_id=question_id, version_id=version_id)
        for section in PaperSection.objects.filter(paper_id=paper.pk)
        for question_id, version_id in selectors.section_pool(section=section).items()
    ]
    PinnedVersion.objects.bulk_create(pins)
    return len(pins)
