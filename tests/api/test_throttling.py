"""Rate limits: per token, per signed-in browser user, and per address for anonymous verification;
a throttled request is a 429 with Retry-After and the error body."""

import pytest

from .conftest import assert_error, bearer, make_token

pytestmark = pytest.mark.django_db


def test_each_token_has_its_own_allowance(client, cohort, staff_token, instructor, registrar, settings):
    settings.TTA_API_TOKEN_RATE_LIMIT = 3
    other_token = make_token(owner=instructor, registrar=registrar, name="registry")

    statuses = [client.get("/api/v1/cohorts/", **bearer(staff_token)).status_code for _ in range(4)]
    throttled = client.get("/api/v1/cohorts/", **bearer(staff_token))
    other = client.get("/api/v1/cohorts/", **bearer(other_token))

    assert statuses == [200, 200, 200, 429]
    error = assert_error(throttled, 429, "throttled")
    assert 1 <= int(throttled["Retry-After"]) <= 60
    assert error["details"] == {"retry_after": int(throttled["Retry-After"])}
    assert other.status_code == 200


def test_a_signed_in_browser_user_is_limited_too(client, trainee, settings):
    settings.TTA_API_SESSION_RATE_LIMIT = 2
    client.force_login(trainee)

    statuses = [client.get("/api/v1/me/").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


def _claims(*serials):
    return {"certificates": [{"serial": serial, "name": "张三丰"} for serial in serials]}


def test_anonymous_verification_is_limited_per_address_and_a_batch_counts_each_serial(client, db, settings):
    settings.TTA_VERIFY_RATE_LIMIT = 3
    url = "/api/v1/verify/"

    batch = client.post(url, _claims("A", "B", "C"), content_type="application/json")
    over = client.get("/api/v1/verify/A/", {"name": "张三丰"})
    elsewhere = client.get("/api/v1/verify/A/", {"name": "张三丰"}, REMOTE_ADDR="10.1.2.3")

    assert batch.status_code == 200
    assert_error(over, 429, "throttled")
    assert elsewhere.status_code == 404  # unknown serial, but not throttled


def test_verification_with_a_token_counts_against_the_token_not_the_address(client, staff_token, settings):
    settings.TTA_VERIFY_RATE_LIMIT = 1
    settings.TTA_API_TOKEN_RATE_LIMIT = 100

    statuses = [
        client.get("/api/v1/verify/A/", {"name": "张三丰"}, **bearer(staff_token)).status_code
        for _ in range(3)
    ]

    assert statuses == [404, 404, 404]


def test_tokens_are_not_exempt_from_verification_limits_and_a_batch_counts_each_serial(
    client, staff_token, settings
):
    settings.TTA_VERIFY_RATE_LIMIT = 1000
    settings.TTA_API_TOKEN_RATE_LIMIT = 3

    batch = client.post(
        "/api/v1/verify/", _claims("A", "B", "C"), content_type="application/json", **bearer(staff_token)
    )
    over = client.get("/api/v1/verify/A/", {"name": "张三丰"}, **bearer(staff_token))
    too_big = client.post(
        "/api/v1/verify/", _claims("A", "B"), content_type="application/json", **bearer(staff_token)
    )
    anonymous = client.get("/api/v1/verify/A/", {"name": "张三丰"})

    assert batch.status_code == 200
    assert_error(over, 429, "throttled")
    assert_error(too_big, 429, "throttled")
    assert anonymous.status_code == 404  # the address has its own allowance


def test_the_verification_pages_share_the_address_allowance(client, db, settings):
    settings.TTA_VERIFY_RATE_LIMIT = 2

    client.get("/api/v1/verify/A/", {"name": "张三丰"})
    client.get("/api/verify/A/", {"name": "张三丰"})
    page = client.post("/verify/", {"serial": "TTA-1999-P-000001", "name": "张三丰"})

    assert page.status_code == 429
