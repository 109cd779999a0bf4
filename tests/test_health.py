"""/health/: anyone gets the status alone, staff the details; the worker broadcast is cached."""

import pytest

from config import health
from config.celery_app import app as celery_app
from tests.factories import courses as factories


class _Inspect:
    """A stand-in for the worker broadcast: one worker answering on the default queue."""

    calls = 0

    def __init__(self, timeout):
        type(self).calls += 1

    def active_queues(self):
        return {"celery@worker-host-7": [{"name": celery_app.conf.task_default_queue}]}


@pytest.fixture
def broadcast(monkeypatch):
    _Inspect.calls = 0
    monkeypatch.setattr(celery_app.control, "inspect", _Inspect)
    return _Inspect


def test_anonymous_callers_get_the_status_alone(client, db, broadcast):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert b"worker-host-7" not in response.content


def test_staff_get_every_check(client, db, broadcast):
    client.force_login(factories.registrar(is_staff=True))
    body = client.get("/health/").json()
    assert body["status"] == "ok" and body["database"]["ok"] and body["broker"]["ok"]
    assert body["worker"]["names"] == ["celery@worker-host-7"] and body["checked_at"]


def test_a_trainee_gets_the_status_alone(client, db, broadcast):
    client.force_login(factories.user())
    assert client.get("/health/").json() == {"status": "ok"}


def test_workers_are_asked_once_per_cache_period(client, db, broadcast):
    for _ in range(5):
        assert client.get("/health/").status_code == 200
    assert broadcast.calls == 1
    health.cache.delete(health.CACHE_KEY)  # the period is over
    client.get("/health/")
    assert broadcast.calls == 2


def test_without_a_worker_anyone_sees_degraded(client, db, monkeypatch):
    class NoWorker(_Inspect):
        def active_queues(self):
            return None

    monkeypatch.setattr(celery_app.control, "inspect", NoWorker)
    response = client.get("/health/")
    assert response.status_code == 503 and response.json() == {"status": "degraded"}
