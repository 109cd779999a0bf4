"""Sign-up with consent and mandatory email verification, login, throttling, language."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from courses.accounts.models import PrivacyConsent, TraineeProfile
from tests.factories import courses as factories

SIGNUP = {
    "username": "zhangsan",
    "email": "zhangsan@example.com",
    "password1": "Tech-Transfer-2026!",
    "password2": "Tech-Transfer-2026!",
    "real_name": "张三",
    "accept_privacy_notice": "on",
}


@pytest.mark.django_db
def test_sign_up_records_consent_and_requires_email_verification(client, settings):
    settings.PRIVACY_NOTICE_VERSION = "2026-03"
    response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 302
    assert response.url == "/accounts/confirm-email/"

    user = get_user_model().objects.get(username="zhangsan")
    assert TraineeProfile.objects.get(user=user).real_name == "张三"
    consent = PrivacyConsent.objects.get(user=user)
    assert consent.notice_version == "2026-03"
    assert consent.consented_at is not None

    # Not signed in until the address is verified.
    assert client.get("/accounts/profile/").status_code == 302
    assert client.post("/accounts/login/", {"login": "zhangsan", "password": SIGNUP["password1"]}).url == (
        "/accounts/confirm-email/"
    )
    assert not EmailAddress.objects.get(user=user).verified

    (first, *_) = mail.outbox
    assert first.to == ["zhangsan@example.com"]
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", first.body).group(1)
    assert client.get(link).status_code == 200
    assert client.post(link).status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    response = client.post(
        "/accounts/login/", {"login": "zhangsan@example.com", "password": SIGNUP["password1"]}
    )
    assert response.status_code == 302
    # The profile is not complete yet (no phone or identity document): the trainee is asked to complete it.
    assert response.url == "/accounts/profile/edit/"
    assert client.get("/accounts/profile/").status_code == 200


@pytest.mark.django_db
def test_sign_up_without_consent_is_refused_with_a_message_and_creates_nothing(client):
    response = client.post("/accounts/signup/", {**SIGNUP, "accept_privacy_notice": ""})
    assert response.status_code == 200
    assert "必须同意隐私声明" in response.content.decode()
    assert not get_user_model().objects.filter(username="zhangsan").exists()
    assert not mail.outbox


@pytest.mark.django_db
def test_pages_are_chinese_first_and_english_under_en(client):
    chinese = client.get("/accounts/login/").content.decode()
    english = client.get("/en/accounts/login/").content.decode()
    assert "登录" in chinese and 'lang="zh-hans"' in chinese
    assert "Sign in" in english and 'lang="en"' in english
    assert "注册" in client.get("/accounts/signup/").content.decode()
    assert "隐私声明" in client.get("/accounts/privacy/").content.decode()
    assert "Privacy notice" in client.get("/en/accounts/privacy/").content.decode()


@pytest.mark.django_db
def test_password_reset_sends_a_link_that_sets_a_new_password(client):
    user = factories.user(username="lisi", email="lisi@example.com")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    response = client.post("/accounts/password/reset/", {"email": "lisi@example.com"})
    assert response.status_code == 302
    (message,) = mail.outbox
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/[^\s]+/)", message.body).group(1)
    response = client.get(link)
    assert response.status_code == 302  # allauth moves the key out of the URL
    response = client.post(response.url, {"password1": "New-Pass-2026!x", "password2": "New-Pass-2026!x"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("New-Pass-2026!x")


@pytest.mark.django_db
def test_the_sixth_wrong_password_within_five_minutes_is_refused_even_if_correct(client):
    user = factories.user(username="wangwu", password="Right-Pass-2026!")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    for _attempt in range(5):
        response = client.post("/accounts/login/", {"login": "wangwu", "password": "guess"})
        assert response.status_code == 200
        assert "用户名和/或密码不正确" in response.content.decode() or "不正确" in response.content.decode()

    response = client.post("/accounts/login/", {"login": "wangwu", "password": "Right-Pass-2026!"})
    assert response.status_code in (200, 429)
    assert "登录失败次数过多" in response.content.decode()
    assert "_auth_user_id" not in client.session

    # Another account is not locked by someone guessing this one.
    other = factories.user(username="zhaoliu", password="Other-Pass-2026!")
    EmailAddress.objects.create(user=other, email=other.email, verified=True, primary=True)
    assert (
        client.post("/accounts/login/", {"login": "zhaoliu", "password": "Other-Pass-2026!"}).status_code
        == 302
    )


@pytest.mark.django_db
def test_the_demo_trainee_can_sign_in_with_a_complete_profile(client):
    from django.core.management import call_command

    from courses.accounts.demo import demo_accounts_prepare

    factories.user(username="trainee", email="trainee@example.org", password="Trainee-2026!")
    call_command("load_demo_accounts")
    assert demo_accounts_prepare() == ["trainee"]  # idempotent
    response = client.post("/accounts/login/", {"login": "trainee", "password": "Trainee-2026!"})
    assert response.status_code == 302 and response.url == "/dashboard/"  # 我的学习
    assert TraineeProfile.objects.get(user__username="trainee").is_complete


@pytest.mark.django_db
def test_sign_out_asks_first_and_signs_out_on_post(client):
    user = factories.user()
    client.force_login(user)
    page = client.get("/accounts/logout/")
    assert page.status_code == 200 and "_auth_user_id" in client.session
    assert client.post("/accounts/logout/").status_code == 302
    assert "_auth_user_id" not in client.session
    nav = client.get("/accounts/login/").content.decode()
    assert 'href="/accounts/signup/"' in nav and "/accounts/profile/" not in nav
