"""The client's address behind trusted reverse proxies.

Behind nginx (or a load balancer) every request comes from the proxy's address. With
``TTA_TRUSTED_PROXY_COUNT`` set to the number of proxies in front of the app, the client's address
is read from ``X-Forwarded-For`` (each proxy appends the address it saw, so the client is the
count-th entry from the right) and put in ``REMOTE_ADDR``, which everything else reads: sign-in and
API rate limits, the exam attempt log's IP changes, consent records. With 0 (the default, for an
app reached directly) the header is ignored: anyone can write it.
"""

import ipaddress

from django.conf import settings


def client_ip_middleware(get_response):
    def middleware(request):
        count = settings.TTA_TRUSTED_PROXY_COUNT
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if count > 0 and forwarded:
            addresses = [address.strip() for address in forwarded.split(",")]
            # Fewer entries than proxies: the request did not come through them all; keep the peer.
            if len(addresses) >= count and _is_ip(addresses[-count]):
                request.META["REMOTE_ADDR"] = addresses[-count]
        return get_response(request)

    return middleware


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
