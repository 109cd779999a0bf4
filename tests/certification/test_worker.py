"""A worker consuming the certificates queue refuses to start without HarfBuzz subsetting or the fonts."""

import pytest
from celery.app import trace
from celery.apps.worker import Worker
from kombu.asynchronous.hub import get_event_loop

from certification import fonts, worker
from config.celery_app import app


@pytest.fixture(autouse=True)
def _forget_the_worker():
    """Creating a Worker leaves process-wide state behind; a test worker thread started later in
    this process would inherit it:

    - trace optimisations carrying its hostname (the thread's tasks would report this name);
    - kombu's event loop (the Hub) with this worker's timer: the thread's worker would run on it,
      while its own timer, where tasks due later (ETA) wait, is never looked at, so those never run.
    """
    yield
    trace.reset_worker_optimizations(app)
    hub = get_event_loop()
    if hub is not None:
        hub.close()  # and forgets it as the current loop
    assert get_event_loop() is None


def _start(queues):
    # Creating the worker runs its start-up signals (celeryd_init) without consuming anything.
    return Worker(app=app, hostname="startup-check@test", queues=queues, pool="solo", quiet=True)


def test_this_machine_can_render_certificates():
    assert worker.startup_problems() == []
    _start(["certificates"])  # does not raise


def test_refuses_to_start_without_harfbuzz_subsetting(monkeypatch):
    monkeypatch.setattr(fonts.ctypes.util, "find_library", lambda name: None)
    with pytest.raises(worker.WorkerNotReady, match="libharfbuzz-subset0"):
        _start(["default", "certificates"])
    with pytest.raises(worker.WorkerNotReady, match="libharfbuzz-subset0"):
        _start("certificates")  # `-Q certificates` on the command line


def test_refuses_to_start_when_the_harfbuzz_library_cannot_be_loaded(monkeypatch):
    monkeypatch.setattr(fonts.ctypes.util, "find_library", lambda name: "/nowhere/libharfbuzz-subset.so.0")
    with pytest.raises(worker.WorkerNotReady, match="HarfBuzz subsetting library not found"):
        _start(["certificates"])


def test_refuses_to_start_without_the_cjk_fonts(monkeypatch, tmp_path):
    missing = str(tmp_path / "NotoSerifCJK-Regular.ttc")
    monkeypatch.setattr(fonts, "SYSTEM_FONTS", {**fonts.SYSTEM_FONTS, 400: (missing, 2)})
    with pytest.raises(worker.WorkerNotReady, match="fonts-noto-cjk") as refusal:
        _start(["certificates"])
    assert missing in str(refusal.value)


def test_workers_of_other_queues_start_without_them(monkeypatch):
    monkeypatch.setattr(fonts.ctypes.util, "find_library", lambda name: None)
    _start(["default"])
    _start(None)


def test_each_worker_process_builds_its_renderer_and_glyph_table_at_start(monkeypatch):
    from celery.signals import worker_process_init

    from certification import pdf

    monkeypatch.setattr(pdf, "_renderer", None)
    fonts.covered_code_points.cache_clear()
    worker_process_init.send(sender=None)
    assert pdf._renderer is not None
    assert fonts.covered_code_points.cache_info().currsize == 1
