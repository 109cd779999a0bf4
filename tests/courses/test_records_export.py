"""A cohort's trainee records (学员档案) exported by a worker: who may ask and download, progress,
one job per double click, a second run changes nothing, failures, and the workbook itself."""

import io
import tempfile
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from openpyxl import load_workbook

from core.guards import SYSTEM
from core.jobs import jobs_resume_stalled
from courses.accounts import services
from courses.accounts.models import AuditAction, AuditLog, ExportState, RecordsExport
from courses.accounts.services import records_export_build, records_export_request
from courses.models import HoursEntry, HoursSource
from tests.accounts.conftest import trainee_with_profile
from tests.factories import courses as factories
from tests.waiting import wait_for


@pytest.fixture
def course(db):
    return factories.published_course(title="技术转移概论", code="P-101")


def _cohort(course, trainees: int = 3):
    """A cohort and its trainees' identity numbers, each trainee with one and a half hours."""
    cohort = factories.cohort(course=course, title="2026 春季班", capacity=100)
    numbers = {}
    for _ in range(trainees):
        user, number = trainee_with_profile()
        factories.enrolment(cohort=cohort, user=user)
        HoursEntry.objects.create(
            user=user, course=course, cohort=cohort, source=HoursSource.ONLINE, hours="1.5"
        )
        numbers[user.username] = number
    return cohort, numbers


def _trainee_rows(content: bytes) -> dict[str, tuple]:
    """The 学员 sheet as {username: row as a dict by header}."""
    header, *rows = load_workbook(io.BytesIO(content))["学员"].iter_rows(values_only=True)
    return {row[0]: dict(zip(header, row, strict=True)) for row in rows}


def _request(cohort, actor, capture):
    """A request as a view makes it; returns the export and how many builds it queued."""
    with capture() as callbacks:
        export = records_export_request(cohort=cohort, actor=actor)
    return export, len(callbacks)


# --- The service ----------------------------------------------------------------------------------


def test_only_registrars_may_ask(course, django_capture_on_commit_callbacks):
    cohort, _ = _cohort(course, trainees=1)
    trainee, _ = trainee_with_profile()
    factories.enrolment(cohort=cohort, user=trainee)
    for outsider in (trainee, factories.instructor()):
        with pytest.raises(PermissionDenied):
            _request(cohort, outsider, django_capture_on_commit_callbacks)
    assert not RecordsExport.objects.exists()


def test_asking_twice_gives_one_job_until_it_is_finished(course, django_capture_on_commit_callbacks):
    cohort, _ = _cohort(course)
    registrar, colleague = factories.registrar(), factories.registrar()

    first, queued = _request(cohort, registrar, django_capture_on_commit_callbacks)
    assert (first.state, first.done, first.total, queued) == (ExportState.PENDING, 0, 3, 1)
    again, queued_again = _request(cohort, registrar, django_capture_on_commit_callbacks)
    assert again.pk == first.pk and queued_again == 0
    # Another registrar's request is their own job.
    theirs, _ = _request(cohort, colleague, django_capture_on_commit_callbacks)
    assert theirs.pk != first.pk

    records_export_build(actor=SYSTEM, export_id=first.pk)
    later, queued_later = _request(cohort, registrar, django_capture_on_commit_callbacks)
    assert later.pk != first.pk and queued_later == 1
    assert RecordsExport.objects.filter(requested_by=registrar).count() == 2


def test_a_job_that_stopped_moving_is_queued_again_when_asked_again(
    course, django_capture_on_commit_callbacks
):
    cohort, _ = _cohort(course)
    registrar = factories.registrar()
    export, _ = _request(cohort, registrar, django_capture_on_commit_callbacks)
    RecordsExport.objects.filter(pk=export.pk).update(updated_at=timezone.now() - timedelta(minutes=11))

    again, queued = _request(cohort, registrar, django_capture_on_commit_callbacks)
    assert again.pk == export.pk and queued == 1  # its message was lost: the same job, queued again


def test_progress_is_saved_after_each_chunk(course, monkeypatch, django_capture_on_commit_callbacks):
    cohort, _ = _cohort(course, trainees=5)
    export, _ = _request(cohort, factories.registrar(), django_capture_on_commit_callbacks)
    monkeypatch.setattr(services, "RECORDS_EXPORT_CHUNK", 2)
    seen = []
    load = services.trainee_records_for_user_ids

    def watched(*, user_ids, full_identity_numbers):
        job = RecordsExport.objects.get(pk=export.pk)
        seen.append((job.state, job.done, job.total, len(user_ids)))
        return load(user_ids=user_ids, full_identity_numbers=full_identity_numbers)

    monkeypatch.setattr(services, "trainee_records_for_user_ids", watched)
    records_export_build(actor=SYSTEM, export_id=export.pk)

    assert seen == [("running", 0, 5, 2), ("running", 2, 5, 2), ("running", 4, 5, 1)]
    export.refresh_from_db()
    assert (export.state, export.done, export.total, export.percent) == (ExportState.DONE, 5, 5, 100)
    assert export.started_at <= export.finished_at


def test_the_workbook_holds_each_trainee_with_the_full_number(course, django_capture_on_commit_callbacks):
    cohort, numbers = _cohort(course, trainees=3)
    outsider, outsider_number = trainee_with_profile()
    export, _ = _request(cohort, factories.registrar(), django_capture_on_commit_callbacks)
    records_export_build(actor=SYSTEM, export_id=export.pk)

    export.refresh_from_db()
    with export.file.open("rb") as handle:
        rows = _trainee_rows(handle.read())
    assert {name: row["证件号码"] for name, row in rows.items()} == numbers
    assert all(row["学时"] == 1.5 for row in rows.values())
    assert outsider.username not in rows


def test_building_twice_changes_nothing_and_a_job_left_running_is_built_again(
    course, django_capture_on_commit_callbacks
):
    cohort, numbers = _cohort(course, trainees=2)
    export, _ = _request(cohort, factories.registrar(), django_capture_on_commit_callbacks)
    records_export_build(actor=SYSTEM, export_id=export.pk)
    export.refresh_from_db()
    name, finished_at = export.file.name, export.finished_at

    records_export_build(actor=SYSTEM, export_id=export.pk)  # a redelivered message
    export.refresh_from_db()
    assert (export.file.name, export.finished_at, export.state) == (name, finished_at, ExportState.DONE)

    # A worker died while building: the row says running; the redelivered message builds it again.
    other, _ = _request(cohort, factories.registrar(), django_capture_on_commit_callbacks)
    RecordsExport.objects.filter(pk=other.pk).update(state=ExportState.RUNNING, done=1)
    records_export_build(actor=SYSTEM, export_id=other.pk)
    other.refresh_from_db()
    assert (other.state, other.done) == (ExportState.DONE, 2)
    with other.file.open("rb") as handle:
        assert set(_trainee_rows(handle.read())) == set(numbers)


def test_a_failure_marks_the_job_failed_without_quoting_trainee_data(
    course, monkeypatch, caplog, tmp_path, django_capture_on_commit_callbacks
):
    cohort, numbers = _cohort(course, trainees=1)
    (number,) = numbers.values()
    export, _ = _request(cohort, factories.registrar(), django_capture_on_commit_callbacks)

    def broken(self, records):
        raise ValueError(f"{records[0].identity_number} cannot be written")

    monkeypatch.setattr(services.RecordsWorkbook, "add", broken)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where openpyxl writes its sheets
    records_export_build(actor=SYSTEM, export_id=export.pk)
    export.refresh_from_db()
    assert (export.state, export.error, bool(export.file)) == (ExportState.FAILED, "ValueError", False)
    assert export.finished_at is not None
    assert "ValueError" in caplog.text and "in broken" in caplog.text  # what and where, for the staff
    assert number not in caplog.text
    assert list(tmp_path.glob("openpyxl.*")) == []  # the sheets written so far are not left behind


def test_control_characters_in_trainee_text_do_not_break_the_export(
    course, django_capture_on_commit_callbacks
):
    cohort, _ = _cohort(course, trainees=1)
    user = cohort.enrolments.get().user
    user.trainee_profile.organisation = "某大学\x0b技术转移中心"  # pasted from a Word table
    user.trainee_profile.save()
    export, _ = _request(cohort, factories.registrar(), django_capture_on_commit_callbacks)
    records_export_build(actor=SYSTEM, export_id=export.pk)
    export.refresh_from_db()
    assert export.state == ExportState.DONE
    with export.file.open("rb") as handle:
        assert _trainee_rows(handle.read())[user.username]["工作单位"] == "某大学技术转移中心"


# --- The pages ------------------------------------------------------------------------------------


def test_the_sweep_queues_again_only_jobs_that_stopped_moving(course, django_capture_on_commit_callbacks):
    cohort, _ = _cohort(course)
    stuck, _ = _request(cohort, factories.registrar(), django_capture_on_commit_callbacks)
    moving, _ = _request(cohort, factories.registrar(), django_capture_on_commit_callbacks)
    built, _ = _request(cohort, factories.registrar(), django_capture_on_commit_callbacks)
    records_export_build(actor=SYSTEM, export_id=built.pk)
    long_ago = timezone.now() - timedelta(minutes=11)
    RecordsExport.objects.filter(pk__in=[stuck.pk, built.pk]).update(updated_at=long_ago)

    with django_capture_on_commit_callbacks() as callbacks:
        assert jobs_resume_stalled() == 1  # the one sweep of every registrar job (core.jobs)
    assert len(callbacks) == 1
    stuck.refresh_from_db()
    assert stuck.updated_at > long_ago  # not queued again by the next sweep straight away
    with django_capture_on_commit_callbacks() as callbacks:
        assert jobs_resume_stalled() == 0
    assert not callbacks and moving.pk


def test_workbooks_are_deleted_after_the_keeping_time_and_the_page_says_so(client, course, settings):
    settings.TTA_RECORDS_EXPORT_KEEP_DAYS = 7
    cohort, _ = _cohort(course, trainees=1)
    registrar = factories.registrar()
    client.force_login(registrar)
    _start(client, cohort)
    _start(client, cohort)  # the same job
    old = RecordsExport.objects.get()
    records_export_build(actor=SYSTEM, export_id=old.pk)
    _start(client, cohort)
    recent = RecordsExport.objects.exclude(pk=old.pk).get()
    records_export_build(actor=SYSTEM, export_id=recent.pk)
    RecordsExport.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(days=8))
    old.refresh_from_db()
    old_name, storage = old.file.name, old.file.storage
    assert storage.exists(old_name)

    assert services.records_export_purge(actor=SYSTEM) == 1
    assert services.records_export_purge(actor=SYSTEM) == 0  # idempotent
    old.refresh_from_db()
    recent.refresh_from_db()
    assert not storage.exists(old_name) and not old.file
    assert old.state == ExportState.DONE and old.total == 1  # the job's record stays
    assert recent.file and recent.file.storage.exists(recent.file.name)

    response = client.get(_urls(old)[2], follow=True)
    assert "此次导出的文件已不再保存" in response.content.decode()
    assert not AuditLog.objects.exists()


def _start(client, cohort):
    return client.post(f"/accounts/records/cohorts/{cohort.pk}/export/")


def _urls(export):
    base = f"/accounts/records/exports/{export.pk}/"
    return base, f"{base}status.json", f"{base}records.xlsx"


def test_trainees_and_instructors_cannot_start_follow_or_download(client, course):
    cohort, _ = _cohort(course, trainees=1)
    registrar = factories.registrar()
    client.force_login(registrar)
    assert _start(client, cohort).status_code == 302
    export = RecordsExport.objects.get()
    records_export_build(actor=SYSTEM, export_id=export.pk)

    trainee = cohort.enrolments.get().user
    for outsider in (trainee, factories.instructor()):
        client.force_login(outsider)
        assert _start(client, cohort).status_code == 403
        for url in _urls(export):
            assert client.get(url).status_code == 403, url
    assert RecordsExport.objects.count() == 1
    assert not AuditLog.objects.filter(action=AuditAction.COHORT_RECORDS_EXPORTED).exists()


def test_only_the_requester_or_a_superuser_downloads_and_each_download_is_audited(client, course):
    cohort, _ = _cohort(course, trainees=2)
    registrar = factories.registrar()
    client.force_login(registrar)
    _start(client, cohort)
    export = RecordsExport.objects.get()
    records_export_build(actor=SYSTEM, export_id=export.pk)

    client.force_login(factories.registrar())  # a colleague
    for url in _urls(export):
        assert client.get(url).status_code == 403, url

    for reader in (registrar, factories.user(is_superuser=True)):
        client.force_login(reader)
        response = client.get(_urls(export)[2])
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"
        assert len(_trainee_rows(b"".join(response.streaming_content))) == 2
    entries = AuditLog.objects.filter(action=AuditAction.COHORT_RECORDS_EXPORTED).order_by("pk")
    assert [(entry.actor_id, entry.cohort_id, entry.detail["trainees"]) for entry in entries] == [
        (registrar.pk, cohort.pk, 2),
        (entries[1].actor_id, cohort.pk, 2),
    ]
    assert entries[1].actor.is_superuser


def test_starting_needs_a_post_and_an_existing_cohort(client, course):
    cohort, _ = _cohort(course, trainees=1)
    client.force_login(factories.registrar())
    assert client.get(f"/accounts/records/cohorts/{cohort.pk}/export/").status_code == 405
    assert client.post("/accounts/records/cohorts/999999/export/").status_code == 404
    assert client.get("/accounts/records/exports/999999/").status_code == 404
    assert client.get("/accounts/records/exports/999999/status.json").status_code == 404
    assert not RecordsExport.objects.exists()


def test_the_status_page_shows_progress_and_works_without_javascript(client, course):
    cohort, _ = _cohort(course, trainees=3)
    client.force_login(factories.registrar())
    response = _start(client, cohort)
    export = RecordsExport.objects.get()
    page, status, download = _urls(export)
    assert response["Location"] == page

    html = client.get(page).content.decode()
    assert '<noscript><meta http-equiv="refresh"' in html and "刷新本页" in html
    assert "正在等待后台开始导出" in html
    assert client.get(status).json() == {
        "state": "pending", "done": 0, "total": 3, "remaining": 3, "percent": 0, "finished": False,
        "message": "正在等待后台开始导出……", "download_url": "",
    }  # fmt: skip

    RecordsExport.objects.filter(pk=export.pk).update(state=ExportState.RUNNING, done=2)
    body = client.get(status).json()
    assert (body["percent"], body["message"]) == (67, "正在导出档案：已处理 2 / 3 名学员。")
    # Not ready: the download link sends back to the page, with the reason, and nothing is audited.
    response = client.get(download, follow=True)
    assert response.redirect_chain == [(page, 302)]
    assert "导出尚未完成。" in response.content.decode()
    assert not AuditLog.objects.exists()

    RecordsExport.objects.filter(pk=export.pk).update(state=ExportState.PENDING)
    records_export_build(actor=SYSTEM, export_id=export.pk)
    body = client.get(status).json()
    assert (body["state"], body["percent"], body["finished"], body["download_url"]) == (
        "done",
        100,
        True,
        download,
    )
    html = client.get(page).content.decode()
    assert 'http-equiv="refresh"' not in html and "Excel 文件已生成。" in html


def test_a_failed_export_says_so_in_the_readers_language(client, course):
    cohort, _ = _cohort(course, trainees=1)
    client.force_login(factories.registrar())
    _start(client, cohort)
    export = RecordsExport.objects.get()
    RecordsExport.objects.filter(pk=export.pk).update(state=ExportState.FAILED, error="ValueError")

    assert (
        client.get(_urls(export)[1]).json()["message"] == "导出失败。请重新导出；如仍失败，请联系技术人员。"
    )
    english = client.get(f"/en{_urls(export)[1]}").json()["message"]
    assert english.startswith("The export failed. Start it again")
    html = client.get(_urls(export)[0]).content.decode()
    assert "重新导出" in html and "ValueError" not in html
    # Starting again gives a new job.
    assert _start(client, cohort).status_code == 302
    assert RecordsExport.objects.count() == 2


def test_a_lost_file_is_explained_not_a_server_error(client, course):
    cohort, _ = _cohort(course, trainees=1)
    client.force_login(factories.registrar())
    _start(client, cohort)
    export = RecordsExport.objects.get()
    records_export_build(actor=SYSTEM, export_id=export.pk)
    export.refresh_from_db()
    export.file.storage.delete(export.file.name)

    response = client.get(_urls(export)[2], follow=True)
    assert response.status_code == 200
    assert "此次导出的文件已不再保存" in response.content.decode()
    assert not AuditLog.objects.exists()


def test_the_workbook_is_written_in_the_language_of_the_request(client, course):
    cohort, _ = _cohort(course, trainees=1)
    client.force_login(factories.registrar())
    client.post(f"/en/accounts/records/cohorts/{cohort.pk}/export/")
    export = RecordsExport.objects.get()
    assert export.language == "en"
    records_export_build(actor=SYSTEM, export_id=export.pk)
    export.refresh_from_db()
    with export.file.open("rb") as handle:
        assert load_workbook(handle).sheetnames[0] == "Trainees"


# --- Through the broker and a real worker ---------------------------------------------------------


@pytest.mark.integration
def test_a_registrar_exports_a_cohort_through_a_real_worker(client, course, celery_worker_thread):
    cohort, numbers = _cohort(course, trainees=4)
    registrar = factories.registrar()
    client.force_login(registrar)

    response = _start(client, cohort)
    export = RecordsExport.objects.get()
    page, status, download = _urls(export)
    assert response.status_code == 302 and response["Location"] == page

    assert wait_for(lambda: client.get(status).json()["finished"], timeout=60), client.get(status).json()
    body = client.get(status).json()
    assert (body["state"], body["done"], body["total"], body["download_url"]) == ("done", 4, 4, download)

    response = client.get(download)
    assert response.status_code == 200
    rows = _trainee_rows(b"".join(response.streaming_content))
    assert {name: row["证件号码"] for name, row in rows.items()} == numbers
    entry = AuditLog.objects.get(action=AuditAction.COHORT_RECORDS_EXPORTED)
    assert (entry.actor, entry.cohort, entry.detail["trainees"]) == (registrar, cohort, 4)


def test_every_beat_entry_names_a_registered_task(settings):
    from config.celery_app import app

    app.loader.import_default_modules()
    assert "courses.tasks.records_exports_sweep_task" in {
        e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()
    }
    assert [e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] not in app.tasks] == []


def test_a_workbook_storage_cannot_delete_stops_no_other_purge(client, course, settings, monkeypatch):
    settings.TTA_RECORDS_EXPORT_KEEP_DAYS = 7
    exports = []
    for trainees in (1, 2):
        cohort, _ = _cohort(course, trainees=trainees)
        client.force_login(factories.registrar())
        _start(client, cohort)
        export = RecordsExport.objects.get(cohort=cohort)
        records_export_build(actor=SYSTEM, export_id=export.pk)
        exports.append(RecordsExport.objects.get(pk=export.pk))
    RecordsExport.objects.update(finished_at=timezone.now() - timedelta(days=8))
    stuck, other = exports
    storage = stuck.file.storage
    real_delete = type(storage).delete

    def delete(self, name):
        if name == stuck.file.name:
            raise OSError("bucket unavailable")
        return real_delete(self, name)

    monkeypatch.setattr(type(storage), "delete", delete)
    assert services.records_export_purge(actor=SYSTEM) == 1
    other.refresh_from_db()
    stuck.refresh_from_db()
    assert not other.file and stuck.file  # the stuck one is tried again next run
