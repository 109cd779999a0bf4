"""The admin menu of certification: registrars see the certificate pages and reports, in order; others don't."""

import json
import re

import pytest
from django.contrib.auth.models import Permission

from tests.factories import courses as factories

pytestmark = pytest.mark.django_db

# (name, url, icon) of the links certification adds, in the order the menu shows them.
MAIN_MENU = [
    ("certificates", "/admin/certificates/", "doc-full"),
    ("certificate-batches", "/admin/certificate-batches/", "list-ul"),
]
REPORTS_MENU = [
    ("cohort-report", "/admin/reports/cohorts/", "table"),
    ("exam-report", "/admin/reports/exams/", "table"),
    ("certificate-registry", "/admin/reports/certificates/", "table"),
    ("annual-report", "/admin/reports/annual/", "table"),
]


def _admin_user(factory):
    user = factory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def _links(items: list) -> list[tuple[str, str, str]]:
    """Every link of the sidebar's menu items, submenus flattened in place."""
    links = []
    for item in items:
        args = item["_args"]
        if item["_type"] == "wagtail.sidebar.SubMenuItem":
            links.extend(_links(args[1]))
        elif "url" in args[0]:
            links.append((args[0]["name"], args[0]["url"], args[0]["icon_name"]))
    return links


def _menu(client) -> list[tuple[str, str, str]]:
    page = client.get("/admin/").content.decode()
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', page, re.S
    )
    assert props, "the admin page has no sidebar"
    module = next(
        m for m in json.loads(props.group(1))["modules"] if m["_type"] == "wagtail.sidebar.MainMenuModule"
    )
    return _links(module["_args"][0])


def _in_order(expected, links) -> bool:
    positions = [links.index(link) for link in expected]
    return positions == sorted(positions)


def test_registrars_see_the_certificate_pages_and_reports_in_order(client):
    client.force_login(_admin_user(factories.registrar))
    links = _menu(client)
    for link in MAIN_MENU + REPORTS_MENU:
        assert link in links
    assert _in_order(MAIN_MENU, links) and _in_order(REPORTS_MENU, links)


def test_instructors_see_neither_the_certificate_pages_nor_the_registrar_reports(client):
    client.force_login(_admin_user(factories.instructor))
    links = _menu(client)
    for link in MAIN_MENU + REPORTS_MENU:
        if link[0] != "exam-report":  # instructors see the exam report of the courses they grade
            assert link not in links
