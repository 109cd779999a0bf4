"""Rate limits: a fixed-window counter per minute, kept in the cache (Redis in production).

The counter is one atomic ``incr`` per request, so concurrent web processes never lose a count;
the public verification pages count through it too (``certification.ratelimit``). The DRF throttles
here limit each API token and each signed-in browser user; verification adds a per-address limit
for anonymous callers and weighs a batch by its size (``certification.api``). A throttled request
gets a 429 with ``Retry-After``.
"""

import time

from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import BaseThrottle

from .models import IntegrationToken

WINDOW_SECONDS = 60


def fixed_window_allow(key: str, *, limit: int, weight: int = 1) -> bool:
    """Count ``weight`` uses of ``key`` in the current minute; False once more than ``limit`` were used."""
    window = int(time.time() // WINDOW_SECONDS)
    cache_key = f"tta:rate:{key}:{window}"
    cache.add(cache_key, 0, timeout=WINDOW_SECONDS + 10)
    try:
        used = cache.incr(cache_key, weight)
    except ValueError:  # the key expired between add and incr
        cache.set(cache_key, weight, timeout=WINDOW_SECONDS + 10)
        used = weight
    return used <= limit


def seconds_to_next_window() -> int:
    return WINDOW_SECONDS - int(time.time()) % WINDOW_SECONDS


class FixedWindowThrottle(BaseThrottle):
    """A DRF throttle over ``fixed_window_allow``. Subclasses name whom they count (``ident``, None
    to let the request through), their limit per minute, and how much a request counts (``weight``)."""

    def ident(self, request) -> str | None:
        raise NotImplementedError

    def limit(self) -> int:
        raise NotImplementedError

    def weight(self, request, view) -> int:
        return 1

    def allow_request(self, request, view) -> bool:
        ident = self.ident(request)
        if ident is None:
            return True
        return fixed_window_allow(ident, limit=self.limit(), weight=self.weight(request, view))

    def wait(self) -> float:
        return seconds_to_next_window()


class TokenRateThrottle(FixedWindowThrottle):
    """Requests per minute for each API token (``TTA_API_TOKEN_RATE_LIMIT``)."""

    def ident(self, request):
        return f"api-token:{request.auth.pk}" if isinstance(request.auth, IntegrationToken) else None

    def limit(self):
        return settings.TTA_API_TOKEN_RATE_LIMIT


class SessionUserRateThrottle(FixedWindowThrottle):
    """Requests per minute for each user signed in through the browser (``TTA_API_SESSION_RATE_LIMIT``)."""

    def ident(self, request):
        if request.auth is None and request.user and request.user.is_authenticated:
            return f"api-user:{request.user.pk}"
        return None

    def limit(self):
        return settings.TTA_API_SESSION_RATE_LIMIT
