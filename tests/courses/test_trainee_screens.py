"""The trainee's screens (issue 14, point 3): where sign-in lands, 我的报名 in the navigation, cancelling
an enrolment only after confirming it, a used check-in link, and the lesson page's timer and countdown."""

from datetime import timedelta
from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.models import CourseRule, EnrolmentStatus, LessonStudy
from tests.accounts.conftest import trainee_with_profile
from tests.factories import cms as cms_factories
from tests.factories import courses as factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(db):
    catalogue = cms_factories.catalogue_page(cms_factories.home_page())
    return cms_factories.course_page(catalogue, title="技术转移概论", learning_hours=Decimal("2"))


def _sign_in(client, user):
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return client.post("/accounts/login/", {"login": user.username, "password": "correct-horse-battery"})


def test_sign_in_lands_trainees_on_my_learning_and_staff_on_the_admin(client):
    trainee, _number = trainee_with_profile()
    assert _sign_in(client, trainee).url == "/dashboard/"
    client.logout()
    assert _sign_in(client, factories.instructor()).url == "/admin/"


def test_my_enrolments_is_in_the_navigation(client, course):
    enrolment = factories.enrolment(cohort=factories.cohort(course=course))
    client.force_login(enrolment.user)

    html = client.get(reverse("courses:dashboard")).content.decode()

    assert f'href="{reverse("courses:my_enrolments")}">我的报名</a>' in html


def test_cancelling_an_enrolment_asks_first_and_is_not_called_log_out(client, course):
    enrolment = factories.enrolment(cohort=factories.cohort(course=course, title="2026 春季班"))
    client.force_login(enrolment.user)
    url = reverse("courses:enrolment_withdraw", args=[enrolment.pk])

    listing = client.get(reverse("courses:my_enrolments")).content.decode()
    assert f'href="{url}">取消报名</a>' in listing
    assert "退出" not in listing

    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "确定取消“2026 春季班”的报名吗？" in confirm.content.decode()
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ENROLLED  # asking changes nothing

    response = client.post(url, {"reason": "工作调动"}, follow=True)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.WITHDRAWN
    assert "您已取消“2026 春季班”的报名。" in response.content.decode()


def test_another_trainee_cannot_open_the_confirmation(client, course):
    enrolment = factories.enrolment(cohort=factories.cohort(course=course))
    client.force_login(factories.user())

    assert client.get(reverse("courses:enrolment_withdraw", args=[enrolment.pk])).status_code == 404


def test_a_check_in_link_already_used_says_so(client, course, settings):
    cohort = factories.cohort(course=course)
    trainee = factories.enrolment(cohort=cohort).user
    now = timezone.now()
    session = services.offline_session_create(
        cohort=cohort,
        course=course,
        title="技术合同实务研讨",
        starts_at=now - timedelta(minutes=10),
        ends_at=now + timedelta(hours=3),
        hours=Decimal("3"),
        actor=factories.registrar(),
    )
    code = services.checkin_code(session=session)
    client.force_login(trainee)
    client.get(reverse("courses:checkin", args=[session.pk, code]))  # the scan gives the phone its device
    client.post(reverse("courses:checkin", args=[session.pk, code]))

    html = client.get(reverse("courses:checkin", args=[session.pk, code])).content.decode()

    assert "此签到链接已使用" in html
    assert "立即签到" not in html and "<form" not in html.split('id="main"')[1]


@pytest.mark.parametrize(("studied", "left", "clock"), [(120, 180, "3:00"), (299, 1, "0:01")])
def test_mark_complete_is_disabled_with_a_countdown_until_it_opens(client, course, studied, left, clock):
    lesson = cms_factories.lesson_page(course, title="技术转移的基本概念", estimated_minutes=10)
    CourseRule.objects.create(course=course, mark_complete_min_share=Decimal("0.5"))  # 300 s of study
    trainee = factories.enrolment(cohort=factories.cohort(course=course)).user
    LessonStudy.objects.create(user=trainee, lesson=lesson, active_seconds=studied)
    client.force_login(trainee)

    html = client.get(lesson.url).content.decode()

    assert f'data-seconds-left="{left}"' in html
    assert 'data-role="complete-button" disabled' in html
    assert f'<span class="clock" data-role="countdown">{clock}</span>' in html
    minutes, seconds = divmod(studied, 60)
    assert (
        f'本课节已计入的学习时间：<span class="clock" data-role="credited">{minutes}:{seconds:02d}</span>'
        in html
    )


def test_mark_complete_opens_once_the_rule_is_met(client, course):
    lesson = cms_factories.lesson_page(course, title="技术转移的基本概念", estimated_minutes=10)
    CourseRule.objects.create(course=course, mark_complete_min_share=Decimal("0.5"))
    trainee = factories.enrolment(cohort=factories.cohort(course=course)).user
    LessonStudy.objects.create(user=trainee, lesson=lesson, active_seconds=300)
    client.force_login(trainee)

    html = client.get(lesson.url).content.decode()

    assert 'data-seconds-left="0"' in html
    assert 'data-role="complete-button">' in html  # not disabled
    assert 'data-role="countdown"' not in html
