"""The reports' demo (``load_demo_reports``), loaded on top of the other demo loaders in ``./tta run``'s
order: the reports show its cohorts, loading it again changes nothing, and the whole demo passes the
consistency check of tests/consistency (every screen tells a trainee's numbers alike, no certificate
below its rule, nobody waiting while places are free)."""

import datetime
import io
import time
import uuid

import pytest
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from certification import credentials
from certification.eligibility import eligibility_for, eligibility_for_users, rule_for
from certification.models import Certificate, CertificateEvent, CertificateStatus
from certification.reports import demo as reports_demo
from certification.reports import selectors
from certification.selectors import live_certificate
from courses.exams.demo import DEMO_PAPER
from courses.exams.models import Attempt, AttemptItem, ExamPaper
from courses.models import Cohort, Enrolment, EnrolmentEvent, EnrolmentStatus, HoursEntry
from courses.selectors import reports as learning_reports
from tests.consistency import surfaces

LOADERS = (
    "load_demo",
    "load_demo_learning",
    "load_demo_questions",
    "load_demo_exam",
    "load_demo_accounts",
    "load_demo_certificates",
    "load_demo_reports",
)
COUNTED = (
    get_user_model(),
    Cohort,
    Enrolment,
    EnrolmentEvent,
    HoursEntry,
    Attempt,
    AttemptItem,
    Certificate,
    CertificateEvent,
)


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    """Run every demo loader once for this module (two minutes or more: ``load_demo`` builds the
    whole curriculum), inside a transaction rolled back afterwards; each test nests in it as a savepoint.
    Yields the seconds the loaders took.

    Set up before the per-test fixtures, so it gives itself what they would: its own media folders
    and cache namespace, and the default language. Rendering tasks are queued on commit, which never
    comes.
    """
    folder = tmp_path_factory.mktemp("demo")
    storages = {
        **settings.STORAGES,
        "certificates": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(folder / "private"), "base_url": None},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    caches = {
        name: {**config, "KEY_PREFIX": f"test-{uuid.uuid4().hex}"} for name, config in settings.CACHES.items()
    }
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=folder / "media", STORAGES=storages, CACHES=caches),
        translation.override(settings.LANGUAGE_CODE),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            started = time.monotonic()
            for name in LOADERS:
                call_command(name, stdout=io.StringIO(), stderr=io.StringIO())
            yield time.monotonic() - started
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(demo_loaded, db):
    return Cohort.objects.select_related("program").get(code=reports_demo.COHORT_CODE)


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_the_cohort_report_has_a_whole_cohort(demo):
    report = selectors.cohort_report(cohort=demo)
    learning = report.learning
    assert learning.applied == 120
    assert 0 < learning.completed < learning.enrolled < learning.applied
    assert 0 < report.certified <= report.passed <= report.sat
    assert report.sat > learning.completed  # some who had not finished sat the exam too
    assert sum(bucket.count for bucket in learning.hours_buckets) == learning.enrolled
    assert len(learning.weeks) > 10 and sum(week.hours for week in learning.weeks) > 0
    by_status = report.certificates_by_status
    assert by_status[CertificateStatus.SUSPENDED] == 1 and by_status[CertificateStatus.REVOKED] == 1
    assert by_status[CertificateStatus.ISSUED] == report.certified - 1  # the suspended one still counts
    assert len(report.certificates_by_week) > 1  # issued over several weeks, not all today


def test_the_registry_and_annual_report_include_the_demo(demo):
    figures = selectors.registry_figures(certificates=selectors.registry_certificates(cohort=demo))
    assert figures.total == selectors.cohort_report(cohort=demo).certificates_total > 20
    assert len(figures.by_month) > 1
    years = [selectors.annual_report(year=year) for year in learning_reports.years_with_learning()]
    rows = [row for report in years for row in report.rows]
    primary = [row for row in rows if row.level == demo.program.level]
    assert sum(row.trainees for row in primary) >= 100
    assert sum(row.hours for row in primary) > 1000
    assert sum(row.certificates for row in primary) >= figures.total
    assert sum(row.revoked for row in primary) >= 1
    assert any(row.level != demo.program.level and row.hours for row in rows)  # the intermediate cohort


def test_the_report_pages_show_the_demo_to_its_registrar(demo, client):
    client.force_login(get_user_model().objects.get(username="registrar"))
    paper = ExamPaper.objects.get(title=DEMO_PAPER)
    pages = {
        "cohort": reverse("cohort_report", args=[demo.pk]),
        "registry": reverse("certificate_registry") + f"?cohort={demo.pk}",
        "annual": reverse("annual_report"),
        "exam": reverse("exam_report", args=[paper.pk]),
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert "report-kpis" in response.content.decode(), f"{name}: no figures shown"
    assert demo.code in client.get(pages["cohort"]).content.decode()


def test_backdated_certificates_expire_the_rules_validity_after_their_issue(demo):
    validity = relativedelta(months=rule_for(program=demo.program).validity_months)
    certificates = list(Certificate.objects.filter(cohort=demo).order_by("pk"))
    today = timezone.localdate()
    issued_on = {timezone.localtime(c.issued_at).date() for c in certificates}
    assert max(issued_on) < today and len(issued_on) > 5  # issued over the weeks after the course
    for certificate in certificates:
        assert certificate.expires_at == certificate.issued_at + validity, certificate.serial
        issued, expires = (
            timezone.localtime(d).date() for d in (certificate.issued_at, certificate.expires_at)
        )
        assert certificate.snapshot["issued_on"] == issued.isoformat()
        first = CertificateEvent.objects.filter(certificate=certificate).order_by("created_at", "pk").first()
        assert (first.to_status, first.created_at) == (CertificateStatus.ISSUED, certificate.issued_at)
        assert certificate.snapshot["expires_on"] == expires.isoformat()
        credential = certificate.credential
        assert credential["validFrom"].startswith(
            f"{certificate.issued_at.astimezone(datetime.UTC):%Y-%m-%d}"
        )
        assert credential["validUntil"].startswith(
            f"{certificate.expires_at.astimezone(datetime.UTC):%Y-%m-%d}"
        )
    assert all(credentials.verify(c.credential) for c in certificates[:3])  # signed again, validly


def test_loading_again_changes_nothing(demo, demo_loaded, figure):
    figure(f"all demo loaders: {demo_loaded:.0f} s")
    before = _counts()
    certificates = list(
        Certificate.objects.order_by("pk").values_list("pk", "status", "issued_at", "expires_at")
    )
    assert before["Certificate"] > 20 and before["HoursEntry"] > 1000

    out = io.StringIO()
    call_command("load_demo_reports", stdout=out, stderr=io.StringIO())

    assert reports_demo.COHORT_CODE in out.getvalue()
    assert _counts() == before
    assert list(
        Certificate.objects.order_by("pk").values_list("pk", "status", "issued_at", "expires_at")
    ) == (certificates)


def _sample(enrolments, key, per_state: int = 2) -> list:
    """A few enrolments of each state ``key`` tells apart, in a stable order."""
    taken: dict = {}
    for enrolment in enrolments:
        group = taken.setdefault(key(enrolment), [])
        if len(group) < per_state:
            group.append(enrolment)
    return [e for group in taken.values() for e in group]


def _state(enrolment) -> tuple:
    """What a trainee's row should tell apart: enrolment status, certificate status, hours or none."""
    certificate = (
        Certificate.objects.filter(user=enrolment.user, program=enrolment.cohort.program)
        .order_by("-pk")
        .first()
    )
    has_hours = HoursEntry.objects.filter(user=enrolment.user).exists()
    return enrolment.status, certificate.status if certificate else None, has_hours


def test_every_screen_tells_the_demo_trainees_numbers_alike(demo, client):
    """The demo is consistent by construction: for trainees of each state in the learning demo's
    cohort and the reports' cohort, the dashboard, the API, the roster (page and API), the
    eligibility explanation, bulk issuance's preview and the Excel export agree (issue 14)."""
    registrar = get_user_model().objects.get(username="registrar")
    for code in ("P-2026-SPRING", reports_demo.COHORT_CODE):
        cohort = Cohort.objects.select_related("program").get(code=code)
        program = cohort.program
        members = list(
            cohort.enrolments.filter(status__in=[EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED])
            .select_related("user", "cohort__program")
            .order_by("user__username")
        )
        sample = _sample(members, _state)
        client.force_login(registrar)
        roster_api = surfaces.roster_api(client, cohort)
        groups = surfaces.preview_groups(client, cohort)
        excel, yes, no = surfaces.excel_rows(client, cohort)
        rows = {e.user.username: surfaces.roster_row(client, cohort, e.user.username) for e in sample}
        standing = eligibility_for_users(user_ids=[e.user_id for e in sample], program=program)
        for enrolment in sample:
            user, name = enrolment.user, enrolment.user.username
            criteria = {c.key: c for c in standing[user.pk].criteria}
            done, hours = criteria["courses"].current, surfaces.number(criteria["hours"].current)
            percent, dashboard_hours, required = surfaces.dashboard(client, user)
            api = surfaces.api_progress(client, user)
            assert (dashboard_hours, required) == (hours, surfaces.number(criteria["hours"].required)), name
            assert api == (done, hours, percent, enrolment.status == EnrolmentStatus.COMPLETED), name
            assert rows[name] == (done, percent, hours), name
            assert roster_api[name][:3] == (done, percent, hours), name
            assert excel[name]["Courses completed"] == f"{done}/{criteria['courses'].required}", name
            assert surfaces.number(excel[name]["Learning hours"]) == hours, name
            eligible = standing[user.pk].eligible
            assert excel[name]["Eligible for the certificate"] == (yes if eligible else no), name
            live = live_certificate(user=user, program=program)
            # A revoked holder is not issued again by a batch: "not eligible", as in test_one_truth.
            revoked = Certificate.objects.filter(
                user=user, program=program, status=CertificateStatus.REVOKED
            ).exists()
            expected = "held" if live else "issue" if eligible and not revoked else "not-eligible"
            assert groups[user.pk] == expected, name
            if enrolment.status == EnrolmentStatus.COMPLETED:  # marked completed: every course done
                assert done == criteria["courses"].required, name
        assert {s for s, *_ in map(_state, sample)} == {EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED}


def test_no_demo_certificate_prints_fewer_hours_than_its_rule(demo):
    certificates = list(Certificate.objects.select_related("program"))
    assert len(certificates) > 20
    for certificate in certificates:
        rule = rule_for(program=certificate.program)
        required = rule.min_hours if rule.min_hours is not None else certificate.program.required_hours
        assert surfaces.number(certificate.snapshot["hours"]) >= required, certificate.serial
        assert eligibility_for(user=certificate.user, program=certificate.program).eligible, (
            certificate.serial
        )


def test_no_demo_trainee_waits_while_places_are_free(demo):
    for cohort in Cohort.objects.all():
        waiting = cohort.enrolments.filter(status=EnrolmentStatus.WAITLISTED).count()
        taken = cohort.enrolments.filter(
            status__in=[EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED]
        ).count()
        assert not waiting or taken >= cohort.capacity, cohort.code
