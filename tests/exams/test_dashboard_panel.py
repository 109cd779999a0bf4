"""The trainee dashboard shows each open exam and where the trainee stands in it."""

import pytest
from django.urls import reverse

from core.guards import SYSTEM
from courses.exams import services
from courses.questions.models import QuestionType
from tests.factories import courses as course_factories
from tests.factories import exams as factories

pytestmark = pytest.mark.django_db


def _panel(client, user) -> str:
    client.force_login(user)
    page = client.get(reverse("courses:dashboard")).content.decode()
    start = page.index('aria-labelledby="my-exams"')
    return page[start : page.index("</section>", start)]


def test_the_dashboard_follows_a_trainee_through_an_exam(client):
    setup = factories.exam_setup(types=[QuestionType.SINGLE_CHOICE, QuestionType.TRUE_FALSE])
    paper, trainee = setup.paper, setup.trainee

    panel = _panel(client, trainee)
    assert paper.title in panel and 'data-exam-state="not_started"' in panel
    assert reverse("exams:paper_detail", args=[paper.pk]) in panel

    attempt = services.attempt_start(paper=paper, user=trainee)
    panel = _panel(client, trainee)
    assert 'data-exam-state="in_progress"' in panel and reverse("exams:attempt", args=[attempt.pk]) in panel

    services.attempt_submit(
        actor=SYSTEM, attempt_id=attempt.pk
    )  # nothing answered: objective, scored at once
    panel = _panel(client, trainee)
    assert 'data-exam-state="failed"' in panel and reverse("exams:attempt_result", args=[attempt.pk]) in panel


def test_only_the_exams_of_the_trainees_own_courses_are_listed(client):
    setup = factories.exam_setup()
    stranger = course_factories.user(username="stranger")
    assert setup.paper.title not in _panel(client, stranger)
    assert "没有" in _panel(client, stranger)  # the empty state, in Chinese
