"""Registrars and superusers, who can read identity numbers, need a second factor (TOTP) in the session
before the admins, trainee records and staff pages; trainees and instructors may use one."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from allauth.mfa.utils import decrypt

from courses.accounts.services import privacy_consent_record
from tests.accounts.conftest import trainee_with_profile
from tests.factories import courses as factories
from tests.mfa import DEMO_SECRET, totp_authenticator, totp_code

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
STAFF_PAGES = [
    "/admin/",
    "/accounts/records/",
    "/en/accounts/records/",
    "/staff/cohorts/",
    "/django-admin/",
    "/certificates/",
]


@pytest.fixture(autouse=True)
def _one_step_of_clock_tolerance(settings):
    # A code computed just before a 30-second step ends is still accepted just after it.
    settings.MFA_TOTP_TOLERANCE = 1


def verified(user):
    """A verified address (allauth sets up TOTP for those only) and consent to the privacy notice."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    privacy_consent_record(user=user)
    return user


@pytest.fixture
def registrar():
    return verified(factories.registrar(email="registrar@example.org"))


@pytest.fixture
def superuser():
    return verified(
        factories.user(username="boss", email="boss@example.org", is_superuser=True, is_staff=True)
    )


def sign_in_with_password(client, user):
    response = client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return response


@pytest.mark.parametrize("role", ["registrar", "superuser"])
def test_signed_in_with_a_password_only_they_are_sent_to_set_up_totp_before_any_staff_page(
    client, request, role
):
    user = request.getfixturevalue(role)
    sign_in_with_password(client, user)
    assert "_auth_user_id" in client.session
    for path in STAFF_PAGES:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].endswith("/accounts/2fa/totp/activate/"), path
    # Their own account pages stay open, so they can set it up.
    assert client.get("/accounts/profile/").status_code == 200


def test_setting_up_totp_passes_it_and_opens_the_admin_and_the_records(
    client, registrar, django_capture_on_commit_callbacks
):
    sign_in_with_password(client, registrar)
    response = client.get("/accounts/records/", follow=True)
    # allauth asks for the password again before an authenticator is added, then shows the QR code.
    assert (
        response.redirect_chain[-1][0]
        == "/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"
    )
    response = client.post(response.redirect_chain[-1][0], {"password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/2fa/totp/activate/"
    assert response.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=registrar, type=Authenticator.Type.TOTP).exists()
    assert client.get("/admin/").status_code == 200
    assert client.get("/accounts/records/").status_code == 200


def test_with_totp_the_site_login_asks_for_the_code_and_then_lets_them_in(client, superuser):
    totp_authenticator(superuser, DEMO_SECRET)
    response = sign_in_with_password(client, superuser)
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session  # not signed in until the code is given
    assert client.get("/admin/")["Location"].startswith("/accounts/login/")
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(DEMO_SECRET)})
    assert response.status_code == 302 and "_auth_user_id" in client.session
    assert client.get("/admin/").status_code == 200
    assert client.get("/accounts/records/").status_code == 200


def test_a_session_that_has_not_passed_their_totp_is_asked_for_a_code_first(client, registrar):
    totp_authenticator(registrar, DEMO_SECRET)
    client.force_login(registrar, mfa=False)
    response = client.get("/accounts/records/?q=abc")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/reauthenticate/?next=%2Faccounts%2Frecords%2F%3Fq%3Dabc"
    response = client.post(response["Location"], {"code": totp_code(DEMO_SECRET)})
    assert response.status_code == 302 and response["Location"] == "/accounts/records/?q=abc"
    assert client.get("/accounts/records/?q=abc").status_code == 200


def test_the_api_answers_a_session_without_the_second_factor_with_an_error_not_a_page(client, registrar):
    client.force_login(registrar, mfa=False)
    response = client.get("/api/v1/cohorts/")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "mfa_required"


def test_the_reason_and_allauths_pages_are_in_the_users_language(client, registrar):
    sign_in_with_password(client, registrar)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    chinese = client.get("/accounts/records/", follow=True).content.decode()
    assert "培训基地管理员和系统管理员可以查看身份证件号码" in chinese
    assert "激活身份验证器应用" in chinese  # allauth's own Chinese for its page
    english = client.get("/en/accounts/records/", follow=True).content.decode()
    assert "Registrars and administrators can read identity numbers" in english
    assert "Activate Authenticator App" in english


def test_trainees_and_instructors_need_no_second_factor(client):
    learner, _number = trainee_with_profile(username="learner")
    client.force_login(learner, mfa=False)
    assert client.get("/accounts/profile/").status_code == 200
    assert client.get("/en/accounts/profile/").status_code == 200
    teacher = verified(factories.instructor(email="teacher@example.org"))
    client.force_login(teacher, mfa=False)
    assert client.get("/staff/cohorts/").status_code == 200


def test_the_demo_registrar_and_admin_get_the_printed_demo_secret(capsys):
    from django.core.management import call_command

    from courses.accounts.demo import DEMO_TOTP_SECRET

    factories.registrar(username="registrar", email="registrar@example.org")
    factories.user(username="admin", email="admin@example.org", is_superuser=True)
    factories.user(username="trainee", email="trainee@example.org")
    call_command("load_demo_accounts")
    call_command("load_demo_accounts")  # idempotent
    assert DEMO_TOTP_SECRET in capsys.readouterr().out
    totp = Authenticator.objects.filter(type=Authenticator.Type.TOTP)
    assert sorted(totp.values_list("user__username", flat=True)) == ["admin", "registrar"]
    for authenticator in totp:
        assert authenticator.data["secret"] != DEMO_TOTP_SECRET  # stored as allauth stores it
        assert decrypt(authenticator.data["secret"]) == DEMO_TOTP_SECRET
