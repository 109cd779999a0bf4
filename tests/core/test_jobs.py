"""The registrar jobs' framework (core.jobs): each item settled once by racing workers and
redelivered messages, progress on the job's row, one stall sweep for every kind, one progress shape."""

import json
import threading
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from certification.models import BatchItem, IssuanceBatch, ItemState, RegistryChange
from cms.choices import Level
from core import jobs
from core.downloads import PRIVATE_NO_STORE
from core.guards import SYSTEM
from core.jobs import JobKind, JobProgress, job_kinds, job_progress_response, job_run, jobs_resume_stalled
from courses.accounts.models import RecordsExport
from tests.concurrency import run_concurrently
from tests.factories import cms as cms_factories
from tests.factories import courses as course_factories

# Items the probe handler settled, in order, with the thread that settled each.
SETTLED: list[tuple[int, str]] = []
SETTLED_LOCK = threading.Lock()


def probe_settle(*, item: BatchItem, actor):
    """A handler that only records the item and settles it, slowly enough for runs to overlap.
    The runner calls it as the platform (``actor=SYSTEM``)."""
    assert actor is SYSTEM
    with SETTLED_LOCK:
        SETTLED.append((item.pk, threading.current_thread().name))
    time.sleep(0.005)
    item.state = ItemState.HELD
    item.save(update_fields=["state", "updated_at"])
    return None


PROBE = JobKind(
    name="probe",
    model="certification.IssuanceBatch",
    task="certification.tasks.certificate_batch_run_task",
    handle_item="tests.core.test_jobs.probe_settle",
)


@pytest.fixture
def probe():
    SETTLED.clear()
    jobs.job_kind_register(PROBE)
    yield PROBE
    jobs._KINDS.pop(PROBE.name, None)
    SETTLED.clear()


def _batch(items: int) -> IssuanceBatch:
    """A batch of ``items`` pending items, made directly (the probe settles them, nothing is issued)."""
    program = cms_factories.program_page(cms_factories.home_page(), title="初级项目", level=Level.PRIMARY)
    cohort = course_factories.cohort(program=program)
    batch = IssuanceBatch.objects.create(cohort=cohort, program=program, total=items)
    users = [course_factories.user() for _ in range(items)]
    BatchItem.objects.bulk_create(BatchItem(batch=batch, user=user) for user in users)
    return batch


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_on_one_job_settle_each_item_once(probe):
    batch = _batch(12)
    handled = run_concurrently(lambda _: job_run(kind="probe", job_id=batch.pk, max_items=None), 2)

    settled = [pk for pk, _thread in SETTLED]
    assert sorted(settled) == sorted(BatchItem.objects.filter(batch=batch).values_list("pk", flat=True))
    assert len(settled) == len(set(settled)) == sum(handled) == 12  # none twice, none lost
    batch.refresh_from_db()
    assert (batch.state, batch.total, batch.done) == ("finished", 12, 12) and batch.finished_at


def test_a_redelivered_run_settles_nothing_twice_and_a_finished_job_is_left_alone(
    db, probe, captured_dispatches, django_capture_on_commit_callbacks
):
    batch = _batch(7)
    run_task = "certification.tasks.certificate_batch_run_task"
    with django_capture_on_commit_callbacks(execute=True):
        assert job_run(kind="probe", job_id=batch.pk, max_items=4) == 4
    assert captured_dispatches.args(run_task, sent=True) == [batch.pk]  # the next chunk
    batch.refresh_from_db()
    assert (batch.state, batch.total, batch.done, batch.attempts) == ("running", 7, 4, 1)

    # The same message delivered again (a worker lost before acknowledging it): it takes what is
    # still pending, never the four already settled.
    with django_capture_on_commit_callbacks(execute=True):
        assert job_run(kind="probe", job_id=batch.pk, max_items=4) == 3
    settled = [pk for pk, _thread in SETTLED]
    assert len(settled) == len(set(settled)) == 7
    batch.refresh_from_db()
    assert (batch.state, batch.done, batch.attempts) == ("finished", 7, 2)
    finished_at = batch.finished_at

    with django_capture_on_commit_callbacks(execute=True):
        assert job_run(kind="probe", job_id=batch.pk, max_items=4) == 0
    batch.refresh_from_db()
    assert (batch.finished_at, batch.attempts, len(SETTLED)) == (finished_at, 2, 7)
    assert captured_dispatches.args(run_task, sent=True) == [batch.pk]  # nothing more was queued


def test_the_one_sweep_resumes_every_kind_of_job_untouched_for_the_stall_time(
    db, settings, captured_dispatches, django_capture_on_commit_callbacks
):
    assert {"certificate_batch", "registry_change", "records_export"} <= {k.name for k in job_kinds()}
    settings.TTA_JOB_STALL_SECONDS = 120
    registrar = course_factories.registrar()
    batch = _batch(1)
    change = RegistryChange.objects.create(action="suspend", reason="复核", created_by=registrar)
    export = RecordsExport.objects.create(requested_by=registrar, cohort=batch.cohort, total=1)
    finished = RegistryChange.objects.create(action="suspend", created_by=registrar, state="done")
    fresh = RegistryChange.objects.create(action="suspend", created_by=registrar)

    with django_capture_on_commit_callbacks(execute=True):
        assert jobs_resume_stalled() == 0  # every job just made: its message may still be coming
    three_minutes_ago = timezone.now() - timedelta(minutes=3)
    for model, pk in ((IssuanceBatch, batch.pk), (RegistryChange, change.pk), (RecordsExport, export.pk)):
        model.objects.filter(pk=pk).update(updated_at=three_minutes_ago)
    RegistryChange.objects.filter(pk=finished.pk).update(
        updated_at=three_minutes_ago, finished_at=three_minutes_ago
    )
    RegistryChange.objects.filter(pk=fresh.pk).update(updated_at=timezone.now() - timedelta(seconds=60))

    with django_capture_on_commit_callbacks(execute=True):
        assert jobs_resume_stalled() == 3
    assert captured_dispatches.args("certification.tasks.certificate_batch_run_task", sent=True) == [batch.pk]
    assert captured_dispatches.args("certification.tasks.registry_change_run_task", sent=True) == [change.pk]
    assert captured_dispatches.args("courses.tasks.records_export_task", sent=True) == [export.pk]
    # Touched when queued: the next sweep leaves them to their new run for another stall time.
    for model, pk in ((IssuanceBatch, batch.pk), (RegistryChange, change.pk), (RecordsExport, export.pk)):
        assert model.objects.get(pk=pk).updated_at > three_minutes_ago
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs_resume_stalled() == 0
    assert len([d for d in captured_dispatches if d.sent]) == 3


@pytest.mark.parametrize(
    "progress, percent",
    [
        (JobProgress(total=0, done=0, state="pending"), 0),
        (JobProgress(total=200, done=199, state="running"), 99),  # not a rounded 100 before the end
        (JobProgress(total=3, done=2, state="running"), 67),
        (JobProgress(total=0, done=0, state="finished", finished=True), 100),
        (JobProgress(total=3, done=1, state="failed", finished=True, complete=False), 33),
    ],
)
def test_progress_percent(progress, percent):
    assert progress.percent == percent
    assert progress.as_dict() == {
        "state": progress.state,
        "total": progress.total,
        "done": progress.done,
        "remaining": progress.total - progress.done,
        "percent": percent,
        "finished": progress.finished,
    }


def test_a_progress_response_answers_the_common_fields_whatever_the_kind_adds():
    response = job_progress_response(
        JobProgress(total=4, done=1, state="running"), issued=1, percent=25.5, remaining=99
    )
    assert response["Cache-Control"] == PRIVATE_NO_STORE
    body = json.loads(response.content)
    assert body == {
        "issued": 1,
        "state": "running",
        "total": 4,
        "done": 1,
        "remaining": 3,
        "percent": 25,
        "finished": False,
    }
