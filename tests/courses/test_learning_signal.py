"""``courses.signals.learning_progressed``: the services that change progress, results and
attendance say so once their change commits; a row written any other way says nothing.

Certification's auto-issue listens to this signal only (``certification.signals``): if a service
stopped sending it, a trainee who met a rule would wait for the nightly sweep.
"""

from contextlib import contextmanager
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from core.guards import SYSTEM
from courses import services
from courses.exams import services as exam_services
from courses.exams.models import Attempt, AttemptStatus
from courses.models import Attendance, CourseCompletion, HoursEntry, HoursSource, LessonCompletion
from courses.questions.models import QuestionType
from courses.signals import Reason, learning_progressed
from tests.factories import cms as cms_factories
from tests.factories import courses as factories
from tests.factories import exams as exam_factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """``with sent() as heard:`` the signals sent when the block's transaction commits."""

    @contextmanager
    def listen():
        heard = []

        def receiver(sender, user_id, reason, **kwargs):
            heard.append((sender, user_id, reason))

        learning_progressed.connect(receiver, dispatch_uid="test-learning-progressed")
        try:
            with django_capture_on_commit_callbacks(execute=True):
                yield heard
        finally:
            learning_progressed.disconnect(dispatch_uid="test-learning-progressed")

    return listen


@pytest.fixture
def course():
    catalogue = cms_factories.catalogue_page(cms_factories.home_page())
    return cms_factories.course_page(catalogue, learning_hours=Decimal("1"))


@pytest.fixture
def cohort(course):
    return factories.cohort(course=course)


@pytest.fixture
def trainee(cohort):
    return factories.enrolment(cohort=cohort).user


def test_a_course_completion_is_sent_once(sent, course, trainee):
    lesson = cms_factories.lesson_page(course)
    HoursEntry.objects.create(user=trainee, course=course, source=HoursSource.OFFLINE, hours=Decimal("1"))
    LessonCompletion.objects.create(user=trainee, lesson=lesson)
    with sent() as heard:
        assert services.course_completion_evaluate(actor=SYSTEM, user=trainee, course=course)
        assert services.course_completion_evaluate(actor=SYSTEM, user=trainee, course=course)  # again
    assert heard == [(CourseCompletion, trainee.pk, Reason.COURSE_COMPLETED)]


def test_an_attendance_is_sent_once(sent, cohort, course, trainee):
    now = timezone.now()
    session = services.offline_session_create(
        cohort=cohort,
        course=course,
        title="技术合同实务研讨",
        starts_at=now - timedelta(minutes=10),
        ends_at=now + timedelta(hours=3),
        hours=Decimal("0"),
        actor=factories.registrar(),
    )
    staff = factories.instructor()
    with sent() as heard:
        services.attendance_record_by_staff(user=trainee, session=session, actor=staff)
        services.attendance_record_by_staff(user=trainee, session=session, actor=staff)  # again
    assert heard == [(Attendance, trainee.pk, Reason.ATTENDED)]


def test_a_passed_exam_is_sent_and_a_failed_one_is_not(sent):
    setup = exam_factories.exam_setup(types=[QuestionType.SINGLE_CHOICE])
    with sent() as heard:
        failed = exam_services.attempt_start(paper=setup.paper, user=setup.trainee)
        exam_services.attempt_submit(actor=SYSTEM, attempt_id=failed.pk)  # nothing answered: 0 %
    assert heard == []

    with sent() as heard:
        attempt = exam_services.attempt_start(paper=setup.paper, user=setup.trainee)
        item = attempt.items.select_related("version").get()
        saves = [
            exam_services.AnswerSave(
                position=item.position, response=exam_factories.right_response(item), seq=1
            )
        ]
        exam_services.attempt_save_answers(actor=SYSTEM, attempt=attempt, saves=saves)
        assert exam_services.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk).passed
    assert heard == [(Attempt, setup.trainee.pk, Reason.EXAM_PASSED)]


def test_a_bare_attempt_row_sends_nothing(sent, course, trainee):
    """Documented in courses.signals: only the services send, not a model's save (the post_save
    listener this replaced fired for any passed Attempt row, a fixture's or a migration's)."""
    paper = exam_factories.paper(course=course, questions=exam_factories.questions([]))
    with sent() as heard:
        now = timezone.now()
        Attempt.objects.create(
            paper=paper,
            user=trainee,
            number=1,
            status=AttemptStatus.COMPLETED,
            started_at=now,
            submitted_at=now,
            score=Decimal("90"),
            max_score=Decimal("100"),
            passed=True,
            released_at=now,
        )
        CourseCompletion.objects.create(user=trainee, course=course)
    assert heard == []
