"""The shared test helpers: one wait, one race harness, one seam for queued tasks."""

import threading

import pytest

from core import dispatch
from tests.concurrency import run_concurrently
from tests.waiting import wait_for


def test_wait_for_returns_what_the_predicate_returned():
    calls = []
    assert (
        wait_for(lambda: calls.append(1) or len(calls) >= 3 and "ready", timeout=5, interval=0.01) == "ready"
    )


def test_wait_for_gives_up_after_its_timeout_and_says_why_when_asked():
    assert wait_for(lambda: None, timeout=0.05, interval=0.01) is None
    with pytest.raises(AssertionError, match="still 7"):
        wait_for(lambda: 0, timeout=0.05, interval=0.01, message=lambda: "still 7")


def test_run_concurrently_releases_every_thread_together_and_keeps_the_order():
    inside = threading.Semaphore(0)

    def work(i):
        inside.release()
        # Every thread is past the barrier before any finishes: all four are in here at once.
        assert wait_for(lambda: inside._value >= 4 or None, timeout=5, interval=0.01) is not None
        return i * 10

    assert run_concurrently(work, 4) == [0, 10, 20, 30]


def test_run_concurrently_reports_every_failing_thread():
    def work(i):
        if i % 2:
            raise ValueError(f"thread {i}")
        return i

    with pytest.raises(AssertionError) as failure:
        run_concurrently(work, 4)
    assert "thread 1" in str(failure.value) and "thread 3" in str(failure.value)


@pytest.mark.django_db
def test_a_captured_dispatch_is_sent_when_its_transaction_commits(django_capture_on_commit_callbacks):
    task = "certification.tasks.certificate_render_task"
    handled = []
    with dispatch.capture(handler=handled.append) as captured:
        with django_capture_on_commit_callbacks() as callbacks:
            dispatch.dispatch(task, 42)
        assert captured.args(task) == [42] and captured.args(task, sent=True) == [] and handled == []
        for callback in callbacks:
            callback()
    assert captured.args(task, sent=True) == [42] and [d.args for d in handled] == [(42,)]
    assert captured.names() == {task}


@pytest.mark.django_db
def test_capture_only_some_tasks_sends_the_others(monkeypatch, django_capture_on_commit_callbacks):
    from certification.tasks import certificate_auto_issue_task

    sent = []
    monkeypatch.setattr(certificate_auto_issue_task, "delay", lambda *args: sent.append(args))
    only = ["certification.tasks.certificate_render_task"]
    with dispatch.capture(only=only) as captured, django_capture_on_commit_callbacks(execute=True):
        dispatch.dispatch("certification.tasks.certificate_render_task", 1)
        dispatch.dispatch(certificate_auto_issue_task, 2)
    assert captured.names() == {"certification.tasks.certificate_render_task"} and sent == [(2,)]
