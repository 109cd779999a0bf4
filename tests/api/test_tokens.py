"""What a token may do: only its scopes, only until it expires (with a clear error), and nothing
while it waits for its owner's acceptance."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from courses.api import services
from courses.api.models import IntegrationToken

from .conftest import assert_error, bearer, make_token

pytestmark = pytest.mark.django_db


def test_a_token_reaches_only_the_endpoints_of_its_scopes(client, cohort, instructor, registrar):
    verify_only = make_token(owner=instructor, registrar=registrar, scopes=["verify"])

    cohorts = client.get("/api/v1/cohorts/", **bearer(verify_only))
    me = client.get("/api/v1/me/", **bearer(verify_only))
    verify = client.get("/api/v1/verify/TTA-1999-P-000001/", {"name": "张三丰"}, **bearer(verify_only))

    error = assert_error(cohorts, 403, "insufficient_scope")
    assert "cohorts:read" in error["message"]
    assert_error(me, 403, "insufficient_scope")
    assert_error(verify, 404, "not_found")


def test_verification_needs_the_verify_scope_with_a_token(client, cohort, instructor, registrar):
    cohorts_only = make_token(owner=instructor, registrar=registrar, scopes=["cohorts:read"])

    single = client.get("/api/v1/verify/X/", {"name": "张三丰"}, **bearer(cohorts_only))

    assert_error(single, 403, "insufficient_scope")
    assert client.get("/api/v1/cohorts/", **bearer(cohorts_only)).status_code == 200


@pytest.mark.parametrize("language, text", [("zh-hans", "已于"), ("en", "expired on")])
def test_an_expired_token_is_refused_with_a_clear_error(client, cohort, staff_token, language, text):
    IntegrationToken.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    response = client.get("/api/v1/cohorts/", HTTP_ACCEPT_LANGUAGE=language, **bearer(staff_token))

    error = assert_error(response, 401, "token_expired")
    assert text in error["message"]


def test_tokens_expire_after_90_days_by_default_and_a_year_at_most(instructor, registrar):
    token, _secret = services.integration_token_request(
        name="HR", owner=instructor, scopes=["verify"], actor=registrar
    )

    assert abs(token.expires_at - timezone.now() - datetime.timedelta(days=90)) < datetime.timedelta(
        minutes=1
    )
    with pytest.raises(services.TokenError):
        services.integration_token_request(
            name="HR", owner=instructor, scopes=["verify"], actor=registrar, days=366
        )
    with pytest.raises(services.TokenError):
        services.integration_token_request(name="HR", owner=instructor, scopes=["admin"], actor=registrar)


def test_only_the_owner_accepts_and_not_after_the_request_expired(instructor, registrar):
    token, secret = services.integration_token_request(
        name="HR", owner=instructor, scopes=["verify"], actor=registrar
    )
    assert secret is None

    with pytest.raises(PermissionDenied):
        services.integration_token_accept(token=token, actor=registrar)
    IntegrationToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    with pytest.raises(services.TokenError):
        services.integration_token_accept(token=token, actor=instructor)
    assert IntegrationToken.objects.get().secret_hash is None


def test_only_registrars_request_tokens_even_for_themselves(instructor):
    with pytest.raises(PermissionDenied):
        services.integration_token_request(name="Mine", owner=instructor, scopes=["verify"], actor=instructor)
