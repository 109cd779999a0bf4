"""Regression tests for the second review of issue 14's one truth: each asserts one finding."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from certification.eligibility import eligibility_for
from certification.models import CertificateStatus
from certification.reports.selectors import annual_report, cohort_report, cohort_trainees
from certification.selectors import live_certificate
from core.guards import SYSTEM
from courses.models import EnrolmentStatus
from courses.records import trainee_records_for_user_ids
from courses.selectors import standing
from courses.selectors.reports import cohort_learning
from tests.consistency import surfaces
from tests.consistency import test_one_truth as one_truth
from tests.consistency.test_one_truth import HOURS, _study
from tests.factories import certification as cert_factories
from tests.factories import cms as cms_factories
from tests.factories import courses as factories

pytestmark = pytest.mark.django_db

world = one_truth.world  # three 16-hour courses, a rule choosing all three and asking 48 hours


def _trainee(world, username, *, hours):
    """An enrolled trainee with ``hours`` credited in each course (a list, one per course)."""
    user = cert_factories.trainee(real_name=f"学员{username}", username=username)
    factories.enrolment(cohort=world["cohort"], user=user, status=EnrolmentStatus.ENROLLED)
    for course, amount in zip(world["courses"], hours, strict=True):
        _study(user, world, course, hours=amount)
    return user


def _criterion(user, world, key):
    return {c.key: c for c in eligibility_for(user=user, program=world["program"]).criteria}[key]


def test_screens_count_the_courses_the_rule_names(client, world):
    """H1: the rule chooses 2 of the level's 3 courses and asks 48 hours. A trainee who studied all
    three is credited 32 in eligibility; the dashboard, the API, the roster (page, API, export) and
    the cohort report said 48 of 48 over the cohort's 3 courses. Every screen counts the rule's 2."""
    c0, c1, _c2 = world["courses"]
    rule = world["rule"]
    rule.courses.set([c0, c1])
    rule.save()
    user = _trainee(world, "chosen", hours=[HOURS, HOURS, HOURS])

    hours = _criterion(user, world, "hours")
    assert (hours.current, hours.required, hours.met) == (32, 48, False)
    assert _criterion(user, world, "courses").required == 2

    percent, shown, required = surfaces.dashboard(client, user)
    assert (shown, required) == (32, 48)
    done, api_hours, api_percent, completed = surfaces.api_progress(client, user)
    assert (done, api_hours, api_percent, completed) == (2, 32, percent, True)
    assert client.get("/api/v1/me/progress/").json()["cohorts"][0]["courses_total"] == 2

    client.force_login(factories.registrar())
    assert surfaces.roster_row(client, world["cohort"], "chosen") == (2, percent, 32)
    assert surfaces.roster_api(client, world["cohort"])["chosen"][:3] == (2, percent, 32)
    excel, _yes, _no = surfaces.excel_rows(client, world["cohort"])
    assert excel["chosen"]["Courses completed"] == "2/2"
    assert surfaces.number(Decimal(str(excel["chosen"]["Learning hours"]))) == 32
    row = next(r for r in cohort_trainees(cohort=world["cohort"]) if r.username == "chosen")
    assert (row.courses, row.hours) == ("2/2", 32)
    assert cohort_learning(cohort=world["cohort"]).hours_total == 32


def test_a_courses_hours_are_its_source_pages_whatever_a_translation_says(client, world):
    """H2: the English copy of C0 says 20 hours, the Chinese (source) page 16. A trainee with 20 hours
    recorded on the English page is credited 16 for it everywhere: eligibility said 52 (the larger of
    the translations' hours), the dashboard 48, the English page's own progress 20."""
    c0 = world["courses"][0]
    english = c0.copy_for_translation(cms_factories.english_locale(), copy_parents=True)
    english.learning_hours = Decimal("20")
    english.save_revision().publish()
    user = _trainee(world, "translated", hours=[0, HOURS, HOURS])
    cert_factories.hours(user=user, course=english, amount=20)

    assert _criterion(user, world, "hours").current == 48
    assert surfaces.dashboard(client, user)[1] == 48
    progress = standing.progress_for_courses(user=user, courses=[english])[english.pk]
    assert (progress.hours, progress.hours_overflow, progress.hours_required) == (16, 4, 16)
    assert standing.credited_hours_total(user_ids=[user.pk])[user.pk] == 48
    row = next(r for r in annual_report(year=timezone.localdate().year).rows if r.level == c0.level)
    assert row.hours == 48
    client.force_login(factories.registrar())
    assert surfaces.roster_row(client, world["cohort"], "translated")[2] == 48


def test_a_requirement_set_to_hundredths_prints_as_it_is_compared(client, world):
    """M1: the rule asks 47.94 hours. 47.9 credited is unmet: the explanation said "47.9 of 47.9",
    the dashboard "47.9 of 47.9" and the cohort report's "met" band (edges rounded to a tenth)
    counted it met. 47.94 credited is met and reads so."""
    rule = world["rule"]
    rule.min_hours = Decimal("47.94")
    rule.save()
    short = _trainee(world, "short", hours=[HOURS, HOURS, Decimal("15.9")])
    enough = _trainee(world, "enough", hours=[HOURS, HOURS, Decimal("15.94")])

    with translation.override("en"):
        assert (
            "47.9 of 47.94 learning hours"
            in eligibility_for(user=short, program=world["program"]).explanation
        )
        assert (
            "47.94 of 47.94 learning hours"
            in eligibility_for(user=enough, program=world["program"]).explanation
        )
    assert not _criterion(short, world, "hours").met and _criterion(enough, world, "hours").met
    assert surfaces.dashboard(client, short)[1:] == (Decimal("47.9"), Decimal("47.94"))
    assert surfaces.dashboard(client, enough)[1:] == (Decimal("47.94"), Decimal("47.94"))
    learning = cohort_learning(cohort=world["cohort"])
    assert learning.hours_met == 1  # "enough" only
    assert learning.hours_buckets[-1].label == "≥ 47.94"


def test_a_rule_asking_no_hours_asks_none_on_every_screen(client, world):
    """M2: min_hours 0 means no hours are required; the screens fell back to the program's 48."""
    rule = world["rule"]
    rule.min_hours = Decimal("0")
    rule.save()
    user = _trainee(world, "nohours", hours=[1, 0, 0])

    assert "hours" not in {c.key for c in eligibility_for(user=user, program=world["program"]).criteria}
    assert surfaces.dashboard(client, user)[2] == 0
    client.force_login(user)
    assert Decimal(client.get("/api/v1/me/progress/").json()["cohorts"][0]["hours_required"]) == 0
    assert cohort_learning(cohort=world["cohort"]).hours_required == 0


def test_the_funnels_passed_counts_the_rows_exam_passed(world):
    """M3: the rule asks 80 % at C2's exam. A trainee who passed at 75 % reads "Exam passed: no" in
    their row; the funnel counted them passed (any counted pass of the cohort's courses)."""
    from certification.models import CertificateRuleExam

    c2 = world["courses"][2]
    CertificateRuleExam.objects.filter(rule=world["rule"]).update(min_score=80)
    low = _trainee(world, "low", hours=[HOURS] * 3)
    high = _trainee(world, "high", hours=[HOURS] * 3)
    cert_factories.exam_result(user=low, course=c2, percent=75, passed=True)
    cert_factories.exam_result(user=high, course=c2, percent=90, passed=True)

    rows = {row.username: row.exam_passed for row in cohort_trainees(cohort=world["cohort"])}
    assert rows == {"low": False, "high": True}
    report = cohort_report(cohort=world["cohort"])
    assert (report.sat, report.passed) == (2, 1)
    assert report.funnel()[3][1] == 1  # applied, enrolled, completed, passed, certified


def test_bulk_issuance_leaves_an_expired_certificate_to_renewal(client, world, monkeypatch):
    """M4: a trainee whose certificate expired is eligible again; the preview counted them "will be
    issued" and the batch issued a second certificate. Both now say they hold an expired one."""
    from certification import services as certification
    from certification.models import Certificate
    from certification.services import batches

    registrar = factories.registrar()
    user = _trainee(world, "expired", hours=[HOURS] * 3)
    cert_factories.exam_result(user=user, course=world["courses"][2], percent=90)
    certificate = certification.certificate_issue(
        user=user, program=world["program"], actor=registrar
    ).certificate
    Certificate.objects.filter(pk=certificate.pk).update(status=CertificateStatus.EXPIRED)
    assert eligibility_for(user=user, program=world["program"]).eligible

    with translation.override("en"):
        preview = batches.batch_preview(cohort=world["cohort"], actor=registrar)
    assert (len(preview.will_issue), len(preview.held), len(preview.not_eligible)) == (0, 0, 1)
    assert "expired" in preview.not_eligible[0].reason
    client.force_login(registrar)
    assert surfaces.preview_groups(client, world["cohort"]) == {user.pk: "not-eligible"}

    # The run refuses it too, even when asked to issue to the trainee (a script: every member).
    batch = batches.batch_start(cohort=world["cohort"], actor=registrar)
    batches.batch_run(actor=SYSTEM, batch_id=batch.pk)
    progress = batches.batch_progress(batch=batch)
    assert (progress.issued, progress.held, progress.not_eligible) == (0, 0, 1)
    assert live_certificate(user=user, program=world["program"]) is None
    assert Certificate.objects.filter(user=user).count() == 1


def test_the_trainee_record_totals_credited_hours(client, world):
    """M5: 17.2 hours in a 16-hour course: the record's total, its workbook and its JSON said 17.2."""
    from courses.records import record_as_json, records_workbook

    user = _trainee(world, "record", hours=[Decimal("17.2"), 0, 0])
    record = trainee_records_for_user_ids(user_ids=[user.pk], full_identity_numbers=False)[0]
    assert record.total_hours == 16
    assert sum(row.hours for row in record.hours) == Decimal("17.2")  # the ledger itself is kept
    assert Decimal(record_as_json(record)["learning_hours"]["total"]) == 16
    sheet = load_workbook(io.BytesIO(records_workbook([record])), read_only=True).worksheets[0]
    rows = [r for r in sheet.iter_rows(values_only=True) if r and r[0] == "record"]
    assert Decimal(str(rows[0][9])) == 16
    assert standing.credited_hours_total(user_ids=[user.pk])[user.pk] == record.total_hours


def test_the_check_in_screen_is_the_cohorts_staffs(client, world):
    """M6: an instructor who teaches none of the cohort's courses opened its check-in screen and the
    live QR code (whoever sees it can check in); the cohort's instructor and registrars still can."""
    from courses.exams.models import CourseGrader
    from courses.models import OfflineSession

    now = timezone.now()
    session = OfflineSession.objects.create(
        cohort=world["cohort"],
        course=world["courses"][0],
        title="线下研讨",
        starts_at=now,
        ends_at=now + datetime.timedelta(hours=2),
        hours=Decimal("2"),
    )
    outsider, teacher = factories.instructor(username="outsider"), factories.instructor(username="teacher")
    other = cms_factories.course_page(world["courses"][0].get_parent(), level="intermediate", code="X1")
    CourseGrader.objects.create(course=other, user=outsider)
    CourseGrader.objects.create(course=world["courses"][0], user=teacher)
    screen = reverse("courses:checkin_screen", args=[session.pk])
    live = reverse("courses:checkin_qr", args=[session.pk])
    sessions = reverse("courses:checkin_sessions")

    client.force_login(outsider)
    assert client.get(screen).status_code == 403 and client.get(live).status_code == 403
    assert "线下研讨" not in client.get(sessions).content.decode()
    for staff in (teacher, factories.registrar()):
        client.force_login(staff)
        assert client.get(screen).status_code == 200 and client.get(live).status_code == 200
        assert "线下研讨" in client.get(sessions).content.decode()


def test_export_hours_of_the_roster_follow_the_counted_courses(client, world):
    """H1, the roster's own Excel export: hours over the rule's 2 courses."""
    c0, c1, _c2 = world["courses"]
    world["rule"].courses.set([c0, c1])
    world["rule"].save()
    _trainee(world, "chosen", hours=[HOURS, HOURS, HOURS])
    client.force_login(factories.registrar())
    export = client.get(reverse("courses:staff_roster_export", args=[world["cohort"].pk]))
    sheet = load_workbook(io.BytesIO(export.content), read_only=True).active
    row = next(r for r in sheet.iter_rows(values_only=True) if r and r[0] == "chosen")
    assert surfaces.number(Decimal(str(row[7]))) == 32


def test_a_course_of_no_hours_credits_none(world):
    """Low: a 0-hour course had no cap, so its ledger's hours were all credited. Capped at 0 now,
    in the Python and the SQL forms alike; the ledger keeps them as overflow."""
    from cms.models import CoursePage

    c0 = world["courses"][0]
    CoursePage.objects.filter(pk=c0.pk).update(learning_hours=0)
    user = _trainee(world, "nohours", hours=[3, 2, 0])
    progress = standing.progress_for_courses(user=user, courses=[CoursePage.objects.get(pk=c0.pk)])[c0.pk]
    assert (progress.hours, progress.hours_overflow) == (0, 3)
    assert standing.credited_hours_total(user_ids=[user.pk])[user.pk] == 2
    assert _criterion(user, world, "hours").current == 2
    assert cohort_learning(cohort=world["cohort"]).hours_total == 2
