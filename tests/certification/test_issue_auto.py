"""End to end with a real Celery worker: completing the last requirement issues the certificate
automatically (``courses.signals.learning_progressed`` queues the check on commit) and the worker
renders its PDF."""

import pytest
from django.db import transaction

from certification.models import Certificate, RenderState
from courses.exams.models import Attempt
from courses.signals import Reason, learning_progressed_send
from tests.certification.render_fixtures import certificates_worker  # noqa: F401
from tests.factories import certification as factories
from tests.waiting import wait_for


@pytest.mark.integration
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_passing_the_final_exam_issues_and_renders_the_certificate(
    certificates_worker,  # noqa: F811
    trainee,
    courses,
    rule,
    program,
    training_base,
):
    rule.auto_issue = True
    rule.save()
    for course in courses:
        factories.complete(user=trainee, course=course)
    assert not Certificate.objects.exists()

    with transaction.atomic():
        attempt = factories.exam_result(user=trainee, course=courses[-1], percent=88)
        # What the exam service sends when it releases a pass (tests/courses/test_learning_signal.py
        # checks that it does); a factory's bare row sends nothing.
        learning_progressed_send(sender=Attempt, user_id=trainee.pk, reason=Reason.EXAM_PASSED)
    assert attempt.passed

    assert wait_for(
        lambda: Certificate.objects.filter(user=trainee, render_state=RenderState.DONE).exists(), timeout=90
    )
    certificate = Certificate.objects.get(user=trainee)
    assert certificate.program == program
    assert certificate.pdf_sha256
    assert certificate.events.get(action="issued").actor is None  # issued by the system
