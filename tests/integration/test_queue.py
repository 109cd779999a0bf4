"""The queue is real: web → configured broker → worker thread → database."""

import pytest
from django.db import transaction

from cms import services
from cms.models import HealthProbe
from core.guards import SYSTEM
from tests.waiting import wait_for

pytestmark = pytest.mark.integration


def test_task_round_trip_through_broker_to_worker_and_database(celery_worker_thread, settings, figure):
    with transaction.atomic():
        probe = services.health_probe_start(actor=SYSTEM)
        # Queued on commit: nothing has been sent while the transaction is open.
        assert HealthProbe.objects.get(pk=probe.pk).completed_at is None

    assert wait_for(lambda: HealthProbe.objects.get(pk=probe.pk).completed_at is not None, timeout=30), (
        f"the worker did not complete the probe through {settings.CELERY_BROKER_URL.split('@')[-1]}"
    )
    probe.refresh_from_db()
    assert probe.worker and probe.worker in celery_worker_thread.hostname
    figure(f"round trip ok via {settings.CELERY_BROKER_URL.split('://')[0]} broker, worker {probe.worker}")


def test_health_endpoint_reports_database_broker_and_worker(celery_worker_thread, client):
    from tests.factories import courses as factories

    client.force_login(factories.registrar(is_staff=True))  # the details are for staff
    response = client.get("/health/")
    body = response.json()
    assert response.status_code == 200, body
    assert body["database"]["ok"] and body["broker"]["ok"]
    assert body["worker"]["ok"] and celery_worker_thread.hostname in body["worker"]["names"]


def test_health_endpoint_is_degraded_without_a_worker(client, transactional_db):
    # No worker consumes in this test: the endpoint must say so rather than claim health.
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "degraded"}
