"""Error pages speak the user's language: no access (403), too many attempts (429), bad request (400)."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import courses as course_factories

pytestmark = pytest.mark.django_db


def test_no_access_is_explained_in_chinese_and_english(client):
    client.force_login(course_factories.user())  # a trainee: the check-in screens are for staff
    response = client.get(reverse("courses:checkin_sessions"))
    assert response.status_code == 403
    assert "您没有查看此页面的权限。" in response.content.decode()
    with translation.override("en"):
        english = client.get(reverse("courses:checkin_sessions"))
    assert english.status_code == 403
    assert "You do not have permission to see this page." in english.content.decode()


def test_too_many_sign_ins_get_a_page_in_chinese(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login": "1/m/ip"}
    credentials = {"login": "nobody", "password": "wrong-password"}
    assert client.post(reverse("account_login"), credentials).status_code == 200  # the form, with its error
    response = client.post(reverse("account_login"), credentials)
    assert response.status_code == 429
    assert "短时间内来自此处的请求过多，请稍等一分钟后再试。" in response.content.decode()


def test_a_bad_request_gets_a_page_in_both_languages(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get("/", HTTP_HOST="not-our-site.example")
    assert response.status_code == 400
    page = response.content.decode()
    assert "请求无效" in page and "Bad request" in page
