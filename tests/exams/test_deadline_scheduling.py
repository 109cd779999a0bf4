"""Deadline tasks: queued with an ETA only when the deadline is near (far ones by the minute sweep,
once each), and a task that keeps dying with its worker is given up after a bounded number of deliveries."""

import datetime
import logging

import pytest
from django.utils import timezone

from core.guards import SYSTEM
from courses.exams import services, tasks
from courses.exams.models import Attempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(monkeypatch):
    """The (attempt id, eta) of every deadline task queued."""
    published = []
    monkeypatch.setattr(
        tasks.attempt_auto_submit_task,
        "apply_async",
        lambda args, eta=None, **kwargs: published.append((args[0], eta)),
    )
    return published


def test_a_far_deadline_is_not_queued_with_a_long_eta(
    setup, queued, settings, django_capture_on_commit_callbacks
):
    settings.TTA_DEADLINE_ETA_WINDOW_SECONDS = 600
    with django_capture_on_commit_callbacks(execute=True):
        attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)  # one hour from now
    assert attempt.deadline - timezone.now() > datetime.timedelta(minutes=50)
    assert queued == []
    assert services.attempts_queue_near_deadlines(actor=SYSTEM) == 0  # not near yet

    # Ten minutes before the deadline, the minute sweep queues it, once.
    near = timezone.now() + datetime.timedelta(minutes=9)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=near)
    assert services.attempts_queue_near_deadlines(actor=SYSTEM) == 1
    assert services.attempts_queue_near_deadlines(actor=SYSTEM) == 0
    assert queued == [(attempt.pk, near)]

    # Extra time moves the deadline: a new one, queued once more.
    later = near + datetime.timedelta(minutes=1)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=later)
    assert services.attempts_queue_near_deadlines(actor=SYSTEM) == 1
    assert queued[-1] == (attempt.pk, later)


def test_a_near_deadline_is_queued_at_start_and_not_again_by_the_sweep(
    setup, queued, settings, django_capture_on_commit_callbacks
):
    settings.TTA_DEADLINE_ETA_WINDOW_SECONDS = 600
    setup.paper.closes_at = timezone.now() + datetime.timedelta(minutes=5)
    setup.paper.save()
    with django_capture_on_commit_callbacks(execute=True):
        attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    assert queued == [(attempt.pk, attempt.deadline)]
    assert services.attempts_queue_near_deadlines(actor=SYSTEM) == 0
    assert len(queued) == 1


def test_a_task_delivered_again_and_again_is_given_up(monkeypatch, settings, caplog):
    """As a worker runs a redelivered message: same task id, same retry number, each time."""
    settings.TTA_TASK_MAX_DELIVERIES = 3
    runs = []
    monkeypatch.setattr(
        services, "attempt_submit_at_deadline", lambda *, attempt_id, actor: runs.append(attempt_id)
    )
    task = tasks.attempt_auto_submit_task
    for _delivery in range(5):
        task.push_request(id="redelivered-task", retries=0, args=(7,))
        try:
            task(7)
        finally:
            task.pop_request()
    assert runs == [7, 7, 7]
    gave_up = [r for r in caplog.records if r.levelno == logging.ERROR and "gave up task" in r.getMessage()]
    assert len(gave_up) == 2  # the fourth and fifth deliveries
    assert "courses.exams.tasks.attempt_auto_submit_task[redelivered-task]" in gave_up[0].getMessage()

    # A deliberate retry of the same task is a new delivery count; another task is unaffected.
    for request in ({"id": "redelivered-task", "retries": 1}, {"id": "another-task", "retries": 0}):
        task.push_request(args=(8,), **request)
        try:
            task(8)
        finally:
            task.pop_request()
    assert runs == [7, 7, 7, 8, 8]
