"""The overdue sweep submits every attempt it can: a hostile answer or a failing attempt stops no one else."""

import datetime
import logging

import pytest
from django.utils import timezone

from core.guards import SYSTEM
from courses.exams import services
from courses.exams.models import Attempt, AttemptItem, AttemptStatus, SubmittedBy
from courses.questions.models import QuestionType
from tests.factories import exams as factories

pytestmark = pytest.mark.django_db


def _overdue_attempts(setup, count: int) -> list[Attempt]:
    attempts = [services.attempt_start(paper=setup.paper, user=setup.trainee)]
    for _ in range(count - 1):
        attempts.append(services.attempt_start(paper=setup.paper, user=factories.trainee_for(setup.course)))
    Attempt.objects.filter(pk__in=[a.pk for a in attempts]).update(
        deadline=timezone.now() - datetime.timedelta(seconds=1)
    )
    return attempts


def test_a_number_no_decimal_can_hold_is_graded_and_every_attempt_submitted(setup):
    first, second = _overdue_attempts(setup, 2)
    AttemptItem.objects.filter(attempt=first, version__qtype=QuestionType.NUMERICAL).update(
        response="1e999999999"
    )
    assert services.attempts_sweep_overdue(actor=SYSTEM) == 2
    first.refresh_from_db()
    assert first.status == AttemptStatus.COMPLETED and first.submitted_by == SubmittedBy.DEADLINE
    assert first.items.get(version__qtype=QuestionType.NUMERICAL).score == 0
    second.refresh_from_db()
    assert second.status == AttemptStatus.COMPLETED


def test_a_trainee_can_submit_with_a_hostile_number(client, setup):
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
    AttemptItem.objects.filter(attempt=attempt, version__qtype=QuestionType.NUMERICAL).update(
        response="-1e999999999"
    )
    submitted = services.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk)
    assert submitted.status == AttemptStatus.COMPLETED


def test_one_attempt_that_fails_is_logged_and_the_others_are_submitted(setup, monkeypatch, caplog):
    attempts = _overdue_attempts(setup, 3)
    broken = attempts[0].pk
    real_submit = services.attempt_submit

    def submit(*, attempt_id, **kwargs):
        if attempt_id == broken:
            raise RuntimeError("database hiccup")
        return real_submit(attempt_id=attempt_id, **kwargs)

    monkeypatch.setattr(services.submission, "attempt_submit", submit)  # where the sweep looks it up
    with caplog.at_level(logging.ERROR, logger="courses.exams.services"):
        assert services.attempts_sweep_overdue(actor=SYSTEM) == 2
    assert f"could not submit attempt {broken}" in caplog.text
    statuses = dict(Attempt.objects.filter(pk__in=[a.pk for a in attempts]).values_list("pk", "status"))
    assert statuses.pop(broken) == AttemptStatus.IN_PROGRESS  # left for the next sweep
    assert set(statuses.values()) == {AttemptStatus.COMPLETED}
