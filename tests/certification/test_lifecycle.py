from datetime import timedelta

import pytest
from django.utils import timezone

from certification import selectors, services
from certification.models import Certificate, CertificateReminder, CertificateStatus
from core.guards import SYSTEM
from courses.notifications.kinds import NotificationKind
from courses.notifications.models import EmailStatus, Notification
from tests.factories import certification as factories
from tests.factories import cms as cms_factories

pytestmark = pytest.mark.django_db


def _actions(certificate):
    return list(certificate.events.values_list("action", "from_status", "to_status", "reason"))


def test_revoking_needs_a_reason_and_is_audited(certificate, registrar):
    with pytest.raises(services.CertificationError):
        services.certificate_revoke(certificate=certificate, actor=registrar, reason="  ")
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.ISSUED

    services.certificate_revoke(certificate=certificate, actor=registrar, reason="Forged exam result")

    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert certificate.status_reason == "Forged exam result"
    event = certificate.events.last()
    assert (event.action, event.from_status, event.to_status, event.actor) == (
        "revoked",
        "issued",
        "revoked",
        registrar,
    )


def test_revoking_twice_changes_nothing_more(certificate, registrar):
    services.certificate_revoke(certificate=certificate, actor=registrar, reason="Forged")
    services.certificate_revoke(certificate=certificate, actor=registrar, reason="Forged")

    assert certificate.events.filter(action="revoked").count() == 1


def test_suspend_and_reinstate(certificate, registrar):
    services.certificate_suspend(certificate=certificate, actor=registrar, reason="Under review")
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.SUSPENDED

    services.certificate_reinstate(certificate=certificate, actor=registrar)
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.ISSUED
    assert [a[0] for a in _actions(certificate)] == ["issued", "suspended", "reinstated"]


def test_a_revoked_certificate_cannot_be_suspended_or_reissued(certificate, registrar):
    services.certificate_revoke(certificate=certificate, actor=registrar, reason="Forged")

    with pytest.raises(services.CertificationError):
        services.certificate_suspend(certificate=certificate, actor=registrar, reason="x")
    with pytest.raises(services.CertificationError):
        services.certificate_reissue(certificate=certificate, actor=registrar, reason="x")


def test_expiry_is_applied_by_the_sweep_once(certificate):
    certificate.expires_at = timezone.now() - timedelta(minutes=1)
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=certificate.expires_at)

    assert services.certificate_expire_due(actor=SYSTEM) == 1
    assert services.certificate_expire_due(actor=SYSTEM) == 0
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.EXPIRED
    assert certificate.events.last().action == "expired"


def test_reissue_after_a_name_change_supersedes_and_keeps_the_old_data_frozen(
    certificate, eligible, registrar
):
    old_snapshot = dict(certificate.snapshot)
    old_credential = dict(certificate.credential)
    profile = eligible.trainee_profile
    profile.real_name = "张三峰"
    profile.save()

    new = services.certificate_reissue(certificate=certificate, actor=registrar, reason="Name corrected")

    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.SUPERSEDED
    assert certificate.snapshot == old_snapshot
    assert certificate.credential == old_credential
    assert new.serial != certificate.serial
    assert new.supersedes == certificate
    assert new.snapshot["holder_name"] == "张三峰"
    assert new.expires_at == certificate.expires_at
    assert selectors.certificate_history(certificate=new) == [certificate, new]
    assert selectors.certificate_history(certificate=certificate) == [certificate, new]
    assert certificate.events.last().action == "superseded"
    assert new.events.get().action == "reissued"


def test_the_snapshot_does_not_follow_later_changes(certificate, eligible):
    profile = eligible.trainee_profile
    profile.real_name = "王五"
    profile.save()
    factories.hours(
        user=eligible, course=certificate.program.get_children().first() or _any_course(), amount=5
    )

    certificate.refresh_from_db()
    assert certificate.snapshot["holder_name"] == "张三丰"
    assert certificate.snapshot["hours"] == "48"


def _any_course():
    from cms.models import CoursePage

    return CoursePage.objects.first()


def test_renewal_needs_the_window_and_the_continuing_education_hours(
    certificate, courses, rule, registrar, catalogue
):
    rule.renewal_hours = 10
    rule.renewal_window_months = 6
    rule.save()
    early = selectors.renewal_status(certificate=certificate)
    assert not early.window_open
    with pytest.raises(services.CertificationError):
        services.certificate_renew(certificate=certificate, actor=certificate.user)

    near_expiry = certificate.expires_at - timedelta(days=30)
    status = selectors.renewal_status(certificate=certificate, now=near_expiry)
    assert status.window_open and not status.hours_met
    with pytest.raises(services.CertificationError):
        services.certificate_renew(certificate=certificate, actor=certificate.user, now=near_expiry)

    # Hours credited since issue count (standing): 10 more in a course already at its 16 hours
    # credit nothing (review of issue 14, finding 8); 10 in a continuing-education course do.
    factories.hours(user=certificate.user, course=courses[0], amount=10)
    assert not selectors.renewal_status(certificate=certificate, now=near_expiry).hours_met
    further = cms_factories.course_page(catalogue, learning_hours=12, level=courses[0].level)
    factories.hours(user=certificate.user, course=further, amount=10)
    new = services.certificate_renew(certificate=certificate, actor=certificate.user, now=near_expiry)

    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.SUPERSEDED
    assert new.supersedes == certificate
    assert new.expires_at.year == certificate.expires_at.year + 3
    assert new.events.get().action == "renewed"


def _reminders(certificate):
    return Notification.objects.filter(
        recipient=certificate.user, kind=NotificationKind.CERTIFICATE_EXPIRING
    ).order_by("pk")


def test_reminders_are_sent_once_per_threshold(certificate):
    now = timezone.now()
    in_80_days = now + timedelta(days=80)
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=in_80_days)

    assert services.certificate_send_expiry_reminders(actor=SYSTEM, now=now) == 1
    assert services.certificate_send_expiry_reminders(actor=SYSTEM, now=now) == 0
    # Sent as a notification; its email goes out from the notification's task (tests/notifications).
    (reminder,) = _reminders(certificate)
    assert certificate.serial in reminder.render("zh-hans").title
    assert reminder.email_status == EmailStatus.QUEUED

    later = in_80_days - timedelta(days=29)
    assert services.certificate_send_expiry_reminders(actor=SYSTEM, now=later) == 1
    assert services.certificate_send_expiry_reminders(actor=SYSTEM, now=later) == 0
    latest = in_80_days - timedelta(days=6)
    assert services.certificate_send_expiry_reminders(actor=SYSTEM, now=latest) == 1
    assert services.certificate_send_expiry_reminders(actor=SYSTEM, now=latest) == 0

    assert [reminder.params["days"] for reminder in _reminders(certificate)] == [90, 30, 7]
    assert sorted(CertificateReminder.objects.values_list("days_before", flat=True)) == [7, 30, 90]


def test_a_certificate_first_seen_inside_the_last_week_gets_only_that_reminder(certificate):
    now = timezone.now()
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=now + timedelta(days=5))

    assert services.certificate_send_expiry_reminders(actor=SYSTEM, now=now) == 1
    assert list(CertificateReminder.objects.values_list("days_before", flat=True)) == [7]


def test_revoked_certificates_get_no_reminder(certificate, registrar):
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=timezone.now() + timedelta(days=20))
    services.certificate_revoke(certificate=certificate, actor=registrar, reason="Forged")

    assert services.certificate_send_expiry_reminders(actor=SYSTEM) == 0
    assert not _reminders(certificate).exists()
