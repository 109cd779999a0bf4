"""Review r2: a trainee attacking their own attempt (hostile JSON, floods, other attempts' values)."""

import json

import pytest
from django.urls import reverse

from courses.exams.models import Attempt, AttemptEvent
from courses.questions.models import QuestionType
from tests.factories import exams as factories

pytestmark = pytest.mark.django_db


def _start(client, setup, trainee=None) -> Attempt:
    trainee = trainee or setup.trainee
    client.force_login(trainee)
    assert client.post(reverse("exams:attempt_start", args=[setup.paper.pk])).status_code == 302
    return Attempt.objects.get(user=trainee, paper=setup.paper)


def _post(client, url, body: str):
    client.raise_request_exception = False
    return client.post(url, data=body, content_type="application/json")


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity"])
def test_a_non_finite_short_answer_is_refused_not_a_500(client, number):
    setup = factories.exam_setup(types=[QuestionType.SHORT_ANSWER, QuestionType.NUMERICAL])
    attempt = _start(client, setup)
    body = '{"answers": [{"position": 1, "response": ' + number + ', "seq": 1}]}'
    response = _post(client, reverse("exams:attempt_answers", args=[attempt.pk]), body)
    assert response.status_code == 400


def test_a_non_finite_event_detail_is_refused_not_a_500(client):
    setup = factories.exam_setup(types=[QuestionType.SINGLE_CHOICE])
    attempt = _start(client, setup)
    body = '{"kind": "focus_lost", "detail": {"via": NaN}}'
    response = _post(client, reverse("exams:attempt_event", args=[attempt.pk]), body)
    assert response.status_code == 400


def test_empty_saves_do_not_grow_the_event_log_without_bound(client):
    setup = factories.exam_setup(types=[QuestionType.SINGLE_CHOICE])
    attempt = _start(client, setup)
    url = reverse("exams:attempt_answers", args=[attempt.pk])
    for _ in range(320):
        assert _post(client, url, '{"answers": []}').status_code == 200
    # The browser's own reports stop at 300 per attempt; saves that change nothing are not bounded.
    assert AttemptEvent.objects.filter(attempt=attempt).count() <= 305


def test_values_of_another_attempt_are_refused(client):
    setup = factories.exam_setup(types=[QuestionType.SINGLE_CHOICE])
    mine = _start(client, setup)
    other_trainee = factories.trainee_for(setup.course)
    theirs = _start(client, setup, other_trainee)
    their_item = theirs.items.select_related("version").get()
    client.force_login(setup.trainee)
    body = json.dumps(
        {"answers": [{"position": 1, "response": factories.right_response(their_item), "seq": 1}]}
    )
    response = _post(client, reverse("exams:attempt_answers", args=[mine.pk]), body)
    assert response.status_code == 400
    # and their attempt is out of reach altogether
    response = _post(client, reverse("exams:attempt_answers", args=[theirs.pk]), body)
    assert response.status_code == 404


@pytest.mark.parametrize(
    "response_value",
    [
        {"a": [1, 2]},
        [[[]]],
        10**400,
        [None],
    ],
)
def test_odd_responses_never_crash_save_or_submit(client, response_value):
    setup = factories.exam_setup()
    attempt = _start(client, setup)
    url = reverse("exams:attempt_answers", args=[attempt.pk])
    for position in range(1, attempt.items.count() + 1):
        body = json.dumps({"answers": [{"position": position, "response": response_value, "seq": 1}]})
        assert _post(client, url, body).status_code in (200, 400)
    response = client.post(reverse("exams:attempt_submit", args=[attempt.pk]))
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.status != "in_progress"


def test_a_save_naming_far_more_answers_than_the_attempt_has_is_refused(client):
    setup = factories.exam_setup(types=[QuestionType.SHORT_ANSWER])
    attempt = _start(client, setup)
    answers = [{"position": 1, "response": "a", "seq": seq} for seq in range(1, 2001)]
    response = _post(
        client, reverse("exams:attempt_answers", args=[attempt.pk]), json.dumps({"answers": answers})
    )
    assert response.status_code == 400


def test_a_nul_in_a_typed_answer_never_reaches_the_database(client):
    from django.db import connection

    setup = factories.exam_setup(types=[QuestionType.SHORT_ANSWER])
    attempt = _start(client, setup)
    sent = []

    def spy(execute, sql, params, many, context):
        sent.extend(p for p in (params or ()) if isinstance(p, str) and ("\\u0000" in p or "\x00" in p))
        return execute(sql, params, many, context)

    body = json.dumps({"answers": [{"position": 1, "response": "技术\u0000合同", "seq": 1}]})
    with connection.execute_wrapper(spy):
        response = _post(client, reverse("exams:attempt_answers", args=[attempt.pk]), body)
    assert response.status_code in (200, 400), response.status_code
    assert not sent
