"""What the defence, eligibility, records and reviewer-load tests share: an advanced program with its
defence course and cohort, a published assignment with a report rubric and a defence rubric, a
panel (two members and a chair), trainees with submitted reports, a registrar.

Submissions are written directly in the state a test needs (the review workflow has its own tests).
"""

import datetime
import itertools
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from cms.choices import Level
from courses.accounts.models import TraineeProfile
from courses.practice.models import DefenceCriterion, Submission, SubmissionState, SubmissionVersion
from tests.factories import cms as cms_factories
from tests.factories import courses as course_factories
from tests.factories import practice as practice_factories

_codes = itertools.count(1)
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


@dataclass
class DefenceWorld:
    program: object
    course: object
    cohort: object
    assignment: object
    panel: object
    members: list
    chair: object
    registrar: object
    trainees: list


def build(*, trainees: int = 3, defence_required: bool = True) -> DefenceWorld:
    cms_factories.ensure_page_tree()
    home = cms_factories.home_page()
    catalogue = cms_factories.catalogue_page(home)
    program = cms_factories.program_page(home, level=Level.ADVANCED, required_hours=Decimal("0"))
    course = cms_factories.course_page(
        catalogue, title="高级实务项目与答辩", level=Level.ADVANCED, code="A-08"
    )
    cohort = course_factories.cohort(course=course)
    members = [
        practice_factories.reviewer(organisation="丙研究院"),
        practice_factories.reviewer(external=True),
    ]
    chair = course_factories.instructor(username=f"chair{next(_codes)}")
    panel = practice_factories.panel(chair=chair, members=members)
    assignment = practice_factories.assignment(course=course, panel=panel, defence_required=defence_required)
    for order, (name, name_en, points) in enumerate(
        (("陈述", "Presentation", "40"), ("答辩", "Answers", "60"))
    ):
        DefenceCriterion.objects.create(
            assignment=assignment, sort_order=order, name=name, name_en=name_en, max_points=Decimal(points)
        )
    people = []
    for n in range(trainees):
        trainee = course_factories.user(username=f"adv{next(_codes)}")
        TraineeProfile.objects.create(
            user=trainee, real_name=f"欧阳学员{n}", organisation="甲大学技术转移中心"
        )
        course_factories.enrolment(cohort=cohort, user=trainee)
        people.append(trainee)
    return DefenceWorld(
        program=program,
        course=course,
        cohort=cohort,
        assignment=assignment,
        panel=panel,
        members=members,
        chair=chair,
        registrar=course_factories.registrar(),
        trainees=people,
    )


def submission(
    assignment, trainee, *, state=SubmissionState.RECONCILED, score="78", passed=True, released=False
):
    """A submitted report (one frozen version) in ``state`` with its reconciled score."""
    number = next(_codes)
    code = "P-" + "".join(ALPHABET[(number * k) % len(ALPHABET)] for k in (1, 3, 7, 11))
    made = Submission.objects.create(
        assignment=assignment,
        trainee=trainee,
        code=code,
        state=SubmissionState.RELEASED if released else state,
        final_score=Decimal(score) if score is not None else None,
        max_score=Decimal("100"),
        passed=passed,
        final_criteria=[
            {"criterion": 0, "name": "问题分析", "name_en": "Analysis", "max_points": "100", "points": score}
        ]
        if score is not None
        else [],
        released_at=timezone.now() if released else None,
    )
    SubmissionVersion.objects.create(
        submission=made,
        number=1,
        submitted_at=timezone.now() - datetime.timedelta(days=3),
        file=ContentFile(b"%PDF-1.4 report", name="report.pdf"),
        original_name="report.pdf",
        kind="pdf",
        content_type="application/pdf",
        size=15,
        sha256="0" * 64,
        word_count=9000,
        declaration_text="本人郑重声明",
        declaration_signed_at=timezone.now(),
    )
    return made


def score_defence(slot, member, *, share: str = "0.8"):
    """``member`` scores every criterion of the defence in ``slot`` at ``share`` of its points."""
    from courses.practice import defence

    for criterion in slot.session.assignment.defence_criteria.all():
        points = (criterion.max_points * Decimal(share)).quantize(Decimal("0.01"))
        defence.defence_score_save(slot=slot, member=member, criterion_id=criterion.pk, points=points)
