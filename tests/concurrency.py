"""Racing threads against the database: the one harness of the concurrency tests."""

import threading
from collections.abc import Callable

from django.db import connections


def run_concurrently(work: Callable[[int], object], count: int, *, timeout: float = 120.0) -> list:
    """Run ``work(i)`` for ``i`` in ``range(count)``, each in its own thread, released together.

    A barrier starts every thread at the same moment, so the calls really overlap. Each thread has
    its own database connections (Django opens them per thread) and closes them when done, or the
    test database could not be dropped. Returns the results in order of ``i``. Raises
    ``AssertionError`` listing every thread's exception, or naming the threads still running after
    ``timeout`` seconds: a thread's failure is never lost.
    """
    barrier = threading.Barrier(count)
    results: list = [None] * count
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[i] = work(i)
        except BaseException as error:  # noqa: BLE001 - reported by the calling thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,), name=f"racer-{i}") for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    stuck = [thread.name for thread in threads if thread.is_alive()]
    if errors or stuck:
        raise AssertionError(f"errors: {errors!r}; still running after {timeout} s: {stuck}")
    return results
