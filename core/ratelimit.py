"""The one rate limiter: a fixed-window counter per minute, kept in the cache (Redis in production).

The counter is one atomic ``incr`` per request, so concurrent web processes never lose a count. Every
limit of the project counts through ``fixed_window_allow``: the API's DRF throttles (a thin adapter,
``courses.api.throttling``) per token and signed-in user, and the public verification pages and API
per client network (``allow``), a batch weighing as many look-ups as it holds.

A client is counted per network, not per address: an IPv4 client per address, an IPv6 client per
/64, since one subscriber is routinely given a whole /64 and counting single IPv6 addresses would
give one caller 2^64 allowances.
"""

import ipaddress
import time

from django.core.cache import cache

WINDOW_SECONDS = 60
IPV6_PREFIX = 64


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
    """What a refused caller is told to wait (``Retry-After``): until the minute's counter resets."""
    return WINDOW_SECONDS - int(time.time()) % WINDOW_SECONDS


def client_address(request) -> str:
    """The key a client is counted under: its IPv4 address, or its IPv6 /64 network.

    ``REMOTE_ADDR`` is the client as ``config.client_ip`` established it (X-Forwarded-For only behind
    trusted proxies), so a caller cannot pick a new key per request.
    """
    address = request.META.get("REMOTE_ADDR", "") or ""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return address or "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped is not None:  # ::ffff:192.0.2.1 is the IPv4 client 192.0.2.1
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/{IPV6_PREFIX}", strict=False))
    return str(ip)


def allow(request, *, bucket: str, limit: int, weight: int = 1) -> bool:
    """Count ``weight`` uses of ``bucket`` by this client's network; False once the minute's ``limit``
    is used up."""
    return fixed_window_allow(f"{bucket}:{client_address(request)}", limit=limit, weight=weight)
