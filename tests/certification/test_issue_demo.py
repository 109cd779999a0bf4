import pytest
from django.core.management import call_command

from certification.models import Certificate, CertificateRule, CertificateStatus
from tests.factories import certification as factories
from tests.factories import cms as cms_factories
from tests.factories import courses as course_factories

pytestmark = pytest.mark.django_db


def test_demo_certificates_include_a_revoked_and_a_superseded_one_and_load_twice(
    program, catalogue, no_rendering, private_storage, capsys
):
    """Only trainees who meet the rule are issued: the demo trainee, still studying, holds none."""
    course = cms_factories.course_page(catalogue, learning_hours=48, level=program.level)
    course_factories.registrar(username="registrar")
    for username, name in [
        ("trainee", "林小雨"),
        ("demo-chenjing", "陈静"),
        ("demo-zhaolei", "赵磊"),
        ("demo-zhangwei", "张伟"),
    ]:
        user = factories.trainee(real_name=name, username=username)
        if username != "trainee":
            factories.complete(user=user, course=course)

    call_command("load_demo_certificates")
    call_command("load_demo_certificates")

    assert CertificateRule.objects.get(program=program).auto_issue
    statuses = sorted(Certificate.objects.values_list("user__username", "status"))
    assert statuses == [
        ("demo-chenjing", CertificateStatus.ISSUED),
        ("demo-zhangwei", CertificateStatus.REVOKED),
        ("demo-zhaolei", CertificateStatus.ISSUED),
        ("demo-zhaolei", CertificateStatus.SUPERSEDED),
    ]
    revoked = Certificate.objects.get(status=CertificateStatus.REVOKED)
    assert revoked.status_reason
    assert f"/verify/{revoked.verification_code}/" in capsys.readouterr().out
