"""Fixtures shared by the rendering and batch tests (imported by those test modules)."""

import pytest


@pytest.fixture
def private_storage(settings, tmp_path):
    """Certificate PDFs and ZIPs in a per-test folder."""
    settings.STORAGES = {
        **settings.STORAGES,
        "certificates": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    return tmp_path / "private"


@pytest.fixture
def certificates_worker(celery_test_queue, transactional_db, private_storage):
    """A real worker thread that also takes the certificates queue's tasks, routed to this session's queue.

    Routing to a queue of this test's own keeps parallel runs sharing one Redis from taking each
    other's PDFs (they use different databases), and earlier tests' leftovers out of its way.
    """
    from celery.contrib.testing.worker import start_worker

    from config.celery_app import app

    previous = app.conf.task_routes
    app.conf.task_routes = {name: {"queue": celery_test_queue} for name in (previous or {})}
    app.amqp.flush_routes()
    app.amqp.__dict__.pop("router", None)
    try:
        with start_worker(
            app, pool="solo", perform_ping_check=False, queues=[celery_test_queue], shutdown_timeout=30
        ) as worker:
            yield worker
    finally:
        app.conf.task_routes = previous
        app.amqp.flush_routes()
        app.amqp.__dict__.pop("router", None)
