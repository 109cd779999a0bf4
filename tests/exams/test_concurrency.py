"""Two tabs, double clicks and saves racing a submission: one submission, no answer lost."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from courses.exams import services
from courses.exams.models import Attempt, AttemptEvent, AttemptItem, AttemptStatus
from courses.questions.models import QuestionType
from tests.concurrency import run_concurrently
from tests.factories import exams as factories


@pytest.mark.django_db(transaction=True)
def test_submitting_from_two_tabs_at_once_gives_one_submission():
    setup = factories.exam_setup()
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)

    def submit(_):
        client = Client()
        client.force_login(setup.trainee)
        return client.post(reverse("exams:attempt_submit", args=[attempt.pk]), HTTP_ACCEPT="application/json")

    responses = run_concurrently(submit, 4)
    assert [r.status_code for r in responses] == [200] * 4
    assert {r.json()["status"] for r in responses} == {AttemptStatus.COMPLETED}
    assert AttemptEvent.objects.filter(attempt=attempt, kind__in=["submit", "auto_submit"]).count() == 1
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None


@pytest.mark.django_db(transaction=True)
def test_two_clicks_on_start_give_one_attempt():
    setup = factories.exam_setup()
    attempts = run_concurrently(lambda _: services.attempt_start(paper=setup.paper, user=setup.trainee).pk, 3)
    assert len(set(attempts)) == 1
    assert Attempt.objects.filter(user=setup.trainee).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_save_racing_the_submission_is_either_counted_or_refused():
    setup = factories.exam_setup(types=[QuestionType.SHORT_ANSWER] * 3)
    for _round in range(3):
        attempt = services.attempt_start(paper=setup.paper, user=setup.trainee)
        positions = list(attempt.items.values_list("position", flat=True))

        def act(i, attempt=attempt, positions=positions):
            client = Client()
            client.force_login(setup.trainee)
            if i == 0:
                return client.post(
                    reverse("exams:attempt_submit", args=[attempt.pk]), HTTP_ACCEPT="application/json"
                )
            body = {"answers": [{"position": p, "response": "技术合同", "seq": 1} for p in positions]}
            return client.post(
                reverse("exams:attempt_answers", args=[attempt.pk]),
                data=json.dumps(body),
                content_type="application/json",
            )

        _submit, save = run_concurrently(act, 2)
        attempt.refresh_from_db()
        items = AttemptItem.objects.filter(attempt=attempt)
        if save.status_code == 200:
            # Acknowledged: stored and graded with the submission.
            assert all(item.response == "技术合同" for item in items)
            assert attempt.score == attempt.max_score
        else:
            assert save.status_code == 409
            assert all(item.response is None for item in items)
            assert attempt.score == 0
        setup.paper.max_attempts += 1
        setup.paper.save()
