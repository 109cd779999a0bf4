"""The admins' login forms are not a way around the site login's throttling."""

from urllib.parse import unquote

import pytest

from tests.accounts.conftest import trainee_with_profile
from tests.mfa import totp_authenticator, totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(
        "editor", email="editor@example.org", password="Editor-2026!", is_staff=True, is_superuser=True
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/login/"])
def test_a_password_posted_to_an_admin_login_signs_nobody_in(client, staff, path):
    response = client.post(path, {"username": "editor", "password": "Editor-2026!"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


def test_the_admin_sends_anonymous_visitors_to_the_site_login_and_keeps_where_they_were_going(client):
    response = client.get("/admin/pages/", follow=True)
    final, _status = response.redirect_chain[-1]
    assert final.startswith("/accounts/login/") and "next=/admin/pages/" in unquote(final)
    assert response.status_code == 200


def test_a_foreign_next_is_dropped(client):
    response = client.get("/admin/login/", {"next": "https://evil.example/"})
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"


def test_staff_signed_in_through_the_site_login_reach_the_admin(client, staff, settings):
    settings.MFA_TOTP_TOLERANCE = 1
    totp_authenticator(staff)  # a superuser gives a TOTP code too (test_mfa.py)
    response = client.post("/accounts/login/", {"login": "editor", "password": "Editor-2026!"})
    assert response.status_code == 302 and response["Location"] == "/accounts/2fa/authenticate/"
    assert client.post("/accounts/2fa/authenticate/", {"code": totp_code()}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_trainee_is_not_let_into_the_admin(client):
    learner, _number = trainee_with_profile(username="learner")
    client.force_login(learner)
    response = client.get("/admin/")
    assert response.status_code in (302, 403) and "_auth_user_id" in client.session
