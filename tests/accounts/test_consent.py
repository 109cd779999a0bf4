"""Consent to the privacy notice: recorded with its version, asked again when the version changes."""

import pytest
from allauth.account.models import EmailAddress

from courses.accounts.models import PrivacyConsent
from tests.factories import courses as factories

from .conftest import trainee_with_profile


def _sign_in(client, user, password="correct-horse-battery"):
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return client.post("/accounts/login/", {"login": user.username, "password": password})


@pytest.mark.django_db
def test_a_new_notice_version_asks_signed_in_trainees_again(client, settings):
    settings.PRIVACY_NOTICE_VERSION = "2026-01"
    user, _ = trainee_with_profile()
    assert _sign_in(client, user).url == "/dashboard/"  # 我的学习
    assert client.get("/accounts/profile/").status_code == 200

    settings.PRIVACY_NOTICE_VERSION = "2026-07"
    response = client.get("/accounts/profile/")
    assert response.status_code == 302
    assert response.url == "/accounts/consent/?next=%2Faccounts%2Fprofile%2F"
    # The privacy notice itself and signing out stay reachable.
    assert client.get("/accounts/privacy/").status_code == 200

    page = client.get(response.url).content.decode()
    assert "2026-07" in page
    refused = client.post("/accounts/consent/", {"next": "/accounts/profile/"})
    assert refused.status_code == 200
    assert "请勾选" in refused.content.decode()

    response = client.post(
        "/accounts/consent/", {"next": "/accounts/profile/", "accept_privacy_notice": "on"}
    )
    assert response.status_code == 302 and response.url == "/accounts/profile/"
    assert list(PrivacyConsent.objects.filter(user=user).values_list("notice_version", flat=True)) == [
        "2026-07",
        "2026-01",
    ]
    assert client.get("/accounts/profile/").status_code == 200


@pytest.mark.django_db
def test_signing_in_after_the_notice_changed_leads_to_the_consent_page(client, settings):
    user, _ = trainee_with_profile()
    settings.PRIVACY_NOTICE_VERSION = "2099-01"
    response = _sign_in(client, user)
    response = client.get(response.url)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/consent/")


@pytest.mark.django_db
def test_the_consent_page_does_not_redirect_elsewhere(client):
    client.force_login(factories.user())
    response = client.post(
        "/accounts/consent/", {"next": "https://evil.example.org/", "accept_privacy_notice": "on"}
    )
    assert response.url == "/accounts/profile/"


@pytest.mark.django_db
def test_consenting_twice_to_one_version_keeps_the_first_time(client):
    user = factories.user()
    client.force_login(user)
    client.post("/accounts/consent/", {"accept_privacy_notice": "on"})
    first = PrivacyConsent.objects.get(user=user).consented_at
    client.post("/accounts/consent/", {"accept_privacy_notice": "on"})
    assert PrivacyConsent.objects.get(user=user).consented_at == first
