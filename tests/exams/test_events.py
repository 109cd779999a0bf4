"""The exam page's event reports (focus loss, resume): small, bounded in number, refused after submission."""

import json

import pytest
from django.urls import reverse

from courses.exams import services
from courses.exams.models import Attempt, AttemptEvent, AttemptEventKind

pytestmark = pytest.mark.django_db


def _start(client, setup) -> Attempt:
    client.force_login(setup.trainee)
    response = client.post(reverse("exams:attempt_start", args=[setup.paper.pk]))
    assert response.status_code == 302, response.content
    return Attempt.objects.get(user=setup.trainee, paper=setup.paper)


def _report(client, attempt, payload, **extra):
    body = payload if isinstance(payload, str | bytes) else json.dumps(payload)
    return client.post(
        reverse("exams:attempt_event", args=[attempt.pk]), data=body, content_type="application/json", **extra
    )


def _reported(attempt) -> int:
    return AttemptEvent.objects.filter(attempt=attempt, kind=AttemptEventKind.FOCUS_LOST).count()


def test_a_focus_loss_is_recorded_with_its_small_detail(client, setup):
    attempt = _start(client, setup)
    response = _report(client, attempt, {"kind": "focus_lost", "detail": {"via": "blur"}})
    assert response.status_code == 200 and response.json() == {"ok": True}
    assert AttemptEvent.objects.get(attempt=attempt, kind="focus_lost").detail == {"via": "blur"}


def test_a_large_report_is_refused_with_a_json_error_and_not_stored(client, setup):
    attempt = _start(client, setup)
    huge = {"kind": "focus_lost", "detail": {"via": "x" * 2_400_000}}
    response = _report(client, attempt, huge)
    assert response.status_code == 413
    assert response.json()["error"] == "事件报告过大。"  # in the trainee's language (Chinese by default)
    # Just over the detail's bound, under the body's: the service refuses it too.
    response = _report(client, attempt, {"kind": "focus_lost", "detail": {"via": "x" * 600}})
    assert response.status_code == 413 and "error" in response.json()
    assert _reported(attempt) == 0


def test_reports_after_submission_are_refused(client, setup):
    attempt = _start(client, setup)
    submitted = client.post(reverse("exams:attempt_submit", args=[attempt.pk]))
    assert submitted.status_code == 302
    response = _report(client, attempt, {"kind": "focus_lost"}, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 409
    assert response.json()["error"] == "考试已交卷，不再记录事件。"
    assert _reported(attempt) == 0


def test_reports_are_bounded_in_number(client, setup, monkeypatch):
    monkeypatch.setattr(services.events, "MAX_BROWSER_EVENTS_PER_ATTEMPT", 3)
    attempt = _start(client, setup)
    statuses = [_report(client, attempt, {"kind": "focus_lost"}).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    assert _reported(attempt) == 3
    # The exam page still opens past the cap (its own "resume" is simply not recorded).
    assert client.get(reverse("exams:attempt", args=[attempt.pk])).status_code == 200


@pytest.mark.parametrize(
    "body", ["[1, 2]", "not json", '{"kind": "submit"}', '{"kind": "focus_lost", "detail": 5}']
)
def test_unreadable_or_unknown_reports_get_a_json_error(client, setup, body):
    attempt = _start(client, setup)
    response = _report(client, attempt, body)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert "error" in response.json()
