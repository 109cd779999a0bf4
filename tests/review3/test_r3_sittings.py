"""Review r3: sittings (考试场次) whose registrar changes them after the papers were prepared."""

import datetime

import pytest
from django.utils import timezone

from core.guards import SYSTEM
from courses.exams import services, sittings
from courses.exams.models import Attempt, Sitting
from courses.questions.models import QuestionType
from tests.factories import exams as factories

pytestmark = pytest.mark.django_db


def test_a_sitting_moved_to_another_paper_starts_that_paper_not_the_one_prepared_before():
    # The registrar schedules paper A for the cohort, the worker prepares it, then the registrar
    # corrects the sitting to paper B (the snippet form lets them). The assembly after the save keeps
    # the papers prepared from A (the examinee is still expected and 'has a paper in the sitting'),
    # and starting B then starts A's prepared paper: an attempt at a paper the trainee never chose.
    setup = factories.exam_setup()
    cohort = setup.trainee.enrolments.get().cohort
    other = factories.paper(
        course=setup.course, questions=factories.questions(types=[QuestionType.TRUE_FALSE])
    )
    sitting = Sitting.objects.create(
        paper=setup.paper, cohort=cohort, opens_at=timezone.now() + datetime.timedelta(minutes=30)
    )
    sittings.sitting_assemble(actor=SYSTEM, sitting_id=sitting.pk)
    sitting.paper = other
    sitting.save()
    sittings.sitting_schedule(actor=SYSTEM, sitting=sitting)
    sittings.sitting_assemble(actor=SYSTEM, sitting_id=sitting.pk)  # what the queued task runs
    Sitting.objects.filter(pk=sitting.pk).update(opens_at=timezone.now() - datetime.timedelta(minutes=1))
    attempt = services.attempt_start(paper=other, user=setup.trainee)
    # Today: attempt.paper is A (the prepared paper of the sitting's earlier paper), numbered as B's.
    assert attempt.paper_id == other.pk
    assert not Attempt.objects.filter(paper=setup.paper, user=setup.trainee).exists()
