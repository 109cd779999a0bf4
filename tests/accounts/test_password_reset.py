"""One password reset, the site's throttled one: Wagtail's own reset pages are gone."""

import pytest

from tests.factories import courses as factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return factories.user(username="editor", email="editor@example.org", is_staff=True, is_superuser=True)


def test_wagtails_reset_address_leads_to_the_sites_reset(client):
    response = client.get("/admin/password_reset/")
    assert response.status_code == 302 and response["Location"] == "/accounts/password/reset/"


def test_a_reset_posted_to_wagtails_address_sends_no_email(client, editor, mailoutbox):
    response = client.post("/admin/password_reset/", {"email": editor.email})
    assert response.status_code == 302 and response["Location"] == "/accounts/password/reset/"
    assert mailoutbox == []


@pytest.mark.parametrize(
    "path",
    [
        "/admin/password_reset/done/",
        "/admin/password_reset/confirm/MQ/abc-123/",
        "/admin/password_reset/complete/",
    ],
)
def test_wagtails_other_reset_pages_are_gone(client, path):
    assert client.get(path).status_code == 404


def test_the_admin_login_offers_the_sites_throttled_reset(client, editor, mailoutbox):
    login = client.get("/admin/login/", follow=True)
    assert login.redirect_chain[-1][0].startswith("/accounts/login/")
    assert 'href="/accounts/password/reset/"' in login.content.decode()
    statuses = [
        client.post("/accounts/password/reset/", {"email": editor.email}).status_code for _ in range(6)
    ]
    assert statuses[0] == 302 and statuses[-1] == 429  # ACCOUNT_RATE_LIMITS: 5 a minute per address
    assert len(mailoutbox) == 5


def test_the_admin_changes_no_password_the_site_changes_it_throttled(client, editor):
    """Wagtail's own change-password form checks the old password without a limit: it is switched off, and
    the site's own (allauth) change-password page is throttled (ACCOUNT_RATE_LIMITS change_password)."""
    client.force_login(editor)
    account = client.get("/admin/account/")
    assert account.status_code == 200
    assert "old_password" not in account.content.decode()
    changes = [
        client.post(
            "/accounts/password/change/",
            {"oldpassword": "wrong", "password1": "N3w-passw0rd!", "password2": "N3w-passw0rd!"},
        ).status_code
        for _ in range(6)
    ]
    assert changes[-1] == 429
