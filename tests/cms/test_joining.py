"""Joining is obvious (issue 14, point 7): the home page offers the cohorts open for application with
their dates, places left and fee, and the four steps to join; a favicon and a skip link; the catalogue
offers only levels that have courses."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from cms.choices import Level
from courses.models import EnrolmentMode
from tests.factories import cms as cms_factories
from tests.factories import courses as factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(db):
    return cms_factories.home_page()


@pytest.fixture
def catalogue(home):
    return cms_factories.catalogue_page(home)


def test_the_home_page_offers_upcoming_cohorts_and_how_to_join(client, home, catalogue):
    course = cms_factories.course_page(catalogue, title="技术转移概论", level=Level.PRIMARY)
    today = timezone.localdate()
    offered = factories.cohort(
        course=course,
        title="2026年春季初级班",
        capacity=30,
        fee=Decimal("1800"),
        location="北京市海淀区学院路 1 号",
        starts_on=today + timedelta(days=10),
        ends_on=today + timedelta(days=40),
    )
    for _ in range(3):
        factories.enrolment(cohort=offered)
    factories.cohort(course=course, title="受邀专班", enrolment_mode=EnrolmentMode.INVITATION)
    factories.cohort(
        course=course,
        title="已结束班期",
        starts_on=today - timedelta(days=30),
        ends_on=today - timedelta(days=1),
    )

    html = client.get(home.url).content.decode()

    offer = html.split('id="upcoming-cohorts"')[1].split('id="how-to-join"')[0]
    assert "2026年春季初级班" in offer
    assert f"{offered.starts_on:%Y-%m-%d} – {offered.ends_on:%Y-%m-%d}" in offer
    assert "27 个（共 30 个）" in offer  # places left of the capacity
    assert "¥1800" in offer
    assert "北京市海淀区学院路 1 号" in offer
    assert f'href="{course.url}#enrol"' in offer
    assert "受邀专班" not in html and "已结束班期" not in html
    steps = html.split('id="how-to-join"')[1]
    for step in ("注册", "验证邮箱", "报名班期", "审核"):
        assert step in steps


def test_every_page_has_a_favicon_and_a_skip_link(client, home):
    html = client.get(home.url).content.decode()

    assert '<link rel="icon" href="/static/cms/favicon.svg"' in html
    assert '<a class="skip-link" href="#main">跳到正文</a>' in html
    assert 'id="main"' in html


def test_the_catalogue_offers_only_levels_that_have_courses(client, catalogue):
    cms_factories.course_page(catalogue, title="技术转移概论", level=Level.PRIMARY)

    html = client.get(catalogue.url).content.decode()
    assert 'value="primary"' in html
    assert 'value="advanced"' not in html

    cms_factories.course_page(catalogue, title="技术转移战略与机构管理", level=Level.ADVANCED)
    assert 'value="advanced"' in client.get(catalogue.url).content.decode()
