"""The trainee dashboard lists the trainee's certificates with their status."""

import pytest
from django.urls import reverse

from certification import services
from core.guards import SYSTEM
from tests.factories import certification as cert_factories

pytestmark = pytest.mark.django_db


def test_the_dashboard_lists_my_certificates_and_not_anothers(client, eligible, program, registrar):
    mine = services.certificate_issue(actor=SYSTEM, user=eligible, program=program).certificate
    other = cert_factories.certificate(
        user=cert_factories.trainee(real_name="李四", username="lisi"), program=program
    )
    services.certificate_revoke(certificate=mine, actor=registrar, reason="Exam misconduct")

    client.force_login(eligible)
    page = client.get(reverse("courses:dashboard")).content.decode()
    assert mine.serial in page and 'data-certificate-status="revoked"' in page
    assert other.serial not in page
    assert reverse("certification:holder_list") in page


def test_without_certificates_the_panel_says_where_they_will_appear(client, trainee):
    client.force_login(trainee)
    assert "您的证书将显示在这里" in client.get(reverse("courses:dashboard")).content.decode()
