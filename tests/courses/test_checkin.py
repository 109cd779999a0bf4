"""Offline sessions: a rotating QR code, attendance once, hours once."""

import datetime
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from courses import selectors, services
from courses.models import AnomalyKind, Attendance, HoursEntry, HoursSource, ProgressAnomaly
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


def test_code_changes_every_half_minute_and_the_previous_one_is_accepted(session):
    at = timezone.now()
    code = services.checkin_code(session=session, at=at)
    assert services.checkin_code_is_valid(session=session, code=code, at=at)
    assert services.checkin_code_is_valid(session=session, code=code, at=at + timedelta(seconds=30))
    assert not services.checkin_code_is_valid(session=session, code=code, at=at + timedelta(seconds=60))
    assert services.checkin_code(session=session, at=at + timedelta(seconds=30)) != code
    assert not services.checkin_code_is_valid(session=session, code="0" * 20, at=at)


def test_check_in_records_once_and_credits_hours_once(session, trainee):
    code = services.checkin_code(session=session)
    attendance, created = services.attendance_check_in(user=trainee, session=session, code=code, device="d1")
    again, created_again = services.attendance_check_in(user=trainee, session=session, code=code, device="d1")
    assert created and not created_again and again == attendance
    entries = HoursEntry.objects.filter(user=trainee)
    assert [(e.source, e.hours) for e in entries] == [(HoursSource.OFFLINE, Decimal("3"))]
    assert selectors.hours_total(user=trainee) == Decimal("3")


def test_expired_code_is_refused_in_chinese(session, trainee, settings):
    settings.CHECKIN_CODE_SECONDS = 60
    old = services.checkin_code(session=session, at=timezone.now() - timedelta(minutes=3))
    with pytest.raises(services.ProgressError) as error:
        services.attendance_check_in(user=trainee, session=session, code=old, device="d1")
    assert "过期" in error.value.messages[0]
    assert not Attendance.objects.exists() and not HoursEntry.objects.exists()


def test_only_trainees_of_the_cohort_check_in(session):
    code = services.checkin_code(session=session)
    with pytest.raises(services.ProgressError):
        services.attendance_check_in(user=factories.user(), session=session, code=code, device="d1")
    assert not Attendance.objects.exists()


def test_check_in_closed_after_the_session(session, trainee):
    later = session.ends_at + timedelta(minutes=5)
    code = services.checkin_code(session=session, at=later)
    with pytest.raises(services.ProgressError):
        services.attendance_check_in(user=trainee, session=session, code=code, device="d1", at=later)


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


# --- Binding a check-in to the room (issue 11, finding 5) -----------------------------------------


def _window_start(seconds=30):
    """A moment 20 s into a code window, so codes of other moments fall in known windows."""
    now = int(timezone.now().timestamp())
    return datetime.datetime.fromtimestamp(now - now % 60 - 60 + 20, tz=datetime.UTC)


def test_a_code_forwarded_a_minute_later_is_refused_and_flagged(session, trainee):
    at = _window_start()
    # Photographed from the screen and sent to a classmate who opens it 65 s later: two windows on.
    forwarded = services.checkin_code(session=session, at=at)
    with pytest.raises(services.ProgressError) as error:
        services.attendance_check_in(
            user=trainee, session=session, code=forwarded, device="phone-b", at=at + timedelta(seconds=65)
        )
    assert "过期" in error.value.messages[0]
    assert not Attendance.objects.exists() and not HoursEntry.objects.exists()
    flag = ProgressAnomaly.objects.get(user=trainee)
    assert (flag.kind, flag.session, flag.count) == (AnomalyKind.CHECKIN_STALE_CODE, session, 1)


def test_one_phone_checks_in_one_trainee_per_session(session, cohort, trainee):
    classmate = factories.enrolment(cohort=cohort).user
    code = services.checkin_code(session=session)
    services.attendance_check_in(user=trainee, session=session, code=code, device="phone-a")
    # The trainee in the room signs in as an absent classmate on the same phone: refused and flagged.
    with pytest.raises(services.ProgressError) as error:
        services.attendance_check_in(user=classmate, session=session, code=code, device="phone-a")
    assert "另一名学员" in error.value.messages[0]
    assert list(Attendance.objects.values_list("user", flat=True)) == [trainee.pk]
    assert ProgressAnomaly.objects.get(user=classmate).kind == AnomalyKind.CHECKIN_SHARED_DEVICE
    # On their own phone the classmate checks in; the same trainee again on the first phone is fine.
    services.attendance_check_in(user=classmate, session=session, code=code, device="phone-b")
    assert not services.attendance_check_in(user=trainee, session=session, code=code, device="phone-a")[1]


def test_a_check_in_without_a_device_is_refused(session, trainee):
    with pytest.raises(services.ProgressError):
        services.attendance_check_in(
            user=trainee, session=session, code=services.checkin_code(session=session), device=""
        )
    assert not Attendance.objects.exists()


def test_each_session_has_its_own_codes(session, cohort, course):
    twin = services.offline_session_create(
        cohort=cohort,
        course=course,
        title="同一时间的另一场",
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        hours=Decimal("1"),
        actor=factories.registrar(),
    )
    assert twin.checkin_secret != session.checkin_secret
    at = timezone.now()
    code = services.checkin_code(session=session, at=at)
    assert not services.checkin_code_is_valid(session=twin, code=code, at=at)
    session.checkin_secret = "changed"
    assert not services.checkin_code_is_valid(session=session, code=code, at=at)


def test_scanning_gives_the_phone_its_device_and_the_check_in_is_bound_to_it(
    client, session, cohort, trainee
):
    from django.test import Client

    url = reverse("courses:checkin", args=[session.pk, services.checkin_code(session=session)])
    # A link opened with a bare POST (no scan, no device cookie) is refused.
    client.force_login(trainee)
    response = client.post(url)
    assert response.status_code == 400 and "Cookie" in response.content.decode()
    assert not Attendance.objects.exists()
    # Scanning (the GET) sets the device cookie; then the check-in goes through on that device.
    client.get(url)
    assert "tta_checkin_device" in client.cookies
    client.post(url)
    attendance = Attendance.objects.get(user=trainee)
    assert attendance.device and attendance.method == "qr"
    # A classmate signed in on that same phone (same cookies) cannot check in.
    classmate = factories.enrolment(cohort=cohort).user
    phone = Client()
    phone.cookies = client.cookies
    phone.force_login(classmate)
    response = phone.post(url)
    assert response.status_code == 400
    assert not Attendance.objects.filter(user=classmate).exists()


def test_the_screen_lists_who_has_checked_in(client, session, trainee):
    trainee.first_name, trainee.last_name = "华", "李"
    trainee.save()
    services.attendance_check_in(
        user=trainee, session=session, code=services.checkin_code(session=session), device="phone-a"
    )
    from courses.exams.models import CourseGrader

    teacher = factories.instructor()  # the cohort's instructor: the screen is its staff's
    CourseGrader.objects.create(course=session.course, user=teacher)
    client.force_login(teacher)
    html = client.get(reverse("courses:checkin_screen", args=[session.pk])).content.decode()
    assert "已签到：1" in html and trainee.get_full_name() in html and "30 秒" in html
    live = client.get(reverse("courses:checkin_qr", args=[session.pk])).content.decode()
    assert "<svg" in live and trainee.get_full_name() in live


def test_a_used_link_reopened_after_the_code_rotated_says_checked_in_and_flags_nothing(
    client, session, trainee
):
    """Review of issue 14: re-submitting one's own used link is not a stale-code anomaly."""
    at = _window_start()
    code = services.checkin_code(session=session, at=at)
    services.attendance_check_in(user=trainee, session=session, code=code, device="phone-a", at=at)
    attendance, created = services.attendance_check_in(
        user=trainee, session=session, code=code, device="phone-a", at=at + timedelta(minutes=5)
    )
    assert not created and attendance.user == trainee
    client.force_login(trainee)
    response = client.post(reverse("courses:checkin", args=[session.pk, code]), follow=True)
    assert response.status_code == 200 and "已签到" in response.content.decode()
    assert not ProgressAnomaly.objects.exists()
    assert HoursEntry.objects.filter(user=trainee).count() == 1
