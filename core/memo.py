"""Answers kept for one unit of work (a job's run), so its items do the same lookups once.

Outside ``memo_scope`` a ``scoped_memo`` function runs on every call, as if undecorated; inside,
its answer for the same key is kept until the scope ends. It is for lookups whose answer may
change between units of work but need not within one: the issuer's settings, the live design,
a program's rule and translations while a bulk issuance settles its next fifty items. What a
registrar changes meanwhile applies from the next run (a few seconds later), never halfway
through an item. Scopes are per thread and per task (``contextvars``); a nested scope shares
the outer one's answers.
"""

import contextvars
import functools
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager

_answers: contextvars.ContextVar[dict | None] = contextvars.ContextVar("tta_memo_answers", default=None)


@contextmanager
def memo_scope() -> Iterator[None]:
    if _answers.get() is not None:
        yield
        return
    token = _answers.set({})
    try:
        yield
    finally:
        _answers.reset(token)


def scoped_memo(key: Callable[..., Hashable]):
    """Keep the decorated function's answers within a ``memo_scope``, by ``key(*args, **kwargs)``."""

    def decorate(function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            answers = _answers.get()
            if answers is None:
                return function(*args, **kwargs)
            name = (function.__module__, function.__qualname__, key(*args, **kwargs))
            if name not in answers:
                answers[name] = function(*args, **kwargs)
            return answers[name]

        return wrapper

    return decorate
