"""Lesson content is for enrolled trainees and staff; everyone else is invited to enrol."""

import pytest
from django.contrib.auth import get_user_model

from courses import services
from courses.models import Enrolment, EnrolmentMode, EnrolmentStatus
from tests.factories import cms as cms_factories
from tests.factories import courses as factories

SECRET = "只有学员才能看到的课节正文"


@pytest.fixture
def course(db):
    return factories.published_course(title="技术合同签订与认定登记")


@pytest.fixture
def lesson(course):
    return cms_factories.lesson_page(
        course, title="合同认定登记流程", body=[{"type": "rich_text", "value": f"<p>{SECRET}</p>"}]
    )


def test_anonymous_visitor_gets_the_locked_page_with_the_cohorts_to_enrol_in(client, course, lesson):
    factories.cohort(course=course, title="2026年春季班")
    response = client.get(lesson.url)
    html = response.content.decode()
    assert response.status_code == 403
    assert SECRET not in html
    assert lesson.title in html
    assert "2026年春季班" in html
    assert course.url in html


def test_course_page_and_syllabus_stay_public_with_a_call_to_enrol(client, course, lesson):
    factories.cohort(course=course, title="2026年春季班")
    factories.cohort(course=course, title="邀请制班", enrolment_mode=EnrolmentMode.INVITATION)
    client.force_login(factories.user())
    html = client.get(course.url).content.decode()
    assert lesson.title in html
    assert "2026年春季班" in html
    assert "邀请制班" not in html  # only invitees join those
    assert 'action="/learning/cohorts/' in html


@pytest.mark.parametrize("status", [S for S in EnrolmentStatus if S not in ("enrolled", "completed")])
def test_a_trainee_without_a_place_is_locked_out(client, course, lesson, status):
    trainee = factories.user()
    factories.enrolment(cohort=factories.cohort(course=course), user=trainee, status=status)
    client.force_login(trainee)
    response = client.get(lesson.url)
    assert response.status_code == 403
    assert SECRET not in response.content.decode()


def test_an_enrolled_trainee_reads_the_lesson(client, course, lesson):
    trainee = factories.user()
    services.enrolment_create(user=trainee, cohort=factories.cohort(course=course))
    client.force_login(trainee)
    response = client.get(lesson.url)
    assert response.status_code == 200
    assert SECRET in response.content.decode()


def test_enrolment_in_another_course_gives_no_access(client, course, lesson):
    other = cms_factories.course_page(course.get_parent().specific)
    trainee = factories.user()
    services.enrolment_create(user=trainee, cohort=factories.cohort(course=other))
    client.force_login(trainee)
    assert client.get(lesson.url).status_code == 403


@pytest.mark.parametrize("make", [factories.instructor, factories.registrar], ids=["instructor", "registrar"])
def test_staff_read_every_lesson(client, lesson, make):
    client.force_login(make())
    response = client.get(lesson.url)
    assert response.status_code == 200
    assert SECRET in response.content.decode()


def test_superuser_reads_every_lesson(client, lesson):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.com", "pw-xyz-123"))
    assert client.get(lesson.url).status_code == 200


def test_enrolling_from_the_course_page(client, course, lesson):
    cohort = factories.cohort(course=course, capacity=1)
    trainee = factories.user()
    client.force_login(trainee)
    response = client.post(f"/learning/cohorts/{cohort.pk}/enrol/", {"next": course.url}, follow=True)
    assert response.redirect_chain[-1][0] == course.url
    assert Enrolment.objects.get(user=trainee).status == EnrolmentStatus.ENROLLED
    assert client.get(lesson.url).status_code == 200

    # The cohort is now full: the next trainee is told they are on the waiting list.
    late = factories.user()
    client.force_login(late)
    client.post(f"/learning/cohorts/{cohort.pk}/enrol/", {"next": "https://evil.example/"})
    assert Enrolment.objects.get(user=late).status == EnrolmentStatus.WAITLISTED
    html = client.get("/learning/enrolments/").content.decode()
    assert cohort.title in html


def test_enrolling_requires_login_and_post(client, course):
    cohort = factories.cohort(course=course)
    assert client.post(f"/learning/cohorts/{cohort.pk}/enrol/").status_code == 302
    assert not Enrolment.objects.exists()
    client.force_login(factories.user())
    assert client.get(f"/learning/cohorts/{cohort.pk}/enrol/").status_code == 405


def test_a_closed_window_is_explained_and_changes_nothing(client, course):
    import datetime

    from django.utils import timezone

    cohort = factories.cohort(course=course, enrolment_closes_at=timezone.now() - datetime.timedelta(days=1))
    client.force_login(factories.user())
    response = client.post(f"/learning/cohorts/{cohort.pk}/enrol/", follow=True)
    assert response.status_code == 200
    assert not Enrolment.objects.exists()


def test_a_trainee_cannot_touch_or_see_another_trainees_enrolment(client, course):
    cohort = factories.cohort(course=course, title="甲班")
    owner, other = factories.user(first_name="张三"), factories.user()
    enrolment = services.enrolment_create(user=owner, cohort=cohort)
    client.force_login(other)
    assert client.post(f"/learning/enrolments/{enrolment.pk}/withdraw/").status_code == 404
    assert client.post(f"/learning/enrolments/{enrolment.pk}/accept/").status_code == 404
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ENROLLED
    assert "甲班" not in client.get("/learning/enrolments/").content.decode()
    # Nor the staff area, where rosters show everyone's progress.
    for url in (
        f"/staff/cohorts/{cohort.pk}/",
        f"/staff/cohorts/{cohort.pk}/roster.xlsx",
        "/staff/cohorts/",
        f"/staff/cohorts/{cohort.pk}/import/",
        f"/staff/cohorts/{cohort.pk}/enrolments/{enrolment.pk}/hours/",
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "张三" not in response.content.decode()
