"""Regression tests for the third review of issue 14's one truth: each asserts one finding."""

import datetime

import pytest
from django.utils import timezone

from certification import services as certification
from certification.reports.selectors import cohort_report
from certification.reports.views import cohort_charts
from courses.models import EnrolmentStatus
from tests.consistency import test_one_truth as one_truth
from tests.factories import certification as cert_factories
from tests.factories import courses as factories

pytestmark = pytest.mark.django_db

world = one_truth.world


def test_the_progress_charts_certified_ends_at_the_funnels_certified(world):
    """The cohort report's "Certified (cumulative)" line counted every certificate but superseded
    ones, revoked included: on the demo's P-2026-SPRING it ended at 3 beside the funnel's 2
    certified. Its last point is the funnel's Certified."""
    registrar = factories.registrar()
    cohort = world["cohort"]
    cohort.starts_on = timezone.localdate() - datetime.timedelta(days=21)
    cohort.save()
    users = []
    for n in range(3):
        user = cert_factories.trainee(real_name=f"学员{n}", username=f"held{n}")
        factories.enrolment(cohort=world["cohort"], user=user, status=EnrolmentStatus.ENROLLED)
        users.append(user)
    certificates = [cert_factories.certificate(user=user, program=world["program"]) for user in users]
    certification.certificate_revoke(certificate=certificates[0], actor=registrar, reason="复核不合格")

    report = cohort_report(cohort=world["cohort"])
    funnel = dict(report.funnel())
    assert list(funnel.values())[-1] == 2
    progress = next(chart for chart in cohort_charts(report) if chart.key == "progress")
    certified = progress.series[-1].values
    assert certified and certified[-1] == 2


def test_a_rule_asking_no_course_counts_the_hours_of_its_levels_courses_as_the_screens_do(world, catalogue):
    """A rule with no course requirement counted the hours of every course the trainee ever took:
    16 h in the program's course and 30 h in an advanced course read 46 of 48 in eligibility (and
    on the certificate) beside 16 of 48 on the dashboard. Hours of another level's courses never
    count toward this certificate; eligibility, the certificate's hours and the dashboard agree."""
    from decimal import Decimal

    from certification.eligibility import eligibility_for
    from certification.models import CourseSelection
    from certification.services.issuing import build_snapshot
    from courses.selectors.progress import dashboard_for
    from tests.factories import cms as cms_factories

    rule = world["rule"]
    rule.course_selection = CourseSelection.NONE
    rule.save()
    rule.courses.set([])
    rule.exams.all().delete()
    advanced = cms_factories.course_page(catalogue, learning_hours=40, level="advanced", code="ADV-1")
    user = cert_factories.trainee(real_name="学员", username="other-level")
    factories.enrolment(cohort=world["cohort"], user=user, status=EnrolmentStatus.ENROLLED)
    cert_factories.hours(user=user, course=world["courses"][0], amount=16)
    cert_factories.hours(user=user, course=advanced, amount=30)

    hours = next(c for c in eligibility_for(user=user, program=world["program"]).criteria if c.key == "hours")
    assert hours.current == Decimal("16")
    card = dashboard_for(user=user).cohorts[0]
    assert card.hours == hours.current and card.hours_required == hours.required == 48
    snapshot = build_snapshot(
        user=user,
        program=world["program"],
        serial="S-1",
        code="c",
        issued_at=timezone.now(),
        expires_at=None,
        rule=rule,
    )
    assert snapshot["hours"] == "16"
