"""Queueing Celery tasks: the one place a service hands work to a worker.

``dispatch(task, *args, **kwargs)`` calls ``task.delay(*args, **kwargs)`` once the current
transaction commits (at once outside a transaction), so a worker never loads a row that is not
there yet, and a rolled-back change queues nothing. ``task`` is a Celery task or the dotted import
path of one: a service names its task by path so that ``tasks.py`` imports its services and never
the other way round (the path is imported when the message is sent).

Tests replace the broker with ``capture()`` (the ``captured_dispatches`` fixture): nothing is sent;
every dispatch is recorded, and marked sent when its transaction commits. A test patches this
seam, never a service's private queueing function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils.module_loading import import_string


@dataclass
class Dispatch:
    """One task handed to ``dispatch``: its Celery name, its arguments, and whether its transaction
    has committed (the moment the broker would have received it)."""

    task: str
    args: tuple
    kwargs: dict = field(default_factory=dict)
    eta: datetime | None = None
    sent: bool = False


class Captured(list):
    """The dispatches made while ``capture()`` was active, in order."""

    def of(self, task, *, sent: bool | None = None) -> list[Dispatch]:
        """The dispatches of ``task`` (a task or its Celery name); only those sent (or not) if asked."""
        name = _name(task)
        return [d for d in self if d.task == name and (sent is None or d.sent == sent)]

    def args(self, task, *, sent: bool | None = None) -> list:
        """The first argument of each dispatch of ``task`` (tasks take one id, mostly)."""
        return [d.args[0] for d in self.of(task, sent=sent)]

    def names(self) -> set[str]:
        """The Celery names of every task dispatched, committed or not."""
        return {d.task for d in self}


_captured: Captured | None = None
_handler: Callable[[Dispatch], Any] | None = None
_only: set[str] | None = None


def _resolve(task):
    return import_string(task) if isinstance(task, str) else task


def _name(task) -> str:
    """A task's Celery name, from the task, its import path, or the name itself."""
    if isinstance(task, str):
        try:
            task = import_string(task)
        except ImportError:
            return task  # a name that is not an import path (``courses.account_welcome_email``)
    return task.name


def dispatch(task, *args, robust: bool = False, eta: datetime | None = None, **kwargs) -> None:
    """Queue ``task.delay(*args, **kwargs)`` when the current transaction commits.

    ``robust=True``: a broker error at commit is logged, not raised (the change is already saved;
    a sweep queues the task again). Without it the error reaches the caller, as ``on_commit`` does.
    ``eta``: the task runs then, not at once (``apply_async(eta=...)``).
    """
    if _captures(task):
        record = _record(task, args, kwargs, eta)
        handler = _handler

        def send_captured():
            record.sent = True
            if handler is not None:
                handler(record)

        transaction.on_commit(send_captured, robust=robust)
        return

    def send():
        _send(task, args, kwargs, eta)

    transaction.on_commit(send, robust=robust)


def dispatch_now(task, *args, eta: datetime | None = None, **kwargs) -> None:
    """Queue a task at once, not on commit, and raise a broker error to the caller: for a sweep run
    outside any transaction that handles a failed queueing itself (tries again next time)."""
    if _captures(task):
        record = _record(task, args, kwargs, eta)
        record.sent = True
        if _handler is not None:
            _handler(record)
        return
    _send(task, args, kwargs, eta)


def _captures(task) -> bool:
    return _captured is not None and (_only is None or _name(task) in _only)


def _record(task, args, kwargs, eta) -> Dispatch:
    record = Dispatch(task=_name(task), args=args, kwargs=kwargs, eta=eta)
    _captured.append(record)
    return record


def _send(task, args, kwargs, eta) -> None:
    task = _resolve(task)
    if eta is None:
        task.delay(*args, **kwargs)
    else:
        task.apply_async(args, **({"kwargs": kwargs} if kwargs else {}), eta=eta)


@contextmanager
def capture(*, handler: Callable[[Dispatch], Any] | None = None, only=None) -> Iterator[Captured]:
    """Record dispatches instead of sending them (tests).

    ``handler``, if given, is called with each dispatch when its transaction commits, in place of
    the broker: run the task's service, or raise to play a broker that is down. ``only`` (tasks or
    their names): capture these and send the others as usual (a test with a real worker that needs
    no PDF, say).
    """
    global _captured, _handler, _only
    previous = (_captured, _handler, _only)
    _captured, _handler = Captured(), handler
    _only = None if only is None else {_name(task) for task in only}
    try:
        yield _captured
    finally:
        _captured, _handler, _only = previous
