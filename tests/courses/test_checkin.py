"""Offline sessions: a rotating QR code, attendance once, hours once."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from courses import selectors, services
from courses.models import Attendance, HoursEntry, HoursSource
from tests.factories import cms as cms_factories
from tests.factories import courses as factories


@pytest.fixture
def catalogue_pages(db):
    return cms_factories.catalogue_page(cms_factories.home_page())


@pytest.fixture
def course(catalogue_pages):
    return cms_factories.course_page(catalogue_pages, learning_hours=Decimal("8"))


@pytest.fixture
def cohort(course):
    return factories.cohort(course=course, location="北京 海淀 培训基地 301")


@pytest.fixture
def session(cohort, course):
    now = timezone.now()
    return services.offline_session_create(
        cohort=cohort,
        course=course,
        title="技术合同实务研讨",
        starts_at=now - timedelta(minutes=10),
        ends_at=now + timedelta(hours=3),
        hours=Decimal("3"),
        actor=factories.registrar(),
    )


@pytest.fixture
def trainee(cohort):
    return factories.enrolment(cohort=cohort).user


def test_session_defaults_to_the_cohorts_location_and_needs_a_registrar(session, cohort, course):
    assert session.location == "北京 海淀 培训基地 301"
    with pytest.raises(PermissionDenied):
        services.offline_session_create(
            cohort=cohort,
            course=course,
            title="x",
            starts_at=session.starts_at,
            ends_at=session.ends_at,
            hours=1,
            actor=factories.user(),
        )


def test_code_changes_every_minute_and_the_previous_one_is_accepted(session, settings):
    settings.CHECKIN_CODE_SECONDS = 60
    at = timezone.now()
    code = services.checkin_code(session=session, at=at)
    assert services.checkin_code_is_valid(session=session, code=code, at=at)
    assert services.checkin_code_is_valid(session=session, code=code, at=at + timedelta(seconds=60))
    assert not services.checkin_code_is_valid(session=session, code=code, at=at + timedelta(seconds=120))
    assert services.checkin_code(session=session, at=at + timedelta(seconds=60)) != code
    assert not services.checkin_code_is_valid(session=session, code="0" * 20, at=at)


def test_check_in_records_once_and_credits_hours_once(session, trainee):
    code = services.checkin_code(session=session)
    attendance, created = services.attendance_check_in(user=trainee, session=session, code=code)
    again, created_again = services.attendance_check_in(user=trainee, session=session, code=code)
    assert created and not created_again and again == attendance
    entries = HoursEntry.objects.filter(user=trainee)
    assert [(e.source, e.hours) for e in entries] == [(HoursSource.OFFLINE, Decimal("3"))]
    assert selectors.hours_total(user=trainee) == Decimal("3")


def test_expired_code_is_refused_in_chinese(session, trainee, settings):
    settings.CHECKIN_CODE_SECONDS = 60
    old = services.checkin_code(session=session, at=timezone.now() - timedelta(minutes=3))
    with pytest.raises(services.ProgressError) as error:
        services.attendance_check_in(user=trainee, session=session, code=old)
    assert "过期" in error.value.messages[0]
    assert not Attendance.objects.exists() and not HoursEntry.objects.exists()


def test_only_trainees_of_the_cohort_check_in(session):
    code = services.checkin_code(session=session)
    with pytest.raises(services.ProgressError):
        services.attendance_check_in(user=factories.user(), session=session, code=code)
    assert not Attendance.objects.exists()


def test_check_in_closed_after_the_session(session, trainee):
    later = session.ends_at + timedelta(minutes=5)
    code = services.checkin_code(session=session, at=later)
    with pytest.raises(services.ProgressError):
        services.attendance_check_in(user=trainee, session=session, code=code, at=later)


def test_staff_can_record_attendance_for_a_trainee(session, trainee):
    with pytest.raises(PermissionDenied):
        services.attendance_record_by_staff(user=trainee, session=session, actor=trainee)
    services.attendance_record_by_staff(user=trainee, session=session, actor=factories.instructor())
    assert Attendance.objects.get().method == "staff"


# --- Pages ----------------------------------------------------------------------------------


def test_scanning_and_confirming_on_the_phone(client, session, trainee):
    client.force_login(trainee)
    url = reverse("courses:checkin", args=[session.pk, services.checkin_code(session=session)])
    page = client.get(url)
    assert page.status_code == 200 and "技术合同实务研讨" in page.content.decode()
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert Attendance.objects.filter(user=trainee, session=session).exists()
    client.post(url)
    assert HoursEntry.objects.filter(user=trainee).count() == 1


def test_expired_code_page_shows_the_message_and_changes_nothing(client, session, trainee):
    client.force_login(trainee)
    old = services.checkin_code(session=session, at=timezone.now() - timedelta(minutes=5))
    response = client.post(reverse("courses:checkin", args=[session.pk, old]))
    assert response.status_code == 400
    assert "签到码已过期" in response.content.decode()
    assert not Attendance.objects.exists()


def test_expired_code_is_explained_before_the_button_is_pressed(client, session, trainee):
    client.force_login(trainee)
    old = services.checkin_code(session=session, at=timezone.now() - timedelta(minutes=5))
    html = client.get(reverse("courses:checkin", args=[session.pk, old])).content.decode()
    assert "签到码已过期" in html and "<button" not in html.split("</header>")[-1].split("</main>")[0]


def test_check_in_page_needs_login(client, session):
    url = reverse("courses:checkin", args=[session.pk, services.checkin_code(session=session)])
    response = client.get(url)
    assert response.status_code == 302


def test_qr_screen_is_for_staff_only(client, session, trainee):
    client.force_login(trainee)
    assert client.get(reverse("courses:checkin_screen", args=[session.pk])).status_code == 403
    assert client.get(reverse("courses:checkin_qr", args=[session.pk])).status_code == 403
    assert client.get(reverse("courses:checkin_sessions")).status_code == 403

    client.force_login(factories.registrar())
    screen = client.get(reverse("courses:checkin_screen", args=[session.pk]))
    assert screen.status_code == 200
    html = screen.content.decode()
    assert "<svg" in html and services.checkin_code(session=session) in html
    assert "<svg" in client.get(reverse("courses:checkin_qr", args=[session.pk])).content.decode()
    assert "技术合同实务研讨" in client.get(reverse("courses:checkin_sessions")).content.decode()


# --- Admin ----------------------------------------------------------------------------------


def test_registrars_schedule_sessions_in_the_admin_instructors_only_look(client, session, catalogue_pages):
    from cms.services import editorial_setup

    editorial_setup(site_root=catalogue_pages.get_parent(), catalogue=catalogue_pages)
    listing = reverse("wagtailsnippets_courses_offlinesession:list")
    add = reverse("wagtailsnippets_courses_offlinesession:add")

    client.force_login(factories.registrar())
    assert "技术合同实务研讨" in client.get(listing).content.decode()
    assert client.get(add).status_code == 200

    client.force_login(factories.instructor())
    assert client.get(listing).status_code == 200
    assert client.get(add).status_code in (302, 403)

    client.force_login(factories.user())
    assert client.get(listing).status_code in (302, 403)
