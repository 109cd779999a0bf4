"""Registrars make API tokens in the admin (the secret is shown once, only its hash is stored) and
revoke them; nobody else may."""

import pytest

from courses.api.models import IntegrationToken
from courses.api.selectors import secret_hash

from .conftest import bearer

pytestmark = pytest.mark.django_db


def test_a_registrar_makes_a_token_shown_once_and_stored_as_a_hash(client, registrar, instructor, cohort):
    client.force_login(registrar)

    response = client.post("/admin/api-tokens/new/", {"name": "HR system", "owner": instructor.username})

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    secret = html.split('id="api-token-secret">', 1)[1].split("<", 1)[0]
    token = IntegrationToken.objects.get()
    assert (token.name, token.owner, token.created_by) == ("HR system", instructor, registrar)
    assert secret.startswith("tta_") and len(secret) > 40
    assert token.secret_hash == secret_hash(secret) and secret not in token.secret_hash
    assert secret.startswith(token.prefix)
    listing = client.get("/admin/api-tokens/").content.decode()
    assert token.prefix in listing and secret not in listing
    client.logout()
    assert client.get("/api/v1/cohorts/", **bearer(secret)).status_code == 200


def test_the_owner_must_be_an_active_account(client, registrar):
    client.force_login(registrar)

    response = client.post("/admin/api-tokens/new/", {"name": "HR", "owner": "nobody"})

    assert response.status_code == 400
    assert not IntegrationToken.objects.exists()


def test_a_registrar_revokes_a_token_in_the_admin(client, registrar, staff_token, cohort):
    token = IntegrationToken.objects.get()
    client.force_login(registrar)

    response = client.post(f"/admin/api-tokens/{token.pk}/revoke/")

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_by == registrar
    client.logout()
    assert client.get("/api/v1/cohorts/", **bearer(staff_token)).status_code == 401


def test_only_registrars_manage_tokens(client, instructor, staff_token):
    token = IntegrationToken.objects.get()
    client.force_login(instructor)

    assert client.get("/admin/api-tokens/").status_code in (302, 403)
    assert client.post("/admin/api-tokens/new/", {"name": "x", "owner": instructor.username}).status_code in (
        302,
        403,
    )
    assert client.post(f"/admin/api-tokens/{token.pk}/revoke/").status_code in (302, 403)
    assert IntegrationToken.objects.get().revoked_at is None
    assert IntegrationToken.objects.count() == 1
