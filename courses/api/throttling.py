"""The API's DRF throttles: a thin adapter over the project's one limiter (``core.ratelimit``).

They limit each API token and each signed-in browser user; verification adds a per-network limit
for anonymous callers and weighs a batch by its size (``certification.api``). A throttled request
gets a 429 with ``Retry-After``.
"""

from django.conf import settings
from rest_framework.throttling import BaseThrottle

from core.ratelimit import fixed_window_allow, seconds_to_next_window

from .models import IntegrationToken


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
