"""A rate limit per client network for public verification (pages and API), so that serials cannot
be enumerated quickly. Counted by the API's fixed-window counter, in the cache.

An IPv4 client is counted per address. An IPv6 client is counted per /64: one subscriber is
routinely given a whole /64, so counting single IPv6 addresses would give one caller 2^64 allowances.
"""

import ipaddress

from django.conf import settings

from courses.api.throttling import fixed_window_allow

IPV6_PREFIX = 64


def client_address(request) -> str:
    """The key a client is counted under: its IPv4 address, or its IPv6 /64 network."""
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


def allow(request, *, bucket: str = "verify", weight: int = 1) -> bool:
    """Count ``weight`` lookups for this client; False once the minute's allowance is used up."""
    return fixed_window_allow(
        f"{bucket}:{client_address(request)}", limit=settings.TTA_VERIFY_RATE_LIMIT, weight=weight
    )
