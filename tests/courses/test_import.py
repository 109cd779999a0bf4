"""Batch enrolment: all rows or none, a row-by-row report, capacity kept, the file kept."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from core.guards import SYSTEM
from courses import imports
from courses.models import Enrolment, EnrolmentStatus, ImportBatch, ImportOutcome
from tests.factories import courses as factories
from tests.waiting import wait_for

HEADER = ["用户名或邮箱", "姓名", "单位", "手机"]
User = get_user_model()


@pytest.fixture
def cohort(db):
    return factories.cohort(course=factories.published_course(), capacity=2, title="2026春季班")


@pytest.fixture
def registrar(db):
    return factories.registrar()


def xlsx(rows) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("名单.xlsx", buffer.getvalue())


def csv_file(rows, encoding="utf-8-sig") -> SimpleUploadedFile:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return SimpleUploadedFile("trainees.csv", buffer.getvalue().encode(encoding))


def test_one_bad_row_imports_nothing_and_reports_that_row(cohort, registrar):
    existing = factories.user(username="lisi")
    upload = xlsx(
        [
            HEADER,
            ["zhangsan@example.com", "张三", "上海技术交易所", "13800000001"],
            ["lisi", "李四", "", ""],
            ["wangwu@example", "王五", "某大学", "13800000003"],
        ]
    )
    users_before = User.objects.count()
    batch = imports.enrolment_import(cohort=cohort, upload=upload, actor=registrar)

    assert batch.outcome == ImportOutcome.REFUSED
    assert (batch.row_count, batch.error_count) == (3, 1)
    assert User.objects.count() == users_before
    assert not Enrolment.objects.filter(user=existing).exists()
    assert not Enrolment.objects.exists()
    bad = [row for row in batch.report if row["messages"]]
    assert [row["row"] for row in bad] == [4]
    assert "不是有效的电子邮箱地址" in bad[0]["messages"][0]
    # The uploaded file is kept.
    assert batch.file.read().startswith(b"PK")
    assert len(mail.outbox) == 0


def test_a_good_file_imports_every_row_creating_accounts_and_waitlisting_beyond_capacity(
    cohort, registrar, django_capture_on_commit_callbacks
):
    factories.user(username="lisi", email="lisi@example.com")
    upload = csv_file(
        [
            ["username or email", "real name", "organisation", "phone"],
            ["zhangsan@example.com", "张三", "上海技术交易所", "13800000001"],
            ["lisi", "李四", "", ""],
            ["wangwu@example.com", "王五", "某大学", "+86 138-0000-0003"],
        ]
    )
    with django_capture_on_commit_callbacks() as callbacks:
        batch = imports.enrolment_import(cohort=cohort, upload=upload, actor=registrar)
    assert batch.outcome == ImportOutcome.IMPORTED
    statuses = dict(Enrolment.objects.filter(cohort=cohort).values_list("user__username", "status"))
    assert statuses == {
        "zhangsan": EnrolmentStatus.ENROLLED,
        "lisi": EnrolmentStatus.ENROLLED,
        "wangwu": EnrolmentStatus.WAITLISTED,
    }
    created = User.objects.get(email="zhangsan@example.com")
    assert not created.has_usable_password()
    assert created.first_name == "张三"
    assert "候补" in batch.report[2]["result"] or "waiting" in batch.report[2]["result"]
    assert len(callbacks) == 2  # a set-your-password email per new account, queued on commit
    event = Enrolment.objects.get(user=created).events.get()
    assert event.actor == registrar and "trainees.csv" in event.reason


def test_missing_columns_and_duplicates_are_reported(cohort, registrar):
    batch = imports.enrolment_import(
        cohort=cohort,
        upload=csv_file(
            [
                HEADER,
                ["a@example.com", "", "", ""],
                ["A@example.com", "甲", "", "abc"],
                ["nobody", "", "", ""],
            ]
        ),
        actor=registrar,
    )
    messages = {row["row"]: " ".join(row["messages"]) for row in batch.report}
    assert "真实姓名" in messages[2]
    assert "第 2 行" in messages[3] and "手机号" in messages[3]
    assert "nobody" in messages[4]
    assert not Enrolment.objects.exists()


def test_an_unreadable_file_is_refused_and_kept(cohort, registrar):
    with pytest.raises(imports.ImportFileError):
        imports.enrolment_import(
            cohort=cohort, upload=SimpleUploadedFile("list.xlsx", b"not a workbook"), actor=registrar
        )
    batch = ImportBatch.objects.get()
    assert batch.outcome == ImportOutcome.REFUSED and batch.file.read() == b"not a workbook"


def test_gb18030_csv_from_chinese_excel_is_read(cohort, registrar):
    factories.user(username="zhao")
    batch = imports.enrolment_import(
        cohort=cohort,
        upload=csv_file([HEADER, ["zhao", "赵六", "", ""]], encoding="gb18030"),
        actor=registrar,
    )
    assert batch.outcome == ImportOutcome.IMPORTED
    assert batch.report[0]["real_name"] == "赵六"


def test_only_registrars_import(cohort):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        imports.enrolment_import(cohort=cohort, upload=csv_file([HEADER]), actor=factories.instructor())


def test_import_page_shows_the_report_and_offers_it_for_download(client, cohort, registrar):
    client.force_login(registrar)
    upload = xlsx([HEADER, ["lisi@example", "李四", "", ""]])
    response = client.post(f"/staff/cohorts/{cohort.pk}/import/", {"file": upload}, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "lisi@example" in html and "不是有效的电子邮箱地址" in html
    batch = ImportBatch.objects.get()
    download = client.get(f"/staff/imports/{batch.pk}/report.xlsx")
    sheet = load_workbook(io.BytesIO(download.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == 2 and "不是有效的电子邮箱地址" in rows[1][6]
    text = client.get(f"/staff/imports/{batch.pk}/report.csv").content.decode("utf-8-sig")
    assert "lisi@example" in text
    assert client.get(f"/staff/imports/{batch.pk}/report.exe").status_code == 404


def test_import_page_rejects_a_wrong_file_type_with_a_message(client, cohort, registrar):
    client.force_login(registrar)
    response = client.post(
        f"/staff/cohorts/{cohort.pk}/import/", {"file": SimpleUploadedFile("a.pdf", b"%PDF")}
    )
    assert response.status_code == 200
    assert ".xlsx" in response.content.decode()
    assert not Enrolment.objects.exists()


@pytest.mark.integration
def test_new_accounts_get_a_set_password_email_from_a_real_worker(
    django_db_serialized_rollback, celery_worker_thread
):
    cohort = factories.cohort(course=factories.published_course())
    registrar = factories.registrar()
    imports.enrolment_import(
        cohort=cohort, upload=csv_file([HEADER, ["new@example.com", "新学员", "", ""]]), actor=registrar
    )
    wait_for(lambda: mail.outbox, timeout=20)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new@example.com"]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_the_welcome_email_links_to_the_public_site(db, settings):
    from courses.services import imported_account_welcome

    settings.TTA_PUBLIC_URL = "https://academy.example.cn"
    user = User.objects.create_user(username="fresh", email="fresh@example.com")
    user.set_unusable_password()
    user.save()

    assert imported_account_welcome(actor=SYSTEM, user=user)
    assert "https://academy.example.cn/accounts/password/reset/key/" in mail.outbox[0].body
    # Once sent and the password set, nothing is sent again.
    user.set_password("Fresh-2026!")
    user.save()
    assert not imported_account_welcome(actor=SYSTEM, user=user)
    assert len(mail.outbox) == 1


def test_the_import_report_keeps_a_hostile_name_as_text_in_excel_and_csv(client, cohort, registrar):
    hostile = '=HYPERLINK("http://evil.example","x")'
    client.force_login(registrar)
    upload = csv_file([HEADER, ["bad@example", hostile, "@SUM(A1)", "+8613800000000"]])
    client.post(f"/staff/cohorts/{cohort.pk}/import/", {"file": upload})
    batch = ImportBatch.objects.get()
    download = client.get(f"/staff/imports/{batch.pk}/report.xlsx")
    cells = [cell for row in load_workbook(io.BytesIO(download.content)).active.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    assert {hostile, "@SUM(A1)", "+8613800000000"} <= {cell.value for cell in cells if cell.data_type == "s"}
    text = client.get(f"/staff/imports/{batch.pk}/report.csv").content.decode("utf-8-sig")
    row = list(csv.reader(io.StringIO(text)))[1]
    assert row[2:5] == ["'" + hostile, "'@SUM(A1)", "'+8613800000000"]  # OWASP: never a formula in CSV
