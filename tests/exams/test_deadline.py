"""The deadline is the server's: a real Celery worker submits the attempt when it comes."""

import contextlib
import datetime

import pytest
from celery.signals import after_task_publish, task_postrun, task_prerun, task_received
from django.utils import timezone

from core.guards import SYSTEM
from courses.exams import services
from courses.exams.models import Attempt, AttemptStatus, SubmittedBy
from courses.exams.tasks import attempt_auto_submit_task
from tests.factories import courses as course_factories
from tests.factories import exams as factories
from tests.waiting import wait_for

pytestmark = pytest.mark.integration


@contextlib.contextmanager
def _task_runs():
    """What happens to tasks meanwhile, in this process: published (with the routing key), received
    by the worker, started and ended, as (event, task name, args or detail, at)."""
    runs = []

    def published(sender=None, headers=None, routing_key=None, **kwargs):
        detail = (routing_key, (headers or {}).get("eta"))
        runs.append(("published", sender, detail, timezone.now()))

    def received(sender=None, request=None, **kwargs):
        runs.append(("received", request.name, tuple(request.args or ()), timezone.now()))

    def started(sender=None, args=None, **kwargs):
        runs.append(("start", getattr(sender, "name", "?"), tuple(args or ()), timezone.now()))

    def ended(sender=None, args=None, **kwargs):
        runs.append(("end", getattr(sender, "name", "?"), tuple(args or ()), timezone.now()))

    signals = [(after_task_publish, published), (task_received, received), (task_prerun, started)]
    signals.append((task_postrun, ended))
    for signal, receiver in signals:
        signal.connect(receiver, weak=False)
    try:
        yield runs
    finally:
        for signal, receiver in signals:
            signal.disconnect(receiver)


def _queue_report(queue: str) -> str:
    """How many messages wait in ``queue`` and are held unacknowledged, as the broker says."""
    from config.celery_app import app

    with app.connection_for_write() as connection:
        client = getattr(connection.default_channel, "client", None)
        if client is None:  # not Redis
            return f"broker {connection.transport_cls}"
        return f"queue {queue}: {client.llen(queue)} waiting, {client.hlen('unacked')} unacked in the broker"


def _deadline_task_ran(runs, attempt) -> bool:
    return ("end", attempt_auto_submit_task.name, (attempt.pk,)) in [run[:3] for run in runs]


def _answer_everything(attempt):
    saves = [
        services.AnswerSave(position=item.position, response=factories.right_response(item), seq=1)
        for item in attempt.items.select_related("version")
    ]
    services.attempt_save_answers(actor=SYSTEM, attempt=attempt, saves=saves)


def test_an_open_attempt_is_submitted_at_its_deadline_by_the_worker(celery_worker_thread, celery_test_queue):
    # The window closes in 3 s and caps the one-hour time limit: the deadline is then.
    setup = factories.exam_setup()
    setup.paper.closes_at = timezone.now() + datetime.timedelta(seconds=3)
    setup.paper.save()
    with _task_runs() as ran:
        attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
        assert attempt.deadline == setup.paper.closes_at
        _answer_everything(attempt)

        # Nobody touches the attempt again: only the scheduled task can submit it. The generous wait
        # is for a CI machine at full load; on a quiet one it takes the 3 s.
        submitted = wait_for(
            lambda: Attempt.objects.get(pk=attempt.pk).status != AttemptStatus.IN_PROGRESS,
            timeout=90,
            interval=0.2,
        )
    attempt.refresh_from_db()
    assert submitted, (
        f"still {attempt.status} at {timezone.now().isoformat()}, deadline {attempt.deadline.isoformat()}; "
        f"tasks {ran}; events {list(attempt.events.values_list('kind', 'created_at'))}; "
        f"{_queue_report(celery_test_queue)}"
    )
    assert attempt.submitted_by == SubmittedBy.DEADLINE
    assert attempt.submitted_at >= attempt.deadline
    assert attempt.score == attempt.max_score  # everything saved before the deadline counts


def test_the_task_respects_extra_time_granted_after_it_was_queued(celery_worker_thread):
    setup = factories.exam_setup(time_limit_minutes=1)
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    with _task_runs() as ran:
        # Pretend the trainee started 50 s ago: 10 s are left, and a task is queued for then.
        started = timezone.now() - datetime.timedelta(seconds=50)
        Attempt.objects.filter(pk=attempt.pk).update(
            started_at=started, deadline=started + datetime.timedelta(minutes=1)
        )
        attempt.refresh_from_db()
        attempt_auto_submit_task.apply_async((attempt.pk,), eta=attempt.deadline)

        services.accommodation_grant(
            paper=setup.paper,
            user=setup.trainee,
            extra_minutes=1,
            reason="听障考生",
            granted_by=course_factories.registrar(),
        )
        attempt.refresh_from_db()
        assert attempt.deadline == started + datetime.timedelta(minutes=2)

        # The old task runs at the old deadline and leaves the attempt open.
        assert wait_for(lambda: _deadline_task_ran(ran, attempt), timeout=60, interval=0.2), ran
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS
