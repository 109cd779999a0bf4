"""What the browser journeys share: a small curriculum built with the factories, served live.

Primary program 初级 → course 技术转移概论 with two short lessons (completed after a few seconds of
study) → an open cohort of the program, an approved final exam of two questions, and a rule that
issues the certificate automatically once the course is complete and the exam passed.
"""

from dataclasses import dataclass
from decimal import Decimal

import pytest

from cms.choices import Level
from tests.factories import certification as cert_factories
from tests.factories import cms as cms_factories
from tests.factories import courses as course_factories
from tests.factories import exams as exam_factories
from tests.factories import questions as question_factories

LESSON_TEXT = (
    "<p>技术转移是指技术从供给方向需求方转移的过程，包括技术许可、技术转让、技术服务与作价投资等方式。</p>"
    "<p>技术经理人在其中发现需求、评估价值、促成交易，并在合同履行中提供持续服务。</p>"
)


@dataclass
class Curriculum:
    home: object
    catalogue: object
    program: object
    course: object
    lessons: list
    cohort: object
    paper: object


@pytest.fixture
def curriculum(site, settings, private_storage) -> Curriculum:
    from wagtail.models import Site

    from cms import services as cms_services
    from cms.models import TrainingBaseSettings
    from courses.models import CourseRule
    from courses.questions.models import QuestionType

    # Links printed in certificates (and their QR codes) point at this live server.
    settings.TTA_PUBLIC_URL = site.url
    # A heartbeat a second, so a lesson is studied in a few seconds of real browsing.
    settings.HEARTBEAT_INTERVAL_SECONDS = 1

    cms_factories.ensure_page_tree()
    home = cms_factories.home_page()
    catalogue = cms_factories.catalogue_page(home)
    cms_services.editorial_setup(site_root=home, catalogue=catalogue)
    base = TrainingBaseSettings.for_site(Site.objects.get(is_default_site=True))
    base.accreditation_number = "GJJS-2026-017"
    base.save()

    program = cms_factories.program_page(home, title="初级技术经理人培训项目", level=Level.PRIMARY)
    course = cms_factories.course_page(
        catalogue,
        title="技术转移概论",
        summary="技术转移的概念、方式与技术经理人的角色。",
        learning_hours=Decimal("2"),
    )
    lessons = [
        cms_factories.lesson_page(
            course, title=title, estimated_minutes=1, body=[{"type": "rich_text", "value": LESSON_TEXT}]
        )
        for title in ("技术转移的基本概念", "技术转移的主要方式")
    ]
    # Hours are not required to complete the course; a lesson may be marked complete after 3 s of study.
    CourseRule.objects.create(course=course, hours_share_required=0, mark_complete_min_share=Decimal("0.05"))
    cohort = course_factories.cohort(
        program=program, title="2026年春季初级班", location="北京市海淀区学院路 1 号"
    )

    bank = question_factories.question_bank(name="技术转移概论题库")
    questions = [
        question_factories.question(bank, qtype=QuestionType.SINGLE_CHOICE),
        question_factories.question(bank, qtype=QuestionType.TRUE_FALSE, text="技术许可不转移专利权的归属。"),
    ]
    paper = exam_factories.paper(course=course, questions=questions, title="技术转移概论结业考试")
    cert_factories.rule(
        program=program, courses=[course], exams=[(course, None)], min_hours=0, auto_issue=True
    )
    return Curriculum(
        home=home,
        catalogue=catalogue,
        program=program,
        course=course,
        lessons=lessons,
        cohort=cohort,
        paper=paper,
    )
