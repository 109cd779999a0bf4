"""Trainee records (学员档案): own download, registrar exports, access control, constant queries.

The cohort export's job (queueing, progress, idempotency, a real worker) is tested in test_records_export.py.
"""

import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from core.guards import SYSTEM
from courses.accounts.models import AuditAction, AuditLog, RecordsExport
from courses.accounts.services import records_export_build, records_export_request
from courses.models import EnrolmentStatus, HoursEntry, HoursSource, LessonCompletion
from courses.records import records_workbook, trainee_records_load
from tests.accounts.conftest import trainee_with_profile
from tests.factories import cms as cms_factories
from tests.factories import courses as factories


@pytest.fixture
def course(db):
    return factories.published_course(title="技术转移概论", code="P-101")


def _with_history(user, course, cohort):
    factories.enrolment(cohort=cohort, user=user, status=EnrolmentStatus.ENROLLED)
    HoursEntry.objects.create(
        user=user, course=course, cohort=cohort, source=HoursSource.ONLINE, hours=Decimal("1.5")
    )
    HoursEntry.objects.create(
        user=user,
        course=course,
        cohort=cohort,
        source=HoursSource.MANUAL,
        hours=Decimal("0.5"),
        reason="补录线下讨论",
    )
    lesson = cms_factories.lesson_page(course, title=f"第一课 {user.pk}")
    LessonCompletion.objects.create(user=user, lesson=lesson)


def _sheets(content: bytes) -> dict[str, list[tuple]]:
    book = load_workbook(io.BytesIO(content))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


@pytest.mark.django_db
def test_a_trainee_downloads_their_own_record_as_json(client, course):
    user, number = trainee_with_profile()
    cohort = factories.cohort(course=course, title="2026 春季班")
    _with_history(user, course, cohort)
    client.force_login(user)

    response = client.get("/accounts/record.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["profile"]["identity_number"] == number
    assert data["profile"]["identity_number_is_full"] is True
    assert "完整" in data["note"]  # says that the number is shown in full
    (enrolment,) = data["enrolments"]
    assert (enrolment["cohort"], enrolment["status"]) == ("2026 春季班", str(EnrolmentStatus.ENROLLED.label))
    assert data["learning_hours"]["total"] == "2.000"
    assert [entry["source"] for entry in data["learning_hours"]["entries"]] == [
        str(HoursSource.ONLINE.label),
        str(HoursSource.MANUAL.label),
    ]
    assert data["completed_lessons"][0]["course"] == "技术转移概论"
    assert AuditLog.objects.filter(action=AuditAction.OWN_RECORD_DOWNLOADED, subject=user).exists()


@pytest.mark.django_db
def test_a_trainee_downloads_their_own_record_as_excel(client, course):
    user, number = trainee_with_profile()
    _with_history(user, course, factories.cohort(course=course))
    client.force_login(user)
    response = client.get("/accounts/record.xlsx")
    assert response.status_code == 200
    sheets = _sheets(response.content)
    header, row = sheets["学员"]
    assert row[header.index("证件号码")] == number
    assert len(sheets["学时"]) == 3
    assert len(sheets["完成情况"]) == 2


@pytest.mark.django_db
def test_a_trainee_cannot_reach_another_trainees_record_or_number(client, course):
    owner, number = trainee_with_profile()
    cohort = factories.cohort(course=course)
    _with_history(owner, course, cohort)
    other, _ = trainee_with_profile()
    factories.enrolment(cohort=cohort, user=other)
    client.force_login(other)

    for url in (
        f"/accounts/records/trainees/{owner.pk}/",
        f"/accounts/records/trainees/{owner.pk}/record.xlsx",
        "/accounts/records/",
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(f"/accounts/records/cohorts/{cohort.pk}/export/").status_code == 403
    assert not RecordsExport.objects.exists()
    # Their own pages and downloads hold only their own data.
    for url in (
        "/accounts/profile/",
        "/accounts/profile/edit/",
        "/accounts/record.json",
        "/accounts/record.xlsx",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert number.encode() not in response.content
        assert f"{number[:4]}********{number[-4:]}".encode() not in response.content
    data = json.loads(client.get("/accounts/record.json").content)
    assert data["account"]["username"] == other.username
    assert data["learning_hours"]["entries"] == []


@pytest.mark.django_db
def test_a_registrar_exports_a_cohort_with_full_numbers_and_it_is_audited(client, course):
    registrar = factories.registrar()
    cohort = factories.cohort(course=course)
    trainees = [trainee_with_profile() for _ in range(3)]
    for user, _ in trainees:
        _with_history(user, course, cohort)
    outsider, outsider_number = trainee_with_profile()
    client.force_login(registrar)

    response = client.post(f"/accounts/records/cohorts/{cohort.pk}/export/")
    export = RecordsExport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/accounts/records/exports/{export.pk}/"
    assert not AuditLog.objects.filter(
        action=AuditAction.COHORT_RECORDS_EXPORTED
    ).exists()  # nothing taken yet
    # What the worker does (test_records_export.py runs a real one).
    records_export_build(actor=SYSTEM, export_id=export.pk)

    response = client.get(f"/accounts/records/exports/{export.pk}/records.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f"trainee-records-{cohort.code}.xlsx" in response["Content-Disposition"]
    sheets = _sheets(b"".join(response.streaming_content))
    header, *rows = sheets["学员"]
    numbers = [row[header.index("证件号码")] for row in rows]
    assert sorted(numbers) == sorted(number for _, number in trainees)
    assert outsider_number not in numbers
    assert len(sheets["报名"]) == 4 and len(sheets["学时"]) == 7
    entry = AuditLog.objects.get(action=AuditAction.COHORT_RECORDS_EXPORTED)
    assert (entry.actor, entry.cohort, entry.detail["trainees"]) == (registrar, cohort, 3)


@pytest.mark.django_db
def test_a_registrar_exports_one_trainee(client, course):
    user, number = trainee_with_profile()
    client.force_login(factories.registrar())
    response = client.get(f"/accounts/records/trainees/{user.pk}/record.xlsx")
    header, row = _sheets(response.content)["学员"]
    assert row[header.index("证件号码")] == number
    assert AuditLog.objects.filter(action=AuditAction.RECORD_EXPORTED, subject=user).exists()
    assert client.get("/accounts/records/trainees/999999/record.xlsx").status_code == 404


@pytest.mark.django_db
def test_trainee_text_is_never_written_as_a_formula(course):
    user, _ = trainee_with_profile()
    user.trainee_profile.real_name = '=HYPERLINK("http://evil.example.org","点我")'
    user.trainee_profile.save()
    (record,) = trainee_records_load(users=type(user).objects.filter(pk=user.pk), full_identity_numbers=False)
    book = load_workbook(io.BytesIO(records_workbook([record])))
    cell = book["学员"]["B2"]
    assert cell.value.startswith("=HYPERLINK")
    assert cell.data_type == "s"


@pytest.mark.django_db
def test_masked_records_hide_the_number(course):
    user, number = trainee_with_profile()
    (record,) = trainee_records_load(users=type(user).objects.filter(pk=user.pk), full_identity_numbers=False)
    assert record.identity_number == f"{number[:4]}********{number[-4:]}"


def _cohort_with(trainees: int, course):
    cohort = factories.cohort(course=course, capacity=100)
    lesson = cms_factories.lesson_page(course)
    for _ in range(trainees):
        user, _ = trainee_with_profile()
        factories.enrolment(cohort=cohort, user=user)
        HoursEntry.objects.create(user=user, course=course, cohort=cohort, source=HoursSource.ONLINE, hours=1)
        LessonCompletion.objects.create(user=user, lesson=lesson)
    return cohort


@pytest.mark.django_db
def test_the_cohort_export_runs_the_same_queries_for_5_or_50_trainees(
    course, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    registrar = factories.registrar()
    small, large = _cohort_with(5, course), _cohort_with(50, course)
    with django_capture_on_commit_callbacks():
        small_export = records_export_request(cohort=small, actor=registrar)
        large_export = records_export_request(cohort=large, actor=registrar)

    # Two steps under a lock, eight reads for any number of trainees, progress, the file (21 since
    # the build is a job of core.jobs: claiming it counts the run).
    with django_assert_max_num_queries(21) as small_queries:
        records_export_build(actor=SYSTEM, export_id=small_export.pk)
    with django_assert_max_num_queries(21) as large_queries:
        records_export_build(actor=SYSTEM, export_id=large_export.pk)
    assert len(large_queries.captured_queries) == len(small_queries.captured_queries)
    large_export.refresh_from_db()
    with large_export.file.open("rb") as handle:
        assert len(_sheets(handle.read())["学员"]) == 51
