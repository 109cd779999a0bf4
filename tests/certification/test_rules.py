"""Rules and certificates in the Wagtail admin: registrars manage them, nobody else."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from certification.models import Certificate, CertificateRule, CertificateStatus
from tests.factories import certification as factories
from tests.factories import courses as course_factories

pytestmark = pytest.mark.django_db


def test_a_bad_serial_pattern_is_a_validation_error(program):
    rule = CertificateRule(program=program, serial_pattern="{base}-{year}")

    with pytest.raises(ValidationError) as error:
        rule.full_clean()

    assert "serial_pattern" in error.value.message_dict


def test_registrars_may_edit_rules_in_the_admin(client, rule, registrar):
    client.force_login(registrar)

    listing = client.get(reverse("wagtailsnippets_certification_certificaterule:list"))
    edit = client.get(reverse("wagtailsnippets_certification_certificaterule:edit", args=[rule.pk]))

    assert listing.status_code == 200
    assert edit.status_code == 200
    assert "min_hours" in edit.content.decode()


def test_instructors_may_not_edit_rules(client, rule):
    client.force_login(course_factories.instructor())

    response = client.get(reverse("wagtailsnippets_certification_certificaterule:edit", args=[rule.pk]))

    assert response.status_code in (302, 403)


def test_a_registrar_revokes_from_the_admin_with_a_reason(client, certificate, registrar):
    client.force_login(registrar)
    url = reverse("certificate_manage_detail", args=[certificate.pk])

    without_reason = client.post(url, {"action": "revoke", "reason": ""}, follow=True)
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.ISSUED
    assert "请填写原因" in without_reason.content.decode()

    asked = client.post(url, {"action": "revoke", "reason": "证书信息造假"}, HTTP_ACCEPT_LANGUAGE="zh-hans")
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.ISSUED  # asked first: nothing changed yet
    page = asked.content.decode()
    assert 'name="confirmed"' in page and "已撤销" in page and certificate.serial in page

    done = client.post(url, {"action": "revoke", "reason": "证书信息造假", "confirmed": "1"}, follow=True)
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert certificate.events.last().actor == registrar
    receipt = [str(m) for m in done.context["messages"]]
    assert any(certificate.serial in m for m in receipt), receipt


def test_a_registrar_reissues_from_the_admin(client, certificate, registrar):
    client.force_login(registrar)

    response = client.post(
        reverse("certificate_manage_detail", args=[certificate.pk]),
        {"action": "reissue", "reason": "模板更新", "confirmed": "1"},
    )

    new = Certificate.objects.get(supersedes=certificate)
    assert response.status_code == 302
    assert response["Location"] == reverse("certificate_manage_detail", args=[new.pk])
    page = client.get(response["Location"]).content.decode()
    assert certificate.serial in page and new.serial in page


def test_trainees_cannot_reach_certificate_management(client, certificate):
    client.force_login(certificate.user)

    assert client.get(reverse("certificate_manage_list")).status_code in (302, 403)
    client.post(
        reverse("certificate_manage_detail", args=[certificate.pk]),
        {"action": "revoke", "reason": "x", "confirmed": "1"},
    )
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.ISSUED


def test_issuing_from_the_admin_explains_why_not_and_never_crashes(
    client, trainee, program, rule, registrar, no_rendering
):
    client.force_login(registrar)
    url = reverse("certificate_manage_issue")

    unknown = client.post(url, {"username": "nobody", "program": program.pk})
    not_eligible = client.post(url, {"username": trainee.username, "program": program.pk})
    no_reason = client.post(url, {"username": trainee.username, "program": program.pk, "skip_rule": "on"})

    assert (
        unknown.status_code == 200
        and "No user has this username" in unknown.content.decode()
        or ("没有" in unknown.content.decode())
    )
    assert not_eligible.status_code == 200 and "已完成 0/3 门课程" in not_eligible.content.decode()
    assert no_reason.status_code == 200
    assert not Certificate.objects.exists()

    exception = {"username": trainee.username, "program": program.pk, "skip_rule": "on", "reason": "学分互认"}
    issued = client.post(url, {**exception, "confirmed": "1"})
    again = client.post(url, {**exception, "confirmed": "1"})

    assert issued.status_code == 302 and again.status_code == 302
    assert Certificate.objects.get().events.get().reason == "学分互认"


def test_the_list_finds_certificates_by_serial(client, certificate, registrar):
    other = factories.certificate(user=factories.trainee(real_name="李四"), program=certificate.program)
    client.force_login(registrar)

    html = client.get(reverse("certificate_manage_list"), {"q": certificate.serial}).content.decode()

    assert certificate.serial in html
    assert other.serial not in html


def test_an_exception_to_the_rule_is_confirmed_first_then_receipted(
    client, trainee, program, rule, registrar, no_rendering
):
    """Review of issue 14 (finding 7): issuing with skip_rule shows who, which program, where the
    trainee stands and the reason, changing nothing; the confirmation issues and says what was done."""
    client.force_login(registrar)
    url = reverse("certificate_manage_issue")
    exception = {"username": trainee.username, "program": program.pk, "skip_rule": "on", "reason": "学分互认"}

    asked = client.post(url, exception)
    html = asked.content.decode()
    assert asked.status_code == 200 and 'id="issue-exception-confirm"' in html
    assert trainee.username in html and program.title in html and "学分互认" in html
    assert "已完成 0/3 门课程" in html  # what the rule says the trainee lacks
    assert not Certificate.objects.exists()

    done = client.post(url, {**exception, "confirmed": "1"}, follow=True)
    certificate = Certificate.objects.get()
    receipt = done.content.decode()
    assert certificate.serial in receipt and "学分互认" in receipt
    assert certificate.events.get().reason == "学分互认"
