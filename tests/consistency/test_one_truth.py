"""One truth: every screen tells the same numbers for the same trainee (issue 14).

Trainees in every state are built through the services (the ledger, lesson completions and
``course_completion_evaluate``, real exam attempts, ``certificate_issue`` and ``certificate_revoke``);
then the numbers are read back out of each surface as a user sees it (HTML, JSON, the Excel file)
and compared with what the state means. A surface that computes a fact its own way fails here.
"""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from certification import services as certification
from certification.eligibility import eligibility_for
from certification.reports.selectors import annual_report, cohort_report
from certification.selectors import live_certificate
from core.guards import SYSTEM
from courses.models import CourseRule, Enrolment, EnrolmentStatus, HoursEntry, LessonCompletion
from courses.selectors.enrolments import roster, roster_progress
from courses.selectors.progress import lesson_widget
from courses.selectors.reports import cohort_learning
from courses.services.progress import course_completion_evaluate, lesson_completion_allowed
from tests.consistency import surfaces
from tests.factories import certification as cert_factories
from tests.factories import cms as cms_factories
from tests.factories import courses as factories

pytestmark = pytest.mark.django_db

HOURS = 16  # each of the three courses; the rule asks for 48


@pytest.fixture
def world(program, catalogue, private_storage, no_rendering):
    program.required_hours = Decimal("48")
    program.save_revision().publish()
    courses = [
        cms_factories.course_page(catalogue, learning_hours=HOURS, level=program.level, code=f"C{n}")
        for n in range(3)
    ]
    lessons = {c.pk: cms_factories.lesson_page(c, required=True) for c in courses}
    rule = cert_factories.rule(program=program, courses=courses, exams=[(courses[-1], None)], min_hours=48)
    cohort = factories.cohort(program=program, code="P-ONE-TRUTH", capacity=50)
    return {"program": program, "courses": courses, "lessons": lessons, "rule": rule, "cohort": cohort}


def _study(user, world, course, *, hours, lesson=True):
    """Credit ``hours`` in the ledger, complete the course's lesson, and let the service decide."""
    if hours:
        cert_factories.hours(user=user, course=course, amount=hours)
    if lesson:
        LessonCompletion.objects.get_or_create(user=user, lesson=world["lessons"][course.pk])
    course_completion_evaluate(actor=SYSTEM, user=user, course=course)


# state: (courses completed, hours credited, overflow, exam passed, eligible, live certificate)
EXPECTED = {
    "none": (0, 0, 0, None, False, False),
    "partial": (1, 24, 0, None, False, False),
    "hours_met_course_open": (2, 48, Decimal("1.2"), None, False, False),
    "exam_failed_then_passed": (3, 48, 0, True, True, False),
    "exam_passed_then_failed": (3, 48, 0, True, True, False),
    "completed_no_exam": (3, 48, 0, False, False, False),
    "certified": (3, 48, 0, True, True, True),
    "revoked": (3, 48, 0, True, True, False),
}


def _build(world, registrar) -> dict:
    c0, c1, c2 = world["courses"]
    users = {}
    for state in EXPECTED:
        user = cert_factories.trainee(real_name=f"学员{state}", username=state)
        factories.enrolment(cohort=world["cohort"], user=user, status=EnrolmentStatus.ENROLLED)
        users[state] = user
    _study(users["partial"], world, c0, hours=HOURS)
    _study(users["partial"], world, c1, hours=8, lesson=False)
    # 4.2 hours of check-in on a 4-hour share: 17.2 in the ledger, 16 credited, 1.2 shown as overflow.
    _study(users["hours_met_course_open"], world, c0, hours=Decimal("17.2"))
    _study(users["hours_met_course_open"], world, c1, hours=HOURS)
    _study(users["hours_met_course_open"], world, c2, hours=HOURS, lesson=False)
    for state in (
        "exam_failed_then_passed",
        "exam_passed_then_failed",
        "completed_no_exam",
        "certified",
        "revoked",
    ):
        for course in world["courses"]:
            _study(users[state], world, course, hours=HOURS)
    cert_factories.exam_result(user=users["exam_failed_then_passed"], course=c2, percent=40)
    cert_factories.exam_result(user=users["exam_failed_then_passed"], course=c2, percent=75)
    cert_factories.exam_result(user=users["exam_passed_then_failed"], course=c2, percent=88)
    cert_factories.exam_result(user=users["exam_passed_then_failed"], course=c2, percent=3)
    for state in ("certified", "revoked"):
        cert_factories.exam_result(user=users[state], course=c2, percent=90)
        certification.certificate_issue(user=users[state], program=world["program"], actor=registrar)
    revoked = live_certificate(user=users["revoked"], program=world["program"])
    certification.certificate_revoke(certificate=revoked, actor=registrar, reason="代考")
    return users


def test_every_surface_tells_the_same_numbers(client, world):
    registrar = factories.registrar()
    users = _build(world, registrar)
    cohort = world["cohort"]

    # The trainee's own screens: the dashboard (HTML) and the API (JSON).
    dashboard = {state: surfaces.dashboard(client, user) for state, user in users.items()}
    api = {state: surfaces.api_progress(client, user) for state, user in users.items()}

    client.force_login(registrar)
    # The roster, row by row (HTML), and the roster API.
    roster = {state: surfaces.roster_row(client, cohort, state) for state in users}
    roster_api = surfaces.roster_api(client, cohort)
    # Bulk issuance's preview: who will be issued, who holds one, who is not eligible.
    groups = surfaces.preview_groups(client, cohort)
    # The cohort report's Excel export, sheet of trainees.
    excel, yes, no = surfaces.excel_rows(client, cohort)

    for state, user in users.items():
        done, hours, overflow, exam, eligible, live = EXPECTED[state]
        standing = eligibility_for(user=user, program=world["program"])
        criteria = {c.key: c for c in standing.criteria}
        with translation.override("en"):
            explanation = standing.explanation
        # The eligibility explanation: its numbers, and its sentence.
        assert criteria["courses"].current == done, state
        assert criteria["hours"].current == hours, state
        assert f"{surfaces.number(Decimal(hours))} of 48 learning hours" in explanation, state
        assert standing.eligible == eligible, (state, standing.explanation)
        # The dashboard and the API.
        percent = dashboard[state][0]
        assert dashboard[state][1:] == (surfaces.number(Decimal(hours)), Decimal("48")), state
        assert api[state][:2] == (done, surfaces.number(Decimal(hours))), state
        assert api[state][2] == percent and api[state][3] == (done == 3), state
        # The roster row, its API twin, and the Excel row.
        assert roster[state] == (done, percent, surfaces.number(Decimal(hours))), state
        assert roster_api[state] == (
            done,
            percent,
            surfaces.number(Decimal(hours)),
            surfaces.number(Decimal(overflow)),
        ), state
        row = excel[state]
        assert row["Courses completed"] == f"{done}/3", state
        assert row["Progress (%)"] == percent, state
        assert surfaces.number(Decimal(str(row["Learning hours"]))) == surfaces.number(Decimal(hours)), state
        assert row["Eligible for the certificate"] == (yes if eligible else no), state
        assert row["Exam passed"] == {None: "—", True: yes, False: "—"}[exam], state
        assert bool(row["Certificate"]) == (live or state == "revoked"), state
        # The preview: a holder is "held", an eligible trainee without one "issue", the rest not eligible.
        expected_group = "held" if live else ("issue" if eligible and state != "revoked" else "not-eligible")
        assert groups[user.pk] == expected_group, state

    # The cohort report's figures are the sums of the rows above.
    report = client.get(
        reverse("cohort_report", args=[cohort.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    eligible_count = sum(1 for v in EXPECTED.values() if v[4])
    certified_count = sum(1 for v in EXPECTED.values() if v[5])
    assert re.search(rf'id="kpi-eligible"><span class="value">{eligible_count}<', report)
    assert re.search(rf'id="kpi-certified"><span class="value">{certified_count}<', report)
    completed = sum(1 for v in EXPECTED.values() if v[0] == 3)
    assert re.search(rf"\({completed}\)</span>", report)  # the funnel's "Completed (n)"


def test_reports_and_sorts_read_the_same_truth(client, world):
    """The roster's sort by progress, the cohort report's "Completed" and the annual report's hours
    are standing's: the percent shown, every course completed, the hours credited (capped)."""
    registrar = factories.registrar()
    users = _build(world, registrar)
    cohort = world["cohort"]
    # Completion is standing's, not the enrolment's status: a completed enrolment that has not
    # met the courses' rules is not counted, and every trainee who did is (all are "enrolled" here).
    Enrolment.objects.filter(cohort=cohort, user=users["partial"]).update(status=EnrolmentStatus.COMPLETED)
    completed = sum(1 for v in EXPECTED.values() if v[0] == 3)
    assert cohort_learning(cohort=cohort).completed == completed
    assert cohort_report(cohort=cohort).funnel()[2][1] == completed

    # The SQL percent the roster sorts by is the percent each row shows, for every state.
    rows, _required, courses = roster(cohort=cohort, sort="-progress")
    shown = [
        (row.percent, row.progress.percent)
        for row in roster_progress(rows=rows, cohort=cohort, courses=courses)
    ]
    assert all(sql == python for sql, python in shown), shown
    client.force_login(registrar)
    for sort, descending in (("progress", False), ("-progress", True)):
        percents = [row[1] for row in surfaces.roster_api(client, cohort, sort=sort).values()]
        assert percents == sorted(percents, reverse=descending) and len(set(percents)) > 2, percents

    # The annual report: 17.2 hours in a 16-hour course credit 16; the ledger's 1.2 is "recorded".
    year = timezone.localdate().year
    row = next(r for r in annual_report(year=year).rows if r.level == world["program"].level)
    credited = sum(Decimal(v[1]) for v in EXPECTED.values())
    assert (row.hours, row.recorded) == (credited, credited + Decimal("1.2"))
    assert sum(annual_report(year=year).hours_by_month) == credited


def test_hours_credited_in_a_year_count_what_earlier_years_left_under_the_cap(world):
    """10 hours last year and 10 this year in a 16-hour course: 6 credited this year, 10 recorded."""
    course = world["courses"][0]
    user = cert_factories.trainee(real_name="跨年", username="across")
    year = timezone.localdate().year
    for amount, when in (
        (10, datetime.datetime(year - 1, 12, 31, 12)),
        (10, datetime.datetime(year, 1, 1, 12)),
    ):
        entry = cert_factories.hours(user=user, course=course, amount=amount)
        HoursEntry.objects.filter(pk=entry.pk).update(created_at=timezone.make_aware(when))
    last, this = annual_report(year=year - 1), annual_report(year=year)
    assert (last.total.hours, this.total.hours, this.total.recorded) == (10, 6, 10)
    assert this.hours_by_month[0] == 6 and sum(this.hours_by_month[1:]) == 0


def test_mark_complete_waits_as_the_course_rule_says(world, monkeypatch):
    """The lesson page and the service both ask ``CourseRule.seconds_before_mark_complete``."""
    user = cert_factories.trainee(real_name="计时", username="timer")
    factories.enrolment(cohort=world["cohort"], user=user, status=EnrolmentStatus.ENROLLED)
    lesson = world["lessons"][world["courses"][0].pk]
    for seconds, allowed in ((0, True), (3600, False)):
        monkeypatch.setattr(
            CourseRule, "seconds_before_mark_complete", lambda self, seconds=seconds, **kw: seconds
        )
        assert lesson_completion_allowed(user=user, lesson=lesson)[0] is allowed, seconds
        assert lesson_widget(user=user, lesson=lesson).can_mark_complete is allowed, seconds


def test_the_check_can_fail_when_a_surface_counts_raw_hours(client, world):
    """The overflow case is the one a raw sum gets wrong: the ledger says 17.2, the rule credits 16."""
    from courses.models import HoursEntry

    registrar = factories.registrar()
    users = _build(world, registrar)
    user = users["hours_met_course_open"]
    raw = sum(e.hours for e in HoursEntry.objects.filter(user=user))
    standing = eligibility_for(user=user, program=world["program"])
    assert raw == Decimal("49.2") and {c.key: c for c in standing.criteria}["hours"].current == 48
