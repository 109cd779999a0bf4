"""Back-pressure: a saturated server refuses the exam's retried requests at once, with 503 and
``Retry-After``, instead of letting them wait in a queue until the browser gives up.

Which requests: POSTs to the paths of ``TTA_BUSY_PATHS`` (the exam page's answer saves and event
reports), whose page keeps what it sends and sends it again. Refused when:

- they waited in the queue before reaching the app longer than ``TTA_BUSY_MAX_QUEUE_SECONDS``: the
  front proxy stamps when it received the request (nginx: ``proxy_set_header X-Request-Start
  "t=${msec}";``), read only behind trusted proxies (``TTA_TRUSTED_PROXY_COUNT`` > 0);
- ``TTA_BUSY_MAX_IN_FLIGHT`` of them are already running in this process (0: no such bound);

and any request is refused the same way when no database connection came from the pool within
``DATABASE_POOL_TIMEOUT`` (psycopg_pool's PoolTimeout: it comes before the request's first query,
so nothing was written).

The contract (docs/request_path.md): status 503, ``Retry-After: <seconds>``, and for these paths a JSON
body ``{"error": <message in the request's language>, "busy": true, "retry_after": <seconds>}``.
A refused request changed nothing: the client sends it again, unchanged, after ``Retry-After``
seconds and some jitter; the answers' sequence numbers make a repeated save harmless.
"""

import math
import re
import threading
import time

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.translation import ngettext

from core.downloads import PRIVATE_NO_STORE, cache_policy_apply

try:
    from psycopg_pool import PoolTimeout
except ImportError:  # without the pool package, no request waits for a pooled connection

    class PoolTimeout(Exception):
        pass


_lock = threading.Lock()
_in_flight = 0


def _compiled_paths() -> list[re.Pattern]:
    return [re.compile(pattern) for pattern in settings.TTA_BUSY_PATHS]


def queue_seconds(request) -> float | None:
    """How long the request waited between the front proxy and the app, from ``X-Request-Start``
    (``t=`` seconds, milliseconds or microseconds since the epoch); None without a trusted proxy
    or a readable stamp."""
    if settings.TTA_TRUSTED_PROXY_COUNT <= 0:
        return None  # reached directly: anyone could write the header
    stamp = request.META.get("HTTP_X_REQUEST_START", "").strip().removeprefix("t=")
    try:
        started = float(stamp)
    except ValueError:
        return None
    if not math.isfinite(started) or started <= 0:
        return None
    if started > 1e14:  # microseconds (Apache's %t)
        started /= 1e6
    elif started > 1e11:  # milliseconds
        started /= 1e3
    return max(0.0, time.time() - started)


def busy_response(request, *, retry_after: int, answers: bool = True) -> HttpResponse:
    """The 503 of the contract, in the request's language: JSON for the exam page's requests (whose
    answers wait in the browser) and for clients that accept JSON, plain text otherwise."""
    if answers:
        message = ngettext(
            "The server is busy. Your answers are kept in this browser and will be sent again in %(seconds)d second.",
            "The server is busy. Your answers are kept in this browser and will be sent again in %(seconds)d seconds.",
            retry_after,
        ) % {"seconds": retry_after}
    else:
        message = ngettext(
            "The server is busy. Please try again in %(seconds)d second.",
            "The server is busy. Please try again in %(seconds)d seconds.",
            retry_after,
        ) % {"seconds": retry_after}
    if answers or "application/json" in request.headers.get("Accept", ""):
        response = JsonResponse({"error": message, "busy": True, "retry_after": retry_after}, status=503)
    else:
        response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(retry_after)
    return cache_policy_apply(response, PRIVATE_NO_STORE)


class BusyMiddleware:
    """Place it after LocaleMiddleware (the message's language) and before anything that reads the
    session or the user: a refusal then costs no more than reading the headers."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.paths = _compiled_paths()

    def __call__(self, request):
        if request.method != "POST" or not any(path.match(request.path_info) for path in self.paths):
            return self.get_response(request)
        retry_after = settings.TTA_BUSY_RETRY_AFTER_SECONDS
        waited = queue_seconds(request)
        limit = settings.TTA_BUSY_MAX_QUEUE_SECONDS
        if waited is not None and limit and waited > limit:
            # A long queue drains no faster for being retried soon: ask for at least as long as it took.
            return busy_response(request, retry_after=min(60, max(retry_after, math.ceil(waited))))
        global _in_flight
        bound = settings.TTA_BUSY_MAX_IN_FLIGHT
        with _lock:
            if bound and _in_flight >= bound:
                return busy_response(request, retry_after=retry_after)
            _in_flight += 1
        try:
            return self.get_response(request)
        finally:
            with _lock:
                _in_flight -= 1

    def process_exception(self, request, exception):
        if isinstance(exception, PoolTimeout):
            sheddable = request.method == "POST" and any(path.match(request.path_info) for path in self.paths)
            return busy_response(
                request, retry_after=settings.TTA_BUSY_RETRY_AFTER_SECONDS, answers=sheddable
            )
        return None
