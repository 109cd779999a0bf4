"""Registrars' way in: the Wagtail admin menu and the records page with the audit trail."""

import pytest
from django.contrib.auth.models import Permission

from tests.factories import courses as factories

from .conftest import trainee_with_profile


def _admin_user(factory):
    user = factory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.mark.django_db
def test_the_admin_menu_links_registrars_to_trainee_records(client):
    client.force_login(_admin_user(factories.registrar))
    assert "/accounts/records/" in client.get("/admin/").content.decode()
    client.force_login(_admin_user(factories.instructor))
    assert "/accounts/records/" not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_the_records_page_finds_trainees_and_shows_who_saw_what(client):
    registrar = factories.registrar()
    trainee, number = trainee_with_profile(username="chen")
    other, _ = trainee_with_profile(username="li")
    client.force_login(registrar)
    client.post(f"/accounts/records/trainees/{trainee.pk}/")

    page = client.get("/accounts/records/?q=chen").content.decode()
    assert f"/accounts/records/trainees/{trainee.pk}/" in page
    assert f"/accounts/records/trainees/{other.pk}/" not in page
    assert "查看完整证件号码" in page  # the audit entry of the view above
    assert number not in page
