"""The demo's Advanced (高级) program: its courses across the four modules with real bilingual lessons,
the catalogue's 高级 filter, and a certification rule that requires the practical assessment."""

import pytest
from django.db import transaction
from wagtail.models import Locale

from certification.demo import load_demo_certificates
from certification.eligibility import eligibility_for
from certification.models import CertificateRule
from cms.choices import Level, Module
from cms.demo.curriculum_advanced import COURSES
from cms.demo.loader import load_demo
from cms.models import CourseIndexPage, CoursePage, LessonPage, ProgramPage
from tests.factories import courses as course_factories


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield load_demo()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(demo_once, db):
    return demo_once


def test_the_advanced_program_and_its_courses_span_the_four_modules(demo):
    zh, en = Locale.get_default(), Locale.objects.get(language_code="en")
    program = ProgramPage.objects.get(level=Level.ADVANCED, locale=zh)
    assert program.title == "高级技术经理人培训项目" and program.required_hours > 0
    assert program.get_translation(en).title == "Advanced Technology Manager Program"
    courses = CoursePage.objects.live().filter(level=Level.ADVANCED, locale=zh)
    assert courses.count() == len(COURSES) == 8
    assert set(courses.values_list("module", flat=True)) == set(Module.values)
    assert sum(c.learning_hours for c in courses) >= program.required_hours
    assert courses.get(code="A-08").title == "高级实务项目与答辩"
    for course in courses:
        lessons = LessonPage.objects.live().child_of(course)
        assert lessons.count() == 3, course.title
        for lesson in lessons:
            for page in (lesson, lesson.get_translation(en)):
                text = " ".join(str(block.value) for block in page.body)
                assert len(text) > 300 and "lorem" not in text.lower(), page.title
            assert lesson.get_translation(en).title != lesson.title


def test_the_catalogue_offers_the_advanced_filter(demo, client):
    catalogue = CourseIndexPage.objects.get(locale=Locale.get_default())
    html = client.get(catalogue.url).content.decode()
    assert 'value="advanced"' in html
    filtered = client.get(catalogue.url + "?level=advanced").content.decode()
    assert "技术转移战略与机构管理" in filtered and "技术转移概论" not in filtered


def test_the_advanced_rule_requires_the_practical_assessment(demo):
    load_demo_certificates()
    program = ProgramPage.objects.get(level=Level.ADVANCED, locale=Locale.get_default())
    rule = CertificateRule.objects.get(program=program)
    assert rule.requires_practical
    trainee = course_factories.user()
    result = eligibility_for(user=trainee, program=program)
    practical = next(c for c in result.criteria if c.key == "practical")
    assert not practical.met and not result.eligible
