"""API tokens in the admin: a registrar requests a token for an owner, with scopes and an expiry;
it works only once the owner accepts it, and its secret is shown to the owner alone, once (only its
hash is stored). Owners and registrars revoke tokens; every step is in the audit log."""

import datetime

import pytest
from django.utils import timezone

from courses.accounts.models import AuditAction, AuditLog
from courses.api.models import IntegrationToken
from courses.api.selectors import secret_hash
from courses.api.services import integration_token_request

from .conftest import bearer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _instructors_use_the_admin(instructor):
    """As the Instructors group does in production (cms.services): owners accept tokens in the admin."""
    from django.contrib.auth.models import Permission

    instructor.user_permissions.add(Permission.objects.get(codename="access_admin"))


def _secret_in(response) -> str:
    return response.content.decode().split('id="api-token-secret">', 1)[1].split("<", 1)[0]


def _request(client, owner, *, scopes=("cohorts:read",), days="90", name="HR system"):
    return client.post(
        "/admin/api-tokens/new/",
        {"name": name, "owner": owner.username, "scopes": list(scopes), "days": days},
    )


def test_a_token_requested_for_someone_works_only_once_they_accept_it(client, registrar, instructor, cohort):
    client.force_login(registrar)

    requested = _request(client, instructor)

    assert requested.status_code == 302  # no secret shown to the registrar
    token = IntegrationToken.objects.get()
    assert (token.name, token.owner, token.created_by, token.scopes) == (
        "HR system",
        instructor,
        registrar,
        ["cohorts:read"],
    )
    assert token.secret_hash is None and token.is_pending
    assert registrar.username in client.get("/admin/api-tokens/").content.decode()
    assert client.post(f"/admin/api-tokens/{token.pk}/accept/").status_code == 404  # not the owner

    client.force_login(instructor)
    listing = client.get("/admin/api-tokens/").content.decode()
    accepted = client.post(f"/admin/api-tokens/{token.pk}/accept/")
    again = client.post(f"/admin/api-tokens/{token.pk}/accept/")

    assert f"/admin/api-tokens/{token.pk}/accept/" in listing
    assert accepted.status_code == 200 and "no-store" in accepted["Cache-Control"]
    secret = _secret_in(accepted)
    token.refresh_from_db()
    assert secret.startswith("tta_") and len(secret) > 40 and secret.startswith(token.prefix)
    assert token.secret_hash == secret_hash(secret) and token.is_active
    assert again.status_code == 302 and IntegrationToken.objects.get().secret_hash == token.secret_hash
    assert secret not in client.get("/admin/api-tokens/").content.decode()
    client.logout()
    assert client.get("/api/v1/cohorts/", **bearer(secret)).status_code == 200
    entries = AuditLog.objects.order_by("pk").values_list("action", "actor", "subject")
    assert list(entries) == [
        (AuditAction.API_TOKEN_REQUESTED, registrar.pk, instructor.pk),
        (AuditAction.API_TOKEN_ACCEPTED, instructor.pk, instructor.pk),
    ]


def test_a_registrar_s_token_for_themselves_is_shown_at_once(client, registrar, cohort):
    client.force_login(registrar)

    response = _request(client, registrar, scopes=["verify", "cohorts:read"], days="30")

    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    token = IntegrationToken.objects.get()
    assert token.accepted_at is not None
    assert datetime.timedelta(days=29) < token.expires_at - timezone.now() <= datetime.timedelta(days=30)
    assert client.get("/api/v1/cohorts/", **bearer(_secret_in(response))).status_code == 200
    assert set(AuditLog.objects.values_list("action", flat=True)) == {
        AuditAction.API_TOKEN_REQUESTED,
        AuditAction.API_TOKEN_ACCEPTED,
    }


@pytest.mark.parametrize(
    "fields",
    [
        {"owner": "nobody"},
        {"scopes": []},
        {"days": "366"},
        {"days": "0"},
    ],
    ids=["no-such-owner", "no-scope", "over-a-year", "zero-days"],
)
def test_bad_requests_make_no_token(client, registrar, instructor, fields):
    client.force_login(registrar)
    data = {"name": "HR", "owner": instructor.username, "scopes": ["verify"], "days": "90", **fields}

    response = client.post("/admin/api-tokens/new/", data)

    assert response.status_code == 400
    assert not IntegrationToken.objects.exists()


def test_a_trainee_cannot_own_a_token(client, registrar, trainee):
    client.force_login(registrar)

    response = _request(client, trainee)

    assert response.status_code == 400
    assert "讲师或培训基地管理员" in response.content.decode()
    assert not IntegrationToken.objects.exists()


def test_a_registrar_revokes_a_token_in_the_admin(client, registrar, staff_token, cohort):
    token = IntegrationToken.objects.get()
    client.force_login(registrar)

    response = client.post(f"/admin/api-tokens/{token.pk}/revoke/")
    client.post(f"/admin/api-tokens/{token.pk}/revoke/")

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_by == registrar
    assert AuditLog.objects.filter(action=AuditAction.API_TOKEN_REVOKED, actor=registrar).count() == 1
    client.logout()
    assert client.get("/api/v1/cohorts/", **bearer(staff_token)).status_code == 401


def test_the_owner_sees_and_revokes_their_own_tokens_only(client, registrar, instructor, staff_token):
    from tests.factories import courses as factories

    other = factories.instructor()
    other.user_permissions.add(*instructor.user_permissions.all())
    integration_token_request(name="Someone else's", owner=other, scopes=["verify"], actor=registrar)
    mine, theirs = IntegrationToken.objects.get(owner=instructor), IntegrationToken.objects.get(owner=other)
    client.force_login(instructor)

    listing = client.get("/admin/api-tokens/").content.decode()
    refused = client.post(f"/admin/api-tokens/{theirs.pk}/revoke/")
    revoked = client.post(f"/admin/api-tokens/{mine.pk}/revoke/")

    assert "Someone else" not in listing and 'action="/admin/api-tokens/new/"' not in listing
    assert refused.status_code in (302, 403)  # Wagtail sends a refused admin user back to the dashboard
    assert revoked.status_code == 302
    assert IntegrationToken.objects.get(pk=mine.pk).revoked_by == instructor
    assert IntegrationToken.objects.get(pk=theirs.pk).revoked_at is None


def test_only_registrars_request_tokens(client, instructor, staff_token):
    client.force_login(instructor)

    response = _request(client, instructor)

    assert response.status_code in (302, 403)
    assert IntegrationToken.objects.count() == 1
