"""Staff are not trainees (issue 14, point 8): instructors and registrars reach the site's staff pages
without the trainee's privacy-consent page, and those pages carry a staff navigation back to the admin."""

import pytest
from django.urls import reverse

from courses.accounts.consent import SESSION_KEY
from tests.factories import courses as factories
from tests.mfa import session_pass_mfa_as_signed_in

pytestmark = pytest.mark.django_db

STAFF_PAGES = ["courses:staff_cohorts", "courses:checkin_sessions", "exams:staff_grading_queue"]


def _signed_in_without_consent(client, user, settings):
    """Signed in through the site (the session remembers that no consent is current), as the
    middleware sees a fresh sign-in of someone who never accepted the notice."""
    settings.PRIVACY_NOTICE_VERSION = "2026-07"
    client.force_login(user)
    session = client.session
    session[SESSION_KEY] = ""
    session_pass_mfa_as_signed_in(session, user)
    session.save()


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_an_instructor_reaches_staff_pages_without_the_consent_page(client, settings, name):
    _signed_in_without_consent(client, factories.instructor(), settings)

    response = client.get(reverse(name))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-label="工作人员"' in html
    assert '<a href="/admin/" class="nav-admin">‹ 返回管理后台</a>' in html


def test_a_registrar_reaches_trainee_records_without_the_consent_page(client, settings):
    _signed_in_without_consent(client, factories.registrar(), settings)

    response = client.get("/en" + reverse("accounts:records_index"))

    assert response.status_code == 200
    assert "Trainee records" in response.content.decode()


def test_trainee_pages_still_ask_staff_for_consent_and_show_the_trainee_navigation(client, settings):
    _signed_in_without_consent(client, factories.instructor(), settings)

    assert client.get(reverse("courses:dashboard")).url.startswith(reverse("accounts:consent"))


def test_a_trainee_on_a_staff_address_is_refused_not_shown_a_staff_navigation(client):
    client.force_login(factories.user())

    response = client.get(reverse("courses:staff_cohorts"))

    assert response.status_code == 403
    assert "返回管理后台" not in response.content.decode()
