"""Staff exam pages and exports show a paper's results, responses and attempt logs (with IP addresses)
only to the graders of its course and to registrars: the exam report's rule, on every page."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from core.guards import SYSTEM
from courses.exams import services
from courses.exams.models import AttemptItem, CourseGrader, ScoreChange
from courses.questions.models import QuestionType
from tests.factories import courses as course_factories
from tests.factories import exams as factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def graded_paper():
    """A paper with one submitted attempt whose essay waits for a grader."""
    setup = factories.exam_setup(types=[QuestionType.SINGLE_CHOICE, QuestionType.ESSAY])
    attempt = services.attempt_start(paper=setup.paper, user=setup.trainee, ip="203.0.113.7")
    services.attempt_submit(actor=SYSTEM, attempt_id=attempt.pk)
    essay = attempt.items.get(version__qtype=QuestionType.ESSAY)
    return setup, attempt, essay


def _instructor(*, grades=None):
    user = course_factories.instructor()
    user.groups.get().permissions.add(Permission.objects.get(codename="access_admin"))
    if grades is not None:
        CourseGrader.objects.create(course=grades, user=user)
    return user


def _pages(setup, attempt, essay) -> list[str]:
    paper = setup.paper.pk
    return [
        reverse("exams:staff_paper", args=[paper]),
        reverse("exams:staff_paper_export", args=[paper]),
        reverse("exams:staff_attempt", args=[attempt.pk]),
        reverse("exams:staff_grade_item", args=[essay.pk]),
        reverse("exam_report", args=[paper]),
        reverse("exam_report_export", args=[paper]),
    ]


def test_an_instructor_who_does_not_grade_the_course_sees_none_of_its_exam_pages(client, graded_paper):
    setup, attempt, essay = graded_paper
    # An instructor who grades another course: staff, but not this course's.
    outsider = _instructor(grades=factories.course())
    client.force_login(outsider)
    for url in _pages(setup, attempt, essay):
        response = client.get(url)
        # The admin answers a refusal by sending the user back to its dashboard.
        refused = response.status_code in (403, 404) or (
            url.startswith("/admin/") and response.status_code == 302 and response["Location"] == "/admin/"
        )
        assert refused, (url, response.status_code)
        assert b"203.0.113.7" not in response.content
    queue = client.get(reverse("exams:staff_grading_queue"))
    assert queue.status_code == 200 and setup.paper.title not in queue.content.decode()

    # Nor may they change anything through the staff forms.
    extra = client.post(
        reverse("exams:staff_extra_time", args=[setup.paper.pk]),
        {"username": setup.trainee.username, "extra_minutes": 30, "reason": "x"},
    )
    override = client.post(
        reverse("exams:staff_item_override", args=[essay.pk]), {"score": "0", "reason": "x"}
    )
    assert (extra.status_code, override.status_code) == (403, 403)
    assert not ScoreChange.objects.exists()

    # A paper still in the making is not theirs to read either.
    draft = factories.paper(course=setup.course, questions=setup.questions, live=False)
    assert client.get(reverse("exams:paper_detail", args=[draft.pk])).status_code == 404


@pytest.mark.parametrize("who", ["grader", "registrar"])
def test_the_courses_graders_and_registrars_see_every_exam_page(client, graded_paper, who):
    setup, attempt, essay = graded_paper
    user = _instructor(grades=setup.course) if who == "grader" else course_factories.registrar()
    client.force_login(user)
    for url in _pages(setup, attempt, essay):
        assert client.get(url).status_code == 200, url
    assert "203.0.113.7" in client.get(reverse("exams:staff_attempt", args=[attempt.pk])).content.decode()
    queue = client.get(reverse("exams:staff_grading_queue")).content.decode()
    assert setup.paper.title in queue
    draft = factories.paper(course=setup.course, questions=setup.questions, live=False)
    assert client.get(reverse("exams:paper_detail", args=[draft.pk])).status_code == 200

    # An override changes a score the answer has (the essay waits for its first grade).
    choice = attempt.items.get(version__qtype=QuestionType.SINGLE_CHOICE)
    response = client.post(
        reverse("exams:staff_item_override", args=[choice.pk]), {"score": "0.5", "reason": "复核"}
    )
    assert response.status_code == 302
    assert AttemptItem.objects.get(pk=choice.pk).score == Decimal("0.5")
