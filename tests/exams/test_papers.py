"""Who may start a paper, and when: live (approved) papers only, window, eligibility, attempt limit.

The review itself (Wagtail's workflow in the admin) is in test_review.py.
"""

import datetime

import pytest
from django.utils import timezone

from core.guards import SYSTEM
from courses.exams import services
from courses.exams.models import Attempt, Eligibility
from courses.models import EnrolmentStatus
from tests.factories import courses as course_factories
from tests.factories import exams as factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def _start(setup, user=None):
    return services.attempt_start(paper=setup.paper, user=user or setup.trainee, ip="10.0.0.1")


def test_a_paper_never_approved_cannot_be_started():
    setup = factories.exam_setup(live=False)
    with pytest.raises(services.ExamError, match="not been approved"):
        _start(setup)
    assert not Attempt.objects.exists()


def test_the_window_is_enforced():
    now = timezone.now()
    early = factories.exam_setup(opens_at=now + datetime.timedelta(hours=1))
    with pytest.raises(services.ExamError, match="not opened"):
        _start(early)
    late = factories.exam_setup(
        opens_at=now - datetime.timedelta(hours=2), closes_at=now - datetime.timedelta(minutes=1)
    )
    with pytest.raises(services.ExamError, match="closed"):
        _start(late)
    assert not Attempt.objects.exists()


def test_the_deadline_is_capped_by_the_window_close():
    closes = timezone.now() + datetime.timedelta(minutes=10)
    setup = factories.exam_setup(time_limit_minutes=60, closes_at=closes)
    assert _start(setup).deadline == closes


def test_someone_not_enrolled_may_not_sit_it(setup):
    stranger = course_factories.user()
    with pytest.raises(services.ExamError, match="enrolled"):
        _start(setup, stranger)


def test_completed_the_course_rule(setup):
    setup.paper.eligibility = Eligibility.COMPLETED
    setup.paper.save()
    with pytest.raises(services.ExamError, match="completed the course"):
        _start(setup)


def test_max_attempts(setup):
    setup.paper.max_attempts = 2
    setup.paper.save()
    first = _start(setup)
    assert _start(setup) == first  # a second click resumes the open attempt
    services.attempt_submit(actor=SYSTEM, attempt_id=first.pk)
    second = _start(setup)
    assert second.number == 2
    services.attempt_submit(actor=SYSTEM, attempt_id=second.pk)
    with pytest.raises(services.ExamError, match="used all your attempts"):
        _start(setup)
    assert Attempt.objects.filter(user=setup.trainee).count() == 2


def test_a_withdrawn_trainee_may_not_start(setup):
    setup.trainee.enrolments.update(status=EnrolmentStatus.WITHDRAWN)
    with pytest.raises(services.ExamError):
        _start(setup)
