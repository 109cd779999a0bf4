"""The exam's hot path (save, event, page) loads no user row of its own and keeps every guarantee.

The sign-in is checked against the owner's row joined to the attempt lookup, as Django's
``get_user`` checks it: a session from before a password change, or of a deactivated account,
saves nothing and is sent to sign in; another trainee's attempt is still a 404.
"""

import json

import pytest
from django.db import connection
from django.urls import reverse

from courses.exams.models import Attempt, AttemptEvent, AttemptItem
from courses.questions.models import QuestionType
from tests.factories import exams as factories

pytestmark = pytest.mark.django_db

# A save of one answer: the attempt with its owner, the item's values, and one statement on
# PostgreSQL (courses.exams.attempt_store); through the ORM elsewhere the lock, the update, the log
# entry (and the test's savepoint around the transaction). Sessions come from the cache.
SAVE_MAX_QUERIES = 3 if connection.vendor == "postgresql" else 7


def _start(client, setup) -> Attempt:
    client.force_login(setup.trainee)
    assert client.post(reverse("exams:attempt_start", args=[setup.paper.pk])).status_code == 302
    return Attempt.objects.get(user=setup.trainee, paper=setup.paper)


def _save(client, attempt, position, response, seq):
    return client.post(
        reverse("exams:attempt_answers", args=[attempt.pk]),
        data=json.dumps({"answers": [{"position": position, "response": response, "seq": seq}]}),
        content_type="application/json",
        HTTP_ACCEPT="application/json",
    )


def _text_position(attempt) -> int:
    return attempt.items.get(version__qtype=QuestionType.SHORT_ANSWER).position


def test_a_save_costs_a_bounded_number_of_queries(client, setup, django_assert_max_num_queries):
    attempt = _start(client, setup)
    position = _text_position(attempt)
    _save(client, attempt, position, "热身", 1)  # the session is in the cache from now on
    with django_assert_max_num_queries(SAVE_MAX_QUERIES):
        response = _save(client, attempt, position, "技术合同", 2)
    assert response.status_code == 200, response.content
    assert response.json()["saved"] == {str(position): 2}
    item = AttemptItem.objects.get(attempt=attempt, position=position)
    assert (item.response, item.client_seq) == ("技术合同", 2)
    # Every save that changed something is on record.
    saves = AttemptEvent.objects.filter(attempt=attempt, kind="save")
    assert [event.detail["positions"] for event in saves] == [[position], [position]]


def test_a_session_from_before_a_password_change_saves_nothing(client, setup):
    attempt = _start(client, setup)
    position = _text_position(attempt)
    setup.trainee.set_password("a-new-password-9371")
    setup.trainee.save()
    response = _save(client, attempt, position, "不该保存", 1)
    # The exam page's fetch (JSON) is told its sign-in ended (401), not redirected to a 200 page.
    assert response.status_code == 401 and response.json()["error"]
    item = AttemptItem.objects.get(attempt=attempt, position=position)
    assert (item.response, item.client_seq) == (None, 0)
    assert not AttemptEvent.objects.filter(attempt=attempt, kind="save").exists()


def test_a_deactivated_account_saves_nothing(client, setup):
    attempt = _start(client, setup)
    position = _text_position(attempt)
    type(setup.trainee).objects.filter(pk=setup.trainee.pk).update(is_active=False)
    response = _save(client, attempt, position, "不该保存", 1)
    assert response.status_code == 401
    assert AttemptItem.objects.get(attempt=attempt, position=position).client_seq == 0


def test_another_trainee_gets_404_and_an_anonymous_visitor_the_sign_in_page(client, setup):
    attempt = _start(client, setup)
    position = _text_position(attempt)
    client.force_login(factories.trainee_for(setup.course))
    assert _save(client, attempt, position, "入侵", 1).status_code == 404
    assert client.get(reverse("exams:attempt", args=[attempt.pk])).status_code == 404
    client.logout()
    response = client.get(reverse("exams:attempt", args=[attempt.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert AttemptItem.objects.get(attempt=attempt, position=position).client_seq == 0


def test_the_page_renders_the_signed_in_trainee_without_loading_the_user_again(
    client, setup, django_assert_max_num_queries
):
    attempt = _start(client, setup)
    page = client.get(reverse("exams:attempt", args=[attempt.pk]))
    assert page.status_code == 200
    assert page.wsgi_request.user.pk == setup.trainee.pk
