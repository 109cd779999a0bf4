"""Behind trusted reverse proxies the client's address comes from X-Forwarded-For; otherwise never."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from config.client_ip import client_ip_middleware


def _seen(settings, count, forwarded, peer="10.0.0.2"):
    settings.TTA_TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded)
    client_ip_middleware(lambda request: HttpResponse())(request)
    return request.META["REMOTE_ADDR"]


@pytest.mark.parametrize(
    ("count", "forwarded", "seen"),
    [
        (0, "203.0.113.7", "10.0.0.2"),  # reached directly: anyone can write the header
        (1, "203.0.113.7", "203.0.113.7"),  # one proxy appended the client it saw
        (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # the client's own claim before it is not trusted
        (2, "198.51.100.1, 203.0.113.7, 10.0.0.5", "203.0.113.7"),
        (2, "203.0.113.7", "10.0.0.2"),  # fewer entries than proxies: not through them all
        (1, "not-an-address", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_address(settings, count, forwarded, seen):
    assert _seen(settings, count, forwarded) == seen


@pytest.mark.django_db
def test_sign_in_limits_count_each_trainee_behind_the_proxy_not_the_proxy(client, settings):
    settings.TTA_TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = {"login": "1/m/ip"}
    credentials = {"login": "nobody", "password": "wrong-password"}

    def sign_in(address):
        return client.post(reverse("account_login"), credentials, HTTP_X_FORWARDED_FOR=address).status_code

    assert [sign_in("203.0.113.7"), sign_in("203.0.113.8")] == [200, 200]  # two trainees, one proxy
    assert sign_in("203.0.113.7") == 429  # the first one again
