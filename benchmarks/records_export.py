"""How long a registrar waits for the trainee records (学员档案) of a whole cohort, as Excel.

    .venv/bin/python benchmarks/records_export.py --trainees 500 [--hours-entries 20] [--lessons 12] [--runs 3]

Creates its own PostgreSQL database (``tta_bench_records``, dropped and re-created, then migrated)
on the server of ``DATABASE_URL`` (default: postgres@127.0.0.1:5432), and writes with bulk inserts
a course with lessons, one cohort of N trainees, each with a complete profile (identity number
encrypted as in production), consent, an enrolment with its event, ``--hours-entries`` ledger
rows and ``--lessons`` lesson completions.

The export is a background job, so this starts a real Celery worker (a thread, solo pool) on a
queue of its own through the configured broker (``CELERY_BROKER_URL``; Celery's filesystem
transport if unset). Each run, the registrar's client asks for the export (the web request:
it only queues the job), then the job is watched until it is done (the worker reads, decrypts and
writes the workbook to private storage), then the file is downloaded (the audited request). It
reports, per run and as best and median: the time of the start request, the time until the job is
done (and, from the progress the job saves, how much of it went to reading and writing the
trainees' rows, a chunk at a time, and how much to saving the workbook), the download time, the workbook size and ledger rows per second; ending with
one line of key=value figures.
"""

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DB = "tta_bench_records"
MAX_TRAINEES = 5000
TIMEOUT_S = 1200


def _server_url() -> str:
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/tta")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("records_export needs PostgreSQL: set DATABASE_URL to a postgres:// URL.")
    return url.rsplit("/", 1)[0]


def _recreate_database(server: str) -> str:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {BENCH_DB}")
    return f"{server}/{BENCH_DB}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--trainees", type=int, default=500)
    parser.add_argument("--hours-entries", type=int, default=20)
    parser.add_argument("--lessons", type=int, default=12)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    trainees = min(max(args.trainees, 1), MAX_TRAINEES)

    database_url = _recreate_database(_server_url())
    os.environ.update({"DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "config.settings"})
    os.environ.setdefault("CACHE_URL", "locmemcache://bench")
    # Pages render without collectstatic's manifest: the bench measures the export, not static files.
    os.environ["DJANGO_MANIFEST_STATIC"] = "0"
    # The workbooks hold (made-up) identity numbers: kept in a folder of this run's own, removed at the end.
    files = tempfile.mkdtemp(prefix="tta-bench-records-")
    os.environ["TTA_RECORDS_ROOT"] = files
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=ROOT,
        check=True,
        env=os.environ,
    )
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    try:
        _run(
            trainees=trainees, hours_entries=args.hours_entries, lessons=args.lessons, runs=max(args.runs, 1)
        )
    finally:
        shutil.rmtree(files, ignore_errors=True)


def _run(*, trainees: int, hours_entries: int, lessons: int, runs: int) -> None:
    import datetime
    from decimal import Decimal

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.test import Client
    from django.utils import timezone
    from wagtail.models import Page, Site

    from cms.choices import DeliveryMode, Level, Module
    from cms.models import CourseIndexPage, CoursePage, HomePage, LessonPage
    from core.roles import REGISTRARS_GROUP
    from courses.accounts.identity import resident_id_check_character
    from courses.accounts.models import PrivacyConsent, TraineeProfile
    from courses.models import Cohort, Enrolment, EnrolmentEvent, HoursEntry, HoursSource, LessonCompletion

    settings.ALLOWED_HOSTS = ["*"]
    settings.SECURE_SSL_REDIRECT = False
    started = time.perf_counter()
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="首页", slug="bench-home"))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    catalogue = home.add_child(instance=CourseIndexPage(title="课程目录", slug="courses"))
    course = catalogue.add_child(
        instance=CoursePage(
            title="技术转移概论",
            slug="intro",
            code="P-101",
            summary="课程简介",
            learning_hours=Decimal("8"),
            module=Module.GENERAL,
            level=Level.PRIMARY,
            delivery_mode=DeliveryMode.ONLINE,
        )
    )
    lesson_pages = [
        course.add_child(instance=LessonPage(title=f"第 {n} 课", slug=f"lesson-{n}"))
        for n in range(1, lessons + 1)
    ]
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        code="BENCH-1",
        title="基准测试班",
        course=course,
        starts_on=today,
        ends_on=today + datetime.timedelta(days=30),
        capacity=trainees,
    )

    user_model = get_user_model()
    password = make_password(None)
    users = user_model.objects.bulk_create(
        [
            user_model(username=f"bench{n:05d}", email=f"bench{n:05d}@example.org", password=password)
            for n in range(trainees)
        ]
    )
    profiles = []
    for n, user in enumerate(users):
        first17 = f"110105199001{n % 28 + 1:02d}{n % 1000:03d}"
        profiles.append(
            TraineeProfile(
                user=user,
                real_name=f"学员{n}",
                organisation="某大学技术转移中心",
                phone="13800138000",
                identity_number=first17 + resident_id_check_character(first17),
            )
        )
    TraineeProfile.objects.bulk_create(profiles)
    PrivacyConsent.objects.bulk_create(
        [PrivacyConsent(user=user, notice_version=settings.PRIVACY_NOTICE_VERSION) for user in users]
    )
    enrolments = Enrolment.objects.bulk_create(
        [Enrolment(user=user, cohort=cohort, status="enrolled") for user in users]
    )
    EnrolmentEvent.objects.bulk_create(
        [EnrolmentEvent(enrolment=enrolment, to_status="enrolled") for enrolment in enrolments]
    )
    HoursEntry.objects.bulk_create(
        [
            HoursEntry(
                user=user, course=course, cohort=cohort, source=HoursSource.ONLINE, hours=Decimal("0.25")
            )
            for user in users
            for _ in range(hours_entries)
        ],
        batch_size=5000,
    )
    LessonCompletion.objects.bulk_create(
        [LessonCompletion(user=user, lesson=lesson) for user in users for lesson in lesson_pages],
        batch_size=5000,
    )
    registrar = user_model.objects.create_user(username="bench-registrar", password="x")
    registrar.groups.add(Group.objects.get_or_create(name=REGISTRARS_GROUP)[0])
    print(f"data: {trainees} trainees written in {time.perf_counter() - started:.1f} s")

    from courses.accounts.models import RecordsExport

    with _worker():
        client = Client()
        client.force_login(registrar)
        client.get("/accounts/records/")  # the first request of a process loads URLs and templates
        start_url = f"/accounts/records/cohorts/{cohort.pk}/export/"
        runs_seen = []
        for run in range(runs):
            figures = _one_export(client, start_url, RecordsExport)
            runs_seen.append(figures)
            print(
                f"run {run + 1}: start request {figures['start_s'] * 1000:.0f} ms, "
                f"done after {figures['done_s']:.2f} s (rows {figures['rows_s']:.2f} s, "
                f"saving {figures['save_s']:.2f} s), download {figures['download_s'] * 1000:.0f} ms, "
                f"{figures['size'] / 1024:.0f} KiB"
            )

    ledger_rows = trainees * (hours_entries + lessons + 2)
    done = [figures["done_s"] for figures in runs_seen]
    best, median = min(done), statistics.median(done)
    last = runs_seen[-1]
    print(
        f"trainees={trainees} rows={ledger_rows} best_done_s={best:.2f} median_done_s={median:.2f} "
        f"rows_s={last['rows_s']:.2f} save_s={last['save_s']:.2f} "
        f"start_ms={statistics.median(f['start_s'] for f in runs_seen) * 1000:.0f} "
        f"download_ms={statistics.median(f['download_s'] for f in runs_seen) * 1000:.0f} "
        f"rows_per_s={ledger_rows / best:.0f} xlsx_kib={last['size'] / 1024:.0f}"
    )


@contextlib.contextmanager
def _worker():
    """A real worker in a thread, on a queue of this run's own (a developer's worker takes nothing)."""
    from celery.contrib.testing.worker import start_worker

    from config.celery_app import app

    queue = f"bench-records-{uuid.uuid4().hex[:8]}"
    app.conf.task_default_queue = queue
    with start_worker(app, pool="solo", perform_ping_check=False, queues=[queue], shutdown_timeout=30):
        yield


def _one_export(client, start_url: str, model) -> dict:
    """Ask for the export, watch the job until it is done, download it; the times of each step."""
    tick = time.perf_counter()
    response = client.post(start_url)
    start_s = time.perf_counter() - tick
    assert response.status_code == 302, response.status_code
    export_id = int(response["Location"].rstrip("/").rsplit("/", 1)[1])
    rows_at = None
    while True:
        export = model.objects.get(pk=export_id)
        now = time.perf_counter() - tick
        if export.state == "running" and export.total and export.done == export.total and rows_at is None:
            rows_at = now  # every trainee's rows written: the workbook is being saved
        if export.finished:
            break
        if now > TIMEOUT_S:
            sys.exit(
                f"the export did not finish within {TIMEOUT_S} s: {export.state} {export.done}/{export.total}"
            )
        time.sleep(0.02)
    assert export.state == "done", f"the export failed: {export.error}"
    done_s = now
    rows_s = rows_at if rows_at is not None else done_s

    tick = time.perf_counter()
    response = client.get(f"/accounts/records/exports/{export_id}/records.xlsx")
    content = b"".join(response.streaming_content)
    download_s = time.perf_counter() - tick
    assert response.status_code == 200, response.status_code
    return {
        "start_s": start_s,
        "done_s": done_s,
        "rows_s": rows_s,
        "save_s": done_s - rows_s,
        "download_s": download_s,
        "size": len(content),
    }


if __name__ == "__main__":
    main()
