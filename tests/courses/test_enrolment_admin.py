"""Registrars manage cohorts in the Wagtail admin, with clear validation messages."""

import pytest

from cms import services as cms_services
from courses import services
from courses.models import Cohort, EnrolmentStatus
from tests.factories import courses as factories

ADD_URL = "/admin/snippets/courses/cohort/add/"


@pytest.fixture
def course(db):
    course = factories.published_course()
    catalogue = course.get_parent()
    # The content app's roles give registrars the admin; this app adds the cohort permissions.
    cms_services.editorial_setup(site_root=catalogue.get_parent(), catalogue=catalogue)
    return course


def _form(**fields):
    data = {
        "code": "P-2027-01",
        "title": "2027 春季班",
        "program": "",
        "course": "",
        "starts_on": "2027-03-01",
        "ends_on": "2027-06-30",
        "capacity": "30",
        "enrolment_mode": "open",
        "enrolment_opens_at": "",
        "enrolment_closes_at": "",
        "location": "",
    }
    data.update(fields)
    return data


def test_registrar_creates_a_cohort_and_gets_clear_messages_for_bad_input(client, course):
    client.force_login(factories.registrar())
    response = client.post(ADD_URL, _form(course=course.pk, ends_on="2027-01-01"))
    assert response.status_code == 200
    assert "结班日期不能早于开班日期" in response.content.decode()

    response = client.post(ADD_URL, _form())
    assert "请为班期选择一个培训项目或一门课程" in response.content.decode()
    assert not Cohort.objects.exists()

    response = client.post(ADD_URL, _form(course=course.pk))
    assert response.status_code == 302
    assert Cohort.objects.get().course_id == course.pk


def test_trainees_and_instructors_cannot_create_cohorts(client, course):
    client.force_login(factories.instructor())
    client.post(ADD_URL, _form(course=course.pk))
    client.force_login(factories.user())
    client.post(ADD_URL, _form(course=course.pk))
    assert not Cohort.objects.exists()


def test_raising_the_capacity_in_the_admin_promotes_the_waiting_list(client, course):
    cohort = factories.cohort(course=course, capacity=1)
    holder, waiting = factories.user(), factories.user()
    services.enrolment_create(user=holder, cohort=cohort)
    queued = services.enrolment_create(user=waiting, cohort=cohort)
    assert queued.status == EnrolmentStatus.WAITLISTED
    client.force_login(factories.registrar())
    response = client.post(
        f"/admin/snippets/courses/cohort/edit/{cohort.pk}/",
        _form(
            code=cohort.code,
            title=cohort.title,
            course=course.pk,
            starts_on=cohort.starts_on.isoformat(),
            ends_on=cohort.ends_on.isoformat(),
            capacity="2",
        ),
    )
    assert response.status_code == 302
    queued.refresh_from_db()
    assert queued.status == EnrolmentStatus.ENROLLED
