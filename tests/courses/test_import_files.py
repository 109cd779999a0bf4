"""Uploaded import files (enrolment rosters, question files) are private, typed, and purged in time.

Issue 11.2: they were stored under the public media folder with their original names and any
extension, served by Django with DEBUG off, and never deleted.
"""

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.guards import SYSTEM
from courses import imports
from courses.models import ImportBatch
from courses.questions import services as question_services
from courses.questions.models import ImportJob
from courses.tasks import import_files_purge_task
from tests.factories import courses as factories
from tests.factories import questions as question_factories
from tests.test_settings import _manage

HEADER = "用户名或邮箱,姓名,单位,手机\n"
ROSTER = (HEADER + "new@example.com,新学员,某大学,13800000000\n").encode("utf-8-sig")
GIFT = "::q1:: 技术合同需要认定登记吗？ {T}\n".encode()


@pytest.fixture
def cohort(db):
    return factories.cohort(course=factories.published_course())


@pytest.fixture
def registrar(db):
    return factories.registrar()


def _files_under(folder) -> list[str]:
    return [str(path) for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def test_a_roster_is_stored_privately_under_a_random_name(cohort, registrar):
    batch = imports.enrolment_import(
        cohort=cohort, upload=SimpleUploadedFile("名单 2026.csv", ROSTER), actor=registrar
    )
    assert _files_under(settings.MEDIA_ROOT) == []  # nothing in the public media folder
    assert storages["imports"].exists(batch.file.name)
    assert "名单" not in batch.file.name and batch.file.name.endswith(".csv")
    assert batch.original_name == "名单 2026.csv"  # the report still names the registrar's file
    with pytest.raises(NotImplementedError):
        batch.file.url  # noqa: B018  (no public URL at all)


def test_a_question_file_is_stored_privately_under_a_random_name(db):
    job = question_services.import_check(
        user=SYSTEM, bank=question_factories.question_bank(), filename="题库.gift", content=GIFT
    )
    assert _files_under(settings.MEDIA_ROOT) == []
    assert storages["imports"].exists(job.file.name) and "题库" not in job.file.name
    with pytest.raises(NotImplementedError):
        job.file.url  # noqa: B018


def test_an_html_question_file_is_refused_in_the_users_language_and_not_kept(client, db):
    from cms import services as cms_services
    from tests.factories import cms as cms_factories

    home = cms_factories.home_page()
    cms_services.editorial_setup(site_root=home, catalogue=cms_factories.catalogue_page(home))
    instructor = factories.instructor()
    client.force_login(instructor)
    bank = question_factories.question_bank()
    page = b"<html><script>alert(document.cookie)</script>{T}</html>"
    response = client.post(
        "/admin/question-files/import/", {"bank": bank.pk, "file": SimpleUploadedFile("x.html", page)}
    )
    assert response.status_code == 200
    assert "请上传以下类型的试题文件" in " ".join(response.context["form"].errors["file"])
    assert not ImportJob.objects.exists()
    with pytest.raises(question_services.ImportRefused):
        question_services.import_check(user=SYSTEM, bank=bank, filename="x.html", content=page)
    assert not ImportJob.objects.exists() and _files_under(settings.MEDIA_ROOT) == []


def test_a_roster_of_another_type_is_refused_and_not_kept(client, cohort, registrar):
    client.force_login(registrar)
    response = client.post(
        f"/staff/cohorts/{cohort.pk}/import/",
        {"file": SimpleUploadedFile("roster.html", b"<script>x</script>")},
    )
    assert (
        response.status_code == 200 and "请上传 Excel（.xlsx）或 CSV（.csv）文件" in response.content.decode()
    )
    with pytest.raises(imports.ImportFileError):
        imports.enrolment_import(
            cohort=cohort, upload=SimpleUploadedFile("roster.html", b"<script>x</script>"), actor=registrar
        )
    assert not ImportBatch.objects.exists()


def test_files_past_their_keeping_time_are_deleted_and_the_reports_kept(cohort, registrar, settings):
    settings.TTA_IMPORTS_KEEP_DAYS = 30
    old_batch = imports.enrolment_import(
        cohort=cohort, upload=SimpleUploadedFile("a.csv", ROSTER), actor=registrar
    )
    new_batch = imports.enrolment_import(
        cohort=cohort, upload=SimpleUploadedFile("b.csv", ROSTER), actor=registrar
    )
    bank = question_factories.question_bank()
    old_job = question_services.import_check(user=SYSTEM, bank=bank, filename="old.gift", content=GIFT)
    new_job = question_services.import_check(user=SYSTEM, bank=bank, filename="new.gift", content=GIFT)
    long_ago = timezone.now() - timedelta(days=31)
    ImportBatch.objects.filter(pk=old_batch.pk).update(created_at=long_ago)
    ImportJob.objects.filter(pk=old_job.pk).update(created_at=long_ago)
    old_names = [old_batch.file.name, old_job.file.name]

    assert import_files_purge_task() == 2
    assert import_files_purge_task() == 0  # idempotent

    old_batch.refresh_from_db()
    old_job.refresh_from_db()
    assert not old_batch.file and not old_job.file
    assert not any(storages["imports"].exists(name) for name in old_names)
    assert old_batch.report and old_batch.row_count == 1  # the report stays
    assert old_job.report["total"] == 1
    for kept in (new_batch, new_job):
        kept.refresh_from_db()
        assert storages["imports"].exists(kept.file.name)
    # A job whose file is gone can no longer be confirmed: nothing is imported from nothing.
    with pytest.raises(question_services.ImportRefused):
        question_services.import_confirm(user=SYSTEM, job=old_job)


def test_the_purge_runs_on_a_schedule():
    entry = next(
        e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"].endswith("import_files_purge_task")
    )
    assert entry["task"] == import_files_purge_task.name


def test_existing_import_files_move_out_of_public_media(cohort, registrar):
    """The data migration: files uploaded before it are moved into private storage, renamed."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("courses.migrations.0006_import_files_private")
    public_name = f"enrolment-imports/{cohort.pk}/名单.csv"
    storages["media"].save(public_name, io.BytesIO(ROSTER))
    batch = ImportBatch.objects.create(
        cohort=cohort, original_name="名单.csv", outcome="refused", file=public_name
    )

    migration.move_files_to_private_storage(apps, None)

    batch.refresh_from_db()
    assert batch.file.name != public_name and "名单" not in batch.file.name
    assert storages["imports"].open(batch.file.name).read() == ROSTER
    assert _files_under(settings.MEDIA_ROOT) == []


def test_django_serves_media_only_in_debug():
    code = "from django.conf import settings as s; print(s.SERVE_MEDIA)"
    assert _manage("shell", "-v", "0", "-c", code, env={"DJANGO_DEBUG": "0"}).stdout.split() == ["False"]
    assert _manage("shell", "-v", "0", "-c", code, env={"DJANGO_DEBUG": "1"}).stdout.split() == ["True"]
    explicit = {"DJANGO_DEBUG": "0", "TTA_SERVE_MEDIA": "1"}
    assert _manage("shell", "-v", "0", "-c", code, env=explicit).stdout.split() == ["True"]
