"""The staff roster: progress and hours per trainee, sorting, filtering, export, decisions, hours."""

import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook

from courses.models import (
    Enrolment,
    EnrolmentEvent,
    EnrolmentMode,
    EnrolmentStatus,
    HoursEntry,
    LessonCompletion,
)
from tests.factories import cms as cms_factories
from tests.factories import courses as factories

User = get_user_model()


@pytest.fixture
def course(db):
    course = factories.published_course(title="技术评价基础", learning_hours=Decimal("8"))
    course.required_lessons = [cms_factories.lesson_page(course) for _ in range(4)]
    cms_factories.lesson_page(course, required=False)
    return course


@pytest.fixture
def cohort(course):
    return factories.cohort(course=course, capacity=1000, title="2026春季班")


def _bulk_trainees(cohort, course, count: int, *, prefix: str):
    users = User.objects.bulk_create(
        [
            User(username=f"{prefix}{n:04d}", first_name=f"学员{n}", email=f"{prefix}{n}@example.com")
            for n in range(count)
        ]
    )
    Enrolment.objects.bulk_create(
        [Enrolment(user=u, cohort=cohort, status=EnrolmentStatus.ENROLLED) for u in users]
    )
    lessons = course.required_lessons
    LessonCompletion.objects.bulk_create(
        [LessonCompletion(user=u, lesson=lessons[j]) for i, u in enumerate(users) for j in range(i % 5)]
    )
    HoursEntry.objects.bulk_create(
        [
            HoursEntry(user=u, course=course, source="online", hours=Decimal(i % 7))
            for i, u in enumerate(users)
        ]
    )
    return users


def _teacher(course):
    """An instructor who teaches ``course`` (a ``CourseGrader`` of it): its cohorts' rosters are theirs."""
    from courses.exams.models import CourseGrader

    user = factories.instructor()
    CourseGrader.objects.create(course=course, user=user)
    return user


def _count_queries(client, url, django_assert_max_num_queries) -> int:
    # 21: one more than before the courses' own hours (their source pages') were read, once a page;
    # 23 since instructors have the admin (core.roles): Wagtail's userbar on the page reads their
    # admin profile (twice). Whatever the number, 5 and 500 trainees must take the same (below).
    with django_assert_max_num_queries(23) as captured:
        response = client.get(url)
        assert response.status_code == 200
    return len(captured)


def test_roster_of_500_trainees_runs_the_same_few_queries_as_of_5(
    client, course, django_assert_max_num_queries
):
    small, large = (
        factories.cohort(course=course, capacity=1000),
        factories.cohort(course=course, capacity=1000),
    )
    _bulk_trainees(small, course, 5, prefix="s")
    _bulk_trainees(large, course, 500, prefix="l")
    client.force_login(_teacher(course))
    client.get(f"/staff/cohorts/{small.pk}/")  # warm the site and settings caches, as users see it
    for sort in ("name", "-progress", "-hours"):
        few = _count_queries(client, f"/staff/cohorts/{small.pk}/?sort={sort}", django_assert_max_num_queries)
        many = _count_queries(
            client, f"/staff/cohorts/{large.pk}/?sort={sort}", django_assert_max_num_queries
        )
        assert few == many, sort
    export_few = _count_queries(
        client, f"/staff/cohorts/{small.pk}/roster.xlsx", django_assert_max_num_queries
    )
    export_many = _count_queries(
        client, f"/staff/cohorts/{large.pk}/roster.xlsx", django_assert_max_num_queries
    )
    assert export_few == export_many


def test_roster_shows_progress_and_hours_sorted_and_filtered(client, course, cohort):
    users = _bulk_trainees(cohort, course, 6, prefix="t")
    # t0004: 4 of 4 required lessons, 4 hours; t0005: 0 lessons, 5 hours.
    factories.enrolment(
        cohort=cohort, user=factories.user(username="waiting1"), status=EnrolmentStatus.WAITLISTED
    )
    client.force_login(_teacher(course))

    html = client.get(f"/staff/cohorts/{cohort.pk}/?sort=-progress").content.decode()
    assert html.index("t0004") < html.index("t0003") < html.index("t0000")
    assert "100%" in html and "75%" in html

    html = client.get(f"/staff/cohorts/{cohort.pk}/?sort=-hours").content.decode()
    assert html.index("t0005") < html.index("t0004")

    html = client.get(f"/staff/cohorts/{cohort.pk}/?status=waitlisted").content.decode()
    assert "waiting1" in html and "t0001" not in html

    html = client.get(f"/staff/cohorts/{cohort.pk}/?q=学员3").content.decode()
    assert "t0003" in html and "t0002" not in html

    # Bad filter input is ignored, never an error.
    assert client.get(f"/staff/cohorts/{cohort.pk}/?status=nonsense&page=abc&sort=drop").status_code == 200
    assert users


def test_roster_export_to_excel(client, course, cohort):
    _bulk_trainees(cohort, course, 3, prefix="x")
    client.force_login(factories.registrar())
    response = client.get(f"/staff/cohorts/{cohort.pk}/roster.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) == 4
    by_user = {row[0]: row for row in rows[1:]}
    # Required lessons, courses completed, progress and hours credited, as standing defines them.
    from courses.selectors import course_progress

    standing = course_progress(user=get_user_model().objects.get(username="x0002"), course=course)
    assert by_user["x0002"][4] == "2/4" and by_user["x0002"][5] == "0/1"
    assert by_user["x0002"][6] == standing.percent and by_user["x0002"][7] == float(standing.hours) == 2.0


def test_registrar_approves_and_rejects_from_the_roster(client, course):
    cohort = factories.cohort(course=course, enrolment_mode=EnrolmentMode.APPROVAL)
    first = factories.enrolment(cohort=cohort, status=EnrolmentStatus.PENDING)
    second = factories.enrolment(cohort=cohort, status=EnrolmentStatus.PENDING)
    registrar = factories.registrar()
    client.force_login(registrar)
    url = f"/staff/cohorts/{cohort.pk}/enrolments/%d/decide/"
    client.post(url % first.pk, {"action": "approve"})
    client.post(url % second.pk, {"action": "reject", "reason": ""})  # no reason: refused, nothing changes
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (EnrolmentStatus.ENROLLED, EnrolmentStatus.PENDING)
    client.post(url % second.pk, {"action": "reject", "reason": "名额已满"})
    second.refresh_from_db()
    assert second.status == EnrolmentStatus.REJECTED
    assert EnrolmentEvent.objects.filter(enrolment=second, actor=registrar, reason="名额已满").exists()


def test_instructors_see_rosters_but_cannot_decide(client, course, cohort):
    pending = factories.enrolment(cohort=cohort, status=EnrolmentStatus.PENDING)
    client.force_login(_teacher(course))
    assert client.get(f"/staff/cohorts/{cohort.pk}/").status_code == 200
    response = client.post(
        f"/staff/cohorts/{cohort.pk}/enrolments/{pending.pk}/decide/", {"action": "approve"}
    )
    assert response.status_code == 403
    pending.refresh_from_db()
    assert pending.status == EnrolmentStatus.PENDING


def test_enrolment_of_another_cohort_cannot_be_reached_through_this_one(client, course, cohort):
    other = factories.enrolment(cohort=factories.cohort(course=course), status=EnrolmentStatus.PENDING)
    client.force_login(factories.registrar())
    response = client.post(f"/staff/cohorts/{cohort.pk}/enrolments/{other.pk}/decide/", {"action": "approve"})
    assert response.status_code == 404


def test_manual_hours_need_a_reason_and_are_audited(client, course, cohort):
    trainee_enrolment = factories.enrolment(cohort=cohort)
    registrar = factories.registrar()
    client.force_login(registrar)
    url = f"/staff/cohorts/{cohort.pk}/enrolments/{trainee_enrolment.pk}/hours/"
    response = client.post(url, {"course": course.pk, "hours": "2", "reason": "  "})
    assert response.status_code == 200
    assert not HoursEntry.objects.exists()
    response = client.post(url, {"course": course.pk, "hours": "2.5", "reason": "线下补课，已签到"})
    assert response.status_code == 302
    entry = HoursEntry.objects.get()
    assert (entry.source, entry.hours, entry.created_by, entry.reason, entry.cohort) == (
        "manual",
        Decimal("2.5"),
        registrar,
        "线下补课，已签到",
        cohort,
    )
    html = client.get(f"/staff/cohorts/{cohort.pk}/").content.decode()
    assert "2.5" in html


def test_registrar_invites_by_username_or_email(client, course):
    cohort = factories.cohort(course=course, enrolment_mode=EnrolmentMode.INVITATION)
    guest = factories.user(username="guest1", email="guest1@example.com")
    client.force_login(factories.registrar())
    client.post(f"/staff/cohorts/{cohort.pk}/invite/", {"identifier": "GUEST1@example.com"})
    assert Enrolment.objects.get(user=guest).status == EnrolmentStatus.INVITED
    client.post(f"/staff/cohorts/{cohort.pk}/invite/", {"identifier": "nobody"})
    assert Enrolment.objects.count() == 1
    client.force_login(guest)
    client.post(f"/learning/enrolments/{Enrolment.objects.get().pk}/accept/")
    assert Enrolment.objects.get(user=guest).status == EnrolmentStatus.ENROLLED


def test_roster_export_keeps_a_hostile_name_as_text(client, course, cohort):
    hostile = ['=HYPERLINK("http://evil.example","x")', "+1", "-1+2", "@SUM(A1)", "\t=1"]
    for index, name in enumerate(hostile):
        user = User.objects.create(username=f"h{index}", first_name=name, email=f"h{index}@example.com")
        Enrolment.objects.create(user=user, cohort=cohort, status=EnrolmentStatus.ENROLLED)
    client.force_login(factories.registrar())
    response = client.get(f"/staff/cohorts/{cohort.pk}/roster.xlsx")
    cells = [cell for row in load_workbook(io.BytesIO(response.content)).active.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    named = {cell.value: cell for cell in cells}
    for name in hostile:  # as the full name reads (stripped), a text cell that Excel keeps as text
        assert named[name.strip()].data_type == "s" and named[name.strip()].quotePrefix, name


def test_only_the_cohorts_instructors_and_registrars_read_its_roster(client, course, cohort):
    """Review of issue 14 (finding 11): a roster holds trainees' names (and, exported, their emails).
    An instructor who does not teach the cohort's courses reads none of it (page, export, API); one
    who does, and registrars, read it all."""
    _bulk_trainees(cohort, course, 2, prefix="r")
    urls = (
        f"/staff/cohorts/{cohort.pk}/",
        f"/staff/cohorts/{cohort.pk}/roster.xlsx",
        f"/api/v1/cohorts/{cohort.pk}/enrolments/",
    )
    for user, allowed in (
        (factories.instructor(), False),
        (_teacher(course), True),
        (factories.registrar(), True),
    ):
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert (response.status_code == 200) is allowed, (url, user.username, response.status_code)
            if not url.endswith(".xlsx"):  # the page and the API list the trainees by username
                assert (b"r0001" in response.content) is allowed, url
