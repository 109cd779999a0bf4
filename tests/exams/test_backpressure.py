"""Back-pressure: a save refused while the server is saturated changes nothing, says so calmly in the
trainee's language with Retry-After, and the page's retry is applied once (config/backpressure.py)."""

import json
import time

import pytest
from django.test import RequestFactory, override_settings
from django.urls import reverse

from config.backpressure import BusyMiddleware, PoolTimeout
from courses.exams.models import Attempt, AttemptEvent, AttemptItem
from courses.questions.models import QuestionType

pytestmark = pytest.mark.django_db


def _start(client, setup) -> Attempt:
    client.force_login(setup.trainee)
    assert client.post(reverse("exams:attempt_start", args=[setup.paper.pk])).status_code == 302
    return Attempt.objects.get(user=setup.trainee, paper=setup.paper)


def _save(client, attempt, position, response, seq, *, prefix="", **headers):
    return client.post(
        prefix + reverse("exams:attempt_answers", args=[attempt.pk]),
        data=json.dumps({"answers": [{"position": position, "response": response, "seq": seq}]}),
        content_type="application/json",
        HTTP_ACCEPT="application/json",
        **headers,
    )


def _queued(seconds: float) -> dict:
    """The header nginx stamps (proxy_set_header X-Request-Start "t=${msec}"), ``seconds`` ago."""
    return {"HTTP_X_REQUEST_START": f"t={time.time() - seconds:.3f}"}


@override_settings(TTA_TRUSTED_PROXY_COUNT=1, TTA_BUSY_MAX_QUEUE_SECONDS=3, TTA_BUSY_RETRY_AFTER_SECONDS=5)
def test_a_save_that_queued_too_long_is_refused_changes_nothing_and_its_retry_applies_once(client, setup):
    attempt = _start(client, setup)
    position = attempt.items.get(version__qtype=QuestionType.SHORT_ANSWER).position

    refused = _save(client, attempt, position, "技术合同", 1, **_queued(10))
    assert refused.status_code == 503
    assert int(refused["Retry-After"]) >= 10  # at least as long as the queue took
    body = refused.json()
    assert body["busy"] is True and body["retry_after"] == int(refused["Retry-After"])
    assert "服务器繁忙" in body["error"] and "浏览器" in body["error"]
    item = AttemptItem.objects.get(attempt=attempt, position=position)
    assert (item.response, item.client_seq) == (None, 0)
    assert not AttemptEvent.objects.filter(attempt=attempt, kind="save").exists()

    # The page sends the same request again (same seq): applied once; a duplicate changes nothing.
    assert _save(client, attempt, position, "技术合同", 1, **_queued(0.1)).json()["saved"] == {
        str(position): 1
    }
    assert _save(client, attempt, position, "技术合同", 1).json()["saved"] == {str(position): 1}
    # A late copy of an older save, refused or not, never overwrites the newer answer.
    assert _save(client, attempt, position, "许可合同", 2).status_code == 200
    assert _save(client, attempt, position, "技术合同", 1, **_queued(10)).status_code == 503
    assert _save(client, attempt, position, "技术合同", 1).json()["saved"] == {str(position): 2}
    item.refresh_from_db()
    assert (item.response, item.client_seq) == ("许可合同", 2)
    assert AttemptEvent.objects.filter(attempt=attempt, kind="save").count() == 2


@override_settings(TTA_TRUSTED_PROXY_COUNT=1, TTA_BUSY_MAX_QUEUE_SECONDS=3)
def test_the_message_is_in_the_pages_language(client, setup):
    attempt = _start(client, setup)
    position = attempt.items.get(version__qtype=QuestionType.SHORT_ANSWER).position
    refused = _save(client, attempt, position, "x", 1, prefix="/en", **_queued(10))
    assert refused.status_code == 503
    assert refused.json()["error"].startswith("The server is busy.")


@override_settings(TTA_TRUSTED_PROXY_COUNT=0, TTA_BUSY_MAX_QUEUE_SECONDS=3)
def test_without_a_trusted_proxy_the_stamp_is_ignored(client, setup):
    attempt = _start(client, setup)
    position = attempt.items.get(version__qtype=QuestionType.SHORT_ANSWER).position
    assert _save(client, attempt, position, "x", 1, **_queued(10)).status_code == 200


@override_settings(TTA_TRUSTED_PROXY_COUNT=1, TTA_BUSY_MAX_QUEUE_SECONDS=3)
def test_other_requests_are_never_refused_for_queueing(client, setup):
    attempt = _start(client, setup)
    assert client.get(reverse("exams:attempt", args=[attempt.pk]), **_queued(10)).status_code == 200


@override_settings(TTA_BUSY_MAX_IN_FLIGHT=1, TTA_BUSY_RETRY_AFTER_SECONDS=4)
def test_past_the_in_flight_bound_a_save_is_refused_at_once():
    factory = RequestFactory()
    path = "/exams/attempts/1/answers/"
    inner = {}

    def view(request):
        # While this save runs, a second one arrives at the same process.
        inner["response"] = middleware(factory.post(path, data="{}", content_type="application/json"))
        return "first"

    middleware = BusyMiddleware(view)
    assert middleware(factory.post(path, data="{}", content_type="application/json")) == "first"
    refused = inner["response"]
    assert refused.status_code == 503 and refused["Retry-After"] == "4"
    # Once the first has ended, the next is let through.
    assert BusyMiddleware(lambda request: "next")(factory.post(path)) == "next"


def test_a_request_that_got_no_pooled_connection_is_refused_with_retry_after():
    factory = RequestFactory()
    middleware = BusyMiddleware(lambda request: None)
    save = middleware.process_exception(factory.post("/exams/attempts/1/answers/"), PoolTimeout("busy"))
    assert save.status_code == 503 and save["Retry-After"] and json.loads(save.content)["busy"] is True
    page = middleware.process_exception(factory.get("/exams/"), PoolTimeout("busy"))
    assert page.status_code == 503 and page["Content-Type"].startswith("text/plain")
    assert middleware.process_exception(factory.get("/exams/"), ValueError("other")) is None
