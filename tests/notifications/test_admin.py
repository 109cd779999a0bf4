"""The admin screen of notification emails that failed or are stuck, and "send again" (registrars only)."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from core import dispatch
from core.guards import SYSTEM
from courses.notifications import services
from courses.notifications.kinds import NotificationKind
from courses.notifications.models import EmailStatus, Notification, NotificationEmailRequeue
from tests.factories import courses as course_factories

pytestmark = pytest.mark.django_db

LIST = "/admin/notification-emails/"
RESEND = "/admin/notification-emails/resend/"
SMTP_ERROR = "SMTPServerDisconnected: Connection unexpectedly closed"


def _email(
    status,
    *,
    cohort="2026 春季班",
    kind=NotificationKind.ENROLMENT_REJECTED,
    queued_ago=datetime.timedelta(hours=2),
    error="",
    recipient=None,
):
    """A notification whose email is in ``status``, queued ``queued_ago``."""
    params = {"cohort": cohort, "reason": "名额已满", "serial": cohort, "program": "初级技术经理人"}
    return Notification.objects.create(
        recipient=recipient or course_factories.user(),
        kind=kind,
        params=params,
        email_status=status,
        email_queued_at=timezone.now() - queued_ago,
        email_attempts=9 if status == EmailStatus.FAILED else 0,
        email_error=error,
    )


def _listed(response) -> set[int]:
    assert response.status_code == 200
    return {notification.pk for notification, _rendered in response.context["rows"]}


@pytest.fixture
def registrar(db):
    return course_factories.registrar()


@pytest.fixture
def staff(client, registrar):
    client.force_login(registrar)
    return client


def test_failed_and_stuck_emails_are_listed_with_their_last_error(staff):
    failed = _email(EmailStatus.FAILED, cohort="失败的班期", error=SMTP_ERROR)
    stuck = _email(EmailStatus.QUEUED, cohort="卡住的班期")
    _email(EmailStatus.QUEUED, cohort="刚排队的班期", queued_ago=datetime.timedelta(minutes=5))
    _email(EmailStatus.SENT, cohort="已发送的班期")
    _email(EmailStatus.NOT_WANTED, cohort="不发邮件的班期")

    response = staff.get(LIST)

    assert _listed(response) == {failed.pk, stuck.pk}
    html = response.content.decode()
    assert "失败的班期" in html and SMTP_ERROR in html and failed.recipient.email in html
    assert "卡住的班期" in html
    assert "刚排队的班期" not in html and "已发送的班期" not in html and "不发邮件的班期" not in html


def test_filters_by_state_and_kind(staff):
    failed = _email(EmailStatus.FAILED)
    stuck = _email(EmailStatus.QUEUED)
    certificate = _email(
        EmailStatus.FAILED, kind=NotificationKind.CERTIFICATE_ISSUED, cohort="TTA-2026-P-000123"
    )

    assert _listed(staff.get(LIST, {"state": "failed"})) == {failed.pk, certificate.pk}
    assert _listed(staff.get(LIST, {"state": "stuck"})) == {stuck.pk}
    assert _listed(staff.get(LIST, {"kind": NotificationKind.CERTIFICATE_ISSUED})) == {certificate.pk}
    assert _listed(staff.get(LIST, {"state": "failed", "kind": NotificationKind.ENROLMENT_REJECTED})) == {
        failed.pk
    }


def test_unknown_filters_and_pages_list_everything(staff):
    failed, stuck = _email(EmailStatus.FAILED), _email(EmailStatus.QUEUED)

    response = staff.get(LIST, {"state": "sent", "kind": "<script>", "p": "zwei"})

    assert _listed(response) == {failed.pk, stuck.pk}
    assert response.context["filters"] == {"state": "", "kind": ""}


def test_empty_states(staff):
    assert "没有发送失败或卡住的邮件" in staff.get(LIST).content.decode()

    _email(EmailStatus.FAILED)
    html = staff.get(LIST, {"kind": NotificationKind.CERTIFICATE_REVOKED}).content.decode()
    assert "没有符合筛选条件的邮件" in html


def test_the_list_is_paginated_and_pages_keep_the_filters(staff):
    recipient = course_factories.user()
    Notification.objects.bulk_create(
        Notification(
            recipient=recipient,
            kind=NotificationKind.ENROLMENT_REJECTED,
            params={"cohort": f"班期{number:02d}", "reason": "名额已满"},
            email_status=EmailStatus.FAILED,
        )
        for number in range(51)
    )

    first = staff.get(LIST, {"state": "failed"})
    second = staff.get(LIST, {"state": "failed", "p": "2"})

    assert len(_listed(first)) == 50 and len(_listed(second)) == 1
    assert _listed(first).isdisjoint(_listed(second))
    assert 'href="?state=failed&amp;p=2"' in first.content.decode()


def test_send_one_again(staff, registrar, delivered):
    failed = _email(EmailStatus.FAILED, error=SMTP_ERROR)
    other = _email(EmailStatus.FAILED, error=SMTP_ERROR)

    with delivered():
        response = staff.post(
            RESEND, {"single": failed.pk, "notification": [other.pk], "state": "failed", "p": "1"}
        )

    assert response.status_code == 302 and response["Location"] == f"{LIST}?state=failed&p=1"
    failed.refresh_from_db()
    other.refresh_from_db()
    assert (failed.email_status, failed.email_error) == (EmailStatus.SENT, "")
    assert other.email_status == EmailStatus.FAILED
    (message,) = mail.outbox
    assert message.to == [failed.recipient.email]
    requeue = NotificationEmailRequeue.objects.get()
    assert (requeue.notification, requeue.actor, requeue.from_status, requeue.error) == (
        failed,
        registrar,
        EmailStatus.FAILED,
        SMTP_ERROR,
    )


def test_send_the_ticked_ones_again(staff, delivered):
    ticked = [_email(EmailStatus.FAILED), _email(EmailStatus.QUEUED)]
    not_ticked = _email(EmailStatus.FAILED)
    sent = _email(EmailStatus.SENT)
    gone = _email(EmailStatus.FAILED, recipient=course_factories.user(is_active=False))

    with delivered():
        response = staff.post(
            RESEND, {"notification": [n.pk for n in [*ticked, sent, gone]] + ["abc"]}, follow=True
        )

    html = response.content.decode()
    assert "2 封邮件将重新发送" in html and "2 封邮件未重新发送" in html
    assert sorted(m.to[0] for m in mail.outbox) == sorted(n.recipient.email for n in ticked)
    assert set(NotificationEmailRequeue.objects.values_list("notification", flat=True)) == {
        n.pk for n in ticked
    }
    for notification, status in [
        (not_ticked, EmailStatus.FAILED),
        (sent, EmailStatus.SENT),
        (gone, EmailStatus.FAILED),
    ]:
        notification.refresh_from_db()
        assert notification.email_status == status


def test_the_task_is_queued_on_commit(staff, captured_dispatches, django_capture_on_commit_callbacks):
    failed = _email(EmailStatus.FAILED)

    with django_capture_on_commit_callbacks() as callbacks:
        staff.post(RESEND, {"single": failed.pk})
        assert captured_dispatches.args(services.EMAIL_TASK, sent=True) == []

    for callback in callbacks:
        callback()
    assert captured_dispatches.args(services.EMAIL_TASK, sent=True) == [failed.pk]
    failed.refresh_from_db()
    assert failed.email_status == EmailStatus.QUEUED
    assert timezone.now() - failed.email_queued_at < datetime.timedelta(minutes=1)


def test_the_list_shows_who_sent_an_email_again(staff, registrar, django_capture_on_commit_callbacks):
    failed = _email(EmailStatus.FAILED)
    with django_capture_on_commit_callbacks():  # the task is not run
        services.notification_email_resend(notification_ids=[failed.pk], actor=registrar)
    assert failed.pk not in _listed(staff.get(LIST))  # queued just now: not stuck

    Notification.objects.filter(pk=failed.pk).update(email_status=EmailStatus.FAILED)  # it failed again
    html = staff.get(LIST).content.decode()
    requeue = NotificationEmailRequeue.objects.get()
    assert f"{timezone.localtime(requeue.created_at):%Y-%m-%d %H:%M} 由 {registrar.username} 重新发送" in html


def test_a_resent_email_whose_task_was_lost_is_queued_again_by_the_sweep(
    registrar, django_capture_on_commit_callbacks
):
    failed = _email(EmailStatus.FAILED, error=SMTP_ERROR)
    with django_capture_on_commit_callbacks():  # the broker is down: the task is never run
        services.notification_email_resend(notification_ids=[failed.pk], actor=registrar)
    failed.refresh_from_db()
    assert (failed.email_status, failed.email_attempts) == (EmailStatus.QUEUED, 0)

    with dispatch.capture() as queued, django_capture_on_commit_callbacks(execute=True):
        assert services.notification_email_requeue_stale(actor=SYSTEM) == 0  # its task may still be coming
        later = timezone.now() + services.STALE_AFTER + datetime.timedelta(minutes=1)
        assert services.notification_email_requeue_stale(actor=SYSTEM, now=later) == 1
    assert queued.args(services.EMAIL_TASK) == [failed.pk]


def test_nothing_ticked(staff):
    response = staff.post(RESEND, {"notification": ["", "x"]}, follow=True)

    assert response.status_code == 200
    assert "请勾选要重新发送的邮件" in response.content.decode()
    assert not NotificationEmailRequeue.objects.exists()


def test_only_registrars_see_and_send_again(client, registrar):
    failed = _email(EmailStatus.FAILED)
    client.force_login(registrar)
    assert "/admin/notification-emails/" in client.get("/admin/").content.decode()

    instructor = course_factories.instructor()  # in the admin, for their courses
    instructor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(instructor)
    admin_home = client.get("/admin/")
    assert admin_home.status_code == 200
    assert "/admin/notification-emails/" not in admin_home.content.decode()
    # The admin answers PermissionDenied by sending the user back to the dashboard with a message.
    for response in (client.get(LIST), client.post(RESEND, {"single": failed.pk})):
        assert (response.status_code, response["Location"]) == (302, "/admin/")

    client.force_login(course_factories.user())
    assert client.get(LIST).status_code == 302
    assert client.post(RESEND, {"single": failed.pk}).status_code == 302

    failed.refresh_from_db()
    assert failed.email_status == EmailStatus.FAILED
    assert not NotificationEmailRequeue.objects.exists()


def test_the_service_refuses_anyone_but_a_registrar(registrar):
    failed = _email(EmailStatus.FAILED)

    for actor in (course_factories.instructor(), course_factories.user()):
        with pytest.raises(PermissionDenied):
            services.notification_email_resend(notification_ids=[failed.pk], actor=actor)

    failed.refresh_from_db()
    assert failed.email_status == EmailStatus.FAILED
