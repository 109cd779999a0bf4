"""The certificate beat sweeps (expiry, reminders) go on past one certificate that fails."""

from datetime import timedelta

import pytest
from django.utils import timezone

from certification import services
from certification.models import Certificate, CertificateReminder, CertificateStatus
from certification.services import lifecycle
from core.guards import SYSTEM
from tests.factories import certification as factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_certificates(program, rule, training_base, no_rendering):
    return [
        factories.certificate(user=factories.trainee(real_name=name, username=username), program=program)
        for name, username in [("张三", "zhangsan3"), ("李四", "lisi4")]
    ]


def test_one_certificate_that_cannot_expire_stops_no_other(two_certificates, monkeypatch, caplog):
    broken, other = two_certificates
    Certificate.objects.filter(pk__in=[broken.pk, other.pk]).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    real_expire = lifecycle.certificate_expire

    def expire(*, certificate, **kwargs):
        if certificate.pk == broken.pk:
            raise RuntimeError("row locked too long")
        return real_expire(certificate=certificate, **kwargs)

    monkeypatch.setattr(lifecycle, "certificate_expire", expire)
    assert services.certificate_expire_due(actor=SYSTEM) == 1
    assert Certificate.objects.get(pk=other.pk).status == CertificateStatus.EXPIRED
    assert Certificate.objects.get(pk=broken.pk).status == CertificateStatus.ISSUED
    assert f"could not expire certificate {broken.pk}" in caplog.text


def test_one_reminder_that_fails_stops_no_other_and_is_tried_again(two_certificates, monkeypatch):
    broken, other = two_certificates
    Certificate.objects.filter(pk__in=[broken.pk, other.pk]).update(
        expires_at=timezone.now() + timedelta(days=5)
    )
    real_notify = lifecycle.certificate_notify

    def notify(*, certificate, **kwargs):
        if certificate.pk == broken.pk:
            raise RuntimeError("template error")
        return real_notify(certificate=certificate, **kwargs)

    monkeypatch.setattr(lifecycle, "certificate_notify", notify)
    assert services.certificate_send_expiry_reminders(actor=SYSTEM) == 1
    assert list(CertificateReminder.objects.values_list("certificate", flat=True)) == [other.pk]
    monkeypatch.setattr(lifecycle, "certificate_notify", real_notify)
    assert services.certificate_send_expiry_reminders(actor=SYSTEM) == 1  # the failed one, next run
