"""Waiting for something another thread or process does: a worker, a browser, a broker."""

import time
from collections.abc import Callable


def wait_for(
    predicate: Callable[[], object],
    *,
    timeout: float,
    interval: float = 0.1,
    message: str | Callable[[], str] | None = None,
):
    """Call ``predicate`` every ``interval`` seconds until it returns something truthy; return that.

    After ``timeout`` seconds it is asked once more. Still false: with a ``message`` (a string, or a
    function called then, to describe the state at the failure), ``AssertionError`` is raised;
    without one, the false value is returned for the caller to decide (retry, explain, assert).
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    result = predicate()
    if not result and message is not None:
        raise AssertionError(message() if callable(message) else message)
    return result
