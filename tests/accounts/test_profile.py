"""The profile page: completing it, identity number errors as form errors, masking, no number in logs."""

import logging

import pytest

from courses.accounts.models import AuditAction, AuditLog, TraineeProfile
from tests.factories import courses as factories

from .conftest import resident_id, trainee_with_profile


def _profile_post(client, **fields):
    data = {
        "real_name": "张三",
        "organisation": "某研究院",
        "phone": "13800138000",
        "identity_document_type": "resident_id",
        "identity_number": "",
        **fields,
    }
    return client.post("/accounts/profile/edit/", data)


@pytest.mark.django_db
def test_a_new_trainee_completes_the_profile(client):
    user = factories.user()
    client.force_login(user)
    number = resident_id()
    response = _profile_post(client, identity_number=number.lower())
    assert response.status_code == 302
    profile = TraineeProfile.objects.get(user=user)
    assert (profile.real_name, profile.identity_number, profile.is_complete) == ("张三", number, True)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("11010519491231002", "应为 18 位"),
        ("110105194912310021", "校验码"),
        ("110105194913310021", "出生日期"),
        ("11010519491231002A", "17 位数字"),
    ],
)
def test_a_bad_identity_number_is_a_form_error_in_chinese_and_changes_nothing(
    client, trainee, number, message
):
    user, original = trainee
    client.force_login(user)
    response = _profile_post(client, real_name="改名", identity_number=number)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert 'class="field-error"' in page
    profile = TraineeProfile.objects.get(user=user)
    assert (profile.real_name, profile.identity_number) == (f"学员{user.pk}", original)


@pytest.mark.django_db
def test_other_documents_need_a_plausible_number(client):
    client.force_login(factories.user())
    response = _profile_post(client, identity_document_type="passport", identity_number="E1")
    assert response.status_code == 200
    assert "5 至 30" in response.content.decode()
    assert (
        _profile_post(client, identity_document_type="passport", identity_number="E12345678").status_code
        == 302
    )


@pytest.mark.django_db
def test_leaving_the_number_empty_keeps_it_and_the_form_never_echoes_it(client, trainee):
    user, number = trainee
    client.force_login(user)
    page = client.get("/accounts/profile/edit/").content.decode()
    assert number not in page
    assert f"{number[:4]}********{number[-4:]}" in page
    assert _profile_post(client, organisation="新单位").status_code == 302
    profile = TraineeProfile.objects.get(user=user)
    assert (profile.organisation, profile.identity_number) == ("新单位", number)


@pytest.mark.django_db
def test_the_trainee_sees_their_own_number_masked(client, trainee):
    user, number = trainee
    client.force_login(user)
    page = client.get("/accounts/profile/").content.decode()
    assert number not in page
    assert f"{number[:4]}********{number[-4:]}" in page


@pytest.mark.django_db
def test_a_registrar_sees_the_full_number_on_request_and_the_view_is_audited(client, trainee, registrar):
    user, number = trainee
    client.force_login(registrar)
    url = f"/accounts/records/trainees/{user.pk}/"
    page = client.get(url).content.decode()
    assert number not in page and f"{number[:4]}********{number[-4:]}" in page
    assert not AuditLog.objects.exists()

    response = client.post(url)
    assert response.status_code == 200
    assert number in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    entry = AuditLog.objects.get(action=AuditAction.IDENTITY_NUMBER_VIEWED)
    assert (entry.actor, entry.subject) == (registrar, user)


@pytest.mark.django_db
def test_instructors_and_other_trainees_cannot_open_a_trainee_page(client, trainee):
    user, number = trainee
    for viewer in (factories.instructor(is_staff=True), trainee_with_profile()[0]):
        client.force_login(viewer)
        for url in (
            f"/accounts/records/trainees/{user.pk}/",
            f"/accounts/records/trainees/{user.pk}/record.xlsx",
            "/accounts/records/",
        ):
            response = client.get(url)
            assert response.status_code == 403, url
            assert number not in response.content.decode()
        response = client.post(f"/accounts/records/trainees/{user.pk}/")
        assert response.status_code == 403
        assert number not in response.content.decode()
    assert not AuditLog.objects.exists()


@pytest.mark.django_db
def test_the_number_never_reaches_the_logs(client, trainee, registrar, caplog, settings):
    user, _ = trainee
    new_number = resident_id(region="440305")
    # The loudest logging there is: every SQL statement with its parameters, every request warning.
    settings.DEBUG = True
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django.db.backends")
    client.force_login(user)
    _profile_post(client, identity_number=new_number)
    _profile_post(
        client, identity_number=new_number[:-1] + ("0" if new_number[-1] != "0" else "1")
    )  # invalid
    client.get("/accounts/profile/")
    client.get("/accounts/record.json")
    client.get(f"/accounts/records/trainees/{user.pk}/")  # refused, and logged as such
    client.force_login(registrar)
    client.post(f"/accounts/records/trainees/{user.pk}/")
    client.get(f"/accounts/records/trainees/{user.pk}/record.xlsx")
    assert TraineeProfile.objects.get(user=user).identity_number == new_number
    # The profile's SQL and the refused request were logged, and no identity number with them.
    assert "accounts_traineeprofile" in caplog.text
    assert "Forbidden" in caplog.text
    assert new_number not in caplog.text
    assert new_number[6:14] + new_number[14:] not in caplog.text


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in(client):
    for url in (
        "/accounts/profile/",
        "/accounts/profile/edit/",
        "/accounts/record.json",
        "/accounts/records/",
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith("/accounts/login/")


@pytest.mark.django_db
def test_error_reports_never_show_the_number(client, monkeypatch, caplog):
    from django.views.debug import ExceptionReporter

    def broken_save(self, *args, **kwargs):
        raise RuntimeError("the database went away")

    user = factories.user()
    number = resident_id(region="320102")
    client.force_login(user)
    client.raise_request_exception = False
    monkeypatch.setattr(TraineeProfile, "save", broken_save)
    assert _profile_post(client, identity_number=number).status_code == 500

    # Rebuild the report Django e-mails to ADMINS (AdminEmailHandler) from the logged error:
    # the POST data and every frame's variables, from the handler down to the failing save.
    (record,) = [record for record in caplog.records if record.name == "django.request"]
    report = ExceptionReporter(record.request, *record.exc_info, is_email=True).get_traceback_html()
    assert "the database went away" in report
    assert "trainee_profile_save" in report and "real_name" in report
    assert number not in report
