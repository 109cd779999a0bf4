"""A certificate worker PROCESS is SIGKILLed in the middle of a batch; another one finishes it.

The end state must be exact: every certificate rendered exactly once (one "rendered" event,
one file each, no strays), none missing, every stored hash matching its file.
"""

import hashlib
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from certification.models import Certificate, CertificateEvent, CourseSelection, RenderState
from certification.services import batches
from certification.services.batches import batch_run
from certification.services.rendering import certificate_render_requeue_stale
from cms.choices import Level
from core.guards import SYSTEM
from tests.factories import certification as cert_factories
from tests.factories import cms as cms_factories
from tests.factories import courses as course_factories
from tests.integration.services import database_url
from tests.waiting import wait_for

# Committed data the worker process can see; the migrations' rows (Wagtail's root page, the
# default site and design) are restored after the flush of an earlier transactional test.
pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BATCH_SIZE = 30
REPO = Path(__file__).resolve().parents[2]


class WorkerProcess:
    """``celery -A config worker -Q <queue>`` in its own process group, so SIGKILL takes it all."""

    def __init__(self, *, queue: str, env: dict, log: Path):
        self.log = log
        self._handle = log.open("ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "-Q",
                queue,
                "--pool",
                "prefork",
                "--concurrency",
                "2",
                "--loglevel",
                "INFO",
                "--hostname",
                f"kill-test-{uuid.uuid4().hex[:6]}@%h",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=REPO,
            env=env,
            stdout=self._handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)
        self._handle.close()


def _counts():
    return {
        state: Certificate.objects.filter(render_state=state).count()
        for state in (RenderState.PENDING, RenderState.DONE, RenderState.FAILED)
    }


def _tail(log: Path, lines: int = 40) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) if log.exists() else "(no log)"


@pytest.fixture
def queue_for_this_test(settings):
    """A certificates queue of this test's own: a developer's worker or a parallel run never takes its tasks."""
    from config.celery_app import app

    name = f"certificates-test-{uuid.uuid4().hex[:8]}"
    previous = app.conf.task_routes
    settings.TTA_CERTIFICATES_QUEUE = name
    app.conf.task_routes = {task: {"queue": name} for task in (previous or {})}
    app.amqp.flush_routes()
    app.amqp.__dict__.pop("router", None)
    yield name
    app.conf.task_routes = previous
    app.amqp.flush_routes()
    app.amqp.__dict__.pop("router", None)


def test_sigkill_in_the_middle_of_a_batch_ends_with_every_certificate_rendered_once(
    settings, tmp_path, queue_for_this_test, figure
):
    storage_root = tmp_path / "private"
    # The sweeps below run every 20 s with no age limit: a render still in progress is not a stuck one.
    settings.TTA_RENDER_MAX_REQUEUES = 1000
    settings.STORAGES = {
        **settings.STORAGES,
        "certificates": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(storage_root), "base_url": None},
        },
    }
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": django_settings.CELERY_BROKER_URL,
        "TTA_CERTIFICATES_QUEUE": queue_for_this_test,
        "TTA_CERTIFICATES_ROOT": str(storage_root),
        # Redis hands a dead worker's unacknowledged messages out again after this many seconds.
        "CELERY_VISIBILITY_TIMEOUT": "5",
        "PYTHONPATH": str(REPO),
    }

    home = cms_factories.home_page()
    program = cms_factories.program_page(home, title="初级技术经理人培训项目", level=Level.PRIMARY)
    # Everyone enrolled is eligible: the test is about rendering, not about the rule.
    cert_factories.rule(program=program, course_selection=CourseSelection.NONE, min_hours=0)
    cohort = course_factories.cohort(program=program)
    names = ["王喆堃", "李䶮", "张赟", "赵玥", "周珺", "吴昇"]
    for number in range(BATCH_SIZE):
        trainee = cert_factories.trainee(
            real_name=f"{names[number % len(names)]}{number}", username=f"k{number}"
        )
        course_factories.enrolment(user=trainee, cohort=cohort)
    registrar = course_factories.registrar()

    first = WorkerProcess(queue=queue_for_this_test, env=env, log=tmp_path / "worker-1.log")
    second = None
    try:
        batch = batches.batch_start(cohort=cohort, actor=registrar)  # queued on commit

        # Kill the first worker once some, but not all, PDFs are stored.
        started = wait_for(lambda: _counts()[RenderState.DONE] >= 5, timeout=180, interval=0.2)
        assert started, f"the first worker rendered nothing:\n{_tail(tmp_path / 'worker-1.log')}"
        first.kill()
        killed_at = _counts()
        figure(f"SIGKILL after {killed_at[RenderState.DONE]} of {BATCH_SIZE} rendered")
        assert killed_at[RenderState.DONE] < BATCH_SIZE, (
            "the batch finished before the kill; nothing was tested"
        )

        second = WorkerProcess(queue=queue_for_this_test, env=env, log=tmp_path / "worker-2.log")
        if settings.CELERY_BROKER_URL.startswith("filesystem://"):
            # The filesystem transport cannot redeliver a dead worker's messages: the beat sweep does.
            batch_run(actor=SYSTEM, batch_id=batch.pk)
            certificate_render_requeue_stale(actor=SYSTEM, older_than_seconds=0)

        def everything_rendered():
            return (
                batches.batch_progress(batch=batch).remaining == 0
                and Certificate.objects.filter(render_state=RenderState.DONE).count() == BATCH_SIZE
            )

        # Redis hands the dead worker's unacknowledged messages to the new one. What no broker can
        # give back is a message never sent: a worker killed between committing a certificate and
        # queueing its render (on commit). The beat's sweeps cover both; here they run as beat would,
        # every 20 s once redelivery has had its chance. Each sweep is harmless to repeat.
        recovered = wait_for(everything_rendered, timeout=60, interval=0.5)
        sweeps = 0
        while not recovered and sweeps < 12:
            if sweeps == 0:
                figure(f"not recovered by redelivery within 60 s ({_counts()}); running the sweeps")
            sweeps += 1
            batch_run(actor=SYSTEM, batch_id=batch.pk)
            certificate_render_requeue_stale(actor=SYSTEM, older_than_seconds=0)
            recovered = wait_for(everything_rendered, timeout=20, interval=0.5)
        assert recovered, (
            f"{_counts()} after the restart and {sweeps} sweeps; progress {batches.batch_progress(batch=batch)}\n"
            f"worker 1:\n{_tail(tmp_path / 'worker-1.log')}\nworker 2:\n{_tail(tmp_path / 'worker-2.log')}"
        )
    finally:
        first.stop()
        if second is not None:
            second.stop()

    certificates = list(Certificate.objects.order_by("pk"))
    assert len(certificates) == BATCH_SIZE  # one per trainee: no duplicates from redelivered issuing
    assert len({c.user_id for c in certificates}) == BATCH_SIZE
    for certificate in certificates:
        assert certificate.render_state == RenderState.DONE, certificate.render_error
        with certificate.pdf.open("rb") as handle:
            assert hashlib.sha256(handle.read()).hexdigest() == certificate.pdf_sha256, certificate.serial
        rendered = CertificateEvent.objects.filter(certificate=certificate, action="rendered").count()
        assert rendered == 1, f"{certificate.serial} rendered {rendered} times"

    stored = sorted(path.name for path in storage_root.rglob("*.pdf"))
    assert stored == sorted(f"{c.serial}.pdf" for c in certificates), "stray or missing PDF files"
