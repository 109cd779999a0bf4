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
