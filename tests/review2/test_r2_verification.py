"""Review r2: anonymous look-ups with hostile serials and codes answer 4xx, never a 500.

On PostgreSQL a text parameter holding NUL makes the driver raise ("A string literal cannot contain
NUL"), so these addresses answer 500 there (checked on PostgreSQL 07:34 UTC). SQLite accepts the
query, so the test also requires that no query is sent with a NUL, which holds on both databases.
"""

import pytest
from django.db import connection
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/verify/TTA%00-1/?name=%E5%BC%A0",
        "/api/verify/TTA%00-1/?name=%E5%BC%A0",
        "/verify/abc%00def/",
    ],
)
def test_a_nul_in_the_serial_or_code_is_refused_before_any_query(client, url):
    client.raise_request_exception = False
    sent = []

    def spy(execute, sql, params, many, context):
        sent.extend(p for p in (params or ()) if isinstance(p, str) and "\x00" in p)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(spy):
        response = client.get(url)
    assert response.status_code in (400, 404), response.status_code
    assert not sent


def test_the_serial_form_refuses_a_nul(client):
    client.raise_request_exception = False
    response = client.post(reverse("certification:verify"), {"serial": "TTA\x00-1", "name": "张三丰"})
    assert response.status_code in (400, 404)
