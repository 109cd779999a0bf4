"""Every kind of notification: the action records it and emails the recipient in their language."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from certification import services as certification
from certification.models import Certificate
from core.guards import SYSTEM
from courses import services as learning
from courses.exams import services as exams
from courses.exams.models import Attempt, SubmittedBy
from courses.models import EnrolmentMode, EnrolmentStatus, OfflineSession
from courses.notifications.kinds import NotificationKind
from courses.notifications.models import EmailStatus, Notification, NotificationPreference
from courses.notifications.services import offline_session_reminders_send
from tests.certification.conftest import (  # noqa: F401  (fixtures of certificates)
    certificate,
    courses,
    eligible,
    registrar,
    rule,
    trainee,
    training_base,
)
from tests.factories import courses as course_factories
from tests.factories import exams as exam_factories

from .conftest import trainee_speaking

pytestmark = pytest.mark.django_db

# What the subject says, in each language (the Chinese comes from the compiled catalogue).
SUBJECTS = {
    "approved": {"zh-hans": "已通过审核", "en": "was approved"},
    "rejected": {"zh-hans": "报名未获通过", "en": "was not accepted"},
    "promoted": {"zh-hans": "的名额", "en": "is yours"},
    "session": {"zh-hans": "明日线下课程", "en": "Offline session tomorrow"},
    "exam": {"zh-hans": "成绩：未通过", "en": "not passed"},
    "issued": {"zh-hans": "已颁发", "en": "has been issued"},
    "revoked": {"zh-hans": "已被撤销", "en": "has been revoked"},
    "expiring": {"zh-hans": "天后到期", "en": "expires in 30 days"},
}
GREETING = {"zh-hans": "您好", "en": "Dear "}


def _only_email_for(user, kind, language, subject_key):
    notification = Notification.objects.get(recipient=user, kind=kind)
    assert notification.email_status == EmailStatus.SENT
    assert notification.email_sent_at is not None
    (message,) = [m for m in mail.outbox if m.to == [user.email]]
    assert SUBJECTS[subject_key][language] in message.subject
    assert GREETING[language] in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and message.subject in html
    link = notification.render(language).path
    assert link and link in message.body
    assert link.startswith("/en/") == (language == "en")
    return notification, message


@pytest.fixture
def course(db):
    return course_factories.published_course()


def test_enrolment_approved(course, language, delivered):
    cohort = course_factories.cohort(
        course=course, enrolment_mode=EnrolmentMode.APPROVAL, title="2026 春季班"
    )
    applicant = trainee_speaking(language)
    pending = course_factories.enrolment(cohort=cohort, user=applicant, status=EnrolmentStatus.PENDING)

    with delivered():
        learning.enrolment_approve(enrolment=pending, actor=course_factories.registrar())

    _notification, message = _only_email_for(
        applicant, NotificationKind.ENROLMENT_APPROVED, language, "approved"
    )
    assert "2026 春季班" in message.subject
    assert cohort.starts_on.isoformat() in message.body


def test_enrolment_approved_into_a_full_cohort_says_waiting_list(course, delivered):
    cohort = course_factories.cohort(course=course, enrolment_mode=EnrolmentMode.APPROVAL, capacity=1)
    course_factories.enrolment(cohort=cohort)
    applicant = trainee_speaking("en")
    pending = course_factories.enrolment(cohort=cohort, user=applicant, status=EnrolmentStatus.PENDING)

    with delivered():
        learning.enrolment_approve(enrolment=pending, actor=course_factories.registrar())

    (message,) = mail.outbox
    assert "waiting list" in message.body


def test_enrolment_rejected_gives_the_reason(course, language, delivered):
    cohort = course_factories.cohort(course=course, enrolment_mode=EnrolmentMode.APPROVAL)
    applicant = trainee_speaking(language)
    pending = course_factories.enrolment(cohort=cohort, user=applicant, status=EnrolmentStatus.PENDING)

    with delivered():
        learning.enrolment_reject(enrolment=pending, actor=course_factories.registrar(), reason="材料不全")

    _notification, message = _only_email_for(
        applicant, NotificationKind.ENROLMENT_REJECTED, language, "rejected"
    )
    assert "材料不全" in message.body


def test_promoted_from_the_waiting_list(course, language, delivered):
    cohort = course_factories.cohort(course=course, capacity=1)
    holder = course_factories.enrolment(cohort=cohort)
    waiting = trainee_speaking(language)
    course_factories.enrolment(cohort=cohort, user=waiting, status=EnrolmentStatus.WAITLISTED)

    with delivered():
        learning.enrolment_withdraw(enrolment=holder, actor=holder.user)

    _only_email_for(waiting, NotificationKind.WAITLIST_PROMOTED, language, "promoted")
    # The trainee who withdrew did it themself: nothing to tell them.
    assert not Notification.objects.filter(recipient=holder.user).exists()


def test_offline_session_tomorrow(course, language, delivered):
    cohort = course_factories.cohort(course=course, location="北京市海淀区中关村")
    attendee = trainee_speaking(language)
    course_factories.enrolment(cohort=cohort, user=attendee)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    starts_at = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(9, 30)))
    OfflineSession.objects.create(
        cohort=cohort,
        course=course,
        title="技术合同实务研讨",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=3),
        hours=3,
    )

    with delivered():
        assert offline_session_reminders_send(actor=SYSTEM) == 1

    _notification, message = _only_email_for(attendee, NotificationKind.SESSION_TOMORROW, language, "session")
    assert "技术合同实务研讨" in message.subject
    assert "北京市海淀区中关村" in message.body
    assert "9:30" in message.body


def test_exam_result_released_at_the_deadline(language, delivered):
    setup = exam_factories.exam_setup()
    NotificationPreference.objects.create(user=setup.trainee, language=language)
    attempt = exams.attempt_start(paper=setup.paper, user=setup.trainee)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=1))

    with delivered():  # the trainee left; the deadline submits for them: nothing answered, 0 %
        exams.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk, by=SubmittedBy.DEADLINE)

    notification, message = _only_email_for(
        setup.trainee, NotificationKind.EXAM_RESULT_RELEASED, language, "exam"
    )
    assert setup.paper.title in message.subject
    assert f"/exams/attempts/{attempt.pk}/result/" in message.body
    assert "60%" in message.body  # the pass mark


def test_a_result_shown_on_submit_is_not_announced_to_the_trainee_who_submitted(delivered):
    setup = exam_factories.exam_setup()  # objective questions only: scored at once
    attempt = exams.attempt_start(paper=setup.paper, user=setup.trainee)

    with delivered():
        submitted = exams.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk)

    assert submitted.released_at is not None and submitted.passed is False
    assert not Notification.objects.filter(recipient=setup.trainee).exists()
    assert mail.outbox == []


def test_exam_result_waiting_for_a_grader_is_not_announced_until_graded(delivered):
    from courses.questions.models import QuestionType

    setup = exam_factories.exam_setup(types=[QuestionType.ESSAY])
    attempt = exams.attempt_start(paper=setup.paper, user=setup.trainee)
    with delivered():
        exams.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk)
    assert not Notification.objects.filter(recipient=setup.trainee).exists()

    item = attempt.items.get()
    with delivered():
        exams.item_grade(item_id=item.pk, score=item.points, grader=course_factories.registrar())

    notification = Notification.objects.get(recipient=setup.trainee)
    assert notification.params["variant"] == "passed"
    assert len(mail.outbox) == 1


def test_certificate_issued(eligible, program, training_base, no_rendering, language, delivered):  # noqa: F811
    NotificationPreference.objects.create(user=eligible, language=language)

    with delivered():
        issued = certification.certificate_issue(actor=SYSTEM, user=eligible, program=program).certificate

    _notification, message = _only_email_for(
        eligible, NotificationKind.CERTIFICATE_ISSUED, language, "issued"
    )
    assert issued.serial in message.subject
    expected_program = program.title  # no English translation of the program: its Chinese title
    assert expected_program in message.body


def test_certificate_revoked(certificate, registrar, language, delivered):  # noqa: F811
    NotificationPreference.objects.create(user=certificate.user, language=language)
    Notification.objects.all().delete()  # the issue's own notification is not what this test is about

    with delivered():
        certification.certificate_revoke(certificate=certificate, actor=registrar, reason="考试成绩造假")

    _notification, message = _only_email_for(
        certificate.user, NotificationKind.CERTIFICATE_REVOKED, language, "revoked"
    )
    assert "考试成绩造假" in message.body


def test_certificate_about_to_expire(certificate, language, delivered):  # noqa: F811
    NotificationPreference.objects.create(user=certificate.user, language=language)
    Notification.objects.all().delete()
    now = timezone.now()
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=now + datetime.timedelta(days=20))

    with delivered():
        assert certification.certificate_send_expiry_reminders(actor=SYSTEM, now=now) == 1

    notification, message = _only_email_for(
        certificate.user, NotificationKind.CERTIFICATE_EXPIRING, language, "expiring"
    )
    assert certificate.serial in message.subject
    assert notification.params["days"] == 30
