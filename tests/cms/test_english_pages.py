"""English that is English (issue 14, point 6): records that are not pages carry English twins of their
visible text, English pages use them (falling back to the Chinese text), and link to English pages."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from cms.localized import localized
from cms.models import TrainingBaseSettings
from courses.models import LessonCompletion
from tests.factories import cms as cms_factories
from tests.factories import courses as factories

pytestmark = pytest.mark.django_db


def _translated(page):
    english = page.copy_for_translation(cms_factories.english_locale(), copy_parents=True)
    english.title = f"EN {page.title}"
    english.save_revision().publish()
    return english


def test_the_english_dashboard_shows_english_titles_and_links_to_english_lessons(client):
    catalogue = cms_factories.catalogue_page(cms_factories.home_page())
    course = cms_factories.course_page(catalogue, title="技术转移概论", learning_hours=Decimal("2"))
    first = cms_factories.lesson_page(course, title="基本概念")
    second = cms_factories.lesson_page(course, title="主要方式")
    english_course = _translated(course)
    _translated(first)
    english_second = _translated(second)
    cohort = factories.cohort(course=course, title="2026年春季班", title_en="Spring 2026 cohort")
    trainee = factories.enrolment(cohort=cohort).user
    LessonCompletion.objects.create(user=trainee, lesson=first)
    client.force_login(trainee)

    html = client.get("/en" + reverse("courses:dashboard")).content.decode()

    assert "Spring 2026 cohort" in html and "2026年春季班" not in html
    assert f'href="{english_second.url}"' in html and f'href="{second.url}"' not in html
    assert "EN 技术转移概论" in html
    assert english_course.url.startswith("/en/")


def test_english_pages_fall_back_to_the_chinese_text():
    record = type(
        "Paper", (), {"title": "结业考试", "title_en": "Final exam", "location": "北京", "location_en": ""}
    )()
    with translation.override("en"):
        assert localized(record, "title") == "Final exam"
        assert localized(record, "location") == "北京"  # no English given: the Chinese, never nothing
    with translation.override("zh-hans"):
        assert localized(record, "title") == "结业考试"


def test_the_footer_gives_the_training_base_address_in_english(client):
    home = cms_factories.home_page()
    base = TrainingBaseSettings.for_site(Site.objects.get(is_default_site=True))
    base.address = "北京市海淀区学院路 1 号"
    base.address_en = "1 Xueyuan Road, Haidian District, Beijing"
    base.save()

    assert "北京市海淀区学院路 1 号" in client.get(home.url).content.decode()
    english = client.get("/en/verify/").content.decode()
    assert "1 Xueyuan Road, Haidian District, Beijing" in english
    assert "北京市海淀区学院路" not in english
