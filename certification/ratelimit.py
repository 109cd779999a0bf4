"""A rate limit per client address for public verification (pages and API), so that serials
cannot be enumerated quickly. Counted by the API's fixed-window counter, in the cache."""

from django.conf import settings

from courses.api.throttling import fixed_window_allow


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def allow(request, *, bucket: str = "verify", weight: int = 1) -> bool:
    """Count ``weight`` lookups for this client; False once the minute's allowance is used up."""
    return fixed_window_allow(
        f"{bucket}:{client_address(request)}", limit=settings.TTA_VERIFY_RATE_LIMIT, weight=weight
    )
